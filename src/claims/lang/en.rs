//! English cue table.

use super::{ArticleCues, Cues, StatementCues};

pub static CUES: Cues = Cues {
    reporting: &[
        "said", "says", "say", "told", "tells", "stated", "states", "announced", "announces", "added",
        "explained", "claimed", "claims", "argued", "argues", "noted", "notes", "reported", "reports",
        "mentioned", "mentions", "emphasized", "emphasised", "stressed", "insisted", "warned", "warns",
        "wrote", "writes", "declared", "confirmed", "confirms", "acknowledged", "admitted", "indicated",
        "estimated", "estimates", "predicted", "revealed", "disclosed", "asserted", "maintained",
        "according to", "testified", "tweeted", "posted", "recalled", "observed", "pointed out",
        "went on", "continued", "replied", "responded", "suggested", "believes", "believed",
    ],
    prediction: &[
        "will", "won't", "would", "shall", "going to", "plans", "plan to", "plans to", "planned",
        "planning", "intends", "intend to", "intends to", "expects", "expected", "expect", "forecast",
        "forecasts", "projected", "projecting", "projects to", "projection", "aims to", "aim to",
        "set to", "is to", "are to", "due to be", "next year", "next month", "next week", "by 2030",
        "promises", "promise to", "anticipates", "predicts", "target", "targets", "outlook", "future",
        "upcoming", "likely", "could", "might", "may", "soon", "pledged", "pledges", "vowed", "vows",
        "budgeted", "scheduled",
    ],
    causal: &[
        "because", "because of", "due to", "caused", "causes", "cause", "led to", "leads to",
        "lead to", "result of", "as a result", "resulted", "results in", "therefore", "thus",
        "consequently", "thanks to", "owing to", "so that", "driven by", "fueled by", "fuelled by",
        "since", "hence", "affected by", "blamed", "responsible for", "linked to", "contributed",
        "triggered", "boosted", "hurt", "raised", "reduced", "increased", "decreased", "cut",
    ],
    negation: &[
        "not", "no", "never", "n't", "don't", "didn't", "doesn't", "isn't", "wasn't", "aren't",
        "weren't", "won't", "can't", "cannot", "nobody", "none", "nothing", "neither", "nor",
        "haven't", "hasn't", "hadn't", "without",
    ],
    comparative: &[
        "more", "less", "fewer", "than", "higher", "lower", "larger", "smaller", "bigger", "greater",
        "better", "worse", "faster", "slower", "cheaper", "increase", "increased", "decrease",
        "decreased", "rise", "rose", "risen", "fell", "fall", "fallen", "doubled", "tripled", "halved",
        "grew", "growth", "declined", "decline", "compared", "compared to", "compared with", "up from",
        "down from", "twice", "times", "over", "under", "above", "below", "exceed", "exceeded",
    ],
    superlative: &[
        "most", "least", "best", "worst", "largest", "biggest", "highest", "lowest", "smallest",
        "first", "only", "record", "greatest", "fastest", "longest", "leading", "top", "ever",
    ],
    number_words: &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
        "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million",
        "millions", "billion", "billions", "trillion", "trillions", "dozen", "dozens", "half",
        "third", "quarter", "percent", "per cent", "double", "triple",
    ],
    percent_words: &["percent", "per cent", "percentage", "percentage points", "%"],
    money_words: &[
        "dollar", "dollars", "euro", "euros", "pound", "pounds", "$", "€", "£", "¥", "usd", "eur",
        "budget", "cost", "costs", "spend", "spending", "spent", "tax", "taxes", "revenue", "deficit",
        "debt", "paid", "pay", "price", "prices",
    ],
    months: &[
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec",
    ],
    time_words: &[
        "yesterday", "today", "tomorrow", "last year", "this year", "next year", "last month",
        "this month", "last week", "ago", "since", "decade", "years", "quarter", "annual", "annually",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ],
    abbreviations: &[
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "gov", "sen", "rep", "col",
        "lt", "sgt", "capt", "cmdr", "adm", "pres", "rev", "hon", "messrs", "inc", "ltd", "co",
        "corp", "bros", "vs", "etc", "e.g", "i.e", "cf", "al", "approx", "dept", "est", "fig", "no",
        "nos", "vol", "ed", "eds", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "ph.d", "b.a", "m.a", "d.c",
        "ave", "blvd", "rd", "mln", "bn", "m", "mme", "mlle", "mgr", "me",
    ],
    person_pronouns: &["he", "she"],
    not_names: &[
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
        "i", "you", "his", "her", "their", "our", "my", "your", "in", "on", "at", "for", "from", "to",
        "by", "with", "as", "of", "and", "but", "or", "so", "if", "when", "while", "after", "before",
        "since", "despite", "although", "though", "however", "meanwhile", "yet", "also", "there",
        "here", "what", "why", "how", "who", "which", "where", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "mr", "mrs", "ms",
        "dr", "ceo", "president", "minister", "chief", "executive", "according", "faced", "toward",
        "towards", "attentive", "whether", "such", "some", "many", "most", "all", "both", "each",
        "no", "not", "now", "then", "today", "yesterday", "tomorrow", "last", "next", "one", "two",
        "ai", "is", "are", "was", "were", "will", "would", "can", "could", "do", "does", "did",
        "frequently", "asked", "questions", "global", "chinese", "american", "french", "european",
        "british", "english", "democrats", "republicans", "congress", "senate",
    ],
    titles: &[
        "mr", "mrs", "ms", "dr", "prof", "president", "senator", "sen", "governor", "gov", "minister",
        "secretary", "ceo", "chairman", "chairwoman", "chair", "director", "spokesman",
        "spokeswoman", "spokesperson", "judge", "mayor", "general", "gen", "representative", "rep",
        "chancellor", "prime", "analyst", "economist", "founder", "professor", "king", "queen",
    ],
    first_person: &["i", "we", "my", "our", "me", "us", "i'm", "i've", "we're", "we've"],
    opinion: &[
        "think", "believe", "feel", "hope", "wish", "want", "should", "must", "need", "let's",
        "thank", "thanks", "welcome", "congratulate", "love", "glad", "happy", "proud", "agree",
        "disagree", "opinion", "seems", "perhaps", "maybe", "great", "wonderful", "terrible",
    ],
    question_words: &["why", "how", "what", "who", "when", "where", "which", "is", "are", "do", "does", "did", "can", "should", "will"],
    hedges: &["likely", "could", "might", "may", "perhaps", "possibly", "probably", "seems", "appears"],
};

// Form of a statement (tense, person, function words): topic-independent model features.
pub static STATEMENT: StatementCues = StatementCues {
    past_forms: &[
        "was", "were", "had", "did", "took", "made", "went", "got", "gave", "came", "paid", "lost",
        "won", "built", "put", "left", "sold", "bought", "spent", "brought", "grew", "fell", "rose",
        "began", "became", "kept", "ran", "sent", "set", "wrote", "said", "told", "knew", "saw",
        "found", "held", "led", "met", "stood", "thought", "understood", "hit", "shut", "let",
        "sent", "chose", "drove", "broke", "stole", "cut", "beat", "fought", "taught", "caught",
    ],
    past_suffixes: &["ed"],
    past_exceptions: &[
        "need", "needed", "indeed", "feed", "speed", "seed", "proceed", "succeed", "exceed",
        "hundred", "hundreds", "united", "red", "bed", "shed", "embed", "breed", "greed", "weed",
        "deed", "tweed", "interested", "concerned", "supposed", "used", "based", "called",
        "so-called", "related", "involved", "advanced", "detailed", "limited", "talented",
        "dedicated", "prepared", "scared", "tired", "worried", "excited", "married", "qualified",
    ],
    auxiliaries: &["has", "have", "had", "having", "i've", "we've", "they've", "you've"],
    participle_suffixes: &["ed", "en", "wn", "ne", "ht", "ld", "nt", "un", "ung", "ost", "ade", "aid", "one"],
    second_person: &["you", "your", "yours", "yourself", "you're", "you've"],
    conditional: &["if", "unless", "suppose", "imagine", "whether"],
    record: &[
        "first time", "for the first time", "never before", "ever", "record", "all-time",
        "in history", "in the history", "unprecedented", "historic",
    ],
    call_to_action: &[
        "subscribe", "sign", "click", "follow", "share", "read", "download", "register", "log",
        "join", "watch", "listen", "tap", "learn", "visit", "contact", "email", "save", "get",
        "try", "discover", "explore", "support", "donate", "like", "comment",
    ],
    publisher: &["us", "our"],
};

// Article furniture and the other senses of cue words: key-claim ranking only.
pub static ARTICLE: ArticleCues = ArticleCues {
    other_senses: &[
        "at least", "at most", "not only", "first of all", "at first", "first lady", "leading to",
        "leading up to", "since",
    ],
    caption_marks: &[
        ", left,", ", right,", ", center,", ", centre,", ", center-left,", ", center-right,", "(left)",
        "(right)", "(center)", "from left",
    ],
};

// ---- Attribution frames (claims::attribution): who says a sentence. ----

use super::{Frames, Gender, VerbForm};

pub static FRAMES: Frames = Frames {
    verbs: &[
        "say: say said says saying", "tell: tell told tells telling", "write: write wrote writes writing written",
        "forecast: forecast forecasts forecasting", "speak out: speak out spoke out speaks out speaking out",
        "pay tribute: pay tribute paid tribute pays tribute paying tribute", "state: stated",
        "add", "deny", "urge", "promise", "pledge", "allege", "testify", "announce",
        "explain", "claim", "argue", "note", "report", "mention", "emphasize", "emphasise", "stress",
        "insist", "warn", "declare", "confirm", "acknowledge", "admit", "indicate", "estimate",
        "predict", "reveal", "disclose", "assert", "maintain", "tweet", "recall", "observe", "reply",
        "respond", "suggest", "believe", "ask", "call", "condemn", "criticize", "criticise", "decry",
        "assail", "describe", "object", "complain", "exclaim", "vow", "hope", "contend",
        "concede", "accuse", "praise", "dismiss", "recommend", "propose", "demand", "counter",
        "caution", "plead", "recount", "inform", "comment", "remark", "lament", "boast", "joke",
        "sigh", "shout", "whisper", "quip", "dispute", "reject", "repeat", "reiterate", "confide",
        "protest", "appeal", "implore", "exhort", "blame", "express", "point out", "quote",
        "threaten", "applaud", "hail", "conclude", "advise", "assure",
        "denounce", "extol", "play down", "call for", "speak of", "rule that", "rule in favor",
        "rule against", "rule out", "agree that",
        "retort", "muse", "mutter", "scoff", "marvel", "clarify", "elaborate", "reaffirm", "confess",
        "rebut", "grumble", "brag", "tout", "concur", "speculate", "affirm", "attest", "expect",
        "fear", "worry", "wonder", "reckon", "underline",
    ],
    inflect: inflect_verb,
    source_first: &["according to"],
    source_first_links: &[],
    bare_sources: &[
        "sources", "people", "officials", "witnesses", "diplomats", "analysts", "residents", "investigators",
        "economists", "experts", "critics", "traders", "investors", "lawmakers", "scientists", "researchers",
        "doctors", "prosecutors", "police",
    ],
    fused_articles: (&[], &[]),
    opinion_first: &[],
    not_sources: &[
        "tradition", "law", "rules", "custom", "plan", "schedule", "legend", "rule", "regulations", "contract",
        "code", "bylaws", "terms",
    ],
    between: &[
        "has", "have", "had", "also", "would", "will", "did", "does", "do", "not", "n't", "then",
        "later", "again", "further", "previously", "repeatedly", "once", "still", "recently",
        "earlier", "publicly", "privately", "reportedly", "quickly", "flatly", "firmly", "strongly",
        "immediately", "angrily", "didn't", "don't", "doesn't", "won't", "wouldn't", "hasn't", "haven't", "hadn't", "never", "simply", "only", "yet", "already", "subsequently", "separately",
        "similarly", "likewise", "also", "today", "yesterday", "tonight", "last week", "this week",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "on monday", "on tuesday", "on wednesday", "on thursday", "on friday", "on saturday",
        "on sunday", "however", "meanwhile", "too",
    ],
    auxiliaries: &["has", "have", "had"],
    passive: &["was", "were", "been", "is", "are", "be", "being", "get", "got"],
    agent: &["by"],
    quoted_as: &[("quoted", "as saying"), ("quoted", "as telling"), ("quoted", "as stating")],
    determiners: &["a", "an", "the", "his", "her", "their", "its", "our", "these", "those", "this", "that", "another", "some", "one"],
    speech_nouns: &["announcement", "statement", "statements", "testimony", "remarks", "words", "account", "accounts", "comments"],
    possessives: &[
        ("his", Some(Gender::Male), false), ("her", Some(Gender::Female), false), ("their", None, true),
        ("its", None, false), ("our", None, true),
    ],
    person_suffixes: &[],
    person_nouns: &[],
    gendered_articles: &[],
    demonstratives: &[("this", None)],
    copulas: &["is", "was", "are", "were", "remains", "remained"],
    one_of_them: &[],
    latter: &[],
    latter_phrases: &["the latter"],
    adverb_suffixes: &["ly"],
    pronouns: &[("he", Some(Gender::Male), false), ("she", Some(Gender::Female), false), ("they", None, true)],
    object_pronouns: &[("him", Some(Gender::Male), false), ("her", Some(Gender::Female), false), ("them", None, true)],
    nobody: &["one", "nobody", "nothing", "none", "anyone", "everyone", "someone", "it", "there"],
    noun_markers: &[
        "other", "many", "several", "some", "few", "recent", "new", "earlier", "previous", "such",
        "no", "press", "news", "media", "numerous", "various", "conflicting", "unconfirmed",
        "initial", "first", "latest", "all", "both", "two", "three", "these", "those",
    ],
    other_senses: &[("call", "off"), ("note", "down")],
    clause_only: (&["maintain", "worry", "wonder"], &["that", "whether", "if", "what", "how", "why"]),
    pronominal: &[],
    pronominal_only: &[],
    object_acts: &[],
    infinitive_after: &[],
    relay_verbs: &["read", "reads", "reading", "cited", "cites", "quoted", "quotes", "relayed"],
    quantifiers: &["several", "many", "some", "few", "other", "all", "both", "numerous", "various", "most", "two", "three", "four", "five"],
    negations: &[
        "not", "never", "didn't", "don't", "doesn't", "won't", "wouldn't", "hasn't", "haven't",
        "hadn't", "neither", "nor", "cannot", "can't", "couldn't", "refused", "declined",
    ],
    subordinators: &[
        "when", "while", "after", "before", "since", "because", "if", "although", "though", "as",
        "until", "unless", "whereas", "once", "whether",
    ],
    narration_verbs: &[
        "gave", "made", "took", "went", "came", "saw", "got", "put", "set", "held", "began", "kept",
        "left", "led", "met", "ran", "sent", "sat", "stood", "won", "lost", "paid", "brought",
        "bought", "thought", "found", "felt", "knew", "became", "broke", "chose", "drew", "fell",
        "flew", "grew", "hid", "hit", "let", "rose", "shot", "shut", "spent", "struck", "swore",
        "taught", "threw", "wore", "may", "might", "can", "could", "should", "must", "shall",
    ],
    adjectival: &[
        "alleged", "accused", "reported", "estimated", "confirmed", "admitted", "declared",
        "promised", "noted", "stated", "announced", "suspected", "expected", "feared", "claimed",
        "described", "called", "charged", "believed",
    ],
    inverting: &["said", "says", "say", "added", "asked", "wrote", "continued", "explained", "replied"],
    clause_words: &[
        "that", "which", "who", "whom", "whose", "when", "while", "as", "because", "if", "although",
        "though", "after", "before", "since", "until", "where", "whether", "but", "so", "than",
        "where", "whereas", "once", "unless", "saying", "it", "there", "what", "how", "why",
    ],
    relatives: &["who", "which", "that"],
    person_relatives: &["who"],
    impersonal: None,
    issued: (&["the"], &["statement", "letter", "release", "communique", "memo", "filing"]),
    records: (
        &[
            "records", "documents", "filings", "statistics", "data", "study", "studies", "report", "survey", "poll",
            "analysis", "audit", "review", "census", "researchers", "scientists",
        ],
        &["show", "shows", "showed", "indicate", "indicated", "found", "finds", "concluded", "concludes"],
    ),
    coordinators: &["and", "but", "or"],
    prepositions: &[
        "of", "at", "for", "from", "with", "in", "on", "by", "to", "about", "into", "near", "under",
        "over", "against", "after", "before", "during", "without", "including", "toward", "towards",
        "between", "among", "like", "outside", "inside", "across", "through", "behind", "beyond", "upon",
    ],
    place_prepositions: &["in", "at", "near", "into", "outside", "across", "toward", "towards", "around"],
    phrase_prepositions: &["of", "for"],
    near_words: &["close", "closest", "familiar"],
    place_phrases: &[],
    roles: &[
        "minister", "secretary", "president", "vice", "prime", "attorney", "general", "director",
        "deputy", "chief", "spokesman", "spokeswoman", "spokesperson", "ambassador", "senator", "sen",
        "gov", "governor", "rep", "representative", "mayor", "judge", "cardinal", "rev", "reverend",
        "bishop", "archbishop", "pope", "coach", "chairman", "chairwoman", "ceo", "commissioner",
        "inspector", "detective", "officer", "sgt", "lt", "col", "capt", "gen", "adm", "dr", "mr",
        "mrs", "ms", "miss", "prof", "professor", "king", "queen", "prince", "princess", "sheriff",
        "counsel", "agent", "speaker", "leader", "sir", "lord", "lady", "dame", "father", "sister",
        "brother", "executive", "head",
    ],
    offices: &[
        "foreign", "state", "affairs", "defense", "defence", "interior", "finance", "treasury",
        "health", "education", "labor", "labour", "commerce", "trade", "energy", "homeland",
        "security", "national", "council", "department", "house", "majority", "minority",
        "democratic", "republican", "democrat", "u.s", "justice", "federal", "white",
    ],
    male_words: &[
        "mr", "sir", "spokesman", "chairman", "businessman", "congressman", "councilman", "brother",
        "husband", "father", "son", "grandfather", "uncle", "nephew", "king", "prince", "duke",
        "lord", "boy", "man", "mister", "cardinal", "pope", "bishop", "archbishop", "rev",
    ],
    female_words: &[
        "mrs", "ms", "miss", "madam", "lady", "dame", "spokeswoman", "chairwoman", "businesswoman",
        "congresswoman", "councilwoman", "sister", "wife", "mother", "daughter", "grandmother",
        "aunt", "niece", "queen", "princess", "duchess", "girl", "woman", "actress", "widow",
    ],
    adverbial_starts: &[
        "in", "on", "at", "after", "before", "during", "since", "meanwhile", "however", "but", "and",
        "last", "earlier", "later", "then", "also", "still", "yet", "while", "although", "though",
        "when", "if", "as", "despite", "contrary", "for", "by", "with", "without", "under", "from",
        "among", "asked", "speaking", "saying", "instead", "now", "today", "yesterday", "so", "still",
    ],
    topic_phrases: &["as for"],
    bodies: &[],
    record_links: &["from", "by"],
    beneficiaries: &[],
    count_verbs: (&[], &[]),
    attaching_participle: "ing",
    articles: &["the", "a", "an"],
    definite_articles: &["the"],
    name_connectors: &["van", "von", "der", "den", "da", "di", "del", "bin", "al", "ben", "of"],
    org_words: &[
        "inc", "corp", "corporation", "group", "company", "co", "ltd", "llc", "bank", "university",
        "ministry", "party", "times", "news", "post", "journal", "agency", "association", "council",
        "commission", "institute", "foundation", "fund", "house", "states", "united", "kingdom", "union",
        "nations", "republic", "court", "department", "office", "street", "city", "county", "airlines",
        "motors", "technologies", "labs", "capital", "partners", "holdings", "international", "national",
        "federal", "reserve", "senate", "congress", "parliament", "assembly", "police", "army", "force",
        "valley", "east", "west", "north", "south", "new", "world", "daily", "center", "centre",
        "hospital", "airport", "church", "cathedral", "school", "college", "service", "services",
        "communications", "network", "television", "radio", "press", "herald", "tribune", "spectator",
        "library", "laboratory", "museum", "avenue", "road", "island", "islands", "state", "province",
        "communist", "bureau", "administration", "authority", "board", "committee", "organization",
        "organisation", "federation",
    ],
    complements: &["of"],
    role_articles: &[],
    be_forms: &[],
    reflexives: &[],
    infinitive_negations: &[],
    euphonic: "",
    gerund: "",
    one_of: ("", &[], "", ""),
    latter_ending: "",
    group_determiners: &[],
    number_starts: (&[], &[]),
    singular_nt: &[],
    plural_verb_endings: &[],
    singular_endings: (&[], &[]),
    past_endings: &[],
    collective_nouns: &["people", "police", "staff", "children", "men", "women", "personnel", "crew"],
    never_nouns: &["says", "tells", "adds", "writes"],
    participle_objects: &["that", "to", "by", "he", "she", "they", "it"],
    complementizer: &["that"],
    clause_openers: &["that", "he", "she", "they", "it", "we", "i"],
};

/// Forms of a regular English verb ("urge" → "urges", "urged", "urging"); a phrasal verb
/// ("point out") inflects its first word. Spellings that double the final consonant are given
/// both ways ("admitted" and "admited"): a form that is never written costs nothing.
fn inflect_verb(base: &str) -> Vec<(String, VerbForm)> {
    let (verb, rest) = base.split_once(' ').map_or((base, ""), |(v, r)| (v, r));
    let tail = if rest.is_empty() { String::new() } else { format!(" {rest}") };
    let mut out = vec![(base.to_string(), VerbForm::Finite)];
    let mut push = |w: String, form| out.push((format!("{w}{tail}"), form));
    let last = verb.chars().last().unwrap_or(' ');
    let before_last = verb.chars().rev().nth(1).unwrap_or(' ');
    let vowel = |c: char| "aeiou".contains(c);
    if let Some(stem) = verb.strip_suffix('y').filter(|_| !vowel(before_last)) {
        push(format!("{stem}ies"), VerbForm::Finite);
        push(format!("{stem}ied"), VerbForm::Finite);
        push(format!("{verb}ing"), VerbForm::Participle);
    } else if let Some(stem) = verb.strip_suffix('e') {
        push(format!("{verb}s"), VerbForm::Finite);
        push(format!("{verb}d"), VerbForm::Finite);
        push(format!("{stem}ing"), VerbForm::Participle);
    } else {
        let sibilant = ["s", "sh", "ch", "x", "z", "o"].iter().any(|s| verb.ends_with(s));
        push(format!("{verb}{}", if sibilant { "es" } else { "s" }), VerbForm::Finite);
        push(format!("{verb}ed"), VerbForm::Finite);
        push(format!("{verb}ing"), VerbForm::Participle);
        if !vowel(last) && !"wxy".contains(last) && vowel(before_last) {
            push(format!("{verb}{last}ed"), VerbForm::Finite);
            push(format!("{verb}{last}ing"), VerbForm::Participle);
        }
    }
    out
}
