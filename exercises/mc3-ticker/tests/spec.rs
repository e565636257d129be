//! The spec of the ticker publisher: its socket options are read back first (so that a
//! publisher aimed at the wrong interface never sends anything), then real multicast on the
//! loopback interface only, port 0, read timeouts.

use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};
use std::time::Duration;

use mc3_ticker::{open_publisher, publish};
use socket2::{Domain, Protocol, SockRef, Socket, Type};

const LOOPBACK: Ipv4Addr = Ipv4Addr::LOCALHOST;
const DEADLINE: Duration = Duration::from_secs(3);

/// Opens the publisher and checks it sends through loopback before the test sends anything.
fn loopback_publisher(ttl: u32) -> UdpSocket {
    let publisher = open_publisher(LOOPBACK, ttl).expect("open_publisher");
    let interface = SockRef::from(&publisher).multicast_if_v4().unwrap();
    assert_eq!(
        interface, LOOPBACK,
        "multicast must leave through the interface given (IP_MULTICAST_IF)"
    );
    publisher
}

/// A screen that joined `group` on loopback, on a free port.
fn screen(group: Ipv4Addr) -> UdpSocket {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP)).unwrap();
    socket.set_reuse_address(true).unwrap();
    socket.bind(&SocketAddrV4::new(group, 0).into()).unwrap();
    socket.join_multicast_v4(&group, &LOOPBACK).unwrap();
    socket.set_read_timeout(Some(DEADLINE)).unwrap();
    socket.into()
}

fn group_of(screen: &UdpSocket, group: Ipv4Addr) -> SocketAddrV4 {
    SocketAddrV4::new(group, screen.local_addr().unwrap().port())
}

fn next_datagram(screen: &UdpSocket) -> String {
    let mut buffer = [0u8; 1500];
    match screen.recv_from(&mut buffer) {
        Ok((len, _)) => String::from_utf8_lossy(&buffer[..len]).into_owned(),
        Err(e) => panic!("no datagram within {DEADLINE:?} ({e})"),
    }
}

#[test]
fn the_publisher_sends_through_the_interface_it_is_given() {
    loopback_publisher(1);
}

#[test]
fn the_publisher_sets_the_multicast_ttl_it_is_given() {
    let publisher = loopback_publisher(4);
    assert_eq!(publisher.multicast_ttl_v4().unwrap(), 4, "IP_MULTICAST_TTL");
}

#[test]
fn the_publisher_loops_its_quotes_back_to_this_machine() {
    let publisher = loopback_publisher(1);
    assert!(publisher.multicast_loop_v4().unwrap(), "IP_MULTICAST_LOOP");
    assert_eq!(
        publisher.local_addr().unwrap().ip(),
        LOOPBACK,
        "bound to the interface's address"
    );
}

#[test]
fn each_quote_is_one_datagram_with_two_decimals() {
    let group = Ipv4Addr::new(239, 255, 202, 1);
    let screen = screen(group);
    let publisher = loopback_publisher(1);
    publish(
        &publisher,
        group_of(&screen, group),
        &[("PETR4", 38.12), ("VALE3", 61.4), ("ITUB4", 33.0)],
    )
    .unwrap();
    assert_eq!(next_datagram(&screen), "PETR4 38.12");
    assert_eq!(next_datagram(&screen), "VALE3 61.40");
    assert_eq!(next_datagram(&screen), "ITUB4 33.00");
}

#[test]
fn the_screen_sees_the_publishers_address_as_the_sender() {
    let group = Ipv4Addr::new(239, 255, 202, 2);
    let screen = screen(group);
    let publisher = loopback_publisher(1);
    publish(&publisher, group_of(&screen, group), &[("BBAS3", 27.5)]).unwrap();
    let mut buffer = [0u8; 1500];
    let (_, from) = screen.recv_from(&mut buffer).expect("a quote");
    assert_eq!(from, publisher.local_addr().unwrap());
}
