//! The JavaScript-facing API (src/wasm.rs), run in headless Chromium:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test --target wasm32-unknown-unknown --test wasm_boundary`
//! (see .ci/test for the driver and browser settings).
#![cfg(target_arch = "wasm32")]

use article_lens::wasm::{Extraction, analyze, parse_options, to_utf16_spans, version};
use article_lens::{Analysis, Article, Claim, DateMention, Error, Figure, MAX_INPUT_BYTES, Options, Span};
use js_sys::{JSON, JsString, Reflect};
use wasm_bindgen::{JsCast, JsError, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A short but complete article (its <title> and <h1> agree, so any extractor finds the title).
const ARTICLE: &str = r#"<!DOCTYPE html><html lang="en"><head><title>Meta raises its AI budget</title>
<meta property="article:published_time" content="2025-02-18T17:22:00+01:00"></head>
<body><article><h1>Meta raises its AI budget</h1>
<p>Meta plans to spend up to $65 billion on its AI infrastructure this year, Mark Zuckerberg said on
January 29, 2025, during the company's fourth-quarter results call.</p>
<p>The investment dwarfs last year's budget and comes as investors worry about rivals such as
DeepSeek, whose low-cost models unsettled markets and weighed on Nvidia's share price.</p>
<p>Zuckerberg told analysts that heavy investment in capital and infrastructure would be a
long-term strategic advantage for the company and its 3.35 billion daily active users.</p>
<p>Analysts expect capital spending across the sector to rise by 40% in 2025, to more than
$300 billion, as companies race to build data centers.</p>
</article></body></html>"#;

/// `{...}` from JSON text.
fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test options are valid JSON")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("Reflect.get on an object")
}

/// The analysis as the returned JS object, and decoded into the Rust schema.
fn run(html: &str, options: JsValue) -> (JsValue, Analysis) {
    let value = match analyze(html, options) {
        Ok(v) => v,
        Err(e) => panic!("analyze failed: {}", message(e)),
    };
    let analysis: Analysis =
        serde_wasm_bindgen::from_value(value.clone()).expect("the result matches the Analysis schema");
    (value, analysis)
}

/// The message of the JS `Error` a call returned.
fn message(e: JsError) -> String {
    let value = JsValue::from(e);
    let error: &js_sys::Error = value.dyn_ref().expect("a JsError is a JS Error object");
    String::from(error.message())
}

fn error_of(html: &str, options: JsValue) -> String {
    match analyze(html, options) {
        Ok(_) => panic!("expected an error"),
        Err(e) => message(e),
    }
}

fn option_error(options: &str) -> String {
    match parse_options(js(options)) {
        Ok(_) => panic!("options {options} should be rejected"),
        Err(e) => message(e),
    }
}

#[wasm_bindgen_test]
fn small_article_returns_a_plain_object() {
    let (value, analysis) = run(ARTICLE, JsValue::UNDEFINED);
    let article = get(&value, "article");
    assert!(article.is_object(), "result.article is an object");
    assert_eq!(get(&article, "title").as_string().as_deref(), Some("Meta raises its AI budget"));
    let text = get(&article, "text").as_string().expect("result.article.text is a string");
    assert!(text.contains("up to $65 billion on its AI infrastructure"), "{text}");
    assert!(text.contains("3.35 billion daily active users"), "{text}");
    for list in ["claims", "figures", "dates"] {
        assert!(js_sys::Array::is_array(&get(&value, list)), "result.{list} is an array");
    }
    assert!(get(&get(&value, "verdict"), "is_article").as_bool().is_some());
    assert_eq!(analysis.article.title, "Meta raises its AI budget");
    assert!(analysis.article.word_count > 80, "{}", analysis.article.word_count);
    // JSON-compatible: the object survives JSON.stringify (no Maps, no BigInts).
    let json = JSON::stringify(&value).expect("stringify").as_string().unwrap_or_default();
    assert!(json.contains("\"title\":\"Meta raises its AI budget\""), "{json}");
}

#[wasm_bindgen_test]
fn null_and_empty_options_mean_the_defaults() {
    for options in [JsValue::NULL, JsValue::UNDEFINED, js("{}")] {
        let (url, opts) = parse_options(options).unwrap_or_else(|e| panic!("{}", message(e)));
        assert_eq!(url, None);
        assert_eq!(opts, Options::default());
    }
}

#[wasm_bindgen_test]
fn every_option_is_read() {
    let options = js(
        r#"{"url":"https://news.example/meta-ai","referenceDate":"2025-03-01","force":true,"maxClaims":2,"highlight":false}"#,
    );
    let (url, opts) = parse_options(options).unwrap_or_else(|e| panic!("{}", message(e)));
    assert_eq!(url.as_deref(), Some("https://news.example/meta-ai"));
    assert_eq!(opts, Options::new().reference_date("2025-03-01").force(true).max_claims(2).highlight(false));
    // Explicit nulls are "not given".
    let (url, opts) =
        parse_options(js(r#"{"url":null,"force":null,"maxClaims":null}"#)).unwrap_or_else(|e| panic!("{}", message(e)));
    assert_eq!((url, opts), (None, Options::default()));
}

#[wasm_bindgen_test]
fn url_is_used_for_the_article() {
    let (value, analysis) = run(ARTICLE, js(r#"{"url":"https://news.example/tech/meta-ai?ref=home"}"#));
    assert_eq!(analysis.article.url.as_deref(), Some("https://news.example/tech/meta-ai?ref=home"));
    assert_eq!(
        get(&get(&value, "article"), "url").as_string().as_deref(),
        Some("https://news.example/tech/meta-ai?ref=home")
    );
    let msg = error_of(ARTICLE, js(r#"{"url":"not a url"}"#));
    assert!(msg.starts_with("the page URL is not valid: not a url"), "{msg}");
}

#[wasm_bindgen_test]
fn timings_come_only_when_asked_with_the_host_clock() {
    let (plain, _) = run(ARTICLE, js("{}"));
    assert!(get(&plain, "timings").is_undefined(), "no timings by default");
    let (timed, analysis) = run(ARTICLE, js(r#"{"timings": true}"#));
    assert!(js_sys::Array::is_array(&get(&timed, "timings")));
    let stages: Vec<&str> = analysis.timings.iter().map(|s| s.stage.as_str()).collect();
    assert!(stages.contains(&"extract: html5ever parse") && stages.contains(&"claims: ranking"), "{stages:?}");
    assert!(analysis.timings.iter().all(|s| s.ms.is_finite() && s.ms >= 0.0));
    assert!(option_error(r#"{"timings": 1}"#).contains("timings must be true or false"));
}

#[wasm_bindgen_test]
fn highlight_false_gives_no_marks() {
    let (_, plain) = run(ARTICLE, js(r#"{"highlight":false,"force":true}"#));
    assert!(!plain.article.content_html.contains("<mark"), "{}", plain.article.content_html);
    assert!(plain.article.content_html.contains("up to $65 billion"));
    let (_, marked) = run(ARTICLE, js(r#"{"highlight":true,"force":true}"#));
    // Same findings either way; with highlights, every finding is marked.
    assert_eq!((&marked.figures, &marked.dates, &marked.claims), (&plain.figures, &plain.dates, &plain.claims));
    let findings = marked.figures.len() + marked.dates.len() + marked.claims.len();
    let marks = marked.article.content_html.matches("<mark").count();
    assert!(marks >= findings, "{marks} <mark> elements for {findings} findings");
    assert_eq!(marked.article.text, plain.article.text, "highlights do not change the text");
}

#[wasm_bindgen_test]
fn max_claims_is_respected() {
    for max in [0usize, 1, 3] {
        let (_, a) = run(ARTICLE, js(&format!(r#"{{"maxClaims":{max},"force":true}}"#)));
        assert!(a.claims.len() <= max, "{} claims for maxClaims {max}", a.claims.len());
    }
    let (_, all) = run(ARTICLE, js(r#"{"force":true}"#));
    assert!(all.claims.len() <= article_lens::DEFAULT_MAX_CLAIMS);
}

#[wasm_bindgen_test]
fn force_analyses_pages_that_are_not_articles() {
    let page = "<html><body><nav><a href='/'>Home</a></nav><p>Sale: 30% off, now $19.99 until March 3, 2025.</p></body></html>";
    let (_, unforced) = run(page, JsValue::UNDEFINED);
    let (_, forced) = run(page, js(r#"{"force":true}"#));
    assert_eq!(forced.verdict, unforced.verdict, "force does not change the verdict");
    if !unforced.verdict.is_article {
        assert!(unforced.figures.is_empty() && unforced.dates.is_empty() && unforced.claims.is_empty());
    }
    // Forced, the page gets the same treatment an article gets.
    let (_, as_article) = run(ARTICLE, js(r#"{"force":true}"#));
    let (_, by_default) = run(ARTICLE, JsValue::UNDEFINED);
    if by_default.verdict.is_article {
        assert_eq!(as_article, by_default);
    }
}

#[wasm_bindgen_test]
fn unknown_option_keys_are_errors() {
    let msg = option_error(r#"{"maxclaims":3}"#);
    assert_eq!(
        msg,
        "invalid options: unknown key \"maxclaims\" (expected {url, referenceDate, force, maxClaims, highlight, timings})"
    );
    // And through analyze itself, even next to valid keys.
    let msg = error_of(ARTICLE, js(r#"{"force":true,"colour":"red"}"#));
    assert!(msg.contains("unknown key \"colour\""), "{msg}");
}

#[wasm_bindgen_test]
fn bad_option_values_are_errors() {
    for (options, expected) in [
        (r#"{"maxClaims":-1}"#, "maxClaims must be a whole number from 0 to 4294967295, not -1"),
        (r#"{"maxClaims":"3"}"#, "maxClaims must be a whole number from 0 to 4294967295, not \"3\""),
        (r#"{"maxClaims":2.5}"#, "maxClaims must be a whole number from 0 to 4294967295, not 2.5"),
        (r#"{"maxClaims":1e20}"#, "maxClaims must be a whole number from 0 to 4294967295, not 100000000000000000000"),
        (r#"{"force":"yes"}"#, "force must be true or false, not \"yes\""),
        (r#"{"highlight":1}"#, "highlight must be true or false, not 1"),
        (r#"{"url":42}"#, "url must be a string, not 42"),
        (r#"{"referenceDate":{"y":2025}}"#, "referenceDate must be a string, not {\"y\":2025}"),
    ] {
        assert_eq!(option_error(options), format!("invalid options: {expected}"), "{options}");
    }
    let msg = match parse_options(JsValue::from_f64(f64::NAN)) {
        Ok(_) => panic!("NaN options accepted"),
        Err(e) => message(e),
    };
    assert!(msg.contains("expected an object"), "{msg}");
    let nan = js_sys::Object::new();
    Reflect::set(&nan, &JsValue::from_str("maxClaims"), &JsValue::from_f64(f64::NAN)).expect("set");
    let msg = match parse_options(nan.into()) {
        Ok(_) => panic!("maxClaims NaN accepted"),
        Err(e) => message(e),
    };
    assert!(msg.starts_with("invalid options: maxClaims must be a whole number"), "{msg}");
    for not_an_object in [JsValue::from_str("force"), JsValue::from_f64(3.0), JsValue::TRUE, js("[1,2]")] {
        let msg = match parse_options(not_an_object) {
            Ok(_) => panic!("non-object options accepted"),
            Err(e) => message(e),
        };
        assert_eq!(
            msg,
            "invalid options: expected an object like {url, referenceDate, force, maxClaims, highlight, timings}"
        );
    }
    // A well-typed value the analysis cannot use.
    let msg = error_of(ARTICLE, js(r#"{"referenceDate":"next Tuesday"}"#));
    assert_eq!(msg, "option referenceDate: not an ISO 8601 date: next Tuesday");
}

#[wasm_bindgen_test]
fn bad_inputs_are_js_errors_with_clear_messages() {
    assert_eq!(error_of("", JsValue::UNDEFINED), Error::Empty.to_string());
    assert_eq!(error_of(" \n\t ", JsValue::UNDEFINED), Error::Empty.to_string());
    let binary = "\u{0}\u{1}\u{2}\u{3}PK\u{4}".repeat(200);
    assert_eq!(error_of(&binary, JsValue::UNDEFINED), Error::NotText.to_string());
    let huge = format!("<p>{}</p>", "a".repeat(MAX_INPUT_BYTES));
    let expected = Error::TooLarge { bytes: huge.len(), limit: MAX_INPUT_BYTES }.to_string();
    assert_eq!(error_of(&huge, JsValue::UNDEFINED), expected);
    assert!(expected.contains("too large"), "{expected}");
}

#[wasm_bindgen_test]
fn hostile_pages_do_not_trap() {
    let deep = format!("{}<p>deep text with 5% inside</p>{}", "<div>".repeat(5000), "</div>".repeat(5000));
    let pages = [
        deep,
        "<p>unclosed <b><i><table><tr><td>cell".to_string(),
        "<html><body>".to_string() + &"<p>repeat $1 million, 3% on 1 January 2025.</p>".repeat(3000),
        "plain text, no tags at all: 5 € or 10 $".to_string(),
        "<script>while(true){}</script><style>p{}</style>".to_string(),
        "🎉".repeat(10_000),
        "<p>\u{202e}bidi \u{200d} zero-width \u{feff} BOM \u{fffd}</p>".to_string(),
    ];
    for page in &pages {
        // Either an analysis or a JS Error; a panic would trap the whole module.
        let outcome = analyze(page, js(r#"{"force":true}"#));
        if let Ok(value) = outcome {
            assert!(get(&value, "article").is_object());
        }
    }
}

/// A figure over `text` with a code point span.
fn figure(text: &str, start: usize, end: usize) -> Figure {
    Figure { span: Span { start, end }, text: text.into(), ..Default::default() }
}

#[wasm_bindgen_test]
fn spans_are_converted_to_utf16_code_units() {
    // Astral characters (2 UTF-16 units each) and a BMP accent (1 unit) before the figures.
    let text = "🎉 Meta 🚀🚀 plans up to $65 billion; café costs €3.";
    let chars: Vec<char> = text.chars().collect();
    let find = |needle: &str| -> (usize, usize) {
        let byte = text.find(needle).expect("needle in text");
        let start = text[..byte].chars().count();
        (start, start + needle.chars().count())
    };
    let (s1, e1) = find("$65 billion");
    let (s2, e2) = find("€3");
    let (s3, _) = find("Meta");
    assert_eq!(chars[s1], '$');
    let mut a = Analysis {
        article: Article { text: text.into(), ..Default::default() },
        // Deliberately out of text order, and spread over all three lists.
        figures: vec![figure("€3", s2, e2), figure("$65 billion", s1, e1)],
        claims: vec![Claim {
            span: Span { start: s3, end: e2 },
            text: text[text.find("Meta").unwrap_or(0)..].trim_end_matches('.').into(),
            ..Default::default()
        }],
        dates: vec![DateMention { span: Span { start: 0, end: chars.len() + 5 }, ..Default::default() }],
        ..Default::default()
    };
    to_utf16_spans(&mut a);
    let js_text = JsString::from(text);
    let slice = |s: Span| String::from(js_text.slice(s.start as u32, s.end as u32));
    assert_eq!(slice(a.figures[0].span), "€3");
    assert_eq!(slice(a.figures[1].span), "$65 billion");
    assert_eq!(slice(a.claims[0].span), "Meta 🚀🚀 plans up to $65 billion; café costs €3");
    assert_eq!(a.figures[1].span, Span { start: s1 + 3, end: e1 + 3 }, "three astral characters before it");
    // An offset past the end becomes the UTF-16 length (no panic, no overrun).
    assert_eq!(a.dates[0].span, Span { start: 0, end: js_text.length() as usize });
    assert_eq!(a.article.text, text, "the text itself is untouched");
}

#[wasm_bindgen_test]
fn analysis_spans_index_the_js_string() {
    let html = "<html lang=\"en\"><head><title>Emoji 🎉 budget news</title></head><body><article><h1>Emoji 🎉 budget news</h1>\
        <p>🎉🎉 The company 🚀 said on January 29, 2025 that it will spend up to $65 billion this year, \
        up 40% from the $46 billion it spent in 2024, according to its chief financial officer.</p>\
        <p>𝐌𝐚𝐭𝐡 letters and 😀 faces precede 3.35 billion daily active users in this paragraph, which \
        the company reported alongside its fourth-quarter results on the same day.</p></article></body></html>";
    let (value, a) = run(html, js(r#"{"force":true}"#));
    let text = JsString::from(get(&get(&value, "article"), "text"));
    assert!(String::from(text.clone()).contains("up to $65 billion"));
    let len = text.length() as usize;
    let check = |what: &str, span: Span, expected: &str| {
        assert!(span.start <= span.end && span.end <= len, "{what} span {span:?} within {len} UTF-16 units");
        assert_eq!(String::from(text.slice(span.start as u32, span.end as u32)), expected, "{what} span {span:?}");
    };
    for f in &a.figures {
        check("figure", f.span, &f.text);
    }
    for d in &a.dates {
        check("date", d.span, &d.text);
    }
    for c in &a.claims {
        check("claim", c.span, &c.text);
    }
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn founding_example_page_crosses_the_boundary() {
    let html = include_str!("fixtures/seed/meta-deepseek.html");
    let expected = js(include_str!("fixtures/seed/expected.json"));
    let url = get(&expected, "url").as_string().expect("expected.json has the page url");
    let options = js_sys::Object::new();
    Reflect::set(&options, &JsValue::from_str("url"), &JsValue::from_str(&url)).expect("set");
    let (value, a) = run(html, options.into());
    let text = get(&get(&value, "article"), "text").as_string().expect("article.text");
    let must = js_sys::Array::from(&get(&expected, "must_contain"));
    assert!(must.length() >= 5);
    for sentence in must.iter() {
        let sentence = sentence.as_string().expect("a string");
        assert!(text.contains(&sentence), "article text lacks: {sentence}");
    }
    assert_eq!(a.article.url.as_deref(), Some(url.as_str()));
    let len = JsString::from(text.as_str()).length() as usize;
    for s in
        a.figures.iter().map(|f| f.span).chain(a.dates.iter().map(|d| d.span)).chain(a.claims.iter().map(|c| c.span))
    {
        assert!(s.start <= s.end && s.end <= len, "span {s:?} within {len} UTF-16 units");
    }
}

#[wasm_bindgen_test]
fn extraction_gives_the_reading_view_then_the_same_analysis() {
    let (_, whole) = run(ARTICLE, JsValue::UNDEFINED);
    let mut job = match Extraction::new(ARTICLE, JsValue::UNDEFINED) {
        Ok(job) => job,
        Err(e) => panic!("Extraction failed: {}", message(e)),
    };
    let view: Analysis = serde_wasm_bindgen::from_value(job.reading_view().map_err(message).expect("view"))
        .expect("the reading view matches the Analysis schema");
    assert_eq!(view.article.text, whole.article.text);
    assert!(view.claims.is_empty() && view.figures.is_empty() && view.dates.is_empty());
    assert!(!view.article.content_html.contains("<mark"));
    let done: Analysis = serde_wasm_bindgen::from_value(job.annotate().map_err(message).expect("annotate"))
        .expect("the analysis matches the Analysis schema");
    assert_eq!(done, whole, "two steps give what analyze() gives");
    assert!(message(job.annotate().expect_err("only once")).contains("already done"));
    assert!(message(job.reading_view().expect_err("after annotate")).contains("already done"));
    assert!(message(Extraction::new("", JsValue::UNDEFINED).err().expect("empty page")).contains("empty"));
}
