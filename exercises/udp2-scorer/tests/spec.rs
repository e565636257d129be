//! The spec of the feed scorer: a real sensor socket sends readings over loopback, in a chosen
//! order (loopback keeps the order and loses nothing), to a receiver on port 0. A failure
//! shows the feed and the score, field by field (the `speckit` helpers).

use std::io;
use std::net::UdpSocket;
use std::time::Duration;

use speckit::{Doing, Table, call, duration, fail, io_error, quote};
use udp2_scorer::{Score, score_feed};

const IDLE: Duration = Duration::from_millis(300);

/// Sends the readings with these sequence numbers, in this order, then checks their score.
/// `why` explains the expected score in a few words.
fn check_feed(order: &[u64], total: u64, expected: Score, why: &str) {
    let numbers: Vec<String> = order.iter().map(|seq| seq.to_string()).collect();
    let feed = format!(
        "the readings numbered {} (the sensor sent {total}: 0 to {})",
        if numbers.is_empty() {
            "(none)".to_string()
        } else {
            numbers.join(" ")
        },
        total.saturating_sub(1)
    );
    let datagrams = order
        .iter()
        .map(|seq| format!("SEQ {seq}\ntemp=21.{}", seq % 10).into_bytes())
        .collect();
    check_score(datagrams, total, expected, &feed, why);
}

/// Sends `datagrams`, scores them, and checks the score against `expected`, field by field.
fn check_score(datagrams: Vec<Vec<u8>>, total: u64, expected: Score, feed: &str, why: &str) {
    let got = score_of_datagrams(datagrams, total, feed);
    let mut table = Table::new(
        format!("the score of {feed}"),
        &["field", "expected", "your score_feed"],
    );
    for (field, expected, got) in [
        ("received", expected.received, got.received),
        ("lost", expected.lost, got.lost),
        ("reordered", expected.reordered, got.reordered),
        ("duplicated", expected.duplicated, got.duplicated),
    ] {
        table.row(
            vec![field.to_string(), expected.to_string(), got.to_string()],
            expected == got,
        );
    }
    table.check(why);
}

fn score_of_datagrams(datagrams: Vec<Vec<u8>>, total: u64, feed: &str) -> Score {
    let receiver = UdpSocket::bind("127.0.0.1:0").doing("setting up: binding the receiver");
    let sensor = UdpSocket::bind("127.0.0.1:0").doing("setting up: binding the sensor");
    let to = receiver
        .local_addr()
        .doing("setting up: the receiver's address");
    // Every datagram is in the receiver's buffer before scoring starts: small ones, well below
    // the buffer's size.
    for datagram in &datagrams {
        sensor
            .send_to(datagram, to)
            .doing(&format!("sending the reading {}", quote(datagram)));
    }
    let mut scorer = call("score_feed", move || score_feed(&receiver, total, IDLE));
    let context = format!(
        " after the feed went quiet ({feed}): the feed ends when no datagram arrives for \
         `idle` ({})",
        duration(IDLE)
    );
    match scorer.returned(IDLE * 2 + Duration::from_secs(3), &context) {
        Ok(score) => score,
        Err(error) => {
            let mut message = format!(
                "scoring {feed}: your `score_feed` returned an error: {}",
                io_error(&error)
            );
            if speckit::is_timeout(&error) {
                message.push_str(
                    "\nThat error is the read timeout expiring: the feed went quiet, which is \
                     its end, not a failure. Linux and macOS say WouldBlock, Windows says \
                     TimedOut: end the loop on both and return the score.",
                );
            }
            if error.kind() == io::ErrorKind::InvalidInput {
                message.push_str("\n(`set_read_timeout` refuses a zero duration.)");
            }
            fail(message)
        }
    }
}

fn score(received: u64, lost: u64, reordered: u64, duplicated: u64) -> Score {
    Score {
        received,
        lost,
        reordered,
        duplicated,
    }
}

#[test]
fn a_clean_feed_scores_nothing_wrong() {
    check_feed(&[0, 1, 2, 3, 4], 5, score(5, 0, 0, 0), "");
}

#[test]
fn a_quiet_feed_ends_the_scoring_with_everything_lost() {
    check_feed(
        &[],
        3,
        score(0, 3, 0, 0),
        "Nothing arrived: all 3 readings are lost.",
    );
}

#[test]
fn missing_readings_are_lost_even_at_the_end_of_the_run() {
    check_feed(&[0, 2, 3], 6, score(3, 3, 0, 0), "1, 4 and 5 never came.");
}

#[test]
fn a_reading_that_comes_after_a_higher_one_is_reordered() {
    check_feed(
        &[0, 3, 1, 2, 4],
        5,
        score(5, 0, 2, 0),
        "1 and 2 both came after 3, the highest so far: reordered is against the highest \
         number already arrived, not the previous one.",
    );
}

#[test]
fn a_duplicate_does_not_hide_a_loss() {
    check_feed(
        &[0, 1, 1, 3],
        4,
        score(4, 1, 0, 1),
        "2 never came, 1 came twice: lost counts the numbers that never arrived, not \
         sent minus received.",
    );
}

#[test]
fn a_late_duplicate_is_a_duplicate_not_a_reordering() {
    check_feed(
        &[0, 1, 2, 1, 3],
        4,
        score(5, 0, 0, 1),
        "The second 1 had already arrived: a duplicate, not a reordering.",
    );
}

#[test]
fn everything_at_once() {
    check_feed(
        &[0, 1, 3, 2, 2, 5, 4, 7, 9, 8, 9],
        10,
        score(11, 1, 3, 2),
        "6 lost; 2, 4 and 8 reordered; 2 and 9 twice.",
    );
}

#[test]
fn datagrams_without_a_sequence_number_are_not_readings() {
    let datagrams: Vec<Vec<u8>> = vec![
        b"SEQ 0\ntemp=21.5".to_vec(),
        b"hello from nc -u".to_vec(),
        b"SEQ one\ntemp=?".to_vec(),
        b"SEQ 1\ntemp=21.6".to_vec(),
    ];
    let shown: Vec<String> = datagrams.iter().map(|datagram| quote(datagram)).collect();
    let feed = format!(
        "the datagrams {} (the sensor sent 2 readings: 0 and 1)",
        shown.join(", ")
    );
    check_score(
        datagrams,
        2,
        score(2, 0, 0, 0),
        &feed,
        "Only a datagram whose first line is `SEQ <n>`, with a number, is a reading.",
    );
}
