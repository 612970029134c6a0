// The first reader in a new browser process looks up each of its fonts (every family of its font
// stacks, each size and weight) during its first layout, a round trip to the browser each, slow
// while the browser starts: the text came hundreds of ms after the reading view. Laid out once
// while the view is on its way, a made-up article of the same styles leaves those fonts found.
import { h } from './dom.js';

const para = (html) => `<p>${html}</p>`;
// The article's blocks, with the inline styles and blocks articles use.
const BLOCKS = Object.freeze([
  para('The council met on <strong>Tuesday</strong> and <b>approved</b> the plan, <em>the mayor said</em>, <i>with</i> <a href="https://example.com/">a link</a>.'),
  '<h2>A second heading</h2><h3>A third one</h3>',
  para('« Nous avançons », a déclaré la maire — 450 000 euros d’ici 2027, soit 12,4 % de plus.'),
  '<blockquote><p>A quoted passage, set apart.</p></blockquote><ul><li>A list item</li></ul>',
  '<figure><figcaption>A caption</figcaption></figure>',
  para('Some <code>code</code>, <small>small print</small> and <sup>1</sup>.'),
]);
// A reading view as the engine sends one (no claims, figures or dates yet).
const SAMPLE = Object.freeze({
  article: {
    title: 'A made-up article, laid out once',
    byline: 'Ana Example',
    site_name: 'Example News',
    published: '2025-03-04T09:30:00+01:00',
    reading_minutes: 2,
    lang: 'en',
    dir: 'ltr',
    content_html: BLOCKS.join(''),
  },
  verdict: { is_article: true },
  claims: [],
  figures: [],
  dates: [],
  consistency: [],
});

/** Lays out `blocks` of the sample article (and the panel, with `panel`) in `reader`, hidden, then removes them. */
function layOut(reader, blocks, panel) {
  const main = blocks.length ? h('main', { class: 'al-main' }, reader.renderArticle({ ...SAMPLE.article, content_html: blocks.join('') })) : null;
  const sample = h('div', { class: 'al-layout al-priming', 'aria-hidden': 'true', inert: '' }, main, panel ? reader.renderPanel(SAMPLE, { pending: true }) : null);
  reader.body.append(sample);
  void sample.offsetHeight;
  sample.remove();
}

const shown = (reader) => Boolean(reader.body.querySelector('.al-layout'));

/**
 * Lays the sample out in `reader`, hidden, then removes it; not once an article is shown.
 * Cheap in a process whose fonts are found (a few ms), so done whenever the view is not here yet.
 */
export function primeLayout(reader) {
  if (shown(reader)) return false;
  layOut(reader, BLOCKS, true);
  return true;
}

/**
 * The same, a block per task and the panel last, so that a view that comes meanwhile (its
 * message goes through the same main thread in Chrome) waits for one block's fonts at most;
 * stops once `stop()` is true or an article is shown. Resolves to whether it laid it all out.
 */
export async function primeLayoutInSteps(reader, stop) {
  const steps = [...BLOCKS.map((block) => [block]), []];
  for (const [i, blocks] of steps.entries()) {
    if (stop() || shown(reader)) return false;
    layOut(reader, blocks, i === steps.length - 1);
    await new Promise((resolve) => setTimeout(resolve));
  }
  return true;
}

