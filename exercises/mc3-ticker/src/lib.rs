//! # mc3-ticker: the price-ticker publisher (o publicador do ticker de preços)
//!
//! The other end of the ticker: the publisher. It sends each quote once, as one datagram, to
//! the group, and every screen that joined gets a copy. Two socket options decide where the
//! datagrams go:
//! - the *interface* they leave through (`IP_MULTICAST_IF`): left alone, the kernel picks one
//!   from the routing table, usually the one of the default route, i.e. out to the network;
//!   the ticker must use the interface it is given (the tests give loopback, 127.0.0.1);
//! - their *TTL* (`IP_MULTICAST_TTL`): each router they cross takes 1 off, and none forwards
//!   them at 1, so TTL N crosses up to N-1 routers. It is not the TTL of unicast datagrams
//!   (`IP_TTL`); the default for multicast is 1, the local network only.
//!
//! Keep the loopback option on (`IP_MULTICAST_LOOP`), so that screens on this machine get the
//! quotes too. Each quote is one datagram: `SYMBOL PRICE`, the price with two decimals
//! (`PETR4 38.12`).
//!
//! Check your work with `cargo run -p exercises -- check mc3-ticker`.
//!
//! ## Em português
//!
//! A outra ponta do ticker: o publicador. Ele envia cada cotação uma vez, como um datagrama,
//! ao grupo, e cada tela que entrou no grupo recebe uma cópia. Duas opções de socket decidem
//! para onde os datagramas vão:
//! - a *interface* por onde eles saem (`IP_MULTICAST_IF`): se você não mexer nela, o kernel
//!   escolhe uma pela tabela de rotas, em geral a da rota padrão, isto é, para fora, para a
//!   rede; o ticker tem de usar a interface que recebe (os testes dão o loopback, 127.0.0.1);
//! - o *TTL* deles (`IP_MULTICAST_TTL`): cada roteador que eles atravessam tira 1, e nenhum os
//!   repassa com 1, então TTL N atravessa até N-1 roteadores. Não é o TTL dos datagramas
//!   unicast (`IP_TTL`); o padrão para multicast é 1, só a rede local.
//!
//! Deixe a opção de loopback ligada (`IP_MULTICAST_LOOP`), para que as telas desta máquina
//! também recebam as cotações. Cada cotação é um datagrama: `SÍMBOLO PREÇO`, o preço com duas
//! casas decimais (`PETR4 38.12`).
//!
//! Confira seu trabalho com `cargo run -p exercises -- check mc3-ticker` (em português com
//! `--lang pt-BR`).

use std::io;
use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};

// ANCHOR: stub
/// Opens the publisher's socket: bound to `interface` on any free port, multicast sent out
/// through `interface`, with multicast TTL `ttl`, looped back to this machine's listeners.
///
/// Abre o socket do publicador: ligado a `interface` numa porta livre qualquer, com o multicast
/// saindo por `interface`, TTL multicast `ttl` e cópia de volta para os ouvintes desta máquina.
pub fn open_publisher(interface: Ipv4Addr, ttl: u32) -> io::Result<UdpSocket> {
    // TODO: a socket2 `Socket` (Domain::IPV4, Type::DGRAM, Protocol::UDP), or a std
    //       `UdpSocket` plus `socket2::SockRef::from(&socket)` for the option std lacks.
    //   pt: um `Socket` do socket2 (Domain::IPV4, Type::DGRAM, Protocol::UDP), ou um
    //       `UdpSocket` da std mais `socket2::SockRef::from(&socket)` para a opção que falta
    //       na std.
    // TODO: `set_multicast_if_v4(&interface)`: std has no call for it, socket2 does.
    //   pt: `set_multicast_if_v4(&interface)`: a std não tem essa chamada, o socket2 tem.
    // TODO: `set_multicast_ttl_v4(ttl)`: the multicast TTL (`set_ttl` is another option).
    //   pt: `set_multicast_ttl_v4(ttl)`: o TTL multicast (`set_ttl` é outra opção).
    // TODO: `set_multicast_loop_v4(true)`; bind `interface:0`.
    //   pt: `set_multicast_loop_v4(true)`; bind em `interface:0`.
    let _ = (interface, ttl);
    todo!("interface, multicast TTL, loopback, bind | interface, TTL, loopback, bind")
}

/// Publishes each quote as one datagram, `SYMBOL PRICE` with two decimals, to `group`.
///
/// Publica cada cotação como um datagrama, `SÍMBOLO PREÇO` com duas casas decimais, em `group`.
pub fn publish(socket: &UdpSocket, group: SocketAddrV4, quotes: &[(&str, f64)]) -> io::Result<()> {
    // TODO: one `send_to` per quote; `format!("{symbol} {price:.2}")`.
    //   pt: um `send_to` por cotação; `format!("{symbol} {price:.2}")`.
    let _ = (socket, group, quotes);
    todo!("one datagram per quote | um datagrama por cotação")
}
// ANCHOR_END: stub
