//! Key claims: check-worthy sentences, their kind and who makes them.
//!
//! Sentences ([`sentences`]) are scored by a small logistic-regression model ([`model`], trained
//! by `examples/train_claims.rs` on CT24 check-worthiness data) over hashed words and cue
//! features ([`features`], cue tables in [`lang`]); [`key_claims`] ranks them by that score and
//! by their importance in the article (lead position, overlap with the title, centrality,
//! figures, dates, attribution), merges near-duplicates and skips headings and questions.

use crate::hash::{FastMap, FastSet};
use crate::lang::Lang;
use crate::model::{Claim, ClaimKind, DateMention, Figure, Span};
use std::ops::Range;

pub mod attribution;
pub mod features;
pub mod lang;
pub mod model;
pub mod sentences;

use attribution::attribute_all;
use features::{Cue, words, words_and_cues};

/// What the claim finder sees of an article. Spans of `figures` and `dates` are byte offsets
/// into `text`.
pub struct ClaimContext<'a> {
    pub text: &'a str,
    pub title: &'a str,
    pub lang: Lang,
    pub figures: &'a [Figure],
    pub dates: &'a [DateMention],
}

/// Check-worthiness of one sentence: the calibrated probability, in [0, 1], that a fact-checker
/// would check it (see [`decision_threshold`]).
pub fn check_worthiness(sentence: &str, lang: Lang) -> f32 {
    let features = features::features(sentence, lang);
    model::builtin().map_or(0.0, |m| m.score(&features))
}

/// The probability from which a sentence is called check-worthy (F1-best on debates the model
/// had not seen).
pub fn decision_threshold() -> f32 {
    model::builtin().map_or(0.5, |m| m.decision)
}

/// [`check_worthiness`] of a sentence whose words and cues are known.
fn worthiness_of(words: &[String], cue: &Cue) -> f32 {
    model::builtin().map_or(0.0, |m| m.score(&features::features_with(words, cue)))
}

/// The decision cut of the model with which the ranking's weights and floors were last checked
/// (seed article, speakers scorer).
const RANKING_DECISION: f32 = 0.373;

/// A probability on the scale the ranking was set with: the same log-odds from the decision
/// cut as under the model's own calibration, so that recalibrating the model (another offset)
/// leaves the ranking and the floors as they were.
fn on_ranking_scale(p: f32) -> f32 {
    // ln in f64, as `model::sigmoid` takes exp: the same last bit natively and in wasm.
    let logit = |p: f32| {
        let p = f64::from(p.clamp(1e-6, 1.0 - 1e-6));
        (p / (1.0 - p)).ln() as f32
    };
    model::sigmoid(logit(p) - logit(decision_threshold()) + logit(RANKING_DECISION))
}

/// Sentences shorter than this (in words) are not claims.
const MIN_WORDS: usize = 6;
/// Model probability (on the ranking scale) under which a sentence without figure, date or
/// speaker is not a claim.
const MIN_WORTHINESS: f32 = 0.15;
/// Content-word overlap above which two sentences say the same thing.
const DUPLICATE_OVERLAP: f32 = 0.45;

struct Candidate {
    range: Range<usize>,
    cue: Cue,
    worthiness: f32,
    speaker: Option<String>,
    quoted_share: f32,
    figures: Vec<String>,
    dates: Vec<String>,
    content: FastSet<String>,
    /// `content` as word ids of the page's vocabulary, sorted.
    content_ids: Vec<u32>,
    /// Sum of the rarity of the content words.
    content_weight: f32,
    /// Capitalized words after the first (names of people, companies, places).
    names: Vec<String>,
    /// "likely", "could", "might"…
    hedged: bool,
    /// Starts inside a quote opened in an earlier sentence: a fragment of it.
    inside_quote: bool,
    position: usize,
    importance: f32,
}

/// The article's key claims, best first, at most `max`. Spans are byte offsets into `ctx.text`.
pub fn key_claims(ctx: &ClaimContext<'_>, max: usize) -> Vec<Claim> {
    if max == 0 || ctx.text.trim().is_empty() {
        return Vec::new();
    }
    key_claims_in(ctx, &sentences::split(ctx.text, ctx.lang), max)
}

/// [`key_claims`] of a text already split by [`sentences::split`] (`ranges`).
pub fn key_claims_in(ctx: &ClaimContext<'_>, ranges: &[Range<usize>], max: usize) -> Vec<Claim> {
    if max == 0 || ctx.text.trim().is_empty() {
        return Vec::new();
    }
    let text = ctx.text;
    let attributions = attribute_all(text, ranges, ctx.lang);
    crate::timing::mark("claims: attribution");
    let title_words = content_words(ctx.title);

    let figure_spans = SpanIndex::new(ctx.figures.iter().map(|f| &f.span));
    let date_spans = SpanIndex::new(ctx.dates.iter().map(|d| &d.span));
    let mut lines = LineCursor::default();
    let mut candidates = Vec::new();
    let mut seen: FastSet<&str> = FastSet::default();
    for (r, attribution) in ranges.iter().zip(attributions) {
        let line = lines.line_of(text, r);
        let sentence = &text[r.clone()];
        let (sentence_words, cue) = words_and_cues(sentence, ctx.lang);
        if cue.words < MIN_WORDS
            || cue.question
            || cue.call_to_action
            || is_heading(line)
            || starts_lowercase(sentence)
            || is_caption(sentence, ctx.lang)
            || has_link(sentence)
        {
            continue;
        }
        // A sentence repeated word for word counts once, where it first appears.
        if sentence.trim() == ctx.title.trim() || !seen.insert(sentence) {
            continue;
        }
        let quoted: usize = attribution.quotes.iter().map(|q| q.len()).sum();
        let mut figures: Vec<String> = figure_spans.within(r).map(|i| ctx.figures[i].text.clone()).collect();
        // The figures module, when it ran, is the judge of what is a figure: "Covid-19", "14 h 30"
        // or "1er mai" are none.
        if ctx.figures.is_empty() {
            figures = number_phrases(sentence);
        }
        let found_dates: Vec<&DateMention> = date_spans.within(r).map(|i| &ctx.dates[i]).collect();
        // "now", "for years": in time, but nothing to check a claim against.
        let mut dates: Vec<String> =
            found_dates.iter().filter(|d| anchors_in_time(d)).map(|d| d.text.clone()).collect();
        if found_dates.is_empty() {
            dates = date_phrases(sentence, ctx.lang);
        }
        let worthiness = worthiness_of(&sentence_words, &cue);
        // The model read the cue words as they are; the reasons and the kind take their sense.
        let cue = without_other_senses(cue, &sentence_words, ctx.lang);
        // Unremarkable sentences with nothing to check are not claims, however few there are.
        if on_ranking_scale(worthiness) < MIN_WORTHINESS
            && figures.is_empty()
            && dates.is_empty()
            && found_dates.is_empty()
            && attribution.speaker.is_none()
        {
            continue;
        }
        candidates.push(Candidate {
            range: r.clone(),
            worthiness,
            speaker: attribution.speaker,
            quoted_share: quoted as f32 / r.len().max(1) as f32,
            figures,
            dates,
            content: content_words_of(&sentence_words),
            content_ids: Vec::new(),
            content_weight: 0.0,
            names: inner_names(sentence),
            hedged: is_hedged(&sentence_words, ctx.lang),
            inside_quote: starts_inside_quote(sentence),
            position: candidates.len(),
            importance: 0.0,
            cue,
        });
    }
    crate::timing::mark("claims: features, model");
    let frequency = sentence_frequency(&mut candidates);
    let rarity = rarity(&mut candidates, &frequency);
    rank(&mut candidates, &title_words, &frequency);

    // Near-duplicates (an FAQ answer repeating the body) count once: as the earlier sentence,
    // at the better one's importance.
    // Only the best few hundred are compared, so that very long pages stay linear.
    let mut distinct: Vec<(&Candidate, f32)> = Vec::new();
    for c in candidates.iter().take(max.saturating_mul(20).max(200)) {
        match distinct.iter().position(|(k, _)| overlap(k, c, &rarity) >= DUPLICATE_OVERLAP) {
            Some(k) if c.position < distinct[k].0.position => distinct[k].0 = c,
            Some(_) => {}
            None => distinct.push((c, c.importance)),
        }
    }
    // Greedy selection with a diversity penalty: a claim much like one already chosen, or by a
    // speaker already quoted, says less that is new.
    // Per remaining candidate: its greatest overlap with a chosen one, and whether its speaker
    // was chosen; updated with each choice rather than recomputed over all chosen ones.
    let mut chosen: Vec<&Candidate> = Vec::new();
    let mut similar = vec![0.0f32; distinct.len()];
    let mut same_speaker = vec![false; distinct.len()];
    while chosen.len() < max && !distinct.is_empty() {
        let adjusted: Vec<f32> = distinct
            .iter()
            .zip(similar.iter().zip(&same_speaker))
            .map(|(&(_, importance), (&similar, &same))| importance - 0.15 * similar - 0.05 * f32::from(same))
            .collect();
        let best = (0..distinct.len()).max_by(|&a, &b| {
            adjusted[a].total_cmp(&adjusted[b]).then(distinct[b].0.position.cmp(&distinct[a].0.position))
        });
        let Some(best) = best else { break };
        let pick = distinct.remove(best).0;
        similar.remove(best);
        same_speaker.remove(best);
        for (((c, _), similar), same) in distinct.iter().zip(similar.iter_mut()).zip(same_speaker.iter_mut()) {
            *similar = similar.max(overlap(pick, c, &rarity));
            *same |= c.speaker.is_some() && pick.speaker == c.speaker;
        }
        chosen.push(pick);
    }
    let claims = chosen.into_iter().map(|c| to_claim(text, c, &title_words)).collect();
    crate::timing::mark("claims: ranking");
    claims
}

/// Gives each candidate's content words ids ([`Candidate::content_ids`]); returns the number of
/// candidates each word id appears in.
fn sentence_frequency(candidates: &mut [Candidate]) -> Vec<f32> {
    let mut ids: FastMap<String, u32> = FastMap::default();
    let mut frequency: Vec<f32> = Vec::new();
    for c in candidates.iter_mut() {
        // In word order, not the set's: ids (and the float sums over them) must not depend on the
        // hasher, whose order differs between the native build and wasm32.
        let mut words: Vec<&String> = c.content.iter().collect();
        crate::sort::sort(&mut words);
        let mut content_ids: Vec<u32> = words
            .into_iter()
            .map(|w| {
                let next = ids.len() as u32;
                let id = *ids.entry(w.clone()).or_insert(next);
                if id == next {
                    frequency.push(0.0);
                }
                frequency[id as usize] += 1.0;
                id
            })
            .collect();
        crate::sort::sort(&mut content_ids);
        c.content_ids = content_ids;
    }
    frequency
}

/// Inverse sentence frequency of each content word id: words that recur everywhere weigh
/// little. Also sets each candidate's [`Candidate::content_weight`].
fn rarity(candidates: &mut [Candidate], frequency: &[f32]) -> Vec<f32> {
    let n = candidates.len() as f32;
    let rarity: Vec<f32> = frequency.iter().map(|&d| f64::from(1.0 + n / d).ln() as f32).collect();
    for c in candidates.iter_mut() {
        c.content_weight = c.content_ids.iter().map(|&w| rarity[w as usize]).sum();
    }
    rarity
}

/// Orders candidates by check-worthiness and importance, best first.
fn rank(candidates: &mut [Candidate], title_words: &FastSet<String>, frequency: &[f32]) {
    let centrality: Vec<f32> = candidates
        .iter()
        .map(|c| {
            // Share of the sentence's words that recur elsewhere in the article.
            let shared: f32 = c.content_ids.iter().map(|&w| (frequency[w as usize] - 1.0).min(3.0)).sum();
            shared / (3.0 * c.content_ids.len().max(1) as f32)
        })
        .collect();
    let top_centrality = centrality.iter().copied().fold(f32::EPSILON, f32::max);
    let n = candidates.len().max(1) as f32;
    for (c, central) in candidates.iter_mut().zip(centrality) {
        let lead = 1.0 - c.position as f32 / n;
        let title = if title_words.is_empty() { 0.0 } else { overlap_of(title_words, &c.content) };
        // Concrete anchors make a claim checkable: a figure, a date, a named source, names beyond
        // the title's, a plan, a cause, a comparison; hedges ("likely", "could") and vague
        // statements make it less so.
        let direct_quote = c.speaker.is_some() && c.quoted_share >= 0.25;
        let attributed = if direct_quote {
            0.15
        } else if c.speaker.is_some() {
            0.08
        } else {
            0.0
        };
        let new_names = c.names.iter().filter(|n| !title_words.contains(&n.to_lowercase())).count().min(2) as f32;
        let anchored = !c.figures.is_empty() || !c.dates.is_empty() || c.speaker.is_some() || new_names > 0.0;
        let hedged = c.hedged && c.figures.is_empty();
        let evidence = 0.12 * f32::from(!c.figures.is_empty())
            + 0.05 * f32::from(!c.dates.is_empty())
            + attributed
            + 0.04 * new_names
            + 0.06 * f32::from(c.cue.prediction.is_some() && !hedged)
            + 0.04 * f32::from(c.cue.causal.is_some())
            + 0.04 * f32::from(c.cue.superlative.is_some() || c.cue.comparative == Some("than"))
            - 0.06 * f32::from(hedged)
            - 0.05 * f32::from(!anchored);
        let too_long = if c.cue.words > 60 { 0.1 } else { 0.0 };
        let fragment = if c.inside_quote { 0.15 } else { 0.0 };
        // The model learnt from debates, where "will" statements are promises; in an article, a
        // quoted statement of a named speaker is itself a checkable fact, and so is a figure.
        let floor = if !c.figures.is_empty() {
            0.5
        } else if direct_quote {
            0.45
        } else {
            0.0
        };
        let worthiness = on_ranking_scale(c.worthiness).max(floor);
        c.importance = 0.5 * worthiness + 0.10 * lead + 0.10 * title + 0.10 * central / top_centrality + evidence
            - too_long
            - fragment;
    }
    crate::sort::sort_by(candidates, |a, b| b.importance.total_cmp(&a.importance).then(a.position.cmp(&b.position)));
}

fn to_claim(text: &str, c: &Candidate, title_words: &FastSet<String>) -> Claim {
    let kind = kind_of(c);
    let mut reasons = Vec::new();
    for f in c.figures.iter().take(2) {
        reasons.push(format!("has figure: {f}"));
    }
    if let Some(d) = c.dates.first() {
        reasons.push(format!("has date: {d}"));
    }
    if let Some(s) = &c.speaker {
        reasons.push(format!("attributed to {s}"));
    }
    if c.quoted_share > 0.0 && kind == ClaimKind::Quote {
        reasons.push("direct quote".into());
    }
    if let Some(p) = c.cue.prediction {
        let plan = [
            "plan", "intend", "aim", "project", "budget", "pledge", "vow", "prévoit", "prévu", "compte", "entend",
            "envisage", "vise", "projet", "objectif", "s'engage",
        ];
        reasons.push(if plan.iter().any(|w| p.contains(w)) { "plan".into() } else { format!("prediction: {p}") });
    }
    if let Some(w) = c.cue.comparative.filter(|_| kind == ClaimKind::Comparison).or(c.cue.superlative) {
        reasons.push(format!("comparison: {w}"));
    }
    if let Some(w) = c.cue.causal.filter(|_| kind == ClaimKind::Causal) {
        reasons.push(format!("causal: {w}"));
    }
    if !title_words.is_empty() && overlap_of(title_words, &c.content) >= 0.3 {
        reasons.push("echoes the title".into());
    }
    if c.worthiness >= decision_threshold() {
        let why = features::why_checkworthy(&c.cue);
        reasons.push(if why.is_empty() {
            format!("check-worthy ({:.2})", c.worthiness)
        } else {
            format!("check-worthy ({:.2}): {}", c.worthiness, why.join(", "))
        });
    }
    Claim {
        span: Span { start: c.range.start, end: c.range.end },
        text: text[c.range.clone()].to_string(),
        score: c.worthiness,
        kind,
        speaker: c.speaker.clone(),
        reasons,
    }
}

/// Statistic (a figure), quote (an attributed or mostly quoted statement), prediction (plan or
/// forecast), comparison, causal, or other — the first that applies, quote first.
fn kind_of(c: &Candidate) -> ClaimKind {
    let scale_words = [
        "hundreds",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "percent",
        "milliards",
        "millions",
        "pour cent",
    ];
    let text_has_scale = c.content.iter().any(|w| scale_words.contains(&w.as_str()));
    if c.quoted_share >= 0.5 || (c.quoted_share > 0.0 && c.speaker.is_some() && c.quoted_share >= 0.25) {
        ClaimKind::Quote
    } else if !c.figures.is_empty() || c.cue.percent || c.cue.money || text_has_scale {
        ClaimKind::Statistic
    } else if c
        .cue
        .prediction
        .is_some_and(|p| !["could", "might", "may", "likely", "pourrait", "pourraient"].contains(&p))
    {
        ClaimKind::Prediction
    } else if c
        .cue
        .comparative
        .is_some_and(|w| ["than", "more", "less", "fewer", "plus", "moins", "autant"].contains(&w))
        || c.cue.superlative.is_some()
    {
        ClaimKind::Comparison
    } else if c.cue.causal.is_some() {
        ClaimKind::Causal
    } else {
        ClaimKind::Other
    }
}

/// Spans of figures or dates, sorted by start, to find those inside a sentence without
/// scanning them all.
struct SpanIndex {
    /// (start, end, index in the original order), sorted.
    by_start: Vec<(usize, usize, usize)>,
    /// Indices of spans that end before they start (never expected; checked one by one).
    reversed: Vec<(usize, usize, usize)>,
}

impl SpanIndex {
    fn new<'a>(spans: impl Iterator<Item = &'a Span>) -> SpanIndex {
        let (mut by_start, reversed): (Vec<_>, Vec<_>) =
            spans.enumerate().map(|(i, s)| (s.start, s.end, i)).partition(|s| s.0 <= s.1);
        crate::sort::sort(&mut by_start);
        SpanIndex { by_start, reversed }
    }

    /// Indices (in the original order) of the spans within `r`.
    fn within(&self, r: &Range<usize>) -> impl Iterator<Item = usize> {
        let from = self.by_start.partition_point(|s| s.0 < r.start);
        let inside = |s: &&(usize, usize, usize)| s.0 >= r.start && s.1 <= r.end;
        let mut found: Vec<usize> = self.by_start[from..]
            .iter()
            .take_while(|s| s.0 <= r.end)
            .chain(&self.reversed)
            .filter(inside)
            .map(|s| s.2)
            .collect();
        crate::sort::sort(&mut found);
        found.into_iter()
    }
}

/// The line of `text` around each sentence, for sentences visited in order: each line is
/// found once, so that a page of one long line stays linear.
#[derive(Default)]
struct LineCursor {
    start: usize,
    /// Index of the line's `\n` (or the text's end); `None` before the first line is found.
    end: Option<usize>,
}

impl LineCursor {
    fn line_of<'t>(&mut self, text: &'t str, r: &Range<usize>) -> &'t str {
        let find_end = |from: usize| text.get(from..).and_then(|s| s.find('\n')).map_or(text.len(), |i| from + i);
        let mut end = *self.end.get_or_insert_with(|| find_end(0));
        while end < r.start && end < text.len() {
            self.start = end + 1;
            end = find_end(self.start);
        }
        self.end = Some(end);
        // A sentence never spans lines; if one did, its line would run to the next break.
        let line_end = if r.end <= end { end } else { find_end(r.end) };
        text.get(self.start..line_end).unwrap_or("")
    }
}

/// A short line without final punctuation: a heading, a dateline, a label.
fn is_heading(line: &str) -> bool {
    let line = line.trim();
    let unpunctuated = !line.ends_with(['.', '!', '?', '"', '”', '»', '…', ';', ')']);
    unpunctuated && line.split_whitespace().take(26).count() <= 25
}

/// Capitalized words after the first word, without possessives.
fn inner_names(sentence: &str) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out: Vec<String> = Vec::new();
    for w in sentence.unicode_words().skip(1) {
        let w = strip_all(strip_all(w, "'s"), "’s");
        // Lowercased (for the function-word check) only when capitalized: most words are not.
        if w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().count() > 1
            && !lang::is_not_name(&w.to_lowercase())
            && !out.iter().any(|o| o == w)
        {
            out.push(w.to_string());
        }
    }
    out
}

/// `w` without every trailing `suffix` (as `trim_end_matches`, without building a searcher).
fn strip_all<'a>(mut w: &'a str, suffix: &str) -> &'a str {
    while let Some(stem) = w.strip_suffix(suffix) {
        w = stem;
    }
    w
}

fn is_hedged(words: &[String], lang: Lang) -> bool {
    let hedges = lang::cues(lang).hedges;
    words.iter().any(|w| hedges.contains(&w.as_str()))
}

/// Whether a date says when: not the present ("now", "actuellement") nor a duration of no
/// stated length ("for years", "des mois").
fn anchors_in_time(d: &DateMention) -> bool {
    d.value != "PRESENT_REF" && !(d.value.starts_with('P') && d.value.contains('X'))
}

/// A photo caption: it says where people stand (", left,", "à droite").
fn is_caption(sentence: &str, lang: Lang) -> bool {
    let lower = sentence.to_lowercase();
    lang::article_cues(lang).caption_marks.iter().any(|m| lower.contains(m))
}

/// A web address in the sentence ("https://…", "www.…", "pic.twitter.com/…"): an embedded post
/// or a link line, not the article's prose.
fn has_link(sentence: &str) -> bool {
    sentence.split_whitespace().any(|w| {
        w.contains("://")
            || w.starts_with("www.")
            || w.split_once('/').is_some_and(|(host, _)| {
                host.rsplit_once('.').is_some_and(|(name, tld)| {
                    !name.is_empty()
                        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-')
                        && tld.len() >= 2
                        && tld.chars().all(|c| c.is_ascii_lowercase())
                })
            })
    })
}

/// Whether the first quotation mark of the sentence closes a quote (one opened in an earlier
/// sentence): "… doit partir », s'insurge un supporter".
fn starts_inside_quote(sentence: &str) -> bool {
    let mut prev = None;
    for (i, c) in sentence.char_indices() {
        match c {
            '«' | '“' => return false,
            '`' if prev == Some('`') => return false,
            '»' | '”' => return i > 0,
            // A straight quote closes when it follows a word or punctuation, not a space.
            '"' => return prev.is_some_and(|p| !p.is_whitespace() && !matches!(p, '(' | '[' | '—' | '–')),
            '\'' if prev == Some('\'') => return i > 1,
            _ => {}
        }
        prev = Some(c);
    }
    false
}

/// `cue` without the comparisons, causes and predictions whose word has another sense in this
/// sentence ("at least", "Premier ministre", temporal "since").
fn without_other_senses(mut cue: Cue, words: &[String], lang: Lang) -> Cue {
    let phrases = lang::article_cues(lang).other_senses;
    let found: Vec<&str> = phrases.iter().copied().filter(|p| features::has_phrase(words, p)).collect();
    if found.is_empty() {
        return cue;
    }
    let other_sense = |w: &Option<&'static str>| {
        w.is_some_and(|w| found.iter().any(|p| format!(" {p} ").contains(&format!(" {w} "))))
    };
    if other_sense(&cue.comparative) {
        cue.comparative = None;
    }
    if other_sense(&cue.superlative) {
        cue.superlative = None;
    }
    if other_sense(&cue.causal) {
        cue.causal = None;
    }
    if other_sense(&cue.prediction) {
        cue.prediction = None;
    }
    cue
}

fn starts_lowercase(sentence: &str) -> bool {
    sentence.chars().next().is_some_and(char::is_lowercase)
}

/// Lowercase content words (no function words), light plural folding.
fn content_words(s: &str) -> FastSet<String> {
    content_words_of(&words(s))
}

/// [`content_words`] of a sentence's [`words`].
fn content_words_of(words: &[String]) -> FastSet<String> {
    words
        .iter()
        .map(|w| strip_all(w, "'s"))
        .filter(|w| (w.chars().count() >= 4 || w.chars().any(|c| c.is_ascii_digit())) && !lang::is_not_name(w))
        .map(|w| {
            let stem = ["ing", "ed", "es", "s"]
                .iter()
                .find_map(|suffix| w.strip_suffix(suffix).filter(|s| s.chars().count() >= 4));
            stem.unwrap_or(w).to_string()
        })
        .collect()
}

/// Overlap coefficient weighted by rarity: weight of the shared words over that of the
/// lighter set.
fn overlap(a: &Candidate, b: &Candidate, rarity: &[f32]) -> f32 {
    let lighter = a.content_weight.min(b.content_weight);
    if lighter <= 0.0 {
        return 0.0;
    }
    let (x, y) = (&a.content_ids, &b.content_ids);
    let (mut i, mut j, mut shared) = (0, 0, 0.0f32);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += rarity[x[i] as usize];
                i += 1;
                j += 1;
            }
        }
    }
    shared / lighter
}

/// Share of `of` found in `within`.
fn overlap_of(of: &FastSet<String>, within: &FastSet<String>) -> f32 {
    if of.is_empty() { 0.0 } else { of.intersection(within).count() as f32 / of.len() as f32 }
}

/// Number phrases of a sentence when no figures were given: "$65 billion", "3.35 billion",
/// "49 %", "hundreds of billions of dollars".
fn number_phrases(sentence: &str) -> Vec<String> {
    const SCALES: &[&str] = &[
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "percent",
        "per cent",
        "%",
        "dollars",
        "euros",
        "millions",
        "milliards",
        "milliard",
        "mille",
        "pour cent",
        "€",
        "$",
        "hundreds of",
        "thousands of",
        "millions of",
        "billions of",
        "of dollars",
        "d'euros",
        "de dollars",
    ];
    let mut out = Vec::new();
    let bytes = sentence.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // Digits after a letter or joined to a word by a hyphen are part of a name or a code
        // ("Covid-19", "A350", "pic.twitter.com/x5Yz").
        if glued_to_word(sentence, i) {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        let mut start = i;
        if let Some(prev) = sentence[..i].chars().next_back()
            && matches!(prev, '$' | '€' | '£' | '¥')
        {
            start = i - prev.len_utf8();
        }
        let mut end = i;
        while end < bytes.len()
            && (bytes[end].is_ascii_digit()
                || (matches!(bytes[end], b'.' | b',') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
        {
            end += 1;
        }
        let digits = &sentence[i..end];
        let is_year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
        // Scale words and units after the number.
        loop {
            let rest = &sentence[end..];
            let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
            let gap = rest.len() - trimmed.len();
            let matches = |s: &&&str| {
                trimmed.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s))
                    && !trimmed.get(s.len()..).is_some_and(|r| r.starts_with(char::is_alphabetic))
            };
            match SCALES.iter().find(matches) {
                Some(s) if gap <= 1 => end += gap + s.len(),
                _ => break,
            }
        }
        let bare = start == i && end == i + digits.len();
        if !(bare && (is_year || next_to_month_or_name(sentence, i, end))) {
            if let Some(p) = sentence.get(start..end) {
                // "between $60 and $65 billion": one range.
                let joined = out.last().and_then(|prev: &String| {
                    let gap = sentence.get(..start)?.strip_suffix(' ')?;
                    let before = gap
                        .strip_suffix(" and")
                        .or(gap.strip_suffix(" to"))
                        .or(gap.strip_suffix(" et"))
                        .or(gap.strip_suffix(" à"))?;
                    let from = before.strip_suffix(prev.as_str())?;
                    let lead = from.trim_end().rsplit(' ').next()?.to_lowercase();
                    let range_start = from.trim_end().len().checked_sub(lead.len())?;
                    ["between", "from", "entre", "de"]
                        .contains(&lead.as_str())
                        .then(|| sentence.get(range_start..end).map(str::to_string))?
                });
                match joined {
                    Some(range) => {
                        out.pop();
                        out.push(range.trim().to_string());
                    }
                    None => out.push(p.trim().to_string()),
                }
            }
        }
        i = end.max(i + 1);
    }
    if out.is_empty() {
        let lower = sentence.to_lowercase();
        for phrase in [
            "hundreds of billions",
            "billions of",
            "millions of",
            "thousands of",
            "des milliards",
            "des millions",
            "des centaines de",
        ] {
            if let Some(at) = lower.find(phrase) {
                let end = sentence[at..].find([',', '.', ';', '”', '"', '»']).map_or(sentence.len(), |e| at + e);
                if let Some(p) = sentence.get(at..end) {
                    out.push(p.trim().to_string());
                    break;
                }
            }
        }
    }
    out
}

/// Whether the digits at `at` follow a letter, directly or after a hyphen or a slash.
fn glued_to_word(sentence: &str, at: usize) -> bool {
    match sentence[..at].chars().next_back() {
        Some('-' | '/') => sentence[..at - 1].chars().next_back().is_some_and(char::is_alphabetic),
        Some(c) => c.is_alphabetic(),
        None => false,
    }
}

/// Whether the bare number at `start..end` is part of a date ("January 29") or of a name
/// ("Llama 4", "Windows 11"): the word before it is capitalized, or the word after is a month.
fn next_to_month_or_name(sentence: &str, start: usize, end: usize) -> bool {
    let before = sentence.get(..start).unwrap_or("").trim_end().rsplit(' ').next().unwrap_or("");
    let after = sentence.get(end..).unwrap_or("").trim_start().split(' ').next().unwrap_or("");
    let word = |w: &str| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
    let month = |w: &str| {
        lang::en::CUES.months.contains(&word(w).as_str()) || lang::fr::CUES.months.contains(&word(w).as_str())
    };
    let named = before.chars().next().is_some_and(char::is_uppercase) && before.chars().all(char::is_alphanumeric);
    named || month(before) || month(after)
}

/// Date phrases of a sentence when no dates were given: a month with its day and year
/// ("January 29, 2025", "18 février 2025"), else a year.
fn date_phrases(sentence: &str, lang: Lang) -> Vec<String> {
    // Both need a number: most sentences are not tokenized.
    if !sentence.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let table = lang::cues(lang);
    let toks = attribution::tokens(sentence, 0..sentence.len());
    let numeric = |j: usize| toks.get(j).is_some_and(|t| t.raw.chars().all(|c| c.is_ascii_digit()) && t.raw.len() <= 4);
    for (i, t) in toks.iter().enumerate() {
        let month = table.months.contains(&t.lower.as_ref())
            && t.raw.chars().count() > 3
            && (t.lower != "may" || numeric(i + 1));
        if month && (numeric(i + 1) || (i > 0 && numeric(i - 1))) {
            let first = if i > 0 && numeric(i - 1) { i - 1 } else { i };
            let mut last = i;
            while last + 1 < toks.len() && last < i + 2 && numeric(last + 1) {
                last += 1;
            }
            if let Some(p) = sentence.get(toks[first].start..toks[last].end) {
                return vec![p.to_string()];
            }
        }
    }
    toks.iter()
        .find(|t| {
            t.raw.len() == 4
                && (t.raw.starts_with("19") || t.raw.starts_with("20"))
                && t.raw.bytes().all(|b| b.is_ascii_digit())
        })
        .map(|t| vec![t.raw.to_string()])
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inner_names_drop_possessives_and_function_words() {
        let names = inner_names("Yesterday Harlan's ferry and The Quay’s boats met Ostrava's's pier at Dawn in A row.");
        assert_eq!(names, vec!["Harlan", "Quay", "Ostrava", "Dawn"]);
        assert_eq!(strip_all("boss's's", "'s"), "boss");
        assert_eq!(strip_all("'s", "'s"), "");
        let words: Vec<String> = ["ferry's", "sailing", "docked", "boats", "pier"].map(String::from).into();
        let content = content_words_of(&words);
        let mut content: Vec<&str> = content.iter().map(String::as_str).collect();
        content.sort();
        assert_eq!(content, vec!["boat", "dock", "ferry", "pier", "sail"]);
    }

    #[test]
    fn number_and_date_phrases() {
        assert_eq!(number_phrases("Meta will spend up to $65 billion on AI."), vec!["$65 billion"]);
        assert_eq!(
            number_phrases("It has 3.35 billion daily users and 49 % growth in 2024."),
            vec!["3.35 billion", "49 %"]
        );
        assert_eq!(
            number_phrases("It plans to spend “hundreds of billions of dollars” on it."),
            vec!["hundreds of billions of dollars"]
        );
        assert!(number_phrases("The Covid-19 ward and the A350 fleet, pic.twitter.com/x5Yz").is_empty());
        assert_eq!(date_phrases("On January 29, 2025, he spoke.", Lang::En), vec!["January 29, 2025"]);
        assert_eq!(date_phrases("Le 18 février 2025, il a parlé.", Lang::Fr), vec!["18 février 2025"]);
        assert!(date_phrases("You may go.", Lang::En).is_empty());
        assert!(date_phrases("The ferry left in late March and came back in June.", Lang::En).is_empty());
    }

    #[test]
    fn quote_fragments_links_and_captions() {
        assert!(starts_inside_quote("Il doit partir », s'insurge un supporter."));
        assert!(starts_inside_quote("It must end now!'' said the letter."));
        assert!(starts_inside_quote("It stays open,\" she said."));
        assert!(!starts_inside_quote("« Il doit partir », s'insurge un supporter."));
        assert!(!starts_inside_quote("``It must end,'' said the letter."));
        assert!(!starts_inside_quote("She called it a \"bad deal\" on Monday."));
        assert!(!starts_inside_quote("\"Why?\" he asked."));
        assert!(has_link("Read the report at https://example.org/report today."));
        assert!(has_link("She is the first judge from the valley. pic.twitter.com/Ab3dE"));
        assert!(!has_link("Trade with the U.S./Canada border rose 4% in 14/03/2024 figures."));
        assert!(is_caption("Mayor Ruiz, right, opens the new bridge on Monday.", Lang::En));
        assert!(is_caption("Le maire, à gauche, inaugure le pont lundi.", Lang::Fr));
        assert!(!is_caption("The party moved to the left, its leader said.", Lang::En));
    }

    #[test]
    fn cue_words_in_another_sense_give_no_reason() {
        let cue_of = |s: &str, lang| {
            let (w, cue) = words_and_cues(s, lang);
            without_other_senses(cue, &w, lang)
        };
        assert_eq!(cue_of("At least 40 people were hurt in the fire on Monday.", Lang::En).superlative, None);
        assert_eq!(cue_of("It has grown since 2019, the firm said.", Lang::En).causal, None);
        assert_eq!(cue_of("Le Premier ministre a visité l'usine lundi.", Lang::Fr).superlative, None);
        assert_eq!(cue_of("It is the largest plant in the region.", Lang::En).superlative, Some("largest"));
        assert_eq!(cue_of("C'est la première usine de la région.", Lang::Fr).superlative, Some("première"));
    }

    #[test]
    fn scores_are_sensible() {
        let claim = check_worthiness("Unemployment fell by 3 percent last year, the lowest rate since 1970.", Lang::En);
        let chat = check_worthiness("Thank you very much, it is great to be here tonight.", Lang::En);
        let t = decision_threshold();
        assert!(claim > t && chat < t, "claim {claim}, chat {chat}, threshold {t}");
        let fr = check_worthiness("Le chômage a baissé de 3 % l'an dernier, selon l'Insee.", Lang::Fr);
        let fr_chat = check_worthiness("Merci beaucoup, je suis heureux d'être ici ce soir.", Lang::Fr);
        assert!(fr > fr_chat, "fr {fr}, fr_chat {fr_chat}");
    }

    #[test]
    fn random_text_does_not_panic() {
        // Deterministic pseudo-random mixes of the characters the rules look at.
        let alphabet: Vec<char> = "aZé É.?!,;:'’\"“”«»$€%0123456789\n \u{a0}KİMrDr.U.S.-()ﬁ\u{212a}".chars().collect();
        let mut state = 0x2545_f491_u64;
        for _ in 0..300 {
            let len = (state % 120) as usize;
            let text: String = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    alphabet[(state % alphabet.len() as u64) as usize]
                })
                .collect();
            for lang in [Lang::En, Lang::Fr] {
                let ctx = ClaimContext { text: &text, title: "Dr. U.S. $5", lang, figures: &[], dates: &[] };
                for c in key_claims(&ctx, 7) {
                    assert_eq!(text.get(c.span.start..c.span.end), Some(c.text.as_str()));
                }
                let _ = attribution::speakers(&text, lang);
                let _ = number_phrases(&text);
            }
        }
    }

    #[test]
    fn long_pages_are_linear() {
        let paragraph =
            "Sales rose 12 percent to $4 billion in 2024, the company said. It will hire 500 people next year.\n\n";
        crate::growth::assert_linear("repeated paragraphs", |k| {
            let text = paragraph.repeat(300 * k);
            let ctx = ClaimContext { text: &text, title: "Sales", lang: Lang::En, figures: &[], dates: &[] };
            assert_eq!(key_claims(&ctx, 7).len(), 2, "repeats merge into the two distinct claims");
        });
    }

    #[test]
    fn one_long_line_is_linear() {
        // No line breaks: each sentence's line is the whole text, which must not be rescanned.
        // The line ends without punctuation, so that each sentence asks whether it is a heading.
        crate::growth::assert_linear("one long line", |k| {
            let text: String = (0..300 * k)
                .map(|i| format!("Sales rose {i} percent to ${i} billion in 2024, the company said. "))
                .collect::<String>()
                + "More";
            let figures: Vec<Figure> = Vec::new();
            let ctx = ClaimContext { text: &text, title: "Sales", lang: Lang::En, figures: &figures, dates: &[] };
            // Sentences that differ only in their numbers merge as near-duplicates.
            assert!(!key_claims(&ctx, 7).is_empty());
        });
    }

    #[test]
    fn empty_and_odd_inputs_do_not_panic() {
        let ctx = |text| ClaimContext { text, title: "", lang: Lang::En, figures: &[], dates: &[] };
        for t in ["", "  \n\n ", "€€€ 1.2.3 $", "«", "\"\"\"", "Mr. Dr. U.S.", "é.\n\n9", "a\u{a0}1 000 €"] {
            let _ = key_claims(&ctx(t), 7);
        }
        assert!(key_claims(&ctx("Sales rose by 40 percent in 2024, the company said in a statement."), 0).is_empty());
    }
}
