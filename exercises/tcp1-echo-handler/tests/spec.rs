//! The spec of the echo desk: real TCP connections on loopback, port 0, with deadlines, so a
//! wrong handler fails and never hangs. A failure says what your echo desk did, in words
//! (the `speckit` helpers, shared by every exercise's spec).

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
const DESK: &str = "your echo desk";

/// A client connected to the echo desk, and `handle` running on the accepted stream.
struct Desk {
    client: TcpStream,
    handler: Call<io::Result<u64>>,
}

fn echo_desk() -> Desk {
    let listener = TcpListener::bind("127.0.0.1:0").doing("setting up: binding 127.0.0.1:0");
    let addr = listener
        .local_addr()
        .doing("setting up: the listener's address");
    let client = TcpStream::connect(addr).doing("setting up: connecting the client");
    let (server, _) = listener.accept().doing("setting up: accepting the client");
    let handler = call("handle", move || handle(server));
    client
        .set_read_timeout(Some(DEADLINE))
        .doing("setting up: the client's read timeout");
    client
        .set_write_timeout(Some(DEADLINE))
        .doing("setting up: the client's write timeout");
    Desk { client, handler }
}

impl Desk {
    fn send(&mut self, bytes: &[u8]) {
        let step = format!("sending {} to {DESK}", quote(bytes));
        let sent = self.client.write_all(bytes).step(&step);
        sent.or_fail_adding(|| self.handler_state());
    }

    /// Reads `expected.len()` bytes and checks they are `expected`, the echo of `what`.
    fn read_echo(&mut self, expected: &[u8], what: &str) {
        let step = format!("reading the echo of {what} from {DESK}");
        let read = speckit::read_exactly(&mut self.client, expected.len(), &step, DESK);
        let echo = read.or_fail_adding(|| self.handler_state());
        if echo != expected {
            fail(format!(
                "{}{}",
                bytes_differ(&format!("the echo of {what}"), expected, &echo),
                stale_bytes(&echo)
            ));
        }
    }

    /// The client closes its side: the echo desk reads the end of the stream (`Ok(0)`).
    fn close_client_side(&mut self) {
        let closed = self
            .client
            .shutdown(Shutdown::Write)
            .step("closing the client's side of the connection (shutdown(Write))");
        closed.or_fail_adding(|| self.handler_state());
    }

    /// Waits for `handle` to return, and checks the count it returns.
    fn handle_returns(&mut self, echoed: usize) {
        let returned = self.handler.returned(
            DEADLINE,
            " after the client closed its side (shutdown(Write)): a `read` that returns Ok(0) \
             means the peer closed its side: stop there and return the count",
        );
        match returned {
            Ok(count) => check_eq(
                "the count your `handle` returned (the bytes it echoed)",
                echoed as u64,
                count,
            ),
            Err(error) => fail(returned_an_error("handle", &error)),
        }
    }

    /// After `handle` returned, the client sees the end of the stream and nothing else.
    fn nothing_more(&mut self, after: &str) {
        let step = format!("reading what {DESK} sent after {after}");
        let rest = speckit::read_to_end(&mut self.client, &step, DESK).or_fail();
        if !rest.is_empty() {
            fail(format!(
                "after {after}, {DESK} sent {} more, which the client never sent: {}{}",
                count(rest.len(), "byte"),
                quote(&rest),
                stale_bytes(&rest)
            ));
        }
    }

    /// Why the echo desk may have stopped answering: `handle` returned, or panicked.
    fn handler_state(&mut self) -> String {
        let function = self.handler.function();
        match self.handler.ended_within(Duration::from_millis(200)) {
            None => String::new(),
            Some(Ok(Ok(echoed))) => format!(
                "Before that, your `handle` had returned Ok({echoed}): when it returns, its \
                 stream is dropped and the connection closes. The echo desk echoes until the \
                 client closes its side."
            ),
            Some(Ok(Err(error))) => {
                format!("Before that, {}", returned_an_error(function, error))
            }
            Some(Err(message)) => format!("Before that, {}", panicked(function, message)),
        }
    }
}

/// Zeros the client never sent are the rest of a buffer.
fn stale_bytes(got: &[u8]) -> &'static str {
    if got.windows(4).any(|window| window == [0; 4]) {
        "\nZero bytes the client never sent: does your code write back its whole buffer, \
         instead of only the bytes this `read` returned (`&buffer[..n]`)?"
    } else {
        ""
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
    desk.nothing_more(&format!("the echo of {}", quote(message)));
}

#[test]
fn keeps_echoing_message_after_message_on_one_connection() {
    let mut desk = echo_desk();
    let messages: [&[u8]; 3] = [b"hello\n", b"are you there?\n", b"bye\n"];
    for (index, message) in messages.iter().enumerate() {
        // Wait for each echo before writing the next, so that they arrive as separate reads.
        let what = format!(
            "the {} message on this connection ({})",
            speckit::ordinal(index + 1),
            quote(message)
        );
        desk.send(message);
        desk.read_echo(message, &what);
    }
    desk.close_client_side();
    desk.handle_returns(messages.iter().map(|m| m.len()).sum());
    desk.nothing_more("the echo of the 3 messages");
}

#[test]
fn returns_as_soon_as_the_peer_closes_its_side() {
    let mut desk = echo_desk();
    desk.close_client_side();
    desk.handle_returns(0);
    desk.nothing_more("a connection on which the client sent nothing");
}

#[test]
fn echoes_a_megabyte_written_while_the_echo_is_read() {
    let mut desk = echo_desk();
    let data: Vec<u8> = (0..1_048_576u32).map(|i| (i % 251) as u8).collect();
    let mut writer = desk
        .client
        .try_clone()
        .doing("setting up: a second handle on the client");
    let to_send = data.clone();
    // Write and read at the same time: a megabyte does not fit in the socket buffers at once.
    let sender = thread::spawn(move || -> io::Result<()> {
        writer.write_all(&to_send)?;
        writer.shutdown(Shutdown::Write)
    });
    desk.read_echo(&data, "a megabyte (1,048,576 bytes)");
    match sender.join() {
        Ok(sent) => sent.step("sending a megabyte to your echo desk").or_fail(),
        Err(_) => fail("the spec's sending thread panicked"),
    }
    desk.handle_returns(data.len());
    desk.nothing_more("the echo of the megabyte");
}
