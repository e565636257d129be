//! Shared by the tests of udp-receiver, udp-sender and udp-relay (the last two include this
//! file with `#[path]`): the sibling programs, and the score lines they print.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

/// The binary of another package of the workspace. Cargo gives a test only its own package's
/// binaries, so build the sibling (a no-op when it is up to date) next to `own`, once.
pub fn sibling(own: &str, package: &str) -> String {
    static BUILT: OnceLock<Mutex<Vec<(String, String)>>> = OnceLock::new();
    let built = BUILT.get_or_init(Mutex::default);
    let mut built = built
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, path)) = built.iter().find(|(name, _)| name == package) {
        return path.clone();
    }
    let own = Path::new(own);
    let profile_dir = own.parent().expect("a binary lives in a directory");
    let target_dir = profile_dir.parent().expect("the profile lives in target");
    let mut build = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    build.args(["build", "--quiet", "-p", package, "--target-dir"]);
    build.arg(target_dir);
    if profile_dir.ends_with("release") {
        build.arg("--release");
    }
    let status = build
        .status()
        .unwrap_or_else(|error| panic!("running cargo build -p {package}: {error}"));
    assert!(status.success(), "cargo build -p {package} failed");
    let path: PathBuf = profile_dir.join(format!("{package}{}", std::env::consts::EXE_SUFFIX));
    let path = path.to_string_lossy().into_owned();
    built.push((package.to_string(), path.clone()));
    path
}

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
