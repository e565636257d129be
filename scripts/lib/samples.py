"""What the book's sample outputs share: one normalisation of what changes from run to run.
Imported by scripts/book-samples, scripts/two-computers (through book-samples) and
scripts/traces, so that every sample the book shows follows the same rules."""

import re


class Normaliser:
    """Replaces run-specific numbers in a sample, the same way in every file of a scenario."""

    def __init__(self, fixed):
        self.fixed = dict(fixed)  # real port -> the course port it stands for
        self.ephemeral = {}

    def port(self, number):
        number = int(number)
        if number in self.fixed:
            return str(self.fixed[number])
        if number not in self.ephemeral:
            self.ephemeral[number] = f"5xxx{len(self.ephemeral) + 1}"
        return self.ephemeral[number]

    def __call__(self, lines):
        out = []
        for line in lines:
            # Durations: decimals with a unit, or integers glued to it (81.4µs, 0.146 s, 12ms);
            # "1 s" stays, it is an option's value (--idle-timeout 1).
            line = re.sub(r"\b\d+\.\d+\s?(ns|µs|us|ms|s)\b|\b\d+(ns|µs|us|ms)\b", "<time>", line)
            # The English and the Portuguese wording of each (SOCKETS_LANG=en, pt-BR).
            line = re.sub(r"\b\d+(\.\d+)? (datagrams/s|datagramas/s|MB/s|MiB/s)", r"<rate> \2", line)
            line = re.sub(r"\b(RUN|run) [0-9a-f]{4}\b|\b(execução) [0-9a-f]{4}(?=:)",
                          lambda m: f"{m.group(1) or m.group(2)} xxxx", line)
            line = re.sub(r"(kernel receive buffer|buffer de recepção do kernel de) \d+ bytes",
                          r"\1 <size> bytes", line)
            line = re.sub(r"RcvbufErrors \+\d+", "RcvbufErrors +<n>", line)
            line = re.sub(r"\(pid \d+\)", "(pid <pid>)", line)
            # Ports in addresses (127.0.0.1:43794, [::1]:43794), then the same numbers alone.
            line = re.sub(r"(?<=[\d\]]:)(\d{2,5})\b", lambda m: self.port(m.group(1)), line)
            for real, shown in [*self.fixed.items(), *self.ephemeral.items()]:
                if real >= 1024:
                    line = re.sub(rf"(?<![\d.:]){real}\b", str(shown), line)
            out.append(line.rstrip())
        return out
