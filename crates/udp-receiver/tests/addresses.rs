//! A typo in `--bind` is refused with the right form (issue 11 §4).

const RECEIVER: &str = env!("CARGO_BIN_EXE_udp-receiver");

#[test]
fn a_bind_typo_is_refused_with_the_right_form() {
    for (bind, message, hint_part) in [
        (
            "127.1",
            "127.1 is not an IPv4 address: it has 2 numbers",
            "such as 127.0.0.1",
        ),
        (
            "localhost",
            "localhost is a name; this option takes an IP address",
            "127.0.0.1",
        ),
    ] {
        let finished = testkit::run(
            RECEIVER,
            &["--bind", bind, "--port", "0", "--idle-timeout", "1"],
            b"",
        );
        let (error, hint) = testkit::assert_refused_before_any_socket(&finished);
        assert!(
            error.contains(&format!("for '--bind <IP>': {message}")),
            "{error}"
        );
        assert!(hint.contains(hint_part), "{hint}");
    }
}
