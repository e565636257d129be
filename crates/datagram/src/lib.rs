//! The course's datagrams: a small text header that numbers them, a display that shows any
//! datagram as it is, and a score of what the network did to a run (lost, reordered,
//! duplicated). Shared by `udp-sender`, `udp-receiver`, `udp-relay` and the multicast programs.
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

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::net::SocketAddr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

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

    /// The header line, newline included.
    pub fn line(&self) -> String {
        let mut line = format!("SEQ {}", self.seq);
        if let Some(total) = self.total {
            let _ = write!(line, " OF {total}");
        }
        let _ = writeln!(
            line,
            " RUN {:04x} SENT {}.{:06}",
            self.run,
            self.sent_micros / 1_000_000,
            self.sent_micros % 1_000_000
        );
        line
    }

    /// Writes the header line (the same bytes as [`Header::line`]) into `out` without
    /// allocating, for senders that reuse one buffer for every datagram.
    pub fn write_line(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        write!(out, "SEQ {}", self.seq)?;
        if let Some(total) = self.total {
            write!(out, " OF {total}")?;
        }
        writeln!(
            out,
            " RUN {:04x} SENT {}.{:06}",
            self.run,
            self.sent_micros / 1_000_000,
            self.sent_micros % 1_000_000
        )
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
    let shown = &payload[..payload.len().min(limit)];
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
    let mut line = format!("from {from}  {:>5} bytes  ", datagram.len());
    match Header::parse(datagram) {
        Some((header, payload)) => {
            let _ = write!(line, "SEQ {}", header.seq);
            if let Some(total) = header.total {
                let _ = write!(line, " OF {total}");
            }
            let age = header.age();
            let _ = write!(
                line,
                " RUN {:04x} ({:.1} ms)  {}",
                header.run,
                age.as_secs_f64() * 1000.0,
                show_payload(payload, SHOWN)
            );
        }
        None => line.push_str(&show_payload(datagram, SHOWN)),
    }
    line
}

/// What happened to one datagram, judged on arrival.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// The next one, or later than the next (the ones in between are missing, for now).
    InOrder,
    /// It arrived after a datagram with a higher number: out of order (but not lost).
    Reordered,
    /// Its number had arrived before.
    Duplicate,
}

/// The score of one run of a sender (one `RUN` id).
#[derive(Debug, Clone, Default)]
pub struct RunScore {
    seen: BTreeSet<u64>,
    highest: Option<u64>,
    total: Option<u64>,
    received: u64,
    reordered: u64,
    duplicated: u64,
}

impl RunScore {
    /// Scores the arrival of a datagram with this header.
    pub fn record(&mut self, header: &Header) -> Arrival {
        self.received += 1;
        if header.total.is_some() {
            self.total = header.total;
        }
        if !self.seen.insert(header.seq) {
            self.duplicated += 1;
            return Arrival::Duplicate;
        }
        match self.highest {
            Some(highest) if header.seq < highest => {
                self.reordered += 1;
                Arrival::Reordered
            }
            _ => {
                self.highest = Some(header.seq);
                Arrival::InOrder
            }
        }
    }

    /// The numbers that never arrived: from 0 to the total the sender announced, or to the
    /// highest number seen when it announced none.
    pub fn lost(&self) -> Vec<u64> {
        let end = match (self.total, self.highest) {
            (Some(total), _) => total,
            (None, Some(highest)) => highest + 1,
            (None, None) => 0,
        };
        (0..end).filter(|seq| !self.seen.contains(seq)).collect()
    }

    pub fn summary(&self) -> Summary {
        let lost = self.lost();
        Summary {
            received: self.received,
            expected: self.total,
            lost: lost.len() as u64,
            reordered: self.reordered,
            duplicated: self.duplicated,
            lost_seqs: lost,
        }
    }
}

/// Numbers for one run, ready to print.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    /// Datagrams that arrived, duplicates included.
    pub received: u64,
    /// How many the sender said it would send (`OF n`), if it said.
    pub expected: Option<u64>,
    pub lost: u64,
    pub reordered: u64,
    pub duplicated: u64,
    /// The sequence numbers lost, in order.
    pub lost_seqs: Vec<u64>,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "received {}", self.received)?;
        if let Some(expected) = self.expected {
            write!(f, " of {expected} sent")?;
        }
        write!(
            f,
            ", lost {}, reordered {}, duplicated {}",
            self.lost, self.reordered, self.duplicated
        )?;
        if !self.lost_seqs.is_empty() {
            const SHOWN: usize = 20;
            let shown: Vec<String> = self
                .lost_seqs
                .iter()
                .take(SHOWN)
                .map(u64::to_string)
                .collect();
            write!(f, " (lost: {}", shown.join(", "))?;
            if self.lost_seqs.len() > SHOWN {
                write!(f, ", ... {} more", self.lost_seqs.len() - SHOWN)?;
            }
            write!(f, ")")?;
        }
        Ok(())
    }
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
    pub fn record(&mut self, datagram: &[u8]) -> Option<(Header, Arrival)> {
        self.datagrams += 1;
        self.bytes += datagram.len() as u64;
        match Header::parse(datagram) {
            Some((header, _)) => {
                let arrival = self.runs.entry(header.run).or_default().record(&header);
                Some((header, arrival))
            }
            None => {
                self.unnumbered += 1;
                None
            }
        }
    }

    /// The summary of each run, by run id.
    pub fn runs(&self) -> impl Iterator<Item = (u32, Summary)> + '_ {
        self.runs.iter().map(|(run, score)| (*run, score.summary()))
    }

    /// All runs added up (the lost numbers of every run, in run order).
    pub fn total(&self) -> Summary {
        let mut sum = Summary::default();
        for (_, run) in self.runs() {
            sum.received += run.received;
            sum.lost += run.lost;
            sum.reordered += run.reordered;
            sum.duplicated += run.duplicated;
            sum.lost_seqs.extend(run.lost_seqs);
            sum.expected = match (sum.expected, run.expected) {
                (Some(a), Some(b)) => Some(a + b),
                (None, b) if sum.received == run.received => b,
                _ => None,
            };
        }
        sum
    }

    /// The lines of the end-of-run summary, for the narration.
    pub fn report(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "{} datagrams, {} bytes, {} without a course header",
            self.datagrams, self.bytes, self.unnumbered
        )];
        for (run, summary) in self.runs() {
            lines.push(format!("run {run:04x}: {summary}"));
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn write_line_writes_the_same_bytes_as_line() {
        for h in [
            header(3, Some(10)),
            header(0, None),
            header(u64::MAX, Some(u64::MAX)),
        ] {
            let mut out = Vec::new();
            h.write_line(&mut out).unwrap();
            assert_eq!(out, h.line().into_bytes());
        }
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
    }

    fn score(arrivals: &[u64], total: Option<u64>) -> (Vec<Arrival>, Summary) {
        let mut run = RunScore::default();
        let verdicts = arrivals
            .iter()
            .map(|&seq| run.record(&header(seq, total)))
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
    fn describe_shows_sender_size_and_content() {
        let from: SocketAddr = "127.0.0.1:50000".parse().unwrap();
        let line = describe(from, b"hi\n");
        assert_eq!(line, "from 127.0.0.1:50000      3 bytes  \"hi\\n\"");
        let line = describe(from, &header(3, Some(10)).datagram(b"x"));
        assert!(line.contains("SEQ 3 OF 10 RUN 5f2c"), "{line}");
        assert!(line.ends_with("\"x\""), "{line}");
    }
}
