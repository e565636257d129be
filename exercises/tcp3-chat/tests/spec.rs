//! The spec of the chat room: real TCP clients on loopback, a server on port 0, read timeouts
//! on every client, so a wrong server fails and never hangs. A failure says which client
//! waited for what, and what it got (the `speckit` helpers).

use std::io::{BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::time::Duration;

use speckit::{Call, Doing, OrFail, call, expected_got, fail, ordinal, panicked, quote};
use tcp3_chat::serve;

const DEADLINE: Duration = Duration::from_secs(5);
const SERVER: &str = "your server";

/// A chat room on a fresh port, `serve` running in a thread until the test ends.
struct Room {
    addr: SocketAddr,
    server: Call<std::io::Result<()>>,
    /// Clients that joined so far, to say who else was in the room.
    joined: Vec<&'static str>,
}

fn start_room() -> Room {
    let listener = TcpListener::bind("127.0.0.1:0").doing("setting up: binding 127.0.0.1:0");
    let addr = listener
        .local_addr()
        .doing("setting up: the listener's address");
    let server = call("serve", move || serve(listener));
    Room {
        addr,
        server,
        joined: Vec::new(),
    }
}

impl Room {
    /// Why the server stopped answering, if it did: `serve` returned, or panicked.
    fn server_state(&mut self) -> String {
        let function = self.server.function();
        match self.server.ended_within(Duration::from_millis(100)) {
            None => String::new(),
            Some(Ok(Ok(()))) => {
                "Before that, your `serve` had returned Ok(()): the room is closed, \
                                 and the clients with it."
                    .into()
            }
            Some(Ok(Err(error))) => {
                format!(
                    "Before that, {}",
                    speckit::returned_an_error(function, error)
                )
            }
            Some(Err(message)) => format!("Before that, {}", panicked(function, message)),
        }
    }
}

struct Client {
    name: &'static str,
    reader: BufReader<TcpStream>,
    writer: TcpStream,
    /// The lines this client sent, to recognise one that comes back.
    said: Vec<String>,
}

impl Client {
    /// Connects and waits for `welcome\n`: from then on, the client is in the room.
    fn join(room: &mut Room, name: &'static str) -> Client {
        let stream = TcpStream::connect(room.addr).doing(&format!("{name} connecting to {SERVER}"));
        stream
            .set_read_timeout(Some(DEADLINE))
            .doing("setting up: a read timeout");
        stream
            .set_write_timeout(Some(DEADLINE))
            .doing("setting up: a write timeout");
        let writer = stream
            .try_clone()
            .doing("setting up: a second handle on the stream");
        let mut client = Client {
            name,
            reader: BufReader::new(stream),
            writer,
            said: Vec::new(),
        };
        let others = if room.joined.is_empty() {
            String::new()
        } else {
            format!(
                ", the {} client, while {} still connected",
                ordinal(room.joined.len() + 1),
                match room.joined.as_slice() {
                    [one] => format!("{one} is"),
                    many => format!("{} are", many.join(" and ")),
                }
            )
        };
        let step = format!("{name}{others}, waiting for \"welcome\\n\"");
        let line = speckit::read_line(&mut client.reader, &step, SERVER).or_fail_adding(|| {
            let state = room.server_state();
            if state.is_empty() && !others.is_empty() {
                "Does your server serve one client at a time? `accept` must not wait for a \
                 client to leave: give each client a thread of its own."
                    .to_string()
            } else {
                state
            }
        });
        if line != b"welcome\n" {
            fail(expected_got(
                &format!("{name}'s first line"),
                quote(b"welcome\n"),
                quote(&line),
            ));
        }
        room.joined.push(name);
        client
    }

    fn say(&mut self, text: &str) {
        self.writer.write_all(text.as_bytes()).doing(&format!(
            "{} sending {}",
            self.name,
            quote(text.as_bytes())
        ));
        self.said.push(text.to_string());
    }

    /// Reads the next line and checks it is `expected`, which `from` sent.
    fn hears(&mut self, expected: &str, from: &str) {
        let step = format!(
            "{} waiting for {from}'s line {}",
            self.name,
            quote(expected.as_bytes())
        );
        let line = speckit::read_line(&mut self.reader, &step, SERVER).or_fail();
        if line != expected.as_bytes() {
            let mut message = expected_got(
                &format!(
                    "the next line {} got ({from} had sent {})",
                    self.name,
                    quote(expected.as_bytes())
                ),
                quote(expected.as_bytes()),
                quote(&line),
            );
            if self.said.iter().any(|said| said.as_bytes() == line) {
                message.push_str(&format!(
                    "\nThat is {}'s own line, sent back: a line goes to every client in the \
                     room but its sender.",
                    self.name
                ));
            }
            fail(message);
        }
    }
}

#[test]
fn greets_each_client_that_joins() {
    let mut room = start_room();
    Client::join(&mut room, "ana");
}

#[test]
fn serves_a_second_client_while_the_first_is_connected() {
    let mut room = start_room();
    let _ana = Client::join(&mut room, "ana");
    let _bruno = Client::join(&mut room, "bruno");
}

#[test]
fn relays_a_line_to_every_other_client() {
    let mut room = start_room();
    let mut ana = Client::join(&mut room, "ana");
    let mut bruno = Client::join(&mut room, "bruno");
    let mut carla = Client::join(&mut room, "carla");
    ana.say("oi, pessoal!\n");
    bruno.hears("oi, pessoal!\n", "ana");
    carla.hears("oi, pessoal!\n", "ana");
}

#[test]
fn does_not_send_a_line_back_to_its_sender() {
    let mut room = start_room();
    let mut ana = Client::join(&mut room, "ana");
    let mut bruno = Client::join(&mut room, "bruno");
    ana.say("anyone here?\n");
    bruno.hears("anyone here?\n", "ana");
    bruno.say("me!\n");
    // The first line ana gets is bruno's: her own never comes back.
    ana.hears("me!\n", "bruno");
}

#[test]
fn relays_whole_lines_that_arrive_in_pieces_and_lines_that_arrive_together() {
    let mut room = start_room();
    let mut ana = Client::join(&mut room, "ana");
    let mut bruno = Client::join(&mut room, "bruno");
    ana.writer
        .set_nodelay(true)
        .doing("setting up: TCP_NODELAY");
    ana.say("the meeting ");
    ana.say("is at ");
    ana.say("ten\nbring coffee\n");
    bruno.hears("the meeting is at ten\n", "ana");
    bruno.hears("bring coffee\n", "ana");
}

#[test]
fn the_room_goes_on_when_a_client_leaves() {
    let mut room = start_room();
    let mut ana = Client::join(&mut room, "ana");
    let mut bruno = Client::join(&mut room, "bruno");
    let carla = Client::join(&mut room, "carla");
    drop(carla);
    room.joined.retain(|name| *name != "carla");
    for line in ["carla left\n", "still here?\n", "yes\n"] {
        ana.say(line);
        bruno.hears(line, "ana");
    }
    let mut davi = Client::join(&mut room, "davi");
    bruno.say("hi davi\n");
    davi.hears("hi davi\n", "bruno");
    ana.hears("hi davi\n", "bruno");
}
