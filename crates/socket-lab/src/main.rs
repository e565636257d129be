//! # socket-lab: measure it yourself
//!
//! The lesson says UDP is "much faster" than TCP. This program puts numbers on that claim, on
//! loopback, in one run: round-trip latency (with and without Nagle's algorithm, and the
//! delayed-ACK stall), bulk throughput, UDP rate and loss at several datagram sizes, the cost
//! of setting up a connection, and how many clients `tcp-echo-server` holds at once. Where
//! `iperf3` and `socat` are installed it runs them in the same run, for comparison.
//!
//! Run it (it builds the servers it measures, in release mode, and raises `ulimit -n`):
//!
//! ```text
//! scripts/lab                 # everything, about a minute
//! scripts/lab latency --quick # one part, a few seconds
//! ```
//!
//! or by hand: `cargo build --release -p tcp-echo-server -p udp-sender -p socket-lab` then
//! `target/release/socket-lab`. It prints a table on stdout, writes `target/socket-lab.csv`
//! and `target/socket-lab.svg`, and shows its progress on stderr.
//!
//! Book chapter: "Measure it yourself" (`docs/src/measure.md`).

mod peers;
mod report;
mod tcp;
mod udp;

use std::io::{self, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::{Parser, ValueEnum};

use peers::Peer;
use report::{Progress, Row, Target, Verdict};

/// Measure it yourself: latency, throughput and loss of TCP and UDP on loopback, in one run.
#[derive(Parser, Debug)]
#[command(
    version,
    after_help = "Example: scripts/lab   (builds tcp-echo-server, udp-sender and this lab in \
                  release mode, raises ulimit -n, and runs `socket-lab all`)\n\
                  By hand:  cargo build --release -p tcp-echo-server -p udp-sender -p socket-lab\n          \
                  target/release/socket-lab latency --quick"
)]
struct Args {
    /// Which part to measure.
    #[arg(value_enum, default_value_t = Mode::All)]
    mode: Mode,
    /// A short run (a few seconds): fewer round trips, shorter bursts, fewer clients.
    #[arg(long)]
    quick: bool,
    /// Where to write the results as CSV.
    #[arg(long, default_value = "target/socket-lab.csv")]
    csv: PathBuf,
    /// Where to write the chart (default: the CSV path with .svg).
    #[arg(long)]
    svg: Option<PathBuf>,
    /// The tcp-echo-server to measure (default: the one next to this program).
    #[arg(long)]
    server: Option<PathBuf>,
    /// The udp-sender to measure (default: the one next to this program).
    #[arg(long)]
    sender: Option<PathBuf>,
    /// Size of the small messages, in bytes (1 to 65,507: they also travel as one datagram).
    #[arg(long, default_value_t = 32, value_parser = clap::value_parser!(u16).range(1..=65507))]
    size: u16,
    /// Concurrent clients: the one count to try (default: 1,000 in `all`, the search in
    /// `concurrency`).
    #[arg(long)]
    clients: Option<usize>,
    /// In `all`, also search for the largest number of clients tcp-echo-server holds
    /// (what `concurrency` does): 1,000, 2,000, 5,000, 10,000, stopping at the first count
    /// with an error (up to about seven minutes on two cores).
    #[arg(long)]
    max_clients_search: bool,
    /// Do not run iperf3 and socat even when installed.
    #[arg(long)]
    no_peers: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Mode {
    /// Every part below, once (concurrency at 1,000 clients).
    All,
    /// Small-message round trips: TCP with and without TCP_NODELAY, the delayed-ACK stall, UDP.
    Latency,
    /// Bulk TCP: one way, echoed through tcp-echo-server, socat, and iperf3.
    Throughput,
    /// UDP rate and loss at 64 B to 65,507 B; udp-sender and iperf3 at full speed.
    Udp,
    /// What a TCP connection costs before its first byte, against a UDP first exchange.
    Setup,
    /// The largest number of clients tcp-echo-server holds at once.
    Concurrency,
    /// Redraw the SVG chart from the CSV of an earlier run (no measurement).
    Chart,
}

fn main() -> ExitCode {
    course::main(run)
}

fn run() -> Result<()> {
    let args: Args = course::parse_args();
    let svg_path = args
        .svg
        .clone()
        .unwrap_or_else(|| args.csv.with_extension("svg"));
    if args.mode == Mode::Chart {
        let text = std::fs::read_to_string(&args.csv)
            .with_context(|| format!("reading {}", args.csv.display()))?;
        return write_file(&svg_path, &report::svg(&report::parse_csv(&text)));
    }

    let mut lab = Lab::new(&args)?;
    let wanted = |mode: Mode| args.mode == Mode::All || args.mode == mode;
    lab.machine("before");
    if wanted(Mode::Latency) {
        lab.latency()?;
    }
    if wanted(Mode::Throughput) {
        lab.throughput()?;
    }
    if wanted(Mode::Udp) {
        lab.udp()?;
    }
    if wanted(Mode::Setup) {
        lab.setup()?;
    }
    if wanted(Mode::Concurrency) {
        lab.concurrency()?;
    }
    lab.machine("after");
    lab.progress.clear();

    let mut targets = lab.targets();
    if args.mode != Mode::All {
        // A single part: only the targets it measured.
        targets.retain(|target| target.verdict != Verdict::Skipped);
    }
    let table = report::table(&lab.rows, &targets);
    let answer = lab.answer();
    write_file(&args.csv, &report::csv(&lab.rows, &targets))?;
    write_file(&svg_path, &report::svg(&lab.rows))?;
    course::narrate!("write", "{} and {}", args.csv.display(), svg_path.display());
    // Stdout closed early (`socket-lab | head`) is not an error worth a panic.
    let mut stdout = io::stdout().lock();
    match write!(stdout, "{table}{answer}").and_then(|()| stdout.flush()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(error).context("writing the table to stdout")
        }
        _ => Ok(()),
    }
}

/// One run of the lab: its settings, the peers it started, and the rows measured so far.
struct Lab {
    quick: bool,
    size: usize,
    clients: usize,
    /// Search for the largest count of clients held, rather than try `clients` only.
    search: bool,
    progress: Progress,
    rows: Vec<Row>,
    /// The real `tcp-echo-server` of this workspace, if it was built.
    server: Option<Peer>,
    sender: Option<PathBuf>,
    /// `socat TCP-LISTEN:0,fork PIPE`: an echo server written by someone else.
    socat: Option<Peer>,
    iperf3: bool,
    /// Echo servers in threads of the lab, for measurements that need no other process.
    echo: SocketAddr,
    udp_echo: SocketAddr,
    fig: Figures,
}

/// The figures the targets are judged on.
#[derive(Default)]
struct Figures {
    server_p50_us: Option<f64>,
    socat_p50_us: Option<f64>,
    server_bulk_mb: Option<f64>,
    socat_bulk_mb: Option<f64>,
    iperf3_tcp_mb: Option<f64>,
    sender_rate: Option<f64>,
    iperf3_udp_rate: Option<f64>,
    crowd: Option<(usize, u64, Option<String>)>,
    largest_held: Option<(usize, Option<usize>)>,
}

impl Lab {
    fn new(args: &Args) -> Result<Lab> {
        let mut progress = Progress::new();
        let quick = args.quick;
        let clients = args.clients.unwrap_or(if quick { 50 } else { 1000 });
        let search =
            args.clients.is_none() && (args.mode == Mode::Concurrency || args.max_clients_search);
        let search_max = if search { 10_000 } else { clients };
        let server_path = args
            .server
            .clone()
            .or_else(|| peers::sibling("tcp-echo-server"));
        let server = match server_path {
            Some(path) => {
                progress.step(&format!("starting {}", path.display()));
                match start_echo_server(&path, search_max) {
                    Ok(server) => Some(server),
                    Err(error) => {
                        progress.clear();
                        course::narrate!(
                            "skip",
                            "{} did not start ({error:#}): measuring the lab's own echo thread \
                             instead",
                            path.display()
                        );
                        None
                    }
                }
            }
            None => {
                progress.clear();
                course::narrate!(
                    "skip",
                    "tcp-echo-server not found next to socket-lab: measuring the lab's own echo \
                     thread instead (build it: cargo build --release -p tcp-echo-server)"
                );
                None
            }
        };
        let sender = args.sender.clone().or_else(|| peers::sibling("udp-sender"));
        let socat = if !args.no_peers && peers::installed("socat", "-V") {
            progress.step("starting socat echo");
            Some(Peer::start(
                Path::new("socat"),
                &[
                    "-d",
                    "-d",
                    "TCP-LISTEN:0,bind=127.0.0.1,reuseaddr,fork",
                    "PIPE",
                ],
                false,
                Duration::from_secs(10),
                |line| {
                    line.contains("listening on")
                        .then(|| peers::first_socket_addr(line))
                        .flatten()
                },
            )?)
        } else {
            None
        };
        let iperf3 = !args.no_peers && peers::installed("iperf3", "--version");
        if !iperf3 || socat.is_none() {
            progress.clear();
            course::narrate!(
                "skip",
                "iperf3 or socat not installed (or --no-peers): no comparison with them \
                 (install them: scripts/install-tools iperf3 socat)"
            );
        }
        Ok(Lab {
            quick,
            size: usize::from(args.size),
            clients,
            search,
            progress,
            rows: Vec::new(),
            server,
            sender,
            socat,
            iperf3,
            echo: tcp::spawn_echo(None)?,
            udp_echo: udp::spawn_echo(Arc::new(AtomicBool::new(false)))?,
            fig: Figures::default(),
        })
    }

    /// Round trips per measurement, and the time it may take.
    fn round_trip_budget(&self) -> (usize, Duration) {
        if self.quick {
            (200, Duration::from_millis(500))
        } else {
            (5000, Duration::from_secs(3))
        }
    }

    /// How long each bulk transfer or UDP burst runs.
    fn burst(&self) -> Duration {
        if self.quick {
            Duration::from_millis(300)
        } else {
            Duration::from_millis(1500)
        }
    }

    fn server_addr(&self) -> (SocketAddr, &'static str) {
        match &self.server {
            Some(server) => (server.addr, "tcp-echo-server"),
            None => (self.echo, "lab echo thread"),
        }
    }

    // ---------------------------------------------------------------- latency

    /// Small-message round trips. A round trip on loopback is two trips through the kernel's
    /// TCP or UDP code and two wake-ups of a sleeping thread: microseconds, not milliseconds.
    fn latency(&mut self) -> Result<()> {
        let (count, budget) = self.round_trip_budget();
        let size = self.size;
        let (server, server_name) = self.server_addr();
        let mut cases: Vec<(String, SocketAddr, bool)> = vec![
            (
                format!("TCP {size} B, {server_name}, TCP_NODELAY"),
                server,
                true,
            ),
            (
                format!("TCP {size} B, {server_name}, Nagle on"),
                server,
                false,
            ),
        ];
        if let Some(socat) = &self.socat {
            cases.push((
                format!("TCP {size} B, socat echo, TCP_NODELAY"),
                socat.addr,
                true,
            ));
        }
        // All cases take turns, a slice of round trips each, fifty times over, each slice on
        // a new connection (so a new server thread) after three warm-up round trips. Where
        // the scheduler puts the server's thread matters more than the protocol: on the
        // client's core a round trip is a quick switch; on the other, idle core it waits for
        // that core to wake up (slow on a VM). New threads every slice sample both, fairly.
        let mut endpoints: Vec<(String, Option<(SocketAddr, bool)>)> = cases
            .into_iter()
            .map(|(name, addr, nodelay)| (name, Some((addr, nodelay))))
            .collect();
        // The side-by-side pair: TCP and UDP against one echo thread.
        endpoints.push((format!("TCP {size} B, same echo thread as UDP"), None));
        endpoints.push((format!("UDP {size} B, same echo thread as TCP"), None));
        let pair = endpoints.len() - 2;
        let mut samples: Vec<Vec<Duration>> = vec![Vec::new(); endpoints.len()];
        let rounds = 50;
        let (slice, time) = (count / rounds, budget / rounds as u32);
        for round in 1..=rounds {
            let text = format!(
                "latency: {size} B round trips, TCP and UDP taking turns, round {round} of {rounds}"
            );
            // One line in a log, a live count on a terminal.
            if round == 1 {
                self.progress.step(&text);
            } else {
                self.progress.update(&text);
            }
            for (i, (_, tcp_peer)) in endpoints.iter().enumerate() {
                match tcp_peer {
                    Some((addr, nodelay)) => {
                        let mut stream = tcp::connect(*addr, *nodelay)?;
                        tcp::round_trips(&mut stream, size, false, 3, time)?;
                        samples[i].extend(tcp::round_trips(&mut stream, size, false, slice, time)?);
                    }
                    None if i == pair => {
                        let (tcp_times, udp_times) = tcp::side_by_side(size, slice, time)?;
                        samples[i].extend(tcp_times);
                        samples[i + 1].extend(udp_times);
                    }
                    None => {} // the UDP half of the pair, filled just above
                }
            }
        }
        for ((name, _), mut samples) in endpoints.into_iter().zip(samples) {
            let row = Row::new("latency", &name).with_samples(&mut samples);
            if self.server.is_some() && name.contains(server_name) && name.ends_with("TCP_NODELAY")
            {
                self.fig.server_p50_us = row.p50_us;
            }
            if name.contains("socat") {
                self.fig.socat_p50_us = row.p50_us;
            }
            self.rows.push(row);
        }

        // The delayed-ACK stall. The client writes a request in two small writes, then reads.
        // With Nagle on, the second write waits until the first segment is acknowledged; the
        // server, which answers only whole requests, has nothing to send, so it delays its
        // ACK (Linux: about 40 ms) hoping to piggyback it on data. Nobody moves until then.
        let requests = tcp::spawn_echo(Some(size))?;
        let (stall_count, stall_budget) = if self.quick {
            (10, Duration::from_millis(600))
        } else {
            (50, Duration::from_secs(3))
        };
        for nodelay in [false, true] {
            let name = format!(
                "TCP write-write-read {size} B, request/response, {}",
                if nodelay { "TCP_NODELAY" } else { "Nagle on" }
            );
            self.progress.step(&format!("latency: {name}"));
            let mut stream = tcp::connect(requests, nodelay)?;
            // Leave the first round trips out: Linux acknowledges at once while a connection
            // is new ("quick ACK" mode), so the stall shows only afterwards.
            tcp::round_trips(&mut stream, size, true, 4, stall_budget)?;
            let mut samples = tcp::round_trips(&mut stream, size, true, stall_count, stall_budget)?;
            let mut row = Row::new("latency", name).with_samples(&mut samples);
            if !nodelay && row.p50_us.is_some_and(|us| us > 10_000.0) {
                row.note =
                    "delayed-ACK stall: Nagle holds the 2nd write, the server delays its ACK"
                        .into();
            }
            self.rows.push(row);
        }

        Ok(())
    }

    // ---------------------------------------------------------------- throughput

    /// Bulk TCP. An echo moves every byte twice (there and back) through the same loopback,
    /// so its payload rate is at most about half of one-way.
    fn throughput(&mut self) -> Result<()> {
        let burst = self.burst();
        // (name, how to reach it, note). `None`: the lab's own one-way sink; a port: an echo.
        let mut cases: Vec<(String, Option<SocketAddr>, &str)> = vec![(
            "TCP one way, lab writer to lab sink".into(),
            None,
            "128 KiB writes, one connection",
        )];
        let echoed = "payload echoed back; every byte crosses loopback twice";
        cases.push((
            "TCP bulk echo through lab echo thread".into(),
            Some(self.echo),
            echoed,
        ));
        if let Some(server) = &self.server {
            cases.push((
                "TCP bulk echo through tcp-echo-server".into(),
                Some(server.addr),
                echoed,
            ));
        }
        if let Some(socat) = &self.socat {
            cases.push((
                "TCP bulk echo through socat echo".into(),
                Some(socat.addr),
                echoed,
            ));
        }
        // Bulk figures swing by tens of percent from one second to the next on a shared
        // machine: every case runs in each of three rounds, and the table shows the median.
        let rounds = self.rounds();
        let mut figures = vec![Vec::new(); cases.len()];
        let mut iperf3 = Vec::new();
        for round in 1..=rounds {
            for (i, (name, addr, _)) in cases.iter().enumerate() {
                self.progress
                    .step(&format!("throughput: {name} (round {round} of {rounds})"));
                let (bytes, elapsed) = match addr {
                    None => tcp::bulk_one_way(burst)?,
                    Some(addr) => tcp::bulk_echo(*addr, burst)?,
                };
                figures[i].push(mb_per_second(bytes, elapsed));
            }
            if self.iperf3 {
                self.progress.step(&format!(
                    "throughput: iperf3 TCP, one stream, one way (round {round} of {rounds})"
                ));
                match self.iperf3_run(&[])? {
                    Some(json) => iperf3.extend(
                        peers::json_number_after(&json, "sum_received", "bits_per_second")
                            .map(|bits| bits / 8.0 / 1e6),
                    ),
                    None => self.skip("iperf3 TCP did not report a result"),
                }
            }
        }
        if !iperf3.is_empty() {
            cases.push((
                "TCP one way, iperf3".into(),
                None,
                "iperf3 -c 127.0.0.1 (single stream, one way)",
            ));
            figures.push(iperf3);
        }
        for ((name, _, note), mut runs) in cases.into_iter().zip(figures) {
            let mb = median(&mut runs);
            match name.as_str() {
                "TCP bulk echo through tcp-echo-server" => self.fig.server_bulk_mb = mb,
                "TCP bulk echo through socat echo" => self.fig.socat_bulk_mb = mb,
                "TCP one way, iperf3" => self.fig.iperf3_tcp_mb = mb,
                _ => {}
            }
            self.rows.push(Row {
                mb_per_second: mb,
                note: runs_note(note, &runs),
                ..Row::new("throughput", name)
            });
        }
        Ok(())
    }

    /// How many times the bulk and full-speed measurements are repeated (median shown).
    fn rounds(&self) -> usize {
        if self.quick { 1 } else { 3 }
    }

    /// Runs `iperf3 -s -1` and `iperf3 -c ... -J` (with `extra` client options) on loopback;
    /// the client's JSON report, or `None` if the run failed.
    fn iperf3_run(&mut self, extra: &[&str]) -> Result<Option<String>> {
        let port = peers::free_port()?.to_string();
        let _server = Peer::start(
            Path::new("iperf3"),
            &["-s", "-1", "-B", "127.0.0.1", "-p", &port, "--forceflush"],
            true,
            Duration::from_secs(10),
            |line| {
                line.contains("Server listening")
                    .then(|| SocketAddr::from(([127, 0, 0, 1], 0)))
            },
        )?;
        let seconds = if self.quick { "1" } else { "2" };
        let mut args = vec!["-c", "127.0.0.1", "-p", &port, "-t", seconds, "-J"];
        args.extend_from_slice(extra);
        let output = peers::run(Path::new("iperf3"), &args, Duration::from_secs(20))?;
        let ok = output.status.is_some_and(|s| s.success());
        Ok(ok.then_some(output.stdout))
    }

    fn skip(&mut self, why: &str) {
        self.progress.clear();
        course::narrate!("skip", "{why}");
    }

    // ---------------------------------------------------------------- udp

    /// UDP at full speed. Each datagram is one `send` system call, whatever its size; the
    /// receiver's buffer (SO_RCVBUF) is all that stands between a fast sender and loss.
    /// In this section "per s" is datagrams sent per second, "MB/s" the payload that arrived.
    fn udp(&mut self) -> Result<()> {
        let burst = self.burst();
        let mut cases: Vec<(usize, bool)> =
            [64, 512, 1472, 8192, 65507].map(|size| (size, true)).into();
        cases.push((64, false));
        for (size, read) in cases {
            let name = if read {
                format!("UDP {size} B, lab sender to lab receiver")
            } else {
                format!("UDP {size} B, lab sender to a socket that never reads")
            };
            self.progress.step(&format!("udp: {name}"));
            let blast = udp::blast(size, burst, 20_000_000, read)?;
            let seconds = blast.elapsed.as_secs_f64();
            let loss = 100.0 * (1.0 - blast.received as f64 / blast.sent.max(1) as f64);
            let mut note = format!(
                "received {}/s, {} ns per send(), SO_RCVBUF {} B",
                report::format_number(blast.received as f64 / seconds),
                report::format_number(seconds * 1e9 / blast.sent.max(1) as f64),
                blast.recv_buffer
            );
            if blast.send_errors > 0 {
                note.push_str(&format!(", {} send errors", blast.send_errors));
            }
            self.rows.push(Row {
                count: Some(blast.sent),
                per_second: Some(blast.sent as f64 / seconds),
                mb_per_second: Some(blast.received_bytes as f64 / seconds / 1e6),
                loss_percent: Some(loss),
                note,
                ..Row::new("udp", name)
            });
        }

        // udp-sender and iperf3 take turns, three rounds; the table shows the median round.
        let mut runs: Vec<Vec<Row>> = Vec::new();
        for round in 1..=self.rounds() {
            let mut this_round = Vec::new();
            if let Some(sender) = self.sender.clone() {
                this_round.extend(self.udp_sender(&sender, round)?);
            }
            if self.iperf3 {
                self.progress
                    .step(&format!("udp: iperf3 -u -b 0 -l 64 (round {round})"));
                match self.iperf3_run(&["-u", "-b", "0", "-l", "64"])? {
                    Some(json) => {
                        let packets = peers::json_number_after(&json, "sum_sent", "packets");
                        let seconds = peers::json_number_after(&json, "sum_sent", "seconds");
                        let lost = peers::json_number_after(&json, "sum_received", "lost_percent");
                        this_round.push(Row {
                            count: packets.map(|p| p as u64),
                            per_second: packets.zip(seconds).map(|(p, s)| p / s),
                            loss_percent: lost,
                            note: "iperf3's datagrams sent per second".into(),
                            ..Row::new("udp", "UDP 64 B, iperf3 -u -b 0 -l 64")
                        });
                    }
                    None => self.skip("iperf3 UDP did not report a result"),
                }
            }
            for (i, row) in this_round.into_iter().enumerate() {
                match runs.get_mut(i) {
                    Some(same) => same.push(row),
                    None => runs.push(vec![row]),
                }
            }
        }
        for rows in runs {
            let row = median_row(rows);
            if row.name == "UDP 64 B, udp-sender --rate 0, to lab receiver" {
                self.fig.sender_rate = row.per_second;
            }
            if row.name.contains("iperf3") {
                self.fig.iperf3_udp_rate = row.per_second;
            }
            self.rows.push(row);
        }
        Ok(())
    }

    /// udp-sender at full speed (`--rate 0`), read from its own summary line. On loopback a
    /// sender's rate depends on its receiver: waking a reader that keeps up costs the sender
    /// time, dropping into a full buffer costs almost nothing. So it runs against a reader
    /// (the figure the target uses, like iperf3's reading server) and against a socket that
    /// never reads; and, when it has `--batch`, also with `--batch 1`: one system call per
    /// datagram instead of 64.
    fn udp_sender(&mut self, sender: &Path, round: usize) -> Result<Vec<Row>> {
        let mut rows = Vec::new();
        let count: u64 = if self.quick { 20_000 } else { 300_000 };
        let help = peers::run(sender, &["--help"], Duration::from_secs(10))?;
        let batch = help.stdout.contains("--batch");
        let cases = [(true, false), (true, true), (false, false), (false, true)]
            .into_iter()
            .filter(|&(_, one_by_one)| batch || !one_by_one);
        for (read, one_by_one) in cases {
            let name = format!(
                "UDP 64 B, udp-sender --rate 0{}, {}",
                if one_by_one { " --batch 1" } else { "" },
                if read {
                    "to lab receiver"
                } else {
                    "to a socket that never reads"
                }
            );
            self.progress.step(&format!("udp: {name} (round {round})"));
            let (addr, counting, silent) = if read {
                let (addr, counting) = udp::counting_receiver()?;
                (addr, Some(counting), None)
            } else {
                let silent = udp::silent_receiver()?;
                (silent.local_addr()?, None, Some(silent))
            };
            let (port, count_text) = (addr.port().to_string(), count.to_string());
            let mut args = vec![
                "--host",
                "127.0.0.1",
                "--port",
                &port,
                "--count",
                &count_text,
                "--size",
                "64",
                "--rate",
                "0",
            ];
            if one_by_one {
                args.extend(["--batch", "1"]);
            }
            let output = peers::run(sender, &args, Duration::from_secs(60))?;
            let received = match (counting, &silent) {
                (Some(counting), _) => counting.join().map_or(0, |(n, _)| n),
                (None, Some(silent)) => udp::drain(silent)?.0,
                (None, None) => 0,
            };
            let text = format!("{}\n{}", output.stdout, output.stderr);
            let Some(rate) = parse_rate(&text) else {
                self.skip(&format!(
                    "udp-sender printed no rate summary: {:?}",
                    text.trim_end().lines().last().unwrap_or("")
                ));
                continue;
            };
            rows.push(Row {
                count: Some(count),
                per_second: Some(rate),
                loss_percent: Some(100.0 * (1.0 - received as f64 / count as f64)),
                note: "udp-sender's own summary: datagrams sent per second".into(),
                ..Row::new("udp", name)
            });
        }
        Ok(rows)
    }

    // ---------------------------------------------------------------- setup

    /// What TCP pays before its first byte: the three-way handshake (SYN, SYN-ACK, ACK) in
    /// `connect`, a new socket from `accept` on the server, and, on close, four more segments.
    /// UDP sends the request in its first datagram.
    fn setup(&mut self) -> Result<()> {
        let (count, budget) = if self.quick {
            (100, Duration::from_millis(500))
        } else {
            (2000, Duration::from_secs(3))
        };
        let size = self.size;
        let mut servers = vec![("lab echo thread", self.echo)];
        if let Some(server) = &self.server {
            servers.push(("tcp-echo-server", server.addr));
        }
        // TCP and UDP take turns, twenty slices each, so that both meet the same machine.
        let rounds = 20;
        let (slice, time) = (count / rounds, budget / rounds as u32);
        let mut connects = Vec::new();
        let mut totals = vec![Vec::new(); servers.len()];
        let mut exchanges = Vec::new();
        for round in 1..=rounds {
            let text = format!(
                "setup: new TCP connections and new UDP sockets, round {round} of {rounds}"
            );
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
                .note("the three-way handshake"),
        );
        for ((who, _), mut samples) in servers.into_iter().zip(totals) {
            let mut row = Row::new(
                "setup",
                format!("TCP connect + first {size} B round trip, {who}"),
            )
            .with_samples(&mut samples);
            row.per_second = row.p50_us.map(|us| 1e6 / us);
            self.rows.push(row);
        }
        let mut row = Row::new(
            "setup",
            format!("UDP new socket + first {size} B request/response"),
        )
        .with_samples(&mut exchanges)
        .note("no handshake: the first datagram is the request");
        row.per_second = row.p50_us.map(|us| 1e6 / us);
        self.rows.push(row);
        Ok(())
    }

    // ---------------------------------------------------------------- concurrency

    /// Many clients at once, each with its own connection and thread. Every connection is a
    /// file descriptor on both sides, so `ulimit -n` caps the count before anything else.
    fn concurrency(&mut self) -> Result<()> {
        let search = self.search;
        let (addr, who) = self.server_addr();
        let round_trips = if self.quick { 10 } else { 100 };
        // Client sockets live in this process; the lab's own echo threads add one more each.
        let per_client = if self.server.is_some() { 1 } else { 2 };
        let limit = open_files_limit().map(|n| n.saturating_sub(200) / per_client);
        let levels: Vec<usize> = if search && self.quick {
            vec![self.clients, self.clients * 4]
        } else if search {
            [1000, 2000, 5000, 10_000].into()
        } else {
            vec![self.clients]
        };
        let started = Instant::now();
        let total_budget = Duration::from_secs(420);
        let mut held = None;
        let mut failed_at = None;
        for clients in levels {
            if limit.is_some_and(|limit| clients > limit) {
                self.skip(&format!(
                    "{clients} clients: over what `ulimit -n` allows ({}); scripts/lab raises it",
                    open_files_limit().unwrap_or(0)
                ));
                break;
            }
            if started.elapsed() > total_budget {
                self.skip("concurrency search: out of time");
                break;
            }
            let name = format!("{clients} clients x {round_trips} round trips, {who}");
            self.progress.step(&format!("concurrency: {name}"));
            // 10,000 threads taking turns on two cores manage some 5,000 round trips per
            // second: allow 25 ms per client (100 round trips), plus time to connect.
            let budget = Duration::from_secs(if self.quick { 20 } else { 30 })
                + Duration::from_millis(if self.quick { 10 } else { 25 }) * clients as u32;
            let mut progress = Progress::new();
            let crowd = tcp::crowd(addr, clients, round_trips, budget, |status| {
                progress.update(&format!("concurrency: {name}: {status}"));
            });
            let mut note = format!("{} errors", crowd.errors);
            if let Some(error) = &crowd.first_error {
                note.push_str(&format!(" (first: {error})"));
            }
            self.rows.push(Row {
                count: Some(crowd.connected),
                per_second: Some(crowd.round_trips as f64 / crowd.elapsed.as_secs_f64()),
                note,
                ..Row::new("concurrency", name)
            });
            if self.fig.crowd.is_none() || clients == 1000 {
                self.fig.crowd = Some((clients, crowd.errors, crowd.first_error.clone()));
            }
            if crowd.errors > 0 {
                failed_at = Some(clients);
                break;
            }
            held = Some(clients);
        }
        if search {
            self.fig.largest_held = held.map(|held| (held, failed_at));
        }
        Ok(())
    }

    // ---------------------------------------------------------------- the machine

    /// The load average next to the figures: on a busy machine every figure is slower.
    fn machine(&mut self, when: &str) {
        let load = std::fs::read_to_string("/proc/loadavg")
            .map(|text| {
                text.split_whitespace()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_else(|_| "unknown".into());
        let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
        self.rows.push(
            Row::new("run", format!("load average {when}")).note(format!(
                "{load} (1, 5, 15 min), {cpus} CPUs, open files limit {}",
                open_files_limit().map_or("unknown".into(), |n| n.to_string())
            )),
        );
    }

    // ---------------------------------------------------------------- verdicts

    fn targets(&self) -> Vec<Target> {
        let fig = &self.fig;
        let mut targets = Vec::new();
        let mut push = |name: &str, verdict: Verdict, figure: String| {
            targets.push(Target {
                name: name.into(),
                figure,
                verdict,
            })
        };
        let pct = |a: f64, b: f64| 100.0 * a / b;
        let n = report::format_number;

        match &fig.crowd {
            Some((clients, errors, _)) if *clients >= 1000 && self.server.is_some() => push(
                "tcp-echo-server holds 1,000 clients x 100 round trips, 0 errors",
                Verdict::of(*errors == 0),
                format!("{clients} clients: {errors} errors"),
            ),
            _ => push(
                "tcp-echo-server holds 1,000 clients x 100 round trips, 0 errors",
                Verdict::Skipped,
                "not measured (socket-lab concurrency, or all without --quick)".into(),
            ),
        }
        match fig.largest_held {
            Some((held, failed)) => push(
                "largest client count held (aim 10,000)",
                Verdict::of(held >= 10_000),
                match failed {
                    Some(failed) => format!("held {held}; {failed} had errors"),
                    None => format!("held {held}, the largest count tried"),
                },
            ),
            None => push(
                "largest client count held (aim 10,000)",
                Verdict::Skipped,
                "not searched (socket-lab concurrency, or --max-clients-search)".into(),
            ),
        }
        match (fig.server_bulk_mb, fig.iperf3_tcp_mb) {
            (Some(echo), Some(iperf)) => push(
                "bulk echo >= 35% of iperf3 single-stream TCP",
                Verdict::of(echo >= 0.35 * iperf),
                format!(
                    "{} MB/s vs iperf3 {} MB/s = {}%",
                    n(echo),
                    n(iperf),
                    n(pct(echo, iperf))
                ),
            ),
            _ => push(
                "bulk echo >= 35% of iperf3 single-stream TCP",
                Verdict::Skipped,
                "needs tcp-echo-server and iperf3".into(),
            ),
        }
        match (fig.server_bulk_mb, fig.socat_bulk_mb) {
            (Some(echo), Some(socat)) => push(
                "bulk echo >= 2x socat's echo",
                Verdict::of(echo >= 2.0 * socat),
                format!(
                    "{} MB/s vs socat {} MB/s = {}x",
                    n(echo),
                    n(socat),
                    n(echo / socat)
                ),
            ),
            _ => push(
                "bulk echo >= 2x socat's echo",
                Verdict::Skipped,
                "needs tcp-echo-server and socat".into(),
            ),
        }
        match (fig.server_p50_us, fig.socat_p50_us) {
            (Some(echo), Some(socat)) => push(
                "small-message p50 <= socat's",
                Verdict::of(echo <= socat),
                format!("{} µs vs socat {} µs", n(echo), n(socat)),
            ),
            _ => push(
                "small-message p50 <= socat's",
                Verdict::Skipped,
                "needs tcp-echo-server and socat".into(),
            ),
        }
        match (fig.sender_rate, fig.iperf3_udp_rate) {
            (Some(sender), Some(iperf)) => push(
                "udp-sender 64 B full speed >= iperf3 -u -b 0 -l 64",
                Verdict::of(sender >= iperf),
                format!(
                    "{}/s vs iperf3 {}/s = {}%",
                    n(sender),
                    n(iperf),
                    n(pct(sender, iperf))
                ),
            ),
            _ => push(
                "udp-sender 64 B full speed >= iperf3 -u -b 0 -l 64",
                Verdict::Skipped,
                "needs udp-sender and iperf3".into(),
            ),
        }
        for (name, key, limit) in [
            (
                "cold build of the workspace <= 25 s",
                "cold_build_seconds",
                25.0,
            ),
            (
                "incremental rebuild of one example <= 2 s",
                "incremental_build_seconds",
                2.0,
            ),
        ] {
            match build_figure(key) {
                Some(seconds) => push(
                    name,
                    Verdict::of(seconds <= limit),
                    format!("{} s (target/measure-build.csv)", n(seconds)),
                ),
                None => push(
                    name,
                    Verdict::Skipped,
                    "run scripts/measure-build first".into(),
                ),
            }
        }
        targets
    }

    /// "Is UDP much faster than TCP?", answered from this run's rows.
    fn answer(&self) -> String {
        let find = |start: &str| self.rows.iter().find(|row| row.name.starts_with(start));
        let n = report::format_number;
        let size = self.size;
        let mut lines = vec!["== Is UDP much faster than TCP? (from this run)".to_string()];
        let tcp_rtt = find(&format!("TCP {size} B, same echo thread")).and_then(|r| r.p50_us);
        let udp_rtt = find(&format!("UDP {size} B, same echo thread")).and_then(|r| r.p50_us);
        if let (Some(tcp), Some(udp)) = (tcp_rtt, udp_rtt) {
            lines.push(format!(
                "- One small request/response: UDP {} µs, TCP {} µs (p50, the same echo thread \
                 answering both in turn): {}. Both cost a couple of system calls and two thread \
                 wake-ups; TCP's extra bookkeeping per segment (sequence numbers, ACKs) is small.",
                n(udp),
                n(tcp),
                compare("UDP", udp, "TCP", tcp)
            ));
        }
        let stall = find(&format!(
            "TCP write-write-read {size} B, request/response, Nagle"
        ))
        .and_then(|r| r.p50_us);
        if let Some(stall) = stall.filter(|&us| us > 10_000.0) {
            lines.push(format!(
                "- Writing one request in two pieces with Nagle on: {} µs per round trip, the \
                 delayed-ACK stall. That is the program's doing, not TCP's speed: one write per \
                 message, or TCP_NODELAY, removes it.",
                n(stall)
            ));
        }
        let tcp_setup =
            find(&format!("TCP connect + first {size} B round trip, lab")).and_then(|r| r.p50_us);
        let udp_setup = find("UDP new socket").and_then(|r| r.p50_us);
        if let (Some(tcp), Some(udp)) = (tcp_setup, udp_setup) {
            lines.push(format!(
                "- A first exchange with a new peer: TCP {} µs (handshake, accept, one round \
                 trip), UDP {} µs: {}. Over a real network the handshake adds a whole network \
                 round trip (milliseconds), which is where UDP's advantage is real.",
                n(tcp),
                n(udp),
                compare("UDP", udp, "TCP", tcp)
            ));
        }
        let one_way = find("TCP one way, lab").and_then(|r| r.mb_per_second);
        let udp_big = find("UDP 65507 B");
        let udp_small = find("UDP 64 B, lab sender to lab receiver");
        if let (Some(tcp), Some(big), Some(small)) = (one_way, udp_big, udp_small) {
            let big_mb = big.mb_per_second.unwrap_or(0.0);
            lines.push(format!(
                "- Moving data: one TCP connection delivered {} MB/s. UDP delivered {} MB/s with \
                 65,507-byte datagrams ({}% lost on the way) and {} MB/s with 64-byte \
                 datagrams ({}% lost). UDP pays for every datagram (the kernel's work, and with \
                 `send` a system call each), so small datagrams are slow; TCP hands the kernel \
                 128 KiB per call and never lost a byte.",
                n(tcp),
                n(big_mb),
                n(big.loss_percent.unwrap_or(0.0)),
                n(small.mb_per_second.unwrap_or(0.0)),
                n(small.loss_percent.unwrap_or(0.0)),
            ));
            lines.push(
                "- UDP loses what the receiver cannot keep up with, and the sender is never \
                 told: no flow control, no congestion control, no retransmission. TCP slows \
                 the sender down instead. A UDP program that must not lose data has to add \
                 sequence numbers, acknowledgements and pacing: it becomes a small TCP."
                    .into(),
            );
        }
        if lines.len() == 1 {
            return String::new();
        }
        lines.push(
            "So: \"much faster\" is true for starting a conversation (no handshake) and for \
             fire-and-forget messages. Per small exchange the difference is small; for bulk \
             data UDP is as fast as its datagrams are big, and only if losing some is \
             acceptable."
                .into(),
        );
        lines.join("\n") + "\n"
    }
}

/// "UDP is 1.8x faster", "TCP is 1.2x faster" or "about the same": `a` and `b` are times.
fn compare(a_name: &str, a: f64, b_name: &str, b: f64) -> String {
    let ratio = b / a;
    if ratio > 1.1 {
        format!("{a_name} is {}x faster", report::format_number(ratio))
    } else if ratio < 1.0 / 1.1 {
        format!(
            "{b_name} is {}x faster here",
            report::format_number(1.0 / ratio)
        )
    } else {
        "about the same (within 10%)".into()
    }
}

/// Starts tcp-echo-server on port 0 and reads the address from its first stderr line
/// (`bind     127.0.0.1:PORT ...`), raising its client limit when it has one.
fn start_echo_server(path: &Path, clients: usize) -> Result<Peer> {
    let help = peers::run(path, &["--help"], Duration::from_secs(10))?;
    let limit = (clients + 100).to_string();
    let mut args = vec!["--bind", "127.0.0.1", "--port", "0"];
    if help.stdout.contains("--max-clients") {
        args.extend(["--max-clients", &limit]);
    }
    // Clients that finished wait, idle, for the others: the server must not close them.
    if help.stdout.contains("--idle-timeout") {
        args.extend(["--idle-timeout", "0"]);
    }
    Peer::start(path, &args, false, Duration::from_secs(10), |line| {
        peers::first_socket_addr(line)
    })
}

/// The datagrams-per-second figure of udp-sender's summary: the number before a `/s` word
/// (`... 512345 datagrams/s` or `512345/s`), from the last line that has one.
fn parse_rate(text: &str) -> Option<f64> {
    text.lines().rev().find_map(|line| {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        tokens.iter().enumerate().find_map(|(i, token)| {
            let token = token.trim_end_matches([',', ')', ';', '.']);
            let (number, unit) = token.split_once("/s")?;
            if !unit.is_empty() {
                return None;
            }
            let number = if number.chars().next()?.is_ascii_digit() {
                number
            } else if i > 0 {
                tokens[i - 1].trim_start_matches('(')
            } else {
                return None;
            };
            let number: String = number.chars().filter(|c| *c != ',' && *c != '_').collect();
            number.parse().ok()
        })
    })
}

/// The row with the median `per_second` among runs of one measurement, its note listing all.
fn median_row(mut rows: Vec<Row>) -> Row {
    rows.sort_by(|a, b| {
        a.per_second
            .unwrap_or(0.0)
            .total_cmp(&b.per_second.unwrap_or(0.0))
    });
    let all: Vec<f64> = rows.iter().filter_map(|row| row.per_second).collect();
    let mut row = rows.swap_remove(rows.len() / 2);
    row.note = runs_note(&row.note, &all);
    row
}

/// The median of `runs` (sorted here), if any.
fn median(runs: &mut [f64]) -> Option<f64> {
    runs.sort_by(f64::total_cmp);
    (!runs.is_empty()).then(|| runs[runs.len() / 2])
}

/// `note`, then the runs the median came from, when there were several.
fn runs_note(note: &str, runs: &[f64]) -> String {
    if runs.len() < 2 {
        return note.to_string();
    }
    let runs: Vec<String> = runs.iter().map(|&r| report::format_number(r)).collect();
    format!("{note}; median of {}", runs.join(", "))
}

fn mb_per_second(bytes: u64, elapsed: Duration) -> f64 {
    bytes as f64 / elapsed.as_secs_f64().max(1e-9) / 1e6
}

/// The soft limit on open files of this process (Linux: /proc/self/limits), if known.
fn open_files_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// A figure from `target/measure-build.csv` (written by scripts/measure-build): `key,value`.
fn build_figure(key: &str) -> Option<f64> {
    let text = std::fs::read_to_string("target/measure-build.csv").ok()?;
    text.lines().find_map(|line| {
        line.strip_prefix(key)?
            .strip_prefix(',')?
            .trim()
            .parse()
            .ok()
    })
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_rate_from_a_summary_line() {
        assert_eq!(
            parse_rate("sent     1000000 datagrams in 1.9 s (512345 datagrams/s)\n"),
            Some(512345.0)
        );
        assert_eq!(parse_rate("rate 1,234/s"), Some(1234.0));
        assert_eq!(parse_rate("nothing here"), None);
    }
}
