//! The multicast lesson's sender, minimal: an ordinary UDP socket that sends to a group
//! address; every listener that joined the group gets its own copy. It joins nothing.
//!
//! ```text
//! cargo run --example multicast-listener-minimal     # terminals 1 and 2
//! cargo run --example multicast-sender-minimal       # terminal 3 (or: -- 239.255.78.78:7880)
//! ```
// The full program (src/main.rs) adds: IPv6 groups, other interfaces, the loop option, hints.

use std::env;
use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};
use std::time::{Duration, UNIX_EPOCH};

use socket2::{Domain, Protocol, Socket, Type};

fn main() -> std::io::Result<()> {
    let group = env::args().nth(1).unwrap_or("239.255.78.78:7880".into());
    let interface = Ipv4Addr::LOCALHOST;
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
    // IP_MULTICAST_IF: leave by the loopback interface, so nothing leaves this machine.
    socket.set_multicast_if_v4(&interface)?;
    // IP_MULTICAST_TTL 1: no router forwards the datagrams (1 is also the default).
    socket.set_multicast_ttl_v4(1)?;
    socket.bind(&SocketAddrV4::new(interface, 0).into())?;
    let socket: UdpSocket = socket.into();
    let local = socket.local_addr()?;
    eprintln!("bind     {local} (UDP socket that sends to group {group})");
    eprintln!("option   IP_MULTICAST_IF {interface}, IP_MULTICAST_TTL 1: stays on this machine");
    let run = std::process::id() % 0x10000; // tells this run from the next one
    for seq in 0..10 {
        let sent = UNIX_EPOCH.elapsed().unwrap_or_default(); // the listener shows the delay
        let datagram = format!(
            "SEQ {seq} OF 10 RUN {run:04x} SENT {}.{:06}\nhello, group",
            sent.as_secs(),
            sent.subsec_micros()
        );
        // One send_to, one datagram: the network makes a copy for every member of the group.
        let n = socket.send_to(datagram.as_bytes(), &group)?;
        eprintln!("send_to  SEQ {seq} OF 10 ({n} bytes) to {group} from {local}");
        std::thread::sleep(Duration::from_millis(500)); // 2 per second, to watch them come
    }
    Ok(())
}
