//! What the datagram crate says for the UDP and multicast programs: the line of each datagram
//! received (stdout), what the score thought of it, the score of each run, and the refusal of
//! a datagram too large.

pub const PART: crate::text::Part = &[
    ("datagram.from", "from {from}  {size} bytes"),
    ("datagram.reordered", "reordered: a later one came first"),
    ("datagram.duplicate", "duplicate: this SEQ came before"),
    ("datagram.set-aside", "set aside: its SEQ is not believed"),
    ("datagram.of-not-believed", "its OF is not believed"),
    ("datagram.doubt", "run {run}: not believed: {doubt}"),
    (
        "datagram.doubt.seq-too-large",
        "SEQ {seq} (above {limit}: set aside)",
    ),
    (
        "datagram.doubt.total-too-large",
        "OF {total} (above {limit}: ignored)",
    ),
    (
        "datagram.doubt.seq-beyond-total",
        "SEQ {seq} in a run of OF {total} (SEQ counts from 0, so it is below OF: set aside)",
    ),
    (
        "datagram.doubt.total-not-above-seq",
        "OF {total} after SEQ {seq} (a run of {total} has no SEQ {seq}: ignored)",
    ),
    (
        "datagram.doubt.total-changed",
        "OF {now} in a run of OF {was} (a run's total does not change: ignored)",
    ),
    (
        "datagram.score",
        "received {received}, lost {lost}, reordered {reordered}, duplicated {duplicated}",
    ),
    (
        "datagram.score-of",
        "received {received} of {expected} sent, lost {lost}, reordered {reordered}, duplicated {duplicated}",
    ),
    ("datagram.lost-list", "lost: {list}"),
    ("datagram.and-more", "{list} ... and {more} more"),
    ("datagram.not-believed", "not believed: {doubt}"),
    (
        "datagram.not-believed-more",
        "not believed: {doubt}, and {more} more",
    ),
    // A comma is English's separator of thousands (1,204): Portuguese's decimal point.
    ("datagram.thousands-separator", ","),
    (
        "datagram.report",
        "{datagrams} datagrams, {bytes} bytes, {unnumbered} without a course header",
    ),
    ("datagram.run", "run {run}: {summary}"),
    (
        "datagram.too-long",
        "the OS refused a datagram this large: use a smaller --size (macOS limits outgoing datagrams to {macos_limit} bytes unless you raise sysctl net.inet.udp.maxdgram)",
    ),
    (
        "datagram.does-not-fit",
        "a payload of {len} bytes does not fit in one UDP datagram: the maximum over {family} is {max} bytes",
    ),
    (
        "datagram.does-not-fit-hint",
        "{smaller}; larger data must be split into several datagrams (or sent over TCP, which is a byte stream)",
    ),
];
