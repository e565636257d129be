//! The spec of the ticker listener: real multicast on the loopback interface only (the
//! publisher sends through 127.0.0.1 and the listeners join there), port 0, read timeouts.
//! Each test uses a group of its own, so that tests running at once do not mix.
//!
//! It checks what a screen receives, never which address it bound: the wildcard address (with
//! Linux's IP_MULTICAST_ALL off) and, on Unix, the group's address are both right, on every OS.
//! It speaks English or Portuguese: its sentences are in the module `words`, at the end.

use std::io;
use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};
use std::time::Duration;

use mc2_listener::open_listener;
use socket2::{Domain, Protocol, Socket, Type};
use speckit::{Doing, check_eq, expected_got, fail, quote, returned_an_error};

const LOOPBACK: Ipv4Addr = Ipv4Addr::LOCALHOST;
const DEADLINE: Duration = Duration::from_secs(3);
/// Windows' "network unreachable".
const WSAENETUNREACH: i32 = 10051;

/// A publisher that sends through the loopback interface only, never out of the machine.
fn publisher() -> UdpSocket {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))
        .doing(&words::publisher_socket());
    socket
        .set_multicast_if_v4(&LOOPBACK)
        .doing(&words::publisher_interface());
    socket
        .set_multicast_loop_v4(true)
        .doing(&words::publisher_loopback());
    socket
        .bind(&SocketAddrV4::new(LOOPBACK, 0).into())
        .doing(&words::binding_the_publisher());
    socket.into()
}

fn open(group: Ipv4Addr, port: u16) -> UdpSocket {
    let listener = open_listener(group, port, LOOPBACK).unwrap_or_else(|error| {
        let why = match error.kind() {
            io::ErrorKind::AddrInUse => words::another_screen_holds_the_port(),
            io::ErrorKind::AddrNotAvailable => words::the_os_refused_an_address(),
            _ => String::new(),
        };
        fail(format!(
            "{}: {}{why}",
            words::opening_a_screen(group, port),
            returned_an_error("open_listener", &error)
        ))
    });
    listener
        .set_read_timeout(Some(DEADLINE))
        .doing(&words::screen_read_timeout());
    listener
}

/// Receives the next datagram on `listener` and checks it is `expected`, sent to `group`;
/// `others` are the quotes the test sent to other groups.
fn hears(
    listener: &UdpSocket,
    name: &str,
    expected: &str,
    group: Ipv4Addr,
    others: &[(&str, Ipv4Addr)],
) {
    let bound = listener
        .local_addr()
        .map_or_else(|error| format!("({error})"), |addr| addr.to_string());
    let quoted = quote(expected.as_bytes());
    let step = words::waiting(name, &bound, &quoted, group);
    let (datagram, _) = speckit::recv_from(listener, &step)
        .unwrap_or_else(|nothing| fail(format!("{nothing}{}", words::nothing_of_the_group())));
    if datagram != expected.as_bytes() {
        let mut message = expected_got(
            &words::the_datagram_received(name, &bound),
            words::sent_to(&quoted, group),
            quote(&datagram),
        );
        for (other, other_group) in others {
            if datagram == other.as_bytes() {
                message.push_str(&words::another_group(*other_group, name));
            }
        }
        fail(message);
    }
}

/// Publishes one quote to `group`. Windows refuses to send to a loopback group that no socket
/// of the machine joined (WSAENETUNREACH): then the screen never joined.
fn publish(publisher: &UdpSocket, text: &str, group: Ipv4Addr, port: u16) {
    if let Err(error) = publisher.send_to(text.as_bytes(), (group, port)) {
        let never_joined = if error.raw_os_error() == Some(WSAENETUNREACH) && cfg!(windows) {
            words::no_screen_joined()
        } else {
            String::new()
        };
        fail(format!(
            "{}: {}{never_joined}",
            words::publishing(&quote(text.as_bytes()), group, port),
            speckit::io_error(&error)
        ));
    }
}

fn port_of(listener: &UdpSocket) -> u16 {
    listener
        .local_addr()
        .doing(&words::listener_address())
        .port()
}

#[test]
fn a_listener_gets_the_quotes_sent_to_its_group() {
    let group = Ipv4Addr::new(239, 255, 201, 1);
    let screen = open(group, 0);
    let port = port_of(&screen);
    let publisher = publisher();
    for quote in ["PETR4 38.12", "VALE3 61.40"] {
        publish(&publisher, quote, group, port);
        hears(&screen, &words::the_screen(), quote, group, &[]);
    }
}

#[test]
fn two_listeners_on_one_machine_both_get_every_quote() {
    let group = Ipv4Addr::new(239, 255, 201, 2);
    let first = open(group, 0);
    let port = port_of(&first);
    let second = open(group, port);
    check_eq(
        &words::the_port_of_the_second_screen(),
        port,
        port_of(&second),
    );
    let publisher = publisher();
    for quote in ["ITUB4 33.05", "BBDC4 14.80"] {
        publish(&publisher, quote, group, port);
        hears(&first, &words::the_first_screen(), quote, group, &[]);
        hears(&second, &words::the_second_screen(), quote, group, &[]);
    }
}

#[test]
fn a_listener_does_not_get_another_groups_quotes_on_the_same_port() {
    let stocks = Ipv4Addr::new(239, 255, 201, 3);
    let bonds = Ipv4Addr::new(239, 255, 201, 4);
    let stock_screen = open(stocks, 0);
    let port = port_of(&stock_screen);
    let bond_screen = open(bonds, port);
    let publisher = publisher();
    let bond_quote = ("TESOURO-2035 6.91%", bonds);
    let stock_quote = ("PETR4 38.12", stocks);
    publish(&publisher, bond_quote.0, bonds, port);
    publish(&publisher, stock_quote.0, stocks, port);
    hears(
        &bond_screen,
        &words::the_bond_screen(),
        bond_quote.0,
        bonds,
        &[stock_quote],
    );
    // The first datagram the stock screen gets must be its own group's, not the bond quote.
    hears(
        &stock_screen,
        &words::the_stock_screen(),
        stock_quote.0,
        stocks,
        &[bond_quote],
    );
}

/// What this spec says, in English and in Portuguese (`en_pt!` gives the one of the run).
mod words {
    use std::net::Ipv4Addr;

    use speckit::en_pt;

    pub fn publisher_socket() -> String {
        en_pt!(
            "setting up: the publisher's socket",
            "preparando: o socket do publicador"
        )
    }

    pub fn publisher_interface() -> String {
        en_pt!(
            "setting up: the publisher's interface",
            "preparando: a interface do publicador"
        )
    }

    pub fn publisher_loopback() -> String {
        en_pt!(
            "setting up: the publisher's loopback",
            "preparando: o loopback do publicador"
        )
    }

    pub fn binding_the_publisher() -> String {
        en_pt!(
            "setting up: binding the publisher",
            "preparando: fazendo bind do publicador"
        )
    }

    pub fn screen_read_timeout() -> String {
        en_pt!(
            "setting up: the screen's read timeout",
            "preparando: o timeout de leitura da tela"
        )
    }

    pub fn listener_address() -> String {
        en_pt!(
            "the listener's address (local_addr)",
            "o endereço do ouvinte (local_addr)"
        )
    }

    pub fn another_screen_holds_the_port() -> String {
        en_pt!(
            "\nAnother screen holds that port: to share it, every listener sets SO_REUSEADDR \
             (and SO_REUSEPORT on Unix) before `bind`.",
            "\nOutra tela ocupa essa porta: para compartilhá-la, todo ouvinte liga SO_REUSEADDR \
             (e SO_REUSEPORT no Unix) antes do `bind`."
        )
    }

    pub fn the_os_refused_an_address() -> String {
        en_pt!(
            "\nThe OS refused an address: Windows refuses to bind a group's address (bind \
             0.0.0.0 there), and every OS refuses an address that no interface of the machine \
             has.",
            "\nO sistema recusou um endereço: o Windows recusa bind no endereço de um grupo \
             (lá, faça bind em 0.0.0.0), e todo sistema recusa um endereço que nenhuma \
             interface da máquina tem."
        )
    }

    pub fn opening_a_screen(group: Ipv4Addr, port: u16) -> String {
        if port == 0 {
            en_pt!(
                "opening a screen for group {group} on port 0 (any free port)",
                "abrindo uma tela para o grupo {group} na porta 0 (qualquer porta livre)"
            )
        } else {
            en_pt!(
                "opening a screen for group {group} on port {port}",
                "abrindo uma tela para o grupo {group} na porta {port}"
            )
        }
    }

    pub fn waiting(name: &str, bound: &str, quote: &str, group: Ipv4Addr) -> String {
        en_pt!(
            "{name} (your listener, bound to {bound}), waiting for {quote} sent to the group \
             {group}",
            "{name} (seu ouvinte, ligado a {bound}), esperando {quote} enviado ao grupo {group}"
        )
    }

    pub fn nothing_of_the_group() -> String {
        en_pt!(
            "\nNothing of the group reached the screen. A socket gets a group's datagrams only \
             once it joined the group on that interface (`join_multicast_v4`), and, on Linux \
             and macOS, only if it is bound to the wildcard address or to the group's address: \
             the datagrams are addressed to the group, not to the interface's 127.0.0.1.",
            "\nNada do grupo chegou à tela. Um socket só recebe os datagramas de um grupo depois \
             de entrar no grupo naquela interface (`join_multicast_v4`) e, no Linux e no macOS, \
             só se estiver ligado ao endereço curinga ou ao endereço do grupo: os datagramas são \
             endereçados ao grupo, não ao 127.0.0.1 da interface."
        )
    }

    pub fn the_datagram_received(name: &str, bound: &str) -> String {
        en_pt!(
            "the datagram {name} received (bound to {bound})",
            "o datagrama que {name} recebeu (ligada a {bound})"
        )
    }

    pub fn sent_to(quote: &str, group: Ipv4Addr) -> String {
        en_pt!("{quote} (sent to {group})", "{quote} (enviado a {group})")
    }

    pub fn another_group(group: Ipv4Addr, name: &str) -> String {
        en_pt!(
            "\nThat quote was sent to the group {group}, which {name} did not join. Linux gives \
             a socket bound to the wildcard address every group that any socket of the machine \
             joined on its port, unless it turns that off: `set_multicast_all_v4(false)` (or, \
             on Unix, bind the group's address).",
            "\nEssa cotação foi enviada ao grupo {group}, no qual {name} não entrou. O Linux \
             entrega a um socket ligado ao endereço curinga todo grupo em que qualquer socket da \
             máquina entrou naquela porta, a menos que ele desligue isso: \
             `set_multicast_all_v4(false)` (ou, no Unix, faça bind no endereço do grupo)."
        )
    }

    pub fn no_screen_joined() -> String {
        en_pt!(
            "\nWindows sends to a group on the loopback interface only once a socket of this \
             machine joined it there: no screen joined the group (`join_multicast_v4`).",
            "\nO Windows só envia a um grupo na interface de loopback depois que um socket desta \
             máquina entrou nele ali: nenhuma tela entrou no grupo (`join_multicast_v4`)."
        )
    }

    pub fn publishing(quote: &str, group: Ipv4Addr, port: u16) -> String {
        en_pt!(
            "publishing {quote} to the group {group}, port {port}",
            "publicando {quote} no grupo {group}, porta {port}"
        )
    }

    pub fn the_screen() -> String {
        en_pt!("the screen", "a tela")
    }

    pub fn the_first_screen() -> String {
        en_pt!("the first screen", "a primeira tela")
    }

    pub fn the_second_screen() -> String {
        en_pt!("the second screen", "a segunda tela")
    }

    pub fn the_bond_screen() -> String {
        en_pt!("the bond screen", "a tela de títulos")
    }

    pub fn the_stock_screen() -> String {
        en_pt!("the stock screen", "a tela de ações")
    }

    pub fn the_port_of_the_second_screen() -> String {
        en_pt!(
            "the port of the second screen (both screens share one port)",
            "a porta da segunda tela (as duas telas compartilham uma porta)"
        )
    }
}
