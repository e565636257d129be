//! The `latency` part: small-message round trips. A round trip on loopback is two trips
//! through the kernel's TCP or UDP code and two wake-ups of a sleeping thread: microseconds,
//! not milliseconds.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Result;

use course::t;

use crate::lab::Lab;
use crate::notes;
use crate::report::Row;
use crate::tcp;

/// Who answers the round trips of one case.
enum Partner {
    /// A TCP echo server, with Nagle's algorithm on or off on the client's side.
    Tcp { addr: SocketAddr, nodelay: bool },
    /// TCP and UDP answered by one echo thread in turn: two rows, TCP's then UDP's.
    SideBySide,
}

struct Case {
    partner: Partner,
    names: Vec<String>,
    samples: Vec<Vec<Duration>>,
}

impl Case {
    fn tcp(name: String, addr: SocketAddr, nodelay: bool) -> Case {
        Case {
            partner: Partner::Tcp { addr, nodelay },
            names: vec![name],
            samples: vec![Vec::new()],
        }
    }
}

impl Lab {
    pub fn latency(&mut self) -> Result<()> {
        self.round_trips_taking_turns()?;
        self.delayed_ack_stall()
    }

    /// Every case takes turns, a slice of round trips each, fifty times over, each slice on a
    /// new connection (so a new server thread) after three warm-up round trips. Where the
    /// scheduler puts the server's thread matters more than the protocol: on the client's core
    /// a round trip is a quick switch; on the other, idle core it waits for that core to wake
    /// up (slow on a VM). New threads every slice sample both, fairly.
    fn round_trips_taking_turns(&mut self) -> Result<()> {
        let (count, budget) = self.round_trip_budget();
        let size = self.size;
        let mut cases = Vec::new();
        for (i, (name, addr)) in self.echo_servers().into_iter().enumerate() {
            cases.push(Case::tcp(
                format!("TCP {size} B, {name}, TCP_NODELAY"),
                addr,
                true,
            ));
            // Nagle on, for the first server: one write per message meets no stall.
            if i == 0 {
                cases.push(Case::tcp(
                    format!("TCP {size} B, {name}, Nagle on"),
                    addr,
                    false,
                ));
            }
        }
        if let Some(socat) = &self.socat {
            let name = format!("TCP {size} B, socat echo, TCP_NODELAY");
            cases.push(Case::tcp(name, socat.addr, true));
        }
        cases.push(Case {
            partner: Partner::SideBySide,
            names: vec![
                format!("TCP {size} B, same echo thread as UDP"),
                format!("UDP {size} B, same echo thread as TCP"),
            ],
            samples: vec![Vec::new(), Vec::new()],
        });
        let rounds = 50;
        let (slice, time) = (count / rounds, budget / rounds as u32);
        for round in 1..=rounds {
            let text = t!("socket-lab.progress.latency", size, round, rounds);
            // One line in a log, a live count on a terminal.
            if round == 1 {
                self.progress.step(&text);
            } else {
                self.progress.update(&text);
            }
            for case in &mut cases {
                measure_slice(case, size, slice, time)?;
            }
        }
        for case in cases {
            for (name, mut samples) in case.names.into_iter().zip(case.samples) {
                self.rows
                    .push(Row::new("latency", name).with_samples(&mut samples));
            }
        }
        Ok(())
    }

    /// The delayed-ACK stall. The client writes a request in two small writes, then reads.
    /// With Nagle on, the second write waits until the first segment is acknowledged; the
    /// server, which answers only whole requests, has nothing to send, so it delays its ACK
    /// (Linux: about 40 ms) hoping to piggyback it on data. Nobody moves until then.
    fn delayed_ack_stall(&mut self) -> Result<()> {
        let size = self.size;
        let requests = tcp::spawn_echo(Some(size))?;
        let (count, budget) = if self.quick {
            (10, Duration::from_millis(600))
        } else {
            (50, Duration::from_secs(3))
        };
        for nodelay in [false, true] {
            let name = format!(
                "TCP write-write-read {size} B, request/response, {}",
                if nodelay { "TCP_NODELAY" } else { "Nagle on" }
            );
            let part = t!("socket-lab.section.latency");
            self.progress
                .step(&t!("socket-lab.progress.part", part, name));
            let mut stream = tcp::connect(requests, nodelay)?;
            // Leave the first round trips out: Linux acknowledges at once while a connection
            // is new ("quick ACK" mode), so the stall shows only afterwards.
            tcp::round_trips(&mut stream, size, true, 4, budget)?;
            let mut samples = tcp::round_trips(&mut stream, size, true, count, budget)?;
            let mut row = Row::new("latency", name).with_samples(&mut samples);
            if !nodelay && row.p50_us.is_some_and(|us| us > 10_000.0) {
                row.note = notes::english("socket-lab.note.stall", &[]);
            }
            self.rows.push(row);
        }
        Ok(())
    }
}

/// One slice of a case's round trips, on a new connection, after three warm-up round trips.
fn measure_slice(case: &mut Case, size: usize, count: usize, time: Duration) -> Result<()> {
    match case.partner {
        Partner::Tcp { addr, nodelay } => {
            let mut stream = tcp::connect(addr, nodelay)?;
            tcp::round_trips(&mut stream, size, false, 3, time)?;
            let samples = tcp::round_trips(&mut stream, size, false, count, time)?;
            case.samples[0].extend(samples);
        }
        Partner::SideBySide => {
            let (tcp_times, udp_times) = tcp::side_by_side(size, count, time)?;
            case.samples[0].extend(tcp_times);
            case.samples[1].extend(udp_times);
        }
    }
    Ok(())
}
