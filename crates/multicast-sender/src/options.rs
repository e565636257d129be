//! The multicast options as the OS reports them back, with what they mean.

use std::net::{SocketAddr, UdpSocket};

use anyhow::Context;
use course::{MulticastInterface as Interface, narrate, say, t};

/// Narrates the multicast options as the OS reports them back, with what they mean.
pub fn narrate_options(
    socket: &UdpSocket,
    interface: Interface,
    group: SocketAddr,
) -> anyhow::Result<()> {
    let label = t!("multicast-sender.label.option");
    let reading = |option: &str| t!("multicast-sender.reading", option);
    let group = group.ip();
    let (ttl, looped, name) = match interface {
        Interface::V4(address) => {
            say!(&label, "multicast-sender.option-if-v4", address, group);
            (
                (socket.multicast_ttl_v4()).with_context(|| reading("IP_MULTICAST_TTL"))?,
                (socket.multicast_loop_v4()).with_context(|| reading("IP_MULTICAST_LOOP"))?,
                ("IP_MULTICAST_TTL", "IP_MULTICAST_LOOP", "TTL".to_string()),
            )
        }
        Interface::V6(index) => {
            say!(&label, "multicast-sender.option-if-v6", index, group);
            // std has no getter for the IPv6 hop limit of multicast; socket2 reads it.
            let socket = socket2::SockRef::from(socket);
            (
                (socket.multicast_hops_v6()).with_context(|| reading("IPV6_MULTICAST_HOPS"))?,
                (socket.multicast_loop_v6()).with_context(|| reading("IPV6_MULTICAST_LOOP"))?,
                (
                    "IPV6_MULTICAST_HOPS",
                    "IPV6_MULTICAST_LOOP",
                    t!("multicast-sender.hop-limit"),
                ),
            )
        }
    };
    let meaning = match ttl {
        0 => t!("multicast-sender.ttl-0"),
        1 => t!("multicast-sender.ttl-1"),
        n => t!("multicast-sender.ttl-n", routers = n - 1),
    };
    say!(
        &label,
        "multicast-sender.option-ttl",
        option = name.0,
        ttl,
        name = name.2,
        meaning,
    );
    narrate!(&label, "{} {}", name.1, loop_meaning(looped));
    if let Some(note) = loop_note(looped, interface) {
        narrate!(t!("multicast-sender.label.note"), "{note}");
    }
    Ok(())
}

/// What `IP_MULTICAST_LOOP` on or off means for this machine's listeners.
fn loop_meaning(looped: bool) -> String {
    if looped {
        t!("multicast-sender.loop-on")
    } else if cfg!(windows) {
        // Windows applies the option to the receiving side of each socket, not to what a
        // sender sends (Microsoft's IP_MULTICAST_LOOP documentation).
        t!("multicast-sender.loop-off-windows")
    } else {
        t!("multicast-sender.loop-off")
    }
}

/// A note when loopback's own delivery overrides the option: on Linux, datagrams that leave by
/// the loopback interface come back in by it, to every listener joined there, whatever the
/// option says. (macOS sends nothing out by the loopback interface: there the copy is all.)
fn loop_note(looped: bool, interface: Interface) -> Option<String> {
    match interface {
        Interface::V4(address) if !looped && address.is_loopback() && cfg!(target_os = "linux") => {
            Some(t!("multicast-sender.loop-note-linux"))
        }
        _ => None,
    }
}

/// The context of a socket option that could not be set: "setting IP_MULTICAST_TTL 1".
pub fn setting(option: impl std::fmt::Display) -> String {
    t!("multicast-sender.setting", option)
}
