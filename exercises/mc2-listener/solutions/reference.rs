//! # mc2-listener: two ticker screens on one desk (reference solution)

use std::io;
use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};

use socket2::{Domain, Protocol, Socket, Type};

/// Opens a ticker listener: a UDP socket on `port` (0: any free port) that receives the
/// datagrams sent to `group` through the interface with address `interface`, and that shares
/// its port with other listeners on the same machine.
pub fn open_listener(group: Ipv4Addr, port: u16, interface: Ipv4Addr) -> io::Result<UdpSocket> {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
    // Both before `bind`: they tell the kernel this socket agrees to share its port.
    socket.set_reuse_address(true)?;
    // macOS and the BSDs want SO_REUSEPORT for several sockets on one port; Windows has none.
    #[cfg(unix)]
    socket.set_reuse_port(true)?;
    // Unix: bound to the group, the socket gets that group's datagrams only.
    #[cfg(unix)]
    let bind_to = SocketAddrV4::new(group, port);
    // Windows refuses to bind a multicast address: bind any address, the port is the filter.
    #[cfg(not(unix))]
    let bind_to = SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, port);
    socket.bind(&bind_to.into())?;
    // IP_ADD_MEMBERSHIP: the kernel now accepts the group's datagrams on that interface
    // (and, on a real network, tells the routers with IGMP).
    socket.join_multicast_v4(&group, &interface)?;
    Ok(socket.into())
}
