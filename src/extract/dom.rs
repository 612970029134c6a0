//! A small mutable DOM (arena with linked siblings) built from scraper's parse tree.
//!
//! Extraction moves, renames and removes nodes a lot; scraper's tree is built for querying.
//! Every operation here is O(1) or iterative over a subtree: nothing recurses over depth.

use crate::text::escape_into;
pub use crate::text::is_void;
use ego_tree::iter::Edge;
use html5ever::LocalName;
use html5ever::tendril::StrTendril;
use scraper::{Html, Node as ScraperNode};
use std::ops::Deref;
use std::rc::Rc;

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
    /// Converts a parsed document (comments, doctypes and processing instructions dropped).
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

    /// Length in chars of [`Dom::inner_text`], counted without building it.
    pub fn inner_len(&self, id: NodeId) -> usize {
        match &self.nodes[id].kind {
            Kind::Text(..) => self.span_of(id).len,
            _ => self.iter_descendants(id).fold(Span::default(), |acc, n| acc.then(self.span_of(n))).len,
        }
    }

    /// The folded span of a text node (empty for other nodes).
    fn span_of(&self, id: NodeId) -> Span {
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
        let mut cur = self.next_in(id, id, false);
        while let Some(c) = cur {
            match &self.nodes[c].kind {
                Kind::Text(t, _) => {
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
                Kind::Element { tag, attrs } => {
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
                Kind::Root => {}
            }
            // Close elements we leave (this one if it has no children, then finished ancestors).
            if self.nodes[c].first_child.get().is_some() {
                cur = self.nodes[c].first_child.get();
                continue;
            }
            let mut node = c;
            loop {
                if let Some(tag) = self.tag(node) {
                    if !is_void(tag) {
                        out.push_str("</");
                        out.push_str(tag);
                        out.push('>');
                    }
                }
                if node == id {
                    cur = None;
                    break;
                }
                if let Some(n) = self.nodes[node].next.get() {
                    cur = Some(n);
                    break;
                }
                match self.nodes[node].parent.get() {
                    Some(p) if p != id => node = p,
                    _ => {
                        cur = None;
                        break;
                    }
                }
            }
        }
        out
    }
}

/// Length in chars of `normalize_spaces(s)`, counted without building it.
#[cfg(test)]
fn normalized_len(s: &str) -> usize {
    Span::of_text(s).len
}

/// Trims and folds runs of white space (as JavaScript's `\s`) to one space.
pub fn normalize_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_spaces_into(&mut out, &mut false, s);
    out
}

/// Appends `s` to `out` as [`normalize_spaces`] folds it; `pending` says whether white space was
/// seen since the last word (it carries over from text to text).
fn fold_spaces_into(out: &mut String, pending: &mut bool, s: &str) {
    fn push(out: &mut String, pending: &mut bool, run: &str) {
        if *pending && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(run);
        *pending = false;
    }
    let bytes = s.as_bytes();
    // Runs of words joined by single ASCII spaces are copied whole.
    let (mut i, mut run) = (0, None);
    while i < bytes.len() {
        let width = match SPACE_CLASS[usize::from(bytes[i])] {
            WORD => 0,
            ASCII_SPACE => 1,
            _ => s[i..].chars().next().filter(|&ch| is_space(ch)).map_or(0, char::len_utf8),
        };
        if width == 0 {
            run.get_or_insert(i);
            i += 1;
            continue;
        }
        if bytes[i] == b' ' && run.is_some() && bytes.get(i + 1).is_some_and(|&b| SPACE_CLASS[usize::from(b)] == WORD) {
            i += 1;
            continue;
        }
        if let Some(r) = run.take() {
            push(out, pending, &s[r..i]);
        }
        *pending = true;
        i += width;
    }
    if let Some(r) = run {
        push(out, pending, &s[r..]);
    }
}

/// [`SPACE_CLASS`] of a byte that is no white space and starts none.
const WORD: u8 = 0;
/// [`SPACE_CLASS`] of ASCII white space.
const ASCII_SPACE: u8 = 1;
/// What each byte of UTF-8 text may be: [`WORD`], [`ASCII_SPACE`], or (2) the first byte of a
/// character that may be white space (U+0085 and U+00A0, U+1680, U+2000 to U+205F, U+3000, U+FEFF).
const SPACE_CLASS: [u8; 256] = {
    let mut t = [WORD; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = match i as u8 {
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => ASCII_SPACE,
            0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef => 2,
            _ => WORD,
        };
        i += 1;
    }
    t
};

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

/// Inner-text lengths and link text of every node of a subtree, valid while the DOM is unchanged.
pub struct TextLens {
    spans: Vec<Span>,
    /// Summed [`Dom::inner_len`] of the plain links (not `#fragment`) inside each node.
    link_len: Vec<usize>,
    /// Number of `#fragment` links inside each node.
    fragment_links: Vec<usize>,
    /// What the `count` given to [`TextLens::new`] finds in each node's text.
    counted: Vec<usize>,
}

/// The folded text of a node: its length, and whether it holds text and white space at its ends.
#[derive(Debug, Clone, Copy, Default)]
pub struct Span {
    len: usize,
    content: bool,
    lead_space: bool,
    trail_space: bool,
}

impl Span {
    fn of_text(t: &str) -> Span {
        if t.is_ascii() {
            return Span::of_ascii(t.as_bytes());
        }
        let bytes = t.as_bytes();
        let (mut solid, mut runs, mut in_run) = (0usize, 0usize, false);
        let (mut first_space, mut last_space) = (None, false);
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let space = if b < 0x80 {
                i += 1;
                matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
            } else if SPACE_CLASS[usize::from(b)] == WORD {
                // A character that is never white space: its length is in its first byte.
                i += match b {
                    ..0xe0 => 2,
                    0xe0..0xf0 => 3,
                    _ => 4,
                };
                false
            } else {
                let Some(ch) = t.get(i..).and_then(|rest| rest.chars().next()) else { break };
                i += ch.len_utf8();
                is_space(ch)
            };
            first_space.get_or_insert(space);
            last_space = space;
            if space {
                in_run = false;
            } else {
                solid += 1;
                runs += usize::from(!in_run);
                in_run = true;
            }
        }
        let lead_space = first_space == Some(true);
        Span {
            len: solid + runs.saturating_sub(1),
            content: solid > 0,
            lead_space,
            trail_space: if solid > 0 { last_space } else { lead_space },
        }
    }

    /// [`Span::of_text`] for ASCII text.
    fn of_ascii(bytes: &[u8]) -> Span {
        let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
        let (mut solid, mut runs, mut prev_space) = (0usize, 0usize, true);
        // Eight bytes at a time: the high bit of each byte of `space` says whether it is white space.
        const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        const ONES: u64 = 0x0101_0101_0101_0101;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            let blank = x ^ (ONES * 0x20);
            let is_blank = !(((blank & LOW7) + LOW7) | blank | LOW7);
            // ASCII bytes: adding 0x80 - k sets the high bit exactly when the byte is at least k.
            let control = (x + ONES * (0x80 - 0x09)) & !(x + ONES * (0x80 - 0x0e)) & HIGH;
            let space = (is_blank | control) & HIGH;
            let solid_bits = !space & HIGH;
            let prev = (space << 8) | (u64::from(prev_space) << 7);
            // Bytes with the high bit set, summed by a multiplication into the top byte.
            let count = |bits: u64| ((bits >> 7).wrapping_mul(ONES) >> 56) as usize;
            solid += count(solid_bits);
            runs += count(solid_bits & prev);
            prev_space = space >> 63 == 1;
        }
        for &b in chunks.remainder() {
            let space = is_space(b);
            solid += usize::from(!space);
            runs += usize::from(prev_space & !space);
            prev_space = space;
        }
        let lead_space = bytes.first().is_some_and(|&b| is_space(b));
        Span {
            len: solid + runs.saturating_sub(1),
            content: solid > 0,
            lead_space,
            trail_space: if solid > 0 { prev_space } else { lead_space },
        }
    }

    /// The span of `self` followed by `next`.
    fn then(self, next: Span) -> Span {
        match (self.content, next.content) {
            (false, _) => Span {
                lead_space: self.lead_space || next.lead_space,
                trail_space: if next.content { next.trail_space } else { self.lead_space || next.lead_space },
                ..next
            },
            (true, false) => Span { trail_space: self.trail_space || next.lead_space, ..self },
            (true, true) => Span {
                len: self.len + next.len + usize::from(self.trail_space || next.lead_space),
                content: true,
                lead_space: self.lead_space,
                trail_space: next.trail_space,
            },
        }
    }
}

impl TextLens {
    /// Measures every node under `root` (and `root`) in one pass; `count` is summed over the text.
    pub fn new(dom: &Dom, root: NodeId, count: impl Fn(&str) -> usize) -> TextLens {
        let n = dom.nodes.len();
        let mut lens = TextLens {
            spans: vec![Span::default(); n],
            link_len: vec![0; n],
            fragment_links: vec![0; n],
            counted: vec![0; n],
        };
        let mut order = vec![root];
        order.extend(dom.iter_descendants(root));
        let link = Dom::mask_of(&["a"]);
        // Reverse document order: children before their parent.
        for &x in order.iter().rev() {
            match &dom.nodes[x].kind {
                Kind::Text(t, _) => {
                    lens.spans[x] = dom.span_of(x);
                    lens.counted[x] = count(t);
                }
                _ => {
                    let (mut span, mut links, mut fragments, mut counted) = (Span::default(), 0, 0, 0);
                    let mut c = dom.nodes[x].first_child.get();
                    while let Some(k) = c {
                        span = span.then(lens.spans[k]);
                        links += lens.link_len[k];
                        fragments += lens.fragment_links[k];
                        counted += lens.counted[k];
                        if dom.in_mask(k, link) {
                            if is_fragment_link(dom, k) {
                                fragments += 1;
                            } else {
                                links += lens.spans[k].len;
                            }
                        }
                        c = dom.nodes[k].next.get();
                    }
                    lens.spans[x] = span;
                    lens.link_len[x] = links;
                    lens.fragment_links[x] = fragments;
                    lens.counted[x] = counted;
                }
            }
        }
        lens
    }

    /// The `count` of [`TextLens::new`] summed over a measured node's text.
    pub fn counted(&self, id: NodeId) -> usize {
        self.counted[id]
    }

    /// [`Dom::inner_len`] of a measured node.
    pub fn inner_len(&self, id: NodeId) -> usize {
        self.spans[id].len
    }

    /// `crate::extract::readability::link_density` of a measured node, with the same arithmetic.
    pub fn link_density(&self, dom: &Dom, id: NodeId) -> f64 {
        let len = self.inner_len(id);
        if len == 0 {
            return 0.0;
        }
        if self.fragment_links[id] == 0 {
            // Whole numbers add up exactly in any order.
            return self.link_len[id] as f64 / len as f64;
        }
        let mut links = 0.0;
        for a in dom.iter_descendants(id).filter(|&a| dom.is_tag(a, "a")) {
            links += self.inner_len(a) as f64 * if is_fragment_link(dom, a) { 0.3 } else { 1.0 };
        }
        links / len as f64
    }
}

/// A link to a fragment of the same page (`href="#section"`), which counts less as a link.
pub fn is_fragment_link(dom: &Dom, a: NodeId) -> bool {
    dom.attr(a, "href").is_some_and(|h| h.starts_with('#') && h.len() > 1)
}

/// Whether `t` is all white space (`t.trim().is_empty()`), read from the start and stopping at
/// the first other character.
pub fn is_blank(t: &str) -> bool {
    for (i, b) in t.bytes().enumerate() {
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => {}
            0x80.. => return t[i..].chars().all(char::is_whitespace),
            _ => return false,
        }
    }
    true
}

/// White space as JavaScript's `\s`.
fn is_space(ch: char) -> bool {
    ch.is_whitespace() || ch == '\u{feff}'
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
    fn folded_length_matches_folded_text() {
        for t in [
            "",
            " ",
            "a",
            " a ",
            "a  b",
            "\tab c\n",
            "x ",
            " y",
            "\u{a0}x\u{2003}y\u{feff}",
            "€ …漢¢\u{3000}x\u{85}\u{1680}\u{efff}𝄞 ",
            "é  è\n",
            "\x0bq\x1cr",
            " \t\r\n",
        ] {
            assert_eq!(normalized_len(t), normalize_spaces(t).chars().count(), "{t:?}");
        }
    }

    #[test]
    fn measured_lengths_and_link_density_match_direct_ones() {
        let html = Html::parse_document(concat!(
            "<div> \n<p>  lead <a href='/x'> one  two </a>tail</p>\t<span> </span><p><a href='#s'>frag</a> and ",
            "<a href='#'>hash</a><b></b> <i> x </i></p><ul><li><a href='/y'>a<a href='/z'>b</a></a></li></ul></div>"
        ));
        let dom = Dom::from_html(&html);
        let lens = TextLens::new(&dom, ROOT, |_| 0);
        for id in 0..dom.nodes.len() {
            assert_eq!(lens.inner_len(id), dom.inner_len(id), "node {id}: {:?}", dom.inner_text(id));
            let direct = crate::extract::readability::link_density(&dom, id);
            assert_eq!(lens.link_density(&dom, id).to_bits(), direct.to_bits(), "node {id}");
        }
    }

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

    #[test]
    fn folding_text_by_text_matches_folding_the_joined_text() {
        // The char loop `normalize_spaces` was: the reference.
        let reference = |s: &str| {
            let (mut out, mut pending) = (String::new(), false);
            for ch in s.chars() {
                if is_space(ch) {
                    pending = true;
                } else {
                    if pending && !out.is_empty() {
                        out.push(' ');
                    }
                    pending = false;
                    out.push(ch);
                }
            }
            out
        };
        let alphabet = [
            " ", " ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "a", "B", "é", "¢", "€", "…", "\u{a0}", "\u{feff}",
            "\u{2003}", "\u{85}", "\u{3000}", "\u{1680}", "\u{205f}", "漢", "\u{efff}",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let mut pieces = Vec::new();
            for _ in 0..seed % 4 + 1 {
                let mut s = String::new();
                for _ in 0..seed % 7 {
                    crate::next_random(&mut seed);
                    s.push_str(alphabet[(seed % alphabet.len() as u64) as usize]);
                }
                pieces.push(s);
            }
            let (mut out, mut pending) = (String::new(), false);
            for p in &pieces {
                fold_spaces_into(&mut out, &mut pending, p);
            }
            assert_eq!(out, reference(&pieces.concat()), "{pieces:?}");
            assert_eq!(normalize_spaces(&pieces[0]), reference(&pieces[0]), "{:?}", pieces[0]);
        }
    }

    #[test]
    fn ascii_spans_match_the_byte_loop() {
        let alphabet = b" \t\n\x0b\x0c\r\x08\x0e\x1f!ax\x7f";
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200_000 {
            crate::next_random(&mut seed);
            let len = (seed % 40) as usize;
            let mut s = String::new();
            let mut r = seed;
            for _ in 0..len {
                r = r.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                s.push(alphabet[((r >> 33) % alphabet.len() as u64) as usize] as char);
            }
            let bytes = s.as_bytes();
            let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
            let (mut solid, mut runs, mut prev_space) = (0usize, 0usize, true);
            for &b in bytes {
                let space = is_space(b);
                solid += usize::from(!space);
                runs += usize::from(prev_space & !space);
                prev_space = space;
            }
            let span = Span::of_ascii(bytes);
            assert_eq!(span.len, solid + runs.saturating_sub(1), "{s:?}");
            assert_eq!(span.content, solid > 0, "{s:?}");
            assert_eq!(span.trail_space, if solid > 0 { prev_space } else { span.lead_space }, "{s:?}");
        }
    }
}
