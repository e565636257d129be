//! The client, run for real against the real echo server (and against socat, and against a
//! server that misbehaves on purpose), on loopback.

// Only tests with Unix peers or Linux's accept queue use some of these: none runs on Windows.
#![cfg_attr(windows, allow(unused_imports))]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use testkit::{Finished, Program, TIMEOUT, random_bytes};

const CLIENT: &str = env!("CARGO_BIN_EXE_tcp-client");

fn server() -> (Program, String) {
    let server = Program::start(testkit::sibling_binary("tcp-echo-server"), &["--port", "0"]);
    let port = server.bound_addr().port().to_string();
    (server, port)
}

/// Pipes `data` through the client and the server, and checks every byte came back.
fn pipe_through_the_server(len: usize) -> Finished {
    let (_server, port) = server();
    let data = random_bytes(len, len as u64);
    let started = Instant::now();
    // testkit::run feeds stdin from a thread of its own while it collects stdout.
    let finished = testkit::run(CLIENT, &["--port", &port], &data);
    assert!(finished.status.success(), "{}", finished.stderr);
    assert!(
        finished.stdout == data,
        "{} bytes came back of {len}; stderr:\n{}",
        finished.stdout.len(),
        finished.stderr
    );
    assert!(
        finished.stderr.contains(&format!("got {len} bytes back")),
        "{}",
        finished.stderr
    );
    eprintln!("{len} bytes through the server in {:?}", started.elapsed());
    finished
}

#[test]
fn one_message_comes_back_as_text() {
    let (_server, port) = server();
    let finished = testkit::run(
        CLIENT,
        &["--port", &port, "--message", "olá, servidor"],
        b"",
    );
    assert!(finished.status.success(), "{}", finished.stderr);
    assert_eq!(finished.stdout_text(), "olá, servidor\n");
    assert!(
        finished.stderr.starts_with("connect  from 127.0.0.1:"),
        "{}",
        finished.stderr
    );
    assert!(
        finished.stderr.contains("round trip"),
        "{}",
        finished.stderr
    );
}

#[test]
fn piping_nothing_gives_nothing_back() {
    let finished = pipe_through_the_server(0);
    assert!(finished.stderr.contains("shutdown"), "{}", finished.stderr);
}

#[test]
fn piping_one_byte_gives_it_back() {
    pipe_through_the_server(1);
}

#[test]
fn piping_just_over_one_chunk_gives_every_byte_back() {
    pipe_through_the_server(64 * 1024 + 1);
}

#[test]
fn piping_one_mebibyte_gives_every_byte_back() {
    pipe_through_the_server(1 << 20);
}

#[test]
fn piping_sixteen_mebibytes_does_not_deadlock_and_gives_every_byte_back() {
    pipe_through_the_server(16 << 20);
}

#[test]
fn refused_connection_says_to_start_the_server() {
    let port = testkit::unused_port().to_string();
    let finished = testkit::run(CLIENT, &["--port", &port, "--message", "x"], b"");
    assert_eq!(finished.status.code(), Some(1), "{}", finished.stderr);
    let lines: Vec<&str> = finished.stderr.lines().collect();
    assert!(
        lines[0].starts_with(&format!("error: connecting to 127.0.0.1:{port}: ")),
        "{}",
        finished.stderr
    );
    assert!(lines[0].contains("refused"), "{}", finished.stderr);
    assert!(
        lines[1].starts_with("hint: is the server running?")
            && lines[1].contains("cargo run -p tcp-echo-server"),
        "{}",
        finished.stderr
    );
    assert!(!finished.stderr.contains("panicked"), "{}", finished.stderr);
}

#[test]
fn localhost_tries_every_address_it_resolves_to() {
    // Listen on 127.0.0.1 only: if localhost resolves to ::1 first, that attempt is refused
    // and the client must go on to 127.0.0.1.
    let (_server, port) = server();
    let finished = testkit::run(
        CLIENT,
        &["--host", "localhost", "--port", &port, "--message", "hi"],
        b"",
    );
    assert!(finished.status.success(), "{}", finished.stderr);
    assert_eq!(finished.stdout_text(), "hi\n");
    assert!(
        finished.stderr.contains("resolve  localhost"),
        "{}",
        finished.stderr
    );
}

#[test]
fn a_server_that_resets_mid_stream_is_an_error_with_a_hint() {
    // A server that takes the first bytes, then closes with SO_LINGER 0: the kernel sends a
    // reset (RST) to the client.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port().to_string();
    let rude = thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut first = [0u8; 1000];
        stream.read_exact(&mut first).unwrap();
        socket2::SockRef::from(&stream)
            .set_linger(Some(Duration::ZERO))
            .unwrap();
    });
    let finished = testkit::run(CLIENT, &["--port", &port], &random_bytes(1 << 20, 5));
    rude.join().unwrap();
    assert_eq!(finished.status.code(), Some(1), "{}", finished.stderr);
    let error = finished
        .stderr
        .lines()
        .find(|line| line.starts_with("error: "))
        .unwrap_or_else(|| panic!("no error line: {}", finished.stderr));
    // Keyed on the OS's code, not its words (Windows: "An existing connection was forcibly
    // closed by the remote host"): a reset (ECONNRESET) or a write after it (EPIPE).
    let codes: &[i32] = if cfg!(windows) {
        &[10054, 10053] // WSAECONNRESET, WSAECONNABORTED
    } else if cfg!(target_os = "macos") {
        &[54, 32]
    } else {
        &[104, 32]
    };
    assert!(
        codes
            .iter()
            .any(|code| error.ends_with(&format!("(os error {code})"))),
        "{error}"
    );
    assert!(finished.stderr.contains("\nhint: "), "{}", finished.stderr);
    assert!(!finished.stderr.contains("panicked"), "{}", finished.stderr);
}

/// Waits until something accepts connections on `port`: a connect retried until a deadline.
#[cfg(unix)]
fn wait_until_listening(port: u16) {
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    let deadline = Instant::now() + TIMEOUT;
    while TcpStream::connect_timeout(&address, Duration::from_secs(1)).is_err() {
        assert!(Instant::now() < deadline, "nothing listens on {address}");
        thread::yield_now();
    }
}

// socat is a Unix program (scripts/install-tools socat).
#[cfg(unix)]
#[test]
fn works_with_socat_as_the_echo_server() {
    let port = testkit::unused_port();
    let listen = format!("TCP-LISTEN:{port},bind=127.0.0.1,fork,reuseaddr");
    let _socat = Program::start("socat", &[&listen, "PIPE"]);
    wait_until_listening(port);
    let port = port.to_string();

    let finished = testkit::run(CLIENT, &["--port", &port, "--message", "olá, socat"], b"");
    assert!(finished.status.success(), "{}", finished.stderr);
    assert_eq!(finished.stdout_text(), "olá, socat\n");

    let data = random_bytes(1 << 20, 12);
    let finished = testkit::run(CLIENT, &["--port", &port], &data);
    assert!(finished.status.success(), "{}", finished.stderr);
    assert!(
        finished.stdout == data,
        "{} bytes back of {}",
        finished.stdout.len(),
        data.len()
    );
}

/// A server whose accept queue is full: Linux then drops new handshakes (SYN) silently, so
/// a connect neither succeeds nor is refused; it times out.
#[cfg(target_os = "linux")]
#[test]
fn a_server_that_never_answers_times_out_with_a_hint() {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None).unwrap();
    socket
        .bind(&SocketAddr::from(([127, 0, 0, 1], 0)).into())
        .unwrap();
    socket.listen(0).unwrap();
    let listener: TcpListener = socket.into();
    let address = listener.local_addr().unwrap();
    // Fill the queue: connect (and never accept) until a connect attempt goes unanswered.
    let mut queued = Vec::new();
    loop {
        match TcpStream::connect_timeout(&address, Duration::from_millis(300)) {
            Ok(stream) => queued.push(stream),
            Err(_) => break,
        }
        assert!(queued.len() < 100, "the accept queue never filled");
    }
    let port = address.port().to_string();
    let started = Instant::now();
    let finished = testkit::run(CLIENT, &["--port", &port, "--timeout", "0.5"], b"");
    assert_eq!(finished.status.code(), Some(1), "{}", finished.stderr);
    assert!(started.elapsed() < TIMEOUT);
    let lines: Vec<&str> = finished.stderr.lines().collect();
    assert!(
        lines[0].starts_with(&format!("error: connecting to 127.0.0.1:{port}: ")),
        "{}",
        finished.stderr
    );
    assert!(
        lines[1].starts_with("hint: nothing answered within"),
        "{}",
        finished.stderr
    );
    assert!(lines[1].contains("--timeout"), "{}", finished.stderr);
}

/// A timeout too large for a `Duration` used to panic in `Duration::from_secs_f64`.
#[test]
fn timeouts_that_are_not_a_positive_duration_are_refused_with_a_hint() {
    for timeout in ["1e30", "0", "nan"] {
        let finished = testkit::run(CLIENT, &["--timeout", timeout], b"");
        let (error, hint) = testkit::assert_error_and_hint(&finished, 2);
        assert!(
            error.contains("is not a number of seconds above 0"),
            "{error}"
        );
        assert!(hint.contains("cargo run -p tcp-client -- --help"), "{hint}");
    }
}

/// `tcp-client < data | head -c 10`: the reader goes away; the client stops cleanly.
#[cfg(unix)]
#[test]
fn stdout_closed_early_stops_the_client_cleanly() {
    let (_server, port) = server();
    let mut command = std::process::Command::new("bash");
    command.args([
        "-c",
        &format!(
            "head -c 4000000 /dev/zero | '{CLIENT}' --port {port} | head -c 10; \
             exit ${{PIPESTATUS[1]}}"
        ),
    ]);
    let finished = Program::start_command(&mut command).finish();
    // The client's own exit status (the feeding `head` may die of SIGPIPE: not our business).
    assert_eq!(finished.status.code(), Some(0), "{}", finished.stderr);
    assert_eq!(finished.stdout.len(), 10);
    assert!(
        finished.stderr.contains("stdout closed by the reader"),
        "{}",
        finished.stderr
    );
    assert!(!finished.stderr.contains("panicked"), "{}", finished.stderr);
}

/// A server over its --max-clients says "server busy" and closes: every mode of the client
/// must report that (it used to print "ser" as the echo of "hi" in --message mode, then fail
/// with no hint).
#[test]
fn a_busy_server_is_reported_with_a_hint_in_every_mode() {
    let server = Program::start(
        testkit::sibling_binary("tcp-echo-server"),
        &["--port", "0", "--max-clients", "1"],
    );
    let address = server.bound_addr();
    let _first = TcpStream::connect(address).expect("the first client");
    server.wait_stderr_line(|line| line.starts_with("accept   #1"));
    let port = address.port().to_string();
    for (mode, input) in [(&["--message", "hi"][..], &b""[..]), (&[], b"piped\n")] {
        let mut args = vec!["--port", port.as_str()];
        args.extend_from_slice(mode);
        let finished = testkit::run(CLIENT, &args, input);
        let (error, hint) = testkit::assert_error_and_hint(&finished, 1);
        assert!(error.contains("server busy"), "{error}");
        assert!(hint.contains("--max-clients"), "{hint}");
        assert_eq!(finished.stdout_text(), "", "nothing may pass for an echo");
    }
}

/// Port 0 means "any free port" when binding; as a destination it used to end in a hint to
/// start the server "with --port 0".
#[test]
fn port_zero_is_refused_as_a_destination() {
    let finished = testkit::run(CLIENT, &["--port", "0", "--message", "x"], b"");
    let (error, _) = testkit::assert_error_and_hint(&finished, 2);
    assert!(error.contains("0 is not in 1..=65535"), "{error}");
}

/// A server that speaks first and stays open, as
/// `socat TCP-LISTEN:P,fork SYSTEM:'echo 220 hello; cat'`: it greets each client, then echoes
/// until the client half-closes.
fn greeting_server(clients: usize) -> (String, thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port().to_string();
    let serving = thread::spawn(move || {
        for _ in 0..clients {
            let (mut stream, _) = listener.accept().unwrap();
            stream.set_read_timeout(Some(TIMEOUT)).unwrap();
            stream.write_all(b"220 hello\r\n").unwrap();
            let mut reading = stream.try_clone().unwrap();
            std::io::copy(&mut reading, &mut stream).unwrap();
        }
    });
    (port, serving)
}

/// The client used to wait for ever for a greeting server to close (issue 11 §3). A greeting
/// is data: it is shown, and the conversation goes on as with any server.
#[test]
fn a_server_that_speaks_first_is_shown_and_the_conversation_goes_on() {
    let (port, serving) = greeting_server(2);
    let finished = testkit::run(CLIENT, &["--port", &port, "--message", "hi"], b"");
    assert!(finished.status.success(), "{}", finished.stderr);
    assert_eq!(finished.stdout_text(), "220 hello\r\nhi\n");
    assert!(
        finished.stderr.contains("11 bytes from 127.0.0.1:")
            && finished.stderr.contains("it speaks first (a greeting)"),
        "{}",
        finished.stderr
    );

    let finished = testkit::run(CLIENT, &["--port", &port], b"piped\n");
    assert!(finished.status.success(), "{}", finished.stderr);
    assert_eq!(finished.stdout_text(), "220 hello\r\npiped\n");
    assert!(
        finished.stderr.contains("got 6 bytes back"),
        "{}",
        finished.stderr
    );
    serving.join().unwrap();
}

/// `--host 127.1` was handed to getaddrinfo, whose old rules read it as 127.0.0.1 (and
/// `--host 1.2.3` as 1.2.0.3, another machine). Such typos are refused while the arguments are
/// read: the only lines are the error and its hint (every socket call is narrated), and the
/// listener that the old reading reached gets no connection. Only typos that the old rules read
/// as loopback are tried here, so that this test sends nothing off the machine even against an
/// old client.
#[test]
fn a_host_typo_is_refused_before_any_socket_exists() {
    let trap = TcpListener::bind("127.0.0.1:0").unwrap();
    trap.set_nonblocking(true).unwrap();
    let port = trap.local_addr().unwrap().port().to_string();
    let with_port = format!("127.0.0.1:{port}");
    for typo in ["127.1", "0x7f.0.0.1", "2130706433", &with_port] {
        let finished = testkit::run(
            CLIENT,
            &["--host", typo, "--port", &port, "--message", "hi"],
            b"",
        );
        let (error, hint) = testkit::assert_error_and_hint(&finished, 2);
        assert_eq!(finished.stderr.lines().count(), 2, "{}", finished.stderr);
        assert!(
            error.contains(&format!("for '--host <HOST>': {typo} ")),
            "{error}"
        );
        assert!(hint.contains("127.0.0.1"), "{hint}");
        let accepted = trap.accept().map(|(_, peer)| peer);
        assert!(
            accepted
                .as_ref()
                .is_err_and(|error| error.kind() == std::io::ErrorKind::WouldBlock),
            "--host {typo}: the listener accepted {accepted:?}"
        );
    }
}

/// A server that accepts and never writes a byte (a student's exercise server that forgets
/// to echo), or, with `echo`, echoes but never closes after the client's end of stream. It
/// holds the connection until the test is done with it.
struct MuteServer {
    port: String,
    done: mpsc::Sender<()>,
    serving: thread::JoinHandle<()>,
}

impl MuteServer {
    fn start(echo: bool) -> MuteServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port().to_string();
        let (done, finished) = mpsc::channel();
        let serving = thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            stream.set_read_timeout(Some(TIMEOUT)).unwrap();
            let mut chunk = [0u8; 4096];
            while let Ok(n @ 1..) = stream.read(&mut chunk) {
                if echo {
                    stream.write_all(&chunk[..n]).unwrap();
                }
            }
            // End of stream (or the client gave up): keep our side open all the same.
            let _ = finished.recv_timeout(TIMEOUT);
        });
        MuteServer {
            port,
            done,
            serving,
        }
    }

    fn stop(self) {
        self.done.send(()).unwrap();
        self.serving.join().unwrap();
    }
}

/// `--message` used to wait for ever for an echo that never comes.
#[test]
fn a_server_that_never_answers_is_given_up_after_the_reply_timeout() {
    let server = MuteServer::start(false);
    let started = Instant::now();
    let finished = testkit::run(
        CLIENT,
        &[
            "--port",
            &server.port,
            "--message",
            "olá",
            "--reply-timeout",
            "0.5",
        ],
        b"",
    );
    let (error, hint) = testkit::assert_error_and_hint(&finished, 1);
    assert!(
        error.contains("no reply from 127.0.0.1:") && error.contains("for 500ms"),
        "{error}"
    );
    assert!(error.ends_with("0 of the 5 bytes came back"), "{error}");
    assert!(
        hint.contains("write back what it reads") && hint.contains("--reply-timeout"),
        "{hint}"
    );
    assert!(started.elapsed() < TIMEOUT);
    server.stop();
}

/// Piped input, and a server that never answers: given up once all is sent, never a hang.
#[test]
fn a_piped_client_gives_up_on_a_server_that_never_answers() {
    let server = MuteServer::start(false);
    let finished = testkit::run(
        CLIENT,
        &["--port", &server.port, "--reply-timeout", "0.5"],
        b"um\ndois\n",
    );
    let (error, hint) = testkit::assert_error_and_hint(&finished, 1);
    assert!(
        error.contains("no reply") && error.ends_with("we sent 8 bytes, 0 came back"),
        "{error}"
    );
    assert!(hint.contains("--reply-timeout"), "{hint}");
    server.stop();
}

/// A server that echoes but never closes after our half-close: the echo is shown, then an
/// error that says what did not happen.
#[test]
fn a_server_that_never_closes_after_our_half_close_is_given_up() {
    let server = MuteServer::start(true);
    let finished = testkit::run(
        CLIENT,
        &[
            "--port",
            &server.port,
            "--message",
            "olá",
            "--reply-timeout",
            "0.5",
        ],
        b"",
    );
    let (error, hint) = testkit::assert_error_and_hint(&finished, 1);
    assert_eq!(finished.stdout_text(), "olá\n");
    assert!(
        error.ends_with("it did not close its side after ours"),
        "{error}"
    );
    assert!(hint.contains("close when read returns 0"), "{hint}");
    server.stop();
}

/// A quiet server is no error while the input itself is slow: the reply timeout counts only
/// while the client waits for an answer it is owed.
#[test]
fn slow_piped_input_is_not_taken_for_a_quiet_server() {
    let (_server, port) = server();
    let mut client = Program::start(CLIENT, &["--port", &port, "--reply-timeout", "0.3"]);
    client.write_stdin(b"um\n").unwrap();
    client.wait_stdout_len(3);
    // Not synchronisation: the condition under test, input that pauses longer than the
    // reply timeout while nothing is owed.
    thread::sleep(Duration::from_millis(1200));
    client.write_stdin(b"dois\n").unwrap();
    let finished = client.finish();
    assert!(finished.status.success(), "{}", finished.stderr);
    assert_eq!(finished.stdout_text(), "um\ndois\n");
}

/// `--message` more than once: one write each, sent before any echo is read, and the echo of
/// them all.
#[test]
fn several_messages_are_several_writes_and_one_echo() {
    let (_server, port) = server();
    let finished = testkit::run(
        CLIENT,
        &["--port", &port, "--message", "olá", "--message", "tchau"],
        b"",
    );
    assert!(finished.status.success(), "{}", finished.stderr);
    assert_eq!(finished.stdout_text(), "olá\ntchau\n");
    let sends: Vec<&str> = finished
        .stderr
        .lines()
        .filter(|line| line.starts_with("send "))
        .collect();
    assert_eq!(sends.len(), 2, "{}", finished.stderr);
    assert!(sends[0].starts_with("send     5 bytes to"), "{sends:?}");
    assert!(sends[1].starts_with("send     6 bytes to"), "{sends:?}");
    assert!(
        finished.stderr.contains("recv     11 bytes back"),
        "{}",
        finished.stderr
    );
}
