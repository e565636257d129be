//! WRONG on purpose: loops forever, even when `read` returns `Ok(0)` (the peer has closed).
//! The handler never returns and spins.

use std::io::{self, Read, Write};
use std::net::TcpStream;

pub fn handle(mut stream: TcpStream) -> io::Result<u64> {
    let mut buffer = [0u8; 4096];
    let mut echoed = 0u64;
    loop {
        let received = stream.read(&mut buffer)?;
        stream.write_all(&buffer[..received])?;
        echoed += received as u64;
        if echoed == u64::MAX {
            return Ok(echoed);
        }
    }
}
