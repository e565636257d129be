//! TCP measurements: round trips (with and without Nagle's algorithm), bulk echo, one-way
//! bulk, connection setup, and many concurrent clients. Plus the small servers the lab runs
//! in its own threads when it needs a partner that behaves in one exact way.

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use course::t;

/// How long any single socket call of the lab may block before it counts as a failure.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(10);

/// Connects to `addr` with Nagle's algorithm on or off, and a read timeout.
pub fn connect(addr: SocketAddr, nodelay: bool) -> Result<TcpStream> {
    connect_within(addr, nodelay, CALL_TIMEOUT)
}

/// [`connect`], with `timeout` for the connect and for every later read and write.
fn connect_within(addr: SocketAddr, nodelay: bool, timeout: Duration) -> Result<TcpStream> {
    let stream = TcpStream::connect_timeout(&addr, timeout)
        .with_context(|| t!("socket-lab.connecting", address = addr))?;
    // TCP_NODELAY: send each write at once instead of holding small writes back while an
    // earlier segment is still unacknowledged (Nagle's algorithm, on by default).
    stream.set_nodelay(nodelay)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    Ok(stream)
}

/// Round trips of `size` bytes on `stream`: write the message (in two halves when `split`),
/// then read the whole echo. Stops after `count` round trips or when `budget` is spent.
pub fn round_trips(
    stream: &mut TcpStream,
    size: usize,
    split: bool,
    count: usize,
    budget: Duration,
) -> Result<Vec<Duration>> {
    let message = vec![b'x'; size];
    let mut echo = vec![0u8; size];
    let mut samples = Vec::with_capacity(count);
    let started = Instant::now();
    let peer = stream.peer_addr()?;
    while samples.len() < count && started.elapsed() < budget {
        // ANCHOR: round_trip
        let sent = Instant::now();
        if split {
            // Write-write-read: the pattern that meets the delayed ACK (see latency.rs).
            let (first, second) = message.split_at(size / 2);
            stream.write_all(first)?;
            stream.write_all(second)?;
        } else {
            stream.write_all(&message)?;
        }
        stream
            .read_exact(&mut echo)
            .with_context(|| t!("socket-lab.reading-echo", address = peer))?;
        samples.push(sent.elapsed());
        // ANCHOR_END: round_trip
    }
    Ok(samples)
}

/// Bulk echo: one thread writes as fast as the connection takes it while this one reads the
/// echo back, for `duration`. Returns the bytes that came back and the time they took.
pub fn bulk_echo(addr: SocketAddr, duration: Duration) -> Result<(u64, Duration)> {
    let mut reader = connect(addr, true)?;
    let mut writer = reader.try_clone()?;
    let stop = Arc::new(AtomicBool::new(false));
    let writing = {
        let stop = Arc::clone(&stop);
        thread::spawn(move || -> io::Result<()> {
            let chunk = vec![b'x'; 128 * 1024];
            while !stop.load(Ordering::Relaxed) {
                writer.write_all(&chunk)?;
            }
            // Half-close: the server reads end of file, echoes what is left, and closes.
            writer.shutdown(Shutdown::Write)
        })
    };
    let mut buffer = vec![0u8; 256 * 1024];
    let started = Instant::now();
    let mut received = 0u64;
    while started.elapsed() < duration {
        let n = reader
            .read(&mut buffer)
            .with_context(|| t!("socket-lab.reading-bulk-echo"))?;
        if n == 0 {
            anyhow::bail!(t!("socket-lab.bulk-echo-closed"));
        }
        received += n as u64;
    }
    let elapsed = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    // Drain the rest of the echo so that both sides close cleanly (no reset).
    while reader.read(&mut buffer).unwrap_or(0) > 0 {}
    writing
        .join()
        .map_err(|_| anyhow::anyhow!(t!("socket-lab.thread-panicked", thread = "writer")))?
        .with_context(|| t!("socket-lab.writing-bulk"))?;
    Ok((received, elapsed))
}

/// One-way bulk: write for `duration` to a sink in a thread of the lab that reads and
/// discards. Returns the bytes the sink read and the time from the first to the last.
pub fn bulk_one_way(duration: Duration) -> Result<(u64, Duration)> {
    let listener = TcpListener::bind("127.0.0.1:0")
        .with_context(|| t!("socket-lab.binding", address = "127.0.0.1:0"))?;
    let addr = listener.local_addr()?;
    let sink = thread::spawn(move || -> io::Result<(u64, Duration)> {
        let (mut stream, _) = listener.accept()?;
        stream.set_read_timeout(Some(CALL_TIMEOUT))?;
        let mut buffer = vec![0u8; 256 * 1024];
        let mut total = 0u64;
        let mut first = None;
        loop {
            let n = stream.read(&mut buffer)?;
            if n == 0 {
                break;
            }
            first.get_or_insert_with(Instant::now);
            total += n as u64;
        }
        Ok((total, first.map_or(Duration::ZERO, |t| t.elapsed())))
    });
    let mut stream = connect(addr, true)?;
    let chunk = vec![b'x'; 128 * 1024];
    let started = Instant::now();
    while started.elapsed() < duration {
        stream
            .write_all(&chunk)
            .with_context(|| t!("socket-lab.writing-sink"))?;
    }
    stream.shutdown(Shutdown::Write)?;
    sink.join()
        .map_err(|_| anyhow::anyhow!(t!("socket-lab.thread-panicked", thread = "sink")))?
        .with_context(|| t!("socket-lab.reading-sink"))
}

/// Connection setup, `count` times: connect (the three-way handshake), one round trip of
/// `size` bytes, close. Returns the connect times and the connect+round-trip times.
pub fn setup(
    addr: SocketAddr,
    size: usize,
    count: usize,
    budget: Duration,
) -> Result<(Vec<Duration>, Vec<Duration>)> {
    let message = vec![b'x'; size];
    let mut echo = vec![0u8; size];
    let mut connects = Vec::with_capacity(count);
    let mut totals = Vec::with_capacity(count);
    let started = Instant::now();
    while totals.len() < count && started.elapsed() < budget {
        let begin = Instant::now();
        let mut stream = TcpStream::connect_timeout(&addr, CALL_TIMEOUT)
            .with_context(|| t!("socket-lab.connecting", address = addr))?;
        connects.push(begin.elapsed());
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(CALL_TIMEOUT))?;
        stream.write_all(&message)?;
        stream
            .read_exact(&mut echo)
            .with_context(|| t!("socket-lab.reading-first-echo"))?;
        totals.push(begin.elapsed());
    }
    Ok((connects, totals))
}

/// An echo server in a thread of the lab: one thread per connection, echoing bytes as they
/// come. `whole_messages` makes it answer only once it holds a whole `size`-byte message, as a
/// request/response server does (that is what meets the delayed ACK).
pub fn spawn_echo(whole_messages: Option<usize>) -> Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0")
        .with_context(|| t!("socket-lab.binding", address = "127.0.0.1:0"))?;
    let addr = listener.local_addr()?;
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            thread::spawn(move || serve(stream, whole_messages));
        }
    });
    Ok(addr)
}

fn serve(mut stream: TcpStream, whole_messages: Option<usize>) -> io::Result<()> {
    let mut buffer = vec![0u8; whole_messages.unwrap_or(256 * 1024)];
    loop {
        match whole_messages {
            Some(_) => match stream.read_exact(&mut buffer) {
                Ok(()) => stream.write_all(&buffer)?,
                Err(_) => return Ok(()),
            },
            None => {
                let n = stream.read(&mut buffer)?;
                if n == 0 {
                    return Ok(());
                }
                stream.write_all(&buffer[..n])?;
            }
        }
    }
}

/// What happened when many clients used a server at once.
pub struct Crowd {
    pub connected: u64,
    pub round_trips: u64,
    pub errors: u64,
    pub first_error: Option<String>,
    pub elapsed: Duration,
}

/// `clients` threads (small stacks) connect to `addr`; once all are connected, each does
/// `round_trips` round trips of 32 bytes; each keeps its connection open until every client is
/// done, so all `clients` connections are open at the same time. Bounded by `budget`: clients
/// still running then count as errors.
pub fn crowd(
    addr: SocketAddr,
    clients: usize,
    round_trips: usize,
    budget: Duration,
    progress: impl FnMut(u64, u64),
) -> Crowd {
    let started = Instant::now();
    let shared = Arc::new(Shared {
        addr,
        round_trips,
        budget,
        deadline: started + budget,
        state: CrowdState::default(),
        connected: Gate::new(clients),
        finished: Gate::new(clients),
    });
    for client in 0..clients {
        // At most 256 connects in flight: beyond the server's listen backlog the kernel drops
        // the SYN and the client retries only after 1 s, then 3 s, 7 s... (exponential).
        shared
            .connected
            .wait_at_least(client.saturating_sub(256), shared.deadline);
        if let Err(error) = spawn_client(Arc::clone(&shared)) {
            shared.state.fail(t!("socket-lab.spawning-client", error));
            shared.connected.arrive();
            shared.finished.arrive();
        }
    }
    watch(&shared, progress);
    let elapsed = started.elapsed();
    let state = &shared.state;
    let missing = clients.saturating_sub(shared.finished.arrived()) as u64;
    if missing > 0 {
        state.errors.fetch_add(missing, Ordering::Relaxed);
        let budget = format!("{budget:?}");
        state.fail(t!("socket-lab.still-running", missing, budget));
    }
    let first_error = state.first_error.lock().unwrap().clone();
    Crowd {
        connected: state.connected.load(Ordering::Relaxed),
        round_trips: state.round_trips.load(Ordering::Relaxed),
        errors: state.errors.load(Ordering::Relaxed),
        first_error,
        elapsed,
    }
}

/// What the clients of a crowd share.
struct Shared {
    addr: SocketAddr,
    round_trips: usize,
    budget: Duration,
    deadline: Instant,
    state: CrowdState,
    connected: Gate,
    finished: Gate,
}

/// One client of the crowd, in a thread of its own.
fn spawn_client(shared: Arc<Shared>) -> io::Result<()> {
    // ANCHOR: crowd_client
    thread::Builder::new()
        // A client needs little stack: 64 KiB keeps 10,000 threads cheap.
        .stack_size(64 * 1024)
        .spawn(move || {
            let Shared {
                state,
                connected,
                finished,
                deadline,
                budget,
                ..
            } = &*shared;
            // With thousands of threads taking turns on two cores, a round trip may wait
            // seconds for its turn: slow is not an error, only the budget is.
            let stream = connect_within(shared.addr, true, *budget);
            if stream.is_ok() {
                state.connected.fetch_add(1, Ordering::Relaxed);
            }
            connected.arrive();
            // Start talking when everyone is in: the connect phase and the round trips
            // do not compete for the two cores.
            let all_in = connected.wait_until(*deadline);
            let result = stream.and_then(|mut stream| {
                anyhow::ensure!(all_in, t!("socket-lab.not-all-connected"));
                let wanted = shared.round_trips;
                let done = self::round_trips(&mut stream, 32, false, wanted, *budget)?;
                state
                    .round_trips
                    .fetch_add(done.len() as u64, Ordering::Relaxed);
                anyhow::ensure!(done.len() == wanted, t!("socket-lab.ran-out-of-time"));
                Ok(stream)
            });
            if let Err(error) = &result {
                state.fail(format!("{error:#}"));
            }
            finished.arrive();
            // Hold the connection open until every client is done.
            finished.wait_until(*deadline);
            drop(result);
        })?;
    // ANCHOR_END: crowd_client
    Ok(())
}

/// Waits for every client to finish (or the deadline), reporting progress four times a second.
fn watch(shared: &Shared, mut progress: impl FnMut(u64, u64)) {
    let mut shown = Instant::now();
    let next = || (Instant::now() + Duration::from_millis(250)).min(shared.deadline);
    while !shared.finished.wait_until(next()) {
        if Instant::now() >= shared.deadline {
            break;
        }
        if shown.elapsed() >= Duration::from_millis(250) {
            progress(
                shared.state.connected.load(Ordering::Relaxed),
                shared.state.round_trips.load(Ordering::Relaxed),
            );
            shown = Instant::now();
        }
    }
}

#[derive(Default)]
struct CrowdState {
    connected: AtomicU64,
    round_trips: AtomicU64,
    errors: AtomicU64,
    first_error: Mutex<Option<String>>,
}

impl CrowdState {
    fn fail(&self, error: String) {
        self.errors.fetch_add(1, Ordering::Relaxed);
        self.first_error.lock().unwrap().get_or_insert(error);
    }
}

/// A countdown that threads wait on with a deadline (std's `Barrier` has no timeout, and a
/// lab that can hang is worse than one that reports a failure).
struct Gate {
    expected: usize,
    arrived: Mutex<usize>,
    changed: Condvar,
}

impl Gate {
    fn new(expected: usize) -> Gate {
        Gate {
            expected,
            arrived: Mutex::new(0),
            changed: Condvar::new(),
        }
    }

    fn arrive(&self) {
        *self.arrived.lock().unwrap() += 1;
        self.changed.notify_all();
    }

    fn arrived(&self) -> usize {
        *self.arrived.lock().unwrap()
    }

    /// Whether everyone arrived before `deadline`.
    fn wait_until(&self, deadline: Instant) -> bool {
        self.wait_at_least(self.expected, deadline)
    }

    /// Whether `count` arrived before `deadline`.
    fn wait_at_least(&self, count: usize, deadline: Instant) -> bool {
        let mut arrived = self.arrived.lock().unwrap();
        while *arrived < count {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            arrived = self.changed.wait_timeout(arrived, left).unwrap().0;
        }
        true
    }
}

/// TCP and UDP side by side, against the very same echo thread: it answers one TCP round trip,
/// then one UDP round trip, in turn. Both protocols then meet the same scheduling (which core
/// the thread is on, whether it must be woken up), and only the protocol differs.
/// One new thread per call; returns the TCP and the UDP round-trip times.
pub fn side_by_side(
    size: usize,
    count: usize,
    budget: Duration,
) -> Result<(Vec<Duration>, Vec<Duration>)> {
    let listener = TcpListener::bind("127.0.0.1:0")
        .with_context(|| t!("socket-lab.binding", address = "127.0.0.1:0"))?;
    let udp_echo = std::net::UdpSocket::bind("127.0.0.1:0")
        .with_context(|| t!("socket-lab.binding", address = "127.0.0.1:0"))?;
    let (tcp_addr, udp_addr) = (listener.local_addr()?, udp_echo.local_addr()?);
    let serving = thread::spawn(move || -> io::Result<()> {
        let (mut stream, _) = listener.accept()?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(CALL_TIMEOUT))?;
        udp_echo.set_read_timeout(Some(CALL_TIMEOUT))?;
        let mut buffer = vec![0u8; size.max(1)];
        let mut datagram = vec![0u8; 65536];
        loop {
            if stream.read_exact(&mut buffer[..size]).is_err() {
                return Ok(()); // the client closed: done
            }
            stream.write_all(&buffer[..size])?;
            let (n, peer) = udp_echo.recv_from(&mut datagram)?;
            udp_echo.send_to(&datagram[..n], peer)?;
        }
    });
    let mut stream = connect(tcp_addr, true)?;
    let udp = std::net::UdpSocket::bind("127.0.0.1:0")
        .with_context(|| t!("socket-lab.binding", address = "127.0.0.1:0"))?;
    udp.connect(udp_addr)
        .with_context(|| t!("socket-lab.connecting", address = udp_addr))?;
    udp.set_read_timeout(Some(CALL_TIMEOUT))?;
    let message = vec![b'x'; size];
    let mut echo = vec![0u8; 65536];
    let (mut tcp_times, mut udp_times) = (Vec::new(), Vec::new());
    let started = Instant::now();
    // Three warm-up pairs, then the measured ones.
    for i in 0..count + 3 {
        if started.elapsed() >= budget {
            break;
        }
        let sent = Instant::now();
        stream.write_all(&message)?;
        stream.read_exact(&mut echo[..size])?;
        let tcp_time = sent.elapsed();
        let sent = Instant::now();
        udp.send(&message)
            .with_context(|| t!("socket-lab.sending-request"))?;
        udp.recv(&mut echo)
            .with_context(|| t!("socket-lab.receiving-reply"))?;
        if i >= 3 {
            tcp_times.push(tcp_time);
            udp_times.push(sent.elapsed());
        }
    }
    drop(stream);
    let _ = serving.join();
    Ok((tcp_times, udp_times))
}
