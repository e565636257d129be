//! What udp-receiver shows: each datagram on stdout, the first few narrated on stderr, the
//! replies it sent (`--reply`), and the score at the end.

use std::io;
use std::net::SocketAddr;

use course::{narrate, say, t};
use datagram::Scoreboard;

/// Datagrams narrated one by one on stderr; after that, stdout shows them and stderr counts.
const NARRATED: u64 = 3;
const COUNT_EVERY: u64 = 1000;

/// The score so far, and what the narration has said.
pub struct Output {
    /// The longest datagram the receiver accepts; a longer one was cut.
    limit: usize,
    board: Scoreboard,
    truncated: u64,
    replied: u64,
    replies_failed: u64,
}

impl Output {
    pub fn new(limit: usize) -> Output {
        Output {
            limit,
            board: Scoreboard::default(),
            truncated: 0,
            replied: 0,
            replies_failed: 0,
        }
    }

    /// How many datagrams arrived, for the stop conditions.
    pub fn datagrams(&self) -> u64 {
        self.board.datagrams
    }

    /// The datagrams the score counts as lost, in all runs.
    pub fn lost(&self) -> u64 {
        self.board.total().lost
    }

    /// Whether this datagram is one of the first, narrated one by one.
    fn narrated(&self) -> bool {
        self.board.datagrams <= NARRATED
    }

    /// One datagram from `from`: scored, narrated if it is one of the first, and its line
    /// written to stdout. `cut`: it was longer than the buffer, and this is its beginning.
    pub fn datagram(&mut self, from: SocketAddr, datagram: &[u8], cut: bool) -> anyhow::Result<()> {
        let shown = self.board.show(from, datagram);
        let mut line = shown.line;
        if cut {
            self.truncated += 1;
            line.push_str(&t!("udp-receiver.truncated-line", limit = self.limit));
        }
        let n = self.board.datagrams;
        let bytes = course::plural(datagram.len(), "byte");
        if n < NARRATED {
            say!("recv_from", "udp-receiver.received", bytes, from);
        } else if n == NARRATED {
            let every = COUNT_EVERY;
            say!(
                "recv_from",
                "udp-receiver.received-last-narrated",
                bytes,
                from,
                every
            );
        } else if n % COUNT_EVERY == 0 {
            let datagrams = course::plural(n, "datagram");
            say!("recv", "udp-receiver.so-far", datagrams);
        }
        // Anyone can send to this port: a number that makes no sense is said once per run.
        if let Some(doubt) = shown.doubt {
            narrate!(t!("udp-receiver.label-doubt"), "{doubt}");
        }
        line.push('\n');
        course::write_stdout(line.as_bytes())
    }

    /// Windows: a datagram longer than the buffer made `recv_from` fail (WSAEMSGSIZE); it is
    /// gone, and so is its sender's address. (Linux and macOS cut it and hand over the rest.)
    #[cfg(windows)]
    pub fn too_long_and_gone(&mut self) {
        self.truncated += 1;
        self.board.datagrams += 1;
        say!("recv", "udp-receiver.too-long-and-gone", limit = self.limit);
    }

    /// What `send_to` did with the reply to the datagram that just arrived. A reply that fails
    /// is said and counted: the receiver goes on with the next datagram.
    pub fn replied(&mut self, to: SocketAddr, len: usize, sent: io::Result<usize>) {
        match sent {
            Ok(_) => {
                self.replied += 1;
                if self.narrated() {
                    let bytes = course::plural(len, "byte");
                    say!("send_to", "udp-receiver.replied", bytes, to);
                }
            }
            Err(error) => {
                self.replies_failed += 1;
                say!("send_to", "udp-receiver.reply-failed", to, error);
            }
        }
    }

    /// The score, for the narration's last lines.
    pub fn summary(&self, reply: bool) {
        let label = t!("udp-receiver.label-summary");
        // The first line counts every datagram, with or without a header, in words of this
        // program (course::plural: "1 datagram"); then the score of each run, as
        // datagram::Scoreboard::report writes it, the same lines udp-relay's expect lines show.
        say!(
            &label,
            "udp-receiver.total",
            datagrams = course::plural(self.board.datagrams, "datagram"),
            bytes = course::plural(self.board.bytes, "byte"),
            unnumbered = self.board.unnumbered
        );
        for line in self.board.report().iter().skip(1) {
            narrate!(&label, "{line}");
        }
        say!(
            &label,
            "udp-receiver.truncated",
            count = self.truncated,
            limit = self.limit
        );
        if reply {
            let datagrams = course::plural(self.replied, "datagram");
            let mut replies = t!("udp-receiver.replied-to", datagrams);
            if self.replies_failed > 0 {
                let failed = course::plural(self.replies_failed, "failed reply");
                replies.push_str(&format!(", {failed}"));
            }
            narrate!(&label, "{replies}");
        }
    }
}
