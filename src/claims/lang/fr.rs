//! French cue table.

use super::{ArticleCues, Cues, StatementCues};

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
        // Not "que": it opens every reported clause ("a souligné que …"); "plus … que" is found by "plus".
        "plus", "moins", "autant", "davantage", "supérieur", "supérieure", "inférieur", "inférieure",
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
    hedges: &["pourrait", "pourraient", "probablement", "peut-être", "semble", "sembler", "éventuellement"],
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

// Légendes de photos et autres sens des mots-indices : classement des affirmations seulement.
pub static ARTICLE: ArticleCues = ArticleCues {
    other_senses: &[
        "au moins", "premier ministre", "première ministre", "premier secrétaire", "premier adjoint",
        "de plus", "en plus", "plus tôt", "plus tard",
    ],
    caption_marks: &[", à gauche,", ", à droite,", ", au centre,", "(à gauche)", "(à droite)", "de gauche à droite"],
};

// ---- Attribution frames (claims::attribution): who says a sentence. ----

use super::{Frames, Gender, VerbForm};

pub static FRAMES: Frames = Frames {
    verbs: &[
        "dire: dit disent disait disaient dirent disant", "écrire: écrit écrivent écrivait écrivaient écrivit écrivant",
        "reconnaître: reconnaît reconnait reconnaissent reconnaissait reconnaissaient reconnu reconnue reconnut reconnaissant",
        "admettre: admet admettent admettait admis admise admit admettant",
        "promettre: promet promettent promettait promis promise promit promettant",
        "défendre: défend défendent défendait défendaient défendu défendue défendit défendant",
        "répondre: répond répondent répondait répondaient répondu répondit répondant",
        "faire savoir: fait savoir faisait savoir font savoir",
        "démentir: démentir dément démentent démentait démenti démentie démentit démentant",
        "poursuivre: poursuit poursuivent poursuivait poursuivi poursuivit poursuivant",
        "requérir: requiert requérait requis",
        "exclure: exclut excluait exclu exclue",
        "conclure: conclut concluait conclu conclue concluant",
        "prévenir: prévient préviennent prévenait prévenu prévint",
        "soutenir: soutient soutiennent soutenait soutenu soutint soutenant",
        "maintenir: maintient maintenait maintenu maintint",
        "avertir: avertit avertissent avertissait averti avertie avertissant",
        "réagir: réagit réagissent réagissait réagi",
        "interdire: interdit",
        "contredire: contredit contredite contredits contredites",
        "décrire: décrit décrivait",
        "se plaindre: plaint plaignait plaignent",
        "déclarer", "affirmer", "estimer", "indiquer", "expliquer", "annoncer", "ajouter", "souligner",
        "préciser", "assurer", "confirmer", "rappeler", "insister", "marteler", "confier", "lancer",
        "juger", "mentionner", "raconter", "observer", "noter", "dénoncer", "soupirer", "insurger",
        "accuser", "nier", "exhorter", "demander", "réclamer", "saluer", "souhaiter", "regretter",
        "déplorer", "critiquer", "protester", "répliquer", "rétorquer", "détailler",
        "témoigner", "avouer", "confesser", "plaider", "exclamer", "inquiéter", "étonner",
        "commenter", "résumer", "évoquer", "proposer", "espérer", "considérer", "qualifier", "lâcher",
        "ironiser", "tonner", "fustiger", "emporter", "indigner", "relever", "signaler",
        "informer", "enchaîner", "justifier", "contester", "réfuter", "répéter",
        "réitérer", "interroger", "certifier", "prôner", "annoncer", "avancer", "constater",
        "s'exclamer", "appeler", "exiger", "jurer", "clamer", "déclamer", "murmurer",
        "crier", "s'écrier", "écrier", "raconter", "résumer", "tempêter", "s'alarmer", "alarmer",
        "interpeller", "tacler", "fulminer", "râler", "lamenter", "impatienter", "grogner", "titrer",
        "déclarer",
        "se réjouir: réjouit réjouissent réjouissait réjouissaient réjoui réjouie réjouis",
        "reprendre: reprend reprennent reprenait reprenaient repris reprise reprit",
        "mettre en garde: met mettent mettait mis mise",
        "prédire: prédit prédisent prédisait prédisaient prédisant",
        "craindre: craint craignent craignait craignaient craignant",
        "se souvenir: souvient souviennent souvenait souvenaient souvenu souvenant",
        "convenir: convient conviennent convenait convenu convint",
        "renchérir: renchérit renchérissent renchérissait renchéri renchérissant",
        "garantir: garantit garantissent garantissait garanti garantissant",
        "trancher", "nuancer", "tempérer", "s'agacer", "agacer", "plaisanter",
        "suggérer", "recommander", "reprocher", "révéler", "dévoiler", "concéder", "objecter",
        "abonder", "asséner", "railler", "s'offusquer", "offusquer", "s'enthousiasmer",
        "enthousiasmer", "féliciter", "vanter", "tweeter", "rassurer", "s'esclaffer", "esclaffer",
        "souffler", "glisser", "analyser", "compléter", "pester", "grincer", "désoler", "s'amuser",
        "sourire: sourit sourient souriait souriaient sourit souri souriant",
        "réaffirmer", "rapporter", "relater", "riposter", "continuer", "remarquer", "alerter",
        "redouter", "hurler", "chuchoter", "relativiser", "questionner", "revendiquer", "préconiser",
        "proclamer", "penser", "montrer", "prononcer", "exprimer", "engager",
        "prévoir: prévoit prévoient prévoyait prévoyaient prévu prévoyant",
        "croire: croit croient croyait croyaient cru croyant",
        "faire valoir: fait valoir font valoir faisait valoir",
        "faire part: fait part font part faisait part", "faire état: fait état font état faisait état",
        "faire remarquer: fait remarquer font remarquer faisait remarquer",
        "laisser entendre: laisse entendre laissent entendre laissait entendre",
        "compter", "dénombrer",
    ],
    inflect: inflect_verb,
    source_first: &["selon", "d'après", "appris auprès", "apprend auprès", "apprend-on auprès", "a-t-on appris de", "apprend-on de", "à en croire", "a en croire"],
    source_first_links: &["de", "d'"],
    bare_sources: &["source", "sources"],
    fused_articles: (&["auprès"], &[("du", "le ", "l'"), ("des", "les ", "les ")]),
    opinion_first: &["pour"],
    not_sources: &[
        "tradition", "loi", "règle", "règles", "usage", "coutume", "calendrier", "programme", "plan",
        "principe", "moi", "toute", "tout", "informations", "information", "règlement", "statuts",
        "code", "contrat", "convention", "cahier", "fois", "heure", "instant", "moment", "tour",
        "saison", "année", "semaine", "mois",
    ],
    between: &[
        "a", "ont", "avait", "avaient", "aurait", "auraient", "avoir", "est", "sont", "était",
        "étaient", "s'", "se", "n'", "ne", "pas", "plus", "aussi", "également", "encore", "déjà",
        "ensuite", "alors", "d'ailleurs", "lui", "leur", "y", "en", "bien", "toujours", "jamais",
        "même", "d'autre part", "pour sa part", "de son côté", "hier", "aujourd'hui", "enfin",
        "aussitôt", "finalement", "immédiatement", "vivement", "publiquement", "pourtant", "donc",
        "ainsi", "par ailleurs", "notamment", "d'abord", "cependant", "quant à lui", "quant à elle",
        "elle-même", "lui-même", "en outre", "de plus", "dès lors", "désormais", "maintenant",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier soir",
        "vous", "nous", "l'", "m'", "t'", "me", "te", "fini par", "tenu à", "voulu",
    ],
    auxiliaries: &["a", "ont", "avait", "avaient", "aurait", "auraient", "est", "sont", "était", "étaient", "avoir"],
    passive: &["été", "être"],
    agent: &["par"],
    quoted_as: &[],
    determiners: &[
        "le", "la", "les", "l'", "un", "une", "des", "son", "sa", "ses", "leur", "leurs", "ce",
        "cet", "cette", "ces", "notre", "nos", "votre",
    ],
    speech_nouns: &[
        "annonce", "déclaration", "déclarations", "propos", "témoignage", "témoignages", "dires", "paroles",
        "déposition", "aveux",
    ],
    possessives: &[
        ("son", None, false), ("sa", None, false), ("ses", None, false), ("leur", None, true),
        ("leurs", None, true), ("notre", None, true), ("nos", None, true), ("votre", None, true),
    ],
    person_suffixes: &[
        "eur", "euse", "rice", "ant", "ante", "ien", "ienne", "iste", "ier", "ière", "ois", "oise",
        "ais", "aise", "ard", "arde", "in", "ine", "aire",
    ],
    person_nouns: &[
        "prévenu", "prévenue", "accusé", "accusée", "victime", "témoin", "élu", "élue", "riverain",
        "riveraine", "proche", "responsable", "gendarme", "retraité", "retraitée", "salarié", "salariée",
        "parent", "élève", "usager", "usagère", "agent", "patient", "patiente", "client", "cliente",
        "adolescent", "adolescente", "supporter", "médecin", "passager", "passagère",
    ],
    gendered_articles: &[
        ("le", Gender::Male), ("un", Gender::Male), ("du", Gender::Male),
        ("la", Gender::Female), ("une", Gender::Female),
    ],
    demonstratives: &[
        ("ce", Some(Gender::Male)), ("cet", Some(Gender::Male)), ("cette", Some(Gender::Female)),
        ("celui", Some(Gender::Male)), ("celle", Some(Gender::Female)),
    ],
    copulas: &["est", "était", "sont", "étaient", "reste", "restait", "semble", "semblait", "paraît", "devient", "devenait"],
    one_of_them: &["eux", "elles"],
    latter: &["celui", "celle"],
    latter_phrases: &["ce dernier", "cette dernière"],
    adverb_suffixes: &["ment"],
    pronouns: &[
        ("il", Some(Gender::Male), false), ("elle", Some(Gender::Female), false),
        ("ils", Some(Gender::Male), true), ("elles", Some(Gender::Female), true),
    ],
    object_pronouns: &[
        ("lui", Some(Gender::Male), false), ("elle", Some(Gender::Female), false),
        ("eux", Some(Gender::Male), true), ("elles", Some(Gender::Female), true),
    ],
    nobody: &["personne", "rien", "aucun", "aucune", "nul", "on", "ce", "cela", "ça"],
    noun_markers: &[
        "autres", "autre", "plusieurs", "nombreux", "nombreuses", "certains", "certaines",
        "premières", "premiers", "dernières", "derniers", "nouvelles", "nouveaux", "nouvelle",
        "nouveau", "ces", "deux", "trois", "quelques", "toute", "toutes", "tout", "tous",
    ],
    other_senses: &[("témoigner", "de"), ("témoigner", "d'")],
    // Verbs with another common sense ("reprend un centre", "relever le seuil", "a lancé des
    // avions", "signale un hors-jeu"): a report only before a clause or a quote.
    // "souffle un riverain" after a quote; not "le vent souffle", "la porte grince".
    clause_only: (
        &[
            "soutenir", "maintenir", "reprendre", "relever", "emporter", "lancer", "signaler", "souffler",
            "glisser", "analyser", "compléter", "pester", "grincer", "sourire", "amuser", "désoler",
            "rapporter", "continuer", "questionner", "prévoir", "penser", "croire", "alerter", "hurler",
            "chuchoter", "relater", "riposter", "remarquer", "interpeller", "tacler", "grogner", "titrer",
        ],
        &["que", "qu'"],
    ),
    pronominal: &[
        "dire", "défendre", "plaindre", "insurger", "exclamer", "écrier", "alarmer", "inquiéter",
        "étonner", "réjouir", "indigner", "emporter", "féliciter", "demander", "confier",
        "interroger", "justifier", "prononcer", "exprimer", "engager", "vanter", "expliquer",
        "souvenir", "agacer", "offusquer", "enthousiasmer", "esclaffer", "désoler", "amuser",
        "rappeler", "montrer", "lamenter", "impatienter",
    ],
    pronominal_only: &["montrer", "prononcer", "exprimer", "engager"],
    object_acts: &["indiquer", "déclarer"],
    infinitive_after: &[
        "fini par", "tenu à", "empressé de", "empressé d'", "décidé de", "décidé d'", "choisi de",
        "choisi d'", "voulu", "préféré", "et de", "et d'",
    ],
    relay_verbs: &["lu", "lit", "lisait", "lue", "cité", "cite", "citait", "relayé", "reproduit"],
    quantifiers: &[
        "plusieurs", "certains", "certaines", "quelques", "nombreux", "nombreuses", "tous", "toutes",
        "deux", "trois", "quatre", "cinq",
    ],
    negations: &["ne", "n'", "pas", "jamais", "ni", "guère", "refusé", "refuse"],
    subordinators: &[
        "quand", "lorsque", "lorsqu'", "puisque", "puisqu'", "si", "comme", "tandis", "parce",
        "dès", "bien",
    ],
    narration_verbs: &[
        "fait", "faisait", "font", "pris", "prend", "mis", "met", "vu", "voit", "venait", "vient",
        "va", "doit", "devait", "peut", "pouvait", "sait", "savait", "veut", "voulait", "semble",
    ],
    adjectival: &[],
    inverting: &[],
    clause_words: &[
        "que", "qu'", "qui", "dont", "où", "quand", "lorsque", "lorsqu'", "alors", "tandis",
        "puisque", "puisqu'", "comme", "si", "car", "mais", "avant", "après", "pendant", "depuis",
        "et", "ou", "il", "elle", "ils", "elles", "on", "c'", "ce", "lors", "afin", "pour",
    ],
    relatives: &["qui"],
    person_relatives: &["qui"],
    impersonal: Some(("on", "sources")),
    issued: (&["le", "la", "l'"], &["communiqué", "lettre", "courrier", "déclaration", "texte"]),
    records: (
        &[
            "registres", "documents", "statistiques", "données", "étude", "études", "rapport", "enquête", "sondage",
            "analyse", "audit", "bilan", "chercheurs", "scientifiques",
        ],
        &[
            "montrent", "montraient", "ont montré", "indiquent", "indiquaient", "montre", "montrait", "a montré",
            "conclut", "concluait", "a conclu", "pointe", "pointent", "a pointé", "révèle", "révèlent", "a révélé",
        ],
    ),
    coordinators: &["et", "mais", "ou", "puis"],
    prepositions: &[
        "de", "du", "des", "d'", "à", "au", "aux", "chez", "pour", "avec", "sur", "par", "contre",
        "dans", "en", "vers", "sans", "sous", "entre", "parmi", "selon", "après", "avant",
        "pendant", "depuis", "devant", "derrière", "auprès",
    ],
    place_prepositions: &["à", "dans", "vers", "près", "depuis", "en"],
    phrase_prepositions: &["de", "du", "des", "d'"],
    near_words: &["proche", "proches"],
    place_phrases: &["chez", "du côté de", "du côté d'", "du côté du", "du côté des", "au sein de", "au sein du", "au sein des"],
    roles: &[
        "m", "mme", "mlle", "président", "présidente", "ministre", "premier", "première",
        "sénateur", "sénatrice", "député", "députée", "maire", "adjoint", "adjointe", "directeur",
        "directrice", "pdg", "porte-parole", "secrétaire", "général", "générale", "patron",
        "patronne", "fondateur", "fondatrice", "juge", "procureur", "substitut", "commissaire",
        "chancelier", "chancelière", "reine", "roi", "prince", "princesse", "pape", "colonel",
        "capitaine", "lieutenant", "docteur", "dr", "pr", "me", "maître", "abbé", "entraîneur",
        "avocat", "avocate", "monsieur", "madame", "mademoiselle",
    ],
    offices: &["affaires", "étrangères", "intérieur", "justice", "économie", "finances", "état", "défense"],
    male_words: &[
        "m", "monsieur", "président", "directeur", "sénateur", "fondateur", "patron", "roi",
        "prince", "fils", "père", "frère", "oncle", "neveu", "mari", "chancelier", "avocat",
        "acteur", "ancien", "député", "adjoint", "habitant", "entraîneur", "défenseur", "joueur",
    ],
    female_words: &[
        "mme", "madame", "mlle", "mademoiselle", "présidente", "directrice", "sénatrice",
        "fondatrice", "patronne", "reine", "princesse", "fille", "mère", "sœur", "tante", "nièce",
        "épouse", "femme", "veuve", "chancelière", "avocate", "actrice", "ancienne", "députée",
        "adjointe", "habitante", "souveraine", "joueuse", "bénévole",
    ],
    adverbial_starts: &[
        "à", "a", "au", "aux", "en", "dans", "après", "avant", "pendant", "depuis", "lors", "hier",
        "mais", "et", "pourtant", "cependant", "par", "pour", "avec", "sans", "sous", "malgré",
        "alors", "ainsi", "enfin", "ensuite", "quant", "devant", "dès", "face", "sur", "entre",
        "aujourd'hui", "or", "donc", "puis", "d'ailleurs", "plus", "selon", "d'après", "quand",
        "lorsque", "si", "comme", "tandis", "avertie", "averti",
    ],
    topic_phrases: &["quant à", "quant au", "quant aux"],
    record_links: &[],
    beneficiaries: &[
        "enfants", "élèves", "visiteurs", "usagers", "automobilistes", "participants", "bénéficiaires",
        "spectateurs", "voyageurs", "locataires", "propriétaires",
    ],
    count_verbs: (&["compter", "dénombrer"], &["en"]),
    attaching_participle: "",
    bodies: &["opposition", "majorité", "direction", "municipalité", "gouvernement", "association", "collectif", "intersyndicale"],
    articles: &["le", "la", "les", "l'", "un", "une"],
    definite_articles: &["le", "la", "les", "l'"],
    name_connectors: &["de", "du", "des", "la", "le"],
    org_words: &[
        "ministère", "banque", "université", "assemblée", "nationale", "sénat", "conseil", "groupe",
        "société", "france", "européenne", "parti", "tribunal", "cour", "agence", "institut", "fondation",
        "ville", "région", "république", "monde", "unies", "etats", "états", "stade", "rue", "place",
        "hôpital", "mairie", "préfecture", "fédération", "syndicat", "comité", "communauté",
    ],
    complements: &["de", "du", "des", "d'"],
    role_articles: &[
        ("le", Gender::Male), ("un", Gender::Male), ("ce", Gender::Male), ("cet", Gender::Male),
        ("la", Gender::Female), ("une", Gender::Female), ("cette", Gender::Female),
    ],
    be_forms: &["est", "sont", "était", "étaient", "sera", "seront"],
    reflexives: &["se", "s'"],
    infinitive_negations: &["ne", "n'"],
    euphonic: "t",
    gerund: "en",
    one_of: ("l'", &["un", "une"], "d'", "entre"),
    latter_ending: "ci",
    group_determiners: &["les", "des", "ces", "leurs"],
    number_starts: (
        &["des", "les", "ces", "plusieurs", "deux", "trois", "quelques"],
        &["un", "une", "le", "la", "l'", "ce", "cet", "cette"],
    ),
    singular_nt: &["dément", "ment", "consent"],
    plural_verb_endings: &["ent", "ont"],
    singular_endings: (&["ient"], &["aient", "oient"]),
    past_endings: &["u", "ue", "i", "ie", "is", "ise"],
    collective_nouns: &[],
    never_nouns: &[],
    participle_objects: &[],
    complementizer: &["que", "qu'"],
    clause_openers: &[],
};

/// Forms of a regular French verb: "-er" verbs conjugated in the present, imperfect and simple
/// past (third person), with their participles ("soupirer" → "soupire", "soupirait", "soupiré",
/// "en soupirant"); spelling changes ("lançait", "exigeait", "répète", "rappelle") are given
/// beside the plain forms.
fn inflect_verb(base: &str) -> Vec<(String, VerbForm)> {
    let (verb, rest) = base.split_once(' ').map_or((base, ""), |(v, r)| (v, r));
    let verb = verb.strip_prefix("s'").unwrap_or(verb);
    let tail = if rest.is_empty() { String::new() } else { format!(" {rest}") };
    let Some(stem) = verb.strip_suffix("er") else { return vec![(format!("{verb}{tail}"), VerbForm::Finite)] };
    let mut out = vec![(format!("{verb}{tail}"), VerbForm::Infinitive)];
    // Before "a" and "o": "lanç-", "exige-".
    let soft = if let Some(s) = stem.strip_suffix('c') {
        format!("{s}ç")
    } else if stem.ends_with('g') {
        format!("{stem}e")
    } else {
        stem.to_string()
    };
    let mut stems = vec![stem.to_string()];
    // Present forms whose last stem vowel opens: "répète", "achève", "rappelle", "jette".
    if let Some(i) = stem.rfind(['é', 'e']) {
        let (head, tail) = stem.split_at(i);
        let after = &tail[tail.chars().next().map_or(0, char::len_utf8)..];
        stems.push(format!("{head}è{after}"));
        if stem.ends_with("el") || stem.ends_with("et") {
            stems.push(format!("{stem}{}", &stem[stem.len() - 1..]));
        }
    }
    for s in &stems {
        out.push((format!("{s}e{tail}"), VerbForm::Finite));
        out.push((format!("{s}ent{tail}"), VerbForm::Finite));
    }
    for ending in ["ait", "aient", "a"] {
        out.push((format!("{soft}{ending}{tail}"), VerbForm::Finite));
    }
    out.push((format!("{stem}èrent{tail}"), VerbForm::Finite));
    for ending in ["é", "ée", "és", "ées"] {
        out.push((format!("{stem}{ending}{tail}"), VerbForm::Past));
    }
    out.push((format!("{soft}ant{tail}"), VerbForm::Participle));
    out
}
