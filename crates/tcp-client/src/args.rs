//! The command line of tcp-client: its options and their defaults.

use std::time::Duration;

use clap::Parser;
use course::address::Host;

// The help texts (about, the example, each option's) are in the message tables, under
// `tcp-client.` (crates/course/src/text): course::parse_args puts them in.
#[derive(Parser)]
#[command(version)]
pub struct Args {
    #[arg(long, value_name = "HOST", value_parser = course::address::host,
          default_value_t = Host::Ip(course::LOOPBACK_V4.into()))]
    pub host: Host,
    #[arg(long, value_name = "N", default_value_t = course::TCP_PORT,
          value_parser = course::address::port)]
    pub port: u16,
    // For each address the host resolves to.
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = course::seconds)]
    pub timeout: Duration,
    // One write each, in order, before their echo is read.
    #[arg(long, value_name = "TEXT")]
    pub message: Vec<String>,
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = course::seconds)]
    pub reply_timeout: Duration,
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
