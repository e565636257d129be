//! The Java TCP programs (`java/TcpEchoServer.java`, `java/TcpClient.java`) against the full
//! Rust programs, both ways, on loopback and port 0: the same bytes come back, and both ends
//! narrate the same connection. Of the Rust programs' narration, the tests read only the
//! first line's address and the line that names the peer's address, so that rewording it
//! does not break them.

use std::net::SocketAddr;

use testkit::{Finished, Program, first_socket_addr};

const LINES: &str = "olá, servidor\nsecond line\n";

/// The client's own address: the first address on its first line (`connect  from LOCAL to
/// SERVER ...`), which must also name the server it was given.
fn connected_from(client: &Finished, server: SocketAddr) -> SocketAddr {
    let first = client.stderr.lines().next().unwrap_or_default();
    assert!(first.contains(&server.to_string()), "{}", client.stderr);
    first_socket_addr(first)
        .unwrap_or_else(|| panic!("no address on the client's first line:\n{}", client.stderr))
}

#[test]
fn java_client_gets_each_line_back_from_the_rust_server() {
    let Some(java) = java_interop::java() else {
        return;
    };
    let server = Program::start(testkit::sibling_binary("tcp-echo-server"), &["--port", "0"]);
    let address = server.bound_addr();
    let client = java.run("TcpClient", &[&address.to_string()], LINES.as_bytes());
    assert!(client.status.success(), "{}", client.stderr);
    assert_eq!(client.stdout_text(), LINES);
    let ours = connected_from(&client, address);
    let sends = client
        .stderr
        .lines()
        .filter(|l| l.starts_with("send "))
        .count();
    let recvs = client
        .stderr
        .lines()
        .filter(|l| l.starts_with("recv "))
        .count();
    assert_eq!((sends, recvs), (2, 2), "{}", client.stderr);
    assert!(
        client
            .stderr
            .ends_with("close    the server closed its side too (end of stream); done\n"),
        "{}",
        client.stderr
    );
    // The Rust server saw the same connection from its side: our address, its own port.
    let accept = server.wait_stderr_line(|line| line.contains(&ours.to_string()));
    assert!(accept.contains(&address.to_string()), "{accept}");
}

#[test]
fn rust_client_gets_every_byte_back_from_the_java_server_even_a_line_that_returns_in_pieces() {
    let Some(java) = java_interop::java() else {
        return;
    };
    let client = testkit::sibling_binary("tcp-client");
    let server = java.start("TcpEchoServer", &["127.0.0.1:0"]);
    let address = server.bound_addr();
    assert!(
        address.ip().is_loopback() && address.port() != 0,
        "{address}"
    );
    // 20,000 bytes in one line: the Java server echoes them 4,096 at a time.
    let input = format!("{LINES}{}\n", "x".repeat(19_999));
    let port = address.port().to_string();
    let finished = testkit::run(client, &["--port", &port], input.as_bytes());
    assert!(finished.status.success(), "{}", finished.stderr);
    assert_eq!(finished.stdout_text(), input);
    let ours = connected_from(&finished, address);
    // The Java server narrates the connection as the Rust minimal server does.
    let accept = server.wait_stderr_line(|line| line.starts_with("accept "));
    assert_eq!(
        accept,
        format!("accept   from {ours} on {address} (a new socket, the same port)")
    );
    let close = server.wait_stderr_line(|line| line.starts_with("close "));
    assert_eq!(close, format!("close    {ours}: end of stream"));
}

/// Java reports a failed call by throwing; `main` lets it out, and the JVM prints the
/// exception and its stack and exits with status 1. (The Rust minimal client returns the
/// error from `main`, which prints `Error: ...ConnectionRefused...`, also with status 1.)
#[test]
fn java_client_with_no_server_dies_of_a_connect_exception_with_status_1() {
    let Some(java) = java_interop::java() else {
        return;
    };
    let address = format!("127.0.0.1:{}", testkit::unused_port());
    let finished = java.run("TcpClient", &[&address], b"");
    assert_eq!(finished.status.code(), Some(1), "{}", finished.stderr);
    assert!(
        finished
            .stderr
            .starts_with("Exception in thread \"main\" java.net.ConnectException: "),
        "{}",
        finished.stderr
    );
    assert!(
        finished.stderr.contains("\tat TcpClient.main("),
        "{}",
        finished.stderr
    );
}
