//! The notes sites set after an article (sources, filing lines, notices of rights, calls to
//! follow or subscribe, links back) and the headings over other stories, by language.

use super::{Folded, automaton, holds_phrase};
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// Labels of the notes sites set after an article, each followed by a colon ("Quelle: dpa",
/// "Kontakt: …", "Category: News"): a short closing block opening with one is not the article's.
const CLOSING_LABELS: &[&str] = &[
    "source", "sources", "contact", "media contact", "press contact", "category", "categories", "filed under",
    "more information", "further information", "photo source", "featured image", "cover image", "release date",
    "news date", "original article", "catégorie", "catégories", "crédits",
    "quelle", "quellen", "quellenangaben", "kontakt", "pressekontakt", "medienkontakt", "ansprechpartner",
    "ansprechpartnerin", "kategorie", "kategorien", "weitere informationen", "weitere infos",
    "zusatzinformationen", "titelbild", "beitragsbild", "aufmacherbild", "bildnachweis", "bildquelle",
    "originalartikel", "tags", "tagged", "tagged with", "schlagwörter", "schlagworte", "stichworte", "themen",
    "mots-clés", "etiquetas", "aufrufe", "views", "zugriffe", "kommentare insgesamt",
    "fuente", "fuentes", "contacto", "categoría", "categorías", "fonte", "fonti", "categoria", "źródło",
    "kategoria", "bron", "categorie",
];
/// Phrases of the notices of advertising and affiliate links sites set before an article.
const DISCLOSURES: &[&str] = &[
    "affiliate link", "affiliate-link", "contains affiliate links", "this post contains references to products",
    "this post may contain affiliate", "sponsored post", "sponsored content", "advertiser disclosure",
    "article sponsorisé", "contenu sponsorisé", "publireportage", "enthält werbung", "*werbung", "(werbung)",
    "[werbung]", "werbung:", "unbezahlte werbung", "anzeige,", "- anzeige -", "in kooperation mit",
    "in freundlicher zusammenarbeit mit", "affiliate-links", "contenido patrocinado", "publirreportaje",
];
/// A notice of advertising before an article is no longer than this.
const DISCLOSURE_MAX_CHARS: usize = 300;

/// Headings and labels opening the boxes sites set after an article, as whole texts (an author's
/// box, comments, tags, sharing, a call for support): with only short blocks after them, they
/// and those blocks go.
const SECTION_LABELS: &[&str] = &[
    "written by", "posted by", "about the author", "about the authors", "the author", "author", "authors",
    "comments", "responses", "discussion", "tags", "share", "share this", "share this article", "share this post",
    "while you are here", "while you're here", "before you go",
    "à propos de l'auteur", "l'auteur", "commentaires", "mots-clés", "partager", "partager cet article",
    "geschrieben von", "verfasst von", "über den autor", "über die autorin", "über die autoren", "zum autor",
    "zur autorin", "zur person", "autor", "autorin", "autoren", "kommentare", "diskussion", "schlagwörter",
    "schlagworte", "stichworte", "tags zum artikel", "teilen", "artikel teilen", "beitrag teilen",
    "diesen artikel teilen", "diesen beitrag teilen", "sobre el autor", "el autor", "comentarios", "etiquetas",
    "compartir", "sull'autore", "commenti", "o autorze", "komentarze", "udostępnij",
];
/// Labels of the readers' comments, which may go with a count ("36 Comments").
const COUNTED_LABELS: &[&str] = &[
    "comments", "responses", "replies", "commentaires", "réactions", "kommentare", "antworten", "reaktionen",
    "comentarios", "respuestas", "commenti", "komentarze", "comentários", "reacties",
];
/// Openings of the notes on an article's filing, publication and comment form, whatever follows
/// ("This entry was posted in …", "Erstellt am … und abgelegt unter …", "No Response so far").
const CLOSING_OPENINGS: &[&str] = &[
    "this entry was posted", "this entry was filed", "posted in", "filed under", "no responses", "no response so far",
    "no comments yet", "leave a reply", "comments are closed", "you must be logged in", "this site uses akismet",
    "suggested citation", "bookmark the permalink", "comment rss",
    "aucun commentaire", "laisser un commentaire", "les commentaires sont fermés",
    "erstellt am", "abgelegt unter", "der beitrag wurde am", "dieser beitrag wurde am", "dieser eintrag wurde",
    "veröffentlicht von", "geschrieben von", "keine kommentare", "noch keine kommentare", "kommentar schreiben",
    "schreibe einen kommentar", "hinterlasse einen kommentar", "kommentare sind geschlossen",
    "du musst eingeloggt sein", "sie müssen angemeldet sein", "sie sind aktuell nicht eingeloggt",
    "diese website verwendet akismet", "zitiervorschlag", "zitierweise",
    "deja un comentario", "para comentar debes", "sin comentarios", "lascia un commento", "deixe um comentário",
];
/// Phrases of the notices and calls closing an article, anywhere in a short closing block:
/// rights and licences, disclaimers and disclosures, calls to follow, subscribe, join or write.
const CLOSING_PHRASES: &[&str] = &[
    "all rights reserved", "copyrighted property", "without permission", "written permission", "reprint",
    "not responsible for the opinions", "opinions expressed", "affiliate link", "creative commons", "cc-by",
    "cc by-", "paid links", "follow us", "follow the ", "subscribe", "sign up", "newsletter", "more information is available at", "for more information visit", "for more information, visit",
    "privacy policy", "terms of use", "let us know in the comments",
    "mentions légales", "dans les commentaires", "aviso legal", "hágase miembro", "apóyanos", "for the latest news", "for the latest stories", "download our app", "download the app", "support our work", "support us", "become a member",
    "letter to the editor", "if you enjoyed", "reprinted with permission", "send us a message", "email us at", "write to us",
    "tous droits réservés", "reproduction interdite", "abonnez-vous", "suivez-nous", "inscrivez-vous",
    "alle rechte vorbehalten", "nachdruck", "ohne genehmigung", "ohne gewähr", "haftungsausschluss",
    "meinung des autors", "meinung der autorin", "nicht notwendigerweise", "affiliate", "provisionslink",
    "werbelink", "enthält werbung", "unter der lizenz", "sofern nicht anders", "abonnieren", "abonniere",
    "folgen sie uns", "folge uns", "weitere infos unter", "weitere informationen unter", "weitere informationen gibt es unter",
    "mehr infos unter", "mehr informationen unter", "in freundlicher kooperation", "provision erhält", "provision erhalten", "impressum", "datenschutzerklärung",
    "in den kommentaren:", "schreibt es in die kommentare", "hinterlasse einfach einen kommentar", "unsere app", "lade dir die app", "laden sie die app", "jetzt spenden", "werden sie mitglied", "werde mitglied",
    "unterstützen sie uns", "unterstütze uns", "schreiben sie uns", "schreib uns", "gefällt dir unser",
    "hat dir der artikel gefallen", "hat ihnen der artikel gefallen", "jetzt anmelden", "jetzt registrieren",
    "todos los derechos reservados", "suscríbete", "síguenos", "únete", "hazte miembro", "escríbenos",
    "puede escribirnos", "canal de telegram", "canal de youtube", "tutti i diritti riservati", "seguici",
    "iscriviti", "wszelkie prawa zastrzeżone", "prawa autorskie", "zapraszamy do subskrypcji",
    "zapraszamy też do subskrypcji", "publikacja dostępna",
];
/// Phrases of a call to support, join or pay for the site, which opens a box closing an article
/// ("Gefällt dir unser Magazin? … brauchen wir deine Unterstützung", "We need your help", a paywall's
/// "To view the full story, please subscribe").
const SUPPORT_CALLS: &[&str] = &[
    "we need your help", "support our journalism", "support independent journalism", "support our work",
    "help us continue", "please consider supporting", "to view the full story", "to continue reading, subscribe",
    "already a subscriber", "soutenez-nous", "soutenez notre", "soutenez le journalisme", "déjà abonné",
    "gefällt dir unser", "gefällt ihnen unser", "brauchen wir deine unterstützung", "brauchen wir ihre unterstützung",
    "unterstütze uns", "unterstützen sie uns", "unterstützen sie unabhängigen journalismus", "bereits abonnent",
    "apoya el periodismo", "apóyanos", "te necesitamos", "hazte miembro", "hágase miembro", "ya eres suscriptor",
    "sostieni il giornalismo", "wesprzyj nas",
];
/// [`SUPPORT_CALLS`] in one automaton: most texts hold none of them, told in one scan.
fn support_calls() -> &'static AhoCorasick {
    static CALLS: OnceLock<AhoCorasick> = OnceLock::new();
    CALLS.get_or_init(|| automaton(SUPPORT_CALLS))
}

/// A box calling for support closing an article, its blocks each no longer than this.
pub const SUPPORT_BLOCK_MAX_CHARS: usize = 600;

/// Headings over lists of other stories, as whole texts ("Related posts", "Weitere Artikel").
const RELATED_HEADINGS: &[&str] = &[
    "related", "related posts", "related articles", "related stories", "related content", "related news",
    "related links", "related reading", "related topics", "you may also like", "you might also like",
    "you may also be interested in", "more stories", "more articles", "more news", "latest news",
    "latest articles", "latest posts", "recent posts", "recent articles", "popular posts", "most read",
    "most popular", "recommended", "recommended for you", "recommended articles", "read next", "up next",
    "more on this topic", "more on this story", "read also", "also read",
    "à lire aussi", "a lire aussi", "à lire également", "articles similaires", "articles liés", "sur le même sujet",
    "lire aussi", "les plus lus", "dans la même rubrique", "vous aimerez aussi", "articles récents", "derniers articles",
    "lesen sie auch", "weitere artikel", "weitere beiträge", "weitere news", "weitere nachrichten", "neueste artikel",
    "neueste beiträge", "neuste artikel", "aktuelle artikel", "aktuelle beiträge", "letzte beiträge",
    "ähnliche artikel", "ähnliche beiträge", "verwandte artikel", "verwandte beiträge", "empfohlene artikel",
    "empfohlene beiträge", "das könnte sie auch interessieren", "das könnte dich auch interessieren",
    "das könnte ihnen auch gefallen", "das könnte dir auch gefallen", "auch interessant", "mehr zum thema",
    "mehr themen", "mehr artikel", "meistgelesen", "meistgelesene artikel", "beliebte beiträge", "lesetipps",
    "unsere empfehlungen", "artikel und videos zum thema", "das thema könnte dich auch interessieren",
    "diese artikel könnten dich ebenfalls interessieren", "diese artikel könnten sie auch interessieren",
    "artículos relacionados", "noticias relacionadas", "notas relacionadas", "te puede interesar",
    "también te puede interesar", "lee también", "lea también", "leggi anche", "leia também",
    "veja também", "lo más leído", "más noticias", "últimas noticias", "articoli correlati",
    "potrebbe interessarti", "i più letti", "artigos relacionados", "notícias relacionadas", "mais lidas",
    "mehr lesen", "entdecke weitere", "entdecken sie weitere", "empfehlungen aus", "heute empfehlen wir", "wir empfehlen",
    "discover more", "explore more", "more from", "powiązane artykuły", "polecane artykuły", "gerelateerde artikelen", "meer nieuws",
];
/// Endings of headings over other stories ("Diese Artikel könnten euch auch interessieren").
const RELATED_ENDINGS: &[&str] = &[
    "also like", "also be interested in", "also enjoy", "auch interessieren", "ebenfalls interessieren",
    "auch gefallen", "aussi aimer", "pourraient vous intéresser", "te puede interesar", "también te puede gustar",
];
/// A heading over other stories has at most this many words (its cue and a name: "Mehr zum Thema auf Example.de").
const RELATED_HEADING_MAX_WORDS: usize = 8;
/// A heading over other stories is no longer than this (its words, 12 letters at most each, and spaces).
pub const RELATED_HEADING_MAX_CHARS: usize = RELATED_HEADING_MAX_WORDS * 13;
/// Whole texts of links back and up, left at an article's end ("zurück zur Listenansicht").
const BACK_LINKS: &[&str] = &[
    "back", "back to top", "back to overview", "back to list", "top", "retour", "haut de page", "retour en haut",
    "zurück", "zurück zur übersicht", "zurück zur listenansicht", "zurück zur startseite", "nach oben",
    "zum seitenanfang", "seitenanfang", "volver", "volver arriba", "torna su", "voltar", "powrót", "terug",
];
/// Whole texts of the controls left at an article's end: printing, permalinks, loading more, ratings.
const TAIL_CONTROLS: &[&str] = &[
    "print", "print this", "print article", "permalink", "load more", "no ratings yet", "imprimer", "permalien",
    "drucken", "artikel drucken", "seite drucken", "rezept drucken", "beitrag drucken", "mehr laden", "weitere laden",
    "lade weitere inhalte", "noch keine bewertungen", "imprimir", "stampa", "drukuj",
];
/// Verbs opening a line about a person after their name ("[Inga Buller] ist Head of Social …").
const BIO_VERBS: &[&str] = &["is", "was", "writes", "est", "écrit", "ist", "war", "schreibt", "es", "escribe", "è", "jest"];
/// Cues of an author's box heading before the person's name ("Über Kathrin", "About Jane Doe").
const ABOUT_CUES: &[&str] = &["about", "über", "à propos de", "a propos de", "sobre", "acerca de"];
/// First words of a line a person writes about themself ("Hallo, ich bin …", "Hi, I'm …").
const FIRST_PERSON: &[&str] = &[
    "i", "i'm", "hi", "hello", "hey", "je", "j'ai", "bonjour", "salut", "ich", "hallo", "moin", "servus", "yo",
    "soy", "hola",
];
/// Verbs that may follow a name opening a line about a person ("Jule Radeck studierte …", "Candice
/// Sealey is the Founder …").
const BIO_LINE_VERBS: &[&str] = &[
    "is", "was", "writes", "works", "worked", "lives", "has", "studied", "est", "écrit", "travaille", "vit", "a",
    "ist", "war", "schreibt", "arbeitet", "arbeitete", "lebt", "studierte", "hat", "es", "escribe", "trabaja",
    "vive", "è", "scrive", "jest", "pisze",
];
/// Words opening a sentence that are never a name ("Der Bürgermeister ist …", "The Mayor is …").
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "this", "that", "our", "my", "der", "die", "das", "ein", "eine", "dieser", "diese", "unser",
    "unsere", "mein", "meine", "le", "la", "les", "un", "une", "ce", "cette", "notre", "el", "los", "las", "una",
    "il", "lo", "gli",
    // Prepositions opening a sentence ("Am Samstag ist …", "In Berlin war …").
    "am", "im", "in", "an", "auf", "bei", "nach", "vor", "seit", "zum", "zur", "on", "at", "for", "au", "en",
    "dans", "pour", "por", "para", "con",
];

/// An author's box closing an article (name, lines about them, notes) is no longer than this.
pub const AUTHOR_BOX_MAX_CHARS: usize = 600;
/// A block closing an article with a note of the site is no longer than this.
pub const CLOSING_NOTE_MAX_CHARS: usize = 300;
/// The text after a closing section's label or heading (contacts, sources, links) is no longer than this.
pub const CLOSING_SECTION_MAX_CHARS: usize = 1000;

/// Does the text end an article with a note of the site: a labelled source, contact or category
/// ("Quelle: dpa"), a filing or comment-form line, a notice of rights or a disclosure, a call to
/// follow or subscribe, a link back, or a heading over other stories?
#[cfg(test)]
pub fn is_closing_note(text: &str) -> bool {
    Folded::new(text).is_closing_note()
}

/// Is the text a heading over a list of other stories ("Related posts", "Weitere Artikel:",
/// "Mehr zum Thema auf Example.de")?
#[cfg(test)]
pub fn is_related_heading(text: &str) -> bool {
    Folded::new(text).is_related_heading()
}

/// Does `t` open with the words of `cue` (not a longer word: "Quellen" is not "Quelle")?
fn opens_with_words(t: &str, cue: &str) -> bool {
    t.strip_prefix(cue).is_some_and(|r| !r.starts_with(char::is_alphanumeric))
}

/// Does `bio` read as a line about the person named `name`: opening with the name, the surname or
/// a verb ("Inga Buller ist …", "Buller writes …", "ist Gründungspartner …")?
pub fn opens_author_bio(bio: &str, name: &str) -> bool {
    let bio = super::fold(bio.get(..bio.len().min(200)).unwrap_or(bio));
    let name = super::fold(name);
    let first = bio.split(' ').next().unwrap_or("");
    let surname = name.rsplit(' ').next().unwrap_or("");
    opens_with_words(&bio, &name) || (!surname.is_empty() && first == surname) || BIO_VERBS.contains(&first)
}

/// The person an author's box heading names ("Über Kathrin" → "Kathrin", "About Jane Doe").
pub fn about_person(text: &str) -> Option<&str> {
    let t = text.trim().trim_end_matches(':').trim_end();
    let lower = t.to_lowercase();
    let cue = ABOUT_CUES.iter().find(|c| opens_with_words(&lower, c))?;
    // Lowercasing keeps the cue's length in bytes for these cues.
    let name = t.get(cue.len()..)?.trim();
    (super::is_name_line(name) && !name.contains(':')).then_some(name)
}

/// Does the text open as a person writes about themself ("Hallo, ich bin Foodbloggerin …")?
pub fn opens_in_first_person(text: &str) -> bool {
    let t = super::fold(text.get(..text.len().min(60)).unwrap_or(text));
    t.split([' ', ',', '!']).next().is_some_and(|w| FIRST_PERSON.contains(&w))
}

/// The name opening a line about a person: two or three capitalized words, then a verb of a
/// biography ("Jule Radeck studierte …", "Candice Sealey is the Founder …").
pub fn opens_with_person(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().take(4).collect();
    for k in 2..=3 {
        let (Some(name), Some(next)) = (words.get(..k), words.get(k)) else { break };
        let is_name = |w: &&str| {
            let w = w.trim_end_matches(',');
            w.starts_with(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''))
                && !NOT_NAMES.contains(&w.to_lowercase().as_str())
        };
        // A comma after the name would open an apposition: news quotes people so ("Julian Fürholzer,
        // Landesvorstand der JBN, erklärt: …").
        if !name.iter().all(is_name) || name.iter().any(|w| w.ends_with(',')) {
            return None;
        }
        if BIO_LINE_VERBS.contains(&next.to_lowercase().as_str()) {
            return Some(name.join(" "));
        }
    }
    None
}

/// Is the text the initials of a writer or agency signing off an article, alone ("aja/PAP",
/// "(dpa)", "RIRM")? Letters only, in at most three parts joined by slashes, in brackets or capitals.
pub fn is_signoff(text: &str) -> bool {
    let t = text.trim();
    let inner = t.strip_prefix('(').and_then(|r| r.strip_suffix(')'));
    let parts: Vec<&str> = inner.unwrap_or(t).split('/').map(str::trim).collect();
    parts.len() <= 3
        && parts.iter().all(|p| (2..=6).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic))
        && (inner.is_some() || parts.iter().any(|p| p.chars().all(char::is_uppercase)))
}

impl Folded<'_> {
    /// [`is_closing_note`].
    pub fn is_closing_note(&self) -> bool {
        // Notes are short: longer texts are judged without folding them.
        if self.raw.len() > CLOSING_NOTE_MAX_CHARS * 4 {
            return false;
        }
        let t = self.folded();
        if t.chars().count() > CLOSING_NOTE_MAX_CHARS {
            return false;
        }
        self.is_labelled_note()
            || CLOSING_OPENINGS.iter().any(|o| opens_with_words(t, o))
            || CLOSING_PHRASES.iter().any(|p| holds_phrase(t, p))
            || BACK_LINKS.contains(&t.trim_matches(|c: char| !c.is_alphanumeric()))
            || TAIL_CONTROLS.contains(&t.trim_matches(|c: char| !c.is_alphanumeric()))
            || self.is_related_heading()
    }

    /// Does the text call for support, membership or a subscription ("We need your help",
    /// "Gefällt dir unser Klettermagazin?", « Soutenez-nous »)?
    pub fn calls_for_support(&self) -> bool {
        if self.raw.len() > SUPPORT_BLOCK_MAX_CHARS * 4 {
            return false;
        }
        let t = self.folded();
        t.chars().count() <= SUPPORT_BLOCK_MAX_CHARS
            && support_calls().is_match(t)
            && SUPPORT_CALLS.iter().any(|p| holds_phrase(t, p))
    }

    /// Does the text open with a closing label and its colon ("Quelle: dpa", "Kategorie: News")?
    pub fn is_labelled_note(&self) -> bool {
        if self.raw.len() > CLOSING_NOTE_MAX_CHARS * 4 {
            return false;
        }
        let t = self.folded();
        t.chars().count() <= CLOSING_NOTE_MAX_CHARS
            && CLOSING_LABELS.iter().any(|l| t.strip_prefix(l).is_some_and(|r| r.trim_start().starts_with(':')))
    }

    /// Is the text a short notice of advertising or affiliate links ("*Werbung", "Anzeige, enthält
    /// Affiliate Links", "This post contains references to products from our advertisers")?
    pub fn is_disclosure(&self) -> bool {
        if self.raw.len() > DISCLOSURE_MAX_CHARS * 4 {
            return false;
        }
        let t = self.folded();
        t.chars().count() <= DISCLOSURE_MAX_CHARS && DISCLOSURES.iter().any(|p| holds_phrase(t, p))
    }

    /// Is the text a closing label alone, with or without its colon ("Kontakt:", "Quellen")?
    pub fn is_closing_label(&self) -> bool {
        if self.raw.len() > CLOSING_NOTE_MAX_CHARS {
            return false;
        }
        let t = self.folded().trim_matches(|c: char| !c.is_alphanumeric());
        if CLOSING_LABELS.contains(&t) || SECTION_LABELS.contains(&t) {
            return true;
        }
        // A count goes with the comments' label only ("36 Comments", "Kommentare (3)"; not "12 von 17").
        let counted = t.trim_matches(|c: char| !c.is_alphabetic());
        counted.len() < t.len() && COUNTED_LABELS.contains(&counted)
    }

    /// [`is_related_heading`].
    pub fn is_related_heading(&self) -> bool {
        if self.raw.chars().filter(|c| !c.is_whitespace()).nth(RELATED_HEADING_MAX_WORDS * 12).is_some() {
            return false;
        }
        // A sentence ("More news is expected on Friday.") is not a heading.
        if self.raw.trim_end().ends_with('.') && !self.raw.trim_end().ends_with("..") {
            return false;
        }
        let t = self.folded().trim_matches(|c: char| !c.is_alphanumeric());
        // A one-word cue stands alone or before a colon ("Related: …", not "Recommended dose").
        t.split(' ').count() <= RELATED_HEADING_MAX_WORDS
            && (RELATED_ENDINGS.iter().any(|e| t.ends_with(e)) || RELATED_HEADINGS.iter().any(|h| {
                opens_with_words(t, h) && (h.contains(' ') || t.len() == h.len() || t[h.len()..].starts_with(':'))
            }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_notes() {
        assert!(is_closing_note("Quelle: dpa") && is_closing_note("Kategorie : News") && is_closing_note("Źródło:"));
        assert!(is_closing_note("This entry was posted in News. Bookmark the permalink."));
        assert!(is_closing_note("Written permission must be obtained before reprint in online or print media."));
        assert!(is_closing_note("Diese Website verwendet Akismet, um Spam zu reduzieren."));
        assert!(is_closing_note("zurück zur Listenansicht") && is_closing_note("↑ Back to top"));
        assert!(is_closing_note("Tags: Bahn, Streik") && is_closing_note("(Noch keine Bewertungen)"));
        assert!(is_closing_note("Weitere Infos unter www.example.de.") && is_closing_note("Rezept drucken"));
        assert!(is_closing_note("Follow us on Twitter") && is_closing_note("Newsletter abonnieren"));
        // Article sentences with the same words are not notes.
        assert!(!is_closing_note("Quellen zufolge war der Minister informiert."));
        assert!(!is_closing_note("The source of the leak was never found."));
        assert!(!is_closing_note("Guests were invited to donate as well."));
        assert!(!is_closing_note("The app is available for iOS and Android and costs 4 euros in the App Store."));
        assert!(!is_closing_note("Posted inspectors found no fault with the bridge."));
        assert!(!is_closing_note(&"Folgen Sie uns ".repeat(100)), "long texts are never notes");
        let disclosure = |t| Folded::new(t).is_disclosure();
        assert!(disclosure("*Werbung. Dieser Beitrag enthält Werbung für Example.") && disclosure("Anzeige, enthält Affiliate Links"));
        assert!(disclosure("This post contains references to products from one or more of our advertisers."));
        assert!(!disclosure("Werbung ist überall: Jeder Mensch sieht am Tag Tausende Anzeigen.") && !disclosure("Sponsored by the city, the race drew 900 runners."));
        let support = |t| Folded::new(t).calls_for_support();
        assert!(support("We need your help") && support("Gefällt dir unser Klettermagazin? Dann unterstütze uns."));
        assert!(support("Apoya el periodismo incómodo") && !support("The charity said it needs help from volunteers."));
        let label = |t| Folded::new(t).is_closing_label();
        assert!(label("Kontakt:") && label("Weitere Informationen") && label("Quellen :"));
        assert!(!label("Kontakt zum Amt") && !label("Quelle: dpa") && !label("12 von 17") && !label("Schritt 3: Tags"));
        assert!(label("36 Comments") && label("Kommentare (3)") && label("Über den Autor") && label("Diesen Artikel teilen:"));
    }

    #[test]
    fn signoffs() {
        assert!(is_signoff("aja/PAP") && is_signoff("(dpa)") && is_signoff("RIRM") && is_signoff(" (BA) "));
        assert!(!is_signoff("Ende gut") && !is_signoff("Danke") && !is_signoff("(2019)") && !is_signoff("Amen."));
    }

    #[test]
    fn author_bios() {
        assert!(opens_author_bio("Inga Buller ist Head of Social bei Example.", "Inga Buller"));
        assert!(opens_author_bio("ist Gründungspartner der Kanzlei.", "Dr. Thomas Schulte"));
        assert!(opens_author_bio("Buller writes about food.", "Inga Buller"));
        assert!(!opens_author_bio("Die Stadt will nun klagen.", "Inga Buller"));
        assert_eq!(about_person("Über Kathrin"), Some("Kathrin"));
        assert_eq!(about_person("About Jane Doe:"), Some("Jane Doe"));
        assert_eq!(about_person("Über die Studie"), None);
        assert_eq!(about_person("Abouts"), None);
        assert!(opens_in_first_person("Hallo, ich bin Foodbloggerin.") && !opens_in_first_person("Ichthyologen sagen"));
        assert_eq!(opens_with_person("Jule Radeck studierte Sport.").as_deref(), Some("Jule Radeck"));
        assert_eq!(opens_with_person("Julian Fürholzer, Landesvorstand der JBN, erklärt"), None);
        assert_eq!(opens_with_person("Am Samstag ist das Spiel"), None);
        assert_eq!(opens_with_person("Candice Sealey is the Founder").as_deref(), Some("Candice Sealey"));
        assert_eq!(opens_with_person("Der Bürgermeister ist zufrieden."), None);
        assert_eq!(opens_with_person("Berlin, Hamburg und München"), None);
    }

    #[test]
    fn related_headings() {
        assert!(is_related_heading("Related posts") && is_related_heading("Weitere Artikel:"));
        assert!(is_related_heading("Lesen Sie auch die folgenden Beiträge:") && is_related_heading("Read also"));
        assert!(!is_related_heading("See also") && !is_related_heading("Lire aussi ce que le maire a dit."));
        assert!(is_related_heading("Mehr zum Thema auf Example.de") && is_related_heading("RELATED STORIES"));
        assert!(is_related_heading("Das könnte Sie auch interessieren") && is_related_heading("Related: Markets fall"));
        assert!(is_related_heading("Diese Artikel könnten euch auch interessieren:") && is_related_heading("You might also like"));
        assert!(!is_related_heading("More news is expected on Friday."));
        assert!(!is_related_heading("Related charges were dropped against three of the men in the case last year"));
        assert!(!is_related_heading("Recommended dose"));
    }
}
