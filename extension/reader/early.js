// Runs before the reader's modules load: asks for the settings and claims the warm engine's
// analysis of the page (the token in this page's address, see content.js), so that both answers
// travel while the modules load. app.js takes the settings; engine.js takes over the port and
// what came on it.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  // The reader's settings too (app.js takes the promise): the same wait, overlapped.
  try {
    const settings = api?.storage?.local?.get('settings');
    settings?.then(() => performance.mark('al-settings'), () => {});
    globalThis.articleLensEarlySettings = settings;
  } catch {
    // app.js asks again.
  }
  const token = location.hash.slice(1);
  if (typeof api?.runtime?.connect !== 'function' || !/^[0-9a-f]{32}$/.test(token)) return;
  const early = { token, messages: [], disconnected: false };
  try {
    early.port = api.runtime.connect({ name: 'article-lens-engine' });
  } catch {
    return;
  }
  early.onMessage = (message) => early.messages.push(message);
  early.onDisconnect = () => {
    void api.runtime.lastError;
    early.disconnected = true;
  };
  early.port.onMessage.addListener(early.onMessage);
  early.port.onDisconnect.addListener(early.onDisconnect);
  performance.mark('article-lens:request');
  early.port.postMessage({ id: 0, token, claimOnly: true });
  globalThis.articleLensEarlyClaim = early;
})();
