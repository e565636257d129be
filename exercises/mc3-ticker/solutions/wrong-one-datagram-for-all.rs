//! WRONG on purpose: packs every quote into one datagram, one per line. A screen now gets one
//! datagram per batch, and loses the whole batch when that one datagram is lost.

use std::io;
use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};

use socket2::{Domain, Protocol, Socket, Type};

pub fn open_publisher(interface: Ipv4Addr, ttl: u32) -> io::Result<UdpSocket> {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
    socket.set_multicast_if_v4(&interface)?;
    socket.set_multicast_ttl_v4(ttl)?;
    socket.set_multicast_loop_v4(true)?;
    socket.bind(&SocketAddrV4::new(interface, 0).into())?;
    Ok(socket.into())
}

pub fn publish(socket: &UdpSocket, group: SocketAddrV4, quotes: &[(&str, f64)]) -> io::Result<()> {
    let batch: Vec<String> = quotes
        .iter()
        .map(|(symbol, price)| format!("{symbol} {price:.2}"))
        .collect();
    socket.send_to(batch.join("\n").as_bytes(), group)?;
    Ok(())
}
