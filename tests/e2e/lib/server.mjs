// Serves tests/fixtures on 127.0.0.1 at a random port. Paths under /csp/ serve the same files
// with a strict Content-Security-Policy header (no scripts, frames, images or connections).
// /www/ serves the built playground (dist/www, with the reader module) and /harness/ the
// reader test page.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const MOUNTS = [
  ['/www/', fileURLToPath(new URL('../../../dist/www/', import.meta.url))],
  ['/harness/', fileURLToPath(new URL('../harness/', import.meta.url))],
  ['/', FIXTURES],
];
export const STRICT_CSP = "default-src 'none'; style-src 'unsafe-inline'";
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
  '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
};

export async function startServer() {
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    const headers = { 'cache-control': 'no-store' };
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
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, headers).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, close: () => new Promise((resolve) => server.close(resolve)) };
}
