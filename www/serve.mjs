#!/usr/bin/env node
// Serves the Article Lens playground on 127.0.0.1 (nothing else is reachable).
//   node www/serve.mjs [--port 8080]
// It maps the sources as the built site lays them out: www/ at /, the shared reader module
// (extension/reader/) at /reader/, its UI text (extension/_locales/) at /_locales/, the wasm package (pkg/, made by .ci/build) at /pkg/ and the
// test fixture pages (tests/fixtures/) at /samples/. dist/www is the same site as static files.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const mounts = [
  ['/reader/', join(root, 'extension/reader')],
  ['/_locales/', join(root, 'extension/_locales')],
  ['/pkg/', join(root, 'pkg')],
  ['/samples/', join(root, 'tests/fixtures')],
  ['/', join(root, 'www')],
];
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.txt': 'text/plain; charset=utf-8',
};

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 8080;

async function resolveFile(pathname) {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const file = normalize(join(dir, pathname.slice(prefix.length)));
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    const info = await stat(file).catch(() => null);
    if (info?.isDirectory()) return resolveFile(`${pathname.replace(/\/?$/, '/')}index.html`);
    if (info?.isFile()) return file;
    return null;
  }
  return null;
}

createServer(async (req, res) => {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
  } catch {
    res.writeHead(400).end('bad request');
    return;
  }
  const file = await resolveFile(pathname);
  if (!file) {
    const hint = pathname.startsWith('/pkg/') ? ' (build the wasm package first: .ci/build)' : '';
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${pathname}${hint}`);
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(await readFile(file));
}).listen(port, '127.0.0.1', function () {
  console.log(`Article Lens playground: http://127.0.0.1:${this.address().port}/`);
});
