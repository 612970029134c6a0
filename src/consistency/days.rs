//! Days said two ways: a weekday written with a date it does not fall on ("Tuesday, March 3,
//! 2025", a Monday), and an event given a relative day ("yesterday", "last Tuesday") and an
//! explicit one that differ.

use super::{Doc, fill, finding, iso_day, quoted};
use crate::model::{DateKind, DateMention, Finding, FindingKind, Granularity, Span};
use chrono::{Datelike, NaiveDate};

/// A date without its year is trusted to this many days from the reference.
const YEARLESS_DAYS: i64 = 183;
/// Words two sentences must share to be about the same event.
const EVENT_SHARED_WORDS: usize = 3;
/// "last Tuesday" may be read as the latest Tuesday or the one before: an explicit date that
/// falls on that weekday this close to the reference is one of the two readings.
const WEEKDAY_READINGS_DAYS: i64 = 14;

pub(super) fn weekdays(doc: &Doc) -> Vec<Finding> {
    let mut out = Vec::new();
    for d in doc.dates {
        if !is_day(d) || !has_digit(&d.text) {
            continue;
        }
        let Some(day) = d.start.as_deref().and_then(iso_day) else { continue };
        let has_year = d.text.split(|c: char| !c.is_ascii_digit()).any(|n| n.len() == 4);
        let near_reference = doc.reference.is_some_and(|r| (day - r).num_days().abs() <= YEARLESS_DAYS);
        if !has_year && !near_reference {
            continue;
        }
        // The weekday: the first word of the date, or the word just before it.
        let first = doc.words.walk(d.span.start..d.span.end, d.span.start, false).find(|w| !w.norm.is_empty());
        let previous = doc.words.walk(0..d.span.start, d.span.start, true).find(|w| !w.norm.is_empty());
        let weekday_of = |w: &super::words::Word| doc.tab.weekdays.iter().position(|name| fold(name) == w.norm);
        let (stated, at) = match (first.and_then(|w| weekday_of(w).map(|k| (k, w))), previous) {
            (Some(found), _) => found,
            (None, Some(w)) if w.end + 3 >= d.span.start => match weekday_of(w) {
                Some(k) => (k, w),
                None => continue,
            },
            _ => continue,
        };
        let actual = day.weekday().num_days_from_monday() as usize;
        if stated == actual {
            continue;
        }
        let stated_text = &doc.text[at.start..at.end];
        let date_text = doc.text[at.end.max(d.span.start)..d.span.end].trim_start_matches([',', ' ', '\u{a0}']);
        let message = fill(
            doc.tab.messages.weekday_mismatch,
            &[("stated", stated_text), ("date", date_text), ("actual", doc.tab.weekdays[actual])],
        );
        let span = Span { start: at.start.min(d.span.start), end: d.span.end };
        out.push(finding(FindingKind::WeekdayMismatch, vec![span], message));
    }
    out
}

/// A relative day is compared with at most this many explicit days on each side of it.
const MAX_COMPARED: usize = 128;

/// A relative day and an explicit day for the same event that differ.
pub(super) fn date_conflicts(doc: &Doc) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some(reference) = doc.reference else { return out };
    let usable = |k: usize| {
        let s = doc.date_sentence[k];
        !doc.corrected.get(s).copied().unwrap_or(true) && !doc.sentence_has(s, doc.tab.change)
    };
    let relative: Vec<usize> = (0..doc.dates.len())
        .filter(|&k| is_day(&doc.dates[k]) && doc.dates[k].relative && !has_digit(&doc.dates[k].text) && usable(k))
        .collect();
    let explicit: Vec<usize> =
        (0..doc.dates.len()).filter(|&k| is_day(&doc.dates[k]) && has_digit(&doc.dates[k].text) && usable(k)).collect();
    for &r in &relative {
        let rd = &doc.dates[r];
        let Some(r_day) = rd.start.as_deref().and_then(iso_day) else { continue };
        // "last Tuesday" or "yesterday"; a bare "Tuesday" is too often the day something was said.
        let named = named_weekday(doc, rd).filter(|_| doc.words.has_any(rd.span.start..rd.span.end, doc.tab.last));
        let fixed = doc.words.has_any(rd.span.start..rd.span.end, doc.tab.relative_days);
        if named.is_none() && !fixed {
            continue;
        }
        let r_context = doc.context(rd.span, doc.date_sentence[r]);
        // The explicit days nearest in the text (all of them in an article; a bound on a page of
        // thousands), in text order.
        let at = explicit.partition_point(|&e| e < r);
        let near = &explicit[at.saturating_sub(MAX_COMPARED)..(at + MAX_COMPARED).min(explicit.len())];
        for &e in near {
            let ed = &doc.dates[e];
            let Some(e_day) = ed.start.as_deref().and_then(iso_day) else { continue };
            if e_day == r_day || doc.date_sentence[e] == doc.date_sentence[r] || !fits(named, e_day, reference) {
                continue;
            }
            let e_context = doc.context(ed.span, doc.date_sentence[e]);
            if !r_context.same_thing_in(&e_context, doc, EVENT_SHARED_WORDS) {
                continue;
            }
            let about = quoted(&r_context.shared_words(&e_context, doc), doc.lang);
            let message = fill(
                doc.tab.messages.date_conflict,
                &[
                    ("a", doc.text_of(rd.span)),
                    ("b", doc.text_of(ed.span)),
                    ("a_value", &r_day.to_string()),
                    ("b_value", &e_day.to_string()),
                    ("about", &about),
                ],
            );
            out.push(finding(FindingKind::DateConflict, vec![rd.span, ed.span], message));
            break;
        }
    }
    out
}

/// Whether an explicit day can stand against a relative one: for "last Tuesday", only a day
/// that is not one of its readings (another weekday, or far from the reference).
fn fits(named: Option<usize>, day: NaiveDate, reference: NaiveDate) -> bool {
    match named {
        Some(k) => {
            day.weekday().num_days_from_monday() as usize != k
                || (day - reference).num_days().abs() > WEEKDAY_READINGS_DAYS
        }
        None => true,
    }
}

/// The weekday a relative date names ("last Tuesday" → 1), Monday = 0.
fn named_weekday(doc: &Doc, d: &DateMention) -> Option<usize> {
    doc.words
        .norms(d.span.start..d.span.end)
        .iter()
        .find_map(|w| doc.tab.weekdays.iter().position(|name| fold(name) == *w))
}

fn is_day(d: &DateMention) -> bool {
    matches!(d.kind, DateKind::Date | DateKind::DateTime)
        && matches!(d.granularity, Granularity::Day | Granularity::Hour | Granularity::Minute | Granularity::Instant)
}

fn has_digit(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
}

fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| crate::entities::token::fold(c, &mut out));
    out
}
