//! O runner dos exercícios (crates/exercises): a ajuda, os relatos e os erros dele.

pub const PART: crate::text::Part = &[
    (
        "exercises.about",
        "Trabalhe nos exercícios do curso: cada um é um pequeno crate em exercises/ com um esboço para completar (procure `// TODO` e `todo!()`), testes que são a especificação e uma dica.\n\nO jeito de sempre: rode `watch` num terminal, abra o `src/lib.rs` do exercício no seu editor e salve; o `watch` confere de novo a cada vez que você salva e passa para o próximo exercício quando este passa. Travou? `hint NAME`. Terminou? `solution NAME` mostra a solução de referência para comparar. Sem comando: `list`.",
    ),
    (
        "exercises.after-help",
        "Exemplo, da pasta principal do curso (não de dentro de exercises/, onde o cargo só encontra o workspace dos exercícios):\n  cargo run -p exercises -- list\n  cargo run -p exercises -- watch      # depois edite exercises/tcp1-echo-handler/src/lib.rs",
    ),
    (
        "exercises.arg.dir",
        "A pasta dos exercícios (o padrão é a exercises/ do curso); o runner então compila no target/ dessa pasta",
    ),
    (
        "exercises.arg.time_limit",
        "Quanto tempo os testes de um exercício podem rodar antes de serem parados (um laço que nunca termina)",
    ),
    (
        "exercises.arg.cargo_time_limit",
        "Quanto tempo cada comando do cargo (build, test, clippy) pode levar antes de ser parado: a primeira compilação compila as dependências. O `cargo test` ganha o --time-limit a mais",
    ),
    (
        "exercises.list.about",
        "Lista os exercícios em ordem, com a aula de cada um e o seu progresso (não começado, falhando, passando, ou alterado desde a última conferência)",
    ),
    (
        "exercises.check.about",
        "Confere um exercício: compila, roda os testes, roda o clippy; a saída é mostrada",
    ),
    (
        "exercises.check.arg.name",
        "O exercício, por exemplo tcp1-echo-handler (veja `list`)",
    ),
    ("exercises.hint.about", "Mostra a dica de um exercício"),
    (
        "exercises.hint.arg.name",
        "O exercício, por exemplo tcp1-echo-handler (veja `list`)",
    ),
    (
        "exercises.watch.about",
        "Confere um exercício e confere de novo cada vez que um dos arquivos dele muda (o conteúdo dos arquivos é lido duas vezes por segundo: funciona em contêineres e no WSL). Sem nome, percorre os exercícios em ordem, a partir do primeiro que não passa. Ctrl-C para",
    ),
    (
        "exercises.watch.arg.name",
        "O exercício a acompanhar (padrão: todos, em ordem, a partir do primeiro que não passa)",
    ),
    (
        "exercises.solution.about",
        "Mostra a solução de referência de um exercício, depois que a sua versão passa na conferência",
    ),
    (
        "exercises.solution.arg.name",
        "O exercício, por exemplo tcp1-echo-handler (veja `list`)",
    ),
    (
        "exercises.from-top",
        "{command} da pasta principal do curso ({up}), não de dentro de exercises/",
    ),
    ("exercises.reading", "lendo {path}"),
    ("exercises.writing", "gravando {path}"),
    (
        "exercises.restore-course-file",
        "ele vem com o curso: restaure-o com `git checkout -- {path}`, ou copie-o de um download novo do curso",
    ),
    (
        "exercises.check-readable",
        "confira se você consegue ler {path}",
    ),
    ("exercises.lesson.other", "outra"),
    (
        "exercises.unknown-to-the-runner",
        "{name} não é um dos exercícios do curso: não há especificação para conferi-lo",
    ),
    (
        "exercises.unknown-to-the-runner-hint",
        "instrutores: acrescentem-no a course_files! em crates/exercises/src/course_files.rs",
    ),
    (
        "exercises.added-file",
        "{path} não faz parte do exercício do curso",
    ),
    (
        "exercises.added-file-hint",
        "apague-o: o cargo o rodaria em toda compilação, fora dos testes",
    ),
    (
        "exercises.altered-missing",
        "{path} não é o do curso (está faltando): o exercício só passa contra a especificação do curso",
    ),
    (
        "exercises.altered-changed",
        "{path} não é o do curso (foi alterado): o exercício só passa contra a especificação do curso",
    ),
    (
        "exercises.altered-hint",
        "restaure-o com `git checkout -- {path}`, ou copie-o de um download novo do curso; depois confira de novo",
    ),
    (
        "exercises.no-folder-hint",
        "o runner procura os exercícios em {dir}: restaure essa pasta (`git checkout -- exercises`, ou um download novo do curso), ou indique outra com --dir",
    ),
    (
        "exercises.no-members",
        "nenhum exercício listado em {manifest}",
    ),
    (
        "exercises.no-members-hint",
        "a lista `members = [` dele tem um exercício por linha, como o curso o distribui: restaure-o com `git checkout -- {manifest}`",
    ),
    (
        "exercises.needs-a-name",
        "`{command}` precisa do nome de um exercício",
    ),
    (
        "exercises.needs-a-name-hint",
        "os exercícios são: {names}; por exemplo {example}",
    ),
    ("exercises.unknown", "exercício desconhecido `{name}`"),
    (
        "exercises.unknown-hint",
        "os exercícios são: {names} (veja {list})",
    ),
    (
        "exercises.progress-is-a-folder",
        "{path} é uma pasta: apague-a, o runner guarda um arquivo ali",
    ),
    (
        "exercises.progress-not-writable",
        "o runner registra as suas conferências em {path}: dê permissão de escrita ao arquivo e à pasta dele (no Windows, uma pasta com esse nome também dá este erro)",
    ),
    (
        "exercises.progress-other",
        "o runner registra as suas conferências em {path}; apagá-lo é seguro (ele só esquece quais exercícios passaram)",
    ),
    (
        "exercises.outcome.passing",
        "todos os testes passam, o clippy está satisfeito",
    ),
    (
        "exercises.outcome.altered",
        "a especificação ou o Cargo.toml dele não é o do curso",
    ),
    ("exercises.outcome.does-not-build", "ele não compila"),
    ("exercises.outcome.tests-fail", "os testes dele falham"),
    (
        "exercises.outcome.timed-out",
        "seu código não terminou dentro do tempo limite",
    ),
    (
        "exercises.outcome.clippy",
        "os testes passam, mas o clippy tem avisos",
    ),
    (
        "noun.failing-test",
        "{count} teste falha|{count} testes falham",
    ),
    (
        "exercises.not-yet-timed-out",
        "{name} ainda não passa: seu código não terminou em {limit}",
    ),
    ("exercises.not-yet", "{name} ainda não passa: {why}"),
    ("exercises.check-again", "confira de novo: {command}"),
    (
        "exercises.read-the-first-failure",
        "leia a primeira falha acima; travou? {command}",
    ),
    (
        "exercises.timed-out-hint",
        "procure um laço que nunca termina (ou um read que espera bytes que nunca chegam); máquina lenta? {command}",
    ),
    ("exercises.status.not-started", "não começado"),
    ("exercises.status.passing", "passando"),
    ("exercises.status.failing", "falhando ({why})"),
    (
        "exercises.status.changed",
        "alterado desde a última conferência",
    ),
    (
        "exercises.list.summary",
        "{passing} de {total} passando. Próximo passo: {command}",
    ),
    ("exercises.checking", "==> conferindo {name} ({path})"),
    (
        "exercises.reading-the-spec",
        "lendo a especificação de {dir}",
    ),
    (
        "exercises.passes",
        "==> {name} passa! Compare com a referência: {command}",
    ),
    (
        "exercises.did-not-finish",
        "==> {name}: seu código não terminou em {limit}: {hint}",
    ),
    (
        "exercises.giving-cargo-the-limit",
        "passando o tempo limite ao cargo",
    ),
    (
        "exercises.plain-text-path",
        "mova o curso para uma pasta cujo caminho seja texto simples (UTF-8)",
    ),
    ("exercises.running-cargo", "rodando {cargo} {subcommand}"),
    (
        "exercises.install-cargo",
        "o cargo está instalado e no seu PATH? (https://rustup.rs)",
    ),
    (
        "exercises.cargo-timed-out",
        "`cargo {subcommand}` em {name} não terminou em {limit}: parado",
    ),
    (
        "exercises.cargo-timed-out-hint",
        "a primeira compilação compila as dependências e pode ser lenta, e o cargo espera enquanto outro cargo (o do seu editor?) ocupa a pasta de build: confira de novo, ou dê mais tempo ao cargo com {command}",
    ),
    (
        "exercises.all-pass",
        "Todos os exercícios passam. Parabéns!",
    ),
    (
        "exercises.watching",
        "==> acompanhando {dir} à espera de mudanças (Ctrl-C para parar); travou? {command}",
    ),
    (
        "exercises.reference-header",
        "// A solução de referência de {name} ({path}). A sua também passa: compare.",
    ),
    (
        "exercises.hidden",
        "{name} ainda não passa ({why}): a solução fica escondida até ele passar",
    ),
    (
        "exercises.hidden-hint",
        "confira-o com {check}; travou? {hint}",
    ),
    (
        "exercises.limit.refused",
        "{text} não é um número de segundos acima de 0 e no máximo 86400 (um dia), como 60",
    ),
    (
        "exercises.limit.not-utf8",
        "o caminho do runner não é UTF-8 válido: {path}",
    ),
    ("exercises.limit.marker", "==> tempo limite:"),
    (
        "exercises.limit.stopped",
        "seu código não terminou em {limit}: parado",
    ),
    (
        "exercises.limit.usage",
        "uso: exercises {wrapper} SEGUNDOS PROGRAMA [ARGS]",
    ),
    (
        "exercises.limit.usage-hint",
        "o cargo roda isto para o runner; rode `cargo run -p exercises`",
    ),
    ("exercises.limit.starting", "iniciando {program}: {error}"),
    ("exercises.limit.waiting", "esperando {program}: {error}"),
    (
        "exercises.limit.signal",
        "o binário de teste foi morto pelo sinal {signal}",
    ),
];
