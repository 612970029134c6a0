//! Dates relative to the reference: "yesterday", "last Tuesday", "3 weeks ago", "next year",
//! named periods ("this quarter", "the summer") and holidays.

use super::tense::Tense;
use super::*;

impl Ctx<'_> {
    pub(super) fn unit_at(&self, i: usize) -> Option<(usize, TimeUnit)> {
        self.t.find(i, self.tab.time_units)
    }

    /// A count for durations: digits or words, "a"/"an"/"une" (only with `allow_article`).
    /// A count spelled as a word at `i` ("two", "dozen"): "at least two more weeks".
    pub fn number_word_at(&self, i: usize) -> bool {
        self.t.is_word(i) && self.count_at(i, false).is_some()
    }

    pub(super) fn count_at(&self, i: usize, allow_article: bool) -> Option<(usize, f64)> {
        let t = self.t;
        if let Some(n) = numbers::parse_count(t, i, self.tab) {
            if n.value > 0.0 && n.value < 10000.0 && (n.scale == 1.0) {
                return Some((n.end, n.value));
            }
            return None;
        }
        // "half an hour", "une demi-heure" is a unit of its own elsewhere.
        if t.norm(i) == "half" && matches!(t.norm(i + 1), "a" | "an") {
            return Some((i + 2, 0.5));
        }
        if allow_article
            && matches!(t.norm(i), "a" | "an" | "une" | "un" | "several" | "few" | "couple" | "plusieurs" | "quelques")
        {
            let mut e = i + 1;
            if t.norm(i) == "a" && matches!(t.norm(e), "few" | "couple") {
                e += 1;
                if t.norm(e) == "of" {
                    e += 1;
                }
                return Some((e, if t.norm(i + 1) == "few" { 3.0 } else { 2.0 }));
            }
            let n = match t.norm(i) {
                "several" | "plusieurs" | "quelques" | "few" => 3.0,
                "couple" => 2.0,
                _ => 1.0,
            };
            return Some((e, n));
        }
        None
    }

    /// "every day at 7:13 p.m.", "daily 6am": a daily recurrence said with its time is that time.
    pub(super) fn daily_time(&self, d: Dt) -> Dt {
        if d.value != "P1D" {
            return d;
        }
        match self.linked_time(d.end) {
            Some((h, m, s, e)) => Dt {
                kind: DateKind::Time,
                gran: Granularity::Minute,
                ..self.time_dt_secs(d.start_tok, (h, m, s), e, None)
            },
            None => d,
        }
    }

    /// "a year" after an amount or a counted noun ("$1 billion a year", "5% a year", "hundreds
    /// of interviews a day"): a rate, so a recurrence of one unit. Not a time span ("24 hours a
    /// day"), nor a date or length ("a day after the vote", "a year ago", "a year-long").
    fn rate_per_unit(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        if i == 0 || !tab.one_words.contains(&t.norm(i)) || tab.number_words.iter().any(|(w, _)| *w == t.norm(i)) {
            return None;
        }
        let e = t.find_word(i, tab.per_words)?;
        let (e2, unit) = self.unit_at(e).filter(|&(_, u)| {
            matches!(u, TimeUnit::Hour | TimeUnit::Day | TimeUnit::Week | TimeUnit::Month | TimeUnit::Year)
        })?;
        if t.norm(e).ends_with('s') || t.find_word(e, tab.weekend_words).is_some() {
            return None;
        }
        let k = i - 1;
        let w = t.norm(k);
        let amount = t.is_num(k)
            || t.is_punct(k, '%')
            || tab.scale_words.iter().any(|(s, _)| *s == w)
            || tab.percent_words.contains(&w);
        let counted = t.is_word(k)
            && w.len() > 3
            && w.ends_with('s')
            && !t.upper(k)
            && !tab.stop_words.contains(&w)
            && self.unit_at(k).is_none();
        let next = t.norm(e2);
        let tied = t.find_word(e2, tab.ago_after).is_some()
            || t.find_word(e2, tab.later_after).is_some()
            || tab.anaphora_conjunctions.contains(&next)
            || tab.of_words.contains(&next)
            || t.find_word(e2, tab.age_words).is_some()
            || (t.is_punct(e2, '-') && t.glued(e2));
        if !(amount || counted) || tied {
            return None;
        }
        Some(Dt::plain(i, e2, DateKind::Duration, duration_code(unit, 1.0), gran_of(unit)))
    }

    /// "few", "a couple of", "several", "quelques" after "next"/"past": 2 or 3.
    pub(super) fn vague_count(&self, i: usize) -> Option<(usize, f64)> {
        let t = self.t;
        if matches!(t.norm(i), "a" | "an" | "un" | "une") && !matches!(t.norm(i + 1), "few" | "couple") {
            return None;
        }
        let (mut e, n) = self.count_at(i, true)?;
        if self.tab.of_words.contains(&t.norm(e)) {
            e += 1;
        }
        Some((e, n))
    }

    pub(super) fn relative_at(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        let r = self.refdate();
        // "désormais": from the reference day on (a day that anchors nothing after it).
        if let (Some(e), Some(r)) = (t.find_word(i, tab.from_now_words), r) {
            let mut d = Dt::plain(i, e, DateKind::Date, iso(r), Granularity::Day);
            d.relative = true;
            return Some(d);
        }
        // now, right now, maintenant.
        if let Some(e) = t.find_word(i, tab.now_words).filter(|&e| !matches!(t.norm(e), "that" | "que" | "qu")) {
            // The present as TIMEX3 gives it; the reference day stays in `start`.
            let value = "PRESENT_REF".to_string();
            let start = self.refdate().map(iso);
            return Some(Dt {
                start_tok: i,
                end: e,
                kind: DateKind::DateTime,
                value,
                start,
                end_date: None,
                gran: Granularity::Instant,
                relative: true,
                strong: true,
                day: None,
            });
        }
        // "in the future": a time to come that names no date.
        // Not "the future of the plant" (its prospects), nor the tail of "4 weeks in the future".
        let after_count = i >= 2 && t.norm(i - 1) == "in" && self.unit_at(i - 2).is_some();
        if let Some(e) =
            t.find_word(i, tab.future_words).filter(|&e| !after_count && !tab.of_words.contains(&t.norm(e)))
        {
            return Some(Dt {
                start_tok: i,
                end: e,
                kind: DateKind::Date,
                value: "FUTURE_REF".to_string(),
                start: None,
                end_date: None,
                gran: Granularity::Year,
                relative: true,
                strong: true,
                day: None,
            });
        }
        // "auparavant", "à l'avenir": a past or future the text does not name.
        if let Some((e, code)) = t.find(i, tab.ref_adverbs) {
            return Some(Dt::plain(i, e, DateKind::DateTime, code.to_string(), Granularity::Instant));
        }
        // "l'actuel directeur", "le futur chancelier", "le recensement précédent": a thing of the
        // present, future or past. Not before a date word ("l'actuelle saison" is left to the
        // periods), nor "sans précédent".
        let content = |k: usize| {
            k < t.len()
                && t.is_word(k)
                && !tab.stop_words.contains(&t.norm(k))
                && self.unit_at(k).is_none()
                && self.month_at(k).is_none()
                && self.weekday_at(k).is_none()
        };
        if let Some((e, code)) = t.find(i, tab.ref_adjectives_before).filter(|&(e, _)| content(e)) {
            return Some(Dt::plain(i, e, DateKind::DateTime, code.to_string(), Granularity::Instant));
        }
        if let Some((e, code)) = t.find(i, tab.ref_adjectives_after).filter(|_| i > 0 && content(i - 1)) {
            return Some(Dt::plain(i, e, DateKind::DateTime, code.to_string(), Granularity::Instant));
        }
        // today, yesterday, hier, avant-hier…
        if let Some((e, n)) = t.find(i, tab.day_words) {
            return match r.and_then(|r| add_days(r, n)) {
                Some(d) => {
                    // "aujourd'hui vendredi", "yesterday, Monday": the weekday names that day.
                    let k = self.comma(e);
                    let e = match self.weekday_at(k) {
                        Some((e2, wd)) if wd == d.weekday().number_from_monday() => e2,
                        _ => e,
                    };
                    let mut dt = day_dt(i, e, d, true)?;
                    dt.day = None;
                    Some(dt)
                }
                None => Some(unresolved(i, e, Granularity::Day)),
            };
        }
        // A day of this month: "on the 4th", "le 17".
        if matches!(t.norm(i), "the" | "on" | "le") {
            let k = if t.norm(i) == "on" && t.norm(i + 1) == "the" { i + 2 } else { i + 1 };
            let suffixed = t.is_num(k) && t.glued(k + 1) && matches!(t.norm(k + 1), "st" | "nd" | "rd" | "th" | "er");
            let fr_day = tab.decimal_comma
                && t.norm(i) == "le"
                && t.is_num(k)
                && t.digits(k) <= 2
                && !(t.kind(k + 1) == Some(Kind::Punct) && t.glued(k + 1) && t.is_num(k + 2))
                && self.spaced_date(k).is_none()
                && t.find_word(self.comma(k + 1), tab.street_words).is_none()
                && (!t.is_word(k + 1)
                    || t.find_word(k + 1, tab.interval_from).is_some()
                    || t.find_word(k + 1, tab.time_links).is_some());
            if let (Some((e, d)), true, Some(r)) = (self.day_at(k), suffixed || fr_day, r) {
                // "the 25th anniversary", "the 3rd floor": an ordinal before a noun is no day.
                let prep = |k: usize| tab.day_preps.contains(&t.norm(k));
                let noun_next = suffixed
                    && !(prep(i) || (i > 0 && prep(i - 1)))
                    && t.is_word(e)
                    && !t.upper(e)
                    && !tab.stop_words.contains(&t.norm(e))
                    && self.weekday_at(e).is_none();
                if self.month_at(e).is_none()
                    && !noun_next
                    && t.norm(e) != "of"
                    && t.norm(e) != "century"
                    && t.find_word(e, tab.century_words).is_none()
                {
                    if let Some(date) = ymd(r.year(), r.month(), d) {
                        let start = if t.norm(i) == "on" { i + 1 } else { i };
                        let start = if k == i + 2 { i + 1 } else { start };
                        let mut dt = day_dt(start, e, date, true)?;
                        dt.day = None;
                        return Some(dt);
                    }
                }
            }
        }
        // "weekly", "quarterly", "once a year", "hebdomadaire".
        if let Some((e, code)) = t.is_word(i).then(|| t.find(i, tab.frequency_words)).flatten().filter(|_| !t.upper(i))
        {
            return Some(self.daily_time(Dt::plain(i, e, DateKind::Duration, code.to_string(), Granularity::Day)));
        }
        // "Tuesdays", "les lundis": every such weekday.
        if let Some((e, wd)) = t.is_word(i).then(|| t.find(i, tab.weekday_plurals)).flatten() {
            return Some(Dt::plain(i, e, DateKind::Date, format!("XXXX-WXX-{wd}"), Granularity::Day));
        }
        // Recurrences: "every week", "each quarter", "chaque mois", "every Monday", "every
        // other day", "every morning".
        if let Some(e) = t.find_word(i, tab.every_words) {
            if let Some((e2, code)) = t.find(e, tab.day_parts) {
                return Some(Dt::part_of_day(i, e2, code));
            }
            let (e2, n) =
                if t.norm(e) == "other" { Some((e + 1, 2.0)) } else { self.count_at(e, false) }.unwrap_or((e, 1.0));
            if let Some((e3, unit)) = self.unit_at(e2) {
                let d = Dt::plain(i, e3, DateKind::Duration, duration_code(unit, n), gran_of(unit));
                return Some(self.daily_time(d));
            }
            // "chaque lundi", "tous les lundis".
            if let Some((e3, wd)) = t.find(e2, tab.weekdays).or_else(|| t.find(e2, tab.weekday_plurals)) {
                return Some(Dt::plain(i, e3, DateKind::Date, format!("XXXX-WXX-{wd}"), Granularity::Day));
            }
        }
        // "twice a week", "three times a day": a recurrence of one unit.
        let times = t.find_word(i, tab.repeat_words).or_else(|| {
            let (e, _) = self.count_at(i, false)?;
            t.find_word(e, tab.times_words)
        });
        if let Some(e2) = times.and_then(|e| t.find_word(e, tab.per_words)) {
            if let Some((e3, unit)) = self.unit_at(e2).filter(|_| !t.norm(e2).ends_with('s')) {
                return Some(Dt::plain(i, e3, DateKind::Duration, duration_code(unit, 1.0), gran_of(unit)));
            }
        }
        if let Some(d) = self.rate_per_unit(i) {
            return Some(d);
        }
        // "0,4 % par an", "par semestre": one unit, singular, right after.
        if let Some(e) = t.find_word(i, tab.recurrence_per_words) {
            if let Some((e2, unit)) = self.unit_at(e).filter(|_| !t.norm(e).ends_with('s') || t.norm(e) == "mois") {
                return Some(Dt::plain(i, e2, DateKind::Duration, duration_code(unit, 1.0), gran_of(unit)));
            }
            // "par semestre": a half year.
            if let Some(e2) = t.find_word(e, tab.half_words) {
                return Some(Dt::plain(i, e2, DateKind::Duration, "P6M".to_string(), Granularity::Half));
            }
        }
        // Holidays: "Christmas", "Noël", "last Easter".
        let (hj, dir) = if let Some(e) = t.find_word(i, tab.last_before) {
            (e, -1)
        } else if let Some(e) = t.find_word(i, tab.next_before) {
            (e, 1)
        } else {
            (i, 0)
        };
        let holiday = t
            .find(hj, tab.holidays)
            .map(|(e, md)| (e, Holiday::Fixed(md)))
            .or_else(|| t.find(hj, tab.weekday_holidays).map(|(e, rule)| (e, Holiday::Weekday(rule))))
            .or_else(|| t.find(hj, tab.easter_offsets).map(|(e, n)| (e, Holiday::Easter(n))))
            .or_else(|| t.find_word(hj, tab.easter_words).map(|e| (e, Holiday::Easter(0))));
        if let Some((e, md)) = holiday {
            let date_in = |y: i32| match md {
                Holiday::Fixed((m, d)) => ymd(y, m, d),
                Holiday::Weekday((m, from, wd)) => {
                    let first = ymd(y, m, from)?;
                    add_days(first, (wd as i64 - first.weekday().number_from_monday() as i64).rem_euclid(7))
                }
                Holiday::Easter(n) => add_days(easter(y)?, n),
            };
            // "Easter 2018", "Noël 2024".
            if let Some((e2, y)) = self.year_at(e) {
                let mut dt = day_dt(i, e2, date_in(y)?, false)?;
                dt.day = None;
                return Some(dt);
            }
            let Some(r) = r else {
                let value = match md {
                    Holiday::Fixed((m, d)) => format!("XXXX-{m:02}-{d:02}"),
                    _ => return None,
                };
                return Some(Dt {
                    start_tok: i,
                    end: e,
                    kind: DateKind::Date,
                    value,
                    start: None,
                    end_date: None,
                    gran: Granularity::Day,
                    relative: false,
                    strong: true,
                    day: None,
                });
            };
            let this = date_in(r.year())?;
            let d = match dir {
                -1 if this >= r => date_in(r.year() - 1)?,
                1 if this <= r => date_in(r.year() + 1)?,
                -1 | 1 => this,
                // "on Thanksgiving Day" alone: the one the clause's tense points to.
                _ => date_in(self.pick_year(r, self.tense_around(i, e), date_in)?)?,
            };
            // "Easter week", "Christmas week": the week that holds the day.
            if let Some((e2, TimeUnit::Week)) =
                self.unit_at(e).filter(|_| !t.norm(e).ends_with('s') && t.find_word(e, tab.weekend_words).is_none())
            {
                return period(i, e2, period_start(d, TimeUnit::Week)?, TimeUnit::Week, true);
            }
            let mut dt = day_dt(i, e, d, true)?;
            dt.day = None;
            return Some(dt);
        }
        // Weekends: "this weekend", "last weekend", "the weekend" → Saturday to Monday.
        {
            // "that weekend" points back to a date the text gave, not to the reference's week.
            let that = t.find_word(i, &["that"]).is_some();
            let (wj, dir) = if let Some(e) = t.find_word(i, tab.last_before) {
                (e, -1)
            } else if let Some(e) = t.find_word(i, tab.next_before) {
                (e, 1)
            } else if let Some(e) = t
                .find_word(i, tab.this_before)
                .or_else(|| t.find_word(i, tab.the_words))
                .or_else(|| t.find_word(i, &["that"]))
            {
                (e, 0)
            } else {
                (i, 0)
            };
            if wj > i {
                if let Some(e) = t.find_word(t.skip_joiner(wj), tab.weekend_words) {
                    let e = match t.find_word(t.skip_joiner(e), tab.last_after) {
                        Some(x) => x,
                        None => e,
                    };
                    if let Some(r) = r {
                        // "se sont rendus ce week-end", said on a weekday: the weekend just past.
                        let this = wj > i && t.find_word(i, tab.this_before) == Some(wj);
                        let weekday = r.weekday().num_days_from_monday() < 5;
                        let dir = if dir == 0 && this && weekday && self.tense_around(i, e) == super::tense::Tense::Past
                        {
                            -1
                        } else {
                            dir
                        };
                        let monday = add_days(r, -(r.weekday().num_days_from_monday() as i64))?;
                        let mut sat = add_days(monday, 5 + 7 * dir)?;
                        // "protesters gathered over the weekend", said on a Monday: the one just past.
                        if dir == 0 && !that && r < sat && self.tense_around(i, e) == Tense::Past {
                            sat = add_days(sat, -7)?;
                        }
                        let mut d = interval(i, e, sat, add_days(sat, 2)?, Granularity::Week, true);
                        d.kind = DateKind::Period;
                        return Some(d);
                    }
                }
            }
        }
        // Parts of days: "tonight", "last night", "ce soir", "tomorrow morning".
        if let Some((e, (n, code))) = t.find(i, tab.day_part_phrases) {
            let value = match r.and_then(|r| add_days(r, n)) {
                Some(d) => format!("{}T{code}", iso(d)),
                None => format!("T{code}"),
            };
            return Some(Dt {
                start_tok: i,
                end: e,
                kind: DateKind::DateTime,
                value,
                start: None,
                end_date: None,
                gran: Granularity::Hour,
                relative: true,
                strong: true,
                day: None,
            });
        }
        // "at lunch", "before dinner", "lunchtime".
        if let Some((e, (code, alone))) = t.is_word(i).then(|| t.find(i, tab.meal_times)).flatten() {
            // "after dinner", not "a dinner".
            let linked = (i.saturating_sub(3)..i)
                .any(|k| !tab.one_words.contains(&t.norm(k)) && t.find_word(k, tab.time_links) == Some(i));
            if alone || linked {
                return Some(Dt::part_of_day(i, e, code));
            }
        }
        // "la nuit de lundi à mardi", "the night of Monday to Tuesday": the night that begins on
        // the first of two days in a row.
        {
            let k = t.find_word(i, tab.the_words).unwrap_or(i);
            if let Some((e, "NI")) = t.find(k, tab.day_parts) {
                let days = self.interval_at(e).and_then(|iv| {
                    let (a, b) = iv.value.split_once('/')?;
                    let a = parse_day(a)?;
                    let b = parse_day(b)?;
                    (add_days(a, 1)? == b).then_some((a, iv.end))
                });
                if let Some((first, end)) = days {
                    let mut dt = Dt::part_of_day(i, end, "NI");
                    dt.kind = DateKind::DateTime;
                    dt.value = format!("{}TNI", iso(first));
                    dt.relative = true;
                    return Some(dt);
                }
            }
        }
        // "in the morning", "dans la soirée", "au cours de la nuit".
        if let Some(e) = t.find_word(i, &["in", "during", "dans", "pendant", "durant", "au cours de"]) {
            if let Some(e2) = t.find_word(e, tab.the_words) {
                if let Some((e3, code)) = t.find(t.skip_joiner(e2), tab.day_parts) {
                    return Some(Dt::part_of_day(i, e3, code));
                }
            }
        }
        let dir_before = |j: usize| -> Option<(usize, i64)> {
            if let Some(e) = t.find_word(j, tab.last_before) {
                return Some((e, -1));
            }
            if let Some(e) = t.find_word(j, tab.next_before) {
                return Some((e, 1));
            }
            if let Some(e) = t.find_word(j, tab.this_before) {
                return Some((e, 0));
            }
            None
        };
        // A weekday alone: "on Tuesday", "mardi" → the latest one, today included, or the next
        // one in a future-tense clause.
        if let Some((e, wd)) = self.weekday_at(i) {
            let hour_range = t.digits(e) <= 2
                && t.is_punct(e + 1, '-')
                && t.is_num(e + 2)
                && t.digits(e + 2) <= 2
                && !(t.glued(e + 3) && t.kind(e + 3) == Some(Kind::Punct) && t.is_num(e + 4));
            let time_next = t.is_num(e)
                && (t.is_punct(e + 1, ':') || self.ampm_at(e + 1).is_some() || t.norm(e + 1) == "h" || hour_range);
            // A number that is no day ("Friday, 3 people died") leaves the weekday alone.
            let lone = time_next || self.month_at(e).is_none();
            // "Tuesday of last week".
            if t.norm(e) == "of" {
                if let Some((e2, dir)) = dir_before(e + 1) {
                    if let (Some((e3, TimeUnit::Week)), Some(r)) = (self.unit_at(e2), r) {
                        let monday = add_days(r, -(r.weekday().num_days_from_monday() as i64))?;
                        let mut dt = day_dt(i, e3, add_days(monday, (wd as i64 - 1) + 7 * dir)?, true)?;
                        dt.day = None;
                        return Some(dt);
                    }
                }
            }
            // "vendredi dernier", "lundi prochain".
            let e2 = t.skip_joiner(e);
            if let (Some((x, dir)), Some(r)) = (self.direction_after(e2), r) {
                let monday = add_days(r, -(r.weekday().num_days_from_monday() as i64))?;
                let mut dt = day_dt(i, x, add_days(monday, (wd as i64 - 1) + 7 * i64::from(dir))?, true)?;
                dt.day = None;
                return Some(dt);
            }
            // "Monday 21", "Sun 31st", "mardi 18", "wednesday the thirty first": the nearest month
            // where that day is that weekday.
            let dpos = match t.find_word(e, tab.day_articles) {
                Some(k) if self.day_at(k).is_some() => k,
                _ => e,
            };
            let counted = |e2: usize| t.is_word(e2) && !t.upper(e2) && !tab.stop_words.contains(&t.norm(e2));
            if let (Some((e2, d)), Some(r)) = (
                self.day_at(dpos).filter(|&(e2, _)| {
                    (t.is_num(dpos) || dpos > e)
                        && self.month_at(dpos + 1).is_none()
                        && !t.is_punct(dpos + 1, ':')
                        && !(t.is_punct(dpos + 1, '-') && t.is_num(dpos + 2))
                        && self.ampm_at(dpos + 1).is_none()
                        && t.norm(dpos + 1) != "h"
                        && !(t.is_num(dpos) && counted(e2))
                        && !tab.of_words.contains(&t.norm(e2))
                }),
                r,
            ) {
                let mut best: Option<NaiveDate> = None;
                for k in -12i64..=12 {
                    if let Some(c) =
                        add_months(ymd(r.year(), r.month(), 1)?, k).and_then(|m| ymd(m.year(), m.month(), d))
                    {
                        if c.weekday().number_from_monday() == wd
                            && best.is_none_or(|b| (c - r).num_days().abs() < (b - r).num_days().abs())
                        {
                            best = Some(c);
                        }
                    }
                }
                if let Some(b) = best {
                    let mut dt = day_dt(i, e2, b, true)?;
                    dt.day = None;
                    return Some(dt);
                }
            }
            if lone && (t.upper(i) || tab.decimal_comma || t.norm(i).len() > 4) {
                if r.is_none() {
                    return Some(unresolved(i, e, Granularity::Day));
                }
                let tense = self.tense_around(i, e);
                // "Le marché a lieu le samedi": every Saturday.
                if tense == Tense::Present && i > 0 && tab.habitual_weekday_articles.contains(&t.norm(i - 1)) {
                    return Some(Dt::plain(i - 1, e, DateKind::Date, format!("XXXX-WXX-{wd}"), Granularity::Day));
                }
                let day = self.weekday_by_tense(wd, tense)?;
                let mut dt = day_dt(i, e, day, true)?;
                dt.day = None;
                return Some(dt);
            }
        }
        // "this coming Friday", "this past Monday": the nearest one, today excluded.
        let nearest = t
            .is_word(i)
            .then(|| t.find_word(i, tab.nearest_next_before))
            .flatten()
            .map(|e| (e, 1))
            .or_else(|| t.find_word(i, tab.nearest_last_before).map(|e| (e, -1)));
        if let (Some((e, dir)), Some(r)) = (nearest, r) {
            if let Some((e2, wd)) = t.find(e, tab.weekdays) {
                let gap = (wd as i64 - r.weekday().number_from_monday() as i64).rem_euclid(7);
                let n = if dir > 0 {
                    if gap == 0 { 7 } else { gap }
                } else if gap == 0 {
                    -7
                } else {
                    gap - 7
                };
                let mut dt = day_dt(i, e2, add_days(r, n)?, true)?;
                dt.day = None;
                return Some(dt);
            }
            // "this past weekend": as "past weekend"; "this coming week": as "next week".
            if t.find_word(e, tab.weekend_words).is_some() {
                if let Some(d) = self.relative_at(i + 1).filter(|d| d.end >= e) {
                    return Some(Dt { start_tok: i, ..d });
                }
            }
            if let Some(d) = self.anchored(i, e, dir, Some(r)) {
                return Some(d);
            }
        }
        // last/next/this + unit|weekday|month|season
        if let Some((e, dir)) = dir_before(i) {
            if let Some(d) = self.anchored(i, e, dir, r) {
                // "next week on Tuesday", "this week Monday": a day of that week.
                if d.gran == Granularity::Week {
                    let mut k = d.end;
                    if matches!(t.norm(k), "on" | "-" | ",") {
                        k += 1;
                    }
                    if let (Some((e2, wd)), Some(s)) = (t.find(k, tab.weekdays), d.start.as_deref().and_then(parse_day))
                    {
                        let mut dt = day_dt(i, e2, add_days(s, wd as i64 - 1)?, true)?;
                        dt.day = None;
                        return Some(dt);
                    }
                }
                return Some(d);
            }
        }
        // "la semaine dernière", "le mois prochain", "l'an dernier", "ce mois-ci".
        let mut j = i;
        if let Some(e) = t.find_word(j, tab.unit_articles) {
            j = t.skip_joiner(e);
        } else if let Some(e) = t.find_word(j, tab.this_before) {
            j = e;
        }
        if j > i {
            if let Some((e, unit)) = self.unit_at(j) {
                let e2 = t.skip_joiner(e);
                let dir = self.direction_after(e2).or_else(|| t.find_word(e2, tab.this_after).map(|x| (x, 0)));
                if let Some((x, dir)) = dir {
                    // "en 2018 … l'année suivante": counted from the story's year.
                    if let Some(d) = self.story_unit(i).filter(|d| d.end == x) {
                        return Some(d);
                    }
                    return self.unit_period(i, x, unit, i64::from(dir), r);
                }
            }
        }
        // "three days ago", "il y a trois jours", "in two weeks", "dans deux semaines".
        if let Some(e) = t.find_word(i, tab.ago_before) {
            // "il y a quelques mois": some months back, no day to name.
            if let Some((e2, unit)) = t.find_word(e, tab.ago_vague_counts).and_then(|c| self.unit_at(c)) {
                let code = unspecified_duration(&duration_code(unit, 1.0));
                return Some(Dt::plain(i, e2, DateKind::Duration, code, gran_of(unit)));
            }
            // "il y a environ un mois", "il y a à peu près deux ans".
            let e = t.find(e, tab.modifiers).map_or(e, |(x, _)| x);
            let e = t.phrase(e, "a peu pres").unwrap_or(e);
            if let Some((e2, n)) = self.count_at(e, true) {
                if let Some((e3, unit)) = self.unit_at(e2) {
                    return self.offset(i, e3, unit, -n, r);
                }
            }
        }
        if let Some((e, n)) = self.count_at(i, true) {
            if let Some((e2, unit)) = self.unit_at(e) {
                if let Some(e3) = t.find_word(e2, tab.ago_after) {
                    if let Some(d) = self.year_before_reported(i, e3, unit, n) {
                        return Some(d);
                    }
                    if t.norm(e2) == "ago" {
                        return self.ago(i, e3, unit, n, r);
                    }
                    if t.norm(e2) == "earlier" {
                        // "three days earlier": back from the story's last day, else the report's;
                        // "a year earlier" names a year, "two months earlier" a month.
                        let base = self.story_period(unit).or(self.anchor).or(r);
                        if matches!(unit, TimeUnit::Day | TimeUnit::Week | TimeUnit::Fortnight) {
                            return self.offset(i, e3, unit, -n, base);
                        }
                        return self.ago(i, e3, unit, n, base);
                    }
                }
                // "deux jours plus tard", "trois jours après," count from the story's last day;
                // "une heure plus tard" has no clock to count from: a duration.
                let later = t.find_word(e2, tab.later_after);
                let anaphoric = t.find_word(e2, tab.anaphoric_later).filter(|&e3| later.is_some() || !t.is_word(e3));
                if let Some(e3) = anaphoric {
                    // "the soonest he could leave would be seven days later": told ahead, it
                    // counts from no day of the story, nor from the report's.
                    let ahead = self.tense_around(i, e3) == Tense::Future;
                    if matches!(unit, TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour) || ahead {
                        return Some(Dt::plain(i, e3, DateKind::Duration, duration_code(unit, n), gran_of(unit)));
                    }
                    // "in 2010 … two years later": the story's year, then that many on.
                    if let Some(base) = self.story_period(unit) {
                        return self.ago(i, e3, unit, -n, Some(base));
                    }
                    if let Some(d) = self.anchor.and_then(|a| shift(a, unit, n.round() as i64)) {
                        let mut dt = day_dt(i, e3, d, true)?;
                        dt.gran = gran_of(unit);
                        dt.day = None;
                        return Some(dt);
                    }
                }
                if let Some(e3) = later {
                    return self.offset(i, e3, unit, n, r);
                }
                // "two days before yesterday", "three weeks after next Friday", "3 days from today".
                let sign = match t.norm(e2) {
                    "before" | "avant" => -1,
                    "after" | "from" | "apres" => 1,
                    _ => 0,
                };
                if sign != 0 && !matches!(unit, TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour) {
                    if let Some(p) = self.point_at(e2 + 1, false) {
                        if let Some(base) =
                            p.start.as_deref().and_then(parse_day).filter(|_| p.gran == Granularity::Day)
                        {
                            let d = shift(base, unit, sign * n as i64)?;
                            let mut dt = day_dt(i, p.end, d, p.relative)?;
                            dt.day = None;
                            return Some(dt);
                        }
                    }
                }
            }
        }
        if let Some(e) = t.find_word(i, tab.later_before) {
            if let Some((e2, n)) = self.count_at(e, true) {
                if let Some((e3, unit)) = self.unit_at(e2) {
                    if !t.is_word(e3) || tab.stop_words.contains(&t.norm(e3)) || t.is_punct(e3, '.') {
                        // "within two weeks of the slaying" counts from an event, and "his second
                        // letter in two weeks was published" is told in the past: a length of
                        // time, not a day ahead of the report.
                        let of_event = t.norm(e3) == "of";
                        let past = t.norm(i) == "in" && self.tense_around(i, e3) == Tense::Past;
                        if of_event || past {
                            return Some(Dt::plain(i, e3, DateKind::Duration, duration_code(unit, n), gran_of(unit)));
                        }
                        // "within 9 months": from now to then.
                        if t.norm(i) == "within" {
                            if let (Some(r), false) =
                                (r, matches!(unit, TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour))
                            {
                                return Some(interval(i, e3, r, shift(r, unit, n as i64)?, gran_of(unit), true));
                            }
                            // "within 24 hours": from the reference instant.
                            if let (Some(rt), Some(to)) = (self.reference, self.offset(i, e3, unit, n, r)) {
                                let from = iso_second(rt);
                                return Some(Dt {
                                    kind: DateKind::Interval,
                                    value: format!("{from}/{}", to.value),
                                    ..to
                                });
                            }
                        }
                        return self.offset(i, e3, unit, n, r);
                    }
                }
            }
        }
        // "over the year", "the month" → the current one.
        let mut j = i;
        let cue = t.find_word(j, tab.current_cues);
        if let Some(e) = cue {
            j = e;
        }
        if cue.is_some() {
            if let Some(e) = t.find_word(j, tab.the_words) {
                // "for the full year": the whole current one.
                let e = t.skip_joiner(e);
                let e = t.find_word(e, tab.whole_period_words).unwrap_or(e);
                if let Some((e2, unit)) = self.unit_at(e) {
                    if matches!(unit, TimeUnit::Year | TimeUnit::Month | TimeUnit::Week | TimeUnit::Quarter)
                        && t.find_word(e, tab.weekend_words).is_none()
                        && t.norm(e) != "an"
                        && !t.norm(e).ends_with('s')
                        && !t.is_num(e2)
                        && t.norm(e2) != "of"
                        && t.norm(e2) != "de"
                        && t.norm(e2) != "before"
                        && t.norm(e2) != "after"
                        // "the year-earlier period", "the month-long strike": an adjective.
                        && !(t.is_punct(e2, '-') && t.glued(e2))
                    {
                        if unit == TimeUnit::Quarter {
                            if let Some(q) = self.quarter_told(i, e2) {
                                return Some(q);
                            }
                        } else if let Some(p) = self.period_ended(i, e2, unit) {
                            return Some(p);
                        }
                        return self.unit_period(i, e2, unit, 0, r);
                    }
                }
            }
        }
        None
    }

    /// The year a mention ending right before `i` (or before its "'s") names: "2023", "last year's".
    fn year_before(&self, i: usize) -> Option<i32> {
        let end = if i >= 3 && self.possessive_at(i - 2) { i - 2 } else { i };
        (end.saturating_sub(3)..end).find_map(|k| {
            let p = self.point_at(k, false).filter(|p| p.end == end && p.gran == Granularity::Year)?;
            year_of(&p)
        })
    }

    /// An ordinal then a quarter or half at `j` ("fourth-quarter", "premier trimestre", "second
    /// half"): (index, months per period, end).
    fn ordinal_quarter(&self, j: usize) -> Option<(u32, u32, usize)> {
        let t = self.t;
        let tab = self.tab;
        let (e, n) = t.find(j, tab.ordinals)?;
        let e1 = t.skip_joiner(e);
        if let Some(e2) = t.find_word(e1, tab.quarter_words) {
            return (n <= 4).then_some((n, 3, e2));
        }
        let e2 = t.find_word(e1, tab.half_words)?;
        (n <= 2 || t.norm(j) == "last" || t.norm(j) == "dernier").then_some((n.min(2), 6, e2))
    }

    /// "fourth quarter", "Q4 2024", "H1", "first half of 2025", "fiscal 2025", "summer 2024".
    pub(super) fn period_at(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        let mut j = i;
        if t.norm(j) == "the" || t.norm(j) == "le" || t.norm(j) == "la" || t.norm(j) == "l" {
            j = t.skip_joiner(j + 1);
        }
        // Ordinal + quarter/half: "fourth-quarter", "premier trimestre", "second half".
        let mut q = self.ordinal_quarter(j);
        // "Q4", "H1", "T4" (trimestre), glued to the digit.
        let code = t.norm(j);
        if q.is_none()
            && matches!(code, "q" | "h" | "t")
            && (t.upper(j) || code == "q")
            && t.glued(j + 1)
            && t.digits(j + 1) == 1
            && !(j > 0 && t.glued(j) && t.is_word(j - 1))
        {
            let n = t.num_value(j + 1)? as u32;
            let per = if code == "h" { 6 } else { 3 };
            if (code == "t" && !tab.decimal_comma) || n == 0 || n > 12 / per {
                return None;
            }
            q = Some((n, per, j + 2));
        }
        // "2019 Q3"
        if q.is_none() {
            if let Some((e, y)) = self.year_at(j) {
                let e = if t.is_punct(e, '-') && t.glued(e) { e + 1 } else { e };
                let c = t.norm(e);
                if matches!(c, "q" | "h") && t.glued(e + 1) && t.digits(e + 1) == 1 && (t.gap(e).len() <= 1) {
                    let n = t.num_value(e + 1)? as u32;
                    let per = if c == "h" { 6 } else { 3 };
                    if n >= 1 && n <= 12 / per {
                        return quarter_dt(i, e + 2, y, n, per, false);
                    }
                }
            }
        }
        if let Some((n, per, mut e)) = q {
            // "of 2024", "2024", "de 2024", "fiscal 2025".
            let mut k = e;
            if t.norm(k) == "of" || t.norm(k) == "de" {
                k += 1;
            }
            if let Some(f) = t.find_word(k, tab.fiscal_words) {
                k = f;
            }
            if let Some((e2, y)) = self.year_at(k) {
                return quarter_dt(i, e2, y, n, per, false);
            }
            // "the first half of next year".
            if let Some(p) = self.point_at(k, false).filter(|p| k > e && p.gran == Granularity::Year) {
                if let Some(y) = year_of(&p) {
                    return quarter_dt(i, p.end, y, n, per, true);
                }
            }
            // Apostrophe year: "Q4'24", "Q1 25".
            if t.is_punct(k, '\'') && t.digits(k + 1) == 2 && t.glued(k + 1) {
                let y = 2000 + t.num_value(k + 1)? as i32;
                return quarter_dt(i, k + 2, y, n, per, false);
            }
            // "2023 second-half", "1988's fourth quarter", "last year's third quarter": the year
            // just before names it.
            if let Some(y) = self.year_before(i) {
                return quarter_dt(i, e, y, n, per, false);
            }
            // No year: the current one, or the last completed one before a results cue.
            let anchor = self.context.or(self.refdate());
            let Some(anchor) = anchor else {
                let code = if per == 3 { "Q" } else { "H" };
                return Some(Dt::plain(
                    i,
                    e,
                    DateKind::Period,
                    format!("XXXX-{code}{n}"),
                    if per == 3 { Granularity::Quarter } else { Granularity::Half },
                ));
            };
            let mut y = anchor.year();
            let start = ymd(y, (n - 1) * per + 1, 1)?;
            let completed_cue = t.find_word(t.skip_joiner(e), tab.results_words).is_some() || self.context.is_some();
            let end = add_months(start, per as i64)?;
            // "expects fourth-quarter earnings to rise", told ahead: the current one, or this
            // year's when last year's ended a quarter or more ago (its results are out).
            let reported = add_months(end, -12 + 3).is_some_and(|d| d <= anchor);
            let ahead = (start <= anchor || reported) && self.tense_around(i, e) == Tense::Future;
            if !ahead && (start > anchor || (completed_cue && end > anchor)) {
                y -= 1;
            }
            if completed_cue && t.find_word(t.skip_joiner(e), tab.results_words).is_some() {
                e = t.find_word(t.skip_joiner(e), tab.results_words).unwrap_or(e);
            }
            return quarter_dt(i, e, y, n, per, true);
        }
        // Centuries: "the 15th century", "le XXe siècle" (digits or ordinal words).
        if let Some((e, n)) = self.day_at(j).or_else(|| t.find(j, tab.ordinals)).or_else(|| roman_ordinal(t, j)) {
            if let Some(e2) = t.find_word(e, tab.century_words) {
                if (1..=30).contains(&n) {
                    let s = ymd((n as i32 - 1) * 100, 1, 1)?;
                    let mut d = interval(i, e2, s, ymd(n as i32 * 100, 1, 1)?, Granularity::Century, false);
                    d.kind = DateKind::Period;
                    return Some(d);
                }
            }
        }
        // Fiscal years: "fiscal 2025", "fiscal year 2008", "FY2025", "FY25", "exercice 2024".
        if let Some(e) = t.find_word(j, tab.fiscal_words) {
            let glued = t.glued(e);
            if let Some((e2, y)) = self.year_at(e) {
                return Some(fiscal(i, e2, y));
            }
            if glued && t.norm(j) == "fy" && t.digits(e) == 2 {
                let y = 2000 + t.num_value(e)? as i32;
                return Some(fiscal(i, e + 1, y));
            }
        }
        // Seasons with a year: "summer 2024", "l'été 2024".
        if let Some((e, m)) = t.find(j, tab.seasons) {
            let mut k = e;
            if t.norm(k) == "of" || t.norm(k) == "de" {
                k += 1;
            }
            if let Some((e2, y)) = self.year_at(k) {
                return Some(season(i, e2, y, m, false));
            }
            // "l'été dernier": the last one ended; "au printemps prochain": the next one begun.
            if let (Some((x, dir)), Some(r)) = (self.direction_after(e), self.refdate()) {
                let begins = ymd(r.year(), m, 1)?;
                let y = if dir < 0 {
                    if add_months(begins, 3)? <= r { r.year() } else { r.year() - 1 }
                } else if begins > r {
                    r.year()
                } else {
                    r.year() + 1
                };
                return Some(season(i, x, y, m, true));
            }
        }
        None
    }
}

/// How a holiday falls in a year: a fixed day, a weekday on or after a day of a month
/// (Thanksgiving), or a number of days from Easter (Pentecost).
#[derive(Clone, Copy)]
enum Holiday {
    Fixed((u32, u32)),
    Weekday((u32, u32, u32)),
    Easter(i64),
}

/// A Roman ordinal in capitals, "XIXe", "XXIème", "IIIe": (end, value).
fn roman_ordinal(t: &Tokens, j: usize) -> Option<(usize, u32)> {
    let raw = t.slice(j, j + 1);
    let digits = raw.trim_end_matches(|c: char| c.is_lowercase());
    let suffix = &raw[digits.len()..];
    if digits.is_empty() || !matches!(suffix, "e" | "ème" | "eme" | "er") {
        return None;
    }
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let vals: Vec<u32> = digits.chars().map(value).collect::<Option<_>>()?;
    let mut n = 0i64;
    for (k, v) in vals.iter().enumerate() {
        if vals.get(k + 1).is_some_and(|next| next > v) { n -= *v as i64 } else { n += *v as i64 }
    }
    (n > 0).then_some((j + 1, n as u32))
}

/// The year a year mention names ("2023", "last year" → its value's first four digits).
fn year_of(p: &Dt) -> Option<i32> {
    p.start.as_deref().unwrap_or(&p.value).get(..4)?.parse().ok()
}
