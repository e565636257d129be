//! # tcp-client: connects to a TCP server, sends what you type or pipe, prints the echo
//!
//! What it teaches (the lesson's "Sockets TCP/IP", the client's side): `connect` performs the
//! handshake; a connection is a pair of addresses and ports (yours, picked by the OS, and the
//! server's); TCP is a byte stream, so the client counts the bytes of each echo; two threads
//! send and receive at once; the half-close (`shutdown(Write)`) says "I am done sending".
//!
//! Run `cargo run -p tcp-echo-server` in one terminal, then `cargo run -p tcp-client` in
//! another and type lines; or `-- --message "olá"`; or a file there and back, `< file > copy`.
//!
//! The same calls and nothing else: examples/tcp-client-minimal.rs. Not the lesson: args.rs,
//! copy.rs (pipe mode's loops), greeting.rs (servers that speak first), trouble.rs (errors).

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use course::address::Host;
use course::{narrate, say, t};

mod args;
mod copy;
mod greeting;
mod trouble;

use args::Args;
use greeting::first_words;
use trouble::{closed_early, connect_failed, receive_failed, sent_error, typed_line};

fn main() -> ExitCode {
    course::main(run)
}

fn run() -> Result<()> {
    let args: Args = course::parse_args();
    let mut stream = connect(&args.host, args.port, args.timeout)?;
    let server = stream
        .peer_addr()
        .with_context(|| t!("tcp-client.reading-server-address"))?;
    first_words(&mut stream, server)?;
    // ANCHOR: timeouts
    // A server that accepts and then never answers must not hold us for ever: a read or a
    // write that waits longer than this fails (WouldBlock on Unix, TimedOut on Windows).
    let reply_timeout = Some(args.reply_timeout);
    stream
        .set_read_timeout(reply_timeout)
        .and_then(|()| stream.set_write_timeout(reply_timeout))
        .with_context(|| t!("tcp-client.setting-reply-timeout"))?;
    // Each line is a small write that waits for its echo: it leaves at once, in a segment of
    // its own, rather than wait for more data to merge with it (Nagle's algorithm).
    let _ = stream.set_nodelay(true);
    // ANCHOR_END: timeouts

    if !args.message.is_empty() {
        one_shot(stream, server, &args.message)
    } else if io::stdin().is_terminal() {
        interactive(stream, server)
    } else {
        pipe(stream, server)
    }
}

// ANCHOR: connect
/// Resolves `host` and connects to the first of its addresses that answers.
fn connect(host: &Host, port: u16, timeout: Duration) -> Result<TcpStream> {
    // A name may resolve to several addresses: `localhost` is often ::1 (IPv6) first, then
    // 127.0.0.1. The server may listen on only one of them, so try each in turn.
    let addresses = course::address::resolve(host, port)?;
    if addresses.len() > 1 || matches!(host, Host::Name(_)) {
        let list: Vec<String> = addresses.iter().map(ToString::to_string).collect();
        narrate!("resolve", "{host} -> {}", list.join(", "));
    }
    let mut failed = None;
    for address in addresses.iter().copied() {
        // The OS sends SYN, the server's kernel answers SYN-ACK, we send ACK: connected.
        match TcpStream::connect_timeout(&address, timeout) {
            Ok(stream) => {
                let local = stream
                    .local_addr()
                    .with_context(|| t!("tcp-client.reading-our-address"))?;
                let port = local.port();
                say!("connect", "tcp-client.connected", local, address, port);
                return Ok(stream);
            }
            Err(error) if addresses.len() > 1 => {
                say!("connect", "tcp-client.connect-next", address, error);
                failed = Some((address, error));
            }
            Err(error) => failed = Some((address, error)),
        }
    }
    Err(connect_failed(failed, host, port, timeout))
}
// ANCHOR_END: connect

// ANCHOR: one_shot
/// `--message`: one write per message, then read their echo, half-close, read to the end.
fn one_shot(mut stream: TcpStream, server: SocketAddr, messages: &[String]) -> Result<()> {
    let started = Instant::now();
    let mut sent = 0;
    for message in messages {
        let line = format!("{message}\n");
        stream
            .write_all(line.as_bytes())
            .map_err(|error| sent_error(error, server))?;
        let bytes = course::plural(line.len(), "byte");
        say!("send", "tcp-client.sent", bytes, server);
        sent += line.len();
    }
    let echo = read_echo(&mut stream, server, sent)?;
    let bytes = course::plural(echo.len(), "byte");
    let took = format!("{:.1?}", started.elapsed());
    say!("recv", "tcp-client.echo-back", bytes, server, took);
    course::write_stdout(&echo)?;
    finish(stream, server)
}
// ANCHOR_END: one_shot

/// A terminal: each line you type is sent, and its echo printed when all of it is back.
fn interactive(mut stream: TcpStream, server: SocketAddr) -> Result<()> {
    say!(t!("tcp-client.ready-label"), "tcp-client.ready");
    let mut input = io::stdin().lock();
    let mut line = Vec::new();
    while input
        .read_until(b'\n', &mut line)
        .with_context(|| t!("tcp-client.reading-stdin"))?
        > 0
    {
        typed_line(&mut line); // the Windows console's \r\n becomes \n
        let started = Instant::now();
        stream
            .write_all(&line)
            .map_err(|error| sent_error(error, server))?;
        let echo = read_echo(&mut stream, server, line.len())?;
        course::write_stdout(&echo)?;
        let bytes = course::plural(echo.len(), "byte");
        let took = format!("{:.1?}", started.elapsed());
        say!(
            t!("tcp-client.echo-label"),
            "tcp-client.echoed",
            bytes,
            took
        );
        line.clear();
    }
    finish(stream, server)
}

// ANCHOR: read_echo
/// Reads exactly `len` bytes: TCP may deliver what we sent in several pieces, or merged.
fn read_echo(stream: &mut TcpStream, server: SocketAddr, len: usize) -> Result<Vec<u8>> {
    let mut echo = vec![0u8; len];
    let mut got = 0;
    let failure = loop {
        if got == len {
            return Ok(echo);
        }
        match stream.read(&mut echo[got..]) {
            Ok(0) => break closed_early(server, got, len),
            Ok(n) => got += n,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => {
                let what = t!("tcp-client.came-back", got, len);
                break receive_failed(error, stream, server, &what);
            }
        }
    };
    course::write_stdout(&echo[..got])?; // what did come back
    Err(failure)
}
// ANCHOR_END: read_echo

// ANCHOR: finish
/// Tells the server we are done sending (FIN), and reads until it closes its side too.
fn finish(mut stream: TcpStream, server: SocketAddr) -> Result<()> {
    stream
        .shutdown(Shutdown::Write)
        .with_context(|| t!("tcp-client.shutting-down", server))?;
    say!("shutdown", "tcp-client.half-closed");
    let mut rest = Vec::new();
    let read = stream.read_to_end(&mut rest);
    course::write_stdout(&rest)?;
    let what = t!("tcp-client.not-closed");
    read.map_err(|error| receive_failed(error, &stream, server, &what))?;
    say!("close", "tcp-client.closed");
    Ok(())
}
// ANCHOR_END: finish

// ANCHOR: pipe
/// Not a terminal: stream stdin to the server and the server's bytes to stdout, at once.
fn pipe(stream: TcpStream, server: SocketAddr) -> Result<()> {
    // Two threads, because both directions must move together: if we sent the whole input
    // before reading, the echo would fill the server's send buffer and our receive buffer,
    // the server would stop reading, and both sides would wait for each other forever.
    let mut sending = stream
        .try_clone()
        .with_context(|| t!("tcp-client.cloning"))?;
    let sender = thread::spawn(move || -> Result<u64> {
        let sent = copy::stdin_to(&mut sending, server)?;
        // The half-close: our kernel sends FIN, so the server's `read` returns 0 (end of
        // stream), it finishes echoing and closes. Without it the server would wait for more
        // input and we would wait for the rest of the echo, forever. We can still read.
        sending
            .shutdown(Shutdown::Write)
            .with_context(|| t!("tcp-client.shutting-down", server))?;
        say!("shutdown", "tcp-client.half-closed-pipe", sent);
        Ok(sent)
    });
    copy::to_stdout(stream, server, sender)
}
// ANCHOR_END: pipe
