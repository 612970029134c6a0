//! The noun phrases of a sentence read as sources: the subject before a verb or after an
//! inverted one, appositions, and who a phrase names (a person, an organisation, or the phrase
//! as the article words it, with its article and owner).

use super::super::super::lang::{Gender, cues, statement_cues};
use super::super::names::{Name, gender_before, looks_like_person};
use super::{Owner, Sentence, Source};
use crate::lang::Lang;
use std::ops::Range;

/// A phrase with its owner named: "conseiller de campagne d'Edmund Stoiber", "Dana Whitfield's
/// lawyer".
pub(in super::super) fn owned(phrase: &str, owner: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{owner}'s {phrase}"),
        Lang::Fr => {
            let vowel = owner.chars().next().is_some_and(|c| "AEIOUYÉÈÊaeiouyéèêhH".contains(c));
            // "de les auteurs" is "des auteurs", "de le maire" "du maire".
            if let Some(rest) = owner.strip_prefix("les ") {
                format!("{phrase} des {rest}")
            } else if let Some(rest) = owner.strip_prefix("le ") {
                format!("{phrase} du {rest}")
            } else if vowel {
                format!("{phrase} d'{owner}")
            } else {
                format!("{phrase} de {owner}")
            }
        }
    }
}

/// `text` with its first letter in lowercase ("The statement" → "the statement").
pub(super) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

impl Sentence<'_> {
    /// A token that cannot be inside a subject noun phrase.
    pub(super) fn ends_phrase(&self, c: usize) -> bool {
        let f = self.f;
        self.is(c, f.clause_words)
            || self.pronoun(c, f.pronouns).is_some()
            || self.is(c, f.passive)
            || self.is(c, f.narration_verbs)
            || self.tab.between.iter().any(|w| w.len() == 1 && w[0] == self.toks[c].lower && !self.is(c, f.determiners))
            || self.verb_at(c).is_some()
    }

    /// Where a chunk that may be preceded by `c` starts a phrase: at punctuation, the
    /// sentence's start, a clause word, a coordinator or a fronted adverbial.
    pub(super) fn opens_phrase_after(&self, c: Option<usize>, a: usize) -> bool {
        match c {
            None => true,
            Some(c) => {
                self.cut_before(a)
                    || self.is(c, self.f.clause_words)
                    || self.is(c, self.f.coordinators)
                    || self.is(c, self.f.subordinators)
                    || self.is(c, self.f.relatives)
            }
        }
    }

    /// The noun phrase ending at token `j`: words back to an article, punctuation or a clause
    /// word, with "of"-like attachments ("The head of the FBI investigation", "Officials in
    /// Tanzania"). `None` when it is the object of a preposition or follows another verb.
    pub(super) fn np_before(&self, j: usize) -> Option<Range<usize>> {
        if self.inside(j) || self.ends_phrase(j) {
            return None;
        }
        let f = self.f;
        let mut end = j;
        for _ in 0..3 {
            // One chunk: back to an article (kept) or a stop (excluded).
            let mut a = end;
            while a > 0 && end - a < 8 && !self.is(a, f.determiners) {
                let c = a - 1;
                if self.cut_before(a) || self.inside(c) || self.ends_phrase(c) || self.is(c, f.prepositions) {
                    break;
                }
                if self.is(c, f.adverbial_starts) && !self.is(c, f.determiners) && !self.is(c, f.prepositions) {
                    break;
                }
                a = c;
            }
            if a == 0 || self.cut_before(a) || end - a >= 8 {
                return Some(a..j + 1);
            }
            let mut c = a - 1;
            // "Officials in Tanzania and Kenya", "officials in and around Miami": a coordinated
            // object of a place attachment, read back to its preposition.
            if self.is(c, f.coordinators) && !self.cut_before(c) && self.place_object(a, j + 1) {
                let p = (c.saturating_sub(4)..c).rev().find(|&m| {
                    self.is(m, f.place_prepositions)
                        && (m + 1..=c).all(|x| !self.cut_before(x))
                        && (m + 1..c).all(|x| self.capitalized(x) || self.is(x, f.place_prepositions))
                });
                if let Some(p) = p {
                    c = p;
                }
            }
            // "The Immigration and Naturalization Service said": one name with "and" inside.
            if self.lang == Lang::En
                && self.is(c, f.coordinators)
                && c > 0
                && !self.cut_before(c)
                && self.capitalized(a)
                && self.capitalized(c - 1)
            {
                let mut b0 = c - 1;
                while b0 > 0 && c - b0 < 4 && !self.cut_before(b0) && self.capitalized(b0 - 1) {
                    b0 -= 1;
                }
                if b0 > 0 && !self.cut_before(b0) && self.is(b0 - 1, f.definite_articles) {
                    b0 -= 1;
                }
                if b0 == 0 || self.cut_before(b0) {
                    return Some(b0..j + 1);
                }
                // Read on from before the name ("The report by the University and College Union").
                a = b0;
                c = b0 - 1;
            }
            if (self.is(c, f.prepositions) || self.attaching_participle(c)) && !self.subordinate(a) {
                // An attachment ("of", "in") to a phrase before it, else an object.
                if c == 0 || self.cut_before(c) {
                    return None;
                }
                // "un collectif de soignants et d'habitants": a second complement after a coordinator.
                let joined = c >= 2
                    && self.is(c, f.phrase_prepositions)
                    && self.is(c - 1, f.coordinators)
                    && !self.cut_before(c - 1)
                    && (c.saturating_sub(5)..c - 1)
                        .any(|m| self.is(m, f.phrase_prepositions) && (m + 1..c).all(|x| !self.cut_before(x)));
                let before = if joined { c - 2 } else { c - 1 };
                if self.ends_phrase(before) {
                    return None;
                }
                end = before;
                continue;
            }
            return self.opens_phrase_after(Some(c), a).then_some(a..j + 1);
        }
        None
    }

    /// "representing" in "the union representing the workers": a lowercase participle, not a
    /// reporting one, that attaches the phrase after it to the noun before it.
    fn attaching_participle(&self, c: usize) -> bool {
        let ending = self.f.attaching_participle;
        let w = self.lower(c);
        !ending.is_empty()
            && c > 0
            && !self.cut_before(c)
            && !self.capitalized(c)
            && w.len() > ending.len() + 3
            && w.ends_with(ending)
            && !self.tab.verbs.contains_key(w)
            && !self.is(c - 1, self.f.auxiliaries)
            && !self.is(c - 1, self.f.passive)
            // "After meeting the minister", "Upon getting the calls": a clause, not a noun before it.
            && ![self.f.prepositions, self.f.adverbial_starts, self.f.clause_words, self.f.subordinators]
                .iter()
                .any(|list| self.is(c - 1, list))
    }

    /// The noun phrase starting at token `start`. `leading`: after "according to", where it
    /// runs to punctuation; else (an inverted subject) it must end the clause.
    pub(super) fn np_after(&self, start: usize, leading: bool) -> Option<Range<usize>> {
        let f = self.f;
        if start >= self.toks.len() || self.inside(start) {
            return None;
        }
        if !leading && self.cut_before(start) {
            return None;
        }
        let t = &self.toks[start];
        let opens = t.raw.chars().next().is_some_and(char::is_uppercase)
            || self.is(start, f.determiners)
            || self.is(start, f.roles)
            || self.demonstrative(start).is_some()
            || self.is(start, f.noun_markers)
            || t.raw.chars().next().is_some_and(|c| c.is_ascii_digit())
            || (leading && self.pronoun(start, f.object_pronouns).is_some())
            || (leading && self.is(start, f.bare_sources))
            // "according to court documents": records closing the phrase.
            || (leading
                && (start..self.toks.len().min(start + 3)).any(|m| {
                    self.is(m, f.records.0)
                        && (m + 1 == self.toks.len() || self.cut_before(m + 1))
                        && (start + 1..=m).all(|x| !self.cut_before(x))
                }))
            // "according to data released Tuesday by the Bureau …": records whose author follows.
            || (leading
                && self.is(start, f.records.0)
                && (start + 1..self.toks.len().min(start + 8))
                    .take_while(|&m| !self.cut_before(m))
                    .any(|m| self.is(m, f.agent)));
        // ", say political consultants.": a bare plural is an inverted subject only at the end.
        let function_word = self.pronoun(start, f.pronouns).is_some()
            || self.is(start, f.clause_words)
            || self.is(start, f.prepositions)
            || self.tab.between.iter().any(|w| w[0] == t.lower);
        if !opens && (leading || function_word) {
            return None;
        }
        // "selon lui", "according to them": the pronoun alone.
        if leading && self.pronoun(start, f.object_pronouns).is_some() {
            return Some(start..start + 1);
        }
        let mut coordinated = false;
        let mut m = start + 1;
        while m < self.toks.len() && m - start < 12 && !self.cut_before(m) && !self.inside(m) {
            // "note l'Institut national de la statistique et des études économiques."
            // "des services d'incendie et de secours": a coordinated complement.
            let joins = !leading
                && self.is(m, f.coordinators)
                && (self.is(m + 1, f.determiners) || self.is(m + 1, f.complements));
            let them = self.is(m, f.one_of_them) && [f.one_of.2, f.one_of.3].contains(&self.lower(m - 1));
            if self.is(m, f.clause_words) && !joins && !them {
                break;
            }
            coordinated |= joins;
            // "says a report highlighting the …": a participle opens a clause on the phrase.
            let participle = !leading
                && self.lang == Lang::En
                && m > start + 1
                && self.lower(m).ends_with("ing")
                && self.lower(m).chars().count() > 5
                && !self.is(m - 1, f.determiners)
                && (self.is(m + 1, f.determiners)
                    || self.is(m + 1, f.clause_words)
                    || (m + 1 < self.toks.len() && self.gap(m, m + 1).contains(['"', '“'])));
            if participle || (!leading && self.lang == Lang::Fr && m > start + 1 && self.trailing_adverb(m)) {
                return opens.then_some(start..m);
            }
            let verbish = self.is(m, f.passive)
                || self.verb_at(m).is_some()
                || self.is(m, f.narration_verbs)
                || (!leading && self.tab.between.iter().any(|w| w.len() == 1 && w[0] == self.toks[m].lower));
            // "according to a newspaper report": a verb's form that ends the phrase is a noun.
            let last = m + 1 == self.toks.len() || self.cut_before(m + 1);
            let noun = self.is(m, f.determiners) || self.is(m, f.prepositions) || (leading && last);
            if verbish && !noun {
                if leading {
                    break;
                }
                return None;
            }
            m += 1;
        }
        if !leading && m < self.toks.len() && !self.cut_before(m) && !self.is(m, f.clause_words) {
            return None;
        }
        if (!opens && m < self.toks.len()) || (coordinated && m < self.toks.len() && !self.cut_before(m)) {
            return None;
        }
        Some(start..m)
    }

    /// "souffle un riverain encore sous le choc", "raconte une voisine visiblement émue": an
    /// adverb after an inverted subject's head opens its complement, not a clause (no verb after
    /// it before punctuation).
    #[inline(never)]
    fn trailing_adverb(&self, m: usize) -> bool {
        let f = self.f;
        let cue = statement_cues(self.lang);
        let w = self.lower(m);
        let word = self.one_between(m)
            && w.chars().count() > 2
            && !w.ends_with(['\'', '’'])
            && ![f.auxiliaries, f.passive, f.negations, f.determiners, f.prepositions, cue.second_person]
                .iter()
                .any(|list| self.is(m, list))
            && self.pronoun(m, f.pronouns).is_none()
            && self.pronoun(m, f.object_pronouns).is_none()
            && !self.is(m, cues(self.lang).first_person);
        let adverb = self.adverb(m) && !self.is(m - 1, f.prepositions) && !self.is(m - 1, f.determiners);
        (word || adverb)
            && (m + 1..self.toks.len())
                .take_while(|&x| !self.cut_before(x))
                .all(|x| self.verb_at(x).is_none() && !self.is(x, f.auxiliaries) && !self.is(x, f.narration_verbs))
    }

    /// A lowercase word with a past participle's ending ("publié", "released").
    pub(super) fn participle(&self, k: usize) -> bool {
        let w = self.lower(k);
        !self.capitalized(k)
            && w.chars().count() > 4
            && statement_cues(self.lang).participle_suffixes.iter().any(|x| w.ends_with(x))
    }

    #[inline(never)]
    pub(super) fn capitalized(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.raw.starts_with(char::is_uppercase))
    }

    /// Tokens `a..b` are place names only, joined by coordinators, place prepositions, articles
    /// or "of" ("Lagos", "Tanzania and Kenya", "and around Miami", "the University of Oslo"),
    /// ending with a name.
    pub(super) fn place_object(&self, a: usize, b: usize) -> bool {
        let f = self.f;
        a < b
            && b <= self.toks.len()
            && self.capitalized(b - 1)
            && (a..b).all(|m| {
                (m == a || !self.cut_before(m))
                    && !self.inside(m)
                    && (self.capitalized(m)
                        || self.is(m, f.coordinators)
                        || self.is(m, f.place_prepositions)
                        || self.is(m, f.definite_articles)
                        || self.is(m, f.complements))
            })
    }

    pub(super) fn demonstrative(&self, k: usize) -> Option<Option<Gender>> {
        let t = self.toks.get(k)?;
        self.f.demonstratives.iter().find(|(w, _)| *w == t.lower).map(|&(_, g)| g)
    }

    /// "X, APPOSITION, said": the person of the two, else the first.
    pub(super) fn appositive(&self, j: usize) -> Option<Source> {
        let mut a = j;
        while a > 0 && j - a < 16 && !self.cut_before(a) {
            a -= 1;
        }
        if self.inside(a) {
            return None;
        }
        let apposition = a..j + 1;
        let clause = self.is(a, self.f.relatives)
            || self.is(a, self.f.clause_words)
            || self.toks[a].lower.ends_with("ing")
            || self.is(a, self.f.adverbial_starts);
        let before = (a > 0 && self.gap(a - 1, a).contains(',') && !self.inside(a - 1))
            .then(|| self.np_before(a - 1))
            .flatten()
            .filter(|np| !self.subordinate(np.start))
            .and_then(|np| self.source_of(np, false));
        let inner = (!clause).then(|| self.source_of(apposition, false)).flatten();
        let person = |s: &Option<Source>| matches!(s, Some(Source::Name { person: true, .. }));
        if person(&before) {
            return before;
        }
        if person(&inner) {
            return inner;
        }
        before.or(if a == 0 { inner } else { None })
    }

    /// The subject of the main clause: the sentence's first noun phrase after fronted
    /// adverbials ("In Nairobi, …", "Mais …").
    pub(in super::super) fn main_subject(&self) -> Option<Source> {
        let f = self.f;
        let mut s = 0;
        loop {
            while s < self.toks.len() && self.is(s, f.coordinators) {
                s += 1;
            }
            if s < self.toks.len() && self.is(s, f.adverbial_starts) {
                let comma = (s + 1..self.toks.len().min(s + 20)).find(|&m| self.gap(m - 1, m).contains(','))?;
                s = comma;
                continue;
            }
            break;
        }
        if s >= self.toks.len() || self.inside(s) {
            return None;
        }
        if let Some(p) = self.pronoun(s, f.pronouns) {
            return Some(p);
        }
        if let Some(src) = self.after_bare_apposition(s) {
            return Some(src);
        }
        let mut m = s + 1;
        while m < self.toks.len() && m - s < 9 && !self.cut_before(m) {
            let past = self.lang == Lang::En && self.lower(m).ends_with("ed") && !self.is(m - 1, f.determiners);
            // "le prévenu minimise les faits": a word after the head and before an article is a verb.
            let verb = m > s + 1
                && !self.capitalized(m)
                && !self.is(m, f.prepositions)
                && !self.is(m, f.determiners)
                && !self.is(m, f.coordinators)
                && m + 1 < self.toks.len()
                && !self.cut_before(m + 1)
                && self.is(m + 1, f.determiners)
                && !self.is(m + 1, f.prepositions);
            if self.ends_phrase(m) || past || verb {
                break;
            }
            m += 1;
        }
        // "La présidente du tribunal, Claire Fermaut, a lu …": the name in apposition.
        if m < self.toks.len() && self.gap(m - 1, m).trim() == "," {
            let named = self.names.iter().find(|n| n.start == m && n.last + 1 < self.toks.len());
            if let Some(n) = named.filter(|n| self.gap(n.last, n.last + 1).trim() == ",") {
                if let Some(src @ Source::Name { person: true, .. }) = self.named_in(n.start..n.last + 1, false) {
                    return Some(src);
                }
            }
        }
        self.source_of(s..m, false)
    }

    /// "Agriculteur à Étueffont, Pascal Lhomme ne décolère pas", "Boulangère depuis vingt ans,
    /// Claire Martin …": a phrase without an article opening the sentence says who the person
    /// named after its comma is, the subject.
    fn after_bare_apposition(&self, s: usize) -> Option<Source> {
        let f = self.f;
        if self.is(s, f.determiners) {
            return None;
        }
        let comma = (s + 1..self.toks.len().min(s + 9)).find(|&m| self.cut_before(m))?;
        if self.gap(comma - 1, comma).trim() != ","
            || self.inside(comma)
            || matches!(self.named_in(s..comma, false), Some(Source::Name { person: true, .. }))
        {
            return None;
        }
        let n = self.names.iter().find(|n| n.start == comma && !n.possessive)?;
        if n.last + 1 >= self.toks.len() || self.cut_before(n.last + 1) {
            return None;
        }
        match self.named_in(n.start..n.last + 1, false) {
            Some(src @ Source::Name { person: true, .. }) => Some(src),
            _ => None,
        }
    }

    /// Who the noun phrase `np` names: a person in it, a pronoun, an organisation, or the
    /// phrase itself without its article.
    pub(super) fn source_of(&self, np: Range<usize>, leading: bool) -> Option<Source> {
        let f = self.f;
        let (a, b) = (np.start, np.end.min(self.toks.len()));
        if a >= b {
            return None;
        }
        // "l'un d'eux", "l'une d'entre elles": one of a group named before.
        let (article, ones, link, inner) = f.one_of;
        let partitive = self.lower(a) == article && self.is(a + 1, ones);
        if partitive && self.lower(a + 2) == link {
            let them = if self.lower(a + 3) == inner { a + 4 } else { a + 3 };
            if self.is(them, f.one_of_them) && (them + 1 == b || self.is(them + 1, f.prepositions)) {
                return Some(Source::OneOf { article: self.lower(a + 1).to_string() });
            }
        }
        if b - a == 1 {
            let list = if leading { f.object_pronouns } else { f.pronouns };
            if let Some(p) = self.pronoun(a, list) {
                return Some(p);
            }
        }
        let first_prep = (a..b).find(|&m| self.is(m, f.prepositions) && m > a);
        let core_end = first_prep.unwrap_or(b);
        // "one resident", "one of the passengers": "one" counts someone; alone it is nobody.
        let one_of = self.lower(a) == "one" && b - a > 1;
        let nobody_from = if one_of { a + 1 } else { a };
        if (nobody_from..core_end).any(|m| self.is(m, f.nobody)) || (a..b).any(|m| self.inside(m)) {
            return None;
        }
        // "les chiffres rendus publics par l'INSEE": the agent.
        // "analysts polled by Reuters": people asked by the agent are the source, not the agent.
        let mut head = a;
        while head < b && (self.is(head, f.determiners) || self.is(head, f.quantifiers)) {
            head += 1;
        }
        let asked = self.is(head, f.bare_sources) && head + 1 < b && !self.is(head + 1, f.agent);
        if let Some(by) = (a..b).find(|&m| self.is(m, f.agent)).filter(|_| !asked) {
            // "the report by the University and College Union", "by the Senate Appropriations
            // Committee": the whole name after "by" when it is all capitalized words and coordinators.
            let mut s = by + 1;
            while s < b && self.is(s, f.determiners) {
                s += 1;
            }
            let whole = s + 1 < b
                && self.capitalized(s)
                && self.capitalized(b - 1)
                && (s..b).all(|m| self.capitalized(m) || self.is(m, f.coordinators) || self.is(m, &["of", "for"]));
            match self.named_in(by + 1..b, true) {
                Some(src @ Source::Name { person: true, .. }) => return Some(src),
                None if !whole => {}
                Some(src) if !whole => return Some(src),
                _ => {
                    let text = self.text.get(self.toks[s].start..self.toks[b - 1].end)?.to_string();
                    return Some(Source::Name { text, person: false, gender: None });
                }
            }
        }
        if let Some(src) = self.named_in(a..b, false) {
            return Some(src);
        }
        let mut s = a;
        let partitive = partitive || (one_of && core_end == a + 1);
        if !partitive {
            while s < core_end && (self.is(s, f.determiners) || (self.is(s, f.noun_markers) && s + 1 < core_end)) {
                s += 1;
            }
        }
        if s >= core_end {
            return None;
        }
        // "cette habitante", "cette habitante du quartier": someone named before.
        let complement = core_end == b || self.is(core_end, f.complements);
        // "ce dernier", "the latter": the last person named.
        // ("ce" ends a phrase read backwards, so the phrase may start after it.)
        let latter_at = [Some(a), a.checked_sub(1)]
            .into_iter()
            .flatten()
            .find(|&x| self.tab.latter_phrases.iter().any(|w| x + w.len() == b && self.spells(x, w)));
        if let Some(x) = latter_at {
            return Some(Source::Latter { gender: self.demonstrative(x).flatten() });
        }
        if self.is(a, f.latter) && self.lower(a + 1) == f.latter_ending && b == a + 2 {
            // "celui-ci": the last person named.
            let gender = self.demonstrative(a).flatten();
            return Some(Source::Latter { gender });
        }
        if let Some(gender) = self.demonstrative(a).filter(|_| core_end - a <= 3 && complement) {
            return Some(Source::Pronoun { gender, plural: false, at: self.toks[a].start });
        }
        if self.is(core_end - 1, f.not_sources) || (leading && self.is(s, f.not_sources)) {
            return None;
        }
        let head = self.lower(core_end - 1);
        let coordinated = (s..core_end).any(|m| self.is(m, f.coordinators));
        let plural = coordinated
            || (head.ends_with('s') && !head.ends_with("ss") && head.chars().count() > 3)
            || (self.lang == Lang::Fr && head.ends_with('x'))
            || head == "police";
        // The phrase up to a clause or an attachment of place ("protesters in Orlando").
        // A preposition that ends the phrase; "a spokesman for the utility", "l'avocat de la
        // famille", "sources close to the talks", "people familiar with the matter" go on.
        let ends_at_preposition = |m: usize| {
            if !self.is(m, f.prepositions)
                || self.is(m, f.phrase_prepositions)
                || (asked && self.is(m, f.agent))
                || (self.is(m, f.place_prepositions) && self.place_object(m + 1, b))
            {
                return false;
            }
            !self.is(m - 1, f.near_words)
        };
        let kept = (s + 1..b)
            .find(|&m| {
                // "les parents et les enseignants", "un comité de parents et d'enseignants".
                let joins = self.is(m, f.coordinators)
                    && (self.is(m + 1, f.determiners) || self.is(m + 1, f.phrase_prepositions));
                (self.is(m, f.clause_words) && !joins)
                    || ends_at_preposition(m)
                    // "un sondage Ifop publié dimanche": a participle dated after the name.
                    || (m > s && self.is(m + 1, cues(self.lang).time_words) && self.participle(m))
            })
            .unwrap_or(b);
        // Named as the article names it, with its article ("the statement", "un agent"); a
        // possessive alone means nothing out of its sentence and is dropped.
        let possessive = f.possessives.iter().find(|(w, _, _)| *w == self.lower(a));
        let mut owner = possessive.map(|&(_, gender, plural)| Owner { gender, plural });
        // "Charles Schumer … his aides": the person named before it in the sentence.
        let named_before = owner.filter(|o| !o.plural).and_then(|o| {
            let before = self.names.iter().rev().filter(|n| n.last < a && !n.possessive && !self.inside(n.start));
            before.map(|n| self.people.canonical(&n.text)).find(|full| {
                self.people.is_person(full)
                    && o.gender.is_none_or(|g| self.people.genders.get(full).is_none_or(|known| *known == g))
            })
        });
        if named_before.is_some() {
            owner = None;
        }
        let shown = if possessive.is_some() { a + 1 } else { a };
        let text = self.text.get(self.toks[shown].start..self.toks[kept - 1].end)?.trim();
        if text.is_empty() {
            return None;
        }
        let text =
            match self.is(shown, f.determiners) || self.is(shown, f.noun_markers) || self.is(shown, f.quantifiers) {
                true => lower_first(text),
                false => text.to_string(),
            };
        let text = match named_before {
            Some(name) => owned(&text, &name, self.lang),
            None => text,
        };
        let gender = if plural { None } else { self.phrase_gender(a, s, core_end) };
        Some(Source::Phrase { text, plural, gender, owner })
    }

    /// The gender a phrase's article or role word tells ("la porte-parole", "a spokeswoman").
    pub(super) fn phrase_gender(&self, a: usize, s: usize, core_end: usize) -> Option<Gender> {
        let f = self.f;
        // "la présidente", "le conseiller": the article tells the gender of a person, not of
        // "le ministère".
        let head = self.lower(s);
        let human = self.is(s, f.roles)
            || self.is(s, f.female_words)
            || self.is(s, f.male_words)
            || self.is(s, f.person_nouns)
            || f.person_suffixes.iter().any(|x| head.ends_with(x) && head.chars().count() > x.chars().count() + 2);
        if let Some(&(_, g)) = f.gendered_articles.iter().find(|(w, _)| *w == self.lower(a)).filter(|_| human) {
            return Some(g);
        }
        // "l'une d'elles": the word for one tells it.
        if self.lower(a) == f.one_of.0 && self.is(a + 1, f.one_of.1) {
            return f.gendered_articles.iter().find(|(w, _)| *w == self.lower(a + 1)).map(|&(_, g)| g);
        }
        (s..core_end).find_map(|m| {
            if self.is(m, f.female_words) {
                Some(Gender::Female)
            } else if self.is(m, f.male_words) {
                Some(Gender::Male)
            } else {
                None
            }
        })
    }

    /// A person named in `range` and not after a preposition in it ("lawyers for X" is not X);
    /// or, when the phrase is a name and nothing else, that name.
    pub(super) fn named_in(&self, range: Range<usize>, agent: bool) -> Option<Source> {
        let f = self.f;
        let in_range: Vec<&Name> = self.names.iter().filter(|n| n.start >= range.start && n.last < range.end).collect();
        for n in &in_range {
            // "Director of the FBI Louis Freeh", "le président du Conseil … de France Roger
            // Cukierman": a person closing the phrase right after the organisation's name is
            // the one holding the office, not its object.
            let holder = n.last + 1 == range.end
                && !n.titled
                && n.first > range.start
                && n.first == n.start
                && self.capitalized(n.first - 1)
                && !self.gap(n.first - 1, n.first).contains(',');
            // "Bureau of Labor and Wages economist Ann Price": a preposition inside another name is
            // part of it.
            let in_name = |m: usize| self.names.iter().any(|o| o.start < m && m < o.last);
            let after_prep = (range.start..n.start).any(|m| self.is(m, f.prepositions) && !in_name(m)) && !holder;
            // "McKinnon's spokeswoman": the spokeswoman; "the Cuban exile community": the community.
            let modifier = n.words == 1
                && !n.titled
                && n.last + 1 < range.end
                && !self.cut_before(n.last + 1)
                && self.toks[n.last + 1].raw.chars().next().is_some_and(char::is_lowercase)
                && !self.is(n.last + 1, f.prepositions);
            if (n.possessive || modifier) && n.last + 1 < range.end {
                continue;
            }
            // "the Food and Drug Administration", "Marta and Jonas Lindqvist": the last part of a
            // coordinated name is not a person alone.
            let joined = n.first >= range.start + 2
                && self.is(n.first - 1, f.coordinators)
                && !self.cut_before(n.first - 1)
                && !self.cut_before(n.first)
                && self.capitalized(n.first - 2);
            if joined {
                continue;
            }
            let full = self.people.canonical(&n.text);
            let person = looks_like_person(n) || self.people.is_person(&full);
            if person && (!after_prep || agent) {
                // "Jacques Chirac et Lionel Jospin": both, when the phrase is the two names.
                let and = n.last + 1;
                let second = in_range.iter().find(|m| m.start == and + 1 && m.last + 1 == range.end);
                if let Some(m) = second.filter(|m| self.is(and, f.coordinators) && looks_like_person(m)) {
                    let both = format!("{full} {} {}", self.toks[and].raw, self.people.canonical(&m.text));
                    return Some(Source::Phrase { text: both, plural: true, gender: None, owner: None });
                }
                let gender = gender_before(&self.toks, n.first, f).or_else(|| self.people.genders.get(&full).copied());
                return Some(Source::Name { text: full, person: true, gender });
            }
        }
        // The phrase is only a name, after its article: "the FBI", "l'INSEE", "Pakistan".
        let mut s = range.start;
        while s < range.end && self.is(s, f.determiners) {
            s += 1;
        }
        let n = in_range
            .iter()
            .find(|n| (n.start == s || n.start == range.start) && n.last + 1 == range.end && !n.possessive)?;
        if n.start == 0 && n.last == 0 && !n.acronym {
            // "Officials said": a common noun capitalized by its place.
            return None;
        }
        Some(Source::Name { text: n.text.clone(), person: false, gender: None })
    }
}
