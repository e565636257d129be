//! # mc2-listener: two ticker screens on one desk
//!
//! The price ticker publishes each quote once, to a multicast group; every screen that joined
//! the group gets a copy. A trader runs two screens on one machine, so two listeners must bind
//! the same port. Without the right socket options the second one fails with "address already
//! in use". `std::net::UdpSocket::bind` sets none of them and binds at once, so build the socket
//! with socket2, set the options, bind, join, and convert it into a `std::net::UdpSocket`.
//!
//! What the tests check is what a screen receives, on Linux, macOS and Windows:
//! - it gets the quotes sent to its group, through the interface whose address is `interface`
//!   (the tests use loopback, 127.0.0.1: the ticker's datagrams never leave the machine);
//! - a second screen can open on the same port, and both get every quote;
//! - it does not get the quotes of another group sent to the same port.
//!
//! The course's listener binds the wildcard address, `0.0.0.0:port`, as Windows requires, and
//! turns Linux's `IP_MULTICAST_ALL` off (on Linux a wildcard socket otherwise also gets every
//! group that any socket of the machine joined). Binding the group's address instead (on Unix
//! only: Windows refuses it) passes too. The hint says more about both.
//!
//! Check your work with `cargo run -p exercises -- check mc2-listener`.

use std::io;
use std::net::{Ipv4Addr, UdpSocket};

// ANCHOR: stub
/// Opens a ticker listener: a UDP socket on `port` (0: any free port) that receives the
/// datagrams sent to `group` through the interface with address `interface`, and that shares
/// its port with other listeners on the same machine.
pub fn open_listener(group: Ipv4Addr, port: u16, interface: Ipv4Addr) -> io::Result<UdpSocket> {
    // TODO: `socket2::Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))`.
    // TODO: before `bind`: `set_reuse_address(true)`; `#[cfg(unix)]` `set_reuse_port(true)`.
    // TODO: bind `SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, port)`: `bind(&addr.into())`.
    // TODO: `join_multicast_v4(&group, &interface)`; on Linux, `#[cfg(target_os = "linux")]`,
    //       `set_multicast_all_v4(false)`. Then `Ok(socket.into())`.
    let _ = (group, port, interface);
    todo!("reuse, bind, join")
}
// ANCHOR_END: stub
