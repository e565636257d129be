//! The command line of udp-relay: its options, their defaults and help.

use std::net::IpAddr;
use std::time::Duration;

use clap::Parser;
use course::t;

// The help texts are in the message tables (udp-relay.about, udp-relay.arg.<field>...).
#[derive(Parser, Debug)]
#[command(version)]
pub struct Args {
    #[arg(long, value_name = "IP", default_value = "127.0.0.1",
          value_parser = course::address::ip)]
    pub bind: IpAddr,
    #[arg(long, value_name = "N", default_value_t = course::RELAY_PORT)]
    pub port: u16,
    #[arg(long, value_name = "HOST:PORT", default_value_t = course::udp_addr().into(),
          value_parser = course::address::host_port)]
    pub to: course::address::HostPort,
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = probability)]
    pub loss: f64,
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = probability)]
    pub duplicate: f64,
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = probability)]
    pub reorder: f64,
    #[arg(long, value_name = "MILLIS", default_value_t = 0,
          value_parser = clap::value_parser!(u64).range(0..=60_000))]
    pub delay: u64,
    #[arg(long, value_name = "N", default_value_t = 7)]
    pub seed: u64,
    #[arg(long)]
    pub impair_replies: bool,
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
    #[arg(long, value_name = "SECONDS", value_parser = course::seconds)]
    pub idle_timeout: Option<Duration>,
}

/// A clap value parser for `--loss`, `--duplicate` and `--reorder`: 0 to 1.
fn probability(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(t!("udp-relay.not-a-probability", text)),
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
