//! The multicast lesson's listener, minimal: share the port, bind, `join` the group, and
//! receive. Run several: each one gets its own copy of every datagram sent to the group.
//!
//! ```text
//! cargo run --example multicast-listener-minimal     # terminals 1 and 2 (or: -- GROUP:PORT)
//! cargo run --example multicast-sender-minimal       # terminal 3
//! ```
// The full program (src/main.rs) adds: IPv6 groups, other interfaces, leave, a score, hints.

use std::env;
use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};

use socket2::{Domain, Protocol, Socket, Type};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let group = env::args().nth(1).unwrap_or("239.255.78.78:7880".into());
    let group: SocketAddrV4 = group.parse()?;
    let interface = Ipv4Addr::LOCALHOST;
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
    // Before bind: let other listeners bind this port too (macOS and BSD need SO_REUSEPORT).
    socket.set_reuse_address(true)?;
    #[cfg(unix)]
    socket.set_reuse_port(true)?;
    // The wildcard address with the group's port: Windows refuses to bind a group address.
    socket.bind(&SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, group.port()).into())?;
    let socket: UdpSocket = socket.into();
    let local = socket.local_addr()?;
    eprintln!("bind     {local} (UDP, wildcard address; other listeners may share the port)");
    // join: the OS tells the network (IGMP) this host wants the group, on this interface.
    socket.join_multicast_v4(group.ip(), &interface)?;
    eprintln!("join     group {} on interface {interface}", group.ip());
    // Linux also hands a wildcard socket the groups that any other socket joined: not those.
    #[cfg(target_os = "linux")]
    {
        socket2::SockRef::from(&socket).set_multicast_all_v4(false)?;
        eprintln!("option   IP_MULTICAST_ALL off: only the groups this socket joined (Linux)");
    }
    let mut buffer = vec![0; 65_536];
    loop {
        let (n, from) = socket.recv_from(&mut buffer)?;
        let text = String::from_utf8_lossy(&buffer[..n]);
        println!("from {from}  {n:>5} bytes  {text:?}");
    }
}
