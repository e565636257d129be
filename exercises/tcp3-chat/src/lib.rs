//! # tcp3-chat: the chat room (a sala de chat)
//!
//! A tiny chat room over TCP, the program the lesson's Java course ends with: every client
//! connects to one server, and each line a client sends goes to every *other* client.
//!
//! The protocol, byte for byte:
//! - when a client connects, the server adds it to the room, then sends it `welcome\n`;
//! - each line a client sends (bytes up to and including `\n`) goes, unchanged, to every
//!   other client in the room, never back to its sender;
//! - a client that leaves (end of stream, or an error) leaves the room; the others stay.
//!
//! Several clients talk at once, so `accept` cannot wait for one client to finish: give each
//! client a thread of its own, and share the room (the other clients' streams) between them.
//!
//! Check your work with `cargo run -p exercises -- check tcp3-chat`.
//!
//! ## Em português
//!
//! Uma pequena sala de chat sobre TCP, o programa com que termina o curso de Java da aula:
//! todos os clientes se conectam a um servidor, e cada linha que um cliente envia vai para
//! todos os *outros* clientes.
//!
//! O protocolo, byte a byte:
//! - quando um cliente se conecta, o servidor o coloca na sala e depois lhe envia `welcome\n`;
//! - cada linha que um cliente envia (os bytes até o `\n`, inclusive) vai, sem mudança, para
//!   todos os outros clientes da sala, nunca de volta para quem a enviou;
//! - um cliente que sai (fim do fluxo, ou um erro) sai da sala; os outros continuam.
//!
//! Vários clientes falam ao mesmo tempo, então o `accept` não pode esperar um cliente
//! terminar: dê a cada cliente uma thread própria e compartilhe a sala (os streams dos outros
//! clientes) entre elas.
//!
//! Confira seu trabalho com `cargo run -p exercises -- check tcp3-chat` (em português com
//! `--lang pt-BR`).

use std::io;
use std::net::TcpListener;

// ANCHOR: stub
/// Runs the chat room on `listener`, forever (it returns only if `accept` fails).
///
/// Mantém a sala de chat em `listener`, para sempre (só retorna se `accept` falhar).
pub fn serve(listener: TcpListener) -> io::Result<()> {
    // TODO: the room: the streams of the connected clients, shared by every client's thread,
    //       e.g. `Arc<Mutex<Vec<(usize, TcpStream)>>>` (an id tells the sender apart).
    //   pt: a sala: os streams dos clientes conectados, compartilhados pelas threads de todos
    //       os clientes, por exemplo `Arc<Mutex<Vec<(usize, TcpStream)>>>` (um id identifica
    //       quem enviou).
    // TODO: for each stream from `listener.incoming()`: put a `try_clone` of it in the room,
    //       *then* write `welcome\n` to it, then spawn a thread for it.
    //   pt: para cada stream de `listener.incoming()`: ponha um `try_clone` dele na sala,
    //       *depois* escreva `welcome\n` nele, e então crie uma thread para ele.
    // TODO: in that thread, read lines (`BufReader::read_line` keeps the `\n`) and write
    //       each one to every other client; a write that fails means that client is gone.
    //   pt: nessa thread, leia linhas (`BufReader::read_line` mantém o `\n`) e escreva cada
    //       uma para todos os outros clientes; uma escrita que falha quer dizer que aquele
    //       cliente foi embora.
    // TODO: when `read_line` returns 0, the client left: take it out of the room.
    //   pt: quando `read_line` retorna 0, o cliente saiu: tire-o da sala.
    let _ = listener;
    todo!("relay each line to the others | repasse cada linha aos outros")
}
// ANCHOR_END: stub
