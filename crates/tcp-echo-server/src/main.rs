//! # tcp-echo-server: a TCP listener that echoes every byte back, to many clients at once
//!
//! What it teaches (the lesson's "Sockets TCP/IP"): a server socket is *bound* to a port and
//! *listens*; `accept` hands out a new socket per client, on the listener's own port (there is
//! no "new port": the narration shows each connection's addresses); TCP is a byte stream, read
//! and echoed with `write_all`; a thread per client, and what a robust server does about
//! clients that reset, vanish, stay silent, or are too many.
//!
//! ```text
//! cargo run -p tcp-echo-server        # terminal 1
//! cargo run -p tcp-client             # terminal 2, then type lines
//! ```
//!
//! The same calls and nothing else: examples/tcp-echo-server-minimal.rs. Not the lesson:
//! args.rs (options), cap.rs (--max-clients), trouble.rs (errors). Book: "TCP".

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::ExitCode;
use std::thread;
use std::time::Instant;

use anyhow::{Context, Result};
use course::trouble::{bind_hint, timed_out};
use course::{HintExt, say, t};
use socket2::{Domain, Protocol, Socket, Type};

mod args;
mod cap;
mod trouble;

use args::{Args, Serving};
use cap::{Cap, Place};
use trouble::{Ending, accept_failed};

/// How many finished handshakes the kernel may queue for us before we call `accept` (Linux
/// caps it at /proc/sys/net/core/somaxconn, 4096 on recent kernels). When the queue is full,
/// the kernel drops the SYN and the client retries only after 1 s: 5,000 connects at once on
/// loopback left about 3,000 waiting over 1 s with a backlog of 1,024, none with 4,096.
const BACKLOG: i32 = 4096;
/// Each client's thread gets a small stack (the default is 2 MiB), so that 10,000 clients
/// fit in memory; its read buffer lives on the heap.
const STACK_SIZE: usize = 128 * 1024;

fn main() -> ExitCode {
    course::main(run)
}

fn run() -> Result<()> {
    let args: Args = course::parse_args();
    let address = SocketAddr::new(args.bind, args.port);

    // ANCHOR: listen
    // socket2 makes the same calls as std's `TcpListener::bind(address)` (socket, bind,
    // listen), and lets us choose the backlog, which std sets to 128.
    let domain = Domain::for_address(address); // IPv4 or IPv6, as the address
    let socket = Socket::new(domain, Type::STREAM, Some(Protocol::TCP))
        .with_context(|| t!("tcp-echo-server.creating-socket", address))?;
    // Unix: SO_REUSEADDR lets a restarted server bind its port at once, while the previous
    // run's closed connections still wait in TIME_WAIT (std's TcpListener::bind does the same).
    // Windows: SO_REUSEADDR would let a second server bind a port that is in use, so not there.
    #[cfg(unix)]
    socket
        .set_reuse_address(true)
        .with_context(|| t!("tcp-echo-server.setting-reuse-address", address))?;
    socket
        .bind(&address.into())
        .with_context(|| t!("tcp-echo-server.binding", address))
        .hint_with(|error| bind_hint(error, address, &t!("tcp-echo-server.holder")))?;
    // From here on the kernel completes clients' handshakes by itself and queues them.
    socket
        .listen(BACKLOG)
        .with_context(|| t!("tcp-echo-server.listening-on", address))?;
    let listener = TcpListener::from(socket);
    let local = listener
        .local_addr()
        .with_context(|| t!("tcp-echo-server.reading-address"))?;
    let backlog = BACKLOG;
    say!("bind", "tcp-echo-server.listening", local, backlog);
    // ANCHOR_END: listen
    args.narrate_choices(local);
    accept_loop(&listener, local, &args)
}

fn accept_loop(listener: &TcpListener, local: SocketAddr, args: &Args) -> ! {
    let cap = Cap::new(args.max_clients);
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
        // ANCHOR_END: accept

        let who = t!("tcp-echo-server.connection", number, peer, on);
        let (place, serving) = match cap.take() {
            Ok(taken) => taken,
            Err(serving) => {
                cap.refuse(stream, &who, serving);
                continue;
            }
        };
        let whose_port = t!("tcp-echo-server.own-port");
        let clients = course::plural(serving, "client");
        say!(
            "accept",
            "tcp-echo-server.accepted",
            who,
            whose_port,
            clients
        );
        if number == 1 {
            say!("", "tcp-echo-server.no-new-port", port = on.port());
        }

        // ANCHOR: thread
        // One thread per client, blocked in `read` on its own connection: a slow client stops
        // only its own thread. For many thousands of clients, one thread can watch every
        // socket at once instead (non-blocking sockets and epoll/kqueue, as in mio or tokio).
        let connection = Connection {
            number,
            peer,
            place,
            serving: args.serving(),
        };
        let spawned = thread::Builder::new()
            .name(format!("client #{number}"))
            .stack_size(STACK_SIZE)
            .spawn(move || connection.serve(stream));
        // ANCHOR_END: thread
        if let Err(error) = spawned {
            trouble::no_thread(number, peer, &error);
        }
    }
}

/// One client's connection, served by its own thread.
struct Connection {
    number: u64,
    peer: SocketAddr,
    place: Place,
    serving: Serving,
}

impl Connection {
    // ANCHOR: serve
    fn serve(mut self, mut stream: TcpStream) {
        let started = Instant::now();
        let timeout = self.serving.idle_timeout;
        // Small messages go out at once instead of waiting to be merged (Nagle's algorithm):
        // an interactive echo is all small messages.
        let _ = stream.set_nodelay(true);
        // A blocked read or write gives up after the timeout, so that a silent client or one
        // that never reads cannot hold this thread forever.
        let _ = stream.set_read_timeout(timeout);
        let _ = stream.set_write_timeout(timeout);

        let mut echoed: u64 = 0;
        let how = self.echo(&mut stream, &mut echoed);
        // Dropping the stream closes the socket: the kernel sends FIN (RST if data is unread).
        // Closed and its place given back before we say so: a new client finds it so.
        drop(stream);
        let left = self.place.release();
        say!(
            "close",
            "tcp-echo-server.closed",
            number = self.number,
            peer = self.peer,
            how,
            echoed = course::plural(echoed, "byte"),
            took = format!("{:.1?}", started.elapsed()),
            left = course::plural(left, "client"),
        );
    }
    // ANCHOR_END: serve

    // ANCHOR: echo
    /// Reads whatever has arrived (1 byte to a whole buffer: TCP keeps no message boundaries)
    /// and writes it all back, until the client is done.
    fn echo(&self, stream: &mut TcpStream, echoed: &mut u64) -> Ending {
        let (number, peer) = (self.number, self.peer);
        let timeout = self.serving.idle_timeout.unwrap_or_default();
        let mut buffer = vec![0u8; self.serving.buffer];
        loop {
            if let Some(pause) = self.serving.slow {
                thread::sleep(pause); // --slow: a busy server; the kernel keeps receiving
            }
            let n = match stream.read(&mut buffer) {
                Ok(0) => return Ending::EndOfStream,
                Ok(n) => n,
                // With a read timeout, Linux may return EINTR on a signal: just read again.
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                // A read timeout is WouldBlock on Unix, TimedOut on Windows.
                Err(error) if timed_out(&error) => return Ending::IdleTimeout(timeout),
                Err(error) => return Ending::read_failed(error),
            };
            if self.serving.verbose {
                let bytes = course::plural(n, "byte");
                say!("recv", "tcp-echo-server.received", number, bytes, peer);
            }
            // `write` may send only part of the buffer; `write_all` loops until all is sent.
            match stream.write_all(&buffer[..n]) {
                Ok(()) => *echoed += n as u64,
                Err(error) if timed_out(&error) => return Ending::WriteTimeout(timeout),
                Err(error) => return Ending::write_failed(error),
            }
            if self.serving.verbose {
                let bytes = course::plural(n, "byte");
                say!("send", "tcp-echo-server.sent", number, bytes, peer);
            }
        }
    }
    // ANCHOR_END: echo
}
