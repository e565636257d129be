//! The demo knobs `--wait` and `--slow`, which let datagrams pile up in the kernel's receive
//! buffer: waits that Ctrl-C cuts short.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Context;
use course::{say, t};

use crate::POLL;

/// `--wait`: reads nothing until the student presses Enter (or Ctrl-C), so that datagrams
/// pile up in the kernel's receive buffer of `granted` bytes.
pub fn wait(granted: usize, interrupted: &AtomicBool) -> anyhow::Result<()> {
    let label = t!("udp-receiver.label-wait");
    say!(&label, "udp-receiver.wait", granted);
    if wait_for_enter(interrupted)? {
        say!(&label, "udp-receiver.reading-now");
    }
    Ok(())
}

/// Waits for a line on stdin (Enter), or Ctrl-C: true for Enter. A read blocked on stdin
/// carries on after Ctrl-C (the handler asks the OS to restart it), so the read runs on a
/// thread of its own and this one looks at the flag between waits.
fn wait_for_enter(interrupted: &AtomicBool) -> anyhow::Result<bool> {
    let (entered, enter) = mpsc::channel();
    thread::spawn(move || {
        let mut line = String::new();
        let _ = entered.send(io::stdin().read_line(&mut line));
    });
    while !interrupted.load(Ordering::SeqCst) {
        match enter.recv_timeout(POLL) {
            Ok(read) => {
                return read
                    .map(|_| true)
                    .with_context(|| t!("udp-receiver.reading-stdin"));
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(true),
        }
    }
    Ok(false)
}

/// Sleeps for `duration`, or until Ctrl-C. `thread::sleep` carries on after the signal, so
/// this sleeps in slices of [`POLL`] and looks at the flag between them.
pub fn sleep_unless_interrupted(duration: Duration, interrupted: &AtomicBool) {
    let start = Instant::now();
    while !interrupted.load(Ordering::SeqCst) {
        let left = duration.saturating_sub(start.elapsed());
        if left.is_zero() {
            break;
        }
        thread::sleep(left.min(POLL));
    }
}
