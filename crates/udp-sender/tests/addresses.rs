//! A typo in an address is refused before any socket exists (issue 11 §4).

use std::io::ErrorKind;
use std::net::UdpSocket;

const SENDER: &str = env!("CARGO_BIN_EXE_udp-sender");

/// getaddrinfo's old rules read these as 127.0.0.1 (and `1.2.3` as 1.2.0.3, another machine:
/// only typos read as loopback are tried here, so that even an old sender sends nothing off
/// the machine). Each is refused while the arguments are read, and the socket that the old
/// reading reached gets nothing.
#[test]
fn a_host_typo_is_refused_and_nothing_is_sent() {
    let trap = UdpSocket::bind("127.0.0.1:0").unwrap();
    trap.set_nonblocking(true).unwrap();
    let port = trap.local_addr().unwrap().port().to_string();
    for typo in ["127.1", "0x7f.1", "0177.0.0.1"] {
        let finished = testkit::run(
            SENDER,
            &["--host", typo, "--port", &port, "--message", "hi"],
            b"",
        );
        let (error, hint) = testkit::assert_refused_before_any_socket(&finished);
        assert!(
            error.contains(&format!(
                "for '--host <HOST>': {typo} is not an IPv4 address"
            )),
            "{error}"
        );
        assert!(hint.contains("127.0.0.1"), "{hint}");
        let mut buffer = [0u8; 16];
        let received = trap.recv_from(&mut buffer);
        assert!(
            received
                .as_ref()
                .is_err_and(|error| error.kind() == ErrorKind::WouldBlock),
            "--host {typo}: the receiver got {received:?}"
        );
    }
}
