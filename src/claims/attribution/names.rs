//! Words, quotes and names of a sentence, and the people an article names.

use super::super::lang::{Cues, Frames, Gender, cues, frames};
use crate::hash::{FastMap, FastSet};
use crate::lang::Lang;
use std::borrow::Cow;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// A word of the text with its byte span.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub raw: &'a str,
    /// Lowercase, typographic apostrophes folded (borrowed when the word already is).
    pub lower: Cow<'a, str>,
}

/// Words of `text[range]` with absolute byte spans; French elisions are split off
/// ("l'Insee" → "l'", "Insee").
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let Some(slice) = text.get(range.clone()) else { return Vec::new() };
    let mut out = Vec::new();
    for (i, w) in slice.unicode_word_indices() {
        let start = range.start + i;
        let apostrophe = w.char_indices().find(|&(_, c)| c == '\'' || c == '’');
        if let Some((j, c)) = apostrophe {
            let prefix = w[..j].to_lowercase();
            let cut = j + c.len_utf8();
            let elision = matches!(
                prefix.as_str(),
                "l" | "d" | "n" | "j" | "qu" | "c" | "s" | "m" | "t" | "jusqu" | "lorsqu" | "puisqu"
            );
            if elision && cut < w.len() {
                out.push(Token { start, end: start + cut, raw: &w[..cut], lower: Cow::Owned(format!("{prefix}'")) });
                out.push(Token {
                    start: start + cut,
                    end: start + w.len(),
                    raw: &w[cut..],
                    lower: lowercase_of(&w[cut..]),
                });
                continue;
            }
        }
        out.push(Token { start, end: start + w.len(), raw: w, lower: lowercase_of(w) });
    }
    out
}

/// [`lowercase`], borrowing `w` when it is lowercase ASCII already (most words).
fn lowercase_of(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) { Cow::Borrowed(w) } else { Cow::Owned(lowercase(w)) }
}

/// Lowercase, with typographic apostrophes folded to `'`.
pub(super) fn lowercase(w: &str) -> String {
    let lower = if w.is_ascii() { w.to_ascii_lowercase() } else { w.to_lowercase() };
    if lower.contains('’') { lower.replace('’', "'") } else { lower }
}

/// The lowercase words of a table phrase, split as [`tokens`] splits text.
pub(super) fn phrase_words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in phrase.split_whitespace() {
        if piece.ends_with(['\'', '’']) {
            // An elided word on its own ("s'", "n'").
            out.push(lowercase(piece));
        } else {
            out.extend(tokens(piece, 0..piece.len()).into_iter().map(|t| t.lower.into_owned()));
        }
    }
    out
}

/// The mark that closes a quote opened by `c`.
pub(super) fn closing_mark(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '“' => Some('”'),
        '«' => Some('»'),
        '„' => Some('“'),
        _ => None,
    }
}

/// Byte ranges of the direct quotes in `text[range]`, quote marks included, given the quote
/// still open when the sentence begins (its closing mark); and the quote open at its end. A
/// closing mark with no opening one closes a quote begun earlier; an unclosed one runs to the end.
pub fn scan_quotes(text: &str, range: Range<usize>, open_at_start: Option<char>) -> (Vec<Range<usize>>, Option<char>) {
    let Some(slice) = text.get(range.clone()) else { return (Vec::new(), None) };
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = open_at_start.map(|c| (range.start, c));
    for (i, c) in slice.char_indices() {
        let at = range.start + i;
        match open {
            None => match c {
                '”' | '»' if out.is_empty() => out.push(range.start..at + c.len_utf8()),
                _ => open = closing_mark(c).map(|close| (at, close)),
            },
            Some((from, close)) => {
                if c == close || (close == '”' && c == '"') || (close == '"' && c == '”') {
                    out.push(from..at + c.len_utf8());
                    open = None;
                }
            }
        }
    }
    let still_open = open.map(|(from, close)| {
        out.push(from..range.end);
        close
    });
    (out, still_open)
}

/// Byte ranges of the direct quotes in `text[range]`, quote marks included.
pub fn quotes(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    scan_quotes(text, range, None).0
}

/// Whether `word` (lowercase) is in the list `pick` gives of either language's frames: names
/// cross languages ("Ursula von der Leyen" in a French text, "Bruno Le Maire" in an English one).
pub(super) fn in_either(pick: fn(&Frames) -> &'static [&'static str], word: &str) -> bool {
    in_list(pick(frames(Lang::En)), word) || in_list(pick(frames(Lang::Fr)), word)
}

/// A run of capitalized words: a candidate name (token indices `first..=last`).
#[derive(Debug, Clone)]
pub(super) struct Name {
    /// First word of the run, role words included.
    pub start: usize,
    pub first: usize,
    pub last: usize,
    pub text: String,
    pub words: usize,
    pub titled: bool,
    pub acronym: bool,
    /// "McKinnon's": the name owns what follows.
    pub possessive: bool,
}

fn is_capitalized(t: &Token) -> bool {
    t.raw.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(t: &Token) -> bool {
    t.raw.chars().count() > 1 && t.raw.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.')
}

/// Whether `word` is in a table's `list`: a scan for short lists, a hashed set (built once per
/// list and thread) for long ones. Not inlined: it is called from a few hundred places, and each
/// inlined copy of its set lookup grew the wasm module.
#[inline(never)]
pub(super) fn in_list(list: &'static [&'static str], word: &str) -> bool {
    if list.len() <= 16 {
        return list.contains(&word);
    }
    thread_local! {
        static SETS: std::cell::RefCell<FastMap<(usize, usize), crate::entities::WordSet>> = Default::default();
    }
    SETS.with(|sets| {
        let mut sets = sets.borrow_mut();
        let set = sets.entry((list.as_ptr() as usize, list.len())).or_insert_with(|| list.iter().copied().collect());
        set.contains(word)
    })
}

/// The word without a possessive ("Zuckerberg’s" → "Zuckerberg").
fn without_possessive(raw: &str) -> (&str, bool) {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = raw.strip_suffix(suffix) {
            return (stem, true);
        }
    }
    (raw, false)
}

pub(super) fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::Fr,
        Lang::Fr => Lang::En,
    }
}

/// The capitalized runs of `toks`, with the person's name cut out of a leading role
/// ("Foreign Minister Igor Ivanov" → "Igor Ivanov", titled).
pub(super) fn names(text: &str, toks: &[Token], lang: Lang) -> Vec<Name> {
    let (t, o): (&Cues, &Cues) = (cues(lang), cues(other(lang)));
    let f = frames(lang);
    let not_name = crate::claims::lang::is_not_name;
    let adjacent = |a: &Token, b: &Token| {
        text.get(a.end..b.start).is_some_and(|gap| {
            !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '.' || c == '-')
        })
    };
    let role = |k: usize| {
        let w = toks[k].lower.as_ref();
        in_list(t.titles, w) || in_list(o.titles, w) || in_list(f.roles, w)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let tok = &toks[i];
        let elision = tok.lower.ends_with('\'');
        // "Le Monde", "The Hamilton Spectator": an article inside a sentence starts a name.
        // Computed only for a capitalized word (most words are not).
        let article = || {
            i > 0
                && in_either(|f| f.definite_articles, &tok.lower)
                && toks.get(i + 1).is_some_and(|n| is_capitalized(n) && adjacent(tok, n) && !not_name(&n.lower))
        };
        if !is_capitalized(tok)
            || (not_name(&tok.lower) && !role(i) && !article())
            || in_list(f.quantifiers, &tok.lower)
            || tok.raw.chars().count() < 2
            || elision
        {
            i += 1;
            continue;
        }
        let (_, mut ends) = without_possessive(tok.raw);
        let mut acronym = is_acronym(tok);
        let mut j = i;
        while !ends && j + 1 < toks.len() && adjacent(&toks[j], &toks[j + 1]) {
            let next = &toks[j + 1];
            if is_capitalized(next) && (!not_name(&next.lower) || role(j + 1)) {
                j += 1;
            } else if let Some(n) = (1..=2).find(|&n| {
                (j + 1..=j + n).all(|m| {
                    in_either(|f| f.name_connectors, &toks[m].lower)
                        && m + 1 < toks.len()
                        && adjacent(&toks[m], &toks[m + 1])
                }) && toks.get(j + n + 1).is_some_and(|after| is_capitalized(after) && !not_name(&after.lower))
            }) {
                // "Charles de Gaulle", "Ursula von der Leyen"
                j += n + 1;
            } else {
                break;
            }
            acronym |= is_acronym(&toks[j]);
            ends = without_possessive(toks[j].raw).1;
        }
        // "Secretary of State Madeleine Albright" → "Madeleine Albright": the words after a
        // prefix of roles and offices with a role in it, unless they name an organisation.
        let office = |k: usize| in_list(f.offices, &toks[k].lower);
        let mut first = i;
        for (k, tok) in toks.iter().enumerate().take(j).skip(i) {
            let connector = in_either(|f| f.name_connectors, &tok.lower) && k > i && (role(k - 1) || office(k - 1));
            if role(k) || office(k) || connector {
                first = k + 1;
            }
        }
        let has_role = (i..first).any(role);
        let org_word = |k: usize| in_either(|f| f.org_words, &toks[k].lower) || is_acronym(&toks[k]);
        let after_connector = first > i && in_either(|f| f.name_connectors, &toks[first - 1].lower);
        // "President of France", "PDG de TotalEnergies": an office, not a person.
        let office_run = (after_connector && !(first..=j).any(|k| role(k) || office(k)))
            || (role(i) && (i..=j).any(|k| in_either(|f| f.name_connectors, &toks[k].lower)) && first == i);
        if !has_role || after_connector || (first..=j).any(org_word) {
            first = i;
        }
        acronym |= office_run;
        if first > i {
            acronym = false;
        }
        let titled = first > i || (i > 0 && role(i - 1));
        let span = text.get(toks[first].start..toks[j].end).unwrap_or("");
        let name = without_possessive(span).0.to_string();
        let words = name.split([' ', '-']).filter(|w| !w.is_empty()).count();
        if !(first == j && role(first)) {
            out.push(Name { start: i, first, last: j, text: name, words, titled, acronym, possessive: ends });
        }
        i = j + 1;
    }
    out
}

/// A name of an organisation or a place: a word of one, or English "of" inside ("Bureau of
/// Labor", "University of Oslo"), which no person's name has.
pub(super) fn is_org(name: &Name) -> bool {
    name.text.split([' ', '-']).any(|w| w == "of" || in_either(|f| f.org_words, &w.to_lowercase()))
}

pub(super) fn looks_like_person(name: &Name) -> bool {
    if name.acronym || name.text.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    !is_org(name) && (name.titled || (2..=4).contains(&name.words))
}

/// The gender the words just before a name tell ("Mrs.", "spokeswoman", "la ministre").
pub(super) fn gender_before(toks: &[Token], first: usize, f: &Frames) -> Option<Gender> {
    // "le ministre Paul Caron", "la maire Anne Vidal": the article of the role.
    if first >= 2 && in_list(f.roles, &toks[first - 1].lower) {
        if let Some(&(_, g)) = f.role_articles.iter().find(|(w, _)| *w == toks[first - 2].lower) {
            return Some(g);
        }
    }
    for k in (first.saturating_sub(4)..first).rev() {
        let w = toks[k].lower.as_ref();
        if in_list(f.female_words, w) {
            return Some(Gender::Female);
        }
        if in_list(f.male_words, w) {
            return Some(Gender::Male);
        }
    }
    None
}

/// The people named in a text, in order, for resolving names and pronouns.
#[derive(Debug, Default)]
pub struct People {
    /// (byte offset, full name) of each mention of a person, in text order.
    pub(super) mentions: Vec<(usize, String)>,
    full_names: Vec<String>,
    known_full_names: FastSet<String>,
    /// First and last word of each full name → index of the latest full name with it.
    by_first_word: FastMap<String, usize>,
    by_last_word: FastMap<String, usize>,
    /// Genders told by titles and role words.
    pub(super) genders: FastMap<String, Gender>,
}

impl People {
    /// Collects the person mentions of the sentences of `text` (each as its [`tokens`]); a
    /// name after a preposition of place ("in Fort Lauderdale") is a place.
    pub fn collect(text: &str, sentences: &[Vec<Token<'_>>], lang: Lang) -> People {
        let f = frames(lang);
        let mut people = People::default();
        for toks in sentences {
            for name in names(text, toks, lang) {
                let full = people.canonical(&name.text);
                let known = full != name.text || people.known_full_names.contains(&full);
                let place =
                    name.first > 0 && in_list(f.place_prepositions, &toks[name.first - 1].lower) && !name.titled;
                // "la Bourse du Travail", "the White House": a name right after an article is a
                // thing or a place, not a person (a role word between, "la Pr X", makes it titled).
                let after_article =
                    name.first > 0 && in_either(|f| f.articles, &toks[name.first - 1].lower) && !name.titled;
                if (place || after_article) && !known {
                    continue;
                }
                if looks_like_person(&name) || (known && !name.acronym) {
                    if name.words >= 2 && !people.known_full_names.contains(&full) {
                        people.add_full_name(full.clone());
                    }
                    if let Some(g) = gender_before(toks, name.first, f) {
                        people.genders.entry(full.clone()).or_insert(g);
                    }
                    people.mentions.push((toks[name.first].start, full));
                }
            }
        }
        crate::sort::sort_by_key(&mut people.mentions, |(pos, _)| *pos);
        people
    }

    fn add_full_name(&mut self, full: String) {
        let index = self.full_names.len();
        if let Some(first) = full.split(' ').next() {
            self.by_first_word.insert(first.to_string(), index);
        }
        if let Some(last) = full.rsplit(' ').next() {
            self.by_last_word.insert(last.to_string(), index);
        }
        self.known_full_names.insert(full.clone());
        self.full_names.push(full);
    }

    /// The full name of a person first named in full earlier ("Zuckerberg" → "Mark Zuckerberg").
    pub fn canonical(&self, name: &str) -> String {
        if !name.contains(' ') {
            let latest = self.by_last_word.get(name).max(self.by_first_word.get(name));
            if let Some(full) = latest.and_then(|&i| self.full_names.get(i)) {
                return full.clone();
            }
        }
        name.to_string()
    }

    /// Whether `name` (canonical) is a person named in the text.
    pub fn is_person(&self, name: &str) -> bool {
        self.known_full_names.contains(name)
    }

    /// The people mentioned in `range`, in order, with their offsets.
    pub(super) fn within(&self, range: Range<usize>) -> &[(usize, String)] {
        let from = self.mentions.partition_point(|(pos, _)| *pos < range.start);
        let to = self.mentions.partition_point(|(pos, _)| *pos < range.end);
        &self.mentions[from..to.max(from)]
    }
}
