// The warm engine: compiles the WebAssembly module once, keeps a worker (reader/worker.js) ready
// with it and warmed up, and serves the reader's analysis requests over a runtime port named
// "article-lens-engine". It runs in Chrome's offscreen document (offscreen.html, created by
// background.js) and in Firefox's background page (listed before background.js), so a click
// pays neither a compile nor a cold first call. After IDLE_MS without a request the worker (its
// memory, which only grows) is let go; the compiled module stays, so the next worker starts warm.
// The content script sends the page here as soon as the user clicks ("engine-prefetch", with a
// random token it also hands the reader), so the analysis runs while the reader's frame loads;
// the reader then claims it with that token from the same tab, or has the page analysed anew.
(() => {
  performance.mark('al-engine');
  const api = globalThis.browser ?? globalThis.chrome;
  const PORT_NAME = 'article-lens-engine';
  const READER_URL = api.runtime.getURL('reader/reader.html');
  const WASM_URL = api.runtime.getURL('pkg/article_lens_bg.wasm');
  const WORKER_URL = api.runtime.getURL('reader/worker.js');
  // A page's HTML, in UTF-16 units (about 64 MB): past it the request is refused.
  const MAX_HTML = 32 * 1024 * 1024;
  const OPTION_TYPES = { url: 'string', referenceDate: 'string', force: 'boolean', maxClaims: 'number', highlight: 'boolean' };
  const IDLE_MS = 10 * 60 * 1000;
  const WARM_ROUNDS = 4;

  let compiled = null;
  let worker = null;
  let workerReady = null;
  let idleTimer = null;
  let nextId = 0;
  const jobs = new Map(); // worker job id → {port, id, buffered}: the reader's port and id (null until claimed)
  const prefetched = new Map(); // token → {tabId, jobId, options, buffered, port, id, timer}
  const PREFETCH_MS = 60 * 1000;

  function compile() {
    compiled ??= WebAssembly.compileStreaming(fetch(WASM_URL))
      .catch(() => fetch(WASM_URL).then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes)))
      .catch((error) => {
        compiled = null;
        throw error;
      });
    return compiled;
  }

  function fail(message) {
    for (const { port, id } of jobs.values()) reply(port, { id, error: message });
    jobs.clear();
    worker?.terminate();
    worker = null;
    workerReady = null;
  }

  function startWorker() {
    if (workerReady) return workerReady;
    worker = new Worker(WORKER_URL, { type: 'module' });
    const own = worker;
    own.onmessage = (event) => {
      const { id, type, ...rest } = event.data ?? {};
      if (type === 'warm') {
        performance.mark('article-lens:warm', { detail: rest });
        return;
      }
      const job = jobs.get(id);
      if (!job) return;
      performance.mark(rest.view === undefined ? 'al-job-done' : 'al-job-view');
      if (rest.view === undefined) jobs.delete(id);
      if (job.port) reply(job.port, { ...rest, id: job.id });
      else job.buffered.push(rest);
      if (jobs.size === 0) idleSoon();
    };
    own.onerror = (event) => {
      event.preventDefault?.();
      if (worker === own) fail(event.message || 'the analysis engine could not start');
    };
    // Messages keep their order: the module reaches the worker before any job.
    workerReady = compile().then((module) => {
      performance.mark('article-lens:compiled');
      own.postMessage({ type: 'init', module });
    }, (error) => {
      fail(`the analysis engine could not start: ${error?.message ?? error}`);
      throw error;
    });
    return workerReady;
  }

  function run(job, html, options) {
    clearTimeout(idleTimer);
    const jobId = ++nextId;
    jobs.set(jobId, job);
    startWorker().then(() => {
      performance.mark('al-job');
      worker.postMessage({ id: jobId, html, options });
    }, () => {});
    return jobId;
  }

  function dropPrefetch(token) {
    const entry = prefetched.get(token);
    if (!entry) return;
    clearTimeout(entry.timer);
    prefetched.delete(token);
    if (!entry.port) jobs.delete(entry.jobId);
  }

  /** The reader's options for a page at `url` before any choice ("Show anyway" asks anew). */
  const firstOptions = (url) => (/^https?:/.test(url) ? { url } : {});
  const sameOptions = (a, b) => {
    const keys = (o) => Object.keys(o).filter((k) => !(k === 'force' && o[k] === false));
    return keys(a).length === keys(b).length && keys(a).every((k) => a[k] === b[k]);
  };

  // The page, from our content script in a tab's top frame, the moment the user clicks.
  api.runtime.onMessage.addListener((message, sender) => {
    if (message?.type !== 'engine-prefetch') return false;
    const tabId = sender.tab?.id;
    const { token, html, url } = message;
    if (sender.id !== api.runtime.id || tabId === undefined || (sender.frameId ?? 0) !== 0) return false;
    if (typeof token !== 'string' || !/^[0-9a-f]{32}$/.test(token) || typeof html !== 'string' || html.length > MAX_HTML || typeof url !== 'string' || url.length > 8192) return false;
    performance.mark('al-prefetch');
    for (const [other, entry] of prefetched) if (entry.tabId === tabId) dropPrefetch(other);
    const options = firstOptions(url);
    const entry = { tabId, options, buffered: [], port: null, id: null, timer: setTimeout(() => dropPrefetch(token), PREFETCH_MS) };
    prefetched.set(token, entry);
    entry.jobId = run(entry, html, options);
    return false;
  });

  /**
   * The prefetched job the reader's request names, if it is from the same tab and for the same
   * options; a claim alone (no page: the reader has only the token yet) takes the job's options.
   */
  function claim(port, request) {
    const entry = typeof request.token === 'string' ? prefetched.get(request.token) : undefined;
    if (!entry || entry.tabId !== port.sender?.tab?.id) return false;
    if (!request.claimOnly && !sameOptions(entry.options, request.options)) return false;
    clearTimeout(entry.timer);
    prefetched.delete(request.token);
    entry.port = port;
    entry.id = request.id;
    for (const message of entry.buffered.splice(0)) reply(port, { ...message, id: request.id });
    return true;
  }

  /** Lets the worker and its memory go (the compiled module stays); no-op while a job runs. */
  function release() {
    if (jobs.size || !worker) return false;
    worker.terminate();
    worker = null;
    workerReady = null;
    return true;
  }

  function idleSoon() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(release, IDLE_MS);
  }
  // For the benchmark: an idle hour, simulated (only extension pages can reach this global).
  globalThis.articleLensEngine = { release };

  function reply(port, message) {
    try {
      port.postMessage(message);
    } catch {
      // The reader closed meanwhile.
    }
  }

  /**
   * A request as the reader sends it: {id, html, options, token?}, or a claim alone {id, token,
   * claimOnly: true}; null if it is anything else.
   */
  function validRequest(message) {
    if (!message || typeof message !== 'object' || !Number.isSafeInteger(message.id)) return null;
    const { id, html, options = {}, token } = message;
    if (message.claimOnly === true) return typeof token === 'string' ? { id, token, claimOnly: true } : null;
    if (typeof html !== 'string' || html.length > MAX_HTML) return { id, error: 'the page is too large to analyse' };
    if (!options || typeof options !== 'object' || Array.isArray(options)) return { id, error: 'invalid options' };
    const clean = {};
    for (const [key, value] of Object.entries(options)) {
      if (OPTION_TYPES[key] !== typeof value) return { id, error: `invalid option: ${key}` };
      clean[key] = value;
    }
    return { id, html, options: clean, token };
  }

  api.runtime.onConnect.addListener((port) => {
    if (port.name !== PORT_NAME) return;
    // Only our own reader page may use the engine.
    const sender = port.sender ?? {};
    if (sender.id !== api.runtime.id || !String(sender.url ?? '').startsWith(READER_URL)) {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((message) => {
      const request = validRequest(message);
      if (!request) return;
      if (request.error) {
        reply(port, request);
        return;
      }
      if (claim(port, request)) return;
      if (request.claimOnly) reply(port, { id: request.id, unclaimed: true });
      else run({ port, id: request.id, buffered: [] }, request.html, request.options);
    });
    port.onDisconnect.addListener(() => {
      for (const [jobId, job] of jobs) if (job.port === port) jobs.delete(jobId);
      if (jobs.size === 0) idleSoon();
    });
  });

  // A process's first date or number format loads the locale data (40-100 ms on a busy machine,
  // once per process): done here, as Chrome's reader frames share this offscreen document's
  // process, so that their first click does not pay it.
  function loadLocaleData() {
    try {
      const locale = api.i18n?.getUILanguage?.() || undefined;
      new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(0);
      new Intl.NumberFormat(locale).format(1.5);
    } catch {
      // The reader formats without it all the same.
    }
  }

  // Ready before the first click: compile, start the worker and let it warm up (not when a
  // page came meanwhile: its job goes first and warms the engine as well).
  setTimeout(loadLocaleData);
  startWorker().then(() => {
    if (jobs.size === 0) worker?.postMessage({ type: 'warm', rounds: WARM_ROUNDS });
    idleSoon();
  }, () => {});
})();
