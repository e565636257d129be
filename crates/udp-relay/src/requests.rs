//! Client to upstream, the impaired direction: each datagram from a client is received with
//! `recv_from`, which says who sent it (replies go back there), and its fate decides whether
//! it is forwarded upstream with `send`.

use std::net::{SocketAddr, UdpSocket};
use std::sync::Mutex;
use std::sync::PoisonError;
use std::sync::atomic::Ordering;

use anyhow::Context;
use course::{Stop, say, t};
use datagram::{Header, Scoreboard, is_port_unreachable, is_timeout};

use crate::direction::Direction;
use crate::{HOLD_FLUSH, Options, Tally};

/// Client to upstream: the impaired direction. Returns why it stopped and how many
/// datagrams came from clients.
pub fn relay_requests(
    listener: &UdpSocket,
    upstream_socket: &UdpSocket,
    options: &Options,
    last_client: &Mutex<Option<SocketAddr>>,
    expected: &Mutex<Scoreboard>,
    stop: &dyn Fn() -> bool,
    tally: &Tally,
) -> anyhow::Result<(String, u64)> {
    let upstream = options.upstream;
    // "relay" is the same word in both languages.
    let mut direction = Direction::new("relay".into(), Some(options.impairments.clone()));
    let mut buffer = vec![0u8; datagram::RECV_BUFFER];
    let mut received = 0u64;
    let mut stopping = Stop::when(stop, options.count, options.idle_timeout);
    let mut previous: Option<Header> = None;
    // Every datagram the OS accepts to send upstream is scored, so the expected score is
    // exactly what the receiver will see. The lock is held across the send, so that the
    // score is never behind what the receiver has already got.
    let mut send = |datagram: &[u8]| {
        let mut board = expected.lock().unwrap_or_else(PoisonError::into_inner);
        match upstream_socket.send(datagram) {
            Ok(_) => {
                board.record(datagram);
            }
            // The OS reports here the ICMP "port unreachable" of an earlier forward, and
            // does not send this one.
            Err(error) if is_port_unreachable(&error) => {
                tally.failed.fetch_add(1, Ordering::SeqCst);
                tally.refused(upstream);
            }
            Err(error) => {
                tally.failed.fetch_add(1, Ordering::SeqCst);
                say!("relay", "udp-relay.send-failed", to = upstream, error);
            }
        }
    };
    let reason = loop {
        if let Some(reason) = stopping.why(received) {
            break reason;
        }
        direction.send_due(&mut send);
        if direction.holds() && stopping.quiet_for() >= HOLD_FLUSH {
            direction.release_held(&mut send);
        }
        listener
            .set_read_timeout(Some(direction.wait()))
            .with_context(|| t!("udp-relay.setting-read-timeout"))?;
        // ANCHOR: recv_from
        match listener.recv_from(&mut buffer) {
            Ok((len, from)) => {
                received += 1;
                stopping.arrived();
                // The datagram says who sent it: that is where the replies will go.
                if let Ok(mut client) = last_client.lock() {
                    if *client != Some(from) {
                        say!(
                            t!("udp-relay.label-client"),
                            "udp-relay.client",
                            from,
                            upstream
                        );
                    }
                    *client = Some(from);
                }
                previous = warn_of_gap(previous, &buffer[..len]);
                // Its fate decides whether `send` forwards it upstream: once, twice, later.
                direction.handle(&buffer[..len], &mut send);
            }
            // Windows: a reply sent to a client that has gone brings an ICMP "port
            // unreachable" back, reported here; the next client is fine.
            Err(error) if is_timeout(&error) || is_port_unreachable(&error) => {}
            Err(error) => {
                return Err(error)
                    .with_context(|| t!("udp-relay.receiving-on", addr = options.listen));
            }
        }
        // ANCHOR_END: recv_from
    };
    let dropped = direction.flush(&mut send, stop);
    tally.dropped.fetch_add(dropped, Ordering::SeqCst);
    Ok((reason, received))
}

/// The fates follow the order of arrival at the relay, so a datagram lost *before* the relay
/// (a sender faster than the relay can read) shifts them: say so when the numbers jump.
fn warn_of_gap(previous: Option<Header>, datagram: &[u8]) -> Option<Header> {
    let (header, _) = Header::parse(datagram)?;
    let jumped = previous.filter(|previous| {
        previous.run == header.run && header.seq > previous.seq.saturating_add(1)
    });
    // `jumped` means header.seq > previous.seq + 1, so neither bound below can overflow.
    if let Some(previous) = jumped {
        say!(
            "relay",
            "udp-relay.never-reached",
            first = previous.seq.saturating_add(1),
            last = header.seq.saturating_sub(1)
        );
    }
    Some(header)
}
