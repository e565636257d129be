#!/usr/bin/env python3
"""Checks, in headless Chromium, that every mermaid diagram of the built book renders.

    diagrams.py docs/book [--screenshots DIR]

For each page with <pre class="mermaid"> blocks it copies the built book to a temporary
directory, adds scripts/book-checks/diagrams.js to the page, runs
`chromium --headless --dump-dom`, and reads the JSON that the script left in the page. A page
fails when a block did not become an SVG, mermaid drew its error picture, the local Font
Awesome font did not load, an fa: icon has no Font Awesome glyph or no width, or a label needs
more room than its box (clipped). --screenshots also saves a full-height PNG of each page.
Needs chromium (scripts/install-tools chromium); no network, no npm.
"""

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ICON = re.compile(r"fa[bklrs]?:fa-[\w-]+")


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("error: chromium not found\nhint: scripts/install-tools chromium")


def run_chromium(browser, profile, extra, url):
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-quic", "--hide-scrollbars", f"--user-data-dir={profile}",
        "--virtual-time-budget=30000", *extra, url,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def main():
    args = sys.argv[1:]
    shots = None
    if "--screenshots" in args:
        at = args.index("--screenshots")
        shots = Path(args[at + 1]).resolve()
        shots.mkdir(parents=True, exist_ok=True)
        del args[at : at + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    book = Path(args[0]).resolve()
    browser = chromium()
    problems, total_blocks, total_icons = [], 0, 0
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "book"
        shutil.copytree(book, copy)
        shutil.copy(HERE / "diagrams.js", copy / "book-check-diagrams.js")
        pages = [p for p in sorted(copy.rglob("*.html"))
                 if p.name != "print.html" and 'class="mermaid"' in p.read_text(encoding="utf-8")]
        if not pages:
            problems.append("no page of the book has a mermaid diagram")
        for page in pages:
            name = page.relative_to(copy)
            source = page.read_text(encoding="utf-8")
            blocks = re.findall(r'<pre class="mermaid">(.*?)</pre>', source, re.S)
            expected_icons = sum(len(ICON.findall(block)) for block in blocks)
            depth = len(name.parts) - 1
            script = "../" * depth + "book-check-diagrams.js"
            page.write_text(source.replace("</body>", f'<script src="{script}"></script></body>'),
                            encoding="utf-8")
            profile = Path(scratch) / "profile"
            shutil.rmtree(profile, ignore_errors=True)
            try:
                done = run_chromium(browser, profile, ["--dump-dom"], page.as_uri())
            except subprocess.TimeoutExpired:
                problems.append(f"{name}: chromium did not finish within 120 s")
                continue
            found = re.search(r'<pre id="book-check-result">(.*?)</pre>', done.stdout, re.S)
            if not found:
                problems.append(f"{name}: the check did not finish (chromium exit {done.returncode}): "
                                f"{done.stderr.strip()[-500:]}")
                continue
            result = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&")
                                .replace("&lt;", "<").replace("&gt;", ">"))
            total_blocks += result["blocks"]
            total_icons += result["icons"]
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
            print(f"diagrams: {name}: {result['svgs']}/{len(blocks)} SVG, {result['icons']} icons, "
                  f"{len(result['clipped'])} clipped", file=sys.stderr)
            if shots:
                # The page without the check script, as a reader sees it, full height.
                page.write_text(source, encoding="utf-8")
                shot = shots / (str(name).replace("/", "_").removesuffix(".html") + ".png")
                shutil.rmtree(profile, ignore_errors=True)
                run_chromium(browser, profile, [f"--screenshot={shot}", "--window-size=1200,4000"],
                             page.as_uri())
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"book diagrams: {total_blocks} diagrams render as SVG, {total_icons} icons shown, "
          f"no label clipped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
