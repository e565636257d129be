//! # udp2-scorer: what did the network do to the sensor feed?
//!
//! A greenhouse sensor sends its readings over UDP, one datagram each, numbered from 0:
//!
//! ```text
//! SEQ 0\ntemp=21.5
//! SEQ 1\ntemp=21.6
//! ```
//!
//! Write the receiving end: take the datagrams until the feed goes quiet, and score them
//! against the `total` the sensor says it sent (numbers `0..total`):
//! - `received`: every datagram with a `SEQ <n>` line, duplicates included;
//! - `duplicated`: a number that had already arrived;
//! - `reordered`: a new number lower than the highest number already arrived;
//! - `lost`: the numbers in `0..total` that never arrived.
//!
//! Datagrams that do not start with `SEQ <n>` are not readings: ignore them.
//!
//! Check your work with `cargo run -p exercises -- check udp2-scorer`.

use std::io;
use std::net::UdpSocket;
use std::time::Duration;

// ANCHOR: stub
/// The score of one run of the sensor feed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub received: u64,
    pub lost: u64,
    pub reordered: u64,
    pub duplicated: u64,
}

/// Receives readings on `socket` until none arrives for `idle`, and scores them against the
/// `total` readings the sensor sent.
pub fn score_feed(socket: &UdpSocket, total: u64, idle: Duration) -> io::Result<Score> {
    // TODO: `set_read_timeout(Some(idle))`, then `recv_from` in a loop.
    // TODO: the loop ends when the read times out: an error of kind `WouldBlock` on Unix and
    //       `TimedOut` on Windows. That is the end of the feed, not a failure.
    // TODO: parse the number after `SEQ ` on the first line; skip datagrams without one.
    // TODO: remember the numbers seen (a `HashSet`) and the highest one, and count.
    let _ = (socket, total, idle);
    todo!("receive until the feed goes quiet, then score it")
}
// ANCHOR_END: stub
