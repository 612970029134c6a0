// The playground: feeds pasted, opened, dropped or sample HTML to the same engine and reader
// module as the extension, and shows the raw analysis and its timing.
import { Reader } from './reader/reader.js';
import { analyzePage, warmUp } from './reader/engine.js';
import { loadTranslator, translatorFromMessages } from './reader/i18n.js';
import { makeWorksheet } from './reader/worksheet.js';

const $ = (id) => document.getElementById(id);
const SETTINGS_KEY = 'article-lens-settings';
const LOADING_DELAY_MS = 300;
warmUp();

function loadSettings() {
  try {
    return JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

// UI text (the reader's and this page's): the extension's message files, in the first of the
// user's languages we have.
const translator = await loadTranslator(location.href)
  .catch(() => loadTranslator(location.href, 'en'))
  .catch(() => null);
// Without message files (a broken copy of the site) the page keeps its English and the reader shows keys.
const t = translator?.t ?? translatorFromMessages({});
if (translator) {
  document.documentElement.lang = translator.lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  const TRANSLATED_ATTRIBUTES = { i18nPlaceholder: 'placeholder', i18nTitle: 'title', i18nAriaLabel: 'aria-label' };
  for (const el of document.querySelectorAll('[data-i18n-placeholder], [data-i18n-title], [data-i18n-aria-label]')) {
    for (const [data, attr] of Object.entries(TRANSLATED_ATTRIBUTES)) {
      if (el.dataset[data]) el.setAttribute(attr, t(el.dataset[data]));
    }
  }
}

let lastForced = false;
// The page and options of the analysis shown, for its worksheet.
let shown = null;
const reader = new Reader($('view-reader'), {
  t,
  locale: navigator.language,
  onShowAnyway: () => run(true),
  settings: loadSettings(),
  onWorksheet: (format) => makeWorksheet(shown.html, shown.options, format),
  onSettingsChange: (settings) => {
    try {
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
    } catch {
      // Private windows may refuse storage: settings then last for this visit only.
    }
  },
});
reader.showMessage(t('www_placeholder'));

async function run(force = $('force').checked) {
  const html = $('html').value;
  if (!html.trim()) {
    reader.showError(t('www_empty_input'));
    return;
  }
  lastForced = force;
  const options = { url: $('url').value.trim() || undefined, referenceDate: $('reference').value || undefined, force };
  shown = { html, options };
  $('timing').textContent = 'Analysing…';
  const timer = setTimeout(() => reader.showLoading(), LOADING_DELAY_MS);
  const started = performance.now();
  try {
    const onView = (view) => {
      clearTimeout(timer);
      reader.show(view, { forced: lastForced, pending: true });
    };
    const { analysis, ms, version } = await analyzePage(html, options, { onView });
    const total = performance.now() - started;
    reader.show(analysis, { forced: lastForced });
    $('json').textContent = JSON.stringify(analysis, null, 2);
    const kb = (new TextEncoder().encode(html).length / 1024).toFixed(0);
    $('timing').textContent = `${kb} KiB analysed in ${ms.toFixed(1)} ms (core), ${total.toFixed(1)} ms end to end`;
    $('about').textContent = `Article Lens core ${version}, WebAssembly, running locally.`;
  } catch (error) {
    reader.showError(error?.message ?? String(error));
    $('json').textContent = `Error: ${error?.message ?? error}`;
    $('timing').textContent = '';
  } finally {
    clearTimeout(timer);
  }
}

async function loadText(text, url = '') {
  $('html').value = text;
  $('url').value = url;
  await run();
}

async function readFile(file) {
  if (!file) return;
  if (file.size > 8 * 1024 * 1024) {
    reader.showError(t('www_file_too_large', file.name));
    return;
  }
  await loadText(await file.text());
}

// Samples: the test fixture pages, analysed with their served address so their images load.
fetch('samples.json')
  .then((r) => (r.ok ? r.json() : []))
  .then((samples) => {
    for (const sample of samples) {
      $('sample').append(new Option(sample.name, sample.path));
    }
  })
  .catch(() => {});
$('sample').addEventListener('change', async (event) => {
  const path = event.target.value;
  if (!path) return;
  const url = new URL(`samples/${path}`, location.href);
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(t('www_sample_failed', response.status));
    await loadText(await response.text(), url.href);
  } catch (error) {
    reader.showError(error.message);
  }
});

$('file').addEventListener('change', (event) => readFile(event.target.files[0]));
const drop = $('drop');
drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  drop.classList.add('pg-dragging');
});
drop.addEventListener('dragleave', () => drop.classList.remove('pg-dragging'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('pg-dragging');
  readFile(event.dataTransfer.files[0]);
});
$('input-form').addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});

// Tabs: Reader / JSON, with arrow keys between them.
const tabs = [$('tab-reader'), $('tab-json')];
function select(tab) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
  tab.focus();
}
for (const tab of tabs) {
  tab.addEventListener('click', () => select(tab));
  tab.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') select(tabs[(tabs.indexOf(tab) + 1) % tabs.length]);
  });
}
