//! # speckit: the words of the exercises' specs
//!
//! When your code is wrong, a spec says what your code did and what the spec wanted, in words:
//! bytes as text (hex when they are not text) and never a thousand of them, every I/O step of
//! the spec named ("reading the echo of "hello\n" from your echo desk: it closed the connection
//! after 3 of 6 bytes"), a timeout said as a timeout, each row of a table labelled. Every spec
//! uses these helpers, so the nine exercises speak alike; the fixed phrases are in `words.rs`.
//!
//! Two languages, English and Portuguese (Brazil), chosen as the course's programs choose
//! theirs (`lang.rs`): the runner passes its language on in `SOCKETS_LANG`. A spec writes each
//! sentence of its own in both, with [`en_pt!`], all of them in one module at its end.
//!
//! Part of the course, like the specs: the exercise runner refuses to check an exercise when
//! this crate is not the course's own.

mod lang;
mod words;

pub use lang::{Lang, lang};
use words::words;

use std::any::Any;
use std::fmt::Display;
use std::io::{self, BufRead, BufReader, Read};
use std::net::{SocketAddr, TcpStream, UdpSocket};
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// At most this many characters of text in a message; hex shows at most `HEX_SHOWN` bytes.
const TEXT_SHOWN: usize = 60;
const HEX_SHOWN: usize = 16;
/// Zeros in a row, from this many on, are counted rather than shown.
const ZERO_RUN: usize = 4;

/// A sentence of a spec in both languages, `format!`-style, and in the run's language only:
/// `en_pt!("the echo of {what}", "o eco de {what}")`. Both take their values from the
/// variables they name, so that each language puts them where its sentence needs them.
#[macro_export]
macro_rules! en_pt {
    ($en:literal, $pt:literal $(,)?) => {
        match $crate::lang() {
            $crate::Lang::En => ::std::format!($en),
            $crate::Lang::PtBr => ::std::format!($pt),
        }
    };
}

/// Portuguese: "de" before a phrase, contracted with its article as the language wants it
/// (`de("o eco")` is "do eco", `de("a 2ª mensagem")` "da 2ª mensagem", `de("\"hi\"")` "de
/// \"hi\""), for a spec's Portuguese sentence whose phrase comes from elsewhere.
pub fn de(phrase: &str) -> String {
    contract(phrase, ["do", "da", "dos", "das"], "de")
}

/// Portuguese: "em" before a phrase, contracted with its article (`em("o grupo")` is "no
/// grupo"); see [`de`].
pub fn em(phrase: &str) -> String {
    contract(phrase, ["no", "na", "nos", "nas"], "em")
}

fn contract(phrase: &str, forms: [&str; 4], alone: &str) -> String {
    for (article, form) in ["o ", "a ", "os ", "as "].iter().zip(forms) {
        if let Some(rest) = phrase.strip_prefix(article) {
            return format!("{form} {rest}");
        }
    }
    format!("{alone} {phrase}")
}

/// Ends the test with `message`: what the student's code did and what the spec wanted.
#[track_caller]
pub fn fail(message: impl Display) -> ! {
    panic!("{message}")
}

/// Bytes as a message shows them: text in double quotes with `\n`, `\0`... escaped and long
/// text cut; runs of zeros counted (`"hi" + 38 zero bytes`); hex when the bytes are not text.
pub fn quote(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return "\"\"".to_string();
    }
    let segments = segments(bytes);
    let text = segments.iter().all(|segment| match segment {
        Segment::Zeros(_) => true,
        Segment::Text(text) => looks_like_text(text),
    });
    if text {
        quote_text(&segments, bytes.len())
    } else {
        hex(bytes)
    }
}

/// `quote`, then the length: `"hello\n" (6 bytes)`.
pub fn describe(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return format!("\"\" ({})", words().nothing());
    }
    let quoted = quote(bytes);
    // A cut text or hex ends with its length already; a run of zeros is its length.
    if quoted.ends_with(')') || !(quoted.contains('"') || quoted.starts_with("hex")) {
        quoted
    } else {
        format!("{quoted} ({})", count(bytes.len(), "byte"))
    }
}

/// Bytes in hex, `hex 00 07 74 3d`, at most `HEX_SHOWN` of them.
pub fn hex(bytes: &[u8]) -> String {
    let shown: Vec<String> = bytes
        .iter()
        .take(HEX_SHOWN)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let mut text = format!("hex {}", shown.join(" "));
    if bytes.len() > HEX_SHOWN {
        text.push_str(&format!(" … {}", words().in_all(bytes.len())));
    }
    text
}

enum Segment<'a> {
    Zeros(usize),
    Text(&'a [u8]),
}

/// The bytes cut at each run of `ZERO_RUN` zeros or more.
fn segments(bytes: &[u8]) -> Vec<Segment<'_>> {
    let mut segments = Vec::new();
    let mut start = 0;
    let mut index = 0;
    while index < bytes.len() {
        let run = bytes[index..].iter().take_while(|&&byte| byte == 0).count();
        if run >= ZERO_RUN {
            if start < index {
                segments.push(Segment::Text(&bytes[start..index]));
            }
            segments.push(Segment::Zeros(run));
            index += run;
            start = index;
        } else {
            index += run.max(1);
        }
    }
    if start < bytes.len() {
        segments.push(Segment::Text(&bytes[start..]));
    }
    segments
}

/// UTF-8, with few control characters besides `\n`, `\r` and `\t`.
fn looks_like_text(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let chars = text.chars().count();
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    controls * 8 <= chars
}

fn quote_text(segments: &[Segment], total: usize) -> String {
    let mut parts = Vec::new();
    let mut budget = TEXT_SHOWN;
    let mut cut = false;
    for segment in segments {
        if budget == 0 {
            cut = true;
            break;
        }
        match segment {
            Segment::Zeros(run) => {
                parts.push(count(*run, "zero byte"));
                budget = budget.saturating_sub(8);
            }
            Segment::Text(text) => {
                let text = String::from_utf8_lossy(text);
                let mut part = String::from("\"");
                let mut chars = text.chars();
                for c in chars.by_ref().take(budget) {
                    part.push_str(&escape(c));
                }
                budget = budget.saturating_sub(text.chars().count());
                part.push('"');
                if chars.next().is_some() {
                    part.push('…');
                    cut = true;
                }
                parts.push(part);
            }
        }
        if cut {
            break;
        }
    }
    let mut quoted = parts.join(" + ");
    if cut {
        quoted.push_str(&format!(" {}", words().in_all(total)));
    }
    quoted
}

/// A character as Rust (and Java) source writes it inside a string.
fn escape(c: char) -> String {
    match c {
        '\n' => "\\n".into(),
        '\r' => "\\r".into(),
        '\t' => "\\t".into(),
        '\0' => "\\0".into(),
        '\\' => "\\\\".into(),
        '"' => "\\\"".into(),
        c if c.is_control() => format!("\\x{:02x}", u32::from(c)),
        c => c.to_string(),
    }
}

/// `1,048,576` (in Portuguese `1.048.576`).
pub fn thousands(n: usize) -> String {
    let (separator, _) = words().separators();
    let digits = n.to_string();
    let mut text = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            text.push(separator);
        }
        text.push(digit);
    }
    text
}

/// `1 byte`, `38 bytes`, `1,048,576 bytes`: `unit` is the unit's English name ("byte",
/// "frame"...), which the Portuguese table turns into its own (`words/pt_br.rs`).
pub fn count(n: usize, unit: &str) -> String {
    format!("{} {}", thousands(n), words().unit(unit, n))
}

/// 1st, 2nd, 3rd... (in Portuguese 1º, 2º, 3º: a spec that needs the feminine, 1ª, writes it in
/// its own Portuguese sentence).
pub fn ordinal(n: usize) -> String {
    words().ordinal(n)
}

/// `5 s`, `1.2 s`, `500 ms`, `0.21 ms` (in Portuguese `1,2 s`, `0,21 ms`).
pub fn duration(duration: Duration) -> String {
    let (_, decimal) = words().separators();
    let text = plain_duration(duration);
    if decimal == '.' {
        text
    } else {
        text.replace('.', &decimal.to_string())
    }
}

fn plain_duration(duration: Duration) -> String {
    let ms = duration.as_secs_f64() * 1000.0;
    if ms >= 1000.0 {
        let text = format!("{:.1}", ms / 1000.0);
        format!("{} s", text.trim_end_matches(".0"))
    } else if ms >= 10.0 {
        format!("{ms:.0} ms")
    } else if ms >= 1.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.2} ms")
    }
}

/// What an I/O error means, in words, with its kind and the system's text.
pub fn io_error(error: &io::Error) -> String {
    words::io_error(error)
}

/// An expired read timeout: `WouldBlock` on Linux and macOS, `TimedOut` on Windows.
pub fn is_timeout(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

/// `what:`, then what the spec expected and what it got, one per line.
pub fn expected_got(what: &str, expected: impl Display, got: impl Display) -> String {
    format!(
        "{what}:\n  {:<9} {expected}\n  {:<9} {got}",
        words().expected(),
        words().got()
    )
}

/// Fails unless `got` is `expected`, saying both and what they are.
#[track_caller]
pub fn check_eq<T: PartialEq + Display>(what: &str, expected: T, got: T) {
    if expected != got {
        fail(expected_got(what, expected, got))
    }
}

/// `expected_got` for bytes, with where they start to differ when that is past what the two
/// quotes show.
pub fn bytes_differ(what: &str, expected: &[u8], got: &[u8]) -> String {
    let mut message = expected_got(what, describe(expected), describe(got));
    let first = expected
        .iter()
        .zip(got)
        .position(|(a, b)| a != b)
        .unwrap_or(expected.len().min(got.len()));
    // Past what the two quotes show: show where they part.
    if first >= HEX_SHOWN && first < expected.len().max(got.len()) {
        let window = |bytes: &[u8]| {
            let end = bytes.len().min(first + HEX_SHOWN);
            let part = bytes.get(first..end).unwrap_or_default();
            // In the same form as the whole: hex stays hex.
            let shown = if quote(bytes).starts_with("hex") {
                hex(part)
            } else {
                quote(part)
            };
            if end < bytes.len() {
                format!("{shown} …")
            } else {
                shown
            }
        };
        message.push_str(&format!(
            "\n  {}:\n  {:<9} {}\n  {:<9} {}",
            words().differs_from_byte(first),
            words().expected(),
            window(expected),
            words().got(),
            window(got)
        ));
    }
    message
}

/// Turns an I/O error into a failure that names the step of the spec that failed.
pub trait Doing<T> {
    /// `step` says, in words, what the spec was doing: "sending "hello\n" to your echo desk".
    fn doing(self, step: &str) -> T;
    /// The message `doing` would fail with, for a spec that adds to it (see `OrFail`).
    fn step(self, step: &str) -> Result<T, String>;
}

impl<T> Doing<T> for io::Result<T> {
    #[track_caller]
    fn doing(self, step: &str) -> T {
        self.step(step).or_fail()
    }

    fn step(self, step: &str) -> Result<T, String> {
        self.map_err(|error| words::step_failed(step, &error))
    }
}

/// A step that failed has its message already: fail with it, or with it and more.
pub trait OrFail<T> {
    fn or_fail(self) -> T;
    /// Fails with the message and, on a line of its own, what `more` says.
    fn or_fail_adding(self, more: impl FnOnce() -> String) -> T;
}

impl<T> OrFail<T> for Result<T, String> {
    #[track_caller]
    fn or_fail(self) -> T {
        match self {
            Ok(value) => value,
            Err(message) => fail(message),
        }
    }

    #[track_caller]
    fn or_fail_adding(self, more: impl FnOnce() -> String) -> T {
        match self {
            Ok(value) => value,
            Err(message) => {
                let more = more();
                if more.is_empty() {
                    fail(message)
                } else {
                    fail(format!("{message}\n{more}"))
                }
            }
        }
    }
}

/// Reads exactly `len` bytes from `stream`, each read within the stream's read timeout. `step`
/// is what the spec is doing, `who` the other end ("your echo desk").
pub fn read_exactly(
    stream: &mut TcpStream,
    len: usize,
    step: &str,
    who: &str,
) -> Result<Vec<u8>, String> {
    let within = words::within(stream.read_timeout().ok().flatten());
    let mut got = vec![0u8; len];
    let mut filled = 0;
    while filled < len {
        match stream.read(&mut got[filled..]) {
            Ok(0) => {
                got.truncate(filled);
                return Err(if filled == 0 {
                    words().closed_without_sending(step, who)
                } else {
                    words().closed_after(step, who, &got, len)
                });
            }
            Ok(received) => filled += received,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => {
                got.truncate(filled);
                return Err(if is_timeout(&error) && filled == 0 {
                    words().sent_nothing_within(step, who, &within)
                } else if is_timeout(&error) {
                    words().sent_only_within(step, who, &got, len, &within)
                } else if filled == 0 {
                    words::step_failed(step, &error)
                } else {
                    words().failed_after(step, &io_error(&error), &got)
                });
            }
        }
    }
    Ok(got)
}

/// Reads one line, up to and including `\n`, within the stream's read timeout.
pub fn read_line(
    reader: &mut BufReader<TcpStream>,
    step: &str,
    who: &str,
) -> Result<Vec<u8>, String> {
    let within = words::within(reader.get_ref().read_timeout().ok().flatten());
    let mut line = Vec::new();
    // On an error, the bytes read so far are in `line`.
    match reader.read_until(b'\n', &mut line) {
        Ok(0) => Err(words().closed_without_sending(step, who)),
        Ok(_) if line.ends_with(b"\n") => Ok(line),
        Ok(_) => Err(words().closed_inside_a_line(step, who, &line)),
        Err(error) if is_timeout(&error) && line.is_empty() => {
            Err(words().sent_nothing_within(step, who, &within))
        }
        Err(error) if is_timeout(&error) => {
            Err(words().part_of_a_line_within(step, who, &line, &within))
        }
        Err(error) if line.is_empty() => Err(words::step_failed(step, &error)),
        Err(error) => Err(words().failed_after(step, &io_error(&error), &line)),
    }
}

/// Reads until the other end closes the connection, within the stream's read timeout.
pub fn read_to_end(stream: &mut TcpStream, step: &str, who: &str) -> Result<Vec<u8>, String> {
    let within = words::within(stream.read_timeout().ok().flatten());
    let mut got = Vec::new();
    // On an error, the bytes read so far are in `got`.
    match stream.read_to_end(&mut got) {
        Ok(_) => Ok(got),
        Err(error) if is_timeout(&error) => {
            Err(words().neither_more_nor_closed(step, who, &got, &within))
        }
        Err(error) if got.is_empty() => Err(words::step_failed(step, &error)),
        Err(error) => Err(words().failed_after(step, &io_error(&error), &got)),
    }
}

/// Receives one datagram, within the socket's read timeout.
pub fn recv_from(socket: &UdpSocket, step: &str) -> Result<(Vec<u8>, SocketAddr), String> {
    let within = words::within(socket.read_timeout().ok().flatten());
    // Larger than any datagram the specs send: a datagram is never cut here.
    let mut buffer = vec![0u8; 65_536];
    match socket.recv_from(&mut buffer) {
        Ok((len, from)) => {
            buffer.truncate(len);
            Ok((buffer, from))
        }
        Err(error) if is_timeout(&error) => Err(words().nothing_arrived_within(step, &within)),
        Err(error) => Err(words::step_failed(step, &error)),
    }
}

/// The student's function, running in a thread of its own, so that the spec can wait for it
/// with a deadline and say so when it does not return.
pub struct Call<T> {
    function: &'static str,
    outcome: mpsc::Receiver<Result<T, String>>,
    /// Once received: the value, or the message of its panic.
    ended: Option<Result<T, String>>,
    /// How long the spec has waited for it so far.
    waited: Duration,
}

/// Runs `body`, a call of the student's `function`, in a thread named after it.
#[track_caller]
pub fn call<T: Send + 'static>(
    function: &'static str,
    body: impl FnOnce() -> T + Send + 'static,
) -> Call<T> {
    let (outcome_tx, outcome_rx) = mpsc::channel();
    thread::Builder::new()
        .name(format!("your {function}"))
        .spawn(move || {
            // The panic's own message and place are printed above; the spec says it again.
            let outcome = panic::catch_unwind(AssertUnwindSafe(body)).map_err(panic_text);
            let _ = outcome_tx.send(outcome);
        })
        .doing(&words().thread_for(function));
    Call {
        function,
        outcome: outcome_rx,
        ended: None,
        waited: Duration::ZERO,
    }
}

fn panic_text(payload: Box<dyn Any + Send>) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        text.to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        words().a_panic_without_a_message().to_string()
    }
}

impl<T> Call<T> {
    /// How the function ended, if it ends within `within`: its value, or its panic's message.
    pub fn ended_within(&mut self, within: Duration) -> Option<&Result<T, String>> {
        if self.ended.is_none() {
            match self.outcome.recv_timeout(within) {
                Ok(outcome) => self.ended = Some(outcome),
                Err(_) => self.waited += within,
            }
        }
        self.ended.as_ref()
    }

    /// Waits for the function's value, at most `within` more. A function that does not
    /// return, or that panics, fails the test; `context` follows "did not return within 5 s".
    #[track_caller]
    pub fn returned(&mut self, within: Duration, context: &str) -> T {
        self.ended_within(within);
        match self.ended.take() {
            Some(Ok(value)) => value,
            Some(Err(message)) => fail(words().panicked(self.function, &message)),
            None => fail(words().did_not_return(self.function, &duration(self.waited), context)),
        }
    }

    /// The name of the student's function, for `panicked` and `returned_an_error`.
    pub fn function(&self) -> &'static str {
        self.function
    }
}

/// "your `handle` panicked: ...", for a spec that found out with `Call::ended_within`.
pub fn panicked(function: &str, message: &str) -> String {
    words().panicked(function, message)
}

/// "your `handle` returned an error: ...", in words.
pub fn returned_an_error(function: &str, error: &io::Error) -> String {
    words().returned_an_error(function, &io_error(error))
}

/// A table of cases: what the spec expected of each, what the student's code gave, and a
/// mark on each row that is wrong. A failure shows every row, so that the student sees the
/// pattern (every IPv6 row wrong; only the lost pings wrong).
pub struct Table {
    title: String,
    columns: Vec<String>,
    rows: Vec<(Vec<String>, bool)>,
}

impl Table {
    pub fn new(title: impl Into<String>, columns: &[impl AsRef<str>]) -> Table {
        Table {
            title: title.into(),
            columns: columns
                .iter()
                .map(|column| column.as_ref().to_string())
                .collect(),
            rows: Vec::new(),
        }
    }

    /// One case, a cell per column; `right` is false when the student's code got it wrong.
    pub fn row(&mut self, cells: Vec<String>, right: bool) {
        self.rows.push((cells, right));
    }

    pub fn is_right(&self) -> bool {
        self.rows.iter().all(|(_, right)| *right)
    }

    /// The title, then the columns aligned, the wrong rows marked.
    pub fn render(&self) -> String {
        let mut widths: Vec<usize> = self.columns.iter().map(|c| c.chars().count()).collect();
        for (cells, _) in &self.rows {
            for (index, cell) in cells.iter().enumerate() {
                if index < widths.len() {
                    widths[index] = widths[index].max(cell.chars().count());
                }
            }
        }
        let line = |cells: &[String], mark: &str| {
            let mut text = String::from("  ");
            for (index, cell) in cells.iter().enumerate() {
                let width = widths.get(index).copied().unwrap_or(0);
                text.push_str(&format!("{cell:<width$}  "));
            }
            text.push_str(mark);
            text.trim_end().to_string()
        };
        let mut text = format!("{}:\n{}", self.title, line(&self.columns, ""));
        for (cells, right) in &self.rows {
            text.push('\n');
            text.push_str(&line(cells, if *right { "" } else { words().wrong_row() }));
        }
        text
    }

    /// Fails with the whole table, then `rule` (what the spec wants, in a sentence), when a
    /// row is wrong.
    #[track_caller]
    pub fn check(&self, rule: &str) {
        if !self.is_right() {
            if rule.is_empty() {
                fail(self.render())
            } else {
                fail(format!("{}\n{rule}", self.render()))
            }
        }
    }
}

/// "(missing)": a cell for a value the student's code did not give.
pub fn missing() -> String {
    words().missing().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::speak;

    #[test]
    fn text_is_quoted_with_escapes() {
        speak(Lang::En);
        assert_eq!(quote(b"hello\n"), r#""hello\n""#);
        assert_eq!(quote(b"say \"hi\"\t\\"), r#""say \"hi\"\t\\""#);
        assert_eq!(quote(b""), r#""""#);
        assert_eq!(describe(b"hello\n"), r#""hello\n" (6 bytes)"#);
        assert_eq!(describe(b"x"), r#""x" (1 byte)"#);
    }

    #[test]
    fn runs_of_zeros_are_counted_not_shown() {
        speak(Lang::En);
        let mut bytes = b"ping\n".to_vec();
        bytes.extend([0; 38]);
        assert_eq!(quote(&bytes), r#""ping\n" + 38 zero bytes"#);
        assert_eq!(quote(&[0; 15]), "15 zero bytes");
        // A few zeros inside text stay where they are.
        assert_eq!(quote(b"hello\0world"), r#""hello\0world""#);
    }

    #[test]
    fn long_text_is_cut_with_its_length() {
        speak(Lang::En);
        let long = vec![b'#'; 300];
        let quoted = quote(&long);
        assert!(quoted.starts_with("\"####"), "{quoted}");
        assert!(quoted.ends_with("\"… (300 bytes in all)"), "{quoted}");
        assert!(quoted.len() < 90, "{quoted}");
    }

    #[test]
    fn bytes_that_are_not_text_are_hex() {
        speak(Lang::En);
        assert_eq!(quote(b"\x00\x07t=21.5C"), "hex 00 07 74 3d 32 31 2e 35 43");
        let binary: Vec<u8> = (0..=255).collect();
        assert_eq!(
            quote(&binary),
            "hex 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f … (256 bytes in all)"
        );
        assert_eq!(describe(&[0xff, 0xfe]), "hex ff fe (2 bytes)");
    }

    #[test]
    fn numbers_and_durations_read_as_words() {
        speak(Lang::En);
        assert_eq!(thousands(1_048_576), "1,048,576");
        assert_eq!(thousands(999), "999");
        assert_eq!(count(1, "byte"), "1 byte");
        assert_eq!(count(70_000, "byte"), "70,000 bytes");
        assert_eq!(duration(Duration::from_secs(5)), "5 s");
        assert_eq!(duration(Duration::from_millis(1200)), "1.2 s");
        assert_eq!(duration(Duration::from_millis(500)), "500 ms");
        assert_eq!(duration(Duration::from_micros(213)), "0.21 ms");
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(2), "2nd");
        assert_eq!(ordinal(3), "3rd");
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(22), "22nd");
    }

    #[test]
    fn bytes_that_differ_far_in_show_where() {
        speak(Lang::En);
        let expected: Vec<u8> = (0..200).collect();
        let mut got = expected.clone();
        got[100] = 0;
        let message = bytes_differ("the echo", &expected, &got);
        assert!(
            message.contains("they differ from byte 100 on"),
            "{message}"
        );
        assert!(message.contains("hex 64 65 66"), "{message}");
        assert!(message.contains("hex 00 65 66"), "{message}");
    }

    #[test]
    fn a_table_marks_the_wrong_rows_only() {
        speak(Lang::En);
        let mut table = Table::new("the pings", &["ping", "expected", "got"]);
        table.row(vec!["1".into(), "answered".into(), "answered".into()], true);
        table.row(vec!["2".into(), "lost".into(), "answered".into()], false);
        assert!(!table.is_right());
        assert_eq!(
            table.render(),
            "the pings:\n  ping  expected  got\n  1     answered  answered\n  2     lost      answered  <- wrong"
        );
    }

    #[test]
    fn io_errors_are_said_in_words_with_their_kind() {
        speak(Lang::En);
        let error = io::Error::from(io::ErrorKind::ConnectionReset);
        let words = io_error(&error);
        assert!(words.starts_with("the connection was reset"), "{words}");
        assert!(words.contains("ErrorKind::ConnectionReset"), "{words}");
    }

    #[test]
    fn a_call_that_panics_or_hangs_is_said_so() {
        speak(Lang::En);
        let mut panics = call("handle", || -> u32 { panic!("not yet implemented") });
        assert_eq!(
            panics.ended_within(Duration::from_secs(5)),
            Some(&Err("not yet implemented".to_string()))
        );
        let (_release, wait) = mpsc::channel::<()>();
        let mut hangs = call("handle", move || wait.recv());
        assert!(hangs.ended_within(Duration::from_millis(50)).is_none());
        let mut returns = call("handle", || 7);
        assert_eq!(returns.returned(Duration::from_secs(5), ""), 7);
    }

    #[test]
    fn portuguese_words_numbers_and_durations() {
        speak(Lang::PtBr);
        assert_eq!(describe(b"hello\n"), r#""hello\n" (6 bytes)"#);
        assert_eq!(describe(b""), r#""" (nada)"#);
        assert_eq!(count(1_048_576, "byte"), "1.048.576 bytes");
        assert_eq!(count(1, "frame"), "1 quadro");
        assert_eq!(count(2, "request"), "2 requisições");
        assert_eq!(duration(Duration::from_millis(1200)), "1,2 s");
        assert_eq!(duration(Duration::from_micros(213)), "0,21 ms");
        assert_eq!(duration(Duration::from_secs(5)), "5 s");
        assert_eq!(ordinal(2), "2º");
        let mut bytes = b"ping\n".to_vec();
        bytes.extend([0; 38]);
        assert_eq!(quote(&bytes), r#""ping\n" + 38 bytes zero"#);
        let long = vec![b'#'; 300];
        assert!(quote(&long).ends_with("\"… (300 bytes no total)"));
        assert_eq!(
            expected_got("o eco", 1, 2),
            "o eco:\n  esperado: 1\n  obtido:   2"
        );
        let words = io_error(&io::Error::from(io::ErrorKind::ConnectionReset));
        assert!(words.starts_with("a conexão foi resetada"), "{words}");
        assert!(words.contains("ErrorKind::ConnectionReset"), "{words}");
        assert_eq!(en_pt!("one", "um"), "um");
        assert_eq!(de("o eco"), "do eco");
        assert_eq!(de("a 2ª mensagem"), "da 2ª mensagem");
        assert_eq!(de("as 3 mensagens"), "das 3 mensagens");
        assert_eq!(de("\"hi\""), "de \"hi\"");
        assert_eq!(de("um megabyte"), "de um megabyte");
        assert_eq!(em("o grupo"), "no grupo");
        assert_eq!(de("outro"), "de outro");
    }

    #[test]
    fn a_portuguese_table_marks_its_wrong_rows_in_portuguese() {
        speak(Lang::PtBr);
        let mut table = Table::new("os pings", &["ping", "esperado", "obtido"]);
        table.row(
            vec!["1".into(), "perdido".into(), "respondido".into()],
            false,
        );
        assert!(
            table.render().ends_with("respondido  <- errado"),
            "{}",
            table.render()
        );
        assert_eq!(missing(), "(faltando)");
    }

    #[test]
    fn a_call_that_hangs_is_said_so_in_portuguese() {
        speak(Lang::PtBr);
        let (_release, wait) = mpsc::channel::<()>();
        let mut hangs = call("handle", move || wait.recv());
        let message = panic::catch_unwind(AssertUnwindSafe(|| {
            hangs.returned(Duration::from_millis(50), "")
        }))
        .map_err(panic_text)
        .unwrap_err();
        assert_eq!(message, "sua função `handle` não retornou em 50 ms");
    }
}
