//! When a receive loop stops: the student presses Ctrl-C, `--count` datagrams have come, or
//! nothing came for `--idle-timeout`. The loop asks [`Stop::why`] before each receive.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// The stop conditions of a receive loop, and the time of the last arrival.
pub struct Stop<'a> {
    interrupted: &'a dyn Fn() -> bool,
    count: Option<u64>,
    idle_timeout: Option<Duration>,
    last: Instant,
}

/// Whether the student pressed Ctrl-C (see [`crate::ctrl_c`]).
fn ctrl_c_pressed() -> bool {
    crate::ctrl_c().load(Ordering::SeqCst)
}

impl Stop<'static> {
    /// Stops on Ctrl-C, after `count` datagrams, or after `idle_timeout` without one (from now).
    pub fn on_ctrl_c(count: Option<u64>, idle_timeout: Option<Duration>) -> Stop<'static> {
        crate::ctrl_c();
        Stop::when(&ctrl_c_pressed, count, idle_timeout)
    }
}

impl<'a> Stop<'a> {
    /// Stops when `interrupted` says so (a test's flag, a relay being dropped), after `count`
    /// datagrams, or after `idle_timeout` without one (from now).
    pub fn when(
        interrupted: &'a dyn Fn() -> bool,
        count: Option<u64>,
        idle_timeout: Option<Duration>,
    ) -> Stop<'a> {
        Stop {
            interrupted,
            count,
            idle_timeout,
            last: Instant::now(),
        }
    }

    /// A datagram arrived: the idle timeout counts from now.
    pub fn arrived(&mut self) {
        self.last = Instant::now();
    }

    /// How long since the last datagram (or since the loop began).
    pub fn quiet_for(&self) -> Duration {
        self.last.elapsed()
    }

    /// Whether Ctrl-C was pressed (or what `interrupted` watches said stop).
    pub fn interrupted(&self) -> bool {
        (self.interrupted)()
    }

    /// Why the loop must stop now, for its `stop` line; `None` to go on. `received` is how
    /// many datagrams have come so far.
    pub fn why(&self, received: u64) -> Option<String> {
        if self.interrupted() {
            return Some("Ctrl-C".to_string());
        }
        if self.count.is_some_and(|count| received >= count) {
            let datagrams = crate::plural(received, "datagram received");
            return Some(crate::t!("course.stop.count", datagrams));
        }
        let idle = self.idle_timeout.filter(|&idle| self.quiet_for() >= idle)?;
        let seconds = idle.as_secs_f64();
        Some(crate::t!("course.stop.idle", seconds))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn says_why_it_stops() {
        let pressed = Cell::new(false);
        let interrupted = || pressed.get();
        let stop = Stop::when(&interrupted, Some(3), None);
        assert_eq!(stop.why(2), None);
        assert_eq!(
            stop.why(3).as_deref(),
            Some("3 datagrams received (--count)")
        );
        pressed.set(true);
        assert_eq!(stop.why(0).as_deref(), Some("Ctrl-C"));

        let stop = Stop::when(&|| false, Some(1), None);
        assert_eq!(
            stop.why(1).as_deref(),
            Some("1 datagram received (--count)")
        );
    }

    #[test]
    fn the_idle_timeout_counts_from_the_last_arrival() {
        let mut stop = Stop::when(&|| false, None, Some(Duration::from_secs(3600)));
        assert_eq!(stop.why(0), None);
        stop.arrived();
        assert!(stop.quiet_for() < Duration::from_secs(3600));
        // The last arrival a minute ago, and an idle timeout of a second.
        let mut stop = Stop::when(&|| false, None, Some(Duration::from_secs(1)));
        stop.last = Instant::now()
            .checked_sub(Duration::from_secs(60))
            .expect("a clock that goes back a minute");
        assert_eq!(
            stop.why(0).as_deref(),
            Some("nothing received for 1 s (--idle-timeout)")
        );
    }
}
