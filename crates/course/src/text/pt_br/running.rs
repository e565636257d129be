//! O que um programa diz enquanto roda e quando termina, igual em todos os programas: por que
//! um laço de recepção para (course::Stop), um stdout fechado por quem o lia, narração
//! descartada porque ninguém lia o stderr.

pub const PART: crate::text::Part = &[
    ("course.stop.count", "{datagrams} (--count)"),
    (
        "course.stop.idle",
        "nada chegou em {seconds} s (--idle-timeout)",
    ),
    (
        "noun.datagram received",
        "{count} datagrama recebido|{count} datagramas recebidos",
    ),
    ("course.stdout-closed", "stdout fechado por quem o lia"),
    (
        "course.stdout-closed-stopping",
        "stdout fechado por quem o lia; parando",
    ),
    ("course.writing-stdout", "escrevendo no stdout"),
    (
        "course.narration.dropped",
        "{lines} aqui: ninguém lia o stderr, e o programa não espera por ele",
    ),
    (
        "noun.line of narration dropped",
        "{count} linha de narração descartada|{count} linhas de narração descartadas",
    ),
];
