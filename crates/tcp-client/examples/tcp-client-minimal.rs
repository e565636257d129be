//! The TCP lesson's client, minimal: `connect`, send each line you type, print its echo.
//! TCP is a byte stream: the echo may come back in pieces, so read exactly what was sent.
//!
//! ```text
//! cargo run --example tcp-echo-server-minimal        # terminal 1
//! cargo run --example tcp-client-minimal             # terminal 2 (or: -- 127.0.0.1:7878)
//! ```
// The full program (src/main.rs) adds: a connect timeout, two threads for big pipes, hints.

use std::env;
use std::io::{self, BufRead, Read, Write};
use std::net::{Shutdown, TcpStream};

fn main() -> io::Result<()> {
    let address = env::args().nth(1).unwrap_or("127.0.0.1:7878".into());
    // connect: our OS sends SYN, the server's answers SYN-ACK, ours ACK. Connected.
    let mut stream = TcpStream::connect(address)?;
    let (local, server) = (stream.local_addr()?, stream.peer_addr()?);
    eprintln!("connect  from {local} to {server} (the OS picked our port)");
    eprintln!("ready    type a line and press Enter; Ctrl-D (Ctrl-Z on Windows) ends");
    let mut input = io::stdin().lock();
    let mut line = Vec::new();
    while input.read_until(b'\n', &mut line)? > 0 {
        stream.write_all(&line)?;
        eprintln!("send     {} bytes to {server}", line.len());
        let mut echo = vec![0; line.len()];
        stream.read_exact(&mut echo)?; // loops over read until every byte is back
        eprintln!("recv     {} bytes back from {server}", echo.len());
        io::stdout().write_all(&echo)?;
        line.clear();
    }
    // shutdown(Write) sends FIN: the server reads end of stream, and closes its side.
    stream.shutdown(Shutdown::Write)?;
    eprintln!("shutdown write side closed (FIN): the server reads end of stream");
    stream.read_to_end(&mut Vec::new())?;
    eprintln!("close    the server closed its side too (end of stream); done");
    Ok(())
}
