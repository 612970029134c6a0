// The warm engine after an idle hour, simulated, in Chromium (after .ci/build and one run of
// benches/browser.mjs, which installs the npm packages):   node benches/idle.mjs [ROUNDS]
// Clicks on the founding example 5 s after the browser starts, then warm, then after the engine
// let its worker go as it does after ten idle minutes (articleLensEngine.release() in the
// offscreen document): ms from the click to the reader's text, each click.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { default: puppeteer } = await import('puppeteer-core');
const rounds = Number(process.argv[2] ?? 3);
const seed = readFileSync(path.join(root, 'tests/fixtures/seed/meta-deepseek.html'));
const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(seed));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
  headless: true,
  pipe: true,
  enableExtensions: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--enable-unsafe-extension-debugging', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
try {
  const id = await browser.installExtension(path.join(root, 'dist/chrome'));
  const extension = (await browser.extensions()).get(id);
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.goto(`http://127.0.0.1:${server.address().port}/seed.html`);
  await sleep(5000);
  const offscreen = await (await browser.waitForTarget((t) => t.url().endsWith('/offscreen.html'))).asPage();
  const reader = () => page.frames().find((f) => f.url().startsWith(`chrome-extension://${id}/`));
  const TEXT = () => {
    const mark = performance.getEntriesByName('article-lens:text')[0];
    return mark ? performance.timeOrigin + mark.startTime : 0;
  };
  async function click() {
    const clicked = Date.now();
    await page.triggerExtensionAction(extension);
    for (const deadline = Date.now() + 30000; Date.now() < deadline; await sleep(5)) {
      const shown = await reader()?.evaluate(TEXT).catch(() => 0);
      if (shown) {
        await page.triggerExtensionAction(extension);
        await sleep(300);
        return Math.round(shown - clicked);
      }
    }
    return NaN;
  }
  const first = await click();
  const warm = [];
  for (let i = 0; i < rounds; i++) warm.push(await click());
  const afterIdle = [];
  for (let i = 0; i < rounds; i++) {
    if (!(await offscreen.evaluate(() => globalThis.articleLensEngine.release()))) throw new Error('the engine was busy');
    afterIdle.push(await click());
  }
  console.log(`click → reader text, ms: first (5 s after start) ${first}; warm ${warm.join(', ')}; after the idle release ${afterIdle.join(', ')}`);
} finally {
  await browser.close();
  server.close();
}
