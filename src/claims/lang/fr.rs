//! French cue table.

use super::{Cues, StatementCues};

pub static CUES: Cues = Cues {
    reporting: &[
        "a déclaré", "déclare", "déclaré", "a dit", "dit", "affirme", "a affirmé", "affirmé", "estime",
        "a estimé", "estimé", "selon", "d'après", "a indiqué", "indique", "indiqué", "a expliqué",
        "explique", "expliqué", "a annoncé", "annonce", "annoncé", "a ajouté", "ajoute", "ajouté",
        "a souligné", "souligne", "souligné", "a précisé", "précise", "précisé", "a assuré", "assure",
        "assuré", "a confirmé", "confirme", "a reconnu", "reconnaît", "a rappelé", "rappelle",
        "a averti", "avertit", "a insisté", "insiste", "a martelé", "martèle", "a confié", "confie",
        "a lancé", "lance", "a répondu", "répond", "a jugé", "juge", "a prévenu", "prévient",
        "a fait savoir", "a mentionné", "mentionne", "a écrit", "écrit", "a raconté", "raconte",
        "a observé", "observe", "a noté", "note", "a dénoncé", "dénonce", "a admis", "admet",
        "a promis", "promet", "lancé", "averti", "martelé", "confié", "répondu", "prévenu", "dénoncé",
        "reconnu", "rappelé", "insisté", "promis", "poursuit", "a poursuivi", "poursuivi",
    ],
    prediction: &[
        "va", "vont", "allons", "sera", "seront", "aura", "auront", "fera", "feront", "devrait",
        "devraient", "pourrait", "pourraient", "prévoit", "prévoient", "prévu", "prévue", "prévus",
        "prévision", "prévisions", "compte", "comptent", "entend", "entendent", "envisage",
        "envisagent", "projette", "projet", "objectif", "objectifs", "vise", "visent", "d'ici",
        "l'an prochain", "l'année prochaine", "le mois prochain", "à venir", "futur", "future",
        "promet", "s'engage", "s'attend", "anticipe", "prévoir", "planifie", "programmé",
        "dès", "bientôt", "probablement",
    ],
    causal: &[
        "parce que", "parce qu'", "car", "à cause de", "en raison de", "grâce à", "donc", "ainsi",
        "par conséquent", "entraîné", "entraîne", "provoqué", "provoque", "causé", "cause",
        "conduit à", "résultat", "en conséquence", "puisque", "dû à", "due à", "lié à", "liée à",
        "favorisé", "alimenté", "porté par", "suite à", "augmenté", "réduit", "baissé",
    ],
    negation: &[
        "ne", "n'", "pas", "jamais", "aucun", "aucune", "rien", "personne", "ni", "non", "sans",
        "guère", "plus",
    ],
    comparative: &[
        "plus", "moins", "que", "davantage", "supérieur", "supérieure", "inférieur", "inférieure",
        "meilleur", "meilleure", "pire", "hausse", "baisse", "augmentation", "diminution",
        "progression", "recul", "croissance", "doublé", "triplé", "divisé", "par rapport",
        "comparé", "contre", "fois", "au-dessus", "en dessous", "dépasse", "dépassé",
    ],
    superlative: &[
        "le plus", "la plus", "les plus", "le moins", "la moins", "les moins", "premier", "première",
        "seul", "seule", "record", "jamais", "meilleur", "pire", "principal", "principale", "leader",
    ],
    number_words: &[
        "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
        "douze", "vingt", "trente", "quarante", "cinquante", "soixante", "cent", "cents", "mille",
        "million", "millions", "milliard", "milliards", "dizaine", "dizaines", "centaine",
        "centaines", "millier", "milliers", "moitié", "tiers", "quart", "pour cent", "double",
    ],
    percent_words: &["pour cent", "pourcentage", "points de pourcentage", "%"],
    money_words: &[
        "euro", "euros", "dollar", "dollars", "livre", "livres", "€", "$", "£", "budget", "coût",
        "coûts", "dépenses", "dépense", "dépensé", "impôt", "impôts", "taxe", "chiffre d'affaires",
        "déficit", "dette", "prix", "payé", "recettes", "investissement", "investir",
    ],
    months: &[
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc",
    ],
    time_words: &[
        "hier", "aujourd'hui", "demain", "l'an dernier", "l'année dernière", "cette année",
        "l'an prochain", "le mois dernier", "la semaine dernière", "depuis", "il y a", "décennie",
        "ans", "trimestre", "annuel", "annuelle", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
        "samedi", "dimanche",
    ],
    abbreviations: &[
        "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste", "cf", "etc",
        "av", "bd", "env", "p", "pp", "vol", "n°", "no", "art", "éd", "min", "max", "c.-à-d", "ex",
        "sté", "cie", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "j.-c", "hab",
        "mr", "mrs", "ms", "u.s", "e.g", "i.e", "vs",
    ],
    person_pronouns: &["il", "elle"],
    not_names: &[
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "ce", "cet", "cette", "ces", "il",
        "elle", "ils", "elles", "on", "nous", "vous", "je", "j", "en", "dans", "sur", "pour", "par",
        "avec", "à", "au", "aux", "et", "mais", "ou", "donc", "si", "quand", "lorsque", "alors",
        "après", "avant", "depuis", "malgré", "selon", "cependant", "pourtant", "toutefois", "aussi",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier",
        "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre", "m", "mme", "président", "présidente", "ministre", "directeur",
        "directrice", "pdg", "ia", "c", "qu", "que", "qui", "quoi", "pourquoi", "comment", "où",
        "est", "sont", "a", "ont", "était", "sera", "tous", "toutes", "chaque", "plusieurs",
        "certains", "aujourd'hui", "hier", "demain", "français", "française", "européen",
        "européenne", "gouvernement", "etat", "état",
    ],
    titles: &[
        "m", "mme", "mlle", "dr", "pr", "me", "président", "présidente", "ministre", "sénateur",
        "sénatrice", "député", "députée", "maire", "directeur", "directrice", "pdg", "porte-parole",
        "secrétaire", "général", "générale", "patron", "patronne", "fondateur", "fondatrice",
        "économiste", "analyste", "professeur", "professeure", "juge", "chef", "cheffe",
    ],
    first_person: &["je", "j'", "nous", "moi", "mon", "ma", "mes", "notre", "nos"],
    opinion: &[
        "pense", "crois", "espère", "souhaite", "veux", "faut", "doit", "devons", "merci",
        "bienvenue", "félicite", "heureux", "fier", "fière", "d'accord", "avis", "semble",
        "peut-être", "formidable", "magnifique", "terrible",
    ],
    question_words: &[
        "pourquoi", "comment", "qui", "que", "quoi", "quand", "où", "quel", "quelle", "quels",
        "quelles", "est-ce", "combien",
    ],
};

// Forme d'un énoncé (temps, personne, mots-outils) : traits du modèle indépendants du sujet.
pub static STATEMENT: StatementCues = StatementCues {
    past_forms: &["fut", "furent", "était", "étaient", "avait", "avaient", "fit", "firent", "eut"],
    past_suffixes: &["ait", "aient"],
    past_exceptions: &["fait", "lait", "souhait", "attrait", "extrait", "portrait", "retrait", "trait"],
    auxiliaries: &["a", "ont", "ai", "avons", "avez", "as", "avait", "avaient", "est", "sont", "été"],
    participle_suffixes: &["é", "ée", "és", "ées", "i", "is", "ie", "ies", "u", "us", "ue", "ues", "it", "ert", "int", "uit"],
    second_person: &["vous", "votre", "vos", "tu", "ton", "ta", "tes"],
    conditional: &["si", "sauf", "supposons", "imaginez"],
    record: &[
        "première fois", "pour la première fois", "jamais vu", "record", "historique",
        "sans précédent", "inédit", "de l'histoire",
    ],
    call_to_action: &[
        "abonnez", "inscrivez", "cliquez", "suivez", "partagez",
        "lisez", "téléchargez", "découvrez", "retrouvez", "profitez", "connectez", "rejoignez",
        "soutenez", "commentez", "essayez", "écoutez", "regardez",
    ],
    publisher: &["nous", "notre", "nos"],
};
