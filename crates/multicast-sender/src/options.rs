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
    if looped {
        narrate!(
            "option",
            "{} on: listeners on this machine get a copy too",
            name.1
        );
    } else {
        narrate!(
            "option",
            "{} off: listeners on this machine will not get it (Linux and macOS apply this on \
             the sender; Windows applies it on the receiving side instead)",
            name.1
        );
        if matches!(interface, Interface::V4(address) if address.is_loopback()) {
            // Seen on Linux: the loopback interface delivers what it "sends" to this host.
            narrate!(
                "note",
                "but the datagrams leave by the loopback interface, whose wire ends on this \
                 machine: its listeners still get them. Try --no-loop between two machines"
            );
        }
    }
    Ok(())
}
