//! # udp-receiver: every datagram, as it came, and the score of what went missing
//!
//! What it teaches: a UDP socket is bound to an address and receives whole datagrams
//! (datagramas) from anyone, with `recv_from` telling who sent each one. Nothing is
//! connected and nothing is guaranteed: datagrams can be lost, duplicated or reordered, and a
//! datagram larger than the buffer you hand to `recv_from` is cut. The receiver shows all of
//! it: each datagram on stdout, and at the end the score (received, lost, reordered,
//! duplicated) and, on Linux, what the kernel itself counted as dropped.
//!
//! Run it next to its partner, in two terminals:
//!
//! ```text
//! cargo run -p udp-receiver
//! cargo run -p udp-sender
//! ```
//!
//! Loss you can see on one machine (Linux): a tiny kernel buffer, a receiver that starts
//! reading only when you press Enter, and a fast sender:
//!
//! ```text
//! cargo run -p udp-receiver -- --recv-buffer 4096 --wait --idle-timeout 2
//! cargo run -p udp-sender -- --count 200 --size 1000 --rate 0     # then press Enter in the receiver
//! ```
//!
//! Book chapter: "UDP: datagrams" (`docs/src/udp.md`).

use std::io;
use std::net::{IpAddr, SocketAddr, UdpSocket};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Parser;
use course::{HintExt, narrate};
use datagram::Scoreboard;
use socket2::{Domain, Protocol, Socket, Type};

/// Receives UDP datagrams, prints each one, and keeps score of loss, reordering and duplicates.
#[derive(Parser, Debug)]
#[command(
    version,
    about,
    after_help = "Stops on Ctrl-C, after --count datagrams, or after --idle-timeout seconds \
                  without a datagram, and prints the score.\n\n\
                  Example, in two terminals:\n  \
                  cargo run -p udp-receiver\n  \
                  cargo run -p udp-sender -- --count 10 --rate 5"
)]
struct Args {
    /// The local IP address to bind (0.0.0.0 receives on every interface).
    #[arg(long, value_name = "IP", default_value = "127.0.0.1",
          value_parser = course::address::ip)]
    bind: IpAddr,
    /// The UDP port to bind (0: the OS picks one).
    #[arg(long, value_name = "N", default_value_t = course::UDP_PORT)]
    port: u16,
    /// Stop after this many datagrams.
    #[arg(long, value_name = "N")]
    count: Option<u64>,
    /// Stop after this many seconds without a datagram.
    #[arg(long, value_name = "SECONDS", value_parser = course::seconds)]
    idle_timeout: Option<Duration>,
    /// Ask the kernel for a receive buffer (SO_RCVBUF) of this many bytes: the queue where
    /// datagrams wait until the program reads them. When it is full, the kernel drops them.
    #[arg(long, value_name = "BYTES")]
    recv_buffer: Option<usize>,
    /// The program's own buffer for one datagram, in bytes: a longer datagram is cut, and
    /// reported as truncated.
    #[arg(long, value_name = "BYTES", default_value_t = datagram::RECV_BUFFER)]
    buffer: usize,
    /// Demo knob: sleep this many milliseconds after each datagram (at most 60000), so that
    /// a fast sender overflows the kernel's receive buffer.
    #[arg(long, value_name = "MILLIS", value_parser = clap::value_parser!(u64).range(0..=60_000))]
    slow: Option<u64>,
    /// Demo knob: bind, then wait for Enter (a line on stdin) before reading anything, so that
    /// datagrams pile up in the kernel's receive buffer and the excess is dropped.
    #[arg(long)]
    wait: bool,
}

/// How often a blocked `recv_from` gives up, to look at Ctrl-C and the idle timeout.
const POLL: Duration = Duration::from_millis(200);
/// Receives narrated one by one on stderr; after that, stdout shows them and stderr counts.
const NARRATED: u64 = 3;
const COUNT_EVERY: u64 = 1000;

fn main() -> ExitCode {
    course::main(run)
}

fn run() -> anyhow::Result<()> {
    let args: Args = course::parse_args();
    let addr = SocketAddr::new(args.bind, args.port);

    // ANCHOR: socket
    // socket2, because SO_RCVBUF must be set before bind to be sure it applies from the
    // first datagram; std's UdpSocket::bind creates and binds in one call.
    let socket = Socket::new(Domain::for_address(addr), Type::DGRAM, Some(Protocol::UDP))
        .context("creating a UDP socket")?;
    if let Some(bytes) = args.recv_buffer {
        socket
            .set_recv_buffer_size(bytes)
            .with_context(|| format!("setting SO_RCVBUF to {bytes} bytes"))?;
    }
    socket
        .bind(&addr.into())
        .with_context(|| format!("binding {addr}"))
        .hint_with(|error| course::trouble::bind_hint(error, addr, "another udp-receiver"))?;
    // The kernel may grant another size than asked: read it back.
    let granted = socket.recv_buffer_size().context("reading SO_RCVBUF")?;
    let socket: UdpSocket = socket.into();
    let local = socket.local_addr().context("reading the local address")?;
    narrate!(
        "bind",
        "{local} (UDP, kernel receive buffer {granted} bytes)"
    );
    // ANCHOR_END: socket
    if let Some(asked) = args.recv_buffer {
        narrate!(
            "rcvbuf",
            "asked {asked} bytes, the kernel granted {granted}{}",
            if cfg!(target_os = "linux") {
                " (Linux doubles the request for its bookkeeping and caps it at 2 x net.core.rmem_max)"
            } else {
                ""
            }
        );
    }
    let kernel_before = kernel::Counters::read(local.port());

    socket
        .set_read_timeout(Some(POLL))
        .context("setting the read timeout")?;
    let interrupted = course::ctrl_c();

    if args.wait {
        narrate!(
            "wait",
            "not reading until you press Enter: datagrams pile up in the {granted}-byte kernel buffer, the rest is dropped"
        );
        if wait_for_enter(interrupted)? {
            narrate!("wait", "reading now");
        }
    }

    // No datagram is longer than RECV_BUFFER: a larger buffer would only waste memory.
    let limit = args.buffer.min(datagram::RECV_BUFFER);
    // ANCHOR: buffer
    // One byte more than we accept: a datagram that fills it was longer than `limit` bytes.
    // Linux and macOS cut such a datagram silently; this is how we notice.
    let mut buffer = vec![0u8; limit + 1];
    // ANCHOR_END: buffer
    let mut board = Scoreboard::default();
    let mut truncated = 0u64;
    let mut stop = course::Stop::on_ctrl_c(args.count, args.idle_timeout);
    narrate!("recv", "waiting for datagrams on {local} (Ctrl-C to stop)");
    let reason = loop {
        if let Some(reason) = stop.why(board.datagrams) {
            break reason;
        }

        // ANCHOR: recv_from
        let (len, from) = match socket.recv_from(&mut buffer) {
            Ok(received) => received,
            // The read timeout expired (WouldBlock on Unix, TimedOut on Windows), or a signal
            // such as Ctrl-C interrupted the call: go and look at the stop conditions.
            Err(error) if datagram::is_timeout(&error) => continue,
            // An ICMP "port unreachable" for an earlier datagram (Windows, on any UDP socket).
            Err(error) if datagram::is_port_unreachable(&error) => {
                narrate!("recv", "{:?} reported by the OS (ignored)", error.kind());
                continue;
            }
            // Windows does not cut silently: recv_from fails with WSAEMSGSIZE (10040) and the
            // datagram is gone, sender unknown.
            #[cfg(windows)]
            Err(error) if datagram::is_message_too_long(error.raw_os_error()) => {
                truncated += 1;
                board.datagrams += 1;
                stop.arrived();
                narrate!(
                    "recv",
                    "truncated: datagram larger than the {limit}-byte buffer (WSAEMSGSIZE)"
                );
                continue;
            }
            Err(error) => {
                return Err(error).with_context(|| format!("receiving on {local}"));
            }
        };
        // ANCHOR_END: recv_from
        stop.arrived();
        let cut = len > limit;
        let datagram = &buffer[..len.min(limit)];
        let shown = board.show(from, datagram);
        let mut line = shown.line;
        if cut {
            truncated += 1;
            line.push_str(&format!(
                "  truncated: datagram larger than the {limit}-byte buffer"
            ));
        }
        let n = board.datagrams;
        if n <= NARRATED {
            narrate!(
                "recv_from",
                "{} bytes from {from}{}",
                datagram.len(),
                if n == NARRATED {
                    format!(
                        " (further datagrams: on stdout only, a count here every {COUNT_EVERY})"
                    )
                } else {
                    String::new()
                }
            );
        } else if n % COUNT_EVERY == 0 {
            narrate!("recv", "{n} datagrams so far");
        }
        // Anyone can send to this port: a number that makes no sense is said once per run.
        if let Some(doubt) = shown.doubt {
            narrate!("doubt", "{doubt}");
        }
        line.push('\n');
        match course::write_stdout(line.as_bytes()) {
            Ok(()) => {}
            // `| head` closed stdout: the run ends here, and its score is still worth printing.
            Err(error) if course::is_stdout_closed(&error) => break "stdout closed".to_string(),
            Err(error) => return Err(error),
        }
        if let Some(millis) = args.slow {
            sleep_unless_interrupted(Duration::from_millis(millis), interrupted);
        }
    };

    narrate!("stop", "{reason}");
    for line in board.report() {
        narrate!("summary", "{line}");
    }
    narrate!(
        "summary",
        "truncated {truncated} (datagrams larger than the {limit}-byte buffer)"
    );
    let lost = board.total().lost;
    kernel::report(kernel_before, kernel::Counters::read(local.port()), lost);
    Ok(())
}

/// Waits for a line on stdin (Enter), or Ctrl-C: true for Enter. A read blocked on stdin
/// carries on after Ctrl-C (the handler asks the OS to restart it), so the read runs on a
/// thread of its own and this one looks at the flag between waits.
fn wait_for_enter(interrupted: &AtomicBool) -> anyhow::Result<bool> {
    let (entered, enter) = mpsc::channel();
    thread::spawn(move || {
        let mut line = String::new();
        let _ = entered.send(io::stdin().read_line(&mut line));
    });
    while !interrupted.load(Ordering::SeqCst) {
        match enter.recv_timeout(POLL) {
            Ok(read) => return read.map(|_| true).context("reading stdin"),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(true),
        }
    }
    Ok(false)
}

/// Sleeps for `duration`, or until Ctrl-C. `thread::sleep` carries on after the signal, so
/// this sleeps in slices of [`POLL`] and looks at the flag between them.
fn sleep_unless_interrupted(duration: Duration, interrupted: &AtomicBool) {
    let start = Instant::now();
    while !interrupted.load(Ordering::SeqCst) {
        let left = duration.saturating_sub(start.elapsed());
        if left.is_zero() {
            break;
        }
        thread::sleep(left.min(POLL));
    }
}

/// What the kernel counted as dropped for lack of receive-buffer space.
mod kernel {
    #[derive(Debug, Clone, Copy)]
    pub struct Counters {
        /// The `drops` column of this socket's line in /proc/net/udp (or udp6).
        pub socket_drops: Option<u64>,
        /// `RcvbufErrors` in /proc/net/snmp: every UDP socket of the machine.
        pub rcvbuf_errors: Option<u64>,
    }

    impl Counters {
        // Linux only: the counters come from /proc/net; elsewhere `report` points at netstat.
        #[cfg(target_os = "linux")]
        pub fn read(port: u16) -> Counters {
            Counters {
                socket_drops: socket_drops(port),
                rcvbuf_errors: rcvbuf_errors(),
            }
        }

        #[cfg(not(target_os = "linux"))]
        pub fn read(_port: u16) -> Counters {
            Counters {
                socket_drops: None,
                rcvbuf_errors: None,
            }
        }
    }

    /// Prints the kernel's counts next to the receiver's own loss count.
    pub fn report(before: Counters, after: Counters, lost: u64) {
        match (
            after.socket_drops,
            before.rcvbuf_errors,
            after.rcvbuf_errors,
        ) {
            (Some(drops), Some(b), Some(a)) => course::narrate!(
                "kernel",
                "dropped {drops} datagrams for this socket (drops column of /proc/net/udp), RcvbufErrors +{} on the whole machine (/proc/net/snmp); the receiver counted {lost} lost",
                a.saturating_sub(b)
            ),
            (Some(drops), _, _) => course::narrate!(
                "kernel",
                "dropped {drops} datagrams for this socket (drops column of /proc/net/udp); the receiver counted {lost} lost"
            ),
            _ if cfg!(target_os = "linux") => {
                course::narrate!("kernel", "could not read /proc/net/udp; try: netstat -su")
            }
            _ => course::narrate!(
                "kernel",
                "the receiver counted {lost} lost; the OS counts its drops in `netstat -s -p udp` (macOS: \"dropped due to full socket buffers\"; Windows: \"Receive Errors\")"
            ),
        }
        if let Some(drops) = after.socket_drops.filter(|&drops| lost > drops) {
            course::narrate!(
                "kernel",
                "{} of the {lost} lost never reached this socket: sent before it was bound, lost on the way (by udp-relay, or the network), or not sent yet when the receiver stopped",
                lost - drops
            );
        }
    }

    /// The last column of our socket's line, matched by local port (hex, as the kernel writes it).
    #[cfg(target_os = "linux")]
    fn socket_drops(port: u16) -> Option<u64> {
        let wanted = format!(":{port:04X}");
        ["/proc/net/udp", "/proc/net/udp6"].iter().find_map(|file| {
            let table = std::fs::read_to_string(file).ok()?;
            table.lines().skip(1).find_map(|line| {
                let columns: Vec<&str> = line.split_whitespace().collect();
                let local = columns.get(1)?;
                if !local.ends_with(&wanted) {
                    return None;
                }
                columns.last()?.parse().ok()
            })
        })
    }

    /// `Udp: ... RcvbufErrors ...`: a line of names, then a line of values.
    #[cfg(target_os = "linux")]
    fn rcvbuf_errors() -> Option<u64> {
        let snmp = std::fs::read_to_string("/proc/net/snmp").ok()?;
        let mut udp = snmp.lines().filter(|line| line.starts_with("Udp:"));
        let names = udp.next()?;
        let values = udp.next()?;
        let column = names
            .split_whitespace()
            .position(|name| name == "RcvbufErrors")?;
        values.split_whitespace().nth(column)?.parse().ok()
    }
}
