//! Figures (money, percentages, counts, quantities, ranges) and dates (absolute, relative,
//! periods, intervals, durations), found in plain text and normalized.
//!
//! A hand-written tokenizer feeds table-driven matchers (one word table per language in
//! [`lang`]); at each token the longest date or figure wins, dates first on ties.

mod dates;
mod figures;
pub mod lang;
mod numbers;
pub(crate) mod token;

use crate::lang::Lang;
use crate::model::{DateKind, DateMention, Figure, FigureKind, Span};
use chrono::NaiveDateTime;
use lang::Table;
use std::sync::OnceLock;
use token::{Kind, Tokens};

/// Finds figures and dates in `text`. Spans are byte offsets into `text`; `reference` resolves
/// relative expressions ("yesterday", "this year").
pub fn find(text: &str, lang: Lang, reference: Option<NaiveDateTime>) -> (Vec<Figure>, Vec<DateMention>) {
    let tab = lang::table(lang);
    let t = Tokens::new(text);
    crate::timing::mark("entities: tokens");
    let (triggers, strong, strong_filter) = triggers(lang);
    // A function word ("the", "de", "over") starts a match only with a number or a strong word
    // (month, unit, number word…) close after it: most of them are skipped at once.
    let maybe_strong = |k: usize| {
        let (w, bit) = filter_bit(t.hash(k));
        strong_filter[w] & bit != 0
    };
    let strong_tok: Vec<bool> =
        (0..t.len()).map(|k| t.is_num(k) || (maybe_strong(k) && strong.contains(t.norm(k)))).collect();
    let strong_near = |i: usize| strong_tok.get(i + 1..(i + 7).min(t.len())).is_some_and(|s| s.contains(&true));
    let mut figures = Vec::new();
    let mut dates = Vec::new();
    let mut context = None;
    let mut anchor = None;
    let mut period_anchor = None;
    let mut period_here = false;
    let mut reported = None;
    let mut timed_day = None;
    let mut moment = None;
    let mut i = 0;
    while i < t.len() {
        if t.paragraph_break(i) {
            context = None;
            reported = None;
            period_here = false;
        }
        let triggered = match t.kind(i) {
            Some(Kind::Num) => true,
            Some(Kind::Word) => {
                strong_tok[i]
                    || (triggers.contains(t.norm(i))
                        // "in May.": a capitalized month that is also a common word, with nothing after it.
                        && (strong_near(i) || (t.upper(i) && tab.months.iter().any(|(m, _)| *m == t.norm(i)))))
                    // "XIXe siècle": a Roman ordinal before a century word.
                    || (t.upper(i) && t.find_word(i + 1, tab.century_words).is_some())
            }
            Some(Kind::Punct) => {
                (matches!(t.norm(i), "-" | "+" | "'") && strong_near(i))
                    || (t.norm(i) == "." && t.is_num(i + 1) && t.glued(i + 1) && !t.glued(i))
                    || triggers.contains(t.norm(i))
            }
            None => false,
        };
        if !triggered {
            // Skip web addresses and e-mails whole: their digits are not figures.
            if matches!(t.norm(i), "http" | "https" | "www") || t.is_punct(i, '@') {
                i += 1;
                while i < t.len() && t.glued(i) {
                    i += 1;
                }
                continue;
            }
            i += 1;
            continue;
        }
        // The day of a time ("dimanche après-midi … vers 18 h 55") anchors times of the next
        // sentences; a second time in the same sentence ("Monday 9 am or 1 pm") stays a clock.
        if let Some((day, end)) = timed_day {
            let ends =
                |k: usize| t.is_punct(k, '.') || t.is_punct(k, '!') || t.is_punct(k, '?') || t.paragraph_break(k);
            if (end..i).any(ends) {
                anchor = Some(day);
                timed_day = None;
            }
        }
        let ctx = dates::Ctx {
            t: &t,
            tab,
            reference,
            context,
            anchor,
            period_anchor,
            period_here,
            reported,
            timed_day: timed_day.map(|(day, _)| day),
            moment,
            depth: Default::default(),
            memo: Default::default(),
        };
        let d = ctx.date_at(i).filter(|d| d.end > i && !d.value.is_empty() && !ctx.names_part(d));
        // A phone number is neither, even when it starts like a date ("03.29.88.43.12", "le 01 23 45 67 89").
        let phone = match &d {
            None => figures::phone_end(&t, i),
            Some(d) => {
                (i..d.end).filter(|&k| t.is_num(k)).find_map(|k| figures::phone_end(&t, k)).filter(|&e| e > d.end)
            }
        };
        if let Some(e) = phone {
            i = e;
            continue;
        }
        let f = figures::figure_at(&t, i, tab).filter(|f| f.end > i);
        let take_figure = match (&d, &f) {
            (None, Some(_)) => true,
            (Some(_), None) | (None, None) => false,
            (Some(d), Some(f)) => {
                let measured = matches!(f.kind, FigureKind::Money | FigureKind::Percent | FigureKind::Quantity);
                // "9 second-graders": a date cut out of a hyphenated word is no date.
                let cut = t.is_punct(d.end, '-') && t.glued(d.end) && t.glued(d.end + 1) && t.is_word(d.end + 1);
                if measured { f.end >= d.end } else { f.end > d.end && (!d.strong || cut) }
            }
        };
        // "about 3rd week of 2018": a date starting inside a modified figure and reaching past it wins.
        if take_figure {
            if let Some(f) = f.as_ref().filter(|f| f.end > i + 1 && t.is_word(i)) {
                if let Some(k) = (i + 1..f.end).find(|&k| {
                    (t.is_num(k) || ctx.number_word_at(k))
                        && ctx.date_at(k).is_some_and(|d2| d2.end > f.end && d2.strong)
                }) {
                    i = k;
                    continue;
                }
            }
        }
        if take_figure {
            if let Some(f) = f {
                // "$1.90 a litre", "14 euros le mètre carré": a price per unit (the span stays the
                // sum's own words, as the Recognizers convention has it).
                let per = match f.kind {
                    FigureKind::Money => figures::per_unit(&t, f.end, tab).map(|(_, unit)| unit),
                    _ => None,
                };
                figures.push(to_figure(&t, i, &f, per));
                i = f.end;
                continue;
            }
        } else if let Some(d) = d {
            if d.day.is_some() {
                context = d.day;
            }
            anchor = d.named_day().or(anchor);
            // "a 1986 law": a year before a noun qualifies it, the paragraph tells no year.
            let qualifies =
                t.is_word(d.end) && !t.upper(d.end) && !tab.stop_words.contains(&t.norm(d.end)) && !d.relative;
            period_here |= d.named_period().is_some() && !qualifies;
            period_anchor = d.named_period().or(period_anchor);
            reported = d.reported_period().or(reported);
            moment = d.instant().or(if d.named_day().is_some() { None } else { moment });
            if d.named_day().is_some() {
                timed_day = None;
            } else if let Some(day) = d.timed_day() {
                timed_day = Some((day, d.end));
            }
            dates.push(to_date(&t, &d));
            i = d.end;
            continue;
        }
        i += 1;
    }
    crate::timing::mark("entities: figures, dates");
    (figures, dates)
}

/// FNV-1a: a word's hash, the same on every run and target (word trigrams of the extraction).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of short fixed strings (words, attribute names).
pub(crate) type WordSet = crate::hash::FastSet<&'static str>;

/// Trigger words, strong words, and a 1024-bit filter of the strong words' `word_hash`es.
type Triggers = (WordSet, WordSet, [u64; 16]);

fn filter_bit(hash: u32) -> (usize, u64) {
    ((hash >> 22) as usize & 15, 1 << ((hash >> 16) & 63))
}

/// Words that may start a figure or a date, and the strong ones among them (content words that
/// are figures or dates by themselves), per language (built once).
fn triggers(lang: Lang) -> &'static Triggers {
    static EN: OnceLock<Triggers> = OnceLock::new();
    static FR: OnceLock<Triggers> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    };
    cell.get_or_init(|| {
        let tab = lang::table(lang);
        let strong = build_strong(tab);
        let mut filter = [0u64; 16];
        for w in &strong {
            let (k, bit) = filter_bit(token::word_hash(w));
            filter[k] |= bit;
        }
        (build_triggers(tab), strong, filter)
    })
}

/// The first word of every entry of `list` (a table of phrases with values).
fn keys<V>(list: &'static [(&'static str, V)]) -> impl Iterator<Item = &'static str> {
    list.iter().map(|(w, _)| *w)
}

/// The date and number words both word sets start from: first words of the shared tables.
fn shared_first_words(tab: &'static Table) -> WordSet {
    let mut set = WordSet::default();
    let phrases = [tab.number_words, tab.months, tab.weekdays, tab.ordinals, tab.seasons, tab.noon_words]
        .into_iter()
        .flat_map(keys)
        .chain(keys(tab.day_words))
        .chain(keys(tab.day_parts))
        .chain(keys(tab.day_part_phrases))
        .chain(keys(tab.holidays))
        .chain(keys(tab.weekday_holidays))
        .chain(keys(tab.easter_offsets))
        .chain(keys(tab.frequency_words))
        .chain(keys(tab.weekday_plurals))
        .chain(keys(tab.duration_nouns))
        .chain(keys(tab.ref_adverbs))
        .chain(keys(tab.decade_words))
        .chain(keys(tab.meal_times))
        .chain(keys(tab.magnitudes))
        .chain(keys(tab.approximate_counts))
        .chain(keys(tab.scale_words))
        .chain(keys(lang::CURRENCY_SYMBOLS));
    let lists = [
        tab.every_words,
        tab.recurrence_per_words,
        tab.repeat_words,
        tab.easter_words,
        tab.weekend_words,
        tab.century_words,
        tab.minus_words,
        tab.temperature_minus,
        tab.hundred_words,
        tab.quarter_words,
        tab.fiscal_words,
        tab.decade_before,
    ];
    for p in phrases.chain(lists.into_iter().flatten().copied()) {
        if let Some(w) = p.split(' ').next() {
            set.insert(w);
        }
    }
    set
}

fn build_strong(tab: &'static Table) -> WordSet {
    let mut set = shared_first_words(tab);
    let mut add = |p: &'static str| {
        if let Some(w) = p.split(' ').next() {
            set.insert(w);
        }
    };
    // Currency names of one word ("euro", "dollars"): "un euro" is a figure.
    let currency_names = keys(tab.currency_words).filter(|w| !w.contains(' '));
    keys(tab.time_units).chain(keys(tab.fraction_words)).chain(currency_names).for_each(&mut add);
    [tab.percent_words, tab.half_words].into_iter().flatten().for_each(|w| add(w));
    for w in ["q", "h", "t", "fy"] {
        set.insert(w);
    }
    // The noun of a two-word date pointing back: "le lendemain", "la veille", "that day".
    keys(tab.anaphora_days)
        .filter_map(|p| p.split_once(' ').map(|(_, noun)| noun))
        .filter(|n| !n.contains(' '))
        .for_each(|n| {
            set.insert(n);
        });
    // "l'actuel directeur", "le recensement précédent".
    keys(tab.ref_adjectives_before).chain(keys(tab.ref_adjectives_after)).for_each(|w| {
        set.insert(w);
    });
    // "à ce moment-là": its noun.
    tab.anaphora_moments.iter().filter_map(|p| p.split(' ').find(|w| w.len() > 3)).for_each(|n| {
        set.insert(n);
    });
    // "now", "right now", "maintenant" (not "at", "en", "a": too common alone).
    tab.now_words
        .iter()
        .chain(tab.from_now_words)
        .filter_map(|p| p.split(' ').next())
        .filter(|w| !matches!(*w, "at" | "a" | "en"))
        .for_each(|w| {
            set.insert(w);
        });
    // Short words that are also common function words stay weak.
    for w in ["a", "an", "un", "une", "sun", "sat", "mon", "wed", "may", "second", "t", "h", "q", "an", "mar"] {
        set.remove(w);
    }
    set
}

fn build_triggers(tab: &'static Table) -> WordSet {
    let mut set = shared_first_words(tab);
    let mut add = |p: &'static str| {
        if let Some(w) = p.split(' ').next() {
            set.insert(w);
        }
    };
    keys(tab.modifiers).chain(keys(tab.range_pairs)).chain(keys(tab.period_edges)).for_each(&mut add);
    // Dates pointing back: "that same day", "the next morning", "later that year".
    keys(tab.anaphora_days).chain(keys(tab.anaphora_periods)).for_each(&mut add);
    [tab.edge_leads, tab.whole_words].into_iter().flatten().for_each(|w| add(w));
    let lists: [&'static [&'static str]; 19] = [
        tab.possessives,
        tab.now_words,
        tab.from_now_words,
        tab.hundred_words,
        tab.one_words,
        tab.last_before,
        tab.next_before,
        tab.this_before,
        tab.unit_articles,
        tab.ago_before,
        tab.later_before,
        tab.duration_before,
        tab.the_words,
        tab.current_cues,
        tab.quarter_words,
        tab.fiscal_words,
        tab.decade_before,
        tab.interval_from,
        tab.day_articles,
    ];
    for list in lists {
        list.iter().for_each(|w| add(w));
    }
    for w in ["½", "⅓", "⅔", "¼", "¾", "⅕", "⅖", "⅗", "⅘", "⅙", "⅚", "⅛", "⅜", "⅝", "⅞"] {
        set.insert(w);
    }
    for w in [
        "q",
        "h",
        "t",
        "fy",
        "a",
        "an",
        "several",
        "few",
        "couple",
        "plusieurs",
        "quelques",
        "des",
        "ces",
        "end",
        "fin",
        "by",
    ] {
        set.insert(w);
    }
    set
}

/// The figure `f` found at token `i`; `per`: the unit of a rate ("litre" for "$1.90 a litre").
fn to_figure(t: &Tokens, i: usize, f: &figures::Fig, per: Option<&str>) -> Figure {
    let start = t.toks.get(i).map_or(0, |x| x.start);
    let end = f.end.checked_sub(1).and_then(|l| t.toks.get(l)).map_or(start, |x| x.end);
    Figure {
        span: Span { start, end },
        text: t.text.get(start..end).unwrap_or("").to_string(),
        kind: f.kind,
        value: f.value,
        min: f.min,
        max: f.max,
        unit: f.unit.clone(),
        modifier: f.modifier.map(str::to_string),
        approximate: f.approximate,
        per: per.map(str::to_string),
        normalized: match per {
            Some(unit) => format!("{}/{unit}", normalized(f)),
            None => normalized(f),
        },
    }
}

/// A compact number: 65e9, 3.35e9, 1200, 0.5.
pub fn compact(v: f64) -> String {
    if v != 0.0 && v.abs() >= 1e6 && v.is_finite() {
        let exp = (v.abs().log10().floor() as i32).div_euclid(3) * 3;
        let mant = v / 10f64.powi(exp);
        let mant = (mant * 1e6).round() / 1e6;
        return format!("{mant}e{exp}");
    }
    let r = (v * 1e6).round() / 1e6;
    format!("{r}")
}

fn normalized(f: &figures::Fig) -> String {
    let unit = match f.unit.as_deref() {
        Some("%") => "%".to_string(),
        Some(u) => format!(" {u}"),
        None => String::new(),
    };
    let prefix = match f.modifier {
        Some("up_to" | "at_most") => "≤",
        Some("less_than") => "<",
        Some("more_than") => ">",
        Some("at_least") => "≥",
        Some("equal") => "=",
        Some("about" | "nearly") => "≈",
        _ if f.approximate => "~",
        _ => "",
    };
    match (f.value, f.min, f.max) {
        (Some(v), _, _) => format!("{prefix}{}{unit}", compact(v)),
        (None, Some(a), Some(b)) => format!("{prefix}{}–{}{unit}", compact(a), compact(b)),
        _ => String::new(),
    }
}

fn to_date(t: &Tokens, d: &dates::Dt) -> DateMention {
    let start = t.toks.get(d.start_tok).map_or(0, |x| x.start);
    let end = d.end.checked_sub(1).and_then(|l| t.toks.get(l)).map_or(start, |x| x.end);
    DateMention {
        span: Span { start, end },
        text: t.text.get(start..end).unwrap_or("").to_string(),
        kind: d.kind,
        value: d.value.clone(),
        start: d.start.clone(),
        end: d.end_date.clone(),
        granularity: d.gran,
        relative: d.relative,
    }
}

#[allow(dead_code)]
fn is_interval(k: DateKind) -> bool {
    k == DateKind::Interval
}
