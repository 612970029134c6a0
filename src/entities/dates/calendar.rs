//! Calendar arithmetic and value codes: days, periods, quarters, seasons, ISO durations.

use super::*;

pub(super) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

// Written by hand, as chrono's `format` would: its format-string machinery is ~10 KB of wasm.
/// The year as chrono's `%Y` writes it (a sign and at least 4 digits outside 0..=9999).
pub(super) fn iso_year(y: i32) -> String {
    if (0..=9999).contains(&y) { format!("{y:04}") } else { format!("{y:+05}") }
}

/// `%Y-%m-%d`.
pub(super) fn iso(d: NaiveDate) -> String {
    format!("{}-{:02}-{:02}", iso_year(d.year()), d.month(), d.day())
}

/// The day an ISO date code (`%Y-%m-%d`) names: what [`iso`] writes, read back.
pub(super) fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// `%Y-%m-%dT%H:%M`.
pub(super) fn iso_minute(t: NaiveDateTime) -> String {
    use chrono::Timelike;
    format!("{}T{:02}:{:02}", iso(t.date()), t.hour(), t.minute())
}

/// `%Y-%m-%dT%H:%M:%S` (no leap seconds here: times are read from text).
pub(super) fn iso_second(t: NaiveDateTime) -> String {
    use chrono::Timelike;
    format!("{}:{:02}", iso_minute(t), t.second())
}

pub(super) fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 { d.checked_add_months(Months::new(n as u32)) } else { d.checked_sub_months(Months::new((-n) as u32)) }
}

pub(super) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 { d.checked_add_days(Days::new(n as u64)) } else { d.checked_sub_days(Days::new((-n) as u64)) }
}

pub(super) fn shift(d: NaiveDate, unit: TimeUnit, n: i64) -> Option<NaiveDate> {
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

pub(super) fn duration_code(unit: TimeUnit, n: f64) -> String {
    // "5 1/2 hours" → "PT5H30M", "1.5 days" → "P1DT12H": a fraction of a day, an hour or a
    // minute is a whole count of the next smaller unit, as TIMEX3 writes it.
    let smaller = match unit {
        TimeUnit::Day => Some(("P", 24.0, "DT", "H")),
        TimeUnit::Hour => Some(("PT", 60.0, "H", "M")),
        TimeUnit::Minute => Some(("PT", 60.0, "M", "S")),
        _ => None,
    };
    if let Some((lead, per, mid, tail)) = smaller.filter(|_| n.fract() != 0.0 && n > 0.0 && n < 1e9) {
        let part = n.fract() * per;
        if (part - part.round()).abs() < 1e-6 {
            let part = part.round() as i64;
            return if n >= 1.0 {
                format!("{lead}{}{mid}{part}{tail}", n.trunc() as i64)
            } else {
                format!("PT{part}{tail}")
            };
        }
    }
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

/// A duration whose count is unspecified: "P1Y" → "PXY", "PT1H" → "PTXH".
pub(super) fn unspecified_duration(code: &str) -> String {
    let digits = code.find(|c: char| c.is_ascii_digit()).unwrap_or(code.len());
    let rest = code[digits..].trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    format!("{}X{rest}", &code[..digits])
}

/// Start of the period of `unit` containing `d`.
pub(super) fn period_start(d: NaiveDate, unit: TimeUnit) -> Option<NaiveDate> {
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

pub(super) fn gran_of(unit: TimeUnit) -> Granularity {
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
pub(super) fn period_value(s: NaiveDate, unit: TimeUnit) -> String {
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

pub(super) fn period(start_tok: usize, end: usize, s: NaiveDate, unit: TimeUnit, relative: bool) -> Option<Dt> {
    let e = shift(s, unit, 1)?;
    let kind = if matches!(unit, TimeUnit::Day | TimeUnit::Month | TimeUnit::Year) {
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

pub(super) fn day_dt(start_tok: usize, end: usize, d: NaiveDate, relative: bool) -> Option<Dt> {
    let mut dt = period(start_tok, end, d, TimeUnit::Day, relative)?;
    dt.day = Some(d);
    Some(dt)
}

/// An ISO duration ("PT2.5H", "P3D", "P1W", "PT5H30M") in seconds, or in months for M/Y
/// (never both).
pub(super) fn parse_duration(code: &str) -> Option<(f64, bool)> {
    let rest = code.strip_prefix('P').filter(|r| !r.is_empty() && *r != "T")?;
    let (date, time) = rest.split_once('T').unwrap_or((rest, ""));
    let (mut secs, mut months) = (0.0, 0.0);
    // "P1DT12H", "PT5H30M": each count then its unit letter.
    for (body, timed) in [(date, false), (time, true)] {
        let mut num = String::new();
        for c in body.chars() {
            if c.is_ascii_digit() || c == '.' {
                num.push(c);
                continue;
            }
            let n: f64 = std::mem::take(&mut num).parse().ok()?;
            match (timed, c) {
                (true, 'H') => secs += n * 3600.0,
                (true, 'M') => secs += n * 60.0,
                (true, 'S') => secs += n,
                (false, 'D') => secs += n * 86400.0,
                (false, 'W') => secs += n * 7.0 * 86400.0,
                (false, 'M') => months += n,
                (false, 'Y') => months += n * 12.0,
                _ => return None,
            }
        }
        if !num.is_empty() {
            return None;
        }
    }
    match (secs > 0.0, months > 0.0) {
        (true, true) => None,
        (false, true) => Some((months, true)),
        _ => Some((secs, false)),
    }
}

/// "start/end" for a point and a duration after it.
pub(super) fn span_after(p: &Dt, dur: &str) -> Option<String> {
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
        return Some(format!("{}/{}", from, iso_minute(end)));
    }
    let d = parse_day(&from)?;
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

pub(super) fn monday_of(d: NaiveDate) -> NaiveDate {
    d.checked_sub_days(Days::new(d.weekday().num_days_from_monday() as u64)).unwrap_or(d)
}

/// The hour of a time said with a part of the day: "7 in the evening" → 19.
/// "T19:00/T19:30" on a day ("2025-02-18"), its hours shifted to a part of that day when
/// one is said ("this evening from 7 to 7:30").
pub(super) fn dated_interval(times: &str, date: &str, part: Option<&str>) -> Option<String> {
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

pub(super) fn shift_to_part(h: u32, code: &str) -> u32 {
    match code {
        "AF" | "EV" if (1..12).contains(&h) => h + 12,
        "NI" if (6..12).contains(&h) => h + 12,
        "MO" if h == 12 => 0,
        _ => h,
    }
}

/// "P2Y1M21D", "PT1H30M" from (unit, count) parts.
pub(super) fn compound_duration(parts: &[(TimeUnit, f64)]) -> String {
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
pub(super) fn easter(y: i32) -> Option<NaiveDate> {
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

pub(super) fn unresolved(i: usize, e: usize, gran: Granularity) -> Dt {
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

pub(super) fn interval(i: usize, e: usize, s: NaiveDate, end: NaiveDate, gran: Granularity, relative: bool) -> Dt {
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

pub(super) fn quarter_dt(i: usize, e: usize, y: i32, n: u32, per: u32, relative: bool) -> Option<Dt> {
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

pub(super) fn fiscal(i: usize, e: usize, y: i32) -> Dt {
    Dt::plain(i, e, DateKind::Period, format!("FY{y}"), Granularity::Year)
}

pub(super) fn season(i: usize, e: usize, y: i32, m: u32, relative: bool) -> Dt {
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
pub(super) fn is_num_kind(k: Option<Kind>) -> bool {
    k == Some(Kind::Num)
}

/// Keeps in `best` the candidate that reaches furthest (the earlier one on a tie).
pub(super) fn keep_longest(best: &mut Option<Dt>, candidate: Option<Dt>) {
    if let Some(d) = candidate
        && best.as_ref().is_none_or(|b| d.end > b.end)
    {
        *best = Some(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_codes_as_chrono_writes_them() {
        for (y, m, d, h, min, s) in
            [(2031, 7, 9, 6, 5, 4), (987, 12, 31, 23, 59, 59), (-44, 3, 15, 0, 0, 0), (10400, 1, 2, 12, 30, 1)]
        {
            let t = ymd(y, m, d).and_then(|d| d.and_hms_opt(h, min, s)).expect("a valid fixture");
            assert_eq!(iso(t.date()), t.format("%Y-%m-%d").to_string());
            assert_eq!(iso_minute(t), t.format("%Y-%m-%dT%H:%M").to_string());
            assert_eq!(iso_second(t), t.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
}
