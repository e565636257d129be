//! # mc2-listener: two ticker screens on one desk (reference solution)
//!
//! The course's listener does the same: bind the wildcard address on every OS, join, and on
//! Linux keep the socket to the groups it joined itself.

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
    // macOS and the BSDs want SO_REUSEPORT for several wildcard sockets on one port; Windows
    // has none.
    #[cfg(unix)]
    socket.set_reuse_port(true)?;
    // The wildcard address: Windows refuses to bind a group address (WSAEADDRNOTAVAIL).
    socket.bind(&SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, port).into())?;
    // IP_ADD_MEMBERSHIP: the kernel now accepts the group's datagrams on that interface
    // (and, on a real network, tells the routers with IGMP).
    socket.join_multicast_v4(&group, &interface)?;
    // Linux hands a wildcard socket every group joined on the machine on its port, unless
    // IP_MULTICAST_ALL is off; macOS and Windows deliver only the groups the socket joined.
    #[cfg(target_os = "linux")]
    socket.set_multicast_all_v4(false)?;
    Ok(socket.into())
}
