//! The lesson's programs: built by cargo into the demo's own target directory, profile and
//! target triple, and found next to the demo's executable.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

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
    let mut command = build_command(&cargo, &dir, packages, env!("DEMO_TARGET"));
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

/// `$CARGO build --quiet -p ...` into the target directory, profile and triple of the demo,
/// whose executable is in `profile_dir` = `<target dir>[/<triple>]/<profile>`; `triple` is the
/// one the demo was built for.
fn build_command(cargo: &OsStr, profile_dir: &Path, packages: &[&str], triple: &str) -> Command {
    let mut command = Command::new(cargo);
    command.args(["build", "--quiet"]);
    for package in packages {
        command.args(["-p", package]);
    }
    // The workspace this demo was built from, wherever the instructor stands.
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../Cargo.toml");
    if workspace.is_file() {
        command.arg("--manifest-path").arg(workspace);
    }
    if let Some(above) = profile_dir.parent() {
        // Under `--target <triple>` the profile lives in a directory named for the triple.
        let target_dir = if above.file_name() == Some(OsStr::new(triple)) {
            command.args(["--target", triple]);
            above.parent().unwrap_or(above)
        } else {
            above
        };
        command.arg("--target-dir").arg(target_dir);
    }
    // `debug` is the dev profile's directory; every other profile's directory has its name.
    match profile_dir.file_name().and_then(OsStr::to_str) {
        Some("debug") | None => {}
        Some(profile) => {
            command.args(["--profile", profile]);
        }
    }
    command
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

    fn after_packages(command: &Command) -> String {
        let args: Vec<String> = command
            .get_args()
            .map(|arg| arg.to_string_lossy().into_owned())
            .collect();
        // Skip `--manifest-path <path>`, which depends on the checkout.
        let mut shown = Vec::new();
        let mut skip = false;
        for arg in args {
            if skip {
                skip = false;
            } else if arg == "--manifest-path" {
                skip = true;
            } else {
                shown.push(arg);
            }
        }
        shown.join(" ")
    }

    #[test]
    fn the_build_follows_the_demos_own_directories() {
        let windows = "x86_64-pc-windows-gnu";
        let target = Path::new("t");
        let cargo = OsStr::new("cargo");
        let plain = build_command(cargo, &target.join("debug"), &["a", "b"], windows);
        assert_eq!(
            after_packages(&plain),
            format!("build --quiet -p a -p b --target-dir {}", target.display())
        );
        let cross = build_command(
            cargo,
            &target.join(windows).join("release"),
            &["a"],
            windows,
        );
        assert_eq!(
            after_packages(&cross),
            format!(
                "build --quiet -p a --target {windows} --target-dir {} --profile release",
                target.display()
            )
        );
    }

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
