//! The command line of multicast-sender: its options, their defaults and help.

use std::net::{IpAddr, Ipv4Addr};

use clap::Parser;

/// Sends numbered datagrams to a multicast group: every listener that joined it gets a copy.
#[derive(Parser)]
#[command(
    version,
    after_help = "Example, on one machine (three listeners, one sender):\n  \
        cargo run -p multicast-listener        # in terminals 1, 2 and 3\n  \
        cargo run -p multicast-sender          # in terminal 4\n  \
        cargo run -p multicast-sender -- --message \"hello, group\"\n\n\
        IPv6 (Linux loopback carries no IPv6 multicast: use a real interface and its number \
        from `ip link`, or see it on this machine with `sudo scripts/lab-multicast-netns`):\n  \
        cargo run -p multicast-listener -- --group ff02::7880 --interface-index 2\n  \
        cargo run -p multicast-sender -- --group ff02::7880 --interface-index 2"
)]
pub struct Args {
    /// The group to send to: IPv4 224.0.0.0 to 239.255.255.255, or IPv6 ff00::/8.
    #[arg(long, value_name = "IP", default_value_t = IpAddr::V4(course::MULTICAST_GROUP_V4),
          value_parser = course::address::group)]
    pub group: IpAddr,
    /// The UDP port the listeners bound.
    #[arg(long, value_name = "N", default_value_t = course::MULTICAST_PORT,
          value_parser = course::address::port)]
    pub port: u16,
    /// IPv4 groups: the address of the interface the datagrams leave by. 127.0.0.1 (loopback)
    /// keeps them on this machine; 0.0.0.0 lets the OS choose (the route to the group).
    #[arg(long, value_name = "IPv4", value_parser = course::address::ipv4)]
    pub interface: Option<Ipv4Addr>,
    /// IPv6 groups: the number of the interface the datagrams leave by (`ip link` on Linux).
    #[arg(long, value_name = "N")]
    pub interface_index: Option<u32>,
    /// Time to live (IPv6: hop limit): each router takes 1 off and forwards only what stays
    /// above 0. 1 crosses no router (this link only), N crosses up to N-1; 0 stays on this host.
    #[arg(long, value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(0..=255))]
    pub ttl: u32,
    /// Turn IP_MULTICAST_LOOP off: this machine's listeners get no copy of what leaves by a
    /// real interface (Linux, macOS; Windows reads the option on the receiving socket).
    #[arg(long)]
    pub no_loop: bool,
    /// How many datagrams to send (default 10; 1 with --message; with --stdin, stop after
    /// this many lines).
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
    /// Datagrams per second; 0 sends as fast as possible.
    #[arg(long, value_name = "PER_SEC", default_value_t = 2.0, value_parser = course::rate)]
    pub rate: f64,
    /// The size of each datagram in bytes (header included), filled with readable text.
    #[arg(long, value_name = "BYTES", conflicts_with_all = ["message", "stdin"])]
    pub size: Option<usize>,
    /// Send this text, after the numbering header.
    #[arg(long, value_name = "TEXT", conflicts_with = "stdin")]
    pub message: Option<String>,
    /// Send each line read from stdin as one datagram (type lines, end with Ctrl-D).
    #[arg(long, visible_alias = "lines")]
    pub stdin: bool,
}
