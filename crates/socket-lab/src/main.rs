//! Measure it yourself: latency, throughput and loss of TCP and UDP on loopback, in one run. (not written yet)

fn main() -> std::process::ExitCode {
    course::main(|| anyhow::bail!("socket-lab is not written yet"))
}
