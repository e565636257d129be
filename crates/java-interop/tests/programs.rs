//! The Java programs keep the shape the book relies on, with or without a JDK: one per Rust
//! lesson program, each naming the minimal Rust program it matches (a file that exists, so a
//! rename on the Rust side is caught here), short, its first socket call as early as a
//! minimal program's, and no line wider than the book's column (no scroll bar).

use std::path::Path;

/// Java needs more lines than Rust for the same program (imports, the class, two small
/// helpers to read and print addresses); this keeps it within sight of the Rust one.
const MAX_LINES: usize = 65;
/// What fits the book's text column at 1280 px (750 px of 14 px Source Code Pro).
const MAX_COLUMNS: usize = 86;
const SOCKET_CALLS: [&str; 4] = [
    "new ServerSocket(",
    "new Socket(",
    "new DatagramSocket(",
    "new MulticastSocket(",
];

#[test]
fn each_java_program_names_its_rust_minimal_program_and_keeps_a_minimal_shape() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for (class, program) in java_interop::PROGRAMS {
        let file = format!("java/{class}.java");
        let source = std::fs::read_to_string(root.join(&file))
            .unwrap_or_else(|error| panic!("reading {file}: {error}"));
        let rust = format!("crates/{program}/examples/{program}-minimal.rs");
        let header: String = source.lines().take_while(|l| l.starts_with("//")).collect();
        assert!(
            header.contains(&rust),
            "{file}: its header does not name {rust}"
        );
        assert!(
            root.join(&rust).is_file(),
            "{file} names {rust}, which does not exist"
        );
        assert!(
            source.contains(&format!("public class {class} {{")),
            "{file}: no public class {class}"
        );

        let lines: Vec<&str> = source.lines().collect();
        assert!(lines.len() <= MAX_LINES, "{file}: {} lines", lines.len());
        for (number, line) in lines.iter().enumerate() {
            let width = line.chars().count();
            assert!(
                width <= MAX_COLUMNS,
                "{file}:{}: {width} columns",
                number + 1
            );
        }
        let first_socket = lines
            .iter()
            .position(|line| SOCKET_CALLS.iter().any(|call| line.contains(call)))
            .map(|index| index + 1);
        assert!(
            first_socket.is_some_and(|line| line <= testkit::MINIMAL_FIRST_SOCKET_LINE),
            "{file}: first socket call on line {first_socket:?}"
        );
    }
    let count = std::fs::read_dir(root.join("java"))
        .unwrap()
        .filter(|entry| {
            let path = entry.as_ref().unwrap().path();
            path.extension().is_some_and(|ext| ext == "java")
        })
        .count();
    assert_eq!(
        count,
        java_interop::PROGRAMS.len(),
        "a Java program that no test runs"
    );
}
