//! What goes wrong when sending a datagram, sorted into hints.

use std::io;
use std::net::SocketAddr;

/// The hint for a send that failed, or a refusal reported on the connected socket.
pub fn send_hint(error: &anyhow::Error, to: SocketAddr) -> String {
    if let Some(hint) = datagram::too_long_hint(error) {
        return hint;
    }
    match course::io_kind(error) {
        // Linux and macOS: an ICMP "port unreachable" came back for an earlier datagram of this
        // connected socket. Windows reports the same as ConnectionReset.
        Some(io::ErrorKind::ConnectionRefused | io::ErrorKind::ConnectionReset) => format!(
            "nothing listens on {to}: start the receiver first (cargo run -p udp-receiver), or drop --connect to send blindly"
        ),
        _ => "check the address and port (--host, --port)".to_string(),
    }
}
