//! Images and embeds: lazy-loading attributes, `<noscript>` fallbacks, absolute URLs, and video
//! players turned into plain links.

use super::dom::{Dom, Indexed, NodeId, ROOT};
use super::patterns as pat;
use super::policy::{self, UrlUse};
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
    policy::parse_srcset(set).into_iter().next().map(|(u, _)| u)
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
        let fdom = super::parse::parse_fragment(&super::depth::bound_nesting(&raw));
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
    let web = |u: &Url| matches!(u.scheme(), "http" | "https");
    match (href, page) {
        (Some(h), Some(p)) => policy::join_url(Some(p), h).ok().filter(web).or_else(|| Some(p.clone())),
        (Some(h), None) => policy::parse_url(h).ok().filter(web),
        (None, p) => p.cloned(),
    }
}

/// Makes links and media URLs absolute, turns video embeds into links, and keeps a `<picture>`'s
/// image usable (its `src` from the first `<source>` when missing).
pub fn finish_content(dom: &mut Dom, root: NodeId, base: Option<&Url>) {
    for n in dom.descendants(root) {
        let Some(tag) = dom.tag(n).map(String::from) else { continue };
        match tag.as_str() {
            "a" => {
                if let Some(h) = dom.attr(n, "href").map(String::from) {
                    match policy::resolve(base, &h, UrlUse::Link) {
                        Some(abs) => dom.set_attr(n, "href", &abs),
                        None => {
                            // A script link or an unsafe address: keep its text only.
                            dom.set_tag(n, "span");
                            dom.remove_attr(n, "href");
                        }
                    }
                }
            }
            "img" | "source" => {
                for attr in ["src", "srcset"] {
                    if let Some(v) = dom.attr(n, attr).map(String::from) {
                        let safe = if attr == "src" {
                            policy::resolve(base, &v, UrlUse::Image)
                        } else {
                            policy::resolve_srcset(base, &v)
                        };
                        match safe {
                            Some(abs) => dom.set_attr(n, attr, &abs),
                            None => dom.remove_attr(n, attr),
                        }
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
                        if let Some(first) =
                            first_srcset_url(&set).and_then(|f| policy::resolve(base, &f, UrlUse::Image))
                        {
                            dom.set_attr(img, "src", &first);
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
                let url = src
                    .and_then(|s| policy::resolve(base, &s, UrlUse::Link))
                    .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
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
        let got = policy::parse_srcset(set);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0], ("https://i.example/c_fill,w_80/a.jpg".to_string(), "80w".to_string()));
        assert_eq!(got[2].0, "/rel.jpg");
        let base = Url::parse("https://site.example/news/").ok();
        let resolved = policy::resolve_srcset(base.as_ref(), set).unwrap_or_default();
        assert!(resolved.ends_with(", https://site.example/rel.jpg"), "{resolved}");
        assert_eq!(
            policy::resolve(base.as_ref(), "#top", UrlUse::Link).as_deref(),
            Some("https://site.example/news/#top")
        );
    }

    #[test]
    fn a_base_that_is_no_web_address_is_ignored() {
        let page = Url::parse("https://site.example/news/a").ok();
        for (base, want) in [
            ("javascript:alert(1)//", "https://site.example/news/a"),
            ("data:text/html,x", "https://site.example/news/a"),
            ("/static/", "https://site.example/static/"),
        ] {
            let dom = crate::extract::parse::parse_document(&format!("<base href='{base}'>"));
            let got = base_url(&dom.indexed(&["base"]), page.as_ref()).map(String::from);
            assert_eq!(got.as_deref(), Some(want), "{base}");
        }
    }
}
