// "Show on page": draws the analysis highlights on the original page with the CSS Custom
// Highlight API. Nothing is added to the page's DOM: Ranges over its own text nodes go into
// CSS.highlights, and the ::highlight() styles come from onpage.css (scripting.insertCSS).
// Injected by the background script into the content script's world on request.
//
// Mapping: each highlighted string (with some text before and after it, from the extracted
// article) is looked for in the page's visible text, compared without whitespace, so line breaks
// and block boundaries do not matter. Of several occurrences, the one whose surroundings match
// best wins; ties go to the first after the previous item (text order).
(() => {
  if (globalThis.__articleLensOnPage) return;
  // Firefox content scripts see the page through Xray wrappers; Highlight and CSS.highlights work
  // through them (checked in Firefox ESR 153), so the page cannot intercept them by redefining
  // its own globals and no wrappedJSObject/cloneInto is needed.
  const pageWindow = globalThis;
  const NAMES = { claim: 'article-lens-claim', figure: 'article-lens-figure', date: 'article-lens-date' };
  const FLASH = 'article-lens-flash';
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'TITLE', 'IFRAME', 'OBJECT', 'SELECT', 'OPTION']);
  // Whitespace, soft hyphens and zero-width characters never take part in a comparison.
  const IGNORED = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/;
  const CONTEXT = 48;

  let ranges = new Map(); // id → Range
  let kinds = new Map(); // id → kind
  let flashTimer = 0;

  /** The page's visible text without ignored characters, and where each character comes from. */
  function pageText() {
    const nodes = [];
    const visible = new Map();
    // Iterative (a page can nest 100,000 deep): climbs to the nearest known ancestor, then
    // settles the chain top-down.
    const isVisible = (el) => {
      const chain = [];
      for (let e = el; e && !visible.has(e); e = e.parentElement) chain.push(e);
      for (let i = chain.length - 1; i >= 0; i--) {
        const e = chain[i];
        const parent = e.parentElement;
        let shown = !SKIP.has(e.tagName) && (!parent || visible.get(parent));
        if (shown) shown = e.checkVisibility ? e.checkVisibility({ visibilityProperty: true }) : e.getClientRects().length > 0;
        visible.set(e, shown);
      }
      return visible.get(el);
    };
    const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
    let chars = [];
    const nodeOf = [];
    const offsetOf = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.data || !isVisible(parent)) continue;
      const n = nodes.push(node) - 1;
      const data = node.data;
      for (let i = 0; i < data.length; i++) {
        if (IGNORED.test(data[i])) continue;
        chars.push(data[i]);
        nodeOf.push(n);
        offsetOf.push(i);
      }
    }
    const text = chars.join('');
    chars = null;
    return { text, nodes, nodeOf, offsetOf };
  }

  const strip = (s) => String(s ?? '').split('').filter((c) => !IGNORED.test(c)).join('');

  /** How many characters of `before` end at `pos` and of `after` start at `end`. */
  function contextScore(text, pos, end, before, after) {
    let score = 0;
    while (score < before.length && pos - score - 1 >= 0 && text[pos - score - 1] === before[before.length - score - 1]) score++;
    let a = 0;
    while (a < after.length && end + a < text.length && text[end + a] === after[a]) a++;
    return score + a;
  }

  /**
   * Finds items [{id, kind, text, before, after}] (in article text order) in the page; returns
   * Map id → Range for those found.
   */
  function locate(items) {
    const page = pageText();
    const found = new Map();
    let cursor = 0;
    for (const item of items) {
      const needle = strip(item.text);
      if (!needle) continue;
      const before = strip(item.before).slice(-CONTEXT);
      const after = strip(item.after).slice(0, CONTEXT);
      let best = -1;
      let bestScore = -1;
      for (let pos = page.text.indexOf(needle); pos !== -1; pos = page.text.indexOf(needle, pos + 1)) {
        // A small bonus keeps text order between equally good places.
        const score = contextScore(page.text, pos, pos + needle.length, before, after) + (pos >= cursor ? 0.5 : 0);
        if (score > bestScore) {
          best = pos;
          bestScore = score;
        }
      }
      if (best < 0) continue;
      const last = best + needle.length - 1;
      const range = document.createRange();
      range.setStart(page.nodes[page.nodeOf[best]], page.offsetOf[best]);
      range.setEnd(page.nodes[page.nodeOf[last]], page.offsetOf[last] + 1);
      found.set(item.id, range);
      cursor = best;
    }
    return found;
  }

  function registry() {
    return pageWindow.CSS?.highlights;
  }

  // Figures and dates sit inside claims: they paint above them, and a flash above all.
  const PRIORITY = { claim: 0, figure: 1, date: 1, flash: 2 };

  function makeHighlight(list, priority) {
    const highlight = new pageWindow.Highlight();
    for (const range of list) highlight.add(range);
    highlight.priority = priority;
    return highlight;
  }

  /** Registers the highlights of the kinds switched on in `show`; removes the others. */
  function apply(show) {
    const highlights = registry();
    for (const [kind, name] of Object.entries(NAMES)) {
      const list = [...ranges].filter(([id]) => kinds.get(id) === kind).map(([, range]) => range);
      if (show?.[kind] !== false && list.length) highlights.set(name, makeHighlight(list, PRIORITY[kind]));
      else highlights.delete(name);
    }
  }

  /** Is the text around the highlights light on dark? (Then onpage-dark.css suits the page better.) */
  function darkText() {
    const first = ranges.values().next().value;
    const el = first?.startContainer.parentElement ?? document.body;
    const rgb = (getComputedStyle(el).color.match(/[\d.]+/g) ?? [0, 0, 0]).slice(0, 3).map(Number);
    const luminance = (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
    return luminance > 0.6;
  }

  /** When no highlight is in view, brings the first (in page order) there, so the user sees the effect. */
  function revealFirstUnlessVisible() {
    const all = [...ranges.values()];
    const inView = (r) => {
      const rect = r.getBoundingClientRect();
      return (rect.width || rect.height) && rect.bottom > 0 && rect.top < window.innerHeight;
    };
    if (!all.length || all.some(inView)) return;
    const first = all.reduce((a, b) => (a.compareBoundaryPoints(Range.START_TO_START, b) <= 0 ? a : b));
    center(first, false);
  }

  /** Scrolls a range to the middle of the view (its paragraph may be taller than the view). */
  function center(range, smooth) {
    let rect = range.getBoundingClientRect();
    if (rect.top >= 0 && rect.bottom <= window.innerHeight && (rect.width || rect.height)) return;
    // First into any scrolling box of the page, then to the middle of the window.
    range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
    rect = range.getBoundingClientRect();
    window.scrollBy({ top: rect.top - (window.innerHeight - rect.height) / 2, behavior: smooth ? 'smooth' : 'auto' });
  }

  globalThis.__articleLensOnPage = {
    /** Shows items on the page; returns {found: {kind: n}, total: {kind: n}, missing: [id], dark}. */
    show(items, show) {
      this.clear();
      if (!registry() || typeof pageWindow.Highlight !== 'function') return { unsupported: true };
      ranges = locate(items);
      kinds = new Map(items.map((item) => [item.id, item.kind]));
      apply(show);
      revealFirstUnlessVisible();
      const found = {};
      const total = {};
      for (const item of items) {
        total[item.kind] = (total[item.kind] ?? 0) + 1;
        if (ranges.has(item.id)) found[item.kind] = (found[item.kind] ?? 0) + 1;
      }
      return { found, total, missing: items.filter((item) => !ranges.has(item.id)).map((item) => item.id), dark: darkText() };
    },
    setShown(show) {
      if (ranges.size) apply(show);
    },
    /** Scrolls a highlight into the middle of the view and flashes it; false if it was not found. */
    reveal(id, smooth) {
      const range = ranges.get(id);
      if (!range) return false;
      center(range, smooth);
      const highlights = registry();
      highlights.set(FLASH, makeHighlight([range], PRIORITY.flash));
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => highlights.delete(FLASH), 1600);
      return true;
    },
    /** Removes every highlight of ours. */
    clear() {
      clearTimeout(flashTimer);
      const highlights = registry();
      if (highlights) for (const name of [...Object.values(NAMES), FLASH]) highlights.delete(name);
      ranges = new Map();
      kinds = new Map();
    },
  };
})();
