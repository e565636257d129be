//! WRONG on purpose: relays each line to everyone in the room, the sender included, so each
//! client sees its own lines come back.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;

pub fn serve(listener: TcpListener) -> io::Result<()> {
    let room: Arc<Mutex<Vec<TcpStream>>> = Arc::new(Mutex::new(Vec::new()));
    for stream in listener.incoming() {
        let mut stream = stream?;
        room.lock().unwrap().push(stream.try_clone()?);
        stream.write_all(b"welcome\n")?;
        let room = Arc::clone(&room);
        thread::spawn(move || {
            let mut reader = BufReader::new(stream);
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 {
                for other in room.lock().unwrap().iter_mut() {
                    let _ = other.write_all(line.as_bytes());
                }
                line.clear();
            }
        });
    }
    Ok(())
}
