//! # mc2-listener: two ticker screens on one desk
//!
//! The price ticker publishes each quote once, to a multicast group; every screen that joined
//! the group gets a copy. A trader runs two screens on one machine, so two listeners must bind
//! the same port. Without the right socket options the second one fails with "address already
//! in use". `std::net::UdpSocket::bind` sets none of them and binds at once, so build the socket
//! with socket2, set the options, bind, join, and convert it into a `std::net::UdpSocket`.
//!
//! - set `SO_REUSEADDR`, and on Unix `SO_REUSEPORT` too (macOS needs it), *before* binding;
//! - bind the port: on Unix, bind the *group* address (`group:port`), so that the socket gets
//!   only that group's datagrams; on Windows, which refuses that, bind `0.0.0.0:port`;
//! - join the group on the interface whose address is `interface` (the tests use loopback,
//!   127.0.0.1: the ticker's datagrams never leave the machine).
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
    // TODO: `set_reuse_address(true)`; `#[cfg(unix)]` `set_reuse_port(true)`.
    // TODO: bind `SocketAddrV4::new(group, port)` on Unix, `(Ipv4Addr::UNSPECIFIED, port)`
    //       on Windows (`#[cfg(windows)]`); `bind` takes `&SockAddr`: `&addr.into()`.
    // TODO: `join_multicast_v4(&group, &interface)`, then `Ok(socket.into())`.
    let _ = (group, port, interface);
    todo!("reuse, bind, join")
}
// ANCHOR_END: stub
