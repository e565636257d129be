//! WRONG on purpose: serves the clients one after the other in the accept loop, with no
//! thread. The second client waits, unwelcomed, until the first one leaves.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};

pub fn serve(listener: TcpListener) -> io::Result<()> {
    let mut room: Vec<TcpStream> = Vec::new();
    for stream in listener.incoming() {
        let mut stream = stream?;
        room.push(stream.try_clone()?);
        stream.write_all(b"welcome\n")?;
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        while reader.read_line(&mut line)? > 0 {
            for other in &mut room {
                let _ = other.write_all(line.as_bytes());
            }
            line.clear();
        }
    }
    Ok(())
}
