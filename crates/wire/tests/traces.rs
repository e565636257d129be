//! The book's traces (docs/src/traces/), captured from the course's own programs by
//! scripts/traces: wire reads each one as the book shows it (its diagram and its packets), and
//! each shows what its lesson says happens on the wire. Two writers: `wire --live --write`
//! (pcapng) and tcpdump (pcap, a LAN of network namespaces).

use std::collections::BTreeSet;
use std::path::PathBuf;

fn traces() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/src/traces")
}

fn wire(args: &[&str]) -> testkit::Finished {
    testkit::run(env!("CARGO_BIN_EXE_wire"), args, b"")
}

/// wire's lines for a committed trace, checked to be what the book shows (NAME.txt), and its
/// diagram checked to be NAME.mmd.
fn read(lesson: &str, file: &str) -> Vec<String> {
    let path = traces().join(file);
    let path = path.to_str().unwrap();
    let text = wire(&[path]);
    assert!(text.status.success(), "{}", text.stderr);
    let shown = std::fs::read_to_string(traces().join(format!("{lesson}.txt"))).unwrap();
    assert_eq!(text.stdout_text(), shown, "wire {file} is not {lesson}.txt");
    let diagram = wire(&[path, "--mermaid"]);
    assert!(diagram.status.success(), "{}", diagram.stderr);
    let drawn = std::fs::read_to_string(traces().join(format!("{lesson}.mmd"))).unwrap();
    assert_eq!(
        diagram.stdout_text(),
        drawn,
        "wire --mermaid {file} is not {lesson}.mmd"
    );
    // Nothing in the file that wire cannot read.
    assert!(!text.stderr.contains("skip"), "{}", text.stderr);
    shown.lines().map(strip_time).collect()
}

/// `TCP       0.000013 127.0.0.1:7878 -> ...` without its time: `TCP 127.0.0.1:7878 -> ...`.
fn strip_time(line: &str) -> String {
    let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
    let rest = rest
        .trim_start()
        .split_once(' ')
        .map_or("", |(_, after)| after);
    format!("{word} {rest}")
}

/// `a:b -> c:d` of a packet line: its two ends.
fn ends(line: &str) -> (&str, &str) {
    let words: Vec<&str> = line.split_whitespace().collect();
    (words[1], words[3])
}

#[test]
fn the_tcp_trace_shows_two_connections_every_packet_on_port_7878() {
    let lines = read("tcp", "tcp.pcapng");
    assert_eq!(lines.len(), 20, "{lines:#?}");
    let mut clients = BTreeSet::new();
    for line in &lines {
        let (from, to) = ends(line);
        assert!(line.starts_with("TCP "), "{line}");
        // Every packet of both connections, both ways, has the listener's port on one end.
        assert!(from == "127.0.0.1:7878" || to == "127.0.0.1:7878", "{line}");
        clients.insert(if from == "127.0.0.1:7878" { to } else { from });
    }
    assert_eq!(clients.len(), 2, "{lines:#?}");
    for client in &clients {
        let of_client: Vec<String> = lines
            .iter()
            .filter(|line| line.contains(client))
            .map(|line| line.split("  ").last().unwrap().to_string())
            .collect();
        assert_eq!(
            of_client,
            [
                "SYN seq=0 len=0",
                "SYN-ACK seq=0 ack=1 len=0",
                "ACK seq=1 ack=1 len=0",
                "PSH-ACK seq=1 ack=1 len=25",
                "ACK seq=1 ack=26 len=0",
                "PSH-ACK seq=1 ack=26 len=25",
                "ACK seq=26 ack=26 len=0",
                "FIN-ACK seq=26 ack=26 len=0",
                "FIN-ACK seq=26 ack=27 len=0",
                "ACK seq=27 ack=27 len=0",
            ],
            "{client}"
        );
    }
    // Both connections were open at the same time: the second SYN before the first data.
    let second_syn = lines.iter().rposition(|l| l.ends_with("  SYN seq=0 len=0"));
    let first_data = lines.iter().position(|l| l.contains("len=25"));
    assert!(second_syn < first_data, "{lines:#?}");
}

#[test]
fn the_udp_trace_shows_the_relays_losses_and_an_icmp_port_unreachable() {
    let lines = read("udp", "udp.pcapng");
    let seqs_to = |port: &str| -> Vec<u32> {
        lines
            .iter()
            .filter(|line| line.starts_with("UDP ") && ends(line).1 == port)
            .filter_map(|line| line.split(" SEQ ").nth(1)?.split(' ').next()?.parse().ok())
            .collect()
    };
    // The sender's 10 datagrams reach the relay; seed 7 loses 3, 4 and 9 there.
    assert_eq!(seqs_to("127.0.0.1:7881"), (0..10).collect::<Vec<_>>());
    assert_eq!(seqs_to("127.0.0.1:7879"), [0, 1, 2, 5, 6, 7, 8]);
    // No handshake: the first packet is already data.
    assert!(lines[0].contains("SEQ 0 OF 10"), "{lines:#?}");
    // The datagram to a closed port, and the kernel's answer quoting it.
    let last = &lines[lines.len() - 2..];
    assert!(
        last[0].starts_with("UDP ") && last[0].ends_with("  len=12"),
        "{last:?}"
    );
    let (from, to) = ends(&last[0]);
    assert_eq!(
        last[1],
        format!("ICMP 127.0.0.1 -> 127.0.0.1  port unreachable, about UDP {from} -> {to} len=12")
    );
}

#[test]
fn the_multicast_traces_show_one_datagram_per_send_and_the_igmp_reports() {
    // On lo: one host, one membership, however many listeners: one join and one leave (each
    // sent twice), and each datagram once.
    let lo = read("multicast", "multicast.pcapng");
    let kinds: Vec<&str> = lo
        .iter()
        .map(|line| line.split("  ").last().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "IGMPv3 join 239.255.78.78",
            "IGMPv3 join 239.255.78.78",
            "len=69 SEQ 0 OF 3",
            "len=69 SEQ 1 OF 3",
            "len=69 SEQ 2 OF 3",
            "IGMPv3 leave 239.255.78.78",
            "IGMPv3 leave 239.255.78.78",
        ]
    );
    // In the LAN (tcpdump on the sender's cable): each of three hosts joins and leaves.
    let lan = read("multicast-lan", "multicast-lan.pcap");
    let reports = |host: &str, change: &str| {
        lan.iter()
            .filter(|line| line.starts_with(&format!("IGMP {host} -> 224.0.0.22 ")))
            .filter(|line| line.ends_with(&format!("IGMPv3 {change} 239.255.78.78")))
            .count()
    };
    for host in ["10.78.78.11", "10.78.78.12", "10.78.78.13"] {
        assert_eq!(reports(host, "join"), 2, "{host}: {lan:#?}");
        assert_eq!(reports(host, "leave"), 2, "{host}: {lan:#?}");
    }
    let datagrams: Vec<&String> = lan.iter().filter(|l| l.starts_with("UDP ")).collect();
    assert_eq!(datagrams.len(), 3, "{lan:#?}");
    assert!(
        datagrams
            .iter()
            .all(|l| l.contains(" -> 239.255.78.78:7880  len=69 SEQ ")),
        "{lan:#?}"
    );
}

#[test]
fn the_traces_are_the_link_types_and_formats_the_book_says() {
    for (file, said) in [
        ("tcp.pcapng", "(pcapng)"),
        ("udp.pcapng", "(pcapng)"),
        ("multicast.pcapng", "(pcapng)"),
        ("multicast-lan.pcap", "(pcap, Ethernet)"),
    ] {
        let path = traces().join(file);
        let finished = wire(&[path.to_str().unwrap()]);
        let first = finished
            .stderr
            .lines()
            .next()
            .unwrap_or_default()
            .to_string();
        assert!(first.ends_with(said), "{file}: {first}");
    }
}
