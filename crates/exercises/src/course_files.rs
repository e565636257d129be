//! The course's own copy of each exercise's spec and manifest, built into the runner, so that a
//! pass counts only against the course's tests.
//!
//! Deleting `tests/spec.rs`, or a Cargo.toml that turns the tests off (`test = false`,
//! `autotests = false`), would otherwise make any stub "pass" and unlock its reference. The
//! files are compared with copies that `include_bytes!` took when the runner was compiled, from
//! the same checkout: nothing else to keep in step, no git needed (a zip of the course works),
//! and cargo rebuilds the runner whenever one of these files changes in the course.

use std::fs;
use std::io;
use std::path::Path;

/// One file of the course, as the course ships it.
struct CourseFile {
    exercise: &'static str,
    /// Relative to the exercise's directory, with `/`.
    path: &'static str,
    bytes: &'static [u8],
}

/// The manifest and the spec of each exercise (a test checks that this covers every member of
/// exercises/Cargo.toml and every file in their tests/).
macro_rules! course_files {
    ($($exercise:literal),* $(,)?) => {
        &[$(
            CourseFile {
                exercise: $exercise,
                path: "Cargo.toml",
                bytes: include_bytes!(concat!(
                    env!("CARGO_MANIFEST_DIR"), "/../../exercises/", $exercise, "/Cargo.toml"
                )),
            },
            CourseFile {
                exercise: $exercise,
                path: "tests/spec.rs",
                bytes: include_bytes!(concat!(
                    env!("CARGO_MANIFEST_DIR"), "/../../exercises/", $exercise, "/tests/spec.rs"
                )),
            },
        )*]
    };
}

const COURSE_FILES: &[CourseFile] = course_files![
    "tcp1-echo-handler",
    "tcp2-framing",
    "tcp3-chat",
    "udp1-pinger",
    "udp2-scorer",
    "udp3-retry",
    "mc1-scope",
    "mc2-listener",
    "mc3-ticker",
];

/// Why an exercise's files are not the course's, to tell the student which file to restore.
#[derive(Debug, PartialEq, Eq)]
pub enum Altered {
    /// A course file (path relative to the exercise) is missing.
    Missing(&'static str),
    /// A course file differs from the course's.
    Changed(&'static str),
    /// A file the course does not ship, that cargo would run at build time.
    Added(&'static str),
    /// The runner knows no spec for an exercise of this name.
    Unknown,
}

impl Altered {
    /// The file to restore or delete, relative to the exercise's directory.
    pub fn file(&self) -> Option<&'static str> {
        match self {
            Altered::Missing(path) | Altered::Changed(path) | Altered::Added(path) => Some(path),
            Altered::Unknown => None,
        }
    }
}

/// Compares the exercise's spec and manifest with the course's; `Ok(None)` when they match.
pub fn check(exercise: &str, dir: &Path) -> io::Result<Option<Altered>> {
    let mut known = false;
    for file in COURSE_FILES.iter().filter(|file| file.exercise == exercise) {
        known = true;
        match fs::read(dir.join(file.path)) {
            Ok(bytes) if same_text(&bytes, file.bytes) => {}
            Ok(_) => return Ok(Some(Altered::Changed(file.path))),
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Ok(Some(Altered::Missing(file.path)));
            }
            Err(error) => return Err(error),
        }
    }
    if !known {
        return Ok(Some(Altered::Unknown));
    }
    // Cargo compiles and runs a build.rs it finds beside Cargo.toml, even when Cargo.toml does
    // not name it: code that runs outside the tests, and outside their time limit.
    if dir.join("build.rs").exists() {
        return Ok(Some(Altered::Added("build.rs")));
    }
    Ok(None)
}

/// Equal but for carriage returns: git on Windows may check text files out with CRLF endings.
fn same_text(a: &[u8], b: &[u8]) -> bool {
    fn text(bytes: &[u8]) -> impl Iterator<Item = &u8> {
        bytes.iter().filter(|&&byte| byte != b'\r')
    }
    text(a).eq(text(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn exercises_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../exercises")
    }

    #[test]
    fn every_exercise_and_every_file_of_its_tests_is_built_in() {
        let manifest = fs::read_to_string(exercises_dir().join("Cargo.toml")).unwrap();
        let members: Vec<&str> = manifest
            .lines()
            .skip_while(|line| !line.starts_with("members"))
            .skip(1)
            .take_while(|line| !line.starts_with(']'))
            .map(|line| line.trim().trim_end_matches(',').trim_matches('"'))
            .collect();
        let mut built_in: Vec<(String, String)> = COURSE_FILES
            .iter()
            .map(|file| (file.exercise.to_string(), file.path.to_string()))
            .collect();
        built_in.sort();
        let mut shipped = Vec::new();
        for member in &members {
            shipped.push((member.to_string(), "Cargo.toml".to_string()));
            for entry in fs::read_dir(exercises_dir().join(member).join("tests")).unwrap() {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                shipped.push((member.to_string(), format!("tests/{name}")));
            }
        }
        shipped.sort();
        assert_eq!(
            built_in, shipped,
            "add the exercise to course_files! in crates/exercises/src/course_files.rs"
        );
    }

    #[test]
    fn the_course_checkout_matches_itself() {
        for file in COURSE_FILES {
            let dir = exercises_dir().join(file.exercise);
            assert_eq!(
                check(file.exercise, &dir).unwrap(),
                None,
                "{}",
                file.exercise
            );
        }
    }

    #[test]
    fn line_endings_do_not_count_but_every_other_byte_does() {
        assert!(same_text(b"a\r\nb\r\n", b"a\nb\n"));
        assert!(same_text(b"a\nb\n", b"a\r\nb\r\n"));
        assert!(!same_text(b"a\nb\n", b"a\nc\n"));
        assert!(!same_text(b"a\nb\n", b"a\nb\n\n"));
    }
}
