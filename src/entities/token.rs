//! A small tokenizer: words, digit runs and single punctuation characters, with byte spans and
//! a normalized (lowercase, accent-free) form for table lookups.

/// `phrase` starts with the whole word `w`.
#[inline]
fn starts_with_word(phrase: &str, w: &str) -> bool {
    let (p, w) = (phrase.as_bytes(), w.as_bytes());
    match (p.first(), w.first()) {
        (Some(a), Some(b)) if a == b => {}
        _ => return false,
    }
    p.len() >= w.len() && p.get(w.len()).is_none_or(|&b| b == b' ') && &p[..w.len()] == w
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    norm_start: u32,
    norm_end: u32,
    /// First character is uppercase.
    pub upper: bool,
}

pub struct Tokens<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    norms: String,
}

fn fold(c: char, out: &mut String) {
    match c {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => out.push('a'),
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => out.push('e'),
        'î' | 'ï' | 'í' | 'Î' | 'Ï' => out.push('i'),
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' => out.push('o'),
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => out.push('u'),
        'ç' | 'Ç' => out.push('c'),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ÿ' => out.push('y'),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => out.extend(c.to_lowercase()),
    }
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut toks = Vec::with_capacity(text.len() / 4);
        let mut norms = String::with_capacity(text.len());
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c.is_whitespace() {
                continue;
            }
            let ns = norms.len() as u32;
            let (kind, end) = if c.is_ascii_digit() {
                let mut end = i + 1;
                norms.push(c);
                while let Some(&(j, d)) = it.peek() {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    norms.push(d);
                    end = j + 1;
                    it.next();
                }
                (Kind::Num, end)
            } else if c.is_alphabetic() {
                let mut end = i + c.len_utf8();
                fold(c, &mut norms);
                while let Some(&(j, d)) = it.peek() {
                    if !d.is_alphabetic() {
                        break;
                    }
                    fold(d, &mut norms);
                    end = j + d.len_utf8();
                    it.next();
                }
                (Kind::Word, end)
            } else {
                match c {
                    '’' | '‘' | 'ʼ' | '`' => norms.push('\''),
                    '–' | '—' | '‑' | '−' => norms.push('-'),
                    _ => norms.push(c),
                }
                (Kind::Punct, i + c.len_utf8())
            };
            toks.push(Tok {
                start: i,
                end,
                kind,
                norm_start: ns,
                norm_end: norms.len() as u32,
                upper: c.is_uppercase(),
            });
        }
        Tokens { text, toks, norms }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn norm(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => self.norms.get(t.norm_start as usize..t.norm_end as usize).unwrap_or(""),
            None => "",
        }
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Num)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.norm(i).starts_with(c)
    }

    /// Text of the tokens `[a, b)`.
    pub fn slice(&self, a: usize, b: usize) -> &str {
        match (self.toks.get(a), b.checked_sub(1).and_then(|l| self.toks.get(l))) {
            (Some(x), Some(y)) if y.end >= x.start => self.text.get(x.start..y.end).unwrap_or(""),
            _ => "",
        }
    }

    /// Whitespace between token `i - 1` and token `i` ("" when glued or at the start).
    pub fn gap(&self, i: usize) -> &str {
        if i == 0 || i >= self.toks.len() {
            return "";
        }
        self.text.get(self.toks[i - 1].end..self.toks[i].start).unwrap_or("")
    }

    /// Token `i` directly follows token `i - 1`.
    pub fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].end == self.toks[i].start
    }

    /// The gap before token `i` holds a line break (or `i` starts the text).
    pub fn line_start(&self, i: usize) -> bool {
        i == 0 || self.gap(i).contains('\n')
    }

    /// The gap before `i` holds a blank line (paragraph break) or `i` is out of range.
    pub fn paragraph_break(&self, i: usize) -> bool {
        let gap = self.gap(i);
        gap.len() >= 2 && gap.bytes().filter(|&b| b == b'\n').count() >= 2
    }

    pub fn upper(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.upper)
    }

    pub fn digits(&self, i: usize) -> usize {
        if self.is_num(i) { self.norm(i).len() } else { 0 }
    }

    pub fn num_value(&self, i: usize) -> Option<u64> {
        if self.is_num(i) && self.norm(i).len() <= 18 { self.norm(i).parse().ok() } else { None }
    }

    /// Skips a soft joiner (hyphen or apostrophe) at `i`.
    pub fn skip_joiner(&self, i: usize) -> usize {
        if self.kind(i) == Some(Kind::Punct) && matches!(self.norm(i), "-" | "'") { i + 1 } else { i }
    }

    /// Matches the space-separated words of `phrase` from token `i`; returns the end token.
    /// Hyphens and apostrophes between words are skipped; a single "." after an abbreviation too.
    pub fn phrase(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut j = i;
        for (n, w) in phrase.split(' ').enumerate() {
            if n > 0 && w != "-" && w != "'" {
                j = self.skip_joiner(j);
            }
            if j >= self.toks.len() || self.norm(j) != w {
                return None;
            }
            // Words must be whole: "us$" is written "us $" in tables, glued or not.
            j += 1;
        }
        Some(j)
    }

    /// First entry of `list` whose phrase matches at `i` (longest entries should come first).
    pub fn find<'t, T: Copy>(&self, i: usize, list: &'t [(&'t str, T)]) -> Option<(usize, T)> {
        let first = self.norm(i);
        let mut best: Option<(usize, T)> = None;
        for (p, v) in list {
            if !starts_with_word(p, first) {
                continue;
            }
            if let Some(e) = self.phrase(i, p) {
                if best.is_none_or(|(b, _)| e > b) {
                    best = Some((e, *v));
                }
            }
        }
        best
    }

    pub fn find_word(&self, i: usize, list: &[&str]) -> Option<usize> {
        let first = self.norm(i);
        let mut best = None;
        for p in list {
            if !starts_with_word(p, first) {
                continue;
            }
            if let Some(e) = self.phrase(i, p) {
                if best.is_none_or(|b| e > b) {
                    best = Some(e);
                }
            }
        }
        best
    }
}
