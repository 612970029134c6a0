//! What the result may carry: URLs that cannot run script or smuggle text out, and text fields
//! that are plain text. Metadata, images, links and the sanitizer's attribute filter all ask here.
//!
//! A URL is kept when it is http(s) (`mailto:` for links, a base64 PNG, JPEG, GIF or WebP
//! `data:` image for the lead image) and its raw value holds no white space, control character
//! or `<`: an attribute left open by a missing quote swallows the markup after it, and such a
//! URL would carry the following paragraphs to the server (the HTML standard's dangling-markup
//! mitigation blocks these requests for the same reason). A relative URL is kept only when there
//! is no base to resolve it against.

use super::dom::normalize_spaces;
use std::borrow::Cow;
use url::Url;

/// Where a URL is used: each use allows its own schemes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlUse {
    /// `<a href>`, `cite`: http, https, mailto.
    Link,
    /// An image in the content: http, https.
    Image,
    /// The lead image: http, https, or a base64 raster `data:` image.
    LeadImage,
}

/// Raster image types a `data:` URL may hold (no SVG: it is a document that can run script).
const RASTER_DATA_TYPES: &[&str] = &["image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp"];

/// The URL as the result may carry it (resolved against `base` when there is one), or `None`.
pub fn resolve(base: Option<&Url>, raw: &str, used_as: UrlUse) -> Option<String> {
    // Browsers strip leading and trailing ASCII white space from URL attributes.
    let raw = raw.trim_matches(|c: char| c.is_ascii_whitespace());
    if raw.is_empty() || raw.chars().any(|c| c.is_whitespace() || c.is_control() || c == '<' || is_invisible(c)) {
        return None;
    }
    if has_scheme(raw, "data") {
        return (used_as == UrlUse::LeadImage && is_raster_data_image(raw)).then(|| raw.to_string());
    }
    match join_url(base, raw) {
        Ok(u) if scheme_allowed(u.scheme(), used_as) => Some(u.into()),
        Ok(_) => None,
        // No base to resolve against: a relative reference cannot name a scheme.
        Err(url::ParseError::RelativeUrlWithoutBase) if base.is_none() => Some(raw.to_string()),
        Err(_) => None,
    }
}

/// `raw` parsed, or resolved against `base` when there is one. A host outside ASCII is written
/// in Punycode before url sees it: the module carries no Unicode IDNA tables (idna_adapter 1.0,
/// see Cargo.toml), which reject such hosts (and assert on them in debug builds).
pub fn join_url(base: Option<&Url>, raw: &str) -> Result<Url, url::ParseError> {
    let text = ascii_host(raw);
    let text = text.as_deref().unwrap_or(raw);
    match base {
        Some(b) => b.join(text),
        None => Url::parse(text),
    }
}

/// [`join_url`] with no base.
pub fn parse_url(raw: &str) -> Result<Url, url::ParseError> {
    join_url(None, raw)
}

/// `raw` with each host label outside ASCII lowercased and Punycode-encoded (`xn--…`), what
/// UTS #46 gives for a host already in normal form; `None` when it has no such host.
fn ascii_host(raw: &str) -> Option<String> {
    let scheme_end =
        raw.find(':').filter(|&i| raw[..i].bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)));
    let after_scheme = scheme_end.map_or(0, |i| i + 1);
    let start = after_scheme + 2;
    // "//", or backslashes as url reads them for the web's schemes.
    if !raw[after_scheme..].get(..2).is_some_and(|s| s.bytes().all(|b| b == b'/' || b == b'\\')) {
        return None;
    }
    let end = raw[start..].find(['/', '\\', '?', '#']).map_or(raw.len(), |i| start + i);
    let authority = &raw[start..end];
    let host_start = authority.rfind('@').map_or(0, |i| i + 1);
    let host_end = authority.rfind(':').filter(|&i| i >= host_start).unwrap_or(authority.len());
    let host = &authority[host_start..host_end];
    if host.is_ascii() {
        return None;
    }
    let mut labels = Vec::new();
    for label in host.to_lowercase().split(['.', '\u{3002}', '\u{ff0e}', '\u{ff61}']) {
        labels.push(if label.is_ascii() {
            label.to_string()
        } else {
            format!("xn--{}", idna::punycode::encode_str(label)?)
        });
    }
    let host_at = start + host_start;
    Some(format!("{}{}{}", &raw[..host_at], labels.join("."), &raw[host_at + host.len()..]))
}

/// Whether `url` is one the result may carry as `used_as` (absolute, or relative with no base).
pub fn is_safe_url(url: &str, used_as: UrlUse) -> bool {
    resolve(None, url, used_as).is_some()
}

fn scheme_allowed(scheme: &str, used_as: UrlUse) -> bool {
    matches!(scheme, "http" | "https") || (used_as == UrlUse::Link && scheme == "mailto")
}

fn has_scheme(url: &str, scheme: &str) -> bool {
    url.get(..scheme.len()).is_some_and(|s| s.eq_ignore_ascii_case(scheme)) && url[scheme.len()..].starts_with(':')
}

/// `data:image/png;base64,iVBOR…` and the like: a raster type, base64, nothing but base64 after.
fn is_raster_data_image(url: &str) -> bool {
    let Some((head, payload)) = url["data:".len()..].split_once(',') else { return false };
    let mut params = head.split(';').map(str::trim);
    let media_type = params.next().unwrap_or("").to_ascii_lowercase();
    let params: Vec<&str> = params.collect();
    RASTER_DATA_TYPES.contains(&media_type.as_str())
        && params.last().is_some_and(|p| p.eq_ignore_ascii_case("base64"))
        && !payload.is_empty()
        && payload.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'%'))
}

/// A `srcset` with each candidate resolved as an image and checked, or `None` when none is left.
pub fn resolve_srcset(base: Option<&Url>, set: &str) -> Option<String> {
    let kept: Vec<String> = parse_srcset(set)
        .into_iter()
        .filter_map(|(url, desc)| {
            let url = resolve(base, &url, UrlUse::Image)?;
            Some(if desc.is_empty() { url } else { format!("{url} {desc}") })
        })
        .collect();
    (!kept.is_empty()).then(|| kept.join(", "))
}

/// `srcset` candidates as (URL, descriptors), per the HTML parsing rules: a URL is a run of
/// non-space characters (it may hold commas), a trailing comma ends it; a candidate whose
/// descriptors are not width, density or height ones is dropped (as browsers drop it: text
/// swallowed by a dangling quote reads as such descriptors).
pub fn parse_srcset(set: &str) -> Vec<(String, String)> {
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
        let desc = rest[..desc_end].trim();
        if is_srcset_descriptor(desc) {
            out.push((url.to_string(), desc.to_string()));
        }
        rest = &rest[desc_end..];
    }
}

/// Empty, or width (`320w`), density (`2x`, `1.5x`) and height (`200h`) descriptors only.
fn is_srcset_descriptor(desc: &str) -> bool {
    desc.split_ascii_whitespace().all(|d| {
        let Some(number) = d.strip_suffix(['w', 'x', 'h']) else { return false };
        !number.is_empty() && number.parse::<f64>().is_ok_and(|n| n.is_finite() && n >= 0.0)
    })
}

/// Bidi embedding, override and isolate controls, zero-width and other invisible format
/// characters: they reorder or hide what a text field shows.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200D}' // zero-width space, non-joiner, joiner
        | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // bidi isolates
        | '\u{206A}'..='\u{206F}' // deprecated format controls
        | '\u{FEFF}' // zero-width no-break space
        | '\u{180E}' // Mongolian vowel separator
        | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
        | '\u{E0000}'..='\u{E007F}' // tag characters
    )
}

/// `<` that opens a tag, an end tag, a comment or a declaration when followed by `next`.
fn opens_markup(next: Option<char>) -> bool {
    next.is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
}

/// Elements whose tags sit inside words (`Pay<em>ment</em>`): removed without a space.
const INLINE_TAGS: &[&str] =
    &["a", "abbr", "b", "cite", "em", "i", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u"];

/// Elements whose body is no text.
const RAW_TEXT_TAGS: &[&str] = &["script", "style"];

/// The text with markup-like tags removed (a space for block tags), then any `<` that would
/// still open one, control characters (white space ones become spaces) and [`is_invisible`]
/// characters. White space is left as it is.
pub fn strip_markup_and_controls(s: &str) -> Cow<'_, str> {
    let clean = |c: char| !c.is_control() && !is_invisible(c) && !matches!(c, '\u{2028}' | '\u{2029}');
    let mut chars = s.chars().peekable();
    let mut plain = true;
    while let Some(c) = chars.next() {
        if !clean(c) || (c == '<' && opens_markup(chars.peek().copied())) {
            plain = false;
            break;
        }
    }
    if plain {
        return Cow::Borrowed(s);
    }
    // Characters first: removing one later could join a `<` to a letter.
    let visible: String =
        s.chars().filter_map(|c| if clean(c) { Some(c) } else { c.is_whitespace().then_some(' ') }).collect();
    let mut untagged = String::with_capacity(visible.len());
    let mut rest = visible.as_str();
    while let Some(open) = rest.find('<') {
        untagged.push_str(&rest[..open]);
        let tag = &rest[open + 1..];
        if !opens_markup(tag.chars().next()) {
            untagged.push('<');
            rest = tag;
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if !INLINE_TAGS.contains(&name.as_str()) {
            untagged.push(' ');
        }
        // A tag left open swallows the rest, as it does in a browser.
        rest = tag.find('>').map_or("", |close| &tag[close + 1..]);
        if RAW_TEXT_TAGS.contains(&name.as_str()) && !tag.starts_with('/') {
            // Script and style bodies are no text: up to their end tag, or all of the rest.
            let end = format!("</{name}");
            rest = rest.to_ascii_lowercase().find(&end).map_or("", |at| &rest[at..]);
        }
    }
    untagged.push_str(rest);
    // Removing a tag may join a `<` to a tag's first letter (`<<b>i>`): drop every `<` run that
    // would open markup, so none is left.
    let mut out = String::with_capacity(untagged.len());
    let mut chars = untagged.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' {
            let mut run = 1;
            while chars.peek() == Some(&'<') {
                chars.next();
                run += 1;
            }
            if !opens_markup(chars.peek().copied()) {
                out.extend(std::iter::repeat_n('<', run));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A text field as plain text: [`strip_markup_and_controls`], white space runs as one space, trimmed.
pub fn plain_text(s: &str) -> String {
    normalize_spaces(&strip_markup_and_controls(s))
}

/// Whether a text field is plain text: no markup, control or invisible characters, no white
/// space but single spaces between words (a lone typographic space, such as the no-break space
/// before a French colon, is allowed).
pub fn is_plain_text(s: &str) -> bool {
    let mut prev: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let space = c.is_whitespace();
        let bad = c.is_control()
            || is_invisible(c)
            || matches!(c, '\u{2028}' | '\u{2029}')
            || (c == '<' && opens_markup(chars.peek().copied()))
            || (space && (prev.is_none_or(char::is_whitespace) || chars.peek().is_none()));
        if bad {
            return false;
        }
        prev = Some(c);
    }
    true
}

/// A BCP 47-like language tag: letters first, then letters, digits, `-` or `_`, at most 35.
pub fn is_language_tag(tag: &str) -> bool {
    tag.len() <= 35
        && tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A text direction the result may carry: "ltr", "rtl" (lowercased), or `None`.
pub fn text_direction(dir: &str) -> Option<String> {
    let dir = dir.trim().to_ascii_lowercase();
    matches!(dir.as_str(), "ltr" | "rtl").then_some(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_outside_ascii_in_punycode() {
        let base = Url::parse("https://news.example/a/story").ok();
        let link = |raw| resolve(base.as_ref(), raw, UrlUse::Link);
        assert_eq!(link("https://bücher.example/ä?x#y").as_deref(), Some("https://xn--bcher-kva.example/%C3%A4?x#y"));
        assert_eq!(link("//user@CAFÉ.example:8080/").as_deref(), Some("https://user@xn--caf-dma.example:8080/"));
        assert_eq!(link("http://例子。example/").as_deref(), Some("http://xn--fsqu00a.example/"));
        assert_eq!(link("https://xn--bcher-kva.example/").as_deref(), Some("https://xn--bcher-kva.example/"));
        assert_eq!(
            resolve(None, "https://bücher.example/", UrlUse::Image).as_deref(),
            Some("https://xn--bcher-kva.example/")
        );
        assert_eq!(link("/relative/ä").as_deref(), Some("https://news.example/relative/%C3%A4"));
        assert_eq!(link(r"https:\\Bücher.example\x").as_deref(), Some("https://xn--bcher-kva.example/x"));
        assert!(parse_url("https://bücher.example/").is_ok_and(|u| u.host_str() == Some("xn--bcher-kva.example")));
    }

    #[test]
    fn urls_by_use() {
        let base = Url::parse("https://news.example/a/story").ok();
        let link = |raw| resolve(base.as_ref(), raw, UrlUse::Link);
        let lead = |raw| resolve(base.as_ref(), raw, UrlUse::LeadImage);
        assert_eq!(link("/b?x=1").as_deref(), Some("https://news.example/b?x=1"));
        assert_eq!(link("  https://x.example/ ").as_deref(), Some("https://x.example/"));
        assert_eq!(link("mailto:desk@news.example").as_deref(), Some("mailto:desk@news.example"));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>x</script>",
            "data:text/html;base64,PHNjcmlwdD4=",
            "https://evil.example/?q=<p>the next paragraph",
            "https://evil.example/?q=\nthe next paragraph",
            "https://evil.example/a b",
            "https://evil.example/\u{202E}gpj.exe",
            "file:///etc/passwd",
            "",
        ] {
            assert_eq!(link(bad), None, "{bad:?}");
            assert_eq!(lead(bad), None, "{bad:?}");
        }
        assert_eq!(resolve(base.as_ref(), "mailto:a@b.example", UrlUse::Image), None);
        let png = "data:image/png;base64,iVBORw0KGgo=";
        assert_eq!(lead(png).as_deref(), Some(png));
        assert_eq!(resolve(base.as_ref(), png, UrlUse::Image), None);
        assert_eq!(link(png), None);
        for bad in [
            "data:image/svg+xml;base64,PHN2Zz4=",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "data:image/png,rawbytes",
            "data:image/png;base64,iVBOR\"><script>",
            "data:image/png;base64,",
        ] {
            assert_eq!(lead(bad), None, "{bad:?}");
        }
        // No base: a relative reference stays, an absolute URL is checked all the same.
        assert_eq!(resolve(None, "img/a.jpg", UrlUse::Image).as_deref(), Some("img/a.jpg"));
        assert_eq!(resolve(None, "javascript:x", UrlUse::Link), None);
        // A base that cannot hold relative references resolves nothing.
        let opaque = Url::parse("data:text/plain,x").ok();
        assert_eq!(resolve(opaque.as_ref(), "a.jpg", UrlUse::Image), None);
    }

    #[test]
    fn srcsets_keep_only_safe_candidates() {
        let base = Url::parse("https://news.example/a/").ok();
        let set = "s.jpg 320w, javascript:alert(1) 640w, data:image/svg+xml;base64,PHN2Zz4= 2x, /l.jpg 1.5x";
        assert_eq!(
            resolve_srcset(base.as_ref(), set).as_deref(),
            Some("https://news.example/a/s.jpg 320w, https://news.example/l.jpg 1.5x")
        );
        // Dangling markup: the swallowed text is no descriptor.
        assert_eq!(resolve_srcset(base.as_ref(), "https://evil.example/x? the next <p>paragraph"), None);
        assert_eq!(
            resolve_srcset(base.as_ref(), "https://i.example/c_fill,w_80/a.jpg 80w").as_deref(),
            Some("https://i.example/c_fill,w_80/a.jpg 80w")
        );
        assert_eq!(resolve_srcset(base.as_ref(), " , "), None);
    }

    #[test]
    fn safe_url_check_agrees_with_resolve() {
        assert!(is_safe_url("https://news.example/a.jpg", UrlUse::Image));
        assert!(is_safe_url("/a.jpg", UrlUse::Image));
        assert!(!is_safe_url("javascript:alert(1)", UrlUse::Link));
        assert!(!is_safe_url("data:image/png;base64,AAAA", UrlUse::Image));
        assert!(is_safe_url("data:image/png;base64,AAAA", UrlUse::LeadImage));
        assert!(!is_safe_url("https://x.example/<p>", UrlUse::Image));
    }

    #[test]
    fn text_fields_lose_markup_and_invisible_characters() {
        assert_eq!(plain_text("  Budget <b>vote</b>\u{200B} passes\n\t today "), "Budget vote passes today");
        assert_eq!(plain_text("Pay<em>ment</em> due<br>now"), "Payment due now");
        assert_eq!(plain_text("<img src=x onerror=alert(1)>Headline"), "Headline");
        assert_eq!(plain_text("Headline <script>alert(1)"), "Headline");
        assert_eq!(plain_text("<<b>script>alert(1)<</b>/script>"), "script>alert(1)/script>");
        assert_eq!(plain_text("\u{202E}txt.exe\u{202C} by \u{2066}Jane\u{2069}"), "txt.exe by Jane");
        assert_eq!(plain_text("a\u{0}b\u{7}c\u{2028}d"), "abc d");
        assert_eq!(plain_text("3 < 4 and 5 > 2 <3"), "3 < 4 and 5 > 2 <3");
        assert_eq!(plain_text("<!-- hidden -->Shown"), "Shown");
        assert!(matches!(strip_markup_and_controls("plain « title » ok"), Cow::Borrowed(_)));
        for s in ["a <b>c", "x\u{200D}y", " lead", "trail ", "two  spaces", "tab\there", "<p"] {
            assert!(!is_plain_text(s), "{s:?}");
            assert!(is_plain_text(&plain_text(s)), "{s:?}");
        }
        assert!(is_plain_text("Réforme\u{a0}: le vote"));
        assert!(is_plain_text(""));
    }

    #[test]
    fn random_strings_come_out_safe_and_plain() {
        const PIECES: &[&str] = &[
            "https://",
            "http:",
            "javascript:",
            "data:image/png;base64,",
            "data:image/svg+xml,",
            "data:",
            "mailto:",
            "//",
            "/",
            "a",
            "B",
            ".jpg",
            "?q=",
            "#",
            " ",
            "\t",
            "\n",
            "<",
            ">",
            "<b>",
            "</b>",
            "<script>",
            "</script",
            "<img src=x>",
            "<!--",
            "-->",
            "&lt;",
            "\u{202E}",
            "\u{200B}",
            "\u{FEFF}",
            "\u{2066}",
            "\u{0}",
            "\u{7}",
            "\u{a0}",
            "\u{2028}",
            "\u{E0041}",
            "é",
            ",",
            "2x",
            "320w",
            "%3C",
            "'",
            "\"",
        ];
        let base = Url::parse("https://news.example/a/").ok();
        let mut seed: u64 = 0x5afe_0bad_f00d_0001;
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..(crate::next_random(&mut seed) % 12) {
                s.push_str(PIECES[(crate::next_random(&mut seed) % PIECES.len() as u64) as usize]);
            }
            for used_as in [UrlUse::Link, UrlUse::Image, UrlUse::LeadImage] {
                for b in [None, base.as_ref()] {
                    if let Some(url) = resolve(b, &s, used_as) {
                        assert!(is_safe_url(&url, used_as), "{s:?} → {url:?}");
                    }
                }
            }
            if let Some(set) = resolve_srcset(base.as_ref(), &s) {
                assert!(parse_srcset(&set).iter().all(|(u, _)| is_safe_url(u, UrlUse::Image)), "{s:?} → {set:?}");
            }
            let plain = plain_text(&s);
            assert!(is_plain_text(&plain), "{s:?} → {plain:?}");
            assert_eq!(plain_text(&plain), plain, "{s:?}");
        }
    }

    #[test]
    fn language_and_direction() {
        assert!(is_language_tag("fr-FR") && is_language_tag("zh_Hant") && is_language_tag("en"));
        assert!(!is_language_tag("en\"><script>") && !is_language_tag("") && !is_language_tag("-en"));
        assert_eq!(text_direction(" RTL ").as_deref(), Some("rtl"));
        assert_eq!(text_direction("rtl;color:red"), None);
    }
}
