// Assembles the unpacked extensions (dist/chrome, dist/firefox) and the static playground
// (dist/www) from extension/, www/, the wasm package and the test fixtures. The manifest has one
// source, extension/manifest.json, patched here per browser; the version comes from Cargo.toml.
// Usage: node extension/tools/assemble.mjs <repo root> <wasm pkg dir> <dist dir>
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const [root, pkgDir, distDir] = process.argv.slice(2).map((p) => resolve(p));
if (!root || !pkgDir || !distDir) {
  console.error('usage: assemble.mjs <repo root> <wasm pkg dir> <dist dir>');
  process.exit(2);
}

const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
const version = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version || !/^\d+(\.\d+){0,3}$/.test(version)) {
  console.error(`cannot use the Cargo.toml version as an extension version: ${version}`);
  process.exit(1);
}

const source = JSON.parse(readFileSync(join(root, 'extension/manifest.json'), 'utf8'));
const manifests = {
  chrome: {
    ...source,
    version,
    minimum_chrome_version: '116',
    // The warm engine lives in an offscreen document (offscreen.html, engine-host.js).
    permissions: [...source.permissions, 'offscreen'],
    background: { service_worker: 'background.js' },
  },
  firefox: {
    ...source,
    version,
    // The background page hosts the warm engine itself.
    background: { scripts: ['engine-host.js', 'background.js'] },
    browser_specific_settings: {
      gecko: {
        id: 'article-lens@article-lens.example',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Android gained data_collection_permissions in 142.
      gecko_android: { strict_min_version: '142.0' },
    },
  },
};

const extensionFiles = ['_locales', 'background.js', 'engine-host.js', 'content.js', 'onpage.js', 'onpage.css', 'onpage-dark.css', 'icons', 'reader'];
const browserFiles = { chrome: ['offscreen.html'], firefox: [] };
const wasmFiles = ['article_lens.js', 'article_lens_bg.wasm'];
for (const file of wasmFiles) {
  if (!existsSync(join(pkgDir, file))) {
    console.error(`missing ${join(pkgDir, file)}: build the wasm package first`);
    process.exit(1);
  }
}

function copyWasm(target) {
  mkdirSync(join(target, 'pkg'), { recursive: true });
  for (const file of wasmFiles) cpSync(join(pkgDir, file), join(target, 'pkg', file));
}

// The reader's modules as one file (esbuild, a dev dependency of extension/): the frame fetches,
// compiles and runs one script instead of a graph of eleven (text in the reader ~20 % sooner on a
// warm click in both browsers, benches/browser.mjs). The modules stay beside it: the e2e tests
// import some of them in the reader frame (listen.js, export.js).
const require = createRequire(join(root, 'extension/package.json'));
function bundleReader(readerDir) {
  const html = readFileSync(join(readerDir, 'reader.html'), 'utf8');
  const entry = '<script type="module" src="app.js"></script>';
  if (!html.includes(entry)) {
    console.error('reader.html no longer loads app.js as expected: update assemble.mjs');
    process.exit(1);
  }
  require('esbuild').buildSync({
    entryPoints: [join(readerDir, 'app.js')],
    outfile: join(readerDir, 'reader.bundle.js'),
    bundle: true,
    format: 'esm',
    target: ['chrome116', 'firefox140'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  writeFileSync(join(readerDir, 'reader.html'), html.replace(entry, '<script type="module" src="reader.bundle.js"></script>'));
}

for (const [browser, manifest] of Object.entries(manifests)) {
  const target = join(distDir, browser);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const file of [...extensionFiles, ...browserFiles[browser]]) cpSync(join(root, 'extension', file), join(target, file), { recursive: true });
  bundleReader(join(target, 'reader'));
  copyWasm(target);
  writeFileSync(join(target, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

// The playground: www/ with the same reader module and UI text (_locales), wasm package and the fixture pages as samples.
const www = join(distDir, 'www');
rmSync(www, { recursive: true, force: true });
cpSync(join(root, 'www'), www, { recursive: true, filter: (src) => !src.endsWith('serve.mjs') });
cpSync(join(root, 'extension/reader'), join(www, 'reader'), { recursive: true });
cpSync(join(root, 'extension/_locales'), join(www, '_locales'), { recursive: true });
copyWasm(www);
const fixtures = join(root, 'tests/fixtures');
if (existsSync(fixtures)) cpSync(fixtures, join(www, 'samples'), { recursive: true, filter: (src) => statSync(src).isDirectory() || /\.(html|svg|png|jpe?g|webp|gif)$/.test(src) });
console.log(`assembled ${Object.keys(manifests).map((b) => `dist/${b}`).join(', ')}, dist/www (version ${version}) from ${readdirSync(pkgDir).length} pkg files`);
