// The first reader in a new browser process looks up each of its fonts (every family of its font
// stacks, each size and weight) during its first layout, a round trip to the browser each, slow
// while the browser starts: the text came hundreds of ms after the reading view. Laid out once
// while the view is on its way, a made-up article of the same styles leaves those fonts found.
import { h } from './dom.js';

const para = (html) => `<p>${html}</p>`;
// A reading view as the engine sends one (no claims, figures or dates yet), with the inline
// styles and blocks articles use.
const SAMPLE = Object.freeze({
  article: {
    title: 'A made-up article, laid out once',
    byline: 'Ana Example',
    site_name: 'Example News',
    published: '2025-03-04T09:30:00+01:00',
    reading_minutes: 2,
    lang: 'en',
    dir: 'ltr',
    content_html: [
      para('The council met on <strong>Tuesday</strong> and <b>approved</b> the plan, <em>the mayor said</em>, <i>with</i> <a href="https://example.com/">a link</a>.'),
      '<h2>A second heading</h2><h3>A third one</h3>',
      para('« Nous avançons », a déclaré la maire — 450 000 euros d’ici 2027, soit 12,4 % de plus.'),
      '<blockquote><p>A quoted passage, set apart.</p></blockquote><ul><li>A list item</li></ul>',
      '<figure><figcaption>A caption</figcaption></figure>',
      para('Some <code>code</code>, <small>small print</small> and <sup>1</sup>.'),
    ].join(''),
  },
  verdict: { is_article: true },
  claims: [],
  figures: [],
  dates: [],
  consistency: [],
});

/**
 * Lays the sample out in `reader`, hidden, then removes it; not once an article is shown.
 * Cheap in a process whose fonts are found (a few ms), so done whenever the view is not here yet.
 */
export function primeLayout(reader) {
  if (reader.body.querySelector('.al-layout')) return false;
  const main = h('main', { class: 'al-main' }, reader.renderArticle(SAMPLE.article));
  const sample = h('div', { class: 'al-layout al-priming', 'aria-hidden': 'true', inert: '' }, main, reader.renderPanel(SAMPLE, { pending: true }));
  reader.body.append(sample);
  void sample.offsetHeight;
  sample.remove();
  return true;
}
