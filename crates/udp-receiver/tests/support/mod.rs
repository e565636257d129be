//! Shared by the tests of udp-receiver, udp-sender and udp-relay (the last two include this
//! file with `#[path]`): reading the score lines the programs print. (The sibling programs
//! themselves come from `testkit::sibling_binary`.)
#![allow(dead_code)]

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
