//! Intervals ("from May to July", "de 14h à 16h") and durations ("for 3 days", "two years").

use super::*;

impl Ctx<'_> {
    /// "from 2020 to 2023", "between 2007 and 2008", "du 3 au 5 mars", "2020-2023",
    /// "from 9 a.m. to 5 p.m.", "de 14h à 16h".
    pub(super) fn interval_at(&self, i: usize) -> Option<Dt> {
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
                if let (Some((e, d)), Some(s)) = (self.day_at(b_at), parse_day(&a.value)) {
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
        let b_start = b_bound.and_then(parse_day)?;
        let a_start = match &a {
            Some(a) if !(first_day.is_some() && a.gran == Granularity::Year) => a.start.as_deref().and_then(parse_day),
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
            // A month whose year was inferred takes the year of the bound after it.
            Some(a) if a.relative && (!b.relative || a.gran == Granularity::Month) => {
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

    /// A plural unit right after a duration word, with no count: "for weeks", "in years",
    /// "depuis des années" → an unspecified number of them ("PXW", "PXY").
    fn vague_duration(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        let (e, unit) = self.unit_at(i)?;
        let w = t.norm(i);
        let plural = w.ends_with('s') && !matches!(unit, TimeUnit::Second | TimeUnit::Minute) && w.len() > 3;
        if !plural || e != i + 1 || t.is_num(e) || tab.of_words.contains(&t.norm(e)) {
            return None;
        }
        let before = |k: usize| (k.saturating_sub(3)..k).any(|s| t.find_word(s, tab.duration_before) == Some(k));
        let verb = |k: usize| k > 0 && tab.duration_verbs.contains(&t.norm(k - 1));
        let led =
            i > 0 && (before(i) || verb(i) || (t.find_word(i - 1, tab.vague_articles) == Some(i) && before(i - 1)));
        if !led {
            return None;
        }
        let mut d = Dt::plain(i, e, DateKind::Duration, vague_code(unit).to_string(), gran_of(unit));
        d.strong = false;
        Some(d)
    }

    pub(super) fn time_interval(&self, i: usize, a_at: usize, opened: bool, dated: bool) -> Option<Dt> {
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
        if bare_first && !opened && !t.is_punct(a_at + 1, '-') && t.find_word(a_at + 1, tab.interval_to).is_none() {
            return None;
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
    pub(super) fn duration_at(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        let r = self.refdate();
        if let Some(d) = self.vague_duration(i) {
            return Some(d);
        }
        if let Some(d) = self.range_bound_at(i) {
            return Some(d);
        }
        if let Some(d) = self.ordinal_unit_at(i) {
            return Some(d);
        }
        // "a day-long meeting", "a decades-long feud": a unit made an adjective of length.
        if let Some((e, unit)) = self.unit_at(i) {
            if e == i + 1
                && !(i > 0 && t.is_punct(i - 1, '-') && t.glued(i))
                && t.is_punct(e, '-')
                && t.glued(e)
                && t.glued(e + 1)
                && t.find_word(e + 1, tab.length_suffixes) == Some(e + 2)
            {
                let value =
                    if t.norm(i).ends_with('s') { vague_code(unit).to_string() } else { duration_code(unit, 1.0) };
                let mut d = Dt::plain(i, e + 2, DateKind::Duration, value, gran_of(unit));
                d.strong = false;
                return Some(d);
            }
        }
        let mut j = i;
        let lead = t.find_word(j, tab.duration_before);
        if let Some(e) = lead {
            j = e;
        }
        // "ces derniers mois", "au cours des dernières années": recent units, not counted.
        let det = t
            .find_word(j, tab.recent_determiners)
            .or_else(|| (lead.is_some() && j > 0 && tab.recent_determiners.contains(&t.norm(j - 1))).then_some(j));
        if let Some(a) = det {
            if let Some(p) = t.find_word(a, tab.past_words).filter(|_| t.norm(a).ends_with('s')) {
                // Not "les derniers jours de la campagne": the last days of something else.
                let plural = |p: usize| t.norm(p).ends_with('s') || t.norm(p).ends_with('x');
                if let Some((e, unit)) =
                    self.unit_at(p).filter(|&(e, _)| plural(p) && t.find_word(e, tab.of_words).is_none())
                {
                    let mut d = Dt::plain(
                        i,
                        e,
                        DateKind::Duration,
                        unspecified_duration(&duration_code(unit, 1.0)),
                        gran_of(unit),
                    );
                    d.strong = true;
                    return Some(d);
                }
            }
        }
        // "une quinzaine de jours", "depuis une dizaine d'années" (not the age of "une femme
        // d'une trentaine d'années").
        {
            let k = if matches!(self.count_at(j, true), Some((e, n)) if n == 1.0 && e == j + 1) { j + 1 } else { j };
            if let Some((e, n)) = t.find(k, tab.approximate_counts).filter(|&(_, n)| n < 100.0) {
                if let Some(o) = t.find_word(e, tab.of_words) {
                    let o = t.skip_joiner(o);
                    // The word before `k`, past an apostrophe ("d'une").
                    let back = |k: usize| {
                        let p = k.saturating_sub(1);
                        if p > 0 && t.is_punct(p, '\'') { p - 1 } else { p }
                    };
                    let first = if k == i && i > 0 && tab.one_words.contains(&t.norm(back(i))) { back(i) } else { i };
                    let age = lead.is_none()
                        && first >= 2
                        && tab.age_links.contains(&t.norm(back(first)))
                        && !tab.duration_heads.contains(&t.norm(back(back(first))));
                    // "il y a une dizaine de jours" is a date, not this duration.
                    let ago = (first.saturating_sub(3)..first).any(|s| t.find_word(s, tab.ago_before) == Some(first));
                    if let Some((e2, unit)) = self.unit_at(o).filter(|_| !age && !ago) {
                        let mut d = Dt::plain(i, e2, DateKind::Duration, duration_code(unit, n), gran_of(unit));
                        d.strong = lead.is_some();
                        return Some(d);
                    }
                }
            }
        }
        // "depuis un demi-siècle", "un quinquennat".
        if let Some((e, code)) = t.find(j, tab.duration_nouns) {
            let mut d = Dt::plain(i, e, DateKind::Duration, code.to_string(), Granularity::Year);
            d.strong = lead.is_some();
            return Some(d);
        }
        // "(over) the past/last [N] units".
        let mut k = j;
        if let Some(e) = t.find_word(k, tab.the_words) {
            k = t.skip_joiner(e);
        }
        // "expected to last two weeks": the verb, its length follows.
        let verb = k == j && k > 0 && tab.past_word_verb_leads.contains(&t.norm(k - 1));
        if let Some(e) = t.find_word(k, tab.past_words).filter(|_| !verb) {
            if !tab.decimal_comma || k > j {
                let (e2, n) = self.count_at(e, false).or_else(|| self.vague_count(e)).unwrap_or((e, 0.0));
                let counted = n > 0.0;
                let n = if counted { n } else { 1.0 };
                if let Some((e3, unit)) = self.unit_at(e2) {
                    let plural_ok = n > 1.0 || !t.norm(e2).ends_with('s') || t.norm(e2) == "mois";
                    if plural_ok && (k > j || lead.is_some() || e2 > e) && !t.is_num(e3) {
                        // "in 1986 … in the prior year": counted from the year the story told.
                        if let Some(mut d) = self.story_unit(j).filter(|d| !counted && k > j && d.end == e3) {
                            d.start_tok = i;
                            return Some(d);
                        }
                        // "the last quarter", "the previous month", "the prior year": the calendar period before this one.
                        if !counted
                            && matches!(t.norm(k), "last" | "previous" | "prior" | "preceding")
                            && !matches!(unit, TimeUnit::Decade | TimeUnit::Century)
                        {
                            if let Some(d) = self.unit_period(i, e3, unit, -1, r) {
                                return Some(d);
                            }
                        }
                        let d = self.past_span(i, e3, (unit, n), r, lead.is_some(), counted)?;
                        // "has doubled over the past three years": a length up to now (the
                        // dates it spans stay in start and end).
                        if d.value.contains('/') && self.perfect_clause(i, e3) {
                            let code = duration_code(unit, n);
                            let vague = counted && self.count_at(e, false).is_none();
                            let value = if vague { unspecified_duration(&code) } else { code };
                            return Some(Dt { kind: DateKind::Duration, value, ..d });
                        }
                        return Some(d);
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
                        return self.past_span(i, e3, (unit, n), r, lead.is_some(), true);
                    }
                }
                if let (Some(e2), Some(r)) = (t.find_word(e, tab.next_before), r) {
                    if let Some((e3, unit)) = self.unit_at(e2) {
                        return self.next_span(i, e3, unit, n, r);
                    }
                }
            }
        }
        // "in recent days", "the coming years": units not counted, a vague duration.
        {
            let k = t.find_word(j, tab.the_words).unwrap_or(j);
            if let Some(e) = t.find_word(k, tab.vague_unit_leads) {
                let plural = t.norm(e).ends_with('s');
                if let Some((e2, unit)) =
                    self.unit_at(e).filter(|&(e2, _)| plural && t.find_word(e2, tab.of_words).is_none())
                {
                    // The span leaves out "in": "in recent days" is a time in those days.
                    let code = unspecified_duration(&duration_code(unit, 1.0));
                    return Some(Dt::plain(j, e2, DateKind::Duration, code, gran_of(unit)));
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
        // N units; "a 16-hour flight", "a two-day visit": N-unit as one adjective.
        // "lasted a decade", "took a few days": the verb asks for a length, article and all.
        let verb_led = lead.is_none() && i > 0 && tab.duration_verbs.contains(&t.norm(i - 1));
        // "quelques jours avant le scrutin": a count naming no number needs no lead word.
        let vague = tab.ago_vague_counts.contains(&t.norm(j));
        // "for more than a century", "lasted nearly a decade": a lead or verb before the modifier.
        let modified = lead.is_none()
            && (i.saturating_sub(3)..i).any(|k| {
                k > 0
                    && t.find(k, tab.modifiers).is_some_and(|(x, _)| x == i)
                    && (t.find_word(k - 1, tab.duration_before) == Some(k)
                        || tab.duration_verbs.contains(&t.norm(k - 1)))
            });
        let (e, n) = self.count_at(j, lead.is_some() || verb_led || vague || modified)?;
        // "two more weeks", "three straight days".
        let extra = t.find_word(e, tab.count_extras).filter(|&x| self.unit_at(x).is_some());
        let e = extra.unwrap_or(e);
        let hyphened = t.is_punct(e, '-')
            && t.glued(e)
            && t.glued(e + 1)
            && !t.norm(e + 1).ends_with('s')
            && !(t.is_punct(e + 2, '-') && t.glued(e + 2) && t.find_word(e + 3, tab.length_suffixes).is_none())
            && self.unit_at(e + 1).is_some();
        let e = if hyphened { e + 1 } else { e };
        let (e2, unit) = self.unit_at(e)?;
        // "a 16-hour-long flight".
        let e2 = if hyphened && t.is_punct(e2, '-') && t.glued(e2) && t.find_word(e2 + 1, tab.length_suffixes).is_some()
        {
            e2 + 2
        } else {
            e2
        };
        // "CBS's 60 Minutes", "28 Days Later": a capitalized unit after digits is a title.
        // A capitalized word before it makes a headline in title case instead ("Rescue Takes 16 Hours").
        if t.is_num(j) && t.upper(e) && !(j > 0 && t.is_word(j - 1) && t.upper(j - 1)) {
            return None;
        }
        // "1988 second half", "its 1988 second-quarter loss".
        let noun_at = if t.is_punct(e2, '-') && t.glued(e2) { e2 + 1 } else { e2 };
        let ordinal = tab.ordinal_units.contains(&t.norm(e)) && tab.ordinal_unit_nouns.contains(&t.norm(noun_at));
        if ordinal {
            return None;
        }
        // "un chauffeur de bus de 38 ans": an age, not a duration.
        let age = lead.is_none()
            && tab.age_years.contains(&t.norm(e))
            && i >= 2
            && tab.age_links.contains(&t.norm(i - 1))
            && t.is_word(i - 2)
            && !tab.duration_heads.contains(&t.norm(i - 2))
            && !tab.stop_words.contains(&t.norm(i - 2));
        // "les moins de 17 ans", "des plus de 60 ans": an age group.
        let group = lead.is_none()
            && tab.age_years.contains(&t.norm(e))
            && i >= 3
            && (tab.the_words.contains(&t.norm(i - 3)) || tab.vague_articles.contains(&t.norm(i - 3)))
            && t.find(i - 2, tab.modifiers).is_some_and(|(x, m)| x == i && matches!(m, "more_than" | "less_than"));
        if age || group {
            return None;
        }
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
        // "plusieurs années": PXY.
        let value = if parts.len() == 1 && tab.unspecified_counts.contains(&t.norm(j)) {
            unspecified_duration(&duration_code(unit, 1.0))
        } else {
            value
        };
        let e2 = end;
        Some(Dt {
            start_tok: i,
            end: e2,
            kind: DateKind::Duration,
            value,
            start: None,
            end_date: None,
            gran: gran_of(unit),
            relative: false,
            // "two more weeks" is time, whatever figure "at least two" would make of it.
            strong: extra.is_some(),
            day: None,
        })
    }

    /// "lors de la quatrième journée", "sa deuxième année au club": one day, week, month or
    /// year of a series (a match day, a season), P1D / P1Y. Not clock units ("la première
    /// minute"), nor "la dernière semaine"; "la deuxième semaine de mars" is a longer date.
    fn ordinal_unit_at(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        if tab.possessives.is_empty() {
            return None;
        }
        let lead = t.find_word(i, tab.the_words).or_else(|| t.find_word(i, tab.possessives))?;
        let k = t.skip_joiner(lead);
        let (e, _) = t.find(k, tab.ordinals).filter(|_| t.find_word(k, tab.last_before).is_none())?;
        let (e2, unit) = self.unit_at(e).filter(|_| !t.norm(e).ends_with('s') || t.norm(e) == "mois")?;
        if !matches!(unit, TimeUnit::Day | TimeUnit::Week | TimeUnit::Month | TimeUnit::Year) {
            return None;
        }
        Some(Dt::plain(i, e2, DateKind::Duration, duration_code(unit, 1.0), gran_of(unit)))
    }

    /// "de 8 à 24 mois", "between two and three years": each bound is a duration of the unit
    /// after the second, "8" P8M and "24 mois" P24M. At the frame word, the first bound; at the
    /// close word, the second. Not hours ("de 13 h 30 à 16 heures" is a clock range), nor an
    /// age ("des enfants de 2 à 8 ans", "il a entre 20 et 30 ans").
    fn range_bound_at(&self, i: usize) -> Option<Dt> {
        let t = self.t;
        let tab = self.tab;
        let age = |s: usize, unit_at: usize| {
            s > 0
                && t.is_word(s - 1)
                && (tab.age_before.contains(&t.norm(s - 1))
                    || (tab.age_links.contains(&t.norm(s))
                        && tab.age_years.contains(&t.norm(unit_at))
                        && !tab.stop_words.contains(&t.norm(s - 1))
                        && !tab.duration_heads.contains(&t.norm(s - 1))))
        };
        // From a frame word at `s`: (first bound, its end, its count, close word, second bound,
        // its end with the unit, its count, the unit).
        let parse = |s: usize| {
            tab.range_pairs.iter().find_map(|(open, close)| {
                let k = t.skip_joiner(t.phrase(s, open)?);
                let (e, n) = self.count_at(k, false)?;
                let m = t.phrase(e, close)?;
                let (e2, n2) = self.count_at(m, false)?;
                let (e3, unit) = self.unit_at(e2)?;
                let clock = matches!(unit, TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour);
                (n < n2 && !clock && !age(s, e2)).then_some((k, e, n, e, m, e3, n2, unit))
            })
        };
        let bound = |a: usize, b: usize, n: f64, unit: TimeUnit| {
            let mut d = Dt::plain(a, b, DateKind::Duration, duration_code(unit, n), gran_of(unit));
            d.strong = true;
            d
        };
        if let Some((k, e, n, _, _, _, _, unit)) = parse(i) {
            return Some(bound(k, e, n, unit));
        }
        (i.saturating_sub(6)..i).find_map(|s| {
            let (_, _, _, close, m, e3, n2, unit) = parse(s)?;
            (close == i).then(|| bound(t.skip_joiner(m), e3, n2, unit))
        })
    }

    /// "the past three quarters" (whole periods when counted), "over the past decade" (the last
    /// ten years up to the reference).
    pub(super) fn past_span(
        &self,
        i: usize,
        e: usize,
        (unit, n): (TimeUnit, f64),
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
    pub(super) fn next_span(&self, i: usize, e: usize, unit: TimeUnit, n: f64, r: NaiveDate) -> Option<Dt> {
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

/// The TIMEX3 duration of an unknown number of `unit`s: "for years" → PXY.
fn vague_code(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Hour => "PTXH",
        TimeUnit::Day => "PXD",
        TimeUnit::Week | TimeUnit::Fortnight => "PXW",
        TimeUnit::Month | TimeUnit::Quarter => "PXM",
        _ => "PXY",
    }
}
