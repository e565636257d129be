//! The command line of multicast-sender: its options and their defaults. Their help texts, in
//! English and Portuguese, are in the course's tables (course/src/text/*/multicast_sender.rs),
//! under `multicast-sender.arg.<option>`.

use std::net::{IpAddr, Ipv4Addr};

use clap::Parser;

#[derive(Parser)]
#[command(version)]
pub struct Args {
    #[arg(long, value_name = "IP", default_value_t = IpAddr::V4(course::MULTICAST_GROUP_V4),
          value_parser = course::address::group)]
    pub group: IpAddr,
    #[arg(long, value_name = "N", default_value_t = course::MULTICAST_PORT,
          value_parser = course::address::port)]
    pub port: u16,
    // IPv4 groups: the interface by its address; IPv6 groups: by its number.
    #[arg(long, value_name = "IPv4", value_parser = course::address::ipv4)]
    pub interface: Option<Ipv4Addr>,
    #[arg(long, value_name = "N")]
    pub interface_index: Option<u32>,
    #[arg(long, value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(0..=255))]
    pub ttl: u32,
    #[arg(long)]
    pub no_loop: bool,
    // Default 10; 1 with --message; with --stdin, no limit.
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
    #[arg(long, value_name = "PER_SEC", default_value_t = 2.0, value_parser = course::rate)]
    pub rate: f64,
    #[arg(long, value_name = "BYTES", conflicts_with_all = ["message", "stdin"])]
    pub size: Option<usize>,
    #[arg(long, value_name = "TEXT", conflicts_with = "stdin")]
    pub message: Option<String>,
    #[arg(long, visible_alias = "lines")]
    pub stdin: bool,
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
