//! The minimal sender (`examples/udp-sender-minimal.rs`), run for real on loopback and port 0,
//! against the full udp-receiver (which scores its numbered datagrams) and against the minimal
//! receiver its header pairs it with. (The full sender against the minimal receiver is tested
//! in udp-receiver.)

use std::net::SocketAddr;

use testkit::{Finished, Program};

/// Runs the minimal sender to `receiver` and checks its narration: the bind first, with the
/// port the OS chose, then one `send_to` per datagram. Returns the port it sent from.
fn minimal_sender(receiver: SocketAddr) -> u16 {
    let to = receiver.to_string();
    let sent: Finished = testkit::run(testkit::minimal_binary("udp-sender"), &[&to], b"");
    assert!(sent.status.success(), "{}", sent.stderr);
    let bound = testkit::first_socket_addr(sent.stderr.lines().next().unwrap_or_default())
        .unwrap_or_else(|| panic!("the first line names no address:\n{}", sent.stderr));
    assert!(bound.ip().is_unspecified() && bound.port() != 0, "{bound}");
    let sends: Vec<&str> = sent
        .stderr
        .lines()
        .filter(|line| line.starts_with("send_to "))
        .collect();
    assert_eq!(sends.len(), 10, "{}", sent.stderr);
    for (seq, line) in sends.iter().enumerate() {
        assert!(
            line.contains(&format!(" bytes to {to}: SEQ {seq} OF 10 ")),
            "{line}"
        );
    }
    bound.port()
}

#[test]
fn full_receiver_scores_the_minimal_senders_ten_datagrams_none_lost() {
    // Built before the receiver starts, so that its idle timeout does not wait for cargo.
    testkit::minimal_binary("udp-sender");
    let receiver = Program::start(
        testkit::sibling_binary("udp-receiver"),
        &["--port", "0", "--count", "10", "--idle-timeout", "15"],
    );
    let address = receiver.bound_addr();
    let from = minimal_sender(address);
    let received = receiver.finish();
    assert!(received.status.success(), "{}", received.stderr);
    // Every datagram came whole, with the course's header, from the port the sender was given.
    let stdout = received.stdout_text();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 10, "{stdout}");
    for (seq, line) in lines.iter().enumerate() {
        assert!(
            line.starts_with(&format!("from 127.0.0.1:{from} ")),
            "{line}"
        );
        assert!(line.contains(&format!("SEQ {seq} OF 10 RUN ")), "{line}");
        assert!(line.ends_with(&format!("\"hello {seq}\"")), "{line}");
    }
    assert!(
        received
            .stderr
            .contains("received 10 of 10 sent, lost 0, reordered 0, duplicated 0"),
        "{}",
        received.stderr
    );
    assert!(
        received.stderr.contains(" 0 without a course header"),
        "{}",
        received.stderr
    );
}

#[test]
fn minimal_receiver_prints_each_datagram_of_the_minimal_sender() {
    testkit::minimal_binary("udp-sender");
    let receiver = Program::start(testkit::minimal_binary("udp-receiver"), &["127.0.0.1:0"]);
    let address = receiver.bound_addr();
    let from = minimal_sender(address);
    receiver.wait_stdout_contains("hello 9\"\n");
    let stdout = String::from_utf8_lossy(&receiver.stdout_bytes()).into_owned();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 10, "{stdout}");
    for (seq, line) in lines.iter().enumerate() {
        assert!(
            line.starts_with(&format!("from 127.0.0.1:{from}  ")),
            "{line}"
        );
        assert!(line.contains(&format!("\"SEQ {seq} OF 10 RUN ")), "{line}");
    }
}
