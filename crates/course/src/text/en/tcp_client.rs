//! tcp-client: its help, its narration, and its errors with their hints.

pub const PART: crate::text::Part = &[
    // --help
    (
        "tcp-client.about",
        "The TCP lesson's client: connects, sends what you type or pipe, prints the echo",
    ),
    (
        "tcp-client.after-help",
        "Example, in two terminals:\n  \
         cargo run -p tcp-echo-server     # terminal 1\n  \
         cargo run -p tcp-client          # terminal 2, then type a line\n\
         Through the server and back: cargo run -p tcp-client < file > copy",
    ),
    (
        "tcp-client.arg.host",
        "Host name or IP address of the server (IPv4 as four numbers, such as 127.0.0.1)",
    ),
    ("tcp-client.arg.port", "TCP port of the server"),
    (
        "tcp-client.arg.timeout",
        "Give up connecting to an address after this many seconds",
    ),
    (
        "tcp-client.arg.message",
        "Send this message and a newline, in one write, print the echo, and exit. Give it more \
         than once to send several messages, one write each, before reading their echo",
    ),
    (
        "tcp-client.arg.reply_timeout",
        "Once connected, give up when the server sends nothing back for this many seconds \
         while we wait for its echo or its close (or takes nothing while we send)",
    ),
    // Connecting
    (
        "tcp-client.connected",
        "from {local} to {address} (the OS picked our port, {port})",
    ),
    (
        "tcp-client.connect-next",
        "{address} failed: {error}; trying the next address",
    ),
    ("tcp-client.reading-our-address", "reading our own address"),
    (
        "tcp-client.reading-server-address",
        "reading the server's address",
    ),
    (
        "tcp-client.setting-reply-timeout",
        "setting the reply timeout",
    ),
    // The conversation
    ("tcp-client.sent", "{bytes} to {server}"),
    (
        "tcp-client.echo-back",
        "{bytes} back from {server} after {took} (round trip)",
    ),
    ("tcp-client.ready-label", "ready"),
    (
        "tcp-client.ready",
        "type a line and press Enter; Ctrl-D (Ctrl-Z on Windows) ends",
    ),
    ("tcp-client.reading-stdin", "reading stdin"),
    ("tcp-client.echo-label", "echo"),
    (
        "tcp-client.echoed",
        "{bytes} sent and back in {took} (round trip)",
    ),
    ("tcp-client.came-back", "{got} of the {len} bytes came back"),
    (
        "tcp-client.shutting-down",
        "shutting down our sending side to {server}",
    ),
    (
        "tcp-client.half-closed",
        "write side closed (FIN): the server reads end of stream",
    ),
    (
        "tcp-client.not-closed",
        "it did not close its side after ours",
    ),
    (
        "tcp-client.closed",
        "the server closed its side too (end of stream); done",
    ),
    // Pipe mode
    (
        "tcp-client.cloning",
        "cloning the socket handle for the sending thread",
    ),
    (
        "tcp-client.half-closed-pipe",
        "sent {sent} bytes, end of stdin: write side closed (FIN), still reading",
    ),
    (
        "tcp-client.pipe-closed",
        "got {received} bytes back from {server} (of {sent} sent), then end of stream: the \
         server closed",
    ),
    ("tcp-client.thread-panicked", "the sending thread panicked"),
    (
        "tcp-client.sent-and-came-back",
        "we sent {sent} bytes, {received} came back",
    ),
    (
        "tcp-client.not-all-back",
        "sent {sent} bytes to {server} but {received} came back",
    ),
    (
        "tcp-client.hint.not-all-back",
        "an echo server writes back every byte it reads before it closes: if the server is \
         yours, look at its loop; if not, it may not be an echo server",
    ),
    // Servers that speak first
    ("tcp-client.setting-read-timeout", "setting a read timeout"),
    (
        "tcp-client.clearing-read-timeout",
        "clearing the read timeout",
    ),
    (
        "tcp-client.closed-silent",
        "{server} closed the connection at once, without a word",
    ),
    (
        "tcp-client.closed-saying",
        "{server} closed the connection at once, saying: {words}",
    ),
    (
        "tcp-client.hint.busy",
        "the server serves a limited number of clients (its --max-clients); try later",
    ),
    (
        "tcp-client.greeting",
        "{bytes} from {server} before we sent anything: it speaks first (a greeting), shown \
         on stdout",
    ),
    // Errors of the conversation
    ("tcp-client.receiving-from", "receiving from {server}"),
    (
        "tcp-client.hint.reset",
        "the server reset the connection: it stopped or crashed; look at its terminal",
    ),
    ("tcp-client.hint.look", "look at the server's terminal"),
    ("tcp-client.sending-to", "sending to {server}"),
    (
        "tcp-client.hint.stopped-reading",
        "the server took nothing for --reply-timeout: it stopped reading; look at its terminal",
    ),
    (
        "tcp-client.hint.closed-while-sending",
        "the server closed the connection while we were sending; look at its terminal",
    ),
    (
        "tcp-client.closed-early",
        "the server closed the connection after {got} of {len} bytes",
    ),
    ("tcp-client.reading-echo", "reading the echo from {server}"),
    (
        "tcp-client.hint.closed-early",
        "the server stopped, or closed an idle connection (its --idle-timeout); look at its \
         terminal and start the client again",
    ),
    (
        "tcp-client.no-reply",
        "no reply from {server} for {waited}: {what}",
    ),
    (
        "tcp-client.hint.no-reply",
        "the server accepted the connection but does not answer: if it is yours, does it \
         write back what it reads, and close when read returns 0? look at its terminal; wait \
         longer with --reply-timeout",
    ),
    // A failed connect
    ("tcp-client.connecting-to", "connecting to {address}"),
    (
        "tcp-client.no-address",
        "resolving {host}: no address found for port {port}",
    ),
    (
        "tcp-client.hint.refused-here",
        "is the server running? start it in another terminal with: {command}",
    ),
    (
        "tcp-client.hint.refused-there",
        "is the server running on {ip}, started with --bind 0.0.0.0? Without --bind it \
         listens on 127.0.0.1 only, which other machines cannot reach. On the server's \
         machine, run: {command}",
    ),
    (
        "tcp-client.hint.host-unreachable",
        "no machine answered at {ip}. Check the address. Other causes: Wi-Fi client \
         isolation, a firewall that rejects, or (macOS 15 and later) the Local Network \
         permission of your terminal app",
    ),
    (
        "tcp-client.hint.network-unreachable",
        "this machine has no route to {ip}: are you connected to a network, and is the \
         address right?",
    ),
    (
        "tcp-client.hint.os-timeout",
        "nothing answered: is {ip} reachable (try ping), and is a firewall dropping port \
         {port}?",
    ),
    (
        "tcp-client.hint.our-timeout",
        "nothing answered within {timeout}: is {ip} reachable, and is a firewall dropping \
         port {port}? wait longer with --timeout",
    ),
    (
        "tcp-client.hint.check-host-port",
        "check --host and --port (tried {address})",
    ),
];
