//! The exercise runner: list, check, hint, watch and reveal the course's exercises. (not written yet)

fn main() -> std::process::ExitCode {
    course::main(|| anyhow::bail!("exercises is not written yet"))
}
