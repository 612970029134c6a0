//! Data-driven extraction cases: every `tests/extract/<case>/` holds `source.html` and
//! `expected.json` (title, byline, site_name, published, lang, is_article, must_contain,
//! must_not_contain, and optionally html_contains / html_not_contains for the content HTML).
//! Pages are read as bytes and decoded as the CLI decodes them (`charset-*` cases).
//! The founding example (`tests/fixtures/seed/`) is checked the same way.

use article_lens::decode::decode_page;
use article_lens::extract_article;
use serde_json::Value;
use std::path::Path;

mod common;

const PAGE_URL: &str = "https://ledger.example/news/story.html";

fn check_case(dir: &Path) -> Vec<String> {
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).expect("expected.json"))
            .expect("valid JSON");
    // A case names its page ("fixture") and URL ("url") or uses source.html and PAGE_URL.
    let source = expected.get("fixture").and_then(Value::as_str).unwrap_or("source.html");
    let url = expected.get("url").and_then(Value::as_str).unwrap_or(PAGE_URL);
    // Bytes decoded as the CLI does: a case may be saved in a legacy charset or UTF-16.
    let (html, _) = decode_page(&std::fs::read(dir.join(source)).expect("the case's page"));
    let analysis = match extract_article(&html, Some(url)) {
        Ok(a) => a,
        Err(e) => return vec![format!("{name}: extraction failed: {e}")],
    };
    let art = &analysis.article;
    let mut errors = Vec::new();
    let mut field = |key: &str, got: Option<&str>| {
        let want = expected.get(key).and_then(Value::as_str);
        if expected.get(key).is_some() && want != got {
            errors.push(format!("{name}: {key}: expected {want:?}, got {got:?}"));
        }
    };
    field("title", Some(art.title.as_str()));
    field("byline", art.byline.as_deref());
    field("site_name", art.site_name.as_deref());
    field("site", art.site_name.as_deref());
    field("published", art.published.as_deref());
    field("modified", art.modified.as_deref());
    field("lang", art.lang.as_deref());
    if let Some(want) = expected.get("is_article").and_then(Value::as_bool) {
        if analysis.verdict.is_article != want {
            errors.push(format!(
                "{name}: is_article: expected {want}, got {} ({})",
                analysis.verdict.is_article, analysis.verdict.reason
            ));
        }
    }
    let list = |key: &str| -> Vec<String> {
        expected
            .get(key)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(String::from).collect())
            .unwrap_or_default()
    };
    for s in list("must_contain") {
        if !art.text.contains(&s) {
            errors.push(format!("{name}: text lacks {s:?}"));
        }
    }
    for s in list("must_not_contain") {
        if art.text.contains(&s) {
            errors.push(format!("{name}: text contains {s:?}"));
        }
    }
    for s in list("html_contains") {
        if !art.content_html.contains(&s) {
            errors.push(format!("{name}: content HTML lacks {s:?}"));
        }
    }
    for s in list("html_not_contains") {
        if art.content_html.contains(&s) {
            errors.push(format!("{name}: content HTML contains {s:?}"));
        }
    }
    errors
}

#[test]
fn extraction_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/extract");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/extract")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("expected.json").is_file())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 8, "expected at least 8 cases, found {}", dirs.len());
    let errors: Vec<String> = dirs.iter().flat_map(|d| check_case(d)).collect();
    assert!(errors.is_empty(), "{} problem(s):\n{}", errors.len(), errors.join("\n"));
}

#[test]
fn founding_example() {
    let errors = check_case(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed"));
    assert!(errors.is_empty(), "{} problem(s):\n{}", errors.len(), errors.join("\n"));
}

#[test]
fn deep_pages_are_linear() {
    let para =
        "<p>The deepest paragraph of this page still carries a sentence of running text, long enough to be read.</p>";
    common::assert_linear("deep page", |k| {
        let depth = 12_500 * k;
        let html = format!(
            "<html><head><title>Deep page</title></head><body>{}{para}{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let analysis = extract_article(&html, None).expect("a deep page is still a page");
        assert!(analysis.article.text.contains("deepest paragraph"), "text: {:?}", analysis.article.text);
    });
}

#[test]
fn deep_unclosed_inline_tags_are_linear() {
    common::assert_linear("unclosed inline tags", |k| {
        let html = format!(
            "<html><body><p>{}Some text at the bottom of a pile of tags.</p></body></html>",
            "<b><i><span>".repeat(5_000 * k)
        );
        let analysis = extract_article(&html, None).expect("page");
        assert!(analysis.article.text.contains("bottom of a pile"));
    });
}

#[test]
fn deep_markup_inside_noscript_is_linear() {
    common::assert_linear("deep noscript", |k| {
        let html = format!(
            "<html><body><p>Before.</p><noscript><img src=a.jpg>{}</noscript><p>After the noscript block comes the text.</p></body></html>",
            "<div>".repeat(12_500 * k)
        );
        let analysis = extract_article(&html, None).expect("page");
        assert!(analysis.article.text.contains("After the noscript block"));
    });
}
