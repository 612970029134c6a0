//! Page metadata: `<meta>` tags (Open Graph, Dublin Core, Twitter, Parse.ly), JSON-LD and the
//! `<title>`, with Readability's precedence.

use super::dom::{Dom, Indexed, ROOT, normalize_spaces};
use super::patterns as pat;
use super::policy;
use super::readability::text_similarity;
use serde_json::Value;
use std::collections::HashMap;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub title: String,
    pub byline: Option<String>,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub image: Option<String>,
    pub lang: Option<String>,
    /// The JSON-LD `articleBody`: the publisher's own text of the article (plain text or HTML).
    pub article_body: Option<String>,
}

/// What an article's JSON-LD says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JsonLd {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub image: Option<String>,
    pub article_body: Option<String>,
}

/// Reads the metadata of the page (call before scripts are removed: JSON-LD lives in them).
pub fn read(dom: &Indexed) -> Metadata {
    let values = meta_values(dom);
    let doc_title = document_title(dom);
    let ld = dom
        .by_tags(ROOT, &["script"])
        .into_iter()
        .filter(|&s| dom.attr(s, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")))
        .find_map(|s| parse_json_ld(&dom.text_content(s), &doc_title))
        .unwrap_or_default();
    let get = |keys: &[&str]| keys.iter().find_map(|k| values.get(*k).filter(|v| !v.is_empty()).cloned());

    let title = ld
        .title
        .clone()
        .or_else(|| {
            get(&[
                "dc:title",
                "dcterm:title",
                "og:title",
                "weibo:article:title",
                "weibo:webpage:title",
                "title",
                "twitter:title",
                "parsely-title",
            ])
        })
        .unwrap_or_else(|| doc_title.clone());
    let article_author = values.get("article:author").filter(|a| !is_url(a)).cloned();
    let byline = ld
        .byline
        .clone()
        .or_else(|| get(&["dc:creator", "dcterm:creator", "author", "parsely-author"]))
        .or(article_author);
    let excerpt = ld.excerpt.clone().or_else(|| {
        get(&[
            "dc:description",
            "dcterm:description",
            "og:description",
            "weibo:article:description",
            "weibo:webpage:description",
            "description",
            "twitter:description",
        ])
    });
    let site_name = ld.site_name.clone().or_else(|| get(&["og:site_name"]));
    let published = ld
        .published
        .clone()
        .or_else(|| get(&["article:published_time", "parsely-pub-date"]))
        .or_else(|| itemprop_date(dom, "datePublished"))
        .or_else(|| named_meta_date(dom, PUBLISHED_META_NAMES))
        .or_else(|| published_time_element(dom));
    let modified = ld
        .modified
        .clone()
        .or_else(|| get(&["article:modified_time", "og:updated_time"]))
        .or_else(|| itemprop_date(dom, "dateModified"));
    let image = ld
        .image
        .clone()
        .or_else(|| get(&["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"]));
    let lang = dom
        .find_tag("html")
        .and_then(|h| dom.attr(h, "lang"))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from);

    let clean = |v: Option<String>| v.map(|s| policy::plain_text(&unescape_entities(&s))).filter(|s| !s.is_empty());
    let site_name = clean(site_name);
    let byline = clean(byline);
    let title = tidy_title_spaces(&policy::strip_markup_and_controls(&unescape_entities(&title)));
    let title = strip_site_name(&strip_site_name(&title, site_name.as_deref()), byline.as_deref());
    Metadata {
        title,
        byline,
        excerpt: clean(excerpt),
        site_name,
        published: clean(published),
        modified: clean(modified),
        image: clean(image),
        lang,
        article_body: ld.article_body.filter(|b| !b.trim().is_empty()),
    }
}

/// `<meta name=…>` keys that carry a publication date (Dublin Core and common CMS names).
const PUBLISHED_META_NAMES: &[&str] = &[
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "sailthru.date",
    "article.published",
    "article:published_time",
];

/// The first meta of `names` whose value is an ISO 8601 date.
fn named_meta_date(dom: &Indexed, names: &[&str]) -> Option<String> {
    dom.by_tags(ROOT, &["meta"]).into_iter().find_map(|m| {
        let name = dom.attr(m, "name").or_else(|| dom.attr(m, "property"))?.trim().to_ascii_lowercase();
        if !names.contains(&name.as_str()) {
            return None;
        }
        let v = dom.attr(m, "content")?.trim();
        crate::parse_iso_datetime(v).map(|_| v.to_string())
    })
}

/// `<time datetime>` marked as the publication time (`pubdate`, or a class naming it).
fn published_time_element(dom: &Indexed) -> Option<String> {
    dom.by_tags(ROOT, &["time"]).into_iter().find_map(|t| {
        let class = dom.attr(t, "class").unwrap_or("").to_ascii_lowercase();
        let marked = dom.attr(t, "pubdate").is_some() || class.contains("publish") || class.contains("pubdate");
        if !marked {
            return None;
        }
        let v = dom.attr(t, "datetime")?.trim();
        crate::parse_iso_datetime(v).map(|_| v.to_string())
    })
}

/// "Headline | Site" or "Headline - Site" → "Headline", when "Site" is the site's name (or the
/// author's) and the headline keeps at least three words.
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else { return title.to_string() };
    let Some(head) = title.strip_suffix(site) else { return title.to_string() };
    let head = head.trim_end();
    match head.strip_suffix(SEPARATORS) {
        Some(h) if head.len() > h.len() && h.ends_with(char::is_whitespace) && word_count(h.trim()) >= 3 => {
            h.trim().to_string()
        }
        _ => title.to_string(),
    }
}

/// `<meta itemprop=datePublished content=…>` or `<time itemprop=datePublished datetime=…>`.
fn itemprop_date(dom: &Dom, prop: &str) -> Option<String> {
    dom.iter_descendants(ROOT).find_map(|n| {
        if dom.attr(n, "itemprop")? != prop {
            return None;
        }
        let v = dom.attr(n, "content").or_else(|| dom.attr(n, "datetime"))?.trim();
        crate::parse_iso_datetime(v).map(|_| v.to_string())
    })
}

fn is_url(s: &str) -> bool {
    super::policy::parse_url(s.trim()).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

/// Lower-cased meta keys (`og:title`, `author`, …) to trimmed content.
fn meta_values(dom: &Indexed) -> HashMap<String, String> {
    const PROPERTY_PREFIXES: &[&str] = &["article", "dc", "dcterm", "og", "twitter"];
    const PROPERTY_NAMES: &[&str] = &[
        "author",
        "creator",
        "description",
        "published_time",
        "title",
        "site_name",
        "modified_time",
        "updated_time",
        "image",
    ];
    const NAME_PREFIXES: &[&str] = &["dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage"];
    const NAMES: &[&str] = &["author", "creator", "pub-date", "description", "title", "site_name", "image"];
    let mut values = HashMap::new();
    for m in dom.by_tags(ROOT, &["meta"]) {
        let Some(content) = dom.attr(m, "content").filter(|c| !c.is_empty()) else { continue };
        let content = content.trim().to_string();
        let mut matched = false;
        if let Some(prop) = dom.attr(m, "property") {
            if let Some(key) = property_key(prop, PROPERTY_PREFIXES, PROPERTY_NAMES) {
                values.insert(key, content.clone());
                matched = true;
            }
        }
        if matched {
            continue;
        }
        if let Some(name) = dom.attr(m, "name") {
            let key = name.trim().to_ascii_lowercase().replace(char::is_whitespace, "");
            let key_colon = key.replace('.', ":");
            let ok = NAMES.contains(&key.as_str())
                || NAME_PREFIXES
                    .iter()
                    .filter_map(|p| key.strip_prefix(p)?.strip_prefix([':', '-', '.']))
                    .any(|n| NAMES.contains(&n));
            if ok {
                values.insert(key_colon, content);
            }
        }
    }
    values
}

/// The first `prefix:name` in a space-separated `property` value, found anywhere in a token
/// (`og:article:author` holds `article:author`).
fn property_key(prop: &str, prefixes: &[&str], names: &[&str]) -> Option<String> {
    let lower = prop.to_ascii_lowercase();
    for (i, _) in lower.match_indices(':') {
        let before = lower[..i].trim_end();
        let after = lower[i + 1..].trim_start();
        let Some(prefix) = prefixes.iter().filter(|p| before.ends_with(**p)).max_by_key(|p| p.len()) else { continue };
        let rest = after.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
        let word = &after[..after.len() - rest.len()];
        let extra = rest
            .strip_prefix(':')
            .map(|r| r.split(|c: char| !c.is_ascii_alphanumeric() && c != '_').next().unwrap_or(""));
        // `og:image:url` names the image; `og:image:width` does not.
        if names.contains(&word) && matches!(extra, None | Some("url" | "secure_url")) {
            return Some(format!("{prefix}:{word}"));
        }
    }
    None
}

/// Trims and collapses runs of spaces to one, but keeps a lone typographic space as written
/// (the no-break space of French « : », the ideographic space of CJK titles).
fn tidy_title_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if !out.is_empty() {
            let mut chars = run.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_whitespace() && !c.is_ascii() => out.push(c),
                _ => out.push(' '),
            }
        }
        run.clear();
    };
    for ch in s.chars() {
        if ch.is_whitespace() || ch == '\u{feff}' {
            run.push(ch);
        } else {
            if !run.is_empty() {
                flush(&mut run, &mut out);
            }
            out.push(ch);
        }
    }
    out
}

/// The `<title>`, with a site-name part (" | Site", " - Site") removed when the rest is long enough.
pub fn document_title(dom: &Indexed) -> String {
    let original = dom.find_tag("title").map(|t| dom.text_content(t)).unwrap_or_default();
    let original = original.trim().to_string();
    article_title_from(&original, dom)
}

const SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];

fn word_count(s: &str) -> usize {
    // JavaScript's str.split(/\s+/).length: empty pieces count.
    s.split(char::is_whitespace).filter(|w| !w.is_empty()).count().max(1)
        + usize::from(s.starts_with(char::is_whitespace) && !s.trim().is_empty())
        + usize::from(s.ends_with(char::is_whitespace) && !s.trim().is_empty())
}

/// Byte offsets of non-overlapping " X " separators (X in [`SEPARATORS`]), left to right.
fn separator_positions(s: &str) -> Vec<(usize, char)> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < chars.len() {
        if chars[i].1.is_whitespace() && SEPARATORS.contains(&chars[i + 1].1) && chars[i + 2].1.is_whitespace() {
            out.push((chars[i].0, chars[i + 1].1));
            i += 3;
        } else {
            i += 1;
        }
    }
    out
}

/// The title with its " X " separators removed.
fn without_separators(s: &str) -> String {
    let starts: Vec<usize> = separator_positions(s).into_iter().map(|(p, _)| p).collect();
    let mut out = String::with_capacity(s.len());
    let mut skip = 0;
    for (pos, ch) in s.char_indices() {
        if starts.contains(&pos) {
            skip = 3;
        }
        if skip > 0 {
            skip -= 1;
        } else {
            out.push(ch);
        }
    }
    out
}

fn article_title_from(original: &str, dom: &Indexed) -> String {
    let mut title = original.to_string();
    let mut hierarchical = false;
    let seps = separator_positions(original);
    if let Some(&(last, _)) = seps.last() {
        hierarchical = seps.iter().any(|(_, c)| matches!(c, '\\' | '/' | '>' | '»'));
        title = original.get(..last).unwrap_or(original).to_string();
        if word_count(&title) < 3 {
            // Drop the first part instead.
            if let Some(pos) = original.find(SEPARATORS) {
                let after = pos + original[pos..].chars().next().map_or(1, char::len_utf8);
                title = original.get(after..).unwrap_or("").to_string();
            }
        }
    } else if title.contains(": ") {
        let trimmed = title.trim();
        let matches_heading = dom.by_tags(ROOT, &["h1", "h2"]).iter().any(|&h| dom.text_content(h).trim() == trimmed);
        if !matches_heading {
            let last = original.rfind(':').map_or(0, |i| i + 1);
            title = original[last..].to_string();
            if word_count(&title) < 3 {
                let first = original.find(':').map_or(0, |i| i + 1);
                title = original[first..].to_string();
            } else if word_count(&original[..original.find(':').unwrap_or(0)]) > 5 {
                title = original.to_string();
            }
        }
    } else if title.chars().count() > 150 || title.chars().count() < 15 {
        let h1s = dom.by_tags(ROOT, &["h1"]);
        if h1s.len() == 1 {
            title = dom.inner_text(h1s[0]);
        }
    }
    let title = normalize_spaces(&title);
    let count = word_count(&title);
    let without_seps = without_separators(original);
    if count <= 4 && (!hierarchical || count + 1 != word_count(&without_seps)) {
        return original.to_string();
    }
    title
}

/// Parses one JSON-LD script; `None` when it describes no article.
pub fn parse_json_ld(text: &str, doc_title: &str) -> Option<JsonLd> {
    let text = text.trim();
    let text = text.strip_prefix("<![CDATA[").unwrap_or(text);
    let text = text.strip_suffix("]]>").unwrap_or(text);
    let parsed: Value = serde_json::from_str(text.trim()).ok()?;
    let article = find_article(&parsed)?;
    let mut ld = JsonLd::default();
    let name = article.get("name").and_then(Value::as_str).map(str::trim);
    let headline = article.get("headline").and_then(Value::as_str).map(str::trim);
    ld.title = match (name, headline) {
        (Some(n), Some(h)) if n != h => {
            let name_ok = text_similarity(n, doc_title) > 0.75;
            let head_ok = text_similarity(h, doc_title) > 0.75;
            Some(if head_ok && !name_ok { h } else { n }.to_string())
        }
        (Some(n), _) => Some(n.to_string()),
        (None, Some(h)) => Some(h.to_string()),
        _ => None,
    };
    ld.byline = authors(article.get("author"));
    ld.excerpt = article.get("description").and_then(Value::as_str).map(|s| s.trim().to_string());
    ld.site_name = article
        .get("publisher")
        .and_then(|p| first_object(p))
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
        .map(|s| s.trim().to_string());
    ld.published = article.get("datePublished").and_then(Value::as_str).map(|s| s.trim().to_string());
    ld.modified = article.get("dateModified").and_then(Value::as_str).map(|s| s.trim().to_string());
    ld.image = article.get("image").and_then(image_url);
    ld.article_body = article.get("articleBody").and_then(Value::as_str).map(String::from);
    Some(ld)
}

fn first_object(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(a) => a.iter().find(|x| x.is_object()),
        Value::Object(_) => Some(v),
        _ => None,
    }
}

fn image_url(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Array(a) => a.iter().find_map(image_url),
        Value::Object(o) => o.get("url").or_else(|| o.get("contentUrl")).and_then(image_url),
        _ => None,
    }
}

fn authors(v: Option<&Value>) -> Option<String> {
    let name = |a: &Value| match a {
        Value::String(s) => Some(s.trim().to_string()),
        _ => a.get("name").and_then(Value::as_str).map(|s| s.trim().to_string()),
    };
    match v? {
        Value::Object(_) => name(v?),
        Value::String(s) if !s.trim().is_empty() && !is_url(s) => Some(s.trim().to_string()),
        Value::Array(list) => {
            let names: Vec<String> = list.iter().filter_map(name).filter(|n| !n.is_empty()).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

fn is_schema_org(ctx: Option<&Value>) -> bool {
    let ok = |s: &str| {
        let s = s.trim_end_matches('/');
        s == "http://schema.org" || s == "https://schema.org"
    };
    match ctx {
        Some(Value::String(s)) => ok(s),
        Some(Value::Object(o)) => o.get("@vocab").and_then(Value::as_str).is_some_and(ok),
        Some(Value::Array(a)) => a.iter().any(|c| is_schema_org(Some(c))),
        _ => false,
    }
}

fn is_article_type(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => pat::is_jsonld_article_type(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(pat::is_jsonld_article_type),
        _ => false,
    }
}

/// The article object: the value itself, an item of a top-level array, or of `@graph`.
fn find_article(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(items) => {
            let item = items.iter().find(|i| is_article_type(i))?;
            (is_schema_org(item.get("@context")) || is_schema_org(v.get(0).and_then(|f| f.get("@context"))))
                .then_some(item)
        }
        Value::Object(o) => {
            if !is_schema_org(o.get("@context")) {
                return None;
            }
            if is_article_type(v) {
                return Some(v);
            }
            o.get("@graph")?.as_array()?.iter().find(|i| is_article_type(i))
        }
        _ => None,
    }
}

/// Decodes entities left in meta values by double escaping (`&amp;quot;` in the source).
pub fn unescape_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        let end = rest.find(';').filter(|&e| e <= 32);
        let decoded = end.and_then(|e| {
            let entity = &rest[1..e];
            let ch = match entity {
                "quot" => Some('"'),
                "amp" => Some('&'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let num = entity.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse::<u32>().ok()?,
                    };
                    Some(char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{fffd}'))
                }
            }?;
            Some((ch, e + 1))
        });
        match decoded {
            Some((ch, len)) => {
                out.push(ch);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn title_spaces_collapse_but_keep_a_lone_typographic_space() {
        assert_eq!(
            tidy_title_spaces("Xbox One X review:  A console\n keeps up"),
            "Xbox One X review: A console keeps up"
        );
        assert_eq!(tidy_title_spaces("Screenshot\u{a0}: «6\u{a0}Days»"), "Screenshot\u{a0}: «6\u{a0}Days»");
        assert_eq!(tidy_title_spaces("欲張りなイヌ\u{3000}＜福娘童話集＞"), "欲張りなイヌ\u{3000}＜福娘童話集＞");
        assert_eq!(tidy_title_spaces("\u{feff} A\u{a0} \u{a0}B "), "A B");
    }

    fn meta(html: &str) -> Metadata {
        read(&Dom::from_html(&Html::parse_document(html)).indexed(crate::extract::INDEXED_TAGS))
    }

    #[test]
    fn title_loses_site_suffix() {
        let m = meta("<title>Meta raises its AI budget | Example News</title>");
        assert_eq!(m.title, "Meta raises its AI budget");
        let m = meta("<title>Le budget de la défense augmente - Le Journal</title>");
        assert_eq!(m.title, "Le budget de la défense augmente");
        // Too short once cut: the whole title stays.
        let m = meta("<title>Short - Site</title>");
        assert_eq!(m.title, "Short - Site");
    }

    #[test]
    fn open_graph_and_entities() {
        let m = meta(
            r#"<meta property="og:title" content="Rock &amp;amp; roll"><meta property="og:site_name" content="The Paper">
            <meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-05-01T10:00:00+02:00">
            <meta name="description" content="What happened &#8212; and why.">"#,
        );
        assert_eq!(m.title, "Rock & roll");
        assert_eq!(m.site_name.as_deref(), Some("The Paper"));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(m.published.as_deref(), Some("2024-05-01T10:00:00+02:00"));
        assert_eq!(m.excerpt.as_deref(), Some("What happened — and why."));
        let m = meta(
            r#"<meta property="og:title" content="Floods close the coastal road - The Paper"><meta property="og:site_name" content="The Paper">"#,
        );
        assert_eq!(m.title, "Floods close the coastal road");
        let m = meta(
            r#"<meta property="og:title" content="Floods - The Paper"><meta property="og:site_name" content="The Paper">"#,
        );
        assert_eq!(m.title, "Floods - The Paper");
    }

    #[test]
    fn json_ld_graph_arrays_and_authors() {
        let ld = r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":["NewsArticle"],"headline":"Big news","author":[{"@type":"Person","name":"A. One"},{"name":"B. Two"}],
             "publisher":{"@type":"Organization","name":"Daily"},"datePublished":"2025-01-02T03:04:05Z",
             "image":[{"url":"https://x.test/a.jpg"}]}]}"#;
        let got = parse_json_ld(ld, "Big news | Daily").expect("article");
        assert_eq!(got.title.as_deref(), Some("Big news"));
        assert_eq!(got.byline.as_deref(), Some("A. One, B. Two"));
        assert_eq!(got.site_name.as_deref(), Some("Daily"));
        assert_eq!(got.published.as_deref(), Some("2025-01-02T03:04:05Z"));
        assert_eq!(got.image.as_deref(), Some("https://x.test/a.jpg"));
        assert!(parse_json_ld(r#"{"@context":"https://schema.org","@type":"WebPage","name":"x"}"#, "").is_none());
        assert!(parse_json_ld("not json", "").is_none());
        let arr = r#"[{"@context":"http://schema.org","@type":"BreadcrumbList"},{"@context":"http://schema.org","@type":"Article","name":"N","author":{"name":"Solo"}}]"#;
        assert_eq!(parse_json_ld(arr, "").and_then(|l| l.byline), Some("Solo".into()));
    }

    #[test]
    fn odd_titles_do_not_panic() {
        for t in ["a |\u{3000}-\u{3000}b", " | ", "x | - y", "::", "a: b", "— — —", "Été | 日本語 » ok / fin"]
        {
            let m = meta(&format!("<title>{t}</title>"));
            assert!(m.title.len() <= t.len() + 1);
        }
        assert_eq!(without_separators("a | b - c"), "abc");
    }

    #[test]
    fn unescapes() {
        assert_eq!(unescape_entities("a &amp; b &#x27;c&#39; &bogus; &"), "a & b 'c' &bogus; &");
    }
}
