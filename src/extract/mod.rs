//! Main-content extraction: from a whole page to the article's sanitized HTML and metadata.

use crate::model::Verdict;
use url::Url;

/// What extraction finds on a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub title: String,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub lead_image: Option<String>,
    pub excerpt: Option<String>,
    /// Sanitized HTML of the article body (ammonia allowlist), URLs absolute.
    pub content_html: String,
    pub verdict: Verdict,
}

/// Extracts the article of a page. Never fails: a page with no article gets a verdict saying so
/// and the best content found.
pub fn extract(html: &str, url: Option<&Url>) -> Extracted {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("title").expect("static selector");
    let title = doc.select(&sel).next().map(|t| t.text().collect::<String>()).unwrap_or_default();
    let body = scraper::Selector::parse("body").expect("static selector");
    let content = doc.select(&body).next().map(|b| b.inner_html()).unwrap_or_default();
    let _ = url;
    Extracted {
        title: title.trim().to_string(),
        content_html: ammonia::clean(&content),
        verdict: Verdict { is_article: true, reason: "first version: whole body".into() },
        ..Default::default()
    }
}
