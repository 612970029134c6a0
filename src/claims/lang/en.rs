//! English cue table.

use super::{Cues, StatementCues};

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
