//! WRONG on purpose: retries well, then gives up with `io::Error::other("... timed out ...")`.
//! The words say timeout, but the kind is `Other`, on every OS: a caller that matches on
//! `io::ErrorKind::TimedOut` (the spec's promise) cannot tell a server that never answered
//! from any other failure. Programs read an error's kind; its message is for people.

use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::time::Duration;

pub fn request(
    server: SocketAddr,
    request: &[u8],
    timeout: Duration,
    attempts: u32,
) -> io::Result<Vec<u8>> {
    let socket = UdpSocket::bind("127.0.0.1:0")?;
    socket.connect(server)?;
    socket.set_read_timeout(Some(timeout))?;
    let mut buffer = [0u8; 65_536];
    for _ in 0..attempts {
        socket.send(request)?;
        match socket.recv(&mut buffer) {
            Ok(len) => return Ok(buffer[..len].to_vec()),
            // No reply in time (WouldBlock on Unix, TimedOut on Windows): send it again.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) => {}
            // A port unreachable from an earlier send (nobody listening yet): send it again.
            Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(format!(
        "request to {server} timed out after {attempts} attempts"
    )))
}
