//! WRONG on purpose: no SO_REUSEADDR / SO_REUSEPORT. The first screen works; the second one
//! fails with "address already in use".

use std::io;
use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};

use socket2::{Domain, Protocol, Socket, Type};

pub fn open_listener(group: Ipv4Addr, port: u16, interface: Ipv4Addr) -> io::Result<UdpSocket> {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
    socket.bind(&SocketAddrV4::new(group, port).into())?;
    socket.join_multicast_v4(&group, &interface)?;
    Ok(socket.into())
}
