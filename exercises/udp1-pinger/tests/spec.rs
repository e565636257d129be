//! The spec of the pinger: a real UDP echo server on loopback, port 0, that loses, duplicates
//! and delays replies by rule (deterministic, from the sequence number), and deadlines, so a
//! wrong pinger fails and never hangs. A failure shows, ping by ping, what the server did and
//! what your `ping` returned (the `speckit` helpers), in English or in Portuguese: the sentences
//! of this spec are in the module `words`, at the end.

use std::net::{SocketAddr, UdpSocket};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use speckit::{Doing, Table, call, duration, expected_got, fail, quote, returned_an_error};
use udp1_pinger::ping;

// Generous for loopback, where a round trip takes well under a millisecond: a busy machine
// must not turn a late answer into a lost one.
const TIMEOUT: Duration = Duration::from_millis(500);

/// What the echo server does with the ping that has this sequence number.
#[derive(Clone, Copy, PartialEq)]
enum Reply {
    Echo,
    /// Lost on the way: no reply.
    Lose,
    /// Replied twice.
    Duplicate,
    /// Replied late: just before the reply to the next ping, after the pinger gave up.
    Late,
}

impl Reply {
    fn describe(self) -> String {
        words::reply(self)
    }

    /// Whether the pinger gets the reply within its timeout.
    fn in_time(self) -> bool {
        matches!(self, Reply::Echo | Reply::Duplicate)
    }
}

/// The spec's echo server: its address, and each datagram it received, as it received it (the
/// ping's sequence number, or the datagram itself when it is not a ping).
struct EchoServer {
    addr: SocketAddr,
    received: mpsc::Receiver<Result<u32, Vec<u8>>>,
    /// The sequence numbers received so far.
    seen: Vec<u32>,
}

/// Starts an echo server that answers each ping as `reply` says; it stops when the test is
/// over.
fn echo_server(reply: fn(u32) -> Reply) -> EchoServer {
    let socket = UdpSocket::bind("127.0.0.1:0").doing(&words::binding());
    let addr = socket.local_addr().doing(&words::server_address());
    // A bound on the thread's life only: the test reads what it needs from the channel.
    socket
        .set_read_timeout(Some(Duration::from_secs(60)))
        .doing(&words::server_read_timeout());
    let (received_tx, received_rx) = mpsc::channel();
    thread::spawn(move || {
        let mut buffer = [0u8; 1500];
        let mut held: Option<(Vec<u8>, SocketAddr)> = None;
        while let Ok((len, from)) = socket.recv_from(&mut buffer) {
            let datagram = buffer[..len].to_vec();
            let Some(seq) = sequence_number(&datagram) else {
                // Not a ping: no reply; the test says so.
                if received_tx.send(Err(datagram)).is_err() {
                    break;
                }
                continue;
            };
            if received_tx.send(Ok(seq)).is_err() {
                break; // the test is over
            }
            // The server's sends fail only when the pinger has gone: nothing more to answer.
            if let Some((late, to)) = held.take() {
                let _ = socket.send_to(&late, to);
            }
            match reply(seq) {
                Reply::Echo => drop(socket.send_to(&datagram, from)),
                Reply::Lose => {}
                Reply::Duplicate => {
                    let _ = socket.send_to(&datagram, from);
                    let _ = socket.send_to(&datagram, from);
                }
                Reply::Late => held = Some((datagram, from)),
            }
        }
    });
    EchoServer {
        addr,
        received: received_rx,
        seen: Vec::new(),
    }
}

/// The number of a ping, `PING <seq> ` then anything.
fn sequence_number(datagram: &[u8]) -> Option<u32> {
    let text = std::str::from_utf8(datagram).ok()?;
    let (seq, _) = text.strip_prefix("PING ")?.split_once(' ')?;
    seq.parse().ok()
}

impl EchoServer {
    /// Takes the next datagram the server received, waiting at most `within`; one that is not
    /// a ping fails the test. False when none came.
    fn take_one(&mut self, within: Duration) -> bool {
        match self.received.recv_timeout(within) {
            Ok(Ok(seq)) => {
                self.seen.push(seq);
                true
            }
            Ok(Err(datagram)) => fail(words::not_a_ping(&quote(&datagram))),
            Err(_) => false,
        }
    }

    /// The sequence numbers of the first `count` pings the server received.
    fn pings_seen(&mut self, count: usize) -> Vec<u32> {
        while self.seen.len() < count && self.take_one(Duration::from_secs(5)) {}
        self.seen.clone()
    }
}

/// Runs `ping` to `addr` in a thread with a deadline: a pinger that waits forever fails the
/// test. `lost` pings get no reply in time, for the message.
fn run_ping(
    server: &mut EchoServer,
    addr: SocketAddr,
    count: u32,
    lost: usize,
) -> Vec<Option<Duration>> {
    let mut pinger = call("ping", move || ping(addr, count, TIMEOUT));
    let deadline = TIMEOUT * count + Duration::from_secs(3);
    pinger.ended_within(deadline);
    // What the server received by now: a datagram that is not a ping is the first failure.
    while server.take_one(Duration::ZERO) {}
    let context = words::waits_forever(count, lost, &duration(TIMEOUT));
    match pinger.returned(Duration::ZERO, &context) {
        Ok(rtts) => rtts,
        Err(error) => fail(returned_an_error("ping", &error)),
    }
}

/// Checks, ping by ping, that `ping` reported answered exactly the pings answered in time.
/// `did` says what happened to each ping on the way: its words, and whether it came in time.
fn check_answers(rtts: &[Option<Duration>], count: u32, did: impl Fn(u32) -> (String, bool)) {
    let mut table = Table::new(words::each_ping(), &words::columns());
    let mut took_another = false;
    let mut gave_up = false;
    for seq in 1..=count {
        let (what, in_time) = did(seq);
        let expected = if in_time {
            words::some_round_trip()
        } else {
            words::none_lost()
        };
        let (got, right) = match rtts.get(seq as usize - 1) {
            Some(Some(rtt)) => (format!("Some({})", duration(*rtt)), in_time),
            Some(None) => ("None".to_string(), !in_time),
            None => (speckit::missing(), false),
        };
        took_another |= !right && !in_time;
        gave_up |= !right && in_time;
        table.row(vec![seq.to_string(), what, expected, got], right);
    }
    for (index, extra) in rtts.iter().enumerate().skip(count as usize) {
        let got = match extra {
            Some(rtt) => format!("Some({})", duration(*rtt)),
            None => "None".to_string(),
        };
        table.row(
            vec![
                (index + 1).to_string(),
                words::not_sent(),
                words::nothing(),
                got,
            ],
            false,
        );
    }
    let mut rule = Vec::new();
    if rtts.len() != count as usize {
        rule.push(words::one_entry_per_ping(count, rtts.len()));
    }
    if took_another {
        rule.push(words::a_reply_belongs_to_its_ping(&duration(TIMEOUT)));
    }
    if gave_up {
        rule.push(words::keep_waiting());
    }
    table.check(&rule.join("\n"));
}

fn check_pings_seen(server: &mut EchoServer, count: u32) {
    let expected: Vec<String> = (1..=count).map(|seq| seq.to_string()).collect();
    let got: Vec<String> = server
        .pings_seen(count as usize)
        .iter()
        .map(|seq| seq.to_string())
        .collect();
    if got != expected {
        fail(format!(
            "{}{}",
            expected_got(
                &words::the_pings_received(),
                expected.join(" "),
                got.join(" ")
            ),
            words::each_ping_once()
        ));
    }
}

fn replies(reply: fn(u32) -> Reply) -> impl Fn(u32) -> (String, bool) {
    move |seq| (reply(seq).describe(), reply(seq).in_time())
}

fn lost(reply: fn(u32) -> Reply, count: u32) -> usize {
    (1..=count).filter(|&seq| !reply(seq).in_time()).count()
}

#[test]
fn every_answered_ping_gets_its_round_trip_time() {
    let reply: fn(u32) -> Reply = |_| Reply::Echo;
    let mut server = echo_server(reply);
    let to = server.addr;
    let rtts = run_ping(&mut server, to, 4, lost(reply, 4));
    check_answers(&rtts, 4, replies(reply));
    for (index, rtt) in rtts.iter().enumerate() {
        if let Some(rtt) = rtt.filter(|rtt| *rtt >= TIMEOUT) {
            fail(words::longer_than_the_timeout(
                index + 1,
                &duration(rtt),
                &duration(TIMEOUT),
            ));
        }
    }
    check_pings_seen(&mut server, 4);
}

#[test]
fn a_lost_ping_is_reported_lost_after_the_timeout_and_pinging_goes_on() {
    let reply: fn(u32) -> Reply = |seq| {
        if seq % 2 == 0 {
            Reply::Lose
        } else {
            Reply::Echo
        }
    };
    let mut server = echo_server(reply);
    let started = Instant::now();
    let to = server.addr;
    let rtts = run_ping(&mut server, to, 5, lost(reply, 5));
    let took = started.elapsed();
    check_answers(&rtts, 5, replies(reply));
    if took < TIMEOUT * 2 {
        fail(expected_got(
            &words::how_long_it_took(),
            words::at_least(&duration(TIMEOUT * 2), &duration(TIMEOUT)),
            duration(took),
        ));
    }
    check_pings_seen(&mut server, 5);
}

#[test]
fn a_late_reply_is_not_taken_for_a_later_ping() {
    // Ping 2's reply comes after its timeout, just before ping 3's; ping 4 is lost.
    let reply: fn(u32) -> Reply = |seq| match seq {
        2 => Reply::Late,
        4 => Reply::Lose,
        _ => Reply::Echo,
    };
    let mut server = echo_server(reply);
    let to = server.addr;
    let rtts = run_ping(&mut server, to, 5, lost(reply, 5));
    check_answers(&rtts, 5, replies(reply));
}

#[test]
fn a_duplicated_reply_is_not_taken_for_the_next_ping() {
    let reply: fn(u32) -> Reply = |seq| match seq {
        1 => Reply::Duplicate,
        2 => Reply::Lose,
        _ => Reply::Echo,
    };
    let mut server = echo_server(reply);
    let to = server.addr;
    let rtts = run_ping(&mut server, to, 3, lost(reply, 3));
    check_answers(&rtts, 3, replies(reply));
}

#[test]
fn every_ping_lost_means_every_ping_times_out() {
    let reply: fn(u32) -> Reply = |_| Reply::Lose;
    let mut server = echo_server(reply);
    let to = server.addr;
    let rtts = run_ping(&mut server, to, 3, lost(reply, 3));
    check_answers(&rtts, 3, replies(reply));
    check_pings_seen(&mut server, 3);
}

/// Kurose & Ross's lab, made reproducible: the pings go through the course's relay, which
/// loses, duplicates and holds back datagrams by a seed. Which pings come back is a pure
/// function of the seed (`udp_relay::fate`): the same on every machine, run after run.
#[test]
fn through_the_seeded_relay_exactly_the_fated_pings_come_back() {
    use udp_relay::{Fate, Impairments, Relay, fate};

    let impairments = Impairments {
        loss: 0.2,
        duplicate: 0.15,
        reorder: 0.15,
        seed: 7,
        ..Impairments::default()
    };
    const COUNT: u32 = 12;
    let fates: Vec<Fate> = (0..u64::from(COUNT))
        .map(|i| fate(&impairments, i))
        .collect();
    for wanted in [Fate::Lost, Fate::Duplicated, Fate::Held] {
        assert!(
            fates.contains(&wanted),
            "the course's relay changed: seed 7 gives no {wanted:?}: {fates:?}"
        );
    }
    // A held ping is sent after the next one, long after its timeout: lost to the pinger, and
    // its late reply must not count for the next ping. A duplicated one is answered twice.
    let in_time = |fate: &Fate| matches!(fate, Fate::Forwarded | Fate::Duplicated);

    let mut server = echo_server(|_| Reply::Echo);
    let relay = Relay::start("127.0.0.1:0".parse().unwrap(), server.addr, impairments)
        .unwrap_or_else(|error| fail(words::starting_the_relay(&format!("{error:#}"))));
    let lost = fates.iter().filter(|fate| !in_time(fate)).count();
    let rtts = run_ping(&mut server, relay.local_addr(), COUNT, lost);
    check_answers(&rtts, COUNT, |seq| {
        let fate = fates[seq as usize - 1];
        (words::relay(fate), in_time(&fate))
    });
}

/// What this spec says, in English and in Portuguese (`en_pt!` gives the one of the run).
mod words {
    use speckit::en_pt;
    use udp_relay::Fate;

    use super::Reply;

    pub fn binding() -> String {
        en_pt!(
            "setting up: binding 127.0.0.1:0",
            "preparando: fazendo bind em 127.0.0.1:0"
        )
    }

    pub fn server_address() -> String {
        en_pt!(
            "setting up: the server's address",
            "preparando: o endereço do servidor"
        )
    }

    pub fn server_read_timeout() -> String {
        en_pt!(
            "setting up: the server's read timeout",
            "preparando: o timeout de leitura do servidor"
        )
    }

    pub fn starting_the_relay(error: &str) -> String {
        en_pt!(
            "setting up: starting the relay: {error}",
            "preparando: iniciando o relay: {error}"
        )
    }

    /// What the spec's echo server does with a ping.
    pub fn reply(reply: Reply) -> String {
        match reply {
            Reply::Echo => en_pt!("answered", "respondido"),
            Reply::Lose => en_pt!("lost: no reply", "perdido: sem resposta"),
            Reply::Duplicate => en_pt!("answered twice", "respondido duas vezes"),
            Reply::Late => en_pt!(
                "answered late, after the next ping",
                "respondido atrasado, depois do ping seguinte"
            ),
        }
    }

    /// What the course's relay does with a ping.
    pub fn relay(fate: Fate) -> String {
        match fate {
            Fate::Forwarded => en_pt!("relay: forwarded", "relay: repassado"),
            Fate::Lost => en_pt!("relay: lost", "relay: perdido"),
            Fate::Duplicated => en_pt!(
                "relay: duplicated (sent twice)",
                "relay: duplicado (enviado duas vezes)"
            ),
            Fate::Held => en_pt!(
                "relay: held for reordering (sent after the next one)",
                "relay: retido, fora de ordem (enviado depois do seguinte)"
            ),
        }
    }

    pub fn not_a_ping(datagram: &str) -> String {
        en_pt!(
            "the spec's echo server received {datagram} from your pinger, and did not answer: a \
             ping is one datagram that starts with `PING <seq> `, the number then a space \
             (\"PING 1 12:00:00.000\")",
            "o servidor de eco da especificação recebeu {datagram} do seu pinger e não \
             respondeu: um ping é um datagrama que começa com `PING <seq> `, o número e depois \
             um espaço (\"PING 1 12:00:00.000\")"
        )
    }

    /// Follows "your `ping` did not return within 4.5 s".
    pub fn waits_forever(count: u32, lost: usize, timeout: &str) -> String {
        en_pt!(
            ": {count} pings, {lost} of them never answered in time, a timeout of {timeout} \
             each. Does it wait forever for a reply that never comes? (`set_read_timeout`)",
            ": {count} pings, {lost} deles nunca respondidos a tempo, com timeout de {timeout} \
             cada. Ela espera para sempre por uma resposta que nunca vem? (`set_read_timeout`)"
        )
    }

    pub fn each_ping() -> String {
        en_pt!(
            "each ping: what the spec's server did with it, what the spec expected, what your \
             `ping` returned",
            "cada ping: o que o servidor da especificação fez com ele, o que a especificação \
             esperava, o que sua função `ping` retornou"
        )
    }

    pub fn columns() -> [String; 4] {
        [
            "ping".to_string(),
            en_pt!("the server", "o servidor"),
            en_pt!("expected", "esperado"),
            en_pt!("your ping", "seu ping"),
        ]
    }

    pub fn some_round_trip() -> String {
        en_pt!("Some(round trip)", "Some(ida e volta)")
    }

    pub fn none_lost() -> String {
        en_pt!("None (lost)", "None (perdido)")
    }

    pub fn not_sent() -> String {
        en_pt!("(not sent)", "(não enviado)")
    }

    pub fn nothing() -> String {
        en_pt!("(nothing)", "(nada)")
    }

    pub fn one_entry_per_ping(count: u32, entries: usize) -> String {
        en_pt!(
            "`ping` returns one entry per ping: {count}, not {entries}.",
            "`ping` retorna uma entrada por ping: {count}, não {entries}."
        )
    }

    pub fn a_reply_belongs_to_its_ping(timeout: &str) -> String {
        en_pt!(
            "A ping without its reply within {timeout} is lost (None). A reply belongs to this \
             ping only if it starts with `PING <seq> ` carrying this ping's number: a late or \
             duplicated reply to an earlier ping does not.",
            "Um ping sem a sua resposta em {timeout} está perdido (None). Uma resposta é deste \
             ping só se começar com `PING <seq> ` com o número deste ping: uma resposta \
             atrasada ou duplicada de um ping anterior não é."
        )
    }

    pub fn keep_waiting() -> String {
        en_pt!(
            "A ping the server answered at once was reported lost: after skipping a reply to an \
             earlier ping, keep waiting for this ping's own, until its deadline.",
            "Um ping que o servidor respondeu na hora foi dado como perdido: depois de pular a \
             resposta de um ping anterior, continue esperando a resposta deste ping, até o \
             prazo dele."
        )
    }

    pub fn the_pings_received() -> String {
        en_pt!(
            "the pings the spec's server received, by sequence number",
            "os pings que o servidor da especificação recebeu, por número de sequência"
        )
    }

    pub fn each_ping_once() -> String {
        en_pt!(
            "\nEach ping is sent once, numbered from 1.",
            "\nCada ping é enviado uma vez, numerado a partir de 1."
        )
    }

    pub fn longer_than_the_timeout(ping: usize, rtt: &str, timeout: &str) -> String {
        en_pt!(
            "ping {ping}'s round trip on loopback, as your `ping` returned it: {rtt}, longer \
             than the timeout ({timeout}): a reply that comes after the timeout is lost (None)",
            "o tempo de ida e volta do ping {ping} no loopback, como sua função `ping` o \
             retornou: {rtt}, maior que o timeout ({timeout}): uma resposta que chega depois do \
             timeout está perdida (None)"
        )
    }

    pub fn how_long_it_took() -> String {
        en_pt!(
            "how long your `ping` took for 5 pings, 2 of them lost",
            "quanto tempo sua função `ping` levou para 5 pings, 2 deles perdidos"
        )
    }

    pub fn at_least(least: &str, timeout: &str) -> String {
        en_pt!(
            "at least {least}: the whole timeout, {timeout}, for each lost ping",
            "pelo menos {least}: o timeout inteiro, {timeout}, para cada ping perdido"
        )
    }
}
