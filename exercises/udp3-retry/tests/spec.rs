//! The spec of the quote client: a real UDP quote server on loopback, port 0, that ignores
//! requests by rule, and deadlines, so a wrong client fails and never hangs. A failure says
//! what the server received and what your `request` returned (the `speckit` helpers).

use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use speckit::{Doing, call, describe, duration, expected_got, fail, io_error, quote};
use udp3_retry::request;

// Generous for loopback: a busy machine must not make the client resend an answered request.
const TIMEOUT: Duration = Duration::from_millis(400);

struct QuoteServer {
    addr: SocketAddr,
    /// One message per datagram the server receives, as it receives it: the request, or the
    /// datagram when it is not the request.
    requests: mpsc::Receiver<Result<(), Vec<u8>>>,
    /// The requests the server ignores, as if they were lost.
    ignored: u32,
}

impl QuoteServer {
    /// How many requests arrived: the `expected` ones, waited for, plus any that arrive
    /// soon after (a client that sent too many has sent them all by the time it returns).
    fn requests_received(&self, expected: u32) -> u32 {
        let mut received = 0;
        while received < expected && self.next_request(Duration::from_secs(5)) {
            received += 1;
        }
        while self.next_request(Duration::from_millis(200)) {
            received += 1;
        }
        received
    }

    fn next_request(&self, within: Duration) -> bool {
        match self.requests.recv_timeout(within) {
            Ok(Ok(())) => true,
            Ok(Err(datagram)) => fail(expected_got(
                "a datagram the spec's quote server received from your `request`",
                quote(b"QUOTE PETR4"),
                quote(&datagram),
            )),
            Err(_) => false,
        }
    }

    /// Checks how many requests arrived, for a client that is done.
    fn check_requests(&self, expected: u32, why: &str) {
        let received = self.requests_received(expected);
        let what = format!("the requests the spec's quote server received ({why})");
        if received < expected {
            fail(format!(
                "{}\nWhen no reply comes within the timeout, send the request again, up to \
                 `attempts` times.",
                expected_got(&what, expected, received)
            ));
        }
        if received > expected {
            fail(format!(
                "{}\nSend again only when no reply came within the timeout; stop at the \
                 first reply.",
                expected_got(&what, expected, received)
            ));
        }
    }

    /// What the server did, for a message.
    fn story(&self, received: u32) -> String {
        let ignored = match self.ignored {
            0 => "answers every request at once".to_string(),
            u32::MAX => "never answers, as if every request were lost".to_string(),
            n => format!("ignores the first {n} requests, as if they were lost, then answers"),
        };
        format!(
            "the spec's quote server {ignored}; it received {}",
            speckit::count(received as usize, "request")
        )
    }
}

/// A quote server that ignores the first `ignored` requests (as if they were lost), then
/// answers `PETR4 38.12`. When `stranger` is set, another socket sends a fake quote to the
/// client just before the real answer.
fn quote_server(ignored: u32, stranger: bool) -> QuoteServer {
    let socket = UdpSocket::bind("127.0.0.1:0").doing("setting up: binding 127.0.0.1:0");
    let addr = socket
        .local_addr()
        .doing("setting up: the server's address");
    // A bound on the thread's life only: the test counts requests through the channel.
    socket
        .set_read_timeout(Some(Duration::from_secs(60)))
        .doing("setting up: the server's read timeout");
    let impostor = UdpSocket::bind("127.0.0.1:0").doing("setting up: binding the impostor");
    let (requests_tx, requests_rx) = mpsc::channel();
    thread::spawn(move || {
        let mut buffer = [0u8; 1500];
        let mut requests = 0;
        while let Ok((len, client)) = socket.recv_from(&mut buffer) {
            if &buffer[..len] != b"QUOTE PETR4" {
                // Not the request: no answer; the test says so.
                if requests_tx.send(Err(buffer[..len].to_vec())).is_err() {
                    break;
                }
                continue;
            }
            requests += 1;
            if requests_tx.send(Ok(())).is_err() {
                break; // the test is over
            }
            if requests <= ignored {
                continue;
            }
            // The server's sends fail only when the client has gone: nothing more to answer.
            if stranger {
                let _ = impostor.send_to(b"PETR4 0.01", client);
            }
            let _ = socket.send_to(b"PETR4 38.12", client);
        }
    });
    QuoteServer {
        addr,
        requests: requests_rx,
        ignored,
    }
}

/// Runs `request` in a thread, with a deadline.
fn ask(server: &QuoteServer, attempts: u32) -> io::Result<Vec<u8>> {
    let addr = server.addr;
    let mut client = call("request", move || {
        request(addr, b"QUOTE PETR4", TIMEOUT, attempts)
    });
    let deadline = TIMEOUT * attempts + Duration::from_secs(3);
    let context = format!(
        ", with {attempts} attempts of {} each: it gives up after the last one",
        duration(TIMEOUT)
    );
    client.returned(deadline, &context)
}

/// The counts of requests the server received, right now: the client is done.
fn received_now(server: &QuoteServer) -> u32 {
    let mut received = 0;
    while server.next_request(Duration::from_millis(200)) {
        received += 1;
    }
    received
}

/// Checks `request` returned the real quote; `attempts` is what the client was given.
fn check_reply(server: &QuoteServer, result: io::Result<Vec<u8>>, attempts: u32) {
    let expected = describe(b"PETR4 38.12");
    match result {
        Ok(reply) if reply == b"PETR4 38.12" => {}
        Ok(reply) => {
            let mut message = expected_got(
                "the reply your `request` returned",
                expected,
                describe(&reply),
            );
            if reply == b"PETR4 0.01" {
                message.push_str(
                    "\n\"PETR4 0.01\" came from another socket, not from the server's address: \
                     anybody can send a datagram to your port. The reply is the first datagram \
                     from `server` (`connect` the socket, or check the address `recv_from` \
                     gives).",
                );
            }
            fail(message)
        }
        Err(error) => {
            let received = received_now(server);
            let mut message = format!(
                "{}\n({})",
                expected_got(
                    "what your `request` returned",
                    format!("Ok({})", quote(b"PETR4 38.12")),
                    format!("an error: {}", io_error(&error))
                ),
                server.story(received)
            );
            if received < attempts && received <= server.ignored {
                message.push_str(&format!(
                    "\nWhen no reply comes within the timeout, send the request again, up to \
                     `attempts` times ({attempts} here)."
                ));
            }
            fail(message)
        }
    }
}

#[test]
fn returns_the_reply_when_the_first_request_is_answered() {
    let server = quote_server(0, false);
    check_reply(&server, ask(&server, 3), 3);
    server.check_requests(1, "it answers the first one at once");
}

#[test]
fn sends_the_request_again_when_no_reply_comes() {
    let server = quote_server(2, false);
    check_reply(&server, ask(&server, 4), 4);
    server.check_requests(3, "it ignores the first 2 and answers the 3rd");
}

#[test]
fn gives_up_after_the_last_attempt_with_timed_out() {
    let server = quote_server(u32::MAX, false);
    let started = Instant::now();
    let result = ask(&server, 3);
    let took = started.elapsed();
    let what = "what your `request` returned, after 3 attempts that got no reply";
    let expected = "an error of kind TimedOut";
    match result {
        Ok(reply) => fail(expected_got(
            what,
            expected,
            format!("Ok({})", describe(&reply)),
        )),
        Err(error) if error.kind() != io::ErrorKind::TimedOut => {
            let mut message = expected_got(what, expected, io_error(&error));
            if error.kind() == io::ErrorKind::WouldBlock {
                message.push_str(
                    "\nAn expired read timeout is WouldBlock on Linux and macOS, TimedOut on \
                     Windows: give up with `io::Error::new(io::ErrorKind::TimedOut, ...)`, the \
                     same error on every platform.",
                );
            }
            fail(message)
        }
        Err(_) => {}
    }
    server.check_requests(3, "it never answers: 3 attempts, 3 requests");
    if took < TIMEOUT * 3 {
        fail(expected_got(
            "how long your `request` took to give up, with 3 attempts",
            format!(
                "at least {}: 3 attempts, each waiting {}",
                duration(TIMEOUT * 3),
                duration(TIMEOUT)
            ),
            duration(took),
        ));
    }
}

#[test]
fn a_fake_reply_from_another_address_is_not_the_answer() {
    let server = quote_server(0, true);
    check_reply(&server, ask(&server, 3), 3);
}
