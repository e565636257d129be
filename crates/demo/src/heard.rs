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

/// The score of a sender's run in a narration line, as the relay (`expect`) and the receivers
/// (`summary`) print it, one line per run: `expect   run 5f56: received 16 of 20 sent, ...`
/// gives (`5f56`, `run 5f56: received 16 of 20 sent, ...`). Any line of that shape: after the
/// first column, a word, then the run (4 to 8 hex digits) and `:`.
pub fn run_score(line: &str) -> Option<(String, String)> {
    let (_, rest) = line.trim_start().split_once(char::is_whitespace)?;
    let score = rest.trim_start();
    let (_, after_word) = score.split_once(' ')?;
    let (run, _) = after_word.split_once(": ")?;
    let is_run = (4..=8).contains(&run.len()) && run.chars().all(|c| c.is_ascii_hexdigit());
    is_run.then(|| (run.to_string(), score.to_string()))
}

/// Every run's score in `lines`, in the order of their first line. A receiver may narrate a
/// run before its summary (a `doubt` about one of its numbers): the last line of a run is its
/// summary, printed at the end.
pub fn scores<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
    let mut scores: Vec<(String, String)> = Vec::new();
    for (run, score) in lines.filter_map(run_score) {
        match scores.iter_mut().find(|(known, _)| *known == run) {
            Some(known) => known.1 = score,
            None => scores.push((run, score)),
        }
    }
    scores
}

/// How many datagrams a score says were received: its first number after the run
/// (`run 725e: received 10 of 10 sent`, `execução 725e: recebidos 10 de 10 enviados`).
pub fn received(score: &str) -> Option<u64> {
    let (_, counts) = score.split_once(": ")?;
    counts
        .split(|c: char| !c.is_ascii_digit())
        .find(|digits| !digits.is_empty())?
        .parse()
        .ok()
}

/// The run of a multicast listener's data line if the datagram came from `port`: the line
/// names the sender's address first, and the course's header gives the run
/// (`from 127.0.0.1:50175     70 bytes  SEQ 0 OF 10 RUN 725e ...`).
pub fn run_from(line: &str, port: u16) -> Option<String> {
    let from = testkit::first_socket_addr(line)?;
    if from.port() != port {
        return None;
    }
    let (_, after) = line.split_once(" RUN ")?;
    after.split_whitespace().next().map(str::to_string)
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

    #[test]
    fn scores_are_read_per_run_in_both_languages_and_the_summary_comes_last() {
        let relay = [
            "relayed  20 datagrams from clients, 16 sent to 127.0.0.1:50942",
            "expect   16 datagrams, 834 bytes, 0 without a course header",
            "expect   run 5f56: received 16 of 20 sent, lost 4, reordered 0, duplicated 0 \
             (lost: 3, 4, 9, 10)",
            "relay    #3 SEQ 3 51 bytes: lost",
        ];
        assert_eq!(
            scores(relay.into_iter()),
            [(
                "5f56".to_string(),
                "run 5f56: received 16 of 20 sent, lost 4, reordered 0, duplicated 0 (lost: 3, \
                 4, 9, 10)"
                    .to_string()
            )]
        );
        let receiver = [
            "dúvida   execução 5f56: não acreditei: OF 99 numa execução de OF 20",
            "resumo   execução 5f56: recebidos 16 de 20 enviados, perdidos 4",
            "resumo   truncados 0 (datagramas maiores que o buffer de 65507 bytes)",
        ];
        let found = scores(receiver.into_iter());
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].1,
            "execução 5f56: recebidos 16 de 20 enviados, perdidos 4"
        );
        assert_eq!(received(&found[0].1), Some(16));
        assert_eq!(received("run 725e: received 10 of 10 sent"), Some(10));
        assert_eq!(received("run 725e"), None);
    }

    #[test]
    fn a_listeners_data_line_gives_the_run_of_the_senders_datagrams_only() {
        for line in [
            "from 127.0.0.1:50175     70 bytes  SEQ 0 OF 10 RUN 725e (0.1 ms)  \"hello\"",
            "de 127.0.0.1:50175     70 bytes  SEQ 0 OF 10 RUN 725e (0.1 ms)  \"hello\"",
        ] {
            assert_eq!(run_from(line, 50175).as_deref(), Some("725e"), "{line}");
            assert_eq!(run_from(line, 50176), None, "{line}");
        }
    }
}
