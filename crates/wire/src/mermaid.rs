//! A mermaid `sequenceDiagram` of a capture: one participant per IP address and port, one
//! arrow per packet, in capture order. The same capture always gives the same text, in every
//! language (the labels are the protocols' own words and numbers), so that CI can regenerate a
//! diagram from a committed trace and compare, and both editions of the book show one diagram.
//!
//! ```text
//! sequenceDiagram
//!     participant p1 as 127.0.0.1:40214
//!     participant p2 as 127.0.0.1:7878
//!     p1->>p2: SYN seq=0
//!     p2->>p1: SYN-ACK seq=0 ack=1
//! ```

use std::fmt::Write as _;

use crate::Event;
use crate::packet::{Endpoint, Kind, Packet};
use crate::text;

/// The most arrows drawn: mermaid refuses a diagram of more than 50,000 characters
/// (its `maxTextSize`), about 1,000 arrows.
pub const MAX_ARROWS: usize = 300;

/// A diagram being built, packet by packet.
#[derive(Debug, Default)]
pub struct Diagram {
    /// In order of first appearance: the participant `p1` is `participants[0]`.
    participants: Vec<Endpoint>,
    entries: Vec<Entry>,
    arrows: usize,
    /// Packets not drawn, past [`MAX_ARROWS`].
    left_out: u64,
}

#[derive(Debug)]
enum Entry {
    Arrow {
        from: usize,
        to: usize,
        dashed: bool,
        label: String,
    },
    Note {
        over: Vec<usize>,
        text: String,
    },
}

impl Diagram {
    pub fn new() -> Diagram {
        Diagram::default()
    }

    /// Draws a packet as an arrow from its source to its destination.
    pub fn packet(&mut self, event: &Event) {
        if self.arrows >= MAX_ARROWS {
            self.left_out += 1;
            return;
        }
        let packet = &event.packet;
        // An ICMP error about a datagram goes back from where the datagram went to where it
        // came from, between the same participants; dashed, since the kernel sends it, not a
        // program.
        let (source, destination, dashed) = match &packet.kind {
            Kind::Icmp(icmp) => match icmp.about.as_deref() {
                Some(about) if about.source.port.is_some() => {
                    (about.destination, about.source, true)
                }
                _ => (packet.source, packet.destination, true),
            },
            _ => (packet.source, packet.destination, false),
        };
        let from = self.participant(source);
        let to = self.participant(destination);
        self.entries.push(Entry::Arrow {
            from,
            to,
            dashed,
            label: label(packet),
        });
        self.arrows += 1;
    }

    /// A note over one or two participants, between the arrows drawn so far and the next.
    /// For the calls that caused the packets (`connect`, `send`...), when a program narrates
    /// them beside a live capture.
    pub fn note(&mut self, over: &[Endpoint], text: &str) {
        let over = over
            .iter()
            .take(2)
            .map(|&endpoint| self.participant(endpoint))
            .collect();
        self.entries.push(Entry::Note {
            over,
            text: safe(text),
        });
    }

    /// Packets not drawn, past [`MAX_ARROWS`].
    pub fn left_out(&self) -> u64 {
        self.left_out
    }

    /// The diagram's text, ending with a newline.
    pub fn render(&self) -> String {
        let mut text = String::from("sequenceDiagram\n");
        for (index, endpoint) in self.participants.iter().enumerate() {
            let _ = writeln!(text, "    participant p{} as {endpoint}", index + 1);
        }
        for entry in &self.entries {
            match entry {
                Entry::Arrow {
                    from,
                    to,
                    dashed,
                    label,
                } => {
                    let arrow = if *dashed { "-->>" } else { "->>" };
                    let _ = writeln!(text, "    p{}{arrow}p{}: {label}", from + 1, to + 1);
                }
                Entry::Note { over, text: note } => {
                    let names: Vec<String> = over.iter().map(|i| format!("p{}", i + 1)).collect();
                    let _ = writeln!(text, "    Note over {}: {note}", names.join(","));
                }
            }
        }
        if self.left_out > 0 && !self.participants.is_empty() {
            let _ = writeln!(
                text,
                "    Note over p1: {} more packets not drawn",
                self.left_out
            );
        }
        text
    }

    fn participant(&mut self, endpoint: Endpoint) -> usize {
        match self
            .participants
            .iter()
            .position(|&known| known == endpoint)
        {
            Some(index) => index,
            None => {
                self.participants.push(endpoint);
                self.participants.len() - 1
            }
        }
    }
}

/// The arrow's label: `SYN seq=0`, `PSH-ACK seq=1 ack=1 len=6`, `SEQ 3 (46 B)`,
/// `ICMP port unreachable`, `IGMPv3 join 239.255.78.78`.
pub fn label(packet: &Packet) -> String {
    let text = match &packet.kind {
        Kind::Tcp(segment) => {
            let mut text = format!("{} seq={}", segment.flags, segment.relative_seq);
            if let Some(ack) = segment.relative_ack {
                let _ = write!(text, " ack={ack}");
            }
            if segment.len > 0 {
                let _ = write!(text, " len={}", segment.len);
            }
            text
        }
        Kind::Udp(datagram) => match datagram.header {
            Some(header) => format!("SEQ {} ({} B)", header.seq, datagram.len),
            None => format!("UDP {} B", datagram.len),
        },
        Kind::Icmp(icmp) => format!("{} {}", text::word(packet), icmp.name()),
        Kind::Membership(membership) => {
            let changes: Vec<String> = membership.changes.iter().map(ToString::to_string).collect();
            let mut text = format!("{} {}", membership.protocol, changes.join(", "));
            if membership.more > 0 {
                let _ = write!(text, " and {} more groups", membership.more);
            }
            text
        }
        Kind::Fragment { .. } => "IP fragment".to_string(),
        Kind::Other { protocol } => format!("IP protocol {protocol}"),
    };
    safe(&text)
}

/// Text mermaid 11 draws as written. Tried in Chromium: `;` ends the statement (a parse
/// error), `#` starts an entity code (the rest of the label vanishes); `<` and `>` would be
/// read as HTML, `%%` as a comment, a newline as the next statement. `:` is fine.
fn safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ';' | '#' | '<' | '>' | '%' | '\n' | '\r' => ' ',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::packet::{Datagram, Packet};

    fn udp(from: u16, to: u16) -> Event {
        let endpoint = |port| Endpoint {
            ip: "127.0.0.1".parse().unwrap(),
            port: Some(port),
        };
        Event {
            number: 1,
            time: Duration::ZERO,
            timestamp: Duration::ZERO,
            packet: Packet {
                source: endpoint(from),
                destination: endpoint(to),
                kind: Kind::Udp(Datagram {
                    length: 12,
                    len: 4,
                    header: None,
                }),
                fragment: None,
            },
        }
    }

    #[test]
    fn notes_go_between_the_arrows_and_lose_what_mermaid_would_misread() {
        let mut diagram = Diagram::new();
        diagram.packet(&udp(50000, 7879));
        let sender = udp(50000, 7879).packet.source;
        diagram.note(&[sender], "send_to 127.0.0.1:7879; #1 <b>");
        diagram.packet(&udp(7879, 50000));
        assert_eq!(
            diagram.render(),
            "\
sequenceDiagram
    participant p1 as 127.0.0.1:50000
    participant p2 as 127.0.0.1:7879
    p1->>p2: UDP 4 B
    Note over p1: send_to 127.0.0.1:7879   1  b 
    p2->>p1: UDP 4 B
"
        );
    }

    #[test]
    fn a_long_capture_draws_the_first_arrows_and_says_how_many_are_left_out() {
        let mut diagram = Diagram::new();
        for _ in 0..MAX_ARROWS + 7 {
            diagram.packet(&udp(50000, 7879));
        }
        assert_eq!(diagram.left_out(), 7);
        let text = diagram.render();
        assert_eq!(text.matches("->>").count(), MAX_ARROWS);
        assert!(
            text.ends_with("    Note over p1: 7 more packets not drawn\n"),
            "{text}"
        );
    }
}
