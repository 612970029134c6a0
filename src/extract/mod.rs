//! Main-content extraction: from a whole page to the article's sanitized HTML and metadata.
//!
//! Pipeline: bound nesting depth, empty script and style bodies ([`depth`]) → parse (html5ever) → read metadata and JSON-LD
//! ([`metadata`]) → fix lazy and `<noscript>` images ([`media`]) → Readability-style content
//! detection with stepwise fallbacks ([`readability`]) → absolute URLs, embeds as links →
//! ammonia allowlist.

mod depth;
pub(crate) mod dom;
mod fallback;
mod lead;
mod media;
mod metadata;
pub(crate) mod parse;
#[rustfmt::skip] // pattern tables: one line per group reads better
mod patterns;
mod byline;
mod cleanup;
pub mod policy;
mod readability;
mod textlen;

pub use depth::{MAX_DEPTH, bound_nesting};

use crate::hash::FastSet;
use crate::model::Verdict;
use dom::{Indexed, ROOT};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
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
    /// Plain text of [`Extracted::content_html`] ([`crate::text::plain_text`]).
    pub text: String,
    /// Unicode words in [`Extracted::text`].
    pub word_count: usize,
    pub verdict: Verdict,
}

/// Running text below this many words does not make an article.
const MIN_ARTICLE_WORDS: usize = 80;
/// A paragraph of running text has at least this many words.
const RUNNING_PARAGRAPH_WORDS: usize = 12;
/// Paragraphs this long are prose, not blurbs or captions.
const LONG_PARAGRAPH_WORDS: usize = 35;
/// Running paragraphs that make an article without long ones.
const MIN_SHORT_PARAGRAPHS: usize = 8;
/// Content with this many headlines that are links (and a blurb or two each) is an index page.
const MIN_INDEX_HEADLINES: usize = 3;

/// Extracts the article of a page. Never fails: a page with no article gets a verdict saying so
/// and the best content found.
pub fn extract(html: &str, url: Option<&Url>) -> Extracted {
    extract_parsed(html, url).0
}

/// [`extract`], with the content HTML's parse kept for highlighting it.
pub(crate) fn extract_parsed(html: &str, url: Option<&Url>) -> (Extracted, crate::text::Fragment) {
    let bounded = depth::prepare_page(html);
    crate::timing::mark("extract: pre-pass");
    let mut dom = parse::parse_document(&bounded);
    drop(bounded);
    crate::timing::mark("extract: html5ever parse");

    // Everything read before the first change walks the page once.
    let page = dom.indexed(INDEXED_TAGS);
    let meta = metadata::read(&page);
    let (readerable, _, _) = readability::probably_readerable(&page);
    let lang = meta.lang.clone().filter(|l| policy::is_language_tag(l)).or_else(|| content_language(&page));
    let base = media::base_url(&page, url);
    let images = page.by_tags(ROOT, &["img", "noscript"]);
    drop(page);
    crate::timing::mark("extract: index, metadata");

    media::unwrap_noscript_images(&mut dom, images);
    readability::prep_document(&mut dom);
    readability::drop_other_stories(&mut dom, &meta.title, url.map(Url::as_str));
    media::fix_lazy_images(&mut dom);
    dom.measure_texts();
    crate::timing::mark("extract: prepare");

    let mut ex = Extracted {
        title: meta.title.clone(),
        byline: meta.byline.clone(),
        site_name: meta.site_name.clone(),
        published: meta.published.clone(),
        modified: meta.modified.clone(),
        lang,
        excerpt: meta.excerpt.clone(),
        lead_image: meta.image.as_deref().and_then(|i| policy::resolve(base.as_ref(), i, policy::UrlUse::LeadImage)),
        ..Default::default()
    };

    let mut links = 0.0;
    let mut linked_headings = 0;
    if let Some(mut g) =
        readability::grab_article(&dom, &meta.title, meta.byline.as_deref(), url.and_then(Url::host_str))
    {
        crate::timing::mark("extract: grab article");
        lead::prepend_lead(&dom, &mut g, &meta.title, meta.excerpt.as_deref());
        media::finish_content(&mut g.dom, g.root, base.as_ref());
        if ex.byline.is_none() {
            ex.byline = g.byline.clone().filter(|b| !b.is_empty()).or_else(|| byline::find_byline(&dom));
        }
        ex.dir = g.dir.clone();
        if ex.excerpt.is_none() {
            ex.excerpt = g
                .dom
                .by_tags(g.root, &["p"])
                .first()
                .map(|&p| g.dom.text_content(p).trim().to_string())
                .filter(|e| !e.is_empty());
        }
        if ex.lead_image.is_none() {
            ex.lead_image = media::first_image(&g.dom, g.root);
        }
        links = readability::link_density(&g.dom, g.root);
        linked_headings = g
            .dom
            .by_tags(g.root, &["h2", "h3", "h4", "h5", "h6"])
            .into_iter()
            .filter(|&h| g.dom.inner_len(h) > 0 && readability::link_density(&g.dom, h) >= 0.9)
            .count();
        crate::timing::mark("extract: finish content");
        let inner = g.dom.inner_html_with(g.root, reaches_sanitizer);
        crate::timing::mark("extract: serialize");
        ex.content_html = sanitize(&inner, None);
        crate::timing::mark("extract: sanitize");
    }
    let mut content = crate::text::Fragment::serialized(&ex.content_html);
    ex.text = content.plain_text();
    crate::timing::mark("extract: text");
    let mut paragraph_words: Vec<usize> = ex.text.split("\n\n").map(crate::text::word_count).collect();
    // Words never span a paragraph break (UAX #29 breaks around newlines).
    ex.word_count = paragraph_words.iter().sum();
    ex.verdict = verdict(readerable, &paragraph_words, links, linked_headings);
    if ex.word_count < fallback::MIN_CONTENT_WORDS {
        if let Some((html, fragment, text)) = largest_text_block(&mut dom, base.as_ref(), ex.word_count) {
            paragraph_words = text.split("\n\n").map(crate::text::word_count).collect();
            ex.word_count = paragraph_words.iter().sum();
            ex.verdict = verdict(readerable, &paragraph_words, 0.0, 0);
            ex.verdict.fallback = Some(FALLBACK_NOTE.into());
            if ex.excerpt.is_none() {
                ex.excerpt = text.split("\n\n").next().map(|p| p.trim().to_string()).filter(|p| !p.is_empty());
            }
            (ex.content_html, content, ex.text) = (html, fragment, text);
        }
    }

    let body = meta.article_body.as_deref().and_then(|b| structured_body(b, &ex.text, base.as_ref()));
    if let Some((html, fragment, text)) = body {
        paragraph_words = text.split("\n\n").map(crate::text::word_count).collect();
        ex.word_count = paragraph_words.iter().sum();
        ex.verdict = Verdict {
            is_article: true,
            reason: format!(
                "{} words of article text, from the page's structured data (JSON-LD articleBody): its markup shows less of it",
                ex.word_count
            ),
            fallback: None,
        };
        if ex.excerpt.is_none() {
            ex.excerpt = text.split("\n\n").next().map(|p| p.trim().to_string()).filter(|p| !p.is_empty());
        }
        (ex.content_html, content, ex.text) = (html, fragment, text);
    }
    crate::timing::mark("extract: fallbacks");
    keep_plain_text_fields(&mut ex);
    (ex, content)
}

/// The text fields as plain text ([`policy::plain_text`]), whichever part of the page gave them.
fn keep_plain_text_fields(ex: &mut Extracted) {
    let plain = |field: &mut Option<String>| {
        *field = field.take().map(|v| policy::plain_text(&v)).filter(|v| !v.is_empty());
    };
    for field in [&mut ex.byline, &mut ex.site_name, &mut ex.excerpt, &mut ex.published, &mut ex.modified] {
        plain(field);
    }
    if !policy::is_plain_text(&ex.title) {
        ex.title = policy::plain_text(&ex.title);
    }
    ex.dir = ex.dir.as_deref().and_then(policy::text_direction);
}

/// What [`crate::model::Verdict::fallback`] says when the content is the largest block of text.
const FALLBACK_NOTE: &str = "the article's structure was not found: this is the largest block of text on the page";

/// The page's largest block of text as the content (sanitized HTML, its parse and its text), when
/// it holds more words than the `found` of the content detection.
fn largest_text_block(
    dom: &mut dom::Dom,
    base: Option<&Url>,
    found: usize,
) -> Option<(String, crate::text::Fragment, String)> {
    let root = fallback::largest_text_block(dom)?;
    media::finish_content(dom, root, base);
    let html = sanitize(&dom.inner_html_with(root, reaches_sanitizer), None);
    let fragment = crate::text::Fragment::serialized(&html);
    let text = fragment.plain_text();
    (crate::text::word_count(&text) > found).then_some((html, fragment, text))
}

/// Share of the publisher's article text the markup must show for the markup to be kept.
const STRUCTURED_BODY_COVERAGE: f64 = 0.6;

/// The JSON-LD `articleBody` as the content (sanitized HTML, its parse and its text), when it is a
/// real article and the text extracted from the markup holds less than
/// [`STRUCTURED_BODY_COVERAGE`] of its word trigrams: pages built by scripts, bodies collapsed
/// behind "read more" or spread where the content detection does not reach.
fn structured_body(body: &str, extracted: &str, base: Option<&Url>) -> Option<(String, crate::text::Fragment, String)> {
    let looks_html = ["</p>", "<br", "</div>", "</h2>"].iter().any(|t| body.contains(t));
    let shown = word_trigrams(extracted);
    // Most pages show their articleBody: a raw look (tags and entities left in, which only
    // lowers the share) settles those without sanitizing and parsing the body.
    let raw = if looks_html { Cow::Owned(without_tags(body)) } else { Cow::Borrowed(body) };
    if coverage(&word_trigrams(&raw), &shown) >= RAW_COVERAGE_SKIP {
        return None;
    }
    let html = if looks_html {
        sanitize(body, base)
    } else {
        // Plain text: one paragraph per line; entities left for the parser to decode.
        let mut html = String::with_capacity(body.len() + 64);
        for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
            html.push_str("<p>");
            html.push_str(&line.replace('<', "&lt;").replace('>', "&gt;"));
            html.push_str("</p>");
        }
        sanitize(&html, base)
    };
    let fragment = crate::text::Fragment::serialized(&html);
    let text = fragment.plain_text();
    if crate::text::word_count(&text) < MIN_ARTICLE_WORDS {
        return None;
    }
    (coverage(&word_trigrams(&text), &shown) < STRUCTURED_BODY_COVERAGE).then_some((html, fragment, text))
}

/// Share of the raw articleBody's word trigrams shown by the markup above which the body is not
/// looked at further (well above [`STRUCTURED_BODY_COVERAGE`]: the raw body's tags and entities
/// only add trigrams the page does not show).
const RAW_COVERAGE_SKIP: f64 = 0.9;

/// Share of `wanted` found in `shown`.
fn coverage(wanted: &FastSet<u64>, shown: &FastSet<u64>) -> f64 {
    wanted.iter().filter(|g| shown.contains(*g)).count() as f64 / wanted.len().max(1) as f64
}

/// Hashes of the text's lowercased alphanumeric word trigrams.
fn word_trigrams(text: &str) -> FastSet<u64> {
    use std::hash::Hasher;
    let mut grams = FastSet::with_capacity_and_hasher(text.len() / 6, Default::default());
    let (mut a, mut b, mut seen) = (0u64, 0u64, 0usize);
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let mut hasher = crate::entities::Fnv::default();
        for c in word.chars().flat_map(char::to_lowercase) {
            hasher.write_u32(c as u32);
        }
        let h = hasher.finish();
        if seen >= 2 {
            let g = (a.rotate_left(42) ^ b.rotate_left(21) ^ h).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            grams.insert(g ^ (g >> 29));
        }
        (a, b, seen) = (b, h, seen + 1);
    }
    grams
}

/// `html` with each tag replaced by a space.
fn without_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = rest[open..].find('>').map_or("", |close| &rest[open + close + 1..]);
    }
    out.push_str(rest);
    out
}

/// The tags of the whole-page scans made before the page changes (metadata, readerability, base URL, images).
pub(crate) const INDEXED_TAGS: &[&str] =
    &["meta", "script", "time", "title", "html", "base", "h1", "h2", "p", "pre", "article", "br", "img", "noscript"];

/// `<meta http-equiv="content-language">` (or `name=language`), when `<html lang>` is missing.
fn content_language(dom: &Indexed) -> Option<String> {
    dom.by_tags(ROOT, &["meta"]).into_iter().find_map(|m| {
        let key = dom.attr(m, "http-equiv").or_else(|| dom.attr(m, "name"))?.to_ascii_lowercase();
        if key != "content-language" && key != "language" {
            return None;
        }
        let v = dom.attr(m, "content")?.split(',').next()?.trim();
        (!v.is_empty() && v.len() <= 35 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .then(|| v.to_string())
    })
}

/// Is this an article? Readability's probe (long visible paragraphs outside page chrome), or
/// else enough running text in the extracted content: several real paragraphs, few links.
/// Content made of linked headlines, each with a short blurb or two, is an index of other pages.
fn verdict(readerable: bool, paragraph_words: &[usize], link_density: f64, linked_headings: usize) -> Verdict {
    let words: usize = paragraph_words.iter().sum();
    let paragraphs = paragraph_words.iter().filter(|&&w| w >= RUNNING_PARAGRAPH_WORDS).count();
    let long_paragraphs = paragraph_words.iter().filter(|&&w| w >= LONG_PARAGRAPH_WORDS).count();
    let paragraph_word = if paragraphs == 1 { "paragraph" } else { "paragraphs" };
    if words == 0 {
        return Verdict {
            is_article: false,
            reason: "no running text found: the page may be empty or built by scripts".into(),
            fallback: None,
        };
    }
    if linked_headings >= MIN_INDEX_HEADLINES && linked_headings * 2 >= paragraphs && long_paragraphs < linked_headings
    {
        return Verdict {
            is_article: false,
            reason: format!(
                "{linked_headings} linked headlines over {paragraphs} {paragraph_word}: this looks like a section front or index page"
            ),
            fallback: None,
        };
    }
    // Long paragraphs, or many short ones (tabloid and wire copy: a sentence or two each) that
    // make most of the blocks (not the headings and links between the blurbs of a landing page).
    let blocks = paragraph_words.iter().filter(|&&w| w > 0).count();
    let short_running = paragraphs >= MIN_SHORT_PARAGRAPHS && paragraphs * 3 >= blocks * 2;
    let running = (long_paragraphs >= 3 || short_running) && words >= 250 && link_density < 0.33;
    if (readerable && words >= MIN_ARTICLE_WORDS) || running {
        return Verdict {
            is_article: true,
            reason: format!("{words} words of article text in {paragraphs} {paragraph_word}"),
            fallback: None,
        };
    }
    let reason = if words < MIN_ARTICLE_WORDS {
        format!("only {words} words of running text: this looks like a list or navigation page")
    } else if link_density >= 0.33 {
        format!(
            "{words} words, {:.0}% of them in links: this looks like a list, index or navigation page",
            link_density * 100.0
        )
    } else {
        format!(
            "{words} words but only {paragraphs} {paragraph_word} of running text: this looks like a list, index or navigation page"
        )
    };
    Verdict { is_article: false, reason, fallback: None }
}

/// Elements the content HTML may hold (the sanitizer's allowlist; highlights add `<mark>`, also in it).
pub const CONTENT_TAGS: &[&str] = &[
    "a",
    "abbr",
    "article",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "samp",
    "section",
    "small",
    "source",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Attributes the allowlist keeps, per tag.
pub const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "title"]),
    ("img", &["src", "srcset", "sizes", "alt", "title", "width", "height"]),
    ("source", &["srcset", "sizes", "type", "media"]),
    ("td", &["colspan", "rowspan", "headers"]),
    ("th", &["colspan", "rowspan", "headers", "scope"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("time", &["datetime"]),
    ("ol", &["start", "reversed", "type"]),
    ("li", &["value"]),
    ("abbr", &["title"]),
    ("q", &["cite"]),
    ("blockquote", &["cite"]),
];

/// Attributes the allowlist keeps on any tag.
pub const GENERIC_ATTRIBUTES: &[&str] = &["lang", "dir"];

/// Whether an attribute must reach the sanitizer: the allowlist may keep it, or it can change how
/// the HTML parser builds the tree (input type, font in foreign content, MathML annotation
/// encoding, declarative shadow roots). Any other attribute is always stripped: leaving it out
/// of the sanitizer's input changes nothing in its output.
fn reaches_sanitizer(attr: &str) -> bool {
    GENERIC_ATTRIBUTES.contains(&attr)
        || TAG_ATTRIBUTES.iter().any(|(_, names)| names.contains(&attr))
        || TREE_ATTRIBUTES.contains(&attr)
        || attr.starts_with("shadowroot")
}

/// Attributes that change how the parser builds the tree (see [`reaches_sanitizer`]).
const TREE_ATTRIBUTES: [&str; 5] = ["type", "color", "face", "size", "encoding"];

/// Attributes the extraction reads by name ([`dom::Dom::attr`] checks it in debug builds). The
/// pre-pass drops all others from most tags ([`depth::prepare_page`]).
const READ_ATTRIBUTES: &[&str] = &[
    "id",
    "class",
    "style",
    "hidden",
    "aria-hidden",
    "aria-modal",
    "aria-label",
    "role",
    "href",
    "src",
    "srcset",
    "alt",
    "rel",
    "itemprop",
    "itemscope",
    "itemtype",
    "content",
    "name",
    "property",
    "http-equiv",
    "datetime",
    "pubdate",
    "title",
    "value",
    "summary",
    "datatable",
    "data",
    "data-component",
    "data-testid",
    "data-videoid",
    "placeholder",
    "autocomplete",
];

/// Whether the extraction or the sanitizer may read the attribute (see [`READ_ATTRIBUTES`]).
pub(crate) fn attribute_is_read(attr: &str) -> bool {
    // Asked for every attribute of the page: the fixed names are in one set, hashed cheaply (FNV).
    static NAMES: std::sync::OnceLock<crate::entities::WordSet> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let lists = [READ_ATTRIBUTES, GENERIC_ATTRIBUTES, &TREE_ATTRIBUTES].into_iter().chain(media::LAZY_SOURCES);
        lists.chain(TAG_ATTRIBUTES.iter().map(|(_, names)| *names)).flatten().copied().collect()
    });
    names.contains(attr) || attr.starts_with("shadowroot")
}

/// The allowlist: article structure, media and links; no scripts, styles, handlers, forms or
/// frames; URLs as [`policy::resolve`] keeps them, resolved against `base` when given (the
/// content's own URLs are already absolute: they need none).
fn sanitize(html: &str, base: Option<&Url>) -> String {
    thread_local! {
        static SANITIZER: ammonia::Builder<'static> = sanitizer();
    }
    SANITIZE_BASE.with(|b| *b.borrow_mut() = base.cloned());
    let mut out = Vec::with_capacity(html.len());
    SANITIZER.with(|b| b.clean(html).write_to(&mut out)).expect("writing to memory");
    String::from_utf8(out).expect("html5ever writes UTF-8")
}

/// The URL attributes the allowlist keeps, and how each is used.
fn url_attribute(tag: &str, attr: &str) -> Option<policy::UrlUse> {
    match (tag, attr) {
        ("a", "href") | (_, "cite") => Some(policy::UrlUse::Link),
        (_, "src" | "srcset") => Some(policy::UrlUse::Image),
        _ => None,
    }
}

thread_local! {
    /// The base URL of the current [`sanitize`] call, read by its (once built) URL filter.
    static SANITIZE_BASE: std::cell::RefCell<Option<Url>> = const { std::cell::RefCell::new(None) };
}

/// The ammonia builder for [`sanitize`], built once per thread; the base URL of each call is
/// in [`SANITIZE_BASE`].
fn sanitizer() -> ammonia::Builder<'static> {
    let tags: HashSet<&str> = CONTENT_TAGS.iter().copied().collect();
    let clean_content: HashSet<&str> = [
        "script", "style", "form", "button", "select", "textarea", "input", "iframe", "frame", "frameset", "object",
        "embed", "noscript", "template", "svg", "canvas", "dialog", "nav",
    ]
    .into_iter()
    .collect();
    let attrs: HashMap<&str, HashSet<&str>> =
        TAG_ATTRIBUTES.iter().map(|&(tag, names)| (tag, names.iter().copied().collect())).collect();
    let mut builder = ammonia::Builder::default();
    builder
        .tags(tags)
        .clean_content_tags(clean_content)
        .tag_attributes(attrs)
        .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .attribute_filter(|tag, attr, value| match url_attribute(tag, attr) {
            Some(used_as) => SANITIZE_BASE.with(|base| {
                let base = base.borrow();
                let resolved = if attr == "srcset" {
                    policy::resolve_srcset(base.as_ref(), value)
                } else {
                    policy::resolve(base.as_ref(), value, used_as)
                };
                resolved.map(Cow::Owned)
            }),
            None => Some(Cow::Borrowed(value)),
        });
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r#"<html lang="en"><head><title>Council approves the new bridge | City Gazette</title>
        <meta property="og:site_name" content="City Gazette"></head><body>
        <nav class="menu"><a href="/">Home</a><a href="/news">News</a></nav>
        <article><h1>Council approves the new bridge</h1>
        <p>The city council voted on Tuesday to approve the construction of a new bridge over the river, ending
        a debate that has lasted for more than ten years, with eight members in favour and three against.</p>
        <p>The bridge will cost an estimated 48 million euros, according to the mayor's office, and should open
        to traffic in 2028 if the works start, as planned, next spring.</p>
        <p>Opponents said the money would be better spent on public transport, while local shops welcomed a
        project they expect to bring more customers to the old town, which has been losing visitors.</p>
        <p><img data-src="/img/bridge.jpg" src="data:image/gif;base64,R0lGOD"><a href="javascript:alert(1)" onclick="x()">Click</a></p>
        <iframe src="https://www.youtube.com/embed/abc"></iframe><form><input name=q></form>
        </article><footer>© City Gazette</footer></body></html>"#;

    #[test]
    fn links_to_hosts_outside_ascii_and_relative_images() {
        let para = "<p>La librairie du quartier rouvre ses portes lundi après six mois de travaux, avec une salle \
            de lecture agrandie, un coin pour les enfants et un café au premier étage, a annoncé sa gérante.</p>";
        let html = format!(
            r#"<html lang="fr"><head><title>La librairie rouvre</title></head><body><article><h1>La librairie rouvre</h1>
            {para}{para}<p><img src="photos/facade.jpg" alt="La façade"> Le catalogue est en ligne sur
            <a href="https://Livres-Über.example/catalogue?page=2">le site de la librairie</a>.</p>{para}</article></body></html>"#
        );
        let url = Url::parse("https://journal.example/culture/librairie").ok();
        let ex = extract(&html, url.as_ref());
        assert!(
            ex.content_html.contains(r#"src="https://journal.example/culture/photos/facade.jpg""#),
            "{}",
            ex.content_html
        );
        assert!(
            ex.content_html.contains(r#"href="https://xn--livres-ber-geb.example/catalogue?page=2""#),
            "{}",
            ex.content_html
        );
    }

    #[test]
    fn extracts_article_and_metadata() {
        let url = Url::parse("https://gazette.example/news/bridge").ok();
        let ex = extract(ARTICLE, url.as_ref());
        assert_eq!(ex.title, "Council approves the new bridge");
        assert_eq!(ex.site_name.as_deref(), Some("City Gazette"));
        assert_eq!(ex.lang.as_deref(), Some("en"));
        assert!(ex.content_html.contains("48 million euros"), "{}", ex.content_html);
        assert!(!ex.content_html.contains("Home"));
        assert!(!ex.content_html.contains("<h1>Council approves"));
        assert!(ex.content_html.contains("https://gazette.example/img/bridge.jpg"));
        assert!(!ex.content_html.contains("javascript:"));
        assert!(!ex.content_html.contains("onclick"));
        assert!(!ex.content_html.contains("<iframe"));
        assert!(!ex.content_html.contains("<form"));
        assert_eq!(ex.lead_image.as_deref(), Some("https://gazette.example/img/bridge.jpg"));
        assert!(ex.excerpt.as_deref().is_some_and(|e| e.starts_with("The city council voted")));
        assert!(ex.verdict.is_article, "{}", ex.verdict.reason);
        assert!(ex.verdict.reason.contains("words of article text"));
    }

    /// ARTICLE with a JSON-LD `articleBody`.
    fn with_article_body(body: &str) -> String {
        let ld = serde_json::json!({"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": body});
        // As pages write it: "</" escaped, or it would end the script.
        let ld = ld.to_string().replace("</", "<\\/");
        ARTICLE.replace("</head>", &format!("<script type=\"application/ld+json\">{ld}</script></head>"))
    }

    #[test]
    fn structured_body_only_replaces_markup_that_shows_less() {
        let paragraph =
            "The harbour authority said the new quay would handle twice as many ships by the end of the decade.";
        // Markup already shows the body (and more): kept, with its image.
        let shown = extract(&with_article_body(&ex_text(ARTICLE)), None);
        assert!(shown.content_html.contains("bridge.jpg"), "{}", shown.content_html);
        assert!(!shown.verdict.reason.contains("JSON-LD"));
        // A short summary is no article body.
        let teaser = extract(&with_article_body("Council approves the bridge after a decade of debate."), None);
        assert!(teaser.content_html.contains("bridge.jpg"));
        // A body the markup does not show: taken, sanitized, one paragraph per line.
        let html_body =
            format!("<p>{paragraph}</p><script>alert(1)</script><p onclick=\"x()\">{}</p>", paragraph.repeat(5));
        let taken = extract(&with_article_body(&html_body), None);
        assert!(taken.verdict.is_article && taken.verdict.reason.contains("JSON-LD"), "{}", taken.verdict.reason);
        assert!(taken.text.starts_with(&format!("{paragraph}\n\nThe harbour")), "{}", taken.text);
        assert!(!taken.content_html.contains("script") && !taken.content_html.contains("onclick"));
        let lines = format!("{paragraph}\n{}\n\nAT&amp;T said 3 < 4.", paragraph.repeat(5));
        let taken = extract(&with_article_body(&lines), None);
        assert_eq!(taken.text.split("\n\n").count(), 3, "{}", taken.text);
        assert!(taken.text.ends_with("AT&T said 3 < 4."), "{}", taken.text);
    }

    #[test]
    fn word_trigrams_ignore_case_and_punctuation() {
        let a = word_trigrams("The Cat, sat on the mat.");
        assert_eq!(a, word_trigrams("the cat sat ON THE mat"));
        assert_eq!(a.len(), 4);
        assert_eq!(coverage(&word_trigrams("the cat sat on a rug"), &a), 0.5);
        assert_eq!(without_tags("<p>one<br>two</p>"), " one two ");
    }

    fn ex_text(html: &str) -> String {
        extract(html, None).text
    }

    #[test]
    fn link_list_is_not_an_article() {
        let links: String =
            (0..40).map(|i| format!("<li><a href=\"/p/{i}\">Story number {i} of the day</a></li>")).collect();
        let html = format!("<html><head><title>Latest news</title></head><body><ul>{links}</ul></body></html>");
        let ex = extract(&html, None);
        assert!(!ex.verdict.is_article);
        assert!(ex.verdict.reason.contains("looks like a list"), "{}", ex.verdict.reason);
    }

    #[test]
    fn odd_pages_do_not_panic() {
        let long_attr = format!("<p title=\"{}\">x</p>", "é".repeat(10_000));
        let many_brs = format!("<div>{}</div>", "text<br><br>".repeat(2_000));
        let pages = [
            "",
            "plain text only",
            "<",
            "<<<>>>",
            "<html><frameset><frame src=a></frameset></html>",
            "<table><tr><td><table><tr><td>cell</td></tr></table></td></tr></table>",
            "<div><p>unclosed <b>bold <i>italic <a href='javascript:x'>link",
            "<title>a | b</title><base href='::bad'><img data-src='x.jpg'><noscript><img src=y.jpg></noscript>",
            "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"Article\",\"author\":[null,1,{\"name\":5}]}</script>",
            "<svg><p>inside svg</p></svg><math><mi>x</mi></math><template><p>t</p></template>",
            "<meta property=' og : title ' content='&#xFFFFFFFFFF;'>",
            &long_attr,
            &many_brs,
        ];
        let url = Url::parse("https://example.test/a/b").ok();
        for p in pages {
            let ex = extract(p, url.as_ref());
            assert!(!ex.content_html.contains("<script"));
        }
    }

    #[test]
    fn a_sign_up_box_never_takes_a_short_article_with_it() {
        let html = r#"<html><body><article><div class="c1">
            <p>The county will replace the footbridge over the canal next spring, its engineers said on Monday evening.</p>
            <p>The old timber bridge has been closed since a storm damaged two of its supports in October last year.</p>
            <div class="c2"><p>Get the briefing</p><input type="email" placeholder="Email"><button>Sign up</button></div>
            <p>A temporary crossing will open a hundred metres downstream while the work goes on through the summer.</p>
            </div></article></body></html>"#;
        let ex = extract(html, None);
        assert!(ex.text.contains("next spring") && ex.text.contains("temporary crossing"), "{}", ex.text);
        assert!(!ex.text.contains("Get the briefing"), "{}", ex.text);
    }

    /// A page of two stories, each an `<article>` with its own `<h1>`.
    fn two_stories(title: &str, first_url: &str) -> String {
        let story = |url: &str, h: &str, words: &str| {
            let p = format!(
                "<p>{words} The county said on Monday that work would start in the spring and end before the winter.</p>"
            );
            format!("<article class=\"post hentry\" data-url=\"{url}\"><h1>{h}</h1>{}</article>", p.repeat(4))
        };
        format!(
            "<html><head><title>{title}</title></head><body><main>{}{}</main></body></html>",
            story(first_url, "Bridge repairs begin on the ring road", "Bridge crews arrived early."),
            story("/news/school-vote", "School board delays its budget vote", "Parents filled the hall.")
        )
    }

    #[test]
    fn other_stories_go_only_beside_the_page_own() {
        let url = Url::parse("https://gazette.example/news/bridge-repairs").ok();
        // Its headline is the title, or it names the page's address.
        for (title, first_url) in [
            ("Bridge repairs begin on the ring road", "/x"),
            ("Ring road works: what to expect", "/news/bridge-repairs/"),
        ] {
            let ex = extract(&two_stories(title, first_url), url.as_ref());
            assert!(ex.text.contains("Bridge crews") && !ex.text.contains("Parents filled"), "{}", ex.text);
        }
        // No story is the page's own: nothing is removed.
        let ex = extract(&two_stories("Ring road works: what to expect", "/x"), url.as_ref());
        assert!(ex.text.contains("Bridge crews") && ex.text.contains("Parents filled"), "{}", ex.text);
    }

    #[test]
    fn gallery_counts_go_alone_and_stay_in_sentences() {
        let long = "A long paragraph explains the recipe in enough detail to be the body, with several clauses, commas, and words.";
        let html = format!(
            "<html><body><article><p>{long}</p><div class=\"g\"><span>2 / 6</span></div>\
             <p>Step <b>1 of 3</b>: whisk the eggs with the sugar until pale.</p><p>{long}</p></article></body></html>"
        );
        let text = ex_text(&html);
        assert!(text.contains("Step 1 of 3: whisk") && !text.contains("2 / 6"), "{text}");
    }

    #[test]
    fn the_largest_block_of_text_stands_in_for_content_not_found() {
        let html = "<html><body><div class=\"post\"><p>„Rennen wir?“</p><p>– „Lieber noch einen Kaffee.“</p></div>\
            <footer><p>Impressum</p></footer></body></html>";
        let mut dom = parse::parse_document(html);
        let (html, _, text) = largest_text_block(&mut dom, None, 0).expect("a block of text");
        assert_eq!(text, "„Rennen wir?“\n\n– „Lieber noch einen Kaffee.“");
        assert!(html.starts_with("<p>"), "{html}");
        // Taken only when it holds more words than what was found.
        assert!(largest_text_block(&mut parse::parse_document("<body><p>Zwei Wörter</p></body>"), None, 2).is_none());
        // An article found by the content detection is no fallback.
        assert_eq!(extract(ARTICLE, None).verdict.fallback, None);
    }

    #[test]
    fn content_language_fallback() {
        let ex = extract(
            r#"<html><head><meta http-equiv="Content-Language" content="fr-FR"></head><body><p>Bonjour</p></body></html>"#,
            None,
        );
        assert_eq!(ex.lang.as_deref(), Some("fr-FR"));
    }

    #[test]
    fn attributes_left_out_before_sanitizing_change_nothing() {
        let pages = [
            r#"<div class="x" id="y" style="color:red" data-a="1" onclick="f()"><p lang="fr" dir="rtl" role="note">Texte <a href="https://a.example/x" rel="nofollow" target="_blank" title="t" class="l">lien</a></p></div>"#,
            r#"<table class="t"><tr><td colspan="2" class="c" headers="h">a</td><input type="hidden" class="i"><th scope="col" aria-x="1">b</th></tr></table>"#,
            r#"<p lang="en">x<svg class="s" viewBox="0 0 1 1"><font color="red" class="f">out</font><font class="g">in</font></svg><math><annotation-xml encoding="text/html" class="m"><p>html</p></annotation-xml></math></p>"#,
            r#"<img src="/a.jpg" data-src="/b.jpg" srcset="/c.jpg 2x" class="lazy" width="10" loading="lazy"><ol start="3" type="a" class="o"><li value="4" class="i">z</li></ol><template shadowrootmode="open" class="t"><p>shadow</p></template>"#,
            r#"<blockquote cite="https://q.example" class="q"><q cite="x">y</q><time datetime="2025-01-01" class="d">now</time><abbr title="T">t</abbr></blockquote><picture class="p"><source srcset="/s.webp" type="image/webp" media="(min-width: 1px)" class="s"></picture>"#,
        ];
        for page in pages {
            let dom = parse::parse_document(page);
            let body = dom.find_tag("body").expect("body");
            let full = sanitize(&dom.inner_html(body), None);
            assert_eq!(sanitize(&dom.inner_html_with(body, reaches_sanitizer), None), full, "{page}");
            assert_ne!(sanitize(&dom.inner_html_with(body, |_| false), None), full, "{page}");
        }
    }
    #[test]
    fn sanitized_output_reads_as_its_parse() {
        use crate::text::{Fragment, Mark};
        const PIECES: &[&str] = &[
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<li>",
            "</li>",
            "<ul>",
            "<pre>",
            "</pre>",
            "<table>",
            "<tr>",
            "<td>",
            "</td>",
            "<h2>",
            "<font>",
            "<marquee>",
            "<center>",
            "<a href=\"/x?a=1&b=2\">",
            "</a>",
            "<b>",
            "</b>",
            "<br>",
            "<img src=x alt=\"a&quot;b\">",
            "<wbr>",
            "<span title='t\"q'>",
            "</span>",
            "<script>x</script>",
            "<!-- c -->",
            "<svg><text>s</text></svg>",
            "<math><mi>m</mi></math>",
            "<textarea>t</textarea>",
            "<blockquote>",
            "<dl><dt>",
            "<dd>",
            "\n",
            "\r\n",
            " ",
            "word",
            "&amp;",
            "&lt;",
            "&nbsp;",
            "\u{a0}",
            "&copy;",
            "\"",
            ">",
            "<",
            "é",
            "<caption>",
            "<button>b</button>",
            "<hr>",
            "<form>",
            "<html>",
        ];
        let mut seed: u64 = 0x7e57_f00d_cafe_0001;
        let (mut plain, mut tried) = (0, 0);
        for _ in 0..5000 {
            let mut page = String::new();
            for _ in 0..30 {
                crate::next_random(&mut seed);
                page.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            }
            let html = sanitize(&page, None);
            let (read, parsed) = (Fragment::serialized(&html), Fragment::parse(&html));
            let text = parsed.plain_text();
            assert_eq!(read.plain_text(), text, "{page}");
            let marks: Vec<Mark> = (0..text.len())
                .step_by(7)
                .filter(|&i| text.is_char_boundary(i) && text.is_char_boundary((i + 5).min(text.len())))
                .map(|i| Mark {
                    start: i,
                    end: (i + 5).min(text.len()),
                    kind: "date",
                    id: format!("d{i}"),
                    value: "v".into(),
                })
                .collect();
            assert_eq!(read.highlight(&marks).0, text, "{page}");
            tried += 1;
            if crate::text::serialized_reads_plainly(&html) {
                plain += 1;
                // Unmarked, the fragment is written back as it came.
                assert_eq!(read.highlight(&[]).1, html, "{page}");
            }
        }
        assert!(plain * 2 > tried, "{plain} of {tried} read plainly");
    }
}
