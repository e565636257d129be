//! # tcp2-framing: the weather station's feed (a transmissão da estação meteorológica)
//!
//! A weather station sends its readings over one TCP connection: `t=21.5C`, `rh=64%`,
//! `wind=12km/h`... TCP keeps no boundaries between them, so the station puts each reading in a
//! *frame*: its length in 2 bytes, big-endian (network byte order), then the bytes themselves.
//!
//! ```text
//! 00 07 74 3d 32 31 2e 35 43    a frame: length 7, then "t=21.5C"
//! ```
//!
//! Write both ends: `write_frame` for the station, `read_frame` for the display. The tests feed
//! `read_frame` one byte at a time, several frames in one write, and a stream that stops in the
//! middle of a frame.
//!
//! Check your work with `cargo run -p exercises -- check tcp2-framing`.
//!
//! ## Em português
//!
//! Uma estação meteorológica envia suas leituras por uma única conexão TCP: `t=21.5C`,
//! `rh=64%`, `wind=12km/h`... O TCP não guarda nenhuma fronteira entre elas, então a estação
//! põe cada leitura num *quadro* (frame): o comprimento em 2 bytes, big-endian (a ordem de
//! bytes da rede), e depois os próprios bytes. Acima, `00 07 ...` é um quadro de comprimento 7
//! com `"t=21.5C"`.
//!
//! Escreva as duas pontas: `write_frame` para a estação, `read_frame` para o painel. Os testes
//! entregam a `read_frame` um byte de cada vez, vários quadros numa só escrita e um fluxo que
//! para no meio de um quadro.
//!
//! Confira seu trabalho com `cargo run -p exercises -- check tcp2-framing` (em português com
//! `--lang pt-BR`).

use std::io::{self, Read, Write};

// ANCHOR: stub
/// Writes one frame: the length of `payload` as 2 bytes, big-endian, then `payload`.
/// A payload longer than 65,535 bytes does not fit: `InvalidInput`, and nothing is written.
///
/// Escreve um quadro: o comprimento de `payload` em 2 bytes, big-endian, e depois `payload`.
/// Um payload com mais de 65.535 bytes não cabe: `InvalidInput`, e nada é escrito.
pub fn write_frame(writer: &mut impl Write, payload: &[u8]) -> io::Result<()> {
    // TODO: check the length fits in a u16 (`u16::try_from`), else return an
    //       `io::Error::new(io::ErrorKind::InvalidInput, ...)`.
    //   pt: confira se o comprimento cabe num u16 (`u16::try_from`); se não couber, retorne
    //       um `io::Error::new(io::ErrorKind::InvalidInput, ...)`.
    // TODO: write the length with `to_be_bytes`, then the payload, each with `write_all`.
    //   pt: escreva o comprimento com `to_be_bytes` e depois o payload, cada um com `write_all`.
    let _ = (writer, payload);
    todo!("write the header, then the payload | escreva o cabeçalho e o payload")
}

/// Reads one frame and returns its payload.
/// - `Ok(None)`: the stream ended cleanly, before the first byte of a frame;
/// - an `UnexpectedEof` error: the stream ended in the middle of a frame.
///
/// Lê um quadro e retorna o payload dele.
/// - `Ok(None)`: o fluxo terminou de forma limpa, antes do primeiro byte de um quadro;
/// - um erro `UnexpectedEof`: o fluxo terminou no meio de um quadro.
pub fn read_frame(reader: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    // TODO: read the 2-byte header. One `read` may return only 1 byte of it: loop, or use
    //       `read_exact`. Tell "ended before the header" (Ok(None)) from "ended inside it".
    //   pt: leia o cabeçalho de 2 bytes. Um `read` pode devolver só 1 byte dele: repita, ou
    //       use `read_exact`. Distinga "terminou antes do cabeçalho" (Ok(None)) de "terminou
    //       no meio dele".
    // TODO: turn the header into a length with `u16::from_be_bytes`.
    //   pt: transforme o cabeçalho num comprimento com `u16::from_be_bytes`.
    // TODO: read exactly that many bytes of payload.
    //   pt: leia exatamente essa quantidade de bytes de payload.
    let _ = reader;
    todo!("read the header, then the payload | leia o cabeçalho e o payload")
}
// ANCHOR_END: stub
