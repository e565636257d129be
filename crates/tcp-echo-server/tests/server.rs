//! The echo server, run for real on loopback and port 0, with raw std sockets and `nc` as
//! its clients. The tests that pipe data through `tcp-client` live in that crate.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use testkit::{Program, TIMEOUT, first_socket_addr, random_bytes};

const SERVER: &str = env!("CARGO_BIN_EXE_tcp-echo-server");

/// Starts the server on a free port with extra options, and returns it with its address.
fn server(options: &[&str]) -> (Program, SocketAddr) {
    let mut args = vec!["--port", "0"];
    args.extend_from_slice(options);
    let server = Program::start(SERVER, &args);
    let address = server.bound_addr();
    (server, address)
}

/// A raw client whose reads and writes give up after the test deadline instead of hanging.
fn client(address: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect(address).expect("connecting to the server");
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream.set_write_timeout(Some(TIMEOUT)).unwrap();
    stream
}

/// Sends `data`, reads exactly as many bytes back.
fn round_trip(stream: &mut TcpStream, data: &[u8]) -> Vec<u8> {
    stream.write_all(data).expect("sending");
    let mut echo = vec![0u8; data.len()];
    stream.read_exact(&mut echo).expect("reading the echo");
    echo
}

#[test]
fn first_line_names_the_address_really_bound() {
    let (server, address) = server(&[]);
    assert!(address.ip().is_loopback(), "{address}");
    assert_ne!(
        address.port(),
        0,
        "the narration must show the port the OS picked"
    );
    let first = server.stderr_text();
    assert!(first.starts_with("bind "), "{first}");
}

#[test]
fn echoes_a_line_of_text() {
    let (_server, address) = server(&[]);
    let mut stream = client(address);
    assert_eq!(
        round_trip(&mut stream, "olá, servidor\n".as_bytes()),
        "olá, servidor\n".as_bytes()
    );
}

#[test]
fn accepted_socket_keeps_the_listeners_port() {
    let (server, address) = server(&[]);
    let stream = client(address);
    let ours = stream.local_addr().unwrap();
    let line = server.wait_stderr_line(|line| line.starts_with("accept") && line.contains("#1"));
    // "accept   #1 from PEER on LOCAL, ..."
    let peer = first_socket_addr(&line).expect("a peer address in the accept line");
    let (_, after_on) = line.split_once(" on ").expect("' on ' in the accept line");
    let local = first_socket_addr(after_on).expect("a local address in the accept line");
    assert_eq!(peer, ours, "the peer is our client's address: {line}");
    assert_eq!(
        local, address,
        "the accepted socket's local address is the listener's: {line}"
    );
    assert!(line.contains("the listener's own port"), "{line}");
}

#[test]
fn half_closed_client_still_gets_the_whole_echo_then_end_of_stream() {
    let (server, address) = server(&[]);
    let data = random_bytes(300_000, 3);
    let mut stream = client(address);
    // Send everything from another thread: the echo must be read while we send.
    let mut sending = stream.try_clone().unwrap();
    let sent = data.clone();
    let sender = thread::spawn(move || {
        sending.write_all(&sent).unwrap();
        sending.shutdown(Shutdown::Write).unwrap();
    });
    let mut echo = Vec::new();
    stream
        .read_to_end(&mut echo)
        .expect("reading to end of stream");
    sender.join().unwrap();
    assert!(
        echo == data,
        "echo differs: {} bytes back of {}",
        echo.len(),
        data.len()
    );
    let line = server.wait_stderr_line(|line| line.starts_with("close") && line.contains("#1"));
    assert!(line.contains("end of stream"), "{line}");
    assert!(line.contains("300000 bytes echoed"), "{line}");
}

#[test]
fn fifty_concurrent_clients_each_get_their_own_bytes_back() {
    let (_server, address) = server(&[]);
    let clients = 50;
    let all_connected = Arc::new(Barrier::new(clients));
    let threads: Vec<_> = (0..clients)
        .map(|i| {
            let all_connected = Arc::clone(&all_connected);
            thread::spawn(move || {
                let mut stream = client(address);
                // Everyone connected before anyone sends: 50 connections open at once.
                all_connected.wait();
                let data = random_bytes(20_000 + i * 100, i as u64);
                for chunk in data.chunks(7_000) {
                    assert_eq!(round_trip(&mut stream, chunk), chunk, "client {i}");
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().expect("a client failed");
    }
}

#[test]
fn silent_client_is_closed_after_the_idle_timeout() {
    let (server, address) = server(&["--idle-timeout", "1"]);
    let mut silent = client(address);
    let mut rest = Vec::new();
    // The server closes its side: we read end of stream (not our own read timeout).
    silent
        .read_to_end(&mut rest)
        .expect("end of stream from the server");
    assert!(rest.is_empty());
    let line = server.wait_stderr_line(|line| line.starts_with("close") && line.contains("#1"));
    assert!(line.contains("idle timeout"), "{line}");
}

#[test]
fn client_that_sends_but_never_reads_is_closed_after_the_timeout() {
    let (server, address) = server(&["--idle-timeout", "1"]);
    let mut greedy = client(address);
    // Send until the buffers on both sides are full and our own send blocks; the server's
    // send blocks first, gives up after 1 s, and closes (with a reset: we left data unread).
    let sender = thread::spawn(move || {
        let chunk = vec![7u8; 64 * 1024];
        let mut sent = 0usize;
        while greedy.write_all(&chunk).is_ok() {
            sent += chunk.len();
            assert!(sent < 1 << 30, "the server never stopped reading");
        }
    });
    let line = server.wait_stderr_line(|line| line.starts_with("close") && line.contains("#1"));
    assert!(line.contains("stopped reading"), "{line}");
    sender.join().unwrap();
}

#[test]
fn clients_over_the_cap_are_told_busy_and_closed() {
    let (server, address) = server(&["--max-clients", "2"]);
    let mut first = client(address);
    let mut second = client(address);
    // Both are served: their threads run.
    assert_eq!(round_trip(&mut first, b"one\n"), b"one\n");
    assert_eq!(round_trip(&mut second, b"two\n"), b"two\n");

    let mut third = client(address);
    let mut answer = String::new();
    third
        .read_to_string(&mut answer)
        .expect("the busy line, then end of stream");
    assert_eq!(
        answer,
        "server busy: 2 clients connected, try again later\n"
    );
    let line = server.wait_stderr_line(|line| line.contains("#3"));
    assert!(line.contains("refused"), "{line}");

    // A place frees up when a client leaves.
    drop(first);
    server.wait_stderr_line(|line| line.starts_with("close") && line.contains("#1"));
    let mut fourth = client(address);
    assert_eq!(round_trip(&mut fourth, b"four\n"), b"four\n");
    assert_eq!(round_trip(&mut second, b"still\n"), b"still\n");
}

#[test]
fn a_client_that_resets_mid_stream_does_not_disturb_another() {
    let (server, address) = server(&[]);
    let mut steady = client(address);
    assert_eq!(round_trip(&mut steady, b"before\n"), b"before\n");

    let mut abrupt = client(address);
    // Reset only once accepted: a connection reset while still in the listen queue is the
    // OS's to drop or to report from accept (Windows: WSAECONNRESET), never the server's close.
    server.wait_stderr_line(|line| line.starts_with("accept") && line.contains("#2"));
    // Send and read nothing back (small enough to fit in the socket buffers), then close
    // with SO_LINGER 0: the kernel sends a reset (RST) instead of the polite FIN.
    abrupt.write_all(&random_bytes(64 * 1024, 9)).unwrap();
    socket2::SockRef::from(&abrupt)
        .set_linger(Some(Duration::ZERO))
        .unwrap();
    drop(abrupt);

    let line = server.wait_stderr_line(|line| line.starts_with("close") && line.contains("#2"));
    assert!(
        line.contains("reset") || line.contains("went away"),
        "the server saw the reset: {line}"
    );
    assert_eq!(round_trip(&mut steady, b"after\n"), b"after\n");
    let big = random_bytes(200_000, 10);
    steady.write_all(&big).unwrap();
    let mut echo = vec![0u8; big.len()];
    steady.read_exact(&mut echo).unwrap();
    assert!(echo == big);
}

#[test]
fn second_server_on_the_same_port_fails_with_error_and_hint() {
    let (_first, address) = server(&[]);
    let port = address.port().to_string();
    let second = Program::start(SERVER, &["--port", &port]).finish();
    assert_eq!(second.status.code(), Some(1), "{}", second.stderr);
    let lines: Vec<&str> = second.stderr.lines().collect();
    #[cfg(target_os = "linux")]
    assert_eq!(
        lines[0],
        format!("error: binding 127.0.0.1:{port}: Address already in use (os error 98)")
    );
    assert!(
        lines[0].starts_with(&format!("error: binding 127.0.0.1:{port}: ")),
        "{}",
        second.stderr
    );
    // The OS's words differ (Windows: "Only one usage of each socket address..."); its code
    // does not: EADDRINUSE is 98 on Linux, 48 on macOS, WSAEADDRINUSE 10048 on Windows.
    let code = if cfg!(windows) {
        10048
    } else if cfg!(target_os = "macos") {
        48
    } else {
        98
    };
    assert!(
        lines[0].ends_with(&format!("(os error {code})")),
        "{}",
        second.stderr
    );
    assert!(
        lines[1].starts_with("hint: another server"),
        "{}",
        second.stderr
    );
    assert!(lines[1].contains("--port"), "{}", second.stderr);
    assert!(!second.stderr.contains("panicked"), "{}", second.stderr);
}

#[test]
fn a_bad_bind_address_is_refused_by_the_argument_parser() {
    let finished = Program::start(SERVER, &["--bind", "127.0.0.300"]).finish();
    assert_eq!(finished.status.code(), Some(2), "{}", finished.stderr);
    assert!(finished.stderr.contains("--bind"), "{}", finished.stderr);
}

// nc is a Unix program (OpenBSD netcat: scripts/install-tools nc).
#[cfg(unix)]
#[test]
fn nc_as_a_client_gets_every_byte_back() {
    let (_server, address) = server(&[]);
    let data = random_bytes(500_000, 11);
    // OpenBSD netcat: -N shuts down the write side at end of stdin, then reads to the end.
    let port = address.port().to_string();
    let finished = testkit::run("nc", &["-N", "127.0.0.1", &port], &data);
    assert!(
        finished.status.success(),
        "nc failed (install it with scripts/install-tools nc): {}",
        finished.stderr
    );
    assert!(
        finished.stdout == data,
        "nc got {} bytes of {}",
        finished.stdout.len(),
        data.len()
    );
}

#[test]
fn out_of_range_or_negative_port_is_one_error_and_one_hint() {
    let finished = Program::start(SERVER, &["--port", "70000"]).finish();
    let (error, _) = testkit::assert_error_and_hint(&finished, 2);
    assert!(error.contains("70000 is not in 0..=65535"), "{error}");
    let finished = Program::start(SERVER, &["--port", "-1"]).finish();
    let (_, hint) = testkit::assert_error_and_hint(&finished, 2);
    assert!(
        hint.starts_with("hint: negative numbers are not valid here"),
        "{hint}"
    );
}

#[test]
fn zero_max_clients_is_refused() {
    let finished = Program::start(SERVER, &["--max-clients", "0"]).finish();
    let (error, _) = testkit::assert_error_and_hint(&finished, 2);
    assert!(error.contains("--max-clients"), "{error}");
}

/// A server bound to loopback says so under its bind line, and how to let other machines in:
/// across two computers, "connection refused" from a server on 127.0.0.1 was a puzzle.
#[test]
fn a_loopback_server_says_only_this_machine_can_connect() {
    let (server, address) = server(&[]);
    assert!(address.ip().is_loopback(), "{address}");
    let line = server.wait_stderr_line(|line| line.contains("only this machine"));
    assert!(line.contains("--bind 0.0.0.0"), "{line}");
    let first = server.stderr_text();
    assert!(
        first
            .lines()
            .next()
            .is_some_and(|line| line.starts_with("bind ")),
        "the bind line comes first, for scripts that read the port: {first}"
    );
}

/// The sizes of the reads the server narrated (`--verbose`) for connection #1, once it closed.
fn read_sizes(server: &Program) -> Vec<u64> {
    server.wait_stderr_line(|line| line.starts_with("close    #1 "));
    server
        .stderr_text()
        .lines()
        .filter(|line| line.starts_with("recv     #1 "))
        .map(|line| testkit::score::number_after(line, "#1 "))
        .collect()
}

/// With `--slow`, the server reads only after a pause: three writes sent meanwhile come out
/// of one read. TCP keeps the bytes and their order, not the writes' boundaries.
#[test]
fn a_slow_reader_gets_several_writes_in_one_read() {
    let (server, address) = server(&["--verbose", "--slow", "500"]);
    let mut stream = client(address);
    stream.set_nodelay(true).unwrap(); // three segments on the wire, not one
    for piece in ["olá\n", "tudo bem?\n", "tchau\n"] {
        stream.write_all(piece.as_bytes()).unwrap();
    }
    let mut echo = vec![0u8; 21];
    stream.read_exact(&mut echo).unwrap();
    assert_eq!(echo, "olá\ntudo bem?\ntchau\n".as_bytes());
    drop(stream);
    assert_eq!(read_sizes(&server), [21], "{}", server.stderr_text());
}

/// With `--buffer 4`, one write of 10 bytes comes out of three reads: 4, 4, 2. The rest of a
/// write waits in the kernel for the next read (in UDP, it would be cut off and lost).
#[test]
fn a_small_buffer_reads_one_write_in_pieces() {
    let (server, address) = server(&["--verbose", "--buffer", "4"]);
    let mut stream = client(address);
    assert_eq!(round_trip(&mut stream, b"0123456789"), b"0123456789");
    drop(stream);
    assert_eq!(read_sizes(&server), [4, 4, 2], "{}", server.stderr_text());
    let knobs = server.wait_stderr_line(|line| line.contains("demo knobs"));
    assert!(knobs.contains("at most 4 bytes"), "{knobs}");
}

#[test]
fn buffer_and_slow_out_of_range_are_refused() {
    for (option, value) in [
        ("--buffer", "0"),
        ("--buffer", "1048577"),
        ("--slow", "60001"),
    ] {
        let finished = Program::start(SERVER, &[option, value]).finish();
        let (error, _) = testkit::assert_error_and_hint(&finished, 2);
        assert!(error.contains(option), "{error}");
    }
}
