//! # udp1-pinger: is the weather station still there?
//!
//! The classic UDP pinger lab (Kurose & Ross), made reproducible. A monitoring client pings
//! an echo server over UDP: each ping is one datagram that starts with `PING <seq> ` (the
//! sequence number counts from 1; add anything after the space, a timestamp for instance), and
//! the server sends the same datagram back.
//!
//! UDP promises nothing: a ping or its reply may be lost, come twice, or come late, after you
//! gave up on it. So for each ping:
//! - wait at most `timeout` for *its* reply, the datagram that starts with `PING <seq> `;
//! - a reply to an earlier ping (late, or a duplicate) is not this ping's reply: skip it and
//!   keep waiting, within the same deadline;
//! - no reply by the deadline: that ping is lost (`None`); go on with the next one.
//!
//! The tests run an echo server that loses, duplicates and delays replies on purpose.
//! Check your work with `cargo run -p exercises -- check udp1-pinger`.

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

// ANCHOR: stub
/// Sends `count` pings to `server`, one after the other, and returns for each one its
/// round-trip time, or `None` if its reply did not arrive within `timeout`.
pub fn ping(
    server: SocketAddr,
    count: u32,
    timeout: Duration,
) -> io::Result<Vec<Option<Duration>>> {
    // TODO: bind a UdpSocket to an ephemeral port on loopback (`127.0.0.1:0`).
    // TODO: for seq in 1..=count: note `Instant::now()`, send `PING <seq> ...` to `server`.
    // TODO: wait for the reply with a read timeout (`set_read_timeout`): set it to the time
    //       left before this ping's deadline, each time you call `recv_from`.
    // TODO: a timeout shows up as an error of kind `WouldBlock` (Unix) or `TimedOut`
    //       (Windows): that ping is lost. Skip replies that are not `PING <seq> `.
    let _ = (server, count, timeout);
    todo!("ping, wait with a deadline, match replies by sequence number")
}
// ANCHOR_END: stub
