//! Sending at `--rate` datagrams per second.

use std::thread;
use std::time::{Duration, Instant};

/// Keeps a sender to its rate: datagram `n` is due `n` pauses after the start. Keeping to that
/// schedule, rather than sleeping after each send, holds the rate on average even though each
/// send and each sleep take a little longer than asked.
#[derive(Debug, Clone, Copy)]
pub struct Pacer {
    started: Instant,
    pause: Option<Duration>,
}

impl Pacer {
    /// A pacer that starts now; `rate` in datagrams per second, 0 for as fast as the loop goes
    /// (as [`crate::rate`] reads `--rate`).
    pub fn new(rate: f64) -> Pacer {
        let pause = if rate > 0.0 {
            Duration::try_from_secs_f64(1.0 / rate).ok()
        } else {
            None
        };
        Pacer {
            started: Instant::now(),
            pause,
        }
    }

    /// The pause between two datagrams; `None` when there is none (rate 0).
    pub fn pause(&self) -> Option<Duration> {
        self.pause
    }

    /// When the pacer started: the start of the run.
    pub fn started(&self) -> Instant {
        self.started
    }

    /// Sleeps until datagram `seq` (from 0) is due; at once when there is no pause or it is
    /// late. Past what a clock can hold, it sleeps one pause.
    pub fn wait_for(&self, seq: u64) {
        let Some(pause) = self.pause else { return };
        let due = u32::try_from(seq)
            .ok()
            .and_then(|seq| pause.checked_mul(seq))
            .and_then(|offset| self.started.checked_add(offset));
        match due {
            Some(due) => {
                if let Some(wait) = due.checked_duration_since(Instant::now()) {
                    thread::sleep(wait);
                }
            }
            None => thread::sleep(pause),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_zero_has_no_pause_and_never_waits() {
        let pacer = Pacer::new(0.0);
        assert_eq!(pacer.pause(), None);
        pacer.wait_for(u64::MAX);
    }

    #[test]
    fn the_pause_is_one_over_the_rate() {
        assert_eq!(Pacer::new(4.0).pause(), Some(Duration::from_millis(250)));
        // A pause that no Duration holds: no pause rather than a panic (course::rate refuses
        // such a rate before it gets here).
        assert_eq!(Pacer::new(1e-300).pause(), None);
    }
}
