//! The link layer: what comes before the IP header in each captured frame.
//!
//! A capture file names its link type once (pcap) or per interface (pcapng), and the bytes
//! before the IP header differ with it: an Ethernet header on Linux `lo`, a "cooked" header
//! with `tcpdump -i any`, a 4-byte address family on macOS `lo0`, nothing at all for raw IP.
//! A reader that assumed Ethernet would read a macOS capture as garbage.

use etherparse::EtherType;

/// The link types `wire` reads, by their LINKTYPE_ numbers (tcpdump.org/linktypes.html).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// LINKTYPE_ETHERNET (1): Linux `lo` (all-zero MAC addresses), and every Ethernet card.
    Ethernet,
    /// LINKTYPE_NULL (0): BSD loopback, macOS `lo0`; a 4-byte address family in the byte order
    /// of the machine that captured.
    Null,
    /// LINKTYPE_LOOP (108): OpenBSD loopback; the same family, in network byte order.
    Loop,
    /// LINKTYPE_LINUX_SLL (113): Linux "cooked" capture v1, `tcpdump -i any`.
    LinuxSll,
    /// LINKTYPE_LINUX_SLL2 (276): Linux cooked capture v2, newer tcpdump `-i any`.
    LinuxSll2,
    /// LINKTYPE_RAW (101, and the old DLT_RAW numbers 12 and 14): an IPv4 or IPv6 header first.
    Raw,
    /// LINKTYPE_IPV4 (228): an IPv4 header first.
    Ipv4,
    /// LINKTYPE_IPV6 (229): an IPv6 header first.
    Ipv6,
}

/// The link types `wire` reads, for hints.
pub fn supported() -> String {
    course::t!("wire.file.links")
}

impl Link {
    /// The link type of a LINKTYPE_ number, or `None` for one `wire` does not read.
    pub fn from_number(number: u32) -> Option<Link> {
        Some(match number {
            0 => Link::Null,
            1 => Link::Ethernet,
            12 | 14 | 101 => Link::Raw,
            108 => Link::Loop,
            113 => Link::LinuxSll,
            228 => Link::Ipv4,
            229 => Link::Ipv6,
            276 => Link::LinuxSll2,
            _ => return None,
        })
    }

    /// The LINKTYPE_ number, as written in a capture file.
    pub fn number(self) -> u32 {
        match self {
            Link::Null => 0,
            Link::Ethernet => 1,
            Link::Raw => 101,
            Link::Loop => 108,
            Link::LinuxSll => 113,
            Link::Ipv4 => 228,
            Link::Ipv6 => 229,
            Link::LinuxSll2 => 276,
        }
    }

    /// The name tcpdump and Wireshark give it.
    pub fn name(self) -> &'static str {
        match self {
            Link::Ethernet => "Ethernet",
            Link::Null => "BSD loopback (NULL)",
            Link::Loop => "OpenBSD loopback (LOOP)",
            Link::LinuxSll => "Linux cooked (SLL)",
            Link::LinuxSll2 => "Linux cooked v2 (SLL2)",
            Link::Raw => "raw IP",
            Link::Ipv4 => "raw IPv4",
            Link::Ipv6 => "raw IPv6",
        }
    }

    /// Splits a frame into the type of what it carries (an EtherType) and those bytes.
    /// The error says, in a few words, why the frame carries nothing `wire` can read.
    pub fn network(self, frame: &[u8]) -> Result<(EtherType, &[u8]), String> {
        let cut = |needed: usize| {
            let (link, got) = (self.name(), frame.len());
            course::t!("wire.unreadable.header-cut", link, got, needed)
        };
        match self {
            // Destination MAC (6), source MAC (6), EtherType (2).
            Link::Ethernet => split(frame, 12, 14).ok_or_else(|| cut(14)),
            // Packet type (2), ARPHRD type (2), address length (2), address (8), protocol (2).
            Link::LinuxSll => split(frame, 14, 16).ok_or_else(|| cut(16)),
            // Protocol (2), reserved (2), interface index (4), ARPHRD type (2), packet type (1),
            // address length (1), address (8).
            Link::LinuxSll2 => split(frame, 0, 20).ok_or_else(|| cut(20)),
            Link::Null | Link::Loop => {
                let family: Option<[u8; 4]> = frame.get(..4).and_then(|b| b.try_into().ok());
                let family = family.ok_or_else(|| cut(4))?;
                let rest = &frame[4..];
                let ether_type = bsd_family(self, family, rest)?;
                Ok((ether_type, rest))
            }
            Link::Raw => match frame.first().map(|byte| byte >> 4) {
                Some(4) => Ok((EtherType::IPV4, frame)),
                Some(6) => Ok((EtherType::IPV6, frame)),
                Some(version) => Err(course::t!("wire.unreadable.raw-version", version)),
                None => Err(course::t!("wire.unreadable.empty")),
            },
            Link::Ipv4 => Ok((EtherType::IPV4, frame)),
            Link::Ipv6 => Ok((EtherType::IPV6, frame)),
        }
    }
}

/// The EtherType at `at` (2 bytes, network order) and what follows the header of `len` bytes.
fn split(frame: &[u8], at: usize, len: usize) -> Option<(EtherType, &[u8])> {
    let bytes = frame.get(at..at + 2)?;
    let rest = frame.get(len..)?;
    Some((EtherType(u16::from_be_bytes([bytes[0], bytes[1]])), rest))
}

/// BSD loopback's address family: AF_INET is 2 everywhere, AF_INET6 is 24 (NetBSD, OpenBSD),
/// 28 (FreeBSD) or 30 (macOS). NULL stores it in the capturing machine's byte order, which the
/// file does not say: a small number read one way is a huge one read the other.
fn bsd_family(link: Link, family: [u8; 4], rest: &[u8]) -> Result<EtherType, String> {
    let value = match link {
        Link::Loop => u32::from_be_bytes(family),
        _ => u32::from_le_bytes(family).min(u32::from_be_bytes(family)),
    };
    match value {
        2 => Ok(EtherType::IPV4),
        24 | 28 | 30 => Ok(EtherType::IPV6),
        // Another system's number: the IP header says its own version.
        _ => match rest.first().map(|byte| byte >> 4) {
            Some(4) => Ok(EtherType::IPV4),
            Some(6) => Ok(EtherType::IPV6),
            _ => Err(course::t!("wire.unreadable.bsd-family", family = value)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_link_type_finds_the_ip_header() {
        let ip = [0x45u8, 0, 0, 20];
        let mut ethernet = vec![0u8; 12];
        ethernet.extend_from_slice(&[0x08, 0x00]);
        ethernet.extend_from_slice(&ip);
        assert_eq!(
            Link::Ethernet.network(&ethernet),
            Ok((EtherType::IPV4, &ip[..]))
        );
        let mut sll = vec![0u8; 14];
        sll.extend_from_slice(&[0x86, 0xdd]);
        sll.extend_from_slice(&ip);
        assert_eq!(Link::LinuxSll.network(&sll), Ok((EtherType::IPV6, &ip[..])));
        let mut sll2 = vec![0x08, 0x00];
        sll2.resize(20, 0);
        sll2.extend_from_slice(&ip);
        assert_eq!(
            Link::LinuxSll2.network(&sll2),
            Ok((EtherType::IPV4, &ip[..]))
        );
        for (link, family) in [
            (Link::Null, [2, 0, 0, 0]),
            (Link::Null, [0, 0, 0, 2]),
            (Link::Loop, [0, 0, 0, 2]),
        ] {
            let frame = [&family[..], &ip[..]].concat();
            assert_eq!(link.network(&frame), Ok((EtherType::IPV4, &ip[..])));
        }
        for family in [[30, 0, 0, 0], [0, 0, 0, 28], [24, 0, 0, 0]] {
            let frame = [&family[..], &[0x60u8][..]].concat();
            assert_eq!(Link::Null.network(&frame).unwrap().0, EtherType::IPV6);
        }
        assert_eq!(Link::Raw.network(&ip), Ok((EtherType::IPV4, &ip[..])));
        // The family decides, in either byte order, not the version in the IP header.
        for family in [[0, 0, 0, 28], [28, 0, 0, 0]] {
            let frame = [&family[..], &ip[..]].concat();
            assert_eq!(Link::Null.network(&frame).unwrap().0, EtherType::IPV6);
        }
    }

    #[test]
    fn short_or_foreign_frames_say_why() {
        // In the language of the test's run (its locale), with the numbers that say why.
        use course::t;
        assert_eq!(
            Link::Ethernet.network(&[0; 13]).unwrap_err(),
            t!(
                "wire.unreadable.header-cut",
                link = "Ethernet",
                got = 13,
                needed = 14
            )
        );
        assert_eq!(
            Link::Null.network(&[7, 0, 0, 0, 0x10]).unwrap_err(),
            t!("wire.unreadable.bsd-family", family = 7)
        );
        assert_eq!(
            Link::Raw.network(&[0x20]).unwrap_err(),
            t!("wire.unreadable.raw-version", version = 2)
        );
        assert!(Link::Raw.network(&[]).is_err());
        assert_eq!(Link::from_number(147), None);
        for link in [
            Link::Ethernet,
            Link::Null,
            Link::Loop,
            Link::LinuxSll,
            Link::LinuxSll2,
            Link::Raw,
            Link::Ipv4,
            Link::Ipv6,
        ] {
            assert_eq!(Link::from_number(link.number()), Some(link));
        }
    }
}
