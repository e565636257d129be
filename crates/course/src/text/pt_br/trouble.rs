//! As dicas de erros que vários programas encontram (course::trouble), e as verificações do
//! grupo e da interface de um programa multicast (course::multicast_choice).

pub const PART: crate::text::Part = &[
    (
        "course.trouble.port-in-use",
        "outro servidor (talvez {holder}) está usando a porta {port}; pare-o ou escolha outra porta com --port",
    ),
    (
        "course.trouble.not-this-machine",
        "{ip} não é um endereço desta máquina; use --bind 127.0.0.1 (só esta máquina) ou --bind 0.0.0.0 (todas as interfaces)",
    ),
    (
        "course.trouble.windows-excluded-port",
        "o Windows reserva a porta {port} e não a deixa para os programas (`netsh interface ipv4 show excludedportrange protocol=tcp` lista as faixas; protocol=udp para UDP), ou outro programa a ocupa com exclusividade; escolha outra porta com --port",
    ),
    (
        "course.trouble.privileged-port",
        "as portas abaixo de 1024 são reservadas ao administrador; escolha outra com --port",
    ),
    (
        "course.trouble.check-bind-and-port",
        "confira --bind e --port",
    ),
    (
        "course.multicast.not-a-group",
        "{group} não é um grupo multicast",
    ),
    (
        "course.multicast.ipv4-groups",
        "os grupos multicast IPv4 vão de 224.0.0.0 a 239.255.255.255 (a classe D da aula); experimente {suggestion}",
    ),
    (
        "course.multicast.ipv6-groups",
        "os grupos multicast IPv6 começam com ff (ff00::/8); experimente ff02::7880 (escopo de enlace local)",
    ),
    (
        "course.multicast.link-local",
        "{group} está em 224.0.0.0/24, o multicast de enlace local reservado a protocolos como IGMP e OSPF; funciona neste enlace, mas prefira {suggestion} (239.0.0.0/8, de escopo administrativo, feito para as suas próprias aplicações)",
    ),
    ("course.multicast.index", "índice {index}"),
    (
        "course.multicast.index-for-ipv6",
        "--interface-index é para grupos IPv6; {group} é IPv4",
    ),
    (
        "course.multicast.index-for-ipv6-hint",
        "indique a interface IPv4 pelo endereço dela: --interface 127.0.0.1",
    ),
    (
        "course.multicast.interface-is-ipv4",
        "--interface {address} é um endereço IPv4; {group} é um grupo IPv6",
    ),
    (
        "course.multicast.interface-is-ipv4-hint",
        "o IPv6 identifica as interfaces por número: --interface-index N (`ip link` mostra N antes de cada nome)",
    ),
    (
        "course.multicast.needs-index",
        "um grupo IPv6 ({group}) precisa de --interface-index",
    ),
    (
        "course.multicast.needs-index-hint",
        "o IPv6 identifica as interfaces por número: `ip link` (Linux) mostra o número antes de cada nome; o loopback do Linux não leva multicast IPv6, então escolha uma interface real (ou rode scripts/lab-multicast-netns)",
    ),
];
