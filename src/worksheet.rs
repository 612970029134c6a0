//! The fact-check worksheet: an [`Analysis`] as a document to take away, in Markdown or JSON.
//!
//! # JSON schema, version 1
//!
//! ```text
//! {
//!   "schema_version": 1,                 // bumped when a field changes meaning or goes away
//!   "generator": "article-lens 0.1.0",
//!   "article": { "url", "title", "byline", "site_name", "published", "modified", "lang",
//!                "word_count", "reading_minutes" },        // absent metadata is null
//!   "claims": [ {                        // the key claims, best first
//!       "text", "speaker" (null when none), "kind", "score", "reasons": [..],
//!       "figures": [ {"text", "normalized"} ],  "dates": [ {"text", "value"} ],
//!       "span": {"start", "end"},
//!       "link"                           // the page at this sentence (text fragment), or null
//!   } ],
//!   "consistency": [ {                   // where the article disagrees with itself; [] when nowhere
//!       "kind", "message",               // kind as in Analysis; message: a question
//!       "spans": [ {"start", "end", "text"} ],
//!       "links": [ .. ]                  // the page at the sentence of each span, when there is a URL
//!   } ]
//! }
//! ```
//!
//! Spans are `[start, end)` in Unicode code points of the article text, as in the [`Analysis`].
//! Links are the page URL with a text fragment (`#:~:text=`, see [`text_fragment`]): opening one
//! scrolls the browser to the sentence and highlights it.

use crate::lang::Lang;
use crate::model::{Analysis, Span};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

/// Version of the JSON layout above.
pub const SCHEMA_VERSION: u32 = 1;

/// Above this many words a sentence is linked by its first and last words (textStart,textEnd).
const FRAGMENT_MAX_WORDS: usize = 10;
/// Words of the sentence kept at each end of a long sentence's link.
const FRAGMENT_END_WORDS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "markdown" | "md" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            other => Err(format!("unknown worksheet format '{other}' (markdown or json)")),
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Worksheet {
    pub schema_version: u32,
    pub generator: String,
    pub article: Metadata,
    pub claims: Vec<ClaimEntry>,
    pub consistency: Vec<FindingEntry>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Metadata {
    pub url: Option<String>,
    pub title: String,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub lang: Option<String>,
    pub word_count: usize,
    pub reading_minutes: u32,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClaimEntry {
    pub text: String,
    pub speaker: Option<String>,
    pub kind: crate::model::ClaimKind,
    pub score: f32,
    pub reasons: Vec<String>,
    pub figures: Vec<FigureEntry>,
    pub dates: Vec<DateEntry>,
    pub span: Span,
    pub link: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FigureEntry {
    pub text: String,
    pub normalized: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DateEntry {
    pub text: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FindingEntry {
    pub kind: crate::model::FindingKind,
    pub message: String,
    pub spans: Vec<SpanEntry>,
    pub links: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SpanEntry {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The worksheet of an analysis (spans in code points, as [`crate::analyze`] returns them).
pub fn worksheet(a: &Analysis) -> Worksheet {
    let art = &a.article;
    let chars = CharText::new(&art.text);
    let url = art.url.as_deref();
    let lang = Lang::resolve(art.lang.as_deref(), &art.text);
    let within = |outer: Span, inner: Span| outer.start <= inner.start && inner.end <= outer.end;
    let claims = a
        .claims
        .iter()
        .map(|c| ClaimEntry {
            text: c.text.clone(),
            speaker: c.speaker.clone(),
            kind: c.kind,
            score: c.score,
            reasons: c.reasons.clone(),
            figures: a
                .figures
                .iter()
                .filter(|f| within(c.span, f.span))
                .map(|f| FigureEntry { text: f.text.clone(), normalized: f.normalized.clone() })
                .collect(),
            dates: a
                .dates
                .iter()
                .filter(|d| within(c.span, d.span))
                .map(|d| DateEntry { text: d.text.clone(), value: d.value.clone() })
                .collect(),
            span: c.span,
            link: url.and_then(|u| text_fragment(u, &c.text)),
        })
        .collect();
    let sentences = chars.sentences(lang);
    let consistency = a
        .consistency
        .iter()
        .map(|f| {
            let spans: Vec<SpanEntry> = f
                .spans
                .iter()
                .map(|s| SpanEntry { start: s.start, end: s.end, text: chars.slice(s.start, s.end).to_string() })
                .collect();
            let mut links: Vec<String> = match url {
                Some(u) => f
                    .spans
                    .iter()
                    .filter_map(|s| sentences.iter().find(|r| r.start <= s.start && s.start < r.end))
                    .filter_map(|r| text_fragment(u, chars.slice(r.start, r.end)))
                    .collect(),
                None => Vec::new(),
            };
            links.dedup();
            FindingEntry { kind: f.kind, message: f.message.clone(), spans, links }
        })
        .collect();
    Worksheet {
        schema_version: SCHEMA_VERSION,
        generator: format!("article-lens {}", env!("CARGO_PKG_VERSION")),
        article: Metadata {
            url: art.url.clone(),
            title: art.title.clone(),
            byline: art.byline.clone(),
            site_name: art.site_name.clone(),
            published: art.published.clone(),
            modified: art.modified.clone(),
            lang: art.lang.clone(),
            word_count: art.word_count,
            reading_minutes: art.reading_minutes,
        },
        claims,
        consistency,
    }
}

/// The worksheet of an analysis, written out in `format`.
pub fn render(a: &Analysis, format: Format) -> Result<String, crate::Error> {
    let sheet = worksheet(a);
    match format {
        Format::Json => serde_json::to_string_pretty(&sheet)
            .map(|s| s + "\n")
            .map_err(|e| crate::Error::InvalidOption("format".into(), e.to_string())),
        Format::Markdown => Ok(markdown(&sheet, Lang::resolve(a.article.lang.as_deref(), &a.article.text))),
    }
}

/// The article text indexed by code points.
struct CharText<'a> {
    text: &'a str,
    /// Byte offset of each code point, and the text's length at the end.
    bytes: Vec<usize>,
}

impl<'a> CharText<'a> {
    fn new(text: &'a str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        CharText { text, bytes }
    }

    fn byte(&self, char_offset: usize) -> usize {
        self.bytes.get(char_offset).copied().unwrap_or(self.text.len())
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        let (s, e) = (self.byte(start), self.byte(end));
        self.text.get(s..e.max(s)).unwrap_or("")
    }

    /// The sentences, as code point ranges.
    fn sentences(&self, lang: Lang) -> Vec<std::ops::Range<usize>> {
        crate::claims::sentences::split(self.text, lang)
            .into_iter()
            .map(|r| self.bytes.partition_point(|&b| b < r.start)..self.bytes.partition_point(|&b| b < r.end))
            .collect()
    }
}

/// Characters percent-encoded in a text directive: all but letters, digits and `.` `_` `~`
/// (the Text Fragments spec requires `-`, `&` and `,` encoded; spaces become `%20`).
const FRAGMENT_SET: &AsciiSet = &NON_ALPHANUMERIC.remove(b'.').remove(b'_').remove(b'~');

/// A link to `url` that opens it scrolled to `sentence` (a text fragment, `#:~:text=`): the
/// whole sentence when short, its first and last words (textStart,textEnd) when long. `None`
/// for an empty sentence. The URL's own fragment, if any, is replaced.
pub fn text_fragment(url: &str, sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let base = url.split_once('#').map_or(url, |(b, _)| b);
    let encode = |ws: &[&str]| utf8_percent_encode(&ws.join(" "), FRAGMENT_SET).to_string();
    let directive = if words.len() <= FRAGMENT_MAX_WORDS {
        encode(&words)
    } else {
        format!("{},{}", encode(&words[..FRAGMENT_END_WORDS]), encode(&words[words.len() - FRAGMENT_END_WORDS..]))
    };
    Some(format!("{base}#:~:text={directive}"))
}

/// The worksheet's words in one language.
struct Labels {
    /// ":" in English, " :" in French.
    colon: &'static str,
    heading: &'static str,
    source: &'static str,
    by: &'static str,
    published: &'static str,
    modified: &'static str,
    language: &'static str,
    words: &'static str,
    made_by: &'static str,
    claims: &'static str,
    no_claims: &'static str,
    speaker: &'static str,
    no_speaker: &'static str,
    kind: &'static str,
    score: &'static str,
    why: &'static str,
    figures: &'static str,
    dates: &'static str,
    open: &'static str,
    check: &'static str,
    against_itself: &'static str,
    no_findings: &'static str,
}

const EN: Labels = Labels {
    colon: ":",
    heading: "Fact-check worksheet",
    source: "Source",
    by: "By",
    published: "Published",
    modified: "Modified",
    language: "Language",
    words: "words",
    made_by: "Made by",
    claims: "Claims to check",
    no_claims: "No key claim was found.",
    speaker: "Speaker",
    no_speaker: "the article itself",
    kind: "Kind",
    score: "check-worthiness",
    why: "Why",
    figures: "Figures",
    dates: "Dates",
    open: "open the article at this sentence",
    check: "Checked: ☐ true ☐ false ☐ misleading ☐ cannot tell — sources:",
    against_itself: "The article against itself",
    no_findings: "No place where the article disagrees with itself was found.",
};

const FR: Labels = Labels {
    colon: "\u{a0}:",
    heading: "Fiche de vérification",
    source: "Source",
    by: "Par",
    published: "Publié",
    modified: "Modifié",
    language: "Langue",
    words: "mots",
    made_by: "Produit par",
    claims: "Affirmations à vérifier",
    no_claims: "Aucune affirmation clé n'a été trouvée.",
    speaker: "Source de la citation",
    no_speaker: "l'article lui-même",
    kind: "Type",
    score: "intérêt à vérifier",
    why: "Pourquoi",
    figures: "Chiffres",
    dates: "Dates",
    open: "ouvrir l'article à cette phrase",
    check: "Vérifié : ☐ vrai ☐ faux ☐ trompeur ☐ impossible à dire — sources :",
    against_itself: "L'article face à lui-même",
    no_findings: "Aucun endroit où l'article se contredit n'a été trouvé.",
};

fn markdown(w: &Worksheet, lang: Lang) -> String {
    let l = match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    };
    let (art, colon) = (&w.article, l.colon);
    let mut out = format!("# {}{colon} {}\n\n", l.heading, escape(&art.title));
    let mut meta = Vec::new();
    match (&art.url, &art.site_name) {
        (Some(u), Some(site)) => meta.push(format!("**{}{colon}** [{}](<{u}>)", l.source, escape(site))),
        (Some(u), None) => meta.push(format!("**{}{colon}** <{u}>", l.source)),
        (None, Some(site)) => meta.push(format!("**{}{colon}** {}", l.source, escape(site))),
        (None, None) => {}
    }
    if let Some(b) = &art.byline {
        meta.push(format!("**{}{colon}** {}", l.by, escape(b)));
    }
    if let Some(p) = &art.published {
        meta.push(format!("**{}{colon}** {p}", l.published));
    }
    if let Some(m) = &art.modified {
        meta.push(format!("**{}{colon}** {m}", l.modified));
    }
    meta.push(format!(
        "**{}{colon}** {} · {} {}",
        l.language,
        art.lang.as_deref().unwrap_or(lang.code()),
        art.word_count,
        l.words
    ));
    meta.push(format!("{} {}, worksheet schema {}", l.made_by, w.generator, w.schema_version));
    for m in meta {
        out += &format!("- {m}\n");
    }
    out += &format!("\n## {}\n\n", l.claims);
    if w.claims.is_empty() {
        out += &format!("{}\n\n", l.no_claims);
    }
    for (i, c) in w.claims.iter().enumerate() {
        out += &format!("### {}. {}\n\n", i + 1, escape(&c.text));
        let speaker = c.speaker.as_deref().map_or_else(|| format!("*{}*", l.no_speaker), escape);
        out += &format!("- **{}{colon}** {speaker}\n", l.speaker);
        let kind = serde_json::to_value(c.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        out += &format!("- **{}{colon}** {kind} · {} {:.2}\n", l.kind, l.score, c.score);
        if !c.reasons.is_empty() {
            out += &format!("- **{}{colon}** {}\n", l.why, escape(&c.reasons.join(" · ")));
        }
        if !c.figures.is_empty() {
            let list: Vec<String> =
                c.figures.iter().map(|f| format!("{} (`{}`)", escape(&f.text), f.normalized)).collect();
            out += &format!("- **{}{colon}** {}\n", l.figures, list.join(" · "));
        }
        if !c.dates.is_empty() {
            let list: Vec<String> = c.dates.iter().map(|d| format!("{} (`{}`)", escape(&d.text), d.value)).collect();
            out += &format!("- **{}{colon}** {}\n", l.dates, list.join(" · "));
        }
        if let Some(link) = &c.link {
            out += &format!("- [{}](<{link}>)\n", l.open);
        }
        out += &format!("- {}\n\n", l.check);
    }
    out += &format!("## {}\n\n", l.against_itself);
    if w.consistency.is_empty() {
        out += &format!("{}\n", l.no_findings);
    }
    for (i, f) in w.consistency.iter().enumerate() {
        out += &format!("{}. {}\n", i + 1, escape(&f.message));
        let quoted: Vec<String> = f.spans.iter().map(|s| format!("“{}”", escape(&s.text))).collect();
        out += &format!("   - {}\n", quoted.join(" · "));
        for link in &f.links {
            out += &format!("   - [{}](<{link}>)\n", l.open);
        }
    }
    out
}

/// Escapes the characters Markdown would read as markup.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_encode_what_the_spec_reserves() {
        let link = text_fragment("https://news.example/a?b=1#top", "Prices rose 3%, a five-year high & more.").unwrap();
        assert_eq!(
            link,
            "https://news.example/a?b=1#:~:text=Prices%20rose%203%25%2C%20a%20five%2Dyear%20high%20%26%20more."
        );
        let fr = text_fragment("https://ex.fr/", "L’été « chaud »").unwrap();
        assert_eq!(fr, "https://ex.fr/#:~:text=L%E2%80%99%C3%A9t%C3%A9%20%C2%AB%20chaud%20%C2%BB");
        assert_eq!(text_fragment("https://ex.fr/", "  "), None);
    }

    #[test]
    fn long_sentences_link_by_their_ends() {
        let s = "One two three four five six seven eight nine ten eleven, twelve.";
        let link = text_fragment("https://ex.com/", s).unwrap();
        assert_eq!(link, "https://ex.com/#:~:text=One%20two%20three%20four,nine%20ten%20eleven%2C%20twelve.");
    }

    #[test]
    fn markdown_escapes_markup() {
        assert_eq!(escape("a*b_[c]"), "a\\*b\\_\\[c\\]");
    }
}
