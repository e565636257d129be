//! The six minimal programs keep to their rules, so that none grows unnoticed: at most 45
//! lines, the first socket call within 20, std only (socket2 for multicast), a `//!` header
//! that says how to run it with its partner, and a line that says what the full program adds.

use std::path::Path;

use testkit::MinimalShape;

/// Each lesson program, in the lesson's order, and the crates its minimal program may use
/// besides std: socket2 where std has no call for the lesson (SO_REUSEPORT, IP_MULTICAST_IF).
const PROGRAMS: [(&str, &[&str]); 6] = [
    ("tcp-echo-server", &[]),
    ("tcp-client", &[]),
    ("udp-sender", &[]),
    ("udp-receiver", &[]),
    ("multicast-sender", &["socket2"]),
    ("multicast-listener", &["socket2"]),
];

fn source(program: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(program)
        .join("examples")
        .join(format!("{program}-minimal.rs"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[test]
fn every_minimal_program_keeps_to_its_size_and_dependency_rules() {
    let mut faults = Vec::new();
    for (program, allowed) in PROGRAMS {
        let shape = MinimalShape::of(&source(program));
        println!(
            "{program}-minimal: {} lines, first socket call on line {:?}",
            shape.lines, shape.first_socket_call
        );
        for fault in shape.faults(allowed) {
            faults.push(format!("{program}-minimal: {fault}"));
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn every_minimal_program_says_how_to_run_it_and_what_the_full_program_adds() {
    for (program, _) in PROGRAMS {
        let source = source(program);
        assert!(source.starts_with("//! "), "{program}: no //! header");
        let run = format!("cargo run --example {program}-minimal");
        assert!(
            source
                .lines()
                .any(|line| line.starts_with("//! cargo run --example"))
                && source.contains(&run),
            "{program}: the header does not say `{run}` next to its partner"
        );
        assert!(
            source.contains("// The full program (src/main.rs) adds: "),
            "{program}: no line saying what the full program adds"
        );
    }
}
