//! Which packets to show: by default the course's traffic, so that a capture of a busy
//! loopback (or of `-i any`) still reads as the lesson.

use std::net::IpAddr;

use crate::packet::{Kind, Packet};

/// The course's ports: the TCP echo server, the UDP receiver, the multicast group, the relay.
pub const COURSE_PORTS: [u16; 4] = [
    course::TCP_PORT,
    course::UDP_PORT,
    course::MULTICAST_PORT,
    course::RELAY_PORT,
];

/// Which packets to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// TCP and UDP to or from the course's ports or sent to its multicast group, the ICMP
    /// errors about them, and every IGMP and MLD message.
    Course,
    /// TCP and UDP to or from these ports, and the ICMP errors about them.
    Ports(Vec<u16>),
    /// Every packet.
    All,
}

impl Filter {
    /// Whether `packet` is shown.
    pub fn shows(&self, packet: &Packet) -> bool {
        if *self == Filter::All {
            return true;
        }
        match &packet.kind {
            Kind::Tcp(_) | Kind::Udp(_) => self.has_port_or_group(packet),
            Kind::Icmp(icmp) => icmp
                .about
                .as_deref()
                .is_some_and(|about| self.has_port_or_group(about)),
            Kind::Membership(_) => *self == Filter::Course,
            // Later fragments are shown when their first fragment was (see `Wire`).
            Kind::Fragment { .. } | Kind::Other { .. } => false,
        }
    }

    /// Why a packet was not shown, for the summary.
    pub fn hidden_reason(&self) -> String {
        match self {
            Filter::Course => course::t!("wire.hidden.course"),
            Filter::Ports(ports) => {
                let ports: Vec<String> = ports.iter().map(u16::to_string).collect();
                course::t!("wire.hidden.ports", ports = ports.join(", "))
            }
            Filter::All => course::t!("wire.hidden"),
        }
    }

    fn has_port_or_group(&self, packet: &Packet) -> bool {
        let ports: &[u16] = match self {
            Filter::Course => &COURSE_PORTS,
            Filter::Ports(ports) => ports,
            Filter::All => return true,
        };
        let has = |port: Option<u16>| port.is_some_and(|port| ports.contains(&port));
        has(packet.source.port)
            || has(packet.destination.port)
            || (*self == Filter::Course
                && packet.destination.ip == IpAddr::V4(course::MULTICAST_GROUP_V4))
    }
}
