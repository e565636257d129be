//! O que o udp-relay diz: a ajuda, a narração, o resumo e os erros.

pub const PART: crate::text::Part = &[
    // --help
    (
        "udp-relay.about",
        "Retransmite datagramas UDP para um receptor e, a partir de uma semente, perde, duplica, \
         troca a ordem e atrasa datagramas do mesmo jeito a cada execução.",
    ),
    (
        "udp-relay.after-help",
        "O destino de cada datagrama depende só da semente e da ordem dos datagramas: a mesma \
         semente dá as mesmas perdas em qualquer máquina (semente 7, --loss 0.2: os datagramas \
         3, 4, 9 e 10 se perdem).\n\n\
         Exemplo, em três terminais:\n  \
         cargo run -p udp-receiver\n  \
         cargo run -p udp-relay -- --loss 0.2 --seed 7\n  \
         cargo run -p udp-sender -- --port 7881 --count 20 --rate 10",
    ),
    (
        "udp-relay.arg.bind",
        "O endereço IP local para onde os clientes enviam.",
    ),
    (
        "udp-relay.arg.port",
        "A porta UDP para onde os clientes enviam.",
    ),
    (
        "udp-relay.arg.to",
        "Para onde repassar: o endereço do receptor ([::1]:7879 para IPv6).",
    ),
    (
        "udp-relay.arg.loss",
        "A probabilidade (de 0 a 1) de um datagrama se perder.",
    ),
    (
        "udp-relay.arg.duplicate",
        "A probabilidade (de 0 a 1) de um datagrama ser enviado duas vezes.",
    ),
    (
        "udp-relay.arg.reorder",
        "A probabilidade (de 0 a 1) de um datagrama ficar retido e ser enviado logo depois do \
         próximo (ou depois de 1 s sem tráfego, ou quando o relay para).",
    ),
    (
        "udp-relay.arg.delay",
        "Milissegundos que cada datagrama repassado espera antes de ser enviado (no máximo \
         60000).",
    ),
    ("udp-relay.arg.seed", "A semente das decisões."),
    (
        "udp-relay.arg.impair_replies",
        "Prejudica também as respostas (do receptor para o cliente); por padrão elas passam \
         intactas.",
    ),
    (
        "udp-relay.arg.count",
        "Termina depois de receber esta quantidade de datagramas dos clientes.",
    ),
    (
        "udp-relay.arg.idle_timeout",
        "Termina depois deste número de segundos sem nenhum datagrama dos clientes.",
    ),
    (
        "udp-relay.not-a-probability",
        "{text} não é uma probabilidade entre 0 e 1 (0.2 quer dizer 20%)",
    ),
    // Os sockets.
    ("udp-relay.binding", "ao fazer bind em {addr}"),
    // Quem talvez já esteja com a porta, na dica de course::trouble::bind_hint.
    ("udp-relay.port-holder", "outro udp-relay"),
    ("udp-relay.reading-local-address", "lendo o endereço local"),
    (
        "udp-relay.bound-clients",
        "{local} (relay: os clientes enviam para cá; repassando para {upstream})",
    ),
    (
        "udp-relay.bound-upstream",
        "{local} (o lado do relay voltado para {upstream}: as respostas voltam para cá)",
    ),
    (
        "udp-relay.connecting",
        "conectando o socket do lado do receptor a {upstream}",
    ),
    (
        "udp-relay.to-hint",
        "--to recebe o HOST:PORT do receptor, por exemplo 127.0.0.1:7879",
    ),
    (
        "udp-relay.connected",
        "{upstream} a partir de {local} (UDP: nada é enviado; o SO avisa o relay se ninguém \
         escutar ali)",
    ),
    ("udp-relay.label-impair", "falhas"),
    (
        "udp-relay.impairments",
        "perda {loss}, duplicação {duplicate}, fora de ordem {reorder}, atraso {delay} ms, \
         semente {seed} ({directions})",
    ),
    ("udp-relay.both-directions", "nos dois sentidos"),
    (
        "udp-relay.requests-only",
        "só do cliente para o receptor; as respostas passam intactas",
    ),
    // Os datagramas.
    ("udp-relay.label-client", "cliente"),
    (
        "udp-relay.client",
        "{from} (as respostas de {upstream} voltam para lá)",
    ),
    ("udp-relay.label-reply", "resposta"),
    ("udp-relay.fate", "#{index}{seq} {bytes}: {fate}{delayed}"),
    ("udp-relay.fate-forwarded", "repassado"),
    ("udp-relay.fate-lost", "perdido"),
    (
        "udp-relay.fate-duplicated",
        "duplicado (enviado duas vezes)",
    ),
    (
        "udp-relay.fate-held",
        "retido para chegar fora de ordem (enviado depois do próximo)",
    ),
    ("udp-relay.delayed", ", atrasado {millis} ms"),
    (
        "udp-relay.released",
        "#{index}{seq} liberado (depois de um posterior)",
    ),
    (
        "udp-relay.still-delayed",
        "{datagrams} ainda por enviar, cada um na sua hora (Ctrl-C os descarta)",
    ),
    (
        "noun.delayed datagram",
        "{count} datagrama atrasado|{count} datagramas atrasados",
    ),
    (
        "udp-relay.never-reached",
        "SEQ {first} a {last} nunca chegaram ao relay (perdidos antes dele: o remetente é mais \
         rápido do que o relay consegue ler?)",
    ),
    (
        "udp-relay.setting-read-timeout",
        "definindo o timeout de leitura",
    ),
    ("udp-relay.receiving-on", "recebendo em {addr}"),
    ("udp-relay.send-failed", "o envio para {to} falhou: {error}"),
    (
        "udp-relay.no-client",
        "ainda não há cliente: resposta descartada",
    ),
    (
        "udp-relay.receive-failed",
        "o recebimento de {upstream} falhou: {error}",
    ),
    ("udp-relay.label-refused", "recusado"),
    (
        "udp-relay.refused-once",
        "{upstream} recusou: o receptor está rodando? (voltou um ICMP \"port unreachable\"; \
         dito uma vez, contado no fim)",
    ),
    // O fim.
    ("udp-relay.label-stop", "fim"),
    ("udp-relay.label-relayed", "repasse"),
    (
        "udp-relay.relayed",
        "{received} dos clientes; enviados para {upstream}: {sent}",
    ),
    ("udp-relay.relayed-failed", "; falharam no envio: {failed}"),
    (
        "udp-relay.relayed-dropped",
        "; atrasados descartados: {dropped} (o relay parou antes da hora deles)",
    ),
    (
        "udp-relay.refused-count",
        "{upstream} recusou {count} vez(es) (ICMP \"port unreachable\"): o receptor está \
         rodando?",
    ),
    // As linhas são as de datagram::Scoreboard::report: o placar que o receptor deve mostrar.
    ("udp-relay.label-expect", "esperado"),
];
