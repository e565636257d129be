//! Which language the programs speak: English, or Portuguese (Brazil).
//!
//! The first of these that names a language wins:
//! 1. the command line: `--lang pt-BR` or `--lang en` (every program takes it);
//! 2. the environment variable `SOCKETS_LANG` (`pt-BR`, `en`): Windows sets no `LANG`, so this
//!    is how a Windows student asks for Portuguese once for every program;
//! 3. the locale, as POSIX orders it: `LC_ALL`, then `LC_MESSAGES`, then `LANG` (the first that
//!    is set and not empty); any value that starts with `pt` (`pt_BR.UTF-8`, `pt_PT`, `pt`) is
//!    Portuguese, anything else English;
//! 4. English.

use std::ffi::OsString;
use std::fmt;
use std::sync::OnceLock;

/// A language of the course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    PtBr,
}

impl Lang {
    /// Both languages, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::PtBr];

    /// The name `--lang` and `SOCKETS_LANG` take: `en`, `pt-BR`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::PtBr => "pt-BR",
        }
    }

    /// Reads a name as `--lang` and `SOCKETS_LANG` take it: `en`, `pt-BR`, also `pt`, `pt_BR`,
    /// `en-US`..., in any case. `None` for anything else.
    pub fn parse(name: &str) -> Option<Lang> {
        let name = name.trim().to_ascii_lowercase().replace('_', "-");
        let base = name.split(['-', '.', '@']).next().unwrap_or_default();
        match base {
            "pt" => Some(Lang::PtBr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a locale variable's value means: `pt...` is Portuguese, anything else
    /// (`C`, `C.UTF-8`, `en_US.UTF-8`, `de_DE`) English.
    fn of_locale(value: &str) -> Lang {
        if value.trim().to_ascii_lowercase().starts_with("pt") {
            Lang::PtBr
        } else {
            Lang::En
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

static CURRENT: OnceLock<Lang> = OnceLock::new();

/// The language of this run, decided once (see the module's documentation).
pub fn current() -> Lang {
    *CURRENT.get_or_init(|| decide(std::env::args_os().skip(1), |name| std::env::var(name).ok()))
}

/// The decision, from the command line's arguments (after the program's name) and a way to
/// read the environment: kept apart from [`current`] so that tests can call it.
pub fn decide(
    args: impl IntoIterator<Item = OsString>,
    var: impl Fn(&str) -> Option<String>,
) -> Lang {
    if let Some(lang) = from_args(args) {
        return lang;
    }
    if let Some(lang) = var("SOCKETS_LANG").as_deref().and_then(Lang::parse) {
        return lang;
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| var(name))
        .find(|value| !value.trim().is_empty())
        .map_or(Lang::En, |value| Lang::of_locale(&value))
}

/// `--lang X` or `--lang=X` on the command line, read before clap parses it, so that clap's
/// own messages about the other arguments can already be in that language. A value that is
/// not a language is left for clap to refuse.
fn from_args(args: impl IntoIterator<Item = OsString>) -> Option<Lang> {
    let mut args = args.into_iter();
    let mut found = None;
    while let Some(arg) = args.next() {
        let Some(arg) = arg.to_str() else { continue };
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            found = args.next().and_then(|value| Lang::parse(value.to_str()?));
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            found = Lang::parse(value);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decided(args: &[&str], env: &[(&str, &str)]) -> Lang {
        decide(args.iter().map(OsString::from), |name| {
            env.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        })
    }

    #[test]
    fn the_command_line_wins_then_sockets_lang_then_the_locale() {
        let pt = [("LANG", "pt_BR.UTF-8")];
        assert_eq!(decided(&[], &pt), Lang::PtBr);
        assert_eq!(decided(&["--lang", "en"], &pt), Lang::En);
        assert_eq!(decided(&["--lang=en"], &pt), Lang::En);
        assert_eq!(decided(&["--lang", "pt-BR"], &[]), Lang::PtBr);
        assert_eq!(decided(&[], &[("SOCKETS_LANG", "pt-BR")]), Lang::PtBr);
        assert_eq!(
            decided(&[], &[("SOCKETS_LANG", "en"), ("LANG", "pt_BR.UTF-8")]),
            Lang::En
        );
        // A SOCKETS_LANG that names no language does not hide the locale.
        assert_eq!(
            decided(&[], &[("SOCKETS_LANG", "klingon"), ("LANG", "pt_BR")]),
            Lang::PtBr
        );
        assert_eq!(decided(&[], &[]), Lang::En);
    }

    #[test]
    fn the_locale_follows_posix_order_and_skips_empty_values() {
        let env = [("LC_ALL", "C.UTF-8"), ("LANG", "pt_BR.UTF-8")];
        assert_eq!(decided(&[], &env), Lang::En);
        let env = [("LC_ALL", ""), ("LC_MESSAGES", "pt_PT"), ("LANG", "en_US")];
        assert_eq!(decided(&[], &env), Lang::PtBr);
        assert_eq!(decided(&[], &[("LANG", "de_DE.UTF-8")]), Lang::En);
        assert_eq!(decided(&[], &[("LANG", "C")]), Lang::En);
    }

    #[test]
    fn names_in_any_usual_form() {
        for name in ["pt-BR", "pt_BR", "pt", "PT-br", "pt_BR.UTF-8"] {
            assert_eq!(Lang::parse(name), Some(Lang::PtBr), "{name}");
        }
        for name in ["en", "en-US", "EN"] {
            assert_eq!(Lang::parse(name), Some(Lang::En), "{name}");
        }
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn lang_after_a_double_dash_is_data_and_a_bad_value_is_left_for_clap() {
        assert_eq!(decided(&["--", "--lang", "pt-BR"], &[]), Lang::En);
        assert_eq!(decided(&["--lang", "fr"], &[("LANG", "pt_BR")]), Lang::PtBr);
        assert_eq!(decided(&["--lang"], &[]), Lang::En);
    }
}
