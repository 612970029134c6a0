//! The article against itself, measured: precision and recall of the consistency findings over
//! the articles of tests/consistency/ (our own, half with planted inconsistencies, labelled in
//! manifest.tsv, half honest), and no finding on the founding example.
//!
//! `cargo test --test consistency_set -- --nocapture` prints every finding and the figures.

use article_lens::{Analysis, Finding, Options, analyze};
use std::path::Path;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/consistency");

/// One article of the set: "lang:", "published:" and "title:" lines, a blank line, then
/// paragraphs separated by blank lines.
fn page(source: &str) -> String {
    let (head, body) = source.split_once("\n\n").expect("header, blank line, body");
    let field =
        |name: &str| head.lines().find_map(|l| l.strip_prefix(name)).map(str::trim).unwrap_or_default().to_string();
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    let paragraphs: String = body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>\n", escape(p)))
        .collect();
    format!(
        "<html lang=\"{}\"><head><title>{}</title><meta property=\"article:published_time\" content=\"{}\"></head>\
         <body><article><h1>{}</h1>\n{paragraphs}</article></body></html>",
        field("lang:"),
        escape(&field("title:")),
        field("published:"),
        escape(&field("title:"))
    )
}

fn analysis_of(file: &str) -> Analysis {
    let source = std::fs::read_to_string(Path::new(DIR).join(file)).expect(file);
    analyze(&page(&source), None, &Options::default().force(true)).expect(file)
}

/// The text of a finding's span (spans are code point offsets).
fn span_text(a: &Analysis, start: usize, end: usize) -> String {
    a.article.text.chars().skip(start).take(end - start).collect()
}

/// Whether a finding is the labelled one: same kind, and a span on each labelled text.
fn matches(a: &Analysis, f: &Finding, kind: &str, texts: &[&str]) -> bool {
    let kind_name = serde_json::to_value(f.kind).ok().and_then(|v| v.as_str().map(str::to_string));
    kind_name.as_deref() == Some(kind)
        && texts.iter().all(|t| {
            f.spans.iter().any(|s| {
                let found = span_text(a, s.start, s.end);
                found.contains(t) || t.contains(found.as_str())
            })
        })
}

#[test]
fn precision_and_recall_on_our_own_articles() {
    let manifest = std::fs::read_to_string(Path::new(DIR).join("manifest.tsv")).expect("manifest");
    let mut labels: Vec<(String, String, Vec<String>)> = Vec::new();
    for line in manifest.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let texts = cols.iter().skip(2).filter(|t| !t.is_empty()).map(|t| t.to_string()).collect();
        labels.push((cols[0].to_string(), cols[1].to_string(), texts));
    }
    let mut files: Vec<&str> = labels.iter().map(|(f, _, _)| f.as_str()).collect();
    files.dedup();
    let on_disk = std::fs::read_dir(DIR)
        .expect("dir")
        .filter(|e| e.as_ref().is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt")));
    assert_eq!(on_disk.count(), files.len(), "every article of the set is in the manifest, once");

    let (mut found, mut true_found, mut planted, mut recalled) = (0, 0, 0, 0);
    for file in &files {
        let a = analysis_of(file);
        let wanted: Vec<(&str, Vec<&str>)> = labels
            .iter()
            .filter(|(f, k, _)| f == file && k != "none")
            .map(|(_, k, t)| (k.as_str(), t.iter().map(String::as_str).collect()))
            .collect();
        for f in &a.consistency {
            let texts: Vec<String> = f.spans.iter().map(|s| span_text(&a, s.start, s.end)).collect();
            let good = wanted.iter().any(|(k, t)| matches(&a, f, k, t));
            println!("{file}: {} {:?} {texts:?} — {}", if good { "TP" } else { "FP" }, f.kind, f.message);
            found += 1;
            true_found += good as usize;
        }
        for (k, t) in &wanted {
            planted += 1;
            let hit = a.consistency.iter().any(|f| matches(&a, f, k, t));
            recalled += hit as usize;
            if !hit {
                println!("{file}: MISSED {k} {t:?}");
            }
        }
    }
    let precision = if found == 0 { 1.0 } else { true_found as f64 / found as f64 };
    let recall = recalled as f64 / planted.max(1) as f64;
    println!(
        "consistency set: {} articles, {planted} planted; {found} findings, {true_found} right; \
         precision {precision:.3}, recall {recall:.3}",
        files.len()
    );
    assert!(planted >= 15 && files.len() >= 30, "the set is too small");
    assert!(precision >= 0.9, "precision {precision:.3}");
    assert!(recall >= 0.8, "recall {recall:.3}");
}

/// The founding example: "up to $65 billion" and "between $60 and $65 billion" agree.
#[test]
fn founding_example_has_no_finding() {
    let html = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed/meta-deepseek.html"))
        .expect("seed");
    let a = analyze(&html, None, &Options::default()).expect("analysis");
    assert!(a.figures.iter().any(|f| f.text.contains("between $60 and $65 billion")));
    assert_eq!(a.consistency, Vec::<Finding>::new());
    let json = serde_json::to_value(&a).expect("json");
    assert_eq!(json["consistency"], serde_json::json!([]), "always present, an empty list");
}

/// The other honest pages of the fixtures give none either.
#[test]
fn fixture_pages_have_no_finding() {
    for name in ["deep-article.html", "rail-investment-fr.html"] {
        let path = format!("{}/tests/fixtures/pages/{name}", env!("CARGO_MANIFEST_DIR"));
        let html = std::fs::read_to_string(&path).expect("page");
        let a = analyze(&html, None, &Options::default().force(true)).expect("analysis");
        assert_eq!(a.consistency, Vec::<Finding>::new(), "{name}");
    }
}
