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

use std::net::{SocketAddr, UdpSocket};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use course::{HintExt, narrate};
use datagram::Scoreboard;
use socket2::{Domain, Protocol, Socket, Type};

mod args;
mod kernel;
mod knobs;

use args::Args;
use knobs::{sleep_unless_interrupted, wait_for_enter};

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
        kernel::granted(asked, granted);
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
