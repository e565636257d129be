//! The UDP lesson's receiver: prints every datagram and keeps score of loss and reordering. (not written yet)

fn main() -> std::process::ExitCode {
    course::main(|| anyhow::bail!("udp-receiver is not written yet"))
}
