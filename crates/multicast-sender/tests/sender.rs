//! The sender on its own, on the loopback interface: the options it sets, read back from the
//! socket, and what it refuses before sending anything.

use testkit::Finished;

const SENDER: &str = env!("CARGO_BIN_EXE_multicast-sender");

/// A group of this process's own, so that no listener of another test hears these datagrams.
fn group() -> String {
    format!("239.255.{}.200", 80 + std::process::id() % 150)
}

fn sender(args: &[&str]) -> Finished {
    let group = group();
    let mut all = vec!["--group", group.as_str(), "--port", "9"];
    all.extend_from_slice(args);
    testkit::run(SENDER, &all, b"")
}

#[test]
fn default_ttl_is_one_and_stays_on_this_link() {
    let sent = sender(&["--count", "1", "--rate", "0"]);
    assert!(sent.status.success(), "{}", sent.stderr);
    let first = sent.stderr.lines().next().unwrap();
    assert!(first.starts_with("bind     127.0.0.1:"), "{first}");
    assert!(
        sent.stderr.contains(
            "option   IP_MULTICAST_TTL 1, read back from the socket (TTL 1: routers do not \
             forward it; it stays on this link)"
        ),
        "{}",
        sent.stderr
    );
    assert!(sent.stderr.contains("IP_MULTICAST_IF 127.0.0.1"));
    assert!(sent.stderr.contains("IP_MULTICAST_LOOP on"));
}

#[test]
fn ttl_option_is_applied_to_the_socket() {
    let sent = sender(&["--count", "1", "--rate", "0", "--ttl", "7"]);
    assert!(sent.status.success(), "{}", sent.stderr);
    assert!(
        sent.stderr.contains(
            "IP_MULTICAST_TTL 7, read back from the socket (TTL 7: up to 6 routers may forward it"
        ),
        "{}",
        sent.stderr
    );
    let refused = sender(&["--ttl", "256"]);
    assert_eq!(refused.status.code(), Some(2), "{}", refused.stderr);
}

#[test]
fn no_loop_is_applied_and_explained() {
    let sent = sender(&["--count", "1", "--rate", "0", "--no-loop"]);
    assert!(sent.status.success(), "{}", sent.stderr);
    let meaning = if cfg!(windows) {
        "IP_MULTICAST_LOOP off: Windows reads this option on receiving sockets only"
    } else {
        "IP_MULTICAST_LOOP off: listeners on this machine get no copy"
    };
    assert!(sent.stderr.contains(meaning), "{}", sent.stderr);
    // Issue 13 §1a: on the loopback interface Linux delivers to this machine's listeners all
    // the same, and the sender says so (multicast-listener's tests show it happen).
    assert_eq!(
        sent.stderr
            .contains("note     but the datagrams leave by the loopback interface"),
        cfg!(target_os = "linux"),
        "{}",
        sent.stderr
    );
}

#[test]
fn each_send_names_the_group_and_the_local_address() {
    let sent = sender(&["--count", "3", "--rate", "0"]);
    let sends: Vec<&str> = sent
        .stderr
        .lines()
        .filter(|line| line.starts_with("send_to "))
        .collect();
    assert_eq!(sends.len(), 3, "{}", sent.stderr);
    for (seq, line) in sends.iter().enumerate() {
        assert!(line.contains(&format!("SEQ {seq} OF 3 ")), "{line}");
        assert!(
            line.contains(&format!("to {}:9 from 127.0.0.1:", group())),
            "{line}"
        );
    }
    assert!(
        sent.stderr.contains("done     3 datagrams"),
        "{}",
        sent.stderr
    );
}

#[test]
fn payload_over_the_udp_maximum_is_refused_before_sending() {
    let refused = sender(&["--size", "65508"]);
    assert_eq!(refused.status.code(), Some(1), "{}", refused.stderr);
    assert!(
        refused
            .stderr
            .starts_with("error: a payload of 65508 bytes does not fit in one UDP datagram"),
        "{}",
        refused.stderr
    );
    assert!(refused.stderr.contains("hint: use --size 65507 or less;"));
    assert!(!refused.stderr.contains("send "), "{}", refused.stderr);
    let largest = sender(&["--size", "65507", "--count", "1"]);
    assert!(largest.status.success(), "{}", largest.stderr);
    assert!(
        largest.stderr.contains("(65507 bytes)"),
        "{}",
        largest.stderr
    );
}

#[test]
fn address_that_is_not_a_group_is_refused() {
    let refused = testkit::run(SENDER, &["--group", "127.0.0.1"], b"");
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        refused
            .stderr
            .starts_with("error: 127.0.0.1 is not a multicast group\nhint: IPv4 multicast groups are 224.0.0.0 to 239.255.255.255"),
        "{}",
        refused.stderr
    );
}

/// A rate so small that the pause between datagrams overflows a `Duration` used to panic.
#[test]
fn rate_too_small_is_refused_with_a_hint() {
    let refused = sender(&["--rate", "1e-300", "--count", "2"]);
    let (error, _) = testkit::assert_error_and_hint(&refused, 2);
    assert!(error.contains("is not a rate"), "{error}");
}

/// udp-sender calls this mode `--lines`: both programs accept both names.
#[test]
fn lines_is_another_name_for_stdin() {
    let group = group();
    let sent = testkit::run(
        SENDER,
        &["--group", &group, "--port", "9", "--lines"],
        b"one\ntwo\n",
    );
    assert!(sent.status.success(), "{}", sent.stderr);
    assert!(
        sent.stderr.contains("done     2 datagrams"),
        "{}",
        sent.stderr
    );
}

/// Port 0 means "any free port" when binding; as a destination it used to fail in send_to.
#[test]
fn port_zero_is_refused_as_a_destination() {
    let refused = testkit::run(SENDER, &["--port", "0", "--count", "1"], b"");
    let (error, _) = testkit::assert_error_and_hint(&refused, 2);
    assert!(error.contains("0 is not in 1..=65535"), "{error}");
}

/// Windows refuses a send to a group on the loopback interface until a socket of the machine
/// has joined it there (WSAENETUNREACH, 10051); Linux and macOS send it, and nobody gets it.
/// The group here is this process's own, so nobody has joined it. (Wine sends, as Linux does.)
#[test]
fn a_send_before_any_listener_joined_is_sent_or_says_to_start_the_listeners_first() {
    let sent = sender(&["--count", "1"]);
    if cfg!(windows) && !sent.status.success() {
        let (error, hint) = testkit::assert_error_and_hint(&sent, 1);
        assert!(error.contains("(os error 10051)"), "{error}");
        assert!(
            hint.contains("start the listeners first (cargo run -p multicast-listener)"),
            "{hint}"
        );
    } else {
        assert!(sent.status.success(), "{}", sent.stderr);
        assert!(
            sent.stderr.contains("done     1 datagram, "),
            "{}",
            sent.stderr
        );
    }
}

/// Issue 15: with `--lang pt-BR` the narration, the error and its hint are in Portuguese; the
/// socket calls' names and the addresses stay as they are.
#[test]
fn lang_pt_br_narrates_in_portuguese() {
    let sent = sender(&["--lang", "pt-BR", "--count", "1", "--rate", "0"]);
    assert!(sent.status.success(), "{}", sent.stderr);
    let first = sent.stderr.lines().next().unwrap();
    assert!(
        first.starts_with("bind     127.0.0.1:")
            && first.ends_with(&format!(
                "(socket UDP que envia para o grupo {}:9)",
                group()
            )),
        "{first}"
    );
    assert!(
        sent.stderr.contains(
            "opção    IP_MULTICAST_TTL 1, lido de volta do socket (TTL 1: nenhum roteador o \
             encaminha; ele fica neste enlace)"
        ),
        "{}",
        sent.stderr
    );
    let send = sent
        .stderr
        .lines()
        .find(|line| line.starts_with("send_to "));
    let send = send.expect("a send_to line");
    assert!(
        send.starts_with("send_to  SEQ 0 OF 1 (")
            && send.contains(&format!(" bytes) para {}:9 de 127.0.0.1:", group())),
        "{send}"
    );
    let last = sent.stderr.lines().last().unwrap();
    assert!(
        last.starts_with("fim      1 datagrama, ") && last.contains(" bytes enviados para "),
        "{last}"
    );
}

#[test]
fn lang_pt_br_gives_the_error_and_its_hint_in_portuguese() {
    // 192.0.2.1 (TEST-NET-1) is never an address of this machine: refused before any send.
    let refused = sender(&[
        "--lang",
        "pt-BR",
        "--interface",
        "192.0.2.1",
        "--count",
        "1",
    ]);
    assert_eq!(refused.status.code(), Some(1), "{}", refused.stderr);
    let lines: Vec<&str> = refused.stderr.lines().collect();
    let ending = &lines[lines.len().saturating_sub(2)..];
    // Linux and macOS refuse IP_MULTICAST_IF; an OS that takes it refuses the bind.
    assert!(
        ending[0].starts_with("erro: escolhendo a interface 192.0.2.1 para multicast: ")
            || ending[0].starts_with("erro: ao fazer bind em 192.0.2.1:0: "),
        "{}",
        refused.stderr
    );
    assert_eq!(
        ending[1],
        "dica: 192.0.2.1 precisa ser um endereço desta máquina: use --interface 127.0.0.1 para \
         ficar nesta máquina, ou o endereço de uma interface real (`ip -br addr`, `ifconfig`, \
         `ipconfig`)"
    );
    assert!(!refused.stderr.contains("send_to"), "{}", refused.stderr);
}

/// Windows sets no `LANG`: SOCKETS_LANG is how a student asks for Portuguese, `--help` too.
#[test]
fn sockets_lang_pt_br_gives_the_help_in_portuguese() {
    let mut command = std::process::Command::new(SENDER);
    command.arg("--help").env("SOCKETS_LANG", "pt-BR");
    let help = testkit::Program::start_command(&mut command).finish();
    assert!(help.status.success(), "{}", help.stderr);
    let text = help.stdout_text();
    for wanted in [
        "Envia datagramas numerados a um grupo multicast",
        "--ttl <N>",
        "limite de saltos",
        "[padrão: 239.255.78.78]",
        "Exemplo, em uma máquina só (três ouvintes, um remetente):",
        "cargo run -p multicast-sender -- --message \"olá, grupo\"",
    ] {
        assert!(text.contains(wanted), "{wanted:?} not in:\n{text}");
    }
}
