//! The TCP lesson's server: accepts many clients and echoes every byte back. (not written yet)

fn main() -> std::process::ExitCode {
    course::main(|| anyhow::bail!("tcp-echo-server is not written yet"))
}
