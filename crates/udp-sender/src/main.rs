//! # udp-sender: datagrams with no connection
//!
//! What it teaches: a UDP socket sends datagrams (datagramas) to an address with `send_to`,
//! with no connection and no handshake. `send_to` returning `Ok` only means the kernel took
//! the datagram: UDP cannot tell whether anything arrived. A datagram has a maximum size
//! (65,507 bytes of payload over IPv4), and each one arrives whole or not at all.
//!
//! Run it next to its partner, in two terminals:
//!
//! ```text
//! cargo run -p udp-receiver
//! cargo run -p udp-sender                          # 10 numbered datagrams, 2 per second
//! cargo run -p udp-sender -- --message "olá"       # one datagram
//! cargo run -p udp-sender -- --lines               # each line you type is one datagram
//! cargo run -p udp-sender -- --count 1000 --size 64 --rate 0   # as fast as possible
//! ```
//!
//! At full speed (`--rate 0`) the socket is connected first, as iperf3 does: the kernel then
//! resolves the route once instead of on every `send_to`. A connected socket hears ICMP
//! "port unreachable"; that run counts such refusals and goes on (`--connect` stops at them).
//! On Linux a full-speed run also hands the kernel 64 datagrams per system call (`sendmmsg`);
//! `--batch 1` sends them one `send` at a time, to compare.
//!
//! Book chapter: "UDP: datagrams" (`docs/src/udp.md`).

use std::cell::Cell;
use std::io::{self, BufRead, IoSlice, IsTerminal, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, UdpSocket};
use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Parser;
use course::{HintExt, narrate};
use datagram::Header;

/// Sends UDP datagrams to udp-receiver: numbered ones, one message, or the lines of stdin.
#[derive(Parser, Debug)]
#[command(
    version,
    about,
    after_help = "With no mode, it sends 10 numbered datagrams at 2 per second \
                  (or, when stdin is a pipe, one datagram per line of stdin).\n\n\
                  Example, in two terminals:\n  \
                  cargo run -p udp-receiver\n  \
                  cargo run -p udp-sender -- --count 10 --rate 5"
)]
struct Args {
    /// The receiver's host name or IP address (IPv4 as four numbers, such as 127.0.0.1).
    #[arg(long, value_name = "HOST", default_value = "127.0.0.1",
          value_parser = course::address::host)]
    host: course::address::Host,
    /// The receiver's UDP port.
    #[arg(long, value_name = "N", default_value_t = course::UDP_PORT,
          value_parser = course::address::port)]
    port: u16,
    /// Send this text as one datagram (no header), then stop.
    #[arg(long, value_name = "TEXT", conflicts_with_all = ["count", "lines"])]
    message: Option<String>,
    /// Send each line typed on stdin as one datagram (no header), until end of input.
    #[arg(long, visible_alias = "stdin", conflicts_with = "count")]
    lines: bool,
    /// Send this many numbered datagrams (each starts with a `SEQ n OF count` header line).
    #[arg(long, value_name = "N")]
    count: Option<u64>,
    /// Size of each numbered datagram in bytes, header included (default: header + a short
    /// text). Below the header's length (about 50 bytes) a datagram is the header alone.
    #[arg(long, value_name = "BYTES", conflicts_with_all = ["message", "lines"])]
    size: Option<usize>,
    /// Numbered datagrams per second; 0 sends as fast as possible.
    #[arg(long, value_name = "PER_SEC", default_value_t = 2.0, value_parser = course::rate)]
    rate: f64,
    /// At full speed (`--rate 0`), hand the kernel this many datagrams per system call
    /// (`sendmmsg`, Linux only; default 64); 1 sends each datagram with its own `send`, as
    /// iperf3 does.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    batch: Option<u16>,
    /// Use a connected UDP socket (`connect`, then `send`): the kernel then reports an ICMP
    /// "port unreachable" as ConnectionRefused, instead of staying silent.
    #[arg(long)]
    connect: bool,
}

/// Datagrams per `sendmmsg` at full speed. Beyond a few dozen the saving per datagram is
/// already small: what remains is the kernel's work for each datagram.
const DEFAULT_BATCH: u16 = 64;

/// Above this rate, sends are not narrated one by one: the narration would be the bottleneck.
const NARRATED_RATE: f64 = 100.0;

fn main() -> ExitCode {
    course::main(run)
}

fn run() -> anyhow::Result<()> {
    let args: Args = course::parse_args();
    let to = resolve(&args.host, args.port)?;

    // What to send, decided before any socket exists, so that an oversized payload is refused
    // before anything leaves this machine.
    let mode = choose_mode(&args);
    if let Mode::Numbered {
        size: Some(size), ..
    } = mode
    {
        check_size(size, &to)?;
    }
    if let Mode::Message(text) = &mode {
        check_size(text.len(), &to)?;
    }
    // At full speed the socket is connected even without --connect (see below), and the
    // datagrams go in batches.
    let full_speed = matches!(mode, Mode::Numbered { .. }) && args.rate == 0.0;
    let batch = batch_size(args.batch, full_speed)?;

    // ANCHOR: bind
    // Port 0: the OS picks a free ephemeral port, which the receiver sees as our source port.
    // (Without this bind, the first send_to would bind the socket the same way, implicitly.)
    let local = SocketAddr::new(unspecified(&to), 0);
    let socket = UdpSocket::bind(local)
        .with_context(|| format!("binding {local}"))
        .hint("no free local port? close other programs and try again")?;
    let bound = socket.local_addr().context("reading the local address")?;
    narrate!(
        "bind",
        "{bound} (port 0 asked: the OS chose the ephemeral port {})",
        bound.port()
    );
    // ANCHOR_END: bind

    // ANCHOR: connect
    if args.connect {
        // No packet is sent: connect only records the default peer, and from now on the kernel
        // keeps only datagrams from that peer and reports ICMP errors about it to us.
        socket
            .connect(to)
            .with_context(|| format!("connecting the UDP socket to {to}"))?;
        // The kernel has now chosen the local address too: the one that routes to the peer.
        let local = socket.local_addr().context("reading the local address")?;
        narrate!(
            "connect",
            "{local} -> {to} (UDP: no handshake, nothing sent yet)"
        );
    }
    // ANCHOR_END: connect
    // ANCHOR: connect_for_speed
    if full_speed && !args.connect {
        // send_to looks up the route to `to` for every datagram; after connect the kernel has
        // looked it up once and `send` reuses it (iperf3 sends the same way).
        socket
            .connect(to)
            .with_context(|| format!("connecting the UDP socket to {to}"))?;
        let local = socket.local_addr().context("reading the local address")?;
        narrate!(
            "connect",
            "{local} -> {to} (full speed: the kernel resolves the route once here instead of on every send_to, like iperf3; nothing sent yet)"
        );
        narrate!(
            "note",
            "a connected socket hears ICMP \"port unreachable\": if nothing listens on {to}, a send fails with ConnectionRefused; here such sends are counted and retried, not fatal (with --connect they are)"
        );
    }
    // ANCHOR_END: connect_for_speed
    narrate!(
        "note",
        "UDP cannot tell whether anything arrived: a send returns Ok when the kernel has taken the datagram, not when anyone received it"
    );

    let sender = Sender {
        socket: &socket,
        to,
        connected: args.connect || full_speed,
        retry_refused: full_speed && !args.connect,
        refused: Cell::new(0),
    };
    match mode {
        Mode::Message(text) => {
            sender.send(text.as_bytes())?;
            narrate!(
                sender.call(),
                "{} bytes to {to}: {}",
                text.len(),
                datagram::show_payload(text.as_bytes(), 64)
            );
        }
        Mode::Lines => send_lines(&sender)?,
        Mode::Numbered { count, size } => send_numbered(&sender, count, size, args.rate, batch)?,
    }
    if args.connect {
        check_for_refusal(&socket, to)?;
    } else if sender.retry_refused {
        report_refusals(&sender)?;
    }
    Ok(())
}

enum Mode {
    Message(String),
    Lines,
    Numbered { count: u64, size: Option<usize> },
}

/// `--message`, `--lines` and `--count` choose for themselves; with none of them, a pipe on
/// stdin means lines, and a terminal means a short, visible run of numbered datagrams.
fn choose_mode(args: &Args) -> Mode {
    if let Some(text) = &args.message {
        return Mode::Message(text.clone());
    }
    if args.lines {
        return Mode::Lines;
    }
    if args.count.is_none() && args.size.is_none() && !io::stdin().is_terminal() {
        return Mode::Lines;
    }
    Mode::Numbered {
        count: args.count.unwrap_or(10),
        size: args.size,
    }
}

/// Datagrams per send: a batch only at full speed, where the socket is connected and nobody
/// reads the narration of each send. Elsewhere `--batch` is refused rather than ignored.
fn batch_size(asked: Option<u16>, full_speed: bool) -> anyhow::Result<usize> {
    match asked {
        Some(batch) if !full_speed => Err(anyhow::anyhow!(
            "--batch {batch} only applies at full speed: paced datagrams, a message and lines go one send at a time"
        ))
        .hint("add --rate 0 (numbered datagrams as fast as possible), or leave --batch out"),
        Some(batch) => Ok(batch.into()),
        None if full_speed => Ok(DEFAULT_BATCH.into()),
        None => Ok(1),
    }
}

/// Refuses a payload that no UDP datagram can carry, before trying.
// ANCHOR: max_size
fn check_size(size: usize, to: &SocketAddr) -> anyhow::Result<()> {
    let max = datagram::max_payload(to);
    if size > max {
        let family = if to.is_ipv4() { "IPv4" } else { "IPv6" };
        return Err(anyhow::anyhow!(
            "a payload of {size} bytes does not fit in one UDP datagram: the maximum over {family} is {max} bytes"
        ))
        .hint(format!(
            "use --size {max} or less; larger data must be split into several datagrams (or sent over TCP, which is a byte stream)"
        ));
    }
    Ok(())
}
// ANCHOR_END: max_size

struct Sender<'a> {
    socket: &'a UdpSocket,
    to: SocketAddr,
    connected: bool,
    /// Connected only for speed (not --connect): a ConnectionRefused is counted, not fatal.
    retry_refused: bool,
    /// How many sends failed with ConnectionRefused (and were sent again).
    refused: Cell<u64>,
}

impl Sender<'_> {
    /// The name of the call, for the narration.
    fn call(&self) -> &'static str {
        if self.connected { "send" } else { "send_to" }
    }

    /// One datagram out. On a connected socket `send` uses the peer given to `connect`.
    // ANCHOR: send_to
    fn send(&self, datagram: &[u8]) -> anyhow::Result<usize> {
        self.retrying(|| self.send_once(datagram))
            .with_context(|| format!("sending {} bytes to {}", datagram.len(), self.to))
            .hint_with(|error| send_hint(error, self.to))
    }
    // ANCHOR_END: send_to

    /// Calls `send` once, or again after a refusal when the run counts refusals.
    fn retrying(&self, mut send: impl FnMut() -> io::Result<usize>) -> io::Result<usize> {
        let mut sent = send();
        // ANCHOR: retry_refused
        // ConnectionRefused reports an ICMP "port unreachable" for an EARLIER datagram; the
        // kernel then clears it and did not send this one. Count it and send this one again.
        let mut retries = 0;
        while self.retry_refused && retries < 3 && sent.as_ref().is_err_and(is_refusal) {
            self.refused.set(self.refused.get() + 1);
            retries += 1;
            sent = send();
        }
        // ANCHOR_END: retry_refused
        sent
    }

    /// Several datagrams out on the connected socket, in as few system calls as the kernel
    /// allows: it may take only the first few of a batch, and the rest go in the next call.
    // ANCHOR: send_batch
    fn send_batch(
        &self,
        batch: &mut mmsg::Batch,
        datagrams: &[[IoSlice; 1]],
    ) -> anyhow::Result<()> {
        let mut done = 0;
        while done < datagrams.len() {
            let rest = &datagrams[done..];
            done += self
                .retrying(|| batch.send(self.socket, rest))
                .with_context(|| format!("sending {} datagrams to {}", rest.len(), self.to))
                .hint_with(|error| send_hint(error, self.to))?;
        }
        Ok(())
    }
    // ANCHOR_END: send_batch

    fn send_once(&self, datagram: &[u8]) -> io::Result<usize> {
        if self.connected {
            self.socket.send(datagram)
        } else {
            self.socket.send_to(datagram, self.to)
        }
    }
}

/// Linux and macOS report an ICMP "port unreachable" as ConnectionRefused; Windows as
/// ConnectionReset.
fn is_refusal(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused | io::ErrorKind::ConnectionReset
    )
}

/// After a full-speed run on a socket connected only for speed: what the kernel said about
/// the peer. SO_ERROR (`take_error`) holds the ICMP for the last datagrams, if any came.
fn report_refusals(sender: &Sender) -> anyhow::Result<()> {
    if let Some(error) = sender.socket.take_error().context("reading SO_ERROR")? {
        if is_refusal(&error) {
            sender.refused.set(sender.refused.get() + 1);
        }
    }
    let refused = sender.refused.get();
    if refused > 0 {
        narrate!(
            "refused",
            "the kernel reported {refused} ICMP \"port unreachable\" from {to} (ConnectionRefused; each refused send was sent again): nothing listens there, nobody received these datagrams (start the receiver first: cargo run -p udp-receiver)",
            to = sender.to
        );
    } else {
        narrate!(
            "refused",
            "none: no ICMP \"port unreachable\" came back from {} during the run",
            sender.to
        );
    }
    Ok(())
}

fn send_hint(error: &anyhow::Error, to: SocketAddr) -> String {
    match course::io_kind(error) {
        // Linux and macOS: an ICMP "port unreachable" came back for an earlier datagram of this
        // connected socket. Windows reports the same as ConnectionReset.
        Some(io::ErrorKind::ConnectionRefused | io::ErrorKind::ConnectionReset) => format!(
            "nothing listens on {to}: start the receiver first (cargo run -p udp-receiver), or drop --connect to send blindly"
        ),
        // EMSGSIZE: Linux 90, macOS 40; Windows WSAEMSGSIZE 10040.
        _ if matches!(course::os_code(error), Some(90 | 40 | 10040)) => {
            "the OS refused a datagram this large: use a smaller --size (macOS limits outgoing datagrams to 9,216 bytes unless you raise sysctl net.inet.udp.maxdgram)".to_string()
        }
        _ => "check the address and port (--host, --port)".to_string(),
    }
}

fn send_lines(sender: &Sender) -> anyhow::Result<()> {
    if io::stdin().is_terminal() {
        narrate!(
            "stdin",
            "type lines: each one is one datagram; end with Ctrl-D (Ctrl-Z then Enter on Windows)"
        );
    } else {
        narrate!(
            "stdin",
            "not a terminal: each line read from it is one datagram (--count sends numbered ones instead)"
        );
    }
    let stdin = io::stdin();
    let mut sent = 0u64;
    for line in stdin.lock().lines() {
        let line = line.context("reading stdin")?;
        check_size(line.len(), &sender.to)?;
        sender.send(line.as_bytes())?;
        sent += 1;
        narrate!(
            sender.call(),
            "{} bytes to {}: {}",
            line.len(),
            sender.to,
            datagram::show_payload(line.as_bytes(), 64)
        );
    }
    narrate!("done", "sent {} (one per line)", datagrams(sent));
    Ok(())
}

// ANCHOR: numbered
fn send_numbered(
    sender: &Sender,
    count: u64,
    size: Option<usize>,
    rate: f64,
    batch: usize,
) -> anyhow::Result<()> {
    let run = datagram::new_run_id();
    let narrate_each = rate > 0.0 && rate <= NARRATED_RATE;
    let pace = (rate > 0.0).then(|| Duration::from_secs_f64(1.0 / rate));
    narrate!(
        "run",
        "{count} numbered datagram{}, RUN {run:04x}, {}, {}",
        if count == 1 { "" } else { "s" },
        match size {
            Some(size) => format!("{size} bytes each"),
            None => "header and a short text each".to_string(),
        },
        match pace {
            Some(_) => format!("{rate} per second"),
            None => "as fast as possible (sends not narrated one by one)".to_string(),
        }
    );

    // One buffer per datagram of a batch, for the whole run: a filler that reads well in a
    // capture, and each datagram's header written over its start. No allocation per datagram.
    let mut buffer = vec![0u8; size.unwrap_or(0).max(datagram::MAX_HEADER_LEN + 32)];
    const FILLER: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    for (i, byte) in buffer.iter_mut().enumerate() {
        *byte = FILLER[i % FILLER.len()];
    }
    let mut buffers = vec![buffer; batch];
    let mut lens = vec![0; batch];
    let mut mmsg = mmsg::Batch::new(batch);
    let started = Instant::now();
    let mut bytes = 0u64;
    let mut seq = 0;
    while seq < count {
        if let Some(pace) = pace {
            // Keep to the schedule (not "sleep after each"), so the rate holds on average.
            let due = started + pace.mul_f64(seq as f64);
            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                thread::sleep(wait);
            }
        }
        let n = (count - seq).min(batch as u64) as usize;
        for (i, (buffer, len)) in buffers.iter_mut().zip(&mut lens).take(n).enumerate() {
            let this = seq + i as u64;
            *len = fill(buffer, &Header::now(this, Some(count), run), size, this)?;
            bytes += *len as u64;
        }
        if n == 1 {
            sender.send(&buffers[0][..lens[0]])?;
        } else {
            let datagrams: Vec<[IoSlice; 1]> = (buffers.iter().zip(&lens).take(n))
                .map(|(buffer, &len)| [IoSlice::new(&buffer[..len])])
                .collect();
            sender.send_batch(&mut mmsg, &datagrams)?;
        }
        if narrate_each || seq == 0 {
            narrate_sent(sender, seq, &lens[..n], count);
        }
        seq += n as u64;
    }
    let elapsed = started.elapsed();
    let seconds = elapsed.as_secs_f64().max(1e-9);
    narrate!(
        "done",
        "sent {}, {bytes} bytes in {:.3} s: {:.0} datagrams/s, {:.2} MB/s",
        datagrams(count),
        seconds,
        count as f64 / seconds,
        bytes as f64 / seconds / 1e6
    );
    Ok(())
}
// ANCHOR_END: numbered

/// Narrates one send of the datagrams of lengths `lens`, numbered from `seq`.
fn narrate_sent(sender: &Sender, seq: u64, lens: &[usize], count: u64) {
    if let [len] = lens {
        narrate!(
            sender.call(),
            "{len} bytes to {}: SEQ {seq} OF {count} (Ok: the kernel took it)",
            sender.to
        );
        return;
    }
    let shortest = lens.iter().min().unwrap_or(&0);
    let longest = lens.iter().max().unwrap_or(&0);
    narrate!(
        mmsg::CALL,
        "{} datagrams to {}, SEQ {seq} to {} OF {count}, {}, {} (Ok: the kernel took them; --batch 1 sends one at a time)",
        lens.len(),
        sender.to,
        seq + lens.len() as u64 - 1,
        if shortest == longest {
            format!("{shortest} bytes each")
        } else {
            format!("{shortest} to {longest} bytes")
        },
        mmsg::HOW
    );
}

/// Several datagrams per system call: `sendmmsg` on Linux. Each datagram still travels on
/// its own, with its own header; only the trips from the program into the kernel are fewer.
#[cfg(target_os = "linux")]
mod mmsg {
    use std::io::{self, IoSlice};
    use std::net::UdpSocket;
    use std::os::fd::AsRawFd;

    use nix::sys::socket::{ControlMessage, MsgFlags, MultiHeaders, sendmmsg};

    pub const CALL: &str = "sendmmsg";
    pub const HOW: &str = "in one system call";

    /// The kernel's message headers for one batch, allocated once for the whole run.
    pub struct Batch {
        // `()`: no address per datagram; the socket is connected.
        headers: MultiHeaders<()>,
        no_addresses: Vec<Option<()>>,
    }

    impl Batch {
        pub fn new(size: usize) -> Batch {
            Batch {
                headers: MultiHeaders::preallocate(size, None),
                no_addresses: vec![None; size],
            }
        }

        /// One `sendmmsg` on the connected socket; returns how many datagrams the kernel
        /// took, from the first (at least one: otherwise it reports an error).
        pub fn send(
            &mut self,
            socket: &UdpSocket,
            datagrams: &[[IoSlice; 1]],
        ) -> io::Result<usize> {
            let no_control: [ControlMessage; 0] = [];
            let sent = sendmmsg(
                socket.as_raw_fd(),
                &mut self.headers,
                datagrams,
                &self.no_addresses[..datagrams.len()],
                no_control,
                MsgFlags::empty(),
            )?;
            match sent.count() {
                // Only an empty batch is taken whole with nothing sent; never loop on it.
                0 => Err(io::Error::new(
                    io::ErrorKind::WriteZero,
                    "sendmmsg sent nothing",
                )),
                taken => Ok(taken),
            }
        }
    }
}

/// Elsewhere (macOS and Windows have no `sendmmsg`) a batch goes one `send` at a time.
#[cfg(not(target_os = "linux"))]
mod mmsg {
    use std::io::{self, IoSlice};
    use std::net::UdpSocket;

    pub const CALL: &str = "send";
    pub const HOW: &str = "one send each (sendmmsg is Linux only)";

    pub struct Batch;

    impl Batch {
        pub fn new(_size: usize) -> Batch {
            Batch
        }

        /// Sends the first datagram; the caller sends the rest.
        pub fn send(
            &mut self,
            socket: &UdpSocket,
            datagrams: &[[IoSlice; 1]],
        ) -> io::Result<usize> {
            socket.send(&datagrams[0][0]).map(|_| 1)
        }
    }
}

/// Writes one numbered datagram at the start of `buffer` and returns its length: exactly
/// `size` bytes (the header, then the filler already in the buffer), or the header and a
/// short text when no size was asked.
fn fill(
    buffer: &mut Vec<u8>,
    header: &Header,
    size: Option<usize>,
    seq: u64,
) -> anyhow::Result<usize> {
    // The header's digits are written by hand (no `write!`): at full speed this runs for
    // every datagram. The buffer always has room for the longest header.
    let header_len = header
        .write_to_slice(buffer)
        .context("writing the header")?;
    match size {
        Some(size) if size > header_len => {
            if buffer.len() < size {
                buffer.resize(size, b'.');
            }
            Ok(size)
        }
        Some(_) => Ok(header_len),
        None => {
            let mut cursor = io::Cursor::new(&mut buffer[..]);
            cursor.set_position(header_len as u64);
            write!(cursor, "hello {seq}").context("writing the text")?;
            Ok(cursor.position() as usize)
        }
    }
}

/// With a connected socket, waits briefly for what the kernel may report about the sends:
/// an ICMP "port unreachable" becomes ConnectionRefused (Linux, macOS) or ConnectionReset
/// (Windows) on the next call on this socket.
// ANCHOR: refused
fn check_for_refusal(socket: &UdpSocket, to: SocketAddr) -> anyhow::Result<()> {
    socket
        .set_read_timeout(Some(Duration::from_millis(300)))
        .context("setting a read timeout")?;
    let mut reply = [0u8; 1];
    match socket.recv(&mut reply) {
        Err(error) if is_refusal(&error) => {
            narrate!(
                "recv",
                "{:?}: the kernel got an ICMP \"port unreachable\" from {to}",
                error.kind()
            );
            Err(error)
                .with_context(|| format!("{to} refused the datagrams (connected UDP socket)"))
                .hint_with(|error| send_hint(error, to))
        }
        _ => {
            narrate!(
                "recv",
                "no error reported for {to} within 300 ms (something may be listening there)"
            );
            Ok(())
        }
    }
}
// ANCHOR_END: refused

/// The first address of `host` (a name may have several: the first is what the OS prefers).
fn resolve(host: &course::address::Host, port: u16) -> anyhow::Result<SocketAddr> {
    // Never empty: no address at all is an error of its own.
    let addresses = course::address::resolve(host, port)?;
    Ok(addresses[0])
}

/// The wildcard address of the destination's family: IPv4 datagrams need an IPv4 socket.
fn unspecified(to: &SocketAddr) -> IpAddr {
    match to {
        SocketAddr::V4(_) => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
        SocketAddr::V6(_) => IpAddr::V6(Ipv6Addr::UNSPECIFIED),
    }
}

/// "1 datagram", "2 datagrams".
fn datagrams(count: u64) -> String {
    if count == 1 {
        "1 datagram".to_string()
    } else {
        format!("{count} datagrams")
    }
}
