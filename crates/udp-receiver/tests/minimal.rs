//! The minimal receiver (`examples/udp-receiver-minimal.rs`), run for real on loopback and
//! port 0, with the full udp-sender. (The minimal sender against the full receiver, and
//! against the minimal receiver, is tested in udp-sender.)

use testkit::{Finished, Program};

/// The minimal receiver on a free port of 127.0.0.1, and that port.
fn minimal_receiver() -> (Program, String) {
    // Build the sender first, so that nothing waits for cargo once the receiver runs.
    testkit::sibling_binary("udp-sender");
    let receiver = Program::start(testkit::minimal_binary("udp-receiver"), &["127.0.0.1:0"]);
    let address = receiver.bound_addr();
    assert!(
        address.ip().is_loopback() && address.port() != 0,
        "{address}"
    );
    (receiver, address.port().to_string())
}

/// Runs the full sender and returns the port it bound (its first narration line).
fn full_sender(args: &[&str], input: &[u8]) -> u16 {
    let sent: Finished = testkit::run(testkit::sibling_binary("udp-sender"), args, input);
    assert!(sent.status.success(), "{}", sent.stderr);
    let bind = sent.stderr.lines().next().unwrap_or_default();
    testkit::first_socket_addr(bind)
        .unwrap_or_else(|| panic!("the sender's first line names no address:\n{}", sent.stderr))
        .port()
}

#[test]
fn each_line_the_full_sender_sends_arrives_whole_as_one_datagram() {
    let (receiver, port) = minimal_receiver();
    let from = full_sender(&["--port", &port, "--lines"], "a\nbb\nolá\n".as_bytes());
    let stdout = receiver.wait_stdout_contains("\"olá\"\n");
    assert_eq!(
        stdout,
        format!(
            "from 127.0.0.1:{from}      1 bytes  \"a\"\n\
             from 127.0.0.1:{from}      2 bytes  \"bb\"\n\
             from 127.0.0.1:{from}      4 bytes  \"olá\"\n"
        )
    );
    // stderr is read by a thread of its own: wait for the last narration line to be there.
    receiver.wait_stderr_line(|line| line.starts_with("recv_from 4 bytes"));
    let narrated = receiver.stderr_text();
    let recvs: Vec<&str> = narrated
        .lines()
        .filter(|line| line.starts_with("recv_from "))
        .collect();
    assert_eq!(
        recvs,
        [1, 2, 4].map(|n| format!("recv_from {n} bytes from 127.0.0.1:{from}")),
        "{narrated}"
    );
}

#[test]
fn full_senders_numbered_run_reaches_the_minimal_receiver_in_full() {
    let (receiver, port) = minimal_receiver();
    full_sender(&["--port", &port, "--count", "20", "--rate", "0"], b"");
    let stdout = receiver.wait_stdout_contains("\"SEQ 19 OF 20 RUN ");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 20, "{stdout}");
    for (seq, line) in lines.iter().enumerate() {
        assert!(line.contains(&format!("\"SEQ {seq} OF 20 RUN ")), "{line}");
    }
}
