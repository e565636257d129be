//! The lab's shape, not its speed: each part runs in `--quick` mode on loopback and must print
//! its table and write a CSV whose rows carry numbers where they should. Timings are measured
//! by running the lab (cargo run --release -p socket-lab), never asserted here.

use std::path::PathBuf;
use std::time::Duration;

use testkit::Program;

const LAB: &str = env!("CARGO_BIN_EXE_socket-lab");

/// A fresh directory for one test's CSV and SVG.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("socket-lab-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `socket-lab MODE --quick --no-peers` (no iperf3 or socat, so the test does not depend on
/// what is installed) and returns its stdout and its CSV rows, split into cells.
fn run_quick(mode: &str, test: &str) -> (String, Vec<Vec<String>>) {
    let dir = scratch(test);
    let csv = dir.join("lab.csv");
    let program = Program::start(
        LAB,
        &[
            mode,
            "--quick",
            "--no-peers",
            "--csv",
            csv.to_str().unwrap(),
        ],
    );
    let finished = program.finish_within(Duration::from_secs(60));
    assert!(
        finished.status.success(),
        "socket-lab {mode} failed: {}",
        finished.stderr
    );
    assert!(
        finished.stderr.contains("measure"),
        "no progress on stderr: {}",
        finished.stderr
    );
    let text = std::fs::read_to_string(&csv).expect("the CSV was written");
    assert!(dir.join("lab.svg").is_file(), "the SVG was written");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("section,name,count,p50_us,p99_us,per_second,mb_per_second,loss_percent,note")
    );
    let rows = lines.map(split_csv).collect();
    (finished.stdout_text(), rows)
}

/// CSV cells, with the quoting the lab writes (a quoted cell may hold commas).
fn split_csv(line: &str) -> Vec<String> {
    let (mut cells, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

fn number(cell: &str) -> f64 {
    cell.parse()
        .unwrap_or_else(|_| panic!("{cell:?} is not a number"))
}

fn rows_of<'a>(rows: &'a [Vec<String>], section: &str) -> Vec<&'a Vec<String>> {
    rows.iter().filter(|row| row[0] == section).collect()
}

#[test]
fn latency_reports_p50_and_p99_for_tcp_with_and_without_nagle_and_for_udp() {
    let (stdout, rows) = run_quick("latency", "latency");
    assert!(stdout.contains("== latency"), "{stdout}");
    assert!(stdout.contains("p50 µs"), "{stdout}");
    let latency = rows_of(&rows, "latency");
    for wanted in ["TCP_NODELAY", "Nagle on", "write-write-read", "UDP"] {
        assert!(
            latency.iter().any(|row| row[1].contains(wanted)),
            "no latency row for {wanted}: {latency:?}"
        );
    }
    for row in &latency {
        assert_eq!(row.len(), 9, "{row:?}");
        let (p50, p99) = (number(&row[3]), number(&row[4]));
        assert!(p50 > 0.0 && p99 >= p50, "{row:?}");
        assert!(number(&row[2]) >= 1.0, "{row:?}");
    }
    assert!(stdout.contains("Is UDP much faster than TCP?"), "{stdout}");
}

#[test]
fn udp_reports_rate_and_loss_for_every_size_up_to_the_largest_datagram() {
    let (stdout, rows) = run_quick("udp", "udp");
    assert!(stdout.contains("== udp"), "{stdout}");
    let udp = rows_of(&rows, "udp");
    for size in [64, 512, 1472, 8192, 65507] {
        let row = udp
            .iter()
            .find(|row| row[1] == format!("UDP {size} B, send_to, to lab receiver"))
            .unwrap_or_else(|| panic!("no row for {size} B: {udp:?}"));
        assert!(number(&row[2]) > 0.0, "nothing sent: {row:?}");
        let loss = number(&row[7]);
        assert!((0.0..=100.0).contains(&loss), "{row:?}");
    }
    // Nobody reads that socket: almost everything is lost, and the sender was not told.
    let silent = udp
        .iter()
        .find(|row| row[1].contains("never reads"))
        .expect("a row for the socket that never reads");
    assert!(number(&silent[7]) > 50.0, "{silent:?}");
}

/// What a connected socket and sendmmsg save: the lab's own sender, each way, to a reader and
/// to a socket that never reads, and the answer says it in words.
#[test]
fn udp_compares_send_to_send_and_sendmmsg() {
    let (stdout, rows) = run_quick("udp", "udp-calls");
    assert!(stdout.contains("== sending"), "{stdout}");
    let sending = rows_of(&rows, "sending");
    let mut ways = vec!["send_to, unconnected socket", "send, connected socket"];
    if cfg!(target_os = "linux") {
        ways.push("sendmmsg, 64 per call, connected socket");
    }
    for way in &ways {
        for receiver in ["to lab receiver", "to a socket that never reads"] {
            let row = sending
                .iter()
                .find(|row| row[1].contains(way) && row[1].ends_with(receiver))
                .unwrap_or_else(|| panic!("no row for {way}, {receiver}: {sending:?}"));
            assert!(number(&row[2]) > 0.0, "nothing sent: {row:?}");
            assert!(number(&row[5]) > 0.0, "no rate: {row:?}");
        }
    }
    assert_eq!(sending.len(), ways.len() * 2, "{sending:?}");
    assert!(
        stdout.contains("Sending small datagrams faster"),
        "{stdout}"
    );
}

/// The student's output answers the student's question; the course's own targets (build
/// times, "% of iperf3", PASS/FAIL) live in scripts/bench, never here. `all` is the run that
/// used to end with them.
#[test]
fn the_output_shows_no_course_target() {
    let (stdout, rows) = run_quick("all", "no-targets");
    for word in [
        "target",
        "PASS",
        "FAIL",
        "issue 7",
        "cold build",
        "% of iperf3",
    ] {
        assert!(!stdout.contains(word), "{word:?} in:\n{stdout}");
    }
    assert!(rows.iter().all(|row| row[0] != "target"), "{rows:?}");
    assert!(stdout.contains("Is UDP much faster than TCP?"), "{stdout}");
}

#[test]
fn throughput_setup_and_concurrency_fill_their_sections() {
    for mode in ["throughput", "setup", "concurrency"] {
        let (stdout, rows) = run_quick(mode, mode);
        assert!(stdout.contains(&format!("== {mode}")), "{stdout}");
        let section = rows_of(&rows, mode);
        assert!(!section.is_empty(), "{mode}: no rows");
        match mode {
            "throughput" => assert!(section.iter().all(|row| number(&row[6]) > 0.0)),
            "setup" => {
                assert!(section.iter().any(|row| row[1].starts_with("TCP connect")));
                assert!(
                    section
                        .iter()
                        .any(|row| row[1].starts_with("UDP new socket"))
                );
            }
            _ => {
                // Every client connected and the note counts the errors (here: none).
                let row = section[0];
                assert_eq!(row[2], "50", "{row:?}");
                assert!(row[8].starts_with("0 errors"), "{row:?}");
            }
        }
    }
}

#[test]
fn chart_redraws_the_svg_from_an_earlier_csv() {
    let dir = scratch("chart");
    let csv = dir.join("old.csv");
    std::fs::write(
        &csv,
        "section,name,count,p50_us,p99_us,per_second,mb_per_second,loss_percent,note\n\
         latency,\"TCP 32 B, lab echo\",10,20,30,,,,\n\
         throughput,TCP one way,,,,,1500,,\n",
    )
    .unwrap();
    let svg = dir.join("chart.svg");
    let finished = Program::start(
        LAB,
        &[
            "chart",
            "--csv",
            csv.to_str().unwrap(),
            "--svg",
            svg.to_str().unwrap(),
        ],
    )
    .finish();
    assert!(finished.status.success(), "{}", finished.stderr);
    let svg = std::fs::read_to_string(svg).unwrap();
    assert!(svg.starts_with("<svg"), "{svg}");
    assert_eq!(svg.matches("<rect x=").count(), 2, "{svg}");
    assert!(svg.contains("TCP 32 B, lab echo"), "{svg}");
}

#[test]
fn an_unknown_part_is_refused_with_the_list_of_parts() {
    let finished = Program::start(LAB, &["bogus"]).finish();
    // A usage mistake: one error line, one hint line (course::parse_args), exit 2.
    let (_, hint) = testkit::assert_error_and_hint(&finished, 2);
    assert!(hint.contains("latency"), "{}", finished.stderr);
}

/// Every number from the command line is checked before it sizes a loop or an allocation:
/// `--clients 18446744073709551615` used to panic (`clients + 100` overflowed).
#[test]
fn a_client_count_out_of_range_is_refused_before_anything_runs() {
    for clients in ["18446744073709551615", "0", "20001", "many"] {
        let finished = Program::start(
            LAB,
            &["concurrency", "--no-peers", "--quick", "--clients", clients],
        )
        .finish_within(Duration::from_secs(30));
        let (error, _) = testkit::assert_error_and_hint(&finished, 2);
        assert!(
            error.contains("--clients"),
            "{clients}: {}",
            finished.stderr
        );
        assert!(
            !finished.stderr.contains("measure"),
            "{clients}: it ran: {}",
            finished.stderr
        );
    }
}

/// `chart` redraws from an earlier run's CSV; without one, the student is told how to get it.
#[test]
fn chart_without_a_csv_says_how_to_write_one() {
    let dir = scratch("chart-missing");
    let csv = dir.join("never-written.csv");
    let finished = Program::start(LAB, &["chart", "--csv", csv.to_str().unwrap()])
        .finish_within(Duration::from_secs(30));
    let (error, hint) = testkit::assert_error_and_hint(&finished, 1);
    assert!(error.contains("never-written.csv"), "{error}");
    assert!(hint.contains("cargo run --release -p socket-lab"), "{hint}");
}

/// Under `cargo run` the lab builds the server it measures next to itself first: cargo builds
/// only the package it runs, so `cargo run --release -p socket-lab` would otherwise measure an
/// old tcp-echo-server, or none. Here the lab runs from a copy in its own target/release/, with
/// a stand-in cargo (a shell script: Unix) that records what it was asked.
#[cfg(unix)]
#[test]
fn under_cargo_the_lab_builds_tcp_echo_server_beside_itself_first() {
    use std::os::unix::fs::PermissionsExt;

    let dir = scratch("build-beside");
    let release = dir.join("target").join("release");
    std::fs::create_dir_all(&release).unwrap();
    let lab = release.join("socket-lab");
    std::fs::copy(LAB, &lab).unwrap();
    let asked = dir.join("asked.txt");
    let cargo = dir.join("cargo");
    std::fs::write(
        &cargo,
        format!("#!/bin/sh\necho \"$@\" > '{}'\n", asked.display()),
    )
    .unwrap();
    std::fs::set_permissions(&cargo, std::fs::Permissions::from_mode(0o755)).unwrap();

    let csv = dir.join("lab.csv");
    let finished = Program::start_command(
        std::process::Command::new(&lab)
            .args(["setup", "--quick", "--no-peers", "--csv"])
            .arg(&csv)
            .env("CARGO", &cargo),
    )
    .finish_within(Duration::from_secs(60));
    assert!(finished.status.success(), "{}", finished.stderr);
    let asked = std::fs::read_to_string(&asked).expect("the lab ran $CARGO");
    assert_eq!(
        asked.trim(),
        format!(
            "build --quiet -p tcp-echo-server --target-dir {} --profile release",
            dir.join("target").display()
        )
    );
    // The stand-in built nothing: the lab says so and measures its own echo thread.
    assert!(
        finished.stderr.contains("tcp-echo-server not found"),
        "{}",
        finished.stderr
    );
}

/// The concurrency part needs two open files per client (one here, one in the server): the
/// lab raises its soft limit as `ulimit -n` would, before it starts the server, which inherits
/// it. Started under a low limit (by sh's `ulimit`, Unix), it says so and reports the new one.
#[cfg(unix)]
#[test]
fn the_lab_raises_a_low_open_files_limit_itself() {
    let dir = scratch("limit");
    let csv = dir.join("lab.csv");
    let script = format!(
        "ulimit -Sn 256 && exec '{LAB}' setup --quick --no-peers --csv '{}'",
        csv.display()
    );
    let finished = Program::start("sh", &["-c", &script]).finish_within(Duration::from_secs(60));
    assert!(finished.status.success(), "{}", finished.stderr);
    assert!(
        finished.stderr.contains("open files: raised from 256 to "),
        "{}",
        finished.stderr
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    let row = text
        .lines()
        .find(|line| line.starts_with("run,load average before"))
        .expect("the load average row");
    let limit: usize = row
        .split("open files limit ")
        .nth(1)
        .and_then(|rest| rest.trim_end_matches('"').parse().ok())
        .unwrap_or_else(|| panic!("no open files limit in {row}"));
    assert!(limit > 256, "{row}");
}

/// A CSV as the lab writes it: a machine row, two latency rows the answer compares, and the
/// stall, whose note the table shows in the language of the run.
const EARLIER_RUN: &str = "\
section,name,count,p50_us,p99_us,per_second,mb_per_second,loss_percent,note
run,load average before,,,,,,,\"0.50 0.40 0.30 (1, 5, 15 min), 2 CPUs, open files limit 1024\"
latency,\"TCP 32 B, same echo thread as UDP\",5000,14.0,41.1,,,,
latency,\"UDP 32 B, same echo thread as TCP\",5000,11.8,39.8,,,,
latency,\"TCP write-write-read 32 B, request/response, Nagle on\",50,44074,51723,,,,\"delayed-ACK stall: Nagle holds the 2nd write, the server delays its ACK\"
";

/// `report` prints an earlier run's table and answer from its CSV, without measuring: in
/// English as the run printed it, and in Portuguese with the same figures (the names of the
/// measurements stay: they are the CSV's data).
#[test]
fn report_prints_an_earlier_run_again_in_either_language() {
    let dir = scratch("report");
    let csv = dir.join("earlier.csv");
    std::fs::write(&csv, EARLIER_RUN).unwrap();
    let report = |lang: &str| {
        let finished = Program::start(
            LAB,
            &["report", "--csv", csv.to_str().unwrap(), "--lang", lang],
        )
        .finish_within(Duration::from_secs(30));
        assert!(finished.status.success(), "{}", finished.stderr);
        assert!(
            !finished.stderr.contains("measure"),
            "it measured: {}",
            finished.stderr
        );
        finished.stdout_text()
    };
    let english = report("en");
    for line in [
        "== run",
        "load average before  0.50 0.40 0.30 (1, 5, 15 min), 2 CPUs, open files limit 1024",
        "== latency",
        "measurement                                            count  p50 µs  p99 µs  note",
        "- One small request/response: UDP 11.8 µs, TCP 14.0 µs (p50, the same echo thread \
         answering both in turn): UDP is 1.19x faster. Both cost a couple of system calls and \
         two thread wake-ups; TCP's extra bookkeeping per segment (sequence numbers, ACKs) is \
         small.",
    ] {
        assert!(
            english.lines().any(|l| l == line),
            "no line {line:?} in:\n{english}"
        );
    }
    let portuguese = report("pt-BR");
    for line in [
        "== máquina",
        "load average before  0.50 0.40 0.30 (1, 5, 15 min), 2 CPUs, limite de arquivos \
         abertos 1024",
        "== latência",
        "medição                                                qtd   p50 µs  p99 µs  nota",
        "TCP write-write-read 32 B, request/response, Nagle on    50   44074   51723  espera do \
         ACK atrasado: o Nagle segura a 2ª escrita, o servidor atrasa o ACK",
        "== O UDP é muito mais rápido que o TCP? (segundo esta execução)",
    ] {
        assert!(
            portuguese.lines().any(|l| l == line),
            "no line {line:?} in:\n{portuguese}"
        );
    }
}

/// In Portuguese: the progress narration, and a mistake as one `erro:` and one `dica:` line.
#[test]
fn the_lab_narrates_and_fails_in_portuguese() {
    let dir = scratch("portuguese");
    let csv = dir.join("lab.csv");
    let finished = Program::start(
        LAB,
        &[
            "setup",
            "--quick",
            "--no-peers",
            "--lang",
            "pt-BR",
            "--csv",
            csv.to_str().unwrap(),
        ],
    )
    .finish_within(Duration::from_secs(60));
    assert!(finished.status.success(), "{}", finished.stderr);
    assert!(
        finished
            .stderr
            .lines()
            .any(|line| line.starts_with("mede     abertura de conexão: novas conexões TCP")),
        "{}",
        finished.stderr
    );
    assert!(
        finished
            .stdout_text()
            .contains("== abertura de conexão\nmedição ")
    );
    // The CSV is data: English whatever the language of the run.
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains(",the three-way handshake\n"), "{text}");

    let missing = dir.join("never-written.csv");
    let finished = Program::start(
        LAB,
        &[
            "report",
            "--lang",
            "pt-BR",
            "--csv",
            missing.to_str().unwrap(),
        ],
    )
    .finish_within(Duration::from_secs(30));
    assert_eq!(finished.status.code(), Some(1), "{}", finished.stderr);
    let lines: Vec<&str> = finished.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", finished.stderr);
    assert!(lines[0].starts_with("erro: lendo ") && lines[0].contains("never-written.csv"));
    assert!(
        lines[1].starts_with("dica: report lê o CSV de uma execução anterior: meça primeiro"),
        "{}",
        lines[1]
    );
}
