//! The lesson's programs: built by cargo into the demo's own target directory, profile and
//! target triple, and found next to the demo's executable.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use anyhow::{Context, Result};
use course::HintExt;

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
            return Err(anyhow::anyhow!("{} does not exist", path.display())).hint(format!(
                "run the demo with cargo, which builds it first: cargo run -p demo; or build \
                 it yourself: cargo build -p {package}"
            ));
        }
        Ok(path)
    }
}

/// Builds `packages` with `$CARGO build` (a no-op when they are up to date) and returns where
/// their programs are. Under `cargo run`, `$CARGO` is the cargo that built the demo; without
/// it (the demo started by hand), the programs next to the demo are used as they are.
pub fn build(conversation: &mut Conversation, packages: &[&str]) -> Result<Programs> {
    let exe = std::env::current_exe().context("finding the demo's own executable")?;
    let dir = exe
        .parent()
        .context("the demo's executable has no directory")?
        .to_path_buf();
    let Some(cargo) = std::env::var_os("CARGO") else {
        conversation.say(
            "build",
            &format!(
                "not started by cargo: using the programs in {}",
                dir.display()
            ),
        )?;
        return Ok(Programs { dir });
    };
    // Into the demo's own target directory, profile and triple (testkit has the one copy).
    let mut command = testkit::cargo_build_beside(&dir, packages);
    conversation.say(
        "build",
        &format!("{} (cargo build --quiet)", packages.join(", ")),
    )?;
    // cargo's own messages (a compile error) go straight to the demo's stderr.
    let status = command
        .stdin(Stdio::null())
        .status()
        .with_context(|| format!("running {}", cargo.to_string_lossy()))
        .hint("the demo builds the lesson's programs with cargo: run it with cargo run -p demo")?;
    if !status.success() {
        let packages: Vec<String> = packages.iter().map(|p| format!("-p {p}")).collect();
        return Err(anyhow::anyhow!("cargo build failed ({status})")).hint(format!(
            "cargo's messages above say why; try it alone: cargo build {}",
            packages.join(" ")
        ));
    }
    Ok(Programs { dir })
}

/// A program's arguments, from string slices.
pub fn arguments(args: &[&str]) -> Vec<String> {
    args.iter().map(ToString::to_string).collect()
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
