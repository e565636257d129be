//! Property tests: whatever the bytes, as a capture file or as packets, `wire` reads them to
//! an end without panicking, and what it shows can be printed and drawn.

mod support;

use std::io::Cursor;
use std::time::Duration;

use pcap_file::Endianness;
use proptest::collection::vec;
use proptest::prelude::*;
use support::{START, frame, lesson, pcap, pcapng};
use wire::link::Link;
use wire::mermaid::Diagram;
use wire::{Capture, Filter, Frame, Verdict, Wire};

/// Reads `bytes` as a capture file with every filter, printing and drawing what is shown.
fn read_all(bytes: &[u8]) {
    for filter in [Filter::All, Filter::Course] {
        let Ok(capture) = Capture::from_reader("property", Cursor::new(bytes.to_vec())) else {
            return;
        };
        let mut wire = Wire::new(filter);
        let mut diagram = Diagram::new();
        // Every record consumes bytes, so the file ends; the bound only makes sure of it.
        for record in capture.take(bytes.len() + 1) {
            let Ok(record) = record else { break };
            show(wire.record(record), &mut diagram);
        }
        let _ = diagram.render();
    }
}

fn show(verdict: Verdict, diagram: &mut Diagram) {
    if let Verdict::Shown(event) = verdict {
        let _ = wire::text::line(&event);
        diagram.packet(&event);
    }
}

const LINKS: [u32; 11] = [0, 1, 12, 14, 101, 108, 113, 228, 229, 276, 147];

fn link_number() -> impl Strategy<Value = u32> {
    prop::sample::select(LINKS.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_as_a_file_end_without_a_panic(bytes in vec(any::<u8>(), 0..2048)) {
        read_all(&bytes);
    }

    #[test]
    fn arbitrary_bytes_after_a_valid_header_end_without_a_panic(
        link in link_number(),
        pcapng_format in any::<bool>(),
        body in vec(any::<u8>(), 0..4096),
    ) {
        let mut bytes = match pcapng_format {
            true => pcapng(link, &[], Endianness::Little),
            false => pcap(link, &[], Endianness::Little, false),
        };
        bytes.extend_from_slice(&body);
        read_all(&bytes);
    }

    #[test]
    fn a_real_capture_with_bytes_changed_ends_without_a_panic(
        pcapng_format in any::<bool>(),
        changes in vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
        cut in any::<prop::sample::Index>(),
    ) {
        let frames: Vec<_> = lesson()
            .into_iter()
            .map(|(time, ip)| (time, frame(1, &ip, 0, false)))
            .collect();
        let mut bytes = match pcapng_format {
            true => pcapng(1, &frames, Endianness::Big),
            false => pcap(1, &frames, Endianness::Big, true),
        };
        for (at, value) in changes {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        let keep = cut.index(bytes.len() + 1);
        read_all(&bytes[..keep]);
    }

    #[test]
    fn arbitrary_bytes_as_a_frame_of_any_link_type_never_panic(
        link in link_number(),
        data in vec(any::<u8>(), 0..1600),
        extra in 0u32..100_000,
    ) {
        let Some(link) = Link::from_number(link) else { return Ok(()) };
        let frame = Frame {
            timestamp: START,
            original_len: data.len() as u32 + extra,
            link,
            data,
        };
        let mut diagram = Diagram::new();
        show(Wire::new(Filter::All).frame(&frame), &mut diagram);
        let _ = diagram.render();
    }

    #[test]
    fn arbitrary_payloads_behind_a_valid_ip_header_never_panic(
        v6 in any::<bool>(),
        protocol in prop::sample::select(vec![1u8, 2, 6, 17, 44, 58, 0]),
        fragment in any::<(bool, u16)>(),
        payload in vec(any::<u8>(), 0..1500),
    ) {
        let ip = ip_packet(v6, protocol, fragment, &payload);
        let frame = Frame {
            timestamp: START + Duration::from_micros(1),
            original_len: ip.len() as u32,
            link: Link::Raw,
            data: ip,
        };
        let mut wire = Wire::new(Filter::All);
        let mut diagram = Diagram::new();
        show(wire.frame(&frame), &mut diagram);
        let _ = diagram.render();
    }
}

/// An IPv4 or IPv6 header with a payload of any protocol, maybe a fragment.
fn ip_packet(v6: bool, protocol: u8, (more, offset): (bool, u16), payload: &[u8]) -> Vec<u8> {
    use etherparse::{IpFragOffset, IpNumber, Ipv4Header, Ipv6Header};
    let mut bytes = Vec::new();
    if v6 {
        let header = Ipv6Header {
            payload_length: payload.len() as u16,
            next_header: IpNumber(protocol),
            hop_limit: 1,
            source: [0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
            destination: [0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x16],
            ..Default::default()
        };
        header.write(&mut bytes).unwrap();
    } else {
        let mut header = Ipv4Header::new(
            payload.len() as u16,
            64,
            IpNumber(protocol),
            [127, 0, 0, 1],
            [239, 255, 78, 78],
        )
        .unwrap();
        header.more_fragments = more;
        header.fragment_offset = IpFragOffset::try_new(offset & 0x1fff).unwrap();
        header.write(&mut bytes).unwrap();
    }
    bytes.extend_from_slice(payload);
    bytes
}

/// An IPv6 packet whose second extension header is a hop-by-hop one (allowed only first):
/// etherparse's lax parse stops there, and its own walk of the extension headers read past
/// the end (found by `arbitrary_payloads_behind_a_valid_ip_header_never_panic`).
#[test]
fn a_second_hop_by_hop_header_is_read_within_the_packet() {
    for payload in [
        vec![0u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        vec![0u8, 0, 0, 0, 0, 0, 0, 0, 0],
        vec![44u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 7],
    ] {
        let ip = ip_packet(true, 0, (false, 0), &payload);
        let frame = Frame {
            timestamp: START + Duration::from_micros(1),
            original_len: ip.len() as u32,
            link: Link::Raw,
            data: ip,
        };
        let mut diagram = Diagram::new();
        show(Wire::new(Filter::All).frame(&frame), &mut diagram);
    }
}
