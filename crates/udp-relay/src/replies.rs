//! Upstream to client: the receiver's replies, received on the relay's connected upstream
//! socket and sent on with `send_to` to the client that sent last. Impaired only with
//! `--impair-replies`.

use std::net::{SocketAddr, UdpSocket};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use course::{say, t};
use datagram::{is_port_unreachable, is_timeout};

use crate::direction::Direction;
use crate::{Impairments, REPLY_GRACE, Tally};

/// When the reply direction ends: once the requests' direction has ended (`done`) and no reply
/// came for [`REPLY_GRACE`], or at once on Ctrl-C (`stop`, which also drops delayed replies).
pub struct Ends<'a> {
    pub done: &'a AtomicBool,
    pub stop: &'a (dyn Fn() -> bool + Send + Sync),
}

/// Upstream to client: replies go back to the client that sent last.
pub fn relay_replies(
    upstream_socket: &UdpSocket,
    listener: &UdpSocket,
    upstream: SocketAddr,
    last_client: &Mutex<Option<SocketAddr>>,
    impairments: Option<Impairments>,
    ends: &Ends,
    tally: &Tally,
) {
    let label = t!("udp-relay.label-reply");
    let mut direction = Direction::new(label.clone(), impairments);
    let mut buffer = vec![0u8; datagram::RECV_BUFFER];
    // ANCHOR: reply
    // The receiver answered the relay's upstream socket, the only address it knows. The relay
    // sends the reply on from its listening socket, to the address of the client's datagram.
    let mut send = |datagram: &[u8]| {
        let client = last_client.lock().ok().and_then(|client| *client);
        match client.map(|client| (client, listener.send_to(datagram, client))) {
            Some((client, Err(error))) => {
                say!(&label, "udp-relay.send-failed", to = client, error);
            }
            Some((_, Ok(_))) => {}
            None => say!(&label, "udp-relay.no-client"),
        }
    };
    // ANCHOR_END: reply
    let mut last = Instant::now();
    let mut done_at = None;
    loop {
        if ends.done.load(Ordering::SeqCst) {
            let done_at = *done_at.get_or_insert_with(Instant::now);
            if (ends.stop)() || last.max(done_at).elapsed() >= REPLY_GRACE {
                break;
            }
        }
        direction.send_due(&mut send);
        if upstream_socket
            .set_read_timeout(Some(direction.wait()))
            .is_err()
        {
            break;
        }
        // The socket is connected: the OS delivers only the upstream's datagrams to it.
        match upstream_socket.recv(&mut buffer) {
            Ok(len) => {
                last = Instant::now();
                direction.handle(&buffer[..len], &mut send);
            }
            Err(error) if is_timeout(&error) => {}
            // An ICMP "port unreachable" for a forwarded datagram: nobody listens upstream.
            Err(error) if is_port_unreachable(&error) => tally.refused(upstream),
            Err(error) => {
                say!(&label, "udp-relay.receive-failed", upstream, error);
                break;
            }
        }
    }
    let dropped = direction.flush(&mut send, ends.stop);
    tally.dropped.fetch_add(dropped, Ordering::SeqCst);
}
