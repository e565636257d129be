//! O que o udp-sender diz: a ajuda, a narração, os erros e as dicas.

pub const PART: crate::text::Part = &[
    // --help
    (
        "udp-sender.about",
        "Envia datagramas UDP para o udp-receiver: datagramas numerados, uma mensagem ou as \
         linhas de stdin.",
    ),
    (
        "udp-sender.after-help",
        "Sem um modo, envia 10 datagramas numerados, 2 por segundo (ou, quando stdin é um pipe, \
         um datagrama por linha de stdin).\n\n\
         Exemplo, em dois terminais:\n  \
         cargo run -p udp-receiver\n  \
         cargo run -p udp-sender -- --count 10 --rate 5\n\n\
         Esperando as respostas de um servidor que responde:\n  \
         cargo run -p udp-receiver -- --reply\n  \
         cargo run -p udp-sender -- --count 10 --rate 5 --wait-reply",
    ),
    (
        "udp-sender.arg.host",
        "O nome ou o endereço IP do receptor (IPv4 com quatro números, como 127.0.0.1).",
    ),
    ("udp-sender.arg.port", "A porta UDP do receptor."),
    (
        "udp-sender.arg.message",
        "Envia este texto como um único datagrama (sem cabeçalho) e termina.",
    ),
    (
        "udp-sender.arg.lines",
        "Envia cada linha digitada em stdin como um datagrama (sem cabeçalho), até o fim da \
         entrada.",
    ),
    (
        "udp-sender.arg.count",
        "Envia esta quantidade de datagramas numerados (cada um começa com uma linha de \
         cabeçalho `SEQ n OF count`).",
    ),
    (
        "udp-sender.arg.size",
        "O tamanho de cada datagrama numerado em bytes, com o cabeçalho (padrão: cabeçalho + um \
         texto curto). Abaixo do tamanho do cabeçalho (uns 50 bytes), o datagrama é só o \
         cabeçalho.",
    ),
    (
        "udp-sender.arg.rate",
        "Datagramas numerados por segundo; 0 envia o mais rápido possível.",
    ),
    (
        "udp-sender.arg.connect",
        "Usa um socket UDP conectado (`connect`, depois `send`): assim o kernel informa um ICMP \
         \"port unreachable\" como ConnectionRefused, em vez de ficar calado.",
    ),
    (
        "udp-sender.arg.wait_reply",
        "Depois de cada datagrama, espera a resposta dele por até este número de segundos (1 se \
         nenhum número for dado, no máximo 60), de um servidor que responde (`udp-receiver \
         --reply`).",
    ),
    (
        "udp-sender.wait-too-long",
        "{text} s é uma espera longa demais: no máximo 60",
    ),
    // O que não cabe em um datagrama: o fim da dica de datagram::check_fits.
    ("udp-sender.smaller-size", "use --size {max} ou menos"),
    (
        "udp-sender.shorter-message",
        "envie uma --message mais curta",
    ),
    ("udp-sender.shorter-line", "digite uma linha mais curta"),
    // O socket.
    ("udp-sender.binding", "ao fazer bind em {local}"),
    (
        "udp-sender.no-free-port",
        "nenhuma porta local livre? feche outros programas e tente de novo",
    ),
    ("udp-sender.reading-local-address", "lendo o endereço local"),
    (
        "udp-sender.bound",
        "{bound} (pedida a porta 0: o SO escolheu a porta efêmera {port})",
    ),
    ("udp-sender.connecting", "conectando o socket UDP a {to}"),
    (
        "udp-sender.connected",
        "{local} -> {to} (UDP: sem handshake, nada enviado ainda)",
    ),
    ("udp-sender.label-note", "nota"),
    (
        "udp-sender.note",
        "o UDP não sabe dizer se algo chegou: um envio retorna Ok quando o kernel aceitou o \
         datagrama, não quando alguém o recebeu",
    ),
    ("udp-sender.sending", "enviando {bytes} para {to}"),
    (
        "udp-sender.sent",
        "{bytes} para {to}: {label} (Ok: o kernel aceitou)",
    ),
    (
        "udp-sender.setting-read-timeout",
        "definindo o timeout de leitura",
    ),
    (
        "udp-sender.lost-either-way",
        "o datagrama ou a resposta dele se perdeu (o UDP não sabe dizer qual)",
    ),
    (
        "udp-sender.nobody-listens",
        "ninguém escuta ali (ICMP \"port unreachable\")",
    ),
    (
        "udp-sender.waiting-for-reply",
        "esperando uma resposta de {to}",
    ),
    (
        "udp-sender.icmp-refusal",
        "{kind}: o kernel recebeu um ICMP \"port unreachable\" de {to}",
    ),
    (
        "udp-sender.refused",
        "{to} recusou os datagramas (socket UDP conectado)",
    ),
    (
        "udp-sender.no-refusal",
        "nenhum erro informado sobre {to} em 300 ms (talvez algo escute ali)",
    ),
    // Os modos.
    (
        "udp-sender.stdin-terminal",
        "digite linhas: cada uma é um datagrama; termine com Ctrl-D (no Windows, Ctrl-Z e \
         depois Enter)",
    ),
    (
        "udp-sender.stdin-pipe",
        "não é um terminal: cada linha lida dele é um datagrama (--count envia datagramas \
         numerados no lugar)",
    ),
    ("udp-sender.reading-stdin", "lendo stdin"),
    ("udp-sender.label-done", "pronto"),
    (
        "udp-sender.sent-lines",
        "total enviado: {datagrams} (um por linha)",
    ),
    ("udp-sender.label-run", "execução"),
    (
        "udp-sender.run",
        "{datagrams}, RUN {run}, {size}, {pace}{wait}",
    ),
    ("udp-sender.run-size", "{bytes} cada"),
    (
        "udp-sender.run-size-default",
        "cabeçalho e um texto curto cada",
    ),
    ("udp-sender.run-rate", "{rate} por segundo"),
    (
        "udp-sender.run-as-fast",
        "o mais rápido que o laço consegue (os envios não são narrados um a um)",
    ),
    (
        "udp-sender.run-wait",
        ", cada um esperando a resposta por até {wait}",
    ),
    (
        "udp-sender.sent-numbered",
        "total enviado: {datagrams}, {bytes} em {seconds} s: {per_second} datagramas/s, \
         {megabytes} MB/s",
    ),
    // As respostas (--wait-reply).
    ("udp-sender.reply-to-seq", "a resposta ao SEQ {seq}"),
    ("udp-sender.reply-unnumbered", "a resposta, {payload}"),
    ("udp-sender.reply-after", "{what}, depois de {waited}"),
    (
        "udp-sender.reply-late",
        "a resposta ao SEQ {seq}, atrasada: a espera por ela já tinha acabado",
    ),
    (
        "udp-sender.reply-again",
        "a resposta ao SEQ {seq} de novo: uma duplicata (ignorada)",
    ),
    (
        "udp-sender.reply-unrelated",
        "não é resposta a nada que esta execução enviou (ignorado)",
    ),
    (
        "udp-sender.reply-stranger",
        "não vem do endereço para onde os datagramas foram, então não é uma resposta (ignorado)",
    ),
    ("udp-sender.reply-received", "{bytes} de {from}: {said}"),
    (
        "udp-sender.no-reply",
        "nenhuma resposta para {what} em {wait}: {why}",
    ),
    ("udp-sender.label-replies", "retornos"),
    (
        "udp-sender.replies",
        "{came_back} de {asked} voltaram em até {wait}",
    ),
    (
        "udp-sender.replies-none-for",
        "; nenhuma resposta para {list}",
    ),
    ("udp-sender.replies-more", " ... e mais {more}"),
    (
        "udp-sender.replies-lost",
        " (o datagrama ou a resposta dele se perdeu: o UDP não sabe dizer qual)",
    ),
    (
        "udp-sender.replies-late",
        "; atrasadas, depois da espera: {count}",
    ),
    ("udp-sender.replies-duplicated", "; duplicadas: {count}"),
    (
        "udp-sender.replies-strangers",
        "; de outros endereços, ignoradas: {count}",
    ),
    // Dicas.
    (
        "udp-sender.check-address",
        "confira o endereço e a porta (--host, --port)",
    ),
    (
        "udp-sender.refused-here",
        "nada escuta em {to}: inicie o receptor primeiro (cargo run -p udp-receiver), ou tire o \
         --connect para enviar às cegas",
    ),
    (
        "udp-sender.refused-remote",
        "nada escuta em {to} para outras máquinas: um receptor ligado a 127.0.0.1 (o padrão \
         dele) só ouve a própria máquina; inicie-o com --bind 0.0.0.0 (cargo run -p \
         udp-receiver -- --bind 0.0.0.0), ou tire o --connect para enviar às cegas",
    ),
];
