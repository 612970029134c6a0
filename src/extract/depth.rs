//! A linear pre-pass over the page before html5ever sees it: bounds element nesting depth, and
//! leaves out what nothing reads: script and style bodies, icon SVG drawings, and attributes
//! outside [`crate::extract::attribute_is_read`] on most tags.
//!
//! html5ever's tree builder is quadratic in nesting depth (a page of 200,000 nested `<div>`s
//! never finishes). Real pages stay far below [`MAX_DEPTH`]; deeper start tags are dropped with
//! their matching end tags, so the text survives and parsing stays linear.
//!
//! Scripts and styles are about 45 % of a news page's bytes and the tokenizer reads them
//! character by character. Their bodies are dropped (the elements stay, so the tree keeps its
//! shape), except JSON-LD (the metadata reads it) and scripts holding `<!--`, whose end the
//! tokenizer's escape states decide.
//!
//! Tags are read as the HTML tokenizer reads them, so html5ever builds the same tree from the
//! output, less what was left out. Past anything this scan cannot follow exactly (CDATA, escaped
//! scripts), it only bounds the depth.

use std::borrow::Cow;

/// Deepest element nesting kept. Real articles nest a few dozen levels, rarely 100+.
pub const MAX_DEPTH: usize = 512;

/// Past [`MAX_DEPTH`], text blocks (paragraphs, headings, list items…) are still kept this many
/// levels deeper, so an article nested too deep keeps its paragraphs while its wrappers go.
const TEXT_BLOCK_HEADROOM: usize = 16;

/// Blocks that hold running text and close soon (see [`TEXT_BLOCK_HEADROOM`]).
fn is_text_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "dt" | "dd" | "pre" | "blockquote" | "figcaption"
    )
}

/// How far down the open-element stack an end tag may look for its start tag.
const MATCH_WINDOW: usize = 16;

fn is_void(name: &str) -> bool {
    crate::extract::dom::is_void(name) || matches!(name, "frame" | "keygen" | "command" | "basefont" | "bgsound")
}

fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
    )
}

/// Elements whose end tag is optional: a new one closes the open one.
fn closes_same(name: &str) -> bool {
    matches!(name, "p" | "li" | "dt" | "dd" | "option" | "tr" | "td" | "th" | "rb" | "rt" | "rp")
}

fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "details"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "table"
            | "ul"
    )
}

/// A tag as the HTML tokenizer reads it from its `<`: where it ends (the index after `>`),
/// whether it is self-closing, and (when `attrs` is given) each attribute's name and extent.
/// None when the page ends inside it.
fn scan_tag(b: &[u8], lt: usize, mut attrs: Option<&mut Vec<(usize, usize, usize)>>) -> Option<(usize, bool)> {
    // The tag name runs to a space, '/' or '>'.
    let mut i = lt + 1 + usize::from(b.get(lt + 1) == Some(&b'/'));
    while i < b.len() && !ends_tag_name(b[i]) {
        i += 1;
    }
    loop {
        // Before an attribute name.
        match *b.get(i)? {
            c if ws(c) => i += 1,
            b'/' if b.get(i + 1) == Some(&b'>') => return Some((i + 2, true)),
            b'/' => i += 1,
            b'>' => return Some((i + 1, false)),
            _ => {
                let start = i;
                i += 1; // a leading '=' belongs to the name
                while i < b.len() && !ws(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                    i += 1;
                }
                let name_end = i;
                while i < b.len() && ws(b[i]) {
                    i += 1;
                }
                let mut attr_end = name_end;
                if b.get(i) == Some(&b'=') {
                    i += 1;
                    while i < b.len() && ws(b[i]) {
                        i += 1;
                    }
                    match *b.get(i)? {
                        q @ (b'"' | b'\'') => {
                            i += 1 + memchr::memchr(q, b.get(i + 1..)?)? + 1;
                            attr_end = i;
                        }
                        b'>' => {}
                        _ => {
                            while i < b.len() && !ws(b[i]) && b[i] != b'>' {
                                i += 1;
                            }
                            attr_end = i;
                        }
                    }
                }
                if let Some(list) = attrs.as_deref_mut() {
                    list.push((start, name_end, attr_end));
                }
            }
        }
    }
}

/// HTML start tags that end SVG or MathML content (and HTML inside `foreignObject`).
fn leaves_foreign_content(name: &str) -> bool {
    matches!(
        name,
        "b" | "big"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "code"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "em"
            | "embed"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "hr"
            | "i"
            | "img"
            | "li"
            | "listing"
            | "menu"
            | "meta"
            | "nobr"
            | "ol"
            | "p"
            | "pre"
            | "ruby"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "strike"
            | "sub"
            | "sup"
            | "table"
            | "tt"
            | "u"
            | "ul"
            | "var"
            | "font"
            | "foreignobject"
    )
}

fn is_foreign_root(name: &str) -> bool {
    name == "svg" || name == "math"
}

/// The index after the comment starting at `lt` (`<!--`), as the tokenizer ends it: `-->`, also
/// `--!>`, and right away for `<!-->` and `<!--->`; None when the page ends first.
fn comment_end(b: &[u8], lt: usize) -> Option<usize> {
    if b[lt + 4..].starts_with(b">") {
        return Some(lt + 5);
    }
    if b[lt + 4..].starts_with(b"->") {
        return Some(lt + 6);
    }
    let mut i = lt + 4;
    while let Some(off) = memchr::memmem::find(&b[i..], b"--") {
        i += off + 2;
        while b.get(i) == Some(&b'-') {
            i += 1;
        }
        match b.get(i) {
            Some(b'>') => return Some(i + 1),
            Some(b'!') if b.get(i + 1) == Some(&b'>') => return Some(i + 2),
            _ => {}
        }
    }
    None
}

/// HTML white space, which separates a tag's name and attributes.
fn ws(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\r' | 0x0c | b' ')
}

/// Whether the byte ends a tag name.
fn ends_tag_name(c: u8) -> bool {
    ws(c) || c == b'/' || c == b'>'
}

/// The index after the `>` of the tag starting at `lt` (see [`scan_tag`]).
fn tag_end(bytes: &[u8], lt: usize) -> Option<usize> {
    scan_tag(bytes, lt, None).map(|(end, _)| end)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut i = from;
    while i + needle.len() <= hay.len() {
        let at = i + memchr::memchr2(first.to_ascii_lowercase(), first.to_ascii_uppercase(), &hay[i..])?;
        if hay.len() - at < needle.len() {
            return None;
        }
        if hay[at + 1..at + needle.len()].eq_ignore_ascii_case(rest) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Returns the page with start/end tags nested deeper than [`MAX_DEPTH`] removed
/// (borrowed unchanged when nothing is that deep).
pub fn bound_nesting(html: &str) -> Cow<'_, str> {
    scan(html, MAX_DEPTH, false)
}

/// [`bound_nesting`], with script and style bodies emptied (see the module doc): what the
/// extractor parses.
pub fn prepare_page(html: &str) -> Cow<'_, str> {
    scan(html, MAX_DEPTH, true)
}

#[cfg(test)]
fn bound_nesting_to(html: &str, max_depth: usize) -> Cow<'_, str> {
    scan(html, max_depth, false)
}

/// Whether a script or style body can go: not JSON-LD, no `<!--` (script escape states).
fn body_unread(tag: &[u8], body: &[u8]) -> bool {
    find_ci(tag, 0, b"ld+json").is_none() && memchr::memmem::find(body, b"<!--").is_none()
}

/// Elements whose every attribute may be read (media, embeds, form fields, metadata) or can
/// change how the tree is built: their tags are left whole.
fn keeps_all_attributes(name: &str) -> bool {
    // Stories: any attribute may hold their address (`data-url`, `data-permalink`).
    name == "article"
        || name.starts_with("amp-")
        || matches!(
            name,
            "img"
                | "source"
                | "picture"
                | "figure"
                | "video"
                | "audio"
                | "object"
                | "embed"
                | "iframe"
                | "input"
                | "button"
                | "meta"
                | "link"
                | "time"
                | "html"
                | "body"
                | "base"
                | "template"
                | "font"
                | "math"
                | "annotation-xml"
        )
}

/// The start tag at `lt`, written to `tag`, without the attributes nothing reads
/// ([`crate::extract::attribute_is_read`]), or None when all stay. `attrs` are the tag's as
/// [`scan_tag`] split them, so html5ever sees the kept ones exactly as before.
fn pruned_start_tag(
    html: &str,
    lt: usize,
    (attrs, self_closing): (&[(usize, usize, usize)], bool),
    keep: &mut Vec<bool>,
    tag: &mut String,
) -> Option<()> {
    tag.clear();
    let read = |&(from, to, _): &(usize, usize, usize)| {
        html.get(from..to).is_some_and(|n| {
            if n.bytes().any(|b| b.is_ascii_uppercase()) {
                crate::extract::attribute_is_read(&n.to_ascii_lowercase())
            } else {
                crate::extract::attribute_is_read(n)
            }
        })
    };
    // A schema.org item may be a story: its attributes are all kept (see `keeps_all_attributes`).
    if attrs.iter().any(|&(from, to, _)| html.get(from..to).is_some_and(|n| n.eq_ignore_ascii_case("itemtype"))) {
        return None;
    }
    keep.clear();
    keep.extend(attrs.iter().map(read));
    if !keep.contains(&false) {
        return None;
    }
    // The name (a '/' before the first attribute would self-close the tag once it goes).
    tag.push_str(html.get(lt..attrs.first()?.0)?.trim_end_matches(|c: char| c == '/' || c.is_ascii_whitespace()));
    let mut kept_any = false;
    for (a, _) in attrs.iter().zip(keep.iter()).filter(|(_, k)| **k) {
        tag.push(' ');
        tag.push_str(html.get(a.0..a.2)?);
        kept_any = true;
    }
    // A space keeps the '/' out of an unquoted value before it.
    tag.push_str(if !self_closing {
        ">"
    } else if kept_any {
        " />"
    } else {
        "/>"
    });
    Some(())
}

/// Whether an inline SVG body can go: drawing elements only (icons), so no text the reader
/// shows, and nothing that leaves SVG parsing (HTML tags, `foreignObject`, CDATA, nested SVG).
fn svg_body_unread(body: &[u8]) -> bool {
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &body[i..]) {
        let lt = i + off;
        if !body[i..lt].iter().all(u8::is_ascii_whitespace) {
            return false;
        }
        if body[lt..].starts_with(b"<!--") {
            match comment_end(body, lt) {
                Some(end) => i = end,
                None => return false,
            }
            continue;
        }
        let name_from = lt + 1 + usize::from(body.get(lt + 1) == Some(&b'/'));
        let name: Vec<u8> =
            body[name_from..].iter().take_while(|b| b.is_ascii_alphanumeric()).map(u8::to_ascii_lowercase).collect();
        let name_ends = body.get(name_from + name.len()).is_some_and(|&c| ends_tag_name(c));
        if !name_ends || !is_svg_drawing(&name) {
            return false;
        }
        match scan_tag(body, lt, None) {
            Some((end, _)) => i = end,
            None => return false,
        }
    }
    body[i..].iter().all(u8::is_ascii_whitespace)
}

/// SVG elements that draw or define drawings, with no text of their own.
fn is_svg_drawing(name: &[u8]) -> bool {
    name.starts_with(b"fe")
        || matches!(
            name,
            b"path"
                | b"g"
                | b"defs"
                | b"use"
                | b"symbol"
                | b"circle"
                | b"rect"
                | b"line"
                | b"polyline"
                | b"polygon"
                | b"ellipse"
                | b"lineargradient"
                | b"radialgradient"
                | b"stop"
                | b"clippath"
                | b"mask"
                | b"pattern"
                | b"filter"
                | b"image"
                | b"marker"
        )
}

fn scan(html: &str, max_depth: usize, empty_bodies: bool) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    // Open elements: (where the name starts in `names`, kept in the output). Names are stored
    // end to end in `names`, which shrinks with the stack.
    let mut stack: Vec<(usize, bool)> = Vec::new();
    let mut names = String::new();
    let mut name = String::new();
    let mut kept = 0usize; // entries of `stack` kept in the output
    let mut out: Option<String> = None;
    let mut copied_to = 0usize; // bytes[..copied_to] are accounted for in `out`
    let mut i = 0usize;
    // Whether bodies and attributes may still go: this scan reads tags where the tokenizer does
    // (see the CDATA case below).
    let mut prune = empty_bodies;
    let (mut attrs, mut keep, mut tag) = (Vec::new(), Vec::new(), String::new());
    let mut foreign_open = 0usize; // open <svg> and <math> elements
    let mut svg_close: Option<Option<usize>> = None;
    let mut broke_out = false;

    // Drops bytes[from..to] from the output.
    fn drop_range(out: &mut Option<String>, html: &str, copied_to: &mut usize, from: usize, to: usize) {
        let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
        o.push_str(html.get(*copied_to..from).unwrap_or(""));
        *copied_to = to;
    }

    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let lt = i + off;
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            i = comment_end(bytes, lt).unwrap_or(bytes.len());
            continue;
        }
        if rest.starts_with(b"<![CDATA[") {
            // It ends at "]]>" in SVG and MathML, at the first '>' elsewhere: past it, this scan
            // may not read tags where the tokenizer does, so it changes no more tags.
            prune = false;
        }
        if rest.len() > 1 && (rest[1] == b'!' || rest[1] == b'?') {
            // Doctypes and bogus comments end at the first '>', quoted or not.
            i = memchr::memchr(b'>', rest).map_or(bytes.len(), |e| lt + e + 1);
            continue;
        }
        let is_end = rest.len() > 1 && rest[1] == b'/';
        let name_start = lt + if is_end { 2 } else { 1 };
        let name_len = bytes[name_start..].iter().take_while(|&&b| !ends_tag_name(b)).count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = match rest.get(2) {
                // "</>" is dropped; "</" and another character start a bogus comment.
                Some(_) if is_end => memchr::memchr(b'>', rest).map_or(bytes.len(), |e| lt + e + 1),
                _ => lt + 1,
            };
            continue;
        }
        name.clear();
        name.push_str(html.get(name_start..name_start + name_len).unwrap_or(""));
        name.make_ascii_lowercase();
        let name = name.as_str();
        attrs.clear();
        let Some((end, self_closing)) = scan_tag(bytes, lt, (!is_end).then_some(&mut attrs)) else { break };
        if is_end {
            let window = stack.len().saturating_sub(MATCH_WINDOW);
            let name_at = |k: usize| {
                let end = stack.get(k + 1).map_or(names.len(), |e| e.0);
                names.get(stack[k].0..end).unwrap_or("")
            };
            match (window..stack.len()).rev().find(|&k| name_at(k) == name) {
                Some(k) => {
                    let (start, was_kept) = stack[k];
                    kept -= stack[k..].iter().filter(|(_, kept)| *kept).count();
                    foreign_open -= (k..stack.len()).filter(|&e| is_foreign_root(name_at(e))).count();
                    stack.truncate(k);
                    names.truncate(start);
                    if !was_kept {
                        drop_range(&mut out, html, &mut copied_to, lt, end);
                    }
                }
                None if stack.len() >= max_depth => drop_range(&mut out, html, &mut copied_to, lt, end),
                None => {}
            }
            i = end;
            continue;
        }
        if let Some(&(start, _)) = stack.last() {
            let top = names.get(start..).unwrap_or("");
            if (closes_same(name) && top == name) || (top == "p" && closes_p(name)) {
                kept -= usize::from(stack.pop().is_some_and(|(_, kept)| kept));
                names.truncate(start);
            }
        }
        let deep = kept >= max_depth && !(is_text_block(name) && kept < max_depth + TEXT_BLOCK_HEADROOM);
        if prune
            && !deep
            && !is_raw_text(name)
            && !keeps_all_attributes(name)
            && pruned_start_tag(html, lt, (&attrs, self_closing), &mut keep, &mut tag).is_some()
        {
            drop_range(&mut out, html, &mut copied_to, lt, end);
            out.get_or_insert_with(String::new).push_str(&tag);
        }
        let mut next = end;
        // In SVG and MathML these names are plain elements (a self-closing one has no body).
        let foreign = foreign_open > 0;
        // Where '/>' closes an element: SVG and MathML, until an HTML tag breaks out of them.
        if is_foreign_root(name) {
            broke_out = false;
        } else if foreign && leaves_foreign_content(name) {
            broke_out = true;
        }
        let in_svg_or_math = foreign && !broke_out;
        if is_raw_text(name) && !(foreign && self_closing) {
            let close = format!("</{name}");
            let close_at = find_ci(bytes, end, close.as_bytes());
            let escaped = |c: usize| {
                // "<!--" then "<script" in a script: its end is not the first "</script".
                let body = &bytes[end..c];
                name == "script"
                    && memchr::memmem::find(body, b"<!--").is_some_and(|at| find_ci(body, at, b"<script").is_some())
            };
            if close_at.is_some_and(escaped)
                || (foreign && close_at.is_none_or(|c| memchr::memchr(b'<', &bytes[end..c]).is_some()))
            {
                // The tokenizer reads markup in it where this scan skips: no more tag changes.
                prune = false;
            }
            next = close_at.map_or(bytes.len(), |c| tag_end(bytes, c).unwrap_or(bytes.len()));
            if deep {
                drop_range(&mut out, html, &mut copied_to, lt, next);
            } else if let Some(c) = close_at.filter(|&c| {
                prune && c > end && matches!(name, "script" | "style") && body_unread(&bytes[lt..end], &bytes[end..c])
            }) {
                drop_range(&mut out, html, &mut copied_to, end, c);
            }
        } else if is_void(name) || (self_closing && (in_svg_or_math || is_foreign_root(name))) || is_raw_text(name) {
            // No element stays open.
        } else {
            if deep {
                drop_range(&mut out, html, &mut copied_to, lt, end);
            }
            foreign_open += usize::from(is_foreign_root(name));
            stack.push((names.len(), !deep));
            names.push_str(name);
            kept += usize::from(!deep);
            if prune && !deep && name == "svg" {
                // The end tag is read next, as any other.
                // The first "</svg" after `end`, found once for all the SVGs before it.
                if svg_close.is_none_or(|c| c.is_some_and(|c| c < end)) {
                    svg_close = Some(find_ci(bytes, end, b"</svg"));
                }
                if let Some(c) = svg_close.flatten().filter(|&c| svg_body_unread(&bytes[end..c])) {
                    drop_range(&mut out, html, &mut copied_to, end, c);
                    next = c;
                }
            }
        }
        i = next;
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(html.get(copied_to..).unwrap_or(""));
            Cow::Owned(o)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unread_attributes_are_dropped_as_the_tokenizer_splits_them() {
        let cases = [
            (r#"<div class="a" data-x='1 > 2' onclick=go() id=b>t</div>"#, r#"<div class="a" id=b>t</div>"#),
            (r#"<DIV Data-X = "q" CLASS = "c">t</DIV>"#, r#"<DIV CLASS = "c">t</DIV>"#),
            ("<span data-a=1/><b>", "<span><b>"),
            (r#"<path data-a="1"/><b>"#, "<path/><b>"),
            (r#"<p data-a="x"class="c" / hidden>"#, r#"<p class="c" hidden>"#),
            ("<a href=/x data-track>y</a>", "<a href=/x>y</a>"),
            // Elements whose attributes may all be read are left whole.
            (
                r#"<img data-foo="a.jpg" src="x"><iframe data-v="y"></iframe>"#,
                r#"<img data-foo="a.jpg" src="x"><iframe data-v="y"></iframe>"#,
            ),
            // Tags that never end, or whose name the pre-pass reads differently, stay whole.
            (r#"<div data-a=x"y class=c>t</div>"#, "<div class=c>t</div>"),
            (r#"<p>a<div data-a="x>t</div>"#, r#"<p>a<div data-a="x>t</div>"#),
            ("<div.x data-a=1>t</div>", "<div.x>t</div>"),
            ("<div class=c>t</div>", "<div class=c>t</div>"),
        ];
        for (page, expected) in cases {
            assert_eq!(prepare_page(page), expected, "{page}");
        }
    }

    /// The tree html5ever builds, with the attributes the pre-pass may drop left out.
    fn read_tree(html: &str) -> Vec<String> {
        let dom = crate::extract::parse::parse_document(html);
        let mut out = Vec::new();
        for n in dom.descendants(crate::extract::dom::ROOT) {
            // What the pre-pass empties (script and style text, icon drawings) is left out.
            let mut up = dom.parent(n);
            let mut emptied = false;
            while let Some(p) = up {
                emptied |= matches!(dom.tag(p), Some("svg" | "script" | "style"));
                up = dom.parent(p);
            }
            if emptied {
                continue;
            }
            match dom.tag(n) {
                Some(tag) => {
                    let attrs = dom
                        .attrs(n)
                        .iter()
                        .filter(|(k, _)| keeps_all_attributes(tag) || crate::extract::attribute_is_read(k));
                    out.push(format!("<{tag} {:?}", attrs.map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>()));
                }
                None => out.push(dom.text_of_node(n).unwrap_or("").to_string()),
            }
        }
        out
    }

    #[test]
    fn pruned_tags_parse_to_the_same_tree() {
        const PIECES: &[&str] = &[
            "<div",
            "<p",
            "<span",
            "<a",
            "<img",
            "<b",
            "<li",
            " class=\"a b\"",
            " class=c",
            " data-x='1>2'",
            " data-y=z\"w",
            " id=q",
            " href=/x",
            " hidden",
            " onclick=\"go()\"",
            " =v",
            " /",
            "/",
            ">",
            "/>",
            "\"",
            "'",
            "=",
            " ",
            "\n",
            "text",
            "</div>",
            "</p>",
            "</a>",
            "<!--",
            "-->",
            "&amp;",
            "<",
            "data-",
            "CLASS=",
            "<!",
            "<?",
            "</",
            "<![CDATA[",
            "]]>",
            "<textarea>",
            "</textarea>",
            "<title>",
            "<math",
            "<font",
            " color=red",
            "<table",
            "<td",
            "\t",
            "<br",
            "<svg",
            "</svg>",
            "<path",
            "<script>",
            "</script>",
            "<style>",
            "</style>",
            "<noscript>",
            "</noscript>",
            "<mi>",
        ];
        let mut seed: u64 = 0x51f1_5eed_1234_5678;
        for _ in 0..20000 {
            let mut page = String::new();
            for _ in 0..40 {
                crate::next_random(&mut seed);
                page.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            }
            assert_eq!(read_tree(&prepare_page(&page)), read_tree(&page), "{page}");
        }
    }

    #[test]
    fn self_closing_html_elements_stay_open_for_the_depth_bound() {
        // html5ever ignores '/>' on HTML elements: 4,000 of them nest 4,000 deep.
        let html = "<div><x-icon/>".repeat(2000);
        let out = prepare_page(&html);
        assert!(out.matches("<x-icon/>").count() + out.matches("<div>").count() <= MAX_DEPTH);
        // In SVG, '/>' closes: the drawings are not nesting.
        let svg = format!("<svg><title>t</title>{}</svg>", "<path/>".repeat(2000));
        assert_eq!(prepare_page(&svg), svg);
    }

    #[test]
    fn icon_svg_bodies_are_emptied_text_kept() {
        let icon = r#"<p>a<svg class="i"><g><path d="M0 0L9 9"/></g><!-- x --></svg>b</p>"#;
        assert_eq!(prepare_page(icon), r#"<p>a<svg class="i"></svg>b</p>"#);
        for kept in [
            "<svg><title>Share</title><path/></svg>",
            "<svg><text>Chart label</text></svg>",
            "<svg><foreignObject><p>x</p></foreignObject></svg>",
            "<svg><path/><p>breaks out</p></svg>",
            "<svg><![CDATA[<p>]]></svg>",
        ] {
            assert_eq!(prepare_page(kept), kept);
        }
        // Nested: the outer body holds an <svg>, the inner one is emptied.
        assert_eq!(prepare_page("<svg><svg><path/></svg></svg>"), "<svg><svg></svg></svg>");
    }

    #[test]
    fn shallow_pages_are_untouched() {
        let html = "<div><p>a<p>b</div><script>if (a<b) {}</script><!-- <div> -->";
        assert!(matches!(bound_nesting_to(html, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_tags_are_dropped_text_kept() {
        let html = format!("{}text{}", "<div>".repeat(10), "</div>".repeat(10));
        let out = bound_nesting_to(&html, 4);
        assert_eq!(out, format!("{}text{}", "<div>".repeat(4), "</div>".repeat(4)));
    }

    #[test]
    fn deep_text_blocks_keep_their_paragraphs() {
        let html = format!("{}<p>one</p><h2>two</h2><p>three{}", "<div>".repeat(10), "</div>".repeat(10));
        let out = bound_nesting_to(&html, 4);
        assert_eq!(out, format!("{}<p>one</p><h2>two</h2><p>three{}", "<div>".repeat(4), "</div>".repeat(4)));
        // Text blocks nested in each other stop at the headroom.
        let nested = format!("{}x{}", "<blockquote>".repeat(100), "</blockquote>".repeat(100));
        let out = bound_nesting_to(&nested, 4);
        assert_eq!(out.matches("<blockquote>").count(), 4 + TEXT_BLOCK_HEADROOM);
        assert_eq!(out.matches("</blockquote>").count(), 4 + TEXT_BLOCK_HEADROOM);
    }

    #[test]
    fn deep_scripts_vanish_whole() {
        let html = "<b><i><script>var x = '<b>';</script>t</i></b>";
        assert_eq!(bound_nesting_to(html, 2), "<b><i>t</i></b>");
    }

    #[test]
    fn script_and_style_bodies_are_emptied() {
        let html = "<style>p{}</style><script>if (a<b) x('</p>');</script><p>t</p><SCRIPT src=x></SCRIPT>";
        assert_eq!(scan(html, 8, true), "<style></style><script></script><p>t</p><SCRIPT src=x></SCRIPT>");
        // JSON-LD is read; an escaped script ends where the tokenizer says; an unclosed one runs on.
        for kept in [
            r#"<script type="application/LD+JSON">{"headline":"x"}</script>"#,
            "<script><!-- document.write('<script>a</script>') --></script><p>t</p>",
            "<p>t</p><script>var unclosed = 1;",
        ] {
            assert_eq!(scan(kept, 8, true), kept);
        }
        // A longer end-tag name does not end the body: what follows stays script text.
        assert_eq!(scan("<script>a</scripts>b</script>c", 8, true), "<script></scripts>b</script>c");
    }

    #[test]
    fn deep_nesting_is_linear() {
        crate::growth::assert_linear("deep nesting", |k| {
            let depth = 12_500 * k;
            let html = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
            assert!(bound_nesting(&html).len() < 10_000);
        });
    }
}
