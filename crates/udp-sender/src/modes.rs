//! What udp-sender sends: the lines of stdin, one datagram each, or a run of numbered
//! datagrams at a rate. Each datagram goes out through [`Sender::exchange`] (main.rs), which
//! makes the socket calls.

use std::io::{self, BufRead, IsTerminal};

use anyhow::Context;
use course::narrate;
use datagram::Header;

use crate::Sender;
use crate::replies;

/// Above this rate, sends are not narrated one by one: the narration would be the bottleneck.
const NARRATED_RATE: f64 = 100.0;

pub fn send_lines(sender: &mut Sender) -> anyhow::Result<()> {
    if io::stdin().is_terminal() {
        narrate!(
            "stdin",
            "type lines: each one is one datagram; end with Ctrl-D (Ctrl-Z then Enter on Windows)"
        );
    } else {
        narrate!(
            "stdin",
            "not a terminal: each line read from it is one datagram (--count sends numbered ones instead)"
        );
    }
    let mut sent = 0u64;
    for line in io::stdin().lock().lines() {
        let line = line.context("reading stdin")?;
        datagram::check_fits(line.len(), &sender.to, |_| {
            "type a shorter line".to_string()
        })?;
        sender.exchange(
            line.as_bytes(),
            &datagram::show_payload(line.as_bytes(), 64),
            true,
        )?;
        sent += 1;
    }
    narrate!(
        "done",
        "sent {} (one per line)",
        course::plural(sent, "datagram")
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
    narrate!(
        "run",
        "{}, RUN {run:04x}, {}, {}{}",
        course::plural(count, "numbered datagram"),
        match size {
            Some(size) => format!("{size} bytes each"),
            None => "header and a short text each".to_string(),
        },
        match pacer.pause() {
            Some(_) => format!("{rate} per second"),
            None => "as fast as the loop goes (sends not narrated one by one)".to_string(),
        },
        match &sender.replies {
            Some(replies) => format!(
                ", each waiting up to {} for its reply",
                replies::seconds(replies.wait)
            ),
            None => String::new(),
        }
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
    narrate!(
        "done",
        "sent {}, {bytes} bytes in {:.3} s: {:.0} datagrams/s, {:.2} MB/s",
        course::plural(count, "datagram"),
        seconds,
        count as f64 / seconds,
        bytes as f64 / seconds / 1e6
    );
    Ok(())
}
