// The fact-check worksheet for the reader's hosts (extension page and playground): the core's
// `worksheet(html, options, format)` in a worker of its own, started on the first export.
let worker = null;
let nextId = 0;
const pending = new Map();

function start() {
  if (worker) return worker;
  worker = new Worker(new URL('./worksheet-worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event) => {
    const { id, error, sheet } = event.data ?? {};
    const job = pending.get(id);
    if (!job) return;
    pending.delete(id);
    if (error !== undefined) job.reject(new Error(error));
    else job.resolve(sheet);
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    for (const job of pending.values()) job.reject(new Error(event.message || 'the worksheet engine could not start'));
    pending.clear();
    worker.terminate();
    worker = null;
  };
  return worker;
}

/** Resolves to the worksheet text ("markdown" or "json") of a page, as `article-lens worksheet` writes it. */
export function makeWorksheet(html, options = {}, format = 'markdown') {
  const clean = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return new Promise((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, { resolve, reject });
    start().postMessage({ id, html, options: clean, format });
  });
}
