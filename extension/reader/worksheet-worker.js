// Makes fact-check worksheets with the Article Lens core (WebAssembly), off the UI thread.
import init, { worksheet } from '../pkg/article_lens.js';

const ready = init();

self.onmessage = async (event) => {
  const { id, html, options, format } = event.data ?? {};
  try {
    await ready;
    self.postMessage({ id, sheet: worksheet(typeof html === 'string' ? html : '', options, String(format)) });
  } catch (error) {
    self.postMessage({ id, error: error?.message ?? String(error) });
  }
};
