//! Part of the wire program (not of the library). Showing what `Wire` makes of each frame: a line per packet on stdout (the data), or a
//! mermaid diagram at the end; packets that cannot be read, and the summary, on stderr.

use std::io::{self, StdoutLock, Write};

use course::{say, t};
use wire::mermaid::Diagram;
use wire::{Counts, Verdict};

/// Unreadable packets told one by one on stderr; after that, only counted.
const TOLD: u64 = 5;

pub struct Show {
    stdout: StdoutLock<'static>,
    /// With --mermaid: the diagram, printed at the end.
    diagram: Option<Diagram>,
    /// --count: stop after this many packets shown.
    count: Option<u64>,
    shown: u64,
    told: u64,
    stdout_closed: bool,
}

impl Show {
    pub fn new(mermaid: bool, count: Option<u64>) -> Show {
        Show {
            stdout: io::stdout().lock(),
            diagram: mermaid.then(Diagram::new),
            count,
            shown: 0,
            told: 0,
            stdout_closed: false,
        }
    }

    /// Shows one verdict; false when no more are wanted (--count reached, stdout closed).
    pub fn verdict(&mut self, verdict: Verdict) -> bool {
        match verdict {
            Verdict::Shown(event) => {
                self.shown += 1;
                match &mut self.diagram {
                    Some(diagram) => diagram.packet(&event),
                    // `| head` closes stdout early: stop cleanly instead of failing on EPIPE.
                    None => {
                        if writeln!(self.stdout, "{}", wire::text::line(&event)).is_err() {
                            self.stdout_closed = true;
                        }
                    }
                }
            }
            Verdict::Hidden => {}
            Verdict::Unreadable(number, unreadable) => {
                self.told += 1;
                let label = t!("wire.label.skip");
                if self.told <= TOLD {
                    // The parser's own words (the detail) stay as it wrote them.
                    let reason = match unreadable.detail {
                        Some(detail) => format!("{}: {detail}", unreadable.reason),
                        None => unreadable.reason,
                    };
                    say!(&label, "wire.skip.packet", number, reason);
                }
                if self.told == TOLD {
                    say!(&label, "wire.skip.more");
                }
            }
        }
        !self.stdout_closed && self.count.is_none_or(|count| self.shown < count)
    }

    /// Why `verdict` said stop.
    pub fn stop_reason(&self) -> String {
        match self.stdout_closed {
            true => t!("wire.stop.stdout-closed"),
            false => t!("wire.stop.count", shown = self.shown),
        }
    }

    /// Prints the diagram, if one was asked for.
    pub fn finish(&mut self) {
        let Some(diagram) = &self.diagram else {
            return;
        };
        if diagram.left_out() > 0 {
            let (drawn, more) = (wire::mermaid::MAX_ARROWS, diagram.left_out());
            say!("mermaid", "wire.mermaid.left-out", drawn, more);
        }
        let _ = self.stdout.write_all(diagram.render().as_bytes());
        let _ = self.stdout.flush();
    }
}

/// The summary on stderr: packets read, shown, and not shown by reason.
pub fn summary(counts: &Counts) {
    say!(
        t!("wire.label.summary"),
        "wire.summary",
        read = counts.read,
        shown = counts.shown
    );
    for (reason, count) in &counts.skipped {
        say!(t!("wire.label.skipped"), "wire.skipped", count, reason);
    }
}
