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
use std::hash::{DefaultHasher, Hasher};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::thread;
use std::time::Duration;

use anyhow::{Context, anyhow};
use clap::{Parser, Subcommand};
use course::HintExt;

use course_files::Altered;
use limit::{Ended, Limits};

/// Work on the course's exercises: each is a small crate in exercises/ with a stub to
/// complete (look for `// TODO` and `todo!()`), tests that are the spec, and a hint.
///
/// The usual way: run `watch` in a terminal, open the exercise's `src/lib.rs` in your editor,
/// and save; `watch` checks it again on every save and moves to the next exercise when it
/// passes. Stuck? `hint NAME`. Done? `solution NAME` shows the reference solution to compare.
/// With no command: `list`.
#[derive(Parser)]
#[command(
    name = "exercises",
    after_help = "Example, from the course's top folder (not from exercises/, where cargo \
        finds only the exercises' own workspace):\n  \
        cargo run -p exercises -- list\n  \
        cargo run -p exercises -- watch      # then edit exercises/tcp1-echo-handler/src/lib.rs"
)]
struct Args {
    /// The exercises' folder (the default is the course's exercises/).
    #[arg(long, value_name = "DIR", global = true)]
    dir: Option<PathBuf>,
    /// How long an exercise's tests may run before they are stopped (a loop that never ends).
    #[arg(
        long,
        value_name = "SECONDS",
        default_value = "60",
        value_parser = limit::parse_limit,
        global = true
    )]
    time_limit: Duration,
    /// How long each cargo command (build, test, clippy) may take before it is stopped: a
    /// first build compiles the dependencies. `cargo test` gets --time-limit on top.
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
    /// List the exercises in order, with their lesson and your progress
    /// (not started, failing, passing, or changed since the last check).
    List,
    /// Check one exercise: build it, run its tests, run clippy; the output is shown.
    Check {
        /// The exercise, e.g. tcp1-echo-handler (see `list`).
        name: Option<String>,
    },
    /// Show the hint of one exercise.
    Hint { name: Option<String> },
    /// Check an exercise, then check it again each time one of its files changes (the files'
    /// contents are polled twice a second: it works in containers and on WSL). Without a name,
    /// work through the exercises in order, from the first one that does not pass. Ctrl-C stops.
    Watch { name: Option<String> },
    /// Show the reference solution of an exercise, once your version passes its check.
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
                Err(failure(exercise, outcome, limits))
            }
        }
        Action::Hint { name } => {
            let exercise = set.find(name.as_deref(), "hint")?;
            let hint = read_course_file(&exercise.dir.join("hint.md"))?;
            print_out(&hint)
        }
        Action::Watch { name } => watch(&set, name.as_deref(), limits),
        Action::Solution { name } => solution(&set, set.find(name.as_deref(), "solution")?),
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

/// The command that runs the runner with `args`, for a message. `cargo run -p exercises` works
/// from anywhere in the course but inside exercises/, where cargo finds the exercises' own
/// workspace: from there, the message says where to run it.
fn suggest(args: &str) -> String {
    let command = format!("`cargo run -p exercises -- {args}`");
    let cwd = std::env::current_dir().unwrap_or_default();
    match cwd.strip_prefix(top_folder()) {
        Ok(inside) if inside.starts_with("exercises") => {
            let up = vec![".."; inside.components().count()].join("/");
            format!("{command} from the course's top folder ({up}), not from exercises/")
        }
        _ => command,
    }
}

/// A usage mistake found after parsing (a command without its exercise): reported as
/// `course::parse_args` reports clap's, one `error:` line, one `hint:` line, exit status 2.
fn usage_mistake(message: &str, hint: &str) -> ! {
    eprintln!("error: {message}");
    eprintln!("hint: {hint}");
    std::process::exit(2);
}

/// Reads a file that the course ships (a hint, a reference solution).
fn read_course_file(path: &Path) -> anyhow::Result<String> {
    fs::read_to_string(path)
        .with_context(|| format!("reading {}", shown(path)))
        .hint_with(|error| match course::io_kind(error) {
            Some(io::ErrorKind::NotFound) => format!(
                "it comes with the course: restore it with `git checkout -- {}`, or copy it \
                 from a fresh download of the course",
                shown(path)
            ),
            _ => format!("check that you can read {}", shown(path)),
        })
}

/// One exercise: its name (also its crate's name) and directory.
struct Exercise {
    name: String,
    dir: PathBuf,
}

impl Exercise {
    /// The lesson the exercise belongs to, from its name's prefix.
    fn lesson(&self) -> &'static str {
        if self.name.starts_with("tcp") {
            "TCP"
        } else if self.name.starts_with("udp") {
            "UDP"
        } else if self.name.starts_with("mc") {
            "multicast"
        } else {
            "other"
        }
    }

    /// A fingerprint of the student's files (src/, tests/, the manifest and a build script):
    /// changes when any is saved.
    fn fingerprint(&self) -> u64 {
        let mut files = Vec::new();
        for part in ["src", "tests"] {
            collect_files(&self.dir.join(part), &mut files);
        }
        for file in ["Cargo.toml", "build.rs"] {
            files.push(self.dir.join(file));
        }
        files.sort();
        let mut hasher = DefaultHasher::new();
        for file in files {
            hasher.write(file.to_string_lossy().as_bytes());
            hasher.write(&fs::read(&file).unwrap_or_default());
        }
        hasher.finish()
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
                format!("{name} is not one of the course's exercises: no spec to check it against"),
                "instructors: add it to course_files! in crates/exercises/src/course_files.rs"
                    .to_string(),
            );
        };
        let path = shown(&self.dir.join(file));
        match altered {
            Altered::Added(_) => (
                format!("{path} is not part of the course's exercise"),
                "delete it: cargo would run it at every build, outside the tests".to_string(),
            ),
            _ => (
                format!(
                    "{path} is not the course's ({}): the exercise passes only against the \
                     course's spec",
                    if matches!(altered, Altered::Missing(_)) {
                        "it is missing"
                    } else {
                        "it was changed"
                    }
                ),
                format!(
                    "restore it with `git checkout -- {path}`, or copy it from a fresh \
                     download of the course; then check again"
                ),
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
    exercises: Vec<Exercise>,
}

impl ExerciseSet {
    fn open(dir: Option<PathBuf>) -> anyhow::Result<ExerciseSet> {
        let dir = dir.unwrap_or_else(|| top_folder().join("exercises"));
        let manifest = dir.join("Cargo.toml");
        let text = fs::read_to_string(&manifest)
            .with_context(|| format!("reading {}", shown(&manifest)))
            .hint(format!(
                "the runner looks for the exercises in {}: restore that folder (`git checkout \
                 -- exercises`, or a fresh download of the course), or give another with --dir",
                shown(&dir)
            ))?;
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
            return Err(anyhow!("no exercises listed in {}", shown(&manifest))).hint(format!(
                "its `members = [` list names one exercise per line, as the course ships it: \
                 restore it with `git checkout -- {}`",
                shown(&manifest)
            ));
        }
        Ok(ExerciseSet { dir, exercises })
    }

    fn names(&self) -> String {
        let names: Vec<&str> = self.exercises.iter().map(|e| e.name.as_str()).collect();
        names.join(", ")
    }

    /// The exercise that a command names; a command without a name is a usage mistake.
    fn find(&self, name: Option<&str>, command: &str) -> anyhow::Result<&Exercise> {
        let Some(name) = name else {
            let first = &self.exercises[0].name;
            usage_mistake(
                &format!("`{command}` needs the name of an exercise"),
                &format!(
                    "the exercises are: {}; for instance {}",
                    self.names(),
                    suggest(&format!("{command} {first}"))
                ),
            );
        };
        self.exercises
            .iter()
            .find(|exercise| exercise.name == name)
            .with_context(|| format!("unknown exercise `{name}`"))
            .hint(format!(
                "the exercises are: {} (see {})",
                self.names(),
                suggest("list")
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
        let path = self.progress_file();
        let shown = shown(&path);
        fs::write(&path, text)
            .with_context(|| format!("writing {shown}"))
            .hint_with(|error| match course::io_kind(error) {
                Some(io::ErrorKind::IsADirectory) => {
                    format!("{shown} is a folder: delete it, the runner keeps a file there")
                }
                Some(io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem) => {
                    format!(
                        "the runner records your checks in {shown}: make it and its folder \
                         writable (on Windows, a folder of that name also gives this error)"
                    )
                }
                _ => format!(
                    "the runner records your checks in {shown}; deleting it is safe (it only \
                     forgets which exercises passed)"
                ),
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
            Outcome::Passing => "every test passes, clippy is happy".into(),
            Outcome::Altered => "its spec or Cargo.toml is not the course's".into(),
            Outcome::DoesNotBuild => "it does not compile".into(),
            Outcome::TestsFail(0) => "its tests fail".into(),
            Outcome::TestsFail(1) => "1 test fails".into(),
            Outcome::TestsFail(failed) => format!("{failed} tests fail"),
            Outcome::TimedOut => "your code did not finish within the time limit".into(),
            Outcome::Clippy => "its tests pass, but clippy has warnings".into(),
        }
    }
}

/// The error of a check that did not pass, with what to try next.
fn failure(exercise: &Exercise, outcome: Outcome, limits: Limits) -> anyhow::Error {
    let name = &exercise.name;
    let (what, hint) = match outcome {
        Outcome::TimedOut => (
            format!(
                "{name} does not pass yet: your code did not finish in {}",
                limit::seconds(limits.code)
            ),
            timed_out_hint(name),
        ),
        Outcome::Altered => {
            match course_files::check(name, &exercise.dir).ok().flatten() {
                Some(altered) => exercise.altered(&altered),
                // Restored since: the student may check again.
                None => (
                    format!("{name} does not pass yet: {}", outcome.describe()),
                    format!("check it again: {}", suggest(&format!("check {name}"))),
                ),
            }
        }
        _ => (
            format!("{name} does not pass yet: {}", outcome.describe()),
            format!(
                "read the first failure above; stuck? {}",
                suggest(&format!("hint {name}"))
            ),
        ),
    };
    anyhow!(what).context(course::Hint(hint))
}

fn timed_out_hint(name: &str) -> String {
    format!(
        "look for a loop that never ends (or a read that waits for bytes that never come); a \
         slow machine? {}",
        suggest(&format!("check {name} --time-limit 120"))
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
            Status::NotStarted => "not started".into(),
            Status::Checked(Outcome::Passing) => "passing".into(),
            Status::Checked(outcome) => format!("failing ({})", outcome.describe()),
            Status::Changed => "changed since the last check".into(),
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
    out.push_str(&format!(
        "\n{passing} of {} passing. Next: {}\n",
        set.exercises.len(),
        suggest("watch")
    ));
    print_out(&out)
}

/// Checks that the spec is the course's, then builds, tests and lints one exercise, with
/// cargo's output shown, and records the outcome.
fn check(set: &ExerciseSet, exercise: &Exercise, limits: Limits) -> anyhow::Result<Outcome> {
    say(&format!(
        "==> checking {} ({})",
        exercise.name,
        shown(&exercise.dir.join("src").join("lib.rs"))
    ));
    let altered = course_files::check(&exercise.name, &exercise.dir)
        .with_context(|| format!("reading the spec of {}", shown(&exercise.dir)))?;
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
    match outcome {
        Outcome::Passing => say(&format!(
            "\n==> {name} passes! Compare with the reference: {}",
            suggest(&format!("solution {name}"))
        )),
        Outcome::TimedOut => say(&format!(
            "\n==> {name}: your code did not finish in {}: {}",
            limit::seconds(limits.code),
            timed_out_hint(name)
        )),
        _ => say(&format!("\n==> {name}: {}", outcome.describe())),
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
    let mut command = Command::new(&cargo);
    command
        .arg(subcommand)
        .arg("--manifest-path")
        .arg(set.dir.join("Cargo.toml"))
        .args(["-p", &exercise.name]);
    let testing = subcommand == "test";
    if testing {
        let config = limit::test_runner_config(limits)
            .context("giving cargo the time limit")
            .hint("move the course to a folder whose path is plain text (UTF-8)")?;
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
        if line.starts_with(limit::STOPPED) {
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
    .with_context(|| format!("running {} {subcommand}", cargo.to_string_lossy()))
    .hint("is cargo installed and on your PATH? (https://rustup.rs)")?;
    match ended {
        Ended::Exited(status) => {
            run.succeeded = status.success();
            Ok(run)
        }
        Ended::TimedOut => Err(anyhow!(
            "`cargo {subcommand}` on {} did not finish in {}: stopped",
            exercise.name,
            limit::seconds(cargo_limit)
        ))
        .hint(format!(
            "a first build compiles the dependencies and can be slow, and cargo waits while \
             another cargo (your editor's?) holds the build folder: check again, or give cargo \
             more time with {}",
            suggest(&format!("check {} --cargo-time-limit 1800", exercise.name))
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
                    say("Every exercise passes. Well done!");
                    return Ok(());
                }
            },
        };
        let outcome = check(set, exercise, limits)?;
        if outcome.passed() && name.is_none() {
            // On to the next unsolved exercise.
            continue;
        }
        say(&format!(
            "\n==> watching {} for changes (Ctrl-C to stop); stuck? {}",
            shown(&exercise.dir),
            suggest(&format!("hint {}", exercise.name))
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
            print_out(&format!(
                "// The reference solution of {name} ({}). Yours passes too: compare.\n\n{code}",
                shown(&path)
            ))
        }
        status => Err(anyhow!(
            "{name} does not pass yet ({}): its solution stays hidden until it does",
            match status {
                Status::Checked(outcome) => outcome.describe(),
                other => other.describe(),
            }
        ))
        .hint(format!(
            "check it with {}; stuck? {}",
            suggest(&format!("check {name}")),
            suggest(&format!("hint {name}"))
        )),
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
