//! What goes wrong on a server, sorted: a failed `accept`, a client over the cap, and how a
//! connection ended.

use std::fmt;
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::thread;
use std::time::Duration;

use course::narrate;

/// A failed `accept` ends one attempt, not the server: a client that gave up before we
/// accepted it, or a moment without free file descriptors, passes.
pub fn accept_failed(error: &io::Error) {
    match error.kind() {
        // A signal woke us: just accept again.
        io::ErrorKind::Interrupted => {}
        // The client reset or gave up between the handshake and our accept.
        io::ErrorKind::ConnectionAborted | io::ErrorKind::ConnectionReset => {
            narrate!(
                "accept",
                "failed: {error}; the client left before we took it"
            )
        }
        _ => {
            let hint = if is_out_of_descriptors(error) {
                " (every client uses a file descriptor: raise the limit with `ulimit -n`)"
            } else {
                ""
            };
            narrate!("accept", "failed: {error}{hint}; trying again in 100 ms");
            // Not synchronisation: without a pause, a full descriptor table would make
            // accept fail at once, again and again, and spin a core.
            thread::sleep(Duration::from_millis(100));
        }
    }
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

/// Over the cap: one line that says why, then close.
pub fn refuse(mut stream: TcpStream, serving: usize) {
    // Never block the accept loop on this client: the line fits in an empty send buffer.
    let _ = stream.set_nonblocking(true);
    let message = format!(
        "server busy: {} connected, try again later\n",
        course::plural(serving, "client")
    );
    let _ = stream.write_all(message.as_bytes());
    // FIN after the line. Then drop what the client may have sent already: closing a socket
    // with unread data makes the kernel send a reset, which could destroy the line in flight.
    let _ = stream.shutdown(Shutdown::Write);
    let mut unread = [0u8; 4096];
    for _ in 0..16 {
        match stream.read(&mut unread) {
            Ok(n) if n > 0 => continue,
            _ => break,
        }
    }
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

impl fmt::Display for Ending {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ending::EndOfStream => f.write_str("client finished sending (end of stream)"),
            Ending::Reset => f.write_str("client reset the connection (RST)"),
            Ending::IdleTimeout(after) => write!(f, "idle timeout, nothing received for {after:?}"),
            Ending::WriteTimeout(after) => {
                write!(f, "client stopped reading, a send waited {after:?}")
            }
            Ending::Vanished(error) => write!(f, "client went away while we sent ({error})"),
            Ending::Failed(error) => write!(f, "error: {error}"),
        }
    }
}
