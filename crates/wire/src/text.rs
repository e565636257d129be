//! One line per packet, in the column format of the programs' narration: a first word padded
//! to 8 columns (the protocol), the time since the first packet, who to whom, then what the
//! lesson looks at.
//!
//! ```text
//! TCP       0.000000 127.0.0.1:40214 -> 127.0.0.1:7878  SYN seq=0 len=0
//! UDP       0.000731 127.0.0.1:52301 -> 127.0.0.1:7879  len=46 SEQ 0 OF 3
//! ICMP      0.000760 127.0.0.1 -> 127.0.0.1  port unreachable, about UDP 127.0.0.1:52301 -> 127.0.0.1:7879 len=46 SEQ 0 OF 3
//! ```

use std::fmt::Write as _;
use std::time::Duration;

use crate::Event;
use crate::membership::Membership;
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
        Kind::Fragment { protocol } => format!("fragment of an IP protocol {protocol} packet"),
        Kind::Other { protocol } => format!("IP protocol {protocol}"),
    };
    if let Some(fragment) = packet.fragment {
        let _ = write!(text, " ({})", fragment_text(fragment));
    }
    text
}

/// `SYN seq=0 len=0`, `PSH-ACK seq=1 ack=1 len=6`.
pub fn tcp(segment: &Segment) -> String {
    let mut text = format!("{} seq={}", segment.flags, segment.relative_seq);
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
    let mut text = icmp.name();
    if let Some(about) = &icmp.about {
        let _ = write!(
            text,
            ", about {} {} -> {} {}",
            word(about),
            about.source,
            about.destination,
            details(about)
        );
    }
    text
}

/// `IGMPv3 join 239.255.78.78`.
pub fn membership(membership: &Membership) -> String {
    let changes: Vec<String> = membership.changes.iter().map(ToString::to_string).collect();
    let mut text = format!("{} {}", membership.protocol, changes.join(", "));
    if membership.more > 0 {
        let _ = write!(text, " and {} more groups", membership.more);
    }
    text
}

/// `IP fragment: bytes 0-1479, more follow`.
fn fragment_text(fragment: Fragment) -> String {
    let end = (fragment.offset as usize + fragment.len).saturating_sub(1);
    let more = if fragment.more {
        "more follow"
    } else {
        "the last"
    };
    format!(
        "IP fragment id {}: bytes {}-{end}, {more}",
        fragment.id, fragment.offset
    )
}
