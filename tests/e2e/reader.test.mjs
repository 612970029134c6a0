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
import { AXE_RUN, assertAccessible } from './lib/axe.mjs';

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

  async function load(theme = 'auto', lang = 'en') {
    await page.goto(`${server.base}/harness/reader.html?theme=${theme}&lang=${lang}`);
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

  it('shows the text first, then adds the analysis without moving it', async () => {
    await page.setViewport({ width: 1280, height: 400 });
    await load();
    const steps = await page.evaluate(async () => {
      const a = window.analysis;
      const plain = a.article.content_html.replace(/<\/?mark[^>]*>/g, '');
      const paragraphs = Array(30).fill(`<p>${a.article.text.slice(0, 400)}</p>`).join('');
      const view = { ...a, claims: [], figures: [], dates: [], article: { ...a.article, content_html: plain + paragraphs } };
      const full = { ...a, article: { ...a.article, content_html: a.article.content_html + paragraphs } };
      window.reader.show(view, { pending: true });
      const layout = document.querySelector('[data-state]');
      const first = {
        state: layout.dataset.state,
        analysis: layout.dataset.analysis,
        busy: [...document.querySelectorAll('aside section')].map((s) => s.getAttribute('aria-busy')),
        marks: document.querySelectorAll('.al-content mark').length,
        pendingNotes: document.querySelectorAll('aside .al-pending').length,
      };
      window.scrollTo(0, 900);
      await new Promise((r) => requestAnimationFrame(r));
      const before = { y: window.scrollY, top: document.querySelectorAll('.al-content p')[12].getBoundingClientRect().top };
      window.reader.show(full);
      await new Promise((r) => requestAnimationFrame(r));
      const after = { y: window.scrollY, top: document.querySelectorAll('.al-content p')[12].getBoundingClientRect().top };
      const done = document.querySelector('[data-state]');
      return { first, before, after, analysis: done.dataset.analysis, marks: document.querySelectorAll('.al-content mark').length,
        focused: document.activeElement?.className, counts: [...document.querySelectorAll('aside .al-count')].map((c) => c.textContent) };
    });
    await page.setViewport({ width: 1280, height: 800 });
    assert.equal(steps.first.state, 'article', 'the text counts as shown while the analysis runs');
    assert.equal(steps.first.analysis, 'pending');
    assert.deepEqual(steps.first.busy, ['true', 'true', 'true', 'true']);
    assert.equal(steps.first.marks, 0);
    assert.equal(steps.first.pendingNotes, 4);
    assert.ok(steps.before.y > 0);
    assert.equal(steps.after.y, steps.before.y, 'the page does not scroll');
    assert.ok(Math.abs(steps.after.top - steps.before.top) < 1, `the paragraph stays put (${steps.before.top} → ${steps.after.top})`);
    assert.equal(steps.analysis, 'done');
    assert.ok(steps.marks > 0);
    assert.equal(steps.focused, 'al-main');
    assert.equal(steps.counts.length, 4);
  });

  it('says in plain words when the analysis is not ready in time, keeping the text; the analysis still replaces the note', async () => {
    await load();
    const steps = await page.evaluate(() => {
      const a = window.analysis;
      const view = { ...a, claims: [], figures: [], dates: [], article: { ...a.article, content_html: a.article.content_html.replace(/<\/?mark[^>]*>/g, '') } };
      window.reader.show(view, { pending: true });
      const stopped = window.reader.stopWaiting(15);
      const state = {
        stopped,
        analysis: document.querySelector('.al-layout').dataset.analysis,
        notes: [...document.querySelectorAll('aside .al-stopped')].map((n) => n.textContent),
        pending: document.querySelectorAll('aside .al-pending, aside [aria-busy]').length,
        text: document.querySelector('.al-content').textContent.length,
      };
      window.reader.show(a);
      return { state, again: window.reader.stopWaiting(15), after: document.querySelector('.al-layout').dataset.analysis, marks: document.querySelectorAll('.al-content mark').length };
    });
    assert.equal(steps.state.stopped, true);
    assert.equal(steps.state.analysis, 'stopped');
    assert.equal(steps.state.notes.length, 4, 'each section (claims, figures, dates, consistency) says it');
    assert.match(steps.state.notes[0], /were not ready after 15 seconds/);
    assert.equal(steps.state.pending, 0, 'nothing says it is still busy');
    assert.ok(steps.state.text > 500, 'the text stays');
    assert.equal(steps.again, false, 'nothing to stop once the analysis is shown');
    assert.equal(steps.after, 'done');
    assert.ok(steps.marks > 0);
  });

  it('lists and highlights the first 1,000 figures and dates of a very long page, and says so', async () => {
    await load();
    const shown = await page.evaluate(() => {
      const a = window.analysis;
      const n = 2500;
      const figures = [];
      let html = '';
      for (let i = 0; i < n; i++) {
        figures.push({ ...a.figures[0], text: `${i + 10} jobs`, normalized: String(i + 10) });
        html += `<p>The plan adds <mark data-id="figure-${i}" data-kind="figure">${i + 10} jobs</mark> here.</p>`;
      }
      window.reader.show({ ...a, claims: [], dates: [], figures, article: { ...a.article, content_html: html } });
      return {
        marks: document.querySelectorAll('.al-content mark[data-kind="figure"]').length,
        text: document.querySelector('.al-content').textContent.includes('2509 jobs'),
        rows: document.querySelectorAll('section[aria-label="Figures"] tbody tr').length,
        count: document.querySelector('section[aria-label="Figures"] .al-count').textContent,
        note: document.querySelector('section[aria-label="Figures"] .al-trimmed')?.textContent ?? null,
      };
    });
    assert.equal(shown.marks, 1000, 'the first 1,000 keep their highlight');
    assert.equal(shown.text, true, 'the text past them stays');
    assert.equal(shown.rows, 1000);
    assert.equal(shown.count, '2500', 'the count is the page’s');
    assert.match(shown.note ?? '', /first 1000 of 2500/);
  });

  it('lays out a very long paragraph in chunks that start at sentence ends: same text, same marks; short paragraphs as they were', async () => {
    await load();
    const shown = await page.evaluate(() => {
      const a = window.analysis;
      const sentence = (i) => `Sales rose by ${i} units in the quarter, the firm said. `;
      let long = '';
      for (let i = 0; long.length < 45000; i++) long += i === 300 ? `Output hit <mark data-id="figure-0" data-kind="figure">${i} units</mark> then. ` : sentence(i);
      const html = `<p>A short opening paragraph.</p><p>${long}</p>`;
      window.reader.show({ ...a, claims: [], dates: [], figures: [a.figures[0]], article: { ...a.article, content_html: html } });
      const content = document.querySelector('.al-content');
      const expected = new DOMParser().parseFromString(html, 'text/html').body.textContent;
      const chunks = [...content.querySelectorAll('p .al-chunk')];
      return {
        same: content.textContent === expected,
        chunks: chunks.length,
        sizes: chunks.map((c) => c.textContent.length),
        ends: chunks.slice(0, -1).every((c) => c.textContent.endsWith('. ')),
        marks: content.querySelectorAll('.al-chunk mark[data-id="figure-0"]').length,
        shortChunked: content.querySelector('p').querySelector('.al-chunk') !== null,
        lazy: getComputedStyle(chunks[0]).contentVisibility,
      };
    });
    assert.equal(shown.same, true, 'the text is unchanged');
    assert.ok(shown.chunks >= 4 && shown.chunks <= 6, `about 10,000 characters a chunk (${shown.sizes})`);
    assert.ok(shown.sizes.every((n) => n <= 10000), `no chunk past 10,000 characters (${shown.sizes})`);
    assert.equal(shown.ends, true, 'each chunk but the last ends a sentence');
    assert.equal(shown.marks, 1, 'the highlight is kept whole');
    assert.equal(shown.shortChunked, false, 'a short paragraph is left as it was');
    assert.equal(shown.lazy, 'auto', 'chunks off screen are not laid out');
  });

  it('lays out only the blocks on screen of a page of very many elements; an ordinary article as it was', async () => {
    await load();
    const shown = await page.evaluate(() => {
      const a = window.analysis;
      const render = (paragraphs) => {
        let html = '';
        for (let i = 0; i < paragraphs; i++) html += `<p>${'Ridership rose 5% over the year.'.split(' ').map((w) => `<span>${w}</span>`).join(' ')}</p>`;
        window.reader.show({ ...a, claims: [], dates: [], figures: [], article: { ...a.article, content_html: html } });
        const ps = [...document.querySelectorAll('.al-content p')];
        return { lazy: ps.filter((p) => getComputedStyle(p).contentVisibility === 'auto').length, all: ps.length };
      };
      return { many: render(2500), few: render(100) };
    });
    assert.deepEqual(shown.many, { lazy: 2500, all: 2500 }, '15,000 elements: every paragraph laid out only on screen');
    assert.deepEqual(shown.few, { lazy: 0, all: 100 }, '600 elements: as they were');
  });

  it('loads no image with images off: placeholders show the alt text, and the setting re-renders the article', async () => {
    await load();
    const wanted = [];
    const onRequest = (request) => {
      if (request.url().includes('/no-such-image')) wanted.push(request.url());
    };
    page.on('request', onRequest);
    const show = (images) => page.evaluate(async (images, base) => {
      const a = window.analysis;
      const html = `<p>Before the picture.</p><figure><img src="${base}/no-such-image.png?${images}" alt="A harbour crane"></figure>` +
        `<p><img src="${base}/no-such-image-2.png?${images}" alt=""></p>`;
      window.reader.setSettings({ images });
      window.reader.show({ ...a, article: { ...a.article, content_html: html, lead_image: `${base}/no-such-image-lead.png?${images}` } });
      // Counted before the fetches fail (a lead image that fails to load is removed).
      const imgs = document.querySelectorAll('.al-article img').length;
      await new Promise((r) => setTimeout(r, 300));
      return {
        imgs,
        labels: [...document.querySelectorAll('.al-content .al-image-off')].map((s) => s.getAttribute('aria-label')),
        text: document.querySelector('.al-content').textContent,
      };
    }, images, server.base);
    const off = await show('off');
    assert.equal(off.imgs, 0);
    assert.deepEqual(off.labels, ['Image: A harbour crane', 'Image']);
    assert.ok(!off.text.includes('Image'), 'the label stays out of the article text');
    assert.deepEqual(wanted, [], 'nothing fetched with images off');
    const on = await show('on');
    assert.equal(on.imgs, 3, 'two content images and the lead image');
    assert.ok(wanted.some((url) => url.includes('no-such-image-lead')), 'with images on they are fetched (the check can fail)');
    // Switching the setting from the panel re-renders the shown article.
    await page.click('[data-action="settings"]');
    await page.select('#al-set-images', 'off');
    assert.equal(await page.evaluate(() => document.querySelectorAll('.al-article img').length), 0);
    await page.select('#al-set-images', 'on');
    page.off('request', onRequest);
    await page.evaluate(() => window.reader.setSettings({}));
  });

  it('names an embedded video in the reader language without adding to the article text', async () => {
    for (const [lang, label] of [['en', 'Video on youtube.com'], ['fr', 'Vidéo sur youtube.com']]) {
      await load('auto', lang);
      const embed = await page.evaluate(() => {
        const a = window.analysis;
        const html = '<p>Before the clip.</p><p><a href="https://www.youtube.com/embed/abc">\u25B6</a></p>';
        window.reader.show({ ...a, article: { ...a.article, content_html: html } });
        const link = document.querySelector('.al-content a.al-embed');
        return {
          label: link?.getAttribute('aria-label'),
          shown: link && getComputedStyle(link, '::after').content,
          text: document.querySelector('.al-content').textContent.replace(/\s+/g, ' ').trim(),
        };
      });
      assert.equal(embed.label, label);
      assert.equal(embed.shown, `" ${label}"`);
      assert.equal(embed.text, 'Before the clip.\u25B6', 'the label is not text');
    }
  });

  it('lists ranked claims with speakers and reasons, a figures table with normalized values, a dates timeline', async () => {
    await load();
    const panel = await page.evaluate(() => {
      const entries = (label) => [...document.querySelectorAll(`section[aria-label="${label}"] .al-entry`)].map((b) => ({
        target: b.dataset.target,
        text: b.querySelector('.al-entry-text').textContent,
        speaker: b.querySelector('.al-speaker')?.textContent ?? null,
        meta: b.querySelector('.al-entry-meta')?.textContent ?? null,
      }));
      const figures = [...document.querySelectorAll('section[aria-label="Figures"] tbody tr')].map((tr) => ({
        target: tr.querySelector('.al-entry').dataset.target,
        cells: [...tr.cells].map((c) => c.textContent),
      }));
      return { claims: entries('Key claims'), figures, dates: entries('Dates'), when: [...document.querySelectorAll('.al-tl-when')].map((w) => w.textContent) };
    });
    assert.equal(panel.claims.length, 3);
    assert.equal(panel.claims[2].speaker, '— Mark Zuckerberg');
    assert.match(panel.claims[0].meta, /statistic · has figure: up to \$65 billion · plan/);
    assert.deepEqual(panel.figures.map((f) => f.cells[1]), ['≤ 65e9 USD', '~1e11 USD', '3.35e9 daily active users', '60e9–65e9 USD']);
    assert.match(panel.figures[1].cells[2], /order of magnitude/);
    assert.match(panel.figures[0].cells[2], /up to/);
    assert.deepEqual(panel.dates.map((d) => d.text), ['fourth-quarter', 'over the year', 'January 29, 2025', '18 February 2025', '17h22']);
    assert.deepEqual(panel.dates.map((d) => d.target), ['date-2', 'date-0', 'date-1', 'date-3', 'date-4']);
    assert.match(panel.dates[1].meta, /relative/);
    assert.match(panel.when[2], /January 29, 2025/, 'timeline dates are written out');
    const order = () => page.evaluate(() => [...document.querySelectorAll('section[aria-label="Figures"] tbody .al-entry')].map((b) => b.dataset.target));
    await page.click('[data-sort="value"]');
    assert.deepEqual(await order(), ['figure-2', 'figure-3', 'figure-0', 'figure-1']);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.sort), 'value', 'focus stays on the sort button');
    assert.equal(await page.evaluate(() => document.querySelector('th[aria-sort]').textContent.trim()), 'Value ▾');
    await page.click('[data-sort="kind"]');
    assert.deepEqual(await order(), ['figure-2', 'figure-0', 'figure-1', 'figure-3']);
    await page.click('[data-sort="order"]');
    assert.deepEqual(await order(), ['figure-0', 'figure-1', 'figure-2', 'figure-3']);
  });

  it('shows what a highlight means on hover and on keyboard focus (an accessible tooltip)', async () => {
    await load('light');
    const described = await page.evaluate(() => [...document.querySelectorAll('mark[tabindex="0"]')].map((m) => [m.dataset.id, document.getElementById(m.getAttribute('aria-describedby'))?.textContent]));
    assert.equal(described.length, 11, 'one focusable mark per highlight');
    assert.ok(described.every(([, text]) => text), 'each focusable mark has a description');
    await page.hover('mark[data-id="claim-2"]');
    const claimTip = await page.evaluate(() => !document.querySelector('.al-tip').hidden && document.querySelector('.al-tip').textContent);
    assert.match(claimTip, /Key claim #3 \(quote\)/);
    assert.match(claimTip, /Said by: Mark Zuckerberg/);
    assert.match(claimTip, /Why: attributed to Mark Zuckerberg; prediction/);
    await page.mouse.move(5, 790);
    await page.waitForFunction(() => document.querySelector('.al-tip').hidden, { timeout: 2000 });
    // Keyboard: Tab from the start reaches the highlights after the toolbar.
    let focused = null;
    for (let i = 0; i < 20 && focused !== 'figure-0'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement.dataset.id ?? null);
    }
    assert.equal(focused, 'figure-0');
    const figureTip = await page.evaluate(() => !document.querySelector('.al-tip').hidden && document.querySelector('.al-tip').textContent);
    assert.match(figureTip, /Figure: ≤ 65e9 USD/);
    await page.screenshot({ path: `${ARTIFACTS}reader-ui-tooltip.png` });
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.querySelector('.al-tip').hidden), true, 'Esc dismisses the tooltip first');
    assert.deepEqual(await page.evaluate(() => window.events.filter((e) => e === 'close')), [], 'and does not close the reader');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.id), 'claim-1');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.al-entry[data-target="claim-1"]').classList.contains('al-flash'), { timeout: 2000 });
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
    // One toggle per kind: figures off leaves claims and dates highlighted.
    await page.click('.al-kind[data-kind="figure"]');
    const off = await page.evaluate(() => ({
      figure: getComputedStyle(document.querySelector('mark[data-kind="figure"]')).textDecorationLine,
      date: getComputedStyle(document.querySelector('mark[data-kind="date"]')).textDecorationLine,
      claim: getComputedStyle(document.querySelector('mark[data-kind="claim"]')).backgroundColor,
      pressed: document.querySelector('.al-kind[data-kind="figure"]').getAttribute('aria-pressed'),
      focusable: document.querySelector('mark[data-id="figure-0"]').hasAttribute('tabindex'),
    }));
    assert.equal(off.figure, 'none', 'figure highlights switched off');
    assert.equal(off.date, 'underline', 'date highlights stay');
    assert.notEqual(off.claim, 'rgba(0, 0, 0, 0)', 'claim highlights stay');
    assert.equal(off.pressed, 'false');
    assert.equal(off.focusable, false, 'hidden highlights leave the tab order');
    const events = await page.evaluate(() => window.events);
    assert.match(events.at(-1), /"show":\{"claim":true,"figure":false,"date":true\}/, 'the setting is saved');
    await page.click('.al-kind[data-kind="claim"]');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('mark[data-kind="claim"]')).backgroundColor), 'rgba(0, 0, 0, 0)');
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

  it('changes theme, font, size, line width and spacing from the Display settings', async () => {
    await load('light');
    await page.click('[data-action="settings"]');
    assert.equal(await page.evaluate(() => document.querySelector('[data-action="settings"]').getAttribute('aria-expanded')), 'true');
    await page.select('#al-set-theme', 'sepia');
    await page.select('#al-set-width', 'wide');
    await page.select('#al-set-spacing', 'relaxed');
    await page.click('[data-action="larger"]');
    const view = await page.evaluate(() => {
      const root = document.querySelector('[data-article-lens="reader"]');
      const article = getComputedStyle(document.querySelector('.al-article'));
      return { theme: root.dataset.theme, bg: getComputedStyle(root).backgroundColor, size: article.fontSize, leading: parseFloat(article.lineHeight) / parseFloat(article.fontSize), last: window.events.at(-1) };
    });
    assert.equal(view.theme, 'sepia');
    assert.equal(view.bg, 'rgb(245, 236, 217)');
    assert.equal(view.size, '21px');
    assert.ok(Math.abs(view.leading - 1.9) < 0.01);
    for (const re of [/"theme":"sepia"/, /"width":"wide"/, /"spacing":"relaxed"/, /"size":3/]) assert.match(view.last, re);
    await page.screenshot({ path: `${ARTIFACTS}reader-ui-sepia.png` });
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => [document.querySelector('#al-settings').hidden, document.activeElement.dataset.action].join()), 'true,settings',
      'Esc closes the settings and returns focus to their button');
  });

  it('copies the analysis as Markdown and prints without the toolbar', async () => {
    await load('light');
    await page.evaluate(() => {
      navigator.clipboard.writeText = async (text) => { window.copied = text; };
      window.print = () => window.events.push('print');
    });
    await page.click('[data-action="copy"]');
    await page.waitForFunction(() => window.copied, { timeout: 2000 });
    const markdown = await page.evaluate(() => window.copied);
    assert.match(markdown, /^# Meta intensifies its commitment to artificial intelligence in light of recent breakthroughs by DeepSeek\n/);
    assert.match(markdown, /<https:\/\/www\.actuia\.com\/en\/news\/meta-deepseek\/>/);
    assert.match(markdown, /Clément Dubois · actu\.ia · February 18, 2025/);
    assert.match(markdown, /## Key claims\n\n1\. Mark Zuckerberg’s firm remains resolutely committed/);
    assert.match(markdown, /3\. “Heavily investing in capital and infrastructure will be a long-term strategic asset,” he mentioned\. — Mark Zuckerberg/);
    assert.match(markdown, /## Figures\n\n- up to \$65 billion → `≤ 65e9 USD` \(money\)/);
    assert.match(markdown, /## Dates\n\n- fourth-quarter → `2024-Q4` \(relative\)\n- over the year → `2025` \(relative\)\n- January 29, 2025 → `2025-01-29`/);
    assert.match(await page.evaluate(() => document.querySelector('.al-status').textContent), /Copied as Markdown/);
    await page.click('[data-action="print"]');
    assert.ok((await page.evaluate(() => window.events)).includes('print'));
    await page.emulateMediaType('print');
    const printed = await page.evaluate(() => ({
      bar: getComputedStyle(document.querySelector('.al-top')).display,
      panel: getComputedStyle(document.querySelector('.al-panel')).position,
      layout: getComputedStyle(document.querySelector('.al-layout')).display,
    }));
    await page.emulateMediaType(null);
    assert.deepEqual(printed, { bar: 'none', panel: 'static', layout: 'block' });
  });

  it('speaks French when asked (the same message files as the extension)', async () => {
    await load('light', 'fr');
    const view = await page.evaluate(() => ({
      sections: [...document.querySelectorAll('aside section[aria-label]')].map((s) => s.getAttribute('aria-label')),
      copy: document.querySelector('[data-action="copy"]').textContent,
      meta: document.querySelector('.al-meta').textContent,
      tip: document.getElementById('al-desc-claim-2').textContent,
    }));
    assert.deepEqual(view.sections, ['Affirmations clés', 'Chiffres', 'Dates', 'Cohérence']);
    assert.equal(view.copy, 'Copier en Markdown');
    assert.match(view.meta, /18 février 2025/);
    assert.match(view.meta, /1 min de lecture/);
    assert.match(view.tip, /Affirmation clé n° 3 \(citation\)\. Propos de : Mark Zuckerberg/);
    await page.screenshot({ path: `${ARTIFACTS}reader-ui-fr.png` });
  });

  for (const theme of ['light', 'dark', 'sepia']) {
    it(`has no serious or critical accessibility violations, contrast included (axe-core, ${theme}: article, settings, notice, error)`, async () => {
      await load(theme);
      assertAccessible(await page.evaluate(AXE_RUN), `the reader (${theme})`);
      await page.click('[data-action="settings"]');
      assertAccessible(await page.evaluate(AXE_RUN), `the reader with its settings open (${theme})`);
      await page.evaluate(() => {
        const a = structuredClone(window.analysis);
        a.verdict = { is_article: false, reason: 'only 35 words of running text' };
        window.reader.show(a);
      });
      assertAccessible(await page.evaluate(AXE_RUN), `the not-an-article notice (${theme})`);
      await page.evaluate(() => window.reader.showError('the page is empty'));
      assertAccessible(await page.evaluate(AXE_RUN), `an error (${theme})`);
    });
  }

  it('moves between panel entries with the arrow keys, and the skip button jumps to the panel', async () => {
    await load();
    await page.focus('.al-entry[data-target="claim-0"]');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.target), 'claim-1');
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.target), 'date-4');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.target), 'date-3');
    await page.keyboard.press('Home');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.target), 'claim-0');
    await page.focus('.al-kind[data-kind="claim"]');
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'skip', 'the first Tab stop skips to the analysis');
    const shown = await page.evaluate(() => document.activeElement.getBoundingClientRect().top >= 0);
    assert.ok(shown, 'and is visible when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.target), 'claim-0');
  });

  it('shows "Analysing…" while waiting and core errors in the reader’s language', async () => {
    await load('light', 'fr');
    const loading = await page.evaluate(() => {
      window.reader.showLoading();
      return [document.querySelector('[data-state="loading"]').textContent, document.querySelector('.al-status').textContent,
        document.querySelector('[data-action="copy"]').hidden];
    });
    assert.deepEqual(loading, ['Analyse en cours…', 'Analyse en cours…', true]);
    const errors = await page.evaluate(() => ['the page is empty', 'the page is too large to analyse (9.5 MiB; the limit is 8 MiB)', 'the analysis engine could not start']
      .map((m) => (window.reader.showError(m), document.querySelector('[data-state="error"] p').textContent)));
    assert.deepEqual(errors, ['La page est vide.', 'La page est trop grande pour être analysée (9.5 Mio ; la limite est de 8 Mio).', 'The analysis engine could not start.']);
  });

  it('lays a made-up article out once for a new reader (its fonts found before the first view), leaving nothing behind', async () => {
    await load();
    const result = await page.evaluate(async () => {
      const { primeLayout } = await import('/www/reader/primer.js');
      const { Reader } = await import('/www/reader/reader.js');
      const box = document.createElement('div');
      document.body.append(box);
      const fresh = new Reader(box, { t: (key) => key });
      const primed = primeLayout(fresh);
      const left = box.querySelectorAll('.al-layout, .al-priming, .al-content').length;
      fresh.destroy();
      box.remove();
      // Not once an article is shown.
      const before = document.querySelector('.al-body').innerHTML;
      return { primed, left, shown: primeLayout(window.reader), same: document.querySelector('.al-body').innerHTML === before };
    });
    assert.deepEqual(result, { primed: true, left: 0, shown: false, same: true });
  });

  it('primes a block per task, stopping when told, and leaves nothing behind', async () => {
    await load();
    const result = await page.evaluate(async () => {
      const { primeLayoutInSteps } = await import('/www/reader/primer.js');
      const { Reader } = await import('/www/reader/reader.js');
      const box = document.createElement('div');
      document.body.append(box);
      const fresh = new Reader(box, { t: (key) => key });
      let steps = 0;
      const whole = await primeLayoutInSteps(fresh, () => (steps++, false));
      let left = box.querySelectorAll('.al-layout, .al-priming, .al-content').length;
      let asked = 0;
      const stopped = await primeLayoutInSteps(fresh, () => ++asked > 2);
      left += box.querySelectorAll('.al-layout, .al-priming, .al-content').length;
      fresh.destroy();
      box.remove();
      // Not once an article is shown.
      const before = document.querySelector('.al-body').innerHTML;
      const shown = await primeLayoutInSteps(window.reader, () => false);
      return { whole, several: steps > 2, stopped, asked, left, shown, same: document.querySelector('.al-body').innerHTML === before };
    });
    assert.deepEqual(result, { whole: true, several: true, stopped: false, asked: 3, left: 0, shown: false, same: true });
  });

  it('reads the article’s blocks for Listen after the text is shown, or at once when they are needed', async () => {
    await load();
    const result = await page.evaluate(async () => {
      const { listener } = window.reader;
      window.reader.show(window.analysis);
      const putOff = listener.unread !== null;
      const blocks = listener.items.length;
      const readWhenNeeded = listener.unread === null;
      window.reader.show(window.analysis);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
      return { putOff, blocks: blocks > 3, readWhenNeeded, readLater: listener.unread === null && listener.blocks.length === blocks };
    });
    assert.deepEqual(result, { putOff: true, blocks: true, readWhenNeeded: true, readLater: true });
  });

  it('the engine’s warm-up goes in steps and stands back for a job sent with it', async () => {
    await load();
    const answers = await page.evaluate(async () => {
      const html = `<!DOCTYPE html><html lang="en"><head><title>Ferry timetable changes</title></head><body><article><h1>Ferry timetable changes</h1>
        ${'<p>The harbour board said on Monday that the evening ferry would leave at 6:40 pm from May 2, twenty minutes earlier than now, after 1,400 passengers answered its survey.</p>'.repeat(6)}
        </article></body></html>`;
      const run = (messages, expected) => new Promise((resolve) => {
        const worker = new Worker('/www/reader/worker.js', { type: 'module' });
        const seen = [];
        worker.onmessage = ({ data }) => {
          seen.push(data.type === 'warm' ? `warm ${data.steps}` : data.view ? 'view' : data.analysis ? 'analysis' : `error ${data.error}`);
          if (seen.length === expected) {
            worker.terminate();
            resolve(seen);
          }
        };
        for (const message of messages) worker.postMessage(message);
      });
      return {
        alone: await run([{ type: 'warm', rounds: 1 }], 1),
        withJob: await run([{ type: 'warm', rounds: 5 }, { id: 1, html, options: { url: 'https://example.com/ferry' } }], 3),
      };
    });
    // Alone: each of the two made-up pages extracted, then annotated. With a job: none.
    assert.deepEqual(answers, { alone: ['warm 4'], withJob: ['view', 'analysis', 'warm 0'] });
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

  it('keeps the reader settings in localStorage and speaks the browser’s language (French)', async () => {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(() => {
      Object.defineProperty(navigator, 'languages', { get: () => ['fr-FR', 'fr'] });
      Object.defineProperty(navigator, 'language', { get: () => 'fr-FR' });
    });
    await page.goto(`${server.base}/www/index.html`);
    await page.waitForSelector('[data-article-lens="reader"] .al-message');
    assert.equal(await page.$eval('[data-article-lens="reader"] .al-message', (p) => p.textContent), 'La vue de lecture apparaît ici.');
    const chrome = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      button: document.querySelector('.pg-go').textContent,
      placeholder: document.querySelector('#url').placeholder,
      tabs: document.querySelector('[role="tablist"]').getAttribute('aria-label'),
    }));
    assert.deepEqual(chrome, { lang: 'fr', button: 'Analyser', placeholder: 'https://example.com/article (facultatif : résout les liens et les images)', tabs: 'Résultat' });
    await page.waitForFunction(() => document.querySelectorAll('#sample option').length > 1);
    await page.select('#sample', 'seed/meta-deepseek.html');
    await page.waitForSelector('[data-state="article"]', { timeout: 20000 });
    const sections = await page.$$eval('aside section[aria-label]', (s) => s.map((x) => x.getAttribute('aria-label')));
    assert.deepEqual(sections, ['Affirmations clés', 'Chiffres', 'Dates', 'Cohérence']);
    await page.click('[data-action="settings"]');
    await page.select('#al-set-theme', 'dark');
    await page.reload();
    await page.waitForSelector('[data-article-lens="reader"]');
    assert.equal(await page.$eval('[data-article-lens="reader"]', (r) => r.dataset.theme), 'dark', 'the theme survives a reload');
    assert.match(await page.evaluate(() => localStorage.getItem('article-lens-settings')), /"theme":"dark"/);
    await page.close();
  });
});
