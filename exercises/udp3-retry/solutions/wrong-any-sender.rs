//! WRONG on purpose: takes the first datagram from anyone as the reply. Any program that
//! knows the client's port can answer in the server's place.

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
    socket.set_read_timeout(Some(timeout))?;
    let mut buffer = [0u8; 65_536];
    for _ in 0..attempts {
        socket.send_to(request, server)?;
        match socket.recv_from(&mut buffer) {
            Ok((len, _from)) => return Ok(buffer[..len].to_vec()),
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(io::ErrorKind::TimedOut, "no reply"))
}
