//! Relative sequence numbers, as Wireshark shows them.
//!
//! Each side of a TCP connection starts its sequence numbers at a random value (the ISN,
//! RFC 9293 3.4.1), so that an old segment cannot be mistaken for part of a new connection.
//! Counted from that start, they say what the lesson means: the SYN is byte 0, the first data
//! byte is 1, and an acknowledgement says how many bytes arrived.

use std::collections::HashMap;

use crate::packet::{Endpoint, Segment};

/// The starting sequence number of each direction of each connection seen so far.
#[derive(Debug, Default)]
pub struct Connections {
    /// (from, to) -> the sequence number that counts as 0 in that direction.
    starts: HashMap<(Endpoint, Endpoint), u32>,
}

impl Connections {
    /// Fills in `segment.relative_seq` and `relative_ack`. A connection whose SYN the capture
    /// missed counts from its first segment seen.
    pub fn number(&mut self, from: Endpoint, to: Endpoint, segment: &mut Segment) {
        let forward = (from, to);
        let reverse = (to, from);
        if segment.flags.syn {
            if !segment.flags.ack {
                // A new connection on the same addresses and ports: forget the old one.
                self.starts.remove(&reverse);
            }
            self.starts.insert(forward, segment.seq);
        }
        let start = *self.starts.entry(forward).or_insert(segment.seq);
        segment.relative_seq = segment.seq.wrapping_sub(start);
        segment.relative_ack = segment.flags.ack.then(|| {
            // Missed the other side's SYN: a SYN-ACK acknowledges its ISN + 1; any other
            // segment's acknowledgement becomes that side's 0.
            let guess = match segment.flags.syn {
                true => segment.ack.wrapping_sub(1),
                false => segment.ack,
            };
            let start = *self.starts.entry(reverse).or_insert(guess);
            segment.ack.wrapping_sub(start)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packet::Flags;

    fn segment(flags: &str, seq: u32, ack: u32) -> Segment {
        Segment {
            flags: Flags {
                syn: flags.contains('S'),
                fin: flags.contains('F'),
                ack: flags.contains('A'),
                ..Flags::default()
            },
            seq,
            ack,
            relative_seq: seq,
            relative_ack: None,
            window: 0,
            len: 0,
        }
    }

    /// Relative (seq, ack) of each segment, client to server when `out` is true.
    fn numbered(segments: &[(bool, Segment)]) -> Vec<(u32, Option<u32>)> {
        let endpoint = |port| Endpoint {
            ip: "127.0.0.1".parse().unwrap(),
            port: Some(port),
        };
        let (client, server) = (endpoint(40000), endpoint(7878));
        let mut connections = Connections::default();
        segments
            .iter()
            .map(|&(out, mut segment)| {
                let (from, to) = if out {
                    (client, server)
                } else {
                    (server, client)
                };
                connections.number(from, to, &mut segment);
                (segment.relative_seq, segment.relative_ack)
            })
            .collect()
    }

    #[test]
    fn numbers_count_from_each_sides_syn_even_across_the_wrap() {
        let start = u32::MAX - 1;
        let numbers = numbered(&[
            (true, segment("S", start, 0)),
            (false, segment("SA", 900, start.wrapping_add(1))),
            (true, segment("A", start.wrapping_add(1), 901)),
            (true, segment("FA", start.wrapping_add(6), 901)),
        ]);
        assert_eq!(
            numbers,
            [(0, None), (0, Some(1)), (1, Some(1)), (6, Some(1))]
        );
    }

    #[test]
    fn a_capture_that_missed_the_syn_counts_from_what_it_saw() {
        // From the SYN-ACK: the client's ISN is the acknowledgement minus one.
        let numbers = numbered(&[
            (false, segment("SA", 900, 5001)),
            (true, segment("A", 5001, 901)),
        ]);
        assert_eq!(numbers, [(0, Some(1)), (1, Some(1))]);
        // In the middle of the data: each side counts from its first segment seen.
        let numbers = numbered(&[
            (true, segment("A", 7000, 300)),
            (false, segment("A", 300, 7010)),
        ]);
        assert_eq!(numbers, [(0, Some(0)), (0, Some(10))]);
    }

    #[test]
    fn a_new_syn_on_the_same_ports_starts_a_new_count() {
        let numbers = numbered(&[
            (true, segment("S", 100, 0)),
            (false, segment("SA", 900, 101)),
            (true, segment("S", 5000, 0)),
            // The capture missed the new SYN-ACK: the server counts from what it sends next.
            (false, segment("A", 71, 5001)),
        ]);
        assert_eq!(numbers, [(0, None), (0, Some(1)), (0, None), (0, Some(1))]);
    }
}
