//! The last resort when content detection finds (next to) nothing on a page a person reads as an
//! article (very short posts, odd markup): the page's largest block of text, taken as its blocks.

use super::dom::{Dom, NodeId, ROOT};
use super::patterns as pat;
use super::readability::{is_probably_visible, link_density};

/// Below this many words the content found is treated as nothing found.
pub const MIN_CONTENT_WORDS: usize = 25;

/// Blocks of text a container is made of.
const TEXT_BLOCKS: &[&str] = &["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th"];
/// Elements of page chrome whose text is never the article's (an `<aside>` too, unless it holds
/// an `<article>`).
const CHROME: &[&str] = &["nav", "footer", "form", "header"];
/// A block with more of its text in links than this is navigation.
const MAX_LINK_DENSITY: f64 = 0.5;

/// The blocks of the container with the most text in its own blocks, moved into a new `<div>`
/// (returned), or `None` when the page has no such text.
pub fn largest_text_block(dom: &mut Dom) -> Option<NodeId> {
    let body = dom.find_tag("body").unwrap_or(ROOT);
    let blocks = Dom::mask_of(TEXT_BLOCKS);
    let chrome = Dom::mask_of(CHROME);
    let mut totals: Vec<(NodeId, usize)> = Vec::new();
    let mut node = dom.first_child(body);
    let mut match_string = String::new();
    while let Some(n) = node {
        let skip = dom.is_element(n) && {
            dom.match_string_into(n, &mut match_string);
            dom.in_mask(n, chrome)
                || (dom.is_tag(n, "aside") && dom.count_tags(n, &["article"]) == 0)
                || !is_probably_visible(dom, n)
                || dom.attr(n, "role").is_some_and(|r| pat::UNLIKELY_ROLES.contains(&r))
                || pat::is_unlikely(&match_string)
        };
        if skip {
            node = dom.next_in(n, body, true);
            continue;
        }
        let block = dom.in_mask(n, blocks) || (dom.is_tag(n, "div") && !has_block_inside(dom, n, blocks));
        if block {
            let len = dom.inner_len(n);
            if len > 0 && link_density(dom, n) <= MAX_LINK_DENSITY {
                if let Some(parent) = dom.parent(n) {
                    match totals.iter_mut().find(|(p, _)| *p == parent) {
                        Some((_, total)) => *total += len,
                        None => totals.push((parent, len)),
                    }
                }
            }
            node = dom.next_in(n, body, true);
            continue;
        }
        node = dom.next_in(n, body, false);
    }
    // The largest total; the first on ties (the one higher on the page).
    let (best, _) = totals.iter().copied().reduce(|a, b| if b.1 > a.1 { b } else { a })?;
    let out = dom.create_element("div");
    for child in dom.children(best) {
        let block = dom.in_mask(child, blocks) || (dom.is_tag(child, "div") && !has_block_inside(dom, child, blocks));
        if block && dom.inner_len(child) > 0 && link_density(dom, child) <= MAX_LINK_DENSITY {
            dom.append(out, child);
        }
    }
    Some(out)
}

fn has_block_inside(dom: &Dom, n: NodeId, blocks: u64) -> bool {
    dom.iter_descendants(n).any(|d| dom.in_mask(d, blocks) || dom.is_tag(d, "div"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::parse::parse_document;

    fn taken(html: &str) -> Option<String> {
        let mut dom = parse_document(html);
        largest_text_block(&mut dom).map(|div| dom.inner_text(div))
    }

    #[test]
    fn takes_the_blocks_of_the_container_with_most_text() {
        let page = r#"<html><body><nav><p>Start, Themen, Archiv, Suche, Kontakt und noch viel mehr Navigation</p></nav>
            <div id="post"><h2>Kurz notiert</h2><p>„Rennen wir?“</p><p>– „Lieber noch einen Kaffee.“</p>
            <div class="share"><a href="/s/1">Teilen auf einem langen Netzwerknamen</a></div></div>
            <form><p>Gib unten deine Angaben ein, um einen langen Kommentar zu schreiben, bitte.</p></form>
            <footer><p>Diese Seite läuft mit einem Blogsystem, Impressum und Datenschutz oben.</p></footer></body></html>"#;
        assert_eq!(taken(page).as_deref(), Some("Kurz notiert„Rennen wir?“– „Lieber noch einen Kaffee.“"));
    }

    #[test]
    fn an_aside_counts_only_when_it_holds_an_article() {
        let story = "<p>Die Stadtbibliothek öffnet ab April auch samstags.</p>";
        let donate =
            "<p>Mit einer Spende helfen Sie uns sehr, vielen Dank dafür, wirklich.</p><p>Jeder Beitrag zählt.</p>";
        let page = format!("<body><main><div>{story}</div><aside>{donate}</aside></main></body>");
        assert!(taken(&page).is_some_and(|t| t.contains("Stadtbibliothek")));
        let page =
            format!("<body><main><aside><article>{story}</article></aside><aside>{donate}</aside></main></body>");
        assert!(taken(&page).is_some_and(|t| t.contains("Stadtbibliothek")));
        assert_eq!(taken("<body><nav><p>Start</p></nav></body>"), None);
    }
}
