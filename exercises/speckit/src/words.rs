//! Every fixed phrase of the specs' failure messages, in English: one table, so that another
//! language is one more file with the same functions.

use std::io;
use std::time::Duration;

use crate::{count, duration};

/// What an I/O error means, in words, then the kind a program would match on and the system's
/// own text.
pub fn io_error(error: &io::Error) -> String {
    use io::ErrorKind::*;
    let meaning = match error.kind() {
        WouldBlock | TimedOut => "the wait timed out",
        UnexpectedEof => "the stream ended too early",
        ConnectionReset => {
            "the connection was reset: the other side closed its socket while bytes were still \
             coming or unread"
        }
        ConnectionAborted => "the connection was aborted",
        BrokenPipe => "the connection is closed: the other side closed it",
        NotConnected => "the socket is no longer connected: the other side closed the connection",
        ConnectionRefused => "refused: nothing listens at that address and port",
        AddrInUse => "the address is already in use: another socket holds that port",
        AddrNotAvailable => "that address is not one of this machine's",
        PermissionDenied => "permission denied",
        InvalidInput => "invalid input",
        InvalidData => "the data is not valid",
        _ => "an I/O error",
    };
    format!("{meaning} (ErrorKind::{:?}: {error})", error.kind())
}

pub fn step_failed(step: &str, error: &io::Error) -> String {
    format!("{step}: {}", io_error(error))
}

pub fn closed_without_sending(step: &str, who: &str) -> String {
    format!("{step}: {who} closed the connection without sending anything")
}

pub fn closed_after(step: &str, who: &str, got: &[u8], wanted: usize) -> String {
    format!(
        "{step}: {who} closed the connection after {} of {}: {}",
        count(got.len(), "byte"),
        count(wanted, "byte"),
        crate::quote(got)
    )
}

pub fn sent_nothing_within(step: &str, who: &str, within: Option<Duration>) -> String {
    format!("{step}: {who} sent nothing within {}", time_limit(within))
}

pub fn sent_only_within(
    step: &str,
    who: &str,
    got: &[u8],
    wanted: usize,
    within: Option<Duration>,
) -> String {
    format!(
        "{step}: {who} sent only {} of {} within {}: {}",
        count(got.len(), "byte"),
        count(wanted, "byte"),
        time_limit(within),
        crate::quote(got)
    )
}

pub fn failed_after(step: &str, error: &io::Error, got: &[u8]) -> String {
    format!(
        "{step}: {}, after {}: {}",
        io_error(error),
        count(got.len(), "byte"),
        crate::quote(got)
    )
}

pub fn closed_inside_a_line(step: &str, who: &str, got: &[u8]) -> String {
    format!(
        "{step}: {who} closed the connection in the middle of a line (no \\n at the end): {}",
        crate::quote(got)
    )
}

pub fn part_of_a_line_within(
    step: &str,
    who: &str,
    got: &[u8],
    within: Option<Duration>,
) -> String {
    format!(
        "{step}: {who} sent only part of a line within {} (no \\n yet): {}",
        time_limit(within),
        crate::quote(got)
    )
}

pub fn neither_more_nor_closed(
    step: &str,
    who: &str,
    got: &[u8],
    within: Option<Duration>,
) -> String {
    let so_far = if got.is_empty() {
        String::new()
    } else {
        format!(
            " (it sent {} first: {})",
            count(got.len(), "byte"),
            crate::quote(got)
        )
    };
    format!(
        "{step}: {who} neither closed the connection nor sent anything more within {}{so_far}",
        time_limit(within)
    )
}

pub fn nothing_arrived_within(step: &str, within: Option<Duration>) -> String {
    format!("{step}: nothing arrived within {}", time_limit(within))
}

fn time_limit(within: Option<Duration>) -> String {
    match within {
        Some(within) => duration(within),
        None => "the time limit".to_string(),
    }
}

pub fn did_not_return(function: &str, within: Duration, context: &str) -> String {
    format!(
        "your `{function}` did not return within {}{context}",
        duration(within)
    )
}

pub fn panicked(function: &str, message: &str) -> String {
    format!("your `{function}` panicked: {message} (the `panicked at` line above says where)")
}

pub fn returned_an_error(function: &str, error: &io::Error) -> String {
    format!("your `{function}` returned an error: {}", io_error(error))
}

pub fn thread_for(function: &str) -> String {
    format!("starting a thread for your `{function}`")
}

pub const EXPECTED: &str = "expected:";
pub const GOT: &str = "got:";
pub const WRONG_ROW: &str = "<- wrong";
pub const MISSING: &str = "(missing)";
pub const NOTHING: &str = "nothing";

pub fn in_all(len: usize) -> String {
    format!("({} in all)", count(len, "byte"))
}

pub fn differs_from_byte(index: usize) -> String {
    format!(
        "they differ from byte {} on (counting from 0)",
        crate::thousands(index)
    )
}

/// "1 byte", "2 bytes": the plural of the units the specs count.
pub fn plural(unit: &str, n: usize) -> String {
    if n == 1 {
        unit.to_string()
    } else {
        format!("{unit}s")
    }
}

/// 1st, 2nd, 3rd, 4th...
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
