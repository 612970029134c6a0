//! Clock times: "5:30 p.m.", "17h22", "noon", a bare hour with its part of the day.

use super::*;

impl Ctx<'_> {
    /// A time of day at `i`: (hour, minute, end).
    pub(super) fn time_at(&self, i: usize) -> Option<(u32, u32, usize)> {
        self.time_secs_at(i).map(|(h, m, _, e)| (h, m, e))
    }

    /// A time of day at `i` with a part of the day after it shifting the hour: "7 in the
    /// evening", "ten past 9 at night", "8 h et vingt minutes dans la soirée", "5 du matin".
    pub(super) fn clock_at(&self, i: usize) -> Option<(u32, u32, u32, usize)> {
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
    pub(super) fn part_after(&self, e: usize) -> Option<(usize, &'static str, bool)> {
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
    pub(super) fn bare_hour_at(&self, i: usize) -> Option<(u32, u32, usize)> {
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
    pub(super) fn hour_number(&self, i: usize) -> Option<(u32, usize)> {
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
    pub(super) fn time_secs_at(&self, i: usize) -> Option<(u32, u32, u32, usize)> {
        memoized(&self.memo.times, i, || self.time_secs_at_inner(i))
    }

    pub(super) fn time_secs_at_inner(&self, i: usize) -> Option<(u32, u32, u32, usize)> {
        let t = self.t;
        let tab = self.tab;
        // "midi" inside "après-midi" is no noon.
        let in_part = || (i.saturating_sub(2)..i).any(|k| t.find(k, tab.day_parts).is_some_and(|(e, _)| e > i));
        // "High Noon", "high noon comes today": an idiom, no clock time.
        let idiom = || i > 0 && tab.noon_idioms.contains(&t.norm(i - 1));
        if let Some((e, h)) = t.find(i, tab.noon_words).filter(|_| !in_part() && !idiom()) {
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
            let cue = i > 0
                && matches!(
                    t.norm(i - 1),
                    "a" | "vers" | "de" | "des" | "entre" | "jusqu" | "et" | "demain" | "hier" | "matin" | "soir"
                );
            // A spaced "h" before a word is a time only after a time cue: "à 16 h au Centre".
            if t.norm(j) == "h" && !t.glued(j) && !t.is_num(e) && t.is_word(e) && !fr_minutes && !cue {
                return None;
            }
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

    pub(super) fn ampm_at(&self, j: usize) -> Option<(usize, bool)> {
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

    pub(super) fn sentence_end(&self, j: usize) -> bool {
        j >= self.t.len() || self.t.upper(j)
    }

    pub(super) fn time_dt_secs(
        &self,
        start_tok: usize,
        (h, m, s): (u32, u32, u32),
        end: usize,
        day: Option<NaiveDate>,
    ) -> Dt {
        let clock = if s > 0 { format!("T{h:02}:{m:02}:{s:02}") } else { format!("T{h:02}:{m:02}") };
        let (kind, value, gran) = match day {
            Some(d) => (DateKind::DateTime, format!("{}{clock}", iso(d)), Granularity::Minute),
            None => (DateKind::Time, clock, Granularity::Minute),
        };
        Dt { start_tok, end, kind, value, start: None, end_date: None, gran, relative: false, strong: true, day }
    }
}
