//! What goes wrong on a client, sorted into hints, and the OS differences that are not the
//! lesson (the Windows console's line ends).

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use course::HintExt;
use course::address::HostPort;

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
    Err::<(), _>(error)
        .with_context(|| format!("sending to {server}"))
        .hint("the server closed the connection while we were sending; look at its terminal")
        .unwrap_err()
}

/// The hint for a `connect` to `target` that failed.
pub fn connect_hint(error: &io::Error, target: &HostPort, timeout: Duration) -> String {
    let (host, port) = (&target.host, target.port);
    if error.kind() == io::ErrorKind::ConnectionRefused {
        let port_option = if port == course::TCP_PORT {
            String::new()
        } else {
            format!(" -- --port {port}")
        };
        format!(
            "is the server running? start it in another terminal with: \
             cargo run -p tcp-echo-server{port_option}"
        )
    } else if course::trouble::timed_out(error) {
        format!(
            "nothing answered within {timeout:?}: is {host} reachable, and is a firewall \
             dropping port {port}? wait longer with --timeout"
        )
    } else {
        format!("check --host and --port (tried {target})")
    }
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
    use super::typed_line;

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
