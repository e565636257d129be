// Injected by scripts/book-checks/diagrams.py into a copy of a built page (never into the
// book itself). It waits until the fonts have loaded and mermaid has turned every
// <pre class="mermaid"> into an SVG, then measures what a reader would see: the diagrams,
// and every code block and table that is wider than the text column. When the page runs in
// the driver's harness (an <iframe> as wide as the reader's window) it posts the result to the
// harness; alone, it writes it as JSON into <pre id="book-check-result">.
(() => {
    const started = Date.now();
    const report = (result) => {
        if (window.parent !== window) {
            window.parent.postMessage({ bookCheck: location.href, result }, '*');
            return;
        }
        const out = document.createElement('pre');
        out.id = 'book-check-result';
        out.textContent = JSON.stringify(result);
        document.body.appendChild(out);
    };
    const measureDiagrams = () => {
        const blocks = [...document.querySelectorAll('pre.mermaid')];
        const svgs = blocks.filter((block) => block.querySelector('svg'));
        const errors = blocks.filter((block) =>
            block.querySelector('svg[aria-roledescription="error"]') ||
            /Syntax error/i.test(block.textContent));
        const faFont = [...document.fonts].some((face) =>
            face.family.replace(/["']/g, '') === 'Font Awesome 6 Free' && face.status === 'loaded');
        const icons = blocks.flatMap((block) => [...block.querySelectorAll('i.fa, i[class*="fa-"]')]);
        const badIcons = icons.filter((icon) => {
            const style = getComputedStyle(icon);
            const glyph = getComputedStyle(icon, '::before').content;
            return !/Font Awesome/.test(style.fontFamily) || icon.getBoundingClientRect().width <= 0 ||
                !glyph || glyph === 'none' || glyph === 'normal';
        }).map((icon) => icon.className + ' font=' + getComputedStyle(icon).fontFamily +
            ' width=' + icon.getBoundingClientRect().width);
        const clipped = [];
        for (const object of document.querySelectorAll('pre.mermaid svg foreignObject')) {
            const label = object.firstElementChild;
            if (!label) continue;
            const width = object.width.baseVal.value, height = object.height.baseVal.value;
            if (label.scrollWidth > width + 1 || label.scrollHeight > height + 1) {
                clipped.push(JSON.stringify(label.textContent) + ' needs ' + label.scrollWidth + 'x' +
                    label.scrollHeight + ' in ' + width.toFixed(1) + 'x' + height.toFixed(1));
            }
        }
        return { blocks: blocks.length, svgs: svgs.length, errors: errors.length, faFont,
                 icons: icons.length, badIcons, clipped };
    };
    // The first line of an element's visible text, so that a failure says which block it is.
    const firstLine = (element) => {
        const line = (element.innerText || '').split('\n').map((text) => text.trim())
            .find((text) => text !== '') || '';
        return line.length > 70 ? line.slice(0, 69) + '…' : line;
    };
    // Pixels by which an element sticks out: hidden behind its own scroll bar (scrollWidth >
    // clientWidth), or its right edge past the text column's.
    const excess = (element, columnRight) => Math.max(
        element.scrollWidth - element.clientWidth,
        element.getBoundingClientRect().right - columnRight);
    const measureWidths = () => {
        const column = document.querySelector('main');
        if (!column) return { column: 0, wide: [], codeTexts: [] };
        // A reader may open every <details> ("What a real run prints"): measure them open.
        for (const details of column.querySelectorAll('details')) details.open = true;
        const columnRight = column.getBoundingClientRect().right;
        const wide = [];
        // A code block is the <pre> and the <code> in it (mdBook's highlight.js styles make
        // the <code> the scrolling box); a table is the <table> and mdBook's .table-wrapper.
        const groups = [
            ...[...column.querySelectorAll('pre')].map((pre) => ({
                kind: pre.classList.contains('mermaid') ? 'diagram' : 'code block',
                main: pre, parts: [pre, ...pre.querySelectorAll(':scope > code')] })),
            ...[...column.querySelectorAll('table')].map((table) => ({
                kind: 'table', main: table,
                parts: [table, ...(table.parentElement.classList.contains('table-wrapper')
                    ? [table.parentElement] : [])] })),
        ];
        for (const group of groups) {
            const over = Math.max(...group.parts.map((part) => excess(part, columnRight)));
            // One pixel of slack for sub-pixel rounding.
            if (over > 1) {
                wide.push({ kind: group.kind, text: firstLine(group.main), px: Math.ceil(over) });
            }
        }
        // What a reader copies from each code block (mdBook's copy button takes innerText): the
        // driver compares it with the block in the built HTML, so that the page's own script
        // (docs/theme/page.js) can never change or drop a character.
        const codeTexts = [...column.querySelectorAll('pre > code')].map((code) => code.innerText);
        return { column: Math.round(column.getBoundingClientRect().width), wide, codeTexts };
    };
    // The language switch (docs/theme/header.hbs): in the menu bar, shown, and where it leads
    // (the driver checks that the page exists and is this page in the other edition).
    const languageSwitch = () => {
        const link = document.getElementById('course-language');
        if (!link) return { languageSwitch: null };
        const box = link.getBoundingClientRect();
        return { languageSwitch: { href: link.href, shown: box.width > 0 && box.height > 0,
                                   inMenu: !!link.closest('#mdbook-menu-bar .right-buttons') } };
    };
    const measure = () => ({ ...measureDiagrams(), ...measureWidths(), ...languageSwitch(),
                             width: window.innerWidth, height: document.documentElement.scrollHeight,
                             pageErrors: window.pageErrors, ms: Date.now() - started });
    const poll = () => {
        const blocks = document.querySelectorAll('pre.mermaid');
        const done = [...blocks].every((block) => block.querySelector('svg'));
        if (done || Date.now() - started > 20000) {
            // One more frame so that the fonts and layout settle before measuring.
            setTimeout(() => {
                try {
                    report(measure());
                } catch (error) {
                    report({ exception: String(error && error.stack || error) });
                }
            }, 200);
        } else {
            setTimeout(poll, 100);
        }
    };
    // The driver also puts an error listener at the top of <head>, which sees the page's own
    // scripts fail; without it, only errors from here on are seen.
    if (!window.pageErrors) {
        window.pageErrors = [];
        window.addEventListener('error', (event) => window.pageErrors.push(String(event.message)));
        window.addEventListener('unhandledrejection',
            (event) => window.pageErrors.push(String(event.reason)));
    }
    // Widths depend on the book's fonts (Open Sans, Source Code Pro): measure once they are in.
    const start = () => document.fonts.ready.then(() => setTimeout(poll, 100));
    if (document.readyState === 'complete') {
        start();
    } else {
        window.addEventListener('load', start);
    }
})();
