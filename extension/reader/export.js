// "Export": the fact-check worksheet (Markdown or JSON, made by the core's `worksheet`) saved as a
// file. A Blob URL on an <a download>: no download permission is needed, from a web page or an
// extension page alike.

export const FORMATS = { markdown: { ext: 'md', type: 'text/markdown;charset=utf-8' }, json: { ext: 'json', type: 'application/json;charset=utf-8' } };

/** "Meta to spend up to $65 billion" → "meta-to-spend-up-to-65-billion.worksheet.md". */
export function worksheetFilename(title, format) {
  const slug = String(title ?? '')
    .normalize('NFKD').replace(/\p{M}+/gu, '')
    .toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')
    .slice(0, 80).replace(/-+$/, '');
  return `${slug || 'article'}.worksheet.${FORMATS[format].ext}`;
}

/** Offers `text` as a file download; returns the link used ({href, download}). */
export function saveText(doc, text, filename, type) {
  const view = doc.defaultView;
  const href = view.URL.createObjectURL(new view.Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = href;
  a.download = filename;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // Long enough for the browser to read it; the page may also read it back meanwhile.
  view.setTimeout(() => view.URL.revokeObjectURL(href), 60000);
  return { href, download: filename };
}
