//! WRONG on purpose: takes any datagram as the reply to the current ping. A late reply or a
//! duplicate is then counted for the wrong ping, and a lost ping looks answered.

use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::time::{Duration, Instant};

pub fn ping(
    server: SocketAddr,
    count: u32,
    timeout: Duration,
) -> io::Result<Vec<Option<Duration>>> {
    let socket = UdpSocket::bind("127.0.0.1:0")?;
    socket.set_read_timeout(Some(timeout))?;
    let mut buffer = [0u8; 1500];
    let mut rtts = Vec::new();
    for seq in 1..=count {
        let sent = Instant::now();
        socket.send_to(format!("PING {seq} now").as_bytes(), server)?;
        match socket.recv_from(&mut buffer) {
            Ok(_) => rtts.push(Some(sent.elapsed())),
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                rtts.push(None)
            }
            Err(e) => return Err(e),
        }
    }
    Ok(rtts)
}
