//! # multicast-listener: one of many receivers of a group
//!
//! Multicast sends one datagram to a *group* (grupo) address; every socket that joined the
//! group receives its own copy. This listener shows the calls that make that work: share the
//! port (`SO_REUSEADDR`, `SO_REUSEPORT`), bind the wildcard address, join the group on one
//! interface, receive, and leave the group at the end.
//!
//! Run three listeners, each in its own terminal, then the sender in a fourth:
//!
//! ```text
//! cargo run -p multicast-listener        # terminals 1, 2 and 3
//! cargo run -p multicast-sender          # terminal 4: every listener prints every datagram
//! ```
//!
//! Everything stays on this machine: the group is joined on the loopback interface
//! (`--interface 127.0.0.1`), which works with no network at all. `cargo run -p demo --
//! multicast` does the same in one terminal; `scripts/lab-multicast-netns` (Linux, root) runs
//! listeners on separate network namespaces, IPv4 and IPv6. Book chapter: "Multicast".

use std::net::{IpAddr, SocketAddr, UdpSocket};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use course::{HintExt, MulticastInterface as Interface, narrate, say, t};
use datagram::Scoreboard;
use socket2::{Domain, Protocol, Socket, Type};

mod args;
mod trouble;

use args::Args;
use trouble::{bind_hint, join_hint_v4, join_hint_v6};

/// How often the receive loop wakes up to look at Ctrl-C and the idle timeout.
const POLL: Duration = Duration::from_millis(200);

fn main() -> ExitCode {
    course::main(run)
}

fn run() -> anyhow::Result<()> {
    let args: Args = course::parse_args();
    // Refuse a group outside 224.0.0.0/4 (ff00::/8) before any socket exists. The interface to
    // join on: an address for an IPv4 group (default 127.0.0.1), a number for an IPv6 group.
    let (interface, warning) =
        course::multicast_choice(args.group, args.interface, args.interface_index)?;

    // ANCHOR: socket
    // A UDP socket of the group's family, built with socket2: std's UdpSocket::bind binds at
    // once, and the reuse options below must be set before bind.
    let socket = Socket::new(
        Domain::for_address(SocketAddr::new(args.group, args.port)),
        Type::DGRAM,
        Some(Protocol::UDP),
    )
    .with_context(|| t!("multicast-listener.creating"))?;
    // ANCHOR_END: socket

    // ANCHOR: reuse
    // SO_REUSEADDR: let other listeners on this machine bind the same port, so that each of
    // them gets its own copy of every datagram of the group (Linux, Windows, and macOS/BSD
    // when bound to the group).
    socket
        .set_reuse_address(true)
        .with_context(|| setting("SO_REUSEADDR"))?;
    // SO_REUSEPORT: macOS and the BSDs also require it on every socket to share a port bound to
    // the wildcard address (without it the second listener gets "Address already in use").
    // Windows has no SO_REUSEPORT.
    #[cfg(unix)]
    socket
        .set_reuse_port(true)
        .with_context(|| setting("SO_REUSEPORT"))?;
    if args.group.is_ipv6() {
        // An IPv6 socket only: Linux would otherwise accept IPv4 traffic on it too.
        (socket.set_only_v6(true)).with_context(|| setting("IPV6_V6ONLY"))?;
    }
    // ANCHOR_END: reuse

    // ANCHOR: bind
    // Bind the wildcard address (0.0.0.0 or ::) with the group's port, on every OS: Windows
    // refuses to bind a group address (WSAEADDRNOTAVAIL). The group is chosen by the join.
    let bind_addr = SocketAddr::new(course::address::wildcard(args.group), args.port);
    socket
        .bind(&bind_addr.into())
        .with_context(|| t!("multicast-listener.binding", address = bind_addr))
        .hint_with(|error| bind_hint(error, bind_addr))?;
    let local = (socket.local_addr())
        .with_context(|| t!("multicast-listener.reading-bound"))?
        .as_socket()
        .unwrap_or(bind_addr);
    let reuse_port = if cfg!(unix) { " + SO_REUSEPORT" } else { "" };
    let port = local.port();
    say!("bind", "multicast-listener.bound", local, reuse_port, port);
    // ANCHOR_END: bind

    join(&socket, args.group, interface)?;
    if let Some(warning) = warning {
        narrate!(t!("multicast-listener.label.warning"), "{warning}");
    }

    // From here on the std UdpSocket is enough: recv_from into a plain byte buffer.
    let socket: UdpSocket = socket.into();
    let (board, reason) = receive(&socket, &args, local)?;
    narrate!(t!("multicast-listener.label.stop"), "{reason}");

    leave(&socket, args.group, interface)?;
    for line in board.report() {
        narrate!(t!("multicast-listener.label.summary"), "{line}");
    }
    if let Some(note) = trouble::nothing_heard_note(board.datagrams, interface) {
        narrate!(t!("multicast-listener.label.note"), "{note}");
    }
    Ok(())
}

/// Joins the group on one interface, and on Linux keeps this socket to the groups it joined.
fn join(socket: &Socket, group: IpAddr, interface: Interface) -> anyhow::Result<()> {
    // ANCHOR: join
    // Join the group on one interface: the OS tells the network (IGMP for IPv4, MLD for IPv6)
    // that this host wants the group's datagrams there, and delivers them to this socket.
    match (group, interface) {
        (IpAddr::V4(group), Interface::V4(address)) => socket
            .join_multicast_v4(&group, &address)
            .with_context(|| t!("multicast-listener.joining-v4", group, interface = address))
            .hint_with(|error| join_hint_v4(error, address))?,
        (IpAddr::V6(group), Interface::V6(index)) => socket
            .join_multicast_v6(&group, index)
            .with_context(|| t!("multicast-listener.joining-v6", group, index))
            .hint(join_hint_v6(index))?,
        _ => unreachable!("course::multicast_choice returns the group's family"),
    }
    say!("join", "multicast-listener.member", group, interface);
    // ANCHOR_END: join

    // ANCHOR: multicast_all
    // Linux delivers to a wildcard-bound socket the datagrams of every group that *any* socket
    // of this host joined on this port (IP_MULTICAST_ALL, on by default). Turn it off: this
    // socket receives only the groups it joined itself, as on macOS and Windows.
    #[cfg(target_os = "linux")]
    {
        let (turned_off, name) = match group {
            IpAddr::V4(_) => (socket.set_multicast_all_v4(false), "IP_MULTICAST_ALL"),
            IpAddr::V6(_) => (socket.set_multicast_all_v6(false), "IPV6_MULTICAST_ALL"),
        };
        turned_off.with_context(|| t!("multicast-listener.turning-off", option = name))?;
        let label = t!("multicast-listener.label.option");
        say!(label, "multicast-listener.multicast-all-off", option = name);
    }
    // ANCHOR_END: multicast_all
    Ok(())
}

// ANCHOR: recv
/// Receives and prints datagrams until Ctrl-C, `--count` or `--idle-timeout`; returns the score
/// and why it stopped.
fn receive(
    socket: &UdpSocket,
    args: &Args,
    local: SocketAddr,
) -> anyhow::Result<(Scoreboard, String)> {
    // A read timeout wakes the loop up to look at Ctrl-C and the idle timeout.
    socket
        .set_read_timeout(Some(POLL))
        .with_context(|| t!("multicast-listener.setting-timeout"))?;
    let (group, port) = (args.group, local.port());
    say!("recv", "multicast-listener.waiting", group, port);
    let mut board = Scoreboard::default();
    let mut buffer = vec![0u8; datagram::RECV_BUFFER];
    let mut stop = course::Stop::on_ctrl_c(args.count, args.idle_timeout);
    let reason = loop {
        if let Some(reason) = stop.why(board.datagrams) {
            break reason;
        }
        // One recv_from, one datagram: its bytes, and the address of the sender.
        let (len, from) = match socket.recv_from(&mut buffer) {
            Ok(received) => received,
            Err(error) if datagram::is_timeout(&error) => continue,
            // An ICMP "port unreachable" for an earlier datagram (Windows, on any UDP socket).
            Err(error) if datagram::is_port_unreachable(&error) => continue,
            Err(error) => {
                return Err(error).with_context(|| t!("multicast-listener.receiving", local));
            }
        };
        stop.arrived();
        let shown = board.show(from, &buffer[..len]);
        // Anyone can send to a group: a number that makes no sense is said once per run.
        if let Some(doubt) = shown.doubt {
            narrate!(t!("multicast-listener.label.doubt"), "{doubt}");
        }
        match course::write_stdout(format!("{}\n", shown.line).as_bytes()) {
            Ok(()) => {}
            // `| head` closed stdout: the run ends here; leave the group and print the score.
            Err(error) if course::is_stdout_closed(&error) => {
                break t!("multicast-listener.stdout-closed");
            }
            Err(error) => return Err(error),
        }
    };
    Ok((board, reason))
}
// ANCHOR_END: recv

// ANCHOR: leave
/// Leaves the group: the OS tells the network it no longer wants the group here. Closing the
/// socket would do it too; leaving explicitly shows the other half of the join.
fn leave(socket: &UdpSocket, group: IpAddr, interface: Interface) -> anyhow::Result<()> {
    match (group, interface) {
        (IpAddr::V4(group), Interface::V4(address)) => socket.leave_multicast_v4(&group, &address),
        (IpAddr::V6(group), Interface::V6(index)) => socket.leave_multicast_v6(&group, index),
        _ => unreachable!("course::multicast_choice returns the group's family"),
    }
    .with_context(|| t!("multicast-listener.leaving", group))?;
    say!("leave", "multicast-listener.member", group, interface);
    Ok(())
}
// ANCHOR_END: leave

/// The context of a socket option that could not be set: "setting SO_REUSEADDR".
fn setting(option: &str) -> String {
    t!("multicast-listener.setting", option)
}
