//! The spec of the quote client: a real UDP quote server on loopback, port 0, that ignores
//! requests by rule, and deadlines, so a wrong client fails and never hangs. A failure says
//! what the server received and what your `request` returned (the `speckit` helpers), in
//! English or in Portuguese: the sentences of this spec are in the module `words`, at the end.

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
                &words::a_datagram_received(),
                quote(b"QUOTE PETR4"),
                quote(&datagram),
            )),
            Err(_) => false,
        }
    }

    /// Checks how many requests arrived, for a client that is done.
    fn check_requests(&self, expected: u32, why: &str) {
        let received = self.requests_received(expected);
        let what = words::the_requests_received(why);
        if received < expected {
            fail(format!(
                "{}{}",
                expected_got(&what, expected, received),
                words::send_again()
            ));
        }
        if received > expected {
            fail(format!(
                "{}{}",
                expected_got(&what, expected, received),
                words::send_again_only_when()
            ));
        }
    }

    /// What the server did, for a message.
    fn story(&self, received: u32) -> String {
        words::story(self.ignored, &speckit::count(received as usize, "request"))
    }
}

/// A quote server that ignores the first `ignored` requests (as if they were lost), then
/// answers `PETR4 38.12`. When `stranger` is set, another socket sends a fake quote to the
/// client just before the real answer.
fn quote_server(ignored: u32, stranger: bool) -> QuoteServer {
    let socket = UdpSocket::bind("127.0.0.1:0").doing(&words::binding());
    let addr = socket.local_addr().doing(&words::server_address());
    // A bound on the thread's life only: the test counts requests through the channel.
    socket
        .set_read_timeout(Some(Duration::from_secs(60)))
        .doing(&words::server_read_timeout());
    let impostor = UdpSocket::bind("127.0.0.1:0").doing(&words::binding_the_impostor());
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
    let context = words::gives_up_after_the_last(attempts, &duration(TIMEOUT));
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
            let mut message = expected_got(&words::the_reply(), expected, describe(&reply));
            if reply == b"PETR4 0.01" {
                message.push_str(&words::from_another_socket());
            }
            fail(message)
        }
        Err(error) => {
            let received = received_now(server);
            let mut message = format!(
                "{}\n({})",
                expected_got(
                    &words::what_request_returned(),
                    format!("Ok({})", quote(b"PETR4 38.12")),
                    words::an_error(&io_error(&error))
                ),
                server.story(received)
            );
            if received < attempts && received <= server.ignored {
                message.push_str(&words::send_again_up_to(attempts));
            }
            fail(message)
        }
    }
}

#[test]
fn returns_the_reply_when_the_first_request_is_answered() {
    let server = quote_server(0, false);
    check_reply(&server, ask(&server, 3), 3);
    server.check_requests(1, &words::answers_the_first());
}

#[test]
fn sends_the_request_again_when_no_reply_comes() {
    let server = quote_server(2, false);
    check_reply(&server, ask(&server, 4), 4);
    server.check_requests(3, &words::answers_the_3rd());
}

#[test]
fn gives_up_after_the_last_attempt_with_timed_out() {
    let server = quote_server(u32::MAX, false);
    let started = Instant::now();
    let result = ask(&server, 3);
    let took = started.elapsed();
    let what = words::after_3_attempts();
    let expected = words::timed_out();
    match result {
        Ok(reply) => fail(expected_got(
            &what,
            &expected,
            format!("Ok({})", describe(&reply)),
        )),
        Err(error) if error.kind() != io::ErrorKind::TimedOut => {
            let mut message = expected_got(&what, &expected, io_error(&error));
            if error.kind() == io::ErrorKind::WouldBlock {
                message.push_str(&words::the_same_error_everywhere());
            }
            fail(message)
        }
        Err(_) => {}
    }
    server.check_requests(3, &words::never_answers());
    if took < TIMEOUT * 3 {
        fail(expected_got(
            &words::how_long_to_give_up(),
            words::at_least(&duration(TIMEOUT * 3), &duration(TIMEOUT)),
            duration(took),
        ));
    }
}

#[test]
fn a_fake_reply_from_another_address_is_not_the_answer() {
    let server = quote_server(0, true);
    check_reply(&server, ask(&server, 3), 3);
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

    pub fn server_address() -> String {
        en_pt!(
            "setting up: the server's address",
            "preparando: o endereço do servidor"
        )
    }

    pub fn server_read_timeout() -> String {
        en_pt!(
            "setting up: the server's read timeout",
            "preparando: o timeout de leitura do servidor"
        )
    }

    pub fn binding_the_impostor() -> String {
        en_pt!(
            "setting up: binding the impostor",
            "preparando: fazendo bind do impostor"
        )
    }

    pub fn a_datagram_received() -> String {
        en_pt!(
            "a datagram the spec's quote server received from your `request`",
            "um datagrama que o servidor de cotações da especificação recebeu da sua função \
             `request`"
        )
    }

    pub fn the_requests_received(why: &str) -> String {
        en_pt!(
            "the requests the spec's quote server received ({why})",
            "as requisições que o servidor de cotações da especificação recebeu ({why})"
        )
    }

    pub fn send_again() -> String {
        en_pt!(
            "\nWhen no reply comes within the timeout, send the request again, up to `attempts` \
             times.",
            "\nQuando nenhuma resposta chega dentro do timeout, envie a requisição de novo, até \
             `attempts` vezes."
        )
    }

    pub fn send_again_only_when() -> String {
        en_pt!(
            "\nSend again only when no reply came within the timeout; stop at the first reply.",
            "\nEnvie de novo só quando nenhuma resposta chegou dentro do timeout; pare na \
             primeira resposta."
        )
    }

    /// What the server did, and how many requests it received.
    pub fn story(ignored: u32, received: &str) -> String {
        match ignored {
            0 => en_pt!(
                "the spec's quote server answers every request at once; it received {received}",
                "o servidor de cotações da especificação responde cada requisição na hora; ele \
                 recebeu {received}"
            ),
            u32::MAX => en_pt!(
                "the spec's quote server never answers, as if every request were lost; it \
                 received {received}",
                "o servidor de cotações da especificação nunca responde, como se toda \
                 requisição se perdesse; ele recebeu {received}"
            ),
            n => en_pt!(
                "the spec's quote server ignores the first {n} requests, as if they were lost, \
                 then answers; it received {received}",
                "o servidor de cotações da especificação ignora as {n} primeiras requisições, \
                 como se elas se perdessem, e depois responde; ele recebeu {received}"
            ),
        }
    }

    /// Follows "your `request` did not return within 4.2 s".
    pub fn gives_up_after_the_last(attempts: u32, timeout: &str) -> String {
        en_pt!(
            ", with {attempts} attempts of {timeout} each: it gives up after the last one",
            ", com {attempts} tentativas de {timeout} cada: ela desiste depois da última"
        )
    }

    pub fn the_reply() -> String {
        en_pt!(
            "the reply your `request` returned",
            "a resposta que sua função `request` retornou"
        )
    }

    pub fn from_another_socket() -> String {
        en_pt!(
            "\n\"PETR4 0.01\" came from another socket, not from the server's address: anybody \
             can send a datagram to your port. The reply is the first datagram from `server` \
             (`connect` the socket, or check the address `recv_from` gives).",
            "\n\"PETR4 0.01\" veio de outro socket, não do endereço do servidor: qualquer um \
             pode enviar um datagrama para a sua porta. A resposta é o primeiro datagrama vindo \
             de `server` (faça `connect` do socket, ou confira o endereço que `recv_from` dá)."
        )
    }

    pub fn what_request_returned() -> String {
        en_pt!(
            "what your `request` returned",
            "o que sua função `request` retornou"
        )
    }

    pub fn an_error(error: &str) -> String {
        en_pt!("an error: {error}", "um erro: {error}")
    }

    pub fn send_again_up_to(attempts: u32) -> String {
        en_pt!(
            "\nWhen no reply comes within the timeout, send the request again, up to `attempts` \
             times ({attempts} here).",
            "\nQuando nenhuma resposta chega dentro do timeout, envie a requisição de novo, até \
             `attempts` vezes ({attempts} aqui)."
        )
    }

    pub fn answers_the_first() -> String {
        en_pt!(
            "it answers the first one at once",
            "ele responde a primeira na hora"
        )
    }

    pub fn answers_the_3rd() -> String {
        en_pt!(
            "it ignores the first 2 and answers the 3rd",
            "ele ignora as 2 primeiras e responde a 3ª"
        )
    }

    pub fn after_3_attempts() -> String {
        en_pt!(
            "what your `request` returned, after 3 attempts that got no reply",
            "o que sua função `request` retornou, depois de 3 tentativas sem resposta"
        )
    }

    pub fn timed_out() -> String {
        en_pt!("an error of kind TimedOut", "um erro do tipo TimedOut")
    }

    pub fn the_same_error_everywhere() -> String {
        en_pt!(
            "\nAn expired read timeout is WouldBlock on Linux and macOS, TimedOut on Windows: \
             give up with `io::Error::new(io::ErrorKind::TimedOut, ...)`, the same error on \
             every platform.",
            "\nUm timeout de leitura expirado é WouldBlock no Linux e no macOS, TimedOut no \
             Windows: desista com `io::Error::new(io::ErrorKind::TimedOut, ...)`, o mesmo erro \
             em todas as plataformas."
        )
    }

    pub fn never_answers() -> String {
        en_pt!(
            "it never answers: 3 attempts, 3 requests",
            "ele nunca responde: 3 tentativas, 3 requisições"
        )
    }

    pub fn how_long_to_give_up() -> String {
        en_pt!(
            "how long your `request` took to give up, with 3 attempts",
            "quanto tempo sua função `request` levou para desistir, com 3 tentativas"
        )
    }

    pub fn at_least(least: &str, timeout: &str) -> String {
        en_pt!(
            "at least {least}: 3 attempts, each waiting {timeout}",
            "pelo menos {least}: 3 tentativas, cada uma esperando {timeout}"
        )
    }
}
