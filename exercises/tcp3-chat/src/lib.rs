//! # tcp3-chat: the chat room
//!
//! A tiny chat room over TCP, the program the lesson's Java course ends with: every client
//! connects to one server, and each line a client sends goes to every *other* client.
//!
//! The protocol, byte for byte:
//! - when a client connects, the server adds it to the room, then sends it `welcome\n`;
//! - each line a client sends (bytes up to and including `\n`) goes, unchanged, to every
//!   other client in the room, never back to its sender;
//! - a client that leaves (end of stream, or an error) leaves the room; the others stay.
//!
//! Several clients talk at once, so `accept` cannot wait for one client to finish: give each
//! client a thread of its own, and share the room (the other clients' streams) between them.
//!
//! Check your work with `cargo run -p exercises -- check tcp3-chat`.

use std::io;
use std::net::TcpListener;

// ANCHOR: stub
/// Runs the chat room on `listener`, forever (it returns only if `accept` fails).
pub fn serve(listener: TcpListener) -> io::Result<()> {
    // TODO: the room: the streams of the connected clients, shared by every client's thread,
    //       e.g. `Arc<Mutex<Vec<(usize, TcpStream)>>>` (an id tells the sender apart).
    // TODO: for each stream from `listener.incoming()`: put a `try_clone` of it in the room,
    //       *then* write `welcome\n` to it, then spawn a thread for it.
    // TODO: in that thread, read lines (`BufReader::read_line` keeps the `\n`) and write
    //       each one to every other client; a write that fails means that client is gone.
    // TODO: when `read_line` returns 0, the client left: take it out of the room.
    let _ = listener;
    todo!("accept clients and relay each line to the others")
}
// ANCHOR_END: stub
