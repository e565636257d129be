//! `wire` on crafted captures: every link type, pcap and pcapng, checked line by line; and
//! every kind of bad input, which must end in one error and one hint, or in a counted skip.

mod support;

use std::path::Path;
use std::time::Duration;

use pcap_file::Endianness;
use support::*;

fn wire(args: &[&str]) -> testkit::Finished {
    testkit::run(env!("CARGO_BIN_EXE_wire"), args, b"")
}

fn wire_on(path: &Path, more: &[&str]) -> testkit::Finished {
    let mut args = vec![path.to_str().unwrap()];
    args.extend_from_slice(more);
    wire(&args)
}

/// What `wire` prints for [`lesson`], whatever the link type and the file format.
const LESSON: &str = "\
TCP       0.000000 127.0.0.1:40000 -> 127.0.0.1:7878  SYN seq=0 len=0
TCP       0.000050 127.0.0.1:7878 -> 127.0.0.1:40000  SYN-ACK seq=0 ack=1 len=0
TCP       0.000100 127.0.0.1:40000 -> 127.0.0.1:7878  ACK seq=1 ack=1 len=0
TCP       0.001000 127.0.0.1:40000 -> 127.0.0.1:7878  PSH-ACK seq=1 ack=1 len=6
TCP       0.001050 127.0.0.1:7878 -> 127.0.0.1:40000  ACK seq=1 ack=7 len=0
TCP       0.001100 127.0.0.1:7878 -> 127.0.0.1:40000  PSH-ACK seq=1 ack=7 len=6
TCP       0.001150 127.0.0.1:40000 -> 127.0.0.1:7878  ACK seq=7 ack=7 len=0
TCP       0.002000 127.0.0.1:40000 -> 127.0.0.1:7878  FIN-ACK seq=7 ack=7 len=0
TCP       0.002050 127.0.0.1:7878 -> 127.0.0.1:40000  FIN-ACK seq=7 ack=8 len=0
TCP       0.002100 127.0.0.1:40000 -> 127.0.0.1:7878  ACK seq=8 ack=8 len=0
UDP       0.003000 127.0.0.1:50000 -> 127.0.0.1:7879  len=45 SEQ 0 OF 2
UDP       0.004000 127.0.0.1:50000 -> 127.0.0.1:7879  len=45 SEQ 1 OF 2
UDP       0.005000 127.0.0.1:50001 -> 127.0.0.1:7881  len=10
ICMP      0.005010 127.0.0.1 -> 127.0.0.1  port unreachable, about UDP 127.0.0.1:50001 -> 127.0.0.1:7881 len=10
IGMP      0.007000 0.0.0.0 -> 224.0.0.22  IGMPv3 join 239.255.78.78
UDP       0.008000 127.0.0.1:50002 -> 239.255.78.78:7880  len=48 SEQ 0 OF 1
IGMP      0.009000 0.0.0.0 -> 224.0.0.22  IGMPv3 leave 239.255.78.78
IGMP      0.010000 127.0.0.1 -> 239.255.78.78  IGMPv2 join 239.255.78.78
IGMP      0.010100 127.0.0.1 -> 224.0.0.2  IGMPv2 leave 239.255.78.78
UDP       0.011000 [::1]:50003 -> [::1]:7879  len=40 SEQ 0
ICMPv6    0.011020 ::1 -> ::1  port unreachable, about UDP [::1]:50003 -> [::1]:7879 len=40 SEQ 0
MLD       0.012000 fe80::1 -> ff02::16  MLDv2 join ff02::7880
MLD       0.012100 fe80::1 -> ff02::2  MLDv1 leave ff02::7880
";

/// The link types, as (LINKTYPE_ number, IPv6 family for the BSD loopbacks, big-endian
/// family, name).
const LINKS: [(u32, u32, bool, &str); 8] = [
    (1, 0, false, "ethernet"),
    (113, 0, false, "sll"),
    (276, 0, false, "sll2"),
    (0, 30, false, "null-macos"),
    (0, 28, true, "null-freebsd-big-endian"),
    (0, 24, false, "null-netbsd"),
    (108, 24, true, "loop-openbsd"),
    (101, 0, false, "raw"),
];

fn lesson_frames(link: u32, family6: u32, big: bool) -> Vec<Packet> {
    lesson()
        .into_iter()
        .map(|(time, ip)| (time, frame(link, &ip, family6, big)))
        .collect()
}

#[test]
fn every_link_type_in_pcap_and_pcapng_reads_as_the_same_lesson() {
    for (link, family6, big, name) in LINKS {
        let frames = lesson_frames(link, family6, big);
        let files = [
            ("le.pcap", pcap(link, &frames, Endianness::Little, false)),
            ("be-nanos.pcap", pcap(link, &frames, Endianness::Big, true)),
            ("le.pcapng", pcapng(link, &frames, Endianness::Little)),
            ("be.pcapng", pcapng(link, &frames, Endianness::Big)),
        ];
        for (format, bytes) in files {
            let path = file(&format!("lesson-{name}-{format}"), &bytes);
            let finished = wire_on(&path, &[]);
            assert!(
                finished.status.success(),
                "{name} {format}: {}",
                finished.stderr
            );
            assert_eq!(finished.stdout_text(), LESSON, "{name} {format}");
            assert!(
                finished
                    .stderr
                    .contains("summary  24 packets read, 23 shown\n")
                    && finished.stderr.contains(
                        "skipped  1: not the course's traffic (--all shows every packet)\n"
                    ),
                "{name} {format}:\n{}",
                finished.stderr
            );
        }
    }
}

#[test]
fn raw_ipv4_and_raw_ipv6_link_types_read_their_own_packets() {
    let (v4, v6): (Vec<Packet>, Vec<Packet>) =
        lesson().into_iter().partition(|(_, ip)| ip[0] >> 4 == 4);
    let v4_file = file("raw4.pcapng", &pcapng(228, &v4, Endianness::Little));
    let v6_file = file("raw6.pcap", &pcap(229, &v6, Endianness::Little, false));
    let v4_lines: String = LESSON
        .lines()
        .take(19)
        .map(|line| format!("{line}\n"))
        .collect();
    assert_eq!(wire_on(&v4_file, &[]).stdout_text(), v4_lines);
    let v6_out = wire_on(&v6_file, &[]).stdout_text();
    assert_eq!(
        v6_out,
        "\
UDP       0.000000 [::1]:50003 -> [::1]:7879  len=40 SEQ 0
ICMPv6    0.000020 ::1 -> ::1  port unreachable, about UDP [::1]:50003 -> [::1]:7879 len=40 SEQ 0
MLD       0.001000 fe80::1 -> ff02::16  MLDv2 join ff02::7880
MLD       0.001100 fe80::1 -> ff02::2  MLDv1 leave ff02::7880
"
    );
}

#[test]
fn mermaid_draws_one_arrow_per_packet_between_ip_and_port_participants() {
    let frames = lesson_frames(1, 0, false);
    let path = file("mermaid.pcapng", &pcapng(1, &frames, Endianness::Little));
    let finished = wire_on(&path, &["--mermaid"]);
    assert!(finished.status.success(), "{}", finished.stderr);
    assert_eq!(
        finished.stdout_text(),
        "\
sequenceDiagram
    participant p1 as 127.0.0.1:40000
    participant p2 as 127.0.0.1:7878
    participant p3 as 127.0.0.1:50000
    participant p4 as 127.0.0.1:7879
    participant p5 as 127.0.0.1:50001
    participant p6 as 127.0.0.1:7881
    participant p7 as 0.0.0.0
    participant p8 as 224.0.0.22
    participant p9 as 127.0.0.1:50002
    participant p10 as 239.255.78.78:7880
    participant p11 as 127.0.0.1
    participant p12 as 239.255.78.78
    participant p13 as 224.0.0.2
    participant p14 as [::1]:50003
    participant p15 as [::1]:7879
    participant p16 as fe80::1
    participant p17 as ff02::16
    participant p18 as ff02::2
    p1->>p2: SYN seq=0
    p2->>p1: SYN-ACK seq=0 ack=1
    p1->>p2: ACK seq=1 ack=1
    p1->>p2: PSH-ACK seq=1 ack=1 len=6
    p2->>p1: ACK seq=1 ack=7
    p2->>p1: PSH-ACK seq=1 ack=7 len=6
    p1->>p2: ACK seq=7 ack=7
    p1->>p2: FIN-ACK seq=7 ack=7
    p2->>p1: FIN-ACK seq=7 ack=8
    p1->>p2: ACK seq=8 ack=8
    p3->>p4: SEQ 0 (45 B)
    p3->>p4: SEQ 1 (45 B)
    p5->>p6: UDP 10 B
    p6-->>p5: ICMP port unreachable
    p7->>p8: IGMPv3 join 239.255.78.78
    p9->>p10: SEQ 0 (48 B)
    p7->>p8: IGMPv3 leave 239.255.78.78
    p11->>p12: IGMPv2 join 239.255.78.78
    p11->>p13: IGMPv2 leave 239.255.78.78
    p14->>p15: SEQ 0 (40 B)
    p15-->>p14: ICMPv6 port unreachable
    p16->>p17: MLDv2 join ff02::7880
    p16->>p18: MLDv1 leave ff02::7880
"
    );
    // The same capture, the same text: a diagram in the book can be checked against its trace.
    assert_eq!(wire_on(&path, &["--mermaid"]).stdout, finished.stdout);
}

#[test]
fn all_shows_every_packet_and_port_shows_one_port() {
    let frames = lesson_frames(1, 0, false);
    let path = file("filters.pcap", &pcap(1, &frames, Endianness::Little, false));
    let all = wire_on(&path, &["--all"]);
    assert_eq!(
        all.stdout_text().lines().count(),
        24,
        "{}",
        all.stdout_text()
    );
    assert!(
        all.stdout_text()
            .contains("TCP       0.002500 127.0.0.1:40001 -> 127.0.0.1:22  SYN seq=0 len=0\n")
    );
    let port = wire_on(&path, &["--port", "22", "--port", "7881"]);
    assert_eq!(
        port.stdout_text(),
        "\
TCP       0.002500 127.0.0.1:40001 -> 127.0.0.1:22  SYN seq=0 len=0
UDP       0.005000 127.0.0.1:50001 -> 127.0.0.1:7881  len=10
ICMP      0.005010 127.0.0.1 -> 127.0.0.1  port unreachable, about UDP 127.0.0.1:50001 -> 127.0.0.1:7881 len=10
"
    );
    assert!(
        port.stderr
            .contains("skipped  21: not port 22, 7881 (--all shows every packet)\n"),
        "{}",
        port.stderr
    );
    let counted = wire_on(&path, &["--count", "3"]);
    assert_eq!(counted.stdout_text().lines().count(), 3);
}

#[test]
fn a_file_that_is_not_a_capture_is_one_error_and_one_hint() {
    let text = file("notes.txt", b"these are my notes, not packets\n");
    let finished = wire_on(&text, &[]);
    let (error, hint) = testkit::assert_error_and_hint(&finished, 1);
    assert!(
        error.ends_with("notes.txt is not a capture file: it starts with 74 68 65 73, not a pcap or pcapng signature"),
        "{error}"
    );
    assert!(hint.contains("tcpdump -i lo -w capture.pcap"), "{hint}");
    let empty = file("empty.pcap", b"");
    let (error, _) = testkit::assert_error_and_hint(&wire_on(&empty, &[]), 1);
    assert!(
        error.ends_with("empty.pcap is not a capture file: it has 0 bytes"),
        "{error}"
    );
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-capture.pcap");
    let (error, hint) = testkit::assert_error_and_hint(&wire_on(&missing, &[]), 1);
    assert!(error.contains("opening "), "{error}");
    assert!(
        hint.starts_with("hint: no such file; capture one with"),
        "{hint}"
    );
    // A pcap header cut short.
    let lesson = pcap(1, &lesson_frames(1, 0, false), Endianness::Little, false);
    let cut = file("header-cut.pcap", &lesson[..10]);
    let (error, _) = testkit::assert_error_and_hint(&wire_on(&cut, &[]), 1);
    assert!(
        error.contains("the pcap header is damaged or cut short"),
        "{error}"
    );
}

#[test]
fn an_unknown_link_type_is_an_error_in_pcap_and_a_counted_skip_in_pcapng() {
    let frames = lesson_frames(1, 0, false);
    let usb = file("usb.pcap", &pcap(189, &frames, Endianness::Little, false));
    let (error, hint) = testkit::assert_error_and_hint(&wire_on(&usb, &[]), 1);
    assert!(
        error.ends_with("usb.pcap: link type 189 (USB_LINUX), which wire does not read"),
        "{error}"
    );
    assert!(hint.contains("tcpdump -i lo"), "{hint}");
    let usb = file("usb.pcapng", &pcapng(189, &frames, Endianness::Little));
    let finished = wire_on(&usb, &[]);
    assert!(finished.status.success(), "{}", finished.stderr);
    assert_eq!(finished.stdout_text(), "");
    assert!(
        finished
            .stderr
            .contains("skipped  24: link type 189 (USB_LINUX), which wire does not read\n"),
        "{}",
        finished.stderr
    );
}

#[test]
fn a_capture_cut_inside_its_last_packet_shows_the_others_and_counts_it() {
    let frames = lesson_frames(1, 0, false);
    for (name, bytes) in [
        ("cut.pcap", pcap(1, &frames, Endianness::Little, false)),
        ("cut.pcapng", pcapng(1, &frames, Endianness::Little)),
    ] {
        let path = file(name, &bytes[..bytes.len() - 30]);
        let finished = wire_on(&path, &[]);
        assert!(finished.status.success(), "{name}: {}", finished.stderr);
        let all_but_last: String = LESSON.lines().take(22).map(|l| format!("{l}\n")).collect();
        assert_eq!(finished.stdout_text(), all_but_last, "{name}");
        assert!(
            finished.stderr.contains(
                "skipped  1: the file ends inside this packet (the capture stopped while writing it)"
            ),
            "{name}: {}",
            finished.stderr
        );
    }
}

#[test]
fn a_capture_damaged_in_the_middle_shows_what_came_before_then_an_error_and_a_hint() {
    let frames = lesson_frames(1, 0, false);
    let mut bytes = pcapng(1, &frames, Endianness::Little);
    // Blocks: section header, interface, then packets. Break the fourth packet's trailing
    // length, which must repeat its leading one.
    let mut at = 0;
    for _ in 0..5 {
        at += u32::from_le_bytes(bytes[at + 4..at + 8].try_into().unwrap()) as usize;
    }
    let len = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().unwrap()) as usize;
    bytes[at + len - 4] ^= 0xff;
    let finished = wire_on(&file("damaged.pcapng", &bytes), &[]);
    let (error, hint) = testkit::assert_error_and_hint(&finished, 1);
    assert!(
        error.ends_with(
            "damaged.pcapng: damaged after packet 3: invalid field (Block: initial_length != trailer_length)"
        ),
        "{error}"
    );
    assert!(
        hint.starts_with("hint: the packets before it were read"),
        "{hint}"
    );
    let first_three: String = LESSON.lines().take(3).map(|l| format!("{l}\n")).collect();
    assert_eq!(finished.stdout_text(), first_three);
    assert!(
        finished
            .stderr
            .contains("summary  3 packets read, 3 shown\n")
    );
}

/// A pcap record whose length field is damaged claims more bytes than the file has left: that
/// is damage, with the packets after it unread, not a capture cut inside its last packet.
#[test]
fn a_pcap_record_longer_than_the_files_limit_is_damage_not_a_cut() {
    let frames = lesson_frames(1, 0, false);
    for endianness in [Endianness::Little, Endianness::Big] {
        let mut bytes = pcap(1, &frames, endianness, false);
        // After the 24-byte file header: record 1 (16-byte header and its frame), then record
        // 2, whose captured length (bytes 8 to 11 of its header) becomes 16 MiB - 1.
        let first = 24 + 16 + frames[0].1.len();
        let claimed = match endianness {
            Endianness::Little => 0x00ff_ffffu32.to_le_bytes(),
            Endianness::Big => 0x00ff_ffffu32.to_be_bytes(),
        };
        bytes[first + 8..first + 12].copy_from_slice(&claimed);
        let left = bytes.len() - first;
        let finished = wire_on(&file("long.pcap", &bytes), &[]);
        let (error, hint) = testkit::assert_error_and_hint(&finished, 1);
        assert!(
            error.ends_with(&format!(
                "long.pcap: damaged at packet 2: its header says 16777215 bytes, more than this \
                 capture's limit of 262144 bytes a packet; {left} bytes of the file were not read"
            )),
            "{error}"
        );
        assert!(
            hint.starts_with("hint: the packets before it were read"),
            "{hint}"
        );
        let first_line: String = LESSON.lines().take(1).map(|l| format!("{l}\n")).collect();
        assert_eq!(finished.stdout_text(), first_line);
    }
}

#[test]
fn packets_that_do_not_parse_are_told_and_counted() {
    let ok = tcp(40000, 7878, 1, None, "S", b"");
    let mut bad_ihl = ok.clone();
    bad_ihl[0] = 0x42; // IPv4 with a 2-word header: shorter than the 5 words of its fields
    let arp = [&[0xffu8; 6][..], &[0; 6], &[0x08, 0x06], &[0; 28]].concat();
    let frames = vec![
        (START, frame(1, &ok, 0, false)),
        (START, frame(1, &bad_ihl, 0, false)),
        (START, arp),
        (START, vec![0; 5]),
    ];
    let path = file(
        "unreadable.pcap",
        &pcap(1, &frames, Endianness::Little, false),
    );
    let finished = wire_on(&path, &[]);
    assert!(finished.status.success(), "{}", finished.stderr);
    assert_eq!(finished.stdout_text().lines().count(), 1);
    let stderr = &finished.stderr;
    for wanted in [
        "skip     packet 2: IP header does not parse: IPv4 Header Error: ",
        "skip     packet 3: ARP, not IP\n",
        "skip     packet 4: Ethernet header cut short (5 of 14 bytes)\n",
        "summary  4 packets read, 1 shown\n",
        "skipped  1: ARP, not IP\n",
        "skipped  1: Ethernet header cut short (5 of 14 bytes)\n",
        "skipped  1: IP header does not parse\n",
    ] {
        assert!(stderr.contains(wanted), "{wanted:?} not in:\n{stderr}");
    }
}

#[test]
fn a_packet_cut_by_the_snaplen_shows_its_true_length() {
    let data = vec![b'x'; 1000];
    let full = frame(1, &tcp(40000, 7878, 1, Some(1), "P", &data), 0, false);
    let header = pcap_file::pcap::PcapHeader {
        snaplen: 96,
        ..Default::default()
    };
    let mut writer = pcap_file::pcap::PcapWriter::with_header(Vec::new(), header).unwrap();
    let packet = pcap_file::pcap::PcapPacket::new(START, full.len() as u32, &full[..96]);
    writer.write_packet(&packet).unwrap();
    let path = file("snaplen.pcap", &writer.into_writer());
    assert_eq!(
        wire_on(&path, &[]).stdout_text(),
        "TCP       0.000000 127.0.0.1:40000 -> 127.0.0.1:7878  PSH-ACK seq=0 ack=0 len=1000\n"
    );
}

#[test]
fn pcapng_times_follow_each_interface_resolution_and_a_new_section() {
    use pcap_file::pcapng::blocks::enhanced_packet::EnhancedPacketBlock;
    use pcap_file::pcapng::blocks::interface_description::InterfaceDescriptionBlock;
    let syn = frame(1, &tcp(40000, 7878, 1, None, "S", b""), 0, false);
    let mut writer = pcap_file::pcapng::PcapNgWriter::new(Vec::new()).unwrap();
    // No if_tsresol: microseconds. pcap-file writes the Duration's nanoseconds as the count.
    let micros = InterfaceDescriptionBlock::new(pcap_file::DataLink::ETHERNET, 0);
    writer.write_pcapng_block(micros).unwrap();
    let epb = |count: u64| EnhancedPacketBlock {
        interface_id: 0,
        timestamp: Duration::from_nanos(count),
        original_len: syn.len() as u32,
        data: std::borrow::Cow::Borrowed(&syn[..]),
        options: vec![],
    };
    writer
        .write_pcapng_block(epb(1_764_000_000_000_000))
        .unwrap();
    writer
        .write_pcapng_block(epb(1_764_000_000_250_000))
        .unwrap();
    // A second section forgets the interfaces of the first: packet 3 has none. (Written by
    // hand: pcap-file's writer refuses a packet of an undescribed interface.)
    let mut bytes = writer.into_inner();
    bytes.extend(
        pcap_file::pcapng::PcapNgWriter::new(Vec::new())
            .unwrap()
            .into_inner(),
    );
    let raw: u64 = 1_764_000_001_000_000;
    let mut body = [
        0u32,
        (raw >> 32) as u32,
        raw as u32,
        syn.len() as u32,
        syn.len() as u32,
    ]
    .iter()
    .flat_map(|field| field.to_le_bytes())
    .collect::<Vec<u8>>();
    body.extend_from_slice(&syn);
    body.resize(body.len().next_multiple_of(4), 0);
    let total = (body.len() + 12) as u32;
    for part in [
        &6u32.to_le_bytes()[..],
        &total.to_le_bytes(),
        &body,
        &total.to_le_bytes(),
    ] {
        bytes.extend_from_slice(part);
    }
    let path = file("resolution.pcapng", &bytes);
    let finished = wire_on(&path, &["--all"]);
    assert_eq!(
        finished.stdout_text(),
        "\
TCP       0.000000 127.0.0.1:40000 -> 127.0.0.1:7878  SYN seq=0 len=0
TCP       0.250000 127.0.0.1:40000 -> 127.0.0.1:7878  SYN seq=0 len=0
"
    );
    assert!(
        finished
            .stderr
            .contains("skipped  1: packet on interface 0, which the file never describes\n"),
        "{}",
        finished.stderr
    );
}

#[test]
fn fragments_of_a_large_datagram_follow_their_first_fragment() {
    use etherparse::{IpFragOffset, IpNumber, Ipv4Header, UdpHeader};
    let data = numbered(0, Some(1), &"y".repeat(3000));
    // The checksum is left out (0): wire does not check it.
    let udp = UdpHeader {
        source_port: 50000,
        destination_port: 7879,
        length: (8 + data.len()) as u16,
        checksum: 0,
    };
    let whole = [&udp.to_bytes()[..], &data].concat();
    let mut frames = Vec::new();
    for (index, piece) in whole.chunks(1480).enumerate() {
        let mut ip = Ipv4Header::new(
            piece.len() as u16,
            64,
            IpNumber::UDP,
            [127, 0, 0, 1],
            [127, 0, 0, 1],
        )
        .unwrap();
        ip.identification = 0x1c46;
        ip.fragment_offset = IpFragOffset::try_new((index * 1480 / 8) as u16).unwrap();
        ip.more_fragments = (index + 1) * 1480 < whole.len();
        let packet = [&ip.to_bytes()[..], piece].concat();
        let time = START + Duration::from_micros(index as u64);
        frames.push((time, frame(0, &packet, 30, false)));
    }
    let path = file(
        "fragments.pcap",
        &pcap(0, &frames, Endianness::Little, false),
    );
    assert_eq!(
        wire_on(&path, &[]).stdout_text(),
        "\
UDP       0.000000 127.0.0.1:50000 -> 127.0.0.1:7879  len=3043 SEQ 0 OF 1 (IP fragment id 7238: bytes 0-1479, more follow)
IPv4      0.000001 127.0.0.1 -> 127.0.0.1  fragment of an IP protocol 17 packet (IP fragment id 7238: bytes 1480-2959, more follow)
IPv4      0.000002 127.0.0.1 -> 127.0.0.1  fragment of an IP protocol 17 packet (IP fragment id 7238: bytes 2960-3050, the last)
"
    );
}

#[test]
fn a_usage_mistake_is_one_error_and_one_hint_with_status_2() {
    let finished = wire(&["--all", "--port", "7878", "x.pcap"]);
    testkit::assert_error_and_hint(&finished, 2);
}

#[cfg(unix)]
#[test]
fn a_reader_that_closes_stdout_early_stops_cleanly() {
    let frames = lesson_frames(1, 0, false);
    let path = file("head.pcap", &pcap(1, &frames, Endianness::Little, false));
    let script = format!(
        "'{}' '{}' | head -n 1",
        env!("CARGO_BIN_EXE_wire"),
        path.display()
    );
    let finished = testkit::run("sh", &["-c", &script], b"");
    assert!(finished.status.success());
    assert_eq!(finished.stdout_text().lines().count(), 1);
    assert!(!finished.stderr.contains("panicked"), "{}", finished.stderr);
}

#[test]
fn random_files_end_in_a_summary_or_in_one_error_and_one_hint() {
    let lesson = pcapng(1, &lesson_frames(1, 0, false), Endianness::Little);
    for seed in 0..12 {
        let noise = testkit::random_bytes(3000, seed);
        // Pure noise, then a real capture with a run of noise written over its middle.
        let mut damaged = lesson.clone();
        let at = 100 + (seed as usize * 97) % (lesson.len() - 400);
        damaged[at..at + 64].copy_from_slice(&noise[..64]);
        for (kind, bytes) in [("noise", noise), ("damaged", damaged)] {
            let finished = wire_on(&file(&format!("{kind}-{seed}.pcapng"), &bytes), &[]);
            match finished.status.code() {
                Some(0) => assert!(finished.stderr.contains("summary  "), "{}", finished.stderr),
                _ => {
                    testkit::assert_error_and_hint(&finished, 1);
                }
            }
        }
    }
}

#[test]
fn the_obsolete_packet_block_reads_its_timestamp_high_half_first() {
    let syn = frame(1, &tcp(40000, 7878, 1, None, "S", b""), 0, false);
    let mut bytes = pcapng(1, &[], Endianness::Little);
    for micros in [1_764_000_000_000_000u64, 1_764_000_000_250_000] {
        // Packet Block (type 2): interface (2 bytes), drops (2), timestamp high (4) and
        // low (4) in units of the interface (here ns), captured and original lengths.
        let nanos = micros * 1000;
        let mut body = [&0u16.to_le_bytes()[..], &0u16.to_le_bytes()].concat();
        for field in [
            (nanos >> 32) as u32,
            nanos as u32,
            syn.len() as u32,
            syn.len() as u32,
        ] {
            body.extend_from_slice(&field.to_le_bytes());
        }
        body.extend_from_slice(&syn);
        body.resize(body.len().next_multiple_of(4), 0);
        let total = (body.len() + 12) as u32;
        for part in [
            &2u32.to_le_bytes()[..],
            &total.to_le_bytes(),
            &body,
            &total.to_le_bytes(),
        ] {
            bytes.extend_from_slice(part);
        }
    }
    let path = file("packet-block.pcapng", &bytes);
    assert_eq!(
        wire_on(&path, &[]).stdout_text(),
        "\
TCP       0.000000 127.0.0.1:40000 -> 127.0.0.1:7878  SYN seq=0 len=0
TCP       0.250000 127.0.0.1:40000 -> 127.0.0.1:7878  SYN seq=0 len=0
"
    );
}

/// `--lang pt-BR`: the sentences around the protocols' words in Portuguese (the ICMP error's
/// "em resposta a"), the narration too; the flags, `len=`, `SEQ`, join and leave as they are;
/// the diagram the same text in both languages; a bad file one `erro:` and one `dica:`.
#[test]
fn in_portuguese_the_sentences_change_and_the_protocols_words_and_the_diagram_do_not() {
    let path = file(
        "lesson-pt.pcap",
        &pcap(1, &lesson_frames(1, 0, false), Endianness::Little, false),
    );
    let portuguese = wire_on(&path, &["--lang", "pt-BR"]);
    assert!(portuguese.status.success(), "{}", portuguese.stderr);
    let expected = LESSON.replace(", about UDP ", ", em resposta a UDP ");
    assert_eq!(portuguese.stdout_text(), expected);
    assert!(
        portuguese.stderr.contains(
            "resumo   24 pacotes lidos, 23 mostrados\n\
             pulados  1: não é tráfego do curso (--all mostra todos os pacotes)\n"
        ),
        "{}",
        portuguese.stderr
    );
    let english = wire_on(&path, &["--mermaid"]);
    let diagram = wire_on(&path, &["--mermaid", "--lang", "pt-BR"]);
    assert!(english.status.success() && diagram.status.success());
    assert_eq!(diagram.stdout_text(), english.stdout_text());

    let text = file("notas.txt", b"minhas notas, nada de pacotes\n");
    let finished = wire_on(&text, &["--lang", "pt-BR"]);
    assert_eq!(finished.status.code(), Some(1), "{}", finished.stderr);
    let lines: Vec<&str> = finished.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", finished.stderr);
    assert!(
        lines[0].starts_with("erro: ")
            && lines[0].ends_with(
                "notas.txt não é um arquivo de captura: ele começa com 6d 69 6e 68, que não é a \
                 assinatura de um pcap nem de um pcapng"
            ),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("dica: o wire lê arquivos pcap e pcapng; capture um com"),
        "{}",
        lines[1]
    );
}

#[test]
fn the_help_is_in_portuguese_with_lang_pt_br() {
    let finished = wire(&["--lang", "pt-BR", "--help"]);
    assert!(finished.status.success(), "{}", finished.stderr);
    let help = finished.stdout_text();
    assert!(
        help.contains("Mostra todos os pacotes, não só o tráfego do curso."),
        "{help}"
    );
    assert!(help.contains("Exemplo: capture uma troca TCP"), "{help}");
}
