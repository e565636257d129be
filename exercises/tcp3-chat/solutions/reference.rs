//! # tcp3-chat: the chat room (reference solution)

use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;

/// The clients in the room, each with an id so that a line is not sent back to its sender.
type Room = Arc<Mutex<Vec<(usize, TcpStream)>>>;

/// Runs the chat room on `listener`, forever (it returns only if `accept` fails).
pub fn serve(listener: TcpListener) -> io::Result<()> {
    let room: Room = Arc::new(Mutex::new(Vec::new()));
    for (id, stream) in listener.incoming().enumerate() {
        let mut stream = stream?;
        // A second handle on the same socket: the room writes on it, the thread reads.
        let Ok(writer) = stream.try_clone() else {
            continue;
        };
        room.lock().unwrap().push((id, writer));
        if stream.write_all(b"welcome\n").is_err() {
            leave(&room, id);
            continue;
        }
        let room = Arc::clone(&room);
        thread::spawn(move || relay_lines(stream, id, &room));
    }
    Ok(())
}

/// Reads the lines of one client and writes each to the other clients, until it leaves.
fn relay_lines(stream: TcpStream, id: usize, room: &Room) {
    let mut reader = BufReader::new(stream);
    let mut line = Vec::new();
    loop {
        line.clear();
        // `read_until` loops over `read` until the `\n`: whole lines, however TCP cut them.
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line.ends_with(b"\n") => {
                let mut clients = room.lock().unwrap();
                // A write that fails means that client is gone: drop it, keep the others.
                clients
                    .retain_mut(|(other, stream)| *other == id || stream.write_all(&line).is_ok());
            }
            // The end of the stream in the middle of a line: not a line, nothing to relay.
            Ok(_) => break,
        }
    }
    leave(room, id);
}

fn leave(room: &Room, id: usize) {
    room.lock().unwrap().retain(|(other, _)| *other != id);
}
