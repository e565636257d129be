//! # tcp1-echo-handler: the echo desk (reference solution)

use std::io::{self, Read, Write};
use std::net::TcpStream;

/// Echoes every byte that arrives on `stream` back to the peer, until the peer closes its
/// side of the connection. Returns how many bytes were echoed.
pub fn handle(mut stream: TcpStream) -> io::Result<u64> {
    let mut buffer = [0u8; 4096];
    let mut echoed = 0u64;
    loop {
        // `read` blocks until some bytes are in the receive buffer, then returns what is there.
        let received = stream.read(&mut buffer)?;
        if received == 0 {
            // Zero bytes: the peer sent FIN, nothing more will ever arrive.
            return Ok(echoed);
        }
        // `write` may accept only part of the bytes when the send buffer is full; `write_all`
        // loops until the kernel has taken them all.
        stream.write_all(&buffer[..received])?;
        echoed += received as u64;
    }
}
