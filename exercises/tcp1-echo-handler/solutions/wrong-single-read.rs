//! WRONG on purpose: one `read`, as if each read returned one whole message. The echo desk
//! answers the first piece that arrives and hangs up.

use std::io::{self, Read, Write};
use std::net::TcpStream;

pub fn handle(mut stream: TcpStream) -> io::Result<u64> {
    let mut buffer = [0u8; 4096];
    let received = stream.read(&mut buffer)?;
    stream.write_all(&buffer[..received])?;
    Ok(received as u64)
}
