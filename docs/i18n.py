#!/usr/bin/env python3
"""The book's own mdBook preprocessor for its two editions, English and pt-BR (docs/README.md,
"The Portuguese edition"). book.toml runs it twice:

    python3 i18n.py includes    before `links`, in both editions and for both renderers:
                                - a code block made only of {{#include}} lines gets
                                  <!-- i18n:skip -->: what comes from a file (code, a run, a
                                  diagram drawn by a program) is never a message;
                                - in the pt-BR edition, {{#include samples/X}} becomes
                                  {{#include samples/pt-BR/X}}: the run of the same scenario
                                  in Portuguese (traces/X likewise: what `wire` says of a
                                  trace in Portuguese). The build fails when that file is
                                  missing, so a Portuguese page never shows an English run.
                                  A Markdown fragment that includes such files is put in its
                                  chapter first, so that its includes are seen too.
    python3 i18n.py keep-code   after `links`, before `gettext`, in both editions and for both
                                renderers (html, and xgettext, which writes messages.pot):
                                - a ```rust, ```java or ```text block gets <!-- i18n:skip -->
                                  too (those of included Markdown, which `includes` does not
                                  see, and hand-written ones): code is English, and an
                                  output is a run, never a message to translate;
                                - <summary>WORDS</summary> is split so that WORDS is a
                                  paragraph: mdbook-i18n-helpers 0.4.0 never translates an
                                  HTML block, and a paragraph is a message.

mdBook first asks `python3 i18n.py MODE supports RENDERER`: every renderer is supported.
"""

import json
import os
import re
import sys
from pathlib import Path

TWINS = "pt-BR"  # the edition whose samples come from samples/pt-BR/
# The folders of src/ whose included files have a pt-BR twin in FOLDER/pt-BR/: the programs'
# runs (scripts/book-samples, scripts/two-computers, scripts/lab-samples) and what `wire` reads
# in the traces (scripts/traces).
TWINNED = ["samples", "traces"]
# Included files under a TWINNED folder that are the same in both editions, and why.
SAME_IN_BOTH = {
    "windows/": "the names of the tests CI skips under Wine, and why: written by "
                "scripts/windows/test from its list, not by a program run",
}
INCLUDE = re.compile(r"(\{\{#(?:include|rustdoc_include)\s+)([^}\s:]+)")
FENCE = re.compile(r"^((?:[ \t]*>)*[ \t]*)(`{3,}|~{3,})[ \t]*([^\s`,{]*)")
KEPT = ("rust", "java", "text")
SUMMARY = re.compile(r"^([ \t]*)<summary>(.+)</summary>[ \t]*$")
SKIP = "<!-- i18n:skip -->"


def chapters(items):
    for item in items:
        chapter = item.get("Chapter") if isinstance(item, dict) else None
        if chapter:
            yield chapter
            yield from chapters(chapter.get("sub_items", []))


MD_INCLUDE = re.compile(r"\{\{#include\s+([^}\s:]+\.md)\s*\}\}")


def inline_fragments(chapter, src):
    """Puts in the chapter, in place of its {{#include}}, each whole Markdown file that
    includes a TWINNED file itself (docs/src/wire/tcp.md includes ../traces/tcp.txt), with
    those includes made relative to the chapter: `links` would read them from the fragment,
    after this preprocessor, and the pt-BR edition would show the English files."""
    folder = (src / chapter["source_path"]).parent

    def inline(found):
        target = (folder / found.group(1)).resolve()
        if not target.is_file():
            return found.group(0)  # `links` reports it
        text = target.read_text(encoding="utf-8")
        if not any(f"{name}/" in text for name in TWINNED):
            return found.group(0)

        def rebase(nested):
            path = (target.parent / nested.group(2)).resolve()
            return nested.group(1) + Path(os.path.relpath(path, folder)).as_posix()

        return INCLUDE.sub(rebase, text.rstrip("\n"))

    chapter["content"] = MD_INCLUDE.sub(inline, chapter["content"])


def take_twins(chapter, src, problems):
    """Points each include of a sample or a trace's text at its pt-BR twin."""
    inline_fragments(chapter, src)
    folder = (src / chapter["source_path"]).parent
    where = chapter["source_path"]

    def twin(found):
        spec = found.group(2)
        target = (folder / spec).resolve()
        samples = next((src.resolve() / name for name in TWINNED
                        if target.is_relative_to(src.resolve() / name)), None)
        if samples is None:
            return found.group(0)
        inside = target.relative_to(samples)
        if any(inside.as_posix().startswith(prefix) for prefix in SAME_IN_BOTH):
            return found.group(0)
        if not (samples / TWINS / inside).is_file():
            problems.append(f"{where}: {{{{#include {spec}}}}}: no Portuguese run "
                            f"src/{samples.name}/{TWINS}/{inside.as_posix()} "
                            "(scripts/book-samples, scripts/two-computers, scripts/lab-samples "
                            "and scripts/traces write them)")
            return found.group(0)
        # The same relative path with pt-BR/ inserted right after samples/.
        parts = Path(spec).parts
        at = len(parts) - len(inside.parts)
        return found.group(1) + Path(*parts[:at], TWINS, *parts[at:]).as_posix()

    chapter["content"] = INCLUDE.sub(twin, chapter["content"])


def closes(line, fence):
    """Whether `line` closes a block opened by `fence` (CommonMark: same character, at least
    as long, nothing after it)."""
    stripped = line.lstrip(" \t>").strip()
    return len(stripped) >= len(fence) and stripped == fence[0] * len(stripped)


def blocks(lines):
    """(start, end, prefix, language) of each fenced code block: lines[start] opens it,
    lines[end] closes it (or is the last line)."""
    fence = None
    for number, line in enumerate(lines):
        if fence:
            if closes(line, fence[0]):
                yield fence[1], number, fence[2], fence[3]
                fence = None
            continue
        found = FENCE.match(line)
        if found:
            fence = (found.group(2), number, found.group(1), found.group(3).lower())
    if fence:
        yield fence[1], len(lines) - 1, fence[2], fence[3]


def skip_blocks(text, wanted):
    """Puts <!-- i18n:skip --> before each block that `wanted(language, body)` picks."""
    lines = text.split("\n")
    for start, end, prefix, language in reversed(list(blocks(lines))):
        body = [line for line in lines[start + 1 : end] if line.strip(" \t>")]
        already = start > 0 and lines[start - 1].strip(" \t>") == SKIP
        if wanted(language, body) and not already:
            lines.insert(start, prefix + SKIP)
    return "\n".join(lines)


def only_includes(language, body):
    return bool(body) and all(INCLUDE.search(line) and line.strip(" \t>").startswith("{{#")
                              for line in body)


def kept_language(language, body):
    return language.startswith(KEPT)


def split_summaries(text):
    out, fence = [], None
    for line in text.split("\n"):
        if fence:
            out.append(line)
            if closes(line, fence):
                fence = None
            continue
        found = FENCE.match(line)
        if found:
            fence = found.group(2)
            out.append(line)
            continue
        summary = SUMMARY.match(line)
        if summary:
            indent, words = summary.group(1), summary.group(2).strip()
            out += [f"{indent}<summary>", "", f"{indent}{words}", "", f"{indent}</summary>"]
            continue
        out.append(line)
    return "\n".join(out)


def main():
    args = sys.argv[1:]
    if len(args) == 3 and args[1] == "supports":
        return 0
    if len(args) != 1 or args[0] not in ("includes", "keep-code"):
        print(__doc__, file=sys.stderr)
        return 2
    context, book = json.load(sys.stdin)
    config = context["config"].get("book", {})
    src = Path(context["root"]) / config.get("src", "src")
    problems = []
    for chapter in chapters(book["items"]):
        if args[0] == "keep-code":
            chapter["content"] = split_summaries(skip_blocks(chapter["content"], kept_language))
            continue
        chapter["content"] = skip_blocks(chapter["content"], only_includes)
        if config.get("language") == TWINS and chapter.get("source_path"):
            take_twins(chapter, src, problems)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        return 1
    json.dump(book, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
