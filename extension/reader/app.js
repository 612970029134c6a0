// The extension's reader page, shown in an iframe over the article. It receives the page's HTML
// from the content script over a MessagePort (see content.js), analyses it in a worker and
// renders it with the shared reader module.
import { Reader } from './reader.js';
import { analyzePage, claimAnalysis, warmUp } from './engine.js';
import { extensionTranslator } from './i18n.js';
import { makeWorksheet } from './worksheet.js';
import { primeLayoutInSteps } from './primer.js';

const api = globalThis.browser ?? globalThis.chrome;
const LOADING_DELAY_MS = 300;
// Past this, the reader stops waiting for the claims, figures and dates of a very long page and
// says so; the text is already shown (see Reader.stopWaiting).
const ANALYSIS_BUDGET_S = 15;
// At most this long between the reading view and its analysis, for the text's first paint.
const PAINT_WAIT_MS = 100;

performance.mark('al-bundle');
warmUp();

let port = null;
let page = null;
// The reading view may show before the page has come (see `early`): what needs the page waits.
let pageArrived;
const pageHere = new Promise((resolve) => {
  pageArrived = resolve;
});
let forced = false;
const close = () => port?.postMessage({ type: 'close' });
// "Show on page": the content script highlights the page and answers with what it found.
let onPageReply = null;
const showOnPage = (items, show) => new Promise((resolve) => {
  if (!port) {
    resolve({ error: 'no page' });
    return;
  }
  onPageReply = resolve;
  port.postMessage({ type: 'on-page', items, show });
});

// Listen before anything is awaited: the content script posts as soon as this page has loaded.
// Its port comes with a nonce that it stored first in the extension's storage, with the page's
// origin (content.js); pages cannot reach that storage. A port is taken only with a stored nonce,
// from our parent window at that origin; anything else the page posts is ignored.
const NONCE = /^[0-9a-f]{32}$/;
const isObject = (value) => value !== null && typeof value === 'object';

window.addEventListener('message', async (event) => {
  const data = event.data;
  if (port || event.source !== window.parent || !isObject(data) || data.type !== 'article-lens:connect' ||
      typeof data.nonce !== 'string' || !NONCE.test(data.nonce) || event.ports.length !== 1) return;
  const offered = event.ports[0];
  const key = `connect:${data.nonce}`;
  const origin = await api.storage.local.get(key).then((stored) => stored?.[key], () => undefined);
  if (origin !== undefined) api.storage.local.remove(key).catch(() => {});
  if (port || origin === undefined || origin !== event.origin) {
    offered.close();
    return;
  }
  port = offered;
  port.onmessage = (message) => receive(message.data);
});

// No page after this long (the handover failed): say so rather than stay blank.
const NO_PAGE_MS = 30000;
setTimeout(() => {
  if (!page && !claimed) readerReady.then((reader) => reader.showError(t('error_no_page')));
}, NO_PAGE_MS);

// The page's HTML as the content script sends it. The core refuses pages past 8 MiB (UTF-8) with
// a plain message; far past it (4×, in UTF-16 units, each at least a byte) the reader says the
// same without handing the page to the worker at all.
const MAX_URL = 8192;
const CORE_LIMIT_MIB = 8;
const MAX_HTML_UNITS = 4 * CORE_LIMIT_MIB * 1048576;
function receive(data) {
  if (!isObject(data)) return;
  if (data.type === 'on-page-result') {
    onPageReply?.(onPageResult(data));
    onPageReply = null;
    return;
  }
  if (data.type !== 'page' || page || typeof data.html !== 'string') return;
  performance.mark('al-page');
  // The content script's steps, as marks in this frame's timeline (for the benchmarks and the e2e log).
  if (Array.isArray(data.stages) && data.stages.length <= 8) {
    for (const [name, at] of data.stages) {
      if (typeof name === 'string' && /^[a-z]{1,16}$/.test(name) && Number.isFinite(at)) {
        performance.mark(`al-${name}`, { detail: { at } });
      }
    }
  }
  page = {
    html: data.html,
    url: typeof data.url === 'string' && data.url.length <= MAX_URL ? data.url : '',
    // The warm engine's claim on the analysis it started at the click (content.js).
    token: typeof data.token === 'string' && NONCE.test(data.token) ? data.token : undefined,
  };
  if (page.html.length > MAX_HTML_UNITS) {
    const mib = new TextEncoder().encode(page.html).length / 1048576;
    page = { html: '', url: page.url };
    readerReady.then((reader) => reader.showError(`the page is too large to analyse (${mib.toFixed(1)} MiB; the limit is ${CORE_LIMIT_MIB} MiB)`));
    return;
  }
  pageArrived();
  // The content script focused this frame as it sent the page, which may be after the text was
  // shown (the early claim), when the text could not take the focus: it takes it now.
  if (document.activeElement === document.body) document.querySelector('.al-main')?.focus({ preventScroll: true });
  // The analysis claimed at start (below) serves this page; without one, analyse it.
  if (early) early.then((ok) => ok || run(false));
  else run(false);
}

/** The content script's answer to "Show on page", keeping only what the reader reads. */
function onPageResult(data) {
  if (typeof data.error === 'string') return { error: data.error.slice(0, 500) };
  if (data.unsupported === true) return { unsupported: true };
  const counts = (value) => Object.fromEntries(['claim', 'figure', 'date'].map((k) => [k, Number.isInteger(value?.[k]) ? value[k] : 0]));
  const missing = Array.isArray(data.missing) ? data.missing.filter((id) => typeof id === 'string' && id.length < 32) : [];
  return { found: counts(data.found), total: counts(data.total), missing, dark: data.dark === true };
}

// UI text follows the browser's language (_locales/, via the i18n API).
const t = extensionTranslator(api);
const locale = api.i18n.getUILanguage?.() || undefined;
document.documentElement.lang = t('@@ui_locale').replace('_', '-') || 'en';
document.title = t('brand');

// Whether a reading view came (then there is no need to ready the fonts for one: primer.js).
let viewCame = false;
// Asked for by early.js already, as the frame started.
const savedSettings = globalThis.articleLensEarlySettings ?? api.storage.local.get('settings');
const readerReady = Promise.resolve(savedSettings).catch(() => ({})).then((saved) => {
  const reader = new Reader(document.body, {
    t,
    locale,
    onClose: close,
    onShowAnyway: () => pageHere.then(() => run(true)),
    settings: saved?.settings,
    onSettingsChange: (settings) => {
      api.storage.local.set({ settings }).catch(() => {});
      port?.postMessage({ type: 'on-page-show', show: settings.show });
    },
    onShowOnPage: showOnPage,
    onRevealOnPage: (id) => port?.postMessage({ type: 'reveal', id, smooth: !matchMedia('(prefers-reduced-motion: reduce)').matches }),
    onBackToReader: () => port?.postMessage({ type: 'reader' }),
    // The worksheet of the page as shown (same URL and "show anyway" as its analysis).
    onWorksheet: (format) => pageHere.then(() => makeWorksheet(page.html, { url: pageUrl(), force: forced }, format)),
  });
  performance.mark('al-ready');
  api.storage.onChanged?.addListener((changes, area) => {
    if (area === 'local' && changes.settings?.newValue) reader.setSettings(changes.settings.newValue);
  });
  // While the reading view is on its way (not if it came already): a new process's fonts.
  setTimeout(() => primeLayoutInSteps(reader, () => viewCame).then((primed) => primed && performance.mark('al-primed')));
  return reader;
});

/** Resolves once the frame has painted (or after a while, in a frame that does not paint). */
const nextPaint = () => new Promise((resolve) => {
  requestAnimationFrame(() => setTimeout(resolve));
  setTimeout(resolve, PAINT_WAIT_MS);
});

const pageUrl = () => (/^https?:/.test(page.url) ? page.url : undefined);

/**
 * Shows the reading view as soon as it comes, then the whole analysis. With `claimToken`, it
 * claims the warm engine's analysis begun at the click instead of sending the page; resolves
 * false if there was none to claim (nothing shown), true otherwise.
 */
async function run(force, claimToken) {
  forced = force;
  let viewShown = false;
  let viewRendered = null;
  let budget = 0;
  const timer = setTimeout(() => readerReady.then((reader) => viewShown || reader.showLoading()), LOADING_DELAY_MS);
  // Returns once the text is in the reader's DOM (the engine marks that moment for the benchmarks).
  const onView = (view) => {
    viewShown = true;
    viewCame = true;
    clearTimeout(timer);
    viewRendered = readerReady.then((reader) => {
      performance.mark('al-view');
      reader.show(view, { forced: force, pending: true });
      performance.mark('al-shown');
      requestAnimationFrame(() => setTimeout(() => performance.mark('al-painted')));
      budget = setTimeout(() => reader.stopWaiting(ANALYSIS_BUDGET_S), ANALYSIS_BUDGET_S * 1000);
    });
    return viewRendered;
  };
  try {
    performance.mark('al-sent');
    const { analysis } = claimToken
      ? await claimAnalysis(claimToken, { onView })
      : await analyzePage(page.html, { url: pageUrl(), force }, { onView, prefetch: force ? undefined : page.token });
    // The analysis often comes with the view (the warm engine had both): the text is painted first.
    if (viewRendered) await viewRendered.then(nextPaint, () => {});
    (await readerReady).show(analysis, { forced: force });
    return true;
  } catch (error) {
    if (error?.unclaimed) return false;
    (await readerReady).showError(error?.message ?? String(error));
    return true;
  } finally {
    clearTimeout(timer);
    clearTimeout(budget);
  }
}

// The content script put the engine's token in this page's address: claim the analysis now,
// while the page itself is still on its way over the channel.
let claimed = false;
const claimToken = location.hash.slice(1);
const early = NONCE.test(claimToken) ? run(false, claimToken).then((ok) => {
  claimed = ok;
  if (ok) performance.mark('al-claimed');
  return ok;
}) : null;
