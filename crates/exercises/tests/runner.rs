//! The runner, run as a student runs it, on a fresh copy of exercises/ (so that the tests
//! never see, nor change, the progress of whoever runs them).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use course::lang::Lang;
use course::text;
use testkit::{Finished, Program, assert_error_and_hint};

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
    // path dependency at the repository's crates/, which the copy does not hold. (The runner
    // then finds udp1-pinger's Cargo.toml changed, and will not check it in a copy.)
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

/// The runner on the copy at `dir`, as a student would start it (from the current directory
/// unless the caller sets another).
fn command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(RUNNER);
    // With --dir, each copy builds in its own target/, whatever CARGO_TARGET_DIR says: see
    // `folders_given_with_dir_never_share_a_build_even_with_a_shared_target_dir`.
    command.arg("--dir").arg(dir).args(args);
    command
}

fn finish(command: &mut Command) -> Finished {
    // A check compiles the exercise (and runs clippy): slow on a busy machine.
    Program::start_command(command).finish_within(Duration::from_secs(300))
}

fn runner(dir: &Path, args: &[&str]) -> Finished {
    finish(&mut command(dir, args))
}

/// `list` shows tcp1-echo-handler's line as expected, and its solution stays hidden.
fn assert_listed_and_solution_hidden(dir: &Path, line: &str) {
    let list = runner(dir, &["list"]).stdout_text();
    assert!(list.contains(line), "{list}");
    let solution = runner(dir, &["solution", "tcp1-echo-handler"]);
    assert_eq!(solution.status.code(), Some(1));
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
    assert_listed_and_solution_hidden(&dir, "tcp1-echo-handler    failing (4 tests fail)");
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

    // A reference that went missing: said, with how to get it back.
    let reference_file = exercise.join("solutions/reference.rs");
    fs::remove_file(&reference_file).unwrap();
    let missing = runner(&dir, &["solution", "tcp1-echo-handler"]);
    let (error, hint) = assert_error_and_hint(&missing, 1);
    assert!(error.contains("reference.rs"), "{error}");
    assert!(hint.contains("git checkout -- "), "{hint}");
    fs::write(&reference_file, &reference).unwrap();

    // Changed after the check: no longer counted as passing until checked again.
    fs::write(
        exercise.join("src/lib.rs"),
        format!("// edited\n{reference}"),
    )
    .unwrap();
    assert_listed_and_solution_hidden(&dir, "tcp1-echo-handler    changed since the last check");
}

/// Like testkit's `assert_error_and_hint`, for a command that shows cargo's output: cargo's own
/// `error:` lines (a failed build or test) come first; the runner's verdict is the last two
/// lines, `error:` and `hint:` in English, `erro:` and `dica:` in Portuguese.
fn assert_ends_with_error_and_hint(finished: &Finished, code: i32) -> (String, String) {
    let stderr = &finished.stderr;
    assert_eq!(finished.status.code(), Some(code), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    let ending = &lines[lines.len().saturating_sub(2)..];
    let labelled = |line: &str, label: &str| {
        Lang::ALL
            .iter()
            .any(|&lang| line.starts_with(&format!("{}: ", text::get_in(lang, label))))
    };
    assert!(
        ending.len() == 2
            && labelled(ending[0], "course.error")
            && labelled(ending[1], "course.hint")
            && !stderr.contains("panicked"),
        "expected an error line and a hint line at the end:\n{stderr}"
    );
    (ending[0].to_string(), ending[1].to_string())
}

#[test]
fn no_command_lists_the_exercises() {
    let dir = fresh_copy();
    let finished = runner(&dir, &[]);
    assert!(finished.status.success(), "{}", finished.stderr);
    assert!(finished.stdout_text().contains("0 of 9 passing"));
}

#[test]
fn usage_mistakes_get_one_error_line_one_hint_line_and_exit_status_2() {
    let dir = fresh_copy();
    for args in [
        &["bogus"][..],
        &["--bogus"],
        &["check"],
        &["hint"],
        &["solution"],
        &["check", "tcp1-echo-handler", "--time-limit", "0"],
        &["list", "--time-limit", "soon"],
    ] {
        let finished = runner(&dir, args);
        let (_, hint) = assert_error_and_hint(&finished, 2);
        if args.len() == 1 && !args[0].starts_with('-') && args[0] != "bogus" {
            // A command without its exercise: the names to choose from.
            assert!(hint.contains("tcp1-echo-handler"), "{args:?}: {hint}");
        }
    }
}

/// A name that is not text (Unix lets a program receive any bytes).
#[cfg(unix)]
#[test]
fn a_name_that_is_not_utf8_is_a_usage_mistake() {
    use std::os::unix::ffi::OsStrExt;
    let dir = fresh_copy();
    let mut command = command(&dir, &["check"]);
    command.arg(std::ffi::OsStr::from_bytes(b"tcp\xff"));
    assert_error_and_hint(&finish(&mut command), 2);
}

#[test]
fn a_missing_hint_is_an_error_with_a_hint_to_restore_it_and_a_path_from_here() {
    let dir = fresh_copy();
    fs::remove_file(dir.join("tcp1-echo-handler/hint.md")).unwrap();
    // From the folder above the copy: the path printed is relative to it, with `/`.
    let above = dir.parent().unwrap();
    let finished = finish(command(&dir, &["hint", "tcp1-echo-handler"]).current_dir(above));
    let (error, hint) = assert_error_and_hint(&finished, 1);
    let copy = dir.file_name().unwrap().to_string_lossy();
    assert!(
        error.starts_with(&format!(
            "error: reading {copy}/tcp1-echo-handler/hint.md: "
        )),
        "{error}"
    );
    assert!(
        hint.contains(&format!("git checkout -- {copy}/tcp1-echo-handler/hint.md")),
        "{hint}"
    );
}

#[test]
fn an_unwritable_progress_file_is_an_error_with_a_hint() {
    let dir = fresh_copy();
    // A folder where the file should be: writing fails on every OS.
    fs::create_dir(dir.join(".progress")).unwrap();
    let finished = runner(&dir, &["check", "tcp1-echo-handler"]);
    let (error, hint) = assert_ends_with_error_and_hint(&finished, 1);
    assert!(error.contains(".progress"), "{error}");
    assert!(hint.contains(".progress"), "{hint}");
}

/// Run from inside exercises/ (where `cargo run -p exercises` fails), the runner's advice says
/// to run it from the top folder. Reads the course's exercises/, changes nothing there.
#[test]
fn advice_given_inside_exercises_says_to_run_from_the_top_folder() {
    let exercises = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../exercises/tcp1-echo-handler");
    let mut command = Command::new(RUNNER);
    command.args(["hint", "tcp9-nope"]).current_dir(&exercises);
    let (_, hint) = assert_error_and_hint(&finish(&mut command), 1);
    assert!(
        hint.contains("`cargo run -p exercises -- list` from the course's top folder (../..)"),
        "{hint}"
    );
}

#[test]
fn a_deleted_spec_is_named_and_never_counts_as_a_pass() {
    let dir = fresh_copy();
    // Without its tests, the stub would build, "pass" and unlock the reference.
    fs::remove_file(dir.join("tcp1-echo-handler/tests/spec.rs")).unwrap();
    let finished = runner(&dir, &["check", "tcp1-echo-handler"]);
    let (error, hint) = assert_error_and_hint(&finished, 1);
    assert!(
        error.contains("tcp1-echo-handler/tests/spec.rs is not the course's (it is missing)"),
        "{error}"
    );
    assert!(hint.contains("git checkout -- "), "{hint}");
    assert_listed_and_solution_hidden(
        &dir,
        "tcp1-echo-handler    failing (its spec or Cargo.toml is not the course's)",
    );
}

#[test]
fn a_manifest_that_turns_the_tests_off_is_named_and_never_counts_as_a_pass() {
    let dir = fresh_copy();
    let manifest = dir.join("tcp1-echo-handler/Cargo.toml");
    let text = fs::read_to_string(&manifest).unwrap();
    // cargo then skips tests/spec.rs: the stub would pass.
    fs::write(
        &manifest,
        text.replace("[package]\n", "[package]\nautotests = false\n"),
    )
    .unwrap();
    let finished = runner(&dir, &["check", "tcp1-echo-handler"]);
    let (error, _) = assert_error_and_hint(&finished, 1);
    assert!(
        error.contains("tcp1-echo-handler/Cargo.toml is not the course's (it was changed)"),
        "{error}"
    );
}

#[test]
fn an_edited_shared_spec_helper_is_named_and_never_counts_as_a_pass() {
    let dir = fresh_copy();
    // Every spec fails through speckit: a speckit that never fails would pass every stub.
    let helper = dir.join("speckit/src/lib.rs");
    let text = fs::read_to_string(&helper).unwrap();
    let neutered = text.replace("panic!(\"{message}\")", "loop {}");
    assert_ne!(
        neutered, text,
        "speckit's `fail` has changed: update this test"
    );
    fs::write(&helper, neutered).unwrap();
    let finished = runner(&dir, &["check", "tcp1-echo-handler"]);
    let (error, hint) = assert_error_and_hint(&finished, 1);
    let copy = dir.file_name().unwrap().to_string_lossy();
    assert!(
        error.contains(&format!(
            "{copy}/speckit/src/lib.rs is not the course's (it was changed)"
        )),
        "{error}"
    );
    assert!(!error.contains(".."), "{error}");
    assert!(hint.contains("git checkout -- "), "{hint}");
    let out = finished.stdout_text();
    assert!(!out.contains("Compiling"), "nothing is built: {out}");
}

/// mc1-scope with every `todo!()` replaced by a loop that never ends, in the test's own thread:
/// only a time limit can stop it. The looping process writes its id to `looping.pid`.
fn looping_mc1_scope(dir: &Path) -> PathBuf {
    let exercise = dir.join("mc1-scope");
    let stub = fs::read_to_string(exercise.join("src/lib.rs")).unwrap();
    let looping = stub.replace("todo!(", "forever(")
        + r#"
fn forever(_: &str) -> ! {
    let pid = std::process::id().to_string();
    let _ = std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/looping.pid"), pid);
    loop {
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}
"#;
    fs::write(exercise.join("src/lib.rs"), looping).unwrap();
    exercise.join("looping.pid")
}

/// Whether the process `pid` has ended (a zombie, waiting for its parent, has ended too).
#[cfg(unix)]
fn has_ended(pid: &str) -> bool {
    let stat = Path::new("/proc").join(pid).join("stat");
    if Path::new("/proc/self").exists() {
        // Linux: the state is the field after the command's name, in parentheses.
        return fs::read_to_string(stat).map_or(true, |stat| {
            stat.rsplit(')')
                .next()
                .is_some_and(|rest| rest.trim_start().starts_with('Z'))
        });
    }
    !Command::new("kill")
        .args(["-0", pid])
        .status()
        .is_ok_and(|status| status.success())
}

/// Whether the process `pid` has ended: tasklist's CSV quotes the pid of a running process (its
/// other words depend on the system's language).
#[cfg(windows)]
fn has_ended(pid: &str) -> bool {
    Command::new("tasklist")
        .args(["/FI", &format!("PID eq {pid}"), "/NH", "/FO", "CSV"])
        .output()
        .is_ok_and(|out| !String::from_utf8_lossy(&out.stdout).contains(&format!("\"{pid}\"")))
}

#[test]
fn code_that_never_finishes_is_stopped_at_the_time_limit_in_check_and_watch() {
    let dir = fresh_copy();
    let pid_file = looping_mc1_scope(&dir);
    let finished = runner(&dir, &["check", "mc1-scope", "--time-limit", "3"]);
    let (error, hint) = assert_ends_with_error_and_hint(&finished, 1);
    assert_eq!(
        error,
        "error: mc1-scope does not pass yet: your code did not finish in 3 s"
    );
    assert!(
        hint.starts_with("hint: look for a loop that never ends"),
        "{hint}"
    );
    let pid = fs::read_to_string(&pid_file).expect("the looping test ran");
    // Stopped, not left behind: the test binary is the process that looped.
    assert!(has_ended(&pid), "the looping test binary {pid} still runs");
    let list = runner(&dir, &["list"]).stdout_text();
    assert!(
        list.contains(
            "mc1-scope            failing (your code did not finish within the time limit)"
        ),
        "{list}"
    );

    // watch: the same report, and it keeps watching for the fix.
    fs::remove_file(&pid_file).unwrap();
    let watching = Program::start_command(&mut command(
        &dir,
        &["watch", "mc1-scope", "--time-limit", "3"],
    ));
    watching
        .wait_stdout_contains("==> mc1-scope: your code did not finish in 3 s: look for a loop");
    let out = watching.wait_stdout_contains("==> watching ");
    assert!(out.contains("for changes"), "{out}");
    let pid = fs::read_to_string(&pid_file).expect("the looping test ran again");
    assert!(has_ended(&pid), "the looping test binary {pid} still runs");
    watching.kill();
}

/// A cargo that never finishes (here a stand-in that sleeps): stopped at its own limit.
#[cfg(unix)]
#[test]
fn a_cargo_command_that_never_finishes_is_stopped() {
    let dir = fresh_copy();
    let fake = dir.join("fake-cargo");
    let pid_file = dir.join("fake-cargo.pid");
    // A child process writes the script: if this process wrote it, a program that another
    // test thread starts at that moment could inherit the open file, and running the script
    // would then fail with "Text file busy" (ETXTBSY).
    let script = format!(
        "#!/bin/sh\necho $$ > '{}'\nexec sleep 600\n",
        pid_file.display()
    );
    let written = std::process::Command::new("sh")
        .args(["-c", "cat > \"$0\" && chmod 755 \"$0\""])
        .arg(&fake)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(script.as_bytes())?;
            child.wait()
        })
        .unwrap();
    assert!(written.success());
    let finished = finish(
        command(
            &dir,
            &["check", "tcp1-echo-handler", "--cargo-time-limit", "1.5"],
        )
        .env("CARGO", &fake),
    );
    let (error, hint) = assert_error_and_hint(&finished, 1);
    assert_eq!(
        error,
        "error: `cargo build` on tcp1-echo-handler did not finish in 1.5 s: stopped"
    );
    assert!(hint.contains("--cargo-time-limit"), "{hint}");
    let pid = fs::read_to_string(&pid_file).unwrap();
    assert!(has_ended(pid.trim()), "the stand-in cargo {pid} still runs");
}

/// The runner in Portuguese, the locale and `SOCKETS_LANG` out of the way: only what the test
/// says chooses the language.
fn in_portuguese_only_by(command: &mut Command) -> &mut Command {
    for name in ["SOCKETS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command
}

#[test]
fn list_and_hint_speak_portuguese_with_lang_pt_br_or_a_portuguese_locale() {
    let dir = fresh_copy();
    let finished = finish(in_portuguese_only_by(&mut command(
        &dir,
        &["--lang", "pt-BR", "hint", "tcp1-echo-handler"],
    )));
    assert!(finished.status.success(), "{}", finished.stderr);
    let expected = fs::read_to_string(dir.join("tcp1-echo-handler/hint.pt-BR.md")).unwrap();
    assert_eq!(finished.stdout_text(), expected);
    assert!(
        expected.starts_with("# Dica: tcp1-echo-handler"),
        "{expected}"
    );

    let finished =
        finish(in_portuguese_only_by(&mut command(&dir, &["list"])).env("LANG", "pt_BR.UTF-8"));
    let out = finished.stdout_text();
    assert!(out.contains("tcp1-echo-handler    não começado"), "{out}");
    assert!(out.contains("0 de 9 passando. Próximo passo: "), "{out}");

    let finished = finish(in_portuguese_only_by(&mut command(
        &dir,
        &["--lang", "pt-BR", "hint", "tcp9-nope"],
    )));
    let (error, hint) = assert_ends_with_error_and_hint(&finished, 1);
    assert_eq!(error, "erro: exercício desconhecido `tcp9-nope`");
    assert!(hint.starts_with("dica: os exercícios são: "), "{hint}");
    // The advice keeps the language the command line chose.
    assert!(hint.contains(" --lang pt-BR`)"), "{hint}");
}

/// `--lang pt-BR` reaches the specs, which read only SOCKETS_LANG and the locale: the runner
/// passes its language on to cargo's children.
#[test]
fn a_check_in_portuguese_shows_the_specs_failures_in_portuguese() {
    let dir = fresh_copy();
    let finished = finish(in_portuguese_only_by(&mut command(
        &dir,
        &["--lang", "pt-BR", "check", "tcp1-echo-handler"],
    )));
    let (error, hint) = assert_ends_with_error_and_hint(&finished, 1);
    assert_eq!(
        error,
        "erro: tcp1-echo-handler ainda não passa: 4 testes falham"
    );
    assert!(
        hint.starts_with("dica: leia a primeira falha acima; travou? "),
        "{hint}"
    );
    let out = finished.stdout_text();
    assert!(out.contains("==> conferindo tcp1-echo-handler"), "{out}");
    // speckit's words and the spec's own sentence, in Portuguese.
    assert!(out.contains("vindo do seu balcão de eco"), "{out}");
    assert!(
        out.contains("sua função `handle` entrou em pânico"),
        "{out}"
    );
}

/// The advice names the folder the student gave, so that following it checks the same one.
#[test]
fn the_advice_keeps_the_folder_given_with_dir() {
    let dir = fresh_copy();
    let out = runner(&dir, &["list"]).stdout_text();
    let copy = dir.file_name().unwrap().to_string_lossy();
    let next = out
        .lines()
        .find(|line| line.contains("Next: "))
        .unwrap_or_else(|| panic!("no Next line: {out}"));
    assert!(next.contains("-- watch --dir "), "{next}");
    assert!(next.contains(&*copy), "{next}");
    let finished = runner(&dir, &["hint", "tcp9-nope"]);
    let (_, hint) = assert_error_and_hint(&finished, 1);
    assert!(hint.contains("-- list --dir "), "{hint}");
}

/// Two students' folders, one CARGO_TARGET_DIR for every build (a setting some people keep):
/// cargo names both folders' builds the same, and the untouched stub would be graded with the
/// other folder's solved build. With --dir, each folder builds in its own target/.
#[test]
fn folders_given_with_dir_never_share_a_build_even_with_a_shared_target_dir() {
    let solved = fresh_copy();
    let untouched = fresh_copy();
    let shared = solved.with_file_name(format!(
        "{}-shared-target",
        solved.file_name().unwrap().to_string_lossy()
    ));
    let exercise = solved.join("tcp1-echo-handler");
    let reference = fs::read_to_string(exercise.join("solutions/reference.rs")).unwrap();
    fs::write(exercise.join("src/lib.rs"), reference).unwrap();
    let passed =
        finish(command(&solved, &["check", "tcp1-echo-handler"]).env("CARGO_TARGET_DIR", &shared));
    assert!(passed.status.success(), "{}", passed.stderr);

    let finished = finish(
        command(&untouched, &["check", "tcp1-echo-handler"]).env("CARGO_TARGET_DIR", &shared),
    );
    let (error, _) = assert_ends_with_error_and_hint(&finished, 1);
    assert_eq!(
        error,
        "error: tcp1-echo-handler does not pass yet: 4 tests fail"
    );
    let _ = fs::remove_dir_all(&shared);
}
