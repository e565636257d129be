//! The command line of tcp-echo-server: its options, their defaults and help.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use clap::Parser;
use course::narrate;

/// The program's own buffer for each read, by default: 64 KiB.
pub const BUFFER: usize = 64 * 1024;
/// The largest `--buffer`: each client's thread allocates one.
const MAX_BUFFER: u64 = 1024 * 1024;

/// The TCP lesson's server: accepts many clients and echoes every byte back.
#[derive(Parser)]
#[command(
    version,
    after_help = "Example, in two terminals:\n  \
        cargo run -p tcp-echo-server     # terminal 1\n  \
        cargo run -p tcp-client          # terminal 2, then type a line\n\
        On another port, add `-- --port 9000` to both.\n\
        TCP keeps no message boundaries; to watch the reads:\n  \
        cargo run -p tcp-echo-server -- --verbose --slow 1000 --buffer 8\n  \
        cargo run -p tcp-client -- --message olá --message \"tudo bem?\" --message tchau"
)]
pub struct Args {
    /// Local IP address to listen on (0.0.0.0 would accept clients from other machines).
    #[arg(long, value_name = "IP", default_value_t = IpAddr::V4(course::LOOPBACK_V4),
          value_parser = course::address::ip)]
    pub bind: IpAddr,
    /// TCP port to listen on (0: let the OS pick a free one; the first line says which).
    #[arg(long, value_name = "N", default_value_t = course::TCP_PORT)]
    pub port: u16,
    /// Close a connection that sends nothing for this long, or stops reading what we echo
    /// for this long (0: never).
    #[arg(long, value_name = "SECONDS", default_value_t = 120)]
    pub idle_timeout: u64,
    /// Most clients served at once; more are told "server busy" and closed.
    #[arg(long, value_name = "N", default_value_t = 1024,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub max_clients: usize,
    /// Narrate every recv and send, not only each connection's summary.
    #[arg(long)]
    pub verbose: bool,
    /// The program's own buffer for each read, in bytes (1 to 1048576): a read returns at most
    /// this many, and the rest waits in the kernel for the next read.
    #[arg(long, value_name = "BYTES", default_value_t = BUFFER,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=MAX_BUFFER))]
    pub buffer: usize,
    /// Demo knob: sleep this many milliseconds before each read (at most 60000), as a busy
    /// server would, so that what a client sends meanwhile piles up in the kernel.
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
            idle_timeout: (self.idle_timeout > 0).then(|| Duration::from_secs(self.idle_timeout)),
            buffer: self.buffer,
            slow: self.slow.map(Duration::from_millis),
            verbose: self.verbose,
        }
    }

    /// Says, under the bind line, who can connect, and what the demo knobs change.
    pub fn narrate_choices(&self, bound: SocketAddr) {
        if bound.ip().is_loopback() {
            narrate!(
                "",
                "only this machine can connect (loopback); --bind 0.0.0.0 lets other machines in"
            );
        }
        if let Some(knobs) = self.knobs() {
            narrate!("", "demo knobs: {knobs}");
        }
    }

    fn knobs(&self) -> Option<String> {
        let mut knobs = Vec::new();
        if let Some(millis) = self.slow {
            knobs.push(format!("sleeps {millis} ms before each read (--slow)"));
        }
        if self.buffer != BUFFER {
            knobs.push(format!(
                "reads at most {} at a time (--buffer)",
                course::plural(self.buffer, "byte")
            ));
        }
        (!knobs.is_empty()).then(|| knobs.join(", "))
    }
}
