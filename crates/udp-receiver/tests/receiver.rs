//! udp-receiver, run for real on loopback, port 0, against udp-sender and socat.

use std::net::UdpSocket;
use std::path::PathBuf;

use testkit::Program;
use testkit::score::{
    FORGED, assert_doubts_said_once, assert_forged_scores, number_after, run_score,
};

const RECEIVER: &str = env!("CARGO_BIN_EXE_udp-receiver");

fn sender() -> PathBuf {
    testkit::sibling_binary("udp-sender")
}

/// A receiver on port 0 with `args`, and its port.
fn receiver(args: &[&str]) -> (Program, String) {
    // Build the sender first: a receiver with an idle timeout must not wait for cargo.
    sender();
    let mut all = vec!["--port", "0"];
    all.extend_from_slice(args);
    let receiver = Program::start(RECEIVER, &all);
    let port = receiver.bound_addr().port().to_string();
    (receiver, port)
}

#[test]
fn hundred_datagrams_sent_fast_all_arrive_and_are_scored() {
    let (receiver, port) = receiver(&["--count", "100", "--idle-timeout", "15"]);
    let sent = testkit::run(
        sender(),
        &["--port", &port, "--count", "100", "--rate", "0"],
        b"",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    assert!(
        sent.stderr.contains("sent 100 datagrams"),
        "{}",
        sent.stderr
    );
    let received = receiver.finish();
    assert!(received.status.success(), "{}", received.stderr);
    assert_eq!(
        run_score(&received.stderr, "summary"),
        "received 100 of 100 sent, lost 0, reordered 0, duplicated 0"
    );
    let stdout = received.stdout_text();
    assert_eq!(stdout.lines().count(), 100, "{stdout}");
    assert!(stdout.contains("SEQ 99 OF 100 RUN "), "{stdout}");
}

#[test]
fn first_narration_line_is_the_bind_with_the_real_address() {
    let (receiver, port) = receiver(&["--idle-timeout", "0.2"]);
    assert_ne!(port, "0");
    let finished = receiver.finish();
    let first = finished.stderr.lines().next().unwrap_or_default();
    assert!(first.starts_with("bind "), "{first}");
    assert!(first.contains(&format!("127.0.0.1:{port}")), "{first}");
    assert!(
        finished.stderr.contains("nothing received for 0.2 s"),
        "{}",
        finished.stderr
    );
}

#[test]
fn datagram_larger_than_the_buffer_is_reported_as_truncated() {
    let (receiver, port) = receiver(&["--buffer", "16", "--count", "1", "--idle-timeout", "15"]);
    let sent = testkit::run(
        sender(),
        &["--port", &port, "--message", "twenty-six letters a to z"],
        b"",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    let received = receiver.finish();
    let stdout = received.stdout_text();
    // Linux and macOS hand over the first 16 bytes and flag the cut.
    #[cfg(unix)]
    assert!(
        stdout.contains(
            r#"16 bytes  "twenty-six lette"  truncated: datagram larger than the 16-byte buffer"#
        ),
        "{stdout}"
    );
    // Windows' recv_from fails with WSAEMSGSIZE (10040) and the datagram is gone: no data line.
    #[cfg(windows)]
    {
        assert_eq!(stdout, "", "{}", received.stderr);
        assert!(
            received.stderr.contains(
                "recv     truncated: datagram larger than the 16-byte buffer (WSAEMSGSIZE)"
            ),
            "{}",
            received.stderr
        );
    }
    assert!(
        received
            .stderr
            .contains("truncated 1 (datagrams larger than the 16-byte buffer)"),
        "{}",
        received.stderr
    );
}

#[test]
fn datagram_that_fits_exactly_is_not_truncated() {
    let (receiver, port) = receiver(&["--buffer", "5", "--count", "1", "--idle-timeout", "15"]);
    testkit::run(sender(), &["--port", &port, "--message", "12345"], b"");
    let received = receiver.finish();
    assert!(
        !received.stdout_text().contains("truncated"),
        "{}",
        received.stdout_text()
    );
    assert!(
        received.stderr.contains("truncated 0"),
        "{}",
        received.stderr
    );
}

/// The kernel drops what does not fit in the socket's receive buffer, and counts it. The
/// receiver waits for Enter before reading, so the sender's burst overflows the tiny buffer
/// every time; the receiver's own count of lost datagrams must be the kernel's.
#[cfg(target_os = "linux")]
#[test]
fn receivers_loss_equals_the_kernels_drop_count() {
    let (mut receiver, port) =
        receiver(&["--recv-buffer", "4096", "--wait", "--idle-timeout", "1"]);
    receiver.wait_stderr_line(|line| line.starts_with("wait"));
    let sent = testkit::run(
        sender(),
        &[
            "--port", &port, "--count", "200", "--size", "1000", "--rate", "0",
        ],
        b"",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    receiver.write_stdin(b"\n").expect("pressing Enter");
    let received = receiver.finish();
    let stderr = &received.stderr;
    assert!(
        stderr.contains("asked 4096 bytes, the kernel granted"),
        "{stderr}"
    );
    let kernel = number_after(stderr, "kernel   dropped ");
    let lost = number_after(stderr, "the receiver counted ");
    let got = number_after(stderr, ": received ");
    assert!(
        kernel > 0,
        "a 4096-byte buffer cannot hold 200 datagrams:\n{stderr}"
    );
    assert_eq!(lost, kernel, "{stderr}");
    assert_eq!(got + lost, 200, "{stderr}");
}

/// The same with a receiver that reads, slowly, while the sender sends: how many are lost
/// depends on the machine, but the two counts must agree.
#[cfg(target_os = "linux")]
#[test]
fn slow_receivers_loss_equals_the_kernels_drop_count() {
    let (receiver, port) = receiver(&[
        "--recv-buffer",
        "4096",
        "--slow",
        "2",
        "--idle-timeout",
        "1",
    ]);
    let sent = testkit::run(
        sender(),
        &[
            "--port", &port, "--count", "300", "--size", "500", "--rate", "2000",
        ],
        b"",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    let received = receiver.finish();
    let stderr = &received.stderr;
    let kernel = number_after(stderr, "kernel   dropped ");
    let lost = number_after(stderr, "the receiver counted ");
    assert_eq!(lost, kernel, "{stderr}");
}

#[test]
fn rcvbuf_request_is_read_back_from_the_kernel() {
    let (receiver, _) = receiver(&["--recv-buffer", "100000", "--idle-timeout", "0.1"]);
    let finished = receiver.finish();
    let granted = number_after(&finished.stderr, "the kernel granted ");
    assert!(granted > 0, "{}", finished.stderr);
    let bind = finished.stderr.lines().next().unwrap_or_default();
    assert!(
        bind.contains(&format!("kernel receive buffer {granted} bytes")),
        "{bind}"
    );
}

#[cfg(unix)]
#[test]
fn text_from_socat_is_shown_as_text() {
    let (receiver, port) = receiver(&["--count", "1", "--idle-timeout", "15"]);
    let socat = testkit::run(
        "socat",
        &["-u", "STDIN", &format!("UDP-SENDTO:127.0.0.1:{port}")],
        b"hello from socat\n",
    );
    assert!(socat.status.success(), "socat: {}", socat.stderr);
    let received = receiver.finish();
    let stdout = received.stdout_text();
    assert!(
        stdout.contains(r#"17 bytes  "hello from socat\n""#),
        "{stdout}"
    );
    assert!(
        received.stderr.contains("1 without a course header"),
        "{}",
        received.stderr
    );
}

#[cfg(unix)]
#[test]
fn binary_from_nc_is_shown_as_hex() {
    let (receiver, port) = receiver(&["--count", "1", "--idle-timeout", "15"]);
    // nc sends what it reads on stdin as one datagram. nc flavours differ in when they exit
    // after end of input, so the test waits for the receiver, not for nc (killed on drop).
    let mut nc = Program::start("nc", &["-u", "-w1", "127.0.0.1", &port]);
    nc.write_stdin(&[0x00, 0x01, 0xff, 0x7f])
        .expect("writing to nc");
    nc.close_stdin();
    let received = receiver.finish();
    let stdout = received.stdout_text();
    assert!(stdout.contains("4 bytes  hex 0001ff7f"), "{stdout}");
    drop(nc);
}

// Ctrl-C is SIGINT here; elsewhere testkit::Program::interrupt can only kill the program.
#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_receiver_with_its_summary() {
    let (receiver, port) = receiver(&[]);
    testkit::run(
        sender(),
        &["--port", &port, "--count", "3", "--rate", "0"],
        b"",
    );
    receiver.wait_stderr_line(|line| line.starts_with("recv_from"));
    let finished = receiver.interrupt();
    assert!(
        finished.stderr.contains("stop     Ctrl-C"),
        "{}",
        finished.stderr
    );
    assert!(finished.stderr.contains("summary "), "{}", finished.stderr);
}

/// `nan` used to make a receiver that never stops, `0` one that stops at once, `1e30` an
/// error without a hint.
#[test]
fn idle_timeout_that_is_not_a_positive_duration_is_refused_with_a_hint() {
    for idle in ["nan", "0", "1e30"] {
        let finished = testkit::run(RECEIVER, &["--port", "0", "--idle-timeout", idle], b"");
        let (error, _) = testkit::assert_error_and_hint(&finished, 2);
        assert!(
            error.contains("is not a number of seconds above 0"),
            "{error}"
        );
    }
}

/// `udp-receiver | head -1`: once the reader is gone, the receiver stops cleanly (exit 0,
/// "stdout closed") at its next datagram instead of panicking on the broken pipe, and prints
/// its score.
#[cfg(unix)]
#[test]
fn stdout_closed_early_stops_the_receiver_cleanly() {
    sender();
    let receiver = testkit::start_into_head(RECEIVER, &["--port", "0", "--idle-timeout", "15"]);
    let port = receiver.bound_addr().port().to_string();
    // Datagrams keep coming until the receiver notices that nobody reads its stdout; the
    // sender is killed when the test ends.
    let _sender = Program::start(
        sender(),
        &["--port", &port, "--count", "100", "--rate", "20"],
    );
    let finished = receiver.finish();
    assert_eq!(finished.status.code(), Some(0), "{}", finished.stderr);
    assert!(
        finished.stderr.contains("stop     stdout closed"),
        "{}",
        finished.stderr
    );
    // The score of what came is still worth printing.
    assert!(
        finished.stderr.contains("summary  run "),
        "{}",
        finished.stderr
    );
    assert!(!finished.stderr.contains("panicked"), "{}", finished.stderr);
    assert_eq!(finished.stdout_text().lines().count(), 1);
}

/// Issue 11: one forged datagram used to make the receiver allocate until the OS killed it
/// (OF 2^64 - 1), spend 1.5 GiB and half a minute on its summary (OF 100000000), or panic
/// (SEQ 2^64 - 1). Each now costs what it is, a few dozen bytes, and the summary says what was
/// not believed.
#[test]
fn forged_datagrams_are_scored_at_the_cost_of_what_arrived() {
    let (receiver, port) = receiver(&["--count", "3", "--idle-timeout", "15"]);
    let forger = UdpSocket::bind("127.0.0.1:0").expect("binding 127.0.0.1:0");
    for datagram in FORGED {
        forger
            .send_to(datagram, format!("127.0.0.1:{port}"))
            .expect("sending a forged datagram");
    }
    let finished = receiver.finish();
    assert!(finished.status.success(), "{}", finished.stderr);
    assert!(
        finished
            .stderr
            .contains("stop     3 datagrams received (--count)"),
        "{}",
        finished.stderr
    );
    assert_forged_scores(&finished.stderr, "summary");
    assert_doubts_said_once(&finished.stderr);
    let stdout = finished.stdout_text();
    assert!(
        stdout.contains("SEQ 18446744073709551615 RUN 00a3")
            && stdout.contains("(set aside: its SEQ is not believed)"),
        "{stdout}"
    );
}

/// `--slow 60000` sleeps a minute after each datagram; Ctrl-C must not wait for the end of it.
// Ctrl-C is SIGINT here; elsewhere testkit::Program::interrupt can only kill the program.
#[cfg(unix)]
#[test]
fn ctrl_c_stops_a_slow_receiver_in_the_middle_of_its_sleep() {
    let (receiver, port) = receiver(&["--slow", "60000"]);
    testkit::run(
        sender(),
        &["--port", &port, "--count", "2", "--rate", "0"],
        b"",
    );
    receiver.wait_stdout_contains("SEQ 0 OF 2");
    // Within testkit's deadline (20 s), far less than the minute the sleep lasts.
    let finished = receiver.interrupt();
    assert!(finished.status.success(), "{}", finished.stderr);
    assert!(
        finished.stderr.contains("stop     Ctrl-C"),
        "{}",
        finished.stderr
    );
    assert!(
        finished.stderr.contains("summary  run "),
        "{}",
        finished.stderr
    );
}

/// `--wait` reads stdin until Enter; Ctrl-C must stop it while nobody presses Enter.
// Ctrl-C is SIGINT here; elsewhere testkit::Program::interrupt can only kill the program.
#[cfg(unix)]
#[test]
fn ctrl_c_stops_a_receiver_waiting_for_enter() {
    let (mut receiver, _) = receiver(&["--wait"]);
    // Kept open until the end of the test: Enter never comes, and no end of file either.
    let _stdin = receiver.take_stdin();
    receiver.wait_stderr_line(|line| line.starts_with("wait"));
    let finished = receiver.interrupt();
    assert!(finished.status.success(), "{}", finished.stderr);
    assert!(
        finished.stderr.contains("stop     Ctrl-C"),
        "{}",
        finished.stderr
    );
    assert!(
        !finished.stderr.contains("reading now"),
        "{}",
        finished.stderr
    );
}

#[test]
fn slow_over_a_minute_is_refused_with_a_hint() {
    let finished = testkit::run(
        RECEIVER,
        &["--port", "0", "--slow", "18446744073709551615"],
        b"",
    );
    let (error, _) = testkit::assert_error_and_hint(&finished, 2);
    assert!(error.contains("not in 0..=60000"), "{error}");
}

/// "summary  1 datagrams": the first line of the summary counts in words, singular for one.
#[test]
fn one_datagram_is_counted_in_the_singular() {
    let (receiver, port) = receiver(&["--count", "1", "--idle-timeout", "15"]);
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    socket.send_to(b"x", format!("127.0.0.1:{port}")).unwrap();
    let finished = receiver.finish();
    assert!(
        finished
            .stderr
            .contains("\nsummary  1 datagram, 1 byte, 1 without a course header\n"),
        "{}",
        finished.stderr
    );
}
