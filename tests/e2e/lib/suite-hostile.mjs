// The hostile pages (tests/hostile/, one planted attack each) end to end in a browser: for each
// page, the real toolbar click opens the reader (and "Show anyway" when the page does not read
// as an article), then "Show on page", then the reader closes. Nothing the page planted may run
// or load outside the page itself:
// - no payload runs in the extension: the server rewrites each SENTINEL() into a beacon naming
//   the origin it ran in (server.mjs); only the page's own origin may send it (the page runs its
//   own scripts, as it would without the extension);
// - no request leaves the extension's pages but the page's own images (an image the page itself
//   loaded, never a beacon), without a referrer; none at all with the Images setting off;
// - no Content-Security-Policy violation in the reader (a listener set before anything renders,
//   and Chromium's buffered reports), and no script, frame, handler, style attribute or unsafe
//   URL in the reader's article or panel;
// - the page's DOM is exactly as before, with the highlights shown and after closing.
// One browser session for all pages; failures are gathered and reported together with counts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { FIXTURES, HOSTILE, startServer } from './server.mjs';
import { FRAME_IN_PAGE, PAGE_HTML_WITHOUT_READER, READER_STATE, showOnPage, sleep, waitFor } from './suite.mjs';

const SEED = JSON.parse(readFileSync(`${FIXTURES}seed/expected.json`, 'utf8'));

// The page's own attack on the reader's frame, from the moment it appears until it goes: every
// few milliseconds, a port of its own carrying forged page HTML (offered with no nonce and with
// guessed ones), forged page HTML and commands posted straight to the frame. It notes whatever
// the reader says back on its ports.
const FORGE = `(() => {
  window.__forged = { posts: 0, heard: [] };
  const html = '<!doctype html><html lang="en"><head><title>Forged by the page</title></head><body><article><h1>Forged by the page</h1><p>' +
    'FORGEDTEXT was posted to the reader by the page and must never show. '.repeat(30) + '</p></article></body></html>';
  const attack = (frame) => {
    const timer = setInterval(() => {
      if (!frame.isConnected) return clearInterval(timer);
      const w = frame.contentWindow;
      if (!w) return;
      for (const nonce of [undefined, '0'.repeat(32), 'f'.repeat(32)]) {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => window.__forged.heard.push(String(e.data?.type));
        channel.port1.postMessage({ type: 'page', html, url: location.href });
        w.postMessage({ type: 'article-lens:connect', nonce }, '*', [channel.port2]);
      }
      w.postMessage({ type: 'page', html, url: location.href }, '*');
      w.postMessage({ type: 'close' }, '*');
      w.postMessage({ type: 'on-page-result', error: 'forged' }, '*');
      window.__forged.posts += 6;
    }, 0);
  };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.localName === 'iframe') attack(n);
  }).observe(document.documentElement, { childList: true, subtree: true });
  return true;
})()`;

// HOSTILE_ONLY=name,name runs only those pages (to look into one).
const ONLY = process.env.HOSTILE_ONLY?.split(',');
const PAGES = readFileSync(`${HOSTILE}manifest.tsv`, 'utf8').split('\n')
  .filter((line) => line && !line.startsWith('#') && (!ONLY || ONLY.includes(line.split('\t')[0])))
  .map((line) => {
    const [name, family, vector, checks = ''] = line.split('\t');
    return { name, family, vector, anyVerdict: /\bverdict=any\b/.test(checks) };
  });

// Set in the reader frame as soon as it exists (its module script waits for the page's HTML, so
// this comes before anything is rendered): CSP violations, by event and, where the browser has
// them, by buffered reports.
const WATCH_READER = `(() => {
  if (!location.protocol.endsWith('-extension:')) return false; // still the frame's first, blank document
  if (window.__alWatch) return true;
  window.__alWatch = { violations: [] };
  const note = (v) => window.__alWatch.violations.push(v);
  document.addEventListener('securitypolicyviolation', (e) => note(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')), true);
  if (typeof ReportingObserver === 'function') {
    try {
      new ReportingObserver((reports) => { for (const r of reports) note('report ' + JSON.stringify(r.body)); },
        { types: ['csp-violation'], buffered: true }).observe();
    } catch { /* no csp-violation reports in this browser */ }
  }
  return true;
})()`;

// What the reader shows of the page (article header, lead image, text, panel) holds nothing
// active: no script, frame, form, style or base, no handler, no address but http(s), a raster
// data: image or a fragment.
const READER_AUDIT = `JSON.stringify((() => {
  const found = [];
  const root = document.querySelector('[data-article-lens="reader"]');
  const scope = root ? [...root.querySelectorAll('.al-article, aside')] : [];
  const SAFE_URL = /^(https?:|data:image\\/(png|jpeg|gif|webp)[;,]|#)/i;
  const ACTIVE = /^(script|iframe|frame|frameset|object|embed|applet|base|meta|link|style|form|input|svg|math|template|noscript|portal|video|audio)$/;
  for (const el of scope.flatMap((s) => [s, ...s.querySelectorAll('*')])) {
    if (ACTIVE.test(el.localName) && !(el.localName === 'video' && !el.hasAttribute('autoplay'))) found.push('<' + el.localName + '>');
    for (const { name, value } of el.attributes) {
      if (/^on/i.test(name) || /^(srcdoc|formaction|action|ping|background|lowsrc|longdesc|dynsrc|xlink:href)$/i.test(name)) found.push(name + '=' + value.slice(0, 60));
      else if (name === 'style' && el.closest('.al-content')) found.push('style=' + value.slice(0, 60));
      else if (/^(href|src|poster|cite|data)$/i.test(name) && !SAFE_URL.test(value.trim())) found.push(name + '=' + value.slice(0, 60));
      else if (name === 'srcset' && value.split(',').some((c) => !SAFE_URL.test(c.trim()))) found.push(name + '=' + value.slice(0, 60));
    }
  }
  return { found, violations: window.__alWatch?.violations ?? ['no watch'], state: document.querySelector('[data-state]')?.dataset.state ?? null };
})())`;

/** Clicks the toolbar button, watches the reader frame from its first moment, waits for the reader to settle. */
async function openWatched(d) {
  const started = performance.now();
  await d.toggle();
  let retried = false;
  let watched = false;
  return waitFor('the reader', async () => {
    if (!watched) watched = Boolean(await d.reader(WATCH_READER));
    const state = watched ? await d.reader(READER_STATE) : null;
    if (state && state !== 'text') return state;
    if (!retried && performance.now() - started > 4000 && !(await d.page(FRAME_IN_PAGE))) {
      retried = true;
      await d.toggle();
    }
    return null;
  });
}

/**
 * Esc until the reader is gone: a first Esc may only dismiss a tooltip (the pointer, left where
 * "Show anyway" was clicked, can rest on a highlight).
 */
async function closeWithEsc(d) {
  for (let i = 0; i < 3 && (await d.page(FRAME_IN_PAGE)); i++) {
    await d.press('Escape');
    await waitFor('the reader to close', async () => !(await d.page(FRAME_IN_PAGE)), 700).catch(() => {});
  }
  await waitFor('the reader to close', async () => !(await d.page(FRAME_IN_PAGE)), 5000);
}

/** Waits until the server has seen no request for `quietMs`. */
async function quiet(server, quietMs = 200) {
  for (;;) {
    const last = server.requests.at(-1)?.at ?? 0;
    const wait = last + quietMs - performance.now();
    if (wait <= 0) return;
    await sleep(wait);
  }
}

export function hostileSuite(browser, launch, extensionDir) {
  describe(`${browser}: the hostile pages (tests/hostile)`, () => {
    let d;
    let server;
    before(async () => {
      server = await startServer();
      d = await launch(extensionDir);
    });
    after(async () => {
      await d?.close();
      await server?.close();
    });

    it('a page cannot drive the reader by posting messages to it (forged ports, page HTML, close)', async () => {
      await d.open(`${server.base}/seed/meta-deepseek.html`);
      await d.page(FORGE);
      const state = await openWatched(d);
      await sleep(500); // the attack goes on while the reader is open
      const view = JSON.parse(await d.reader(`JSON.stringify({
        title: document.querySelector('.al-title')?.textContent ?? null,
        text: document.querySelector('.al-content')?.textContent ?? '',
      })`));
      const forged = JSON.parse(await d.page('JSON.stringify(window.__forged)'));
      console.log(`e2e-forged ${browser} posts=${forged.posts} heard=${forged.heard.length} state=${state}`);
      assert.ok(forged.posts >= 30, `the page kept posting to the reader (${forged.posts})`);
      assert.ok(await d.page(FRAME_IN_PAGE), 'a forged close does not close the reader');
      assert.equal(state, 'article');
      assert.equal(view.title, SEED.title, 'the reader shows the page the content script sent, not the forged one');
      assert.ok(!view.text.includes('FORGEDTEXT'), 'no forged text in the reader');
      assert.deepEqual(forged.heard, [], 'the reader never answers on a port the page offered');
      await closeWithEsc(d);
    });

    for (const images of ['on', 'off']) {
      const imagesOn = images === 'on';
      it(`with images ${images}: no payload runs, nothing leaves but ${imagesOn ? 'the page’s own images' : 'nothing'}, no CSP violation, the page is untouched (reader${imagesOn ? ' and "Show on page"' : ''})`, async () => {
        const failures = [];
        const counts = { pages: 0, vectors: 0, readerViews: 0, forced: 0, onPage: 0, requests: 0, images: 0, imagesPageSkipped: [], pageOwn: 0, pageOwnExec: 0 };
        const started = performance.now();
        // The Images setting, chosen in the reader as a person would (it is kept across openings).
        await d.open(`${server.base}/hostile/${PAGES[0].name}.html`);
        await openWatched(d);
        await d.clickInReader('[data-action="settings"]');
        await d.selectInReader('#al-set-images', images);
        assert.equal(await d.reader(`document.querySelector('#al-set-images').value`), images);
        await d.press('Escape');
        await d.press('Escape');
        await waitFor('the reader to close', async () => !(await d.page(FRAME_IN_PAGE)), 5000);

        for (const page of PAGES) {
          const fail = (what) => failures.push(`${page.name}: ${what}`);
          const url = `${server.base}/hostile/${page.name}.html`;
          counts.pages++;
          const loaded = server.requests.length;
          try {
            await d.open(url);
            // A meta refresh is the page's own navigation: cancel it so the page stays (the
            // reader must not carry it out either: its requests would show below).
            await d.page('(window.stop(), true)');
            await quiet(server);
            if (await d.page('location.href') !== url) {
              fail(`the page itself navigated away before the test (${await d.page('location.href')})`);
              continue;
            }
            const beforeHtml = await d.page('document.documentElement.outerHTML');
            const mark = server.requests.length;
            // The images the page loaded itself (its own scripts' beacons aside).
            const ownImages = new Set(server.requests.slice(loaded, mark)
              .filter((r) => r.site === 'same-origin' && r.dest === 'image' && !r.path.startsWith('/sentinel/')).map((r) => r.url));

            let state = await openWatched(d);
            counts.vectors++;
            let audit = JSON.parse(await d.reader(READER_AUDIT));
            if (state === 'not-article' && page.anyVerdict) {
              // Show it anyway: the whole page then goes through the reader.
              await d.clickInReader('[data-action="show-anyway"]');
              state = await waitFor('the forced view', async () => {
                const s = await d.reader(READER_STATE);
                return s && s !== 'text' && s !== 'not-article' ? s : null;
              });
              counts.forced++;
              const forced = JSON.parse(await d.reader(READER_AUDIT));
              audit = { ...forced, found: [...audit.found, ...forced.found], violations: forced.violations };
            }
            if (state !== 'article') fail(`the reader shows ${state}, not the article`);
            else counts.readerViews++;
            if (audit.found.length) fail(`active content in the reader: ${audit.found.join(' | ')}`);

            // "Show on page" once per page (with images on: the images-off pass is about requests).
            if (imagesOn && state === 'article') {
              await showOnPage(d);
              counts.onPage++;
              if (await d.page(PAGE_HTML_WITHOUT_READER) !== beforeHtml) fail('"Show on page" changed the page DOM');
              const panel = JSON.parse(await d.reader(READER_AUDIT));
              audit = { ...panel, found: [...audit.found, ...panel.found] };
            }
            await closeWithEsc(d);
            if (audit.violations.length) fail(`CSP violations in the reader: ${audit.violations.join(' | ')}`);
            if (await d.page('document.documentElement.outerHTML') !== beforeHtml) fail('the page DOM differs after closing');
            if (await d.page('location.href') !== url) fail(`the page navigated to ${await d.page('location.href')}`);

            await quiet(server);
            for (const r of server.requests.slice(mark)) {
              counts.requests++;
              if (r.path === '/sentinel/exec') {
                const from = new URL(r.url, server.base).searchParams.get('from');
                if (from === server.base) counts.pageOwnExec++;
                else fail(`a payload ran in ${from}`);
              } else if (r.site === 'same-origin') {
                // The page's own request (its scripts, handlers or lazy loads), not the extension's.
                counts.pageOwn++;
              } else if (imagesOn && r.dest === 'image' && !r.path.startsWith('/sentinel/')) {
                // An image of the page's own site: the page's own image (its address is in the
                // page; the reader resolves it against the page's address).
                counts.images++;
                if (!ownImages.has(r.url)) counts.imagesPageSkipped.push(`${page.name}:${r.path}`);
                if (r.referer) fail(`the reader sent a referrer with ${r.path}: ${r.referer}`);
              } else {
                fail(`request from the extension: ${r.method} ${r.url} (site=${r.site}, dest=${r.dest}, origin=${r.origin})`);
              }
            }
          } catch (error) {
            fail(`${error.message}`);
            await d.press('Escape').catch(() => {});
          }
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(`e2e-hostile ${browser} images=${images} pages=${counts.pages} vectors_tried=${counts.vectors} reader_views=${counts.readerViews} forced=${counts.forced} on_page=${counts.onPage} ` +
          `requests_seen=${counts.requests} own_images=${counts.images} page_own_requests=${counts.pageOwn} page_own_executions=${counts.pageOwnExec} ` +
          `extension_executions=${failures.filter((f) => /payload ran/.test(f)).length} failures=${failures.length} seconds=${seconds}`);
        // Images the reader loaded that the browser's own parse of the page did not (a parser
        // difference: the page's markup names them, but the attack hid them from the browser).
        if (counts.imagesPageSkipped.length) console.log(`e2e-hostile ${browser} images not loaded by the page itself: ${counts.imagesPageSkipped.join(' ')}`);
        assert.deepEqual(failures, [], 'every hostile page is safe in the reader and on the page');
        assert.equal(counts.vectors, PAGES.length, 'every page was tried');
        if (imagesOn) assert.ok(counts.images > 0, 'the reader loads the pages’ own images (the request check can see them)');
        else assert.equal(counts.images, 0);
      });
    }
  });
}
