//! Who makes a claim, read as a careful news reader reads it: the reporting verb or phrase of
//! each sentence and the subject of the report ([`report`]), quotes followed across sentences and
//! paragraphs, pronouns resolved to the last speaker or subject of the right gender and number,
//! and groups, documents and unnamed sources named as the article names them. Where no speaker
//! can be told, none is given.

mod names;
mod report;

pub use names::{People, quotes, scan_quotes, tokens};

use super::lang::Gender;
use crate::hash::FastMap;
use crate::lang::Lang;
use names::{Token, closing_mark};
use report::{Sentence, Source, owned};
use std::ops::Range;

/// Who says a sentence, and how.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attribution {
    pub speaker: Option<String>,
    /// Direct quotes in the sentence (byte ranges, marks included).
    pub quotes: Vec<Range<usize>>,
    /// A reporting verb or phrase outside the quotes ("said", "selon").
    pub reported: bool,
}

/// How many sentences back a pronoun looks for the one it stands for.
const PRONOUN_REACH: usize = 8;
/// Share of a sentence inside quotes above which it is a quote that continues a speaker.
const QUOTED: f32 = 0.5;

/// Where the quotes of each sentence are, and which sentences one quote spans.
struct QuoteLayout {
    quotes: Vec<Vec<Range<usize>>>,
    /// Id of the multi-sentence quote a sentence belongs to.
    run: Vec<Option<usize>>,
    /// The sentence begins a paragraph.
    opens_paragraph: Vec<bool>,
}

fn quote_layout(text: &str, ranges: &[Range<usize>]) -> QuoteLayout {
    let mut layout = QuoteLayout { quotes: Vec::new(), run: Vec::new(), opens_paragraph: Vec::new() };
    let mut open: Option<char> = None;
    let mut run: Option<usize> = None;
    let mut runs = 0;
    let mut last_end = 0;
    for r in ranges {
        let new_paragraph = layout.quotes.is_empty() || text.get(last_end..r.start).is_some_and(|g| g.contains('\n'));
        last_end = r.end;
        if new_paragraph && open.is_some() {
            // A quote runs on into a paragraph that opens with a quote mark; else it ended.
            let reopens = text.get(r.clone()).and_then(|s| s.chars().next()).and_then(closing_mark).is_some();
            open = None;
            if !reopens {
                run = None;
            }
        } else if open.is_none() {
            run = None;
        }
        let (quotes, still_open) = scan_quotes(text, r.clone(), open);
        let continues = run.is_some();
        if still_open.is_some() && run.is_none() {
            run = Some(runs);
            runs += 1;
        }
        let closes_earlier = !continues && quotes.first().is_some_and(|q| q.start == r.start) && {
            let first = text.get(r.clone()).and_then(|s| s.chars().next());
            first.is_some_and(|c| closing_mark(c).is_none())
        };
        layout.run.push(if continues || still_open.is_some() || closes_earlier { run } else { None });
        layout.quotes.push(quotes);
        layout.opens_paragraph.push(new_paragraph);
        open = still_open;
    }
    layout
}

/// A speaker as the discourse remembers it.
#[derive(Debug, Clone)]
struct Entity {
    name: String,
    person: bool,
    plural: bool,
}

#[derive(Default)]
struct Memo {
    speaker: Option<Entity>,
    /// The subject of the main clause, when it is a person or a group.
    subject: Option<Entity>,
    /// People mentioned outside quotes, in order.
    people: Vec<String>,
    /// The speaker was found in the sentence itself (not carried over from a quote).
    own: bool,
    /// Words outside quotes, lowercase ("said in a statement").
    words: Vec<String>,
}

/// Attributes each sentence `ranges` of `text` (in text order).
pub fn attribute_all(text: &str, ranges: &[Range<usize>], lang: Lang) -> Vec<Attribution> {
    let sentence_tokens: Vec<Vec<Token<'_>>> = ranges.iter().map(|r| tokens(text, r.clone())).collect();
    let people = People::collect(text, &sentence_tokens, lang);
    let layout = quote_layout(text, ranges);
    let mut genders: FastMap<String, Gender> = people.genders.clone();
    let mut memos: Vec<Memo> = Vec::with_capacity(ranges.len());
    let mut out = Vec::with_capacity(ranges.len());
    for (i, (r, toks)) in ranges.iter().zip(sentence_tokens).enumerate() {
        let quotes = &layout.quotes[i];
        let sentence = Sentence::new(text, toks, quotes, lang, &people);
        let inside = |at: usize| quotes.iter().any(|q| q.contains(&at));
        let mut memo = Memo {
            people: people.within(r.clone()).iter().filter(|(at, _)| !inside(*at)).map(|(_, n)| n.clone()).collect(),
            ..Memo::default()
        };
        memo.words = sentence.toks.iter().filter(|t| !inside(t.start)).map(|t| t.lower.to_string()).collect();
        let source = sentence.source();
        let reported = source.is_some();
        let subject = sentence.main_subject();
        // The speaker first: "He ignored her, she said" must not make the last speaker a "he".
        let speaker = source.as_ref().and_then(|s| resolve(s, subject.as_ref(), &memos, &mut genders, lang));
        memo.subject = subject.as_ref().and_then(|s| resolve(s, None, &memos, &mut genders, lang));
        memo.own = speaker.is_some();
        memo.speaker = speaker;
        if memo.speaker.is_none() && quoted_share(quotes, r) >= QUOTED && layout.run[i].is_none() {
            // A quote alone continues the speaker before it: in its paragraph, or the last
            // speaker of the paragraph before when it opens a new one.
            // A report whose speaker is not found takes no one's voice ("…, she said" after a man).
            // Nor a quote with words of its own outside ("« … », titrait la presse").
            let alone = !reported && memo.words.is_empty();
            memo.speaker = memos.last().and_then(|m| if alone { voice(m) } else { m.speaker.clone() });
        }
        out.push(Attribution { speaker: None, quotes: quotes.clone(), reported });
        memos.push(memo);
    }
    // A quote over several sentences has one speaker, named before, inside or after it.
    let mut run_speaker: FastMap<usize, Entity> = FastMap::default();
    for (i, memo) in memos.iter().enumerate() {
        if let (Some(run), Some(s), true) = (layout.run[i], &memo.speaker, memo.own) {
            run_speaker.entry(run).or_insert_with(|| s.clone());
        }
    }
    // A quote that opens its sentence and names no one continues the speaker just before it.
    for i in 1..memos.len() {
        let Some(run) = layout.run[i] else { continue };
        let opens_run = layout.run[i - 1] != Some(run);
        let opens_sentence = layout.quotes[i].first().is_some_and(|q| q.start == ranges[i].start);
        if opens_run && opens_sentence && !run_speaker.contains_key(&run) {
            if let Some(s) = voice(&memos[i - 1]) {
                run_speaker.insert(run, s);
            }
        }
    }
    for (i, memo) in memos.iter_mut().enumerate() {
        if memo.speaker.is_none() {
            if let Some(s) = layout.run[i].and_then(|run| run_speaker.get(&run)) {
                memo.speaker = Some(s.clone());
            }
        }
    }
    for (a, memo) in out.iter_mut().zip(&memos) {
        a.speaker = memo.speaker.as_ref().map(|e| e.name.clone());
    }
    out
}

/// Whose words a quote standing alone after sentence `m` gives: its speaker, else the person
/// it is about ("X ne cache pas son inquiétude. « … »").
fn voice(m: &Memo) -> Option<Entity> {
    m.speaker.clone().or_else(|| m.subject.clone().filter(|e| e.person && !e.plural))
}

fn quoted_share(quotes: &[Range<usize>], r: &Range<usize>) -> f32 {
    let quoted: usize = quotes.iter().map(|q| q.end.min(r.end).saturating_sub(q.start.max(r.start))).sum();
    quoted as f32 / r.len().max(1) as f32
}

/// The entity a source stands for, given the sentences before (`memos`) and this one's.
fn resolve(
    source: &Source,
    subject: Option<&Source>,
    memos: &[Memo],
    genders: &mut FastMap<String, Gender>,
    lang: Lang,
) -> Option<Entity> {
    match source {
        Source::Name { text, person, gender } => {
            if let (Some(g), true) = (gender, person) {
                genders.entry(text.clone()).or_insert(*g);
            }
            Some(Entity { name: text.clone(), person: *person, plural: false })
        }
        Source::Phrase { text, plural, gender, owner } => {
            if let Some(issuer) = issuer(text, memos, lang) {
                return Some(issuer);
            }
            // "son conseiller" → "conseiller d'Edmund Stoiber", "his lawyer" → "X's lawyer".
            let owner = owner.and_then(|o| antecedent(o.gender, o.plural, memos, genders, false));
            let text = match owner {
                Some(o) => owned(text, &o.name, lang),
                None => text.clone(),
            };
            // A phrase whose gender is told ("la fille de X", "a spokeswoman") is a person.
            if let (Some(g), false) = (gender, plural) {
                genders.entry(text.clone()).or_insert(*g);
            }
            Some(Entity { name: text, person: gender.is_some() && !plural, plural: *plural })
        }
        Source::Pronoun { gender, plural, .. } => {
            // French "elle"/"il" stand for things too ("l'AG … Elle appelle"): a pronoun right
            // after a thing that spoke is that thing, named by no one here.
            let found = antecedent(*gender, *plural, memos, genders, lang == Lang::Fr)?;
            if let (Some(g), false) = (gender, plural) {
                genders.entry(found.name.clone()).or_insert(*g);
            }
            Some(found)
        }
        // "Et d'ajouter": the speaker before, else the person the sentence before was about.
        Source::Previous => {
            memos.last().and_then(|m| m.speaker.clone().or_else(|| m.subject.clone().filter(|e| e.person)))
        }
        Source::Latter { gender } => {
            let mut named = memos.iter().rev().take(2).flat_map(|m| m.people.iter().rev());
            let fits = |n: &&String| gender.is_none_or(|g| genders.get(*n).is_none_or(|known| *known == g));
            named.find(fits).map(|n| Entity { name: n.clone(), person: true, plural: false })
        }
        Source::OneOf { article } => {
            let group = memos
                .iter()
                .rev()
                .take(PRONOUN_REACH)
                .flat_map(|m| m.speaker.iter().chain(m.subject.iter()))
                .find(|e| e.plural)?;
            Some(Entity { name: one_of(&group.name, article, lang), person: true, plural: false })
        }
        Source::MainSubject => match subject {
            Some(Source::MainSubject) | None => None,
            Some(s) => resolve(s, None, memos, genders, lang),
        },
    }
}

/// "the statement", "le communiqué": whoever issued it, when a sentence shortly before has
/// them speak in one ("X said in a statement").
fn issuer(text: &str, memos: &[Memo], lang: Lang) -> Option<Entity> {
    let (articles, documents) = super::lang::frames(lang).issued;
    let lower = text.to_lowercase();
    let noun = articles
        .iter()
        .find_map(|a| lower.strip_prefix(a).map(|rest| rest.trim_start()).filter(|rest| documents.contains(rest)))?;
    let memo = memos.iter().rev().take(PRONOUN_REACH).find(|m| m.words.iter().any(|w| w == noun))?;
    memo.speaker.clone().filter(|_| memo.own)
}

/// One of a group, as the article would name one: "les supporters de l'OM" → "un supporter de
/// l'OM" (the words before the complement lose their plural).
fn one_of(group: &str, article: &str, lang: Lang) -> String {
    let f = super::lang::frames(lang);
    let words: Vec<&str> = group.split(' ').collect();
    // "de", "d'Orléans": a complement, elided or not.
    let complement = |w: &&str| f.complements.iter().any(|c| w == c || (c.ends_with('\'') && w.starts_with(c)));
    let complement = words.iter().position(complement).unwrap_or(words.len());
    let mut out = vec![article.to_string()];
    for (i, w) in words.iter().enumerate() {
        if i == 0 && f.group_determiners.contains(&w.to_lowercase().as_str()) {
            continue;
        }
        let singular = match w.strip_suffix('s').or_else(|| w.strip_suffix('x')) {
            Some(stem) if i < complement && stem.chars().count() > 2 && !stem.ends_with('s') => stem,
            _ => w,
        };
        out.push(singular.to_string());
    }
    out.join(" ")
}

/// The last speaker or subject, else the last person named, that a pronoun of this gender
/// and number can stand for.
fn antecedent(
    gender: Option<Gender>,
    plural: bool,
    memos: &[Memo],
    genders: &FastMap<String, Gender>,
    things_speak: bool,
) -> Option<Entity> {
    let fits = |e: &Entity| {
        if plural {
            return e.plural;
        }
        e.person && !e.plural && gender.is_none_or(|g| genders.get(&e.name).is_none_or(|known| *known == g))
    };
    let person = |name: &String| Entity { name: name.clone(), person: true, plural: false };
    // A name that spoke ("Bernard affirme") is someone a pronoun can stand for.
    let speaker = |e: &Entity| Entity { person: e.person || (!e.plural && !e.name.contains(' ')), ..e.clone() };
    // The sentence's own names come after its report's pronoun, or are what it is about.
    for memo in memos.iter().rev().take(PRONOUN_REACH) {
        // The thing must be the sentence's subject too, not a source after "selon".
        let thing_spoke = memo.speaker.as_ref().is_some_and(|e| {
            !e.person && !e.plural && e.name.contains(' ') && memo.subject.as_ref().is_some_and(|s| s.name == e.name)
        });
        if things_speak && !plural && thing_spoke {
            return None;
        }
        let candidates = memo.speaker.iter().map(speaker).chain(memo.subject.iter().cloned());
        let named = memo.people.iter().map(person);
        if let Some(e) = candidates.chain(named).find(|e| fits(e)) {
            return Some(e);
        }
    }
    None
}

/// Speaker of each sentence of `text` (sentences as in [`super::sentences::split`]).
pub fn speakers(text: &str, lang: Lang) -> Vec<(Range<usize>, Option<String>)> {
    let ranges = super::sentences::split(text, lang);
    let attributions = attribute_all(text, &ranges, lang);
    ranges.into_iter().zip(attributions).map(|(r, a)| (r, a.speaker)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn last_speaker(text: &str, lang: Lang) -> Option<String> {
        speakers(text, lang).pop().and_then(|(_, s)| s)
    }

    #[test]
    fn pronoun_resolves_to_previous_person() {
        let t = "Mark Zuckerberg, CEO of Meta, presented the plan.\n\nZuckerberg emphasized infrastructure.\n\n\
                 “Heavily investing in capital will be a long-term strategic asset,” he mentioned.";
        assert_eq!(last_speaker(t, Lang::En).as_deref(), Some("Mark Zuckerberg"));
    }

    #[test]
    fn inversion_and_according_to() {
        assert_eq!(last_speaker("\"We will win,\" said Jane Smith.", Lang::En).as_deref(), Some("Jane Smith"));
        assert_eq!(last_speaker("Prices rose 3%, according to Eurostat.", Lang::En).as_deref(), Some("Eurostat"));
        assert_eq!(
            last_speaker("« Nous irons plus loin », a déclaré Emmanuel Macron.", Lang::Fr).as_deref(),
            Some("Emmanuel Macron")
        );
        assert_eq!(last_speaker("Le chômage a baissé, selon l'Insee.", Lang::Fr).as_deref(), Some("Insee"));
        assert_eq!(last_speaker("The sky is blue.", Lang::En), None);
    }

    #[test]
    fn quotes_of_all_kinds() {
        let t = "He said \"yes\" and “no” and « peut-être ».";
        let q: Vec<&str> = quotes(t, 0..t.len()).into_iter().map(|r| &t[r]).collect();
        assert_eq!(q, vec!["\"yes\"", "“no”", "« peut-être »"]);
    }
}
