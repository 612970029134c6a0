//! Per-language word tables. Every entry is written lowercase and without accents (tokens are
//! normalized the same way); a multi-word entry lists its words separated by single spaces.
//! A new language is a new `Table`, not new logic.

#[rustfmt::skip] // word tables: one line per group reads better
pub mod en;
#[rustfmt::skip]
pub mod fr;

use crate::lang::Lang;

/// Calendar units for durations and relative dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    /// Two weeks.
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A part of a period named before it: "early 2024", "mid-May", "the end of the week".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Start,
    Mid,
    End,
    /// "earlier this week": from the period's start to now.
    Earlier,
    /// "later this year": from now to the period's end.
    Later,
}

pub struct Table {
    /// Cardinal words with their values (units, teens, tens).
    pub number_words: &'static [(&'static str, u32)],
    /// "hundred" / "cent".
    pub hundred_words: &'static [&'static str],
    /// Full scale words: "thousand", "million", "milliard"…
    pub scale_words: &'static [(&'static str, f64)],
    /// Scale abbreviations taken after a number even with a space ("bn", "Md").
    pub scale_abbrevs: &'static [(&'static str, f64)],
    /// Scale letters taken only when glued to a money amount ("£1.2m", "$300k").
    pub scale_letters: &'static [(&'static str, f64)],
    /// Joins number words: "one hundred and five", "vingt et un".
    pub number_joiners: &'static [&'static str],
    /// Words standing for "one" before a scale: "a million", "un million".
    pub one_words: &'static [&'static str],
    /// "and a half" after a number.
    pub and_a_half: &'static [&'static str],
    /// "three days from now", "two weeks later".
    pub later_after: &'static [&'static str],
    /// Fraction denominators: "third" → 3, "quarts" → 4.
    pub fraction_words: &'static [(&'static str, u32)],
    /// Words after a fraction word that make it a cup round: "huitièmes de finale", "quarter-finals".
    pub fraction_not_before: &'static [&'static str],
    /// Ratio words between two numbers: "1 over 3", "un sur trois".
    pub ratio_words: &'static [&'static str],
    /// Ratio words after a counted noun: "un Français sur trois".
    pub ratio_after_noun: &'static [&'static str],
    /// After a temperature, "below zero": the value is negative.
    pub below_zero: &'static [&'static str],
    /// Plurals without a final "s" ("people"), and the plural words after "2m" that keep it metres.
    pub irregular_plurals: &'static [&'static str],
    pub metre_context: &'static [&'static str],
    /// Sign words before a number: "minus", "negative".
    pub minus_words: &'static [&'static str],
    /// Decimal point said in words: "point", "virgule".
    pub decimal_words: &'static [&'static str],
    /// Plural magnitudes for approximate amounts: "hundreds" → 100, "dizaines" → 10.
    pub magnitudes: &'static [(&'static str, f64)],
    /// "of", "de", "d".
    pub of_words: &'static [&'static str],
    /// Currency names after (or before) an amount → ISO 4217 code.
    pub currency_words: &'static [(&'static str, &'static str)],
    pub percent_words: &'static [&'static str],
    pub point_words: &'static [&'static str],
    /// Measurement units → symbol.
    pub unit_words: &'static [(&'static str, &'static str)],
    /// Modifier phrases before an amount → modifier name.
    pub modifiers: &'static [(&'static str, &'static str)],
    /// Modifier phrases after an amount ("or more", "au moins" is before).
    pub post_modifiers: &'static [(&'static str, &'static str)],
    /// Range frames: ("between", "and"), ("from", "to").
    pub range_pairs: &'static [(&'static str, &'static str)],
    /// Infix words of a bare range: "10 to 20 %", "5 à 10".
    pub range_infix: &'static [&'static str],
    pub months: &'static [(&'static str, u32)],
    /// Month names that are also common words: taken only next to a day, a year or a cue.
    pub ambiguous_months: &'static [&'static str],
    pub weekdays: &'static [(&'static str, u32)],
    /// "Tuesdays", "les lundis": every such weekday.
    pub weekday_plurals: &'static [(&'static str, u32)],
    /// Articles before a lone weekday that, in a present-tense clause, make it every such day
    /// ("les magasins ouvrent le dimanche").
    pub habitual_weekday_articles: &'static [&'static str],
    /// "today" 0, "yesterday" -1…
    pub day_words: &'static [(&'static str, i64)],
    pub time_units: &'static [(&'static str, TimeUnit)],
    /// Before a unit: "last week", "next month", "this year".
    pub last_before: &'static [&'static str],
    pub next_before: &'static [&'static str],
    pub this_before: &'static [&'static str],
    /// Before a weekday: the nearest one ahead ("this coming Friday") or behind ("this past Monday").
    pub nearest_next_before: &'static [&'static str],
    pub nearest_last_before: &'static [&'static str],
    /// After a unit: "la semaine dernière", "le mois prochain", "ce mois-ci".
    pub last_after: &'static [&'static str],
    pub next_after: &'static [&'static str],
    pub this_after: &'static [&'static str],
    /// Articles before a unit in "la semaine dernière".
    pub unit_articles: &'static [&'static str],
    /// Parts of the day → TIMEX code: "morning" → "MO".
    pub day_parts: &'static [(&'static str, &'static str)],
    /// Fixed phrases for a part of a day relative to today: "tonight", "last night", "ce soir".
    pub day_part_phrases: &'static [(&'static str, (i64, &'static str))],
    /// Recurrence words: "every", "each", "chaque", "tous les".
    pub every_words: &'static [&'static str],
    /// Frequency words (lowercase only) → ISO period: "weekly" → "P1W", "hebdomadaire".
    pub frequency_words: &'static [(&'static str, &'static str)],
    /// Holidays on a fixed day → (month, day); "easter" is computed.
    pub holidays: &'static [(&'static str, (u32, u32))],
    /// Easter's name.
    pub easter_words: &'static [&'static str],
    /// "weekend".
    pub weekend_words: &'static [&'static str],
    /// "century", "siècle".
    pub century_words: &'static [&'static str],
    /// "three days ago"; "il y a trois jours".
    pub ago_after: &'static [&'static str],
    pub ago_before: &'static [&'static str],
    /// "in three days", "dans trois jours".
    pub later_before: &'static [&'static str],
    /// "for three years", "pendant trois ans", "over the past decade".
    pub duration_before: &'static [&'static str],
    /// Words glued after a unit that make it an adjective of length: "day-long".
    pub length_suffixes: &'static [&'static str],
    /// "the past three years", "the last decade".
    pub past_words: &'static [&'static str],
    /// Words after which a past word is a verb with its length ("expected to last two weeks").
    pub past_word_verb_leads: &'static [&'static str],
    /// Articles in "over the past", "the year".
    pub the_words: &'static [&'static str],
    /// Words before "the year" that make it the current one: "over the year".
    pub current_cues: &'static [&'static str],
    pub ordinals: &'static [(&'static str, u32)],
    pub quarter_words: &'static [&'static str],
    pub half_words: &'static [&'static str],
    pub fiscal_words: &'static [&'static str],
    /// "for the full year", "over the whole year": the current one.
    pub whole_period_words: &'static [&'static str],
    /// "the year before", "l'année suivante": a unit counted from the story's period, by the
    /// word after it (clause-final) or before it ("the following year").
    pub story_unit_after: &'static [(&'static str, i64)],
    pub story_unit_before: &'static [(&'static str, i64)],
    /// Season → first month.
    pub seasons: &'static [(&'static str, u32)],
    /// "les années 1990".
    pub decade_before: &'static [&'static str],
    /// Decades in words: "the nineties" → 90.
    pub decade_words: &'static [(&'static str, u32)],
    /// Meals and other phrases naming a time of day → TIMEX code: "lunchtime" → "MEL", "en
    /// soirée" → "EV"; alone only when `alone`.
    pub meal_times: &'static [(&'static str, (&'static str, bool))],
    /// Words that make a unit a whole duration: "all day", "toute la journée".
    pub whole_words: &'static [&'static str],
    /// Phrases naming a part of the period after them: "early", "the end of", "mi", "fin".
    pub period_edges: &'static [(&'static str, Edge)],
    /// Words before such a phrase: "the", "at the", "à la", "d'ici la".
    pub edge_leads: &'static [&'static str],
    /// Words linking a date and a time: "at", "à".
    pub time_links: &'static [&'static str],
    /// The present moment: "now", "right now", "maintenant".
    pub now_words: &'static [&'static str],
    /// From now on: "désormais" names the reference day (the day the change is reported), not
    /// an open present.
    pub from_now_words: &'static [&'static str],
    /// The time to come, with no date: "the future" (TIMEX3 FUTURE_REF).
    pub future_words: &'static [&'static str],
    /// Word taken into a date span before a day number: "le".
    pub day_articles: &'static [&'static str],
    /// Hour words: "h", "heures", "o'clock".
    pub hour_words: &'static [&'static str],
    pub noon_words: &'static [(&'static str, u32)],
    /// Words before a noon word that make an idiom of it: "high noon".
    pub noon_idioms: &'static [&'static str],
    /// Street words around house numbers.
    pub street_words: &'static [&'static str],
    /// Words before a year: "in 2025", "since 2020".
    pub year_preps: &'static [&'static str],
    /// Function words and verbs that cannot be a counted noun.
    pub stop_words: &'static [&'static str],
    /// "results", "earnings": a period before them is completed.
    pub results_words: &'static [&'static str],
    /// "ended", "ending": a period then the day it ends ("the quarter ended Sept. 30").
    pub period_end_links: &'static [&'static str],
    /// "years old" → age.
    pub age_words: &'static [&'static str],
    /// Words before "N years" that make it an age: "aged", "a dix ans", "âgé de".
    pub age_before: &'static [&'static str],
    /// Range bound words: "to", "until", "au", "à".
    pub interval_to: &'static [&'static str],
    pub interval_from: &'static [&'static str],
    /// Words (one each) that make a bare number an age in years: "aged 35", "ages 5 to 11".
    pub age_explicit: &'static [&'static str],
    /// Words before "N years" that make it a time ago, not an age: "il y a".
    pub age_not_before: &'static [&'static str],
    /// "N-year-old": an age written as one adjective ("year old" after the hyphen).
    pub age_adjectives: &'static [(&'static str, &'static str)],
    /// Words before a number of degrees that make it an angle: "rotate", "tourner".
    pub angle_cues: &'static [&'static str],
    /// Sign words taken only before a temperature: "moins 3 degrés".
    pub temperature_minus: &'static [&'static str],
    /// Currency words that are also weights ("pounds", "livres") and the words that make them weights.
    pub weight_currency_words: &'static [&'static str],
    pub weight_cues: &'static [&'static str],
    /// Capitalized words after which a number is still a figure ("About 500").
    pub not_names: &'static [&'static str],
    /// Decimal separator is a comma (and dot/space group thousands).
    pub decimal_comma: bool,
    /// Day before month in numeric dates (18/02/2025).
    pub day_first: bool,
    // --- Figures in news: counted nouns, units by context ---
    /// Adjectives written before a counted noun that would otherwise stop it ("133 other people",
    /// "vingt nouveaux commissaires").
    pub noun_adjectives: &'static [&'static str],
    /// Adjectives used as nouns for people: "1,700 injured", "the 12 dead".
    pub people_adjectives: &'static [&'static str],
    /// Plain "points": percentage points only with these words near ("rate", "taux"), else points.
    pub bare_points: &'static [&'static str],
    pub rate_cues: &'static [&'static str],
    /// Verbs of change before "from X to Y" ("rose", "passé"), and the range openers they turn
    /// into a change of two values ("from", "de").
    pub change_verbs: &'static [&'static str],
    pub change_opens: &'static [&'static str],
    /// Rates: "per", "a" ("$1.90 a litre", "par mois") before a unit of `rate_units` (→ the
    /// unit shown); after an article ("12 euros le kilo") only the units of `article_rate_units`.
    pub per_words: &'static [&'static str],
    pub rate_units: &'static [(&'static str, &'static str)],
    pub per_articles: &'static [&'static str],
    pub article_rate_units: &'static [(&'static str, &'static str)],
    /// Words after the unit that make it a time, not a rate: "$5 a year ago", "la nuit dernière".
    pub rate_not_before: &'static [&'static str],
    /// Endings of nouns in "s" that are singular: "gas", "virus", "crisis".
    pub singular_endings: &'static [&'static str],
    /// Approximate counts after "une": "une quinzaine de", "une centaine de" → value.
    pub approximate_counts: &'static [(&'static str, f64)],
    /// Franc abbreviations, matched in capitals after an amount: "5.000 F", "12 MF" → scale.
    pub franc_symbols: &'static [(&'static str, f64)],
    // ---- dates: tense of the clause and news-reading words (dates/tense.rs) ----
    /// Words that put a clause in the future ("will", "sera") or the past ("was", "hier").
    pub future_cues: &'static [&'static str],
    /// Words of intent that point ahead only before their link ("plans to", "planned for");
    /// a noun or an adjective otherwise ("vacation plans", "a hastily planned trip").
    pub intent_cues: &'static [(&'static str, &'static [&'static str])],
    /// Words that, between a past-tense verb and a date shortly after the reference, hand the
    /// date to something else: an infinitive ("decided to admit … in March"), a purpose ("set a
    /// hearing for March 6"), an object ("announced the talks on Feb. 27"). With none of them
    /// the verb dates itself ("She returned in March": last March). Empty: no such reading.
    pub verb_date_breaks: &'static [&'static str],
    pub past_cues: &'static [&'static str],
    /// Reporting verbs of an attribution after a comma ("…, officials said"): the report's tense,
    /// not that of the clause before it.
    pub attribution_verbs: &'static [&'static str],
    /// Verb endings of the future ("-era") and the past ("-ed"), on words of 5 letters or more.
    pub future_suffixes: &'static [&'static str],
    pub past_suffixes: &'static [&'static str],
    /// Holidays on a weekday: (month, first possible day, weekday 1 = Monday), e.g.
    /// Thanksgiving → (11, 22, 4); and holidays a number of days from Easter (Pentecôte → 49).
    pub weekday_holidays: &'static [(&'static str, (u32, u32, u32))],
    pub easter_offsets: &'static [(&'static str, i64)],
    /// Days and periods that point back to the article's last named day: "the next morning"
    /// → (+1, "MO"), "la veille" → (-1, ""); "that year" → its year.
    pub anaphora_days: &'static [(&'static str, (i64, &'static str))],
    /// A moment pointing back: "à ce moment-là" is the last clock time the article gave on a
    /// day ("vers 15 h 30, hier"), else its last named day.
    pub anaphora_moments: &'static [&'static str],
    pub anaphora_periods: &'static [(&'static str, TimeUnit)],
    /// Last words of such a phrase that may open a clause instead ("the day before
    /// authorities issued a warrant"): then the phrase names the clause's day, not a shift.
    pub anaphora_conjunctions: &'static [&'static str],
    /// Articles between a duration word and a plural unit: "depuis des années".
    pub vague_articles: &'static [&'static str],
    /// Deadline words right before a date that point to the future: "until", "jusqu'au".
    pub future_leads: &'static [&'static str],
    /// Words after which a past participle is passive, not past: "will be published".
    pub passive_auxiliaries: &'static [&'static str],
    /// Words with such an ending that are no verb: "hundred", "opera".
    pub tense_suffix_exceptions: &'static [&'static str],
    /// Compound past read from its auxiliary (French): forms of "avoir" and "être" that make a
    /// past tense only before a past participle ("a annoncé", "est arrivé"); otherwise the
    /// clause is in the present ("ont rendez-vous", "sont incertains").
    pub have_auxiliaries: &'static [&'static str],
    pub be_auxiliaries: &'static [&'static str],
    /// Auxiliaries of a perfect ("has risen", "had become"): in such a clause "over the past
    /// three years" measures a length (TIMEX3 "P3Y"), not a stretch of dates.
    pub perfect_auxiliaries: &'static [&'static str],
    /// Stop words that are still participles after such an auxiliary ("has been"); other stop
    /// words after one make no perfect ("have to", "has a").
    pub perfect_stop_participles: &'static [&'static str],
    /// Pronouns before a "be" auxiliary that make a reflexive past ("s'est rendu").
    pub reflexive_pronouns: &'static [&'static str],
    /// Participles (masculine singular) whose verbs take "be" in the past ("arrivé", "mort");
    /// other participles after "be" are passive present ("est fixé").
    pub be_verbs: &'static [&'static str],
    /// Past participles without a telling ending (folded, masculine singular): "fait", "pris".
    pub participles: &'static [&'static str],
    /// Words skipped between an auxiliary and its participle: "pas", "déjà".
    pub aux_adverbs: &'static [&'static str],
    /// Present-tense verbs that point a lone weekday to the coming one ("peuvent rêver du podium
    /// dimanche", "vous invite samedi"); French news reports the past in the compound past.
    pub present_cues: &'static [&'static str],
    /// Words after which a finite verb follows (French subject pronouns, "qui"): the verb's
    /// ending gives its tense ("ils ouvrent", "qui se réunit" present; "elle préparait" past).
    pub subject_clitics: &'static [&'static str],
    /// Clitics between a subject and its verb ("ne", "n'"), skipped like `reflexive_pronouns`;
    /// after them alone the word may be an infinitive ("pour se réunir").
    pub verb_clitics: &'static [&'static str],
    /// Endings of a finite present after a clitic: "-e", "-ent", "-it"…
    pub present_endings: &'static [&'static str],
    /// Endings that make no present after a clitic: the infinitive ("-er", "-re": "ouvre" is
    /// lost with "pour se rendre"), the present participle ("-ant"), the conditional ("-rait").
    pub not_present_endings: &'static [&'static str],
    /// Endings of the imperfect after a clitic: a past tense ("préparait", "étions").
    pub imperfect_endings: &'static [&'static str],
    /// The ending of a plural present right after a plural noun ("les magasins ouvrent"),
    /// and endings of adverbs that look like it ("les élus notamment").
    pub plural_present_endings: &'static [&'static str],
    pub adverb_endings: &'static [&'static str],
    /// A day then a comma then a clock time ("jeudi 20 février, à 18 h 30, à Vesoul") are two
    /// mentions, the time falling on the day (French news writes a programme so); without
    /// the comma they stay one ("samedi à 17 h").
    pub time_apart_after_comma: bool,
    /// A word naming the time of writing after "de" and before a date it counts to: "d'ici la
    /// fin de l'année" is "ici" (the reference day), then the date.
    pub here_words: &'static [&'static str],
    /// Counts that give no number: "plusieurs jours" is PXD, not three days.
    pub unspecified_counts: &'static [&'static str],
    /// Counts that name no number after `ago_before`: "il y a quelques mois" is some months
    /// back (PXM), not the day three months back.
    pub ago_vague_counts: &'static [&'static str],
    /// Units that are also ordinals: "une seconde fois", "une seconde chance" are no duration
    /// before one of `ordinal_unit_nouns`.
    pub ordinal_units: &'static [&'static str],
    pub ordinal_unit_nouns: &'static [&'static str],
    /// Possessive determiners: "sa deuxième année" (with `the_words`, before an ordinal unit).
    pub possessives: &'static [&'static str],
    /// "par an", "par semestre": a rate's unit, a recurrence (TIMEX3 SET).
    pub recurrence_per_words: &'static [&'static str],
    /// Counts of times that need no number ("twice", "thrice") and the word after a number
    /// ("three times"), before a per word and a unit: "twice a week", "three times a day".
    pub repeat_words: &'static [&'static str],
    pub times_words: &'static [&'static str],
    /// Words between a count and its unit: "two more weeks", "three straight days".
    pub count_extras: &'static [&'static str],
    /// Words before a plural unit with no count that make a vague duration: "in recent days"
    /// (PXD), "the coming years" (PXY).
    pub vague_unit_leads: &'static [&'static str],
    /// Prepositions that make "the 12th" a day even before a word ("On the 12th he left"),
    /// where "the 25th anniversary" is none.
    pub day_preps: &'static [&'static str],
    /// Verbs whose object is a length of time: "lasted a decade", "took a few days", "spent
    /// weeks"; the duration's span leaves the verb out.
    pub duration_verbs: &'static [&'static str],
    /// Words after a count and unit that count from the story's last event, not from the
    /// reference: "deux jours plus tard" is two days after the last day named; "une heure plus
    /// tard" an hour after what was just told (a duration, PT1H). Words not in `later_after`
    /// count only before no word ("trois jours après,").
    pub anaphoric_later: &'static [&'static str],
    /// A person's age after a noun: "un chauffeur de 38 ans", "une Britannique de 15 ans".
    /// `age_links` joins the noun to the years (`age_years`); nouns of `duration_heads` make a
    /// duration instead ("une peine de 2 ans", "plus de vingt ans").
    pub age_links: &'static [&'static str],
    pub age_years: &'static [&'static str],
    pub duration_heads: &'static [&'static str],
    /// Nouns that are a duration by themselves: "un demi-siècle" (P50Y), "quinquennat" (P5Y).
    pub duration_nouns: &'static [(&'static str, &'static str)],
    /// Adverbs for an unnamed past or future: "auparavant" (PAST_REF), "à l'avenir" (FUTURE_REF).
    pub ref_adverbs: &'static [(&'static str, &'static str)],
    /// Adjectives that place a thing in the present, future or past (TIMEX3 PRESENT_REF…): before
    /// a noun ("l'actuel directeur", "le futur chancelier") and after one ("le recensement précédent").
    pub ref_adjectives_before: &'static [(&'static str, &'static str)],
    pub ref_adjectives_after: &'static [(&'static str, &'static str)],
    /// Plural determiners before "past" and a plural unit with no count: "ces derniers mois"
    /// is some recent months (PXM), not last month.
    pub recent_determiners: &'static [&'static str],
}

pub fn table(lang: Lang) -> &'static Table {
    match lang {
        Lang::En => &en::TABLE,
        Lang::Fr => &fr::TABLE,
    }
}

/// Currency symbols and codes, the same in every language.
pub const CURRENCY_SYMBOLS: &[(&str, &str)] = &[
    ("us $", "USD"),
    ("us$", "USD"),
    ("c $", "CAD"),
    ("ca $", "CAD"),
    ("a $", "AUD"),
    ("au $", "AUD"),
    ("aud $", "AUD"),
    ("nz $", "NZD"),
    ("nzd $", "NZD"),
    ("mxn $", "MXN"),
    ("hkd $", "HKD"),
    ("cad $", "CAD"),
    ("hk $", "HKD"),
    ("mex $", "MXN"),
    ("$ ca", "CAD"),
    ("$ can", "CAD"),
    ("$ c", "CAD"),
    ("$ hk", "HKD"),
    ("$ us", "USD"),
    ("$ au", "AUD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("jpy", "JPY"),
    ("cny", "CNY"),
    ("rmb", "CNY"),
    ("inr", "INR"),
    ("cad", "CAD"),
    ("aud", "AUD"),
    ("chf", "CHF"),
    ("nzd", "NZD"),
    ("hkd", "HKD"),
    ("mxn", "MXN"),
    ("brl", "BRL"),
    ("krw", "KRW"),
    ("sek", "SEK"),
    ("元", "CNY"),
    ("₡", "CRC"),
    ("₾", "GEL"),
    ("₭", "LAK"),
    ("₿", "BTC"),
    ("btc", "BTC"),
    ("₺", "TRY"),
    ("₱", "PHP"),
    ("₪", "ILS"),
    ("₦", "NGN"),
    ("zar", "ZAR"),
    ("try", "TRY"),
    ("nok", "NOK"),
    ("dkk", "DKK"),
    ("rs", "INR"),
    ("fcfa", "XOF"),
    ("cfa", "XOF"),
    // Wire-service style: "dlrs 2 million".
    ("dlrs", "USD"),
    ("dlr", "USD"),
];
