//! # mc2-listener: two ticker screens on one desk (duas telas do ticker numa mesa)
//!
//! The price ticker publishes each quote once, to a multicast group; every screen that joined
//! the group gets a copy. A trader runs two screens on one machine, so two listeners must bind
//! the same port. Without the right socket options the second one fails with "address already
//! in use". `std::net::UdpSocket::bind` sets none of them and binds at once, so build the socket
//! with socket2, set the options, bind, join, and convert it into a `std::net::UdpSocket`.
//!
//! What the tests check is what a screen receives, on Linux, macOS and Windows:
//! - it gets the quotes sent to its group, through the interface whose address is `interface`
//!   (the tests use loopback, 127.0.0.1: the ticker's datagrams never leave the machine);
//! - a second screen can open on the same port, and both get every quote;
//! - it does not get the quotes of another group sent to the same port.
//!
//! The course's listener binds the wildcard address, `0.0.0.0:port`, as Windows requires, and
//! turns Linux's `IP_MULTICAST_ALL` off (on Linux a wildcard socket otherwise also gets every
//! group that any socket of the machine joined). Binding the group's address instead (on Unix
//! only: Windows refuses it) passes too. The hint says more about both.
//!
//! Check your work with `cargo run -p exercises -- check mc2-listener`.
//!
//! ## Em português
//!
//! O ticker de preços publica cada cotação uma vez, num grupo multicast; cada tela que entrou
//! no grupo recebe uma cópia. Um operador usa duas telas numa máquina, então dois ouvintes
//! precisam fazer bind na mesma porta. Sem as opções de socket certas, o segundo falha com
//! "address already in use" (endereço já em uso). `std::net::UdpSocket::bind` não liga
//! nenhuma delas e já faz o bind, então monte o socket com socket2, ligue as opções, faça o
//! bind, entre no grupo e converta-o num `std::net::UdpSocket`.
//!
//! O que os testes conferem é o que uma tela recebe, no Linux, no macOS e no Windows:
//! - ela recebe as cotações enviadas ao seu grupo pela interface cujo endereço é `interface`
//!   (os testes usam o loopback, 127.0.0.1: os datagramas do ticker nunca saem da máquina);
//! - uma segunda tela pode abrir na mesma porta, e as duas recebem todas as cotações;
//! - ela não recebe as cotações de outro grupo enviadas à mesma porta.
//!
//! O ouvinte do curso faz bind no endereço curinga, `0.0.0.0:porta`, como o Windows exige, e
//! desliga o `IP_MULTICAST_ALL` do Linux (no Linux, um socket no endereço curinga também
//! recebe, sem isso, todo grupo em que qualquer socket da máquina entrou). Fazer bind no
//! endereço do grupo (só no Unix: o Windows recusa) também passa. A dica fala mais dos dois.
//!
//! Confira seu trabalho com `cargo run -p exercises -- check mc2-listener` (em português com
//! `--lang pt-BR`).

use std::io;
use std::net::{Ipv4Addr, UdpSocket};

// ANCHOR: stub
/// Opens a ticker listener: a UDP socket on `port` (0: any free port) that receives the
/// datagrams sent to `group` through the interface with address `interface`, and that shares
/// its port with other listeners on the same machine.
///
/// Abre um ouvinte do ticker: um socket UDP na porta `port` (0: qualquer porta livre) que
/// recebe os datagramas enviados a `group` pela interface de endereço `interface`, e que
/// compartilha sua porta com outros ouvintes da mesma máquina.
pub fn open_listener(group: Ipv4Addr, port: u16, interface: Ipv4Addr) -> io::Result<UdpSocket> {
    // TODO: `socket2::Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))`.
    //   pt: `socket2::Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))`.
    // TODO: before `bind`: `set_reuse_address(true)`; `#[cfg(unix)]` `set_reuse_port(true)`.
    //   pt: antes do `bind`: `set_reuse_address(true)`; `#[cfg(unix)]` `set_reuse_port(true)`.
    // TODO: bind `SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, port)`: `bind(&addr.into())`.
    //   pt: faça bind em `SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, port)`:
    //       `bind(&addr.into())`.
    // TODO: `join_multicast_v4(&group, &interface)`; on Linux, `#[cfg(target_os = "linux")]`,
    //       `set_multicast_all_v4(false)`. Then `Ok(socket.into())`.
    //   pt: `join_multicast_v4(&group, &interface)`; no Linux,
    //       `#[cfg(target_os = "linux")]`, `set_multicast_all_v4(false)`. Depois
    //       `Ok(socket.into())`.
    let _ = (group, port, interface);
    todo!("reuse, bind, join | reuso, bind, join")
}
// ANCHOR_END: stub
