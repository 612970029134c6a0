// A block of very long text (a 5 MB single-paragraph article) is laid out as one box: Chromium
// took about 2.6 s for the layout alone before the reading view could show. Such a block's
// children are grouped into chunks of about CHUNK characters (long text split at a space after a
// sentence end when there is one), each a block with `content-visibility: auto` (reader.css), so
// only the chunks on screen are laid out. The text, its order and its marks are unchanged; each
// chunk starts on a new line. Blocks under 2 × CHUNK characters are left as they are.
export const CHUNK = 10000;

const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DFN', 'EM', 'I', 'KBD', 'MARK', 'Q', 'S',
  'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR']);

/** Where to cut text of which `want` characters fit: after a sentence end, else a space, else at `want`. */
function cutAt(text, want) {
  const window = text.slice(Math.max(0, want - 2000), want);
  const base = want - window.length;
  const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
  if (sentence >= 0) return base + sentence + 2;
  const space = window.lastIndexOf(' ');
  return space > 0 ? base + space + 1 : want;
}

/** Groups the children of `block` into chunks of about CHUNK characters. */
function chunkBlock(block) {
  const doc = block.ownerDocument;
  const chunks = [];
  let chunk = null;
  let size = 0;
  const open = () => {
    chunk = doc.createElement('span');
    chunk.className = 'al-chunk';
    chunks.push(chunk);
    size = 0;
  };
  open();
  for (const child of [...block.childNodes]) {
    if (child.nodeType !== Node.TEXT_NODE) {
      chunk.append(child);
      size += child.textContent.length;
      if (size >= CHUNK) open();
      continue;
    }
    let text = child.data;
    while (size + text.length > CHUNK) {
      const cut = cutAt(text, CHUNK - size);
      if (cut > 0) chunk.append(text.slice(0, cut));
      text = text.slice(cut);
      open();
    }
    if (text) {
      chunk.append(text);
      size += text.length;
    }
  }
  block.replaceChildren(...chunks.filter((c) => c.firstChild));
}

/** Chunks every block of `root` holding more than 2 × CHUNK characters of its own (inline elements included). */
export function chunkLongBlocks(root) {
  const sizes = new Map();
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let host = node.parentElement;
    while (host && host !== root && INLINE.has(host.tagName)) host = host.parentElement;
    if (host) sizes.set(host, (sizes.get(host) ?? 0) + node.data.length);
  }
  for (const [block, size] of sizes) if (size > 2 * CHUNK && !['PRE', 'TEXTAREA'].includes(block.tagName)) chunkBlock(block);
}

// A page of very many elements (200,000 tiny ones: Chromium took about 2 s to lay them out before
// the reading view could show): past LAZY_ELEMENTS, each block gets `content-visibility: auto`
// too (.al-lazy in reader.css), so blocks off screen are not laid out. Articles have far fewer.
export const LAZY_ELEMENTS = 10000;
const LAZY_BLOCKS = 'p, blockquote, pre, table, figure, ul, ol, dl, h1, h2, h3, h4, h5, h6';

/** Marks the blocks of `root` as laid out only on screen when it holds more than LAZY_ELEMENTS elements. */
export function lazyBlocks(root) {
  if (root.getElementsByTagName('*').length <= LAZY_ELEMENTS) return;
  for (const block of root.querySelectorAll(LAZY_BLOCKS)) block.classList.add('al-lazy');
}
