// The in-browser benchmark (issue #18), one command after .ci/build:
//   node benches/browser.mjs [--reps N] [--cold N] [--warm N] [--sample N] [--only analyze|click|size]
//                            [--settle MS] [--browsers chromium,firefox] [--dist DIR] [--out FILE]
// (a) In one headless Chromium tab, on each readability page (../shared/corpus/readability), in
//     turn and in rotating order: our analyze() in wasm (pkg/), Readability.js parse() on a clone of
//     the same parsed document, and outerHTML alone (what the content script pays). Per-page
//     medians, then median, p95 and total over the pages, and the per-page ratios.
// (b) Click → reader text visible with the real built extension (dist/chrome, dist/firefox) in
//     Chromium and Firefox ESR: cold (the first click after the browser starts) and warm (later
//     clicks in the same session), on the founding example and a sample of readability pages.
// (c) What the wasm module holds (sections, code per crate, biggest functions), from a build that
//     keeps its names (target/size).
// (d) Writes benches/BENCHMARKS.md (machine, versions, figures, ratios).
// It installs its own npm dev dependencies (benches/, tests/e2e/) when they are missing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const REPS = Number(flag('reps', 5));
const COLD = Number(flag('cold', 6));
const WARM = Number(flag('warm', 10));
const SAMPLE = Number(flag('sample', 12));
// The first click also SETTLE ms after the browser starts (its start-up work done), besides at once.
const SETTLE = Number(flag('settle', 5000));
const ONLY = flag('only', 'all');
const BROWSERS = flag('browsers', 'chromium,firefox').split(',');
const OUT = path.resolve(flag('out', path.join(here, 'BENCHMARKS.md')));
const CORPUS = path.resolve(process.env.READABILITY_CORPUS ?? path.join(root, '../shared/corpus/readability'));
const PKG = path.join(root, 'pkg');
// --dist: another build of the extensions to measure (e.g. an older one), default dist/.
const DIST = path.resolve(flag('dist', path.join(root, 'dist')));

for (const dir of [here, path.join(root, 'tests/e2e')]) {
  if (!existsSync(path.join(dir, 'node_modules'))) {
    console.error(`installing npm dev dependencies in ${path.relative(root, dir) || '.'}`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  }
}
for (const need of [path.join(PKG, 'article_lens_bg.wasm'), path.join(DIST, 'chrome/manifest.json'), path.join(DIST, 'firefox/manifest.json')]) {
  if (!existsSync(need)) {
    console.error(`missing ${need}: run .ci/build first`);
    process.exit(2);
  }
}
if (!existsSync(CORPUS)) {
  console.error(`no readability corpus at ${CORPUS} (set READABILITY_CORPUS)`);
  process.exit(2);
}
const { default: puppeteer } = await import('puppeteer-core');
const { launchChromium } = await import('../tests/e2e/lib/chromium.mjs');
const { launchFirefox } = await import('../tests/e2e/lib/firefox.mjs');
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';

const pageIds = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(CORPUS, d.name, 'source.html')))
  .map((d) => d.name)
  .sort();

// ---- a local server: the harness, pkg/, Readability.js, the fixtures and the corpus pages ----
const HARNESS = `<!DOCTYPE html><meta charset="utf-8"><title>bench</title>
<script src="/lib/Readability.js"></script>
<script type="module">
import init, { analyze, version } from '/pkg/article_lens.js';
await init();
const time = (f) => { const t = performance.now(); f(); return performance.now() - t; };
// One page, reps rounds; in each round the three take turns in a rotating order.
window.benchPage = (html, url, reps) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out = { analyze: [], readability: [], outerHTML: [], errors: 0 };
  const tasks = {
    analyze: () => { try { analyze(html, { url }); } catch { out.errors++; } },
    readability: () => new Readability(doc.cloneNode(true)).parse(),
    outerHTML: () => doc.documentElement.outerHTML,
  };
  const names = Object.keys(tasks);
  for (let r = 0; r < reps; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length];
      out[name].push(time(tasks[name]));
    }
  }
  return out;
};
// Where analyze() spends its time on one page (the core's debug timings), stage → ms.
window.benchStages = (html, url) => {
  try {
    return Object.fromEntries(analyze(html, { url, timings: true }).timings.map((s) => [s.stage, s.ms]));
  } catch {
    return {};
  }
};
window.benchReady = version();
</script>`;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png' };
const MOUNTS = [
  ['/pkg/', PKG],
  ['/lib/', path.join(here, 'node_modules/@mozilla/readability')],
  ['/fixtures/', path.join(root, 'tests/fixtures')],
  ['/corpus/', CORPUS],
];
const server = createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
  if (url === '/harness.html') return res.writeHead(200, { 'content-type': TYPES['.html'] }).end(HARNESS);
  const mount = MOUNTS.find(([p]) => url.startsWith(p));
  const file = mount && path.normalize(path.join(mount[1], url.slice(mount[0].length)));
  if (!file || !file.startsWith(mount[1]) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

// ---- statistics ----
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const pct = (xs, p) => {
  const s = sorted(xs);
  return s.length ? s[Math.min(s.length - 1, Math.round((s.length - 1) * p))] : NaN;
};
const median = (xs) => pct(xs, 0.5);
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const run = (cmd, a) => {
  try {
    return execFileSync(cmd, a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};

const report = [];
const say = (line = '') => {
  console.log(line);
  report.push(line);
};

// ---- (a) analyze() against Readability.js in one Chromium tab ----
let chromiumVersion = 'unknown';
async function analyzeBench() {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    protocolTimeout: 600000,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  chromiumVersion = await browser.version();
  try {
    const tab = await browser.newPage();
    await tab.goto(`${base}/harness.html`);
    await tab.waitForFunction('window.benchReady', { timeout: 60000 });
    const url = 'http://fakehost/test/page.html';
    const pages = pageIds.map((id) => ({ id, html: readFileSync(path.join(CORPUS, id, 'source.html'), 'utf8') }));
    // One warm-up round over every page, then the measured rounds.
    for (const p of pages) await tab.evaluate((h, u) => window.benchPage(h, u, 1), p.html, url);
    const rows = [];
    let errors = 0;
    for (const p of pages) {
      const r = await tab.evaluate((h, u, n) => window.benchPage(h, u, n), p.html, url, REPS);
      errors += r.errors / REPS;
      rows.push({ id: p.id, kb: p.html.length / 1024, analyze: median(r.analyze), readability: median(r.readability), outerHTML: median(r.outerHTML) });
    }
    const stages = {};
    for (const p of pages) {
      const t = await tab.evaluate((h, u) => window.benchStages(h, u), p.html, url);
      for (const [stage, ms] of Object.entries(t)) stages[stage] = (stages[stage] ?? 0) + ms;
    }
    const col = (k) => rows.map((r) => r[k]);
    const ratios = rows.map((r) => r.analyze / r.readability);
    say(`### analyze() in wasm against Readability.js, in one Chromium tab`);
    say();
    say(`${rows.length} readability pages, ${REPS} rounds each after one warm-up round, the three taking turns in rotating order; per-page medians.`);
    say();
    say('| | median ms | p95 ms | total ms |');
    say('|---|---:|---:|---:|');
    for (const [name, k] of [['Article Lens analyze() (wasm)', 'analyze'], ['Readability.js parse() on a clone', 'readability'], ['outerHTML alone', 'outerHTML']]) {
      say(`| ${name} | ${f(median(col(k)), 2)} | ${f(pct(col(k), 0.95), 2)} | ${f(sum(col(k)))} |`);
    }
    say();
    say(`Ratios analyze / Readability: of the medians **${f(median(col('analyze')) / median(col('readability')), 2)}×**, of the p95s **${f(pct(col('analyze'), 0.95) / pct(col('readability'), 0.95), 2)}×**, of the totals **${f(sum(col('analyze')) / sum(col('readability')), 2)}×**; per page: median ${f(median(ratios), 2)}×, p95 ${f(pct(ratios, 0.95), 2)}×, best ${f(pct(ratios, 0), 2)}×, worst ${f(pct(ratios, 1), 2)}× (goal: median and p95 ≤ 0.5×).${errors ? ` analyze() threw on ${Math.round(errors)} pages (timed all the same).` : ''}`);
    say();
    const stageTotal = sum(Object.values(stages));
    if (stageTotal > 0) {
      say(`Where analyze() spends its time (the core's \`timings\` option, one more run per page, summed over the pages; serialization to JS not included):`);
      say();
      say('| stage | total ms | share |');
      say('|---|---:|---:|');
      for (const [stage, ms] of Object.entries(stages).sort((a, b) => b[1] - a[1])) say(`| ${stage} | ${f(ms)} | ${f((100 * ms) / stageTotal)} % |`);
      say();
    }
    const worst = [...rows].sort((a, b) => b.analyze / b.readability - a.analyze / a.readability).slice(0, 8);
    say('Pages where analyze() is slowest against Readability.js:');
    say();
    say('| page | KB | analyze ms | Readability ms | ratio |');
    say('|---|---:|---:|---:|---:|');
    for (const r of worst) say(`| ${r.id} | ${f(r.kb, 0)} | ${f(r.analyze, 2)} | ${f(r.readability, 2)} | ${f(r.analyze / r.readability, 2)} |`);
    say();
  } finally {
    await browser.close();
  }
}

// ---- (b) click → reader text visible ----
const READER_STATE = `(() => {
  const state = document.querySelector('[data-article-lens="reader"] [data-state]')?.dataset.state;
  return state && state !== 'loading' ? state : null;
})()`;
// When the text was put in the reader (engine.js marks it), as epoch ms; null if not marked.
const TEXT_MARK = `(() => {
  const mark = performance.getEntriesByName('article-lens:text')[0];
  return mark ? performance.timeOrigin + mark.startTime : null;
})()`;
// Where a click's time went, as epoch ms: the content script's start, the reader frame's start, the
// reader's first request (its script running), the reading view's arrival; null when not marked.
const STAGE_MARKS = `(() => {
  const at = (name) => {
    const m = performance.getEntriesByName(name)[0];
    return m ? (m.detail?.at ?? performance.timeOrigin + m.startTime) : null;
  };
  return { script: at('al-collect'), frame: performance.timeOrigin, code: at('article-lens:request'), view: at('article-lens:view') };
})()`;
const STAGES = [['script', 'content script runs'], ['frame', 'reader frame starts'], ['code', 'reader asks the engine'], ['view', 'reading view arrives'], ['text', 'text in the DOM']];
const FRAME_IN_PAGE = `Boolean(document.querySelector('iframe[src*="-extension://"]'))`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitFor(probe, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) return null;
    await sleep(5);
  }
}

/** One click on an open page: ms from the click to the reader's text (or its notice) in the DOM. */
async function click(d) {
  let clicked = await d.toggle();
  let state = await waitFor(() => d.reader(READER_STATE), 4000);
  let retried = false;
  if (!state && !(await d.page(FRAME_IN_PAGE))) {
    // The action did not run (no frame at all), as the e2e suite also sees at times just after
    // the browser starts: click again, timed from that click, and say so.
    retried = true;
    clicked = await d.toggle();
  }
  if (!state) state = await waitFor(() => d.reader(READER_STATE));
  const seen = Date.now();
  if (!state) {
    // Nothing in 30 s: counted apart, not timed (no frame: the browser did not run the action).
    const framed = await d.page(FRAME_IN_PAGE);
    if (framed) await d.toggle();
    return { ms: NaN, state: framed ? 'reader frame without text in 30 s' : 'no reader frame in 30 s' };
  }
  const marked = await d.reader(TEXT_MARK);
  const ms = marked && typeof clicked === 'number' ? marked - clicked : seen - clicked;
  const marks = typeof clicked === 'number' ? await d.reader(STAGE_MARKS) : null;
  const stages = marks ? Object.fromEntries(Object.entries({ ...marks, text: marked }).map(([k, v]) => [k, v ? v - clicked : NaN])) : null;
  await d.toggle();
  await waitFor(async () => !(await d.page(FRAME_IN_PAGE)), 5000);
  return { ms, stages, state: retried ? `${state} (after a second click)` : state, polled: seen - clicked };
}

const sample = () => {
  const step = pageIds.length / SAMPLE;
  return Array.from({ length: Math.min(SAMPLE, pageIds.length) }, (_, i) => pageIds[Math.floor(i * step)]);
};
const SEED_URL = `${base}/fixtures/seed/meta-deepseek.html`;

async function clickBench(name, launch, dir) {
  const cold = { seed: [], pages: [] };
  const settled = { seed: [], pages: [] };
  const warm = { seed: [], pages: [] };
  const pages = sample();
  const states = {};
  const note = (r) => {
    states[r.state] = (states[r.state] ?? 0) + 1;
    return r.ms;
  };
  const breakdown = { cold: [], settled: [], warm: [] };
  const push = (list, r, kind) => {
    const ms = note(r);
    if (Number.isFinite(ms)) list.push(ms);
    if (Number.isFinite(ms) && r.stages) breakdown[kind].push(r.stages);
  };
  // Cold: a new browser (fresh profile, extension installed) for each first click; seed and readability pages in turn.
  for (let i = 0; i < (SETTLE > 0 ? 2 : 1) * COLD; i++) {
    const wait = i >= COLD;
    const d = await launch(dir);
    try {
      const onSeed = i % 2 === 0;
      await d.open(onSeed ? SEED_URL : `${base}/corpus/${pages[i % pages.length]}/source.html`);
      if (wait) await sleep(SETTLE);
      const into = wait ? settled : cold;
      push(onSeed ? into.seed : into.pages, await click(d), wait ? 'settled' : 'cold');
    } finally {
      await d.close();
    }
  }
  // Warm: one session; the first click is not counted.
  const d = await launch(dir);
  try {
    await d.open(SEED_URL);
    await click(d);
    for (let i = 0; i < WARM; i++) push(warm.seed, await click(d), 'warm');
    for (const id of pages) {
      await d.open(`${base}/corpus/${id}/source.html`);
      push(warm.pages, await click(d), 'warm');
    }
  } finally {
    await d.close();
  }
  console.error(`${name}: cold ${JSON.stringify(cold)} settled ${JSON.stringify(settled)} warm ${JSON.stringify(warm)}`);
  return { name, cold, settled, warm, states, breakdown };
}

function clickTable(results) {
  say('### Click → reader text visible, the built extension');
  say();
  say(`Cold: the first click after the browser starts (a new browser and profile each time, the extension just installed, the page loaded first, then the click at once; ${COLD} starts per browser, the founding example and readability pages in turn)${SETTLE > 0 ? `; the same with the click ${SETTLE / 1000} s after the page loaded (the browser's and the engine's start-up work done)` : ''}. Warm: ${WARM} clicks on the founding example, then one click on each of ${SAMPLE} readability pages, in one session (after one uncounted click). Time from the toolbar action to the reader's text in its DOM (\`performance.mark\` in the reader frame against the click's clock).`);
  say();
  say('| browser | case | n | p50 ms | p95 ms | max ms |');
  say('|---|---|---:|---:|---:|---:|');
  for (const r of results) {
    for (const [label, xs] of [
      ['cold, founding example', r.cold.seed], ['cold, readability pages', r.cold.pages],
      ...(SETTLE > 0 ? [[`first click ${SETTLE / 1000} s after start, founding example`, r.settled.seed], [`first click ${SETTLE / 1000} s after start, readability pages`, r.settled.pages]] : []),
      ['warm, founding example', r.warm.seed], ['warm, readability pages', r.warm.pages],
    ]) {
      say(`| ${r.name} | ${label} | ${xs.length} | ${f(median(xs), 0)} | ${f(pct(xs, 0.95), 0)} | ${f(pct(xs, 1), 0)} |`);
    }
  }
  say();
  say(`Reader states reached: ${results.map((r) => `${r.name} ${JSON.stringify(r.states)}`).join('; ')} (goal: p95 ≤ 200 ms in both browsers, cold included).`);
  say();
  say('Where the time goes: medians over the same clicks (both kinds of page), ms after the click, of when each step began; a step the browser did not mark is left out.');
  say();
  say(`| browser | case | n | ${STAGES.map(([, label]) => label).join(' | ')} |`);
  say(`|---|---|---:|${STAGES.map(() => '---:').join('|')}|`);
  for (const r of results) {
    for (const [kind, label] of [['cold', 'cold'], ...(SETTLE > 0 ? [['settled', `${SETTLE / 1000} s after start`]] : []), ['warm', 'warm']]) {
      const rows = r.breakdown[kind];
      const cell = (key) => {
        const xs = rows.map((s) => s[key]).filter(Number.isFinite);
        return xs.length ? f(median(xs), 0) : '–';
      };
      say(`| ${r.name} | ${label} | ${rows.length} | ${STAGES.map(([key]) => cell(key)).join(' | ')} |`);
    }
  }
  say();
}

// ---- (c) what the module holds: a build of the same code that keeps its names ----
function sizeReport() {
  const targetDir = path.join(root, 'target/size');
  console.error('building a name-keeping wasm module for the size breakdown (target/size)');
  execFileSync('cargo', ['build', '--release', '--lib', '--target', 'wasm32-unknown-unknown', '--target-dir', targetDir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CARGO_PROFILE_RELEASE_STRIP: 'none' },
  });
  const named = path.join(targetDir, 'wasm32-unknown-unknown/release/article_lens.wasm');
  const breakdown = execFileSync('node', [path.join(here, 'wasm_size.mjs'), named], { encoding: 'utf8' });
  say('### What the wasm module holds');
  say('');
  say(
    'From `benches/wasm_size.mjs` on a build of the same code that keeps its function names (before wasm-bindgen: the shipped module is its code and data sections, without the name, debug and bindgen custom sections). Raw bytes: gzip does not split by part.',
  );
  say('');
  say('```text');
  for (const line of breakdown.trimEnd().split('\n')) say(line.replace(root + path.sep, ''));
  say('```');
  say('');
}

// ---- run and report ----
try {
  if (ONLY !== 'click' && ONLY !== 'size') await analyzeBench();
  if (ONLY !== 'analyze' && ONLY !== 'size') {
    const results = [];
    if (BROWSERS.includes('chromium')) results.push(await clickBench('Chromium', launchChromium, path.join(DIST, 'chrome')));
    if (BROWSERS.includes('firefox')) results.push(await clickBench('Firefox', launchFirefox, path.join(DIST, 'firefox')));
    clickTable(results);
  }
  if (ONLY === 'all' || ONLY === 'size') sizeReport();
} finally {
  server.close();
}

const wasm = readFileSync(path.join(PKG, 'article_lens_bg.wasm'));
const cargo = readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
const cpus = os.cpus();
const header = [
  '# Article Lens benchmarks',
  '',
  `Generated by \`node benches/browser.mjs${args.length ? ` ${args.join(' ')}` : ''}\` on ${new Date().toISOString()}: do not edit by hand.`,
  '',
  `- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at the end (shared machine: read ratios, not absolute times).`,
  `- Article Lens ${version} (commit ${run('git', ['-C', root, 'rev-parse', '--short', 'HEAD'])}); wasm ${wasm.length} bytes raw, ${gzipSync(wasm, { level: 9 }).length} bytes gzip -9 (goal 350 KB).`,
  `- Chromium ${chromiumVersion === 'unknown' ? run(CHROMIUM, ['--version']) : chromiumVersion}; ${run(FIREFOX, ['--version'])}; Node ${process.version}; Readability.js ${JSON.parse(readFileSync(path.join(here, 'node_modules/@mozilla/readability/package.json'), 'utf8')).version}; puppeteer-core ${JSON.parse(readFileSync(path.join(here, 'node_modules/puppeteer-core/package.json'), 'utf8')).version}.`,
  '',
];
writeFileSync(OUT, `${[...header, ...report].join('\n')}\n`);
console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
