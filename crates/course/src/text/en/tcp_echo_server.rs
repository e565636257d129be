//! tcp-echo-server: its help, its narration, how a connection ended, and its errors.

pub const PART: crate::text::Part = &[
    // --help
    (
        "tcp-echo-server.about",
        "The TCP lesson's server: accepts many clients and echoes every byte back",
    ),
    (
        "tcp-echo-server.after-help",
        "Example, in two terminals:\n  \
         cargo run -p tcp-echo-server     # terminal 1\n  \
         cargo run -p tcp-client          # terminal 2, then type a line\n\
         On another port, add `-- --port 9000` to both.\n\
         TCP keeps no message boundaries; to watch the reads:\n  \
         cargo run -p tcp-echo-server -- --verbose --slow 1000 --buffer 8\n  \
         cargo run -p tcp-client -- --message olá --message \"tudo bem?\" --message tchau",
    ),
    (
        "tcp-echo-server.arg.bind",
        "Local IP address to listen on (0.0.0.0 would accept clients from other machines)",
    ),
    (
        "tcp-echo-server.arg.port",
        "TCP port to listen on (0: let the OS pick a free one; the first line says which)",
    ),
    (
        "tcp-echo-server.arg.idle_timeout",
        "Close a connection that sends nothing for this long, or stops reading what we echo \
         for this long (0: never)",
    ),
    (
        "tcp-echo-server.arg.max_clients",
        "Most clients served at once; more are told \"server busy\" and closed",
    ),
    (
        "tcp-echo-server.arg.verbose",
        "Narrate every recv and send, not only each connection's summary",
    ),
    (
        "tcp-echo-server.arg.buffer",
        "The program's own buffer for each read, in bytes (1 to 1048576): a read returns at \
         most this many, and the rest waits in the kernel for the next read",
    ),
    (
        "tcp-echo-server.arg.slow",
        "Demo knob: sleep this many milliseconds before each read (at most 60000), as a busy \
         server would, so that what a client sends meanwhile piles up in the kernel",
    ),
    // The listener
    (
        "tcp-echo-server.creating-socket",
        "creating a TCP socket for {address}",
    ),
    (
        "tcp-echo-server.setting-reuse-address",
        "setting SO_REUSEADDR on {address}",
    ),
    ("tcp-echo-server.binding", "binding {address}"),
    ("tcp-echo-server.holder", "another tcp-echo-server"),
    ("tcp-echo-server.listening-on", "listening on {address}"),
    (
        "tcp-echo-server.reading-address",
        "reading the listener's address",
    ),
    (
        "tcp-echo-server.listening",
        "{local} (TCP listener, backlog {backlog}); waiting for clients (Ctrl-C stops)",
    ),
    (
        "tcp-echo-server.loopback-only",
        "only this machine can connect (loopback); --bind 0.0.0.0 lets other machines in",
    ),
    ("tcp-echo-server.knobs", "demo knobs: {knobs}"),
    (
        "tcp-echo-server.knob-slow",
        "sleeps {millis} ms before each read (--slow)",
    ),
    (
        "tcp-echo-server.knob-buffer",
        "reads at most {bytes} at a time (--buffer)",
    ),
    // Each connection
    (
        "tcp-echo-server.connection",
        "#{number} from {peer} on {on}",
    ),
    (
        "tcp-echo-server.accepted",
        "{who}, {whose_port}; {clients} connected",
    ),
    ("tcp-echo-server.own-port", "the listener's own port"),
    (
        "tcp-echo-server.no-new-port",
        "no new port: connections share port {port}, told apart by (local IP:port, peer \
         IP:port)",
    ),
    (
        "tcp-echo-server.refused",
        "{who}: refused, {clients} connected already (--max-clients {max})",
    ),
    ("tcp-echo-server.received", "#{number} {bytes} from {peer}"),
    ("tcp-echo-server.sent", "#{number} {bytes} to {peer}"),
    (
        "tcp-echo-server.closed",
        "#{number} {peer}: {how}; {echoed} echoed in {took}; {left} left",
    ),
    (
        "tcp-echo-server.no-thread",
        "#{number} {peer}: could not start a thread for it ({error}); closed",
    ),
    // A failed accept
    (
        "tcp-echo-server.accept-client-left",
        "failed: {error}; the client left before we took it",
    ),
    (
        "tcp-echo-server.accept-retry",
        "failed: {error}; trying again in 100 ms",
    ),
    (
        "tcp-echo-server.accept-retry-descriptors",
        "failed: {error} (every client uses a file descriptor: raise the limit with `ulimit \
         -n`); trying again in 100 ms",
    ),
    // How a connection ended
    (
        "tcp-echo-server.end-of-stream",
        "client finished sending (end of stream)",
    ),
    ("tcp-echo-server.reset", "client reset the connection (RST)"),
    (
        "tcp-echo-server.idle-timeout",
        "idle timeout, nothing received for {after}",
    ),
    (
        "tcp-echo-server.write-timeout",
        "client stopped reading, a send waited {after}",
    ),
    (
        "tcp-echo-server.vanished",
        "client went away while we sent ({error})",
    ),
    ("tcp-echo-server.failed", "error: {error}"),
];
