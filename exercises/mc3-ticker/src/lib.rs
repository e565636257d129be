//! # mc3-ticker: the price-ticker publisher
//!
//! The other end of the ticker: the publisher. It sends each quote once, as one datagram, to
//! the group, and every screen that joined gets a copy. Two socket options decide where the
//! datagrams go:
//! - the *interface* they leave through (`IP_MULTICAST_IF`): left alone, the kernel picks one
//!   from the routing table, usually the one of the default route, i.e. out to the network;
//!   the ticker must use the interface it is given (the tests give loopback, 127.0.0.1);
//! - their *TTL* (`IP_MULTICAST_TTL`): each router they cross takes 1 off, and none forwards
//!   them at 1, so TTL N crosses up to N-1 routers. It is not the TTL of unicast datagrams
//!   (`IP_TTL`); the default for multicast is 1, the local network only.
//!
//! Keep the loopback option on (`IP_MULTICAST_LOOP`), so that screens on this machine get the
//! quotes too. Each quote is one datagram: `SYMBOL PRICE`, the price with two decimals
//! (`PETR4 38.12`).
//!
//! Check your work with `cargo run -p exercises -- check mc3-ticker`.

use std::io;
use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};

// ANCHOR: stub
/// Opens the publisher's socket: bound to `interface` on any free port, multicast sent out
/// through `interface`, with multicast TTL `ttl`, looped back to this machine's listeners.
pub fn open_publisher(interface: Ipv4Addr, ttl: u32) -> io::Result<UdpSocket> {
    // TODO: a socket2 `Socket` (Domain::IPV4, Type::DGRAM, Protocol::UDP), or a std
    //       `UdpSocket` plus `socket2::SockRef::from(&socket)` for the option std lacks.
    // TODO: `set_multicast_if_v4(&interface)`: std has no call for it, socket2 does.
    // TODO: `set_multicast_ttl_v4(ttl)`: the multicast TTL (`set_ttl` is another option).
    // TODO: `set_multicast_loop_v4(true)`; bind `interface:0`.
    let _ = (interface, ttl);
    todo!("choose the interface, the multicast TTL, loopback; bind")
}

/// Publishes each quote as one datagram, `SYMBOL PRICE` with two decimals, to `group`.
pub fn publish(socket: &UdpSocket, group: SocketAddrV4, quotes: &[(&str, f64)]) -> io::Result<()> {
    // TODO: one `send_to` per quote; `format!("{symbol} {price:.2}")`.
    let _ = (socket, group, quotes);
    todo!("one datagram per quote")
}
// ANCHOR_END: stub
