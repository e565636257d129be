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

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::time::Duration;

use course::{narrate, say, t};
use udp_relay::{Impairments, Options};

mod args;

use args::Args;

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
    let directions = if impairments.impair_replies {
        t!("udp-relay.both-directions")
    } else {
        t!("udp-relay.requests-only")
    };
    say!(
        t!("udp-relay.label-impair"),
        "udp-relay.impairments",
        loss = impairments.loss,
        duplicate = impairments.duplicate,
        reorder = impairments.reorder,
        delay = args.delay,
        seed = impairments.seed,
        directions
    );
    let interrupted = course::ctrl_c();
    let outcome = relay.run(move || interrupted.load(Ordering::SeqCst))?;

    narrate!(t!("udp-relay.label-stop"), "{}", outcome.reason);
    // "sent" counts only the datagrams the OS accepted: those are the ones scored below.
    let mut relayed = t!(
        "udp-relay.relayed",
        received = course::plural(outcome.received, "datagram"),
        sent = outcome.expected.datagrams,
        upstream
    );
    if outcome.failed > 0 {
        relayed.push_str(&t!("udp-relay.relayed-failed", failed = outcome.failed));
    }
    if outcome.dropped > 0 {
        relayed.push_str(&t!("udp-relay.relayed-dropped", dropped = outcome.dropped));
    }
    narrate!(t!("udp-relay.label-relayed"), "{relayed}");
    if outcome.refused > 0 {
        say!(
            t!("udp-relay.label-refused"),
            "udp-relay.refused-count",
            upstream,
            count = outcome.refused
        );
    }
    // The score of what was sent upstream: a receiver behind the relay must print the same.
    // crates/demo reads these lines by their label's key, in either language.
    let expect = t!("udp-relay.label-expect");
    for line in outcome.expected.report() {
        narrate!(&expect, "{line}");
    }
    Ok(())
}
