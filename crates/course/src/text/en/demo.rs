//! demo: the classroom demos (crates/demo).

pub const PART: crate::text::Part = &[
    // --help
    (
        "demo.about",
        "A lesson's programs, run together: their whole conversation in one terminal, each line tagged with who said it, in the order the lines arrived.",
    ),
    (
        "demo.after-help",
        "Each line starts with who said it. After `|`: narration, the socket calls the program made (its stderr). After `>`: data (its stdout).\n\nExamples:\n  cargo run -p demo -- tcp                 # the server and two clients\n  cargo run -p demo -- udp --reorder 0.2   # sender -> relay -> receiver\n  cargo run -p demo -- multicast           # one sender, three listeners\n  cargo run -p demo -- tcp --port 0        # any free port\n  sudo target/debug/demo tcp --wire        # and the packets (Linux)",
    ),
    (
        "demo.tcp.about",
        "tcp-echo-server and two tcp-clients, connected at the same time, on one port.",
    ),
    (
        "demo.tcp.arg.port",
        "The server's TCP port (0: let the OS pick a free one; the clients follow).",
    ),
    (
        "demo.tcp.arg.interactive",
        "Type client 1's lines yourself (client 2 sends its line by itself); Ctrl-D ends (Ctrl-Z then Enter on Windows).",
    ),
    (
        "demo.tcp.arg.wire",
        "Also show every packet to or from the server's port, captured live on loopback, among the lines in time order (Linux; needs root or CAP_NET_RAW).",
    ),
    (
        "demo.tcp.arg.tmux",
        "One tmux pane per program instead of one tagged conversation (where tmux is installed; needs a terminal). In the panes the programs run as you would run them by hand.",
    ),
    (
        "demo.udp.about",
        "udp-sender -> udp-relay (seeded loss) -> udp-receiver, and the two scores compared.",
    ),
    (
        "demo.udp.arg.port",
        "The receiver's UDP port (0: let the OS pick every port, the relay's too).",
    ),
    (
        "demo.udp.arg.relay_port",
        "The relay's UDP port (default: 7881, or 0 with --port 0).",
    ),
    (
        "demo.udp.arg.count",
        "How many numbered datagrams the sender sends (1 to 10,000).",
    ),
    (
        "demo.udp.arg.rate",
        "Datagrams per second (0: as fast as possible).",
    ),
    (
        "demo.udp.arg.loss",
        "The relay loses each datagram with this probability (0 to 1).",
    ),
    (
        "demo.udp.arg.duplicate",
        "The relay sends a datagram twice with this probability.",
    ),
    (
        "demo.udp.arg.reorder",
        "The relay holds a datagram back behind the next with this probability.",
    ),
    (
        "demo.udp.arg.delay",
        "The relay delays every datagram by this many milliseconds (0 to 10,000).",
    ),
    (
        "demo.udp.arg.seed",
        "The relay's random seed: the same seed loses the same datagrams on every machine.",
    ),
    (
        "demo.udp.arg.idle_timeout",
        "Receiver and relay stop, and print their scores, after this long without a datagram.",
    ),
    (
        "demo.udp.arg.tmux",
        "One tmux pane per program instead of one tagged conversation (where tmux is installed; needs a terminal). In the panes the programs run as you would run them by hand.",
    ),
    (
        "demo.multicast.about",
        "Three multicast-listeners in one group, one multicast-sender, all on 127.0.0.1.",
    ),
    (
        "demo.multicast.arg.port",
        "The group's UDP port (0: the first listener lets the OS pick one, the others join it).",
    ),
    (
        "demo.multicast.arg.listeners",
        "How many listeners join the group (1 to 9).",
    ),
    (
        "demo.multicast.arg.count",
        "How many datagrams the sender sends to the group (1 to 10,000).",
    ),
    (
        "demo.multicast.arg.rate",
        "Datagrams per second (0: as fast as possible).",
    ),
    (
        "demo.multicast.arg.tmux",
        "One tmux pane per program instead of one tagged conversation (where tmux is installed; needs a terminal). In the panes the programs run as you would run them by hand.",
    ),
    (
        "demo.probability",
        "{value} is not a probability: a number from 0 to 1, such as 0.2",
    ),
    // Who said it: the column of names. The wire's speaker keeps its program's name.
    ("demo.who.server", "server"),
    ("demo.who.client", "client {number}"),
    ("demo.who.receiver", "receiver"),
    ("demo.who.relay", "relay"),
    ("demo.who.sender", "sender"),
    ("demo.who.listener", "listener {number}"),
    // The first column of the demo's own lines (at most 8 characters). `close` is the call.
    ("demo.label.lesson", "lesson"),
    ("demo.label.build", "build"),
    ("demo.label.legend", "legend"),
    ("demo.label.start", "start"),
    ("demo.label.type", "type"),
    ("demo.label.stop", "stop"),
    ("demo.label.end", "end"),
    ("demo.label.compare", "compare"),
    ("demo.label.count", "count"),
    ("demo.label.capture", "capture"),
    // The demo's lines.
    (
        "demo.lesson.default",
        "none given: tcp (the others: udp, multicast)",
    ),
    ("demo.no-default-lesson", "no default lesson"),
    (
        "demo.legend",
        "each line: who said it, then | and its narration (stderr), or > and its data (stdout)",
    ),
    ("demo.build.own-exe", "finding the demo's own executable"),
    (
        "demo.build.no-dir",
        "the demo's executable has no directory",
    ),
    (
        "demo.build.not-by-cargo",
        "not started by cargo: using the programs in {dir}",
    ),
    ("demo.build.building", "{packages} (cargo build --quiet)"),
    ("demo.build.running", "running {cargo}"),
    (
        "demo.build.running.hint",
        "the demo builds the lesson's programs with cargo: run it with cargo run -p demo",
    ),
    ("demo.build.failed", "cargo build failed ({status})"),
    (
        "demo.build.failed.hint",
        "cargo's messages above say why; try it alone: cargo build {packages}",
    ),
    ("demo.program.missing", "{path} does not exist"),
    (
        "demo.program.missing.hint",
        "run the demo with cargo, which builds it first: cargo run -p demo; or build it yourself: cargo build -p {package}",
    ),
    ("demo.start", "{name}: {command} (pid {pid})"),
    ("demo.start.failed", "starting {name}: {path}"),
    (
        "demo.start.not-built",
        "the program is not built: run the demo with cargo, which builds it: cargo run -p demo -- {lesson}",
    ),
    (
        "demo.start.not-executable",
        "the file is not executable: rebuild it with cargo build",
    ),
    (
        "demo.start.refused",
        "the OS refused to start it: the message above says why",
    ),
    (
        "demo.thread.output",
        "starting a thread to read a program's output",
    ),
    (
        "demo.thread.terminal",
        "starting a thread to read the terminal",
    ),
    ("demo.interrupted", "stopped by Ctrl-C"),
    // What the demo waits for (the end of "... ended without X", "... did not show X").
    ("demo.waiting.bind", "its bind line"),
    ("demo.waiting.connect", "its connect line"),
    ("demo.waiting.join", "its join line"),
    ("demo.waiting.accept", "accept #{number}"),
    ("demo.waiting.close", "close #{number}"),
    ("demo.waiting.echo", "the echo"),
    ("demo.waiting.end", "the end of {names}"),
    ("demo.waiting.typed", "a line typed for the demo"),
    ("demo.wait.ended", "{name} ended without {what}"),
    (
        "demo.wait.too-long",
        "{name} did not show {what} within {seconds} s",
    ),
    (
        "demo.wait.too-long.hint",
        "the machine may be very busy, or {name} is stuck: its lines above show how far it got",
    ),
    ("demo.end.too-long", "{name} did not end within {seconds} s"),
    (
        "demo.end.too-long.hint",
        "{name} is stuck or the machine is very busy: its lines above show how far it got",
    ),
    ("demo.input.none", "{name} has no input pipe"),
    ("demo.input.writing", "writing to {name}'s input"),
    (
        "demo.input.writing.hint",
        "{name} stopped reading its input: its lines above say why",
    ),
    ("demo.stop", "{name}: {why}"),
    ("demo.stop.ctrl-c", "Ctrl-C: every program stops"),
    (
        "demo.stop.still-running",
        "still running: ended by the demo",
    ),
    ("demo.end", "{name} ended ({how})"),
    ("demo.end.unknown", "unknown ({error})"),
    ("demo.ended", "{name} ({command}) ended ({how})"),
    (
        "demo.ended.while",
        "{name} ({command}) ended ({how}) while the demo waited for {what}",
    ),
    (
        "demo.ended.port-in-use",
        "port {port} is in use by another program: stop that program, or let the OS pick a free port: cargo run -p demo -- {lesson} --port 0",
    ),
    (
        "demo.ended.see-above",
        "{name}'s own error and hint are above, in its lines",
    ),
    // The TCP lesson.
    (
        "demo.tcp.no-local-address",
        "the server's accept line names no local address: {line}",
    ),
    (
        "demo.tcp.yours",
        "{name}'s lines are yours: type one and press Enter; Ctrl-D ends (Ctrl-Z then Enter on Windows)",
    ),
    ("demo.tcp.typed", "{line} into {name}"),
    (
        "demo.tcp.close",
        "{name}'s input (end of file): it shuts down its sending side",
    ),
    (
        "demo.tcp.stop",
        "the demo ends it, as Ctrl-C in its terminal would",
    ),
    (
        "demo.tcp.one-port",
        "2 clients connected at the same time, both accepted on {listening}, the listener's own address and port: no new port per client",
    ),
    (
        "demo.tcp.other-ports",
        "the listener is {listening}; the connections were accepted on {ports}",
    ),
    // The UDP lesson.
    (
        "demo.no-address",
        "{name}'s bind line names no address: {line}",
    ),
    (
        "demo.udp.no-expectation",
        "the relay printed no expected score (no `expect` line with a run)",
    ),
    (
        "demo.udp.no-expectation.hint",
        "did the sender's datagrams reach the relay? the relay's lines above say",
    ),
    ("demo.udp.nothing", "nothing for this run"),
    // Both lines the same width before the score, so that the two scores stand one above
    // the other.
    ("demo.udp.expected", "relay expected:    {score}"),
    ("demo.udp.reported", "receiver reported: {score}"),
    (
        "demo.udp.agree",
        "they agree: the receiver counted exactly what the relay did to the datagrams",
    ),
    ("demo.udp.differ", "they differ!"),
    (
        "demo.udp.differ.error",
        "the receiver's score is not the one the relay expected",
    ),
    (
        "demo.udp.differ.hint",
        "did another program send to the receiver's port {port}? run the demo again with --port 0 (ports no other program uses)",
    ),
    // The multicast lesson.
    (
        "demo.multicast.count",
        "{name}: {received} of the sender's {count} datagrams",
    ),
    (
        "demo.multicast.all",
        "each of the {members} listeners received all {count} datagrams of the one sender",
    ),
    ("demo.multicast.missed", "{names} missed datagrams"),
    (
        "demo.multicast.missed.error",
        "{missed} of {members} listeners did not receive every datagram",
    ),
    (
        "demo.multicast.missed.hint",
        "multicast is not reliable: a busy machine drops datagrams when a receive buffer is full; try a lower --rate",
    ),
    // --tmux
    ("demo.tmux.type-here", "{name}: type here"),
    ("demo.tmux.and-here", "{name}: and here"),
    ("demo.tmux.windows", "tmux does not run on Windows"),
    (
        "demo.tmux.windows.hint",
        "the demo shows every program in this terminal without --tmux: {without}",
    ),
    ("demo.tmux.missing", "tmux is not installed"),
    (
        "demo.tmux.missing.hint",
        "install it (Debian, Ubuntu: sudo apt install tmux; macOS: brew install tmux), or run the demo without --tmux: {without}",
    ),
    ("demo.tmux.no-terminal", "--tmux needs a terminal"),
    (
        "demo.tmux.no-terminal.hint",
        "run it in a terminal, or without --tmux: {without}",
    ),
    ("demo.tmux.status", " C-b d: end the demo "),
    ("demo.tmux.pane-says", "its pane says why"),
    (
        "demo.tmux.no-line",
        "{title} showed no `{call}` line within {seconds} s",
    ),
    (
        "demo.tmux.no-address",
        "{title}'s {call} line names no address: {line}",
    ),
    (
        "demo.tmux.session",
        "session {name}; close it with: tmux kill-session -t {name}",
    ),
    ("demo.tmux.running", "running tmux {args}"),
    ("demo.tmux.failed", "tmux {command} failed: {error}"),
    (
        "demo.tmux.attach-failed",
        "tmux attach-session failed ({status})",
    ),
    // --wire
    (
        "demo.wire.linux-only",
        "--wire captures live on Linux only (a packet socket)",
    ),
    (
        "demo.wire.linux-only.hint",
        "capture with Wireshark (Windows: Npcap's loopback adapter; macOS: lo0) while the demo runs, save it as pcap, then read it: cargo run -p wire -- capture.pcap",
    ),
    (
        "demo.wire.capture",
        "lo (interface {index}): each packet to or from port {port} is a line of `wire`, among the others in the order they were seen",
    ),
    ("demo.wire.thread", "starting the capture thread"),
    ("demo.wire.failed", "the capture failed: {error}"),
    (
        "demo.wire.not-opened",
        "the packet socket could not be opened: the message says why; without --wire the demo runs as usual",
    ),
    (
        "demo.wire.needs-root",
        "capturing needs root or CAP_NET_RAW: run `sudo {demo} {args}`, or give the demo the capability once per build, `sudo setcap cap_net_raw=ep {demo}`, then `{demo} {args}`",
    ),
    (
        "demo.wire.namespace",
        ", or without sudo in a user and network namespace with a loopback of its own: `unshare --user --map-root-user --net sh -c 'ip link set lo up && {demo} {args}'`",
    ),
    (
        "demo.wire.no-namespace",
        " (this system forbids unprivileged user namespaces: unshare will not do)",
    ),
];
