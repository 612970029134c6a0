// DOM helpers shared by the reader's modules.

/** Creates an element: h('p', {class: 'x'}, 'text', child…). Strings become text nodes. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export function flash(elements) {
  for (const el of elements) {
    el.classList.remove('al-flash');
    // Restart the animation on a second click.
    void el.offsetWidth;
    el.classList.add('al-flash');
    setTimeout(() => el.classList.remove('al-flash'), 1800);
  }
}
