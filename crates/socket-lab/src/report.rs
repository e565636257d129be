//! What the lab prints: one [`Row`] per measurement, a table per section on stdout, the same
//! rows as CSV (read back by `socket-lab chart`), and the progress line on stderr. The chart
//! is drawn in chart.rs.

use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use course::t;

use crate::notes;

/// One measurement. Empty fields are left blank in the table and the CSV.
#[derive(Clone, Debug, Default)]
pub struct Row {
    /// `run`, `latency`, `throughput`, `udp`, `sending`, `setup` or `concurrency`.
    pub section: &'static str,
    pub name: String,
    /// Round trips, datagrams sent, connections or clients: what the figures are made of.
    pub count: Option<u64>,
    pub p50_us: Option<f64>,
    pub p99_us: Option<f64>,
    /// Operations per second: round trips, datagrams sent, connections.
    pub per_second: Option<f64>,
    /// Payload megabytes (10^6 bytes) per second.
    pub mb_per_second: Option<f64>,
    pub loss_percent: Option<f64>,
    pub note: String,
}

impl Row {
    pub fn new(section: &'static str, name: impl Into<String>) -> Row {
        Row {
            section,
            name: name.into(),
            ..Row::default()
        }
    }

    /// p50 and p99 of `samples` (sorted here), and the count.
    pub fn with_samples(mut self, samples: &mut [Duration]) -> Row {
        self.count = Some(samples.len() as u64);
        self.p50_us = percentile_us(samples, 50.0);
        self.p99_us = percentile_us(samples, 99.0);
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Row {
        self.note = note.into();
        self
    }
}

/// The `p`th percentile of `samples`, in microseconds (nearest rank on the sorted samples).
pub fn percentile_us(samples: &mut [Duration], p: f64) -> Option<f64> {
    if samples.is_empty() {
        return None;
    }
    samples.sort_unstable();
    let rank = ((p / 100.0) * (samples.len() - 1) as f64).round() as usize;
    Some(samples[rank].as_secs_f64() * 1e6)
}

const COLUMNS: [&str; 9] = [
    "section",
    "name",
    "count",
    "p50_us",
    "p99_us",
    "per_second",
    "mb_per_second",
    "loss_percent",
    "note",
];

fn cells(row: &Row) -> [String; 9] {
    let number = |value: Option<f64>| value.map(format_number).unwrap_or_default();
    [
        row.section.to_string(),
        row.name.clone(),
        row.count.map(|n| n.to_string()).unwrap_or_default(),
        number(row.p50_us),
        number(row.p99_us),
        number(row.per_second),
        number(row.mb_per_second),
        number(row.loss_percent),
        row.note.clone(),
    ]
}

/// Three significant figures, no exponent: 0.0123, 1.23, 123, 12300.
pub fn format_number(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude >= 100.0 || magnitude == 0.0 {
        format!("{value:.0}")
    } else if magnitude >= 10.0 {
        format!("{value:.1}")
    } else if magnitude >= 1.0 {
        format!("{value:.2}")
    } else {
        format!("{value:.3}")
    }
}

/// The rows as a table, one block per section, leaving out the columns a section never fills,
/// in the language of the run: the headings and the notes (the names of the measurements are
/// the same in every language: the CSV's data, cited by the book).
pub fn table(rows: &[Row]) -> String {
    let headers = [
        String::new(),
        t!("socket-lab.column.measurement"),
        t!("socket-lab.column.count"),
        t!("socket-lab.column.p50"),
        t!("socket-lab.column.p99"),
        t!("socket-lab.column.per-second"),
        t!("socket-lab.column.mb-per-second"),
        t!("socket-lab.column.loss"),
        t!("socket-lab.column.note"),
    ];
    let mut out = String::new();
    let mut sections: Vec<&str> = Vec::new();
    for row in rows {
        if !sections.contains(&row.section) {
            sections.push(row.section);
        }
    }
    for section in sections {
        let block: Vec<[String; 9]> = rows
            .iter()
            .filter(|row| row.section == section)
            .map(|row| {
                let mut cells = cells(row);
                cells[8] = notes::shown(&cells[8]);
                cells
            })
            .collect();
        let used: Vec<usize> = (1..9)
            .filter(|&c| c == 1 || block.iter().any(|cells| !cells[c].is_empty()))
            .collect();
        let width = |c: usize| {
            block
                .iter()
                .map(|cells| cells[c].chars().count())
                .chain([headers[c].chars().count()])
                .max()
                .unwrap_or(0)
        };
        let _ = writeln!(out, "== {}", section_title(section));
        let mut line = String::new();
        for &c in &used {
            let _ = write!(line, "{:<w$}  ", headers[c], w = width(c));
        }
        let _ = writeln!(out, "{}", line.trim_end());
        for cells in &block {
            let mut line = String::new();
            for &c in &used {
                // Numbers right-aligned, words left-aligned.
                if c == 1 || c == 8 {
                    let _ = write!(line, "{:<w$}  ", cells[c], w = width(c));
                } else {
                    let _ = write!(line, "{:>w$}  ", cells[c], w = width(c));
                }
            }
            let _ = writeln!(out, "{}", line.trim_end());
        }
        out.push('\n');
    }
    out
}

/// A section's heading in the language of the run.
fn section_title(section: &str) -> String {
    match section {
        "run" => t!("socket-lab.section.run"),
        "latency" => t!("socket-lab.section.latency"),
        "throughput" => t!("socket-lab.section.throughput"),
        "udp" => t!("socket-lab.section.udp"),
        "sending" => t!("socket-lab.section.sending"),
        "setup" => t!("socket-lab.section.setup"),
        "concurrency" => t!("socket-lab.section.concurrency"),
        other => other.to_string(),
    }
}

/// The rows as CSV (RFC 4180 quoting): the data, in English whatever the language of the run.
pub fn csv(rows: &[Row]) -> String {
    let mut out = COLUMNS.join(",");
    out.push('\n');
    for row in rows {
        let line: Vec<String> = cells(row).iter().map(|cell| quote(cell)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// Reads back a CSV written by [`csv`] (for `socket-lab chart`): only the quoting it writes.
pub fn parse_csv(text: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    for line in text.lines().skip(1) {
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                ('"', _) => quoted = !quoted,
                (',', false) => fields.push(std::mem::take(&mut field)),
                _ => field.push(c),
            }
        }
        fields.push(field);
        if fields.len() != COLUMNS.len() {
            continue;
        }
        let number = |i: usize| fields[i].parse::<f64>().ok();
        let section: &'static str = match fields[0].as_str() {
            "run" => "run",
            "latency" => "latency",
            "throughput" => "throughput",
            "udp" => "udp",
            "sending" => "sending",
            "setup" => "setup",
            "concurrency" => "concurrency",
            _ => continue,
        };
        rows.push(Row {
            section,
            name: fields[1].clone(),
            count: fields[2].parse().ok(),
            p50_us: number(3),
            p99_us: number(4),
            per_second: number(5),
            mb_per_second: number(6),
            loss_percent: number(7),
            note: fields[8].clone(),
        });
    }
    rows
}

/// The progress line on stderr: rewritten in place on a terminal, one line per step otherwise
/// (so a log file or a test reads the steps in order).
pub struct Progress {
    terminal: bool,
    /// The characters of the progress line on screen now (0: none).
    shown: usize,
}

impl Progress {
    pub fn new() -> Progress {
        Progress {
            terminal: io::stderr().is_terminal(),
            shown: 0,
        }
    }

    /// A new step: always shown.
    pub fn step(&mut self, text: &str) {
        if self.terminal {
            // Back to the start of the line and over the old text; spaces rub out what is
            // left of a longer one. No escape code: Windows consoles may print those as is.
            let width = text.chars().count();
            let rub = " ".repeat(self.shown.saturating_sub(width));
            eprint!("\r{text}{rub}");
            let _ = io::stderr().flush();
            self.shown = width;
        } else {
            course::narrate!(t!("socket-lab.label.measure"), "{text}");
        }
    }

    /// An update within a step (a count going up): shown on a terminal only.
    pub fn update(&mut self, text: &str) {
        if self.terminal {
            self.step(text);
        }
    }

    /// Ends the progress line before something else is printed on stderr.
    pub fn clear(&mut self) {
        if self.shown > 0 {
            eprint!("\r{}\r", " ".repeat(self.shown));
            self.shown = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_nearest_rank() {
        let mut samples: Vec<Duration> = (1..=100).map(Duration::from_micros).collect();
        assert_eq!(percentile_us(&mut samples, 50.0), Some(51.0));
        assert_eq!(percentile_us(&mut samples, 99.0), Some(99.0));
        assert_eq!(percentile_us(&mut [], 50.0), None);
    }

    #[test]
    fn csv_round_trips_through_parse() {
        let row = Row {
            count: Some(3),
            p50_us: Some(12.5),
            note: "a, \"quoted\" note".into(),
            ..Row::new("latency", "tcp, nodelay")
        };
        let text = csv(std::slice::from_ref(&row));
        let back = parse_csv(&text);
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].name, "tcp, nodelay");
        assert_eq!(back[0].note, row.note);
        assert_eq!(back[0].p50_us, Some(12.5));
        assert_eq!(back[0].p99_us, None);
    }
}
