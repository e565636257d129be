//! # udp1-pinger: is the weather station still there? (reference solution)

use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Sends `count` pings to `server`, one after the other, and returns for each one its
/// round-trip time, or `None` if its reply did not arrive within `timeout`.
pub fn ping(
    server: SocketAddr,
    count: u32,
    timeout: Duration,
) -> io::Result<Vec<Option<Duration>>> {
    let socket = UdpSocket::bind("127.0.0.1:0")?;
    let mut buffer = [0u8; 1500];
    let mut rtts = Vec::new();
    for seq in 1..=count {
        let prefix = format!("PING {seq} ");
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let sent = Instant::now();
        let deadline = sent + timeout;
        socket.send_to(format!("{prefix}{}", now.as_micros()).as_bytes(), server)?;
        let rtt = loop {
            // The time left before this ping's deadline: a stray reply does not buy more time.
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break None;
            }
            socket.set_read_timeout(Some(left))?;
            match socket.recv_from(&mut buffer) {
                Ok((len, from))
                    if from == server && buffer[..len].starts_with(prefix.as_bytes()) =>
                {
                    break Some(sent.elapsed());
                }
                // A late reply to an earlier ping, a duplicate, or a stranger: not ours.
                Ok(_) => continue,
                // The read timeout expired: WouldBlock on Unix, TimedOut on Windows.
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) =>
                {
                    break None;
                }
                Err(e) => return Err(e),
            }
        };
        rtts.push(rtt);
    }
    Ok(rtts)
}
