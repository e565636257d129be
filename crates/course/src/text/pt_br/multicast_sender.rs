//! multicast-sender: a ajuda, a narração, os erros e as dicas.

pub const PART: crate::text::Part = &[
    (
        "multicast-sender.about",
        "Envia datagramas numerados a um grupo multicast: cada ouvinte que entrou no grupo recebe uma cópia",
    ),
    (
        "multicast-sender.after-help",
        "Exemplo, em uma máquina só (três ouvintes, um remetente):
  cargo run -p multicast-listener        # nos terminais 1, 2 e 3
  cargo run -p multicast-sender          # no terminal 4
  cargo run -p multicast-sender -- --message \"olá, grupo\"

IPv6 (o loopback do Linux não leva multicast IPv6: use uma interface real e o número dela em `ip link`, ou veja funcionar nesta máquina com `sudo scripts/lab-multicast-netns`):
  cargo run -p multicast-listener -- --group ff02::7880 --interface-index 2
  cargo run -p multicast-sender -- --group ff02::7880 --interface-index 2",
    ),
    (
        "multicast-sender.arg.group",
        "O grupo de destino: IPv4 de 224.0.0.0 a 239.255.255.255, ou IPv6 ff00::/8",
    ),
    (
        "multicast-sender.arg.port",
        "A porta UDP em que os ouvintes fizeram bind",
    ),
    (
        "multicast-sender.arg.interface",
        "Grupos IPv4: o endereço da interface por onde os datagramas saem. 127.0.0.1 (loopback) os mantém nesta máquina; 0.0.0.0 deixa o sistema operacional escolher (pela rota até o grupo)",
    ),
    (
        "multicast-sender.arg.interface_index",
        "Grupos IPv6: o número da interface por onde os datagramas saem (`ip link` no Linux)",
    ),
    (
        "multicast-sender.arg.ttl",
        "Tempo de vida (TTL; no IPv6, limite de saltos): cada roteador tira 1 e só encaminha o que continua acima de 0. 1 não passa por nenhum roteador (só este enlace), N passa por até N-1; 0 não sai desta máquina",
    ),
    (
        "multicast-sender.arg.no_loop",
        "Desliga IP_MULTICAST_LOOP: os ouvintes desta máquina não recebem cópia do que sai por uma interface real (Linux, macOS; o Windows lê a opção no socket que recebe)",
    ),
    (
        "multicast-sender.arg.count",
        "Quantos datagramas enviar (padrão 10; 1 com --message; com --stdin, para depois de tantas linhas)",
    ),
    (
        "multicast-sender.arg.rate",
        "Datagramas por segundo; 0 envia o mais rápido possível",
    ),
    (
        "multicast-sender.arg.size",
        "O tamanho de cada datagrama em bytes (com o cabeçalho), preenchido com texto legível",
    ),
    (
        "multicast-sender.arg.message",
        "Envia este texto, depois do cabeçalho de numeração",
    ),
    (
        "multicast-sender.arg.stdin",
        "Envia cada linha lida da entrada padrão (stdin) como um datagrama (digite linhas e termine com Ctrl-D)",
    ),
    // A primeira coluna da narração, nas linhas que não são chamadas de socket (no máximo 8
    // caracteres).
    ("multicast-sender.label.option", "opção"),
    ("multicast-sender.label.warning", "aviso"),
    ("multicast-sender.label.note", "nota"),
    ("multicast-sender.label.done", "fim"),
    // O socket e as opções dele.
    ("multicast-sender.creating", "criando um socket UDP"),
    ("multicast-sender.binding", "ao fazer bind em {address}"),
    ("multicast-sender.reading-bound", "lendo o endereço do bind"),
    (
        "multicast-sender.bound",
        "{local} (socket UDP que envia para o grupo {group})",
    ),
    (
        "multicast-sender.choosing-interface",
        "escolhendo a interface {address} para multicast",
    ),
    (
        "multicast-sender.choosing-index",
        "escolhendo a interface de número {index} para multicast",
    ),
    (
        "multicast-sender.index-hint",
        "escolha o número de uma interface que esteja ativa (`ip link`)",
    ),
    ("multicast-sender.setting", "definindo {option}"),
    ("multicast-sender.reading", "lendo {option}"),
    (
        "multicast-sender.option-if-v4",
        "IP_MULTICAST_IF {address}: os datagramas para {group} saem por esta interface",
    ),
    (
        "multicast-sender.option-if-v6",
        "IPV6_MULTICAST_IF {index}: os datagramas para {group} saem pela interface {index}",
    ),
    (
        "multicast-sender.option-ttl",
        "{option} {ttl}, lido de volta do socket ({name} {ttl}: {meaning})",
    ),
    ("multicast-sender.hop-limit", "limite de saltos"),
    ("multicast-sender.ttl-0", "o datagrama nem sai desta máquina"),
    (
        "multicast-sender.ttl-1",
        "nenhum roteador o encaminha; ele fica neste enlace",
    ),
    (
        "multicast-sender.ttl-n",
        "até {routers} roteadores podem encaminhá-lo, se roteiam multicast",
    ),
    (
        "multicast-sender.loop-on",
        "ligado: os ouvintes desta máquina também recebem uma cópia",
    ),
    (
        "multicast-sender.loop-off",
        "desligado: os ouvintes desta máquina não recebem cópia",
    ),
    (
        "multicast-sender.loop-off-windows",
        "desligado: o Windows lê esta opção só nos sockets que recebem, então os ouvintes desta máquina ainda recebem uma cópia",
    ),
    (
        "multicast-sender.loop-note-linux",
        "mas os datagramas saem pela interface de loopback, cujo fio termina nesta máquina: o Linux os entrega mesmo assim aos ouvintes que entraram no grupo ali. A opção faz diferença em uma interface real (veja scripts/lab-multicast-netns)",
    ),
    // O envio.
    (
        "multicast-sender.stdin",
        "cada linha que você digita é um datagrama; termine com Ctrl-D (no Windows, Ctrl-Z e depois Enter)",
    ),
    ("multicast-sender.reading-stdin", "lendo a entrada padrão (stdin)"),
    ("multicast-sender.size-fits", "use --size {max} ou menos"),
    (
        "multicast-sender.line-fits",
        "envie uma mensagem ou linha mais curta",
    ),
    (
        "multicast-sender.sending",
        "enviando {bytes} bytes para {group} a partir de {local}",
    ),
    (
        "multicast-sender.sent",
        "{seq}({sent} bytes) para {group} de {local}",
    ),
    (
        "multicast-sender.rest-quiet",
        "... (o resto sem narração: --rate 0)",
    ),
    (
        "multicast-sender.done",
        "{datagrams}, {bytes} bytes enviados para {group} em {seconds} s. Multicast não tem confirmação: o remetente não tem como saber quem recebeu, nem se alguém recebeu",
    ),
    // Dicas.
    (
        "multicast-sender.interface-hint",
        "{address} precisa ser um endereço desta máquina: use --interface 127.0.0.1 para ficar nesta máquina, ou o endereço de uma interface real (`ip -br addr`, `ifconfig`, `ipconfig`)",
    ),
    (
        "multicast-sender.ipv6-bind-hint",
        "verifique se o IPv6 está habilitado nesta máquina",
    ),
    (
        "multicast-sender.no-route-hint",
        "não há rota para multicast por essa interface: use --interface 127.0.0.1 para ficar nesta máquina, ou o endereço de uma interface ativa",
    ),
    (
        "multicast-sender.no-listener-yet-hint",
        "nenhum programa desta máquina entrou ainda no grupo {group} na interface de loopback, e o Windows não envia nada para lá até que um entre: inicie os ouvintes primeiro (cargo run -p multicast-listener), depois o remetente",
    ),
    (
        "multicast-sender.send-hint",
        "verifique --interface (127.0.0.1 fica nesta máquina) e --group {group}",
    ),
];
