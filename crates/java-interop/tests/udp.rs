//! The Java UDP programs (`java/UdpSender.java`, `java/UdpReceiver.java`) against the full
//! Rust programs, both ways, on loopback and port 0: the Rust receiver scores the Java
//! sender's numbered datagrams as a run it received in full, and the Java receiver gets each
//! datagram of the Rust sender whole, one per `receive`. Of the Rust programs' narration the
//! tests read only the first line's address and the score; their stdout is the data.

use testkit::{Program, first_socket_addr};

#[test]
fn java_senders_ten_datagrams_all_reach_the_rust_receiver() {
    let Some(java) = java_interop::java() else {
        return;
    };
    let receiver = Program::start(
        testkit::sibling_binary("udp-receiver"),
        &["--port", "0", "--count", "10", "--idle-timeout", "15"],
    );
    let address = receiver.bound_addr();
    let sender = java.run("UdpSender", &[&address.to_string()], b"");
    assert!(sender.status.success(), "{}", sender.stderr);
    let sends = sender
        .stderr
        .lines()
        .filter(|l| l.starts_with("send "))
        .count();
    assert_eq!(sends, 10, "{}", sender.stderr);
    let received = receiver.finish();
    assert!(received.status.success(), "{}", received.stderr);
    // The score of the run: all ten arrived.
    assert!(
        received.stderr.contains("received 10 of 10 sent, lost 0,"),
        "{}",
        received.stderr
    );
    // The datagrams came from the port the Java sender's first line names.
    let bound =
        first_socket_addr(sender.stderr.lines().next().unwrap_or_default()).unwrap_or_else(|| {
            panic!(
                "the sender's first line names no address:\n{}",
                sender.stderr
            )
        });
    let stdout = received.stdout_text();
    let from = format!("from 127.0.0.1:{} ", bound.port());
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with(&from)).count(),
        10,
        "{stdout}"
    );
}

#[test]
fn rust_senders_datagrams_reach_the_java_receiver_whole_one_per_receive() {
    let Some(java) = java_interop::java() else {
        return;
    };
    let sender = testkit::sibling_binary("udp-sender");
    let receiver = java.start("UdpReceiver", &["127.0.0.1:0"]);
    let address = receiver.bound_addr();
    assert!(
        address.ip().is_loopback() && address.port() != 0,
        "{address}"
    );
    let port = address.port().to_string();

    let sent = testkit::run(
        &sender,
        &["--port", &port, "--count", "20", "--rate", "0"],
        b"",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    let stdout = receiver.wait_stdout_contains("\"SEQ 19 OF 20 RUN ");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 20, "{stdout}");
    for (seq, line) in lines.iter().enumerate() {
        assert!(line.starts_with("from 127.0.0.1:"), "{line}");
        assert!(line.contains(&format!("\"SEQ {seq} OF 20 RUN ")), "{line}");
    }

    // One line, one datagram: each arrives with its own length, nothing merged or split.
    let sent = testkit::run(&sender, &["--port", &port, "--lines"], b"a\nbb\nccc\n");
    assert!(sent.status.success(), "{}", sent.stderr);
    let from = first_socket_addr(sent.stderr.lines().next().unwrap_or_default())
        .unwrap_or_else(|| panic!("the sender's first line names no address:\n{}", sent.stderr));
    let stdout = receiver.wait_stdout_contains("\"ccc\"\n");
    let from = format!("from 127.0.0.1:{}", from.port());
    assert!(
        stdout.ends_with(&format!(
            "{from}      1 bytes  \"a\"\n{from}      2 bytes  \"bb\"\n{from}      3 bytes  \"ccc\"\n"
        )),
        "{stdout}"
    );
    receiver.wait_stderr_line(|line| line == format!("receive  3 bytes {}", &from));
}
