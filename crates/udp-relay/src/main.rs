//! A UDP relay that loses, duplicates, reorders and delays datagrams, reproducibly from a seed. (not written yet)

fn main() -> std::process::ExitCode {
    course::main(|| anyhow::bail!("udp-relay is not written yet"))
}
