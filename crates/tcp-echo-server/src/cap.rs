//! The cap on clients served at once (`--max-clients`): a count that each connection's thread
//! gives back when it ends, and the polite "server busy" line for a client over the cap.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use course::say;

/// How many clients are served now, and the most allowed.
pub struct Cap {
    serving: Arc<AtomicUsize>,
    max: usize,
}

/// One client's place under the cap; dropping it gives the place back.
pub struct Place {
    /// `None` once given back.
    serving: Option<Arc<AtomicUsize>>,
}

impl Cap {
    pub fn new(max: usize) -> Cap {
        Cap {
            serving: Arc::new(AtomicUsize::new(0)),
            max,
        }
    }

    /// A place for one more client, and how many are served with it; or, over the cap, how
    /// many are served already. Only the accept loop takes places, so the count cannot pass
    /// the cap between the check and the increment.
    pub fn take(&self) -> Result<(Place, usize), usize> {
        let serving = self.serving.load(Ordering::SeqCst);
        if serving >= self.max {
            return Err(serving);
        }
        self.serving.fetch_add(1, Ordering::SeqCst);
        let place = Place {
            serving: Some(Arc::clone(&self.serving)),
        };
        Ok((place, serving + 1))
    }
}

impl Place {
    /// Gives the place back; returns how many clients are left.
    pub fn release(&mut self) -> usize {
        match self.serving.take() {
            Some(serving) => serving.fetch_sub(1, Ordering::SeqCst) - 1,
            None => 0,
        }
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        // Also runs if the thread panics, or never starts: the count never leaks.
        self.release();
    }
}

impl Cap {
    /// Over the cap, the kernel has done the handshake already: say why, and close. `who` is
    /// the connection, as the accept line names it.
    pub fn refuse(&self, stream: TcpStream, who: &str, serving: usize) {
        let clients = course::plural(serving, "client");
        let max = self.max;
        say!("accept", "tcp-echo-server.refused", who, clients, max);
        refuse(stream, serving);
    }
}

/// One line that says why, then close.
fn refuse(mut stream: TcpStream, serving: usize) {
    // Never block the accept loop on this client: the line fits in an empty send buffer.
    let _ = stream.set_nonblocking(true);
    // Data on the wire, for whatever client connected: in English, as protocols speak it,
    // whatever the language of the server's narration.
    let clients = if serving == 1 { "client" } else { "clients" };
    let message = format!("server busy: {serving} {clients} connected, try again later\n");
    let _ = stream.write_all(message.as_bytes());
    // FIN after the line. Then drop what the client may have sent already: closing a socket
    // with unread data makes the kernel send a reset, which could destroy the line in flight.
    let _ = stream.shutdown(Shutdown::Write);
    let mut unread = [0u8; 4096];
    for _ in 0..16 {
        match stream.read(&mut unread) {
            Ok(n) if n > 0 => continue,
            _ => break,
        }
    }
}
