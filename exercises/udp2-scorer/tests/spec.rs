//! The spec of the feed scorer: a real sensor socket sends readings over loopback, in a chosen
//! order (loopback keeps the order and loses nothing), to a receiver on port 0. A failure
//! shows the feed and the score, field by field (the `speckit` helpers), in English or in
//! Portuguese: the sentences of this spec are in the module `words`, at the end.

use std::io;
use std::net::UdpSocket;
use std::time::Duration;

use speckit::{Doing, Table, call, duration, fail, quote, returned_an_error};
use udp2_scorer::{Score, score_feed};

const IDLE: Duration = Duration::from_millis(300);

/// Sends the readings with these sequence numbers, in this order, then checks their score.
/// `why` explains the expected score in a few words.
fn check_feed(order: &[u64], total: u64, expected: Score, why: &str) {
    let numbers: Vec<String> = order.iter().map(|seq| seq.to_string()).collect();
    let numbers = if numbers.is_empty() {
        words::none()
    } else {
        numbers.join(" ")
    };
    let feed = words::the_readings(&numbers, total);
    let datagrams = order
        .iter()
        .map(|seq| format!("SEQ {seq}\ntemp=21.{}", seq % 10).into_bytes())
        .collect();
    check_score(datagrams, total, expected, &feed, why);
}

/// Sends `datagrams`, scores them, and checks the score against `expected`, field by field.
fn check_score(datagrams: Vec<Vec<u8>>, total: u64, expected: Score, feed: &str, why: &str) {
    let got = score_of_datagrams(datagrams, total, feed);
    let mut table = Table::new(words::the_score_of(feed), &words::columns());
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
    let receiver = UdpSocket::bind("127.0.0.1:0").doing(&words::binding_the_receiver());
    let sensor = UdpSocket::bind("127.0.0.1:0").doing(&words::binding_the_sensor());
    let to = receiver.local_addr().doing(&words::receiver_address());
    // Every datagram is in the receiver's buffer before scoring starts: small ones, well below
    // the buffer's size.
    for datagram in &datagrams {
        sensor
            .send_to(datagram, to)
            .doing(&words::sending_the_reading(&quote(datagram)));
    }
    let mut scorer = call("score_feed", move || score_feed(&receiver, total, IDLE));
    let context = words::after_the_feed_went_quiet(feed, &duration(IDLE));
    match scorer.returned(IDLE * 2 + Duration::from_secs(3), &context) {
        Ok(score) => score,
        Err(error) => {
            let mut message = format!(
                "{}: {}",
                words::scoring(feed),
                returned_an_error("score_feed", &error)
            );
            if speckit::is_timeout(&error) {
                message.push_str(&words::a_timeout_is_the_end());
            }
            if error.kind() == io::ErrorKind::InvalidInput {
                message.push_str(&words::no_zero_duration());
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
    check_feed(&[], 3, score(0, 3, 0, 0), &words::nothing_arrived());
}

#[test]
fn missing_readings_are_lost_even_at_the_end_of_the_run() {
    check_feed(&[0, 2, 3], 6, score(3, 3, 0, 0), &words::never_came());
}

#[test]
fn a_reading_that_comes_after_a_higher_one_is_reordered() {
    check_feed(
        &[0, 3, 1, 2, 4],
        5,
        score(5, 0, 2, 0),
        &words::against_the_highest(),
    );
}

#[test]
fn a_duplicate_does_not_hide_a_loss() {
    check_feed(
        &[0, 1, 1, 3],
        4,
        score(4, 1, 0, 1),
        &words::lost_is_not_a_subtraction(),
    );
}

#[test]
fn a_late_duplicate_is_a_duplicate_not_a_reordering() {
    check_feed(
        &[0, 1, 2, 1, 3],
        4,
        score(5, 0, 0, 1),
        &words::a_duplicate_not_a_reordering(),
    );
}

#[test]
fn everything_at_once() {
    check_feed(
        &[0, 1, 3, 2, 2, 5, 4, 7, 9, 8, 9],
        10,
        score(11, 1, 3, 2),
        &words::everything(),
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
    let feed = words::the_datagrams(&shown.join(", "));
    check_score(
        datagrams,
        2,
        score(2, 0, 0, 0),
        &feed,
        &words::only_seq_is_a_reading(),
    );
}

/// What this spec says, in English and in Portuguese (`en_pt!` gives the one of the run).
mod words {
    use speckit::{de, en_pt};

    pub fn binding_the_receiver() -> String {
        en_pt!(
            "setting up: binding the receiver",
            "preparando: fazendo bind do receptor"
        )
    }

    pub fn binding_the_sensor() -> String {
        en_pt!(
            "setting up: binding the sensor",
            "preparando: fazendo bind do sensor"
        )
    }

    pub fn receiver_address() -> String {
        en_pt!(
            "setting up: the receiver's address",
            "preparando: o endereço do receptor"
        )
    }

    pub fn none() -> String {
        en_pt!("(none)", "(nenhuma)")
    }

    /// The feed, as the messages name it.
    pub fn the_readings(numbers: &str, total: u64) -> String {
        let last = total.saturating_sub(1);
        en_pt!(
            "the readings numbered {numbers} (the sensor sent {total}: 0 to {last})",
            "as leituras de números {numbers} (o sensor enviou {total}: de 0 a {last})"
        )
    }

    pub fn the_datagrams(shown: &str) -> String {
        en_pt!(
            "the datagrams {shown} (the sensor sent 2 readings: 0 and 1)",
            "os datagramas {shown} (o sensor enviou 2 leituras: 0 e 1)"
        )
    }

    pub fn the_score_of(feed: &str) -> String {
        let de_feed = de(feed);
        en_pt!("the score of {feed}", "o placar {de_feed}")
    }

    pub fn columns() -> [String; 3] {
        [
            en_pt!("field", "campo"),
            en_pt!("expected", "esperado"),
            en_pt!("your score_feed", "sua score_feed"),
        ]
    }

    pub fn sending_the_reading(reading: &str) -> String {
        en_pt!(
            "sending the reading {reading}",
            "enviando a leitura {reading}"
        )
    }

    /// Follows "your `score_feed` did not return within 3.6 s".
    pub fn after_the_feed_went_quiet(feed: &str, idle: &str) -> String {
        en_pt!(
            " after the feed went quiet ({feed}): the feed ends when no datagram arrives for \
             `idle` ({idle})",
            " depois que a transmissão silenciou ({feed}): a transmissão termina quando nenhum \
             datagrama chega durante `idle` ({idle})"
        )
    }

    pub fn scoring(feed: &str) -> String {
        let de_feed = de(feed);
        en_pt!("scoring {feed}", "calculando o placar {de_feed}")
    }

    pub fn a_timeout_is_the_end() -> String {
        en_pt!(
            "\nThat error is the read timeout expiring: the feed went quiet, which is its end, \
             not a failure. Linux and macOS say WouldBlock, Windows says TimedOut: end the loop \
             on both and return the score.",
            "\nEsse erro é o timeout de leitura expirando: a transmissão silenciou, e isso é o \
             fim dela, não uma falha. Linux e macOS dizem WouldBlock, o Windows diz TimedOut: \
             termine o laço nos dois casos e retorne o placar."
        )
    }

    pub fn no_zero_duration() -> String {
        en_pt!(
            "\n(`set_read_timeout` refuses a zero duration.)",
            "\n(`set_read_timeout` recusa uma duração zero.)"
        )
    }

    pub fn nothing_arrived() -> String {
        en_pt!(
            "Nothing arrived: all 3 readings are lost.",
            "Nada chegou: as 3 leituras estão perdidas."
        )
    }

    pub fn never_came() -> String {
        en_pt!("1, 4 and 5 never came.", "1, 4 e 5 nunca chegaram.")
    }

    pub fn against_the_highest() -> String {
        en_pt!(
            "1 and 2 both came after 3, the highest so far: reordered is against the highest \
             number already arrived, not the previous one.",
            "1 e 2 chegaram depois do 3, o maior até então: fora de ordem se mede contra o \
             maior número que já chegou, não contra o anterior."
        )
    }

    pub fn lost_is_not_a_subtraction() -> String {
        en_pt!(
            "2 never came, 1 came twice: lost counts the numbers that never arrived, not sent \
             minus received.",
            "2 nunca chegou, 1 chegou duas vezes: lost conta os números que nunca chegaram, não \
             enviados menos recebidos."
        )
    }

    pub fn a_duplicate_not_a_reordering() -> String {
        en_pt!(
            "The second 1 had already arrived: a duplicate, not a reordering.",
            "O segundo 1 já tinha chegado: é duplicado, não fora de ordem."
        )
    }

    pub fn everything() -> String {
        en_pt!(
            "6 lost; 2, 4 and 8 reordered; 2 and 9 twice.",
            "6 perdido; 2, 4 e 8 fora de ordem; 2 e 9 duas vezes."
        )
    }

    pub fn only_seq_is_a_reading() -> String {
        en_pt!(
            "Only a datagram whose first line is `SEQ <n>`, with a number, is a reading.",
            "Só é leitura um datagrama cuja primeira linha é `SEQ <n>`, com um número."
        )
    }
}
