//! "Is UDP much faster than TCP?", answered from the rows of this run: faster at what, by how
//! much, and at what price, in the language of the run. A part that was not measured says
//! nothing.

use course::t;

use crate::report::{Row, format_number as n};
use crate::udp::Way;

pub fn answer(rows: &[Row]) -> String {
    let find = |start: &str| rows.iter().find(|row| row.name.starts_with(start));
    let mut lines = vec![t!("socket-lab.answer.title")];
    if let Some(size) = message_size(rows) {
        lines.extend(small_exchange(&find, size));
        lines.extend(stall(&find, size));
        lines.extend(first_exchange(&find, size));
    }
    lines.extend(moving_data(&find));
    lines.extend(sending(rows));
    if lines.len() == 1 {
        return String::new();
    }
    lines.push(t!("socket-lab.answer.so"));
    lines.join("\n") + "\n"
}

/// The small messages' size of the run the rows come from (`--size`), read from its rows'
/// names (`TCP 32 B, same echo thread`): `socket-lab report` reads a CSV that a run with
/// another `--size` may have written.
fn message_size(rows: &[Row]) -> Option<usize> {
    rows.iter().find_map(|row| {
        let (size, rest) = row.name.strip_prefix("TCP ")?.split_once(" B, ")?;
        rest.starts_with("same echo thread")
            .then(|| size.parse().ok())
            .flatten()
    })
}

type Find<'a> = dyn Fn(&str) -> Option<&'a Row> + 'a;

fn small_exchange(find: &Find, size: usize) -> Option<String> {
    let tcp = find(&format!("TCP {size} B, same echo thread"))?.p50_us?;
    let udp = find(&format!("UDP {size} B, same echo thread"))?.p50_us?;
    let comparison = compare("UDP", udp, "TCP", tcp);
    let (udp, tcp) = (n(udp), n(tcp));
    Some(t!("socket-lab.answer.small", udp, tcp, comparison))
}

fn stall(find: &Find, size: usize) -> Option<String> {
    let stall = find(&format!(
        "TCP write-write-read {size} B, request/response, Nagle"
    ))?
    .p50_us
    .filter(|&us| us > 10_000.0)?;
    Some(t!("socket-lab.answer.stall", stall = n(stall)))
}

fn first_exchange(find: &Find, size: usize) -> Option<String> {
    let tcp = find(&format!("TCP connect + first {size} B round trip, lab"))?.p50_us?;
    let udp = find("UDP new socket")?.p50_us?;
    let comparison = compare("UDP", udp, "TCP", tcp);
    let (tcp, udp) = (n(tcp), n(udp));
    Some(t!("socket-lab.answer.first", tcp, udp, comparison))
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
    let mut lines = vec![t!(
        "socket-lab.answer.moving",
        tcp = n(tcp),
        big = n(big.mb_per_second.unwrap_or(0.0)),
        big_loss = n(big.loss_percent.unwrap_or(0.0)),
        small = n(small.mb_per_second.unwrap_or(0.0)),
        small_loss = n(small.loss_percent.unwrap_or(0.0)),
    )];
    if let Some(iperf3) = find("TCP one way, iperf3").and_then(|r| r.mb_per_second) {
        lines.push(t!("socket-lab.answer.iperf3-tcp", rate = n(iperf3)));
    }
    lines.push(t!("socket-lab.answer.loss"));
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
    let mut text = t!(
        "socket-lab.answer.sending",
        send_to = n(send_to),
        send = n(send),
        send_times = times(send, send_to)
    );
    if let Some(batch) = rate(Way::Batch, silent) {
        text += &t!(
            "socket-lab.answer.sendmmsg",
            batch = n(batch),
            per_call = crate::udp::BATCH,
            batch_times = times(batch, send_to)
        );
    }
    text += &t!("socket-lab.answer.kernel-work");
    let reader: Vec<String> = Way::all()
        .into_iter()
        .filter_map(|way| rate(way, "lab receiver"))
        .map(|rate| format!("{}/s", n(rate)))
        .collect();
    if !reader.is_empty() {
        text += &t!("socket-lab.answer.reader", rates = reader.join(", "));
    }
    let iperf3 = rows.iter().find(|row| row.name.contains("iperf3 -u"));
    if let Some(iperf3) = iperf3.and_then(|row| row.per_second) {
        text += &t!("socket-lab.answer.iperf3-udp", rate = n(iperf3));
    }
    Some(text)
}

/// "1.66 times send_to's rate", or "about send_to's rate": `a` and `b` are rates.
fn times(a: f64, b: f64) -> String {
    let ratio = a / b;
    if (1.0 / 1.1..=1.1).contains(&ratio) {
        t!("socket-lab.answer.about-send-to")
    } else {
        t!("socket-lab.answer.times-send-to", ratio = n(ratio))
    }
}

/// "UDP is 1.8x faster", "TCP is 1.2x faster here" or "about the same": `a` and `b` are times.
fn compare(a_name: &str, a: f64, b_name: &str, b: f64) -> String {
    let ratio = b / a;
    if ratio > 1.1 {
        t!("socket-lab.answer.faster", who = a_name, ratio = n(ratio))
    } else if ratio < 1.0 / 1.1 {
        t!(
            "socket-lab.answer.faster-here",
            who = b_name,
            ratio = n(1.0 / ratio)
        )
    } else {
        t!("socket-lab.answer.same")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_size_is_the_runs_own_whatever_the_reports_options() {
        let rows = [
            Row::new("latency", "TCP 1000 B, tcp-echo-server, TCP_NODELAY"),
            Row::new("latency", "TCP 1000 B, same echo thread as UDP"),
        ];
        assert_eq!(message_size(&rows), Some(1000));
        assert_eq!(message_size(&rows[..1]), None);
    }
}
