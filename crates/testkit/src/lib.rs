//! Test helpers for the course: run the real programs, read what they narrate, and never hang.
//!
//! Every wait has a deadline ([`TIMEOUT`] unless a test says otherwise). A program that has not
//! said what the test waits for by then fails the test with everything it printed so far; a
//! [`Program`] that goes out of scope is killed. Nothing here sleeps to synchronise: waits are
//! woken by the program's own output.

use std::ffi::OsStr;
use std::io::{self, Read, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

mod language;
mod minimal;
pub mod score;
pub use language::speaking;
pub use minimal::{
    MINIMAL_FIRST_SOCKET_LINE, MINIMAL_MAX_LINES, MinimalShape, example_binary, minimal_binary,
};

/// How long a test waits for a program to say something before it fails.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// Bytes a program wrote to one of its outputs, filled by a reader thread.
#[derive(Default)]
struct Captured {
    bytes: Mutex<(Vec<u8>, bool)>, // (everything so far, closed)
    grew: Condvar,
}

impl Captured {
    fn spawn_reader(mut from: impl Read + Send + 'static) -> Arc<Captured> {
        let captured = Arc::new(Captured::default());
        let filling = Arc::clone(&captured);
        thread::spawn(move || {
            let mut chunk = [0u8; 64 * 1024];
            loop {
                let n = from.read(&mut chunk).unwrap_or(0);
                let mut state = filling.bytes.lock().unwrap();
                if n == 0 {
                    state.1 = true;
                } else {
                    state.0.extend_from_slice(&chunk[..n]);
                }
                filling.grew.notify_all();
                if n == 0 {
                    break;
                }
            }
        });
        captured
    }

    fn snapshot(&self) -> Vec<u8> {
        self.bytes.lock().unwrap().0.clone()
    }

    /// Waits until `found` returns `Some` on the bytes so far, or the output closes, or the
    /// deadline passes.
    fn wait_for<T>(
        &self,
        timeout: Duration,
        mut found: impl FnMut(&[u8]) -> Option<T>,
    ) -> Option<T> {
        let deadline = Instant::now() + timeout;
        let mut state = self.bytes.lock().unwrap();
        loop {
            if let Some(value) = found(&state.0) {
                return Some(value);
            }
            let now = Instant::now();
            if state.1 || now >= deadline {
                return None;
            }
            state = self.grew.wait_timeout(state, deadline - now).unwrap().0;
        }
    }

    fn wait_closed(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut state = self.bytes.lock().unwrap();
        while !state.1 {
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            state = self.grew.wait_timeout(state, deadline - now).unwrap().0;
        }
        true
    }
}

/// One of the course's programs, running, with its stdout and stderr captured.
pub struct Program {
    name: String,
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: Arc<Captured>,
    stderr: Arc<Captured>,
}

/// What a finished program left behind.
#[derive(Debug)]
pub struct Finished {
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Finished {
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
}

/// Makes the course's programs speak English (`SOCKETS_LANG=en`), whatever the locale of the
/// machine running the tests, unless the test chose a language itself (`SOCKETS_LANG` set on
/// the command). [`Program`] does it for every program it starts; call it on a `Command` a
/// test runs itself.
pub fn in_english(command: &mut Command) -> &mut Command {
    let chosen = command
        .get_envs()
        .any(|(name, _)| name == OsStr::new("SOCKETS_LANG"));
    if !chosen {
        command.env("SOCKETS_LANG", "en");
    }
    command
}

impl Program {
    /// Starts `binary` (use `env!("CARGO_BIN_EXE_<name>")`, or [`sibling_binary`]) with
    /// `args`, stdin piped.
    pub fn start(binary: impl AsRef<OsStr>, args: &[&str]) -> Program {
        Program::start_command(Command::new(binary).args(args))
    }

    /// Starts a prepared command (for extra environment or a working directory); its stdin,
    /// stdout and stderr are replaced by pipes.
    pub fn start_command(command: &mut Command) -> Program {
        let name = command.get_program().to_string_lossy().into_owned();
        let mut child = in_english(command)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|error| panic!("starting {name}: {error}"));
        let stdout = Captured::spawn_reader(child.stdout.take().unwrap());
        let stderr = Captured::spawn_reader(child.stderr.take().unwrap());
        Program {
            name,
            stdin: child.stdin.take(),
            child,
            stdout,
            stderr,
        }
    }

    /// The address the program bound: the first socket address on its first stderr line.
    /// Start programs on port 0 and read the port the OS gave them from here.
    pub fn bound_addr(&self) -> SocketAddr {
        let line = self.wait_stderr_line(|_| true);
        first_socket_addr(&line).unwrap_or_else(|| {
            panic!(
                "{}: first stderr line names no address: {line:?}\n{}",
                self.name,
                self.stderr_text()
            )
        })
    }

    /// Waits for a stderr line for which `wanted` holds and returns it.
    pub fn wait_stderr_line(&self, wanted: impl Fn(&str) -> bool) -> String {
        self.wait_stderr_line_within(TIMEOUT, wanted)
    }

    /// [`Program::wait_stderr_line`] with a deadline of the test's choosing.
    pub fn wait_stderr_line_within(
        &self,
        timeout: Duration,
        wanted: impl Fn(&str) -> bool,
    ) -> String {
        self.try_wait_stderr_line(timeout, wanted)
            .unwrap_or_else(|| {
                panic!(
                    "{}: no such stderr line within {timeout:?}; stderr so far:\n{}",
                    self.name,
                    self.stderr_text()
                )
            })
    }

    /// Like [`Program::wait_stderr_line_within`], `None` instead of a panic.
    pub fn try_wait_stderr_line(
        &self,
        timeout: Duration,
        wanted: impl Fn(&str) -> bool,
    ) -> Option<String> {
        let mut scanned = 0;
        self.stderr.wait_for(timeout, |bytes| {
            // Only complete lines count; remember how far we looked.
            let complete = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let fresh = String::from_utf8_lossy(&bytes[scanned..complete]).into_owned();
            scanned = complete;
            fresh.lines().find(|line| wanted(line)).map(str::to_owned)
        })
    }

    /// Waits until stdout holds at least `len` bytes and returns them all.
    pub fn wait_stdout_len(&self, len: usize) -> Vec<u8> {
        self.stdout
            .wait_for(TIMEOUT, |bytes| {
                (bytes.len() >= len).then(|| bytes.to_vec())
            })
            .unwrap_or_else(|| {
                panic!(
                    "{}: stdout has {} bytes, waited for {len}; stderr:\n{}",
                    self.name,
                    self.stdout.snapshot().len(),
                    self.stderr_text()
                )
            })
    }

    /// Waits until stdout contains `text`.
    pub fn wait_stdout_contains(&self, text: &str) -> String {
        self.stdout
            .wait_for(TIMEOUT, |bytes| {
                let seen = String::from_utf8_lossy(bytes);
                seen.contains(text).then(|| seen.into_owned())
            })
            .unwrap_or_else(|| {
                panic!(
                    "{}: stdout never contained {text:?}; stdout:\n{}\nstderr:\n{}",
                    self.name,
                    String::from_utf8_lossy(&self.stdout.snapshot()),
                    self.stderr_text()
                )
            })
    }

    /// Everything on stderr so far.
    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr.snapshot()).into_owned()
    }

    /// Everything on stdout so far.
    pub fn stdout_bytes(&self) -> Vec<u8> {
        self.stdout.snapshot()
    }

    /// Writes to the program's stdin.
    pub fn write_stdin(&mut self, bytes: &[u8]) -> io::Result<()> {
        let stdin = self.stdin.as_mut().expect("stdin already closed");
        stdin.write_all(bytes)?;
        stdin.flush()
    }

    /// Closes the program's stdin: it reads end of file.
    pub fn close_stdin(&mut self) {
        self.stdin = None;
    }

    /// Takes the stdin pipe, for a test that feeds it from a thread of its own.
    pub fn take_stdin(&mut self) -> ChildStdin {
        self.stdin.take().expect("stdin already taken")
    }

    /// The program's process id (to send it a signal).
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// Closes stdin and waits for the program to exit on its own, within `timeout`.
    /// A program still running then is killed and the test fails.
    pub fn finish_within(mut self, timeout: Duration) -> Finished {
        self.stdin = None;
        let deadline = Instant::now() + timeout;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("waiting for the program") {
                break status;
            }
            // The program's stderr closes when it exits: wait on that instead of polling.
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                let _ = self.child.kill();
                panic!(
                    "{}: still running after {timeout:?}; stderr:\n{}",
                    self.name,
                    self.stderr_text()
                );
            }
            if self.stderr.wait_closed(left) {
                // stderr closed: the process is exiting; reap it.
                break self.child.wait().expect("waiting for the program");
            }
        };
        // Let the readers drain what is left in the pipes.
        self.stdout.wait_closed(TIMEOUT);
        self.stderr.wait_closed(TIMEOUT);
        Finished {
            status,
            stdout: self.stdout.snapshot(),
            stderr: self.stderr_text(),
        }
    }

    /// [`Program::finish_within`] with [`TIMEOUT`].
    pub fn finish(self) -> Finished {
        self.finish_within(TIMEOUT)
    }

    /// Kills the program and returns what it printed.
    pub fn kill(mut self) -> Finished {
        let _ = self.child.kill();
        self.finish()
    }

    /// Asks the program to stop as Ctrl-C would (SIGINT on Unix; a kill elsewhere) and
    /// waits for it to exit.
    pub fn interrupt(self) -> Finished {
        #[cfg(unix)]
        {
            // No libc dependency: `kill -INT` is on every Unix.
            let sent = Command::new("kill")
                .args(["-INT", &self.child.id().to_string()])
                .status()
                .map(|status| status.success())
                .unwrap_or(false);
            if sent {
                return self.finish();
            }
        }
        self.kill()
    }
}

impl Drop for Program {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `binary` with `args`, its stdout piped into `head -1`, as a student's
/// `program | head -1`: the reader of its stdout goes away after the first line. The
/// [`Program`] is the pipeline (bash, with `pipefail`: its status is the program's); its stderr
/// is the program's. Unix only (bash and head).
#[cfg(unix)]
pub fn start_into_head(binary: impl AsRef<OsStr>, args: &[&str]) -> Program {
    let quote = |text: &str| format!("'{}'", text.replace('\'', r"'\''"));
    let mut line = vec![quote(&binary.as_ref().to_string_lossy())];
    line.extend(args.iter().map(|arg| quote(arg)));
    let pipeline = format!("set -o pipefail; {} | head -1", line.join(" "));
    Program::start_command(Command::new("bash").args(["-c", &pipeline]))
}

/// Runs a program to the end with `input` on stdin and returns what it printed.
pub fn run(binary: impl AsRef<OsStr>, args: &[&str], input: &[u8]) -> Finished {
    finish_with_input(Program::start(binary, args), input)
}

/// Writes `input` to a started program's stdin, closes it, and waits for the program to end.
pub fn finish_with_input(mut program: Program, input: &[u8]) -> Finished {
    let mut stdin = program.take_stdin();
    let input = input.to_vec();
    // A writer thread, so a program that prints while it reads cannot deadlock the test.
    let writer = thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let finished = program.finish();
    let _ = writer.join();
    finished
}

/// Checks that a program failed the way every course program must: exit status `code`, and
/// stderr ending with exactly one `error:` line and one `hint:` line (narration may come
/// before them; a panic or a backtrace may not). Returns the two lines.
pub fn assert_error_and_hint(finished: &Finished, code: i32) -> (String, String) {
    let stderr = &finished.stderr;
    assert_eq!(finished.status.code(), Some(code), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    let errors = lines
        .iter()
        .filter(|line| line.starts_with("error: "))
        .count();
    let ending = &lines[lines.len().saturating_sub(2)..];
    assert!(
        errors == 1
            && ending.len() == 2
            && ending[0].starts_with("error: ")
            && ending[1].starts_with("hint: ")
            && !stderr.contains("panicked"),
        "expected one error line and one hint line at the end:\n{stderr}"
    );
    (ending[0].to_string(), ending[1].to_string())
}

/// Checks that a program refused its arguments before doing anything: exit status 2 (a usage
/// error), and stderr is exactly one `error:` line and one `hint:` line. The programs narrate
/// every socket call, so no other line means that no socket was created, nothing was sent.
/// Returns the two lines.
pub fn assert_refused_before_any_socket(finished: &Finished) -> (String, String) {
    let lines = assert_error_and_hint(finished, 2);
    assert_eq!(
        finished.stderr.lines().count(),
        2,
        "more than the error and its hint:\n{}",
        finished.stderr
    );
    lines
}

/// The binary of another package of the workspace, such as `sibling_binary("tcp-echo-server")`
/// in the tests of tcp-client.
///
/// Cargo gives a test only its own package's binaries (`CARGO_BIN_EXE_<name>`), so this builds
/// the sibling with `$CARGO build -p <package>` (a no-op when it is up to date), once per test
/// process, into the target directory, profile and target triple of the running test, and
/// returns its path.
pub fn sibling_binary(package: &str) -> PathBuf {
    static BUILT: Mutex<Vec<(String, PathBuf)>> = Mutex::new(Vec::new());
    // Held during the build: tests that want the same sibling wait for one build.
    let mut built = BUILT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, path)) = built.iter().find(|(name, _)| name == package) {
        return path.clone();
    }
    let test = std::env::current_exe().expect("the path of the running test");
    let (profile_dir, mut build) = build_command(&test, package, env!("TESTKIT_TARGET"));
    let status = build
        .status()
        .unwrap_or_else(|error| panic!("running cargo build -p {package}: {error}"));
    assert!(status.success(), "cargo build -p {package} failed");
    let path = profile_dir.join(format!("{package}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "cargo build -p {package} made no {}",
        path.display()
    );
    built.push((package.to_string(), path.clone()));
    path
}

/// `$CARGO build -p <package>` with the target directory, profile and triple of the test at
/// `test`, which runs from `<target dir>[/<triple>]/<profile>/deps/` and was compiled for
/// `triple`; and the directory the binaries go to.
fn build_command(test: &Path, package: &str, triple: &str) -> (PathBuf, Command) {
    let profile_dir = test
        .parent()
        .and_then(Path::parent)
        .expect("a test runs from <target>/<profile>/deps")
        .to_path_buf();
    let build = build_into(&profile_dir, &[package], triple);
    (profile_dir, build)
}

/// `$CARGO build --quiet -p <package>...`, run from this workspace, that puts the programs in
/// `profile_dir`, the directory of a program already built (`<target dir>[/<triple>]/<profile>`):
/// the same target directory, profile and target triple. How a program of the course that runs
/// another one (socket-lab runs tcp-echo-server) builds it first under `cargo run`.
pub fn cargo_build_beside(profile_dir: &Path, packages: &[&str]) -> Command {
    build_into(profile_dir, packages, env!("TESTKIT_TARGET"))
}

/// The cargo to run: `$CARGO` (the cargo that started this program or test), or `cargo` from
/// the PATH when `$CARGO` is unset or empty (an empty name is no program at all).
pub fn cargo() -> std::ffi::OsString {
    std::env::var_os("CARGO")
        .filter(|cargo| !cargo.is_empty())
        .unwrap_or_else(|| "cargo".into())
}

fn build_into(profile_dir: &Path, packages: &[&str], triple: &str) -> Command {
    let mut build = Command::new(cargo());
    build.args(["build", "--quiet"]);
    for package in packages {
        build.args(["-p", package]);
    }
    // This workspace, wherever the caller stands (its own folder when cargo started it).
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    if workspace.join("Cargo.toml").is_file() {
        build.current_dir(workspace);
    }
    let above = profile_dir.parent().unwrap_or(profile_dir);
    // Under `--target <triple>` the profile lives in a directory named for the triple. (Not
    // told by CACHEDIR.TAG: cargo writes one there as well as at the root.)
    let target_dir = if above.file_name() == Some(OsStr::new(triple)) {
        build.arg("--target").arg(triple);
        above.parent().unwrap_or(above)
    } else {
        above
    };
    build.arg("--target-dir").arg(target_dir);
    // `debug` is the dev profile's directory; every other profile's directory has its name.
    match profile_dir.file_name().and_then(OsStr::to_str) {
        Some("debug") | None => {}
        Some(profile) => {
            build.args(["--profile", profile]);
        }
    }
    build
}

/// The first token of `line` that parses as a socket address (trailing punctuation ignored):
/// the address a program narrates it bound, `bind     127.0.0.1:40123 (TCP listener)`. The one
/// reader of that line in Rust, for the tests and for socket-lab's peers.
pub fn first_socket_addr(line: &str) -> Option<SocketAddr> {
    line.split_whitespace()
        .filter_map(|token| {
            token
                .trim_end_matches([',', ')', ';', '.'])
                .trim_start_matches('(')
                .parse()
                .ok()
        })
        .next()
}

/// A free port on 127.0.0.1 at this moment (bind port 0, read it, close). For the rare test
/// that must name a port that nothing listens on.
pub fn unused_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("binding 127.0.0.1:0")
}

/// Deterministic pseudo-random bytes (xorshift), so a failing binary test can be replayed.
pub fn random_bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut bytes = Vec::with_capacity(len + 8);
    while bytes.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        bytes.extend_from_slice(&state.to_le_bytes());
    }
    bytes.truncate(len);
    bytes
}

/// A running program whose stderr the test holds but does not read: after its first line,
/// what the program narrates stays in the pipe (a pipe nobody reads) until the test closes
/// the pipe ([`HeldStderr::close_stderr`]) or reads it again ([`HeldStderr::resume_stderr`]).
/// Its stdout is captured as a [`Program`]'s is. Killed when dropped.
pub struct HeldStderr {
    name: String,
    child: Child,
    stderr: Option<io::BufReader<std::process::ChildStderr>>,
    stdout: Arc<Captured>,
    resumed: Option<Arc<Captured>>,
}

impl HeldStderr {
    /// Starts `binary` with `args`, stdin empty.
    pub fn start(binary: impl AsRef<OsStr>, args: &[&str]) -> HeldStderr {
        let mut command = Command::new(binary);
        command.args(args);
        let name = command.get_program().to_string_lossy().into_owned();
        let mut child = in_english(&mut command)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|error| panic!("starting {name}: {error}"));
        let stdout = Captured::spawn_reader(child.stdout.take().unwrap());
        let stderr = io::BufReader::new(child.stderr.take().unwrap());
        HeldStderr {
            name,
            child,
            stderr: Some(stderr),
            stdout,
            resumed: None,
        }
    }

    /// Reads stderr's first line (within [`TIMEOUT`]) and the socket address on it: the
    /// address the program bound. Nothing more is read from stderr.
    pub fn bound_addr(&mut self) -> SocketAddr {
        use std::io::BufRead;
        let mut stderr = self.stderr.take().expect("stderr was closed");
        let (sender, receiver) = std::sync::mpsc::channel();
        thread::spawn(move || {
            let mut line = String::new();
            let read = stderr.read_line(&mut line);
            let _ = sender.send((read.map(|_| line), stderr));
        });
        let (line, stderr) = receiver
            .recv_timeout(TIMEOUT)
            .unwrap_or_else(|_| panic!("{}: no stderr line within {TIMEOUT:?}", self.name));
        self.stderr = Some(stderr);
        let line = line.unwrap_or_else(|error| panic!("{}: reading stderr: {error}", self.name));
        first_socket_addr(&line).unwrap_or_else(|| {
            panic!(
                "{}: first stderr line names no address: {line:?}",
                self.name
            )
        })
    }

    /// Closes the test's end of the stderr pipe: the program's next write to stderr fails
    /// (EPIPE on Unix, ERROR_NO_DATA on Windows).
    pub fn close_stderr(&mut self) {
        self.stderr = None;
    }

    /// Reads stderr again, from where the test stopped: returns everything from there on, once
    /// `found` holds for it (within [`TIMEOUT`]).
    pub fn resume_stderr(&mut self, found: impl Fn(&str) -> bool) -> String {
        if self.resumed.is_none() {
            let stderr = self.stderr.take().expect("stderr was closed");
            self.resumed = Some(Captured::spawn_reader(stderr));
        }
        let captured = self.resumed.as_ref().expect("just set");
        captured
            .wait_for(TIMEOUT, |bytes| {
                let text = String::from_utf8_lossy(bytes);
                found(&text).then(|| text.into_owned())
            })
            .unwrap_or_else(|| {
                panic!(
                    "{}: stderr never showed what the test waits for; stderr after the first \
                     line:\n{}",
                    self.name,
                    String::from_utf8_lossy(&captured.snapshot())
                )
            })
    }

    /// Waits until stdout contains `text` and returns all of stdout.
    pub fn wait_stdout_contains(&self, text: &str) -> String {
        self.stdout
            .wait_for(TIMEOUT, |bytes| {
                let seen = String::from_utf8_lossy(bytes);
                seen.contains(text).then(|| seen.into_owned())
            })
            .unwrap_or_else(|| {
                panic!(
                    "{}: stdout never contained {text:?}; stdout:\n{}",
                    self.name,
                    String::from_utf8_lossy(&self.stdout.snapshot())
                )
            })
    }

    /// The exit status, if the program has ended.
    pub fn exited(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().expect("waiting for the program")
    }
}

impl Drop for HeldStderr {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_address_in_a_narration_line() {
        assert_eq!(
            first_socket_addr("bind     127.0.0.1:40123 (TCP listener, backlog 128)"),
            Some("127.0.0.1:40123".parse().unwrap())
        );
        assert_eq!(
            first_socket_addr("bound [::1]:9000."),
            Some("[::1]:9000".parse().unwrap())
        );
        assert_eq!(first_socket_addr("no address here"), None);
        // socket-lab reads socat's line with it too.
        assert_eq!(
            first_socket_addr(
                "2026/11/24 01:55:13 socat[16156] N listening on AF=2 127.0.0.1:37769"
            ),
            Some("127.0.0.1:37769".parse().unwrap())
        );
    }

    /// The sibling is built where the running test's own binaries are: same target
    /// directory, profile and triple. The layout is cargo's: CACHEDIR.TAG at the root of the
    /// target dir and in each triple's directory too; and a target dir may sit inside another
    /// (scripts/check-exercises uses target/check-exercises).
    #[test]
    fn sibling_build_follows_the_running_tests_directories() {
        let root = std::env::temp_dir().join(format!("testkit-target-{}", std::process::id()));
        let windows = "x86_64-pc-windows-gnu";
        for dir in ["debug/deps", "check-exercises/debug/deps"] {
            std::fs::create_dir_all(root.join(dir)).unwrap();
        }
        std::fs::create_dir_all(root.join(windows).join("release/deps")).unwrap();
        for dir in [".", windows, "check-exercises"] {
            std::fs::write(root.join(dir).join("CACHEDIR.TAG"), "").unwrap();
        }
        let args = |test: PathBuf| {
            let (profile_dir, command) = build_command(&test, "tcp-echo-server", windows);
            let args: Vec<String> = command
                .get_args()
                .map(|arg| arg.to_string_lossy().into_owned())
                .collect();
            (profile_dir, args.join(" "))
        };
        let root_text = root.display();

        let (dir, plain) = args(root.join("debug/deps/client-1234"));
        assert_eq!(dir, root.join("debug"));
        assert_eq!(
            plain,
            format!("build --quiet -p tcp-echo-server --target-dir {root_text}")
        );

        let (dir, cross) = args(root.join(windows).join("release/deps/client-1234"));
        assert_eq!(dir, root.join(windows).join("release"));
        assert_eq!(
            cross,
            format!(
                "build --quiet -p tcp-echo-server --target {windows} \
                 --target-dir {root_text} --profile release"
            )
        );

        let nested = root.join("check-exercises");
        let (dir, inner) = args(nested.join("debug/deps/client-1234"));
        assert_eq!(dir, nested.join("debug"));
        assert_eq!(
            inner,
            format!(
                "build --quiet -p tcp-echo-server --target-dir {}",
                nested.display()
            )
        );
        // A program (socket-lab in target/release) building two others beside it.
        let beside: Vec<String> = build_into(&root.join("release"), &["a", "b"], windows)
            .get_args()
            .map(|arg| arg.to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            beside.join(" "),
            format!("build --quiet -p a -p b --target-dir {root_text} --profile release")
        );
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn random_bytes_are_reproducible_and_not_constant() {
        let a = random_bytes(1000, 7);
        assert_eq!(a, random_bytes(1000, 7));
        assert_ne!(a, random_bytes(1000, 8));
        assert!(a.iter().any(|&b| b != a[0]));
    }
}
