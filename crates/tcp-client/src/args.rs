//! The command line of tcp-client: its options, their defaults and help.

use std::time::Duration;

use clap::Parser;
use course::address::Host;

/// The TCP lesson's client: connects, sends what you type or pipe, prints the echo.
#[derive(Parser)]
#[command(
    version,
    after_help = "Example, in two terminals:\n  \
        cargo run -p tcp-echo-server     # terminal 1\n  \
        cargo run -p tcp-client          # terminal 2, then type a line\n\
        Through the server and back: cargo run -p tcp-client < file > copy"
)]
pub struct Args {
    /// Host name or IP address of the server (IPv4 as four numbers, such as 127.0.0.1).
    #[arg(long, value_name = "HOST", value_parser = course::address::host,
          default_value_t = Host::Ip(course::LOOPBACK_V4.into()))]
    pub host: Host,
    /// TCP port of the server.
    #[arg(long, value_name = "N", default_value_t = course::TCP_PORT,
          value_parser = course::address::port)]
    pub port: u16,
    /// Give up connecting to an address after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = course::seconds)]
    pub timeout: Duration,
    /// Send this message and a newline, in one write, print the echo, and exit. Give it more
    /// than once to send several messages, one write each, before reading their echo.
    #[arg(long, value_name = "TEXT")]
    pub message: Vec<String>,
    /// Once connected, give up when the server sends nothing back for this many seconds
    /// while we wait for its echo or its close (or takes nothing while we send).
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = course::seconds)]
    pub reply_timeout: Duration,
}
