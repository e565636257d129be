//! The UDP lesson's receiver, minimal: `bind` a port, then `recv_from` hands over one whole
//! datagram at a time, and who sent it. No connection: anyone may send, some may be lost.
//!
//! ```text
//! cargo run --example udp-receiver-minimal           # terminal 1 (or: -- 127.0.0.1:0)
//! cargo run --example udp-sender-minimal             # terminal 2
//! ```
// The full program (src/main.rs) adds: the score of lost and reordered datagrams, stop rules.

use std::env;
use std::net::UdpSocket;

fn main() -> std::io::Result<()> {
    let address = env::args().nth(1).unwrap_or("127.0.0.1:7879".into());
    let socket = UdpSocket::bind(address)?;
    eprintln!("bind     {} (UDP); Ctrl-C stops", socket.local_addr()?);
    // Room for the largest datagram (65,507 bytes): a shorter buffer would cut it.
    let mut buffer = vec![0; 65_536];
    loop {
        // recv_from waits for the next datagram: one whole datagram per call, and its sender.
        let (n, from) = socket.recv_from(&mut buffer)?;
        eprintln!("recv_from {n} bytes from {from}");
        let text = String::from_utf8_lossy(&buffer[..n]);
        println!("from {from}  {n:>5} bytes  {text:?}");
    }
}
