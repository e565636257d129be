//! The course's datagrams: a small text header that numbers them, a display that shows any
//! datagram as it is, and a score of what the network did to a run (lost, reordered,
//! duplicated); and what the OS reports on a UDP socket, sorted once for every program
//! (a receive that timed out, a "port unreachable", a datagram too large). Shared by
//! `udp-sender`, `udp-receiver`, `udp-relay` and the multicast programs.
//!
//! # The header
//!
//! A datagram from the course's senders starts with one line of ASCII, so that it stays
//! readable in `tcpdump -A`, followed by the payload:
//!
//! ```text
//! SEQ 3 OF 10 RUN 5f2c SENT 1764000000.123456\n<payload>
//! ```
//!
//! - `SEQ n`: the sequence number, from 0, one more for each datagram of the run;
//! - `OF total`: how many the run sends, when the sender knows it (left out otherwise), so
//!   that the receiver can count the datagrams lost at the end of a run too;
//! - `RUN id`: four or more hex digits that tell one run of a sender from the next, so that
//!   starting the sender again does not look like duplicates;
//! - `SENT s.micros`: when it was sent, Unix time, for the one-way delay on one machine.
//!
//! Datagrams without this header (from `nc -u`, socat, Python...) are shown as they are and
//! counted apart.
//!
//! # The score
//!
//! For each run the receiver counts what arrived, what arrived twice (duplicated) and what
//! arrived after a higher number (reordered). The numbers from 0 up to the run's `OF` (or up
//! to the highest `SEQ` that arrived, when the sender announced no total) that never arrived
//! are lost.
//!
//! # When a datagram lies
//!
//! Anyone who can reach the receiver's port can send it a datagram with any numbers in it,
//! by mistake or on purpose: `SEQ 0 OF 18446744073709551615 RUN 00a1 SENT 1.000000` is a
//! valid header. So the score follows three rules.
//!
//! 1. **It costs what arrived, never what a datagram claims.** The numbers that arrived are
//!    kept as ranges (0 to 19 is one entry), the lost ones are counted by subtraction, and a
//!    summary lists only the first 20 ([`LOST_LISTED`]) ("lost: 3, 4, 9 ... and 1,204 more"). A
//!    datagram that claims `OF 18446744073709551615` costs no more memory or time than any
//!    other.
//! 2. **A number above one billion ([`BELIEVABLE`]) is not believed.** Even at a million
//!    datagrams a second, a billion take more than a quarter of an hour to send.
//! 3. **A run believes the first thing it is told.** Its total is the first `OF` that is
//!    above every `SEQ` seen so far. A later datagram that contradicts it is not believed: an
//!    `OF` that differs, or a `SEQ` at or above the total (`SEQ` counts from 0).
//!
//! What "not believed" means: a datagram whose `SEQ` is not believed is *set aside*: it
//! counts as received, and nothing else (no loss, order or duplicate is judged from it). A
//! datagram whose `OF` alone is not believed is scored by its `SEQ` as usual; only its `OF`
//! is ignored. Either way the rest of the run is scored as usual: a lie spoils nothing but
//! itself. The first number a run does not believe is reported when it arrives
//! ([`Verdict::first_doubt`]) and named in the run's summary, with how many more there were:
//!
//! ```text
//! received 1, lost 0, reordered 0, duplicated 0; not believed: OF 18446744073709551615 (above 1,000,000,000: ignored)
//! ```
//!
//! A lie that comes first and makes sense cannot be told from the truth: a forged
//! `SEQ 0 OF 500` with the run id of a real run of 20 makes that run's real `OF 20` the one
//! not believed. The summary then says so, and the student sees that something is off.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::net::SocketAddr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use course::t;

mod trouble;
pub use trouble::{
    check_fits, is_message_too_long, is_port_unreachable, is_port_unreachable_kind, is_timeout,
    too_long_hint,
};

/// The largest UDP payload over IPv4: 65,535 (IP total length) - 20 (IP header) - 8 (UDP header).
pub const MAX_PAYLOAD_V4: usize = 65_507;
/// The largest UDP payload over IPv6: 65,535 (payload length) - 8 (UDP header).
pub const MAX_PAYLOAD_V6: usize = 65_527;
/// A receive buffer that holds any UDP datagram, so that none is ever cut.
pub const RECV_BUFFER: usize = 65_536;

/// The largest payload for a destination of this family.
pub fn max_payload(to: &SocketAddr) -> usize {
    match to {
        SocketAddr::V4(_) => MAX_PAYLOAD_V4,
        SocketAddr::V6(_) => MAX_PAYLOAD_V6,
    }
}

/// The numbering line at the start of a course datagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub seq: u64,
    pub total: Option<u64>,
    pub run: u32,
    /// Microseconds since the Unix epoch.
    pub sent_micros: u64,
}

impl Header {
    /// A header stamped with the current time.
    pub fn now(seq: u64, total: Option<u64>, run: u32) -> Header {
        Header {
            seq,
            total,
            run,
            sent_micros: unix_micros(SystemTime::now()),
        }
    }

    /// `SEQ 3 OF 10`, or `SEQ 3` when the sender announced no total: how the programs name a
    /// datagram when they narrate it.
    pub fn label(&self) -> String {
        match self.total {
            Some(total) => format!("SEQ {} OF {total}", self.seq),
            None => format!("SEQ {}", self.seq),
        }
    }

    /// The header line, newline included.
    pub fn line(&self) -> String {
        let mut line = self.label();
        let _ = writeln!(
            line,
            " RUN {:04x} SENT {}.{:06}",
            self.run,
            self.sent_micros / 1_000_000,
            self.sent_micros % 1_000_000
        );
        line
    }

    /// A whole datagram: this header, then `payload`.
    pub fn datagram(&self, payload: &[u8]) -> Vec<u8> {
        let mut datagram = self.line().into_bytes();
        datagram.extend_from_slice(payload);
        datagram
    }

    /// A datagram of exactly `size` bytes (or just the header, if it is longer than `size`):
    /// the header, then a filler that reads well in a packet capture.
    pub fn datagram_of_size(&self, size: usize) -> Vec<u8> {
        let mut datagram = self.line().into_bytes();
        const FILLER: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
        let mut i = 0;
        while datagram.len() < size {
            datagram.push(FILLER[i % FILLER.len()]);
            i += 1;
        }
        datagram
    }

    /// Reads the header at the start of `datagram`; returns it and the payload after it.
    /// `None` when the datagram does not start with a course header.
    pub fn parse(datagram: &[u8]) -> Option<(Header, &[u8])> {
        // The header line is short; never scan a large payload for a newline.
        let end = datagram.iter().take(96).position(|&b| b == b'\n')?;
        let line = std::str::from_utf8(&datagram[..end]).ok()?;
        let mut words = line.split(' ');
        let mut next = || words.next();
        if next()? != "SEQ" {
            return None;
        }
        let seq = next()?.parse().ok()?;
        let mut word = next()?;
        let mut total = None;
        if word == "OF" {
            total = Some(next()?.parse().ok()?);
            word = next()?;
        }
        if word != "RUN" {
            return None;
        }
        let run_text = next()?;
        let run = u32::from_str_radix(run_text, 16).ok()?;
        if next()? != "SENT" {
            return None;
        }
        let (seconds, micros) = next()?.split_once('.')?;
        if micros.len() != 6 {
            return None;
        }
        let sent_micros = seconds
            .parse::<u64>()
            .ok()?
            .checked_mul(1_000_000)?
            .checked_add(micros.parse::<u64>().ok()?)?;
        if next().is_some() {
            return None;
        }
        let header = Header {
            seq,
            total,
            run,
            sent_micros,
        };
        Some((header, &datagram[end + 1..]))
    }

    /// How long ago it was sent, by this machine's clock (meaningful on one machine).
    pub fn age(&self) -> Duration {
        Duration::from_micros(unix_micros(SystemTime::now()).saturating_sub(self.sent_micros))
    }
}

/// Microseconds since the Unix epoch.
pub fn unix_micros(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map(|since| since.as_micros() as u64)
        .unwrap_or(0)
}

/// A run id that differs from one start of a program to the next.
pub fn new_run_id() -> u32 {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let mixed = (now.as_nanos() as u64) ^ (u64::from(std::process::id()) << 20);
    // A multiply-xorshift so that two starts a microsecond apart look different.
    let mixed = (mixed ^ (mixed >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    (mixed >> 32) as u32 & 0xffff
}

/// Shows a payload as a person wants to see it: text as text (control characters escaped),
/// anything else as hex, cut after `limit` bytes with the number of bytes left out.
pub fn show_payload(payload: &[u8], limit: usize) -> String {
    let mut end = payload.len().min(limit);
    // A cut inside a character of several bytes (`ç`, `ã`) must not make text look binary.
    if end < payload.len()
        && let Err(error) = std::str::from_utf8(&payload[..end])
        && error.error_len().is_none()
    {
        end = error.valid_up_to();
    }
    let shown = &payload[..end];
    let rest = payload.len() - shown.len();
    let mut out = String::new();
    match std::str::from_utf8(shown) {
        Ok(text)
            if !text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')) =>
        {
            out.push('"');
            for c in text.chars() {
                match c {
                    '\n' => out.push_str("\\n"),
                    '\t' => out.push_str("\\t"),
                    '\r' => out.push_str("\\r"),
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    c => out.push(c),
                }
            }
            out.push('"');
        }
        _ => {
            out.push_str("hex ");
            for (i, byte) in shown.iter().enumerate() {
                if i > 0 && i % 4 == 0 {
                    out.push(' ');
                }
                let _ = write!(out, "{byte:02x}");
            }
        }
    }
    if rest > 0 {
        let _ = write!(out, " ... (+{rest} bytes)");
    }
    out
}

/// The line a receiver prints for each datagram (on stdout):
///
/// ```text
/// from 127.0.0.1:50000  46 bytes  SEQ 3 OF 10 RUN 5f2c (0.2 ms)  "hello"
/// from 127.0.0.1:50001   5 bytes  "hi\n"
/// ```
pub fn describe(from: SocketAddr, datagram: &[u8]) -> String {
    const SHOWN: usize = 64;
    let size = format!("{:>5}", datagram.len());
    let mut line = t!("datagram.from", from, size);
    line.push_str("  ");
    match Header::parse(datagram) {
        Some((header, payload)) => {
            let age = header.age();
            let _ = write!(
                line,
                "{} RUN {:04x} ({:.1} ms)  {}",
                header.label(),
                header.run,
                age.as_secs_f64() * 1000.0,
                show_payload(payload, SHOWN)
            );
        }
        None => line.push_str(&show_payload(datagram, SHOWN)),
    }
    line
}

/// The largest SEQ or OF the score believes: one billion. Even at a million datagrams a
/// second a billion take more than a quarter of an hour to send; a course run sends thousands.
/// A larger number is not believed (see "When a datagram lies" above).
pub const BELIEVABLE: u64 = 1_000_000_000;
/// How many lost numbers a summary lists; the rest are only counted.
pub const LOST_LISTED: usize = 20;

/// What happened to one datagram, judged on arrival.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// The next one, or later than the next (the ones in between are missing, for now).
    InOrder,
    /// It arrived after a datagram with a higher number: out of order (but not lost).
    Reordered,
    /// Its number had arrived before.
    Duplicate,
    /// Its SEQ is not believed ([`Doubt`]): counted as received, judged for nothing else.
    SetAside,
}

/// A number in a datagram that the score does not believe, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doubt {
    /// `SEQ seq` above [`BELIEVABLE`]: the datagram is set aside.
    SeqTooLarge { seq: u64 },
    /// `OF total` above [`BELIEVABLE`]: this OF is ignored.
    TotalTooLarge { total: u64 },
    /// `SEQ seq` in a run that announced `OF total` first: SEQ counts from 0, so it is always
    /// below OF. The datagram is set aside.
    SeqBeyondTotal { seq: u64, total: u64 },
    /// `OF total`, but SEQ `seq` (as high or higher) arrived before or in the same datagram:
    /// this OF is ignored.
    TotalNotAboveSeq { total: u64, seq: u64 },
    /// `OF now` in a run that announced `OF was` first: this OF is ignored.
    TotalChanged { was: u64, now: u64 },
}

impl fmt::Display for Doubt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let limit = thousands(BELIEVABLE);
        let text = match *self {
            Doubt::SeqTooLarge { seq } => t!("datagram.doubt.seq-too-large", seq, limit),
            Doubt::TotalTooLarge { total } => t!("datagram.doubt.total-too-large", total, limit),
            Doubt::SeqBeyondTotal { seq, total } => {
                t!("datagram.doubt.seq-beyond-total", seq, total)
            }
            Doubt::TotalNotAboveSeq { total, seq } => {
                t!("datagram.doubt.total-not-above-seq", total, seq)
            }
            Doubt::TotalChanged { was, now } => t!("datagram.doubt.total-changed", was, now),
        };
        f.write_str(&text)
    }
}

/// How the score judged one datagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub arrival: Arrival,
    /// A number of this datagram that the score does not believe.
    pub doubt: Option<Doubt>,
    /// Whether `doubt` is the first of its run: a program reports it then, once per run.
    pub first_doubt: bool,
}

/// The numbers that arrived, kept as ranges of consecutive numbers: 0 to 19 is one entry, so
/// memory grows with the holes between what arrived, never with the numbers themselves.
#[derive(Debug, Clone, Default)]
struct Ranges {
    /// First number of each range -> its last (included).
    ranges: BTreeMap<u64, u64>,
    /// How many numbers in all.
    count: u64,
}

impl Ranges {
    /// Adds `n`; false when it was there already.
    fn insert(&mut self, n: u64) -> bool {
        let before = self.ranges.range(..=n).next_back().map(|(&s, &e)| (s, e));
        if before.is_some_and(|(_, end)| n <= end) {
            return false;
        }
        let extends = before.filter(|&(_, end)| end.checked_add(1) == Some(n));
        let after = n
            .checked_add(1)
            .and_then(|next| Some((next, *self.ranges.get(&next)?)));
        if let Some((next, _)) = after {
            self.ranges.remove(&next);
        }
        let start = extends.map_or(n, |(start, _)| start);
        let end = after.map_or(n, |(_, end)| end);
        self.ranges.insert(start, end);
        self.count += 1;
        true
    }

    /// The numbers from 0 to `end` (excluded) that are missing: the first `listed` of them,
    /// and how many in all. Every number kept must be below `end`. The cost is that of the
    /// ranges looked at before the list is full, never that of `end`.
    fn missing_below(&self, end: u64, listed: usize) -> (Vec<u64>, u64) {
        let missing = end.saturating_sub(self.count);
        let mut list = Vec::with_capacity(listed.min(usize::try_from(missing).unwrap_or(listed)));
        let mut next = 0u64;
        let gaps = self
            .ranges
            .iter()
            .map(|(&start, &last)| (start, last.checked_add(1)))
            .chain(std::iter::once((end, None)));
        for (start, after) in gaps {
            let mut n = next;
            while n < start.min(end) && list.len() < listed {
                list.push(n);
                n += 1;
            }
            if list.len() >= listed {
                break;
            }
            match after {
                Some(after) => next = after,
                None => break,
            }
        }
        (list, missing)
    }
}

/// The score of one run of a sender (one `RUN` id). It believes a datagram's numbers only as
/// the crate's doc ("When a datagram lies") says, and costs memory in proportion to what
/// arrived, whatever the numbers claim.
#[derive(Debug, Clone, Default)]
pub struct RunScore {
    seen: Ranges,
    highest: Option<u64>,
    total: Option<u64>,
    received: u64,
    reordered: u64,
    duplicated: u64,
    doubted: u64,
    first_doubt: Option<Doubt>,
}

impl RunScore {
    /// Scores the arrival of a datagram with this header.
    pub fn record(&mut self, header: &Header) -> Verdict {
        self.received += 1;
        let (arrival, doubt) = self.judge(header);
        let first_doubt = doubt.is_some() && self.first_doubt.is_none();
        if let Some(doubt) = doubt {
            self.doubted += 1;
            self.first_doubt.get_or_insert(doubt);
        }
        Verdict {
            arrival,
            doubt,
            first_doubt,
        }
    }

    fn judge(&mut self, header: &Header) -> (Arrival, Option<Doubt>) {
        let seq = header.seq;
        if seq > BELIEVABLE {
            return (Arrival::SetAside, Some(Doubt::SeqTooLarge { seq }));
        }
        // The OF first: the first believable one becomes the run's total.
        let mut doubt = None;
        if let Some(total) = header.total {
            let highest = self.highest.map_or(seq, |highest| highest.max(seq));
            match self.total {
                Some(was) if total != was => doubt = Some(Doubt::TotalChanged { was, now: total }),
                Some(_) => {}
                None if total > BELIEVABLE => doubt = Some(Doubt::TotalTooLarge { total }),
                None if total <= highest => {
                    doubt = Some(Doubt::TotalNotAboveSeq {
                        total,
                        seq: highest,
                    })
                }
                None => self.total = Some(total),
            }
        }
        if let Some(total) = self.total.filter(|&total| seq >= total) {
            return (
                Arrival::SetAside,
                doubt.or(Some(Doubt::SeqBeyondTotal { seq, total })),
            );
        }
        let arrival = if !self.seen.insert(seq) {
            self.duplicated += 1;
            Arrival::Duplicate
        } else if self.highest.is_some_and(|highest| seq < highest) {
            self.reordered += 1;
            Arrival::Reordered
        } else {
            self.highest = Some(seq);
            Arrival::InOrder
        };
        (arrival, doubt)
    }

    /// The numbers that never arrived, from 0 to the run's total (OF) or, when it announced
    /// none that is believed, to the highest SEQ that arrived: the first [`LOST_LISTED`] of
    /// them and how many in all.
    pub fn lost(&self) -> (Vec<u64>, u64) {
        // Both are at most BELIEVABLE, so `highest + 1` cannot overflow.
        let end = match (self.total, self.highest) {
            (Some(total), _) => total,
            (None, Some(highest)) => highest.saturating_add(1),
            (None, None) => 0,
        };
        self.seen.missing_below(end, LOST_LISTED)
    }

    pub fn summary(&self) -> Summary {
        let (lost_seqs, lost) = self.lost();
        Summary {
            received: self.received,
            expected: self.total,
            lost,
            reordered: self.reordered,
            duplicated: self.duplicated,
            lost_seqs,
            doubted: self.doubted,
            first_doubt: self.first_doubt,
        }
    }

    /// How many ranges of consecutive numbers the score keeps: its memory, never more than
    /// the datagrams received.
    pub fn ranges_kept(&self) -> usize {
        self.seen.ranges.len()
    }
}

/// Numbers for one run, ready to print.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    /// Datagrams that arrived, duplicates and set-aside ones included.
    pub received: u64,
    /// How many the sender said it would send (`OF n`), if it said and was believed.
    pub expected: Option<u64>,
    pub lost: u64,
    pub reordered: u64,
    pub duplicated: u64,
    /// The first lost sequence numbers (at most [`LOST_LISTED`]), in order; `lost` counts
    /// them all.
    pub lost_seqs: Vec<u64>,
    /// Datagrams with a number the score did not believe.
    pub doubted: u64,
    /// The first of those numbers, and why.
    pub first_doubt: Option<Doubt>,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Summary {
            received,
            lost,
            reordered,
            duplicated,
            ..
        } = *self;
        f.write_str(&match self.expected {
            Some(expected) => t!(
                "datagram.score-of",
                received,
                expected,
                lost,
                reordered,
                duplicated
            ),
            None => t!("datagram.score", received, lost, reordered, duplicated),
        })?;
        if !self.lost_seqs.is_empty() {
            let shown: Vec<String> = self.lost_seqs.iter().map(u64::to_string).collect();
            let mut list = shown.join(", ");
            let more = self.lost.saturating_sub(self.lost_seqs.len() as u64);
            if more > 0 {
                list = t!("datagram.and-more", list, more = thousands(more));
            }
            write!(f, " ({})", t!("datagram.lost-list", list))?;
        }
        if let Some(doubt) = self.first_doubt {
            let others = self.doubted.saturating_sub(1);
            let said = if others > 0 {
                t!(
                    "datagram.not-believed-more",
                    doubt,
                    more = thousands(others)
                )
            } else {
                t!("datagram.not-believed", doubt)
            };
            write!(f, "; {said}")?;
        }
        Ok(())
    }
}

/// The run id and the summary of a line of [`Scoreboard::report`] (`run 5f2c: received 16 of
/// 20 sent, ...`) as a program speaking `lang` writes it; `None` for any other line. For a
/// program that reads another's report: the demo compares the relay's expected score with the
/// receiver's, whatever language each of them speaks.
pub fn run_line(lang: course::lang::Lang, line: &str) -> Option<(u32, &str)> {
    let template = course::text::get_in(lang, "datagram.run");
    let (before, rest) = template.split_once("{run}")?;
    let (between, _) = rest.split_once("{summary}")?;
    let (run, summary) = line.strip_prefix(before)?.split_once(between)?;
    // A run id is 4 to 8 hex digits (`{:04x}` of a u32).
    if !(4..=8).contains(&run.len()) {
        return None;
    }
    Some((u32::from_str_radix(run, 16).ok()?, summary))
}

/// `n` with a separator every three digits, the language's: 1,204 in English, 1.204 in
/// Portuguese (where a comma is the decimal point).
pub fn thousands(n: u64) -> String {
    let separator = course::text::get("datagram.thousands-separator");
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(&separator);
        }
        out.push(digit);
    }
    out
}

/// What a receiver shows of one datagram ([`Scoreboard::show`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// The datagram's line, for stdout.
    pub line: String,
    /// The first number of its run that is not believed, for the narration (`doubt` line).
    pub doubt: Option<String>,
}

/// The score of everything a receiver got: one [`RunScore`] per run of a sender, and a count
/// of datagrams that carried no course header.
#[derive(Debug, Clone, Default)]
pub struct Scoreboard {
    runs: BTreeMap<u32, RunScore>,
    /// Datagrams without a course header.
    pub unnumbered: u64,
    /// Every datagram, with and without a header.
    pub datagrams: u64,
    /// Their bytes.
    pub bytes: u64,
}

impl Scoreboard {
    /// Scores one datagram; `None` for a datagram without a course header.
    pub fn record(&mut self, datagram: &[u8]) -> Option<(Header, Verdict)> {
        self.datagrams += 1;
        self.bytes = self.bytes.saturating_add(datagram.len() as u64);
        match Header::parse(datagram) {
            Some((header, _)) => {
                let verdict = self.runs.entry(header.run).or_default().record(&header);
                Some((header, verdict))
            }
            None => {
                self.unnumbered += 1;
                None
            }
        }
    }

    /// Scores one datagram from `from` and says what a receiver shows of it: its line for
    /// stdout ([`describe`], then what the score thought of it), and the first number of its
    /// run that is not believed, to narrate once.
    pub fn show(&mut self, from: SocketAddr, datagram: &[u8]) -> Shown {
        let mut shown = Shown {
            line: describe(from, datagram),
            doubt: None,
        };
        let Some((header, verdict)) = self.record(datagram) else {
            return shown;
        };
        let judged = match verdict.arrival {
            Arrival::Reordered => Some(t!("datagram.reordered")),
            Arrival::Duplicate => Some(t!("datagram.duplicate")),
            Arrival::SetAside => Some(t!("datagram.set-aside")),
            Arrival::InOrder if verdict.doubt.is_some() => Some(t!("datagram.of-not-believed")),
            Arrival::InOrder => None,
        };
        if let Some(judged) = judged {
            let _ = write!(shown.line, "  ({judged})");
        }
        // Anyone can send to a receiver's port: a number that makes no sense is said once per
        // run, then only counted (see "When a datagram lies" above).
        if let Some(doubt) = verdict.doubt.filter(|_| verdict.first_doubt) {
            let run = format!("{:04x}", header.run);
            shown.doubt = Some(t!("datagram.doubt", run, doubt));
        }
        shown
    }

    /// The summary of each run, by run id.
    pub fn runs(&self) -> impl Iterator<Item = (u32, Summary)> + '_ {
        self.runs.iter().map(|(run, score)| (*run, score.summary()))
    }

    /// All runs added up (the first lost numbers of the runs, in run order, at most
    /// [`LOST_LISTED`]; the first doubt of the first run that had one).
    pub fn total(&self) -> Summary {
        let mut sum = Summary::default();
        for (_, run) in self.runs() {
            sum.received += run.received;
            // Each run loses at most BELIEVABLE and there are at most 2^32 runs: no sum
            // reaches u64::MAX, saturating only says so.
            sum.lost = sum.lost.saturating_add(run.lost);
            sum.reordered += run.reordered;
            sum.duplicated += run.duplicated;
            sum.doubted += run.doubted;
            sum.first_doubt = sum.first_doubt.or(run.first_doubt);
            let room = LOST_LISTED.saturating_sub(sum.lost_seqs.len());
            sum.lost_seqs.extend(run.lost_seqs.into_iter().take(room));
            sum.expected = match (sum.expected, run.expected) {
                (Some(a), Some(b)) => Some(a.saturating_add(b)),
                (None, b) if sum.received == run.received => b,
                _ => None,
            };
        }
        sum
    }

    /// The lines of the end-of-run summary, for the narration.
    pub fn report(&self) -> Vec<String> {
        let mut lines = vec![t!(
            "datagram.report",
            datagrams = self.datagrams,
            bytes = self.bytes,
            unnumbered = self.unnumbered
        )];
        for (run, summary) in self.runs() {
            let run = format!("{run:04x}");
            lines.push(t!("datagram.run", run, summary));
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use course::lang::Lang;

    fn header(seq: u64, total: Option<u64>) -> Header {
        Header {
            seq,
            total,
            run: 0x5f2c,
            sent_micros: 1_764_000_000_123_456,
        }
    }

    #[test]
    fn header_line_is_readable_ascii() {
        assert_eq!(
            header(3, Some(10)).line(),
            "SEQ 3 OF 10 RUN 5f2c SENT 1764000000.123456\n"
        );
        assert_eq!(
            header(3, None).line(),
            "SEQ 3 RUN 5f2c SENT 1764000000.123456\n"
        );
    }

    #[test]
    fn header_round_trips_with_its_payload() {
        for h in [
            header(0, None),
            header(41, Some(42)),
            header(u64::MAX, None),
        ] {
            let datagram = h.datagram(b"hello\n\x00\xff");
            assert_eq!(Header::parse(&datagram), Some((h, &b"hello\n\x00\xff"[..])));
        }
    }

    #[test]
    fn foreign_datagrams_have_no_header() {
        for datagram in [
            &b"hello\n"[..],
            b"SEQ x RUN 1 SENT 1.000000\n",
            b"SEQ 1 RUN 1 SENT 1.5\n",
            b"SEQ 1 RUN 1 SENT 1.000000 extra\n",
            b"SEQ 1 RUN 1 SENT 1.000000",
            b"",
        ] {
            assert_eq!(Header::parse(datagram), None, "{datagram:?}");
        }
    }

    #[test]
    fn datagram_of_size_has_that_size() {
        let h = header(7, Some(100));
        for size in [0, 10, 64, 1000, MAX_PAYLOAD_V4] {
            let datagram = h.datagram_of_size(size);
            assert_eq!(datagram.len(), size.max(h.line().len()));
            assert_eq!(Header::parse(&datagram).unwrap().0, h);
        }
    }

    #[test]
    fn payload_shows_text_as_text_and_binary_as_hex() {
        assert_eq!(show_payload(b"hi \"you\"\n", 64), r#""hi \"you\"\n""#);
        assert_eq!(show_payload(&[0, 1, 2, 255, 16], 64), "hex 000102ff 10");
        assert_eq!(show_payload(b"abcdef", 3), r#""abc" ... (+3 bytes)"#);
        // "ação" is a, ç (2 bytes), ã (2 bytes), o: a cut after 2 bytes falls inside ç.
        let accented = "ação".as_bytes();
        assert_eq!(show_payload(accented, 2), r#""a" ... (+5 bytes)"#);
        assert_eq!(show_payload(&[0xc3], 64), "hex c3");
    }

    fn score(arrivals: &[u64], total: Option<u64>) -> (Vec<Arrival>, Summary) {
        let mut run = RunScore::default();
        let verdicts = arrivals
            .iter()
            .map(|&seq| run.record(&header(seq, total)).arrival)
            .collect();
        (verdicts, run.summary())
    }

    #[test]
    fn in_order_run_has_a_clean_score() {
        let (_, summary) = score(&[0, 1, 2, 3], Some(4));
        assert_eq!(
            (
                summary.received,
                summary.lost,
                summary.reordered,
                summary.duplicated
            ),
            (4, 0, 0, 0)
        );
    }

    #[test]
    fn loss_in_the_middle_and_at_the_end_is_counted_when_the_total_is_known() {
        let (_, summary) = score(&[0, 1, 2, 4, 6, 7, 8], Some(10));
        assert_eq!(summary.lost_seqs, [3, 5, 9]);
        assert_eq!(
            summary.to_string(),
            "received 7 of 10 sent, lost 3, reordered 0, duplicated 0 (lost: 3, 5, 9)"
        );
        // Without a total, the end of the run is not known: only gaps count.
        let (_, summary) = score(&[0, 1, 2, 4, 6, 7, 8], None);
        assert_eq!(summary.lost_seqs, [3, 5]);
    }

    #[test]
    fn late_datagram_is_reordered_not_lost_and_repeat_is_duplicate() {
        let (verdicts, summary) = score(&[0, 2, 1, 2, 3], Some(4));
        assert_eq!(
            verdicts,
            [
                Arrival::InOrder,
                Arrival::InOrder,
                Arrival::Reordered,
                Arrival::Duplicate,
                Arrival::InOrder
            ]
        );
        assert_eq!(
            (
                summary.received,
                summary.lost,
                summary.reordered,
                summary.duplicated
            ),
            (5, 0, 1, 1)
        );
    }

    /// A run of `headers` (seq, total): the verdicts and the summary.
    fn run_of(headers: &[(u64, Option<u64>)]) -> (Vec<Verdict>, Summary) {
        let mut run = RunScore::default();
        let verdicts = headers
            .iter()
            .map(|&(seq, total)| run.record(&header(seq, total)))
            .collect();
        (verdicts, run.summary())
    }

    #[test]
    fn total_of_u64_max_is_not_believed_and_costs_nothing() {
        let (verdicts, summary) = run_of(&[(0, Some(u64::MAX))]);
        assert_eq!(verdicts[0].arrival, Arrival::InOrder);
        assert!(verdicts[0].first_doubt);
        assert_eq!(
            summary.to_string(),
            "received 1, lost 0, reordered 0, duplicated 0; not believed: OF 18446744073709551615 (above 1,000,000,000: ignored)"
        );
    }

    #[test]
    fn seq_of_u64_max_is_set_aside_not_scored_lost_0_silently() {
        let (verdicts, summary) = run_of(&[(u64::MAX, None)]);
        assert_eq!(verdicts[0].arrival, Arrival::SetAside);
        assert_eq!(
            summary.to_string(),
            "received 1, lost 0, reordered 0, duplicated 0; not believed: SEQ 18446744073709551615 (above 1,000,000,000: set aside)"
        );
        // With a total too, and next to numbers that are believed.
        let (_, summary) = run_of(&[(0, Some(3)), (u64::MAX, Some(3)), (2, Some(3))]);
        assert_eq!(
            (
                summary.received,
                summary.lost,
                summary.lost_seqs,
                summary.doubted
            ),
            (3, 1, vec![1], 1)
        );
    }

    #[test]
    fn believable_total_of_a_hundred_million_is_counted_not_listed() {
        let (_, summary) = run_of(&[(0, Some(100_000_000))]);
        assert_eq!(summary.lost, 99_999_999);
        assert_eq!(summary.lost_seqs, (1..=20).collect::<Vec<u64>>());
        assert_eq!(
            summary.to_string(),
            "received 1 of 100000000 sent, lost 99999999, reordered 0, duplicated 0 (lost: 1, 2, \
             3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 ... and 99,999,979 more)"
        );
    }

    #[test]
    fn total_that_changes_within_a_run_is_not_believed_and_reported_once() {
        let (verdicts, summary) = run_of(&[
            (0, Some(4)),
            (1, Some(100_000_000)),
            (2, Some(7)),
            (3, Some(4)),
        ]);
        let firsts: Vec<bool> = verdicts.iter().map(|v| v.first_doubt).collect();
        assert_eq!(firsts, [false, true, false, false]);
        assert_eq!(
            verdicts[1].doubt,
            Some(Doubt::TotalChanged {
                was: 4,
                now: 100_000_000
            })
        );
        // Every SEQ still counts: the lies did not poison the run.
        assert_eq!(
            summary.to_string(),
            "received 4 of 4 sent, lost 0, reordered 0, duplicated 0; not believed: OF 100000000 \
             in a run of OF 4 (a run's total does not change: ignored), and 1 more"
        );
    }

    #[test]
    fn total_not_above_a_seq_already_seen_is_not_believed() {
        let (verdicts, summary) = run_of(&[(0, None), (9, None), (3, Some(5)), (5, Some(5))]);
        assert_eq!(
            verdicts[2].doubt,
            Some(Doubt::TotalNotAboveSeq { total: 5, seq: 9 })
        );
        assert_eq!(verdicts[2].arrival, Arrival::Reordered);
        // Loss counted up to the highest SEQ, as for a run without a total.
        assert_eq!(summary.expected, None);
        assert_eq!(summary.lost_seqs, [1, 2, 4, 6, 7, 8]);
        // Its own SEQ counts too: SEQ 5 OF 5 is impossible.
        let (verdicts, _) = run_of(&[(5, Some(5))]);
        assert_eq!(
            verdicts[0].doubt,
            Some(Doubt::TotalNotAboveSeq { total: 5, seq: 5 })
        );
    }

    #[test]
    fn seq_at_or_above_the_runs_total_is_set_aside() {
        let (verdicts, summary) = run_of(&[(0, Some(3)), (900_000_000, None), (1, Some(3))]);
        assert_eq!(verdicts[1].arrival, Arrival::SetAside);
        assert_eq!(
            verdicts[1].doubt,
            Some(Doubt::SeqBeyondTotal {
                seq: 900_000_000,
                total: 3
            })
        );
        assert_eq!(
            (summary.received, summary.lost, summary.lost_seqs),
            (3, 1, vec![2])
        );
    }

    #[test]
    fn seq_of_exactly_one_billion_is_believed_and_one_more_is_not() {
        let (verdicts, summary) = run_of(&[(BELIEVABLE, None), (BELIEVABLE + 1, None)]);
        assert_eq!(verdicts[0].arrival, Arrival::InOrder);
        assert_eq!(verdicts[1].arrival, Arrival::SetAside);
        assert_eq!(summary.lost, BELIEVABLE);
        assert_eq!(summary.lost_seqs.len(), LOST_LISTED);
    }

    #[test]
    fn numbers_are_kept_as_ranges() {
        let mut run = RunScore::default();
        for seq in (0..1000).chain(2000..3000).rev() {
            run.record(&header(seq, None));
        }
        assert_eq!(run.ranges_kept(), 2);
        // Next to a range: it grows. Between two: a range of its own.
        run.record(&header(1000, None));
        run.record(&header(1999, None));
        assert_eq!(run.ranges_kept(), 2);
        run.record(&header(1500, None));
        assert_eq!(run.ranges_kept(), 3);
        for seq in 1001..1999 {
            run.record(&header(seq, None));
        }
        assert_eq!(run.ranges_kept(), 1);
        assert_eq!(run.summary().lost, 0);
    }

    #[test]
    fn thousands_puts_a_comma_every_three_digits() {
        for (n, text) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (1_204, "1,204"),
            (99_999_979, "99,999,979"),
            (u64::MAX, "18,446,744,073,709,551,615"),
        ] {
            assert_eq!(thousands(n), text);
        }
    }

    #[test]
    fn scoreboard_keeps_runs_apart_and_counts_foreign_datagrams() {
        let mut board = Scoreboard::default();
        let mut first = header(0, Some(2));
        board.record(&first.datagram(b""));
        first.seq = 1;
        board.record(&first.datagram(b""));
        // A second start of the sender: same numbers, another run id: no duplicates.
        let mut second = header(0, Some(2));
        second.run = 0x0001;
        board.record(&second.datagram(b""));
        board.record(b"hello from nc");
        let total = board.total();
        assert_eq!((total.received, total.duplicated, total.lost), (3, 0, 1));
        assert_eq!(total.expected, Some(4));
        assert_eq!(board.unnumbered, 1);
        assert_eq!(board.datagrams, 4);
    }

    #[test]
    fn show_adds_the_verdict_to_the_line_and_says_a_doubt_once() {
        let from: SocketAddr = "127.0.0.1:50000".parse().unwrap();
        let mut board = Scoreboard::default();
        let first = board.show(from, &header(1, Some(3)).datagram(b""));
        assert!(!first.line.contains("  ("), "{}", first.line);
        let late = board.show(from, &header(0, Some(3)).datagram(b""));
        assert!(late.line.ends_with("  (reordered: a later one came first)"));
        let again = board.show(from, &header(0, Some(3)).datagram(b""));
        assert!(again.line.ends_with("  (duplicate: this SEQ came before)"));
        let lie = board.show(from, &header(2, Some(u64::MAX)).datagram(b""));
        assert!(
            lie.line.ends_with("  (its OF is not believed)"),
            "{}",
            lie.line
        );
        assert_eq!(
            lie.doubt.as_deref(),
            Some(
                "run 5f2c: not believed: OF 18446744073709551615 in a run of OF 3 (a run's total \
                 does not change: ignored)"
            )
        );
        let second_lie = board.show(from, &header(2, Some(u64::MAX)).datagram(b""));
        assert_eq!(second_lie.doubt, None);
        assert_eq!(board.show(from, b"hi").doubt, None);
    }

    #[test]
    fn a_run_line_is_read_back_into_its_id_and_summary() {
        let mut board = Scoreboard::default();
        board.record(&header(0, Some(1)).datagram(b""));
        let report = board.report();
        assert_eq!(
            run_line(Lang::En, &report[1]),
            Some((
                0x5f2c,
                "received 1 of 1 sent, lost 0, reordered 0, duplicated 0"
            ))
        );
        assert_eq!(run_line(Lang::En, &report[0]), None);
        assert_eq!(run_line(Lang::PtBr, &report[1]), None);
        assert_eq!(run_line(Lang::En, "run 5f: received 1"), None);
        assert_eq!(run_line(Lang::En, "run zzzz: received 1"), None);
    }

    #[test]
    fn describe_shows_sender_size_and_content() {
        let from: SocketAddr = "127.0.0.1:50000".parse().unwrap();
        let line = describe(from, b"hi\n");
        assert_eq!(line, "from 127.0.0.1:50000      3 bytes  \"hi\\n\"");
        let line = describe(from, &header(3, Some(10)).datagram(b"x"));
        assert!(line.contains("SEQ 3 OF 10 RUN 5f2c"), "{line}");
        assert!(line.ends_with("\"x\""), "{line}");
    }
}
