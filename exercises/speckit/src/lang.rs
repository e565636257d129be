//! The language of the failure messages: English, or Portuguese (Brazil), chosen as the
//! course's programs choose theirs (crates/course/src/lang.rs), minus `--lang`, which a test
//! binary cannot take (the runner passes its own `--lang` on as `SOCKETS_LANG`):
//! 1. `SOCKETS_LANG` (`pt-BR`, `en`);
//! 2. the locale, in POSIX order: `LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set and not
//!    empty; a value that starts with `pt` is Portuguese, anything else English;
//! 3. English.

#[cfg(test)]
use std::cell::Cell;
use std::sync::OnceLock;

/// A language of the course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    PtBr,
}

/// The language of this test run, decided once.
pub fn lang() -> Lang {
    #[cfg(test)]
    if let Some(lang) = THIS_TEST.get() {
        return lang;
    }
    static LANG: OnceLock<Lang> = OnceLock::new();
    *LANG.get_or_init(|| decide(|name| std::env::var(name).ok()))
}

// speckit's own tests choose their language, each in its own thread.
#[cfg(test)]
thread_local! {
    static THIS_TEST: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Makes this test's thread speak `lang`, whatever the environment.
#[cfg(test)]
pub(crate) fn speak(lang: Lang) {
    THIS_TEST.set(Some(lang));
}

/// The decision, from a way to read the environment (apart from [`lang`] for the tests).
fn decide(var: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = var("SOCKETS_LANG").as_deref().and_then(parse) {
        return lang;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| var(name))
        .find(|value| !value.trim().is_empty());
    match locale {
        Some(value) if value.trim().to_ascii_lowercase().starts_with("pt") => Lang::PtBr,
        _ => Lang::En,
    }
}

/// `pt-BR`, `pt_BR.UTF-8`, `pt`, `en`, `en-US`... in any case; `None` for anything else.
fn parse(name: &str) -> Option<Lang> {
    let name = name.trim().to_ascii_lowercase().replace('_', "-");
    match name.split(['-', '.', '@']).next().unwrap_or_default() {
        "pt" => Some(Lang::PtBr),
        "en" => Some(Lang::En),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decided(env: &[(&str, &str)]) -> Lang {
        decide(|name| {
            env.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        })
    }

    #[test]
    fn sockets_lang_first_then_the_locale_in_posix_order() {
        assert_eq!(decided(&[]), Lang::En);
        assert_eq!(decided(&[("SOCKETS_LANG", "pt-BR")]), Lang::PtBr);
        assert_eq!(
            decided(&[("SOCKETS_LANG", "en"), ("LANG", "pt_BR.UTF-8")]),
            Lang::En
        );
        // A SOCKETS_LANG that names no language does not hide the locale.
        assert_eq!(
            decided(&[("SOCKETS_LANG", "klingon"), ("LANG", "pt_BR")]),
            Lang::PtBr
        );
        assert_eq!(
            decided(&[("LC_ALL", "C.UTF-8"), ("LANG", "pt_BR.UTF-8")]),
            Lang::En
        );
        assert_eq!(
            decided(&[("LC_ALL", ""), ("LC_MESSAGES", "pt_PT"), ("LANG", "en_US")]),
            Lang::PtBr
        );
        assert_eq!(decided(&[("LANG", "de_DE.UTF-8")]), Lang::En);
    }

    #[test]
    fn names_in_any_usual_form() {
        for name in ["pt-BR", "pt_BR", "pt", "PT-br", "pt_BR.UTF-8"] {
            assert_eq!(parse(name), Some(Lang::PtBr), "{name}");
        }
        for name in ["en", "en-US", "EN"] {
            assert_eq!(parse(name), Some(Lang::En), "{name}");
        }
        assert_eq!(parse("fr"), None);
        assert_eq!(parse(""), None);
    }
}
