//! Per-language cue tables for the claim finder. Single words are matched against lowercase
//! word tokens; entries with a space are matched as phrases on the lowercase token sequence.

use crate::lang::Lang;

#[rustfmt::skip] // word tables: one line per group reads better
pub mod en;
#[rustfmt::skip]
pub mod fr;

/// Words and phrases that signal what a sentence does.
pub struct Cues {
    /// Verbs and phrases that report speech ("said", "according to").
    pub reporting: &'static [&'static str],
    /// Predictions, plans and forecasts ("will", "plans to").
    pub prediction: &'static [&'static str],
    pub causal: &'static [&'static str],
    pub negation: &'static [&'static str],
    pub comparative: &'static [&'static str],
    pub superlative: &'static [&'static str],
    /// Number words ("seven", "million").
    pub number_words: &'static [&'static str],
    /// Words that make a number a percentage or money ("percent", "dollars").
    pub percent_words: &'static [&'static str],
    pub money_words: &'static [&'static str],
    pub months: &'static [&'static str],
    /// Relative time expressions that anchor a claim in time ("last year", "yesterday").
    pub time_words: &'static [&'static str],
    /// Abbreviations (lowercase, without the final period) after which a period does not end
    /// a sentence.
    pub abbreviations: &'static [&'static str],
    /// Personal pronouns that may refer back to a named person.
    pub person_pronouns: &'static [&'static str],
    /// Capitalized words that are not names (sentence-initial function words, weekdays…).
    pub not_names: &'static [&'static str],
    /// Titles before a name ("President", "M.").
    pub titles: &'static [&'static str],
    /// First-person pronouns (speaker's own statements).
    pub first_person: &'static [&'static str],
    /// Opinion and hedge words that make a sentence less checkable.
    pub opinion: &'static [&'static str],
    /// Question words at the start of a sentence.
    pub question_words: &'static [&'static str],
}

pub fn cues(lang: Lang) -> &'static Cues {
    match lang {
        Lang::En => &en::CUES,
        Lang::Fr => &fr::CUES,
    }
}

/// Words that tell the form of a statement rather than its topic (tense, person, records):
/// the model's topic-independent features. Kept apart from [`Cues`].
pub struct StatementCues {
    /// Simple past (or imperfect) forms that no suffix rule finds ("took", "était").
    pub past_forms: &'static [&'static str],
    /// Endings of past forms ("-ed"; French imperfect "-ait"); words shorter than 5 letters and
    /// the exceptions are ignored.
    pub past_suffixes: &'static [&'static str],
    pub past_exceptions: &'static [&'static str],
    /// Auxiliaries that, followed by a participle, make a perfect ("has cut", "a baissé").
    pub auxiliaries: &'static [&'static str],
    pub participle_suffixes: &'static [&'static str],
    /// The person addressed ("you").
    pub second_person: &'static [&'static str],
    /// Conditions and hypotheticals ("if", "unless").
    pub conditional: &'static [&'static str],
    /// Phrases that say something is new or unprecedented ("for the first time").
    pub record: &'static [&'static str],
    /// Imperatives that open a call to the reader ("Subscribe…", "Abonnez-vous…"): with "you" or
    /// "us" in the sentence, page furniture rather than a claim.
    pub call_to_action: &'static [&'static str],
    /// "us", "nous": the publisher speaking to the reader in a call to action.
    pub publisher: &'static [&'static str],
}

pub fn statement_cues(lang: Lang) -> &'static StatementCues {
    match lang {
        Lang::En => &en::STATEMENT,
        Lang::Fr => &fr::STATEMENT,
    }
}
