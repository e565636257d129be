//! The command line of udp-sender: its options, their defaults and help, and the mode they
//! choose.

use std::io::{self, IsTerminal};
use std::net::SocketAddr;
use std::time::Duration;

use clap::Parser;

/// Sends UDP datagrams to udp-receiver: numbered ones, one message, or the lines of stdin.
#[derive(Parser, Debug)]
#[command(
    version,
    about,
    after_help = "With no mode, it sends 10 numbered datagrams at 2 per second \
                  (or, when stdin is a pipe, one datagram per line of stdin).\n\n\
                  Example, in two terminals:\n  \
                  cargo run -p udp-receiver\n  \
                  cargo run -p udp-sender -- --count 10 --rate 5\n\n\
                  Waiting for the replies of a server that answers:\n  \
                  cargo run -p udp-receiver -- --reply\n  \
                  cargo run -p udp-sender -- --count 10 --rate 5 --wait-reply"
)]
pub struct Args {
    /// The receiver's host name or IP address (IPv4 as four numbers, such as 127.0.0.1).
    #[arg(long, value_name = "HOST", default_value = "127.0.0.1",
          value_parser = course::address::host)]
    pub host: course::address::Host,
    /// The receiver's UDP port.
    #[arg(long, value_name = "N", default_value_t = course::UDP_PORT,
          value_parser = course::address::port)]
    pub port: u16,
    /// Send this text as one datagram (no header), then stop.
    #[arg(long, value_name = "TEXT", conflicts_with_all = ["count", "lines"])]
    pub message: Option<String>,
    /// Send each line typed on stdin as one datagram (no header), until end of input.
    #[arg(long, visible_alias = "stdin", conflicts_with = "count")]
    pub lines: bool,
    /// Send this many numbered datagrams (each starts with a `SEQ n OF count` header line).
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
    /// Size of each numbered datagram in bytes, header included (default: header + a short
    /// text). Below the header's length (about 50 bytes) a datagram is the header alone.
    #[arg(long, value_name = "BYTES", conflicts_with_all = ["message", "lines"])]
    pub size: Option<usize>,
    /// Numbered datagrams per second; 0 sends as fast as possible.
    #[arg(long, value_name = "PER_SEC", default_value_t = 2.0, value_parser = course::rate)]
    pub rate: f64,
    /// Use a connected UDP socket (`connect`, then `send`): the kernel then reports an ICMP
    /// "port unreachable" as ConnectionRefused, instead of staying silent.
    #[arg(long)]
    pub connect: bool,
    /// After each datagram, wait up to this many seconds (1 if no number is given, at most
    /// 60) for its reply, from a server that answers (`udp-receiver --reply`).
    #[arg(long, value_name = "SECONDS", num_args = 0..=1, default_missing_value = "1",
          value_parser = reply_wait)]
    pub wait_reply: Option<Duration>,
}

/// A clap value parser for `--wait-reply`: seconds, above 0 and at most a minute.
fn reply_wait(text: &str) -> Result<Duration, String> {
    match course::seconds(text) {
        Ok(wait) if wait <= Duration::from_secs(60) => Ok(wait),
        Ok(_) => Err(format!("{text} s is too long a wait: at most 60")),
        Err(refused) => Err(refused),
    }
}

/// What to send: one message, the lines of stdin, or numbered datagrams.
pub enum Mode {
    Message(String),
    Lines,
    Numbered { count: u64, size: Option<usize> },
}

impl Mode {
    /// Refuses a payload too large for one datagram to `to`, before any socket exists, so that
    /// nothing leaves this machine. (A typed line is checked when it is read.)
    pub fn check_fits(&self, to: &SocketAddr) -> anyhow::Result<()> {
        match self {
            Mode::Numbered {
                size: Some(size), ..
            } => datagram::check_fits(*size, to, |max| format!("use --size {max} or less")),
            Mode::Message(text) => {
                datagram::check_fits(text.len(), to, |_| "send a shorter --message".to_string())
            }
            _ => Ok(()),
        }
    }
}

/// `--message`, `--lines` and `--count` choose for themselves; with none of them, a pipe on
/// stdin means lines, and a terminal means a short, visible run of numbered datagrams.
pub fn choose_mode(args: &Args) -> Mode {
    if let Some(text) = &args.message {
        return Mode::Message(text.clone());
    }
    if args.lines {
        return Mode::Lines;
    }
    if args.count.is_none() && args.size.is_none() && !io::stdin().is_terminal() {
        return Mode::Lines;
    }
    Mode::Numbered {
        count: args.count.unwrap_or(10),
        size: args.size,
    }
}
