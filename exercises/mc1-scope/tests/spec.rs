//! The spec of the group checks: a table of addresses and the scope each one has.

use std::net::IpAddr;

use mc1_scope::{Scope, scope, ticker_group};

fn scope_of(text: &str) -> Scope {
    scope(text.parse::<IpAddr>().unwrap())
}

#[test]
fn unicast_broadcast_and_reserved_ipv4_are_not_multicast() {
    for text in [
        "127.0.0.1",
        "192.168.0.10",
        "223.255.255.255",
        "240.0.0.1",
        "255.255.255.255",
    ] {
        assert_eq!(scope_of(text), Scope::NotMulticast, "{text}");
    }
}

#[test]
fn ipv4_groups_get_the_scope_of_their_block() {
    let table = [
        ("224.0.0.1", Scope::LocalNetworkControl),
        ("224.0.0.251", Scope::LocalNetworkControl),
        ("224.0.1.1", Scope::Global),
        ("232.1.2.3", Scope::SourceSpecific),
        ("233.252.0.1", Scope::Global),
        ("238.255.255.255", Scope::Global),
        ("239.255.78.78", Scope::AdminScoped),
        ("239.0.0.0", Scope::AdminScoped),
    ];
    for (text, expected) in table {
        assert_eq!(scope_of(text), expected, "{text}");
    }
}

#[test]
fn ipv6_groups_get_the_scope_of_their_second_byte() {
    let table = [
        ("::1", Scope::NotMulticast),
        ("fe80::1", Scope::NotMulticast),
        ("ff01::1", Scope::InterfaceLocal),
        ("ff02::fb", Scope::LinkLocal),
        ("ff05::2", Scope::SiteLocal),
        ("ff08::78", Scope::OrganizationLocal),
        ("ff0e::101", Scope::Global),
        ("ff03::1", Scope::Reserved),
    ];
    for (text, expected) in table {
        assert_eq!(scope_of(text), expected, "{text}");
    }
}

#[test]
fn ipv6_flags_do_not_change_the_scope() {
    // ff1X: a transient (temporary) group; ff3X: a group derived from a unicast prefix.
    let table = [
        ("ff12::1", Scope::LinkLocal),
        ("ff15::beef", Scope::SiteLocal),
        ("ff38::1234", Scope::OrganizationLocal),
        ("ff3e::8000:1", Scope::Global),
    ];
    for (text, expected) in table {
        assert_eq!(scope_of(text), expected, "{text}");
    }
}

#[test]
fn the_ticker_accepts_a_multicast_group() {
    assert_eq!(
        ticker_group("239.255.78.78"),
        Ok("239.255.78.78".parse().unwrap())
    );
    assert_eq!(
        ticker_group(" ff15::78 \n"),
        Ok("ff15::78".parse().unwrap())
    );
}

#[test]
fn the_ticker_refuses_what_is_not_a_group_and_says_why() {
    for text in [
        "not-an-address",
        "239.255.78",
        "192.168.0.10",
        "240.1.2.3",
        "224.0.0.251",
    ] {
        let error = ticker_group(text).expect_err(text);
        assert!(!error.is_empty(), "the error for {text} says why");
    }
    let error = ticker_group("192.168.0.10").unwrap_err();
    assert!(
        error.contains("192.168.0.10"),
        "the error names the address: {error}"
    );
}
