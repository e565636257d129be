//! The replies udp-sender waits for with `--wait-reply`: which datagram each one answers, and
//! the count of datagrams that got none. UDP has no acknowledgements: a reply is a datagram
//! like any other, from a server that chose to answer (`udp-receiver --reply`).

use std::net::SocketAddr;
use std::time::Duration;

use course::{narrate, say, t};
use datagram::{Arrival, Header, RunScore};

/// What a datagram that arrived during a wait is, for the datagram being waited for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// The reply to the datagram just sent: the wait is over.
    ToThis,
    /// The reply to an earlier datagram of this run, whose wait was over (`seq`).
    Late(u64),
    /// A reply that came before: the network (or the relay) duplicated it.
    Again(u64),
    /// From the peer, but no reply to anything this run sent.
    Unrelated,
    /// From another address: not a reply, whatever it says.
    Stranger,
}

/// The count of a run's replies, and what the narration says about each.
pub struct Replies {
    /// How long to wait for each reply.
    pub wait: Duration,
    /// The replies of this run so far, scored like datagrams: duplicates show up there.
    answered: RunScore,
    asked: u64,
    came_back: u64,
    late: u64,
    again: u64,
    strangers: u64,
    /// The first datagrams that got no reply (at most `datagram::LOST_LISTED`).
    unanswered: Vec<String>,
    unanswered_count: u64,
    /// The datagrams carry the course's header: the ones without a reply are named by SEQ.
    numbered: bool,
}

impl Replies {
    pub fn new(wait: Duration) -> Replies {
        Replies {
            wait,
            answered: RunScore::default(),
            asked: 0,
            came_back: 0,
            late: 0,
            again: 0,
            strangers: 0,
            unanswered: Vec::new(),
            unanswered_count: 0,
            numbered: false,
        }
    }

    /// Sorts a datagram `reply` from `from`, that arrived while waiting for the reply to
    /// `sent`, a datagram sent to `to`.
    pub fn sort(&mut self, sent: &[u8], to: SocketAddr, from: SocketAddr, reply: &[u8]) -> Reply {
        if from != to {
            return Reply::Stranger;
        }
        // A datagram without the course's header: the first datagram from the peer is its
        // reply (the server may answer with other bytes than it got).
        let Some((asked, _)) = Header::parse(sent) else {
            return Reply::ToThis;
        };
        let Some((header, _)) = Header::parse(reply).filter(|(header, _)| header.run == asked.run)
        else {
            return Reply::Unrelated;
        };
        if header.seq > asked.seq {
            return Reply::Unrelated;
        }
        let again = self.answered.record(&header).arrival == Arrival::Duplicate;
        match (again, header.seq == asked.seq) {
            (true, _) => Reply::Again(header.seq),
            (false, true) => Reply::ToThis,
            (false, false) => Reply::Late(header.seq),
        }
    }

    /// A datagram went out and its reply is awaited.
    pub fn asked(&mut self) {
        self.asked += 1;
    }

    /// Counts and narrates a datagram that arrived while waiting for the reply to `label`;
    /// `narrate` says whether this datagram's exchange is narrated. True when it is the reply.
    pub fn arrived(
        &mut self,
        reply: Reply,
        from: SocketAddr,
        datagram: &[u8],
        waited: Duration,
        narrate: bool,
    ) -> bool {
        let said = match reply {
            Reply::ToThis => {
                self.came_back += 1;
                let what = match Header::parse(datagram) {
                    Some((header, _)) => t!("udp-sender.reply-to-seq", seq = header.seq),
                    None => t!(
                        "udp-sender.reply-unnumbered",
                        payload = datagram::show_payload(datagram, 64)
                    ),
                };
                narrate.then(|| t!("udp-sender.reply-after", what, waited = millis(waited)))
            }
            Reply::Late(seq) => {
                self.late += 1;
                narrate.then(|| t!("udp-sender.reply-late", seq))
            }
            Reply::Again(seq) => {
                self.again += 1;
                narrate.then(|| t!("udp-sender.reply-again", seq))
            }
            Reply::Unrelated => Some(t!("udp-sender.reply-unrelated")),
            Reply::Stranger => {
                self.strangers += 1;
                Some(t!("udp-sender.reply-stranger"))
            }
        };
        if let Some(said) = said {
            let bytes = course::plural(datagram.len(), "byte");
            say!("recv_from", "udp-sender.reply-received", bytes, from, said);
        }
        reply == Reply::ToThis
    }

    /// No reply to `sent` came within the wait; `why` says what the sender knows.
    pub fn none(&mut self, sent: &[u8], why: &str) {
        let label = match Header::parse(sent) {
            Some((header, _)) => {
                self.numbered = true;
                header.seq.to_string()
            }
            None => datagram::show_payload(sent, 24),
        };
        self.unanswered_count += 1;
        if self.unanswered.len() < datagram::LOST_LISTED {
            self.unanswered.push(label.clone());
        }
        // "SEQ n" is the header's own words: data, the same in every language.
        let what = if self.numbered {
            format!("SEQ {label}")
        } else {
            label
        };
        say!(
            "timeout", // the same word in both languages
            "udp-sender.no-reply",
            what,
            wait = seconds(self.wait),
            why
        );
    }

    /// The last narration line: how many replies came back, and which datagrams got none.
    pub fn summary(&self) {
        let mut line = t!(
            "udp-sender.replies",
            came_back = self.came_back,
            asked = self.asked,
            wait = seconds(self.wait)
        );
        if self.unanswered_count > 0 {
            let list = format!(
                "{}{}",
                if self.numbered { "SEQ " } else { "" },
                self.unanswered.join(", ")
            );
            line.push_str(&t!("udp-sender.replies-none-for", list));
            let more = self
                .unanswered_count
                .saturating_sub(self.unanswered.len() as u64);
            if more > 0 {
                let more = datagram::thousands(more);
                line.push_str(&t!("udp-sender.replies-more", more));
            }
            line.push_str(&t!("udp-sender.replies-lost"));
        }
        if self.late > 0 {
            line.push_str(&t!("udp-sender.replies-late", count = self.late));
        }
        if self.again > 0 {
            line.push_str(&t!("udp-sender.replies-duplicated", count = self.again));
        }
        if self.strangers > 0 {
            line.push_str(&t!("udp-sender.replies-strangers", count = self.strangers));
        }
        narrate!(t!("udp-sender.label-replies"), "{line}");
    }
}

/// The wait as the student typed it: `1 s`, or `500 ms` for a fraction of a second.
pub fn seconds(wait: Duration) -> String {
    if wait.subsec_nanos() == 0 {
        format!("{} s", wait.as_secs())
    } else {
        format!("{} ms", wait.as_millis())
    }
}

/// A short wait, in milliseconds with two decimals: `0.25 ms`.
fn millis(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered(seq: u64, run: u32) -> Vec<u8> {
        Header::now(seq, Some(10), run).datagram(b"hello")
    }

    #[test]
    fn a_wait_is_said_in_whole_seconds_or_milliseconds() {
        assert_eq!(seconds(Duration::from_secs(1)), "1 s");
        assert_eq!(seconds(Duration::from_millis(500)), "500 ms");
        assert_eq!(seconds(Duration::from_millis(2500)), "2500 ms");
    }

    #[test]
    fn replies_are_sorted_by_address_run_and_number() {
        let to: SocketAddr = "127.0.0.1:7879".parse().unwrap();
        let other: SocketAddr = "127.0.0.1:7881".parse().unwrap();
        let mut replies = Replies::new(Duration::from_secs(1));
        let mut sort = |sent: &[u8], from, reply: &[u8]| replies.sort(sent, to, from, reply);
        assert_eq!(sort(&numbered(0, 7), to, &numbered(0, 7)), Reply::ToThis);
        assert_eq!(
            sort(&numbered(1, 7), other, &numbered(1, 7)),
            Reply::Stranger
        );
        assert_eq!(sort(&numbered(2, 7), to, &numbered(1, 7)), Reply::Late(1));
        assert_eq!(sort(&numbered(2, 7), to, &numbered(0, 7)), Reply::Again(0));
        assert_eq!(sort(&numbered(2, 7), to, &numbered(2, 8)), Reply::Unrelated);
        assert_eq!(sort(&numbered(2, 7), to, &numbered(5, 7)), Reply::Unrelated);
        assert_eq!(sort(&numbered(2, 7), to, b"no header"), Reply::Unrelated);
        assert_eq!(sort(&numbered(2, 7), to, &numbered(2, 7)), Reply::ToThis);
        // A line of text: the first datagram from the peer is its reply.
        assert_eq!(sort(b"ola", to, b"OLA"), Reply::ToThis);
        assert_eq!(sort(b"ola", other, b"OLA"), Reply::Stranger);
    }
}
