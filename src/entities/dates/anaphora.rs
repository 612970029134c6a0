//! Dates that point back to the last day the article named: "that day", "the next morning",
//! "later that year", "le lendemain", "la veille".

use super::*;

impl Ctx<'_> {
    /// "that same day", "the following morning", "that year" → the article's last named day
    /// (or its period), shifted as the words say. Nothing without such a day.
    pub(super) fn anaphora_at(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        if let Some((e, (n, code))) = t.find(i, tab.anaphora_days).filter(|&(e, _)| self.there_ok(e)) {
            // "the day before returning", "the day before authorities issued a warrant": a
            // clause follows, and the day is the clause's, which the words do not date.
            let opens_clause = n != 0
                && tab.anaphora_conjunctions.contains(&t.norm(e - 1))
                && t.is_word(e)
                && ((t.norm(e).len() > 4 && t.norm(e).ends_with("ing"))
                    || self.tense_cue(e + 1) == Some(super::tense::Tense::Past));
            if opens_clause {
                return None;
            }
            // "last October … that same day": the month named since the last day holds
            // the day, which the words do not give ("1998-10-XX").
            if let Some(value) = self.day_in_period().filter(|_| code.is_empty()) {
                let mut dt = Dt::plain(i, e, DateKind::Date, value, Granularity::Day);
                dt.relative = true;
                return Some(dt);
            }
            let anchor = self.anchor?;
            let d = add_days(anchor, n)?;
            if code.is_empty() {
                let mut dt = day_dt(i, e, d, true)?;
                dt.day = None;
                return Some(dt);
            }
            let mut dt = Dt::part_of_day(i, e, code);
            dt.kind = DateKind::DateTime;
            dt.value = format!("{}T{code}", iso(d));
            dt.relative = true;
            return Some(dt);
        }
        // "à ce moment-là": the last clock time on a day, else the last day.
        if let Some(e) = t.find_word(i, tab.anaphora_moments).filter(|&e| self.there_ok(e)) {
            if let Some(m) = self.moment {
                let mut dt = Dt::plain(i, e, DateKind::DateTime, iso_minute(m), Granularity::Minute);
                dt.relative = true;
                return Some(dt);
            }
            let mut dt = day_dt(i, e, self.anchor?, true)?;
            dt.day = None;
            return Some(dt);
        }
        // "later that year" takes the year of the last date named, be it a day, a month or a
        // year ("in June 1998 … later that year"); a month or week needs one as fine.
        let (e, unit) = t.find(i, tab.anaphora_periods).filter(|&(e, _)| self.there_ok(e))?;
        let fine_enough = |g: Granularity| match unit {
            TimeUnit::Year => true,
            TimeUnit::Month => matches!(g, Granularity::Day | Granularity::Month),
            _ => g == Granularity::Day,
        };
        let last = self.period_anchor.filter(|&(_, g)| fine_enough(g)).map(|(d, _)| d).or(self.anchor)?;
        period(i, e, period_start(last, unit)?, unit, true)
    }

    /// An unnamed day of the month the article named last, when no day named since lies in
    /// it: "1998-10-XX". (A year is too often a modifier, "the 1998 bombing", to be the anchor.)
    fn day_in_period(&self) -> Option<String> {
        let (d, g) = self.period_anchor?;
        if g != Granularity::Month || self.anchor.is_some_and(|a| period_start(a, TimeUnit::Month) == Some(d)) {
            return None;
        }
        Some(format!("{}-{:02}-XX", iso_year(d.year()), d.month()))
    }

    /// A phrase ending in French "là" ("ce jour-là") needs the accent or the hyphen: "cette
    /// semaine la liste" is "this week", the article of the next noun.
    fn there_ok(&self, e: usize) -> bool {
        let t = self.t;
        if e == 0 || t.norm(e - 1) != "la" {
            return true;
        }
        t.slice(e - 1, e).to_lowercase() == "là" || (e >= 2 && t.is_punct(e - 2, '-') && t.glued(e - 1))
    }
}
