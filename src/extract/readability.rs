//! Readability-style main-content detection: score paragraphs, pick the best container, add its
//! worthy siblings, clean the result; retry with relaxed rules when too little text survives.
//!
//! Follows the design of mozilla/readability (Apache-2.0), reimplemented over [`Dom`].

use super::byline::{BYLINE_LINE_MAX_CHARS, check_byline, names_only};
use super::cleanup::{Cleaner, KICKER_MAX_WORDS, next_element_in};
use super::dom::IntHasher;
use super::dom::{Dom, Indexed, Kind, NodeId, ROOT, TextLens, is_blank, is_fragment_link};
use super::patterns as pat;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::rc::Rc;
use std::sync::OnceLock;

/// Maps and sets of node ids, only looked up (never iterated): hashed by [`IntHasher`].
type IdMap<V> = HashMap<NodeId, V, BuildHasherDefault<IntHasher>>;
pub(super) type IdSet = HashSet<NodeId, BuildHasherDefault<IntHasher>>;

/// Text a result needs before relaxing the rules stops.
const CHAR_THRESHOLD: usize = 500;
/// A looser attempt wins only with this many times the text of the best stricter one (of the
/// strictest one, when that placed the article), when every attempt falls short of
/// `CHAR_THRESHOLD` or the strictest placed a short article.
const LOOSER_ATTEMPT_MIN_RATIO: usize = 3;
const TOP_CANDIDATES: usize = 5;
/// Share of a table row's score a candidate around the table needs to stand for the article.
const TABLE_AROUND_MIN_SHARE: f64 = 0.5;
const MIN_TOP_CANDIDATES: usize = 3;

#[derive(Clone, Copy)]
pub(super) struct Flags {
    pub(super) strip_unlikely: bool,
    pub(super) weight_classes: bool,
    pub(super) clean_conditionally: bool,
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
    /// The container is a block the scoring chose, not the whole body.
    pub placed: bool,
    /// The container's text length before cleaning (which only drops text): no cleaning of the
    /// same grab leaves more.
    pub uncleaned_len: usize,
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
    // Every story naming the page is a part of it (a CMS may render its header and its body as
    // two `<article>`s with the same address).
    let named: Vec<NodeId> = stories.iter().filter(|&&(s, _)| names_page(dom, s)).map(|&(s, _)| s).collect();
    let own = named
        .first()
        .copied()
        .or_else(|| stories.iter().find(|&&(_, h)| h.is_some_and(|h| is_title(dom, h))).map(|&(s, _)| s))
        .or(after_title);
    let Some(own) = own else { return };
    // Stories without a headline of their own are parts of the page's (its header, its body).
    for (s, h) in stories {
        if s != own && h.is_some() && !named.contains(&s) {
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
        let u = super::policy::parse_url(s).ok().filter(|u| matches!(u.scheme(), "http" | "https"))?;
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
pub(super) fn skip_blank(dom: &Dom, mut n: Option<NodeId>) -> Option<NodeId> {
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

pub(super) fn has_single_tag_inside(dom: &Dom, n: NodeId, tag: &str) -> bool {
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

pub(super) fn class_weight(dom: &Dom, n: NodeId, flags: Flags) -> f64 {
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
pub(super) fn count_bytes(bytes: &[u8], a: u8, b: u8) -> (usize, usize) {
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

/// Finds the article in a copy of `page` (already through [`prep_document`]).
/// `host` is the page's: links to it are links to other pages of the site.
/// `author` is the byline the page's metadata gives: a block that only names it is the byline.
pub fn grab_article(page: &Dom, title: &str, author: Option<&str>, host: Option<&str>) -> Option<Grabbed> {
    let mut flags = Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true };
    let mut attempts: Vec<(Grabbed, usize)> = Vec::new();
    loop {
        let g = grab_once(page, title, author, flags, host)?;
        let text_len = g.dom.inner_len(g.root);
        // After the strictest attempt placed a short article, a looser one must find clearly more:
        // else a newsletter box or a sidebar, stripped by the strict rules, outscores a short post.
        let outdoes_strictest = attempts
            .first()
            .is_none_or(|a: &(Grabbed, usize)| !a.0.placed || text_len > a.1 * LOOSER_ATTEMPT_MIN_RATIO);
        if (text_len >= CHAR_THRESHOLD && outdoes_strictest) || (flags.strip_unlikely && is_short_article(&g)) {
            return Some(g);
        }
        let (placed, uncleaned_len) = (g.placed, g.uncleaned_len);
        attempts.push((g, text_len));
        // The strictest scoring placed the article but cleaning left it short (a post of
        // blocks that each look like chrome): the same place, cleaned less, comes before looser scoring.
        // (Pointless when the grab had too little text before any cleaning.)
        if attempts.len() == 1 && placed && flags.clean_conditionally && uncleaned_len >= CHAR_THRESHOLD {
            if let Some(g) = grab_once(page, title, author, Flags { clean_conditionally: false, ..flags }, host) {
                if g.dom.inner_len(g.root) >= CHAR_THRESHOLD {
                    return Some(g);
                }
            }
        }
        if flags.strip_unlikely {
            flags.strip_unlikely = false;
        } else if flags.weight_classes {
            flags.weight_classes = false;
        } else if flags.clean_conditionally {
            flags.clean_conditionally = false;
        } else {
            // The strictest attempt, unless a looser one finds clearly more: on a short page the
            // looser rules let an author box or a sidebar outscore a short post.
            let mut best = 0;
            for (i, a) in attempts.iter().enumerate().skip(1) {
                if a.1 > attempts[best].1 * LOOSER_ATTEMPT_MIN_RATIO {
                    best = i;
                }
            }
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
    // A table's rows are not the article: a candidate around the table that scores at least half
    // as well is (a list of names or figures set as a table inside the article).
    if !created && dom.tag(top_candidate).is_some_and(|t| matches!(t, "tr" | "tbody" | "thead" | "tfoot")) {
        let row_score = score_of(&scores, top_candidate);
        let table = dom.ancestors(top_candidate, 0).into_iter().find(|&a| dom.is_tag(a, "table"));
        if let Some(outer) = table.and_then(|t| {
            top[1..].iter().copied().find(|&c| {
                score_of(&scores, c) >= row_score * TABLE_AROUND_MIN_SHARE && dom.ancestors(t, 0).contains(&c)
            })
        }) {
            top_candidate = outer;
        }
    }
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

    let uncleaned_len = dom.inner_len(article);
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
    Some(Grabbed { dom, root: article, byline, dir, in_article, placed: !created, uncleaned_len })
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
