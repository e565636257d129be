//! A typo in `--bind` is refused with the right form (issue 11 §4).

const SERVER: &str = env!("CARGO_BIN_EXE_tcp-echo-server");

#[test]
fn a_bind_typo_is_refused_with_the_right_form() {
    for (bind, message, hint_part) in [
        (
            "127.1",
            "127.1 is not an IPv4 address: it has 2 numbers",
            "such as 127.0.0.1",
        ),
        (
            "127.0.0.1:7878",
            "127.0.0.1:7878 has a port",
            "the port goes in --port",
        ),
    ] {
        let finished = testkit::run(SERVER, &["--bind", bind, "--port", "0"], b"");
        let (error, hint) = testkit::assert_refused_before_any_socket(&finished);
        assert!(
            error.contains(&format!("for '--bind <IP>': {message}")),
            "{error}"
        );
        assert!(hint.contains(hint_part), "{hint}");
    }
}
