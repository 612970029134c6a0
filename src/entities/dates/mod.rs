//! Dates: absolute and partial dates, times, relative expressions, periods, intervals and
//! durations, resolved against a reference date when one is known.
//!
//! [`Ctx::date_at`] tries every family at a token and keeps the longest match; each family
//! lives in its own file, calendar arithmetic in `calendar`, per-language words in `super::lang`.

mod absolute;
mod anaphora;
mod calendar;
mod clock;
mod counted;
mod periods;
mod relative;
mod reported;
mod spans;
mod tense;

use calendar::*;

use super::lang::{Edge, Table, TimeUnit};
use super::numbers;
use super::token::{Kind, Tokens};
use crate::model::{DateKind, Granularity};
use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime};
use std::cell::RefCell;

#[derive(Debug, Clone)]
pub struct Dt {
    pub start_tok: usize,
    pub end: usize,
    pub kind: DateKind,
    pub value: String,
    pub start: Option<String>,
    pub end_date: Option<String>,
    pub gran: Granularity,
    pub relative: bool,
    /// Wins over a figure on the same tokens ("in 2024 sales rose").
    pub strong: bool,
    /// A full calendar date (for the context of later periods).
    pub day: Option<NaiveDate>,
}

impl Dt {
    /// The single day this mention names, if any: a full date, or a resolved weekday or
    /// relative day ("Friday", "yesterday").
    pub fn named_day(&self) -> Option<NaiveDate> {
        if self.day.is_some() {
            return self.day;
        }
        let whole_day = matches!(self.kind, DateKind::Date) && self.gran == Granularity::Day;
        self.start.as_deref().filter(|_| whole_day).and_then(parse_day)
    }

    /// The first day of the single day, month or year this mention names, with that
    /// granularity ("June 1998" → 1998-06-01, Month): what "later that year" points back to.
    pub fn named_period(&self) -> Option<(NaiveDate, Granularity)> {
        if let Some(d) = self.named_day() {
            return Some((d, Granularity::Day));
        }
        if self.kind != DateKind::Date || !matches!(self.gran, Granularity::Month | Granularity::Year) {
            return None;
        }
        let v = self.start.as_deref().unwrap_or(&self.value);
        let num = |a: usize, b: usize| -> Option<u32> {
            v.get(a..b).filter(|x| x.bytes().all(|c| c.is_ascii_digit()))?.parse().ok()
        };
        let year = num(0, 4)? as i32;
        let month = if self.gran == Granularity::Month { num(5, 7)? } else { 1 };
        Some((NaiveDate::from_ymd_opt(year, month, 1)?, self.gran))
    }

    /// The first day and unit of the quarter or month this mention names ("third-quarter",
    /// "September 1989"): what "a year earlier" in a report compares with.
    pub fn reported_period(&self) -> Option<(NaiveDate, TimeUnit)> {
        let unit = match self.gran {
            Granularity::Quarter => TimeUnit::Quarter,
            Granularity::Month => TimeUnit::Month,
            _ => return None,
        };
        let whole = self.end_date.as_deref().and_then(parse_day);
        let s = parse_day(self.start.as_deref()?)?;
        (!self.value.contains('/') && whole == shift(s, unit, 1)).then_some((s, unit))
    }

    /// The day a time on a day names ("Sunday 5 January at 9:15", "dimanche après-midi").
    pub fn timed_day(&self) -> Option<NaiveDate> {
        let on_day =
            self.kind == DateKind::DateTime && !self.value.contains('/') && self.value.get(10..11) == Some("T");
        self.value.get(..10).filter(|_| on_day).and_then(parse_day)
    }

    /// The instant of a clock time on a day ("2003-02-22T15:30"), not of an interval.
    pub fn instant(&self) -> Option<NaiveDateTime> {
        let v = self.value.get(..16).filter(|_| self.value.len() == 16 && self.value.as_bytes()[10] == b'T')?;
        NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M").ok()
    }

    /// An absolute, strong mention with no interval bounds or calendar day.
    fn plain(start_tok: usize, end: usize, kind: DateKind, value: String, gran: Granularity) -> Dt {
        Dt { start_tok, end, kind, value, start: None, end_date: None, gran, relative: false, strong: true, day: None }
    }

    /// A part of the day ("in the morning", "at lunch"): its TIMEX code, e.g. "TMO".
    fn part_of_day(start_tok: usize, end: usize, code: &str) -> Dt {
        Dt::plain(start_tok, end, DateKind::Time, format!("T{code}"), Granularity::Hour)
    }
}

/// Calendar fields of an absolute or partial date.
#[derive(Debug, Clone, Copy, Default)]
struct Cal {
    y: Option<i32>,
    m: Option<u32>,
    d: Option<u32>,
    end: usize,
    /// Year was taken from the reference.
    inferred_year: bool,
}

pub struct Ctx<'a> {
    pub t: &'a Tokens<'a>,
    pub tab: &'static Table,
    pub reference: Option<NaiveDateTime>,
    /// The last full date seen in the paragraph (a report date for "fourth-quarter results").
    pub context: Option<NaiveDate>,
    /// The last day the article named, any paragraph ("that day", "the next morning", a clock time alone).
    pub anchor: Option<NaiveDate>,
    /// The last day, month or year the article named, with its granularity ("later that year").
    pub period_anchor: Option<(NaiveDate, Granularity)>,
    /// `period_anchor` was named in this paragraph ("in 1986 … the previous year").
    pub period_here: bool,
    /// The last quarter or month named in this paragraph ("third-quarter … a year earlier").
    pub reported: Option<(NaiveDate, TimeUnit)>,
    /// The day of a time or part of a day earlier in this sentence ("Hier soir … pendant la nuit").
    pub timed_day: Option<NaiveDate>,
    /// The last clock time on a day the article gave, unless a day was named after it ("à ce moment-là").
    pub moment: Option<NaiveDateTime>,
    /// Nesting of `point_at` calls ("2 days before 3 days before…"): bounded, never deep.
    pub depth: std::cell::Cell<u32>,
    /// Results asked for several times while matching at one position.
    pub memo: Memo,
}

/// Results by key, in the order computed.
type MemoList<K, V> = RefCell<Vec<(K, V)>>;

/// Hours, minutes, seconds and end token of a clock time.
type ClockTime = (u32, u32, u32, usize);

/// Per-context memos: `date_at` tries many patterns that ask for the same sub-matches.
#[derive(Default)]
pub struct Memo {
    /// `point_base` by (token, depth).
    points: MemoList<(usize, u32), Option<Dt>>,
    /// `time_secs_at` by token.
    times: MemoList<usize, Option<ClockTime>>,
}

/// `compute()`, or its value already stored under `key` in `memo`.
fn memoized<K: PartialEq + Copy, V: Clone>(memo: &MemoList<K, V>, key: K, compute: impl FnOnce() -> V) -> V {
    if let Some((_, found)) = memo.borrow().iter().find(|(k, _)| *k == key) {
        return found.clone();
    }
    let found = compute();
    memo.borrow_mut().push((key, found.clone()));
    found
}

impl Ctx<'_> {
    /// Everything that can start a date at `i`, longest first; a clock time or a part of a day
    /// alone falls on the last day named before it ("On May 3 ... at 10:35 a.m.", "that night").
    pub fn date_at(&self, i: usize) -> Option<Dt> {
        let mut d = self.date_at_unanchored(i)?;
        // A part of a day ("TNI") falls on the day of a part or time just before it in the
        // sentence ("Hier soir … pendant la nuit"); a second clock time stays a clock.
        let part =
            d.value.len() == 3 && d.value.starts_with('T') && d.value[1..].bytes().all(|b| b.is_ascii_uppercase());
        // A clock after a comma or a time link ("Dimanche à 9 h 15, messe à X, 10 h 30") is
        // the next entry of that day's list; "9 am or 1 pm", "pour 2h" stay clocks.
        let listed = {
            let (t, k) = (self.t, d.start_tok);
            let linked = |k: usize| t.is_punct(k, ',') || self.tab.time_links.contains(&t.norm(k));
            linked(k) || (k > 0 && linked(k - 1))
        };
        let day = if part {
            self.timed_day.or(self.context).or(self.anchor)
        } else if listed {
            // The latest day named: a time earlier in the sentence, else the last day.
            self.timed_day.or(self.anchor).or(self.context)
        } else {
            self.context.or(self.anchor)
        };
        if let Some(day) = day {
            // "10:35" or a part of a day ("TNI": "during the night").
            let clock = d.value.strip_prefix('T').filter(|c| {
                c.as_bytes().get(2) == Some(&b':') || (c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
            });
            if d.kind == DateKind::Time && !d.value.contains('/') {
                if let Some(clock) = clock {
                    d.value = format!("{}T{clock}", iso(day));
                    d.kind = DateKind::DateTime;
                }
            }
            // "Samedi, de 21 h à 23 h": a clock interval listed after its day.
            if listed && d.kind == DateKind::Interval && d.value.starts_with('T') {
                if let Some(value) = dated_interval(&d.value, &iso(day), None) {
                    d.value = value;
                }
            }
        }
        Some(d)
    }

    /// A month or an ordinal alone before a capitalized word is part of a name: "Jan Kavan",
    /// "April Ryan", "the 11th Circuit", "the 82nd Airborne".
    pub fn names_part(&self, d: &Dt) -> bool {
        let t = self.t;
        let (i, e) = (d.start_tok, d.end);
        let name_next = e < t.len()
            && t.is_word(e)
            && t.upper(e)
            && t.gap(e).chars().all(|c| c == ' ')
            && self.month_at(e).is_none()
            && self.weekday_at(e).is_none();
        if !name_next {
            return false;
        }
        let lone_month = self.month_at(i).is_some_and(|(m, _)| m == e) && t.upper(i);
        let the = |k: usize| self.tab.the_words.contains(&t.norm(k));
        let ordinal = e >= 2
            && t.is_num(e - 2)
            && matches!(t.norm(e - 1), "st" | "nd" | "rd" | "th")
            && t.glued(e - 1)
            && (e - 2 == i || (e - 3 == i && the(i)));
        lone_month || ordinal
    }

    fn date_at_unanchored(&self, i: usize) -> Option<Dt> {
        if let Some(here) = self.here_before_date(i) {
            return Some(here);
        }
        let mut best: Option<Dt> = None;
        let mut consider = |d: Option<Dt>| keep_longest(&mut best, d);
        consider(self.interval_at(i));
        consider(self.point_at(i, true));
        consider(self.duration_at(i));
        if let Some(iv) = best.as_ref().and_then(|b| self.duration_from(b)) {
            return Some(iv);
        }
        // "for the last 3 weeks of this year", "in the last week of January": a longer date
        // after the leading preposition wins.
        let lead = |t: &Tokens, i: usize| {
            t.find_word(i, self.tab.duration_before).is_some()
                || t.find_word(i, self.tab.later_before).is_some()
                || t.find_word(i, self.tab.year_preps).is_some()
        };
        if let Some(b) = best.as_ref().filter(|b| b.end > i + 2 && lead(self.t, i)) {
            if let Some(p) = self.point_at(i + 1, true).filter(|p| p.end > b.end) {
                return Some(p);
            }
        }
        // A time interval then its day: "between 2 and 4:30pm tomorrow", "de 5 à 7 aujourd'hui",
        // "from 5 to 6pm of April 22", "between 7 and 9 last night".
        let time_iv = best.as_ref().filter(|b| b.kind == DateKind::Interval && b.value.starts_with('T')).cloned();
        // Bare hours need an opener and the day after them: "between 3 and 8 yesterday".
        let time_iv = time_iv.or_else(|| {
            let t = self.t;
            let opener = t.find_word(i, self.tab.interval_from)?;
            self.time_interval(i, t.skip_joiner(opener), true, true)
                .filter(|iv| best.as_ref().is_none_or(|b| iv.end >= b.end))
        });
        if let Some(b) = time_iv {
            let mut j = self.comma(b.end);
            if matches!(self.t.norm(j), "on" | "le" | "of") {
                j += 1;
            }
            let day_or_part = |d: &Dt| {
                (d.kind == DateKind::Date && d.gran == Granularity::Day)
                    || (d.kind == DateKind::DateTime && d.gran == Granularity::Hour && d.value.len() == 13)
            };
            // "entre 17 et 18 heures de l'après-midi", "5 à 7 du matin": a part of any day.
            if let Some((e, code, _)) = self.part_after(b.end) {
                if let Some(value) = dated_interval(&b.value, "", Some(code)) {
                    return Some(Dt { end: e, value, ..b.clone() });
                }
            }
            if let Some(d) = self.point_at(j, false).filter(day_or_part) {
                let (date, code) = match d.value.split_once('T') {
                    Some((date, code)) => (date.to_string(), Some(code)),
                    None => (d.start.clone().unwrap_or_else(|| d.value.clone()), None),
                };
                if let Some(value) = dated_interval(&b.value, &date, code) {
                    return Some(Dt { end: d.end, value, relative: d.relative, ..b.clone() });
                }
            }
        }
        best
    }

    /// "d'ici la fin de l'année", "d'ici à cinq ans": "ici" is the reference day, and the date
    /// after it a mention of its own (as French TimeBank marks them); "d'ici là" stays out.
    fn here_before_date(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        if tab.here_words.is_empty() || !tab.of_words.contains(&t.norm(i)) || !t.is_punct(i + 1, '\'') {
            return None;
        }
        let e = t.find_word(i + 2, tab.here_words)?;
        let k = t.find_word(e, tab.time_links).unwrap_or(e);
        if self.point_at(k, true).or_else(|| self.duration_at(k)).is_none_or(|d| d.end <= k) {
            return None;
        }
        let mut d = day_dt(i + 2, e, self.refdate()?, true)?;
        d.day = None;
        Some(d)
    }

    /// A duration and its start, either order: "for 3 days from today", "2 weeks starting May
    /// 20th", "from 2pm for 2 hours" → the interval they cover.
    pub(super) fn duration_from(&self, b: &Dt) -> Option<Dt> {
        let t = self.t;
        let j = self.comma(b.end);
        let (start, dur, end) = if b.kind == DateKind::Duration {
            let k = t.find_word(
                j,
                &["from", "starting from", "starting", "beginning", "commencing", "a partir de", "a compter de"],
            )?;
            let p = self.point_at(k, true)?;
            (p.clone(), b.value.clone(), p.end)
        } else {
            // "at 2pm for 2 hours"; a day "for 2 nights" stays a day and a duration.
            if !matches!(t.norm(j), "for" | "pendant") || !matches!(b.kind, DateKind::Time | DateKind::DateTime) {
                return None;
            }
            let d = self.duration_at(j).filter(|d| d.kind == DateKind::Duration)?;
            (b.clone(), d.value.clone(), d.end)
        };
        let value = span_after(&start, &dur)?;
        Some(Dt {
            start_tok: b.start_tok,
            end,
            kind: DateKind::Interval,
            value,
            start: None,
            end_date: None,
            gran: start.gran,
            relative: start.relative,
            strong: true,
            day: None,
        })
    }

    /// A single date, time, relative date or period (not an interval).
    pub(super) fn point_at(&self, i: usize, with_time: bool) -> Option<Dt> {
        if self.depth.get() >= 3 {
            return None;
        }
        self.depth.set(self.depth.get() + 1);
        let found = self.point_at_inner(i, with_time);
        self.depth.set(self.depth.get().saturating_sub(1));
        found
    }

    /// The dates at `i` that do not depend on `with_time`, computed once per (`i`, depth) in a context.
    pub(super) fn point_base(&self, i: usize) -> Option<Dt> {
        memoized(&self.memo.points, (i, self.depth.get()), || self.point_base_inner(i))
    }

    pub(super) fn point_base_inner(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let mut best: Option<Dt> = None;
        let mut consider = |d: Option<Dt>| keep_longest(&mut best, d);
        consider(self.anaphora_at(i));
        consider(self.end_of_day(i));
        consider(self.edge_of_period(i));
        consider(self.weekday_then_date(i));
        consider(self.part_of_period(i));
        consider(self.week_of(i));
        consider(self.cal_at(i).and_then(|c| self.cal_dt(i, c)));
        consider(self.paired_day(i));
        consider(self.year_mention(i));
        consider(self.relative_at(i));
        consider(self.period_at(i));
        consider(self.story_unit(i));
        consider(self.decade_at(i));
        let approx = matches!(t.norm(i), "around" | "about" | "circa" | "approximately" | "vers")
            && self.clock_at(i + 1).is_some();
        let ti = if approx { i + 1 } else { i };
        if let Some((h, m, s, e)) = self.clock_at(ti) {
            let mut d = self.time_dt_secs(i, (h, m, s), e, None);
            // "9 a.m. on Tuesday" stays a time; "17h22" alone too.
            d.strong = true;
            consider(Some(d));
        }
        best
    }

    pub(super) fn point_at_inner(&self, i: usize, with_time: bool) -> Option<Dt> {
        let t = self.t;
        let best = self.point_base(i);
        // "10, tonight", "10, ce soir": a bare hour then a part of a day.
        if best.is_none() && with_time && t.is_num(i) && t.is_punct(i + 1, ',') {
            if let Some((h, e)) = self.hour_number(i).filter(|&(h, _)| (1..=12).contains(&h)) {
                if let Some(p) =
                    self.point_at(e + 1, false).filter(|p| p.kind == DateKind::DateTime && p.gran == Granularity::Hour)
                {
                    if let Some((date, code)) = p.value.split_once('T').filter(|(d, c)| d.len() == 10 && c.len() == 2) {
                        let value = format!("{date}T{:02}:00", shift_to_part(h, code));
                        return Some(Dt { start_tok: i, value, gran: Granularity::Minute, ..p });
                    }
                }
            }
        }
        let best = best?;
        if with_time && best.kind == DateKind::Time {
            // "3pm today", "9 a.m. on Tuesday", "17h22 hier".
            let mut j = self.comma(best.end);
            if matches!(t.norm(j), "on" | "le") {
                j += 1;
            }
            let day_like = |d: &Dt| {
                (d.kind == DateKind::Date && d.gran == Granularity::Day)
                    || (d.kind == DateKind::DateTime && d.gran == Granularity::Hour && d.value.len() == 13)
            };
            // No recursion with times here: a long run of times must not nest calls.
            let with_part = |mut d: Dt| {
                if d.kind == DateKind::Date && d.gran == Granularity::Day {
                    if let Some((e, _)) = t.find(d.end, self.tab.day_parts) {
                        d.end = e;
                    }
                }
                d
            };
            if let Some(d) = self.point_at(j, false).map(with_part).filter(day_like) {
                let (h, m) = (best.value.get(1..3).unwrap_or("00"), best.value.get(4..6).unwrap_or("00"));
                let date = if d.kind == DateKind::DateTime {
                    d.value.get(..10).unwrap_or("").to_string()
                } else {
                    d.start.clone().unwrap_or_else(|| d.value.clone())
                };
                // "at lunch tomorrow": a part of the day, not a clock.
                let coded = !best.value.get(1..3).is_some_and(|h| h.bytes().all(|b| b.is_ascii_digit()));
                let value = if coded { format!("{date}{}", best.value) } else { format!("{date}T{h}:{m}") };
                return Some(Dt {
                    start_tok: best.start_tok,
                    end: d.end,
                    kind: DateKind::DateTime,
                    value,
                    start: None,
                    end_date: None,
                    gran: if coded { Granularity::Hour } else { Granularity::Minute },
                    relative: d.relative,
                    strong: true,
                    day: d.day,
                });
            }
        }
        if with_time && best.kind == DateKind::Date && best.gran == Granularity::Day {
            // "18 February 2025 à 17h22", "January 29, 2025, at 5 p.m.", "today at noon".
            let j = self.comma(best.end);
            let date = best.start.clone().unwrap_or_else(|| best.value.clone());
            // "jeudi 20 février, à 18 h 30": the day, then its time (a mention of its own).
            let apart = self.tab.time_apart_after_comma && j > best.end;
            // "next Monday 1-3 pm", "vendredi 30 novembre entre 12h00 et 14h00".
            let opener = t.find_word(j, self.tab.interval_from);
            if let Some(iv) = self
                .time_interval(j, opener.map(|e| t.skip_joiner(e)).unwrap_or(j), opener.is_some(), true)
                .filter(|_| !apart)
            {
                if let Some((a, b)) = iv.value.split_once('/') {
                    let value = format!("{date}{a}/{date}{b}");
                    return Some(Dt { start_tok: best.start_tok, value, relative: best.relative, ..iv });
                }
            }
            // "Monday morning", "demain soir", "Tuesday in the morning".
            let mut pj = best.end;
            if let Some(e) = t.find_word(pj, &["in", "dans"]).and_then(|e| t.find_word(e, self.tab.the_words)) {
                pj = t.skip_joiner(e);
            }
            // "tomorrow am", "today pm".
            let half_day = match t.norm(pj) {
                "am" if pj == best.end => Some((pj + 1, "MO")),
                "pm" if pj == best.end => Some((pj + 1, "AF")),
                _ => None,
            };
            if let Some((e, code)) = t.find(pj, self.tab.day_parts).or(half_day) {
                let part = Dt {
                    end: e,
                    kind: DateKind::DateTime,
                    value: format!("{date}T{code}"),
                    gran: Granularity::Hour,
                    ..best
                };
                return Some(self.part_with_time(part.clone()).unwrap_or(part));
            }
            // "hier en début d'après-midi", "Monday, late in the evening": an edge of a part of
            // that day.
            let k = t.find_word(self.comma(best.end), &["en"]).unwrap_or(self.comma(best.end));
            if let Some(p) = self.edge_of_period(k).filter(|p| p.kind == DateKind::Time && p.value.len() == 3) {
                let part = Dt {
                    end: p.end,
                    kind: DateKind::DateTime,
                    value: format!("{date}{}", p.value),
                    gran: Granularity::Hour,
                    ..best
                };
                return Some(part);
            }
            if let Some((h, m, s, e)) = self.linked_time(j).filter(|_| !apart) {
                let day = best.start.as_deref().and_then(parse_day);
                let mut d = self.time_dt_secs(best.start_tok, (h, m, s), e, day);
                d.relative = best.relative;
                if day.is_none() {
                    // "XXXX-WXX-1T16": a whole hour in a partial TIMEX value.
                    let clock = d.value.strip_suffix(":00").filter(|c| c.len() == 3).unwrap_or(&d.value);
                    d.value = format!("{}{clock}", best.value);
                    d.kind = DateKind::DateTime;
                }
                d.day = best.day;
                return Some(d);
            }
        }
        // "in the morning 9 o'clock", "in the afternoon at 7", "dans le matin à 7".
        if with_time && best.kind == DateKind::Time && best.value.len() == 3 {
            if let Some(code) = best.value.strip_prefix('T') {
                if let Some((h, m, s, e)) = self.linked_time(best.end) {
                    let h = shift_to_part(h, code);
                    let value = if s > 0 { format!("T{h:02}:{m:02}:{s:02}") } else { format!("T{h:02}:{m:02}") };
                    return Some(Dt { end: e, value, gran: Granularity::Minute, ..best });
                }
            }
        }
        if with_time && best.kind == DateKind::DateTime && best.gran == Granularity::Hour {
            // "last night at 8", "tonight around 11".
            if let Some(d) = self.part_with_time(best.clone()) {
                return Some(d);
            }
        }
        Some(best)
    }
}
