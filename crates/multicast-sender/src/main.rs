//! # multicast-sender: one datagram, every listener of the group
//!
//! A multicast sender is an ordinary UDP socket that sends to a *group* (grupo) address instead
//! of a host. It joins nothing: it only chooses the interface the datagrams leave by
//! (`IP_MULTICAST_IF`), how far they may travel (`IP_MULTICAST_TTL`), and whether this
//! machine's own listeners get a copy (`IP_MULTICAST_LOOP`). The network, not the sender,
//! copies each datagram to every member.
//!
//! Run three listeners, each in its own terminal, then the sender in a fourth:
//!
//! ```text
//! cargo run -p multicast-listener        # terminals 1, 2 and 3
//! cargo run -p multicast-sender          # terminal 4: 10 numbered datagrams, 2 per second
//! ```
//!
//! Also `--message TEXT` (one datagram) and `--stdin` (one datagram per line you type).
//! Everything stays on this machine: datagrams leave through the loopback interface
//! (`--interface 127.0.0.1`) with TTL 1. Book chapter: "Multicast".

use std::io::{self, BufRead};
use std::net::{SocketAddr, UdpSocket};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use course::{HintExt, MulticastInterface as Interface, narrate, say, t};
use datagram::Header;
use socket2::{Domain, Protocol, Socket, Type};

mod args;
mod options;
mod trouble;

use args::Args;
use options::{narrate_options, setting};
use trouble::{bind_hint, interface_hint, send_hint};

fn main() -> ExitCode {
    course::main(run)
}

fn run() -> anyhow::Result<()> {
    let args: Args = course::parse_args();
    // Refuse a group outside 224.0.0.0/4 (ff00::/8) before any socket exists. The interface to
    // send by: an address for an IPv4 group (default 127.0.0.1), a number for an IPv6 group.
    let (interface, warning) =
        course::multicast_choice(args.group, args.interface, args.interface_index)?;
    let group = SocketAddr::new(args.group, args.port);
    if let Some(size) = args.size {
        datagram::check_fits(size, &group, |max| t!("multicast-sender.size-fits", max))?;
    }

    // An ordinary UDP socket of the group's family: sending to a group needs no join.
    let socket = Socket::new(Domain::for_address(group), Type::DGRAM, Some(Protocol::UDP))
        .with_context(|| t!("multicast-sender.creating"))?;
    set_options(&socket, interface, args.ttl, !args.no_loop)?;

    // ANCHOR: bind
    // Bind a port of the OS's choosing (port 0) on the interface's address, so that the
    // listeners see where the datagrams come from. (Binding alone does not choose the
    // interface for multicast: IP_MULTICAST_IF does.)
    let bind_addr = match interface {
        Interface::V4(address) => SocketAddr::new(address.into(), 0),
        Interface::V6(_) => SocketAddr::new(course::address::wildcard(group.ip()), 0),
    };
    socket
        .bind(&bind_addr.into())
        .with_context(|| t!("multicast-sender.binding", address = bind_addr))
        .hint_with(|_| bind_hint(interface))?;
    let socket: UdpSocket = socket.into();
    let local = (socket.local_addr()).with_context(|| t!("multicast-sender.reading-bound"))?;
    say!("bind", "multicast-sender.bound", local, group);
    // ANCHOR_END: bind

    narrate_options(&socket, interface, group)?;
    if let Some(warning) = warning {
        narrate!(t!("multicast-sender.label.warning"), "{warning}");
    }

    let sender = Sender {
        socket: &socket,
        group,
        local,
        interface,
    };
    let started = Instant::now();
    let (datagrams, bytes) = if args.stdin {
        send_lines(&sender, args.count)?
    } else {
        send_numbered(&sender, &args)?
    };
    say!(
        t!("multicast-sender.label.done"),
        "multicast-sender.done",
        datagrams = course::plural(datagrams, "datagram"),
        bytes,
        group,
        seconds = format!("{:.1}", started.elapsed().as_secs_f64()),
    );
    Ok(())
}

/// Sets the three options of a multicast sender, in the group's family.
fn set_options(
    socket: &Socket,
    interface: Interface,
    ttl: u32,
    looped: bool,
) -> anyhow::Result<()> {
    // ANCHOR: options
    match interface {
        Interface::V4(address) => {
            // IP_MULTICAST_IF: the interface the group's datagrams leave by. Without it the OS
            // follows the route to the group (often the Wi-Fi or Ethernet card, or none at all).
            socket
                .set_multicast_if_v4(&address)
                .with_context(|| t!("multicast-sender.choosing-interface", address))
                .hint_with(|_| interface_hint(address))?;
            // IP_MULTICAST_TTL: how far the datagram may go; each router it crosses takes one
            // off, and none forwards it at 1 (the default): it stays on this link.
            socket
                .set_multicast_ttl_v4(ttl)
                .with_context(|| setting(format!("IP_MULTICAST_TTL {ttl}")))?;
            // IP_MULTICAST_LOOP: whether this host's own listeners get a copy (on by default).
            socket
                .set_multicast_loop_v4(looped)
                .with_context(|| setting("IP_MULTICAST_LOOP"))?;
        }
        Interface::V6(index) => {
            // IPv6 names the outgoing interface by number, not by address.
            socket
                .set_multicast_if_v6(index)
                .with_context(|| t!("multicast-sender.choosing-index", index))
                .hint(t!("multicast-sender.index-hint"))?;
            socket
                .set_multicast_hops_v6(ttl)
                .with_context(|| setting(format!("IPV6_MULTICAST_HOPS {ttl}")))?;
            socket
                .set_multicast_loop_v6(looped)
                .with_context(|| setting("IPV6_MULTICAST_LOOP"))?;
            (socket.set_only_v6(true)).with_context(|| setting("IPV6_V6ONLY"))?;
        }
    }
    // ANCHOR_END: options
    Ok(())
}

/// The socket and where it sends, for each datagram.
struct Sender<'a> {
    socket: &'a UdpSocket,
    group: SocketAddr,
    local: SocketAddr,
    interface: Interface,
}

impl Sender<'_> {
    // ANCHOR: send_to
    /// Sends one datagram to the group, and narrates it if `narrate`.
    fn send(&self, datagram: &[u8], narrate: bool) -> anyhow::Result<usize> {
        let (group, local, len) = (self.group, self.local, datagram.len());
        datagram::check_fits(len, &group, |_| t!("multicast-sender.line-fits"))?;
        // One send_to, one datagram: the network makes a copy for every member of the group.
        let sent = self
            .socket
            .send_to(datagram, group)
            .with_context(|| t!("multicast-sender.sending", bytes = len, group, local))
            .hint_with(|error| send_hint(error, group, self.interface))?;
        if narrate {
            let seq = match Header::parse(datagram) {
                Some((header, _)) => format!("{} ", header.label()),
                None => String::new(),
            };
            say!("send_to", "multicast-sender.sent", seq, sent, group, local);
        }
        Ok(sent)
    }
    // ANCHOR_END: send_to
}

/// Sends each line of stdin as one numbered datagram, up to `count` lines; returns how many
/// datagrams and bytes it sent.
fn send_lines(sender: &Sender, count: Option<u64>) -> anyhow::Result<(u64, u64)> {
    say!("stdin", "multicast-sender.stdin");
    let run = datagram::new_run_id();
    let (mut datagrams, mut bytes) = (0, 0);
    let mut lines = io::stdin().lock().lines();
    // The limit is checked before a line is read: `--count 0` sends none, as without --stdin.
    while count.is_none_or(|count| datagrams < count)
        && let Some(line) = lines.next()
    {
        let line = line.with_context(|| t!("multicast-sender.reading-stdin"))?;
        let header = Header::now(datagrams, None, run);
        bytes += sender.send(&header.datagram(line.as_bytes()), true)? as u64;
        datagrams += 1;
    }
    Ok((datagrams, bytes))
}

/// Sends `--count` numbered datagrams (10 by default, 1 with `--message`) at `--rate`; returns
/// how many datagrams and bytes it sent.
fn send_numbered(sender: &Sender, args: &Args) -> anyhow::Result<(u64, u64)> {
    let count = (args.count).unwrap_or(if args.message.is_some() { 1 } else { 10 });
    let payload = (args.message.clone()).unwrap_or_else(|| format!("hello, group {}", args.group));
    let run = datagram::new_run_id();
    // Between sends, wait so that the run keeps the rate; 0 means no wait at all.
    let pacer = course::Pacer::new(args.rate);
    // Narrate every send of a paced run; a fast run narrates its first few and the total.
    let narrated = if pacer.pause().is_some() { u64::MAX } else { 5 };
    let mut bytes = 0;
    for seq in 0..count {
        pacer.wait_for(seq);
        let header = Header::now(seq, Some(count), run);
        let datagram = match args.size {
            Some(size) => header.datagram_of_size(size),
            None => header.datagram(payload.as_bytes()),
        };
        bytes += sender.send(&datagram, seq < narrated)? as u64;
        if seq + 1 == narrated && count > narrated {
            say!("send_to", "multicast-sender.rest-quiet");
        }
    }
    Ok((count, bytes))
}
