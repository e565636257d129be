//! WRONG on purpose: only `TimedOut` ends the feed. On Linux and macOS an expired read timeout
//! is `WouldBlock`, so the scorer fails with "Resource temporarily unavailable" instead of
//! returning its score: it works on Windows only.

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
        let len = match socket.recv_from(&mut buffer) {
            Ok((len, _)) => len,
            Err(e) if e.kind() == io::ErrorKind::TimedOut => break,
            Err(e) => return Err(e),
        };
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
