//! RIGHT too, another way: on Unix, bind the group's address (`group:port`) instead of the
//! wildcard. Linux and macOS then deliver to the socket only the datagrams addressed to that
//! group, so `IP_MULTICAST_ALL` does not matter. Windows refuses to bind a group address
//! (WSAEADDRNOTAVAIL, 10049), so there it binds the wildcard address; Windows delivers only
//! the groups the socket joined. Two code paths instead of one: the course's listener and the
//! reference bind the wildcard address everywhere.

use std::io;
use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};

use socket2::{Domain, Protocol, Socket, Type};

pub fn open_listener(group: Ipv4Addr, port: u16, interface: Ipv4Addr) -> io::Result<UdpSocket> {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
    socket.set_reuse_address(true)?;
    #[cfg(unix)]
    socket.set_reuse_port(true)?;
    // Unix: bound to the group, the socket gets that group's datagrams only.
    #[cfg(unix)]
    let bind_to = SocketAddrV4::new(group, port);
    // Windows refuses to bind a multicast address: the wildcard address.
    #[cfg(not(unix))]
    let bind_to = SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, port);
    socket.bind(&bind_to.into())?;
    socket.join_multicast_v4(&group, &interface)?;
    Ok(socket.into())
}
