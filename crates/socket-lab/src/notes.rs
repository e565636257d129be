//! The notes of the rows (`128 KiB writes, one connection; median of 1346, 1358, 2750`): made
//! in English, because the CSV keeps them as data (`chart` and `report` read it back, whatever
//! language measured it); shown in the language of the run by the table, piece by piece.
//!
//! A note is pieces joined with "; ", each piece a message of the tables (`socket-lab.note.*`)
//! filled in. To show it in another language, each piece is matched against the English
//! messages, and the one it matches is filled in again, in that language, with the same values.

use std::fmt;

use course::lang::{self, Lang};
use course::text;

/// The messages a piece of a note can be.
const KEYS: [&str; 17] = [
    "socket-lab.note.stall",
    "socket-lab.note.one-way",
    "socket-lab.note.echoed",
    "socket-lab.note.twice",
    "socket-lab.note.iperf3-tcp",
    "socket-lab.note.iperf3-udp",
    "socket-lab.note.blast",
    "socket-lab.note.send-errors",
    "socket-lab.note.errors",
    "socket-lab.note.errors-first",
    "socket-lab.note.handshake",
    "socket-lab.note.no-handshake",
    "socket-lab.note.median",
    "socket-lab.note.machine",
    "socket-lab.note.machine-no-limit",
    "socket-lab.note.machine-no-load",
    "socket-lab.note.machine-nothing",
];

/// How the pieces of a note are joined.
pub const JOIN: &str = "; ";

/// A piece of a note, in English: the message of `key` with its placeholders filled.
pub fn english(key: &str, values: &[(&str, &dyn fmt::Display)]) -> String {
    text::fill(&text::get_in(Lang::En, key), values)
}

/// An English note in the language of the run. A piece that is no message of the tables (an
/// OS's error text) is shown as it is.
pub fn shown(note: &str) -> String {
    shown_in(lang::current(), note)
}

fn shown_in(lang: Lang, note: &str) -> String {
    if lang == Lang::En || note.is_empty() {
        return note.to_string();
    }
    let pieces: Vec<String> = note.split(JOIN).map(|piece| retold(lang, piece)).collect();
    pieces.join(JOIN)
}

/// One piece, told again in `lang`.
fn retold(lang: Lang, piece: &str) -> String {
    for key in KEYS {
        if let Some(found) = unfill(&text::get_in(Lang::En, key), piece) {
            let values: Vec<(&str, &dyn fmt::Display)> = found
                .iter()
                .map(|(name, value)| (name.as_str(), value as &dyn fmt::Display))
                .collect();
            return text::fill(&text::get_in(lang, key), &values);
        }
    }
    piece.to_string()
}

/// A message, cut into its text and its placeholders.
#[derive(Debug, PartialEq)]
enum Part {
    Text(String),
    Value(String),
}

fn parts(template: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        let name = rest
            .strip_prefix('{')
            .and_then(|after| after.split_once('}'))
            .map(|(name, _)| name)
            .filter(|name| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            });
        if rest.starts_with("{{") || rest.starts_with("}}") {
            literal.push(c);
            rest = &rest[2..];
        } else if let Some(name) = name {
            if !literal.is_empty() {
                parts.push(Part::Text(std::mem::take(&mut literal)));
            }
            parts.push(Part::Value(name.to_string()));
            rest = &rest[name.len() + 2..];
        } else {
            literal.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    if !literal.is_empty() {
        parts.push(Part::Text(literal));
    }
    parts
}

/// The values of `template`'s placeholders if `text` is `template` filled in (the inverse of
/// `course::text::fill`), in order: `("{count} errors", "3 errors")` gives `[("count", "3")]`.
/// A value is never empty, and takes as little of the text as it can.
fn unfill(template: &str, text: &str) -> Option<Vec<(String, String)>> {
    let mut found = Vec::new();
    matches(&parts(template), text, &mut found).then_some(found)
}

fn matches(parts: &[Part], text: &str, found: &mut Vec<(String, String)>) -> bool {
    let Some((first, rest)) = parts.split_first() else {
        return text.is_empty();
    };
    let name = match first {
        Part::Text(literal) => {
            return text
                .strip_prefix(literal.as_str())
                .is_some_and(|after| matches(rest, after, found));
        }
        Part::Value(name) => name,
    };
    // Where the value may end: before each place where the text that follows it starts, or
    // at the end of the text for a last placeholder.
    let ends: Vec<usize> = match rest.first() {
        None => vec![text.len()],
        Some(Part::Text(next)) => text
            .match_indices(next.as_str())
            .map(|(at, _)| at)
            .collect(),
        Some(Part::Value(_)) => (1..=text.len())
            .filter(|&at| text.is_char_boundary(at))
            .collect(),
    };
    for end in ends.into_iter().filter(|&end| end > 0) {
        found.push((name.clone(), text[..end].to_string()));
        if matches(rest, &text[end..], found) {
            return true;
        }
        found.pop();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filled_message_gives_back_its_values() {
        let values = |found: Option<Vec<(String, String)>>| {
            found.map(|found| {
                found
                    .into_iter()
                    .map(|(_, value)| value)
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            values(unfill(
                "{count} errors (first: {error})",
                "3 errors (first: a, b)"
            )),
            Some(vec!["3".to_string(), "a, b".to_string()])
        );
        assert_eq!(unfill("{count} errors", "3 errors (first: x)"), None);
        assert_eq!(unfill("{count} errors", " errors"), None);
        assert_eq!(
            values(unfill("{{braces}} {a}/{b}", "{braces} 1/2/3")),
            Some(vec!["1".to_string(), "2/3".to_string()])
        );
        assert_eq!(unfill("no placeholder", "no placeholder"), Some(vec![]));
        assert_eq!(unfill("no placeholder", "another"), None);
    }

    #[test]
    fn every_note_is_told_again_in_portuguese_with_its_numbers_and_unknown_pieces_stay() {
        for key in KEYS {
            assert!(text::has(key), "{key} is in no table");
        }
        let note = [
            english(
                "socket-lab.note.blast",
                &[("rate", &"93093"), ("nanos", &"7633"), ("buffer", &212992)],
            ),
            english("socket-lab.note.send-errors", &[("count", &2)]),
            english(
                "socket-lab.note.median",
                &[("runs", &"54680, 83789, 148101")],
            ),
            "Connection refused (os error 111)".to_string(),
        ]
        .join(JOIN);
        assert_eq!(
            note,
            "received 93093/s, 7633 ns per datagram sent, SO_RCVBUF 212992 B; 2 send errors; \
             median of 54680, 83789, 148101; Connection refused (os error 111)"
        );
        assert_eq!(
            shown_in(Lang::PtBr, &note),
            "recebidos 93093/s, 7633 ns por datagrama enviado, SO_RCVBUF 212992 B; 2 erros de \
             envio; mediana de 54680, 83789, 148101; Connection refused (os error 111)"
        );
        assert_eq!(shown_in(Lang::En, &note), note);
    }
}
