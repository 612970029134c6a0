// Article Lens content script, injected on each toolbar click. It only collects the page and
// shows or hides the reader; the analysis runs in the reader, an extension page.
//
// The reader is an extension page in a full-viewport iframe: the page's CSS and scripts cannot
// reach into it, and the WebAssembly runs in the extension origin, so pages with a strict CSP
// work too. The page's HTML goes to it over a MessageChannel whose port is handed over with a
// postMessage targeted at the extension origin, so only our reader document can receive it (if
// the page navigated the frame elsewhere, the message is dropped). The page could at worst post
// the reader other HTML of its own, which it could equally put in its DOM: nothing is lost.
// Nothing else is added to the page, and closing restores focus and scroll as they were.
(() => {
  if (typeof globalThis.__articleLensToggle === 'function') {
    globalThis.__articleLensToggle();
    return;
  }
  const api = globalThis.browser ?? globalThis.chrome;
  const readerUrl = api.runtime.getURL('reader/reader.html');
  const readerOrigin = new URL(readerUrl).origin;
  let open = null;

  function show() {
    const previousFocus = document.activeElement;
    const scroll = [window.scrollX, window.scrollY];
    const doctype = document.doctype ? '<!DOCTYPE html>\n' : '';
    const page = { type: 'page', html: doctype + document.documentElement.outerHTML, url: location.href };

    const frame = document.createElement('iframe');
    const style = {
      all: 'initial', position: 'fixed', inset: '0', width: '100%', height: '100%', margin: '0',
      padding: '0', border: '0', display: 'block', visibility: 'visible', opacity: '1',
      'z-index': '2147483647', 'color-scheme': 'normal', 'max-width': 'none', 'max-height': 'none',
      transform: 'none', filter: 'none', 'clip-path': 'none',
    };
    // CSSOM, not a style attribute: allowed even where the page's CSP forbids inline styles.
    for (const [name, value] of Object.entries(style)) frame.style.setProperty(name, value, 'important');
    frame.title = api.i18n.getMessage('frame_title') || 'Article Lens';
    // Lets the reader's "Copy as Markdown" use the Clipboard API (else it falls back to a selection copy).
    frame.allow = 'clipboard-write';
    frame.src = readerUrl;

    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => {
      if (event.data?.type === 'close') hide();
    };
    frame.addEventListener('load', () => {
      frame.contentWindow.postMessage({ type: 'article-lens:connect' }, readerOrigin, [channel.port2]);
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
    open = { frame, channel, previousFocus, scroll, onKey };
  }

  function hide() {
    if (!open) return;
    const { frame, channel, previousFocus, scroll, onKey } = open;
    open = null;
    window.removeEventListener('keydown', onKey, true);
    channel.port1.close();
    frame.remove();
    if (window.scrollX !== scroll[0] || window.scrollY !== scroll[1]) window.scrollTo(scroll[0], scroll[1]);
    if (previousFocus && previousFocus.isConnected && previousFocus !== document.body &&
        typeof previousFocus.focus === 'function') {
      previousFocus.focus({ preventScroll: true });
    }
  }

  globalThis.__articleLensToggle = () => (open ? hide() : show());
  show();
})();
