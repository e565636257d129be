//! The `concurrency` part: many clients at once, each with its own connection and thread.
//! Every connection is an open file on both sides (on Unix), so the open-files limit caps the
//! count before anything else; the lab raises it first (machine.rs).

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use anyhow::Result;
use course::t;

use crate::lab::{self, Lab};
use crate::machine;
use crate::notes;
use crate::report::{Progress, Row};
use crate::tcp;

/// The longest a client-count search may take, all counts together.
const SEARCH_BUDGET: Duration = Duration::from_secs(420);

impl Lab {
    pub fn concurrency(&mut self) -> Result<()> {
        // The first server (or the lab's echo thread): there is always one.
        let Some((who, addr)) = self.echo_servers().into_iter().next() else {
            return Ok(());
        };
        // Client sockets live in this process; the lab's own echo threads add one more each.
        let per_client = if self.servers.is_empty() { 2 } else { 1 };
        let limit = machine::open_files_limit().map(|n| n.saturating_sub(200) / per_client);
        let counts: Vec<usize> = if self.search && self.quick {
            vec![self.clients, self.clients.saturating_mul(4)]
        } else if self.search {
            [1000, 2000, 5000, lab::SEARCH_MAX].into()
        } else {
            vec![self.clients]
        };
        let started = Instant::now();
        for clients in counts {
            if limit.is_some_and(|limit| clients > limit) {
                let limit = machine::open_files_limit().unwrap_or(0);
                self.skip(&t!("socket-lab.over-limit", clients, limit));
                break;
            }
            if started.elapsed() > SEARCH_BUDGET {
                self.skip(&t!("socket-lab.out-of-time"));
                break;
            }
            let errors = self.crowd(addr, &who, clients);
            if errors > 0 {
                break;
            }
        }
        Ok(())
    }

    /// `clients` clients at once against `addr`, each doing its round trips; adds the row and
    /// returns the number of errors.
    fn crowd(&mut self, addr: SocketAddr, who: &str, clients: usize) -> u64 {
        let round_trips = if self.quick { 10 } else { 100 };
        let name = format!("{clients} clients x {round_trips} round trips, {who}");
        let part = t!("socket-lab.section.concurrency");
        self.progress
            .step(&t!("socket-lab.progress.part", part, name));
        // 10,000 threads taking turns on two cores manage some 5,000 round trips per second:
        // allow 25 ms per client (100 round trips), plus time to connect.
        let (base, per_client) = if self.quick { (20, 10) } else { (30, 25) };
        let budget = Duration::from_secs(base)
            + Duration::from_millis(per_client)
                .saturating_mul(clients.try_into().unwrap_or(u32::MAX));
        let mut progress = Progress::new();
        let crowd = tcp::crowd(
            addr,
            clients,
            round_trips,
            budget,
            |connected, round_trips| {
                progress.update(&t!(
                    "socket-lab.progress.crowd",
                    name,
                    connected,
                    round_trips
                ));
            },
        );
        let note = match &crowd.first_error {
            Some(error) => notes::english(
                "socket-lab.note.errors-first",
                &[("count", &crowd.errors), ("error", error)],
            ),
            None => notes::english("socket-lab.note.errors", &[("count", &crowd.errors)]),
        };
        self.rows.push(Row {
            count: Some(crowd.connected),
            per_second: Some(crowd.round_trips as f64 / crowd.elapsed.as_secs_f64().max(1e-9)),
            note,
            ..Row::new("concurrency", name)
        });
        crowd.errors
    }
}
