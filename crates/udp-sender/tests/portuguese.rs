//! udp-sender in Portuguese (`--lang pt-BR`): its narration, and an error with its hint.

const SENDER: &str = env!("CARGO_BIN_EXE_udp-sender");

#[test]
fn the_sender_narrates_in_portuguese() {
    let port = testkit::unused_port().to_string();
    let sent = testkit::run(
        SENDER,
        &[
            "--lang", "pt-BR", "--port", &port, "--count", "1", "--rate", "0",
        ],
        b"",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    let stderr = &sent.stderr;
    // The call and the address stay first, for the scripts that read them.
    let bind = stderr.lines().next().unwrap_or_default();
    assert!(
        bind.starts_with("bind     ") && bind.contains("o SO escolheu a porta efêmera"),
        "{stderr}"
    );
    assert!(
        stderr.contains("\nnota     o UDP não sabe dizer se algo chegou"),
        "{stderr}"
    );
    assert!(
        stderr.contains("\nexecução 1 datagrama numerado, RUN "),
        "{stderr}"
    );
    assert!(
        stderr.contains("\npronto   total enviado: 1 datagrama, "),
        "{stderr}"
    );
}

/// A value refused by the sender's own parser: its reason, in Portuguese, inside the course's
/// usage error.
#[test]
fn a_wait_too_long_is_refused_in_portuguese() {
    let finished = testkit::run(
        SENDER,
        &["--lang", "pt-BR", "--count", "1", "--wait-reply", "61"],
        b"",
    );
    assert_eq!(finished.status.code(), Some(2), "{}", finished.stderr);
    let lines: Vec<&str> = finished.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", finished.stderr);
    assert!(
        lines[0].starts_with("erro: ") && lines[0].contains("61 s é uma espera longa demais"),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("dica: "), "{}", lines[1]);
}

/// Linux and macOS report the ICMP "port unreachable" on the connected socket (the English
/// twin: sender.rs, connected_socket_reports_connection_refused_when_nobody_listens).
#[cfg(unix)]
#[test]
fn a_refusal_is_explained_in_portuguese() {
    let port = testkit::unused_port().to_string();
    let sent = testkit::run(
        SENDER,
        &[
            "--lang",
            "pt-BR",
            "--port",
            &port,
            "--connect",
            "--message",
            "alguém?",
        ],
        b"",
    );
    assert_eq!(sent.status.code(), Some(1), "{}", sent.stderr);
    let lines: Vec<&str> = sent.stderr.lines().collect();
    let ending = &lines[lines.len().saturating_sub(2)..];
    assert!(
        ending[0].starts_with(&format!(
            "erro: 127.0.0.1:{port} recusou os datagramas (socket UDP conectado): "
        )),
        "{}",
        sent.stderr
    );
    assert!(
        ending[1].starts_with(&format!(
            "dica: nada escuta em 127.0.0.1:{port}: inicie o receptor primeiro"
        )),
        "{}",
        sent.stderr
    );
}
