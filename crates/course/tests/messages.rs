//! The message tables against the programs' sources: every key a program uses is in the
//! tables, in both languages (crates/course/src/text), and every key of the tables is used.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            into.push(path);
        }
    }
}

/// The source files of every crate's `src/` (tests and examples do not speak to students).
fn sources() -> Vec<(String, String)> {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for entry in fs::read_dir(&crates).unwrap().flatten() {
        rust_files(&entry.path().join("src"), &mut files);
    }
    // The tables' own module: its documentation and tests show made-up keys.
    files.retain(|path| !path.components().any(|part| part.as_os_str() == "text"));
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).unwrap();
            (path.display().to_string(), text)
        })
        .collect()
}

#[test]
fn the_tables_have_the_same_keys_in_both_languages() {
    let problems = course::text::check_tables();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_key_the_programs_use_is_in_the_tables() {
    let sources = sources();
    let problems =
        course::text::check_sources(sources.iter().map(|(f, t)| (f.as_str(), t.as_str())));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_key_of_the_tables_is_used() {
    let sources = sources();
    let used: Vec<String> = sources
        .iter()
        .flat_map(|(_, text)| course::text::used_keys(text))
        .collect();
    let unused: Vec<&str> = course::text::parts(course::lang::Lang::En)
        .iter()
        .flat_map(|part| part.iter().map(|(key, _)| *key))
        // Help texts are fetched by name from clap's own ids (course::help), and a few keys
        // are chosen at run time: the code writes them out in full, as string literals.
        .filter(|key| {
            !key.contains(".arg.") && !key.ends_with(".about") && !key.ends_with(".after-help")
        })
        .filter(|key| !used.iter().any(|used| used == key))
        // A key written out in full, or a noun of `plural(count, "noun")`.
        .filter(|key| {
            let name = key.strip_prefix("noun.").unwrap_or(key);
            !sources
                .iter()
                .any(|(_, text)| text.contains(&format!("\"{name}\"")))
        })
        .collect();
    assert!(unused.is_empty(), "keys no program uses: {unused:?}");
}
