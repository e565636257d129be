//! What udp-receiver says: its help, its narration, the end of a datagram's line on stdout,
//! its summary, and its errors.

pub const PART: crate::text::Part = &[
    // --help
    (
        "udp-receiver.about",
        "Receives UDP datagrams, prints each one, and keeps score of loss, reordering and \
         duplicates.",
    ),
    (
        "udp-receiver.after-help",
        "Stops on Ctrl-C, after --count datagrams, or after --idle-timeout seconds without a \
         datagram, and prints the score.\n\n\
         Example, in two terminals:\n  \
         cargo run -p udp-receiver\n  \
         cargo run -p udp-sender -- --count 10 --rate 5\n\n\
         A server that answers (each datagram goes back to its sender):\n  \
         cargo run -p udp-receiver -- --reply\n  \
         cargo run -p udp-sender -- --count 10 --rate 5 --wait-reply",
    ),
    (
        "udp-receiver.arg.bind",
        "The local IP address to bind (0.0.0.0 receives on every interface).",
    ),
    (
        "udp-receiver.arg.port",
        "The UDP port to bind (0: the OS picks one).",
    ),
    ("udp-receiver.arg.count", "Stop after this many datagrams."),
    (
        "udp-receiver.arg.idle_timeout",
        "Stop after this many seconds without a datagram.",
    ),
    (
        "udp-receiver.arg.recv_buffer",
        "Ask the kernel for a receive buffer (SO_RCVBUF) of this many bytes: the queue where \
         datagrams wait until the program reads them. When it is full, the kernel drops them.",
    ),
    (
        "udp-receiver.arg.buffer",
        "The program's own buffer for one datagram, in bytes: a longer datagram is cut, and \
         reported as truncated.",
    ),
    (
        "udp-receiver.arg.reply",
        "Answer each datagram: send the same bytes back with `send_to`, to the address that \
         `recv_from` gave (a UDP echo server). `udp-sender --wait-reply` waits for them.",
    ),
    (
        "udp-receiver.arg.slow",
        "Demo knob: sleep this many milliseconds after each datagram (at most 60000), so that a \
         fast sender overflows the kernel's receive buffer.",
    ),
    (
        "udp-receiver.arg.wait",
        "Demo knob: bind, then wait for Enter (a line on stdin) before reading anything, so \
         that datagrams pile up in the kernel's receive buffer and the excess is dropped.",
    ),
    // The socket.
    ("udp-receiver.creating-socket", "creating a UDP socket"),
    (
        "udp-receiver.setting-rcvbuf",
        "setting SO_RCVBUF to {bytes}",
    ),
    ("udp-receiver.binding", "binding {addr}"),
    // Who may hold the port already, in course::trouble::bind_hint's hint.
    ("udp-receiver.port-holder", "another udp-receiver"),
    ("udp-receiver.reading-rcvbuf", "reading SO_RCVBUF"),
    (
        "udp-receiver.reading-local-address",
        "reading the local address",
    ),
    (
        "udp-receiver.bound",
        "{local} (UDP, kernel receive buffer {granted} bytes{loopback})",
    ),
    (
        "udp-receiver.loopback-only",
        "; loopback: only this machine can send to it; --bind 0.0.0.0 for every interface",
    ),
    (
        "udp-receiver.setting-read-timeout",
        "setting the read timeout",
    ),
    ("udp-receiver.label-reply", "reply"),
    (
        "udp-receiver.reply-on",
        "on: each datagram goes back with send_to, to the address recv_from gives",
    ),
    ("udp-receiver.label-stop", "stop"),
    (
        "udp-receiver.waiting",
        "waiting for datagrams on {local} (Ctrl-C to stop)",
    ),
    (
        "udp-receiver.os-reported",
        "{kind} reported by the OS (ignored)",
    ),
    ("udp-receiver.receiving-on", "receiving on {local}"),
    ("udp-receiver.stdout-closed", "stdout closed"),
    // Each datagram.
    (
        "udp-receiver.truncated-line",
        "  truncated: datagram larger than the {limit}-byte buffer",
    ),
    ("udp-receiver.received", "{bytes} from {from}"),
    (
        "udp-receiver.received-last-narrated",
        "{bytes} from {from} (further datagrams: on stdout only, a count here every {every})",
    ),
    ("udp-receiver.so-far", "{datagrams} so far"),
    ("udp-receiver.label-doubt", "doubt"),
    (
        "udp-receiver.too-long-and-gone",
        "truncated: datagram larger than the {limit}-byte buffer (WSAEMSGSIZE)",
    ),
    (
        "udp-receiver.replied",
        "{bytes} to {to} (the reply: the same bytes, to the address recv_from gave)",
    ),
    (
        "udp-receiver.reply-failed",
        "the reply to {to} failed: {error} (going on)",
    ),
    // The summary.
    ("udp-receiver.label-summary", "summary"),
    (
        "udp-receiver.total",
        "{datagrams}, {bytes}, {unnumbered} without a course header",
    ),
    (
        "udp-receiver.truncated",
        "truncated {count} (datagrams larger than the {limit}-byte buffer)",
    ),
    (
        "udp-receiver.replied-to",
        "replied to {datagrams} (send_to, each to the address its datagram came from)",
    ),
    (
        "noun.failed reply",
        "{count} reply failed|{count} replies failed",
    ),
    // The kernel's counts.
    (
        "udp-receiver.granted",
        "asked {asked} bytes, the kernel granted {granted}{why}",
    ),
    (
        "udp-receiver.granted-linux",
        " (Linux doubles the request for its bookkeeping and caps it at 2 x net.core.rmem_max)",
    ),
    (
        "udp-receiver.kernel-dropped-machine",
        "dropped {datagrams} for this socket (drops column of /proc/net/udp), RcvbufErrors \
         +{machine} on the whole machine (/proc/net/snmp); the receiver counted {lost} lost",
    ),
    (
        "udp-receiver.kernel-dropped",
        "dropped {datagrams} for this socket (drops column of /proc/net/udp); the receiver \
         counted {lost} lost",
    ),
    (
        "udp-receiver.kernel-unreadable",
        "could not read /proc/net/udp; try: netstat -su",
    ),
    (
        "udp-receiver.kernel-elsewhere",
        "the receiver counted {lost} lost; the OS counts its drops in `netstat -s -p udp` \
         (macOS: \"dropped due to full socket buffers\"; Windows: \"Receive Errors\")",
    ),
    (
        "udp-receiver.lost-before-socket",
        "{before} of the {lost} lost never reached this socket: sent before it was bound, lost \
         on the way (by udp-relay, or the network), or not sent yet when the receiver stopped",
    ),
    // The demo knobs.
    ("udp-receiver.label-wait", "wait"),
    (
        "udp-receiver.wait",
        "not reading until you press Enter: datagrams pile up in the {granted}-byte kernel \
         buffer, the rest is dropped",
    ),
    ("udp-receiver.reading-now", "reading now"),
    ("udp-receiver.reading-stdin", "reading stdin"),
];
