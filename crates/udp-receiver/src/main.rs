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
//! A server that answers: with `--reply` it sends each datagram back to the address
//! `recv_from` gave, and `udp-sender --wait-reply` waits for the replies.
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
use course::{HintExt, narrate, say, t};
use socket2::{Domain, Protocol, Socket, Type};

mod args;
mod kernel;
mod knobs;
mod output;

use args::Args;
use output::Output;

/// How often a blocked `recv_from` gives up, to look at Ctrl-C and the idle timeout.
const POLL: Duration = Duration::from_millis(200);

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
        .with_context(|| t!("udp-receiver.creating-socket"))?;
    if let Some(bytes) = args.recv_buffer {
        socket.set_recv_buffer_size(bytes).with_context(|| {
            let bytes = course::plural(bytes, "byte");
            t!("udp-receiver.setting-rcvbuf", bytes)
        })?;
    }
    socket
        .bind(&addr.into())
        .with_context(|| t!("udp-receiver.binding", addr))
        .hint_with(|error| {
            course::trouble::bind_hint(error, addr, &t!("udp-receiver.port-holder"))
        })?;
    // The kernel may grant another size than asked: read it back.
    let granted = socket
        .recv_buffer_size()
        .with_context(|| t!("udp-receiver.reading-rcvbuf"))?;
    let socket: UdpSocket = socket.into();
    let local = socket
        .local_addr()
        .with_context(|| t!("udp-receiver.reading-local-address"))?;
    let loopback = only_this_machine(local);
    say!("bind", "udp-receiver.bound", local, granted, loopback);
    // ANCHOR_END: socket
    if let Some(asked) = args.recv_buffer {
        kernel::granted(asked, granted);
    }
    let kernel_before = kernel::Counters::read(local.port());
    socket
        .set_read_timeout(Some(POLL))
        .with_context(|| t!("udp-receiver.setting-read-timeout"))?;
    if args.reply {
        say!(t!("udp-receiver.label-reply"), "udp-receiver.reply-on");
    }
    if args.wait {
        knobs::wait(granted, course::ctrl_c())?;
    }

    let mut output = Output::new(args.buffer);
    let reason = receive(&socket, local, &args, &mut output)?;
    narrate!(t!("udp-receiver.label-stop"), "{reason}");
    output.summary(args.reply);
    kernel::report(
        kernel_before,
        kernel::Counters::read(local.port()),
        output.lost(),
    );
    Ok(())
}

/// The receive loop: one datagram per `recv_from`, shown, and answered with `--reply`, until
/// a stop condition (Ctrl-C, `--count`, `--idle-timeout`, stdout closed). Returns why it
/// stopped.
fn receive(
    socket: &UdpSocket,
    local: SocketAddr,
    args: &Args,
    output: &mut Output,
) -> anyhow::Result<String> {
    let limit = args.buffer;
    // ANCHOR: buffer
    // One byte more than we accept: a datagram that fills it was longer than `limit` bytes.
    // Linux and macOS cut such a datagram silently; this is how we notice.
    let mut buffer = vec![0u8; limit + 1];
    // ANCHOR_END: buffer
    let mut stop = course::Stop::on_ctrl_c(args.count, args.idle_timeout);
    say!("recv", "udp-receiver.waiting", local);
    loop {
        if let Some(reason) = stop.why(output.datagrams()) {
            return Ok(reason);
        }

        // ANCHOR: recv_from
        let (len, from) = match socket.recv_from(&mut buffer) {
            Ok(received) => received,
            // The read timeout expired (WouldBlock on Unix, TimedOut on Windows), or a signal
            // such as Ctrl-C interrupted the call: go and look at the stop conditions.
            Err(error) if datagram::is_timeout(&error) => continue,
            // An ICMP "port unreachable" for an earlier datagram (Windows, on any UDP socket).
            Err(error) if datagram::is_port_unreachable(&error) => {
                let kind = format!("{:?}", error.kind());
                say!("recv", "udp-receiver.os-reported", kind);
                continue;
            }
            // Windows does not cut silently: recv_from fails with WSAEMSGSIZE (10040) and the
            // datagram is gone, sender unknown.
            #[cfg(windows)]
            Err(error) if datagram::is_message_too_long(error.raw_os_error()) => {
                output.too_long_and_gone();
                stop.arrived();
                continue;
            }
            Err(error) => {
                return Err(error).with_context(|| t!("udp-receiver.receiving-on", local));
            }
        };
        // ANCHOR_END: recv_from
        stop.arrived();
        let datagram = &buffer[..len.min(limit)];
        match output.datagram(from, datagram, len > limit) {
            Ok(()) => {}
            // `| head` closed stdout: the run ends here, and its score is still worth printing.
            Err(error) if course::is_stdout_closed(&error) => {
                return Ok(t!("udp-receiver.stdout-closed"));
            }
            Err(error) => return Err(error),
        }

        // ANCHOR: reply
        if args.reply {
            // No connection to answer on: the datagram itself says where it came from, and
            // the reply is a datagram of its own, sent to that address.
            let sent = socket.send_to(datagram, from);
            output.replied(from, datagram.len(), sent);
        }
        // ANCHOR_END: reply
        if let Some(millis) = args.slow {
            knobs::sleep_unless_interrupted(Duration::from_millis(millis), course::ctrl_c());
        }
    }
}

/// What the bind line adds when the socket is bound to loopback: datagrams from other
/// machines never reach it, whatever the firewall says.
fn only_this_machine(local: SocketAddr) -> String {
    if local.ip().is_loopback() {
        t!("udp-receiver.loopback-only")
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_socket_on_loopback_is_said_to_hear_this_machine_only() {
        for here in ["127.0.0.1:7879", "[::1]:7879"] {
            // The option is the same in both languages.
            assert!(only_this_machine(here.parse().unwrap()).contains("--bind 0.0.0.0"));
        }
        for anywhere in ["0.0.0.0:7879", "[::]:7879", "10.79.0.1:7879"] {
            assert_eq!(only_this_machine(anywhere.parse().unwrap()), "");
        }
    }
}
