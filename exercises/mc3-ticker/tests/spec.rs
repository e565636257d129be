//! The spec of the ticker publisher: its socket options are read back first (so that a
//! publisher aimed at the wrong interface never sends anything), then real multicast on the
//! loopback interface only, port 0, read timeouts. A failure names the option or the datagram
//! and says what it was and what the spec wanted (the `speckit` helpers), in English or in
//! Portuguese: the sentences of this spec are in the module `words`, at the end.

use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};
use std::time::Duration;

use mc3_ticker::{open_publisher, publish};
use socket2::{Domain, Protocol, SockRef, Socket, Type};
use speckit::{Doing, OrFail, check_eq, expected_got, fail, quote, returned_an_error};

const LOOPBACK: Ipv4Addr = Ipv4Addr::LOCALHOST;
const DEADLINE: Duration = Duration::from_secs(3);

/// Opens the publisher and checks it sends through loopback before the test sends anything.
fn loopback_publisher(ttl: u32) -> UdpSocket {
    let publisher = open_publisher(LOOPBACK, ttl).unwrap_or_else(|error| {
        fail(format!(
            "open_publisher({LOOPBACK}, {ttl}): {}",
            returned_an_error("open_publisher", &error)
        ))
    });
    let interface = SockRef::from(&publisher)
        .multicast_if_v4()
        .doing(&words::reading_the_option("IP_MULTICAST_IF"));
    if interface != LOOPBACK {
        let unset = if interface.is_unspecified() {
            words::not_set()
        } else {
            String::new()
        };
        fail(format!(
            "{}{}",
            expected_got(
                &words::the_interface(),
                words::the_interface_given(LOOPBACK),
                format!("{interface}{unset}"),
            ),
            words::set_multicast_if()
        ));
    }
    publisher
}

/// A screen that joined `group` on loopback, on a free port.
fn screen(group: Ipv4Addr) -> UdpSocket {
    let socket =
        Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP)).doing(&words::screen_socket());
    socket.set_reuse_address(true).doing(&words::screen_reuse());
    socket
        .bind(&SocketAddrV4::new(group, 0).into())
        .doing(&words::binding_the_screen());
    socket
        .join_multicast_v4(&group, &LOOPBACK)
        .doing(&words::screen_joining());
    socket
        .set_read_timeout(Some(DEADLINE))
        .doing(&words::screen_read_timeout());
    socket.into()
}

fn group_of(screen: &UdpSocket, group: Ipv4Addr) -> SocketAddrV4 {
    let port = screen.local_addr().doing(&words::screen_port()).port();
    SocketAddrV4::new(group, port)
}

/// Publishes `quotes` with your `publish`, failing with its error in words.
fn publish_quotes(publisher: &UdpSocket, group: SocketAddrV4, quotes: &[(&str, f64)]) {
    if let Err(error) = publish(publisher, group, quotes) {
        fail(format!(
            "{}: {}",
            words::publishing(&speckit::count(quotes.len(), "quote"), group),
            returned_an_error("publish", &error)
        ));
    }
}

/// Checks the screen's next datagram is `expected`, the `index`th quote published.
fn check_next(screen: &UdpSocket, expected: &str, index: usize) {
    let step = words::waiting_for_the_nth_quote(index, &quote(expected.as_bytes()));
    let (datagram, _) = speckit::recv_from(screen, &step).or_fail();
    if datagram != expected.as_bytes() {
        let mut message = expected_got(
            &words::the_nth_datagram(index),
            quote(expected.as_bytes()),
            quote(&datagram),
        );
        let lines = datagram.split(|&byte| byte == b'\n').count();
        if lines > 1 {
            message.push_str(&words::quotes_in_one_datagram(lines));
        }
        fail(message);
    }
}

#[test]
fn the_publisher_sends_through_the_interface_it_is_given() {
    loopback_publisher(1);
}

#[test]
fn the_publisher_sets_the_multicast_ttl_it_is_given() {
    let publisher = loopback_publisher(4);
    let ttl = publisher
        .multicast_ttl_v4()
        .doing(&words::reading_the_option("IP_MULTICAST_TTL"));
    if ttl != 4 {
        let default = if ttl == 1 {
            words::the_default()
        } else {
            String::new()
        };
        fail(format!(
            "{}{}",
            expected_got(&words::the_multicast_ttl(), 4, format!("{ttl}{default}")),
            words::an_option_of_its_own()
        ));
    }
}

#[test]
fn the_publisher_loops_its_quotes_back_to_this_machine() {
    let publisher = loopback_publisher(1);
    let looped = publisher
        .multicast_loop_v4()
        .doing(&words::reading_the_option("IP_MULTICAST_LOOP"));
    if !looped {
        fail(expected_got(
            &words::the_loop_option(),
            words::on(),
            words::off(),
        ));
    }
    let bound = publisher.local_addr().doing(&words::reading_the_address());
    check_eq(
        &words::the_bound_address(),
        LOOPBACK.to_string(),
        bound.ip().to_string(),
    );
}

#[test]
fn each_quote_is_one_datagram_with_two_decimals() {
    let group = Ipv4Addr::new(239, 255, 202, 1);
    let screen = screen(group);
    let publisher = loopback_publisher(1);
    publish_quotes(
        &publisher,
        group_of(&screen, group),
        &[("PETR4", 38.12), ("VALE3", 61.4), ("ITUB4", 33.0)],
    );
    check_next(&screen, "PETR4 38.12", 1);
    check_next(&screen, "VALE3 61.40", 2);
    check_next(&screen, "ITUB4 33.00", 3);
}

#[test]
fn the_screen_sees_the_publishers_address_as_the_sender() {
    let group = Ipv4Addr::new(239, 255, 202, 2);
    let screen = screen(group);
    let publisher = loopback_publisher(1);
    publish_quotes(&publisher, group_of(&screen, group), &[("BBAS3", 27.5)]);
    let (_, from) = speckit::recv_from(&screen, &words::waiting_for_a_quote()).or_fail();
    let bound = publisher.local_addr().doing(&words::reading_the_address());
    check_eq(&words::the_sender(), bound.to_string(), from.to_string());
}

/// What this spec says, in English and in Portuguese (`en_pt!` gives the one of the run).
mod words {
    use std::net::{Ipv4Addr, SocketAddrV4};

    use speckit::en_pt;

    pub fn screen_socket() -> String {
        en_pt!(
            "setting up: the screen's socket",
            "preparando: o socket da tela"
        )
    }

    pub fn screen_reuse() -> String {
        en_pt!(
            "setting up: the screen's SO_REUSEADDR",
            "preparando: o SO_REUSEADDR da tela"
        )
    }

    pub fn binding_the_screen() -> String {
        en_pt!(
            "setting up: binding the screen",
            "preparando: fazendo bind da tela"
        )
    }

    pub fn screen_joining() -> String {
        en_pt!(
            "setting up: the screen joining the group on loopback",
            "preparando: a tela entrando no grupo no loopback"
        )
    }

    pub fn screen_read_timeout() -> String {
        en_pt!(
            "setting up: the screen's read timeout",
            "preparando: o timeout de leitura da tela"
        )
    }

    pub fn screen_port() -> String {
        en_pt!(
            "setting up: the screen's port",
            "preparando: a porta da tela"
        )
    }

    pub fn reading_the_option(option: &str) -> String {
        en_pt!(
            "reading your publisher's {option}",
            "lendo o {option} do seu publicador"
        )
    }

    pub fn reading_the_address() -> String {
        en_pt!(
            "reading your publisher's address",
            "lendo o endereço do seu publicador"
        )
    }

    pub fn not_set() -> String {
        en_pt!(
            " (not set: the kernel picks the interface from the routing table, usually out to \
             the network; binding an address does not choose it)",
            " (não definida: o kernel escolhe a interface pela tabela de rotas, em geral para \
             fora, para a rede; fazer bind num endereço não a escolhe)"
        )
    }

    pub fn the_interface() -> String {
        en_pt!(
            "the interface your publisher's multicast leaves through (IP_MULTICAST_IF)",
            "a interface por onde sai o multicast do seu publicador (IP_MULTICAST_IF)"
        )
    }

    pub fn the_interface_given(interface: Ipv4Addr) -> String {
        en_pt!(
            "{interface}, the interface open_publisher was given",
            "{interface}, a interface que open_publisher recebeu"
        )
    }

    pub fn set_multicast_if() -> String {
        en_pt!(
            "\nMulticast must leave through the interface given: `set_multicast_if_v4`.",
            "\nO multicast tem de sair pela interface recebida: `set_multicast_if_v4`."
        )
    }

    pub fn publishing(quotes: &str, group: SocketAddrV4) -> String {
        en_pt!(
            "publishing {quotes} to {group}",
            "publicando {quotes} em {group}"
        )
    }

    pub fn waiting_for_the_nth_quote(n: usize, quote: &str) -> String {
        let nth = speckit::ordinal(n);
        en_pt!(
            "the screen waiting for the {nth} quote, {quote}",
            "a tela esperando a {n}ª cotação, {quote}"
        )
    }

    pub fn the_nth_datagram(n: usize) -> String {
        let nth = speckit::ordinal(n);
        en_pt!("the screen's {nth} datagram", "o {n}º datagrama da tela")
    }

    pub fn quotes_in_one_datagram(lines: usize) -> String {
        en_pt!(
            "\n{lines} quotes in one datagram: each quote is a datagram of its own (one \
             `send_to` each), so that a screen loses one quote, not a batch, when a datagram is \
             lost.",
            "\n{lines} cotações num datagrama só: cada cotação é um datagrama próprio (um \
             `send_to` para cada), para que a tela perca uma cotação, e não um lote, quando um \
             datagrama se perde."
        )
    }

    pub fn the_multicast_ttl() -> String {
        en_pt!(
            "your publisher's multicast TTL (IP_MULTICAST_TTL), for open_publisher(_, 4)",
            "o TTL multicast do seu publicador (IP_MULTICAST_TTL), para open_publisher(_, 4)"
        )
    }

    pub fn the_default() -> String {
        en_pt!(" (the default)", " (o padrão)")
    }

    pub fn an_option_of_its_own() -> String {
        en_pt!(
            "\nThe multicast TTL is an option of its own, IP_MULTICAST_TTL \
             (`set_multicast_ttl_v4`); `set_ttl` sets IP_TTL, the TTL of unicast datagrams.",
            "\nO TTL multicast é uma opção própria, IP_MULTICAST_TTL (`set_multicast_ttl_v4`); \
             `set_ttl` define IP_TTL, o TTL dos datagramas unicast."
        )
    }

    pub fn the_loop_option() -> String {
        en_pt!(
            "your publisher's IP_MULTICAST_LOOP (a copy for the screens on this machine)",
            "o IP_MULTICAST_LOOP do seu publicador (uma cópia para as telas desta máquina)"
        )
    }

    pub fn on() -> String {
        en_pt!("on", "ligado")
    }

    pub fn off() -> String {
        en_pt!("off", "desligado")
    }

    pub fn the_bound_address() -> String {
        en_pt!(
            "the address your publisher is bound to (its interface's)",
            "o endereço ao qual seu publicador está ligado (o da interface dele)"
        )
    }

    pub fn waiting_for_a_quote() -> String {
        en_pt!(
            "the screen waiting for a quote",
            "a tela esperando uma cotação"
        )
    }

    pub fn the_sender() -> String {
        en_pt!(
            "the sender of the quote, as the screen sees it",
            "o remetente da cotação, como a tela o vê"
        )
    }
}
