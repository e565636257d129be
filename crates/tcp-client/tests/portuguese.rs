//! The client in Portuguese (issue 15 §2), with `--lang pt-BR` and with a Portuguese locale.
//! The socket calls keep their names; the data (the echo) is the same bytes in any language.

use std::process::Command;

use testkit::{Program, TIMEOUT};

const CLIENT: &str = env!("CARGO_BIN_EXE_tcp-client");

fn server() -> (Program, String) {
    let server = Program::start(testkit::sibling_binary("tcp-echo-server"), &["--port", "0"]);
    let port = server.bound_addr().port().to_string();
    (server, port)
}

#[test]
fn lang_pt_br_narrates_a_message_there_and_back_in_portuguese() {
    let (_server, port) = server();
    let finished = testkit::run(
        CLIENT,
        &["--lang", "pt-BR", "--port", &port, "--message", "olá"],
        b"",
    );
    assert!(finished.status.success(), "{}", finished.stderr);
    assert_eq!(finished.stdout_text(), "olá\n");
    let lines: Vec<&str> = finished.stderr.lines().collect();
    assert!(
        lines[0].starts_with("connect  de 127.0.0.1:")
            && lines[0].contains(&format!(
                " para 127.0.0.1:{port} (o SO escolheu nossa porta, "
            )),
        "{}",
        finished.stderr
    );
    assert_eq!(lines[1], format!("send     5 bytes para 127.0.0.1:{port}"));
    assert!(
        lines[2].starts_with(&format!(
            "recv     5 bytes de volta de 127.0.0.1:{port} após "
        )) && lines[2].ends_with(" (ida e volta)"),
        "{}",
        finished.stderr
    );
    assert_eq!(
        lines[3..],
        [
            "shutdown lado de escrita fechado (FIN): o servidor lê o fim do fluxo",
            "close    o servidor também fechou o lado dele (fim do fluxo); fim",
        ]
    );
}

#[test]
fn a_refused_connection_is_a_portuguese_error_and_hint() {
    let port = testkit::unused_port().to_string();
    let finished = testkit::run(
        CLIENT,
        &["--lang", "pt-BR", "--port", &port, "--message", "x"],
        b"",
    );
    assert_eq!(finished.status.code(), Some(1), "{}", finished.stderr);
    let lines: Vec<&str> = finished.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", finished.stderr);
    assert!(
        lines[0].starts_with(&format!("erro: ao conectar a 127.0.0.1:{port}: ")),
        "{}",
        finished.stderr
    );
    assert_eq!(
        lines[1],
        format!(
            "dica: o servidor está rodando? inicie-o em outro terminal com: cargo run -p \
             tcp-echo-server -- --port {port}"
        )
    );
}

/// Piped input with only a Portuguese locale (no SOCKETS_LANG): the pipe mode's lines.
#[test]
fn a_portuguese_locale_alone_makes_the_client_speak_portuguese() {
    let (_server, port) = server();
    let mut command = Command::new(CLIENT);
    command
        .args(["--port", &port])
        .env("LANG", "pt_BR.UTF-8")
        .env_remove("SOCKETS_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    let mut client = Program::start_command(&mut command);
    client.write_stdin(b"um\ndois\n").unwrap();
    let finished = client.finish_within(TIMEOUT);
    assert!(finished.status.success(), "{}", finished.stderr);
    assert_eq!(finished.stdout_text(), "um\ndois\n");
    assert!(
        finished.stderr.contains(
            "shutdown fim da stdin depois de 8 bytes enviados: lado de escrita fechado (FIN), \
             ainda lendo"
        ) && finished.stderr.contains(&format!(
            "close    de volta de 127.0.0.1:{port}: 8 dos 8 bytes enviados; depois, fim do \
             fluxo: o servidor fechou"
        )),
        "{}",
        finished.stderr
    );
}

#[test]
fn help_in_portuguese_has_every_option_and_the_example() {
    let help = testkit::run(CLIENT, &["--lang", "pt-BR", "--help"], b"");
    assert!(help.status.success(), "{}", help.stderr);
    let help = help.stdout_text();
    for text in [
        "O cliente da lição de TCP",
        "Nome ou endereço IP do servidor",
        "--reply-timeout <SECONDS>  Depois de conectado",
        "Exemplo, em dois terminais:",
        "Ida e volta pelo servidor: cargo run -p tcp-client < arquivo > copia",
    ] {
        assert!(help.contains(text), "{text:?} not in:\n{help}");
    }
}
