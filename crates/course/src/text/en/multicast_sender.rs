//! multicast-sender: its help, its narration, its errors and hints.

pub const PART: crate::text::Part = &[
    (
        "multicast-sender.about",
        "Sends numbered datagrams to a multicast group: every listener that joined it gets a copy",
    ),
    (
        "multicast-sender.after-help",
        "Example, on one machine (three listeners, one sender):
  cargo run -p multicast-listener        # in terminals 1, 2 and 3
  cargo run -p multicast-sender          # in terminal 4
  cargo run -p multicast-sender -- --message \"hello, group\"

IPv6 (Linux loopback carries no IPv6 multicast: use a real interface and its number from `ip link`, or see it on this machine with `sudo scripts/lab-multicast-netns`):
  cargo run -p multicast-listener -- --group ff02::7880 --interface-index 2
  cargo run -p multicast-sender -- --group ff02::7880 --interface-index 2",
    ),
    (
        "multicast-sender.arg.group",
        "The group to send to: IPv4 224.0.0.0 to 239.255.255.255, or IPv6 ff00::/8",
    ),
    (
        "multicast-sender.arg.port",
        "The UDP port the listeners bound",
    ),
    (
        "multicast-sender.arg.interface",
        "IPv4 groups: the address of the interface the datagrams leave by. 127.0.0.1 (loopback) keeps them on this machine; 0.0.0.0 lets the OS choose (the route to the group)",
    ),
    (
        "multicast-sender.arg.interface_index",
        "IPv6 groups: the number of the interface the datagrams leave by (`ip link` on Linux)",
    ),
    (
        "multicast-sender.arg.ttl",
        "Time to live (IPv6: hop limit): each router takes 1 off and forwards only what stays above 0. 1 crosses no router (this link only), N crosses up to N-1; 0 stays on this host",
    ),
    (
        "multicast-sender.arg.no_loop",
        "Turn IP_MULTICAST_LOOP off: this machine's listeners get no copy of what leaves by a real interface (Linux, macOS; Windows reads the option on the receiving socket)",
    ),
    (
        "multicast-sender.arg.count",
        "How many datagrams to send (default 10; 1 with --message; with --stdin, stop after this many lines)",
    ),
    (
        "multicast-sender.arg.rate",
        "Datagrams per second; 0 sends as fast as possible",
    ),
    (
        "multicast-sender.arg.size",
        "The size of each datagram in bytes (header included), filled with readable text",
    ),
    (
        "multicast-sender.arg.message",
        "Send this text, after the numbering header",
    ),
    (
        "multicast-sender.arg.stdin",
        "Send each line read from stdin as one datagram (type lines, end with Ctrl-D)",
    ),
    // The first column of the narration, for lines that are not socket calls (at most 8
    // characters).
    ("multicast-sender.label.option", "option"),
    ("multicast-sender.label.warning", "warning"),
    ("multicast-sender.label.note", "note"),
    ("multicast-sender.label.done", "done"),
    // The socket and its options.
    ("multicast-sender.creating", "creating a UDP socket"),
    ("multicast-sender.binding", "binding {address}"),
    ("multicast-sender.reading-bound", "reading the bound address"),
    (
        "multicast-sender.bound",
        "{local} (UDP socket that sends to group {group})",
    ),
    (
        "multicast-sender.choosing-interface",
        "choosing interface {address} for multicast",
    ),
    (
        "multicast-sender.choosing-index",
        "choosing interface index {index} for multicast",
    ),
    (
        "multicast-sender.index-hint",
        "pick the number of an interface that is up (`ip link`)",
    ),
    ("multicast-sender.setting", "setting {option}"),
    ("multicast-sender.reading", "reading {option}"),
    (
        "multicast-sender.option-if-v4",
        "IP_MULTICAST_IF {address}: datagrams to {group} leave through this interface",
    ),
    (
        "multicast-sender.option-if-v6",
        "IPV6_MULTICAST_IF {index}: datagrams to {group} leave through interface {index}",
    ),
    (
        "multicast-sender.option-ttl",
        "{option} {ttl}, read back from the socket ({name} {ttl}: {meaning})",
    ),
    ("multicast-sender.hop-limit", "hop limit"),
    (
        "multicast-sender.ttl-0",
        "it does not even leave this host",
    ),
    (
        "multicast-sender.ttl-1",
        "routers do not forward it; it stays on this link",
    ),
    (
        "multicast-sender.ttl-n",
        "up to {routers} routers may forward it, if they route multicast",
    ),
    (
        "multicast-sender.loop-on",
        "on: listeners on this machine get a copy too",
    ),
    (
        "multicast-sender.loop-off",
        "off: listeners on this machine get no copy",
    ),
    (
        "multicast-sender.loop-off-windows",
        "off: Windows reads this option on receiving sockets only, so listeners on this machine still get a copy",
    ),
    (
        "multicast-sender.loop-note-linux",
        "but the datagrams leave by the loopback interface, whose wire ends on this machine: Linux delivers them to the listeners joined there all the same. The option matters on a real interface (see scripts/lab-multicast-netns)",
    ),
    // Sending.
    (
        "multicast-sender.stdin",
        "each line you type is one datagram; end with Ctrl-D (Ctrl-Z then Enter on Windows)",
    ),
    ("multicast-sender.reading-stdin", "reading stdin"),
    ("multicast-sender.size-fits", "use --size {max} or less"),
    (
        "multicast-sender.line-fits",
        "send a shorter message or line",
    ),
    (
        "multicast-sender.sending",
        "sending {bytes} bytes to {group} from {local}",
    ),
    (
        "multicast-sender.sent",
        "{seq}({sent} bytes) to {group} from {local}",
    ),
    (
        "multicast-sender.rest-quiet",
        "... (the rest without narration: --rate 0)",
    ),
    (
        "multicast-sender.done",
        "{datagrams}, {bytes} bytes sent to {group} in {seconds} s. Multicast has no acknowledgement: the sender cannot tell who, if anyone, received them",
    ),
    // Hints.
    (
        "multicast-sender.interface-hint",
        "{address} must be an address of this machine: use --interface 127.0.0.1 to stay on this machine, or the address of a real interface (`ip -br addr`, `ifconfig`, `ipconfig`)",
    ),
    (
        "multicast-sender.ipv6-bind-hint",
        "check that IPv6 is enabled on this machine",
    ),
    (
        "multicast-sender.no-route-hint",
        "no route for multicast through that interface: use --interface 127.0.0.1 to stay on this machine, or the address of an interface that is up",
    ),
    (
        "multicast-sender.no-listener-yet-hint",
        "no program on this machine has joined {group} on the loopback interface yet, and Windows sends nothing there until one has: start the listeners first (cargo run -p multicast-listener), then the sender",
    ),
    (
        "multicast-sender.send-hint",
        "check --interface (127.0.0.1 stays on this machine) and --group {group}",
    ),
];
