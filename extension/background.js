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
