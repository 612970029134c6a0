// Article Lens content script, injected on each toolbar click. It only collects the page and
// shows or hides the reader; the analysis runs in the reader, an extension page.
//
// The reader is an extension page in a full-viewport iframe: the page's CSS and scripts cannot
// reach into it, and the WebAssembly runs in the extension origin, so pages with a strict CSP
// work too. The page's HTML goes to it over a MessageChannel whose port is handed over with a
// postMessage targeted at the extension origin, so only our reader document can receive it (if
// the page navigated the frame elsewhere, the message is dropped). The page shares our window
// and could post the frame a port of its own: the handover carries a random nonce, stored first
// in the extension's storage (which no page can read or write) with the page's origin, and the
// reader takes only a port whose nonce it finds there for the origin that posted it.
// Nothing else is added to the page, and closing restores focus and scroll as they were.
// "Show on page" highlights the page itself with the CSS Custom Highlight API (onpage.js): no
// element or attribute is added, and closing removes the highlights and their styles.
(() => {
  if (typeof globalThis.__articleLensToggle === 'function') {
    globalThis.__articleLensToggle();
    return;
  }
  const api = globalThis.browser ?? globalThis.chrome;
  const readerUrl = api.runtime.getURL('reader/reader.html');
  const readerOrigin = new URL(readerUrl).origin;
  let open = null;
  const FULL = {
    all: 'initial', position: 'fixed', inset: '0', width: '100%', height: '100%', margin: '0',
    padding: '0', border: '0', display: 'block', visibility: 'visible', opacity: '1',
    'z-index': '2147483647', 'color-scheme': 'normal', 'max-width': 'none', 'max-height': 'none',
    transform: 'none', filter: 'none', 'clip-path': 'none', 'border-radius': '0', 'box-shadow': 'none',
  };
  // The reader as a small floating panel, top right, while the page shows the highlights.
  const PANEL = {
    ...FULL, inset: '12px 12px auto auto', width: 'min(380px, calc(100vw - 24px))',
    height: 'min(560px, calc(100vh - 24px))', 'border-radius': '12px',
    'box-shadow': '0 6px 28px rgba(0, 0, 0, 0.32), 0 0 0 1px rgba(0, 0, 0, 0.12)',
  };
  // CSSOM, not a style attribute: allowed even where the page's CSP forbids inline styles.
  const place = (frame, style) => {
    for (const [name, value] of Object.entries(style)) frame.style.setProperty(name, value, 'important');
  };

  // What the reader may ask the page to highlight: bounded in number and length, known kinds.
  const ITEM_ID = /^(claim|figure|date)-\d{1,6}$/;
  const MAX_ITEMS = 20000;
  const MAX_TEXT = 100000;
  const onPageItems = (items) => (Array.isArray(items) ? items.slice(0, MAX_ITEMS) : [])
    .filter((item) => item && typeof item.id === 'string' && ITEM_ID.test(item.id) && item.id.startsWith(`${item.kind}-`) &&
      typeof item.text === 'string' && item.text.length <= MAX_TEXT)
    .map((item) => ({
      id: item.id, kind: item.kind, text: item.text,
      before: typeof item.before === 'string' ? item.before.slice(-MAX_TEXT) : '',
      after: typeof item.after === 'string' ? item.after.slice(0, MAX_TEXT) : '',
    }));
  const shownKinds = (show) => Object.fromEntries(['claim', 'figure', 'date'].map((kind) => [kind, show?.[kind] !== false]));

  function show() {
    const previousFocus = document.activeElement;
    const scroll = [window.scrollX, window.scrollY];
    const doctype = document.doctype ? '<!DOCTYPE html>\n' : '';
    // When each step happened (ms since the epoch), handed to the reader with the page: marks here
    // would land in the page's own performance timeline, which must stay as it was.
    const now = () => performance.timeOrigin + performance.now();
    const stages = [['collect', now()]];
    // The warm engine starts on the page at once (the reader claims it with the token).
    const token = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
    const page = { type: 'page', html: doctype + document.documentElement.outerHTML, url: location.href, token, stages };
    stages.push(['collected', now()]);
    api.runtime.sendMessage({ type: 'engine-prefetch', token, html: page.html, url: page.url }).catch(() => {});

    const frame = document.createElement('iframe');
    place(frame, FULL);
    frame.title = api.i18n.getMessage('frame_title') || 'Article Lens';
    // Lets the reader's "Copy as Markdown" use the Clipboard API (else it falls back to a selection copy).
    frame.allow = 'clipboard-write';
    // The token in the address lets the reader claim the engine's analysis before the page reaches
    // it over the channel below. The page can read it, and gains nothing: a claim is served only to
    // our reader page in this tab, with this page's own analysis (ours then has it made anew).
    frame.src = `${readerUrl}#${token}`;

    const channel = new MessageChannel();
    // Only our reader holds the other end; its messages are checked all the same (type, shape, size).
    channel.port1.onmessage = (event) => {
      const message = event.data;
      if (!message || typeof message !== 'object' || typeof message.type !== 'string') return;
      const onPage = globalThis.__articleLensOnPage;
      if (message.type === 'close') hide();
      else if (message.type === 'on-page') showOnPage(onPageItems(message.items), shownKinds(message.show));
      else if (message.type === 'on-page-show') onPage?.setShown(shownKinds(message.show));
      else if (message.type === 'reveal' && typeof message.id === 'string' && ITEM_ID.test(message.id)) {
        onPage?.reveal(message.id, message.smooth === true);
      } else if (message.type === 'reader' && open) {
        clearOnPage();
        place(open.frame, FULL);
      }
    };
    const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    const nonceKey = `connect:${nonce}`;
    // Stored while the frame loads, not after.
    const stored = api.storage.local.set({ [nonceKey]: location.origin }).catch(() => {});
    frame.addEventListener('load', async () => {
      await stored;
      if (open?.frame !== frame) return;
      stages.push(['connect', now()]);
      frame.contentWindow.postMessage({ type: 'article-lens:connect', nonce }, readerOrigin, [channel.port2]);
      stages.push(['handed', now()]);
      channel.port1.postMessage(page);
      frame.focus();
    }, { once: true });

    // Esc while focus is still on the page (before the reader takes it).
    const onKey = (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        event.preventDefault();
        hide();
      }
    };
    window.addEventListener('keydown', onKey, true);
    document.documentElement.appendChild(frame);
    // Focused now, not only once loaded: the reader may show its text before the load event (the
    // early claim), and the text takes the focus only in a focused frame.
    frame.focus();
    open = { frame, channel, previousFocus, scroll, onKey, nonceKey, stored };
  }

  function hide() {
    if (!open) return;
    const { frame, channel, previousFocus, scroll, onKey, onPageUsed, nonceKey, stored } = open;
    clearOnPage();
    stored.then(() => api.storage.local.remove(nonceKey)).catch(() => {}); // (the reader removes it once used)
    open = null;
    window.removeEventListener('keydown', onKey, true);
    channel.port1.close();
    frame.remove();
    // After "Show on page" the user may have scrolled to a highlight: stay there.
    if (!onPageUsed && (window.scrollX !== scroll[0] || window.scrollY !== scroll[1])) window.scrollTo(scroll[0], scroll[1]);
    if (previousFocus && previousFocus.isConnected && previousFocus !== document.body &&
        typeof previousFocus.focus === 'function') {
      previousFocus.focus({ preventScroll: true });
    }
  }

  /**
   * "Show on page": the background script injects onpage.js (the text mapping) and its styles;
   * the reader shrinks to a small panel in a corner and the page shows the highlights.
   */
  async function showOnPage(items, show) {
    const current = open;
    const reply = (result) => current.channel.port1.postMessage({ type: 'on-page-result', ...result });
    try {
      const injected = await api.runtime.sendMessage({ type: 'on-page-script' });
      if (!injected?.ok) throw new Error(injected?.error ?? 'the page did not accept the highlights');
      if (open !== current) return;
      const result = globalThis.__articleLensOnPage.show(Array.isArray(items) ? items : [], show);
      if (result.unsupported) {
        reply(result);
        return;
      }
      current.onPage = { css: result.dark ? 'onpage-dark.css' : 'onpage.css' };
      current.onPageUsed = true;
      const styled = await api.runtime.sendMessage({ type: 'on-page-css', file: current.onPage.css });
      if (!styled?.ok) throw new Error(styled?.error ?? 'the page did not accept the highlight styles');
      if (open !== current) return;
      place(current.frame, PANEL);
      reply(result);
    } catch (error) {
      if (open === current) clearOnPage();
      reply({ error: String(error?.message ?? error) });
    }
  }

  /** Removes the highlights and their styles from the page. */
  function clearOnPage() {
    globalThis.__articleLensOnPage?.clear();
    if (!open?.onPage) return;
    api.runtime.sendMessage({ type: 'on-page-css-off', file: open.onPage.css }).catch(() => {});
    open.onPage = null;
  }

  globalThis.__articleLensToggle = () => (open ? hide() : show());
  show();
})();
