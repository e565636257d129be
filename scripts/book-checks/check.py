#!/usr/bin/env python3
"""The book's truth checks that need no browser (called by scripts/check-book).

    check.py sources docs/src   every {{#include}} target exists and is non-empty, Rust code
                                is included from the sources, not pasted, and each listing
                                contains the calls that introduce it (the listing rule)
    check.py links docs/book    every internal link and #anchor of the built HTML resolves
    check.py selftest           the listing rule on its fixtures (scripts/book-checks/fixtures/):
                                the bad chapter must fail with exactly the expected problems

The rule for Rust code: a ```rust fence (any info string that starts with `rust`) holds only
{{#include ...}} or {{#rustdoc_include ...}} lines. A short snippet that cannot come from the
sources (at most 6 lines) is allowed when the line right before its fence is the marker
    <!-- book: pasted snippet, because ... -->
so that every pasted line is a visible decision.

The listing rule: a ```rust listing contains every call that introduces it. Three things name
a call for the listing below them:
  - its heading (the nearest heading above it): a backticked call written with parentheses
    (`send_to(...)`, `socket.join_multicast_v4()`), or one of the course's calls (CALLS)
    alone or after a path (`send_to`, `thread::spawn`, `Arc::clone`);
  - the paragraph right above its fence: one of CALLS written with parentheses
    (`send_to(bytes, address)`); a bare name there may be a contrast ("unlike `connect`..."),
    and other calls may be Java's (`socket.receive(packet)`);
  - the name of an included anchor, when it is one of CALLS (`:send_to`, `:accept`).
"Contains" means in the code, comments left out (a comment saying "send_to" is no send_to),
as a whole name or the start of one (`join` is in `join_multicast_v4`, `write` in
`write_all`); a `::` path must appear whole. A name is a call only in snake_case: Java's
`joinGroup(...)`, types (`UdpSocket`) and constants (`SO_REUSEADDR`) are not checked.
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

# The course's calls, as a heading or an anchor may name them without parentheses: the socket
# calls the programs narrate, the options they set, and the Rust they run them with.
CALLS = {
    "bind", "listen", "accept", "incoming", "connect", "connect_timeout", "shutdown",
    "send", "send_to", "recv", "recv_from", "peek", "peek_from",
    "read", "read_exact", "read_to_end", "read_line", "read_until", "write", "write_all", "flush",
    "join", "leave", "join_multicast_v4", "join_multicast_v6", "leave_multicast_v4",
    "leave_multicast_v6", "set_reuse_address", "set_reuse_port", "set_read_timeout",
    "set_write_timeout", "set_nonblocking", "set_ttl", "set_multicast_if_v4",
    "set_multicast_ttl_v4", "set_multicast_loop_v4", "set_multicast_loop_v6",
    "set_multicast_all_v4", "set_recv_buffer_size", "set_send_buffer_size",
    "set_nodelay", "set_broadcast", "try_clone", "take_error",
    "local_addr", "peer_addr", "sendmmsg", "recvmmsg", "spawn", "clone",
}
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
CODE_SPAN = re.compile(r"`([^`]+)`")
# `name`, `a::b::name`, `receiver.name`, each optionally with `(...)` and `?`: the last name in
# snake_case.
CALL_SPAN = re.compile(
    r"^(?P<path>(?:[A-Za-z_]\w*::)*)(?:[A-Za-z_][\w.]*\.)?(?P<name>[a-z_][a-z0-9_]*)"
    r"(?P<parens>\(.*\))?\??;?$"
)


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


def included_text(md, spec):
    """The lines an include gives, or None when its file or anchor is missing."""
    path, part = split_include(spec)
    target = (md.parent / path).resolve()
    if not target.is_file():
        return None
    body = target.read_text(encoding="utf-8").splitlines()
    if isinstance(part, str):
        return anchored_lines(body, part)
    if isinstance(part, tuple):
        return body[part[0] - 1 : part[1]]
    return body


def without_comments(lines):
    """Rust code with its `//` comments taken out (a `//` inside a string is rare here)."""
    code = []
    for line in lines:
        stripped = line.lstrip()
        if stripped.startswith("//"):
            continue
        code.append(re.sub(r"(^|\s)//.*$", "", line))
    return "\n".join(code)


def calls_named(text, in_heading):
    """The calls that backticked spans of `text` name: (what to find, as written).
    A heading names a call with parentheses or one of CALLS; a paragraph, one of CALLS with
    parentheses (it may quote Java's `socket.receive(packet)`, or name a call in contrast)."""
    found = []
    for span in CODE_SPAN.findall(text):
        match = CALL_SPAN.match(span.strip())
        if not match:
            continue
        path, name, parens = match.group("path"), match.group("name"), match.group("parens")
        if in_heading and parens is None and name not in CALLS:
            continue  # `std::net`, `socket2`: not calls
        if not in_heading and (parens is None or name not in CALLS):
            continue
        found.append((path + name, span.strip()))
    return found


def contains_call(code, call):
    """Whether `call` ('send_to', 'thread::spawn') is in the code, whole or as a name's start."""
    return re.search(r"(?<!\w)" + re.escape(call) + r"(?:_\w*)?(?!\w)", code) is not None


def check_listings(md, lines, problems):
    """The listing rule (see the module's doc): each ```rust listing contains the calls that
    its heading, the paragraph right above it, and its anchors' names say it shows."""
    # `paragraph`: the text lines of the block being read; `previous`: the block before the
    # blank line that ended it (a fence usually follows its paragraph after a blank line).
    heading, paragraph, previous, fence = None, [], [], None
    for number, line in enumerate(lines, 1):
        if fence is not None:
            stripped = line.strip()
            if stripped.startswith(fence["close"]) and stripped.strip("`~") == "":
                if fence["rust"]:
                    listing_problems(md, fence, heading, problems)
                fence, paragraph, previous = None, [], []
            else:
                fence["code"].append(line)
            continue
        match = FENCE.match(line)
        if match:
            fence = {
                "close": match.group(2),
                "rust": match.group(3).lower().startswith("rust"),
                "start": number,
                "paragraph": " ".join(paragraph or previous),
                "code": [],
            }
            continue
        if HEADING.match(line):
            heading, paragraph, previous = line.strip(), [], []
        elif not line.strip():
            if paragraph:
                paragraph, previous = [], paragraph
        elif not line.lstrip().startswith("<!--"):
            paragraph.append(line.strip())


def listing_problems(md, fence, heading, problems):
    code_lines, anchors = [], []
    for line in fence["code"]:
        includes = INCLUDE.findall(line)
        if not includes:
            code_lines.append(line)
        for _, spec in includes:
            got = included_text(md, spec)
            if got is None:
                return  # check_includes reports it
            code_lines.extend(got)
            path, part = split_include(spec)
            if isinstance(part, str):
                anchors.append(part)
    code = without_comments(code_lines)
    named = []
    if heading:
        named += [(call, f"its heading {heading!r} names `{span}`")
                  for call, span in calls_named(heading, in_heading=True)]
    named += [(call, f"the paragraph above it names `{span}`")
              for call, span in calls_named(fence["paragraph"], in_heading=False)]
    named += [(anchor, f"it includes the anchor '{anchor}'")
              for anchor in anchors if anchor in CALLS]
    missing = {}
    for call, why in named:
        if not contains_call(code, call):
            missing.setdefault(call, []).append(why)
    for call, whys in missing.items():
        problems.append(
            f"{md}:{fence['start']}: the listing has no `{call}` in its code, but "
            f"{' and '.join(whys)}; include the lines that make the call, or name what the "
            f"listing shows (the listing rule, docs/README.md)"
        )


def check_sources(src):
    problems = []
    files = sorted(Path(src).rglob("*.md"))
    for md in files:
        lines = md.read_text(encoding="utf-8").splitlines()
        check_includes(md, lines, problems)
        check_fences(md, lines, problems)
        check_listings(md, lines, problems)
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


FIXTURES = Path(__file__).resolve().parent / "fixtures"


def selftest():
    """The listing rule on its fixtures: good.md passes; bad.md gives exactly the problems that
    expected.txt lists, one per line as `LINE: CALL`. Returns the problems of the test itself."""
    failures = []
    for name in ("good.md", "bad.md"):
        md = FIXTURES / "docs" / name
        found = []
        check_listings(md, md.read_text(encoding="utf-8").splitlines(), found)
        got = sorted(
            re.sub(r"^.*?:(\d+): the listing has no `([^`]+)`.*$", r"\1: \2", problem)
            for problem in found
        )
        expected = [] if name == "good.md" else sorted(
            line.strip() for line in (FIXTURES / "expected.txt").read_text().splitlines()
            if line.strip() and not line.startswith("#")
        )
        if got != expected:
            failures.append(f"{md}: expected {expected}, got {got}: " + " | ".join(found))
    return failures


def main():
    if sys.argv[1:] == ["selftest"]:
        failures = selftest()
        for failure in failures:
            print(f"error: {failure}", file=sys.stderr)
        if not failures:
            print("book selftest: the listing rule passes good.md and fails bad.md as expected",
                  file=sys.stderr)
        return 1 if failures else 0
    if len(sys.argv) != 3 or sys.argv[1] not in ("sources", "links"):
        print(__doc__, file=sys.stderr)
        return 2
    if sys.argv[1] == "sources":
        problems = check_sources(sys.argv[2])
        summary = ("every include exists and is non-empty; no pasted Rust code; every "
                   "listing contains the calls that introduce it")
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
