//! WRONG on purpose: binds the interface's address (127.0.0.1:port), as if that chose where
//! multicast arrives. The datagrams are addressed to the group, not to 127.0.0.1, so the
//! kernel never hands them to this socket.

use std::io;
use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};

use socket2::{Domain, Protocol, Socket, Type};

pub fn open_listener(group: Ipv4Addr, port: u16, interface: Ipv4Addr) -> io::Result<UdpSocket> {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
    socket.set_reuse_address(true)?;
    #[cfg(unix)]
    socket.set_reuse_port(true)?;
    socket.bind(&SocketAddrV4::new(interface, port).into())?;
    socket.join_multicast_v4(&group, &interface)?;
    Ok(socket.into())
}
