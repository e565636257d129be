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
use course::narrate;
use wire::{Capture, Filter, Wire};

mod show;
mod watch;
use show::Show;

/// Reads a packet capture (pcap or pcapng) and shows each packet of the course's traffic: TCP
/// flags with sequence numbers, UDP datagrams with their SEQ, ICMP port unreachable, IGMP and
/// MLD joins and leaves. On Linux it can capture the loopback interface live.
#[derive(Parser, Debug)]
#[command(
    version,
    about,
    after_help = "Shown by default: TCP and UDP to or from ports 7878-7881 or to the group \
                  239.255.78.78, the ICMP errors about them, and IGMP and MLD.\n\n\
                  Example: capture a TCP exchange, then read it:\n  \
                  sudo tcpdump -i lo -w tcp.pcap port 7878     (macOS: -i lo0)\n  \
                  cargo run -p tcp-echo-server\n  \
                  cargo run -p tcp-client\n  \
                  cargo run -p wire -- tcp.pcap\n\n\
                  Live on Linux (root), next to the same programs:\n  \
                  cargo build -p wire && sudo target/debug/wire --live --count 10"
)]
struct Args {
    /// The capture to read, as written by tcpdump -w or Wireshark. Without it, on Linux,
    /// wire captures the loopback interface live (--live).
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    /// Capture live on the loopback interface, lo (Linux; needs root or CAP_NET_RAW).
    #[arg(long, conflicts_with = "file")]
    live: bool,
    /// With --live: also write the packets shown to this pcapng file.
    #[arg(long, value_name = "FILE", conflicts_with = "file")]
    write: Option<PathBuf>,
    /// Stop after showing this many packets.
    #[arg(long, value_name = "N")]
    count: Option<u64>,
    /// With --live: stop after this many seconds.
    #[arg(long, value_name = "SECONDS", value_parser = course::seconds, conflicts_with = "file")]
    duration: Option<Duration>,
    /// Show every packet, not only the course's traffic.
    #[arg(long, conflicts_with = "port")]
    all: bool,
    /// Show only the TCP and UDP of this port, and the ICMP errors about it (repeat for
    /// more ports).
    #[arg(long, value_name = "N")]
    port: Vec<u16>,
    /// Print a mermaid sequence diagram (one arrow per packet) instead of one line per packet.
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
            narrate!("stop", "{}", show.stop_reason());
            break;
        }
    }
    Ok(())
}
