//! The command line: which part to measure, and the few numbers a student may change. Every
//! number is checked here, before it sizes a loop, a count of threads or an allocation.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// The most clients the concurrency part starts. Each one is a thread of the lab and a
/// connection from one of 127.0.0.1's ephemeral ports (about 28,000 on Linux); far beyond
/// 10,000 a run teaches nothing new, and a typo must not start a billion threads.
pub const MAX_CLIENTS: usize = 20_000;

/// Measure it yourself: latency, throughput and loss of TCP and UDP on loopback, in one run.
#[derive(Parser, Debug)]
#[command(
    version,
    after_help = "Example: cargo run --release -p socket-lab   (every part, about a minute; \
                  under cargo it builds tcp-echo-server beside it first)\n         \
                  cargo run --release -p socket-lab -- latency --quick"
)]
pub struct Args {
    /// Which part to measure.
    #[arg(value_enum, default_value_t = Mode::All)]
    pub mode: Mode,
    /// A short run (a few seconds): fewer round trips, shorter bursts, fewer clients.
    #[arg(long)]
    pub quick: bool,
    /// Where to write the results as CSV (`chart` reads it).
    #[arg(long, default_value = DEFAULT_CSV)]
    pub csv: PathBuf,
    /// Where to write the chart (default: the CSV path with .svg).
    #[arg(long)]
    pub svg: Option<PathBuf>,
    /// An echo server to measure (default: tcp-echo-server, next to this program). The lab
    /// starts it with `--bind 127.0.0.1 --port 0` and reads the address it bound from its
    /// first stderr line. Give it several times to compare servers in one run; the
    /// concurrency part uses the first.
    #[arg(long, value_name = "PROGRAM")]
    pub server: Vec<PathBuf>,
    /// Size of the small messages, in bytes (1 to 65,507: they also travel as one datagram).
    #[arg(long, default_value_t = 32, value_parser = clap::value_parser!(u16).range(1..=65507))]
    pub size: u16,
    /// Concurrent clients: the one count to try, 1 to 20,000 (default: 1,000 in `all`, the
    /// search in `concurrency`).
    #[arg(long, value_name = "N", value_parser = client_count)]
    pub clients: Option<usize>,
    /// In `all`, also search for the largest number of clients the server holds (what
    /// `concurrency` does): 1,000, 2,000, 5,000, 10,000, stopping at the first count with an
    /// error (up to about seven minutes on two cores).
    #[arg(long)]
    pub max_clients_search: bool,
    /// Do not run iperf3 and socat even when installed.
    #[arg(long)]
    pub no_peers: bool,
}

/// Where a run writes its CSV unless told otherwise.
pub const DEFAULT_CSV: &str = "target/socket-lab.csv";

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    /// Every part below, once (concurrency at 1,000 clients).
    All,
    /// Small-message round trips: TCP with and without TCP_NODELAY, the delayed-ACK stall, UDP.
    Latency,
    /// Bulk TCP: one way, and echoed through tcp-echo-server (and socat, iperf3 as references).
    Throughput,
    /// UDP rate and loss at 64 B to 65,507 B, and what a connected socket and sendmmsg save.
    Udp,
    /// What a TCP connection costs before its first byte, against a UDP first exchange.
    Setup,
    /// The largest number of clients tcp-echo-server holds at once.
    Concurrency,
    /// Redraw the SVG chart from the CSV of an earlier run (no measurement).
    Chart,
}

/// A clap value parser for `--clients`: a whole number from 1 to [`MAX_CLIENTS`].
fn client_count(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(clients) if (1..=MAX_CLIENTS).contains(&clients) => Ok(clients),
        _ => Err(format!(
            "{text} is not a number of clients from 1 to {MAX_CLIENTS} (each client is a \
             thread and a connection)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_counts_are_checked_before_use() {
        assert_eq!(client_count("1"), Ok(1));
        assert_eq!(client_count("20000"), Ok(MAX_CLIENTS));
        for refused in ["0", "20001", "18446744073709551615", "-1", "", "ten"] {
            assert!(client_count(refused).is_err(), "{refused}");
        }
    }
}
