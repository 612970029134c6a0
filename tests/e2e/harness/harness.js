// Renders a stored analysis with the shared reader module and records the reader's callbacks,
// for tests/e2e/reader.test.mjs.
import { Reader } from '/www/reader/reader.js';

window.events = [];
const analysis = await fetch('/analysis/meta-deepseek-sample.json').then((r) => r.json());
window.analysis = analysis;
window.reader = new Reader(document.body, {
  onClose: () => window.events.push('close'),
  onShowAnyway: () => window.events.push('show-anyway'),
  settings: { theme: new URLSearchParams(location.search).get('theme') ?? 'auto' },
  onSettingsChange: (s) => window.events.push(`settings:${JSON.stringify(s)}`),
});
window.reader.show(analysis);
document.body.dataset.ready = 'true';
