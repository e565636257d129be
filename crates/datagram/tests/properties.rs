//! Property tests (proptest) of what reads numbers from the wire: the header parser and the
//! score. Any bytes, any numbers, in any order: never a panic, and the score's memory and
//! output stay bounded by what arrived, whatever the datagrams claim.

use std::collections::BTreeSet;
use std::net::SocketAddr;

use datagram::{Arrival, BELIEVABLE, Header, LOST_LISTED, RunScore, Scoreboard, describe};
use proptest::prelude::*;

fn header() -> impl Strategy<Value = Header> {
    (
        any::<u64>(),
        proptest::option::of(any::<u64>()),
        any::<u32>(),
        any::<u64>(),
    )
        .prop_map(|(seq, total, run, sent_micros)| Header {
            seq,
            total,
            run,
            sent_micros,
        })
}

/// Words that header lines are made of, right and wrong, so that random lines get deep into
/// the parser instead of failing at the first byte.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("SEQ".to_string()),
        Just("OF".to_string()),
        Just("RUN".to_string()),
        Just("SENT".to_string()),
        Just("18446744073709551615".to_string()),
        Just("18446744073709551616".to_string()),
        Just("+5".to_string()),
        Just("-1".to_string()),
        Just(String::new()),
        Just("é".to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        any::<u32>().prop_map(|n| format!("{n:x}")),
        (any::<u64>(), 0u32..10_000_000).prop_map(|(s, m)| format!("{s}.{m:06}")),
        proptest::collection::vec(0x20u8..0x7f, 0..8)
            .prop_map(|bytes| String::from_utf8(bytes).unwrap_or_default()),
    ]
}

fn header_like_datagram() -> impl Strategy<Value = Vec<u8>> {
    (
        proptest::collection::vec(word(), 0..12),
        proptest::collection::vec(any::<u8>(), 0..64),
        any::<bool>(),
    )
        .prop_map(|(words, payload, newline)| {
            let mut datagram = words.join(" ").into_bytes();
            if newline {
                datagram.push(b'\n');
            }
            datagram.extend_from_slice(&payload);
            datagram
        })
}

/// Sequence numbers and totals as a liar would pick them: small ones mixed with the edges.
fn claimed_number() -> impl Strategy<Value = u64> {
    prop_oneof![
        6 => 0u64..64,
        1 => Just(u64::MAX),
        1 => Just(u64::MAX - 1),
        1 => Just(BELIEVABLE),
        1 => Just(BELIEVABLE + 1),
        1 => BELIEVABLE - 100..=BELIEVABLE,
        1 => any::<u64>(),
    ]
}

/// Small believable numbers and unbelievable ones only, so that a plain model can list
/// every lost number.
fn small_or_unbelievable() -> impl Strategy<Value = u64> {
    prop_oneof![
        8 => 0u64..48,
        1 => Just(BELIEVABLE + 1),
        1 => Just(u64::MAX),
        1 => BELIEVABLE + 1..=u64::MAX,
    ]
}

fn claims<S: Strategy<Value = u64>>(
    number: impl Fn() -> S,
) -> impl Strategy<Value = Vec<(u64, Option<u64>)>> {
    proptest::collection::vec((number(), proptest::option::of(number())), 0..200)
}

fn numbered(seq: u64, total: Option<u64>) -> Header {
    Header {
        seq,
        total,
        run: 0x00a1,
        sent_micros: 1_000_000,
    }
}

/// The rules of the crate's doc, written the plain way: every number in a set, every lost
/// number listed. Returns (lost numbers, expected, reordered, duplicated, doubted).
fn model(claims: &[(u64, Option<u64>)]) -> (Vec<u64>, Option<u64>, u64, u64, u64) {
    let (mut total, mut highest) = (None::<u64>, None::<u64>);
    let mut seen = BTreeSet::new();
    let (mut reordered, mut duplicated, mut doubted) = (0, 0, 0);
    for &(seq, of) in claims {
        if seq > BELIEVABLE {
            doubted += 1;
            continue;
        }
        let mut doubt = false;
        if let Some(of) = of {
            let high = highest.map_or(seq, |h: u64| h.max(seq));
            match total {
                Some(was) => doubt = of != was,
                None if of > BELIEVABLE || of <= high => doubt = true,
                None => total = Some(of),
            }
        }
        if total.is_some_and(|total| seq >= total) {
            doubted += 1;
            continue;
        }
        if doubt {
            doubted += 1;
        }
        if !seen.insert(seq) {
            duplicated += 1;
        } else if highest.is_some_and(|h| seq < h) {
            reordered += 1;
        } else {
            highest = Some(seq);
        }
    }
    let end = total.or(highest.map(|h| h + 1)).unwrap_or(0);
    let lost = (0..end).filter(|n| !seen.contains(n)).collect();
    (lost, total, reordered, duplicated, doubted)
}

proptest! {
    #[test]
    fn parse_never_panics_on_any_bytes(datagram in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = Header::parse(&datagram);
    }

    #[test]
    fn parse_never_panics_on_header_like_lines(datagram in header_like_datagram()) {
        if let Some((header, payload)) = Header::parse(&datagram) {
            // What it returns is the datagram's own tail, after a line that is a header.
            prop_assert!(payload.len() < datagram.len());
            prop_assert!(datagram.ends_with(payload));
            let _ = header.line();
        }
        let from: SocketAddr = "127.0.0.1:9".parse().unwrap();
        let _ = describe(from, &datagram);
    }

    #[test]
    fn every_header_round_trips(
        header in header(),
        payload in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let datagram = header.datagram(&payload);
        prop_assert_eq!(Header::parse(&datagram), Some((header, &payload[..])));
        // Any cut of the line is not a header, and no panic.
        for cut in 0..header.line().len() {
            prop_assert_eq!(Header::parse(&datagram[..cut]), None);
        }
        let _ = header.age();
    }

    #[test]
    fn score_of_any_numbers_in_any_order_stays_bounded(claims in claims(claimed_number)) {
        let mut run = RunScore::default();
        for &(seq, total) in &claims {
            run.record(&numbered(seq, total));
            // Memory: at most one range per datagram received, whatever the numbers said.
            prop_assert!(run.ranges_kept() <= claims.len());
        }
        let summary = run.summary();
        prop_assert_eq!(summary.received, claims.len() as u64);
        prop_assert!(summary.lost_seqs.len() <= LOST_LISTED);
        prop_assert!(summary.lost <= BELIEVABLE + 1);
        prop_assert!(summary.expected.is_none_or(|total| total <= BELIEVABLE));
        prop_assert!(summary.lost_seqs.windows(2).all(|pair| pair[0] < pair[1]));
        prop_assert!(summary.doubted <= summary.received);
        // Time and output: a summary line is short whatever the numbers.
        prop_assert!(summary.to_string().len() < 600, "{}", summary);
    }

    #[test]
    fn score_follows_the_documented_rules(claims in claims(small_or_unbelievable)) {
        let mut run = RunScore::default();
        let mut set_aside = 0;
        for &(seq, total) in &claims {
            if run.record(&numbered(seq, total)).arrival == Arrival::SetAside {
                set_aside += 1;
            }
        }
        let summary = run.summary();
        let (lost, expected, reordered, duplicated, doubted) = model(&claims);
        prop_assert_eq!(summary.lost, lost.len() as u64);
        prop_assert_eq!(&summary.lost_seqs[..], &lost[..lost.len().min(LOST_LISTED)]);
        prop_assert_eq!(summary.expected, expected);
        prop_assert_eq!(summary.reordered, reordered);
        prop_assert_eq!(summary.duplicated, duplicated);
        prop_assert_eq!(summary.doubted, doubted);
        prop_assert!(set_aside <= doubted);
        prop_assert_eq!(summary.first_doubt.is_some(), doubted > 0);
    }

    #[test]
    fn scoreboard_of_any_datagrams_never_panics(
        datagrams in proptest::collection::vec(
            prop_oneof![
                header_like_datagram(),
                (claimed_number(), proptest::option::of(claimed_number()), 0u32..4)
                    .prop_map(|(seq, total, run)| Header { run, ..numbered(seq, total) }.datagram(b"x")),
            ],
            0..100,
        ),
    ) {
        let mut board = Scoreboard::default();
        for datagram in &datagrams {
            board.record(datagram);
        }
        let total = board.total();
        prop_assert!(total.lost_seqs.len() <= LOST_LISTED);
        prop_assert_eq!(board.datagrams, datagrams.len() as u64);
        prop_assert_eq!(total.received + board.unnumbered, board.datagrams);
        prop_assert!(board.report().len() <= datagrams.len() + 1);
    }
}
