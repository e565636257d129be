//! The impairment relay: a UDP relay that loses, duplicates, reorders and delays datagrams,
//! the same way on every machine for a given seed.
//!
//! Clients send to the relay; it forwards each datagram to the upstream address (the
//! receiver), after deciding its fate. Replies from upstream go back to the client that sent
//! last, so a request/reply program (a UDP pinger) works through it too. By default only the
//! client-to-upstream direction is impaired.
//!
//! # Determinism
//!
//! The fate of a datagram depends only on the seed and on its index: 0 for the first
//! datagram the relay receives from clients, 1 for the next, and so on ([`fate`]). Timing
//! plays no part, so "with seed 7, datagrams 3, 5 and 9 are lost" holds on every machine and
//! every run (as long as the sender's datagrams reach the relay in order, which on loopback
//! they do).
//!
//! # Reordering
//!
//! A datagram chosen for reordering is held, and sent right after the next datagram the
//! relay sends (so it arrives after a later one, and the receiver counts it as reordered).
//! If a second one is held while the first still waits, the first is sent then. A held
//! datagram that nothing follows (the last of a run) is released after [`HOLD_FLUSH`] without
//! traffic, or when the relay stops; at rates below one datagram per [`HOLD_FLUSH`] a held
//! datagram is therefore released before the next arrives and the reorder does not show.
//!
//! # Delay
//!
//! `delay` holds every forwarded datagram for that long before sending it. The delay is the
//! same for all, so it does not reorder anything by itself. When the relay stops by itself
//! (`count`, `idle_timeout`) it still sends the delayed datagrams, each at its time; when it
//! is stopped (Ctrl-C) it drops them at once and counts them ([`Outcome::dropped`]).
//!
//! # The expected score
//!
//! Every datagram the OS accepted to send upstream is also fed into a
//! [`datagram::Scoreboard`]: that is the score a receiver behind the relay must report, by
//! construction. A send that fails is counted apart ([`Outcome::failed`]), never scored.
//!
//! # Nobody upstream
//!
//! The upstream socket is connected to the receiver's address, so the OS reports the ICMP
//! "port unreachable" that comes back when nothing listens there: as ConnectionRefused on
//! Linux and macOS, ConnectionReset on Windows, on the next send or receive of that socket
//! (an unconnected socket hears it only on Windows). The relay says it once and counts the
//! reports ([`Outcome::refused`]).

use std::collections::VecDeque;
use std::net::{SocketAddr, UdpSocket};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use anyhow::Context;
use course::{HintExt, Stop, narrate};
use datagram::{Header, Scoreboard, is_port_unreachable, is_timeout};

/// How long a held datagram waits for a successor before it is sent anyway.
pub const HOLD_FLUSH: Duration = Duration::from_secs(1);
/// How often a blocked receive gives up, to look at the stop conditions and due datagrams.
const POLL: Duration = Duration::from_millis(50);

/// What the relay does to datagrams. `Default` is no impairment at all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Impairments {
    /// Probability (0 to 1) that a datagram is dropped.
    pub loss: f64,
    /// Probability (0 to 1) that a datagram is sent twice.
    pub duplicate: f64,
    /// Probability (0 to 1) that a datagram is held and sent after the next one.
    pub reorder: f64,
    /// How long each forwarded datagram waits before it is sent.
    pub delay: Duration,
    /// The seed of the decisions: the same seed gives the same fates.
    pub seed: u64,
    /// Impair the replies (upstream to client) too, with decisions of their own.
    pub impair_replies: bool,
}

/// What happens to one datagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Forwarded,
    Lost,
    Duplicated,
    /// Held back and sent after the next datagram.
    Held,
}

impl Fate {
    pub fn describe(self) -> &'static str {
        match self {
            Fate::Forwarded => "forwarded",
            Fate::Lost => "lost",
            Fate::Duplicated => "duplicated (sent twice)",
            Fate::Held => "held for reordering (sent after the next one)",
        }
    }
}

// ANCHOR: fate
/// The fate of datagram number `index` (0 for the first one): a pure function of the seed
/// and the index. Loss is decided first, then duplication, then reordering, each with its own
/// draw.
pub fn fate(impairments: &Impairments, index: u64) -> Fate {
    let draw = |which: u64| uniform(impairments.seed, index, which);
    if draw(0) < impairments.loss {
        Fate::Lost
    } else if draw(1) < impairments.duplicate {
        Fate::Duplicated
    } else if draw(2) < impairments.reorder {
        Fate::Held
    } else {
        Fate::Forwarded
    }
}

/// A number in [0, 1) from the seed, the datagram's index and which decision it is for.
/// Integer arithmetic only (splitmix64), so every machine computes the same number.
fn uniform(seed: u64, index: u64, which: u64) -> f64 {
    // A counter-based generator: the hashed seed, mixed with a counter, hashed again.
    let counter = index.wrapping_mul(4).wrapping_add(which);
    let bits = splitmix64(splitmix64(seed) ^ counter);
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

/// Sebastiano Vigna's splitmix64: a small, well-mixed hash of a 64-bit number.
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
// ANCHOR_END: fate

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

/// How a run of the relay ended.
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
    /// time only, since every datagram sent to nobody brings one back.
    fn refused(&self, upstream: SocketAddr) {
        if self.refused.fetch_add(1, Ordering::SeqCst) == 0 {
            narrate!(
                "refused",
                "{upstream} refused: is the receiver running? (ICMP \"port unreachable\" came back; said once, counted at the end)"
            );
        }
    }
}

/// Binds the listening socket (clients send here) and the upstream socket (the relay's own
/// ephemeral port, from which it forwards). Narrates the listening address first.
pub fn bind(options: Options) -> anyhow::Result<Bound> {
    let listen = options.listen;
    let listener = UdpSocket::bind(listen)
        .with_context(|| format!("binding {listen}"))
        .hint_with(|error| course::trouble::bind_hint(error, listen, "another udp-relay"))?;
    let local = listener.local_addr().context("reading the local address")?;
    narrate!(
        "bind",
        "{local} (relay: clients send here; forwarding to {})",
        options.upstream
    );
    let upstream = options.upstream;
    let from = SocketAddr::new(course::address::wildcard(upstream.ip()), 0);
    let upstream_socket = UdpSocket::bind(from).with_context(|| format!("binding {from}"))?;
    narrate!(
        "bind",
        "{} (relay's side towards {upstream}: replies come back here)",
        upstream_socket
            .local_addr()
            .context("reading the local address")?
    );
    // A connected UDP socket: no packet is sent, but the OS now delivers only the receiver's
    // datagrams to it, and reports an ICMP "port unreachable" from it as an error.
    upstream_socket
        .connect(upstream)
        .with_context(|| format!("connecting the upstream socket to {upstream}"))
        .hint("--to takes the receiver's HOST:PORT, for example 127.0.0.1:7879")?;
    narrate!(
        "connect",
        "{upstream} from {} (UDP: nothing is sent; the OS will tell the relay if nobody listens there)",
        upstream_socket
            .local_addr()
            .context("reading the local address")?
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

/// One direction of the relay: the fates, the held datagram, the delayed ones.
struct Direction {
    name: &'static str,
    impairments: Option<Impairments>,
    next_index: u64,
    held: Option<(u64, Vec<u8>)>,
    delayed: VecDeque<(Instant, Vec<u8>)>,
    delay: Duration,
}

impl Direction {
    fn new(name: &'static str, impairments: Option<Impairments>) -> Direction {
        let delay = impairments.as_ref().map_or(Duration::ZERO, |i| i.delay);
        Direction {
            name,
            impairments,
            next_index: 0,
            held: None,
            delayed: VecDeque::new(),
            delay,
        }
    }

    /// Decides the fate of one datagram and passes what must go out to `send`, in order.
    fn handle(&mut self, datagram: &[u8], mut send: impl FnMut(&[u8])) {
        let index = self.next_index;
        self.next_index += 1;
        let fate = match &self.impairments {
            Some(impairments) => fate(impairments, index),
            None => Fate::Forwarded,
        };
        let delayed = if self.delay.is_zero() || fate == Fate::Lost {
            String::new()
        } else {
            format!(", delayed {} ms", self.delay.as_millis())
        };
        narrate!(
            self.name,
            "#{index}{} {} bytes: {}{delayed}",
            seq_of(datagram),
            datagram.len(),
            fate.describe()
        );
        match fate {
            Fate::Lost => {}
            Fate::Forwarded => {
                self.emit(datagram, &mut send);
                self.release_held(&mut send);
            }
            Fate::Duplicated => {
                self.emit(datagram, &mut send);
                self.emit(datagram, &mut send);
                self.release_held(&mut send);
            }
            Fate::Held => {
                self.release_held(&mut send);
                self.held = Some((index, datagram.to_vec()));
            }
        }
    }

    fn release_held(&mut self, send: &mut impl FnMut(&[u8])) {
        if let Some((index, datagram)) = self.held.take() {
            narrate!(
                self.name,
                "#{index}{} released (after a later one)",
                seq_of(&datagram)
            );
            self.emit(&datagram, send);
        }
    }

    fn emit(&mut self, datagram: &[u8], send: &mut impl FnMut(&[u8])) {
        if self.delay.is_zero() {
            send(datagram);
        } else {
            self.delayed
                .push_back((Instant::now() + self.delay, datagram.to_vec()));
        }
    }

    /// Sends the delayed datagrams whose time has come.
    fn send_due(&mut self, send: &mut impl FnMut(&[u8])) {
        let now = Instant::now();
        while let Some((due, _)) = self.delayed.front() {
            if *due > now {
                break;
            }
            if let Some((_, datagram)) = self.delayed.pop_front() {
                send(&datagram);
            }
        }
    }

    /// How long a receive may block before something is due.
    fn wait(&self) -> Duration {
        match self.delayed.front() {
            Some((due, _)) => due
                .saturating_duration_since(Instant::now())
                .clamp(Duration::from_millis(1), POLL),
            None => POLL,
        }
    }

    /// At the end: everything out, in order, each delayed datagram at its time, unless
    /// `stop` says so (Ctrl-C): then what is still delayed is dropped. Returns how many were.
    fn flush(&mut self, send: &mut impl FnMut(&[u8]), stop: &dyn Fn() -> bool) -> u64 {
        self.release_held(send);
        if !self.delayed.is_empty() && !stop() {
            narrate!(
                self.name,
                "{} delayed datagram(s) still to send, each at its time (Ctrl-C drops them)",
                self.delayed.len()
            );
        }
        while let Some((due, _)) = self.delayed.front() {
            if stop() {
                break;
            }
            // In slices, so that Ctrl-C is seen within POLL even during a long delay.
            match due.checked_duration_since(Instant::now()) {
                Some(wait) if !wait.is_zero() => thread::sleep(wait.min(POLL)),
                _ => {
                    if let Some((_, datagram)) = self.delayed.pop_front() {
                        send(&datagram);
                    }
                }
            }
        }
        let dropped = self.delayed.len() as u64;
        self.delayed.clear();
        dropped
    }
}

/// Client to upstream: the impaired direction. Returns why it stopped and how many
/// datagrams came from clients.
fn relay_requests(
    listener: &UdpSocket,
    upstream_socket: &UdpSocket,
    options: &Options,
    last_client: &Mutex<Option<SocketAddr>>,
    expected: &Mutex<Scoreboard>,
    stop: &dyn Fn() -> bool,
    tally: &Tally,
) -> anyhow::Result<(String, u64)> {
    let upstream = options.upstream;
    let mut direction = Direction::new("relay", Some(options.impairments.clone()));
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
                narrate!("relay", "sending to {upstream} failed: {error}");
            }
        }
    };
    let reason = loop {
        if let Some(reason) = stopping.why(received) {
            break reason;
        }
        direction.send_due(&mut send);
        if direction.held.is_some() && stopping.quiet_for() >= HOLD_FLUSH {
            direction.release_held(&mut send);
        }
        listener
            .set_read_timeout(Some(direction.wait()))
            .context("setting the read timeout")?;
        match listener.recv_from(&mut buffer) {
            Ok((len, from)) => {
                received += 1;
                stopping.arrived();
                if let Ok(mut client) = last_client.lock() {
                    if *client != Some(from) {
                        narrate!("client", "{from} (replies from {upstream} go back there)");
                    }
                    *client = Some(from);
                }
                previous = warn_of_gap(previous, &buffer[..len]);
                direction.handle(&buffer[..len], &mut send);
            }
            // Windows: a reply sent to a client that has gone brings an ICMP "port
            // unreachable" back, reported here; the next client is fine.
            Err(error) if is_timeout(&error) || is_port_unreachable(&error) => {}
            Err(error) => {
                return Err(error).with_context(|| format!("receiving on {}", options.listen));
            }
        }
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
        narrate!(
            "relay",
            "SEQ {} to {} never reached the relay (lost before it: is the sender faster than the relay reads?)",
            previous.seq.saturating_add(1),
            header.seq.saturating_sub(1)
        );
    }
    Some(header)
}

/// When the reply direction ends: `done` once the requests' direction has ended, `stop` on
/// Ctrl-C (which also drops the delayed replies).
struct Ends<'a> {
    done: &'a AtomicBool,
    stop: &'a (dyn Fn() -> bool + Send + Sync),
}

/// Upstream to client: replies go back to the client that sent last.
fn relay_replies(
    upstream_socket: &UdpSocket,
    listener: &UdpSocket,
    upstream: SocketAddr,
    last_client: &Mutex<Option<SocketAddr>>,
    impairments: Option<Impairments>,
    ends: &Ends,
    tally: &Tally,
) {
    let mut direction = Direction::new("reply", impairments);
    let mut buffer = vec![0u8; datagram::RECV_BUFFER];
    let mut send = |datagram: &[u8]| {
        let client = last_client.lock().ok().and_then(|client| *client);
        match client.map(|client| (client, listener.send_to(datagram, client))) {
            Some((client, Err(error))) => narrate!("reply", "sending to {client} failed: {error}"),
            Some((_, Ok(_))) => {}
            None => narrate!("reply", "no client yet: reply dropped"),
        }
    };
    while !ends.done.load(Ordering::SeqCst) {
        direction.send_due(&mut send);
        if upstream_socket
            .set_read_timeout(Some(direction.wait()))
            .is_err()
        {
            break;
        }
        // The socket is connected: the OS delivers only the upstream's datagrams to it.
        match upstream_socket.recv(&mut buffer) {
            Ok(len) => direction.handle(&buffer[..len], &mut send),
            Err(error) if is_timeout(&error) => {}
            // An ICMP "port unreachable" for a forwarded datagram: nobody listens upstream.
            Err(error) if is_port_unreachable(&error) => tally.refused(upstream),
            Err(error) => {
                narrate!("reply", "receiving from {upstream} failed: {error}");
                break;
            }
        }
    }
    let dropped = direction.flush(&mut send, ends.stop);
    tally.dropped.fetch_add(dropped, Ordering::SeqCst);
}

/// ` SEQ n` when the datagram has a course header.
fn seq_of(datagram: &[u8]) -> String {
    match Header::parse(datagram) {
        Some((header, _)) => format!(" SEQ {}", header.seq),
        None => String::new(),
    }
}

/// A relay running on a thread of its own, for tests and exercises. Dropping it stops it.
pub struct Relay {
    local: SocketAddr,
    stop: Arc<AtomicBool>,
    expected: Arc<Mutex<Scoreboard>>,
    thread: Option<JoinHandle<()>>,
}

impl Relay {
    /// Binds `listen` (port 0 ok) and relays to `upstream` on a thread of its own.
    pub fn start(
        listen: SocketAddr,
        upstream: SocketAddr,
        impairments: Impairments,
    ) -> anyhow::Result<Relay> {
        let bound = bind(Options {
            listen,
            upstream,
            impairments,
            count: None,
            idle_timeout: None,
        })?;
        let local = bound.local_addr();
        let expected = Arc::clone(&bound.expected);
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let thread = thread::spawn(move || {
            if let Err(error) = bound.run(move || stopping.load(Ordering::SeqCst)) {
                course::report(&error);
            }
        });
        Ok(Relay {
            local,
            stop,
            expected,
            thread: Some(thread),
        })
    }

    /// The address clients send to.
    pub fn local_addr(&self) -> SocketAddr {
        self.local
    }

    /// The score a receiver behind the relay should report, for what was relayed so far.
    pub fn expected(&self) -> Scoreboard {
        self.expected
            .lock()
            .map(|board| board.clone())
            .unwrap_or_default()
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn impairments(loss: f64, duplicate: f64, reorder: f64, seed: u64) -> Impairments {
        Impairments {
            loss,
            duplicate,
            reorder,
            seed,
            ..Impairments::default()
        }
    }

    fn fates(impairments: &Impairments, n: u64, wanted: Fate) -> Vec<u64> {
        (0..n).filter(|&i| fate(impairments, i) == wanted).collect()
    }

    #[test]
    fn no_impairment_forwards_everything() {
        let none = Impairments::default();
        assert_eq!(fates(&none, 1000, Fate::Forwarded).len(), 1000);
    }

    #[test]
    fn fates_depend_only_on_seed_and_index() {
        let a = impairments(0.3, 0.1, 0.1, 7);
        let first: Vec<Fate> = (0..200).map(|i| fate(&a, i)).collect();
        let again: Vec<Fate> = (0..200).map(|i| fate(&a.clone(), i)).collect();
        assert_eq!(first, again);
        let other: Vec<Fate> = (0..200)
            .map(|i| fate(&impairments(0.3, 0.1, 0.1, 8), i))
            .collect();
        assert_ne!(first, other);
    }

    #[test]
    fn rates_are_close_to_the_probabilities() {
        let a = impairments(0.2, 0.0, 0.0, 1);
        let lost = fates(&a, 10_000, Fate::Lost).len();
        assert!((1800..2200).contains(&lost), "{lost}");
    }

    #[test]
    fn seed_7_loses_the_same_datagrams_everywhere() {
        // The numbers the book quotes: they must never change.
        let a = impairments(0.2, 0.0, 0.0, 7);
        assert_eq!(fates(&a, 20, Fate::Lost), SEED_7_LOST_OF_20);
    }

    /// Datagrams lost out of the first 20 with `--loss 0.2 --seed 7`.
    const SEED_7_LOST_OF_20: &[u64] = &[3, 4, 9, 10];

    #[test]
    fn held_datagram_goes_out_after_the_next_one() {
        let mut direction = Direction::new("test", Some(impairments(0.0, 0.0, 1.0, 1)));
        // Every datagram is held: each is released when the next one is held.
        let mut sent = Vec::new();
        for d in [b"a", b"b", b"c"] {
            direction.handle(d, |out| sent.push(out.to_vec()));
        }
        direction.flush(&mut |out: &[u8]| sent.push(out.to_vec()), &|| false);
        assert_eq!(sent, [b"a".to_vec(), b"b".to_vec(), b"c".to_vec()]);

        let mut direction = Direction::new("test", None);
        direction.held = Some((0, b"held".to_vec()));
        let mut sent = Vec::new();
        direction.handle(b"next", |out| sent.push(out.to_vec()));
        assert_eq!(sent, [b"next".to_vec(), b"held".to_vec()]);
    }
}
