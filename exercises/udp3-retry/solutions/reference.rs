//! # udp3-retry: asking the quote service (reference solution)

use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::time::Duration;

/// Sends `request` to `server` up to `attempts` times, waiting `timeout` after each send, and
/// returns the first reply from `server`.
pub fn request(
    server: SocketAddr,
    request: &[u8],
    timeout: Duration,
    attempts: u32,
) -> io::Result<Vec<u8>> {
    let socket = UdpSocket::bind("127.0.0.1:0")?;
    // A connected UDP socket: `send` goes to `server`, and the kernel discards datagrams
    // from any other address instead of handing them to `recv`.
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
    Err(io::Error::new(
        io::ErrorKind::TimedOut,
        format!("no reply from {server} after {attempts} attempts of {timeout:?}"),
    ))
}
