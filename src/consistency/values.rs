//! The same quantity given two values: two figures of the same unit, in two sentences about the
//! same thing at the same time, whose values cannot both hold. When one of the two sentences
//! is a speaker's, the question names the speaker.

use super::{Context, Doc, fill, finding, interval, quoted, unit_key};
use crate::hash::{FastMap, FastSet};
use crate::model::{Figure, FigureKind, Finding, FindingKind, Span};

/// Each figure is compared with at most this many figures of its unit after it (in text order):
/// more than an article gives, and it keeps a page of many thousands of figures linear.
const MAX_COMPARED: usize = 128;

pub(super) fn conflicting_values(doc: &Doc) -> Vec<Finding> {
    // Figures that can be compared, grouped by unit.
    let mut by_unit: FastMap<String, Vec<usize>> = FastMap::default();
    for (i, f) in doc.figures.iter().enumerate() {
        if Doc::is_vague(f)
            || doc.is_negated(i)
            || (f.kind == FigureKind::Count && !is_plain_count(f))
            || f.value == Some(0.0)
            || f.text.contains('\n')
        {
            continue;
        }
        if let Some(unit) = unit_key(f) {
            by_unit.entry(format!("{:?}:{unit}", f.kind)).or_default().push(i);
        }
    }
    let mut units: Vec<_> = by_unit.into_iter().collect();
    crate::sort::sort(&mut units);
    let mut speakers: Option<Vec<Option<String>>> = None;
    let mut out = Vec::new();
    for (_, members) in units {
        // A sentence with two figures of a unit compares or lists them: left out.
        let mut per_sentence: FastMap<usize, usize> = FastMap::default();
        for &i in &members {
            *per_sentence.entry(doc.figure_sentence[i]).or_default() += 1;
        }
        let alone: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| per_sentence[&doc.figure_sentence[i]] == 1)
            .filter(|&i| !doc.sentence_has(doc.figure_sentence[i], doc.tab.change))
            // "among the 705 journals", "including 200 teachers": a part, not the whole.
            .filter(|&i| !doc.sentence_has(doc.figure_sentence[i], doc.tab.partial))
            .collect();
        let contexts: Vec<Context> = alone.iter().map(|&i| doc.figure_context(i)).collect();
        let mut reported: FastSet<usize> = FastSet::default();
        for (x, &i) in alone.iter().enumerate() {
            for (y, &j) in alone.iter().enumerate().skip(x + 1).take(MAX_COMPARED) {
                let (a, b) = (&doc.figures[i], &doc.figures[j]);
                let (Some(ia), Some(ib)) = (interval(a, doc.lang), interval(b, doc.lang)) else { continue };
                if ia.0 <= ib.1 && ib.0 <= ia.1 {
                    continue;
                }
                let (sa, sb) = (doc.figure_sentence[i], doc.figure_sentence[j]);
                if !doc.same_time(sa, sb) || !contexts[x].same_thing_in(&contexts[y], doc, 2) {
                    continue;
                }
                // One question per value already questioned.
                if reported.contains(&i) || reported.contains(&j) {
                    continue;
                }
                let speakers = speakers.get_or_insert_with(|| sentence_speakers(doc));
                let speaker = |s: usize| speakers.get(s).cloned().flatten();
                // Two sentences that name different people, places or firms, and none in common,
                // are about different subjects (the speaker's own name aside).
                let disjoint = |a: &[String], b: &[String]| a.iter().all(|n| !b.contains(n));
                let (na, nb) = (doc.names(sa, speaker(sa).as_deref()), doc.names(sb, speaker(sb).as_deref()));
                if !na.is_empty()
                    && !nb.is_empty()
                    && disjoint(&na, &nb)
                    && disjoint(&doc.names(sa, None), &doc.names(sb, None))
                {
                    continue;
                }
                reported.extend([i, j]);
                let about = quoted(&contexts[x].shared_words(&contexts[y], doc), doc.lang);
                let spans = vec![a.span, b.span];
                out.push(match (speaker(sa), speaker(sb)) {
                    (Some(p), None) => speaker_finding(doc, &p, a.span, b.span, &about),
                    (None, Some(p)) => speaker_finding(doc, &p, b.span, a.span, &about),
                    _ => finding(
                        FindingKind::ConflictingValues,
                        spans,
                        fill(
                            doc.tab.messages.conflicting_values,
                            &[("a", doc.text_of(a.span)), ("b", doc.text_of(b.span)), ("about", &about)],
                        ),
                    ),
                });
            }
        }
    }
    out
}

fn speaker_finding(doc: &Doc, speaker: &str, said: Span, elsewhere: Span, about: &str) -> Finding {
    let message = fill(
        doc.tab.messages.speaker_figure,
        &[("speaker", speaker), ("a", doc.text_of(said)), ("b", doc.text_of(elsewhere)), ("about", about)],
    );
    finding(FindingKind::SpeakerFigure, vec![said, elsewhere], message)
}

/// The speaker of each sentence of `doc`, when it is attributed (same sentence split).
fn sentence_speakers(doc: &Doc) -> Vec<Option<String>> {
    let attributed: FastMap<(usize, usize), Option<String>> = crate::claims::attribution::speakers(doc.text, doc.lang)
        .into_iter()
        .map(|(r, speaker)| ((r.start, r.end), speaker))
        .collect();
    doc.sentences.iter().map(|r| attributed.get(&(r.start, r.end)).cloned().flatten()).collect()
}

/// Counts smaller than this are too often different groups ("two commissioners", "four
/// commissioners") to be compared.
const MIN_COUNT: f64 = 10.0;

/// A count written in digits, whole and not small: "1,200 workers", not "five women out of
/// twenty" (a ratio) or "two seats".
fn is_plain_count(f: &Figure) -> bool {
    f.value.is_some_and(|v| v.fract() == 0.0 && v >= MIN_COUNT)
        && f.text.chars().any(|c| c.is_ascii_digit())
        && !looks_like_year_or_id(&f.text)
}

/// A bare run of digits that is rather a year ("the 2013 census") or a number that names
/// something ("bug 1676388") than a count.
fn looks_like_year_or_id(text: &str) -> bool {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let year = digits.len() == 4 && digits.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y));
    year || digits.len() >= 5
}
