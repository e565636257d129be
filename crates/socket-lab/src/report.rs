//! What the lab prints: one [`Row`] per measurement, a table per section on stdout, the same
//! rows as CSV, the targets with their verdicts, and an SVG chart drawn from the rows.

use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::time::Duration;

/// One measurement. Empty fields are left blank in the table and the CSV.
#[derive(Clone, Debug, Default)]
pub struct Row {
    /// `latency`, `throughput`, `udp`, `setup`, `concurrency` or `target`.
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

/// A target of issue 7 and how this run did against it.
#[derive(Clone, Debug)]
pub struct Target {
    pub name: String,
    pub figure: String,
    pub verdict: Verdict,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail,
    /// Not measured in this run (a mode that skips it, or a peer program missing).
    Skipped,
}

impl Verdict {
    pub fn of(pass: bool) -> Verdict {
        if pass { Verdict::Pass } else { Verdict::Fail }
    }

    fn word(self) -> &'static str {
        match self {
            Verdict::Pass => "PASS",
            Verdict::Fail => "FAIL",
            Verdict::Skipped => "skipped",
        }
    }
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

/// The rows as a table, one block per section, leaving out the columns a section never fills.
pub fn table(rows: &[Row], targets: &[Target]) -> String {
    let headers = [
        "",
        "measurement",
        "count",
        "p50 µs",
        "p99 µs",
        "per s",
        "MB/s",
        "loss %",
        "note",
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
            .map(cells)
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
        let _ = writeln!(out, "== {section}");
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
    if !targets.is_empty() {
        let name_width = targets.iter().map(|t| t.name.len()).max().unwrap_or(0);
        let _ = writeln!(out, "== targets (issue 7)");
        for target in targets {
            let _ = writeln!(
                out,
                "{:<7}  {:<w$}  {}",
                target.verdict.word(),
                target.name,
                target.figure,
                w = name_width
            );
        }
        out.push('\n');
    }
    out
}

/// The rows as CSV (RFC 4180 quoting), then the targets as rows of section `target`.
pub fn csv(rows: &[Row], targets: &[Target]) -> String {
    let mut out = COLUMNS.join(",");
    out.push('\n');
    let target_rows = targets.iter().map(|target| Row {
        section: "target",
        name: target.name.clone(),
        note: format!("{}: {}", target.verdict.word(), target.figure),
        ..Row::default()
    });
    for row in rows.iter().cloned().chain(target_rows) {
        let line: Vec<String> = cells(&row).iter().map(|cell| quote(cell)).collect();
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
            "latency" => "latency",
            "throughput" => "throughput",
            "udp" => "udp",
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

/// A bar chart of the run, as SVG: one panel per section, one bar per row, drawn from the
/// rows alone (no plotting library). Latency and setup bars are p50 on a logarithmic scale,
/// because the delayed-ACK stall is a thousand times longer than a loopback round trip.
pub fn svg(rows: &[Row]) -> String {
    struct Panel {
        title: &'static str,
        unit: &'static str,
        log: bool,
        bars: Vec<(String, f64, String)>,
    }
    let bars_of = |section: &str, value: &dyn Fn(&Row) -> Option<f64>, unit: &str| {
        rows.iter()
            .filter(|row| row.section == section)
            .filter_map(|row| {
                let v = value(row)?;
                let mut label = format!("{} {unit}", format_number(v));
                if let Some(loss) = row.loss_percent {
                    let _ = write!(label, ", loss {}%", format_number(loss));
                }
                Some((row.name.clone(), v, label))
            })
            .collect::<Vec<_>>()
    };
    let panels = [
        Panel {
            title: "Round-trip latency, p50 (log scale; shorter is better)",
            unit: "µs",
            log: true,
            bars: bars_of("latency", &|r| r.p50_us, "µs"),
        },
        Panel {
            title: "Connection setup, p50 (log scale; shorter is better)",
            unit: "µs",
            log: true,
            bars: bars_of("setup", &|r| r.p50_us, "µs"),
        },
        Panel {
            title: "Bulk throughput, payload MB/s (longer is better)",
            unit: "MB/s",
            log: false,
            bars: bars_of("throughput", &|r| r.mb_per_second, "MB/s"),
        },
        Panel {
            title: "UDP: payload MB/s received (log scale; longer is better)",
            unit: "MB/s",
            log: true,
            bars: bars_of("udp", &|r| r.mb_per_second, "MB/s"),
        },
        Panel {
            title: "UDP: datagrams sent per second (longer is better)",
            unit: "/s",
            log: false,
            bars: bars_of("udp", &|r| r.per_second, "/s"),
        },
    ];
    let (label_width, bar_width, bar_height, gap) = (400.0, 380.0, 18.0, 4.0);
    let width = label_width + bar_width + 200.0;
    let mut body = String::new();
    let mut y = 10.0;
    for panel in panels.iter().filter(|p| !p.bars.is_empty()) {
        y += 22.0;
        let _ = writeln!(
            body,
            r#"<text x="10" y="{y}" font-weight="bold">{}</text>"#,
            escape(panel.title)
        );
        y += 8.0;
        let max = panel.bars.iter().map(|b| b.1).fold(0.0_f64, f64::max);
        let scale = |v: f64| -> f64 {
            if max <= 0.0 || v <= 0.0 {
                return 0.0;
            }
            if panel.log {
                // One decade below the smallest bar is the origin, so every bar shows.
                let min = panel
                    .bars
                    .iter()
                    .map(|b| b.1)
                    .filter(|&v| v > 0.0)
                    .fold(f64::INFINITY, f64::min)
                    / 10.0;
                bar_width * (v / min).log10() / (max / min).log10()
            } else {
                bar_width * v / max
            }
        };
        for (name, value, label) in &panel.bars {
            let length = scale(*value).max(1.0);
            let _ = writeln!(
                body,
                r##"<text x="{lx}" y="{ty}" text-anchor="end">{name}</text><rect x="{bx}" y="{y}" width="{length:.1}" height="{bar_height}" fill="#4878a8"><title>{name}: {label}</title></rect><text x="{vx:.1}" y="{ty}">{label}</text>"##,
                lx = label_width - 6.0,
                ty = y + bar_height - 5.0,
                bx = label_width,
                vx = label_width + length + 6.0,
                name = escape(name),
                label = escape(label),
            );
            y += bar_height + gap;
        }
        let _ = panel.unit;
    }
    let height = y + 20.0;
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
{body}</svg>
"#
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The progress line on stderr: rewritten in place on a terminal, one line per step otherwise
/// (so a log file or a test reads the steps in order).
pub struct Progress {
    terminal: bool,
    dirty: bool,
}

impl Progress {
    pub fn new() -> Progress {
        Progress {
            terminal: io::stderr().is_terminal(),
            dirty: false,
        }
    }

    /// A new step: always shown.
    pub fn step(&mut self, text: &str) {
        if self.terminal {
            eprint!("\r\x1b[K{text}");
            let _ = io::stderr().flush();
            self.dirty = true;
        } else {
            course::narrate!("measure", "{text}");
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
        if self.dirty {
            eprint!("\r\x1b[K");
            self.dirty = false;
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
        let text = csv(std::slice::from_ref(&row), &[]);
        let back = parse_csv(&text);
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].name, "tcp, nodelay");
        assert_eq!(back[0].note, row.note);
        assert_eq!(back[0].p50_us, Some(12.5));
        assert_eq!(back[0].p99_us, None);
    }

    #[test]
    fn svg_has_one_bar_per_charted_row() {
        let rows = [
            Row {
                p50_us: Some(20.0),
                ..Row::new("latency", "a")
            },
            Row {
                p50_us: Some(40000.0),
                ..Row::new("latency", "b <stall>")
            },
            Row {
                mb_per_second: Some(900.0),
                ..Row::new("throughput", "c")
            },
        ];
        let svg = svg(&rows);
        assert_eq!(svg.matches("<rect x=").count(), 3);
        assert!(svg.contains("b &lt;stall&gt;"));
    }
}
