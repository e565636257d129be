//! wire: os pacotes por trás das chamadas de socket (crates/wire). Os termos dos protocolos
//! ficam como os protocolos os chamam, em qualquer idioma (SYN, ACK, len=, IGMPv3, port
//! unreachable, join, leave); as frases em volta deles são traduzidas.

pub const PART: crate::text::Part = &[
    // --help
    (
        "wire.about",
        "Lê uma captura de pacotes (pcap ou pcapng) e mostra cada pacote do tráfego do curso: as flags TCP com os números de sequência, os datagramas UDP com o SEQ deles, o ICMP port unreachable, os joins e leaves de IGMP e MLD. No Linux, também captura a interface de loopback ao vivo.",
    ),
    (
        "wire.after-help",
        "Mostrados por padrão: TCP e UDP de ou para as portas 7878-7881 ou para o grupo 239.255.78.78, os erros ICMP sobre eles, e IGMP e MLD.\n\nExemplo: capture uma troca TCP e depois leia:\n  sudo tcpdump -i lo -w tcp.pcap port 7878     (macOS: -i lo0)\n  cargo run -p tcp-echo-server\n  cargo run -p tcp-client\n  cargo run -p wire -- tcp.pcap\n\nAo vivo no Linux (root), ao lado dos mesmos programas:\n  cargo build -p wire && sudo target/debug/wire --live --count 10",
    ),
    (
        "wire.arg.file",
        "A captura a ler, como a gravam o tcpdump -w ou o Wireshark. Sem ela, no Linux, o wire captura a interface de loopback ao vivo (--live).",
    ),
    (
        "wire.arg.live",
        "Captura ao vivo na interface de loopback, lo (Linux; precisa de root ou CAP_NET_RAW).",
    ),
    (
        "wire.arg.write",
        "Com --live: grava também os pacotes mostrados neste arquivo pcapng.",
    ),
    (
        "wire.arg.count",
        "Para depois de mostrar esta quantidade de pacotes.",
    ),
    (
        "wire.arg.duration",
        "Com --live: para depois de tantos segundos.",
    ),
    (
        "wire.arg.all",
        "Mostra todos os pacotes, não só o tráfego do curso.",
    ),
    (
        "wire.arg.port",
        "Mostra só o TCP e o UDP desta porta, e os erros ICMP sobre ela (repita para mais portas).",
    ),
    (
        "wire.arg.mermaid",
        "Escreve um diagrama de sequência do mermaid (uma seta por pacote) em vez de uma linha por pacote. O diagrama é o mesmo em qualquer idioma.",
    ),
    // A primeira coluna da narração (no máximo 8 caracteres). `read` e `write` são chamadas.
    ("wire.label.stop", "fim"),
    ("wire.label.skip", "pula"),
    ("wire.label.summary", "resumo"),
    ("wire.label.skipped", "pulados"),
    ("wire.label.capture", "captura"),
    // A narração.
    ("wire.stop.stdout-closed", "stdout fechado"),
    ("wire.stop.count", "{shown} pacotes mostrados (--count)"),
    ("wire.stop.duration", "{seconds} s (--duration)"),
    ("wire.skip.packet", "pacote {number}: {reason}"),
    (
        "wire.skip.more",
        "(os próximos pacotes ilegíveis: contados no resumo)",
    ),
    (
        "wire.mermaid.left-out",
        "desenhou os primeiros {drawn} pacotes; mais {more} ficaram de fora (o mermaid recusa diagramas muito grandes)",
    ),
    ("wire.summary", "{read} pacotes lidos, {shown} mostrados"),
    ("wire.skipped", "{count}: {reason}"),
    (
        "wire.capture",
        "lo (interface {index}) com um packet socket: só o loopback (Ctrl-C para parar)",
    ),
    // As linhas dos pacotes (stdout), em volta das palavras dos próprios protocolos.
    (
        "wire.packet.fragment-of",
        "fragmento de um pacote do protocolo IP {protocol}",
    ),
    ("wire.packet.protocol", "protocolo IP {protocol}"),
    (
        "wire.packet.about",
        "{message}, em resposta a {word} {source} -> {destination} {details}",
    ),
    ("wire.packet.more-groups", "{text} e mais {more} grupos"),
    (
        "wire.packet.fragment",
        "fragmento IP id {id}: bytes {start}-{end}, vêm mais",
    ),
    (
        "wire.packet.last-fragment",
        "fragmento IP id {id}: bytes {start}-{end}, o último",
    ),
    ("wire.packet.no-flags", "sem flags"),
    ("wire.membership.join", "join {group}"),
    (
        "wire.membership.join-from",
        "join {group} de {sources} fontes",
    ),
    ("wire.membership.leave", "leave {group}"),
    ("wire.membership.member", "membro de {group}"),
    (
        "wire.membership.allow",
        "aceita {sources} fontes de {group}",
    ),
    (
        "wire.membership.block",
        "bloqueia {sources} fontes de {group}",
    ),
    ("wire.membership.query", "consulta sobre {group}"),
    (
        "wire.membership.query-all",
        "consulta sobre todos os grupos",
    ),
    ("wire.membership.unknown", "tipo {number}"),
    // Pacotes que não podem ser lidos: o motivo, contado no resumo.
    ("wire.unreadable.arp", "ARP, não IP"),
    ("wire.unreadable.ether-type", "EtherType {number}, não IP"),
    ("wire.unreadable.layer", "{layer} ilegível"),
    ("wire.unreadable.igmpv3", "relatório IGMPv3 ilegível"),
    ("wire.unreadable.cut-short", "{what} incompleto"),
    (
        "wire.unreadable.after-icmpv6",
        "{count} bytes depois do cabeçalho ICMPv6",
    ),
    (
        "wire.unreadable.header-cut",
        "cabeçalho {link} incompleto ({got} de {needed} bytes)",
    ),
    (
        "wire.unreadable.raw-version",
        "raw IP com a versão de IP {version}",
    ),
    ("wire.unreadable.empty", "quadro vazio"),
    (
        "wire.unreadable.bsd-family",
        "família {family} de BSD loopback, nem IPv4 nem IPv6",
    ),
    (
        "wire.unreadable.interface",
        "pacote na interface {interface}, que o arquivo nunca descreve",
    ),
    (
        "wire.unreadable.ends-inside",
        "o arquivo termina no meio deste pacote (a captura parou enquanto o gravava)",
    ),
    (
        "wire.hidden.course",
        "não é tráfego do curso (--all mostra todos os pacotes)",
    ),
    (
        "wire.hidden.ports",
        "não é da porta {ports} (--all mostra todos os pacotes)",
    ),
    ("wire.hidden", "escondido"),
    // Arquivos de captura.
    (
        "wire.how-to-capture",
        "capture um com `sudo tcpdump -i lo -w capture.pcap` (Linux; macOS: -i lo0), ou salve-o do Wireshark como pcap ou pcapng",
    ),
    ("wire.file.opening", "abrindo {name}"),
    ("wire.file.no-such", "arquivo inexistente; {how}"),
    (
        "wire.file.may-read",
        "confira o caminho e se você tem permissão para ler o arquivo",
    ),
    ("wire.file.reading", "lendo {name}"),
    ("wire.file.give", "dê ao wire um arquivo de captura; {how}"),
    (
        "wire.file.not-capture",
        "{name} não é um arquivo de captura: {what}",
    ),
    (
        "wire.file.not-capture.hint",
        "o wire lê arquivos pcap e pcapng; {how}",
    ),
    ("wire.file.bytes", "ele tem {count} bytes"),
    (
        "wire.file.signature",
        "ele começa com {bytes}, que não é a assinatura de um pcap nem de um pcapng",
    ),
    (
        "wire.file.header",
        "{name}: o cabeçalho {format} está danificado ou incompleto: {error}",
    ),
    (
        "wire.file.incomplete",
        "o arquivo pode estar incompleto; {how}",
    ),
    (
        "wire.file.damaged",
        "{name}: danificado depois do pacote {packets}: {error}",
    ),
    (
        "wire.file.too-long",
        "{name}: danificado no pacote {packet}: o cabeçalho dele diz {claimed} bytes, mais do que o limite desta captura, {snaplen} bytes por pacote; {left} bytes do arquivo não foram lidos",
    ),
    (
        "wire.file.damaged.hint",
        "os pacotes anteriores foram lidos; o resto do arquivo não pode mais ser encontrado. {how}",
    ),
    (
        "wire.file.links.hint",
        "o wire lê {links}: capture na interface de loopback (tcpdump -i lo, no macOS -i lo0) ou em any (tcpdump -i any)",
    ),
    (
        "wire.file.links",
        "Ethernet (lo do Linux), Linux cooked (tcpdump -i any: SLL, SLL2), BSD loopback (lo0 do macOS: NULL, LOOP) e raw IP",
    ),
    (
        "wire.file.link-unknown",
        "tipo de enlace {number}, que o wire não lê",
    ),
    (
        "wire.file.link-known",
        "tipo de enlace {number} ({name}), que o wire não lê",
    ),
    ("wire.file.ends-too-soon", "o arquivo termina cedo demais"),
    ("wire.file.invalid-field", "campo inválido ({field})"),
    ("wire.file.read-error", "lendo o arquivo: {error}"),
    // --write
    ("wire.save.creating", "criando {name}"),
    (
        "wire.save.creating.hint",
        "confira se a pasta existe e se você tem permissão para escrever nela",
    ),
    ("wire.save.writing", "escrevendo em {name}"),
    (
        "wire.save.other-link",
        "{name}: um quadro {frame} num arquivo {file}",
    ),
    // --live
    (
        "wire.live.linux-only",
        "a captura ao vivo é só para Linux; dê um ARQUIVO de captura para ler",
    ),
    (
        "wire.live.linux-only.hint",
        "{how}; depois: cargo run -p wire -- capture.pcap",
    ),
    (
        "wire.live.opening",
        "abrindo um packet socket (AF_PACKET) para capturar em lo",
    ),
    (
        "wire.live.drop-all",
        "instalando um filtro que descarta todos os quadros (SO_ATTACH_FILTER)",
    ),
    ("wire.live.emptying", "esvaziando o packet socket"),
    (
        "wire.live.keep-lo",
        "instalando o filtro que fica só com os quadros de lo (SO_ATTACH_FILTER)",
    ),
    (
        "wire.live.timestamps",
        "pedindo os horários do kernel (SO_TIMESTAMPNS)",
    ),
    ("wire.live.timeout", "configurando o timeout de leitura"),
    (
        "wire.live.no-packet-socket",
        "packet sockets só existem no Linux, para root ou CAP_NET_RAW; ou leia um arquivo de captura: cargo run -p wire -- ARQUIVO",
    ),
    (
        "wire.live.needs-root",
        "capturar exige root ou CAP_NET_RAW: rode `cargo build -p wire && sudo target/debug/wire --live`, ou, uma vez por compilação, `sudo setcap cap_net_raw=ep target/debug/wire` e depois `target/debug/wire --live`",
    ),
    (
        "wire.live.namespace",
        ", ou, sem sudo, dentro de um namespace de usuário e de rede com loopback próprio: `unshare --user --map-root-user --net sh -c 'ip link set lo up && target/debug/wire --live'` (rode os programas a observar nesse mesmo shell)",
    ),
    (
        "wire.live.no-namespace",
        " (este sistema proíbe namespaces de usuário sem privilégio, então o unshare não serve)",
    ),
];
