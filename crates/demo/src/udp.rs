//! The UDP lesson: udp-sender -> udp-relay (which loses, duplicates, reorders or delays
//! datagrams, from a seed) -> udp-receiver. At the end the relay says what the receiver must
//! have counted (its `expect` lines), the receiver says what it counted (its `summary` lines),
//! and the demo compares them.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{Context, Result};
use course::HintExt;

use crate::args::Udp;
use crate::conversation::{Binds, Channel, Conversation, Input, STEP};
use crate::programs::{self, Programs};

/// The speakers, in the order they start.
pub const NAMES: [&str; 3] = ["receiver", "relay", "sender"];

pub fn run(conversation: &mut Conversation, programs: &Programs, args: &Udp) -> Result<()> {
    let receiver_program = programs.path("udp-receiver")?;
    let relay_program = programs.path("udp-relay")?;
    let sender_program = programs.path("udp-sender")?;
    // Receiver and relay stop by themselves after this long without a datagram, and print
    // their scores.
    let idle = args.idle_timeout.as_secs_f64().to_string();

    let asked = SocketAddr::from((course::LOOPBACK_V4, args.port));
    let receiver = conversation.start(
        NAMES[0],
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
        NAMES[1],
        &relay_program,
        &relay_args,
        Input::Nothing,
        Some(Binds::Udp(relay_asked)),
    )?;
    let relaying = bound(conversation, relay)?;

    let sender = conversation.start(
        NAMES[2],
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

    let expected = runs(conversation.lines(relay, Channel::Narration), "expect");
    let reported = runs(conversation.lines(receiver, Channel::Narration), "summary");
    if expected.is_empty() {
        return Err(anyhow::anyhow!(
            "the relay printed no expected score (no `expect run ...` line)"
        ))
        .hint("did the sender's datagrams reach the relay? the relay's lines above say");
    }
    let mut agree = true;
    for (run, expectation) in &expected {
        let report = reported
            .iter()
            .find(|(other, _)| other == run)
            .map_or("nothing for this run", |(_, report)| report.as_str());
        conversation.say(
            "compare",
            &format!("relay expected:    run {run}: {expectation}"),
        )?;
        conversation.say(
            "compare",
            &format!("receiver reported: run {run}: {report}"),
        )?;
        agree &= report == expectation;
    }
    if agree {
        conversation.conclude(
            "they agree: the receiver counted exactly what the relay did to the datagrams",
        )
    } else {
        conversation.conclude("they differ!")?;
        Err(anyhow::anyhow!(
            "the receiver's score is not the one the relay expected"
        ))
        .hint(format!(
            "did another program send to the receiver's port {}? run the demo again with \
             --port 0 (ports no other program uses)",
            receiving.port()
        ))
    }
}

/// The address `who` bound, from its first narration line (`bind ADDRESS ...`).
fn bound(conversation: &mut Conversation, who: usize) -> Result<SocketAddr> {
    let bind = conversation.wait_for(who, Channel::Narration, "its bind line", STEP, |line| {
        line.starts_with("bind")
    })?;
    testkit::first_socket_addr(&bind).with_context(|| {
        format!(
            "{}'s bind line names no address: {bind}",
            conversation.name(who)
        )
    })
}

/// The per-run scores in lines such as `expect   run 5f56: received 16 of 20 sent, ...`:
/// (`5f56`, `received 16 of 20 sent, ...`), for the lines that start with `call`.
fn runs<'a>(lines: impl Iterator<Item = &'a str>, call: &str) -> Vec<(String, String)> {
    lines
        .filter_map(|line| {
            let rest = line.strip_prefix(call)?.trim_start().strip_prefix("run ")?;
            let (run, score) = rest.split_once(": ")?;
            Some((run.to_string(), score.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_read_per_run_from_the_lines_that_carry_them() {
        let relay = [
            "relayed  20 datagrams from clients, 16 sent to 127.0.0.1:50942",
            "expect   16 datagrams, 834 bytes, 0 without a course header",
            "expect   run 5f56: received 16 of 20 sent, lost 4, reordered 0, duplicated 0 \
             (lost: 3, 4, 9, 10)",
        ];
        assert_eq!(
            runs(relay.into_iter(), "expect"),
            [(
                "5f56".to_string(),
                "received 16 of 20 sent, lost 4, reordered 0, duplicated 0 (lost: 3, 4, 9, 10)"
                    .to_string()
            )]
        );
        let receiver = ["summary  run 5f56: received 16 of 20 sent", "stop     idle"];
        assert_eq!(runs(receiver.into_iter(), "summary").len(), 1);
        assert!(runs(receiver.into_iter(), "expect").is_empty());
    }
}
