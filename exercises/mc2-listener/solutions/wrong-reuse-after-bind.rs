//! WRONG on purpose, on every OS: the reuse options come after `bind`. The kernel decides
//! whether a port may be shared when a socket binds it, from the options the binding socket
//! has then: the second screen binds without them and gets "address already in use" (Linux,
//! macOS and Windows alike), although every screen sets them a moment later.

use std::io;
use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};

use socket2::{Domain, Protocol, Socket, Type};

pub fn open_listener(group: Ipv4Addr, port: u16, interface: Ipv4Addr) -> io::Result<UdpSocket> {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
    socket.bind(&SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, port).into())?;
    socket.set_reuse_address(true)?;
    #[cfg(unix)]
    socket.set_reuse_port(true)?;
    socket.join_multicast_v4(&group, &interface)?;
    #[cfg(target_os = "linux")]
    socket.set_multicast_all_v4(false)?;
    Ok(socket.into())
}
