//! socket-lab: meça você mesmo (crates/socket-lab). Os nomes das medições
//! (`TCP 32 B, same echo thread as UDP`) são os mesmos em qualquer idioma: são os dados do
//! CSV, e o livro os cita como código. As notas, os cabeçalhos da tabela e a resposta são
//! traduzidos.

pub const PART: crate::text::Part = &[
    // --help
    (
        "socket-lab.about",
        "Meça você mesmo: latência, vazão e perda de TCP e UDP no loopback, numa só execução.",
    ),
    (
        "socket-lab.after-help",
        "Exemplo: cargo run --release -p socket-lab   (todas as partes, cerca de um minuto; com o cargo, ele compila antes o tcp-echo-server ao seu lado)\n         cargo run --release -p socket-lab -- latency --quick",
    ),
    (
        "socket-lab.arg.mode",
        "Qual parte medir (padrão: all):\n  all: todas as partes abaixo, uma vez (concorrência com 1.000 clientes)\n  latency: idas e voltas de mensagens pequenas: TCP com e sem TCP_NODELAY, a espera do ACK atrasado, UDP\n  throughput: TCP em massa: num sentido só, e com eco pelo tcp-echo-server (e socat, iperf3 como referência)\n  udp: taxa e perda de UDP de 64 B a 65.507 B, e o que um socket conectado e o sendmmsg economizam\n  setup: quanto custa uma conexão TCP antes do primeiro byte, contra uma primeira troca UDP\n  concurrency: o maior número de clientes que o tcp-echo-server atende ao mesmo tempo\n  chart: redesenha o gráfico SVG a partir do CSV de uma execução anterior (sem medir)\n  report: mostra a tabela e a resposta de uma execução anterior a partir do CSV dela, no idioma desta execução (sem medir)",
    ),
    (
        "socket-lab.arg.quick",
        "Uma execução curta (alguns segundos): menos idas e voltas, rajadas mais curtas, menos clientes.",
    ),
    (
        "socket-lab.arg.csv",
        "Onde gravar os resultados em CSV (`chart` e `report` o leem).",
    ),
    (
        "socket-lab.arg.svg",
        "Onde gravar o gráfico (padrão: o caminho do CSV com .svg).",
    ),
    (
        "socket-lab.arg.server",
        "Um servidor de eco a medir (padrão: o tcp-echo-server, ao lado deste programa). O laboratório o inicia com `--bind 127.0.0.1 --port 0` e lê o endereço ligado na primeira linha do stderr dele. Repita a opção para comparar servidores numa só execução; a parte de concorrência usa o primeiro.",
    ),
    (
        "socket-lab.arg.size",
        "Tamanho das mensagens pequenas, em bytes (de 1 a 65.507: elas também viajam como um único datagrama).",
    ),
    (
        "socket-lab.arg.clients",
        "Clientes simultâneos: a única quantidade a testar, de 1 a 20.000 (padrão: 1.000 em `all`, a busca em `concurrency`).",
    ),
    (
        "socket-lab.arg.max_clients_search",
        "Em `all`, busca também o maior número de clientes que o servidor atende (o que `concurrency` faz): 1.000, 2.000, 5.000, 10.000, parando na primeira quantidade com erro (até uns sete minutos em dois núcleos).",
    ),
    (
        "socket-lab.arg.no_peers",
        "Não roda o iperf3 nem o socat, mesmo se estiverem instalados.",
    ),
    (
        "socket-lab.clients",
        "{value} não é uma quantidade de clientes de 1 a {max} (cada cliente é uma thread e uma conexão)",
    ),
    // A primeira coluna da narração (no máximo 8 caracteres). `write` é a chamada.
    ("socket-lab.label.note", "nota"),
    ("socket-lab.label.limit", "limite"),
    ("socket-lab.label.skip", "pula"),
    ("socket-lab.label.measure", "mede"),
    // A narração e a linha de progresso.
    (
        "socket-lab.debug-build",
        "uma compilação de depuração: cada número fica várias vezes mais lento do que no modo release (cargo run --release -p socket-lab)",
    ),
    (
        "socket-lab.limit-raised",
        "arquivos abertos: limite aumentado de {before} para {after} (cada cliente da parte de concorrência é um arquivo aberto aqui e outro no servidor)",
    ),
    ("socket-lab.wrote", "{csv} e {svg}"),
    ("socket-lab.starting-socat", "iniciando o eco do socat"),
    ("socket-lab.starting", "iniciando {path}"),
    (
        "socket-lab.no-peers",
        "iperf3 ou socat não instalados (ou --no-peers): sem números de referência deles (Debian, Ubuntu: scripts/install-tools --install iperf3 socat; macOS: brew install iperf3 socat)",
    ),
    (
        "socket-lab.no-server",
        "tcp-echo-server não encontrado ao lado do socket-lab: medindo a própria thread de eco do laboratório (compile-o: cargo build --release -p tcp-echo-server)",
    ),
    ("socket-lab.did-not-start", "{path} não iniciou: {error}"),
    (
        "socket-lab.building",
        "compilando {name} (cargo build --quiet -p {name})",
    ),
    (
        "socket-lab.build-failed",
        "o cargo não conseguiu compilar {name} (as mensagens dele estão acima); tente: cargo build --release -p {name}",
    ),
    (
        "socket-lab.silent-peer",
        "{name} não disse onde escuta em {timeout}; ele escreveu: {seen}",
    ),
    (
        "socket-lab.progress.latency",
        "latência: idas e voltas de {size} B, TCP e UDP se revezando, rodada {round} de {rounds}",
    ),
    ("socket-lab.progress.part", "{part}: {name}"),
    (
        "socket-lab.progress.round",
        "{part}: {name} (rodada {round} de {rounds})",
    ),
    (
        "socket-lab.progress.iperf3-tcp",
        "vazão: iperf3 TCP, um fluxo, num sentido só (rodada {round} de {rounds})",
    ),
    (
        "socket-lab.progress.setup",
        "abertura de conexão: novas conexões TCP e novos sockets UDP, rodada {round} de {rounds}",
    ),
    (
        "socket-lab.progress.crowd",
        "concorrência: {name}: {connected} conectados, {round_trips} idas e voltas",
    ),
    ("socket-lab.failed", "{name} falhou: {error}"),
    (
        "socket-lab.iperf3-tcp-silent",
        "o iperf3 TCP não informou um resultado",
    ),
    (
        "socket-lab.iperf3-udp-silent",
        "o iperf3 UDP não informou um resultado",
    ),
    (
        "socket-lab.no-sendmmsg",
        "sendmmsg: só no Linux, não medido neste sistema",
    ),
    (
        "socket-lab.over-limit",
        "{clients} clientes: acima do limite de arquivos abertos ({limit}), que o laboratório aumentou até onde o limite rígido deixa (só o administrador pode aumentar esse)",
    ),
    (
        "socket-lab.out-of-time",
        "busca de concorrência: o tempo acabou",
    ),
    // Erros.
    ("socket-lab.reading", "lendo {path}"),
    (
        "socket-lab.no-csv",
        "{mode} lê o CSV de uma execução anterior: meça primeiro (cargo run --release -p socket-lab grava {csv}), ou dê a --csv o CSV daquela execução",
    ),
    (
        "socket-lab.give-csv",
        "dê a --csv um arquivo CSV gravado pelo socket-lab (cargo run --release -p socket-lab grava um)",
    ),
    ("socket-lab.no-rows", "{path} não tem linhas de medições"),
    ("socket-lab.creating", "criando {path}"),
    ("socket-lab.writing", "gravando {path}"),
    ("socket-lab.binding", "ao fazer bind em {address}"),
    ("socket-lab.connecting", "conectando a {address}"),
    ("socket-lab.reading-echo", "lendo o eco de {address}"),
    ("socket-lab.reading-first-echo", "lendo o primeiro eco"),
    ("socket-lab.reading-bulk-echo", "lendo o eco em massa"),
    (
        "socket-lab.bulk-echo-closed",
        "o servidor fechou a conexão durante o eco em massa",
    ),
    ("socket-lab.writing-bulk", "escrevendo os dados em massa"),
    ("socket-lab.writing-sink", "escrevendo no sumidouro"),
    ("socket-lab.reading-sink", "lendo no sumidouro"),
    (
        "socket-lab.thread-panicked",
        "a thread {thread} entrou em pânico",
    ),
    ("socket-lab.sending-request", "enviando um pedido"),
    ("socket-lab.receiving-reply", "recebendo uma resposta"),
    (
        "socket-lab.spawning-client",
        "criando a thread de um cliente: {error}",
    ),
    (
        "socket-lab.still-running",
        "{missing} clientes ainda rodando depois de {budget}",
    ),
    (
        "socket-lab.not-all-connected",
        "nem todos os clientes conectaram dentro do prazo",
    ),
    ("socket-lab.ran-out-of-time", "o tempo acabou"),
    ("socket-lab.sendmmsg-nothing", "o sendmmsg não enviou nada"),
    ("socket-lab.sendmmsg-linux", "o sendmmsg só existe no Linux"),
    // A tabela (stdout): os cabeçalhos e as seções.
    ("socket-lab.column.measurement", "medição"),
    ("socket-lab.column.count", "qtd"),
    ("socket-lab.column.p50", "p50 µs"),
    ("socket-lab.column.p99", "p99 µs"),
    ("socket-lab.column.per-second", "por s"),
    ("socket-lab.column.mb-per-second", "MB/s"),
    ("socket-lab.column.loss", "perda %"),
    ("socket-lab.column.note", "nota"),
    ("socket-lab.section.run", "máquina"),
    ("socket-lab.section.latency", "latência"),
    ("socket-lab.section.throughput", "vazão"),
    ("socket-lab.section.udp", "udp"),
    ("socket-lab.section.sending", "envio"),
    ("socket-lab.section.setup", "abertura de conexão"),
    ("socket-lab.section.concurrency", "concorrência"),
    // As notas das linhas. O CSV as guarda em inglês (são dados); a tabela e o gráfico as
    // mostram no idioma da execução, pedaço por pedaço (os pedaços são unidos com "; ").
    (
        "socket-lab.note.stall",
        "espera do ACK atrasado: o Nagle segura a 2ª escrita, o servidor atrasa o ACK",
    ),
    (
        "socket-lab.note.one-way",
        "escritas de 128 KiB, uma conexão",
    ),
    ("socket-lab.note.echoed", "dados devolvidos em eco"),
    (
        "socket-lab.note.twice",
        "cada byte atravessa o loopback duas vezes",
    ),
    (
        "socket-lab.note.iperf3-tcp",
        "iperf3 -c 127.0.0.1, uma ferramenta feita para medir (um fluxo, num sentido só)",
    ),
    (
        "socket-lab.note.iperf3-udp",
        "uma ferramenta feita para medir: um send por datagrama, conectado, para o leitor dela",
    ),
    (
        "socket-lab.note.blast",
        "recebidos {rate}/s, {nanos} ns por datagrama enviado, SO_RCVBUF {buffer} B",
    ),
    ("socket-lab.note.send-errors", "{count} erros de envio"),
    ("socket-lab.note.errors", "{count} erros"),
    (
        "socket-lab.note.errors-first",
        "{count} erros (o primeiro: {error})",
    ),
    ("socket-lab.note.handshake", "o handshake de três vias"),
    (
        "socket-lab.note.no-handshake",
        "sem handshake: o primeiro datagrama já é o pedido",
    ),
    ("socket-lab.note.median", "mediana de {runs}"),
    (
        "socket-lab.note.machine",
        "{load} (1, 5, 15 min), {cpus} CPUs, limite de arquivos abertos {limit}",
    ),
    (
        "socket-lab.note.machine-no-limit",
        "{load} (1, 5, 15 min), {cpus} CPUs, sem limite de arquivos abertos",
    ),
    (
        "socket-lab.note.machine-no-load",
        "carga desconhecida, {cpus} CPUs, limite de arquivos abertos {limit}",
    ),
    (
        "socket-lab.note.machine-nothing",
        "carga desconhecida, {cpus} CPUs, sem limite de arquivos abertos",
    ),
    // O gráfico (SVG).
    (
        "socket-lab.chart.latency",
        "Latência de ida e volta, p50 (escala log; mais curto é melhor)",
    ),
    (
        "socket-lab.chart.setup",
        "Abertura de conexão, p50 (escala log; mais curto é melhor)",
    ),
    (
        "socket-lab.chart.throughput",
        "Vazão em massa, MB/s de dados (mais longo é melhor)",
    ),
    (
        "socket-lab.chart.udp-bytes",
        "UDP: MB/s de dados recebidos (escala log; mais longo é melhor)",
    ),
    (
        "socket-lab.chart.udp-rate",
        "UDP: datagramas enviados por segundo (mais longo é melhor)",
    ),
    (
        "socket-lab.chart.sending",
        "Enviando datagramas de 64 bytes: enviados por segundo, por chamada (mais longo é melhor)",
    ),
    ("socket-lab.chart.loss", "{figure}, perda {loss}%"),
    // A resposta (stdout).
    (
        "socket-lab.answer.title",
        "== O UDP é muito mais rápido que o TCP? (segundo esta execução)",
    ),
    (
        "socket-lab.answer.small",
        "- Um pedido/resposta pequeno: UDP {udp} µs, TCP {tcp} µs (p50, a mesma thread de eco respondendo aos dois, um de cada vez): {comparison}. Os dois custam um par de chamadas de sistema e dois despertares de thread; a contabilidade extra do TCP por segmento (números de sequência, ACKs) é pequena.",
    ),
    (
        "socket-lab.answer.stall",
        "- Escrevendo um pedido em dois pedaços com o Nagle ligado: {stall} µs por ida e volta, a espera do ACK atrasado. Isso é culpa do programa, não da velocidade do TCP: uma escrita por mensagem, ou TCP_NODELAY, acaba com ela.",
    ),
    (
        "socket-lab.answer.first",
        "- Uma primeira troca com um interlocutor novo: TCP {tcp} µs (handshake, accept, uma ida e volta), UDP {udp} µs: {comparison}. Numa rede de verdade o handshake acrescenta uma ida e volta inteira pela rede (milissegundos), e é aí que a vantagem do UDP é real.",
    ),
    (
        "socket-lab.answer.moving",
        "- Movendo dados: uma conexão TCP entregou {tcp} MB/s. O UDP entregou {big} MB/s com datagramas de 65.507 bytes ({big_loss}% perdidos no caminho) e {small} MB/s com datagramas de 64 bytes ({small_loss}% perdidos). O UDP paga por cada datagrama (o trabalho do kernel e uma chamada de sistema para cada um), então datagramas pequenos são lentos; o TCP entrega 128 KiB ao kernel por chamada e nunca perdeu um byte.",
    ),
    (
        "socket-lab.answer.iperf3-tcp",
        "  (o iperf3, uma ferramenta feita para medir, moveu {rate} MB/s por uma conexão TCP.)",
    ),
    (
        "socket-lab.answer.loss",
        "- O UDP perde o que o receptor não consegue acompanhar, e o remetente nunca fica sabendo: sem controle de fluxo, sem controle de congestionamento, sem retransmissão. O TCP, em vez disso, freia o remetente. Um programa UDP que não pode perder dados precisa acrescentar números de sequência, confirmações e ritmo: ele vira um pequeno TCP.",
    ),
    (
        "socket-lab.answer.sending",
        "- Enviando datagramas pequenos mais rápido: para um socket que nunca lê (ninguém para acordar), {send_to}/s com um send_to para cada um num socket não conectado (o que o udp-sender faz), {send}/s com send num socket conectado ({send_times}: o kernel procura a rota uma vez só)",
    ),
    (
        "socket-lab.answer.sendmmsg",
        ", {batch}/s com sendmmsg, {per_call} datagramas por chamada de sistema ({batch_times})",
    ),
    (
        "socket-lab.answer.kernel-work",
        ". O que nenhuma chamada economiza é o trabalho do kernel para cada datagrama.",
    ),
    (
        "socket-lab.answer.reader",
        " Para um receptor que lê, as mesmas chamadas enviaram {rates}: acordá-lo custa mais.",
    ),
    (
        "socket-lab.answer.iperf3-udp",
        " O iperf3, uma ferramenta feita para medir, enviou {rate}/s para o leitor dele (um send para cada, conectado).",
    ),
    (
        "socket-lab.answer.so",
        "Então: \"muito mais rápido\" vale para começar uma conversa (sem handshake) e para mensagens do tipo dispare e esqueça. Por troca pequena, a diferença é pequena; para dados em massa, o UDP é tão rápido quanto seus datagramas são grandes, e só se perder alguns for aceitável.",
    ),
    (
        "socket-lab.answer.about-send-to",
        "mais ou menos a taxa do send_to",
    ),
    (
        "socket-lab.answer.times-send-to",
        "{ratio} vezes a taxa do send_to",
    ),
    ("socket-lab.answer.faster", "o {who} é {ratio}x mais rápido"),
    (
        "socket-lab.answer.faster-here",
        "o {who} é {ratio}x mais rápido aqui",
    ),
    (
        "socket-lab.answer.same",
        "praticamente igual (menos de 10% de diferença)",
    ),
];
