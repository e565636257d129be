//! The command line of udp-receiver: its options, their defaults and help.

use std::net::IpAddr;
use std::time::Duration;

use clap::Parser;

// The help texts are in the message tables (udp-receiver.about, udp-receiver.arg.<field>...).
#[derive(Parser, Debug)]
#[command(version)]
pub struct Args {
    #[arg(long, value_name = "IP", default_value = "127.0.0.1",
          value_parser = course::address::ip)]
    pub bind: IpAddr,
    #[arg(long, value_name = "N", default_value_t = course::UDP_PORT)]
    pub port: u16,
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
    #[arg(long, value_name = "SECONDS", value_parser = course::seconds)]
    pub idle_timeout: Option<Duration>,
    #[arg(long, value_name = "BYTES")]
    pub recv_buffer: Option<usize>,
    // No datagram is longer than RECV_BUFFER: a larger buffer would only waste memory.
    #[arg(long, value_name = "BYTES", default_value_t = datagram::RECV_BUFFER,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=datagram::RECV_BUFFER as u64))]
    pub buffer: usize,
    #[arg(long)]
    pub reply: bool,
    #[arg(long, value_name = "MILLIS", value_parser = clap::value_parser!(u64).range(0..=60_000))]
    pub slow: Option<u64>,
    #[arg(long)]
    pub wait: bool,
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
