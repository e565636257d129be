//! What udp-receiver shows: each datagram on stdout, the first few narrated on stderr, the
//! replies it sent (`--reply`), and the score at the end.

use std::io;
use std::net::SocketAddr;

use course::narrate;
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
            let limit = self.limit;
            line.push_str(&format!(
                "  truncated: datagram larger than the {limit}-byte buffer"
            ));
        }
        let n = self.board.datagrams;
        if n < NARRATED {
            narrate!("recv_from", "{} bytes from {from}", datagram.len());
        } else if n == NARRATED {
            narrate!(
                "recv_from",
                "{} bytes from {from} (further datagrams: on stdout only, a count here every {COUNT_EVERY})",
                datagram.len()
            );
        } else if n % COUNT_EVERY == 0 {
            narrate!("recv", "{n} datagrams so far");
        }
        // Anyone can send to this port: a number that makes no sense is said once per run.
        if let Some(doubt) = shown.doubt {
            narrate!("doubt", "{doubt}");
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
        narrate!(
            "recv",
            "truncated: datagram larger than the {}-byte buffer (WSAEMSGSIZE)",
            self.limit
        );
    }

    /// What `send_to` did with the reply to the datagram that just arrived. A reply that fails
    /// is said and counted: the receiver goes on with the next datagram.
    pub fn replied(&mut self, to: SocketAddr, len: usize, sent: io::Result<usize>) {
        match sent {
            Ok(_) => {
                self.replied += 1;
                if self.narrated() {
                    narrate!(
                        "send_to",
                        "{len} bytes to {to} (the reply: the same bytes, to the address recv_from gave)"
                    );
                }
            }
            Err(error) => {
                self.replies_failed += 1;
                narrate!("send_to", "the reply to {to} failed: {error} (going on)");
            }
        }
    }

    /// The score, for the narration's last lines.
    pub fn summary(&self, reply: bool) {
        for line in self.board.report() {
            narrate!("summary", "{line}");
        }
        narrate!(
            "summary",
            "truncated {} (datagrams larger than the {}-byte buffer)",
            self.truncated,
            self.limit
        );
        if reply {
            let mut replies = format!(
                "replied to {} (send_to, each to the address its datagram came from)",
                course::plural(self.replied, "datagram")
            );
            if self.replies_failed > 0 {
                replies.push_str(&format!(", {} replies failed", self.replies_failed));
            }
            narrate!("summary", "{replies}");
        }
    }
}
