//! The command line of udp-relay: its options, their defaults and help.

use std::net::IpAddr;
use std::time::Duration;

use clap::Parser;

/// Relays UDP datagrams to a receiver, losing, duplicating, reordering and delaying them
/// reproducibly from a seed.
#[derive(Parser, Debug)]
#[command(
    version,
    about,
    after_help = "Fates depend only on the seed and the order of the datagrams: the same \
                  seed gives the same losses on every machine (seed 7, --loss 0.2: datagrams \
                  3, 4, 9 and 10 are lost).\n\n\
                  Example, in three terminals:\n  \
                  cargo run -p udp-receiver\n  \
                  cargo run -p udp-relay -- --loss 0.2 --seed 7\n  \
                  cargo run -p udp-sender -- --port 7881 --count 20 --rate 10"
)]
pub struct Args {
    /// The local IP address clients send to.
    #[arg(long, value_name = "IP", default_value = "127.0.0.1",
          value_parser = course::address::ip)]
    pub bind: IpAddr,
    /// The UDP port clients send to.
    #[arg(long, value_name = "N", default_value_t = course::RELAY_PORT)]
    pub port: u16,
    /// Where to forward: the receiver's address ([::1]:7879 for IPv6).
    #[arg(long, value_name = "HOST:PORT", default_value_t = course::udp_addr().into(),
          value_parser = course::address::host_port)]
    pub to: course::address::HostPort,
    /// Probability (0 to 1) that a datagram is lost.
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = probability)]
    pub loss: f64,
    /// Probability (0 to 1) that a datagram is sent twice.
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = probability)]
    pub duplicate: f64,
    /// Probability (0 to 1) that a datagram is held and sent right after the next one (or
    /// after 1 s without traffic, or when the relay stops).
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = probability)]
    pub reorder: f64,
    /// Milliseconds each forwarded datagram waits before it is sent (at most 60000).
    #[arg(long, value_name = "MILLIS", default_value_t = 0,
          value_parser = clap::value_parser!(u64).range(0..=60_000))]
    pub delay: u64,
    /// The seed of the decisions.
    #[arg(long, value_name = "N", default_value_t = 7)]
    pub seed: u64,
    /// Impair the replies (receiver to client) too; by default they pass untouched.
    #[arg(long)]
    pub impair_replies: bool,
    /// Stop after this many datagrams from clients.
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
    /// Stop after this many seconds without a datagram from clients.
    #[arg(long, value_name = "SECONDS", value_parser = course::seconds)]
    pub idle_timeout: Option<Duration>,
}

/// A clap value parser for `--loss`, `--duplicate` and `--reorder`: 0 to 1.
fn probability(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!(
            "{text} is not a probability between 0 and 1 (0.2 means 20%)"
        )),
    }
}
