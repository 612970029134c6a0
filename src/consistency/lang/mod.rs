//! Per-language tables of the consistency finder: the words that carry no identity, the cues that
//! make two values not comparable, and the wording of the questions. Entries are lowercase, without
//! accents for the word lists (words are folded the same way); a new language is a new `Table`.

#[rustfmt::skip] // word tables: one line per group reads better
pub mod en;
#[rustfmt::skip]
pub mod fr;

use crate::lang::Lang;

pub struct Table {
    /// Function words and words that name no particular thing ("said", "will", "plans", "cost"),
    /// left out of the context that tells whether two figures count the same thing.
    pub neutral: &'static [&'static str],
    /// Words that make a sentence about a change, a comparison, an expectation or a possibility:
    /// two values in such sentences may both be right ("rose", "from", "expected", "can be",
    /// "overall", "hausse", "contre").
    pub change: &'static [&'static str],
    /// "since", "depuis": a period named a few words after it runs on to the present.
    pub since: &'static [&'static str],
    /// Words of a correction notice or a denial: its values are the ones being corrected.
    pub correction: &'static [&'static str],
    /// Words just before a figure that deny it ("not $450 million", "et non 32 millions").
    pub negation: &'static [&'static str],
    /// Word sequences that mark the figure next to them as a total ("in all", "au total").
    pub total: &'static [&'static str],
    /// Words that make a list partial ("including", "dont"): its parts need not add up.
    pub partial: &'static [&'static str],
    /// Words that join the parts of a list.
    pub list_joiners: &'static [&'static str],
    /// Words saying that the percentages of a sentence are shares of the same people or thing
    /// ("surveyed", "respondents", "sondés").
    pub shares_of_one_whole: &'static [&'static str],
    /// "of", "de": after a percentage, they name its whole ("45% of men").
    pub of_words: &'static [&'static str],
    /// Words saying the shares may overlap ("more than one answer", "plusieurs réponses").
    pub overlapping_shares: &'static [&'static str],
    /// Weekday names, Monday first, as written in running text.
    pub weekdays: [&'static str; 7],
    /// "last", "dernier": with a weekday, a relative day ("last Tuesday", "mardi dernier").
    pub last: &'static [&'static str],
    /// Words of a relative date that name no weekday but a fixed day: "yesterday", "hier".
    pub relative_days: &'static [&'static str],
    /// The questions, with `{name}` placeholders.
    pub messages: Messages,
    /// Decimal separator and thousands separator for the sums shown.
    pub decimal_separator: char,
    pub thousands_separator: &'static str,
    /// "billion"/"milliards" and "million"/"millions" for the sums shown (singular, plural).
    pub billion: (&'static str, &'static str),
    pub million: (&'static str, &'static str),
    /// The list joiner in messages: ", " and " and " / " et ".
    pub and: &'static str,
}

/// One question per kind of finding.
pub struct Messages {
    /// {a}, {b}, {about}
    pub conflicting_values: &'static str,
    /// {speaker}, {a}, {b}, {about}
    pub speaker_figure: &'static str,
    /// {total}, {parts}, {sum}
    pub total_mismatch: &'static str,
    /// {parts}, {sum}
    pub percent_over_100: &'static str,
    /// {date}, {stated}, {actual}
    pub weekday_mismatch: &'static str,
    /// {a}, {b}, {a_value}, {b_value}, {about}
    pub date_conflict: &'static str,
}

pub fn table(lang: Lang) -> &'static Table {
    match lang {
        Lang::En => &en::TABLE,
        Lang::Fr => &fr::TABLE,
    }
}
