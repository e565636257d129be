//! The exercise runner: list, check, hint, watch and reveal the course's exercises.
//!
//! The exercises live in `exercises/`, a Cargo workspace of its own (one small library crate
//! per exercise, so that the course's own tests stay green while the stubs are unsolved). This
//! program runs cargo there for you. Run it from the course's top folder: inside `exercises/`,
//! cargo finds the exercises' workspace, which has no package named `exercises`.
//!
//! ```text
//! cargo run -p exercises -- list                       # the exercises and your progress
//! cargo run -p exercises -- watch                      # re-check on every save
//! cargo run -p exercises -- check tcp1-echo-handler    # build, test, clippy, once
//! cargo run -p exercises -- hint tcp1-echo-handler
//! cargo run -p exercises -- solution tcp1-echo-handler # once your version passes
//! ```
//!
//! It speaks English or Portuguese (Brazil), as the course's programs do (`--lang pt-BR`,
//! `SOCKETS_LANG`, the locale), and passes its language on to cargo's children in
//! `SOCKETS_LANG`, so that the specs' failure messages come in the same language; each
//! exercise has a hint in each (`hint.md`, `hint.pt-BR.md`).
//!
//! Progress is a small file, `exercises/.progress` (not in git): for each exercise, the result
//! of its last check and a fingerprint of its files then. An exercise counts as passing only
//! if its last real check passed, against the course's own spec (see `course_files`), and its
//! files have not changed since. Tests that do not finish are stopped (see `limit`).
//!
//! Book: the "Exercises" section at the end of each chapter.

mod course_files;
mod limit;

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::thread;
use std::time::Duration;

use anyhow::{Context, anyhow};
use clap::{Parser, Subcommand};
use course::lang::Lang;
use course::{HintExt, t};

use course_files::Altered;
use limit::{Ended, Limits};

// The help texts are in the message tables: `exercises.about`, `exercises.arg.dir`...
// (crates/course/src/text/en/exercises.rs and its Portuguese twin).
#[derive(Parser)]
#[command(name = "exercises")]
struct Args {
    #[arg(long, value_name = "DIR", global = true)]
    dir: Option<PathBuf>,
    #[arg(
        long,
        value_name = "SECONDS",
        default_value = "60",
        value_parser = limit::parse_limit,
        global = true
    )]
    time_limit: Duration,
    #[arg(
        long,
        value_name = "SECONDS",
        default_value = "600",
        value_parser = limit::parse_limit,
        global = true
    )]
    cargo_time_limit: Duration,
    #[command(subcommand)]
    command: Option<Action>,
}

#[derive(Subcommand)]
enum Action {
    List,
    Check { name: Option<String> },
    Hint { name: Option<String> },
    Watch { name: Option<String> },
    Solution { name: Option<String> },
}

fn main() -> ExitCode {
    let mut args = std::env::args_os();
    // Cargo runs each test binary through this program, to stop it when the time limit passes.
    if args.nth(1).is_some_and(|first| first == limit::WRAPPER) {
        return limit::wrapper(args);
    }
    course::main(|| run(course::parse_args()))
}

fn run(args: Args) -> anyhow::Result<()> {
    let set = ExerciseSet::open(args.dir)?;
    let limits = Limits {
        code: args.time_limit,
        cargo: args.cargo_time_limit,
    };
    match args.command.unwrap_or(Action::List) {
        Action::List => list(&set),
        Action::Check { name } => {
            let exercise = set.find(name.as_deref(), "check")?;
            let outcome = check(&set, exercise, limits)?;
            if outcome.passed() {
                Ok(())
            } else {
                Err(failure(&set, exercise, outcome, limits))
            }
        }
        Action::Hint { name } => {
            let exercise = set.find(name.as_deref(), "hint")?;
            let hint = read_course_file(&exercise.dir.join(hint_file()))?;
            print_out(&hint)
        }
        Action::Watch { name } => watch(&set, name.as_deref(), limits),
        Action::Solution { name } => solution(&set, set.find(name.as_deref(), "solution")?),
    }
}

/// The hint in the language of the run.
fn hint_file() -> &'static str {
    match course::lang::current() {
        Lang::En => "hint.md",
        Lang::PtBr => "hint.pt-BR.md",
    }
}

/// The course's top folder, the one that holds crates/ and exercises/.
fn top_folder() -> &'static Path {
    let runner = Path::new(env!("CARGO_MANIFEST_DIR"));
    runner.ancestors().nth(2).unwrap_or(runner)
}

/// A path as the student can use it where they are: relative to the current folder when it is
/// inside it, and with one kind of separator.
fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let text = match path.strip_prefix(&cwd) {
        Ok(inside) if inside.as_os_str().is_empty() => ".".to_string(),
        Ok(inside) => inside.display().to_string(),
        Err(_) => path.display().to_string(),
    };
    // Windows takes `/` as well as `\`; a path joined from both would print mixed.
    #[cfg(windows)]
    let text = text.replace('\\', "/");
    text
}

/// A path as a command line takes it: in double quotes when it has a space (the shells of
/// Linux, macOS and Windows all read those the same way).
fn quoted(path: &str) -> String {
    if path.contains(char::is_whitespace) {
        format!("\"{path}\"")
    } else {
        path.to_string()
    }
}

/// ` --lang pt-BR` when the command line chose the language and the environment alone would
/// choose another: the advice then keeps the student's language.
fn lang_given() -> String {
    let by_args = course::lang::decide(std::env::args_os().skip(1), |_| None);
    let by_env = course::lang::decide(std::iter::empty(), |name| std::env::var(name).ok());
    if by_args != by_env && by_args == course::lang::current() {
        format!(" --lang {}", by_args.code())
    } else {
        String::new()
    }
}

/// Reads a file that the course ships (a hint, a reference solution).
fn read_course_file(path: &Path) -> anyhow::Result<String> {
    let path_shown = shown(path);
    fs::read_to_string(path)
        .with_context(|| t!("exercises.reading", path = path_shown))
        .hint_with(|error| match course::io_kind(error) {
            Some(io::ErrorKind::NotFound) => {
                t!("exercises.restore-course-file", path = path_shown)
            }
            _ => t!("exercises.check-readable", path = path_shown),
        })
}

/// One exercise: its name (also its crate's name) and directory.
struct Exercise {
    name: String,
    dir: PathBuf,
}

impl Exercise {
    /// The lesson the exercise belongs to, from its name's prefix.
    fn lesson(&self) -> String {
        if self.name.starts_with("tcp") {
            "TCP".into()
        } else if self.name.starts_with("udp") {
            "UDP".into()
        } else if self.name.starts_with("mc") {
            "multicast".into()
        } else {
            t!("exercises.lesson.other")
        }
    }

    /// A fingerprint of the student's files (src/, tests/, the manifest and a build script) and
    /// of the shared crate's files a check compares: changes when any is saved. FNV-1a, whose
    /// values never change between Rust releases (they are kept in the progress file).
    fn fingerprint(&self) -> u64 {
        let mut files = Vec::new();
        for part in ["src", "tests"] {
            collect_files(&self.dir.join(part), &mut files);
        }
        for file in ["Cargo.toml", "build.rs"] {
            files.push(self.dir.join(file));
        }
        files.sort();
        files.extend(course_files::shared_files(&self.dir));
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut add = |bytes: &[u8]| {
            for &byte in bytes {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        };
        for file in files {
            add(file.to_string_lossy().as_bytes());
            add(&fs::read(&file).unwrap_or_default());
        }
        hash
    }

    /// The stub is untouched while it still calls `todo!()`.
    fn looks_untouched(&self) -> bool {
        fs::read_to_string(self.dir.join("src").join("lib.rs"))
            .is_ok_and(|code| code.contains("todo!("))
    }

    /// What is wrong when the exercise's spec or manifest is not the course's: what to say,
    /// and the hint.
    fn altered(&self, altered: &Altered) -> (String, String) {
        let name = &self.name;
        let Some(file) = altered.file() else {
            return (
                t!("exercises.unknown-to-the-runner", name),
                t!("exercises.unknown-to-the-runner-hint"),
            );
        };
        let path = shown(&self.dir.join(file));
        match altered {
            Altered::Added(_) => (
                t!("exercises.added-file", path),
                t!("exercises.added-file-hint"),
            ),
            Altered::Missing(_) => (
                t!("exercises.altered-missing", path),
                t!("exercises.altered-hint", path),
            ),
            _ => (
                t!("exercises.altered-changed", path),
                t!("exercises.altered-hint", path),
            ),
        }
    }
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// The exercises' workspace: its directory and its members, in the order of the lesson.
struct ExerciseSet {
    dir: PathBuf,
    /// The folder `--dir` named, if it did: the runner's advice names it again, and cargo
    /// builds in its own target/ (see `cargo`).
    given: Option<PathBuf>,
    exercises: Vec<Exercise>,
}

impl ExerciseSet {
    fn open(given: Option<PathBuf>) -> anyhow::Result<ExerciseSet> {
        let dir = given
            .clone()
            .unwrap_or_else(|| top_folder().join("exercises"));
        let manifest = dir.join("Cargo.toml");
        let text = fs::read_to_string(&manifest)
            .with_context(|| t!("exercises.reading", path = shown(&manifest)))
            .hint(t!("exercises.no-folder-hint", dir = shown(&dir)))?;
        // The `members = [...]` list of exercises/Cargo.toml, one quoted name per line.
        let exercises: Vec<Exercise> = text
            .lines()
            .skip_while(|line| !line.trim_start().starts_with("members"))
            .skip(1)
            .take_while(|line| !line.trim_start().starts_with(']'))
            .filter_map(|line| {
                line.trim()
                    .trim_end_matches(',')
                    .strip_prefix('"')?
                    .strip_suffix('"')
            })
            .map(|name| Exercise {
                name: name.to_string(),
                dir: dir.join(name),
            })
            .collect();
        if exercises.is_empty() {
            let manifest = shown(&manifest);
            return Err(anyhow!(t!("exercises.no-members", manifest)))
                .hint(t!("exercises.no-members-hint", manifest));
        }
        Ok(ExerciseSet {
            dir,
            given,
            exercises,
        })
    }

    /// The command that runs the runner with `args`, for a message, with `--dir` when the
    /// student gave it. `cargo run -p exercises` works from anywhere in the course but inside
    /// exercises/, where cargo finds the exercises' own workspace: from there, the message
    /// says where to run it.
    fn suggest(&self, args: &str) -> String {
        let cwd = std::env::current_dir().unwrap_or_default();
        let up = match cwd.strip_prefix(top_folder()) {
            Ok(inside) if inside.starts_with("exercises") => {
                Some(vec![".."; inside.components().count()].join("/"))
            }
            _ => None,
        };
        let dir = match &self.given {
            None => String::new(),
            // Run from the top folder, a path from here would be wrong: the whole path then.
            Some(given) if up.is_some() => {
                let whole = std::path::absolute(given).unwrap_or_else(|_| given.clone());
                format!(" --dir {}", quoted(&whole.display().to_string()))
            }
            Some(given) => format!(" --dir {}", quoted(&shown(given))),
        };
        let command = format!("`cargo run -p exercises -- {args}{dir}{}`", lang_given());
        match up {
            Some(up) => t!("exercises.from-top", command, up),
            None => command,
        }
    }

    fn names(&self) -> String {
        let names: Vec<&str> = self.exercises.iter().map(|e| e.name.as_str()).collect();
        names.join(", ")
    }

    /// The exercise that a command names; a command without a name is a usage mistake.
    fn find(&self, name: Option<&str>, command: &str) -> anyhow::Result<&Exercise> {
        let Some(name) = name else {
            let first = &self.exercises[0].name;
            course::usage_exit(
                &t!("exercises.needs-a-name", command),
                &t!(
                    "exercises.needs-a-name-hint",
                    names = self.names(),
                    example = self.suggest(&format!("{command} {first}"))
                ),
            );
        };
        self.exercises
            .iter()
            .find(|exercise| exercise.name == name)
            .with_context(|| t!("exercises.unknown", name))
            .hint(t!(
                "exercises.unknown-hint",
                names = self.names(),
                list = self.suggest("list")
            ))
    }

    fn progress_file(&self) -> PathBuf {
        self.dir.join(".progress")
    }

    /// The recorded checks: name -> (outcome, fingerprint of the files when checked).
    fn progress(&self) -> BTreeMap<String, (Outcome, u64)> {
        // Missing or unreadable: nothing recorded yet (the file is only a cache of checks).
        let text = fs::read_to_string(self.progress_file()).unwrap_or_default();
        text.lines()
            .filter_map(|line| {
                let mut words = line.split_whitespace();
                let name = words.next()?.to_string();
                let outcome = Outcome::parse(words.next()?)?;
                let fingerprint = words.next()?.parse().ok()?;
                Some((name, (outcome, fingerprint)))
            })
            .collect()
    }

    fn record(&self, exercise: &Exercise, outcome: Outcome) -> anyhow::Result<()> {
        let mut progress = self.progress();
        progress.insert(exercise.name.clone(), (outcome, exercise.fingerprint()));
        let mut text =
            String::from("# The exercise runner's record of your checks. Safe to delete.\n");
        for (name, (outcome, fingerprint)) in progress {
            text.push_str(&format!("{name} {} {fingerprint}\n", outcome.word()));
        }
        let file = self.progress_file();
        let path = shown(&file);
        fs::write(&file, text)
            .with_context(|| t!("exercises.writing", path))
            .hint_with(|error| match course::io_kind(error) {
                Some(io::ErrorKind::IsADirectory) => t!("exercises.progress-is-a-folder", path),
                Some(io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem) => {
                    t!("exercises.progress-not-writable", path)
                }
                _ => t!("exercises.progress-other", path),
            })
    }

    fn status(&self, exercise: &Exercise) -> Status {
        match self.progress().get(&exercise.name) {
            Some((outcome, fingerprint)) if *fingerprint == exercise.fingerprint() => {
                Status::Checked(*outcome)
            }
            Some(_) => Status::Changed,
            None if exercise.looks_untouched() => Status::NotStarted,
            None => Status::Changed,
        }
    }
}

/// The result of one check.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Passing,
    /// The spec or the manifest is not the course's: nothing was run.
    Altered,
    /// The build failed.
    DoesNotBuild,
    /// This many tests failed (0: the test run failed some other way).
    TestsFail(u32),
    /// The tests were stopped when the time limit passed.
    TimedOut,
    /// The tests pass, clippy has warnings.
    Clippy,
}

impl Outcome {
    fn passed(self) -> bool {
        self == Outcome::Passing
    }

    fn word(self) -> String {
        match self {
            Outcome::Passing => "passing".into(),
            Outcome::Altered => "altered".into(),
            Outcome::DoesNotBuild => "build".into(),
            Outcome::TestsFail(failed) => format!("tests:{failed}"),
            Outcome::TimedOut => "timeout".into(),
            Outcome::Clippy => "clippy".into(),
        }
    }

    fn parse(word: &str) -> Option<Outcome> {
        match word {
            "passing" => Some(Outcome::Passing),
            "altered" => Some(Outcome::Altered),
            "build" => Some(Outcome::DoesNotBuild),
            "timeout" => Some(Outcome::TimedOut),
            "clippy" => Some(Outcome::Clippy),
            _ => Some(Outcome::TestsFail(
                word.strip_prefix("tests:")?.parse().ok()?,
            )),
        }
    }

    fn describe(self) -> String {
        match self {
            Outcome::Passing => t!("exercises.outcome.passing"),
            Outcome::Altered => t!("exercises.outcome.altered"),
            Outcome::DoesNotBuild => t!("exercises.outcome.does-not-build"),
            Outcome::TestsFail(0) => t!("exercises.outcome.tests-fail"),
            Outcome::TestsFail(failed) => course::plural(failed, "failing-test"),
            Outcome::TimedOut => t!("exercises.outcome.timed-out"),
            Outcome::Clippy => t!("exercises.outcome.clippy"),
        }
    }
}

/// The error of a check that did not pass, with what to try next.
fn failure(
    set: &ExerciseSet,
    exercise: &Exercise,
    outcome: Outcome,
    limits: Limits,
) -> anyhow::Error {
    let name = &exercise.name;
    let why = outcome.describe();
    let (what, hint) = match outcome {
        Outcome::TimedOut => (
            t!(
                "exercises.not-yet-timed-out",
                name,
                limit = limit::seconds(limits.code)
            ),
            timed_out_hint(set, name),
        ),
        Outcome::Altered => {
            match course_files::check(name, &exercise.dir).ok().flatten() {
                Some(altered) => exercise.altered(&altered),
                // Restored since: the student may check again.
                None => (
                    t!("exercises.not-yet", name, why),
                    t!(
                        "exercises.check-again",
                        command = set.suggest(&format!("check {name}"))
                    ),
                ),
            }
        }
        _ => (
            t!("exercises.not-yet", name, why),
            t!(
                "exercises.read-the-first-failure",
                command = set.suggest(&format!("hint {name}"))
            ),
        ),
    };
    anyhow!(what).context(course::Hint(hint))
}

fn timed_out_hint(set: &ExerciseSet, name: &str) -> String {
    t!(
        "exercises.timed-out-hint",
        command = set.suggest(&format!("check {name} --time-limit 120"))
    )
}

enum Status {
    NotStarted,
    Checked(Outcome),
    /// Edited since the last check (or never checked after editing).
    Changed,
}

impl Status {
    fn describe(&self) -> String {
        match self {
            Status::NotStarted => t!("exercises.status.not-started"),
            Status::Checked(Outcome::Passing) => t!("exercises.status.passing"),
            Status::Checked(outcome) => t!("exercises.status.failing", why = outcome.describe()),
            Status::Changed => t!("exercises.status.changed"),
        }
    }
}

fn list(set: &ExerciseSet) -> anyhow::Result<()> {
    let mut out = String::new();
    let mut passing = 0;
    for (index, exercise) in set.exercises.iter().enumerate() {
        let status = set.status(exercise);
        if matches!(status, Status::Checked(Outcome::Passing)) {
            passing += 1;
        }
        out.push_str(&format!(
            "{:>2}. {:<10} {:<20} {}\n",
            index + 1,
            exercise.lesson(),
            exercise.name,
            status.describe()
        ));
    }
    out.push('\n');
    out.push_str(&t!(
        "exercises.list.summary",
        passing,
        total = set.exercises.len(),
        command = set.suggest("watch")
    ));
    out.push('\n');
    print_out(&out)
}

/// Checks that the spec is the course's, then builds, tests and lints one exercise, with
/// cargo's output shown, and records the outcome.
fn check(set: &ExerciseSet, exercise: &Exercise, limits: Limits) -> anyhow::Result<Outcome> {
    say(&t!(
        "exercises.checking",
        name = exercise.name,
        path = shown(&exercise.dir.join("src").join("lib.rs"))
    ));
    let altered = course_files::check(&exercise.name, &exercise.dir)
        .with_context(|| t!("exercises.reading-the-spec", dir = shown(&exercise.dir)))?;
    let outcome = if let Some(altered) = altered {
        let (what, hint) = exercise.altered(&altered);
        say(&format!("==> {what}\n==> {hint}"));
        Outcome::Altered
    } else if !cargo(set, exercise, limits, &["build", "--all-targets"])?.succeeded {
        Outcome::DoesNotBuild
    } else {
        let test = cargo(set, exercise, limits, &["test"])?;
        if test.stopped {
            Outcome::TimedOut
        } else if !test.succeeded {
            Outcome::TestsFail(test.failed)
        } else if !cargo(
            set,
            exercise,
            limits,
            &["clippy", "--all-targets", "--", "-D", "warnings"],
        )?
        .succeeded
        {
            Outcome::Clippy
        } else {
            Outcome::Passing
        }
    };
    set.record(exercise, outcome)?;
    let name = &exercise.name;
    say("");
    match outcome {
        Outcome::Passing => say(&t!(
            "exercises.passes",
            name,
            command = set.suggest(&format!("solution {name}"))
        )),
        Outcome::TimedOut => say(&t!(
            "exercises.did-not-finish",
            name,
            limit = limit::seconds(limits.code),
            hint = timed_out_hint(set, name)
        )),
        _ => say(&format!("==> {name}: {}", outcome.describe())),
    }
    Ok(outcome)
}

/// What one cargo command did.
#[derive(Default)]
struct CargoRun {
    succeeded: bool,
    /// Failed tests, from libtest's summaries (`cargo test` only).
    failed: u32,
    /// A test binary was stopped at the time limit (`cargo test` only).
    stopped: bool,
}

/// `cargo <subcommand>` on the exercise's crate, in the runner's language.
fn cargo_command(
    set: &ExerciseSet,
    exercise: &Exercise,
    cargo: &std::ffi::OsStr,
    subcommand: &str,
) -> Command {
    let mut command = Command::new(cargo);
    command
        .arg(subcommand)
        .arg("--manifest-path")
        .arg(set.dir.join("Cargo.toml"))
        .args(["-p", &exercise.name]);
    // Cargo names a workspace's build output the same wherever the workspace is: two exercise
    // folders sharing one target dir (a CARGO_TARGET_DIR set for every build) would take each
    // other's builds, and an untouched stub could pass with another folder's solution. A
    // folder given with --dir builds in its own target/, whatever the environment says.
    if set.given.is_some() {
        let target = set.dir.join("target");
        command
            .arg("--target-dir")
            .arg(std::path::absolute(&target).unwrap_or(target));
    }
    // The specs speak the runner's language (speckit reads SOCKETS_LANG), as does the time
    // limit's wrapper, which is this program again.
    command.env("SOCKETS_LANG", course::lang::current().code());
    command
}

/// Runs one cargo command on the exercise's crate, with its output shown, within the limit
/// for cargo commands; `cargo test` runs each test binary within the limit for the code.
fn cargo(
    set: &ExerciseSet,
    exercise: &Exercise,
    limits: Limits,
    args: &[&str],
) -> anyhow::Result<CargoRun> {
    // Under `cargo run`, CARGO names the cargo that started us.
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let subcommand = args[0];
    let mut command = cargo_command(set, exercise, &cargo, subcommand);
    let testing = subcommand == "test";
    if testing {
        let config = limit::test_runner_config(limits)
            .context(t!("exercises.giving-cargo-the-limit"))
            .hint(t!("exercises.plain-text-path"))?;
        command.arg("--config").arg(config);
    }
    command.args(&args[1..]);
    let mut run = CargoRun::default();
    let mut read_line = |line: &str| {
        // libtest's summary: "test result: FAILED. 2 passed; 3 failed; ..."
        if let Some(count) = line
            .strip_prefix("test result: FAILED. ")
            .and_then(|rest| rest.split("; ").nth(1))
            .and_then(|part| part.strip_suffix(" failed"))
            .and_then(|count| count.parse::<u32>().ok())
        {
            run.failed = run.failed.saturating_add(count);
        }
        if limit::is_stopped_line(line) {
            run.stopped = true;
        }
        say(line);
    };
    // `cargo test` runs the tests too, each binary within the code's limit.
    let cargo_limit = if testing {
        limits.cargo.saturating_add(limits.code)
    } else {
        limits.cargo
    };
    let ended = limit::run_within(
        &mut command,
        cargo_limit,
        if testing { Some(&mut read_line) } else { None },
    )
    .with_context(|| {
        t!(
            "exercises.running-cargo",
            cargo = cargo.to_string_lossy(),
            subcommand
        )
    })
    .hint(t!("exercises.install-cargo"))?;
    match ended {
        Ended::Exited(status) => {
            run.succeeded = status.success();
            Ok(run)
        }
        Ended::TimedOut => Err(anyhow!(t!(
            "exercises.cargo-timed-out",
            subcommand,
            name = exercise.name,
            limit = limit::seconds(cargo_limit)
        )))
        .hint(t!(
            "exercises.cargo-timed-out-hint",
            command = set.suggest(&format!("check {} --cargo-time-limit 1800", exercise.name))
        )),
    }
}

fn watch(set: &ExerciseSet, name: Option<&str>, limits: Limits) -> anyhow::Result<()> {
    if let Some(name) = name {
        set.find(Some(name), "watch")?;
    }
    loop {
        let exercise = match name {
            Some(name) => set.find(Some(name), "watch")?,
            None => match set
                .exercises
                .iter()
                .find(|e| !matches!(set.status(e), Status::Checked(Outcome::Passing)))
            {
                Some(exercise) => exercise,
                None => {
                    say(&t!("exercises.all-pass"));
                    return Ok(());
                }
            },
        };
        let outcome = check(set, exercise, limits)?;
        if outcome.passed() && name.is_none() {
            // On to the next unsolved exercise.
            continue;
        }
        say("");
        say(&t!(
            "exercises.watching",
            dir = shown(&exercise.dir),
            command = set.suggest(&format!("hint {}", exercise.name))
        ));
        let before = exercise.fingerprint();
        while exercise.fingerprint() == before {
            thread::sleep(Duration::from_millis(500));
        }
        say("");
    }
}

fn solution(set: &ExerciseSet, exercise: &Exercise) -> anyhow::Result<()> {
    let name = &exercise.name;
    match set.status(exercise) {
        Status::Checked(Outcome::Passing) => {
            let path = exercise.dir.join("solutions").join("reference.rs");
            let code = read_course_file(&path)?;
            let header = t!("exercises.reference-header", name, path = shown(&path));
            print_out(&format!("{header}\n\n{code}"))
        }
        status => {
            let why = match status {
                Status::Checked(outcome) => outcome.describe(),
                other => other.describe(),
            };
            Err(anyhow!(t!("exercises.hidden", name, why))).hint(t!(
                "exercises.hidden-hint",
                check = set.suggest(&format!("check {name}")),
                hint = set.suggest(&format!("hint {name}"))
            ))
        }
    }
}

/// Prints to stdout; a closed stdout (`| head`) ends the program quietly, in course::main.
fn print_out(text: &str) -> anyhow::Result<()> {
    course::write_stdout(text.as_bytes())
}

/// One line of a check's report on stdout. A closed stdout loses the report, not the check:
/// the outcome is still recorded and is the exit status.
fn say(line: &str) {
    let mut out = io::stdout();
    let _ = writeln!(out, "{line}");
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    /// `watch` waits for the fingerprint to change: restoring a file of the shared crate that a
    /// check found changed must wake it, as saving the exercise's own files does.
    #[test]
    fn the_fingerprint_changes_with_the_shared_crates_files_too() {
        let root = std::env::temp_dir().join(format!("exercises-fp-{}", std::process::id()));
        let dir = root.join("tcp1-echo-handler");
        fs::create_dir_all(dir.join("src")).unwrap();
        fs::create_dir_all(root.join("speckit/src")).unwrap();
        fs::write(dir.join("src/lib.rs"), "// mine").unwrap();
        let exercise = Exercise {
            name: "tcp1-echo-handler".into(),
            dir: dir.clone(),
        };
        let before = exercise.fingerprint();
        assert_eq!(
            exercise.fingerprint(),
            before,
            "the same files, the same fingerprint"
        );
        fs::write(root.join("speckit/src/words.rs"), "// restored").unwrap();
        assert_ne!(exercise.fingerprint(), before);
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn every_command_and_option_has_its_help_in_both_languages() {
        course::help::assert_complete(&Args::command());
    }

    #[test]
    fn a_path_with_a_space_is_quoted_for_the_shell() {
        assert_eq!(quoted("exercises"), "exercises");
        assert_eq!(quoted("my course/exercises"), "\"my course/exercises\"");
    }
}
