//! The article's lead (standfirst, intro, subtitle), set in the article's header apart from its
//! body: content detection finds the body and leaves it out. It is put back before the body.

use super::dom::{Dom, NodeId, TextLens, normalize_spaces};
use super::patterns as pat;
use super::readability::{Grabbed, is_probably_visible, link_density, text_similarity};

/// How many ancestors of the body's first block are searched for the lead before it.
const LEAD_SEARCH_LEVELS: usize = 6;
/// A lead is a sentence or a short paragraph or two: this many chars at least, and at most.
const LEAD_MIN_CHARS: usize = 40;
const LEAD_MAX_CHARS: usize = 1000;
/// A lead is prose, not links.
const LEAD_MAX_LINK_DENSITY: f64 = 0.25;
/// A list of this many items at most before the body is a lead's key points.
const KEY_POINTS_MAX_ITEMS: usize = 5;
/// Tags a lead is never inside (captions, navigation, furniture).
const NOT_IN: &[&str] = &["figure", "nav", "aside", "footer", "li", "form", "button", "a", "table"];

/// Puts the lead found in `page` before the content of `g` (a grab from a copy of `page`, whose
/// node ids it shares). `excerpt` is the page's own description (meta or JSON-LD), which sites
/// often show as the lead.
pub fn prepend_lead(page: &Dom, g: &mut Grabbed, title: &str, excerpt: Option<&str>) {
    let Some(first) = g.dom.first_element_child(g.root) else { return };
    // The content's first element that came from the page (the grab creates some).
    let in_page = |d: &NodeId| *d < page.nodes.len() && g.dom.is_element(*d);
    let Some(first_in_page) = std::iter::once(first).chain(g.dom.iter_descendants(first)).find(in_page) else {
        return;
    };
    let excerpt = excerpt.map(|e| normalize_spaces(e.trim_end_matches(['…', '.', ' '])));
    let excerpt = excerpt.as_deref().filter(|e| e.chars().count() >= LEAD_MIN_CHARS);
    let Some(body) = page.find_tag("body") else { return };
    // Text lengths of the page, measured once, for comparing blocks to the description.
    let lens = excerpt.map(|_| TextLens::new(page, body, |_| 0));
    let excerpt = excerpt.zip(lens.as_ref());
    let Some(lead) = find_lead(page, body, first_in_page, title, excerpt)
        .or_else(|| find_dropped_lead(page, g, first_in_page, title, excerpt))
    else {
        return;
    };
    if g.dom.is_under(lead, g.root) {
        return;
    }
    // The grab may have emptied or rebuilt the lead's copy (outside the content): take the page's.
    let lead =
        if g.dom.text_content(lead) == page.text_content(lead) { lead } else { copy_subtree(page, lead, &mut g.dom) };
    g.dom.insert_before(first, lead);
}

/// A copy of `n` and its descendants from `page` into `dom`, not attached.
fn copy_subtree(page: &Dom, n: NodeId, dom: &mut Dom) -> NodeId {
    let copy_node = |dom: &mut Dom, from: NodeId| match page.tag(from) {
        Some(tag) => {
            let e = dom.create_element(tag);
            for (k, v) in page.attrs(from) {
                dom.set_attr(e, k, v);
            }
            e
        }
        None => dom.create_text(page.text_of_node(from).unwrap_or("")),
    };
    let root = copy_node(dom, n);
    let mut stack = vec![(n, root)];
    while let Some((from, to)) = stack.pop() {
        for child in page.children(from) {
            let c = copy_node(dom, child);
            dom.append(to, c);
            stack.push((child, c));
        }
    }
    root
}

/// The last element marked as a lead (class or id), or showing the page's description, before
/// `first` in the page, under one of its nearest ancestors, that reads as one.
fn find_lead(
    page: &Dom,
    body: NodeId,
    first: NodeId,
    title: &str,
    excerpt: Option<(&str, &TextLens)>,
) -> Option<NodeId> {
    let mut match_string = String::new();
    // The ancestors of `first`, outermost first: the ones met before it in document order.
    let mut chain = page.ancestors(first, 0);
    chain.reverse();
    // The whole page is searched only for the description.
    let whole_page = excerpt.map(|_| body);
    // The level searched before: nothing in it before `first` is a lead (by the rules of a wider
    // level too, as the whole page's rule asks more), so the next level stops where it opens.
    let mut searched: Option<NodeId> = None;
    for ancestor in page.ancestors(first, LEAD_SEARCH_LEVELS).into_iter().chain(whole_page) {
        // Up to the body (a lead in the page's header, above the main column), only the
        // description shows a lead: a class there may mark any teaser.
        let whole_page = ancestor == body;
        if !whole_page && !page.is_under(ancestor, body) {
            break;
        }
        if searched == Some(ancestor) {
            continue;
        }
        // The next ancestor of `first` the walk meets (they come in order, outermost first).
        let mut next_in_chain = chain.iter().position(|&a| a == ancestor).map_or(chain.len(), |i| i + 1);
        let mut found = None;
        for d in page.iter_descendants(ancestor) {
            if d == first || Some(d) == searched {
                break;
            }
            if chain.get(next_in_chain) == Some(&d) {
                next_in_chain += 1;
                continue;
            }
            if !page.is_element(d) {
                continue;
            }
            page.match_string_into(d, &mut match_string);
            if marks_lead(page, d, &match_string, title, excerpt, whole_page) && reads_as_lead(page, d, title) {
                found = Some(d);
            }
        }
        if found.is_some() {
            return found;
        }
        searched = Some(ancestor);
    }
    None
}

/// A lead inside the content's first element that the grab dropped (a standfirst in the
/// article's header, stripped with the header): the last element marked as a lead, or showing
/// the page's description, before the content's first paragraph, that reads as one.
fn find_dropped_lead(
    page: &Dom,
    g: &Grabbed,
    first: NodeId,
    title: &str,
    excerpt: Option<(&str, &TextLens)>,
) -> Option<NodeId> {
    let mut match_string = String::new();
    let mut found = None;
    let mut skip_under: Option<NodeId> = None;
    for d in page.iter_descendants(first) {
        if skip_under.is_some_and(|s| page.is_under(d, s)) {
            continue;
        }
        if g.dom.is_under(d, g.root) {
            // The body's first run of text (text nodes keep their ids in the grab's paragraphs).
            if !page.is_element(d) && g.dom.text_content(d).trim().chars().count() >= LEAD_MIN_CHARS {
                return found;
            }
            continue;
        }
        if !page.is_element(d) {
            continue;
        }
        // Dropped from the content: a lead, or a block holding one.
        page.match_string_into(d, &mut match_string);
        // Its text may be in the content still, moved into a paragraph the grab made.
        let text_kept = || page.iter_descendants(d).any(|t| !page.is_element(t) && g.dom.is_under(t, g.root));
        if marks_lead(page, d, &match_string, title, excerpt, false) && reads_as_lead(page, d, title) && !text_kept() {
            found = Some(d);
            skip_under = Some(d);
        }
    }
    // No paragraph in the content after it: the content is no body to lead into.
    None
}

/// Is `d` (class/id words `match_string`) shown as a lead: marked as one, showing the page's
/// description, or a deck right after the headline? Searching the whole page (`whole_page`), only
/// the description counts: a class there may mark any teaser.
fn marks_lead(
    page: &Dom,
    d: NodeId,
    match_string: &str,
    title: &str,
    excerpt: Option<(&str, &TextLens)>,
    whole_page: bool,
) -> bool {
    (!whole_page && pat::is_lead(match_string))
        || excerpt.is_some_and(|(e, lens)| shows_excerpt(page, lens, d, e))
        || (!whole_page && follows_headline(page, d, title))
}

fn reads_as_lead(page: &Dom, n: NodeId, title: &str) -> bool {
    let len = page.inner_len(n);
    if !(LEAD_MIN_CHARS..=LEAD_MAX_CHARS).contains(&len) || !is_probably_visible(page, n) {
        return false;
    }
    if page.ancestors(n, 0).iter().any(|&a| page.tag(a).is_some_and(|t| NOT_IN.contains(&t))) {
        return false;
    }
    if NOT_IN.contains(&page.tag(n).unwrap_or("")) || link_density(page, n) > LEAD_MAX_LINK_DENSITY {
        return false;
    }
    // Not a block of blocks (a list of teasers) or a picture with its caption, nor the headline again.
    // A list of a few items (key points) counts as one block.
    let items = page.count_tags(n, &["li"]);
    let blocks = page.count_tags(n, &["p", "div", "h2", "h3"])
        + if items <= KEY_POINTS_MAX_ITEMS { usize::from(items > 0) } else { items };
    if page.count_tags(n, &["img", "picture", "figure"]) > 0 {
        return false;
    }
    let mut match_string = String::new();
    for d in page.iter_descendants(n).filter(|&d| page.is_element(d)) {
        page.match_string_into(d, &mut match_string);
        if pat::is_not_lead(&match_string) {
            return false;
        }
    }
    let text = page.inner_text(n);
    blocks <= 2 && text_similarity(title, &text) < 0.75 && !pat::is_meta_line(&text) && !pat::is_byline_line(&text)
}

/// Share of the title's words a headline shows (the title may carry the site's name).
const HEADLINE_SHOWS_TITLE: f64 = 0.5;

/// Whether `n` is a subheading right after the page's headline (an `<h1>` showing the title): a
/// deck, set apart from the body like a lead. (Not a paragraph: that is often the date line.)
fn follows_headline(page: &Dom, n: NodeId, title: &str) -> bool {
    if !page.is_tag(n, "h2") {
        return false;
    }
    let mut prev = page.prev_sibling(n);
    while let Some(p) = prev.filter(|&p| !page.is_element(p)) {
        prev = page.prev_sibling(p);
    }
    prev.is_some_and(|h| {
        let headline = page.inner_text(h);
        page.is_tag(h, "h1")
            && text_similarity(title, &headline) > 0.75
            && text_similarity(&headline, title) > HEADLINE_SHOWS_TITLE
    })
}

/// Whether `n`'s text is the page's description (`excerpt`, normalized, without a closing
/// ellipsis or dot): the same text, or one of them cut short of the other (descriptions are often
/// cut at a length).
fn shows_excerpt(page: &Dom, lens: &TextLens, n: NodeId, excerpt: &str) -> bool {
    // Lengths first (most blocks are far off the description's): the text is built only then.
    let len = lens.inner_len(n);
    if !(LEAD_MIN_CHARS..=LEAD_MAX_CHARS).contains(&len) || len * 2 < excerpt.len().min(LEAD_MAX_CHARS) {
        return false;
    }
    // Either way the text opens with the description's first chars (it has LEAD_MIN_CHARS at
    // least, and a text it starts with four fifths of them): most blocks differ there.
    let mut head = excerpt.len().min(EXCERPT_HEAD_BYTES);
    while !excerpt.is_char_boundary(head) {
        head -= 1;
    }
    if !page.inner_text_starts_with(n, &excerpt[..head]) {
        return false;
    }
    // Folded as normalize_spaces folds.
    let text = page.inner_text(n);
    let text = text.trim_end_matches(['…', '.', ' ']);
    text.starts_with(excerpt)
        || (excerpt.starts_with(text)
            && text.chars().count() * EXCERPT_MIN_SHARE_DEN >= excerpt.chars().count() * EXCERPT_MIN_SHARE_NUM)
}

/// Bytes of the description a block showing it opens with, compared before its whole text is built
/// (no more than four fifths of `LEAD_MIN_CHARS`).
const EXCERPT_HEAD_BYTES: usize = 32;
/// A block that is the start of the description shows at least this share of it (num/den).
const EXCERPT_MIN_SHARE_NUM: usize = 4;
const EXCERPT_MIN_SHARE_DEN: usize = 5;
