//! The words of the article as the rules read them: byte spans, a folded form (lowercase,
//! without accents), and the punctuation that ends a clause.

use crate::entities::token::fold;
use crate::hash::FastMap;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

#[derive(Debug, Clone)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    /// Lowercase, accents removed; empty for punctuation.
    pub norm: String,
    /// Digits.
    pub number: bool,
    /// A comma, colon, semicolon, bracket, dash or quotation mark: the clause ends here.
    pub clause_break: bool,
}

pub struct Words {
    words: Vec<Word>,
    text_len: usize,
    original: Vec<(usize, usize)>,
}

/// The folded words of each phrase of a cue list.
type CueList = Rc<[Vec<String>]>;

thread_local! {
    /// The words of each cue list's phrases, split once: the cue tables are asked about every
    /// sentence. Keyed by the (static) list's address and length.
    static CUE_LISTS: RefCell<FastMap<(usize, usize), CueList>> = RefCell::new(FastMap::default());
}

/// The folded words of each phrase of `cues`.
fn cue_list(cues: &'static [&'static str]) -> CueList {
    let key = (cues.as_ptr() as usize, cues.len());
    CUE_LISTS.with(|cache| {
        if let Some(list) = cache.borrow().get(&key) {
            return Rc::clone(list);
        }
        let list: CueList = cues
            .iter()
            .map(|cue| split(cue).into_iter().filter(|w| !w.norm.is_empty()).map(|w| w.norm).collect())
            .collect();
        cache.borrow_mut().insert(key, Rc::clone(&list));
        list
    })
}

/// Splits `text` into words (letters or digits; an apostrophe splits: "d'euros" → "d", "euros")
/// and punctuation marks.
fn split(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            let digits = c.is_ascii_digit();
            let mut end = i + c.len_utf8();
            let mut norm = String::new();
            fold(c, &mut norm);
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphanumeric() || d.is_ascii_digit() != digits {
                    break;
                }
                fold(d, &mut norm);
                end = j + d.len_utf8();
                chars.next();
            }
            out.push(Word { start: i, end, norm, number: digits, clause_break: false });
        } else if !c.is_whitespace() {
            let clause_break = matches!(
                c,
                ',' | ';' | ':' | '(' | ')' | '[' | ']' | '"' | '“' | '”' | '«' | '»' | '—' | '–' | '.' | '!' | '?'
            );
            out.push(Word { start: i, end: i + c.len_utf8(), norm: String::new(), number: false, clause_break });
        }
    }
    out
}

impl Words {
    pub fn new(text: &str) -> Words {
        let words = split(text);
        let original = words.iter().map(|w| (w.start, w.end)).collect();
        Words { words, text_len: text.len(), original }
    }

    /// The index of the first word starting at or after `pos`.
    fn index_at(&self, pos: usize) -> usize {
        self.words.partition_point(|w| w.start < pos)
    }

    /// The words of `range`, from `pos` outwards: backwards from the last word ending at or
    /// before `pos`, or forwards from the first word starting at or after it.
    pub fn walk(&self, range: Range<usize>, pos: usize, backwards: bool) -> Box<dyn Iterator<Item = &Word> + '_> {
        let (lo, hi) = (self.index_at(range.start), self.index_at(range.end.min(self.text_len)));
        if backwards {
            let end = self.words.partition_point(|w| w.end <= pos).clamp(lo, hi.max(lo));
            Box::new(self.words[lo..end].iter().rev())
        } else {
            let start = self.index_at(pos).clamp(lo, hi.max(lo));
            Box::new(self.words[start..hi.max(start)].iter())
        }
    }

    /// The words (folded, punctuation left out) of `range`.
    pub fn norms(&self, range: Range<usize>) -> Vec<&str> {
        self.walk(range.clone(), range.start, false).filter(|w| !w.norm.is_empty()).map(|w| w.norm.as_str()).collect()
    }

    /// Whether `range` holds one of the word sequences of `cues` ("last year", "l'an dernier").
    pub fn has_any(&self, range: Range<usize>, cues: &'static [&'static str]) -> bool {
        let words = self.norms(range);
        cue_list(cues)
            .iter()
            .any(|cue| !cue.is_empty() && words.windows(cue.len()).any(|win| win.iter().zip(cue).all(|(a, b)| a == b)))
    }

    /// The words (folded) of any text, as [`Words`] splits them.
    pub fn norms_of(&self, text: &str) -> Vec<String> {
        split(text).into_iter().filter(|w| !w.norm.is_empty()).map(|w| w.norm).collect()
    }

    /// The `n` words (folded) just before `pos`, nearest first, punctuation skipped.
    pub fn before(&self, pos: usize, n: usize) -> Vec<String> {
        self.walk(0..pos, pos, true).filter(|w| !w.norm.is_empty()).take(n).map(|w| w.norm.clone()).collect()
    }

    /// The `n` words (folded) just after `pos`, punctuation skipped.
    pub fn after(&self, pos: usize, end: usize, n: usize) -> Vec<String> {
        self.walk(pos..end, pos, false).filter(|w| !w.norm.is_empty()).take(n).map(|w| w.norm.clone()).collect()
    }

    /// The words between `a` and `b`, punctuation included.
    pub fn between(&self, a: usize, b: usize) -> impl Iterator<Item = &Word> {
        let (lo, hi) = (self.index_at(a), self.index_at(b));
        self.words[lo..hi.max(lo)].iter()
    }

    /// The byte range of the word starting at `start`.
    pub fn original(&self, start: usize) -> Range<usize> {
        let i = self.original.partition_point(|(s, _)| *s < start);
        self.original.get(i).map_or(start..start, |&(s, e)| s..e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_and_split_at_apostrophes() {
        let w = Words::new("12 millions d’euros, l'été dernier");
        assert_eq!(w.norms(0..100), vec!["12", "millions", "d", "euros", "l", "ete", "dernier"]);
        assert!(w.has_any(0..100, &["l'été dernier"]));
        assert!(!w.has_any(0..100, &["l'an dernier"]));
        assert_eq!(w.before(4, 3), vec!["12"]);
    }

    #[test]
    fn cue_lists_are_read_each_on_its_own() {
        static SEASONS: [&str; 2] = ["L’hiver passé", "l'été dernier"];
        static MONEY: [&str; 1] = ["millions d'euros"];
        let w = Words::new("Le club a perdu 3 millions d’euros l'été dernier.");
        let v = Words::new("Le club a dépensé 3 millions l'hiver passé.");
        for _ in 0..2 {
            assert!(w.has_any(0..100, &SEASONS) && w.has_any(0..100, &MONEY));
            assert!(v.has_any(0..100, &SEASONS) && !v.has_any(0..100, &MONEY));
            assert!(!v.has_any(0..100, &SEASONS[1..]) && !w.has_any(0..100, &SEASONS[..1]));
        }
    }
}
