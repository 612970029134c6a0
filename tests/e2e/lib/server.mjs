// Serves tests/fixtures on 127.0.0.1 at a random port. Paths under /csp/ serve the same files
// with a strict Content-Security-Policy header (no scripts, frames, images or connections).
// /www/ serves the built playground (dist/www, with the reader module) and /harness/ the
// reader test page. /hostile/ serves tests/hostile (the hostile pages) with their SENTINEL made
// observable (see hostilePage); every request the server sees is kept in `requests`.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
export const HOSTILE = fileURLToPath(new URL('../../hostile/', import.meta.url));
const MOUNTS = [
  ['/hostile/', HOSTILE],
  ['/www/', fileURLToPath(new URL('../../../dist/www/', import.meta.url))],
  ['/harness/', fileURLToPath(new URL('../harness/', import.meta.url))],
  ['/', FIXTURES],
];
export const STRICT_CSP = "default-src 'none'; style-src 'unsafe-inline'";
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
  '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
};

// A 1×1 PNG: the hostile pages' own images (/img/quay.jpg, /img/quay-small.jpg, …; browsers sniff the type).
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=', 'base64');

/**
 * A hostile page as served: every planted attack names SENTINEL (tests/hostile/make_pages.py).
 * Its beacon addresses (https://beacon.invalid/SENTINEL…) point at /sentinel/beacon… on this
 * server, and its script payloads (SENTINEL()) become a beacon to /sentinel/exec that names the
 * origin it ran in: the page's own scripts run in the page's origin, anything else ran where it
 * must not (the reader). The replacement has no quote or space, so it fits every context the
 * payloads sit in (attributes, URLs, percent-encoded data: documents, JSON strings).
 */
function hostilePage(html, base) {
  return html
    .replaceAll('https://beacon.invalid/SENTINEL', `${base}/sentinel/beacon`)
    .replaceAll('SENTINEL()', `navigator.sendBeacon(\`${base}/sentinel/exec?from=\`+encodeURIComponent(origin))`);
}

export async function startServer() {
  const requests = [];
  let base = '';
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    requests.push({
      method: req.method, url: req.url, path, at: performance.now(),
      site: req.headers['sec-fetch-site'] ?? null, dest: req.headers['sec-fetch-dest'] ?? null,
      origin: req.headers.origin ?? null, referer: req.headers.referer ?? null,
    });
    const headers = { 'cache-control': 'no-store' };
    if (path.startsWith('/sentinel/')) {
      res.writeHead(204, headers).end();
      return;
    }
    if (/^\/(hostile\/)?img\/quay[\w-]*\.(jpg|webp|png)$/.test(path)) {
      res.writeHead(200, { ...headers, 'content-type': 'image/png' }).end(PIXEL);
      return;
    }
    if (path.startsWith('/csp/')) {
      path = path.slice(4);
      headers['content-security-policy'] = STRICT_CSP;
    }
    const [prefix, dir] = MOUNTS.find(([p]) => path.startsWith(p));
    const file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir) || file.endsWith(sep)) {
      res.writeHead(404).end();
      return;
    }
    try {
      let body = await readFile(file);
      if (path.startsWith('/hostile/') && file.endsWith('.html')) body = hostilePage(body.toString('utf8'), base);
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, headers).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  return { base, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}
