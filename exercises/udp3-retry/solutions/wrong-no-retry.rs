//! WRONG on purpose: one send, one wait. A single lost request is a failed request.

use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::time::Duration;

pub fn request(
    server: SocketAddr,
    request: &[u8],
    timeout: Duration,
    attempts: u32,
) -> io::Result<Vec<u8>> {
    let _ = attempts;
    let socket = UdpSocket::bind("127.0.0.1:0")?;
    socket.connect(server)?;
    socket.set_read_timeout(Some(timeout))?;
    socket.send(request)?;
    let mut buffer = [0u8; 65_536];
    match socket.recv(&mut buffer) {
        Ok(len) => Ok(buffer[..len].to_vec()),
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
            ) =>
        {
            Err(io::Error::new(io::ErrorKind::TimedOut, "no reply"))
        }
        Err(e) => Err(e),
    }
}
