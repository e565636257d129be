//! What the kernel counted as dropped for lack of receive-buffer space, and the receive
//! buffer it granted.

use course::{say, t};

/// The kernel's drop counters at one moment (Linux; `None` elsewhere or when unreadable).
#[derive(Debug, Clone, Copy)]
pub struct Counters {
    /// The `drops` column of this socket's line in /proc/net/udp (or udp6).
    pub socket_drops: Option<u64>,
    /// `RcvbufErrors` in /proc/net/snmp: every UDP socket of the machine.
    pub rcvbuf_errors: Option<u64>,
}

impl Counters {
    // Linux only: the counters come from /proc/net; elsewhere `report` points at netstat.
    #[cfg(target_os = "linux")]
    pub fn read(port: u16) -> Counters {
        Counters {
            socket_drops: socket_drops(port),
            rcvbuf_errors: rcvbuf_errors(),
        }
    }

    #[cfg(not(target_os = "linux"))]
    pub fn read(_port: u16) -> Counters {
        Counters {
            socket_drops: None,
            rcvbuf_errors: None,
        }
    }
}

/// Says what receive buffer the kernel granted for the one asked (`--recv-buffer`).
pub fn granted(asked: usize, granted: usize) {
    let why = if cfg!(target_os = "linux") {
        t!("udp-receiver.granted-linux")
    } else {
        String::new()
    };
    say!("rcvbuf", "udp-receiver.granted", asked, granted, why);
}

/// Prints the kernel's counts next to the receiver's own loss count.
pub fn report(before: Counters, after: Counters, lost: u64) {
    // "kernel" is the same word in both languages.
    match (
        after.socket_drops,
        before.rcvbuf_errors,
        after.rcvbuf_errors,
    ) {
        (Some(drops), Some(b), Some(a)) => say!(
            "kernel",
            "udp-receiver.kernel-dropped-machine",
            datagrams = course::plural(drops, "datagram"),
            machine = a.saturating_sub(b),
            lost
        ),
        (Some(drops), _, _) => say!(
            "kernel",
            "udp-receiver.kernel-dropped",
            datagrams = course::plural(drops, "datagram"),
            lost
        ),
        _ if cfg!(target_os = "linux") => say!("kernel", "udp-receiver.kernel-unreadable"),
        _ => say!("kernel", "udp-receiver.kernel-elsewhere", lost),
    }
    if let Some(drops) = after.socket_drops.filter(|&drops| lost > drops) {
        let before = lost - drops;
        say!("kernel", "udp-receiver.lost-before-socket", before, lost);
    }
}

/// The last column of our socket's line, matched by local port (hex, as the kernel writes it).
#[cfg(target_os = "linux")]
fn socket_drops(port: u16) -> Option<u64> {
    let wanted = format!(":{port:04X}");
    ["/proc/net/udp", "/proc/net/udp6"].iter().find_map(|file| {
        let table = std::fs::read_to_string(file).ok()?;
        table.lines().skip(1).find_map(|line| {
            let columns: Vec<&str> = line.split_whitespace().collect();
            let local = columns.get(1)?;
            if !local.ends_with(&wanted) {
                return None;
            }
            columns.last()?.parse().ok()
        })
    })
}

/// `Udp: ... RcvbufErrors ...`: a line of names, then a line of values.
#[cfg(target_os = "linux")]
fn rcvbuf_errors() -> Option<u64> {
    let snmp = std::fs::read_to_string("/proc/net/snmp").ok()?;
    let mut udp = snmp.lines().filter(|line| line.starts_with("Udp:"));
    let names = udp.next()?;
    let values = udp.next()?;
    let column = names
        .split_whitespace()
        .position(|name| name == "RcvbufErrors")?;
    values.split_whitespace().nth(column)?.parse().ok()
}
