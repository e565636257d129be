//! A minimal echo server with std alone, one thread per connection, as a student would write
//! it after the Rust Book's chapter 21: the yardstick tcp-echo-server should match.
//! Prints the address it bound on stderr, in the course's format, for socket-lab to read.

mod args;

use std::io;
use std::net::TcpListener;
use std::thread;

fn main() -> io::Result<()> {
    let addr = args::listen_addr().map_err(io::Error::other)?;
    let listener = TcpListener::bind(addr)?;
    eprintln!("bind     {}", listener.local_addr()?);
    for stream in listener.incoming() {
        // A failed accept (a client that left, no file descriptor free) ends only that client.
        let Ok(stream) = stream else { continue };
        let _ = thread::Builder::new().spawn(move || {
            let (mut from, mut to) = (&stream, &stream);
            let _ = io::copy(&mut from, &mut to);
        });
    }
    Ok(())
}
