//! The spec of the pinger: a real UDP echo server on loopback, port 0, that loses, duplicates
//! and delays replies by rule (deterministic, from the sequence number), and deadlines, so a
//! wrong pinger fails and never hangs.

use std::net::{SocketAddr, UdpSocket};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use udp1_pinger::ping;

// Generous for loopback, where a round trip takes well under a millisecond: a busy machine
// must not turn a late answer into a lost one.
const TIMEOUT: Duration = Duration::from_millis(500);

/// What the echo server does with the ping that has this sequence number.
#[derive(Clone, Copy, PartialEq)]
enum Reply {
    Echo,
    /// Lost on the way: no reply.
    Lose,
    /// Replied twice.
    Duplicate,
    /// Replied late: just before the reply to the next ping, after the pinger gave up.
    Late,
}

/// Starts an echo server that answers each ping as `reply` says. It reports the sequence
/// number of each ping it receives, as it receives it; it stops when the test is over.
fn echo_server(reply: fn(u32) -> Reply) -> (SocketAddr, mpsc::Receiver<u32>) {
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    let addr = socket.local_addr().unwrap();
    let (seen_tx, seen_rx) = mpsc::channel();
    thread::spawn(move || {
        // A bound on the thread's life only: the test reads what it needs from the channel.
        socket
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        let mut buffer = [0u8; 1500];
        let mut held: Option<(Vec<u8>, SocketAddr)> = None;
        while let Ok((len, from)) = socket.recv_from(&mut buffer) {
            let datagram = buffer[..len].to_vec();
            let text = String::from_utf8_lossy(&datagram).into_owned();
            let seq: u32 = text
                .strip_prefix("PING ")
                .and_then(|rest| rest.split(' ').next())
                .and_then(|seq| seq.parse().ok())
                .unwrap_or_else(|| panic!("not a `PING <seq> ...` datagram: {text:?}"));
            assert!(
                text.starts_with(&format!("PING {seq} ")),
                "a ping is `PING <seq> ` then anything: {text:?}"
            );
            if seen_tx.send(seq).is_err() {
                break; // the test is over
            }
            if let Some((late, to)) = held.take() {
                socket.send_to(&late, to).unwrap();
            }
            match reply(seq) {
                Reply::Echo => drop(socket.send_to(&datagram, from)),
                Reply::Lose => {}
                Reply::Duplicate => {
                    socket.send_to(&datagram, from).unwrap();
                    socket.send_to(&datagram, from).unwrap();
                }
                Reply::Late => held = Some((datagram, from)),
            }
        }
    });
    (addr, seen_rx)
}

/// Runs `ping` in a thread with a deadline: a pinger that waits forever fails the test.
fn run_ping(server: SocketAddr, count: u32) -> Vec<Option<Duration>> {
    let (result_tx, result_rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = result_tx.send(ping(server, count, TIMEOUT));
    });
    let deadline = TIMEOUT * count + Duration::from_secs(3);
    match result_rx.recv_timeout(deadline) {
        Ok(Ok(rtts)) => rtts,
        Ok(Err(e)) => panic!("ping returned an error: {e}"),
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "ping did not return within {deadline:?}: does it wait forever for a lost reply?"
        ),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("ping panicked"),
    }
}

/// The sequence numbers of the first `count` pings the server received.
fn pings_seen(seen: &mpsc::Receiver<u32>, count: usize) -> Vec<u32> {
    (0..count)
        .map_while(|_| seen.recv_timeout(Duration::from_secs(5)).ok())
        .collect()
}

/// `true` for an answered ping, `false` for a lost one.
fn answered(rtts: &[Option<Duration>]) -> Vec<bool> {
    rtts.iter().map(Option::is_some).collect()
}

#[test]
fn every_answered_ping_gets_its_round_trip_time() {
    let (server, seen) = echo_server(|_| Reply::Echo);
    let rtts = run_ping(server, 4);
    assert_eq!(answered(&rtts), [true; 4]);
    for rtt in rtts.into_iter().flatten() {
        assert!(rtt < TIMEOUT, "a round trip on loopback took {rtt:?}");
    }
    assert_eq!(
        pings_seen(&seen, 4),
        [1, 2, 3, 4],
        "the pings the server got"
    );
}

#[test]
fn a_lost_ping_is_reported_lost_after_the_timeout_and_pinging_goes_on() {
    let (server, seen) = echo_server(|seq| {
        if seq % 2 == 0 {
            Reply::Lose
        } else {
            Reply::Echo
        }
    });
    let started = Instant::now();
    let rtts = run_ping(server, 5);
    assert_eq!(answered(&rtts), [true, false, true, false, true]);
    assert!(
        started.elapsed() >= TIMEOUT * 2,
        "two pings were lost: ping must have waited {TIMEOUT:?} for each"
    );
    assert_eq!(pings_seen(&seen, 5), [1, 2, 3, 4, 5]);
}

#[test]
fn a_late_reply_is_not_taken_for_a_later_ping() {
    // Ping 2's reply comes after its timeout, just before ping 3's; ping 4 is lost.
    let (server, _seen) = echo_server(|seq| match seq {
        2 => Reply::Late,
        4 => Reply::Lose,
        _ => Reply::Echo,
    });
    let rtts = run_ping(server, 5);
    assert_eq!(answered(&rtts), [true, false, true, false, true]);
}

#[test]
fn a_duplicated_reply_is_not_taken_for_the_next_ping() {
    let (server, _seen) = echo_server(|seq| match seq {
        1 => Reply::Duplicate,
        2 => Reply::Lose,
        _ => Reply::Echo,
    });
    let rtts = run_ping(server, 3);
    assert_eq!(answered(&rtts), [true, false, true]);
}

#[test]
fn every_ping_lost_means_every_ping_times_out() {
    let (server, seen) = echo_server(|_| Reply::Lose);
    let rtts = run_ping(server, 3);
    assert_eq!(answered(&rtts), [false; 3]);
    assert_eq!(pings_seen(&seen, 3), [1, 2, 3]);
}

/// Kurose & Ross's lab, made reproducible: the pings go through the course's relay, which
/// loses, duplicates and holds back datagrams by a seed. Which pings come back is a pure
/// function of the seed (`udp_relay::fate`): the same on every machine, run after run.
#[test]
fn through_the_seeded_relay_exactly_the_fated_pings_come_back() {
    use udp_relay::{Fate, Impairments, Relay, fate};

    let impairments = Impairments {
        loss: 0.2,
        duplicate: 0.15,
        reorder: 0.15,
        seed: 7,
        ..Impairments::default()
    };
    const COUNT: u32 = 12;
    let fates: Vec<Fate> = (0..u64::from(COUNT))
        .map(|i| fate(&impairments, i))
        .collect();
    for wanted in [Fate::Lost, Fate::Duplicated, Fate::Held] {
        assert!(
            fates.contains(&wanted),
            "seed 7 gives no {wanted:?}: {fates:?}"
        );
    }
    // A held ping is sent after the next one, long after its timeout: lost to the pinger, and
    // its late reply must not count for the next ping. A duplicated one is answered twice.
    let expected: Vec<bool> = fates
        .iter()
        .map(|fate| matches!(fate, Fate::Forwarded | Fate::Duplicated))
        .collect();

    let (server, _seen) = echo_server(|_| Reply::Echo);
    let relay = Relay::start("127.0.0.1:0".parse().unwrap(), server, impairments).unwrap();
    let rtts = run_ping(relay.local_addr(), COUNT);
    assert_eq!(answered(&rtts), expected, "the fates: {fates:?}");
}
