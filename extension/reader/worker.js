// Runs the Article Lens core (WebAssembly) off the UI thread, so the reader stays responsive and
// can show "Analysing…" while a large page is processed. Each job answers twice: the reading view
// as soon as the article is extracted ({id, view}), then the whole analysis ({id, analysis}).
import init, { Extraction, version } from '../pkg/article_lens.js';

const ready = init().then(() => version());

self.onmessage = async (event) => {
  const { id, html, options } = event.data ?? {};
  let job = null;
  try {
    const coreVersion = await ready;
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
