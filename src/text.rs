//! Plain text of the article HTML, and the same HTML with highlights inserted.
//!
//! One walker does both, so a span in the text always lands on the same characters in the HTML:
//! blocks are separated by a blank line, `<br>` by a newline, table cells by a tab, and runs of
//! ASCII white space fold to one space, as browsers do (except inside `<pre>`); no-break
//! and thin spaces are kept.

mod serialized;

#[cfg(test)]
pub(crate) use serialized::reads_plainly as serialized_reads_plainly;

use crate::extract::dom::{Dom, ROOT};

/// A highlight to insert: `[start, end)` are byte offsets into the text of [`plain_text`].
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    /// `claim`, `figure` or `date`.
    pub kind: &'static str,
    /// Stable id shared with the side panel, e.g. `figure-3`.
    pub id: String,
    /// The normalized value, shown on hover and used by tests.
    pub value: String,
}

/// The plain text of an HTML fragment.
pub fn plain_text(html: &str) -> String {
    Fragment::parse(html).plain_text()
}

/// An HTML fragment read once, for its plain text and later its highlights.
pub struct Fragment {
    doc: Doc,
    len: usize,
}

enum Doc {
    /// Any HTML, parsed by html5ever (the extraction's tree builder).
    Parsed(Dom),
    /// HTML as html5ever serializes a tree (see [`serialized::reads_plainly`]), read as written.
    Serialized(String),
}

impl Fragment {
    pub fn parse(html: &str) -> Fragment {
        Fragment { doc: Doc::Parsed(crate::extract::parse::parse_fragment(html)), len: html.len() }
    }

    /// The fragment of a sanitizer's output: html5ever's serialization of a tree, which is read
    /// as written (its tags, balanced end tags and five entities) instead of parsed again;
    /// anything else is parsed.
    pub fn serialized(html: &str) -> Fragment {
        if serialized::reads_plainly(html) {
            Fragment { doc: Doc::Serialized(html.to_string()), len: html.len() }
        } else {
            Fragment::parse(html)
        }
    }

    /// [`plain_text`] of the fragment.
    pub fn plain_text(&self) -> String {
        walk(self, None).0
    }

    /// [`highlight`] of the fragment.
    pub fn highlight(&self, marks: &[Mark]) -> (String, String) {
        let mut sorted: Vec<&Mark> = marks.iter().filter(|m| m.start < m.end).collect();
        crate::sort::sort_by(&mut sorted, |a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let (text, html) = walk(self, Some(&sorted));
        (text, html.unwrap_or_default())
    }
}

/// The HTML fragment re-serialized with `<mark data-kind data-value data-id>` around each
/// mark's characters (split where a mark crosses element boundaries), and its plain text.
pub fn highlight(html: &str, marks: &[Mark]) -> (String, String) {
    Fragment::parse(html).highlight(marks)
}

/// The number of UAX #29 words in `text` (as `unicode_words().count()`), with a fast path for
/// ASCII text: letters, digits and `_` join; `:` joins letters, `,` `;` join digits, `.` `'`
/// join either.
pub fn word_count(text: &str) -> usize {
    if text.is_ascii() {
        return ascii_word_count(text);
    }
    // Spaces and newlines end words (what follows them never joins what precedes them).
    text.split([' ', '\n'])
        .map(|chunk| if chunk.is_ascii() { ascii_word_count(chunk) } else { uax29_word_count(chunk) })
        .sum()
}

fn uax29_word_count(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text.unicode_words().count()
}

fn ascii_word_count(text: &str) -> usize {
    #[derive(Clone, Copy, PartialEq)]
    enum Class {
        Letter,
        Digit,
        Underscore,
        Other,
    }
    let class = |b: u8| match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Underscore,
        _ => Class::Other,
    };
    let bytes = text.as_bytes();
    let (mut count, mut prev, mut alnum) = (0, Class::Other, false);
    let mut i = 0;
    while i < bytes.len() {
        let c = class(bytes[i]);
        if c != Class::Other {
            alnum |= c != Class::Underscore;
            prev = c;
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).map_or(Class::Other, |&b| class(b));
        let joins = match bytes[i] {
            b':' => prev == Class::Letter && next == Class::Letter,
            b'.' | b'\'' => prev == next && matches!(prev, Class::Letter | Class::Digit),
            b',' | b';' => prev == Class::Digit && next == Class::Digit,
            _ => false,
        };
        if joins {
            i += 1;
            continue;
        }
        if prev != Class::Other {
            count += alnum as usize;
            alnum = false;
            prev = Class::Other;
        }
        i += 1;
    }
    count + alnum as usize
}

/// Elements that have no end tag.
pub fn is_void(tag: &str) -> bool {
    matches!(
        tag,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
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
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
            | "picture"
            | "video"
            | "audio"
    )
}

fn is_hidden(name: &str) -> bool {
    matches!(name, "script" | "style" | "template" | "noscript" | "head" | "title")
}

/// Separators between runs of text, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Cell,
    Line,
    Block,
}

struct Walker<'m> {
    text: String,
    html: Option<String>,
    gap: Gap,
    pre: usize,
    hidden: usize,
    marks: Option<&'m [&'m Mark]>,
    /// Index of the first mark that may still end after the current position.
    mark_from: usize,
}

fn walk(fragment: &Fragment, marks: Option<&[&Mark]>) -> (String, Option<String>) {
    let len = fragment.len;
    let mut w = Walker {
        text: String::with_capacity(len / 2),
        html: marks.map(|_| String::with_capacity(len + 64 * marks.map_or(0, |m| m.len()))),
        gap: Gap::None,
        pre: 0,
        hidden: 0,
        marks,
        mark_from: 0,
    };
    match &fragment.doc {
        Doc::Parsed(doc) => walk_tree(doc, &mut w),
        Doc::Serialized(html) => serialized::walk(html, &mut w),
    }
    (w.text, w.html)
}

fn walk_tree(doc: &Dom, w: &mut Walker) {
    // A fragment is parsed into an <html> element: walk its children only.
    let Some(root) = doc.first_element_child(ROOT) else { return };
    doc.walk_under(root, |node, open| match (doc.tag(node), open) {
        (Some(name), true) => w.open(name, |out| {
            for (k, v) in doc.attrs(node) {
                out.push(' ');
                out.push_str(k);
                out.push_str("=\"");
                escape_into(out, v, true);
                out.push('"');
            }
        }),
        (Some(name), false) => w.close(name),
        (None, true) => w.text_node(doc.text_of_node(node).unwrap_or_default()),
        (None, false) => {}
    });
}

impl<'m> Walker<'m> {
    /// An element's start; `write_attributes` writes its attributes, serialized, to the HTML.
    fn open(&mut self, name: &str, write_attributes: impl FnOnce(&mut String)) {
        if let Some(out) = self.html.as_mut() {
            out.push('<');
            out.push_str(name);
            write_attributes(out);
            out.push('>');
        }
        if is_hidden(name) {
            self.hidden += 1;
        } else if name == "br" {
            self.gap = self.gap.max(Gap::Line);
        } else if name == "td" || name == "th" {
            self.gap = self.gap.max(Gap::Cell);
        } else if is_block(name) {
            self.gap = Gap::Block;
        }
        if name == "pre" {
            self.pre += 1;
        }
    }

    fn close(&mut self, name: &str) {
        if let Some(out) = self.html.as_mut()
            && !is_void(name)
        {
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
        if is_hidden(name) {
            self.hidden = self.hidden.saturating_sub(1);
        } else if is_block(name) {
            self.gap = Gap::Block;
        }
        if name == "pre" {
            self.pre = self.pre.saturating_sub(1);
        }
    }

    fn text_node(&mut self, raw: &str) {
        if self.hidden > 0 {
            if let Some(out) = self.html.as_mut() {
                escape_into(out, raw, false);
            }
            return;
        }
        if self.html.is_none() {
            // Text only: runs between white space (the whole node in `<pre>`) are copied whole.
            let bytes = raw.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                if self.pre == 0 && bytes[i].is_ascii_whitespace() {
                    if self.gap == Gap::None {
                        self.gap = Gap::Space;
                    }
                    i += 1;
                    continue;
                }
                let end = match self.pre {
                    0 => bytes[i..].iter().position(u8::is_ascii_whitespace).map_or(bytes.len(), |k| i + k),
                    _ => bytes.len(),
                };
                self.flush_gap();
                self.text.push_str(&raw[i..end]);
                i = end;
            }
            return;
        }
        // For the HTML: where each character that reaches the text stands in `raw` and in the text.
        let mut placed: Vec<(usize, usize)> = Vec::new();
        for (i, c) in raw.char_indices() {
            if self.pre == 0 && c.is_ascii_whitespace() {
                if self.gap == Gap::None {
                    self.gap = Gap::Space;
                }
                continue;
            }
            self.flush_gap();
            placed.push((i, self.text.len()));
            self.text.push(c);
        }
        self.emit_marked(raw, &placed);
    }

    /// Writes the pending separator (none at the start of the text).
    fn flush_gap(&mut self) {
        if self.gap != Gap::None {
            if !self.text.is_empty() {
                self.text.push_str(match self.gap {
                    Gap::Space => " ",
                    Gap::Cell => "\t",
                    Gap::Line => "\n",
                    _ => "\n\n",
                });
            }
            self.gap = Gap::None;
        }
    }

    /// Writes `raw` (a text node, as in the source) to the HTML, with `<mark>`s around the
    /// characters their spans cover. `placed` maps raw byte index → text byte offset.
    fn emit_marked(&mut self, raw: &str, placed: &[(usize, usize)]) {
        let out = self.html.as_mut().expect("html output");
        let (Some(&(_, from)), Some(&(_, last))) = (placed.first(), placed.last()) else {
            escape_into(out, raw, false);
            return;
        };
        let end = last + self.text[last..].chars().next().map_or(0, char::len_utf8);
        let marks = self.marks.unwrap_or(&[]);
        while self.mark_from < marks.len() && marks[self.mark_from].end <= from {
            self.mark_from += 1;
        }
        // Marks are sorted by start, so an early short mark can precede a long one still open:
        // scan from `mark_from` and keep those overlapping this node.
        let relevant: Vec<&Mark> =
            marks[self.mark_from..].iter().take_while(|m| m.start < end).filter(|m| m.end > from).copied().collect();
        if relevant.is_empty() {
            escape_into(out, raw, false);
            return;
        }
        // Cut points in text offsets, `from` and `end` included.
        let mut cuts: Vec<usize> =
            relevant.iter().flat_map(|m| [m.start, m.end]).filter(|&c| c > from && c < end).collect();
        cuts.push(from);
        cuts.push(end);
        crate::sort::sort(&mut cuts);
        cuts.dedup();
        // In the raw text a cut is a stretch: from just after the last character before it to the
        // first character at or after it. The white space there belongs only to the marks that
        // run across the cut.
        // `placed` is sorted by both raw index and text offset: binary searches find the stretch.
        let after_last_before = |c: usize| {
            let n = placed.partition_point(|p| p.1 < c);
            n.checked_sub(1).map_or(0, |i| placed[i].0 + raw[placed[i].0..].chars().next().map_or(0, char::len_utf8))
        };
        let first_from = |c: usize| placed.get(placed.partition_point(|p| p.1 < c)).map_or(raw.len(), |p| p.0);
        // Marks begun before the current cut and not yet ended, in `relevant` order (by start):
        // a sweep, so that a text node with many marks stays linear.
        let mut open: Vec<&Mark> = Vec::new();
        let mut next_mark = 0;
        let mut prev: Option<(usize, usize)> = None;
        for &c in &cuts {
            while next_mark < relevant.len() && relevant[next_mark].start < c {
                open.push(relevant[next_mark]);
                next_mark += 1;
            }
            open.retain(|m| m.end >= c);
            let (gap_start, gap_end) = (after_last_before(c), first_from(c));
            if let Some((ra, ta)) = prev {
                let active: Vec<&Mark> = open.iter().filter(|m| m.start <= ta).copied().collect();
                write_marked(out, &raw[ra..gap_start.max(ra)], &active);
            }
            let across: Vec<&Mark> = open.iter().filter(|m| m.end > c).copied().collect();
            write_marked(out, &raw[gap_start..gap_end.max(gap_start)], &across);
            prev = Some((gap_end.max(gap_start), c));
        }
    }
}

/// Writes `s` escaped, inside the given marks (outermost first).
fn write_marked(out: &mut String, s: &str, marks: &[&Mark]) {
    if s.is_empty() {
        return;
    }
    for m in marks {
        out.push_str("<mark data-kind=\"");
        out.push_str(m.kind);
        out.push_str("\" data-id=\"");
        escape_into(out, &m.id, true);
        out.push_str("\" data-value=\"");
        escape_into(out, &m.value, true);
        out.push_str("\">");
    }
    escape_into(out, s, false);
    for _ in marks {
        out.push_str("</mark>");
    }
}

/// Escapes `s` for HTML text (or, with `attr`, a double-quoted attribute value).
pub(crate) fn escape_into(out: &mut String, s: &str, attr: bool) {
    // Copies runs of plain text whole; `&`, `<`, `>`, `"` and U+00A0 (bytes C2 A0) are replaced.
    // They are rare: memchr jumps to the next of `&<>` and to the next `"` or A0 byte.
    let bytes = s.as_bytes();
    let len = bytes.len();
    let next_markup = |from: usize| memchr::memchr3(b'&', b'<', b'>', &bytes[from..]).map_or(len, |k| from + k);
    let next_other = |from: usize| {
        let found =
            if attr { memchr::memchr2(b'"', 0xA0, &bytes[from..]) } else { memchr::memchr(0xA0, &bytes[from..]) };
        found.map_or(len, |k| from + k)
    };
    let (mut markup, mut other) = (next_markup(0), next_other(0));
    let mut start = 0;
    loop {
        let i = markup.min(other);
        if i >= len {
            break;
        }
        if i == markup {
            markup = next_markup(i + 1);
        } else {
            other = next_other(i + 1);
        }
        let (entity, end) = match bytes[i] {
            b'&' => ("&amp;", i),
            b'<' => ("&lt;", i),
            b'>' => ("&gt;", i),
            b'"' => ("&quot;", i),
            _ if i > 0 && bytes[i - 1] == 0xC2 => ("&nbsp;", i - 1),
            // A0 inside another character.
            _ => continue,
        };
        out.push_str(s.get(start..end).unwrap_or(""));
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or(""));
}

/// Converts byte offsets into `text` to Unicode code point offsets. `offsets` need not be sorted.
pub fn byte_to_char_offsets(text: &str, offsets: &mut [&mut usize]) {
    crate::sort::sort_by_key(offsets, |o| **o);
    let mut chars = 0;
    let mut bytes = 0;
    let mut it = text.char_indices().peekable();
    for o in offsets.iter_mut() {
        let target = (**o).min(text.len());
        while bytes < target {
            match it.next() {
                Some((_, c)) => {
                    bytes += c.len_utf8();
                    chars += 1;
                }
                None => break,
            }
        }
        **o = chars;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialized_fragments_read_as_parsed_or_are_parsed() {
        let cases = [
            // Read as written.
            ("<p>a &amp; b&nbsp;c</p><pre>\nx\n y</pre><img src=\"s?a=1&amp;b=2\" alt=\"&quot;\"><p>d<br>e</p>", true),
            ("<table><tbody>\n<tr><td>a</td><td>b</td></tr></tbody></table>", true),
            // Parsed: text the parser moves out of a table, a comment, other entities, raw text,
            // an end tag out of order, upper case, a carriage return.
            ("<table><tbody><tr><td>a</td></tr></tbody>b</table>", false),
            ("<table><div>b</div></table>", false),
            ("a<!--x-->b", false),
            ("&copy; 2025", false),
            ("<p><script>x</script></p>", false),
            ("<p><b>x</p></b>", false),
            ("<P>x</P>", false),
            ("a\r\nb", false),
            ("<p class=x>y</p>", false),
        ];
        for (html, plainly) in cases {
            assert_eq!(serialized::reads_plainly(html), plainly, "{html}");
            assert_eq!(Fragment::serialized(html).plain_text(), Fragment::parse(html).plain_text(), "{html}");
        }
    }

    #[test]
    fn blocks_spaces_and_breaks() {
        let html = "<h1>Title</h1>\n<p>One  <b>two</b>\n three</p><p>Four<br>five</p><ul><li>a</li><li>b</li></ul>";
        assert_eq!(plain_text(html), "Title\n\nOne two three\n\nFour\nfive\n\na\n\nb");
    }

    #[test]
    fn preformatted_text_is_kept() {
        assert_eq!(plain_text("<p>x</p><pre>a  b\n c</pre>"), "x\n\na  b\n c");
    }

    #[test]
    fn highlight_matches_text_offsets() {
        let html = "<p>Meta will spend <a href=\"/x\">up to $65 billion</a> this year.</p>";
        let text = plain_text(html);
        let fig = text.find("up to $65 billion").unwrap();
        let date = text.find("this year").unwrap();
        let marks = vec![
            Mark { start: 0, end: text.len(), kind: "claim", id: "claim-0".into(), value: "0.9".into() },
            Mark { start: fig, end: fig + 17, kind: "figure", id: "figure-0".into(), value: "65e9 USD".into() },
            Mark { start: date, end: date + 9, kind: "date", id: "date-0".into(), value: "2025".into() },
        ];
        let (t2, out) = highlight(html, &marks);
        assert_eq!(t2, text);
        let claim = r#"<mark data-kind="claim" data-id="claim-0" data-value="0.9">"#;
        let figure = r#"<mark data-kind="figure" data-id="figure-0" data-value="65e9 USD">"#;
        assert!(out.starts_with(&format!("<p>{claim}Meta will spend</mark>{claim} </mark><a href=\"/x\">{claim}{figure}up to $65 billion</mark></mark></a>")), "{out}");
        assert!(out.ends_with(r#"<mark data-kind="date" data-id="date-0" data-value="2025">this year</mark></mark><mark data-kind="claim" data-id="claim-0" data-value="0.9">.</mark></p>"#), "{out}");
        // Re-deriving the text from the highlighted HTML gives the same text.
        assert_eq!(plain_text(&out), text);
    }

    #[test]
    fn escaping_matches_per_character_rules() {
        let reference = |s: &str, attr: bool| -> String {
            s.chars()
                .map(|c| match c {
                    '&' => "&amp;".to_string(),
                    '<' => "&lt;".to_string(),
                    '>' => "&gt;".to_string(),
                    '"' if attr => "&quot;".to_string(),
                    '\u{a0}' => "&nbsp;".to_string(),
                    _ => c.to_string(),
                })
                .collect()
        };
        for s in [
            "",
            "plain",
            "a&b<c>d\"e",
            "\u{a0}",
            "x\u{a0}\u{a0}y",
            "\u{c2}\u{a0}\u{1a0}\u{20a0}é\"",
            "&&",
            "\u{2020}\"\u{a0}<\"&\u{a0}\u{a0}>>",
            "long text without anything to escape, then one & at the end",
        ] {
            for attr in [false, true] {
                let mut out = String::new();
                escape_into(&mut out, s, attr);
                assert_eq!(out, reference(s, attr), "{s:?}");
            }
        }
    }

    #[test]
    fn escapes_and_utf8() {
        let html = "<p>Caf\u{e9} &amp; co &lt;3 \u{a0}x</p>";
        let text = plain_text(html);
        assert_eq!(text, "Caf\u{e9} & co <3 \u{a0}x");
        let (_, out) =
            highlight(html, &[Mark { start: 0, end: 5, kind: "figure", id: "f".into(), value: "\"v\"".into() }]);
        assert!(out.starts_with("<p><mark data-kind=\"figure\" data-id=\"f\" data-value=\"&quot;v&quot;\">Caf\u{e9}</mark> &amp; co &lt;3 &nbsp;x</p>"), "{out}");
    }

    #[test]
    fn many_marks_in_one_text_node_are_linear() {
        let html = |k| format!("<p>{}</p>", "word 12 and ".repeat(2_500 * k));
        let inputs: Vec<(String, String, Vec<Mark>)> = [1usize, 8]
            .into_iter()
            .map(|k| {
                let html = html(k);
                let text = plain_text(&html);
                let marks = text
                    .match_indices("12")
                    .map(|(i, _)| Mark { start: i, end: i + 2, kind: "figure", id: "f".into(), value: "12".into() })
                    .collect();
                (html, text, marks)
            })
            .collect();
        crate::growth::assert_linear("marks in one text node", |k| {
            let (html, text, marks) = &inputs[usize::from(k == 8)];
            let (t2, out) = highlight(html, marks);
            assert_eq!(&t2, text);
            assert_eq!(out.matches("<mark").count(), marks.len());
        });
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(5_000) + "deep" + &"</div>".repeat(5_000);
        assert_eq!(plain_text(&html), "deep");
    }

    #[test]
    fn char_offsets() {
        let t = "é€a";
        let (mut a, mut b, mut c) = (0, 2, 6);
        byte_to_char_offsets(t, &mut [&mut c, &mut a, &mut b]);
        assert_eq!((a, b, c), (0, 1, 3));
    }

    #[test]
    fn ascii_word_count_matches_uax29() {
        use unicode_segmentation::UnicodeSegmentation;
        let alphabet = b"aZ09_:.',;- \n\t\"!";
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..300_000 {
            crate::next_random(&mut seed);
            let len = (seed % 11) as usize;
            let s: String =
                (0..len).map(|k| alphabet[((seed >> (4 + 4 * k)) % alphabet.len() as u64) as usize] as char).collect();
            assert_eq!(word_count(&s), s.unicode_words().count(), "{s:?}");
        }
        assert_eq!(word_count("It's 3.5 a.m. on e-mail, 1,000; x:y __"), 8);
        assert_eq!(word_count("café au lait"), 3);
        let mixed = [
            "a",
            "Z",
            "0",
            "_",
            ":",
            ".",
            "'",
            ",",
            " ",
            " ",
            "\n",
            "\t",
            "é",
            "\u{2019}",
            "\u{301}",
            "\u{93e}",
            "\u{200d}",
            "\u{200b}",
            "\u{a0}",
            "\u{3000}",
            "中",
            "ア",
            "\u{1f1eb}",
            "\u{5d0}",
            "\"",
            "\u{2764}",
            "\u{ad}",
        ];
        for _ in 0..300_000 {
            crate::next_random(&mut seed);
            let len = (seed % 10) as usize;
            let s: String = (0..len).map(|k| mixed[((seed >> (4 + 5 * k)) % mixed.len() as u64) as usize]).collect();
            assert_eq!(word_count(&s), s.unicode_words().count(), "{s:?}");
        }
    }
}
