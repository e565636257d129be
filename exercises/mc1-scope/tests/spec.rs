//! The spec of the group checks: tables of addresses and the scope each one has. A failure
//! shows the whole table, with the rows your code got wrong marked (the `speckit` helpers), in
//! English or in Portuguese: the sentences of this spec are in the module `words`, at the end.

use std::net::IpAddr;

use speckit::{Table, expected_got, fail};

use mc1_scope::{Scope, scope, ticker_group};

fn address(text: &str) -> IpAddr {
    text.parse()
        .unwrap_or_else(|_| fail(words::not_an_address_in_the_table(text)))
}

/// Checks `scope` on each address of `table`; `rule` says what the table is about.
fn check_scopes(table: &[(&str, Scope)], rule: &str) {
    let mut checked = Table::new(words::scope_of_each_address(), &words::scope_columns());
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
        &words::ipv4_multicast_is(),
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
        &words::ipv4_blocks(),
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
        &words::ipv6_scopes(),
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
        &words::ipv6_flags(),
    );
}

#[test]
fn the_ticker_accepts_a_multicast_group() {
    let mut table = Table::new(words::ticker_group_of_each_text(), &words::ticker_columns());
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
    table.check(&words::a_group_is_accepted());
}

#[test]
fn the_ticker_refuses_what_is_not_a_group_and_says_why() {
    let mut table = Table::new(words::ticker_group_of_each_text(), &words::ticker_columns());
    for (text, why) in [
        ("not-an-address", words::not_an_address()),
        ("239.255.78", words::not_an_address()),
        ("192.168.0.10", words::not_multicast()),
        ("240.1.2.3", words::not_multicast()),
        ("224.0.0.251", words::local_network_control()),
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
    table.check(&words::each_is_refused());
    let error = ticker_group("192.168.0.10").err().unwrap_or_default();
    if !error.contains("192.168.0.10") {
        fail(expected_got(
            &words::the_error_of_ticker_group(),
            words::a_sentence_that_names_the_address(),
            format!("{error:?}"),
        ));
    }
}

/// What this spec says, in English and in Portuguese (`en_pt!` gives the one of the run).
mod words {
    use speckit::en_pt;

    pub fn not_an_address_in_the_table(text: &str) -> String {
        en_pt!(
            "the spec's table holds {text:?}, not an address",
            "a tabela da especificação tem {text:?}, que não é um endereço"
        )
    }

    pub fn scope_of_each_address() -> String {
        en_pt!("scope() of each address", "scope() de cada endereço")
    }

    pub fn scope_columns() -> [String; 3] {
        [
            en_pt!("address", "endereço"),
            en_pt!("expected", "esperado"),
            en_pt!("your scope()", "sua scope()"),
        ]
    }

    pub fn ipv4_multicast_is() -> String {
        en_pt!(
            "IPv4 multicast is 224.0.0.0/4: a first byte from 224 to 239, no more (240 and up \
             are reserved, 255.255.255.255 is broadcast).",
            "Multicast IPv4 é 224.0.0.0/4: um primeiro byte de 224 a 239, nada além (de 240 em \
             diante é reservado, 255.255.255.255 é broadcast)."
        )
    }

    pub fn ipv4_blocks() -> String {
        en_pt!(
            "224.0.0.0/24 local network control, 232.0.0.0/8 source-specific, 239.0.0.0/8 \
             administratively scoped, any other group global.",
            "224.0.0.0/24 controle da rede local, 232.0.0.0/8 específico de origem \
             (source-specific), 239.0.0.0/8 de escopo administrativo, qualquer outro grupo \
             global."
        )
    }

    pub fn ipv6_scopes() -> String {
        en_pt!(
            "IPv6 multicast is ff00::/8; the scope is the low 4 bits of the second byte \
             (ffXY::, Y): 1, 2, 5, 8, e; any other value reserved.",
            "Multicast IPv6 é ff00::/8; o escopo são os 4 bits mais baixos do segundo byte \
             (ffXY::, Y): 1, 2, 5, 8, e; qualquer outro valor é reservado."
        )
    }

    pub fn ipv6_flags() -> String {
        en_pt!(
            "The high 4 bits of the second byte are flags (ff1X: transient, ff3X: from a \
             unicast prefix), not the scope: the scope is the low 4 bits, `octets[1] & 0x0f`.",
            "Os 4 bits mais altos do segundo byte são flags (ff1X: temporário, ff3X: derivado de \
             um prefixo unicast), não o escopo: o escopo são os 4 bits mais baixos, \
             `octets[1] & 0x0f`."
        )
    }

    pub fn ticker_group_of_each_text() -> String {
        en_pt!(
            "ticker_group() of each text",
            "ticker_group() de cada texto"
        )
    }

    pub fn ticker_columns() -> [String; 3] {
        [
            en_pt!("text", "texto"),
            en_pt!("expected", "esperado"),
            en_pt!("your ticker_group()", "sua ticker_group()"),
        ]
    }

    pub fn a_group_is_accepted() -> String {
        en_pt!(
            "A multicast group, not for local network control, is the ticker's group; spaces \
             and a line end around it do not count (`trim`).",
            "Um grupo multicast que não é de controle da rede local serve de grupo do ticker; \
             espaços e uma quebra de linha em volta dele não contam (`trim`)."
        )
    }

    pub fn not_an_address() -> String {
        en_pt!("not an address", "não é um endereço")
    }

    pub fn not_multicast() -> String {
        en_pt!("not multicast", "não é multicast")
    }

    pub fn local_network_control() -> String {
        en_pt!("local network control", "controle da rede local")
    }

    pub fn each_is_refused() -> String {
        en_pt!(
            "Each is refused with an error that says, in a sentence, what is wrong.",
            "Cada um é recusado com um erro que diz, numa frase, o que está errado."
        )
    }

    pub fn the_error_of_ticker_group() -> String {
        en_pt!(
            "the error of ticker_group(\"192.168.0.10\")",
            "o erro de ticker_group(\"192.168.0.10\")"
        )
    }

    pub fn a_sentence_that_names_the_address() -> String {
        en_pt!(
            "a sentence that names the address, 192.168.0.10",
            "uma frase que cita o endereço, 192.168.0.10"
        )
    }
}
