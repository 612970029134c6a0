//! Counting from a reference or an anchor: "last/next/this" + a unit, weekday, month or quarter,
//! "3 weeks ago", "two years later", "a year earlier" (the period a year before the one reported).

use super::*;

impl Ctx<'_> {
    /// last/next/this + unit|weekday|month|season|quarter.
    pub(super) fn anchored(&self, i: usize, e: usize, dir: i64, r: Option<NaiveDate>) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        // "last fiscal year", "next financial year".
        if let Some(e2) = t
            .find_word(e, tab.fiscal_words)
            .filter(|&e2| e2 > e + 1 && self.unit_at(e2 - 1).is_some_and(|(_, u)| u == TimeUnit::Year))
        {
            let Some(r) = r else { return Some(unresolved(i, e2, Granularity::Year)) };
            return Some(fiscal(i, e2, r.year() + dir as i32));
        }
        if let Some((e2, unit)) = self.unit_at(e) {
            if t.norm(e).ends_with('s') && t.norm(e) != "mois" {
                return None;
            }
            // "ce mois-ci", "cette semaine-ci".
            let e3 = t.skip_joiner(e2);
            let e2 = if e3 > e2 { t.find_word(e3, tab.this_after).unwrap_or(e2) } else { e2 };
            return self.unit_period(i, e2, unit, dir, r);
        }
        if let Some((e2, wd)) = t.find(e, tab.weekdays) {
            let Some(r) = r else { return Some(unresolved(i, e2, Granularity::Day)) };
            let monday = add_days(r, -(r.weekday().num_days_from_monday() as i64))?;
            let d = add_days(monday, (wd as i64 - 1) + 7 * dir)?;
            let mut dt = day_dt(i, e2, d, true)?;
            dt.day = None;
            return Some(dt);
        }
        if let Some((e2, m)) =
            self.month_at(e).filter(|_| t.upper(e) || tab.decimal_comma || !tab.ambiguous_months.contains(&t.norm(e)))
        {
            let Some(r) = r else { return Some(unresolved(i, e2, Granularity::Month)) };
            let y = r.year() + dir as i32;
            // "last Oct. 23": that day of the month, not the whole month.
            if let Some((e3, d)) = self.day_at(e2).filter(|_| t.is_num(e2) && t.digits(e2) <= 2) {
                let (e4, y) = self.any_year_at(self.year_link(e3)).unwrap_or((e3, y));
                let mut dt = day_dt(i, e4, ymd(y, m, d)?, true)?;
                dt.day = None;
                return Some(dt);
            }
            return period(i, e2, ymd(y, m, 1)?, TimeUnit::Month, true);
        }
        if let Some((e2, m)) = t.find(e, tab.seasons) {
            let Some(r) = r else { return Some(unresolved(i, e2, Granularity::Month)) };
            let y = r.year() + dir as i32;
            return Some(season(i, e2, y, m, true));
        }
        None
    }

    pub(super) fn unit_period(&self, i: usize, e: usize, unit: TimeUnit, dir: i64, r: Option<NaiveDate>) -> Option<Dt> {
        let Some(r) = r else { return Some(unresolved(i, e, gran_of(unit))) };
        if matches!(unit, TimeUnit::Day) {
            let d = add_days(r, dir)?;
            return day_dt(i, e, d, true);
        }
        if matches!(unit, TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour) {
            return None;
        }
        let s = shift(period_start(r, unit)?, unit, dir)?;
        period(i, e, s, unit, true)
    }

    /// "a year earlier" (or ago) after a quarter or month named in the paragraph: that period,
    /// the years before ("third-quarter profit rose from $4 million a year earlier" → 1988-Q3).
    pub(super) fn year_before_reported(&self, i: usize, e: usize, unit: TimeUnit, n: f64) -> Option<Dt> {
        let (s, of) = self.reported.filter(|_| unit == TimeUnit::Year && n.fract() == 0.0)?;
        period(i, e, shift(s, TimeUnit::Year, -(n as i64))?, of, true)
    }

    /// The first day of the story's last period fine enough to count years or months from
    /// ("in 2010", "in May 2010"); none for shorter units, which count from its last day.
    pub(super) fn story_period(&self, unit: TimeUnit) -> Option<NaiveDate> {
        let (d, g) = self.period_anchor?;
        match unit {
            TimeUnit::Year | TimeUnit::Decade | TimeUnit::Century => Some(d),
            TimeUnit::Month | TimeUnit::Quarter => matches!(g, Granularity::Day | Granularity::Month).then_some(d),
            _ => None,
        }
    }

    /// "50 years ago", "two months ago", "six weeks ago": the year, month or week that many
    /// units before the reference; the words commit to no finer day. Days and hours stay points.
    pub(super) fn ago(&self, i: usize, e: usize, unit: TimeUnit, n: f64, r: Option<NaiveDate>) -> Option<Dt> {
        let whole = match unit {
            TimeUnit::Year | TimeUnit::Decade | TimeUnit::Century => Some(TimeUnit::Year),
            TimeUnit::Quarter | TimeUnit::Month => Some(TimeUnit::Month),
            TimeUnit::Week | TimeUnit::Fortnight => Some(TimeUnit::Week),
            _ => None,
        };
        match (whole, r) {
            (Some(g), Some(r)) if n.fract() == 0.0 => {
                let d = shift(r, unit, -(n as i64))?;
                period(i, e, period_start(d, g)?, g, true)
            }
            _ => self.offset(i, e, unit, -n, r),
        }
    }

    pub(super) fn offset(&self, i: usize, e: usize, unit: TimeUnit, n: f64, r: Option<NaiveDate>) -> Option<Dt> {
        match self.reference {
            Some(rt) => {
                if matches!(unit, TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour) {
                    // "in half an hour": fractions count here.
                    let secs = (match unit {
                        TimeUnit::Hour => 3600.0,
                        TimeUnit::Minute => 60.0,
                        _ => 1.0,
                    } * n)
                        .round()
                        .clamp(-1e12, 1e12) as i64;
                    let at = rt.checked_add_signed(chrono::TimeDelta::try_seconds(secs)?)?;
                    return Some(Dt {
                        start_tok: i,
                        end: e,
                        kind: DateKind::DateTime,
                        value: iso_second(at),
                        start: None,
                        end_date: None,
                        gran: Granularity::Minute,
                        relative: true,
                        strong: true,
                        day: None,
                    });
                }
                let d = shift(r?, unit, n.round() as i64)?;
                let mut dt = day_dt(i, e, d, true)?;
                dt.gran = gran_of(unit);
                dt.day = None;
                Some(dt)
            }
            None => Some(unresolved(i, e, gran_of(unit))),
        }
    }
}
