//! The command line of udp-receiver: its options, their defaults and help.

use std::net::IpAddr;
use std::time::Duration;

use clap::Parser;

/// Receives UDP datagrams, prints each one, and keeps score of loss, reordering and duplicates.
#[derive(Parser, Debug)]
#[command(
    version,
    about,
    after_help = "Stops on Ctrl-C, after --count datagrams, or after --idle-timeout seconds \
                  without a datagram, and prints the score.\n\n\
                  Example, in two terminals:\n  \
                  cargo run -p udp-receiver\n  \
                  cargo run -p udp-sender -- --count 10 --rate 5\n\n\
                  A server that answers (each datagram goes back to its sender):\n  \
                  cargo run -p udp-receiver -- --reply\n  \
                  cargo run -p udp-sender -- --count 10 --rate 5 --wait-reply"
)]
pub struct Args {
    /// The local IP address to bind (0.0.0.0 receives on every interface).
    #[arg(long, value_name = "IP", default_value = "127.0.0.1",
          value_parser = course::address::ip)]
    pub bind: IpAddr,
    /// The UDP port to bind (0: the OS picks one).
    #[arg(long, value_name = "N", default_value_t = course::UDP_PORT)]
    pub port: u16,
    /// Stop after this many datagrams.
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
    /// Stop after this many seconds without a datagram.
    #[arg(long, value_name = "SECONDS", value_parser = course::seconds)]
    pub idle_timeout: Option<Duration>,
    /// Ask the kernel for a receive buffer (SO_RCVBUF) of this many bytes: the queue where
    /// datagrams wait until the program reads them. When it is full, the kernel drops them.
    #[arg(long, value_name = "BYTES")]
    pub recv_buffer: Option<usize>,
    /// The program's own buffer for one datagram, in bytes: a longer datagram is cut, and
    /// reported as truncated.
    #[arg(long, value_name = "BYTES", default_value_t = datagram::RECV_BUFFER)]
    pub buffer: usize,
    /// Answer each datagram: send the same bytes back with `send_to`, to the address that
    /// `recv_from` gave (a UDP echo server). `udp-sender --wait-reply` waits for them.
    #[arg(long)]
    pub reply: bool,
    /// Demo knob: sleep this many milliseconds after each datagram (at most 60000), so that
    /// a fast sender overflows the kernel's receive buffer.
    #[arg(long, value_name = "MILLIS", value_parser = clap::value_parser!(u64).range(0..=60_000))]
    pub slow: Option<u64>,
    /// Demo knob: bind, then wait for Enter (a line on stdin) before reading anything, so that
    /// datagrams pile up in the kernel's receive buffer and the excess is dropped.
    #[arg(long)]
    pub wait: bool,
}
