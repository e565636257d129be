//! What goes wrong when sending to a group, sorted into hints.

use std::io;
use std::net::{Ipv4Addr, SocketAddr};

use course::MulticastInterface as Interface;

/// The hint for an `--interface` the OS would not send by: not an address of this machine.
pub fn interface_hint(address: Ipv4Addr) -> String {
    format!(
        "{address} must be an address of this machine: use --interface 127.0.0.1 to stay on \
         this machine, or the address of a real interface (`ip -br addr`, `ifconfig`, \
         `ipconfig`)"
    )
}

/// The hint for a bind of the sender's port on the interface's address that failed.
pub fn bind_hint(interface: Interface) -> String {
    match interface {
        Interface::V4(address) => interface_hint(address),
        Interface::V6(_) => "check that IPv6 is enabled on this machine".to_string(),
    }
}

/// The hint for a send to the group that failed.
pub fn send_hint(error: &anyhow::Error, group: SocketAddr) -> String {
    if let Some(hint) = datagram::too_long_hint(error) {
        return hint;
    }
    match course::io_kind(error) {
        // ENETUNREACH (Linux) / EHOSTUNREACH (macOS): no route for the group on that interface.
        Some(io::ErrorKind::NetworkUnreachable | io::ErrorKind::HostUnreachable) => {
            "no route for multicast through that interface: use --interface 127.0.0.1 to stay \
             on this machine, or the address of an interface that is up"
                .to_string()
        }
        _ => format!(
            "check --interface (127.0.0.1 stays on this machine) and --group {}",
            group.ip()
        ),
    }
}
