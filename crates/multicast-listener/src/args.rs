//! The command line of multicast-listener: its options, their defaults and help.

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use clap::Parser;

/// Joins a multicast group and prints every datagram sent to it, with the sender's sequence
/// score. Run several: each one gets its own copy of every datagram.
#[derive(Parser)]
#[command(
    version,
    after_help = "Example, on one machine (three listeners, one sender):\n  \
        cargo run -p multicast-listener        # in terminals 1, 2 and 3\n  \
        cargo run -p multicast-sender          # in terminal 4\n\n\
        IPv6 (Linux loopback carries no IPv6 multicast: use a real interface and its number \
        from `ip link`, or see it on this machine with `sudo scripts/lab-multicast-netns`):\n  \
        cargo run -p multicast-listener -- --group ff02::7880 --interface-index 2\n  \
        cargo run -p multicast-sender -- --group ff02::7880 --interface-index 2"
)]
pub struct Args {
    /// The group to join: IPv4 224.0.0.0 to 239.255.255.255, or IPv6 ff00::/8.
    #[arg(long, value_name = "IP", default_value_t = IpAddr::V4(course::MULTICAST_GROUP_V4),
          value_parser = course::address::group)]
    pub group: IpAddr,
    /// The UDP port the group's datagrams are sent to.
    #[arg(long, value_name = "N", default_value_t = course::MULTICAST_PORT)]
    pub port: u16,
    /// IPv4 groups: the address of the interface to join on. 127.0.0.1 (loopback) keeps
    /// everything on this machine; 0.0.0.0 lets the OS choose (the interface of the route).
    #[arg(long, value_name = "IPv4", value_parser = course::address::ipv4)]
    pub interface: Option<Ipv4Addr>,
    /// IPv6 groups: the number of the interface to join on (`ip link` on Linux,
    /// `netsh interface ipv6 show interfaces` on Windows, `ifconfig` on macOS); 0 lets the OS
    /// choose (Linux, Windows; macOS refuses it).
    #[arg(long, value_name = "N")]
    pub interface_index: Option<u32>,
    /// Stop after this many datagrams.
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
    /// Stop when nothing arrives for this many seconds.
    #[arg(long, value_name = "SECONDS", value_parser = course::seconds)]
    pub idle_timeout: Option<Duration>,
}
