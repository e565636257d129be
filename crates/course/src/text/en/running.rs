//! What a program says as it runs and ends, alike in every program: why a receive loop stops
//! (course::Stop), a stdout closed by its reader, narration dropped because nobody read stderr.

pub const PART: crate::text::Part = &[
    ("course.stop.count", "{datagrams} (--count)"),
    (
        "course.stop.idle",
        "nothing received for {seconds} s (--idle-timeout)",
    ),
    (
        "noun.datagram received",
        "{count} datagram received|{count} datagrams received",
    ),
    ("course.stdout-closed", "stdout closed by the reader"),
    (
        "course.stdout-closed-stopping",
        "stdout closed by the reader; stopping",
    ),
    ("course.writing-stdout", "writing to stdout"),
    (
        "course.narration.dropped",
        "{lines} here: stderr was not being read, and the program does not wait for it",
    ),
    (
        "noun.line of narration dropped",
        "{count} line of narration dropped|{count} lines of narration dropped",
    ),
];
