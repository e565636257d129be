//! udp-relay, run for real between udp-sender and udp-receiver on loopback, port 0: the
//! receiver's score must be exactly the one the relay expects, and for seed 7 the numbers
//! the book quotes.

use std::net::{SocketAddr, UdpSocket};
use std::time::Duration;

use testkit::Program;
use testkit::score::{FORGED, assert_forged_scores, number_after, run_score};
use udp_relay::{Fate, Impairments, Relay};

const RELAY: &str = env!("CARGO_BIN_EXE_udp-relay");

struct Scores {
    /// What the receiver reported for the run.
    received: String,
    /// What the relay expected it to report.
    expected: String,
    relay_stderr: String,
    receiver_stdout: String,
}

/// How many datagrams the relay sends on for `count` datagrams: what the fates say.
fn datagrams_out(impairments: &Impairments, count: u64) -> u64 {
    (0..count)
        .map(|i| match udp_relay::fate(impairments, i) {
            Fate::Lost => 0,
            Fate::Duplicated => 2,
            Fate::Forwarded | Fate::Held => 1,
        })
        .sum()
}

/// sender --count `count` -> relay with `impairments` -> receiver, and both scores. Every
/// program stops on a count, never on a pause, so a slow machine only makes it slower.
fn through_the_relay(count: u64, impairments: Impairments) -> Scores {
    let receiver_binary = testkit::sibling_binary("udp-receiver");
    let sender_binary = testkit::sibling_binary("udp-sender");
    let expected_datagrams = datagrams_out(&impairments, count).to_string();
    let receiver = Program::start(
        &receiver_binary,
        &[
            "--port",
            "0",
            "--count",
            &expected_datagrams,
            "--idle-timeout",
            "15",
        ],
    );
    let to = receiver.bound_addr().to_string();
    let count_text = count.to_string();
    let impairment_args = [
        ("--loss", impairments.loss.to_string()),
        ("--duplicate", impairments.duplicate.to_string()),
        ("--reorder", impairments.reorder.to_string()),
        ("--delay", impairments.delay.as_millis().to_string()),
        ("--seed", impairments.seed.to_string()),
    ];
    let mut relay_args = vec![
        "--port",
        "0",
        "--to",
        &to,
        "--count",
        &count_text,
        "--idle-timeout",
        "15",
    ];
    for (name, value) in &impairment_args {
        relay_args.extend([*name, value.as_str()]);
    }
    let relay = Program::start(RELAY, &relay_args);
    let relay_port = relay.bound_addr().port().to_string();
    // A steady rate, so that the relay's own socket never overflows: every loss is the relay's.
    let sent = testkit::run(
        &sender_binary,
        &[
            "--port",
            &relay_port,
            "--count",
            &count_text,
            "--rate",
            "1000",
        ],
        b"",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    let relay = relay.finish();
    assert!(relay.status.success(), "{}", relay.stderr);
    let receiver = receiver.finish();
    assert!(receiver.status.success(), "{}", receiver.stderr);
    assert!(
        receiver.stderr.contains("(--count)"),
        "the receiver must get exactly what the fates say:\n{}",
        receiver.stderr
    );
    Scores {
        received: run_score(&receiver.stderr, "summary"),
        expected: run_score(&relay.stderr, "expect"),
        relay_stderr: relay.stderr,
        receiver_stdout: receiver.stdout_text(),
    }
}

/// The receiver reported `wanted`, and it is exactly the score the relay expected.
fn assert_score(scores: &Scores, wanted: &str) {
    assert_eq!(scores.received, wanted);
    assert_eq!(scores.received, scores.expected);
}

fn seed_7(loss: f64, duplicate: f64, reorder: f64) -> Impairments {
    Impairments {
        loss,
        duplicate,
        reorder,
        seed: 7,
        ..Impairments::default()
    }
}

#[test]
fn no_impairment_delivers_every_datagram_once_and_in_order() {
    let scores = through_the_relay(100, Impairments::default());
    assert_score(
        &scores,
        "received 100 of 100 sent, lost 0, reordered 0, duplicated 0",
    );
}

#[test]
fn seed_7_loss_gives_the_same_score_every_time() {
    let scores = through_the_relay(20, seed_7(0.2, 0.0, 0.0));
    assert_score(
        &scores,
        "received 16 of 20 sent, lost 4, reordered 0, duplicated 0 (lost: 3, 4, 9, 10)",
    );
    assert!(
        scores.relay_stderr.contains("#3 SEQ 3 51 bytes: lost"),
        "{}",
        scores.relay_stderr
    );
}

#[test]
fn seed_7_duplication_gives_the_same_score_every_time() {
    let scores = through_the_relay(20, seed_7(0.0, 0.2, 0.0));
    assert_score(
        &scores,
        "received 23 of 20 sent, lost 0, reordered 0, duplicated 3",
    );
}

#[test]
fn seed_7_reordering_gives_the_same_score_every_time() {
    let scores = through_the_relay(20, seed_7(0.0, 0.0, 0.2));
    assert_score(
        &scores,
        "received 20 of 20 sent, lost 0, reordered 4, duplicated 0",
    );
    // Held 4 is released right after 5.
    let order: Vec<&str> = scores
        .receiver_stdout
        .lines()
        .filter_map(|line| line.split("SEQ ").nth(1)?.split(' ').next())
        .collect();
    assert_eq!(&order[..7], ["0", "1", "2", "3", "5", "4", "6"]);
}

#[test]
fn seed_7_with_everything_at_once_gives_the_same_score_every_time() {
    let scores = through_the_relay(100, seed_7(0.1, 0.1, 0.1));
    assert_score(&scores, SEED_7_EVERYTHING);
}

const SEED_7_EVERYTHING: &str = "received 97 of 100 sent, lost 8, reordered 7, duplicated 5 (lost: 22, 29, 38, 47, 49, 69, 79, 83)";

#[test]
fn another_seed_gives_another_score() {
    let seven = through_the_relay(20, seed_7(0.2, 0.0, 0.0));
    let eight = through_the_relay(
        20,
        Impairments {
            seed: 8,
            ..seed_7(0.2, 0.0, 0.0)
        },
    );
    assert_ne!(seven.received, eight.received);
    assert_eq!(eight.received, eight.expected);
}

#[test]
fn delay_holds_each_datagram_back_without_reordering() {
    let scores = through_the_relay(
        10,
        Impairments {
            delay: Duration::from_millis(50),
            ..Impairments::default()
        },
    );
    assert_eq!(
        scores.received,
        "received 10 of 10 sent, lost 0, reordered 0, duplicated 0"
    );
    assert!(
        scores.relay_stderr.contains("forwarded, delayed 50 ms"),
        "{}",
        scores.relay_stderr
    );
    // The receiver shows each datagram's age: at least the relay's delay.
    for line in scores.receiver_stdout.lines() {
        let age: f64 = line
            .split(" (")
            .nth(1)
            .and_then(|rest| rest.split(" ms)").next())
            .and_then(|ms| ms.parse().ok())
            .unwrap_or_else(|| panic!("no age in {line}"));
        assert!(age >= 50.0, "{line}");
    }
}

#[test]
fn probability_out_of_range_is_refused() {
    let finished = testkit::run(RELAY, &["--loss", "20"], b"");
    assert_eq!(finished.status.code(), Some(2), "{}", finished.stderr);
    assert!(
        finished.stderr.contains("between 0 and 1"),
        "{}",
        finished.stderr
    );
}

/// A UDP socket on 127.0.0.1, port 0, whose receives give up after `timeout`.
fn loopback_socket(timeout: Duration) -> UdpSocket {
    let socket = UdpSocket::bind("127.0.0.1:0").expect("binding 127.0.0.1:0");
    socket
        .set_read_timeout(Some(timeout))
        .expect("setting a read timeout");
    socket
}

/// The library API the exercises use: a relay on a thread, requests one way, replies back
/// to the client.
#[test]
fn in_process_relay_carries_requests_and_replies() {
    let server = loopback_socket(testkit::TIMEOUT);
    let listen: SocketAddr = "127.0.0.1:0".parse().unwrap();
    let relay = Relay::start(listen, server.local_addr().unwrap(), Impairments::default())
        .expect("starting the relay");
    assert_ne!(relay.local_addr().port(), 0);

    let client = loopback_socket(testkit::TIMEOUT);
    client.send_to(b"ping", relay.local_addr()).unwrap();
    let mut buffer = [0u8; 64];
    let (len, from) = server
        .recv_from(&mut buffer)
        .expect("request through the relay");
    assert_eq!(&buffer[..len], b"ping");
    server.send_to(b"pong", from).unwrap();
    let (len, from) = client
        .recv_from(&mut buffer)
        .expect("reply through the relay");
    assert_eq!(&buffer[..len], b"pong");
    assert_eq!(from, relay.local_addr());
    assert_eq!(relay.expected().datagrams, 1);
    drop(relay); // stops and joins its thread
}

#[test]
fn in_process_relay_loses_what_the_fate_function_says() {
    let server = loopback_socket(Duration::from_millis(500));
    let impairments = Impairments {
        loss: 0.2,
        seed: 7,
        ..Impairments::default()
    };
    let lost: Vec<u64> = (0..20)
        .filter(|&i| udp_relay::fate(&impairments, i) == udp_relay::Fate::Lost)
        .collect();
    assert_eq!(lost, [3, 4, 9, 10]);
    let relay = Relay::start(
        "127.0.0.1:0".parse().unwrap(),
        server.local_addr().unwrap(),
        impairments,
    )
    .unwrap();
    let client = loopback_socket(testkit::TIMEOUT);
    let mut arrived = Vec::new();
    let mut buffer = [0u8; 16];
    for i in 0..20u8 {
        client.send_to(&[i], relay.local_addr()).unwrap();
        if !lost.contains(&u64::from(i)) {
            let (len, _) = server.recv_from(&mut buffer).expect("a forwarded datagram");
            arrived.push(buffer[..len][0]);
        }
    }
    let expected: Vec<u8> = (0..20).filter(|i| !lost.contains(&u64::from(*i))).collect();
    assert_eq!(arrived, expected);
}

/// Sends one request through a relay that duplicates everything, answers each copy, and
/// checks that exactly `replies` come back to the client.
fn replies_through_a_duplicating_relay(impair_replies: bool, replies: usize) {
    let server = loopback_socket(testkit::TIMEOUT);
    let relay = Relay::start(
        "127.0.0.1:0".parse().unwrap(),
        server.local_addr().unwrap(),
        Impairments {
            duplicate: 1.0,
            impair_replies,
            ..Impairments::default()
        },
    )
    .unwrap();
    let client = loopback_socket(testkit::TIMEOUT);
    client.send_to(b"ping", relay.local_addr()).unwrap();
    let mut buffer = [0u8; 16];
    for _ in 0..2 {
        let (_, from) = server
            .recv_from(&mut buffer)
            .expect("a copy of the request");
        server.send_to(b"pong", from).unwrap();
    }
    for reply in 0..replies {
        client
            .recv_from(&mut buffer)
            .unwrap_or_else(|error| panic!("reply {reply} of {replies}: {error}"));
    }
    // And no more.
    client
        .set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    assert!(
        client.recv_from(&mut buffer).is_err(),
        "more than {replies} replies"
    );
}

#[test]
fn replies_pass_untouched_unless_asked() {
    replies_through_a_duplicating_relay(false, 2);
    replies_through_a_duplicating_relay(true, 4);
}

#[test]
fn delay_over_a_minute_and_impossible_idle_timeouts_are_refused_with_a_hint() {
    let finished = testkit::run(RELAY, &["--port", "0", "--delay", "99999999"], b"");
    let (error, _) = testkit::assert_error_and_hint(&finished, 2);
    assert!(error.contains("not in 0..=60000"), "{error}");
    for idle in ["1e30", "0", "-1"] {
        let finished = testkit::run(RELAY, &["--port", "0", "--idle-timeout", idle], b"");
        testkit::assert_error_and_hint(&finished, 2);
    }
}

#[test]
fn bind_address_of_another_machine_gets_a_hint_about_bind() {
    // 192.0.2.1 (TEST-NET-1) is never an address of this machine.
    let finished = testkit::run(RELAY, &["--bind", "192.0.2.1", "--port", "0"], b"");
    let (_, hint) = testkit::assert_error_and_hint(&finished, 1);
    assert!(hint.contains("not an address of this machine"), "{hint}");
}

/// Issue 11: the relay keeps the score a receiver must report, and one forged datagram used
/// to make it allocate until the OS killed it. It forwards them like any other, and scores
/// them at the cost of what arrived.
#[test]
fn forged_datagrams_are_relayed_and_scored_at_the_cost_of_what_arrived() {
    let receiver = loopback_socket(testkit::TIMEOUT);
    let to = receiver.local_addr().unwrap().to_string();
    let relay = Program::start(
        RELAY,
        &[
            "--port",
            "0",
            "--to",
            &to,
            "--count",
            "3",
            "--idle-timeout",
            "15",
        ],
    );
    let relay_addr = relay.bound_addr();
    let forger = loopback_socket(testkit::TIMEOUT);
    let mut buffer = [0u8; 128];
    for datagram in FORGED {
        forger.send_to(datagram, relay_addr).unwrap();
        let len = receiver
            .recv(&mut buffer)
            .expect("the forged datagram, relayed");
        assert_eq!(&buffer[..len], datagram);
    }
    let finished = relay.finish();
    assert!(finished.status.success(), "{}", finished.stderr);
    assert!(
        finished.stderr.contains(&format!(
            "relayed  3 datagrams from clients, 3 sent to {to}\n"
        )),
        "{}",
        finished.stderr
    );
    assert_forged_scores(&finished.stderr, "expect");
}

/// The number before `after` in `text`, if `after` is there.
fn number_before(text: &str, after: &str) -> Option<u64> {
    let end = text.find(after)?;
    let digits: String = text[..end]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.chars().rev().collect::<String>().parse().ok()
}

/// Issue 14: with nobody at `--to`, each forward brings back an ICMP "port unreachable". The
/// relay's upstream socket is connected, so the OS reports it (Linux and macOS as
/// ConnectionRefused, Windows as ConnectionReset) and the student is told. Issue 11: a forward
/// the OS did not send is counted as failed, never as sent or scored.
#[test]
fn relay_without_a_receiver_says_so_and_scores_only_what_was_sent() {
    let nobody = loopback_socket(testkit::TIMEOUT).local_addr().unwrap();
    // Closed: nothing listens on that port any more.
    let to = nobody.to_string();
    let relay = Program::start(
        RELAY,
        &[
            "--port",
            "0",
            "--to",
            &to,
            "--count",
            "20",
            "--idle-timeout",
            "15",
        ],
    );
    let relay_addr = relay.bound_addr();
    let client = loopback_socket(testkit::TIMEOUT);
    for seq in 0..20 {
        let datagram = format!("SEQ {seq} OF 20 RUN 0bad SENT 1.000000\n");
        client.send_to(datagram.as_bytes(), relay_addr).unwrap();
    }
    let finished = relay.finish();
    let stderr = &finished.stderr;
    assert!(finished.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!("refused  {to} refused: is the receiver running?")),
        "{stderr}"
    );
    let refused = number_after(stderr, &format!("refused  {to} refused "));
    assert!(refused >= 1, "{stderr}");
    // Every datagram was either sent (the OS took it) or failed; only the sent ones are scored.
    let sent = number_after(stderr, "20 datagrams from clients, ");
    let failed = number_before(stderr, " failed to send").unwrap_or(0);
    assert_eq!(sent + failed, 20, "{stderr}");
    assert_eq!(number_after(stderr, "expect   "), sent, "{stderr}");
}

/// A datagram larger than IPv4 allows (65,507 bytes) can come in over IPv6 but cannot go on
/// to an IPv4 receiver: the OS refuses to send it (EMSGSIZE). Issue 11: it used to be counted
/// as sent and scored as expected.
#[test]
fn forward_the_os_refuses_to_send_is_counted_as_failed_not_as_sent() {
    let Ok(client) = UdpSocket::bind("[::1]:0") else {
        eprintln!("skipped: no IPv6 loopback on this machine");
        return;
    };
    let receiver = loopback_socket(testkit::TIMEOUT);
    let to = receiver.local_addr().unwrap().to_string();
    let relay = Program::start(
        RELAY,
        &[
            "--bind",
            "::1",
            "--port",
            "0",
            "--to",
            &to,
            "--count",
            "2",
            "--idle-timeout",
            "15",
        ],
    );
    let relay_addr = relay.bound_addr();
    client
        .send_to(&vec![b'x'; datagram::MAX_PAYLOAD_V6], relay_addr)
        .expect("a datagram of the largest IPv6 size");
    let small = b"SEQ 0 OF 1 RUN 0001 SENT 1.000000\n";
    client.send_to(small, relay_addr).unwrap();
    let mut buffer = [0u8; 128];
    let len = receiver
        .recv(&mut buffer)
        .expect("the small datagram, relayed");
    assert_eq!(&buffer[..len], small);
    let finished = relay.finish();
    let stderr = &finished.stderr;
    assert!(finished.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "relayed  2 datagrams from clients, 1 sent to {to}, 1 failed to send\n"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("sending to {to} failed: ")),
        "{stderr}"
    );
    assert_eq!(
        run_score(stderr, "expect"),
        "received 1 of 1 sent, lost 0, reordered 0, duplicated 0"
    );
    assert!(
        stderr.contains("expect   1 datagrams, 34 bytes"),
        "{stderr}"
    );
}

/// `--delay 60000` holds each datagram a minute. Ctrl-C must stop the relay at once, with its
/// summary, and say how many delayed datagrams it dropped.
// Ctrl-C is SIGINT here; elsewhere testkit::Program::interrupt can only kill the program.
#[cfg(unix)]
#[test]
fn ctrl_c_stops_a_relay_holding_delayed_datagrams_and_counts_them_dropped() {
    let receiver = loopback_socket(testkit::TIMEOUT);
    let to = receiver.local_addr().unwrap().to_string();
    let relay = Program::start(RELAY, &["--port", "0", "--to", &to, "--delay", "60000"]);
    let relay_addr = relay.bound_addr();
    let client = loopback_socket(testkit::TIMEOUT);
    client.send_to(b"one", relay_addr).unwrap();
    client.send_to(b"two", relay_addr).unwrap();
    relay.wait_stderr_line(|line| {
        line.starts_with("relay    #1 ") && line.contains("delayed 60000 ms")
    });
    // Within testkit's deadline (20 s), far less than the minute the datagrams wait.
    let finished = relay.interrupt();
    let stderr = &finished.stderr;
    assert!(finished.status.success(), "{stderr}");
    assert!(stderr.contains("stop     Ctrl-C"), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "relayed  2 datagrams from clients, 0 sent to {to}, 2 delayed ones dropped"
        )),
        "{stderr}"
    );
}

/// A natural end (`--count`) still sends the delayed datagrams at their time, but Ctrl-C
/// during that wait stops it too.
// Ctrl-C is SIGINT here; elsewhere testkit::Program::interrupt can only kill the program.
#[cfg(unix)]
#[test]
fn ctrl_c_during_the_final_flush_of_delayed_datagrams_stops_it() {
    let receiver = loopback_socket(testkit::TIMEOUT);
    let to = receiver.local_addr().unwrap().to_string();
    let relay = Program::start(
        RELAY,
        &[
            "--port", "0", "--to", &to, "--delay", "60000", "--count", "1",
        ],
    );
    let relay_addr = relay.bound_addr();
    loopback_socket(testkit::TIMEOUT)
        .send_to(b"one", relay_addr)
        .unwrap();
    relay.wait_stderr_line(|line| line.contains("1 delayed datagram still to send"));
    let finished = relay.interrupt();
    let stderr = &finished.stderr;
    assert!(finished.status.success(), "{stderr}");
    assert!(
        stderr.contains("stop     1 datagram received (--count)"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "relayed  1 datagram from clients, 0 sent to {to}, 1 delayed ones dropped"
        )),
        "{stderr}"
    );
}
