//! The spec of the echo desk: real TCP connections on loopback, port 0, with deadlines, so a
//! wrong handler fails and never hangs. A failure says what your echo desk did, in words
//! (the `speckit` helpers, shared by every exercise's spec), in English or in Portuguese: the
//! sentences of this spec are in the module `words`, at the end.

use std::io::{self, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::thread;
use std::time::Duration;

use speckit::{
    Call, Doing, OrFail, bytes_differ, call, check_eq, count, fail, panicked, quote,
    returned_an_error,
};
use tcp1_echo_handler::handle;

const DEADLINE: Duration = Duration::from_secs(5);

/// A client connected to the echo desk, and `handle` running on the accepted stream.
struct Desk {
    client: TcpStream,
    handler: Call<io::Result<u64>>,
}

fn echo_desk() -> Desk {
    let listener = TcpListener::bind("127.0.0.1:0").doing(&words::binding());
    let addr = listener.local_addr().doing(&words::listener_address());
    let client = TcpStream::connect(addr).doing(&words::connecting());
    let (server, _) = listener.accept().doing(&words::accepting());
    let handler = call("handle", move || handle(server));
    client
        .set_read_timeout(Some(DEADLINE))
        .doing(&words::read_timeout());
    client
        .set_write_timeout(Some(DEADLINE))
        .doing(&words::write_timeout());
    Desk { client, handler }
}

impl Desk {
    fn send(&mut self, bytes: &[u8]) {
        let step = words::sending(&quote(bytes));
        let sent = self.client.write_all(bytes).step(&step);
        sent.or_fail_adding(|| self.handler_state());
    }

    /// Reads `expected.len()` bytes and checks they are `expected`, the echo of `what`.
    fn read_echo(&mut self, expected: &[u8], what: &str) {
        let step = words::reading_the_echo(what);
        let who = words::desk();
        let read = speckit::read_exactly(&mut self.client, expected.len(), &step, &who);
        let echo = read.or_fail_adding(|| self.handler_state());
        if echo != expected {
            fail(format!(
                "{}{}",
                bytes_differ(&words::the_echo_of(what), expected, &echo),
                stale_bytes(&echo)
            ));
        }
    }

    /// The client closes its side: the echo desk reads the end of the stream (`Ok(0)`).
    fn close_client_side(&mut self) {
        let closed = self
            .client
            .shutdown(Shutdown::Write)
            .step(&words::closing_the_client_side());
        closed.or_fail_adding(|| self.handler_state());
    }

    /// Waits for `handle` to return, and checks the count it returns.
    fn handle_returns(&mut self, echoed: usize) {
        let returned = self
            .handler
            .returned(DEADLINE, &words::after_the_client_closed());
        match returned {
            Ok(count) => check_eq(&words::the_count(), echoed as u64, count),
            Err(error) => fail(returned_an_error("handle", &error)),
        }
    }

    /// After `handle` returned, the client sees the end of the stream and nothing else.
    fn nothing_more(&mut self, after: &str) {
        let step = words::reading_what_came_after(after);
        let rest = speckit::read_to_end(&mut self.client, &step, &words::desk()).or_fail();
        if !rest.is_empty() {
            fail(format!(
                "{}{}",
                words::sent_more(after, &count(rest.len(), "byte"), &quote(&rest)),
                stale_bytes(&rest)
            ));
        }
    }

    /// Why the echo desk may have stopped answering: `handle` returned, or panicked.
    fn handler_state(&mut self) -> String {
        let function = self.handler.function();
        match self.handler.ended_within(Duration::from_millis(200)) {
            None => String::new(),
            Some(Ok(Ok(echoed))) => words::had_returned(*echoed),
            Some(Ok(Err(error))) => words::before_that(&returned_an_error(function, error)),
            Some(Err(message)) => words::before_that(&panicked(function, message)),
        }
    }
}

/// Zeros the client never sent are the rest of a buffer.
fn stale_bytes(got: &[u8]) -> String {
    if got.windows(4).any(|window| window == [0; 4]) {
        words::stale_bytes()
    } else {
        String::new()
    }
}

#[test]
fn echoes_one_message_and_returns_its_length() {
    let mut desk = echo_desk();
    let message = b"ping from the chat client\n";
    desk.send(message);
    desk.read_echo(message, &quote(message));
    desk.close_client_side();
    desk.handle_returns(message.len());
    desk.nothing_more(&words::the_echo_of(&quote(message)));
}

#[test]
fn keeps_echoing_message_after_message_on_one_connection() {
    let mut desk = echo_desk();
    let messages: [&[u8]; 3] = [b"hello\n", b"are you there?\n", b"bye\n"];
    for (index, message) in messages.iter().enumerate() {
        // Wait for each echo before writing the next, so that they arrive as separate reads.
        let what = words::nth_message(index + 1, &quote(message));
        desk.send(message);
        desk.read_echo(message, &what);
    }
    desk.close_client_side();
    desk.handle_returns(messages.iter().map(|m| m.len()).sum());
    desk.nothing_more(&words::the_echo_of_the_3_messages());
}

#[test]
fn returns_as_soon_as_the_peer_closes_its_side() {
    let mut desk = echo_desk();
    desk.close_client_side();
    desk.handle_returns(0);
    desk.nothing_more(&words::a_connection_with_nothing_sent());
}

#[test]
fn echoes_a_megabyte_written_while_the_echo_is_read() {
    let mut desk = echo_desk();
    let data: Vec<u8> = (0..1_048_576u32).map(|i| (i % 251) as u8).collect();
    let mut writer = desk.client.try_clone().doing(&words::second_handle());
    let to_send = data.clone();
    // Write and read at the same time: a megabyte does not fit in the socket buffers at once.
    let sender = thread::spawn(move || -> io::Result<()> {
        writer.write_all(&to_send)?;
        writer.shutdown(Shutdown::Write)
    });
    desk.read_echo(&data, &words::a_megabyte());
    match sender.join() {
        Ok(sent) => sent.step(&words::sending_a_megabyte()).or_fail(),
        Err(_) => fail(words::sender_panicked()),
    }
    desk.handle_returns(data.len());
    desk.nothing_more(&words::the_echo_of_the_megabyte());
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

    pub fn connecting() -> String {
        en_pt!(
            "setting up: connecting the client",
            "preparando: conectando o cliente"
        )
    }

    pub fn accepting() -> String {
        en_pt!(
            "setting up: accepting the client",
            "preparando: aceitando o cliente"
        )
    }

    pub fn read_timeout() -> String {
        en_pt!(
            "setting up: the client's read timeout",
            "preparando: o timeout de leitura do cliente"
        )
    }

    pub fn write_timeout() -> String {
        en_pt!(
            "setting up: the client's write timeout",
            "preparando: o timeout de escrita do cliente"
        )
    }

    pub fn second_handle() -> String {
        en_pt!(
            "setting up: a second handle on the client",
            "preparando: uma segunda referência ao socket do cliente (try_clone)"
        )
    }

    /// The other end, as the messages name it.
    pub fn desk() -> String {
        en_pt!("your echo desk", "seu balcão de eco")
    }

    pub fn sending(bytes: &str) -> String {
        en_pt!(
            "sending {bytes} to your echo desk",
            "enviando {bytes} ao seu balcão de eco"
        )
    }

    pub fn reading_the_echo(what: &str) -> String {
        let de_what = speckit::de(what);
        en_pt!(
            "reading the echo of {what} from your echo desk",
            "lendo o eco {de_what} vindo do seu balcão de eco"
        )
    }

    pub fn the_echo_of(what: &str) -> String {
        let de_what = speckit::de(what);
        en_pt!("the echo of {what}", "o eco {de_what}")
    }

    pub fn closing_the_client_side() -> String {
        en_pt!(
            "closing the client's side of the connection (shutdown(Write))",
            "fechando o lado do cliente na conexão (shutdown(Write))"
        )
    }

    pub fn after_the_client_closed() -> String {
        en_pt!(
            " after the client closed its side (shutdown(Write)): a `read` that returns Ok(0) \
             means the peer closed its side: stop there and return the count",
            " depois que o cliente fechou o lado dele (shutdown(Write)): um `read` que retorna \
             Ok(0) quer dizer que o outro lado fechou o lado dele: pare aí e retorne a contagem"
        )
    }

    pub fn the_count() -> String {
        en_pt!(
            "the count your `handle` returned (the bytes it echoed)",
            "a contagem que sua função `handle` retornou (os bytes que ela ecoou)"
        )
    }

    pub fn reading_what_came_after(after: &str) -> String {
        let de_after = speckit::de(after);
        en_pt!(
            "reading what your echo desk sent after {after}",
            "lendo o que o seu balcão de eco enviou depois {de_after}"
        )
    }

    pub fn sent_more(after: &str, count: &str, bytes: &str) -> String {
        let de_after = speckit::de(after);
        en_pt!(
            "after {after}, your echo desk sent {count} more, which the client never sent: \
             {bytes}",
            "depois {de_after}, o seu balcão de eco enviou mais {count}, que o cliente nunca \
             enviou: {bytes}"
        )
    }

    pub fn had_returned(echoed: u64) -> String {
        en_pt!(
            "Before that, your `handle` had returned Ok({echoed}): when it returns, its stream \
             is dropped and the connection closes. The echo desk echoes until the client closes \
             its side.",
            "Antes disso, sua função `handle` já tinha retornado Ok({echoed}): quando ela \
             retorna, o `TcpStream` dela é descartado (drop) e a conexão fecha. O balcão de eco \
             ecoa até o cliente fechar o lado dele."
        )
    }

    /// `what` is already a sentence of speckit's: "your `handle` panicked: ...".
    pub fn before_that(what: &str) -> String {
        en_pt!("Before that, {what}", "Antes disso, {what}")
    }

    pub fn stale_bytes() -> String {
        en_pt!(
            "\nZero bytes the client never sent: does your code write back its whole buffer, \
             instead of only the bytes this `read` returned (`&buffer[..n]`)?",
            "\nBytes zero que o cliente nunca enviou: seu código devolve o buffer inteiro, em \
             vez de só os bytes que este `read` retornou (`&buffer[..n]`)?"
        )
    }

    pub fn nth_message(n: usize, message: &str) -> String {
        let nth = speckit::ordinal(n);
        en_pt!(
            "the {nth} message on this connection ({message})",
            "a {n}ª mensagem nesta conexão ({message})"
        )
    }

    pub fn the_echo_of_the_3_messages() -> String {
        en_pt!("the echo of the 3 messages", "o eco das 3 mensagens")
    }

    pub fn a_connection_with_nothing_sent() -> String {
        en_pt!(
            "a connection on which the client sent nothing",
            "uma conexão em que o cliente não enviou nada"
        )
    }

    pub fn a_megabyte() -> String {
        en_pt!(
            "a megabyte (1,048,576 bytes)",
            "um megabyte (1.048.576 bytes)"
        )
    }

    pub fn sending_a_megabyte() -> String {
        en_pt!(
            "sending a megabyte to your echo desk",
            "enviando um megabyte ao seu balcão de eco"
        )
    }

    pub fn sender_panicked() -> String {
        en_pt!(
            "the spec's sending thread panicked",
            "a thread de envio da especificação entrou em pânico (panic)"
        )
    }

    pub fn the_echo_of_the_megabyte() -> String {
        en_pt!("the echo of the megabyte", "o eco do megabyte")
    }
}
