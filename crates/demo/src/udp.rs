//! The UDP lesson: udp-sender -> udp-relay (which loses, duplicates, reorders or delays
//! datagrams, from a seed) -> udp-receiver. At the end the relay says what the receiver must
//! have counted (its `expect` lines), the receiver says what it counted (its `summary` lines),
//! and the demo compares them.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{Context, Result};
use course::{HintExt, t};

use crate::args::Udp;
use crate::conversation::{Binds, Channel, Conversation, Input, STEP};
use crate::heard;
use crate::programs::{self, Programs};

/// The speakers, in the order they start: the receiver, the relay, the sender.
pub fn names() -> [String; 3] {
    [
        t!("demo.who.receiver"),
        t!("demo.who.relay"),
        t!("demo.who.sender"),
    ]
}

pub fn run(conversation: &mut Conversation, programs: &Programs, args: &Udp) -> Result<()> {
    let receiver_program = programs.path("udp-receiver")?;
    let relay_program = programs.path("udp-relay")?;
    let sender_program = programs.path("udp-sender")?;
    // Receiver and relay stop by themselves after this long without a datagram, and print
    // their scores.
    let idle = args.idle_timeout.as_secs_f64().to_string();
    let names = names();

    let asked = SocketAddr::from((course::LOOPBACK_V4, args.port));
    let receiver = conversation.start(
        &names[0],
        &receiver_program,
        &programs::arguments(&["--port", &args.port.to_string(), "--idle-timeout", &idle]),
        Input::Nothing,
        Some(Binds::Udp(asked)),
    )?;
    let receiving = bound(conversation, receiver)?;

    let relay_asked = SocketAddr::from((course::LOOPBACK_V4, args.relay_port()));
    let mut relay_args = programs::arguments(&[
        "--port",
        &args.relay_port().to_string(),
        "--to",
        &receiving.to_string(),
        "--idle-timeout",
        &idle,
    ]);
    relay_args.extend(args.impairments());
    let relay = conversation.start(
        &names[1],
        &relay_program,
        &relay_args,
        Input::Nothing,
        Some(Binds::Udp(relay_asked)),
    )?;
    let relaying = bound(conversation, relay)?;

    let sender = conversation.start(
        &names[2],
        &sender_program,
        &programs::arguments(&[
            "--port",
            &relaying.port().to_string(),
            "--count",
            &args.count.to_string(),
            "--rate",
            &args.rate.to_string(),
        ]),
        Input::Nothing,
        None,
    )?;
    let sending = Duration::try_from_secs_f64(args.count as f64 / args.rate).unwrap_or_default();
    // All three end by themselves: the sender after its last datagram, relay and receiver
    // after the idle timeout, with their scores.
    conversation.wait_end(
        &[sender, relay, receiver],
        sending.saturating_add(args.idle_timeout + STEP),
    )?;

    // Both speak the demo's language: the same score reads the same.
    let expected = heard::scores(conversation.lines(relay, Channel::Narration));
    let reported = heard::scores(conversation.lines(receiver, Channel::Narration));
    if expected.is_empty() {
        return Err(anyhow::anyhow!(t!("demo.udp.no-expectation")))
            .hint(t!("demo.udp.no-expectation.hint"));
    }
    let label = t!("demo.label.compare");
    let nothing = t!("demo.udp.nothing");
    let mut agree = true;
    for (run, expectation) in &expected {
        let report = reported
            .iter()
            .find(|(other, _)| other == run)
            .map_or(nothing.as_str(), |(_, report)| report.as_str());
        conversation.say(&label, &t!("demo.udp.expected", score = expectation))?;
        conversation.say(&label, &t!("demo.udp.reported", score = report))?;
        agree &= report == expectation;
    }
    if agree {
        conversation.conclude(&t!("demo.udp.agree"))
    } else {
        conversation.conclude(&t!("demo.udp.differ"))?;
        Err(anyhow::anyhow!(t!("demo.udp.differ.error")))
            .hint(t!("demo.udp.differ.hint", port = receiving.port()))
    }
}

/// The address `who` bound, from its first narration line (`bind ADDRESS ...`).
fn bound(conversation: &mut Conversation, who: usize) -> Result<SocketAddr> {
    let waiting = t!("demo.waiting.bind");
    let bind = conversation.wait_for(
        who,
        Channel::Narration,
        &waiting,
        STEP,
        heard::is_call("bind"),
    )?;
    testkit::first_socket_addr(&bind).with_context(|| {
        t!(
            "demo.no-address",
            name = conversation.name(who),
            line = bind
        )
    })
}
