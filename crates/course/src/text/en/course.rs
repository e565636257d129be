//! What every program says alike: the report of an error, `--help`'s frame, usage mistakes.

pub const PART: crate::text::Part = &[
    ("course.error", "error"),
    ("course.hint", "hint"),
    (
        "course.arg.lang",
        "The language of the messages: en or pt-BR (default: SOCKETS_LANG, then the locale: LC_ALL, LC_MESSAGES, LANG)",
    ),
    (
        "course.lang.unknown",
        "{value} is not a language of the course: en or pt-BR",
    ),
    ("course.arg.help", "Print help"),
    ("course.arg.version", "Print version"),
    ("course.help.usage", "Usage:"),
    ("course.help.default", "[default: {value}]"),
    ("course.help.options-in-usage", "[OPTIONS]"),
    ("course.help.command-in-usage", "[COMMAND]"),
    ("course.help.command-required-in-usage", "<COMMAND>"),
    ("course.help.options", "Options"),
    ("course.help.arguments", "Arguments"),
    ("course.help.commands", "Commands"),
    (
        "course.usage.negative",
        "negative numbers are not valid here; every option and its values: {help}",
    ),
    (
        "course.usage.one-of",
        "one of: {valid}; every option and an example: {help}",
    ),
    (
        "course.usage.every-option",
        "every option, its values and an example: {help}",
    ),
    (
        "course.usage.invalid-value",
        "invalid value '{value}' for '{arg}'",
    ),
    (
        "course.usage.invalid-value-because",
        "invalid value '{value}' for '{arg}': {reason}",
    ),
    (
        "course.usage.unknown-argument",
        "unexpected argument '{arg}' found",
    ),
    (
        "course.usage.missing",
        "the following required arguments were not provided: {args}",
    ),
    (
        "course.usage.no-value",
        "a value is required for '{arg}' but none was supplied",
    ),
    (
        "course.usage.unknown-command",
        "unrecognized subcommand '{command}'",
    ),
    (
        "course.usage.missing-command",
        "a subcommand is required: {commands}",
    ),
    ("noun.byte", "{count} byte|{count} bytes"),
    ("noun.client", "{count} client|{count} clients"),
    ("noun.datagram", "{count} datagram|{count} datagrams"),
    (
        "noun.numbered datagram",
        "{count} numbered datagram|{count} numbered datagrams",
    ),
];
