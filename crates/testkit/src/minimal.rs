//! The minimal programs (`crates/<program>/examples/<program>-minimal.rs`): building them for
//! a test, and the rules that keep them minimal.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// The binary of an example of a package of the workspace, such as
/// `example_binary("udp-sender", "udp-sender-minimal")`.
///
/// Cargo gives a test the path of no example, so this builds it with
/// `$CARGO build -p <package> --example <example>` (a no-op when it is up to date), once per
/// test process, into the target directory, profile and target triple of the running test
/// (`cargo test --target <triple>` included), and returns its path.
pub fn example_binary(package: &str, example: &str) -> PathBuf {
    static BUILT: Mutex<Vec<(String, PathBuf)>> = Mutex::new(Vec::new());
    // Held during the build: tests that want the same example wait for one build.
    let mut built = BUILT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, path)) = built.iter().find(|(name, _)| name == example) {
        return path.clone();
    }
    let test = std::env::current_exe().expect("the path of the running test");
    let (path, mut build) = example_build(&test, package, example, env!("TESTKIT_TARGET"));
    let status = build
        .status()
        .unwrap_or_else(|error| panic!("running cargo build --example {example}: {error}"));
    assert!(status.success(), "cargo build --example {example} failed");
    assert!(
        path.exists(),
        "cargo build --example {example} made no {}",
        path.display()
    );
    built.push((example.to_string(), path.clone()));
    path
}

/// The minimal program of a lesson program: `minimal_binary("udp-sender")` is the example
/// `udp-sender-minimal` of the package `udp-sender`, built by [`example_binary`].
pub fn minimal_binary(program: &str) -> PathBuf {
    example_binary(program, &format!("{program}-minimal"))
}

/// The command that builds `example` of `package` for the test at `test`, which runs from
/// `<target dir>[/<triple>]/<profile>/deps/` and was compiled for `triple`; and where the
/// example's binary will be. The same target directory, profile and triple as the package
/// builds of [`crate::sibling_binary`].
fn example_build(test: &Path, package: &str, example: &str, triple: &str) -> (PathBuf, Command) {
    let (profile_dir, mut build) = crate::build_command(test, package, triple);
    build.args(["--example", example]);
    let binary = format!("{example}{}", std::env::consts::EXE_SUFFIX);
    (profile_dir.join("examples").join(binary), build)
}

/// The most lines a minimal program may have, comments included.
pub const MINIMAL_MAX_LINES: usize = 45;
/// The line by which a minimal program makes its first socket call.
pub const MINIMAL_FIRST_SOCKET_LINE: usize = 20;

/// The calls that create a socket, in std and socket2.
const SOCKET_CALLS: [&str; 4] = [
    "TcpListener::bind(",
    "TcpStream::connect(",
    "UdpSocket::bind(",
    "Socket::new(",
];

/// What a minimal program's source shows about the rules it must keep.
#[derive(Debug, PartialEq, Eq)]
pub struct MinimalShape {
    /// All lines, comments included.
    pub lines: usize,
    /// The line (from 1) of the first call that creates a socket, if any.
    pub first_socket_call: Option<usize>,
    /// The crates it names (in `use` lines and in paths), besides std.
    pub crates: Vec<String>,
}

impl MinimalShape {
    /// Reads the shape of a minimal program's source.
    pub fn of(source: &str) -> MinimalShape {
        let code: Vec<&str> = source.lines().map(without_comment).collect();
        let first_socket_call = code
            .iter()
            .position(|line| SOCKET_CALLS.iter().any(|call| line.contains(call)))
            .map(|index| index + 1);
        // Lowercase path roots that a `use std::...` line brought in (`env`, `thread`, `io`)
        // are modules of std, not crates.
        let mut std_modules = vec!["std", "core", "alloc", "self", "super", "crate"];
        for line in &code {
            if let Some(path) = line.trim().strip_prefix("use std::") {
                std_modules.extend(imported_modules(path));
            }
        }
        let mut crates: Vec<String> = Vec::new();
        for line in &code {
            // A `use` line names its crate first (`use socket2::{...}`); any other line may
            // name crates in its paths (`anyhow::Result`).
            let roots = match line.trim().strip_prefix("use ") {
                Some(path) => path.split([':', ';', '{']).take(1).collect(),
                None => path_roots(line),
            };
            for root in roots {
                if !std_modules.contains(&root) && !crates.iter().any(|known| known == root) {
                    crates.push(root.to_string());
                }
            }
        }
        MinimalShape {
            lines: source.lines().count(),
            first_socket_call,
            crates,
        }
    }

    /// What breaks the rules of a minimal program: at most [`MINIMAL_MAX_LINES`] lines, the
    /// first socket call within [`MINIMAL_FIRST_SOCKET_LINE`] lines, no crate but std and
    /// those in `allowed` (socket2, where the lesson needs it). Empty when it keeps them.
    pub fn faults(&self, allowed: &[&str]) -> Vec<String> {
        let mut faults = Vec::new();
        if self.lines > MINIMAL_MAX_LINES {
            faults.push(format!(
                "{} lines, more than {MINIMAL_MAX_LINES}",
                self.lines
            ));
        }
        match self.first_socket_call {
            None => faults.push("no socket call".to_string()),
            Some(line) if line > MINIMAL_FIRST_SOCKET_LINE => faults.push(format!(
                "first socket call on line {line}, after line {MINIMAL_FIRST_SOCKET_LINE}"
            )),
            Some(_) => {}
        }
        for name in &self.crates {
            if !allowed.contains(&name.as_str()) {
                faults.push(format!(
                    "uses the crate `{name}`: std only (socket2 for multicast)"
                ));
            }
        }
        faults
    }
}

/// The line without a `//` comment (good enough for the minimal programs: no `//` in strings
/// but inside a URL, which they do not have).
fn without_comment(line: &str) -> &str {
    line.find("//").map_or(line, |at| &line[..at])
}

/// The lowercase names a `use std::<path>;` brings in: `env` from `env;`, `io` from
/// `io::{self, Read}`, `thread` from `{env, thread}`.
fn imported_modules(path: &str) -> Vec<&str> {
    let path = path.trim().trim_end_matches(';');
    let (before, inside) = match path.split_once('{') {
        Some((before, inside)) => (before, inside.trim_end_matches('}')),
        None => ("", path),
    };
    let parent = before.trim_end_matches("::").rsplit("::").next();
    inside
        .split(',')
        .map(str::trim)
        .filter_map(|item| match item {
            "self" => parent,
            _ => item.rsplit("::").next(),
        })
        .filter(|name| name.starts_with(|c: char| c.is_ascii_lowercase()))
        .collect()
}

/// The first segment of every path in `line` that starts with a lowercase name (a crate or a
/// module: `std` in `std::env::args`, `anyhow` in `anyhow::Result`), not a type (`Socket::new`).
fn path_roots(line: &str) -> Vec<&str> {
    let mut roots = Vec::new();
    let bytes = line.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut at = 0;
    while let Some(found) = line[at..].find("::") {
        let end = at + found;
        let mut start = end;
        while start > 0 && is_word(bytes[start - 1]) {
            start -= 1;
        }
        // A root is not itself after `::` (`std::net` has the root `std`, not `net`).
        let after_path = start >= 2 && &line[start - 2..start] == "::";
        let name = &line[start..end];
        if !after_path && name.starts_with(|c: char| c.is_ascii_lowercase()) {
            roots.push(name);
        }
        at = end + 2;
    }
    roots
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example is built where the running test's own binaries are: same target
    /// directory, profile and triple; its binary is in the profile's `examples` folder.
    #[test]
    fn example_build_follows_the_running_tests_directories() {
        let root = std::env::temp_dir().join(format!("testkit-examples-{}", std::process::id()));
        std::fs::create_dir_all(root.join("aarch64-apple-darwin/release/deps")).unwrap();
        // Cargo writes CACHEDIR.TAG in a triple's directory too: it tells nothing.
        std::fs::write(root.join("CACHEDIR.TAG"), "").unwrap();
        std::fs::write(root.join("aarch64-apple-darwin/CACHEDIR.TAG"), "").unwrap();
        let build = |test: PathBuf| {
            let triple = "aarch64-apple-darwin";
            let (binary, command) =
                example_build(&test, "udp-sender", "udp-sender-minimal", triple);
            let args: Vec<String> = command
                .get_args()
                .map(|arg| arg.to_string_lossy().into_owned())
                .collect();
            (binary, args.join(" "))
        };
        let root_text = root.display();
        let exe = std::env::consts::EXE_SUFFIX;

        let (binary, plain) = build(root.join("debug/deps/minimal-1234"));
        assert_eq!(
            binary,
            root.join(format!("debug/examples/udp-sender-minimal{exe}"))
        );
        assert_eq!(
            plain,
            format!(
                "build --quiet -p udp-sender --target-dir {root_text} --example udp-sender-minimal"
            )
        );

        let (binary, cross) = build(root.join("aarch64-apple-darwin/release/deps/minimal-1234"));
        assert_eq!(
            binary,
            root.join(format!(
                "aarch64-apple-darwin/release/examples/udp-sender-minimal{exe}"
            ))
        );
        assert_eq!(
            cross,
            format!(
                "build --quiet -p udp-sender --target aarch64-apple-darwin \
                 --target-dir {root_text} --profile release --example udp-sender-minimal"
            )
        );
        let _ = std::fs::remove_dir_all(&root);
    }

    /// A source of `lines` lines whose first socket call is on line `socket_line`, with
    /// `extra` on the line before it.
    fn program(lines: usize, socket_line: usize, extra: &str) -> String {
        let mut source = vec!["//! A program.".to_string()];
        source.push("use std::env;".to_string());
        source.push("use std::io::{self, Read};".to_string());
        source.push("use std::{net::UdpSocket, thread};".to_string());
        while source.len() < socket_line - 2 {
            source.push("    let x = env::args().nth(1); // anyhow::Result in a comment".into());
        }
        source.push(extra.to_string());
        source.push("    let socket = UdpSocket::bind(\"127.0.0.1:0\")?;".to_string());
        while source.len() < lines {
            source.push("    thread::sleep(io::Result::Ok(std::time::Duration::ZERO)?);".into());
        }
        source.join("\n")
    }

    #[test]
    fn a_program_within_the_rules_has_no_faults() {
        let shape = MinimalShape::of(&program(45, 20, ""));
        assert_eq!(
            shape,
            MinimalShape {
                lines: 45,
                first_socket_call: Some(20),
                crates: vec![],
            }
        );
        assert_eq!(shape.faults(&[]), Vec::<String>::new());
    }

    #[test]
    fn too_long_late_socket_and_foreign_crates_are_faults() {
        let long = MinimalShape::of(&program(46, 10, ""));
        assert_eq!(long.faults(&[]), ["46 lines, more than 45"]);

        let late = MinimalShape::of(&program(30, 21, ""));
        assert_eq!(
            late.faults(&[]),
            ["first socket call on line 21, after line 20"]
        );

        let anyhow = MinimalShape::of(&program(30, 10, "use anyhow::Context;"));
        assert_eq!(anyhow.crates, ["anyhow"]);
        assert_eq!(anyhow.faults(&["socket2"]).len(), 1);

        let course = MinimalShape::of(&program(30, 10, "    course::narrate!(\"bind\", \"x\");"));
        assert_eq!(course.crates, ["course"]);

        let socket2 = MinimalShape::of(&program(30, 10, "    socket2::SockRef::from(&s);"));
        assert_eq!(socket2.faults(&["socket2"]), Vec::<String>::new());
        assert_eq!(socket2.faults(&[]).len(), 1);

        let none = MinimalShape::of("fn main() {}\n");
        assert_eq!(none.faults(&[]), ["no socket call"]);
    }
}
