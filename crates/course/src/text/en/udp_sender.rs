//! What udp-sender says: its help, its narration, its errors and hints.

pub const PART: crate::text::Part = &[
    // --help
    (
        "udp-sender.about",
        "Sends UDP datagrams to udp-receiver: numbered ones, one message, or the lines of stdin.",
    ),
    (
        "udp-sender.after-help",
        "With no mode, it sends 10 numbered datagrams at 2 per second (or, when stdin is a pipe, \
         one datagram per line of stdin).\n\n\
         Example, in two terminals:\n  \
         cargo run -p udp-receiver\n  \
         cargo run -p udp-sender -- --count 10 --rate 5\n\n\
         Waiting for the replies of a server that answers:\n  \
         cargo run -p udp-receiver -- --reply\n  \
         cargo run -p udp-sender -- --count 10 --rate 5 --wait-reply",
    ),
    (
        "udp-sender.arg.host",
        "The receiver's host name or IP address (IPv4 as four numbers, such as 127.0.0.1).",
    ),
    ("udp-sender.arg.port", "The receiver's UDP port."),
    (
        "udp-sender.arg.message",
        "Send this text as one datagram (no header), then stop.",
    ),
    (
        "udp-sender.arg.lines",
        "Send each line typed on stdin as one datagram (no header), until end of input.",
    ),
    (
        "udp-sender.arg.count",
        "Send this many numbered datagrams (each starts with a `SEQ n OF count` header line).",
    ),
    (
        "udp-sender.arg.size",
        "Size of each numbered datagram in bytes, header included (default: header + a short \
         text). Below the header's length (about 50 bytes) a datagram is the header alone.",
    ),
    (
        "udp-sender.arg.rate",
        "Numbered datagrams per second; 0 sends as fast as possible.",
    ),
    (
        "udp-sender.arg.connect",
        "Use a connected UDP socket (`connect`, then `send`): the kernel then reports an ICMP \
         \"port unreachable\" as ConnectionRefused, instead of staying silent.",
    ),
    (
        "udp-sender.arg.wait_reply",
        "After each datagram, wait up to this many seconds (1 if no number is given, at most \
         60) for its reply, from a server that answers (`udp-receiver --reply`).",
    ),
    (
        "udp-sender.wait-too-long",
        "{text} s is too long a wait: at most 60",
    ),
    // What does not fit in one datagram: the end of datagram::check_fits's hint.
    ("udp-sender.smaller-size", "use --size {max} or less"),
    ("udp-sender.shorter-message", "send a shorter --message"),
    ("udp-sender.shorter-line", "type a shorter line"),
    // The socket.
    ("udp-sender.binding", "binding {local}"),
    (
        "udp-sender.no-free-port",
        "no free local port? close other programs and try again",
    ),
    (
        "udp-sender.reading-local-address",
        "reading the local address",
    ),
    (
        "udp-sender.bound",
        "{bound} (port 0 asked: the OS chose the ephemeral port {port})",
    ),
    ("udp-sender.connecting", "connecting the UDP socket to {to}"),
    (
        "udp-sender.connected",
        "{local} -> {to} (UDP: no handshake, nothing sent yet)",
    ),
    ("udp-sender.label-note", "note"),
    (
        "udp-sender.note",
        "UDP cannot tell whether anything arrived: a send returns Ok when the kernel has taken \
         the datagram, not when anyone received it",
    ),
    ("udp-sender.sending", "sending {bytes} to {to}"),
    (
        "udp-sender.sent",
        "{bytes} to {to}: {label} (Ok: the kernel took it)",
    ),
    (
        "udp-sender.setting-read-timeout",
        "setting the read timeout",
    ),
    (
        "udp-sender.lost-either-way",
        "the datagram or its reply was lost (UDP cannot tell which)",
    ),
    (
        "udp-sender.nobody-listens",
        "nobody listens there (ICMP \"port unreachable\")",
    ),
    (
        "udp-sender.waiting-for-reply",
        "waiting for a reply from {to}",
    ),
    (
        "udp-sender.icmp-refusal",
        "{kind}: the kernel got an ICMP \"port unreachable\" from {to}",
    ),
    (
        "udp-sender.refused",
        "{to} refused the datagrams (connected UDP socket)",
    ),
    (
        "udp-sender.no-refusal",
        "no error reported for {to} within 300 ms (something may be listening there)",
    ),
    // The modes.
    (
        "udp-sender.stdin-terminal",
        "type lines: each one is one datagram; end with Ctrl-D (Ctrl-Z then Enter on Windows)",
    ),
    (
        "udp-sender.stdin-pipe",
        "not a terminal: each line read from it is one datagram (--count sends numbered ones \
         instead)",
    ),
    ("udp-sender.reading-stdin", "reading stdin"),
    ("udp-sender.label-done", "done"),
    ("udp-sender.sent-lines", "sent {datagrams} (one per line)"),
    ("udp-sender.label-run", "run"),
    (
        "udp-sender.run",
        "{datagrams}, RUN {run}, {size}, {pace}{wait}",
    ),
    ("udp-sender.run-size", "{bytes} each"),
    (
        "udp-sender.run-size-default",
        "header and a short text each",
    ),
    ("udp-sender.run-rate", "{rate} per second"),
    (
        "udp-sender.run-as-fast",
        "as fast as the loop goes (sends not narrated one by one)",
    ),
    (
        "udp-sender.run-wait",
        ", each waiting up to {wait} for its reply",
    ),
    (
        "udp-sender.sent-numbered",
        "sent {datagrams}, {bytes} in {seconds} s: {per_second} datagrams/s, {megabytes} MB/s",
    ),
    // The replies (--wait-reply).
    ("udp-sender.reply-to-seq", "the reply to SEQ {seq}"),
    ("udp-sender.reply-unnumbered", "the reply, {payload}"),
    ("udp-sender.reply-after", "{what}, after {waited}"),
    (
        "udp-sender.reply-late",
        "the reply to SEQ {seq}, late: its wait was over",
    ),
    (
        "udp-sender.reply-again",
        "the reply to SEQ {seq} again: a duplicate (ignored)",
    ),
    (
        "udp-sender.reply-unrelated",
        "not a reply to anything this run sent (ignored)",
    ),
    (
        "udp-sender.reply-stranger",
        "not from the address the datagrams went to, so not a reply (ignored)",
    ),
    ("udp-sender.reply-received", "{bytes} from {from}: {said}"),
    (
        "udp-sender.no-reply",
        "no reply to {what} within {wait}: {why}",
    ),
    ("udp-sender.label-replies", "replies"),
    (
        "udp-sender.replies",
        "{came_back} of {asked} came back within {wait}",
    ),
    ("udp-sender.replies-none-for", "; none for {list}"),
    ("udp-sender.replies-more", " ... and {more} more"),
    (
        "udp-sender.replies-lost",
        " (the datagram or its reply was lost: UDP cannot tell which)",
    ),
    (
        "udp-sender.replies-late",
        "; {count} late, after their wait",
    ),
    ("udp-sender.replies-duplicated", "; {count} duplicated"),
    (
        "udp-sender.replies-strangers",
        "; {count} from other addresses, ignored",
    ),
    // Hints.
    (
        "udp-sender.check-address",
        "check the address and port (--host, --port)",
    ),
    (
        "udp-sender.refused-here",
        "nothing listens on {to}: start the receiver first (cargo run -p udp-receiver), or drop \
         --connect to send blindly",
    ),
    (
        "udp-sender.refused-remote",
        "nothing listens on {to} for other machines: a receiver bound to 127.0.0.1 (its \
         default) hears only its own machine; start it with --bind 0.0.0.0 (cargo run -p \
         udp-receiver -- --bind 0.0.0.0), or drop --connect to send blindly",
    ),
];
