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
//! its progress on stderr. `scripts/lab` is the same command.
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
use course::HintExt;

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
    if args.mode == Mode::Chart {
        return redraw_chart(&args.csv, &svg_path);
    }

    let lab = measure(&args)?;
    let table = report::table(&lab.rows);
    let answer = answer::answer(&lab.rows, lab.size);
    write_file(&args.csv, &report::csv(&lab.rows))?;
    write_file(&svg_path, &chart::svg(&lab.rows))?;
    course::narrate!("write", "{} and {}", args.csv.display(), svg_path.display());
    // A closed stdout (`socket-lab | head`) ends the program quietly, in course::main.
    course::write_stdout(format!("{table}{answer}").as_bytes())
}

/// Runs the parts the mode asks for (all of them for `all`), with the load average before
/// and after: on a busy machine every figure is slower.
fn measure(args: &Args) -> Result<Lab> {
    if cfg!(debug_assertions) {
        course::narrate!(
            "note",
            "a debug build: every figure is several times slower than in release mode \
             (cargo run --release -p socket-lab)"
        );
    }
    // Before any peer starts: the servers the lab starts inherit the limit.
    if let Some((before, after)) = machine::raise_open_files_limit() {
        course::narrate!(
            "limit",
            "open files: raised from {before} to {after} (each client of the concurrency part \
             is an open file here and one in the server)"
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
    let text = std::fs::read_to_string(csv)
        .with_context(|| format!("reading {}", csv.display()))
        .hint_with(|error| match course::io_kind(error) {
            Some(io::ErrorKind::NotFound) => format!(
                "chart redraws the chart of an earlier run: measure first (cargo run --release \
                 -p socket-lab writes {}), or give --csv the CSV of that run",
                args::DEFAULT_CSV
            ),
            _ => "give --csv a CSV file written by socket-lab (cargo run --release -p socket-lab writes one)".into(),
        })?;
    let rows = report::parse_csv(&text);
    if rows.is_empty() {
        return Err(anyhow::anyhow!(
            "{} has no rows of measurements",
            csv.display()
        ))
        .hint("give --csv a CSV file written by socket-lab (cargo run --release -p socket-lab writes one)");
    }
    write_file(svg, &chart::svg(&rows))?;
    course::narrate!("write", "{}", svg.display());
    Ok(())
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}
