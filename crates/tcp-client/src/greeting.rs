//! Servers that speak first: a greeting, or an echo server's "server busy".

use std::io::{self, Read};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use anyhow::{Context, Result};
use course::{HintExt, say, t};

use crate::trouble::received_error;

/// How long the client listens before it sends anything, and then for more of what the
/// server says first (see `first_words`).
const FIRST_WORDS: Duration = Duration::from_millis(200);

/// The most of a server's first words read before sending: one that never stops talking is
/// not waited for.
const FIRST_WORDS_MAX: usize = 64 * 1024;

/// An echo server waits for the client, but some servers speak first: a greeting (an SMTP
/// or FTP server's "220 ..."), or the "server busy" line of an echo server over its
/// --max-clients, which then closes. Listen for a moment before sending anything, so that
/// those words are not taken for an echo. A server that closed after its words refused us;
/// one that stays open greeted us, and a greeting is data: it goes to stdout, and the
/// conversation goes on as with any server.
pub fn first_words(stream: &mut TcpStream, server: SocketAddr) -> Result<()> {
    stream
        .set_read_timeout(Some(FIRST_WORDS))
        .with_context(|| t!("tcp-client.setting-read-timeout"))?;
    let mut said = Vec::new();
    let mut chunk = [0u8; 4096];
    // Read until the server is quiet for FIRST_WORDS, closes, or has said a lot.
    let closed = loop {
        match stream.read(&mut chunk) {
            Ok(0) => break true,
            Ok(n) => {
                said.extend_from_slice(&chunk[..n]);
                if said.len() >= FIRST_WORDS_MAX {
                    break false;
                }
            }
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            // The read timeout: WouldBlock on Unix, TimedOut on Windows.
            Err(error) if course::trouble::timed_out(&error) => break false,
            Err(error) => return Err(received_error(error, server)),
        }
    };
    stream
        .set_read_timeout(None)
        .with_context(|| t!("tcp-client.clearing-read-timeout"))?;
    if closed {
        let closed = if said.is_empty() {
            t!("tcp-client.closed-silent", server)
        } else {
            let words = format!("{:?}", String::from_utf8_lossy(&said).trim_end());
            t!("tcp-client.closed-saying", server, words)
        };
        return Err(anyhow::anyhow!(closed)).hint(t!("tcp-client.hint.busy"));
    }
    if !said.is_empty() {
        let bytes = course::plural(said.len(), "byte");
        say!("recv", "tcp-client.greeting", bytes, server);
        course::write_stdout(&said)?;
    }
    Ok(())
}
