// axe-core (pinned in package.json), run inside the reader: its source is evaluated in the
// reader document by the browser driver, then axe.run checks the reader as shown.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * An expression for d.reader()/page.evaluate(): resolves to JSON {version, rules (the rules that
 * passed or failed), violations (the serious and critical ones)}.
 */
export const AXE_RUN = `(function () {
  ${AXE_SOURCE}
  ;const run = (globalThis.axe ?? window.axe).run;
  return run.call(globalThis.axe ?? window.axe, document.querySelector('[data-article-lens="reader"]') ?? document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  }).then((r) => JSON.stringify({
    version: (globalThis.axe ?? window.axe).version,
    rules: [...r.passes, ...r.violations].map((v) => v.id),
    violations: r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary) })),
  }));
})()`;

/** Asserts an axe result (the JSON of AXE_RUN): axe ran, checked contrast, found nothing serious. */
export function assertAccessible(json, where) {
  const result = JSON.parse(json);
  assert.match(result.version, /^4\./, `axe-core ran in ${where}`);
  assert.ok(result.rules.includes('color-contrast'), `contrast was checked in ${where}`);
  assert.deepEqual(result.violations, [], `no serious or critical violations in ${where}`);
}
