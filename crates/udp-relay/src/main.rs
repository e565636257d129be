//! # udp-relay: loss you can reproduce
//!
//! What it teaches: UDP does not promise delivery, order or uniqueness, but on one machine
//! the network almost never shows it. This relay sits between udp-sender and udp-receiver and
//! does what a real network may do: lose, duplicate, reorder and delay datagrams. Its
//! decisions come from a seed, so "with seed 7, datagrams 3, 5 and 9 are lost" is true for
//! every student. It narrates what it did to each datagram and, at the end, prints the score
//! the receiver must report.
//!
//! Run it between its partners, in three terminals:
//!
//! ```text
//! cargo run -p udp-receiver
//! cargo run -p udp-relay -- --loss 0.2 --seed 7
//! cargo run -p udp-sender -- --port 7881 --count 20 --rate 10
//! ```
//!
//! Book chapter: "UDP: datagrams" (`docs/src/udp.md`), section "Loss, reordering, duplication".

use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::time::Duration;

use clap::Parser;
use course::narrate;
use udp_relay::{Impairments, Options};

/// Relays UDP datagrams to a receiver, losing, duplicating, reordering and delaying them
/// reproducibly from a seed.
#[derive(Parser, Debug)]
#[command(
    version,
    about,
    after_help = "Fates depend only on the seed and the order of the datagrams: the same \
                  seed gives the same losses on every machine (seed 7, --loss 0.2: datagrams \
                  3, 4, 9 and 10 are lost).\n\n\
                  Example, in three terminals:\n  \
                  cargo run -p udp-receiver\n  \
                  cargo run -p udp-relay -- --loss 0.2 --seed 7\n  \
                  cargo run -p udp-sender -- --port 7881 --count 20 --rate 10"
)]
struct Args {
    /// The local IP address clients send to.
    #[arg(long, value_name = "IP", default_value = "127.0.0.1",
          value_parser = course::address::ip)]
    bind: IpAddr,
    /// The UDP port clients send to.
    #[arg(long, value_name = "N", default_value_t = course::RELAY_PORT)]
    port: u16,
    /// Where to forward: the receiver's address ([::1]:7879 for IPv6).
    #[arg(long, value_name = "HOST:PORT", default_value_t = course::udp_addr().into(),
          value_parser = course::address::host_port)]
    to: course::address::HostPort,
    /// Probability (0 to 1) that a datagram is lost.
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = probability)]
    loss: f64,
    /// Probability (0 to 1) that a datagram is sent twice.
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = probability)]
    duplicate: f64,
    /// Probability (0 to 1) that a datagram is held and sent right after the next one (or
    /// after 1 s without traffic, or when the relay stops).
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = probability)]
    reorder: f64,
    /// Milliseconds each forwarded datagram waits before it is sent (at most 60000).
    #[arg(long, value_name = "MILLIS", default_value_t = 0,
          value_parser = clap::value_parser!(u64).range(0..=60_000))]
    delay: u64,
    /// The seed of the decisions.
    #[arg(long, value_name = "N", default_value_t = 7)]
    seed: u64,
    /// Impair the replies (receiver to client) too; by default they pass untouched.
    #[arg(long)]
    impair_replies: bool,
    /// Stop after this many datagrams from clients.
    #[arg(long, value_name = "N")]
    count: Option<u64>,
    /// Stop after this many seconds without a datagram from clients.
    #[arg(long, value_name = "SECONDS", value_parser = course::seconds)]
    idle_timeout: Option<Duration>,
}

fn probability(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!(
            "{text} is not a probability between 0 and 1 (0.2 means 20%)"
        )),
    }
}

fn main() -> ExitCode {
    course::main(run)
}

fn run() -> anyhow::Result<()> {
    let args: Args = course::parse_args();
    let upstream = course::address::first_address(&args.to.host, args.to.port)?;
    let impairments = Impairments {
        loss: args.loss,
        duplicate: args.duplicate,
        reorder: args.reorder,
        delay: Duration::from_millis(args.delay),
        seed: args.seed,
        impair_replies: args.impair_replies,
    };

    let relay = udp_relay::bind(Options {
        listen: SocketAddr::new(args.bind, args.port),
        upstream,
        impairments: impairments.clone(),
        count: args.count,
        idle_timeout: args.idle_timeout,
    })?;
    narrate!(
        "impair",
        "loss {}, duplicate {}, reorder {}, delay {} ms, seed {} ({})",
        impairments.loss,
        impairments.duplicate,
        impairments.reorder,
        args.delay,
        impairments.seed,
        if impairments.impair_replies {
            "both directions"
        } else {
            "client to receiver only; replies pass untouched"
        }
    );
    let interrupted = course::ctrl_c();
    let outcome = relay.run(move || interrupted.load(Ordering::SeqCst))?;

    narrate!("stop", "{}", outcome.reason);
    // "sent" counts only the datagrams the OS accepted: those are the ones scored below.
    let mut relayed = format!(
        "{} datagrams from clients, {} sent to {upstream}",
        outcome.received, outcome.expected.datagrams
    );
    if outcome.failed > 0 {
        relayed.push_str(&format!(", {} failed to send", outcome.failed));
    }
    if outcome.dropped > 0 {
        relayed.push_str(&format!(
            ", {} delayed ones dropped (stopped before they were due)",
            outcome.dropped
        ));
    }
    narrate!("relayed", "{relayed}");
    if outcome.refused > 0 {
        narrate!(
            "refused",
            "{upstream} refused {} time(s) (ICMP \"port unreachable\"): is the receiver running?",
            outcome.refused
        );
    }
    // The score of what was sent upstream: a receiver behind the relay must print the same.
    for line in outcome.expected.report() {
        narrate!("expect", "{line}");
    }
    Ok(())
}
