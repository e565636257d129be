//! What the programs say, in each language: one table of messages per language, with the same
//! keys, and [`t!`](crate::t) to fetch a message and fill in its `{placeholders}`.
//!
//! ```text
//! en:    ("tcp-echo-server.listening", "{local} (TCP listener, backlog {backlog}); waiting for clients (Ctrl-C stops)")
//! pt-BR: ("tcp-echo-server.listening", "{local} (socket de escuta TCP, backlog {backlog}); esperando clientes (Ctrl-C encerra)")
//! ```
//!
//! A program writes `t!("tcp-echo-server.listening", local, backlog = BACKLOG)`: a placeholder
//! `{local}` takes the value of the variable `local`, `{backlog}` the value given. A value is
//! shown with its `Display`; format it first (`format!("{:.1?}", took)`) to show it otherwise.
//! `{{` and `}}` stand for `{` and `}`.
//!
//! Each table is split in parts, one per program or shared concern (`en/tcp_echo_server.rs`,
//! `pt_br/tcp_echo_server.rs`...), so that each part is short enough to read next to its twin.
//! The tests check that both languages have the same keys, that a message has the same
//! placeholders in both, and that every key a program uses exists ([`check_sources`]).
//!
//! What stays in English in both: the socket calls' names (`bind`, `accept`, `send_to`: they
//! are the API), the OS's own error texts (on Windows they come in the system's language), and
//! anything a program receives or sends as data.

/// Declares a language's table in its folder (`en/mod.rs`, `pt_br/mod.rs`): one file per part,
/// the same parts in every language, in this order. A new part goes here, once, and then needs
/// its file in each language's folder.
macro_rules! table {
    () => {
        table!(
            course,
            address,
            trouble,
            running,
            datagram,
            multicast_listener,
            multicast_sender,
            tcp_client,
            tcp_echo_server,
            udp_receiver,
            udp_relay,
            udp_sender,
            demo,
            socket_lab,
            wire,
            exercises,
        );
    };
    ($($part:ident),* $(,)?) => {
        $(mod $part;)*

        /// The table's parts, in the order of [`table!`].
        pub const PARTS: &[super::Part] = &[$($part::PART),*];
    };
}

mod en;
mod pt_br;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::sync::OnceLock;

use crate::lang::{self, Lang};

/// A part of a language's table: (key, message) pairs.
pub type Part = &'static [(&'static str, &'static str)];

/// Every part of a language's table.
pub fn parts(lang: Lang) -> &'static [Part] {
    match lang {
        Lang::En => en::PARTS,
        Lang::PtBr => pt_br::PARTS,
    }
}

type Index = HashMap<&'static str, &'static str>;

fn index(lang: Lang) -> &'static Index {
    static INDEXES: OnceLock<[Index; 2]> = OnceLock::new();
    let build = |lang: Lang| -> Index {
        parts(lang)
            .iter()
            .flat_map(|part| part.iter().copied())
            .collect()
    };
    let indexes = INDEXES.get_or_init(|| [build(Lang::En), build(Lang::PtBr)]);
    match lang {
        Lang::En => &indexes[0],
        Lang::PtBr => &indexes[1],
    }
}

/// The message of `key` in the language of this run; English when a translation is missing,
/// and the key itself when even that is missing (the tests make sure neither happens).
pub fn get(key: &str) -> Cow<'static, str> {
    get_in(lang::current(), key)
}

/// The message of `key` in `lang` (see [`get`]).
pub fn get_in(lang: Lang, key: &str) -> Cow<'static, str> {
    match index(lang).get(key).or_else(|| index(Lang::En).get(key)) {
        Some(message) => Cow::Borrowed(message),
        None => Cow::Owned(key.to_string()),
    }
}

/// The message of `key` in the language of this run, as a `&'static str` (for APIs that take
/// nothing else, such as clap's headings); `None` when the tables lack it.
pub fn get_static(key: &str) -> Option<&'static str> {
    let lang = lang::current();
    index(lang)
        .get(key)
        .or_else(|| index(Lang::En).get(key))
        .copied()
}

/// Whether `key` is in the tables (English is the reference).
pub fn has(key: &str) -> bool {
    index(Lang::En).contains_key(key)
}

/// Fills the `{name}` placeholders of `template` with the values of `values`. A placeholder
/// without a value stays as it is; `{{` and `}}` are `{` and `}`.
pub fn fill(template: &str, values: &[(&str, &dyn fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        let name = tail[1..]
            .find('}')
            .map(|end| &tail[1..1 + end])
            .filter(|name| is_name(name));
        match name.and_then(|name| values.iter().find(|(key, _)| *key == name)) {
            Some((name, value)) => {
                let _ = write!(out, "{value}");
                rest = &tail[name.len() + 2..];
            }
            None => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The placeholder names of a message, in order of first appearance.
pub fn placeholders(message: &str) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    let mut rest = message;
    while let Some(at) = rest.find(['{', '}']) {
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            rest = &tail[2..];
            continue;
        }
        match tail[1..].find('}').map(|end| &tail[1..1 + end]) {
            Some(name) if tail.starts_with('{') && is_name(name) => {
                if !names.contains(&name) {
                    names.push(name);
                }
                rest = &tail[name.len() + 2..];
            }
            _ => rest = &tail[1..],
        }
    }
    names
}

/// A message of the tables, its placeholders filled: `t!("key")`, `t!("key", name)` (the
/// variable `name` fills `{name}`), `t!("key", name = value)`.
#[macro_export]
macro_rules! t {
    ($key:literal $(,)?) => {
        $crate::text::get($key).into_owned()
    };
    ($key:literal, $($name:ident $(= $value:expr)?),+ $(,)?) => {
        $crate::text::fill(
            &$crate::text::get($key),
            &[$((::std::stringify!($name), &$crate::__t_value!($name $(= $value)?) as &dyn ::std::fmt::Display)),+],
        )
    };
}

/// Narrates a call with a message of the tables: `say!("bind", "key", values...)` is
/// `narrate!("bind", "{}", t!("key", values...))`.
#[macro_export]
macro_rules! say {
    ($call:expr, $($message:tt)+) => {
        $crate::narrate!($call, "{}", $crate::t!($($message)+))
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __t_value {
    ($name:ident) => {
        $name
    };
    ($name:ident = $value:expr) => {
        $value
    };
}

/// What is wrong with the tables, one line each: a key in one language and not the other, a
/// key twice, a message whose placeholders differ between the languages. Empty when right.
pub fn check_tables() -> Vec<String> {
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let mut seen = std::collections::HashSet::new();
        for (key, _) in parts(lang).iter().flat_map(|part| part.iter()) {
            if !seen.insert(*key) {
                problems.push(format!("{lang}: the key {key} is there twice"));
            }
        }
    }
    let (en, pt) = (index(Lang::En), index(Lang::PtBr));
    for key in en.keys().filter(|key| !pt.contains_key(*key)) {
        problems.push(format!("pt-BR: no message for {key}"));
    }
    for key in pt.keys().filter(|key| !en.contains_key(*key)) {
        problems.push(format!("en: no message for {key}"));
    }
    for (key, english) in en {
        if let Some(portuguese) = pt.get(key) {
            let mut a = placeholders(english);
            let mut b = placeholders(portuguese);
            a.sort_unstable();
            b.sort_unstable();
            if a != b {
                problems.push(format!(
                    "{key}: the placeholders differ: en {a:?}, pt-BR {b:?}"
                ));
            }
        }
    }
    problems.sort();
    problems
}

/// The keys that `sources` use (in `t!("...")`, `say!(call, "...")` and `text::get("...")`)
/// and the tables lack: give it the text of every source file of the programs.
pub fn check_sources<'a>(sources: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<String> {
    let mut problems = Vec::new();
    for (file, text) in sources {
        for key in used_keys(text) {
            if !has(&key) {
                problems.push(format!("{file}: the key {key} is in no table"));
            }
        }
    }
    problems
}

/// The keys a source file names: the first string literal after `t!(`, after the call in
/// `say!(call, `, and in `text::get(`, `get_in(lang, ` and `get_static(`.
pub fn used_keys(source: &str) -> Vec<String> {
    // Comments may show a call as an example: only code counts.
    let code: String = source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    keys_in(&code).into_iter().map(str::to_string).collect()
}

/// [`used_keys`] of code without comments.
fn keys_in(source: &str) -> Vec<&str> {
    let mut keys = Vec::new();
    let openings = [
        ("t!(", false),
        ("say!(", true),
        ("text::get(", false),
        ("get_in(", true),
        ("get_static(", false),
    ];
    for (opening, skip_one) in openings {
        let mut rest = source;
        while let Some(at) = rest.find(opening) {
            // `t!(` must not be the end of a longer name (`print!(`... never ends in `t!(`
            // after a letter we care about, but `sort!(` would).
            let before = rest[..at].chars().next_back();
            rest = &rest[at + opening.len()..];
            if opening == "t!(" && before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let mut args = rest;
            if skip_one {
                match args.find(',') {
                    Some(comma) => args = &args[comma + 1..],
                    None => continue,
                }
            }
            let args = args.trim_start();
            if let Some(literal) = args.strip_prefix('"')
                && let Some(end) = literal.find('"')
            {
                keys.push(&literal[..end]);
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_keys_and_placeholders() {
        let problems = check_tables();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn placeholders_are_filled_by_name_and_braces_can_be_escaped() {
        let port = 7878;
        let values: [(&str, &dyn fmt::Display); 2] = [("port", &port), ("who", &"server")];
        assert_eq!(
            fill("{who} on {port}, {port} again", &values),
            "server on 7878, 7878 again"
        );
        assert_eq!(fill("{{port}} is {port}", &values), "{port} is 7878");
        assert_eq!(fill("{missing} {port}", &values), "{missing} 7878");
        assert_eq!(fill("a { b } c {", &values), "a { b } c {");
        assert_eq!(fill("olá, {who}!", &values), "olá, server!");
        assert_eq!(placeholders("{a} {b} {{c}} {a} { d }"), ["a", "b"]);
    }

    #[test]
    fn the_macro_takes_variables_and_named_values() {
        let lang = "pt-BR";
        assert_eq!(fill("{lang} {x}", &[("lang", &lang), ("x", &1)]), "pt-BR 1");
        // The tables' own messages: the English one is the reference.
        assert_eq!(get_in(Lang::En, "no.such.key"), "no.such.key");
        let text = crate::t!("course.arg.lang");
        assert!(!text.is_empty() && text != "course.arg.lang", "{text}");
    }

    #[test]
    fn keys_are_found_in_source_text() {
        let source = r#"
            say!("bind", "server.listening", local);
            let hint = t!("trouble.in-use", port = 7878);
            narrate!("x", "{}", text::get("course.arg.help"));
            let label = get_in(Lang::PtBr, "udp-relay.label-expect");
            let usage = text::get_static("course.help.usage");
            print!("not a key");
        "#;
        assert_eq!(
            used_keys(source),
            [
                "trouble.in-use",
                "server.listening",
                "course.arg.help",
                "udp-relay.label-expect",
                "course.help.usage"
            ]
        );
        // rustfmt puts a long call's arguments on lines of their own; comments do not count.
        let source = "say!(\n    \"accept\",\n    \"server.accepted\",\n    number,\n);\n// t!(\"not.code\")";
        assert_eq!(used_keys(source), ["server.accepted"]);
    }
}
