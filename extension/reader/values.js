// How the reader shows and orders what the core found: dates in the reader's locale, dates in
// time order, figures by size.

/**
 * "2025-02-18T17:22:00+01:00" → "18 February 2025, 17:22" in the reader's locale, keeping the
 * wall-clock time the article gives (not converted to the reader's time zone).
 */
export function formatDate(iso, locale) {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2}))?/.exec(iso ?? '');
  if (!m) return iso ?? '';
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, m[3] ? +m[3] : 1, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0));
  if (Number.isNaN(date.getTime())) return iso;
  const options = { timeZone: 'UTC', year: 'numeric', month: 'long' };
  if (m[3]) options.day = 'numeric';
  if (m[4]) Object.assign(options, { hour: '2-digit', minute: '2-digit' });
  try {
    return dateFormat(locale, options).format(date);
  } catch {
    return iso;
  }
}

// Formatters made once per locale and shape (making one costs far more than using it; a page
// can list a thousand dates).
const dateFormats = new Map();
function dateFormat(locale, options) {
  const key = `${locale ?? ''}|${Object.keys(options).join()}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

/** Sort key of a date mention: its first instant, or its value, as comparable ISO text. */
function chronologicalKey(d) {
  const key = d.start ?? d.value ?? '';
  return /^\d{4}/.test(key) ? key : null;
}

/** Dates in chronological order; those that cannot be placed (times, durations) keep text order after them. */
export function sortDates(dates) {
  const placed = [];
  const rest = [];
  dates.forEach((d, index) => {
    const key = chronologicalKey(d);
    (key ? placed : rest).push({ d, index, key });
  });
  placed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));
  return [...placed, ...rest];
}

/** A number to sort a figure by: its value, else the middle of its range, else its bound. */
export function figureMagnitude(f) {
  if (Number.isFinite(f.value)) return f.value;
  if (Number.isFinite(f.min) && Number.isFinite(f.max)) return (f.min + f.max) / 2;
  if (Number.isFinite(f.max)) return f.max;
  if (Number.isFinite(f.min)) return f.min;
  return null;
}

/** Figures (with their index in text order) sorted by 'order', 'value' (ascending, unknown last) or 'kind'. */
export function sortFigures(figures, by = 'order') {
  const rows = figures.map((f, index) => ({ f, index, magnitude: figureMagnitude(f) }));
  if (by === 'value') {
    rows.sort((a, b) => (a.magnitude === null) - (b.magnitude === null) || (a.magnitude ?? 0) - (b.magnitude ?? 0) || a.index - b.index);
  } else if (by === 'kind') {
    rows.sort((a, b) => String(a.f.kind).localeCompare(String(b.f.kind)) || a.index - b.index);
  }
  return rows;
}
