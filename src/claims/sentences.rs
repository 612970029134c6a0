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
    let pieces = line
        .split_sentence_bound_indices()
        .flat_map(|(start, piece)| dash_breaks(piece).into_iter().map(move |r| (start + r.start, &piece[r])));
    for (start, mut piece) in pieces {
        // A closing guillemet after a space ("… fin. » Ensuite") ends the previous sentence.
        let closing = piece
            .trim_start()
            .strip_prefix(['»', '”'])
            .filter(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace));
        let mut start = start;
        if let (Some(rest), Some(prev)) = (closing, pending.as_mut()) {
            let moved = piece.len() - rest.len();
            prev.end = start + moved;
            start += moved;
            piece = rest;
        }
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

/// A piece cut where a sentence ends and a dash introduces the next one ("Blackout in the
/// capital. - A power cut…"), which UAX #29 does not see; the dash belongs to neither.
fn dash_breaks(piece: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in piece.char_indices() {
        if !matches!(c, '-' | '–' | '—') || i < 2 {
            continue;
        }
        let before = piece[..i].trim_end_matches(' ');
        let after = &piece[i + c.len_utf8()..];
        let next = after.trim_start_matches(' ');
        let spaced = before.len() < i && next.len() < after.len();
        if spaced && before.len() > from && before.ends_with(['.', '!', '?']) && next.starts_with(char::is_uppercase) {
            out.push(from..before.len());
            from = piece.len() - next.len();
        }
    }
    out.push(from..piece.len());
    out
}

fn push_trimmed(line: &str, r: Range<usize>, offset: usize, out: &mut Vec<Range<usize>>) {
    let s = &line[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    let dateline = dateline_len(trimmed);
    let trimmed = &trimmed[dateline..];
    if !trimmed.is_empty() {
        let start = offset + r.start + lead + dateline;
        out.push(start..start + trimmed.len());
    }
}

/// Length of a dateline or wire mark before the first sentence of a dispatch, with its
/// separator: "LONDON — ", "NAIROBI, Kenya (AP) _ ", "PONT-A-MOUSSON.- ", a leading "_ ".
fn dateline_len(s: &str) -> usize {
    if let Some(rest) = s.strip_prefix("_ ") {
        return s.len() - rest.trim_start().len();
    }
    let first = s.split([' ', ',', '.', '(']).next().unwrap_or("");
    let place = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && first.chars().all(|c| c.is_uppercase() || c == '-' || c == '\'');
    if !place {
        return 0;
    }
    for sep in [" — ", " – ", " - ", ".- ", ". - ", " _ "] {
        let Some(at) = s.get(..s.len().min(60)).and_then(|head| head.find(sep)) else { continue };
        let head = &s[..at];
        let rest = s[at + sep.len()..].trim_start();
        // Capitalized words and short links ("KVELLER via JTA", "PARIS (AFP)").
        let words_ok = head.split_whitespace().count() <= 6
            && head
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '(') || w.chars().count() <= 3);
        if words_ok && rest.starts_with(|c: char| c.is_uppercase() || is_quote_or_bracket(c)) {
            return s.len() - rest.len();
        }
    }
    0
}

/// Whether the boundary between `prev` and `next` (both from UAX #29) is a real one.
fn ends_sentence(prev: &str, next: &str, lang: Lang) -> bool {
    let next_first = next.trim_start_matches(|c: char| c.is_whitespace() || is_quote_or_bracket(c)).chars().next();
    let Some(next_first) = next_first else { return true };
    // "« Qui paiera ? », s'interroge …": a comma goes on with the sentence.
    if next_first.is_lowercase() || matches!(next_first, ',' | ';') {
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
    // Initials run together ("P.J. Smith", "J.-P. Martin"): a name goes on unless a common
    // sentence opener follows.
    if is_initials(last_word) && !digit_next {
        return starts_with_opener(next);
    }
    if ["no", "nos", "p", "pp", "fig", "vol", "art", "n°"].contains(&lower.as_str()) {
        return !digit_next;
    }
    if table.abbreviations.contains(&lower.as_str()) || cues(other(lang)).abbreviations.contains(&lower.as_str()) {
        // An acronym ("U.S.") may still end a sentence before a common sentence opener.
        if lower.contains('.') && !digit_next {
            return starts_with_opener(next);
        }
        return false;
    }
    true
}

/// Whether `next` starts with a word that usually opens a sentence ("The", "He", "Il").
fn starts_with_opener(next: &str) -> bool {
    let next_word: String =
        next.trim_start().chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    ["the", "it", "he", "she", "they", "we", "i", "this", "but", "le", "la", "les", "il", "elle"]
        .contains(&next_word.as_str())
}

/// Capital letters joined by periods or hyphens, at least two ("P.J", "J.-P").
fn is_initials(word: &str) -> bool {
    let parts: Vec<&str> = word.split(['.', '-']).filter(|p| !p.is_empty()).collect();
    parts.len() >= 2 && parts.iter().all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
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
                 Le taux atteint 3,5 % en 2024, selon l'Insee. « C'est trop tôt. » Le texte sera voté.";
        assert_eq!(
            sents(t, Lang::Fr),
            vec![
                "M. Macron et Mme Borne ont parlé.",
                "« Nous irons plus loin. » a déclaré le président.",
                "Le taux atteint 3,5 % en 2024, selon l'Insee.",
                "« C'est trop tôt. »",
                "Le texte sera voté.",
            ]
        );
        let t = "« Qui paiera la facture ? », s'interroge un élu. Le vote a lieu lundi.";
        assert_eq!(
            sents(t, Lang::Fr),
            vec!["« Qui paiera la facture ? », s'interroge un élu.", "Le vote a lieu lundi."]
        );
    }

    #[test]
    fn run_together_initials_and_dash_openers() {
        let t = "The plan was drafted by spokesman K.L. Marsh in March. Panne géante. - Le réseau a cédé hier \
                 soir. Rates rose - Banks said so. The U.N. - A body - met.";
        assert_eq!(
            sents(t, Lang::En),
            vec![
                "The plan was drafted by spokesman K.L. Marsh in March.",
                "Panne géante.",
                "Le réseau a cédé hier soir.",
                "Rates rose - Banks said so.",
                "The U.N. - A body - met.",
            ]
        );
        assert_eq!(sents("He met J.-P. Roux. He left.", Lang::Fr), vec!["He met J.-P. Roux.", "He left."]);
    }

    #[test]
    fn datelines_are_not_part_of_the_first_sentence() {
        let t = "OSLO — The ferry company said on Monday it would cut 40 jobs.\n\
                 BERGEN, Norway (AP) _ Fishing quotas rose by 8 percent.\n\
                 SAINT-MALO.- Les pêcheurs ont manifesté hier.\n\
                 _ Le port a rouvert lundi.\n\
                 HARBOR NEWS via AP — Dock workers went on strike.\n\
                 The U.N. - A body - met. NATO - the alliance - met.";
        assert_eq!(
            sents(t, Lang::En),
            vec![
                "The ferry company said on Monday it would cut 40 jobs.",
                "Fishing quotas rose by 8 percent.",
                "Les pêcheurs ont manifesté hier.",
                "Le port a rouvert lundi.",
                "Dock workers went on strike.",
                "The U.N. - A body - met.",
                "NATO - the alliance - met.",
            ]
        );
    }

    #[test]
    fn acronym_at_the_end_of_a_sentence() {
        let t = "He moved to the U.S. The move cost him a lot.";
        assert_eq!(sents(t, Lang::En), vec!["He moved to the U.S.", "The move cost him a lot."]);
    }
}
