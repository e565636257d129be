//! wire: the packets behind the socket calls (crates/wire). Protocol terms stay as the
//! protocols name them in every language (SYN, ACK, len=, IGMPv3, port unreachable, join,
//! leave); the sentences around them are translated.

pub const PART: crate::text::Part = &[
    // --help
    (
        "wire.about",
        "Reads a packet capture (pcap or pcapng) and shows each packet of the course's traffic: TCP flags with sequence numbers, UDP datagrams with their SEQ, ICMP port unreachable, IGMP and MLD joins and leaves. On Linux it can capture the loopback interface live.",
    ),
    (
        "wire.after-help",
        "Shown by default: TCP and UDP to or from ports 7878-7881 or to the group 239.255.78.78, the ICMP errors about them, and IGMP and MLD.\n\nExample: capture a TCP exchange, then read it:\n  sudo tcpdump -i lo -w tcp.pcap port 7878     (macOS: -i lo0)\n  cargo run -p tcp-echo-server\n  cargo run -p tcp-client\n  cargo run -p wire -- tcp.pcap\n\nLive on Linux (root), next to the same programs:\n  cargo build -p wire && sudo target/debug/wire --live --count 10",
    ),
    (
        "wire.arg.file",
        "The capture to read, as written by tcpdump -w or Wireshark. Without it, on Linux, wire captures the loopback interface live (--live).",
    ),
    (
        "wire.arg.live",
        "Capture live on the loopback interface, lo (Linux; needs root or CAP_NET_RAW).",
    ),
    (
        "wire.arg.write",
        "With --live: also write the packets shown to this pcapng file.",
    ),
    ("wire.arg.count", "Stop after showing this many packets."),
    (
        "wire.arg.duration",
        "With --live: stop after this many seconds.",
    ),
    (
        "wire.arg.all",
        "Show every packet, not only the course's traffic.",
    ),
    (
        "wire.arg.port",
        "Show only the TCP and UDP of this port, and the ICMP errors about it (repeat for more ports).",
    ),
    (
        "wire.arg.mermaid",
        "Print a mermaid sequence diagram (one arrow per packet) instead of one line per packet. The diagram is the same in every language.",
    ),
    // The first column of the narration (at most 8 characters). `read` and `write` are calls.
    ("wire.label.stop", "stop"),
    ("wire.label.skip", "skip"),
    ("wire.label.summary", "summary"),
    ("wire.label.skipped", "skipped"),
    ("wire.label.capture", "capture"),
    // The narration.
    ("wire.stop.stdout-closed", "stdout closed"),
    ("wire.stop.count", "{shown} packets shown (--count)"),
    ("wire.stop.duration", "{seconds} s (--duration)"),
    ("wire.skip.packet", "packet {number}: {reason}"),
    (
        "wire.skip.more",
        "(further unreadable packets: counted in the summary)",
    ),
    (
        "wire.mermaid.left-out",
        "drew the first {drawn} packets; {more} more left out (mermaid refuses very large diagrams)",
    ),
    ("wire.summary", "{read} packets read, {shown} shown"),
    ("wire.skipped", "{count}: {reason}"),
    (
        "wire.capture",
        "lo (interface {index}) with a packet socket: loopback only (Ctrl-C to stop)",
    ),
    // The lines of the packets (stdout), around the protocols' own words.
    (
        "wire.packet.fragment-of",
        "fragment of an IP protocol {protocol} packet",
    ),
    ("wire.packet.protocol", "IP protocol {protocol}"),
    (
        "wire.packet.about",
        "{message}, about {word} {source} -> {destination} {details}",
    ),
    ("wire.packet.more-groups", "{text} and {more} more groups"),
    (
        "wire.packet.fragment",
        "IP fragment id {id}: bytes {start}-{end}, more follow",
    ),
    (
        "wire.packet.last-fragment",
        "IP fragment id {id}: bytes {start}-{end}, the last",
    ),
    ("wire.packet.no-flags", "no flags"),
    ("wire.membership.join", "join {group}"),
    (
        "wire.membership.join-from",
        "join {group} from {sources} sources",
    ),
    ("wire.membership.leave", "leave {group}"),
    ("wire.membership.member", "member of {group}"),
    (
        "wire.membership.allow",
        "allow {sources} sources of {group}",
    ),
    (
        "wire.membership.block",
        "block {sources} sources of {group}",
    ),
    ("wire.membership.query", "query for {group}"),
    ("wire.membership.query-all", "query for every group"),
    ("wire.membership.unknown", "type {number}"),
    // Packets that cannot be read: the reason, counted in the summary.
    ("wire.unreadable.arp", "ARP, not IP"),
    ("wire.unreadable.ether-type", "EtherType {number}, not IP"),
    ("wire.unreadable.layer", "{layer} does not parse"),
    ("wire.unreadable.igmpv3", "IGMPv3 report does not parse"),
    ("wire.unreadable.cut-short", "{what} cut short"),
    (
        "wire.unreadable.after-icmpv6",
        "{count} bytes after the ICMPv6 header",
    ),
    (
        "wire.unreadable.header-cut",
        "{link} header cut short ({got} of {needed} bytes)",
    ),
    (
        "wire.unreadable.raw-version",
        "raw IP with IP version {version}",
    ),
    ("wire.unreadable.empty", "empty frame"),
    (
        "wire.unreadable.bsd-family",
        "BSD loopback family {family}, not IPv4 or IPv6",
    ),
    (
        "wire.unreadable.interface",
        "packet on interface {interface}, which the file never describes",
    ),
    (
        "wire.unreadable.ends-inside",
        "the file ends inside this packet (the capture stopped while writing it)",
    ),
    (
        "wire.hidden.course",
        "not the course's traffic (--all shows every packet)",
    ),
    (
        "wire.hidden.ports",
        "not port {ports} (--all shows every packet)",
    ),
    ("wire.hidden", "hidden"),
    // Capture files.
    (
        "wire.how-to-capture",
        "capture one with `sudo tcpdump -i lo -w capture.pcap` (Linux; macOS: -i lo0), or save it from Wireshark as pcap or pcapng",
    ),
    ("wire.file.opening", "opening {name}"),
    ("wire.file.no-such", "no such file; {how}"),
    (
        "wire.file.may-read",
        "check the path and that you may read the file",
    ),
    ("wire.file.reading", "reading {name}"),
    ("wire.file.give", "give wire a capture file; {how}"),
    (
        "wire.file.not-capture",
        "{name} is not a capture file: {what}",
    ),
    (
        "wire.file.not-capture.hint",
        "wire reads pcap and pcapng files; {how}",
    ),
    ("wire.file.bytes", "it has {count} bytes"),
    (
        "wire.file.signature",
        "it starts with {bytes}, not a pcap or pcapng signature",
    ),
    (
        "wire.file.header",
        "{name}: the {format} header is damaged or cut short: {error}",
    ),
    ("wire.file.incomplete", "the file may be incomplete; {how}"),
    (
        "wire.file.damaged",
        "{name}: damaged after packet {packets}: {error}",
    ),
    (
        "wire.file.too-long",
        "{name}: damaged at packet {packet}: its header says {claimed} bytes, more than this capture's limit of {snaplen} bytes a packet; {left} bytes of the file were not read",
    ),
    (
        "wire.file.damaged.hint",
        "the packets before it were read; the rest of the file cannot be found again. {how}",
    ),
    (
        "wire.file.links.hint",
        "wire reads {links}: capture on the loopback interface (tcpdump -i lo, macOS -i lo0) or on any (tcpdump -i any)",
    ),
    (
        "wire.file.links",
        "Ethernet (Linux lo), Linux cooked (tcpdump -i any: SLL, SLL2), BSD loopback (macOS lo0: NULL, LOOP) and raw IP",
    ),
    (
        "wire.file.link-unknown",
        "link type {number}, which wire does not read",
    ),
    (
        "wire.file.link-known",
        "link type {number} ({name}), which wire does not read",
    ),
    ("wire.file.ends-too-soon", "the file ends too soon"),
    ("wire.file.invalid-field", "invalid field ({field})"),
    ("wire.file.read-error", "reading the file: {error}"),
    // --write
    ("wire.save.creating", "creating {name}"),
    (
        "wire.save.creating.hint",
        "check that the folder exists and that you may write in it",
    ),
    ("wire.save.writing", "writing to {name}"),
    (
        "wire.save.other-link",
        "{name}: a {frame} frame in a {file} file",
    ),
    // --live
    (
        "wire.live.linux-only",
        "live capture is for Linux only; give a capture FILE to read",
    ),
    (
        "wire.live.linux-only.hint",
        "{how}, then: cargo run -p wire -- capture.pcap",
    ),
    (
        "wire.live.opening",
        "opening a packet socket (AF_PACKET) to capture on lo",
    ),
    (
        "wire.live.drop-all",
        "attaching a filter that drops every frame (SO_ATTACH_FILTER)",
    ),
    ("wire.live.emptying", "emptying the packet socket"),
    (
        "wire.live.keep-lo",
        "attaching the filter that keeps only lo's frames (SO_ATTACH_FILTER)",
    ),
    (
        "wire.live.timestamps",
        "asking for the kernel's timestamps (SO_TIMESTAMPNS)",
    ),
    ("wire.live.timeout", "setting the read timeout"),
    (
        "wire.live.no-packet-socket",
        "packet sockets exist on Linux only, for root or CAP_NET_RAW; or read a capture file instead: cargo run -p wire -- FILE",
    ),
    (
        "wire.live.needs-root",
        "capturing needs root or CAP_NET_RAW: run `cargo build -p wire && sudo target/debug/wire --live`, or once per build `sudo setcap cap_net_raw=ep target/debug/wire` then `target/debug/wire --live`",
    ),
    (
        "wire.live.namespace",
        ", or without sudo inside a user and network namespace with its own loopback: `unshare --user --map-root-user --net sh -c 'ip link set lo up && target/debug/wire --live'` (run the programs to watch in that shell too)",
    ),
    (
        "wire.live.no-namespace",
        " (this system forbids unprivileged user namespaces, so unshare will not do)",
    ),
];
