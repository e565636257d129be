//! One direction of the relay: what it does with the datagrams after their fate is decided.
//!
//! # Reordering
//!
//! A datagram chosen for reordering is held, and sent right after the next datagram the
//! relay sends (so it arrives after a later one, and the receiver counts it as reordered).
//! If a second one is held while the first still waits, the first is sent then. A held
//! datagram that nothing follows (the last of a run) is released after [`HOLD_FLUSH`](crate::HOLD_FLUSH) without
//! traffic, or when the relay stops; at rates below one datagram per [`HOLD_FLUSH`](crate::HOLD_FLUSH) a held
//! datagram is therefore released before the next arrives and the reorder does not show.
//!
//! # Delay
//!
//! `delay` holds every forwarded datagram for that long before sending it. The delay is the
//! same for all, so it does not reorder anything by itself. When the relay stops by itself
//! (`count`, `idle_timeout`) it still sends the delayed datagrams, each at its time; when it
//! is stopped (Ctrl-C) it drops them at once and counts them ([`Outcome::dropped`](crate::Outcome::dropped)).

use std::collections::VecDeque;
use std::thread;
use std::time::{Duration, Instant};

use course::{say, t};
use datagram::Header;

use crate::POLL;
use crate::fate::{Fate, Impairments, fate};

/// One direction of the relay: the fates, the held datagram, the delayed ones.
pub struct Direction {
    /// The first word of its narration lines.
    name: String,
    impairments: Option<Impairments>,
    next_index: u64,
    held: Option<(u64, Vec<u8>)>,
    delayed: VecDeque<(Instant, Vec<u8>)>,
    delay: Duration,
}

impl Direction {
    pub fn new(name: String, impairments: Option<Impairments>) -> Direction {
        let delay = impairments.as_ref().map_or(Duration::ZERO, |i| i.delay);
        Direction {
            name,
            impairments,
            next_index: 0,
            held: None,
            delayed: VecDeque::new(),
            delay,
        }
    }

    /// Decides the fate of one datagram and passes what must go out to `send`, in order.
    pub fn handle(&mut self, datagram: &[u8], mut send: impl FnMut(&[u8])) {
        let index = self.next_index;
        self.next_index += 1;
        let fate = match &self.impairments {
            Some(impairments) => fate(impairments, index),
            None => Fate::Forwarded,
        };
        let delayed = if self.delay.is_zero() || fate == Fate::Lost {
            String::new()
        } else {
            t!("udp-relay.delayed", millis = self.delay.as_millis())
        };
        say!(
            &self.name,
            "udp-relay.fate",
            index,
            seq = seq_of(datagram),
            bytes = course::plural(datagram.len(), "byte"),
            fate = fate.describe(),
            delayed
        );
        match fate {
            Fate::Lost => {}
            Fate::Forwarded => {
                self.emit(datagram, &mut send);
                self.release_held(&mut send);
            }
            Fate::Duplicated => {
                self.emit(datagram, &mut send);
                self.emit(datagram, &mut send);
                self.release_held(&mut send);
            }
            Fate::Held => {
                self.release_held(&mut send);
                self.held = Some((index, datagram.to_vec()));
            }
        }
    }

    /// Whether a datagram is held for reordering.
    pub fn holds(&self) -> bool {
        self.held.is_some()
    }

    pub fn release_held(&mut self, send: &mut impl FnMut(&[u8])) {
        if let Some((index, datagram)) = self.held.take() {
            say!(
                &self.name,
                "udp-relay.released",
                index,
                seq = seq_of(&datagram)
            );
            self.emit(&datagram, send);
        }
    }

    fn emit(&mut self, datagram: &[u8], send: &mut impl FnMut(&[u8])) {
        if self.delay.is_zero() {
            send(datagram);
        } else {
            self.delayed
                .push_back((Instant::now() + self.delay, datagram.to_vec()));
        }
    }

    /// Sends the delayed datagrams whose time has come.
    pub fn send_due(&mut self, send: &mut impl FnMut(&[u8])) {
        let now = Instant::now();
        while let Some((due, _)) = self.delayed.front() {
            if *due > now {
                break;
            }
            if let Some((_, datagram)) = self.delayed.pop_front() {
                send(&datagram);
            }
        }
    }

    /// How long a receive may block before something is due.
    pub fn wait(&self) -> Duration {
        match self.delayed.front() {
            Some((due, _)) => due
                .saturating_duration_since(Instant::now())
                .clamp(Duration::from_millis(1), POLL),
            None => POLL,
        }
    }

    /// At the end: everything out, in order, each delayed datagram at its time, unless
    /// `stop` says so (Ctrl-C): then what is still delayed is dropped. Returns how many were.
    pub fn flush(&mut self, send: &mut impl FnMut(&[u8]), stop: &dyn Fn() -> bool) -> u64 {
        self.release_held(send);
        if !self.delayed.is_empty() && !stop() {
            let datagrams = course::plural(self.delayed.len(), "delayed datagram");
            say!(&self.name, "udp-relay.still-delayed", datagrams);
        }
        while let Some((due, _)) = self.delayed.front() {
            if stop() {
                break;
            }
            // In slices, so that Ctrl-C is seen within POLL even during a long delay.
            match due.checked_duration_since(Instant::now()) {
                Some(wait) if !wait.is_zero() => thread::sleep(wait.min(POLL)),
                _ => {
                    if let Some((_, datagram)) = self.delayed.pop_front() {
                        send(&datagram);
                    }
                }
            }
        }
        let dropped = self.delayed.len() as u64;
        self.delayed.clear();
        dropped
    }
}

/// ` SEQ n` when the datagram has a course header.
fn seq_of(datagram: &[u8]) -> String {
    match Header::parse(datagram) {
        Some((header, _)) => format!(" SEQ {}", header.seq),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn impairments(reorder: f64) -> Impairments {
        Impairments {
            reorder,
            seed: 1,
            ..Impairments::default()
        }
    }

    #[test]
    fn held_datagram_goes_out_after_the_next_one() {
        let mut direction = Direction::new("test".into(), Some(impairments(1.0)));
        // Every datagram is held: each is released when the next one is held.
        let mut sent = Vec::new();
        for d in [b"a", b"b", b"c"] {
            direction.handle(d, |out| sent.push(out.to_vec()));
        }
        direction.flush(&mut |out: &[u8]| sent.push(out.to_vec()), &|| false);
        assert_eq!(sent, [b"a".to_vec(), b"b".to_vec(), b"c".to_vec()]);

        let mut direction = Direction::new("test".into(), None);
        direction.held = Some((0, b"held".to_vec()));
        let mut sent = Vec::new();
        direction.handle(b"next", |out| sent.push(out.to_vec()));
        assert_eq!(sent, [b"next".to_vec(), b"held".to_vec()]);
    }
}
