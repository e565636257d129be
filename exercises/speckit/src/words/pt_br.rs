//! Cada frase fixa das mensagens de falha das especificações, em português (Brasil).

use std::io;

use super::Words;
use crate::{count, quote, thousands};

pub struct PtBr;

impl Words for PtBr {
    fn io_meaning(&self, kind: io::ErrorKind) -> &'static str {
        use io::ErrorKind::*;
        match kind {
            WouldBlock | TimedOut => "a espera estourou o tempo limite (timeout)",
            UnexpectedEof => "o fluxo terminou antes da hora",
            ConnectionReset => {
                "a conexão foi resetada: o outro lado fechou o socket enquanto ainda chegavam \
                 bytes ou havia bytes não lidos"
            }
            ConnectionAborted => "a conexão foi abortada",
            BrokenPipe => "a conexão está fechada: o outro lado a fechou",
            NotConnected => "o socket não está mais conectado: o outro lado fechou a conexão",
            ConnectionRefused => "recusada: nada escuta nesse endereço e porta",
            AddrInUse => "o endereço já está em uso: outro socket ocupa essa porta",
            AddrNotAvailable => "esse endereço não é desta máquina",
            PermissionDenied => "permissão negada",
            InvalidInput => "entrada inválida",
            InvalidData => "os dados não são válidos",
            _ => "um erro de E/S",
        }
    }

    fn closed_without_sending(&self, step: &str, who: &str) -> String {
        format!("{step}: {who} fechou a conexão sem enviar nada")
    }

    fn closed_after(&self, step: &str, who: &str, got: &[u8], wanted: usize) -> String {
        format!(
            "{step}: {who} fechou a conexão depois de {} de {}: {}",
            thousands(got.len()),
            count(wanted, "byte"),
            quote(got)
        )
    }

    fn sent_nothing_within(&self, step: &str, who: &str, within: &str) -> String {
        format!("{step}: {who} não enviou nada {within}")
    }

    fn sent_only_within(
        &self,
        step: &str,
        who: &str,
        got: &[u8],
        wanted: usize,
        within: &str,
    ) -> String {
        format!(
            "{step}: {who} enviou só {} de {} {within}: {}",
            thousands(got.len()),
            count(wanted, "byte"),
            quote(got)
        )
    }

    fn failed_after(&self, step: &str, error: &str, got: &[u8]) -> String {
        format!(
            "{step}: {error}, depois de {}: {}",
            count(got.len(), "byte"),
            quote(got)
        )
    }

    fn closed_inside_a_line(&self, step: &str, who: &str, got: &[u8]) -> String {
        format!(
            "{step}: {who} fechou a conexão no meio de uma linha (sem \\n no fim): {}",
            quote(got)
        )
    }

    fn part_of_a_line_within(&self, step: &str, who: &str, got: &[u8], within: &str) -> String {
        format!(
            "{step}: {who} enviou só parte de uma linha {within} (ainda sem \\n): {}",
            quote(got)
        )
    }

    fn neither_more_nor_closed(&self, step: &str, who: &str, got: &[u8], within: &str) -> String {
        let so_far = if got.is_empty() {
            String::new()
        } else {
            format!(
                " (antes, enviou {}: {})",
                count(got.len(), "byte"),
                quote(got)
            )
        };
        format!("{step}: {who} não fechou a conexão nem enviou mais nada {within}{so_far}")
    }

    fn nothing_arrived_within(&self, step: &str, within: &str) -> String {
        format!("{step}: nada chegou {within}")
    }

    fn within(&self, limit: Option<String>) -> String {
        match limit {
            Some(limit) => format!("em {limit}"),
            None => "dentro do tempo limite".to_string(),
        }
    }

    fn did_not_return(&self, function: &str, within: &str, context: &str) -> String {
        format!("sua função `{function}` não retornou em {within}{context}")
    }

    fn panicked(&self, function: &str, message: &str) -> String {
        format!(
            "sua função `{function}` entrou em pânico (panic): {message} (a linha `panicked at` \
             acima diz onde)"
        )
    }

    fn returned_an_error(&self, function: &str, error: &str) -> String {
        format!("sua função `{function}` retornou um erro: {error}")
    }

    fn thread_for(&self, function: &str) -> String {
        format!("iniciando uma thread para a sua função `{function}`")
    }

    fn a_panic_without_a_message(&self) -> &'static str {
        "(um pânico sem mensagem)"
    }

    fn expected(&self) -> &'static str {
        "esperado:"
    }

    fn got(&self) -> &'static str {
        "obtido:"
    }

    fn wrong_row(&self) -> &'static str {
        "<- errado"
    }

    fn missing(&self) -> &'static str {
        "(faltando)"
    }

    fn nothing(&self) -> &'static str {
        "nada"
    }

    fn in_all(&self, len: usize) -> String {
        format!("({} no total)", count(len, "byte"))
    }

    fn differs_from_byte(&self, index: usize) -> String {
        format!(
            "eles diferem a partir do byte {} (contando de 0)",
            thousands(index)
        )
    }

    fn unit(&self, unit: &str, n: usize) -> String {
        let (one, many) = match unit {
            "byte" => ("byte", "bytes"),
            "zero byte" => ("byte zero", "bytes zero"),
            "frame" => ("quadro", "quadros"),
            "request" => ("requisição", "requisições"),
            "datagram" => ("datagrama", "datagramas"),
            "ping" => ("ping", "pings"),
            "quote" => ("cotação", "cotações"),
            "message" => ("mensagem", "mensagens"),
            "line" => ("linha", "linhas"),
            // A unit this table lacks: its English name, in the plural with an s.
            other => return super::en::En.unit(other, n),
        };
        if n == 1 { one } else { many }.to_string()
    }

    fn ordinal(&self, n: usize) -> String {
        format!("{n}º")
    }

    fn separators(&self) -> (char, char) {
        ('.', ',')
    }
}
