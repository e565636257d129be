//! The runner, run as a student runs it, on a fresh copy of exercises/ (so that the tests
//! never see, nor change, the progress of whoever runs them).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use testkit::{Finished, Program};

const RUNNER: &str = env!("CARGO_BIN_EXE_exercises");

/// A fresh copy of the repository's exercises/, without build output or progress.
fn fresh_copy() -> PathBuf {
    static COPIES: AtomicU32 = AtomicU32::new(0);
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    // The copies of earlier runs (each with its own build) go first.
    let ours = format!("exercises-copy-{}-", std::process::id());
    for entry in fs::read_dir(tmp).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("exercises-copy-") && !name.starts_with(&ours) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
    let copy = tmp.join(format!(
        "exercises-copy-{}-{}",
        std::process::id(),
        COPIES.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = fs::remove_dir_all(&copy);
    let repository = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    copy_dir(&repository.join("exercises"), &copy);
    // An exercise may use a course crate (udp1-pinger's tests use crates/udp-relay): point its
    // path dependency at the repository's crates/, which the copy does not hold.
    // `absolute`, not `canonicalize`: no `\\?\` prefix on Windows, which TOML would not take.
    let crates = std::path::absolute(repository.join("crates")).unwrap();
    let crates = crates.to_string_lossy().replace('\\', "/");
    for entry in fs::read_dir(&copy).unwrap().flatten() {
        let manifest = entry.path().join("Cargo.toml");
        if let Ok(text) = fs::read_to_string(&manifest) {
            let text = text.replace("path = \"../../crates/", &format!("path = \"{crates}/"));
            fs::write(&manifest, text).unwrap();
        }
    }
    copy
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let name = entry.file_name();
        if name == "target" || name == ".progress" {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(&name));
        } else {
            fs::copy(&path, to.join(&name)).unwrap();
        }
    }
}

fn runner(dir: &Path, args: &[&str]) -> Finished {
    let mut command = Command::new(RUNNER);
    command.arg("--dir").arg(dir).args(args);
    // Each copy builds in its own directory: cargo names a workspace's artifacts the same
    // wherever the workspace is, so two copies sharing one would overwrite each other.
    command.env("CARGO_TARGET_DIR", dir.join("target"));
    // A check compiles the exercise (and runs clippy): slow on a busy machine.
    Program::start_command(&mut command).finish_within(Duration::from_secs(300))
}

#[test]
fn list_shows_every_exercise_in_lesson_order_not_started() {
    let dir = fresh_copy();
    let finished = runner(&dir, &["list"]);
    assert!(finished.status.success(), "{}", finished.stderr);
    let out = finished.stdout_text();
    let names: Vec<&str> = out
        .lines()
        .filter(|line| line.contains("not started"))
        .filter_map(|line| line.split_whitespace().nth(2))
        .collect();
    assert_eq!(
        names,
        [
            "tcp1-echo-handler",
            "tcp2-framing",
            "tcp3-chat",
            "udp1-pinger",
            "udp2-scorer",
            "udp3-retry",
            "mc1-scope",
            "mc2-listener",
            "mc3-ticker"
        ],
        "{out}"
    );
    assert!(out.contains("0 of 9 passing"), "{out}");
}

#[test]
fn hint_prints_the_exercises_hint() {
    let dir = fresh_copy();
    let finished = runner(&dir, &["hint", "tcp1-echo-handler"]);
    assert!(finished.status.success(), "{}", finished.stderr);
    let expected = fs::read_to_string(dir.join("tcp1-echo-handler/hint.md")).unwrap();
    assert_eq!(finished.stdout_text(), expected);
}

#[test]
fn an_unknown_exercise_is_an_error_with_a_hint_listing_the_names() {
    let dir = fresh_copy();
    for command in ["hint", "check", "solution", "watch"] {
        let finished = runner(&dir, &[command, "tcp9-nope"]);
        assert_eq!(
            finished.status.code(),
            Some(1),
            "{command}: {}",
            finished.stderr
        );
        let lines: Vec<&str> = finished.stderr.lines().collect();
        assert!(
            lines[0].starts_with("error: unknown exercise `tcp9-nope`"),
            "{command}: {}",
            finished.stderr
        );
        assert!(
            lines[1].starts_with("hint: ") && lines[1].contains("tcp1-echo-handler"),
            "{command}: {}",
            finished.stderr
        );
    }
}

#[test]
fn solution_stays_hidden_before_the_exercise_passes() {
    let dir = fresh_copy();
    let finished = runner(&dir, &["solution", "tcp1-echo-handler"]);
    assert_eq!(finished.status.code(), Some(1));
    assert!(
        finished
            .stderr
            .starts_with("error: tcp1-echo-handler does not pass yet (not started)"),
        "{}",
        finished.stderr
    );
    assert!(finished.stderr.contains("hint: "), "{}", finished.stderr);
    assert!(
        finished.stdout.is_empty(),
        "nothing of the solution is shown"
    );
}

#[test]
fn a_failing_check_is_recorded_and_the_solution_stays_hidden() {
    let dir = fresh_copy();
    let finished = runner(&dir, &["check", "tcp1-echo-handler"]);
    assert_eq!(finished.status.code(), Some(1), "the stub fails its tests");
    assert!(
        finished
            .stderr
            .contains("error: tcp1-echo-handler does not pass yet: 4 tests fail"),
        "{}",
        finished.stderr
    );
    let list = runner(&dir, &["list"]).stdout_text();
    assert!(
        list.contains("tcp1-echo-handler    failing (4 tests fail)"),
        "{list}"
    );
    assert_eq!(
        runner(&dir, &["solution", "tcp1-echo-handler"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn a_solved_exercise_passes_its_check_then_reveals_its_solution() {
    let dir = fresh_copy();
    let exercise = dir.join("tcp1-echo-handler");
    let reference = fs::read_to_string(exercise.join("solutions/reference.rs")).unwrap();
    // The student's own words: the reference with a comment of theirs.
    fs::write(
        exercise.join("src/lib.rs"),
        format!("// solved it!\n{reference}"),
    )
    .unwrap();
    let finished = runner(&dir, &["check", "tcp1-echo-handler"]);
    assert!(
        finished.status.success(),
        "{}\n{}",
        finished.stdout_text(),
        finished.stderr
    );
    assert!(finished.stdout_text().contains("tcp1-echo-handler passes!"));

    let list = runner(&dir, &["list"]).stdout_text();
    assert!(list.contains("tcp1-echo-handler    passing"), "{list}");
    assert!(list.contains("1 of 9 passing"), "{list}");

    let shown = runner(&dir, &["solution", "tcp1-echo-handler"]);
    assert!(shown.status.success(), "{}", shown.stderr);
    assert!(shown.stdout_text().contains(&reference));

    // Changed after the check: no longer counted as passing until checked again.
    fs::write(
        exercise.join("src/lib.rs"),
        format!("// edited\n{reference}"),
    )
    .unwrap();
    let list = runner(&dir, &["list"]).stdout_text();
    assert!(
        list.contains("tcp1-echo-handler    changed since the last check"),
        "{list}"
    );
    assert_eq!(
        runner(&dir, &["solution", "tcp1-echo-handler"])
            .status
            .code(),
        Some(1)
    );
}
