#!/usr/bin/env python3
"""Checks, in headless Chromium, what a reader sees on every page of the built book.

    diagrams.py docs/book [--width PX] [--screenshots DIR]

It copies the built book to a temporary directory, adds scripts/book-checks/diagrams.js to
every page, and opens all the pages one after the other in a single `chromium --headless
--dump-dom` run: a harness page loads each one in an <iframe> as wide as the reader's window
(--width, 1280 px by default: the width the book promises) and collects the JSON each page
posts back. A page fails when:
  - a code block (a <pre>, its <code>) or a table is wider than the text column: cut behind
    a horizontal scroll bar (scrollWidth > clientWidth) or its right edge past the column's.
    The error names the page, the element's first line and by how many pixels it overflows;
  - what a reader copies from a code block (its innerText, as mdBook's copy button takes it)
    differs from the block in the built HTML (docs/theme/page.js rearranges code blocks);
  - a script of the page throws (an error listener goes in first, at the top of <head>);
  - a mermaid block did not become an SVG, mermaid drew its error picture, the local Font
    Awesome font did not load, an fa: icon has no glyph or no width, or a label needs more
    room than its box (clipped);
  - in a book with its pt-BR edition (docs/book/pt-BR/), the language switch is not in the menu
    bar, or does not lead to the same page in the other edition.
<details> blocks are opened before measuring. print.html (every chapter again), toc.html (the
sidebar's fallback) and 404.html (served from the site root only) are not checked.
--screenshots also saves a full-height PNG of each page at that width, as a reader sees it.
Needs chromium (scripts/install-tools chromium); no network, no npm.
"""

import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

HERE = Path(__file__).resolve().parent
ICON = re.compile(r"fa[bklrs]?:fa-[\w-]+")
SKIPPED = {"print.html", "toc.html", "404.html"}
HEIGHT = 900  # the window's height; the widths do not depend on it
TALLEST_SHOT = 16000  # px; a longer page is cut at the bottom of its screenshot

# First thing in each page: record the errors of every script (mdBook's, mermaid's, page.js).
ERRORS = ("<script>window.pageErrors = [];"
          "addEventListener('error', (e) => pageErrors.push(String(e.message)));"
          "addEventListener('unhandledrejection', (e) => pageErrors.push(String(e.reason)));"
          "</script>")

# Loads the pages one at a time in an iframe of the reader's window size; each page's
# diagrams.js posts its result here. A page that never answers is recorded after 60 s.
HARNESS = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<style>body { margin: 0; } iframe { border: 0; display: block; }</style></head>
<body><script>
const pages = PAGES, width = WIDTH, height = HEIGHT;
const results = {};
let frame = null, timer = null;
const next = () => {
    clearTimeout(timer);
    if (frame) frame.remove();
    const page = pages.shift();
    if (page === undefined) {
        const out = document.createElement('pre');
        out.id = 'book-check-result';
        out.textContent = JSON.stringify(results);
        document.body.appendChild(out);
        return;
    }
    frame = document.createElement('iframe');
    frame.width = width;
    frame.height = height;
    frame.dataset.page = page;
    frame.src = page;
    document.body.appendChild(frame);
    timer = setTimeout(() => { results[page] = { timeout: true }; next(); }, 60000);
};
window.addEventListener('message', (event) => {
    if (!event.data || !event.data.bookCheck || !frame) return;
    results[frame.dataset.page] = event.data.result;
    next();
});
next();
</script></body></html>
"""


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("error: chromium not found\nhint: scripts/install-tools chromium")


def run_chromium(browser, profile, extra, url, budget_ms, timeout_s):
    shutil.rmtree(profile, ignore_errors=True)
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-quic", f"--user-data-dir={profile}",
        f"--virtual-time-budget={budget_ms}", *extra, url,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout_s)


def quoted(text, limit=70):
    return json.dumps(text[:limit], ensure_ascii=False)


def code_blocks(source):
    """The text of each code block in the page's <main> (the text column), as built."""
    found = re.search(r"<main>(.*)</main>", source, re.S)
    bodies = re.findall(r"<pre[^>]*><code[^>]*>(.*?)</code></pre>", found.group(1) if found else "",
                        re.S)
    return [html.unescape(re.sub(r"<[^>]*>", "", body)) for body in bodies]


def copy_problems(name, source, copied):
    """A code block whose copied text is not the built one, with the first line that differs."""
    built = code_blocks(source)
    if len(built) != len(copied):
        return [f"{name}: {len(copied)} code blocks in the page, {len(built)} in the built HTML"]
    problems = []
    for want, got in zip(built, copied):
        if want == got:
            continue
        first = next((line.strip() for line in want.splitlines() if line.strip()), "")
        want, got = want.split("\n"), got.split("\n")
        at = next((i for i, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
        line = lambda lines: quoted(lines[at]) if at < len(lines) else "(no line)"
        problems.append(f"{name}: code block {quoted(first)}: a reader copies {line(got)} as line "
                        f"{at + 1}, the built HTML has {line(want)}")
    return problems


def switch_problems(name, switch, book):
    """The language switch is in the menu bar and leads to this page in the other edition."""
    if "pt-BR/" not in name and not (book / "pt-BR").is_dir():
        return []  # a book with one edition
    if not switch:
        return [f"{name}: no language switch (docs/theme/header.hbs)"]
    problems = []
    if not switch["inMenu"] or not switch["shown"]:
        problems.append(f"{name}: the language switch is not shown in the menu bar")
    target = Path(unquote(urlsplit(switch["href"]).path))
    twin = name.removeprefix("pt-BR/") if name.startswith("pt-BR/") else "pt-BR/" + name
    if not target.is_file() or target.resolve() != (book / twin).resolve():
        problems.append(f"{name}: the language switch leads to {switch['href']}, not to {twin}")
    return problems


def check_page(name, source, result, book):
    """The problems of one page, from the built HTML and what diagrams.js measured."""
    if result.get("timeout"):
        return [f"{name}: the page did not report within 60 s"]
    if "exception" in result:
        return [f"{name}: the check failed in the page: {result['exception']}"]
    problems = []
    blocks = re.findall(r'<pre class="mermaid">(.*?)</pre>', source, re.S)
    expected_icons = sum(len(ICON.findall(block)) for block in blocks)
    if result["svgs"] != result["blocks"] or result["blocks"] != len(blocks):
        problems.append(f"{name}: {result['svgs']} of {len(blocks)} diagrams became SVG")
    if result["errors"]:
        problems.append(f"{name}: {result['errors']} diagrams drew mermaid's error picture")
    if expected_icons and not result["faFont"]:
        problems.append(f"{name}: the Font Awesome font did not load")
    if result["icons"] != expected_icons:
        problems.append(f"{name}: {result['icons']} icons shown, the sources ask for {expected_icons}")
    for icon in result["badIcons"]:
        problems.append(f"{name}: icon without a Font Awesome glyph: {icon}")
    for label in result["clipped"]:
        problems.append(f"{name}: clipped label {label}")
    for error in result["pageErrors"]:
        # A script loaded from file:// is cross-origin to the page: the browser hides the detail.
        where = " (open the page with the browser's console to see which)" * (error == "Script error.")
        problems.append(f"{name}: JavaScript error in the page: {error}{where}")
    problems += copy_problems(name, source, result["codeTexts"])
    problems += switch_problems(name, result.get("languageSwitch"), book)
    for wide in result["wide"]:
        problems.append(f"{name}: {wide['kind']} {quoted(wide['text'])} is {wide['px']} px wider "
                        f"than the {result['column']} px text column")
    return problems


def main():
    args = sys.argv[1:]
    shots, width = None, 1280
    if "--screenshots" in args:
        at = args.index("--screenshots")
        shots = Path(args[at + 1]).resolve()
        shots.mkdir(parents=True, exist_ok=True)
        del args[at : at + 2]
    if "--width" in args:
        at = args.index("--width")
        try:
            width = int(args[at + 1])
        except (IndexError, ValueError):
            sys.exit("error: --width takes a number of pixels\nhint: --width 800")
        del args[at : at + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    book = Path(args[0]).resolve()
    browser = chromium()
    problems, totals = [], {"pages": 0, "blocks": 0, "icons": 0}
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "book"
        profile = Path(scratch) / "profile"
        shutil.copytree(book, copy)
        shutil.copy(HERE / "diagrams.js", copy / "book-check-diagrams.js")
        sources = {}
        for page in sorted(copy.rglob("*.html")):
            if page.name in SKIPPED:
                continue
            name = page.relative_to(copy).as_posix()
            sources[name] = page.read_text(encoding="utf-8")
            script = "../" * name.count("/") + "book-check-diagrams.js"
            page.write_text(sources[name].replace("<head>", f"<head>{ERRORS}", 1).replace(
                "</body>", f'<script src="{script}"></script></body>'), encoding="utf-8")
        if not any('class="mermaid"' in source for source in sources.values()):
            problems.append("no page of the book has a mermaid diagram")
        harness = copy / "book-check-harness.html"
        harness.write_text(HARNESS.replace("PAGES", json.dumps(list(sources)))
                           .replace("WIDTH", str(width)).replace("HEIGHT", str(HEIGHT)),
                           encoding="utf-8")
        results, limit = {}, 60 + 30 * len(sources)
        try:
            done = run_chromium(browser, profile, [f"--window-size={width},{HEIGHT}", "--dump-dom"],
                                harness.as_uri(), 30000 + 30000 * len(sources), limit)
            found = re.search(r'<pre id="book-check-result">(.*?)</pre>', done.stdout, re.S)
            if found:
                results = json.loads(html.unescape(found.group(1)))
            else:
                problems.append(f"the check did not finish (chromium exit {done.returncode}): "
                                f"{done.stderr.strip()[-500:]}")
        except subprocess.TimeoutExpired:
            problems.append(f"chromium did not finish within {limit} s")
        for name, source in sources.items():
            if name not in results:
                if results:
                    problems.append(f"{name}: no result from the page")
                continue
            result = results[name]
            problems += check_page(name, source, result, copy)
            if "wide" in result:
                totals["pages"] += 1
                totals["blocks"] += result["blocks"]
                totals["icons"] += result["icons"]
                print(f"page: {name}: {result['svgs']}/{result['blocks']} diagrams, "
                      f"{result['icons']} icons, {len(result['clipped'])} clipped, "
                      f"{len(result['wide'])} wider than the {result['column']} px column",
                      file=sys.stderr)
            if shots:
                # The page without the check script, as a reader sees it, full height.
                (copy / name).write_text(source, encoding="utf-8")
                shot = shots / (name.replace("/", "_").removesuffix(".html") + ".png")
                height = min(max(result.get("height", HEIGHT), HEIGHT), TALLEST_SHOT)
                run_chromium(browser, profile,
                             [f"--screenshot={shot}", f"--window-size={width},{height}"],
                             (copy / name).as_uri(), 30000, 120)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if any("wider than the" in problem for problem in problems):
        print(f"hint: look at the page in a {width} px wide window (scripts/check-book --screenshots "
              "DIR); docs/theme/page.css wraps code blocks and tables, a line or a cell it cannot "
              "wrap must change", file=sys.stderr)
    if problems:
        return 1
    print(f"book pages: {totals['pages']} pages at {width} px, no code block or table wider than "
          f"the text column, code blocks copy as built; {totals['blocks']} diagrams render as SVG, "
          f"{totals['icons']} icons shown, no label clipped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
