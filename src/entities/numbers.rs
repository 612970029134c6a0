//! Numbers written with digits (locale separators, scale words) or in words.

use super::lang::Table;
use super::token::{Kind, Tokens};

#[derive(Debug, Clone, Copy)]
pub struct Number {
    pub value: f64,
    /// Token after the number.
    pub end: usize,
    /// Written with digits (not words).
    pub digits: bool,
    /// A scale word was applied ("billion", "Md", "m").
    pub scale: f64,
    /// Digits only, no separators, decimals or scale: "2025", "4".
    pub plain: bool,
}

const SPACE_GROUPS: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

fn space_group_gap(g: &str) -> bool {
    let mut cs = g.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if SPACE_GROUPS.contains(&c))
}

/// Parses a number at token `i`. `money` allows glued scale letters ("£1.2m").
/// Unicode vulgar fractions: "½", "⅔".
pub fn vulgar_fraction(s: &str) -> Option<f64> {
    let v = match s {
        "½" => 1.0 / 2.0,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 1.0 / 4.0,
        "¾" => 3.0 / 4.0,
        "⅕" => 1.0 / 5.0,
        "⅖" => 2.0 / 5.0,
        "⅗" => 3.0 / 5.0,
        "⅘" => 4.0 / 5.0,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 1.0 / 8.0,
        "⅜" => 3.0 / 8.0,
        "⅝" => 5.0 / 8.0,
        "⅞" => 7.0 / 8.0,
        _ => return None,
    };
    Some(v)
}

pub fn parse(t: &Tokens, i: usize, tab: &Table, money: bool) -> Option<Number> {
    if t.is_num(i) {
        return parse_digits(t, i, tab, money);
    }
    if let Some(v) = vulgar_fraction(t.norm(i)) {
        return Some(Number { value: v, end: i + 1, digits: true, scale: 1.0, plain: false });
    }
    // ".08": a decimal without its leading zero.
    if t.is_punct(i, '.')
        && !tab.decimal_comma
        && t.is_num(i + 1)
        && t.glued(i + 1)
        && (i == 0 || !t.glued(i))
        && !t.is_punct(i + 2, '.')
    {
        let digits = t.digits(i + 1) as i32;
        let v = t.num_value(i + 1)? as f64 / 10f64.powi(digits);
        return Some(Number { value: v, end: i + 2, digits: true, scale: 1.0, plain: false });
    }
    if t.kind(i) == Some(Kind::Punct)
        && matches!(t.norm(i), "-" | "+")
        && t.is_num(i + 1)
        && t.glued(i + 1)
        && (i == 0 || !t.glued(i))
    {
        let mut n = parse_digits(t, i + 1, tab, money)?;
        // "-4/5": a signed fraction.
        if let Some((v, e)) = slash_fraction(t, i + 1).filter(|_| n.end == i + 2) {
            n.value = v;
            n.end = e;
        }
        if t.norm(i) == "-" {
            n.value = -n.value;
        }
        n.plain = false;
        return Some(n);
    }
    // "minus five", "negative one", "minus 5".
    if tab.minus_words.contains(&t.norm(i)) {
        let mut n = if t.is_num(i + 1) { parse_digits(t, i + 1, tab, false)? } else { parse_words(t, i + 1, tab)? };
        n.value = -n.value;
        n.plain = false;
        return Some(n);
    }
    // "half a million", "quarter million", "a quarter of a million".
    let (f, i0) = if t.is_word(i + 1) && tab.one_words.contains(&t.norm(i)) && fraction_of(t, i + 1, tab).is_some() {
        (i + 1, i)
    } else {
        (i, i)
    };
    if let Some(d) = fraction_of(t, f, tab).filter(|_| t.is_word(f)) {
        let mut k = f + 1;
        if let Some(o) = t.find_word(k, tab.of_words).filter(|_| f > i0) {
            k = o;
        }
        if tab.one_words.contains(&t.norm(k)) && t.norm(k) != "one" {
            k += 1;
        }
        if let Some((_, s)) = tab.scale_words.iter().find(|(w, _)| *w == t.norm(k)) {
            return Some(Number { value: s / d as f64, end: k + 1, digits: false, scale: *s, plain: false });
        }
        // "half a mile", "half a percent": the fraction of a unit.
        let unit = t.find(k, tab.unit_words).is_some() || t.find_word(k, tab.percent_words).is_some();
        if f == i0 && k == f + 2 && unit {
            return Some(Number { value: 1.0 / d as f64, end: k, digits: false, scale: 1.0, plain: false });
        }
    }
    if t.is_word(i) { parse_words(t, i, tab) } else { None }
}

fn parse_digits(t: &Tokens, i: usize, tab: &Table, money: bool) -> Option<Number> {
    let mut int = String::from(t.norm(i));
    let mut j = i + 1;
    let first_len = int.len();
    let mut plain = true;
    // Indian grouping: "12,34,567", "1,00,000" (pairs, then a last group of three).
    if !tab.decimal_comma && first_len <= 2 {
        let pair = |k: usize, n: usize| t.is_punct(k, ',') && t.glued(k) && t.glued(k + 1) && t.digits(k + 1) == n;
        let mut k = j;
        while pair(k, 2) {
            k += 2;
        }
        if k > j && pair(k, 3) {
            for g in (j..k + 2).step_by(2) {
                int.push_str(t.norm(g + 1));
            }
            j = k + 2;
            plain = false;
        }
    }
    // Thousands groups.
    if first_len <= 3 && plain {
        loop {
            let group_mark = if tab.decimal_comma { '.' } else { ',' };
            let sep_ok = (t.is_punct(j, group_mark) && t.glued(j) && t.glued(j + 1) && t.digits(j + 1) == 3)
                || (t.is_num(j) && t.digits(j) == 3 && space_group_gap(t.gap(j)));
            if !sep_ok {
                break;
            }
            let k = if t.is_num(j) { j } else { j + 1 };
            // "1.500.2" is not a number with groups: stop if a dot follows immediately a dot group.
            int.push_str(t.norm(k));
            j = k + 1;
            plain = false;
            if int.len() > 18 {
                break;
            }
        }
    }
    let mut frac = String::new();
    let dec_sep = |c: char| if tab.decimal_comma { c == ',' || c == '.' } else { c == '.' };
    if t.kind(j) == Some(Kind::Punct) && t.glued(j) && t.glued(j + 1) && t.is_num(j + 1) {
        let c = t.norm(j).chars().next().unwrap_or(' ');
        if dec_sep(c) && !(t.is_punct(j + 2, c) && t.glued(j + 2) && t.is_num(j + 3)) {
            frac.push_str(t.norm(j + 1));
            j += 2;
            plain = false;
        }
    }
    let had_frac = !frac.is_empty();
    // "2 1/4": a mixed number.
    if frac.is_empty() && plain && int.len() <= 3 && matches!(t.gap(j), " " | "  ") {
        if let Some((f, e)) = slash_fraction(t, j).filter(|&(f, _)| f < 1.0) {
            let whole: f64 = int.parse().ok()?;
            return Some(Number { value: whole + f, end: e, digits: true, scale: 1.0, plain: false });
        }
    }
    let text = if frac.is_empty() { int } else { format!("{int}.{frac}") };
    let mut value: f64 = text.parse().ok()?;
    // "2½", "1 ¾".
    if !had_frac && plain {
        if let Some(f) = vulgar_fraction(t.norm(j)).filter(|_| t.gap(j).len() <= 1) {
            value += f;
            j += 1;
            plain = false;
        }
    }
    // Scientific notation: "1e10", "12.32e+14", "1.3e6".
    if t.norm(j) == "e" && t.glued(j) {
        let (sign, k) = match t.norm(j + 1) {
            "-" if t.glued(j + 1) => (-1, j + 2),
            "+" if t.glued(j + 1) => (1, j + 2),
            _ => (1, j + 1),
        };
        if t.is_num(k) && t.glued(k) && t.digits(k) <= 3 {
            let exp = t.num_value(k)? as i32 * sign;
            value *= 10f64.powi(exp);
            j = k + 1;
            plain = false;
        }
    }
    // "1.3x10^6", "6.23 × 10^-4".
    if matches!(t.norm(j), "x" | "×")
        && t.gap(j).len() <= 1
        && t.num_value(j + 1) == Some(10)
        && t.gap(j + 1).len() <= 1
    {
        let k = j + 2;
        if t.is_punct(k, '^') && t.glued(k) && t.glued(k + 1) {
            let (sign, e) = match t.norm(k + 1) {
                "-" | "−" if t.glued(k + 2) => (-1, k + 2),
                "+" if t.glued(k + 2) => (1, k + 2),
                _ => (1, k + 1),
            };
            if t.is_num(e) && t.digits(e) <= 3 {
                value *= 10f64.powi(t.num_value(e)? as i32 * sign);
                j = e + 1;
                plain = false;
            }
        }
    }
    let mut scale = 1.0;
    // "3 hundred and 21", "322 hundred".
    if plain && tab.hundred_words.contains(&t.norm(j)) && t.is_word(j) && t.find(j, tab.currency_words).is_none() {
        value *= 100.0;
        j += 1;
        if let Some(k) = t.find_word(j, tab.number_joiners) {
            if let Some(n) =
                parse_digits(t, k, tab, false).filter(|n| n.value < 100.0 && n.value.fract() == 0.0 && n.scale == 1.0)
            {
                value += n.value;
                j = n.end;
            }
        }
        return Some(Number { value, end: j, digits: true, scale: 1.0, plain: false });
    }
    // Scale word.
    let k = t.skip_joiner(j);
    if let Some((e, s)) = t.find(k, tab.scale_words).or_else(|| t.find(k, tab.scale_abbrevs)) {
        scale = s;
        j = e;
    } else if t.slice(j, j + 1) == "k" && t.gap(j) == " " && !t.is_word(j + 1) && !t.is_num(j + 1) {
        // "2.33 k" (thousands), not "5 k race".
        scale = 1e3;
        j += 1;
    } else if t.gap(j) == " " && t.glued(j + 1) && ["€", "$", "£"].iter().any(|c| t.slice(j + 1, j + 2) == *c) {
        // "25 M€", "300 k€": the scale letter glued to the currency symbol, the number apart.
        if let Some((e, s)) = t.find(j, tab.scale_letters).filter(|&(e, _)| e == j + 1) {
            scale = s;
            j = e;
        }
    } else if (money || (t.norm(j).len() == 1 && (t.upper(j) || t.norm(j) == "k"))) && t.glued(j) && !t.is_num(j + 1) {
        if let Some((e, s)) = t.find(j, tab.scale_letters) {
            // "$5m", but not "5 min" (the word must end there).
            scale = s;
            j = e;
        }
    }
    // "1.5 lakh crore", "two thousand crore": a larger scale word multiplies.
    if scale != 1.0 {
        if let Some((e, s)) = t.find(j, tab.scale_words).filter(|&(_, s)| s > scale) {
            scale *= s;
            j = e;
        }
    }
    value *= scale;
    if scale != 1.0 {
        plain = false;
        // "4 thousand 3 hundred and 21".
        if t.is_num(j) && tab.hundred_words.contains(&t.norm(j + 1)) {
            if let Some(n) = parse_digits(t, j, tab, false).filter(|n| n.value < scale) {
                value += n.value;
                j = n.end;
            }
        }
    }
    let mut n = Number { value, end: j, digits: true, scale, plain };
    and_a_half(t, tab, &mut n);
    Some(n)
}

fn word_value(t: &Tokens, i: usize, tab: &Table) -> Option<u32> {
    t.value_in(i, tab.number_words)
}

/// A whole count ("two", "3"): no fractions, so "two quarters" stays two of a unit.
pub fn parse_count(t: &Tokens, i: usize, tab: &Table) -> Option<Number> {
    if t.is_word(i) { parse_words_with(t, i, tab, false) } else { parse(t, i, tab, false) }
}

fn parse_words(t: &Tokens, i: usize, tab: &Table) -> Option<Number> {
    parse_words_with(t, i, tab, true)
}

fn parse_words_with(t: &Tokens, i: usize, tab: &Table, fractions: bool) -> Option<Number> {
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut j = i;
    let mut any = false;
    let mut last_unit: Option<u32> = None;
    let mut scale = 1.0;
    let mut end = i;
    loop {
        let w = t.norm(j);
        if !t.is_word(j) {
            break;
        }
        if let Some(v) = word_value(t, j, tab) {
            if v == 20 && last_unit == Some(4) && tab.decimal_comma {
                current += 76.0; // quatre-vingt(s)
            } else if last_unit.is_some() && v < 10 && (current as u64) % 10 != 0 {
                break; // "one two" is not a number
            } else {
                current += v as f64;
            }
            last_unit = Some(v);
            any = true;
        } else if tab.hundred_words.contains(&w) && !(w == "cents" && current >= 10.0) {
            current = if current == 0.0 { 100.0 } else { current * 100.0 };
            last_unit = None;
            any = true;
        } else if let Some(s) = t.value_in(j, tab.scale_words).as_ref() {
            // "dozens of", "des milliers": approximate magnitudes, not a scale.
            if !any && (!tab.decimal_comma || tab.magnitudes.iter().any(|(m, _)| *m == w)) {
                break;
            }
            if current == 0.0 && total > 0.0 && *s > scale {
                total *= s; // "three lakh crore", "a thousand million"
                scale *= s;
            } else {
                total += if current == 0.0 { 1.0 } else { current } * s;
                scale = *s;
            }
            current = 0.0;
            last_unit = None;
            any = true;
        } else if !any && tab.one_words.contains(&w) {
            // "a million", "un milliard", "a third": only before a hundred, scale or fraction word.
            let n = t.skip_joiner(j + 1);
            let next = t.norm(n);
            if tab.hundred_words.contains(&next)
                || t.value_in(n, tab.scale_words).is_some()
                || fraction_of(t, n, tab).is_some()
            {
                current = 1.0;
                any = true;
                j = n;
                end = n;
                continue;
            }
            if word_value(t, j, tab).is_none() {
                break;
            }
        } else if any && tab.number_joiners.contains(&w) {
            let n = j + 1;
            // "and three quarters" is a fraction for `and_a_half`, not more units.
            let fraction_next = fraction_of(t, t.skip_joiner(n + 1), tab).is_some();
            if word_value(t, n, tab).is_some() && (current > 0.0 || total > 0.0) && !fraction_next {
                j = n;
                continue;
            }
            break;
        } else {
            break;
        }
        j += 1;
        end = j;
        // Hyphens join "twenty-five", "quatre-vingt-dix".
        let n = t.skip_joiner(j);
        if n != j
            && t.is_word(n)
            && (word_value(t, n, tab).is_some() || tab.hundred_words.contains(&t.norm(n)) || t.norm(n) == "et")
        {
            j = n;
        }
    }
    if !any {
        return None;
    }
    let mut value = total + current;
    // Fractions: "two thirds", "a quarter", "trois quarts".
    if fractions && scale == 1.0 && value > 0.0 && value < 100.0 && value.fract() == 0.0 {
        let k = t.skip_joiner(end);
        // Not "deux huitièmes de finale" (rounds of a cup).
        let round = || t.find_word(k + 1, tab.fraction_not_before).is_some();
        if let Some(d) = fraction_of(t, k, tab).filter(|_| t.is_word(k) && !round()) {
            let plural = t.norm(k).ends_with('s') || t.norm(k) == "tiers";
            if value == 1.0 || plural {
                value /= d as f64;
                end = k + 1;
                // "a quarter million", "un demi-million".
                let mut scale = 1.0;
                let se = t.skip_joiner(end);
                if let Some((_, s)) = tab.scale_words.iter().find(|(w, _)| *w == t.norm(se)) {
                    scale = *s;
                    value *= s;
                    end = se + 1;
                }
                return Some(Number { value, end, digits: false, scale, plain: false });
            }
        }
    }
    // Decimals said in words: "two point five", "nine point nought four", "point seventy-one".
    if tab.decimal_words.contains(&t.norm(end)) {
        if let Some(d) = t.num_value(end + 1).filter(|_| t.digits(end + 1) <= 6) {
            let digits = t.digits(end + 1) as i32;
            value += d as f64 / 10f64.powi(digits);
            end += 2;
        } else if let Some((frac, e)) = word_decimals(t, end + 1, tab) {
            value += frac;
            end = e;
        }
    }
    let mut n = Number { value, end, digits: false, scale, plain: false };
    and_a_half(t, tab, &mut n);
    Some(n)
}

/// The digits after a decimal word, said in words: "nought four" → 0.04, "seventy-one" → 0.71.
fn word_decimals(t: &Tokens, i: usize, tab: &Table) -> Option<(f64, usize)> {
    let mut digits = String::new();
    let mut j = i;
    while digits.len() < 8 && t.is_word(j) {
        match word_value(t, j, tab) {
            Some(v) if v < 10 => {
                digits.push_str(&v.to_string());
                j += 1;
            }
            Some(v) if (10..100).contains(&v) => {
                let n = parse_words_with(t, j, tab, false).filter(|n| n.value < 100.0 && n.value.fract() == 0.0)?;
                digits.push_str(&(n.value as u32).to_string());
                j = n.end;
                break;
            }
            _ => break,
        }
    }
    if digits.is_empty() {
        return None;
    }
    let v: f64 = format!("0.{digits}").parse().ok()?;
    Some((v, j))
}

/// "4/5" at `i` (numerator, glued slash, denominator): its value and end, when it reads as a
/// fraction (denominator 2–100, not a date-like pair followed by another slash).
pub fn slash_fraction(t: &Tokens, i: usize) -> Option<(f64, usize)> {
    if !t.is_num(i) || !t.is_punct(i + 1, '/') || !t.glued(i + 1) || !t.glued(i + 2) || !t.is_num(i + 2) {
        return None;
    }
    if t.is_punct(i + 3, '/') && t.glued(i + 3) {
        return None;
    }
    let n = t.num_value(i)? as f64;
    let d = t.num_value(i + 2)? as f64;
    if !(2.0..=100.0).contains(&d) || n >= d * 10.0 {
        return None;
    }
    Some((n / d, i + 3))
}

fn fraction_of(t: &Tokens, i: usize, tab: &Table) -> Option<u32> {
    t.value_in(i, tab.fraction_words)
}

/// "three million and a half", "deux millions et demi", "three and a fifth", "two and fifty-four
/// hundredths".
fn and_a_half(t: &Tokens, tab: &Table, n: &mut Number) {
    if n.value.fract() == 0.0 && tab.number_joiners.contains(&t.norm(n.end)) && t.is_word(n.end + 1) {
        if let Some(f) = parse_words(t, n.end + 1, tab) {
            // "three and a fifth"; "five billion and three quarters" (of the scale); "one
            // billion and a half million".
            let add = if f.scale == 1.0 && f.value > 0.0 && f.value < 1.0 {
                Some(f.value * n.scale)
            } else if n.scale > 1.0 && f.scale > 1.0 && f.value < n.scale && f.value > 0.0 && f.value < f.scale {
                Some(f.value)
            } else {
                None
            };
            if let Some(add) = add {
                n.value += add;
                n.end = f.end;
                n.plain = false;
                return;
            }
        }
    }
    // "one-and-a-half".
    let at = if t.is_punct(n.end, '-') && t.glued(n.end) && t.glued(n.end + 1) { n.end + 1 } else { n.end };
    for phrase in tab.and_a_half {
        if let Some(e) = t.phrase(at, phrase) {
            n.value += 0.5 * n.scale;
            n.end = e;
            n.plain = false;
            // "five and a half million".
            if n.scale == 1.0 {
                if let Some((e2, s)) = t.find(e, tab.scale_words).filter(|&(_, s)| s >= 1e3) {
                    n.value *= s;
                    n.scale = s;
                    n.end = e2;
                }
            }
            return;
        }
    }
}
