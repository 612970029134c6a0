//! Bylines: Readability's byline test on a block, a block that only names the page's author,
//! and the page's `rel=author` / `itemprop=author` element when the cleaner drops the byline.

use super::cleanup::next_element_in;
use super::dom::{Dom, NodeId};
use super::patterns as pat;
use super::readability::*;

pub(super) fn check_byline(dom: &Dom, n: NodeId, match_string: &str) -> Option<String> {
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
pub(super) fn names_only(dom: &Dom, n: NodeId, author: &str) -> bool {
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
pub(super) const BYLINE_LINE_MAX_CHARS: usize = 100;

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
