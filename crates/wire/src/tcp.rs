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
