//! The other programs the lab measures: this workspace's `tcp-echo-server` (or the echo
//! servers given with `--server`), and, where installed, `iperf3` and `socat`. Each runs as a
//! child process on loopback, is killed when the lab is done with it, and never outlives the
//! lab's deadline.

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use course::{say, t};

use crate::report::Progress;

/// A program of this workspace next to the lab's own executable (`target/release/NAME` when
/// the lab runs from `target/release/socket-lab`), if it was built.
pub fn sibling(name: &str) -> Option<PathBuf> {
    let path = std::env::current_exe()
        .ok()?
        .with_file_name(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    path.is_file().then_some(path)
}

/// Under `cargo run` (which gives its programs `$CARGO`), builds a program of this workspace
/// next to the lab, in the lab's own profile, so that `cargo run --release -p socket-lab`
/// measures an up-to-date release `tcp-echo-server`: cargo builds only the package it runs.
/// Started some other way, the lab uses what is already there. A failed build is said, and
/// [`sibling`] then finds the older build or nothing.
pub fn build_sibling(name: &str, progress: &mut Progress) {
    let Some(dir) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
    else {
        return;
    };
    if std::env::var_os("CARGO").is_none() {
        return;
    }
    progress.step(&t!("socket-lab.building", name));
    let mut build = testkit::cargo_build_beside(&dir, &[name]);
    // cargo's own messages (a compile error) go to the lab's stderr.
    let built = build.stdin(Stdio::null()).stdout(Stdio::null()).status();
    if !built.is_ok_and(|status| status.success()) {
        progress.clear();
        say!(t!("socket-lab.label.skip"), "socket-lab.build-failed", name);
    }
}

/// Whether `program` runs (`program VERSION_FLAG` exits 0): how the lab finds iperf3 and socat.
pub fn installed(program: &str, version_flag: &str) -> bool {
    Command::new(program)
        .arg(version_flag)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// A running peer. Dropping it kills the process and reaps it.
pub struct Peer {
    child: Child,
    /// The address it listens on, read from what it printed.
    pub addr: SocketAddr,
}

impl Peer {
    /// Starts `program` and waits (at most `timeout`) for a line on `stream` (stdout or stderr)
    /// for which `ready` returns the address it listens on. The rest of that output is
    /// drained by a thread, so that a chatty peer never blocks on a full pipe.
    pub fn start(
        program: &Path,
        args: &[&str],
        from_stdout: bool,
        timeout: Duration,
        ready: impl Fn(&str) -> Option<SocketAddr>,
    ) -> Result<Peer> {
        let name = program
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(if from_stdout {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| t!("socket-lab.starting", path = program.display()))?;
        let lines = if from_stdout {
            lines_of(child.stdout.take().expect("piped stdout"))
        } else {
            lines_of(child.stderr.take().expect("piped stderr"))
        };
        if from_stdout {
            drain(child.stderr.take().expect("piped stderr"));
        }
        let deadline = Instant::now() + timeout;
        let mut seen = Vec::new();
        let addr = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match lines.recv_timeout(left) {
                Ok(line) => {
                    if let Some(addr) = ready(&line) {
                        break addr;
                    }
                    seen.push(line);
                }
                Err(_) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    let (timeout, seen) = (format!("{timeout:?}"), format!("{seen:?}"));
                    bail!(t!("socket-lab.silent-peer", name, timeout, seen));
                }
            }
        };
        // Keep draining what it prints after the ready line.
        thread::spawn(move || for _ in lines {});
        Ok(Peer { child, addr })
    }
}

impl Drop for Peer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Lines read from `from` by a thread, as a channel (so the reader can wait with a deadline).
fn lines_of(from: impl Read + Send + 'static) -> mpsc::Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(from).lines() {
            let Ok(line) = line else { break };
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    receiver
}

fn drain(from: impl Read + Send + 'static) {
    thread::spawn(move || {
        let _ = std::io::copy(&mut BufReader::new(from), &mut std::io::sink());
    });
}

/// What a program printed when it finished.
pub struct Output {
    pub status: Option<ExitStatus>,
    pub stdout: String,
}

/// Runs `program` to the end, killing it if it is still running after `timeout`; what it
/// printed on stdout (its stderr is thrown away).
pub fn run(program: &Path, args: &[&str], timeout: Duration) -> Result<Output> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| t!("socket-lab.starting", path = program.display()))?;
    let stdout = collect(child.stdout.take().expect("piped stdout"));
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        // Waiting on a child with a deadline has no portable blocking call in std: poll.
        thread::sleep(Duration::from_millis(20));
    };
    Ok(Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
    })
}

fn collect(mut from: impl Read + Send + 'static) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut text = String::new();
        let _ = from.read_to_string(&mut text);
        text
    })
}

/// The number after `"key":` in a JSON text, searching from the first occurrence of
/// `"section"`: enough to read iperf3's `-J` summary without a JSON library.
pub fn json_number_after(json: &str, section: &str, key: &str) -> Option<f64> {
    let start = json.find(&format!("\"{section}\""))?;
    let rest = &json[start..];
    let at = rest.find(&format!("\"{key}\""))? + key.len() + 2;
    let value = rest[at..].trim_start().strip_prefix(':')?.trim_start();
    let end = value
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')))
        .unwrap_or(value.len());
    value[..end].parse().ok()
}

/// A port that was free a moment ago on 127.0.0.1, for peers that cannot bind port 0 and
/// report it (iperf3).
pub fn free_port() -> Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")
        .with_context(|| t!("socket-lab.binding", address = "127.0.0.1:0"))?;
    Ok(listener.local_addr()?.port())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_from_iperf3_json() {
        let json = r#"{"end": {"sum_sent": {"seconds": 3.0001, "bytes": 10,
            "bits_per_second": 4.5e10, "packets": 186500}, "sum_received": {
            "seconds":	2.5, "bits_per_second":	42000000000.5 }}}"#;
        assert_eq!(
            json_number_after(json, "sum_received", "bits_per_second"),
            Some(42000000000.5)
        );
        assert_eq!(
            json_number_after(json, "sum_sent", "bits_per_second"),
            Some(4.5e10)
        );
        assert_eq!(
            json_number_after(json, "sum_sent", "packets"),
            Some(186500.0)
        );
        assert_eq!(json_number_after(json, "missing", "packets"), None);
    }
}
