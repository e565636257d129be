//! # udp3-retry: asking the quote service (consultando o serviço de cotações)
//!
//! A stock-quote service answers over UDP: send it `QUOTE PETR4` and it replies with one
//! datagram, `PETR4 38.12`. UDP has no acknowledgements and no retransmission: if the request
//! or the reply is lost, nothing tells you, and the client must try again itself (DNS does
//! exactly this).
//!
//! Write `request`:
//! - send `request` to `server` and wait at most `timeout` for the reply;
//! - no reply in time: send it again, up to `attempts` sends in all;
//! - the reply is the first datagram that comes *from `server`*: a datagram from anyone else
//!   is not the answer (anybody can send a datagram to your port);
//! - after the last attempt, give up with an error of kind `io::ErrorKind::TimedOut`, on every
//!   platform.
//!
//! Check your work with `cargo run -p exercises -- check udp3-retry`.
//!
//! ## Em português
//!
//! Um serviço de cotações da bolsa responde por UDP: envie `QUOTE PETR4` e ele responde com um
//! datagrama, `PETR4 38.12`. O UDP não tem confirmações nem retransmissão: se a requisição ou a
//! resposta se perde, nada avisa você, e o próprio cliente precisa tentar de novo (o DNS faz
//! exatamente isso).
//!
//! Escreva `request`:
//! - envie `request` a `server` e espere no máximo `timeout` pela resposta;
//! - sem resposta a tempo: envie de novo, até `attempts` envios no total;
//! - a resposta é o primeiro datagrama que vem *de `server`*: um datagrama de qualquer outro
//!   não é a resposta (qualquer um pode enviar um datagrama para a sua porta);
//! - depois da última tentativa, desista com um erro do tipo `io::ErrorKind::TimedOut`, em
//!   todas as plataformas.
//!
//! Confira seu trabalho com `cargo run -p exercises -- check udp3-retry` (em português com
//! `--lang pt-BR`).

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

// ANCHOR: stub
/// Sends `request` to `server` up to `attempts` times, waiting `timeout` after each send, and
/// returns the first reply from `server`.
///
/// Envia `request` a `server` até `attempts` vezes, esperando `timeout` depois de cada envio,
/// e retorna a primeira resposta vinda de `server`.
pub fn request(
    server: SocketAddr,
    request: &[u8],
    timeout: Duration,
    attempts: u32,
) -> io::Result<Vec<u8>> {
    // TODO: bind a UdpSocket on `127.0.0.1:0`. `connect(server)` makes the kernel drop the
    //       datagrams that come from anywhere else (or check the address `recv_from` gives).
    //   pt: faça bind de um UdpSocket em `127.0.0.1:0`. `connect(server)` faz o kernel
    //       descartar os datagramas que vêm de qualquer outro lugar (ou confira o endereço que
    //       `recv_from` dá).
    // TODO: up to `attempts` times: send, then wait up to `timeout` for a reply.
    //   pt: até `attempts` vezes: envie, depois espere até `timeout` por uma resposta.
    // TODO: an expired read timeout is `WouldBlock` (Unix) or `TimedOut` (Windows): try again.
    //   pt: um timeout de leitura expirado é `WouldBlock` (Unix) ou `TimedOut` (Windows):
    //       tente de novo.
    // TODO: after the last attempt: `Err(io::Error::new(io::ErrorKind::TimedOut, ...))`.
    //   pt: depois da última tentativa: `Err(io::Error::new(io::ErrorKind::TimedOut, ...))`.
    let _ = (server, request, timeout, attempts);
    todo!("send, wait, send again, give up | envie, espere, reenvie, desista")
}
// ANCHOR_END: stub
