//! The exercise runner (crates/exercises): its help, its reports and its errors.

pub const PART: crate::text::Part = &[
    (
        "exercises.about",
        "Work on the course's exercises: each is a small crate in exercises/ with a stub to complete (look for `// TODO` and `todo!()`), tests that are the spec, and a hint.\n\nThe usual way: run `watch` in a terminal, open the exercise's `src/lib.rs` in your editor, and save; `watch` checks it again on every save and moves to the next exercise when it passes. Stuck? `hint NAME`. Done? `solution NAME` shows the reference solution to compare. With no command: `list`.",
    ),
    (
        "exercises.after-help",
        "Example, from the course's top folder (not from exercises/, where cargo finds only the exercises' own workspace):\n  cargo run -p exercises -- list\n  cargo run -p exercises -- watch      # then edit exercises/tcp1-echo-handler/src/lib.rs",
    ),
    (
        "exercises.arg.dir",
        "The exercises' folder (the default is the course's exercises/); the runner then builds in that folder's own target/",
    ),
    (
        "exercises.arg.time_limit",
        "How long an exercise's tests may run before they are stopped (a loop that never ends)",
    ),
    (
        "exercises.arg.cargo_time_limit",
        "How long each cargo command (build, test, clippy) may take before it is stopped: a first build compiles the dependencies. `cargo test` gets --time-limit on top",
    ),
    (
        "exercises.list.about",
        "List the exercises in order, with their lesson and your progress (not started, failing, passing, or changed since the last check)",
    ),
    (
        "exercises.check.about",
        "Check one exercise: build it, run its tests, run clippy; the output is shown",
    ),
    (
        "exercises.check.arg.name",
        "The exercise, e.g. tcp1-echo-handler (see `list`)",
    ),
    ("exercises.hint.about", "Show the hint of one exercise"),
    (
        "exercises.hint.arg.name",
        "The exercise, e.g. tcp1-echo-handler (see `list`)",
    ),
    (
        "exercises.watch.about",
        "Check an exercise, then check it again each time one of its files changes (the files' contents are polled twice a second: it works in containers and on WSL). Without a name, work through the exercises in order, from the first one that does not pass. Ctrl-C stops",
    ),
    (
        "exercises.watch.arg.name",
        "The exercise to watch (default: every one, in order, from the first that does not pass)",
    ),
    (
        "exercises.solution.about",
        "Show the reference solution of an exercise, once your version passes its check",
    ),
    (
        "exercises.solution.arg.name",
        "The exercise, e.g. tcp1-echo-handler (see `list`)",
    ),
    (
        "exercises.from-top",
        "{command} from the course's top folder ({up}), not from exercises/",
    ),
    ("exercises.reading", "reading {path}"),
    ("exercises.writing", "writing {path}"),
    (
        "exercises.restore-course-file",
        "it comes with the course: restore it with `git checkout -- {path}`, or copy it from a fresh download of the course",
    ),
    ("exercises.check-readable", "check that you can read {path}"),
    ("exercises.lesson.other", "other"),
    (
        "exercises.unknown-to-the-runner",
        "{name} is not one of the course's exercises: no spec to check it against",
    ),
    (
        "exercises.unknown-to-the-runner-hint",
        "instructors: add it to course_files! in crates/exercises/src/course_files.rs",
    ),
    (
        "exercises.added-file",
        "{path} is not part of the course's exercise",
    ),
    (
        "exercises.added-file-hint",
        "delete it: cargo would run it at every build, outside the tests",
    ),
    (
        "exercises.altered-missing",
        "{path} is not the course's (it is missing): the exercise passes only against the course's spec",
    ),
    (
        "exercises.altered-changed",
        "{path} is not the course's (it was changed): the exercise passes only against the course's spec",
    ),
    (
        "exercises.altered-hint",
        "restore it with `git checkout -- {path}`, or copy it from a fresh download of the course; then check again",
    ),
    (
        "exercises.no-folder-hint",
        "the runner looks for the exercises in {dir}: restore that folder (`git checkout -- exercises`, or a fresh download of the course), or give another with --dir",
    ),
    ("exercises.no-members", "no exercises listed in {manifest}"),
    (
        "exercises.no-members-hint",
        "its `members = [` list names one exercise per line, as the course ships it: restore it with `git checkout -- {manifest}`",
    ),
    (
        "exercises.needs-a-name",
        "`{command}` needs the name of an exercise",
    ),
    (
        "exercises.needs-a-name-hint",
        "the exercises are: {names}; for instance {example}",
    ),
    ("exercises.unknown", "unknown exercise `{name}`"),
    (
        "exercises.unknown-hint",
        "the exercises are: {names} (see {list})",
    ),
    (
        "exercises.progress-is-a-folder",
        "{path} is a folder: delete it, the runner keeps a file there",
    ),
    (
        "exercises.progress-not-writable",
        "the runner records your checks in {path}: make it and its folder writable (on Windows, a folder of that name also gives this error)",
    ),
    (
        "exercises.progress-other",
        "the runner records your checks in {path}; deleting it is safe (it only forgets which exercises passed)",
    ),
    (
        "exercises.outcome.passing",
        "every test passes, clippy is happy",
    ),
    (
        "exercises.outcome.altered",
        "its spec or Cargo.toml is not the course's",
    ),
    ("exercises.outcome.does-not-build", "it does not compile"),
    ("exercises.outcome.tests-fail", "its tests fail"),
    (
        "exercises.outcome.timed-out",
        "your code did not finish within the time limit",
    ),
    (
        "exercises.outcome.clippy",
        "its tests pass, but clippy has warnings",
    ),
    ("noun.failing-test", "{count} test fails|{count} tests fail"),
    (
        "exercises.not-yet-timed-out",
        "{name} does not pass yet: your code did not finish in {limit}",
    ),
    ("exercises.not-yet", "{name} does not pass yet: {why}"),
    ("exercises.check-again", "check it again: {command}"),
    (
        "exercises.read-the-first-failure",
        "read the first failure above; stuck? {command}",
    ),
    (
        "exercises.timed-out-hint",
        "look for a loop that never ends (or a read that waits for bytes that never come); a slow machine? {command}",
    ),
    ("exercises.status.not-started", "not started"),
    ("exercises.status.passing", "passing"),
    ("exercises.status.failing", "failing ({why})"),
    ("exercises.status.changed", "changed since the last check"),
    (
        "exercises.list.summary",
        "{passing} of {total} passing. Next: {command}",
    ),
    ("exercises.checking", "==> checking {name} ({path})"),
    ("exercises.reading-the-spec", "reading the spec of {dir}"),
    (
        "exercises.passes",
        "==> {name} passes! Compare with the reference: {command}",
    ),
    (
        "exercises.did-not-finish",
        "==> {name}: your code did not finish in {limit}: {hint}",
    ),
    (
        "exercises.giving-cargo-the-limit",
        "giving cargo the time limit",
    ),
    (
        "exercises.plain-text-path",
        "move the course to a folder whose path is plain text (UTF-8)",
    ),
    ("exercises.running-cargo", "running {cargo} {subcommand}"),
    (
        "exercises.install-cargo",
        "is cargo installed and on your PATH? (https://rustup.rs)",
    ),
    (
        "exercises.cargo-timed-out",
        "`cargo {subcommand}` on {name} did not finish in {limit}: stopped",
    ),
    (
        "exercises.cargo-timed-out-hint",
        "a first build compiles the dependencies and can be slow, and cargo waits while another cargo (your editor's?) holds the build folder: check again, or give cargo more time with {command}",
    ),
    ("exercises.all-pass", "Every exercise passes. Well done!"),
    (
        "exercises.watching",
        "==> watching {dir} for changes (Ctrl-C to stop); stuck? {command}",
    ),
    (
        "exercises.reference-header",
        "// The reference solution of {name} ({path}). Yours passes too: compare.",
    ),
    (
        "exercises.hidden",
        "{name} does not pass yet ({why}): its solution stays hidden until it does",
    ),
    (
        "exercises.hidden-hint",
        "check it with {check}; stuck? {hint}",
    ),
    (
        "exercises.limit.refused",
        "{text} is not a number of seconds above 0 and at most 86400 (a day), such as 60",
    ),
    (
        "exercises.limit.not-utf8",
        "the runner's path is not valid UTF-8: {path}",
    ),
    ("exercises.limit.marker", "==> time limit:"),
    (
        "exercises.limit.stopped",
        "your code did not finish in {limit}: stopped",
    ),
    (
        "exercises.limit.usage",
        "usage: exercises {wrapper} SECONDS PROGRAM [ARGS]",
    ),
    (
        "exercises.limit.usage-hint",
        "cargo runs this for the runner; run `cargo run -p exercises` instead",
    ),
    ("exercises.limit.starting", "starting {program}: {error}"),
    ("exercises.limit.waiting", "waiting for {program}: {error}"),
    (
        "exercises.limit.signal",
        "the test binary was killed by signal {signal}",
    ),
];
