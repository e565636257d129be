//! `udp-sender --wait-reply`: after each datagram, `recv_from` with a read timeout for its
//! reply, from a receiver run with `--reply` (issue 13 §2). The replies that never come are
//! counted; what comes from anyone else is not a reply.

use std::net::UdpSocket;
use std::thread;

use testkit::Program;

const SENDER: &str = env!("CARGO_BIN_EXE_udp-sender");

fn answering_receiver(count: &str) -> Program {
    Program::start(
        testkit::sibling_binary("udp-receiver"),
        &[
            "--port",
            "0",
            "--reply",
            "--count",
            count,
            "--idle-timeout",
            "15",
        ],
    )
}

#[test]
fn every_reply_comes_back_from_a_receiver_that_answers() {
    let receiver = answering_receiver("5");
    let server = receiver.bound_addr();
    let sent = testkit::run(
        SENDER,
        &[
            "--port",
            &server.port().to_string(),
            "--count",
            "5",
            "--rate",
            "50",
            "--wait-reply",
            "5",
        ],
        b"",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    for seq in 0..5 {
        let reply = format!("recv_from 50 bytes from {server}: the reply to SEQ {seq}, after ");
        assert!(sent.stderr.contains(&reply), "{reply}\n{}", sent.stderr);
    }
    assert!(
        sent.stderr
            .contains("replies  5 of 5 came back within 5 s\n"),
        "{}",
        sent.stderr
    );
    // The receiver answered the port the sender's bind line names.
    let bound = testkit::first_socket_addr(sent.stderr.lines().next().unwrap()).unwrap();
    let received = receiver.finish();
    assert!(
        received
            .stderr
            .contains(&format!("bytes to 127.0.0.1:{} (the reply", bound.port())),
        "{}",
        received.stderr
    );
}

/// Nobody answers: every wait times out, the run goes on, and the summary names them all.
/// (Windows reports the ICMP "port unreachable" on this unconnected socket; Linux and macOS
/// report nothing: either way each datagram gets no reply.)
#[test]
fn without_a_server_that_answers_every_wait_times_out_and_is_counted() {
    let port = testkit::unused_port().to_string();
    let sent = testkit::run(
        SENDER,
        &[
            "--port",
            &port,
            "--count",
            "3",
            "--rate",
            "0",
            "--wait-reply",
            "0.2",
        ],
        b"",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    assert_eq!(
        sent.stderr.matches("\ntimeout  no reply to SEQ ").count(),
        3,
        "{}",
        sent.stderr
    );
    assert!(
        sent.stderr
            .contains("replies  0 of 3 came back within 200 ms; none for SEQ 0, 1, 2 ("),
        "{}",
        sent.stderr
    );
}

/// Anybody can send a datagram to the sender's port: one from another address is said and
/// skipped, and the wait goes on for the server's own reply.
#[test]
fn a_datagram_from_another_address_is_not_a_reply() {
    let server = UdpSocket::bind("127.0.0.1:0").unwrap();
    server.set_read_timeout(Some(testkit::TIMEOUT)).unwrap();
    let impostor = UdpSocket::bind("127.0.0.1:0").unwrap();
    let address = server.local_addr().unwrap();
    let answering = thread::spawn(move || {
        let mut buffer = [0u8; 64];
        let (len, client) = server.recv_from(&mut buffer).expect("the request");
        // First the impostor, then the server: loopback delivers them in that order.
        impostor.send_to(b"fake", client).unwrap();
        server.send_to(&buffer[..len], client).unwrap();
    });
    let sent = testkit::run(
        SENDER,
        &[
            "--port",
            &address.port().to_string(),
            "--message",
            "olá",
            "--wait-reply",
            "10",
        ],
        b"",
    );
    answering.join().unwrap();
    assert!(sent.status.success(), "{}", sent.stderr);
    assert!(
        sent.stderr.contains("4 bytes from 127.0.0.1:")
            && sent
                .stderr
                .contains(": not from the address the datagrams went to, so not a reply (ignored)"),
        "{}",
        sent.stderr
    );
    assert!(
        sent.stderr.contains(&format!(
            "recv_from 4 bytes from {address}: the reply, \"olá\", after "
        )),
        "{}",
        sent.stderr
    );
    assert!(
        sent.stderr
            .contains("replies  1 of 1 came back within 10 s; 1 from other addresses, ignored"),
        "{}",
        sent.stderr
    );
}

#[test]
fn a_wait_over_a_minute_is_refused_with_a_hint() {
    for wait in ["61", "0", "-1", "soon"] {
        let finished = testkit::run(SENDER, &["--wait-reply", wait, "--count", "1"], b"");
        testkit::assert_error_and_hint(&finished, 2);
    }
}
