//! The hostile pages of `tests/hostile/` (listed with their attack in `manifest.tsv`, written by
//! `make_pages.py`): each is a short article with one attack planted in it, naming SENTINEL.
//! The analysis of every page must be clean: content HTML whose browser parse holds only allowed
//! elements and attributes, no handler, style or unsafe URL, and reads the same when parsed
//! again (no mutation XSS); every URL field safe; text fields plain text; and nothing lost (the
//! article's text, and its own image where a browser would show it).

use article_lens::extract::policy::{self, UrlUse};
use article_lens::extract::{CONTENT_TAGS, GENERIC_ATTRIBUTES, TAG_ATTRIBUTES};
use article_lens::{Analysis, Options, analyze};
use scraper::{Html, Node};
use std::path::Path;

const PAGE_URL: &str = "https://courier.example/local/ferry-terminal.html";
/// The page's own image, resolved.
const OWN_IMAGE: &str = "https://courier.example/img/quay.jpg";
/// A phrase of the article's first paragraph, which no attack swallows.
const KEPT_PHRASE: &str = "ending two years of public hearings";
const SENTINEL: &str = "sentinel";

/// Whether `<tag>` may carry `name` in the content HTML: the sanitizer's allowlist, the `rel` it
/// sets on links, and the highlights' data attributes.
fn attribute_allowed(tag: &str, name: &str) -> bool {
    GENERIC_ATTRIBUTES.contains(&name)
        || TAG_ATTRIBUTES.iter().any(|&(t, names)| t == tag && names.contains(&name))
        || (tag == "a" && name == "rel")
        || (tag == "mark" && matches!(name, "data-kind" | "data-id" | "data-value"))
}

struct Vector {
    name: String,
    family: String,
    checks: Vec<(String, String)>,
}

fn manifest(dir: &Path) -> Vec<Vector> {
    let text = std::fs::read_to_string(dir.join("manifest.tsv")).expect("manifest.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(cols.len() >= 3, "manifest line: {line}");
            let checks = cols
                .get(3)
                .unwrap_or(&"")
                .split("; ")
                .filter(|c| !c.is_empty())
                .map(|c| {
                    let (k, v) = c.split_once('=').unwrap_or_else(|| panic!("check without '=': {c}"));
                    (k.to_string(), v.to_string())
                })
                .collect();
            Vector { name: cols[0].into(), family: cols[1].into(), checks }
        })
        .collect()
}

/// Everything wrong with the content HTML, as the browser would parse it.
fn content_problems(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let parsed = Html::parse_fragment(html);
    let once = parsed.root_element().inner_html();
    let twice = Html::parse_fragment(&once).root_element().inner_html();
    if once != twice {
        problems.push(format!("parses differently once written back:\n{once}\n{twice}"));
    }
    for node in parsed.tree.nodes() {
        let Node::Element(el) = node.value() else { continue };
        let tag = el.name();
        // The fragment parse's own wrappers.
        if tag == "html" || tag == "body" {
            continue;
        }
        if !CONTENT_TAGS.contains(&tag) {
            problems.push(format!("element <{tag}>"));
        }
        for (name, value) in el.attrs() {
            if !attribute_allowed(tag, name) {
                problems.push(format!("attribute {name}=\"{value}\" on <{tag}>"));
                continue;
            }
            let urls: Vec<(String, UrlUse)> = match name {
                "href" | "cite" => vec![(value.to_string(), UrlUse::Link)],
                "src" => vec![(value.to_string(), UrlUse::Image)],
                "srcset" => policy::parse_srcset(value).into_iter().map(|(u, _)| (u, UrlUse::Image)).collect(),
                _ => vec![],
            };
            if name == "srcset" && urls.is_empty() {
                problems.push(format!("empty srcset on <{tag}>"));
            }
            for (url, used_as) in urls {
                if !is_absolute_safe(&url, used_as) {
                    problems.push(format!("{name}=\"{url}\" on <{tag}>"));
                }
            }
        }
        if tag == "a" && el.attr("href").is_some() && el.attr("rel") != Some("noopener noreferrer") {
            problems.push(format!("link without rel=noopener noreferrer: {:?}", el.attr("href")));
        }
    }
    problems
}

/// A URL the result may carry, resolved against the page (no relative one: the page has an address).
fn is_absolute_safe(url: &str, used_as: UrlUse) -> bool {
    let absolute = url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https" | "mailto" | "data"));
    absolute && policy::is_safe_url(url, used_as) && !url.to_ascii_lowercase().contains(SENTINEL)
}

/// Everything wrong with the URL and text fields.
fn field_problems(a: &Analysis) -> Vec<String> {
    let article = &a.article;
    let mut problems = Vec::new();
    if let Some(image) = &article.lead_image {
        if !is_absolute_safe(image, UrlUse::LeadImage) {
            problems.push(format!("lead_image {image}"));
        }
    }
    if article.url.as_deref() != Some(PAGE_URL) {
        problems.push(format!("url {:?}", article.url));
    }
    let texts = [
        ("title", Some(&article.title)),
        ("byline", article.byline.as_ref()),
        ("site_name", article.site_name.as_ref()),
        ("excerpt", article.excerpt.as_ref()),
        ("published", article.published.as_ref()),
        ("modified", article.modified.as_ref()),
    ];
    for (field, value) in texts {
        let Some(value) = value else { continue };
        if !policy::is_plain_text(value) || value.to_ascii_lowercase().contains(SENTINEL) {
            problems.push(format!("{field} {value:?}"));
        }
    }
    if let Some(lang) = &article.lang {
        if !policy::is_language_tag(lang) {
            problems.push(format!("lang {lang:?}"));
        }
    }
    if article.dir.as_deref().is_some_and(|d| d != "ltr" && d != "rtl") {
        problems.push(format!("dir {:?}", article.dir));
    }
    problems
}

/// The page's own checks from the manifest.
fn expectation_problems(a: &Analysis, checks: &[(String, String)]) -> Vec<String> {
    let article = &a.article;
    let mut problems = Vec::new();
    let (mut own_image, mut article_verdict) = (true, true);
    for (key, want) in checks {
        let got = match key.as_str() {
            "title" => Some(article.title.clone()),
            "byline" => article.byline.clone(),
            "site_name" => article.site_name.clone(),
            "excerpt" => article.excerpt.clone(),
            "lang" => article.lang.clone(),
            "dir" => article.dir.clone(),
            "image" => {
                own_image = want != "none";
                continue;
            }
            "verdict" => {
                article_verdict = want != "any";
                continue;
            }
            "link" => {
                if !article.content_html.contains(&format!("href=\"{want}\"")) {
                    problems.push(format!("no link to {want}"));
                }
                continue;
            }
            other => panic!("unknown check {other}"),
        };
        if got.as_deref().unwrap_or("") != want {
            problems.push(format!("{key}: {got:?}, expected {want:?}"));
        }
    }
    if own_image && !article.content_html.contains(&format!("src=\"{OWN_IMAGE}\"")) {
        problems.push(format!("the page's own image is gone: {}", article.content_html));
    }
    if !article.text.contains(KEPT_PHRASE) || (article_verdict && !a.verdict.is_article) {
        problems.push(format!("the article is lost ({}): {}", a.verdict.reason, article.text));
    }
    problems
}

#[test]
fn hostile_pages_come_out_clean() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let vectors = manifest(&dir);
    let mut pages: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/hostile")
        .filter_map(|e| e.ok()?.file_name().into_string().ok()?.strip_suffix(".html").map(String::from))
        .collect();
    pages.sort();
    let mut listed: Vec<String> = vectors.iter().map(|v| v.name.clone()).collect();
    listed.sort();
    assert_eq!(pages, listed, "every page is in manifest.tsv, and every entry has its page");
    assert!(vectors.len() >= 50, "{} vectors", vectors.len());

    let mut failures = Vec::new();
    let mut families = std::collections::BTreeMap::<&str, usize>::new();
    for v in &vectors {
        *families.entry(v.family.as_str()).or_default() += 1;
        let html = std::fs::read_to_string(dir.join(format!("{}.html", v.name))).expect("page");
        // Text tricks (invisible and reordering characters) run nothing: their checks say what must come out.
        let planted = html.contains("SENTINEL") || (v.family == "text" && !v.checks.is_empty());
        assert!(planted, "{}: plants no SENTINEL and checks nothing", v.name);
        for highlight in [true, false] {
            let options = Options::default().force(true).highlight(highlight);
            let a = match analyze(&html, Some(PAGE_URL), &options) {
                Ok(a) => a,
                Err(e) => {
                    failures.push(format!("{}: {e}", v.name));
                    continue;
                }
            };
            let problems = content_problems(&a.article.content_html)
                .into_iter()
                .chain(field_problems(&a))
                .chain(expectation_problems(&a, &v.checks));
            failures.extend(problems.map(|p| format!("{} ({}): {p}", v.name, v.family)));
        }
    }
    assert!(families.len() >= 10, "{families:?}");
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_checks_catch_what_they_look_for() {
    // The same checks on unsanitized markup: each kind of problem is reported.
    let bad = [
        r#"<p onclick="x()">a</p>"#,
        r#"<script>x()</script>"#,
        r#"<a href="javascript:x()" rel="noopener noreferrer">a</a>"#,
        r#"<a href="https://ok.example/">no rel</a>"#,
        r#"<img src="data:image/svg+xml;base64,PHN2Zz4=">"#,
        r#"<img srcset="https://ok.example/a.jpg 1x, javascript:x 2x">"#,
        r#"<img src="/relative.jpg">"#,
        r#"<p style="background:url(https://b.example/)">a</p>"#,
        r#"<img src="https://beacon.invalid/SENTINEL.gif">"#,
        r#"<svg><p>x</p></svg>"#,
    ];
    for html in bad {
        assert!(!content_problems(html).is_empty(), "{html}");
    }
    let good = r#"<p lang="fr">a <a href="https://ok.example/x" rel="noopener noreferrer">b</a> <img src="https://ok.example/a.jpg" srcset="https://ok.example/a.jpg 2x" alt="c"> <mark data-kind="date" data-id="d" data-value="2025">d</mark></p>"#;
    assert_eq!(content_problems(good), Vec::<String>::new());
}
