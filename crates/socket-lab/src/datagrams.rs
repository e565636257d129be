//! The `udp` part: datagrams at full speed. First the rate and the loss at each size, sent the
//! way udp-sender sends (one `send_to` per datagram); then, at 64 bytes, what a connected
//! socket and `sendmmsg` save. The receiver's buffer (SO_RCVBUF) is all that stands between a
//! fast sender and loss. Here "per s" is datagrams sent per second, "MB/s" the payload that
//! arrived.

use anyhow::Result;
use course::t;

use crate::lab::{self, Lab};
use crate::notes;
use crate::peers;
use crate::report::{Row, format_number};
use crate::udp::{self, Blast, Way};

/// The most datagrams one burst sends, whatever its duration.
const MAX_BURST: u64 = 20_000_000;

impl Lab {
    pub fn udp(&mut self) -> Result<()> {
        self.udp_sizes()?;
        self.udp_calls()
    }

    /// The rate and the loss from 64 bytes to the largest datagram, to a reader, and at 64 bytes
    /// to a socket that never reads.
    fn udp_sizes(&mut self) -> Result<()> {
        let burst = self.burst();
        let mut cases: Vec<(usize, bool)> =
            [64, 512, 1472, 8192, 65507].map(|size| (size, true)).into();
        cases.push((64, false));
        for (size, read) in cases {
            let name = format!("UDP {size} B, send_to, {}", receiver(read));
            let part = t!("socket-lab.section.udp");
            self.progress
                .step(&t!("socket-lab.progress.part", part, name));
            let blast = udp::blast(size, Way::SendTo, burst, MAX_BURST, read)?;
            self.rows.push(blast_row("udp", name, &blast));
        }
        Ok(())
    }

    /// 64-byte datagrams sent three ways, to a reader and to a socket that never reads, and
    /// iperf3 for reference. Every way takes its turn in each round; the table shows the
    /// median round.
    fn udp_calls(&mut self) -> Result<()> {
        let burst = self.burst();
        let mut runs: Vec<Vec<Row>> = Vec::new();
        for round in 1..=self.rounds() {
            let mut this_round = Vec::new();
            for read in [true, false] {
                for way in Way::all() {
                    let name = format!("UDP 64 B, {}, {}", way.describe(), receiver(read));
                    let (part, rounds) = (t!("socket-lab.section.udp"), self.rounds());
                    let text = t!("socket-lab.progress.round", part, name, round, rounds);
                    self.progress.step(&text);
                    let blast = udp::blast(64, way, burst, MAX_BURST, read)?;
                    this_round.push(blast_row("sending", name, &blast));
                }
            }
            if self.iperf3 {
                this_round.extend(self.iperf3_udp(round)?);
            }
            for (i, row) in this_round.into_iter().enumerate() {
                match runs.get_mut(i) {
                    Some(same) => same.push(row),
                    None => runs.push(vec![row]),
                }
            }
        }
        self.rows
            .extend(runs.into_iter().filter_map(lab::median_row));
        if !cfg!(target_os = "linux") {
            self.skip(&t!("socket-lab.no-sendmmsg"));
        }
        Ok(())
    }

    /// `iperf3 -u -b 0 -l 64`: 64-byte datagrams as fast as iperf3 sends them (one `send` each,
    /// on a connected socket), to its own server, which reads them.
    fn iperf3_udp(&mut self, round: usize) -> Result<Option<Row>> {
        let (part, name, rounds) = (
            t!("socket-lab.section.udp"),
            "iperf3 -u -b 0 -l 64",
            self.rounds(),
        );
        let text = t!("socket-lab.progress.round", part, name, round, rounds);
        self.progress.step(&text);
        let Some(json) = self.iperf3_run(&["-u", "-b", "0", "-l", "64"])? else {
            self.skip(&t!("socket-lab.iperf3-udp-silent"));
            return Ok(None);
        };
        let packets = peers::json_number_after(&json, "sum_sent", "packets");
        let seconds = peers::json_number_after(&json, "sum_sent", "seconds");
        let lost = peers::json_number_after(&json, "sum_received", "lost_percent");
        Ok(Some(Row {
            count: packets.map(|p| p as u64),
            per_second: packets.zip(seconds).map(|(p, s)| p / s),
            loss_percent: lost,
            note: notes::english("socket-lab.note.iperf3-udp", &[]),
            ..Row::new("sending", "UDP 64 B, iperf3 -u -b 0 -l 64")
        }))
    }
}

fn receiver(read: bool) -> &'static str {
    if read {
        "to lab receiver"
    } else {
        "to a socket that never reads"
    }
}

/// A blast as a row: datagrams sent per second, the payload that arrived, and the loss.
fn blast_row(section: &'static str, name: String, blast: &Blast) -> Row {
    let seconds = blast.elapsed.as_secs_f64().max(1e-9);
    let sent = blast.sent.max(1) as f64;
    let mut note = notes::english(
        "socket-lab.note.blast",
        &[
            ("rate", &format_number(blast.received as f64 / seconds)),
            ("nanos", &format_number(seconds * 1e9 / sent)),
            ("buffer", &blast.recv_buffer),
        ],
    );
    if blast.send_errors > 0 {
        let errors = notes::english(
            "socket-lab.note.send-errors",
            &[("count", &blast.send_errors)],
        );
        note = [note, errors].join(notes::JOIN);
    }
    Row {
        count: Some(blast.sent),
        per_second: Some(blast.sent as f64 / seconds),
        mb_per_second: Some(blast.received_bytes as f64 / seconds / 1e6),
        loss_percent: Some(100.0 * (1.0 - blast.received as f64 / sent)),
        note,
        ..Row::new(section, name)
    }
}
