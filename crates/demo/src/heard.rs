//! What the demo reads in the programs' lines, in either language.
//!
//! The demo passes its language on to the programs (`--lang`), so their lines come in the
//! language of the run. It reads only what is the same in every language: the socket call that
//! starts a narration line (`bind`, `accept`, `close`: calls keep their names), addresses and
//! numbers, a connection's `#1`, a sender's run (its hex number before a `:`), and the course's
//! header in the data (`RUN 725e`: data, in no language). It never reads a word.

use std::net::SocketAddr;

/// A narration line of `call`: `bind     127.0.0.1:7878 ...` is a line of `bind`.
pub fn is_call(call: &'static str) -> impl Fn(&str) -> bool {
    move |line| line.split_whitespace().next() == Some(call)
}

/// A narration line of `call` about connection `#number`: `accept   #2 from ...`.
pub fn is_call_of(call: &'static str, number: u64) -> impl Fn(&str) -> bool {
    let tag = format!("#{number}");
    move |line| {
        let mut words = line.split_whitespace();
        words.next() == Some(call) && words.any(|word| word == tag)
    }
}

/// The local address of an accepted connection, from the server's `accept` line: its second
/// address, after the client's (`accept   #1 from 127.0.0.1:50412 on 127.0.0.1:7878, ...`,
/// `accept   #1 de 127.0.0.1:50412 em 127.0.0.1:7878, ...`).
pub fn accepted_on(line: &str) -> Option<SocketAddr> {
    line.split_whitespace()
        .filter_map(testkit::first_socket_addr)
        .nth(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_is_the_first_word_whatever_follows() {
        assert!(is_call("bind")("bind     127.0.0.1:7878 (TCP listener)"));
        assert!(!is_call("bind")("binding  127.0.0.1:7878"));
        assert!(is_call_of("close", 2)(
            "close    #2 127.0.0.1:50414: fim do fluxo"
        ));
        assert!(!is_call_of("close", 2)("close    #12 127.0.0.1:50414"));
        assert!(!is_call_of("accept", 1)("close    #1 127.0.0.1:50414"));
    }

    #[test]
    fn the_accept_line_gives_the_connections_local_address_in_both_languages() {
        let listener: SocketAddr = "127.0.0.1:7878".parse().unwrap();
        for line in [
            "accept   #2 from 127.0.0.1:50412 on 127.0.0.1:7878, the listener's own port; 2 \
             clients connected",
            "accept   #2 de 127.0.0.1:50412 em 127.0.0.1:7878, a própria porta do socket de \
             escuta; 2 clientes conectados",
        ] {
            assert_eq!(accepted_on(line), Some(listener), "{line}");
        }
        assert_eq!(accepted_on("accept   failed: reset"), None);
        assert_eq!(accepted_on("accept   #1 from 127.0.0.1:50412"), None);
    }
}
