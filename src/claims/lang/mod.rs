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
    /// Words that hedge a statement ("likely", "pourrait").
    pub hedges: &'static [&'static str],
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

/// What a sentence of an article is beyond the model's features: used by the ranking of key
/// claims only (not by the model, whose scores they leave as they are).
pub struct ArticleCues {
    /// Phrases in which a cue word does not compare, cause or predict ("at least", "Premier
    /// ministre", temporal "since"): no reason or kind is drawn from it.
    pub other_senses: &'static [&'static str],
    /// Where a person stands in a photo (", left,", "à droite"): a caption, not a claim.
    pub caption_marks: &'static [&'static str],
}

pub fn article_cues(lang: Lang) -> &'static ArticleCues {
    match lang {
        Lang::En => &en::ARTICLE,
        Lang::Fr => &fr::ARTICLE,
    }
}

// ---- Attribution frames (who says a sentence): used by `claims::attribution` only. ----

/// Grammatical gender of a person, as pronouns and titles tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
}

/// How a verb form is used: finite ("said", "a déclaré"), or a present participle ("saying",
/// "en assurant") whose subject is that of the main clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    Finite,
    Participle,
    /// A past participle that reports only after an auxiliary ("a déclaré"), not after a noun
    /// ("les faits constatés").
    Past,
    /// An infinitive: reports only after a verb that leads to it ("a fini par démentir").
    Infinitive,
}

/// A language's frames of reported speech and the words around a speaker's name.
pub struct Frames {
    /// Reporting verbs by their base form; `inflect` gives the other forms. An entry
    /// "base: form form…" lists the irregular forms itself.
    pub verbs: &'static [&'static str],
    /// The inflected forms of a regular verb.
    pub inflect: fn(&str) -> Vec<(String, VerbForm)>,
    /// Phrases whose source follows them ("according to", "selon").
    pub source_first: &'static [&'static str],
    /// Words between such a phrase and its source ("appris auprès de la préfecture").
    pub source_first_links: &'static [&'static str],
    /// Nouns that name a source without an article after such a phrase ("according to
    /// sources close to …", "de source proche du dossier").
    pub bare_sources: &'static [&'static str],
    /// Prepositions of such phrases that fuse with the source's article, and each fused article
    /// with the article the source is shown with, and that article before a vowel ("auprès du
    /// parquet" → "le parquet", "auprès des pompiers" → "les pompiers").
    pub fused_articles: (&'static [&'static str], &'static [(&'static str, &'static str, &'static str)]),
    /// Phrases opening a sentence whose person holds its quoted opinion ("Pour le maire, « … »").
    pub opinion_first: &'static [&'static str],
    /// Sources that are not speakers after such a phrase ("selon la tradition").
    pub not_sources: &'static [&'static str],
    /// Words and phrases between a subject and its verb: auxiliaries, adverbs, clitics.
    pub between: &'static [&'static str],
    /// Auxiliaries of a past tense, before a participle that reports ("a déclaré").
    pub auxiliaries: &'static [&'static str],
    /// Forms of "to be" that make a participle passive ("was announced").
    pub passive: &'static [&'static str],
    /// The agent preposition of a passive ("by", "par").
    pub agent: &'static [&'static str],
    /// "quoted … as saying": (verb, phrase after its object).
    pub quoted_as: &'static [(&'static str, &'static str)],
    /// Articles and possessives dropped before a speaker's noun phrase.
    pub determiners: &'static [&'static str],
    /// Nouns of what someone said ("statements", "propos"): "contradicted by the statements of
    /// X" is X's report.
    pub speech_nouns: &'static [&'static str],
    /// Possessive determiners, with the gender and number of their owner when they tell it:
    /// a phrase shown as a speaker names its owner instead ("his spokesman" → "X's spokesman").
    pub possessives: &'static [(&'static str, Option<Gender>, bool)],
    /// Endings of nouns of people ("-eur", "-ienne"): only such a noun's article tells a gender.
    pub person_suffixes: &'static [&'static str],
    /// Nouns of people that no ending tells ("prévenu", "victime"): their article tells a gender.
    pub person_nouns: &'static [&'static str],
    /// Singular articles that tell a gender ("la", "un"): (word, gender).
    pub gendered_articles: &'static [(&'static str, Gender)],
    /// Singular demonstratives that refer back to a person, with their gender when they tell it.
    pub demonstratives: &'static [(&'static str, Option<Gender>)],
    /// Copulas: a person's quoted words after one are theirs ("X est « ravi »").
    pub copulas: &'static [&'static str],
    /// "l'un d'eux": the pronouns of the group one of whom speaks.
    pub one_of_them: &'static [&'static str],
    /// Demonstratives that with "-ci" stand for the person named last ("celui-ci").
    pub latter: &'static [&'static str],
    /// Phrases that stand for the person named last ("ce dernier", "the latter").
    pub latter_phrases: &'static [&'static str],
    /// Endings of adverbs of manner ("-ment", "-ly"), skipped after an auxiliary ("a simplement déclaré").
    pub adverb_suffixes: &'static [&'static str],
    /// Subject pronouns: (word, gender, plural).
    pub pronouns: &'static [(&'static str, Option<Gender>, bool)],
    /// Pronouns after "according to" / "selon": (word, gender, plural).
    pub object_pronouns: &'static [(&'static str, Option<Gender>, bool)],
    /// Heads of noun phrases that are nobody ("no one", "personne").
    pub nobody: &'static [&'static str],
    /// Words before a noun, not a subject: "other reports", "plusieurs déclarations".
    pub noun_markers: &'static [&'static str],
    /// (verb, next word): a sense of a reporting verb that reports nothing ("témoigner de").
    pub other_senses: &'static [(&'static str, &'static str)],
    /// Verbs (base forms) that report only before a clause, a colon or a quote, or after a quote
    /// ("soutient que …", not "soutiennent la mesure"), and the words that open such a clause.
    pub clause_only: (&'static [&'static str], &'static [&'static str]),
    /// Verbs (base forms) that, with a noun phrase as object and no clause or quote, tell an
    /// act rather than words ("le panneau indique la sortie", "a déclaré la société en faillite").
    pub object_acts: &'static [&'static str],
    /// Verbs (base forms) that report when pronominal ("se défend", "s'insurgeait"); any
    /// other verb after "se" does not ("s'annonce difficile", "se poursuit").
    pub pronominal: &'static [&'static str],
    /// Verbs (base forms) that report only when pronominal ("se montre optimiste", not "montre
    /// une photo").
    pub pronominal_only: &'static [&'static str],
    /// Phrases after which an infinitive reports as its finite verb would ("a fini par
    /// démentir", "s'est empressé d'évoquer"); "et de" opening a sentence continues the
    /// speaker before ("Et de demander …").
    pub infinitive_after: &'static [&'static str],
    /// Verbs of reading out or quoting another's words ("read", "lu"): the subject before a
    /// colon and a quote is not its speaker.
    pub relay_verbs: &'static [&'static str],
    /// Quantifiers that open a noun phrase ("Several farmers"): capitalized, never a name.
    pub quantifiers: &'static [&'static str],
    /// Negations: a report denied ("would not comment") is no report.
    pub negations: &'static [&'static str],
    /// Subordinators: a report in a clause they open ("when X said") does not frame the sentence.
    pub subordinators: &'static [&'static str],
    /// Common verbs of narration that end a subject ("the government gave …").
    pub narration_verbs: &'static [&'static str],
    /// Participles often used as adjectives ("alleged", "accused"): verbs only before a clause.
    pub adjectival: &'static [&'static str],
    /// Verbs that put the subject after them even without a quote before ("…, said X").
    pub inverting: &'static [&'static str],
    /// Words that end a noun phrase: relatives, subordinators, conjunctions.
    pub clause_words: &'static [&'static str],
    /// Relative pronouns ("officials who said": the subject is before them).
    pub relatives: &'static [&'static str],
    /// Relative pronouns of a person or a body ("who", "qui"): a quote opening with one gives
    /// the words of the name before it ("l'Otan « qui considère … »").
    pub person_relatives: &'static [&'static str],
    /// The impersonal subject ("on") and how its report is shown when it says where it was
    /// made ("on indiquait à Bruxelles" → "sources à Bruxelles"); elsewhere it names no one.
    pub impersonal: Option<(&'static str, &'static str)>,
    /// Documents that speak for whoever issued them: "the statement said", after "X said in a
    /// statement", is X. (definite articles, document nouns)
    pub issued: (&'static [&'static str], &'static [&'static str]),
    /// Records that tell a fact as a source does: (nouns, verbs) — "state records show …"
    /// is the records' report; "the film shows" is not.
    pub records: (&'static [&'static str], &'static [&'static str]),
    /// Coordinators ("… and said": the subject is that of the first verb).
    pub coordinators: &'static [&'static str],
    /// Prepositions: a name after one is not the subject.
    pub prepositions: &'static [&'static str],
    /// Prepositions of place: a name after one is a place, not a person.
    pub place_prepositions: &'static [&'static str],
    /// Prepositions that do not end a source's phrase ("a spokesman for the utility").
    pub phrase_prepositions: &'static [&'static str],
    /// Words after which a preposition goes on with the phrase ("sources close to the talks").
    pub near_words: &'static [&'static str],
    /// Phrases of place after an impersonal report ("assure-t-on du côté de la mairie").
    pub place_phrases: &'static [&'static str],
    /// Words of a role before a name ("Minister", "spokesman").
    pub roles: &'static [&'static str],
    /// Words of an office that go with a role ("Foreign", "State" in "Secretary of State").
    pub offices: &'static [&'static str],
    /// Words before a name that tell a man or a woman.
    pub male_words: &'static [&'static str],
    pub female_words: &'static [&'static str],
    /// Words that start a fronted adverbial before the subject ("In Nairobi,", "Meanwhile,").
    pub adverbial_starts: &'static [&'static str],
    /// Phrases that front the topic a pronoun then takes up ("Quant à la maire, elle dénonce …").
    pub topic_phrases: &'static [&'static str],
    /// Heads of phrases naming a body that holds opinions ("l'opposition"): "Pour l'opposition,
    /// « … »" is its words (organisation words count too).
    pub bodies: &'static [&'static str],
    /// Words after records that name their author ("data from the agency", "a report by X").
    pub record_links: &'static [&'static str],
    /// Plural people a "Pour …" phrase is as often for as the view of ("Pour les enfants, l'entrée
    /// est gratuite"): no group view without a quote.
    pub beneficiaries: &'static [&'static str],
    /// Verbs that report a count only with the clitic after them in the frame, or in the past
    /// before a number ("la police en a compté 800"; not "la commune compte 800 habitants").
    pub count_verbs: (&'static [&'static str], &'static [&'static str]),
    /// The ending of a participle that attaches a phrase to the noun before it inside a subject
    /// ("the union representing the workers said"); empty when none.
    pub attaching_participle: &'static str,
    /// Articles ("the", "un"): a name right after one is a thing or a place ("la Bourse du
    /// Travail"); both languages' lists are read together for names.
    pub articles: &'static [&'static str],
    /// Definite articles: one opens a name inside a sentence ("Le Monde", "The Spectator").
    pub definite_articles: &'static [&'static str],
    /// Lowercase words linking the parts of a name ("Charles de Gaulle", "Ursula von der
    /// Leyen"); both languages' lists are read together.
    pub name_connectors: &'static [&'static str],
    /// Words of names of organisations and places, which make a capitalized sequence not a
    /// person ("Corp", "préfecture"); both languages' lists are read together.
    pub org_words: &'static [&'static str],
    /// Prepositions that open a noun's complement ("of", "de": "the head of …", "l'un d'eux").
    pub complements: &'static [&'static str],
    /// Articles before a role that tell the gender of the person named after it ("la maire Anne Vidal").
    pub role_articles: &'static [(&'static str, Gender)],
    /// Forms of "to be" that make a participle passive unless reflexive ("est annoncé", not
    /// "s'est défendu").
    pub be_forms: &'static [&'static str],
    /// Reflexive pronouns ("se"): a reporting verb after one is pronominal.
    pub reflexives: &'static [&'static str],
    /// Words that open an infinitive's own negation ("affirme ne pas vouloir"): not a report denied.
    pub infinitive_negations: &'static [&'static str],
    /// The word before an inverted pronoun that only sounds ("a-t-il"), and the marker of a
    /// gerund ("en assurant").
    pub euphonic: &'static str,
    pub gerund: &'static str,
    /// "l'un d'eux", "l'une d'entre elles": (article, words for one, the link after them, a word
    /// that may follow the link).
    pub one_of: (&'static str, &'static [&'static str], &'static str, &'static str),
    /// The ending of a demonstrative that stands for the person named last ("celui-ci").
    pub latter_ending: &'static str,
    /// Plural determiners dropped when one of a group is named ("les supporters" → "un supporter").
    pub group_determiners: &'static [&'static str],
    /// Words opening a plural and a singular noun phrase: a verb after it that disagrees in
    /// number has it as object, not subject ("», a lancé des avions").
    pub number_starts: (&'static [&'static str], &'static [&'static str]),
    /// Singular verb forms in "-nt" that look plural ("dément").
    pub singular_nt: &'static [&'static str],
    /// Endings of plural verb forms ("disent", "ont"); a word with one also opens a clause.
    pub plural_verb_endings: &'static [&'static str],
    /// Endings of singular forms that look plural ("prévient"), unless they end in one of the
    /// second list ("affirmaient").
    pub singular_endings: (&'static [&'static str], &'static [&'static str]),
    /// Endings of listed verb forms that are past participles ("reconnu", "admis").
    pub past_endings: &'static [&'static str],
    /// Plural nouns without a plural ending ("people", "police"): a base form may follow them.
    pub collective_nouns: &'static [&'static str],
    /// Verb forms in "-s" that are no plural nouns ("says").
    pub never_nouns: &'static [&'static str],
    /// Words after an adjectival participle that make it a verb ("alleged that", "promised to").
    pub participle_objects: &'static [&'static str],
    /// The word that opens a reported clause ("that").
    pub complementizer: &'static [&'static str],
    /// Words opening a clause after a verb in "-s" ("claims that", "calls he"): a verb, not a noun.
    pub clause_openers: &'static [&'static str],
}

pub fn frames(lang: Lang) -> &'static Frames {
    match lang {
        Lang::En => &en::FRAMES,
        Lang::Fr => &fr::FRAMES,
    }
}

/// Whether `word` (lowercase) is in the `not_names` of either language (one hashed set).
pub fn is_not_name(word: &str) -> bool {
    static SET: std::sync::OnceLock<crate::entities::WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| en::CUES.not_names.iter().chain(fr::CUES.not_names).copied().collect()).contains(word)
}
