//! Article Lens: the reading view of a web page, with its key claims, figures and dates.
//!
//! One entry point, [`analyze`], takes a page's HTML and returns an [`Analysis`]. [`Options`]
//! tunes it (builder style). Everything runs locally; nothing is fetched.
//!
//! ```
//! use article_lens::{analyze, Options};
//!
//! let html = r#"<html lang="en"><head><title>Meta raises its AI budget | Example News</title>
//!   <meta property="article:published_time" content="2025-02-18T17:22:00+01:00"></head>
//!   <body><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav>
//!   <article><h1>Meta raises its AI budget</h1>
//!   <p>Meta plans to spend up to $65 billion on its AI infrastructure this year, Mark Zuckerberg
//!   said on January 29, 2025, during the company's fourth-quarter results call.</p>
//!   <p>The investment dwarfs last year's budget and comes as investors worry about rivals such as
//!   DeepSeek, whose low-cost models unsettled markets and weighed on Nvidia's share price.</p>
//!   <p>Zuckerberg told analysts that heavy investment in capital and infrastructure would be a
//!   long-term strategic advantage for the company and its 3.35 billion daily users.</p>
//!   </article><footer>© Example News</footer></body></html>"#;
//!
//! let analysis = analyze(html, Some("https://news.example/meta-ai"), &Options::default())?;
//! assert_eq!(analysis.article.title, "Meta raises its AI budget");
//! assert!(analysis.article.text.contains("up to $65 billion"));
//! assert!(!analysis.article.text.contains("Home"));
//! # Ok::<(), article_lens::Error>(())
//! ```

pub mod claims;
pub mod consistency;
pub mod decode;
pub mod entities;
mod error;
pub mod extract;
pub(crate) mod hash;
pub mod lang;
pub mod model;
pub(crate) mod sort;
pub mod text;
mod timing;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
pub mod worksheet;

pub use error::{Error, MAX_INPUT_BYTES};
pub use lang::Lang;
pub use model::*;

use chrono::{NaiveDate, NaiveDateTime};

/// Default number of key claims returned.
pub const DEFAULT_MAX_CLAIMS: usize = 7;

/// Words per minute used for the reading time.
const READING_WPM: usize = 230;

/// How to analyse a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Resolve relative dates against this ISO 8601 date or date-time instead of the article's
    /// publication date.
    pub reference_date: Option<String>,
    /// Analyse claims, figures and dates even when the page does not look like an article.
    pub force: bool,
    /// How many key claims to return.
    pub max_claims: usize,
    /// Insert `<mark>` highlights into [`Article::content_html`].
    pub highlight: bool,
    /// Record the time of each stage in [`Analysis::timings`] (a debug aid).
    pub timings: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { reference_date: None, force: false, max_claims: DEFAULT_MAX_CLAIMS, highlight: true, timings: false }
    }
}

impl Options {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn reference_date(mut self, date: impl Into<String>) -> Self {
        self.reference_date = Some(date.into());
        self
    }
    pub fn force(mut self, force: bool) -> Self {
        self.force = force;
        self
    }
    pub fn max_claims(mut self, max: usize) -> Self {
        self.max_claims = max;
        self
    }
    pub fn highlight(mut self, highlight: bool) -> Self {
        self.highlight = highlight;
        self
    }
    pub fn timings(mut self, timings: bool) -> Self {
        self.timings = timings;
        self
    }
}

/// Analyses one page: extracts the article, then finds its figures, dates and key claims.
///
/// `url` is the page's address, used to absolutize links and images. Spans in the result are
/// Unicode code point offsets into [`Article::text`].
pub fn analyze(html: &str, url: Option<&str>, options: &Options) -> Result<Analysis, Error> {
    Ok(Extracted::new(html, url, options)?.annotate())
}

/// [`analyze`] in two steps, so that a reader can show the text before the analysis is done:
/// [`Extracted::new`] extracts the article, [`Extracted::reading_view`] gives it without claims,
/// figures or dates, and [`Extracted::annotate`] finishes the analysis on the same parse.
///
/// ```
/// use article_lens::{Extracted, Options};
///
/// let html = "<html lang=en><body><article><h1>Budget</h1><p>The city will spend $4 million on \
///     new parks next year, the mayor said on Monday, in a plan that doubles last year's budget.</p>\
///     <p>Work on the first two parks starts in March and should end before the summer of 2027.</p>\
///     </article></body></html>";
/// // A page this short does not look like an article: `force` analyses it all the same.
/// let extracted = Extracted::new(html, None, &Options::new().force(true))?;
/// let view = extracted.reading_view();
/// assert!(view.figures.is_empty() && view.article.text.contains("$4 million"));
/// let analysis = extracted.annotate();
/// assert_eq!(analysis.article.text, view.article.text);
/// assert!(analysis.figures.iter().any(|f| f.text == "$4 million"));
/// # Ok::<(), article_lens::Error>(())
/// ```
pub struct Extracted {
    analysis: Analysis,
    content: text::Fragment,
    reference: Option<NaiveDateTime>,
    options: Options,
}

impl Extracted {
    /// Checks the options and extracts the article (the reading view's part of [`analyze`]).
    pub fn new(html: &str, url: Option<&str>, options: &Options) -> Result<Extracted, Error> {
        timing::start(options.timings);
        let extracted = Self::extract(html, url, options);
        let stages = timing::finish();
        extracted.map(|mut e| {
            e.analysis.timings = stages;
            e
        })
    }

    fn extract(html: &str, url: Option<&str>, options: &Options) -> Result<Extracted, Error> {
        let reference =
            match &options.reference_date {
                Some(d) => Some(parse_iso_datetime(d).ok_or_else(|| {
                    Error::InvalidOption("reference_date".into(), format!("not an ISO 8601 date: {d}"))
                })?),
                None => None,
            };
        let (analysis, content) = extract_article_parsed(html, url)?;
        Ok(Extracted { analysis, content, reference, options: options.clone() })
    }

    /// The article and the verdict, with no claims, figures or dates yet.
    pub fn reading_view(&self) -> Analysis {
        Analysis {
            article: self.analysis.article.clone(),
            verdict: self.analysis.verdict.clone(),
            timings: self.analysis.timings.clone(),
            ..Default::default()
        }
    }

    /// The whole analysis: what [`analyze`] returns.
    pub fn annotate(self) -> Analysis {
        let Extracted { mut analysis, content, reference, options } = self;
        timing::start(options.timings);
        if analysis.verdict.is_article || options.force {
            annotate(&mut analysis, &content, reference, &options);
        }
        to_char_offsets(&mut analysis);
        timing::mark("char offsets");
        analysis.timings.extend(timing::finish());
        analysis
    }
}

/// The reading view only: [`Analysis::article`] and [`Analysis::verdict`], with no claims,
/// figures or dates (cheaper than [`analyze`] when only the text is wanted).
pub fn extract_article(html: &str, url: Option<&str>) -> Result<Analysis, Error> {
    extract_article_parsed(html, url).map(|(analysis, _)| analysis)
}

/// [`extract_article`], with the content HTML's parse kept for the highlights.
fn extract_article_parsed(html: &str, url: Option<&str>) -> Result<(Analysis, text::Fragment), Error> {
    check_input(html)?;
    timing::mark("input check");
    let url = match url.map(str::trim).filter(|u| !u.is_empty()) {
        Some(u) => Some(extract::policy::parse_url(u).map_err(|e| Error::InvalidUrl(format!("{u} ({e})")))?),
        None => None,
    };
    let (ex, content) = extract::extract_parsed(html, url.as_ref());
    let (text, word_count) = (ex.text, ex.word_count);
    let analysis = Analysis {
        article: Article {
            // The page's address is shown as a link: only a web address is.
            url: url.filter(|u| matches!(u.scheme(), "http" | "https")).map(String::from),
            title: ex.title,
            byline: ex.byline,
            site_name: ex.site_name,
            published: ex.published,
            modified: ex.modified,
            lang: ex.lang,
            dir: ex.dir,
            lead_image: ex.lead_image,
            excerpt: ex.excerpt,
            content_html: ex.content_html,
            text,
            word_count,
            reading_minutes: word_count.div_ceil(READING_WPM) as u32,
        },
        verdict: ex.verdict,
        ..Default::default()
    };
    Ok((analysis, content))
}

/// Fills figures, dates and claims (byte spans) and inserts the highlights.
fn annotate(analysis: &mut Analysis, content: &text::Fragment, reference: Option<NaiveDateTime>, options: &Options) {
    let article = &mut analysis.article;
    let lang = Lang::resolve(article.lang.as_deref(), &article.text);
    let reference = reference.or_else(|| article.published.as_deref().and_then(parse_iso_datetime));
    timing::mark("language");
    let (figures, dates) = entities::find(&article.text, lang, reference);
    let ctx =
        claims::ClaimContext { text: &article.text, title: &article.title, lang, figures: &figures, dates: &dates };
    // Only in a language the rules are written for (a page declared in another is read as
    // English or French by the rest, which is not enough to question it).
    let check_consistency = article.lang.as_deref().is_none_or(|tag| Lang::from_tag(tag).is_some());
    // The sentences, split once for the claims and the consistency checks.
    let sentences = if options.max_claims > 0 || (check_consistency && !(figures.is_empty() && dates.is_empty())) {
        claims::sentences::split(&article.text, lang)
    } else {
        Vec::new()
    };
    timing::mark("claims: sentences");
    let claims = claims::key_claims_in(&ctx, &sentences, options.max_claims);
    if check_consistency {
        analysis.consistency = consistency::find_in(&article.text, &sentences, lang, &figures, &dates, reference);
    }
    timing::mark("consistency");
    if options.highlight {
        let mut marks = Vec::with_capacity(claims.len() + figures.len() + dates.len());
        for (i, c) in claims.iter().enumerate() {
            let value = c.speaker.clone().unwrap_or_else(|| format!("{:?}", c.kind).to_lowercase());
            marks.push(text::Mark {
                start: c.span.start,
                end: c.span.end,
                kind: "claim",
                id: format!("claim-{i}"),
                value,
            });
        }
        for (i, f) in figures.iter().enumerate() {
            marks.push(text::Mark {
                start: f.span.start,
                end: f.span.end,
                kind: "figure",
                id: format!("figure-{i}"),
                value: f.normalized.clone(),
            });
        }
        for (i, d) in dates.iter().enumerate() {
            marks.push(text::Mark {
                start: d.span.start,
                end: d.span.end,
                kind: "date",
                id: format!("date-{i}"),
                value: d.value.clone(),
            });
        }
        // The same parse of `content_html` that gave the text: spans land where they were found.
        let (_, marked) = content.highlight(&marks);
        article.content_html = marked;
        timing::mark("highlights");
    }
    analysis.claims = claims;
    analysis.figures = figures;
    analysis.dates = dates;
}

fn to_char_offsets(a: &mut Analysis) {
    let text = std::mem::take(&mut a.article.text);
    text::byte_to_char_offsets(&text, &mut a.span_offsets_mut());
    a.article.text = text;
}

/// Rejects input that cannot be a page: too large, binary, or empty.
fn check_input(html: &str) -> Result<(), Error> {
    if html.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge { bytes: html.len(), limit: MAX_INPUT_BYTES });
    }
    if html.trim().is_empty() {
        return Err(Error::Empty);
    }
    let sample = &html.as_bytes()[..html.len().min(8192)];
    let control = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)).count();
    if sample.contains(&0) || control * 10 > sample.len() {
        return Err(Error::NotText);
    }
    Ok(())
}

/// Parses "2025-02-18", "2025-02-18T17:22", "2025-02-18T17:22:00+01:00" or "…Z" to the local
/// date-time as written (the offset is dropped: relative dates resolve in the article's time).
pub fn parse_iso_datetime(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(dt.naive_local());
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(dt);
        }
    }
    // A date, possibly followed by a time and offset in a form chrono does not take.
    let date = s.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())?;
    date.and_hms_opt(0, 0, 0)
}

#[cfg(test)]
#[path = "../tests/common/growth.rs"]
pub(crate) mod growth;

/// xorshift64: the fixed stream of pseudo-random numbers the randomized tests draw from.
#[cfg(test)]
pub(crate) fn next_random(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_input_with_clear_errors() {
        assert_eq!(analyze("   ", None, &Options::default()), Err(Error::Empty));
        let junk = "\u{0}\u{1}\u{2}binary".repeat(100);
        assert_eq!(analyze(&junk, None, &Options::default()), Err(Error::NotText));
        let huge = "a".repeat(MAX_INPUT_BYTES + 1);
        assert!(matches!(analyze(&huge, None, &Options::default()), Err(Error::TooLarge { .. })));
        assert!(matches!(analyze("<p>x</p>", Some("not a url"), &Options::default()), Err(Error::InvalidUrl(_))));
        let script_url = analyze("<p>x</p>", Some("javascript:alert(1)"), &Options::default());
        assert_eq!(script_url.map(|a| a.article.url), Ok(None));
        let bad_ref = Options::default().reference_date("tomorrow");
        assert!(matches!(analyze("<p>x</p>", None, &bad_ref), Err(Error::InvalidOption(..))));
        assert!(Error::TooLarge { bytes: 9 << 20, limit: 8 << 20 }.to_string().contains("too large"));
    }

    #[test]
    fn timings_only_when_asked_and_in_stage_order() {
        let html = "<html lang=en><body><article><h1>Budget</h1><p>The city will spend $4 million on parks \
            next year, the mayor said on Monday, in a plan that doubles last year's budget.</p></article></body></html>";
        let plain = analyze(html, None, &Options::default().force(true)).unwrap();
        assert!(plain.timings.is_empty());
        assert!(!serde_json::to_string(&plain).unwrap().contains("timings"));
        let timed = analyze(html, None, &Options::default().force(true).timings(true)).unwrap();
        let stages: Vec<&str> = timed.timings.iter().map(|s| s.stage.as_str()).collect();
        let at =
            |name: &str| stages.iter().position(|s| *s == name).unwrap_or_else(|| panic!("no {name} in {stages:?}"));
        assert!(at("extract: html5ever parse") < at("entities: figures, dates"));
        assert!(at("entities: figures, dates") < at("claims: ranking"));
        assert_eq!(stages.last(), Some(&"char offsets"));
        assert!(timed.timings.iter().all(|s| s.ms >= 0.0));
        assert_eq!(Analysis { timings: Vec::new(), ..timed }, plain, "the same analysis otherwise");
    }

    #[test]
    fn iso_dates() {
        let d = |s| parse_iso_datetime(s).map(|d| d.to_string());
        assert_eq!(d("2025-02-18"), Some("2025-02-18 00:00:00".into()));
        assert_eq!(d("2025-02-18T17:22:00+01:00"), Some("2025-02-18 17:22:00".into()));
        assert_eq!(d("2025-02-18T17:22"), Some("2025-02-18 17:22:00".into()));
        assert_eq!(d("18/02/2025"), None);
    }
}
