//! A relay running on a thread of its own, for tests and exercises (udp1-pinger's spec).

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

use datagram::Scoreboard;

use crate::{Impairments, Options, bind};

/// A relay running on a thread of its own, for tests and exercises. Dropping it stops it.
pub struct Relay {
    local: SocketAddr,
    stop: Arc<AtomicBool>,
    expected: Arc<Mutex<Scoreboard>>,
    thread: Option<JoinHandle<()>>,
}

impl Relay {
    /// Binds `listen` (port 0 ok) and relays to `upstream` on a thread of its own.
    pub fn start(
        listen: SocketAddr,
        upstream: SocketAddr,
        impairments: Impairments,
    ) -> anyhow::Result<Relay> {
        let bound = bind(Options {
            listen,
            upstream,
            impairments,
            count: None,
            idle_timeout: None,
        })?;
        let local = bound.local_addr();
        let expected = Arc::clone(&bound.expected);
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let thread = thread::spawn(move || {
            if let Err(error) = bound.run(move || stopping.load(Ordering::SeqCst)) {
                course::report(&error);
            }
        });
        Ok(Relay {
            local,
            stop,
            expected,
            thread: Some(thread),
        })
    }

    /// The address clients send to.
    pub fn local_addr(&self) -> SocketAddr {
        self.local
    }

    /// The score a receiver behind the relay should report, for what was relayed so far.
    pub fn expected(&self) -> Scoreboard {
        self.expected
            .lock()
            .map(|board| board.clone())
            .unwrap_or_default()
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
