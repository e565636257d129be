//! What the OS reports on a UDP socket, sorted for the course's programs by error kind and OS
//! code: a receive that only timed out, an ICMP "port unreachable" for an earlier datagram, a
//! datagram too large. And the refusal of a payload no datagram can carry, before it is sent.

use std::io;
use std::net::SocketAddr;

use course::{HintExt, t};

/// Whether a failed `recv_from` only means "nothing arrived in time", so that a receive loop
/// with a read timeout looks at its stop conditions (Ctrl-C, idle timeout) and reads again:
/// the timeout ran out ([`course::trouble::timed_out`]), or a signal (Ctrl-C) ended the wait
/// early with `Interrupted` (EINTR, Linux), even though the handler was installed with
/// SA_RESTART (signal(7)).
pub fn is_timeout(error: &io::Error) -> bool {
    course::trouble::timed_out(error) || error.kind() == io::ErrorKind::Interrupted
}

/// Whether the OS is reporting an ICMP "port unreachable" that came back for an earlier
/// datagram: nobody listened where it went. Linux and macOS report it as ConnectionRefused, on
/// a connected socket only; Windows as ConnectionReset (WSAECONNRESET, 10054), connected or
/// not. A receive loop goes on: it says nothing about the datagrams still to come.
pub fn is_port_unreachable(error: &io::Error) -> bool {
    is_port_unreachable_kind(error.kind())
}

/// [`is_port_unreachable`] for the kind of an error found deeper in a chain
/// (`course::io_kind`): the hint for a send that failed.
pub fn is_port_unreachable_kind(kind: io::ErrorKind) -> bool {
    matches!(
        kind,
        io::ErrorKind::ConnectionRefused | io::ErrorKind::ConnectionReset
    )
}

// EMSGSIZE, "Message too long": Linux 90, macOS and the BSDs 40, Windows WSAEMSGSIZE 10040.
#[cfg(target_os = "linux")]
const EMSGSIZE: i32 = 90;
#[cfg(all(unix, not(target_os = "linux")))]
const EMSGSIZE: i32 = 40;
#[cfg(windows)]
const EMSGSIZE: i32 = 10040;
#[cfg(not(any(unix, windows)))]
const EMSGSIZE: i32 = -1;

/// Whether the OS code is EMSGSIZE: a datagram larger than the OS sends, or on Windows one
/// larger than the buffer given to `recv_from` (the datagram is then gone).
pub fn is_message_too_long(code: Option<i32>) -> bool {
    code == Some(EMSGSIZE)
}

/// The hint for a send the OS refused as too large ([`is_message_too_long`]), if it was that.
pub fn too_long_hint(error: &anyhow::Error) -> Option<String> {
    is_message_too_long(course::os_code(error)).then(|| {
        let macos_limit = crate::thousands(9_216);
        t!("datagram.too-long", macos_limit)
    })
}

/// Refuses a payload of `len` bytes that no UDP datagram to `to` can carry, before anything is
/// sent. `smaller` says what the student can change, given the maximum: "use --size 65507 or
/// less".
pub fn check_fits(
    len: usize,
    to: &SocketAddr,
    smaller: impl FnOnce(usize) -> String,
) -> anyhow::Result<()> {
    let max = crate::max_payload(to);
    if len <= max {
        return Ok(());
    }
    let family = if to.is_ipv4() { "IPv4" } else { "IPv6" };
    Err(anyhow::anyhow!(t!(
        "datagram.does-not-fit",
        len,
        family,
        max
    )))
    .hint(t!("datagram.does-not-fit-hint", smaller = smaller(max)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use io::{Error, ErrorKind};

    #[test]
    fn expired_read_timeouts_and_interruptions_are_timeouts() {
        for kind in [
            ErrorKind::WouldBlock,
            ErrorKind::TimedOut,
            ErrorKind::Interrupted,
        ] {
            assert!(is_timeout(&Error::from(kind)), "{kind:?}");
        }
        assert!(!is_timeout(&Error::from(ErrorKind::ConnectionRefused)));
    }

    #[test]
    fn port_unreachable_is_refused_or_reset() {
        assert!(is_port_unreachable(&ErrorKind::ConnectionRefused.into()));
        assert!(is_port_unreachable(&ErrorKind::ConnectionReset.into()));
        assert!(!is_port_unreachable(&ErrorKind::TimedOut.into()));
    }

    #[test]
    fn a_payload_over_the_maximum_is_refused_with_what_to_change() {
        let v4: SocketAddr = "127.0.0.1:7879".parse().unwrap();
        let v6: SocketAddr = "[::1]:7879".parse().unwrap();
        let smaller = |max| format!("use --size {max} or less");
        assert!(check_fits(65_507, &v4, smaller).is_ok());
        assert!(check_fits(65_527, &v6, smaller).is_ok());
        let (error, hints) = course::describe(&check_fits(65_508, &v4, smaller).unwrap_err());
        assert_eq!(
            error,
            "a payload of 65508 bytes does not fit in one UDP datagram: the maximum over IPv4 is \
             65507 bytes"
        );
        assert_eq!(
            hints,
            [
                "use --size 65507 or less; larger data must be split into several datagrams (or \
              sent over TCP, which is a byte stream)"
            ]
        );
    }

    #[test]
    fn a_send_refused_as_too_long_gets_its_hint() {
        let too_long = anyhow::Error::new(Error::from_raw_os_error(EMSGSIZE));
        assert!(too_long_hint(&too_long).unwrap().contains("smaller --size"));
        let other = anyhow::Error::new(Error::from(ErrorKind::ConnectionRefused));
        assert_eq!(too_long_hint(&other), None);
    }
}
