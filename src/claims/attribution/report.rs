//! The source of one sentence: its reporting verb or phrase and the subject of the report,
//! found by the sentence's structure (the noun phrase before the verb, or after an inverted
//! one, or after "according to"), not by the nearest capitalized word.

use super::super::lang::{Frames, Gender, VerbForm, cues, frames};
use super::names::{Name, People, Token, in_list, names};
use crate::lang::Lang;
use std::cell::RefCell;
use std::ops::Range;
use table::{Table, table};

mod other_frames;
mod phrases;
mod subjects;
mod table;

pub(super) use phrases::owned;

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

/// The marks of [`is_hard`] punctuation.
const HARD_PUNCTUATION: [char; 19] =
    [',', ';', ':', '(', ')', '[', ']', '"', '“', '”', '«', '»', '„', '—', '–', '_', '!', '?', '…'];

/// Punctuation that ends a noun phrase.
fn is_hard(gap: &str) -> bool {
    // The brackets of an aside dropped from the tokens ("Philippe Roux (DVD) a dit") do not cut.
    let (before, after) = match (gap.find('('), gap.rfind(')')) {
        (Some(a), Some(b)) if a < b => (&gap[..a], &gap[b + 1..]),
        _ => (gap, ""),
    };
    [before, after].iter().any(|g| g.chars().any(|c| HARD_PUNCTUATION.contains(&c)))
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
    /// The sentence's quotes, an incise inside one cut out ("« Non, a dit X, jamais »").
    quotes: Vec<Range<usize>>,
    names: Vec<Name>,
    people: &'a People,
    lang: Lang,
    f: &'static Frames,
    tab: &'static Table,
    /// Commas crossed around a short adverbial between a subject and its verb.
    crossed: RefCell<Vec<usize>>,
}

impl<'a> Sentence<'a> {
    /// The sentence of `text` whose [`tokens`] are `toks`.
    pub fn new(
        text: &'a str,
        mut toks: Vec<Token<'a>>,
        quotes: &[Range<usize>],
        lang: Lang,
        people: &'a People,
    ) -> Self {
        drop_asides(text, &mut toks);
        let mut sentence = Sentence {
            text,
            toks,
            quotes: quotes.to_vec(),
            names: Vec::new(),
            people,
            lang,
            f: frames(lang),
            tab: table(lang),
            crossed: RefCell::new(Vec::new()),
        };
        sentence.quotes = sentence.without_incises();
        let names = names(text, &sentence.toks, lang);
        sentence.names = names.into_iter().filter(|n| !sentence.inside(n.start)).collect();
        sentence
    }

    /// The quotes with a reporting incise cut out of them: "« Je ne sais pas, a répété la
    /// mère. Personne ne nous a rien dit. »", "« Il faut, explique-t-il, agir vite »". The
    /// incise follows a comma inside the quote, opens with a reporting verb (or its auxiliary)
    /// and runs to the next punctuation, with its subject after the verb.
    fn without_incises(&self) -> Vec<Range<usize>> {
        let mut out = Vec::with_capacity(self.quotes.len());
        for q in &self.quotes {
            let mut from = q.start;
            let mut k = 1;
            while k < self.toks.len() {
                let t = &self.toks[k];
                let opens = q.contains(&t.start)
                    && t.start > from
                    && self.gap(k - 1, k).trim() == ","
                    && self.toks[k - 1].start >= from;
                let Some(end) = opens.then(|| self.incise_end(k)).flatten() else {
                    k += 1;
                    continue;
                };
                out.push(from..self.toks[k - 1].end);
                if end >= self.toks.len() || self.toks[end].start >= q.end {
                    from = q.end;
                    break;
                }
                from = self.toks[end].start;
                k = end + 1;
            }
            if from < q.end {
                out.push(from..q.end);
            }
        }
        out
    }

    /// The token after an incise opening at token `k` ("a répété la mère", "explique-t-il"):
    /// a reporting verb, its subject after it, then punctuation within a few words.
    fn incise_end(&self, k: usize) -> Option<usize> {
        let f = self.f;
        let n = self.toks.len();
        let hyphen = |a: usize| a + 1 < n && self.gap(a, a + 1).trim() == "-";
        let verb = |m: usize, past: bool| {
            let forms = self.tab.verbs.get(&*self.toks.get(m)?.lower)?;
            let (words, _) = forms.iter().find(|(w, form)| {
                self.spells(m, w) && (*form == VerbForm::Finite || (past && *form == VerbForm::Past))
            })?;
            Some(m + words.len())
        };
        if self.capitalized(k) {
            return None;
        }
        // A pronoun after the verb or its auxiliary is the incise's subject.
        let inverted = |m: usize| {
            let at = if hyphen(m - 1) && self.lower(m) == f.euphonic && hyphen(m) { m + 1 } else { m };
            (hyphen(at - 1) && self.pronoun(at, f.pronouns).is_some()).then_some(at + 1)
        };
        let mut subject_known = false;
        let mut v = verb(k, false);
        if v.is_none() && self.is(k, f.auxiliaries) {
            // "a-t-il expliqué", "a encore répété".
            let mut m = k + 1;
            if let Some(after) = inverted(m) {
                m = after;
                subject_known = true;
            }
            while m < n && m < k + 4 && !self.cut_before(m) && self.one_between(m) {
                m += 1;
            }
            v = verb(m, true);
        }
        let mut end = v?;
        // "dit-il", "explique-t-elle".
        if let Some(after) = (end < n).then(|| inverted(end)).flatten() {
            end = after;
            subject_known = true;
        }
        if !subject_known {
            // The subject after the verb opens as a phrase does, not as a clause ("que").
            let opens = end < n
                && !self.cut_before(end)
                && (self.capitalized(end) || self.is(end, f.determiners) || self.is(end, f.roles));
            if !opens {
                return None;
            }
        }
        let limit = n.min(k + 16);
        match (end..limit).find(|&m| self.cut_before(m)) {
            Some(m) => Some(m),
            // The incise ends the sentence: "…, a répété la mère de la victime."
            None if n <= k + 16 => Some(n),
            None => None,
        }
    }

    #[inline(never)]
    fn inside(&self, k: usize) -> bool {
        self.quotes.iter().any(|q| q.contains(&self.toks[k].start))
    }

    /// A quote ends right before token `p`, or an incise opens there inside one ("«  Non, a dit X »").
    fn quote_before(&self, p: usize) -> bool {
        p > 0 && {
            let gap = self.gap(p - 1, p);
            gap.contains(['”', '»', '"']) || (gap.trim() == "," && self.inside(p - 1) && !self.inside(p))
        }
    }

    #[inline(never)]
    fn gap(&self, a: usize, b: usize) -> &str {
        self.text.get(self.toks[a].end..self.toks[b].start).unwrap_or("")
    }

    /// Whether punctuation separates token `b` from the one before it.
    #[inline(never)]
    fn cut_before(&self, b: usize) -> bool {
        b == 0 || (is_hard(self.gap(b - 1, b)) && !self.crossed.borrow().contains(&b))
    }

    fn lower(&self, k: usize) -> &str {
        &self.toks[k].lower
    }

    #[inline(never)]
    fn is(&self, k: usize, list: &'static [&'static str]) -> bool {
        self.toks.get(k).is_some_and(|t| in_list(list, &t.lower))
    }

    #[inline(never)]
    fn pronoun(&self, k: usize, list: &[(&str, Option<Gender>, bool)]) -> Option<Source> {
        let t = self.toks.get(k)?;
        let &(_, gender, plural) = list.iter().find(|(w, _, _)| *w == t.lower)?;
        Some(Source::Pronoun { gender, plural, at: t.start })
    }

    /// Token `m` is a one-word adverb of time or manner ("yesterday", "also", "Monday").
    #[inline(never)]
    fn one_between(&self, m: usize) -> bool {
        self.tab.between.iter().any(|w| w.len() == 1 && w[0] == self.toks[m].lower)
    }

    /// Tokens `k..k+n` spell `words`, with no punctuation between them.
    #[inline(never)]
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
                && (self.tab.verbs.get(&*self.toks[next].lower).is_some_and(|next_forms| {
                    next_forms.iter().any(|(w, f)| w.len() == 1 && matches!(f, VerbForm::Finite | VerbForm::Past))
                })
                    // "a Commerce Department report showed"
                    || self.tab.records_verbs.iter().any(|v| self.spells(next, v))
                    // "a U.N. report released Monday said" (French reporting forms are no nouns:
                    // "se disent épuisés par le bruit")
                    || (self.lang == Lang::En
                        && self.participle(next)
                        && (self.is(next + 1, cues(self.lang).time_words) || self.is(next + 1, self.f.agent))));
            // "the report found", "a claim": a base form right after an article is a noun (in
            // French "le" before a verb is as often a pronoun: "il le dit").
            let after_article =
                self.lang == Lang::En && k > 0 && !self.cut_before(k) && self.is(k - 1, self.f.articles);
            // "le prévenu", "un proche", "l'accusé": a French participle right after an article is
            // a noun (a clitic "le" comes before the auxiliary: "l'a prévenu").
            let noun_participle = self.lang == Lang::Fr
                && *form == VerbForm::Past
                && k > 0
                && !self.cut_before(k)
                && self.is(k - 1, self.f.determiners);
            let noun_form = noun || noun_participle || (after_article && *form == VerbForm::Finite);
            return (!noun_form).then_some((words.len(), *form));
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
            // "a simplement déclaré", "has vigorously denied": an adverb by its ending after an auxiliary.
            if p >= 2 && !self.cut_before(p - 1) && self.is(p - 2, self.f.auxiliaries) && self.adverb(p - 1) {
                p -= 1;
                continue;
            }
            break;
        }
        p
    }

    /// A lowercase word with an adverb's ending ("simplement", "vigorously").
    fn adverb(&self, k: usize) -> bool {
        let w = self.lower(k);
        !self.capitalized(k)
            && !self.inside(k)
            && w.chars().count() > 5
            && self.f.adverb_suffixes.iter().any(|x| w.ends_with(x))
    }

    fn is_passive_aux(&self, k: usize) -> bool {
        if self.is(k, self.f.passive) {
            return true;
        }
        // French "est annoncé" is passive, "s'est défendu" is not.
        self.is(k, self.f.be_forms) && !(k > 0 && self.is(k - 1, self.f.reflexives))
    }

    /// The source of the sentence, if a reporting frame names one. A frame that closes the
    /// sentence (", federal officials said.") frames what comes before it.
    pub fn source(&self) -> Option<Source> {
        let mut first: Option<Source> = None;
        // The sentence opens with "selon X", "according to X" naming its source.
        let mut by_phrase = false;
        let mut k = 0;
        while k < self.toks.len() {
            if self.inside(k) {
                k += 1;
                continue;
            }
            let first_word = |w: &&Vec<String>| w.first().is_none_or(|f| *f == self.toks[k].lower);
            if let Some(words) = self.tab.source_first.iter().filter(first_word).find(|w| self.spells(k, w)) {
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
                // "selon le président de la chambre, Daniel Prêtre, …": the person in apposition.
                let apposed = np.clone().and_then(|np| {
                    let person = matches!(
                        self.source_of(np.clone(), true),
                        Some(Source::Phrase { gender: Some(_), plural: false, .. })
                    );
                    person.then(|| self.apposed_person(np.end)).flatten()
                });
                if first.is_none() && apposed.is_some() {
                    first = apposed;
                }
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
                by_phrase |= k == 0 && first.is_some();
                // "according to a newspaper report": no verb inside the source, which runs to punctuation.
                let end = np.map_or(after, |np| np.end.max(after));
                k = (end..self.toks.len()).find(|&m| self.cut_before(m)).unwrap_or(self.toks.len());
                continue;
            }
            if let Some((n, form)) = self.verb_at(k) {
                if let Some(src) = self.verb_source(k, n, form) {
                    // ", federal officials said." frames the sentence; not "Selon X, le suspect
                    // aurait avoué", whose report is X's.
                    if self.closes_sentence(k, n) && !matches!(src, Source::MainSubject) && !by_phrase {
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
        // "X a défendu …, tandis que Y a dénoncé …": a second report in a clause of its own
        // does not frame the first.
        let own_clause = self.is(a, self.f.clause_words) || self.is(a, self.f.coordinators);
        a > 0 && p - a <= 7 && self.gap(a - 1, a).contains(',') && !self.inside(a - 1) && !own_clause
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
                if self.is(start, f.coordinators) {
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
                || (self.is(prev, f.prepositions) && self.lower(prev) != f.gerund)
                || self.toks[prev].raw.chars().all(|c| c.is_ascii_digit())
                || self.toks[prev].raw.ends_with("'s")
                || self.toks[prev].raw.ends_with("’s");
            // "le stationnement reste interdit", "remains confirmed": after a copula that is no
            // auxiliary, a participle is an adjective.
            let copula = self.is(prev, f.copulas) && !self.is(prev, f.auxiliaries) && !self.is_passive_aux(prev);
            if noun_use || copula {
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
        let infinitive_negated = self.is(after, f.infinitive_negations);
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
            // "…, prévoit Météo-France.": after a clause and its comma, with its subject closing the sentence.
            let closing = after < self.toks.len()
                && self.toks.len() - after <= 6
                && (after + 1..self.toks.len()).all(|m| !self.cut_before(m));
            let inverted = p > 0 && self.gap(p - 1, p).trim() == "," && closing && self.clause_before(k);
            if !(inverted || self.quote_before(p) && self.cut_before(p)) {
                return None;
            }
        }
        // "s'annoncent difficiles", "la grève se poursuit": not a report.
        let pronominal = (p..k).any(|m| self.is(m, f.reflexives));
        if !led && pronominal && !self.tab.pronominal.contains(self.lower(k)) {
            return None;
        }
        // "montre une photo", "a prononcé un discours": not a report without "se".
        if !pronominal && self.tab.pronominal_only.contains(self.lower(k)) {
            return None;
        }
        // "la police en a compté 800", "les secours ont dénombré 12 blessés"; not "la commune
        // compte 800 habitants".
        if self.tab.count_verbs.contains(self.lower(k)) {
            let clitic = (p..k).any(|m| self.is(m, f.count_verbs.1));
            let number_after = self.toks.get(after).is_some_and(|t| t.raw.starts_with(|c: char| c.is_ascii_digit()));
            // "prendre en compte", "en compte les …": the clitic's "en" with no count made.
            let made = (p..k).any(|m| self.is(m, f.auxiliaries)) && form == VerbForm::Past;
            if !((clitic && (made || number_after)) || (made && number_after)) {
                return None;
            }
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
            let clause = self.is(after, f.participle_objects)
                || self.is(after, f.determiners)
                // "the hospital confirmed two deaths": a participle takes no object.
                || self.toks[after].raw.starts_with(|c: char| c.is_ascii_digit())
                // "the family described him as …": an adjective takes no object pronoun.
                || self.pronoun(after, f.object_pronouns).is_some()
                || (self.is(after, f.quantifiers) && !(k > 0 && self.is(k - 1, f.determiners)))
                || (after_quote && (self.is(after, f.prepositions) || self.one_between(after)))
                || (self.is(after, f.prepositions)
                    && (after + 1..self.toks.len().min(after + 7))
                        .take_while(|&m| !self.cut_before(m))
                        .any(|m| self.is(m, f.complementizer)))
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
            let gerund = self.lang == Lang::Fr && k > 0 && self.lower(k - 1) == f.gerund;
            let fronted = self.lang == Lang::En && self.cut_before(p) && p > 0;
            return (gerund || fronted).then_some(Source::MainSubject);
        }
        let quote_before = self.quote_before(p);
        if p > 0 && self.cut_before(p) && !quote_before {
            // "Le président de la région, Laurent Wauquiez, a critiqué la décision": the
            // subject and its apposition open the sentence; the phrase after the verb is the object.
            if let Some(src) = self.apposed_subject(p - 1) {
                return Some(src);
            }
        }
        if self.cut_before(p) {
            // "…,” said a U.S. Embassy official." / "», soupirait un agent."; not "Le projet,
            // annoncé en mai, …", a participle in apposition.
            let inverts = quote_before || form != VerbForm::Past || auxiliary;
            if let Some(src) = self.inverted_subject(k, after, quote_before).filter(|_| inverts) {
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
        // "Le panneau indique la sortie", "a déclaré la société en faillite": an act on an
        // object, no words reported.
        if self.tab.object_acts.contains(self.lower(k)) && self.quotes.is_empty() && self.object_follows(after) {
            return None;
        }
        if let Some(src) = self.impersonal_source(p, after) {
            return Some(src);
        }
        let src = self.subject_before(p).or_else(|| {
            // "… confirme André Kaufmann, adjoint au maire."; not "De nombreux médias ont confirmé
            // leur participation", where a compound verb's subject is before it and the phrase
            // after it is its object.
            // "…, qui réclame un audit": a relative's verb has its subject before it.
            let relative = p > 0 && self.is(p - 1, f.relatives);
            if self.lang == Lang::Fr && !auxiliary && !relative { self.inverted_subject(k, after, false) } else { None }
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
                !plural && !self.f.collective_nouns.contains(&head.as_str())
            }
            Source::Name { .. } => true,
            _ => false,
        };
        let w = self.lower(k);
        singular && self.f.verbs.iter().any(|e| e.split(':').next().unwrap_or(e).trim() == w)
    }

    /// Does a noun phrase opening with a determiner follow the verb ending before `after`
    /// (adverbs between)?
    #[inline(never)]
    fn object_follows(&self, after: usize) -> bool {
        let m = (after..self.toks.len()).find(|&m| {
            self.cut_before(m)
                || self.is(m, self.f.determiners)
                || !self.tab.between.iter().any(|w| w.len() == 1 && w[0] == self.toks[m].lower)
        });
        m.is_some_and(|m| !self.cut_before(m) && self.is(m, self.f.determiners))
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

    /// "claims", "reports", "calls" are nouns as often as verbs: with a phrase as subject they
    /// are taken as verbs only before a clause, a quote or a noun phrase.
    fn plural_noun_verb(&self, k: usize, src: &Source) -> bool {
        let w = self.lower(k);
        if self.lang != Lang::En || !matches!(src, Source::Phrase { .. }) {
            return false;
        }
        if !w.ends_with('s') || self.f.never_nouns.contains(&w) {
            return false;
        }
        let after = k + 1;
        if after >= self.toks.len() {
            return true;
        }
        let next = &self.toks[after];
        let capitalized = next.raw.chars().next().is_some_and(char::is_uppercase);
        let opens_quote = self.gap(k, after).contains(['"', '“']);
        !(capitalized || opens_quote || self.is(after, self.f.clause_openers) || self.is(after, self.f.determiners))
    }
}

#[cfg(test)]
mod tests {
    use super::is_hard;

    #[test]
    fn hard_punctuation_between_words() {
        for gap in [", ", " — ", " « ", "; ", "… ", " (", "?\u{a0}"] {
            assert!(is_hard(gap), "{gap:?}");
        }
        // Spaces, a dot or a hyphen do not cut; nor the brackets of an aside.
        for gap in [" ", "\u{a0}", ". ", "-", " (DVD) ", " (R-Ohio) "] {
            assert!(!is_hard(gap), "{gap:?}");
        }
    }
}
