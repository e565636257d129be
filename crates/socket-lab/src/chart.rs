//! The run as a bar chart in SVG: one panel per kind of figure, one bar per row, drawn from
//! the rows alone (no plotting library). Latency and setup bars are p50 on a logarithmic
//! scale, because the delayed-ACK stall is a thousand times longer than a loopback round trip.

use std::fmt::Write as _;

use course::t;

use crate::report::{Row, format_number};

struct Panel {
    title: String,
    log: bool,
    /// Name, value, and the label written after the bar.
    bars: Vec<(String, f64, String)>,
}

const LABEL_WIDTH: f64 = 400.0;
const BAR_WIDTH: f64 = 380.0;
const BAR_HEIGHT: f64 = 18.0;
const GAP: f64 = 4.0;

pub fn svg(rows: &[Row]) -> String {
    let width = LABEL_WIDTH + BAR_WIDTH + 200.0;
    let mut body = String::new();
    let mut y = 10.0;
    for panel in panels(rows).iter().filter(|p| !p.bars.is_empty()) {
        y = draw(panel, y, &mut body);
    }
    let height = y + 20.0;
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
{body}</svg>
"#
    )
}

fn panels(rows: &[Row]) -> [Panel; 6] {
    let bars = |section: &str, value: fn(&Row) -> Option<f64>, unit: &str| {
        rows.iter()
            .filter(|row| row.section == section)
            .filter_map(|row| {
                let v = value(row)?;
                let mut label = format!("{} {unit}", format_number(v));
                if let Some(loss) = row.loss_percent {
                    let (figure, loss) = (label, format_number(loss));
                    label = t!("socket-lab.chart.loss", figure, loss);
                }
                Some((row.name.clone(), v, label))
            })
            .collect()
    };
    let panel = |title, log, bars| Panel { title, log, bars };
    [
        panel(
            t!("socket-lab.chart.latency"),
            true,
            bars("latency", |r| r.p50_us, "µs"),
        ),
        panel(
            t!("socket-lab.chart.setup"),
            true,
            bars("setup", |r| r.p50_us, "µs"),
        ),
        panel(
            t!("socket-lab.chart.throughput"),
            false,
            bars("throughput", |r| r.mb_per_second, "MB/s"),
        ),
        panel(
            t!("socket-lab.chart.udp-bytes"),
            true,
            bars("udp", |r| r.mb_per_second, "MB/s"),
        ),
        panel(
            t!("socket-lab.chart.udp-rate"),
            false,
            bars("udp", |r| r.per_second, "/s"),
        ),
        panel(
            t!("socket-lab.chart.sending"),
            false,
            bars("sending", |r| r.per_second, "/s"),
        ),
    ]
}

/// Draws `panel` from height `y` into `body`; returns the height below it.
fn draw(panel: &Panel, mut y: f64, body: &mut String) -> f64 {
    y += 22.0;
    let _ = writeln!(
        body,
        r#"<text x="10" y="{y}" font-weight="bold">{}</text>"#,
        escape(&panel.title)
    );
    y += 8.0;
    let values: Vec<f64> = panel.bars.iter().map(|bar| bar.1).collect();
    for (name, value, label) in &panel.bars {
        let length = scale(&values, panel.log, *value).max(1.0);
        let _ = writeln!(
            body,
            r##"<text x="{lx}" y="{ty}" text-anchor="end">{name}</text><rect x="{bx}" y="{y}" width="{length:.1}" height="{BAR_HEIGHT}" fill="#4878a8"><title>{name}: {label}</title></rect><text x="{vx:.1}" y="{ty}">{label}</text>"##,
            lx = LABEL_WIDTH - 6.0,
            ty = y + BAR_HEIGHT - 5.0,
            bx = LABEL_WIDTH,
            vx = LABEL_WIDTH + length + 6.0,
            name = escape(name),
            label = escape(label),
        );
        y += BAR_HEIGHT + GAP;
    }
    y
}

/// The length of the bar for `value` among `values`.
fn scale(values: &[f64], log: bool, value: f64) -> f64 {
    let max = values.iter().copied().fold(0.0_f64, f64::max);
    if max <= 0.0 || value <= 0.0 {
        return 0.0;
    }
    if !log {
        return BAR_WIDTH * value / max;
    }
    // One decade below the smallest bar is the origin, so every bar shows.
    let min = values
        .iter()
        .copied()
        .filter(|&v| v > 0.0)
        .fold(f64::INFINITY, f64::min)
        / 10.0;
    BAR_WIDTH * (value / min).log10() / (max / min).log10()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_has_one_bar_per_charted_row() {
        let rows = [
            Row {
                p50_us: Some(20.0),
                ..Row::new("latency", "a")
            },
            Row {
                p50_us: Some(40000.0),
                ..Row::new("latency", "b <stall>")
            },
            Row {
                mb_per_second: Some(900.0),
                ..Row::new("throughput", "c")
            },
        ];
        let svg = svg(&rows);
        assert_eq!(svg.matches("<rect x=").count(), 3);
        assert!(svg.contains("b &lt;stall&gt;"));
    }
}
