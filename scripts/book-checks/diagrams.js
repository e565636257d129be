// Injected by scripts/book-checks/diagrams.py into a copy of a built page (never into the
// book itself). It waits until mermaid has turned every <pre class="mermaid"> into an SVG,
// measures what a reader would see, and writes the result as JSON into
// <pre id="book-check-result">, which the driver reads from chromium's --dump-dom.
(() => {
    const started = Date.now();
    const report = (result) => {
        const out = document.createElement('pre');
        out.id = 'book-check-result';
        out.textContent = JSON.stringify(result);
        document.body.appendChild(out);
    };
    const measure = () => {
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
                 icons: icons.length, badIcons, clipped, pageErrors: window.pageErrors,
                 ms: Date.now() - started };
    };
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
    const pageErrors = [];
    window.addEventListener('error', (event) => pageErrors.push(String(event.message)));
    window.addEventListener('unhandledrejection', (event) => pageErrors.push(String(event.reason)));
    window.pageErrors = pageErrors;
    if (document.readyState === 'complete') {
        poll();
    } else {
        window.addEventListener('load', () => setTimeout(poll, 100));
    }
})();
