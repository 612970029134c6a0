//! The source of one sentence: its reporting verb or phrase and the subject of the report,
//! found by the sentence's structure (the noun phrase before the verb, or after an inverted
//! one, or after "according to"), not by the nearest capitalized word.

use super::super::lang::{Frames, Gender, VerbForm, frames};
use super::names::{Name, People, Token, in_list, names, phrase_words, tokens};
use crate::hash::{FastMap, FastSet};
use crate::lang::Lang;
use std::cell::RefCell;
use std::ops::Range;

mod phrases;

pub(super) use phrases::owned;
use std::sync::OnceLock;

/// Who a sentence's report names, before pronouns are resolved.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Source {
    /// A person (full name when the article gave it) or an organisation's name.
    Name { text: String, person: bool, gender: Option<Gender> },
    /// A group, document or unnamed source, as the article words it ("federal officials"), with
    /// the gender its article or role word tells ("la porte-parole", "a spokeswoman").
    Phrase { text: String, plural: bool, gender: Option<Gender>, owner: Option<Owner> },
    /// A pronoun or a demonstrative ("she", "cette habitante"), at byte offset `at`.
    Pronoun { gender: Option<Gender>, plural: bool, at: usize },
    /// The subject of the sentence's main clause (", saying …", "… and said").
    MainSubject,
    /// The speaker of the sentence before ("Et de demander …").
    Previous,
    /// The person named last ("celui-ci").
    Latter { gender: Option<Gender> },
    /// One of a group named before ("l'un d'eux"), with the article for one ("un").
    OneOf { article: String },
}

/// Who a possessive before a phrase stands for ("his", "leur"): its gender and number, when told.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Owner {
    pub gender: Option<Gender>,
    pub plural: bool,
}

/// A language's frames as token sequences.
struct Table {
    /// Verb forms by first word: (words, form).
    verbs: FastMap<String, Vec<(Vec<String>, VerbForm)>>,
    source_first: Vec<Vec<String>>,
    between: Vec<Vec<String>>,
    quoted_as: Vec<(String, Vec<String>)>,
    infinitive_after: Vec<Vec<String>>,
    /// The words of the verbs that records "show" (`records.1` of the frames).
    records_verbs: Vec<Vec<String>>,
    /// First words of the forms of verbs that report when pronominal.
    pronominal: FastSet<String>,
    /// (form, next word) of verbs that do not report before that word ("témoignent de").
    other_senses: FastSet<(String, String)>,
    /// First words of the forms of verbs that report only before a clause or a quote.
    clause_only: FastSet<String>,
}

fn table(lang: Lang) -> &'static Table {
    static EN: OnceLock<Table> = OnceLock::new();
    static FR: OnceLock<Table> = OnceLock::new();
    let build = |lang| {
        let f = frames(lang);
        let mut verbs: FastMap<String, Vec<(Vec<String>, VerbForm)>> = FastMap::default();
        let mut pronominal = FastSet::default();
        let mut other_senses = FastSet::default();
        let mut clause_only = FastSet::default();
        for entry in f.verbs {
            let base = entry.split(':').next().unwrap_or(entry).trim();
            let base = base.strip_prefix("se ").or_else(|| base.strip_prefix("s'")).unwrap_or(base);
            let forms = match entry.split_once(':') {
                Some((_, listed)) => {
                    // "faire savoir: fait savoir …" lists forms with their tail; "se plaindre" has none.
                    let rest = base.split_once(' ').map_or(String::new(), |(_, r)| format!(" {r}"));
                    let words = listed.split_whitespace().filter(|w| !rest.contains(w));
                    let mut forms: Vec<(String, VerbForm)> =
                        words.map(|w| (format!("{w}{rest}"), listed_form(w, lang))).collect();
                    if lang == Lang::Fr {
                        forms.insert(0, (base.to_string(), VerbForm::Infinitive));
                    }
                    forms
                }
                None => (f.inflect)(entry),
            };
            for (form_text, form) in forms {
                let words = phrase_words(&form_text);
                if f.pronominal.contains(&base) {
                    pronominal.extend(words.first().cloned());
                }
                if f.clause_only.0.contains(&base) {
                    clause_only.extend(words.first().cloned());
                }
                for (_, next) in f.other_senses.iter().filter(|(v, _)| *v == base) {
                    other_senses.extend(words.first().map(|w| (w.clone(), next.to_string())));
                }
                if let Some(first) = words.first() {
                    let list = verbs.entry(first.clone()).or_default();
                    if !list.iter().any(|(w, _)| *w == words) {
                        list.push((words, form));
                    }
                }
            }
        }
        for list in verbs.values_mut() {
            crate::sort::sort_by_key(list, |(w, _)| std::cmp::Reverse(w.len()));
        }
        Table {
            verbs,
            source_first: f.source_first.iter().map(|p| phrase_words(p)).collect(),
            between: f.between.iter().map(|p| phrase_words(p)).collect(),
            quoted_as: f.quoted_as.iter().map(|(v, p)| (v.to_string(), phrase_words(p))).collect(),
            infinitive_after: f.infinitive_after.iter().map(|p| phrase_words(p)).collect(),
            records_verbs: f.records.1.iter().map(|p| phrase_words(p)).collect(),
            pronominal,
            other_senses,
            clause_only,
        }
    };
    match lang {
        Lang::En => EN.get_or_init(|| build(Lang::En)),
        Lang::Fr => FR.get_or_init(|| build(Lang::Fr)),
    }
}

/// How a verb form listed in a table is used.
fn listed_form(w: &str, lang: Lang) -> VerbForm {
    if w.ends_with("ing") || w.ends_with("ant") {
        VerbForm::Participle
    } else if lang == Lang::Fr && ["u", "ue", "i", "ie", "is", "ise"].iter().any(|e| w.ends_with(e)) {
        VerbForm::Past
    } else {
        VerbForm::Finite
    }
}

/// A subject whose quoted words are its own: a person, a pronoun, or a phrase naming a person
/// ("le maire").
fn speaks_for_itself(s: &Source) -> bool {
    matches!(
        s,
        Source::Name { person: true, .. }
            | Source::Pronoun { .. }
            | Source::Phrase { gender: Some(_), plural: false, .. }
    )
}

/// Punctuation that ends a noun phrase.
fn is_hard(gap: &str) -> bool {
    // The brackets of an aside dropped from the tokens ("Philippe Roux (DVD) a dit") do not cut.
    let (before, after) = match (gap.find('('), gap.rfind(')')) {
        (Some(a), Some(b)) if a < b => (&gap[..a], &gap[b + 1..]),
        _ => (gap, ""),
    };
    [before, after].iter().any(|g| g.chars().any(|c| ",;:()[]\"“”«»„—–_!?…".contains(c)))
}

/// Drops a short aside in brackets after a name ("Philippe Roux (DVD)", "Sen. Ann Lee (R-Texas)"):
/// the name and its verb then read as one clause.
fn drop_asides(text: &str, toks: &mut Vec<Token>) {
    fn gap<'t>(text: &'t str, toks: &[Token], m: usize) -> &'t str {
        text.get(toks[m - 1].end..toks[m].start).unwrap_or("").trim()
    }
    let mut k = 1;
    while k < toks.len() {
        if gap(text, toks, k) != "(" || !toks[k - 1].raw.starts_with(char::is_uppercase) {
            k += 1;
            continue;
        }
        // Up to four words inside, joined by spaces or hyphens only: "(DVD)", "(R-Texas)".
        let close = (k + 1..toks.len().min(k + 5)).find(|&m| !matches!(gap(text, toks, m), "" | "-"));
        match close {
            // "(D-Ore.)": an abbreviation's dot before the bracket.
            Some(m) if gap(text, toks, m).trim_start_matches('.').starts_with(')') => {
                toks.drain(k..m);
            }
            _ => k += 1,
        }
    }
}

/// A sentence being read for its source.
pub(super) struct Sentence<'a> {
    text: &'a str,
    pub toks: Vec<Token<'a>>,
    quotes: &'a [Range<usize>],
    names: Vec<Name>,
    people: &'a People,
    lang: Lang,
    f: &'static Frames,
    tab: &'static Table,
    /// Commas crossed around a short adverbial between a subject and its verb.
    crossed: RefCell<Vec<usize>>,
}

impl<'a> Sentence<'a> {
    pub fn new(text: &'a str, range: Range<usize>, quotes: &'a [Range<usize>], lang: Lang, people: &'a People) -> Self {
        let mut toks = tokens(text, range);
        drop_asides(text, &mut toks);
        let inside = |t: &Token| quotes.iter().any(|q| q.contains(&t.start));
        let names = names(text, &toks, lang).into_iter().filter(|n| !inside(&toks[n.start])).collect();
        Sentence {
            text,
            toks,
            quotes,
            names,
            people,
            lang,
            f: frames(lang),
            tab: table(lang),
            crossed: RefCell::new(Vec::new()),
        }
    }

    fn inside(&self, k: usize) -> bool {
        self.quotes.iter().any(|q| q.contains(&self.toks[k].start))
    }

    fn gap(&self, a: usize, b: usize) -> &str {
        self.text.get(self.toks[a].end..self.toks[b].start).unwrap_or("")
    }

    /// Whether punctuation separates token `b` from the one before it.
    fn cut_before(&self, b: usize) -> bool {
        b == 0 || (is_hard(self.gap(b - 1, b)) && !self.crossed.borrow().contains(&b))
    }

    fn lower(&self, k: usize) -> &str {
        &self.toks[k].lower
    }

    fn is(&self, k: usize, list: &'static [&'static str]) -> bool {
        self.toks.get(k).is_some_and(|t| in_list(list, &t.lower))
    }

    fn pronoun(&self, k: usize, list: &[(&str, Option<Gender>, bool)]) -> Option<Source> {
        let t = self.toks.get(k)?;
        let &(_, gender, plural) = list.iter().find(|(w, _, _)| *w == t.lower)?;
        Some(Source::Pronoun { gender, plural, at: t.start })
    }

    /// Token `m` is a one-word adverb of time or manner ("yesterday", "also", "Monday").
    fn one_between(&self, m: usize) -> bool {
        self.tab.between.iter().any(|w| w.len() == 1 && w[0] == self.toks[m].lower)
    }

    /// Tokens `k..k+n` spell `words`, with no punctuation between them.
    fn spells(&self, k: usize, words: &[String]) -> bool {
        let Some(window) = self.toks.get(k..k + words.len()) else { return false };
        window.iter().zip(words).all(|(t, w)| t.lower == *w) && (k + 1..k + words.len()).all(|m| !self.cut_before(m))
    }

    /// The reporting verb form starting at token `k`: (length in tokens, form).
    fn verb_at(&self, k: usize) -> Option<(usize, VerbForm)> {
        let t = &self.toks[k];
        if t.raw.chars().next().is_some_and(char::is_uppercase) || self.inside(k) {
            return None;
        }
        let forms = self.tab.verbs.get(&*t.lower)?;
        if let Some((words, form)) = forms.iter().find(|(words, _)| self.spells(k, words)) {
            // "a UN report said", "the police statement says": a noun before the report's verb.
            let next = k + words.len();
            let noun = *form == VerbForm::Finite
                && next < self.toks.len()
                && !self.cut_before(next)
                && !self.inside(next)
                && self.tab.verbs.get(&*self.toks[next].lower).is_some_and(|next_forms| {
                    next_forms.iter().any(|(w, f)| w.len() == 1 && matches!(f, VerbForm::Finite | VerbForm::Past))
                });
            // "the report found", "a claim": a base form right after an article is a noun (in
            // French "le" before a verb is as often a pronoun: "il le dit").
            let after_article =
                self.lang == Lang::En && k > 0 && !self.cut_before(k) && self.is(k - 1, &["the", "a", "an"]);
            return (!(noun || (after_article && *form == VerbForm::Finite))).then_some((words.len(), *form));
        }
        // "ruled Wednesday that", "agreed today that": one word of time or manner inside a phrasal verb.
        forms
            .iter()
            .filter(|(words, _)| words.len() == 2 && k + 2 < self.toks.len())
            .find(|(words, _)| {
                self.one_between(k + 1)
                    && !self.cut_before(k + 1)
                    && !self.cut_before(k + 2)
                    && self.toks[k + 2].lower == words[1]
            })
            .map(|(_, form)| (3, *form))
    }

    /// The first token of the auxiliaries, adverbs and clitics just before token `k`, and of a
    /// short adverbial between commas ("have, however, said", "ont, pour la première fois,").
    fn skip_back(&self, k: usize) -> usize {
        let mut p = k;
        'outer: while p > 0 {
            if self.cut_before(p) {
                // ", however," / ", en outre,": skipped when bounded by commas and short.
                let gap = self.gap(p - 1, p);
                if gap.trim() != "," {
                    break;
                }
                let mut a = p - 1;
                while a > 0 && p - a < 6 && !self.cut_before(a) {
                    a -= 1;
                }
                let bounded = a > 0 && self.gap(a - 1, a).trim() == "," && p - a <= 5;
                let adverbial = self.is(a, self.f.adverbial_starts)
                    || self.tab.between.iter().any(|w| self.spells(a, w) && a + w.len() == p);
                if bounded && adverbial && !self.inside(a - 1) {
                    self.crossed.borrow_mut().extend([a, p]);
                    p = a;
                    continue 'outer;
                }
                break;
            }
            for words in &self.tab.between {
                let n = words.len();
                if p >= n && self.spells(p - n, words) {
                    p -= n;
                    continue 'outer;
                }
            }
            break;
        }
        p
    }

    fn is_passive_aux(&self, k: usize) -> bool {
        if self.is(k, self.f.passive) {
            return true;
        }
        // French "est annoncé" is passive, "s'est défendu" is not.
        self.lang == Lang::Fr
            && self.is(k, &["est", "sont", "était", "étaient", "sera", "seront"])
            && !(k > 0 && self.is(k - 1, &["s'", "se"]))
    }

    /// The source of the sentence, if a reporting frame names one. A frame that closes the
    /// sentence (", federal officials said.") frames what comes before it.
    pub fn source(&self) -> Option<Source> {
        let mut first: Option<Source> = None;
        let mut k = 0;
        while k < self.toks.len() {
            if self.inside(k) {
                k += 1;
                continue;
            }
            if let Some(words) = self.tab.source_first.iter().find(|w| self.spells(k, w)) {
                let mut after = k + words.len();
                // "appris auprès de la préfecture"
                if words.len() > 1 && self.is(after, self.f.source_first_links) {
                    after += 1;
                }
                // "auprès du parquet": the phrase after the fused article, shown with the article it stands for.
                let (fusing, fused) = self.f.fused_articles;
                let fused = words
                    .last()
                    .filter(|w| fusing.contains(&w.as_str()))
                    .and_then(|_| fused.iter().find(|(f, ..)| self.toks.get(after).is_some_and(|t| t.lower == *f)));
                let np = if fused.is_some() { self.np_after(after + 1, false) } else { self.np_after(after, true) };
                if first.is_none() {
                    first = np.clone().and_then(|np| self.source_of(np, true)).map(|src| match (src, fused) {
                        (Source::Phrase { text, plural, gender, owner }, Some(&(_, article, before_vowel))) => {
                            let article = if text.starts_with(|c: char| "aeéèêiîoôuhAEÉIOUH".contains(c)) {
                                before_vowel
                            } else {
                                article
                            };
                            Source::Phrase { text: format!("{article}{text}"), plural, gender, owner }
                        }
                        (src, _) => src,
                    });
                }
                // "according to a newspaper report": no verb inside the source, which runs to punctuation.
                let end = np.map_or(after, |np| np.end.max(after));
                k = (end..self.toks.len()).find(|&m| self.cut_before(m)).unwrap_or(self.toks.len());
                continue;
            }
            if let Some((n, form)) = self.verb_at(k) {
                if let Some(src) = self.verb_source(k, n, form) {
                    if self.closes_sentence(k, n) && !matches!(src, Source::MainSubject) {
                        return Some(src);
                    }
                    first.get_or_insert(src);
                }
                k += n;
                continue;
            }
            k += 1;
        }
        first
            .or_else(|| self.colon_source())
            .or_else(|| self.copula_source())
            .or_else(|| self.made_by())
            .or_else(|| self.opinion_source())
            .or_else(|| self.relative_quote_source())
            .or_else(|| self.records_source())
            .or_else(|| self.records_aside())
    }

    /// "Florida state records show …", "les statistiques montrent …": records as the source of
    /// what they show, shown as the article names them.
    fn records_source(&self) -> Option<Source> {
        let nouns = self.f.records.0;
        let verbs = &self.tab.records_verbs;
        let k = (1..self.toks.len())
            .find(|&k| !self.inside(k) && !self.cut_before(k) && verbs.iter().any(|v| self.spells(k, v)))?;
        // The records head the subject or open it ("les statistiques de la préfecture").
        let names_records = |t: &str| {
            let word = |w: &str| w.rsplit(['\'', '’']).next().unwrap_or(w).to_lowercase();
            t.split_whitespace().take(3).any(|w| in_list(nouns, &word(w)))
        };
        let own = self.subject_before(k).filter(|s| matches!(s, Source::Phrase { text, .. } if names_records(text)));
        // "A report by the World Bank found that …": the records' author, named after "by".
        own.or_else(|| {
            let np = self.np_before(k - 1)?;
            let head = (np.start..np.end.min(np.start + 3)).any(|m| in_list(nouns, self.lower(m)));
            let by = (np.start..np.end).any(|m| self.is(m, self.f.agent));
            if !head || !by || self.subordinate(np.start) {
                return None;
            }
            self.source_of(np, false).filter(|s| matches!(s, Source::Name { .. }))
        })
    }

    /// "The report, published by the World Bank on Monday, found that …": records whose author
    /// is named after "by" in an aside between the records and their verb.
    fn records_aside(&self) -> Option<Source> {
        let verbs = &self.tab.records_verbs;
        let k = (1..self.toks.len()).find(|&k| {
            !self.inside(k) && self.gap(k - 1, k).trim() == "," && verbs.iter().any(|v| self.spells(k, v))
        })?;
        let mut a = k - 1;
        while a > 0 && k - a < 14 && !self.cut_before(a) {
            a -= 1;
        }
        if a == 0 || self.gap(a - 1, a).trim() != "," || self.inside(a - 1) {
            return None;
        }
        let np = self.np_before(a - 1)?;
        if np.start != 0 || !(np.start..np.end).any(|m| self.is(m, self.f.records.0)) {
            return None;
        }
        let by = (a..k).find(|&m| self.is(m, self.f.agent))?;
        let from = if self.is(by + 1, self.f.determiners) { by + 2 } else { by + 1 };
        let n = self.names.iter().find(|n| n.start == from && n.last < k && !n.possessive)?;
        let full = self.people.canonical(&n.text);
        let person = super::names::looks_like_person(n) || self.people.is_person(&full);
        Some(Source::Name { text: full, person, gender: None })
    }

    /// "on indiquait à Bruxelles que …": an impersonal report placed by a place name after its
    /// verb, shown as unnamed sources there. Without a place it names no one.
    fn impersonal_source(&self, p: usize, after: usize) -> Option<Source> {
        let (on, shown) = self.f.impersonal?;
        if p == 0 || self.cut_before(p) || self.lower(p - 1) != on {
            return None;
        }
        let at = after;
        let capital = |m: usize| m < self.toks.len() && self.toks[m].raw.starts_with(char::is_uppercase);
        if !self.is(at, self.f.place_prepositions) || self.cut_before(at) || !capital(at + 1) || self.cut_before(at + 1)
        {
            return None;
        }
        let mut end = at + 2;
        while capital(end) && !self.cut_before(end) {
            end += 1;
        }
        let place = self.text.get(self.toks[at].start..self.toks[end - 1].end)?;
        Some(Source::Phrase { text: format!("{shown} {place}"), plural: true, gender: None, owner: None })
    }

    /// "mais l'Otan « qui considère … » a lancé …": a quote that opens a relative clause on a
    /// name gives that name's words. Only a name or a phrase naming a person: a quoted relative
    /// on a thing ("un texte « qui ne règle rien »") is someone else's word on it.
    fn relative_quote_source(&self) -> Option<Source> {
        let k = (1..self.toks.len()).find(|&k| {
            let opens = self.quotes.iter().any(|q| {
                q.contains(&self.toks[k].start)
                    && self
                        .text
                        .get(q.start..self.toks[k].start)
                        .is_some_and(|g| g.chars().all(|c| !c.is_alphanumeric()))
            });
            opens
                && !self.inside(k - 1)
                && self.is(k, self.f.person_relatives)
                && self.gap(k - 1, k).chars().all(|c| c.is_whitespace() || "«»\"“”„".contains(c))
        })?;
        let np = self.np_before(k - 1)?;
        if self.subordinate(np.start) {
            return None;
        }
        self.source_of(np, false)
            .filter(|s| matches!(s, Source::Name { .. } | Source::Phrase { gender: Some(_), plural: false, .. }))
    }

    /// ", <subject> said [Monday]." at the end of a sentence, after a comma.
    fn closes_sentence(&self, k: usize, n: usize) -> bool {
        let tail = self.toks.len() - (k + n);
        if tail > 3 || (k + n..self.toks.len()).any(|m| self.cut_before(m) || self.is(m, self.f.clause_words)) {
            return false;
        }
        let p = self.skip_back(k);
        let mut a = p;
        while a > 0 && p - a < 8 && !self.cut_before(a) {
            a -= 1;
        }
        a > 0 && p - a <= 7 && self.gap(a - 1, a).contains(',') && !self.inside(a - 1)
    }

    /// "L'annonce en a été faite par X", "The statement was issued by X": a report as the
    /// subject of a passive, made by its agent.
    fn made_by(&self) -> Option<Source> {
        let f = self.f;
        let head = (0..self.toks.len()).find(|&m| !self.is(m, f.determiners))?;
        if !self.is(head, f.speech_nouns) || self.inside(head) {
            return None;
        }
        let aux = (head + 1..self.toks.len().min(head + 5)).find(|&m| self.is_passive_aux(m))?;
        let by = (aux + 1..self.toks.len().min(aux + 5)).find(|&m| self.is(m, f.agent) && !self.inside(m))?;
        let np = self.np_after(by + 1, true)?;
        self.source_of(np, true)
    }

    /// "Pour le maire Jean Dupont, « c'est une bonne nouvelle »": the person whose opinion a
    /// quoted sentence gives.
    fn opinion_source(&self) -> Option<Source> {
        if self.quotes.is_empty()
            || !self.toks.first().is_some_and(|t| self.f.opinion_first.contains(&t.lower.as_ref()))
            || self.inside(0)
        {
            return None;
        }
        let np = self.np_after(1, true)?;
        let comma = np.end < self.toks.len() && self.gap(np.end - 1, np.end).trim_start().starts_with(',');
        let src = self.source_of(np, true).filter(|_| comma)?;
        match src {
            Source::Name { person: true, .. } | Source::Phrase { gender: Some(_), plural: false, .. } => Some(src),
            _ => None,
        }
    }

    /// "Tony Blair est « heureux d'annoncer … »": a person's own words after a copula.
    fn copula_source(&self) -> Option<Source> {
        let quoted_after_copula = self.quotes.iter().any(|q| {
            let before = self.toks.iter().rposition(|t| t.end <= q.start);
            before.is_some_and(|m| {
                self.is(m, self.f.copulas)
                    && !self.inside(m)
                    && self.text.get(self.toks[m].end..q.start).is_some_and(|g| g.trim().is_empty())
            })
        });
        if !quoted_after_copula {
            return None;
        }
        self.main_subject().filter(speaks_for_itself)
    }

    /// "X …: « quote »": the person before the colon.
    fn colon_source(&self) -> Option<Source> {
        let sentence = self.text.get(self.toks.first()?.start..self.toks.last()?.end)?;
        let offset = self.toks[0].start;
        let colon = sentence
            .char_indices()
            .map(|(i, c)| (offset + i, c))
            .find(|&(at, c)| c == ':' && !self.quotes.iter().any(|q| q.contains(&at)))?;
        let quote_follows = self
            .quotes
            .iter()
            .any(|q| q.start > colon.0 && self.text.get(colon.0 + 1..q.start).is_some_and(|g| g.trim().is_empty()));
        if !quote_follows {
            return None;
        }
        // "X a lu la lettre de Y : « … »": X reads out words not X's own; "X a lu sa
        // déposition : « … »": they are those of the possessive's owner, named before.
        let reads = (0..self.toks.len()).find(|&m| self.toks[m].start < colon.0 && self.is(m, self.f.relay_verbs));
        if let Some(m) = reads {
            return self.pronoun(m + 1, self.f.possessives).filter(|_| self.is(m + 2, self.f.speech_nouns));
        }
        self.main_subject().filter(speaks_for_itself)
    }

    fn negated(&self, from: usize, to: usize) -> bool {
        (from..to.min(self.toks.len())).any(|m| self.is(m, self.f.negations))
    }

    fn verb_source(&self, k: usize, n: usize, form: VerbForm) -> Option<Source> {
        let f = self.f;
        let after = k + n;
        let led = form == VerbForm::Infinitive;
        let (k, form) = match form {
            VerbForm::Infinitive => {
                let lead = self.tab.infinitive_after.iter().find(|w| k >= w.len() && self.spells(k - w.len(), w))?;
                let start = k - lead.len();
                if self.is(start, &["et"]) {
                    // "Et de demander …": the speaker before goes on.
                    return (start == 0).then_some(Source::Previous);
                }
                // "a fini par démentir" reports as "a démenti" would.
                (start, VerbForm::Past)
            }
            _ => (k, form),
        };
        if k > 0 && !self.cut_before(k) {
            let prev = k - 1;
            // "U.S.'s demand": the possessive's "s" is a word of its own.
            let possessive_s = self.lower(prev) == "s" && prev > 0 && self.gap(prev - 1, prev).ends_with(['\'', '’']);
            let noun_use = self.is(prev, f.determiners)
                || (self.is(prev, f.noun_markers) && !self.toks[prev].raw.starts_with(char::is_uppercase))
                || possessive_s
                || (self.is(prev, f.prepositions) && self.lower(prev) != "en")
                || self.toks[prev].raw.chars().all(|c| c.is_ascii_digit())
                || self.toks[prev].raw.ends_with("'s")
                || self.toks[prev].raw.ends_with("’s");
            if noun_use {
                return None;
            }
            // "a-t-il affirmé", "ont-ils dit"
            if prev > 0 && self.gap(prev - 1, prev).contains('-') {
                if let Some(p) = self.pronoun(prev, f.pronouns) {
                    return Some(p);
                }
            }
        }
        let p = self.skip_back(k);
        // "ne dit pas"; not "affirme ne pas vouloir" (the infinitive's own negation).
        let infinitive_negated = self.is(after, &["ne", "n'"]);
        if self.negated(p, k) || (self.lang == Lang::Fr && !infinitive_negated && self.negated(after, after + 1)) {
            return None;
        }
        // "témoignent de cette tension": another sense of the verb.
        if after < self.toks.len()
            && self.tab.other_senses.contains(&(self.lower(k).to_string(), self.lower(after).to_string()))
        {
            return None;
        }
        // "62 % des Français soutiennent la mesure": support, not a report.
        if self.tab.clause_only.contains(self.lower(k)) && !self.opens_clause(after) {
            let quote_before = p > 0 && self.gap(p - 1, p).contains(['”', '»', '"']);
            if !(quote_before && self.cut_before(p)) {
                return None;
            }
        }
        // "s'annoncent difficiles", "la grève se poursuit": not a report.
        if !led && (p..k).any(|m| self.is(m, &["se", "s'"])) && !self.tab.pronominal.contains(self.lower(k)) {
            return None;
        }
        // "was confirmed", "est d'ailleurs confirmée" (the French auxiliary is skipped with the adverbs).
        let passive = (p > 0 && !self.cut_before(p) && self.is_passive_aux(p - 1))
            || (self.lang == Lang::Fr && form != VerbForm::Participle && (p..k).any(|m| self.is_passive_aux(m)));
        let verb = self.lower(k);
        let prev_is_subject = k > 0
            && (self.pronoun(k - 1, f.pronouns).is_some()
                || self.toks[k - 1].raw.chars().next().is_some_and(char::is_uppercase));
        if self.is(k, f.adjectival)
            && after == k + 1
            && !self.cut_before(k)
            && !prev_is_subject
            && after < self.toks.len()
            && !self.cut_before(after)
        {
            // "alleged terrorist", "accused killer": an adjective before a noun.
            let next = &self.toks[after];
            // '"…," the mayor promised on Tuesday': after a quote, a report, not "the funds
            // promised in March".
            let after_quote = (k.saturating_sub(6).max(1)..k).any(|m| self.gap(m - 1, m).contains(['”', '"']));
            let clause = self.is(after, &["that", "to", "by", "he", "she", "they", "it"])
                || self.is(after, f.determiners)
                // "the hospital confirmed two deaths": a participle takes no object.
                || self.toks[after].raw.starts_with(|c: char| c.is_ascii_digit())
                || (self.is(after, f.quantifiers) && !(k > 0 && self.is(k - 1, f.determiners)))
                || (after_quote && (self.is(after, f.prepositions) || self.one_between(after)))
                || (self.is(after, f.prepositions)
                    && (after + 1..self.toks.len().min(after + 7))
                        .take_while(|&m| !self.cut_before(m))
                        .any(|m| self.is(m, &["that"])))
                || next.raw.chars().next().is_some_and(char::is_uppercase);
            if !clause {
                return None;
            }
        }
        if let Some((_, as_words)) = self.tab.quoted_as.iter().find(|(v, _)| v == verb) {
            if passive {
                // "X was quoted as saying": X; "X who saw … was quoted as saying": X.
                let q = self.skip_back(p - 1);
                return self.subject_before(q).or_else(|| self.relative_subject(q));
            }
            // "Y quoted X as saying": X.
            let end = (after..self.toks.len().min(after + 14)).find(|&m| self.spells(m, as_words))?;
            return self.source_of(after..end, false);
        }
        if passive {
            return self.agent_source(after);
        }
        let auxiliary = (p..k).any(|m| self.is(m, f.auxiliaries));
        let agent_next = (after..self.toks.len().min(after + 3))
            .take_while(|&m| !self.cut_before(m))
            .find(|&m| !self.tab.between.iter().any(|w| w.len() == 1 && w[0] == self.toks[m].lower));
        if !auxiliary && agent_next.is_some_and(|m| self.is(m, f.agent)) {
            return None;
        }
        // "dit-elle", "détaille-t-il"
        if let Some(src) = self.inverted_pronoun(after - 1) {
            return Some(src);
        }
        if form == VerbForm::Participle {
            let gerund = self.lang == Lang::Fr && k > 0 && self.lower(k - 1) == "en";
            let fronted = self.lang == Lang::En && self.cut_before(p) && p > 0;
            return (gerund || fronted).then_some(Source::MainSubject);
        }
        let quote_before = p > 0 && self.gap(p - 1, p).contains(['”', '»', '"']);
        if p > 0 && self.cut_before(p) && !quote_before {
            // "Le président de la région, Laurent Wauquiez, a critiqué la décision": the
            // subject and its apposition open the sentence; the phrase after the verb is the object.
            if let Some(src) = self.apposed_subject(p - 1) {
                return Some(src);
            }
        }
        if self.cut_before(p) {
            // "…,” said a U.S. Embassy official." / "», soupirait un agent."
            if let Some(src) = self.inverted_subject(k, after, quote_before) {
                return Some(src);
            }
            if p > 0 && self.gap(p - 1, p).contains(',') && !quote_before && (form != VerbForm::Past || auxiliary) {
                return self.appositive(p - 1).filter(|s| !self.plural_noun_verb(k, s));
            }
            return None;
        }
        if form == VerbForm::Past && !auxiliary {
            return None;
        }
        if let Some(src) = self.impersonal_source(p, after) {
            return Some(src);
        }
        let src = self.subject_before(p).or_else(|| {
            // "… confirme André Kaufmann, adjoint au maire."; not "De nombreux médias ont confirmé
            // leur participation", where a compound verb's subject is before it and the phrase
            // after it is its object.
            if self.lang == Lang::Fr && !auxiliary { self.inverted_subject(k, after, false) } else { None }
        })?;
        (!self.plural_noun_verb(k, &src) && !self.base_form_noun(k, p, &src)).then_some(src)
    }

    /// "Saturday's peak demand, according to …": an English base form right after a singular
    /// subject, with no auxiliary or adverb between, does not agree with it; it is a noun.
    fn base_form_noun(&self, k: usize, p: usize, src: &Source) -> bool {
        if self.lang != Lang::En || p != k {
            return false;
        }
        let singular = match src {
            Source::Phrase { plural, text, .. } => {
                let head = text.rsplit(' ').next().unwrap_or("").to_lowercase();
                !plural
                    && !["people", "police", "staff", "children", "men", "women", "personnel", "crew"]
                        .contains(&head.as_str())
            }
            Source::Name { .. } => true,
            _ => false,
        };
        let w = self.lower(k);
        singular && self.f.verbs.iter().any(|e| e.split(':').next().unwrap_or(e).trim() == w)
    }

    /// Does a clause, a colon or a quote follow the verb ending before `after` (adverbs between)?
    fn opens_clause(&self, after: usize) -> bool {
        let m = (after..self.toks.len()).find(|&m| {
            self.cut_before(m) || !self.tab.between.iter().any(|w| w.len() == 1 && w[0] == self.toks[m].lower)
        });
        m.is_some_and(|m| {
            self.is(m, self.f.clause_only.1) || (m > 0 && self.gap(m - 1, m).contains([':', '«', '“', '"']))
        })
    }

    /// "confirmed by three witnesses", "contredite par les déclarations de X": the agent of a
    /// passive report, or whose words it names.
    fn agent_source(&self, after: usize) -> Option<Source> {
        let f = self.f;
        let mut m = after;
        while m < self.toks.len()
            && !self.cut_before(m)
            && self.tab.between.iter().any(|w| w.len() == 1 && w[0] == self.toks[m].lower)
        {
            m += 1;
        }
        if m >= self.toks.len() || self.cut_before(m) || !self.is(m, f.agent) {
            return None;
        }
        let np = self.np_after(m + 1, true)?;
        let mut head = np.start;
        while head < np.end && self.is(head, f.determiners) {
            head += 1;
        }
        if head + 1 < np.end && self.is(head, f.speech_nouns) && self.is(head + 1, &["of", "de", "du", "des", "d'"]) {
            return self.source_of(head + 2..np.end, true);
        }
        self.source_of(np, true)
    }

    /// French "», a lancé des avions": a singular verb cannot have a plural subject after it
    /// (nor a plural verb a singular one), so that phrase is its object.
    fn disagrees(&self, k: usize, after: usize, start: usize) -> bool {
        if self.lang != Lang::Fr {
            return false;
        }
        let verb = (self.skip_back(k)..after).rev().find(|&m| self.is(m, self.f.auxiliaries)).unwrap_or(k);
        let w = self.lower(verb);
        // "disent", "ont", "affirmaient"; not "prévient", "soutient", "dément".
        let singular_nt = (w.ends_with("ient") && !w.ends_with("aient") && !w.ends_with("oient"))
            || ["dément", "ment", "consent"].contains(&w);
        let plural_verb = w.ends_with("nt") && !singular_nt;
        let plural_np = self.is(start, &["des", "les", "ces", "plusieurs", "deux", "trois", "quelques"]);
        let singular_np = self.is(start, &["un", "une", "le", "la", "l'", "ce", "cet", "cette"]);
        (plural_np && !plural_verb) || (singular_np && plural_verb)
    }

    /// "…, said X" / "», a indiqué X": the subject after the verb. Without a quote before it,
    /// only a person or a short phrase that ends the clause.
    fn inverted_subject(&self, k: usize, after: usize, quote_before: bool) -> Option<Source> {
        if !quote_before && self.lang == Lang::En && !self.is(k, self.f.inverting) {
            return None;
        }
        // "», a réagi sur Twitter le ministre": a short place or medium before the subject.
        let after = if quote_before && self.lang == Lang::Fr { self.after_short_complement(after) } else { after };
        let np = self.np_after(after, false)?;
        if self.disagrees(k, after, np.start) {
            return None;
        }
        // "…, a indiqué le manageur du club, Pierre Dréossi.": the name in apposition.
        if np.end < self.toks.len() && self.gap(np.end - 1, np.end).trim() == "," {
            let named = self.names.iter().find(|n| n.start == np.end);
            if let Some(n) = named.filter(|n| n.last + 1 == self.toks.len() || self.cut_before(n.last + 1)) {
                if let Some(src @ Source::Name { person: true, .. }) = self.named_in(n.start..n.last + 1, false) {
                    return Some(src);
                }
            }
        }
        let src = self.source_of(np.clone(), false)?;
        let short = match self.lang {
            Lang::En => np.len() <= 4 || (np.end == self.toks.len() && np.len() <= 8),
            // "…, note l'Institut national de la statistique": a long name ending the sentence.
            Lang::Fr => {
                let head = (np.start..np.end).find(|&m| !self.is(m, self.f.determiners)).unwrap_or(np.start);
                let named = self.toks[head].raw.starts_with(char::is_uppercase);
                let ends = np.end == self.toks.len() || self.cut_before(np.end);
                np.len() <= 3 || (named && ends && np.len() <= 10)
            }
        };
        match &src {
            Source::Name { person: true, .. } => Some(src),
            _ if quote_before => Some(src),
            Source::Phrase { .. } | Source::Name { .. } if short => Some(src),
            _ => None,
        }
    }

    /// "X, APPOSITION," opening the sentence and ending at token `j`: X or the person of the two.
    fn apposed_subject(&self, j: usize) -> Option<Source> {
        if !self.gap(j, j + 1).contains(',') {
            return None;
        }
        let mut a = j;
        while a > 0 && j - a < 16 && !self.cut_before(a) {
            a -= 1;
        }
        if a == 0 || !self.gap(a - 1, a).contains(',') || self.inside(a - 1) {
            return None;
        }
        let np = self.np_before(a - 1)?;
        (np.start == 0).then(|| self.appositive(j)).flatten()
    }

    /// The token after "sur Twitter", "à l'AFP", "dans un communiqué" at `m` when a noun phrase
    /// starts there; else `m`.
    fn after_short_complement(&self, m: usize) -> usize {
        if !self.is(m, self.f.prepositions) {
            return m;
        }
        let mut n = m + 1;
        while n < self.toks.len() && self.is(n, self.f.determiners) {
            n += 1;
        }
        let opens = |x: usize| {
            x < self.toks.len()
                && (self.is(x, self.f.determiners)
                    || self.is(x, self.f.roles)
                    || self.toks[x].raw.starts_with(char::is_uppercase))
        };
        // "sur les réseaux sociaux la députée": an adjective or two after the noun.
        let mut next = n + 1;
        while next < (n + 3).min(self.toks.len()) && !opens(next) && !self.is(next, self.f.prepositions) {
            next += 1;
        }
        let clean = (m + 1..=next.min(self.toks.len() - 1)).all(|x| !self.cut_before(x) && !self.inside(x));
        if clean && opens(next) { next } else { m }
    }

    /// The subject ending just before token `p` (its verb's auxiliaries skipped).
    fn subject_before(&self, p: usize) -> Option<Source> {
        let f = self.f;
        if p == 0 || self.cut_before(p) {
            return None;
        }
        let j = p - 1;
        if let Some(src) = self.pronoun(j, f.pronouns) {
            return (!self.subordinate(j)).then_some(src);
        }
        if self.is(j, f.relatives) {
            // "residents who said": the phrase before the relative; "X, who said": X.
            if j == 0 {
                return None;
            }
            if self.gap(j - 1, j).contains(',') {
                return self.appositive(j - 1);
            }
            return self.np_before(j - 1).and_then(|np| self.source_of(np, false));
        }
        if self.is(j, f.coordinators) {
            return (!self.negated(0, j)).then_some(Source::MainSubject);
        }
        let np = self.np_before(j)?;
        if self.subordinate(np.start) {
            return None;
        }
        self.source_of(np, false)
    }

    /// "officials who saw the file [were quoted]": the phrase before a relative clause ending
    /// at `q`, with no punctuation between.
    fn relative_subject(&self, q: usize) -> Option<Source> {
        let r = (1..q).rev().take_while(|&m| !self.cut_before(m + 1)).find(|&m| self.is(m, self.f.relatives))?;
        self.subject_before(r + 1)
    }

    /// Whether the phrase starting at `a` is the subject of a subordinate clause ("when X said").
    fn subordinate(&self, a: usize) -> bool {
        a > 0 && !self.cut_before(a) && self.is(a - 1, self.f.subordinators)
    }

    /// "claims", "reports", "calls" are nouns as often as verbs: with a phrase as subject they
    /// are taken as verbs only before a clause, a quote or a noun phrase.
    fn plural_noun_verb(&self, k: usize, src: &Source) -> bool {
        let w = self.lower(k);
        if self.lang != Lang::En || !matches!(src, Source::Phrase { .. }) {
            return false;
        }
        if !w.ends_with('s') || ["says", "tells", "adds", "writes"].contains(&w) {
            return false;
        }
        let after = k + 1;
        if after >= self.toks.len() {
            return true;
        }
        let next = &self.toks[after];
        let capitalized = next.raw.chars().next().is_some_and(char::is_uppercase);
        let opens_quote = self.gap(k, after).contains(['"', '“']);
        !(capitalized
            || opens_quote
            || self.is(after, &["that", "he", "she", "they", "it", "we", "i"])
            || self.is(after, self.f.determiners))
    }

    fn inverted_pronoun(&self, v: usize) -> Option<Source> {
        let hyphen = |a: usize, b: usize| b < self.toks.len() && self.gap(a, b).trim() == "-";
        let at = if hyphen(v, v + 1) && self.lower(v + 1) == "t" && hyphen(v + 1, v + 2) {
            v + 2
        } else if hyphen(v, v + 1) {
            v + 1
        } else {
            return None;
        };
        // "indique-t-on à la mairie", "explique-t-on dans l'entourage du ministre": where it is said.
        if self.f.impersonal.is_some_and(|(on, _)| self.lower(at) == on) {
            let place = at + 1;
            if place < self.toks.len() && !self.cut_before(place) && self.is(place, self.f.place_prepositions) {
                let np = self.np_after(place + 1, true)?;
                return self.source_of(np, true);
            }
            return None;
        }
        self.pronoun(at, self.f.pronouns)
    }
}
