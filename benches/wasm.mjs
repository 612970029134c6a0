// The wasm build's speed on the readability corpus, in Node (V8, as in Chromium):
//   node benches/wasm.mjs [PKG_DIR] [CORPUS_DIR]
// PKG_DIR is a `wasm-pack build --target web` output (default pkg/, made by .ci/build). Prints per-page median
// and p95 ms of analyze() with the same table layout as `cargo bench --bench extract`, so the two
// can be read side by side (wasm vs native).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkgDir = path.resolve(process.argv[2] ?? path.join(root, 'pkg'));
const corpusDir = path.resolve(process.argv[3] ?? path.join(root, '../shared/corpus/readability'));
const URL_ = 'http://fakehost/test/page.html';

if (!existsSync(path.join(pkgDir, 'article_lens.js'))) {
  console.error(`no wasm package in ${pkgDir} (run .ci/build first)`);
  process.exit(2);
}
const mod = await import(pathToFileURL(path.join(pkgDir, 'article_lens.js')).href);
await mod.default({ module_or_path: readFileSync(path.join(pkgDir, 'article_lens_bg.wasm')) });

const pages = readdirSync(corpusDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(corpusDir, d.name, 'source.html')))
  .map((d) => readFileSync(path.join(corpusDir, d.name, 'source.html'), 'utf8'));

function medianMs(runs, f) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p))];

let failures = 0;
const analyze = (html, highlight) => {
  try {
    return mod.analyze(html, { url: URL_, highlight });
  } catch {
    failures++;
    return null;
  }
};
for (const html of pages) analyze(html, true); // warm-up
const ms = pages.map((html) => medianMs(5, () => analyze(html, true))).sort((a, b) => a - b);
const total = ms.reduce((a, b) => a + b, 0);
console.log(`per page over ${pages.length} pages (median of 5 runs each), wasm in Node ${process.version}:`);
console.log(`${'extractor'.padEnd(22)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(10)} ${'total ms'.padStart(10)}`);
console.log(
  `${'article-lens wasm'.padEnd(22)} ${percentile(ms, 0.5).toFixed(3).padStart(10)} ${percentile(ms, 0.95).toFixed(3).padStart(10)} ${total.toFixed(1).padStart(10)}`,
);
const wasmBytes = readFileSync(path.join(pkgDir, 'article_lens_bg.wasm'));
const { gzipSync } = await import('node:zlib');
console.log(`wasm size: ${wasmBytes.length} bytes raw, ${gzipSync(wasmBytes, { level: 9 }).length} bytes gzip -9`);
if (failures) console.log(`(${failures} analyses threw an error)`);
