//! The spec of the ticker listener: real multicast on the loopback interface only (the
//! publisher sends through 127.0.0.1 and the listeners join there), port 0, read timeouts.
//! Each test uses a group of its own, so that tests running at once do not mix.

use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};
use std::time::Duration;

use mc2_listener::open_listener;
use socket2::{Domain, Protocol, Socket, Type};
use speckit::{Doing, OrFail, check_eq, expected_got, fail, quote, returned_an_error};

const LOOPBACK: Ipv4Addr = Ipv4Addr::LOCALHOST;
const DEADLINE: Duration = Duration::from_secs(3);

/// A publisher that sends through the loopback interface only, never out of the machine.
fn publisher() -> UdpSocket {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))
        .doing("setting up: the publisher's socket");
    socket
        .set_multicast_if_v4(&LOOPBACK)
        .doing("setting up: the publisher's interface");
    socket
        .set_multicast_loop_v4(true)
        .doing("setting up: the publisher's loopback");
    socket
        .bind(&SocketAddrV4::new(LOOPBACK, 0).into())
        .doing("setting up: binding the publisher");
    socket.into()
}

fn open(group: Ipv4Addr, port: u16) -> UdpSocket {
    let listener = open_listener(group, port, LOOPBACK).unwrap_or_else(|error| {
        let share = if error.kind() == std::io::ErrorKind::AddrInUse {
            "\nAnother screen holds that port: to share it, every listener sets SO_REUSEADDR \
             (and SO_REUSEPORT on Unix) before `bind`."
        } else {
            ""
        };
        fail(format!(
            "opening a screen for group {group} on port {port}{}: {}{share}",
            if port == 0 { " (any free port)" } else { "" },
            returned_an_error("open_listener", &error)
        ))
    });
    listener
        .set_read_timeout(Some(DEADLINE))
        .doing("setting up: the screen's read timeout");
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
    let step = format!(
        "{name} (your listener, bound to {bound}), waiting for {} sent to the group {group}",
        quote(expected.as_bytes())
    );
    let (datagram, _) = speckit::recv_from(listener, &step).or_fail();
    if datagram != expected.as_bytes() {
        let mut message = expected_got(
            &format!("the datagram {name} received (bound to {bound})"),
            format!("{} (sent to {group})", quote(expected.as_bytes())),
            quote(&datagram),
        );
        for (other, other_group) in others {
            if datagram == other.as_bytes() {
                message.push_str(&format!(
                    "\nThat quote was sent to the group {other_group}, which {name} did not join."
                ));
            }
        }
        fail(message);
    }
}

fn port_of(listener: &UdpSocket) -> u16 {
    listener
        .local_addr()
        .doing("the listener's address (local_addr)")
        .port()
}

#[test]
fn a_listener_gets_the_quotes_sent_to_its_group() {
    let group = Ipv4Addr::new(239, 255, 201, 1);
    let screen = open(group, 0);
    let port = port_of(&screen);
    let publisher = publisher();
    for quote in ["PETR4 38.12", "VALE3 61.40"] {
        publisher
            .send_to(quote.as_bytes(), (group, port))
            .doing("publishing a quote");
        hears(&screen, "the screen", quote, group, &[]);
    }
}

#[test]
fn two_listeners_on_one_machine_both_get_every_quote() {
    let group = Ipv4Addr::new(239, 255, 201, 2);
    let first = open(group, 0);
    let port = port_of(&first);
    let second = open(group, port);
    check_eq(
        "the port of the second screen (both screens share one port)",
        port,
        port_of(&second),
    );
    let publisher = publisher();
    for quote in ["ITUB4 33.05", "BBDC4 14.80"] {
        publisher
            .send_to(quote.as_bytes(), (group, port))
            .doing("publishing a quote");
        hears(&first, "the first screen", quote, group, &[]);
        hears(&second, "the second screen", quote, group, &[]);
    }
}

// Unix only: on Windows the listener binds 0.0.0.0 and gets every datagram of its port.
#[cfg(unix)]
#[test]
fn a_listener_does_not_get_another_groups_quotes_on_the_same_port() {
    let stocks = Ipv4Addr::new(239, 255, 201, 3);
    let bonds = Ipv4Addr::new(239, 255, 201, 4);
    let stock_screen = open(stocks, 0);
    let port = port_of(&stock_screen);
    let bond_screen = open(bonds, port);
    let publisher = publisher();
    publisher
        .send_to(b"TESOURO-2035 6.91%", (bonds, port))
        .doing("publishing a bond quote");
    publisher
        .send_to(b"PETR4 38.12", (stocks, port))
        .doing("publishing a stock quote");
    let bond_quote = ("TESOURO-2035 6.91%", bonds);
    let stock_quote = ("PETR4 38.12", stocks);
    hears(
        &bond_screen,
        "the bond screen",
        bond_quote.0,
        bonds,
        &[stock_quote],
    );
    // The first datagram the stock screen gets must be its own group's, not the bond quote.
    hears(
        &stock_screen,
        "the stock screen",
        stock_quote.0,
        stocks,
        &[bond_quote],
    );
}
