//! Any strings as metadata, link and image addresses: the URL and text policy keeps only what it
//! allows, and a page built from them comes out with every URL and text field clean.
//!
//! The input is split at NUL bytes into a title, an author, a description, an image address, a
//! link address and a srcset, each used both raw and HTML-escaped in a page.
#![no_main]

use article_lens::extract::policy::{self, UrlUse};
use article_lens::extract_article;
use libfuzzer_sys::fuzz_target;

const PAGE_URL: &str = "https://example.com/news/story.html";

fn check_policy(raw: &str) {
    let base = url::Url::parse(PAGE_URL).ok();
    for used_as in [UrlUse::Link, UrlUse::Image, UrlUse::LeadImage] {
        for b in [None, base.as_ref()] {
            if let Some(url) = policy::resolve(b, raw, used_as) {
                assert!(policy::is_safe_url(&url, used_as), "{raw:?} resolved to unsafe {url:?}");
                assert!(!url.contains(['<', '\n', ' ']), "{raw:?} resolved to {url:?}");
            }
        }
    }
    if let Some(set) = policy::resolve_srcset(base.as_ref(), raw) {
        for (url, _) in policy::parse_srcset(&set) {
            assert!(policy::is_safe_url(&url, UrlUse::Image), "srcset {raw:?} kept {url:?}");
        }
    }
    let plain = policy::plain_text(raw);
    assert!(policy::is_plain_text(&plain), "{raw:?} made {plain:?}");
    assert_eq!(policy::plain_text(&plain), plain, "plain_text is not idempotent on {raw:?}");
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\0');
    let mut next = || parts.next().unwrap_or("");
    let raw = [next(), next(), next(), next(), next(), next()];
    let [title, author, description, image, _, _] = raw;
    for r in raw {
        check_policy(r);
    }
    let paragraph = "The council met on Monday to discuss the new library, which will open next year with longer hours and a larger reading room for the town's schools.";
    for [t, a, d, i, l, s] in [raw.map(String::from), raw.map(escape)] {
        let ld = serde_json::json!({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
            "author": {"name": author}, "image": image, "description": description});
        let ld = ld.to_string().replace("</", "<\\/");
        let page = format!(
            "<html lang=\"en\"><head><title>{t}</title><meta property=\"og:image\" content=\"{i}\">\
             <meta name=\"author\" content=\"{a}\"><meta name=\"description\" content=\"{d}\">\
             <script type=\"application/ld+json\">{ld}</script></head><body><article>\
             <p>{paragraph} <a href=\"{l}\">{t}</a></p><img src=\"{i}\" srcset=\"{s}\" alt=\"{a}\"><p>{paragraph}</p>\
             <p>{paragraph}</p></article></body></html>"
        );
        let Ok(analysis) = extract_article(&page, Some(PAGE_URL)) else { continue };
        let article = &analysis.article;
        if let Some(lead) = &article.lead_image {
            assert!(policy::is_safe_url(lead, UrlUse::LeadImage), "lead image {lead:?}");
        }
        for field in
            [Some(&article.title), article.byline.as_ref(), article.site_name.as_ref(), article.excerpt.as_ref()]
                .into_iter()
                .flatten()
        {
            assert!(policy::is_plain_text(field), "text field {field:?}");
        }
        let content = scraper::Html::parse_fragment(&article.content_html);
        for node in content.tree.nodes() {
            let scraper::Node::Element(el) = node.value() else { continue };
            for (name, value) in el.attrs() {
                let urls = match name {
                    "href" | "cite" => vec![(value.to_string(), UrlUse::Link)],
                    "src" => vec![(value.to_string(), UrlUse::Image)],
                    "srcset" => policy::parse_srcset(value).into_iter().map(|(u, _)| (u, UrlUse::Image)).collect(),
                    _ => vec![],
                };
                for (url, used_as) in urls {
                    assert!(policy::is_safe_url(&url, used_as), "{name}={url:?} in the content");
                }
            }
        }
    }
});
