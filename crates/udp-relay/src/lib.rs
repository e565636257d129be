//! The impairment relay: a UDP relay that loses, duplicates, reorders and delays datagrams,
//! the same way on every machine for a given seed.
//!
//! Clients send to the relay; it forwards each datagram to the upstream address (the
//! receiver), after deciding its fate. Replies from upstream go back to the client that sent
//! last, so a request/reply program (a UDP pinger, `udp-sender --wait-reply` to
//! `udp-receiver --reply`) works through it too. By default only the client-to-upstream
//! direction is impaired.
//!
//! This file binds the relay's two sockets and runs its two directions, each on a thread:
//! `requests.rs` (client to upstream) and `replies.rs` (upstream to client). The fate of each
//! datagram is decided in `fate.rs`; `direction.rs` holds and delays datagrams; and
//! `in_process.rs` runs a relay on a thread of its own, for tests and exercises.

use std::net::{SocketAddr, UdpSocket};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use anyhow::Context;
use course::{HintExt, say, t};
use datagram::Scoreboard;

mod direction;
mod fate;
mod in_process;
mod replies;
mod requests;

pub use fate::{Fate, Impairments, fate};
pub use in_process::Relay;
use replies::{Ends, relay_replies};
use requests::relay_requests;

/// How long a held datagram waits for a successor before it is sent anyway.
pub const HOLD_FLUSH: Duration = Duration::from_secs(1);
/// How often a blocked receive gives up, to look at the stop conditions and due datagrams.
const POLL: Duration = Duration::from_millis(50);
/// After the last datagram from clients, how long replies still on their way are relayed:
/// a receiver that answers does so within microseconds on loopback.
const REPLY_GRACE: Duration = Duration::from_millis(300);

/// Where the relay listens and forwards, what it does to datagrams, and when it stops.
#[derive(Debug, Clone)]
pub struct Options {
    pub listen: SocketAddr,
    pub upstream: SocketAddr,
    pub impairments: Impairments,
    /// Stop after this many datagrams from clients.
    pub count: Option<u64>,
    /// Stop after this long without a datagram from clients.
    pub idle_timeout: Option<Duration>,
}

/// A relay whose sockets are bound, ready to [`Bound::run`].
pub struct Bound {
    listener: UdpSocket,
    local: SocketAddr,
    upstream_socket: UdpSocket,
    options: Options,
    expected: Arc<Mutex<Scoreboard>>,
}

/// Binds the listening socket (clients send here) and the upstream socket (the relay's own
/// ephemeral port, from which it forwards). Narrates the listening address first.
pub fn bind(options: Options) -> anyhow::Result<Bound> {
    let listen = options.listen;
    let listener = UdpSocket::bind(listen)
        .with_context(|| t!("udp-relay.binding", addr = listen))
        .hint_with(|error| {
            course::trouble::bind_hint(error, listen, &t!("udp-relay.port-holder"))
        })?;
    let local = listener
        .local_addr()
        .with_context(|| t!("udp-relay.reading-local-address"))?;
    let upstream = options.upstream;
    say!("bind", "udp-relay.bound-clients", local, upstream);
    let from = SocketAddr::new(course::address::wildcard(upstream.ip()), 0);
    let upstream_socket =
        UdpSocket::bind(from).with_context(|| t!("udp-relay.binding", addr = from))?;
    let upstream_local = upstream_socket
        .local_addr()
        .with_context(|| t!("udp-relay.reading-local-address"))?;
    say!(
        "bind",
        "udp-relay.bound-upstream",
        local = upstream_local,
        upstream
    );
    // A connected UDP socket: no packet is sent, but the OS now delivers only the receiver's
    // datagrams to it, and reports an ICMP "port unreachable" from it as an error.
    upstream_socket
        .connect(upstream)
        .with_context(|| t!("udp-relay.connecting", upstream))
        .hint(t!("udp-relay.to-hint"))?;
    let upstream_local = upstream_socket
        .local_addr()
        .with_context(|| t!("udp-relay.reading-local-address"))?;
    say!(
        "connect",
        "udp-relay.connected",
        upstream,
        local = upstream_local
    );
    Ok(Bound {
        listener,
        local,
        upstream_socket,
        options,
        expected: Arc::default(),
    })
}

impl Bound {
    /// The address clients send to.
    pub fn local_addr(&self) -> SocketAddr {
        self.local
    }

    /// Relays until `stop` says so, `count` datagrams came from clients, or the idle timeout
    /// passed. Replies are relayed on a second thread meanwhile. `stop` is also asked while
    /// delayed datagrams are flushed at the end: once it says so, they are dropped.
    pub fn run(self, stop: impl Fn() -> bool + Send + Sync + 'static) -> anyhow::Result<Outcome> {
        let Bound {
            listener,
            local: _,
            upstream_socket,
            options,
            expected,
        } = self;
        let listener = Arc::new(listener);
        let upstream_socket = Arc::new(upstream_socket);
        let last_client: Arc<Mutex<Option<SocketAddr>>> = Arc::default();
        let done = Arc::new(AtomicBool::new(false));
        let stop = Arc::new(stop);
        let tally = Arc::new(Tally::default());

        let replies = {
            let listener = Arc::clone(&listener);
            let upstream_socket = Arc::clone(&upstream_socket);
            let last_client = Arc::clone(&last_client);
            let done = Arc::clone(&done);
            let stop = Arc::clone(&stop);
            let tally = Arc::clone(&tally);
            let upstream = options.upstream;
            let impairments = options.impairments.impair_replies.then(|| Impairments {
                // Decisions of their own, still from the seed alone.
                seed: options.impairments.seed ^ 0x5245_504c_4945_5321,
                ..options.impairments.clone()
            });
            thread::spawn(move || {
                relay_replies(
                    &upstream_socket,
                    &listener,
                    upstream,
                    &last_client,
                    impairments,
                    &Ends {
                        done: &done,
                        stop: &*stop,
                    },
                    &tally,
                )
            })
        };

        let result = relay_requests(
            &listener,
            &upstream_socket,
            &options,
            &last_client,
            &expected,
            &*stop,
            &tally,
        );
        done.store(true, Ordering::SeqCst);
        let _ = replies.join();
        let (reason, received) = result?;
        let expected = expected
            .lock()
            .map(|board| board.clone())
            .unwrap_or_default();
        Ok(Outcome {
            reason,
            received,
            expected,
            failed: tally.failed.load(Ordering::SeqCst),
            refused: tally.refused.load(Ordering::SeqCst),
            dropped: tally.dropped.load(Ordering::SeqCst),
        })
    }
}

/// How a run of the relay ended.
///
/// Every datagram the OS accepted to send upstream is also fed into a [`Scoreboard`]: that
/// is the score a receiver behind the relay must report, by construction (`expected`). A send
/// that fails is counted apart (`failed`), never scored.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Why it stopped.
    pub reason: String,
    /// Datagrams received from clients.
    pub received: u64,
    /// The score a receiver behind the relay should report: the datagrams the OS accepted to
    /// send upstream.
    pub expected: Scoreboard,
    /// Forwards to upstream whose send failed (not sent, not in `expected`).
    pub failed: u64,
    /// ICMP "port unreachable" reports from upstream: nobody was listening there.
    pub refused: u64,
    /// Delayed datagrams (both directions) dropped because the relay was stopped before they
    /// were due.
    pub dropped: u64,
}

/// What went wrong along the way, counted by both directions' threads.
#[derive(Debug, Default)]
struct Tally {
    failed: AtomicU64,
    refused: AtomicU64,
    dropped: AtomicU64,
}

impl Tally {
    /// Counts an ICMP "port unreachable" reported by the upstream socket; says it the first
    /// time only, since every datagram sent to nobody brings one back. The socket is
    /// connected to the receiver's address, so the OS reports it: as ConnectionRefused on
    /// Linux and macOS, ConnectionReset on Windows, on the next send or receive of that socket
    /// (an unconnected socket hears it only on Windows).
    fn refused(&self, upstream: SocketAddr) {
        if self.refused.fetch_add(1, Ordering::SeqCst) == 0 {
            say!(
                t!("udp-relay.label-refused"),
                "udp-relay.refused-once",
                upstream
            );
        }
    }
}
