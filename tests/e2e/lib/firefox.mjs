// Firefox ESR driver over plain WebDriver HTTP (geckodriver): the built add-on (dist/firefox)
// installed temporarily, the real toolbar action triggered from the chrome context.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
// geckodriver is installed with cargo (.ci/setup): look in cargo's bin folder, then on PATH.
const cargoGeckodriver = join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin/geckodriver');
const GECKODRIVER = process.env.GECKODRIVER_BIN ?? (existsSync(cargoGeckodriver) ? cargoGeckodriver : 'geckodriver');
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `lang`: the browser's UI language (needs Debian's firefox-esr-l10n-<lang> langpack for other than English). */
export async function launchFirefox(extensionDir, { lang } = {}) {
  const port = await freePort();
  const driver = spawn(GECKODRIVER, ['--port', String(port), '--host', '127.0.0.1', '--allow-system-access'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let driverLog = '';
  driver.stdout.on('data', (d) => { driverLog += d; });
  driver.stderr.on('data', (d) => { driverLog += d; });
  const base = `http://127.0.0.1:${port}`;

  async function call(method, path, body) {
    const response = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) {
      const error = new Error(`${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
      error.code = json.value?.error;
      throw error;
    }
    return json.value;
  }

  for (let i = 0; ; i++) {
    try {
      await fetch(`${base}/status`);
      break;
    } catch (error) {
      if (i > 100) throw new Error(`geckodriver did not start: ${driverLog}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const prefs = {
    // Only 127.0.0.1 is reachable: everything else goes to a closed local port.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.proxy.no_proxies_on': '127.0.0.1',
    'network.proxy.allow_hijacking_localhost': false,
    'browser.shell.checkDefaultBrowser': false,
    'app.update.enabled': false,
    'extensions.update.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    ...(lang ? { 'intl.locale.requested': lang, 'intl.accept_languages': lang } : {}),
  };
  const session = await call('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'firefox',
        'moz:firefoxOptions': { binary: FIREFOX, args: ['-headless', '-width', '1280', '-height', '800'], prefs },
      },
    },
  });
  const sid = session.sessionId;
  const s = (path) => `/session/${sid}${path}`;
  await call('POST', s('/window/rect'), { width: 1280, height: 800 }).catch(() => {});
  const addonId = await call('POST', s('/moz/addon/install'), { path: extensionDir, temporary: true });

  const execute = (script, args = []) => call('POST', s('/execute/sync'), { script, args });
  const frameElement = async () => {
    await call('POST', s('/frame'), { id: null });
    const found = await call('POST', s('/elements'), { using: 'css selector', value: 'iframe[src^="moz-extension:"]' });
    return found[0];
  };
  async function inReader(fn) {
    const frame = await frameElement();
    if (!frame) return undefined;
    try {
      await call('POST', s('/frame'), { id: frame });
      return await fn();
    } catch (error) {
      if (['no such frame', 'no such element', 'stale element reference', 'no such window'].includes(error.code)) return undefined;
      throw error;
    } finally {
      await call('POST', s('/frame'), { id: null }).catch(() => {});
    }
  }

  return {
    name: 'firefox',
    /** geckodriver's process id (Firefox and its content processes are under it). */
    pid: driver.pid,
    async open(url) {
      await call('POST', s('/url'), { url });
    },
    page: (expression) => execute(`return (${expression});`),
    /** Clicks the toolbar button; returns when it was clicked (epoch ms, for the benchmark). */
    async toggle() {
      await call('POST', s('/moz/context'), { context: 'chrome' });
      try {
        return await execute(`
          const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
          const extension = ExtensionParent.GlobalManager.getExtension(arguments[0]);
          const win = Services.wm.getMostRecentWindow('navigator:browser');
          const clicked = Date.now();
          ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(win);
          return clicked;
        `, [addonId]);
      } finally {
        await call('POST', s('/moz/context'), { context: 'content' });
      }
    },
    reader: (expression) => inReader(() => execute(`return (${expression});`)),
    /**
     * Fires the add-on's keyboard shortcut as the browser window's key binding would (a key
     * element Firefox builds from the manifest's commands); returns false if there is none.
     */
    async shortcut(shortcut) {
      await call('POST', s('/moz/context'), { context: 'chrome' });
      try {
        return await execute(`
          const [mods, letter] = [arguments[0].split('+').slice(0, -1).map((m) => m.toLowerCase()), arguments[0].split('+').at(-1)];
          const win = Services.wm.getMostRecentWindow('navigator:browser');
          const key = [...win.document.querySelectorAll('key')].find((k) =>
            (k.getAttribute('key') ?? '').toUpperCase() === letter.toUpperCase() &&
            mods.every((m) => (k.getAttribute('modifiers') ?? '').split(/[ ,]+/).includes(m)) &&
            /^ext-keyset-id/.test(k.parentElement?.id ?? ''));
          if (!key) return false;
          key.doCommand();
          return true;
        `, [shortcut]);
      } finally {
        await call('POST', s('/moz/context'), { context: 'content' });
      }
    },
    async press(key) {
      const value = { Escape: '\uE00C', Tab: '\uE004', Enter: '\uE007' }[key] ?? key;
      const actions = { actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }] };
      // Keys go to the focused element of the frame that has focus: the reader when it is open.
      const frame = await frameElement();
      if (!frame) {
        await call('POST', s('/actions'), actions);
      } else {
        try {
          await call('POST', s('/frame'), { id: frame });
          await call('POST', s('/actions'), actions);
        } catch (error) {
          // Esc closes the reader on keydown; the rest then targets a frame that is gone. Never
          // replay the key on the page: it would reach the page's focused field.
          if (await frameElement()) throw error;
        } finally {
          await call('POST', s('/frame'), { id: null }).catch(() => {});
        }
      }
      await call('DELETE', s('/actions')).catch(() => {});
    },
    async clickInReader(selector) {
      const ok = await inReader(async () => {
        const el = await call('POST', s('/element'), { using: 'css selector', value: selector });
        await call('POST', s(`/element/${el[ELEMENT]}/click`), {});
        return true;
      });
      if (!ok) throw new Error(`no ${selector} in the reader`);
    },
    /** Chooses an option of a <select> in the reader: WebDriver's click on an <option> selects it. */
    async selectInReader(selector, value) {
      await this.clickInReader(`${selector} option[value="${value}"]`);
    },
    async screenshot(path) {
      const png = await call('GET', s('/screenshot'));
      await writeFile(path, Buffer.from(png, 'base64'));
    },
    async close() {
      await call('DELETE', s('')).catch(() => {});
      driver.kill();
    },
  };
}
