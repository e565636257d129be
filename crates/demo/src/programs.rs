//! The lesson's programs: built by cargo into the demo's own target directory, profile and
//! target triple, and found next to the demo's executable.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use anyhow::{Context, Result};
use course::{HintExt, t};

use crate::conversation::Conversation;

/// Where the lesson's programs are.
pub struct Programs {
    dir: PathBuf,
}

impl Programs {
    /// The path of a package's program, checked to exist.
    pub fn path(&self, package: &str) -> Result<PathBuf> {
        let path = self
            .dir
            .join(format!("{package}{}", std::env::consts::EXE_SUFFIX));
        if !path.is_file() {
            return Err(anyhow::anyhow!(t!(
                "demo.program.missing",
                path = path.display()
            )))
            .hint(t!("demo.program.missing.hint", package));
        }
        Ok(path)
    }
}

/// Builds `packages` with `$CARGO build` (a no-op when they are up to date) and returns where
/// their programs are. Under `cargo run`, `$CARGO` is the cargo that built the demo (set but
/// empty, `cargo` from the PATH); without it (the demo started by hand), the programs next to
/// the demo are used as they are.
pub fn build(conversation: &mut Conversation, packages: &[&str]) -> Result<Programs> {
    let exe = std::env::current_exe().context(t!("demo.build.own-exe"))?;
    let dir = exe.parent().context(t!("demo.build.no-dir"))?.to_path_buf();
    let label = t!("demo.label.build");
    if std::env::var_os("CARGO").is_none() {
        conversation.say(&label, &t!("demo.build.not-by-cargo", dir = dir.display()))?;
        return Ok(Programs { dir });
    }
    // Into the demo's own target directory, profile and triple (testkit has the one copy).
    let mut command = testkit::cargo_build_beside(&dir, packages);
    let built = packages.join(", ");
    conversation.say(&label, &t!("demo.build.building", packages = built))?;
    // cargo's own messages (a compile error) go straight to the demo's stderr.
    let cargo = command.get_program().to_string_lossy().into_owned();
    let status = command
        .stdin(Stdio::null())
        .status()
        .with_context(|| t!("demo.build.running", cargo))
        .hint(t!("demo.build.running.hint"))?;
    if !status.success() {
        let packages: Vec<String> = packages.iter().map(|p| format!("-p {p}")).collect();
        return Err(anyhow::anyhow!(t!("demo.build.failed", status)))
            .hint(t!("demo.build.failed.hint", packages = packages.join(" ")));
    }
    Ok(Programs { dir })
}

/// A program's arguments, from string slices.
pub fn arguments(args: &[&str]) -> Vec<String> {
    args.iter().map(ToString::to_string).collect()
}

/// A program's arguments, and `--lang` when the program would not speak the demo's language by
/// itself: every program speaks it. A child inherits the demo's environment, and from it picks
/// the language the demo would pick without its own `--lang` (crates/course/src/lang.rs); so
/// `--lang` is added only after `demo --lang ...`, and the command shown is the one a student
/// would type in this terminal.
pub fn in_our_language(args: &[String]) -> Vec<String> {
    let inherited = course::lang::decide(std::iter::empty(), |name| std::env::var(name).ok());
    with_lang(args, inherited != course::lang::current())
}

/// A program's arguments, with `--lang` and the demo's language if `add`.
pub fn with_lang(args: &[String], add: bool) -> Vec<String> {
    let mut args = args.to_vec();
    if add {
        args.extend([
            "--lang".to_string(),
            course::lang::current().code().to_string(),
        ]);
    }
    args
}

/// A command line as a student would type it: the program's file name and its arguments.
pub fn shown(program: &Path, args: &[String]) -> String {
    let name = program
        .file_stem()
        .map(OsStr::to_string_lossy)
        .unwrap_or_default();
    std::iter::once(name.into_owned())
        .chain(args.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_is_shown_as_a_student_types_it() {
        let program = Path::new("target")
            .join("debug")
            .join(format!("tcp-client{}", std::env::consts::EXE_SUFFIX));
        assert_eq!(
            shown(&program, &["--port".into(), "7878".into()]),
            "tcp-client --port 7878"
        );
    }
}
