//! # udp2-scorer: what did the network do to the sensor feed? (reference solution)

use std::collections::HashSet;
use std::io;
use std::net::UdpSocket;
use std::time::Duration;

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
    socket.set_read_timeout(Some(idle))?;
    let mut buffer = [0u8; 65_536];
    let mut score = Score::default();
    let mut seen = HashSet::new();
    let mut highest = None;
    loop {
        let len = match socket.recv_from(&mut buffer) {
            Ok((len, _)) => len,
            // Quiet for `idle`: the feed is over. Unix says WouldBlock, Windows TimedOut.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                break;
            }
            Err(e) => return Err(e),
        };
        let Some(seq) = sequence_number(&buffer[..len]) else {
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

/// The number on the `SEQ <n>` line at the start of a reading.
fn sequence_number(datagram: &[u8]) -> Option<u64> {
    let text = std::str::from_utf8(datagram).ok()?;
    let line = text.lines().next()?;
    line.strip_prefix("SEQ ")?.trim().parse().ok()
}
