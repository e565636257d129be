//! The multicast lesson: three multicast-listeners join the course's group, then one
//! multicast-sender sends to it: one send, one copy for each member. Everything stays on this
//! machine: every program joins and sends on the interface 127.0.0.1, TTL 1.

use std::collections::BTreeSet;
use std::time::Duration;

use anyhow::Result;
use course::{HintExt, t};

use crate::args::Multicast;
use crate::conversation::{Channel, Conversation, Input, STEP, Who};
use crate::heard;
use crate::programs::{self, Programs};

/// Listeners stop by themselves after this long without a datagram, if they did not get them
/// all (a lost datagram, or a sender that never started).
const IDLE: Duration = Duration::from_secs(10);

/// The speakers: `listener 1`... then `sender`.
pub fn names(listeners: u64) -> Vec<String> {
    (1..=listeners)
        .map(|number| t!("demo.who.listener", number))
        .chain([t!("demo.who.sender")])
        .collect()
}

/// A listener's arguments (the demo's conversation and its tmux panes start the same
/// programs): every program joins and sends on 127.0.0.1.
pub fn listener_args(args: &Multicast, port: u16) -> Vec<String> {
    programs::arguments(&[
        "--port",
        &port.to_string(),
        "--interface",
        &course::LOOPBACK_V4.to_string(),
        "--count",
        &args.count.to_string(),
        "--idle-timeout",
        &IDLE.as_secs().to_string(),
    ])
}

/// The sender's arguments: to the group's port.
pub fn sender_args(args: &Multicast, port: u16) -> Vec<String> {
    programs::arguments(&[
        "--port",
        &port.to_string(),
        "--interface",
        &course::LOOPBACK_V4.to_string(),
        "--count",
        &args.count.to_string(),
        "--rate",
        &args.rate.to_string(),
    ])
}

pub fn run(conversation: &mut Conversation, programs: &Programs, args: &Multicast) -> Result<()> {
    let listener_program = programs.path("multicast-listener")?;
    let sender_program = programs.path("multicast-sender")?;
    let names = names(args.listeners);
    let waiting_join = t!("demo.waiting.join");

    // Each listener joins before the next starts, and all before the sender sends: a datagram
    // sent before a join is not delivered to that member (and Windows refuses to send to a
    // loopback group nobody joined, error 10051).
    let mut port = args.port;
    let mut listeners = Vec::new();
    for name in names.iter().take(args.listeners as usize) {
        let listener = conversation.start(
            name,
            &listener_program,
            &listener_args(args, port),
            Input::Nothing,
            // Listeners share their port (SO_REUSEADDR): no bind test would say who holds it.
            None,
        )?;
        // With --port 0 the first listener's port is the group's port for the others.
        port = conversation.bound(listener)?.port();
        conversation.wait_for(
            listener,
            Channel::Narration,
            &waiting_join,
            STEP,
            heard::is_call("join"),
        )?;
        listeners.push(listener);
    }

    let sender_name = &names[names.len() - 1];
    let sender = conversation.start(
        sender_name,
        &sender_program,
        &sender_args(args, port),
        Input::Nothing,
        None,
    )?;
    let sender_port = conversation.bound(sender)?.port();
    let sending = crate::udp::sending_time(args.count, args.rate);
    // The sender ends after its last datagram, each listener after its --count (or, if it
    // missed some, its idle timeout), in any order.
    let mut everyone = listeners.clone();
    everyone.push(sender);
    conversation.wait_end(&everyone, sending.saturating_add(IDLE + STEP))?;

    let mut missed = Vec::new();
    let (label, count) = (t!("demo.label.count"), args.count);
    for &listener in &listeners {
        let received = received_from(conversation, listener, sender_port);
        let name = conversation.name(listener).to_string();
        conversation.say(&label, &t!("demo.multicast.count", name, received, count))?;
        if received != args.count {
            missed.push(name);
        }
    }
    let members = args.listeners;
    if missed.is_empty() {
        conversation.conclude(&t!("demo.multicast.all", members, count))
    } else {
        let names = missed.join(", ");
        conversation.conclude(&t!("demo.multicast.missed", names))?;
        Err(anyhow::anyhow!(t!(
            "demo.multicast.missed.error",
            missed = missed.len(),
            members
        )))
        .hint(t!("demo.multicast.missed.hint"))
    }
}

/// How many datagrams of the sender (its port) `listener` received: the different SEQ numbers
/// of its data lines that came from that port. The datagram's own words (SEQ, OF, RUN) are
/// data, the same whatever language the listener speaks; its summary is not.
fn received_from(conversation: &Conversation, listener: Who, sender_port: u16) -> u64 {
    let numbers: BTreeSet<u64> = conversation
        .lines(listener, Channel::Data)
        .filter_map(|line| seq_of(line, sender_port))
        .collect();
    numbers.len() as u64
}

/// The SEQ of a listener's data line `from 127.0.0.1:50175  70 bytes  SEQ 0 OF 10 RUN 725e
/// ...` if it came from `port`.
fn seq_of(line: &str, port: u16) -> Option<u64> {
    let from = testkit::first_socket_addr(line)?;
    if from.port() != port {
        return None;
    }
    let (_, after) = line.split_once(" SEQ ")?;
    after.split_whitespace().next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listeners_count_is_read_for_the_senders_port_only() {
        let data = "from 127.0.0.1:50175     70 bytes  SEQ 3 OF 10 RUN 725e (0.1 ms)  \"hello\"";
        assert_eq!(seq_of(data, 50175), Some(3));
        assert_eq!(seq_of(data, 50176), None);
        // The words around the datagram's own may be in another language.
        let data = "de 127.0.0.1:50175     70 bytes  SEQ 4 OF 10 RUN 725e (0,1 ms)  \"SEQ 9\"";
        assert_eq!(seq_of(data, 50175), Some(4));
        assert_eq!(seq_of("from 127.0.0.1:50175  5 bytes  \"hi\"", 50175), None);
    }

    #[test]
    fn the_speakers_are_the_listeners_then_the_sender() {
        // In the language of the test's run (its locale).
        let listener = |number: u64| t!("demo.who.listener", number);
        assert_eq!(
            names(3),
            [listener(1), listener(2), listener(3), t!("demo.who.sender")]
        );
        assert!(names(3)[0].ends_with(" 1") && names(3)[2].ends_with(" 3"));
    }
}
