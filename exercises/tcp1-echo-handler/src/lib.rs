//! # tcp1-echo-handler: the echo desk (o balcão de eco)
//!
//! The course's chat service keeps an *echo desk*: a port where a client checks its connection
//! by sending anything and getting exactly those bytes back. The server accepts each connection
//! and hands the stream to `handle`, the function you write.
//!
//! TCP is a byte stream, not a stream of messages: one `read` returns whatever has arrived so
//! far, a piece of what the peer wrote or several of its writes at once.
//!
//! The tests in `tests/spec.rs` are the spec. Check your work with
//! `cargo run -p exercises -- check tcp1-echo-handler`; ask for a hint with
//! `cargo run -p exercises -- hint tcp1-echo-handler`.
//!
//! ## Em português
//!
//! O serviço de chat do curso tem um *balcão de eco*: uma porta onde o cliente testa a conexão
//! enviando qualquer coisa e recebendo de volta exatamente os mesmos bytes. O servidor aceita
//! cada conexão e entrega o stream a `handle`, a função que você escreve.
//!
//! TCP é um fluxo de bytes, não um fluxo de mensagens: um `read` devolve o que chegou até
//! agora, um pedaço do que o outro lado escreveu ou várias escritas dele de uma vez.
//!
//! Os testes em `tests/spec.rs` são a especificação. Confira seu trabalho com
//! `cargo run -p exercises -- check tcp1-echo-handler` e peça uma dica com
//! `cargo run -p exercises -- hint tcp1-echo-handler`. O runner e os testes falam português
//! com um locale `pt_BR`, ou com `--lang pt-BR` (no Windows, `SOCKETS_LANG=pt-BR`).

use std::io;
use std::net::TcpStream;

// ANCHOR: stub
/// Echoes every byte that arrives on `stream` back to the peer, until the peer closes its
/// side of the connection. Returns how many bytes were echoed.
///
/// Devolve ao outro lado cada byte que chega em `stream`, até ele fechar o lado dele da
/// conexão. Retorna quantos bytes ecoou.
pub fn handle(stream: TcpStream) -> io::Result<u64> {
    // TODO: bring `std::io::Read` and `std::io::Write` into scope, and make `stream` mutable.
    //   pt: traga `std::io::Read` e `std::io::Write` para o escopo e torne `stream` mutável.
    // TODO: read into a buffer again and again, not once: each `read` returns what has
    //       arrived so far, which may be only a part of what the peer sent.
    //   pt: leia para um buffer várias vezes, não uma só: cada `read` devolve o que chegou
    //       até agora, que pode ser só uma parte do que o outro lado enviou.
    // TODO: a `read` that returns `Ok(0)` means the peer closed its side: stop there and
    //       return the count.
    //   pt: um `read` que retorna `Ok(0)` quer dizer que o outro lado fechou o lado dele:
    //       pare aí e retorne a contagem.
    // TODO: write back exactly the bytes that this `read` returned, all of them.
    //   pt: escreva de volta exatamente os bytes que este `read` retornou, todos eles.
    let _ = stream;
    todo!("echo until the peer closes its side | ecoe até o outro lado fechar o dele")
}
// ANCHOR_END: stub
