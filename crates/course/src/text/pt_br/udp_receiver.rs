//! O que o udp-receiver diz: a ajuda, a narração, o fim da linha de um datagrama em stdout, o
//! resumo e os erros.

pub const PART: crate::text::Part = &[
    // --help
    (
        "udp-receiver.about",
        "Recebe datagramas UDP, mostra cada um e mantém o placar de perdas, datagramas fora de \
         ordem e duplicados.",
    ),
    (
        "udp-receiver.after-help",
        "Termina com Ctrl-C, depois de --count datagramas ou depois de --idle-timeout segundos sem \
         nenhum datagrama, e mostra o placar.\n\n\
         Exemplo, em dois terminais:\n  \
         cargo run -p udp-receiver\n  \
         cargo run -p udp-sender -- --count 10 --rate 5\n\n\
         Um servidor que responde (cada datagrama volta para quem o enviou):\n  \
         cargo run -p udp-receiver -- --reply\n  \
         cargo run -p udp-sender -- --count 10 --rate 5 --wait-reply",
    ),
    (
        "udp-receiver.arg.bind",
        "O endereço IP local do bind (0.0.0.0 recebe em todas as interfaces).",
    ),
    (
        "udp-receiver.arg.port",
        "A porta UDP do bind (0: o SO escolhe uma).",
    ),
    (
        "udp-receiver.arg.count",
        "Termina depois de receber esta quantidade de datagramas.",
    ),
    (
        "udp-receiver.arg.idle_timeout",
        "Termina depois deste número de segundos sem nenhum datagrama.",
    ),
    (
        "udp-receiver.arg.recv_buffer",
        "Pede ao kernel um buffer de recepção (SO_RCVBUF) com este número de bytes: a fila onde \
         os datagramas esperam até o programa lê-los. Quando ela enche, o kernel descarta os \
         que chegam.",
    ),
    (
        "udp-receiver.arg.buffer",
        "O buffer do próprio programa para um datagrama, em bytes: um datagrama maior é cortado \
         e aparece como truncado.",
    ),
    (
        "udp-receiver.arg.reply",
        "Responde a cada datagrama: devolve os mesmos bytes com `send_to`, para o endereço que \
         `recv_from` deu (um servidor de eco UDP). `udp-sender --wait-reply` espera essas \
         respostas.",
    ),
    (
        "udp-receiver.arg.slow",
        "Ajuste para demonstração: dorme este número de milissegundos depois de cada datagrama \
         (no máximo 60000), para que um remetente rápido encha o buffer de recepção do kernel.",
    ),
    (
        "udp-receiver.arg.wait",
        "Ajuste para demonstração: faz o bind e espera um Enter (uma linha em stdin) antes de \
         ler qualquer coisa, para que os datagramas se acumulem no buffer de recepção do \
         kernel e o excesso seja descartado.",
    ),
    // O socket.
    ("udp-receiver.creating-socket", "criando um socket UDP"),
    (
        "udp-receiver.setting-rcvbuf",
        "definindo SO_RCVBUF como {bytes}",
    ),
    ("udp-receiver.binding", "ao fazer bind em {addr}"),
    // Quem talvez já esteja com a porta, na dica de course::trouble::bind_hint.
    ("udp-receiver.port-holder", "outro udp-receiver"),
    ("udp-receiver.reading-rcvbuf", "lendo SO_RCVBUF"),
    (
        "udp-receiver.reading-local-address",
        "lendo o endereço local",
    ),
    (
        "udp-receiver.bound",
        "{local} (UDP, buffer de recepção do kernel de {granted} bytes{loopback})",
    ),
    (
        "udp-receiver.loopback-only",
        "; loopback: só esta máquina pode enviar para ele; --bind 0.0.0.0 para todas as \
         interfaces",
    ),
    (
        "udp-receiver.setting-read-timeout",
        "definindo o timeout de leitura",
    ),
    ("udp-receiver.label-reply", "resposta"),
    (
        "udp-receiver.reply-on",
        "ligada: cada datagrama volta com send_to, para o endereço que recv_from dá",
    ),
    ("udp-receiver.label-stop", "fim"),
    (
        "udp-receiver.waiting",
        "esperando datagramas em {local} (Ctrl-C para parar)",
    ),
    (
        "udp-receiver.os-reported",
        "{kind} informado pelo SO (ignorado)",
    ),
    ("udp-receiver.receiving-on", "recebendo em {local}"),
    ("udp-receiver.stdout-closed", "stdout fechado"),
    // Cada datagrama.
    (
        "udp-receiver.truncated-line",
        "  truncado: datagrama maior que o buffer de {limit} bytes",
    ),
    ("udp-receiver.received", "{bytes} de {from}"),
    (
        "udp-receiver.received-last-narrated",
        "{bytes} de {from} (os próximos datagramas: só em stdout, e aqui uma contagem a cada \
         {every})",
    ),
    ("udp-receiver.so-far", "{datagrams} até agora"),
    ("udp-receiver.label-doubt", "dúvida"),
    (
        "udp-receiver.too-long-and-gone",
        "truncado: datagrama maior que o buffer de {limit} bytes (WSAEMSGSIZE)",
    ),
    (
        "udp-receiver.replied",
        "{bytes} para {to} (a resposta: os mesmos bytes, para o endereço que recv_from deu)",
    ),
    (
        "udp-receiver.reply-failed",
        "a resposta para {to} falhou: {error} (seguindo em frente)",
    ),
    // O resumo.
    ("udp-receiver.label-summary", "resumo"),
    (
        "udp-receiver.total",
        "{datagrams}, {bytes}, {unnumbered} sem o cabeçalho do curso",
    ),
    (
        "udp-receiver.truncated",
        "truncados {count} (datagramas maiores que o buffer de {limit} bytes)",
    ),
    (
        "udp-receiver.replied-to",
        "respondidos: {datagrams} (send_to, cada um para o endereço de onde veio)",
    ),
    (
        "noun.failed reply",
        "{count} resposta falhou|{count} respostas falharam",
    ),
    // As contagens do kernel.
    (
        "udp-receiver.granted",
        "foram pedidos {asked} bytes e o kernel concedeu {granted}{why}",
    ),
    (
        "udp-receiver.granted-linux",
        " (o Linux dobra o pedido para a própria contabilidade e o limita a 2 x \
         net.core.rmem_max)",
    ),
    (
        "udp-receiver.kernel-dropped-machine",
        "descartou {datagrams} deste socket (coluna drops de /proc/net/udp), RcvbufErrors \
         +{machine} na máquina toda (/proc/net/snmp); o receptor contou {lost} perdidos",
    ),
    (
        "udp-receiver.kernel-dropped",
        "descartou {datagrams} deste socket (coluna drops de /proc/net/udp); o receptor contou \
         {lost} perdidos",
    ),
    (
        "udp-receiver.kernel-unreadable",
        "não foi possível ler /proc/net/udp; tente: netstat -su",
    ),
    (
        "udp-receiver.kernel-elsewhere",
        "o receptor contou {lost} perdidos; o SO conta os descartes dele em `netstat -s -p udp` \
         (macOS: \"dropped due to full socket buffers\"; Windows: \"Receive Errors\")",
    ),
    (
        "udp-receiver.lost-before-socket",
        "{before} dos {lost} perdidos nunca chegaram a este socket: foram enviados antes do \
         bind, perdidos no caminho (pelo udp-relay ou pela rede), ou ainda não tinham sido \
         enviados quando o receptor parou",
    ),
    // Os ajustes para demonstração.
    ("udp-receiver.label-wait", "espera"),
    (
        "udp-receiver.wait",
        "sem ler até você apertar Enter: os datagramas se acumulam no buffer de {granted} bytes \
         do kernel, e o resto é descartado",
    ),
    ("udp-receiver.reading-now", "lendo agora"),
    ("udp-receiver.reading-stdin", "lendo stdin"),
];
