//! Who makes a claim: direct quotes ("…", “…”, « … »), reported speech ("said", "according to",
//! "selon", "a déclaré"), the speaker's name, and he/she/il/elle resolved to the nearest
//! preceding person named in the text.

use super::features::words;
use super::lang::{Cues, cues};
use crate::lang::Lang;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

/// A word of the text with its byte span.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub raw: &'a str,
    pub lower: String,
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
                out.push(Token { start, end: start + cut, raw: &w[..cut], lower: format!("{prefix}'") });
                out.push(Token {
                    start: start + cut,
                    end: start + w.len(),
                    raw: &w[cut..],
                    lower: lowercase(&w[cut..]),
                });
                continue;
            }
        }
        out.push(Token { start, end: start + w.len(), raw: w, lower: lowercase(w) });
    }
    out
}

/// Lowercase, with typographic apostrophes folded to `'`.
fn lowercase(w: &str) -> String {
    let lower = if w.is_ascii() { w.to_ascii_lowercase() } else { w.to_lowercase() };
    if lower.contains('’') { lower.replace('’', "'") } else { lower }
}

/// Byte ranges of the direct quotes in `text[range]`, quote marks included. A closing mark with
/// no opening one closes a quote begun in an earlier sentence; an unclosed one runs to the end.
pub fn quotes(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let Some(slice) = text.get(range.clone()) else { return Vec::new() };
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in slice.char_indices() {
        let at = range.start + i;
        match open {
            None => match c {
                '"' => open = Some((at, '"')),
                '“' => open = Some((at, '”')),
                '«' => open = Some((at, '»')),
                '„' => open = Some((at, '“')),
                '”' | '»' if out.is_empty() => out.push(range.start..at + c.len_utf8()),
                _ => {}
            },
            Some((from, close)) => {
                if c == close || (close == '”' && c == '"') {
                    out.push(from..at + c.len_utf8());
                    open = None;
                }
            }
        }
    }
    if let Some((from, _)) = open {
        out.push(from..range.end);
    }
    out
}

/// Words of names of organisations and places, which make a capitalized sequence not a person.
const NOT_PERSON_WORDS: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "group",
    "company",
    "co",
    "ltd",
    "llc",
    "bank",
    "university",
    "ministry",
    "party",
    "times",
    "news",
    "post",
    "journal",
    "agency",
    "association",
    "council",
    "commission",
    "institute",
    "foundation",
    "fund",
    "house",
    "states",
    "united",
    "kingdom",
    "union",
    "nations",
    "republic",
    "court",
    "department",
    "office",
    "street",
    "city",
    "county",
    "airlines",
    "motors",
    "technologies",
    "labs",
    "capital",
    "partners",
    "holdings",
    "international",
    "national",
    "federal",
    "reserve",
    "senate",
    "congress",
    "parliament",
    "assembly",
    "police",
    "army",
    "force",
    "street",
    "valley",
    "east",
    "west",
    "north",
    "south",
    "new",
    "world",
    "daily",
    "ministère",
    "banque",
    "université",
    "assemblée",
    "nationale",
    "sénat",
    "conseil",
    "groupe",
    "société",
    "france",
    "européenne",
    "parti",
    "tribunal",
    "cour",
    "agence",
    "institut",
    "fondation",
    "ville",
    "région",
    "république",
    "monde",
    "nations",
    "unies",
    "etats",
    "états",
];

/// Lowercase words linking the parts of a name ("Charles de Gaulle", "Bruno Le Maire").
const CONNECTORS: &[&str] =
    &["de", "du", "des", "la", "le", "van", "von", "der", "den", "da", "di", "del", "bin", "al", "ben", "of"];

/// Words before an object, not a subject ("CEO of Meta said" → not Meta).
const PREPOSITIONS: &[&str] = &[
    "of", "at", "for", "from", "with", "in", "on", "by", "to", "about", "de", "du", "des", "chez", "à", "au", "aux",
    "d'", "pour", "avec", "sur", "par", "contre",
];

/// A run of capitalized words: a candidate name.
#[derive(Debug, Clone)]
struct Name {
    first: usize,
    last: usize,
    text: String,
    words: usize,
    titled: bool,
    acronym: bool,
}

fn is_capitalized(t: &Token) -> bool {
    t.raw.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(t: &Token) -> bool {
    t.raw.chars().count() > 1 && t.raw.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn in_list(list: &[&str], word: &str) -> bool {
    list.contains(&word)
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

fn names(text: &str, toks: &[Token], t: &Cues, o: &Cues) -> Vec<Name> {
    let not_name = |w: &str| in_list(t.not_names, w) || in_list(o.not_names, w);
    let adjacent = |a: &Token, b: &Token| {
        text.get(a.end..b.start).is_some_and(|gap| {
            !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '.' || c == '-')
        })
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let tok = &toks[i];
        let elision = tok.lower.ends_with('\'');
        if !is_capitalized(tok) || not_name(&tok.lower) || tok.raw.chars().count() < 2 || elision {
            i += 1;
            continue;
        }
        let (_, mut ends) = without_possessive(tok.raw);
        let mut acronym = is_acronym(tok);
        let mut j = i;
        while !ends && j + 1 < toks.len() && adjacent(&toks[j], &toks[j + 1]) {
            let next = &toks[j + 1];
            if is_capitalized(next) && !not_name(&next.lower) {
                j += 1;
            } else if in_list(CONNECTORS, &next.lower)
                && toks.get(j + 2).is_some_and(|n2| is_capitalized(n2) && adjacent(next, n2) && !not_name(&n2.lower))
            {
                j += 2;
            } else {
                break;
            }
            acronym |= is_acronym(&toks[j]);
            ends = without_possessive(toks[j].raw).1;
        }
        let is_title = |k: usize| in_list(t.titles, &toks[k].lower) || in_list(o.titles, &toks[k].lower);
        // "Mayor Anne Hidalgo" → "Anne Hidalgo", titled.
        let mut first = i;
        while first < j && is_title(first) {
            first += 1;
        }
        let titled = first > i || (i > 0 && is_title(i - 1));
        let span = text.get(toks[first].start..toks[j].end).unwrap_or("");
        let name = without_possessive(span).0.to_string();
        let words = name.split([' ', '-']).filter(|w| !w.is_empty()).count();
        out.push(Name { first, last: j, text: name, words, titled, acronym });
        i = j + 1;
    }
    out
}

fn looks_like_person(name: &Name) -> bool {
    if name.acronym || name.text.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let org = name.text.split(' ').any(|w| in_list(NOT_PERSON_WORDS, &w.to_lowercase()));
    !org && (name.titled || (2..=4).contains(&name.words))
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::Fr,
        Lang::Fr => Lang::En,
    }
}

/// The people named in a text, in order, for resolving pronouns.
#[derive(Debug, Default)]
pub struct People {
    /// (byte offset, full name) of each mention of a person, in text order.
    mentions: Vec<(usize, String)>,
    full_names: Vec<String>,
    known_full_names: HashSet<String>,
    /// Whether `mentions` is sorted by offset (it is when the ranges are in text order).
    sorted: bool,
    /// First and last word of each full name → index of the latest full name with it.
    by_first_word: HashMap<String, usize>,
    by_last_word: HashMap<String, usize>,
}

impl People {
    /// Collects the person mentions of the sentences `ranges` of `text`.
    pub fn collect(text: &str, ranges: &[Range<usize>], lang: Lang) -> People {
        let (t, o) = (cues(lang), cues(other(lang)));
        let mut people = People::default();
        for r in ranges {
            let toks = tokens(text, r.clone());
            let reporting = reporting_matches(&toks, lang, &[]);
            for name in names(text, &toks, t, o) {
                let full = people.canonical(&name.text);
                let known = full != name.text;
                let speaks = reporting.iter().any(|&(i, _, _)| name.last < i && i - name.last <= 2);
                let org = name.text.split(' ').any(|w| in_list(NOT_PERSON_WORDS, &w.to_lowercase()));
                if looks_like_person(&name) || known || (speaks && !org && !name.acronym && name.titled) {
                    if name.words >= 2 && !people.known_full_names.contains(&full) {
                        people.add_full_name(full.clone());
                    }
                    people.mentions.push((toks[name.first].start, full));
                }
            }
        }
        people.sorted = people.mentions.is_sorted_by_key(|(pos, _)| *pos);
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
            // The latest full name whose first or last word is `name`.
            let latest = self.by_last_word.get(name).max(self.by_first_word.get(name));
            if let Some(full) = latest.and_then(|&i| self.full_names.get(i)) {
                return full.clone();
            }
        }
        name.to_string()
    }

    /// The nearest person mentioned before byte offset `at`.
    pub fn before(&self, at: usize) -> Option<&str> {
        if !self.sorted {
            return self.mentions.iter().rev().find(|(pos, _)| *pos < at).map(|(_, n)| n.as_str());
        }
        let n = self.mentions.partition_point(|(pos, _)| *pos < at);
        n.checked_sub(1).and_then(|i| self.mentions.get(i)).map(|(_, name)| name.as_str())
    }
}

/// Who says a sentence, and how.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attribution {
    pub speaker: Option<String>,
    /// Direct quotes in the sentence (byte ranges, marks included).
    pub quotes: Vec<Range<usize>>,
    /// A reporting verb or phrase outside the quotes ("said", "selon").
    pub reported: bool,
}

/// A language's reporting cues as word sequences, by first word.
struct ReportingCues {
    by_first: HashMap<String, Vec<Vec<String>>>,
}

impl ReportingCues {
    fn of(lang: Lang) -> &'static ReportingCues {
        static EN: OnceLock<ReportingCues> = OnceLock::new();
        static FR: OnceLock<ReportingCues> = OnceLock::new();
        let build = |lang| {
            let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::new();
            for cue in cues(lang).reporting {
                let cue_words = words(cue);
                if let Some(first) = cue_words.first() {
                    by_first.entry(first.clone()).or_default().push(cue_words);
                }
            }
            ReportingCues { by_first }
        };
        match lang {
            Lang::En => EN.get_or_init(|| build(Lang::En)),
            Lang::Fr => FR.get_or_init(|| build(Lang::Fr)),
        }
    }
}

/// (token index, length in tokens, is "according to"-like) of each reporting cue outside quotes.
fn reporting_matches(toks: &[Token], lang: Lang, quotes: &[Range<usize>]) -> Vec<(usize, usize, bool)> {
    let inside = |tok: &Token| quotes.iter().any(|q| q.contains(&tok.start));
    let by_first = &ReportingCues::of(lang).by_first;
    let mut out = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        let Some(candidates) = by_first.get(tok.lower.as_str()) else { continue };
        for cue_words in candidates {
            let k = cue_words.len();
            let Some(window) = toks.get(i..i + k) else { continue };
            if window.iter().zip(cue_words).all(|(tok, w)| &tok.lower == w) && !window.iter().any(inside) {
                let leading = matches!(cue_words[0].as_str(), "according" | "selon" | "d'" | "d'après");
                out.push((i, k, leading));
            }
        }
    }
    out.sort_unstable();
    // A longer cue at the same place wins ("a déclaré" over "déclaré").
    out.dedup_by(|b, a| b.0 < a.0 + a.1 && b.0 >= a.0);
    out
}

/// Attributes the sentence `text[range]`. `previous` is the speaker of the sentence before in
/// the same passage, which a sentence made only of a quote continues.
pub fn attribute(text: &str, range: Range<usize>, lang: Lang, people: &People, previous: Option<&str>) -> Attribution {
    let (t, o) = (cues(lang), cues(other(lang)));
    let toks = tokens(text, range.clone());
    let quotes = quotes(text, range.clone());
    let inside = |tok: &Token| quotes.iter().any(|q| q.contains(&tok.start));
    let names: Vec<Name> = names(text, &toks, t, o).into_iter().filter(|n| !inside(&toks[n.first])).collect();
    let pronoun = |j: usize| {
        toks.get(j).filter(|tok| {
            !inside(tok) && (in_list(t.person_pronouns, &tok.lower) || in_list(o.person_pronouns, &tok.lower))
        })
    };
    let reporting = reporting_matches(&toks, lang, &quotes);
    let mut speaker = None;
    for &(i, k, leading) in &reporting {
        let after = i + k;
        let named_after =
            names.iter().find(|n| n.first >= after && n.first <= after + 4).map(|n| people.canonical(&n.text));
        if leading {
            let object_pronoun =
                toks.get(after).filter(|tok| ["lui", "elle", "him", "her", "eux"].contains(&tok.lower.as_str()));
            speaker = named_after.or_else(|| object_pronoun.and_then(|p| people.before(p.start)).map(str::to_string));
        } else {
            let before: Vec<&Name> = names
                .iter()
                .rev()
                .filter(|n| n.last < i && i - n.last <= 12)
                .filter(|n| n.first == 0 || !in_list(PREPOSITIONS, &toks[n.first - 1].lower) || n.titled)
                .collect();
            // "Christine Lagarde, president of the European Central Bank, warned": the subject is
            // the name before the appositive.
            let gap = |a: usize, b: usize| text.get(toks[a].end..toks[b].start).unwrap_or("");
            let named_before = match before.as_slice() {
                [near, far, ..]
                    if gap(far.last, near.first).trim_start().starts_with(',')
                        && gap(near.last, i).contains(',')
                        && looks_like_person(far)
                        && !looks_like_person(near) =>
                {
                    Some(*far)
                }
                [near, ..] => Some(*near),
                [] => None,
            };
            let pronoun_before = (i.saturating_sub(3)..i).rev().find_map(pronoun);
            speaker = match (named_before, pronoun_before) {
                (Some(n), Some(p)) if p.start > toks[n.last].start => people.before(p.start).map(str::to_string),
                (Some(n), _) => Some(people.canonical(&n.text)),
                (None, Some(p)) => people.before(p.start).map(str::to_string),
                (None, None) => named_after.or_else(|| {
                    (after..after + 2).find_map(pronoun).and_then(|p| people.before(p.start)).map(str::to_string)
                }),
            };
        }
        if speaker.is_some() {
            break;
        }
    }
    if speaker.is_none() {
        // "Name: « … »"
        speaker = names
            .iter()
            .find(|n| {
                let end = toks[n.last].end;
                text.get(end..).is_some_and(|rest| rest.trim_start_matches([' ', '\u{a0}']).starts_with(':'))
                    && quotes.iter().any(|q| q.start > end)
            })
            .map(|n| people.canonical(&n.text));
    }
    if speaker.is_none() && !quotes.is_empty() {
        let quoted: usize = quotes.iter().map(|q| q.len()).sum();
        if quoted * 10 >= range.len() * 6 {
            speaker = previous.map(str::to_string);
        }
    }
    Attribution { speaker, quotes, reported: !reporting.is_empty() }
}

/// Speaker of each sentence of `text` (sentences as in [`super::sentences::split`]).
pub fn speakers(text: &str, lang: Lang) -> Vec<(Range<usize>, Option<String>)> {
    let ranges = super::sentences::split(text, lang);
    let people = People::collect(text, &ranges, lang);
    let mut previous: Option<String> = None;
    let mut last_end = 0;
    let mut out = Vec::with_capacity(ranges.len());
    for r in ranges {
        if text.get(last_end..r.start).is_some_and(|gap| gap.contains("\n\n")) {
            previous = None;
        }
        let a = attribute(text, r.clone(), lang, &people, previous.as_deref());
        previous = a.speaker.clone().or(previous);
        last_end = r.end;
        out.push((r, a.speaker));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn last_speaker(text: &str, lang: Lang) -> Option<String> {
        speakers(text, lang).pop().and_then(|(_, s)| s)
    }

    #[test]
    fn pronoun_resolves_to_previous_person() {
        let t = "Mark Zuckerberg, CEO of Meta, presented the plan.\n\nZuckerberg emphasized infrastructure.\n\n\
                 “Heavily investing in capital will be a long-term strategic asset,” he mentioned.";
        assert_eq!(last_speaker(t, Lang::En).as_deref(), Some("Mark Zuckerberg"));
    }

    #[test]
    fn inversion_and_according_to() {
        assert_eq!(last_speaker("\"We will win,\" said Jane Smith.", Lang::En).as_deref(), Some("Jane Smith"));
        assert_eq!(last_speaker("Prices rose 3%, according to Eurostat.", Lang::En).as_deref(), Some("Eurostat"));
        assert_eq!(
            last_speaker("« Nous irons plus loin », a déclaré Emmanuel Macron.", Lang::Fr).as_deref(),
            Some("Emmanuel Macron")
        );
        assert_eq!(last_speaker("Le chômage a baissé, selon l'Insee.", Lang::Fr).as_deref(), Some("Insee"));
        assert_eq!(last_speaker("The sky is blue.", Lang::En), None);
    }

    #[test]
    fn quotes_of_all_kinds() {
        let t = "He said \"yes\" and “no” and « peut-être ».";
        let q: Vec<&str> = quotes(t, 0..t.len()).into_iter().map(|r| &t[r]).collect();
        assert_eq!(q, vec!["\"yes\"", "“no”", "« peut-être »"]);
    }
}
