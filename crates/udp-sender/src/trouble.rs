//! What goes wrong when sending a datagram, sorted into hints.

use std::net::SocketAddr;

use course::t;

/// The hint for a send that failed, or a refusal reported on the connected socket.
pub fn send_hint(error: &anyhow::Error, to: SocketAddr) -> String {
    if let Some(hint) = datagram::too_long_hint(error) {
        return hint;
    }
    match course::io_kind(error) {
        // An ICMP "port unreachable" came back for an earlier datagram.
        Some(kind) if datagram::is_port_unreachable_kind(kind) => refused_hint(to),
        _ => t!("udp-sender.check-address"),
    }
}

/// Nothing listens on `to`. On this machine, the receiver is not running; on another one, the
/// usual cause is a receiver bound to 127.0.0.1 (its default), which hears only its own
/// machine: that machine's OS answers "port unreachable" for everyone else.
fn refused_hint(to: SocketAddr) -> String {
    if to.ip().is_loopback() {
        t!("udp-sender.refused-here", to)
    } else {
        t!("udp-sender.refused-remote", to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io;

    fn refused(to: &str) -> String {
        let to: SocketAddr = to.parse().unwrap();
        let error = anyhow::Error::new(io::Error::from(io::ErrorKind::ConnectionRefused))
            .context(format!("sending 50 bytes to {to}"));
        send_hint(&error, to)
    }

    /// docs/src/samples/two-computers/udp-loopback-only-sender.txt: across machines, "start the
    /// receiver first" sent the student to a receiver that was already running. (The checks
    /// read the commands, which are the same in both languages.)
    #[test]
    fn a_refusal_from_another_machine_points_at_the_receivers_bind_address() {
        let start_it = "(cargo run -p udp-receiver)";
        let hint = refused("10.79.0.1:7879");
        assert!(hint.contains("--bind 0.0.0.0"), "{hint}");
        assert!(!hint.contains(start_it), "{hint}");
        for here in ["127.0.0.1:7879", "[::1]:7879"] {
            let hint = refused(here);
            assert!(hint.contains(start_it), "{hint}");
            assert!(!hint.contains("--bind"), "{hint}");
        }
    }
}
