//! The course's shared messages in Portuguese: a bind hint, address refusals as clap shows
//! them, the value parsers' reasons, why a receive loop stops. Each test runs again in a
//! process of its own with SOCKETS_LANG=pt-BR (testkit::speaking); the English forms are
//! checked by the unit tests beside the code.

use std::io;
use std::net::SocketAddr;

use clap::Parser;

fn failed(kind: io::ErrorKind) -> anyhow::Error {
    anyhow::Error::new(io::Error::from(kind)).context("bind 127.0.0.1:7878")
}

#[test]
fn a_bind_hint_in_portuguese() {
    if !testkit::speaking("pt-BR", "a_bind_hint_in_portuguese") {
        return;
    }
    let address: SocketAddr = "127.0.0.1:7878".parse().unwrap();
    let hint = |kind| course::trouble::bind_hint(&failed(kind), address, "outro tcp-echo-server");
    assert_eq!(
        hint(io::ErrorKind::AddrInUse),
        "outro servidor (talvez outro tcp-echo-server) está usando a porta 7878; pare-o ou \
         escolha outra porta com --port"
    );
    assert_eq!(
        hint(io::ErrorKind::AddrNotAvailable),
        "127.0.0.1 não é um endereço desta máquina; use --bind 127.0.0.1 (só esta máquina) ou \
         --bind 0.0.0.0 (todas as interfaces)"
    );
    assert_eq!(hint(io::ErrorKind::Other), "confira --bind e --port");
}

#[derive(Parser, Debug)]
#[command(name = "demo")]
struct Args {
    #[arg(long, value_parser = course::address::host)]
    host: Option<course::address::Host>,
    #[arg(long, value_parser = course::address::port)]
    port: Option<u16>,
    #[arg(long, value_parser = course::seconds)]
    timeout: Option<std::time::Duration>,
}

/// clap's line for a refused value, as `course::parse_args` writes it, and the refusal's hint.
fn refused(args: &[&str]) -> (String, String) {
    let error = Args::try_parse_from(args).unwrap_err();
    let rendered = error.render().to_string();
    let first = rendered.lines().next().unwrap_or_default();
    let line = course::help::usage_message(&error, first.strip_prefix("error: ").unwrap_or(first));
    let hint = std::error::Error::source(&error)
        .and_then(|source| source.downcast_ref::<course::address::AddressError>())
        .map_or_else(String::new, |refusal| refusal.hint().to_string());
    (line, hint)
}

#[test]
fn address_refusals_in_portuguese() {
    if !testkit::speaking("pt-BR", "address_refusals_in_portuguese") {
        return;
    }
    let (line, hint) = refused(&["demo", "--host", "1.2.3"]);
    assert_eq!(
        line,
        "valor inválido '1.2.3' para '--host <HOST>': 1.2.3 não é um endereço IPv4: tem 3 \
         números; um endereço IPv4 tem quatro números de 0 a 255, como 127.0.0.1"
    );
    assert_eq!(
        hint,
        "escreva os quatro números, em decimal, como 127.0.0.1; as regras antigas do sistema \
         (inet_aton) leriam 1.2.3 como 1.2.0.3"
    );
    let (line, hint) = refused(&["demo", "--host", "127.0.0.1:7878"]);
    assert_eq!(
        line,
        "valor inválido '127.0.0.1:7878' para '--host <HOST>': 127.0.0.1:7878 tem uma porta; \
         --host recebe só o host"
    );
    assert_eq!(
        hint,
        "informe a porta à parte: --host 127.0.0.1 --port 7878"
    );
    let (line, _) = refused(&["demo", "--port", "0"]);
    assert!(
        line.ends_with(
            "0 não está em 1..=65535: a porta 0 quer dizer \"qualquer porta livre\" no bind; \
             não dá para enviar nada a ela"
        ),
        "{line}"
    );
    // A single number, in the singular.
    let (message, _) = refused(&["demo", "--host", "2130706433"]);
    assert!(message.contains(": tem 1 número;"), "{message}");
}

#[test]
fn value_parsers_and_stop_reasons_in_portuguese() {
    if !testkit::speaking("pt-BR", "value_parsers_and_stop_reasons_in_portuguese") {
        return;
    }
    let (line, _) = refused(&["demo", "--timeout", "0"]);
    assert_eq!(
        line,
        "valor inválido '0' para '--timeout <TIMEOUT>': 0 não é um número de segundos acima de \
         0, como 2 ou 0.5"
    );
    assert_eq!(
        course::rate("fast").unwrap_err(),
        "fast não é uma taxa: datagramas por segundo, 0 para o mais rápido possível"
    );
    let stop = course::Stop::when(&|| false, Some(1), None);
    assert_eq!(
        stop.why(1).as_deref(),
        Some("1 datagrama recebido (--count)")
    );
    let stop = course::Stop::when(&|| false, Some(3), None);
    assert_eq!(
        stop.why(3).as_deref(),
        Some("3 datagramas recebidos (--count)")
    );
    let (message, hints) =
        course::describe(&course::check_multicast_group("10.1.2.3".parse().unwrap()).unwrap_err());
    assert_eq!(message, "10.1.2.3 não é um grupo multicast");
    assert_eq!(
        hints,
        [
            "os grupos multicast IPv4 vão de 224.0.0.0 a 239.255.255.255 (a classe D da aula); \
          experimente 239.255.78.78"
        ]
    );
}
