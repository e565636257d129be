//! The command line of tcp-echo-server: its options, their defaults and help.

use std::net::IpAddr;

use clap::Parser;

/// The TCP lesson's server: accepts many clients and echoes every byte back.
#[derive(Parser)]
#[command(
    version,
    after_help = "Example, in two terminals:\n  \
        cargo run -p tcp-echo-server     # terminal 1\n  \
        cargo run -p tcp-client          # terminal 2, then type a line\n\
        On another port, add `-- --port 9000` to both."
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
}
