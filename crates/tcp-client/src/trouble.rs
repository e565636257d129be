//! What goes wrong on a client, sorted into hints, and the OS differences that are not the
//! lesson (the Windows console's line ends).

use std::io;
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use anyhow::{Context, anyhow};
use course::address::Host;
use course::{HintExt, t};

/// The error of a receive from the server, with its hint.
pub fn received_error(error: io::Error, server: SocketAddr) -> anyhow::Error {
    let hint = match error.kind() {
        io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted => {
            t!("tcp-client.hint.reset")
        }
        _ => t!("tcp-client.hint.look"),
    };
    Err::<(), _>(error)
        .with_context(|| t!("tcp-client.receiving-from", server))
        .hint(hint)
        .unwrap_err()
}

/// The error of a send to the server, with its hint.
pub fn sent_error(error: io::Error, server: SocketAddr) -> anyhow::Error {
    let hint = if course::trouble::timed_out(&error) {
        t!("tcp-client.hint.stopped-reading")
    } else {
        t!("tcp-client.hint.closed-while-sending")
    };
    Err::<(), _>(error)
        .with_context(|| t!("tcp-client.sending-to", server))
        .hint(hint)
        .unwrap_err()
}

/// The server closed its side after `got` of the `len` bytes of an echo.
pub fn closed_early(server: SocketAddr, got: usize, len: usize) -> anyhow::Error {
    Err::<(), _>(anyhow!(t!("tcp-client.closed-early", got, len)))
        .with_context(|| t!("tcp-client.reading-echo", server))
        .hint(t!("tcp-client.hint.closed-early"))
        .unwrap_err()
}

/// The error of a receive that failed while we waited for `what`: a read timeout (the
/// stream's, --reply-timeout) is the server not answering; anything else, [`received_error`].
pub fn receive_failed(
    error: io::Error,
    stream: &TcpStream,
    server: SocketAddr,
    what: &str,
) -> anyhow::Error {
    if !course::trouble::timed_out(&error) {
        return received_error(error, server);
    }
    no_reply(stream, server, what)
}

/// Nothing came from the server for the stream's read timeout (--reply-timeout) while we
/// waited for it. `what` says what we waited for, and what had come.
pub fn no_reply(stream: &TcpStream, server: SocketAddr, what: &str) -> anyhow::Error {
    let waited = match stream.read_timeout() {
        Ok(Some(waited)) => format!("{waited:?}"),
        _ => "--reply-timeout".to_string(),
    };
    Err::<(), _>(anyhow!(t!("tcp-client.no-reply", server, waited, what)))
        .hint(t!("tcp-client.hint.no-reply"))
        .unwrap_err()
}

// ANCHOR: connect_hint
/// The hint for a `connect` to `address` that failed. Keyed on the error's kind, which std
/// sorts from each OS's own code (EHOSTUNREACH is 113 on Linux, 65 on macOS, 10065 on Windows).
pub fn connect_hint(error: &io::Error, address: SocketAddr, timeout: Duration) -> String {
    let (ip, port) = (address.ip(), address.port());
    let port_option = match port {
        course::TCP_PORT => String::new(),
        port => format!(" --port {port}"),
    };
    match error.kind() {
        io::ErrorKind::ConnectionRefused if ip.is_loopback() => {
            let dashes = if port_option.is_empty() { "" } else { " --" };
            let command = format!("cargo run -p tcp-echo-server{dashes}{port_option}");
            t!("tcp-client.hint.refused-here", command)
        }
        // The machine answered: nothing listens there on that address and port.
        io::ErrorKind::ConnectionRefused => {
            let command = format!("cargo run -p tcp-echo-server -- --bind 0.0.0.0{port_option}");
            t!("tcp-client.hint.refused-there", ip, command)
        }
        io::ErrorKind::HostUnreachable => t!("tcp-client.hint.host-unreachable", ip),
        io::ErrorKind::NetworkUnreachable => t!("tcp-client.hint.network-unreachable", ip),
        // The OS's own timeout (ETIMEDOUT): it resent the SYN a few times, then gave up.
        io::ErrorKind::TimedOut if error.raw_os_error().is_some() => {
            t!("tcp-client.hint.os-timeout", ip, port)
        }
        // connect_timeout's own timeout (--timeout), or WouldBlock.
        _ if course::trouble::timed_out(error) => {
            let timeout = format!("{timeout:?}");
            t!("tcp-client.hint.our-timeout", timeout, ip, port)
        }
        _ => t!("tcp-client.hint.check-host-port", address),
    }
}
// ANCHOR_END: connect_hint

/// The error of a connect that failed on every address `host` resolved to: the last one's,
/// with its hint.
pub fn connect_failed(
    failed: Option<(SocketAddr, io::Error)>,
    host: &Host,
    port: u16,
    timeout: Duration,
) -> anyhow::Error {
    let Some((address, error)) = failed else {
        return anyhow!(t!("tcp-client.no-address", host, port));
    };
    let hint = connect_hint(&error, address, timeout);
    Err::<(), _>(error)
        .with_context(|| t!("tcp-client.connecting-to", address))
        .hint(hint)
        .unwrap_err()
}

/// A typed line ends in `\n` on every OS, so that "olá, mundo" is 12 bytes everywhere. The
/// Windows console (in its usual line mode) ends each line you type with `\r\n`, and std
/// passes both on; Linux and macOS terminals give `\n`. Piped input is not typed: it goes
/// byte for byte, `\r` included.
pub fn typed_line(line: &mut Vec<u8>) {
    if line.ends_with(b"\r\n") {
        line.truncate(line.len() - 2);
        line.push(b'\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use course::lang::Lang;
    use course::text::get_in;

    fn hint(error: io::Error, address: &str) -> String {
        let address: SocketAddr = address.parse().unwrap();
        connect_hint(&error, address, Duration::from_secs(5))
    }

    // The hints come in the language of the test process (its locale): each test checks the
    // message chosen, with its values, and the English table's words where they matter.

    /// Refused on loopback: nothing runs here. Refused from another machine's address: most
    /// often a server there listening on 127.0.0.1 only (the Two computers chapter's sample).
    #[test]
    fn a_refused_connect_to_another_machine_says_to_bind_every_interface() {
        let refused = || io::Error::from(io::ErrorKind::ConnectionRefused);
        let command = "cargo run -p tcp-echo-server";
        assert_eq!(
            hint(refused(), "127.0.0.1:7878"),
            t!("tcp-client.hint.refused-here", command)
        );
        let command = "cargo run -p tcp-echo-server -- --port 9000";
        assert_eq!(
            hint(refused(), "127.0.0.1:9000"),
            t!("tcp-client.hint.refused-here", command)
        );
        let ip = "10.79.0.1";
        let command = "cargo run -p tcp-echo-server -- --bind 0.0.0.0";
        assert_eq!(
            hint(refused(), "10.79.0.1:7878"),
            t!("tcp-client.hint.refused-there", ip, command)
        );
        let command = "cargo run -p tcp-echo-server -- --bind 0.0.0.0 --port 9000";
        assert_eq!(
            hint(refused(), "10.79.0.1:9000"),
            t!("tcp-client.hint.refused-there", ip, command)
        );
        for lang in Lang::ALL {
            let here = get_in(lang, "tcp-client.hint.refused-here");
            assert!(!here.contains("--bind"), "{lang}: {here}");
            let there = get_in(lang, "tcp-client.hint.refused-there");
            assert!(
                there.contains("127.0.0.1") && there.ends_with("{command}"),
                "{lang}"
            );
        }
    }

    /// EHOSTUNREACH: nobody answered for that address on the local network (ARP), or
    /// something refused to pass the packets. The OS's own number, sorted by std into a kind.
    #[test]
    fn no_route_to_host_says_no_machine_answered() {
        let code = if cfg!(windows) {
            10065 // WSAEHOSTUNREACH
        } else if cfg!(target_os = "macos") {
            65
        } else {
            113
        };
        let ip = "10.79.0.9";
        assert_eq!(
            hint(io::Error::from_raw_os_error(code), "10.79.0.9:7878"),
            t!("tcp-client.hint.host-unreachable", ip)
        );
        let english = get_in(Lang::En, "tcp-client.hint.host-unreachable");
        assert!(
            english.starts_with("no machine answered at {ip}"),
            "{english}"
        );
        for cause in ["isolation", "firewall", "Local Network"] {
            assert!(english.contains(cause), "{english}");
        }
    }

    /// Our --timeout ran out (std's connect_timeout: no OS code), or the OS gave up by
    /// itself (ETIMEDOUT, after its own retries): waiting longer helps only in the first case.
    #[test]
    fn a_connect_timeout_says_whose_timeout_it_was() {
        let (ip, port, timeout) = ("10.79.0.1", 7878, "5s");
        let ours = io::Error::new(io::ErrorKind::TimedOut, "connection timed out");
        assert_eq!(
            hint(ours, "10.79.0.1:7878"),
            t!("tcp-client.hint.our-timeout", timeout, ip, port)
        );
        let code = if cfg!(windows) {
            10060 // WSAETIMEDOUT
        } else if cfg!(target_os = "macos") {
            60
        } else {
            110
        };
        assert_eq!(
            hint(io::Error::from_raw_os_error(code), "10.79.0.1:7878"),
            t!("tcp-client.hint.os-timeout", ip, port)
        );
        for lang in Lang::ALL {
            assert!(get_in(lang, "tcp-client.hint.our-timeout").contains("--timeout"));
            assert!(!get_in(lang, "tcp-client.hint.os-timeout").contains("--timeout"));
        }
    }

    #[test]
    fn a_typed_line_ends_in_a_newline_on_every_os() {
        let typed = |bytes: &[u8]| {
            let mut line = bytes.to_vec();
            typed_line(&mut line);
            line
        };
        // The Windows console's Enter, and a Unix terminal's.
        assert_eq!(
            typed("olá, mundo\r\n".as_bytes()),
            "olá, mundo\n".as_bytes()
        );
        assert_eq!(typed("olá, mundo\n".as_bytes()).len(), 12);
        // The last line of input may have no end at all; a lone \r is data.
        assert_eq!(typed(b"last"), b"last");
        assert_eq!(typed(b"a\rb\n"), b"a\rb\n");
    }
}
