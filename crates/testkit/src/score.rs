//! Reading the score that the programs which keep one (udp-receiver, udp-relay,
//! multicast-listener) print, and the forged datagrams each of them must survive.

/// The score of the one run in a narration, from the line `<call> run xxxx: <summary>`:
/// for example `received 20 of 20 sent, lost 0, reordered 0, duplicated 0`.
pub fn run_score(stderr: &str, call: &str) -> String {
    let runs: Vec<&str> = stderr
        .lines()
        .filter(|line| {
            line.starts_with(call) && line[call.len()..].trim_start().starts_with("run ")
        })
        .filter_map(|line| line.split_once(": ").map(|(_, score)| score))
        .collect();
    assert_eq!(runs.len(), 1, "expected one run in:\n{stderr}");
    runs[0].to_string()
}

/// The number right after `before` in `text`.
pub fn number_after(text: &str, before: &str) -> u64 {
    let start = text
        .find(before)
        .unwrap_or_else(|| panic!("{before:?} not in:\n{text}"))
        + before.len();
    text[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or_else(|_| panic!("no number after {before:?} in:\n{text}"))
}

/// The forged datagrams of issue 11, each in a run of its own: a total of 2^64 - 1, a total
/// of a hundred million, and the largest SEQ there is. Each used to make a scoring program
/// allocate until the OS killed it, or panic, or score it "lost 0" without a word.
pub const FORGED: [&[u8]; 3] = [
    b"SEQ 0 OF 18446744073709551615 RUN 00a1 SENT 1.000000\n",
    b"SEQ 0 OF 100000000 RUN 00a2 SENT 1.000000\n",
    b"SEQ 18446744073709551615 RUN 00a3 SENT 1.000000\n",
];

/// The score of each forged run, as every program must print it.
pub const FORGED_SCORES: [&str; 3] = [
    "run 00a1: received 1, lost 0, reordered 0, duplicated 0; not believed: OF \
     18446744073709551615 (above 1,000,000,000: ignored)",
    "run 00a2: received 1 of 100000000 sent, lost 99999999, reordered 0, duplicated 0 (lost: 1, \
     2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 ... and 99,999,979 more)",
    "run 00a3: received 1, lost 0, reordered 0, duplicated 0; not believed: SEQ \
     18446744073709551615 (above 1,000,000,000: set aside)",
];

/// Checks that the narration has exactly the forged runs' scores on its `call` lines.
pub fn assert_forged_scores(stderr: &str, call: &str) {
    let runs: Vec<&str> = stderr
        .lines()
        .filter_map(|line| line.strip_prefix(call))
        .map(str::trim_start)
        .filter(|line| line.starts_with("run "))
        .collect();
    assert_eq!(runs, FORGED_SCORES, "{stderr}");
}

/// Checks that a receiver said, once for each forged run that needs it, what it did not
/// believe, when the datagram arrived.
pub fn assert_doubts_said_once(stderr: &str) {
    for run in ["00a1", "00a3"] {
        let said = format!("doubt    run {run}: not believed: ");
        assert_eq!(
            stderr.matches(&said).count(),
            1,
            "{said:?} once in:\n{stderr}"
        );
    }
}
