//! The command line: which part to measure, and the few numbers a student may change. Every
//! number is checked here, before it sizes a loop, a count of threads or an allocation.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// The most clients the concurrency part starts. Each one is a thread of the lab and a
/// connection from one of 127.0.0.1's ephemeral ports (about 28,000 on Linux); far beyond
/// 10,000 a run teaches nothing new, and a typo must not start a billion threads.
pub const MAX_CLIENTS: usize = 20_000;

// The help texts are in the message tables (crates/course/src/text, `socket-lab.*`), in
// English and in Portuguese: course::parse_args puts them in. The modes are described in the
// text of `mode`.
#[derive(Parser, Debug)]
#[command(version)]
pub struct Args {
    #[arg(
        value_enum,
        default_value_t = Mode::All,
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub mode: Mode,
    #[arg(long)]
    pub quick: bool,
    #[arg(long, default_value = DEFAULT_CSV)]
    pub csv: PathBuf,
    // Default: the CSV path with .svg.
    #[arg(long)]
    pub svg: Option<PathBuf>,
    #[arg(long, value_name = "PROGRAM")]
    pub server: Vec<PathBuf>,
    #[arg(long, default_value_t = 32, value_parser = clap::value_parser!(u16).range(1..=65507))]
    pub size: u16,
    #[arg(long, value_name = "N", value_parser = client_count)]
    pub clients: Option<usize>,
    #[arg(long)]
    pub max_clients_search: bool,
    #[arg(long)]
    pub no_peers: bool,
}

/// Where a run writes its CSV unless told otherwise.
pub const DEFAULT_CSV: &str = "target/socket-lab.csv";

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    All,
    Latency,
    Throughput,
    Udp,
    Setup,
    Concurrency,
    // Redraws the chart of an earlier run from its CSV (no measurement).
    Chart,
    // Prints the table and the answer of an earlier run from its CSV (no measurement).
    Report,
}

/// A clap value parser for `--clients`: a whole number from 1 to [`MAX_CLIENTS`].
fn client_count(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(clients) if (1..=MAX_CLIENTS).contains(&clients) => Ok(clients),
        _ => Err(course::t!(
            "socket-lab.clients",
            value = text,
            max = MAX_CLIENTS
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_has_its_help_in_both_languages() {
        use clap::CommandFactory;
        course::help::assert_complete(&Args::command());
    }

    #[test]
    fn client_counts_are_checked_before_use() {
        assert_eq!(client_count("1"), Ok(1));
        assert_eq!(client_count("20000"), Ok(MAX_CLIENTS));
        for refused in ["0", "20001", "18446744073709551615", "-1", "", "ten"] {
            assert!(client_count(refused).is_err(), "{refused}");
        }
    }
}
