//! The multicast lesson's listener: joins a group and prints every datagram; run several. (not written yet)

fn main() -> std::process::ExitCode {
    course::main(|| anyhow::bail!("multicast-listener is not written yet"))
}
