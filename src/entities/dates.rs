//! Dates: absolute and partial dates, times, relative expressions, periods, intervals and
//! durations, resolved against a reference date when one is known.

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

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 { d.checked_add_months(Months::new(n as u32)) } else { d.checked_sub_months(Months::new((-n) as u32)) }
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 { d.checked_add_days(Days::new(n as u64)) } else { d.checked_sub_days(Days::new((-n) as u64)) }
}

fn shift(d: NaiveDate, unit: TimeUnit, n: i64) -> Option<NaiveDate> {
    match unit {
        TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour => Some(d),
        TimeUnit::Day => add_days(d, n),
        TimeUnit::Week => add_days(d, n.checked_mul(7)?),
        TimeUnit::Fortnight => add_days(d, n.checked_mul(14)?),
        TimeUnit::Month => add_months(d, n),
        TimeUnit::Quarter => add_months(d, n.checked_mul(3)?),
        TimeUnit::Year => add_months(d, n.checked_mul(12)?),
        TimeUnit::Decade => add_months(d, n.checked_mul(120)?),
        TimeUnit::Century => add_months(d, n.checked_mul(1200)?),
    }
}

fn duration_code(unit: TimeUnit, n: f64) -> String {
    let n = if n.fract() == 0.0 { format!("{}", n as i64) } else { format!("{n}") };
    match unit {
        TimeUnit::Second => format!("PT{n}S"),
        TimeUnit::Minute => format!("PT{n}M"),
        TimeUnit::Hour => format!("PT{n}H"),
        TimeUnit::Day => format!("P{n}D"),
        TimeUnit::Week => format!("P{n}W"),
        TimeUnit::Fortnight => format!("P{}W", n.parse::<f64>().unwrap_or(0.0) * 2.0),
        TimeUnit::Month => format!("P{n}M"),
        TimeUnit::Quarter => format!("P{}M", n.parse::<f64>().unwrap_or(0.0) * 3.0),
        TimeUnit::Year => format!("P{n}Y"),
        TimeUnit::Decade => format!("P{}Y", n.parse::<f64>().unwrap_or(0.0) * 10.0),
        TimeUnit::Century => format!("P{}Y", n.parse::<f64>().unwrap_or(0.0) * 100.0),
    }
}

/// Start of the period of `unit` containing `d`.
fn period_start(d: NaiveDate, unit: TimeUnit) -> Option<NaiveDate> {
    match unit {
        TimeUnit::Week | TimeUnit::Fortnight => add_days(d, -(d.weekday().num_days_from_monday() as i64)),
        TimeUnit::Month => ymd(d.year(), d.month(), 1),
        TimeUnit::Quarter => ymd(d.year(), (d.month() - 1) / 3 * 3 + 1, 1),
        TimeUnit::Year => ymd(d.year(), 1, 1),
        TimeUnit::Decade => ymd(d.year().div_euclid(10) * 10, 1, 1),
        TimeUnit::Century => ymd(d.year().div_euclid(100) * 100, 1, 1),
        _ => Some(d),
    }
}

fn gran_of(unit: TimeUnit) -> Granularity {
    match unit {
        TimeUnit::Second => Granularity::Instant,
        TimeUnit::Minute => Granularity::Minute,
        TimeUnit::Hour => Granularity::Hour,
        TimeUnit::Day => Granularity::Day,
        TimeUnit::Week | TimeUnit::Fortnight => Granularity::Week,
        TimeUnit::Month => Granularity::Month,
        TimeUnit::Quarter => Granularity::Quarter,
        TimeUnit::Year => Granularity::Year,
        TimeUnit::Decade => Granularity::Decade,
        TimeUnit::Century => Granularity::Century,
    }
}

/// The value of the period of `unit` that starts at `s` ("2025", "2025-02", "2024-Q4"…).
fn period_value(s: NaiveDate, unit: TimeUnit) -> String {
    match unit {
        TimeUnit::Year => format!("{}", s.year()),
        TimeUnit::Month => format!("{}-{:02}", s.year(), s.month()),
        TimeUnit::Quarter => format!("{}-Q{}", s.year(), (s.month() - 1) / 3 + 1),
        TimeUnit::Week => format!("{}-W{:02}", s.iso_week().year(), s.iso_week().week()),
        TimeUnit::Fortnight => format!("{}/{}", iso(s), add_days(s, 14).map(iso).unwrap_or_default()),
        TimeUnit::Decade => format!("{}X", s.year() / 10),
        TimeUnit::Century => format!("{}XX", s.year() / 100),
        _ => iso(s),
    }
}

fn period(start_tok: usize, end: usize, s: NaiveDate, unit: TimeUnit, relative: bool) -> Option<Dt> {
    let e = shift(s, unit, 1)?;
    let kind = if matches!(unit, TimeUnit::Day) {
        DateKind::Date
    } else if matches!(unit, TimeUnit::Month | TimeUnit::Year) {
        DateKind::Date
    } else {
        DateKind::Period
    };
    Some(Dt {
        start_tok,
        end,
        kind,
        value: period_value(s, unit),
        start: Some(iso(s)),
        end_date: Some(iso(e)),
        gran: gran_of(unit),
        relative,
        strong: true,
        day: None,
    })
}

fn day_dt(start_tok: usize, end: usize, d: NaiveDate, relative: bool) -> Option<Dt> {
    let mut dt = period(start_tok, end, d, TimeUnit::Day, relative)?;
    dt.day = Some(d);
    Some(dt)
}

impl<'a> Ctx<'a> {
    fn refdate(&self) -> Option<NaiveDate> {
        self.reference.map(|r| r.date())
    }

    fn month_at(&self, i: usize) -> Option<(usize, u32)> {
        let t = self.t;
        let (mut e, m) = t.find(i, self.tab.months)?;
        if t.is_punct(e, '.') && t.glued(e) && t.norm(i).len() <= 4 && !self.sentence_end(e + 1) {
            e += 1;
        }
        Some((e, m))
    }

    fn weekday_at(&self, i: usize) -> Option<(usize, u32)> {
        let t = self.t;
        let (mut e, w) = t.find(i, self.tab.weekdays)?;
        // Short forms ("Sun", "Wed", "Sat") must be capitalized.
        if t.norm(i).len() <= 4 && !t.upper(i) {
            return None;
        }
        if t.is_punct(e, '.') && t.glued(e) && t.norm(i).len() <= 4 && !self.sentence_end(e + 1) {
            e += 1;
        }
        Some((e, w))
    }

    /// A day of month: "18", "18th", "1er", "first".
    fn day_at(&self, i: usize) -> Option<(usize, u32)> {
        let t = self.t;
        if t.is_num(i) && t.digits(i) <= 2 {
            let d = t.num_value(i)? as u32;
            if !(1..=31).contains(&d) {
                return None;
            }
            let mut e = i + 1;
            if t.glued(e) && matches!(t.norm(e), "st" | "nd" | "rd" | "th" | "er" | "re" | "e" | "eme") {
                e += 1;
            } else if t.glued(e) && t.is_word(e) {
                return None;
            }
            return Some((e, d));
        }
        let (e, d) = t.find(i, self.tab.ordinals)?;
        if t.norm(i) == "last" || t.norm(i) == "dernier" || t.norm(i) == "final" {
            return None;
        }
        Some((e, d))
    }

    fn year_at(&self, i: usize) -> Option<(usize, i32)> {
        let t = self.t;
        if !t.is_num(i) || t.digits(i) != 4 {
            return None;
        }
        let y = t.num_value(i)? as i32;
        if !(1000..=2199).contains(&y) {
            return None;
        }
        if t.glued(i + 1) && (t.is_num(i + 1) || (t.is_word(i + 1) && t.norm(i + 1) != "s")) {
            return None;
        }
        Some((i + 1, y))
    }

    /// A year said in words: "nineteen ninety six", "two thousand and fifteen", "seventeen
    /// hundred thirty three", "deux mille quinze".
    fn word_year_at(&self, i: usize) -> Option<(usize, i32)> {
        let t = self.t;
        if !t.is_word(i) {
            return None;
        }
        let n = numbers::parse_count(t, i, self.tab).filter(|n| !n.digits && n.value.fract() == 0.0)?;
        if (1000.0..=2199.0).contains(&n.value) {
            return Some((n.end, n.value as i32));
        }
        let century = self
            .tab
            .number_words
            .iter()
            .find(|(w, _)| *w == t.norm(i))
            .map(|(_, v)| *v)
            .filter(|v| (11..=20).contains(v))?;
        let rest = numbers::parse_count(t, i + 1, self.tab)
            .filter(|r| !r.digits && r.value.fract() == 0.0 && (10.0..100.0).contains(&r.value))?;
        Some((rest.end, (century * 100) as i32 + rest.value as i32))
    }

    /// A year in digits or, after a day and month, in words.
    fn any_year_at(&self, i: usize) -> Option<(usize, i32)> {
        self.year_at(i).or_else(|| self.word_year_at(i)).or_else(|| self.short_year_at(i))
    }

    /// A two-digit year that cannot be a day, after a month: "juillet 98", "April of 87".
    fn short_year_at(&self, i: usize) -> Option<(usize, i32)> {
        let t = self.t;
        if !t.is_num(i)
            || t.digits(i) != 2
            || (t.glued(i + 1) && (t.is_num(i + 1) || t.is_word(i + 1) || t.is_punct(i + 1, '%')))
        {
            return None;
        }
        let v = t.num_value(i)? as i32;
        if v <= 31 || t.find(i + 1, self.tab.unit_words).is_some() || t.find(i + 1, self.tab.time_units).is_some() {
            return None;
        }
        Some((i + 1, if v > 40 { 1900 + v } else { 2000 + v }))
    }

    /// A day of month in words ("twenty five", "vingt-neuf").
    fn word_day_at(&self, i: usize) -> Option<(usize, u32)> {
        let t = self.t;
        if !t.is_word(i) {
            return None;
        }
        let value = |k: usize| self.tab.number_words.iter().find(|(w, _)| *w == t.norm(k)).map(|(_, v)| *v);
        let first = value(i).filter(|v| (1..=31).contains(v))?;
        let k = t.skip_joiner(i + 1);
        if first % 10 == 0 && first >= 20 && t.is_word(k) {
            if let Some(unit) = value(k).filter(|v| (1..=9).contains(v)) {
                return (first + unit <= 31).then_some((k + 1, first + unit));
            }
        }
        Some((i + 1, first))
    }

    /// Skips ", " or "of" before a year.
    fn year_link(&self, i: usize) -> usize {
        let t = self.t;
        let link = matches!(t.norm(i), "of" | "de" | "in" | "en")
            || t.is_punct(i, ',')
            || ((t.is_punct(i, '-') || t.is_punct(i, '/')) && t.glued(i) && t.glued(i + 1));
        // "April of 87": a two-digit year after "of".
        let short = t.norm(i) == "of" && self.short_year_at(i + 1).is_some();
        if link && (self.year_at(i + 1).is_some() || short) { i + 1 } else { i }
    }

    fn comma(&self, i: usize) -> usize {
        if self.t.is_punct(i, ',') { i + 1 } else { i }
    }

    fn resolve_year(&self, m: u32) -> (Option<i32>, bool) {
        let _ = m;
        match self.refdate() {
            Some(r) => (Some(r.year()), true),
            None => (None, false),
        }
    }

    /// Absolute or partial calendar date at `i`.
    fn cal_at(&self, i: usize) -> Option<Cal> {
        let t = self.t;
        let tab = self.tab;
        let mut j = i;
        // Optional weekday: "Tuesday, February 18", "mardi 18 février".
        if let Some((e, _)) = self.weekday_at(j) {
            let k = self.comma(e);
            if self.day_at(k).is_some() || self.month_at(k).is_some() {
                j = k;
            }
        }
        // Numeric forms.
        if t.is_num(j) {
            if let Some(c) = self.numeric_date(j) {
                return Some(c);
            }
        }
        // Day first: "18 February 2025", "1er mars", "the 9th of May".
        let mut k = j;
        if t.find_word(k, tab.day_articles).is_some() && self.day_at(k + 1).is_some() {
            k += 1;
        }
        // "twenty five January nineteen eighty six": a day in words before a capitalized month.
        let word_day =
            (t.is_word(k) && (t.upper(k + 1) || t.upper(k + 2) || t.upper(k + 3)) && self.day_at(k).is_none())
                .then(|| self.word_day_at(k))
                .flatten()
                .filter(|&(e, _)| {
                    let m_at = if matches!(t.norm(e), "of" | "de") { e + 1 } else { e };
                    self.month_at(m_at).is_some()
                });
        if let Some((e, d)) = self.day_at(k).or(word_day) {
            let mut m_at = e;
            if t.norm(m_at) == "of" || t.norm(m_at) == "de" {
                m_at += 1;
            }
            if let Some((e2, m)) = self.month_at(m_at) {
                if e2 > m_at && (t.is_num(k) || t.norm(m_at - 1) == "of" || tab.decimal_comma || word_day.is_some()) {
                    let mut c = Cal { d: Some(d), m: Some(m), end: e2, ..Default::default() };
                    let y_at = self.year_link(e2);
                    if let Some((e3, y)) = self.any_year_at(y_at) {
                        c.y = Some(y);
                        c.end = e3;
                    }
                    // "twenty five January" needs its year (or a full ordinal) to be a date.
                    if word_day.is_some() && c.y.is_none() && !tab.decimal_comma {
                        return None;
                    }
                    if word_day.is_some() && c.y.is_none() && !t.upper(m_at) {
                        return None;
                    }
                    return Some(c);
                }
            }
        }
        // Year, month, day with a separator: "2019/aug/01", "2019-aug-1".
        if let Some((e, y)) = self.year_at(j) {
            let sep = t.norm(e);
            if matches!(sep, "/" | "-") && t.glued(e) && t.glued(e + 1) {
                if let Some((e2, m)) =
                    self.month_at(e + 1).filter(|&(e2, _)| t.norm(e2) == sep && t.glued(e2) && t.glued(e2 + 1))
                {
                    if let Some((e3, d)) = self.day_at(e2 + 1).filter(|_| t.is_num(e2 + 1)) {
                        return Some(Cal { y: Some(y), m: Some(m), d: Some(d), end: e3, ..Default::default() });
                    }
                }
            }
        }
        // Month first: "February 18, 2025", "Feb. 18", "February 2025".
        if let Some((e, m)) = self.month_at(j) {
            let full = t.norm(j).len() > 4 || !tab.ambiguous_months.contains(&t.norm(j));
            let mut dpos = e;
            // "Oct/2", "mar4": a day glued to the month.
            let glued_day = t.glued(e)
                && ((t.is_num(e) && t.digits(e) <= 2)
                    || (t.is_punct(e, '/')
                        && t.glued(e + 1)
                        && t.is_num(e + 1)
                        && t.digits(e + 1) <= 2
                        && !(t.glued(e + 2) && t.is_punct(e + 2, '/'))));
            if glued_day && t.is_punct(e, '/') {
                dpos = e + 1;
            }
            if t.norm(dpos) == "the" {
                dpos += 1;
            }
            // "October, 1st".
            if t.is_punct(dpos, ',')
                && t.is_num(dpos + 1)
                && t.digits(dpos + 1) <= 2
                && t.glued(dpos + 2)
                && matches!(t.norm(dpos + 2), "st" | "nd" | "rd" | "th")
            {
                dpos += 1;
            }
            // "May twenty nine", "January twenty five nineteen eighty six": a day in words
            // after a full month name, then a year or the end of the clause.
            let word_day = self.word_day_at(dpos).filter(|&(e2, _)| {
                full && (self.any_year_at(self.year_link(e2)).is_some()
                    || e2 >= t.len()
                    || (t.kind(e2) == Some(Kind::Punct) && !t.is_punct(e2, '-')))
                    && (self.day_at(dpos).is_none() || !t.is_num(dpos))
            });
            let day = self.day_at(dpos).filter(|_| t.is_num(dpos) || t.norm(e) == "the").or(word_day);
            if let Some((e2, d)) = day {
                let mut c = Cal { d: Some(d), m: Some(m), end: e2, ..Default::default() };
                // "May 5 to 7" stays a day; "February 18, 2025".
                let y_at = self.year_link(e2);
                if let Some((e3, y)) = self.any_year_at(y_at) {
                    c.y = Some(y);
                    c.end = e3;
                }
                if (!full || (!tab.decimal_comma && !t.upper(j))) && c.y.is_none() && !t.upper(j) && !glued_day {
                    return None;
                }
                return Some(c);
            }
            let y_at = self.year_link(e);
            let word_year = self
                .year_at(y_at)
                .is_none()
                .then(|| self.word_year_at(y_at).or_else(|| self.short_year_at(y_at)))
                .flatten()
                .filter(|_| full);
            if let Some((e3, y)) = self.year_at(y_at).or(word_year) {
                if !tab.decimal_comma && !t.upper(j) && !full {
                    return None;
                }
                return Some(Cal { m: Some(m), y: Some(y), end: e3, ..Default::default() });
            }
            // Month alone: needs a cue when it is also a common word.
            let cue = j > 0 && t.find_word(j - 1, tab.year_preps).is_some();
            let plain_word = !tab.ambiguous_months.contains(&t.norm(j));
            let ok = if tab.decimal_comma {
                full || cue
            } else {
                (t.upper(j) && (cue || (full && t.norm(j) != "may"))) || (full && plain_word && cue)
            };
            if ok {
                return Some(Cal { m: Some(m), end: e, ..Default::default() });
            }
        }
        None
    }

    fn numeric_date(&self, i: usize) -> Option<Cal> {
        let t = self.t;
        let a = t.num_value(i)?;
        let sep = t.norm(i + 1);
        if t.is_num(i + 1) && !t.glued(i + 1) {
            return self.spaced_date(i);
        }
        if !matches!(sep, "/" | "-" | ".") || !t.glued(i + 1) || !t.glued(i + 2) || !t.is_num(i + 2) {
            return None;
        }
        let b = t.num_value(i + 2)?;
        let has_third = t.norm(i + 3) == sep && t.glued(i + 3) && t.glued(i + 4) && t.is_num(i + 4);
        if t.digits(i) == 4 {
            // 2025-02-18, 2025/02/18
            if !has_third || sep == "." {
                return None;
            }
            let c = t.num_value(i + 4)?;
            ymd(a as i32, b as u32, c as u32)?;
            return Some(Cal {
                y: Some(a as i32),
                m: Some(b as u32),
                d: Some(c as u32),
                end: i + 5,
                ..Default::default()
            });
        }
        // "12-2015", "03/2024": month and year.
        if t.digits(i) <= 2 && t.digits(i + 2) == 4 && !has_third && (1..=12).contains(&a) && sep != "." {
            return Some(Cal { y: Some(b as i32), m: Some(a as u32), end: i + 3, ..Default::default() });
        }
        if t.digits(i) > 2 || t.digits(i + 2) > 2 {
            return None;
        }
        let (mut d, mut m) = if self.tab.day_first { (a, b) } else { (b, a) };
        if m > 12 && d <= 12 {
            std::mem::swap(&mut d, &mut m);
        }
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        if has_third {
            let yd = t.digits(i + 4);
            let mut y = t.num_value(i + 4)? as i32;
            if yd == 2 {
                y += if y > 40 { 1900 } else { 2000 };
            } else if yd != 4 {
                return None;
            }
            ymd(y, m as u32, d as u32)?;
            return Some(Cal { y: Some(y), m: Some(m as u32), d: Some(d as u32), end: i + 5, ..Default::default() });
        }
        // "11/20": only with a slash, after a cue ("on 11/20", "du 3/4"), and not "24/7" or a fraction.
        if sep != "/"
            || t.is_punct(i + 3, '%')
            || (t.kind(i + 3) == Some(Kind::Punct) && t.glued(i + 3) && t.is_num(i + 4))
        {
            return None;
        }
        let cue = i == 0
            || t.is_punct(i - 1, ',')
            || matches!(
                t.norm(i - 1),
                "on" | "from"
                    | "to"
                    | "by"
                    | "until"
                    | "before"
                    | "after"
                    | "since"
                    | "and"
                    | "or"
                    | "between"
                    | "le"
                    | "du"
                    | "au"
                    | "des"
                    | "depuis"
                    | "jusqu"
                    | "et"
                    | "ou"
                    | "entre"
            )
            || t.find(i - 1, self.tab.weekdays).is_some();
        if !cue || (a == 24 && b == 7) {
            return None;
        }
        Some(Cal { m: Some(m as u32), d: Some(d as u32), end: i + 3, ..Default::default() })
    }

    /// Three numbers a space apart: "2016 10 16" (year first), "18 8 1978", "02 04 2009", "18 08 78"
    /// (day first, in languages that write it so).
    fn spaced_date(&self, i: usize) -> Option<Cal> {
        let t = self.t;
        let single = |k: usize| t.is_num(k) && t.gap(k) == " ";
        if !(single(i + 1) && single(i + 2))
            || (i > 0 && t.is_num(i - 1))
            || t.is_num(i + 3)
            || (t.glued(i + 3) && (t.is_word(i + 3) || t.kind(i + 3) == Some(Kind::Punct) && t.is_num(i + 4)))
        {
            return None;
        }
        let (da, db, dc) = (t.digits(i), t.digits(i + 1), t.digits(i + 2));
        let (a, b, c) = (t.num_value(i)? as i32, t.num_value(i + 1)? as i32, t.num_value(i + 2)? as i32);
        let (y, m, d) = if da == 4 && db == 2 && dc == 2 {
            (a, b, c)
        } else if self.tab.day_first && da <= 2 && db <= 2 && (dc == 4 || dc == 2) {
            (if dc == 2 { c + if c > 40 { 1900 } else { 2000 } } else { c }, b, a)
        } else {
            return None;
        };
        ymd(y, m as u32, d as u32)?;
        Some(Cal { y: Some(y), m: Some(m as u32), d: Some(d as u32), end: i + 3, ..Default::default() })
    }

    /// A calendar date as a mention.
    fn cal_dt(&self, start_tok: usize, mut c: Cal) -> Option<Dt> {
        if c.y.is_none() {
            if let Some(m) = c.m {
                let (y, inf) = self.resolve_year(m);
                c.y = y;
                c.inferred_year = inf;
            }
        }
        match (c.y, c.m, c.d) {
            // "Feb 29" in a year without one stays open.
            (Some(y), Some(m), Some(d)) if c.inferred_year && ymd(y, m, d).is_none() && ymd(2000, m, d).is_some() => {
                Some(Dt {
                    start_tok,
                    end: c.end,
                    kind: DateKind::Date,
                    value: format!("XXXX-{m:02}-{d:02}"),
                    start: None,
                    end_date: None,
                    gran: Granularity::Day,
                    relative: false,
                    strong: true,
                    day: None,
                })
            }
            (Some(y), Some(m), Some(d)) => {
                let date = ymd(y, m, d)?;
                let mut dt = day_dt(start_tok, c.end, date, c.inferred_year)?;
                if c.inferred_year {
                    dt.day = None;
                }
                Some(dt)
            }
            (None, Some(m), Some(d)) => Some(Dt {
                start_tok,
                end: c.end,
                kind: DateKind::Date,
                value: format!("XXXX-{m:02}-{d:02}"),
                start: None,
                end_date: None,
                gran: Granularity::Day,
                relative: false,
                strong: true,
                day: None,
            }),
            (Some(y), Some(m), None) => {
                let mut d = period(start_tok, c.end, ymd(y, m, 1)?, TimeUnit::Month, c.inferred_year)?;
                // A month without its year keeps it open ("XXXX-10"); start/end hold this year's.
                if c.inferred_year {
                    d.value = format!("XXXX-{m:02}");
                }
                Some(d)
            }
            (None, Some(m), None) => Some(Dt {
                start_tok,
                end: c.end,
                kind: DateKind::Date,
                value: format!("XXXX-{m:02}"),
                start: None,
                end_date: None,
                gran: Granularity::Month,
                relative: false,
                strong: true,
                day: None,
            }),
            (Some(y), None, None) => period(start_tok, c.end, ymd(y, 1, 1)?, TimeUnit::Year, false),
            _ => None,
        }
    }

    /// A time of day at `i`: (hour, minute, end).
    fn time_at(&self, i: usize) -> Option<(u32, u32, usize)> {
        self.time_secs_at(i).map(|(h, m, _, e)| (h, m, e))
    }

    /// A time of day at `i` with a part of the day after it shifting the hour: "7 in the
    /// evening", "ten past 9 at night", "8 h et vingt minutes dans la soirée", "5 du matin".
    fn clock_at(&self, i: usize) -> Option<(u32, u32, u32, usize)> {
        let t = self.t;
        let (h, m, s, e, explicit) = match self.time_secs_at(i) {
            Some((h, m, s, e)) => (h, m, s, e, true),
            None => {
                // Cheap test first: a bare hour counts only before "past" or a part of the day.
                let link = (i + 1..(i + 4).min(t.len()))
                    .any(|k| matches!(t.norm(k), "past" | "in" | "at" | "du" | "de" | "dans" | "le" | "la"));
                let cue = link || (self.tab.decimal_comma && t.find(i + 1, self.tab.day_parts).is_some());
                if !cue {
                    return None;
                }
                let (h, m, e) = self.bare_hour_at(i)?;
                (h, m, 0, e, false)
            }
        };
        if let Some((e2, code, linked)) = self.part_after(e) {
            if explicit || linked {
                return Some((shift_to_part(h, code), m, s, e2));
            }
        }
        if !explicit {
            return None;
        }
        Some((h, m, s, e))
    }

    /// "in the evening", "at night", "du soir", "dans la soirée", "de l'après-midi" after a time.
    fn part_after(&self, e: usize) -> Option<(usize, &'static str, bool)> {
        let t = self.t;
        let mut j = e;
        for link in ["in the", "at", "du", "de la", "de l", "dans la", "dans le", "le", "la"] {
            if let Some(k) = t.phrase(j, link).map(|k| t.skip_joiner(k)) {
                if t.find(k, self.tab.day_parts).is_some() {
                    j = k;
                    break;
                }
            }
        }
        let (e2, code) = t.find(j, self.tab.day_parts)?;
        (j > e || self.tab.decimal_comma).then_some((e2, code, j > e))
    }

    /// An hour said without a clock mark ("at 5", "seven twenty-seven", "ten past 9"):
    /// (hour, minute, end). Taken only where a cue makes it a time.
    fn bare_hour_at(&self, i: usize) -> Option<(u32, u32, usize)> {
        let t = self.t;
        let tab = self.tab;
        let word_num = |k: usize| numbers::parse(t, k, tab, false).filter(|n| !n.digits && n.value.fract() == 0.0);
        // "ten past 9", "twenty minutes past eight", "quarter past ten", "half past two".
        let (mins, k) = match t.norm(i) {
            "quarter" => (Some(15), i + 1),
            "half" => (Some(30), i + 1),
            _ => match (t.is_num(i) && t.digits(i) <= 2).then(|| t.num_value(i)).flatten() {
                Some(v) => (Some(v as u32), i + 1),
                None => match word_num(i) {
                    Some(n) => (Some(n.value as u32), n.end),
                    None => (None, i),
                },
            },
        };
        let mut k = k;
        if matches!(t.norm(k), "min" | "mins" | "minutes" | "minute") {
            k += 1;
        }
        if let (Some(mins), "past") = (mins, t.norm(k)) {
            if (1..60).contains(&mins) {
                if let Some((h, e)) = self.hour_number(k + 1) {
                    return Some((h, mins, e));
                }
            }
        }
        let (h, e) = self.hour_number(i)?;
        // "seven twenty-seven", "nine thirty".
        if !t.is_num(i) {
            if let Some(n) = word_num(e).filter(|n| (10.0..60.0).contains(&n.value)) {
                return Some((h, n.value as u32, n.end));
            }
        }
        Some((h, 0, e))
    }

    /// A plain hour number 0–23 not followed by a unit or another number.
    fn hour_number(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t;
        // Not the decimals of "37,1" or the minutes of "8.30".
        if i > 0 && t.glued(i) && t.kind(i - 1) == Some(Kind::Punct) {
            return None;
        }
        let (h, e) = if t.is_num(i) && t.digits(i) <= 2 {
            (t.num_value(i)? as u32, i + 1)
        } else if t.is_word(i) {
            let n = numbers::parse(t, i, self.tab, false)
                .filter(|n| !n.digits && n.value.fract() == 0.0 && n.value < 24.0)?;
            (n.value as u32, n.end)
        } else {
            return None;
        };
        let clock_mark =
            (t.is_punct(e, ':') || t.is_punct(e, '.') || t.is_punct(e, ',')) && t.glued(e + 1) && t.is_num(e + 1);
        if h > 23 || (t.glued(e) && (t.is_num(e) || t.is_word(e) || clock_mark || t.is_punct(e, '%'))) {
            return None;
        }
        if t.find(e, self.tab.time_units).is_some()
            || t.find(e, self.tab.unit_words).is_some()
            || t.find_word(e, self.tab.percent_words).is_some()
        {
            return None;
        }
        Some((h, e))
    }

    /// A clock time at `i`: (hour, minute, second, end).
    /// A clock time at `i` (hours, minutes, seconds, end), computed once per token in a context.
    fn time_secs_at(&self, i: usize) -> Option<(u32, u32, u32, usize)> {
        memoized(&self.memo.times, i, || self.time_secs_at_inner(i))
    }

    fn time_secs_at_inner(&self, i: usize) -> Option<(u32, u32, u32, usize)> {
        let t = self.t;
        let tab = self.tab;
        // "midi" inside "après-midi" is no noon.
        let in_part = || (i.saturating_sub(2)..i).any(|k| t.find(k, tab.day_parts).is_some_and(|(e, _)| e > i));
        if let Some((e, h)) = t.find(i, tab.noon_words).filter(|_| !in_part()) {
            return Some((h, 0, 0, e));
        }
        // "12 noon".
        if t.num_value(i) == Some(12) {
            if let Some((e, h)) = t.find(i + 1, tab.noon_words) {
                return Some((h, 0, 0, e));
            }
        }
        let (h, mut j, words) = if t.is_num(i) && t.digits(i) <= 2 {
            (t.num_value(i)? as u32, i + 1, false)
        } else if t.is_word(i) {
            let n = numbers::parse(t, i, tab, false)?;
            if n.value.fract() != 0.0 || n.value > 24.0 || n.value < 0.0 {
                return None;
            }
            (n.value as u32, n.end, true)
        } else {
            return None;
        };
        if h > 24 {
            return None;
        }
        let mut m = 0;
        let mut secs = 0;
        let mut explicit = false;
        let mut minutes_written = false;
        // "11ish".
        if !words && t.norm(j) == "ish" && t.glued(j) && (1..=12).contains(&h) {
            return Some((h, 0, 0, j + 1));
        }
        let dotted = t.is_punct(j, '.')
            && t.glued(j)
            && t.glued(j + 1)
            && t.digits(j + 1) == 2
            && (self.ampm_at(j + 2).is_some()
                || (i > 0 && matches!(t.norm(i - 1), "at" | "a" | "before" | "after" | "until" | "by")));
        if !words && t.is_punct(j, '.') && t.glued(j) && self.ampm_at(j + 1).is_some() {
            j += 1;
        }
        if !words && (dotted || t.is_punct(j, ':')) && t.glued(j) && t.glued(j + 1) && t.digits(j + 1) == 2 {
            m = t.num_value(j + 1)? as u32;
            j += 2;
            explicit = true;
            if t.is_punct(j, ':') && t.glued(j) && t.digits(j + 1) == 2 {
                secs = t.num_value(j + 1).unwrap_or(0) as u32;
                j += 2;
            }
        } else if let Some(e) = t
            .find_word(j, tab.hour_words)
            .or_else(|| (t.norm(j) == "h" && t.glued(j) && t.digits(j + 1) == 2 && t.glued(j + 1)).then_some(j + 1))
        {
            // "17h22", "17 h 22", "seize heures", "15 heures 30".
            let fr_minutes = tab.decimal_comma && matches!(t.norm(e), "moins" | "et");
            if t.norm(j) == "h" && !t.glued(j) && !t.is_num(e) && t.is_word(e) && !fr_minutes {
                return None;
            }
            let cue = i > 0
                && matches!(
                    t.norm(i - 1),
                    "a" | "vers" | "de" | "des" | "entre" | "jusqu" | "et" | "demain" | "hier" | "matin" | "soir"
                );
            if t.norm(j) != "h" && !cue && !fr_minutes && !t.is_num(e) && numbers::parse(t, e, tab, false).is_none() {
                return None;
            }
            j = e;
            explicit = true;
            if t.is_num(j) && t.digits(j) == 2 && t.gap(j).len() <= 1 {
                m = t.num_value(j)? as u32;
                minutes_written = true;
                j += 1;
            } else if let Some(n) =
                numbers::parse(t, j, tab, false).filter(|n| !n.digits && n.value < 60.0 && n.value.fract() == 0.0)
            {
                if tab.decimal_comma {
                    m = n.value as u32;
                    j = n.end;
                }
            }
        }
        let mut h = h;
        // "sept heures et quart", "huit heures moins vingt-trois minutes", "et vingt-sept minutes".
        if explicit && tab.decimal_comma && !minutes_written {
            let sign = match t.norm(j) {
                "et" => 1i32,
                "moins" => -1,
                _ => 0,
            };
            if sign != 0 {
                let mut k = j + 1;
                if t.norm(k) == "le" {
                    k += 1;
                }
                let amount = match t.norm(k) {
                    "quart" => Some((15, k + 1)),
                    "demie" | "demi" => Some((30, k + 1)),
                    _ => numbers::parse(t, k, tab, false)
                        .filter(|n| n.value >= 1.0 && n.value < 60.0 && n.value.fract() == 0.0)
                        .map(|n| (n.value as i32, n.end)),
                };
                // "entre 14h et 16h": the number after "et" is the second hour, not minutes.
                let next_hour = |e: usize| t.find_word(e, tab.hour_words).is_some() || t.norm(e) == "h";
                if let Some((mins, mut e)) = amount.filter(|&(_, e)| !next_hour(e)) {
                    if matches!(t.norm(e), "minutes" | "minute") {
                        e += 1;
                    }
                    let total = h as i32 * 60 + sign * mins;
                    if (0..24 * 60).contains(&total) {
                        h = (total / 60) as u32;
                        m = (total % 60) as u32;
                        j = e;
                    }
                }
            }
        }
        if m > 59 || secs > 59 {
            return None;
        }
        // a.m. / p.m.
        let ampm = self.ampm_at(j);
        if let Some((e, pm)) = ampm {
            if h == 0 || h > 12 {
                return None;
            }
            if pm && h < 12 {
                h += 12;
            } else if !pm && h == 12 {
                h = 0;
            }
            j = e;
            explicit = true;
        }
        if !explicit || h > 23 {
            return None;
        }
        // Time zone abbreviations.
        if matches!(
            t.norm(j),
            "et" | "est" | "edt" | "pt" | "pst" | "pdt" | "gmt" | "utc" | "cet" | "cest" | "bst" | "ct" | "cst" | "mt"
        ) && t.upper(j)
        {
            j += 1;
        }
        Some((h, m, secs, j))
    }

    fn ampm_at(&self, j: usize) -> Option<(usize, bool)> {
        let t = self.t;
        match t.norm(j) {
            "am" | "pm" => Some((
                if t.is_punct(j + 1, '.') && t.glued(j + 1) && !self.sentence_end(j + 2) { j + 2 } else { j + 1 },
                t.norm(j) == "pm",
            )),
            "a" | "p" if t.is_punct(j + 1, '.') && t.norm(j + 2) == "m" && t.glued(j + 1) && t.glued(j + 2) => {
                let mut e = j + 3;
                if t.is_punct(e, '.') && t.glued(e) {
                    e += 1;
                }
                Some((e, t.norm(j) == "p"))
            }
            // "3 p . m .": spaced letters.
            "a" | "p"
                if t.is_punct(j + 1, '.')
                    && t.norm(j + 2) == "m"
                    && t.is_punct(j + 3, '.')
                    && (j + 1..j + 4).all(|k| t.gap(k).len() <= 1) =>
            {
                Some((j + 4, t.norm(j) == "p"))
            }
            // "9a", "9p": a glued letter.
            "a" | "p"
                if t.glued(j)
                    && j > 0
                    && t.is_num(j - 1)
                    && !t.is_word(j + 1)
                    && !t.is_num(j + 1)
                    && !(t.is_punct(j + 1, '.') && t.glued(j + 2) && t.is_word(j + 2)) =>
            {
                Some((j + 1, t.norm(j) == "p"))
            }
            _ => None,
        }
    }

    fn sentence_end(&self, j: usize) -> bool {
        j >= self.t.len() || self.t.upper(j)
    }

    fn time_dt_secs(&self, start_tok: usize, (h, m, s): (u32, u32, u32), end: usize, day: Option<NaiveDate>) -> Dt {
        let clock = if s > 0 { format!("T{h:02}:{m:02}:{s:02}") } else { format!("T{h:02}:{m:02}") };
        let (kind, value, gran) = match day {
            Some(d) => (DateKind::DateTime, format!("{}{clock}", iso(d)), Granularity::Minute),
            None => (DateKind::Time, clock, Granularity::Minute),
        };
        Dt { start_tok, end, kind, value, start: None, end_date: None, gran, relative: false, strong: true, day }
    }

    /// Everything that can start a date at `i`, longest first.
    pub fn date_at(&self, i: usize) -> Option<Dt> {
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

    /// A duration and its start, either order: "for 3 days from today", "2 weeks starting May
    /// 20th", "from 2pm for 2 hours" → the interval they cover.
    fn duration_from(&self, b: &Dt) -> Option<Dt> {
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
    fn point_at(&self, i: usize, with_time: bool) -> Option<Dt> {
        if self.depth.get() >= 3 {
            return None;
        }
        self.depth.set(self.depth.get() + 1);
        let found = self.point_at_inner(i, with_time);
        self.depth.set(self.depth.get().saturating_sub(1));
        found
    }

    /// The dates at `i` that do not depend on `with_time`, computed once per (`i`, depth) in a context.
    fn point_base(&self, i: usize) -> Option<Dt> {
        memoized(&self.memo.points, (i, self.depth.get()), || self.point_base_inner(i))
    }

    fn point_base_inner(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let mut best: Option<Dt> = None;
        let mut consider = |d: Option<Dt>| keep_longest(&mut best, d);
        consider(self.end_of_day(i));
        consider(self.edge_of_period(i));
        consider(self.weekday_then_date(i));
        consider(self.part_of_period(i));
        consider(self.week_of(i));
        consider(self.cal_at(i).and_then(|c| self.cal_dt(i, c)));
        consider(self.year_mention(i));
        consider(self.relative_at(i));
        consider(self.period_at(i));
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

    fn point_at_inner(&self, i: usize, with_time: bool) -> Option<Dt> {
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
            // "next Monday 1-3 pm", "vendredi 30 novembre entre 12h00 et 14h00".
            let opener = t.find_word(j, self.tab.interval_from);
            if let Some(iv) =
                self.time_interval(j, opener.map(|e| t.skip_joiner(e)).unwrap_or(j), opener.is_some(), true)
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
            if let Some((h, m, s, e)) = self.linked_time(j) {
                let day = best.start.as_deref().and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
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

    /// A time after a date, with its link word: "at 5", "before 4pm", "à 17h".
    fn linked_time(&self, j: usize) -> Option<(u32, u32, u32, usize)> {
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
    fn part_with_time(&self, part: Dt) -> Option<Dt> {
        let t = self.t;
        let (date, code) = part.value.split_once('T')?;
        if date.len() != 10 || code.len() != 2 {
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
    fn part_of_period(&self, i: usize) -> Option<Dt> {
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
        let s = NaiveDate::parse_from_str(p.start.as_deref()?, "%Y-%m-%d").ok()?;
        // "the 15th day of next month", "the third month of 2021": one day or month of the period.
        if let (Some(n), false, 1.0) = (first_n, last, count) {
            let end = p.end_date.as_deref().and_then(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").ok())?;
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
    /// "week 31", "week 27 of last year".
    fn week_of(&self, i: usize) -> Option<Dt> {
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
        let p = self.point_at(k, false).filter(|p| p.gran == Granularity::Day)?;
        let d = NaiveDate::parse_from_str(p.start.as_deref().unwrap_or(&p.value), "%Y-%m-%d").ok()?;
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
    fn end_of_day(&self, i: usize) -> Option<Dt> {
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
    fn edge_of_period(&self, i: usize) -> Option<Dt> {
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
            let u = t.skip_joiner(t.find_word(k, self.tab.the_words).unwrap_or(k));
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
        let parse = |s: Option<&str>| s.and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
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
    fn weekday_then_date(&self, i: usize) -> Option<Dt> {
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

    fn year_mention(&self, i: usize) -> Option<Dt> {
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

    fn decade_at(&self, i: usize) -> Option<Dt> {
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

    fn unit_at(&self, i: usize) -> Option<(usize, TimeUnit)> {
        self.t.find(i, self.tab.time_units)
    }

    /// A count for durations: digits or words, "a"/"an"/"une" (only with `allow_article`).
    fn count_at(&self, i: usize, allow_article: bool) -> Option<(usize, f64)> {
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
    fn daily_time(&self, d: Dt) -> Dt {
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

    /// "few", "a couple of", "several", "quelques" after "next"/"past": 2 or 3.
    fn vague_count(&self, i: usize) -> Option<(usize, f64)> {
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

    fn relative_at(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        let r = self.refdate();
        // now, right now, maintenant.
        if let Some(e) = t.find_word(i, tab.now_words).filter(|&e| !matches!(t.norm(e), "that" | "que" | "qu")) {
            let value = match self.reference {
                Some(r) => r.format("%Y-%m-%dT%H:%M:%S").to_string(),
                None => "PRESENT_REF".to_string(),
            };
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
        // today, yesterday, hier, avant-hier…
        if let Some((e, n)) = t.find(i, tab.day_words) {
            return match r.and_then(|r| add_days(r, n)) {
                Some(d) => {
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
                && (!t.is_word(k + 1)
                    || t.find_word(k + 1, tab.interval_from).is_some()
                    || t.find_word(k + 1, tab.time_links).is_some());
            if let (Some((e, d)), true, Some(r)) = (self.day_at(k), suffixed || fr_day, r) {
                if self.month_at(e).is_none()
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
            if let Some((e3, wd)) = t.find(e2, tab.weekdays) {
                return Some(Dt::plain(i, e3, DateKind::Date, format!("XXXX-WXX-{wd}"), Granularity::Day));
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
            .map(|(e, md)| (e, Some(md)))
            .or_else(|| t.find_word(hj, tab.easter_words).map(|e| (e, None)));
        if let Some((e, md)) = holiday {
            let date_in = |y: i32| match md {
                Some((m, d)) => ymd(y, m, d),
                None => easter(y),
            };
            // "Easter 2018", "Noël 2024".
            if let Some((e2, y)) = self.year_at(e) {
                let mut dt = day_dt(i, e2, date_in(y)?, false)?;
                dt.day = None;
                return Some(dt);
            }
            let Some(r) = r else {
                let value = match md {
                    Some((m, d)) => format!("XXXX-{m:02}-{d:02}"),
                    None => return None,
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
                _ => this,
            };
            let mut dt = day_dt(i, e, d, true)?;
            dt.day = None;
            return Some(dt);
        }
        // Weekends: "this weekend", "last weekend", "the weekend" → Saturday to Monday.
        {
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
                        let monday = add_days(r, -(r.weekday().num_days_from_monday() as i64))?;
                        let sat = add_days(monday, 5 + 7 * dir)?;
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
        // "in the morning", "dans la soirée".
        if let Some(e) = t.find_word(i, &["in", "during", "dans", "pendant"]) {
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
        // A weekday alone: "on Tuesday", "mardi" → the latest one, today included.
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
            let dir = if let Some(x) = t.find_word(e2, tab.last_after) {
                Some((x, -1))
            } else {
                t.find_word(e2, tab.next_after).map(|x| (x, 1))
            };
            if let (Some((x, dir)), Some(r)) = (dir, r) {
                let monday = add_days(r, -(r.weekday().num_days_from_monday() as i64))?;
                let mut dt = day_dt(i, x, add_days(monday, (wd as i64 - 1) + 7 * dir)?, true)?;
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
                let Some(r) = r else { return Some(unresolved(i, e, Granularity::Day)) };
                let back = (r.weekday().number_from_monday() as i64 - wd as i64).rem_euclid(7);
                let mut dt = day_dt(i, e, add_days(r, -back)?, true)?;
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
                    if let (Some((e2, wd)), Some(s)) = (
                        t.find(k, tab.weekdays),
                        d.start.as_deref().and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()),
                    ) {
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
                let dir = if let Some(x) = t.find_word(e2, tab.last_after) {
                    Some((x, -1))
                } else if let Some(x) = t.find_word(e2, tab.next_after) {
                    Some((x, 1))
                } else {
                    t.find_word(e2, tab.this_after).map(|x| (x, 0))
                };
                if let Some((x, dir)) = dir {
                    return self.unit_period(i, x, unit, dir, r);
                }
            }
        }
        // "three days ago", "il y a trois jours", "in two weeks", "dans deux semaines".
        if let Some(e) = t.find_word(i, tab.ago_before) {
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
                    if t.norm(e2) == "ago" || t.norm(e2) == "earlier" {
                        return self.offset(i, e3, unit, -n, r);
                    }
                }
                if let Some(e3) = t.find_word(e2, tab.later_after) {
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
                        if let Some(base) = p
                            .start
                            .as_deref()
                            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
                            .filter(|_| p.gran == Granularity::Day)
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
                        // "within 9 months": from now to then.
                        if t.norm(i) == "within" {
                            if let (Some(r), false) =
                                (r, matches!(unit, TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour))
                            {
                                return Some(interval(i, e3, r, shift(r, unit, n as i64)?, gran_of(unit), true));
                            }
                            // "within 24 hours": from the reference instant.
                            if let (Some(rt), Some(to)) = (self.reference, self.offset(i, e3, unit, n, r)) {
                                let from = rt.format("%Y-%m-%dT%H:%M:%S");
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
                let e = t.skip_joiner(e);
                if let Some((e2, unit)) = self.unit_at(e) {
                    if matches!(unit, TimeUnit::Year | TimeUnit::Month | TimeUnit::Week | TimeUnit::Quarter)
                        && t.norm(e) != "an"
                        && !t.norm(e).ends_with('s')
                        && !t.is_num(e2)
                        && t.norm(e2) != "of"
                        && t.norm(e2) != "de"
                        && t.norm(e2) != "before"
                        && t.norm(e2) != "after"
                    {
                        return self.unit_period(i, e2, unit, 0, r);
                    }
                }
            }
        }
        None
    }

    /// last/next/this + unit|weekday|month|season|quarter.
    fn anchored(&self, i: usize, e: usize, dir: i64, r: Option<NaiveDate>) -> Option<Dt> {
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
            return period(i, e2, ymd(y, m, 1)?, TimeUnit::Month, true);
        }
        if let Some((e2, m)) = t.find(e, tab.seasons) {
            let Some(r) = r else { return Some(unresolved(i, e2, Granularity::Month)) };
            let y = r.year() + dir as i32;
            return Some(season(i, e2, y, m, true));
        }
        None
    }

    fn unit_period(&self, i: usize, e: usize, unit: TimeUnit, dir: i64, r: Option<NaiveDate>) -> Option<Dt> {
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

    fn offset(&self, i: usize, e: usize, unit: TimeUnit, n: f64, r: Option<NaiveDate>) -> Option<Dt> {
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
                        value: at.format("%Y-%m-%dT%H:%M:%S").to_string(),
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

    /// "fourth quarter", "Q4 2024", "H1", "first half of 2025", "fiscal 2025", "summer 2024".
    fn period_at(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        let mut j = i;
        if t.norm(j) == "the" || t.norm(j) == "le" || t.norm(j) == "la" || t.norm(j) == "l" {
            j = t.skip_joiner(j + 1);
        }
        // Ordinal + quarter/half: "fourth-quarter", "premier trimestre", "second half".
        let mut q: Option<(u32, u32, usize)> = None; // (index, months per period, end)
        if let Some((e, n)) = t.find(j, tab.ordinals) {
            let e1 = t.skip_joiner(e);
            if let Some(e2) = t.find_word(e1, tab.quarter_words) {
                if n <= 4 {
                    q = Some((n, 3, e2));
                }
            } else if let Some(e2) = t.find_word(e1, tab.half_words) {
                if n <= 2 || t.norm(j) == "last" || t.norm(j) == "dernier" {
                    q = Some((n.min(2), 6, e2));
                }
            }
        }
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
            // Apostrophe year: "Q4'24", "Q1 25".
            if t.is_punct(k, '\'') && t.digits(k + 1) == 2 && t.glued(k + 1) {
                let y = 2000 + t.num_value(k + 1)? as i32;
                return quarter_dt(i, k + 2, y, n, per, false);
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
            if start > anchor || (completed_cue && end > anchor) {
                y -= 1;
            }
            if completed_cue && t.find_word(t.skip_joiner(e), tab.results_words).is_some() {
                e = t.find_word(t.skip_joiner(e), tab.results_words).unwrap_or(e);
            }
            return quarter_dt(i, e, y, n, per, true);
        }
        // Centuries: "the 15th century", "le XXe siècle" (digits or ordinal words).
        if let Some((e, n)) = self.day_at(j).or_else(|| t.find(j, tab.ordinals)) {
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
        }
        None
    }

    /// "from 2020 to 2023", "between 2007 and 2008", "du 3 au 5 mars", "2020-2023",
    /// "from 9 a.m. to 5 p.m.", "de 14h à 16h".
    fn interval_at(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        let opener = t.find_word(i, tab.interval_from);
        let a_at = opener.map(|e| t.skip_joiner(e)).unwrap_or(i);
        // Times: "from 2:00 to 2:30 pm", "de 14h à 16h", "9-11 a.m.".
        if let Some(iv) = self.time_interval(i, a_at, opener.is_some(), false) {
            return Some(iv);
        }
        // Day-only first bound: "du 3 au 5 mars", "March 3-5", "from the 9th to the 17th of April",
        // "from ninth till seventeenth of april".
        let day_at = match t.find_word(a_at, tab.day_articles) {
            Some(k) if opener.is_some() && self.day_at(k).is_some() => k,
            _ => a_at,
        };
        let first_day = self.day_at(day_at).filter(|&(_, d)| d >= 1).filter(|_| t.is_num(day_at) || opener.is_some());
        // "Jan-Feb 2017": a short month before a hyphen and another month needs no other cue.
        let month_pair = || {
            let (e, m) = self.month_at(a_at)?;
            (t.is_punct(e, '-') && t.glued(e) && t.glued(e + 1) && self.month_at(e + 1).is_some())
                .then(|| self.cal_dt(a_at, Cal { m: Some(m), end: e, ..Default::default() }))
                .flatten()
        };
        let a = self.point_at(a_at, false).or_else(month_pair);
        let a_end = a.as_ref().map(|a| a.end).or(first_day.map(|(e, _)| e))?;
        let connector = if t.is_punct(a_end, '-') && (t.glued(a_end) || t.gap(a_end).len() == 1) {
            Some(a_end + 1)
        } else if opener.is_some() {
            t.find_word(a_end, tab.interval_to)
        } else if a
            .as_ref()
            .is_some_and(|a| matches!(a.gran, Granularity::Year | Granularity::Day | Granularity::Month))
            && tab.range_infix.contains(&t.norm(a_end))
        {
            // "2014 to 2018", "Feb 28th to March 1st", "March 3 to 5".
            Some(a_end + 1)
        } else {
            None
        }?;
        let b_at = t.skip_joiner(connector);
        // Month + day range: "March 3-5".
        if let (Some(a), true) = (&a, t.is_num(b_at) && t.digits(b_at) <= 2) {
            if a.gran == Granularity::Day && a.value.len() == 10 {
                if let (Some((e, d)), Ok(s)) = (self.day_at(b_at), NaiveDate::parse_from_str(&a.value, "%Y-%m-%d")) {
                    let measured = t.find(e, tab.unit_words).is_some()
                        || t.find(e, tab.time_units).is_some()
                        || t.find_word(e, tab.percent_words).is_some()
                        || t.is_punct(e, '%');
                    if self.month_at(e).is_none()
                        && !measured
                        && !(matches!(t.norm(e), "/" | "." | "-") && t.glued(e) && t.is_num(e + 1))
                    {
                        let b = ymd(s.year(), s.month(), d)?;
                        if b > s {
                            return Some(interval(i, e, s, b, Granularity::Day, a.relative));
                        }
                    }
                }
            }
        }
        // "between Aug 2019 and now".
        let now = matches!(t.norm(b_at), "now" | "maintenant" | "present").then(|| self.refdate()).flatten();
        let b = match (self.point_at(b_at, false), now) {
            (Some(b), _) => b,
            (None, Some(r)) => {
                let mut d = day_dt(b_at, b_at + 1, r, true)?;
                d.day = None;
                d
            }
            (None, None) => return None,
        };
        // "from 2007 to the end of 2008" runs to the end of the second bound.
        let b_bound = match t.find(t.find_word(b_at, tab.edge_leads).unwrap_or(b_at), tab.period_edges) {
            Some((_, Edge::End)) => b.end_date.as_deref(),
            _ => b.start.as_deref(),
        };
        let b_start = b_bound.and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())?;
        let a_start = match &a {
            Some(a) if !(first_day.is_some() && a.gran == Granularity::Year) => {
                a.start.as_deref().and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
            }
            _ => None,
        };
        let a_start = match a_start {
            Some(s) if a.as_ref().is_some_and(|a| a.end == a_end) => s,
            _ => {
                let (_, d) = first_day?;
                ymd(b_start.year(), b_start.month(), d)?
            }
        };
        // "June-August 1992", "from March to May 2024": the first bound takes the second's year.
        let a_start = match &a {
            Some(a) if a.value.starts_with("XXXX") || (a.relative && !b.relative) => {
                // "Nov-Feb 2017" starts the year before.
                ymd(b_start.year(), a_start.month(), a_start.day())
                    .filter(|s| *s <= b_start)
                    .or_else(|| ymd(b_start.year() - 1, a_start.month(), a_start.day()))
                    .unwrap_or(a_start)
            }
            _ => a_start,
        };
        // "from next Monday to Friday": a weekday bound comes after the first one.
        let mut b_start = b_start;
        if b.relative && b.gran == Granularity::Day && b_start < a_start && (a_start - b_start).num_days() < 14 {
            while b_start < a_start {
                b_start = add_days(b_start, 7)?;
            }
        }
        if a_start > b_start {
            return None;
        }
        // A bare "2020-2023" needs two years; "5-6" is not a date interval.
        let calendar = |g: Granularity| matches!(g, Granularity::Year | Granularity::Month | Granularity::Day);
        if opener.is_none() && a.as_ref().is_none_or(|a| a.gran != b.gran && !(calendar(a.gran) && calendar(b.gran))) {
            return None;
        }
        let gran = b.gran;
        let relative = b.relative || a.as_ref().is_some_and(|a| a.relative);
        Some(interval(i, b.end, a_start, b_start, gran, relative))
    }

    fn time_interval(&self, i: usize, a_at: usize, opened: bool, dated: bool) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        let (h1, m1, mut e1) = match self.time_at(a_at) {
            Some(x) => x,
            None if t.is_num(a_at) && t.digits(a_at) <= 2 => (t.num_value(a_at)? as u32, 0, a_at + 1),
            None => return None,
        };
        let bare_first = self.time_at(a_at).is_none();
        let clock_first = t.is_punct(a_at + 1, ':');
        if h1 > 23 {
            return None;
        }
        let first_ampm = (a_at..e1).any(|k| self.ampm_at(k).is_some()) || t.find(a_at, tab.noon_words).is_some();
        let connector = if t.is_punct(e1, '-') {
            Some(e1 + 1)
        } else {
            t.find_word(e1, tab.interval_to).filter(|_| opened || t.norm(e1) != "and")
        }?;
        e1 = t.skip_joiner(connector);
        // A bare second bound after a day ("Monday 11-4") or a clock ("from 10:30 to 3").
        let bare_second = || {
            let plain = t.is_num(e1)
                && t.digits(e1) <= 2
                && !(t.glued(e1 + 1) && t.kind(e1 + 1) == Some(Kind::Punct) && t.is_num(e1 + 2));
            let allowed = dated || (opened && !bare_first && t.find(e1 + 1, tab.unit_words).is_none());
            (plain && allowed && t.find(e1 + 1, tab.time_units).is_none())
                .then(|| t.num_value(e1))
                .flatten()
                .filter(|&v| v <= 24)
                .map(|v| (v as u32, 0, e1 + 1))
        };
        let second = self.time_at(e1);
        let second_bare = second.is_none();
        let (mut h2, m2, e2) = second.or_else(bare_second)?;
        // Without an opener, "5 to 6pm" needs the second bound to say its half day.
        if !opened
            && !clock_first
            && !t.is_punct(connector - 1, '-')
            && !(e1..e2).any(|k| self.ampm_at(k).is_some() || t.norm(k) == "h")
        {
            return None;
        }
        let mut h1 = h1;
        // "9-11 a.m.", "between 1 and 3 pm", "2:00 - 2:30 pm": the first bound takes the
        // second's half day.
        if !first_ampm && h2 >= 12 && h1 < 12 && h1 + 12 <= h2 {
            h1 += 12;
        }
        // "11-4" after a day: the second bound is in the afternoon; "12-4" starts at midnight.
        if second_bare && h2 < h1 && h2 + 12 > h1 {
            if h1 == 12 && bare_first {
                h1 = 0;
            } else {
                h2 += 12;
            }
        }
        if bare_first {
            if !opened && !t.is_punct(a_at + 1, '-') && t.find_word(a_at + 1, tab.interval_to).is_none() {
                return None;
            }
        }
        if h2 == 0 && m2 == 0 && h1 > 0 {
            h2 = 24;
        }
        if (h1, m1) >= (h2, m2) && h2 != 24 {
            return None;
        }
        let h2 = h2 % 24;
        let value = format!("T{h1:02}:{m1:02}/T{h2:02}:{m2:02}");
        Some(Dt {
            start_tok: i,
            end: e2,
            kind: DateKind::Interval,
            value,
            start: None,
            end_date: None,
            gran: Granularity::Minute,
            relative: false,
            strong: true,
            day: None,
        })
    }

    /// "for three years", "pendant trois ans", "30 minutes", "over the past decade",
    /// "the last three months", "les trois dernières années".
    fn duration_at(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        let r = self.refdate();
        let mut j = i;
        let lead = t.find_word(j, tab.duration_before);
        if let Some(e) = lead {
            j = e;
        }
        // "(over) the past/last [N] units".
        let mut k = j;
        if let Some(e) = t.find_word(k, tab.the_words) {
            k = t.skip_joiner(e);
        }
        if let Some(e) = t.find_word(k, tab.past_words) {
            if !tab.decimal_comma || k > j {
                let (e2, n) = self.count_at(e, false).or_else(|| self.vague_count(e)).unwrap_or((e, 0.0));
                let counted = n > 0.0;
                let n = if counted { n } else { 1.0 };
                if let Some((e3, unit)) = self.unit_at(e2) {
                    let plural_ok = n > 1.0 || !t.norm(e2).ends_with('s') || t.norm(e2) == "mois";
                    if plural_ok && (k > j || lead.is_some() || e2 > e) && !t.is_num(e3) {
                        // "the last quarter", "the previous month": the calendar period before this one.
                        if !counted
                            && matches!(t.norm(k), "last" | "previous")
                            && !matches!(unit, TimeUnit::Decade | TimeUnit::Century)
                        {
                            if let Some(d) = self.unit_period(i, e3, unit, -1, r) {
                                return Some(d);
                            }
                        }
                        return self.past_span(i, e3, unit, n, r, lead.is_some(), counted);
                    }
                }
            }
        }
        // "the next three days", "the coming two decades", "les trois prochains mois".
        if let Some(e) = t.find_word(k, tab.next_before) {
            if let Some((e2, n)) = self.count_at(e, false).or_else(|| self.vague_count(e)) {
                if let Some((e3, unit)) = self.unit_at(e2) {
                    if let Some(r) = r {
                        let mut d = self.next_span(i, e3, unit, n, r)?;
                        if lead.is_some() {
                            d.kind = DateKind::Duration;
                        }
                        return Some(d);
                    }
                }
            }
        }
        // "les trois dernières années", "au cours des dix derniers mois", "the 5 past years",
        // "the 2 upcoming months".
        {
            let mut k = j;
            if let Some(e) = t.find_word(k, tab.the_words).or_else(|| t.find_word(k, &["des", "ces"])) {
                k = e;
            }
            // English needs its article: "the 5 past days", not "four last week".
            let counted =
                (tab.decimal_comma || k > j) && self.count_at(k, false).is_some_and(|(_, n)| n.fract() == 0.0);
            if let Some((e, n)) = self.count_at(k, false).filter(|_| counted) {
                if let Some(e2) = t.find_word(e, tab.past_words) {
                    if let Some((e3, unit)) = self.unit_at(e2) {
                        return self.past_span(i, e3, unit, n, r, lead.is_some(), true);
                    }
                }
                if let (Some(e2), Some(r)) = (t.find_word(e, tab.next_before), r) {
                    if let Some((e3, unit)) = self.unit_at(e2) {
                        return self.next_span(i, e3, unit, n, r);
                    }
                }
            }
        }
        // "all day", "the whole week", "toute la journée": one whole unit.
        if let Some((e, unit)) = t
            .find_word(j, tab.whole_words)
            .and_then(|w| self.unit_at(w).filter(|_| !t.norm(w).ends_with('s') || t.norm(w) == "mois"))
        {
            let mut d = unresolved(i, e, gran_of(unit));
            d.kind = DateKind::Duration;
            d.value = duration_code(unit, 1.0);
            d.relative = false;
            return Some(d);
        }
        // N units.
        let (e, n) = self.count_at(j, lead.is_some())?;
        let (e2, unit) = self.unit_at(e)?;
        if !tab.age_words.is_empty() && t.find_word(e2, tab.age_words).is_some() {
            return None;
        }
        if t.is_word(e) && !t.glued(e) && t.gap(e).is_empty() {
            return None;
        }
        // Compound durations: "2 years 1 month 21 days", "1 hour and 30 minutes".
        let mut parts = vec![(unit, n)];
        let mut end = e2;
        loop {
            let mut k = end;
            if t.is_punct(k, ',') || tab.number_joiners.contains(&t.norm(k)) {
                k += 1;
            }
            let Some((k2, n2)) = self.count_at(k, false).filter(|_| t.is_num(k) || t.is_word(k)) else { break };
            let Some((k3, u2)) = self.unit_at(k2) else { break };
            if parts.iter().any(|(u, _)| *u == u2) || parts.len() >= 6 {
                break;
            }
            parts.push((u2, n2));
            end = k3;
        }
        if end > e2 && t.find_word(end, tab.ago_after).is_some() {
            return None;
        }
        let value = if parts.len() == 1 { duration_code(unit, n) } else { compound_duration(&parts) };
        let e2 = end;
        let mut d = Dt {
            start_tok: i,
            end: e2,
            kind: DateKind::Duration,
            value,
            start: None,
            end_date: None,
            gran: gran_of(unit),
            relative: false,
            strong: false,
            day: None,
        };
        if lead.is_none() {
            d.strong = false;
        }
        Some(d)
    }

    /// "the past three quarters" (whole periods when counted), "over the past decade" (the last
    /// ten years up to the reference).
    fn past_span(
        &self,
        i: usize,
        e: usize,
        unit: TimeUnit,
        n: f64,
        r: Option<NaiveDate>,
        duration: bool,
        counted: bool,
    ) -> Option<Dt> {
        let kind = if duration { DateKind::Duration } else { DateKind::Interval };
        let Some(r) = r else {
            let mut d = unresolved(i, e, gran_of(unit));
            d.kind = kind;
            d.value = duration_code(unit, n);
            return Some(d);
        };
        if matches!(unit, TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour) {
            let mut d = unresolved(i, e, gran_of(unit));
            d.kind = DateKind::Duration;
            d.value = duration_code(unit, n);
            return Some(d);
        }
        // Quarters and decades count whole periods back from the current one.
        let end = if counted && matches!(unit, TimeUnit::Quarter | TimeUnit::Decade | TimeUnit::Century) {
            period_start(r, unit)?
        } else {
            r
        };
        let s = shift(end, unit, -(n as i64))?;
        let mut d = interval(i, e, s, end, gran_of(unit), true);
        d.kind = kind;
        Some(d)
    }

    /// "the next three days" (from tomorrow), "next 7 quarters" (from the next whole quarter).
    fn next_span(&self, i: usize, e: usize, unit: TimeUnit, n: f64, r: NaiveDate) -> Option<Dt> {
        if matches!(unit, TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour) {
            let mut d = unresolved(i, e, gran_of(unit));
            d.kind = DateKind::Duration;
            d.value = duration_code(unit, n);
            return Some(d);
        }
        let s = if matches!(unit, TimeUnit::Quarter | TimeUnit::Decade | TimeUnit::Century) {
            shift(period_start(r, unit)?, unit, 1)?
        } else {
            add_days(r, 1)?
        };
        Some(interval(i, e, s, shift(s, unit, n as i64)?, gran_of(unit), true))
    }
}

/// "P2Y1M21D", "PT1H30M" from (unit, count) parts.
/// A one-unit ISO duration ("PT2.5H", "P3D", "P1W") in seconds, or in months for M/Y.
fn parse_duration(code: &str) -> Option<(f64, bool)> {
    let rest = code.strip_prefix('P')?;
    let (timed, body) = match rest.strip_prefix('T') {
        Some(b) => (true, b),
        None => (false, rest),
    };
    let unit = body.chars().last()?;
    let n: f64 = body.get(..body.len() - unit.len_utf8())?.parse().ok()?;
    let secs = |k: f64| Some((n * k, false));
    match (timed, unit) {
        (true, 'H') => secs(3600.0),
        (true, 'M') => secs(60.0),
        (true, 'S') => secs(1.0),
        (false, 'D') => secs(86400.0),
        (false, 'W') => secs(7.0 * 86400.0),
        (false, 'M') => Some((n, true)),
        (false, 'Y') => Some((n * 12.0, true)),
        _ => None,
    }
}

/// "start/end" for a point and a duration after it.
fn span_after(p: &Dt, dur: &str) -> Option<String> {
    let (amount, months) = parse_duration(dur)?;
    let from = if p.kind == DateKind::Date && p.gran == Granularity::Day {
        p.start.clone().unwrap_or_else(|| p.value.clone())
    } else {
        p.value.clone()
    };
    if let Some(clock) = from.strip_prefix('T') {
        let h: i64 = clock.get(..2)?.parse().ok()?;
        let m: i64 = clock.get(3..5)?.parse().ok()?;
        if months || amount.fract() * 60.0 % 1.0 != 0.0 {
            return None;
        }
        let end = h * 60 + m + (amount / 60.0) as i64;
        if end > 24 * 60 {
            return None;
        }
        return Some(format!("T{h:02}:{m:02}/T{:02}:{:02}", end / 60, end % 60));
    }
    if let Ok(dt) = NaiveDateTime::parse_from_str(&from, "%Y-%m-%dT%H:%M") {
        if months {
            return None;
        }
        let end = dt.checked_add_signed(chrono::Duration::try_seconds(amount as i64)?)?;
        return Some(format!("{}/{}", from, end.format("%Y-%m-%dT%H:%M")));
    }
    let d = NaiveDate::parse_from_str(&from, "%Y-%m-%d").ok()?;
    let end = if months {
        if amount.fract() != 0.0 {
            return None;
        }
        add_months(d, amount as i64)?
    } else {
        if amount % 86400.0 != 0.0 {
            return None;
        }
        add_days(d, (amount / 86400.0) as i64)?
    };
    Some(format!("{}/{}", iso(d), iso(end)))
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d.checked_sub_days(Days::new(d.weekday().num_days_from_monday() as u64)).unwrap_or(d)
}

/// The hour of a time said with a part of the day: "7 in the evening" → 19.
/// "T19:00/T19:30" on a day ("2025-02-18"), its hours shifted to a part of that day when
/// one is said ("this evening from 7 to 7:30").
fn dated_interval(times: &str, date: &str, part: Option<&str>) -> Option<String> {
    let (a, b) = times.split_once('/')?;
    let hour = |x: &str| x.get(1..3).and_then(|h| h.parse::<u32>().ok());
    let (ha, hb) = (hour(a)?, hour(b)?);
    let (mut a, mut b) = (a.to_string(), b.to_string());
    if let Some(code) = part {
        let (sa, sb) = (shift_to_part(ha, code), shift_to_part(hb, code));
        if (sa, a.get(3..)) < (sb, b.get(3..)) {
            a = format!("T{sa:02}{}", a.get(3..)?);
            b = format!("T{sb:02}{}", b.get(3..)?);
        }
    }
    Some(format!("{date}{a}/{date}{b}"))
}

fn shift_to_part(h: u32, code: &str) -> u32 {
    match code {
        "AF" | "EV" if (1..12).contains(&h) => h + 12,
        "NI" if (6..12).contains(&h) => h + 12,
        "MO" if h == 12 => 0,
        _ => h,
    }
}

fn compound_duration(parts: &[(TimeUnit, f64)]) -> String {
    let num = |n: f64| if n.fract() == 0.0 { format!("{}", n as i64) } else { format!("{n}") };
    let (mut date, mut time) = (String::new(), String::new());
    let order = [
        (TimeUnit::Century, 'Y', 100.0, false),
        (TimeUnit::Decade, 'Y', 10.0, false),
        (TimeUnit::Year, 'Y', 1.0, false),
        (TimeUnit::Quarter, 'M', 3.0, false),
        (TimeUnit::Month, 'M', 1.0, false),
        (TimeUnit::Fortnight, 'W', 2.0, false),
        (TimeUnit::Week, 'W', 1.0, false),
        (TimeUnit::Day, 'D', 1.0, false),
        (TimeUnit::Hour, 'H', 1.0, true),
        (TimeUnit::Minute, 'M', 1.0, true),
        (TimeUnit::Second, 'S', 1.0, true),
    ];
    for (unit, code, factor, is_time) in order {
        if let Some((_, n)) = parts.iter().find(|(u, _)| *u == unit) {
            let s = format!("{}{code}", num(n * factor));
            if is_time { time.push_str(&s) } else { date.push_str(&s) }
        }
    }
    if time.is_empty() { format!("P{date}") } else { format!("P{date}T{time}") }
}

/// Easter Sunday (anonymous Gregorian computus).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

fn unresolved(i: usize, e: usize, gran: Granularity) -> Dt {
    Dt {
        start_tok: i,
        end: e,
        kind: DateKind::Date,
        value: String::new(),
        start: None,
        end_date: None,
        gran,
        relative: true,
        strong: true,
        day: None,
    }
}

fn interval(i: usize, e: usize, s: NaiveDate, end: NaiveDate, gran: Granularity, relative: bool) -> Dt {
    Dt {
        start_tok: i,
        end: e,
        kind: DateKind::Interval,
        value: format!("{}/{}", iso(s), iso(end)),
        start: Some(iso(s)),
        end_date: Some(iso(end)),
        gran,
        relative,
        strong: true,
        day: None,
    }
}

fn quarter_dt(i: usize, e: usize, y: i32, n: u32, per: u32, relative: bool) -> Option<Dt> {
    let s = ymd(y, (n - 1) * per + 1, 1)?;
    let end = add_months(s, per as i64)?;
    let code = if per == 3 { "Q" } else { "H" };
    Some(Dt {
        start_tok: i,
        end: e,
        kind: DateKind::Period,
        value: format!("{y}-{code}{n}"),
        start: Some(iso(s)),
        end_date: Some(iso(end)),
        gran: if per == 3 { Granularity::Quarter } else { Granularity::Half },
        relative,
        strong: true,
        day: None,
    })
}

fn fiscal(i: usize, e: usize, y: i32) -> Dt {
    Dt::plain(i, e, DateKind::Period, format!("FY{y}"), Granularity::Year)
}

fn season(i: usize, e: usize, y: i32, m: u32, relative: bool) -> Dt {
    let code = match m {
        3 => "SP",
        6 => "SU",
        9 => "FA",
        _ => "WI",
    };
    Dt {
        start_tok: i,
        end: e,
        kind: DateKind::Period,
        value: format!("{y}-{code}"),
        start: None,
        end_date: None,
        gran: Granularity::Quarter,
        relative,
        strong: true,
        day: None,
    }
}

#[allow(dead_code)]
fn is_num_kind(k: Option<Kind>) -> bool {
    k == Some(Kind::Num)
}

/// Keeps in `best` the candidate that reaches furthest (the earlier one on a tie).
fn keep_longest(best: &mut Option<Dt>, candidate: Option<Dt>) {
    if let Some(d) = candidate
        && best.as_ref().is_none_or(|b| d.end > b.end)
    {
        *best = Some(d);
    }
}
