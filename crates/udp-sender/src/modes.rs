//! What udp-sender sends: the lines of stdin, one datagram each, or a run of numbered
//! datagrams at a rate. Each datagram goes out through [`Sender::exchange`] (main.rs), which
//! makes the socket calls.

use std::io::{self, BufRead, IsTerminal};

use anyhow::Context;
use course::{say, t};
use datagram::Header;

use crate::Sender;
use crate::replies;

/// Above this rate, sends are not narrated one by one: the narration would be the bottleneck.
const NARRATED_RATE: f64 = 100.0;

pub fn send_lines(sender: &mut Sender) -> anyhow::Result<()> {
    if io::stdin().is_terminal() {
        say!("stdin", "udp-sender.stdin-terminal");
    } else {
        say!("stdin", "udp-sender.stdin-pipe");
    }
    let mut sent = 0u64;
    for line in io::stdin().lock().lines() {
        let line = line.with_context(|| t!("udp-sender.reading-stdin"))?;
        datagram::check_fits(line.len(), &sender.to, |_| t!("udp-sender.shorter-line"))?;
        sender.exchange(
            line.as_bytes(),
            &datagram::show_payload(line.as_bytes(), 64),
            true,
        )?;
        sent += 1;
    }
    let datagrams = course::plural(sent, "datagram");
    say!(
        t!("udp-sender.label-done"),
        "udp-sender.sent-lines",
        datagrams
    );
    Ok(())
}

pub fn send_numbered(
    sender: &mut Sender,
    count: u64,
    size: Option<usize>,
    rate: f64,
) -> anyhow::Result<()> {
    let run = datagram::new_run_id();
    let narrate_each = rate > 0.0 && rate <= NARRATED_RATE;
    let pacer = course::Pacer::new(rate);
    let size_each = match size {
        Some(size) => t!("udp-sender.run-size", bytes = course::plural(size, "byte")),
        None => t!("udp-sender.run-size-default"),
    };
    let pace = match pacer.pause() {
        Some(_) => t!("udp-sender.run-rate", rate),
        None => t!("udp-sender.run-as-fast"),
    };
    let wait = match &sender.replies {
        Some(replies) => t!("udp-sender.run-wait", wait = replies::seconds(replies.wait)),
        None => String::new(),
    };
    say!(
        t!("udp-sender.label-run"),
        "udp-sender.run",
        datagrams = course::plural(count, "numbered datagram"),
        run = format!("{run:04x}"),
        size = size_each,
        pace,
        wait
    );

    let mut bytes = 0u64;
    for seq in 0..count {
        pacer.wait_for(seq);
        let header = Header::now(seq, Some(count), run);
        let datagram = match size {
            // The header, then a filler up to `size` bytes.
            Some(size) => header.datagram_of_size(size),
            None => header.datagram(format!("hello {seq}").as_bytes()),
        };
        sender.exchange(&datagram, &header.label(), narrate_each || seq == 0)?;
        bytes = bytes.saturating_add(datagram.len() as u64);
    }
    let seconds = pacer.started().elapsed().as_secs_f64().max(1e-9);
    say!(
        t!("udp-sender.label-done"),
        "udp-sender.sent-numbered",
        datagrams = course::plural(count, "datagram"),
        bytes = course::plural(bytes, "byte"),
        seconds = format!("{seconds:.3}"),
        per_second = format!("{:.0}", count as f64 / seconds),
        megabytes = format!("{:.2}", bytes as f64 / seconds / 1e6)
    );
    Ok(())
}
