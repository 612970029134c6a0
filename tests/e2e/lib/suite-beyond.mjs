// Beyond reading (issue 19), run against each browser driver like suite.mjs: Listen (the Web Speech
// API, exercised through its events), the consistency section and the worksheet export, in the
// extension's reader and in the playground.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FIXTURES, startServer } from './server.mjs';
import { AXE_RUN, assertAccessible } from './axe.mjs';

const ARTIFACTS = fileURLToPath(new URL('../../artifacts/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const HARBOUR = '/pages/harbour-upgrade.html';
const HARBOUR_FILE = `${FIXTURES}pages/harbour-upgrade.html`;
const SEED = '/seed/meta-deepseek.html';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const squash = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();

async function waitFor(what, probe, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

const FRAME_IN_PAGE = `Boolean(document.querySelector('iframe[src*="-extension://"]'))`;
const READER_DONE = `(() => {
  const root = document.querySelector('[data-article-lens="reader"]');
  return root?.querySelector('.al-layout[data-analysis="done"]') ? root.querySelector('[data-state]').dataset.state : null;
})()`;

async function openReader(d, path, base) {
  await d.open(`${base}${path}`);
  await d.toggle();
  let retried = false;
  const started = Date.now();
  return waitFor('the reader', async () => {
    const s = await d.reader(READER_DONE);
    if (s) return s;
    if (!retried && Date.now() - started > 4000 && !(await d.page(FRAME_IN_PAGE))) {
      retried = true;
      await d.toggle();
    }
    return null;
  });
}

async function closeReader(d) {
  for (let i = 0; i < 4 && (await d.page(FRAME_IN_PAGE)); i++) {
    await d.press('Escape');
    await sleep(150);
  }
  await waitFor('the reader to close', async () => !(await d.page(FRAME_IN_PAGE)), 5000);
}

/**
 * Run in the reader (or playground) page: wraps speechSynthesis.speak to log each utterance and
 * its events. Where the browser has no local voice for English (headless browsers usually have
 * none), installs a stand-in speechSynthesis that fires start, a boundary per word and end, like
 * the real one; says which it did. Resolves to 'real' or 'stub'.
 */
const SPEECH_SETUP = `(async () => {
  const log = window.speechLog = { spoken: [], events: [] };
  const real = window.speechSynthesis;
  let voices = real?.getVoices() ?? [];
  if (real && !voices.length) {
    voices = await new Promise((resolve) => {
      real.addEventListener('voiceschanged', () => resolve(real.getVoices()), { once: true });
      setTimeout(() => resolve(real.getVoices()), 1500);
    });
  }
  const hasVoice = voices.some((v) => v.localService && /^en/i.test(v.lang));
  let synth = real;
  if (!hasVoice || !window.SpeechSynthesisUtterance) {
    // The stand-in: one utterance at a time, a word every 60 ms / rate; its utterances take its voices.
    class Utterance extends EventTarget {
      constructor(text) { super(); this.text = text; this.rate = 1; this.voice = null; this.lang = ''; }
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true, writable: true });
    const fire = (u, type, extra = {}) => {
      const event = new Event(type);
      Object.assign(event, { charIndex: 0, name: 'word', utterance: u }, extra);
      u.dispatchEvent(event);
    };
    let current = null;
    let timers = [];
    const stop = (type) => {
      timers.forEach(clearTimeout);
      timers = [];
      const u = current;
      current = null;
      if (u) fire(u, type, type === 'error' ? { error: 'interrupted' } : {});
    };
    const stub = {
      speaking: false, pending: false, paused: false,
      getVoices: () => [{ name: 'Stand-in English', lang: 'en-US', localService: true, default: true, voiceURI: 'stub-en' }],
      speak(u) {
        stop('error');
        current = u;
        const step = 60 / (u.rate || 1);
        timers.push(setTimeout(() => fire(u, 'start'), 0));
        const words = [...u.text.matchAll(/\\S+/g)];
        words.forEach((m, i) => timers.push(setTimeout(() => fire(u, 'boundary', { charIndex: m.index }), step * (i + 1))));
        timers.push(setTimeout(() => { if (current === u) { current = null; fire(u, 'end'); } }, step * (words.length + 2)));
      },
      cancel() { stop('error'); },
      pause() {}, resume() {},
      addEventListener() {}, removeEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: stub, configurable: true });
    synth = stub;
  }
  const speak = synth.speak.bind(synth);
  synth.speak = (u) => {
    log.spoken.push({ text: u.text, rate: u.rate, lang: u.lang, voice: u.voice?.name ?? null });
    for (const type of ['start', 'boundary', 'end', 'error']) u.addEventListener(type, () => log.events.push(type));
    speak(u);
  };
  return synth === real ? 'real' : 'stub';
})()`;

const SPEAKING = `JSON.stringify((() => {
  const range = [...(CSS.highlights.get('article-lens-speaking') ?? [])][0];
  const blocks = [...document.querySelectorAll('.al-article .al-title, .al-content p')];
  const root = document.querySelector('[data-article-lens="reader"]');
  return {
    state: root.dataset.listening ?? null,
    text: range ? range.toString().replace(/\\s+/g, ' ').trim() : null,
    block: blocks.findIndex((b) => b.classList.contains('al-speaking')),
    note: document.querySelector('.al-player-note')?.textContent ?? '',
    rate: document.querySelector('#al-rate')?.value ?? null,
    inView: range ? (() => { const r = range.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })() : false,
    events: window.speechLog?.events.reduce((n, e) => ({ ...n, [e]: (n[e] ?? 0) + 1 }), {}) ?? {},
    spoken: window.speechLog?.spoken ?? [],
  };
})())`;

/** Whether Listen's blocks cover the article text exactly once (all of it, nothing twice). */
const COVERED = `(async () => {
  const { readingBlocks } = await import('./listen.js');
  const squash = (s) => s.replace(/\\s+/g, '');
  const units = readingBlocks(document.querySelector('.al-article'));
  const content = document.querySelector('.al-content');
  const read = units.filter((u) => content.contains(u.nodes[0]?.node)).map((u) => u.text).join('');
  const all = [...content.querySelectorAll('.al-embed')].reduce((t, e) => t.replace(e.textContent, ''), content.textContent);
  return squash(read) === squash(all) && units.length > 2;
})()`;

/** The CLI next to the sources: $ARTICLE_LENS_BIN, else the newest of target/{eval,release,debug}. */
function cli() {
  const candidates = [process.env.ARTICLE_LENS_BIN, ...['eval', 'release', 'debug'].map((p) => `${ROOT}target/${p}/article-lens`)]
    .filter((p) => p && existsSync(p));
  assert.ok(candidates.length, 'the article-lens CLI is built (cargo build --profile eval, or set ARTICLE_LENS_BIN)');
  return candidates.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}
const cliWorksheet = (file, url, format) => execFileSync(cli(), ['worksheet', file, '--url', url, '--format', format], { encoding: 'utf8' });

/**
 * Makes <a download> clicks in the page record their link instead of saving a file, and keeps
 * each Blob given a URL (the playground's Content-Security-Policy would not let it fetch one).
 */
const CATCH_DOWNLOADS = `(window.downloads = [], window.blobs = new Map(),
  URL.createObjectURL = ((create) => (blob) => { const url = create(blob); window.blobs.set(url, blob); return url; })(URL.createObjectURL),
  HTMLAnchorElement.prototype.click = ((click) => function () {
    if (this.hasAttribute('download')) window.downloads.push({ href: this.href, download: this.download });
    else click.call(this);
  })(HTMLAnchorElement.prototype.click), true)`;
const DOWNLOADED = (format) => `(async () => {
  const link = window.downloads.find((x) => x.download.endsWith(${JSON.stringify(format === 'json' ? '.json' : '.md')}));
  const blob = link && window.blobs.get(link.href);
  if (!blob) return null;
  return JSON.stringify({ ...link, type: blob.type, text: await blob.text() });
})()`;

export function beyondSuite(browser, launch, extensionDir) {
  describe(`${browser}: listen, consistency, export`, () => {
    let d;
    let server;
    before(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      server = await startServer();
      d = await launch(extensionDir);
    });
    after(async () => {
      await d?.close();
      await server?.close();
    });

    it('Listen reads the article aloud through the Web Speech API events (speechSynthesis stubbed where the headless browser has no voice): highlight, next/previous, speed, pause, from a claim', async () => {
      assert.equal(await openReader(d, HARBOUR, server.base), 'article');
      const speech = await d.reader(SPEECH_SETUP);
      console.log(`e2e-speech ${browser}: ${speech === 'stub' ? 'no local English voice in this headless browser: speechSynthesis is stubbed (start/boundary/end events)' : 'the browser\'s own voice'}`);
      const state = async () => JSON.parse(await d.reader(SPEAKING));

      // L plays from the start: the title is read first, then the first paragraph's sentences.
      await d.press('l');
      const first = await waitFor('the title to be read', async () => { const s = await state(); return s.state === 'playing' && s.text && s; });
      assert.equal(first.spoken[0].text, 'Port authority backs harbour upgrade', 'the title is read first');
      assert.equal(first.text, 'Port authority backs harbour upgrade', 'and highlighted');
      assert.equal(first.block, 0);
      const moved = await waitFor('the first paragraph to be read', async () => { const s = await state(); return s.block === 1 && s; });
      assert.match(moved.text, /^The harbour board on Tuesday approved/);
      assert.equal(moved.spoken[1].text, '14 May 2025', 'a line outside any paragraph is read too');
      assert.ok(moved.events.start >= 2 && moved.events.end >= 1, `start and end events drive the reading (${JSON.stringify(moved.events)})`);
      assert.ok(moved.spoken[0].voice && moved.spoken[0].lang.startsWith('en'), 'an English voice');
      await waitFor('word boundaries', async () => (await state()).events.boundary > 0);
      await d.screenshot(`${ARTIFACTS}reader-listen-${browser}.png`);

      // ] skips to the next paragraph, [ goes back.
      const before = (await state()).block;
      await d.press(']');
      const next = await waitFor('the next paragraph', async () => { const s = await state(); return s.block === before + 1 && s.text && s; });
      await waitFor('the sentence being read in view', async () => (await state()).inView, 5000);
      await d.press('[');
      await d.press('[');
      await waitFor('a previous paragraph', async () => { const s = await state(); return s.block >= 0 && s.block < next.block && s; });

      // + speeds up the next utterance; − brings it back.
      const count = (await state()).spoken.length;
      await d.press('+');
      const faster = await waitFor('a faster utterance', async () => { const s = await state(); return s.spoken.length > count && s.spoken.at(-1).rate === 1.25 && s; });
      assert.equal(faster.rate, '1.25');
      await d.press('-');
      await waitFor('the usual speed', async () => (await state()).rate === '1');

      // L pauses (nothing more is spoken) and resumes at the last word said.
      await waitFor('a word into a sentence', async () => (await state()).events.boundary > 2);
      await d.press('l');
      const paused = await waitFor('pause', async () => { const s = await state(); return s.state === 'paused' && s; });
      await sleep(300);
      assert.equal((await state()).spoken.length, paused.spoken.length, 'nothing is spoken while paused');
      await d.press('l');
      const resumed = await waitFor('resume', async () => { const s = await state(); return s.spoken.length > paused.spoken.length && s; });
      const said = resumed.spoken[paused.spoken.length].text;
      assert.ok(squash(paused.text).endsWith(squash(said)), `resumes within the sentence it paused in: "${said}" in "${paused.text}"`);

      // A claim's "listen from here" reads from its sentence.
      const claim = await d.reader(`(() => {
        const li = [...document.querySelectorAll('.al-claim-list li')].find((x) => /Malcolm Reyes/.test(x.textContent));
        return li.querySelector('.al-listen-from').dataset.listenFrom;
      })()`);
      await d.clickInReader(`.al-listen-from[data-listen-from="${claim}"]`);
      const fromClaim = await waitFor('reading from the claim', async () => { const s = await state(); return /^"The sea wall is the heart of this plan/.test(s.text ?? '') && s; });
      assert.equal(fromClaim.state, 'playing');

      // Esc pauses first, then closes the reader.
      await d.press('Escape');
      await waitFor('pause on Esc', async () => (await state()).state === 'paused');
      assert.ok(await d.page(FRAME_IN_PAGE), 'the reader stays open');
      await closeReader(d);
    });

    it('Listen says so plainly when there is no local voice for the article\'s language (French article, the browser\'s own voices)', async (t) => {
      assert.equal(await openReader(d, '/csp/pages/rail-investment-fr.html', server.base), 'article');
      const french = await d.reader(`(async () => {
        if (!window.speechSynthesis) return false;
        if (!speechSynthesis.getVoices().length) await new Promise((r) => setTimeout(r, 1500));
        return speechSynthesis.getVoices().some((x) => x.localService && /^fr/i.test(x.lang));
      })()`);
      if (french) {
        t.skip('this browser has a local French voice');
        await closeReader(d);
        return;
      }
      await d.clickInReader('[data-action="listen"]');
      const note = await waitFor('the note', () => d.reader(`(() => {
        const note = document.querySelector('.al-player-note').textContent;
        return /No voice|cannot/.test(note) && note;
      })()`), 5000);
      console.log(`e2e-speech ${browser} French article: "${note}"`);
      assert.match(note, /No voice for .+ on this device|cannot read aloud/);
      assert.equal(await d.reader(`document.querySelector('[data-article-lens="reader"]').dataset.listening`), 'paused');
      await closeReader(d);
    });

    it('Listen picks only local voices, for the article\'s language (exact region first); sentences by the browser\'s segmenter; worksheet file names from the title', async () => {
      assert.equal(await openReader(d, HARBOUR, server.base), 'article');
      const got = JSON.parse(await d.reader(`(async () => {
        const { pickVoice, sentences } = await import('./listen.js');
        const { worksheetFilename } = await import('./export.js');
        const v = (name, lang, localService, isDefault = false) => ({ name, lang, localService, default: isDefault });
        const voices = [v('remote fr', 'fr-FR', false, true), v('local fr-CA', 'fr-CA', true), v('local fr-FR', 'fr_FR', true), v('local en', 'en-GB', true, true)];
        const text = 'It cost $1.5 million. Mr. Smith said so! Did he? Yes.';
        return JSON.stringify({
          frFR: pickVoice(voices, 'fr-FR')?.name ?? null,
          fr: pickVoice(voices, 'fr')?.name ?? null,
          en: pickVoice(voices, 'en-US')?.name ?? null,
          de: pickVoice(voices, 'de')?.name ?? null,
          remoteOnly: pickVoice([v('remote fr', 'fr-FR', false, true)], 'fr')?.name ?? null,
          sentences: sentences(text, 'en').map(([a, b]) => text.slice(a, b)),
          files: [worksheetFilename('Élections : la « vague » n’a pas eu lieu', 'markdown'), worksheetFilename('', 'json'), worksheetFilename('$65 billion?!', 'json')],
        });
      })()`));
      assert.equal(got.frFR, 'local fr-FR');
      assert.ok(['local fr-CA', 'local fr-FR'].includes(got.fr), 'a local French voice');
      assert.equal(got.en, 'local en');
      assert.equal(got.de, null, 'no German voice: none');
      assert.equal(got.remoteOnly, null, 'a network voice is never used');
      assert.equal(got.sentences.at(-1), 'Yes.');
      assert.equal(got.sentences[0], 'It cost $1.5 million.', 'a decimal point does not end a sentence');
      assert.deepEqual(got.files, ['elections-la-vague-n-a-pas-eu-lieu.worksheet.md', 'article.worksheet.json', '65-billion.worksheet.json']);
      assert.equal(await d.reader(COVERED), true, 'Listen reads all of the article text, once');
      await closeReader(d);
    });

    it('lists a planted inconsistency as a question, highlights its spans and scrolls to them; the founding example has none', async () => {
      assert.equal(await openReader(d, HARBOUR, server.base), 'article');
      const view = JSON.parse(await d.reader(`JSON.stringify({
        sections: [...document.querySelectorAll('aside section[aria-label]')].map((s) => s.getAttribute('aria-label')),
        findings: [...document.querySelectorAll('section[aria-label="Consistency"] .al-finding')].map((b) => b.querySelector('.al-entry-text').textContent),
        count: document.querySelector('section[aria-label="Consistency"] .al-count').textContent,
        marked: [...document.querySelectorAll('.al-content mark.al-disagree')].map((m) => m.textContent),
        outline: getComputedStyle(document.querySelector('.al-content mark.al-disagree')).outlineStyle,
      })`));
      assert.deepEqual(view.sections, ['Key claims', 'Figures', 'Dates', 'Consistency']);
      assert.equal(view.count, '1');
      assert.equal(view.findings.length, 1);
      assert.match(view.findings[0], /^Do the parts add up\? .*£32 million/);
      assert.deepEqual(view.marked, ['£32 million', '£12 million', '£9 million', '£7 million']);
      assert.equal(view.outline, 'dotted');
      await d.reader(`(window.scrollTo(0, document.body.scrollHeight), true)`);
      await d.clickInReader('section[aria-label="Consistency"] .al-finding');
      await waitFor('the finding\'s highlights flashed and in view', () => d.reader(`(() => {
        const marks = [...document.querySelectorAll('.al-content mark.al-disagree')];
        const r = marks[0].getBoundingClientRect();
        return marks.every((m) => m.classList.contains('al-flash')) && r.top >= 0 && r.bottom <= innerHeight;
      })()`), 5000);
      await d.reader(`(document.querySelector('section[aria-label="Consistency"]').scrollIntoView({ block: 'nearest' }), true)`);
      await sleep(300);
      await d.screenshot(`${ARTIFACTS}reader-consistency-${browser}.png`);
      // The Listen bar open, its note shown, the flash over: nothing serious for axe.
      await d.clickInReader('[data-action="listen"]');
      await waitFor('the Listen bar', () => d.reader(`!document.querySelector('.al-player').hidden`), 5000);
      await sleep(2000);
      assertAccessible(await d.reader(AXE_RUN), `the ${browser} reader with the Consistency section and the Listen bar`);
      await closeReader(d);

      assert.equal(await openReader(d, SEED, server.base), 'article');
      const seed = JSON.parse(await d.reader(`JSON.stringify({
        empty: document.querySelector('section[aria-label="Consistency"] .al-empty')?.textContent ?? null,
        findings: document.querySelectorAll('.al-finding').length,
        marked: document.querySelectorAll('mark.al-disagree').length,
      })`));
      assert.deepEqual(seed, { empty: 'No inconsistency found.', findings: 0, marked: 0 });
      assert.equal(await d.reader(COVERED), true, 'Listen reads all of the founding example\'s text, once');
      await closeReader(d);
    });

    it('exports the worksheet as Markdown and JSON from the reader, the same as the CLI writes for the page', async () => {
      assert.equal(await openReader(d, HARBOUR, server.base), 'article');
      await d.reader(CATCH_DOWNLOADS);
      const url = `${server.base}${HARBOUR}`;
      for (const format of ['markdown', 'json']) {
        await d.clickInReader(`[data-action="export-${format}"]`);
        const file = JSON.parse(await waitFor(`the ${format} download`, () => d.reader(DOWNLOADED(format)), 20000));
        assert.equal(file.download, `port-authority-backs-harbour-upgrade.worksheet.${format === 'json' ? 'json' : 'md'}`);
        assert.match(file.href, /^blob:/);
        assert.equal(file.text, cliWorksheet(HARBOUR_FILE, url, format), `the ${format} worksheet is the CLI's`);
        if (format === 'json') {
          const sheet = JSON.parse(file.text);
          assert.equal(sheet.schema_version, 1);
          assert.equal(sheet.consistency.length, 1);
          assert.equal(file.type, 'application/json;charset=utf-8');
        } else {
          assert.match(file.text, /^# Fact-check worksheet: Port authority backs harbour upgrade$/m);
          assert.match(file.text, /#:~:text=/);
        }
      }
      assert.match(await d.reader(`document.querySelector('.al-status').textContent`), /Worksheet saved as port-authority-backs-harbour-upgrade\.worksheet\.json/);
      await closeReader(d);
    });

    it('the playground shows the consistency section, reads aloud and exports the same worksheet as the CLI', async () => {
      await d.open(`${server.base}/www/index.html`);
      await waitFor('the playground', () => d.page(`Boolean(document.querySelector('[data-article-lens="reader"]'))`), 10000);
      const url = `${server.base}${HARBOUR}`;
      const html = readFileSync(HARBOUR_FILE, 'utf8');
      await d.page(`(() => {
        document.getElementById('html').value = ${JSON.stringify(html)};
        document.getElementById('url').value = ${JSON.stringify(url)};
        document.getElementById('input-form').requestSubmit();
        return true;
      })()`);
      await waitFor('the analysis', () => d.page(`Boolean(document.querySelector('.al-layout[data-analysis="done"]'))`), 20000);
      assert.equal(await d.page(`document.querySelectorAll('section[aria-label="Consistency"] .al-finding').length`), 1);
      assert.equal(await d.page(`document.querySelectorAll('.al-content mark.al-disagree').length`), 4);
      const speech = await d.page(SPEECH_SETUP);
      await d.page(`(document.querySelector('[data-action="listen"]').click(), true)`);
      await waitFor('reading aloud', async () => {
        const s = JSON.parse(await d.page(SPEAKING));
        return s.state === 'playing' && s.text === 'Port authority backs harbour upgrade';
      });
      console.log(`e2e-speech ${browser} playground: ${speech === 'stub' ? 'speechSynthesis stubbed (no local English voice)' : 'the browser\'s own voice'}`);
      await d.page(`(document.querySelector('[data-action="listen-stop"]').click(), true)`);
      await d.page(CATCH_DOWNLOADS);
      for (const format of ['markdown', 'json']) {
        await d.page(`(document.querySelector('[data-action="export-${format}"]').click(), true)`);
        const file = JSON.parse(await waitFor(`the ${format} download`, () => d.page(DOWNLOADED(format)), 20000));
        assert.equal(file.text, cliWorksheet(HARBOUR_FILE, url, format), `the playground's ${format} worksheet is the CLI's`);
      }
    });
  });
}
