//! "Is UDP much faster than TCP?", answered from the rows of this run: faster at what, by how
//! much, and at what price. A part that was not measured says nothing.

use crate::report::{Row, format_number as n};
use crate::udp::Way;

pub fn answer(rows: &[Row], size: usize) -> String {
    let find = |start: &str| rows.iter().find(|row| row.name.starts_with(start));
    let mut lines = vec!["== Is UDP much faster than TCP? (from this run)".to_string()];
    lines.extend(small_exchange(&find, size));
    lines.extend(stall(&find, size));
    lines.extend(first_exchange(&find, size));
    lines.extend(moving_data(&find));
    lines.extend(sending(rows));
    if lines.len() == 1 {
        return String::new();
    }
    lines.push(
        "So: \"much faster\" is true for starting a conversation (no handshake) and for \
         fire-and-forget messages. Per small exchange the difference is small; for bulk \
         data UDP is as fast as its datagrams are big, and only if losing some is \
         acceptable."
            .into(),
    );
    lines.join("\n") + "\n"
}

type Find<'a> = dyn Fn(&str) -> Option<&'a Row> + 'a;

fn small_exchange(find: &Find, size: usize) -> Option<String> {
    let tcp = find(&format!("TCP {size} B, same echo thread"))?.p50_us?;
    let udp = find(&format!("UDP {size} B, same echo thread"))?.p50_us?;
    Some(format!(
        "- One small request/response: UDP {} µs, TCP {} µs (p50, the same echo thread \
         answering both in turn): {}. Both cost a couple of system calls and two thread \
         wake-ups; TCP's extra bookkeeping per segment (sequence numbers, ACKs) is small.",
        n(udp),
        n(tcp),
        compare("UDP", udp, "TCP", tcp)
    ))
}

fn stall(find: &Find, size: usize) -> Option<String> {
    let stall = find(&format!(
        "TCP write-write-read {size} B, request/response, Nagle"
    ))?
    .p50_us
    .filter(|&us| us > 10_000.0)?;
    Some(format!(
        "- Writing one request in two pieces with Nagle on: {} µs per round trip, the \
         delayed-ACK stall. That is the program's doing, not TCP's speed: one write per \
         message, or TCP_NODELAY, removes it.",
        n(stall)
    ))
}

fn first_exchange(find: &Find, size: usize) -> Option<String> {
    let tcp = find(&format!("TCP connect + first {size} B round trip, lab"))?.p50_us?;
    let udp = find("UDP new socket")?.p50_us?;
    Some(format!(
        "- A first exchange with a new peer: TCP {} µs (handshake, accept, one round trip), \
         UDP {} µs: {}. Over a real network the handshake adds a whole network round trip \
         (milliseconds), which is where UDP's advantage is real.",
        n(tcp),
        n(udp),
        compare("UDP", udp, "TCP", tcp)
    ))
}

fn moving_data(find: &Find) -> Vec<String> {
    let one_way = find("TCP one way, lab").and_then(|r| r.mb_per_second);
    let (Some(tcp), Some(big), Some(small)) = (
        one_way,
        find("UDP 65507 B, send_to, to lab"),
        find("UDP 64 B, send_to, to lab"),
    ) else {
        return Vec::new();
    };
    let mut lines = vec![format!(
        "- Moving data: one TCP connection delivered {} MB/s. UDP delivered {} MB/s with \
         65,507-byte datagrams ({}% lost on the way) and {} MB/s with 64-byte datagrams \
         ({}% lost). UDP pays for every datagram (the kernel's work and a system call each), \
         so small datagrams are slow; TCP hands the kernel 128 KiB per call and never lost a \
         byte.",
        n(tcp),
        n(big.mb_per_second.unwrap_or(0.0)),
        n(big.loss_percent.unwrap_or(0.0)),
        n(small.mb_per_second.unwrap_or(0.0)),
        n(small.loss_percent.unwrap_or(0.0)),
    )];
    if let Some(iperf3) = find("TCP one way, iperf3").and_then(|r| r.mb_per_second) {
        lines.push(format!(
            "  (iperf3, a tool built for measuring, moved {} MB/s over one TCP connection.)",
            n(iperf3)
        ));
    }
    lines.push(
        "- UDP loses what the receiver cannot keep up with, and the sender is never told: no \
         flow control, no congestion control, no retransmission. TCP slows the sender down \
         instead. A UDP program that must not lose data has to add sequence numbers, \
         acknowledgements and pacing: it becomes a small TCP."
            .into(),
    );
    lines
}

/// What a connected socket and `sendmmsg` save per 64-byte datagram. The sender's own cost
/// shows best against a socket that never reads: nobody has to be woken up.
fn sending(rows: &[Row]) -> Option<String> {
    let rate = |way: Way, receiver: &str| {
        let name = format!("UDP 64 B, {}, to {receiver}", way.describe());
        rows.iter()
            .find(|row| row.section == "sending" && row.name == name)
            .and_then(|row| row.per_second)
    };
    let silent = "a socket that never reads";
    let send_to = rate(Way::SendTo, silent)?;
    let send = rate(Way::Send, silent)?;
    let mut text = format!(
        "- Sending small datagrams faster: to a socket that never reads (nobody to wake up), \
         {}/s with one send_to each on an unconnected socket (what udp-sender does), {}/s \
         with send on a connected socket ({}: the kernel looks the route up once)",
        n(send_to),
        n(send),
        times(send, send_to)
    );
    if let Some(batch) = rate(Way::Batch, silent) {
        text += &format!(
            ", {}/s with sendmmsg, {} datagrams per system call ({})",
            n(batch),
            crate::udp::BATCH,
            times(batch, send_to)
        );
    }
    text += ". What no call saves is the kernel's work for each datagram.";
    let reader: Vec<String> = Way::all()
        .into_iter()
        .filter_map(|way| rate(way, "lab receiver"))
        .map(|rate| format!("{}/s", n(rate)))
        .collect();
    if !reader.is_empty() {
        text += &format!(
            " To a receiver that reads, the same calls sent {}: waking it up costs more.",
            reader.join(", ")
        );
    }
    let iperf3 = rows.iter().find(|row| row.name.contains("iperf3 -u"));
    if let Some(iperf3) = iperf3.and_then(|row| row.per_second) {
        text += &format!(
            " iperf3, a tool built for measuring, sent {}/s to its reader (one send each, \
             connected).",
            n(iperf3)
        );
    }
    Some(text)
}

/// "1.66 times send_to's rate", or "about send_to's rate": `a` and `b` are rates.
fn times(a: f64, b: f64) -> String {
    let ratio = a / b;
    if (1.0 / 1.1..=1.1).contains(&ratio) {
        "about send_to's rate".into()
    } else {
        format!("{} times send_to's rate", n(ratio))
    }
}

/// "UDP is 1.8x faster", "TCP is 1.2x faster here" or "about the same": `a` and `b` are times.
fn compare(a_name: &str, a: f64, b_name: &str, b: f64) -> String {
    let ratio = b / a;
    if ratio > 1.1 {
        format!("{a_name} is {}x faster", n(ratio))
    } else if ratio < 1.0 / 1.1 {
        format!("{b_name} is {}x faster here", n(1.0 / ratio))
    } else {
        "about the same (within 10%)".into()
    }
}
