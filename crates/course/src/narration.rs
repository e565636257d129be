//! How [`narrate!`](crate::narrate) lines reach stderr without ever stopping the program.
//!
//! `eprintln!` writes straight to stderr: it panics when stderr is a closed pipe
//! (`server 2>&1 | head` after head exits) and blocks when stderr is a pipe that nobody reads
//! once the OS's pipe buffer is full (64 KiB on Linux, about 300 lines of a server's
//! narration). A server blocked in narration accepts nobody.
//!
//! So narration goes through a bounded queue to one writer thread, the only one that writes
//! narration to stderr. We chose a queue rather than dropping at once because a terminal that
//! is only slow for a moment (a burst, a scroll) then loses nothing:
//! - while stderr keeps up, each line is written before `narrate!` returns, as with
//!   `eprintln!`: the lines keep their order with the data on stdout (`2>&1` shows the same
//!   conversation), and a program killed just after a line has shown it. A line waits only
//!   when the writer is idle, and for at most [`GRACE`];
//! - while the writer is busy (stderr is slow, or stuck), nobody waits for it: lines queue up
//!   to [`QUEUE_BYTES`], and beyond that are dropped and counted. When stderr moves again, a
//!   line says how many were dropped, at the place where they were dropped;
//! - when stderr is closed (a write fails), narration is switched off and the program goes on;
//! - at exit, [`flush`] waits for what is queued, but never for a stderr that does not move.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

/// How long a line waits for stderr before the program goes on without it. A terminal takes
/// a line in well under a millisecond; a pipe nobody reads never takes it.
pub const GRACE: Duration = Duration::from_millis(100);
/// The most narration kept waiting for a stuck stderr (several thousand lines).
pub const QUEUE_BYTES: usize = 1024 * 1024;
/// At exit, stderr is given up on after this long without taking a line...
const EXIT_STUCK: Duration = Duration::from_millis(500);
/// ...and the whole flush after this long, even if stderr is still taking lines slowly.
const EXIT_MOST: Duration = Duration::from_secs(5);

/// What waits in the queue: a line, or the place where lines were dropped.
enum Item {
    Line(String),
    Dropped(u64),
}

struct State {
    queue: VecDeque<Item>,
    queued_bytes: usize,
    /// Lines accepted so far; a line's number is the count before it.
    accepted: u64,
    /// Lines the writer has finished with (written, or thrown away once stderr closed).
    done: u64,
    /// When the write in progress started, if one is.
    busy_since: Option<Instant>,
    /// A write failed: stderr is closed, narration is off.
    closed: bool,
    /// The writer thread exists.
    started: bool,
}

/// The queue and its writer. The programs use the one behind [`line`] and [`flush`]; tests
/// make their own with a writer of their choice.
pub struct Narrator {
    grace: Duration,
    state: Mutex<State>,
    /// Wakes the writer: the queue is no longer empty.
    work: Condvar,
    /// Wakes whoever waits for the writer: it finished a write.
    progress: Condvar,
}

impl Default for Narrator {
    fn default() -> Narrator {
        Narrator::new()
    }
}

impl Narrator {
    pub const fn new() -> Narrator {
        Narrator::with_grace(GRACE)
    }

    /// A narrator whose lines wait up to `grace` for their write (tests use a long one).
    pub const fn with_grace(grace: Duration) -> Narrator {
        Narrator {
            grace,
            state: Mutex::new(State {
                queue: VecDeque::new(),
                queued_bytes: 0,
                accepted: 0,
                done: 0,
                busy_since: None,
                closed: false,
                started: false,
            }),
            work: Condvar::new(),
            progress: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A thread that panicked while holding the lock left the state consistent: every
        // change to it is made in one step.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Starts the writer thread, writing to `out`. Returns false if the OS refused a thread.
    pub fn start(&'static self, out: impl Write + Send + 'static) -> bool {
        let mut state = self.lock();
        self.start_locked(&mut state, out)
    }

    fn start_locked(&'static self, state: &mut State, out: impl Write + Send + 'static) -> bool {
        if state.started {
            return true;
        }
        let spawned = thread::Builder::new()
            .name("narration".to_string())
            .spawn(move || self.write_loop(out));
        state.started = spawned.is_ok();
        state.started
    }

    /// Queues one line (without its newline) and, if the writer was idle, waits until it is
    /// written, for at most [`GRACE`].
    pub fn line(&'static self, text: String) {
        let mut state = self.lock();
        if state.closed {
            return;
        }
        if !self.start_locked(&mut state, io::stderr()) {
            // No thread for the writer (the OS is out of threads): write it ourselves, as
            // eprintln! would, but never panic.
            drop(state);
            let _ = writeln!(io::stderr().lock(), "{text}");
            return;
        }
        let size = text.len() + 1;
        // Busy: stderr is behind already, and waiting would only make this thread as slow.
        let idle = state.queue.is_empty() && state.busy_since.is_none();
        if !state.queue.is_empty() && state.queued_bytes + size > QUEUE_BYTES {
            // Full: drop the line, and mark the place so that the writer can say so there.
            match state.queue.back_mut() {
                Some(Item::Dropped(count)) => *count += 1,
                _ => state.queue.push_back(Item::Dropped(1)),
            }
            return;
        }
        let mut text = text;
        text.push('\n');
        state.queue.push_back(Item::Line(text));
        state.queued_bytes += size;
        let number = state.accepted;
        state.accepted += 1;
        self.work.notify_one();
        if !idle {
            return;
        }
        let deadline = Instant::now() + self.grace;
        while state.done <= number && !state.closed {
            let now = Instant::now();
            if now >= deadline {
                break;
            }
            state = self
                .progress
                .wait_timeout(state, deadline - now)
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .0;
        }
    }

    /// Waits until everything queued is written: at most [`EXIT_MOST`], and no longer than
    /// [`EXIT_STUCK`] for one write that does not finish (a pipe nobody reads).
    pub fn flush(&self) {
        self.flush_within(EXIT_MOST, EXIT_STUCK);
    }

    /// [`Narrator::flush`] with limits of the caller's choosing.
    pub fn flush_within(&self, most: Duration, stuck_for: Duration) {
        let started = Instant::now();
        let deadline = started + most;
        let mut state = self.lock();
        loop {
            let idle = state.queue.is_empty() && state.busy_since.is_none();
            let now = Instant::now();
            // A write that began before the flush gets the whole time from the flush's start.
            let stuck = state
                .busy_since
                .is_some_and(|since| now.duration_since(since.max(started)) >= stuck_for);
            if state.closed || !state.started || idle || stuck || now >= deadline {
                return;
            }
            let wait = (deadline - now).min(stuck_for);
            state = self
                .progress
                .wait_timeout(state, wait)
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .0;
        }
    }

    /// The writer thread: takes everything queued, writes it in one go, and again.
    fn write_loop(&self, mut out: impl Write) {
        loop {
            let (text, lines) = {
                let mut state = self.lock();
                while state.queue.is_empty() {
                    state = self
                        .work
                        .wait(state)
                        .unwrap_or_else(|poisoned| poisoned.into_inner());
                }
                let mut text = String::with_capacity(state.queued_bytes);
                let mut lines = 0;
                for item in state.queue.drain(..) {
                    match item {
                        Item::Line(line) => {
                            text.push_str(&line);
                            lines += 1;
                        }
                        Item::Dropped(count) => text.push_str(&dropped(count)),
                    }
                }
                state.queued_bytes = 0;
                state.busy_since = Some(Instant::now());
                (text, lines)
            };
            let written = write_all(&mut out, text.as_bytes());
            let mut state = self.lock();
            state.busy_since = None;
            state.done += lines;
            if !written {
                // Closed (EPIPE, or any other failure): nothing more can reach the reader.
                state.closed = true;
                state.queue.clear();
                state.queued_bytes = 0;
                state.done = state.accepted;
            }
            self.progress.notify_all();
            if state.closed {
                return;
            }
        }
    }
}

/// The line that stands where lines were dropped.
fn dropped(count: u64) -> String {
    let lines = crate::plural(count, "line of narration dropped");
    format!(
        "{:<8} {}\n",
        "stderr",
        crate::t!("course.narration.dropped", lines)
    )
}

/// `write_all` and `flush`, true if everything was written. A stderr left non-blocking by
/// another program (the terminal is shared) says WouldBlock: wait a little and go on.
fn write_all(out: &mut impl Write, mut bytes: &[u8]) -> bool {
    while !bytes.is_empty() {
        match out.write(bytes) {
            Ok(0) => return false,
            Ok(n) => bytes = &bytes[n..],
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            // Not synchronisation: this thread only waits for the terminal to drain.
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => {
                thread::sleep(Duration::from_millis(10))
            }
            Err(_) => return false,
        }
    }
    out.flush().is_ok()
}

/// The program's narration, written to stderr by its own thread.
static STDERR: Narrator = Narrator::new();

/// Writes one line of narration to stderr: never blocks the caller for long, never panics.
/// `narrate!` and the `error:`/`hint:` report come here.
pub fn line(text: String) {
    STDERR.line(text);
}

/// Waits, a bounded time, until the narration queued so far is on stderr. `course::main`
/// calls it before the program exits.
pub fn flush() {
    STDERR.flush();
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn narrator(grace: Duration) -> &'static Narrator {
        Box::leak(Box::new(Narrator::with_grace(grace)))
    }

    /// Collects what the writer writes.
    #[derive(Clone, Default)]
    struct Collected(Arc<Mutex<Vec<u8>>>);

    impl Write for Collected {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Collected {
        fn text(&self) -> String {
            String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
        }
    }

    /// A stderr that takes nothing until the test opens its gate (a pipe nobody reads).
    struct Held {
        gate: Arc<(Mutex<bool>, Condvar)>,
        out: Collected,
    }

    impl Write for Held {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            let (open, opened) = &*self.gate;
            let mut open = open.lock().unwrap();
            while !*open {
                open = opened.wait(open).unwrap();
            }
            self.out.write(bytes)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// A closed pipe.
    struct Closed;

    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// Long enough for any scheduler: these tests are about what happens, not how fast.
    const PATIENT: Duration = Duration::from_secs(20);

    #[test]
    fn each_line_is_written_before_it_returns_when_stderr_keeps_up() {
        let narrator = narrator(PATIENT);
        let out = Collected::default();
        assert!(narrator.start(out.clone()));
        for number in 0..100 {
            narrator.line(format!("line {number}"));
            assert!(out.text().ends_with(&format!("line {number}\n")));
        }
        let expected: String = (0..100).map(|n| format!("line {n}\n")).collect();
        assert_eq!(out.text(), expected);
    }

    #[test]
    fn a_closed_stderr_switches_narration_off_and_nobody_waits() {
        let narrator = narrator(PATIENT);
        assert!(narrator.start(Closed));
        for number in 0..1000 {
            narrator.line(format!("line {number}"));
        }
        narrator.flush_within(PATIENT, PATIENT);
        assert!(narrator.lock().closed);
    }

    /// At exit, a stderr that takes nothing is given up on: the program never hangs there.
    #[test]
    fn the_flush_at_exit_gives_up_on_a_stuck_stderr() {
        let narrator = narrator(Duration::from_millis(1));
        let gate = Arc::new((Mutex::new(false), Condvar::new()));
        assert!(narrator.start(Held {
            gate,
            out: Collected::default(),
        }));
        narrator.line("never written".to_string());
        let started = Instant::now();
        narrator.flush_within(PATIENT, Duration::from_millis(100));
        assert!(started.elapsed() < PATIENT, "the flush waited for ever");
        assert!(narrator.lock().busy_since.is_some());
    }

    /// A stderr nobody reads: with the writer stuck, lines queue and then are dropped; the
    /// callers never wait for the writer (with a 20 s grace, 3,000 waits would take hours).
    #[test]
    fn a_stuck_stderr_queues_then_drops_and_counts_in_order() {
        let narrator = narrator(PATIENT);
        let gate = Arc::new((Mutex::new(false), Condvar::new()));
        let out = Collected::default();
        assert!(narrator.start(Held {
            gate: Arc::clone(&gate),
            out: out.clone(),
        }));
        // The first line finds the writer idle and would wait: let it go to the stuck writer
        // first, from a thread of its own.
        let first = thread::spawn(move || narrator.line("first".to_string()));
        while narrator.lock().busy_since.is_none() {
            thread::yield_now();
        }
        // Lines of about 1 KiB: the queue holds about 1,000 of them.
        let body = "x".repeat(1000);
        for number in 0..3000 {
            narrator.line(format!("{number:04} {body}"));
        }
        assert!(
            !first.is_finished(),
            "the first line is still in the stuck write"
        );

        // stderr moves again: every queued line goes through, then the count of the others.
        *gate.0.lock().unwrap() = true;
        gate.1.notify_all();
        first.join().unwrap();
        narrator.flush_within(PATIENT, PATIENT);
        narrator.line("after".to_string());
        narrator.flush_within(PATIENT, PATIENT);

        let text = out.text();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.first(), Some(&"first"));
        assert_eq!(lines.last(), Some(&"after"));
        let numbers: Vec<u32> = lines
            .iter()
            .filter_map(|line| line.get(..4)?.parse().ok())
            .collect();
        assert!(numbers.windows(2).all(|pair| pair[0] + 1 == pair[1]));
        assert!(
            numbers.len() > 900 && numbers.len() < 1100,
            "{}",
            numbers.len()
        );
        let notices: Vec<&&str> = lines
            .iter()
            .filter(|line| line.starts_with("stderr "))
            .collect();
        assert_eq!(notices.len(), 1, "{notices:?}");
        let dropped: usize = notices[0]
            .split_whitespace()
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(numbers.len() + dropped, 3000);
        // The notice stands where the lines were dropped: after the last one kept.
        let at = lines
            .iter()
            .position(|line| line.starts_with("stderr "))
            .unwrap();
        assert_eq!(at, numbers.len() + 1);
    }
}
