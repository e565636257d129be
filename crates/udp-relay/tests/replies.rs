//! A server that answers, through the relay: udp-sender --wait-reply -> udp-relay ->
//! udp-receiver --reply, and the replies back the same way (issue 13 §2). The relay loses,
//! duplicates or delays, from a seed, and the sender's count of replies says what came back.

use testkit::Program;

const RELAY: &str = env!("CARGO_BIN_EXE_udp-relay");

/// What each program printed on stderr.
struct Run {
    sender: String,
    relay: String,
    receiver: String,
}

/// receiver --reply, relay with `impairments`, then `count` datagrams from the sender (100 a
/// second, each narrated), each waiting `wait` seconds for its reply. The relay stops after
/// `count` datagrams, the receiver after `arriving` (what the relay forwards).
fn exchange(count: &str, arriving: &str, impairments: &[&str], wait: &str) -> Run {
    let sender = testkit::sibling_binary("udp-sender");
    let receiver = Program::start(
        testkit::sibling_binary("udp-receiver"),
        &[
            "--port",
            "0",
            "--reply",
            "--count",
            arriving,
            "--idle-timeout",
            "20",
        ],
    );
    let to = receiver.bound_addr().to_string();
    let mut relay_args = vec![
        "--port",
        "0",
        "--to",
        &to,
        "--count",
        count,
        "--idle-timeout",
        "20",
    ];
    relay_args.extend_from_slice(impairments);
    let relay = Program::start(RELAY, &relay_args);
    let port = relay.bound_addr().port().to_string();
    let sent = testkit::run(
        sender,
        &[
            "--port",
            &port,
            "--count",
            count,
            "--rate",
            "100",
            "--wait-reply",
            wait,
        ],
        b"",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    let relay = relay.finish();
    assert!(relay.status.success(), "{}", relay.stderr);
    let receiver = receiver.finish();
    assert!(receiver.status.success(), "{}", receiver.stderr);
    Run {
        sender: sent.stderr,
        relay: relay.stderr,
        receiver: receiver.stderr,
    }
}

/// The line of `stderr` that starts with `call` and contains `text`, if any.
fn line_with<'a>(stderr: &'a str, call: &str, text: &str) -> Option<&'a str> {
    stderr
        .lines()
        .find(|line| line.starts_with(call) && line.contains(text))
}

/// Seed 7 in both directions: requests 3 and 4 are lost before the receiver (which gets 0, 1,
/// 2 and 5), the reply to SEQ 2 after it. The sender sees three datagrams without a reply and cannot tell which
/// were which; the receiver and the relay can.
#[test]
fn seed_7_loses_requests_and_replies_and_the_sender_cannot_tell_which() {
    let run = exchange(
        "6",
        "4",
        &["--loss", "0.2", "--seed", "7", "--impair-replies"],
        "2",
    );
    assert!(
        run.sender
            .contains("replies  3 of 6 came back within 2 s; none for SEQ 2, 3, 4 ("),
        "{}",
        run.sender
    );
    // The request SEQ 2 arrived and was answered: its reply was lost on the way back.
    assert!(
        run.receiver
            .contains("received 4 of 6 sent, lost 2, reordered 0, duplicated 0 (lost: 3, 4)"),
        "{}",
        run.receiver
    );
    assert!(
        run.receiver.contains("replied to 4 datagrams"),
        "{}",
        run.receiver
    );
    for (call, seq) in [
        ("relay ", "SEQ 3 "),
        ("relay ", "SEQ 4 "),
        ("reply ", "SEQ 2 "),
    ] {
        let line = line_with(&run.relay, call, seq)
            .unwrap_or_else(|| panic!("no {call}line for {seq}:\n{}", run.relay));
        assert!(line.ends_with(": lost"), "{line}\n{}", run.relay);
    }
}

/// Every request sent twice: the receiver answers both copies, and the second reply to each
/// datagram reaches the sender while it waits for the next one's: a duplicate, not a reply.
#[test]
fn a_duplicated_reply_is_not_taken_for_the_next_one() {
    let run = exchange("3", "6", &["--duplicate", "1"], "10");
    assert!(
        run.sender
            .contains("replies  3 of 3 came back within 10 s; 2 duplicated\n"),
        "{}",
        run.sender
    );
    for seq in 0..2 {
        let again = format!(": the reply to SEQ {seq} again: a duplicate (ignored)");
        assert!(run.sender.contains(&again), "{again}\n{}", run.sender);
    }
    assert!(
        run.receiver.contains("replied to 6 datagrams"),
        "{}",
        run.receiver
    );
}

/// Requests held 300 ms by the relay, replies awaited 0.1 s: no reply comes back in time, and
/// those that come later are counted as late, not taken for the reply of the datagram the
/// sender is waiting for then.
#[test]
fn a_reply_after_its_wait_is_late_not_the_next_ones() {
    let run = exchange("20", "20", &["--delay", "300"], "0.1");
    assert!(
        run.sender
            .contains("replies  0 of 20 came back within 100 ms; none for SEQ 0, 1, 2,"),
        "{}",
        run.sender
    );
    assert!(
        run.sender
            .contains(": the reply to SEQ 0, late: its wait was over"),
        "{}",
        run.sender
    );
    assert!(
        run.sender.contains(" late, after their wait"),
        "{}",
        run.sender
    );
}

/// A receiver that takes its time (`--slow 100`: 100 ms after each datagram) still answers
/// after the relay has had its last datagram from the client (`--count 3`): the relay goes on
/// relaying replies until none has come for a while, so all three reach the client.
#[test]
fn replies_still_on_their_way_when_the_relay_stops_are_relayed() {
    let receiver = Program::start(
        testkit::sibling_binary("udp-receiver"),
        &[
            "--port",
            "0",
            "--reply",
            "--slow",
            "100",
            "--count",
            "3",
            "--idle-timeout",
            "20",
        ],
    );
    let to = receiver.bound_addr().to_string();
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
            "20",
        ],
    );
    let relay_address = relay.bound_addr();
    let client = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    client.set_read_timeout(Some(testkit::TIMEOUT)).unwrap();
    for word in ["um", "dois", "três"] {
        client.send_to(word.as_bytes(), relay_address).unwrap();
    }
    let mut buffer = [0u8; 64];
    for word in ["um", "dois", "três"] {
        let (len, from) = client
            .recv_from(&mut buffer)
            .unwrap_or_else(|error| panic!("no reply to {word:?}: {error}"));
        assert_eq!(&buffer[..len], word.as_bytes());
        assert_eq!(from, relay_address);
    }
    let relay = relay.finish();
    assert!(relay.status.success(), "{}", relay.stderr);
    assert!(receiver.finish().status.success());
}
