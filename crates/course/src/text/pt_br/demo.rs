//! demo: as demonstrações de aula (crates/demo).

pub const PART: crate::text::Part = &[
    // --help
    (
        "demo.about",
        "Os programas de uma aula rodando juntos: a conversa inteira num só terminal, cada linha marcada com quem a disse, na ordem em que as linhas chegaram.",
    ),
    (
        "demo.after-help",
        "Cada linha começa com quem a disse. Depois de `|`: a narração, as chamadas de socket que o programa fez (o stderr dele). Depois de `>`: os dados (o stdout dele).\n\nExemplos:\n  cargo run -p demo -- tcp                 # o servidor e dois clientes\n  cargo run -p demo -- udp --reorder 0.2   # remetente -> relay -> receptor\n  cargo run -p demo -- multicast           # um remetente, três ouvintes\n  cargo run -p demo -- tcp --port 0        # qualquer porta livre\n  sudo target/debug/demo tcp --wire        # e os pacotes (Linux)",
    ),
    (
        "demo.tcp.about",
        "O tcp-echo-server e dois tcp-clients, conectados ao mesmo tempo, numa só porta.",
    ),
    (
        "demo.tcp.arg.port",
        "A porta TCP do servidor (0: o sistema escolhe uma livre; os clientes vão atrás).",
    ),
    (
        "demo.tcp.arg.interactive",
        "Você digita as linhas do cliente 1 (o cliente 2 manda a linha dele sozinho); Ctrl-D termina (no Windows, Ctrl-Z e depois Enter).",
    ),
    (
        "demo.tcp.arg.wire",
        "Mostra também cada pacote de ou para a porta do servidor, capturado ao vivo no loopback, entre as linhas, na ordem do tempo (Linux; precisa de root ou CAP_NET_RAW).",
    ),
    (
        "demo.tcp.arg.tmux",
        "Um painel do tmux por programa em vez de uma conversa marcada (onde o tmux está instalado; precisa de um terminal). Nos painéis os programas rodam como você os rodaria à mão.",
    ),
    (
        "demo.udp.about",
        "udp-sender -> udp-relay (perda com semente) -> udp-receiver, e os dois placares comparados.",
    ),
    (
        "demo.udp.arg.port",
        "A porta UDP do receptor (0: o sistema escolhe todas as portas, a do relay também).",
    ),
    (
        "demo.udp.arg.relay_port",
        "A porta UDP do relay (padrão: 7881, ou 0 com --port 0).",
    ),
    (
        "demo.udp.arg.count",
        "Quantos datagramas numerados o remetente envia (de 1 a 10.000).",
    ),
    (
        "demo.udp.arg.rate",
        "Datagramas por segundo (0: o mais rápido possível).",
    ),
    (
        "demo.udp.arg.loss",
        "O relay perde cada datagrama com esta probabilidade (de 0 a 1).",
    ),
    (
        "demo.udp.arg.duplicate",
        "O relay envia um datagrama duas vezes com esta probabilidade.",
    ),
    (
        "demo.udp.arg.reorder",
        "O relay segura um datagrama para depois do próximo com esta probabilidade.",
    ),
    (
        "demo.udp.arg.delay",
        "O relay atrasa cada datagrama esta quantidade de milissegundos (de 0 a 10.000).",
    ),
    (
        "demo.udp.arg.seed",
        "A semente aleatória do relay: a mesma semente perde os mesmos datagramas em qualquer máquina.",
    ),
    (
        "demo.udp.arg.idle_timeout",
        "Receptor e relay param, e mostram seus placares, depois deste tempo sem nenhum datagrama.",
    ),
    (
        "demo.udp.arg.tmux",
        "Um painel do tmux por programa em vez de uma conversa marcada (onde o tmux está instalado; precisa de um terminal). Nos painéis os programas rodam como você os rodaria à mão.",
    ),
    (
        "demo.multicast.about",
        "Três multicast-listeners num grupo, um multicast-sender, todos em 127.0.0.1.",
    ),
    (
        "demo.multicast.arg.port",
        "A porta UDP do grupo (0: o primeiro ouvinte deixa o sistema escolher uma, e os outros usam a mesma).",
    ),
    (
        "demo.multicast.arg.listeners",
        "Quantos ouvintes entram no grupo (de 1 a 9).",
    ),
    (
        "demo.multicast.arg.count",
        "Quantos datagramas o remetente envia ao grupo (de 1 a 10.000).",
    ),
    (
        "demo.multicast.arg.rate",
        "Datagramas por segundo (0: o mais rápido possível).",
    ),
    (
        "demo.multicast.arg.tmux",
        "Um painel do tmux por programa em vez de uma conversa marcada (onde o tmux está instalado; precisa de um terminal). Nos painéis os programas rodam como você os rodaria à mão.",
    ),
    (
        "demo.probability",
        "{value} não é uma probabilidade: um número de 0 a 1, como 0.2",
    ),
    // Quem disse: a coluna dos nomes. O wire fica com o nome do programa.
    ("demo.who.server", "servidor"),
    ("demo.who.client", "cliente {number}"),
    ("demo.who.receiver", "receptor"),
    ("demo.who.relay", "relay"),
    ("demo.who.sender", "remetente"),
    ("demo.who.listener", "ouvinte {number}"),
    // A primeira coluna das linhas da própria demo (no máximo 8 caracteres). `close` é a chamada.
    ("demo.label.lesson", "aula"),
    ("demo.label.build", "compila"),
    ("demo.label.legend", "legenda"),
    ("demo.label.start", "inicia"),
    ("demo.label.type", "digita"),
    ("demo.label.stop", "encerra"),
    ("demo.label.end", "fim"),
    ("demo.label.compare", "compara"),
    ("demo.label.count", "conta"),
    ("demo.label.capture", "captura"),
    // As linhas da demo.
    (
        "demo.lesson.default",
        "nenhuma escolhida: tcp (as outras: udp, multicast)",
    ),
    ("demo.no-default-lesson", "nenhuma aula padrão"),
    (
        "demo.legend",
        "cada linha: quem a disse, depois | e a narração (stderr), ou > e os dados (stdout)",
    ),
    (
        "demo.build.own-exe",
        "procurando o executável da própria demo",
    ),
    ("demo.build.no-dir", "o executável da demo não tem pasta"),
    (
        "demo.build.not-by-cargo",
        "não foi iniciada pelo cargo: usando os programas em {dir}",
    ),
    ("demo.build.building", "{packages} (cargo build --quiet)"),
    ("demo.build.running", "executando {cargo}"),
    (
        "demo.build.running.hint",
        "a demo compila os programas da aula com o cargo: rode-a com cargo run -p demo",
    ),
    ("demo.build.failed", "o cargo build falhou ({status})"),
    (
        "demo.build.failed.hint",
        "as mensagens do cargo acima dizem por quê; tente sozinho: cargo build {packages}",
    ),
    ("demo.program.missing", "{path} não existe"),
    (
        "demo.program.missing.hint",
        "rode a demo com o cargo, que compila o programa antes: cargo run -p demo; ou compile você mesmo: cargo build -p {package}",
    ),
    ("demo.start", "{name}: {command} (pid {pid})"),
    ("demo.start.failed", "iniciando o {name}: {path}"),
    (
        "demo.start.not-built",
        "o programa não foi compilado: rode a demo com o cargo, que o compila: cargo run -p demo -- {lesson}",
    ),
    (
        "demo.start.not-executable",
        "o arquivo não é executável: compile-o de novo com cargo build",
    ),
    (
        "demo.start.refused",
        "o sistema se recusou a iniciá-lo: a mensagem acima diz por quê",
    ),
    (
        "demo.thread.output",
        "iniciando uma thread para ler a saída de um programa",
    ),
    (
        "demo.thread.terminal",
        "iniciando uma thread para ler o terminal",
    ),
    ("demo.interrupted", "interrompida por Ctrl-C"),
    // O que a demo espera (o fim de "... terminou sem X", "... não mostrou X").
    ("demo.waiting.bind", "a linha de bind"),
    ("demo.waiting.connect", "a linha de connect"),
    ("demo.waiting.join", "a linha de join"),
    ("demo.waiting.accept", "o accept #{number}"),
    ("demo.waiting.close", "o close #{number}"),
    ("demo.waiting.echo", "o eco"),
    ("demo.waiting.end", "o fim de {names}"),
    ("demo.waiting.typed", "uma linha digitada para a demo"),
    ("demo.wait.ended", "o {name} terminou sem {what}"),
    (
        "demo.wait.too-long",
        "o {name} não mostrou {what} em {seconds} s",
    ),
    (
        "demo.wait.too-long.hint",
        "a máquina pode estar muito ocupada, ou o {name} travou: as linhas dele acima mostram até onde chegou",
    ),
    ("demo.end.too-long", "o {name} não terminou em {seconds} s"),
    (
        "demo.end.too-long.hint",
        "o {name} travou ou a máquina está muito ocupada: as linhas dele acima mostram até onde chegou",
    ),
    ("demo.input.none", "o {name} não tem um pipe de entrada"),
    ("demo.input.writing", "escrevendo na entrada do {name}"),
    (
        "demo.input.writing.hint",
        "o {name} parou de ler a entrada: as linhas dele acima dizem por quê",
    ),
    ("demo.stop", "{name}: {why}"),
    ("demo.stop.ctrl-c", "Ctrl-C: todos os programas param"),
    (
        "demo.stop.still-running",
        "ainda rodando: encerrado pela demo",
    ),
    ("demo.end", "o {name} terminou ({how})"),
    ("demo.end.unknown", "desconhecido ({error})"),
    ("demo.ended", "o {name} ({command}) terminou ({how})"),
    (
        "demo.ended.while",
        "o {name} ({command}) terminou ({how}) enquanto a demo esperava {what}",
    ),
    (
        "demo.ended.port-in-use",
        "a porta {port} está em uso por outro programa: pare esse programa, ou deixe o sistema escolher uma porta livre: cargo run -p demo -- {lesson} --port 0",
    ),
    (
        "demo.ended.see-above",
        "o erro e a dica do {name} estão acima, nas linhas dele",
    ),
    // A aula de TCP.
    (
        "demo.tcp.no-local-address",
        "a linha de accept do servidor não tem o endereço local: {line}",
    ),
    (
        "demo.tcp.yours",
        "as linhas do {name} são suas: digite uma e aperte Enter; Ctrl-D termina (no Windows, Ctrl-Z e depois Enter)",
    ),
    ("demo.tcp.typed", "{line} para o {name}"),
    (
        "demo.tcp.close",
        "a entrada do {name} (fim de arquivo): ele fecha o seu lado de envio (shutdown)",
    ),
    (
        "demo.tcp.stop",
        "a demo o encerra, como um Ctrl-C no terminal dele faria",
    ),
    (
        "demo.tcp.one-port",
        "2 clientes conectados ao mesmo tempo, os dois aceitos em {listening}, o próprio endereço e porta do socket de escuta: nenhuma porta nova por cliente",
    ),
    (
        "demo.tcp.other-ports",
        "o socket de escuta é {listening}; as conexões foram aceitas em {ports}",
    ),
    // A aula de UDP.
    (
        "demo.no-address",
        "a linha de bind do {name} não tem endereço: {line}",
    ),
    (
        "demo.udp.no-expectation",
        "o relay não mostrou o placar esperado (nenhuma linha `expect` com uma execução)",
    ),
    (
        "demo.udp.no-expectation.hint",
        "os datagramas do remetente chegaram ao relay? as linhas do relay acima dizem",
    ),
    ("demo.udp.nothing", "nada para esta execução"),
    // As duas linhas com a mesma largura antes do placar, para que um placar fique bem em cima
    // do outro.
    ("demo.udp.expected", "o relay previu:    {score}"),
    ("demo.udp.reported", "o receptor contou: {score}"),
    (
        "demo.udp.agree",
        "eles batem: o receptor contou exatamente o que o relay fez com os datagramas",
    ),
    ("demo.udp.differ", "eles não batem!"),
    (
        "demo.udp.differ.error",
        "o placar do receptor não é o que o relay previu",
    ),
    (
        "demo.udp.differ.hint",
        "outro programa enviou para a porta {port} do receptor? rode a demo de novo com --port 0 (portas que nenhum outro programa usa)",
    ),
    // A aula de multicast.
    (
        "demo.multicast.count",
        "{name}: {received} dos {count} datagramas do remetente",
    ),
    (
        "demo.multicast.all",
        "cada um dos {members} ouvintes recebeu todos os {count} datagramas do único remetente",
    ),
    ("demo.multicast.missed", "{names}: faltaram datagramas"),
    (
        "demo.multicast.missed.error",
        "{missed} de {members} ouvintes não receberam todos os datagramas",
    ),
    (
        "demo.multicast.missed.hint",
        "multicast não é confiável: uma máquina ocupada descarta datagramas quando um buffer de recepção enche; tente um --rate menor",
    ),
    // --tmux
    ("demo.tmux.type-here", "{name}: digite aqui"),
    ("demo.tmux.and-here", "{name}: e aqui"),
    ("demo.tmux.windows", "o tmux não roda no Windows"),
    (
        "demo.tmux.windows.hint",
        "sem --tmux a demo mostra todos os programas neste terminal: {without}",
    ),
    ("demo.tmux.missing", "o tmux não está instalado"),
    (
        "demo.tmux.missing.hint",
        "instale-o (Debian, Ubuntu: sudo apt install tmux; macOS: brew install tmux), ou rode a demo sem --tmux: {without}",
    ),
    ("demo.tmux.no-terminal", "--tmux precisa de um terminal"),
    (
        "demo.tmux.no-terminal.hint",
        "rode-a num terminal, ou sem --tmux: {without}",
    ),
    ("demo.tmux.status", " C-b d: termina a demo "),
    ("demo.tmux.pane-says", "o painel dele diz por quê"),
    (
        "demo.tmux.no-line",
        "o {title} não mostrou nenhuma linha `{call}` em {seconds} s",
    ),
    (
        "demo.tmux.no-address",
        "a linha de {call} do {title} não tem endereço: {line}",
    ),
    (
        "demo.tmux.session",
        "sessão {name}; feche-a com: tmux kill-session -t {name}",
    ),
    ("demo.tmux.running", "executando tmux {args}"),
    ("demo.tmux.failed", "tmux {command} falhou: {error}"),
    (
        "demo.tmux.attach-failed",
        "tmux attach-session falhou ({status})",
    ),
    // --wire
    (
        "demo.wire.linux-only",
        "--wire só captura ao vivo no Linux (um packet socket)",
    ),
    (
        "demo.wire.linux-only.hint",
        "capture com o Wireshark (Windows: o adaptador de loopback do Npcap; macOS: lo0) enquanto a demo roda, salve como pcap e depois leia: cargo run -p wire -- capture.pcap",
    ),
    (
        "demo.wire.capture",
        "lo (interface {index}): cada pacote de ou para a porta {port} é uma linha do `wire`, entre as outras, na ordem em que foram vistos",
    ),
    ("demo.wire.thread", "iniciando a thread de captura"),
    ("demo.wire.failed", "a captura falhou: {error}"),
    (
        "demo.wire.not-opened",
        "não foi possível abrir o packet socket: a mensagem diz por quê; sem --wire a demo roda normalmente",
    ),
    (
        "demo.wire.needs-root",
        "capturar exige root ou CAP_NET_RAW: rode `sudo {demo} {args}`, ou dê a capacidade à demo uma vez por compilação, `sudo setcap cap_net_raw=ep {demo}`, e depois `{demo} {args}`",
    ),
    (
        "demo.wire.namespace",
        ", ou, sem sudo, num namespace de usuário e de rede com um loopback próprio: `unshare --user --map-root-user --net sh -c 'ip link set lo up && {demo} {args}'`",
    ),
    (
        "demo.wire.no-namespace",
        " (este sistema proíbe namespaces de usuário sem privilégio: o unshare não serve)",
    ),
];
