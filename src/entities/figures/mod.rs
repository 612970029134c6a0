//! Figures: money, percentages, counts, quantities and ranges, with modifiers.

use super::lang::{CURRENCY_SYMBOLS, Table, TimeUnit};
use super::numbers::{self, Number};
use super::token::{Kind, Tokens};
use crate::model::FigureKind;
use filters::not_a_figure;
pub use filters::phone_end;
use nouns::{counted_noun, with_noun};

mod filters;
mod nouns;

#[derive(Debug, Clone)]
pub struct Fig {
    pub end: usize,
    pub kind: FigureKind,
    pub value: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub unit: Option<String>,
    pub modifier: Option<&'static str>,
    pub approximate: bool,
}

/// One amount: a number with what qualifies it.
#[derive(Debug, Clone)]
struct Amount {
    num: Number,
    end: usize,
    kind: FigureKind,
    unit: Option<String>,
    approximate: bool,
    /// A bare small integer glued or next to a name: maybe not a figure.
    bare: bool,
    /// A ratio ("6 of 10", "un Français sur trois"): no unit; the noun after it joins the span.
    ratio: Ratio,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ratio {
    No,
    /// "four out of five": a counted noun may follow.
    NounAfter,
    /// "un Français sur trois": the noun is inside.
    Done,
}

fn currency_at(t: &Tokens, i: usize, tab: &Table) -> Option<(usize, &'static str)> {
    if t.kind(i) == Some(Kind::Num) {
        return None;
    }
    // Symbols of several tokens ("US$", "A$") must be written in one piece (or one space: "C $").
    let found = t.find(i, CURRENCY_SYMBOLS);
    let sym = found.filter(|&(e, _)| {
        (i + 1..e).all(|k| {
            t.glued(k)
                || (t.gap(k) == " " && t.norm(k) == "$" && matches!(t.norm(i), "c" | "hk" | "nz" | "mex"))
                || (t.gap(k) == " " && t.norm(i) == "$" && k == i + 1 && !t.is_punct(k + 1, '\''))
        })
    });
    // "5 $ c'est": the longer "$ c" failed, the symbol alone stands.
    let sym = match (sym, found) {
        (None, Some(_)) => CURRENCY_SYMBOLS.iter().find(|(w, _)| *w == t.norm(i)).map(|&(_, c)| (i + 1, c)),
        (sym, _) => sym,
    };
    let word = t.find(i, tab.currency_words);
    match (sym, word) {
        (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// "MEUR", "MUSD", "kEUR": a scale letter glued to an ISO code, in capitals.
fn scaled_code(t: &Tokens, i: usize) -> Option<(usize, &'static str, f64)> {
    let raw = t.slice(i, i + 1);
    if raw.len() != 4 || !raw.bytes().all(|b| b.is_ascii_uppercase() || b == b'k') {
        return None;
    }
    let scale = match raw.as_bytes().first() {
        Some(b'M') => 1e6,
        Some(b'k') => 1e3,
        Some(b'B') => 1e9,
        _ => return None,
    };
    let code = raw.get(1..)?.to_ascii_lowercase();
    let (_, c) = CURRENCY_SYMBOLS.iter().find(|(w, c)| *w == code && c.len() == 3)?;
    Some((i + 1, c, scale))
}

fn is_symbol(t: &Tokens, i: usize) -> bool {
    t.kind(i) == Some(Kind::Punct) || t.norm(i).len() <= 3
}

/// Parses an amount at `i`; `prefix_currency` may come from a range's first bound.
fn amount(t: &Tokens, i: usize, tab: &Table) -> Option<Amount> {
    let mut j = i;
    let mut currency: Option<&str> = None;
    // "MAUD 60".
    if let Some((e, c, scale)) = scaled_code(t, j).filter(|&(e, _, _)| t.is_num(e)) {
        let mut num = numbers::parse(t, e, tab, false)?;
        if num.scale == 1.0 {
            num.value *= scale;
            num.scale = scale;
            num.plain = false;
            return Some(Amount {
                end: num.end,
                num,
                kind: FigureKind::Money,
                unit: Some(c.to_string()),
                approximate: false,
                bare: false,
                ratio: Ratio::No,
            });
        }
    }
    if let Some((e, c)) = currency_at(t, j, tab) {
        // A prefix currency is a symbol or code ("$", "EUR", "Rs"), not a word ("won 3-1").
        let symbol = t.find(j, CURRENCY_SYMBOLS).is_some_and(|(s, _)| s == e);
        if symbol && (t.is_num(e) || (t.kind(e) == Some(Kind::Punct) && t.is_num(e + 1))) {
            currency = Some(c);
            j = e;
        }
    }
    // Approximate counts: "une quinzaine de jardinières", "une centaine de personnes".
    if currency.is_none() && tab.one_words.contains(&t.norm(j)) {
        if let Some((e, v)) = t.find(j + 1, tab.approximate_counts) {
            if counted_noun(t, e, tab, true, true, false).is_some() {
                let num = Number { value: v, end: e, digits: false, scale: v, plain: false };
                let mut a = suffix(t, num, tab, None)?;
                a.approximate = true;
                return Some(a);
            }
        }
    }
    // Approximate magnitudes: "hundreds of billions", "des dizaines de milliers".
    if !t.is_num(j) {
        if let Some((e, m)) = t.find(j, tab.magnitudes) {
            let mut value = m;
            let mut k = e;
            while let Some(o) = t.find_word(k, tab.of_words) {
                let o = t.skip_joiner(o);
                if let Some((e2, m2)) = t.find(o, tab.magnitudes).or_else(|| t.find(o, tab.scale_words)) {
                    value *= m2;
                    k = e2;
                } else {
                    break;
                }
            }
            let num = Number { value, end: k, digits: false, scale: 1.0, plain: false };
            let mut a = suffix(t, num, tab, currency)?;
            a.approximate = true;
            // A bare magnitude ("hundreds") alone is not a figure, only with a scale or a unit.
            if value < 1e3 && a.unit.is_none() {
                return None;
            }
            return Some(a);
        }
    }
    // "a 1/4 mile track", "un 1/4 kilomètre": a fraction before a unit (alone, "3/4" is a date).
    if let Some((v, e)) = numbers::slash_fraction(t, j).filter(|_| currency.is_none()) {
        let u = t.skip_joiner(e);
        if t.gap(u).len() <= 1 && t.find(u, tab.unit_words).is_some() {
            let num = Number { value: v, end: e, digits: true, scale: 1.0, plain: false };
            return suffix(t, num, tab, None).filter(|a| a.unit.is_some());
        }
    }
    let mut num = numbers::parse(t, j, tab, currency.is_some())?;
    // Ratios: "1 over 3", "un sur trois", "two out of five", "one in five".
    let numerator_plain = num.plain;
    let denominator = |k: usize| {
        numbers::parse(t, k, tab, false).filter(|d| {
            let year_like = t.digits(k) == 4 && (1000.0..=2100.0).contains(&d.value);
            d.value >= 1.0 && d.value >= num.value && d.scale == 1.0 && d.value.fract() == 0.0 && !year_like
        })
    };
    // "un Français sur trois", "une entreprise sur cinq".
    let noun = num.end;
    if currency.is_none() && num.scale == 1.0 && num.value.fract() == 0.0 && num.value > 0.0 && t.is_word(noun) {
        let plain_noun = || {
            t.norm(noun).len() > 2
                && !tab.stop_words.contains(&t.norm(noun))
                && t.find(noun, tab.unit_words).is_none()
                && t.find(noun, tab.time_units).is_none()
                && currency_at(t, noun, tab).is_none()
        };
        if let Some(k) = t.find_word(noun + 1, tab.ratio_after_noun).filter(|_| plain_noun()) {
            // Not "2 matchs sur 3 jours", nor "cinq femmes sur vingt sièges" (a plural noun of its own).
            let measured = |e: usize| t.find(e, tab.time_units).is_some() || t.find(e, tab.unit_words).is_some();
            let own_noun = |e: usize| {
                let w = t.norm(e);
                t.is_word(e) && w.len() > 3 && (w.ends_with('s') || w.ends_with('x')) && !tab.stop_words.contains(&w)
            };
            if let Some(d) = denominator(k).filter(|d| !measured(d.end) && !own_noun(d.end)) {
                let num =
                    Number { value: num.value / d.value, end: d.end, digits: num.digits, scale: 1.0, plain: false };
                return Some(Amount {
                    num,
                    end: d.end,
                    kind: FigureKind::Count,
                    unit: None,
                    approximate: false,
                    bare: false,
                    ratio: Ratio::Done,
                });
            }
        }
    }
    let mut ratio = Ratio::No;
    if currency.is_none() && num.scale == 1.0 && num.value.fract() == 0.0 {
        if let Some(k) = t.find_word(num.end, tab.ratio_words) {
            // "6 of 10 Americans" is a share; "one of 13 Cubans", "10 of 12 victims" are parts of a group.
            let of_share =
                |d: &Number| !tab.of_words.contains(&t.norm(num.end)) || matches!(d.value, 10.0 | 100.0 | 1000.0);
            if let Some(d) = denominator(k).filter(of_share) {
                // "four out of five voters", not "3 over 2 years".
                let noun = t.is_word(d.end)
                    && t.find(d.end, tab.time_units).is_none()
                    && t.find(d.end, tab.unit_words).is_none()
                    && currency_at(t, d.end, tab).is_none();
                if !t.is_word(d.end) || noun || tab.stop_words.contains(&t.norm(d.end)) || t.is_num(d.end) {
                    num = numbers::Number {
                        value: num.value / d.value,
                        end: d.end,
                        digits: num.digits,
                        scale: 1.0,
                        plain: false,
                    };
                    ratio = Ratio::NounAfter;
                }
            }
        }
    }
    let mut a = suffix(t, num, tab, currency)?;
    a.ratio = ratio;
    // "Group 1 in 5 parts": a ratio of a name's number is still that name.
    a.bare |= numerator_plain;
    if currency.is_some() {
        a.bare = false;
    }
    Some(a)
}

fn suffix(t: &Tokens, num: Number, tab: &Table, prefix_currency: Option<&str>) -> Option<Amount> {
    let mut end = num.end;
    let mut a = Amount {
        num,
        end,
        kind: FigureKind::Number,
        unit: None,
        approximate: false,
        bare: num.plain,
        ratio: Ratio::No,
    };
    if let Some(c) = prefix_currency {
        a.kind = FigureKind::Money;
        a.unit = Some(c.to_string());
        // "$ 5 USD", "$65 billion dollars": absorb a repeated currency.
        if let Some((e, _)) = currency_at(t, end, tab).filter(|&(e, _)| !t.is_num(e)) {
            end = e;
        }
        a.end = end;
        return Some(a);
    }
    // "65 milliards de dollars", "3 millions d'euros", "300 millions de $".
    let mut k = end;
    if let Some(o) = t.find_word(k, tab.of_words) {
        let o = t.skip_joiner(o);
        if currency_at(t, o, tab).is_some() {
            k = o;
        }
    }
    let k2 = t.skip_joiner(k);
    // "120 MEUR", "48.5 MGBP".
    if let Some((e, c, scale)) = scaled_code(t, k2).filter(|_| a.num.scale == 1.0 && k2 == end) {
        a.num.value *= scale;
        a.num.scale = scale;
        a.kind = FigureKind::Money;
        a.unit = Some(c.to_string());
        a.end = e;
        return Some(a);
    }
    // "5.000 F", "12 MF": francs written in capitals.
    if k2 == end && a.num.scale == 1.0 && t.gap(k2).len() <= 1 && !(t.glued(k2 + 1) && t.is_word(k2 + 1)) {
        if let Some(&(_, scale)) = tab.franc_symbols.iter().find(|(w, _)| t.slice(k2, k2 + 1) == *w) {
            a.num.value *= scale;
            a.num.scale = scale;
            a.num.plain = false;
            a.kind = FigureKind::Money;
            a.unit = Some("FRF".into());
            a.end = k2 + 1;
            return Some(a);
        }
    }
    // "dropped 25 pounds", "le bébé pèse deux livres", "500 pounds (225 kilograms) of supplies":
    // a weight, not money.
    if let Some(e) = t.find_word(k2, tab.weight_currency_words).filter(|_| k2 == end) {
        let metric = |k: usize| {
            numbers::parse(t, k, tab, false)
                .and_then(|n| t.find(n.end, tab.unit_words))
                .is_some_and(|(_, u)| matches!(u, "kg" | "g" | "t"))
        };
        let of_goods = a.num.scale == 1.0
            && t.find_word(e, tab.of_words).is_some_and(|o| {
                t.is_word(o) && !tab.stop_words.contains(&t.norm(o)) && currency_at(t, o, tab).is_none()
            });
        if (end.saturating_sub(10)..end).any(|k| t.find_word(k, tab.weight_cues).is_some())
            || (t.is_punct(e, '(') && metric(e + 1))
            || of_goods
        {
            a.kind = FigureKind::Quantity;
            a.unit = Some("lb".into());
            a.end = e;
            return Some(a);
        }
    }
    if let Some((e, c)) = currency_at(t, k2, tab) {
        a.kind = FigureKind::Money;
        a.unit = Some(c.to_string());
        a.end = e;
        // "3 dollars 50 cents", "15 dollars et 15 cents", "15 dollars and 50".
        if c != "CENT" && c != "PENNY" && a.num.scale == 1.0 && !is_symbol(t, k2) {
            let mut k = e;
            if t.find_word(k, tab.number_joiners).is_some() {
                k += 1;
            }
            if let Some(n) =
                numbers::parse(t, k, tab, false).filter(|n| n.value < 100.0 && n.value >= 0.0 && n.value.fract() == 0.0)
            {
                if matches!(currency_at(t, n.end, tab), Some((_, "CENT"))) {
                    a.num.value += n.value / 100.0;
                    a.end = currency_at(t, n.end, tab).map_or(n.end, |x| x.0);
                } else if !t.is_word(n.end) && !t.is_num(n.end) && !t.is_punct(n.end, '%') {
                    a.num.value += n.value / 100.0;
                    a.end = n.end;
                }
            }
        }
        return Some(a);
    }
    if t.is_punct(end, '%') {
        a.kind = FigureKind::Percent;
        a.unit = Some("%".into());
        a.end = end + 1;
        return Some(a);
    }
    if let Some(e) = t.find_word(end, tab.point_words) {
        if a.num.value.abs() <= 100.0 {
            a.kind = FigureKind::Percent;
            a.unit = Some("pp".into());
            a.end = e;
            return Some(a);
        }
    }
    // Plain "points": percentage points when rates are spoken of, else points (a game, an index).
    // Not "at one point".
    let one_word = !a.num.digits && a.num.value == 1.0;
    if let Some(e) = t.find_word(end, tab.bare_points).filter(|_| !one_word) {
        if a.num.value.abs() <= 100.0 && rate_context(t, end, tab) {
            a.kind = FigureKind::Percent;
            a.unit = Some("pp".into());
        } else {
            a.kind = FigureKind::Count;
            a.unit = Some(t.slice(end, e).to_lowercase());
        }
        a.end = e;
        return Some(a);
    }
    if let Some(e) = t.find_word(end, tab.percent_words) {
        a.kind = FigureKind::Percent;
        a.unit = Some("%".into());
        a.end = e;
        return Some(a);
    }
    // Ages: "a 30-year-old man".
    if t.is_punct(end, '-') && t.glued(end) && t.glued(end + 1) {
        if let Some((e, u)) = t.find(end + 1, tab.age_adjectives) {
            a.kind = FigureKind::Quantity;
            a.unit = Some(u.into());
            a.end = e;
            return Some(a);
        }
    }
    // Ages: "ten years old".
    if let Some((e, u)) = t.find(end, tab.time_units) {
        if let Some(e2) = t.find_word(e, tab.age_words) {
            let unit = match u {
                TimeUnit::Year => "year",
                TimeUnit::Month => "month",
                TimeUnit::Week => "week",
                TimeUnit::Day => "day",
                _ => return Some(a),
            };
            a.kind = FigureKind::Quantity;
            a.unit = Some(unit.into());
            a.end = e2;
            return Some(a);
        }
    }
    // "40C", "104F", "-5C": a capital C or F glued to a temperature-sized number.
    if t.glued(end) && !(t.glued(end + 1) && t.kind(end + 1) != Some(Kind::Punct)) && a.num.scale == 1.0 {
        let v = a.num.value;
        let unit = match t.slice(end, end + 1) {
            "C" if (-90.0..=60.0).contains(&v) => Some("°C"),
            "F" if (-130.0..=140.0).contains(&v) => Some("°F"),
            _ => None,
        };
        if let Some(u) = unit {
            a.kind = FigureKind::Quantity;
            a.unit = Some(u.into());
            a.end = end + 1;
            return Some(a);
        }
    }
    let mut ku = t.skip_joiner(end);
    // "2 millions de barils", "2 million barrels of".
    if a.num.scale > 1.0 {
        if let Some(o) = t.find_word(ku, tab.of_words) {
            let o = t.skip_joiner(o);
            if t.find(o, tab.unit_words).is_some() {
                ku = o;
            }
        }
    }
    // The longer of a unit word and a symbol: "km²" over "km".
    let unit = match (t.find(ku, tab.unit_words), t.find(ku, UNIT_SYMBOLS)) {
        (Some(w), Some(s)) => Some(if s.0 > w.0 { s } else { w }),
        (w, s) => w.or(s),
    };
    // "45 m2", "20 km2": a glued 2 squares the unit.
    let unit = unit.map(|(e, u)| match u {
        "m" | "km" if t.glued(e) && t.norm(e) == "2" && !(t.glued(e + 1) && t.kind(e + 1) != Some(Kind::Punct)) => {
            (e + 1, if u == "m" { "m²" } else { "km²" })
        }
        _ => (e, u),
    });
    if let Some((e, u)) = unit {
        // One-letter units ("m", "t", "g") only when glued or followed by no word.
        let short = t.norm(ku).len() <= 1;
        // "24703L202", "24703 L-202" are codes, not measures.
        let code = t.glued(e) && (t.is_num(e) || (t.is_punct(e, '-') && t.glued(e + 1) && t.is_num(e + 1)));
        // "28 - l'année": an elided article, not litres.
        let elided = short && t.is_punct(e, '\'') && t.glued(e);
        // "1 m x 1 m": dimensions.
        let times = matches!(t.norm(e), "x" | "×") && t.is_num(e + 1);
        // "5G", "4G": network generations, not grams.
        let capital_g = u == "g" && t.slice(ku, ku + 1) == "G";
        // "1.5m people", "2m homes": millions of a plural noun, not metres ("a 2m wall", "100m hurdles").
        if t.slice(ku, ku + 1) == "m" && t.glued(ku) && e == ku + 1 && a.num.scale == 1.0 && t.is_word(e) && !t.upper(e)
        {
            let w = t.norm(e);
            let plural = ((w.ends_with('s') && !w.ends_with("ss")) || tab.irregular_plurals.contains(&w))
                && !tab.stop_words.contains(&w);
            let scale = t.find(ku, tab.scale_letters).map(|x| x.1);
            if let Some(s) =
                scale.filter(|_| plural && !tab.metre_context.contains(&w) && t.find(e, tab.unit_words).is_none())
            {
                a.num.value *= s;
                a.num.scale = s;
                a.num.plain = false;
                a.bare = false;
                a.end = e;
                return Some(a);
            }
        }
        if !code
            && !elided
            && !capital_g
            && (!short || t.glued(ku) || !t.is_word(e) || times || tab.stop_words.contains(&t.norm(e)))
        {
            a.kind = FigureKind::Quantity;
            a.unit = Some(u.to_string());
            a.end = e;
            // "5 feet 2 inches", "12 ft 2 in", "6 pieds 1 pouce": one length in feet.
            if u == "ft" && a.num.scale == 1.0 {
                let k = t.find_word(e, tab.number_joiners).unwrap_or(e);
                if let Some(n) =
                    numbers::parse(t, k, tab, false).filter(|n| n.value >= 0.0 && n.value < 12.0 && n.scale == 1.0)
                {
                    let inches = t.find(n.end, tab.unit_words).filter(|&(_, u)| u == "in").map(|x| x.0);
                    // "12 ft 2 in": "in" is a unit only right there.
                    let inches = inches.or_else(|| (t.norm(n.end) == "in").then_some(n.end + 1));
                    if let Some(e2) = inches {
                        a.num.value += n.value / 12.0;
                        a.num.plain = false;
                        a.end = e2;
                    }
                }
            }
            return Some(a);
        }
    }
    // "a 22-story building", "the 16-nation alliance": a count written as one adjective.
    if t.is_punct(end, '-') && t.glued(end) && t.glued(end + 1) && a.num.scale == 1.0 {
        let w = end + 1;
        let compound_goes_on = t.is_punct(w + 1, '-') && t.glued(w + 1);
        if t.is_word(w)
            && !t.upper(w)
            && t.norm(w).len() > 2
            && !compound_goes_on
            && !tab.stop_words.contains(&t.norm(w))
            && t.find(w, tab.time_units).is_none()
            && t.find(w, tab.months).is_none()
            && t.find(w, tab.weekdays).is_none()
            && a.num.value >= 1.0
            && a.num.value.fract() == 0.0
        {
            a.kind = FigureKind::Count;
            a.unit = Some(t.slice(w, w + 1).to_lowercase());
            a.end = w + 1;
            return Some(a);
        }
    }
    Some(a)
}

/// Percentages or rates are spoken of in the sentence around token `i`: "%", "rate", "taux".
fn rate_context(t: &Tokens, i: usize, tab: &Table) -> bool {
    let stop = |k: usize| matches!(t.norm(k), "." | "!" | "?") && !(t.glued(k + 1) && t.is_num(k + 1));
    let rate = |k: usize| {
        t.is_punct(k, '%') || t.find_word(k, tab.percent_words).is_some() || t.find_word(k, tab.rate_cues).is_some()
    };
    let mut k = i;
    while k > 0 && i - k < 25 && !stop(k - 1) {
        k -= 1;
        if rate(k) {
            return true;
        }
    }
    let mut k = i;
    while k < t.len() && k - i < 15 && !stop(k) {
        if rate(k) {
            return true;
        }
        k += 1;
    }
    false
}

const UNIT_SYMBOLS: &[(&str, &str)] = &[
    ("°", "°"),
    ("° c", "°C"),
    ("° f", "°F"),
    ("° celsius", "°C"),
    ("° fahrenheit", "°F"),
    ("km ²", "km²"),
    ("m ²", "m²"),
    ("km / h", "km/h"),
    ("m / s", "m/s"),
];

fn is_temperature(unit: Option<&str>) -> bool {
    matches!(unit, Some("°" | "degree" | "degré" | "°C" | "°F" | "K"))
}

/// A figure starting at token `i`.
pub fn figure_at(t: &Tokens, i: usize, tab: &Table) -> Option<Fig> {
    // "moins 3 degrés", "- 20 degrees": a sign apart from the number, taken before a temperature.
    let spaced_minus = t.is_punct(i, '-') && t.gap(i + 1) == " " && (i == 0 || !t.glued(i)) && t.is_num(i + 1);
    if spaced_minus || (t.find_word(i, tab.temperature_minus) == Some(i + 1) && t.is_num(i + 1)) {
        let mut f = figure_at_sign(t, i + 1, tab)?;
        if f.modifier.is_none() && f.value.is_some() && is_temperature(f.unit.as_deref()) {
            f.value = f.value.map(|v| -v);
            return Some(f);
        }
        return None;
    }
    let mut f = figure_at_sign(t, i, tab)?;
    // "Section 3C", "Chapter 11F": a name's code, not a temperature.
    let glued_letter = f.end > 1 && t.glued(f.end - 1) && matches!(t.slice(f.end - 1, f.end), "C" | "F");
    // "%2F" in a web address neither.
    let glued_before = t.glued(i) && !matches!(t.norm(i - 1), "(" | "[" | "-" | "+" | "~");
    if glued_letter
        && is_temperature(f.unit.as_deref())
        && (glued_before || (i > 0 && t.is_word(i - 1) && t.upper(i - 1)))
    {
        return None;
    }
    // "15 degrees below zero", "5 °C sous zéro".
    if is_temperature(f.unit.as_deref()) {
        if let (Some(v), Some(e)) = (f.value.filter(|v| *v > 0.0), t.find_word(f.end, tab.below_zero)) {
            f.value = Some(-v);
            f.end = e;
        }
    }
    // Degrees after a turning word are an angle ("rotate 90°", "tourner à 45 degrés"): unit "deg".
    if matches!(f.unit.as_deref(), Some("°" | "degree" | "degré"))
        && (i.saturating_sub(4)..i).any(|k| t.find_word(k, tab.angle_cues).is_some())
    {
        f.unit = Some("deg".into());
    }
    Some(f)
}

fn figure_at_sign(t: &Tokens, i: usize, tab: &Table) -> Option<Fig> {
    let fr = tab.decimal_comma;
    let (mut j, modifier) = match t.find(i, tab.modifiers) {
        // "près d'une centaine": past the elision.
        Some((e, m)) if e > i => (if t.is_punct(e, '\'') && t.glued(e) { e + 1 } else { e }, Some(m)),
        _ => (i, None),
    };
    // "percent of 10", "per cent of twenty-two".
    if let Some(e) = t.find_word(j, tab.percent_words) {
        if let Some(o) = t.find_word(e, tab.of_words) {
            if let Some(n) = numbers::parse(t, o, tab, false) {
                return Some(Fig {
                    end: n.end,
                    kind: FigureKind::Percent,
                    value: Some(n.value),
                    min: None,
                    max: None,
                    unit: Some("%".into()),
                    modifier,
                    approximate: false,
                });
            }
        }
    }
    // Ages: "aged 35", "il a dix ans", "âgé de 6 semaines", but not "il y a dix ans" (ago).
    // A phrase of `list` ending right before `i`, starting at most `back` tokens earlier.
    let ends_here = |list: &[&str], back: usize| {
        (i.saturating_sub(back)..i).any(|s| list.iter().any(|p| t.phrase(s, p) == Some(i)))
    };
    // A person's age in apposition: "Jean Martin, 87 ans, a été…", "Ann Lee, 45 years, and…": a
    // name, a comma, the number, its unit, then a comma, a stop or "and".
    let apposition = |e: usize| {
        i >= 2
            && t.is_punct(i - 1, ',')
            && t.is_word(i - 2)
            && t.upper(i - 2)
            && (e >= t.len() || [",", ".", ")", ";"].contains(&t.norm(e)) || tab.number_joiners.contains(&t.norm(e)))
    };
    let age_cue = || i > 0 && ends_here(tab.age_before, 3) && !ends_here(tab.age_not_before, 4);
    // "aged 35", "ages 5 to 11": no unit needed.
    let explicit_age = || i > 0 && tab.age_explicit.contains(&t.norm(i - 1));
    let age_at = |end: usize| match age_unit(t, end, tab) {
        Some(found) => Some(found).filter(|_| age_cue()),
        None => explicit_age().then_some((end, "year")),
    };
    // A range's second bound takes the age unit after it: "de 20 à 30 ans", "environ 40 - 50 ans".
    let age_bound = |a: &Amount, b: &mut Amount| {
        if a.unit.is_none() && b.unit.is_none() {
            if let Some((e, unit)) = age_at(b.end) {
                b.kind = FigureKind::Quantity;
                b.unit = Some(unit.into());
                b.end = e;
            }
        }
    };
    // "rose from 5% to 7%", "est passé de 5 % à 7 %": a change is two values, not a range.
    let change_at = |e: usize| (e.saturating_sub(3)..e).any(|k| t.find_word(k, tab.change_verbs).is_some());
    let change = change_at(i);
    // At "5%" of "rose from 5% to 7%".
    let after_change = i > 0 && tab.change_opens.contains(&t.norm(i - 1)) && change_at(i - 1);
    // Range frames: "between $60 and $65 billion", "de 5 à 10 millions d'euros".
    for (open, close) in tab.range_pairs {
        if change && tab.change_opens.contains(open) {
            continue;
        }
        if let Some(k) = t.phrase(j, open) {
            let k = t.skip_joiner(k);
            if let Some(a) = amount(t, k, tab) {
                if let Some(m) = t.phrase(a.end, close) {
                    let m = t.skip_joiner(m);
                    if let Some(mut b) = amount(t, m, tab) {
                        age_bound(&a, &mut b);
                        // "from 15% to $415.9 million" is two figures, not a range.
                        let compatible = a.unit.is_none() || b.unit.is_none() || a.unit == b.unit;
                        // "de 1,34 $ à une part": "une" alone is an article.
                        let compatible = compatible && (b.num.digits || b.num.value != 1.0 || b.unit.is_some());
                        if compatible && !not_a_figure(t, k, &a, tab) && !not_a_figure(t, m, &b, tab) {
                            return Some(range(t, a, b, modifier, tab, fr));
                        }
                    }
                }
            }
        }
    }
    // "father-of-three", "Boeing-747": a number inside a hyphenated word.
    if j >= 2 && t.is_punct(j - 1, '-') && t.glued(j - 1) && t.glued(j) && t.is_word(j - 2) {
        return None;
    }
    let mut a = amount(t, j, tab)?;
    if modifier.is_none() && not_a_figure(t, j, &a, tab) {
        return None;
    }
    // "a one-off payment", "one-sided", "one-way": "one" in a compound counts nothing.
    // ("a one-yen bid" is money.)
    if !a.num.digits
        && a.num.value == 1.0
        && matches!(a.kind, FigureKind::Count | FigureKind::Number)
        && t.is_punct(j + 1, '-')
        && t.glued(j + 1)
        && t.glued(j + 2)
    {
        return None;
    }
    if a.unit.is_none() {
        if let Some((e, unit)) = age_unit(t, a.end, tab).filter(|&(e, u)| age_cue() || (u == "year" && apposition(e))) {
            a.kind = FigureKind::Quantity;
            a.unit = Some(unit.into());
            a.end = e;
            return Some(single(t, a, modifier, tab, fr));
        }
    }
    // "nine months", "trois ans", "16-hour": durations belong to dates (not "9 second-graders").
    let hyphenated = |e: usize| t.is_punct(e, '-') && t.glued(e) && t.glued(e + 1) && t.is_word(e + 1);
    if a.unit.is_none() && t.find(t.skip_joiner(a.end), tab.time_units).is_some_and(|(e, _)| !hyphenated(e)) {
        return None;
    }
    // "a third nation", "a fifth term": an ordinal before a noun, not a fraction.
    // Not a ratio: "un patient sur trois renonce", "one in five adults".
    let fraction_word = !a.num.digits
        && a.num.value < 1.0
        && a.num.scale == 1.0
        && a.ratio == Ratio::No
        && tab.one_words.contains(&t.norm(j));
    if fraction_word
        && a.unit.is_none()
        && t.is_word(a.end)
        && !t.gap(a.end).contains('\n')
        && !tab.of_words.contains(&t.norm(a.end))
        && !tab.stop_words.contains(&t.norm(a.end))
    {
        return None;
    }
    // "one" alone is a pronoun or an article far more often than a figure ("the only one who").
    let after_the = i > 0 && tab.the_words.contains(&t.norm(i - 1));
    if !a.num.digits && a.num.value == 1.0 && a.unit.is_none() && (modifier.is_none() || after_the) {
        return None;
    }
    j = a.end;
    // Bare range: "10–20%", "5 to 10 million", "5 à 10".
    let dash = t.is_punct(j, '-');
    let infix = if dash { Some(j + 1) } else { t.find_word(j, tab.range_infix) };
    // "est passé de 12 à 15 millions d'euros", "rose from 5 to 7%": the first value of a change
    // takes the scale and unit of the second.
    if after_change && a.unit.is_none() && a.num.scale == 1.0 {
        if let Some(b) = infix.and_then(|m| amount(t, m, tab)).filter(|b| b.unit.is_some() || b.num.scale > 1.0) {
            // Not "from 120 to 1.5 million": the two numbers as written are of one size.
            let written = b.num.value / b.num.scale;
            let same_size = a.num.value.abs() <= 20.0 * written.abs() && written.abs() <= 20.0 * a.num.value.abs();
            if b.num.scale > 1.0 && a.num.value.abs() < 1000.0 && same_size {
                a.num.value *= b.num.scale;
            }
            if b.unit.is_some() {
                a.kind = b.kind;
                a.unit = b.unit.clone();
            }
        }
    }
    if let Some(m) = infix.filter(|_| !after_change) {
        if a.num.digits == (t.is_num(m) || t.kind(m) == Some(Kind::Punct)) {
            if let Some(mut b) = amount(t, m, tab) {
                age_bound(&a, &mut b);
                let compatible = a.unit.is_none() || a.unit == b.unit;
                let digit_gap = t.digits(m).abs_diff(t.digits(j - 1));
                let phone_like = a.num.plain
                    && b.num.plain
                    && a.unit.is_none()
                    && b.unit.is_none()
                    && dash
                    && (digit_gap > 1 || t.is_punct(b.end, '-'));
                if compatible && b.num.value > a.num.value && !phone_like {
                    return Some(range(t, a, b, modifier, tab, fr));
                }
            }
        }
    }
    if a.unit.is_none() && explicit_age() && t.find(a.end, tab.time_units).is_none() {
        a.kind = FigureKind::Quantity;
        a.unit = Some("year".into());
    }
    Some(single(t, a, modifier, tab, fr))
}

/// A rate's unit after a sum of money: "a litre", "per share", "par mois", "le kilo" → (end, unit).
pub fn per_unit(t: &Tokens, i: usize, tab: &Table) -> Option<(usize, &'static str)> {
    let (k, units) = match t.find_word(i, tab.per_words) {
        Some(k) => (k, tab.rate_units),
        None => (t.find_word(i, tab.per_articles)?, tab.article_rate_units),
    };
    // "3 euros l'heure": past the elided article's apostrophe.
    let k = if t.is_punct(k, '\'') && t.glued(k) && t.glued(k + 1) { k + 1 } else { k };
    if t.gap(i).contains('\n') || t.kind(i) == Some(Kind::Punct) {
        return None;
    }
    let (e, unit) = t.find(k, units)?;
    // "$5 a year ago", "l'heure prévue": a time, not a rate; "a day-long strike" neither.
    let then = t.norm(e);
    if tab.rate_not_before.contains(&then) || (t.is_punct(e, '-') && t.glued(e)) || (t.is_word(e) && t.glued(e)) {
        return None;
    }
    Some((e, unit))
}

/// The age unit of a time word at `i` ("ans", "months"), and its end.
fn age_unit(t: &Tokens, i: usize, tab: &Table) -> Option<(usize, &'static str)> {
    let (e, u) = t.find(i, tab.time_units)?;
    let unit = match u {
        TimeUnit::Year => "year",
        TimeUnit::Month => "month",
        TimeUnit::Week => "week",
        TimeUnit::Day => "day",
        _ => return None,
    };
    Some((e, unit))
}

fn single(t: &Tokens, mut a: Amount, modifier: Option<&'static str>, tab: &Table, fr: bool) -> Fig {
    // "more than 30 and less than 40", "no more than 50 and no less than 20": both bounds.
    let lower = |m: Option<&str>| matches!(m, Some("more_than" | "at_least"));
    let upper = |m: Option<&str>| matches!(m, Some("less_than" | "at_most" | "up_to"));
    if lower(modifier) || upper(modifier) {
        if let Some(k) = t.find_word(a.end, tab.number_joiners) {
            if let Some((m, second)) = t.find(k, tab.modifiers).map(|(m, x)| (m, Some(x))) {
                let ordered = |b: &Amount| {
                    if lower(modifier) {
                        upper(second) && b.num.value > a.num.value
                    } else {
                        lower(second) && b.num.value < a.num.value
                    }
                };
                if let Some(b) = amount(t, m, tab).filter(|b| ordered(b) && b.unit == a.unit) {
                    let (lo, hi) =
                        if a.num.value < b.num.value { (a.num.value, b.num.value) } else { (b.num.value, a.num.value) };
                    let end = b.end;
                    return Fig {
                        end,
                        kind: a.kind,
                        value: None,
                        min: Some(lo),
                        max: Some(hi),
                        unit: a.unit,
                        // Both bounds are in min and max; no single comparison applies.
                        modifier: None,
                        approximate: false,
                    };
                }
            }
        }
    }
    with_noun(t, &mut a, tab, fr);
    let mut modifier = modifier;
    // Not "5000 or more than 4500": that is a second figure.
    let second_figure = |e: usize| {
        t.find(a.end + 1, tab.modifiers).is_some_and(|(me, _)| me > e && numbers::parse(t, me, tab, false).is_some())
    };
    let post = t.find(a.end, tab.post_modifiers).filter(|&(e, _)| !second_figure(e));
    if let Some((e, m)) = post {
        // "equal to 5000 or less": the bound is the post-modifier's.
        if modifier.is_none() || matches!(modifier, Some("about" | "equal")) {
            modifier = Some(m);
            a.end = e;
        }
    }
    let v = a.num.value;
    let (min, max) = match modifier {
        Some("up_to" | "at_most" | "less_than") => (None, Some(v)),
        Some("at_least" | "more_than") => (Some(v), None),
        Some("equal") => (Some(v), Some(v)),
        _ => (None, None),
    };
    Fig { end: a.end, kind: a.kind, value: Some(v), min, max, unit: a.unit, modifier, approximate: a.approximate }
}

fn range(t: &Tokens, mut a: Amount, mut b: Amount, modifier: Option<&'static str>, tab: &Table, fr: bool) -> Fig {
    // "between $60 and $65 billion": the scale of the second bound applies to the first.
    if a.num.scale == 1.0 && b.num.scale > 1.0 && a.num.value.abs() < 1000.0 {
        a.num.value *= b.num.scale;
    }
    with_noun(t, &mut b, tab, fr);
    let (kind, unit) = if b.unit.is_some() { (b.kind, b.unit.clone()) } else { (a.kind, a.unit.clone()) };
    let (lo, hi) = if a.num.value <= b.num.value { (a.num.value, b.num.value) } else { (b.num.value, a.num.value) };
    Fig {
        end: b.end,
        kind,
        value: None,
        min: Some(lo),
        max: Some(hi),
        unit,
        modifier,
        approximate: a.approximate || b.approximate,
    }
}
