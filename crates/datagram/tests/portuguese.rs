//! The datagram crate's lines in Portuguese: the score of a run (thousands with a dot, as
//! Brazil writes them), a number not believed, the line of a datagram, the refusal of a payload
//! too large. Each test runs again in a process of its own with SOCKETS_LANG=pt-BR
//! (testkit::speaking); the English forms are checked by the unit tests beside the code.

use std::net::SocketAddr;

use course::lang::Lang;
use datagram::{Header, RunScore, Scoreboard};

fn header(seq: u64, total: Option<u64>) -> Header {
    Header {
        seq,
        total,
        run: 0x5f2c,
        sent_micros: 1_764_000_000_123_456,
    }
}

fn summary(headers: &[(u64, Option<u64>)]) -> String {
    let mut run = RunScore::default();
    for &(seq, total) in headers {
        run.record(&header(seq, total));
    }
    run.summary().to_string()
}

#[test]
fn a_score_summary_in_portuguese() {
    if !testkit::speaking("pt-BR", "a_score_summary_in_portuguese") {
        return;
    }
    let ten = Some(10);
    let arrived: Vec<(u64, Option<u64>)> = [0, 1, 2, 4, 6, 7, 8, 6].map(|seq| (seq, ten)).into();
    assert_eq!(
        summary(&arrived),
        "recebidos 8 de 10 enviados, perdidos 3, fora de ordem 0, duplicados 1 (perdidos: 3, 5, 9)"
    );
    assert_eq!(
        summary(&[(0, None), (2, None), (1, None)]),
        "recebidos 3, perdidos 0, fora de ordem 1, duplicados 0"
    );
    assert_eq!(
        summary(&[(0, Some(100_000_000))]),
        "recebidos 1 de 100000000 enviados, perdidos 99999999, fora de ordem 0, duplicados 0 \
         (perdidos: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 ... e \
         mais 99.999.979)"
    );
    assert_eq!(
        summary(&[(0, Some(u64::MAX)), (1, None)]),
        "recebidos 2, perdidos 0, fora de ordem 0, duplicados 0; não confiável: OF \
         18446744073709551615 (acima de 1.000.000.000: ignorado)"
    );
    assert_eq!(
        summary(&[(0, Some(4)), (1, Some(9)), (2, Some(7))]),
        "recebidos 3 de 4 enviados, perdidos 1, fora de ordem 0, duplicados 0 (perdidos: 3); não \
         confiável: OF 9 numa execução de OF 4 (o total de uma execução não muda: ignorado), e \
         mais 1"
    );
}

#[test]
fn a_receivers_lines_in_portuguese() {
    if !testkit::speaking("pt-BR", "a_receivers_lines_in_portuguese") {
        return;
    }
    let from: SocketAddr = "127.0.0.1:50000".parse().unwrap();
    let mut board = Scoreboard::default();
    let shown = board.show(from, b"hi\n");
    assert_eq!(shown.line, "de 127.0.0.1:50000      3 bytes  \"hi\\n\"");
    board.show(from, &header(1, Some(2)).datagram(b""));
    let late = board.show(from, &header(0, Some(2)).datagram(b""));
    assert!(
        late.line
            .ends_with("  (fora de ordem: um posterior chegou antes)"),
        "{}",
        late.line
    );
    let lie = board.show(from, &header(u64::MAX, None).datagram(b""));
    assert!(
        lie.line
            .ends_with("  (deixado de lado: o SEQ dele não é confiável)"),
        "{}",
        lie.line
    );
    assert_eq!(
        lie.doubt.as_deref(),
        Some(
            "execução 5f2c: não confiável: SEQ 18446744073709551615 (acima de 1.000.000.000: \
             deixado de lado)"
        )
    );
    let bytes = board.bytes;
    let report = board.report();
    assert_eq!(
        datagram::run_line(Lang::PtBr, &report[1]).map(|(run, _)| run),
        Some(0x5f2c)
    );
    assert_eq!(
        report,
        [
            format!("datagramas: 4, bytes: {bytes}, sem o cabeçalho do curso: 1"),
            "execução 5f2c: recebidos 3 de 2 enviados, perdidos 0, fora de ordem 1, duplicados 0; \
             não confiável: SEQ 18446744073709551615 (acima de 1.000.000.000: deixado de lado)"
                .to_string(),
        ]
    );
}

#[test]
fn a_payload_too_large_in_portuguese() {
    if !testkit::speaking("pt-BR", "a_payload_too_large_in_portuguese") {
        return;
    }
    let to: SocketAddr = "127.0.0.1:7879".parse().unwrap();
    let refused = datagram::check_fits(70_000, &to, |max| format!("use --size {max} ou menos"));
    let (message, hints) = course::describe(&refused.unwrap_err());
    assert_eq!(
        message,
        "uma carga útil (payload) de 70000 bytes não cabe em um datagrama UDP: o máximo sobre \
         IPv4 é 65507 bytes"
    );
    assert_eq!(
        hints,
        [
            "use --size 65507 ou menos; dados maiores precisam ser divididos em vários datagramas \
          (ou enviados por TCP, que é um fluxo de bytes)"
        ]
    );
}
