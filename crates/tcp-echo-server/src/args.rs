//! The command line of tcp-echo-server: its options and their defaults.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use clap::Parser;
use course::{say, t};

/// The program's own buffer for each read, by default: 64 KiB.
pub const BUFFER: usize = 64 * 1024;
/// The largest `--buffer`: each client's thread allocates one.
const MAX_BUFFER: u64 = 1024 * 1024;

// The help texts (about, the example, each option's) are in the message tables, under
// `tcp-echo-server.` (crates/course/src/text): course::parse_args puts them in.
#[derive(Parser)]
#[command(version)]
pub struct Args {
    // Where to listen; 0.0.0.0 would accept clients from other machines.
    #[arg(long, value_name = "IP", default_value_t = IpAddr::V4(course::LOOPBACK_V4),
          value_parser = course::address::ip)]
    pub bind: IpAddr,
    #[arg(long, value_name = "N", default_value_t = course::TCP_PORT)]
    pub port: u16,
    #[arg(long, value_name = "SECONDS", default_value = "120", value_parser = course::seconds_or_never)]
    pub idle_timeout: Duration,
    #[arg(long, value_name = "N", default_value_t = 1024,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub max_clients: usize,
    #[arg(long)]
    pub verbose: bool,
    #[arg(long, value_name = "BYTES", default_value_t = BUFFER,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=MAX_BUFFER))]
    pub buffer: usize,
    // Demo knob: milliseconds of sleep before each read.
    #[arg(long, value_name = "MILLIS", value_parser = clap::value_parser!(u64).range(0..=60_000))]
    pub slow: Option<u64>,
}

/// How each connection is served: the options that reach every client's thread.
#[derive(Clone, Copy)]
pub struct Serving {
    pub idle_timeout: Option<Duration>,
    pub buffer: usize,
    pub slow: Option<Duration>,
    pub verbose: bool,
}

impl Args {
    pub fn serving(&self) -> Serving {
        Serving {
            idle_timeout: (!self.idle_timeout.is_zero()).then_some(self.idle_timeout),
            buffer: self.buffer,
            slow: self.slow.map(Duration::from_millis),
            verbose: self.verbose,
        }
    }

    /// Says, under the bind line, who can connect, and what the demo knobs change.
    pub fn narrate_choices(&self, bound: SocketAddr) {
        if bound.ip().is_loopback() {
            say!("", "tcp-echo-server.loopback-only");
        }
        if let Some(knobs) = self.knobs() {
            say!("", "tcp-echo-server.knobs", knobs);
        }
    }

    fn knobs(&self) -> Option<String> {
        let mut knobs = Vec::new();
        if let Some(millis) = self.slow {
            knobs.push(t!("tcp-echo-server.knob-slow", millis));
        }
        if self.buffer != BUFFER {
            let bytes = course::plural(self.buffer, "byte");
            knobs.push(t!("tcp-echo-server.knob-buffer", bytes));
        }
        (!knobs.is_empty()).then(|| knobs.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_option_has_a_help_text_in_both_languages() {
        course::help::assert_complete(&Args::command());
    }
}
