//! # udp2-scorer: what did the network do to the sensor feed? (o que a rede fez com o sensor?)
//!
//! A greenhouse sensor sends its readings over UDP, one datagram each, numbered from 0:
//!
//! ```text
//! SEQ 0\ntemp=21.5
//! SEQ 1\ntemp=21.6
//! ```
//!
//! Write the receiving end: take the datagrams until the feed goes quiet, and score them
//! against the `total` the sensor says it sent (numbers `0..total`):
//! - `received`: every datagram with a `SEQ <n>` line, duplicates included;
//! - `duplicated`: a number that had already arrived;
//! - `reordered`: a new number lower than the highest number already arrived;
//! - `lost`: the numbers in `0..total` that never arrived.
//!
//! Datagrams that do not start with `SEQ <n>` are not readings: ignore them.
//!
//! Check your work with `cargo run -p exercises -- check udp2-scorer`.
//!
//! ## Em português
//!
//! Um sensor de estufa envia suas leituras por UDP, um datagrama cada, numeradas a partir de 0
//! (veja acima: `SEQ 0`, depois a leitura).
//!
//! Escreva a ponta que recebe: pegue os datagramas até a transmissão silenciar e dê o placar
//! contra o `total` que o sensor diz ter enviado (números `0..total`):
//! - `received`: todo datagrama com uma linha `SEQ <n>`, duplicados incluídos;
//! - `duplicated`: um número que já tinha chegado;
//! - `reordered` (fora de ordem): um número novo menor que o maior número já chegado;
//! - `lost` (perdidos): os números de `0..total` que nunca chegaram.
//!
//! Datagramas que não começam com `SEQ <n>` não são leituras: ignore-os.
//!
//! Confira seu trabalho com `cargo run -p exercises -- check udp2-scorer` (em português com
//! `--lang pt-BR`).

use std::io;
use std::net::UdpSocket;
use std::time::Duration;

// ANCHOR: stub
/// The score of one run of the sensor feed.
///
/// O placar de uma execução da transmissão do sensor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub received: u64,
    pub lost: u64,
    pub reordered: u64,
    pub duplicated: u64,
}

/// Receives readings on `socket` until none arrives for `idle`, and scores them against the
/// `total` readings the sensor sent.
///
/// Recebe leituras em `socket` até nenhuma chegar durante `idle`, e dá o placar delas contra
/// as `total` leituras que o sensor enviou.
pub fn score_feed(socket: &UdpSocket, total: u64, idle: Duration) -> io::Result<Score> {
    // TODO: `set_read_timeout(Some(idle))`, then `recv_from` in a loop.
    //   pt: `set_read_timeout(Some(idle))`, depois `recv_from` num laço.
    // TODO: the loop ends when the read times out: an error of kind `WouldBlock` on Unix and
    //       `TimedOut` on Windows. That is the end of the feed, not a failure.
    //   pt: o laço termina quando a leitura estoura o timeout: um erro do tipo `WouldBlock` no
    //       Unix e `TimedOut` no Windows. Esse é o fim da transmissão, não uma falha.
    // TODO: parse the number after `SEQ ` on the first line; skip datagrams without one.
    //   pt: leia o número depois de `SEQ ` na primeira linha; pule os datagramas sem ele.
    // TODO: remember the numbers seen (a `HashSet`) and the highest one, and count.
    //   pt: guarde os números vistos (um `HashSet`) e o maior deles, e conte.
    let _ = (socket, total, idle);
    todo!("receive until the feed goes quiet | receba até a transmissão silenciar")
}
// ANCHOR_END: stub
