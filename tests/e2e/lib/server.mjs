// Serves tests/fixtures on 127.0.0.1 at a random port. Paths under /csp/ serve the same files
// with a strict Content-Security-Policy header (no scripts, frames, images or connections).
// /www/ serves the built playground (dist/www, with the reader module) and /harness/ the
// reader test page. /hostile/ serves tests/hostile (the hostile pages) with their SENTINEL made
// observable (see hostilePage); /heavy/ serves generated heavy pages (see heavyParagraph);
// every request the server sees is kept in `requests`.
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

/**
 * /heavy/paragraph.html?bytes=N: an article whose text is one paragraph of about N bytes of
 * news-like sentences (figures, dates, speakers), the same on every request.
 */
function heavyParagraph(bytes) {
  const sentences = [
    (i) => `The council approved a budget of $${10 + (i * 7919) % 2000} million on March ${1 + i % 28}, 2025, officials said.`,
    (i) => `Ridership rose ${1 + i % 97}% over the year, according to the transport authority's figures.`,
    (i) => `Residents told reporters that the new line would open in ${2026 + i % 9}, well after the first estimate.`,
    (i) => `The minister said on Tuesday that ${100 + (i * 31) % 5000} new jobs would follow, though critics doubted it.`,
  ];
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const sentence = sentences[i % sentences.length](i);
    parts.push(sentence);
    size += sentence.length + 1;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The long report | Courier</title></head><body>
<header><label>Search <input id="heavy-q" type="search"></label></header>
<article><h1>The long report</h1><p>${parts.join(' ')}</p></article></body></html>`;
}

/**
 * /heavy/elements.html?count=N: an article of about N tiny elements (paragraphs of ten short
 * sentences, each word of a sentence in an element of its own), the same on every request.
 */
function heavyElements(count) {
  const paragraphs = [];
  for (let n = 0, i = 0; n < count; i++) {
    const words = `Ridership rose ${1 + i % 97}% over the year, officials said on Tuesday.`.split(' ');
    paragraphs.push(`<p>${words.map((w) => `<span>${w}</span>`).join(' ')}</p>`);
    n += words.length + 1;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The many parts | Courier</title></head><body>
<header><label>Search <input id="heavy-q" type="search"></label></header>
<article><h1>The many parts</h1>${paragraphs.join('\n')}</article></body></html>`;
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
    if (path === '/heavy/elements.html') {
      const count = Math.min(Number(new URL(req.url, base).searchParams.get('count')) || 1e4, 2e6);
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(heavyElements(count));
      return;
    }
    if (path === '/heavy/paragraph.html') {
      const bytes = Math.min(Number(new URL(req.url, base).searchParams.get('bytes')) || 1e6, 2e7);
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(heavyParagraph(bytes));
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
