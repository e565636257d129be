//! O que o curso diz sobre o que o estudante digita onde vai um endereço, uma porta, um número
//! de segundos ou uma taxa (course::address, course::seconds, course::rate): a recusa, que é a
//! linha de erro do clap, e a dica dela.

pub const PART: crate::text::Part = &[
    (
        "course.address.ipv6-or-port",
        "{text} é um endereço IPv6, ou {head} com a porta {port}",
    ),
    (
        "course.address.ipv6-or-port-hint",
        "para a porta: --host {head} --port {port}; para o endereço {text}, escreva-o entre colchetes: --host [{text}]",
    ),
    (
        "course.address.host-port-form",
        "escreva HOST:PORT, como 127.0.0.1:7879, [::1]:7879 ou localhost:7879",
    ),
    (
        "course.address.no-port-after-bracket",
        "falta a porta depois de [{ip}]",
    ),
    (
        "course.address.write-bracket-port",
        "escreva [{ip}]:PORT, como [{ip}]:7879",
    ),
    ("course.address.no-port", "falta a porta em {text}"),
    (
        "course.address.add-port",
        "acrescente a porta: {text}:PORT, como {text}:7879",
    ),
    ("course.address.no-host", "falta o host antes da porta"),
    (
        "course.address.no-host-hint",
        "escreva HOST:PORT, como 127.0.0.1:{port}",
    ),
    (
        "course.address.ipv6-needs-brackets",
        "um endereço IPv6 precisa de colchetes quando vem uma porta depois dele",
    ),
    (
        "course.address.ipv6-needs-brackets-hint",
        "escreva [{head}]:{port} para {head} na porta {port}; ou, se {text} for o endereço inteiro, [{text}]:PORT",
    ),
    (
        "course.address.no-port-after-ipv6",
        "falta a porta depois do endereço IPv6 {text}",
    ),
    ("course.address.not-host-port", "{text} não é HOST:PORT"),
    (
        "course.address.port-zero",
        "0 não está em 1..=65535: a porta 0 quer dizer \"qualquer porta livre\" no bind; não dá para enviar nada a ela",
    ),
    (
        "course.address.port-zero-hint",
        "informe a porta em que o outro programa fez bind (a primeira linha dele mostra); o curso usa 7878 para TCP e 7879 para UDP",
    ),
    (
        "course.address.not-a-port",
        "{text} não é uma porta: uma porta é um número de 1 a 65535",
    ),
    (
        "course.address.not-a-port-hint",
        "o curso usa 7878 para TCP e 7879 para UDP; um programa iniciado na porta 0 mostra a porta dele na primeira linha",
    ),
    ("course.address.what-ip", "um endereço IP desta máquina"),
    (
        "course.address.what-group",
        "o endereço IP de um grupo (IPv6: ff02::7880)",
    ),
    (
        "course.address.what-ipv4",
        "o endereço IPv4 de uma das interfaces desta máquina",
    ),
    (
        "course.address.ipv6-not-ipv4",
        "{ip} é um endereço IPv6; esta opção recebe um endereço IPv4",
    ),
    (
        "course.address.interface-by-number",
        "o IPv6 identifica as interfaces por número: --interface-index N",
    ),
    (
        "course.address.resolve-hint",
        "confira como se escreve {name}, ou informe um endereço IP como 127.0.0.1",
    ),
    ("course.address.resolving", "resolvendo {name}"),
    (
        "course.address.no-address-found",
        "resolvendo {name}: nenhum endereço encontrado",
    ),
    (
        "course.address.has-a-port",
        "{text} tem uma porta; esta opção recebe só {what}",
    ),
    (
        "course.address.address-alone",
        "informe só o endereço, como {example}; a porta vai em --port",
    ),
    (
        "course.address.is-a-name",
        "{name} é um nome; esta opção recebe {what}",
    ),
    (
        "course.address.give-ip",
        "informe um endereço IP, como {example}",
    ),
    (
        "course.address.brackets-for-ipv6",
        "colchetes são para endereços IPv6; escreva {ip} sem eles",
    ),
    (
        "course.address.ipv6-form",
        "um endereço IPv6 se escreve como ::1 ou 2001:db8::1",
    ),
    ("course.address.not-ipv6", "{text} não é um endereço IPv6"),
    ("course.address.no-host-given", "nenhum host informado"),
    (
        "course.address.give-ip-or-a-name",
        "informe um endereço IP como {example}, ou um nome como localhost",
    ),
    (
        "course.address.last-part-number",
        "{text} não é um nome de host: a última parte, {last}, é um número",
    ),
    (
        "course.address.give-ip-or-host-name",
        "informe um endereço IP como {example}, ou um nome de host como localhost",
    ),
    (
        "course.address.contains",
        "{text} não é um nome de host nem um endereço IP: contém {what}",
    ),
    (
        "course.address.contains-colon",
        "':' (endereços IPv6 se escrevem como ::1, e a porta vai em --port)",
    ),
    (
        "course.address.give-ip-or-ipv6-or-host-name",
        "informe um endereço IP como {example} ou ::1, ou um nome de host como localhost",
    ),
    (
        "course.address.empty-part-in-name",
        "{text} não é um nome de host: tem uma parte vazia entre pontos",
    ),
    (
        "course.address.name-too-long",
        "{text} não é um nome de host: longo demais (253 caracteres, 63 entre pontos)",
    ),
    ("course.address.ends-with-a-dot", "termina com um ponto"),
    (
        "course.address.empty-part",
        "tem uma parte vazia entre pontos",
    ),
    ("course.address.how-many-numbers", "tem {numbers}"),
    ("course.address.hexadecimal", "{part} é hexadecimal"),
    ("course.address.leading-zero", "{part} começa com 0"),
    (
        "course.address.not-a-byte",
        "{part} não é um número de 0 a 255",
    ),
    (
        "course.address.not-ipv4",
        "{text} não é um endereço IPv4: {reason}; um endereço IPv4 tem quatro números de 0 a 255, como {example}",
    ),
    (
        "course.address.old-rules",
        "; as regras antigas do sistema (inet_aton) leriam {text} como {read}",
    ),
    (
        "course.address.octal-or-decimal",
        "escreva {decimal} (decimal), ou {read} (o que as regras antigas do sistema, inet_aton, leem: um 0 no início quer dizer octal)",
    ),
    ("course.address.write-decimal", "escreva {decimal}{old}"),
    (
        "course.address.write-four-numbers",
        "escreva os quatro números, em decimal, como {example}{old}",
    ),
    (
        "course.address.port-in-host",
        "{host}:{port} tem uma porta; --host recebe só o host",
    ),
    (
        "course.address.port-in-host-hint",
        "informe a porta à parte: --host {host} --port {port}",
    ),
    (
        "course.address.missing-bracket",
        "{text} abre um [ e não o fecha",
    ),
    (
        "course.address.missing-bracket-hint",
        "um endereço IPv6 entre colchetes, depois a porta: [::1]:7879",
    ),
    ("course.address.not-an-address", "{text} não é um endereço"),
    (
        "course.address.not-an-address-hint",
        "informe um endereço IP como {example} ou [::1], ou um nome de host como localhost",
    ),
    (
        "course.seconds",
        "{text} não é um número de segundos acima de 0, como 2 ou 0.5",
    ),
    (
        "course.seconds-or-never",
        "{text} não é um número de segundos, como 120 ou 0.5, ou 0 para nunca",
    ),
    (
        "course.rate",
        "{text} não é uma taxa: datagramas por segundo, 0 para o mais rápido possível",
    ),
    ("noun.number", "{count} número|{count} números"),
];
