//! The spec of the ticker listener: real multicast on the loopback interface only (the
//! publisher sends through 127.0.0.1 and the listeners join there), port 0, read timeouts.
//! Each test uses a group of its own, so that tests running at once do not mix.

use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};
use std::time::Duration;

use mc2_listener::open_listener;
use socket2::{Domain, Protocol, Socket, Type};

const LOOPBACK: Ipv4Addr = Ipv4Addr::LOCALHOST;
const DEADLINE: Duration = Duration::from_secs(3);

/// A publisher that sends through the loopback interface only, never out of the machine.
fn publisher() -> UdpSocket {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP)).unwrap();
    socket.set_multicast_if_v4(&LOOPBACK).unwrap();
    socket.set_multicast_loop_v4(true).unwrap();
    socket.bind(&SocketAddrV4::new(LOOPBACK, 0).into()).unwrap();
    socket.into()
}

fn open(group: Ipv4Addr, port: u16) -> UdpSocket {
    let listener = open_listener(group, port, LOOPBACK)
        .unwrap_or_else(|e| panic!("open_listener({group}, {port}, {LOOPBACK}) failed: {e}"));
    listener.set_read_timeout(Some(DEADLINE)).unwrap();
    listener
}

fn next_quote(listener: &UdpSocket, name: &str) -> String {
    let mut buffer = [0u8; 1500];
    match listener.recv_from(&mut buffer) {
        Ok((len, _)) => String::from_utf8_lossy(&buffer[..len]).into_owned(),
        Err(e) => panic!("{name}: no quote within {DEADLINE:?} ({e})"),
    }
}

fn port_of(listener: &UdpSocket) -> u16 {
    listener.local_addr().unwrap().port()
}

#[test]
fn a_listener_gets_the_quotes_sent_to_its_group() {
    let group = Ipv4Addr::new(239, 255, 201, 1);
    let screen = open(group, 0);
    let port = port_of(&screen);
    let publisher = publisher();
    for quote in ["PETR4 38.12", "VALE3 61.40"] {
        publisher.send_to(quote.as_bytes(), (group, port)).unwrap();
        assert_eq!(next_quote(&screen, "the screen"), quote);
    }
}

#[test]
fn two_listeners_on_one_machine_both_get_every_quote() {
    let group = Ipv4Addr::new(239, 255, 201, 2);
    let first = open(group, 0);
    let port = port_of(&first);
    let second = open(group, port);
    assert_eq!(port_of(&second), port, "both screens share one port");
    let publisher = publisher();
    for quote in ["ITUB4 33.05", "BBDC4 14.80"] {
        publisher.send_to(quote.as_bytes(), (group, port)).unwrap();
        assert_eq!(next_quote(&first, "the first screen"), quote);
        assert_eq!(next_quote(&second, "the second screen"), quote);
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
        .unwrap();
    publisher.send_to(b"PETR4 38.12", (stocks, port)).unwrap();
    assert_eq!(
        next_quote(&bond_screen, "the bond screen"),
        "TESOURO-2035 6.91%"
    );
    assert_eq!(
        next_quote(&stock_screen, "the stock screen"),
        "PETR4 38.12",
        "the stock screen got the bond group's datagram"
    );
}
