#!/usr/bin/env python3
"""The book's truth checks that need no browser (called by scripts/check-book).

    check.py sources docs/src   every {{#include}} target exists and is non-empty,
                                and Rust code is included from the sources, not pasted
    check.py links docs/book    every internal link and #anchor of the built HTML resolves

The rule for Rust code: a ```rust fence (any info string that starts with `rust`) holds only
{{#include ...}} or {{#rustdoc_include ...}} lines. A short snippet that cannot come from the
sources (at most 6 lines) is allowed when the line right before its fence is the marker
    <!-- book: pasted snippet, because ... -->
so that every pasted line is a visible decision.
"""

import html.parser
import os
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

INCLUDE = re.compile(r"(?<!\\)\{\{#(include|rustdoc_include)\s+([^}\s]+)\s*\}\}")
FENCE = re.compile(r"^(\s*)(```+|~~~+)\s*([^\s`]*)")
PASTED_MARKER = "<!-- book: pasted snippet"
MAX_PASTED_LINES = 6


def split_include(spec):
    """'../../crates/x/src/main.rs:name' -> (path, 'name' | (start, end) | None)."""
    parts = spec.split(":")
    path, rest = parts[0], parts[1:]
    if not rest:
        return path, None
    if len(rest) == 1 and not re.fullmatch(r"\d*", rest[0]):
        return path, rest[0]
    start = int(rest[0]) if rest[0] else 1
    end = int(rest[1]) if len(rest) > 1 and rest[1] else None
    return path, (start, end)


def anchored_lines(lines, name):
    """The lines between `ANCHOR: name` and `ANCHOR_END: name`, or None if either is missing."""
    start = re.compile(r"ANCHOR:\s*" + re.escape(name) + r"(?![\w-])")
    end = re.compile(r"ANCHOR_END:\s*" + re.escape(name) + r"(?![\w-])")
    inside, found = None, None
    for line in lines:
        if inside is None:
            if start.search(line):
                inside = []
        elif end.search(line):
            found = inside
            break
        elif not re.search(r"ANCHOR(_END)?:", line):
            inside.append(line)
    return found


def check_includes(md, lines, problems):
    """Each include's file exists, its anchor or range exists, and what it gives is not empty."""
    for number, line in enumerate(lines, 1):
        for kind, spec in INCLUDE.findall(line):
            where = f"{md}:{number}: {{{{#{kind} {spec}}}}}"
            path, part = split_include(spec)
            target = (md.parent / path).resolve()
            if not target.is_file():
                problems.append(f"{where}: no such file {target}")
                continue
            body = target.read_text(encoding="utf-8").splitlines()
            if isinstance(part, str):
                got = anchored_lines(body, part)
                if got is None:
                    problems.append(f"{where}: no 'ANCHOR: {part}' ... 'ANCHOR_END: {part}' in {target}")
                    continue
            elif isinstance(part, tuple):
                got = body[part[0] - 1 : part[1]]
            else:
                got = body
            if not any(l.strip() for l in got):
                problems.append(f"{where}: includes nothing (empty anchor, range or file)")


def check_fences(md, lines, problems):
    """Rust fences hold includes only, unless marked as a short pasted snippet."""
    fence = None
    for number, line in enumerate(lines, 1):
        if fence is None:
            match = FENCE.match(line)
            if match:
                marker = lines[number - 2].strip() if number >= 2 else ""
                fence = {
                    "close": match.group(2),
                    "rust": match.group(3).lower().startswith("rust"),
                    "start": number,
                    "pasted_ok": marker.startswith(PASTED_MARKER),
                    "code": [],
                }
            continue
        stripped = line.strip()
        if not (stripped.startswith(fence["close"]) and stripped.strip("`~") == ""):
            fence["code"].append(line)
            continue
        if fence["rust"]:
            pasted = [l for l in fence["code"] if l.strip() and not INCLUDE.search(l)]
            where = f"{md}:{fence['start']}"
            if pasted and not fence["pasted_ok"]:
                problems.append(
                    f"{where}: Rust code pasted in the book ({len(pasted)} lines, first: "
                    f"{pasted[0].strip()!r}); include it from the sources "
                    f"({{{{#include ../../crates/NAME/src/main.rs:ANCHOR}}}}), or mark a short "
                    f"snippet with '{PASTED_MARKER}, because ... -->' on the line before its fence"
                )
            elif len(pasted) > MAX_PASTED_LINES:
                problems.append(
                    f"{where}: pasted snippet of {len(pasted)} lines; at most {MAX_PASTED_LINES} "
                    f"may be pasted, include longer code from the sources"
                )
        fence = None
    if fence is not None:
        problems.append(f"{md}:{fence['start']}: code fence never closed")


def check_sources(src):
    problems = []
    files = sorted(Path(src).rglob("*.md"))
    for md in files:
        lines = md.read_text(encoding="utf-8").splitlines()
        check_includes(md, lines, problems)
        check_fences(md, lines, problems)
    if not files:
        problems.append(f"{src}: no chapters found")
    return problems


class Page(html.parser.HTMLParser):
    """Collects a page's ids and the links it makes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        for key in ("href", "src"):
            if attrs.get(key) is not None:
                self.links.append((tag, attrs[key], self.getpos()[0]))


PAGES = {}


def parse(path):
    if path not in PAGES:
        page = Page()
        page.feed(path.read_text(encoding="utf-8", errors="replace"))
        PAGES[path] = page
    return PAGES[path]


def check_links(book):
    book = Path(book).resolve()
    problems, checked = [], 0
    for page_path in sorted(book.rglob("*.html")):
        if page_path.name in ("404.html", "toc.html"):
            continue  # mdBook's own pages: the 404 page links from the site root
        for tag, link, line in parse(page_path).links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue  # external (http, mailto, data...): not checked offline
            target = page_path if not parts.path else page_path.parent / unquote(parts.path)
            target = Path(os.path.normpath(target))
            if target.is_dir():
                target = target / "index.html"
            where = f"{page_path.relative_to(book)}:{line}: <{tag}> {link}"
            checked += 1
            if not target.exists():
                problems.append(f"{where}: no such file")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                problems.append(f"{where}: no id '{fragment}' in {target.relative_to(book)}")
    if checked == 0:
        problems.append(f"{book}: no links found; is this the built book?")
    return problems, checked


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("sources", "links"):
        print(__doc__, file=sys.stderr)
        return 2
    if sys.argv[1] == "sources":
        problems = check_sources(sys.argv[2])
        summary = "every include exists and is non-empty; no pasted Rust code"
    else:
        problems, checked = check_links(sys.argv[2])
        summary = f"{checked} internal links and anchors resolve"
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"book {sys.argv[1]}: {summary}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
