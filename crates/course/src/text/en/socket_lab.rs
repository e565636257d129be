//! socket-lab: measure it yourself (crates/socket-lab). The names of the measurements
//! (`TCP 32 B, same echo thread as UDP`) are the same in every language: the CSV's data, and
//! the book cites them as code. Their notes, the table's headings and the answer are translated.

pub const PART: crate::text::Part = &[
    // --help
    (
        "socket-lab.about",
        "Measure it yourself: latency, throughput and loss of TCP and UDP on loopback, in one run.",
    ),
    (
        "socket-lab.after-help",
        "Example: cargo run --release -p socket-lab   (every part, about a minute; under cargo it builds tcp-echo-server beside it first)\n         cargo run --release -p socket-lab -- latency --quick",
    ),
    (
        "socket-lab.arg.mode",
        "Which part to measure (default: all):\n  all: every part below, once (concurrency at 1,000 clients)\n  latency: small-message round trips: TCP with and without TCP_NODELAY, the delayed-ACK stall, UDP\n  throughput: bulk TCP: one way, and echoed through tcp-echo-server (and socat, iperf3 as references)\n  udp: UDP rate and loss at 64 B to 65,507 B, and what a connected socket and sendmmsg save\n  setup: what a TCP connection costs before its first byte, against a UDP first exchange\n  concurrency: the largest number of clients tcp-echo-server holds at once\n  chart: redraw the SVG chart from the CSV of an earlier run (no measurement)\n  report: print the table and the answer of an earlier run from its CSV, in the language of this run (no measurement)",
    ),
    (
        "socket-lab.arg.quick",
        "A short run (a few seconds): fewer round trips, shorter bursts, fewer clients.",
    ),
    (
        "socket-lab.arg.csv",
        "Where to write the results as CSV (`chart` and `report` read it).",
    ),
    (
        "socket-lab.arg.svg",
        "Where to write the chart (default: the CSV path with .svg).",
    ),
    (
        "socket-lab.arg.server",
        "An echo server to measure (default: tcp-echo-server, next to this program). The lab starts it with `--bind 127.0.0.1 --port 0` and reads the address it bound from its first stderr line. Give it several times to compare servers in one run; the concurrency part uses the first.",
    ),
    (
        "socket-lab.arg.size",
        "Size of the small messages, in bytes (1 to 65,507: they also travel as one datagram).",
    ),
    (
        "socket-lab.arg.clients",
        "Concurrent clients: the one count to try, 1 to 20,000 (default: 1,000 in `all`, the search in `concurrency`).",
    ),
    (
        "socket-lab.arg.max_clients_search",
        "In `all`, also search for the largest number of clients the server holds (what `concurrency` does): 1,000, 2,000, 5,000, 10,000, stopping at the first count with an error (up to about seven minutes on two cores).",
    ),
    (
        "socket-lab.arg.no_peers",
        "Do not run iperf3 and socat even when installed.",
    ),
    (
        "socket-lab.clients",
        "{value} is not a number of clients from 1 to {max} (each client is a thread and a connection)",
    ),
    // The first column of the narration (at most 8 characters). `write` is the call.
    ("socket-lab.label.note", "note"),
    ("socket-lab.label.limit", "limit"),
    ("socket-lab.label.skip", "skip"),
    ("socket-lab.label.measure", "measure"),
    // The narration and the progress line.
    (
        "socket-lab.debug-build",
        "a debug build: every figure is several times slower than in release mode (cargo run --release -p socket-lab)",
    ),
    (
        "socket-lab.limit-raised",
        "open files: raised from {before} to {after} (each client of the concurrency part is an open file here and one in the server)",
    ),
    ("socket-lab.wrote", "{csv} and {svg}"),
    ("socket-lab.starting-socat", "starting socat echo"),
    ("socket-lab.starting", "starting {path}"),
    (
        "socket-lab.no-peers",
        "iperf3 or socat not installed (or --no-peers): no reference figures from them (Debian, Ubuntu: scripts/install-tools --install iperf3 socat; macOS: brew install iperf3 socat)",
    ),
    (
        "socket-lab.no-server",
        "tcp-echo-server not found next to socket-lab: measuring the lab's own echo thread instead (build it: cargo build --release -p tcp-echo-server)",
    ),
    ("socket-lab.did-not-start", "{path} did not start: {error}"),
    (
        "socket-lab.building",
        "building {name} (cargo build --quiet -p {name})",
    ),
    (
        "socket-lab.build-failed",
        "cargo could not build {name} (its messages are above); try: cargo build --release -p {name}",
    ),
    (
        "socket-lab.silent-peer",
        "{name} did not say where it listens within {timeout}; it printed: {seen}",
    ),
    (
        "socket-lab.progress.latency",
        "latency: {size} B round trips, TCP and UDP taking turns, round {round} of {rounds}",
    ),
    ("socket-lab.progress.part", "{part}: {name}"),
    (
        "socket-lab.progress.round",
        "{part}: {name} (round {round} of {rounds})",
    ),
    (
        "socket-lab.progress.iperf3-tcp",
        "throughput: iperf3 TCP, one stream, one way (round {round} of {rounds})",
    ),
    (
        "socket-lab.progress.setup",
        "setup: new TCP connections and new UDP sockets, round {round} of {rounds}",
    ),
    (
        "socket-lab.progress.crowd",
        "concurrency: {name}: {connected} connected, {round_trips} round trips",
    ),
    ("socket-lab.failed", "{name} failed: {error}"),
    (
        "socket-lab.iperf3-tcp-silent",
        "iperf3 TCP did not report a result",
    ),
    (
        "socket-lab.iperf3-udp-silent",
        "iperf3 UDP did not report a result",
    ),
    (
        "socket-lab.no-sendmmsg",
        "sendmmsg: Linux only, not measured on this system",
    ),
    (
        "socket-lab.over-limit",
        "{clients} clients: over the open files limit ({limit}), which the lab raised as far as the hard limit allows (only the administrator can raise that)",
    ),
    ("socket-lab.out-of-time", "concurrency search: out of time"),
    // Errors.
    ("socket-lab.reading", "reading {path}"),
    (
        "socket-lab.no-csv",
        "{mode} reads the CSV of an earlier run: measure first (cargo run --release -p socket-lab writes {csv}), or give --csv the CSV of that run",
    ),
    (
        "socket-lab.give-csv",
        "give --csv a CSV file written by socket-lab (cargo run --release -p socket-lab writes one)",
    ),
    ("socket-lab.no-rows", "{path} has no rows of measurements"),
    ("socket-lab.creating", "creating {path}"),
    ("socket-lab.writing", "writing {path}"),
    ("socket-lab.binding", "binding {address}"),
    ("socket-lab.connecting", "connecting to {address}"),
    ("socket-lab.reading-echo", "reading the echo from {address}"),
    ("socket-lab.reading-first-echo", "reading the first echo"),
    ("socket-lab.reading-bulk-echo", "reading the bulk echo"),
    (
        "socket-lab.bulk-echo-closed",
        "the server closed the connection during the bulk echo",
    ),
    ("socket-lab.writing-bulk", "writing the bulk data"),
    ("socket-lab.writing-sink", "writing to the sink"),
    ("socket-lab.reading-sink", "reading in the sink"),
    ("socket-lab.thread-panicked", "the {thread} thread panicked"),
    ("socket-lab.sending-request", "sending a request"),
    ("socket-lab.receiving-reply", "receiving a reply"),
    (
        "socket-lab.spawning-client",
        "spawning a client thread: {error}",
    ),
    (
        "socket-lab.still-running",
        "{missing} clients still running after {budget}",
    ),
    (
        "socket-lab.not-all-connected",
        "not every client connected within the budget",
    ),
    ("socket-lab.ran-out-of-time", "ran out of time"),
    ("socket-lab.sendmmsg-nothing", "sendmmsg sent nothing"),
    ("socket-lab.sendmmsg-linux", "sendmmsg is Linux only"),
    // The table (stdout): its headings, and its sections.
    ("socket-lab.column.measurement", "measurement"),
    ("socket-lab.column.count", "count"),
    ("socket-lab.column.p50", "p50 µs"),
    ("socket-lab.column.p99", "p99 µs"),
    ("socket-lab.column.per-second", "per s"),
    ("socket-lab.column.mb-per-second", "MB/s"),
    ("socket-lab.column.loss", "loss %"),
    ("socket-lab.column.note", "note"),
    ("socket-lab.section.run", "run"),
    ("socket-lab.section.latency", "latency"),
    ("socket-lab.section.throughput", "throughput"),
    ("socket-lab.section.udp", "udp"),
    ("socket-lab.section.sending", "sending"),
    ("socket-lab.section.setup", "setup"),
    ("socket-lab.section.concurrency", "concurrency"),
    // The notes of the rows. The CSV keeps them in English (data); the table and the chart
    // show them in the language of the run, piece by piece (pieces are joined with "; ").
    (
        "socket-lab.note.stall",
        "delayed-ACK stall: Nagle holds the 2nd write, the server delays its ACK",
    ),
    ("socket-lab.note.one-way", "128 KiB writes, one connection"),
    ("socket-lab.note.echoed", "payload echoed back"),
    ("socket-lab.note.twice", "every byte crosses loopback twice"),
    (
        "socket-lab.note.iperf3-tcp",
        "iperf3 -c 127.0.0.1, a tool built for measuring (one stream, one way)",
    ),
    (
        "socket-lab.note.iperf3-udp",
        "a tool built for measuring: one send per datagram, connected, to its reader",
    ),
    (
        "socket-lab.note.blast",
        "received {rate}/s, {nanos} ns per datagram sent, SO_RCVBUF {buffer} B",
    ),
    ("socket-lab.note.send-errors", "{count} send errors"),
    ("socket-lab.note.errors", "{count} errors"),
    (
        "socket-lab.note.errors-first",
        "{count} errors (first: {error})",
    ),
    ("socket-lab.note.handshake", "the three-way handshake"),
    (
        "socket-lab.note.no-handshake",
        "no handshake: the first datagram is the request",
    ),
    ("socket-lab.note.median", "median of {runs}"),
    (
        "socket-lab.note.machine",
        "{load} (1, 5, 15 min), {cpus} CPUs, open files limit {limit}",
    ),
    (
        "socket-lab.note.machine-no-limit",
        "{load} (1, 5, 15 min), {cpus} CPUs, no open files limit",
    ),
    (
        "socket-lab.note.machine-no-load",
        "unknown load, {cpus} CPUs, open files limit {limit}",
    ),
    (
        "socket-lab.note.machine-nothing",
        "unknown load, {cpus} CPUs, no open files limit",
    ),
    // The chart (SVG).
    (
        "socket-lab.chart.latency",
        "Round-trip latency, p50 (log scale; shorter is better)",
    ),
    (
        "socket-lab.chart.setup",
        "Connection setup, p50 (log scale; shorter is better)",
    ),
    (
        "socket-lab.chart.throughput",
        "Bulk throughput, payload MB/s (longer is better)",
    ),
    (
        "socket-lab.chart.udp-bytes",
        "UDP: payload MB/s received (log scale; longer is better)",
    ),
    (
        "socket-lab.chart.udp-rate",
        "UDP: datagrams sent per second (longer is better)",
    ),
    (
        "socket-lab.chart.sending",
        "Sending 64-byte datagrams: sent per second, by call (longer is better)",
    ),
    ("socket-lab.chart.loss", "{figure}, loss {loss}%"),
    // The answer (stdout).
    (
        "socket-lab.answer.title",
        "== Is UDP much faster than TCP? (from this run)",
    ),
    (
        "socket-lab.answer.small",
        "- One small request/response: UDP {udp} µs, TCP {tcp} µs (p50, the same echo thread answering both in turn): {comparison}. Both cost a couple of system calls and two thread wake-ups; TCP's extra bookkeeping per segment (sequence numbers, ACKs) is small.",
    ),
    (
        "socket-lab.answer.stall",
        "- Writing one request in two pieces with Nagle on: {stall} µs per round trip, the delayed-ACK stall. That is the program's doing, not TCP's speed: one write per message, or TCP_NODELAY, removes it.",
    ),
    (
        "socket-lab.answer.first",
        "- A first exchange with a new peer: TCP {tcp} µs (handshake, accept, one round trip), UDP {udp} µs: {comparison}. Over a real network the handshake adds a whole network round trip (milliseconds), which is where UDP's advantage is real.",
    ),
    (
        "socket-lab.answer.moving",
        "- Moving data: one TCP connection delivered {tcp} MB/s. UDP delivered {big} MB/s with 65,507-byte datagrams ({big_loss}% lost on the way) and {small} MB/s with 64-byte datagrams ({small_loss}% lost). UDP pays for every datagram (the kernel's work and a system call each), so small datagrams are slow; TCP hands the kernel 128 KiB per call and never lost a byte.",
    ),
    (
        "socket-lab.answer.iperf3-tcp",
        "  (iperf3, a tool built for measuring, moved {rate} MB/s over one TCP connection.)",
    ),
    (
        "socket-lab.answer.loss",
        "- UDP loses what the receiver cannot keep up with, and the sender is never told: no flow control, no congestion control, no retransmission. TCP slows the sender down instead. A UDP program that must not lose data has to add sequence numbers, acknowledgements and pacing: it becomes a small TCP.",
    ),
    (
        "socket-lab.answer.sending",
        "- Sending small datagrams faster: to a socket that never reads (nobody to wake up), {send_to}/s with one send_to each on an unconnected socket (what udp-sender does), {send}/s with send on a connected socket ({send_times}: the kernel looks the route up once)",
    ),
    (
        "socket-lab.answer.sendmmsg",
        ", {batch}/s with sendmmsg, {per_call} datagrams per system call ({batch_times})",
    ),
    (
        "socket-lab.answer.kernel-work",
        ". What no call saves is the kernel's work for each datagram.",
    ),
    (
        "socket-lab.answer.reader",
        " To a receiver that reads, the same calls sent {rates}: waking it up costs more.",
    ),
    (
        "socket-lab.answer.iperf3-udp",
        " iperf3, a tool built for measuring, sent {rate}/s to its reader (one send each, connected).",
    ),
    (
        "socket-lab.answer.so",
        "So: \"much faster\" is true for starting a conversation (no handshake) and for fire-and-forget messages. Per small exchange the difference is small; for bulk data UDP is as fast as its datagrams are big, and only if losing some is acceptable.",
    ),
    ("socket-lab.answer.about-send-to", "about send_to's rate"),
    (
        "socket-lab.answer.times-send-to",
        "{ratio} times send_to's rate",
    ),
    ("socket-lab.answer.faster", "{who} is {ratio}x faster"),
    (
        "socket-lab.answer.faster-here",
        "{who} is {ratio}x faster here",
    ),
    ("socket-lab.answer.same", "about the same (within 10%)"),
];
