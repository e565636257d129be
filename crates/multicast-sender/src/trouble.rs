//! What goes wrong when sending to a group, sorted into hints.

use std::io;
use std::net::{Ipv4Addr, SocketAddr};

use course::{MulticastInterface as Interface, t};

/// The hint for an `--interface` the OS would not send by: not an address of this machine.
pub fn interface_hint(address: Ipv4Addr) -> String {
    t!("multicast-sender.interface-hint", address)
}

/// The hint for a bind of the sender's port on the interface's address that failed.
pub fn bind_hint(interface: Interface) -> String {
    match interface {
        Interface::V4(address) => interface_hint(address),
        Interface::V6(_) => t!("multicast-sender.ipv6-bind-hint"),
    }
}

/// The hint for a send to the group by `interface` that failed.
pub fn send_hint(error: &anyhow::Error, group: SocketAddr, interface: Interface) -> String {
    if let Some(hint) = datagram::too_long_hint(error) {
        return hint;
    }
    let (kind, code) = (course::io_kind(error), course::os_code(error));
    let group = group.ip();
    match send_trouble(kind, code, interface, cfg!(windows)) {
        SendTrouble::NoListenerYet => t!("multicast-sender.no-listener-yet-hint", group),
        SendTrouble::NoRoute => t!("multicast-sender.no-route-hint"),
        SendTrouble::Other => t!("multicast-sender.send-hint", group),
    }
}

/// Why a send to the group failed, as far as the hint can tell.
#[derive(Debug, PartialEq, Eq)]
enum SendTrouble {
    /// Windows: nobody on this machine has joined the group on the loopback interface yet.
    NoListenerYet,
    /// No route for the group through the interface.
    NoRoute,
    Other,
}

/// WSAENETUNREACH. Windows only: it is what a send to a group on the loopback interface gets
/// until a socket of this machine has joined the group there (std reads it as
/// NetworkUnreachable, the kind Linux gives when the interface has no route).
const WSAENETUNREACH: i32 = 10051;

/// Sorts a failed send by its error kind and OS code; `windows` is `cfg!(windows)`, a parameter
/// so that the tests can sort Windows' codes on any OS.
fn send_trouble(
    kind: Option<io::ErrorKind>,
    code: Option<i32>,
    interface: Interface,
    windows: bool,
) -> SendTrouble {
    match (interface, kind) {
        (Interface::V4(address), _)
            if windows && address.is_loopback() && code == Some(WSAENETUNREACH) =>
        {
            SendTrouble::NoListenerYet
        }
        // ENETUNREACH (Linux) / EHOSTUNREACH (macOS): no route for the group on that interface.
        (_, Some(io::ErrorKind::NetworkUnreachable | io::ErrorKind::HostUnreachable)) => {
            SendTrouble::NoRoute
        }
        _ => SendTrouble::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOOPBACK: Interface = Interface::V4(Ipv4Addr::LOCALHOST);
    const ANY: Interface = Interface::V4(Ipv4Addr::UNSPECIFIED);
    const UNREACHABLE: Option<io::ErrorKind> = Some(io::ErrorKind::NetworkUnreachable);
    // ENETUNREACH on Linux.
    const LINUX_UNREACHABLE: Option<i32> = Some(101);

    /// On loopback, Windows' 10051 means that the listeners are missing, not the interface.
    #[test]
    fn windows_10051_on_loopback_says_to_start_the_listeners_first() {
        let sorted = send_trouble(UNREACHABLE, Some(WSAENETUNREACH), LOOPBACK, true);
        assert_eq!(sorted, SendTrouble::NoListenerYet);
    }

    #[test]
    fn an_unreachable_network_elsewhere_points_at_the_interface() {
        // Windows, another interface: a route is missing, as on Linux.
        let sorted = send_trouble(UNREACHABLE, Some(WSAENETUNREACH), ANY, true);
        assert_eq!(sorted, SendTrouble::NoRoute);
        // Linux (a network namespace with no route): ENETUNREACH, whatever the interface.
        for interface in [LOOPBACK, ANY] {
            let sorted = send_trouble(UNREACHABLE, LINUX_UNREACHABLE, interface, false);
            assert_eq!(sorted, SendTrouble::NoRoute);
        }
        // The code is Windows' only: elsewhere 10051 is no reason to blame the listeners.
        let sorted = send_trouble(UNREACHABLE, Some(WSAENETUNREACH), LOOPBACK, false);
        assert_eq!(sorted, SendTrouble::NoRoute);
        let host = Some(io::ErrorKind::HostUnreachable);
        assert_eq!(
            send_trouble(host, Some(65), ANY, false),
            SendTrouble::NoRoute
        );
    }

    #[test]
    fn other_failures_get_the_general_hint() {
        let denied = Some(io::ErrorKind::PermissionDenied);
        assert_eq!(
            send_trouble(denied, Some(13), LOOPBACK, false),
            SendTrouble::Other
        );
        assert_eq!(send_trouble(None, None, LOOPBACK, true), SendTrouble::Other);
    }

    /// The hint a failed send gets, in the language of the run: the group is named, and the
    /// Windows sort picks the text that starts the listeners.
    #[test]
    fn the_hint_follows_the_sort() {
        let error = anyhow::Error::new(io::Error::from(io::ErrorKind::NetworkUnreachable));
        let group: SocketAddr = "239.255.78.78:7880".parse().unwrap();
        let hint = send_hint(&error, group, ANY);
        assert_eq!(hint, t!("multicast-sender.no-route-hint"));
        let error = anyhow::Error::new(io::Error::from(io::ErrorKind::PermissionDenied));
        assert!(send_hint(&error, group, LOOPBACK).contains("239.255.78.78"));
        let windows = t!("multicast-sender.no-listener-yet-hint", group = group.ip());
        assert!(windows.contains("239.255.78.78") && windows.contains("multicast-listener"));
    }
}
