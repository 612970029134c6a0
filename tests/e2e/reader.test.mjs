// The shared reader module (extension/reader/reader.js, as built into dist/www) rendering a
// stored full analysis — claims, figures, dates, highlights — in Chromium: what the panel lists,
// the order of dates, highlight styles, entry → highlight navigation, Esc, the not-an-article
// notice and errors. Screenshots in light and dark themes go to tests/artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startServer } from './lib/server.mjs';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

describe('reader module', () => {
  let browser;
  let page;
  let server;
  let profile;
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer();
    profile = await mkdtemp(join(tmpdir(), 'al-reader-'));
    browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
      headless: true,
      pipe: true,
      userDataDir: profile,
      defaultViewport: { width: 1280, height: 800 },
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
    page = (await browser.pages())[0];
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  async function load(theme = 'auto') {
    await page.goto(`${server.base}/harness/reader.html?theme=${theme}`);
    await page.waitForSelector('body[data-ready="true"]');
  }

  it('renders the article header, content and safe links', async () => {
    await load();
    const view = await page.evaluate(() => ({
      root: Boolean(document.querySelector('[data-article-lens="reader"]')),
      title: document.querySelector('.al-title').textContent,
      meta: document.querySelector('.al-meta').textContent,
      datetime: document.querySelector('.al-meta time').getAttribute('datetime'),
      lang: document.querySelector('article').lang,
      links: [...document.querySelectorAll('.al-content a')].map((a) => [a.target, a.rel]),
      figcaption: document.querySelector('.al-content figcaption')?.textContent,
    }));
    assert.ok(view.root);
    assert.equal(view.title, 'Meta intensifies its commitment to artificial intelligence in light of recent breakthroughs by DeepSeek');
    assert.match(view.meta, /Clément Dubois/);
    assert.match(view.meta, /actu\.ia/);
    assert.match(view.meta, /February 18, 2025|18 February 2025/);
    assert.match(view.meta, /17:22|05:22/, 'publication time as the article gives it');
    assert.match(view.meta, /1 min read/);
    assert.equal(view.datetime, '2025-02-18T17:22:00+01:00');
    assert.equal(view.lang, 'en');
    assert.deepEqual(view.links, [['_blank', 'noopener noreferrer']]);
    assert.equal(view.figcaption, 'Capital expenditure, 2020–2025.');
  });

  it('lists claims with speakers and reasons, figures with normalized values, dates in chronological order', async () => {
    await load();
    const panel = await page.evaluate(() => {
      const entries = (label) => [...document.querySelectorAll(`section[aria-label="${label}"] .al-entry`)].map((b) => ({
        target: b.dataset.target,
        text: b.querySelector('.al-entry-text').textContent,
        value: b.querySelector('.al-value')?.textContent ?? null,
        speaker: b.querySelector('.al-speaker')?.textContent ?? null,
        meta: b.querySelector('.al-entry-meta').textContent,
      }));
      return { claims: entries('Key claims'), figures: entries('Figures'), dates: entries('Dates') };
    });
    assert.equal(panel.claims.length, 3);
    assert.equal(panel.claims[2].speaker, '— Mark Zuckerberg');
    assert.match(panel.claims[0].meta, /statistic · has figure: up to \$65 billion · plan/);
    assert.deepEqual(panel.figures.map((f) => f.value), ['≤ 65e9 USD', '~1e11 USD', '3.35e9 daily active users', '60e9–65e9 USD']);
    assert.match(panel.figures[1].meta, /order of magnitude/);
    assert.match(panel.figures[0].meta, /up to/);
    assert.deepEqual(panel.dates.map((d) => d.text), ['fourth-quarter', 'over the year', 'January 29, 2025', '18 February 2025', '17h22']);
    assert.deepEqual(panel.dates.map((d) => d.target), ['date-2', 'date-0', 'date-1', 'date-3', 'date-4']);
    assert.match(panel.dates[1].meta, /relative/);
  });

  it('styles each kind of highlight by shape as well as colour', async () => {
    await load('light');
    const styles = await page.evaluate(() => Object.fromEntries(['claim', 'figure', 'date'].map((kind) => {
      const s = getComputedStyle(document.querySelector(`mark[data-kind="${kind}"]`));
      return [kind, { line: s.textDecorationLine, style: s.textDecorationStyle, bg: s.backgroundColor, color: s.textDecorationColor }];
    })));
    assert.notEqual(styles.claim.bg, 'rgba(0, 0, 0, 0)', 'claims are shaded');
    assert.equal(styles.figure.line, 'underline');
    assert.equal(styles.figure.style, 'solid');
    assert.equal(styles.date.line, 'underline');
    assert.equal(styles.date.style, 'dashed');
    assert.notEqual(styles.figure.color, styles.date.color);
    await page.screenshot({ path: `${ARTIFACTS}reader-ui-light.png` });
    await page.click('.al-tool[title="Show highlights in the text"]');
    const off = await page.evaluate(() => getComputedStyle(document.querySelector('mark[data-kind="figure"]')).textDecorationLine);
    assert.equal(off, 'none', 'highlights can be switched off');
    const events = await page.evaluate(() => window.events);
    assert.match(events.at(-1), /"highlights":false/, 'the setting is saved');
  });

  it('scrolls to and flashes the highlight of a clicked entry', async () => {
    await page.setViewport({ width: 1280, height: 400 });
    await load();
    await page.click('.al-entry[data-target="figure-3"]');
    await page.waitForFunction(() => {
      const mark = document.querySelector('mark[data-id="figure-3"]');
      const r = mark.getBoundingClientRect();
      return mark.classList.contains('al-flash') && r.top >= 0 && r.bottom <= innerHeight;
    }, { timeout: 3000 });
    // A mark-less entry (a time that was not highlighted) does nothing harmful.
    await page.click('.al-entry[data-target="date-4"]');
    await page.setViewport({ width: 1280, height: 800 });
  });

  it('is keyboard accessible: entries are buttons, focus is visible, Esc closes', async () => {
    await load();
    await page.focus('.al-entry[data-target="claim-0"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('mark[data-id="claim-0"]').classList.contains('al-flash'), { timeout: 3000 });
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(outline, 'solid', 'visible focus ring');
    await page.keyboard.press('Escape');
    assert.deepEqual(await page.evaluate(() => window.events.filter((e) => e === 'close')), ['close']);
  });

  it('says plainly when a page is not an article and offers "Show anyway"; shows errors in words', async () => {
    await load();
    const notice = await page.evaluate(() => {
      const a = structuredClone(window.analysis);
      a.verdict = { is_article: false, reason: 'only 35 words of running text' };
      window.reader.show(a);
      return document.querySelector('[data-state="not-article"]').textContent;
    });
    assert.match(notice, /does not look like an article/);
    assert.match(notice, /only 35 words of running text/);
    await page.click('[data-action="show-anyway"]');
    assert.ok((await page.evaluate(() => window.events)).includes('show-anyway'));
    const error = await page.evaluate(() => {
      window.reader.showError('the page is empty');
      return document.querySelector('[data-state="error"]').textContent;
    });
    assert.match(error, /could not read this page/);
    assert.match(error, /The page is empty\./);
  });

  it('follows a dark colour scheme', async () => {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await load('auto');
    const bg = await page.evaluate(() => getComputedStyle(document.querySelector('[data-article-lens="reader"]')).backgroundColor);
    assert.equal(bg, 'rgb(24, 24, 27)');
    await page.screenshot({ path: `${ARTIFACTS}reader-ui-dark.png` });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  });
});

describe('www playground', () => {
  let browser;
  let server;
  let profile;
  before(async () => {
    server = await startServer();
    profile = await mkdtemp(join(tmpdir(), 'al-www-'));
    browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
      headless: true,
      pipe: true,
      userDataDir: profile,
      defaultViewport: { width: 1280, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('analyses a bundled sample with the wasm core and shows the reader, the JSON and the timing', async () => {
    const page = (await browser.pages())[0];
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.base}/www/index.html`);
    await page.waitForFunction(() => document.querySelectorAll('#sample option').length > 1);
    await page.select('#sample', 'seed/meta-deepseek.html');
    await page.waitForFunction(() => /ms \(core\)/.test(document.querySelector('#timing').textContent), { timeout: 20000 });
    const result = await page.evaluate(() => ({
      title: document.querySelector('[data-article-lens="reader"] .al-title')?.textContent,
      timing: document.querySelector('#timing').textContent,
      json: JSON.parse(document.querySelector('#json').textContent),
      about: document.querySelector('#about').textContent,
    }));
    assert.match(result.title, /^Meta intensifies its commitment to artificial intelligence/);
    assert.equal(result.json.article.title, result.title);
    assert.ok(Array.isArray(result.json.claims) && Array.isArray(result.json.figures) && Array.isArray(result.json.dates));
    assert.match(result.about, /core \d+\.\d+\.\d+/);
    console.log(`www-timing chromium ${result.timing}`);
    await page.screenshot({ path: `${ARTIFACTS}www-chromium.png` });
    // Errors in plain words: empty input.
    await page.evaluate(() => { document.querySelector('#html').value = '   '; });
    await page.click('.pg-go');
    await page.waitForSelector('[data-state="error"]');
    assert.deepEqual(errors, []);
  });
});
