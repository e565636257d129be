//! # wire: the packets behind the socket calls
//!
//! What it teaches: every socket call the programs narrate puts packets on the wire, and those
//! packets can be read. `connect` sends a SYN and gets a SYN-ACK back before it returns;
//! `send` becomes a segment that the other side acknowledges; `shutdown` sends a FIN; a UDP
//! datagram to a port where nobody listens comes back as an ICMP "port unreachable". `wire`
//! reads a capture (pcap or pcapng, from tcpdump or Wireshark on any system) and tells each
//! packet of the course's traffic in the programs' own column format, with sequence numbers
//! counted from the start of each connection, as Wireshark shows them.
//!
//! Capture, then read (Linux: `lo`; macOS: `lo0`; Windows: Wireshark with Npcap's loopback):
//!
//! ```text
//! sudo tcpdump -i lo -w tcp.pcap port 7878        # then, in two terminals:
//! cargo run -p tcp-echo-server
//! cargo run -p tcp-client                         # Ctrl-C tcpdump when done
//! cargo run -p wire -- tcp.pcap
//! cargo run -p wire -- tcp.pcap --mermaid         # the same as a sequence diagram
//! ```
//!
//! On Linux it also captures loopback itself (root or CAP_NET_RAW): `wire --live`.
//!
//! Book: the "On the wire" section of the TCP, UDP and multicast chapters, whose traces
//! (docs/src/traces/, taken by scripts/traces) this program reads.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use course::{narrate, t};
use wire::{Capture, Filter, Wire};

mod show;
mod watch;
use show::Show;

// The help texts are in the message tables (crates/course/src/text, `wire.*`), in English and
// in Portuguese: course::parse_args puts them in.
#[derive(Parser, Debug)]
#[command(version)]
struct Args {
    // Without it, on Linux: --live.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    #[arg(long, conflicts_with = "file")]
    live: bool,
    #[arg(long, value_name = "FILE", conflicts_with = "file")]
    write: Option<PathBuf>,
    #[arg(long, value_name = "N")]
    count: Option<u64>,
    #[arg(long, value_name = "SECONDS", value_parser = course::seconds, conflicts_with = "file")]
    duration: Option<Duration>,
    #[arg(long, conflicts_with = "port")]
    all: bool,
    #[arg(long, value_name = "N")]
    port: Vec<u16>,
    #[arg(long)]
    mermaid: bool,
}

impl Args {
    fn watch(&self) -> watch::Options {
        watch::Options {
            write: self.write.clone(),
            duration: self.duration,
        }
    }

    fn filter(&self) -> Filter {
        match (self.all, self.port.is_empty()) {
            (true, _) => Filter::All,
            (false, false) => Filter::Ports(self.port.clone()),
            (false, true) => Filter::Course,
        }
    }
}

fn main() -> ExitCode {
    course::main(run)
}

fn run() -> anyhow::Result<()> {
    let args: Args = course::parse_args();
    let mut wire = Wire::new(args.filter());
    let mut show = Show::new(args.mermaid, args.count);
    let outcome = match &args.file {
        Some(path) => read(path, &mut wire, &mut show),
        None => watch::loopback(&args.watch(), &mut wire, &mut show),
    };
    // What was read before an error is still shown, and counted.
    show.finish();
    if outcome.is_ok() || wire.counts().read > 0 {
        show::summary(wire.counts());
    }
    outcome
}

/// Reads a capture file to its end, or until --count packets are shown or stdout closes.
fn read(path: &Path, wire: &mut Wire, show: &mut Show) -> anyhow::Result<()> {
    let capture = Capture::open(path)?;
    match capture.link() {
        Some(link) => narrate!(
            "read",
            "{} ({}, {})",
            path.display(),
            capture.format(),
            link.name()
        ),
        None => narrate!("read", "{} ({})", path.display(), capture.format()),
    }
    for record in capture {
        if !show.verdict(wire.record(record?)) {
            narrate!(t!("wire.label.stop"), "{}", show.stop_reason());
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_has_its_help_in_both_languages() {
        use clap::CommandFactory;
        course::help::assert_complete(&Args::command());
    }
}
