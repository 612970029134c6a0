//! Calendar dates written out: "March 5, 2024", "5 mars 2024", "2024-03-05", "3/5", a
//! weekday with its date, and the year a partial date falls in.

use super::*;

impl Ctx<'_> {
    pub(super) fn refdate(&self) -> Option<NaiveDate> {
        self.reference.map(|r| r.date())
    }

    pub(super) fn month_at(&self, i: usize) -> Option<(usize, u32)> {
        let t = self.t;
        let (mut e, m) = t.find(i, self.tab.months)?;
        if t.is_punct(e, '.') && t.glued(e) && t.norm(i).len() <= 4 && !self.sentence_end(e + 1) {
            e += 1;
        }
        Some((e, m))
    }

    pub(super) fn weekday_at(&self, i: usize) -> Option<(usize, u32)> {
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
    pub(super) fn day_at(&self, i: usize) -> Option<(usize, u32)> {
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

    pub(super) fn year_at(&self, i: usize) -> Option<(usize, i32)> {
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
    pub(super) fn word_year_at(&self, i: usize) -> Option<(usize, i32)> {
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
    pub(super) fn any_year_at(&self, i: usize) -> Option<(usize, i32)> {
        self.year_at(i).or_else(|| self.word_year_at(i)).or_else(|| self.short_year_at(i))
    }

    /// A two-digit year that cannot be a day, after a month: "juillet 98", "April of 87".
    pub(super) fn short_year_at(&self, i: usize) -> Option<(usize, i32)> {
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
    pub(super) fn word_day_at(&self, i: usize) -> Option<(usize, u32)> {
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
    pub(super) fn year_link(&self, i: usize) -> usize {
        let t = self.t;
        let link = matches!(t.norm(i), "of" | "de" | "in" | "en")
            || t.is_punct(i, ',')
            || ((t.is_punct(i, '-') || t.is_punct(i, '/')) && t.glued(i) && t.glued(i + 1));
        // "April of 87": a two-digit year after "of".
        let short = t.norm(i) == "of" && self.short_year_at(i + 1).is_some();
        if link && (self.year_at(i + 1).is_some() || short) { i + 1 } else { i }
    }

    pub(super) fn comma(&self, i: usize) -> usize {
        if self.t.is_punct(i, ',') { i + 1 } else { i }
    }

    /// "dernier" or "prochain" (a word after a date saying which one) at `k`: its end and the
    /// direction, -1 (the last one) or 1 (the next one).
    pub(super) fn direction_after(&self, k: usize) -> Option<(usize, i32)> {
        let t = self.t;
        match t.find_word(k, self.tab.last_after) {
            Some(x) => Some((x, -1)),
            None => t.find_word(k, self.tab.next_after).map(|x| (x, 1)),
        }
    }

    /// The year of a month (and day) written without one, by the tense of its clause.
    pub(super) fn resolve_year(&self, m: u32, d: Option<u32>, i: usize, e: usize) -> (Option<i32>, bool) {
        match self.year_by_tense(m, d, self.tense_around(i, e), self.verb_dates(i, e)) {
            Some(y) => (Some(y), true),
            None => (None, false),
        }
    }

    /// Absolute or partial calendar date at `i`.
    pub(super) fn cal_at(&self, i: usize) -> Option<Cal> {
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
                // "March 3 and 4, 1999": the year after the second day is the first's too.
                if let Some((_, pe)) = self.paired_day_after(e2).filter(|_| c.y.is_none()) {
                    c.y = self.any_year_at(self.year_link(pe)).map(|(_, y)| y);
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
            // "the annual March for Life", "March of the Living": a name, unless a preposition
            // asks for a date ("in March for the summit").
            let k = if t.is_word(e) && !t.upper(e) { e + 1 } else { e };
            let k = if t.find_word(k, tab.the_words).is_some() { k + 1 } else { k };
            let named = !plain_word
                && k > e
                && t.is_word(k)
                && t.upper(k)
                && self.month_at(k).is_none()
                && self.weekday_at(k).is_none();
            // "des sept matches": a month that is also a number word stands alone only
            // before no word ("en sept.", "fin sept, ...").
            let number_word = || numbers::parse(t, j, tab, false).is_some() && t.is_word(e);
            let ok = if tab.decimal_comma {
                full || (cue && !number_word())
            } else {
                (t.upper(j) && (cue || (full && t.norm(j) != "may" && !named))) || (full && plain_word && cue)
            };
            if ok {
                return Some(Cal { m: Some(m), end: e, ..Default::default() });
            }
        }
        None
    }

    /// A joiner then a bare day number at `k` ("… and 25"): the day and its end.
    fn paired_day_after(&self, k: usize) -> Option<(u32, usize)> {
        let t = self.t;
        if !self.tab.number_joiners.contains(&t.norm(k)) || !t.is_num(k + 1) || t.digits(k + 1) > 2 {
            return None;
        }
        let (e, d) = self.day_at(k + 1)?;
        // Before a punctuation mark or the end only: not "April 24 and 25 May", "May 2 and 25
        // more".
        (!t.is_word(e)).then_some((d, e))
    }

    /// The second or first day of a pair sharing one month: "25" in "April 24 and 25", "18"
    /// in "18 and 19 June"; the month and year are the other day's.
    pub(super) fn paired_day(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        if !t.is_num(i) || t.digits(i) > 2 {
            return None;
        }
        let same_month = |p: &Dt, d: u32, start: usize, end: usize| {
            let other = p.named_day()?;
            let mut dt = day_dt(start, end, ymd(other.year(), other.month(), d)?, p.relative)?;
            dt.day = None;
            Some(dt)
        };
        // "April 24 and 25": the month two tokens before the joiner.
        if i >= 3 && self.month_at(i - 3).is_some_and(|(e, _)| e == i - 2) {
            if let Some((d, e)) = self.paired_day_after(i - 1) {
                let p = self.cal_at(i - 3).and_then(|c| self.cal_dt(i - 3, c))?;
                let e = self.any_year_at(self.year_link(e)).map_or(e, |(e2, _)| e2);
                return same_month(&p, d, i, e);
            }
        }
        // "18 and 19 June": the other day is a full date after the joiner.
        let (e, d) = self.day_at(i)?;
        if !self.tab.number_joiners.contains(&t.norm(e)) || (i > 0 && self.month_at(i - 1).is_some()) {
            return None;
        }
        let c = self.cal_at(e + 1).filter(|c| c.d.is_some() && c.m.is_some() && t.is_num(e + 1))?;
        let p = self.cal_dt(e + 1, c)?;
        same_month(&p, d, i, e)
    }

    pub(super) fn numeric_date(&self, i: usize) -> Option<Cal> {
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
    pub(super) fn spaced_date(&self, i: usize) -> Option<Cal> {
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
    /// "this year", "last year", "(of) next year" at `i`, right after a month: the year it
    /// names, seen from the reference, and where it ends.
    fn named_year_after(&self, i: usize) -> Option<(usize, i32)> {
        let t = self.t;
        let tab = self.tab;
        let r = self.refdate()?;
        let i = if t.norm(i) == "of" { i + 1 } else { i };
        // "the following year", "the previous year" count from a date the text gave, not the reference.
        if matches!(t.norm(i), "following" | "previous") {
            return None;
        }
        let (e, dir) = if let Some(e) = t.find_word(i, tab.this_before) {
            (e, 0)
        } else if let Some(e) = t.find_word(i, tab.last_before) {
            (e, -1)
        } else {
            (t.find_word(i, tab.next_before)?, 1)
        };
        let (e2, unit) = self.unit_at(e)?;
        (unit == TimeUnit::Year && !t.norm(e).ends_with('s')).then_some((e2, r.year() + dir))
    }

    pub(super) fn cal_dt(&self, start_tok: usize, mut c: Cal) -> Option<Dt> {
        // "in February this year", "April next year".
        if c.y.is_none() && c.m.is_some() {
            if let Some((e, y)) = self.named_year_after(c.end) {
                c.y = Some(y);
                c.end = e;
                c.inferred_year = true;
            }
        }
        if c.y.is_none() {
            if let Some(m) = c.m {
                // "le 6 mai dernier", "en juin prochain": the word after says which one.
                let (y, inf) = match self
                    .direction_after(c.end)
                    .and_then(|(x, dir)| Some((x, self.year_in_direction(m, c.d, dir)?)))
                {
                    Some((x, y)) => {
                        c.end = x;
                        (Some(y), true)
                    }
                    None => self.resolve_year(m, c.d, start_tok, c.end),
                };
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
                // A month without its year is the one the clause's tense points to.
                period(start_tok, c.end, ymd(y, m, 1)?, TimeUnit::Month, c.inferred_year)
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
}
