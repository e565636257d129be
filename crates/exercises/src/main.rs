//! The exercise runner: list, check, hint, watch and reveal the course's exercises.
//!
//! The exercises live in `exercises/`, a Cargo workspace of its own (one small library crate
//! per exercise, so that the course's own tests stay green while the stubs are unsolved). This
//! program runs cargo there for you:
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
//! if its last real check passed and its files have not changed since.
//!
//! Book: the "Exercises" section at the end of each chapter.

use std::collections::BTreeMap;
use std::fs;
use std::hash::{DefaultHasher, Hasher};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::thread;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use course::HintExt;

/// Work on the course's exercises: each is a small crate in exercises/ with a stub to
/// complete (look for `// TODO` and `todo!()`), tests that are the spec, and a hint.
///
/// The usual way: run `watch` in a terminal, open the exercise's `src/lib.rs` in your editor,
/// and save; `watch` checks it again on every save and moves to the next exercise when it
/// passes. Stuck? `hint NAME`. Done? `solution NAME` shows the reference solution to compare.
#[derive(Parser)]
#[command(
    name = "exercises",
    after_help = "Example, from the repository's top directory:\n  \
        cargo run -p exercises -- list\n  \
        cargo run -p exercises -- watch      # then edit exercises/tcp1-echo-handler/src/lib.rs"
)]
struct Args {
    /// The exercises' directory (the default is the repository's exercises/).
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Action,
}

#[derive(Subcommand)]
enum Action {
    /// List the exercises in order, with their lesson and your progress
    /// (not started, failing, passing, or changed since the last check).
    List,
    /// Check one exercise: build it, run its tests, run clippy; the output is shown.
    Check {
        /// The exercise, e.g. tcp1-echo-handler (see `list`).
        name: String,
    },
    /// Show the hint of one exercise.
    Hint { name: String },
    /// Check an exercise, then check it again each time one of its files changes (the files'
    /// contents are polled twice a second: it works in containers and on WSL). Without a name,
    /// work through the exercises in order, from the first one that does not pass. Ctrl-C stops.
    Watch { name: Option<String> },
    /// Show the reference solution of an exercise, once your version passes its check.
    Solution { name: String },
}

fn main() -> ExitCode {
    course::main(run)
}

fn run() -> anyhow::Result<()> {
    let args = Args::parse();
    let set = ExerciseSet::open(args.dir)?;
    match args.command {
        Action::List => list(&set),
        Action::Check { name } => {
            let exercise = set.find(&name)?;
            let outcome = check(&set, exercise)?;
            if outcome.passed() {
                Ok(())
            } else {
                Err(anyhow::anyhow!(
                    "{name} does not pass yet: {}",
                    outcome.describe()
                ))
                .hint(format!(
                    "read the first failure above; stuck? `cargo run -p exercises -- hint {name}`"
                ))
            }
        }
        Action::Hint { name } => {
            let exercise = set.find(&name)?;
            let path = exercise.dir.join("hint.md");
            let hint =
                fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
            print_out(&hint)
        }
        Action::Watch { name } => watch(&set, name.as_deref()),
        Action::Solution { name } => solution(&set, &name),
    }
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

    /// A fingerprint of the student's files (src/ and tests/): changes when any is saved.
    fn fingerprint(&self) -> u64 {
        let mut files = Vec::new();
        for part in ["src", "tests"] {
            collect_files(&self.dir.join(part), &mut files);
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
        fs::read_to_string(self.dir.join("src/lib.rs")).is_ok_and(|code| code.contains("todo!("))
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
        let dir =
            dir.unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../exercises"));
        let manifest = dir.join("Cargo.toml");
        let text = fs::read_to_string(&manifest)
            .with_context(|| format!("reading {}", manifest.display()))
            .hint("run this from the course's repository, or give the exercises' directory with --dir")?;
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
            bail!("no exercises listed in {}", manifest.display());
        }
        Ok(ExerciseSet { dir, exercises })
    }

    fn find(&self, name: &str) -> anyhow::Result<&Exercise> {
        let names: Vec<&str> = self.exercises.iter().map(|e| e.name.as_str()).collect();
        self.exercises
            .iter()
            .find(|exercise| exercise.name == name)
            .with_context(|| format!("unknown exercise `{name}`"))
            .hint(format!(
                "the exercises are: {} (see `cargo run -p exercises -- list`)",
                names.join(", ")
            ))
    }

    fn progress_file(&self) -> PathBuf {
        self.dir.join(".progress")
    }

    /// The recorded checks: name -> (outcome, fingerprint of the files when checked).
    fn progress(&self) -> BTreeMap<String, (Outcome, u64)> {
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
        fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
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
    /// The build failed.
    DoesNotBuild,
    /// This many tests failed (0: the test run failed some other way).
    TestsFail(u32),
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
            Outcome::DoesNotBuild => "build".into(),
            Outcome::TestsFail(failed) => format!("tests:{failed}"),
            Outcome::Clippy => "clippy".into(),
        }
    }

    fn parse(word: &str) -> Option<Outcome> {
        match word {
            "passing" => Some(Outcome::Passing),
            "build" => Some(Outcome::DoesNotBuild),
            "clippy" => Some(Outcome::Clippy),
            _ => Some(Outcome::TestsFail(
                word.strip_prefix("tests:")?.parse().ok()?,
            )),
        }
    }

    fn describe(self) -> String {
        match self {
            Outcome::Passing => "every test passes, clippy is happy".into(),
            Outcome::DoesNotBuild => "it does not compile".into(),
            Outcome::TestsFail(0) => "its tests fail".into(),
            Outcome::TestsFail(1) => "1 test fails".into(),
            Outcome::TestsFail(failed) => format!("{failed} tests fail"),
            Outcome::Clippy => "its tests pass, but clippy has warnings".into(),
        }
    }
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
        "\n{passing} of {} passing. Next: `cargo run -p exercises -- watch`\n",
        set.exercises.len()
    ));
    print_out(&out)
}

/// Builds, tests and lints one exercise, with cargo's output shown, and records the outcome.
fn check(set: &ExerciseSet, exercise: &Exercise) -> anyhow::Result<Outcome> {
    println!(
        "==> checking {} ({})",
        exercise.name,
        exercise.dir.join("src/lib.rs").display()
    );
    let outcome = if !cargo(set, exercise, &["build", "--all-targets"], None)? {
        Outcome::DoesNotBuild
    } else {
        let mut failed = 0;
        if !cargo(set, exercise, &["test"], Some(&mut failed))? {
            Outcome::TestsFail(failed)
        } else if !cargo(
            set,
            exercise,
            &["clippy", "--all-targets", "--", "-D", "warnings"],
            None,
        )? {
            Outcome::Clippy
        } else {
            Outcome::Passing
        }
    };
    set.record(exercise, outcome)?;
    if outcome.passed() {
        println!(
            "\n==> {} passes! Compare with the reference: `cargo run -p exercises -- solution {}`",
            exercise.name, exercise.name
        );
    } else {
        println!("\n==> {}: {}", exercise.name, outcome.describe());
    }
    Ok(outcome)
}

/// Runs one cargo command on the exercise's crate; `true` if it succeeded. With `failed`,
/// the command's stdout is shown line by line and the failed tests are counted.
fn cargo(
    set: &ExerciseSet,
    exercise: &Exercise,
    args: &[&str],
    failed: Option<&mut u32>,
) -> anyhow::Result<bool> {
    // Under `cargo run`, CARGO names the cargo that started us.
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(&cargo);
    command
        .arg(args[0])
        .arg("--manifest-path")
        .arg(set.dir.join("Cargo.toml"))
        .args(["-p", &exercise.name])
        .args(&args[1..]);
    let Some(failed) = failed else {
        let status = command
            .status()
            .with_context(|| format!("running {} {}", cargo.to_string_lossy(), args[0]))
            .hint("is cargo installed and on your PATH? (https://rustup.rs)")?;
        return Ok(status.success());
    };
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("running {} {}", cargo.to_string_lossy(), args[0]))
        .hint("is cargo installed and on your PATH? (https://rustup.rs)")?;
    let stdout = child.stdout.take().context("cargo's stdout")?;
    for line in BufReader::new(stdout).lines() {
        let line = line.context("reading cargo's output")?;
        // libtest's summary: "test result: FAILED. 2 passed; 3 failed; ..."
        if let Some(count) = line
            .strip_prefix("test result: FAILED. ")
            .and_then(|rest| rest.split("; ").nth(1))
            .and_then(|part| part.strip_suffix(" failed"))
            .and_then(|count| count.parse::<u32>().ok())
        {
            *failed += count;
        }
        println!("{line}");
    }
    Ok(child.wait().context("waiting for cargo")?.success())
}

fn watch(set: &ExerciseSet, name: Option<&str>) -> anyhow::Result<()> {
    if let Some(name) = name {
        set.find(name)?;
    }
    loop {
        let exercise = match name {
            Some(name) => set.find(name)?,
            None => match set
                .exercises
                .iter()
                .find(|e| !matches!(set.status(e), Status::Checked(Outcome::Passing)))
            {
                Some(exercise) => exercise,
                None => {
                    println!("Every exercise passes. Well done!");
                    return Ok(());
                }
            },
        };
        let outcome = check(set, exercise)?;
        if outcome.passed() && name.is_none() {
            // On to the next unsolved exercise.
            continue;
        }
        println!(
            "\n==> watching {} for changes (Ctrl-C to stop); stuck? `cargo run -p exercises -- hint {}`",
            exercise.dir.display(),
            exercise.name
        );
        let before = exercise.fingerprint();
        while exercise.fingerprint() == before {
            thread::sleep(Duration::from_millis(500));
        }
        println!();
    }
}

fn solution(set: &ExerciseSet, name: &str) -> anyhow::Result<()> {
    let exercise = set.find(name)?;
    match set.status(exercise) {
        Status::Checked(Outcome::Passing) => {
            let path = exercise.dir.join("solutions/reference.rs");
            let code =
                fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
            print_out(&format!(
                "// The reference solution of {name} ({}). Yours passes too: compare.\n\n{code}",
                path.display()
            ))
        }
        status => Err(anyhow::anyhow!(
            "{name} does not pass yet ({}): its solution stays hidden until it does",
            match status {
                Status::Checked(outcome) => outcome.describe(),
                other => other.describe(),
            }
        ))
        .hint(format!(
            "check it with `cargo run -p exercises -- check {name}`; stuck? `cargo run -p exercises -- hint {name}`"
        )),
    }
}

/// Prints to stdout; a closed stdout (`| head`) ends the output quietly instead of panicking.
fn print_out(text: &str) -> anyhow::Result<()> {
    match io::stdout().write_all(text.as_bytes()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to stdout"),
    }
}
