//! The demos, run for real: every program of the lesson on loopback, on ports the OS picks
//! (`--port 0`), checked through the tagged lines the demo prints.

use std::net::SocketAddr;
use std::time::Duration;

use testkit::{Finished, Program, first_socket_addr};

const DEMO: &str = env!("CARGO_BIN_EXE_demo");
/// A whole demo, building its programs the first time: far more than it takes.
const WHOLE_RUN: Duration = Duration::from_secs(180);

fn demo(args: &[&str]) -> Finished {
    Program::start(DEMO, args).finish_within(WHOLE_RUN)
}

/// The text of every line `who` said with `mark` (`|` narration, `>` data), in order.
fn said<'a>(stdout: &'a str, who: &str, mark: char) -> Vec<&'a str> {
    stdout
        .lines()
        .filter_map(|line| {
            let (name, rest) = line.split_once(&format!(" {mark}"))?;
            (name.trim_end() == who).then(|| rest.strip_prefix(' ').unwrap_or(rest))
        })
        .collect()
}

fn succeeded(finished: &Finished) -> String {
    let stdout = finished.stdout_text();
    assert!(
        finished.status.success(),
        "{:?}\nstdout:\n{stdout}\nstderr:\n{}",
        finished.status,
        finished.stderr
    );
    stdout
}

/// The lesson's claim, tested: two connections open at once, both on the listener's port.
#[test]
fn tcp_demo_accepts_two_clients_at_once_on_the_listeners_own_port() {
    let stdout = succeeded(&demo(&["tcp", "--port", "0"]));
    let server = said(&stdout, "server", '|');
    let bind = server.iter().find(|line| line.starts_with("bind")).unwrap();
    let listening = first_socket_addr(bind).unwrap();
    assert_ne!(listening.port(), 0, "{stdout}");

    let accepts: Vec<SocketAddr> = server
        .iter()
        .filter(|line| line.starts_with("accept"))
        .map(|line| first_socket_addr(line.split_once(" on ").unwrap().1).unwrap())
        .collect();
    assert_eq!(accepts, [listening, listening], "{stdout}");
    assert!(
        server
            .iter()
            .any(|line| line.starts_with("accept") && line.ends_with("2 clients connected")),
        "{stdout}"
    );

    // Both clients connected before either sent a byte, then each got its own line back.
    let lines: Vec<&str> = stdout.lines().collect();
    let position = |wanted: &str| {
        lines
            .iter()
            .position(|line| line.starts_with(wanted))
            .unwrap_or_else(|| panic!("no line {wanted:?}:\n{stdout}"))
    };
    let first_send = position("demo     | type");
    assert!(position("server   | accept   #2") < first_send, "{stdout}");
    for (client, text) in [
        ("client 1", "olá, eu sou o cliente 1"),
        ("client 2", "olá, eu sou o cliente 2"),
    ] {
        assert!(
            position(&format!("{client} | connect  from 127.0.0.1:")) < first_send,
            "{stdout}"
        );
        assert_eq!(said(&stdout, client, '>'), [text], "{stdout}");
    }
    assert!(
        stdout.ends_with(&format!(
            "demo: 2 clients connected at the same time, both accepted on {listening}, the \
             listener's own address and port: no new port per client\n"
        )),
        "{stdout}"
    );
}

/// The relay's seed 7 and loss 0.2 lose datagrams 3, 4, 9 and 10 on every machine, and the
/// receiver counts exactly that.
#[test]
fn udp_demo_finds_the_receivers_score_equal_to_the_relays_expectation() {
    let stdout = succeeded(&demo(&[
        "udp",
        "--port",
        "0",
        "--rate",
        "100",
        "--idle-timeout",
        "1",
    ]));
    let compared = said(&stdout, "demo", '|')
        .into_iter()
        .filter(|line| line.starts_with("compare"))
        .collect::<Vec<_>>();
    assert_eq!(compared.len(), 2, "{stdout}");
    for line in &compared {
        assert!(
            line.ends_with(
                "received 16 of 20 sent, lost 4, reordered 0, duplicated 0 (lost: 3, 4, 9, 10)"
            ),
            "{stdout}"
        );
    }
    assert!(
        said(&stdout, "relay", '|')
            .iter()
            .any(|line| line.starts_with("impair   loss 0.2") && line.contains("seed 7")),
        "{stdout}"
    );
    assert_eq!(said(&stdout, "receiver", '>').len(), 16, "{stdout}");
    assert!(
        stdout.ends_with(
            "demo: they agree: the receiver counted exactly what the relay did to the \
             datagrams\n"
        ),
        "{stdout}"
    );
}

/// One send, one copy per member: each of the three listeners counts every datagram.
#[test]
fn multicast_demo_counts_every_datagram_at_each_of_the_three_listeners() {
    let stdout = succeeded(&demo(&[
        "multicast",
        "--port",
        "0",
        "--count",
        "5",
        "--rate",
        "100",
    ]));
    let counts: Vec<&str> = said(&stdout, "demo", '|')
        .into_iter()
        .filter(|line| line.starts_with("count"))
        .collect();
    assert_eq!(
        counts,
        [
            "count    listener 1: 5 of the sender's 5 datagrams",
            "count    listener 2: 5 of the sender's 5 datagrams",
            "count    listener 3: 5 of the sender's 5 datagrams",
        ],
        "{stdout}"
    );
    for n in 1..=3 {
        let listener = format!("listener {n}");
        assert_eq!(said(&stdout, &listener, '>').len(), 5, "{stdout}");
        // Joined on loopback only, never another interface.
        assert!(
            said(&stdout, &listener, '|')
                .contains(&"join     group 239.255.78.78 on interface 127.0.0.1"),
            "{stdout}"
        );
    }
    assert!(
        stdout.ends_with(
            "demo: each of the 3 listeners received all 5 datagrams of the one sender\n"
        ),
        "{stdout}"
    );
}

/// Listeners that speak Portuguese (SOCKETS_LANG=pt-BR, as on a student's Windows) are counted
/// all the same: the demo reads the datagrams' own SEQ numbers, not the listeners' summaries.
/// It fails (exit status 1) when a listener seems to have missed datagrams.
#[test]
fn multicast_demo_counts_listeners_that_speak_portuguese() {
    let mut command = std::process::Command::new(DEMO);
    command
        .args(["multicast", "--port", "0", "--count", "3", "--rate", "100"])
        .env("SOCKETS_LANG", "pt-BR");
    let stdout = succeeded(&Program::start_command(&mut command).finish_within(WHOLE_RUN));
    for n in 1..=3 {
        // The demo speaks the language of the run too: its speakers are "ouvinte N".
        let listener = format!("ouvinte {n}");
        assert_eq!(said(&stdout, &listener, '>').len(), 3, "{stdout}");
        assert!(
            said(&stdout, &listener, '|')
                .contains(&"join     grupo 239.255.78.78 na interface 127.0.0.1"),
            "{stdout}"
        );
    }
}

/// `--interactive`: the lines typed for the demo go to client 1, end of input ends it.
#[test]
fn interactive_tcp_demo_sends_client_1_what_is_typed() {
    let mut program = Program::start(DEMO, &["tcp", "--port", "0", "--interactive"]);
    program.wait_stdout_contains("client 1's lines are yours");
    program.write_stdin(b"typed by hand\r\n").unwrap();
    program.wait_stdout_contains("client 1 > typed by hand");
    program.close_stdin();
    let stdout = succeeded(&program.finish_within(WHOLE_RUN));
    assert_eq!(
        said(&stdout, "client 1", '>'),
        ["typed by hand"],
        "{stdout}"
    );
    assert_eq!(
        said(&stdout, "client 2", '>'),
        ["olá, eu sou o cliente 2"],
        "{stdout}"
    );
}

/// A port held by another program: the server's own error, then the demo's one error and one
/// hint, which names the port and `--port 0`.
#[test]
fn a_port_in_use_ends_the_demo_with_one_error_and_a_hint_to_use_port_0() {
    let held = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = held.local_addr().unwrap().port().to_string();
    let finished = demo(&["tcp", "--port", &port]);
    let (error, hint) = testkit::assert_error_and_hint(&finished, 1);
    assert!(
        error.starts_with("error: server (tcp-echo-server --port "),
        "{error}"
    );
    assert!(
        error.ends_with("while the demo waited for its bind line"),
        "{error}"
    );
    assert_eq!(
        hint,
        format!(
            "hint: port {port} is in use by another program: stop that program, or let the OS \
             pick a free port: cargo run -p demo -- tcp --port 0"
        )
    );
    let stdout = finished.stdout_text();
    assert!(
        said(&stdout, "server", '|')
            .iter()
            .any(|line| line.starts_with("error: binding 127.0.0.1:")),
        "{stdout}"
    );
    assert!(!stdout.contains("client 1"), "{stdout}");
}

/// A program speaks the demo's language by itself, from the environment it inherits: its
/// command line is the one a student would type, without `--lang`.
#[test]
fn programs_take_the_demos_language_from_the_environment_without_lang() {
    let mut command = std::process::Command::new(DEMO);
    command
        .args(["udp", "--port", "0", "--rate", "100", "--idle-timeout", "1"])
        .env("SOCKETS_LANG", "pt-BR");
    let stdout = succeeded(&Program::start_command(&mut command).finish_within(WHOLE_RUN));
    let starts: Vec<&str> = said(&stdout, "demo", '|')
        .into_iter()
        .filter(|line| line.starts_with("inicia "))
        .collect();
    assert_eq!(starts.len(), 3, "{stdout}");
    assert!(
        starts.iter().all(|line| !line.contains("--lang")),
        "{stdout}"
    );
    assert!(
        stdout.ends_with(
            "demo: eles batem: o receptor contou exatamente o que o relay fez com os datagramas\n"
        ),
        "{stdout}"
    );
}

/// A `CARGO` that is set but empty is no program: the demo builds with the `cargo` on the PATH
/// rather than fail to start a program named "".
#[test]
fn an_empty_cargo_variable_builds_with_the_cargo_on_the_path() {
    let mut command = std::process::Command::new(DEMO);
    command.args(["tcp", "--port", "0"]).env("CARGO", "");
    let stdout = succeeded(&Program::start_command(&mut command).finish_within(WHOLE_RUN));
    assert!(
        stdout.contains("demo     | build    tcp-echo-server, tcp-client (cargo build --quiet)"),
        "{stdout}"
    );
}

/// The lines of a run in Portuguese that come from the demo itself, without the name column.
fn demo_said(stdout: &str, mark: char) -> Vec<&str> {
    said(stdout, "demo", mark)
}

/// `--lang pt-BR`: the demo's own lines, its speakers' names and its conclusion in Portuguese,
/// every program started with `--lang pt-BR`, and the comparison of the two scores still made
/// (whatever language the programs print them in).
#[test]
fn the_demo_speaks_portuguese_and_passes_its_language_on() {
    let stdout = succeeded(&demo(&[
        "--lang",
        "pt-BR",
        "udp",
        "--port",
        "0",
        "--rate",
        "100",
        "--idle-timeout",
        "1",
    ]));
    let starts: Vec<&str> = demo_said(&stdout, '|')
        .into_iter()
        .filter(|line| line.starts_with("inicia "))
        .collect();
    assert_eq!(starts.len(), 3, "{stdout}");
    for (start, who) in starts.iter().zip(["receptor: ", "relay: ", "remetente: "]) {
        assert!(
            start.contains(who) && start.contains(" --lang pt-BR (pid "),
            "{stdout}"
        );
    }
    let compared: Vec<&str> = demo_said(&stdout, '|')
        .into_iter()
        .filter(|line| line.starts_with("compara "))
        .collect();
    assert_eq!(compared.len(), 2, "{stdout}");
    assert!(
        compared[0].starts_with("compara  o relay previu:    "),
        "{stdout}"
    );
    assert!(
        compared[1].starts_with("compara  o receptor contou: "),
        "{stdout}"
    );
    assert_eq!(said(&stdout, "receptor", '>').len(), 16, "{stdout}");
    assert!(
        stdout.ends_with(
            "demo: eles batem: o receptor contou exatamente o que o relay fez com os datagramas\n"
        ),
        "{stdout}"
    );
}

/// In Portuguese a failure is one `erro:` line and one `dica:` line, the demo's own.
#[test]
fn a_port_in_use_is_one_error_and_one_hint_in_portuguese() {
    let held = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = held.local_addr().unwrap().port().to_string();
    let finished = demo(&["--lang", "pt-BR", "tcp", "--port", &port]);
    assert_eq!(finished.status.code(), Some(1), "{}", finished.stderr);
    let lines: Vec<&str> = finished.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", finished.stderr);
    assert!(
        lines[0].starts_with("erro: o servidor (tcp-echo-server --port ")
            && lines[0].ends_with("enquanto a demo esperava a linha de bind"),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines[1],
        format!(
            "dica: a porta {port} está em uso por outro programa: pare esse programa, ou deixe \
             o sistema escolher uma porta livre: cargo run -p demo -- tcp --port 0"
        )
    );
}

#[test]
fn the_help_is_in_portuguese_with_lang_pt_br() {
    let finished = demo(&["--lang", "pt-BR", "udp", "--help"]);
    assert!(finished.status.success(), "{}", finished.stderr);
    let help = finished.stdout_text();
    assert!(
        help.contains("O relay perde cada datagrama com esta probabilidade (de 0 a 1)."),
        "{help}"
    );
    assert!(help.contains("Uso: demo udp [OPÇÕES]"), "{help}");
    let finished = demo(&["--lang", "pt-BR", "udp", "--loss", "2"]);
    let lines: Vec<&str> = finished.stderr.lines().collect();
    assert_eq!(finished.status.code(), Some(2), "{}", finished.stderr);
    assert!(
        lines.len() == 2
            && lines[0].contains("2 não é uma probabilidade: um número de 0 a 1")
            && lines[1].starts_with("dica: "),
        "{}",
        finished.stderr
    );
}

#[test]
fn a_usage_mistake_is_refused_before_any_program_starts() {
    let finished = demo(&["udp", "--loss", "2"]);
    let (error, _) = testkit::assert_refused_before_any_socket(&finished);
    assert!(error.contains("2 is not a probability"), "{error}");
    assert_eq!(finished.stdout_text(), "");
}

/// Without a terminal (or without tmux, or on Windows) `--tmux` is refused, with a hint to run
/// the demo without it, before any program starts.
#[test]
fn tmux_without_a_terminal_is_refused_with_a_hint() {
    let finished = demo(&["tcp", "--tmux"]);
    let (_, hint) = testkit::assert_error_and_hint(&finished, 1);
    assert!(
        hint.ends_with("without --tmux: cargo run -p demo -- tcp"),
        "{hint}"
    );
    assert!(!finished.stdout_text().contains("start"));
}

/// Ctrl-C stops the demo and every program it started. Unix only: on Windows a test can only
/// kill a process from outside, which is no Ctrl-C.
#[cfg(unix)]
#[test]
fn ctrl_c_stops_every_program_of_the_demo() {
    use std::process::Command;

    // A demo that would run for minutes, and reads nothing from its stdin (which the test
    // closes as it interrupts).
    let program = Program::start(
        DEMO,
        &["udp", "--port", "0", "--count", "1000", "--rate", "5"],
    );
    let stdout = program.wait_stdout_contains("sender   | send_to");
    let pids: Vec<String> = said(&stdout, "demo", '|')
        .iter()
        .filter(|line| line.starts_with("start"))
        .map(|line| {
            let (_, pid) = line.rsplit_once("(pid ").unwrap();
            pid.trim_end_matches(')').to_string()
        })
        .collect();
    assert_eq!(pids.len(), 3, "{stdout}");
    let finished = program.interrupt();
    let stdout = finished.stdout_text();
    assert_eq!(
        finished.status.code(),
        Some(130),
        "{:?}\nstdout:\n{stdout}\nstderr:\n{}",
        finished.status,
        finished.stderr
    );
    assert!(
        stdout.contains("demo     | stop     Ctrl-C: every program stops"),
        "{stdout}"
    );
    for pid in pids {
        // `kill -0` only asks whether the process exists.
        let alive = Command::new("kill")
            .args(["-0", &pid])
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap()
            .success();
        assert!(!alive, "pid {pid} outlived the demo:\n{stdout}");
    }
}

/// `--wire` (Linux): every packet of both connections, each on the listener's port, among the
/// lines, in the order they happened. A program narrates a call after it returns, so the packets
/// a call causes come before its line: the SYN, SYN-ACK and ACK before `connect` (and before the
/// server's `accept`), the echo's segment before the server's `send`, the FIN before
/// `shutdown`; and what the demo does comes before the packets it causes. Where capturing is not
/// allowed (not root, no CAP_NET_RAW) the demo must refuse with one error and a hint saying how
/// to get the right, before starting anything.
#[cfg(target_os = "linux")]
#[test]
fn tcp_demo_with_wire_shows_every_packet_on_the_listeners_port() {
    let finished = demo(&["tcp", "--port", "0", "--wire"]);
    let stdout = finished.stdout_text();
    if !finished.status.success() {
        let (error, hint) = testkit::assert_error_and_hint(&finished, 1);
        assert!(error.contains("packet socket"), "{error}");
        assert!(
            hint.starts_with("hint: capturing needs root or CAP_NET_RAW: run `sudo "),
            "{hint}"
        );
        assert!(!stdout.contains("| start"), "{stdout}");
        eprintln!("skipped the capture itself: {error}");
        return;
    }
    let bind = said(&stdout, "server", '|')[0];
    let port = first_socket_addr(bind).unwrap().port();
    let listener = format!("127.0.0.1:{port}");
    let packets = said(&stdout, "wire", '|');
    assert!(!packets.is_empty(), "{stdout}");
    for packet in &packets {
        // `TCP      127.0.0.1:50412 -> 127.0.0.1:7878  SYN seq=0 len=0`
        let words: Vec<&str> = packet.split_whitespace().collect();
        assert_eq!(words[0], "TCP", "{stdout}");
        assert!(
            words[1] == listener || words[3] == listener,
            "a packet not on the listener's port {port}: {packet}\n{stdout}"
        );
    }
    let lines: Vec<&str> = stdout.lines().collect();
    let position = |wanted: &dyn Fn(&str) -> bool, what: &str| {
        lines
            .iter()
            .position(|line| wanted(line))
            .unwrap_or_else(|| panic!("no {what}:\n{stdout}"))
    };
    let starting = |prefix: String| move |line: &str| line.starts_with(&prefix);
    for (number, client) in [(1, "client 1"), (2, "client 2")] {
        let connect = said(&stdout, client, '|')
            .into_iter()
            .find(|line| line.starts_with("connect"))
            .unwrap();
        let own = first_socket_addr(connect).unwrap().to_string();
        let from_client = format!("TCP      {own} -> {listener}  ");
        let to_client = format!("TCP      {listener} -> {own}  ");
        let packet = |direction: &str, flags: &str| {
            let wanted = format!("wire     | {direction}{flags}");
            position(&starting(wanted.clone()), &wanted)
        };
        // The handshake, the line and its echo, and a FIN from each side, in that order.
        let syn = packet(&from_client, "SYN seq=0 len=0");
        let syn_ack = packet(&to_client, "SYN-ACK seq=0 ack=1 len=0");
        let ack = packet(&from_client, "ACK seq=1 ack=1 len=0");
        let data = packet(&from_client, "PSH-ACK seq=1 ack=1 len=25");
        let echo = packet(&to_client, "PSH-ACK seq=1 ack=26 len=25");
        let fin = packet(&from_client, "FIN-ACK seq=26");
        let fin_back = packet(&to_client, "FIN-ACK seq=26 ack=27");
        assert!(
            syn < syn_ack
                && syn_ack < ack
                && ack < data
                && data < echo
                && echo < fin
                && fin < fin_back,
            "{stdout}"
        );
        // Each call's line comes after the packets it caused.
        let line_of = |who: &str, call: &str, with: &str| {
            let prefix = format!("{who:<8} | {call:<8} ");
            position(
                &|line: &str| line.starts_with(&prefix) && line.contains(with),
                &format!("{who}'s {call} line with {with}"),
            )
        };
        let connected = line_of(client, "connect", &own);
        let accepted = line_of("server", "accept", &format!("#{number} from {own}"));
        let echoed = line_of("server", "send", &format!("#{number} 25 bytes to {own}"));
        let shut = line_of(client, "shutdown", "");
        assert!(
            ack < connected,
            "{client}'s connect before its ACK:\n{stdout}"
        );
        assert!(ack < accepted, "accept #{number} before the ACK:\n{stdout}");
        assert!(
            echo < echoed,
            "the server's send before its segment:\n{stdout}"
        );
        assert!(fin < shut, "{client}'s shutdown before its FIN:\n{stdout}");
        // What the demo did comes before the packets it caused.
        let started = position(
            &starting(format!("demo     | start    {client}:")),
            "the start line",
        );
        let typed = position(
            &|line| line.starts_with("demo     | type") && line.ends_with(client),
            "the type line",
        );
        let closed = position(
            &starting(format!("demo     | close    {client}'s input")),
            "the close line",
        );
        assert!(started < syn, "{client} started after its SYN:\n{stdout}");
        assert!(
            typed < data,
            "{client}'s line typed after its segment:\n{stdout}"
        );
        assert!(
            closed < fin,
            "{client}'s input closed after its FIN:\n{stdout}"
        );
    }
    assert!(
        stdout.contains(&format!(
            "demo     | capture  lo (interface 1): each packet to or from port {port} is a line"
        )),
        "{stdout}"
    );
}

/// Where the live capture does not exist, `--wire` is refused with a hint to capture with
/// Wireshark and read the file with the wire program.
#[cfg(not(target_os = "linux"))]
#[test]
fn wire_is_refused_where_there_is_no_packet_socket() {
    let finished = demo(&["tcp", "--port", "0", "--wire"]);
    let (error, hint) = testkit::assert_error_and_hint(&finished, 1);
    assert!(error.contains("Linux only"), "{error}");
    assert!(
        hint.ends_with("cargo run -p wire -- capture.pcap"),
        "{hint}"
    );
}
