//! The TCP lesson's server, minimal: bind a port, `accept` each client, echo its bytes back.
//! Each accepted socket keeps the listener's port; a thread per client serves many at once.
//!
//! ```text
//! cargo run --example tcp-echo-server-minimal        # terminal 1 (or: -- 127.0.0.1:0)
//! cargo run --example tcp-client-minimal             # terminal 2, then type lines
//! ```
// The full program (src/main.rs) adds: a client cap, idle timeouts, accept errors survived, hints.

use std::env;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;

fn main() -> std::io::Result<()> {
    let address = env::args().nth(1).unwrap_or("127.0.0.1:7878".into());
    // bind and listen: from now on the OS completes clients' handshakes and queues them.
    let listener = TcpListener::bind(address)?;
    let local = listener.local_addr()?;
    eprintln!("bind     {local} (TCP listener); waiting for clients");
    loop {
        // accept takes the next queued client and returns a new socket connected to it.
        let (stream, peer) = listener.accept()?;
        let on = stream.local_addr()?;
        eprintln!("accept   from {peer} on {on} (a new socket, the same port)");
        // One thread per client: each blocks in read on its own connection only.
        thread::spawn(move || match echo(stream) {
            Ok(()) => eprintln!("close    {peer}: end of stream"),
            Err(error) => eprintln!("close    {peer}: {error}"),
        });
    }
}

/// Writes back whatever `read` returns (TCP is a byte stream) until the client closes.
fn echo(mut stream: TcpStream) -> std::io::Result<()> {
    let mut buffer = [0; 4096];
    loop {
        let n = stream.read(&mut buffer)?;
        if n == 0 {
            return Ok(()); // end of stream: the client shut down its sending side
        }
        stream.write_all(&buffer[..n])?; // write_all: a write may take only part
    }
}
