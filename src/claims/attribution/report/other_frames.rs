//! Frames other than a reporting verb with its subject: records that show, an impersonal "on"
//! placed by where it was said, a quoted relative clause, a report made by its agent, an
//! opinion opened by "Pour", a copula or a colon before a quote.

use super::super::names::{in_list, looks_like_person};
use super::{Sentence, Source, speaks_for_itself};

impl Sentence<'_> {
    /// "Florida state records show …", "les statistiques montrent …": records as the source of
    /// what they show, shown as the article names them.
    pub(super) fn records_source(&self) -> Option<Source> {
        let nouns = self.f.records.0;
        let verbs = &self.tab.records_verbs;
        let k = (1..self.toks.len())
            .find(|&k| !self.inside(k) && !self.cut_before(k) && verbs.iter().any(|v| self.spells(k, v)))?;
        // The records head the subject or open it ("les statistiques de la préfecture").
        let names_records = |t: &str| {
            let word = |w: &str| w.rsplit(['\'', '’']).next().unwrap_or(w).to_lowercase();
            // "A Labor Department report showed": the records close the phrase, their author before them.
            let head = t.split_whitespace().last().is_some_and(|w| in_list(nouns, &word(w)));
            head || t.split_whitespace().take(3).any(|w| in_list(nouns, &word(w)))
        };
        if let Some(src) = self.records_author(k) {
            return Some(src);
        }
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

    /// "Data from the Commerce Department showed", "A report released by the watchdog on Tuesday
    /// found": the author of the records before the verb `k`, after the link that names it.
    fn records_author(&self, k: usize) -> Option<Source> {
        // "… on Tuesday found": the day before the verb is not part of the phrase.
        let mut j = k - 1;
        while j > 1 && self.one_between(j) && !self.cut_before(j) {
            j -= 1;
        }
        if j < k - 1 && self.is(j, self.f.prepositions) {
            j -= 1;
        }
        let np = self.np_before(j)?;
        let head = (np.start..np.end.min(np.start + 3)).find(|&m| in_list(self.f.records.0, self.lower(m)))?;
        let link = (head + 1..np.end.min(head + 4)).find(|&m| self.is(m, self.f.record_links))?;
        let cue = crate::claims::lang::cues(self.lang);
        let time = |m: usize| {
            self.is(m, cue.time_words)
                || self.is(m, cue.months)
                || self.toks.get(m).is_some_and(|t| t.raw.starts_with(|c: char| c.is_ascii_digit()))
        };
        // "on Tuesday" closes the author; "from the past decade" names no one.
        let end = (link + 2..np.end).find(|&m| self.is(m, self.f.prepositions) && time(m + 1)).unwrap_or(np.end);
        let opens = self.is(link + 1, self.f.determiners) || self.capitalized(link + 1);
        if !opens || (link + 1..end).any(time) {
            return None;
        }
        // "the Commerce Department": a name without its article.
        let article = self.is(link + 1, self.f.definite_articles) && !self.capitalized(link + 1);
        let from = if article && self.capitalized(link + 2) { link + 2 } else { link + 1 };
        self.source_of(from..end, true).filter(|s| matches!(s, Source::Name { .. } | Source::Phrase { .. }))
    }

    /// "The report, published by the World Bank on Monday, found that …": records whose author
    /// is named after "by" in an aside between the records and their verb.
    pub(super) fn records_aside(&self) -> Option<Source> {
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
        let person = looks_like_person(n) || self.people.is_person(&full);
        Some(Source::Name { text: full, person, gender: None })
    }

    /// "on indiquait à Bruxelles que …": an impersonal report placed by a place name after its
    /// verb, shown as unnamed sources there. Without a place it names no one.
    pub(super) fn impersonal_source(&self, p: usize, after: usize) -> Option<Source> {
        let (on, shown) = self.f.impersonal?;
        if p == 0 || self.cut_before(p) || self.lower(p - 1) != on {
            return None;
        }
        // "De source policière, on indique que …": the unnamed source fronted before "on".
        let comma = p - 1;
        let fronted = (3..=6).contains(&comma)
            && self.gap(comma - 1, comma).trim() == ","
            && self.is(0, self.f.source_first_links)
            && self.is(1, self.f.bare_sources)
            && (1..comma).all(|m| !self.cut_before(m) && !self.inside(m));
        if fronted {
            let text = self.text.get(self.toks[1].start..self.toks[comma - 1].end)?.to_string();
            let plural = self.lower(1).ends_with('s');
            return Some(Source::Phrase { text, plural, gender: None, owner: None });
        }
        // "Du côté de la mairie, on assure que …", "Chez Renault, on indique …": the place fronted.
        let placed = self.tab.place_phrases.iter().find(|w| self.spells(0, w)).map(Vec::len);
        if let Some(len) = placed.filter(|_| comma > 1 && self.gap(comma - 1, comma).trim() == ",") {
            if let Some(np) = self.np_after(len, true).filter(|np| np.end == comma) {
                return self.source_of(np, true);
            }
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
    pub(super) fn relative_quote_source(&self) -> Option<Source> {
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

    /// "L'annonce en a été faite par X", "The statement was issued by X": a report as the
    /// subject of a passive, made by its agent.
    pub(super) fn made_by(&self) -> Option<Source> {
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
    pub(super) fn opinion_source(&self) -> Option<Source> {
        let s = usize::from(self.is(0, self.f.coordinators));
        if !self.toks.get(s).is_some_and(|t| self.f.opinion_first.contains(&t.lower.as_ref())) || self.inside(s) {
            return None;
        }
        let np = self.np_after(s + 1, true)?;
        let comma = np.end < self.toks.len() && self.gap(np.end - 1, np.end).trim_start().starts_with(',');
        let src = self.source_of(np.clone(), true).filter(|_| comma)?;
        // "Pour elle, la piétonnisation a fait fuir les clients": without a quote, a person's view
        // only (a group is as often whom it is for: "Pour les enfants, des ateliers …").
        if self.quotes.is_empty() {
            // "Pour le premier semestre": the head closing the phrase names a person.
            let core_end = (np.start + 1..np.end).find(|&m| self.is(m, self.f.prepositions)).unwrap_or(np.end);
            let person = match &src {
                Source::Pronoun { plural, .. } => !plural,
                Source::Name { person, .. } => *person,
                Source::Phrase { gender, plural, .. } => gender.is_some() && !plural && self.human(core_end - 1),
                _ => false,
            };
            let group = !person && self.group_view(np.clone(), core_end, &src);
            let person = person.then(|| self.apposed_person(np.end)).flatten().or(person.then_some(src.clone()));
            return person.filter(|_| self.clause_after(np.end)).or(group.then_some(src));
        }

        // "Pour le procureur, Jean-Marc Bailly, « … »": the person in apposition.
        if let (Source::Phrase { gender: Some(_), plural: false, .. }, Some(person)) =
            (&src, self.apposed_person(np.end))
        {
            return Some(person);
        }
        // "Pour la CFDT, « … »": an acronym names a body that speaks, not a time or a place.
        let acronym = |t: &str| t.chars().count() > 1 && t.chars().all(|c| c.is_uppercase() || c == '-' || c == '.');
        if matches!(src, Source::Pronoun { .. }) || self.names_body(np) {
            return Some(src);
        }
        match src {
            Source::Name { person: true, .. } | Source::Phrase { gender: Some(_), plural: false, .. } => Some(src),
            Source::Name { ref text, .. } if acronym(text) => Some(src),
            _ => None,
        }
    }

    /// "Pour les commerçants, la situation devient intenable": people as a group, with a view the
    /// clause after gives by a copula; not whom something is for ("Pour les enfants, l'entrée est
    /// gratuite", "Pour les habitants, la hausse est de 3 %").
    fn group_view(&self, np: std::ops::Range<usize>, core_end: usize, src: &Source) -> bool {
        let f = self.f;
        let rest = np.end..self.toks.len();
        matches!(src, Source::Phrase { plural: true, .. })
            && self.is(np.start, f.definite_articles)
            && self.human(core_end - 1)
            && !self.is(core_end - 1, f.beneficiaries)
            && rest.clone().any(|m| self.is(m, f.copulas) && !self.inside(m))
            && rest.clone().all(|m| !self.toks[m].raw.starts_with(|c: char| c.is_ascii_digit()))
    }

    /// A phrase whose head names a body that holds views ("l'opposition", "les commerçants").
    fn names_body(&self, np: std::ops::Range<usize>) -> bool {
        let head = (np.start..np.end).find(|&m| !self.is(m, self.f.determiners));
        head.is_some_and(|h| {
            let w = self.lower(h);
            in_list(self.f.bodies, w) || super::super::names::in_either(|f| f.org_words, w) || self.human(h)
        })
    }

    /// Token `m` names a person, singular or plural ("gérant", "commerçants", "maire").
    fn human(&self, m: usize) -> bool {
        let f = self.f;
        let w = self.lower(m);
        let one = w.strip_suffix('s').unwrap_or(w);
        [f.roles, f.person_nouns, f.male_words, f.female_words].iter().any(|list| in_list(list, one))
            || f.person_suffixes.iter().any(|x| one.ends_with(x) && one.chars().count() > x.chars().count() + 2)
    }

    /// A clause with a verb follows the comma after token `m` ("…, la situation devient
    /// intenable"), not a bare phrase.
    fn clause_after(&self, m: usize) -> bool {
        (m..self.toks.len()).any(|x| {
            !self.inside(x)
                && (self.is(x, self.f.auxiliaries)
                    || self.is(x, self.f.copulas)
                    || self.is(x, self.f.narration_verbs)
                    || self.is(x, crate::claims::lang::cues(self.lang).prediction)
                    || self.f.plural_verb_endings.iter().any(|e| self.lower(x).ends_with(e))
                    || self.tab.verbs.contains_key(self.lower(x)))
        })
    }

    /// "Tony Blair est « heureux d'annoncer … »": a person's own words after a copula.
    pub(super) fn copula_source(&self) -> Option<Source> {
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
    pub(super) fn colon_source(&self) -> Option<Source> {
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
}
