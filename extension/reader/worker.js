// Runs the Article Lens core (WebAssembly) off the UI thread, so the reader stays responsive and
// can show "Analysing…" while a large page is processed.
import init, { analyze, version } from '../pkg/article_lens.js';

const ready = init().then(() => version());

self.onmessage = async (event) => {
  const { id, html, options } = event.data;
  try {
    const coreVersion = await ready;
    const started = performance.now();
    const analysis = analyze(html, options);
    const ms = performance.now() - started;
    self.postMessage({ id, analysis, ms, version: coreVersion });
  } catch (error) {
    self.postMessage({ id, error: error?.message ?? String(error) });
  }
};
