//! What udp-relay says: its help, its narration, its summary and its errors.

pub const PART: crate::text::Part = &[
    // --help
    (
        "udp-relay.about",
        "Relays UDP datagrams to a receiver, losing, duplicating, reordering and delaying them \
         reproducibly from a seed.",
    ),
    (
        "udp-relay.after-help",
        "Fates depend only on the seed and the order of the datagrams: the same seed gives the \
         same losses on every machine (seed 7, --loss 0.2: datagrams 3, 4, 9 and 10 are \
         lost).\n\n\
         Example, in three terminals:\n  \
         cargo run -p udp-receiver\n  \
         cargo run -p udp-relay -- --loss 0.2 --seed 7\n  \
         cargo run -p udp-sender -- --port 7881 --count 20 --rate 10",
    ),
    (
        "udp-relay.arg.bind",
        "The local IP address clients send to.",
    ),
    ("udp-relay.arg.port", "The UDP port clients send to."),
    (
        "udp-relay.arg.to",
        "Where to forward: the receiver's address ([::1]:7879 for IPv6).",
    ),
    (
        "udp-relay.arg.loss",
        "Probability (0 to 1) that a datagram is lost.",
    ),
    (
        "udp-relay.arg.duplicate",
        "Probability (0 to 1) that a datagram is sent twice.",
    ),
    (
        "udp-relay.arg.reorder",
        "Probability (0 to 1) that a datagram is held and sent right after the next one (or \
         after 1 s without traffic, or when the relay stops).",
    ),
    (
        "udp-relay.arg.delay",
        "Milliseconds each forwarded datagram waits before it is sent (at most 60000).",
    ),
    ("udp-relay.arg.seed", "The seed of the decisions."),
    (
        "udp-relay.arg.impair_replies",
        "Impair the replies (receiver to client) too; by default they pass untouched.",
    ),
    (
        "udp-relay.arg.count",
        "Stop after this many datagrams from clients.",
    ),
    (
        "udp-relay.arg.idle_timeout",
        "Stop after this many seconds without a datagram from clients.",
    ),
    (
        "udp-relay.not-a-probability",
        "{text} is not a probability between 0 and 1 (0.2 means 20%)",
    ),
    // The sockets.
    ("udp-relay.binding", "binding {addr}"),
    // Who may hold the port already, in course::trouble::bind_hint's hint.
    ("udp-relay.port-holder", "another udp-relay"),
    (
        "udp-relay.reading-local-address",
        "reading the local address",
    ),
    (
        "udp-relay.bound-clients",
        "{local} (relay: clients send here; forwarding to {upstream})",
    ),
    (
        "udp-relay.bound-upstream",
        "{local} (relay's side towards {upstream}: replies come back here)",
    ),
    (
        "udp-relay.connecting",
        "connecting the upstream socket to {upstream}",
    ),
    (
        "udp-relay.to-hint",
        "--to takes the receiver's HOST:PORT, for example 127.0.0.1:7879",
    ),
    (
        "udp-relay.connected",
        "{upstream} from {local} (UDP: nothing is sent; the OS will tell the relay if nobody \
         listens there)",
    ),
    ("udp-relay.label-impair", "impair"),
    (
        "udp-relay.impairments",
        "loss {loss}, duplicate {duplicate}, reorder {reorder}, delay {delay} ms, seed {seed} \
         ({directions})",
    ),
    ("udp-relay.both-directions", "both directions"),
    (
        "udp-relay.requests-only",
        "client to receiver only; replies pass untouched",
    ),
    // The datagrams.
    ("udp-relay.label-client", "client"),
    (
        "udp-relay.client",
        "{from} (replies from {upstream} go back there)",
    ),
    ("udp-relay.label-reply", "reply"),
    ("udp-relay.fate", "#{index}{seq} {bytes}: {fate}{delayed}"),
    ("udp-relay.fate-forwarded", "forwarded"),
    ("udp-relay.fate-lost", "lost"),
    ("udp-relay.fate-duplicated", "duplicated (sent twice)"),
    (
        "udp-relay.fate-held",
        "held for reordering (sent after the next one)",
    ),
    ("udp-relay.delayed", ", delayed {millis} ms"),
    (
        "udp-relay.released",
        "#{index}{seq} released (after a later one)",
    ),
    (
        "udp-relay.still-delayed",
        "{datagrams} still to send, each at its time (Ctrl-C drops them)",
    ),
    (
        "noun.delayed datagram",
        "{count} delayed datagram|{count} delayed datagrams",
    ),
    (
        "udp-relay.never-reached",
        "SEQ {first} to {last} never reached the relay (lost before it: is the sender faster \
         than the relay reads?)",
    ),
    ("udp-relay.setting-read-timeout", "setting the read timeout"),
    ("udp-relay.receiving-on", "receiving on {addr}"),
    ("udp-relay.send-failed", "sending to {to} failed: {error}"),
    ("udp-relay.no-client", "no client yet: reply dropped"),
    (
        "udp-relay.receive-failed",
        "receiving from {upstream} failed: {error}",
    ),
    ("udp-relay.label-refused", "refused"),
    (
        "udp-relay.refused-once",
        "{upstream} refused: is the receiver running? (ICMP \"port unreachable\" came back; said \
         once, counted at the end)",
    ),
    // The end.
    ("udp-relay.label-stop", "stop"),
    ("udp-relay.label-relayed", "relayed"),
    (
        "udp-relay.relayed",
        "{received} from clients, {sent} sent to {upstream}",
    ),
    ("udp-relay.relayed-failed", ", {failed} failed to send"),
    (
        "udp-relay.relayed-dropped",
        ", {dropped} delayed ones dropped (stopped before they were due)",
    ),
    (
        "udp-relay.refused-count",
        "{upstream} refused {count} time(s) (ICMP \"port unreachable\"): is the receiver \
         running?",
    ),
    // Its lines are datagram::Scoreboard::report's: the score the receiver must print.
    ("udp-relay.label-expect", "expect"),
];
