//! Periods a report names by their place: "the year before", "the following year", "the
//! quarter ended Sept. 30".

use super::tense::Tense;
use super::*;

impl Ctx<'_> {
    /// "the year before.", "the month after,", "the following year", "l'année précédente": a
    /// unit counted from the period the paragraph told last (or the reported quarter, or the
    /// reference). A clause or a noun after "before" ("the year before the war") names its
    /// own anchor: left alone.
    pub(super) fn story_unit(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        let the = t.skip_joiner(t.find_word(i, tab.the_words)?);
        let (k, before) = match t.find(the, tab.story_unit_before) {
            Some((e, dir)) => (e, Some(dir)),
            None => (the, None),
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
        // The story's period counts when this paragraph named it; "the previous year" with
        // none is left to the reference's calendar ("the following week" too).
        let told = self.story_period(unit).or(self.anchor).filter(|_| self.period_here);
        if before.is_some() && told.is_none() {
            return None;
        }
        let base = told.or(self.refdate());
        self.ago(i, e, unit, -(dir as f64), base)
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
        let (_, day) = self.day_point_at(k)?;
        period(i, e, period_start(day, unit)?, unit, true)
    }
}
