//! One line per packet, in the column format of the programs' narration: a first word padded
//! to 8 columns (the protocol), the time since the first packet, who to whom, then what the
//! lesson looks at.
//!
//! ```text
//! TCP       0.000000 127.0.0.1:40214 -> 127.0.0.1:7878  SYN seq=0 len=0
//! UDP       0.000731 127.0.0.1:52301 -> 127.0.0.1:7879  len=46 SEQ 0 OF 3
//! ICMP      0.000760 127.0.0.1 -> 127.0.0.1  port unreachable, about UDP 127.0.0.1:52301 -> 127.0.0.1:7879 len=46 SEQ 0 OF 3
//! ```
//!
//! In the language of the run: the protocols' own words (flags, `len=`, `SEQ`, ICMP's message
//! names, IGMP's join and leave) are the same in every language, the sentences around them are
//! translated (`port unreachable, em resposta a UDP ...`).

use std::fmt::Write as _;
use std::time::Duration;

use crate::Event;
use course::t;

use crate::membership::{Change, Membership};
use crate::packet::{Datagram, Fragment, Icmp, Kind, Packet, Segment};

/// The line for one packet.
pub fn line(event: &Event) -> String {
    let packet = &event.packet;
    format!(
        "{:<8} {:>9} {} -> {}  {}",
        word(packet),
        seconds(event.time),
        packet.source,
        packet.destination,
        details(packet)
    )
}

/// Seconds with six decimals, as tcpdump and Wireshark show times: `0.000731`.
pub fn seconds(time: Duration) -> String {
    format!("{}.{:06}", time.as_secs(), time.subsec_micros())
}

/// The first word: the protocol.
pub fn word(packet: &Packet) -> &'static str {
    let v6 = packet.source.ip.is_ipv6();
    match &packet.kind {
        Kind::Tcp(_) => "TCP",
        Kind::Udp(_) => "UDP",
        Kind::Icmp(icmp) if icmp.v6 => "ICMPv6",
        Kind::Icmp(_) => "ICMP",
        Kind::Membership(_) if v6 => "MLD",
        Kind::Membership(_) => "IGMP",
        Kind::Fragment { .. } | Kind::Other { .. } if v6 => "IPv6",
        Kind::Fragment { .. } | Kind::Other { .. } => "IPv4",
    }
}

/// What follows the addresses.
pub fn details(packet: &Packet) -> String {
    let mut text = match &packet.kind {
        Kind::Tcp(segment) => tcp(segment),
        Kind::Udp(datagram) => udp(datagram),
        Kind::Icmp(icmp) => self::icmp(icmp),
        Kind::Membership(membership) => self::membership(membership),
        Kind::Fragment { protocol } => t!("wire.packet.fragment-of", protocol),
        Kind::Other { protocol } => t!("wire.packet.protocol", protocol),
    };
    if let Some(fragment) = packet.fragment {
        let _ = write!(text, " ({})", fragment_text(fragment));
    }
    text
}

/// `SYN seq=0 len=0`, `PSH-ACK seq=1 ack=1 len=6`.
pub fn tcp(segment: &Segment) -> String {
    let flags = match segment.flags.is_empty() {
        true => t!("wire.packet.no-flags"),
        false => segment.flags.to_string(),
    };
    let mut text = format!("{flags} seq={}", segment.relative_seq);
    if let Some(ack) = segment.relative_ack {
        let _ = write!(text, " ack={ack}");
    }
    let _ = write!(text, " len={}", segment.len);
    text
}

/// `len=46 SEQ 0 OF 3`: bytes of data, and the course's header when there is one.
pub fn udp(datagram: &Datagram) -> String {
    let mut text = format!("len={}", datagram.len);
    if let Some(header) = datagram.header {
        let _ = write!(text, " SEQ {}", header.seq);
        if let Some(total) = header.total {
            let _ = write!(text, " OF {total}");
        }
    }
    text
}

/// `port unreachable, about UDP 127.0.0.1:52301 -> 127.0.0.1:7879 len=46 SEQ 0`.
pub fn icmp(icmp: &Icmp) -> String {
    let message = icmp.name();
    let Some(about) = &icmp.about else {
        return message;
    };
    let (word, source, destination) = (word(about), about.source, about.destination);
    let details = details(about);
    t!(
        "wire.packet.about",
        message,
        word,
        source,
        destination,
        details
    )
}

/// `IGMPv3 join 239.255.78.78`.
pub fn membership(membership: &Membership) -> String {
    let changes: Vec<String> = membership.changes.iter().map(change).collect();
    let text = format!("{} {}", membership.protocol, changes.join(", "));
    match membership.more {
        0 => text,
        more => t!("wire.packet.more-groups", text, more),
    }
}

/// What a membership message says about one group: `join 239.255.78.78`.
fn change(change: &Change) -> String {
    match *change {
        Change::Join { group, from: 0 } => t!("wire.membership.join", group),
        Change::Join { group, from } => t!("wire.membership.join-from", group, sources = from),
        Change::Leave { group } => t!("wire.membership.leave", group),
        Change::Member { group } => t!("wire.membership.member", group),
        Change::Allow { group, sources } => t!("wire.membership.allow", group, sources),
        Change::Block { group, sources } => t!("wire.membership.block", group, sources),
        Change::Query { group: Some(group) } => t!("wire.membership.query", group),
        Change::Query { group: None } => t!("wire.membership.query-all"),
        Change::Unknown { type_u8 } => t!("wire.membership.unknown", number = type_u8),
    }
}

/// `IP fragment id 7: bytes 0-1479, more follow`.
fn fragment_text(fragment: Fragment) -> String {
    let end = (fragment.offset as usize + fragment.len).saturating_sub(1);
    let (id, start) = (fragment.id, fragment.offset);
    match fragment.more {
        true => t!("wire.packet.fragment", id, start, end),
        false => t!("wire.packet.last-fragment", id, start, end),
    }
}
