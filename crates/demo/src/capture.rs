//! `--wire`: the packets behind the calls. A thread captures the loopback interface live (the
//! wire crate's packet socket, Linux only) and sends each packet of the lesson's port down the
//! conversation's channel, stamped with the time it crossed loopback, to be printed among the
//! programs' lines:
//!
//! ```text
//! demo     | start    client 1: tcp-client --port 7878 (pid 4242)
//! wire     | TCP      127.0.0.1:50412 -> 127.0.0.1:7878  SYN seq=0 len=0
//! wire     | TCP      127.0.0.1:7878 -> 127.0.0.1:50412  SYN-ACK seq=0 ack=1 len=0
//! wire     | TCP      127.0.0.1:50412 -> 127.0.0.1:7878  ACK seq=1 ack=1 len=0
//! server   | accept   #1 from 127.0.0.1:50412 on 127.0.0.1:7878, the listener's own port; ...
//! client 1 | connect  from 127.0.0.1:50412 to 127.0.0.1:7878 (the OS picked our port, 50412)
//! ```
//!
//! A program narrates a call once it returns: the packets the call caused come just before its
//! line (the handshake before `connect`, the echo's segment before the server's `send`, the
//! FIN before `shutdown`).
//!
//! The order is the order of the stamps, and both stamps use one clock (CLOCK_REALTIME, which
//! SystemTime reads). A packet carries the kernel's time of crossing `lo` (SO_TIMESTAMPNS),
//! which is before the call that sent it returns; a line, the time the demo read it, which is
//! after the program wrote it. So a packet always comes before the line of the call that
//! caused it. (Stamped when the capture thread read it, 0.03 to 0.6 ms later, a packet came
//! after that line in about 4 runs of 10.)

use anyhow::Result;

use crate::conversation::Conversation;

/// The longest a line waits for the capture to read past it (a capture thread held up by a
/// busy machine): after that it is printed as it is.
#[cfg(target_os = "linux")]
pub const MOST: std::time::Duration = std::time::Duration::from_secs(2);

/// How long the capture waits for a frame before it says how far it has read: a line is
/// printed one to two of these after it is read when no packet follows it.
#[cfg(target_os = "linux")]
const POLL: std::time::Duration = std::time::Duration::from_millis(50);

/// An open capture, not yet watching.
pub struct Capture {
    #[cfg(target_os = "linux")]
    loopback: wire::live::Loopback,
}

/// Opens the capture, before any program starts: where capturing is not allowed, the demo
/// stops with nothing started.
#[cfg(target_os = "linux")]
pub fn open(args: &str) -> Result<Capture> {
    use course::HintExt;

    match wire::live::Loopback::open() {
        Ok(loopback) => Ok(Capture { loopback }),
        Err(error) => {
            // The wire crate's own hint names the wire program; this one names the demo.
            let (message, _) = course::describe(&error);
            let kind = course::io_kind(&error);
            Err(anyhow::anyhow!("{message}")).hint(permission_hint(kind, args))
        }
    }
}

/// Packet sockets exist on Linux only.
#[cfg(not(target_os = "linux"))]
pub fn open(_args: &str) -> Result<Capture> {
    use course::HintExt;

    Err(anyhow::anyhow!(course::t!("demo.wire.linux-only")))
        .hint(course::t!("demo.wire.linux-only.hint"))
}

impl Capture {
    /// Starts the capture thread: every packet to or from `port` becomes a line of `wire`.
    #[cfg(target_os = "linux")]
    pub fn watch(self, conversation: &mut Conversation, port: u16) -> Result<()> {
        use anyhow::Context;
        use course::t;

        // The wire's speaker keeps its program's name: its lines are the wire program's.
        let lines = conversation.speaker("wire");
        conversation.order_by_time(MOST);
        let index = self.loopback.index();
        conversation.say(
            &t!("demo.label.capture"),
            &t!("demo.wire.capture", index, port),
        )?;
        let mut loopback = self.loopback;
        std::thread::Builder::new()
            .name("capture".to_string())
            .spawn(move || watch(&mut loopback, port, &lines))
            .context(t!("demo.wire.thread"))?;
        Ok(())
    }

    #[cfg(not(target_os = "linux"))]
    pub fn watch(self, _: &mut Conversation, _: u16) -> Result<()> {
        Ok(())
    }
}

/// The capture thread: until the conversation is over.
#[cfg(target_os = "linux")]
fn watch(loopback: &mut wire::live::Loopback, port: u16, lines: &crate::conversation::Lines) {
    use crate::conversation::Channel;
    use wire::{Filter, Verdict, Wire};

    let mut wire = Wire::new(Filter::Ports(vec![port]));
    wire.start_at(wire::live::now());
    // A line waits for the next empty wait: a short one, so that it is not held up long.
    let _ = loopback.set_poll(POLL);
    loop {
        let asked = wire::live::now();
        let frame = match loopback.next_frame() {
            Ok(Some(frame)) => frame,
            // A wait without a frame: every packet that crossed lo before it began has been
            // read. (Not "before now": a packet may have come since the wait ended, and its
            // call's line may be stamped before now.)
            Ok(None) => {
                if !lines.read_up_to(asked) {
                    return;
                }
                continue;
            }
            Err(error) => {
                let stop = course::t!("demo.label.stop");
                let text = format!("{stop:<8} {}", course::t!("demo.wire.failed", error));
                lines.send(wire::live::now(), Channel::Narration, text);
                return;
            }
        };
        if let Verdict::Shown(event) = wire.frame(&frame) {
            let packet = &event.packet;
            let text = format!(
                "{:<8} {} -> {}  {}",
                wire::text::word(packet),
                packet.source,
                packet.destination,
                wire::text::details(packet)
            );
            if !lines.send(event.timestamp, Channel::Packet, text) {
                return;
            }
        }
    }
}

/// packet(7): "Only processes with effective UID 0 or the CAP_NET_RAW capability may open
/// packet sockets." The ways to get it, for this demo's executable; the namespace only where
/// the system allows it.
#[cfg(target_os = "linux")]
fn permission_hint(kind: Option<std::io::ErrorKind>, args: &str) -> String {
    use course::t;

    if kind != Some(std::io::ErrorKind::PermissionDenied) {
        return t!("demo.wire.not-opened");
    }
    let demo = std::env::current_exe()
        .map(|path| path.display().to_string())
        .unwrap_or_else(|_| "target/debug/demo".to_string());
    let mut hint = t!("demo.wire.needs-root", demo, args);
    if user_namespaces_allowed() {
        hint.push_str(&t!("demo.wire.namespace", demo, args));
    } else {
        hint.push_str(&t!("demo.wire.no-namespace"));
    }
    hint
}

/// Whether `unshare --user` works for an ordinary user: Ubuntu 23.10+ restricts it through
/// AppArmor, and any Linux can set the number of user namespaces to 0. (The same test as the
/// wire program's, which keeps it private.)
#[cfg(target_os = "linux")]
fn user_namespaces_allowed() -> bool {
    let read = |path: &str| std::fs::read_to_string(path).map(|text| text.trim().to_string());
    let restricted = read("/proc/sys/kernel/apparmor_restrict_unprivileged_userns")
        .is_ok_and(|value| value == "1")
        || read("/proc/sys/kernel/unprivileged_userns_clone").is_ok_and(|value| value == "0")
        || read("/proc/sys/user/max_user_namespaces").is_ok_and(|value| value == "0");
    !restricted
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn a_refused_capture_says_how_to_get_the_right_for_this_demo() {
        let hint = permission_hint(Some(std::io::ErrorKind::PermissionDenied), "tcp --wire");
        // The commands, the same in every language (the words are the test's locale's).
        assert!(
            hint.contains("CAP_NET_RAW") && hint.contains("`sudo "),
            "{hint}"
        );
        assert!(hint.contains(" tcp --wire`"), "{hint}");
        assert!(hint.contains("sudo setcap cap_net_raw=ep "), "{hint}");
        assert!(
            hint.contains("unshare --user --map-root-user --net")
                || hint.ends_with(&course::t!("demo.wire.no-namespace")),
            "{hint}"
        );
    }
}
