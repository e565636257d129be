//! `--tmux`: one tmux pane per program instead of one conversation. Each pane runs its program
//! as a student would in a terminal of their own (the clients read what you type), started in
//! the order the lesson needs: a later program starts once an earlier pane shows the line it
//! waits for (`bind`, `join`). Where tmux exists: Linux and macOS.
//!
//! The panes stay open when their program ends; `C-b d` (detach) ends the demo and its
//! session. Started inside tmux, the demo switches to its session and leaves it open.

use std::io::IsTerminal;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use course::{HintExt, t, text};

use crate::args::{Lesson, Multicast, Tcp, Udp};
use crate::conversation::STEP;
use crate::heard;
use crate::programs::{self, Programs};

pub fn run(lesson: &Lesson, programs: &Programs) -> Result<()> {
    usable(lesson.name())?;
    let mut session = Session::new(lesson.name())?;
    match lesson {
        Lesson::Tcp(args) => tcp(&mut session, programs, args)?,
        Lesson::Udp(args) => udp(&mut session, programs, args)?,
        Lesson::Multicast(args) => multicast(&mut session, programs, args)?,
    }
    session.show()
}

fn tcp(session: &mut Session, programs: &Programs, args: &Tcp) -> Result<()> {
    let [server_name, first_name, second_name] = crate::tcp::names();
    let server = session.pane(
        &server_name,
        &programs.path("tcp-echo-server")?,
        &crate::tcp::server_args(args),
    )?;
    let listening = session.address(&server, &server_name, "bind")?;
    let client = programs.path("tcp-client")?;
    let client_args = crate::tcp::client_args(listening.port());
    let title = t!("demo.tmux.type-here", name = first_name);
    let first = session.pane(&title, &client, &client_args)?;
    let title = t!("demo.tmux.and-here", name = second_name);
    session.pane(&title, &client, &client_args)?;
    session.select(&first)
}

fn udp(session: &mut Session, programs: &Programs, args: &Udp) -> Result<()> {
    let [receiver_name, relay_name, sender_name] = crate::udp::names();
    let receiver = session.pane(
        &receiver_name,
        &programs.path("udp-receiver")?,
        &crate::udp::receiver_args(args),
    )?;
    let receiving = session.address(&receiver, &receiver_name, "bind")?;
    let relay = session.pane(
        &relay_name,
        &programs.path("udp-relay")?,
        &crate::udp::relay_args(args, receiving),
    )?;
    let relaying = session.address(&relay, &relay_name, "bind")?;
    session.pane(
        &sender_name,
        &programs.path("udp-sender")?,
        &crate::udp::sender_args(args, relaying.port()),
    )?;
    Ok(())
}

fn multicast(session: &mut Session, programs: &Programs, args: &Multicast) -> Result<()> {
    let listener = programs.path("multicast-listener")?;
    let mut port = args.port;
    let names = crate::multicast::names(args.listeners);
    let (titles, sender_name) = names.split_at(names.len() - 1);
    for title in titles {
        let pane = session.pane(
            title,
            &listener,
            &crate::multicast::listener_args(args, port),
        )?;
        // With --port 0 the first listener's port is the group's port for the others.
        port = session.address(&pane, title, "bind")?.port();
        session.line(&pane, title, "join")?;
    }
    session.pane(
        &sender_name[0],
        &programs.path("multicast-sender")?,
        &crate::multicast::sender_args(args, port),
    )?;
    Ok(())
}

/// tmux is there, and so is a terminal to show it in.
fn usable(lesson: &str) -> Result<()> {
    let without = format!("cargo run -p demo -- {lesson}");
    if cfg!(windows) {
        return Err(anyhow::anyhow!(t!("demo.tmux.windows")))
            .hint(t!("demo.tmux.windows.hint", without));
    }
    let installed = Command::new("tmux")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !installed {
        return Err(anyhow::anyhow!(t!("demo.tmux.missing")))
            .hint(t!("demo.tmux.missing.hint", without));
    }
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return Err(anyhow::anyhow!(t!("demo.tmux.no-terminal")))
            .hint(t!("demo.tmux.no-terminal.hint", without));
    }
    Ok(())
}

/// The demo's tmux session. Dropped, it is killed with its programs, unless handed to the
/// tmux the demo runs in.
struct Session {
    name: String,
    panes: usize,
    keep: bool,
}

impl Session {
    fn new(lesson: &str) -> Result<Session> {
        let name = format!("demo-{lesson}-{}", std::process::id());
        tmux(&["new-session", "-d", "-s", &name, "-x", "200", "-y", "50"])?;
        let session = Session {
            name,
            panes: 0,
            keep: false,
        };
        // The panes keep what their program printed after it ends; each shows its title.
        for (option, value) in [
            ("remain-on-exit", "on"),
            ("pane-border-status", "top"),
            ("pane-border-format", " #{pane_title} "),
        ] {
            tmux(&["set-option", "-w", "-t", &session.name, option, value])?;
        }
        tmux(&[
            "set-option",
            "-t",
            &session.name,
            "status-right",
            &t!("demo.tmux.status"),
        ])?;
        Ok(session)
    }

    /// Starts `program` in a new pane titled `title`; returns the pane's id.
    fn pane(&mut self, title: &str, program: &Path, args: &[String]) -> Result<String> {
        // Always: a pane gets the environment of the tmux server, not the demo's.
        let args = programs::with_lang(args, true);
        let command = shell_command(program, &args);
        let id = if self.panes == 0 {
            // The session's first pane runs a shell: replace it, now that the panes stay.
            tmux(&["respawn-pane", "-k", "-t", &self.name, &command])?;
            tmux_output(&["display-message", "-p", "-t", &self.name, "#{pane_id}"])?
        } else {
            tmux_output(&[
                "split-window",
                "-t",
                &self.name,
                "-P",
                "-F",
                "#{pane_id}",
                &command,
            ])?
        };
        self.panes += 1;
        tmux(&["select-pane", "-t", &id, "-T", title])?;
        let layout = if self.panes > 3 {
            "tiled"
        } else {
            "even-vertical"
        };
        tmux(&["select-layout", "-t", &self.name, layout])?;
        Ok(id)
    }

    /// Waits until the pane shows a line of `call`, and returns it. A line `error:` instead
    /// (in the language of the run, as the program writes it) ends the demo with that error
    /// and the program's hint.
    fn line(&self, pane: &str, title: &str, call: &'static str) -> Result<String> {
        let deadline = Instant::now() + STEP;
        let error_prefix = format!("{}: ", text::get("course.error"));
        let hint_prefix = format!("{}: ", text::get("course.hint"));
        loop {
            let text = tmux_output(&["capture-pane", "-p", "-t", pane])?;
            let lines: Vec<&str> = text.lines().map(str::trim).collect();
            if let Some(line) = lines.iter().find(|line| heard::is_call(call)(line)) {
                return Ok(line.to_string());
            }
            let error = lines
                .iter()
                .find_map(|line| line.strip_prefix(error_prefix.as_str()));
            if let Some(error) = error {
                let hint = lines
                    .iter()
                    .find_map(|line| line.strip_prefix(hint_prefix.as_str()))
                    .map_or_else(|| t!("demo.tmux.pane-says"), str::to_string);
                return Err(anyhow::anyhow!("{title}: {error}")).hint(hint);
            }
            if Instant::now() >= deadline {
                let seconds = STEP.as_secs();
                bail!(t!("demo.tmux.no-line", title, call, seconds));
            }
            // Not synchronisation with our own code: tmux offers no way to wait for a line.
            thread::sleep(Duration::from_millis(100));
        }
    }

    /// The address on the pane's `call` line.
    fn address(&self, pane: &str, title: &str, call: &'static str) -> Result<std::net::SocketAddr> {
        let line = self.line(pane, title, call)?;
        testkit::first_socket_addr(&line)
            .with_context(|| t!("demo.tmux.no-address", title, call, line))
    }

    fn select(&self, pane: &str) -> Result<()> {
        tmux(&["select-pane", "-t", pane])
    }

    /// Shows the session: attaches this terminal to it until `C-b d`, or, inside tmux,
    /// switches to it and leaves it open.
    fn show(mut self) -> Result<()> {
        if std::env::var_os("TMUX").is_some() {
            tmux(&["switch-client", "-t", &self.name])?;
            self.keep = true;
            course::say!("tmux", "demo.tmux.session", name = self.name);
            return Ok(());
        }
        let status = Command::new("tmux")
            .args(["attach-session", "-t", &self.name])
            .status()
            .with_context(|| t!("demo.tmux.running", args = "attach-session"))?;
        if !status.success() {
            bail!(t!("demo.tmux.attach-failed", status));
        }
        Ok(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if !self.keep {
            let _ = tmux(&["kill-session", "-t", &self.name]);
        }
    }
}

fn tmux(args: &[&str]) -> Result<()> {
    tmux_output(args).map(drop)
}

/// Runs tmux and returns what it printed, trimmed.
fn tmux_output(args: &[&str]) -> Result<String> {
    let output = Command::new("tmux")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .with_context(|| t!("demo.tmux.running", args = args.join(" ")))?;
    if !output.status.success() {
        let command = args.first().copied().unwrap_or_default();
        let error = String::from_utf8_lossy(&output.stderr);
        bail!(t!("demo.tmux.failed", command, error = error.trim()));
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// A command line for tmux, which runs it with `sh -c`: every word in single quotes.
fn shell_command(program: &Path, args: &[String]) -> String {
    std::iter::once(program.to_string_lossy().as_ref())
        .chain(args.iter().map(String::as_str))
        .map(|word| format!("'{}'", word.replace('\'', r"'\''")))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_reaches_the_program_as_it_is() {
        assert_eq!(
            shell_command(
                Path::new("/a b/tcp-client"),
                &programs::arguments(&["--port", "it's"])
            ),
            r#"'/a b/tcp-client' '--port' 'it'\''s'"#
        );
    }
}
