//! The `setup` part: what TCP pays before its first byte. The three-way handshake (SYN,
//! SYN-ACK, ACK) in `connect`, a new socket from `accept` on the server, and, on close, four
//! more segments. UDP sends the request in its first datagram.

use std::time::Duration;

use anyhow::Result;
use course::t;

use crate::lab::Lab;
use crate::notes;
use crate::report::Row;
use crate::{tcp, udp};

impl Lab {
    pub fn setup(&mut self) -> Result<()> {
        let (count, budget) = if self.quick {
            (100, Duration::from_millis(500))
        } else {
            (2000, Duration::from_secs(3))
        };
        let size = self.size;
        let mut servers = vec![("lab echo thread".to_string(), self.echo)];
        if !self.servers.is_empty() {
            servers.extend(self.echo_servers());
        }
        // TCP and UDP take turns, twenty slices each, so that both meet the same machine.
        let rounds = 20;
        let (slice, time) = (count / rounds, budget / rounds as u32);
        let mut connects = Vec::new();
        let mut totals = vec![Vec::new(); servers.len()];
        let mut exchanges = Vec::new();
        for round in 1..=rounds {
            let text = t!("socket-lab.progress.setup", round, rounds);
            if round == 1 {
                self.progress.step(&text);
            } else {
                self.progress.update(&text);
            }
            for (i, (_, addr)) in servers.iter().enumerate() {
                let (connect_times, total_times) = tcp::setup(*addr, size, slice, time)?;
                if i == 0 {
                    connects.extend(connect_times);
                }
                totals[i].extend(total_times);
            }
            exchanges.extend(udp::first_exchanges(self.udp_echo, size, slice, time)?);
        }
        self.rows.push(
            Row::new("setup", "TCP connect() alone, lab echo thread")
                .with_samples(&mut connects)
                .note(notes::english("socket-lab.note.handshake", &[])),
        );
        for ((who, _), mut samples) in servers.into_iter().zip(totals) {
            let name = format!("TCP connect + first {size} B round trip, {who}");
            self.rows.push(per_second_of_p50(
                Row::new("setup", name).with_samples(&mut samples),
            ));
        }
        let name = format!("UDP new socket + first {size} B request/response");
        self.rows.push(per_second_of_p50(
            Row::new("setup", name)
                .with_samples(&mut exchanges)
                .note(notes::english("socket-lab.note.no-handshake", &[])),
        ));
        Ok(())
    }
}

/// One after the other at the median time: how many first exchanges a second holds.
fn per_second_of_p50(mut row: Row) -> Row {
    row.per_second = row.p50_us.map(|us| 1e6 / us);
    row
}
