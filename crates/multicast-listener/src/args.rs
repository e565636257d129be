//! The command line of multicast-listener: its options and their defaults. Their help texts, in
//! English and Portuguese, are in the course's tables (course/src/text/*/multicast_listener.rs),
//! under `multicast-listener.arg.<option>`.

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use clap::Parser;

#[derive(Parser)]
#[command(version)]
pub struct Args {
    #[arg(long, value_name = "IP", default_value_t = IpAddr::V4(course::MULTICAST_GROUP_V4),
          value_parser = course::address::group)]
    pub group: IpAddr,
    #[arg(long, value_name = "N", default_value_t = course::MULTICAST_PORT)]
    pub port: u16,
    // IPv4 groups: the interface by its address; IPv6 groups: by its number.
    #[arg(long, value_name = "IPv4", value_parser = course::address::ipv4)]
    pub interface: Option<Ipv4Addr>,
    #[arg(long, value_name = "N")]
    pub interface_index: Option<u32>,
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
    #[arg(long, value_name = "SECONDS", value_parser = course::seconds)]
    pub idle_timeout: Option<Duration>,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Args;

    #[test]
    fn every_option_has_a_help_text_in_both_languages() {
        course::help::assert_complete(&Args::command());
    }
}
