//! multicast-listener: its help, its narration, its errors and hints.

pub const PART: crate::text::Part = &[
    (
        "multicast-listener.about",
        "Joins a multicast group and prints every datagram sent to it, with the sender's sequence score. Run several: each one gets its own copy of every datagram",
    ),
    (
        "multicast-listener.after-help",
        "Example, on one machine (three listeners, one sender):
  cargo run -p multicast-listener        # in terminals 1, 2 and 3
  cargo run -p multicast-sender          # in terminal 4

IPv6 (Linux loopback carries no IPv6 multicast: use a real interface and its number from `ip link`, or see it on this machine with `sudo scripts/lab-multicast-netns`):
  cargo run -p multicast-listener -- --group ff02::7880 --interface-index 2
  cargo run -p multicast-sender -- --group ff02::7880 --interface-index 2",
    ),
    (
        "multicast-listener.arg.group",
        "The group to join: IPv4 224.0.0.0 to 239.255.255.255, or IPv6 ff00::/8",
    ),
    (
        "multicast-listener.arg.port",
        "The UDP port the group's datagrams are sent to",
    ),
    (
        "multicast-listener.arg.interface",
        "IPv4 groups: the address of the interface to join on. 127.0.0.1 (loopback) keeps everything on this machine; 0.0.0.0 lets the OS choose (the interface of the route)",
    ),
    (
        "multicast-listener.arg.interface_index",
        "IPv6 groups: the number of the interface to join on (`ip link` on Linux, `netsh interface ipv6 show interfaces` on Windows, `ifconfig` on macOS); 0 lets the OS choose (Linux, Windows; macOS refuses it)",
    ),
    (
        "multicast-listener.arg.count",
        "Stop after this many datagrams",
    ),
    (
        "multicast-listener.arg.idle_timeout",
        "Stop when nothing arrives for this many seconds",
    ),
    // The first column of the narration, for lines that are not socket calls (at most 8
    // characters).
    ("multicast-listener.label.option", "option"),
    ("multicast-listener.label.warning", "warning"),
    ("multicast-listener.label.doubt", "doubt"),
    ("multicast-listener.label.stop", "stop"),
    ("multicast-listener.label.summary", "summary"),
    ("multicast-listener.label.note", "note"),
    // The socket, its port and the group.
    ("multicast-listener.creating", "creating a UDP socket"),
    ("multicast-listener.setting", "setting {option}"),
    ("multicast-listener.binding", "binding {address}"),
    ("multicast-listener.reading-bound", "reading the bound address"),
    (
        "multicast-listener.bound",
        "{local} (UDP, wildcard address; SO_REUSEADDR{reuse_port}: other listeners may share port {port})",
    ),
    (
        "multicast-listener.joining-v4",
        "joining group {group} on interface {interface}",
    ),
    (
        "multicast-listener.joining-v6",
        "joining group {group} on interface index {index}",
    ),
    (
        "multicast-listener.member",
        "group {group} on interface {interface}",
    ),
    ("multicast-listener.turning-off", "turning {option} off"),
    (
        "multicast-listener.multicast-all-off",
        "{option} off: only the groups this socket joined (Linux)",
    ),
    // Receiving.
    ("multicast-listener.setting-timeout", "setting a read timeout"),
    (
        "multicast-listener.waiting",
        "waiting for datagrams to {group} port {port}; Ctrl-C to stop",
    ),
    ("multicast-listener.receiving", "receiving on {local}"),
    ("multicast-listener.stdout-closed", "stdout closed"),
    ("multicast-listener.leaving", "leaving group {group}"),
    // Hints.
    (
        "multicast-listener.port-holder",
        "a udp-receiver, which does not share its port (SO_REUSEADDR)",
    ),
    (
        "multicast-listener.bind-hint",
        "the listener binds the wildcard address {address} with the group's port: check --port",
    ),
    (
        "multicast-listener.not-this-machine",
        "{interface} is not an address of this machine",
    ),
    (
        "multicast-listener.no-route",
        "with 0.0.0.0 the OS picks the interface of the route to the group, and there is none",
    ),
    (
        "multicast-listener.no-such-interface",
        "no multicast-capable interface has the address {interface}",
    ),
    (
        "multicast-listener.join-hint-v4",
        "{problem}; use --interface 127.0.0.1 to stay on this machine, or the address of a real interface (`ip -br addr`, `ifconfig`, `ipconfig`) on both programs",
    ),
    (
        "multicast-listener.index-0-hint",
        "0 asks the OS to choose the interface, which macOS refuses: give the number of a real interface (`ifconfig` on macOS shows it as scopeid, 0x6 is 6; `ip link` on Linux; `netsh interface ipv6 show interfaces` on Windows)",
    ),
    (
        "multicast-listener.join-hint-v6",
        "interface {index} cannot join IPv6 groups here; pick the number of an interface that is up and has the MULTICAST flag (`ip link`); Linux loopback (lo) carries no IPv6 multicast",
    ),
    (
        "multicast-listener.nothing-heard",
        "nothing arrived. Joined on the loopback interface ({address}), this listener hears only senders on this machine; to hear other machines, join on this machine's network address: --interface <LAN address> (`ip -br addr`, `ifconfig`, `ipconfig`), with the sender on its own address",
    ),
];
