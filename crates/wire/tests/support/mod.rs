//! Crafting captures for the tests: IP packets built with etherparse, wrapped in each link
//! type's header, written with pcap-file as pcap or pcapng.
#![allow(dead_code)]

use std::borrow::Cow;
use std::path::PathBuf;
use std::time::Duration;

use etherparse::icmpv4::DestUnreachableHeader;
use etherparse::icmpv6::DestUnreachableCode;
use etherparse::igmp::{LeaveGroupType, MembershipReportV2Type, MembershipReportV3Header};
use etherparse::{Icmpv4Type, Icmpv6Type, IgmpType, PacketBuilder};
use pcap_file::pcap::{PcapHeader, PcapPacket, PcapWriter};
use pcap_file::pcapng::PcapNgWriter;
use pcap_file::pcapng::blocks::enhanced_packet::EnhancedPacketBlock;
use pcap_file::pcapng::blocks::interface_description::{
    InterfaceDescriptionBlock, InterfaceDescriptionOption,
};
use pcap_file::{DataLink, Endianness, TsResolution};

/// An IP packet and when it was captured.
pub type Packet = (Duration, Vec<u8>);

/// 2025-11-24, so that times since the epoch look like real ones.
pub const START: Duration = Duration::from_secs(1_764_000_000);

const LOCAL: [u8; 4] = [127, 0, 0, 1];
const GROUP: [u8; 4] = [239, 255, 78, 78];
const LOOPBACK6: [u8; 16] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

fn at(micros: u64) -> Duration {
    START + Duration::from_micros(micros)
}

/// A TCP segment from 127.0.0.1:`from` to 127.0.0.1:`to`.
pub fn tcp(from: u16, to: u16, seq: u32, ack: Option<u32>, flags: &str, data: &[u8]) -> Vec<u8> {
    let mut step = PacketBuilder::ipv4(LOCAL, LOCAL, 64).tcp(from, to, seq, 65483);
    if flags.contains('S') {
        step = step.syn();
    }
    if flags.contains('F') {
        step = step.fin();
    }
    if flags.contains('R') {
        step = step.rst();
    }
    if flags.contains('P') {
        step = step.psh();
    }
    if let Some(ack) = ack {
        step = step.ack(ack);
    }
    let mut bytes = Vec::new();
    step.write(&mut bytes, data).unwrap();
    bytes
}

/// A UDP datagram between two IPv4 (or IPv6) endpoints.
pub fn udp(from: (&[u8], u16), to: (&[u8], u16), data: &[u8]) -> Vec<u8> {
    let step = match (from.0.len(), to.0.len()) {
        (4, 4) => PacketBuilder::ipv4(from.0.try_into().unwrap(), to.0.try_into().unwrap(), 64),
        _ => PacketBuilder::ipv6(from.0.try_into().unwrap(), to.0.try_into().unwrap(), 64),
    };
    let mut bytes = Vec::new();
    step.udp(from.1, to.1).write(&mut bytes, data).unwrap();
    bytes
}

/// The course's header and a short text.
pub fn numbered(seq: u64, total: Option<u64>, text: &str) -> Vec<u8> {
    let header = datagram::Header {
        seq,
        total,
        run: 0x5f2c,
        sent_micros: 1_764_000_000_000_000,
    };
    header.datagram(text.as_bytes())
}

/// ICMP port unreachable from 127.0.0.1, quoting `packet` (IPv4) whole, as Linux does.
pub fn port_unreachable(packet: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::new();
    PacketBuilder::ipv4(LOCAL, LOCAL, 64)
        .icmpv4(Icmpv4Type::DestinationUnreachable(
            DestUnreachableHeader::Port,
        ))
        .write(&mut bytes, packet)
        .unwrap();
    bytes
}

/// ICMPv6 port unreachable from ::1, quoting `packet` (IPv6).
pub fn port_unreachable6(packet: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::new();
    PacketBuilder::ipv6(LOOPBACK6, LOOPBACK6, 64)
        .icmpv6(Icmpv6Type::DestinationUnreachable(
            DestUnreachableCode::Port,
        ))
        .write(&mut bytes, packet)
        .unwrap();
    bytes
}

/// An IGMPv3 report from 0.0.0.0 to 224.0.0.22 with one record for the course's group:
/// type 4 (change to exclude nothing) is a join, 3 (change to include nothing) a leave.
pub fn igmpv3(record_type: u8) -> Vec<u8> {
    let mut record = vec![record_type, 0, 0, 0];
    record.extend_from_slice(&GROUP);
    let mut bytes = Vec::new();
    PacketBuilder::ipv4([0, 0, 0, 0], [224, 0, 0, 22], 1)
        .igmp(IgmpType::MembershipReportV3(MembershipReportV3Header {
            flags: [0, 0],
            num_of_records: 1,
        }))
        .write(&mut bytes, &record)
        .unwrap();
    bytes
}

/// IGMPv2: a report (join) sent to the group, or a leave sent to 224.0.0.2.
pub fn igmpv2(join: bool) -> Vec<u8> {
    let (to, igmp) = match join {
        true => (
            GROUP,
            IgmpType::MembershipReportV2(MembershipReportV2Type {
                group_address: GROUP.into(),
            }),
        ),
        false => (
            [224, 0, 0, 2],
            IgmpType::LeaveGroup(LeaveGroupType {
                group_address: GROUP.into(),
            }),
        ),
    };
    let mut bytes = Vec::new();
    PacketBuilder::ipv4(LOCAL, to, 1)
        .igmp(igmp)
        .write(&mut bytes, &[])
        .unwrap();
    bytes
}

/// ff02::7880, the IPv6 group the multicast programs suggest.
pub const GROUP6: [u8; 16] = [0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x78, 0x80];
const LINK_LOCAL: [u8; 16] = [0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

/// An MLDv2 report from fe80::1 to ff02::16 with one record for ff02::7880 (types as IGMPv3).
pub fn mldv2(record_type: u8) -> Vec<u8> {
    let mut record = vec![record_type, 0, 0, 0];
    record.extend_from_slice(&GROUP6);
    let to = [0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x16];
    let mut bytes = Vec::new();
    PacketBuilder::ipv6(LINK_LOCAL, to, 1)
        .icmpv6_raw(143, 0, [0, 0, 0, 1])
        .write(&mut bytes, &record)
        .unwrap();
    bytes
}

/// An MLDv1 done (leave) for ff02::7880, sent to ff02::2.
pub fn mldv1_done() -> Vec<u8> {
    let to = [0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2];
    let mut bytes = Vec::new();
    PacketBuilder::ipv6(LINK_LOCAL, to, 1)
        .icmpv6_raw(132, 0, [0, 0, 0, 0])
        .write(&mut bytes, &GROUP6)
        .unwrap();
    bytes
}

/// One run of the course's programs: a TCP echo (handshake, data, FINs), UDP datagrams with
/// the course's header, one to a closed port and its ICMP error, multicast joins and leaves,
/// the same in IPv6, and one packet that is not the course's.
pub fn lesson() -> Vec<Packet> {
    let (c, s) = (40000, 7878);
    let mut packets = vec![
        (at(0), tcp(c, s, 1000, None, "S", b"")),
        (at(50), tcp(s, c, 5000, Some(1001), "S", b"")),
        (at(100), tcp(c, s, 1001, Some(5001), "", b"")),
        (at(1000), tcp(c, s, 1001, Some(5001), "P", b"hello\n")),
        (at(1050), tcp(s, c, 5001, Some(1007), "", b"")),
        (at(1100), tcp(s, c, 5001, Some(1007), "P", b"hello\n")),
        (at(1150), tcp(c, s, 1007, Some(5007), "", b"")),
        (at(2000), tcp(c, s, 1007, Some(5007), "F", b"")),
        (at(2050), tcp(s, c, 5007, Some(1008), "F", b"")),
        (at(2100), tcp(c, s, 1008, Some(5008), "", b"")),
        (at(2500), tcp(40001, 22, 7, None, "S", b"")),
    ];
    let unheard = udp((&LOCAL, 50001), (&LOCAL, 7881), b"plain text");
    let unheard6 = udp(
        (&LOOPBACK6, 50003),
        (&LOOPBACK6, 7879),
        &numbered(0, None, "v6"),
    );
    packets.extend([
        (
            at(3000),
            udp((&LOCAL, 50000), (&LOCAL, 7879), &numbered(0, Some(2), "hi")),
        ),
        (
            at(4000),
            udp((&LOCAL, 50000), (&LOCAL, 7879), &numbered(1, Some(2), "hi")),
        ),
        (at(5000), unheard.clone()),
        (at(5010), port_unreachable(&unheard)),
        (at(7000), igmpv3(4)),
        (
            at(8000),
            udp(
                (&LOCAL, 50002),
                (&GROUP, 7880),
                &numbered(0, Some(1), "group"),
            ),
        ),
        (at(9000), igmpv3(3)),
        (at(10000), igmpv2(true)),
        (at(10100), igmpv2(false)),
        (at(11000), unheard6.clone()),
        (at(11020), port_unreachable6(&unheard6)),
        (at(12000), mldv2(4)),
        (at(12100), mldv1_done()),
    ]);
    packets
}

/// The link-layer header of LINKTYPE_ number `link` before an IP packet. For the BSD
/// loopbacks, `family6` is the IPv6 family number written and `big` the byte order.
pub fn frame(link: u32, ip: &[u8], family6: u32, big: bool) -> Vec<u8> {
    let v6 = ip[0] >> 4 == 6;
    let ether_type: [u8; 2] = if v6 { [0x86, 0xdd] } else { [0x08, 0x00] };
    let mut frame = match link {
        1 => [&[0u8; 12][..], &ether_type].concat(),
        113 => [&[0, 0, 3, 4, 0, 6][..], &[0; 8], &ether_type].concat(),
        276 => [&ether_type[..], &[0, 0, 0, 0, 0, 1, 3, 4, 0, 6], &[0; 8]].concat(),
        0 | 108 => {
            let family = if v6 { family6 } else { 2 };
            match big || link == 108 {
                true => family.to_be_bytes().to_vec(),
                false => family.to_le_bytes().to_vec(),
            }
        }
        _ => Vec::new(),
    };
    frame.extend_from_slice(ip);
    frame
}

/// A pcap file of `packets` with the link type `link`.
pub fn pcap(link: u32, frames: &[Packet], endianness: Endianness, nanos: bool) -> Vec<u8> {
    let header = PcapHeader {
        datalink: DataLink::from(link),
        snaplen: 262_144,
        endianness,
        ts_resolution: match nanos {
            true => TsResolution::NanoSecond,
            false => TsResolution::MicroSecond,
        },
        ..PcapHeader::default()
    };
    let mut writer = PcapWriter::with_header(Vec::new(), header).unwrap();
    for (time, data) in frames {
        let packet = PcapPacket::new(*time, data.len() as u32, data);
        writer.write_packet(&packet).unwrap();
    }
    writer.into_writer()
}

/// A pcapng file of `packets` on one interface of link type `link`, timestamps in
/// nanoseconds.
pub fn pcapng(link: u32, frames: &[Packet], endianness: Endianness) -> Vec<u8> {
    let mut writer = PcapNgWriter::with_endianness(Vec::new(), endianness).unwrap();
    let interface = InterfaceDescriptionBlock {
        linktype: DataLink::from(link),
        snaplen: 0,
        options: vec![InterfaceDescriptionOption::IfTsResol(9)],
    };
    writer.write_pcapng_block(interface).unwrap();
    for (time, data) in frames {
        let packet = EnhancedPacketBlock {
            interface_id: 0,
            timestamp: *time,
            original_len: data.len() as u32,
            data: Cow::Borrowed(data),
            options: vec![],
        };
        writer.write_pcapng_block(packet).unwrap();
    }
    writer.into_inner()
}

/// Writes `bytes` to a file of its own in the tests' folder of the target directory.
pub fn file(name: &str, bytes: &[u8]) -> PathBuf {
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("wire");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}
