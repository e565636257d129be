//! The Java multicast programs (`java/MulticastSender.java`, `java/MulticastListener.java`)
//! against the full Rust programs, both ways, joined and sent on 127.0.0.1 only; Java and Rust
//! listeners sharing one port; and who turns on SO_REUSEADDR: Java's `MulticastSocket` does it
//! for you, socket2 does not (the Rust listener does it itself, before `bind`).
//!
//! Of the Rust programs' narration the tests read only the first line's address, the line
//! that starts with `join` (to send after the listener joined) and the score; their stdout is
//! the data.
//!
//! Each test uses a group of its own (239.255.x.y, from the test's number and this process)
//! and a port the OS gave its first listener, so that tests running at once never hear each
//! other.

use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};

use java_interop::Java;
use socket2::{Domain, Protocol, Socket, Type};
use testkit::Program;

fn group(test: u8) -> String {
    format!("239.255.{}.{test}", 80 + std::process::id() % 150)
}

/// Starts the Java listener of `group` on `port` (0: the OS picks one) and waits until it
/// has joined; returns it with the port it bound.
fn java_listener(java: &Java, group: &str, port: u16) -> (Program, u16) {
    let listener = java.start("MulticastListener", &[&format!("{group}:{port}")]);
    let bound = listener.bound_addr();
    // Java's sockets are IPv6 sockets that also carry IPv4: its wildcard address is `::`.
    assert!(bound.ip().is_unspecified() && bound.port() != 0, "{bound}");
    let join = listener.wait_stderr_line(|line| line.starts_with("join "));
    assert!(
        join.starts_with(&format!("join     group {group} on interface 127.0.0.1 (")),
        "{join}"
    );
    (listener, bound.port())
}

/// Starts a full Rust listener of `group` on `port` and waits until it has joined.
fn rust_listener(group: &str, port: u16, count: u32) -> Program {
    let port = port.to_string();
    let count = count.to_string();
    let listener = Program::start(
        testkit::sibling_binary("multicast-listener"),
        &[
            "--group",
            group,
            "--port",
            &port,
            "--count",
            &count,
            "--idle-timeout",
            "20",
        ],
    );
    listener.wait_stderr_line(|line| line.starts_with("join"));
    listener
}

fn rust_sender(group: &str, port: u16, extra: &[&str]) {
    let port = port.to_string();
    let mut args = vec!["--group", group, "--port", &port];
    args.extend_from_slice(extra);
    let sent = testkit::run(testkit::sibling_binary("multicast-sender"), &args, b"");
    assert!(sent.status.success(), "{}", sent.stderr);
}

/// Every datagram of a numbered run of `total`, in order, one line each.
fn assert_whole_run(stdout: &str, total: usize) {
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), total, "{stdout}");
    for (seq, line) in lines.iter().enumerate() {
        assert!(line.starts_with("from 127.0.0.1:"), "{line}");
        assert!(
            line.contains(&format!("SEQ {seq} OF {total} RUN ")),
            "{line}"
        );
    }
}

#[test]
fn java_senders_datagrams_reach_the_rust_listener_in_full() {
    let Some(java) = java_interop::java() else {
        return;
    };
    let group = group(221);
    let listener = Program::start(
        testkit::sibling_binary("multicast-listener"),
        &[
            "--group",
            &group,
            "--port",
            "0",
            "--count",
            "10",
            "--idle-timeout",
            "20",
        ],
    );
    let port = listener.bound_addr().port();
    listener.wait_stderr_line(|line| line.starts_with("join"));
    let sender = java.run("MulticastSender", &[&format!("{group}:{port}")], b"");
    assert!(sender.status.success(), "{}", sender.stderr);
    let options = sender.stderr.lines().nth(1).unwrap_or_default();
    assert!(
        options.starts_with("option   IP_MULTICAST_IF 127.0.0.1 (") && options.contains("TTL 1"),
        "{}",
        sender.stderr
    );
    let received = listener.finish();
    assert!(received.status.success(), "{}", received.stderr);
    // The score of the run: all ten arrived.
    assert!(
        received.stderr.contains("received 10 of 10 sent, lost 0,"),
        "{}",
        received.stderr
    );
    assert_whole_run(&received.stdout_text(), 10);
}

#[test]
fn rust_senders_datagrams_reach_the_java_listener_in_full() {
    let Some(java) = java_interop::java() else {
        return;
    };
    let group = group(222);
    let (listener, port) = java_listener(java, &group, 0);
    rust_sender(&group, port, &["--count", "20", "--rate", "0"]);
    assert_whole_run(&listener.wait_stdout_contains("\"SEQ 19 OF 20 RUN "), 20);
}

/// Sharing a port takes SO_REUSEADDR on every socket of it (Linux; macOS and BSD also want
/// SO_REUSEPORT for the wildcard address): the Java listener binds after a Rust one, then a
/// Rust one after the Java one, and each of the three gets every datagram.
#[test]
fn java_and_rust_listeners_share_one_port_and_each_get_every_datagram() {
    let Some(java) = java_interop::java() else {
        return;
    };
    let group = group(223);
    let minimal = Program::start(
        testkit::minimal_binary("multicast-listener"),
        &[&format!("{group}:0")],
    );
    let port = minimal.bound_addr().port();
    minimal.wait_stderr_line(|line| line.starts_with("join"));
    let (java_listener, _) = java_listener(java, &group, port);
    let full = rust_listener(&group, port, 20);
    rust_sender(&group, port, &["--count", "20", "--rate", "0"]);
    assert_whole_run(
        &java_listener.wait_stdout_contains("\"SEQ 19 OF 20 RUN "),
        20,
    );
    assert_whole_run(&minimal.wait_stdout_contains("\"SEQ 19 OF 20 RUN "), 20);
    let full = full.finish();
    assert!(full.status.success(), "{}", full.stderr);
    assert_eq!(
        full.stdout_text().lines().count(),
        20,
        "{}",
        full.stdout_text()
    );
}

/// Java's `MulticastSocket` turns SO_REUSEADDR on before it binds, and says so when asked;
/// a socket2 socket starts with it off, and then cannot bind the Java listener's port. With
/// the options the Rust listener sets, it can.
#[test]
fn java_multicast_socket_sets_so_reuseaddr_for_you_and_socket2_does_not() {
    let Some(java) = java_interop::java() else {
        return;
    };
    let group = group(224);
    let (listener, port) = java_listener(java, &group, 0);
    let first = listener.stderr_text();
    assert!(
        first
            .lines()
            .next()
            .unwrap_or_default()
            .contains("SO_REUSEADDR on, set by MulticastSocket"),
        "{first}"
    );
    let wildcard = SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, port));
    let plain = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP)).unwrap();
    assert!(!plain.reuse_address().unwrap());
    // Linux and macOS refuse a second socket without the option (Windows is not checked).
    #[cfg(unix)]
    {
        let refused = plain
            .bind(&wildcard.into())
            .expect_err("bound the Java listener's port");
        assert_eq!(refused.kind(), std::io::ErrorKind::AddrInUse, "{refused}");
    }

    let sharing = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP)).unwrap();
    sharing.set_reuse_address(true).unwrap();
    #[cfg(unix)] // macOS and BSD: a wildcard bind shares only with SO_REUSEPORT too
    sharing.set_reuse_port(true).unwrap();
    sharing
        .bind(&wildcard.into())
        .expect("sharing the Java listener's port");
}

/// Linux delivers to a socket bound to the wildcard address the datagrams of every group that
/// any socket of the host joined on its port (IP_MULTICAST_ALL), unless the socket turns that
/// off: the Rust listener does it itself, the JDK does it for every datagram socket it opens.
#[cfg(target_os = "linux")]
#[test]
fn java_listener_of_another_group_on_the_same_port_gets_none_of_its_datagrams() {
    let Some(java) = java_interop::java() else {
        return;
    };
    let (group, other) = (group(225), group(226));
    let member = rust_listener(&group, 0, 5);
    let port = member.bound_addr().port();
    let (outsider, _) = java_listener(java, &other, port);
    rust_sender(&group, port, &["--count", "5", "--rate", "0"]);
    assert!(member.finish().status.success());
    // Then one datagram to the outsider's own group: when it has arrived, anything of the
    // first group that was delivered to it has arrived before it.
    rust_sender(&other, port, &["--message", "the other group"]);
    let stdout = outsider.wait_stdout_contains("the other group");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
}
