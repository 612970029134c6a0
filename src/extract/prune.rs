//! Drops the attributes nothing reads from the page before html5ever sees it.
//!
//! The tokenizer reads tag and attribute names one character at a time and copies every value;
//! on news pages a quarter of the attribute bytes are tracking data, inline SVG path data and
//! event handlers that no step of the extraction looks at. An attribute goes when neither a
//! reader ([`KEPT`]), the sanitizer nor the tree builder looks at its name, its element is not
//! one whose attributes are read whole ([`READ_WHOLE`]), and its value cannot hold a video
//! player's address (embeds are recognized by any attribute, and by an `<object>`'s markup).
//!
//! The scan follows the tokenizer exactly for the markup it handles (tags, comments, doctypes,
//! bodies of raw-text elements that hold no markup) and copies the rest of the page unchanged
//! from the first thing it cannot be sure of. Each rewritten tag is tokenized again and must
//! give the same name, flags and kept attributes.

use super::patterns::VIDEO_HOSTS;
use aho_corasick::AhoCorasick;
use std::borrow::Cow;
use std::sync::OnceLock;

/// Attributes read by the extraction, the sanitizer's allowlist or the tree builder (lower case).
fn is_kept(name: &[u8]) -> bool {
    matches!(
        name,
        // Readers: metadata, readability, media (with the lazy-loading sources of media::LAZY_SRC and LAZY_SRCSET).
        b"aria-hidden" | b"aria-modal" | b"class" | b"content" | b"data" | b"datatable" | b"datetime" | b"dir" | b"hidden"
            | b"href" | b"http-equiv" | b"id" | b"itemprop" | b"lang" | b"name" | b"property" | b"pubdate" | b"rel" | b"role"
            | b"src" | b"srcset" | b"style" | b"summary" | b"type" | b"value"
            | b"data-src" | b"data-lazy-src" | b"data-original" | b"data-url" | b"data-hi-res-src" | b"data-lazy"
            | b"data-actualsrc" | b"data-echo" | b"data-orig-file" | b"data-srcset" | b"data-lazy-srcset"
            | b"data-original-srcset"
            // The sanitizer's allowlist (mod.rs TAG_ATTRIBUTES, GENERIC_ATTRIBUTES).
            | b"alt" | b"cite" | b"colspan" | b"headers" | b"height" | b"media" | b"reversed" | b"rowspan" | b"scope"
            | b"sizes" | b"span" | b"start" | b"title" | b"width"
            // The tree builder: hidden inputs in tables, font breaking out of foreign content,
            // MathML annotations holding HTML.
            | b"color" | b"encoding" | b"face" | b"size"
    ) || name.starts_with(b"shadowroot")
}

/// Elements whose attributes are all read (lazy images, embeds); `image` becomes `img`.
fn is_read_whole(tag: &[u8]) -> bool {
    matches!(tag, b"embed" | b"iframe" | b"image" | b"img" | b"object" | b"source")
}

/// Elements whose body the tree builder has the tokenizer read as text (in HTML content).
fn is_raw_text(tag: &[u8]) -> bool {
    matches!(
        tag,
        b"iframe" | b"noembed" | b"noframes" | b"noscript" | b"script" | b"style" | b"textarea" | b"title" | b"xmp"
    )
}

/// Byte classes of the tag states: white space, and what ends a tag or attribute name.
const SPACE: u8 = 1;
const ENDS_NAME: u8 = 2;
const ENDS_ATTR_NAME: u8 = 4;
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let spaces = [b'\t', b'\n', b'\x0c', b'\r', b' '];
    let mut k = 0;
    while k < spaces.len() {
        t[spaces[k] as usize] = SPACE | ENDS_NAME | ENDS_ATTR_NAME;
        k += 1;
    }
    t[b'/' as usize] = ENDS_NAME | ENDS_ATTR_NAME;
    t[b'>' as usize] = ENDS_NAME | ENDS_ATTR_NAME;
    t[b'=' as usize] = ENDS_ATTR_NAME;
    t
};

fn is_space(b: u8) -> bool {
    CLASS[b as usize] & SPACE != 0
}

/// `name` lower-cased in `buf`; `None` for names too long to be in any list here.
fn lower<'a>(name: &[u8], buf: &'a mut [u8; 32]) -> Option<&'a [u8]> {
    let out = buf.get_mut(..name.len())?;
    out.copy_from_slice(name);
    out.make_ascii_lowercase();
    Some(out)
}

/// An attribute of a tag: byte ranges in the page.
#[derive(Clone, Copy)]
struct Attr {
    start: usize,
    name_end: usize,
    value: Option<(usize, usize)>,
    end: usize,
}

/// A tag as the tokenizer reads it from `name_start` (just after `<` or `</`).
struct Tag {
    name_end: usize,
    self_closing: bool,
    /// Just after the closing `>`.
    end: usize,
}

/// Tokenizes a tag (tag name state onwards); `None` when the input ends first (the tokenizer
/// then drops the tag).
fn scan_tag(b: &[u8], name_start: usize, attrs: &mut Vec<Attr>) -> Option<Tag> {
    attrs.clear();
    let len = b.len();
    let mut i = name_start;
    while i < len && CLASS[b[i] as usize] & ENDS_NAME == 0 {
        i += 1;
    }
    let name_end = i;
    loop {
        // Before attribute name (also after a name, after a quoted value, after a lone `/`).
        while i < len && is_space(b[i]) {
            i += 1;
        }
        match *b.get(i)? {
            b'>' => return Some(Tag { name_end, self_closing: false, end: i + 1 }),
            b'/' => {
                i += 1;
                if *b.get(i)? == b'>' {
                    return Some(Tag { name_end, self_closing: true, end: i + 1 });
                }
                continue;
            }
            _ => {}
        }
        // Attribute name: the first character may be `=`.
        let start = i;
        i += 1;
        while i < len && CLASS[b[i] as usize] & ENDS_ATTR_NAME == 0 {
            i += 1;
        }
        let name_end_a = i;
        while i < len && is_space(b[i]) {
            i += 1;
        }
        if *b.get(i)? != b'=' {
            attrs.push(Attr { start, name_end: name_end_a, value: None, end: name_end_a });
            continue;
        }
        i += 1;
        while i < len && is_space(b[i]) {
            i += 1;
        }
        match *b.get(i)? {
            q @ (b'"' | b'\'') => {
                let from = i + 1;
                let to = from + memchr::memchr(q, &b[from..])?;
                attrs.push(Attr { start, name_end: name_end_a, value: Some((from, to)), end: to + 1 });
                i = to + 1;
            }
            b'>' => {
                attrs.push(Attr { start, name_end: name_end_a, value: Some((i, i)), end: i });
                return Some(Tag { name_end, self_closing: false, end: i + 1 });
            }
            _ => {
                let from = i;
                while i < len && !is_space(b[i]) && b[i] != b'>' {
                    i += 1;
                }
                if i >= len {
                    return None;
                }
                attrs.push(Attr { start, name_end: name_end_a, value: Some((from, i)), end: i });
            }
        }
    }
}

/// Just after the end of the comment opening at `lt` (`<!--`), as the comment states decide.
fn comment_end(b: &[u8], lt: usize) -> Option<usize> {
    let body = lt + 4;
    match (b.get(body), b.get(body + 1)) {
        (Some(b'>'), _) => return Some(body + 1),
        (Some(b'-'), Some(b'>')) => return Some(body + 2),
        _ => {}
    }
    let mut i = body;
    loop {
        let dashes = i + memchr::memmem::find(&b[i..], b"--")?;
        match b.get(dashes + 2) {
            Some(b'>') => return Some(dashes + 3),
            Some(b'!') if b.get(dashes + 3) == Some(&b'>') => return Some(dashes + 4),
            _ => i = dashes + 1,
        }
    }
}

/// Whether a raw-text element's body reads the same as text and as markup: any `<` in it opens
/// a plain tag that closes inside it (or is a lone `<`), so that either way the tokenizer
/// reaches the end tag in the data state.
fn plain_body(body: &[u8], attrs: &mut Vec<Attr>) -> bool {
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &body[i..]) {
        let lt = i + off;
        let name_start = match body.get(lt + 1) {
            None => return true,
            Some(b'/') => match body.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => lt + 2,
                Some(b'>') => {
                    i = lt + 3;
                    continue;
                }
                _ => return false,
            },
            Some(c) if c.is_ascii_alphabetic() => lt + 1,
            Some(b'!' | b'?') => return false,
            Some(_) => {
                i = lt + 1;
                continue;
            }
        };
        let Some(tag) = scan_tag(body, name_start, attrs) else { return false };
        let mut buf = [0; 32];
        if lower(&body[name_start..tag.name_end], &mut buf).is_some_and(|n| is_raw_text(n) || n == b"plaintext") {
            return false;
        }
        i = tag.end;
    }
    true
}

/// Whether a value may name a video player (or hides characters behind references).
fn may_hold_video_url(v: &[u8]) -> bool {
    static HOSTS: OnceLock<AhoCorasick> = OnceLock::new();
    if v.iter().any(|&c| c == b'&' || c >= 0x80) {
        return true;
    }
    // Every host ends in `.com`, `.org` or `.tv`.
    let top_level = |d: usize| {
        let r = &v[d + 1..];
        r.get(..3).is_some_and(|t| t.eq_ignore_ascii_case(b"com") || t.eq_ignore_ascii_case(b"org"))
            || r.get(..2).is_some_and(|t| t.eq_ignore_ascii_case(b"tv"))
    };
    memchr::memchr_iter(b'.', v).any(top_level)
        && HOSTS
            .get_or_init(|| {
                AhoCorasick::builder().ascii_case_insensitive(true).build(VIDEO_HOSTS).expect("a few short patterns")
            })
            .is_match(v)
}

/// Whether the extraction may read an attribute with this (raw) name.
fn is_kept_name(name: &[u8]) -> bool {
    // Names the tokenizer changes (NUL) or does not lower-case are kept as they are.
    let mut buf = [0; 32];
    name.iter().any(|&c| c == 0 || c >= 0x80)
        || match lower(name, &mut buf) {
            Some(n) => is_kept(n),
            None => name[..10].eq_ignore_ascii_case(b"shadowroot"),
        }
}

/// Where a script body ends (the `<` of its end tag), as the script data states read it:
/// `<!--` escapes, a `<script>` inside an escape nests, `-->` ends both.
fn script_end(b: &[u8], from: usize) -> Option<usize> {
    let terminated = |k: usize| b.get(k).is_some_and(|&c| is_space(c) || c == b'/' || c == b'>');
    let named = |k: usize| b.get(k..k + 6).is_some_and(|s| s.eq_ignore_ascii_case(b"script")) && terminated(k + 6);
    // 0: script data, 1: escaped, 2: double escaped; `dashes` just read (up to 2).
    let (mut state, mut dashes) = (0u8, 0u8);
    let mut i = from;
    while i < b.len() {
        if state == 0 {
            i += memchr::memchr(b'<', &b[i..])?;
            if b.get(i + 1) == Some(&b'/') && named(i + 2) {
                return Some(i);
            }
            if b[i..].starts_with(b"<!--") {
                (state, dashes) = (1, 2);
                i += 4;
            } else {
                i += 1;
            }
            continue;
        }
        match b[i] {
            b'-' => dashes = (dashes + 1).min(2),
            b'>' if dashes == 2 => (state, dashes) = (0, 0),
            b'<' => {
                dashes = 0;
                if b.get(i + 1) == Some(&b'/') && named(i + 2) {
                    if state == 1 {
                        return Some(i);
                    }
                    state = 1;
                    i += 9;
                    continue;
                }
                if state == 1 && named(i + 1) {
                    state = 2;
                    i += 8;
                    continue;
                }
            }
            _ => dashes = 0,
        }
        i += 1;
    }
    None
}

/// Open elements that may make the tree builder leave raw-text elements to the tokenizer's
/// markup states: SVG and MathML (foreign content), `<select>`, framesets. Counted by their
/// start and end tags.
#[derive(Default)]
struct Odd {
    svg: usize,
    math: usize,
    select: usize,
    frameset: bool,
}

impl Odd {
    fn any(&self) -> bool {
        self.svg + self.math + self.select > 0 || self.frameset
    }

    fn start(&mut self, tag: &[u8], self_closing: bool) {
        match tag {
            b"svg" if !self_closing => self.svg += 1,
            b"math" if !self_closing => self.math += 1,
            b"select" => self.select += 1,
            b"frameset" => self.frameset = true,
            _ => {}
        }
    }

    fn end(&mut self, tag: &[u8]) {
        let count = match tag {
            b"svg" => &mut self.svg,
            b"math" => &mut self.math,
            b"select" => &mut self.select,
            _ => return,
        };
        *count = count.saturating_sub(1);
    }
}

/// The page with the attributes nothing reads left out of its start tags (borrowed unchanged
/// when there are none).
pub fn drop_unread_attributes(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied_to = 0;
    let (mut attrs, mut again, mut dropped) = (Vec::new(), Vec::new(), Vec::new());
    let mut tag_out = String::new();
    let mut odd = Odd::default();
    let mut i = 0;
    let after_gt = |from: usize| memchr::memchr(b'>', &b[from..]).map(|g| from + g + 1);
    // Every `continue` leaves `i` where the tokenizer is back in the data state; `break` copies the rest.
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        let mut buf = [0; 32];
        let name_start = match b.get(lt + 1) {
            Some(b'!') => {
                let end = if b[lt..].starts_with(b"<!--") {
                    comment_end(b, lt)
                } else if b[lt..].starts_with(b"<![CDATA[") && odd.any() {
                    // A CDATA section in SVG or MathML, a bogus comment elsewhere: the same
                    // only when the first `>` ends the section.
                    after_gt(lt + 9).filter(|&e| e >= lt + 12 && &b[e - 3..e] == b"]]>")
                } else {
                    after_gt(lt + 2)
                };
                match end {
                    Some(e) => {
                        i = e;
                        continue;
                    }
                    None => break,
                }
            }
            Some(b'?') => match after_gt(lt + 1) {
                Some(e) => {
                    i = e;
                    continue;
                }
                None => break,
            },
            Some(b'/') => match b.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => match scan_tag(b, lt + 2, &mut attrs) {
                    Some(tag) => {
                        if let Some(name) = lower(&b[lt + 2..tag.name_end], &mut buf) {
                            odd.end(name);
                        }
                        i = tag.end;
                        continue;
                    }
                    None => break,
                },
                Some(b'>') => {
                    i = lt + 3;
                    continue;
                }
                Some(_) => match after_gt(lt + 2) {
                    Some(e) => {
                        i = e;
                        continue;
                    }
                    None => break,
                },
                None => break,
            },
            Some(c) if c.is_ascii_alphabetic() => lt + 1,
            Some(_) => {
                i = lt + 1;
                continue;
            }
            None => break,
        };
        let Some(tag) = scan_tag(b, name_start, &mut attrs) else { break };
        let raw_name = &b[name_start..tag.name_end];
        let name = lower(raw_name, &mut buf).unwrap_or(b"");
        if !attrs.is_empty() && !is_read_whole(name) {
            dropped.clear();
            for (k, a) in attrs.iter().enumerate() {
                let a_name = &b[a.start..a.name_end];
                let unread = !is_kept_name(a_name)
                    && (a.value.is_none_or(|(f, t)| !may_hold_video_url(&b[f..t]))
                        // Later duplicates are ignored by the tokenizer.
                        || attrs[..k].iter().any(|p| b[p.start..p.name_end].eq_ignore_ascii_case(a_name)));
                dropped.push(unread);
            }
            if dropped.contains(&true) {
                // The tag without them, and without the white space before each when what
                // follows still separates.
                tag_out.clear();
                let mut from = lt;
                for (a, _) in attrs.iter().zip(&dropped).filter(|(_, d)| **d) {
                    let mut cut = a.start;
                    if b.get(a.end).is_some_and(|&c| is_space(c) || c == b'>') {
                        while cut > from && is_space(b[cut - 1]) {
                            cut -= 1;
                        }
                    }
                    tag_out.push_str(html.get(from..cut).unwrap_or(""));
                    from = a.end;
                }
                tag_out.push_str(html.get(from..tag.end).unwrap_or(""));
                let t = tag_out.as_bytes();
                let same = scan_tag(t, name_start - lt, &mut again).is_some_and(|new| {
                    let kept = attrs.iter().zip(&dropped).filter(|(_, d)| !**d).map(|(a, _)| a);
                    new.end == t.len()
                        && new.self_closing == tag.self_closing
                        && t[name_start - lt..new.name_end] == *raw_name
                        && again.len() == kept.clone().count()
                        && again.iter().zip(kept).all(|(n, o)| {
                            t[n.start..n.name_end] == b[o.start..o.name_end]
                                && n.value.map(|(f, e)| &t[f..e]) == o.value.map(|(f, e)| &b[f..e])
                        })
                });
                if same {
                    let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
                    o.push_str(html.get(copied_to..lt).unwrap_or(""));
                    o.push_str(&tag_out);
                    copied_to = tag.end;
                }
            }
        }
        i = tag.end;
        if name == b"plaintext" {
            break;
        }
        if is_raw_text(name) {
            // The body runs to the first end tag of the same name, as the raw-text states read it.
            let close = if name == b"script" {
                script_end(b, i)
            } else {
                let mut close = None;
                let mut from = i;
                while let Some(off) = memchr::memmem::find(&b[from..], b"</") {
                    let at = from + off;
                    let n = at + 2 + name.len();
                    if b.get(at + 2..n).is_some_and(|s| s.eq_ignore_ascii_case(name))
                        && b.get(n).is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
                    {
                        close = Some(at);
                        break;
                    }
                    from = at + 2;
                }
                close
            };
            // Where the tree builder may leave it to the markup states, it must read the same there.
            match close {
                Some(c) if !odd.any() || plain_body(&b[i..c], &mut again) => i = c,
                _ => break,
            }
        } else {
            odd.start(name, tag.self_closing);
        }
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
    use crate::extract::dom::{Dom, ROOT};
    use crate::extract::parse::parse_document;

    /// The tree as text, attributes filtered by `keep` (name, element).
    fn outline(dom: &Dom, keep: impl Fn(&str, &str, &str) -> bool) -> String {
        let mut out = String::new();
        for n in dom.descendants(ROOT) {
            let depth = {
                let (mut d, mut p) = (0, dom.parent(n));
                while let Some(x) = p {
                    d += 1;
                    p = dom.parent(x);
                }
                d
            };
            let what = match (dom.text_of_node(n), dom.tag(n)) {
                (Some(t), _) => format!("{t:?}"),
                (None, Some(tag)) => {
                    let attrs: Vec<_> = dom.attrs(n).iter().filter(|(k, v)| keep(k, v, tag)).collect();
                    format!("<{tag}> {attrs:?}")
                }
                _ => "?".into(),
            };
            out.push_str(&format!("{depth} {what}\n"));
        }
        out
    }

    fn read(name: &str, value: &str, tag: &str) -> bool {
        is_kept_name(name.as_bytes()) || is_read_whole(tag.as_bytes()) || may_hold_video_url(value.as_bytes())
    }

    #[test]
    fn same_tree_without_unread_attributes() {
        let pages = [
            r#"<div class=a data-x="1" onclick='f()' id=b style="display:none"><p data-track=x>t</p></div>"#,
            r#"<img src=a.jpg data-foo=b.jpg data-x=1><source srcset=x data-y=2><iframe data-v=1 src=y></iframe>"#,
            r#"<svg viewBox="0 0 1 1"><path d="M0 0L1 1" fill=red/><title>Icon</title></svg><p a=1>after</p>"#,
            r#"<a data-a="1"href="/x"data-b=2>l</a><b x=1/y=2>s</b><i z="1"/>v</i><svg><g q=1/></svg>"#,
            r#"<div X-Y=1 x-y="youtube.com"></div><param name=movie data-u="https://www.YouTube.com/v/a">"#,
            r#"<p =a b = c d= 'e' f ="g" h>x</p><p data-x=a&amp;b data-y=&#x79;outube.com data-z=é>y</p>"#,
            r#"<!--> <div data-a=1 title="--> <p data-b=2>"><!-- a <b data-c=1> --!> <b data-d=1>b</b>"#,
            r#"<!doctype html "x>y" data-a=1><? pi data-b=1 ><x-y data-c=1></x-y></ data-d=1><//p>"#,
            r#"<title>T <b data-a=1></title><textarea data-b=1><i data-c=1></textarea><script>if(a<b)x()</script>"#,
            r#"<noscript><img src=x.jpg data-a=1></noscript><style>p{}</style><xmp><b data-b=1></xmp>"#,
            r#"<select><style><!-- </style> --><div data-x=">"></select><p data-y=1>z</p>"#,
            r#"<svg><![CDATA[ <b data-a=1> ]]><style><i data-b=1></style></svg><p data-c=1>q</p>"#,
            r#"<math><mtext><div data-a=1 class=x>m</div></mtext></math><plaintext><b data-b=1>"#,
            r#"<table><input type=hidden data-a=1><tr data-b=1><td data-c=1>c</td></tr></table>"#,
            r#"<div data-a=1 data-a=2 DATA-A=3 class=x CLASS=y>d</div><font color=red data-q=1>f</font>"#,
            r#"<script><!-- <script>x</script> </script><p data-a=1>y<script><!--></script><b data-b=1>z"#,
            r#"<script>a<!--b--></script><i data-a=1>x</i><SCRIPT><!--<script </SCRIPT>--></SCRIPT><u data-b=1>"#,
            r#"<body data-a=1 class=late><html lang=en data-b=2><p data-c="unclosed"#,
            "<div\rdata-a=1\x0cclass=x\tdata-b='2'\n>ws</div><a\0b=1 data-a=1>n</a>",
        ];
        let mut left_out = 0;
        for page in pages {
            let pruned = drop_unread_attributes(page);
            let before = outline(&parse_document(page), read);
            let after = outline(&parse_document(&pruned), read);
            assert_eq!(before, after, "{page}\n→ {pruned}");
            left_out += page.len() - pruned.len();
        }
        assert!(left_out > 300, "{left_out}");
    }

    #[test]
    fn drops_unread_attributes_only() {
        let page = r#"<div data-a="1" class=x onclick="f()"><path d="M0 0"/><img data-x=1 src=a></div>"#;
        assert_eq!(drop_unread_attributes(page), r#"<div class=x><path /><img data-x=1 src=a></div>"#);
        let untouched = "<p class=a>text</p><!-- <p data-a=1> -->";
        assert!(matches!(drop_unread_attributes(untouched), Cow::Borrowed(_)));
    }

    #[test]
    fn stops_where_unsure() {
        // A script whose escape states decide its end: the rest is copied unchanged.
        let page = "<script><!-- <script> </script><p data-a=1>";
        assert_eq!(drop_unread_attributes(page), page);
        let page = "<svg><style><!-- </style> --><p data-a=1>";
        assert_eq!(drop_unread_attributes(page), page);
        let page = "<p data-a=1><plaintext><p data-b=1>";
        assert_eq!(drop_unread_attributes(page), "<p><plaintext><p data-b=1>");
    }
}
