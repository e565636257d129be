//! Every fixed phrase of the specs' failure messages, one table per language: `words/en.rs`
//! and `words/pt_br.rs`, each an implementation of [`Words`], so that the compiler makes sure
//! that both languages have every phrase. The sentences of one spec alone live in that spec,
//! in both languages, with [`en_pt!`](crate::en_pt).

mod en;
mod pt_br;

use std::io;
use std::time::Duration;

use crate::lang::{Lang, lang};

/// The phrases of one language. `step` is what the spec was doing ("reading the echo of
/// "hello\n" from your echo desk"), `who` the other end ("your echo desk"), `got` the bytes
/// received so far, `within` a time limit as [`Words::within`] words it.
pub trait Words: Sync {
    /// What an I/O error kind means, in words.
    fn io_meaning(&self, kind: io::ErrorKind) -> &'static str;
    fn closed_without_sending(&self, step: &str, who: &str) -> String;
    fn closed_after(&self, step: &str, who: &str, got: &[u8], wanted: usize) -> String;
    fn sent_nothing_within(&self, step: &str, who: &str, within: &str) -> String;
    fn sent_only_within(
        &self,
        step: &str,
        who: &str,
        got: &[u8],
        wanted: usize,
        within: &str,
    ) -> String;
    /// `error` is already in words ([`io_error`]).
    fn failed_after(&self, step: &str, error: &str, got: &[u8]) -> String;
    fn closed_inside_a_line(&self, step: &str, who: &str, got: &[u8]) -> String;
    fn part_of_a_line_within(&self, step: &str, who: &str, got: &[u8], within: &str) -> String;
    fn neither_more_nor_closed(&self, step: &str, who: &str, got: &[u8], within: &str) -> String;
    fn nothing_arrived_within(&self, step: &str, within: &str) -> String;
    /// "within 5 s" (`limit`: a duration in words), or "within the time limit" when the socket
    /// did not say.
    fn within(&self, limit: Option<String>) -> String;
    /// `within`: a duration in words.
    fn did_not_return(&self, function: &str, within: &str, context: &str) -> String;
    fn panicked(&self, function: &str, message: &str) -> String;
    /// `error` is already in words ([`io_error`]).
    fn returned_an_error(&self, function: &str, error: &str) -> String;
    fn thread_for(&self, function: &str) -> String;
    fn a_panic_without_a_message(&self) -> &'static str;
    /// The labels of `expected_got`, at most 9 characters.
    fn expected(&self) -> &'static str;
    fn got(&self) -> &'static str;
    fn wrong_row(&self) -> &'static str;
    fn missing(&self) -> &'static str;
    fn nothing(&self) -> &'static str;
    fn in_all(&self, len: usize) -> String;
    fn differs_from_byte(&self, index: usize) -> String;
    /// The unit the specs count, in the singular or the plural: `unit` is its English name
    /// ("byte", "zero byte", "frame", "request").
    fn unit(&self, unit: &str, n: usize) -> String;
    /// 1st, 2nd, 3rd...
    fn ordinal(&self, n: usize) -> String;
    /// The separator of thousands (`1,048,576`) and the decimal mark (`1.2 s`).
    fn separators(&self) -> (char, char);
}

/// The phrases of the run's language.
pub fn words() -> &'static dyn Words {
    match lang() {
        Lang::En => &en::En,
        Lang::PtBr => &pt_br::PtBr,
    }
}

/// What an I/O error means, in words, then the kind a program would match on and the system's
/// own text (which stays as the system wrote it).
pub fn io_error(error: &io::Error) -> String {
    format!(
        "{} (ErrorKind::{:?}: {error})",
        words().io_meaning(error.kind()),
        error.kind()
    )
}

pub fn step_failed(step: &str, error: &io::Error) -> String {
    format!("{step}: {}", io_error(error))
}

/// "within 5 s": a socket's read timeout, or "within the time limit" when it had none.
pub fn within(limit: Option<Duration>) -> String {
    words().within(limit.map(crate::duration))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each language's labels fit the 9 columns `expected_got` gives them.
    #[test]
    fn labels_fit_their_column() {
        for words in [&en::En as &dyn Words, &pt_br::PtBr] {
            for label in [words.expected(), words.got()] {
                assert!(label.chars().count() <= 9, "{label}");
            }
        }
    }
}
