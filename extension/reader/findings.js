// The consistency section: places where the article disagrees with itself (the core's
// `consistency` findings), each put as a question, its spans highlighted in the text.
import { h } from './dom.js';

/**
 * The highlights (mark ids such as "figure-3") of a finding's spans: the figure or date with the
 * same span, else the ones it overlaps.
 */
export function findingTargets(analysis, finding) {
  const mentions = [
    ...(analysis.figures ?? []).map((f, i) => [`figure-${i}`, f.span]),
    ...(analysis.dates ?? []).map((d, i) => [`date-${i}`, d.span]),
  ].filter(([, span]) => span);
  const ids = [];
  for (const span of finding.spans ?? []) {
    const same = mentions.filter(([, s]) => s.start === span.start && s.end === span.end);
    const hits = same.length ? same : mentions.filter(([, s]) => s.start < span.end && span.start < s.end);
    for (const [id] of hits) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The words of each span in the article text, for the entry ("“$60 billion” · “$65 billion”"). */
function spanTexts(analysis, finding) {
  const text = analysis.article?.text ?? '';
  return (finding.spans ?? []).map((s) => text.slice(s.start, s.end)).filter(Boolean);
}

/** Marks the highlights of each finding in `main` (class al-disagree, data-finding="finding-i …"). */
export function markFindings(main, analysis) {
  for (const mark of main.querySelectorAll('mark.al-disagree')) {
    mark.classList.remove('al-disagree');
    delete mark.dataset.finding;
  }
  (analysis.consistency ?? []).forEach((finding, i) => {
    for (const id of findingTargets(analysis, finding)) {
      for (const mark of main.querySelectorAll(`.al-content mark[data-id="${CSS.escape(id)}"]`)) {
        mark.classList.add('al-disagree');
        mark.dataset.finding = [mark.dataset.finding, `finding-${i}`].filter(Boolean).join(' ');
      }
    }
  });
}

/** The panel section; `onReveal(i)` scrolls to finding i's highlights. */
export function findingsSection({ t, analysis, pending, onReveal }) {
  const findings = analysis.consistency ?? [];
  const list = () => h('ol', { class: 'al-entries al-finding-list' }, findings.map((finding, i) => h('li', {},
    h('button', { type: 'button', class: 'al-entry al-finding', 'data-target': `finding-${i}`, 'data-kind': finding.kind, onclick: () => onReveal(i) },
      h('span', { class: 'al-entry-text' }, finding.message),
      h('span', { class: 'al-entry-meta' }, [t(`finding_kind_${finding.kind}`), ...spanTexts(analysis, finding).map((s) => `“${s}”`)].join(' · '))))));
  return h('section', { 'aria-label': t('section_consistency'), class: 'al-section al-consistency', 'aria-busy': pending ? 'true' : undefined },
    h('h2', {}, h('span', { class: 'al-swatch al-swatch-finding', 'aria-hidden': 'true' }), t('section_consistency'),
      pending ? null : h('span', { class: 'al-count' }, String(findings.length))),
    h('p', { class: 'al-section-note' }, t('consistency_note')),
    findings.length ? list() : h('p', { class: pending ? 'al-empty al-pending' : 'al-empty' }, pending ? t('analysing') : t('empty_consistency')));
}
