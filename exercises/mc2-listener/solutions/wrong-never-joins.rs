//! WRONG on purpose, on every OS: binds the group's port (and on Unix the group's address) but
//! never joins the group. Binding only says which datagrams this socket takes once they are
//! on this machine; without a join the OS does not take the group's datagrams at all (Linux
//! and macOS drop them at the IP layer; Windows refuses to send to a loopback group nobody
//! joined, WSAENETUNREACH 10051), so the screen waits and nothing comes.

use std::io;
use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};

use socket2::{Domain, Protocol, Socket, Type};

pub fn open_listener(group: Ipv4Addr, port: u16, interface: Ipv4Addr) -> io::Result<UdpSocket> {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
    socket.set_reuse_address(true)?;
    #[cfg(unix)]
    socket.set_reuse_port(true)?;
    #[cfg(unix)]
    let bind_to = SocketAddrV4::new(group, port);
    #[cfg(not(unix))]
    let bind_to = SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, port);
    socket.bind(&bind_to.into())?;
    // The join would take the group and the interface: with no join, they go unused.
    let _ = (group, interface);
    Ok(socket.into())
}
