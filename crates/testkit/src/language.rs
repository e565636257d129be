//! One test in another language of the course, in a process of its own.
//!
//! The course decides the language of a process once, at the first message
//! (course::lang::current), and every test of a test binary shares that process: English,
//! since the tests run with SOCKETS_LANG=en or an English locale. A test that checks the
//! Portuguese of a message that is built in-process (a hint, a summary) runs again, alone, in a
//! process started with SOCKETS_LANG=pt-BR.

use std::process::Command;

/// Set in the process that [`speaking`] starts: the name of the test it runs there.
const RERUN: &str = "TESTKIT_SPEAKING";

/// Whether the calling test checks its messages here: true in the process that this function
/// started for `test`, where the course speaks `lang` (`en`, `pt-BR`). Anywhere else it runs
/// `test` again in such a process, checks that the test ran there and passed, and returns
/// false. `test` is the test's path in its test binary, as `cargo test -- --exact` takes it
/// (`bind_hint_in_portuguese`, or `tests::bind_hint_in_portuguese` in a module):
///
/// ```no_run
/// #[test]
/// fn bind_hint_in_portuguese() {
///     if !testkit::speaking("pt-BR", "bind_hint_in_portuguese") {
///         return;
///     }
///     // assertions on Portuguese messages
/// }
/// ```
pub fn speaking(lang: &str, test: &str) -> bool {
    if std::env::var_os(RERUN).is_some_and(|running| running == test) {
        return true;
    }
    let binary = std::env::current_exe().expect("the path of the test binary");
    let mut command = Command::new(binary);
    command
        .args([test, "--exact", "--test-threads=1"])
        .env("SOCKETS_LANG", lang)
        .env(RERUN, test);
    let finished = crate::Program::start_command(&mut command).finish();
    let stdout = finished.stdout_text();
    // A name that matches no test runs none, and passes: "1 passed" says this one ran.
    assert!(
        finished.status.success() && stdout.contains("test result: ok. 1 passed"),
        "{test} with SOCKETS_LANG={lang}:\n{stdout}{}",
        finished.stderr
    );
    false
}
