//! html5ever builds the extraction [`Dom`] directly: no intermediate tree to copy and drop.
//!
//! The parse tree is kept in a flat arena while html5ever edits it, then laid out in document
//! order exactly as [`Dom::from_html`] lays out scraper's tree (comments, doctypes, processing
//! instructions and template contents dropped; attributes in scraper's order). Iterative only.

use super::dom::IntHasher;
use super::dom::{Dom, Kind, NodeId, ROOT, TagCode, tag_code};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, LocalName, QualName, local_name, ns};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::rc::Rc;

/// Parses a whole document.
pub fn parse_document(html: &str) -> Dom {
    let sink = Sink { nodes: RefCell::new(vec![ParseNode::new(Data::Document, no_name())]) };
    html5ever::parse_document(sink, Default::default()).one(html)
}

/// Parses a fragment in a `<body>` context, as scraper's `Html::parse_fragment` does: the root
/// holds an `<html>` element with the fragment's nodes. Same tree builder as [`parse_document`].
pub fn parse_fragment(html: &str) -> Dom {
    let sink = Sink { nodes: RefCell::new(vec![ParseNode::new(Data::Document, no_name())]) };
    let body = QualName::new(None, ns!(html), local_name!("body"));
    html5ever::parse_fragment(sink, Default::default(), body, Vec::new(), false).one(html)
}

enum Data {
    Document,
    Element {
        attrs: Vec<(QualName, StrTendril)>,
    },
    Text(StrTendril),
    /// Comments, doctypes, processing instructions and template contents: dropped with their subtree.
    Dropped,
}

struct ParseNode {
    data: Data,
    /// The element's name (empty for other nodes).
    name: QualName,
    parent: Option<usize>,
    first_child: Option<usize>,
    last_child: Option<usize>,
    prev: Option<usize>,
    next: Option<usize>,
}

impl ParseNode {
    fn new(data: Data, name: QualName) -> ParseNode {
        ParseNode { data, name, parent: None, first_child: None, last_child: None, prev: None, next: None }
    }
}

fn lower_name(name: LocalName) -> LocalName {
    if name.bytes().any(|b| b.is_ascii_uppercase()) { LocalName::from(name.to_ascii_lowercase()) } else { name }
}

fn no_name() -> QualName {
    QualName::new(None, ns!(), local_name!(""))
}

struct Sink {
    nodes: RefCell<Vec<ParseNode>>,
}

fn push(nodes: &mut Vec<ParseNode>, data: Data) -> usize {
    push_named(nodes, data, no_name())
}

fn push_named(nodes: &mut Vec<ParseNode>, data: Data, name: QualName) -> usize {
    nodes.push(ParseNode::new(data, name));
    nodes.len() - 1
}

fn detach(nodes: &mut [ParseNode], id: usize) {
    let (parent, prev, next) = (nodes[id].parent, nodes[id].prev, nodes[id].next);
    match (prev, parent) {
        (Some(p), _) => nodes[p].next = next,
        (None, Some(par)) => nodes[par].first_child = next,
        _ => {}
    }
    match (next, parent) {
        (Some(n), _) => nodes[n].prev = prev,
        (None, Some(par)) => nodes[par].last_child = prev,
        _ => {}
    }
    let n = &mut nodes[id];
    (n.parent, n.prev, n.next) = (None, None, None);
}

fn append(nodes: &mut [ParseNode], parent: usize, child: usize) {
    detach(nodes, child);
    let last = nodes[parent].last_child;
    nodes[child].parent = Some(parent);
    nodes[child].prev = last;
    match last {
        Some(l) => nodes[l].next = Some(child),
        None => nodes[parent].first_child = Some(child),
    }
    nodes[parent].last_child = Some(child);
}

fn insert_before(nodes: &mut [ParseNode], reference: usize, child: usize) {
    let Some(parent) = nodes[reference].parent else { return };
    detach(nodes, child);
    let prev = nodes[reference].prev;
    nodes[child].parent = Some(parent);
    nodes[child].prev = prev;
    nodes[child].next = Some(reference);
    nodes[reference].prev = Some(child);
    match prev {
        Some(p) => nodes[p].next = Some(child),
        None => nodes[parent].first_child = Some(child),
    }
}

/// Appends text to a text node, when `node` is one.
fn extend_text(nodes: &mut [ParseNode], node: Option<usize>, text: &StrTendril) -> bool {
    match node.map(|n| &mut nodes[n].data) {
        Some(Data::Text(t)) => {
            t.push_tendril(text);
            true
        }
        _ => false,
    }
}

impl TreeSink for Sink {
    type Handle = usize;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        let mut nodes = self.nodes.into_inner();
        let mut dom = Dom { nodes: Vec::with_capacity(nodes.len()) };
        dom.push(Kind::Root);
        let mut tags: HashMap<LocalName, (Rc<str>, TagCode), BuildHasherDefault<IntHasher>> = HashMap::default();
        // One list for all elements without attributes (copied on write, as any shared list).
        let no_attrs = Rc::new(Vec::new());
        // Pre-order over the parse tree; `parents` holds the Dom ids of the open elements.
        let mut parents: Vec<NodeId> = vec![ROOT];
        let mut cur = nodes[0].first_child;
        while let Some(x) = cur {
            let kind = match std::mem::replace(&mut nodes[x].data, Data::Dropped) {
                Data::Element { attrs } => {
                    let local = &nodes[x].name.local;
                    let (tag, code) = tags.entry(local.clone()).or_insert_with(|| {
                        let tag = str::to_ascii_lowercase(local);
                        let code = tag_code(&tag);
                        (tag.into(), code)
                    });
                    let attrs = if attrs.is_empty() {
                        no_attrs.clone()
                    } else {
                        Rc::new(attrs.into_iter().map(|(k, v)| (lower_name(k.local), v)).collect())
                    };
                    Some((Kind::Element { tag: tag.clone(), attrs }, *code))
                }
                Data::Text(t) => Some((Kind::text(t), 0)),
                Data::Document | Data::Dropped => None,
            };
            if let Some((kind, code)) = kind {
                let id = dom.push_coded(kind, code);
                dom.append(*parents.last().unwrap_or(&ROOT), id);
                if let Some(c) = nodes[x].first_child {
                    parents.push(id);
                    cur = Some(c);
                    continue;
                }
            }
            // Next sibling, or that of the nearest ancestor that has one.
            let mut y = x;
            cur = loop {
                if let Some(s) = nodes[y].next {
                    break Some(s);
                }
                match nodes[y].parent {
                    Some(p) if p != 0 => {
                        parents.pop();
                        y = p;
                    }
                    _ => break None,
                }
            };
        }
        dom
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| &nodes[*target].name)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> usize {
        let template = name.expanded() == html5ever::expanded_name!(html "template");
        let mut attrs: Vec<(QualName, StrTendril)> = attrs.into_iter().map(|a| (a.name, a.value)).collect();
        crate::sort::sort_by(&mut attrs, |a, b| a.0.cmp(&b.0));
        let nodes = &mut *self.nodes.borrow_mut();
        let id = push_named(nodes, Data::Element { attrs }, name);
        if template {
            let contents = push(nodes, Data::Dropped);
            append(nodes, id, contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        push(&mut self.nodes.borrow_mut(), Data::Dropped)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        push(&mut self.nodes.borrow_mut(), Data::Dropped)
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        let nodes = &mut *self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendNode(id) => append(nodes, *parent, id),
            NodeOrText::AppendText(text) => {
                let last = nodes[*parent].last_child;
                if !extend_text(nodes, last, &text) {
                    let id = push(nodes, Data::Text(text));
                    append(nodes, *parent, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &usize, prev_element: &usize, child: NodeOrText<usize>) {
        let has_parent = self.nodes.borrow()[*element].parent.is_some();
        if has_parent { self.append_before_sibling(element, child) } else { self.append(prev_element, child) }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {
        let nodes = &mut *self.nodes.borrow_mut();
        let id = push(nodes, Data::Dropped);
        append(nodes, 0, id);
    }

    fn get_template_contents(&self, target: &usize) -> usize {
        self.nodes.borrow()[*target].first_child.unwrap_or(*target)
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let nodes = &mut *self.nodes.borrow_mut();
        if let NodeOrText::AppendNode(id) = new_node {
            detach(nodes, id);
        }
        if nodes[*sibling].parent.is_none() {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(id) => insert_before(nodes, *sibling, id),
            NodeOrText::AppendText(text) => {
                let prev = nodes[*sibling].prev;
                if !extend_text(nodes, prev, &text) {
                    let id = push(nodes, Data::Text(text));
                    insert_before(nodes, *sibling, id);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        if let Data::Element { attrs: have, .. } = &mut self.nodes.borrow_mut()[*target].data {
            for a in attrs {
                if let Err(i) = have.binary_search_by(|(name, _)| name.cmp(&a.name)) {
                    have.insert(i, (a.name, a.value));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let nodes = &mut *self.nodes.borrow_mut();
        while let Some(c) = nodes[*node].first_child {
            append(nodes, *new_parent, c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as text: every node with its depth, tag, attributes or text. Ids are in document order.
    fn outline(dom: &Dom) -> String {
        let mut out = String::new();
        let ids = dom.descendants(ROOT);
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
        for n in ids {
            let depth = {
                let mut d = 0;
                let mut p = dom.parent(n);
                while let Some(x) = p {
                    d += 1;
                    p = dom.parent(x);
                }
                d
            };
            let what = match dom.text_of_node(n) {
                Some(t) => format!("{t:?}"),
                None => format!("<{}> {:?}", dom.tag(n).unwrap_or("?"), dom.attrs(n)),
            };
            out.push_str(&format!("{depth} {what}\n"));
        }
        out
    }

    #[test]
    fn same_tree_as_scraper_copy() {
        let pages = [
            "<!doctype html><html lang=en><head><title>T</title><!-- c --></head><body><p z=1 a=2 B=3>x &amp; y<p>z",
            "<table><tr><td>a</td></tr>stray text<div>fostered</div></table><b><i>adoption</b> agency</i>",
            "<template><p>hidden</p></template><p>after<svg viewBox='0 0 1 1'><foreignObject><p>in</p></foreignObject></svg>",
            "<div><!-- one -->a<!-- two -->b<?pi x?>c</div><math><mi>x</mi></math><select><option>o</select>",
            "<p><b>one<p>two</b>three<form><input name=q><form><input></form><body class=late data-x=1>",
            "plain text only",
            "",
            "<frameset><frame src=a></frameset>",
        ];
        for page in pages {
            let direct = parse_document(page);
            let copied = Dom::from_html(&scraper::Html::parse_document(page));
            assert_eq!(outline(&direct), outline(&copied), "{page}");
        }
    }

    #[test]
    fn same_fragment_tree_as_scraper_copy() {
        let fragments = [
            "<p class=lede title='a &quot;b&quot;'>Rates rose <em>twice</em><br>in May</p><p>Then fell",
            "<td>loose cell</td><li>item<ul><li>inner</ul>tail",
            "<noscript><img src=x.jpg alt=pic></noscript><img data-src=y.png>",
            "<pre>\n  kept  </pre><table><caption>c</caption><tr><th>h<td>d</table><!-- note -->",
            "<body id=b><html lang=fr><head><title>t</title></head>text after",
            "",
        ];
        for fragment in fragments {
            let direct = parse_fragment(fragment);
            let copied = Dom::from_html(&scraper::Html::parse_fragment(fragment));
            assert_eq!(outline(&direct), outline(&copied), "{fragment}");
        }
    }

    #[test]
    fn named_character_references() {
        for (html, text) in [
            ("tea &amp; cake &AMP; jam", "tea & cake & jam"),
            ("&lt3 &copy 2031 &copysr;", "<3 \u{a9} 2031 \u{2117}"),
            ("&notin; &notit; &not", "\u{2209} \u{ac}it; \u{ac}"),
            ("&bogus; &am &", "&bogus; &am &"),
            ("&NotNestedGreaterGreater;&fjlig;&zwnj;&Zfr;", "\u{2aa2}\u{338}fj\u{200c}\u{2128}"),
        ] {
            assert_eq!(parse_fragment(html).text_content(ROOT), text, "{html}");
        }
        // In an attribute, a name without ';' before a letter, digit or '=' stays as written.
        let dom = parse_fragment("<a title='&notit; &not; &copy=1 &copy2'>x</a>");
        let a = dom.find_tag("a").expect("a link");
        assert_eq!(dom.attr(a, "title"), Some("&notit; \u{ac} &copy=1 &copy2"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}deep{}", "<div>".repeat(5_000), "</div>".repeat(5_000));
        let dom = parse_document(&html);
        assert_eq!(dom.text_content(ROOT), "deep");
    }
}
