//! What goes wrong on a server, sorted: a failed `accept`, and how a connection ended.

use std::fmt;
use std::io;
use std::net::SocketAddr;
use std::thread;
use std::time::Duration;

use course::{say, t};

/// A failed `accept` ends one attempt, not the server: a client that gave up before we
/// accepted it, or a moment without free file descriptors, passes.
pub fn accept_failed(error: &io::Error) {
    match error.kind() {
        // A signal woke us: just accept again.
        io::ErrorKind::Interrupted => {}
        // The client reset or gave up between the handshake and our accept.
        io::ErrorKind::ConnectionAborted | io::ErrorKind::ConnectionReset => {
            say!("accept", "tcp-echo-server.accept-client-left", error)
        }
        _ => {
            if is_out_of_descriptors(error) {
                say!("accept", "tcp-echo-server.accept-retry-descriptors", error);
            } else {
                say!("accept", "tcp-echo-server.accept-retry", error);
            }
            // Not synchronisation: without a pause, a full descriptor table would make
            // accept fail at once, again and again, and spin a core.
            thread::sleep(Duration::from_millis(100));
        }
    }
}

/// Out of threads or memory: std drops the thread's closure, so the stream closes and the
/// connection's place under the cap is given back; the server carries on with the others.
pub fn no_thread(number: u64, peer: SocketAddr, error: &io::Error) {
    say!("close", "tcp-echo-server.no-thread", number, peer, error);
}

/// EMFILE or ENFILE: the process or the whole system has no file descriptor left.
fn is_out_of_descriptors(error: &io::Error) -> bool {
    // std has no ErrorKind for them; the numbers are the same on Linux, macOS and the BSDs.
    #[cfg(unix)]
    const CODES: &[i32] = &[24, 23];
    #[cfg(windows)]
    const CODES: &[i32] = &[10024]; // WSAEMFILE
    #[cfg(not(any(unix, windows)))]
    const CODES: &[i32] = &[];
    error
        .raw_os_error()
        .is_some_and(|code| CODES.contains(&code))
}

/// How a connection ended.
pub enum Ending {
    /// `read` returned 0: the client shut down its sending side or closed.
    EndOfStream,
    /// The client's kernel sent a reset (RST): it closed abruptly or with unread data.
    Reset,
    /// Nothing came for the idle timeout.
    IdleTimeout(Duration),
    /// The client stopped reading: a send blocked for the timeout.
    WriteTimeout(Duration),
    /// The client vanished while we were sending (EPIPE or a reset).
    Vanished(io::Error),
    /// Anything else the OS reported.
    Failed(io::Error),
}

impl Ending {
    /// A failed `read`: a reset, or anything else.
    pub fn read_failed(error: io::Error) -> Ending {
        match error.kind() {
            io::ErrorKind::ConnectionReset => Ending::Reset,
            _ => Ending::Failed(error),
        }
    }

    /// A failed `write`: the client vanished (EPIPE or a reset), or anything else.
    pub fn write_failed(error: io::Error) -> Ending {
        match error.kind() {
            io::ErrorKind::BrokenPipe
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted => Ending::Vanished(error),
            _ => Ending::Failed(error),
        }
    }
}

impl fmt::Display for Ending {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Ending::EndOfStream => t!("tcp-echo-server.end-of-stream"),
            Ending::Reset => t!("tcp-echo-server.reset"),
            Ending::IdleTimeout(after) => {
                t!("tcp-echo-server.idle-timeout", after = format!("{after:?}"))
            }
            Ending::WriteTimeout(after) => {
                t!(
                    "tcp-echo-server.write-timeout",
                    after = format!("{after:?}")
                )
            }
            Ending::Vanished(error) => t!("tcp-echo-server.vanished", error),
            Ending::Failed(error) => t!("tcp-echo-server.failed", error),
        };
        f.write_str(&text)
    }
}
