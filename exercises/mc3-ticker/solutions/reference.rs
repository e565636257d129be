//! # mc3-ticker: the price-ticker publisher (reference solution)

use std::io;
use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};

use socket2::{Domain, Protocol, Socket, Type};

/// Opens the publisher's socket: bound to `interface` on any free port, multicast sent out
/// through `interface`, with multicast TTL `ttl`, looped back to this machine's listeners.
pub fn open_publisher(interface: Ipv4Addr, ttl: u32) -> io::Result<UdpSocket> {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
    // IP_MULTICAST_IF: multicast leaves through this interface, not the default route's.
    socket.set_multicast_if_v4(&interface)?;
    // IP_MULTICAST_TTL: each router takes 1 off; at 1 no router forwards the quotes.
    socket.set_multicast_ttl_v4(ttl)?;
    // IP_MULTICAST_LOOP: a copy for the listeners on this machine (on by default on Linux).
    socket.set_multicast_loop_v4(true)?;
    socket.bind(&SocketAddrV4::new(interface, 0).into())?;
    Ok(socket.into())
}

/// Publishes each quote as one datagram, `SYMBOL PRICE` with two decimals, to `group`.
pub fn publish(socket: &UdpSocket, group: SocketAddrV4, quotes: &[(&str, f64)]) -> io::Result<()> {
    for (symbol, price) in quotes {
        // One datagram per quote: a screen that misses one still reads the next whole.
        socket.send_to(format!("{symbol} {price:.2}").as_bytes(), group)?;
    }
    Ok(())
}
