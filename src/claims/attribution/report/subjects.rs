//! The subject of a reporting verb: before it, inverted after it ("…, said X", "dit-elle"),
//! in apposition, or the agent of a passive.

use super::super::super::lang::{cues, statement_cues};
use super::{Sentence, Source};
use crate::lang::Lang;

impl Sentence<'_> {
    /// "confirmed by three witnesses", "contredite par les déclarations de X": the agent of a
    /// passive report, or whose words it names.
    pub(super) fn agent_source(&self, after: usize) -> Option<Source> {
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
        if head + 1 < np.end && self.is(head, f.speech_nouns) && self.is(head + 1, f.complements) {
            return self.source_of(head + 2..np.end, true);
        }
        self.source_of(np, true)
    }

    /// French "», a lancé des avions": a singular verb cannot have a plural subject after it
    /// (nor a plural verb a singular one), so that phrase is its object.
    pub(super) fn disagrees(&self, k: usize, after: usize, start: usize) -> bool {
        if self.lang != Lang::Fr {
            return false;
        }
        let verb = (self.skip_back(k)..after).rev().find(|&m| self.is(m, self.f.auxiliaries)).unwrap_or(k);
        let w = self.lower(verb);
        // "disent", "ont", "affirmaient"; not "prévient", "soutient", "dément", "se plaint".
        let (singular, unless) = self.f.singular_endings;
        let ends = |list: &[&str]| list.iter().any(|e| w.ends_with(e));
        let singular_nt = (ends(singular) && !ends(unless)) || self.f.singular_nt.contains(&w);
        let plural_verb = ends(self.f.plural_verb_endings) && !singular_nt;
        let plural_np = self.is(start, self.f.number_starts.0);
        let singular_np = self.is(start, self.f.number_starts.1);
        (plural_np && !plural_verb) || (singular_np && plural_verb)
    }

    /// "…, said X" / "», a indiqué X": the subject after the verb. Without a quote before it,
    /// only a person or a short phrase that ends the clause.
    pub(super) fn inverted_subject(&self, k: usize, after: usize, quote_before: bool) -> Option<Source> {
        if !quote_before && self.lang == Lang::En && !self.is(k, self.f.inverting) {
            return None;
        }
        // "…, a reconnu mardi la direction": a word of time or manner before the subject.
        let mut after = after;
        while after < self.toks.len()
            && after < k + 6
            && !self.cut_before(after)
            && self.one_between(after)
            && !self.is(after, self.f.determiners)
            && !self.is(after, self.f.prepositions)
        {
            after += 1;
        }
        // "», estime, prudent, le président", "a indiqué, lundi soir, l'adjoint": a short aside
        // between commas before the subject.
        let after = self.after_aside(after);
        // "», a réagi sur Twitter le ministre": a short place or medium before the subject.
        let after = if quote_before && self.lang == Lang::Fr { self.after_short_complement(after) } else { after };
        let np = self.np_after(after, false)?;
        // "…, se montre confiant": a French subject opens with an article, a role or a name.
        let f = self.f;
        let opens = [f.determiners, f.roles, f.quantifiers].iter().any(|list| self.is(np.start, list));
        if self.lang == Lang::Fr && !opens && !self.capitalized(np.start) {
            return None;
        }
        if self.disagrees(k, after, np.start) {
            return None;
        }
        // "…, a indiqué le manageur du club, Pierre Dréossi.": the name in apposition.
        if let Some(src) = self.apposed_person(np.end) {
            return Some(src);
        }
        let src = self.source_of(np.clone(), false)?;
        let short = match self.lang {
            Lang::En => np.len() <= 4 || (np.end == self.toks.len() && np.len() <= 8),
            // "…, note l'Institut national de la statistique": a long name ending the sentence.
            Lang::Fr => {
                let head = (np.start..np.end).find(|&m| !self.is(m, self.f.determiners)).unwrap_or(np.start);
                let named = self.toks[head].raw.starts_with(char::is_uppercase);
                let ends = np.end == self.toks.len() || self.cut_before(np.end);
                // "…, précise la communauté d'agglomération.": a phrase that ends the sentence.
                let phrase = self.is(np.start, self.f.determiners) && self.clause_before(k);
                np.len() <= 3 || (named && ends && np.len() <= 10) || (phrase && ends && np.len() <= 12)
            }
        };
        match &src {
            Source::Name { person: true, .. } => Some(src),
            _ if quote_before => Some(src),
            Source::Phrase { .. } | Source::Name { .. } if short => Some(src),
            _ => None,
        }
    }

    /// The words before the report's verb `k` make a clause, with a verb before any relative
    /// ("Le chantier devrait durer un an, précise …"), not a noun phrase and its relative
    /// ("Le gouvernement dont X était ministre, a nié …", where the phrase after is the object).
    pub(super) fn clause_before(&self, k: usize) -> bool {
        let f = self.f;
        let form = statement_cues(self.lang);
        (0..self.skip_back(k)).take_while(|&m| !self.is(m, f.relatives) && !self.is(m, f.clause_words)).any(|m| {
            let w = self.lower(m);
            self.is(m, f.auxiliaries)
                || self.is(m, form.past_forms)
                || self.is(m, cues(self.lang).prediction)
                || self.is(m, f.narration_verbs)
                || self.is(m, f.copulas)
                || self.is(m, f.passive)
                || self.tab.verbs.contains_key(w)
                || (w.chars().count() > 4 && form.past_suffixes.iter().any(|x| w.ends_with(x)))
        })
    }

    /// "le procureur, Jean-Marc Bailly,", "…, le colonel Henri Masson.": the person named in
    /// apposition after the phrase ending before token `m`, up to punctuation.
    pub(super) fn apposed_person(&self, m: usize) -> Option<Source> {
        if m == 0 || m >= self.toks.len() || self.gap(m - 1, m).trim() != "," || self.inside(m) {
            return None;
        }
        // "le colonel", "l'ingénieur": an article and lowercase words of a role before the name.
        let mut s = m;
        while s + 1 < self.toks.len() && s < m + 3 && !self.capitalized(s) && !self.cut_before(s + 1) {
            s += 1;
        }
        let n = self.names.iter().find(|n| (n.start == s || n.start == m) && !n.possessive)?;
        if n.last + 1 < self.toks.len() && !self.cut_before(n.last + 1) {
            return None;
        }
        match self.named_in(n.start..n.last + 1, false) {
            Some(src @ Source::Name { person: true, .. }) => Some(src),
            _ => None,
        }
    }

    /// "X, APPOSITION," opening the sentence and ending at token `j`: X or the person of the two.
    pub(super) fn apposed_subject(&self, j: usize) -> Option<Source> {
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
        // "Pour sa part, le président du club, Michel Baud, se montre …": after a fronted aside.
        let fronted = np.start > 0
            && self.gap(np.start - 1, np.start).trim() == ","
            && self.tab.between.iter().any(|w| w.len() == np.start && self.spells(0, w));
        (np.start == 0 || fronted).then(|| self.appositive(j)).flatten()
    }

    /// The token after an aside of up to three words between commas opening at `m` (", prudent,",
    /// ", lundi soir,") when a noun phrase starts there (its comma then crossed); else `m`.
    #[inline(never)]
    fn after_aside(&self, m: usize) -> usize {
        let f = self.f;
        if m == 0 || m >= self.toks.len() || self.gap(m - 1, m).trim() != "," || self.inside(m) {
            return m;
        }
        let Some(c) = (m + 1..self.toks.len().min(m + 4)).find(|&c| self.cut_before(c)) else { return m };
        let opens = self.is(c, f.determiners) || self.is(c, f.roles) || self.capitalized(c);
        let plain = (m..c).all(|x| {
            !self.inside(x) && !self.capitalized(x) && self.verb_at(x).is_none() && !self.is(x, f.clause_words)
        });
        if self.gap(c - 1, c).trim() != "," || self.inside(c) || !opens || !plain {
            return m;
        }
        self.crossed.borrow_mut().push(c);
        c
    }

    /// The token after "sur Twitter", "à l'AFP", "dans un communiqué" at `m` when a noun phrase
    /// starts there; else `m`.
    pub(super) fn after_short_complement(&self, m: usize) -> usize {
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
    pub(super) fn subject_before(&self, p: usize) -> Option<Source> {
        let f = self.f;
        if p == 0 || self.cut_before(p) {
            return None;
        }
        let j = p - 1;
        if let Some(src) = self.pronoun(j, f.pronouns) {
            if self.subordinate(j) {
                return None;
            }
            return Some(self.fronted_topic(j).unwrap_or(src));
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

    /// "Quant à la députée X, elle dénonce …": the phrase fronted by a topic phrase, up to the
    /// comma before the pronoun at `j` that takes it up.
    fn fronted_topic(&self, j: usize) -> Option<Source> {
        if j == 0 || self.gap(j - 1, j).trim() != "," || self.inside(j - 1) {
            return None;
        }
        let s = usize::from(self.is(0, self.f.coordinators));
        let len = self.tab.topic_phrases.iter().find(|w| self.spells(s, w))?.len();
        let np = self.np_after(s + len, true)?;
        // "Quant au directeur, Marc Lhomme, il …": the person in apposition.
        if np.end < j && (np.end + 1..j).all(|x| !self.cut_before(x)) {
            return self.apposed_person(np.end);
        }
        (np.end == j).then(|| self.source_of(np, true)).flatten().filter(|src| !matches!(src, Source::Pronoun { .. }))
    }

    /// "officials who saw the file [were quoted]": the phrase before a relative clause ending
    /// at `q`, with no punctuation between.
    pub(super) fn relative_subject(&self, q: usize) -> Option<Source> {
        let r = (1..q).rev().take_while(|&m| !self.cut_before(m + 1)).find(|&m| self.is(m, self.f.relatives))?;
        self.subject_before(r + 1)
    }

    /// Whether the phrase starting at `a` is the subject of a subordinate clause ("when X said").
    pub(super) fn subordinate(&self, a: usize) -> bool {
        a > 0 && !self.cut_before(a) && self.is(a - 1, self.f.subordinators)
    }

    pub(super) fn inverted_pronoun(&self, v: usize) -> Option<Source> {
        let hyphen = |a: usize, b: usize| b < self.toks.len() && self.gap(a, b).trim() == "-";
        let at = if hyphen(v, v + 1) && self.lower(v + 1) == self.f.euphonic && hyphen(v + 1, v + 2) {
            v + 2
        } else if hyphen(v, v + 1) {
            v + 1
        } else {
            return None;
        };
        // "indique-t-on à la mairie", "explique-t-on dans l'entourage du ministre", "assure-t-on
        // du côté de la communauté de communes": where it is said.
        if self.f.impersonal.is_some_and(|(on, _)| self.lower(at) == on) {
            // "reconnaissait-on samedi à la préfecture": a word of time before the place.
            let mut place = at + 1;
            while place < self.toks.len() && !self.cut_before(place) && self.one_between(place) {
                place += 1;
            }
            if place >= self.toks.len() || self.cut_before(place) {
                return None;
            }
            let phrase = self.tab.place_phrases.iter().find(|w| self.spells(place, w)).map(Vec::len);
            let len = phrase.or_else(|| self.is(place, self.f.place_prepositions).then_some(1))?;
            let np = self.np_after(place + len, true)?;
            return self.source_of(np, true);
        }
        self.pronoun(at, self.f.pronouns)
    }
}
