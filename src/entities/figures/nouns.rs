//! The counted noun after an amount: "82 armed men", "12 first-graders", "vingt nouveaux commissaires".

use super::{Amount, Ratio};
use crate::entities::lang::Table;
use crate::entities::token::Tokens;
use crate::model::FigureKind;

/// A counted noun: its words `[start, end)`, or a word for people ("the 1,700 injured").
pub(super) struct Noun {
    start: usize,
    end: usize,
    people: bool,
}

/// The counted noun after an amount ("daily active users", "employés"), if any.
/// `one`: the amount is one, so a singular noun alone is its noun ("1 victim").
pub(super) fn counted_noun(t: &Tokens, i: usize, tab: &Table, fr: bool, after_scale: bool, one: bool) -> Option<Noun> {
    let mut j = i;
    // "3 millions d'habitants", "tens of thousands of visitors".
    if fr || after_scale {
        if let Some(o) = t.find_word(j, tab.of_words) {
            let mut o = t.skip_joiner(o);
            // "two-thirds of the members".
            if let Some(a) = t.find_word(o, tab.the_words) {
                o = t.skip_joiner(a);
            }
            if t.is_word(o) && !tab.stop_words.contains(&t.norm(o)) {
                j = o;
            }
        }
    }
    // A word with the words hyphenated to it: "first-graders", "vice-présidents".
    let word_end = |k: usize| {
        let mut e = k + 1;
        while t.is_punct(e, '-') && t.glued(e) && t.glued(e + 1) && t.is_word(e + 1) && e < k + 6 {
            e += 2;
        }
        e
    };
    let ok = |k: usize| {
        let compound = word_end(k) > k + 1;
        t.is_word(k)
            && !t.gap(k).contains('\n')
            && !t.upper(k)
            && t.norm(k).len() > 1
            && !tab.stop_words.contains(&t.norm(k))
            && (compound || (t.find(k, tab.time_units).is_none() && t.find(k, tab.months).is_none()))
            && t.find(k, tab.weekdays).is_none()
            && t.find(k, tab.number_words).is_none()
    };
    let plural = |k: usize| {
        let w = t.norm(k);
        let singular = tab.singular_endings.iter().any(|e| w.ends_with(e));
        (w.ends_with('s') && !singular) || (fr && w.ends_with('x')) || tab.irregular_plurals.contains(&w)
    };
    // After a year-like number only a plural noun right after makes a count ("2000 employees",
    // not "2025 met", "le bilan 2001 de la délinquance").
    let year_like = t.digits(i.saturating_sub(1)) == 4;
    if year_like && (j != i || !plural(j)) {
        return None;
    }
    // Adjectives that may open the noun: "other people", "nouveaux commissaires", "American victims".
    let lead = |k: usize, capitalized: bool| {
        let same_line = !t.gap(k).contains('\n');
        (same_line && t.is_word(k) && tab.noun_adjectives.contains(&t.norm(k)))
            || (capitalized
                && same_line
                && t.is_word(k)
                && t.upper(k)
                && t.norm(k).len() > 2
                && !tab.stop_words.contains(&t.norm(k)))
    };
    let noun = |end: usize| Some(Noun { start: j, end, people: false });
    if fr {
        if lead(j, false) && ok(word_end(j)) {
            return noun(word_end(word_end(j)));
        }
        // "trois Américains": a people's name is capitalized, its adjective is not.
        let people = lead(j, true) && t.norm(j).ends_with('s');
        return if ok(j) || people { noun(word_end(j)) } else { None };
    }
    let led = !ok(j) && lead(j, true);
    if !ok(j) && !led {
        return None;
    }
    // Up to four words, to the first plural: "82 armed men", "1,000 others outside embassies".
    let mut k = j;
    // "12 Americans living abroad", unless a noun follows the name: "the 3 Jones brothers".
    let mut led_plural = None;
    for step in 0..4 {
        if !(ok(k) || (step == 0 && led)) {
            break;
        }
        let mut e = word_end(k);
        if plural(e - 1) {
            // "250 staff members", "40 police officers": a collective noun as a modifier.
            let collective = tab.irregular_plurals.contains(&t.norm(e - 1));
            if collective && ok(e) && t.gap(e) == " " && plural(word_end(e) - 1) {
                e = word_end(e);
            }
            if !(step == 0 && led) {
                return noun(e);
            }
            led_plural = Some(e);
        }
        k = e;
    }
    if led {
        return led_plural.and_then(noun);
    }
    // "the 1,700 injured", "1,643 wounded there": an adjective standing for people.
    if tab.people_adjectives.contains(&t.norm(j)) {
        return Some(Noun { start: j, end: j + 1, people: true });
    }
    // One singular word: the noun of "one", or of a phrase that ends there ("the 12 staff.");
    // not "three former Warsaw Pact nations", "two very different".
    let e = word_end(j);
    if one || !t.is_word(e) || t.gap(e).contains('\n') {
        return noun(e);
    }
    None
}

pub(super) fn with_noun(t: &Tokens, a: &mut Amount, tab: &Table, fr: bool) {
    if a.unit.is_some() || a.ratio == Ratio::Done {
        return;
    }
    let fraction = !a.num.digits && a.num.value.fract() != 0.0;
    let one = a.num.value == 1.0;
    if let Some(n) = counted_noun(t, a.end, tab, fr, a.approximate || a.num.scale > 1.0 || fraction, one) {
        // "6 of 10 Americans": the noun belongs to the ratio's words, not its unit.
        if a.ratio == Ratio::No {
            a.unit = Some(if n.people { "people".into() } else { t.slice(n.start, n.end).to_lowercase() });
            a.kind = FigureKind::Count;
        }
        a.end = n.end;
    }
}
