//! Images and embeds: lazy-loading attributes, `<noscript>` fallbacks, absolute URLs, and video
//! players turned into plain links.

use super::dom::{Dom, Indexed, NodeId, ROOT};
use super::patterns as pat;
use scraper::Html;
use url::Url;

/// Attributes lazy loaders keep the real image address in, best first.
const LAZY_SRC: &[&str] = &[
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-url",
    "data-hi-res-src",
    "data-lazy",
    "data-actualsrc",
    "data-echo",
    "data-orig-file",
];
const LAZY_SRCSET: &[&str] = &["data-srcset", "data-lazy-srcset", "data-original-srcset"];

/// The lazy-loading source attributes read.
pub(crate) const LAZY_SOURCES: [&[&str]; 2] = [LAZY_SRC, LAZY_SRCSET];

/// Largest `<noscript>` body parsed for an image fallback.
const MAX_NOSCRIPT_BYTES: usize = 16 * 1024;

fn looks_like_image(v: &str) -> bool {
    let v = v.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"].iter().any(|e| v.contains(e))
}

/// A `src` that is only a placeholder: missing, a tiny data URI, or a known spacer.
fn is_placeholder(src: Option<&str>) -> bool {
    match src.map(str::trim) {
        None | Some("") => true,
        Some(s) => {
            let l = s.to_ascii_lowercase();
            (l.starts_with("data:") && l.len() < 200)
                || l.contains("blank.gif")
                || l.contains("spacer.gif")
                || l.contains("placeholder")
                || l == "about:blank"
        }
    }
}

/// Replaces lazy-loading placeholders with the real sources, everywhere in the page.
pub fn fix_lazy_images(dom: &mut Dom) {
    for n in dom.by_tags(ROOT, &["img", "source"]) {
        let lazy_srcset =
            LAZY_SRCSET.iter().find_map(|a| dom.attr(n, a).filter(|v| !v.trim().is_empty())).map(String::from);
        if let Some(set) = lazy_srcset {
            if dom.attr(n, "srcset").is_none_or(|s| is_placeholder(Some(s))) {
                dom.set_attr(n, "srcset", &set);
            }
        }
        if dom.is_tag(n, "source") {
            continue;
        }
        if is_placeholder(dom.attr(n, "src")) {
            let lazy = LAZY_SRC
                .iter()
                .find_map(|a| dom.attr(n, a).filter(|v| !v.trim().is_empty()))
                .or_else(|| {
                    dom.attrs(n)
                        .iter()
                        .find(|(k, v)| {
                            k != "src" && k != "srcset" && k != "alt" && looks_like_image(v) && !v.contains(' ')
                        })
                        .map(|(_, v)| &**v)
                })
                .map(String::from);
            match lazy {
                Some(src) => dom.set_attr(n, "src", &src),
                None => {
                    if let Some(first) = dom.attr(n, "srcset").and_then(first_srcset_url) {
                        dom.set_attr(n, "src", &first);
                    }
                }
            }
        }
    }
}

fn first_srcset_url(set: &str) -> Option<String> {
    parse_srcset(set).into_iter().next().map(|(u, _)| u)
}

/// `srcset` candidates as (URL, descriptors), per the HTML parsing rules: a URL is a run of
/// non-space characters (it may hold commas), a trailing comma ends it.
fn parse_srcset(set: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = set;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() {
            return out;
        }
        let url_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let url = &rest[..url_end];
        rest = &rest[url_end..];
        if url.ends_with(',') {
            out.push((url.trim_end_matches(',').to_string(), String::new()));
            continue;
        }
        let desc_end = rest.find(',').unwrap_or(rest.len());
        out.push((url.to_string(), rest[..desc_end].trim().to_string()));
        rest = &rest[desc_end..];
    }
}

/// Uses the image inside a `<noscript>` when the visible image before it is a placeholder,
/// then drops the `<noscript>`s (their markup is raw text to the parser).
///
/// `found` is the page's `<img>` and `<noscript>` elements, in document order.
pub fn unwrap_noscript_images(dom: &mut Dom, found: Vec<NodeId>) {
    // One pass finds both (an <img> has no children: removing one removes no <noscript>).
    let (imgs, noscripts): (Vec<NodeId>, Vec<NodeId>) = found.into_iter().partition(|&n| dom.is_tag(n, "img"));
    // Images with no source at all are placeholders of scripts.
    for img in imgs {
        let has_source = dom
            .attrs(img)
            .iter()
            .any(|(k, v)| matches!(k.as_str(), "src" | "srcset" | "data-src" | "data-srcset") || looks_like_image(v));
        if !has_source {
            dom.detach(img);
        }
    }
    for ns in noscripts {
        let raw = dom.text_content(ns);
        // An image fallback is a few hundred bytes; anything big is not one.
        if raw.len() > MAX_NOSCRIPT_BYTES || !raw.to_ascii_lowercase().contains("<img") {
            continue;
        }
        let frag = Html::parse_fragment(&super::depth::bound_nesting(&raw));
        let fdom = Dom::from_html(&frag);
        let imgs = fdom.by_tags(ROOT, &["img"]);
        if imgs.len() != 1 || !fdom.inner_text(ROOT).is_empty() {
            continue;
        }
        let attrs = fdom.attrs(imgs[0]).to_vec();
        let prev = {
            let mut p = dom.prev_sibling(ns);
            while let Some(x) = p.filter(|&x| dom.text_of_node(x).is_some_and(super::dom::is_blank)) {
                p = dom.prev_sibling(x);
            }
            p
        };
        let prev_img = prev.and_then(|p| if dom.is_tag(p, "img") { Some(p) } else { single_img(dom, p) });
        match prev_img {
            Some(img) => {
                for (k, v) in attrs {
                    if matches!(k.as_str(), "src" | "srcset" | "alt") || looks_like_image(&v) {
                        dom.set_attr(img, &k, &v);
                    }
                }
            }
            None => {
                let img = dom.create_element("img");
                for (k, v) in attrs {
                    dom.set_attr(img, &k, &v);
                }
                dom.replace(ns, img);
            }
        }
    }
}

/// The only image inside an element with no text.
fn single_img(dom: &Dom, n: NodeId) -> Option<NodeId> {
    let imgs = dom.by_tags(n, &["img"]);
    (imgs.len() == 1 && dom.inner_text(n).is_empty()).then(|| imgs[0])
}

/// The base URL of the page: `<base href>` resolved against the page URL.
pub fn base_url(dom: &Indexed, page: Option<&Url>) -> Option<Url> {
    let href = dom.find_tag("base").and_then(|b| dom.attr(b, "href")).map(str::trim).filter(|h| !h.is_empty());
    match (href, page) {
        (Some(h), Some(p)) => p.join(h).ok().or_else(|| Some(p.clone())),
        (Some(h), None) => Url::parse(h).ok(),
        (None, p) => p.cloned(),
    }
}

pub fn absolutize(base: Option<&Url>, v: &str) -> String {
    let v = v.trim();
    // Already absolute, and often long (inline images): not worth a parse.
    if v.get(..5).is_some_and(|s| s.eq_ignore_ascii_case("data:")) {
        return v.to_string();
    }
    match base {
        Some(b) => b.join(v).map(|u| u.to_string()).unwrap_or_else(|_| v.to_string()),
        None => v.to_string(),
    }
}

fn absolutize_srcset(base: Option<&Url>, set: &str) -> String {
    parse_srcset(set)
        .into_iter()
        .filter_map(|(url, desc)| {
            let abs = absolutize(base, &url);
            if !(abs.starts_with("http://") || abs.starts_with("https://")) {
                return None;
            }
            Some(if desc.is_empty() { abs } else { format!("{abs} {desc}") })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Makes links and media URLs absolute, turns video embeds into links, and keeps a `<picture>`'s
/// image usable (its `src` from the first `<source>` when missing).
pub fn finish_content(dom: &mut Dom, root: NodeId, base: Option<&Url>) {
    for n in dom.descendants(root) {
        let Some(tag) = dom.tag(n).map(String::from) else { continue };
        match tag.as_str() {
            "a" => {
                if let Some(h) = dom.attr(n, "href").map(String::from) {
                    let abs = absolutize(base, &h);
                    if abs.trim_start().to_ascii_lowercase().starts_with("javascript:") {
                        // A script link: keep its text only.
                        dom.set_tag(n, "span");
                        dom.remove_attr(n, "href");
                    } else {
                        dom.set_attr(n, "href", &abs);
                    }
                }
            }
            "img" | "source" => {
                for attr in ["src", "srcset"] {
                    if let Some(v) = dom.attr(n, attr).map(String::from) {
                        let abs = if attr == "src" { absolutize(base, &v) } else { absolutize_srcset(base, &v) };
                        dom.set_attr(n, attr, &abs);
                    }
                }
            }
            "picture" => {
                let img = dom.by_tags(n, &["img"]).first().copied();
                let source_set = dom
                    .by_tags(n, &["source"])
                    .iter()
                    .find_map(|&s| dom.attr(s, "srcset").or_else(|| dom.attr(s, "data-srcset")).map(String::from));
                if let (Some(img), Some(set)) = (img, source_set) {
                    if is_placeholder(dom.attr(img, "src")) {
                        if let Some(first) = first_srcset_url(&set) {
                            dom.set_attr(img, "src", &absolutize(base, &first));
                        }
                    }
                }
            }
            "iframe" | "embed" | "object" | "video" => {
                let src = dom
                    .attr(n, "src")
                    .or_else(|| dom.attr(n, "data"))
                    .or_else(|| dom.attr(n, "data-src"))
                    .map(String::from)
                    .or_else(|| {
                        dom.by_tags(n, &["source", "param"])
                            .iter()
                            .find_map(|&s| dom.attr(s, "src").or_else(|| dom.attr(s, "value")).map(String::from))
                    });
                let url =
                    src.map(|s| absolutize(base, &s)).filter(|u| u.starts_with("http://") || u.starts_with("https://"));
                match url {
                    Some(u) if tag == "video" || pat::is_video_url(&u) => {
                        let host = Url::parse(&u)
                            .ok()
                            .and_then(|p| p.host_str().map(|h| h.trim_start_matches("www.").to_string()))
                            .unwrap_or_default();
                        let a = dom.create_element("a");
                        dom.set_attr(a, "href", &u);
                        let title = if host.is_empty() { "Video".to_string() } else { format!("Video on {host}") };
                        dom.set_attr(a, "title", &title);
                        // A play sign, not a word: the label is no part of the article's text.
                        let t = dom.create_text("\u{25B6}");
                        dom.append(a, t);
                        let p = dom.create_element("p");
                        dom.append(p, a);
                        dom.replace(n, p);
                    }
                    _ => dom.detach(n),
                }
            }
            "math" => {
                // MathML does not survive sanitizing: keep its text, spaced per token.
                for d in dom.descendants(n) {
                    if dom.is_element(d) {
                        dom.set_tag(d, "span");
                    } else if let Some(t) = dom.text_of_node(d).map(|t| format!(" {} ", t.trim())) {
                        let new = dom.create_text(&t);
                        dom.replace(d, new);
                    }
                }
                dom.set_tag(n, "span");
            }
            _ => {}
        }
    }
}

/// First image of the content with a usable address.
pub fn first_image(dom: &Dom, root: NodeId) -> Option<String> {
    dom.by_tags(root, &["img"])
        .into_iter()
        .filter_map(|i| dom.attr(i, "src"))
        .find(|s| s.starts_with("http://") || s.starts_with("https://"))
        .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srcset_with_commas_in_urls() {
        let set = "https://i.example/c_fill,w_80/a.jpg 80w, https://i.example/c_fit,w_320/a.jpg 320w,/rel.jpg";
        let got = parse_srcset(set);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0], ("https://i.example/c_fill,w_80/a.jpg".to_string(), "80w".to_string()));
        assert_eq!(got[2].0, "/rel.jpg");
        let base = Url::parse("https://site.example/news/").ok();
        assert!(absolutize_srcset(base.as_ref(), set).ends_with(", https://site.example/rel.jpg"));
        assert_eq!(absolutize(base.as_ref(), "#top"), "https://site.example/news/#top");
    }
}
