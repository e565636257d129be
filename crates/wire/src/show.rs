//! Part of the wire program (not of the library). Showing what `Wire` makes of each frame: a line per packet on stdout (the data), or a
//! mermaid diagram at the end; packets that cannot be read, and the summary, on stderr.

use std::io::{self, StdoutLock, Write};

use course::narrate;
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
                if self.told <= TOLD {
                    let detail = unreadable
                        .detail
                        .map(|d| format!(": {d}"))
                        .unwrap_or_default();
                    narrate!("skip", "packet {number}: {}{detail}", unreadable.reason);
                }
                if self.told == TOLD {
                    narrate!(
                        "skip",
                        "(further unreadable packets: counted in the summary)"
                    );
                }
            }
        }
        !self.stdout_closed && self.count.is_none_or(|count| self.shown < count)
    }

    /// Why `verdict` said stop.
    pub fn stop_reason(&self) -> String {
        match self.stdout_closed {
            true => "stdout closed".to_string(),
            false => format!("{} packets shown (--count)", self.shown),
        }
    }

    /// Prints the diagram, if one was asked for.
    pub fn finish(&mut self) {
        let Some(diagram) = &self.diagram else {
            return;
        };
        if diagram.left_out() > 0 {
            narrate!(
                "mermaid",
                "drew the first {} packets; {} more left out (mermaid refuses very large diagrams)",
                wire::mermaid::MAX_ARROWS,
                diagram.left_out()
            );
        }
        let _ = self.stdout.write_all(diagram.render().as_bytes());
        let _ = self.stdout.flush();
    }
}

/// The summary on stderr: packets read, shown, and not shown by reason.
pub fn summary(counts: &Counts) {
    narrate!(
        "summary",
        "{} packets read, {} shown",
        counts.read,
        counts.shown
    );
    for (reason, count) in &counts.skipped {
        narrate!("skipped", "{count}: {reason}");
    }
}
