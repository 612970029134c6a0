//! The tense of the clause around a date: news reports the past, so a month, a day or a
//! weekday without its year or week is read as the latest one in a past-tense clause, the next
//! one in a future-tense clause, and the nearest one otherwise.

use super::*;

/// How far, in tokens either side of a date, a tense cue is looked for.
const TENSE_WINDOW: usize = 32;

/// Days after the reference within which a date in a past-tense clause is read as scheduled.
const SCHEDULED_DAYS: i64 = 62;

/// How far, in tokens, a verb known only by its ending after a clitic gives the date its tense.
const CLITIC_VERB_WINDOW: usize = 6;

/// Days either side of the reference within which a day is read as the nearby one.
const NEAR_DAYS: i64 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    /// A present-tense verb (French "ont rendez-vous", "peuvent"): a lone weekday is the coming
    /// one; a month or a day is the nearest, as with no cue.
    Present,
    Unknown,
}

impl Ctx<'_> {
    /// The tense of the verb nearest to the date at tokens `i..e`, within its sentence; a
    /// deadline word just before the date ("until", "as soon as") points to the future.
    pub(super) fn tense_around(&self, i: usize, e: usize) -> Tense {
        // "get around Wednesday's ruling", said in past-tense reporting: the ruling is one the
        // report looks back on, whatever the tense of the verb nearest to it.
        if self.possessive_at(e) && self.clause_has_past(i, e) {
            return Tense::Past;
        }
        // "Until Thursday, they had not…": a lead opening the sentence frames the main clause;
        // a past-tense main clause puts the day before the reference.
        if self.deadline_lead(i) {
            let framed = self.opening_frame(i, e) && self.clause_tense(i, e) == Tense::Past;
            return if framed { Tense::Past } else { Tense::Future };
        }
        self.clause_tense(i, e)
    }

    /// The tense of the verb nearest to tokens `i..e`, within its sentence.
    fn clause_tense(&self, i: usize, e: usize) -> Tense {
        let t = self.t;
        let (mut left, mut right) = (i, e);
        let mut left_open = true;
        let mut right_open = true;
        for _ in 0..TENSE_WINDOW {
            if left_open {
                if left == 0 || self.clause_break(left - 1) || self.quote_mark(left - 1) || t.paragraph_break(left) {
                    left_open = false;
                } else {
                    left -= 1;
                    if let Some(found) = self.cue_within(left, i - left) {
                        return found;
                    }
                }
            }
            if right_open {
                // "will be held on April 24, officials said": the report's tense stays out.
                let attribution = t.is_punct(right, ',')
                    && (right + 1..(right + 5).min(t.len())).any(|k| self.tab.attribution_verbs.contains(&t.norm(k)));
                if right >= t.len()
                    || self.clause_break(right)
                    || self.quote_mark(right)
                    || t.paragraph_break(right)
                    || attribution
                {
                    right_open = false;
                } else {
                    if let Some(found) = self.cue_within(right, right + 1 - e) {
                        return found;
                    }
                    right += 1;
                }
            }
            if !left_open && !right_open {
                break;
            }
        }
        Tense::Unknown
    }

    /// Some past-tense cue in the clause around tokens `i..e`, however far.
    fn clause_has_past(&self, i: usize, e: usize) -> bool {
        let t = self.t;
        let mut k = i;
        while k > 0 && !self.clause_break(k - 1) && !t.paragraph_break(k) {
            k -= 1;
            if self.tense_cue(k) == Some(Tense::Past) {
                return true;
            }
        }
        let mut k = e;
        while k < t.len() && !self.clause_break(k) && !t.paragraph_break(k) {
            if self.tense_cue(k) == Some(Tense::Past) {
                return true;
            }
            k += 1;
        }
        false
    }

    /// A perfect in the sentence around tokens `i..e`: an auxiliary then a participle ("has
    /// held", "have been"), not "have to" or "has a".
    pub(super) fn perfect_clause(&self, i: usize, e: usize) -> bool {
        let t = self.t;
        let tab = self.tab;
        let perfect = |k: usize| {
            tab.perfect_auxiliaries.contains(&t.norm(k))
                && t.is_word(k + 1)
                && !t.upper(k + 1)
                && (!tab.stop_words.contains(&t.norm(k + 1)) || tab.perfect_stop_participles.contains(&t.norm(k + 1)))
        };
        let from = (i.saturating_sub(TENSE_WINDOW)..i)
            .rev()
            .take_while(|&k| !self.clause_break(k) && !t.paragraph_break(k + 1))
            .last()
            .unwrap_or(i);
        let to = (e..t.len().min(e + TENSE_WINDOW))
            .find(|&k| self.clause_break(k) || t.paragraph_break(k))
            .unwrap_or(t.len().min(e + TENSE_WINDOW));
        (from..i).chain(e..to).any(perfect)
    }

    /// A quotation mark at token `k` ("“", "»", "''", "``"): a quote keeps its own tense, apart
    /// from the reporting verb ("will leave Thursday," he said).
    fn quote_mark(&self, k: usize) -> bool {
        let t = self.t;
        let doubled = |c: char| {
            t.is_punct(k, c)
                && ((t.is_punct(k + 1, c) && t.glued(k + 1)) || (k > 0 && t.is_punct(k - 1, c) && t.glued(k)))
        };
        ['"', '“', '”', '«', '»'].iter().any(|&c| t.is_punct(k, c)) || doubled('\'') || doubled('`')
    }

    /// "'s" (or "’s") at token `e`.
    pub(super) fn possessive_at(&self, e: usize) -> bool {
        let t = self.t;
        e + 1 < t.len()
            && (t.is_punct(e, '\'') || t.is_punct(e, '’'))
            && t.norm(e + 1) == "s"
            && t.glued(e)
            && t.glued(e + 1)
    }

    /// The date at `i..e` follows a lead that opens its sentence and is followed by a comma.
    fn opening_frame(&self, i: usize, e: usize) -> bool {
        let t = self.t;
        // A capital after a period opens a sentence even after a short word ("him. Until").
        let starts = |k: usize| {
            k == 0
                || self.clause_break(k - 1)
                || t.paragraph_break(k)
                || t.line_start(k)
                || (t.upper(k) && t.is_punct(k - 1, '.'))
        };
        t.is_punct(e, ',')
            && (i.saturating_sub(3)..i).any(|k| starts(k) && t.find_word(k, self.tab.future_leads) == Some(i))
    }

    /// A deadline word just before token `i` ("until Thursday"), or before a clock time that
    /// ends at `i` ("until 9 a.m. Tuesday").
    fn deadline_lead(&self, i: usize) -> bool {
        let t = self.t;
        let lead_to = |p: usize| (p.saturating_sub(4)..p).any(|k| t.find_word(k, self.tab.future_leads) == Some(p));
        lead_to(i)
            || (i.saturating_sub(6)..i)
                .any(|k| self.clock_at(k).is_some_and(|(_, _, _, ce)| ce <= i && i - ce <= 1) && lead_to(k))
    }

    /// A sentence end: "!", "?", ";", or a period before a capital that does not close an
    /// abbreviation ("Oct.", "Mr.", "U.S.").
    fn clause_break(&self, k: usize) -> bool {
        let t = self.t;
        if t.is_punct(k, '!') || t.is_punct(k, '?') || t.is_punct(k, ';') {
            return true;
        }
        t.is_punct(k, '.')
            && (k + 1 >= t.len() || t.upper(k + 1))
            && k > 0
            && (t.is_num(k - 1) || (t.norm(k - 1).len() > 3 && self.month_at(k - 1).is_none()))
    }

    /// The tense word `k` marks, `dist` tokens from the date: a verb known only by its ending
    /// after a clitic counts near the date only ("se réunit mardi"), not across an aside
    /// ("les supporters s'inquiètent de la forme de l'équipe, battue jeudi").
    fn cue_within(&self, k: usize, dist: usize) -> Option<Tense> {
        self.word_cue(k).or_else(|| (dist <= CLITIC_VERB_WINDOW).then(|| self.finite_after_clitic(k)).flatten())
    }

    /// The tense a word marks: [`Ctx::word_cue`], or a finite verb after a clitic.
    pub(super) fn tense_cue(&self, k: usize) -> Option<Tense> {
        self.word_cue(k).or_else(|| self.finite_after_clitic(k))
    }

    /// The tense a word marks: an auxiliary or cue word from the language table, or a verb
    /// ending ("-ed" in English, "-era"/"-ront" in French).
    fn word_cue(&self, k: usize) -> Option<Tense> {
        let t = self.t;
        let tab = self.tab;
        if !t.is_word(k) {
            return None;
        }
        let w = t.norm(k);
        if let Some((_, links)) = tab.intent_cues.iter().find(|(c, _)| *c == w) {
            return links.contains(&t.norm(k + 1)).then_some(Tense::Future);
        }
        if tab.future_cues.contains(&w) {
            return Some(Tense::Future);
        }
        // "would be held": a participle after an auxiliary of the passive carries no tense.
        let after_passive = k > 0 && tab.passive_auxiliaries.contains(&t.norm(k - 1));
        if tab.past_cues.contains(&w) {
            // "were planning to march", "was expected": a plan told in the past points ahead.
            let next = if t.norm(k + 1) == "not" { k + 2 } else { k + 1 };
            if t.is_word(next) && self.tense_cue(next) == Some(Tense::Future) {
                return Some(Tense::Future);
            }
            return (!after_passive).then_some(Tense::Past);
        }
        if let Some(found) = self.auxiliary_tense(k) {
            return Some(found);
        }
        if tab.present_cues.contains(&w) && !ends_accented_e(t.slice(k, k + 1)) {
            return Some(Tense::Present);
        }
        let long = w.len() >= 5 && !tab.tense_suffix_exceptions.contains(&w) && (!t.upper(k) || self.shouted(k));
        if long && tab.future_suffixes.iter().any(|s| w.ends_with(s)) {
            return Some(Tense::Future);
        }
        if long && tab.past_suffixes.iter().any(|s| w.ends_with(s)) && !after_passive {
            return Some(Tense::Past);
        }
        None
    }

    /// Word `k` is in capitals, and so is a word next to it: a headline in capitals ("LE CLUB
    /// OUVRIRA DIMANCHE"), where a capital is no sign of a name.
    fn shouted(&self, k: usize) -> bool {
        let t = self.t;
        let caps = |k: usize| {
            let w = t.slice(k, k + 1);
            t.is_word(k) && w.chars().count() >= 2 && w.chars().all(|c| !c.is_lowercase())
        };
        caps(k) && ((k > 0 && caps(k - 1)) || caps(k + 1))
    }

    /// A finite verb right after a subject pronoun or a clitic ("ils ouvrent", "le conseil se
    /// réunit", "qui n'ouvre", "elle préparait"): the present or the imperfect by its ending.
    /// An infinitive ("pour se réunir"), a participle or a conditional marks nothing.
    fn finite_after_clitic(&self, k: usize) -> Option<Tense> {
        let t = self.t;
        let tab = self.tab;
        if tab.subject_clitics.is_empty() || !t.is_word(k) || t.upper(k) || ends_accented_e(t.slice(k, k + 1)) {
            return None;
        }
        // Back over clitics and apostrophes ("qu'il ne s'"), up to a subject pronoun.
        let (mut p, mut clitic, mut subject) = (k, false, false);
        for _ in 0..5 {
            if p == 0 {
                break;
            }
            let q = p - 1;
            if t.is_punct(q, '\'') && t.glued(p) {
                p = q;
                continue;
            }
            let n = t.norm(q);
            if tab.subject_clitics.contains(&n) {
                subject = true;
                break;
            }
            if !(tab.reflexive_pronouns.contains(&n) || tab.verb_clitics.contains(&n)) {
                break;
            }
            clitic = true;
            p = q;
        }
        let w = t.norm(k);
        // "les magasins ouvrent": a plural present right after a plural noun.
        let plural_subject = k > 0
            && t.is_word(k - 1)
            && !t.upper(k - 1)
            && (t.norm(k - 1).ends_with('s') || t.norm(k - 1).ends_with('x'))
            && w.len() >= 5
            && tab.plural_present_endings.iter().any(|s| w.ends_with(s))
            && !tab.adverb_endings.iter().any(|s| w.ends_with(s))
            && !tab.tense_suffix_exceptions.contains(&w);
        if plural_subject {
            return Some(Tense::Present);
        }
        if !(subject || clitic) || tab.not_present_endings.iter().any(|s| w.ends_with(s)) {
            return None;
        }
        if tab.imperfect_endings.iter().any(|s| w.ends_with(s)) {
            return Some(Tense::Past);
        }
        tab.present_endings.iter().any(|s| w.ends_with(s)).then_some(Tense::Present)
    }

    /// The tense an auxiliary at `k` makes (French): "a annoncé", "s'est rendu", "est arrivé"
    /// are past; "ont rendez-vous", "est fixé", "sont incertains" are present.
    fn auxiliary_tense(&self, k: usize) -> Option<Tense> {
        let t = self.t;
        let tab = self.tab;
        let w = t.norm(k);
        let have = tab.have_auxiliaries.contains(&w);
        if !have && !tab.be_auxiliaries.contains(&w) {
            return None;
        }
        // "à" folds to "a": only the unaccented word is the verb.
        if have && w == "a" && !matches!(t.slice(k, k + 1), "a" | "A") {
            return None;
        }
        let mut j = k + 1;
        while j < t.len().min(k + 6) && (tab.aux_adverbs.contains(&t.norm(j)) || t.is_punct(j, '-')) {
            j += 1;
        }
        let Some(stem) = self.participle_at(j) else {
            return Some(Tense::Present);
        };
        // Not the "vous" of "Rendez-vous est fixé".
        let reflexive = (k.saturating_sub(2)..k)
            .any(|p| tab.reflexive_pronouns.contains(&t.norm(p)) && !(p > 0 && t.is_punct(p - 1, '-')));
        if have || reflexive || tab.be_verbs.contains(&stem.as_str()) {
            Some(Tense::Past)
        } else {
            Some(Tense::Present)
        }
    }

    /// A past participle at `j`, as its folded masculine singular: "annoncées" → "annonce".
    fn participle_at(&self, j: usize) -> Option<String> {
        let t = self.t;
        if j >= t.len() || !t.is_word(j) {
            return None;
        }
        let w = t.norm(j);
        if ends_accented_e(t.slice(j, j + 1)) {
            let stem = w
                .strip_suffix("ees")
                .map(|s| format!("{s}e"))
                .or_else(|| w.strip_suffix("es").map(|s| format!("{s}e")));
            return Some(
                stem.or_else(|| w.strip_suffix("ee").map(|s| format!("{s}e"))).unwrap_or_else(|| w.to_string()),
            );
        }
        let stems =
            [w, w.strip_suffix("es").unwrap_or(w), w.strip_suffix('e').unwrap_or(w), w.strip_suffix('s').unwrap_or(w)];
        stems.iter().find(|s| self.tab.participles.contains(s)).map(|s| s.to_string())
    }

    /// The year of month `m` (and day `d`) nearest to the reference in the direction the
    /// clause's tense gives: the latest one on or before it in the past, the first one on or
    /// after it in the future, the nearest one otherwise (the earlier one on a tie).
    /// `dated_by_verb`: the tense is the verb's own ([`Ctx::verb_dates`]): a past-tense day is
    /// not read as scheduled.
    pub(super) fn year_by_tense(&self, m: u32, d: Option<u32>, tense: Tense, dated_by_verb: bool) -> Option<i32> {
        let r = self.refdate()?;
        // Months compare by their first day with the reference's month, days by themselves;
        // Feb 29 by Feb 28.
        let day = d.unwrap_or(1);
        let from = if d.is_some() { r } else { ymd(r.year(), r.month(), 1)? };
        let date_in = |y| ymd(y, m, day).or_else(|| ymd(y, m, day.saturating_sub(1)));
        self.pick_year_with(from, tense, date_in, dated_by_verb)
    }

    /// A past-tense verb just before the date at `i`, with only a preposition or an adverb
    /// between ("She returned in March", "closed on Nov. 27"): the date is when it happened.
    /// A future-tense clause without a deadline word ("will testify on Dec. 28") dates itself too.
    pub(super) fn verb_dates(&self, i: usize, e: usize) -> bool {
        let t = self.t;
        let breaks = self.tab.verb_date_breaks;
        if breaks.is_empty() {
            return false;
        }
        if !self.deadline_lead(i) && self.clause_tense(i, e) == Tense::Future {
            return true;
        }
        for k in (i.saturating_sub(4)..i).rev() {
            if !t.is_word(k) || breaks.contains(&t.norm(k)) {
                return false;
            }
            if self.tense_cue(k).is_some() {
                return self.tense_cue(k) == Some(Tense::Past) && i - k <= 3;
            }
        }
        false
    }

    /// The year of month `m` (and day `d`) strictly in direction `dir` from the reference:
    /// the latest one on or before it (-1), the first one after it (1). Months compare by
    /// their first day with the reference's month.
    pub(super) fn year_in_direction(&self, m: u32, d: Option<u32>, dir: i32) -> Option<i32> {
        let r = self.refdate()?;
        let day = d.unwrap_or(1);
        let from = if d.is_some() { r } else { ymd(r.year(), r.month(), 1)? };
        let date_in = |y: i32| ymd(y, m, day).or_else(|| ymd(y, m, day.saturating_sub(1)));
        let ys = [from.year() - 1, from.year(), from.year() + 1];
        if dir < 0 {
            ys.into_iter().filter(|&y| date_in(y).is_some_and(|c| c <= from)).max()
        } else {
            ys.into_iter().filter(|&y| date_in(y).is_some_and(|c| c > from)).min()
        }
    }

    /// The year whose `date_in(year)` the tense points to, as [`Ctx::year_by_tense`], seen
    /// from the day `from`.
    pub(super) fn pick_year(
        &self,
        from: NaiveDate,
        tense: Tense,
        date_in: impl Fn(i32) -> Option<NaiveDate>,
    ) -> Option<i32> {
        self.pick_year_with(from, tense, date_in, false)
    }

    /// [`Ctx::pick_year`]; `dated_by_verb`: the tense is the verb's own, so a past-tense
    /// day is never after `from` (nor read as scheduled) and a future-tense one never before.
    fn pick_year_with(
        &self,
        from: NaiveDate,
        tense: Tense,
        date_in: impl Fn(i32) -> Option<NaiveDate>,
        dated_by_verb: bool,
    ) -> Option<i32> {
        let key = |y: i32| date_in(y).map(|c| (c - from).num_days());
        let y = from.year();
        let candidates = [y - 1, y, y + 1];
        let gaps: Vec<(i32, i64)> = candidates.iter().filter_map(|&c| key(c).map(|g| (c, g))).collect();
        // A past-tense clause cannot report what has not happened yet: a day or month shortly
        // after the reference is a scheduled one ("the court set a hearing for March 6").
        let soon = |g: i64| g > 0 && g <= SCHEDULED_DAYS;
        let tense = if !dated_by_verb && tense == Tense::Past && gaps.iter().any(|(_, g)| soon(*g)) {
            Tense::Future
        } else {
            tense
        };
        let pick = match tense {
            Tense::Past => gaps.iter().filter(|(_, g)| *g <= 0).max_by_key(|(_, g)| *g),
            Tense::Future => gaps.iter().filter(|(_, g)| *g >= 0).min_by_key(|(_, g)| *g),
            Tense::Present | Tense::Unknown => gaps.iter().min_by_key(|(c, g)| (g.abs(), *c)),
        };
        // A day within a fortnight of the reference is that one, whatever the tense says: "by
        // Jan. 14" in a January 15 report is the deadline just past, not one a year away.
        // A verb dating itself keeps its side of the reference ("was arrested on March 2" in a
        // February 18 report, "will testify on Dec. 28" in a January 5 one).
        let side = |g: i64| match tense {
            Tense::Past => g <= 0,
            Tense::Future => g >= 0,
            _ => true,
        };
        let near = gaps
            .iter()
            .filter(|(_, g)| g.abs() <= NEAR_DAYS && (!dated_by_verb || side(*g)))
            .min_by_key(|(_, g)| g.abs());
        match (pick, near) {
            (Some((_, g)), Some((c, _))) if g.abs() > 2 * SCHEDULED_DAYS => Some(*c),
            _ => pick.map(|(c, _)| *c),
        }
    }

    /// The weekday `wd` (1 = Monday) nearest to the reference day in the tense's direction,
    /// the reference day included; the latest one when the tense is unknown.
    pub(super) fn weekday_by_tense(&self, wd: u32, tense: Tense) -> Option<NaiveDate> {
        let r = self.refdate()?;
        let today = r.weekday().number_from_monday() as i64;
        let gap = match tense {
            Tense::Future | Tense::Present => (wd as i64 - today).rem_euclid(7),
            _ => -(today - wd as i64).rem_euclid(7),
        };
        add_days(r, gap)
    }
}

/// The word ends in "é", "ée", "és" or "ées": a past participle in French.
fn ends_accented_e(raw: &str) -> bool {
    let lower = raw.to_lowercase();
    ["é", "ée", "és", "ées"].iter().any(|e| lower.ends_with(e))
}
