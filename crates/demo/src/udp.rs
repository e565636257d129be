//! The UDP lesson: udp-sender -> udp-relay (which loses, duplicates, reorders or delays
//! datagrams, from a seed) -> udp-receiver. At the end the relay says what the receiver must
//! have counted (its `expect` lines), the receiver says what it counted (its `summary` lines),
//! and the demo compares them.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Result;
use course::lang::Lang;
use course::{HintExt, t};

use crate::args::Udp;
use crate::conversation::{Binds, Channel, Conversation, Input, STEP};
use crate::programs::{self, Programs};

/// The speakers, in the order they start: the receiver, the relay, the sender.
pub fn names() -> [String; 3] {
    [
        t!("demo.who.receiver"),
        t!("demo.who.relay"),
        t!("demo.who.sender"),
    ]
}

/// The receiver's arguments (the demo's conversation and its tmux panes start the same
/// programs). Receiver and relay stop by themselves after the idle timeout without a datagram,
/// and print their scores.
pub fn receiver_args(args: &Udp) -> Vec<String> {
    let idle = args.idle_timeout.as_secs_f64().to_string();
    programs::arguments(&["--port", &args.port.to_string(), "--idle-timeout", &idle])
}

/// The relay's arguments: to the receiver's address, with the lesson's impairments.
pub fn relay_args(args: &Udp, receiving: SocketAddr) -> Vec<String> {
    let idle = args.idle_timeout.as_secs_f64().to_string();
    let mut relay = programs::arguments(&[
        "--port",
        &args.relay_port().to_string(),
        "--to",
        &receiving.to_string(),
        "--idle-timeout",
        &idle,
    ]);
    relay.extend(args.impairments());
    relay
}

/// The sender's arguments: to the relay's port.
pub fn sender_args(args: &Udp, relay_port: u16) -> Vec<String> {
    programs::arguments(&[
        "--port",
        &relay_port.to_string(),
        "--count",
        &args.count.to_string(),
        "--rate",
        &args.rate.to_string(),
    ])
}

/// How long the sender takes to send them all, at its rate.
pub fn sending_time(count: u64, rate: f64) -> Duration {
    Duration::try_from_secs_f64(count as f64 / rate).unwrap_or_default()
}

pub fn run(conversation: &mut Conversation, programs: &Programs, args: &Udp) -> Result<()> {
    let receiver_program = programs.path("udp-receiver")?;
    let relay_program = programs.path("udp-relay")?;
    let sender_program = programs.path("udp-sender")?;
    let names = names();

    let asked = SocketAddr::from((course::LOOPBACK_V4, args.port));
    let receiver = conversation.start(
        &names[0],
        &receiver_program,
        &receiver_args(args),
        Input::Nothing,
        Some(Binds::Udp(asked)),
    )?;
    let receiving = conversation.bound(receiver)?;

    let relay_asked = SocketAddr::from((course::LOOPBACK_V4, args.relay_port()));
    let relay = conversation.start(
        &names[1],
        &relay_program,
        &relay_args(args, receiving),
        Input::Nothing,
        Some(Binds::Udp(relay_asked)),
    )?;
    let relaying = conversation.bound(relay)?;

    let sender = conversation.start(
        &names[2],
        &sender_program,
        &sender_args(args, relaying.port()),
        Input::Nothing,
        None,
    )?;
    let sending = sending_time(args.count, args.rate);
    // All three end by themselves: the sender after its last datagram, relay and receiver
    // after the idle timeout, with their scores.
    conversation.wait_end(
        &[sender, relay, receiver],
        sending.saturating_add(args.idle_timeout + STEP),
    )?;

    let expected = runs(
        conversation.lines(relay, Channel::Narration),
        "udp-relay.label-expect",
    );
    let reported = runs(
        conversation.lines(receiver, Channel::Narration),
        "udp-receiver.label-summary",
    );
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

/// The per-run scores in lines such as `expect   run 5f56: received 16 of 20 sent, ...`:
/// (`0x5f56`, `received 16 of 20 sent, ...`), for the lines whose first word is the label of the
/// message key `label` (`udp-relay.label-expect`) in either language: the programs speak the
/// language of their own environment, which may not be the demo's.
fn runs<'a>(lines: impl Iterator<Item = &'a str>, label: &str) -> Vec<(u32, String)> {
    let labels: Vec<_> = Lang::ALL
        .iter()
        .map(|&lang| course::text::get_in(lang, label))
        .collect();
    lines
        .filter_map(|line| {
            let (first, rest) = line.split_once(' ')?;
            if !labels.iter().any(|label| label == first) {
                return None;
            }
            let rest = rest.trim_start();
            Lang::ALL
                .iter()
                .find_map(|&lang| datagram::run_line(lang, rest))
                .map(|(run, score)| (run, score.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use course::lang::Lang;
    use course::text;

    #[test]
    fn scores_are_read_per_run_from_the_lines_that_carry_them() {
        let relay = [
            "relayed  20 datagrams from clients, 16 sent to 127.0.0.1:50942",
            "expect   16 datagrams, 834 bytes, 0 without a course header",
            "expect   run 5f56: received 16 of 20 sent, lost 4, reordered 0, duplicated 0 \
             (lost: 3, 4, 9, 10)",
        ];
        let expect = "udp-relay.label-expect";
        let summary = "udp-receiver.label-summary";
        assert_eq!(
            runs(relay.into_iter(), expect),
            [(
                0x5f56,
                "received 16 of 20 sent, lost 4, reordered 0, duplicated 0 (lost: 3, 4, 9, 10)"
                    .to_string()
            )]
        );
        let receiver = [
            "summary  run 5f56: received 16 of 20 sent",
            "summary  truncated 0 (datagrams larger than the 65507-byte buffer)",
            "stop     idle",
        ];
        assert_eq!(runs(receiver.into_iter(), summary).len(), 1);
        assert!(runs(receiver.into_iter(), expect).is_empty());
        // The labels of either language, whatever the demo's own.
        let portuguese = [
            format!(
                "{:<8} execução 5f56: recebidos 16",
                text::get_in(Lang::PtBr, summary)
            ),
            format!(
                "{:<8} execução 5f56: recebidos 16",
                text::get_in(Lang::En, summary)
            ),
            format!(
                "{:<8} execução 5f56: recebidos 16",
                text::get_in(Lang::PtBr, expect)
            ),
        ];
        let found = runs(portuguese.iter().map(String::as_str), summary);
        let score = (0x5f56, "recebidos 16".to_string());
        assert_eq!(found, [score.clone(), score]);
    }
}
