//! Every fixed phrase of the specs' failure messages, in English.

use std::io;

use super::Words;
use crate::{count, quote};

pub struct En;

impl Words for En {
    fn io_meaning(&self, kind: io::ErrorKind) -> &'static str {
        use io::ErrorKind::*;
        match kind {
            WouldBlock | TimedOut => "the wait timed out",
            UnexpectedEof => "the stream ended too early",
            ConnectionReset => {
                "the connection was reset: the other side closed its socket while bytes were \
                 still coming or unread"
            }
            ConnectionAborted => "the connection was aborted",
            BrokenPipe => "the connection is closed: the other side closed it",
            NotConnected => {
                "the socket is no longer connected: the other side closed the connection"
            }
            ConnectionRefused => "refused: nothing listens at that address and port",
            AddrInUse => "the address is already in use: another socket holds that port",
            AddrNotAvailable => "that address is not one of this machine's",
            PermissionDenied => "permission denied",
            InvalidInput => "invalid input",
            InvalidData => "the data is not valid",
            _ => "an I/O error",
        }
    }

    fn closed_without_sending(&self, step: &str, who: &str) -> String {
        format!("{step}: {who} closed the connection without sending anything")
    }

    fn closed_after(&self, step: &str, who: &str, got: &[u8], wanted: usize) -> String {
        format!(
            "{step}: {who} closed the connection after {} of {}: {}",
            count(got.len(), "byte"),
            count(wanted, "byte"),
            quote(got)
        )
    }

    fn sent_nothing_within(&self, step: &str, who: &str, within: &str) -> String {
        format!("{step}: {who} sent nothing {within}")
    }

    fn sent_only_within(
        &self,
        step: &str,
        who: &str,
        got: &[u8],
        wanted: usize,
        within: &str,
    ) -> String {
        format!(
            "{step}: {who} sent only {} of {} {within}: {}",
            count(got.len(), "byte"),
            count(wanted, "byte"),
            quote(got)
        )
    }

    fn failed_after(&self, step: &str, error: &str, got: &[u8]) -> String {
        format!(
            "{step}: {error}, after {}: {}",
            count(got.len(), "byte"),
            quote(got)
        )
    }

    fn closed_inside_a_line(&self, step: &str, who: &str, got: &[u8]) -> String {
        format!(
            "{step}: {who} closed the connection in the middle of a line (no \\n at the end): {}",
            quote(got)
        )
    }

    fn part_of_a_line_within(&self, step: &str, who: &str, got: &[u8], within: &str) -> String {
        format!(
            "{step}: {who} sent only part of a line {within} (no \\n yet): {}",
            quote(got)
        )
    }

    fn neither_more_nor_closed(&self, step: &str, who: &str, got: &[u8], within: &str) -> String {
        let so_far = if got.is_empty() {
            String::new()
        } else {
            format!(
                " (it sent {} first: {})",
                count(got.len(), "byte"),
                quote(got)
            )
        };
        format!(
            "{step}: {who} neither closed the connection nor sent anything more \
             {within}{so_far}"
        )
    }

    fn nothing_arrived_within(&self, step: &str, within: &str) -> String {
        format!("{step}: nothing arrived {within}")
    }

    fn within(&self, limit: Option<String>) -> String {
        match limit {
            Some(limit) => format!("within {limit}"),
            None => "within the time limit".to_string(),
        }
    }

    fn did_not_return(&self, function: &str, within: &str, context: &str) -> String {
        format!("your `{function}` did not return within {within}{context}")
    }

    fn panicked(&self, function: &str, message: &str) -> String {
        format!("your `{function}` panicked: {message} (the `panicked at` line above says where)")
    }

    fn returned_an_error(&self, function: &str, error: &str) -> String {
        format!("your `{function}` returned an error: {error}")
    }

    fn thread_for(&self, function: &str) -> String {
        format!("starting a thread for your `{function}`")
    }

    fn a_panic_without_a_message(&self) -> &'static str {
        "(a panic without a message)"
    }

    fn expected(&self) -> &'static str {
        "expected:"
    }

    fn got(&self) -> &'static str {
        "got:"
    }

    fn wrong_row(&self) -> &'static str {
        "<- wrong"
    }

    fn missing(&self) -> &'static str {
        "(missing)"
    }

    fn nothing(&self) -> &'static str {
        "nothing"
    }

    fn in_all(&self, len: usize) -> String {
        format!("({} in all)", count(len, "byte"))
    }

    fn differs_from_byte(&self, index: usize) -> String {
        format!(
            "they differ from byte {} on (counting from 0)",
            crate::thousands(index)
        )
    }

    fn unit(&self, unit: &str, n: usize) -> String {
        if n == 1 {
            unit.to_string()
        } else {
            format!("{unit}s")
        }
    }

    fn ordinal(&self, n: usize) -> String {
        let suffix = match (n % 10, n % 100) {
            (1, 11) | (2, 12) | (3, 13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        format!("{n}{suffix}")
    }

    fn separators(&self) -> (char, char) {
        (',', '.')
    }
}
