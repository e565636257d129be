//! The workspace's layout: `members` in the top Cargo.toml is an explicit list, in the lesson's
//! order (the README's table follows it), so a crate added under crates/ must be listed there
//! by hand. Without it cargo says nothing until someone runs `cargo build -p` on it.

use std::collections::BTreeSet;
use std::path::Path;

/// The `members = [ ... ]` entries of the top Cargo.toml, in their order (comments dropped).
fn members(manifest: &str) -> Vec<String> {
    let text: String = manifest
        .lines()
        .map(|line| line.split('#').next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let Some(start) = text.find("members") else {
        return Vec::new();
    };
    let list = &text[start..];
    let (Some(open), Some(close)) = (list.find('['), list.find(']')) else {
        return Vec::new();
    };
    list[open + 1..close]
        .split(',')
        .map(|entry| entry.trim().trim_matches('"').to_string())
        .filter(|entry| !entry.is_empty())
        .collect()
}

#[test]
fn every_crate_folder_is_a_member_and_every_member_is_a_crate() {
    let top = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let manifest = std::fs::read_to_string(top.join("Cargo.toml")).expect("the top Cargo.toml");
    let listed = members(&manifest);
    assert!(
        !listed.iter().any(|member| member.contains('*')),
        "members must be listed one by one, in the lesson's order: {listed:?}"
    );
    let unique: BTreeSet<&String> = listed.iter().collect();
    assert_eq!(
        unique.len(),
        listed.len(),
        "a member is listed twice: {listed:?}"
    );

    let folders: BTreeSet<String> = std::fs::read_dir(top.join("crates"))
        .expect("the crates folder")
        .flatten()
        .filter(|entry| entry.path().join("Cargo.toml").is_file())
        .map(|entry| format!("crates/{}", entry.file_name().to_string_lossy()))
        .collect();
    let listed: BTreeSet<String> = listed.into_iter().collect();
    let unlisted: Vec<&String> = folders.difference(&listed).collect();
    let missing: Vec<&String> = listed.difference(&folders).collect();
    assert!(
        unlisted.is_empty(),
        "crates not in the workspace's members (add them to Cargo.toml): {unlisted:?}"
    );
    assert!(
        missing.is_empty(),
        "members with no crate folder (remove them from Cargo.toml): {missing:?}"
    );
}

#[test]
fn the_lesson_programs_come_first_in_the_lessons_order() {
    let top = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let manifest = std::fs::read_to_string(top.join("Cargo.toml")).expect("the top Cargo.toml");
    let lesson = [
        "tcp-echo-server",
        "tcp-client",
        "udp-receiver",
        "udp-sender",
        "udp-relay",
        "multicast-listener",
        "multicast-sender",
    ];
    let first: Vec<String> = members(&manifest).into_iter().take(lesson.len()).collect();
    let wanted: Vec<String> = lesson.iter().map(|p| format!("crates/{p}")).collect();
    assert_eq!(first, wanted);
}
