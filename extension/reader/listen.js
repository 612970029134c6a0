// Listen: reads the shown article aloud with the browser's own speech synthesis (Web Speech
// API), one sentence per utterance, and highlights the sentence being read (CSS Custom
// Highlight API; a class on its paragraph where the API is missing). Only voices the browser
// marks as local (localService) are used, so no text leaves the machine.

export const RATES = [0.75, 1, 1.25, 1.5, 2];
// The blocks read one after another ("paragraphs"); a block inside another is read as part of it.
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, pre, dt, dd, th, td';
const HIGHLIGHT = 'article-lens-speaking';

/** The primary language subtag, lower case: "fr-FR" → "fr". */
const primary = (tag) => String(tag ?? '').toLowerCase().split(/[-_]/)[0];

/**
 * The voice for a language among `voices`: local ones only; an exact tag first, then the same
 * language, the browser's default among them first. Null when there is none.
 */
export function pickVoice(voices, lang) {
  const want = String(lang ?? '').toLowerCase().replace('_', '-');
  const local = voices.filter((v) => v.localService && primary(v.lang) === primary(want));
  const score = (v) => (v.lang.toLowerCase().replace('_', '-') === want ? 2 : 0) + (v.default ? 1 : 0);
  return local.sort((a, b) => score(b) - score(a))[0] ?? null;
}

/** Sentence ranges [start, end) of `text` (Intl.Segmenter; one range for the whole text without it). */
export function sentences(text, lang) {
  const out = [];
  if (typeof Intl.Segmenter === 'function') {
    let segmenter;
    try {
      segmenter = new Intl.Segmenter(lang || undefined, { granularity: 'sentence' });
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    for (const { index, segment } of segmenter.segment(text)) {
      const lead = segment.length - segment.trimStart().length;
      const trimmed = segment.trim();
      if (trimmed) out.push([index + lead, index + lead + trimmed.length]);
    }
  } else if (text.trim()) {
    const lead = text.length - text.trimStart().length;
    out.push([lead, lead + text.trim().length]);
  }
  return out;
}

// Elements that start a new line of their own: text on either side of one is read apart.
const BOUNDARIES = `${BLOCKS}, div, section, article, aside, header, footer, figure, ul, ol, dl, table, tr, hr, br, details, summary`;
const skipped = (node) => node.parentElement?.closest('.al-embed, [hidden], [aria-hidden="true"]');

/** The text of some text nodes, and where each starts in it. */
function joined(textNodes) {
  const nodes = [];
  let text = '';
  for (const node of textNodes) {
    nodes.push({ node, start: text.length });
    text += node.data;
  }
  return { text, nodes };
}

/**
 * What is read, in order: the title, then each block of the article (a paragraph, heading, list
 * item… the innermost one), and the text between blocks (a loose line such as a date) as blocks
 * of their own. Each: {block (the element its bar marks, or null), text, nodes}.
 */
export function readingBlocks(article) {
  const units = [];
  const title = article.querySelector('.al-title');
  if (title) units.push({ block: title, ...joined(textNodesOf(title)) });
  const content = article.querySelector('.al-content');
  if (!content) return units;
  const isLeaf = (el) => el.matches(BLOCKS) && !el.querySelector(BLOCKS);
  let loose = [];
  let looseParent = null;
  const flush = () => {
    if (loose.some((n) => n.data.trim())) {
      // The loose text's own element gets the bar when nothing else is in it.
      const own = looseParent !== content && !looseParent.querySelector(BLOCKS) ? looseParent : null;
      units.push({ block: own, ...joined(loose) });
    }
    loose = [];
    looseParent = null;
  };
  // `container`: the nearest element that starts a line of its own (inline ones do not split a run).
  const walk = (el, container) => {
    for (const child of el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (skipped(child)) continue;
        looseParent = container;
        loose.push(child);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (isLeaf(child)) {
          flush();
          units.push({ block: child, ...joined(textNodesOf(child)) });
        } else if (child.matches(BOUNDARIES)) {
          flush();
          walk(child, child);
          flush();
        } else {
          walk(child, container);
        }
      }
    }
  };
  walk(content, content);
  flush();
  return units;
}

function textNodesOf(el) {
  const out = [];
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!skipped(node)) out.push(node);
  return out;
}

/** A DOM Range over [start, end) of a block's text. */
function rangeOf(doc, { nodes }, start, end) {
  const at = (offset, isEnd) => {
    for (let i = nodes.length - 1; i >= 0; i--) {
      const { node, start: from } = nodes[i];
      if (offset > from || (offset === from && !isEnd) || i === 0) return [node, Math.max(0, Math.min(node.data.length, offset - from))];
    }
    return null;
  };
  const [startNode, startOffset] = at(start, false);
  const [endNode, endOffset] = at(end, true);
  const range = doc.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

export class Listener {
  /**
   * @param {object} options
   *   root          the reader's root element (the article is read from its .al-content)
   *   onChange(s)   called with the state {playing, block, sentence, note} after each change
   *   rate          speaking rate (one of RATES)
   */
  constructor({ root, onChange, rate = 1 } = {}) {
    this.root = root;
    this.doc = root.ownerDocument;
    this.view = this.doc.defaultView;
    this.onChange = onChange;
    this.rate = RATES.includes(rate) ? rate : 1;
    this.playing = false;
    this.blocks = [];
    // A load put off until the text is painted (see load): what it keeps.
    this.unread = null;
    this.block = 0;
    this.sentence = 0;
    this.resumeAt = 0;
    this.generation = 0;
    this.note = '';
    // Nothing goes on speaking once the reader is gone.
    this.view.addEventListener('pagehide', () => this.stop());
  }

  /** The window's speech synthesis, looked up each time (a page may provide its own). */
  get speech() {
    return this.view.speechSynthesis ?? null;
  }

  get supported() {
    return Boolean(this.speech && this.view.SpeechSynthesisUtterance);
  }

  /** Reads the shown article's blocks again (after it was rendered or re-rendered); with `keep`,
   * goes on from the same block and sentence (the same text, rendered again). With `soon`, and
   * unless it was speaking, the blocks are read once the text is painted (splitting the sentences
   * costs more than the rest of a render in a new process), or at once when anything needs them. */
  load({ keep = false, soon = false } = {}) {
    const was = keep ? { playing: this.playing, block: this.block, sentence: this.sentence } : null;
    this.unread = null;
    this.stop();
    if (soon && !was?.playing) {
      const unread = { was };
      this.unread = unread;
      this.view.requestAnimationFrame(() => this.view.setTimeout(() => {
        if (this.unread === unread) this.read(was);
      }));
      return;
    }
    this.read(was);
  }

  /** The article's blocks and their sentences (read now if a load was put off). */
  get items() {
    if (this.unread) this.read(this.unread.was);
    return this.blocks;
  }

  read(was) {
    this.unread = null;
    const article = this.root.querySelector('.al-article');
    this.lang = article?.lang || this.doc.documentElement.lang || '';
    this.blocks = (article ? readingBlocks(article) : [])
      .map((unit) => ({ ...unit, sentences: sentences(unit.text, this.lang) }))
      .filter((item) => item.sentences.length);
    if (was && this.blocks[was.block]?.sentences[was.sentence]) {
      this.block = was.block;
      this.sentence = was.sentence;
      if (was.playing) {
        this.playing = true;
        this.speakCurrent();
        return;
      }
    }
    this.changed();
  }

  /** The local voice for the article's language; waits briefly for the browser's voice list. */
  async voice() {
    let voices = this.speech.getVoices();
    if (!voices.length) {
      voices = await new Promise((resolve) => {
        const done = () => resolve(this.speech.getVoices());
        this.speech.addEventListener?.('voiceschanged', done, { once: true });
        this.view.setTimeout(done, 1500);
      });
    }
    return pickVoice(voices, this.lang || 'en');
  }

  async play() {
    if (!this.supported || !this.items.length) return false;
    const voice = await this.voice();
    if (!voice) {
      this.note = 'no-voice';
      this.changed();
      return false;
    }
    this.voiceChoice = voice;
    this.note = '';
    this.playing = true;
    this.speakCurrent();
    return true;
  }

  /** Pauses: the speech stops; play() resumes at the last word spoken. */
  pause() {
    if (!this.playing) return;
    this.playing = false;
    this.generation++;
    this.speech.cancel();
    this.changed();
  }

  toggle() {
    return this.playing ? (this.pause(), false) : this.play();
  }

  /** Stops and forgets the place (back to the start), removing the highlight. */
  stop() {
    if (this.playing) {
      this.generation++;
      this.speech.cancel();
    }
    this.finish();
  }

  /** Moves by whole blocks (+1 next paragraph, −1 previous); keeps playing if it was. */
  skip(step) {
    if (!this.items.length) return;
    // "Previous" in the middle of a block goes back to its start first, like a music player.
    const target = step < 0 && (this.sentence > 0 || this.resumeAt > 0) ? this.block : this.block + step;
    this.goTo(Math.max(0, Math.min(this.items.length - 1, target)), 0);
  }

  /** Reads from the sentence that holds `node` (a highlight of the article, say). */
  startFrom(node) {
    const holds = (n) => node.contains(n.node);
    const index = this.items.findIndex((item) => item.nodes.some(holds));
    if (index < 0) return false;
    const item = this.items[index];
    const first = item.nodes.find(holds);
    const offset = first ? first.start : 0;
    const sentence = Math.max(0, item.sentences.findIndex(([, end]) => end > offset));
    this.goTo(index, sentence);
    if (!this.playing) this.play();
    return true;
  }

  goTo(block, sentence) {
    this.block = block;
    this.sentence = sentence;
    this.resumeAt = 0;
    if (this.playing) {
      this.generation++;
      this.speech.cancel();
      this.speakCurrent();
    } else {
      this.highlight();
      this.changed();
    }
  }

  setRate(rate) {
    if (!RATES.includes(rate)) return;
    this.rate = rate;
    // The new rate applies from the word being read.
    if (this.playing) {
      this.generation++;
      this.speech.cancel();
      this.speakCurrent();
    }
    this.changed();
  }

  /** Speaks the current sentence (from resumeAt); its end moves on to the next one. */
  speakCurrent() {
    const item = this.items[this.block];
    if (!item) {
      this.finish();
      return;
    }
    const [start, end] = item.sentences[this.sentence];
    const from = Math.min(end, start + this.resumeAt);
    const utterance = new this.view.SpeechSynthesisUtterance(item.text.slice(from, end));
    utterance.voice = this.voiceChoice;
    utterance.lang = this.voiceChoice?.lang || this.lang;
    utterance.rate = this.rate;
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    utterance.addEventListener('start', () => {
      if (!current()) return;
      this.highlight();
      this.changed();
    });
    utterance.addEventListener('boundary', (event) => {
      if (current() && event.name !== 'sentence') this.resumeAt = from - start + (event.charIndex ?? 0);
    });
    utterance.addEventListener('end', () => {
      if (!current()) return;
      this.resumeAt = 0;
      if (this.sentence + 1 < item.sentences.length) this.sentence++;
      else {
        this.block++;
        this.sentence = 0;
      }
      this.speakCurrent();
    });
    utterance.addEventListener('error', (event) => {
      if (!current() || event.error === 'interrupted' || event.error === 'canceled') return;
      this.playing = false;
      this.note = 'error';
      this.changed();
    });
    this.speech.speak(utterance);
    this.changed();
  }

  /** After the last sentence (or on stop): back to the start, not playing, no highlight. */
  finish() {
    this.playing = false;
    this.block = 0;
    this.sentence = 0;
    this.resumeAt = 0;
    this.clearHighlight();
    this.changed();
  }

  /** Highlights the current sentence and keeps it in view. */
  highlight() {
    this.clearHighlight();
    const item = this.items[this.block];
    if (!item) return;
    const [start, end] = item.sentences[this.sentence];
    const range = rangeOf(this.doc, item, start, end);
    const registry = this.view.CSS?.highlights;
    if (registry && this.view.Highlight) registry.set(HIGHLIGHT, new this.view.Highlight(range));
    item.block?.classList.add('al-speaking');
    this.range = range;
    const rect = range.getBoundingClientRect();
    const top = this.root.querySelector('.al-top')?.getBoundingClientRect().bottom ?? 0;
    if (rect.top < top + 8 || rect.bottom > this.view.innerHeight - 8) {
      const reduced = this.view.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      this.view.scrollBy({ top: rect.top - this.view.innerHeight / 3, behavior: reduced ? 'auto' : 'smooth' });
    }
  }

  clearHighlight() {
    this.view.CSS?.highlights?.delete(HIGHLIGHT);
    for (const el of this.root.querySelectorAll('.al-speaking')) el.classList.remove('al-speaking');
    this.range = null;
  }

  /** What is being read: the sentence's text, for the status line and tests. */
  get currentText() {
    const item = this.items[this.block];
    if (!item?.sentences[this.sentence]) return '';
    const [start, end] = item.sentences[this.sentence];
    return item.text.slice(start, end);
  }

  changed() {
    this.onChange?.({ playing: this.playing, block: this.block, blocks: this.items.length, sentence: this.sentence, note: this.note });
  }
}
