//! A typo in the group or the interface is refused with the right form (issue 11 §4).

const LISTENER: &str = env!("CARGO_BIN_EXE_multicast-listener");

#[test]
fn a_group_or_interface_typo_is_refused_with_the_right_form() {
    let cases: [(&[&str], &str, &str); 3] = [
        (
            &["--group", "239.255.78"],
            "239.255.78 is not an IPv4 address: it has 3 numbers",
            "such as 239.255.78.78",
        ),
        (
            &["--interface", "0x7f.1"],
            "0x7f.1 is not an IPv4 address: it has 2 numbers",
            "such as 127.0.0.1",
        ),
        (
            &["--interface", "::1"],
            "::1 is an IPv6 address; this option takes an IPv4 address",
            "--interface-index",
        ),
    ];
    for (args, message, hint_part) in cases {
        let mut all = args.to_vec();
        all.extend(["--port", "0", "--idle-timeout", "1"]);
        let finished = testkit::run(LISTENER, &all, b"");
        let (error, hint) = testkit::assert_refused_before_any_socket(&finished);
        assert!(error.contains(message), "{args:?}: {error}");
        assert!(hint.contains(hint_part), "{args:?}: {hint}");
    }
}
