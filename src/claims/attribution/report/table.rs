//! A language's reporting frames as token sequences, built once: the verb forms by first
//! word and the phrases around them.

use super::super::super::lang::{VerbForm, frames};
use super::super::names::phrase_words;
use crate::hash::{FastMap, FastSet};
use crate::lang::Lang;
use std::sync::OnceLock;

/// A language's frames as token sequences.
pub(super) struct Table {
    /// Verb forms by first word: (words, form).
    pub(super) verbs: FastMap<String, Vec<(Vec<String>, VerbForm)>>,
    pub(super) source_first: Vec<Vec<String>>,
    pub(super) between: Vec<Vec<String>>,
    pub(super) quoted_as: Vec<(String, Vec<String>)>,
    pub(super) infinitive_after: Vec<Vec<String>>,
    /// The words of the verbs that records "show" (`records.1` of the frames).
    pub(super) records_verbs: Vec<Vec<String>>,
    /// Phrases of place after an impersonal report ("du côté de").
    pub(super) place_phrases: Vec<Vec<String>>,
    /// Phrases fronting a topic ("quant à").
    pub(super) topic_phrases: Vec<Vec<String>>,
    /// Phrases that stand for the person named last ("ce dernier").
    pub(super) latter_phrases: Vec<Vec<String>>,
    /// First words of the forms of verbs that report when pronominal.
    pub(super) pronominal: FastSet<String>,
    /// First words of the forms of verbs that report only when pronominal.
    pub(super) pronominal_only: FastSet<String>,
    /// (form, next word) of verbs that do not report before that word ("témoignent de").
    pub(super) other_senses: FastSet<(String, String)>,
    /// First words of the forms of verbs that report only before a clause or a quote.
    pub(super) clause_only: FastSet<String>,
    /// First words of the forms of verbs that tell an act on a noun phrase after them.
    pub(super) object_acts: FastSet<String>,
    /// First words of the forms of verbs that report a count (`count_verbs.0` of the frames).
    pub(super) count_verbs: FastSet<String>,
}

pub(super) fn table(lang: Lang) -> &'static Table {
    static EN: OnceLock<Table> = OnceLock::new();
    static FR: OnceLock<Table> = OnceLock::new();
    let build = |lang| {
        let f = frames(lang);
        let mut verbs: FastMap<String, Vec<(Vec<String>, VerbForm)>> = FastMap::default();
        let mut pronominal = FastSet::default();
        let mut pronominal_only = FastSet::default();
        let mut other_senses = FastSet::default();
        let mut clause_only = FastSet::default();
        let mut object_acts = FastSet::default();
        let mut count_verbs = FastSet::default();
        for entry in f.verbs {
            let base = entry.split(':').next().unwrap_or(entry).trim();
            let base = base.strip_prefix("se ").or_else(|| base.strip_prefix("s'")).unwrap_or(base);
            let forms = match entry.split_once(':') {
                Some((_, listed)) => {
                    // "faire savoir: fait savoir …" lists forms with their tail; "se plaindre" has none.
                    let rest = base.split_once(' ').map_or(String::new(), |(_, r)| format!(" {r}"));
                    let words = listed.split_whitespace().filter(|w| !rest.contains(w));
                    let mut forms: Vec<(String, VerbForm)> =
                        words.map(|w| (format!("{w}{rest}"), listed_form(w, lang))).collect();
                    if lang == Lang::Fr {
                        forms.insert(0, (base.to_string(), VerbForm::Infinitive));
                    }
                    forms
                }
                None => (f.inflect)(entry),
            };
            for (form_text, form) in forms {
                let words = phrase_words(&form_text);
                if f.pronominal.contains(&base) {
                    pronominal.extend(words.first().cloned());
                }
                if f.pronominal_only.contains(&base) {
                    pronominal_only.extend(words.first().cloned());
                }
                if f.clause_only.0.contains(&base) {
                    clause_only.extend(words.first().cloned());
                }
                if f.object_acts.contains(&base) {
                    object_acts.extend(words.first().cloned());
                }
                if f.count_verbs.0.contains(&base) {
                    count_verbs.extend(words.first().cloned());
                }
                for (_, next) in f.other_senses.iter().filter(|(v, _)| *v == base) {
                    other_senses.extend(words.first().map(|w| (w.clone(), next.to_string())));
                }
                if let Some(first) = words.first() {
                    let list = verbs.entry(first.clone()).or_default();
                    if !list.iter().any(|(w, _)| *w == words) {
                        list.push((words, form));
                    }
                }
            }
        }
        for list in verbs.values_mut() {
            crate::sort::sort_by_key(list, |(w, _)| std::cmp::Reverse(w.len()));
        }
        Table {
            verbs,
            source_first: f.source_first.iter().map(|p| phrase_words(p)).collect(),
            between: f.between.iter().map(|p| phrase_words(p)).collect(),
            quoted_as: f.quoted_as.iter().map(|(v, p)| (v.to_string(), phrase_words(p))).collect(),
            infinitive_after: f.infinitive_after.iter().map(|p| phrase_words(p)).collect(),
            records_verbs: f.records.1.iter().map(|p| phrase_words(p)).collect(),
            place_phrases: f.place_phrases.iter().map(|p| phrase_words(p)).collect(),
            topic_phrases: f.topic_phrases.iter().map(|p| phrase_words(p)).collect(),
            latter_phrases: f.latter_phrases.iter().map(|p| phrase_words(p)).collect(),
            pronominal,
            pronominal_only,
            other_senses,
            clause_only,
            object_acts,
            count_verbs,
        }
    };
    match lang {
        Lang::En => EN.get_or_init(|| build(Lang::En)),
        Lang::Fr => FR.get_or_init(|| build(Lang::Fr)),
    }
}

/// How a verb form listed in a table is used.
fn listed_form(w: &str, lang: Lang) -> VerbForm {
    if w.ends_with("ing") || w.ends_with("ant") {
        VerbForm::Participle
    } else if frames(lang).past_endings.iter().any(|e| w.ends_with(e)) {
        VerbForm::Past
    } else {
        VerbForm::Finite
    }
}
