// The course book's page (issue 13 §4), with docs/theme/page.css. Runs after mdBook's book.js
// has highlighted the code. Without JavaScript the CSS alone still wraps everything, less neatly.
(() => {
    'use strict';

    // Splits `node` at its newlines: one list of nodes per line. An element that spans several
    // lines (a multi-line comment or string) is cut into one shallow copy per line, so that
    // every line keeps its highlighting.
    const splitLines = (node) => {
        if (node.nodeType === Node.TEXT_NODE) {
            return node.data.split('\n').map((text) => (text ? [document.createTextNode(text)] : []));
        }
        if (!node.textContent.includes('\n')) return [[node]];
        const lines = [[]];
        for (const child of [...node.childNodes]) {
            const [first, ...rest] = splitLines(child);
            lines[lines.length - 1].push(...first);
            lines.push(...rest);
        }
        return lines.map((nodes) => {
            const copy = node.cloneNode(false);
            copy.append(...nodes);
            return [copy];
        });
    };

    // Rust listings: each line becomes a span whose wrapped part goes on 4 columns deeper than
    // the line's own indentation, with a ↪ mark (page.css), instead of at the left edge where it
    // would read as a new line of code. The newlines stay as text between the spans, so copying
    // the block (mdBook's button, or a selection) gives exactly the original code.
    for (const code of document.querySelectorAll('.content pre > code.language-rust')) {
        // mdBook's hidden lines (`# ` in rustdoc_include) are spans that hold newlines: leave
        // those blocks as they are.
        if (code.querySelector('.boring')) continue;
        const lines = [];
        for (const child of [...code.childNodes]) {
            const [first, ...rest] = splitLines(child);
            if (lines.length === 0) lines.push([]);
            lines[lines.length - 1].push(...first);
            lines.push(...rest);
        }
        code.replaceChildren();
        lines.forEach((nodes, index) => {
            if (index > 0) code.append('\n');
            // The last "line" is what follows the block's final newline: usually nothing.
            if (index === lines.length - 1 && nodes.length === 0) return;
            const line = document.createElement('span');
            line.className = 'code-line';
            line.append(...nodes);
            const lead = line.textContent.match(/^ */)[0].length;
            line.style.setProperty('--lead', `${lead}ch`);
            code.append(line);
        });
        code.classList.add('code-lines');
    }

    // Tables: a long code span may break after `.`, `::`, `(` or `,` (a <wbr>), so that
    // `set_read_timeout(Some(Duration::from_millis(ms)))` breaks between its parts and not
    // in the middle of a name. `code-breaks` tells page.css to break only there; a table that
    // still does not fit its column (a phone) loses it and breaks its code spans anywhere.
    for (const code of document.querySelectorAll('.content table code')) {
        for (const text of [...code.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE)) {
            const parts = text.data.split(/(?<=::|[.(,])(?=[^).\s])/);
            if (parts.length < 2) continue;
            const pieces = [];
            parts.forEach((part, index) => {
                if (index > 0) pieces.push(document.createElement('wbr'));
                pieces.push(part);
            });
            text.replaceWith(...pieces);
        }
    }
    // A table fits when the box around it (mdBook's .table-wrapper) has nothing to scroll. If
    // breaking code spans anywhere is not enough either (a phone), words of prose may break too.
    const fit = (table) => {
        const box = table.parentElement;
        const overflows = () => box.scrollWidth > box.clientWidth + 1;
        table.classList.remove('squeezed');
        table.classList.add('code-breaks');
        if (overflows()) table.classList.remove('code-breaks');
        if (overflows()) table.classList.add('squeezed');
    };
    const tables = new Map(); // box -> the tables in it
    for (const table of document.querySelectorAll('.content table')) {
        const box = table.parentElement;
        tables.set(box, [...(tables.get(box) || []), table]);
    }
    const fitAll = () => tables.forEach((inside) => inside.forEach(fit));
    // The column's width changes with the window, the sidebar and the fonts as they load. Only
    // a new width matters: fit() itself changes the tables' height.
    const widths = new Map();
    const resized = new ResizeObserver((entries) => {
        for (const entry of entries) {
            if (widths.get(entry.target) === entry.contentRect.width) continue;
            widths.set(entry.target, entry.contentRect.width);
            tables.get(entry.target).forEach(fit);
        }
    });
    fitAll();
    tables.forEach((inside, box) => resized.observe(box));
    document.fonts.ready.then(fitAll);
})();
