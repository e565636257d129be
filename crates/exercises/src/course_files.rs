//! The course's own copy of each exercise's spec and manifest, built into the runner, so that a
//! pass counts only against the course's tests.
//!
//! Deleting `tests/spec.rs`, or a Cargo.toml that turns the tests off (`test = false`,
//! `autotests = false`), would otherwise make any stub "pass" and unlock its reference. The
//! files are compared with copies that `include_bytes!` took when the runner was compiled, from
//! the same checkout: nothing else to keep in step, no git needed (a zip of the course works),
//! and cargo rebuilds the runner whenever one of these files changes in the course.
//!
//! Every spec uses one shared crate, `exercises/speckit` (the words of its failure messages):
//! an edited copy could make every exercise pass at once, so its files are checked too, on
//! every check.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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

/// The shared crate's folder, beside the exercises, and its files as the course ships them.
const SHARED: &str = "speckit";

macro_rules! shared_files {
    ($($path:literal),* $(,)?) => {
        &[$(
            CourseFile {
                exercise: SHARED,
                path: $path,
                bytes: include_bytes!(concat!(
                    env!("CARGO_MANIFEST_DIR"), "/../../exercises/speckit/", $path
                )),
            },
        )*]
    };
}

const SHARED_FILES: &[CourseFile] = shared_files![
    "Cargo.toml",
    "src/lib.rs",
    "src/lang.rs",
    "src/words.rs",
    "src/words/en.rs",
    "src/words/pt_br.rs",
];

/// Why an exercise's files are not the course's, to tell the student which file to restore.
#[derive(Debug, PartialEq, Eq)]
pub enum Altered {
    /// A course file is missing.
    Missing(PathBuf),
    /// A course file differs from the course's.
    Changed(PathBuf),
    /// A file the course does not ship, that cargo would run at build time.
    Added(PathBuf),
    /// The runner knows no spec for an exercise of this name.
    Unknown,
}

impl Altered {
    /// The file to restore or delete: relative to the exercise's directory, or, for a file of
    /// the shared crate, absolute (joined onto the exercise's directory, it stays itself).
    pub fn file(&self) -> Option<&Path> {
        match self {
            Altered::Missing(path) | Altered::Changed(path) | Altered::Added(path) => Some(path),
            Altered::Unknown => None,
        }
    }
}

/// Compares the exercise's spec and manifest, and the shared crate its spec uses, with the
/// course's; `Ok(None)` when they match.
pub fn check(exercise: &str, dir: &Path) -> io::Result<Option<Altered>> {
    let mut known = false;
    for file in COURSE_FILES.iter().filter(|file| file.exercise == exercise) {
        known = true;
        if let Some(altered) = compare(file, &dir.join(file.path), PathBuf::from(file.path))? {
            return Ok(Some(altered));
        }
    }
    if !known {
        return Ok(Some(Altered::Unknown));
    }
    // Cargo compiles and runs a build.rs it finds beside Cargo.toml, even when Cargo.toml does
    // not name it: code that runs outside the tests, and outside their time limit.
    if dir.join("build.rs").exists() {
        return Ok(Some(Altered::Added("build.rs".into())));
    }
    let shared = shared_dir(dir);
    for file in SHARED_FILES {
        let path = shared.join(file.path);
        if let Some(altered) = compare(file, &path, path.clone())? {
            return Ok(Some(altered));
        }
    }
    if shared.join("build.rs").exists() {
        return Ok(Some(Altered::Added(shared.join("build.rs"))));
    }
    Ok(None)
}

/// The shared crate's files that [`check`] compares for the exercise at `dir`: a change to one
/// of them (restoring it, say) is a change to the exercise.
pub fn shared_files(dir: &Path) -> Vec<PathBuf> {
    let shared = shared_dir(dir);
    SHARED_FILES
        .iter()
        .map(|file| shared.join(file.path))
        .chain([shared.join("build.rs")])
        .collect()
}

/// The file at `path` against the course's copy; `shown` is the path to name when it differs.
fn compare(file: &CourseFile, path: &Path, shown: PathBuf) -> io::Result<Option<Altered>> {
    match fs::read(path) {
        Ok(bytes) if same_text(&bytes, file.bytes) => Ok(None),
        Ok(_) => Ok(Some(Altered::Changed(shown))),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(Some(Altered::Missing(shown))),
        Err(error) => Err(error),
    }
}

/// exercises/speckit, beside the exercise's directory, as an absolute path without `..`.
fn shared_dir(exercise_dir: &Path) -> PathBuf {
    let exercises = match exercise_dir.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::path::absolute(exercises)
        .unwrap_or_else(|_| exercises.to_path_buf())
        .join(SHARED)
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
    fn every_file_of_the_shared_crate_is_built_in() {
        fn files(dir: &Path, prefix: &str, found: &mut Vec<String>) {
            for entry in fs::read_dir(dir).unwrap() {
                let entry = entry.unwrap();
                let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
                if entry.file_type().unwrap().is_dir() {
                    files(&entry.path(), &format!("{name}/"), found);
                } else {
                    found.push(name);
                }
            }
        }
        let mut shipped = Vec::new();
        files(&exercises_dir().join(SHARED), "", &mut shipped);
        shipped.sort();
        let mut built_in: Vec<String> = SHARED_FILES
            .iter()
            .map(|file| file.path.to_string())
            .collect();
        built_in.sort();
        assert_eq!(
            built_in, shipped,
            "add the file to shared_files! in crates/exercises/src/course_files.rs"
        );
    }

    /// A copy of the course's tcp1-echo-handler and speckit, in a folder of its own.
    fn copy_with_shared_crate(name: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!("course-files-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        for file in COURSE_FILES
            .iter()
            .filter(|file| file.exercise == "tcp1-echo-handler")
            .chain(SHARED_FILES)
        {
            let path = root.join(file.exercise).join(file.path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, file.bytes).unwrap();
        }
        root
    }

    #[test]
    fn an_edited_or_missing_shared_crate_fails_every_exercise_and_is_named() {
        let root = copy_with_shared_crate("edited");
        let exercise = root.join("tcp1-echo-handler");
        assert_eq!(check("tcp1-echo-handler", &exercise).unwrap(), None);

        // A helper that never fails would make every spec pass.
        let lib = root.join("speckit/src/lib.rs");
        let text = fs::read_to_string(&lib).unwrap();
        fs::write(&lib, text.replace("panic!(\"{message}\")", "loop {}")).unwrap();
        let altered = check("tcp1-echo-handler", &exercise).unwrap().unwrap();
        assert_eq!(
            altered,
            Altered::Changed(shared_dir(&exercise).join("src/lib.rs"))
        );
        // Named without `..`, whatever the exercise: the path the student restores.
        let named = exercise.join(altered.file().unwrap());
        assert!(named.ends_with("speckit/src/lib.rs"), "{}", named.display());
        assert!(named.is_absolute(), "{}", named.display());
        assert!(
            !named
                .components()
                .any(|c| c == std::path::Component::ParentDir),
            "{}",
            named.display()
        );

        fs::write(&lib, text).unwrap();
        fs::remove_file(root.join("speckit/src/words.rs")).unwrap();
        assert_eq!(
            check("tcp1-echo-handler", &exercise).unwrap(),
            Some(Altered::Missing(shared_dir(&exercise).join("src/words.rs")))
        );
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_build_script_in_the_shared_crate_is_named() {
        let root = copy_with_shared_crate("build-script");
        let exercise = root.join("tcp1-echo-handler");
        fs::write(root.join("speckit/build.rs"), "fn main() {}").unwrap();
        assert_eq!(
            check("tcp1-echo-handler", &exercise).unwrap(),
            Some(Altered::Added(shared_dir(&exercise).join("build.rs")))
        );
        fs::remove_dir_all(&root).unwrap();
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
