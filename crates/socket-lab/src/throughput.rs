//! The `throughput` part: bulk TCP, one way and echoed. An echo moves every byte twice
//! (there and back) through the same loopback, so its payload rate is at most about half of
//! one way.

use std::net::SocketAddr;

use anyhow::Result;
use course::t;

use crate::lab::{self, Lab};
use crate::notes;
use crate::peers;
use crate::report::Row;
use crate::tcp;

/// One bulk measurement: `None` is the lab's own one-way sink, an address is an echo server.
struct Case {
    name: String,
    echo: Option<SocketAddr>,
    note: String,
    /// MB/s of each round.
    runs: Vec<f64>,
}

impl Lab {
    pub fn throughput(&mut self) -> Result<()> {
        let burst = self.burst();
        let echoed = [
            notes::english("socket-lab.note.echoed", &[]),
            notes::english("socket-lab.note.twice", &[]),
        ]
        .join(notes::JOIN);
        let mut cases = vec![Case {
            name: "TCP one way, lab writer to lab sink".into(),
            echo: None,
            note: notes::english("socket-lab.note.one-way", &[]),
            runs: Vec::new(),
        }];
        let mut echoes = vec![("lab echo thread".to_string(), self.echo)];
        if !self.servers.is_empty() {
            echoes.extend(self.echo_servers());
        }
        if let Some(socat) = &self.socat {
            echoes.push(("socat echo".into(), socat.addr));
        }
        for (name, addr) in echoes {
            cases.push(Case {
                name: format!("TCP bulk echo through {name}"),
                echo: Some(addr),
                note: echoed.clone(),
                runs: Vec::new(),
            });
        }
        // Bulk figures swing by tens of percent from one second to the next on a shared
        // machine: every case runs in each of three rounds, and the table shows the median.
        let rounds = self.rounds();
        let mut iperf3 = Vec::new();
        for round in 1..=rounds {
            for case in &mut cases {
                let (part, name) = (t!("socket-lab.section.throughput"), &case.name);
                let text = t!("socket-lab.progress.round", part, name, round, rounds);
                self.progress.step(&text);
                let measured = match case.echo {
                    None => tcp::bulk_one_way(burst),
                    Some(addr) => tcp::bulk_echo(addr, burst),
                };
                // A server that stalls or fails costs its figure for this round, not the run.
                match measured {
                    Ok((bytes, elapsed)) => case.runs.push(lab::mb_per_second(bytes, elapsed)),
                    Err(error) => {
                        let error = format!("{error:#}");
                        self.skip(&t!("socket-lab.failed", name = case.name, error));
                    }
                }
            }
            if self.iperf3 {
                iperf3.extend(self.iperf3_tcp(round, rounds)?);
            }
        }
        if !iperf3.is_empty() {
            cases.push(Case {
                name: "TCP one way, iperf3".into(),
                echo: None,
                note: notes::english("socket-lab.note.iperf3-tcp", &[]),
                runs: iperf3,
            });
        }
        for mut case in cases {
            self.rows.push(Row {
                mb_per_second: lab::median(&mut case.runs),
                note: lab::runs_note(&case.note, &case.runs),
                ..Row::new("throughput", case.name)
            });
        }
        Ok(())
    }

    /// One iperf3 TCP run, one stream, one way: its MB/s, if it reported one.
    fn iperf3_tcp(&mut self, round: usize, rounds: usize) -> Result<Option<f64>> {
        self.progress
            .step(&t!("socket-lab.progress.iperf3-tcp", round, rounds));
        let Some(json) = self.iperf3_run(&[])? else {
            self.skip(&t!("socket-lab.iperf3-tcp-silent"));
            return Ok(None);
        };
        Ok(
            peers::json_number_after(&json, "sum_received", "bits_per_second")
                .map(|bits| bits / 8.0 / 1e6),
        )
    }
}
