//! The two copy loops of pipe mode: stdin to the socket, and the socket to stdout. Plain
//! `Read` and `Write`: a socket reads and writes like a file.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};

use std::thread::JoinHandle;

use anyhow::{Context, Result, anyhow};
use course::trouble::timed_out;
use course::{HintExt, say, t};

use crate::trouble::{no_reply, received_error, sent_error};

/// Bytes moved per read or write.
const CHUNK: usize = 64 * 1024;

/// Sends all of stdin to the server; returns how many bytes.
pub fn stdin_to(socket: &mut TcpStream, server: SocketAddr) -> Result<u64> {
    let mut sent = 0;
    match copy(&mut io::stdin().lock(), socket, &mut sent) {
        Ok(()) => Ok(sent),
        Err((error, Side::From)) => Err(error).with_context(|| t!("tcp-client.reading-stdin")),
        Err((error, Side::To)) => Err(sent_error(error, server)),
    }
}

/// Copies what the server sends to stdout until it closes, while `sender` sends stdin to it;
/// then checks that every byte came back. A quiet server is no error while we still send (stdin
/// may be slow); once all is sent, the last bytes get one whole reply timeout more to come back.
pub fn to_stdout(
    mut socket: TcpStream,
    server: SocketAddr,
    sender: JoinHandle<Result<u64>>,
) -> Result<()> {
    let mut received = 0;
    let mut last_wait = true;
    let quiet = loop {
        match copy(&mut socket, &mut io::stdout().lock(), &mut received) {
            Ok(()) => break false,
            Err((error, Side::From)) if timed_out(&error) => {
                if sender.is_finished() && !std::mem::take(&mut last_wait) {
                    break true;
                }
            }
            // The sender may be blocked writing to the dead connection: it fails on its own.
            Err((error, Side::From)) => return Err(received_error(error, server)),
            // Whoever read our stdout may have stopped (`| head`): course::main ends quietly.
            Err((error, Side::To)) => return Err(course::stdout_error(error)),
        }
    };
    // The sender's error, if any, comes first: it says why the server went quiet.
    let sent = sender
        .join()
        .map_err(|_| anyhow!(t!("tcp-client.thread-panicked")))??;
    if quiet {
        let what = t!("tcp-client.sent-and-came-back", sent, received);
        return Err(no_reply(&socket, server, &what));
    }
    say!("close", "tcp-client.pipe-closed", received, server, sent);
    if received != sent {
        return Err(anyhow!(t!(
            "tcp-client.not-all-back",
            sent,
            server,
            received
        )))
        .hint(t!("tcp-client.hint.not-all-back"));
    }
    Ok(())
}

/// Which side of a copy failed.
enum Side {
    From,
    To,
}

/// Copies until end of input, in chunks, with `write_all` (a write may take only part), and
/// counts the bytes in `total`.
fn copy(
    from: &mut impl Read,
    to: &mut impl Write,
    total: &mut u64,
) -> Result<(), (io::Error, Side)> {
    let mut buffer = vec![0u8; CHUNK];
    loop {
        let n = match from.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err((error, Side::From)),
        };
        to.write_all(&buffer[..n])
            .map_err(|error| (error, Side::To))?;
        *total += n as u64;
    }
    to.flush().map_err(|error| (error, Side::To))
}
