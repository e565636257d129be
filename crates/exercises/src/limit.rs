//! Time limits: a student's loop that never ends must not make `check` or `watch` run forever.
//!
//! Two limits, so that a slow first build is never mistaken for the student's loop:
//!
//! - The student's code runs only inside test binaries (the spec, and doctests), and each one
//!   runs under this program: `cargo test` is given `target.'cfg(all())'.runner`, a wrapper
//!   (this same executable, with [`WRAPPER`] as its first argument) that starts the test binary
//!   as its own child and kills exactly that process when the time limit passes, with std's
//!   `Child::kill` on every OS. Cargo (1.89 and later) runs doctests through it too. A runner
//!   of the student's own for their target triple (in a cargo config) would take precedence:
//!   the cargo command's limit below still applies.
//! - Every cargo command (build, test, clippy) has a limit of its own, ten minutes by default,
//!   for a first build that compiles the dependencies or a cargo that waits for another one's
//!   lock (an editor's); `cargo test` gets the code's limit on top. When it passes, cargo is
//!   killed. On Windows that stops the whole tree: cargo puts itself and every process it
//!   starts into a job object that Windows terminates with it. On Unix the processes it started
//!   live on: a rustc finishes its crate by itself, and a test binary is stopped by its wrapper
//!   when the time limit passes.
//!
//! Ctrl-C needs nothing more: cargo, the wrapper and the test binary stay in the terminal's
//! process group (Unix) or console (Windows), so Ctrl-C stops them all as it stops the runner.

use std::ffi::OsString;
use std::io::{self, BufRead, BufReader, Write};
use std::process::{Child, Command, ExitCode, ExitStatus, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use course::lang::Lang;
use course::{t, text};

/// The first argument that makes this program the test binaries' wrapper instead of the runner.
pub const WRAPPER: &str = "__run-test-binary-within";

/// Whether a line of cargo's output is the wrapper's, when it stopped a test binary: the
/// runner reads it (on stdout, which cargo passes to the test binary and its runner) to tell a
/// loop from a failing test. The wrapper writes it in the runner's language (it inherits
/// `SOCKETS_LANG` through cargo); either language's mark is taken.
pub fn is_stopped_line(line: &str) -> bool {
    Lang::ALL
        .iter()
        .any(|&lang| line.starts_with(&*text::get_in(lang, "exercises.limit.marker")))
}

/// How often a wait looks at its child: short enough not to delay a check, long enough to cost
/// nothing.
const TICK: Duration = Duration::from_millis(20);

/// How long the runner waits, after cargo ended, for the last lines of its output: a process
/// cargo started may still hold the pipe (see the module's notes on Unix).
const DRAIN: Duration = Duration::from_secs(2);

/// The time limits of one run of the runner.
#[derive(Clone, Copy)]
pub struct Limits {
    /// How long a test binary (the student's code) may run.
    pub code: Duration,
    /// How long one cargo command may run (`cargo test`: plus `code`).
    pub cargo: Duration,
}

/// Seconds as the student wrote them: `60`, `0.5`.
pub fn seconds(duration: Duration) -> String {
    format!("{} s", duration.as_secs_f64())
}

/// `--time-limit`, `--cargo-time-limit`: a number of seconds above 0 and at most a day (a
/// deadline that an `Instant` can hold, even added to another).
pub fn parse_limit(text: &str) -> Result<Duration, String> {
    course::seconds(text)
        .ok()
        .filter(|limit| *limit <= Duration::from_secs(86_400))
        .ok_or_else(|| t!("exercises.limit.refused", text))
}

/// The `--config` argument that makes cargo run every test binary through the wrapper.
pub fn test_runner_config(limits: Limits) -> anyhow::Result<String> {
    let me = std::env::current_exe()?;
    let me = me
        .to_str()
        .ok_or_else(|| anyhow::anyhow!(t!("exercises.limit.not-utf8", path = me.display())))?;
    // A TOML basic string: backslashes (Windows paths) and quotes escaped.
    let quoted = |text: &str| format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""));
    Ok(format!(
        "target.'cfg(all())'.runner = [{}, {}, {}]",
        quoted(me),
        quoted(WRAPPER),
        quoted(&limits.code.as_secs_f64().to_string())
    ))
}

/// What became of a command run with a deadline.
pub enum Ended {
    Exited(ExitStatus),
    /// The deadline passed: the command was killed.
    TimedOut,
}

/// Runs `command` until it exits or `limit` passes. With `on_line`, its stdout is read line by
/// line and handed over; otherwise it is the runner's own.
pub fn run_within(
    command: &mut Command,
    limit: Duration,
    on_line: Option<&mut dyn FnMut(&str)>,
) -> io::Result<Ended> {
    // None: a deadline too far away for an `Instant`, which is no deadline at all.
    let deadline = Instant::now().checked_add(limit);
    let passed = |now: Instant| deadline.is_some_and(|deadline| now >= deadline);
    // Nothing of the student's reads the terminal; a test that did would wait forever.
    command.stdin(Stdio::null());
    let Some(on_line) = on_line else {
        let mut child = command.spawn()?;
        return wait_until(&mut child, &passed);
    };
    let mut child = command.stdout(Stdio::piped()).spawn()?;
    let Some(stdout) = child.stdout.take() else {
        return wait_until(&mut child, &passed);
    };
    // A thread reads, so that this one can watch the clock while cargo says nothing.
    let (lines_tx, lines) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    loop {
        match lines.recv_timeout(TICK) {
            Ok(line) => on_line(&line),
            // The pipe closed: cargo is ending.
            Err(RecvTimeoutError::Disconnected) => return wait_until(&mut child, &passed),
            Err(RecvTimeoutError::Timeout) => {}
        }
        // Cargo ended, but a process it started may still hold the pipe: do not wait for it.
        if let Some(status) = child.try_wait()? {
            drain(&lines, on_line);
            return Ok(Ended::Exited(status));
        }
        if passed(Instant::now()) {
            kill(&mut child);
            drain(&lines, on_line);
            return Ok(Ended::TimedOut);
        }
    }
}

fn wait_until(child: &mut Child, passed: &dyn Fn(Instant) -> bool) -> io::Result<Ended> {
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Ended::Exited(status));
        }
        if passed(Instant::now()) {
            kill(child);
            return Ok(Ended::TimedOut);
        }
        thread::sleep(TICK);
    }
}

fn kill(child: &mut Child) {
    // An error here means the child has just exited by itself: nothing left to stop.
    let _ = child.kill();
    let _ = child.wait();
}

/// Hands over what is left in the pipe, for a little while: a process that cargo started may
/// keep the pipe open after cargo died.
fn drain(lines: &mpsc::Receiver<String>, on_line: &mut dyn FnMut(&str)) {
    let until = Instant::now() + DRAIN;
    while let Some(left) = until.checked_duration_since(Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) => on_line(&line),
            Err(_) => return,
        }
    }
}

/// The wrapper: `WRAPPER <seconds> <test binary> [its arguments]`, as cargo calls a target's
/// runner. Runs the test binary, with the same arguments, directory and environment, and kills
/// it when the limit passes. Its exit status is the test binary's; 124 when it was stopped
/// (as `timeout` from coreutils).
pub fn wrapper(mut args: impl Iterator<Item = OsString>) -> ExitCode {
    let limit = args
        .next()
        .and_then(|limit| parse_limit(&limit.to_string_lossy()).ok());
    let (Some(limit), Some(program)) = (limit, args.next()) else {
        let (error, hint) = (text::get("course.error"), text::get("course.hint"));
        eprintln!(
            "{error}: {}",
            t!("exercises.limit.usage", wrapper = WRAPPER)
        );
        eprintln!("{hint}: {}", t!("exercises.limit.usage-hint"));
        return ExitCode::from(2);
    };
    let started = Command::new(&program).args(args).spawn();
    let mut child = match started {
        Ok(child) => child,
        Err(error) => {
            let program = program.to_string_lossy();
            let error = t!("exercises.limit.starting", program, error);
            eprintln!("{}: {error}", text::get("course.error"));
            return ExitCode::FAILURE;
        }
    };
    let deadline = Instant::now().checked_add(limit);
    let passed = |now: Instant| deadline.is_some_and(|deadline| now >= deadline);
    match wait_until(&mut child, &passed) {
        Ok(Ended::Exited(status)) => exit_code(status),
        Ok(Ended::TimedOut) => {
            // stdout: the runner reads this line from cargo's output.
            let mut out = io::stdout();
            let _ = writeln!(
                out,
                "{} {}",
                text::get("exercises.limit.marker"),
                t!("exercises.limit.stopped", limit = seconds(limit))
            );
            let _ = out.flush();
            ExitCode::from(124)
        }
        Err(error) => {
            let program = program.to_string_lossy();
            let error = t!("exercises.limit.waiting", program, error);
            eprintln!("{}: {error}", text::get("course.error"));
            kill(&mut child);
            ExitCode::FAILURE
        }
    }
}

/// The test binary's exit status, passed on to cargo.
fn exit_code(status: ExitStatus) -> ExitCode {
    if let Some(code) = status.code() {
        // Exit codes above 255 exist only on Windows; cargo needs only "not zero".
        return u8::try_from(code).map_or(ExitCode::FAILURE, ExitCode::from);
    }
    // Unix: killed by a signal (a stack overflow aborts). Say which, as cargo would, and fail
    // with the shell's 128 + signal.
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            eprintln!("{}", t!("exercises.limit.signal", signal));
            return u8::try_from(128 + signal).map_or(ExitCode::FAILURE, ExitCode::from);
        }
    }
    ExitCode::FAILURE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_is_seconds_above_zero_and_at_most_a_day() {
        assert_eq!(parse_limit("60"), Ok(Duration::from_secs(60)));
        assert_eq!(parse_limit(" 0.5 "), Ok(Duration::from_millis(500)));
        for refused in [
            "0", "-1", "NaN", "inf", "86401", "1e300", "", "soon", "1e-10",
        ] {
            assert!(parse_limit(refused).is_err(), "{refused}");
        }
    }

    #[test]
    fn the_stopped_line_is_recognised_in_either_language() {
        for lang in Lang::ALL {
            let line = format!("{} ...", text::get_in(lang, "exercises.limit.marker"));
            assert!(is_stopped_line(&line), "{line}");
        }
        assert!(!is_stopped_line("test result: FAILED. 0 passed; 1 failed"));
    }

    #[test]
    fn seconds_read_as_the_student_wrote_them() {
        assert_eq!(seconds(Duration::from_secs(60)), "60 s");
        assert_eq!(seconds(Duration::from_millis(2500)), "2.5 s");
    }

    #[test]
    fn the_runner_config_is_one_toml_assignment_with_escaped_strings() {
        let config = test_runner_config(Limits {
            code: Duration::from_secs(3),
            cargo: Duration::from_secs(600),
        })
        .unwrap();
        assert!(
            config.starts_with("target.'cfg(all())'.runner = [\""),
            "{config}"
        );
        assert!(
            config.ends_with(&format!("\"{WRAPPER}\", \"3\"]")),
            "{config}"
        );
    }
}
