//! Narration never stops the receiver (issue 11 §2): `udp-receiver 2>&1 | head -c 10` used to
//! end it (a panic in `eprintln!`, exit 101) before it printed any datagram.

use std::net::UdpSocket;

use testkit::HeldStderr;

const RECEIVER: &str = env!("CARGO_BIN_EXE_udp-receiver");

#[test]
fn the_receiver_keeps_printing_datagrams_after_its_stderr_closed() {
    let mut receiver = HeldStderr::start(RECEIVER, &["--port", "0", "--idle-timeout", "20"]);
    let address = receiver.bound_addr();
    receiver.close_stderr();
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    for word in ["um", "dois", "três"] {
        socket.send_to(word.as_bytes(), address).unwrap();
        receiver.wait_stdout_contains(word);
    }
    assert_eq!(receiver.exited(), None, "the receiver stopped");
}
