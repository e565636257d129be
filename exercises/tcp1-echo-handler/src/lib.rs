//! # tcp1-echo-handler: the echo desk
//!
//! The course's chat service keeps an *echo desk*: a port where a client checks its connection
//! by sending anything and getting exactly those bytes back. The server accepts each connection
//! and hands the stream to `handle`, the function you write.
//!
//! TCP is a byte stream, not a stream of messages: one `read` returns whatever has arrived so
//! far, a piece of what the peer wrote or several of its writes at once.
//!
//! The tests in `tests/spec.rs` are the spec. Check your work with
//! `cargo run -p exercises -- check tcp1-echo-handler`; ask for a hint with
//! `cargo run -p exercises -- hint tcp1-echo-handler`.

use std::io;
use std::net::TcpStream;

// ANCHOR: stub
/// Echoes every byte that arrives on `stream` back to the peer, until the peer closes its
/// side of the connection. Returns how many bytes were echoed.
pub fn handle(stream: TcpStream) -> io::Result<u64> {
    // TODO: bring `std::io::Read` and `std::io::Write` into scope, and make `stream` mutable.
    // TODO: read into a buffer again and again, not once: each `read` returns what has
    //       arrived so far, which may be only a part of what the peer sent.
    // TODO: a `read` that returns `Ok(0)` means the peer closed its side: stop there and
    //       return the count.
    // TODO: write back exactly the bytes that this `read` returned, all of them.
    let _ = stream;
    todo!("echo until the peer closes its side")
}
// ANCHOR_END: stub
