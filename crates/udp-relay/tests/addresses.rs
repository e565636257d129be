//! A typo in `--to` is refused before any socket exists (issue 11 §4), and so is port 0 as a
//! destination (§5: every forward failed, and the relay still counted them as sent).

const RELAY: &str = env!("CARGO_BIN_EXE_udp-relay");

/// `::1:7879` is a valid IPv6 address (not loopback) that the relay read as `[::1]:7879`;
/// `127.1` was read by getaddrinfo's old rules (as 127.0.0.1; `1.2.3` would be 1.2.0.3). Only
/// typos read as loopback are tried, and the relay forwards only what it receives: nothing
/// here can leave the machine, even with an old relay.
#[test]
fn a_destination_typo_is_refused_with_the_right_form() {
    let port = testkit::unused_port();
    let cases = [
        (
            format!("::1:{port}"),
            "an IPv6 address needs brackets when a port follows it",
            format!("write [::1]:{port}"),
        ),
        (
            format!("127.1:{port}"),
            "127.1 is not an IPv4 address",
            "such as 127.0.0.1".to_string(),
        ),
        (
            "127.0.0.1:0".to_string(),
            "0 is not in 1..=65535: port 0 means \"any free port\" when binding",
            "its first line shows it".to_string(),
        ),
        (
            "127.0.0.1".to_string(),
            "no port in 127.0.0.1",
            "127.0.0.1:7879".to_string(),
        ),
    ];
    for (to, message, hint_part) in cases {
        let finished = testkit::run(
            RELAY,
            &["--port", "0", "--to", &to, "--idle-timeout", "1"],
            b"",
        );
        let (error, hint) = testkit::assert_refused_before_any_socket(&finished);
        assert!(
            error.contains(&format!("for '--to <HOST:PORT>': {message}")),
            "--to {to}: {error}"
        );
        assert!(hint.contains(&hint_part), "--to {to}: {hint}");
    }
}
