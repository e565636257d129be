//! The conversation: each program of the lesson runs as a child process with its stdout and
//! stderr piped to the demo; one reader thread per pipe stamps and tags each line and sends it
//! down one channel; this thread, the only printer, prints every line in the order it arrived,
//! with the speaker's name as a column:
//!
//! ```text
//! server   | accept   #1 from 127.0.0.1:50412 on 127.0.0.1:7878, the listener's own port; ...
//! client 1 > olá, eu sou o cliente 1
//! ```
//!
//! `|` marks narration (the program's stderr), `>` data (its stdout): a mark rather than a
//! colour, so that it survives a pipe, a file and every terminal.
//!
//! With `--wire` a capture thread sends packets down the same channel, stamped by the kernel
//! when they crossed loopback, and says how far it has read. Lines then wait ([`Conversation::order_by_time`]) until the
//! capture has read past their stamp, so that lines and packets, which reach the printer from
//! different threads, come out in the order of their stamps.
//!
//! The lesson's script waits for what it needs (a `bind` line, an echo) with a deadline, and
//! every wait also watches for a program that ended when it should not have, and for Ctrl-C.
//! Dropping the conversation kills every program still running and waits for it.

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use course::{HintExt, t};

use crate::heard;
use crate::programs;
use crate::trouble;

/// A speaker: its index in the conversation. The demo itself is [`DEMO`].
pub type Who = usize;
/// The demo's own lines.
pub const DEMO: Who = 0;

/// How long the script waits for one step (a line, an echo, an end) before it gives up: far
/// more than any step takes, even on a busy machine.
pub const STEP: Duration = Duration::from_secs(20);
/// How often a wait looks at Ctrl-C.
const POLL: Duration = Duration::from_millis(100);
/// Events waiting for the printer. A program that prints faster than the terminal shows is
/// held back by its full pipe, not by the demo's memory.
const QUEUE: usize = 4096;
/// The longest line kept whole; a longer one is shown in pieces of this size.
const MAX_LINE: u64 = 64 * 1024;
/// The most lines kept for the checks at the end (a run of 10,000 datagrams makes about 25,000).
const MAX_TRANSCRIPT: usize = 200_000;

/// Which pipe a line came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// stderr: the socket calls the program narrates.
    Narration,
    /// stdout: the data it prints.
    Data,
    /// A packet captured on loopback (`--wire`).
    Packet,
}

/// One line, as read.
#[derive(Clone, Debug)]
pub struct Line {
    /// When the demo read it (a packet: when it crossed loopback), since the Unix epoch, by
    /// CLOCK_REALTIME: the one clock of both, so that packets can be put among the lines.
    pub at: Duration,
    pub who: Who,
    pub channel: Channel,
    pub text: String,
}

enum Event {
    Line(Line),
    /// One pipe of a speaker reached its end: it closed it, or ended.
    Closed(Who),
    /// A line the instructor typed; `None` at the end of the input.
    Typed(Option<String>),
    /// The capture has read every packet seen before this time.
    Clock(Duration),
}

/// What the demo gives a program on its stdin.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Nothing: the program reads end of file at once (and never the demo's terminal).
    Nothing,
    /// A pipe the script writes lines to.
    Lines,
}

/// A port a program binds: if it ends at once, the demo looks whether something else holds it.
#[derive(Clone, Copy, Debug)]
pub enum Binds {
    Tcp(SocketAddr),
    Udp(SocketAddr),
}

struct Speaker {
    name: String,
    /// The command line, as a student would type it.
    command: String,
    child: Option<Child>,
    stdin: Option<ChildStdin>,
    open_pipes: u8,
    /// The script expects it to end from now on (its input closed, its work done).
    may_end: bool,
    binds: Option<Binds>,
}

/// The lesson's programs and what they said.
pub struct Conversation {
    lesson: &'static str,
    speakers: Vec<Speaker>,
    width: usize,
    sender: SyncSender<Event>,
    events: Receiver<Event>,
    /// Every line so far, for the checks at the end.
    transcript: Vec<Line>,
    /// Per speaker: where in the transcript its next awaited line may be.
    cursor: Vec<usize>,
    typed: VecDeque<Option<String>>,
    reading_stdin: bool,
    /// What the script waits for now, for the error if a program ends meanwhile.
    waiting_for: String,
    /// Lines are put in the order of their stamps: each waits until the capture has read past
    /// its stamp, or at most this long.
    order: Option<Duration>,
    /// How far the capture has read: every packet seen before this time has been sent.
    clock: Duration,
    /// Lines waiting to be printed, in the order of their stamps.
    held: Vec<Line>,
    /// Set when the conversation is over, for the threads that are no program's readers.
    over: Arc<AtomicBool>,
}

/// Sends the lines of a speaker that is not a program (the capture thread).
// Used by the Linux capture only (--wire).
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub struct Lines {
    who: Who,
    sender: SyncSender<Event>,
    over: Arc<AtomicBool>,
}

#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
impl Lines {
    /// Sends a line stamped `at`; false once the conversation is over.
    pub fn send(&self, at: Duration, channel: Channel, text: String) -> bool {
        let line = Line {
            at,
            who: self.who,
            channel,
            text,
        };
        self.sender.send(Event::Line(line)).is_ok()
    }

    /// Says that every packet seen before `at` has been sent; false once the conversation is
    /// over.
    pub fn read_up_to(&self, at: Duration) -> bool {
        !self.over.load(Ordering::SeqCst) && self.sender.send(Event::Clock(at)).is_ok()
    }
}

/// The error of a wait cut short by Ctrl-C.
#[derive(Debug)]
pub struct Interrupted;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&course::text::get("demo.interrupted"))
    }
}

impl std::error::Error for Interrupted {}

impl Conversation {
    /// A conversation among `names` (and the demo), for `lesson` (named in hints).
    pub fn new(lesson: &'static str, names: &[&str]) -> Conversation {
        let (sender, events) = mpsc::sync_channel(QUEUE);
        let width = names
            .iter()
            .map(|name| name.chars().count())
            .max()
            .unwrap_or(0);
        let mut conversation = Conversation {
            lesson,
            speakers: Vec::new(),
            width: width.max("demo".len()),
            sender,
            events,
            transcript: Vec::new(),
            cursor: Vec::new(),
            typed: VecDeque::new(),
            reading_stdin: false,
            waiting_for: String::new(),
            order: None,
            clock: Duration::ZERO,
            held: Vec::new(),
            over: Arc::new(AtomicBool::new(false)),
        };
        conversation.add_speaker("demo", String::new(), None, None);
        conversation
    }

    fn add_speaker(
        &mut self,
        name: &str,
        command: String,
        child: Option<Child>,
        binds: Option<Binds>,
    ) -> Who {
        self.speakers.push(Speaker {
            name: name.to_string(),
            command,
            child,
            stdin: None,
            open_pipes: 0,
            may_end: false,
            binds,
        });
        self.cursor.push(0);
        self.speakers.len() - 1
    }

    /// The name of a speaker, as shown in the column.
    pub fn name(&self, who: Who) -> &str {
        &self.speakers[who].name
    }

    /// The demo's own narration: `demo | call     text`, in the programs' column format.
    pub fn say(&mut self, call: &str, text: &str) -> Result<()> {
        self.say_at(now(), call, text)
    }

    /// The demo's narration, stamped `at`: when it did what the line says.
    fn say_at(&mut self, at: Duration, call: &str, text: &str) -> Result<()> {
        let line = Line {
            at,
            who: DEMO,
            channel: Channel::Narration,
            text: format!("{call:<8} {text}"),
        };
        self.show(line)
    }

    /// The demo's conclusion, a line of its own after the conversation: `demo: text`.
    pub fn conclude(&mut self, text: &str) -> Result<()> {
        self.release(None)?;
        course::write_stdout(format!("demo: {text}\n").as_bytes())
    }

    /// From now on lines come out in the order of their stamps rather than of their arrival:
    /// each waits until the capture has read past its stamp, or `most` at worst.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    pub fn order_by_time(&mut self, most: Duration) {
        self.order = Some(most);
    }

    /// A speaker that is no program: its lines come from a thread of the demo.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    pub fn speaker(&mut self, name: &str) -> Lines {
        let who = self.add_speaker(name, String::new(), None, None);
        Lines {
            who,
            sender: self.sender.clone(),
            over: Arc::clone(&self.over),
        }
    }

    /// Lets the lines still on their way come out: waits until the capture has read up to
    /// now (at most the longest wait), printing, then prints every held line.
    pub fn settle(&mut self) -> Result<()> {
        if let Some(most) = self.order {
            let now = now();
            let deadline = Instant::now() + most;
            while self.clock < now && self.next(deadline)?.is_some() {}
        }
        self.release(None)
    }

    /// Starts a program as speaker `name`, with piped stdout and stderr.
    pub fn start(
        &mut self,
        name: &str,
        program: &Path,
        args: &[String],
        input: Input,
        binds: Option<Binds>,
    ) -> Result<Who> {
        let args = programs::in_our_language(args);
        let command = programs::shown(program, &args);
        // The start line's time: before the program can do anything.
        let started = now();
        let mut child = Command::new(program)
            .args(&args)
            .stdin(match input {
                Input::Nothing => Stdio::null(),
                Input::Lines => Stdio::piped(),
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| t!("demo.start.failed", name, path = program.display()))
            .hint_with(|error| trouble::start_hint(error, self.lesson))?;
        let stdin = child.stdin.take();
        let stdout = child.stdout.take();
        let stderr = child.stderr.take();
        let pid = child.id();
        let who = self.add_speaker(name, command.clone(), Some(child), binds);
        self.speakers[who].stdin = stdin;
        if let Some(stdout) = stdout {
            self.read(who, Channel::Data, stdout)?;
        }
        if let Some(stderr) = stderr {
            self.read(who, Channel::Narration, stderr)?;
        }
        self.say_at(
            started,
            &t!("demo.label.start"),
            &t!("demo.start", name, command, pid),
        )?;
        Ok(who)
    }

    /// One reader thread for one pipe.
    fn read(&mut self, who: Who, channel: Channel, pipe: impl Read + Send + 'static) -> Result<()> {
        let sender = self.sender.clone();
        thread::Builder::new()
            .name(format!("{} {channel:?}", self.speakers[who].name))
            .spawn(move || read_lines(who, channel, pipe, sender))
            .context(t!("demo.thread.output"))?;
        self.speakers[who].open_pipes += 1;
        Ok(())
    }

    /// The address `who` bound, from its first narration line (`bind ADDRESS ...`).
    pub fn bound(&mut self, who: Who) -> Result<SocketAddr> {
        let bind = self.wait_for(
            who,
            Channel::Narration,
            &t!("demo.waiting.bind"),
            STEP,
            heard::is_call("bind"),
        )?;
        testkit::first_socket_addr(&bind)
            .with_context(|| t!("demo.no-address", name = self.name(who), line = bind))
    }

    /// Waits (at most `timeout`) for a line of `who` on `channel` for which `found` holds, and
    /// returns it. Lines are taken in order: the next wait for `who` looks after this one.
    pub fn wait_for(
        &mut self,
        who: Who,
        channel: Channel,
        what: &str,
        timeout: Duration,
        found: impl Fn(&str) -> bool,
    ) -> Result<String> {
        self.waiting_for = what.to_string();
        let deadline = deadline(timeout);
        loop {
            let start = self.cursor[who];
            let hit = self.transcript[start..]
                .iter()
                .position(|line| line.who == who && line.channel == channel && found(&line.text));
            if let Some(offset) = hit {
                self.cursor[who] = start + offset + 1;
                return Ok(self.transcript[start + offset].text.clone());
            }
            self.cursor[who] = self.transcript.len();
            let name = &self.speakers[who].name;
            if self.speakers[who].child.is_none() && who != DEMO {
                return Err(anyhow::anyhow!(t!("demo.wait.ended", name, what)))
                    .hint(trouble::ended_hint(name, None, self.lesson));
            }
            let name = name.clone();
            if self.next(deadline)?.is_none() {
                let seconds = timeout.as_secs();
                return Err(anyhow::anyhow!(t!(
                    "demo.wait.too-long",
                    name,
                    what,
                    seconds
                )))
                .hint(t!("demo.wait.too-long.hint", name));
            }
        }
    }

    /// Writes `text` and a newline to the stdin of `who`.
    pub fn send_line(&mut self, who: Who, text: &str) -> Result<()> {
        let name = self.speakers[who].name.clone();
        let stdin = self.speakers[who]
            .stdin
            .as_mut()
            .with_context(|| t!("demo.input.none", name))?;
        stdin
            .write_all(format!("{text}\n").as_bytes())
            .and_then(|()| stdin.flush())
            .with_context(|| t!("demo.input.writing", name))
            .hint(t!("demo.input.writing.hint", name))?;
        Ok(())
    }

    /// Closes the stdin of `who` (it reads end of file) and lets it end.
    pub fn close_input(&mut self, who: Who) {
        self.speakers[who].stdin = None;
        self.speakers[who].may_end = true;
    }

    /// Waits (at most `timeout`) until every one of `whos` has ended with success; from now on
    /// each may end in any order.
    pub fn wait_end(&mut self, whos: &[Who], timeout: Duration) -> Result<()> {
        for &who in whos {
            self.speakers[who].may_end = true;
        }
        let names: Vec<&str> = whos.iter().map(|&who| self.name(who)).collect();
        self.waiting_for = t!("demo.waiting.end", names = names.join(", "));
        let deadline = deadline(timeout);
        while let Some(&who) = whos.iter().find(|&&who| self.speakers[who].child.is_some()) {
            if self.next(deadline)?.is_none() {
                let name = &self.speakers[who].name;
                let seconds = timeout.as_secs();
                return Err(anyhow::anyhow!(t!("demo.end.too-long", name, seconds)))
                    .hint(t!("demo.end.too-long.hint", name));
            }
        }
        Ok(())
    }

    /// Ends `who` from outside (as Ctrl-C in its terminal would), and reaps it.
    pub fn stop(&mut self, who: Who, why: &str) -> Result<()> {
        let speaker = &mut self.speakers[who];
        speaker.may_end = true;
        if let Some(mut child) = speaker.child.take() {
            let _ = child.kill();
            let _ = child.wait();
            let name = speaker.name.clone();
            self.say(&t!("demo.label.stop"), &t!("demo.stop", name, why))?;
        }
        Ok(())
    }

    /// The next line the instructor types (`None` at the end of the input), printing the
    /// programs' lines meanwhile.
    pub fn typed(&mut self) -> Result<Option<String>> {
        if !self.reading_stdin {
            let sender = self.sender.clone();
            thread::Builder::new()
                .name("stdin".to_string())
                .spawn(move || read_typed(sender))
                .context(t!("demo.thread.terminal"))?;
            self.reading_stdin = true;
        }
        self.waiting_for = t!("demo.waiting.typed");
        loop {
            if let Some(typed) = self.typed.pop_front() {
                return Ok(typed);
            }
            // No deadline: the instructor takes the time they need.
            self.next(Instant::now() + Duration::from_secs(3600))?;
        }
    }

    /// Every line of `who` on `channel` so far.
    pub fn lines(&self, who: Who, channel: Channel) -> impl Iterator<Item = &str> {
        self.transcript
            .iter()
            .filter(move |line| line.who == who && line.channel == channel)
            .map(|line| line.text.as_str())
    }

    /// After Ctrl-C: the programs got it too when it was typed in their terminal, so give them
    /// a moment to end by themselves (and print their scores), then stop the rest.
    pub fn wind_down(&mut self, within: Duration) {
        let _ = self.say(&t!("demo.label.stop"), &t!("demo.stop.ctrl-c"));
        for speaker in &mut self.speakers {
            speaker.may_end = true;
        }
        course::ctrl_c().store(false, Ordering::SeqCst);
        let deadline = Instant::now() + within;
        while self.speakers.iter().any(|speaker| speaker.child.is_some()) {
            match self.next(deadline) {
                Ok(Some(_)) | Err(_) => {}
                Ok(None) => break,
            }
        }
        for who in 0..self.speakers.len() {
            if self.speakers[who].child.is_some() {
                let _ = self.stop(who, &t!("demo.stop.still-running"));
            }
        }
    }

    /// Takes the next event (waiting until `deadline`), prints it and keeps the books. `None`
    /// when the deadline passed first.
    fn next(&mut self, deadline: Instant) -> Result<Option<()>> {
        loop {
            if course::ctrl_c().load(Ordering::SeqCst) {
                return Err(Interrupted.into());
            }
            self.release(Some(now()))?;
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(None);
            }
            let event = match self.events.recv_timeout(left.min(POLL)) {
                Ok(event) => event,
                Err(RecvTimeoutError::Timeout) => continue,
                // Never: the conversation holds a sender itself.
                Err(RecvTimeoutError::Disconnected) => return Ok(None),
            };
            match event {
                Event::Line(line) => self.show(line)?,
                Event::Clock(at) => {
                    self.clock = self.clock.max(at);
                    self.release(Some(now()))?;
                }
                Event::Closed(who) => {
                    let speaker = &mut self.speakers[who];
                    speaker.open_pipes = speaker.open_pipes.saturating_sub(1);
                    if speaker.open_pipes == 0 {
                        self.ended(who)?;
                    }
                }
                Event::Typed(typed) => self.typed.push_back(typed),
            }
            return Ok(Some(()));
        }
    }

    /// Both pipes of `who` are closed: it is ending. Reap it, say how it ended, and fail if it
    /// should not have.
    fn ended(&mut self, who: Who) -> Result<()> {
        let Some(child) = self.speakers[who].child.take() else {
            // Stopped by the demo: already reaped and said.
            return Ok(());
        };
        let status = reap(child);
        let speaker = &self.speakers[who];
        let (name, may_end, binds) = (speaker.name.clone(), speaker.may_end, speaker.binds);
        let command = speaker.command.clone();
        // std's words for an exit status ("exit status: 1"), like the OS's, stay as they are.
        let how = match &status {
            Ok(status) => status.to_string(),
            Err(error) => t!("demo.end.unknown", error),
        };
        self.say(&t!("demo.label.end"), &t!("demo.end", name, how))?;
        let success = status.as_ref().is_ok_and(ExitStatus::success);
        if may_end && success {
            return Ok(());
        }
        let error = if may_end {
            t!("demo.ended", name, command, how)
        } else {
            let what = &self.waiting_for;
            t!("demo.ended.while", name, command, how, what)
        };
        Err(anyhow::anyhow!(error)).hint(trouble::ended_hint(&name, binds, self.lesson))
    }

    /// Records a line for the waits and checks at once, and prints it now or, when lines are
    /// put in time order, once its turn comes.
    fn show(&mut self, line: Line) -> Result<()> {
        if self.transcript.len() < MAX_TRANSCRIPT {
            self.transcript.push(line.clone());
        }
        if self.order.is_none() {
            return self.print(&line);
        }
        if line.channel == Channel::Packet {
            // The capture reads packets in the order they crossed loopback: it has read every
            // packet up to this one's stamp.
            self.clock = self.clock.max(line.at);
        }
        // After the lines stamped at the same time or earlier: equal stamps keep their order.
        let place = self.held.partition_point(|held| held.at <= line.at);
        self.held.insert(place, line);
        self.release(Some(now()))
    }

    /// Prints the held lines whose turn has come by `time`: stamped no later than what the
    /// capture has read, or waiting for the longest wait already. All of them with `None`.
    fn release(&mut self, time: Option<Duration>) -> Result<()> {
        let ripe = match (time, self.order) {
            (Some(time), Some(most)) => ripe(&self.held, self.clock, time, most),
            _ => self.held.len(),
        };
        for line in self.held.drain(..ripe).collect::<Vec<_>>() {
            self.print(&line)?;
        }
        Ok(())
    }

    fn print(&self, line: &Line) -> Result<()> {
        let name = &self.speakers[line.who].name;
        let mark = match line.channel {
            Channel::Narration | Channel::Packet => '|',
            Channel::Data => '>',
        };
        let text = format!("{name:<width$} {mark} {}", line.text, width = self.width);
        course::write_stdout(format!("{}\n", text.trim_end()).as_bytes())
    }
}

impl Drop for Conversation {
    /// Whatever happened (an error, a closed stdout, a panic), no program outlives the demo.
    fn drop(&mut self) {
        self.over.store(true, Ordering::SeqCst);
        let _ = self.release(None);
        for speaker in &mut self.speakers {
            speaker.stdin = None;
            if let Some(mut child) = speaker.child.take() {
                let _ = child.kill();
                let _ = child.wait();
            }
        }
    }
}

/// How many of the `held` lines (in the order of their stamps) may be printed at `time`: those
/// stamped no later than `clock`, what the capture has read, or waiting for `most` already.
fn ripe(held: &[Line], clock: Duration, time: Duration, most: Duration) -> usize {
    let until = clock.max(time.saturating_sub(most));
    held.partition_point(|line| line.at <= until)
}

/// Whether the demo stopped because of Ctrl-C.
pub fn is_interrupted(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| cause.is::<Interrupted>())
}

/// `timeout` from now; a timeout too long for the clock is a year.
fn deadline(timeout: Duration) -> Instant {
    let now = Instant::now();
    now.checked_add(timeout)
        .unwrap_or(now + Duration::from_secs(365 * 24 * 3600))
}

/// The time since the Unix epoch, by CLOCK_REALTIME on Linux: the clock of the kernel's packet
/// stamps (SO_TIMESTAMPNS), which `--wire` puts among these.
fn now() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

/// Waits for a program whose pipes are closed: it is exiting, and only rarely still running
/// (a program that closed its outputs and went on). That one is given a few seconds, then
/// killed.
fn reap(mut child: Child) -> io::Result<ExitStatus> {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(status);
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            return child.wait();
        }
        // Not synchronisation: std has no wait with a timeout, and this is the rare case.
        thread::sleep(Duration::from_millis(10));
    }
}

/// A reader thread: each line of `pipe`, stamped when read, then `Closed`.
fn read_lines(who: Who, channel: Channel, pipe: impl Read, events: SyncSender<Event>) {
    let mut reader = BufReader::new(pipe);
    let mut bytes = Vec::new();
    loop {
        bytes.clear();
        match (&mut reader).take(MAX_LINE).read_until(b'\n', &mut bytes) {
            Ok(0) => break,
            Ok(_) => {
                let line = Line {
                    at: now(),
                    who,
                    channel,
                    text: text_of(&bytes),
                };
                if events.send(Event::Line(line)).is_err() {
                    return;
                }
            }
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    let _ = events.send(Event::Closed(who));
}

/// The terminal's lines, for `--interactive`.
fn read_typed(events: SyncSender<Event>) {
    let mut stdin = io::stdin().lock();
    let mut bytes = Vec::new();
    loop {
        bytes.clear();
        match (&mut stdin).take(MAX_LINE).read_until(b'\n', &mut bytes) {
            Ok(0) | Err(_) => break,
            Ok(_) => {
                if events.send(Event::Typed(Some(text_of(&bytes)))).is_err() {
                    return;
                }
            }
        }
    }
    let _ = events.send(Event::Typed(None));
}

/// A line's text without its end: `\n`, or the Windows console's `\r\n`.
fn text_of(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    text.trim_end_matches('\n')
        .trim_end_matches('\r')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_loses_its_end_on_every_os_and_keeps_the_rest() {
        assert_eq!(text_of(b"bind 127.0.0.1:7878\n"), "bind 127.0.0.1:7878");
        assert_eq!(text_of("olá\r\n".as_bytes()), "olá");
        assert_eq!(text_of(b"no end"), "no end");
        assert_eq!(text_of(b"a\rb\n"), "a\rb");
        assert_eq!(text_of(b"\xff\n"), "\u{fffd}");
    }

    /// A line waits for the capture to read past its stamp; packets stamped earlier, sent
    /// later, come out before it.
    #[test]
    fn lines_wait_until_the_capture_has_read_past_their_stamp() {
        let ms = Duration::from_millis;
        let line = |at: u64| Line {
            at: ms(at),
            who: 1,
            channel: Channel::Narration,
            text: String::new(),
        };
        let held = [line(10), line(20), line(30)];
        let most = ms(2000);
        // The capture has read up to 5 ms: nothing may go, however late it is now...
        assert_eq!(ripe(&held, ms(5), ms(1000), most), 0);
        // ...up to 20 ms: the first two go.
        assert_eq!(ripe(&held, ms(20), ms(1000), most), 2);
        // A capture held up for 2 s: the lines go anyway, in order.
        assert_eq!(ripe(&held, ms(5), ms(2025), most), 2);
        assert_eq!(ripe(&held, ms(5), ms(5000), most), 3);
    }

    #[test]
    fn a_long_line_is_read_in_pieces_and_nothing_is_lost() {
        let (sender, events) = mpsc::sync_channel(QUEUE);
        let long = "x".repeat(MAX_LINE as usize + 10);
        let input = format!("{long}\nshort\n");
        read_lines(3, Channel::Data, io::Cursor::new(input), sender);
        let texts: Vec<String> = events
            .try_iter()
            .filter_map(|event| match event {
                Event::Line(line) => Some(line.text),
                _ => None,
            })
            .collect();
        assert_eq!(texts.len(), 3);
        assert_eq!(texts[0].len(), MAX_LINE as usize);
        assert_eq!(texts[1], "x".repeat(10));
        assert_eq!(texts[2], "short");
    }
}
