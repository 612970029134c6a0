//! Readability-style main-content detection: score paragraphs, pick the best container, add its
//! worthy siblings, clean the result; retry with relaxed rules when too little text survives.
//!
//! Follows the design of mozilla/readability (Apache-2.0), reimplemented over [`Dom`].

use super::dom::IntHasher;
use super::dom::{Dom, Indexed, Kind, NodeId, ROOT, TextLens, is_blank, is_fragment_link};
use super::patterns as pat;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::rc::Rc;
use std::sync::OnceLock;

/// Maps and sets of node ids, only looked up (never iterated): hashed by [`IntHasher`].
type IdMap<V> = HashMap<NodeId, V, BuildHasherDefault<IntHasher>>;
type IdSet = HashSet<NodeId, BuildHasherDefault<IntHasher>>;

/// Text a result needs before relaxing the rules stops.
const CHAR_THRESHOLD: usize = 500;
const TOP_CANDIDATES: usize = 5;
const MIN_TOP_CANDIDATES: usize = 3;

#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

/// The article container found in a copy of the page.
pub struct Grabbed {
    pub dom: Dom,
    /// A `<div>` holding the article (not attached to the page).
    pub root: NodeId,
    /// Byline text found in the page (a removed `.byline`/`rel=author` block).
    pub byline: Option<String>,
    /// `dir` of the container or its ancestors.
    pub dir: Option<String>,
    /// The container is an `<article>`, inside one, or holds exactly one.
    pub in_article: bool,
}

/// Removes scripts, styles, templates, audio players (their fallback text) and AMP page chrome;
/// turns AMP images into `<img>`, `<br><br>` runs into paragraphs and `<font>` into `<span>`.
pub fn prep_document(dom: &mut Dom) {
    // One walk finds these and whether the page has AMP elements (all named `amp-…`) at all.
    let tags = ["script", "noscript", "style", "template", "link", "audio"];
    let coded = Dom::coded_mask(&tags);
    let (mut found, mut amp) = (Vec::new(), false);
    for d in dom.iter_descendants(ROOT) {
        if dom.has_tag_of(d, coded, &tags) {
            found.push(d);
        }
        amp |= dom.nodes[d].code == 0 && dom.tag(d).is_some_and(|t| t.starts_with("amp-"));
    }
    for n in found {
        if !dom.is_tag(n, "link") || dom.has_ancestor_tag(n, "body", 0) {
            dom.detach(n);
        }
    }
    let amp_chrome = if amp { dom.by_tags(ROOT, pat::AMP_CHROME) } else { Vec::new() };
    for n in amp_chrome {
        dom.detach(n);
    }
    let amp_media = ["amp-img", "amp-anim", "amp-iframe", "amp-video", "amp-youtube"];
    let amp_media = if amp { dom.by_tags(ROOT, &amp_media) } else { Vec::new() };
    for n in amp_media {
        // Their children are placeholders, fallbacks and `<noscript>` copies.
        for c in dom.children(n) {
            dom.detach(c);
        }
        match dom.tag(n) {
            Some("amp-iframe") => dom.set_tag(n, "iframe"),
            Some("amp-video") => dom.set_tag(n, "video"),
            Some("amp-youtube") => match dom.attr(n, "data-videoid").map(str::trim).filter(|i| !i.is_empty()) {
                Some(id) => {
                    let src = format!("https://www.youtube.com/embed/{id}");
                    dom.set_attr(n, "src", &src);
                    dom.set_tag(n, "iframe");
                }
                None => dom.detach(n),
            },
            _ => dom.set_tag(n, "img"),
        }
    }
    replace_brs(dom);
    for n in dom.by_tags(ROOT, &["font"]) {
        dom.set_tag(n, "span");
    }
}

/// Removes the other stories of a page that loads the next ones below the article (infinite
/// scroll): top-level `<article>`s (or schema.org articles) with their own `<h1>`. Only when one
/// story is the page's own: it names the page's address (`data-url`, an `itemprop=url` meta), or
/// else its headline is the page's title, or else it is the first story after that headline.
pub fn drop_other_stories(dom: &mut Dom, title: &str, page_url: Option<&str>) {
    let Some(body) = dom.find_tag("body") else { return };
    let is_story = |dom: &Dom, n: NodeId| {
        dom.is_tag(n, "article")
            || dom.attr(n, "itemtype").is_some_and(|t| {
                let t = t.rsplit('/').next().unwrap_or("");
                t.ends_with("Article") || t == "BlogPosting"
            })
    };
    let is_title = |dom: &Dom, h: NodeId| text_similarity(title, &dom.text_content(h)) > 0.75;
    // (story, its headline); the first story after the title's headline when that stands outside.
    let mut stories: Vec<(NodeId, Option<NodeId>)> = Vec::new();
    let (mut title_outside, mut after_title) = (false, None);
    let mut n = dom.first_element_child(body);
    while let Some(x) = n {
        if !is_story(dom, x) {
            title_outside |= dom.is_tag(x, "h1") && is_title(dom, x);
            n = next_element_in(dom, x, body, false);
            continue;
        }
        let headline = dom.by_tags(x, &["h1"]).into_iter().find(|&h| !dom.inner_text(h).trim().is_empty());
        if title_outside && after_title.is_none() && headline.is_none() {
            after_title = Some(x);
        }
        stories.push((x, headline));
        n = next_element_in(dom, x, body, true);
    }
    if stories.len() < 2 || !stories.iter().any(|(_, h)| h.is_some()) {
        return;
    }
    let mut addresses: Vec<String> =
        page_url.map(|u| u.split('#').next().unwrap_or(u).to_string()).into_iter().collect();
    if let Some(head) = dom.find_tag("head") {
        for m in dom.by_tags(head, &["link", "meta"]) {
            let canonical = dom.attr(m, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical"));
            let og_url = dom.attr(m, "property").is_some_and(|p| p.eq_ignore_ascii_case("og:url"));
            let address = if canonical {
                dom.attr(m, "href")
            } else if og_url {
                dom.attr(m, "content")
            } else {
                None
            };
            addresses.extend(address.map(String::from));
        }
    }
    let keys: Vec<(Option<String>, String)> = addresses.iter().filter_map(|a| address_key(a)).collect();
    let names_page =
        |dom: &Dom, story: NodeId| {
            let metas = dom
                .by_tags(story, &["meta"])
                .into_iter()
                .filter(|&m| dom.attr(m, "itemprop").is_some_and(|p| p == "url" || p == "mainEntityOfPage"))
                .filter_map(|m| dom.attr(m, "content"));
            dom.attrs(story).iter().map(|(_, v)| &**v).chain(metas).filter_map(address_key).any(|(host, path)| {
                keys.iter().any(|(h, p)| *p == path && (host.is_none() || h.is_none() || *h == host))
            })
        };
    let own = stories
        .iter()
        .find(|&&(s, _)| names_page(dom, s))
        .or_else(|| stories.iter().find(|&&(_, h)| h.is_some_and(|h| is_title(dom, h))))
        .map(|&(s, _)| s)
        .or(after_title);
    let Some(own) = own else { return };
    // Stories without a headline of their own are parts of the page's (its header, its body).
    for (s, h) in stories {
        if s != own && h.is_some() {
            dom.detach(s);
        }
    }
}

/// An address as (host without `www.`, path without its trailing `/`), the host unknown for a
/// path alone. `None` for anything else, for a site's front page, and for a place in a page
/// (`#post-12`: the entries of a live blog name their page that way).
fn address_key(s: &str) -> Option<(Option<String>, String)> {
    let s = s.trim();
    if s.contains('#') {
        return None;
    }
    let (host, path) = if s.starts_with('/') && !s.starts_with("//") {
        (None, s.split('?').next().unwrap_or(""))
    } else {
        let u = url::Url::parse(s).ok().filter(|u| matches!(u.scheme(), "http" | "https"))?;
        let host = u.host_str()?.trim_start_matches("www.").to_ascii_lowercase();
        return Some((Some(host), u.path().trim_end_matches('/').to_string())).filter(|(_, p)| !p.is_empty());
    };
    let path = path.trim_end_matches('/');
    (!path.is_empty()).then(|| (host, path.to_string()))
}

fn is_whitespace(dom: &Dom, n: NodeId) -> bool {
    match &dom.nodes[n].kind {
        Kind::Text(t, _) => is_blank(t),
        Kind::Element { tag, .. } => &**tag == "br",
        Kind::Root => false,
    }
}

/// Skips white-space text nodes.
fn skip_blank(dom: &Dom, mut n: Option<NodeId>) -> Option<NodeId> {
    while let Some(x) = n {
        if dom.is_element(x) || !dom.text_of_node(x).is_some_and(is_blank) {
            return Some(x);
        }
        n = dom.next_sibling(x);
    }
    None
}

fn replace_brs(dom: &mut Dom) {
    let Some(body) = dom.find_tag("body") else { return };
    for br in dom.by_tags(body, &["br"]) {
        if dom.parent(br).is_none() {
            continue;
        }
        let mut next = skip_blank(dom, dom.next_sibling(br));
        let mut replaced = false;
        while let Some(n) = next.filter(|&n| dom.is_tag(n, "br")) {
            replaced = true;
            let after = dom.next_sibling(n);
            dom.detach(n);
            next = skip_blank(dom, after);
        }
        if !replaced {
            continue;
        }
        let p = dom.create_element("p");
        dom.replace(br, p);
        let mut next = dom.next_sibling(p);
        while let Some(n) = next {
            if dom.is_tag(n, "br") {
                if let Some(after) = skip_blank(dom, dom.next_sibling(n)) {
                    if dom.is_tag(after, "br") {
                        break;
                    }
                }
            }
            if !is_phrasing(dom, n) {
                break;
            }
            next = dom.next_sibling(n);
            dom.append(p, n);
        }
        while let Some(last) = dom.nodes[p].last_child.get().filter(|&l| is_whitespace(dom, l)) {
            dom.detach(last);
        }
        if let Some(parent) = dom.parent(p) {
            if dom.is_tag(parent, "p") {
                dom.set_tag(parent, "div");
            }
        }
    }
}

/// Phrasing content: text, inline elements, and links/edits holding only phrasing content.
pub fn is_phrasing(dom: &Dom, n: NodeId) -> bool {
    // Whether a node is phrasing content by itself (`None`: when all its children are).
    let own = |x: NodeId| match dom.tag(x) {
        None => Some(true),
        Some(t) if is_phrasing_tag(dom, x, t) => Some(true),
        Some("a" | "del" | "ins") => None,
        Some(_) => Some(false),
    };
    // Most nodes are judged by their own tag, without a stack.
    if let Some(phrasing) = own(n) {
        return phrasing;
    }
    let mut stack = dom.children(n);
    while let Some(x) = stack.pop() {
        match own(x) {
            Some(true) => {}
            Some(false) => return false,
            None => stack.extend(dom.children(x)),
        }
    }
    true
}

/// Whether `tag`, the tag of the element `x`, is in [`pat::PHRASING`]: by its code if it has one.
fn is_phrasing_tag(dom: &Dom, x: NodeId, tag: &str) -> bool {
    static CODED: OnceLock<u64> = OnceLock::new();
    match dom.nodes[x].code {
        0 => pat::PHRASING.contains(&tag),
        code => *CODED.get_or_init(|| Dom::coded_mask(pat::PHRASING)) >> code & 1 != 0,
    }
}

pub fn is_probably_visible(dom: &Dom, n: NodeId) -> bool {
    // One scan over the attributes for all four names.
    let (mut style, mut hidden, mut aria_hidden, mut class) = (None, false, None, None);
    for (k, v) in dom.attrs(n) {
        match &**k {
            "style" if style.is_none() => style = Some(&**v),
            "hidden" => hidden = true,
            "aria-hidden" if aria_hidden.is_none() => aria_hidden = Some(&**v),
            "class" if class.is_none() => class = Some(&**v),
            _ => {}
        }
    }
    if let Some(style) = style {
        let style = style.to_ascii_lowercase().replace(char::is_whitespace, "");
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return false;
        }
    }
    if hidden {
        return false;
    }
    aria_hidden != Some("true") || class.unwrap_or("").contains("fallback-image")
}

/// Readability's `_getNextNode` over elements only.
fn next_element(dom: &Dom, n: NodeId, skip_children: bool) -> Option<NodeId> {
    if !skip_children {
        if let Some(c) = dom.first_element_child(n) {
            return Some(c);
        }
    }
    let mut cur = n;
    loop {
        if let Some(s) = dom.next_element_sibling(cur) {
            return Some(s);
        }
        cur = dom.parent(cur)?;
        if cur == ROOT {
            return None;
        }
    }
}

fn remove_and_next(dom: &mut Dom, n: NodeId) -> Option<NodeId> {
    let next = next_element(dom, n, true);
    dom.detach(n);
    next
}

fn is_without_content(dom: &Dom, n: NodeId) -> bool {
    if dom.has_text(n) {
        return false;
    }
    let kids = dom.element_children(n);
    kids.is_empty() || kids.len() == dom.count_tags(n, &["br", "hr"])
}

fn has_single_tag_inside(dom: &Dom, n: NodeId, tag: &str) -> bool {
    // The children are walked, not listed; their text is read only around a single such tag.
    let children = || std::iter::successors(dom.first_child(n), |&x| dom.next_sibling(x));
    let mut elements = children().filter(|&c| dom.is_element(c));
    elements.next().is_some_and(|k| dom.is_tag(k, tag))
        && elements.next().is_none()
        && !children().any(|c| dom.text_of_node(c).is_some_and(|t| !is_blank(t)))
}

fn has_child_block(dom: &Dom, n: NodeId) -> bool {
    let blocks = Dom::mask_of(pat::DIV_TO_P_ELEMS);
    dom.iter_descendants(n).any(|d| dom.in_mask(d, blocks))
}

pub fn link_density(dom: &Dom, n: NodeId) -> f64 {
    let len = dom.inner_len(n);
    if len == 0 {
        return 0.0;
    }
    let mut links = 0.0;
    for a in dom.iter_descendants(n).filter(|&a| dom.is_tag(a, "a")) {
        links += dom.inner_len(a) as f64 * if is_fragment_link(dom, a) { 0.3 } else { 1.0 };
    }
    links / len as f64
}

fn class_weight(dom: &Dom, n: NodeId, flags: Flags) -> f64 {
    if !flags.weight_classes {
        return 0.0;
    }
    let mut w = 0.0;
    for name in ["class", "id"] {
        if let Some(v) = dom.attr(n, name).filter(|v| !v.is_empty()) {
            if pat::is_negative(v) {
                w -= 25.0;
            }
            if pat::is_positive(v) {
                w += 25.0;
            }
        }
    }
    w
}

fn initial_score(dom: &Dom, n: NodeId, flags: Flags) -> f64 {
    let base = match dom.tag(n).unwrap_or("") {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    base + class_weight(dom, n, flags)
}

fn count_commas(s: &str) -> usize {
    const OTHER_COMMAS: [char; 8] =
        ['\u{060C}', '\u{FE50}', '\u{FE10}', '\u{FE11}', '\u{2E41}', '\u{2E34}', '\u{2E32}', '\u{FF0C}'];
    count_chars(s, b',', &OTHER_COMMAS)
}

/// Occurrences of the ASCII `ascii` and of each of `others` (not ASCII) in `s`.
fn count_chars(s: &str, ascii: u8, others: &[char]) -> usize {
    let n = count_bytes(s.as_bytes(), ascii, ascii).0;
    if s.is_ascii() { n } else { n + others.iter().map(|&c| s.matches(c).count()).sum::<usize>() }
}

/// Occurrences of the bytes `a` and `b` in `bytes` (with `a == b`, all in the first count).
fn count_bytes(bytes: &[u8], a: u8, b: u8) -> (usize, usize) {
    // Both are rare in text: jumping from one to the next beats reading every byte.
    let (mut na, mut all) = (0, 0);
    for i in memchr::memchr2_iter(a, b, bytes) {
        all += 1;
        na += usize::from(bytes[i] == a);
    }
    (na, all - na)
}

/// Share of `b`'s words not in `a`, inverted: 1.0 when `b` only uses words of `a`.
pub fn text_similarity(a: &str, b: &str) -> f64 {
    // Words; each CJK ideograph or kana counts as a word of its own.
    let tokens = |s: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        for c in s.to_lowercase().chars() {
            if is_cjk(c) {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                out.push(c.to_string());
            } else if c.is_alphanumeric() || c == '_' {
                cur.push(c);
            } else if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        out
    };
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let uniq_b: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let uniq_len = uniq_b.iter().map(|t| t.chars().count()).sum::<usize>() + uniq_b.len().saturating_sub(1);
    let all_len = tb.iter().map(|t| t.chars().count()).sum::<usize>() + tb.len() - 1;
    1.0 - uniq_len as f64 / all_len as f64
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn check_byline(dom: &Dom, n: NodeId, match_string: &str) -> Option<String> {
    // Without attributes the class-and-id string is " ", no byline mark.
    if dom.attrs(n).is_empty() {
        return None;
    }
    let rel = dom.attr(n, "rel");
    let itemprop = dom.attr(n, "itemprop");
    // Component frameworks name blocks in data attributes (`data-component="byline-block"`).
    let component = || ["data-component", "data-testid"].iter().any(|a| dom.attr(n, a).is_some_and(pat::is_byline));
    if !(rel == Some("author")
        || itemprop.is_some_and(|i| i.contains("author"))
        || pat::is_byline(match_string)
        || component())
    {
        return None;
    }
    let text = dom.text_content(n);
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.chars().count() >= 100 {
        return None;
    }
    let name_node = dom
        .descendants(n)
        .into_iter()
        .find(|&d| dom.attr(d, "itemprop").is_some_and(|i| i.contains("name")))
        .or_else(|| single_author_element(dom, n).filter(|&a| rest_is_date(trimmed, &dom.text_content(a))));
    let byline = match name_node {
        Some(d) => dom.text_content(d).trim().to_string(),
        None => trimmed.to_string(),
    };
    Some(byline)
}

/// The one author element (`rel=author`, `itemprop=author`, an `author` class) inside a byline
/// block that also holds its date or reading time ("Lena Okonkwo · May 2, 2026 · 6 min read").
fn single_author_element(dom: &Dom, n: NodeId) -> Option<NodeId> {
    let is_author = |d: NodeId| {
        dom.attr(d, "rel") == Some("author")
            || dom.attr(d, "itemprop").is_some_and(|i| i.contains("author"))
            || dom.attr(d, "class").is_some_and(|c| c.to_ascii_lowercase().contains("author"))
    };
    let mut found: Option<NodeId> = None;
    for d in dom.iter_descendants(n).filter(|&d| dom.is_element(d) && is_author(d)) {
        match found {
            Some(f) if dom.is_under(d, f) => {}
            Some(_) => return None,
            None => found = Some(d),
        }
    }
    found.filter(|&f| !dom.text_content(f).trim().is_empty())
}

/// Whether a byline block's text is the author's name and a date or reading time.
fn rest_is_date(block: &str, name: &str) -> bool {
    let name = name.trim();
    let rest = block.replacen(name, " ", 1);
    let rest = rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, '·' | '•' | '|' | ',' | '-' | '—'));
    !name.is_empty() && !rest.is_empty() && (pat::is_meta_line(rest) || pat::is_bare_date(rest))
}

/// Whether the text of `n` is only the author's name, perhaps after "By" / « Par ».
/// `author` comes trimmed and in lower case.
fn names_only(dom: &Dom, n: NodeId, author: &str) -> bool {
    let author = author.trim();
    if author.is_empty() {
        return false;
    }
    // Stops at the first characters past the limit: most blocks hold far more.
    let mut len = 0;
    for d in dom.iter_descendants(n) {
        len += dom.text_len(d).unwrap_or(0);
        if len > BYLINE_LINE_MAX_CHARS {
            return false;
        }
    }
    // The text is a prefix, a space and the name, and lower case has as many chars or more:
    // longer texts are not built.
    let prefix = pat::BYLINE_PREFIXES.iter().map(|p| p.chars().count()).max().unwrap_or(0);
    if dom.inner_len(n) > prefix + 1 + author.chars().count() {
        return false;
    }
    let text = dom.inner_text(n).to_lowercase();
    let rest = text.strip_suffix(author).map(str::trim);
    rest.is_some_and(|r| pat::BYLINE_PREFIXES.contains(&r))
}

/// A byline line is shorter than this.
const BYLINE_LINE_MAX_CHARS: usize = 100;

/// Finds the article in a copy of `page` (already through [`prep_document`]).
/// `host` is the page's: links to it are links to other pages of the site.
/// `author` is the byline the page's metadata gives: a block that only names it is the byline.
pub fn grab_article(page: &Dom, title: &str, author: Option<&str>, host: Option<&str>) -> Option<Grabbed> {
    let mut flags = Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true };
    let mut attempts: Vec<(Grabbed, usize)> = Vec::new();
    loop {
        let g = grab_once(page, title, author, flags, host)?;
        let text_len = g.dom.inner_len(g.root);
        if text_len >= CHAR_THRESHOLD || (flags.strip_unlikely && is_short_article(&g)) {
            return Some(g);
        }
        attempts.push((g, text_len));
        if flags.strip_unlikely {
            flags.strip_unlikely = false;
        } else if flags.weight_classes {
            flags.weight_classes = false;
        } else if flags.clean_conditionally {
            flags.clean_conditionally = false;
        } else {
            // Longest attempt; the earliest on ties (the strictest rules).
            let best = attempts.iter().enumerate().max_by(|a, b| a.1.1.cmp(&b.1.1).then(b.0.cmp(&a.0)))?.0;
            let (g, len) = attempts.swap_remove(best);
            return (len > 0).then_some(g);
        }
    }
}

/// A brief: the content comes from an `<article>` and holds two paragraphs of running text or
/// more. Relaxing the rules would only add the chrome around it.
fn is_short_article(g: &Grabbed) -> bool {
    const RUNNING_WORDS: usize = 12;
    g.in_article
        && g.dom
            .by_tags(g.root, &["p"])
            .iter()
            .filter(|&&p| g.dom.inner_text(p).split(' ').count() >= RUNNING_WORDS)
            .count()
            >= 2
}

fn grab_once(page: &Dom, title: &str, author: Option<&str>, flags: Flags, host: Option<&str>) -> Option<Grabbed> {
    // Room for the nodes this attempt creates: a full copy would be moved whole by the first one.
    let mut dom = Dom { nodes: Vec::with_capacity(page.nodes.len() + page.nodes.len() / 8 + 16) };
    dom.nodes.extend_from_slice(&page.nodes);
    let body = dom.find_tag("body")?;
    let mut byline: Option<String> = None;
    let mut to_score: Vec<NodeId> = Vec::new();
    let mut remove_title_header = !title.trim().is_empty();
    // Lowercased once for all the blocks compared with it.
    let author_key = author.map(|a| a.trim().to_lowercase());

    let mut node = dom.first_element_child(ROOT);
    let mut match_string = String::new();
    while let Some(n) = node {
        // Shared with the node (the DOM changes below).
        let tag: Rc<str> = match &dom.nodes[n].kind {
            Kind::Element { tag, .. } => tag.clone(),
            _ => Rc::from(""),
        };
        let tag = &*tag;
        dom.match_string_into(n, &mut match_string);
        if !is_probably_visible(&dom, n) {
            node = remove_and_next(&mut dom, n);
            continue;
        }
        if dom.attr(n, "aria-modal") == Some("true") && dom.attr(n, "role") == Some("dialog") {
            node = remove_and_next(&mut dom, n);
            continue;
        }
        if byline.is_none() && dom.is_under(n, body) {
            let named = || {
                author.zip(author_key.as_deref()).and_then(|(a, key)| names_only(&dom, n, key).then(|| a.to_string()))
            };
            if let Some(b) = check_byline(&dom, n, &match_string).or_else(named) {
                byline = Some(b);
                // A name linked inside a short byline line ("Par <a>Name</a> (Nîmes, envoyée spéciale)"): the line goes.
                let line = dom.parent(n).filter(|&p| {
                    (tag == "a" || pat::PHRASING.contains(&tag))
                        && matches!(dom.tag(p), Some("p" | "div"))
                        && dom.inner_len(p) < BYLINE_LINE_MAX_CHARS
                });
                node = remove_and_next(&mut dom, line.unwrap_or(n));
                continue;
            }
        }
        if remove_title_header
            && (tag == "h1" || tag == "h2")
            && (text_similarity(title, &dom.text_content(n)) > 0.75 || holds_title_and_kicker(&dom, n, title))
        {
            remove_title_header = false;
            node = remove_and_next(&mut dom, n);
            continue;
        }
        if flags.strip_unlikely && n != body && tag != "a" && tag != "html" {
            if pat::is_unlikely(&match_string)
                && !dom.has_ancestor_tag(n, "table", 0)
                && !dom.has_ancestor_tag(n, "code", 0)
                && !is_entry_header(&dom, n, &match_string)
            {
                node = remove_and_next(&mut dom, n);
                continue;
            }
            if dom.attr(n, "role").is_some_and(|r| pat::UNLIKELY_ROLES.contains(&r)) {
                node = remove_and_next(&mut dom, n);
                continue;
            }
        }
        if matches!(tag, "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
            && is_without_content(&dom, n)
        {
            node = remove_and_next(&mut dom, n);
            continue;
        }
        if pat::TAGS_TO_SCORE.contains(&tag) {
            to_score.push(n);
        }
        let mut current = n;
        if tag == "div" {
            wrap_phrasing_runs(&mut dom, n);
            if has_single_tag_inside(&dom, n, "p") && link_density(&dom, n) < 0.25 {
                if let Some(child) = dom.first_element_child(n) {
                    dom.replace(n, child);
                    current = child;
                    to_score.push(child);
                }
            } else if !has_child_block(&dom, n) {
                dom.set_tag(n, "p");
                to_score.push(n);
            }
        }
        node = next_element(&dom, current, false);
    }

    // Score paragraphs and propagate to ancestors (the DOM does not change until the top candidate is chosen).
    let lens = TextLens::new(&dom, body, count_commas);
    let mut scores: IdMap<f64> = IdMap::default();
    let mut candidates: Vec<NodeId> = Vec::new();
    // Sections scored as paragraphs: their text counts again for their parent.
    let mut scored_sections = IdSet::default();
    for &el in &to_score {
        if !dom.is_under(el, body) {
            continue;
        }
        let len = lens.inner_len(el);
        if len < 25 {
            continue;
        }
        let ancestors = dom.ancestors(el, 5);
        if ancestors.is_empty() {
            continue;
        }
        if dom.is_tag(el, "section") {
            scored_sections.insert(el);
        }
        // White space folding leaves commas alone: they are counted in the raw text.
        let score = 1.0 + (lens.counted(el) + 1) as f64 + (len / 100).min(3) as f64;
        for (level, &anc) in ancestors.iter().enumerate() {
            match dom.parent(anc) {
                Some(p) if p != ROOT => {}
                _ => break,
            }
            if let std::collections::hash_map::Entry::Vacant(e) = scores.entry(anc) {
                e.insert(initial_score(&dom, anc, flags));
                candidates.push(anc);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            *scores.entry(anc).or_insert(0.0) += score / divider;
        }
    }

    let mut top: Vec<NodeId> = Vec::new();
    for &c in &candidates {
        let s = scores.get(&c).copied().unwrap_or(0.0) * (1.0 - lens.link_density(&dom, c));
        scores.insert(c, s);
        let pos = top.iter().position(|&t| s > scores.get(&t).copied().unwrap_or(0.0)).unwrap_or(top.len());
        if pos < TOP_CANDIDATES {
            top.insert(pos, c);
            top.truncate(TOP_CANDIDATES);
        }
    }
    let score_of = |scores: &IdMap<f64>, n: NodeId| scores.get(&n).copied().unwrap_or(0.0);

    let mut created = false;
    let mut top_candidate = match top.first() {
        Some(&t) if !dom.is_tag(t, "body") => t,
        _ => {
            let div = dom.create_element("div");
            dom.move_children(body, div);
            dom.append(body, div);
            scores.insert(div, initial_score(&dom, div, flags));
            created = true;
            div
        }
    };
    if !created {
        let top_score = score_of(&scores, top_candidate);
        let alternatives: Vec<Vec<NodeId>> = top[1..]
            .iter()
            .filter(|&&c| top_score > 0.0 && score_of(&scores, c) / top_score >= 0.75)
            .map(|&c| dom.ancestors(c, 0))
            .collect();
        if alternatives.len() >= MIN_TOP_CANDIDATES {
            let mut parent = dom.parent(top_candidate);
            while let Some(p) = parent.filter(|&p| p != body && p != ROOT) {
                if alternatives.iter().filter(|a| a.contains(&p)).count() >= MIN_TOP_CANDIDATES {
                    top_candidate = p;
                    break;
                }
                parent = dom.parent(p);
            }
        }
        scores.entry(top_candidate).or_insert_with(|| initial_score(&dom, top_candidate, flags));
        // Climb while the parent scores well enough (the content may be split in siblings).
        let mut parent = dom.parent(top_candidate);
        let mut last_score = score_of(&scores, top_candidate);
        let threshold = last_score / 3.0;
        // Above a section scored as a paragraph, a higher score only counts the candidate's text twice.
        let mut crossed_section = scored_sections.contains(&top_candidate);
        while let Some(p) = parent.filter(|&p| p != body && p != ROOT) {
            let Some(&ps) = scores.get(&p) else {
                crossed_section |= scored_sections.contains(&p);
                parent = dom.parent(p);
                continue;
            };
            if ps < threshold {
                break;
            }
            if ps > last_score && !crossed_section {
                top_candidate = p;
                break;
            }
            crossed_section |= scored_sections.contains(&p);
            last_score = ps;
            parent = dom.parent(p);
        }
        // An only child stands for its parent.
        let mut parent = dom.parent(top_candidate);
        while let Some(p) = parent.filter(|&p| p != body && p != ROOT && dom.element_children(p).len() == 1) {
            top_candidate = p;
            parent = dom.parent(p);
        }
        scores.entry(top_candidate).or_insert_with(|| initial_score(&dom, top_candidate, flags));
    }

    let in_article = dom.is_tag(top_candidate, "article")
        || dom.has_ancestor_tag(top_candidate, "article", 0)
        || dom.count_tags(top_candidate, &["article"]) == 1;
    // Gather the candidate and its worthy siblings.
    let article = dom.create_element("div");
    let top_score = score_of(&scores, top_candidate);
    let threshold = (top_score * 0.2).max(10.0);
    let parent_of_top = dom.parent(top_candidate);
    let top_class = dom.attr(top_candidate, "class").unwrap_or("").to_string();
    let siblings = match parent_of_top {
        Some(p) if !created => dom.element_children(p),
        _ => vec![top_candidate],
    };
    for s in siblings {
        let mut append = s == top_candidate;
        if !append {
            // Same class, or the same classes and more (`article-body article-body--continued`).
            let same_class = dom.attr(s, "class").is_some_and(|c| {
                c == top_class || top_class.split_whitespace().all(|t| c.split_whitespace().any(|u| u == t))
            });
            let bonus = if !top_class.trim().is_empty() && same_class { top_score * 0.2 } else { 0.0 };
            if scores.get(&s).is_some_and(|&sc| sc + bonus >= threshold) {
                append = true;
            } else if dom.is_tag(s, "p") {
                let ld = link_density(&dom, s);
                let content = dom.inner_text(s);
                let len = content.chars().count();
                let long_prose = len > 80 && ld < 0.25;
                let short_sentence =
                    len < 80 && len > 0 && ld == 0.0 && (content.contains(". ") || content.ends_with('.'));
                append = long_prose || short_sentence;
            }
        }
        if append {
            if !dom.tag(s).is_some_and(|t| pat::ALTER_TO_DIV_EXCEPTIONS.contains(&t)) {
                dom.set_tag(s, "div");
            }
            dom.append(article, s);
        }
    }

    let mut ctx = Cleaner { flags, data_tables: IdSet::default(), host };
    ctx.prep_article(&mut dom, article);

    let mut dir = None;
    let mut chain = Vec::new();
    if let Some(p) = parent_of_top {
        chain.push(p);
    }
    chain.push(top_candidate);
    if let Some(p) = parent_of_top {
        chain.extend(dom.ancestors(p, 0));
    }
    for a in chain {
        if let Some(d) = dom.attr(a, "dir").filter(|d| !d.is_empty()) {
            dir = Some(d.to_string());
            break;
        }
    }
    Some(Grabbed { dom, root: article, byline, dir, in_article })
}

/// A headline set with its kicker in one heading (`<h2><span>Rail works</span><span>Title</span></h2>`):
/// every word of the title, and a kicker's few more.
fn holds_title_and_kicker(dom: &Dom, n: NodeId, title: &str) -> bool {
    let title_words = title.split_whitespace().count();
    if title_words < 3 {
        return false;
    }
    let text = dom.text_content(n);
    text.split_whitespace().count() <= title_words + KICKER_MAX_WORDS && text_similarity(&text, title) > 0.9
}

/// The header of one entry in a run of `<article>`s (live blog updates): its time and title are
/// content. Entries may also be blocks sharing a first class; their header must then hold a `<time>`.
fn is_entry_header(dom: &Dom, n: NodeId, match_string: &str) -> bool {
    if pat::is_unlikely_besides_header(match_string) {
        return false;
    }
    let mut cur = dom.parent(n);
    while let Some(a) = cur.filter(|&a| !dom.is_tag(a, "article")) {
        cur = dom.parent(a);
    }
    if let Some(entry) = cur {
        let prev = dom.parent(entry).and_then(|p| {
            dom.element_children(p).into_iter().take_while(|&c| c != entry).filter(|&c| dom.is_tag(c, "article")).last()
        });
        if prev.is_some() || dom.next_element_sibling(entry).is_some_and(|s| dom.is_tag(s, "article")) {
            return true;
        }
    }
    if dom.count_tags(n, &["time"]) == 0 {
        return false;
    }
    dom.ancestors(n, ENTRY_MAX_DEPTH).into_iter().any(|a| {
        // Entries share their first class (`live-post`, `live-post is-key-event`).
        let first_class = |x: NodeId| dom.attr(x, "class").and_then(|c| c.split_whitespace().next());
        let Some(class) = first_class(a) else { return false };
        let Some(parent) = dom.parent(a) else { return false };
        let same = |c: NodeId| c != a && dom.tag(c) == dom.tag(a) && first_class(c) == Some(class);
        dom.element_children(parent).into_iter().filter(|&c| same(c)).count() >= ENTRY_MIN_SIBLINGS
    })
}

/// How far above its header an entry of a live blog may be.
const ENTRY_MAX_DEPTH: usize = 3;
/// Other entries of the same class a live-blog entry needs.
const ENTRY_MIN_SIBLINGS: usize = 2;

/// Wraps runs of phrasing content directly inside a `<div>` into `<p>`s.
fn wrap_phrasing_runs(dom: &mut Dom, div: NodeId) {
    let mut child = dom.first_child(div);
    let mut p: Option<NodeId> = None;
    while let Some(c) = child {
        let next = dom.next_sibling(c);
        if is_phrasing(dom, c) {
            if let Some(pp) = p {
                dom.append(pp, c);
            } else if !is_whitespace(dom, c) {
                let np = dom.create_element("p");
                dom.replace(c, np);
                dom.append(np, c);
                p = Some(np);
            }
        } else if let Some(pp) = p.take() {
            while let Some(last) = dom.nodes[pp].last_child.get().filter(|&l| is_whitespace(dom, l)) {
                dom.detach(last);
            }
        }
        child = next;
    }
}

struct Cleaner<'h> {
    flags: Flags,
    data_tables: IdSet,
    host: Option<&'h str>,
}

impl Cleaner<'_> {
    fn prep_article(&mut self, dom: &mut Dom, article: NodeId) {
        self.mark_data_tables(dom, article);
        // Screen-reader-only labels ("Image caption, ", "Continue reading the main story").
        for n in dom.descendants(article) {
            if dom.attr(n, "class").is_some_and(pat::is_visually_hidden) {
                dom.detach(n);
            }
        }
        remove_signup_boxes(dom, article);
        self.clean_conditionally(dom, article, "form");
        self.clean_conditionally(dom, article, "fieldset");
        clean(dom, article, &["object", "embed", "footer", "link", "aside"]);
        let mut ms = String::new();
        for child in dom.element_children(article) {
            let mut next = next_element_in(dom, child, child, false);
            while let Some(n) = next {
                dom.match_string_into(n, &mut ms);
                if pat::is_share(&ms) && dom.text_content(n).chars().count() < 500 {
                    next = next_element_in(dom, n, child, true);
                    dom.detach(n);
                } else {
                    next = next_element_in(dom, n, child, false);
                }
            }
        }
        clean(dom, article, &["iframe", "input", "textarea", "select", "button"]);
        for h in dom.by_tags(article, &["h1", "h2"]) {
            if class_weight(dom, h, self.flags) < 0.0 {
                dom.detach(h);
            }
        }
        self.clean_conditionally(dom, article, "table");
        self.clean_conditionally(dom, article, "ul");
        self.clean_conditionally(dom, article, "div");
        for h in dom.by_tags(article, &["h1"]) {
            dom.set_tag(h, "h2");
        }
        for p in dom.by_tags(article, &["p"]) {
            // Most paragraphs have text: their media are not counted.
            if !dom.has_text(p) && dom.count_tags(p, &["img", "embed", "object", "iframe", "picture", "video"]) == 0 {
                dom.detach(p);
            }
        }
        for br in dom.by_tags(article, &["br"]) {
            if skip_blank(dom, dom.next_sibling(br)).is_some_and(|n| dom.is_tag(n, "p")) {
                dom.detach(br);
            }
        }
        remove_inline_boilerplate(dom, article);
        remove_promos_and_controls(dom, article);
        remove_trailing_headings(dom, article, self.host);
        remove_leading_kickers(dom, article, self.host);
        for table in dom.by_tags(article, &["table"]) {
            let tbody =
                if has_single_tag_inside(dom, table, "tbody") { dom.first_element_child(table) } else { Some(table) };
            let Some(tbody) = tbody else { continue };
            if !has_single_tag_inside(dom, tbody, "tr") {
                continue;
            }
            let Some(row) = dom.first_element_child(tbody) else { continue };
            if !has_single_tag_inside(dom, row, "td") {
                continue;
            }
            let Some(cell) = dom.first_element_child(row) else { continue };
            let all_phrasing = dom.children(cell).iter().all(|&c| is_phrasing(dom, c));
            dom.set_tag(cell, if all_phrasing { "p" } else { "div" });
            dom.replace(table, cell);
        }
    }

    fn mark_data_tables(&mut self, dom: &Dom, root: NodeId) {
        for t in dom.by_tags(root, &["table"]) {
            if is_data_table(dom, t) {
                self.data_tables.insert(t);
            }
        }
    }

    fn clean_conditionally(&self, dom: &mut Dom, root: NodeId, tag: &str) {
        if !self.flags.clean_conditionally {
            return;
        }
        for n in dom.by_tags(root, &[tag]).into_iter().rev() {
            if self.should_remove(dom, n, tag) {
                dom.detach(n);
            }
        }
    }

    fn should_remove(&self, dom: &Dom, n: NodeId, tag: &str) -> bool {
        // The cheap verdicts first (nothing below changes the page).
        if tag == "table" && self.data_tables.contains(&n) {
            return false;
        }
        let mut anc = dom.parent(n);
        while let Some(a) = anc {
            if (dom.is_tag(a, "table") && self.data_tables.contains(&a)) || dom.is_tag(a, "code") {
                return false;
            }
            anc = dom.parent(a);
        }
        // Most pages have no data table: their blocks are not searched for one.
        let table = Dom::mask_of(&["table"]);
        if !self.data_tables.is_empty()
            && dom.iter_descendants(n).any(|d| dom.in_mask(d, table) && self.data_tables.contains(&d))
        {
            return false;
        }
        let weight = class_weight(dom, n, self.flags);
        if weight < 0.0 {
            return true;
        }
        // Commas and dots are never white space: the raw text has as many as the folded one.
        let (mut commas, mut dots) = (0, 0);
        dom.for_each_text(n, |t| {
            let (c, d) = count_bytes(t.as_bytes(), b',', b'.');
            commas += c;
            dots += if t.is_ascii() { d } else { d + t.matches('…').count() };
        });
        if commas >= 10 {
            return false;
        }
        let len = dom.inner_len(n);
        let mut is_list = tag == "ul" || tag == "ol";
        if !is_list {
            let list_len: usize = dom.by_tags(n, &["ul", "ol"]).iter().map(|&l| dom.inner_len(l)).sum();
            is_list = len > 0 && list_len as f64 / len as f64 > 0.9;
        }
        let [p, img, li, input] = dom.count_each_tag(n, ["p", "img", "li", "input"]).map(|c| c as f64);
        let li = li - 100.0;
        let heading_density = text_density(dom, n, &["h1", "h2", "h3", "h4", "h5", "h6"], len);
        let mut embeds = 0;
        for e in dom.by_tags(n, &["object", "embed", "iframe"]) {
            if dom.attrs(e).iter().any(|(_, v)| pat::is_video_url(v)) {
                return false;
            }
            embeds += 1;
        }
        if len <= dots + pat::AD_OR_LOADING_MAX_CHARS && pat::is_ad_or_loading_text(&dom.inner_text(n)) {
            return true;
        }
        let ld = link_density(dom, n);
        let textish: Vec<&str> = ["span", "li", "td"].into_iter().chain(pat::DIV_TO_P_ELEMS.iter().copied()).collect();
        let td = text_density(dom, n, &textish, len);
        let in_figure = dom.has_ancestor_tag(n, "figure", 0);
        let remove = (!in_figure && img > 1.0 && p / img < 0.5)
            || (!is_list && li > p)
            || (input > (p / 3.0).floor())
            || (!is_list && !in_figure && heading_density < 0.9 && len < 25 && (img == 0.0 || img > 2.0) && ld > 0.0)
            || (!is_list && weight < 25.0 && ld > 0.2)
            || (weight >= 25.0 && ld > 0.5)
            || ((embeds == 1 && len < 75) || embeds > 1)
            || (img == 0.0 && td == 0.0);
        if is_list && remove {
            // Keep simple image lists: every item one image.
            if dom.element_children(n).iter().any(|&c| dom.element_children(c).len() > 1) {
                return true;
            }
            if img == dom.count_tags(n, &["li"]) as f64 {
                return false;
            }
        }
        remove
    }
}

/// Drops "Related: <link>" / "Lire aussi : <link>" lines and lone "Advertisement" labels
/// left inside the article body.
fn remove_inline_boilerplate(dom: &mut Dom, article: NodeId) {
    // Nodes are visited in document order and only ever removed: when a node is visited, nothing
    // inside it has changed since the measure.
    let lens = TextLens::new(dom, article, |_| 0);
    let total = lens.inner_len(article);
    let blocks = ["p", "div", "span", "aside", "li", "h2", "h3", "h4", "h5", "strong", "b", "section", "article"];
    for n in dom.by_tags(article, &blocks) {
        if !dom.is_under(n, article) {
            continue;
        }
        let len = lens.inner_len(n);
        if len == 0 || len > 250 {
            continue;
        }
        let text = dom.inner_text(n);
        let folded = pat::Folded::new(&text);
        let media = || dom.count_tags(n, &["img", "picture", "video", "figure"]) > 0;
        if pat::is_ad_or_loading_text(&text) && !media() {
            dom.detach(n);
            continue;
        }
        // "Updated 5:05 PM EDT, August 14, 2026", "5 min read": about the article, not of it.
        if len <= pat::META_LINE_MAX_CHARS
            && (pat::is_meta_line(&text) || (matches!(dom.tag(n), Some("p" | "div")) && folded.is_bare_date()))
        {
            dom.detach(n);
            continue;
        }
        // "Share", "Save": a tool's label standing alone, and the blocks holding only it.
        // (Not a list item: "Print", "Radio" may list the media of a story.)
        if !dom.is_tag(n, "li") && folded.is_tool_label() && !media() {
            let mut b = n;
            while let Some(p) = dom.parent(b).filter(|&p| p != article && lens.inner_len(p) == len) {
                b = p;
            }
            if !dom.tag(b).is_some_and(|t| pat::PHRASING.contains(&t)) {
                dom.detach(b);
                continue;
            }
        }
        // A count of comments or likes: a number, all of it a link.
        if matches!(dom.tag(n), Some("li" | "div" | "p"))
            && text.bytes().all(|b| b.is_ascii_digit())
            && dom.by_tags(n, &["a"]).iter().map(|&a| lens.inner_len(a)).sum::<usize>() >= len
        {
            dom.detach(n);
            continue;
        }
        // An audio player, author card, paywall or feedback box: the largest small block opening with its cue.
        if folded.opens_furniture_box() && total.saturating_sub(len) >= len {
            let mut b = n;
            while let Some(p) = dom.parent(b).filter(|&p| p != article) {
                let plen = lens.inner_len(p);
                if plen > WIDGET_BOX_MAX_CHARS || total.saturating_sub(plen) < plen || !opens_with(dom, p, b) {
                    break;
                }
                b = p;
            }
            dom.detach(b);
            continue;
        }
        // A teaser of another story: a linked headline, all of its text in links.
        if matches!(dom.tag(n), Some("div" | "aside" | "section" | "article"))
            && lens.link_density(dom, n) >= 0.9
            && dom.count_tags(n, &["h2", "h3", "h4", "h5", "h6"]) > 0
        {
            dom.detach(n);
            continue;
        }
        if !matches!(dom.tag(n), Some("p" | "div" | "li" | "aside" | "section")) || !pat::starts_with_read_more(&text) {
            continue;
        }
        // A cue alone ("Read more:") or a cue followed by links only.
        let words = text.split_whitespace().count();
        if words <= 3 || lens.link_density(dom, n) >= 0.5 {
            dom.detach(n);
        }
    }
}

/// Drops what sites set between the paragraphs besides ads: the controls of captions and photo
/// viewers ("toggle caption", "2 / 12"), copyright notices, newsletter promotions
/// ("The Morning Bid newsletter … Sign up here.") and lines set all in capitals that are all a
/// link (calls to get an app, headlines of other stories); then byline lines left at either end.
/// Editor's notes and corrections stay, whatever they hold.
fn remove_promos_and_controls(dom: &mut Dom, article: NodeId) {
    // Measured once: nodes are only removed, visited in document order (see remove_inline_boilerplate).
    let lens = TextLens::new(dom, article, |_| 0);
    let total = lens.inner_len(article);
    let blocks = ["p", "div", "span", "b", "strong", "em", "a", "h2", "h3", "h4", "h5", "h6"];
    for n in dom.by_tags(article, &blocks) {
        let len = lens.inner_len(n);
        if len == 0 || len > pat::NEWSLETTER_PROMO_MAX_CHARS {
            continue;
        }
        if !dom.is_under(n, article) || dom.has_ancestor_tag(n, "table", 0) {
            continue;
        }
        let block = matches!(dom.tag(n), Some("p" | "div"));
        // Controls, counts and credits are short: longer inline elements can only be cards.
        if !block && len > pat::CREDIT_MAX_CHARS * 2 {
            if dom.is_tag(n, "a") && len * 2 < total && is_card_link(dom, n) {
                dom.detach(n);
            }
            continue;
        }
        let text = dom.inner_text(n);
        let folded = pat::Folded::new(&text);
        // A credit inside a caption is the caption's; standing in the text, it only names a photographer.
        let in_caption = || {
            dom.has_ancestor_tag(n, "figure", 0)
                || dom.has_ancestor_tag(n, "figcaption", 0)
                || dom.count_tags(n, &["figcaption"]) > 0
        };
        let credit = || folded.is_picture_credit() && !in_caption();
        if pat::is_media_control(&text) || credit() {
            dom.detach(n);
            continue;
        }
        // A count standing alone, not one inside a sentence ("Step <b>1 of 3</b>: …").
        let alone = matches!(dom.tag(n), Some("p" | "div"))
            || (dom.is_tag(n, "span") && dom.parent(n).is_some_and(|p| matches!(dom.tag(p), Some("div" | "section"))));
        if alone && pat::is_gallery_counter(&text) && dom.count_tags(n, &["img", "picture", "video", "figure"]) == 0 {
            dom.detach(n);
            continue;
        }
        // A card of another story: a link around blocks (its image, label and headline).
        if dom.is_tag(n, "a") && len * 2 < total && is_card_link(dom, n) {
            dom.detach(n);
            continue;
        }
        if !block || folded.opens_editors_note() {
            continue;
        }
        if folded.is_copyright_line() || (len <= pat::META_LINE_MAX_CHARS && is_name_and_date(dom, n, &text)) {
            dom.detach(n);
            continue;
        }
        let links = dom.by_tags(n, &["a"]);
        let promo = folded.is_app_promo()
            || (folded.mentions_newsletter() && links.iter().any(|&a| pat::is_signup_link(&dom.inner_text(a))));
        let shouted_link = pat::is_all_caps_line(&text) && lens.link_density(dom, n) >= 0.9;
        if shouted_link {
            dom.detach(n);
        } else if promo {
            // With the box around it (the newsletter's name over the line).
            let total = dom.inner_len(article);
            let mut b = n;
            while let Some(p) = dom.parent(b).filter(|&p| p != article) {
                let plen = dom.inner_len(p);
                if plen > pat::NEWSLETTER_PROMO_MAX_CHARS || total.saturating_sub(plen) < plen {
                    break;
                }
                b = p;
            }
            dom.detach(b);
        }
    }
    // A byline line opening or closing the body, once the rest is gone ("By Jane Doe, Staff
    // Writer"; inside the body, it may credit one story of a roundup).
    for n in dom.by_tags(article, &["p", "div"]) {
        if dom.is_under(n, article)
            && dom.inner_len(n) <= pat::NEWSLETTER_PROMO_MAX_CHARS
            && pat::is_byline_line(&dom.inner_text(n))
            && (opens_with(dom, article, n) || closes_with(dom, article, n))
        {
            dom.detach(n);
        }
    }
}

/// A link around blocks that leads to another page (not a picture, not a place in this one).
fn is_card_link(dom: &Dom, a: NodeId) -> bool {
    // Blocks first: most links hold none, and their addresses need not be lowercased.
    if dom.count_tags(a, &["p", "div", "h2", "h3", "h4", "h5", "h6"]) == 0 {
        return false;
    }
    let href = dom.attr(a, "href").unwrap_or("").trim().to_ascii_lowercase();
    let picture = [".jpg", ".jpeg", ".png", ".gif", ".webp"]
        .iter()
        .any(|e| href.split(['?', '#']).next().unwrap_or("").ends_with(e));
    !href.is_empty()
        && !href.starts_with('#')
        && !href.starts_with("javascript:")
        && !picture
        && dom.count_tags(a, &["figure", "figcaption"]) == 0
}

/// An author's name, or an update time, and the date in one strip of inline elements ("Rosa
/// Delgado · Dec. 1, 2026", "19/11/2026 08h40 Updated 2 hours ago"): one child is the date (or
/// a date line), the rest names or a date line.
fn is_name_and_date(dom: &Dom, n: NodeId, text: &str) -> bool {
    dom.element_children(n).into_iter().any(|c| {
        let date = dom.inner_text(c);
        let date = date.trim();
        if date.is_empty() || !(pat::is_bare_date(date) || pat::is_meta_line(date)) {
            return false;
        }
        let rest = text.replacen(date, " ", 1);
        let rest = rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, '·' | '•' | '|' | ',' | '-' | '—'));
        pat::is_name_line(rest) || pat::is_meta_line(rest)
    })
}

/// Whether the last text of `outer` is inside `inner`.
fn closes_with(dom: &Dom, outer: NodeId, inner: NodeId) -> bool {
    dom.descendants(outer)
        .into_iter()
        .rev()
        .find(|&d| dom.text_of_node(d).is_some_and(|t| !is_blank(t)))
        .is_some_and(|t| dom.is_under(t, inner))
}

/// Whether the first text of `outer` is inside `inner`.
fn opens_with(dom: &Dom, outer: NodeId, inner: NodeId) -> bool {
    dom.iter_descendants(outer)
        .find(|&d| dom.text_of_node(d).is_some_and(|t| !is_blank(t)))
        .is_some_and(|t| dom.is_under(t, inner))
}

/// A sign-up box or consent placeholder holds at most this much text around its field or button.
const WIDGET_BOX_MAX_CHARS: usize = 600;

/// Drops newsletter sign-up boxes and the consent placeholders of social embeds ("Allow Twitter
/// content? … Accept and continue"): the largest block around an e-mail field or an accept
/// button that holds little text, and less than the rest of the content. Their
/// class names are often hashes, and fields and buttons go before conditional cleaning sees them.
fn remove_signup_boxes(dom: &mut Dom, article: NodeId) {
    for n in dom.by_tags(article, &["input", "button"]) {
        let is_trigger = if dom.is_tag(n, "input") {
            dom.attr(n, "type").is_some_and(|t| t.eq_ignore_ascii_case("email"))
                || ["name", "placeholder", "aria-label", "autocomplete"]
                    .iter()
                    .any(|a| dom.attr(n, a).is_some_and(pat::is_email_field_label))
        } else {
            pat::is_consent_button(&dom.inner_text(n))
        };
        if !is_trigger || !dom.is_under(n, article) {
            continue;
        }
        let total = dom.inner_len(article);
        let mut widget = None;
        let mut cur = dom.parent(n);
        while let Some(a) = cur.filter(|&a| a != article) {
            let len = dom.inner_len(a);
            // Never a block holding most of the content's text (a short article with the box in it).
            if len > WIDGET_BOX_MAX_CHARS || total.saturating_sub(len) < len {
                break;
            }
            widget = Some(a);
            cur = dom.parent(a);
        }
        if let Some(b) = widget {
            dom.detach(b);
        }
    }
}

/// A section label over the headline ("City Hall", "Politics"): at most this many words.
const KICKER_MAX_WORDS: usize = 4;

/// Drops section labels left at the start of the content: short blocks that are only a link to
/// another page of the site.
fn remove_leading_kickers(dom: &mut Dom, article: NodeId, host: Option<&str>) {
    loop {
        let Some(first) =
            dom.iter_descendants(article).find(|&d| dom.text_of_node(d).is_some_and(|t| !t.trim().is_empty()))
        else {
            return;
        };
        let block =
            dom.ancestors(first, 0).into_iter().take_while(|&a| a != article).find(|&a| {
                matches!(dom.tag(a), Some("p" | "div" | "li" | "ul" | "ol" | "h2" | "h3" | "h4" | "h5" | "h6"))
            });
        let Some(block) = block else { return };
        let text = dom.inner_text(block);
        let is_kicker = text.split_whitespace().count() <= KICKER_MAX_WORDS
            && link_density(dom, block) >= 0.9
            && links_within_site(dom, block, host);
        if !is_kicker {
            return;
        }
        dom.detach(block);
    }
}

/// Text a page needs besides a trailing list of links for the list to be chrome, not the page.
const TEXT_BEFORE_TRAILING_LIST: usize = 250;

/// Drops headings, and lists of links to the site's own pages, left at the end of the content
/// ("More from Local" and its headlines, after the last paragraph; not a list of sources).
fn remove_trailing_headings(dom: &mut Dom, article: NodeId, host: Option<&str>) {
    loop {
        let mut heading = None;
        for d in dom.descendants(article).into_iter().rev() {
            if dom.tag(d).is_some_and(|t| matches!(t, "img" | "picture" | "video" | "iframe" | "table" | "hr")) {
                return;
            }
            if dom.text_of_node(d).is_some_and(|t| !t.trim().is_empty()) {
                heading = dom.ancestors(d, 0).into_iter().take_while(|&a| a != article).find(|&a| match dom.tag(a) {
                    Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => true,
                    Some("ul" | "ol") => {
                        link_density(dom, a) >= 0.9
                            && links_within_site(dom, a, host)
                            && dom.inner_len(article) >= dom.inner_len(a) + TEXT_BEFORE_TRAILING_LIST
                    }
                    _ => false,
                });
                break;
            }
        }
        match heading {
            Some(h) => dom.detach(h),
            None => return,
        }
    }
}

/// Every link under `n` goes to a page of the site: relative, or to `host`.
fn links_within_site(dom: &Dom, n: NodeId, host: Option<&str>) -> bool {
    dom.by_tags(n, &["a"]).iter().all(|&a| {
        let href = dom.attr(a, "href").unwrap_or("").trim();
        match url::Url::parse(href) {
            Ok(u) => host.is_some_and(|h| {
                u.host_str().is_some_and(|uh| uh.trim_start_matches("www.") == h.trim_start_matches("www."))
            }),
            Err(_) => !href.starts_with("//"),
        }
    })
}

/// Share of `n`'s text inside descendants with one of `tags` (nested matches count once per
/// matching ancestor, as summing each match's text would). One pass over the subtree.
fn text_density(dom: &Dom, n: NodeId, tags: &[&str], _len: usize) -> f64 {
    let (mut total, mut matched) = (0usize, 0usize);
    let mask = Dom::mask_of(tags);
    // (node, number of matching ancestors strictly inside `n`, including itself)
    let mut stack: Vec<(NodeId, usize)> = dom.children(n).into_iter().rev().map(|c| (c, 0)).collect();
    while let Some((x, depth)) = stack.pop() {
        match dom.text_len(x) {
            Some(l) => {
                total += l;
                matched += l * depth;
            }
            None => {
                let d = depth + usize::from(dom.in_mask(x, mask));
                let mut c = dom.nodes[x].last_child.get();
                while let Some(k) = c {
                    stack.push((k, d));
                    c = dom.nodes[k].prev.get();
                }
            }
        }
    }
    if total == 0 { 0.0 } else { matched as f64 / total as f64 }
}

fn next_element_in(dom: &Dom, n: NodeId, scope: NodeId, skip_children: bool) -> Option<NodeId> {
    if !skip_children {
        if let Some(c) = dom.first_element_child(n) {
            return Some(c);
        }
    }
    let mut cur = n;
    loop {
        if cur == scope {
            return None;
        }
        if let Some(s) = dom.next_element_sibling(cur) {
            return Some(s);
        }
        cur = dom.parent(cur)?;
    }
}

/// Removes every element with one of `tags` except video embeds, in one walk: an element is
/// judged before what it holds, and what goes with a removed element is not shown either way.
fn clean(dom: &mut Dom, root: NodeId, tags: &[&str]) {
    for n in dom.by_tags(root, tags) {
        let tag = dom.tag(n).unwrap_or("");
        if matches!(tag, "object" | "embed" | "iframe") {
            if dom.attrs(n).iter().any(|(_, v)| pat::is_video_url(v)) {
                continue;
            }
            if tag == "object" && pat::is_video_url(&dom.inner_html(n)) {
                continue;
            }
        }
        dom.detach(n);
    }
}

fn is_data_table(dom: &Dom, t: NodeId) -> bool {
    if dom.attr(t, "role") == Some("presentation") || dom.attr(t, "datatable") == Some("0") {
        return false;
    }
    if dom.attr(t, "summary").is_some_and(|s| !s.is_empty()) {
        return true;
    }
    if let Some(c) = dom.element_children(t).into_iter().find(|&c| dom.is_tag(c, "caption")) {
        if dom.first_child(c).is_some() {
            return true;
        }
    }
    if dom.count_tags(t, &["col", "colgroup", "tfoot", "thead", "th"]) > 0 {
        return true;
    }
    if dom.count_tags(t, &["table"]) > 0 {
        return false;
    }
    let (mut rows, mut cols) = (0usize, 0usize);
    for tr in dom.by_tags(t, &["tr"]) {
        rows += dom.attr(tr, "rowspan").and_then(|r| r.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, 1000);
        let mut row_cols = 0;
        for td in dom.element_children(tr).into_iter().filter(|&c| dom.is_tag(c, "td")) {
            row_cols +=
                dom.attr(td, "colspan").and_then(|r| r.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, 1000);
        }
        cols = cols.max(row_cols);
    }
    if rows == 1 || cols == 1 {
        return false;
    }
    rows >= 10 || cols > 4 || rows * cols > 10
}

/// Readability's `isProbablyReaderable`: enough long visible paragraphs outside page chrome.
/// Returns the decision, the paragraphs counted and their characters.
pub fn probably_readerable(dom: &Indexed) -> (bool, usize, usize) {
    const MIN_CONTENT: usize = 140;
    const MIN_SCORE: f64 = 20.0;
    let mut nodes = dom.by_tags(ROOT, &["p", "pre", "article"]);
    let mut seen: IdSet = nodes.iter().copied().collect();
    for br in dom.by_tags(ROOT, &["br"]) {
        if let Some(p) = dom.parent(br).filter(|&p| dom.is_tag(p, "div")) {
            if seen.insert(p) {
                nodes.push(p);
            }
        }
    }
    let mut score = 0.0;
    let (mut count, mut chars) = (0, 0);
    let mut match_string = String::new();
    for n in nodes {
        if !is_probably_visible(dom, n) {
            continue;
        }
        dom.match_string_into(n, &mut match_string);
        if pat::is_unlikely(&match_string) {
            continue;
        }
        if dom.is_tag(n, "p") && dom.has_ancestor_tag(n, "li", 0) {
            continue;
        }
        // Raw trimmed length, spaces included, as the DOM's textContent.
        let len = dom.text_content(n).trim().chars().count();
        if len < MIN_CONTENT {
            continue;
        }
        count += 1;
        chars += len;
        score += ((len - MIN_CONTENT) as f64).sqrt();
        if score > MIN_SCORE {
            return (true, count, chars);
        }
    }
    (false, count, chars)
}

/// The first author element of the page (`rel=author`, `itemprop=author`)
/// outside comment sections, for pages whose byline sits in a block the cleaner drops.
pub fn find_byline(dom: &Dom) -> Option<String> {
    let body = dom.find_tag("body")?;
    let mut node = dom.first_element_child(body);
    let mut ms = String::new();
    // Lower case only when the string has capitals or other letters than ASCII.
    let has_comment = |s: &str| {
        if s.bytes().any(|b| !b.is_ascii() || b.is_ascii_uppercase()) {
            s.to_lowercase().contains("comment")
        } else {
            s.contains("comment")
        }
    };
    while let Some(n) = node {
        dom.match_string_into(n, &mut ms);
        if !is_probably_visible(dom, n) || has_comment(&ms) {
            node = next_element_in(dom, n, body, true);
            continue;
        }
        let strong =
            dom.attr(n, "rel") == Some("author") || dom.attr(n, "itemprop").is_some_and(|i| i.contains("author"));
        if let Some(b) = strong.then(|| check_byline(dom, n, &ms)).flatten() {
            return Some(b);
        }
        node = next_element_in(dom, n, body, false);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_counts() {
        let s = "a, b، c，d... e… f﹐,";
        let commas = s.chars().filter(|c| matches!(c, ',' | '\u{060C}' | '\u{FE50}' | '\u{FF0C}')).count();
        assert_eq!(count_commas(s), commas);
        assert_eq!(count_commas(s), 5);
        assert_eq!(count_chars(s, b'.', &['…']), 4);
        assert_eq!(count_bytes(s.as_bytes(), b',', b'.').0, 2);
        let long = "a,b.c…, ".repeat(20);
        assert_eq!(count_bytes(long.as_bytes(), b',', b'.'), (40, 20));
        assert_eq!(count_chars(&long, b'.', &['…']), 40);
    }
}
