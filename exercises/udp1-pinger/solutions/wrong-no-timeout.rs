//! WRONG on purpose: no read timeout. The first lost ping blocks `recv_from` forever, as in
//! the first version of every pinger lab.

use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::time::{Duration, Instant};

pub fn ping(
    server: SocketAddr,
    count: u32,
    timeout: Duration,
) -> io::Result<Vec<Option<Duration>>> {
    let _ = timeout;
    let socket = UdpSocket::bind("127.0.0.1:0")?;
    let mut buffer = [0u8; 1500];
    let mut rtts = Vec::new();
    for seq in 1..=count {
        let sent = Instant::now();
        socket.send_to(format!("PING {seq} now").as_bytes(), server)?;
        socket.recv_from(&mut buffer)?;
        rtts.push(Some(sent.elapsed()));
    }
    Ok(rtts)
}
