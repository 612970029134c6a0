//! Features of one sentence for the check-worthiness model: hashed word uni/bi-grams plus
//! language-independent cue features named `#…` (numbers, dates, names, reporting verbs,
//! comparisons, predictions, causes, negation, length), found with the language's cue table.

use super::lang::{Cues, cues};
use crate::lang::Lang;
use unicode_segmentation::UnicodeSegmentation;

/// Number of hash buckets (weights) of the model.
pub const BUCKETS: usize = 1 << 17;

/// What the cue tables found in a sentence; also used for reasons and claim kinds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cue {
    pub number: bool,
    pub number_word: bool,
    pub percent: bool,
    pub money: bool,
    pub year: bool,
    pub month: bool,
    pub time: bool,
    pub reporting: bool,
    pub prediction: Option<&'static str>,
    pub causal: Option<&'static str>,
    pub negation: bool,
    pub comparative: Option<&'static str>,
    pub superlative: Option<&'static str>,
    pub first_person: bool,
    pub opinion: bool,
    pub question: bool,
    pub quote: bool,
    /// Capitalized words not at the start of the sentence (named-entity evidence).
    pub capitalized: usize,
    pub words: usize,
}

/// Lowercase word tokens of a sentence, apostrophes folded to `'`, French elisions split off
/// ("l'entreprise" → "l'", "entreprise").
pub fn words(sentence: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in sentence.unicode_words() {
        let lower = w.to_lowercase().replace('\u{2019}', "'");
        match lower.find('\'') {
            Some(i) if i > 0 && i <= 3 && is_elision(&lower[..i]) && lower.len() > i + 1 => {
                out.push(lower[..=i].to_string());
                out.push(lower[i + 1..].to_string());
            }
            _ => out.push(lower),
        }
    }
    out
}

fn is_elision(prefix: &str) -> bool {
    matches!(prefix, "l" | "d" | "n" | "j" | "qu" | "c" | "s" | "m" | "t" | "jusqu" | "lorsqu" | "puisqu")
}

/// Whether `list` has a word of `words` (single entries) or a phrase of `joined` (" a b c ").
fn find_cue(list: &[&'static str], words: &[String], joined: &str) -> Option<&'static str> {
    list.iter().copied().find(|cue| {
        if cue.contains(' ') || cue.contains('\'') {
            words.iter().any(|w| w == cue) || joined.contains(&format!(" {} ", self::words(cue).join(" ")))
        } else {
            words.iter().any(|w| w == cue)
        }
    })
}

/// Cue analysis of a sentence.
pub fn cues_of(sentence: &str, lang: Lang) -> Cue {
    let table = cues(lang);
    let words = words(sentence);
    cues_with(sentence, &words, table)
}

fn cues_with(sentence: &str, words: &[String], t: &Cues) -> Cue {
    let joined = format!(" {} ", words.join(" "));
    let has = |list: &[&'static str]| find_cue(list, words, &joined);
    let trimmed = sentence.trim_end_matches(|c: char| c.is_whitespace() || "\"'»”’)".contains(c));
    let number = sentence.chars().any(|c| c.is_ascii_digit());
    let year = words.iter().any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit()));
    let first_lower = words.first().map(String::as_str).unwrap_or("");
    Cue {
        number,
        number_word: has(t.number_words).is_some(),
        percent: sentence.contains('%') || has(t.percent_words).is_some(),
        money: sentence.contains(['$', '€', '£', '¥']) || (number && has(t.money_words).is_some()),
        year,
        month: has(t.months).is_some_and(|m| m != "may" || number),
        time: has(t.time_words).is_some(),
        reporting: has(t.reporting).is_some(),
        prediction: has(t.prediction),
        causal: has(t.causal),
        negation: has(t.negation).is_some(),
        comparative: has(t.comparative),
        superlative: has(t.superlative),
        first_person: has(t.first_person).is_some(),
        opinion: has(t.opinion).is_some(),
        question: trimmed.ends_with('?') || (t.question_words.contains(&first_lower) && trimmed.ends_with('?')),
        quote: sentence.contains(['"', '“', '”', '«', '»']),
        capitalized: capitalized_inner_words(sentence),
        words: words.len(),
    }
}

/// Capitalized words after the first word (evidence of names).
fn capitalized_inner_words(sentence: &str) -> usize {
    sentence
        .unicode_words()
        .skip(1)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 1)
        .count()
}

/// FNV-1a, stable across platforms and builds (the weights file depends on it).
fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn bucket(name: &str) -> u32 {
    (hash(name) % BUCKETS as u64) as u32
}

/// Digits folded to `0` so that numbers share features ("2025" → "0000").
fn shape(word: &str) -> String {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        let s: String = word.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect();
        s.chars().take(6).collect()
    } else {
        word.to_string()
    }
}

/// The sparse feature vector of a sentence: (bucket, value) pairs, buckets may repeat.
/// Word uni/bi-grams and character 4-grams weigh 1/√(words) so that long sentences do not
/// outweigh the cue features.
pub fn features(sentence: &str, lang: Lang) -> Vec<(u32, f32)> {
    let table = cues(lang);
    let words = words(sentence);
    let cue = cues_with(sentence, &words, table);
    let mut out = Vec::with_capacity(words.len() * 2 + 24);
    let shaped: Vec<String> = words.iter().map(|w| shape(w)).collect();
    let ngram_weight = 1.0 / ((shaped.len().max(1)) as f32).sqrt();
    for (i, w) in shaped.iter().enumerate() {
        out.push((bucket(&format!("w:{w}")), ngram_weight));
        let prev = if i == 0 { "<s>" } else { shaped[i - 1].as_str() };
        out.push((bucket(&format!("b:{prev} {w}")), ngram_weight));
        // Character 4-grams of the word (with boundaries): shares evidence between word forms.
        let chars: Vec<char> = format!(" {w} ").chars().collect();
        for gram in chars.windows(4) {
            let gram: String = gram.iter().collect();
            out.push((bucket(&format!("c:{gram}")), ngram_weight * 0.5));
        }
    }
    let mut flag = |name: &str, on: bool| {
        if on {
            out.push((bucket(name), 1.0));
        }
    };
    flag("#number", cue.number);
    flag("#number_word", cue.number_word);
    flag("#any_number", cue.number || cue.number_word);
    flag("#percent", cue.percent);
    flag("#money", cue.money);
    flag("#year", cue.year);
    flag("#month", cue.month);
    flag("#date", cue.year || cue.month);
    flag("#time", cue.time);
    flag("#reporting", cue.reporting);
    flag("#prediction", cue.prediction.is_some());
    flag("#causal", cue.causal.is_some());
    flag("#negation", cue.negation);
    flag("#comparative", cue.comparative.is_some());
    flag("#superlative", cue.superlative.is_some());
    flag("#first_person", cue.first_person);
    flag("#opinion", cue.opinion);
    flag("#question", cue.question);
    flag("#quote", cue.quote);
    flag("#number&comparative", (cue.number || cue.number_word) && cue.comparative.is_some());
    flag("#number&time", (cue.number || cue.number_word) && (cue.time || cue.year));
    flag("#opinion&first_person", cue.opinion && cue.first_person);
    flag(&format!("#caps:{}", cue.capitalized.min(4)), true);
    let len = match cue.words {
        0..=4 => "0-4",
        5..=8 => "5-8",
        9..=14 => "9-14",
        15..=24 => "15-24",
        25..=40 => "25-40",
        _ => "41+",
    };
    flag(&format!("#len:{len}"), true);
    flag("#bias", true);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_in_both_languages() {
        let en = cues_of("Meta plans to spend up to $65 billion this year, Mark Zuckerberg said.", Lang::En);
        assert!(en.number && en.money && en.reporting && en.prediction.is_some() && en.capitalized >= 2);
        let fr = cues_of("Selon le ministre, le chômage a baissé de 2 % l'an dernier parce que l'économie repart.", Lang::Fr);
        assert!(fr.percent && fr.reporting && fr.causal.is_some() && fr.time);
        assert_eq!(words("l’entreprise n'a pas"), vec!["l'", "entreprise", "n'", "a", "pas"]);
        assert!(cues_of("Why is it so?", Lang::En).question);
    }

    #[test]
    fn features_are_stable_and_in_range() {
        let f = features("Unemployment fell by 3 percent in 2019.", Lang::En);
        assert!(f.iter().all(|&(b, v)| (b as usize) < BUCKETS && v.is_finite()));
        assert_eq!(f, features("Unemployment fell by 3 percent in 2019.", Lang::En));
        assert_eq!(bucket("#number"), bucket("#number"));
        assert_ne!(bucket("#number"), bucket("#money"));
    }
}
