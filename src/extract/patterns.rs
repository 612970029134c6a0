//! Every class/id/text pattern the extractor uses, in one place.
//!
//! Patterns are matched case-insensitively as substrings of `class + " " + id` unless noted.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::OnceLock;

mod closing;
mod media;
pub use closing::{
    AUTHOR_BOX_MAX_CHARS, CLOSING_NOTE_MAX_CHARS, CLOSING_SECTION_MAX_CHARS, RELATED_HEADING_MAX_CHARS, SUPPORT_BLOCK_MAX_CHARS,
    about_person, is_signoff,
    opens_author_bio, opens_in_first_person, opens_with_person,
};
pub use media::{
    CAPTION_MAX_CHARS, CREDIT_MAX_CHARS, caption_holds_credit, is_bare_credit, is_gallery_counter, is_marked_caption,
    is_marked_caption_credit, is_marked_credit, is_media_control, is_video_url,
};

/// Blocks that are almost never the article: navigation, chrome, comments, promotion.
const UNLIKELY: &[&str] = &[
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
    "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
    "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
    "yom-remote",
    // Boilerplate of current news sites.
    "newsletter", "subscribe", "subscription", "cookie", "consent", "paywall", "most-read", "mostread",
    "most-popular", "mostpopular", "breadcrumb", "teaser-list", "teasers", "recirc", "outbrain", "taboola",
    "author-box", "authorbox", "author-bio", "about-author", "share-bar", "sharebar",
    "share-tools", "trending",
    // Comment sections in other languages ("commentaire" and "commenti" hold "comment"); plural:
    // a single "Kommentar" / "comentario" is an opinion piece.
    "comentarios", "kommentare",
];

/// Class/id tokens (whole, or as a `-`-joined part) of advertising slots.
const AD_TOKENS: &[&str] = &["ad", "ads", "advert", "adverts", "advertisement", "adslot", "adunit", "dfp"];

/// Does a class/id token name an ad slot (`ad`, `ad-slot`, `top-ads`, `dfp-unit`)?
fn is_ad_token(token: &str) -> bool {
    let t = lower(token);
    // Every ad token holds "ad" or "df" (checked in a test): most tokens are judged by that.
    if !t.as_bytes().windows(2).any(|w| w == b"ad" || w == b"df") {
        return false;
    }
    AD_TOKENS.contains(&t.as_ref())
        || t.split(['-', '_']).next().is_some_and(|first| AD_TOKENS.contains(&first) && t.len() > first.len())
        || t.rsplit(['-', '_']).next().is_some_and(|last| AD_TOKENS.contains(&last) && t.len() > last.len())
}

/// Words that rescue a block matched by [`UNLIKELY`] (e.g. `main-header`, `article-footer`).
const MAYBE_CANDIDATE: &[&str] = &["and", "article", "body", "column", "content", "main", "mathjax", "shadow"];

/// ARIA roles of page chrome.
pub const UNLIKELY_ROLES: &[&str] = &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];

/// Marks of text hidden from sight and kept for screen readers ("Image caption, ").
const VISUALLY_HIDDEN: &[&str] = &[
    "sr-only", "screen-reader", "screenreader", "visually-hidden", "visuallyhidden", "visually_hidden",
    "hidden-visually", "a11y-hidden", "element-invisible", "assistive-text", "show-for-sr",
];

/// Openings of a date line ("Updated 5:05 PM EDT, August 14, 2026", « Publié le 4 août 2026 »).
const DATE_LINE_CUES: &[&str] = &[
    "last updated", "last modified", "updated", "published", "posted", "modified", "first published",
    "mis à jour", "publié", "modifié", "actualisé", "dernière mise à jour",
    "aktualisiert", "veröffentlicht", "zuletzt aktualisiert", "stand:", "actualizado", "publicado",
    "última actualización", "aggiornato", "pubblicato", "atualizado", "atualização", "publicada",
    "publiziert", "veröffentlichung", "publikacja", "opublikowano", "aktualizacja", "zaktualizowano", "data publikacji",
    "gepubliceerd", "bijgewerkt",
];
/// Words between a date line's cue and its date.
const DATE_LINE_LINKS: &[&str] = &["on", "at", "le", "the", "à", "am", "um", "el", "il", "a las"];
/// Month and weekday names (English, French) a date may open with; prefixes of the full names.
const DATE_WORDS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "févr", "fév", "avr", "mai", "juin", "juil", "août", "déc",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "today", "yesterday", "aujourd'hui", "aujourd’hui", "hier",
    "mär", "okt", "dez", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "heute",
    "gestern", "ene", "abr", "ago", "dic", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "hoy", "ayer", "giu", "lug", "ott", "oggi", "ieri", "há", "hace", "hoje", "ontem",
];
/// Reading-time lines ("5 min read", « Temps de lecture 3 min. »).
const READING_TIME: &[&str] = &[
    "min read", "minute read", "minutes read", "reading time", "temps de lecture", "lecture :", "lesezeit",
    "lesedauer", "min. lesezeit", "tiempo de lectura", "min de lectura", "lectura:", "tempo di lettura",
    "min di lettura",
];
/// Date and reading-time lines are no longer than this.
pub const META_LINE_MAX_CHARS: usize = 100;

/// Labels of the buttons that load a social embed or accept cookies.
const CONSENT_BUTTONS: &[&str] = &[
    "accept", "allow", "i agree", "agree and continue", "accepter", "autoriser", "j'accepte", "j’accepte",
];
/// A consent button's label is no longer than this.
const CONSENT_BUTTON_MAX_CHARS: usize = 40;

/// Words naming an e-mail field (its name, placeholder or label).
const EMAIL_FIELD: &[&str] = &["email", "e-mail", "courriel", "adresse mail"];

/// Class/id words that lower a block's score.
const NEGATIVE: &[&str] = &[
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media", "meta",
    "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
    "tags", "widget", "newsletter", "subscribe", "cookie", "paywall", "teaser", "comentarios", "kommentare",
];
/// Whole words (space separated) that lower a block's score.
const NEGATIVE_WORDS: &[&str] = &["hid"];

/// Class/id words of an article's lead set apart from its body (standfirst, intro, subtitle).
const LEAD: &[&str] = &[
    "lead", "intro", "teaser", "subtitle", "subheadline", "subline", "standfirst", "chapo", "chapeau", "excerpt",
    "abstract", "summary", "deck", "vorspann", "bajada", "entradilla", "sottotitolo",
];

/// Class/id words that raise a block's score.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog",
    "story",
];

/// Marks of a byline block.
const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

/// Words before the author's name in a byline line.
pub const BYLINE_PREFIXES: &[&str] = &["", "by", "by:", "par", "par :", "par:", "von", "por"];

/// Marks of share/social button bars inside the article.
const SHARE: &[&str] = &["share", "sharedaddy"];

/// Tags scored as paragraphs.
pub const TAGS_TO_SCORE: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];

/// Elements that make a `<div>` more than a paragraph.
pub const DIV_TO_P_ELEMS: &[&str] = &["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"];

/// Siblings appended under their own tag; others become `<div>`.
pub const ALTER_TO_DIV_EXCEPTIONS: &[&str] = &["div", "article", "section", "p", "ol", "ul"];

pub const PHRASING: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i", "img",
    "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q", "ruby",
    "samp", "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr",
];

/// Whole-text contents of ad and loading placeholders.
const AD_WORDS: &[&str] = &[
    "ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung", "广告", "реклама", "anuncio",
    // Labels around ad slots inside the text.
    "anzeige", "publicidad", "pubblicità", "advertentie", "reklama", "publicidade", "広告", "광고", "スポンサーリンク",
    "skip advertisement", "story continues below advertisement", "article continues below advertisement",
    "article continues below", "continue reading below", "advertisement - scroll to continue",
    "advertisement – scroll to continue", "la suite après la publicité", "la suite après cette publicité",
    "passer la publicité", "weiter nach der anzeige",
    "continúa después de la publicidad", "continua dopo la pubblicità", "continua após a publicidade",
    "continua depois da publicidade",
];
const LOADING_WORDS: &[&str] = &["loading", "正在加载", "загрузка", "chargement", "cargando"];

/// Openings of "read more" lines inserted in article text (links to other stories).
const READ_MORE_CUES: &[&str] = &[
    "related", "read more", "read also", "also read", "see also", "more:", "recommended:",
    "further reading", "lire aussi", "à lire aussi", "a lire aussi", "lire également", "voir aussi",
    "sur le même sujet", "à lire :", "lire :", "lire:", "à voir aussi", "à découvrir",
    "read next", "read:", "must read", "don't miss", "don’t miss", "keep reading", "more on this", "watch:", "listen:",
    "à lire également", "a lire également", "voir également", "lisez aussi", "pour aller plus loin", "en savoir plus",
    "lesen sie auch", "lesen sie mehr", "lesen sie hier", "mehr zum thema", "auch interessant", "siehe auch",
    "das könnte sie auch interessieren", "lee también", "lea también", "leer más", "más información",
    "te puede interesar", "le puede interesar", "noticia relacionada", "ver también", "leggi anche",
    "potrebbe interessarti", "approfondisci", "lees ook", "lees meer", "leia também", "leia mais", "veja também",
    "saiba mais", "相关阅读", "延伸阅读", "推荐阅读", "相关新闻", "関連記事", "関連ニュース", "あわせて読みたい",
    "관련기사", "관련 기사",
    "lea más:", "lee más:", "vea también", "mire:", "mira:", "puedes ver:", "te recomendamos", "schon gelesen",
    "auch lesen:", "zum weiterlesen", "weiterlesen:", "das thema könnte dich auch interessieren", "czytaj też",
    "czytaj także", "czytaj więcej", "zobacz też", "zobacz także", "lea:", "lee:", "vea:",
];

/// AMP elements of page chrome: ads, share buttons, the side menu, trackers.
pub const AMP_CHROME: &[&str] = &[
    "amp-ad", "amp-embed", "amp-sticky-ad", "amp-auto-ads", "amp-social-share", "amp-sidebar", "amp-analytics",
    "amp-pixel", "amp-consent", "amp-user-notification", "amp-web-push-widget", "amp-call-tracking",
];

/// Openings of boxes of page furniture set in or after the article: audio players, author cards,
/// paywalls, feedback widgets, tag lists. The small box that opens with one goes whole.
const BOX_OPENINGS: &[&str] = &[
    "listen to this article", "listen to this story", "listen to article", "écouter cet article", "écouter l'article",
    "about the author", "about the authors", "à propos de l'auteur", "à propos des auteurs",
    "subscribe to continue reading", "subscribe to keep reading", "subscribe to read the full", "subscribe to unlock",
    "this article is for subscribers", "this article is reserved for subscribers", "already a subscriber",
    "this article is only available to subscribers", "to continue reading this", "to continue reading,",
    "continue reading your article",
    "you have reached your limit", "you've reached your limit", "you have read all your free articles",
    "pour lire la suite de cet article", "pour lire la suite,", "la suite de cet article est réservée",
    "vous avez atteint la limite",
    "article réservé aux abonnés", "cet article est réservé aux abonnés", "la suite est réservée aux abonnés",
    "abonnez-vous", "déjà abonné",
    "was this article helpful", "was this helpful", "did you find this article helpful",
    "cet article vous a-t-il été utile", "cet article vous a été utile",
    "report an error", "report a correction", "signaler une erreur", "signaler une faute",
    "topics:", "tags:", "mots-clés :", "mots-clés:", "mots clés :", "thèmes :", "sujets :",
    "artikel anhören", "artikel vorlesen", "diesen artikel anhören", "escuchar artículo", "escucha este artículo",
    "ascolta l'articolo", "über den autor", "über die autorin", "sobre el autor", "sobre la autora",
    "jetzt weiterlesen", "sie sind bereits abonnent", "dieser artikel ist nur für abonnenten",
    "suscríbete para seguir leyendo", "suscríbete para continuar", "este artículo es exclusivo para suscriptores",
    "ya soy suscriptor", "ya eres suscriptor", "abbonati per continuare", "sei già abbonato",
    "war dieser artikel hilfreich", "feedback zum artikel", "¿te ha resultado útil",
    "war der artikel nützlich", "war dieser beitrag hilfreich", "hat ihnen der artikel gefallen", "artikel gefallen?",
    "hier können sie den artikel bewerten", "bewerten sie diesen artikel", "möchten sie den artikel teilen",
    "diesen artikel teilen", "diesen beitrag teilen", "valora esta noticia", "¿te gustó esta nota?",
    "themen:", "schlagwörter:", "schlagworte:", "archivado en", "temas:", "etiquetas:", "argomenti:",
    // Video players shown as a thumbnail, a label and a duration.
    "click to play video", "tap to play video", "cliquez pour lire la vidéo",
];
/// Phrases found only in such boxes, anywhere in their text (paywalls, device limits).
const BOX_PHRASES: &[&str] = &[
    "de cet article à lire", "sur un seul appareil à la fois", "en cours sur un autre appareil",
    "on one device at a time", "does not support the audio element", "ne prend pas en charge l'élément audio",
];
/// Whole texts of the buttons and links of page tools (dropped alone).
const TOOL_LABELS: &[&str] = &[
    "share", "save", "gift this article", "give this article", "share full article", "share this article",
    "leave a comment", "subscribe", "subscribe now", "partager", "sauvegarder", "offrir cet article",
    "partager cet article", "s'abonner", "je m'abonne", "print", "imprimer", "copy link", "copier le lien", "listen",
    "écouter", "teilen", "artikel teilen", "merken", "zur merkliste hinzufügen", "drucken", "kommentieren",
    "vorlesen", "abonnieren", "compartir", "guardar", "imprimir", "comentar", "escuchar", "suscríbete",
    "condividi", "salva", "stampa", "ascolta", "abbonati", "compartilhe", "compartilhar", "salvar",
    // Links to the comments below.
    "view comments", "see comments", "jump to comments", "voir les commentaires", "aller aux commentaires",
    "zu den kommentaren", "kommentare anzeigen", "ir a los comentarios", "ver comentarios", "vai ai commenti",
    // The label of a table of contents (its links stay: they repeat the headings).
    "table of contents", "inhaltsverzeichnis", "sommaire", "tabla de contenidos", "índice de contenidos",
    "indice dei contenuti", "spis treści",
];
/// Openings of the links of newsletter promotions ("Sign up here.", « Inscrivez-vous »).
const SIGNUP_LINKS: &[&str] = &[
    "sign up", "signup", "subscribe", "register", "get it in your inbox", "inscrivez-vous", "abonnez-vous",
    "s'inscrire", "je m'inscris", "inscription", "jetzt abonnieren", "abonnieren", "hier anmelden", "jetzt anmelden",
    "registrieren", "apúntate", "suscríbete", "inscríbete", "regístrate", "date de alta", "iscriviti",
];
/// Words naming a newsletter in a line promoting one.
const NEWSLETTER_WORDS: &[&str] = &["newsletter", "infolettre", "lettre d'information", "lettre d'info"];
/// The site's own newsletter, as a promotion names it ("by signing up to our newsletter").
const OWN_NEWSLETTER: &[&str] = &[
    "our newsletter", "our newsletters", "our free newsletter", "our daily newsletter", "our weekly newsletter",
    "notre newsletter", "notre infolettre", "notre lettre d'information", "unseren newsletter", "unserem newsletter",
    "unser newsletter", "unseren kostenlosen newsletter", "unseren wöchentlichen newsletter", "nuestro newsletter",
    "nuestra newsletter", "nuestro boletín", "la nostra newsletter", "naszego newslettera",
];
/// A line promoting a newsletter is no longer than this.
pub const NEWSLETTER_PROMO_MAX_CHARS: usize = 300;
/// Openings of the newsroom's notes on the article, kept whatever else they hold.
const EDITORS_NOTES: &[&str] = &[
    "editor's note", "editors' note", "editor's notes", "correction", "clarification", "note de la rédaction",
    "note de la redaction", "ndlr", "rectificatif", "anmerkung der redaktion", "korrektur", "nota del editor",
    "nota de la redacción", "fe de errores", "nota da redação", "nota della redazione",
];
/// Openings of calls to install the site's app ("Download the … app", « Téléchargez l'application »).
const APP_PROMO_OPENINGS: &[&str] = &[
    "download the", "download our", "get the", "get our", "install the", "télécharg", "laden sie", "holen sie sich",
    "descarga", "descargue", "scarica",
];
/// Words naming an app in such a call.
const APP_WORDS: &[&str] = &["app", "apps", "application", "appli", "aplicación", "applicazione"];
/// A call to install an app is no longer than this.
const APP_PROMO_MAX_CHARS: usize = 200;
/// Words joining the names of a byline line ("By Ana Ruiz and Tom Hale").
const BYLINE_JOINERS: &[&str] = &["and", "&", "et", "und", "y", "e"];
/// A byline line standing alone has at most this many words.
const BYLINE_LINE_MAX_WORDS: usize = 10;
/// Phrases of a copyright notice.
const RIGHTS_RESERVED: &[&str] = &[
    "all rights reserved", "tous droits réservés", "alle rechte vorbehalten", "todos los derechos reservados",
    "tutti i diritti riservati",
];
/// A copyright notice is no longer than this.
const COPYRIGHT_LINE_MAX_CHARS: usize = 250;
/// A copyright mark without "all rights reserved" ("© 2026 The Times") is no longer than this.
const COPYRIGHT_MARK_MAX_CHARS: usize = 60;
/// No tool label has more letters than this (an upper bound for [`TOOL_LABELS`], checked in a test).
const TOOL_LABEL_MAX_CHARS: usize = 32;
/// Month names and abbreviations (English, French, German, Spanish, Italian, Portuguese, Polish).
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre",
    "octobre", "novembre", "décembre", "decembre", "janv", "févr", "avr", "juil",
    "januar", "februar", "märz", "juni", "juli", "oktober", "dezember", "jän", "mär", "okt", "dez",
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
    "octubre", "noviembre", "diciembre", "ene", "abr", "ago", "dic",
    "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
    "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
    // Polish, as dates write them ("16 marca 2021").
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października",
    "listopada", "grudnia",
];
/// Other words of a date line standing alone ("Tuesday, March 3, 2026 at 4:48 p.m. EST").
const DATE_FILLERS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri",
    "sat", "sun", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "at", "à", "le", "the",
    "am", "pm", "a", "p", "m", "utc", "gmt", "et", "edt", "est", "ct", "cdt", "cst", "pt", "pdt", "pst", "bst",
    "cet", "cest", "uhr", "um", "mez", "mesz", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
    "sonntag", "de", "del", "las", "h", "hrs", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
    "domingo",
];
/// A date line standing alone is no longer than this.
const BARE_DATE_MAX_CHARS: usize = 48;

/// JSON-LD types of articles.
pub const JSONLD_ARTICLE_TYPES: &[&str] = &[
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
    "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report",
    "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
    "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference",
];

/// One automaton per pattern list, built on first use.
struct Patterns {
    unlikely: AhoCorasick,
    maybe_candidate: AhoCorasick,
    negative: AhoCorasick,
    positive: AhoCorasick,
    byline: AhoCorasick,
    share: AhoCorasick,
    visually_hidden: AhoCorasick,
    box_phrases: AhoCorasick,
    lead: AhoCorasick,
}

/// One automaton for a list of patterns: a noncontiguous NFA, built once per page in a fresh
/// worker, in a fraction of a DFA's time and four fifths of a contiguous NFA's (which it is made
/// from), and as fast on these short texts; a plain automaton scans them faster than a prefilter skips.
fn automaton(pats: &[&str]) -> AhoCorasick {
    automaton_with(pats, false)
}

/// [`automaton`], matching ASCII letters in either case when `ascii_case_insensitive`.
fn automaton_with(pats: &[&str], ascii_case_insensitive: bool) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .prefilter(false)
        .ascii_case_insensitive(ascii_case_insensitive)
        .build(pats)
        .expect("pattern lists are small")
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let build = automaton;
        Patterns {
            unlikely: build(UNLIKELY),
            maybe_candidate: build(MAYBE_CANDIDATE),
            negative: build(NEGATIVE),
            positive: build(POSITIVE),
            byline: build(BYLINE),
            share: build(SHARE),
            visually_hidden: automaton_with(VISUALLY_HIDDEN, true),
            box_phrases: build(BOX_PHRASES),
            lead: build(LEAD),
        }
    })
}

/// Lower case (Unicode), borrowed when already lower-case ASCII.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) { Cow::Borrowed(s) } else { Cow::Owned(s.to_lowercase()) }
}

pub fn is_unlikely(match_string: &str) -> bool {
    if match_string.trim().is_empty() {
        return false;
    }
    let p = patterns();
    let s = lower(match_string);
    (p.unlikely.is_match(s.as_ref()) || (may_hold_ad_token(&s) && s.split_whitespace().any(is_ad_token)))
        && !p.maybe_candidate.is_match(s.as_ref())
}

/// Whether a lowercased class-and-id string may hold an ad token: an ASCII one (whose tokens stay
/// as they are in lower case) holds none without "ad" or "df" somewhere.
fn may_hold_ad_token(s: &str) -> bool {
    !s.is_ascii() || s.as_bytes().windows(2).any(|w| w == b"ad" || w == b"df")
}

/// [`is_unlikely`] with the word "header" left out.
pub fn is_unlikely_besides_header(match_string: &str) -> bool {
    is_unlikely(&lower(match_string).replace("header", ""))
}

pub fn is_negative(s: &str) -> bool {
    let s = lower(s);
    patterns().negative.is_match(s.as_ref()) || s.split_whitespace().any(|w| NEGATIVE_WORDS.contains(&w))
}

/// Class/id words of blocks marked like a lead that are captions or author notes.
const NOT_LEAD: &[&str] = &["caption", "credit", "image", "img", "photo", "figure", "media", "author", "byline", "bio"];

/// Is the block marked as the article's lead (and not as a caption or an author's note)?
pub fn is_lead(match_string: &str) -> bool {
    let s = lower(match_string);
    patterns().lead.is_match(s.as_ref()) && !is_not_lead(&s)
}

/// Is the block marked as a caption, a credit or an author's note (never part of a lead)?
pub fn is_not_lead(match_string: &str) -> bool {
    let s = lower(match_string);
    NOT_LEAD.iter().any(|w| s.contains(w))
}

pub fn is_positive(s: &str) -> bool {
    patterns().positive.is_match(lower(s).as_ref())
}

pub fn is_byline(match_string: &str) -> bool {
    patterns().byline.is_match(lower(match_string).as_ref())
}

pub fn is_share(match_string: &str) -> bool {
    patterns().share.is_match(lower(match_string).as_ref())
}

pub fn is_visually_hidden(match_string: &str) -> bool {
    match_string.len() > 4 && patterns().visually_hidden.is_match(match_string)
}

/// A line that only dates the article or gives its reading time.
pub fn is_meta_line(text: &str) -> bool {
    // Dates and reading times carry a number.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let t = text.trim().to_lowercase().replace('\u{a0}', " ");
    if t.chars().count() > META_LINE_MAX_CHARS {
        return false;
    }
    if READING_TIME.iter().any(|r| t.contains(r)) && t.split_whitespace().count() <= 6 {
        return true;
    }
    let Some(cue) = DATE_LINE_CUES.iter().find(|c| t.starts_with(*c)) else { return false };
    let mut rest = t[cue.len()..].trim_start_matches([' ', ':', ',', '-', '|']);
    while let Some(r) =
        DATE_LINE_LINKS.iter().find_map(|l| rest.strip_prefix(l).filter(|r| r.starts_with(' ')))
    {
        rest = r.trim_start();
    }
    rest.starts_with(|c: char| c.is_ascii_digit()) || DATE_WORDS.iter().any(|w| rest.starts_with(w))
}

pub fn is_consent_button(label: &str) -> bool {
    let l = label.trim().to_lowercase();
    l.chars().count() <= CONSENT_BUTTON_MAX_CHARS && CONSENT_BUTTONS.iter().any(|c| l.starts_with(c))
}

pub fn is_email_field_label(s: &str) -> bool {
    let s = lower(s);
    EMAIL_FIELD.iter().any(|w| s.contains(w))
}

/// No text longer than this, not counting dots and ellipses, is an ad or loading placeholder.
pub const AD_OR_LOADING_MAX_CHARS: usize = 40;

pub fn is_ad_or_loading_text(text: &str) -> bool {
    // Lower case has as many chars or more, and no word ends with a dot: longer texts are not folded.
    let t = text.trim();
    if t.trim_end_matches(['.', '…']).chars().nth(AD_OR_LOADING_MAX_CHARS).is_some() {
        return false;
    }
    let t = t.to_lowercase();
    let t = t.trim_end_matches("...").trim_end_matches('…');
    AD_WORDS.contains(&t) || LOADING_WORDS.contains(&t)
}

/// Does the text open with a "read more" cue (`Related: …`, `Lire aussi : …`)?
pub fn starts_with_read_more(text: &str) -> bool {
    // Cues are short and in lower case: an ASCII opening is compared without lowercasing the text.
    let head = text.trim().as_bytes();
    let head = &head[..head.len().min(READ_MORE_CUES.iter().map(|c| c.len()).max().unwrap_or(0))];
    if head.is_ascii() {
        return READ_MORE_CUES.iter().any(|c| head.get(..c.len()).is_some_and(|h| h.eq_ignore_ascii_case(c.as_bytes())));
    }
    let t = text.trim().to_lowercase().replace('\u{a0}', " ");
    READ_MORE_CUES.iter().any(|c| t.starts_with(c))
}

/// Lower case, typographic apostrophes and spaces made plain, runs of white space folded.
fn fold(text: &str) -> String {
    if text.is_ascii() {
        // ASCII white space is the same for both.
        let mut out = super::dom::normalize_spaces(text);
        out.make_ascii_lowercase();
        return out;
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            continue;
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            out.push(if matches!(c, '\u{2019}' | '\u{2018}') { '\'' } else { c });
        }
    }
    out
}

/// Does `t` hold `phrase` as whole words (a phrase ending in a space or hyphen may go on)?
fn holds_phrase(t: &str, phrase: &str) -> bool {
    t.match_indices(phrase).any(|(i, _)| {
        let before = t[..i].chars().next_back();
        let after = t[i + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric)
            && (phrase.ends_with([' ', '-']) || !after.is_some_and(char::is_alphanumeric))
    })
}

/// A text and its [`fold`], made on first use: the checks of one text fold it once.
pub struct Folded<'a> {
    raw: Cow<'a, str>,
    folded: OnceCell<String>,
}

impl<'a> Folded<'a> {
    pub fn new(raw: &'a str) -> Folded<'a> {
        Folded { raw: Cow::Borrowed(raw), folded: OnceCell::new() }
    }

    /// A text kept with its fold, for checks made at different times.
    pub fn owned(raw: String) -> Folded<'static> {
        Folded { raw: Cow::Owned(raw), folded: OnceCell::new() }
    }

    /// The text as given.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    fn folded(&self) -> &str {
        self.folded.get_or_init(|| fold(&self.raw))
    }

    /// [`opens_editors_note`].
    pub fn opens_editors_note(&self) -> bool {
        opens_editors_note_folded(self.folded())
    }

    /// [`is_app_promo`].
    pub fn is_app_promo(&self) -> bool {
        self.raw.len() <= APP_PROMO_MAX_CHARS * 2 && is_app_promo_folded(self.folded())
    }

    /// [`is_copyright_line`].
    pub fn is_copyright_line(&self) -> bool {
        // Every notice opens with "©", "(c)" or "copyright" (folding trims and lowercases).
        matches!(self.raw.trim_start().chars().next(), Some('©' | '(' | 'c' | 'C')) && is_copyright_line_folded(self.folded())
    }

    /// [`mentions_newsletter`].
    pub fn mentions_newsletter(&self) -> bool {
        mentions_newsletter_folded(self.folded())
    }

    /// Does the text name the site's own newsletter ("sign up to our newsletter", « notre newsletter »)?
    pub fn names_own_newsletter(&self) -> bool {
        OWN_NEWSLETTER.iter().any(|w| self.folded().contains(w))
    }
}

/// Does the text open a box of page furniture ("About the author", « Article réservé aux abonnés »)?
#[cfg(test)]
pub fn opens_furniture_box(text: &str) -> bool {
    Folded::new(text).opens_furniture_box()
}

/// Is the text only the label of a page tool ("Share", "Gift this article", « Partager »)?
#[cfg(test)]
pub fn is_tool_label(text: &str) -> bool {
    Folded::new(text).is_tool_label()
}

/// Does a link's text ask the reader to sign up ("Sign up here.", « Inscrivez-vous »)?
pub fn is_signup_link(text: &str) -> bool {
    let t = fold(text);
    SIGNUP_LINKS.iter().any(|c| t.starts_with(c))
}

/// Does the text name a newsletter?
#[cfg(test)]
pub fn mentions_newsletter(text: &str) -> bool {
    Folded::new(text).mentions_newsletter()
}

fn mentions_newsletter_folded(t: &str) -> bool {
    NEWSLETTER_WORDS.iter().any(|w| t.contains(w))
}

/// A line set all in capitals: three words or more, at least a dozen letters, none lower case
/// ("CLICK HERE TO GET THE APP", "RURAL HOSPITALS ARE CUTTING SERVICES").
pub fn is_all_caps_line(text: &str) -> bool {
    let (mut upper, mut lower) = (0, 0);
    for c in text.chars() {
        upper += usize::from(c.is_uppercase());
        lower += usize::from(c.is_lowercase());
    }
    lower == 0 && upper >= 12 && text.split_whitespace().count() >= 3
}

/// A byline line standing alone: "By" / « Par » / "Von" and capitalized names ("By Jane Doe, Staff
/// Writer", « Par Hélène Roux et Marc Petit »), no sentence.
pub fn is_byline_line(text: &str) -> bool {
    let t = text.trim();
    let mut words = t.split_whitespace();
    let Some(first) = words.next() else { return false };
    let prefix = first.to_lowercase();
    if !BYLINE_PREFIXES.contains(&prefix.as_str()) || prefix.is_empty() {
        return false;
    }
    let rest: Vec<&str> = words.collect();
    // Two names at least: "By Train" heads a paragraph of directions.
    rest.len() >= 2 && are_names(t, &rest)
}

/// Names alone, "By" / « Par » before them or not ("Rosa Delgado", "By Ana Ruiz and Tom Hale").
pub fn is_name_line(text: &str) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let names = match words.first() {
        Some(w) if BYLINE_PREFIXES.contains(&w.to_lowercase().as_str()) => &words[1..],
        _ => &words[..],
    };
    !names.is_empty() && !t.chars().any(|c| c.is_ascii_digit()) && are_names(t, names)
}

/// Few words, each capitalized (or joining two names, or an e-mail address), not a sentence.
fn are_names(line: &str, words: &[&str]) -> bool {
    !line.ends_with(['.', '!', '?', ':'])
        && words.len() < BYLINE_LINE_MAX_WORDS
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')' | '|'));
            // An e-mail address may follow the name ("By Kim Ji-hoon (jhkim@herald.example)").
            w.is_empty() || w.starts_with(char::is_uppercase) || BYLINE_JOINERS.contains(&w) || w.contains('@')
        })
}

/// Does the text open with a note of the newsroom ("Editor's Note:", "Correction, May 2:")?
#[cfg(test)]
pub fn opens_editors_note(text: &str) -> bool {
    Folded::new(text).opens_editors_note()
}

fn opens_editors_note_folded(t: &str) -> bool {
    EDITORS_NOTES.iter().any(|o| t.strip_prefix(o).is_some_and(|r| !r.starts_with(char::is_alphanumeric)))
}

/// A call to install the site's app ("Get the app: Download the Example News app for alerts").
#[cfg(test)]
pub fn is_app_promo(text: &str) -> bool {
    Folded::new(text).is_app_promo()
}

fn is_app_promo_folded(t: &str) -> bool {
    t.chars().count() <= APP_PROMO_MAX_CHARS
        && APP_PROMO_OPENINGS.iter().any(|o| t.starts_with(o))
        && t.split(|c: char| !c.is_alphanumeric()).any(|w| APP_WORDS.contains(&w))
}

/// A copyright notice ("© 2026 The Times. All rights reserved.").
#[cfg(test)]
pub fn is_copyright_line(text: &str) -> bool {
    Folded::new(text).is_copyright_line()
}

fn is_copyright_line_folded(t: &str) -> bool {
    let len = t.chars().count();
    let after_word = t.strip_prefix("copyright").map(str::trim_start);
    let mark = t.starts_with('©')
        || t.starts_with("(c) ")
        || after_word.is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit() || c == '©'));
    // "© 2026 The Times" alone, or any notice reserving the rights.
    (mark && len <= COPYRIGHT_MARK_MAX_CHARS)
        || ((mark || after_word.is_some()) && len <= COPYRIGHT_LINE_MAX_CHARS && RIGHTS_RESERVED.iter().any(|r| t.contains(r)))
}

/// A date standing alone: month names, numbers with a year, weekdays, times and time zones
/// ("Sept. 2, 2026", "20 November 2026, 4:48pm").
pub fn is_bare_date(text: &str) -> bool {
    Folded::new(text).is_bare_date()
}

impl Folded<'_> {
    /// [`opens_furniture_box`].
    pub fn opens_furniture_box(&self) -> bool {
        let t = self.folded();
        // The cue as whole words: "About the author's claims, …" is prose.
        let opens = |c: &&str| {
            t.strip_prefix(*c).is_some_and(|r| !r.starts_with(|ch: char| ch.is_alphanumeric() || ch == '\''))
        };
        BOX_OPENINGS.iter().any(opens) || patterns().box_phrases.is_match(t)
    }

    /// [`is_tool_label`].
    pub fn is_tool_label(&self) -> bool {
        // Labels are short: most texts are judged without folding them.
        if self.raw.chars().filter(|c| !c.is_whitespace()).nth(TOOL_LABEL_MAX_CHARS).is_some() {
            return false;
        }
        let t = self.folded().trim_matches(|c: char| !c.is_alphanumeric());
        TOOL_LABELS.contains(&t)
    }

    /// [`is_bare_date`].
    pub fn is_bare_date(&self) -> bool {
        // Folding the trimmed text is folding the text.
        if self.raw.trim().chars().count() > BARE_DATE_MAX_CHARS {
            return false;
        }
        bare_date_words(self.folded())
    }
}

/// [`is_bare_date`] of a folded text.
fn bare_date_words(t: &str) -> bool {
    // A numeric date ("12.11.2026", "21/11/26") gives both.
    let numeric = t.split_whitespace().any(|w| {
        let parts: Vec<&str> = w.trim_end_matches([',', ';']).split(['.', '/']).collect();
        parts.len() == 3
            && parts[..2].iter().all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            && matches!(parts[2].len(), 2 | 4)
            && parts[2].bytes().all(|b| b.is_ascii_digit())
    });
    let (mut month, mut year) = (numeric, numeric);
    for w in t.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '·' | '|' | '-' | '/')).filter(|w| !w.is_empty()) {
        if MONTHS.contains(&w) {
            month = true;
        } else if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
            year = true;
        } else if DATE_FILLERS.contains(&w) {
        } else {
            // Day numbers and times: 2, 2nd, 4:48pm, 06h45.
            let after = w.trim_start_matches(|c: char| c.is_ascii_digit());
            let rest = after.trim_start_matches([':', 'h']).trim_start_matches(|c: char| c.is_ascii_digit());
            if after.len() == w.len() || !["", "st", "nd", "rd", "th", "er", "am", "pm"].contains(&rest) {
                return false;
            }
        }
    }
    month && year
}

pub fn is_jsonld_article_type(t: &str) -> bool {
    JSONLD_ARTICLE_TYPES.contains(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unlikely_and_rescued() {
        assert!(is_unlikely("site-footer "));
        assert!(is_unlikely(" newsletter-signup"));
        assert!(!is_unlikely("article-footer "));
        assert!(!is_unlikely("story-body "));
        assert!(is_unlikely("block-header ") && !is_unlikely_besides_header("block-header "));
        assert!(is_unlikely_besides_header("header social-links"));
        assert!(is_visually_hidden("ssrcss-1gd9s5n-VisuallyHidden ") && is_visually_hidden("screen-reader-text "));
        assert!(!is_visually_hidden("visual-story hidden-xs "));
        assert!(is_email_field_label("Your E-mail address") && is_email_field_label("Votre courriel"));
        assert!(is_consent_button(" Accept and continue ") && is_consent_button("Autoriser le contenu"));
        assert!(!is_consent_button("Load more") && !is_consent_button("Subscribe"));
        assert!(is_meta_line("Updated 5:05 PM EDT, August 14, 2026"));
        assert!(is_meta_line("Publié le 4\u{a0}août 2026 à 06h00, modifié le 4 août 2026 à 11h32"));
        assert!(is_meta_line("Posted on Tuesday, March 3") && is_meta_line("Temps de lecture 3 min."));
        assert!(!is_meta_line("Published in 2019, the report found nothing new."));
        assert!(!is_meta_line("Updated figures show a 4% rise."));
        assert!(is_meta_line("Publiziert: 03.04.2020, 12:35") && is_meta_line("Publikacja: 04.05.2021"));
        assert!(is_meta_line("Veröffentlichung: 2. Februar 2022") && is_bare_date("16 marca 2021"));
        assert!(!is_meta_line("Publiziert wurde 2019 nur ein Teil der Studie."));
        assert!(is_meta_line("Publié aujourd’hui à 05h00, modifié à 09h12") && is_meta_line("Updated yesterday at 9:40 p.m."));
        assert!(is_negative("hid x"));
        assert!(is_unlikely("ad-slot top"));
        assert!(AD_TOKENS.iter().all(|t| t.contains("ad") || t.contains("df")));
        assert!(!is_byline(" "), "an element without attributes is never a byline block");
        assert!(is_unlikely("x ads"));
        assert!(is_unlikely("sticky-ad "));
        assert!(!is_unlikely("adventure headline-wrap"));
        assert!(!is_unlikely("shadow-ad"));
        assert!(!is_negative("hidalgo"));
        assert!(is_ad_or_loading_text(" Advertisement "));
        assert!(is_ad_or_loading_text("Story continues below advertisement") && is_ad_or_loading_text("SKIP ADVERTISEMENT"));
        assert!(is_ad_or_loading_text("Chargement…"));
        let longest = AD_WORDS.iter().chain(LOADING_WORDS).map(|w| w.chars().count()).max();
        assert!(longest.is_some_and(|l| l <= AD_OR_LOADING_MAX_CHARS));
        assert!(AMP_CHROME.iter().all(|t| t.starts_with("amp-")), "prep_document looks for them on AMP pages only");
        assert!(starts_with_read_more("Lire aussi\u{a0}: Les critiques"));
        assert!(starts_with_read_more("READ MORE: The story"));
        assert!(!starts_with_read_more("Readers said"));
        assert!(starts_with_read_more("À lire également : le budget") && starts_with_read_more("WATCH: The mayor"));
        assert!(!starts_with_read_more("Watchdogs said") && !starts_with_read_more("Reading the report"));
        assert!(READ_MORE_CUES.iter().all(|c| c.to_lowercase() == *c), "ASCII openings are compared in lower case");
    }

    #[test]
    fn ascii_text_folds_as_words_do() {
        let alphabet = b" \t\n\x0b\x0c\r\x1caZ.'";
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            crate::next_random(&mut seed);
            let s: String = (0..seed % 12).map(|i| char::from(alphabet[((seed >> (i * 4)) % 11) as usize])).collect();
            let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
            assert_eq!(fold(&s), words.join(" "), "{s:?}");
        }
    }

    #[test]
    fn furniture_boxes_tool_labels_and_bare_dates() {
        assert!(opens_furniture_box("Listen to this article · 7:48 min") && opens_furniture_box("ABOUT THE AUTHOR"));
        assert!(opens_furniture_box("Cet article vous a-t-il été utile\u{a0}?"));
        assert!(opens_furniture_box("Il vous reste 68.42% de cet article à lire."));
        assert!(opens_furniture_box("Vous pouvez lire Le Monde sur un seul appareil à la fois"));
        assert!(!opens_furniture_box("The author of the report said the results were clear."));
        assert!(!opens_furniture_box("Topical creams were tested on 40 patients."));
        assert!(!opens_furniture_box("About the author's claims, the panel said little."));
        assert!(is_tool_label(" Share ") && is_tool_label("Gift this article") && is_tool_label("S’abonner"));
        assert!(TOOL_LABELS.iter().all(|l| l.chars().count() <= TOOL_LABEL_MAX_CHARS));
        assert!(!is_tool_label("Share prices fell") && !is_tool_label("Saved by the bell"));
        assert!(opens_furniture_box("To continue reading, subscribe") && opens_furniture_box("Pour lire la suite, abonnez-vous"));
        assert!(is_bare_date("Sept. 2, 2026") && is_bare_date("Mar 11, 2026") && is_bare_date("20 November 2026, 4:48pm"));
        assert!(is_bare_date("Tuesday, March 3, 2026 at 4:48 p.m. EST") && is_bare_date("1er décembre 2026 à 06h45"));
        assert!(!is_bare_date("March 2026 sales") && !is_bare_date("May 5") && !is_bare_date("Market day, 2026"));
        assert!(!is_bare_date("The vote was held on March 3, 2026, after a long debate in the chamber"));
        assert!(is_bare_date("12.11.2026, 14.32 Uhr") && is_bare_date("22 de noviembre de 2026 - 10:32 CET"));
        assert!(is_bare_date("Donnerstag, 12. November 2026") && !is_bare_date("3.5 / 10, 2026"));
        assert!(is_meta_line("12.11.2026, 14.32 Uhr Lesezeit: 3 Min.") && is_meta_line("Aktualisiert am 12.11.2026"));
        assert!(is_meta_line("Actualizado: 22 nov 2026 - 10:32 CET") && !is_meta_line("Updated settings: 5 new rules"));
        assert!(starts_with_read_more("Lesen Sie auch: Bahn") && starts_with_read_more("Lee también: El Gobierno"));
        assert!(starts_with_read_more("Lea más: El Gobierno") && starts_with_read_more("Czytaj też: Sejm"));
        assert!(starts_with_read_more("Lea: El Gobierno") && !starts_with_read_more("Leamos el informe"));
        assert!(starts_with_read_more("Schon gelesen? Bahn") && !starts_with_read_more("Miramos al cielo"));
        assert!(opens_furniture_box("War der Artikel nützlich?") && opens_furniture_box("Valora esta noticia"));
        assert!(is_ad_or_loading_text("Anzeige") && is_tool_label("Artikel teilen") && is_tool_label("Compartir"));
        assert!(is_tool_label("Ir a los comentarios") && is_unlikely("a_cm comentarios") && !is_unlikely("kommentar-text") && is_signup_link("Apúntate aquí"));
    }

    #[test]
    fn captions_galleries_and_promotions() {
        assert!(is_signup_link("Sign up here.") && is_signup_link("Inscrivez-vous") && !is_signup_link("Signs of trouble"));
        assert!(mentions_newsletter("The Morning Bid Newsletter is your daily guide"));
        assert!(is_all_caps_line("CLICK HERE TO GET THE APP") && is_all_caps_line("TRAVEL NURSE PAY IS FALLING. HERE'S WHY"));
        assert!(!is_all_caps_line("NATO SUMMIT") && !is_all_caps_line("The NATO summit opened on Monday"));
        assert!(opens_furniture_box("Click to play video: 'Riders react' 1:48"));
        assert!(is_byline_line("By Jane Doe, Staff Writer") && is_byline_line("Par Hélène Roux et Marc Petit"));
        assert!(is_byline_line("By JANE DOE and TOM HALE") && !is_byline_line("By Tuesday, the council had voted."));
        assert!(is_byline_line("By Kim Ji-hoon (jhkim@herald.example)"));
        assert!(is_name_line("Rosa Delgado") && is_name_line("By Ana Ruiz and Tom Hale") && !is_name_line("Rosa said"));
        assert!(!is_name_line("Updated 2026") && !is_name_line("The Mayor Spoke."));
        assert!(is_app_promo("Get the app: Download the Example News app for alerts.") && is_app_promo("Téléchargez l'application"));
        assert!(!is_app_promo("Get the report here.") && !is_app_promo("Users were told to download the app by Friday."));
        assert!(starts_with_read_more("Related") && starts_with_read_more("RELATED: Bus fares rise"));
        assert!(opens_editors_note("Editor’s Note: A version of this story") && opens_editors_note("Correction, May 2: An"));
        assert!(!opens_editors_note("Corrections officers said") && !opens_editors_note("The editor's note said"));
        assert!(starts_with_read_more("Leia também: Governo") && starts_with_read_more("関連記事：台風"));
        assert!(is_ad_or_loading_text("Continua após a publicidade") && is_ad_or_loading_text("広告"));
        assert!(is_meta_line("Atualizado há 2 horas") && is_bare_date("19/11/2026 08h40") && is_bare_date("19 de novembro de 2026"));
        assert!(!is_byline_line("By the numbers") && !is_byline_line("Byline") && !is_byline_line("By"));
        assert!(is_copyright_line("© 2026 The Example Times. All rights reserved."));
        assert!(is_copyright_line("Copyright 2026 The Associated Press. All rights reserved."));
        assert!(!is_copyright_line("Copyright law was not written for machines, the judge said."));
        assert!(!is_copyright_line("Copyright claims rose 20% in 2025, the office said in its annual report."));
        assert!(is_copyright_line("© 2026 Maple News") && !is_byline_line("By Train"));
    }
}
