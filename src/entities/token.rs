//! A small tokenizer: words, digit runs and single punctuation characters, with byte spans and
//! a normalized (lowercase, accent-free) form for table lookups.

use std::cell::RefCell;
use std::rc::Rc;

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
    /// `word_hash` of the normalized form, for indexed table lookups.
    hash: u32,
}

pub struct Tokens<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    norms: String,
    indexes: Rc<RefCell<Registry>>,
}

pub(crate) fn fold(c: char, out: &mut String) {
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
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // ASCII is read by byte; anything else by character.
            let c = if b.is_ascii() { b as char } else { text[i..].chars().next().unwrap_or(' ') };
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            let ns = norms.len() as u32;
            let ascii_run = |f: fn(&u8) -> bool| bytes[i..].iter().take_while(|b| f(b)).count();
            let (kind, end) = if c.is_ascii_digit() {
                let end = i + ascii_run(u8::is_ascii_digit);
                norms.push_str(&text[i..end]);
                (Kind::Num, end)
            } else if c.is_alphabetic() {
                // ASCII letters first, copied and lowercased in place; the rest folded by character.
                let mut end = i + ascii_run(u8::is_ascii_alphabetic);
                if end > i {
                    norms.push_str(&text[i..end]);
                    norms[ns as usize..].make_ascii_lowercase();
                }
                for d in text[end..].chars() {
                    if !d.is_alphabetic() {
                        break;
                    }
                    fold(d, &mut norms);
                    end += d.len_utf8();
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
                hash: word_hash(&norms[ns as usize..]),
            });
            i = end;
        }
        Tokens { text, toks, norms, indexes: REGISTRY.with(Rc::clone) }
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

    /// `word_hash` of the token's normalized form (0 out of range).
    pub fn hash(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(0, |t| t.hash)
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
        if self.kind(i) == Some(Kind::Punct) && matches!(self.norm_bytes(i), b"-" | b"'") { i + 1 } else { i }
    }

    /// `norm(i)` as bytes, for comparisons (no character-boundary checks).
    fn norm_bytes(&self, i: usize) -> &[u8] {
        match self.toks.get(i) {
            Some(t) => self.norms.as_bytes().get(t.norm_start as usize..t.norm_end as usize).unwrap_or(b""),
            None => b"",
        }
    }

    /// Matches the space-separated words of `phrase` from token `i`; returns the end token.
    /// Hyphens and apostrophes between words are skipped; a single "." after an abbreviation too.
    pub fn phrase(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut j = i;
        let mut rest = phrase.as_bytes();
        loop {
            // Split at spaces by hand: `str::split` costs more than the whole match here.
            let k = rest.iter().position(|&b| b == b' ').unwrap_or(rest.len());
            let w = &rest[..k];
            if j > i && w != b"-" && w != b"'" {
                j = self.skip_joiner(j);
            }
            if j >= self.toks.len() || self.norm_bytes(j) != w {
                return None;
            }
            // Words must be whole: "us$" is written "us $" in tables, glued or not.
            j += 1;
            match rest.get(k + 1..) {
                Some(r) => rest = r,
                None => return Some(j),
            }
        }
    }

    /// No entry of `list` (already indexed) can start with token `i`: the quick miss, inlined.
    #[inline(always)]
    fn surely_absent<E>(&self, i: usize, list: &'static [E]) -> bool {
        let (Some(tok), Ok(r)) = (self.toks.get(i), self.indexes.try_borrow()) else { return false };
        if r.slots.is_empty() {
            return false;
        }
        let slot = r.slots[Registry::slot(&r.slots, (list.as_ptr() as usize, list.len()))];
        slot.2 != 0 && slot.3 & bloom_bit(tok.hash) == 0
    }

    /// First entry of `list` whose phrase matches at `i` (longest entries should come first).
    #[inline]
    pub fn find<T: Copy>(&self, i: usize, list: &'static [(&'static str, T)]) -> Option<(usize, T)> {
        if list.is_empty() || self.surely_absent(i, list) {
            return None;
        }
        self.find_indexed(i, list)
    }

    fn find_indexed<T: Copy>(&self, i: usize, list: &'static [(&'static str, T)]) -> Option<(usize, T)> {
        let tok = self.toks.get(i).filter(|_| !list.is_empty())?;
        let mut best: Option<(usize, T)> = None;
        let mut try_entry = |k: usize| {
            let (p, v) = &list[k];
            if let Some(e) = self.phrase(i, p) {
                if best.is_none_or(|(b, _)| e > b) {
                    best = Some((e, *v));
                }
            }
        };
        if !with_candidates(
            &self.indexes,
            list,
            |(p, _)| p,
            tok.hash,
            |ks| ks.iter().for_each(|&k| try_entry(k as usize)),
        ) {
            let first = self.norm(i);
            (0..list.len()).filter(|&k| starts_with_word(list[k].0, first)).for_each(try_entry);
        }
        best
    }

    /// Value of the first entry of `list` that is the token's normalized form itself.
    #[inline]
    pub fn value_in<T: Copy>(&self, i: usize, list: &'static [(&'static str, T)]) -> Option<T> {
        if self.surely_absent(i, list) {
            return None;
        }
        self.value_in_indexed(i, list)
    }

    fn value_in_indexed<T: Copy>(&self, i: usize, list: &'static [(&'static str, T)]) -> Option<T> {
        let w = self.norm(i);
        let mut found = None;
        let indexed = match self.toks.get(i) {
            Some(tok) => with_candidates(
                &self.indexes,
                list,
                |(p, _)| p,
                tok.hash,
                |ks| found = ks.iter().map(|&k| &list[k as usize]).find(|(p, _)| *p == w).map(|(_, v)| *v),
            ),
            _ => false,
        };
        if !indexed {
            found = list.iter().find(|(p, _)| *p == w).map(|(_, v)| *v);
        }
        found
    }

    /// End of the longest phrase of `list` matching at `i`.
    #[inline]
    pub fn find_word(&self, i: usize, list: &'static [&'static str]) -> Option<usize> {
        if list.is_empty() || self.surely_absent(i, list) {
            return None;
        }
        self.find_word_indexed(i, list)
    }

    fn find_word_indexed(&self, i: usize, list: &'static [&'static str]) -> Option<usize> {
        let tok = self.toks.get(i).filter(|_| !list.is_empty())?;
        let mut best = None;
        let mut try_entry = |k: usize| {
            if let Some(e) = self.phrase(i, list[k]) {
                if best.is_none_or(|b| e > b) {
                    best = Some(e);
                }
            }
        };
        if !with_candidates(&self.indexes, list, |p| p, tok.hash, |ks| ks.iter().for_each(|&k| try_entry(k as usize))) {
            let first = self.norm(i);
            (0..list.len()).filter(|&k| starts_with_word(list[k], first)).for_each(try_entry);
        }
        best
    }
}

/// FxHash-style hash of a normalized word (tables and tokens use the same one).
pub fn word_hash(w: &str) -> u32 {
    let mut h: u64 = 0;
    for &b in w.as_bytes() {
        h = (h.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    (h >> 32) as u32 | 1
}

/// A table list grouped by first word: an open-addressing table of first-word hashes, each with
/// the positions of its entries in list order. Candidates are checked by `Tokens::phrase`, so a
/// token whose hash merely equals an entry's gets no match; a list where two first words share a
/// hash is scanned instead (`collision`).
struct ListIndex {
    list: (usize, usize),
    collision: bool,
    /// One bit per first word (`bloom_bit`), all set on a collision: most misses stop here.
    bloom: u64,
    mask: usize,
    /// (hash, start in `order`, count); hash 0 = empty slot.
    slots: Box<[(u32, u16, u16)]>,
    order: Box<[u16]>,
}

impl ListIndex {
    #[cold]
    fn build(list: (usize, usize), firsts: &[&str]) -> Self {
        let mut groups: Vec<(&str, Vec<u16>)> = Vec::new();
        for (k, w) in firsts.iter().enumerate() {
            match groups.iter_mut().find(|(g, _)| g == w) {
                Some((_, ks)) => ks.push(k as u16),
                None => groups.push((w, vec![k as u16])),
            }
        }
        let size = (groups.len() * 2).next_power_of_two().max(4);
        let mut slots = vec![(0, 0, 0); size].into_boxed_slice();
        let mut order = Vec::with_capacity(firsts.len());
        let mut collision = false;
        for (w, ks) in groups {
            let h = word_hash(w);
            let mut s = (h >> 8) as usize & (size - 1);
            while slots[s].0 != 0 {
                collision |= slots[s].0 == h;
                s = (s + 1) & (size - 1);
            }
            slots[s] = (h, order.len() as u16, ks.len() as u16);
            order.extend(ks);
        }
        let bloom = if collision { !0 } else { slots.iter().filter(|s| s.0 != 0).fold(0, |b, s| b | bloom_bit(s.0)) };
        ListIndex { list, collision, bloom, mask: size - 1, slots, order: order.into_boxed_slice() }
    }

    #[inline]
    fn candidates(&self, hash: u32) -> &[u16] {
        let mut s = (hash >> 8) as usize & self.mask;
        loop {
            let (h, start, n) = self.slots[s];
            if h == hash {
                return &self.order[start as usize..(start + n) as usize];
            }
            if h == 0 {
                return &[];
            }
            s = (s + 1) & self.mask;
        }
    }
}

fn bloom_bit(hash: u32) -> u64 {
    1 << (hash >> 26)
}

/// List indexes by list address, built on first use.
struct Registry {
    /// Open addressing on the list address: (address, length, position in `lists` + 1 (0 = empty),
    /// the list's bloom).
    slots: Vec<(usize, usize, u32, u64)>,
    lists: Vec<ListIndex>,
}

impl Registry {
    #[inline]
    fn slot(slots: &[(usize, usize, u32, u64)], key: (usize, usize)) -> usize {
        let mask = slots.len() - 1;
        // Lists are distinct static arrays: their addresses alone spread well.
        let mut s = ((key.0 >> 3) ^ key.1) & mask;
        while slots[s].2 != 0 && (slots[s].0, slots[s].1) != key {
            s = (s + 1) & mask;
        }
        s
    }

    #[cold]
    fn build(&mut self, key: (usize, usize), firsts: &[&str]) -> usize {
        self.lists.push(ListIndex::build(key, firsts));
        if self.lists.len() * 4 > self.slots.len() {
            self.slots = vec![(0, 0, 0, 0); (self.slots.len() * 2).max(4096)];
            for n in 0..self.lists.len() {
                let key = self.lists[n].list;
                let s = Self::slot(&self.slots, key);
                self.slots[s] = (key.0, key.1, n as u32 + 1, self.lists[n].bloom);
            }
        } else {
            let s = Self::slot(&self.slots, key);
            self.slots[s] = (key.0, key.1, self.lists.len() as u32, self.lists[self.lists.len() - 1].bloom);
        }
        self.lists.len() - 1
    }
}

thread_local! {
    static REGISTRY: Rc<RefCell<Registry>> = Rc::new(RefCell::new(Registry { slots: Vec::new(), lists: Vec::new() }));
}

/// Calls `f` with the positions (in list order) of the entries of `list` whose first word may be
/// the token's (`hash`); false (and no call) when the list must be scanned.
#[inline]
fn with_candidates<E>(
    registry: &RefCell<Registry>,
    list: &'static [E],
    phrase: impl Fn(&'static E) -> &'static str,
    hash: u32,
    f: impl FnOnce(&[u16]),
) -> bool {
    {
        let mut r = registry.borrow_mut();
        let key = (list.as_ptr() as usize, list.len());
        let (found, bloom) = match r.slots.is_empty() {
            true => (0, !0),
            false => {
                let slot = r.slots[Registry::slot(&r.slots, key)];
                (slot.2 as usize, slot.3)
            }
        };
        if found != 0 && bloom & bloom_bit(hash) == 0 {
            return true;
        }
        let n = match found {
            0 => {
                let firsts: Vec<&str> = list.iter().map(|e| phrase(e).split(' ').next().unwrap_or("")).collect();
                r.build(key, &firsts)
            }
            n => n - 1,
        };
        let index = &r.lists[n];
        if index.collision {
            return false;
        }
        f(index.candidates(hash));
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::lang::{self, CURRENCY_SYMBOLS};

    /// The plain scan the indexes replace.
    fn scan<T: Copy>(t: &Tokens, i: usize, list: &[(&str, T)]) -> Option<(usize, T)> {
        let mut best: Option<(usize, T)> = None;
        for (p, v) in list {
            if let Some(e) = t.phrase(i, p).filter(|_| starts_with_word(p, t.norm(i))) {
                if best.is_none_or(|(b, _)| e > b) {
                    best = Some((e, *v));
                }
            }
        }
        best
    }

    fn same_as_scan<T: Copy + PartialEq + std::fmt::Debug>(t: &Tokens, list: &'static [(&'static str, T)]) {
        let words: &'static [&'static str] = list.iter().map(|(p, _)| *p).collect::<Vec<_>>().leak();
        for i in 0..=t.len() {
            assert_eq!(t.find(i, list), scan(t, i, list), "find at {i} ({:?})", t.norm(i));
            assert_eq!(t.find_word(i, words), scan(t, i, list).map(|(e, _)| e), "find_word at {i}");
            let exact = list.iter().find(|(p, _)| *p == t.norm(i)).map(|(_, v)| *v);
            assert_eq!(t.value_in(i, list), exact, "value_in at {i}");
        }
    }

    #[test]
    fn indexed_lookups_match_a_scan() {
        static SHARED_FIRST_WORDS: &[(&str, u32)] = &[
            ("per cent", 1),
            ("percent", 2),
            ("per", 3),
            ("the day before yesterday", 4),
            ("the day", 5),
            ("the", 6),
            ("day", 7),
            ("per cent", 8),
            ("us $", 9),
            ("$", 10),
        ];
        let t = Tokens::new("The day before yesterday, 5 per cent of US$ 3 — the day per percent $ day-per the");
        same_as_scan(&t, SHARED_FIRST_WORDS);
        same_as_scan(&t, CURRENCY_SYMBOLS);
        // Every entry of some large tables, written out, in both languages.
        for tab in [lang::table(crate::lang::Lang::En), lang::table(crate::lang::Lang::Fr)] {
            let text: Vec<&str> = [tab.unit_words, tab.currency_words, tab.modifiers]
                .iter()
                .flat_map(|l| l.iter().map(|(p, _)| *p))
                .collect();
            let text = text.join(" , ");
            let t = Tokens::new(&text);
            same_as_scan(&t, tab.unit_words);
            same_as_scan(&t, tab.currency_words);
            same_as_scan(&t, tab.modifiers);
            let text = tab.months.iter().chain(tab.number_words).map(|(p, _)| *p).collect::<Vec<_>>().join(" ");
            let t = Tokens::new(&text);
            same_as_scan(&t, tab.months);
            same_as_scan(&t, tab.number_words);
        }
    }
}
