//! # udp1-pinger: is the weather station still there? (a estação ainda está lá?)
//!
//! The classic UDP pinger lab (Kurose & Ross), made reproducible. A monitoring client pings
//! an echo server over UDP: each ping is one datagram that starts with `PING <seq> ` (the
//! sequence number counts from 1; add anything after the space, a timestamp for instance), and
//! the server sends the same datagram back.
//!
//! UDP promises nothing: a ping or its reply may be lost, come twice, or come late, after you
//! gave up on it. So for each ping:
//! - wait at most `timeout` for *its* reply, the datagram that starts with `PING <seq> `;
//! - a reply to an earlier ping (late, or a duplicate) is not this ping's reply: skip it and
//!   keep waiting, within the same deadline;
//! - no reply by the deadline: that ping is lost (`None`); go on with the next one.
//!
//! The tests run an echo server that loses, duplicates and delays replies on purpose.
//! Check your work with `cargo run -p exercises -- check udp1-pinger`.
//!
//! ## Em português
//!
//! O clássico laboratório do pinger UDP (Kurose & Ross), agora reproduzível. Um cliente de
//! monitoramento manda pings a um servidor de eco por UDP: cada ping é um datagrama que começa
//! com `PING <seq> ` (o número de sequência conta a partir de 1; depois do espaço vai o que
//! você quiser, um horário, por exemplo), e o servidor devolve o mesmo datagrama.
//!
//! O UDP não promete nada: um ping ou a resposta dele pode se perder, chegar duas vezes ou
//! chegar atrasado, depois que você desistiu dele. Então, para cada ping:
//! - espere no máximo `timeout` pela resposta *dele*, o datagrama que começa com `PING <seq> `;
//! - a resposta de um ping anterior (atrasada, ou duplicada) não é a resposta deste ping:
//!   pule-a e continue esperando, dentro do mesmo prazo;
//! - sem resposta até o prazo: esse ping está perdido (`None`); siga para o próximo.
//!
//! Os testes rodam um servidor de eco que perde, duplica e atrasa respostas de propósito.
//! Confira seu trabalho com `cargo run -p exercises -- check udp1-pinger` (em português com
//! `--lang pt-BR`).

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

// ANCHOR: stub
/// Sends `count` pings to `server`, one after the other, and returns for each one its
/// round-trip time, or `None` if its reply did not arrive within `timeout`.
///
/// Envia `count` pings a `server`, um depois do outro, e retorna para cada um o tempo de ida e
/// volta, ou `None` se a resposta dele não chegou dentro de `timeout`.
pub fn ping(
    server: SocketAddr,
    count: u32,
    timeout: Duration,
) -> io::Result<Vec<Option<Duration>>> {
    // TODO: bind a UdpSocket to an ephemeral port on loopback (`127.0.0.1:0`).
    //   pt: faça bind de um UdpSocket numa porta efêmera do loopback (`127.0.0.1:0`).
    // TODO: for seq in 1..=count: note `Instant::now()`, send `PING <seq> ...` to `server`.
    //   pt: para seq em 1..=count: anote `Instant::now()`, envie `PING <seq> ...` a `server`.
    // TODO: wait for the reply with a read timeout (`set_read_timeout`): set it to the time
    //       left before this ping's deadline, each time you call `recv_from`.
    //   pt: espere a resposta com um timeout de leitura (`set_read_timeout`): ajuste-o para o
    //       tempo que falta até o prazo deste ping, a cada chamada de `recv_from`.
    // TODO: a timeout shows up as an error of kind `WouldBlock` (Unix) or `TimedOut`
    //       (Windows): that ping is lost. Skip replies that are not `PING <seq> `.
    //   pt: um timeout aparece como um erro do tipo `WouldBlock` (Unix) ou `TimedOut`
    //       (Windows): esse ping está perdido. Pule as respostas que não são `PING <seq> `.
    let _ = (server, count, timeout);
    todo!("ping, wait with a deadline | envie, espere com prazo")
}
// ANCHOR_END: stub
