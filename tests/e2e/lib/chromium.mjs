// Chromium driver: the built extension (dist/chrome) loaded unpacked, the real toolbar action
// triggered over CDP (Extensions.triggerAction, which also grants activeTab).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

/**
 * Waits for an input action that may close the reader. Esc or the close button removes the
 * reader's frame while Chromium still dispatches the event to it; it may then never acknowledge
 * the event, or report the target closed. Wait a short while only; report other failures.
 */
async function settled(action) {
  let failure = null;
  const done = action.then(() => true, (error) => {
    if (error.name !== 'TargetCloseError') failure = error;
    return true;
  });
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 1500))]);
  if (failure) throw failure;
}

/** `lang`: the browser's UI language (needs Debian's chromium-l10n for other than English). */
export async function launchChromium(extensionDir, { lang } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'al-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    dumpio: Boolean(process.env.E2E_DUMPIO),
    env: lang ? { ...process.env, LANGUAGE: lang, LANG: `${lang}.UTF-8` } : process.env,
    pipe: true,
    protocolTimeout: 30000,
    enableExtensions: true,
    userDataDir: profile,
    defaultViewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--enable-unsafe-extension-debugging',
      `--disable-extensions-except=${extensionDir}`,
      // Nothing but 127.0.0.1 resolves: no test can reach the network.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ...(lang ? [`--lang=${lang}`, `--accept-lang=${lang}`] : []),
    ],
  });
  const extensionId = await browser.installExtension(extensionDir);
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  const extension = (await browser.extensions()).get(extensionId);
  const readerFrame = () => page.frames().find((f) => f.url().startsWith(`chrome-extension://${extensionId}/`));

  return {
    name: 'chromium',
    /** The browser's process id (its renderers are under it). */
    pid: browser.process()?.pid,
    async open(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    /** Evaluates an expression in the page (main world). */
    page: (expression) => page.evaluate(expression),
    /** Clicks the toolbar button; returns when it was clicked (epoch ms, for the benchmark). */
    async toggle() {
      const clicked = Date.now();
      // Extensions.triggerAction on the browser connection, with the page's tab target id.
      await page.triggerExtensionAction(extension);
      return clicked;
    },
    /** Evaluates an expression in the reader frame; undefined when there is no reader. */
    async reader(expression) {
      const frame = readerFrame();
      if (!frame) return undefined;
      try {
        return await frame.evaluate(expression);
      } catch (error) {
        if (/detached|destroyed|not found|Execution context|Target closed/i.test(error.message)) return undefined;
        throw error;
      }
    },
    /** A real key press, delivered to whatever has focus. */
    async press(key) {
      await settled(page.keyboard.press(key));
    },
    /** A real mouse click on an element of the reader. */
    async clickInReader(selector) {
      const handle = await readerFrame()?.$(selector);
      if (!handle) throw new Error(`no ${selector} in the reader`);
      await settled(handle.click());
    },
    /** Chooses an option of a <select> in the reader, as a person would (input and change events). */
    async selectInReader(selector, value) {
      const frame = readerFrame();
      if (!frame) throw new Error('no reader');
      await frame.select(selector, value);
    },
    /**
     * Stops the extension's service worker, as Chromium does when it has been idle (the next
     * event starts it again); returns whether one was running (waiting up to waitMs for it to show).
     */
    async stopServiceWorker(waitMs = 0) {
      const isOurs = (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`);
      // The browser reports a worker's target a little after the worker starts: wait for it when asked.
      const deadline = Date.now() + waitMs;
      while (!browser.targets().some(isOurs) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const target = browser.targets().find(isOurs);
      if (!target) return false;
      await (await target.worker()).close();
      // This worker's target must go; a message may start a new worker at once, which is fine.
      const gone = () => !browser.targets().includes(target);
      for (let i = 0; i < 250 && !gone(); i++) await new Promise((r) => setTimeout(r, 20));
      return gone();
    },
    async screenshot(path) {
      await page.screenshot({ path });
    },
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
