//! The UDP lesson's sender: numbered datagrams, a message, or lines, with no connection. (not written yet)

fn main() -> std::process::ExitCode {
    course::main(|| anyhow::bail!("udp-sender is not written yet"))
}
