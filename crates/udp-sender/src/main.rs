//! # udp-sender: datagrams with no connection
//!
//! What it teaches: a UDP socket sends datagrams (datagramas) to an address with `send_to`,
//! with no connection and no handshake. `send_to` returning `Ok` only means the kernel took
//! the datagram: UDP cannot tell whether anything arrived. A datagram has a maximum size
//! (65,507 bytes of payload over IPv4), and each one arrives whole or not at all.
//!
//! Run it next to its partner, in two terminals:
//!
//! ```text
//! cargo run -p udp-receiver
//! cargo run -p udp-sender                          # 10 numbered datagrams, 2 per second
//! cargo run -p udp-sender -- --message "olá"       # one datagram
//! cargo run -p udp-sender -- --lines               # each line you type is one datagram
//! cargo run -p udp-sender -- --count 1000 --size 64 --rate 0   # as fast as possible
//! ```
//!
//! With `udp-receiver --reply`, `--wait-reply` waits for each datagram's reply. `--rate 0`
//! is still one `send_to` per datagram: what a connected socket or batching would save is
//! the measurement lab's question (book chapter "Measuring: is UDP faster?").
//!
//! Book chapter: "UDP: datagrams" (`docs/src/udp.md`).

use std::net::{SocketAddr, UdpSocket};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use course::{HintExt, say, t};

mod args;
mod modes;
mod replies;
mod trouble;

use args::{Args, Mode, choose_mode};
use replies::Replies;
use trouble::send_hint;

fn main() -> ExitCode {
    course::main(run)
}

fn run() -> anyhow::Result<()> {
    let args: Args = course::parse_args();
    let to = course::address::first_address(&args.host, args.port)?;
    // What to send, decided before any socket exists, so that an oversized payload is refused
    // before anything leaves this machine.
    let mode = choose_mode(&args);
    mode.check_fits(&to)?;

    // ANCHOR: bind
    // std has no unbound UdpSocket: `bind` is how one is made. Port 0 asks the OS for a free
    // ephemeral port, which the receiver sees as the datagrams' source port.
    let local = SocketAddr::new(course::address::wildcard(to.ip()), 0);
    let socket = UdpSocket::bind(local)
        .with_context(|| t!("udp-sender.binding", local))
        .hint(t!("udp-sender.no-free-port"))?;
    let bound = socket
        .local_addr()
        .with_context(|| t!("udp-sender.reading-local-address"))?;
    say!("bind", "udp-sender.bound", bound, port = bound.port());
    // ANCHOR_END: bind

    // ANCHOR: connect
    if args.connect {
        // No packet is sent: connect only records the default peer, and from now on the kernel
        // keeps only datagrams from that peer and reports ICMP errors about it to us.
        socket
            .connect(to)
            .with_context(|| t!("udp-sender.connecting", to))?;
        // The kernel has now chosen the local address too: the one that routes to the peer.
        let local = socket
            .local_addr()
            .with_context(|| t!("udp-sender.reading-local-address"))?;
        say!("connect", "udp-sender.connected", local, to);
    }
    // ANCHOR_END: connect
    say!(t!("udp-sender.label-note"), "udp-sender.note");

    let mut sender = Sender {
        socket: &socket,
        to,
        connected: args.connect,
        replies: args.wait_reply.map(Replies::new),
        buffer: vec![0u8; datagram::RECV_BUFFER],
    };
    match mode {
        Mode::Message(text) => {
            let label = datagram::show_payload(text.as_bytes(), 64);
            sender.exchange(text.as_bytes(), &label, true)?;
        }
        Mode::Lines => modes::send_lines(&mut sender)?,
        Mode::Numbered { count, size } => {
            modes::send_numbered(&mut sender, count, size, args.rate)?;
        }
    }
    if let Some(replies) = &sender.replies {
        replies.summary();
    }
    if args.connect {
        check_for_refusal(&socket, to)?;
    }
    Ok(())
}

/// The socket and its peer: one datagram per call and, with `--wait-reply`, its reply.
pub struct Sender<'a> {
    socket: &'a UdpSocket,
    pub to: SocketAddr,
    /// `--connect`: the socket has a default peer, and `send` needs no address.
    connected: bool,
    /// `--wait-reply`: after each datagram, wait for its reply.
    pub replies: Option<Replies>,
    /// Where a reply is received: room for the largest datagram.
    buffer: Vec<u8>,
}

impl Sender<'_> {
    /// The name of the call, for the narration.
    fn call(&self) -> &'static str {
        if self.connected { "send" } else { "send_to" }
    }

    /// One datagram out: one call, one datagram. `Ok` means the kernel took it, nothing more.
    // ANCHOR: send_to
    fn send(&self, datagram: &[u8]) -> anyhow::Result<usize> {
        let sent = if self.connected {
            // After `connect` the kernel knows the peer: `send` takes no address.
            self.socket.send(datagram)
        } else {
            self.socket.send_to(datagram, self.to)
        };
        sent.with_context(|| {
            let bytes = course::plural(datagram.len(), "byte");
            t!("udp-sender.sending", bytes, to = self.to)
        })
        .hint_with(|error| send_hint(error, self.to))
    }
    // ANCHOR_END: send_to

    /// Sends one datagram, narrated as `label` when `narrate` says so, then waits for its
    /// reply if `--wait-reply` asked for one.
    pub fn exchange(&mut self, datagram: &[u8], label: &str, narrate: bool) -> anyhow::Result<()> {
        self.send(datagram)?;
        if narrate {
            let bytes = course::plural(datagram.len(), "byte");
            say!(self.call(), "udp-sender.sent", bytes, to = self.to, label);
        }
        self.await_reply(datagram, narrate)
    }

    /// With `--wait-reply`: waits for the reply to `sent` until the wait is over, with a read
    /// timeout on `recv_from`. Datagrams that are not that reply are said and skipped.
    // ANCHOR: await_reply
    fn await_reply(&mut self, sent: &[u8], narrate: bool) -> anyhow::Result<()> {
        let Some(replies) = self.replies.as_mut() else {
            return Ok(());
        };
        replies.asked();
        let started = Instant::now();
        loop {
            let left = replies.wait.saturating_sub(started.elapsed());
            if left.is_zero() {
                replies.none(sent, &t!("udp-sender.lost-either-way"));
                return Ok(());
            }
            self.socket
                .set_read_timeout(Some(left))
                .with_context(|| t!("udp-sender.setting-read-timeout"))?;
            // The reply says where it comes from: recv_from gives its source address.
            match self.socket.recv_from(&mut self.buffer) {
                Ok((len, from)) => {
                    let reply = &self.buffer[..len];
                    let sorted = replies.sort(sent, self.to, from, reply);
                    if replies.arrived(sorted, from, reply, started.elapsed(), narrate) {
                        return Ok(());
                    }
                }
                Err(error) if datagram::is_timeout(&error) => {}
                // An ICMP "port unreachable" from the peer: Linux and macOS report it on a
                // connected socket only (an error, as with `check_for_refusal`), Windows on
                // any UDP socket.
                Err(error) if datagram::is_port_unreachable(&error) && !self.connected => {
                    replies.none(sent, &t!("udp-sender.nobody-listens"));
                    return Ok(());
                }
                Err(error) => {
                    return Err(error)
                        .with_context(|| t!("udp-sender.waiting-for-reply", to = self.to))
                        .hint_with(|error| send_hint(error, self.to));
                }
            }
        }
    }
    // ANCHOR_END: await_reply
}

/// With a connected socket, waits briefly for what the kernel may report about the sends:
/// an ICMP "port unreachable" becomes ConnectionRefused (Linux, macOS) or ConnectionReset
/// (Windows) on the next call on this socket.
fn check_for_refusal(socket: &UdpSocket, to: SocketAddr) -> anyhow::Result<()> {
    socket
        .set_read_timeout(Some(Duration::from_millis(300)))
        .with_context(|| t!("udp-sender.setting-read-timeout"))?;
    let mut reply = [0u8; 1];
    match socket.recv(&mut reply) {
        Err(error) if datagram::is_port_unreachable(&error) => {
            let kind = format!("{:?}", error.kind());
            say!("recv", "udp-sender.icmp-refusal", kind, to);
            Err(error)
                .with_context(|| t!("udp-sender.refused", to))
                .hint_with(|error| send_hint(error, to))
        }
        _ => {
            say!("recv", "udp-sender.no-refusal", to);
            Ok(())
        }
    }
}
