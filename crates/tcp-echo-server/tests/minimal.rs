//! The minimal echo server (`examples/tcp-echo-server-minimal.rs`), run for real on loopback
//! and port 0, with the full tcp-client as its client. (The minimal client against the full
//! server is tested in tcp-client.)

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

use testkit::{Program, TIMEOUT, first_socket_addr, random_bytes};

/// The minimal server on a free port, and the address it narrated.
fn minimal_server() -> (Program, SocketAddr) {
    let server = Program::start(testkit::minimal_binary("tcp-echo-server"), &["127.0.0.1:0"]);
    let address = server.bound_addr();
    (server, address)
}

/// The full client's own address, from its narration: `connect  from LOCAL to SERVER ...`.
fn client_address(stderr: &str) -> SocketAddr {
    let connect = stderr
        .lines()
        .find(|line| line.starts_with("connect "))
        .unwrap_or_else(|| panic!("no connect line:\n{stderr}"));
    first_socket_addr(connect).expect("an address in the connect line")
}

#[test]
fn full_client_pipes_bytes_through_the_minimal_server_and_gets_them_all_back() {
    let client = testkit::sibling_binary("tcp-client");
    let (server, address) = minimal_server();
    assert!(
        address.ip().is_loopback() && address.port() != 0,
        "{address}"
    );
    // Larger than the server's 4 KiB buffer and than a socket buffer: many reads and writes.
    let data = random_bytes(300_000, 12);
    let port = address.port().to_string();
    let finished = testkit::run(client, &["--port", &port], &data);
    assert!(finished.status.success(), "{}", finished.stderr);
    assert!(
        finished.stdout == data,
        "{} bytes came back of {}",
        finished.stdout.len(),
        data.len()
    );
    let client = client_address(&finished.stderr);
    let accept = server.wait_stderr_line(|line| line.starts_with("accept "));
    assert_eq!(
        accept,
        format!("accept   from {client} on {address} (a new socket, the same port)")
    );
    let close = server.wait_stderr_line(|line| line.starts_with("close "));
    assert_eq!(close, format!("close    {client}: end of stream"));
}

#[test]
fn minimal_server_serves_a_second_client_while_the_first_stays_connected() {
    let client = testkit::sibling_binary("tcp-client");
    let (server, address) = minimal_server();
    let mut first = TcpStream::connect(address).expect("connecting the first client");
    first.set_read_timeout(Some(TIMEOUT)).unwrap();
    let ours = first.local_addr().unwrap();
    server.wait_stderr_line(|line| line.starts_with(&format!("accept   from {ours} ")));

    // The first client sends nothing and stays: a server without a thread per client would
    // sit in its read, and the second client would never get its echo.
    let port = address.port().to_string();
    let second = testkit::run(client, &["--port", &port, "--message", "olá"], b"");
    assert!(second.status.success(), "{}", second.stderr);
    assert_eq!(second.stdout_text(), "olá\n");
    let accept = format!(
        "accept   from {} on {address} (a new socket, the same port)",
        client_address(&second.stderr)
    );
    server.wait_stderr_line(|line| line == accept);

    first.write_all(b"still here\n").unwrap();
    let mut echo = [0u8; 11];
    first
        .read_exact(&mut echo)
        .expect("the first client's echo");
    assert_eq!(&echo, b"still here\n");
}
