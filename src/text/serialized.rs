//! HTML as html5ever serializes a tree (the sanitizer's output), read as written, without a parser.
//!
//! The serializer writes each element as `<name attr="value">`, closes every element but the void
//! ones with `</name>`, and escapes `&`, `<`, `>` (and `"` in values) and U+00A0 as entities. Read
//! tag by tag, such text gives the tree it was written from: the characters of every text node in
//! document order. Parsing it again can only restructure what the parser would not have built
//! (a `<p>` inside a `<p>` after the sanitizer unwrapped an element between them), never reorder
//! text, except in tables (text moved out of them): [`reads_plainly`] refuses those and anything
//! not written this way.

use super::{Walker, is_void};
use std::borrow::Cow;

enum Piece<'a> {
    /// A start tag: the name and the attributes as written (` name="value"`…).
    Start(&'a str, &'a str),
    End(&'a str),
    /// Text as written (entities not decoded).
    Text(&'a str),
}

/// The pieces of `html` in order; `Err` at the first thing the serializer does not write.
struct Pieces<'a> {
    html: &'a str,
    at: usize,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Result<Piece<'a>, ()>;

    fn next(&mut self) -> Option<Self::Item> {
        let (html, b, at) = (self.html, self.html.as_bytes(), self.at);
        if at >= b.len() {
            return None;
        }
        if b[at] != b'<' {
            let end = memchr::memchr(b'<', &b[at..]).map_or(b.len(), |k| at + k);
            self.at = end;
            return Some(Ok(Piece::Text(&html[at..end])));
        }
        self.at = b.len(); // until the tag is read whole
        let end_tag = b.get(at + 1) == Some(&b'/');
        let name_from = at + 1 + end_tag as usize;
        let name_len = b[name_from..].iter().take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit()).count();
        if name_len == 0 || !b[name_from].is_ascii_lowercase() {
            return Some(Err(()));
        }
        let name = &html[name_from..name_from + name_len];
        let mut i = name_from + name_len;
        if end_tag {
            if b.get(i) != Some(&b'>') {
                return Some(Err(()));
            }
            self.at = i + 1;
            return Some(Ok(Piece::End(name)));
        }
        let attributes_from = i;
        while b.get(i) == Some(&b' ') {
            let n = b[i + 1..].iter().take_while(|&&c| c.is_ascii_lowercase() || c == b'-').count();
            if n == 0 || b.get(i + 1 + n) != Some(&b'=') || b.get(i + 2 + n) != Some(&b'"') {
                return Some(Err(()));
            }
            let value_from = i + 3 + n;
            let Some(len) = memchr::memchr(b'"', &b[value_from..]) else { return Some(Err(())) };
            if !entities_are_escapes(&html[value_from..value_from + len]) {
                return Some(Err(()));
            }
            i = value_from + len + 1;
        }
        if b.get(i) != Some(&b'>') {
            return Some(Err(()));
        }
        self.at = i + 1;
        Some(Ok(Piece::Start(name, &html[attributes_from..i])))
    }
}

/// Whether every `&` in `s` begins one of the serializer's escapes.
fn entities_are_escapes(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'&', b).all(|i| ESCAPES.iter().any(|(e, _)| b[i..].starts_with(e.as_bytes())))
}

const ESCAPES: [(&str, &str); 5] =
    [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&nbsp;", "\u{a0}")];

fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let (escape, c) = ESCAPES.iter().find(|(e, _)| rest[i..].starts_with(e)).expect("checked escapes");
        out.push_str(c);
        rest = &rest[i + escape.len()..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Elements whose text or children the parser treats apart (raw text, foreign content, the
/// document's own elements): a fragment holding one is parsed.
fn is_parsed_apart(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "plaintext"
            | "noscript"
            | "textarea"
            | "title"
            | "template"
            | "svg"
            | "math"
            | "html"
            | "head"
            | "body"
            | "frameset"
            | "frame"
            | "select"
            | "option"
            | "optgroup"
            | "image"
    )
}

/// Table elements whose children the parser moves out unless they are table parts.
fn is_table_body(name: &str) -> bool {
    matches!(name, "table" | "tbody" | "thead" | "tfoot" | "tr")
}

fn is_table_part(name: &str) -> bool {
    matches!(name, "caption" | "colgroup" | "col" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th")
}

/// Elements after whose start tag the parser drops one newline.
fn drops_leading_newline(name: &str) -> bool {
    matches!(name, "pre" | "listing")
}

/// Whether `html` is written as html5ever serializes a tree and reads to the same text as its
/// parse: known tags only, each non-void element closed in order, the serializer's escapes only,
/// no comments, no carriage returns or NULs, nothing the parser moves out of a table.
pub(crate) fn reads_plainly(html: &str) -> bool {
    if memchr::memchr2(b'\r', 0, html.as_bytes()).is_some() {
        return false;
    }
    let mut open: Vec<&str> = Vec::new();
    for piece in (Pieces { html, at: 0 }) {
        match piece {
            Err(()) => return false,
            Ok(Piece::Start(name, _)) => {
                if is_parsed_apart(name) || open.last().is_some_and(|p| is_table_body(p) && !is_table_part(name)) {
                    return false;
                }
                if !is_void(name) {
                    open.push(name);
                }
            }
            Ok(Piece::End(name)) => {
                if open.pop() != Some(name) {
                    return false;
                }
            }
            Ok(Piece::Text(t)) => {
                let in_table = open.last().is_some_and(|p| is_table_body(p));
                if !entities_are_escapes(t) || (in_table && !t.bytes().all(|c| c.is_ascii_whitespace())) {
                    return false;
                }
            }
        }
    }
    open.is_empty()
}

/// Walks a fragment that [`reads_plainly`].
pub(super) fn walk(html: &str, w: &mut Walker) {
    let mut after_newline_dropper = false;
    for piece in (Pieces { html, at: 0 }).flatten() {
        match piece {
            Piece::Start(name, attributes) => {
                w.open(name, |out| out.push_str(attributes));
                if is_void(name) {
                    w.close(name);
                }
                after_newline_dropper = drops_leading_newline(name);
                continue;
            }
            Piece::End(name) => w.close(name),
            Piece::Text(t) => {
                // Kept in the HTML, where a browser drops it too.
                let t = match t.strip_prefix('\n').filter(|_| after_newline_dropper) {
                    Some(rest) => {
                        if let Some(out) = w.html.as_mut() {
                            out.push('\n');
                        }
                        rest
                    }
                    None => t,
                };
                w.text_node(&unescape(t));
            }
        }
        after_newline_dropper = false;
    }
}
