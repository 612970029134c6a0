// Toolbar button (and its keyboard shortcut, the manifest's _execute_action command): injects the
// small content script, which toggles the reader on the page. Clicking grants activeTab for this
// tab only; nothing runs on pages the user does not click on.
const api = globalThis.browser ?? globalThis.chrome;

// The warm engine (engine-host.js): in Chrome an offscreen document, made at browser start, on
// install and, if it is gone, on a click; in Firefox it runs in this background page itself.
const OFFSCREEN = 'offscreen.html';
let creating = null;
async function ensureEngine() {
  if (!api.offscreen) return;
  const contexts = await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [api.runtime.getURL(OFFSCREEN)] });
  if (contexts.length) return;
  creating ??= api.offscreen.createDocument({
    url: OFFSCREEN,
    reasons: ['WORKERS'],
    justification: 'Keeps the article analysis (WebAssembly, in a worker) compiled and ready, so the reader opens at once.',
  }).finally(() => {
    creating = null;
  });
  await creating;
}
const startEngine = () => ensureEngine().catch(() => {});
api.runtime.onStartup.addListener(startEngine);
api.runtime.onInstalled.addListener(startEngine);

api.action.onClicked.addListener(async (tab) => {
  if (tab.id === undefined) return;
  startEngine();
  try {
    await api.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] });
    await api.action.setBadgeText({ tabId: tab.id, text: '' });
    await api.action.setTitle({ tabId: tab.id, title: api.i18n.getMessage('action_title') });
  } catch (error) {
    // Browser pages, the web store and PDF viewers do not accept content scripts.
    await api.action.setBadgeText({ tabId: tab.id, text: '!' });
    await api.action.setTitle({ tabId: tab.id, title: api.i18n.getMessage('action_error', [String(error?.message ?? error)]) });
  }
});

// "Show on page" (content.js asks, for the tab the user clicked; activeTab still covers it): the
// highlighting code and its ::highlight() styles go into the page's frame; nothing else changes.
const ON_PAGE_STYLES = ['onpage.css', 'onpage-dark.css'];
const READER_URL = api.runtime.getURL('reader/reader.html');
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // The reader found no engine to connect to (Chrome: the offscreen document is being made or was closed).
  if (message?.type === 'engine-start' && sender.id === api.runtime.id && String(sender.url ?? '').startsWith(READER_URL)) {
    ensureEngine().then(() => sendResponse({ ok: true }), (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }));
    return true;
  }
  const tabId = sender.tab?.id;
  if (sender.id !== api.runtime.id || tabId === undefined || !message?.type?.startsWith('on-page-')) return false;
  const target = { tabId, frameIds: [sender.frameId ?? 0] };
  let work;
  if (message.type === 'on-page-script') {
    work = api.scripting.executeScript({ target, files: ['onpage.js'] });
  } else if (message.type === 'on-page-css' && ON_PAGE_STYLES.includes(message.file)) {
    work = api.scripting.insertCSS({ target, files: [message.file] });
  } else if (message.type === 'on-page-css-off' && ON_PAGE_STYLES.includes(message.file)) {
    work = api.scripting.removeCSS({ target, files: [message.file] });
  } else {
    return false;
  }
  work.then(() => sendResponse({ ok: true }), (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }));
  return true;
});
