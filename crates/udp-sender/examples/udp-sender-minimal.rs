//! The UDP lesson's sender, minimal: no connection, one `send_to`, one datagram. Ten of
//! them, numbered; `Ok` only means the kernel took each one: UDP cannot tell if it arrived.
//!
//! ```text
//! cargo run --example udp-receiver-minimal           # terminal 1
//! cargo run --example udp-sender-minimal             # terminal 2 (or: -- 127.0.0.1:7879)
//! ```
// The full program (src/main.rs) adds: a message or lines to send, size and rate, hints.

use std::env;
use std::net::UdpSocket;
use std::time::{Duration, UNIX_EPOCH};

fn main() -> std::io::Result<()> {
    let to = env::args().nth(1).unwrap_or("127.0.0.1:7879".into());
    // Port 0: the OS picks a free port, which the receiver sees as where datagrams come from.
    let socket = UdpSocket::bind("0.0.0.0:0")?;
    let local = socket.local_addr()?;
    eprintln!("bind     {local} (port 0 asked: the OS chose the port)");
    let run = std::process::id() % 0x10000; // tells this run from the next one
    for seq in 0..10 {
        let sent = UNIX_EPOCH.elapsed().unwrap_or_default(); // the receiver shows the delay
        let datagram = format!(
            "SEQ {seq} OF 10 RUN {run:04x} SENT {}.{:06}\nhello {seq}",
            sent.as_secs(),
            sent.subsec_micros()
        );
        let n = socket.send_to(datagram.as_bytes(), &to)?;
        eprintln!("send_to  {n} bytes to {to}: SEQ {seq} OF 10 (Ok: the kernel took it)");
        std::thread::sleep(Duration::from_millis(500)); // 2 per second, to watch them come
    }
    Ok(())
}
