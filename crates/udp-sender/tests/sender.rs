//! udp-sender, run for real on loopback, against udp-receiver and socat.

#[path = "../../udp-receiver/tests/support/mod.rs"]
mod support;

use support::run_score;
use testkit::Program;

const SENDER: &str = env!("CARGO_BIN_EXE_udp-sender");

fn receiver(args: &[&str]) -> (Program, String) {
    let mut all = vec!["--port", "0"];
    all.extend_from_slice(args);
    let receiver = Program::start(testkit::sibling_binary("udp-receiver"), &all);
    let port = receiver.bound_addr().port().to_string();
    (receiver, port)
}

/// Lines that narrate one `send_to`.
fn sends(stderr: &str) -> usize {
    stderr
        .lines()
        .filter(|line| line.starts_with("send_to "))
        .count()
}

#[test]
fn payload_over_the_ipv4_maximum_is_refused_before_sending() {
    let (receiver, port) = receiver(&["--idle-timeout", "1"]);
    let sent = testkit::run(
        SENDER,
        &["--port", &port, "--count", "1", "--size", "65508"],
        b"",
    );
    assert_eq!(sent.status.code(), Some(1), "{}", sent.stderr);
    let lines: Vec<&str> = sent.stderr.lines().collect();
    assert!(
        lines[0].starts_with("error: ") && lines[0].contains("65507"),
        "{}",
        sent.stderr
    );
    assert!(lines[1].starts_with("hint: "), "{}", sent.stderr);
    assert_eq!(
        lines.len(),
        2,
        "nothing may be bound or sent first:\n{}",
        sent.stderr
    );
    let received = receiver.finish();
    assert!(
        received.stderr.contains("summary  0 datagrams"),
        "{}",
        received.stderr
    );
}

#[test]
fn largest_ipv4_payload_is_sent_whole() {
    let (receiver, port) = receiver(&["--count", "1", "--idle-timeout", "15"]);
    let sent = testkit::run(
        SENDER,
        &["--port", &port, "--count", "1", "--size", "65507"],
        b"",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    let received = receiver.finish();
    assert!(
        received.stdout_text().contains("65507 bytes  SEQ 0 OF 1"),
        "{}",
        received.stdout_text()
    );
    assert!(
        received.stderr.contains("truncated 0"),
        "{}",
        received.stderr
    );
}

#[test]
fn oversized_message_is_refused_too() {
    // 65,508 bytes in 21,836 characters of 3 UTF-8 bytes each: the command line stays within
    // Windows' 32,767 UTF-16 units, where 65,508 one-byte characters could not even start.
    let message = "€".repeat(21_836);
    assert_eq!(message.len(), 65_508);
    let sent = testkit::run(SENDER, &["--message", &message], b"");
    assert_eq!(sent.status.code(), Some(1), "{}", sent.stderr);
    assert!(sent.stderr.contains("hint: "), "{}", sent.stderr);
}

#[test]
fn lines_on_stdin_become_one_datagram_each() {
    let (receiver, port) = receiver(&["--count", "3", "--idle-timeout", "15"]);
    // stdin is a pipe and no mode is given: lines mode.
    let sent = testkit::run(SENDER, &["--port", &port], b"one\ntwo\nthree\n");
    assert!(sent.status.success(), "{}", sent.stderr);
    assert!(sent.stderr.contains("sent 3 datagrams"), "{}", sent.stderr);
    let received = receiver.finish();
    let stdout = received.stdout_text();
    let shown: Vec<&str> = stdout
        .lines()
        .map(|line| line.rsplit("  ").next().unwrap())
        .collect();
    assert_eq!(shown, [r#""one""#, r#""two""#, r#""three""#], "{stdout}");
}

#[test]
fn gentle_run_narrates_each_send_and_says_once_that_udp_cannot_tell() {
    let (receiver, port) = receiver(&["--count", "3", "--idle-timeout", "15"]);
    let sent = testkit::run(
        SENDER,
        &["--port", &port, "--count", "3", "--rate", "50"],
        b"",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    let first = sent.stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("bind ") && first.contains("ephemeral"),
        "{first}"
    );
    assert_eq!(sends(&sent.stderr), 3, "{}", sent.stderr);
    assert_eq!(
        sent.stderr.matches("UDP cannot tell").count(),
        1,
        "{}",
        sent.stderr
    );
    let received = receiver.finish();
    assert_eq!(
        run_score(&received.stderr, "summary"),
        "received 3 of 3 sent, lost 0, reordered 0, duplicated 0"
    );
}

#[test]
fn fast_run_is_not_narrated_per_datagram_and_reports_its_rate() {
    let port = testkit::unused_port().to_string();
    let sent = testkit::run(
        SENDER,
        &[
            "--port", &port, "--count", "500", "--size", "64", "--rate", "0",
        ],
        b"",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    assert!(sends(&sent.stderr) <= 1, "{}", sent.stderr);
    assert!(
        sent.stderr.contains("sent 500 datagrams, 32000 bytes"),
        "{}",
        sent.stderr
    );
    assert!(sent.stderr.contains("datagrams/s"), "{}", sent.stderr);
}

/// The lesson's sender at full speed is still the lesson: one `send_to` per datagram on an
/// unconnected socket, no `connect`, and a missing receiver is nobody's business but UDP's.
#[test]
fn full_speed_sends_with_send_to_on_an_unconnected_socket() {
    let port = testkit::unused_port().to_string();
    let sent = testkit::run(
        SENDER,
        &[
            "--port", &port, "--count", "2000", "--size", "64", "--rate", "0",
        ],
        b"",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    assert!(!sent.stderr.contains("\nconnect "), "{}", sent.stderr);
    assert_eq!(sends(&sent.stderr), 1, "{}", sent.stderr);
    assert!(
        sent.stderr.contains("sent 2000 datagrams, 128000 bytes"),
        "{}",
        sent.stderr
    );
    assert!(!sent.stderr.contains("error:"), "{}", sent.stderr);
}

/// 150 datagrams as fast as the loop goes: every one arrives whole, in order, to a receiver
/// that keeps up (150 small datagrams fit in its buffer even if it falls behind).
#[test]
fn full_speed_datagrams_arrive_whole_and_in_order() {
    let (receiver, port) = receiver(&["--count", "150", "--idle-timeout", "15"]);
    let sent = testkit::run(
        SENDER,
        &[
            "--port", &port, "--count", "150", "--size", "100", "--rate", "0",
        ],
        b"",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    assert!(
        sent.stderr.contains("sent 150 datagrams, 15000 bytes"),
        "{}",
        sent.stderr
    );
    let received = receiver.finish();
    assert_eq!(
        run_score(&received.stderr, "summary"),
        "received 150 of 150 sent, lost 0, reordered 0, duplicated 0"
    );
    assert!(
        received.stdout_text().contains("100 bytes  SEQ 149 OF 150"),
        "{}",
        received.stdout_text()
    );
}

/// --connect makes the refusal the lesson: the first ConnectionRefused ends the run, even
/// at full speed.
#[cfg(unix)]
#[test]
fn full_speed_with_connect_stops_at_the_first_refusal() {
    let port = testkit::unused_port().to_string();
    let sent = testkit::run(
        SENDER,
        &[
            "--port",
            &port,
            "--count",
            "2000",
            "--size",
            "64",
            "--rate",
            "0",
            "--connect",
        ],
        b"",
    );
    assert!(!sent.stderr.contains("sent 2000"), "{}", sent.stderr);
    testkit::assert_error_and_hint(&sent, 1);
}

#[test]
fn sending_to_nobody_is_not_an_error_on_an_unconnected_socket() {
    let port = testkit::unused_port().to_string();
    let sent = testkit::run(SENDER, &["--port", &port, "--message", "anyone?"], b"");
    assert!(sent.status.success(), "{}", sent.stderr);
}

/// Linux and macOS turn the ICMP "port unreachable" into ConnectionRefused on a connected
/// socket (Windows says ConnectionReset; the program handles both, this checks the Unix word).
#[cfg(unix)]
#[test]
fn connected_socket_reports_connection_refused_when_nobody_listens() {
    let port = testkit::unused_port().to_string();
    let sent = testkit::run(
        SENDER,
        &["--port", &port, "--connect", "--message", "anyone?"],
        b"",
    );
    assert_eq!(sent.status.code(), Some(1), "{}", sent.stderr);
    assert!(sent.stderr.contains("ConnectionRefused"), "{}", sent.stderr);
    assert!(
        sent.stderr.contains("\nerror: ") && sent.stderr.contains("\nhint: "),
        "{}",
        sent.stderr
    );
}

#[test]
fn connected_socket_sends_normally_when_the_receiver_listens() {
    let (receiver, port) = receiver(&["--count", "1", "--idle-timeout", "15"]);
    let sent = testkit::run(
        SENDER,
        &["--port", &port, "--connect", "--message", "hi"],
        b"",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    assert!(sent.stderr.contains("connect "), "{}", sent.stderr);
    let received = receiver.finish();
    assert!(
        received.stdout_text().contains(r#""hi""#),
        "{}",
        received.stdout_text()
    );
}

#[cfg(unix)]
#[test]
fn message_reaches_socat() {
    let port = testkit::unused_port().to_string();
    let socat = Program::start(
        "socat",
        &[
            "-d",
            "-d",
            "-u",
            &format!("UDP-RECV:{port},bind=127.0.0.1"),
            "STDOUT",
        ],
    );
    // With -d -d socat says when its socket is bound and it starts reading.
    socat.wait_stderr_line(|line| line.contains("starting data transfer loop"));
    let sent = testkit::run(SENDER, &["--port", &port, "--message", "olá socat"], b"");
    assert!(sent.status.success(), "{}", sent.stderr);
    socat.wait_stdout_contains("olá socat");
}

/// A rate so small that the pause between datagrams overflows a `Duration` used to panic.
#[test]
fn rate_too_small_or_negative_is_refused_with_a_hint() {
    for rate in ["1e-300", "inf", "nan"] {
        let finished = testkit::run(SENDER, &["--rate", rate, "--count", "2"], b"");
        let (error, _) = testkit::assert_error_and_hint(&finished, 2);
        assert!(error.contains("is not a rate"), "{error}");
    }
    let finished = testkit::run(SENDER, &["--rate", "-1"], b"");
    testkit::assert_error_and_hint(&finished, 2);
}

/// `--size` applies to numbered datagrams only; with a message it used to be ignored silently.
#[test]
fn size_with_a_message_or_lines_is_refused() {
    for mode in [&["--message", "x"][..], &["--lines"]] {
        let mut args = vec!["--size", "100"];
        args.extend_from_slice(mode);
        let finished = testkit::run(SENDER, &args, b"");
        let (error, _) = testkit::assert_error_and_hint(&finished, 2);
        assert!(error.contains("cannot be used with"), "{error}");
    }
}

/// multicast-sender calls this mode `--stdin`: both programs accept both names.
#[test]
fn stdin_is_another_name_for_lines() {
    let (receiver, port) = receiver(&["--count", "1", "--idle-timeout", "15"]);
    let sent = testkit::run(SENDER, &["--port", &port, "--stdin"], b"via stdin\n");
    assert!(sent.status.success(), "{}", sent.stderr);
    let received = receiver.finish();
    assert!(
        received.stdout_text().contains(r#""via stdin""#),
        "{}",
        received.stdout_text()
    );
}

#[test]
fn one_datagram_is_counted_in_the_singular() {
    let port = testkit::unused_port().to_string();
    let sent = testkit::run(
        SENDER,
        &["--port", &port, "--count", "1", "--rate", "0"],
        b"",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    assert!(
        sent.stderr.contains("run      1 numbered datagram, "),
        "{}",
        sent.stderr
    );
    assert!(
        sent.stderr.contains("done     sent 1 datagram, "),
        "{}",
        sent.stderr
    );
}

/// Port 0 means "any free port" when binding; as a destination it used to fail in send_to.
#[test]
fn port_zero_is_refused_as_a_destination() {
    let finished = testkit::run(SENDER, &["--port", "0", "--message", "x"], b"");
    let (error, _) = testkit::assert_error_and_hint(&finished, 2);
    assert!(error.contains("0 is not in 1..=65535"), "{error}");
}
