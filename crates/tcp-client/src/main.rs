//! # tcp-client: connects to a TCP server, sends what you type or pipe, prints the echo
//!
//! What it teaches (the lesson's "Sockets TCP/IP" section, the client's side):
//! - `connect` performs the handshake; after it, the connection is a pair of addresses and
//!   ports (yours, chosen by the OS, and the server's), and the narration shows both;
//! - TCP is a byte stream: to know that a line's echo is complete, the client counts bytes
//!   (a line sent as one write may come back in several reads);
//! - sending and receiving at the same time (two threads), and the half-close
//!   (`shutdown(Write)`) that tells the server "I am done sending" while still reading.
//!
//! Start the server in one terminal, then this client in another and type lines:
//!
//! ```text
//! cargo run -p tcp-echo-server
//! cargo run -p tcp-client
//! ```
//!
//! Or pipe a file through the server and back: `cargo run -p tcp-client < file > copy`,
//! or send one message: `cargo run -p tcp-client -- --message "olá"`.
//! Book chapter: "Sockets TCP/IP".

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use course::address::{Host, HostPort};
use course::{HintExt, narrate};

mod args;
mod greeting;
mod trouble;

use args::Args;
use greeting::first_words;
use trouble::{connect_hint, received_error, sent_error, typed_line};

/// Bytes moved per read or write when piping.
const CHUNK: usize = 64 * 1024;

fn main() -> ExitCode {
    course::main(run)
}

fn run() -> Result<()> {
    let args: Args = course::parse_args();
    let mut stream = connect(&args.host, args.port, args.timeout)?;
    let server = stream.peer_addr().context("reading the server's address")?;
    first_words(&mut stream, server)?;

    if let Some(message) = &args.message {
        one_shot(stream, server, message)
    } else if io::stdin().is_terminal() {
        interactive(stream, server)
    } else {
        pipe(stream, server)
    }
}

// ANCHOR: connect
/// Resolves `host` and connects to the first of its addresses that answers.
fn connect(host: &Host, port: u16, timeout: Duration) -> Result<TcpStream> {
    let target = HostPort {
        host: host.clone(),
        port,
    };
    // A name may resolve to several addresses: `localhost` is often ::1 (IPv6) first, then
    // 127.0.0.1. The server may listen on only one of them, so try each in turn.
    let addresses = course::address::resolve(host, port)?;
    if addresses.len() > 1 || matches!(host, Host::Name(_)) {
        let list: Vec<String> = addresses.iter().map(ToString::to_string).collect();
        narrate!("resolve", "{host} -> {}", list.join(", "));
    }

    let mut last_error = None;
    for address in &addresses {
        // The OS sends SYN, the server's kernel answers SYN-ACK, we send ACK: connected.
        match TcpStream::connect_timeout(address, timeout) {
            Ok(stream) => {
                let local = stream.local_addr().context("reading our own address")?;
                narrate!(
                    "connect",
                    "from {local} to {address} (the OS picked our port, {})",
                    local.port()
                );
                return Ok(stream);
            }
            Err(error) => {
                if addresses.len() > 1 {
                    narrate!(
                        "connect",
                        "{address} failed: {error}; trying the next address"
                    );
                }
                last_error = Some((address, error));
            }
        }
    }
    let Some((address, error)) = last_error else {
        bail!("resolving {host}: no address found for {target}");
    };
    let hint = connect_hint(&error, &target, timeout);
    Err(error)
        .with_context(|| format!("connecting to {address}"))
        .hint(hint)
}
// ANCHOR_END: connect

/// `--message`: send one line, read its echo, half-close, read to the end.
fn one_shot(mut stream: TcpStream, server: SocketAddr, message: &str) -> Result<()> {
    let _ = stream.set_nodelay(true);
    let line = format!("{message}\n");
    let started = Instant::now();
    stream
        .write_all(line.as_bytes())
        .with_context(|| format!("sending to {server}"))?;
    narrate!("send", "{} bytes to {server}", line.len());
    let echo = read_echo(&mut stream, server, line.len())?;
    narrate!(
        "recv",
        "{} bytes back from {server} after {:.1?} (round trip)",
        echo.len(),
        started.elapsed()
    );
    course::write_stdout(&echo)?;
    half_close(&stream, server)?;
    finish(&mut stream, server)
}

/// A terminal: each line you type is sent, and its echo printed when all of it is back.
fn interactive(mut stream: TcpStream, server: SocketAddr) -> Result<()> {
    // Each line is a small write that waits for its reply: send it now rather than let
    // Nagle's algorithm hold it back for more data.
    let _ = stream.set_nodelay(true);
    narrate!(
        "ready",
        "type a line and press Enter; Ctrl-D (Ctrl-Z on Windows) ends"
    );
    let mut input = io::stdin().lock();
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = input
            .read_until(b'\n', &mut line)
            .context("reading stdin")?;
        if n == 0 {
            break;
        }
        typed_line(&mut line);
        let started = Instant::now();
        stream
            .write_all(&line)
            .with_context(|| format!("sending to {server}"))
            .hint("the server closed the connection; start the client again")?;
        let echo = read_echo(&mut stream, server, line.len())?;
        course::write_stdout(&echo)?;
        narrate!(
            "echo",
            "{} bytes sent and back in {:.1?} (round trip)",
            echo.len(),
            started.elapsed()
        );
    }
    // End of input: tell the server we are done, and wait for it to close its side.
    half_close(&stream, server)?;
    finish(&mut stream, server)
}

// ANCHOR: read_echo
/// Reads exactly `len` bytes: TCP may deliver our line in several pieces.
fn read_echo(stream: &mut TcpStream, server: SocketAddr, len: usize) -> Result<Vec<u8>> {
    let mut echo = vec![0u8; len];
    let mut got = 0;
    while got < len {
        match stream.read(&mut echo[got..]) {
            Ok(0) => {
                // The server closed before echoing everything: show what it did send.
                echo.truncate(got);
                course::write_stdout(&echo)?;
                return Err(anyhow::anyhow!(
                    "the server closed the connection after {got} of {len} bytes"
                ))
                .with_context(|| format!("reading the echo from {server}"))
                .hint(
                    "the server stopped, or closed an idle connection (its \
                     --idle-timeout); look at its terminal and start the client again",
                );
            }
            Ok(n) => got += n,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(received_error(error, server)),
        }
    }
    Ok(echo)
}
// ANCHOR_END: read_echo

/// Not a terminal: stream stdin to the server and the server's bytes to stdout, at once.
fn pipe(stream: TcpStream, server: SocketAddr) -> Result<()> {
    // Two threads, because both directions must move together: if we sent the whole input
    // before reading, the echo would fill the server's send buffer and our receive buffer,
    // the server would stop reading, and both sides would wait for each other forever.
    let mut sending = stream
        .try_clone()
        .context("cloning the socket handle for the sending thread")?;
    let sender = thread::spawn(move || -> Result<u64> {
        let sent =
            copy(&mut io::stdin().lock(), &mut sending).map_err(|(error, side)| match side {
                Side::From => anyhow::Error::new(error).context("reading stdin"),
                Side::To => sent_error(error, server),
            })?;
        // The half-close: our kernel sends FIN, so the server's `read` returns 0 (end of
        // stream), it finishes echoing and closes. Without it the server would wait for more
        // input and we would wait for the rest of the echo, forever. We can still read.
        sending
            .shutdown(Shutdown::Write)
            .with_context(|| format!("shutting down our sending side to {server}"))?;
        narrate!(
            "shutdown",
            "sent {sent} bytes, end of stdin: write side closed (FIN), still reading"
        );
        Ok(sent)
    });

    let mut receiving = stream;
    let received = copy(&mut receiving, &mut io::stdout().lock());
    let received = match received {
        Ok(received) => received,
        // Whoever read our stdout may have stopped (`| head`): course::main ends quietly then.
        Err((error, Side::To)) => return Err(course::stdout_error(error)),
        Err((error, Side::From)) => {
            // The sender thread may be blocked writing to a dead connection: it fails on
            // its own, since the socket is reset. Report the receive error.
            return Err(received_error(error, server));
        }
    };
    let sent = sender
        .join()
        .map_err(|_| anyhow::anyhow!("the sending thread panicked"))??;
    narrate!(
        "close",
        "got {received} bytes back from {server} (of {sent} sent), then end of stream: \
         the server closed"
    );
    if received != sent {
        bail!("sent {sent} bytes to {server} but {received} came back");
    }
    Ok(())
}

/// Which side of a copy failed.
enum Side {
    From,
    To,
}

/// Copies until end of input, in chunks, with `write_all` (a write may take only part).
fn copy(from: &mut impl Read, to: &mut impl Write) -> Result<u64, (io::Error, Side)> {
    let mut buffer = vec![0u8; CHUNK];
    let mut total = 0;
    loop {
        let n = match from.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err((error, Side::From)),
        };
        to.write_all(&buffer[..n])
            .map_err(|error| (error, Side::To))?;
        total += n as u64;
    }
    to.flush().map_err(|error| (error, Side::To))?;
    Ok(total)
}

/// Tells the server we are done sending (FIN), and keeps reading.
fn half_close(stream: &TcpStream, server: SocketAddr) -> Result<()> {
    stream
        .shutdown(Shutdown::Write)
        .with_context(|| format!("shutting down our sending side to {server}"))?;
    narrate!(
        "shutdown",
        "write side closed (FIN): the server reads end of stream"
    );
    Ok(())
}

/// After our half-close: read until the server closes too.
fn finish(stream: &mut TcpStream, server: SocketAddr) -> Result<()> {
    let mut rest = Vec::new();
    stream
        .read_to_end(&mut rest)
        .map_err(|error| received_error(error, server))?;
    if !rest.is_empty() {
        course::write_stdout(&rest)?;
    }
    narrate!(
        "close",
        "the server closed its side too (end of stream); done"
    );
    Ok(())
}
