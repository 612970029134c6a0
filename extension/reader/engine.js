// The analysis engine as the reader uses it: a promise API over the WebAssembly worker. In the
// extension the worker is the warm engine (engine-host.js: compiled once, kept ready), reached
// over a runtime port; if it cannot be reached, and in the playground, the reader starts its own.
const api = globalThis.browser ?? globalThis.chrome;
const IN_EXTENSION = Boolean(api?.runtime?.id) && /-extension:$/.test(globalThis.location?.protocol ?? '');
const PORT_NAME = 'article-lens-engine';

let nextId = 0;
const pending = new Map(); // id → {resolve, reject, onView, request}
// The claim early.js sent before this module loaded (id 0; ours count from 1), if any.
const EARLY_ID = 0;
const early = globalThis.articleLensEarlyClaim ?? null;
const unclaimedError = () => Object.assign(new Error('no analysis to claim'), { unclaimed: true });

/** Handles one answer: {id, view} first, then {id, analysis, ms, version} or {id, error}. */
function answer(data) {
  const { id, error, view, unclaimed, ...result } = data ?? {};
  const job = pending.get(id);
  if (!job) {
    // The early claim's answers wait for claimAnalysis.
    if (id === EARLY_ID && early?.adopted && !early.claimed) early.messages.push(data);
    return;
  }
  if (unclaimed === true) {
    pending.delete(id);
    job.reject(unclaimedError());
    return;
  }
  if (view !== undefined) {
    performance.mark('article-lens:view');
    // The text is in the reader's DOM once onView returns (or its promise settles): the benchmark reads this mark.
    Promise.resolve(job.onView?.(view)).catch(() => {}).then(() => performance.mark('article-lens:text'));
    return;
  }
  pending.delete(id);
  if (error !== undefined) job.reject(new Error(error));
  else job.resolve(result);
}

// ---- the reader's own worker (the playground, or no warm engine) ----
let worker = null;
function localWorker() {
  if (worker) return worker;
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event) => answer(event.data);
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

// ---- the warm engine, over a runtime port ----
let port = null;
let answered = false;
let retried = false;
function connect() {
  if (port) return port;
  // The early claim's port, while it is open: its answers may be on the way.
  const adopt = Boolean(early && !early.adopted && !early.disconnected);
  const own = adopt ? early.port : api.runtime.connect({ name: PORT_NAME });
  answered = adopt && early.messages.length > 0;
  if (adopt) {
    early.adopted = true;
    own.onMessage.removeListener(early.onMessage);
    own.onDisconnect.removeListener(early.onDisconnect);
  }
  port = own;
  own.onMessage.addListener((message) => {
    answered = true;
    answer(message);
  });
  own.onDisconnect.addListener(() => {
    void api.runtime.lastError;
    if (port === own) port = null;
    if (pending.size === 0) return;
    if (!answered && !retried) {
      // No engine yet (Chrome makes its offscreen document on demand): ask for it, then resend.
      retried = true;
      api.runtime.sendMessage({ type: 'engine-start' })
        .catch(() => null)
        .then((started) => resend(started?.ok ? 'port' : 'local'));
    } else {
      resend('local');
    }
  });
  return own;
}

function send(request, via) {
  if (via === 'port') {
    try {
      connect().postMessage(request);
      return;
    } catch {
      // The port closed under us: fall through to the reader's own worker.
    }
  }
  // Only the warm engine holds claimable analyses.
  if (request.claimOnly) answer({ id: request.id, unclaimed: true });
  else localWorker().postMessage(request);
}

function resend(via) {
  for (const job of pending.values()) send(job.request, via);
}

/** Starts the engine early so the first analysis is faster. */
export function warmUp() {
  if (IN_EXTENSION) connect();
  else localWorker();
}

/**
 * Claims the analysis the warm engine began at the click (`token`, from content.js), before the
 * page itself has reached the reader; as analyzePage, but it rejects with `error.unclaimed` when
 * there is none to claim (no warm engine, or the job is gone): then analyse the page.
 */
export function claimAnalysis(token, { onView } = {}) {
  if (!IN_EXTENSION) return Promise.reject(unclaimedError());
  if (early?.token === token && !early.claimed) {
    connect();
    early.claimed = true;
    if (early.adopted) {
      // Sent by early.js already: take what came, and what comes, for it.
      return new Promise((resolve, reject) => {
        pending.set(EARLY_ID, { resolve, reject, onView, request: { id: EARLY_ID, token, claimOnly: true } });
        for (const message of early.messages.splice(0)) answer(message);
      });
    }
  }
  return request({ token, claimOnly: true }, onView);
}

/**
 * Analyses a page: resolves to {analysis, ms (time in the core), version}; rejects with an Error
 * whose message is written for a person. `onView(analysis)`, if given, gets the reading view
 * first: the article without its claims, figures and dates. `prefetch`: the token the content
 * script gave the warm engine with the same page (its analysis may be under way already).
 */
export function analyzePage(html, options = {}, { onView, prefetch } = {}) {
  const clean = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return request({ html, options: clean, ...(typeof prefetch === 'string' ? { token: prefetch } : {}) }, onView);
}

function request(fields, onView) {
  return new Promise((resolve, reject) => {
    const id = ++nextId;
    const request = { id, ...fields };
    pending.set(id, { resolve, reject, onView, request });
    performance.mark('article-lens:request');
    send(request, IN_EXTENSION && (port || !retried) ? 'port' : 'local');
  });
}
