//! udp-relay in Portuguese (`--lang pt-BR`): its narration and summary, and an error with its
//! hint.

use std::net::UdpSocket;

use testkit::Program;

const RELAY: &str = env!("CARGO_BIN_EXE_udp-relay");

#[test]
fn the_relay_narrates_and_sums_up_in_portuguese() {
    let receiver = UdpSocket::bind("127.0.0.1:0").unwrap();
    let to = receiver.local_addr().unwrap().to_string();
    let relay = Program::start(
        RELAY,
        &[
            "--lang", "pt-BR", "--port", "0", "--to", &to, "--loss", "1", "--count", "1",
        ],
    );
    let relay_addr = relay.bound_addr();
    UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .send_to(b"oi", relay_addr)
        .unwrap();
    let finished = relay.finish();
    let stderr = &finished.stderr;
    assert!(finished.status.success(), "{stderr}");
    // The call and the address stay first, for the scripts that read them.
    assert!(
        stderr.starts_with(&format!(
            "bind     {relay_addr} (relay: os clientes enviam para cá; repassando para {to})"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("\nfalhas   perda 1, "), "{stderr}");
    assert!(
        stderr.contains("\nrelay    #0 2 bytes: perdido\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "\nrepasse  1 datagrama dos clientes; enviados para {to}: 0\n"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("\nesperado "), "{stderr}");
}

/// A probability out of range: the relay's own reason, in Portuguese, inside the course's
/// usage error.
#[test]
fn a_probability_above_one_is_refused_in_portuguese() {
    let finished = testkit::run(RELAY, &["--lang", "pt-BR", "--loss", "2"], b"");
    assert_eq!(finished.status.code(), Some(2), "{}", finished.stderr);
    let lines: Vec<&str> = finished.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", finished.stderr);
    assert!(
        lines[0].starts_with("erro: ")
            && lines[0].contains("2 não é uma probabilidade entre 0 e 1 (0.2 quer dizer 20%)"),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("dica: "), "{}", lines[1]);
}
