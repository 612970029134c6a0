//! Numbers that are not figures: phone numbers, names ("Windows 11"), house numbers, footnotes.

use super::Amount;
use crate::entities::lang::Table;
use crate::entities::token::{Kind, Tokens};
use crate::model::FigureKind;

/// The end of a phone number starting at `i` ("+44 20 7946 0958", "01 23 45 67 89",
/// "555-123-4567"), if one starts there.
pub fn phone_end(t: &Tokens, i: usize) -> Option<usize> {
    let plus = t.is_punct(i, '+') && t.glued(i + 1);
    let first = if plus { i + 1 } else { i };
    if !t.is_num(first) || (first > 0 && t.glued(first) && !plus && t.kind(first - 1) != Some(Kind::Punct)) {
        return None;
    }
    let (mut groups, mut digits, mut k, mut all_thousands) = (0, 0, first, t.digits(first) <= 3);
    // Separators written with punctuation, and whether the last one was a dot.
    let (mut punct_seps, mut last_dot, mut last_odd) = (0, false, false);
    loop {
        groups += 1;
        digits += t.digits(k);
        if groups > 1 && t.digits(k) != 3 {
            if last_odd {
                all_thousands = false;
            }
            last_odd = true;
        }
        let sep = k + 1;
        if t.is_num(sep) && t.gap(sep).chars().count() == 1 {
            k = sep;
        } else if (t.is_punct(sep, '-') || t.is_punct(sep, '.'))
            && t.glued(sep)
            && t.glued(sep + 1)
            && t.is_num(sep + 1)
        {
            punct_seps += 1;
            last_dot = t.is_punct(sep, '.');
            k = sep + 1;
        } else {
            break;
        }
        if groups > 12 {
            break;
        }
    }
    // "1 234 567.89": decimals after space-separated thousands; any other odd group makes a phone.
    if last_odd && !(last_dot && punct_seps == 1 && groups > 2 && t.digits(k) != 3) {
        all_thousands = false;
    }
    let phone = (plus && groups >= 2 && digits >= 7)
        || (groups >= 3 && digits >= 8 && !all_thousands)
        || (groups >= 4 && t.norm(first).starts_with('0'));
    phone.then_some(k + 1)
}

/// Is the number at `i` a name part ("Llama 4", "COVID-19", "A320"), a phone number, a
/// house number, a footnote or a list number?
pub(super) fn not_a_figure(t: &Tokens, i: usize, a: &Amount, tab: &Table) -> bool {
    let n = t.toks.get(i).map(|x| x.kind);
    if n != Some(Kind::Num) {
        return false;
    }
    // Glued to letters: "A320", "4th", "G7", "737MAX".
    if t.glued(i) && t.is_word(i - 1) {
        return true;
    }
    if a.kind == FigureKind::Number && t.glued(a.end) && t.is_word(a.end) && a.num.scale == 1.0 {
        return true;
    }
    // Footnotes "[3]", "(2)" right after a word.
    if i > 0 && t.is_punct(i - 1, '[') && t.is_punct(a.end, ']') {
        return true;
    }
    if !a.bare {
        return false;
    }
    // "24/7", "9/11", slashed codes.
    let slash_num = |k: usize| t.is_punct(k, '/') && t.glued(k) && t.glued(k + 1) && t.is_num(k + 1);
    if slash_num(a.end) || (i >= 2 && slash_num(i - 1) && t.is_num(i - 2)) {
        return true;
    }
    // Scores and votes: "won 3-1", "passed 52-48".
    let dash_num = |k: usize| t.is_punct(k, '-') && t.glued(k) && t.glued(k + 1) && t.is_num(k + 1);
    if (dash_num(a.end) && t.num_value(a.end + 1).is_some_and(|b| (b as f64) < a.num.value))
        || (i >= 2
            && dash_num(i - 1)
            && t.is_num(i - 2)
            && t.num_value(i - 2).is_some_and(|p| (p as f64) > a.num.value))
    {
        return true;
    }
    // Ordinal suffix or version: "v2", "#1".
    if i > 0 && t.glued(i) && (t.is_punct(i - 1, '#') || t.is_punct(i - 1, '№')) {
        return true;
    }
    // List numbering: "1. ", "2) " at a line start.
    if t.line_start(i) && (t.is_punct(a.end, '.') || t.is_punct(a.end, ')')) && t.glued(a.end) && !t.is_num(a.end + 1) {
        return true;
    }
    // Name + number: "Llama 4", "Windows 11", "COVID-19", "Boeing 737".
    if i > 0 {
        let p = if t.is_punct(i - 1, '-') && t.glued(i) && t.glued(i - 1) { i - 2 } else { i - 1 };
        let word_upper = t.is_word(p)
            && t.slice(p, p + 1).chars().any(char::is_uppercase)
            && !tab.not_names.contains(&t.norm(p))
            && t.find(p, tab.months).is_none()
            && t.find(p, tab.weekdays).is_none();
        // A sentence's first word is capitalized anyway: "Convertir 106 kelvin".
        let sentence_start = p == 0 || t.line_start(p) || (p > 0 && matches!(t.norm(p - 1), "." | "!" | "?" | ":"));
        if word_upper
            && t.gap(p + 1).len() <= 1
            && a.num.value < 1e5
            && !(sentence_start && a.unit.is_some() && !t.slice(p, p + 1).chars().skip(1).any(char::is_uppercase))
        {
            return true;
        }
    }
    // Phone numbers: three or more digit groups, 8+ digits.
    let mut groups = 0;
    let mut digits = 0;
    let mut k = i;
    if i > 0 && t.is_punct(i - 1, '+') {
        return true;
    }
    while t.is_num(k) && digits < 40 {
        groups += 1;
        digits += t.digits(k);
        let sep = k + 1;
        if t.is_num(sep) && t.gap(sep).len() == 1 {
            k = sep;
        } else if (t.is_punct(sep, '-') || t.is_punct(sep, '.'))
            && t.glued(sep)
            && t.glued(sep + 1)
            && t.is_num(sep + 1)
        {
            k = sep + 1;
        } else {
            break;
        }
    }
    // "1 234 567.89" read as one number with thousands groups is not a phone number.
    let grouped = a.num.end > k && !t.norm(i).starts_with('0');
    if groups >= 3 && digits >= 8 && !grouped {
        return true;
    }
    // House numbers: "12 rue de la Paix", "10 Downing Street".
    if t.find_word(a.end, tab.street_words).is_some() && t.is_word(a.end + 1) {
        return true;
    }
    let mut k = a.end;
    while k < a.end + 3 && t.is_word(k) && t.upper(k) {
        k += 1;
        if t.find_word(k, tab.street_words).is_some() {
            return true;
        }
    }
    false
}
