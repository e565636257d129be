//! The packets behind the socket calls: read a capture file (pcap or pcapng, from tcpdump or
//! Wireshark on any system) or capture Linux's loopback live, and tell each packet of the
//! course's traffic in the course's words.
//!
//! The parts, in the order a frame goes through them:
//!
//! - [`capture`] reads frames from a file, [`live`] from a packet socket (Linux);
//! - [`link`] finds the IP header behind the link type's own header;
//! - [`packet`] (with [`membership`]) decodes the IP packet: addresses, ports, TCP, UDP,
//!   ICMP, IGMP, MLD;
//! - [`tcp`] numbers sequence numbers from the start of each connection;
//! - [`filter`] keeps the course's traffic;
//! - [`text`] writes a packet as a line, [`mermaid`] as an arrow of a sequence diagram;
//! - [`save`] writes frames to a pcapng file.
//!
//! [`Wire`] ties them: frames in, [`Event`]s out, with their times.
//!
//! # Beside a program's narration (Linux)
//!
//! A program that puts packets beside the socket calls it narrates (the course's demo)
//! captures and decodes frame by frame, and orders both by time:
//!
//! ```no_run
//! # #[cfg(target_os = "linux")]
//! # fn main() -> anyhow::Result<()> {
//! use wire::{Filter, Verdict, Wire};
//!
//! let mut loopback = wire::live::Loopback::open()?;
//! let mut wire = Wire::new(Filter::Course);
//! wire.start_at(wire::live::now());
//! loop {
//!     // None after a short wait without a frame: time to look at the narration.
//!     let Some(frame) = loopback.next_frame()? else { continue };
//!     if let Verdict::Shown(event) = wire.frame(&frame) {
//!         // event.timestamp: when the kernel saw it cross lo, since the Unix epoch
// (CLOCK_REALTIME, as SystemTime), to merge with the narration's times.
//!         println!("{}", wire::text::line(&event));
//!     }
//! }
//! # }
//! # #[cfg(not(target_os = "linux"))]
//! # fn main() {}
//! ```

use std::collections::{BTreeMap, HashSet};
use std::net::IpAddr;
use std::time::Duration;

pub mod capture;
pub mod filter;
pub mod link;
#[cfg(target_os = "linux")]
pub mod live;
pub mod membership;
pub mod mermaid;
pub mod packet;
pub mod save;
pub mod tcp;
pub mod text;

pub use capture::{Capture, Frame, Record};
pub use filter::Filter;
pub use packet::{Kind, Packet, Unreadable};

/// A packet to show, with its times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Its number in the capture, from 1, as Wireshark numbers them.
    pub number: u64,
    /// Since the first packet of the capture.
    pub time: Duration,
    /// Since the Unix epoch, as captured: to put packets beside other events of the run.
    pub timestamp: Duration,
    pub packet: Packet,
}

/// What became of a frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Shown(Event),
    /// Decoded, but not what the filter shows.
    Hidden,
    /// Not decoded: packet number and why.
    Unreadable(u64, Unreadable),
}

/// What a run read, showed and skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub read: u64,
    pub shown: u64,
    /// Packets not shown, by reason.
    pub skipped: BTreeMap<String, u64>,
}

/// The most fragmented packets remembered at once, to show their later fragments.
const FRAGMENTED: usize = 1024;

/// Turns frames into events: decodes, numbers TCP sequences, filters, counts.
#[derive(Debug)]
pub struct Wire {
    filter: Filter,
    connections: tcp::Connections,
    /// Time 0: the timestamp of the first frame, or the start of a live capture.
    first: Option<Duration>,
    /// Fragmented packets whose first fragment was shown: (source, destination, id).
    fragmented: HashSet<(IpAddr, IpAddr, u32)>,
    counts: Counts,
}

impl Wire {
    pub fn new(filter: Filter) -> Wire {
        Wire {
            filter,
            connections: tcp::Connections::default(),
            first: None,
            fragmented: HashSet::new(),
            counts: Counts::default(),
        }
    }

    /// Counts times from `timestamp` (since the Unix epoch) instead of from the first frame:
    /// a live capture counts from its start.
    pub fn start_at(&mut self, timestamp: Duration) {
        self.first = Some(timestamp);
    }

    /// What the run read, showed and skipped so far.
    pub fn counts(&self) -> &Counts {
        &self.counts
    }

    /// One record of a capture file: a frame, or a packet the file itself could not give.
    pub fn record(&mut self, record: Record) -> Verdict {
        match record {
            Record::Frame(frame) => self.frame(&frame),
            Record::Skipped(reason) => {
                self.counts.read += 1;
                self.skip(&reason);
                Verdict::Unreadable(
                    self.counts.read,
                    Unreadable {
                        reason,
                        detail: None,
                    },
                )
            }
        }
    }

    /// One frame.
    pub fn frame(&mut self, frame: &Frame) -> Verdict {
        self.counts.read += 1;
        let number = self.counts.read;
        let first = *self.first.get_or_insert(frame.timestamp);
        let missing = (frame.original_len as usize).saturating_sub(frame.data.len());
        let decoded = frame
            .link
            .network(&frame.data)
            .map_err(|reason| Unreadable {
                reason,
                detail: None,
            })
            .and_then(|(ether_type, bytes)| packet::decode(ether_type, bytes, missing));
        let mut packet = match decoded {
            Ok(packet) => packet,
            Err(unreadable) => {
                self.skip(&unreadable.reason);
                return Verdict::Unreadable(number, unreadable);
            }
        };
        if let Kind::Tcp(segment) = &mut packet.kind {
            self.connections
                .number(packet.source, packet.destination, segment);
        }
        if !self.shows(&packet) {
            self.skip(&self.filter.hidden_reason());
            return Verdict::Hidden;
        }
        self.counts.shown += 1;
        Verdict::Shown(Event {
            number,
            time: frame.timestamp.saturating_sub(first),
            timestamp: frame.timestamp,
            packet,
        })
    }

    /// The filter's choice; a later fragment follows its first.
    fn shows(&mut self, packet: &Packet) -> bool {
        let Some(fragment) = packet.fragment else {
            return self.filter.shows(packet);
        };
        let key = (packet.source.ip, packet.destination.ip, fragment.id);
        if fragment.offset == 0 {
            let shown = self.filter.shows(packet);
            if shown && fragment.more && self.fragmented.len() < FRAGMENTED {
                self.fragmented.insert(key);
            }
            return shown;
        }
        let shown = self.fragmented.contains(&key) || self.filter == Filter::All;
        if !fragment.more {
            self.fragmented.remove(&key);
        }
        shown
    }

    fn skip(&mut self, reason: &str) {
        *self.counts.skipped.entry(reason.to_string()).or_default() += 1;
    }
}
