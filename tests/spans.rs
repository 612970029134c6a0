//! Property tests on spans, over texts from a seeded generator (news-like sentences in English and
//! French with figures, dates, quotes and awkward characters: emoji, combining marks, zero-width
//! and bidi controls, no-break spaces, CJK) and over the project's own fixture pages:
//! - `entities::find` (byte offsets): every figure and date span lies inside the text, on char
//!   boundaries, holds the entity's own text, and spans of one kind are sorted and do not overlap;
//! - `analyze` (code point offsets into `Article::text`): the same for claims, figures and dates,
//!   and every span of a consistency finding lies inside the text.
//!
//! A failure prints the seed and the text, so it can be replayed.

use article_lens::{Analysis, Lang, Options, Span, analyze, entities};
use std::path::Path;

/// xorshift64*: small, seeded, the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS_EN: &[&str] = &[
    "the",
    "council",
    "said",
    "on",
    "Tuesday",
    "budget",
    "would",
    "rise",
    "by",
    "about",
    "of",
    "in",
    "March",
    "last",
    "year",
    "million",
    "billion",
    "dollars",
    "percent",
    "between",
    "and",
    "up",
    "to",
    "more",
    "than",
    "nearly",
    "minister",
    "told",
    "reporters",
    "according",
    "data",
    "from",
    "since",
    "until",
    "next",
    "week",
    "jobs",
    "users",
    "km",
    "GW",
    "rate",
    "fell",
    "from",
    "a",
    "quarter",
    "half",
    "twice",
    "three",
    "hundreds",
    "thousands",
    "Q3",
    "yesterday",
    "today",
    "1990s",
    "mid-2024",
    "fiscal",
    "first",
    "spring",
    "noon",
    "pm",
    "a.m.",
    "per",
    "cent",
];
const WORDS_FR: &[&str] = &[
    "le",
    "conseil",
    "a",
    "annoncé",
    "lundi",
    "un",
    "budget",
    "de",
    "milliards",
    "d'euros",
    "millions",
    "pour",
    "cent",
    "environ",
    "entre",
    "et",
    "plus",
    "moins",
    "que",
    "depuis",
    "jusqu'au",
    "mars",
    "dernier",
    "l'an",
    "prochain",
    "selon",
    "le",
    "ministre",
    "hier",
    "aujourd'hui",
    "fin",
    "2026",
    "emplois",
    "habitants",
    "km",
    "trimestre",
    "la",
    "moitié",
    "deux",
    "fois",
    "centaines",
    "des",
    "années",
    "1990",
    "mi-2024",
    "à",
    "midi",
    "h",
];
const NUMBERS: &[&str] = &[
    "1",
    "12",
    "2,400",
    "3.35",
    "65",
    "1,2",
    "49,5",
    "1 000",
    "1\u{a0}000",
    "1\u{202f}500",
    "2025",
    "1999",
    "0.5",
    "-3",
    "+4",
    "10-12",
    "100%",
    "12 %",
    "$65",
    "€1.2",
    "£31",
    "4,5\u{a0}%",
    "7th",
    "1er",
    "31/12/2024",
    "2025-02-18",
    "17:22",
    "9h30",
    "½",
    "3×",
    "1e6",
    "١٢٣",
    "٣",
];
const ODD: &[&str] = &[
    "\u{200b}",
    "\u{200d}",
    "\u{2060}",
    "\u{feff}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "\u{00ad}",
    "e\u{301}",
    "👩‍👩‍👧",
    "🇫🇷",
    "😀",
    "中文",
    "\u{a0}",
    "\u{2028}",
    "\t",
    "—",
    "–",
    "…",
    "«\u{a0}",
    "\u{a0}»",
    "“",
    "”",
    "’",
    "'",
    "\"",
    "(",
    ")",
    "/",
    "%",
    "$",
    "€",
    "\u{1d7d8}",
    "\u{fffd}",
];
const ENDS: &[&str] = &[".", ".", ".", "!", "?", ":", ";", ",\u{a0}said the mayor.", ", selon elle."];

/// A text of `sentences` sentences; every few, a paragraph break.
fn generate(rng: &mut Rng, sentences: usize) -> (String, Lang) {
    let lang = if rng.below(2) == 0 { Lang::En } else { Lang::Fr };
    let words = if lang == Lang::En { WORDS_EN } else { WORDS_FR };
    let mut text = String::new();
    for s in 0..sentences {
        if s > 0 {
            text.push_str(if rng.below(5) == 0 { "\n\n" } else { " " });
        }
        let quoted = rng.below(4) == 0;
        if quoted {
            text.push_str(if lang == Lang::En { "“" } else { "«\u{a0}" });
        }
        let n = 4 + rng.below(22);
        for w in 0..n {
            let token = match rng.below(10) {
                0..=5 => rng.pick(words).to_string(),
                6 | 7 => rng.pick(NUMBERS).to_string(),
                8 => format!("{}{}", rng.pick(NUMBERS), rng.pick(words)),
                _ => rng.pick(ODD).to_string(),
            };
            let token = if w == 0 { capitalize(&token) } else { token };
            if w > 0 && rng.below(12) != 0 {
                text.push(' ');
            }
            text.push_str(&token);
        }
        if quoted {
            text.push_str(if lang == Lang::En { ",” he said." } else { "\u{a0}», a-t-il dit." });
        } else {
            text.push_str(rng.pick(ENDS));
        }
    }
    (text, lang)
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Sorted by start, no overlap: what one kind's spans must be (as `(start, end)` pairs).
fn check_sorted_disjoint(spans: &[(usize, usize)], what: &str, context: &str) {
    for pair in spans.windows(2) {
        assert!(pair[0].0 <= pair[1].0, "{what} spans not sorted: {pair:?}\n{context}");
        assert!(pair[0].1 <= pair[1].0, "{what} spans overlap: {pair:?}\n{context}");
    }
}

/// `entities::find`: byte spans inside the text, on char boundaries, holding the entity's text.
fn check_entities(text: &str, lang: Lang, context: &str) -> usize {
    let (figures, dates) = entities::find(text, lang, None);
    let found = figures.len() + dates.len();
    let spans = |list: Vec<(Span, String)>, what: &str| {
        for (span, own) in &list {
            assert!(
                span.start < span.end && span.end <= text.len(),
                "{what} span {span:?} outside the text\n{context}"
            );
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{what} span {span:?} not on char boundaries\n{context}"
            );
            assert_eq!(&text[span.start..span.end], own, "{what} span {span:?} holds other text\n{context}");
        }
        check_sorted_disjoint(&list.iter().map(|(s, _)| (s.start, s.end)).collect::<Vec<_>>(), what, context);
    };
    spans(figures.into_iter().map(|f| (f.span, f.text)).collect(), "figure");
    spans(dates.into_iter().map(|d| (d.span, d.text)).collect(), "date");
    found
}

/// `analyze`: code point spans inside `Article::text`, holding their text; sorted and disjoint per kind.
fn check_analysis(analysis: &Analysis, context: &str) -> usize {
    let chars: Vec<char> = analysis.article.text.chars().collect();
    let slice = |span: &Span, what: &str| -> String {
        assert!(
            span.start < span.end && span.end <= chars.len(),
            "{what} span {span:?} outside the text ({} chars)\n{context}",
            chars.len()
        );
        chars[span.start..span.end].iter().collect()
    };
    let mut by_kind: Vec<(&str, Vec<(usize, usize)>)> = Vec::new();
    by_kind.push(("figure", analysis.figures.iter().map(|f| (f.span.start, f.span.end)).collect()));
    by_kind.push(("date", analysis.dates.iter().map(|d| (d.span.start, d.span.end)).collect()));
    for f in &analysis.figures {
        assert_eq!(slice(&f.span, "figure"), f.text, "figure span holds other text\n{context}");
    }
    for d in &analysis.dates {
        assert_eq!(slice(&d.span, "date"), d.text, "date span holds other text\n{context}");
    }
    for c in &analysis.claims {
        assert_eq!(slice(&c.span, "claim").trim(), c.text.trim(), "claim span holds other text\n{context}");
    }
    // Claims come best first: sorted by position, they must not overlap.
    let mut claims: Vec<(usize, usize)> = analysis.claims.iter().map(|c| (c.span.start, c.span.end)).collect();
    claims.sort_unstable();
    by_kind.push(("claim", claims));
    for (kind, spans) in &by_kind {
        check_sorted_disjoint(spans, kind, context);
    }
    for finding in &analysis.consistency {
        for span in &finding.spans {
            slice(span, "finding");
        }
    }
    analysis.claims.len()
}

fn html_of(text: &str, lang: Lang) -> String {
    let lang = if lang == Lang::En { "en" } else { "fr" };
    let body: String = text
        .split("\n\n")
        .map(|p| format!("<p>{}</p>\n", p.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")))
        .collect();
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><title>A generated story</title></head><body><article><h1>A generated story</h1>{body}</article></body></html>"
    )
}

#[test]
fn generated_texts_give_spans_inside_on_boundaries_sorted_and_disjoint() {
    let mut rng = Rng(0x5eed_a11e_2026_0017);
    let (mut entities_seen, mut claims_seen) = (0, 0);
    for case in 0..400 {
        let seed = rng.0;
        let sentences = 1 + rng.below(if case % 10 == 0 { 60 } else { 8 });
        let (text, lang) = generate(&mut rng, sentences);
        let context = format!("case {case}, seed {seed:#x}, {lang:?}, text: {text:?}");
        entities_seen += check_entities(&text, lang, &context);
        let other = if lang == Lang::En { Lang::Fr } else { Lang::En };
        check_entities(&text, other, &context);
        if case % 4 == 0 {
            let analysis =
                analyze(&html_of(&text, lang), None, &Options::new().force(true)).expect("a forced analysis");
            claims_seen += check_analysis(&analysis, &context);
        }
    }
    // The generator must give the finders something to find, or the checks above prove nothing.
    println!("generated texts: {entities_seen} figures and dates, {claims_seen} claims");
    assert!(
        entities_seen > 1000 && claims_seen > 20,
        "too few spans to check: {entities_seen} entities, {claims_seen} claims"
    );
}

#[test]
fn fixture_pages_give_spans_inside_on_boundaries_sorted_and_disjoint() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut pages = Vec::new();
    for dir in ["fixtures/pages", "fixtures/seed", "hostile", "extract", "consistency"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            // tests/extract/<case>/ holds its page beside the expectations.
            if path.is_dir() {
                let inner = std::fs::read_dir(&path).into_iter().flatten().flatten().map(|e| e.path());
                pages.extend(inner.filter(|p| p.extension().is_some_and(|e| e == "html")));
            } else if path.extension().is_some_and(|e| e == "html")
                && std::fs::metadata(&path).is_ok_and(|m| m.len() < 2_000_000)
            {
                pages.push(path);
            }
        }
    }
    pages.sort();
    assert!(pages.len() >= 20, "the fixture pages are found: {}", pages.len());
    for path in &pages {
        let html = std::fs::read_to_string(path).unwrap_or_default();
        let context = format!("page {}", path.display());
        let Ok(analysis) = analyze(&html, Some("https://news.example/story"), &Options::new().force(true)) else {
            continue;
        };
        check_analysis(&analysis, &context);
        check_entities(&analysis.article.text, Lang::En, &context);
        check_entities(&analysis.article.text, Lang::Fr, &context);
    }
    // The consistency set's short articles, as plain text.
    let Ok(entries) = std::fs::read_dir(root.join("consistency")) else { return };
    for path in entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let lang =
            if path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("fr")) { Lang::Fr } else { Lang::En };
        let context = format!("text {}", path.display());
        check_entities(&text, lang, &context);
        let analysis = analyze(&html_of(&text, lang), None, &Options::new().force(true)).expect("a forced analysis");
        check_analysis(&analysis, &context);
    }
}
