//! WRONG on purpose: writes back the whole buffer instead of the bytes this `read` returned,
//! so the peer gets its bytes followed by stale bytes (zeros, or an older message).

use std::io::{self, Read, Write};
use std::net::TcpStream;

pub fn handle(mut stream: TcpStream) -> io::Result<u64> {
    let mut buffer = [0u8; 64];
    let mut echoed = 0u64;
    loop {
        let received = stream.read(&mut buffer)?;
        if received == 0 {
            return Ok(echoed);
        }
        stream.write_all(&buffer)?;
        echoed += received as u64;
    }
}
