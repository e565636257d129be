//! WRONG on purpose: it stops once every reading has arrived, and `?` on `recv_from` turns the
//! read timeout into an error. A feed that loses a reading never completes: the timeout
//! expires (`WouldBlock` on Linux and macOS, `TimedOut` on Windows) and the scorer returns
//! that error instead of the score, on every OS. The feed going quiet is its end, not a
//! failure.

use std::collections::HashSet;
use std::io;
use std::net::UdpSocket;
use std::time::Duration;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub received: u64,
    pub lost: u64,
    pub reordered: u64,
    pub duplicated: u64,
}

pub fn score_feed(socket: &UdpSocket, total: u64, idle: Duration) -> io::Result<Score> {
    socket.set_read_timeout(Some(idle))?;
    let mut buffer = [0u8; 65_536];
    let mut score = Score::default();
    let mut seen = HashSet::new();
    let mut highest = None;
    loop {
        // Every reading is here: the feed is complete.
        if seen.len() as u64 == total {
            break;
        }
        let (len, _) = socket.recv_from(&mut buffer)?;
        let Some(seq) = std::str::from_utf8(&buffer[..len])
            .ok()
            .and_then(|text| text.lines().next())
            .and_then(|line| line.strip_prefix("SEQ "))
            .and_then(|n| n.parse::<u64>().ok())
        else {
            continue;
        };
        score.received += 1;
        if !seen.insert(seq) {
            score.duplicated += 1;
        } else if highest.is_some_and(|highest| seq < highest) {
            score.reordered += 1;
        } else {
            highest = Some(seq);
        }
    }
    score.lost = (0..total).filter(|seq| !seen.contains(seq)).count() as u64;
    Ok(score)
}
