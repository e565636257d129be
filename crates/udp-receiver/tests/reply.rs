//! `udp-receiver --reply`, a UDP server that answers: each datagram goes back to the address
//! `recv_from` gave for it, with no connection (issue 13 §2).

use std::net::UdpSocket;

use testkit::Program;

const RECEIVER: &str = env!("CARGO_BIN_EXE_udp-receiver");

/// A client socket on 127.0.0.1, port 0, whose receives give up after testkit's timeout.
fn client() -> UdpSocket {
    let socket = UdpSocket::bind("127.0.0.1:0").expect("binding 127.0.0.1:0");
    socket
        .set_read_timeout(Some(testkit::TIMEOUT))
        .expect("setting a read timeout");
    socket
}

/// Two clients, one server socket: each reply goes to the client whose datagram it answers,
/// because each datagram carries its own source address.
#[test]
fn each_reply_goes_back_to_the_address_its_datagram_came_from() {
    let receiver = Program::start(
        RECEIVER,
        &[
            "--port",
            "0",
            "--reply",
            "--count",
            "2",
            "--idle-timeout",
            "15",
        ],
    );
    let server = receiver.bound_addr();
    let (first, second) = (client(), client());
    let mut buffer = [0u8; 64];
    for (socket, word) in [(&first, "um"), (&second, "dois")] {
        socket.send_to(word.as_bytes(), server).unwrap();
        let (len, from) = socket
            .recv_from(&mut buffer)
            .unwrap_or_else(|error| panic!("no reply to {word:?}: {error}"));
        assert_eq!(&buffer[..len], word.as_bytes(), "the same bytes come back");
        assert_eq!(from, server, "the reply comes from the receiver's socket");
    }
    let finished = receiver.finish();
    assert!(finished.status.success(), "{}", finished.stderr);
    for socket in [&first, &second] {
        let to = socket.local_addr().unwrap();
        assert!(
            finished.stderr.lines().any(|line| line
                .starts_with(&format!("send_to  {} bytes to {to} ", 2))
                || line.starts_with(&format!("send_to  {} bytes to {to} ", 4))),
            "no reply narrated to {to}:\n{}",
            finished.stderr
        );
    }
    assert!(
        finished.stderr.contains("replied to 2 datagrams"),
        "{}",
        finished.stderr
    );
}

/// Without --reply the receiver stays silent, as the lesson's first diagram draws it.
#[test]
fn without_reply_nothing_comes_back() {
    let receiver = Program::start(
        RECEIVER,
        &["--port", "0", "--count", "1", "--idle-timeout", "15"],
    );
    let server = receiver.bound_addr();
    let socket = client();
    socket.send_to(b"anyone?", server).unwrap();
    let finished = receiver.finish();
    assert!(finished.status.success(), "{}", finished.stderr);
    assert!(!finished.stderr.contains("send_to"), "{}", finished.stderr);
    socket
        .set_read_timeout(Some(std::time::Duration::from_millis(200)))
        .unwrap();
    let mut buffer = [0u8; 16];
    assert!(socket.recv_from(&mut buffer).is_err(), "a reply came");
}

/// The first line still starts with the address (scripts and tests read it), and says that a
/// receiver on loopback hears only this machine: across two computers, that is the usual
/// reason nothing arrives.
#[test]
fn a_receiver_on_loopback_says_only_this_machine_can_send_to_it() {
    for bind in ["127.0.0.1", "::1"] {
        let receiver = Program::start(
            RECEIVER,
            &["--bind", bind, "--port", "0", "--idle-timeout", "0.2"],
        );
        let address = receiver.bound_addr();
        assert!(address.ip().is_loopback(), "{address}");
        let finished = receiver.finish();
        let first = finished.stderr.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&format!("bind     {address} (UDP")),
            "{first}"
        );
        assert!(
            first.contains("only this machine can send to it"),
            "{first}"
        );
        assert!(first.contains("--bind 0.0.0.0"), "{first}");
    }
}
