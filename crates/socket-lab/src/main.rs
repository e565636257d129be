//! # socket-lab: measure it yourself
//!
//! The lesson says UDP is "much faster" than TCP. This program puts numbers on that claim, on
//! loopback, in one run: round-trip latency (with and without Nagle's algorithm, and the
//! delayed-ACK stall), bulk throughput, UDP rate and loss at several datagram sizes, what a
//! connected socket and `sendmmsg` save when sending, the cost of setting up a connection,
//! and how many clients `tcp-echo-server` holds at once. Where `iperf3` and `socat` are
//! installed it runs them too, as reference points built by others.
//!
//! Run it, on Linux, macOS or Windows:
//!
//! ```text
//! cargo run --release -p socket-lab                       # everything, about a minute
//! cargo run --release -p socket-lab -- latency --quick    # one part, a few seconds
//! ```
//!
//! Under `cargo run` it builds the server it measures (`tcp-echo-server`) next to itself, in
//! the same profile, and it raises its own limit on open files, as `ulimit -n` would. It prints
//! a table on stdout, writes `target/socket-lab.csv` and `target/socket-lab.svg`, and shows
//! its progress on stderr. `scripts/lab` is the same command. `socket-lab report` prints the
//! table of an earlier run again from its CSV, in the language of the run (`--lang pt-BR`).
//!
//! The parts, one module each: latency.rs, throughput.rs, datagrams.rs (`udp`), setup.rs,
//! concurrency.rs; the sockets they use in tcp.rs, udp.rs and batch.rs; the answer to the
//! question in answer.rs; the table, CSV and chart in report.rs and chart.rs; what differs
//! from one system to another (load average, open-files limit) in machine.rs.
//!
//! Book chapter: "Measuring: is UDP faster?" (`docs/src/measure.md`).

mod answer;
mod args;
mod batch;
mod chart;
mod concurrency;
mod datagrams;
mod lab;
mod latency;
mod machine;
mod notes;
mod peers;
mod report;
mod setup;
mod tcp;
mod throughput;
mod udp;

use std::io;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use course::{HintExt, say, t};

use args::{Args, Mode};
use lab::Lab;

fn main() -> ExitCode {
    course::main(run)
}

fn run() -> Result<()> {
    let args: Args = course::parse_args();
    let svg_path = args
        .svg
        .clone()
        .unwrap_or_else(|| args.csv.with_extension("svg"));
    match args.mode {
        Mode::Chart => return redraw_chart(&args.csv, &svg_path),
        Mode::Report => return reprint(&args.csv),
        _ => {}
    }

    let lab = measure(&args)?;
    let table = report::table(&lab.rows);
    let answer = answer::answer(&lab.rows);
    write_file(&args.csv, &report::csv(&lab.rows))?;
    write_file(&svg_path, &chart::svg(&lab.rows))?;
    let (csv, svg) = (args.csv.display(), svg_path.display());
    say!("write", "socket-lab.wrote", csv, svg);
    // A closed stdout (`socket-lab | head`) ends the program quietly, in course::main.
    course::write_stdout(format!("{table}{answer}").as_bytes())
}

/// Runs the parts the mode asks for (all of them for `all`), with the load average before
/// and after: on a busy machine every figure is slower.
fn measure(args: &Args) -> Result<Lab> {
    if cfg!(debug_assertions) {
        say!(t!("socket-lab.label.note"), "socket-lab.debug-build");
    }
    // Before any peer starts: the servers the lab starts inherit the limit.
    if let Some((before, after)) = machine::raise_open_files_limit() {
        say!(
            t!("socket-lab.label.limit"),
            "socket-lab.limit-raised",
            before,
            after
        );
    }
    let mut lab = Lab::new(args)?;
    let wanted = |mode: Mode| args.mode == Mode::All || args.mode == mode;
    lab.machine("before");
    if wanted(Mode::Latency) {
        lab.latency()?;
    }
    if wanted(Mode::Throughput) {
        lab.throughput()?;
    }
    if wanted(Mode::Udp) {
        lab.udp()?;
    }
    if wanted(Mode::Setup) {
        lab.setup()?;
    }
    if wanted(Mode::Concurrency) {
        lab.concurrency()?;
    }
    lab.machine("after");
    lab.progress.clear();
    Ok(lab)
}

/// `socket-lab chart`: the chart of an earlier run, from its CSV.
fn redraw_chart(csv: &Path, svg: &Path) -> Result<()> {
    let rows = read_rows(csv, "chart")?;
    write_file(svg, &chart::svg(&rows))?;
    course::narrate!("write", "{}", svg.display());
    Ok(())
}

/// `socket-lab report`: the table and the answer of an earlier run, from its CSV, in the
/// language of this run. The same figures in both editions of the book.
fn reprint(csv: &Path) -> Result<()> {
    let rows = read_rows(csv, "report")?;
    let text = format!("{}{}", report::table(&rows), answer::answer(&rows));
    course::write_stdout(text.as_bytes())
}

/// The rows of the CSV of an earlier run, for `mode`.
fn read_rows(csv: &Path, mode: &str) -> Result<Vec<report::Row>> {
    let path = csv.display();
    let text = std::fs::read_to_string(csv)
        .with_context(|| t!("socket-lab.reading", path))
        .hint_with(|error| match course::io_kind(error) {
            Some(io::ErrorKind::NotFound) => {
                t!("socket-lab.no-csv", mode, csv = args::DEFAULT_CSV)
            }
            _ => t!("socket-lab.give-csv"),
        })?;
    let rows = report::parse_csv(&text);
    if rows.is_empty() {
        return Err(anyhow::anyhow!(t!("socket-lab.no-rows", path)))
            .hint(t!("socket-lab.give-csv"));
    }
    Ok(rows)
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| t!("socket-lab.creating", path = parent.display()))?;
    }
    std::fs::write(path, text).with_context(|| t!("socket-lab.writing", path = path.display()))
}
