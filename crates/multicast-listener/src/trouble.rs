//! What goes wrong when binding a group's port or joining a group, sorted into hints; and what
//! to say when nothing arrived.

use std::io;
use std::net::{Ipv4Addr, SocketAddr};

use course::{MulticastInterface as Interface, t};

/// The hint for a bind of the group's port that failed. The listener binds the wildcard
/// address with `--port` (it has no `--bind`): a listener shares the port with the others, so
/// the one in the way is a socket that does not share it.
pub fn bind_hint(error: &anyhow::Error, address: SocketAddr) -> String {
    match course::io_kind(error) {
        Some(io::ErrorKind::AddrInUse | io::ErrorKind::PermissionDenied) => {
            let holder = t!("multicast-listener.port-holder");
            course::trouble::bind_hint(error, address, &holder)
        }
        _ => t!("multicast-listener.bind-hint", address = address.ip()),
    }
}

/// The hint for a join of an IPv4 group on `interface` that failed.
pub fn join_hint_v4(error: &anyhow::Error, interface: Ipv4Addr) -> String {
    // ENODEV "No such device" (Linux: no interface for the group, e.g. 0.0.0.0 with no default
    // route) and EADDRNOTAVAIL (an address this host does not have) both point at --interface.
    let problem = match course::io_kind(error) {
        Some(io::ErrorKind::AddrNotAvailable) => {
            t!("multicast-listener.not-this-machine", interface)
        }
        _ if interface.is_unspecified() => t!("multicast-listener.no-route"),
        _ => t!("multicast-listener.no-such-interface", interface),
    };
    t!("multicast-listener.join-hint-v4", problem)
}

/// The hint for a join of an IPv6 group on interface number `index` that failed.
pub fn join_hint_v6(index: u32) -> String {
    if index == 0 {
        // macOS refuses an IPv6 join with index 0, "let the OS choose" (EADDRNOTAVAIL, 49).
        return t!("multicast-listener.index-0-hint");
    }
    t!("multicast-listener.join-hint-v6", index)
}

/// What to say when a run ends with nothing received while joined on the loopback interface:
/// datagrams from other machines arrive on a network card, where this listener never joined.
pub fn nothing_heard_note(received: u64, interface: Interface) -> Option<String> {
    match interface {
        Interface::V4(address) if received == 0 && address.is_loopback() => {
            Some(t!("multicast-listener.nothing-heard", address))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failed(kind: io::ErrorKind) -> anyhow::Error {
        anyhow::Error::new(io::Error::from(kind)).context("binding 0.0.0.0:7880")
    }

    /// The listener has no --bind: no hint of its may send the student looking for one.
    #[test]
    fn bind_hints_name_only_options_the_listener_has() {
        let address: SocketAddr = "0.0.0.0:7880".parse().unwrap();
        for kind in [
            io::ErrorKind::AddrInUse,
            io::ErrorKind::AddrNotAvailable,
            io::ErrorKind::PermissionDenied,
            io::ErrorKind::Other,
        ] {
            let hint = bind_hint(&failed(kind), address);
            assert!(!hint.contains("--bind"), "{kind:?}: {hint}");
            assert!(hint.contains("--port"), "{kind:?}: {hint}");
        }
        assert!(bind_hint(&failed(io::ErrorKind::AddrInUse), address).contains("udp-receiver"));
    }

    #[test]
    fn nothing_heard_on_loopback_points_at_the_interface_option() {
        let loopback = Interface::V4(Ipv4Addr::LOCALHOST);
        let note = nothing_heard_note(0, loopback).expect("a note");
        assert!(note.contains("--interface <"), "{note}");
        assert_eq!(nothing_heard_note(1, loopback), None);
        let lan = Interface::V4(Ipv4Addr::new(192, 168, 1, 20));
        assert_eq!(nothing_heard_note(0, lan), None);
        assert_eq!(nothing_heard_note(0, Interface::V6(2)), None);
    }
}
