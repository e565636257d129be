//! The minimal multicast sender (`examples/multicast-sender-minimal.rs`), run for real on the
//! loopback interface: one full listener and one minimal listener of the same group each get
//! every datagram. (The full sender against minimal listeners is tested in multicast-listener.)
//!
//! The group is this test's own (239.255.x.y, from this process) and the port one the OS
//! gave the first listener, so that tests running at the same time never hear each other.

use testkit::Program;

fn group() -> String {
    format!("239.255.{}.201", 80 + std::process::id() % 150)
}

#[test]
fn full_and_minimal_listeners_each_get_every_datagram_of_the_minimal_sender() {
    let sender = testkit::minimal_binary("multicast-sender");
    let group = group();
    // The minimal listener binds port 0; the full listener shares the port it got.
    let minimal = Program::start(
        testkit::minimal_binary("multicast-listener"),
        &[&format!("{group}:0")],
    );
    let port = minimal.bound_addr().port().to_string();
    minimal.wait_stderr_line(|line| line.starts_with("join "));
    let full = Program::start(
        testkit::sibling_binary("multicast-listener"),
        &[
            "--group",
            &group,
            "--port",
            &port,
            "--count",
            "10",
            "--idle-timeout",
            "15",
        ],
    );
    full.wait_stderr_line(|line| line.starts_with("join "));

    let to = format!("{group}:{port}");
    let sent = testkit::run(sender, &[&to], b"");
    assert!(sent.status.success(), "{}", sent.stderr);
    let lines: Vec<&str> = sent.stderr.lines().collect();
    // The first line names the address bound: the loopback interface's, a port the OS chose.
    let from = testkit::first_socket_addr(lines[0]).expect("an address in the bind line");
    assert!(
        from.ip().is_loopback() && from.port() != 0,
        "{}",
        sent.stderr
    );
    let sends: Vec<&&str> = lines
        .iter()
        .filter(|line| line.starts_with("send_to "))
        .collect();
    assert_eq!(sends.len(), 10, "{}", sent.stderr);
    for (seq, line) in sends.iter().enumerate() {
        assert!(
            line.starts_with(&format!("send_to  SEQ {seq} OF 10 (")),
            "{line}"
        );
        assert!(line.ends_with(&format!(" to {to} from {from}")), "{line}");
    }

    let full = full.finish();
    assert!(full.status.success(), "{}", full.stderr);
    let stdout = full.stdout_text();
    assert_eq!(stdout.lines().count(), 10, "{stdout}");
    for (seq, line) in stdout.lines().enumerate() {
        assert!(line.starts_with(&format!("from {from} ")), "{line}");
        assert!(line.contains(&format!("SEQ {seq} OF 10 RUN ")), "{line}");
    }
    assert!(
        full.stderr
            .contains("received 10 of 10 sent, lost 0, reordered 0, duplicated 0"),
        "{}",
        full.stderr
    );

    let stdout = minimal.wait_stdout_contains("\"SEQ 9 OF 10 RUN ");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 10, "{stdout}");
    for (seq, line) in lines.iter().enumerate() {
        assert!(line.starts_with(&format!("from {from}  ")), "{line}");
        assert!(line.contains(&format!("\"SEQ {seq} OF 10 RUN ")), "{line}");
    }
}
