//! tcp-echo-server: a ajuda, a narração, como uma conexão terminou e os erros.

pub const PART: crate::text::Part = &[
    // --help
    (
        "tcp-echo-server.about",
        "O servidor da lição de TCP: aceita muitos clientes e devolve cada byte que recebe (eco)",
    ),
    (
        "tcp-echo-server.after-help",
        "Exemplo, em dois terminais:\n  \
         cargo run -p tcp-echo-server     # terminal 1\n  \
         cargo run -p tcp-client          # terminal 2; depois digite uma linha\n\
         Em outra porta, acrescente `-- --port 9000` aos dois.\n\
         O TCP não guarda os limites das mensagens; para ver as leituras:\n  \
         cargo run -p tcp-echo-server -- --verbose --slow 1000 --buffer 8\n  \
         cargo run -p tcp-client -- --message olá --message \"tudo bem?\" --message tchau",
    ),
    (
        "tcp-echo-server.arg.bind",
        "Endereço IP local onde escutar (0.0.0.0 aceitaria clientes de outras máquinas)",
    ),
    (
        "tcp-echo-server.arg.port",
        "Porta TCP onde escutar (0: o SO escolhe uma livre; a primeira linha diz qual)",
    ),
    (
        "tcp-echo-server.arg.idle_timeout",
        "Fecha uma conexão que passa esse tempo sem enviar nada, ou sem ler o eco que enviamos \
         (0: nunca)",
    ),
    (
        "tcp-echo-server.arg.max_clients",
        "Máximo de clientes atendidos ao mesmo tempo; os demais recebem \"server busy\" e são \
         fechados",
    ),
    (
        "tcp-echo-server.arg.verbose",
        "Narra cada recv e cada send, não só o resumo de cada conexão",
    ),
    (
        "tcp-echo-server.arg.buffer",
        "O buffer do próprio programa para cada leitura, em bytes (de 1 a 1048576): uma leitura \
         traz no máximo isso, e o resto espera no kernel pela próxima leitura",
    ),
    (
        "tcp-echo-server.arg.slow",
        "Ajuste de demonstração: dorme esse número de milissegundos antes de cada leitura (no \
         máximo 60000), como um servidor ocupado, para que o que o cliente envia nesse meio \
         tempo se acumule no kernel",
    ),
    // O socket de escuta
    (
        "tcp-echo-server.creating-socket",
        "ao criar um socket TCP para {address}",
    ),
    (
        "tcp-echo-server.setting-reuse-address",
        "ao ativar SO_REUSEADDR em {address}",
    ),
    ("tcp-echo-server.binding", "ao fazer bind em {address}"),
    ("tcp-echo-server.holder", "outro tcp-echo-server"),
    ("tcp-echo-server.listening-on", "ao escutar em {address}"),
    (
        "tcp-echo-server.reading-address",
        "ao ler o endereço do socket de escuta",
    ),
    (
        "tcp-echo-server.listening",
        "{local} (socket de escuta TCP, backlog {backlog}); esperando clientes (Ctrl-C encerra)",
    ),
    (
        "tcp-echo-server.loopback-only",
        "só esta máquina pode se conectar (loopback); --bind 0.0.0.0 deixa outras máquinas \
         entrarem",
    ),
    ("tcp-echo-server.knobs", "ajustes de demonstração: {knobs}"),
    (
        "tcp-echo-server.knob-slow",
        "dorme {millis} ms antes de cada leitura (--slow)",
    ),
    (
        "tcp-echo-server.knob-buffer",
        "lê no máximo {bytes} por vez (--buffer)",
    ),
    // Cada conexão
    ("tcp-echo-server.connection", "#{number} de {peer} em {on}"),
    (
        "tcp-echo-server.accepted",
        "{who}, {whose_port}; agora com {clients}",
    ),
    (
        "tcp-echo-server.own-port",
        "a própria porta do socket de escuta",
    ),
    (
        "tcp-echo-server.no-new-port",
        "nenhuma porta nova: as conexões dividem a porta {port} e se distinguem por (IP:porta \
         local, IP:porta remota)",
    ),
    (
        "tcp-echo-server.refused",
        "{who}: recusada, já com {clients} (--max-clients {max})",
    ),
    ("tcp-echo-server.received", "#{number} {bytes} de {peer}"),
    ("tcp-echo-server.sent", "#{number} {bytes} para {peer}"),
    (
        "tcp-echo-server.closed",
        "#{number} {peer}: {how}; eco de {echoed} em {took}; agora com {left}",
    ),
    (
        "tcp-echo-server.no-thread",
        "#{number} {peer}: não foi possível iniciar uma thread para ela ({error}); fechada",
    ),
    // Um accept que falhou
    (
        "tcp-echo-server.accept-client-left",
        "falhou: {error}; o cliente foi embora antes de o aceitarmos",
    ),
    (
        "tcp-echo-server.accept-retry",
        "falhou: {error}; tentando de novo em 100 ms",
    ),
    (
        "tcp-echo-server.accept-retry-descriptors",
        "falhou: {error} (cada cliente usa um descritor de arquivo: aumente o limite com \
         `ulimit -n`); tentando de novo em 100 ms",
    ),
    // Como uma conexão terminou
    (
        "tcp-echo-server.end-of-stream",
        "o cliente terminou de enviar (fim do fluxo)",
    ),
    (
        "tcp-echo-server.reset",
        "o cliente derrubou a conexão com um reset (RST)",
    ),
    (
        "tcp-echo-server.idle-timeout",
        "timeout de inatividade: nada recebido em {after}",
    ),
    (
        "tcp-echo-server.write-timeout",
        "o cliente parou de ler: um envio esperou {after}",
    ),
    (
        "tcp-echo-server.vanished",
        "o cliente sumiu enquanto enviávamos ({error})",
    ),
    ("tcp-echo-server.failed", "erro: {error}"),
];
