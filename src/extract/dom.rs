//! A small mutable DOM (arena with linked siblings), built by html5ever ([`super::parse`]).
//!
//! Extraction moves, renames and removes nodes a lot; scraper's tree is built for querying.
//! Every operation here is O(1) or iterative over a subtree: nothing recurses over depth.

use crate::text::escape_into;
pub use crate::text::is_void;
#[cfg(test)]
use ego_tree::iter::Edge;
use html5ever::LocalName;
use html5ever::tendril::StrTendril;
#[cfg(test)]
use scraper::{Html, Node as ScraperNode};
use std::ops::Deref;
use std::rc::Rc;

use super::textlen::{Span, fold_spaces_into};
pub use super::textlen::{TextLens, is_blank, is_fragment_link, normalize_spaces};

pub type NodeId = usize;

/// An attribute: lower-case name and value.
pub type Attr = (LocalName, StrTendril);

impl Kind {
    /// A text node's kind (not measured yet).
    pub fn text(text: StrTendril) -> Kind {
        Kind::Text(text, None)
    }
}

#[derive(Debug, Clone)]
pub enum Kind {
    Element {
        tag: Rc<str>,
        /// Shared between copies of the DOM until one of them changes an attribute.
        attrs: Rc<Vec<Attr>>,
    },
    /// The text and its folded length, once measured ([`Dom::measure_texts`]).
    Text(StrTendril, Option<Span>),
    /// The document root.
    Root,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: Kind,
    /// [`tag_code`] of an element's tag.
    pub code: TagCode,
    pub parent: Link,
    pub first_child: Link,
    pub last_child: Link,
    pub prev: Link,
    pub next: Link,
}

/// A link between nodes in 4 bytes (an `Option<NodeId>` takes 16): walks over the node array,
/// and its copy per extraction attempt, touch half the memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link(u32);

impl Link {
    pub const NONE: Link = Link(u32::MAX);

    #[inline]
    pub fn get(self) -> Option<NodeId> {
        (self.0 != u32::MAX).then_some(self.0 as NodeId)
    }
}

impl From<Option<NodeId>> for Link {
    #[inline]
    fn from(id: Option<NodeId>) -> Link {
        // Pages are bounded far below 2^32 nodes (see MAX_INPUT_BYTES).
        id.map_or(Link::NONE, |i| Link(u32::try_from(i).expect("node ids fit in 32 bits")))
    }
}

#[derive(Debug, Clone)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

pub const ROOT: NodeId = 0;

/// A small number for each tag the extraction looks for (0 for others and for non-elements), so
/// that scans test a bit instead of comparing strings.
pub type TagCode = u8;

pub fn tag_code(tag: &str) -> TagCode {
    match tag {
        "a" => 1,
        "article" => 2,
        "aside" => 3,
        "b" => 4,
        "base" => 5,
        "blockquote" => 6,
        "body" => 7,
        "br" => 8,
        "caption" => 9,
        "code" => 10,
        "col" => 11,
        "colgroup" => 12,
        "div" => 13,
        "dl" => 14,
        "embed" => 15,
        "figure" => 16,
        "font" => 17,
        "footer" => 18,
        "form" => 19,
        "h1" => 20,
        "h2" => 21,
        "h3" => 22,
        "h4" => 23,
        "h5" => 24,
        "h6" => 25,
        "header" => 26,
        "hr" => 27,
        "html" => 28,
        "iframe" => 29,
        "img" => 30,
        "input" => 31,
        "li" => 32,
        "link" => 33,
        "main" => 34,
        "meta" => 35,
        "nav" => 36,
        "noscript" => 37,
        "object" => 38,
        "ol" => 39,
        "p" => 40,
        "param" => 41,
        "picture" => 42,
        "pre" => 43,
        "script" => 44,
        "section" => 45,
        "source" => 46,
        "span" => 47,
        "strong" => 48,
        "style" => 49,
        "table" => 50,
        "td" => 51,
        "template" => 52,
        "tfoot" => 53,
        "th" => 54,
        "thead" => 55,
        "time" => 56,
        "title" => 57,
        "tr" => 58,
        "ul" => 59,
        "video" => 60,
        _ => 0,
    }
}

/// The bits of the tags' codes; `None` when one of them has no code.
fn tag_mask(tags: &[&str]) -> Option<u64> {
    tags.iter().try_fold(0u64, |mask, t| match tag_code(t) {
        0 => None,
        c => Some(mask | 1 << c),
    })
}

impl Dom {
    /// Converts scraper's tree (comments, doctypes and processing instructions dropped): the
    /// reference [`super::parse`] is tested against.
    #[cfg(test)]
    pub fn from_html(html: &Html) -> Dom {
        let mut dom = Dom { nodes: Vec::new() };
        dom.push(Kind::Root);
        let mut stack: Vec<NodeId> = Vec::new();
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(n) => {
                    let kind = match n.value() {
                        // The tree's own root; a nested fragment is template content (dropped).
                        ScraperNode::Document | ScraperNode::Fragment => {
                            stack.push(if stack.is_empty() { ROOT } else { usize::MAX });
                            continue;
                        }
                        ScraperNode::Element(e) => Kind::Element {
                            tag: e.name().to_ascii_lowercase().into(),
                            attrs: Rc::new(
                                e.attrs()
                                    .map(|(k, v)| (LocalName::from(k.to_ascii_lowercase()), StrTendril::from_slice(v)))
                                    .collect(),
                            ),
                        },
                        ScraperNode::Text(t) => Kind::text(StrTendril::from_slice(&t.text)),
                        _ => {
                            // Placeholder so that Close pops symmetrically; never attached.
                            stack.push(usize::MAX);
                            continue;
                        }
                    };
                    let parent = stack.last().copied().unwrap_or(ROOT);
                    let id = dom.push(kind);
                    if parent != usize::MAX {
                        dom.append(parent, id);
                    }
                    stack.push(if parent == usize::MAX { usize::MAX } else { id });
                }
                Edge::Close(_) => {
                    stack.pop();
                }
            }
        }
        dom
    }

    pub(super) fn push(&mut self, kind: Kind) -> NodeId {
        let code = match &kind {
            Kind::Element { tag, .. } => tag_code(tag),
            _ => 0,
        };
        self.push_coded(kind, code)
    }

    /// [`Dom::push`] with the element's [`tag_code`] known.
    pub(super) fn push_coded(&mut self, kind: Kind, code: TagCode) -> NodeId {
        self.nodes.push(Node {
            kind,
            code,
            parent: Link::NONE,
            first_child: Link::NONE,
            last_child: Link::NONE,
            prev: Link::NONE,
            next: Link::NONE,
        });
        self.nodes.len() - 1
    }

    pub fn create_element(&mut self, tag: &str) -> NodeId {
        self.push(Kind::Element { tag: tag.into(), attrs: Rc::default() })
    }

    pub fn create_text(&mut self, text: &str) -> NodeId {
        self.push(Kind::text(StrTendril::from_slice(text)))
    }

    pub fn tag(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].kind {
            Kind::Element { tag, .. } => Some(tag),
            _ => None,
        }
    }

    pub fn is_tag(&self, id: NodeId, name: &str) -> bool {
        self.tag(id) == Some(name)
    }

    pub fn is_element(&self, id: NodeId) -> bool {
        matches!(self.nodes[id].kind, Kind::Element { .. })
    }

    pub fn text_of_node(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].kind {
            Kind::Text(t, _) => Some(t),
            _ => None,
        }
    }

    #[inline]
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        debug_assert!(
            super::attribute_is_read(name),
            "`{name}` is read but the pre-pass drops it: see READ_ATTRIBUTES"
        );
        match &self.nodes[id].kind {
            Kind::Element { attrs, .. } => attrs.iter().find(|(k, _)| &**k == name).map(|(_, v)| &**v),
            _ => None,
        }
    }

    pub fn attrs(&self, id: NodeId) -> &[Attr] {
        match &self.nodes[id].kind {
            Kind::Element { attrs, .. } => attrs,
            _ => &[],
        }
    }

    pub fn set_attr(&mut self, id: NodeId, name: &str, value: &str) {
        if let Kind::Element { attrs, .. } = &mut self.nodes[id].kind {
            let attrs = Rc::make_mut(attrs);
            match attrs.iter_mut().find(|(k, _)| &**k == name) {
                Some(a) => a.1 = StrTendril::from_slice(value),
                None => attrs.push((LocalName::from(name), StrTendril::from_slice(value))),
            }
        }
    }

    pub fn remove_attr(&mut self, id: NodeId, name: &str) {
        if let Kind::Element { attrs, .. } = &mut self.nodes[id].kind {
            if attrs.iter().any(|(k, _)| &**k == name) {
                Rc::make_mut(attrs).retain(|(k, _)| &**k != name);
            }
        }
    }

    pub fn set_tag(&mut self, id: NodeId, name: &str) {
        if let Kind::Element { tag, .. } = &mut self.nodes[id].kind {
            *tag = name.into();
            self.nodes[id].code = tag_code(name);
        }
    }

    /// `class` and `id` joined, as the pattern tests see them, written over `s` (a buffer reused
    /// from node to node).
    pub fn match_string_into(&self, id: NodeId, s: &mut String) {
        let (mut class, mut ident) = (None, None);
        for (k, v) in self.attrs(id) {
            match &**k {
                "class" if class.is_none() => class = Some(&**v),
                "id" if ident.is_none() => ident = Some(&**v),
                _ => {}
            }
        }
        let (class, id) = (class.unwrap_or(""), ident.unwrap_or(""));
        s.clear();
        s.reserve(class.len() + 1 + id.len());
        s.push_str(class);
        s.push(' ');
        s.push_str(id);
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].parent.get()
    }

    pub fn first_child(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].first_child.get()
    }

    pub fn next_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].next.get()
    }

    pub fn prev_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].prev.get()
    }

    pub fn children(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut c = self.nodes[id].first_child.get();
        while let Some(n) = c {
            out.push(n);
            c = self.nodes[n].next.get();
        }
        out
    }

    pub fn element_children(&self, id: NodeId) -> Vec<NodeId> {
        self.children(id).into_iter().filter(|&c| self.is_element(c)).collect()
    }

    pub fn first_element_child(&self, id: NodeId) -> Option<NodeId> {
        let mut c = self.nodes[id].first_child.get();
        while let Some(n) = c {
            if self.is_element(n) {
                return Some(n);
            }
            c = self.nodes[n].next.get();
        }
        None
    }

    pub fn next_element_sibling(&self, id: NodeId) -> Option<NodeId> {
        let mut c = self.nodes[id].next.get();
        while let Some(n) = c {
            if self.is_element(n) {
                return Some(n);
            }
            c = self.nodes[n].next.get();
        }
        None
    }

    pub fn detach(&mut self, id: NodeId) {
        let (parent, prev, next) = (self.nodes[id].parent.get(), self.nodes[id].prev.get(), self.nodes[id].next.get());
        if let Some(p) = prev {
            self.nodes[p].next = (next).into();
        } else if let Some(par) = parent {
            self.nodes[par].first_child = (next).into();
        }
        if let Some(n) = next {
            self.nodes[n].prev = (prev).into();
        } else if let Some(par) = parent {
            self.nodes[par].last_child = (prev).into();
        }
        let n = &mut self.nodes[id];
        n.parent = (None).into();
        n.prev = (None).into();
        n.next = (None).into();
    }

    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.nodes[parent].last_child.get();
        self.nodes[child].parent = (Some(parent)).into();
        self.nodes[child].prev = (last).into();
        match last {
            Some(l) => self.nodes[l].next = Some(child).into(),
            None => self.nodes[parent].first_child = Some(child).into(),
        }
        self.nodes[parent].last_child = Some(child).into();
    }

    pub fn insert_before(&mut self, reference: NodeId, child: NodeId) {
        let Some(parent) = self.nodes[reference].parent.get() else { return };
        self.detach(child);
        let prev = self.nodes[reference].prev.get();
        self.nodes[child].parent = (Some(parent)).into();
        self.nodes[child].prev = (prev).into();
        self.nodes[child].next = (Some(reference)).into();
        self.nodes[reference].prev = (Some(child)).into();
        match prev {
            Some(p) => self.nodes[p].next = Some(child).into(),
            None => self.nodes[parent].first_child = Some(child).into(),
        }
    }

    /// Puts `new` where `old` is and detaches `old`.
    pub fn replace(&mut self, old: NodeId, new: NodeId) {
        if self.nodes[old].parent.get().is_none() {
            return;
        }
        self.insert_before(old, new);
        self.detach(old);
    }

    /// Moves all children of `from` to the end of `to`.
    pub fn move_children(&mut self, from: NodeId, to: NodeId) {
        while let Some(c) = self.nodes[from].first_child.get() {
            self.append(to, c);
        }
    }

    /// Is `id` still attached under `root`?
    pub fn is_under(&self, id: NodeId, root: NodeId) -> bool {
        let mut cur = Some(id);
        while let Some(c) = cur {
            if c == root {
                return true;
            }
            cur = self.nodes[c].parent.get();
        }
        false
    }

    /// Next node in document order (elements and text), staying within `scope`.
    pub fn next_in(&self, id: NodeId, scope: NodeId, skip_children: bool) -> Option<NodeId> {
        if !skip_children {
            if let Some(c) = self.nodes[id].first_child.get() {
                return Some(c);
            }
        }
        let mut cur = id;
        loop {
            if cur == scope {
                return None;
            }
            if let Some(n) = self.nodes[cur].next.get() {
                return Some(n);
            }
            cur = self.nodes[cur].parent.get()?;
        }
    }

    /// All descendants of `id` (not itself), in document order.
    pub fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        self.iter_descendants(id).collect()
    }

    /// Iterator over the descendants of `id` (not itself), in document order.
    pub fn iter_descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants { dom: self, scope: id, next: self.next_in(id, id, false) }
    }

    /// Descendant elements with one of the tags, in document order.
    pub fn by_tags(&self, id: NodeId, tags: &[&str]) -> Vec<NodeId> {
        match tag_mask(tags) {
            Some(mask) => self.iter_descendants(id).filter(|&d| self.in_mask(d, mask)).collect(),
            None => {
                let coded = Dom::coded_mask(tags);
                self.iter_descendants(id).filter(|&d| self.has_tag_of(d, coded, tags)).collect()
            }
        }
    }

    pub fn count_tags(&self, id: NodeId, tags: &[&str]) -> usize {
        match tag_mask(tags) {
            Some(mask) => self.iter_descendants(id).filter(|&d| self.in_mask(d, mask)).count(),
            None => {
                let coded = Dom::coded_mask(tags);
                self.iter_descendants(id).filter(|&d| self.has_tag_of(d, coded, tags)).count()
            }
        }
    }

    /// The bits for [`Dom::in_mask`] of those tags that have a [`tag_code`].
    pub fn coded_mask(tags: &[&str]) -> u64 {
        tags.iter().fold(0, |mask, t| match tag_code(t) {
            0 => mask,
            c => mask | 1 << c,
        })
    }

    /// Whether the node is an element with one of `tags`, whose [`Dom::coded_mask`] is `coded`: an
    /// element with a code is one of them by its code, only the others compare names.
    pub fn has_tag_of(&self, id: NodeId, coded: u64, tags: &[&str]) -> bool {
        match self.nodes[id].code {
            0 => self.tag(id).is_some_and(|t| tags.contains(&t)),
            code => coded >> code & 1 != 0,
        }
    }

    /// Whether the node is an element with one of the tags of `mask` ([`Dom::mask_of`]).
    pub fn in_mask(&self, id: NodeId, mask: u64) -> bool {
        mask >> self.nodes[id].code & 1 != 0
    }

    /// The bits of tags for [`Dom::in_mask`]; every tag must have a [`tag_code`].
    pub fn mask_of(tags: &[&str]) -> u64 {
        tag_mask(tags).expect("tags with a code")
    }

    /// Calls `f` on each text node's text of a subtree, in document order.
    pub fn for_each_text<'a>(&'a self, id: NodeId, mut f: impl FnMut(&'a str)) {
        if let Kind::Text(t, _) = &self.nodes[id].kind {
            return f(t);
        }
        for c in self.iter_descendants(id) {
            if let Kind::Text(t, _) = &self.nodes[c].kind {
                f(t);
            }
        }
    }

    /// The concatenated text of a subtree (DOM `textContent`).
    pub fn text_content(&self, id: NodeId) -> String {
        let mut s = String::new();
        self.for_each_text(id, |t| s.push_str(t));
        s
    }

    /// Does the subtree hold any text besides white space (`text_content().trim()` not empty)?
    pub fn has_text(&self, id: NodeId) -> bool {
        let solid = |t: &str| !is_blank(t);
        match &self.nodes[id].kind {
            Kind::Text(t, _) => solid(t),
            _ => self.iter_descendants(id).any(|c| self.text_of_node(c).is_some_and(solid)),
        }
    }

    /// How many descendant elements have each of the tags (one pass).
    pub fn count_each_tag<const N: usize>(&self, id: NodeId, tags: [&str; N]) -> [usize; N] {
        let mut counts = [0; N];
        let codes = tags.map(tag_code);
        let mask = tag_mask(&tags).unwrap_or(u64::MAX);
        for d in self.iter_descendants(id) {
            let code = self.nodes[d].code;
            if mask >> code & 1 == 0 {
                continue;
            }
            let found = if code != 0 {
                codes.iter().position(|&c| c == code)
            } else {
                self.tag(d).and_then(|t| tags.iter().position(|&x| x == t))
            };
            if let Some(i) = found {
                counts[i] += 1;
            }
        }
        counts
    }

    /// Text trimmed with runs of white space folded to one space (Readability's inner text).
    pub fn inner_text(&self, id: NodeId) -> String {
        // Folded text by text, without joining the raw text first.
        let (mut out, mut pending) = (String::new(), false);
        self.for_each_text(id, |t| fold_spaces_into(&mut out, &mut pending, t));
        out
    }

    /// Does [`Dom::inner_text`] start with `prefix`? Folds only the text the comparison needs.
    pub fn inner_text_starts_with(&self, id: NodeId, prefix: &str) -> bool {
        let (mut out, mut pending) = (String::with_capacity(prefix.len() * 2), false);
        // The folded text of the first texts is the start of the whole folded text.
        let texts = std::iter::once(id).chain(self.iter_descendants(id)).filter_map(|n| self.text_of_node(n));
        for t in texts {
            fold_spaces_into(&mut out, &mut pending, t);
            if out.len() >= prefix.len() {
                break;
            }
        }
        out.starts_with(prefix)
    }

    /// Length in chars of [`Dom::inner_text`], counted without building it.
    pub fn inner_len(&self, id: NodeId) -> usize {
        match &self.nodes[id].kind {
            Kind::Text(..) => self.span_of(id).len,
            _ => self.iter_descendants(id).fold(Span::default(), |acc, n| acc.then(self.span_of(n))).len,
        }
    }

    /// The folded span of a text node (empty for other nodes).
    pub(super) fn span_of(&self, id: NodeId) -> Span {
        match &self.nodes[id].kind {
            Kind::Text(t, span) => span.unwrap_or_else(|| Span::of_text(t)),
            _ => Span::default(),
        }
    }

    /// [`normalized_len`] of a text node's text; `None` for other nodes.
    pub fn text_len(&self, id: NodeId) -> Option<usize> {
        self.text_of_node(id).map(|_| self.span_of(id).len)
    }

    /// Measures every text node in the document once, so that later lengths need not read the text.
    pub fn measure_texts(&mut self) {
        let mut cur = self.next_in(ROOT, ROOT, false);
        while let Some(id) = cur {
            if let Kind::Text(t, span) = &mut self.nodes[id].kind {
                *span = Some(Span::of_text(t));
            }
            cur = self.next_in(id, ROOT, false);
        }
    }

    pub fn has_ancestor_tag(&self, id: NodeId, tag: &str, max_depth: usize) -> bool {
        let mut cur = self.nodes[id].parent.get();
        let mut depth = 0;
        while let Some(p) = cur {
            if max_depth > 0 && depth >= max_depth {
                return false;
            }
            if self.is_tag(p, tag) {
                return true;
            }
            cur = self.nodes[p].parent.get();
            depth += 1;
        }
        false
    }

    /// Ancestors, nearest first, at most `max` of them (0 = all).
    pub fn ancestors(&self, id: NodeId, max: usize) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut cur = self.nodes[id].parent.get();
        while let Some(p) = cur {
            if p == ROOT {
                break;
            }
            out.push(p);
            if max > 0 && out.len() >= max {
                break;
            }
            cur = self.nodes[p].parent.get();
        }
        out
    }

    /// First element with the tag anywhere in the document.
    pub fn find_tag(&self, tag: &str) -> Option<NodeId> {
        let code = tag_code(tag);
        let mut cur = self.next_in(ROOT, ROOT, false);
        while let Some(c) = cur {
            if if code != 0 { self.nodes[c].code == code } else { self.is_tag(c, tag) } {
                return Some(c);
            }
            cur = self.next_in(c, ROOT, false);
        }
        None
    }

    /// Serializes the children of `id` as HTML.
    pub fn inner_html(&self, id: NodeId) -> String {
        self.inner_html_with(id, |_| true)
    }

    /// [`Dom::inner_html`] with only the attributes whose name `keep_attr` accepts.
    pub fn inner_html_with(&self, id: NodeId, keep_attr: impl Fn(&str) -> bool) -> String {
        let mut out = String::new();
        self.walk_under(id, |c, open| match &self.nodes[c].kind {
            Kind::Text(t, _) if open => {
                let raw = self.nodes[c]
                    .parent
                    .get()
                    .and_then(|p| self.tag(p))
                    .is_some_and(|t| matches!(t, "script" | "style"));
                if raw {
                    out.push_str(t);
                } else {
                    escape_into(&mut out, t, false);
                }
            }
            Kind::Element { tag, attrs } if open => {
                out.push('<');
                out.push_str(tag);
                for (k, v) in attrs.iter() {
                    if !k.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_' || ch == ':')
                        || !keep_attr(k)
                    {
                        continue;
                    }
                    out.push(' ');
                    out.push_str(k);
                    out.push_str("=\"");
                    escape_into(&mut out, v, true);
                    out.push('"');
                }
                out.push('>');
            }
            Kind::Element { tag, .. } if !is_void(tag) => {
                out.push_str("</");
                out.push_str(tag);
                out.push('>');
            }
            _ => {}
        });
        out
    }

    /// Visits the nodes under `id` (not itself) in document order, iteratively: `visit(node,
    /// true)` as a node opens, `visit(node, false)` as it closes, after its children.
    pub fn walk_under(&self, id: NodeId, mut visit: impl FnMut(NodeId, bool)) {
        let mut cur = self.first_child(id);
        while let Some(node) = cur {
            visit(node, true);
            if let Some(child) = self.first_child(node) {
                cur = Some(child);
                continue;
            }
            let mut at = node;
            cur = loop {
                visit(at, false);
                if let Some(next) = self.next_sibling(at) {
                    break Some(next);
                }
                match self.parent(at) {
                    Some(p) if p != id => at = p,
                    _ => break None,
                }
            };
        }
    }
}

/// A page unchanged since [`Dom::indexed`]: whole-page scans for the indexed tags read one list
/// made by a single walk instead of walking the page again.
pub struct Indexed<'a> {
    dom: &'a Dom,
    /// The elements with a tag of `mask`, in document order.
    found: Vec<(TagCode, NodeId)>,
    mask: u64,
}

impl Dom {
    /// Indexes the elements with one of `tags` (each with a [`tag_code`]).
    pub fn indexed(&self, tags: &[&str]) -> Indexed<'_> {
        let mask = Dom::mask_of(tags);
        let found =
            self.iter_descendants(ROOT).filter(|&d| self.in_mask(d, mask)).map(|d| (self.nodes[d].code, d)).collect();
        Indexed { dom: self, found, mask }
    }
}

impl Indexed<'_> {
    /// [`Dom::by_tags`], from the index for the whole page and indexed tags.
    pub fn by_tags(&self, id: NodeId, tags: &[&str]) -> Vec<NodeId> {
        match tag_mask(tags) {
            Some(m) if id == ROOT && m & !self.mask == 0 => {
                self.found.iter().filter(|(c, _)| m >> c & 1 != 0).map(|&(_, d)| d).collect()
            }
            _ => self.dom.by_tags(id, tags),
        }
    }

    /// [`Dom::find_tag`], from the index for indexed tags.
    pub fn find_tag(&self, tag: &str) -> Option<NodeId> {
        let code = tag_code(tag);
        if code != 0 && self.mask >> code & 1 != 0 {
            self.found.iter().find(|(c, _)| *c == code).map(|&(_, d)| d)
        } else {
            self.dom.find_tag(tag)
        }
    }
}

impl Deref for Indexed<'_> {
    type Target = Dom;

    fn deref(&self) -> &Dom {
        self.dom
    }
}

/// See [`Dom::iter_descendants`].
pub struct Descendants<'a> {
    dom: &'a Dom,
    scope: NodeId,
    next: Option<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        let c = self.next?;
        self.next = self.dom.next_in(c, self.scope, false);
        Some(c)
    }
}

/// Hashes integers (node ids, the `u32` hash an atom carries) with a multiplication (FxHash's),
/// far cheaper than SipHash, for maps that are only looked up, never iterated.
#[derive(Default)]
pub struct IntHasher(u64);

impl std::hash::Hasher for IntHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_edits_and_serializes() {
        let html = Html::parse_document("<p class=a>Hi <b>there</b><br>you &amp; me</p><div></div>");
        let measured = Dom::from_html(&html);
        let lens = TextLens::new(&measured, ROOT, |t| t.matches('e').count());
        for id in 0..measured.nodes.len() {
            assert_eq!(lens.inner_len(id), measured.inner_len(id), "node {id}");
            assert_eq!(lens.counted(id), measured.text_content(id).matches('e').count(), "node {id}");
        }
        let mut dom = Dom::from_html(&html);
        let body = dom.find_tag("body").expect("body");
        let p = dom.find_tag("p").expect("p");
        assert_eq!(dom.inner_text(p), "Hi thereyou & me");
        dom.set_tag(p, "div");
        assert_eq!(dom.inner_html(body), "<div class=\"a\">Hi <b>there</b><br>you &amp; me</div><div></div>");
        let div = dom.element_children(body)[1];
        dom.detach(div);
        assert_eq!(dom.element_children(body).len(), 1);
    }

    #[test]
    fn inner_text_starts_like_the_whole_text() {
        let html = Html::parse_document("<div> Hi <b>there </b>\n <i>you</i><p>&amp;  me </p></div><p>x</p>");
        let dom = Dom::from_html(&html);
        let prefixes = [
            "",
            "H",
            "Hi ",
            "Hi there",
            "Hi there you",
            "Hi there you&",
            "Hi there you& me",
            "Hi there you& me ",
            "Hi  there",
            "x",
            "y",
        ];
        for id in 0..dom.nodes.len() {
            let text = dom.inner_text(id);
            for p in prefixes {
                assert_eq!(dom.inner_text_starts_with(id, p), text.starts_with(p), "node {id}, {p:?}");
            }
        }
        let div = dom.find_tag("div").expect("div");
        assert!(
            dom.inner_text_starts_with(div, "Hi there you") && !dom.inner_text_starts_with(div, "Hi there you& me and")
        );
    }

    #[test]
    fn blank_is_trimmed_empty() {
        for t in
            ["", " ", "\t\n\r\x0b\x0c", "a", " a ", "\u{a0}", " \u{2003}\u{3000}", " \u{a0}x", "\x1c", "é", " \u{85}"]
        {
            assert_eq!(is_blank(t), t.trim().is_empty(), "{t:?}");
        }
    }

    #[test]
    fn tag_codes_find_what_names_find() {
        let html = Html::parse_document(
            "<div><p>a<span>b</span></p><mark>m</mark><table><tr><td>c</td></tr></table><font>f</font><svg><p>x</p></svg></div>",
        );
        let mut dom = Dom::from_html(&html);
        let font = dom.find_tag("font").expect("font");
        dom.set_tag(font, "span");
        let by_name = |tags: &[&str]| -> Vec<NodeId> {
            dom.descendants(ROOT).into_iter().filter(|&d| dom.tag(d).is_some_and(|t| tags.contains(&t))).collect()
        };
        for tags in [&["p"][..], &["span", "td"], &["mark"], &["mark", "p"], &["font"], &["tr", "table", "body"]] {
            assert_eq!(dom.by_tags(ROOT, tags), by_name(tags), "{tags:?}");
            assert_eq!(dom.count_tags(ROOT, tags), by_name(tags).len(), "{tags:?}");
        }
        assert_eq!(dom.count_each_tag(ROOT, ["span", "mark", "p"]), [2, 1, 2]);
        assert_eq!(dom.find_tag("mark"), by_name(&["mark"]).first().copied());
        assert!(dom.find_tag("font").is_none());
        let page = dom.indexed(&["p", "td", "table", "span"]);
        for tags in [&["p"][..], &["span", "td"], &["mark", "p"], &["tr"], &["table", "p"]] {
            assert_eq!(page.by_tags(ROOT, tags), dom.by_tags(ROOT, tags), "{tags:?}");
            let table = dom.find_tag("table").expect("table");
            assert_eq!(page.by_tags(table, tags), dom.by_tags(table, tags), "{tags:?}");
        }
        for tag in ["p", "span", "td", "tr", "mark", "video"] {
            assert_eq!(page.find_tag(tag), dom.find_tag(tag), "{tag}");
        }
    }
}
