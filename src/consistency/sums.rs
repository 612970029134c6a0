//! Sums: a total its listed parts do not add up to ("a total of €48 million: €20 million …,
//! €15 million … and €10 million …"), and shares of one whole that add up past 100 %.

use super::{Doc, fill, finding, join_list, precision, show_amount, show_number};
use crate::model::{Figure, FigureKind, Finding, FindingKind};

/// At most this many words between two parts of a list.
const MAX_GAP_WORDS: usize = 10;

pub(super) fn totals(doc: &Doc) -> Vec<Finding> {
    let mut out = Vec::new();
    for (s, range) in doc.sentences.iter().enumerate() {
        if !doc.sentence_has(s, doc.tab.total)
            || doc.sentence_has(s, doc.tab.partial)
            || doc.sentence_has(s, doc.tab.change)
            || doc.corrected[s]
        {
            continue;
        }
        let in_sentence: Vec<usize> = doc.figures_in(s).collect();
        let Some(t) = in_sentence.iter().position(|&i| is_marked_total(doc, i, range.end)) else { continue };
        let total = &doc.figures[in_sentence[t]];
        // The parts listed after the total, or else before it.
        let after = list_run(doc, &in_sentence[t..], true, true);
        let before: Vec<usize> = {
            let mut run = list_run(doc, &in_sentence[..=t].iter().rev().copied().collect::<Vec<_>>(), false, false);
            run.reverse();
            run
        };
        let parts = if after.len() >= 2 { after } else { before };
        if parts.len() < 2 || !parts.iter().all(|&i| adds_to(&doc.figures[i], total)) {
            continue;
        }
        let exact = |f: &Figure| f.value.filter(|_| matches!(f.modifier.as_deref(), None | Some("only")));
        let (Some(whole), Some(values)) =
            (exact(total), parts.iter().map(|&i| exact(&doc.figures[i])).collect::<Option<Vec<f64>>>())
        else {
            continue;
        };
        let sum: f64 = values.iter().sum();
        let slack = |f: &Figure| precision(f, doc.lang).map_or(0.0, |p| if p.whole { 0.0 } else { p.step / 2.0 });
        let tolerance = slack(total) + parts.iter().map(|&i| slack(&doc.figures[i])).sum::<f64>();
        if (sum - whole).abs() <= tolerance + whole.abs() * 1e-9 {
            continue;
        }
        let shown: Vec<String> = parts.iter().map(|&i| doc.text_of(doc.figures[i].span).to_string()).collect();
        let message = fill(
            doc.tab.messages.total_mismatch,
            &[
                ("parts", &join_list(&shown, doc.tab)),
                ("sum", &show_amount(sum, total, doc.tab)),
                ("total", doc.text_of(total.span)),
            ],
        );
        let mut spans = vec![total.span];
        spans.extend(parts.iter().map(|&i| doc.figures[i].span));
        out.push(finding(FindingKind::TotalMismatch, spans, message));
    }
    out
}

/// Whether figure `i` is the one a total cue marks: right after the cue ("a total of €48
/// million", "in all, 42 people") or right before it ("€50 million in total").
fn is_marked_total(doc: &Doc, i: usize, sentence_end: usize) -> bool {
    let f = &doc.figures[i];
    let before: Vec<String> = doc.words.before(f.span.start, 4);
    let after: Vec<String> = doc.words.after(f.span.end, sentence_end, 3);
    let matches_end = |words: &[String], cue: &[String]| words.len() >= cue.len() && words[..cue.len()] == *cue;
    doc.tab.total.iter().any(|cue| {
        let cue: Vec<String> = cue.split(' ').map(str::to_string).collect();
        let reversed: Vec<String> = cue.iter().rev().cloned().collect();
        matches_end(&before, &reversed) || matches_end(&after, &cue)
    })
}

/// The figures of `order` (the first one, then outwards in text order or against it) that form a
/// list with it: each gap short, holding a comma, semicolon or joining word; with `opening`, the
/// first gap a colon, bracket, dash or comma (a list that follows its total).
fn list_run(doc: &Doc, order: &[usize], forwards: bool, opening: bool) -> Vec<usize> {
    let mut run = Vec::new();
    for pair in order.windows(2) {
        let (near, far) = (&doc.figures[pair[0]], &doc.figures[pair[1]]);
        let (a, b) = if forwards { (near.span.end, far.span.start) } else { (far.span.end, near.span.start) };
        let gap: Vec<_> = doc.words.between(a, b).collect();
        let word_count = gap.iter().filter(|w| !w.norm.is_empty()).count();
        let punct = |set: &[char]| {
            gap.iter().any(|w| w.norm.is_empty() && doc.text[w.start..w.end].chars().all(|c| set.contains(&c)))
        };
        let joined = gap.iter().any(|w| doc.tab.list_joiners.contains(&w.norm.as_str()));
        let opens = run.is_empty() && opening;
        let ok = word_count <= MAX_GAP_WORDS
            && !punct(&['.', '!', '?'])
            && if opens { punct(&[':', '(', '—', '–', ',']) } else { punct(&[',', ';']) || joined };
        if !ok {
            break;
        }
        run.push(pair[1]);
    }
    run
}

/// Whether `part` can be a part of `total`: money of the same currency, a quantity of the same
/// unit, a count (of any noun) of a count.
fn adds_to(part: &Figure, total: &Figure) -> bool {
    use FigureKind::*;
    if part.value.is_none() || part.approximate {
        return false;
    }
    match (part.kind, total.kind) {
        (Money, Money) | (Quantity, Quantity) => part.unit == total.unit,
        (Count | Number, Count | Number) => part.kind == Count || total.kind == Count,
        _ => false,
    }
}

pub(super) fn shares_over_100(doc: &Doc) -> Vec<Finding> {
    let mut out = Vec::new();
    for (s, range) in doc.sentences.iter().enumerate() {
        let shares: Vec<usize> = doc
            .figures_in(s)
            .filter(|&i| doc.figures[i].kind == FigureKind::Percent && doc.figures[i].unit.as_deref() == Some("%"))
            .collect();
        if shares.len() < 2
            || !doc.sentence_has(s, doc.tab.shares_of_one_whole)
            || doc.sentence_has(s, doc.tab.overlapping_shares)
            || doc.sentence_has(s, doc.tab.change)
            || doc.corrected[s]
        {
            continue;
        }
        let mut run = vec![shares[0]];
        run.extend(list_run(doc, &shares, true, false));
        if run.len() < 2 {
            continue;
        }
        // Each share's whole, when named ("45% of men"): all the same, or none named.
        let wholes: Vec<Option<String>> = run.iter().map(|&i| whole_of(doc, &doc.figures[i], range.end)).collect();
        if wholes.iter().any(Option::is_some) && !wholes.windows(2).all(|w| w[0] == w[1]) {
            continue;
        }
        let lows: Option<Vec<f64>> = run.iter().map(|&i| lower_bound(&doc.figures[i])).collect();
        let Some(lows) = lows else { continue };
        let sum: f64 = lows.iter().sum();
        let slack: f64 = run.iter().map(|&i| precision(&doc.figures[i], doc.lang).map_or(0.5, |p| p.step / 2.0)).sum();
        if sum <= 100.0 + slack + 1e-9 {
            continue;
        }
        let shown: Vec<String> = run.iter().map(|&i| doc.text_of(doc.figures[i].span).to_string()).collect();
        let message = fill(
            doc.tab.messages.percent_over_100,
            &[("parts", &join_list(&shown, doc.tab)), ("sum", &show_number(sum, doc.tab))],
        );
        out.push(finding(FindingKind::PercentOver100, run.iter().map(|&i| doc.figures[i].span).collect(), message));
    }
    out
}

/// The least a share can be: its value, its lower bound, or 0 for "up to".
fn lower_bound(f: &Figure) -> Option<f64> {
    if f.approximate {
        return None;
    }
    match (f.value, f.min, f.modifier.as_deref()) {
        (_, _, Some("up_to" | "at_most" | "less_than")) => Some(0.0),
        (_, _, Some("about" | "nearly")) => None,
        (Some(v), _, _) => Some(v),
        (None, Some(lo), _) => Some(lo),
        _ => None,
    }
}

/// The whole a percentage names right after it: "45% of men" → "men".
fn whole_of(doc: &Doc, f: &Figure, sentence_end: usize) -> Option<String> {
    let after = doc.words.after(f.span.end, sentence_end, 4);
    let first = after.first()?;
    if !doc.tab.of_words.contains(&first.as_str()) {
        return None;
    }
    after[1..].iter().find(|w| !doc.tab.neutral.contains(&w.as_str())).map(|w| super::stem(w))
}
