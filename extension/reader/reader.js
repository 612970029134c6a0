// The Article Lens reader: renders an Analysis (see src/model.rs) into a container. One module
// for the extension's reader page and the www/ playground. Text from the analysis is inserted as
// text nodes; the article's HTML (already sanitized by ammonia in the core) goes through
// DOMParser + importNode, so nothing in it can run. UI text comes from a translator `t` over
// the extension's _locales messages (see i18n.js).

import { chunkLongBlocks, lazyBlocks } from './chunks.js';
import { flash, h, reducedMotion } from './dom.js';
import { findingTargets, findingsSection, markFindings } from './findings.js';
import { FORMATS, saveText, worksheetFilename } from './export.js';
import { Listener, RATES } from './listen.js';
import { playerMethods } from './player.js';
import { formatDate, sortDates, sortFigures } from './values.js';

export const KINDS = ['claim', 'figure', 'date'];
export const THEMES = ['auto', 'light', 'dark', 'sepia'];
export const DEFAULT_SETTINGS = Object.freeze({
  theme: 'auto', font: 'serif', size: 2, width: 'medium', spacing: 'normal', images: 'on', rate: 1,
  show: Object.freeze({ claim: true, figure: true, date: true }),
});
const TEXT_SIZES = ['15px', '17px', '19px', '21px', '24px'];
const WIDTHS = { narrow: '56ch', medium: '68ch', wide: '84ch' };
const SPACINGS = { compact: '1.4', normal: '1.62', relaxed: '1.9' };
const SECTION_KEYS = { claim: 'section_claims', figure: 'section_figures', date: 'section_dates' };
// Characters of article text on either side of a highlight that "Show on page" compares too.
const ON_PAGE_CONTEXT = 48;

/** Escapes text for Markdown inline use. */
function md(text) {
  return String(text ?? '').replace(/\s+/g, ' ').trim().replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** A plain-words version of a core error message ("the page is empty" → "The page is empty."). */
function sentence(message) {
  const text = String(message ?? '').trim();
  if (!text) return '';
  return `${text[0].toUpperCase()}${text.slice(1)}${/[.!?…]$/.test(text) ? '' : '.'}`;
}

/** Parses sanitized HTML into a fragment of this document, with safe link and image attributes;
 * `t` names the embedded videos (a link whose text is the core's play sign ▶). With `images`
 * false, no image is fetched: each stands as a placeholder that shows its alt text. */
function importContent(html, t, { images = true, listed = Infinity } = {}) {
  const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html');
  // A very long page: only the figures and dates the panel lists keep their highlight.
  if (Number.isFinite(listed)) {
    for (const mark of parsed.querySelectorAll('mark[data-id]')) {
      const id = /^(?:figure|date)-(\d+)$/.exec(mark.dataset.id);
      if (id && Number(id[1]) >= listed) mark.replaceWith(...mark.childNodes);
    }
  }
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
    if (a.textContent.trim() === '\u25B6') {
      let host = '';
      try { host = new URL(a.href).hostname.replace(/^www\./, ''); } catch { /* relative or odd: no host */ }
      // The label is generated content: it stays out of the text that highlights index.
      a.classList.add('al-embed');
      a.dataset.label = t('embedded_video', host || '…');
      a.setAttribute('aria-label', a.dataset.label);
      a.removeAttribute('title');
    }
  }
  for (const img of parsed.querySelectorAll('img')) {
    img.loading = 'lazy';
    img.referrerPolicy = 'no-referrer';
  }
  if (!images) {
    // Before the fragment joins this document, so nothing is fetched. The label is generated
    // content: it stays out of the text that highlights index.
    for (const source of parsed.querySelectorAll('picture source')) source.remove();
    for (const video of parsed.querySelectorAll('video[poster]')) video.removeAttribute('poster');
    for (const img of parsed.querySelectorAll('img')) {
      const alt = img.getAttribute('alt')?.trim();
      const label = alt ? t('image_placeholder', alt) : t('image_placeholder_plain');
      img.replaceWith(h('span', { class: 'al-image-off', role: 'img', 'aria-label': label, 'data-label': label }));
    }
  }
  chunkLongBlocks(parsed.body);
  lazyBlocks(parsed.body);
  const fragment = document.createDocumentFragment();
  for (const node of [...parsed.body.childNodes]) fragment.append(document.importNode(node, true));
  return fragment;
}

// The reader lists and highlights at most this many figures and dates (each kind): past it, the
// panel and the highlights of a page of tens of thousands would keep the reader busy for a minute.
const MAX_LISTED = 1000;

/** The analysis as the reader shows it: a very long page's figures and dates cut to the first MAX_LISTED, with the totals. */
function bounded(analysis) {
  const figures = analysis.figures ?? [];
  const dates = analysis.dates ?? [];
  if (figures.length <= MAX_LISTED && dates.length <= MAX_LISTED) return analysis;
  return {
    ...analysis,
    figures: figures.slice(0, MAX_LISTED),
    dates: dates.slice(0, MAX_LISTED),
    listed: MAX_LISTED,
    totals: { figure: figures.length, date: dates.length },
  };
}

export class Reader {
  /**
   * @param {HTMLElement} container where the reader lives (the whole body in the extension)
   * @param {object} options
   *   t(key, …subs)        UI text (see i18n.js); required
   *   locale               BCP 47 tag for dates and numbers (defaults to the browser's)
   *   onClose()            shows a close button and closes on Esc when given
   *   onShowAnyway()       called by "Show anyway" on a page that is not an article
   *   settings             saved settings (see DEFAULT_SETTINGS)
   *   onSettingsChange(s)  persists the settings
   *   onShowOnPage(items, show)  "Show on page": draws items [{id, kind, text, before, after}] on the
   *                        original page; resolves to {found, total, missing} or {error} / {unsupported}
   *   onRevealOnPage(id)   scrolls the page to a highlight (in the on-page panel)
   *   onBackToReader()     leaves the on-page panel for the full reader
   *   onWorksheet(format)  resolves to the fact-check worksheet ('markdown' | 'json') of the shown
   *                        page; shows the Export buttons when given
   */
  constructor(container, { t, locale, onClose, onShowAnyway, settings, onSettingsChange, onShowOnPage, onRevealOnPage, onBackToReader, onWorksheet } = {}) {
    if (typeof t !== 'function') throw new TypeError('Reader needs a translator t(key)');
    this.t = t;
    this.locale = locale;
    // Closing the reader stops Listen first.
    this.onClose = onClose && (() => {
      this.listener?.stop();
      onClose();
    });
    this.onShowAnyway = onShowAnyway;
    this.onSettingsChange = onSettingsChange;
    this.onShowOnPage = onShowOnPage;
    this.onRevealOnPage = onRevealOnPage;
    this.onBackToReader = onBackToReader;
    this.onWorksheet = onWorksheet;
    this.settings = normalizeSettings(settings);
    this.figureSort = 'order';
    this.root = h('div', { 'data-article-lens': 'reader', class: 'al-root' });
    this.status = h('div', { class: 'al-status', role: 'status', 'aria-live': 'polite' });
    this.body = h('div', { class: 'al-body' });
    this.tip = h('div', { class: 'al-tip', role: 'tooltip', id: 'al-tip', hidden: true });
    this.descriptions = h('div', { class: 'al-descriptions', hidden: true });
    this.listener = new Listener({ root: this.root, rate: this.settings.rate, onChange: (state) => this.updatePlayer(state) });
    this.root.append(h('div', { class: 'al-top' }, this.toolbar(), this.settingsPanel(), this.playerBar()), this.status, this.body, this.tip, this.descriptions);
    this.applySettings();
    container.append(this.root);
    this.keyListener = (event) => this.onKey(event);
    this.root.ownerDocument.addEventListener('keydown', this.keyListener);
  }

  destroy() {
    this.listener.stop();
    this.root.ownerDocument.removeEventListener('keydown', this.keyListener);
    this.root.remove();
  }

  /** Esc: hides a tooltip, then the settings, then pauses Listen, then closes the reader. Listen's keys: see listenKey. */
  onKey(event) {
    if (event.defaultPrevented) return;
    if (event.key !== 'Escape') {
      this.listenKey(event);
      return;
    }
    if (!this.tip.hidden) {
      event.preventDefault();
      this.hideTip();
      return;
    }
    if (!this.settingsBox.hidden) {
      event.preventDefault();
      this.toggleSettings(false);
      this.controls.settings.focus();
      return;
    }
    if (this.listener.playing) {
      event.preventDefault();
      this.listener.pause();
      return;
    }
    if (this.onClose) {
      event.preventDefault();
      this.onClose();
    }
  }

  setSettings(settings) {
    this.settings = normalizeSettings(settings);
    this.applySettings();
  }

  updateSetting(name, value) {
    const imagesChanged = name === 'images' && value !== this.settings.images;
    this.settings = { ...this.settings, [name]: value };
    this.applySettings();
    if (imagesChanged) this.rerenderArticle();
    this.onSettingsChange?.(this.settings);
  }

  /** Renders the shown article again (after the images setting changed), keeping the scroll. */
  rerenderArticle() {
    const main = this.body.querySelector('.al-layout .al-main');
    if (!main || !this.analysis) return;
    const pending = this.body.querySelector('.al-layout')?.dataset.analysis === 'pending';
    const y = window.scrollY;
    main.replaceChildren(this.renderArticle(this.analysis.article));
    this.listener.load({ keep: true });
    markFindings(main, this.analysis);
    this.describeMarks(main);
    this.updateMarkFocus();
    if (!pending) window.scrollTo(window.scrollX, y);
  }

  toggleKind(kind) {
    this.updateSetting('show', { ...this.settings.show, [kind]: !this.settings.show[kind] });
  }

  applySettings() {
    const s = this.settings;
    const size = Math.min(TEXT_SIZES.length - 1, Math.max(0, Number(s.size) || 0));
    this.root.dataset.theme = s.theme;
    this.root.dataset.font = s.font;
    for (const kind of KINDS) this.root.dataset[`show${kind[0].toUpperCase()}${kind.slice(1)}`] = s.show[kind] ? 'on' : 'off';
    this.root.style.setProperty('--al-text-size', TEXT_SIZES[size]);
    this.root.style.setProperty('--al-measure', WIDTHS[s.width] ?? WIDTHS.medium);
    this.root.style.setProperty('--al-leading', SPACINGS[s.spacing] ?? SPACINGS.normal);
    const c = this.controls;
    c.smaller.disabled = size === 0;
    c.larger.disabled = size === TEXT_SIZES.length - 1;
    c.sizeValue.textContent = `${size + 1}/${TEXT_SIZES.length}`;
    for (const [name, select] of Object.entries(c.selects)) select.value = s[name];
    for (const kind of KINDS) c.kinds[kind].setAttribute('aria-pressed', String(Boolean(s.show[kind])));
    if (this.player) this.player.rate.value = String(s.rate);
    if (this.listener && this.listener.rate !== s.rate) this.listener.setRate(s.rate);
    this.updateMarkFocus();
  }

  toolbar() {
    const t = this.t;
    const kinds = Object.fromEntries(KINDS.map((kind) => [kind, h('button', {
      type: 'button', class: 'al-tool al-kind', 'data-kind': kind, title: t('toggle_kind_title', t(SECTION_KEYS[kind])),
      onclick: () => this.toggleKind(kind),
    }, h('span', { class: `al-swatch al-swatch-${kind}`, 'aria-hidden': 'true' }), t(SECTION_KEYS[kind]))]));
    const settings = h('button', {
      type: 'button', class: 'al-tool', 'data-action': 'settings', 'aria-expanded': 'false', 'aria-controls': 'al-settings',
      title: t('settings_title'), onclick: () => this.toggleSettings(),
    }, h('span', { 'aria-hidden': 'true', class: 'al-aa' }, 'Aa'), h('span', { class: 'al-tool-label' }, t('settings_button')));
    const copy = h('button', { type: 'button', class: 'al-tool', 'data-action': 'copy', onclick: () => this.copyMarkdown() }, t('copy_markdown'));
    const listen = h('button', {
      type: 'button', class: 'al-tool', 'data-action': 'listen', 'aria-expanded': 'false', 'aria-controls': 'al-player', 'aria-keyshortcuts': 'L',
      title: `${t('listen_title')} (L)`, onclick: () => this.toggleListen(),
    }, t('listen'));
    const exports = this.onWorksheet
      ? h('div', { class: 'al-export', role: 'group', 'aria-label': t('export_group') },
        h('span', { class: 'al-kinds-label', 'aria-hidden': 'true' }, t('export_group')),
        Object.keys(FORMATS).map((format) => h('button', {
          type: 'button', class: 'al-tool', 'data-action': `export-${format}`, title: t(`export_${format}_title`), onclick: () => this.exportWorksheet(format),
        }, t(`export_${format}`))))
      : null;
    const print = h('button', { type: 'button', class: 'al-tool', 'data-action': 'print', onclick: () => this.root.ownerDocument.defaultView.print() }, t('print'));
    const onPage = this.onShowOnPage
      ? h('button', { type: 'button', class: 'al-tool', 'data-action': 'show-on-page', title: t('show_on_page_title'), onclick: () => this.showOnPage() }, t('show_on_page'))
      : null;
    const back = this.onShowOnPage
      ? h('button', { type: 'button', class: 'al-tool al-panel-only', 'data-action': 'reader', onclick: () => this.leavePanelMode() }, t('back_to_reader'))
      : null;
    const kindGroup = h('div', { class: 'al-kinds', role: 'group', 'aria-label': t('highlights_group') },
      h('span', { class: 'al-kinds-label', 'aria-hidden': 'true' }, t('highlights_group')), Object.values(kinds));
    this.controls = { kinds, kindGroup, settings, copy, print, onPage, back, listen, exports };
    const close = this.onClose
      ? h('button', { type: 'button', class: 'al-tool al-close', 'aria-label': t('close_label'), title: t('close_label'), 'data-action': 'close', onclick: () => this.onClose() }, '✕')
      : null;
    const skip = h('button', { type: 'button', class: 'al-tool al-skip', 'data-action': 'skip', onclick: () => this.focusPanel() }, t('skip_to_analysis'));
    return h('header', { class: 'al-bar' },
      skip,
      h('span', { class: 'al-brand' }, t('brand')),
      kindGroup,
      h('div', { class: 'al-tools' }, listen, onPage, settings, copy, exports, print, back),
      close);
  }

  settingsPanel() {
    const t = this.t;
    const size = () => Number(this.settings.size) || 0;
    const select = (name, label, values) => {
      const id = `al-set-${name}`;
      const el = h('select', { id, class: 'al-tool', 'data-setting': name, onchange: (e) => this.updateSetting(name, e.target.value) },
        values.map((v) => h('option', { value: v }, t(`${name}_${v}`))));
      return [el, h('div', { class: 'al-field' }, h('label', { for: id }, label), el)];
    };
    const [theme, themeField] = select('theme', t('setting_theme'), THEMES);
    const [font, fontField] = select('font', t('setting_font'), ['serif', 'sans']);
    const [width, widthField] = select('width', t('setting_width'), Object.keys(WIDTHS));
    const [spacing, spacingField] = select('spacing', t('setting_spacing'), Object.keys(SPACINGS));
    const [images, imagesField] = select('images', t('setting_images'), ['on', 'off']);
    const smaller = h('button', { type: 'button', class: 'al-tool', 'data-action': 'smaller', 'aria-label': t('smaller_text'), title: t('smaller_text'), onclick: () => this.updateSetting('size', size() - 1) }, 'A−');
    const larger = h('button', { type: 'button', class: 'al-tool', 'data-action': 'larger', 'aria-label': t('larger_text'), title: t('larger_text'), onclick: () => this.updateSetting('size', size() + 1) }, 'A+');
    const sizeValue = h('output', { class: 'al-size-value', 'aria-live': 'polite' });
    Object.assign(this.controls, { smaller, larger, sizeValue, selects: { theme, font, width, spacing, images } });
    this.settingsBox = h('div', { id: 'al-settings', class: 'al-settings', role: 'group', 'aria-label': t('settings_title'), hidden: true },
      themeField, fontField,
      h('div', { class: 'al-field', role: 'group', 'aria-label': t('setting_size') }, h('span', { 'aria-hidden': 'true' }, t('setting_size')), smaller, sizeValue, larger),
      widthField, spacingField, imagesField);
    return this.settingsBox;
  }

  /** Highlight toggles, Copy and Print only make sense beside an article. */
  showArticleControls(shown) {
    const { kindGroup, copy, print, onPage, listen, exports } = this.controls;
    for (const el of [kindGroup, copy, print, onPage, listen, exports]) if (el) el.hidden = !shown;
    if (this.playerBox) {
      this.playerBox.hidden = !(shown && this.playerOpen);
      listen.setAttribute('aria-expanded', String(!this.playerBox.hidden));
    }
  }

  /** Moves the keyboard to the first entry of the analysis panel. */
  focusPanel() {
    const first = this.body.querySelector('.al-panel .al-entry') ?? this.body.querySelector('.al-panel');
    if (!first) return;
    if (!first.matches('button')) first.tabIndex = -1;
    first.focus();
    first.scrollIntoView({ block: 'nearest' });
  }

  toggleSettings(open = this.settingsBox.hidden) {
    this.settingsBox.hidden = !open;
    this.controls.settings.setAttribute('aria-expanded', String(open));
    if (open) this.settingsBox.querySelector('select')?.focus();
  }

  /** Replaces the body with `nodes`; returns the body. */
  replaceBody(...nodes) {
    this.exitPanelLayout();
    this.showArticleControls(false);
    this.hideTip();
    this.descriptions.replaceChildren();
    this.body.replaceChildren(...nodes);
    // The same article rendered again (its analysis after its text) goes on being read; Listen
    // reads the blocks once the text is painted.
    this.listener.load({ keep: true, soon: true });
    return this.body;
  }

  /** Shows a notice in the body (used by hosts for an empty state). */
  showMessage(message) {
    this.analysis = null;
    this.replaceBody(h('p', { class: 'al-message' }, message));
  }

  showLoading() {
    const message = this.t('analysing');
    this.status.textContent = message;
    this.replaceBody(h('div', { class: 'al-message al-loading', 'data-state': 'loading' }, h('span', { class: 'al-spinner', 'aria-hidden': 'true' }), message));
  }

  showError(message) {
    const t = this.t;
    this.analysis = null;
    this.status.textContent = '';
    this.replaceBody(h('div', { class: 'al-message al-error', role: 'alert', 'data-state': 'error' },
      h('h1', {}, t('error_title')),
      h('p', {}, this.plainError(message)),
      h('p', {}, t('error_hint')),
      this.onClose ? h('button', { type: 'button', class: 'al-button', onclick: () => this.onClose() }, t('back_to_page')) : null));
  }

  /** The core's error messages in the reader's language (they come in English); others as they are. */
  plainError(message) {
    const text = String(message ?? '').trim();
    const t = this.t;
    if (!text) return t('error_unknown');
    if (/^the page is empty/i.test(text)) return t('error_empty');
    if (/^the input is not an HTML page or text/i.test(text)) return t('error_not_text');
    const large = /^the page is too large to analyse \(([\d.]+) MiB; the limit is (\d+) MiB\)/i.exec(text);
    if (large) return t('error_too_large', large[1], large[2]);
    return sentence(text);
  }

  /**
   * Renders an analysis. A page that is not an article gets a notice and "Show anyway" instead
   * (unless forced). `pending`: the reading view only, its claims, figures and dates still to
   * come; the complete analysis, shown next, replaces it without moving the text or the focus.
   */
  show(analysis, { forced = false, pending = false } = {}) {
    const t = this.t;
    this.status.textContent = '';
    const { article, verdict } = analysis;
    if (!verdict.is_article && !forced) {
      this.analysis = null;
      this.replaceBody(h('div', { class: 'al-message al-notice', 'data-state': 'not-article' },
        h('h1', {}, t('not_article_title')),
        h('p', {}, article.title ? t('not_article_reason_titled', article.title, verdict.reason) : sentence(verdict.reason)),
        h('p', {}, t('not_article_hint')),
        h('div', { class: 'al-actions' },
          this.onShowAnyway ? h('button', { type: 'button', class: 'al-button al-primary', 'data-action': 'show-anyway', onclick: () => this.onShowAnyway() }, t('show_anyway')) : null,
          this.onClose ? h('button', { type: 'button', class: 'al-button', onclick: () => this.onClose() }, t('back_to_page')) : null)));
      this.body.querySelector('[data-action="show-anyway"]')?.focus();
      return;
    }
    this.analysis = bounded(analysis);
    const previous = this.body.querySelector('.al-layout[data-analysis="pending"], .al-layout[data-analysis="stopped"]');
    const keepFocus = !previous || previous.contains(document.activeElement);
    const main = h('main', { class: 'al-main', tabindex: '-1' }, this.renderArticle(article));
    const layout = h('div', { class: 'al-layout', 'data-state': 'article', 'data-analysis': pending ? 'pending' : 'done' },
      main, this.renderPanel(this.analysis, { pending }));
    this.replaceBody(layout);
    markFindings(main, this.analysis);
    this.describeMarks(main);
    this.showArticleControls(true);
    if (keepFocus) main.focus({ preventScroll: true });
  }

  /**
   * The time budget ran out while the claims, figures and dates were still being found: the text
   * stays, and the panel says so in plain words instead of "Analysing…" (the complete analysis,
   * if it comes after all, replaces it). Returns whether there was a pending view to settle.
   */
  stopWaiting(seconds) {
    const layout = this.body.querySelector('.al-layout[data-analysis="pending"]');
    if (!layout) return false;
    const note = this.t('analysis_stopped', seconds);
    layout.dataset.analysis = 'stopped';
    for (const section of layout.querySelectorAll('.al-section[aria-busy]')) {
      section.removeAttribute('aria-busy');
      section.querySelector('.al-pending')?.replaceWith(h('p', { class: 'al-empty al-stopped' }, note));
    }
    this.announce(note);
    return true;
  }

  renderArticle(article) {
    const t = this.t;
    const meta = [];
    if (article.byline) meta.push(h('span', { class: 'al-byline' }, article.byline));
    if (article.site_name) meta.push(h('span', { class: 'al-site' }, article.site_name));
    if (article.published) {
      meta.push(h('time', { class: 'al-published', datetime: article.published }, formatDate(article.published, this.locale)));
    }
    if (article.reading_minutes > 0) meta.push(h('span', { class: 'al-reading-time' }, t('minutes_read', article.reading_minutes)));

    const content = h('div', { class: 'al-content' });
    const images = this.settings.images !== 'off';
    content.append(importContent(article.content_html ?? '', t, { images, listed: this.analysis?.listed ?? Infinity }));
    // The header already shows the title: drop a leading heading that repeats it.
    const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
    const first = content.firstElementChild;
    if (first && /^H[1-3]$/.test(first.tagName) && article.title && squash(first.textContent) === squash(article.title)) {
      first.remove();
    }
    content.addEventListener('click', (event) => {
      const mark = event.target.closest?.('mark[data-id]');
      if (mark && this.settings.show[mark.dataset.kind]) this.revealEntry(mark.dataset.id);
    });
    content.addEventListener('keydown', (event) => {
      const mark = event.target.closest?.('mark[data-id]');
      if (mark && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        this.revealEntry(mark.dataset.id);
      }
    });
    const tipFor = (event) => {
      const mark = event.target.closest?.('mark[data-id]');
      return mark && this.settings.show[mark.dataset.kind] ? mark : null;
    };
    content.addEventListener('mouseover', (event) => {
      const mark = tipFor(event);
      if (mark) this.showTip(mark);
    });
    content.addEventListener('mouseout', (event) => {
      if (tipFor(event) && !this.tip.contains(event.relatedTarget)) this.scheduleHideTip();
    });
    content.addEventListener('focusin', (event) => {
      const mark = tipFor(event);
      if (mark) this.showTip(mark);
    });
    content.addEventListener('focusout', () => this.hideTip());
    this.tip.onmouseenter = () => clearTimeout(this.tipTimer);
    this.tip.onmouseleave = () => this.scheduleHideTip();

    // The lead image, unless the content already shows it.
    let lead = null;
    if (images && article.lead_image && /^https?:|^data:image\//.test(article.lead_image)) {
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
        h('h1', { class: 'al-title' }, article.title || t('untitled')),
        meta.length ? h('p', { class: 'al-meta' }, meta) : null),
      lead,
      content);
  }

  /** What a highlight means, in words: the normalized value, or the claim's rank, speaker and reasons. */
  describe(id) {
    const t = this.t;
    const [kind, n] = [id.replace(/-\d+$/, ''), Number(id.replace(/^\D+-/, ''))];
    const a = this.analysis;
    if (!a || !Number.isInteger(n)) return '';
    if (kind === 'claim' && a.claims?.[n]) {
      const c = a.claims[n];
      return [
        t('tip_claim', n + 1, this.kindLabel('claim', c.kind)),
        c.speaker ? t('tip_speaker', c.speaker) : null,
        c.reasons?.length ? t('tip_reasons', c.reasons.join('; ')) : null,
      ].filter(Boolean).join('\n');
    }
    if (kind === 'figure' && a.figures?.[n]) {
      const f = a.figures[n];
      const extra = [this.kindLabel('figure', f.kind), f.modifier ? this.kindLabel('modifier', f.modifier) : null, f.approximate ? t('order_of_magnitude') : null];
      return [t('tip_figure', f.normalized || f.text), extra.filter(Boolean).join(' · ')].join('\n');
    }
    if (kind === 'date' && a.dates?.[n]) {
      const d = a.dates[n];
      const human = this.humanDate(d);
      const extra = [this.kindLabel('date', d.kind), d.relative ? t('relative') : null];
      return [t('tip_date', human !== d.value ? `${human} (${d.value})` : d.value || d.text), extra.filter(Boolean).join(' · ')].join('\n');
    }
    return '';
  }

  /** Gives each highlight a description (for screen readers) and makes the first mark of each focusable. */
  describeMarks(main) {
    const described = new Map();
    const items = [];
    for (const mark of main.querySelectorAll('.al-content mark[data-id]')) {
      const id = mark.dataset.id;
      if (!described.has(id)) {
        const text = this.describe(id);
        described.set(id, text ? `al-desc-${id}` : null);
        if (text) {
          items.push(h('span', { id: `al-desc-${id}` }, text.replaceAll('\n', '. ')));
          mark.dataset.first = 'true';
        }
      }
      if (described.get(id)) mark.setAttribute('aria-describedby', described.get(id));
    }
    this.descriptions.replaceChildren(...items);
    this.updateMarkFocus();
  }

  /** Highlights of a shown kind can take focus (the first mark of each); hidden kinds cannot. */
  updateMarkFocus() {
    for (const mark of this.body.querySelectorAll('.al-content mark[data-first]')) {
      if (this.settings.show[mark.dataset.kind]) mark.tabIndex = 0;
      else mark.removeAttribute('tabindex');
    }
  }

  showTip(mark) {
    clearTimeout(this.tipTimer);
    const text = this.describe(mark.dataset.id);
    if (!text) return;
    const [head, ...rest] = text.split('\n');
    this.tip.replaceChildren(h('strong', {}, head), ...rest.map((line) => h('span', {}, line)));
    this.tip.dataset.kind = mark.dataset.kind;
    this.tip.hidden = false;
    const view = this.root.ownerDocument.defaultView;
    const r = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
    const tipRect = this.tip.getBoundingClientRect();
    const left = Math.max(8, Math.min(r.left, view.innerWidth - tipRect.width - 8));
    const below = r.bottom + 6;
    const top = below + tipRect.height > view.innerHeight - 8 ? Math.max(8, r.top - tipRect.height - 6) : below;
    this.tip.style.left = `${left}px`;
    this.tip.style.top = `${top}px`;
  }

  scheduleHideTip() {
    clearTimeout(this.tipTimer);
    this.tipTimer = setTimeout(() => this.hideTip(), 250);
  }

  hideTip() {
    clearTimeout(this.tipTimer);
    if (this.tip) this.tip.hidden = true;
  }

  kindLabel(group, value) {
    if (typeof value !== 'string' || !value) return '';
    const key = `${group}_kind_${value}`;
    const label = this.t(key);
    return label === key ? value.replaceAll('_', ' ') : label;
  }

  /** A date mention's value for a person: "29 January 2025" for 2025-01-29, else the value as is. */
  humanDate(d) {
    return /^\d{4}-\d{2}(-\d{2})?(T\d{2}:\d{2})?$/.test(d.value ?? '') ? formatDate(d.value, this.locale) : (d.value || '');
  }

  renderPanel(analysis, { pending = false } = {}) {
    const t = this.t;
    const claims = analysis.claims ?? [];
    const figures = analysis.figures ?? [];
    const dates = analysis.dates ?? [];
    // A very long page lists its first figures and dates only, and says so.
    const trimmed = (kind) => (analysis.totals?.[kind] > analysis.listed
      ? h('p', { class: 'al-empty al-trimmed' }, t('list_trimmed', analysis.listed, analysis.totals[kind])) : null);
    const section = (kind, count, content, empty) =>
      h('section', { 'aria-label': t(SECTION_KEYS[kind]), class: `al-section al-${kind}s`, 'aria-busy': pending ? 'true' : undefined },
        h('h2', {}, h('span', { class: `al-swatch al-swatch-${kind}`, 'aria-hidden': 'true' }), t(SECTION_KEYS[kind]),
          pending ? null : h('span', { class: 'al-count' }, String(count))),
        count ? content() : h('p', { class: pending ? 'al-empty al-pending' : 'al-empty' }, pending ? t('analysing') : empty));

    const entry = (id, ...children) =>
      h('button', { type: 'button', class: 'al-entry', 'data-target': id, onclick: () => this.revealMark(id) }, children);
    const listen = (id) => this.listenFromButton(id);

    const claimList = () => h('ol', { class: 'al-entries al-claim-list' }, claims.map((c, i) => h('li', {}, entry(`claim-${i}`,
      h('span', { class: 'al-entry-text' }, c.text),
      c.speaker ? h('span', { class: 'al-speaker' }, `— ${c.speaker}`) : null,
      h('span', { class: 'al-entry-meta' }, [this.kindLabel('claim', c.kind), ...(c.reasons ?? [])].filter(Boolean).join(' · '))), listen(`claim-${i}`))));

    this.figureRows = figures;
    const figureTable = () => {
      const wrap = h('div', { class: 'al-table-wrap' });
      this.renderFigureTable(wrap);
      return wrap;
    };

    const sorted = sortDates(dates);
    const placed = sorted.filter((x) => x.key);
    const unplaced = sorted.filter((x) => !x.key);
    const dateItem = ({ d, index }) => h('li', { class: 'al-tl-item' }, entry(`date-${index}`,
      h('span', { class: 'al-tl-when' }, this.humanDate(d) || d.text),
      h('span', { class: 'al-entry-text' }, d.text),
      this.humanDate(d) !== d.value ? h('span', { class: 'al-value' }, d.value || '—') : null,
      h('span', { class: 'al-entry-meta' }, [this.kindLabel('date', d.kind), d.relative ? t('relative') : null].filter(Boolean).join(' · '))), listen(`date-${index}`));
    const timeline = () => h('div', {},
      placed.length ? h('ol', { class: 'al-entries al-timeline', 'aria-label': t('timeline_label') }, placed.map(dateItem)) : null,
      unplaced.length ? h('h3', { class: 'al-subhead' }, t('dates_unplaced')) : null,
      unplaced.length ? h('ol', { class: 'al-entries al-unplaced' }, unplaced.map(dateItem)) : null);

    // Arrow keys move between entries (Tab still goes through them one by one).
    const onArrows = (event) => {
      if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key) || !event.target.matches?.('.al-entry')) return;
      const entries = [...event.currentTarget.querySelectorAll('.al-entry')];
      const at = entries.indexOf(event.target);
      const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: entries.length - 1 }[event.key];
      if (entries[next]) {
        event.preventDefault();
        entries[next].focus();
      }
    };
    return h('aside', { class: 'al-panel', 'aria-label': t('panel_label'), onkeydown: onArrows },
      section('claim', claims.length, claimList, t('empty_claims')),
      section('figure', analysis.totals?.figure ?? figures.length, () => h('div', {}, trimmed('figure'), figureTable()), t('empty_figures')),
      section('date', analysis.totals?.date ?? dates.length, () => h('div', {}, trimmed('date'), timeline()), t('empty_dates')),
      findingsSection({ t, analysis, pending, onReveal: (i) => this.revealFinding(i) }));
  }

  /** Scrolls to the highlights of consistency finding i and flashes them. */
  revealFinding(i) {
    const finding = this.analysis?.consistency?.[i];
    if (!finding) return;
    const marks = findingTargets(this.analysis, finding).flatMap((id) => [...this.body.querySelectorAll(`.al-content mark[data-id="${CSS.escape(id)}"]`)]);
    if (!marks.length) return;
    marks[0].scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
    flash(marks);
  }

  /** Makes the worksheet ('markdown' | 'json') with the host and offers it as a file; returns the link. */
  async exportWorksheet(format) {
    if (!this.onWorksheet || !this.analysis) return null;
    const t = this.t;
    this.announce(t('export_working'));
    try {
      const text = await this.onWorksheet(format);
      const name = worksheetFilename(this.analysis.article?.title, format);
      this.lastExport = { ...saveText(this.root.ownerDocument, text, name, FORMATS[format].type), format };
      this.announce(t('export_done', name));
      return this.lastExport;
    } catch (error) {
      this.announce(t('export_failed', sentence(error?.message ?? String(error))));
      return null;
    }
  }

  /** The figures table, sorted by this.figureSort; column headers sort it. */
  renderFigureTable(wrap) {
    const t = this.t;
    const by = this.figureSort;
    const header = (key, label) => h('th', { scope: 'col', 'aria-sort': by === key ? 'ascending' : undefined },
      h('button', { type: 'button', class: 'al-sort', 'data-sort': key, 'aria-pressed': String(by === key), onclick: () => {
        this.figureSort = key;
        this.renderFigureTable(wrap);
        wrap.querySelector(`[data-sort="${key}"]`)?.focus();
      } }, label, h('span', { class: 'al-sort-mark', 'aria-hidden': 'true' }, by === key ? ' ▾' : '')));
    const rows = sortFigures(this.figureRows ?? [], by).map(({ f, index }) => h('tr', {},
      h('td', {}, h('button', { type: 'button', class: 'al-entry', 'data-target': `figure-${index}`, onclick: () => this.revealMark(`figure-${index}`) },
        h('span', { class: 'al-entry-text' }, f.text)), this.listenFromButton(`figure-${index}`)),
      h('td', { class: 'al-value' }, f.normalized || '—'),
      h('td', { class: 'al-entry-meta' }, [this.kindLabel('figure', f.kind), f.modifier ? this.kindLabel('modifier', f.modifier) : null, f.approximate ? t('order_of_magnitude') : null].filter(Boolean).join(' · '))));
    wrap.replaceChildren(h('table', { class: 'al-table' },
      h('caption', { class: 'al-visually-hidden' }, t(`figures_caption_${by}`)),
      h('thead', {}, h('tr', {}, header('order', t('col_figure')), header('value', t('col_value')), header('kind', t('col_kind')))),
      h('tbody', {}, rows)));
  }

  /**
   * What "Show on page" looks for: each claim, figure and date as its text in the article with
   * some text on either side (to tell repeated words apart), in text order.
   */
  onPageItems() {
    const a = this.analysis;
    if (!a) return [];
    const text = a.article?.text ?? '';
    const items = [];
    for (const kind of KINDS) {
      (a[`${kind}s`] ?? []).forEach((x, i) => {
        const { start, end } = x.span ?? {};
        if (!(Number.isInteger(start) && Number.isInteger(end) && end > start && end <= text.length)) return;
        items.push({
          id: `${kind}-${i}`, kind, start, text: text.slice(start, end),
          before: text.slice(Math.max(0, start - ON_PAGE_CONTEXT), start), after: text.slice(end, end + ON_PAGE_CONTEXT),
        });
      });
    }
    return items.sort((x, y) => x.start - y.start || KINDS.indexOf(x.kind) - KINDS.indexOf(y.kind));
  }

  /** Asks the host to highlight the original page; on success the reader becomes a small panel. */
  async showOnPage() {
    if (!this.onShowOnPage || !this.analysis || this.panelMode) return;
    const t = this.t;
    this.announce(t('on_page_working'));
    let result;
    try {
      result = await this.onShowOnPage(this.onPageItems(), { ...this.settings.show });
    } catch (error) {
      result = { error: error?.message ?? String(error) };
    }
    if (result?.unsupported) this.announce(t('on_page_unsupported'));
    else if (!result || result.error) this.announce(t('on_page_failed', result?.error ?? ''));
    else this.enterPanelMode(result);
  }

  /** The on-page panel: how many highlights were found, and entries that scroll the page to each. */
  enterPanelMode({ found = {}, total = {}, missing = [] }) {
    const t = this.t;
    const a = this.analysis;
    this.hideTip();
    this.status.textContent = '';
    this.root.classList.remove('al-status-visible');
    this.savedBody = [...this.body.childNodes];
    this.listener.stop();
    this.panelMode = true;
    this.root.dataset.mode = 'panel';
    const missed = new Set(missing);
    const sum = (counts) => KINDS.reduce((n, kind) => n + (counts[kind] ?? 0), 0);
    const labelOf = { claim: (c) => c.text, figure: (f) => f.text, date: (d) => d.text };
    const section = (kind) => {
      const list = a[`${kind}s`] ?? [];
      if (!list.length) return null;
      return h('section', { class: `al-section al-${kind}s`, 'aria-label': t(SECTION_KEYS[kind]) },
        h('h2', {}, h('span', { class: `al-swatch al-swatch-${kind}`, 'aria-hidden': 'true' }), t(SECTION_KEYS[kind]),
          h('span', { class: 'al-count' }, `${found[kind] ?? 0}/${total[kind] ?? list.length}`)),
        h('ol', { class: 'al-entries' }, list.map((x, i) => {
          const id = `${kind}-${i}`;
          const lost = missed.has(id);
          return h('li', {}, h('button', {
            type: 'button', class: 'al-entry', 'data-target': id, 'aria-disabled': lost ? 'true' : undefined,
            onclick: () => !lost && this.onRevealOnPage?.(id),
          }, h('span', { class: 'al-entry-text' }, labelOf[kind](x)),
          lost ? h('span', { class: 'al-entry-meta' }, t('on_page_not_found')) : null));
        })));
    };
    const onArrows = (event) => {
      if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key) || !event.target.matches?.('.al-entry')) return;
      const entries = [...event.currentTarget.querySelectorAll('.al-entry')].filter((b) => b.offsetParent);
      const at = entries.indexOf(event.target);
      const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: entries.length - 1 }[event.key];
      if (entries[next]) {
        event.preventDefault();
        entries[next].focus();
      }
    };
    const count = h('p', { class: 'al-onpage-count', tabindex: '-1' }, t('on_page_count', sum(found), sum(total)));
    const view = h('div', { class: 'al-onpage', 'data-state': 'on-page', onkeydown: onArrows },
      h('h1', { class: 'al-onpage-title' }, t('on_page_title')),
      count,
      missing.length ? h('p', { class: 'al-onpage-missing' }, t('on_page_missing', missing.length)) : null,
      h('p', { class: 'al-onpage-hint' }, t('on_page_hint')),
      KINDS.map(section));
    this.body.replaceChildren(view);
    count.focus();
  }

  /** Back from the on-page panel to the full reader (the host removes the page's highlights). */
  leavePanelMode() {
    if (!this.panelMode) return;
    this.exitPanelLayout();
    this.onBackToReader?.();
    this.controls.onPage?.focus();
  }

  exitPanelLayout() {
    if (!this.panelMode) return;
    this.panelMode = false;
    delete this.root.dataset.mode;
    this.body.replaceChildren(...(this.savedBody ?? []));
    this.savedBody = null;
  }

  /** The analysis as Markdown: title, link, date, key claims with speakers, figures, dates, consistency findings. */
  markdown() {
    const a = this.analysis;
    if (!a) return '';
    const t = this.t;
    const { article } = a;
    const lines = [`# ${md(article.title || t('untitled'))}`, ''];
    const meta = [article.byline, article.site_name, article.published ? formatDate(article.published, this.locale) : null].filter(Boolean).map(md);
    if (article.url) lines.push(`<${article.url.replace(/[<>\s]/g, encodeURIComponent)}>`, '');
    if (meta.length) lines.push(meta.join(' · '), '');
    const claims = a.claims ?? [];
    const figures = a.figures ?? [];
    const dates = a.dates ?? [];
    if (claims.length) {
      lines.push(`## ${t('section_claims')}`, '');
      claims.forEach((c, i) => lines.push(`${i + 1}. ${md(c.text)}${c.speaker ? ` — ${md(c.speaker)}` : ''}`));
      lines.push('');
    }
    if (figures.length) {
      lines.push(`## ${t('section_figures')}`, '');
      for (const f of figures) lines.push(`- ${md(f.text)} → \`${(f.normalized || '—').replaceAll('`', "'")}\` (${md(this.kindLabel('figure', f.kind))})`);
      lines.push('');
    }
    if (dates.length) {
      lines.push(`## ${t('section_dates')}`, '');
      for (const { d } of sortDates(dates)) lines.push(`- ${md(d.text)} → \`${(d.value || '—').replaceAll('`', "'")}\`${d.relative ? ` (${t('relative')})` : ''}`);
      lines.push('');
    }
    const findings = a.consistency ?? [];
    if (findings.length) {
      lines.push(`## ${t('section_consistency')}`, '');
      for (const f of findings) lines.push(`- ${md(f.message)}`);
      lines.push('');
    }
    return `${lines.join('\n').trimEnd()}\n`;
  }

  /** Copies markdown() to the clipboard and says so; falls back to a selection copy. */
  async copyMarkdown() {
    const t = this.t;
    const text = this.markdown();
    if (!text) {
      this.announce(t('copy_nothing'));
      return text;
    }
    let copied = false;
    try {
      await this.root.ownerDocument.defaultView.navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      const doc = this.root.ownerDocument;
      const area = h('textarea', { class: 'al-visually-hidden', 'aria-hidden': 'true', tabindex: '-1' });
      area.value = text;
      this.root.append(area);
      area.select();
      try {
        copied = doc.execCommand('copy');
      } catch {
        copied = false;
      }
      area.remove();
      this.controls.copy.focus();
    }
    this.announce(copied ? t('copied') : t('copy_failed'));
    return text;
  }

  /** Says something in the status line, briefly visible beside the toolbar. */
  announce(message) {
    this.status.textContent = message;
    this.root.classList.add('al-status-visible');
    clearTimeout(this.statusTimer);
    this.statusTimer = setTimeout(() => {
      this.root.classList.remove('al-status-visible');
      this.status.textContent = '';
    }, 3000);
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

Object.assign(Reader.prototype, playerMethods);

/** Saved settings over the defaults; older saves had one `highlights` switch for all kinds. */
function normalizeSettings(saved) {
  const s = { ...DEFAULT_SETTINGS, ...(saved ?? {}) };
  const all = saved?.highlights === false ? false : null;
  s.show = Object.fromEntries(KINDS.map((kind) => [kind, all ?? (saved?.show?.[kind] ?? true) !== false]));
  delete s.highlights;
  if (!THEMES.includes(s.theme)) s.theme = 'auto';
  if (!['serif', 'sans'].includes(s.font)) s.font = 'serif';
  if (!(s.width in WIDTHS)) s.width = 'medium';
  if (!(s.spacing in SPACINGS)) s.spacing = 'normal';
  if (s.images !== 'off') s.images = 'on';
  s.rate = RATES.includes(Number(s.rate)) ? Number(s.rate) : 1;
  return s;
}

function hostOf(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
