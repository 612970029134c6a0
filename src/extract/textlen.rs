//! Folding white space and measuring text as the reader shows it: [`normalize_spaces`], the
//! folded [`Span`] of a node, and [`TextLens`] (inner-text lengths and link density of a subtree).

use super::dom::{Dom, Kind, NodeId};

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
pub(super) fn fold_spaces_into(out: &mut String, pending: &mut bool, s: &str) {
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
    pub(super) len: usize,
    content: bool,
    lead_space: bool,
    trail_space: bool,
}

impl Span {
    pub(super) fn of_text(t: &str) -> Span {
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
    pub(super) fn then(self, next: Span) -> Span {
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

#[cfg(test)]
mod tests {
    use super::super::dom::ROOT;
    use super::*;
    use scraper::Html;

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
