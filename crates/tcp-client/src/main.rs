//! The TCP lesson's client: connects, sends what you type or pipe, prints the echo. (not written yet)

fn main() -> std::process::ExitCode {
    course::main(|| anyhow::bail!("tcp-client is not written yet"))
}
