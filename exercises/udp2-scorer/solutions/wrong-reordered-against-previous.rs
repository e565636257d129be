//! WRONG on purpose: a reading counts as reordered when it is lower than the *previous* one,
//! not the highest one. After 0 3 1 2, only 1 is counted: 2 came after 3 as well.

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
    let mut previous = None;
    loop {
        let len = match socket.recv_from(&mut buffer) {
            Ok((len, _)) => len,
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
        } else if previous.is_some_and(|previous| seq < previous) {
            score.reordered += 1;
        }
        previous = Some(seq);
    }
    score.lost = (0..total).filter(|seq| !seen.contains(seq)).count() as u64;
    Ok(score)
}
