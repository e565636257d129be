//! The course's Java programs (`java/` at the top of the repository), the ones the readers
//! wrote in their Java course: compiled with the JDK's `javac` and run by this crate's tests
//! against the Rust programs, both ways, on loopback and port 0. The book shows these files
//! next to the minimal Rust programs, so a Java program that stops working fails the tests.
//!
//! With no JDK on the machine the tests skip, and say so on stderr. `scripts/test` installs
//! one first (`scripts/install-tools javac`), so CI always runs them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use testkit::{Finished, Program};

/// Each Java program and the Rust program whose minimal version it matches.
pub const PROGRAMS: [(&str, &str); 6] = [
    ("TcpEchoServer", "tcp-echo-server"),
    ("TcpClient", "tcp-client"),
    ("UdpSender", "udp-sender"),
    ("UdpReceiver", "udp-receiver"),
    ("MulticastSender", "multicast-sender"),
    ("MulticastListener", "multicast-listener"),
];

/// The folder of the Java sources.
pub fn sources() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../java")
}

/// The Java programs, compiled, ready to run.
pub struct Java {
    classes: PathBuf,
}

/// The Java programs, compiled once per test process into the target directory
/// (`<target>/<profile>/java/<test>/`); `None` when no `javac` is installed, after one line on
/// stderr that says the tests skip and why. A program that does not compile, or compiles with
/// a warning (a deprecated call included), fails every test that asks for it.
pub fn java() -> Option<&'static Java> {
    static COMPILED: OnceLock<Option<Java>> = OnceLock::new();
    COMPILED.get_or_init(compile).as_ref()
}

fn compile() -> Option<Java> {
    if Command::new("javac").arg("-version").output().is_err() {
        // Straight to the process's stderr: the test harness captures only `eprintln!`.
        let _ = writeln!(
            std::io::stderr(),
            "java-interop: skipped: no `javac` on PATH (install a JDK 17: scripts/install-tools javac)"
        );
        return None;
    }
    let test = std::env::current_exe().expect("the path of the running test");
    // A test runs as <target>/<profile>/deps/<name>-<hash>.
    let name = test
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or("test");
    let name = name.rsplit_once('-').map_or(name, |(name, _hash)| name);
    let profile = test
        .parent()
        .and_then(Path::parent)
        .expect("a test runs from <target>/<profile>/deps");
    let classes = profile.join("java").join(name);
    let mut files: Vec<PathBuf> = std::fs::read_dir(sources())
        .expect("reading java/")
        .map(|entry| entry.expect("reading java/").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "java"))
        .collect();
    files.sort();
    let compiled = Command::new("javac")
        .args([
            "--release",
            "17",
            "-encoding",
            "UTF-8",
            "-Xlint:all",
            "-Werror",
            "-d",
        ])
        .arg(&classes)
        .args(&files)
        .output()
        .expect("running javac");
    assert!(
        compiled.status.success(),
        "javac failed on java/:\n{}{}",
        String::from_utf8_lossy(&compiled.stdout),
        String::from_utf8_lossy(&compiled.stderr)
    );
    Some(Java { classes })
}

impl Java {
    /// Starts the Java program `class` with `args`: `java -cp <classes> <class> <args>`.
    pub fn start(&self, class: &str, args: &[&str]) -> Program {
        Program::start_command(self.command(class).args(args))
    }

    /// Runs the Java program `class` to the end with `input` on stdin.
    pub fn run(&self, class: &str, args: &[&str], input: &[u8]) -> Finished {
        testkit::finish_with_input(self.start(class, args), input)
    }

    fn command(&self, class: &str) -> Command {
        let mut command = Command::new("java");
        command.arg("-cp").arg(&self.classes).arg(class);
        command
    }
}
