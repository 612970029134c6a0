//! Sentence segmentation for English and French: UAX #29 sentence boundaries, corrected for
//! abbreviations (Mr., Dr., U.S., M., Mme, e.g.), initials, and boundaries before a lowercase
//! word (a quote ending in "?" or "!" followed by "he asked"). Blocks ("\n\n") and line breaks
//! always end a sentence.

use super::lang::cues;
use crate::lang::Lang;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Byte ranges of the sentences of `text`, trimmed, in order, never empty.
pub fn split(text: &str, lang: Lang) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        split_line(line, line_start, lang, &mut out);
        line_start += line.len() + 1;
    }
    out
}

fn split_line(line: &str, offset: usize, lang: Lang, out: &mut Vec<Range<usize>>) {
    let mut pending: Option<Range<usize>> = None;
    for (start, piece) in line.split_sentence_bound_indices() {
        let range = start..start + piece.len();
        pending = match pending {
            Some(prev) if !ends_sentence(&line[prev.clone()], piece, lang) => Some(prev.start..range.end),
            Some(prev) => {
                push_trimmed(line, prev, offset, out);
                Some(range)
            }
            None => Some(range),
        };
    }
    if let Some(prev) = pending {
        push_trimmed(line, prev, offset, out);
    }
}

fn push_trimmed(line: &str, r: Range<usize>, offset: usize, out: &mut Vec<Range<usize>>) {
    let s = &line[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        let start = offset + r.start + lead;
        out.push(start..start + trimmed.len());
    }
}

/// Whether the boundary between `prev` and `next` (both from UAX #29) is a real one.
fn ends_sentence(prev: &str, next: &str, lang: Lang) -> bool {
    let next_first = next.trim_start_matches(|c: char| c.is_whitespace() || is_quote_or_bracket(c)).chars().next();
    let Some(next_first) = next_first else { return true };
    if next_first.is_lowercase() {
        return false;
    }
    let prev_trim = prev.trim_end();
    let Some(before_period) = prev_trim.strip_suffix('.') else { return true };
    let last_word = before_period.rsplit(|c: char| c.is_whitespace() || "(«\"“'".contains(c)).next().unwrap_or("");
    if last_word.is_empty() {
        return true;
    }
    // An initial ("John F. Kennedy", "M. Dupont").
    let mut chars = last_word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return !c.is_uppercase();
    }
    let lower = last_word.to_lowercase();
    let table = cues(lang);
    let digit_next = next_first.is_ascii_digit();
    if ["no", "nos", "p", "pp", "fig", "vol", "art", "n°"].contains(&lower.as_str()) {
        return !digit_next;
    }
    if table.abbreviations.contains(&lower.as_str()) || cues(other(lang)).abbreviations.contains(&lower.as_str()) {
        // An acronym ("U.S.") may still end a sentence before a common sentence opener.
        if lower.contains('.') && !digit_next {
            let next_word: String =
                next.trim_start().chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
            return ["the", "it", "he", "she", "they", "we", "i", "this", "but", "le", "la", "les", "il", "elle"]
                .contains(&next_word.as_str());
        }
        return false;
    }
    true
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::Fr,
        Lang::Fr => Lang::En,
    }
}

fn is_quote_or_bracket(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '(' | '[' | '‹')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str, lang: Lang) -> Vec<&str> {
        split(text, lang).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn english_abbreviations_initials_decimals_quotes() {
        let t = "Mr. Smith met Dr. Jones in the U.S. capital. They spent $3.5 billion, e.g. on roads. \
                 John F. Kennedy said \"We choose to go.\" Then he left.\n\nA heading\n\n\"Why?\" he asked. Yes.";
        assert_eq!(
            sents(t, Lang::En),
            vec![
                "Mr. Smith met Dr. Jones in the U.S. capital.",
                "They spent $3.5 billion, e.g. on roads.",
                "John F. Kennedy said \"We choose to go.\"",
                "Then he left.",
                "A heading",
                "\"Why?\" he asked.",
                "Yes.",
            ]
        );
    }

    #[test]
    fn french_titles_and_guillemets() {
        let t = "M. Macron et Mme Borne ont parlé. « Nous irons plus loin. » a déclaré le président. \
                 Le taux atteint 3,5 % en 2024, selon l'Insee.";
        assert_eq!(
            sents(t, Lang::Fr),
            vec![
                "M. Macron et Mme Borne ont parlé.",
                "« Nous irons plus loin. » a déclaré le président.",
                "Le taux atteint 3,5 % en 2024, selon l'Insee.",
            ]
        );
    }

    #[test]
    fn acronym_at_the_end_of_a_sentence() {
        let t = "He moved to the U.S. The move cost him a lot.";
        assert_eq!(sents(t, Lang::En), vec!["He moved to the U.S.", "The move cost him a lot."]);
    }
}
