// Toolbar button (and its keyboard shortcut, the manifest's _execute_action command): injects the
// small content script, which toggles the reader on the page. Clicking grants activeTab for this
// tab only; nothing runs on pages the user does not click on.
const api = globalThis.browser ?? globalThis.chrome;

api.action.onClicked.addListener(async (tab) => {
  if (tab.id === undefined) return;
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
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
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
