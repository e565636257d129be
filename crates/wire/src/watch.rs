//! Part of the wire program (not of the library): watching the loopback interface live, on
//! Linux, until Ctrl-C, --count or --duration.

use std::path::PathBuf;
use std::time::Duration;

use wire::Wire;

use crate::show::Show;

/// What `--live` may be told.
// Read by the Linux capture only: elsewhere `loopback` refuses at once.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub struct Options {
    /// Also write the packets shown to this pcapng file.
    pub write: Option<PathBuf>,
    /// Stop after this long.
    pub duration: Option<Duration>,
}

/// Captures `lo` and shows its packets.
#[cfg(target_os = "linux")]
pub fn loopback(options: &Options, wire: &mut Wire, show: &mut Show) -> anyhow::Result<()> {
    use std::sync::atomic::Ordering;
    use std::time::Instant;

    use course::{narrate, say, t};
    use wire::link::Link;
    use wire::live::Loopback;
    use wire::save::Save;

    // Ctrl-C is caught from before the `capture` line: a script that waits for that line, then
    // stops the capture, must not kill it.
    let interrupted = course::ctrl_c();
    let mut loopback = Loopback::open()?;
    say!(
        t!("wire.label.capture"),
        "wire.capture",
        index = loopback.index()
    );
    let mut save = match &options.write {
        Some(path) => Some(Save::create(path, "lo", Link::Ethernet)?),
        None => None,
    };
    let started = Instant::now();
    wire.start_at(wire::live::now());
    let mut shown_all = false;
    let reason = loop {
        if interrupted.load(Ordering::SeqCst) {
            break "Ctrl-C".to_string();
        }
        if let Some(duration) = options.duration.filter(|&d| started.elapsed() >= d) {
            break t!("wire.stop.duration", seconds = duration.as_secs_f64());
        }
        // None: a short wait passed without a frame; look at the stop conditions again.
        let Some(frame) = loopback.next_frame()? else {
            continue;
        };
        if !take(frame, wire, show, &mut save)? {
            shown_all = true;
            break show.stop_reason();
        }
    };
    // Stopped by Ctrl-C or --duration: the frames already queued crossed lo before the stop,
    // so they are shown too (a script that stops the capture once its programs are done loses
    // none).
    if !shown_all {
        loopback.set_poll(QUEUED)?;
        while let Some(frame) = loopback.next_frame()? {
            if !take(frame, wire, show, &mut save)? {
                break;
            }
        }
    }
    narrate!(t!("wire.label.stop"), "{reason}");
    if let (Some(save), Some(path)) = (save, &options.write) {
        save.finish()?;
        narrate!("write", "{} (pcapng)", path.display());
    }
    Ok(())
}

/// How long the last reads wait for a frame: what is queued comes at once.
#[cfg(target_os = "linux")]
const QUEUED: Duration = Duration::from_millis(5);

/// Shows a frame and saves it if shown; false when no more are wanted.
#[cfg(target_os = "linux")]
fn take(
    frame: wire::Frame,
    wire: &mut Wire,
    show: &mut Show,
    save: &mut Option<wire::save::Save>,
) -> anyhow::Result<bool> {
    let verdict = wire.frame(&frame);
    if let (Some(save), wire::Verdict::Shown(_)) = (save, &verdict) {
        save.write(&frame)?;
    }
    Ok(show.verdict(verdict))
}

/// Packet sockets exist on Linux only.
#[cfg(not(target_os = "linux"))]
pub fn loopback(_: &Options, _: &mut Wire, _: &mut Show) -> anyhow::Result<()> {
    use course::{HintExt, t};
    Err(anyhow::anyhow!(t!("wire.live.linux-only"))).hint(t!(
        "wire.live.linux-only.hint",
        how = wire::capture::how_to_capture()
    ))
}
