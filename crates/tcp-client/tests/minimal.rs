//! The minimal client (`examples/tcp-client-minimal.rs`), run for real on loopback and port 0,
//! against the full tcp-echo-server and against the minimal server its header pairs it with.
//! (The full client against the minimal server is tested in tcp-echo-server.)

use std::net::SocketAddr;

use testkit::{Finished, Program, first_socket_addr};

const LINES: &str = "olá, servidor\nsecond line\nno newline at the end";

fn minimal_client(server: SocketAddr, input: &[u8]) -> Finished {
    let address = server.to_string();
    testkit::run(testkit::minimal_binary("tcp-client"), &[&address], input)
}

/// The client's own address from its first line, `connect  from LOCAL to SERVER ...`, which
/// must name the server it was given.
fn connected_from(finished: &Finished, server: SocketAddr) -> SocketAddr {
    let first = finished.stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("connect  from ") && first.contains(&format!(" to {server} ")),
        "{}",
        finished.stderr
    );
    first_socket_addr(first).expect("our address in the connect line")
}

fn count(stderr: &str, call: &str) -> usize {
    stderr.lines().filter(|line| line.starts_with(call)).count()
}

#[test]
fn minimal_client_gets_each_line_back_from_the_full_server() {
    testkit::minimal_binary("tcp-client");
    let server = Program::start(testkit::sibling_binary("tcp-echo-server"), &["--port", "0"]);
    let address = server.bound_addr();
    let finished = minimal_client(address, LINES.as_bytes());
    assert!(finished.status.success(), "{}", finished.stderr);
    assert_eq!(finished.stdout_text(), LINES);
    let ours = connected_from(&finished, address);
    assert_eq!(
        (
            count(&finished.stderr, "send "),
            count(&finished.stderr, "recv ")
        ),
        (3, 3)
    );
    let lines: Vec<&str> = finished.stderr.lines().collect();
    assert!(lines[lines.len() - 2].starts_with("shutdown write side closed (FIN)"));
    assert!(lines[lines.len() - 1].starts_with("close    the server closed its side too"));
    // The server saw the same connection from its side: our address, its own port.
    let accept = server.wait_stderr_line(|line| line.starts_with("accept "));
    assert!(
        accept.contains(&format!("#1 from {ours} on {address}")),
        "{accept}"
    );
}

#[test]
fn minimal_client_and_minimal_server_echo_a_long_line_that_returns_in_pieces() {
    testkit::minimal_binary("tcp-client");
    let server = Program::start(testkit::minimal_binary("tcp-echo-server"), &["127.0.0.1:0"]);
    let address = server.bound_addr();
    // 20,000 bytes: the server echoes them 4,096 at a time, the client waits for all of them.
    let long = format!("{}\nshort\n", "x".repeat(19_999));
    let finished = minimal_client(address, long.as_bytes());
    assert!(finished.status.success(), "{}", finished.stderr);
    assert_eq!(finished.stdout_text(), long);
    assert!(
        finished
            .stderr
            .contains(&format!("recv     20000 bytes back from {address}")),
        "{}",
        finished.stderr
    );
    let ours = connected_from(&finished, address);
    let close = server.wait_stderr_line(|line| line.starts_with("close "));
    assert_eq!(close, format!("close    {ours}: end of stream"));
}

#[test]
fn minimal_client_with_no_server_ends_with_the_error_and_status_1() {
    let port = testkit::unused_port();
    let finished = minimal_client(SocketAddr::from(([127, 0, 0, 1], port)), b"");
    assert_eq!(finished.status.code(), Some(1), "{}", finished.stderr);
    // `main` returned the io::Error: Rust prints it with its kind, on every OS.
    assert!(
        finished.stderr.starts_with("Error: ") && finished.stderr.contains("ConnectionRefused"),
        "{}",
        finished.stderr
    );
}
