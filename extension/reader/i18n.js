// UI text for the reader: chrome.i18n in the extension; elsewhere (www/, tests) the same
// _locales/<lang>/messages.json files, with the same placeholder rules.
export const LANGUAGES = ['en', 'fr'];

/** A translator over a parsed messages.json: t('key', 'first $1', …). Unknown keys fall back to the key. */
export function translatorFromMessages(messages) {
  return (key, ...subs) => {
    const entry = messages?.[key];
    if (!entry) return key;
    const placeholders = entry.placeholders ?? {};
    const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name) =>
      placeholders[name.toLowerCase()]?.content ?? whole);
    return named.replace(/\$(\$|\d)/g, (whole, n) => (n === '$' ? '$' : String(subs[Number(n) - 1] ?? '')));
  };
}

/** The browser's translator, with the key as a last resort. */
export function extensionTranslator(api) {
  return (key, ...subs) => api.i18n.getMessage(key, subs.map(String)) || key;
}

/** The first of the user's languages that we have messages for. */
export function pickLanguage(preferred = globalThis.navigator?.languages ?? []) {
  for (const tag of preferred) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

/** Loads _locales/<lang>/messages.json relative to `base` and returns {lang, t}. */
export async function loadTranslator(base, lang = pickLanguage()) {
  const response = await fetch(new URL(`_locales/${lang}/messages.json`, base));
  if (!response.ok) throw new Error(`messages for ${lang} could not be loaded (${response.status})`);
  return { lang, t: translatorFromMessages(await response.json()) };
}
