// The Article Lens reader: renders an Analysis (see src/model.rs) into a container. One module
// for the extension's reader page and the www/ playground. Text from the analysis is inserted as
// text nodes; the article's HTML (already sanitized by ammonia in the core) goes through
// DOMParser + importNode, so nothing in it can run.

export const DEFAULT_SETTINGS = Object.freeze({ theme: 'auto', font: 'serif', size: 2, highlights: true });
const TEXT_SIZES = ['15px', '17px', '19px', '21px', '24px'];
const KIND_LABELS = { claim: 'Key claim', figure: 'Figure', date: 'Date' };

/** Creates an element: h('p', {class: 'x'}, 'text', child…). Strings become text nodes. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/**
 * "2025-02-18T17:22:00+01:00" → "18 February 2025, 17:22" in the reader's locale, keeping the
 * wall-clock time the article gives (not converted to the reader's time zone).
 */
export function formatDate(iso, locale) {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2}))?/.exec(iso ?? '');
  if (!m) return iso ?? '';
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, m[3] ? +m[3] : 1, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0));
  if (Number.isNaN(date.getTime())) return iso;
  const options = { timeZone: 'UTC', year: 'numeric', month: 'long' };
  if (m[3]) options.day = 'numeric';
  if (m[4]) Object.assign(options, { hour: '2-digit', minute: '2-digit' });
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return iso;
  }
}

/** Sort key of a date mention: its first instant, or its value, as comparable ISO text. */
function chronologicalKey(d) {
  const key = d.start ?? d.value ?? '';
  return /^\d{4}/.test(key) ? key : null;
}

/** Dates in chronological order; those that cannot be placed (times, durations) keep text order after them. */
export function sortDates(dates) {
  const placed = [];
  const rest = [];
  dates.forEach((d, index) => {
    const key = chronologicalKey(d);
    (key ? placed : rest).push({ d, index, key });
  });
  placed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));
  return [...placed, ...rest];
}

/** Parses sanitized HTML into a fragment of this document, with safe link and image attributes. */
function importContent(html) {
  const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html');
  // Defence in depth: the core already removed all of these.
  for (const el of parsed.querySelectorAll('script, style, iframe, object, embed, form, link, meta, base')) el.remove();
  for (const el of parsed.body.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      if (attr.name.startsWith('on') || attr.name === 'style') el.removeAttribute(attr.name);
      else if (/^(href|src)$/.test(attr.name) && /^\s*javascript:/i.test(attr.value)) el.removeAttribute(attr.name);
    }
  }
  for (const a of parsed.querySelectorAll('a[href]')) {
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
  }
  for (const img of parsed.querySelectorAll('img')) {
    img.loading = 'lazy';
    img.referrerPolicy = 'no-referrer';
  }
  const fragment = document.createDocumentFragment();
  for (const node of [...parsed.body.childNodes]) fragment.append(document.importNode(node, true));
  return fragment;
}

const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

function flash(elements) {
  for (const el of elements) {
    el.classList.remove('al-flash');
    // Restart the animation on a second click.
    void el.offsetWidth;
    el.classList.add('al-flash');
    setTimeout(() => el.classList.remove('al-flash'), 1800);
  }
}

export class Reader {
  /**
   * @param {HTMLElement} container where the reader lives (the whole body in the extension)
   * @param {object} options
   *   onClose()            shows a close button and closes on Esc when given
   *   onShowAnyway()       called by "Show anyway" on a page that is not an article
   *   settings             saved settings (see DEFAULT_SETTINGS)
   *   onSettingsChange(s)  persists the settings
   */
  constructor(container, { onClose, onShowAnyway, settings, onSettingsChange } = {}) {
    this.onClose = onClose;
    this.onShowAnyway = onShowAnyway;
    this.onSettingsChange = onSettingsChange;
    this.settings = { ...DEFAULT_SETTINGS, ...(settings ?? {}) };
    this.root = h('div', { 'data-article-lens': 'reader', class: 'al-root' });
    this.status = h('div', { class: 'al-status', role: 'status', 'aria-live': 'polite' });
    this.body = h('div', { class: 'al-body' });
    this.root.append(this.toolbar(), this.status, this.body);
    this.applySettings();
    container.append(this.root);
    if (onClose) {
      this.keyListener = (event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          this.onClose();
        }
      };
      this.root.ownerDocument.addEventListener('keydown', this.keyListener);
    }
  }

  destroy() {
    if (this.keyListener) this.root.ownerDocument.removeEventListener('keydown', this.keyListener);
    this.root.remove();
  }

  setSettings(settings) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.applySettings();
  }

  updateSetting(name, value) {
    this.settings = { ...this.settings, [name]: value };
    this.applySettings();
    this.onSettingsChange?.(this.settings);
  }

  applySettings() {
    const s = this.settings;
    const size = Math.min(TEXT_SIZES.length - 1, Math.max(0, Number(s.size) || 0));
    this.root.dataset.theme = s.theme;
    this.root.dataset.font = s.font;
    this.root.dataset.highlights = s.highlights ? 'on' : 'off';
    this.root.style.setProperty('--al-text-size', TEXT_SIZES[size]);
    if (this.controls) {
      this.controls.font.textContent = s.font === 'serif' ? 'Sans' : 'Serif';
      this.controls.font.setAttribute('aria-label', `Use a ${s.font === 'serif' ? 'sans-serif' : 'serif'} font`);
      this.controls.smaller.disabled = size === 0;
      this.controls.larger.disabled = size === TEXT_SIZES.length - 1;
      this.controls.highlights.setAttribute('aria-pressed', String(Boolean(s.highlights)));
      this.controls.theme.value = s.theme;
    }
  }

  toolbar() {
    const size = () => Number(this.settings.size) || 0;
    const font = h('button', { type: 'button', class: 'al-tool', onclick: () => this.updateSetting('font', this.settings.font === 'serif' ? 'sans' : 'serif') });
    const smaller = h('button', { type: 'button', class: 'al-tool', 'aria-label': 'Smaller text', title: 'Smaller text', onclick: () => this.updateSetting('size', size() - 1) }, 'A−');
    const larger = h('button', { type: 'button', class: 'al-tool', 'aria-label': 'Larger text', title: 'Larger text', onclick: () => this.updateSetting('size', size() + 1) }, 'A+');
    const highlights = h('button', { type: 'button', class: 'al-tool', title: 'Show highlights in the text', onclick: () => this.updateSetting('highlights', !this.settings.highlights) }, 'Highlights');
    const theme = h('select', { class: 'al-tool', 'aria-label': 'Colour theme', onchange: (e) => this.updateSetting('theme', e.target.value) },
      h('option', { value: 'auto' }, 'Auto'), h('option', { value: 'light' }, 'Light'), h('option', { value: 'dark' }, 'Dark'));
    this.controls = { font, smaller, larger, highlights, theme };
    const close = this.onClose
      ? h('button', { type: 'button', class: 'al-tool al-close', 'aria-label': 'Close the reader (Esc)', title: 'Close (Esc)', 'data-action': 'close', onclick: () => this.onClose() }, '✕')
      : null;
    return h('header', { class: 'al-bar' },
      h('span', { class: 'al-brand' }, 'Article Lens'),
      h('div', { class: 'al-tools', role: 'group', 'aria-label': 'Reading settings' }, font, smaller, larger, highlights, theme),
      close);
  }

  /** Replaces the body with `nodes`; returns the body. */
  replaceBody(...nodes) {
    this.body.replaceChildren(...nodes);
    return this.body;
  }

  showLoading(message = 'Analysing…') {
    this.status.textContent = message;
    this.replaceBody(h('div', { class: 'al-message al-loading', 'data-state': 'loading' }, h('span', { class: 'al-spinner', 'aria-hidden': 'true' }), message));
  }

  showError(message) {
    this.status.textContent = '';
    this.replaceBody(h('div', { class: 'al-message al-error', role: 'alert', 'data-state': 'error' },
      h('h1', {}, 'Article Lens could not read this page'),
      h('p', {}, message ? `${message[0].toUpperCase()}${message.slice(1)}.`.replace(/\.\.$/, '.') : 'Something went wrong.'),
      this.onClose ? h('button', { type: 'button', class: 'al-button', onclick: () => this.onClose() }, 'Back to the page') : null));
  }

  /** Renders an analysis. A page that is not an article gets a notice and "Show anyway" instead (unless forced). */
  show(analysis, { forced = false } = {}) {
    this.status.textContent = '';
    this.analysis = analysis;
    const { article, verdict } = analysis;
    if (!verdict.is_article && !forced) {
      this.replaceBody(h('div', { class: 'al-message al-notice', 'data-state': 'not-article' },
        h('h1', {}, 'This page does not look like an article'),
        h('p', {}, article.title ? `“${article.title}”: ${verdict.reason}.` : `${verdict.reason}.`),
        h('p', {}, 'Article Lens works best on news stories and blog posts.'),
        h('div', { class: 'al-actions' },
          this.onShowAnyway ? h('button', { type: 'button', class: 'al-button al-primary', 'data-action': 'show-anyway', onclick: () => this.onShowAnyway() }, 'Show anyway') : null,
          this.onClose ? h('button', { type: 'button', class: 'al-button', onclick: () => this.onClose() }, 'Back to the page') : null)));
      this.body.querySelector('[data-action="show-anyway"]')?.focus();
      return;
    }
    const main = h('main', { class: 'al-main', tabindex: '-1' }, this.renderArticle(article));
    const layout = h('div', { class: 'al-layout', 'data-state': 'article' }, main, this.renderPanel(analysis));
    this.replaceBody(layout);
    main.focus({ preventScroll: true });
  }

  renderArticle(article) {
    const meta = [];
    if (article.byline) meta.push(h('span', { class: 'al-byline' }, article.byline));
    if (article.site_name) meta.push(h('span', { class: 'al-site' }, article.site_name));
    if (article.published) {
      meta.push(h('time', { class: 'al-published', datetime: article.published }, formatDate(article.published)));
    }
    if (article.reading_minutes > 0) meta.push(h('span', { class: 'al-reading-time' }, `${article.reading_minutes} min read`));

    const content = h('div', { class: 'al-content' });
    content.append(importContent(article.content_html ?? ''));
    // The header already shows the title: drop a leading heading that repeats it.
    const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
    const first = content.firstElementChild;
    if (first && /^H[1-3]$/.test(first.tagName) && article.title && squash(first.textContent) === squash(article.title)) {
      first.remove();
    }
    content.addEventListener('click', (event) => {
      const mark = event.target.closest?.('mark[data-id]');
      if (mark) this.revealEntry(mark.dataset.id);
    });
    for (const mark of content.querySelectorAll('mark[data-kind]')) {
      const label = KIND_LABELS[mark.dataset.kind] ?? mark.dataset.kind;
      mark.title = mark.dataset.value ? `${label}: ${mark.dataset.value}` : label;
    }

    // The lead image, unless the content already shows it.
    let lead = null;
    if (article.lead_image && /^https?:|^data:image\//.test(article.lead_image)) {
      const shown = [...content.querySelectorAll('img')].some((img) => img.getAttribute('src') === article.lead_image);
      if (!shown) {
        lead = h('figure', { class: 'al-lead' }, h('img', { src: article.lead_image, alt: '', referrerpolicy: 'no-referrer', decoding: 'async' }));
        const img = lead.querySelector('img');
        img.addEventListener('error', () => lead.remove(), { once: true });
      }
    }

    let site = null;
    if (article.url) {
      site = h('a', { class: 'al-source', href: article.url, target: '_blank', rel: 'noopener noreferrer' }, hostOf(article.url));
    }
    return h('article', { class: 'al-article', lang: article.lang ?? undefined, dir: article.dir ?? undefined },
      h('header', { class: 'al-article-header' },
        site,
        h('h1', { class: 'al-title' }, article.title || 'Untitled'),
        meta.length ? h('p', { class: 'al-meta' }, meta) : null),
      lead,
      content);
  }

  renderPanel(analysis) {
    const claims = analysis.claims ?? [];
    const figures = analysis.figures ?? [];
    const dates = analysis.dates ?? [];
    const section = (label, kind, items, render, empty) =>
      h('section', { 'aria-label': label, class: `al-section al-${kind}s` },
        h('h2', {}, h('span', { class: `al-swatch al-swatch-${kind}`, 'aria-hidden': 'true' }), label, h('span', { class: 'al-count' }, String(items.length))),
        items.length ? h('ol', { class: 'al-entries' }, items.map(render)) : h('p', { class: 'al-empty' }, empty));

    const entry = (id, ...children) =>
      h('li', {}, h('button', { type: 'button', class: 'al-entry', 'data-target': id, onclick: () => this.revealMark(id) }, children));

    const claimItem = (c, i) => entry(`claim-${i}`,
      h('span', { class: 'al-entry-text' }, c.text),
      c.speaker ? h('span', { class: 'al-speaker' }, `— ${c.speaker}`) : null,
      h('span', { class: 'al-entry-meta' }, [humanKind(c.kind), ...(c.reasons ?? [])].filter(Boolean).join(' · ')));

    const figureItem = (f, i) => entry(`figure-${i}`,
      h('span', { class: 'al-entry-text' }, f.text),
      h('span', { class: 'al-value' }, f.normalized || '—'),
      h('span', { class: 'al-entry-meta' }, [humanKind(f.kind), f.modifier && humanKind(f.modifier), f.approximate ? 'order of magnitude' : null].filter(Boolean).join(' · ')));

    const dateItem = ({ d, index }) => entry(`date-${index}`,
      h('span', { class: 'al-entry-text' }, d.text),
      h('span', { class: 'al-value' }, d.value || '—'),
      h('span', { class: 'al-entry-meta' }, [humanKind(d.kind), d.relative ? 'relative' : null].filter(Boolean).join(' · ')));

    return h('aside', { class: 'al-panel', 'aria-label': 'Analysis' },
      section('Key claims', 'claim', claims, claimItem, 'No check-worthy claims found.'),
      section('Figures', 'figure', figures, figureItem, 'No figures found.'),
      section('Dates', 'date', sortDates(dates), dateItem, 'No dates found.'));
  }

  /** Scrolls to the highlight of a panel entry and flashes it. */
  revealMark(id) {
    const marks = [...this.body.querySelectorAll(`mark[data-id="${CSS.escape(id)}"]`)];
    if (!marks.length) return;
    marks[0].scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
    flash(marks);
  }

  /** Scrolls the panel to the entry of a clicked highlight and flashes it. */
  revealEntry(id) {
    const button = this.body.querySelector(`.al-entry[data-target="${CSS.escape(id)}"]`);
    if (!button) return;
    button.scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
    flash([button]);
  }
}

function humanKind(kind) {
  return typeof kind === 'string' ? kind.replaceAll('_', ' ') : '';
}

function hostOf(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
