//! Tells the demo the target triple it is built for, so that it builds the lesson's programs for
//! the same one (`cargo run --target T -p demo` puts them under `target/T/`).

fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    println!("cargo:rustc-env=DEMO_TARGET={target}");
}
