//! UDP measurements: a sender that sends as fast as the kernel takes the datagrams, in one
//! of three ways, to a receiver that counts what arrived; request/response round trips; and
//! the cost of a first exchange.

use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use course::t;
use socket2::SockRef;

/// How long a receiver waits for one more datagram before it decides the sender is done.
const QUIET: Duration = Duration::from_millis(500);

/// Datagrams per `sendmmsg` call. Beyond a few dozen the saving per datagram is already small:
/// what remains is the kernel's work for each datagram.
pub const BATCH: usize = 64;

/// How the lab's sender hands its datagrams to the kernel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    /// `send_to(datagram, address)` on an unconnected socket: what udp-sender does.
    SendTo,
    /// `connect` once, then `send(datagram)`: the kernel looks the route up once.
    Send,
    /// `connect` once, then `sendmmsg` with [`BATCH`] datagrams per system call (Linux).
    Batch,
}

impl Way {
    /// The ways this platform has: `sendmmsg` is Linux only.
    pub fn all() -> Vec<Way> {
        let mut ways = vec![Way::SendTo, Way::Send];
        if cfg!(target_os = "linux") {
            ways.push(Way::Batch);
        }
        ways
    }

    pub fn describe(self) -> String {
        match self {
            Way::SendTo => "send_to, unconnected socket (udp-sender's way)".into(),
            Way::Send => "send, connected socket".into(),
            Way::Batch => format!("sendmmsg, {BATCH} per call, connected socket"),
        }
    }
}

/// What a blast of datagrams did.
pub struct Blast {
    pub sent: u64,
    pub received: u64,
    pub received_bytes: u64,
    pub send_errors: u64,
    pub elapsed: Duration,
    /// SO_RCVBUF as the kernel reports it (Linux reports double what was asked).
    pub recv_buffer: usize,
}

/// Sends `size`-byte datagrams, each starting with its sequence number, as fast as the kernel
/// takes them (`way`), for `duration` or `max_count` datagrams, to a receiver thread that
/// counts them. UDP has no flow control: when the receiver's buffer is full, the kernel drops
/// the datagram and the sender is not told.
/// With `read` false the receiving socket never reads: once its buffer is full, every
/// datagram is dropped on arrival, and the sender goes on at full speed, told nothing.
pub fn blast(
    size: usize,
    way: Way,
    duration: Duration,
    max_count: u64,
    read: bool,
) -> Result<Blast> {
    let receiver = UdpSocket::bind("127.0.0.1:0")
        .with_context(|| t!("socket-lab.binding", address = "127.0.0.1:0"))?;
    let addr = receiver.local_addr()?;
    let recv_buffer = SockRef::from(&receiver).recv_buffer_size()?;
    let mut silent = None;
    let counting = if read {
        Some(spawn_counter(receiver)?)
    } else {
        silent = Some(receiver);
        None
    };

    let mut sender = Sender::new(addr, way, size)?;
    let (mut sent, mut send_errors) = (0u64, 0u64);
    // ANCHOR: blast
    let started = Instant::now();
    let mut next_look = 0;
    while sent + send_errors < max_count {
        // Look at the clock every 256 datagrams: a clock read costs as much as a small send.
        if sent + send_errors >= next_look {
            if started.elapsed() >= duration {
                break;
            }
            next_look = sent + send_errors + 256;
        }
        match sender.send(sent) {
            Ok(taken) => sent += taken,
            // ENOBUFS and friends: the sender's own queue was full. Count it and go on.
            Err(_) => send_errors += 1,
        }
    }
    let elapsed = started.elapsed();
    // ANCHOR_END: blast
    let (received, received_bytes) = match (counting, silent) {
        (Some(counting), _) => counting
            .join()
            .map_err(|_| anyhow::anyhow!(t!("socket-lab.thread-panicked", thread = "receiver")))?,
        // What sits in the buffer of the socket that never read is all that arrived.
        (None, Some(silent)) => drain(&silent)?,
        (None, None) => (0, 0),
    };
    Ok(Blast {
        sent,
        received,
        received_bytes,
        send_errors,
        elapsed,
        recv_buffer,
    })
}

/// The sending side of a blast: its socket, and the datagrams of one call.
struct Sender {
    socket: UdpSocket,
    to: SocketAddr,
    way: Way,
    /// One datagram, or [`BATCH`] of them for `sendmmsg`.
    datagrams: Vec<Vec<u8>>,
    batch: crate::batch::Batch,
}

impl Sender {
    fn new(to: SocketAddr, way: Way, size: usize) -> Result<Sender> {
        let socket = UdpSocket::bind("127.0.0.1:0")
            .with_context(|| t!("socket-lab.binding", address = "127.0.0.1:0"))?;
        if way != Way::SendTo {
            // No packet: the kernel records the peer and looks up the route, once.
            socket
                .connect(to)
                .with_context(|| t!("socket-lab.connecting", address = to))?;
        }
        let count = if way == Way::Batch { BATCH } else { 1 };
        Ok(Sender {
            socket,
            to,
            way,
            datagrams: vec![vec![b'x'; size]; count],
            batch: crate::batch::Batch::new(count),
        })
    }

    /// One system call: the datagrams numbered from `seq`. Returns how many the kernel took.
    fn send(&mut self, seq: u64) -> io::Result<u64> {
        for (i, datagram) in (0u64..).zip(&mut self.datagrams) {
            let number = (seq + i).to_be_bytes();
            let n = number.len().min(datagram.len());
            datagram[..n].copy_from_slice(&number[..n]);
        }
        // ANCHOR: ways
        match self.way {
            Way::SendTo => self.socket.send_to(&self.datagrams[0], self.to).map(|_| 1),
            Way::Send => self.socket.send(&self.datagrams[0]).map(|_| 1),
            Way::Batch => self.batch.send(&self.socket, &self.datagrams),
        }
        // ANCHOR_END: ways
    }
}

/// A receiver thread that counts datagrams and bytes until it has heard nothing for [`QUIET`]
/// after the first datagram (or for 5 s before any).
fn spawn_counter(receiver: UdpSocket) -> Result<thread::JoinHandle<(u64, u64)>> {
    receiver.set_read_timeout(Some(QUIET))?;
    Ok(thread::spawn(move || {
        let mut buffer = vec![0u8; 65536];
        let (mut count, mut bytes) = (0u64, 0u64);
        let started = Instant::now();
        loop {
            match receiver.recv(&mut buffer) {
                Ok(n) => {
                    count += 1;
                    bytes += n as u64;
                }
                Err(error) if course::trouble::timed_out(&error) => {
                    if count > 0 || started.elapsed() > Duration::from_secs(5) {
                        break;
                    }
                }
                Err(_) => break,
            }
        }
        (count, bytes)
    }))
}

/// Reads what waits in `socket`'s buffer, without waiting for more: (datagrams, bytes).
pub fn drain(socket: &UdpSocket) -> Result<(u64, u64)> {
    socket.set_nonblocking(true)?;
    let mut buffer = vec![0u8; 65536];
    let (mut count, mut bytes) = (0u64, 0u64);
    while let Ok(n) = socket.recv(&mut buffer) {
        count += 1;
        bytes += n as u64;
    }
    Ok((count, bytes))
}

/// A UDP echo in a thread of the lab: every datagram goes back to where it came from, until
/// `stop` is set.
pub fn spawn_echo(stop: Arc<AtomicBool>) -> Result<SocketAddr> {
    let socket = UdpSocket::bind("127.0.0.1:0")
        .with_context(|| t!("socket-lab.binding", address = "127.0.0.1:0"))?;
    let addr = socket.local_addr()?;
    socket.set_read_timeout(Some(Duration::from_millis(100)))?;
    thread::spawn(move || {
        let mut buffer = vec![0u8; 65536];
        while !stop.load(Ordering::Relaxed) {
            if let Ok((n, peer)) = socket.recv_from(&mut buffer) {
                let _ = socket.send_to(&buffer[..n], peer);
            }
        }
    });
    Ok(addr)
}

/// The UDP counterpart of a TCP connection setup: a new socket, one request, one reply,
/// `count` times. No handshake: the first datagram already carries the request.
pub fn first_exchanges(
    echo: SocketAddr,
    size: usize,
    count: usize,
    budget: Duration,
) -> Result<Vec<Duration>> {
    let message = vec![b'x'; size];
    let mut reply = vec![0u8; 65536];
    let mut samples = Vec::with_capacity(count);
    let started = Instant::now();
    while samples.len() < count && started.elapsed() < budget {
        let begin = Instant::now();
        let socket = UdpSocket::bind("127.0.0.1:0")
            .with_context(|| t!("socket-lab.binding", address = "127.0.0.1:0"))?;
        socket.set_read_timeout(Some(Duration::from_secs(1)))?;
        socket
            .send_to(&message, echo)
            .with_context(|| t!("socket-lab.sending-request"))?;
        if socket.recv(&mut reply).is_ok() {
            samples.push(begin.elapsed());
        }
    }
    Ok(samples)
}
