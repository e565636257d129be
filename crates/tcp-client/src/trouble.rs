//! What goes wrong on a client, sorted into hints, and the OS differences that are not the
//! lesson (the Windows console's line ends).

use std::io;
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use anyhow::{Context, anyhow};
use course::HintExt;
use course::address::Host;

/// The error of a receive from the server, with its hint.
pub fn received_error(error: io::Error, server: SocketAddr) -> anyhow::Error {
    let hint = match error.kind() {
        io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted => {
            "the server reset the connection: it stopped or crashed; look at its terminal"
        }
        _ => "look at the server's terminal",
    };
    Err::<(), _>(error)
        .with_context(|| format!("receiving from {server}"))
        .hint(hint)
        .unwrap_err()
}

/// The error of a send to the server, with its hint.
pub fn sent_error(error: io::Error, server: SocketAddr) -> anyhow::Error {
    let hint = if course::trouble::timed_out(&error) {
        "the server took nothing for --reply-timeout: it stopped reading; look at its terminal"
    } else {
        "the server closed the connection while we were sending; look at its terminal"
    };
    Err::<(), _>(error)
        .with_context(|| format!("sending to {server}"))
        .hint(hint)
        .unwrap_err()
}

/// The server closed its side after `got` of the `len` bytes of an echo.
pub fn closed_early(server: SocketAddr, got: usize, len: usize) -> anyhow::Error {
    Err::<(), _>(anyhow!(
        "the server closed the connection after {got} of {len} bytes"
    ))
    .with_context(|| format!("reading the echo from {server}"))
    .hint(
        "the server stopped, or closed an idle connection (its --idle-timeout); look at its \
         terminal and start the client again",
    )
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
    Err::<(), _>(anyhow!("no reply from {server} for {waited}: {what}"))
        .hint(
            "the server accepted the connection but does not answer: if it is yours, does it \
             write back what it reads, and close when read returns 0? look at its terminal; \
             wait longer with --reply-timeout",
        )
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
            format!(
                "is the server running? start it in another terminal with: \
                 cargo run -p tcp-echo-server{dashes}{port_option}"
            )
        }
        // The machine answered: nothing listens there on that address and port.
        io::ErrorKind::ConnectionRefused => format!(
            "is the server running on {ip}, started with --bind 0.0.0.0? Without --bind it \
             listens on 127.0.0.1 only, which other machines cannot reach. On the server's \
             machine, run: cargo run -p tcp-echo-server -- --bind 0.0.0.0{port_option}"
        ),
        io::ErrorKind::HostUnreachable => format!(
            "no machine answered at {ip}. Check the address. Other causes: Wi-Fi client \
             isolation, a firewall that rejects, or (macOS 15 and later) the Local Network \
             permission of your terminal app"
        ),
        io::ErrorKind::NetworkUnreachable => format!(
            "this machine has no route to {ip}: are you connected to a network, and is the \
             address right?"
        ),
        // The OS's own timeout (ETIMEDOUT): it resent the SYN a few times, then gave up.
        io::ErrorKind::TimedOut if error.raw_os_error().is_some() => format!(
            "nothing answered: is {ip} reachable (try ping), and is a firewall dropping port \
             {port}?"
        ),
        // connect_timeout's own timeout (--timeout), or WouldBlock.
        _ if course::trouble::timed_out(error) => format!(
            "nothing answered within {timeout:?}: is {ip} reachable, and is a firewall dropping \
             port {port}? wait longer with --timeout"
        ),
        _ => format!("check --host and --port (tried {address})"),
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
        return anyhow!("resolving {host}: no address found for port {port}");
    };
    let hint = connect_hint(&error, address, timeout);
    Err::<(), _>(error)
        .with_context(|| format!("connecting to {address}"))
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

    fn hint(error: io::Error, address: &str) -> String {
        let address: SocketAddr = address.parse().unwrap();
        connect_hint(&error, address, Duration::from_secs(5))
    }

    /// Refused on loopback: nothing runs here. Refused from another machine's address: most
    /// often a server there listening on 127.0.0.1 only (the Two computers chapter's sample).
    #[test]
    fn a_refused_connect_to_another_machine_says_to_bind_every_interface() {
        let refused = || io::Error::from(io::ErrorKind::ConnectionRefused);
        let here = hint(refused(), "127.0.0.1:7878");
        assert!(here.starts_with("is the server running?"), "{here}");
        assert!(!here.contains("--bind"), "{here}");
        assert!(hint(refused(), "127.0.0.1:9000").ends_with(" -- --port 9000"));
        let there = hint(refused(), "10.79.0.1:7878");
        assert!(
            there.contains("cargo run -p tcp-echo-server -- --bind 0.0.0.0")
                && there.contains("127.0.0.1"),
            "{there}"
        );
        assert!(hint(refused(), "10.79.0.1:9000").ends_with("--bind 0.0.0.0 --port 9000"));
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
        let hint = hint(io::Error::from_raw_os_error(code), "10.79.0.9:7878");
        assert!(
            hint.starts_with("no machine answered at 10.79.0.9"),
            "{hint}"
        );
        for cause in ["isolation", "firewall", "Local Network"] {
            assert!(hint.contains(cause), "{hint}");
        }
    }

    /// Our --timeout ran out (std's connect_timeout: no OS code), or the OS gave up by
    /// itself (ETIMEDOUT, after its own retries): waiting longer helps only in the first case.
    #[test]
    fn a_connect_timeout_says_whose_timeout_it_was() {
        let ours = io::Error::new(io::ErrorKind::TimedOut, "connection timed out");
        let ours = hint(ours, "10.79.0.1:7878");
        assert!(ours.starts_with("nothing answered within 5s"), "{ours}");
        assert!(ours.contains("--timeout"), "{ours}");
        let code = if cfg!(windows) {
            10060 // WSAETIMEDOUT
        } else if cfg!(target_os = "macos") {
            60
        } else {
            110
        };
        let the_os = hint(io::Error::from_raw_os_error(code), "10.79.0.1:7878");
        assert!(
            the_os.starts_with("nothing answered: is 10.79.0.1"),
            "{the_os}"
        );
        assert!(!the_os.contains("--timeout"), "{the_os}");
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
