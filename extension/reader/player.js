// Listen's controls in the reader: the bar under the toolbar (play/pause, previous and next
// paragraph, speed), its keys and the "listen from here" buttons of the panel. Mixed into
// Reader (reader.js); the speech itself is listen.js.
import { h } from './dom.js';
import { RATES } from './listen.js';

export const playerMethods = {
  /**
   * Listen from the keyboard (outside text fields, without Ctrl, Alt or Meta): L plays or pauses
   * (on a panel entry: reads from its place), ] and [ go to the next and previous paragraph,
   * + and − change the speed.
   */
  listenKey(event) {
    if (event.ctrlKey || event.altKey || event.metaKey || !this.analysis || this.panelMode) return;
    if (event.target.closest?.('input, textarea, select, [contenteditable]')) return;
    const entry = event.target.closest?.('.al-panel li, .al-panel tr');
    const actions = {
      l: () => (entry?.querySelector('[data-listen-from]') ? this.listenFrom(entry.querySelector('[data-listen-from]').dataset.listenFrom) : this.toggleListen()),
      ']': () => this.listenSkip(1),
      '[': () => this.listenSkip(-1),
      '+': () => this.listenRate(1),
      '=': () => this.listenRate(1),
      '-': () => this.listenRate(-1),
    };
    const action = actions[event.key.toLowerCase()];
    if (!action) return;
    event.preventDefault();
    action();
  },

  /** The Listen bar: play/pause, previous and next paragraph, speed, and a note. */
  playerBar() {
    const t = this.t;
    const button = (action, label, keys, glyph, onclick) => h('button', {
      type: 'button', class: 'al-tool', 'data-action': action, 'aria-label': label, title: `${label} (${keys})`, 'aria-keyshortcuts': keys, onclick,
    }, h('span', { 'aria-hidden': 'true' }, glyph));
    const prev = button('listen-prev', t('listen_previous'), '[', '◀◀', () => this.listenSkip(-1));
    const play = h('button', { type: 'button', class: 'al-tool al-play', 'data-action': 'listen-play', 'aria-keyshortcuts': 'L', title: `${t('listen_play')} (L)`, onclick: () => this.toggleListen() }, t('listen_play'));
    const next = button('listen-next', t('listen_next'), ']', '▶▶', () => this.listenSkip(1));
    const rate = h('select', { id: 'al-rate', class: 'al-tool', 'data-setting': 'rate', 'aria-keyshortcuts': '- +', title: `${t('listen_speed')} (− +)`, onchange: (e) => this.listenRate(0, Number(e.target.value)) },
      RATES.map((r) => h('option', { value: String(r) }, `${r.toLocaleString(this.locale)}×`)));
    rate.value = String(this.settings.rate);
    const note = h('span', { class: 'al-player-note', 'aria-live': 'polite' });
    const stop = button('listen-stop', t('listen_stop'), 'Escape', '✕', () => this.closePlayer());
    this.player = { play, prev, next, rate, note };
    this.playerBox = h('div', { class: 'al-player', id: 'al-player', role: 'group', 'aria-label': t('listen'), hidden: true },
      prev, play, next, h('label', { for: 'al-rate', class: 'al-player-label' }, t('listen_speed')), rate, note, stop);
    return this.playerBox;
  },

  /** Opens the Listen bar. */
  openPlayer() {
    this.playerOpen = true;
    this.playerBox.hidden = false;
    this.controls.listen.setAttribute('aria-expanded', 'true');
  },

  closePlayer() {
    this.listener.stop();
    this.playerOpen = false;
    this.playerBox.hidden = true;
    this.controls.listen.setAttribute('aria-expanded', 'false');
    this.controls.listen.focus();
  },

  async toggleListen() {
    this.openPlayer();
    if (!this.listener.supported) {
      this.player.note.textContent = this.t('listen_unsupported');
      return;
    }
    await this.listener.toggle();
  },

  listenSkip(step) {
    this.openPlayer();
    this.listener.skip(step);
  },

  /** Speed one step up or down (step ±1), or to `rate`. */
  listenRate(step, rate) {
    const at = RATES.indexOf(this.listener.rate);
    const next = rate ?? RATES[Math.max(0, Math.min(RATES.length - 1, at + step))];
    this.listener.setRate(next);
    this.player.rate.value = String(next);
    if (next !== this.settings.rate) this.updateSetting('rate', next);
  },

  /** Reads aloud from the first highlight of a panel entry (id such as "claim-2"). */
  listenFrom(id) {
    const mark = this.body.querySelector(`.al-content mark[data-id="${CSS.escape(id)}"]`);
    if (!mark) return;
    this.openPlayer();
    if (!this.listener.supported) {
      this.player.note.textContent = this.t('listen_unsupported');
      return;
    }
    this.listener.startFrom(mark);
  },

  /** Reflects the Listen state in its bar. */
  updatePlayer({ playing, block, blocks, note }) {
    if (!this.player) return;
    const t = this.t;
    const { play, note: noteEl } = this.player;
    play.textContent = playing ? t('listen_pause') : t('listen_play');
    play.title = `${playing ? t('listen_pause') : t('listen_play')} (L)`;
    play.setAttribute('aria-pressed', String(playing));
    this.root.dataset.listening = playing ? 'playing' : 'paused';
    if (note === 'no-voice') noteEl.textContent = t('listen_no_voice', this.languageName(this.listener.lang || ''));
    else if (note === 'error') noteEl.textContent = t('listen_error');
    else noteEl.textContent = blocks ? t('listen_position', block + 1, blocks) : '';
  },

  /** A language's name in the UI's language ("French" for fr); an odd tag as is. */
  languageName(lang) {
    try {
      return new Intl.DisplayNames([this.locale || 'en'], { type: 'language' }).of(lang) || lang;
    } catch {
      return lang;
    }
  },

  /** A small "listen from here" button beside a panel entry. */
  listenFromButton(id) {
    const label = this.t('listen_from_here');
    return h('button', { type: 'button', class: 'al-listen-from', 'data-listen-from': id, 'aria-label': label, title: `${label} (L)`, onclick: () => this.listenFrom(id) });
  }
};
