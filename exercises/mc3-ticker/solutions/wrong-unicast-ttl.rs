//! WRONG on purpose: `set_ttl_v4` sets the TTL of unicast datagrams (IP_TTL). Multicast
//! datagrams keep their own TTL, 1, whatever the ticker asked for.

use std::io;
use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};

use socket2::{Domain, Protocol, Socket, Type};

pub fn open_publisher(interface: Ipv4Addr, ttl: u32) -> io::Result<UdpSocket> {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
    socket.set_multicast_if_v4(&interface)?;
    socket.set_ttl_v4(ttl)?;
    socket.set_multicast_loop_v4(true)?;
    socket.bind(&SocketAddrV4::new(interface, 0).into())?;
    Ok(socket.into())
}

pub fn publish(socket: &UdpSocket, group: SocketAddrV4, quotes: &[(&str, f64)]) -> io::Result<()> {
    for (symbol, price) in quotes {
        socket.send_to(format!("{symbol} {price:.2}").as_bytes(), group)?;
    }
    Ok(())
}
