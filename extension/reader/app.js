// The extension's reader page, shown in an iframe over the article. It receives the page's HTML
// from the content script over a MessagePort (see content.js), analyses it in a worker and
// renders it with the shared reader module.
import { Reader } from './reader.js';
import { analyzePage, warmUp } from './engine.js';
import { extensionTranslator } from './i18n.js';

const api = globalThis.browser ?? globalThis.chrome;
const LOADING_DELAY_MS = 300;

warmUp();

let port = null;
let page = null;
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
// The first port handed over by our parent is ours; later ones are ignored.
window.addEventListener('message', (event) => {
  if (port || event.source !== window.parent || event.data?.type !== 'article-lens:connect' || !event.ports[0]) return;
  port = event.ports[0];
  port.onmessage = (message) => {
    if (message.data?.type === 'on-page-result') {
      onPageReply?.(message.data);
      onPageReply = null;
      return;
    }
    if (message.data?.type !== 'page' || page) return;
    page = { html: String(message.data.html ?? ''), url: String(message.data.url ?? ''), token: typeof message.data.token === 'string' ? message.data.token : undefined };
    run(false);
  };
});

// UI text follows the browser's language (_locales/, via the i18n API).
const t = extensionTranslator(api);
const locale = api.i18n.getUILanguage?.() || undefined;
document.documentElement.lang = t('@@ui_locale').replace('_', '-') || 'en';
document.title = t('brand');

const readerReady = api.storage.local.get('settings').catch(() => ({})).then((saved) => {
  const reader = new Reader(document.body, {
    t,
    locale,
    onClose: close,
    onShowAnyway: () => run(true),
    settings: saved?.settings,
    onSettingsChange: (settings) => {
      api.storage.local.set({ settings }).catch(() => {});
      port?.postMessage({ type: 'on-page-show', show: settings.show });
    },
    onShowOnPage: showOnPage,
    onRevealOnPage: (id) => port?.postMessage({ type: 'reveal', id, smooth: !matchMedia('(prefers-reduced-motion: reduce)').matches }),
    onBackToReader: () => port?.postMessage({ type: 'reader' }),
  });
  api.storage.onChanged?.addListener((changes, area) => {
    if (area === 'local' && changes.settings?.newValue) reader.setSettings(changes.settings.newValue);
  });
  return reader;
});

async function run(force) {
  const reader = await readerReady;
  const timer = setTimeout(() => reader.showLoading(), LOADING_DELAY_MS);
  try {
    const url = /^https?:/.test(page.url) ? page.url : undefined;
    const onView = (view) => {
      clearTimeout(timer);
      reader.show(view, { forced: force, pending: true });
    };
    const { analysis } = await analyzePage(page.html, { url, force }, { onView, prefetch: force ? undefined : page.token });
    reader.show(analysis, { forced: force });
  } catch (error) {
    reader.showError(error?.message ?? String(error));
  } finally {
    clearTimeout(timer);
  }
}
