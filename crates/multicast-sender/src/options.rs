//! The multicast options as the OS reports them back, with what they mean.

use std::net::{SocketAddr, UdpSocket};

use anyhow::Context;
use course::{MulticastInterface as Interface, narrate};

/// Narrates the multicast options as the OS reports them back, with what they mean.
pub fn narrate_options(
    socket: &UdpSocket,
    interface: Interface,
    group: SocketAddr,
) -> anyhow::Result<()> {
    let (ttl, looped, name) = match interface {
        Interface::V4(address) => {
            narrate!(
                "option",
                "IP_MULTICAST_IF {address}: datagrams to {} leave through this interface",
                group.ip()
            );
            (
                socket
                    .multicast_ttl_v4()
                    .context("reading IP_MULTICAST_TTL")?,
                socket
                    .multicast_loop_v4()
                    .context("reading IP_MULTICAST_LOOP")?,
                ("IP_MULTICAST_TTL", "IP_MULTICAST_LOOP", "TTL"),
            )
        }
        Interface::V6(index) => {
            narrate!(
                "option",
                "IPV6_MULTICAST_IF {index}: datagrams to {} leave through interface {index}",
                group.ip()
            );
            // std has no getter for the IPv6 hop limit of multicast; socket2 reads it.
            let socket = socket2::SockRef::from(socket);
            (
                socket
                    .multicast_hops_v6()
                    .context("reading IPV6_MULTICAST_HOPS")?,
                socket
                    .multicast_loop_v6()
                    .context("reading IPV6_MULTICAST_LOOP")?,
                ("IPV6_MULTICAST_HOPS", "IPV6_MULTICAST_LOOP", "hop limit"),
            )
        }
    };
    let meaning = match ttl {
        0 => "it does not even leave this host".to_string(),
        1 => "routers do not forward it; it stays on this link".to_string(),
        n => format!(
            "up to {} routers may forward it, if they route multicast",
            n - 1
        ),
    };
    narrate!(
        "option",
        "{} {ttl}, read back from the socket ({} {ttl}: {meaning})",
        name.0,
        name.2
    );
    narrate!("option", "{} {}", name.1, loop_meaning(looped));
    if let Some(note) = loop_note(looped, interface) {
        narrate!("note", "{note}");
    }
    Ok(())
}

/// What `IP_MULTICAST_LOOP` on or off means for this machine's listeners.
fn loop_meaning(looped: bool) -> &'static str {
    if looped {
        "on: listeners on this machine get a copy too"
    } else if cfg!(windows) {
        // Windows applies the option to the receiving side of each socket, not to what a
        // sender sends (Microsoft's IP_MULTICAST_LOOP documentation).
        "off: Windows reads this option on receiving sockets only, so listeners on this machine \
         still get a copy"
    } else {
        "off: listeners on this machine get no copy"
    }
}

/// A note when loopback's own delivery overrides the option: on Linux, datagrams that leave by
/// the loopback interface come back in by it, to every listener joined there, whatever the
/// option says. (macOS sends nothing out by the loopback interface: there the copy is all.)
fn loop_note(looped: bool, interface: Interface) -> Option<&'static str> {
    match interface {
        Interface::V4(address) if !looped && address.is_loopback() && cfg!(target_os = "linux") => {
            Some(
                "but the datagrams leave by the loopback interface, whose wire ends on this \
                 machine: Linux delivers them to the listeners joined there all the same. The \
                 option matters on a real interface (see scripts/lab-multicast-netns)",
            )
        }
        _ => None,
    }
}
