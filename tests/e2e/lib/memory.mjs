// Peak memory of a browser's processes, from Linux's /proc: VmHWM is a process's peak resident
// set since it started (the browser's whole run so far, not one test). Headless browsers do not
// offer performance.measureUserAgentSpecificMemory. The extension's reader (its frame and its
// worker) lives in a process of its own in Chromium: the renderer started with --extension-process.
import { readdirSync, readFileSync } from 'node:fs';

const read = (path) => { try { return readFileSync(path, 'utf8'); } catch { return null; } };

/** The processes under `rootPid` (itself included), each {pid, kind, peakMiB, rssMiB}. */
export function processMemory(rootPid) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
  }
  const out = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift();
    queue.push(...(children.get(pid) ?? []));
    const status = read(`/proc/${pid}/status`);
    // (Chromium rewrites its command line as one string: split on spaces too.)
    const args = (read(`/proc/${pid}/cmdline`) ?? '').split(/[\0 ]/).filter(Boolean);
    if (!status) continue;
    const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    let kind = 'other';
    if (args.includes('--extension-process')) kind = 'extension';
    else if (args.some((a) => a.startsWith('--type='))) kind = args.find((a) => a.startsWith('--type=')).slice(7);
    else if (args.includes('-contentproc')) kind = args.at(-1);
    else if (/firefox|chrom/.test(args[0] ?? '')) kind = 'browser';
    out.push({ pid, kind, peakMiB: Math.round(kib('VmHWM') / 1024), rssMiB: Math.round(kib('VmRSS') / 1024) });
  }
  return out;
}

/**
 * Peak memory in MiB: of the extension's process (Chromium: the reader's frame and worker) and of
 * the largest content process. Firefox's command lines do not tell its extension process from the
 * page's: there, only the largest content process is known.
 */
export function peaks(rootPid) {
  const all = processMemory(rootPid);
  const max = (kinds) => Math.max(0, ...all.filter((p) => kinds.includes(p.kind)).map((p) => p.peakMiB));
  return `reader_process_peak_mib=${max(['extension']) || 'none'} largest_content_process_peak_mib=${max(['renderer', 'tab', 'web', 'webIsolated'])}`;
}
