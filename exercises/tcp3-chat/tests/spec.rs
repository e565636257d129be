//! The spec of the chat room: real TCP clients on loopback, a server on port 0, read timeouts
//! on every client, so a wrong server fails and never hangs. A failure says which client
//! waited for what, and what it got (the `speckit` helpers), in English or in Portuguese: the
//! sentences of this spec are in the module `words`, at the end.

use std::io::{BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::time::Duration;

use speckit::{Call, Doing, OrFail, call, expected_got, fail, panicked, quote};
use tcp3_chat::serve;

const DEADLINE: Duration = Duration::from_secs(5);

/// A chat room on a fresh port, `serve` running in a thread until the test ends.
struct Room {
    addr: SocketAddr,
    server: Call<std::io::Result<()>>,
    /// Clients that joined so far, to say who else was in the room.
    joined: Vec<&'static str>,
}

fn start_room() -> Room {
    let listener = TcpListener::bind("127.0.0.1:0").doing(&words::binding());
    let addr = listener.local_addr().doing(&words::listener_address());
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
            Some(Ok(Ok(()))) => words::had_returned(),
            Some(Ok(Err(error))) => {
                words::before_that(&speckit::returned_an_error(function, error))
            }
            Some(Err(message)) => words::before_that(&panicked(function, message)),
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
        let stream = TcpStream::connect(room.addr).doing(&words::connecting(name));
        stream
            .set_read_timeout(Some(DEADLINE))
            .doing(&words::read_timeout());
        stream
            .set_write_timeout(Some(DEADLINE))
            .doing(&words::write_timeout());
        let writer = stream.try_clone().doing(&words::second_handle());
        let mut client = Client {
            name,
            reader: BufReader::new(stream),
            writer,
            said: Vec::new(),
        };
        let others = if room.joined.is_empty() {
            String::new()
        } else {
            words::while_others_are_connected(room.joined.len() + 1, &room.joined)
        };
        let step = words::waiting_for_welcome(name, &others);
        let server = words::server();
        let line = speckit::read_line(&mut client.reader, &step, &server).or_fail_adding(|| {
            let state = room.server_state();
            if state.is_empty() && !others.is_empty() {
                words::one_client_at_a_time()
            } else {
                state
            }
        });
        if line != b"welcome\n" {
            fail(expected_got(
                &words::first_line(name),
                quote(b"welcome\n"),
                quote(&line),
            ));
        }
        room.joined.push(name);
        client
    }

    fn say(&mut self, text: &str) {
        self.writer
            .write_all(text.as_bytes())
            .doing(&words::sending(self.name, &quote(text.as_bytes())));
        self.said.push(text.to_string());
    }

    /// Reads the next line and checks it is `expected`, which `from` sent.
    fn hears(&mut self, expected: &str, from: &str) {
        let quoted = quote(expected.as_bytes());
        let step = words::waiting_for_a_line(self.name, from, &quoted);
        let line = speckit::read_line(&mut self.reader, &step, &words::server()).or_fail();
        if line != expected.as_bytes() {
            let mut message = expected_got(
                &words::the_next_line(self.name, from, &quoted),
                &quoted,
                quote(&line),
            );
            if self.said.iter().any(|said| said.as_bytes() == line) {
                message.push_str(&words::its_own_line(self.name));
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
    ana.writer.set_nodelay(true).doing(&words::nodelay());
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

/// What this spec says, in English and in Portuguese (`en_pt!` gives the one of the run).
mod words {
    use speckit::en_pt;

    pub fn binding() -> String {
        en_pt!(
            "setting up: binding 127.0.0.1:0",
            "preparando: fazendo bind em 127.0.0.1:0"
        )
    }

    pub fn listener_address() -> String {
        en_pt!(
            "setting up: the listener's address",
            "preparando: o endereço do socket de escuta"
        )
    }

    pub fn read_timeout() -> String {
        en_pt!(
            "setting up: a read timeout",
            "preparando: um timeout de leitura"
        )
    }

    pub fn write_timeout() -> String {
        en_pt!(
            "setting up: a write timeout",
            "preparando: um timeout de escrita"
        )
    }

    pub fn second_handle() -> String {
        en_pt!(
            "setting up: a second handle on the stream",
            "preparando: uma segunda referência ao stream (try_clone)"
        )
    }

    pub fn nodelay() -> String {
        en_pt!("setting up: TCP_NODELAY", "preparando: TCP_NODELAY")
    }

    /// The other end, as the messages name it.
    pub fn server() -> String {
        en_pt!("your server", "seu servidor")
    }

    pub fn had_returned() -> String {
        en_pt!(
            "Before that, your `serve` had returned Ok(()): the room is closed, and the clients \
             with it.",
            "Antes disso, sua função `serve` já tinha retornado Ok(()): a sala está fechada, e \
             os clientes junto com ela."
        )
    }

    /// `what` is already a sentence of speckit's: "your `serve` panicked: ...".
    pub fn before_that(what: &str) -> String {
        en_pt!("Before that, {what}", "Antes disso, {what}")
    }

    pub fn connecting(name: &str) -> String {
        en_pt!(
            "{name} connecting to your server",
            "{name} conectando ao seu servidor"
        )
    }

    /// ", the 3rd client, while ana and bruno are still connected".
    pub fn while_others_are_connected(n: usize, joined: &[&str]) -> String {
        let nth = speckit::ordinal(n);
        match joined {
            [one] => en_pt!(
                ", the {nth} client, while {one} is still connected",
                ", o {n}º cliente, enquanto {one} ainda está na sala"
            ),
            many => {
                let and = en_pt!(" and ", " e ");
                let many = many.join(&and);
                en_pt!(
                    ", the {nth} client, while {many} are still connected",
                    ", o {n}º cliente, enquanto {many} ainda estão na sala"
                )
            }
        }
    }

    pub fn waiting_for_welcome(name: &str, others: &str) -> String {
        en_pt!(
            "{name}{others}, waiting for \"welcome\\n\"",
            "{name}{others}, esperando \"welcome\\n\""
        )
    }

    pub fn one_client_at_a_time() -> String {
        en_pt!(
            "Does your server serve one client at a time? `accept` must not wait for a client \
             to leave: give each client a thread of its own.",
            "Seu servidor atende um cliente por vez? O `accept` não pode esperar um cliente \
             sair: dê a cada cliente uma thread própria."
        )
    }

    pub fn first_line(name: &str) -> String {
        en_pt!("{name}'s first line", "a primeira linha de {name}")
    }

    pub fn sending(name: &str, line: &str) -> String {
        en_pt!("{name} sending {line}", "{name} enviando {line}")
    }

    pub fn waiting_for_a_line(name: &str, from: &str, line: &str) -> String {
        en_pt!(
            "{name} waiting for {from}'s line {line}",
            "{name} esperando a linha {line} de {from}"
        )
    }

    pub fn the_next_line(name: &str, from: &str, line: &str) -> String {
        en_pt!(
            "the next line {name} got ({from} had sent {line})",
            "a próxima linha que {name} recebeu ({from} tinha enviado {line})"
        )
    }

    pub fn its_own_line(name: &str) -> String {
        en_pt!(
            "\nThat is {name}'s own line, sent back: a line goes to every client in the room but \
             its sender.",
            "\nEssa é a própria linha de {name}, devolvida: uma linha vai para todos os clientes \
             da sala, menos para quem a enviou."
        )
    }
}
