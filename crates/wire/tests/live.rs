//! Live capture on Linux's loopback. These tests run where a packet socket opens: as root (or
//! with CAP_NET_RAW), or else inside `unshare --user --map-root-user --net`, where this test
//! binary runs itself again with its own loopback; otherwise they say why they skipped. All
//! traffic is on 127.0.0.1, to ports the OS picks.
#![cfg(target_os = "linux")]

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream, UdpSocket};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use wire::live::Loopback;
use wire::packet::{Kind, Segment};
use wire::{Event, Filter, Verdict, Wire};

/// Set in the copy of this test binary that runs inside the namespace.
const IN_NAMESPACE: &str = "WIRE_TEST_IN_NAMESPACE";
const DEADLINE: Duration = Duration::from_secs(10);

/// Runs `test` where a packet socket opens: here, or in a new user and network namespace.
fn where_capture_works(name: &str, test: impl FnOnce()) {
    let here = Loopback::open();
    if here.is_ok() {
        drop(here);
        return test();
    }
    if std::env::var_os(IN_NAMESPACE).is_some() {
        panic!("no packet socket even in the namespace: {:?}", here.err());
    }
    let namespace_works = Command::new("unshare")
        .args([
            "--user",
            "--map-root-user",
            "--net",
            "ip",
            "link",
            "set",
            "lo",
            "up",
        ])
        .output()
        .is_ok_and(|output| output.status.success());
    if !namespace_works {
        eprintln!(
            "skipped {name}: no packet socket here (not root, no CAP_NET_RAW) and \
             `unshare --user --map-root-user --net` with `ip` does not work on this system"
        );
        return;
    }
    let test_binary = std::env::current_exe().unwrap();
    let mut command = Command::new("unshare");
    command
        .args(["--user", "--map-root-user", "--net", "sh", "-c"])
        .arg("ip link set lo up && exec \"$0\" \"$@\"")
        .arg(test_binary)
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env(IN_NAMESPACE, "1");
    let finished = testkit::Program::start_command(&mut command).finish_within(DEADLINE * 2);
    assert!(
        finished.status.success() && finished.stdout_text().contains("1 passed"),
        "{name} in a namespace:\n{}\n{}",
        finished.stdout_text(),
        finished.stderr
    );
}

/// Reads frames until `done` says the events so far are enough, or the deadline passes. Keeps
/// the events of one protocol: a port number of ours may be another program's in the other
/// protocol's space.
fn capture_until(
    loopback: &mut Loopback,
    wire: &mut Wire,
    tcp: bool,
    done: impl Fn(&[Event]) -> bool,
) -> Vec<Event> {
    let deadline = Instant::now() + DEADLINE;
    let mut events = Vec::new();
    while !done(&events) {
        assert!(
            Instant::now() < deadline,
            "not all packets seen in {DEADLINE:?}:\n{}",
            lines(&events)
        );
        if let Some(frame) = loopback.next_frame().unwrap() {
            if let Verdict::Shown(event) = wire.frame(&frame) {
                if matches!(event.packet.kind, Kind::Tcp(_)) == tcp {
                    events.push(event);
                }
            }
        }
    }
    events
}

fn lines(events: &[Event]) -> String {
    events
        .iter()
        .map(|event| wire::text::line(event) + "\n")
        .collect()
}

fn segment(event: &Event) -> Option<&Segment> {
    match &event.packet.kind {
        Kind::Tcp(segment) => Some(segment),
        _ => None,
    }
}

#[test]
fn a_tcp_connection_on_loopback_shows_each_packet_once_from_syn_to_fin() {
    where_capture_works(
        "a_tcp_connection_on_loopback_shows_each_packet_once_from_syn_to_fin",
        || {
            let mut loopback = Loopback::open().unwrap();
            let listener = TcpListener::bind("127.0.0.1:0").unwrap();
            let server = listener.local_addr().unwrap();
            let mut wire = Wire::new(Filter::Ports(vec![server.port()]));
            let client = thread::spawn(move || {
                let mut stream = TcpStream::connect(server).unwrap();
                stream.write_all(b"hi\n").unwrap();
                stream.shutdown(Shutdown::Write).unwrap();
                stream.read_to_end(&mut Vec::new()).unwrap();
            });
            let (mut accepted, _) = listener.accept().unwrap();
            let mut received = Vec::new();
            accepted.read_to_end(&mut received).unwrap();
            drop(accepted);
            client.join().unwrap();
            assert_eq!(received, b"hi\n");

            // Done at the client's last ACK: the one after the server's FIN.
            let events = capture_until(&mut loopback, &mut wire, true, |events| {
                let fins: Vec<_> = events
                    .iter()
                    .filter(|e| segment(e).unwrap().flags.fin)
                    .collect();
                fins.len() == 2
                    && events.last().is_some_and(|last| {
                        !segment(last).unwrap().flags.fin
                            && last.packet.destination.port == Some(server.port())
                    })
            });
            let text = lines(&events);
            let tcp: Vec<String> = events
                .iter()
                .map(|event| wire::text::tcp(segment(event).unwrap()))
                .collect();
            assert_eq!(
                tcp[..3],
                [
                    "SYN seq=0 len=0",
                    "SYN-ACK seq=0 ack=1 len=0",
                    "ACK seq=1 ack=1 len=0"
                ],
                "{text}"
            );
            // The data, once (loopback's outgoing copy of each frame is filtered out).
            let data: Vec<_> = tcp.iter().filter(|t| t.ends_with("len=3")).collect();
            assert_eq!(data, ["PSH-ACK seq=1 ack=1 len=3"], "{text}");
            assert_eq!(
                tcp.iter().filter(|t| t.starts_with("SYN")).count(),
                2,
                "{text}"
            );
            // The client's FIN comes after its 3 bytes: sequence number 1 + 3.
            assert!(
                tcp.iter().any(|t| t.starts_with("FIN-ACK seq=4 ")),
                "{text}"
            );
        },
    );
}

#[test]
fn a_datagram_on_loopback_shows_its_header_then_the_port_unreachable_it_causes() {
    where_capture_works(
        "a_datagram_on_loopback_shows_its_header_then_the_port_unreachable_it_causes",
        || {
            let mut loopback = Loopback::open().unwrap();
            let receiver = UdpSocket::bind("127.0.0.1:0").unwrap();
            let to = receiver.local_addr().unwrap();
            let sender = UdpSocket::bind("127.0.0.1:0").unwrap();
            let mut wire = Wire::new(Filter::Ports(vec![to.port()]));
            let header = |seq| datagram::Header::now(seq, Some(2), 0x77);
            sender.send_to(&header(0).datagram(b"one"), to).unwrap();
            let mut buffer = [0u8; 200];
            receiver.recv_from(&mut buffer).unwrap();
            // Nobody listens any more: the kernel answers the next one with ICMP.
            drop(receiver);
            sender.send_to(&header(1).datagram(b"two"), to).unwrap();

            let events = capture_until(&mut loopback, &mut wire, false, |events| events.len() >= 3);
            let text = lines(&events);
            let from = sender.local_addr().unwrap();
            let shown: Vec<String> = events
                .iter()
                .map(|event| {
                    let packet = &event.packet;
                    format!(
                        "{} -> {} {}",
                        packet.source,
                        packet.destination,
                        wire::text::details(packet)
                    )
                })
                .collect();
            let len = header(0).datagram(b"one").len();
            let udp = |seq| format!("{from} -> {to} len={len} SEQ {seq} OF 2");
            assert_eq!(
                shown,
                [
                    udp(0),
                    udp(1),
                    // In the language of the test's run (its locale): `about` in English.
                    format!(
                        "127.0.0.1 -> 127.0.0.1 {}",
                        course::t!(
                            "wire.packet.about",
                            message = "port unreachable",
                            word = "UDP",
                            source = from,
                            destination = to,
                            details = format!("len={len} SEQ 1 OF 2")
                        )
                    ),
                ],
                "{text}"
            );
        },
    );
}

/// A frame is stamped when it crossed loopback (the kernel's time), not when it was read: the
/// datagrams here are read only after the clock was looked at, so a stamp taken at reading
/// would be later than that.
#[test]
fn a_frame_is_stamped_when_it_crossed_loopback_not_when_it_was_read() {
    where_capture_works(
        "a_frame_is_stamped_when_it_crossed_loopback_not_when_it_was_read",
        || {
            let mut loopback = Loopback::open().unwrap();
            let receiver = UdpSocket::bind("127.0.0.1:0").unwrap();
            let to = receiver.local_addr().unwrap();
            let sender = UdpSocket::bind("127.0.0.1:0").unwrap();
            let mut wire = Wire::new(Filter::Ports(vec![to.port()]));
            let before = wire::live::now();
            sender.send_to(b"first", to).unwrap();
            // send_to has returned: the datagram crossed lo before this moment.
            let sent = wire::live::now();
            sender.send_to(b"second", to).unwrap();
            let events = capture_until(&mut loopback, &mut wire, false, |events| events.len() >= 2);
            let read = wire::live::now();
            let text = lines(&events);
            let first = events[0].timestamp;
            assert!(
                before <= first && first <= sent,
                "stamped {first:?}, sent between {before:?} and {sent:?}, read by {read:?}:\n{text}"
            );
            assert!(events[0].timestamp <= events[1].timestamp, "{text}");
        },
    );
}

#[test]
fn wire_live_shows_count_packets_and_writes_them_to_a_pcapng_file() {
    where_capture_works(
        "wire_live_shows_count_packets_and_writes_them_to_a_pcapng_file",
        || {
            // A port with nobody on it: the datagram comes back as ICMP port unreachable.
            let port = testkit::unused_port().to_string();
            // In the temporary folder: an unprivileged user, root only in its namespace, may
            // not write in the target directory.
            let name = format!("wire-live-test-{}.pcapng", std::process::id());
            let saved = std::env::temp_dir().join(name);
            let program = testkit::Program::start(
                env!("CARGO_BIN_EXE_wire"),
                &[
                    "--live",
                    "--port",
                    &port,
                    "--count",
                    "2",
                    "--duration",
                    "10",
                ]
                .iter()
                .copied()
                .chain(["--write", saved.to_str().unwrap()])
                .collect::<Vec<_>>(),
            );
            program.wait_stderr_line(|line| line.starts_with("capture  lo (interface "));
            let sender = UdpSocket::bind("127.0.0.1:0").unwrap();
            sender
                .send_to(b"anyone?", format!("127.0.0.1:{port}"))
                .unwrap();
            let finished = program.finish();
            assert!(finished.status.success(), "{}", finished.stderr);
            assert!(
                finished
                    .stderr
                    .contains("stop     2 packets shown (--count)\n")
            );
            let live = finished.stdout_text();
            let lines: Vec<&str> = live.lines().collect();
            assert_eq!(lines.len(), 2, "{live}");
            assert!(lines[0].starts_with("UDP "), "{live}");
            assert!(lines[0].ends_with(&format!(":{port}  len=7")), "{live}");
            assert!(lines[1].starts_with("ICMP "), "{live}");
            // The file holds the same two packets.
            let read = testkit::run(
                env!("CARGO_BIN_EXE_wire"),
                &[saved.to_str().unwrap(), "--port", &port],
                b"",
            );
            let without_time = |text: &str| -> Vec<String> {
                text.lines()
                    .map(|line| {
                        line.split_whitespace()
                            .skip(2)
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect()
            };
            assert_eq!(
                without_time(&read.stdout_text()),
                without_time(&live),
                "{}",
                read.stderr
            );
            std::fs::remove_file(&saved).unwrap();
        },
    );
}

/// Ctrl-C does not lose the frames already queued: they crossed lo before the stop. wire is
/// held (SIGSTOP) while three datagrams cross lo, so that they wait in its queue; Ctrl-C
/// reaches it before it reads them.
#[test]
fn wire_live_stopped_by_ctrl_c_shows_the_frames_already_queued() {
    where_capture_works(
        "wire_live_stopped_by_ctrl_c_shows_the_frames_already_queued",
        || {
            let receiver = UdpSocket::bind("127.0.0.1:0").unwrap();
            let to = receiver.local_addr().unwrap();
            let port = to.port().to_string();
            let program = testkit::Program::start(
                env!("CARGO_BIN_EXE_wire"),
                &["--live", "--port", &port, "--duration", "20"],
            );
            program.wait_stderr_line(|line| line.starts_with("capture  lo (interface "));
            let pid = program.id().to_string();
            let signal = |name: &str| {
                let sent = Command::new("kill").args([name, &pid]).status().unwrap();
                assert!(sent.success(), "kill {name} {pid}");
            };
            signal("-STOP");
            // Until the kernel has stopped it: state T in /proc/PID/stat.
            let deadline = Instant::now() + DEADLINE;
            while !std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .unwrap()
                .rsplit(')')
                .next()
                .is_some_and(|rest| rest.trim_start().starts_with('T'))
            {
                assert!(Instant::now() < deadline, "wire did not stop");
                thread::yield_now();
            }
            let sender = UdpSocket::bind("127.0.0.1:0").unwrap();
            for text in ["one", "two", "three"] {
                sender.send_to(text.as_bytes(), to).unwrap();
            }
            signal("-INT");
            signal("-CONT");
            let finished = program.finish();
            assert!(finished.status.success(), "{}", finished.stderr);
            assert!(
                finished.stderr.contains("stop     Ctrl-C\n"),
                "{}",
                finished.stderr
            );
            let shown = finished.stdout_text();
            let lengths: Vec<&str> = shown
                .lines()
                .map(|line| line.rsplit(' ').next().unwrap())
                .collect();
            assert_eq!(lengths, ["len=3", "len=3", "len=5"], "{shown}");
        },
    );
}

#[test]
fn without_privilege_live_capture_is_one_error_and_a_hint_that_says_what_to_run() {
    let wire = env!("CARGO_BIN_EXE_wire");
    let as_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout == b"0\n");
    let finished = if Loopback::open().is_err() {
        testkit::run(wire, &["--live", "--count", "1"], b"")
    } else if as_root && Command::new("setpriv").arg("--version").output().is_ok() {
        // As root: the same run as the user nobody, who has no capabilities.
        let args = [
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            wire,
            "--live",
            "--count",
            "1",
        ];
        testkit::run("setpriv", &args, b"")
    } else {
        eprintln!("skipped: this process can capture, and cannot drop to an unprivileged user");
        return;
    };
    let (error, hint) = testkit::assert_error_and_hint(&finished, 1);
    assert!(
        error.contains("opening a packet socket (AF_PACKET) to capture on lo"),
        "{error}"
    );
    assert!(hint.contains("sudo target/debug/wire --live"), "{hint}");
    assert!(hint.contains("setcap cap_net_raw=ep"), "{hint}");
    assert!(!finished.stderr.contains("summary"), "{}", finished.stderr);
}
