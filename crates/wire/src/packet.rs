//! One packet, decoded from its IP header down with `etherparse`: who sent it to whom, and
//! what it carries (a TCP segment, a UDP datagram, an ICMP message, a multicast membership).
//!
//! The parsing is lax on purpose: a packet cut short by the capture (its `snaplen`) still
//! shows its headers, and the lengths come from the IP header, not from the bytes captured.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use etherparse::{
    EtherType, Icmpv4Slice, Icmpv6Slice, IpNumber, LaxIpPayloadSlice, LaxNetSlice, LaxSlicedPacket,
    TcpSlice, TransportSlice, UdpSlice,
};

use course::t;

use crate::membership::{self, Membership};

/// One end of a packet: an IP address, and a port for TCP and UDP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Endpoint {
    pub ip: IpAddr,
    pub port: Option<u16>,
}

impl fmt::Display for Endpoint {
    /// `127.0.0.1:7878`, `[::1]:7878`, or the address alone when there is no port.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.ip, self.port) {
            (IpAddr::V6(ip), Some(port)) => write!(f, "[{ip}]:{port}"),
            (ip, Some(port)) => write!(f, "{ip}:{port}"),
            (ip, None) => write!(f, "{ip}"),
        }
    }
}

/// A decoded packet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packet {
    pub source: Endpoint,
    pub destination: Endpoint,
    pub kind: Kind,
    /// Set when the IP layer cut this packet into fragments and this is one of them.
    pub fragment: Option<Fragment>,
}

/// What a packet carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Tcp(Segment),
    Udp(Datagram),
    Icmp(Icmp),
    Membership(Membership),
    /// A fragment after the first: its TCP or UDP header travelled in the first one.
    Fragment {
        protocol: u8,
    },
    /// Any other IP protocol, by number.
    Other {
        protocol: u8,
    },
}

/// An IP fragment: a piece of a packet larger than the link's MTU (macOS `lo0`: 16384 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fragment {
    /// The identification shared by the pieces of one packet.
    pub id: u32,
    /// Where this piece starts in the original payload, in bytes.
    pub offset: u32,
    /// Whether more pieces follow.
    pub more: bool,
    /// The bytes of payload in this piece.
    pub len: usize,
}

/// A TCP segment's header fields that the lesson talks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub flags: Flags,
    /// The sequence number as sent (random at the start of each connection).
    pub seq: u32,
    /// The acknowledgement number as sent (meaningful when the ACK flag is set).
    pub ack: u32,
    /// Sequence and acknowledgement numbers counted from the start of the connection, as
    /// Wireshark shows them; filled in by [`crate::tcp::Connections`].
    pub relative_seq: u32,
    pub relative_ack: Option<u32>,
    /// The advertised receive window, before any scaling.
    pub window: u16,
    /// Bytes of data (payload) in the segment.
    pub len: usize,
}

/// The TCP flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags {
    pub syn: bool,
    pub fin: bool,
    pub rst: bool,
    pub psh: bool,
    pub ack: bool,
    pub urg: bool,
}

impl Flags {
    /// No flag set.
    pub fn is_empty(&self) -> bool {
        *self == Flags::default()
    }
}

impl fmt::Display for Flags {
    /// `SYN`, `SYN-ACK`, `PSH-ACK`, `FIN-ACK`, `RST`...: the flags that are set.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = [
            (self.syn, "SYN"),
            (self.fin, "FIN"),
            (self.rst, "RST"),
            (self.psh, "PSH"),
            (self.urg, "URG"),
            (self.ack, "ACK"),
        ];
        let set: Vec<&str> = names
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, n)| *n)
            .collect();
        // The diagram's words, the same in every language (the lines say it in theirs).
        if set.is_empty() {
            f.write_str("no flags")
        } else {
            f.write_str(&set.join("-"))
        }
    }
}

/// A UDP datagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Datagram {
    /// The header's Length field: 8 bytes of header plus the data.
    pub length: u16,
    /// Bytes of data, from the Length field.
    pub len: usize,
    /// The course's numbering line (`SEQ n ...`) at the start of the data, if there is one.
    pub header: Option<datagram::Header>,
}

/// An ICMP or ICMPv6 message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Icmp {
    pub v6: bool,
    pub type_u8: u8,
    pub code: u8,
    /// For an error (such as port unreachable): the start of the packet that caused it,
    /// which the error quotes.
    pub about: Option<Box<Packet>>,
}

impl Icmp {
    /// The message's name, such as `port unreachable` or `echo request`.
    pub fn name(&self) -> String {
        let name = match (self.v6, self.type_u8, self.code) {
            (false, 3, 3) | (true, 1, 4) => "port unreachable",
            (false, 3, 0) | (true, 1, 0) => "network unreachable",
            (false, 3, 1) | (true, 1, 3) => "host unreachable",
            (false, 3, 2) => "protocol unreachable",
            (false, 3, 4) => "fragmentation needed",
            (false, 3, _) | (true, 1, _) => "destination unreachable",
            (true, 2, _) => "packet too big",
            (false, 11, _) | (true, 3, _) => "time exceeded",
            (false, 8, _) | (true, 128, _) => "echo request",
            (false, 0, _) | (true, 129, _) => "echo reply",
            (true, 133, _) => "router solicitation",
            (true, 134, _) => "router advertisement",
            (true, 135, _) => "neighbor solicitation",
            (true, 136, _) => "neighbor advertisement",
            (v6, type_u8, code) => {
                let icmp = if v6 { "ICMPv6" } else { "ICMP" };
                return format!("{icmp} type {type_u8} code {code}");
            }
        };
        name.to_string()
    }

    /// Errors quote the packet that caused them (RFC 792, RFC 4443).
    fn is_error(v6: bool, type_u8: u8) -> bool {
        match v6 {
            false => matches!(type_u8, 3 | 4 | 5 | 11 | 12),
            true => type_u8 < 128,
        }
    }
}

/// Why a packet could not be decoded: a short reason, the same for packets that fail the
/// same way (the summary counts by it), and the parser's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub reason: String,
    pub detail: Option<String>,
}

impl Unreadable {
    fn new(reason: impl Into<String>) -> Unreadable {
        Unreadable {
            reason: reason.into(),
            detail: None,
        }
    }
}

/// Decodes what follows the link header: `ether_type` says what it is. `missing` is how many
/// bytes the capture left out at the end of the frame (its snaplen), for the true lengths.
pub fn decode(ether_type: EtherType, bytes: &[u8], missing: usize) -> Result<Packet, Unreadable> {
    let sliced = LaxSlicedPacket::from_ether_type(ether_type, bytes);
    let Some(net) = &sliced.net else {
        return Err(match &sliced.stop_err {
            Some(stop) => unparsed(stop),
            None if ether_type == EtherType::ARP => Unreadable::new(t!("wire.unreadable.arp")),
            None => {
                let number = format!("0x{:04x}", ether_type.0);
                Unreadable::new(t!("wire.unreadable.ether-type", number))
            }
        });
    };
    let Some((addresses, payload)) = addresses(net) else {
        return Err(Unreadable::new(t!("wire.unreadable.arp")));
    };
    let fragment = match net {
        LaxNetSlice::Ipv4(ipv4) => {
            let header = ipv4.header();
            header.is_fragmenting_payload().then(|| Fragment {
                id: header.identification().into(),
                offset: u32::from(u16::from(header.fragments_offset())) * 8,
                more: header.more_fragments(),
                len: payload.payload.len() + missing,
            })
        }
        LaxNetSlice::Ipv6(ipv6) => ipv6_fragment(ipv6.extensions().clone(), payload, missing),
        LaxNetSlice::Arp(_) => None,
    };
    let kind = match (&sliced.transport, fragment, &sliced.stop_err) {
        (Some(transport), _, _) => transport_kind(transport, missing)?,
        (None, Some(piece), _) => return Ok(first_or_later(addresses, payload, piece)),
        (None, None, Some(stop)) => return Err(unparsed(stop)),
        (None, None, None) => Kind::Other {
            protocol: payload.ip_number.0,
        },
    };
    let ports = ports(sliced.transport.as_ref());
    Ok(assemble(addresses, ports, kind, fragment))
}

/// The source and destination addresses, and the payload, of an IPv4 or IPv6 packet.
fn addresses<'a>(
    net: &'a LaxNetSlice<'_>,
) -> Option<((IpAddr, IpAddr), &'a LaxIpPayloadSlice<'a>)> {
    Some(match net {
        LaxNetSlice::Ipv4(ipv4) => {
            let header = ipv4.header();
            let addresses = (
                header.source_addr().into(),
                header.destination_addr().into(),
            );
            (addresses, ipv4.payload())
        }
        LaxNetSlice::Ipv6(ipv6) => {
            let header = ipv6.header();
            let addresses = (
                header.source_addr().into(),
                header.destination_addr().into(),
            );
            (addresses, ipv6.payload())
        }
        LaxNetSlice::Arp(_) => return None,
    })
}

/// A header that stopped the parsing: the layer counts, the parser's words tell.
fn unparsed(
    (error, layer): &(etherparse::err::packet::SliceError, etherparse::err::Layer),
) -> Unreadable {
    Unreadable {
        reason: t!("wire.unreadable.layer", layer),
        detail: Some(error.to_string()),
    }
}

/// A packet from its parts; `ports` are the source and destination ports of TCP and UDP.
fn assemble(
    (source, destination): (IpAddr, IpAddr),
    ports: Option<(u16, u16)>,
    kind: Kind,
    fragment: Option<Fragment>,
) -> Packet {
    Packet {
        source: Endpoint {
            ip: source,
            port: ports.map(|(port, _)| port),
        },
        destination: Endpoint {
            ip: destination,
            port: ports.map(|(_, port)| port),
        },
        kind,
        fragment,
    }
}

fn ports(transport: Option<&TransportSlice<'_>>) -> Option<(u16, u16)> {
    match transport? {
        TransportSlice::Tcp(tcp) => Some((tcp.source_port(), tcp.destination_port())),
        TransportSlice::Udp(udp) => Some((udp.source_port(), udp.destination_port())),
        _ => None,
    }
}

fn transport_kind(transport: &TransportSlice<'_>, missing: usize) -> Result<Kind, Unreadable> {
    Ok(match transport {
        TransportSlice::Tcp(tcp) => Kind::Tcp(segment(tcp, missing)),
        TransportSlice::Udp(udp) => Kind::Udp(datagram_of(udp.length(), udp.payload())),
        TransportSlice::Icmpv4(icmp) => Kind::Icmp(icmpv4(icmp)),
        TransportSlice::Icmpv6(icmp) => match membership::mld(icmp) {
            Some(mld) => Kind::Membership(mld?),
            None => Kind::Icmp(icmpv6(icmp)),
        },
        TransportSlice::Igmp(igmp) => Kind::Membership(membership::igmp(igmp)?),
    })
}

fn segment(tcp: &TcpSlice<'_>, missing: usize) -> Segment {
    let flags = Flags {
        syn: tcp.syn(),
        fin: tcp.fin(),
        rst: tcp.rst(),
        psh: tcp.psh(),
        ack: tcp.ack(),
        urg: tcp.urg(),
    };
    Segment {
        flags,
        seq: tcp.sequence_number(),
        ack: tcp.acknowledgment_number(),
        relative_seq: tcp.sequence_number(),
        relative_ack: flags.ack.then(|| tcp.acknowledgment_number()),
        window: tcp.window_size(),
        len: tcp.payload().len() + missing,
    }
}

/// A UDP datagram from its Length field and the data captured.
fn datagram_of(length: u16, data: &[u8]) -> Datagram {
    Datagram {
        length,
        len: usize::from(length).saturating_sub(8),
        header: datagram::Header::parse(data).map(|(header, _)| header),
    }
}

fn icmpv4(icmp: &Icmpv4Slice<'_>) -> Icmp {
    let about = Icmp::is_error(false, icmp.type_u8())
        .then(|| quoted(icmp.payload()))
        .flatten();
    Icmp {
        v6: false,
        type_u8: icmp.type_u8(),
        code: icmp.code_u8(),
        about,
    }
}

fn icmpv6(icmp: &Icmpv6Slice<'_>) -> Icmp {
    let about = Icmp::is_error(true, icmp.type_u8())
        .then(|| quoted(icmp.payload()))
        .flatten();
    Icmp {
        v6: true,
        type_u8: icmp.type_u8(),
        code: icmp.code_u8(),
        about,
    }
}

/// The packet an ICMP error quotes: its IP header and at least the first 8 bytes after it,
/// enough for the ports of a UDP header (Linux quotes up to 576 bytes in all).
fn quoted(bytes: &[u8]) -> Option<Box<Packet>> {
    let ether_type = match bytes.first()? >> 4 {
        4 => EtherType::IPV4,
        6 => EtherType::IPV6,
        _ => return None,
    };
    let sliced = LaxSlicedPacket::from_ether_type(ether_type, bytes);
    let (addresses, payload) = addresses(sliced.net.as_ref()?)?;
    let kind = match &sliced.transport {
        // The ports and the course's header; anything else quoted is not decoded further.
        Some(TransportSlice::Udp(udp)) => Kind::Udp(datagram_of(udp.length(), udp.payload())),
        Some(TransportSlice::Tcp(tcp)) => Kind::Tcp(segment(tcp, 0)),
        _ => Kind::Other {
            protocol: payload.ip_number.0,
        },
    };
    let ports = ports(sliced.transport.as_ref());
    Some(Box::new(assemble(addresses, ports, kind, None)))
}

/// IPv6 keeps fragmentation in an extension header, with a 32-bit identification.
///
/// The extension headers are walked here, every length checked: etherparse 0.21's own walk
/// (`Ipv6ExtensionsSlice::into_iter`) trusts the lengths without checking them, and reads
/// past the end of a packet that lax parsing cut short (a hop-by-hop header after the first,
/// for one: the property tests found it).
fn ipv6_fragment(
    extensions: etherparse::Ipv6ExtensionsSlice<'_>,
    payload: &LaxIpPayloadSlice<'_>,
    missing: usize,
) -> Option<Fragment> {
    let mut next = extensions.first_header()?;
    let mut rest = extensions.slice();
    loop {
        // Every extension header is at least 8 bytes: the walk ends.
        let header = rest.get(..8)?;
        let length = match next {
            IpNumber::IPV6_FRAGMENTATION_HEADER => {
                let offset_and_flags = u16::from_be_bytes([header[2], header[3]]);
                let offset = u32::from(offset_and_flags >> 3) * 8;
                let more = offset_and_flags & 1 == 1;
                if offset != 0 || more {
                    return Some(Fragment {
                        id: u32::from_be_bytes([header[4], header[5], header[6], header[7]]),
                        offset,
                        more,
                        len: payload.payload.len() + missing,
                    });
                }
                8
            }
            IpNumber::IPV6_HEADER_HOP_BY_HOP
            | IpNumber::IPV6_ROUTE_HEADER
            | IpNumber::IPV6_DESTINATION_OPTIONS => (usize::from(header[1]) + 1) * 8,
            IpNumber::AUTHENTICATION_HEADER => (usize::from(header[1]) + 2) * 4,
            _ => return None,
        };
        next = IpNumber(header[0]);
        rest = rest.get(length..)?;
    }
}

/// A fragment: the first one starts with the UDP header, parsed here because etherparse
/// leaves the payload of a fragment unparsed; the later ones carry only data.
fn first_or_later(
    addresses: (IpAddr, IpAddr),
    payload: &LaxIpPayloadSlice<'_>,
    fragment: Fragment,
) -> Packet {
    let protocol = payload.ip_number;
    let udp = (fragment.offset == 0 && protocol == IpNumber::UDP)
        .then(|| UdpSlice::from_slice_lax(payload.payload).ok())
        .flatten();
    match udp {
        Some(udp) => assemble(
            addresses,
            Some((udp.source_port(), udp.destination_port())),
            Kind::Udp(datagram_of(udp.length(), udp.payload())),
            Some(fragment),
        ),
        None => {
            let kind = Kind::Fragment {
                protocol: protocol.0,
            };
            assemble(addresses, None, kind, Some(fragment))
        }
    }
}

/// IPv4 and IPv6 addresses for the membership module.
pub(crate) fn ipv4(bytes: [u8; 4]) -> IpAddr {
    IpAddr::V4(Ipv4Addr::from(bytes))
}

pub(crate) fn ipv6(bytes: [u8; 16]) -> IpAddr {
    IpAddr::V6(Ipv6Addr::from(bytes))
}
