//! # tcp-echo-server: a TCP listener that echoes every byte back, to many clients at once
//!
//! What it teaches (the lesson's "Sockets TCP/IP" section):
//! - a server socket is *bound* to a port and *listens*; `accept` hands out one new connected
//!   socket per client;
//! - that connected socket keeps the listener's own port: the lesson's diagram says the server
//!   "connects the client on a new port", but it does not. A connection is told apart by its
//!   four addresses and ports (local IP:port, peer IP:port), and the narration shows them;
//! - TCP is a byte stream: the server echoes whatever `read` returns, in chunks, with
//!   `write_all`, and needs no message format at all;
//! - a thread per client, and what a robust server does about clients that reset, vanish,
//!   stay silent, or are too many.
//!
//! Run it in one terminal, and the client in another:
//!
//! ```text
//! cargo run -p tcp-echo-server
//! cargo run -p tcp-client
//! ```
//!
//! or with any TCP client: `nc -N 127.0.0.1 7878`. Book chapter: "Sockets TCP/IP".

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use course::trouble::{bind_hint, timed_out};
use course::{HintExt, narrate};
use socket2::{Domain, Protocol, Socket, Type};

mod args;
mod trouble;

use args::Args;
use trouble::{Ending, accept_failed, refuse};

/// How many finished handshakes the kernel may queue for us before we call `accept`.
/// Linux caps it at /proc/sys/net/core/somaxconn (4096 on recent kernels); std uses 128.
/// When the queue is full the kernel drops the SYN and the client retries only after 1 s:
/// 5,000 connects at once on loopback left about 3,000 waiting over 1 s with 1,024, none with 4,096.
const BACKLOG: i32 = 4096;
/// Each client's thread reads and writes up to this many bytes at a time.
const CHUNK: usize = 64 * 1024;
/// Each client's thread gets a small stack (the default is 2 MiB), so that 10,000 clients
/// fit in memory; the 64 KiB buffer lives on the heap.
const STACK_SIZE: usize = 128 * 1024;

fn main() -> ExitCode {
    course::main(run)
}

fn run() -> Result<()> {
    let args: Args = course::parse_args();
    let address = SocketAddr::new(args.bind, args.port);
    let idle_timeout = (args.idle_timeout > 0).then(|| Duration::from_secs(args.idle_timeout));

    // ANCHOR: listen
    let listener = listen(address)?;
    let local = listener
        .local_addr()
        .context("reading the listener's address")?;
    narrate!(
        "bind",
        "{local} (TCP listener, backlog {BACKLOG}); waiting for clients (Ctrl-C stops)"
    );
    // ANCHOR_END: listen

    // Clients being served now; each client's thread lowers it when its connection ends.
    let clients = Arc::new(AtomicUsize::new(0));
    let mut number: u64 = 0;
    loop {
        // ANCHOR: accept
        // `accept` waits for the next client whose handshake the kernel has completed and
        // returns a *new* socket connected to it; the listener keeps listening.
        let (stream, peer) = match listener.accept() {
            Ok(accepted) => accepted,
            Err(error) => {
                accept_failed(&error);
                continue;
            }
        };
        number += 1;
        // The accepted socket's local address is the listener's, port included: there is no
        // "new port". The kernel routes each segment by the 4-tuple (local, peer).
        let on = stream.local_addr().unwrap_or(local);
        let whose_port = if on.port() == local.port() {
            "the listener's own port"
        } else {
            "NOT the listener's port"
        };
        // ANCHOR_END: accept

        // The cap: the connection is already accepted (the kernel did the handshake), so
        // the polite thing is to say why and close, rather than leave it waiting.
        let serving = clients.load(Ordering::SeqCst);
        if serving >= args.max_clients {
            narrate!(
                "accept",
                "#{number} from {peer} on {on}: refused, {} connected already (--max-clients {})",
                course::plural(serving, "client"),
                args.max_clients
            );
            refuse(stream, serving);
            continue;
        }
        clients.fetch_add(1, Ordering::SeqCst);
        narrate!(
            "accept",
            "#{number} from {peer} on {on}, {whose_port}; {} connected",
            course::plural(serving + 1, "client")
        );
        if number == 1 {
            narrate!(
                "",
                "no new port: connections share port {}, told apart by (local IP:port, peer \
                 IP:port)",
                on.port()
            );
        }

        // ANCHOR: thread
        // One thread per client: each thread blocks in `read` on its own connection, so the
        // code reads like the conversation it serves, and a slow client only stops its own
        // thread. The alternative, for many thousands of clients, is one thread watching
        // every socket at once (non-blocking sockets and epoll/kqueue, as in mio or tokio).
        let connection = Connection {
            number,
            peer,
            verbose: args.verbose,
            clients: Some(Arc::clone(&clients)),
        };
        let spawned = thread::Builder::new()
            .name(format!("client #{number}"))
            .stack_size(STACK_SIZE)
            .spawn(move || connection.serve(stream, idle_timeout));
        // ANCHOR_END: thread
        if let Err(error) = spawned {
            // Out of threads or memory: std drops the closure, so the stream closes and the
            // Connection's Drop gives its place back; the server carries on with the others.
            narrate!(
                "close",
                "#{number} {peer}: could not start a thread for it ({error}); closed"
            );
        }
    }
}

// ANCHOR: socket2
/// Creates the listening socket with socket2, so that we choose the backlog and the options,
/// then hands it to std as a `TcpListener`.
fn listen(address: SocketAddr) -> Result<TcpListener> {
    let socket = Socket::new(
        Domain::for_address(address),
        Type::STREAM,
        Some(Protocol::TCP),
    )
    .with_context(|| format!("creating a TCP socket for {address}"))?;
    // Unix: SO_REUSEADDR lets a restarted server bind its port at once, while the previous
    // run's closed connections still wait in TIME_WAIT (std's TcpListener::bind does the same).
    // Windows: SO_REUSEADDR would let a second server bind a port that is in use, so not there.
    #[cfg(unix)]
    socket
        .set_reuse_address(true)
        .with_context(|| format!("setting SO_REUSEADDR on {address}"))?;
    socket
        .bind(&address.into())
        .with_context(|| format!("binding {address}"))
        .hint_with(|error| bind_hint(error, address, "another tcp-echo-server"))?;
    socket
        .listen(BACKLOG)
        .with_context(|| format!("listening on {address}"))?;
    Ok(socket.into())
}
// ANCHOR_END: socket2

/// One client's connection, served by its own thread.
struct Connection {
    number: u64,
    peer: SocketAddr,
    verbose: bool,
    /// The count of clients being served; `None` once this connection gave its place back.
    clients: Option<Arc<AtomicUsize>>,
}

impl Drop for Connection {
    fn drop(&mut self) {
        // Also runs if the thread panics, so the count never leaks.
        self.release();
    }
}

impl Connection {
    /// Gives this connection's place back; returns how many clients are left.
    fn release(&mut self) -> usize {
        match self.clients.take() {
            Some(clients) => clients.fetch_sub(1, Ordering::SeqCst) - 1,
            None => 0,
        }
    }

    fn serve(mut self, mut stream: TcpStream, idle_timeout: Option<Duration>) {
        let started = Instant::now();
        // Small messages go out at once instead of waiting to be merged (Nagle's algorithm):
        // an interactive echo is all small messages.
        let _ = stream.set_nodelay(true);
        // A blocked read or write gives up after the timeout, so that a silent client or one
        // that never reads cannot hold this thread forever.
        let _ = stream.set_read_timeout(idle_timeout);
        let _ = stream.set_write_timeout(idle_timeout);

        let mut echoed: u64 = 0;
        let how = self.echo(&mut stream, idle_timeout, &mut echoed);
        // Dropping the stream closes the socket: the kernel sends FIN (or RST if unread data).
        // Close and give the place back before saying so, so that the narration is never
        // ahead of what a new client finds.
        drop(stream);
        let left = self.release();
        narrate!(
            "close",
            "#{} {}: {how}; {} echoed in {:.1?}; {} left",
            self.number,
            self.peer,
            course::plural(echoed, "byte"),
            started.elapsed(),
            course::plural(left, "client")
        );
    }

    // ANCHOR: echo
    /// Reads whatever has arrived (1 byte to a whole chunk: TCP keeps no message boundaries)
    /// and writes it all back, until the client is done.
    fn echo(&self, stream: &mut TcpStream, timeout: Option<Duration>, echoed: &mut u64) -> Ending {
        let mut buffer = vec![0u8; CHUNK];
        let timeout = timeout.unwrap_or_default();
        loop {
            let n = match stream.read(&mut buffer) {
                Ok(0) => return Ending::EndOfStream,
                Ok(n) => n,
                // With a read timeout, Linux may return EINTR on a signal: just read again.
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                // A read timeout is WouldBlock on Unix, TimedOut on Windows.
                Err(error) if timed_out(&error) => return Ending::IdleTimeout(timeout),
                Err(error) if error.kind() == io::ErrorKind::ConnectionReset => {
                    return Ending::Reset;
                }
                Err(error) => return Ending::Failed(error),
            };
            if self.verbose {
                narrate!("recv", "#{} {n} bytes from {}", self.number, self.peer);
            }
            // `write` may send only part of the buffer; `write_all` loops until all is sent.
            match stream.write_all(&buffer[..n]) {
                Ok(()) => *echoed += n as u64,
                Err(error) if timed_out(&error) => return Ending::WriteTimeout(timeout),
                Err(error)
                    if matches!(
                        error.kind(),
                        io::ErrorKind::BrokenPipe
                            | io::ErrorKind::ConnectionReset
                            | io::ErrorKind::ConnectionAborted
                    ) =>
                {
                    return Ending::Vanished(error);
                }
                Err(error) => return Ending::Failed(error),
            }
            if self.verbose {
                narrate!("send", "#{} {n} bytes to {}", self.number, self.peer);
            }
        }
    }
    // ANCHOR_END: echo
}
