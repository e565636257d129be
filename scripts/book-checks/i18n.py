#!/usr/bin/env python3
"""The book's rules for its two editions (docs/README.md, "The Portuguese edition"), called by
scripts/check-book.

    i18n.py sources docs/src     what translation would break in the sources:
                                 - a GitHub-style admonition (> [!NOTE]): mdbook-i18n-helpers
                                   0.4.0 turns it into a plain quote that starts "[!NOTE]";
                                   write `> **Note.** ...` instead;
                                 - a link to a #heading whose id is not written in the heading
                                   (`## Heading { #id }`): mdBook makes the id from the words,
                                   and the pt-BR words make another one, so the link breaks
    i18n.py editions docs/book   the language switch (theme/header.hbs) leads somewhere: every
                                 page of the English edition has its twin in docs/book/pt-BR/
                                 and the other way round, and each edition says its language
                                 (<html lang>)
"""

import re
import sys
from pathlib import Path

ADMONITION = re.compile(r"^\s*(>\s*)+\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]", re.I)
LINK = re.compile(r"\]\(([^()\s]*?)#([^()\s]+)\)|href=\"([^\"#]*)#([^\"]+)\"")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
HTML_ID = re.compile(r"\bid=\"([^\"]+)\"")
FENCE = re.compile(r"^\s*(```|~~~)")
SKIPPED_PAGES = {"404.html", "toc.html"}


def lines_outside_code(text):
    """(number, line) of each line that is not inside a fenced code block."""
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        if FENCE.match(line):
            inside = not inside
            continue
        if not inside:
            yield number, line


def explicit_ids(path):
    """The ids a page sets itself: `{ #id }` on a heading, or id="..." in its HTML."""
    ids = set()
    for _, line in lines_outside_code(path.read_text(encoding="utf-8")):
        heading = HEADING.match(line)
        if heading and (found := EXPLICIT_ID.search(heading.group(2))):
            ids.add(found.group(1))
        ids.update(HTML_ID.findall(line))
    return ids


INCLUDE_MD = re.compile(r"\{\{#include\s+([^}:\s]+\.md)\s*\}\}")


def fragments_of(src):
    """{fragment: the chapters that include it}: a Markdown file included by a chapter (the
    Java and "On the wire" parts) has its links resolved from the chapter, as in the book."""
    including = {}
    for md in src.rglob("*.md"):
        for name in INCLUDE_MD.findall(md.read_text(encoding="utf-8")):
            including.setdefault((md.parent / name).resolve(), []).append(md.resolve())
    return including


def check_sources(src):
    src = Path(src)
    problems, links = [], 0
    ids = {}
    including = fragments_of(src)

    def ids_of(page):
        """The ids a page sets, with those of the fragments it includes."""
        if page not in ids:
            ids[page] = explicit_ids(page).union(
                *(explicit_ids(f) for f, chapters in including.items() if page in chapters))
        return ids[page]

    for md in sorted(src.rglob("*.md")):
        where = md.relative_to(src)
        # Where the links of this file are followed from: itself, or the chapters including it.
        bases = including.get(md.resolve(), [md.resolve()])
        for number, line in lines_outside_code(md.read_text(encoding="utf-8")):
            if ADMONITION.match(line):
                problems.append(f"{where}:{number}: an admonition ({line.strip()[:30]}...): the pt-BR "
                                "edition would show it as a plain quote starting with its tag; "
                                "write `> **Note.** ...` (or Warning, Tip) instead")
            for found in LINK.finditer(line):
                page, fragment = (found.group(1), found.group(2)) if found.group(2) else (found.group(3), found.group(4))
                if re.match(r"[a-z][a-z0-9+.-]*:", page or ""):
                    continue  # another site: not ours to check
                for base in bases:
                    target = (base.parent / page).resolve() if page else base
                    if target.suffix != ".md" or not target.is_file():
                        continue  # not a chapter (the link check of the built book reports it)
                    links += 1
                    if fragment not in ids_of(target):
                        problems.append(
                            f"{where}:{number}: the link to {page}#{fragment} needs the id in the "
                            f"heading itself: `## ... {{ #{fragment} }}` in {target.relative_to(src.resolve())} "
                            "(a translated heading gets another id from its words)")
    return problems, f"no admonition; {links} links to headings use the headings' own ids"


def check_editions(book):
    book = Path(book)
    other = book / "pt-BR"
    english = {p.relative_to(book) for p in book.rglob("*.html") if other not in p.parents}
    portuguese = {p.relative_to(other) for p in other.rglob("*.html")}
    problems = []
    for page in sorted(english - portuguese):
        problems.append(f"{page}: no pt-BR/{page}: the language switch of {page} leads nowhere")
    for page in sorted(portuguese - english):
        problems.append(f"pt-BR/{page}: no {page}: the language switch of pt-BR/{page} leads nowhere")
    for root, language in ((book, "en"), (other, "pt-BR")):
        for page in sorted((english if language == "en" else portuguese) - {Path(p) for p in SKIPPED_PAGES}):
            head = (root / page).read_text(encoding="utf-8")[:400]
            if f'<html lang="{language}"' not in head:
                problems.append(f"{root.relative_to(book.parent)}/{page}: not <html lang=\"{language}\">")
            if 'id="course-language"' not in (root / page).read_text(encoding="utf-8"):
                problems.append(f"{root.relative_to(book.parent)}/{page}: no language switch")
    if not portuguese:
        problems.append(f"{other}: no pt-BR edition (scripts/book builds it)")
    return problems, f"{len(english)} pages in each edition, each with its language switch"


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("sources", "editions"):
        print(__doc__, file=sys.stderr)
        return 2
    check = check_sources if sys.argv[1] == "sources" else check_editions
    problems, summary = check(sys.argv[2])
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"book {sys.argv[1]} (i18n): {summary}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
