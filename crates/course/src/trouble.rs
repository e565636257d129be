//! Sorting the errors that several programs meet, keyed on the error's kind and the OS's code,
//! never on its text (Windows words its messages in the system's language).

use std::io;
use std::net::SocketAddr;

use crate::t;

// ANCHOR: bind_hint
/// The hint for a `bind` of `address` that failed. `holder` names who may hold the port
/// already, such as "another tcp-echo-server".
pub fn bind_hint(error: &anyhow::Error, address: SocketAddr, holder: &str) -> String {
    let port = address.port();
    match crate::io_kind(error) {
        Some(io::ErrorKind::AddrInUse) => t!("course.trouble.port-in-use", holder, port),
        Some(io::ErrorKind::AddrNotAvailable) => {
            t!("course.trouble.not-this-machine", ip = address.ip())
        }
        // Windows has no privileged ports: WSAEACCES (10013) means a port it keeps for itself
        // (Hyper-V, WSL and Docker reserve ranges) or one another program holds exclusively.
        Some(io::ErrorKind::PermissionDenied) if cfg!(windows) => {
            t!("course.trouble.windows-excluded-port", port)
        }
        Some(io::ErrorKind::PermissionDenied) => t!("course.trouble.privileged-port"),
        _ => t!("course.trouble.check-bind-and-port"),
    }
}
// ANCHOR_END: bind_hint

/// Whether a call with a timeout (`set_read_timeout`, `set_write_timeout`, `connect_timeout`)
/// failed only because the time ran out: Unix reports it as `WouldBlock` (EAGAIN), Windows as
/// `TimedOut`.
pub fn timed_out(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failed(kind: io::ErrorKind) -> anyhow::Error {
        anyhow::Error::new(io::Error::from(kind)).context("binding 127.0.0.1:7878")
    }

    #[test]
    fn bind_hints_follow_the_error_kind() {
        let address: SocketAddr = "127.0.0.1:7878".parse().unwrap();
        let hint = |kind| bind_hint(&failed(kind), address, "another tcp-echo-server");
        assert_eq!(
            hint(io::ErrorKind::AddrInUse),
            "another server (maybe another tcp-echo-server) is using port 7878; stop it or pick \
             another port with --port"
        );
        assert!(hint(io::ErrorKind::AddrNotAvailable).starts_with("127.0.0.1 is not an address"));
        assert!(hint(io::ErrorKind::PermissionDenied).contains("--port"));
        assert_eq!(hint(io::ErrorKind::Other), "check --bind and --port");
    }

    #[test]
    fn an_expired_timeout_is_wouldblock_or_timedout() {
        assert!(timed_out(&io::ErrorKind::WouldBlock.into()));
        assert!(timed_out(&io::ErrorKind::TimedOut.into()));
        assert!(!timed_out(&io::ErrorKind::Interrupted.into()));
        assert!(!timed_out(&io::ErrorKind::ConnectionReset.into()));
    }
}
