//! WRONG on purpose: retries well, but gives up with the error of the last `recv` as it is:
//! `WouldBlock` ("Resource temporarily unavailable") on Linux, `TimedOut` on Windows. The
//! caller cannot tell a timeout on Unix from a socket in non-blocking mode.

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
    let mut last_error = io::Error::new(io::ErrorKind::InvalidInput, "no attempts");
    for _ in 0..attempts {
        socket.send(request)?;
        match socket.recv(&mut buffer) {
            Ok(len) => return Ok(buffer[..len].to_vec()),
            Err(e) => last_error = e,
        }
    }
    Err(last_error)
}
