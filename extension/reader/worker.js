// Runs the Article Lens core (WebAssembly) off the UI thread, so the reader stays responsive and
// can show "Analysing…" while a large page is processed. Each job answers twice: the reading view
// as soon as the article is extracted ({id, view}), then the whole analysis ({id, analysis}).
// In the extension the engine host (engine-host.js) starts it with the module it compiled once
// ({type: 'init', module}) and may ask it to warm up ({type: 'warm'}); alone (the playground) it
// fetches and compiles the module itself.
import init, { Extraction, version } from '../pkg/article_lens.js';

let ready = null;
const start = (module) => (ready ??= init(module instanceof WebAssembly.Module ? { module_or_path: module } : undefined).then(() => version()));

// Made-up articles, one per language, for the warm-up: a fresh module's first calls run baseline
// code; a few analyses let the engine optimise the hot paths before a reader needs them.
const para = (text) => `<p>${text}</p>`;
const WARM_PAGES = [
  ['en', 'Town council approves a new river bridge', 'Ana Example', [
    'The town council voted on Tuesday, March 4, 2025 to build a second bridge over the river, at a cost of $42.5 million, the mayor said.',
    '"We have waited 30 years for this," said Mayor Jo Sample, adding that traffic on the old bridge rose by 18% between 2019 and 2024.',
    'Work should start next spring and last between 18 and 24 months; about 1,200 vehicles an hour cross the river at peak times.',
    'Critics argue the money would be better spent on buses. A group of 350 residents signed a petition last week, according to its organisers.',
  ]],
  ['fr', 'Le conseil municipal adopte un budget de 12 millions d\'euros', 'Camille Exemple', [
    'Le conseil municipal a adopté lundi 3 mars 2025 un budget de 12,4 millions d\'euros, en hausse de 3,5 % sur un an, a annoncé la maire.',
    '« Nous investissons dans les écoles avant tout », a déclaré la maire, qui prévoit 450 000 euros pour rénover deux groupes scolaires d\'ici 2027.',
    'L\'opposition estime que la dette atteindra 8 millions d\'euros à la fin du mandat, contre 5 millions aujourd\'hui.',
    'Les travaux débuteront dans trois mois et dureront entre 6 et 9 mois, selon la mairie.',
  ]],
].map(([lang, title, author, paragraphs]) => `<!DOCTYPE html><html lang="${lang}"><head><title>${title}</title>
<meta name="author" content="${author}"></head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article><h1>${title}</h1><p class="byline">${author}</p>${paragraphs.concat(paragraphs, paragraphs).map(para).join('\n')}</article>
<footer>© Example News</footer></body></html>`);

// One step per task, a page's extraction or its annotation, so that a reader's job never waits
// behind more than one of them. The first steps pay the module's lazy compilation (V8 compiles
// each function at its first call): extraction first, which the reading view needs. The warm-up
// stops once a real job has come (it warms the engine as well), also one sent before it began.
let jobsSeen = 0;
function warm(rounds, seen) {
  const started = performance.now();
  const pages = rounds * WARM_PAGES.length;
  let step = 0;
  let done = 0;
  let job = null;
  const free = () => {
    job?.free();
    job = null;
  };
  return new Promise((resolve) => {
    const next = () => {
      if ((step >= pages && !job) || jobsSeen !== seen) {
        free();
        resolve({ ms: performance.now() - started, steps: done });
        return;
      }
      try {
        if (job) {
          job.annotate();
          free();
        } else {
          job = new Extraction(WARM_PAGES[step++ % WARM_PAGES.length], { url: 'https://example.com/news/story', force: true });
          job.readingView();
        }
      } catch {
        // A warm-up only: an error here changes nothing for the reader's jobs.
        free();
      }
      done++;
      setTimeout(next, 0);
    };
    // A job already queued behind this message goes first.
    setTimeout(next, 0);
  });
}

self.onmessage = async (event) => {
  const { id, type, html, options, module, rounds } = event.data ?? {};
  if (type === 'init') {
    start(module);
    return;
  }
  if (type === 'warm') {
    const seen = jobsSeen;
    try {
      await start();
      self.postMessage({ type: 'warm', ...(await warm(Math.min(Math.max(Number(rounds) || 1, 1), 20), seen)) });
    } catch (error) {
      self.postMessage({ type: 'warm', error: error?.message ?? String(error) });
    }
    return;
  }
  let job = null;
  jobsSeen++;
  try {
    const coreVersion = await start();
    const started = performance.now();
    job = new Extraction(typeof html === 'string' ? html : '', options);
    self.postMessage({ id, view: job.readingView(), ms: performance.now() - started });
    const analysis = job.annotate();
    self.postMessage({ id, analysis, ms: performance.now() - started, version: coreVersion });
  } catch (error) {
    self.postMessage({ id, error: error?.message ?? String(error) });
  } finally {
    job?.free();
  }
};
