//! O que o crate datagram diz pelos programas UDP e multicast: a linha de cada datagrama
//! recebido (stdout), o que o placar achou dele, o placar de cada execução, e a recusa de um
//! datagrama grande demais.

pub const PART: crate::text::Part = &[
    ("datagram.from", "de {from}  {size} bytes"),
    (
        "datagram.reordered",
        "fora de ordem: um posterior chegou antes",
    ),
    ("datagram.duplicate", "duplicado: este SEQ já tinha chegado"),
    (
        "datagram.set-aside",
        "deixado de lado: o SEQ dele não é confiável",
    ),
    ("datagram.of-not-believed", "o OF dele não é confiável"),
    ("datagram.doubt", "execução {run}: não confiável: {doubt}"),
    (
        "datagram.doubt.seq-too-large",
        "SEQ {seq} (acima de {limit}: deixado de lado)",
    ),
    (
        "datagram.doubt.total-too-large",
        "OF {total} (acima de {limit}: ignorado)",
    ),
    (
        "datagram.doubt.seq-beyond-total",
        "SEQ {seq} numa execução de OF {total} (SEQ conta a partir de 0, então fica abaixo de OF: deixado de lado)",
    ),
    (
        "datagram.doubt.total-not-above-seq",
        "OF {total} depois de SEQ {seq} (uma execução de {total} não tem SEQ {seq}: ignorado)",
    ),
    (
        "datagram.doubt.total-changed",
        "OF {now} numa execução de OF {was} (o total de uma execução não muda: ignorado)",
    ),
    (
        "datagram.score",
        "recebidos {received}, perdidos {lost}, fora de ordem {reordered}, duplicados {duplicated}",
    ),
    (
        "datagram.score-of",
        "recebidos {received} de {expected} enviados, perdidos {lost}, fora de ordem {reordered}, duplicados {duplicated}",
    ),
    ("datagram.lost-list", "perdidos: {list}"),
    ("datagram.and-more", "{list} ... e mais {more}"),
    ("datagram.not-believed", "não confiável: {doubt}"),
    (
        "datagram.not-believed-more",
        "não confiável: {doubt}, e mais {more}",
    ),
    // No Brasil a vírgula é a casa decimal: os milhares se separam com ponto (1.204).
    ("datagram.thousands-separator", "."),
    (
        "datagram.report",
        "datagramas: {datagrams}, bytes: {bytes}, sem o cabeçalho do curso: {unnumbered}",
    ),
    ("datagram.run", "execução {run}: {summary}"),
    (
        "datagram.too-long",
        "o sistema operacional recusou um datagrama deste tamanho: use um --size menor (o macOS limita os datagramas que saem a {macos_limit} bytes, a menos que você aumente o sysctl net.inet.udp.maxdgram)",
    ),
    (
        "datagram.does-not-fit",
        "uma carga útil (payload) de {len} bytes não cabe em um datagrama UDP: o máximo sobre {family} é {max} bytes",
    ),
    (
        "datagram.does-not-fit-hint",
        "{smaller}; dados maiores precisam ser divididos em vários datagramas (ou enviados por TCP, que é um fluxo de bytes)",
    ),
];
