//! Gives testkit the target triple it is compiled for (TESTKIT_TARGET): `cargo test --target
//! <triple>` puts the test binaries under `<target dir>/<triple>/`, and `sibling_binary` must
//! build its sibling with the same `--target` into the same place.
fn main() {
    let triple = std::env::var("TARGET").expect("cargo gives build scripts TARGET");
    println!("cargo:rustc-env=TESTKIT_TARGET={triple}");
    println!("cargo:rerun-if-changed=build.rs");
}
