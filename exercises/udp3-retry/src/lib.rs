//! # udp3-retry: asking the quote service
//!
//! A stock-quote service answers over UDP: send it `QUOTE PETR4` and it replies with one
//! datagram, `PETR4 38.12`. UDP has no acknowledgements and no retransmission: if the request
//! or the reply is lost, nothing tells you, and the client must try again itself (DNS does
//! exactly this).
//!
//! Write `request`:
//! - send `request` to `server` and wait at most `timeout` for the reply;
//! - no reply in time: send it again, up to `attempts` sends in all;
//! - the reply is the first datagram that comes *from `server`*: a datagram from anyone else
//!   is not the answer (anybody can send a datagram to your port);
//! - after the last attempt, give up with an error of kind `io::ErrorKind::TimedOut`, on every
//!   platform.
//!
//! Check your work with `cargo run -p exercises -- check udp3-retry`.

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

// ANCHOR: stub
/// Sends `request` to `server` up to `attempts` times, waiting `timeout` after each send, and
/// returns the first reply from `server`.
pub fn request(
    server: SocketAddr,
    request: &[u8],
    timeout: Duration,
    attempts: u32,
) -> io::Result<Vec<u8>> {
    // TODO: bind a UdpSocket on `127.0.0.1:0`. `connect(server)` makes the kernel drop the
    //       datagrams that come from anywhere else (or check the address `recv_from` gives).
    // TODO: up to `attempts` times: send, then wait up to `timeout` for a reply.
    // TODO: an expired read timeout is `WouldBlock` (Unix) or `TimedOut` (Windows): try again.
    // TODO: after the last attempt: `Err(io::Error::new(io::ErrorKind::TimedOut, ...))`.
    let _ = (server, request, timeout, attempts);
    todo!("send, wait, send again, give up")
}
// ANCHOR_END: stub
