//! Narration never stops the server: not a stderr whose reader went away, not a stderr that
//! nobody reads (issue 11 §2). Both are pipes, on every OS.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};

use testkit::{HeldStderr, TIMEOUT};

const SERVER: &str = env!("CARGO_BIN_EXE_tcp-echo-server");

/// One client: sends a line, half-closes, and checks the whole echo came back.
fn echo_once(server: SocketAddr, number: usize) {
    let line = format!("client {number}\n");
    let mut stream = TcpStream::connect_timeout(&server, TIMEOUT)
        .unwrap_or_else(|error| panic!("client {number}: connecting: {error}"));
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream.set_write_timeout(Some(TIMEOUT)).unwrap();
    stream.write_all(line.as_bytes()).unwrap();
    stream.shutdown(Shutdown::Write).unwrap();
    let mut echo = String::new();
    stream
        .read_to_string(&mut echo)
        .unwrap_or_else(|error| panic!("client {number}: no echo: {error}"));
    assert_eq!(echo, line, "client {number}");
}

/// `tcp-echo-server 2>&1 | head -c 10`: once head has exited, the next client used to kill
/// the server (a panic in `eprintln!`, exit 101).
#[test]
fn the_server_keeps_serving_after_its_stderr_reader_closes() {
    let mut server = HeldStderr::start(SERVER, &["--port", "0"]);
    let address = server.bound_addr();
    server.close_stderr();
    for number in 1..=3 {
        echo_once(address, number);
    }
    assert_eq!(server.exited(), None, "the server stopped");
}

/// stderr into a pipe nobody reads: the OS's pipe buffer fills after a few hundred lines, and
/// the accept loop used to block in narration and serve nobody after that.
#[test]
fn the_server_serves_a_thousand_clients_while_nobody_reads_its_stderr() {
    let mut server = HeldStderr::start(SERVER, &["--port", "0"]);
    let address = server.bound_addr();
    for number in 1..=1000 {
        echo_once(address, number);
    }
    // Reading again, every line held back arrives, in order, up to the last client's.
    let stderr = server.resume_stderr(|text| text.contains("close    #1000 "));
    let accepts = stderr
        .lines()
        .filter(|line| line.starts_with("accept   #"))
        .count();
    let dropped = stderr
        .lines()
        .filter(|line| line.starts_with("stderr "))
        .count();
    assert!(accepts == 1000 || dropped > 0, "{accepts} accept lines");
    assert_eq!(server.exited(), None, "the server stopped");
}
