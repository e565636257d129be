//! The multicast lesson's sender: datagrams to a group, on the loopback interface by default. (not written yet)

fn main() -> std::process::ExitCode {
    course::main(|| anyhow::bail!("multicast-sender is not written yet"))
}
