//! One run of the lab: its settings, the programs it measures, and the rows measured so far.
//! Each part of the lab (latency.rs, throughput.rs, ...) adds its rows to the same [`Lab`].

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use anyhow::Result;
use course::{say, t};

use crate::args::{Args, Mode};
use crate::machine;
use crate::notes;
use crate::peers::{self, Peer};
use crate::report::{Progress, Row};
use crate::{tcp, udp};

/// The largest client count the concurrency search tries.
pub const SEARCH_MAX: usize = 10_000;

pub struct Lab {
    pub quick: bool,
    pub size: usize,
    pub clients: usize,
    /// Search for the largest count of clients held, rather than try `clients` only.
    pub search: bool,
    pub progress: Progress,
    pub rows: Vec<Row>,
    /// The echo servers to measure (tcp-echo-server unless `--server` says otherwise).
    pub servers: Vec<Server>,
    /// `socat TCP-LISTEN:0,fork PIPE`: an echo server written by someone else, for reference.
    pub socat: Option<Peer>,
    pub iperf3: bool,
    /// Echo servers in threads of the lab, for measurements that need no other process.
    pub echo: SocketAddr,
    pub udp_echo: SocketAddr,
}

/// An echo server program the lab started, and the name its rows carry.
pub struct Server {
    pub name: String,
    pub peer: Peer,
}

impl Lab {
    pub fn new(args: &Args) -> Result<Lab> {
        let mut progress = Progress::new();
        let quick = args.quick;
        let clients = args.clients.unwrap_or(if quick { 50 } else { 1000 });
        let search =
            args.clients.is_none() && (args.mode == Mode::Concurrency || args.max_clients_search);
        let most_clients = if search { SEARCH_MAX } else { clients };
        let servers = start_servers(&args.server, most_clients, &mut progress);
        let socat = if args.no_peers || !peers::installed("socat", "-V") {
            None
        } else {
            progress.step(&t!("socket-lab.starting-socat"));
            Some(start_socat()?)
        };
        let iperf3 = !args.no_peers && peers::installed("iperf3", "--version");
        if !iperf3 || socat.is_none() {
            progress.clear();
            say!(t!("socket-lab.label.skip"), "socket-lab.no-peers");
        }
        Ok(Lab {
            quick,
            size: usize::from(args.size),
            clients,
            search,
            progress,
            rows: Vec::new(),
            servers,
            socat,
            iperf3,
            echo: tcp::spawn_echo(None)?,
            udp_echo: udp::spawn_echo(Arc::new(AtomicBool::new(false)))?,
        })
    }

    /// Round trips per measurement, and the time it may take.
    pub fn round_trip_budget(&self) -> (usize, Duration) {
        if self.quick {
            (200, Duration::from_millis(500))
        } else {
            (5000, Duration::from_secs(3))
        }
    }

    /// How long each bulk transfer or UDP burst runs.
    pub fn burst(&self) -> Duration {
        if self.quick {
            Duration::from_millis(300)
        } else {
            Duration::from_millis(1500)
        }
    }

    /// How many times the bulk and full-speed measurements are repeated (median shown).
    pub fn rounds(&self) -> usize {
        if self.quick { 1 } else { 3 }
    }

    /// The echo servers to measure, by name; the lab's own echo thread when none started.
    pub fn echo_servers(&self) -> Vec<(String, SocketAddr)> {
        if self.servers.is_empty() {
            return vec![("lab echo thread".into(), self.echo)];
        }
        let servers = self.servers.iter();
        servers
            .map(|server| (server.name.clone(), server.peer.addr))
            .collect()
    }

    /// A step left out, said on stderr between progress lines.
    pub fn skip(&mut self, why: &str) {
        self.progress.clear();
        course::narrate!(t!("socket-lab.label.skip"), "{why}");
    }

    /// Runs `iperf3 -s -1` and `iperf3 -c ... -J` (with `extra` client options) on loopback;
    /// the client's JSON report, or `None` if the run failed.
    pub fn iperf3_run(&mut self, extra: &[&str]) -> Result<Option<String>> {
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

    /// The load average next to the figures: on a busy machine every figure is slower.
    pub fn machine(&mut self, when: &str) {
        let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
        let note = match (machine::load_average(), machine::open_files_limit()) {
            (Some(load), Some(limit)) => notes::english(
                "socket-lab.note.machine",
                &[("load", &load), ("cpus", &cpus), ("limit", &limit)],
            ),
            (Some(load), None) => notes::english(
                "socket-lab.note.machine-no-limit",
                &[("load", &load), ("cpus", &cpus)],
            ),
            (None, Some(limit)) => notes::english(
                "socket-lab.note.machine-no-load",
                &[("cpus", &cpus), ("limit", &limit)],
            ),
            (None, None) => notes::english("socket-lab.note.machine-nothing", &[("cpus", &cpus)]),
        };
        self.rows
            .push(Row::new("run", format!("load average {when}")).note(note));
    }
}

/// Starts each `--server` program (tcp-echo-server by default) on port 0. A server that does
/// not start is said on stderr and left out; with none, the lab's own echo thread stands in.
fn start_servers(paths: &[PathBuf], clients: usize, progress: &mut Progress) -> Vec<Server> {
    let paths = if paths.is_empty() {
        peers::build_sibling("tcp-echo-server", progress);
        let Some(default) = peers::sibling("tcp-echo-server") else {
            progress.clear();
            say!(t!("socket-lab.label.skip"), "socket-lab.no-server");
            return Vec::new();
        };
        vec![default]
    } else {
        paths.to_vec()
    };
    let mut servers = Vec::new();
    for path in paths {
        progress.step(&t!("socket-lab.starting", path = path.display()));
        match start_echo_server(&path, clients) {
            Ok(peer) => servers.push(Server {
                name: server_name(&path),
                peer,
            }),
            Err(error) => {
                progress.clear();
                let (path, error) = (path.display(), format!("{error:#}"));
                say!(
                    t!("socket-lab.label.skip"),
                    "socket-lab.did-not-start",
                    path,
                    error
                );
            }
        }
    }
    servers
}

/// The name of a server's rows: its file name without `.exe`.
fn server_name(path: &Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |stem| stem.to_string_lossy().into(),
    )
}

/// Starts an echo server on port 0 and reads the address from its first stderr line
/// (`bind     127.0.0.1:PORT ...`), raising its client limit when it has one.
fn start_echo_server(path: &Path, clients: usize) -> Result<Peer> {
    let help = peers::run(path, &["--help"], Duration::from_secs(10))?;
    // The clients, plus room for the connections of the other parts.
    let limit = clients.saturating_add(100).to_string();
    let mut args = vec!["--bind", "127.0.0.1", "--port", "0"];
    if help.stdout.contains("--max-clients") {
        args.extend(["--max-clients", &limit]);
    }
    // Clients that finished wait, idle, for the others: the server must not close them.
    if help.stdout.contains("--idle-timeout") {
        args.extend(["--idle-timeout", "0"]);
    }
    Peer::start(path, &args, false, Duration::from_secs(10), |line| {
        testkit::first_socket_addr(line)
    })
}

fn start_socat() -> Result<Peer> {
    Peer::start(
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
                .then(|| testkit::first_socket_addr(line))
                .flatten()
        },
    )
}

/// The row with the median `per_second` among runs of one measurement, its note listing all.
pub fn median_row(mut rows: Vec<Row>) -> Option<Row> {
    rows.sort_by(|a, b| {
        a.per_second
            .unwrap_or(0.0)
            .total_cmp(&b.per_second.unwrap_or(0.0))
    });
    let all: Vec<f64> = rows.iter().filter_map(|row| row.per_second).collect();
    if rows.is_empty() {
        return None;
    }
    let mut row = rows.swap_remove(rows.len() / 2);
    row.note = runs_note(&row.note, &all);
    Some(row)
}

/// The median of `runs` (sorted here), if any.
pub fn median(runs: &mut [f64]) -> Option<f64> {
    runs.sort_by(f64::total_cmp);
    (!runs.is_empty()).then(|| runs[runs.len() / 2])
}

/// `note`, then the runs the median came from, when there were several.
pub fn runs_note(note: &str, runs: &[f64]) -> String {
    if runs.len() < 2 {
        return note.to_string();
    }
    let runs: Vec<String> = runs
        .iter()
        .map(|&r| crate::report::format_number(r))
        .collect();
    let median = notes::english("socket-lab.note.median", &[("runs", &runs.join(", "))]);
    [note, &median].join(notes::JOIN)
}

pub fn mb_per_second(bytes: u64, elapsed: Duration) -> f64 {
    bytes as f64 / elapsed.as_secs_f64().max(1e-9) / 1e6
}
