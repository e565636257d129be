//! The minimal multicast listener (`examples/multicast-listener-minimal.rs`), run for real on
//! the loopback interface with the full multicast-sender: two minimal listeners of a group
//! each get every datagram, and a listener of another group on the same port gets none.
//! (The minimal sender against the full listener is tested in multicast-sender.)
//!
//! Each test uses a group of its own (239.255.x.y, from the test's number and this process)
//! and a port the OS gave its first listener, so that tests running at once never hear each
//! other.

use std::net::SocketAddr;

use testkit::Program;

fn group(test: u8) -> String {
    format!("239.255.{}.{test}", 80 + std::process::id() % 150)
}

/// Starts a minimal listener of `group` on `port` (0: the OS picks one) and waits until it has
/// joined; returns it with the address it bound.
fn minimal_listener(group: &str, port: u16) -> (Program, SocketAddr) {
    let listener = Program::start(
        testkit::minimal_binary("multicast-listener"),
        &[&format!("{group}:{port}")],
    );
    let bound = listener.bound_addr();
    let join = listener.wait_stderr_line(|line| line.starts_with("join "));
    assert_eq!(
        join,
        format!("join     group {group} on interface 127.0.0.1")
    );
    (listener, bound)
}

fn full_sender(group: &str, port: u16, extra: &[&str]) {
    let port = port.to_string();
    let mut args = vec!["--group", group, "--port", &port];
    args.extend_from_slice(extra);
    let sent = testkit::run(testkit::sibling_binary("multicast-sender"), &args, b"");
    assert!(sent.status.success(), "{}", sent.stderr);
}

#[test]
fn two_minimal_listeners_on_one_port_each_get_every_datagram() {
    let group = group(211);
    let (first, bound) = minimal_listener(&group, 0);
    // The wildcard address, and the port the OS chose, which the second listener shares.
    assert!(bound.ip().is_unspecified() && bound.port() != 0, "{bound}");
    let (second, _) = minimal_listener(&group, bound.port());
    full_sender(&group, bound.port(), &["--count", "20", "--rate", "0"]);
    for listener in [first, second] {
        let stdout = listener.wait_stdout_contains("\"SEQ 19 OF 20 RUN ");
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.len(), 20, "{stdout}");
        for (seq, line) in lines.iter().enumerate() {
            assert!(line.starts_with("from 127.0.0.1:"), "{line}");
            assert!(line.contains(&format!("\"SEQ {seq} OF 20 RUN ")), "{line}");
        }
    }
}

#[test]
fn minimal_listener_of_another_group_on_the_same_port_gets_none_of_its_datagrams() {
    let (group, other) = (group(212), group(213));
    let (member, bound) = minimal_listener(&group, 0);
    // On Linux this one would get `group`'s datagrams too (IP_MULTICAST_ALL), since a socket
    // of this host joined it on this port, if the listener did not turn that off.
    let (outsider, _) = minimal_listener(&other, bound.port());
    full_sender(&group, bound.port(), &["--count", "5", "--rate", "0"]);
    member.wait_stdout_contains("\"SEQ 4 OF 5 RUN ");
    // Then one datagram to the outsider's own group: when it has arrived, anything of the
    // first group that was delivered to it has arrived before it.
    full_sender(&other, bound.port(), &["--message", "the other group"]);
    let stdout = outsider.wait_stdout_contains("the other group");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
}
