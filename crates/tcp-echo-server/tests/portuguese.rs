//! The server in Portuguese (issue 15 §2): with `--lang pt-BR`, and with nothing but a
//! Portuguese locale (`LANG=pt_BR.UTF-8 cargo run -p tcp-echo-server`). The socket calls keep
//! their names, and the first line still starts with `bind` and the address, for the scripts
//! that read the port from it.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::process::Command;

use testkit::{Program, TIMEOUT};

const SERVER: &str = env!("CARGO_BIN_EXE_tcp-echo-server");

/// One client: a line there and back, then the half-close; returns the client's address.
fn echo_once(server: SocketAddr) -> SocketAddr {
    let mut stream = TcpStream::connect_timeout(&server, TIMEOUT).expect("connecting");
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream.write_all("olá\n".as_bytes()).unwrap();
    stream.shutdown(Shutdown::Write).unwrap();
    let mut echo = String::new();
    stream.read_to_string(&mut echo).expect("the echo");
    assert_eq!(echo, "olá\n");
    stream.local_addr().unwrap()
}

/// Checks a Portuguese run from its bind line to one connection's close line.
fn narrates_a_connection_in_portuguese(server: &Program) {
    let address = server.bound_addr();
    let bind = server.wait_stderr_line(|_| true);
    assert!(
        bind.starts_with(&format!(
            "bind     {address} (socket de escuta TCP, backlog "
        )),
        "{bind}"
    );
    let ours = echo_once(address);
    let accept = server.wait_stderr_line(|line| line.starts_with("accept "));
    assert_eq!(
        accept,
        format!(
            "accept   #1 de {ours} em {address}, a própria porta do socket de escuta; agora com \
             1 cliente"
        )
    );
    let close = server.wait_stderr_line(|line| line.starts_with("close "));
    assert!(
        close.starts_with(&format!(
            "close    #1 {ours}: o cliente terminou de enviar (fim do fluxo); eco de 5 bytes em "
        )) && close.ends_with("; agora com 0 clientes"),
        "{close}"
    );
}

#[test]
fn lang_pt_br_narrates_in_portuguese_and_keeps_the_calls_names() {
    let server = Program::start(SERVER, &["--lang", "pt-BR", "--port", "0"]);
    narrates_a_connection_in_portuguese(&server);
    let stderr = server.stderr_text();
    assert!(
        stderr.contains("só esta máquina pode se conectar (loopback)"),
        "{stderr}"
    );
}

/// The "Done when": `LANG=pt_BR.UTF-8 cargo run -p tcp-echo-server`, with no
/// SOCKETS_LANG and no other locale variable to hide LANG.
#[test]
fn a_portuguese_locale_alone_makes_the_server_speak_portuguese() {
    let mut command = Command::new(SERVER);
    command
        .args(["--port", "0"])
        .env("LANG", "pt_BR.UTF-8")
        .env_remove("SOCKETS_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    let server = Program::start_command(&mut command);
    narrates_a_connection_in_portuguese(&server);
}

#[test]
fn a_port_in_use_is_one_portuguese_error_and_one_hint() {
    let first = Program::start(SERVER, &["--port", "0"]);
    let port = first.bound_addr().port().to_string();
    let second = Program::start(SERVER, &["--lang", "pt-BR", "--port", &port]).finish();
    assert_eq!(second.status.code(), Some(1), "{}", second.stderr);
    let lines: Vec<&str> = second.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", second.stderr);
    assert!(
        lines[0].starts_with(&format!("erro: ao fazer bind em 127.0.0.1:{port}: ")),
        "{}",
        second.stderr
    );
    assert!(
        lines[1].starts_with("dica: ") && lines[1].contains("--port"),
        "{}",
        second.stderr
    );
}

#[test]
fn help_in_portuguese_has_every_option_and_the_example() {
    let help = testkit::run(SERVER, &["--lang", "pt-BR", "--help"], b"");
    assert!(help.status.success(), "{}", help.stderr);
    let help = help.stdout_text();
    for text in [
        "O servidor da lição de TCP",
        "Endereço IP local onde escutar",
        "--idle-timeout <SECONDS>  Fecha uma conexão",
        "--slow <MILLIS>           Ajuste de demonstração",
        "Exemplo, em dois terminais:",
        "cargo run -p tcp-client          # terminal 2; depois digite uma linha",
    ] {
        assert!(help.contains(text), "{text:?} not in:\n{help}");
    }
}
