//! udp-receiver in Portuguese (`--lang pt-BR`): its narration and summary, and an error with
//! its hint.

use std::net::UdpSocket;

use testkit::Program;

const RECEIVER: &str = env!("CARGO_BIN_EXE_udp-receiver");

#[test]
fn the_receiver_narrates_and_sums_up_in_portuguese() {
    let receiver = Program::start(
        RECEIVER,
        &["--lang", "pt-BR", "--port", "0", "--count", "1"],
    );
    let address = receiver.bound_addr();
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    socket.send_to(b"oi", address).unwrap();
    let finished = receiver.finish();
    let stderr = &finished.stderr;
    assert!(finished.status.success(), "{stderr}");
    // The call and the address stay first, for the scripts that read them.
    assert!(
        stderr.starts_with(&format!(
            "bind     {address} (UDP, buffer de recepção do kernel de "
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("\nrecv     esperando datagramas em {address}")),
        "{stderr}"
    );
    assert!(
        stderr.contains("\nresumo   1 datagrama, 2 bytes, 1 sem o cabeçalho do curso\n"),
        "{stderr}"
    );
}

/// A second receiver on a port taken by the first: the error names the bind in Portuguese, and
/// the hint names who may hold the port.
#[test]
fn a_port_in_use_is_reported_in_portuguese() {
    let first = Program::start(RECEIVER, &["--port", "0", "--idle-timeout", "20"]);
    let port = first.bound_addr().port().to_string();
    let second = testkit::run(RECEIVER, &["--lang", "pt-BR", "--port", &port], b"");
    assert_eq!(second.status.code(), Some(1), "{}", second.stderr);
    let lines: Vec<&str> = second.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", second.stderr);
    assert!(
        lines[0].starts_with(&format!("erro: ao fazer bind em 127.0.0.1:{port}: ")),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("dica: ") && lines[1].contains("outro udp-receiver"),
        "{}",
        lines[1]
    );
    drop(first);
}
