//! Parts and edges of periods ("early March", "the end of the week", "the week of May 3"),
//! year and decade mentions.

use super::*;

impl Ctx<'_> {
    /// A time after a date, with its link word: "at 5", "before 4pm", "à 17h".
    pub(super) fn linked_time(&self, j: usize) -> Option<(u32, u32, u32, usize)> {
        let t = self.t;
        let j = self.comma(j);
        let link = t.find_word(j, self.tab.time_links);
        let k = link.unwrap_or(j);
        self.clock_at(k).or_else(|| {
            // A bare hour needs "at", "around", "à" or "vers" before it.
            let soft = link.is_some() && matches!(t.norm(j), "at" | "around" | "a" | "vers");
            soft.then(|| self.bare_hour_at(k)).flatten().map(|(h, m, e)| (h, m, 0, e))
        })
    }

    /// A part of a day ("2016-11-07TEV") followed by a time: the time, shifted to the part.
    pub(super) fn part_with_time(&self, part: Dt) -> Option<Dt> {
        let t = self.t;
        let (date, code) = part.value.split_once('T')?;
        // "mercredi après-midi, de 14 h à 17 h": the part, then its times.
        if date.len() != 10 || code.len() != 2 || (self.tab.time_apart_after_comma && t.is_punct(part.end, ',')) {
            return None;
        }
        // "this evening from 7 to 7:30", "Monday morning from 10am to 12pm".
        let j = self.comma(part.end);
        let opener = t.find_word(j, self.tab.interval_from);
        if let Some(iv) = self.time_interval(j, opener.map(|e| t.skip_joiner(e)).unwrap_or(j), opener.is_some(), true) {
            if let Some(value) = dated_interval(&iv.value, date, Some(code)) {
                return Some(Dt { end: iv.end, kind: DateKind::Interval, value, gran: Granularity::Minute, ..part });
            }
        }
        let (h, m, s, e) = self.linked_time(part.end)?;
        let h = shift_to_part(h, code);
        let clock = if s > 0 { format!("T{h:02}:{m:02}:{s:02}") } else { format!("T{h:02}:{m:02}") };
        Some(Dt { end: e, value: format!("{date}{clock}"), gran: Granularity::Minute, ..part })
    }

    /// "the last week of July", "the first week of 2021", "the first 2 weeks of 2021", "the
    /// last four months of 2021", "la dernière semaine de juillet": a part of a month or year.
    /// Weeks start on Monday; a year's weeks are ISO weeks, a month's first week holds its 1st.
    pub(super) fn part_of_period(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        // Cheap tests first: "of"/"de" must follow within a few words.
        if t.kind(i) == Some(Kind::Punct) || !(i + 2..(i + 7).min(t.len())).any(|k| tab.of_words.contains(&t.norm(k))) {
            return None;
        }
        let j = t.find_word(i, tab.the_words).unwrap_or(i);
        let (mut k, last, first_n) = if matches!(t.norm(j), "last" | "final" | "derniere" | "dernier") {
            (j + 1, true, None)
        } else if let Some((e, n)) = t.find(j, tab.ordinals).filter(|(_, n)| *n <= 31) {
            (e, false, Some(n))
        } else if t.is_num(j)
            && t.glued(j + 1)
            && matches!(t.norm(j + 1), "st" | "nd" | "rd" | "th" | "er" | "e" | "eme")
        {
            (j + 2, false, Some(t.num_value(j)?.min(60) as u32))
        } else {
            return None;
        };
        // A count: "the first 2 weeks", "the last four months".
        let mut count = 1.0;
        if let Some((e, n)) = self.count_at(k, false).filter(|(_, n)| n.fract() == 0.0 && *n >= 2.0 && *n <= 60.0) {
            count = n;
            k = e;
        }
        let (e, unit) = self.unit_at(k)?;
        if !matches!(unit, TimeUnit::Week | TimeUnit::Day | TimeUnit::Month)
            || (unit == TimeUnit::Week && first_n.is_some_and(|n| n > 5))
        {
            return None;
        }
        let of = t.find_word(e, tab.of_words)?;
        let p = self.point_at(of, false)?;
        let s = parse_day(p.start.as_deref()?)?;
        // "the 15th day of next month", "the third month of 2021": one day or month of the period.
        if let (Some(n), false, 1.0) = (first_n, last, count) {
            let end = p.end_date.as_deref().and_then(parse_day)?;
            match (unit, p.gran) {
                (TimeUnit::Day, Granularity::Month | Granularity::Year) => {
                    let d = add_days(s, n as i64 - 1).filter(|d| *d < end)?;
                    let mut dt = day_dt(i, p.end, d, p.relative)?;
                    dt.day = None;
                    return Some(dt);
                }
                (TimeUnit::Month, Granularity::Year) if n <= 12 => {
                    return period(i, p.end, add_months(s, n as i64 - 1)?, TimeUnit::Month, p.relative);
                }
                _ => {}
            }
        }
        let (from, to) = match (p.gran, unit) {
            (Granularity::Month, TimeUnit::Week) => {
                let month_end = add_days(add_months(s, 1)?, -1)?;
                match (last, first_n) {
                    (true, _) => {
                        (add_days(monday_of(month_end), -7 * (count as i64 - 1))?, add_days(monday_of(month_end), 7)?)
                    }
                    (false, Some(n)) if count == 1.0 => {
                        (add_days(monday_of(s), 7 * (n as i64 - 1))?, add_days(monday_of(s), 7 * n as i64)?)
                    }
                    (false, _) => (monday_of(s), add_days(monday_of(s), 7 * count as i64)?),
                }
            }
            (Granularity::Year, TimeUnit::Week) => {
                let w1 = monday_of(ymd(s.year(), 1, 4)?);
                let wl = monday_of(ymd(s.year(), 12, 28)?);
                match (last, first_n) {
                    (true, _) => (add_days(wl, -7 * (count as i64 - 1))?, add_days(wl, 7)?),
                    (false, Some(n)) if count == 1.0 => {
                        (add_days(w1, 7 * (n as i64 - 1))?, add_days(w1, 7 * n as i64)?)
                    }
                    (false, _) => (w1, add_days(w1, 7 * count as i64)?),
                }
            }
            (Granularity::Year | Granularity::Month, TimeUnit::Day | TimeUnit::Month) => {
                if first_n.is_some_and(|n| n != 1) || (p.gran == Granularity::Month && unit == TimeUnit::Month) {
                    return None;
                }
                let end = if p.gran == Granularity::Year { ymd(s.year() + 1, 1, 1)? } else { add_months(s, 1)? };
                let n = count as i64;
                if last {
                    (if unit == TimeUnit::Day { add_days(end, -n)? } else { add_months(end, -n)? }, end)
                } else {
                    (s, if unit == TimeUnit::Day { add_days(s, n)? } else { add_months(s, n)? })
                }
            }
            _ => return None,
        };
        let gran = if unit == TimeUnit::Week && count == 1.0 { Granularity::Week } else { gran_of(unit) };
        Some(Dt {
            start_tok: i,
            end: p.end,
            kind: DateKind::Interval,
            value: format!("{}/{}", iso(from), iso(to)),
            start: Some(iso(from)),
            end_date: Some(iso(to)),
            gran,
            relative: p.relative,
            strong: true,
            day: None,
        })
    }

    /// "the week of April 10th", "week of the 18th", "the week beginning February 4", "w/c Feb 4",
    /// The point at token `k` when it names one day, with that day ("ended Sept. 30").
    pub(super) fn day_point_at(&self, k: usize) -> Option<(Dt, NaiveDate)> {
        let p = self.point_at(k, false).filter(|p| p.gran == Granularity::Day)?;
        let day = parse_day(p.start.as_deref().unwrap_or(&p.value))?;
        Some((p, day))
    }

    /// "week 31", "week 27 of last year".
    pub(super) fn week_of(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        let week_word = |k: usize| matches!(t.norm(k), "w" | "week" | "semaine");
        let j = if week_word(i) {
            i
        } else if week_word(i + 1) && tab.the_words.contains(&t.norm(i)) {
            i + 1
        } else {
            return None;
        };
        let (k, aligned) = if let Some(k) = t.phrase(j, "w / c") {
            (k, false)
        } else {
            let (e, unit) = self.unit_at(j)?;
            if unit != TimeUnit::Week || t.norm(j).ends_with('s') {
                return None;
            }
            // "week 31": an ISO week number.
            if t.is_num(e) && t.digits(e) <= 2 {
                let n = t.num_value(e)? as i64;
                if !(1..=53).contains(&n) || (t.glued(e + 1) && !t.is_punct(e + 1, '.') && !t.is_punct(e + 1, ',')) {
                    return None;
                }
                let (y, end, relative) = match t
                    .find_word(e + 1, tab.of_words)
                    .and_then(|of| self.point_at(of, false))
                    .filter(|p| p.gran == Granularity::Year)
                {
                    Some(p) => {
                        (p.start.as_deref().and_then(|s| s.get(..4)).and_then(|y| y.parse().ok())?, p.end, p.relative)
                    }
                    None => (self.refdate()?.year(), e + 1, true),
                };
                let from = add_days(monday_of(ymd(y, 1, 4)?), 7 * (n - 1))?;
                let to = add_days(from, 7)?;
                return Some(Dt {
                    start_tok: i,
                    end,
                    kind: DateKind::Interval,
                    value: format!("{}/{}", iso(from), iso(to)),
                    start: Some(iso(from)),
                    end_date: Some(iso(to)),
                    gran: Granularity::Week,
                    relative,
                    strong: true,
                    day: None,
                });
            }
            if let Some(k) = t.find_word(e, &["beginning", "commencing", "starting"]) {
                (k, false)
            } else {
                (t.find_word(e, tab.of_words)?, true)
            }
        };
        let (p, d) = self.day_point_at(k)?;
        let from = if aligned { monday_of(d) } else { d };
        let to = add_days(from, 7)?;
        Some(Dt {
            start_tok: i,
            end: p.end,
            kind: DateKind::Interval,
            value: format!("{}/{}", iso(from), iso(to)),
            start: Some(iso(from)),
            end_date: Some(iso(to)),
            gran: Granularity::Week,
            relative: p.relative,
            strong: true,
            day: None,
        })
    }

    /// "end of tomorrow", "the end of this Sunday", "fin de demain": the day's last second.
    pub(super) fn end_of_day(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        if !matches!(t.norm(i), "end" | "the" | "by" | "fin" | "la" | "a") {
            return None;
        }
        let k = ["end of", "the end of", "by the end of", "fin de", "la fin de", "a la fin de"]
            .iter()
            .filter_map(|p| t.phrase(i, p))
            .max()?;
        let d = self.point_at(k, false).filter(|d| d.kind == DateKind::Date && d.gran == Granularity::Day)?;
        let date = d.start.clone().unwrap_or_else(|| d.value.clone());
        Some(Dt {
            start_tok: i,
            end: d.end,
            kind: DateKind::DateTime,
            value: format!("{date}T23:59:59"),
            gran: Granularity::Instant,
            ..d
        })
    }

    /// "early 2024", "mid-May", "late last year", "the end of the week", "fin mars", "early
    /// morning": a part of the period after. The value stays the period's (a TIMEX value whose
    /// part is a modifier); start and end narrow to the part: thirds of a year, quarter or week,
    /// days 1–10, 11–20 and 21–end of a month.
    pub(super) fn edge_of_period(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        if !t.is_word(i) {
            return None;
        }
        let lead = t.find_word(i, self.tab.edge_leads).unwrap_or(i);
        let (k, edge) = t.find(lead, self.tab.period_edges)?;
        let k = t.skip_joiner(k);
        // "early morning", "late in the afternoon", "en fin de matinée".
        let mut pk = k;
        if let Some(e) = t.find_word(pk, &["in", "dans"]) {
            pk = e;
        }
        if let Some(e) = t.find_word(pk, self.tab.the_words) {
            pk = e;
        }
        if let Some((e, code)) = t.find(pk, self.tab.day_parts) {
            if self.point_at(k, false).is_none_or(|p| p.end <= e) {
                return Some(Dt::part_of_day(i, e, code));
            }
        }
        let p = self.point_at(k, false).filter(|p| {
            matches!(p.kind, DateKind::Date | DateKind::Period | DateKind::Interval)
                && !matches!(p.gran, Granularity::Instant | Granularity::Minute | Granularity::Hour)
        });
        // "the end of the week", "fin de l'année", "fin d'année": the current one.
        let current = || {
            // "an earlier quarter", "the year-earlier quarter": an adjective, not an edge.
            let the = t.find_word(k, self.tab.the_words);
            if the.is_none() && matches!(edge, Edge::Earlier | Edge::Later) {
                return None;
            }
            let u = t.skip_joiner(the.unwrap_or(k));
            let (e, unit) = self.unit_at(u)?;
            if !matches!(unit, TimeUnit::Year | TimeUnit::Month | TimeUnit::Week | TimeUnit::Quarter)
                || t.norm(u).ends_with('s')
                || t.find_word(e, self.tab.of_words).is_some()
            {
                return None;
            }
            self.unit_period(i, e, unit, 0, self.refdate())
        };
        // "mi-mars", "mid-May": the edge word is the month's cue.
        let month = || {
            let (e, m) = self.month_at(k).filter(|_| t.upper(k) || self.tab.decimal_comma)?;
            self.cal_dt(k, Cal { m: Some(m), end: e, ..Default::default() })
        };
        let p = p.or_else(current).or_else(month)?;
        let parse = |s: Option<&str>| s.and_then(parse_day);
        let (s, e) = (parse(p.start.as_deref()), parse(p.end_date.as_deref()));
        // An interval that is not one whole week or longer period ("from May to June") has no edges.
        if p.kind == DateKind::Interval && p.gran == Granularity::Day {
            return None;
        }
        let value = match (p.gran, s) {
            (Granularity::Week, Some(s)) if p.value.contains('/') => period_value(s, TimeUnit::Week),
            _ => p.value.clone(),
        };
        // "later this year", "earlier this week": split at the reference when it falls inside.
        let now = self.refdate().filter(|r| s.is_some_and(|s| s < *r) && e.is_some_and(|e| *r < e));
        let edge = match (edge, now) {
            (Edge::Later, Some(_)) | (Edge::Earlier, Some(_)) => edge,
            (Edge::Later, None) => Edge::End,
            (Edge::Earlier, None) => Edge::Start,
            _ => edge,
        };
        let part = match (s, e) {
            (Some(s), Some(e)) if edge == Edge::Later => Some((now.unwrap_or(s), e)),
            (Some(s), Some(_)) if edge == Edge::Earlier => Some((s, now.unwrap_or(s))),
            (Some(s), Some(e)) if p.gran != Granularity::Day => {
                let months = (e.year() - s.year()) * 12 + e.month() as i32 - s.month() as i32;
                if s.day() == 1 && e.day() == 1 && months >= 3 {
                    let third = (months / 3) as i64;
                    match edge {
                        Edge::Start | Edge::Earlier => Some((s, add_months(s, third)?)),
                        Edge::Mid => Some((add_months(s, third)?, add_months(e, -third)?)),
                        Edge::End | Edge::Later => Some((add_months(e, -third)?, e)),
                    }
                } else if s.day() == 1 && months == 1 {
                    match edge {
                        Edge::Start | Edge::Earlier => Some((s, ymd(s.year(), s.month(), 11)?)),
                        Edge::Mid => Some((ymd(s.year(), s.month(), 11)?, ymd(s.year(), s.month(), 21)?)),
                        Edge::End | Edge::Later => Some((ymd(s.year(), s.month(), 21)?, e)),
                    }
                } else {
                    let days = (e - s).num_days();
                    let third = (days + 2) / 3;
                    match edge {
                        Edge::Start | Edge::Earlier => Some((s, add_days(s, third)?)),
                        Edge::Mid => Some((add_days(s, (days - third) / 2)?, add_days(s, (days - third) / 2 + third)?)),
                        Edge::End | Edge::Later => Some((add_days(e, -third)?, e)),
                    }
                }
            }
            _ => None,
        };
        let (start, end_date) = match part {
            Some((a, b)) => (Some(iso(a)), Some(iso(b))),
            None => (p.start.clone(), p.end_date.clone()),
        };
        let kind = if p.gran == Granularity::Day { p.kind } else { DateKind::Period };
        Some(Dt { start_tok: i, kind, value, start, end_date, strong: true, day: None, ..p })
    }

    /// "this Friday 5/12", "next Tuesday, June 12", "this Friday the 26th": a weekday then the
    /// date it names; the date decides.
    pub(super) fn weekday_then_date(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        if !t.is_word(i) {
            return None;
        }
        let j = [tab.this_before, tab.next_before, tab.last_before].iter().find_map(|l| t.find_word(i, l)).unwrap_or(i);
        let (e, wd) = self.weekday_at(j)?;
        let k = self.comma(e);
        if let Some(c) = self.cal_at(k).filter(|c| c.d.is_some() && c.m.is_some()) {
            let d = self.cal_dt(k, c)?;
            return Some(Dt { start_tok: i, ..d });
        }
        // "this Friday the 26th".
        let _ = wd;
        let d = self.relative_at(j).filter(|d| d.end > k && d.gran == Granularity::Day)?;
        Some(Dt { start_tok: i, ..d })
    }

    pub(super) fn year_mention(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        if t.is_word(i) {
            // "in nineteen ninety six": words need the preposition and nothing counted after.
            let prep = i > 0 && t.find_word(i - 1, tab.year_preps).is_some();
            if !prep {
                return None;
            }
            let (e, y) = self.word_year_at(i)?;
            if t.is_word(e) && !tab.stop_words.contains(&t.norm(e)) && !t.upper(e) {
                return None;
            }
            let mut d = period(i, e, ymd(y, 1, 1)?, TimeUnit::Year, false)?;
            d.strong = true;
            return Some(d);
        }
        let (e, y) = self.year_at(i)?;
        if t.norm(e) == "s" {
            return None;
        }
        // "2017 april".
        if let Some((e2, m)) = self.month_at(e).filter(|_| t.norm(e).len() > 3) {
            return period(i, e2, ymd(y, m, 1)?, TimeUnit::Month, false);
        }
        let prep = i > 0
            && !t.is_num(i - 1)
            && (t.find_word(i - 1, tab.year_preps).is_some() || t.is_punct(i - 1, '(') || t.is_punct(i - 1, '-'));
        let next_is_noun = t.is_word(e)
            && !t.upper(e)
            && !tab.stop_words.contains(&t.norm(e))
            && t.find(e, tab.currency_words).is_none();
        let next_is_figure = t.is_punct(e, '%')
            || t.find(e, tab.unit_words).is_some()
            || t.find(e, tab.scale_words).is_some()
            || t.find(e, tab.currency_words).is_some();
        if next_is_figure || (i > 0 && (t.is_punct(i - 1, '$') || t.is_punct(i - 1, '€') || t.is_punct(i - 1, '£')))
        {
            return None;
        }
        if !(1900..=2100).contains(&y) && !prep {
            return None;
        }
        let plural = t.norm(e).ends_with('s') || t.norm(e).ends_with('x');
        if !prep && next_is_noun && plural {
            return None;
        }
        let mut d = period(i, e, ymd(y, 1, 1)?, TimeUnit::Year, false)?;
        d.strong = prep;
        Some(d)
    }

    pub(super) fn decade_at(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let mut j = i;
        let fr_lead = t.find_word(j, self.tab.decade_before);
        if let Some(e) = fr_lead {
            j = e;
        } else if t.norm(j) == "the" {
            j += 1;
        }
        // "the nineties", "les années quatre-vingt-dix".
        let words = match t.find(j, self.tab.decade_words) {
            Some((e, v)) => Some((e, v)),
            None => fr_lead
                .and_then(|_| numbers::parse(t, j, self.tab, false))
                .filter(|n| !n.digits && n.value.fract() == 0.0 && (10.0..100.0).contains(&n.value))
                .map(|n| (n.end, n.value as u32)),
        };
        if let Some((e, v)) = words.filter(|(_, v)| v % 10 == 0) {
            let mut d = period(i, e, ymd(1900 + v as i32, 1, 1)?, TimeUnit::Decade, false)?;
            d.kind = DateKind::Period;
            return Some(d);
        }
        let mut y = if t.is_punct(j, '\'') && t.digits(j + 1) == 2 {
            j += 1;
            1900 + t.num_value(j)? as i32
        } else if t.digits(j) == 4 {
            t.num_value(j)? as i32
        } else if t.digits(j) == 2 && fr_lead.is_some() {
            1900 + t.num_value(j)? as i32
        } else {
            return None;
        };
        let mut e = j + 1;
        if fr_lead.is_none() {
            if !(t.norm(e) == "s" && t.glued(e)) {
                return None;
            }
            e += 1;
        }
        if y % 10 != 0 {
            return None;
        }
        if y < 1000 {
            y += 0;
        }
        let s = ymd(y, 1, 1)?;
        let mut d = period(i, e, s, TimeUnit::Decade, false)?;
        d.kind = DateKind::Period;
        Some(d)
    }
}
