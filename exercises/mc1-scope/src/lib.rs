//! # mc1-scope: where does the price ticker's group reach? (até onde vai o grupo do ticker?)
//!
//! The course's price ticker publishes quotes to a multicast group, and its settings file
//! names the group. Before anything joins it, check the address: is it a multicast group at
//! all, and how far may its datagrams travel (its *scope*)?
//!
//! IPv4 (`224.0.0.0/4`, i.e. 224.0.0.0 to 239.255.255.255):
//! - `224.0.0.0/24`: local network control (OSPF, mDNS...), never forwarded by a router;
//! - `232.0.0.0/8`: source-specific multicast;
//! - `239.0.0.0/8`: administratively scoped, for use inside one organisation;
//! - any other group: global.
//!
//! IPv6 (`ff00::/8`): the scope is the low 4 bits of the second byte (`ffXY::`, Y is the scope):
//! 1 interface-local, 2 link-local, 5 site-local, 8 organization-local, e global; any other
//! value: reserved.
//!
//! Then `ticker_group` checks a group written in the settings file.
//!
//! Check your work with `cargo run -p exercises -- check mc1-scope`.
//!
//! ## Em português
//!
//! O ticker de preços do curso publica cotações num grupo multicast, e o arquivo de
//! configuração dele dá o nome do grupo. Antes que alguém entre no grupo, confira o endereço:
//! ele é mesmo um grupo multicast, e até onde seus datagramas podem ir (o *escopo* dele)?
//!
//! IPv4 (`224.0.0.0/4`, isto é, de 224.0.0.0 a 239.255.255.255):
//! - `224.0.0.0/24`: controle da rede local (OSPF, mDNS...), nunca repassado por um roteador;
//! - `232.0.0.0/8`: multicast específico de origem (source-specific);
//! - `239.0.0.0/8`: de escopo administrativo, para uso dentro de uma organização;
//! - qualquer outro grupo: global.
//!
//! IPv6 (`ff00::/8`): o escopo são os 4 bits mais baixos do segundo byte (`ffXY::`, Y é o
//! escopo): 1 local à interface, 2 local ao enlace, 5 local ao site, 8 local à organização,
//! e global; qualquer outro valor: reservado.
//!
//! Depois, `ticker_group` confere um grupo escrito no arquivo de configuração.
//!
//! Confira seu trabalho com `cargo run -p exercises -- check mc1-scope` (em português com
//! `--lang pt-BR`).

use std::net::IpAddr;

// ANCHOR: stub
/// How far the datagrams sent to an address may go. (Até onde vão os datagramas enviados a um
/// endereço.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Not a multicast address.
    NotMulticast,
    /// IPv4 224.0.0.0/24: protocol traffic on the local network, never routed.
    LocalNetworkControl,
    /// IPv4 232.0.0.0/8.
    SourceSpecific,
    /// IPv4 239.0.0.0/8.
    AdminScoped,
    /// IPv6 ffX1::.
    InterfaceLocal,
    /// IPv6 ffX2::.
    LinkLocal,
    /// IPv6 ffX5::.
    SiteLocal,
    /// IPv6 ffX8::.
    OrganizationLocal,
    /// Any other IPv4 group; IPv6 ffXe::.
    Global,
    /// IPv6 with another scope value.
    Reserved,
}

/// The scope of `address`. (O escopo de `address`.)
pub fn scope(address: IpAddr) -> Scope {
    // TODO: match on `address`: `IpAddr::V4(v4)` and `IpAddr::V6(v6)`.
    //   pt: faça `match` em `address`: `IpAddr::V4(v4)` e `IpAddr::V6(v6)`.
    // TODO: IPv4: `v4.octets()` gives the 4 bytes; 224.0.0.0/4 means the first byte is
    //       from 224 to 239, no more.
    //   pt: IPv4: `v4.octets()` dá os 4 bytes; 224.0.0.0/4 quer dizer que o primeiro byte
    //       vai de 224 a 239, nada além.
    // TODO: IPv6: `v6.octets()` gives 16 bytes; multicast when the first is 0xff; the scope
    //       is `octets[1] & 0x0f` (the high 4 bits are flags, not the scope).
    //   pt: IPv6: `v6.octets()` dá 16 bytes; é multicast quando o primeiro é 0xff; o escopo
    //       é `octets[1] & 0x0f` (os 4 bits mais altos são flags, não o escopo).
    let _ = address;
    todo!("classify the address | classifique o endereço")
}

/// Reads a group from the ticker's settings: an IP address (v4 or v6) that is multicast and
/// not for local network control. The error says, in a sentence, what is wrong.
///
/// Lê um grupo da configuração do ticker: um endereço IP (v4 ou v6) que é multicast e não é de
/// controle da rede local. O erro diz, numa frase, o que está errado.
pub fn ticker_group(text: &str) -> Result<IpAddr, String> {
    // TODO: `text.trim().parse::<IpAddr>()`; an unparsable text is an error.
    //   pt: `text.trim().parse::<IpAddr>()`; um texto que não é endereço é um erro.
    // TODO: use `scope`: NotMulticast and LocalNetworkControl are errors.
    //   pt: use `scope`: NotMulticast e LocalNetworkControl são erros.
    let _ = text;
    todo!("parse and check the group | leia e confira o grupo")
}
// ANCHOR_END: stub
