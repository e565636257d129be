//! The spec of the ticker publisher: its socket options are read back first (so that a
//! publisher aimed at the wrong interface never sends anything), then real multicast on the
//! loopback interface only, port 0, read timeouts. A failure names the option or the datagram
//! and says what it was and what the spec wanted (the `speckit` helpers).

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
        .doing("reading your publisher's IP_MULTICAST_IF");
    if interface != LOOPBACK {
        let unset = if interface.is_unspecified() {
            " (not set: the kernel picks the interface from the routing table, usually out \
             to the network; binding an address does not choose it)"
        } else {
            ""
        };
        fail(format!(
            "{}\nMulticast must leave through the interface given: `set_multicast_if_v4`.",
            expected_got(
                "the interface your publisher's multicast leaves through (IP_MULTICAST_IF)",
                format!("{LOOPBACK}, the interface open_publisher was given"),
                format!("{interface}{unset}"),
            )
        ));
    }
    publisher
}

/// A screen that joined `group` on loopback, on a free port.
fn screen(group: Ipv4Addr) -> UdpSocket {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))
        .doing("setting up: the screen's socket");
    socket
        .set_reuse_address(true)
        .doing("setting up: the screen's SO_REUSEADDR");
    socket
        .bind(&SocketAddrV4::new(group, 0).into())
        .doing("setting up: binding the screen");
    socket
        .join_multicast_v4(&group, &LOOPBACK)
        .doing("setting up: the screen joining the group on loopback");
    socket
        .set_read_timeout(Some(DEADLINE))
        .doing("setting up: the screen's read timeout");
    socket.into()
}

fn group_of(screen: &UdpSocket, group: Ipv4Addr) -> SocketAddrV4 {
    let port = screen
        .local_addr()
        .doing("setting up: the screen's port")
        .port();
    SocketAddrV4::new(group, port)
}

/// Publishes `quotes` with your `publish`, failing with its error in words.
fn publish_quotes(publisher: &UdpSocket, group: SocketAddrV4, quotes: &[(&str, f64)]) {
    if let Err(error) = publish(publisher, group, quotes) {
        fail(format!(
            "publishing {} quote(s) to {group}: {}",
            quotes.len(),
            returned_an_error("publish", &error)
        ));
    }
}

/// Checks the screen's next datagram is `expected`, the `index`th quote published.
fn check_next(screen: &UdpSocket, expected: &str, index: usize) {
    let step = format!(
        "the screen waiting for the {} quote, {}",
        speckit::ordinal(index),
        quote(expected.as_bytes())
    );
    let (datagram, _) = speckit::recv_from(screen, &step).or_fail();
    if datagram != expected.as_bytes() {
        let mut message = expected_got(
            &format!("the screen's {} datagram", speckit::ordinal(index)),
            quote(expected.as_bytes()),
            quote(&datagram),
        );
        let lines = datagram.split(|&byte| byte == b'\n').count();
        if lines > 1 {
            message.push_str(&format!(
                "\n{lines} quotes in one datagram: each quote is a datagram of its own (one \
                 `send_to` each), so that a screen loses one quote, not a batch, when a \
                 datagram is lost."
            ));
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
        .doing("reading your publisher's IP_MULTICAST_TTL");
    if ttl != 4 {
        fail(format!(
            "{}\nThe multicast TTL is an option of its own, IP_MULTICAST_TTL \
             (`set_multicast_ttl_v4`); `set_ttl` sets IP_TTL, the TTL of unicast datagrams.",
            expected_got(
                "your publisher's multicast TTL (IP_MULTICAST_TTL), for open_publisher(_, 4)",
                4,
                format!("{ttl}{}", if ttl == 1 { " (the default)" } else { "" })
            )
        ));
    }
}

#[test]
fn the_publisher_loops_its_quotes_back_to_this_machine() {
    let publisher = loopback_publisher(1);
    let looped = publisher
        .multicast_loop_v4()
        .doing("reading your publisher's IP_MULTICAST_LOOP");
    if !looped {
        fail(expected_got(
            "your publisher's IP_MULTICAST_LOOP (a copy for the screens on this machine)",
            "on",
            "off",
        ));
    }
    let bound = publisher
        .local_addr()
        .doing("reading your publisher's address");
    check_eq(
        "the address your publisher is bound to (its interface's)",
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
    let (_, from) = speckit::recv_from(&screen, "the screen waiting for a quote").or_fail();
    let bound = publisher
        .local_addr()
        .doing("reading your publisher's address");
    check_eq(
        "the sender of the quote, as the screen sees it",
        bound.to_string(),
        from.to_string(),
    );
}
