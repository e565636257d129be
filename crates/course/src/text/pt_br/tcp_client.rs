//! tcp-client: a ajuda, a narração e os erros com suas dicas.

pub const PART: crate::text::Part = &[
    // --help
    (
        "tcp-client.about",
        "O cliente da lição de TCP: conecta, envia o que você digita ou passa por um pipe e \
         mostra o eco",
    ),
    (
        "tcp-client.after-help",
        "Exemplo, em dois terminais:\n  \
         cargo run -p tcp-echo-server     # terminal 1\n  \
         cargo run -p tcp-client          # terminal 2; depois digite uma linha\n\
         Ida e volta pelo servidor: cargo run -p tcp-client < arquivo > copia",
    ),
    (
        "tcp-client.arg.host",
        "Nome ou endereço IP do servidor (IPv4 com os quatro números, como 127.0.0.1)",
    ),
    ("tcp-client.arg.port", "Porta TCP do servidor"),
    (
        "tcp-client.arg.timeout",
        "Desiste de conectar a um endereço depois desse número de segundos",
    ),
    (
        "tcp-client.arg.message",
        "Envia esta mensagem e uma quebra de linha, numa só escrita, mostra o eco e termina. \
         Repita a opção para enviar várias mensagens, uma escrita cada, antes de ler o eco \
         delas",
    ),
    (
        "tcp-client.arg.reply_timeout",
        "Depois de conectado, desiste quando o servidor passa esse número de segundos sem \
         devolver nada enquanto esperamos o eco ou o fechamento (ou sem aceitar nada enquanto \
         enviamos)",
    ),
    // A conexão
    (
        "tcp-client.connected",
        "de {local} para {address} (o SO escolheu nossa porta, {port})",
    ),
    (
        "tcp-client.connect-next",
        "{address} falhou: {error}; tentando o próximo endereço",
    ),
    (
        "tcp-client.reading-our-address",
        "ao ler nosso próprio endereço",
    ),
    (
        "tcp-client.reading-server-address",
        "ao ler o endereço do servidor",
    ),
    (
        "tcp-client.setting-reply-timeout",
        "ao definir o timeout de resposta",
    ),
    // A conversa
    ("tcp-client.sent", "{bytes} para {server}"),
    (
        "tcp-client.echo-back",
        "{bytes} de volta de {server} após {took} (ida e volta)",
    ),
    ("tcp-client.ready-label", "pronto"),
    (
        "tcp-client.ready",
        "digite uma linha e tecle Enter; Ctrl-D (Ctrl-Z no Windows) termina",
    ),
    ("tcp-client.reading-stdin", "ao ler a stdin"),
    ("tcp-client.echo-label", "eco"),
    ("tcp-client.echoed", "ida e volta de {bytes} em {took}"),
    ("tcp-client.came-back", "voltaram {got} de {len} bytes"),
    (
        "tcp-client.shutting-down",
        "ao fechar nosso lado de envio para {server}",
    ),
    (
        "tcp-client.half-closed",
        "lado de escrita fechado (FIN): o servidor lê o fim do fluxo",
    ),
    (
        "tcp-client.not-closed",
        "ele não fechou o lado dele depois do nosso",
    ),
    (
        "tcp-client.closed",
        "o servidor também fechou o lado dele (fim do fluxo); fim",
    ),
    // Modo pipe
    (
        "tcp-client.cloning",
        "ao clonar o socket para a thread que envia",
    ),
    (
        "tcp-client.half-closed-pipe",
        "fim da stdin depois de {sent} bytes enviados: lado de escrita fechado (FIN), ainda \
         lendo",
    ),
    (
        "tcp-client.pipe-closed",
        "de volta de {server}: {received} dos {sent} bytes enviados; depois, fim do fluxo: o \
         servidor fechou",
    ),
    (
        "tcp-client.thread-panicked",
        "a thread que envia entrou em pânico",
    ),
    (
        "tcp-client.sent-and-came-back",
        "enviamos {sent} bytes, voltaram {received}",
    ),
    (
        "tcp-client.not-all-back",
        "enviamos {sent} bytes para {server}, mas voltaram {received}",
    ),
    (
        "tcp-client.hint.not-all-back",
        "um servidor de eco devolve cada byte que lê antes de fechar: se o servidor é seu, \
         olhe o laço dele; se não é, talvez não seja um servidor de eco",
    ),
    // Servidores que falam primeiro
    (
        "tcp-client.setting-read-timeout",
        "ao definir um timeout de leitura",
    ),
    (
        "tcp-client.clearing-read-timeout",
        "ao remover o timeout de leitura",
    ),
    (
        "tcp-client.closed-silent",
        "{server} fechou a conexão na hora, sem dizer nada",
    ),
    (
        "tcp-client.closed-saying",
        "{server} fechou a conexão na hora, dizendo: {words}",
    ),
    (
        "tcp-client.hint.busy",
        "o servidor atende um número limitado de clientes (o --max-clients dele); tente mais \
         tarde",
    ),
    (
        "tcp-client.greeting",
        "{bytes} de {server} antes de enviarmos qualquer coisa: ele fala primeiro (uma \
         saudação), mostrada na stdout",
    ),
    // Erros da conversa
    ("tcp-client.receiving-from", "ao receber de {server}"),
    (
        "tcp-client.hint.reset",
        "o servidor derrubou a conexão com um reset: ele parou ou travou; olhe o terminal dele",
    ),
    ("tcp-client.hint.look", "olhe o terminal do servidor"),
    ("tcp-client.sending-to", "ao enviar para {server}"),
    (
        "tcp-client.hint.stopped-reading",
        "o servidor não aceitou nada durante o --reply-timeout: ele parou de ler; olhe o \
         terminal dele",
    ),
    (
        "tcp-client.hint.closed-while-sending",
        "o servidor fechou a conexão enquanto enviávamos; olhe o terminal dele",
    ),
    (
        "tcp-client.closed-early",
        "o servidor fechou a conexão depois de {got} de {len} bytes",
    ),
    ("tcp-client.reading-echo", "ao ler o eco de {server}"),
    (
        "tcp-client.hint.closed-early",
        "o servidor parou, ou fechou uma conexão inativa (o --idle-timeout dele); olhe o \
         terminal dele e inicie o cliente de novo",
    ),
    (
        "tcp-client.no-reply",
        "nenhuma resposta de {server} em {waited}: {what}",
    ),
    (
        "tcp-client.hint.no-reply",
        "o servidor aceitou a conexão, mas não responde: se ele é seu, ele devolve o que lê e \
         fecha quando read retorna 0? olhe o terminal dele; espere mais com --reply-timeout",
    ),
    // Um connect que falhou
    ("tcp-client.connecting-to", "ao conectar a {address}"),
    (
        "tcp-client.no-address",
        "ao resolver {host}: nenhum endereço encontrado para a porta {port}",
    ),
    (
        "tcp-client.hint.refused-here",
        "o servidor está rodando? inicie-o em outro terminal com: {command}",
    ),
    (
        "tcp-client.hint.refused-there",
        "o servidor está rodando em {ip}, iniciado com --bind 0.0.0.0? Sem --bind ele escuta \
         só em 127.0.0.1, que outras máquinas não alcançam. Na máquina do servidor, rode: \
         {command}",
    ),
    (
        "tcp-client.hint.host-unreachable",
        "nenhuma máquina respondeu no endereço {ip}. Confira o endereço. Outras causas: isolamento de \
         clientes no Wi-Fi, um firewall que rejeita, ou (macOS 15 e posteriores) a permissão \
         de Rede Local do seu app de terminal",
    ),
    (
        "tcp-client.hint.network-unreachable",
        "esta máquina não tem rota para {ip}: você está conectado a uma rede, e o endereço \
         está certo?",
    ),
    (
        "tcp-client.hint.os-timeout",
        "nada respondeu: {ip} é alcançável (tente ping)? um firewall está descartando a porta \
         {port}?",
    ),
    (
        "tcp-client.hint.our-timeout",
        "nada respondeu em {timeout}: {ip} é alcançável? um firewall está descartando a porta \
         {port}? espere mais com --timeout",
    ),
    (
        "tcp-client.hint.check-host-port",
        "confira --host e --port (tentamos {address})",
    ),
];
