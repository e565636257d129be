//! The spec of the group checks: tables of addresses and the scope each one has. A failure
//! shows the whole table, with the rows your code got wrong marked (the `speckit` helpers).

use std::net::IpAddr;

use speckit::{Table, expected_got, fail};

use mc1_scope::{Scope, scope, ticker_group};

fn address(text: &str) -> IpAddr {
    text.parse()
        .unwrap_or_else(|_| fail(format!("the spec's table holds {text:?}, not an address")))
}

/// Checks `scope` on each address of `table`; `rule` says what the table is about.
fn check_scopes(table: &[(&str, Scope)], rule: &str) {
    let mut checked = Table::new(
        "scope() of each address",
        &["address", "expected", "your scope()"],
    );
    for &(text, expected) in table {
        let got = scope(address(text));
        checked.row(
            vec![
                text.to_string(),
                format!("Scope::{expected:?}"),
                format!("Scope::{got:?}"),
            ],
            got == expected,
        );
    }
    checked.check(rule);
}

#[test]
fn unicast_broadcast_and_reserved_ipv4_are_not_multicast() {
    check_scopes(
        &[
            ("127.0.0.1", Scope::NotMulticast),
            ("192.168.0.10", Scope::NotMulticast),
            ("223.255.255.255", Scope::NotMulticast),
            ("240.0.0.1", Scope::NotMulticast),
            ("255.255.255.255", Scope::NotMulticast),
        ],
        "IPv4 multicast is 224.0.0.0/4: a first byte from 224 to 239, no more (240 and up are \
         reserved, 255.255.255.255 is broadcast).",
    );
}

#[test]
fn ipv4_groups_get_the_scope_of_their_block() {
    check_scopes(
        &[
            ("224.0.0.1", Scope::LocalNetworkControl),
            ("224.0.0.251", Scope::LocalNetworkControl),
            ("224.0.1.1", Scope::Global),
            ("232.1.2.3", Scope::SourceSpecific),
            ("233.252.0.1", Scope::Global),
            ("238.255.255.255", Scope::Global),
            ("239.255.78.78", Scope::AdminScoped),
            ("239.0.0.0", Scope::AdminScoped),
        ],
        "224.0.0.0/24 local network control, 232.0.0.0/8 source-specific, 239.0.0.0/8 \
         administratively scoped, any other group global.",
    );
}

#[test]
fn ipv6_groups_get_the_scope_of_their_second_byte() {
    check_scopes(
        &[
            ("::1", Scope::NotMulticast),
            ("fe80::1", Scope::NotMulticast),
            ("ff01::1", Scope::InterfaceLocal),
            ("ff02::fb", Scope::LinkLocal),
            ("ff05::2", Scope::SiteLocal),
            ("ff08::78", Scope::OrganizationLocal),
            ("ff0e::101", Scope::Global),
            ("ff03::1", Scope::Reserved),
        ],
        "IPv6 multicast is ff00::/8; the scope is the low 4 bits of the second byte (ffXY::, \
         Y): 1, 2, 5, 8, e; any other value reserved.",
    );
}

#[test]
fn ipv6_flags_do_not_change_the_scope() {
    // ff1X: a transient (temporary) group; ff3X: a group derived from a unicast prefix.
    check_scopes(
        &[
            ("ff12::1", Scope::LinkLocal),
            ("ff15::beef", Scope::SiteLocal),
            ("ff38::1234", Scope::OrganizationLocal),
            ("ff3e::8000:1", Scope::Global),
        ],
        "The high 4 bits of the second byte are flags (ff1X: transient, ff3X: from a unicast \
         prefix), not the scope: the scope is the low 4 bits, `octets[1] & 0x0f`.",
    );
}

#[test]
fn the_ticker_accepts_a_multicast_group() {
    let mut table = Table::new(
        "ticker_group() of each text",
        &["text", "expected", "your ticker_group()"],
    );
    for (text, group) in [
        ("239.255.78.78", "239.255.78.78"),
        (" ff15::78 \n", "ff15::78"),
    ] {
        let got = ticker_group(text);
        let right = got == Ok(address(group));
        table.row(
            vec![
                format!("{text:?}"),
                format!("Ok({group})"),
                format!("{got:?}"),
            ],
            right,
        );
    }
    table.check(
        "A multicast group, not for local network control, is the ticker's group; spaces and \
         a line end around it do not count (`trim`).",
    );
}

#[test]
fn the_ticker_refuses_what_is_not_a_group_and_says_why() {
    let mut table = Table::new(
        "ticker_group() of each text",
        &["text", "expected", "your ticker_group()"],
    );
    for (text, why) in [
        ("not-an-address", "not an address"),
        ("239.255.78", "not an address"),
        ("192.168.0.10", "not multicast"),
        ("240.1.2.3", "not multicast"),
        ("224.0.0.251", "local network control"),
    ] {
        let got = ticker_group(text);
        let right = got.as_ref().is_err_and(|error| !error.is_empty());
        table.row(
            vec![
                format!("{text:?}"),
                format!("Err(...): {why}"),
                format!("{got:?}"),
            ],
            right,
        );
    }
    table.check("Each is refused with an error that says, in a sentence, what is wrong.");
    let error = ticker_group("192.168.0.10").err().unwrap_or_default();
    if !error.contains("192.168.0.10") {
        fail(expected_got(
            "the error of ticker_group(\"192.168.0.10\")",
            "a sentence that names the address, 192.168.0.10",
            format!("{error:?}"),
        ));
    }
}
