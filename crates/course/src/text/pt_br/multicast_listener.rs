//! multicast-listener: a ajuda, a narração, os erros e as dicas.

pub const PART: crate::text::Part = &[
    (
        "multicast-listener.about",
        "Entra em um grupo multicast e mostra cada datagrama enviado a ele, com o placar da sequência de cada remetente. Rode vários: cada um recebe a sua própria cópia de cada datagrama",
    ),
    (
        "multicast-listener.after-help",
        "Exemplo, em uma máquina só (três ouvintes, um remetente):
  cargo run -p multicast-listener        # nos terminais 1, 2 e 3
  cargo run -p multicast-sender          # no terminal 4

IPv6 (o loopback do Linux não leva multicast IPv6: use uma interface real e o número dela em `ip link`, ou veja funcionar nesta máquina com `sudo scripts/lab-multicast-netns`):
  cargo run -p multicast-listener -- --group ff02::7880 --interface-index 2
  cargo run -p multicast-sender -- --group ff02::7880 --interface-index 2",
    ),
    (
        "multicast-listener.arg.group",
        "O grupo em que entrar: IPv4 de 224.0.0.0 a 239.255.255.255, ou IPv6 ff00::/8",
    ),
    (
        "multicast-listener.arg.port",
        "A porta UDP para onde os datagramas do grupo são enviados",
    ),
    (
        "multicast-listener.arg.interface",
        "Grupos IPv4: o endereço da interface em que entrar no grupo. 127.0.0.1 (loopback) mantém tudo nesta máquina; 0.0.0.0 deixa o sistema operacional escolher (a interface da rota)",
    ),
    (
        "multicast-listener.arg.interface_index",
        "Grupos IPv6: o número da interface em que entrar no grupo (`ip link` no Linux, `netsh interface ipv6 show interfaces` no Windows, `ifconfig` no macOS); 0 deixa o sistema operacional escolher (Linux, Windows; o macOS recusa)",
    ),
    (
        "multicast-listener.arg.count",
        "Para depois de tantos datagramas",
    ),
    (
        "multicast-listener.arg.idle_timeout",
        "Para quando nada chega por tantos segundos",
    ),
    // A primeira coluna da narração, nas linhas que não são chamadas de socket (no máximo 8
    // caracteres).
    ("multicast-listener.label.option", "opção"),
    ("multicast-listener.label.warning", "aviso"),
    ("multicast-listener.label.doubt", "dúvida"),
    ("multicast-listener.label.stop", "fim"),
    ("multicast-listener.label.summary", "resumo"),
    ("multicast-listener.label.note", "nota"),
    // O socket, a porta e o grupo.
    ("multicast-listener.creating", "criando um socket UDP"),
    ("multicast-listener.setting", "definindo {option}"),
    ("multicast-listener.binding", "ao fazer bind em {address}"),
    ("multicast-listener.reading-bound", "lendo o endereço do bind"),
    (
        "multicast-listener.bound",
        "{local} (UDP, endereço curinga; SO_REUSEADDR{reuse_port}: outros ouvintes podem compartilhar a porta {port})",
    ),
    (
        "multicast-listener.joining-v4",
        "entrando no grupo {group} na interface {interface}",
    ),
    (
        "multicast-listener.joining-v6",
        "entrando no grupo {group} na interface de número {index}",
    ),
    (
        "multicast-listener.member",
        "grupo {group} na interface {interface}",
    ),
    ("multicast-listener.turning-off", "desligando {option}"),
    (
        "multicast-listener.multicast-all-off",
        "{option} desligado: só os grupos em que este socket entrou (Linux)",
    ),
    // O recebimento.
    (
        "multicast-listener.setting-timeout",
        "definindo um timeout (tempo limite) de leitura",
    ),
    (
        "multicast-listener.waiting",
        "esperando datagramas para {group} porta {port}; Ctrl-C para parar",
    ),
    ("multicast-listener.receiving", "recebendo em {local}"),
    ("multicast-listener.stdout-closed", "stdout fechado"),
    ("multicast-listener.leaving", "saindo do grupo {group}"),
    // Dicas.
    (
        "multicast-listener.port-holder",
        "um udp-receiver, que não compartilha a porta (SO_REUSEADDR)",
    ),
    (
        "multicast-listener.bind-hint",
        "o ouvinte faz bind no endereço curinga {address} com a porta do grupo: verifique --port",
    ),
    (
        "multicast-listener.not-this-machine",
        "{interface} não é um endereço desta máquina",
    ),
    (
        "multicast-listener.no-route",
        "com 0.0.0.0 o sistema operacional usa a interface da rota até o grupo, e não há nenhuma",
    ),
    (
        "multicast-listener.no-such-interface",
        "nenhuma interface com multicast tem o endereço {interface}",
    ),
    (
        "multicast-listener.join-hint-v4",
        "{problem}; use --interface 127.0.0.1 para ficar nesta máquina, ou o endereço de uma interface real (`ip -br addr`, `ifconfig`, `ipconfig`) nos dois programas",
    ),
    (
        "multicast-listener.index-0-hint",
        "0 pede ao sistema operacional que escolha a interface, e o macOS recusa isso: dê o número de uma interface real (no macOS, `ifconfig` mostra o número como scopeid: 0x6 é 6; `ip link` no Linux; `netsh interface ipv6 show interfaces` no Windows)",
    ),
    (
        "multicast-listener.join-hint-v6",
        "a interface {index} não pode entrar em grupos IPv6 aqui; escolha o número de uma interface ativa e com a flag MULTICAST (`ip link`); o loopback do Linux (lo) não leva multicast IPv6",
    ),
    (
        "multicast-listener.nothing-heard",
        "nada chegou. Este ouvinte entrou no grupo na interface de loopback ({address}) e só ouve remetentes desta máquina; para ouvir outras máquinas, entre no grupo pelo endereço de rede desta máquina: --interface <endereço na LAN> (`ip -br addr`, `ifconfig`, `ipconfig`), com o remetente no endereço dele",
    ),
];
