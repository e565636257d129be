//! The spec of the feed scorer: a real sensor socket sends readings over loopback, in a chosen
//! order (loopback keeps the order and loses nothing), to a receiver on port 0.

use std::net::UdpSocket;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use udp2_scorer::{Score, score_feed};

const IDLE: Duration = Duration::from_millis(300);

/// Sends the readings with these sequence numbers, in this order, then scores them.
fn score_of(order: &[u64], total: u64) -> Score {
    score_of_datagrams(
        order
            .iter()
            .map(|seq| format!("SEQ {seq}\ntemp=21.{}", seq % 10).into_bytes())
            .collect(),
        total,
    )
}

fn score_of_datagrams(datagrams: Vec<Vec<u8>>, total: u64) -> Score {
    let receiver = UdpSocket::bind("127.0.0.1:0").unwrap();
    let sensor = UdpSocket::bind("127.0.0.1:0").unwrap();
    // Every datagram is in the receiver's buffer before scoring starts: small ones, well below
    // the buffer's size.
    for datagram in &datagrams {
        sensor
            .send_to(datagram, receiver.local_addr().unwrap())
            .unwrap();
    }
    let (result_tx, result_rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = result_tx.send(score_feed(&receiver, total, IDLE));
    });
    match result_rx.recv_timeout(IDLE * 2 + Duration::from_secs(3)) {
        Ok(Ok(score)) => score,
        Ok(Err(e)) => panic!("score_feed returned an error: {e} ({:?})", e.kind()),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("score_feed did not return after the feed went quiet")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("score_feed panicked"),
    }
}

#[test]
fn a_clean_feed_scores_nothing_wrong() {
    let score = score_of(&[0, 1, 2, 3, 4], 5);
    assert_eq!(
        score,
        Score {
            received: 5,
            lost: 0,
            reordered: 0,
            duplicated: 0
        }
    );
}

#[test]
fn a_quiet_feed_ends_the_scoring_with_everything_lost() {
    assert_eq!(
        score_of(&[], 3),
        Score {
            received: 0,
            lost: 3,
            reordered: 0,
            duplicated: 0
        }
    );
}

#[test]
fn missing_readings_are_lost_even_at_the_end_of_the_run() {
    let score = score_of(&[0, 2, 3], 6);
    assert_eq!(
        score,
        Score {
            received: 3,
            lost: 3,
            reordered: 0,
            duplicated: 0
        },
        "1, 4 and 5 never came"
    );
}

#[test]
fn a_reading_that_comes_after_a_higher_one_is_reordered() {
    let score = score_of(&[0, 3, 1, 2, 4], 5);
    assert_eq!(
        score,
        Score {
            received: 5,
            lost: 0,
            reordered: 2,
            duplicated: 0
        },
        "1 and 2 both came after 3"
    );
}

#[test]
fn a_duplicate_does_not_hide_a_loss() {
    let score = score_of(&[0, 1, 1, 3], 4);
    assert_eq!(
        score,
        Score {
            received: 4,
            lost: 1,
            reordered: 0,
            duplicated: 1
        }
    );
}

#[test]
fn a_late_duplicate_is_a_duplicate_not_a_reordering() {
    let score = score_of(&[0, 1, 2, 1, 3], 4);
    assert_eq!(
        score,
        Score {
            received: 5,
            lost: 0,
            reordered: 0,
            duplicated: 1
        }
    );
}

#[test]
fn everything_at_once() {
    let score = score_of(&[0, 1, 3, 2, 2, 5, 4, 7, 9, 8, 9], 10);
    assert_eq!(
        score,
        Score {
            received: 11,
            lost: 1,
            reordered: 3,
            duplicated: 2
        },
        "6 lost; 2, 4 and 8 reordered; 2 and 9 twice"
    );
}

#[test]
fn datagrams_without_a_sequence_number_are_not_readings() {
    let datagrams = vec![
        b"SEQ 0\ntemp=21.5".to_vec(),
        b"hello from nc -u".to_vec(),
        b"SEQ one\ntemp=?".to_vec(),
        b"SEQ 1\ntemp=21.6".to_vec(),
    ];
    assert_eq!(
        score_of_datagrams(datagrams, 2),
        Score {
            received: 2,
            lost: 0,
            reordered: 0,
            duplicated: 0
        }
    );
}
