//! The command line of udp-sender: its options, their defaults and help, and the mode they
//! choose.

use std::io::{self, IsTerminal};
use std::net::SocketAddr;
use std::time::Duration;

use clap::Parser;
use course::t;

// The help texts are in the message tables (udp-sender.about, udp-sender.arg.<field>...).
#[derive(Parser, Debug)]
#[command(version)]
pub struct Args {
    #[arg(long, value_name = "HOST", default_value = "127.0.0.1",
          value_parser = course::address::host)]
    pub host: course::address::Host,
    #[arg(long, value_name = "N", default_value_t = course::UDP_PORT,
          value_parser = course::address::port)]
    pub port: u16,
    #[arg(long, value_name = "TEXT", conflicts_with_all = ["count", "lines"])]
    pub message: Option<String>,
    #[arg(long, visible_alias = "stdin", conflicts_with = "count")]
    pub lines: bool,
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
    #[arg(long, value_name = "BYTES", conflicts_with_all = ["message", "lines"])]
    pub size: Option<usize>,
    #[arg(long, value_name = "PER_SEC", default_value_t = 2.0, value_parser = course::rate)]
    pub rate: f64,
    #[arg(long)]
    pub connect: bool,
    #[arg(long, value_name = "SECONDS", num_args = 0..=1, default_missing_value = "1",
          value_parser = reply_wait)]
    pub wait_reply: Option<Duration>,
}

/// A clap value parser for `--wait-reply`: seconds, above 0 and at most a minute.
fn reply_wait(text: &str) -> Result<Duration, String> {
    match course::seconds(text) {
        Ok(wait) if wait <= Duration::from_secs(60) => Ok(wait),
        Ok(_) => Err(t!("udp-sender.wait-too-long", text)),
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
            } => datagram::check_fits(*size, to, |max| t!("udp-sender.smaller-size", max)),
            Mode::Message(text) => {
                datagram::check_fits(text.len(), to, |_| t!("udp-sender.shorter-message"))
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_option_has_a_help_text_in_both_languages() {
        course::help::assert_complete(&Args::command());
    }
}
