// The analysis engine as the reader uses it: a promise API over the WebAssembly worker.
let worker = null;
let nextId = 0;
const pending = new Map();

function start() {
  if (worker) return worker;
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event) => {
    const { id, error, view, ...result } = event.data;
    const job = pending.get(id);
    if (!job) return;
    if (view !== undefined) {
      job.onView?.(view);
      return;
    }
    pending.delete(id);
    if (error !== undefined) job.reject(new Error(error));
    else job.resolve(result);
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    const message = event.message || 'the analysis engine could not start';
    for (const job of pending.values()) job.reject(new Error(message));
    pending.clear();
    worker.terminate();
    worker = null;
  };
  return worker;
}

/** Starts the engine early (loads and compiles the WebAssembly) so the first analysis is faster. */
export function warmUp() {
  start();
}

/**
 * Analyses a page: resolves to {analysis, ms (time in the core), version}; rejects with an Error
 * whose message is written for a person. `onView(analysis)`, if given, gets the reading view
 * first: the article without its claims, figures and dates.
 */
export function analyzePage(html, options = {}, { onView } = {}) {
  const clean = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return new Promise((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, { resolve, reject, onView });
    start().postMessage({ id, html, options: clean });
  });
}
