//! Years a report names by their place: "the year-earlier quarter", "the year before",
//! "the full year", "the fiscal year", "by year end", "the quarter ended Sept. 30".

use super::relative::year_of;
use super::tense::Tense;
use super::*;

impl Ctx<'_> {
    pub(super) fn reported_year_at(&self, i: usize) -> Option<Dt> {
        self.year_ago_period(i)
            .or_else(|| self.story_unit(i))
            .or_else(|| self.whole_year(i))
            .or_else(|| self.unit_end(i))
    }

    /// "the year-earlier period", "the year-ago quarter", "year-earlier results": the quarter
    /// or month the paragraph reports, a year back; nothing when it names none.
    fn year_ago_period(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        let k = t.find_word(i, tab.the_words).unwrap_or(i);
        let e = t.find_word(k, tab.year_ago_adjectives)?;
        let unit = self.unit_at(e).filter(|&(x, _)| !t.norm(x - 1).ends_with('s'));
        let noun = unit.map(|(x, _)| x).or_else(|| t.find_word(e, tab.period_nouns));
        // "year-earlier results": the adjective alone is the date.
        let (i, e) = match noun {
            Some(x) => (i, x),
            None => (k, e),
        };
        self.year_before_reported(i, e, TimeUnit::Year, 1.0)
    }

    /// "the year before.", "a month later,", "the following year", "l'année précédente": a
    /// unit counted from the period the story told last (or the reported quarter, or the
    /// reference). A clause or a noun after "before" ("the year before the war") names its
    /// own anchor: left alone.
    pub(super) fn story_unit(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        let the = t.find_word(i, tab.the_words).map(|e| t.skip_joiner(e));
        let (k, before) = match the.and_then(|k| t.find(k, tab.story_unit_before)) {
            Some((e, dir)) => (e, Some(dir)),
            None => (the.or_else(|| self.count_at(i, true).filter(|&(_, n)| n == 1.0).map(|(e, _)| e))?, None),
        };
        let (e, unit) =
            self.unit_at(k).filter(|&(_, u)| matches!(u, TimeUnit::Year | TimeUnit::Month | TimeUnit::Week))?;
        if t.norm(k).ends_with('s') && t.norm(k) != "mois" {
            return None;
        }
        let (e, dir) = match before {
            Some(dir) if !t.is_num(e) => (e, dir),
            Some(_) => return None,
            None => {
                let (e2, dir) = t.find(e, tab.story_unit_after)?;
                // "the year before the war": the clause or noun after names the anchor.
                let opens = tab.anaphora_conjunctions.contains(&t.norm(e2 - 1));
                if opens && (t.is_word(e2) || t.is_num(e2)) {
                    return None;
                }
                (e2, dir)
            }
        };
        if dir < 0 {
            if let Some(d) = self.year_before_reported(i, e, unit, 1.0) {
                return Some(d);
            }
        }
        // "the following week" with no day told before it: left to the reference's calendar.
        let told = self.story_period(unit).or(self.anchor);
        if before.is_some() && told.is_none() {
            return None;
        }
        let base = told.or(self.refdate());
        self.ago(i, e, unit, -(dir as f64), base)
    }

    /// "the full year", "the whole year", "the fiscal year" (with no number after): the year
    /// of the document, or the one holding the day after "ended".
    fn whole_year(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        let k = t.skip_joiner(t.find_word(i, tab.the_words)?);
        let whole = t.find_word(k, tab.whole_period_words);
        let k = whole.unwrap_or(k);
        let fiscal_end = t.find_word(k, tab.fiscal_words).filter(|&e| self.unit_at(e - 1).is_some());
        let e = match fiscal_end {
            Some(e) => e,
            None if whole.is_some() => self.unit_at(k).filter(|&(_, u)| u == TimeUnit::Year)?.0,
            None => return None,
        };
        if t.is_num(e) || t.norm(e - 1).ends_with('s') {
            return None;
        }
        let year = match self.period_ended(i, e, TimeUnit::Year) {
            Some(p) => return Some(if fiscal_end.is_some() { fiscal(i, p.end, year_of(&p)?) } else { p }),
            None => self.refdate()?.year(),
        };
        match fiscal_end {
            Some(_) => Some(fiscal(i, e, year)),
            None => self.unit_period(i, e, TimeUnit::Year, 0, self.refdate()),
        }
    }

    /// "year end", "year-end", "the month's end": the current period of that unit, which the
    /// TIMEX value gives whole (as "the end of the year").
    fn unit_end(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let k = t.find_word(i, self.tab.the_words).map_or(i, |e| t.skip_joiner(e));
        let (e, unit) =
            self.unit_at(k).filter(|&(_, u)| matches!(u, TimeUnit::Year | TimeUnit::Month | TimeUnit::Quarter))?;
        if t.norm(k).ends_with('s') && t.norm(k) != "mois" {
            return None;
        }
        let e2 = t.find_word(t.skip_joiner(e), self.tab.unit_end_words)?;
        self.unit_period(i, e2, unit, 0, self.refdate())
    }

    /// "the quarter" (tokens `i..e`) that its words or its clause say: the one holding the day
    /// after "ended" ("for the quarter ended Sept. 30"), or, told in the past ("net income for
    /// the quarter rose"), the last one completed: results come after a quarter's end.
    pub(super) fn quarter_told(&self, i: usize, e: usize) -> Option<Dt> {
        if let Some(q) = self.period_ended(i, e, TimeUnit::Quarter) {
            return Some(q);
        }
        if self.tense_around(i, e) == Tense::Past {
            return self.unit_period(i, e, TimeUnit::Quarter, -1, self.refdate());
        }
        None
    }

    /// "the quarter (tokens `i..e`) ended Sept. 30", "the week ending Oct. 14": the period of
    /// that unit holding the day named after it.
    pub(super) fn period_ended(&self, i: usize, e: usize, unit: TimeUnit) -> Option<Dt> {
        let k = self.t.find_word(e, self.tab.period_end_links)?;
        let p = self.point_at(k, false).filter(|p| p.gran == Granularity::Day)?;
        let day = NaiveDate::parse_from_str(p.start.as_deref().unwrap_or(&p.value), "%Y-%m-%d").ok()?;
        period(i, e, period_start(day, unit)?, unit, true)
    }
}
