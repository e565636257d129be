//! WRONG on purpose, on every OS: no SO_REUSEADDR / SO_REUSEPORT. The first screen works; the
//! second one's `bind` fails with "address already in use" (Linux EADDRINUSE 98, macOS 48,
//! Windows WSAEADDRINUSE 10048): a port is shared only by sockets that all agreed to share it.

use std::io;
use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};

use socket2::{Domain, Protocol, Socket, Type};

pub fn open_listener(group: Ipv4Addr, port: u16, interface: Ipv4Addr) -> io::Result<UdpSocket> {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
    socket.bind(&SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, port).into())?;
    socket.join_multicast_v4(&group, &interface)?;
    #[cfg(target_os = "linux")]
    socket.set_multicast_all_v4(false)?;
    Ok(socket.into())
}
