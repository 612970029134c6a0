//! Dates that point back to the last day the article named: "that day", "the next morning",
//! "later that year", "le lendemain", "la veille".

use super::*;

impl Ctx<'_> {
    /// "that same day", "the following morning", "that year" → the article's last named day
    /// (or its period), shifted as the words say. Nothing without such a day.
    pub(super) fn anaphora_at(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        let anchor = self.anchor?;
        if let Some((e, (n, code))) = t.find(i, tab.anaphora_days) {
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
        let (e, unit) = t.find(i, tab.anaphora_periods)?;
        period(i, e, period_start(anchor, unit)?, unit, true)
    }
}
