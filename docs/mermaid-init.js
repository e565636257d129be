// This Source Code Form is subject to the terms of the Mozilla Public
// License, v. 2.0. If a copy of the MPL was not distributed with this
// file, You can obtain one at https://mozilla.org/MPL/2.0/.

(() => {
    const darkThemes = ['ayu', 'navy', 'coal'];
    const lightThemes = ['light', 'rust'];

    const classList = document.getElementsByTagName('html')[0].classList;

    let lastThemeWasLight = true;
    for (const cssClass of classList) {
        if (darkThemes.includes(cssClass)) {
            lastThemeWasLight = false;
            break;
        }
    }

    const theme = lastThemeWasLight ? 'default' : 'dark';
    // Patched for the course book: start mermaid ourselves, once Font Awesome is loaded.
    // fa:fa-* labels are measured when mermaid renders: if the local Font Awesome webfont
    // is not loaded yet, the boxes are sized without the icons and the labels get clipped
    // (mermaid-js/mermaid#2651). document.fonts.load() starts the download even though no
    // element uses the font yet (document.fonts.ready alone would not).
    // deterministicIds: mermaid otherwise names each diagram's SVG after Date.now(), and two
    // diagrams drawn within the same millisecond (a cached page, a browser that rounds its
    // clock) share an id, so the second is drawn inside the first.
    mermaid.initialize({ startOnLoad: false, theme, deterministicIds: true });
    const faLoaded = (document.fonts && document.fonts.load)
        ? document.fonts.load('900 1em "Font Awesome 6 Free"', '\uf52b')
        : Promise.resolve();
    faLoaded.catch(() => {}).then(() => mermaid.run());

    // Simplest way to make mermaid re-render the diagrams in the new theme is via refreshing the page

    for (const darkTheme of darkThemes) {
        document.getElementById('mdbook-theme-' + darkTheme).addEventListener('click', () => {
            if (lastThemeWasLight) {
                window.location.reload();
            }
        });
    }

    for (const lightTheme of lightThemes) {
        document.getElementById('mdbook-theme-' + lightTheme).addEventListener('click', () => {
            if (!lastThemeWasLight) {
                window.location.reload();
            }
        });
    }
})();
