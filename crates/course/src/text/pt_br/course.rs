//! O que todo programa diz do mesmo jeito: o relato de um erro, a moldura do `--help`, os
//! erros de uso.

pub const PART: crate::text::Part = &[
    ("course.error", "erro"),
    ("course.hint", "dica"),
    (
        "course.arg.lang",
        "O idioma das mensagens: en ou pt-BR (padrão: SOCKETS_LANG, depois o locale: LC_ALL, LC_MESSAGES, LANG)",
    ),
    (
        "course.lang.unknown",
        "{value} não é um idioma do curso: en ou pt-BR",
    ),
    ("course.arg.help", "Mostra a ajuda"),
    ("course.arg.version", "Mostra a versão"),
    ("course.help.usage", "Uso:"),
    ("course.help.default", "[padrão: {value}]"),
    ("course.help.options-in-usage", "[OPÇÕES]"),
    ("course.help.command-in-usage", "[COMANDO]"),
    ("course.help.command-required-in-usage", "<COMANDO>"),
    ("course.help.options", "Opções"),
    ("course.help.arguments", "Argumentos"),
    ("course.help.commands", "Comandos"),
    (
        "course.usage.negative",
        "números negativos não valem aqui; todas as opções e seus valores: {help}",
    ),
    (
        "course.usage.one-of",
        "um destes: {valid}; todas as opções e um exemplo: {help}",
    ),
    (
        "course.usage.every-option",
        "todas as opções, seus valores e um exemplo: {help}",
    ),
    (
        "course.usage.invalid-value",
        "valor inválido '{value}' para '{arg}'",
    ),
    (
        "course.usage.invalid-value-because",
        "valor inválido '{value}' para '{arg}': {reason}",
    ),
    (
        "course.usage.unknown-argument",
        "argumento inesperado: '{arg}'",
    ),
    (
        "course.usage.missing",
        "faltam argumentos obrigatórios: {args}",
    ),
    (
        "course.usage.no-value",
        "'{arg}' precisa de um valor, e nenhum foi dado",
    ),
    (
        "course.usage.unknown-command",
        "subcomando desconhecido: '{command}'",
    ),
    (
        "course.usage.missing-command",
        "falta um subcomando: {commands}",
    ),
    ("noun.byte", "{count} byte|{count} bytes"),
    ("noun.client", "{count} cliente|{count} clientes"),
    ("noun.datagram", "{count} datagrama|{count} datagramas"),
    (
        "noun.numbered datagram",
        "{count} datagrama numerado|{count} datagramas numerados",
    ),
];
