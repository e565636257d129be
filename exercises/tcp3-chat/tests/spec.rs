//! The spec of the chat room: real TCP clients on loopback, a server on port 0, read timeouts
//! on every client, so a wrong server fails and never hangs.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::thread;
use std::time::Duration;

use tcp3_chat::serve;

const DEADLINE: Duration = Duration::from_secs(5);

/// Starts a chat room on a fresh port; it runs in a thread until the test ends.
fn start_room() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || serve(listener));
    addr
}

struct Client {
    name: &'static str,
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl Client {
    /// Connects and waits for `welcome\n`: from then on, the client is in the room.
    fn join(room: SocketAddr, name: &'static str) -> Client {
        let stream = TcpStream::connect(room).unwrap();
        stream.set_read_timeout(Some(DEADLINE)).unwrap();
        stream.set_write_timeout(Some(DEADLINE)).unwrap();
        let writer = stream.try_clone().unwrap();
        let mut client = Client {
            name,
            reader: BufReader::new(stream),
            writer,
        };
        assert_eq!(client.next_line(), "welcome\n", "{name}'s first line");
        client
    }

    fn say(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
    }

    fn next_line(&mut self) -> String {
        let mut line = String::new();
        match self.reader.read_line(&mut line) {
            Ok(0) => panic!("{}: the server closed the connection", self.name),
            Ok(_) => line,
            Err(e) => panic!(
                "{}: no line within {DEADLINE:?} ({e}); got so far: {line:?}",
                self.name
            ),
        }
    }
}

#[test]
fn greets_each_client_that_joins() {
    let room = start_room();
    Client::join(room, "ana");
}

#[test]
fn serves_a_second_client_while_the_first_is_connected() {
    let room = start_room();
    let _ana = Client::join(room, "ana");
    let _bruno = Client::join(room, "bruno");
}

#[test]
fn relays_a_line_to_every_other_client() {
    let room = start_room();
    let mut ana = Client::join(room, "ana");
    let mut bruno = Client::join(room, "bruno");
    let mut carla = Client::join(room, "carla");
    ana.say("oi, pessoal!\n");
    assert_eq!(bruno.next_line(), "oi, pessoal!\n");
    assert_eq!(carla.next_line(), "oi, pessoal!\n");
}

#[test]
fn does_not_send_a_line_back_to_its_sender() {
    let room = start_room();
    let mut ana = Client::join(room, "ana");
    let mut bruno = Client::join(room, "bruno");
    ana.say("anyone here?\n");
    assert_eq!(bruno.next_line(), "anyone here?\n");
    bruno.say("me!\n");
    // The first line ana gets is bruno's: her own never comes back.
    assert_eq!(ana.next_line(), "me!\n");
}

#[test]
fn relays_whole_lines_that_arrive_in_pieces_and_lines_that_arrive_together() {
    let room = start_room();
    let mut ana = Client::join(room, "ana");
    let mut bruno = Client::join(room, "bruno");
    ana.writer.set_nodelay(true).unwrap();
    ana.say("the meeting ");
    ana.say("is at ");
    ana.say("ten\nbring coffee\n");
    assert_eq!(bruno.next_line(), "the meeting is at ten\n");
    assert_eq!(bruno.next_line(), "bring coffee\n");
}

#[test]
fn the_room_goes_on_when_a_client_leaves() {
    let room = start_room();
    let mut ana = Client::join(room, "ana");
    let mut bruno = Client::join(room, "bruno");
    let carla = Client::join(room, "carla");
    drop(carla);
    for line in ["carla left\n", "still here?\n", "yes\n"] {
        ana.say(line);
        assert_eq!(bruno.next_line(), line);
    }
    let mut davi = Client::join(room, "davi");
    bruno.say("hi davi\n");
    assert_eq!(davi.next_line(), "hi davi\n");
    assert_eq!(ana.next_line(), "hi davi\n");
}
