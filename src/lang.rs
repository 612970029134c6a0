//! Which language's rules to apply. Rules themselves live with their users, one table per
//! language (`entities::lang::{en, fr}`, `claims::lang::{en, fr}`).

use serde::{Deserialize, Serialize};

/// Languages with rules of their own. Other languages are analysed with English rules for
/// numbers and dates written with digits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// From a BCP 47 tag such as "fr-FR" or "en_US"; `None` for other languages.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" | "eng" => Some(Lang::En),
            "fr" | "fra" | "fre" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The page's declared language if we have rules for it, else the language detected
    /// from the text, else English.
    pub fn resolve(declared: Option<&str>, text: &str) -> Lang {
        if let Some(lang) = declared.and_then(Lang::from_tag) {
            return lang;
        }
        Lang::detect(text).unwrap_or_default()
    }

    /// Detects English or French from the text (whatlang trigram tables).
    pub fn detect(text: &str) -> Option<Lang> {
        // A few kilobytes are enough and keep detection cheap on long pages.
        let sample = match text.char_indices().nth(4000) {
            Some((i, _)) => &text[..i],
            None => text,
        };
        let info = whatlang::detect(sample)?;
        match info.lang() {
            whatlang::Lang::Eng => Some(Lang::En),
            whatlang::Lang::Fra => Some(Lang::Fr),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_detection() {
        assert_eq!(Lang::from_tag("fr-FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("en_US"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        let fr = "Le gouvernement a annoncé hier une hausse des impôts pour les ménages les plus aisés.";
        assert_eq!(Lang::resolve(None, fr), Lang::Fr);
        assert_eq!(Lang::resolve(Some("en"), fr), Lang::En);
    }
}
