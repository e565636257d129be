//! The spec of the ticker listener: real multicast on the loopback interface only (the
//! publisher sends through 127.0.0.1 and the listeners join there), port 0, read timeouts.
//! Each test uses a group of its own, so that tests running at once do not mix.
//!
//! It checks what a screen receives, never which address it bound: the wildcard address (with
//! Linux's IP_MULTICAST_ALL off) and, on Unix, the group's address are both right, on every OS.

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
        let why = match error.kind() {
            io::ErrorKind::AddrInUse => {
                "\nAnother screen holds that port: to share it, every listener sets SO_REUSEADDR \
                 (and SO_REUSEPORT on Unix) before `bind`."
            }
            io::ErrorKind::AddrNotAvailable => {
                "\nThe OS refused an address: Windows refuses to bind a group's address (bind \
                 0.0.0.0 there), and every OS refuses an address that no interface of the \
                 machine has."
            }
            _ => "",
        };
        fail(format!(
            "opening a screen for group {group} on port {port}{}: {}{why}",
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
    let (datagram, _) = speckit::recv_from(listener, &step).unwrap_or_else(|nothing| {
        fail(format!(
            "{nothing}\nNothing of the group reached the screen. A socket gets a group's datagrams \
             only once it joined the group on that interface (`join_multicast_v4`), and, on \
             Linux and macOS, only if it is bound to the wildcard address or to the group's \
             address: the datagrams are addressed to the group, not to the interface's \
             127.0.0.1."
        ))
    });
    if datagram != expected.as_bytes() {
        let mut message = expected_got(
            &format!("the datagram {name} received (bound to {bound})"),
            format!("{} (sent to {group})", quote(expected.as_bytes())),
            quote(&datagram),
        );
        for (other, other_group) in others {
            if datagram == other.as_bytes() {
                message.push_str(&format!(
                    "\nThat quote was sent to the group {other_group}, which {name} did not join. \
                     Linux gives a socket bound to the wildcard address every group that any \
                     socket of the machine joined on its port, unless it turns that off: \
                     `set_multicast_all_v4(false)` (or, on Unix, bind the group's address)."
                ));
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
            "\nWindows sends to a group on the loopback interface only once a socket of this \
             machine joined it there: no screen joined the group (`join_multicast_v4`)."
        } else {
            ""
        };
        fail(format!(
            "publishing {} to the group {group}, port {port}: {}{never_joined}",
            quote(text.as_bytes()),
            speckit::io_error(&error)
        ));
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
        publish(&publisher, quote, group, port);
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
        publish(&publisher, quote, group, port);
        hears(&first, "the first screen", quote, group, &[]);
        hears(&second, "the second screen", quote, group, &[]);
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
