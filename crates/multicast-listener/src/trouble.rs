//! What goes wrong when binding a group's port or joining a group, sorted into hints.

use std::io;
use std::net::{Ipv4Addr, SocketAddr};

/// The hint for a bind of the group's port that failed: a listener shares the port with the
/// others, so the one in the way is a socket that does not share it.
pub fn bind_hint(error: &anyhow::Error, address: SocketAddr) -> String {
    let holder = "a udp-receiver, which does not share its port (SO_REUSEADDR)";
    course::trouble::bind_hint(error, address, holder)
}

/// The hint for a join of an IPv4 group on `interface` that failed.
pub fn join_hint_v4(error: &anyhow::Error, interface: Ipv4Addr) -> String {
    // ENODEV "No such device" (Linux: no interface for the group, e.g. 0.0.0.0 with no default
    // route) and EADDRNOTAVAIL (an address this host does not have) both point at --interface.
    let problem = match course::io_kind(error) {
        Some(io::ErrorKind::AddrNotAvailable) => {
            format!("{interface} is not an address of this machine")
        }
        _ if interface.is_unspecified() => {
            "with 0.0.0.0 the OS picks the interface of the route to the group, and there is none"
                .to_string()
        }
        _ => format!("no multicast-capable interface has the address {interface}"),
    };
    format!(
        "{problem}; use --interface 127.0.0.1 to stay on this machine, or the address of a real \
         interface (`ip -br addr`, `ifconfig`, `ipconfig`) on both programs"
    )
}

/// The hint for a join of an IPv6 group on interface number `index` that failed.
pub fn join_hint_v6(_error: &anyhow::Error, index: u32) -> String {
    format!(
        "interface {index} cannot join IPv6 groups here; pick the number of an interface that is \
         up and has the MULTICAST flag (`ip link`); Linux loopback (lo) carries no IPv6 multicast"
    )
}
