// Renders a stored analysis with the shared reader module and records the reader's callbacks,
// for tests/e2e/reader.test.mjs. ?theme=… picks the theme, ?lang=fr the French UI text.
import { Reader } from '/www/reader/reader.js';
import { loadTranslator } from '/www/reader/i18n.js';

const params = new URLSearchParams(location.search);
window.events = [];
const analysis = await fetch('/analysis/meta-deepseek-sample.json').then((r) => r.json());
const { lang, t } = await loadTranslator(new URL('/www/', location.href), params.get('lang') ?? 'en');
document.documentElement.lang = lang;
window.analysis = analysis;
window.reader = new Reader(document.body, {
  t,
  locale: lang,
  onClose: () => window.events.push('close'),
  onShowAnyway: () => window.events.push('show-anyway'),
  settings: { theme: params.get('theme') ?? 'auto' },
  onSettingsChange: (s) => window.events.push(`settings:${JSON.stringify(s)}`),
});
window.reader.show(analysis);
document.body.dataset.ready = 'true';
