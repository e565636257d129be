//! The spec of the quote client: a real UDP quote server on loopback, port 0, that ignores
//! requests by rule, and deadlines, so a wrong client fails and never hangs.

use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use udp3_retry::request;

// Generous for loopback: a busy machine must not make the client resend an answered request.
const TIMEOUT: Duration = Duration::from_millis(400);

struct QuoteServer {
    addr: SocketAddr,
    /// One message per request the server receives, as it receives it.
    requests: mpsc::Receiver<()>,
}

impl QuoteServer {
    /// How many requests arrived: the `expected` ones, waited for, plus any that arrive
    /// soon after (a client that sent too many has sent them all by the time it returns).
    fn requests_received(&self, expected: u32) -> u32 {
        let mut received = 0;
        while received < expected && self.requests.recv_timeout(Duration::from_secs(5)).is_ok() {
            received += 1;
        }
        while self
            .requests
            .recv_timeout(Duration::from_millis(200))
            .is_ok()
        {
            received += 1;
        }
        received
    }
}

/// A quote server that ignores the first `ignored` requests (as if they were lost), then
/// answers `PETR4 38.12`. When `stranger` is set, another socket sends a fake quote to the
/// client just before the real answer.
fn quote_server(ignored: u32, stranger: bool) -> QuoteServer {
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    let addr = socket.local_addr().unwrap();
    let (requests_tx, requests_rx) = mpsc::channel();
    thread::spawn(move || {
        // A bound on the thread's life only: the test counts requests through the channel.
        socket
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        let impostor = UdpSocket::bind("127.0.0.1:0").unwrap();
        let mut buffer = [0u8; 1500];
        let mut requests = 0;
        while let Ok((len, client)) = socket.recv_from(&mut buffer) {
            assert_eq!(
                &buffer[..len],
                b"QUOTE PETR4",
                "the request, as given to `request`"
            );
            requests += 1;
            if requests_tx.send(()).is_err() {
                break; // the test is over
            }
            if requests <= ignored {
                continue;
            }
            if stranger {
                impostor.send_to(b"PETR4 0.01", client).unwrap();
            }
            socket.send_to(b"PETR4 38.12", client).unwrap();
        }
    });
    QuoteServer {
        addr,
        requests: requests_rx,
    }
}

/// Runs `request` in a thread, with a deadline.
fn ask(server: SocketAddr, attempts: u32) -> io::Result<Vec<u8>> {
    let (result_tx, result_rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = result_tx.send(request(server, b"QUOTE PETR4", TIMEOUT, attempts));
    });
    let deadline = TIMEOUT * attempts + Duration::from_secs(3);
    result_rx
        .recv_timeout(deadline)
        .unwrap_or_else(|_| panic!("request did not return within {deadline:?}"))
}

#[test]
fn returns_the_reply_when_the_first_request_is_answered() {
    let server = quote_server(0, false);
    let reply = ask(server.addr, 3).expect("the server answers at once");
    assert_eq!(reply, b"PETR4 38.12");
    assert_eq!(server.requests_received(1), 1, "requests sent");
}

#[test]
fn sends_the_request_again_when_no_reply_comes() {
    let server = quote_server(2, false);
    let reply = ask(server.addr, 4).expect("the third request is answered");
    assert_eq!(reply, b"PETR4 38.12");
    assert_eq!(server.requests_received(3), 3, "requests sent");
}

#[test]
fn gives_up_after_the_last_attempt_with_timed_out() {
    let server = quote_server(u32::MAX, false);
    let started = Instant::now();
    let error = ask(server.addr, 3).expect_err("the server never answers");
    assert_eq!(
        error.kind(),
        io::ErrorKind::TimedOut,
        "the error after the last attempt: {error}"
    );
    assert!(
        started.elapsed() >= TIMEOUT * 3,
        "three attempts take at least three timeouts"
    );
    assert_eq!(server.requests_received(3), 3, "requests sent");
}

#[test]
fn a_fake_reply_from_another_address_is_not_the_answer() {
    let server = quote_server(0, true);
    let reply = ask(server.addr, 3).expect("the real server answers");
    assert_eq!(
        reply, b"PETR4 38.12",
        "the reply must come from the server's address"
    );
}
