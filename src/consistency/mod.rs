//! The article against itself: places where one article disagrees with itself.
//!
//! From the figures and dates already found, [`find`] looks for the same quantity given two
//! values ([`values`]), totals their listed parts do not make and shares of one whole past
//! 100 % ([`sums`]), and days said two ways that do not agree ([`days`]). Each finding is worded
//! as a question (per-language wording in [`lang`]), never as a verdict. A false alarm on an honest
//! article costs more than a miss, so every rule stands back when the text gives a reason two
//! values may both hold: a change or comparison, a different period, a correction, a partial list.

mod days;
pub mod lang;
mod sums;
mod values;
mod words;

use crate::lang::Lang;
use crate::model::{DateMention, Figure, FigureKind, Finding, FindingKind, Granularity, Span};
use chrono::{NaiveDate, NaiveDateTime};
use std::ops::Range;
use words::Words;

/// Everything the rules read of one article. Spans are byte offsets into `text`.
pub(crate) struct Doc<'a> {
    text: &'a str,
    lang: Lang,
    tab: &'static lang::Table,
    words: Words,
    sentences: &'a [Range<usize>],
    figures: &'a [Figure],
    dates: &'a [DateMention],
    reference: Option<NaiveDate>,
    /// Sentence index of each figure and date.
    figure_sentence: Vec<usize>,
    date_sentence: Vec<usize>,
    /// Sentences inside a correction notice.
    corrected: Vec<bool>,
}

/// The findings of one article, in text order. Spans are byte offsets into `text`, like the
/// spans of `figures` and `dates` (found in the same `text`).
pub fn find(
    text: &str,
    lang: Lang,
    figures: &[Figure],
    dates: &[DateMention],
    reference: Option<NaiveDateTime>,
) -> Vec<Finding> {
    if figures.is_empty() && dates.is_empty() {
        return Vec::new();
    }
    find_in(text, &crate::claims::sentences::split(text, lang), lang, figures, dates, reference)
}

/// [`find`] in a text already split by [`crate::claims::sentences::split`] (`sentences`).
pub fn find_in(
    text: &str,
    sentences: &[Range<usize>],
    lang: Lang,
    figures: &[Figure],
    dates: &[DateMention],
    reference: Option<NaiveDateTime>,
) -> Vec<Finding> {
    if figures.is_empty() && dates.is_empty() {
        return Vec::new();
    }
    let doc = Doc::new(text, sentences, lang, figures, dates, reference.map(|r| r.date()));
    let mut findings = values::conflicting_values(&doc);
    findings.extend(sums::totals(&doc));
    findings.extend(sums::shares_over_100(&doc));
    findings.extend(days::weekdays(&doc));
    findings.extend(days::date_conflicts(&doc));
    crate::sort::sort_by_key(&mut findings, |f| f.spans.first().map(|s| (s.start, s.end)));
    findings
}

impl<'a> Doc<'a> {
    fn new(
        text: &'a str,
        sentences: &'a [Range<usize>],
        lang: Lang,
        figures: &'a [Figure],
        dates: &'a [DateMention],
        reference: Option<NaiveDate>,
    ) -> Self {
        let tab = lang::table(lang);
        let sentence_at = |pos: usize| sentences.partition_point(|r| r.end <= pos).min(sentences.len());
        let figure_sentence = figures.iter().map(|f| sentence_at(f.span.start)).collect();
        let date_sentence = dates.iter().map(|d| sentence_at(d.span.start)).collect();
        let words = Words::new(text);
        let mut doc = Doc {
            text,
            lang,
            tab,
            words,
            corrected: vec![false; sentences.len()],
            sentences,
            figures,
            dates,
            reference,
            figure_sentence,
            date_sentence,
        };
        doc.corrected = doc.correction_sentences();
        doc
    }

    /// The sentences of a block (paragraph) that holds a correction notice.
    fn correction_sentences(&self) -> Vec<bool> {
        let mut out = vec![false; self.sentences.len()];
        let mut block_start = 0;
        // The sentences are marked up to here already (each block is filled once).
        let mut filled = 0;
        for i in 0..self.sentences.len() {
            let new_block = i == 0
                || self.text.get(self.sentences[i - 1].end..self.sentences[i].start).is_some_and(|g| g.contains('\n'));
            if new_block {
                block_start = i;
            }
            if i >= filled && self.sentence_has(i, self.tab.correction) {
                out[block_start..=i].iter_mut().for_each(|c| *c = true);
                // And the rest of the block.
                let mut j = i + 1;
                while j < self.sentences.len()
                    && !self
                        .text
                        .get(self.sentences[j - 1].end..self.sentences[j].start)
                        .is_some_and(|g| g.contains('\n'))
                {
                    out[j] = true;
                    j += 1;
                }
                filled = j;
            }
        }
        out
    }

    /// The figures of sentence `s`, as a range of indices into `figures` (figures and dates come
    /// in text order, as `entities::find` gives them, so each sentence's are contiguous).
    fn figures_in(&self, s: usize) -> Range<usize> {
        self.figure_sentence.partition_point(|&x| x < s)..self.figure_sentence.partition_point(|&x| x <= s)
    }

    /// The dates of sentence `s`, as a range of indices into `dates` (see [`Doc::figures_in`]).
    fn dates_in(&self, s: usize) -> Range<usize> {
        self.date_sentence.partition_point(|&x| x < s)..self.date_sentence.partition_point(|&x| x <= s)
    }

    /// Whether byte `pos` lies inside a figure or a date (binary search: both lists are sorted
    /// and their spans do not overlap).
    fn in_entity(&self, pos: usize) -> bool {
        let f = self.figures.partition_point(|f| f.span.end <= pos);
        let d = self.dates.partition_point(|d| d.span.end <= pos);
        self.figures.get(f).is_some_and(|f| f.span.start <= pos)
            || self.dates.get(d).is_some_and(|d| d.span.start <= pos)
    }

    /// The byte range of sentence `i` (empty past the end).
    fn sentence(&self, i: usize) -> Range<usize> {
        self.sentences.get(i).cloned().unwrap_or(self.text.len()..self.text.len())
    }

    /// Whether sentence `i` holds one of the word sequences of `cues`.
    fn sentence_has(&self, i: usize, cues: &'static [&'static str]) -> bool {
        let r = self.sentence(i);
        self.words.has_any(r, cues)
    }

    /// Whether the figure is an estimate, a bound of unknown size or an order of magnitude.
    fn is_vague(f: &Figure) -> bool {
        f.approximate || (f.value.is_none() && (f.min.is_none() || f.max.is_none()))
    }

    /// Whether figure `i` is denied or corrected where it stands ("not $450 million"), or stands
    /// in a correction notice.
    fn is_negated(&self, i: usize) -> bool {
        let Some(f) = self.figures.get(i) else { return true };
        self.corrected.get(self.figure_sentence[i]).copied().unwrap_or(false)
            || self.words.before(f.span.start, 2).iter().any(|w| self.tab.negation.contains(&w.as_str()))
    }

    /// The periods (months and longer) a sentence is about, as `[start, end)` days; a sentence
    /// that names none is about the present, the reference day, when there is one.
    fn periods(&self, sentence: usize) -> Vec<(NaiveDate, NaiveDate)> {
        let mut out: Vec<(NaiveDate, NaiveDate)> = self.dates[self.dates_in(sentence)]
            .iter()
            .filter(|d| coarse(d.granularity))
            .filter_map(|d| {
                let (start, end) = (iso_day(d.start.as_deref()?)?, iso_day(d.end.as_deref()?)?);
                // "since the office opened in March": from March to now.
                let since =
                    self.words.before(d.span.start, SINCE_WORDS).iter().any(|w| self.tab.since.contains(&w.as_str()));
                let now = self.reference.and_then(|r| r.succ_opt()).filter(|_| since);
                Some((start, now.map_or(end, |n| n.max(end))))
            })
            .collect();
        if out.is_empty()
            && let Some(r) = self.reference
        {
            out.push((r, r.succ_opt().unwrap_or(r)));
        }
        out
    }

    /// The days and times of day a sentence names ("on Monday", "at 6 p.m."), as normalized.
    fn moments(&self, sentence: usize) -> Vec<&str> {
        self.dates[self.dates_in(sentence)]
            .iter()
            .filter(|d| !coarse(d.granularity) && d.kind != crate::model::DateKind::Duration)
            .map(|d| d.value.as_str())
            .collect()
    }

    /// Whether two sentences speak of the same time: their periods overlap (or neither names
    /// one), and when both name days or times of day, one of them is the same.
    fn same_time(&self, a: usize, b: usize) -> bool {
        let (ma, mb) = (self.moments(a), self.moments(b));
        if !ma.is_empty() && !mb.is_empty() && ma.iter().all(|m| !mb.contains(m)) {
            return false;
        }
        let (pa, pb) = (self.periods(a), self.periods(b));
        if pa.is_empty() || pb.is_empty() {
            return pa.is_empty() && pb.is_empty();
        }
        pa.iter().any(|x| pb.iter().any(|y| x.0 < y.1 && y.0 < x.1))
    }

    /// The names in sentence `i` (capitalized words past its first word, outside figures and
    /// dates), folded, with the words of `speaker` left out.
    fn names(&self, i: usize, speaker: Option<&str>) -> Vec<String> {
        let r = self.sentence(i);
        let speaker: Vec<String> = speaker.map_or_else(Vec::new, |p| self.words.norms_of(p));
        let mut first = true;
        let mut after_break = true;
        let mut out = Vec::new();
        for w in self.words.walk(r.clone(), r.start, false) {
            if w.norm.is_empty() {
                // A quote or colon starts a new sentence-like run: its first word is not a name.
                after_break = self.text[w.start..w.end].chars().any(|c| "\"“«:".contains(c));
                continue;
            }
            let capital = self.text[w.start..].starts_with(char::is_uppercase);
            if capital
                && !first
                && !after_break
                && !w.number
                && !self.in_entity(w.start)
                && !self.tab.neutral.contains(&w.norm.as_str())
                && !speaker.contains(&w.norm)
            {
                out.push(w.norm.clone());
            }
            first = false;
            after_break = false;
        }
        out
    }

    fn text_of(&self, s: Span) -> &str {
        self.text.get(s.start..s.end).unwrap_or("")
    }

    /// The context of a figure: the words around it, and for a count its counted noun (the
    /// "teachers" of "200 new teachers"), which says most of what it counts.
    fn figure_context(&self, i: usize) -> Context {
        let f = &self.figures[i];
        let mut ctx = self.context(f.span, self.figure_sentence[i]);
        if f.kind == FigureKind::Count {
            let noun = self
                .words
                .walk(f.span.start..f.span.end, f.span.start, false)
                .filter(|w| !w.number && w.norm.len() >= 2 && !self.tab.neutral.contains(&w.norm.as_str()))
                .map(|w| ContextWord { norm: stem(&w.norm), distance: 1, in_clause: true, start: w.start });
            let mut after: Vec<ContextWord> = noun.collect();
            after.append(&mut ctx.after);
            ctx.after = after;
        }
        ctx
    }

    /// The content words around `span` in its sentence, nearest first, with the words of
    /// figures and dates left out. See [`Context`].
    fn context(&self, span: Span, sentence: usize) -> Context {
        let r = self.sentence(sentence);
        let skip = |start: usize| self.in_entity(start);
        let mut ctx = Context::default();
        for (side, backwards) in [(&mut ctx.before, true), (&mut ctx.after, false)] {
            let mut clause = true;
            let mut n = 0;
            for w in self.words.walk(r.clone(), if backwards { span.start } else { span.end }, backwards) {
                if w.clause_break {
                    // The clause ends here; past it only while the clause gave too little.
                    if side.iter().filter(|c: &&ContextWord| c.in_clause).count() >= 2 {
                        break;
                    }
                    clause = false;
                    continue;
                }
                if w.number || skip(w.start) || self.tab.neutral.contains(&w.norm.as_str()) || w.norm.len() < 2 {
                    continue;
                }
                n += 1;
                side.push(ContextWord { norm: stem(&w.norm), distance: n, in_clause: clause, start: w.start });
                if n >= CONTEXT_WORDS {
                    break;
                }
            }
        }
        ctx
    }
}

/// How far before a period "since" makes it run to the present, in words.
const SINCE_WORDS: usize = 6;
/// How many content words each side of a figure is read.
const CONTEXT_WORDS: usize = 6;
/// Share of weighted context two mentions must have in common to be about the same thing.
const SAME_THING: f32 = 0.45;

#[derive(Debug, Clone)]
struct ContextWord {
    norm: String,
    /// 1 for the nearest content word on its side.
    distance: usize,
    /// In the same clause as the figure (no comma, colon or bracket between).
    in_clause: bool,
    start: usize,
}

/// The words that say what a figure or date is about.
#[derive(Debug, Clone, Default)]
struct Context {
    before: Vec<ContextWord>,
    after: Vec<ContextWord>,
}

impl Context {
    fn all(&self) -> impl Iterator<Item = &ContextWord> {
        self.before.iter().chain(&self.after)
    }

    fn has(&self, norm: &str) -> bool {
        self.all().any(|w| w.norm == norm)
    }

    /// Whether `self` and `other` speak of the same thing: enough of their words in common, near
    /// the figure, and no word of one standing where the other has a different one ("the bridge
    /// will cost" / "the tunnel will cost").
    fn same_thing(&self, other: &Context) -> bool {
        // Words past the figure's clause count half.
        let weight = |w: &ContextWord| if w.in_clause { 2.0 } else { 1.0 } / (w.distance as f32 + 1.0);
        let (mut shared, mut total) = (0.0f32, 0.0f32);
        for (a, b) in [(self, other), (other, self)] {
            for w in a.all() {
                total += weight(w);
                if b.has(&w.norm) {
                    shared += weight(w);
                }
            }
        }
        let distinct_shared = {
            let mut s: Vec<&str> = self.all().filter(|w| other.has(&w.norm)).map(|w| w.norm.as_str()).collect();
            crate::sort::sort(&mut s);
            s.dedup();
            s.len()
        };
        distinct_shared >= 2 && total > 0.0 && shared / total >= SAME_THING && !self.substituted(other)
    }

    /// The number of distinct words `self` shares with `other`, and whether one of them is a
    /// common word (lowercase in the text): names alone say who, not what.
    fn overlap(&self, other: &Context, doc: &Doc) -> (usize, bool) {
        let mut shared: Vec<&ContextWord> = self.all().filter(|w| other.has(&w.norm)).collect();
        crate::sort::sort_by(&mut shared, |a, b| a.norm.cmp(&b.norm));
        shared.dedup_by(|a, b| a.norm == b.norm);
        let common = shared.iter().any(|w| doc.text[w.start..].starts_with(|c: char| c.is_lowercase()));
        (shared.len(), common)
    }

    /// [`Self::same_thing`], with at least `min_shared` words in common and one a common word.
    fn same_thing_in(&self, other: &Context, doc: &Doc, min_shared: usize) -> bool {
        let (n, common) = self.overlap(other, doc);
        n >= min_shared && common && self.same_thing(other)
    }

    /// A word of one clause standing where the other clause has a word it lacks, after the
    /// same nearer words: the two sentences speak of different things in the same frame.
    fn substituted(&self, other: &Context) -> bool {
        for (a, b) in [(&self.before, &other.before), (&self.after, &other.after)] {
            for (x, y) in a.iter().zip(b.iter()) {
                if !x.in_clause || !y.in_clause {
                    break;
                }
                if x.norm == y.norm {
                    continue;
                }
                if !other.has(&x.norm) && !self.has(&y.norm) {
                    return true;
                }
                break;
            }
        }
        false
    }

    /// The shared words, in the order of `self` in the text, at most four: what both are about.
    fn shared_words(&self, other: &Context, doc: &Doc) -> Vec<String> {
        let mut words: Vec<&ContextWord> = self.all().filter(|w| other.has(&w.norm)).collect();
        crate::sort::sort_by_key(&mut words, |w| w.start);
        words.dedup_by(|a, b| a.norm == b.norm);
        words.iter().take(4).map(|w| doc.text[doc.words.original(w.start)].to_string()).collect()
    }
}

/// A light stem for comparing words: plural endings off.
fn stem(w: &str) -> String {
    let w = w.strip_suffix("'s").unwrap_or(w);
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        return w[..w.len() - 1].to_string();
    }
    if w.len() > 3 && w.ends_with('x') {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

fn coarse(g: Granularity) -> bool {
    matches!(
        g,
        Granularity::Month
            | Granularity::Quarter
            | Granularity::Half
            | Granularity::Year
            | Granularity::Decade
            | Granularity::Century
    )
}

fn iso_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// What a figure's unit is, for comparing figures: the currency, "%", the unit symbol or the
/// counted noun's last word without its plural.
fn unit_key(f: &Figure) -> Option<String> {
    match f.kind {
        FigureKind::Money | FigureKind::Percent | FigureKind::Quantity => f.unit.clone(),
        FigureKind::Count => {
            let unit = f.unit.as_deref()?.to_lowercase();
            unit.split_whitespace().last().map(stem)
        }
        FigureKind::Number => None,
    }
}

/// The values a figure allows, `[low, high]`, given its modifier and how precisely it is written.
fn interval(f: &Figure, lang: Lang) -> Option<(f64, f64)> {
    if let (None, Some(lo), Some(hi)) = (f.value, f.min, f.max) {
        return Some((lo, hi));
    }
    let v = f.value?;
    let half = precision(f, lang).map_or(0.0, |p| p.step / 2.0);
    Some(match f.modifier.as_deref() {
        Some("up_to" | "at_most" | "less_than") => (0.0, v),
        Some("at_least" | "more_than") => (v, f64::INFINITY),
        Some("about") => (v * 0.85, v * 1.15),
        Some("nearly") => (v * 0.85, v),
        Some("only" | "equal") | None => (v - half, v + half),
        Some(_) => return None,
    })
}

/// How a number is written: the step of its last written digit (1e9 for "$60 billion", 100
/// for "1,200", 0.1 for "4.1%") and whether a plain integer was written out in full.
struct Precision {
    step: f64,
    /// An integer without a scale word ("57", "1,213"): an exact count.
    whole: bool,
}

fn precision(f: &Figure, lang: Lang) -> Option<Precision> {
    let v = f.value?;
    let text = &f.text;
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let run: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let run = run.trim_end_matches(|c: char| !c.is_ascii_digit());
    let decimal = if lang == Lang::Fr { ',' } else { '.' };
    let (int_part, decimals) = match run.rfind(decimal) {
        // A separator followed by exactly three digits groups thousands.
        Some(i) if run.len() - i - 1 != 3 || lang == Lang::Fr => (&run[..i], &run[i + 1..]),
        _ => (run, ""),
    };
    let digits: String = int_part.chars().filter(char::is_ascii_digit).collect();
    let mantissa: f64 = format!("{digits}.{}", if decimals.is_empty() { "0" } else { decimals }).parse().ok()?;
    if mantissa == 0.0 {
        return None;
    }
    let scale = 10f64.powi((v / mantissa).abs().log10().round() as i32);
    let exponent = -(decimals.len() as i32);
    if decimals.is_empty() && scale <= 1.0 {
        let zeros = digits.len() - digits.trim_end_matches('0').len();
        // "3,000" is read to two significant digits at least: not "2,500" rounded.
        let zeros = zeros.min(digits.len().saturating_sub(2));
        return Some(Precision { step: 10f64.powi(zeros as i32), whole: true });
    }
    Some(Precision { step: scale * 10f64.powi(exponent), whole: false })
}

/// A sum or total shown in a question, in the words of the article's language.
fn show_amount(v: f64, f: &Figure, tab: &lang::Table) -> String {
    let (scaled, word) = if v.abs() >= 1e9 {
        (v / 1e9, Some(if v.abs() >= 2e9 { tab.billion.1 } else { tab.billion.0 }))
    } else if v.abs() >= 1e6 {
        (v / 1e6, Some(if v.abs() >= 2e6 { tab.million.1 } else { tab.million.0 }))
    } else {
        (v, None)
    };
    let number = show_number(scaled, tab);
    let unit = match f.kind {
        FigureKind::Percent => Some("%".to_string()),
        FigureKind::Money | FigureKind::Quantity => f.unit.clone(),
        FigureKind::Count | FigureKind::Number => None,
    };
    [Some(number), word.map(str::to_string), unit].into_iter().flatten().collect::<Vec<_>>().join(" ")
}

fn show_number(v: f64, tab: &lang::Table) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let int = rounded.trunc().abs() as u64;
    let mut grouped = String::new();
    let digits = int.to_string();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push_str(tab.thousands_separator);
        }
        grouped.push(c);
    }
    let frac = ((rounded.abs() - int as f64) * 100.0).round() as u64;
    let sign = if rounded < 0.0 { "-" } else { "" };
    if frac == 0 {
        format!("{sign}{grouped}")
    } else {
        let frac = format!("{frac:02}");
        format!("{sign}{grouped}{}{}", tab.decimal_separator, frac.trim_end_matches('0'))
    }
}

/// "a, b and c" in the article's language.
fn join_list(items: &[String], tab: &lang::Table) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{}{last}", rest.join(", "), tab.and),
    }
}

/// Quoted words, as the article's language quotes them.
fn quoted(words: &[String], lang: Lang) -> String {
    let inner = words.join(" ");
    match lang {
        Lang::En => format!("“{inner}”"),
        Lang::Fr => format!("« {inner} »"),
    }
}

/// Fills the `{name}` placeholders of a message template.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

fn finding(kind: FindingKind, mut spans: Vec<Span>, message: String) -> Finding {
    crate::sort::sort(&mut spans);
    spans.dedup();
    Finding { kind, spans, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(text: &str, value: f64) -> Figure {
        Figure { text: text.into(), value: Some(value), ..Default::default() }
    }

    #[test]
    fn precision_follows_the_written_digits() {
        let step = |t, v, l| precision(&fig(t, v), l).map(|p| p.step);
        assert_eq!(step("$60 billion", 60e9, Lang::En), Some(1e9));
        assert_eq!(step("3.35 billion users", 3.35e9, Lang::En), Some(1e7));
        assert_eq!(step("1,200 workers", 1200.0, Lang::En), Some(100.0));
        assert_eq!(step("1,213 workers", 1213.0, Lang::En), Some(1.0));
        assert_eq!(step("4.1%", 4.1, Lang::En), Some(0.1));
        assert_eq!(step("3,2 millions d'euros", 3.2e6, Lang::Fr), Some(1e5));
        assert_eq!(step("2 500 dossiers", 2500.0, Lang::Fr), Some(100.0));
        assert_eq!(step("three people", 3.0, Lang::En), None);
    }

    #[test]
    fn sums_are_shown_in_the_article_language() {
        let euros = Figure { kind: FigureKind::Money, unit: Some("EUR".into()), ..fig("€20 million", 20e6) };
        assert_eq!(show_amount(45e6, &euros, lang::table(Lang::En)), "45 million EUR");
        assert_eq!(show_amount(2.5e9, &euros, lang::table(Lang::Fr)), "2,5 milliards EUR");
        assert_eq!(show_number(12345.0, lang::table(Lang::En)), "12,345");
        assert_eq!(join_list(&["a".into(), "b".into(), "c".into()], lang::table(Lang::Fr)), "a, b et c");
    }
}
