//! Pictures and video in an article: embeds kept, the controls of captions and galleries, credits.

use super::{BYLINE_LINE_MAX_WORDS, Folded, fold, holds_phrase, lower};

/// Hosts of video players whose embeds are kept (as links).
const VIDEO_HOSTS: &[&str] = &[
    "dailymotion.com", "youtube.com", "youtube-nocookie.com", "player.vimeo.com", "v.qq.com", "archive.org",
    "upload.wikimedia.org", "player.twitch.tv", "bilibili.com", "live.bilibili.com",
];


/// Whole texts of the controls of photo captions, viewers and videos, dropped even inside a caption's text.
const MEDIA_CONTROLS: &[&str] = &[
    "toggle caption", "hide caption", "show caption", "enlarge this image", "enlarge image", "expand image",
    "view larger image", "click to enlarge", "view gallery", "open gallery", "view slideshow",
    "agrandir l'image", "agrandir la photo", "masquer la légende", "afficher la légende", "voir la galerie",
    "voir le diaporama",
    // Pointers to a video further down.
    "scroll down for video", "scroll down for videos", "scroll down to watch", "scroll down for the video",
];
/// Words before the count of a gallery ("Image 3 of 12", « Photo 2 sur 8 »).
const GALLERY_COUNTER_LABELS: &[&str] = &["image", "photo", "picture", "slide", "diapo", "diapositive"];
/// Words between the two numbers of a gallery count ("3 of 12", "3 / 12").
const GALLERY_COUNTER_LINKS: &[&str] = &["/", "of", "sur", "de"];
/// Openings of a picture's credit standing alone ("Photo: Jane Doe/Reuters", « Crédit photo : AFP »).
const CREDIT_OPENINGS: &[&str] = &[
    "photo:", "photo :", "photos:", "photograph:", "photography:", "picture:", "pictures:", "image:", "image source",
    "credit:", "photo credit", "image credit", "illustration:", "foto:", "fotos:", "bild:", "crédit photo",
    "crédits photo", "crédit :", "crédits :", "photo d'illustration", "crédito:", "créditos:", "fotografía:", "imagen:",
    "photo by", "photos by", "photograph by", "photography by", "picture by",
];
/// A credit standing alone is no longer than this.
pub const CREDIT_MAX_CHARS: usize = 80;
/// Words that join the names in a credit ("Luis Peña for Roamer", « Jean de La Tour pour l'AFP »).
const CREDIT_NAME_LINKS: &[&str] = &[
    "for", "by", "via", "and", "für", "von", "und", "van", "pour", "par", "et", "de", "du", "des", "da", "di", "del",
    "la", "le", "l'afp", "y", "con", "/", "|", "-", "–",
];
/// Agencies and photo libraries written in lower case ("Foto: dpa", "Photo: imago/Sven Simon").
const CREDIT_AGENCIES: &[&str] = &["dpa", "afp", "ap", "epa", "apa", "kna", "ddp", "imago", "unsplash", "istock", "pixabay"];

/// Class/id words of a picture's caption (`wp-caption-text`, `figure__caption`, `bildunterschrift`).
const CAPTION_MARKS: &[&str] = &[
    "caption", "bildunterschrift", "bildtext", "legende", "imagedescription", "image-description", "img-desc",
    "image-desc",
];
/// Class/id/itemprop words of the part of a caption that credits the picture (`figure__copyright`,
/// `asset-image__source`, `itemprop="creator"`).
const CAPTION_CREDIT_MARKS: &[&str] = &[
    "credit", "copyright", "source", "quelle", "fotograf", "photographer", "attribution", "creator", "author", "autor",
];
/// Openings of a credit after a caption's text ("… im Abendrot. Bild: TebNad/Shutterstock.com"), besides
/// [`CREDIT_OPENINGS`].
const CAPTION_CREDIT_OPENINGS: &[&str] = &["quelle:", "source:", "fuente:", "photograph by", "photo by", "autor:", "auteur :"];
/// Licences a caption's credit names ("… Zum Vergrößern klicken. CC-BY-SA 2.0").
const CAPTION_LICENCES: &[&str] = &["cc-by", "cc by", "cc0", "creative commons", "public domain", "gemeinfrei", "domaine public"];
/// Picture libraries named in a credit, as whole words: only pictures come from them.
const PICTURE_LIBRARIES: &[&str] = &[
    "shutterstock", "shutterstock.com", "getty images", "gettyimages", "istock", "istock.com", "istockphoto",
    "stock.adobe.com", "adobe stock", "picture alliance", "picture-alliance", "imago", "unsplash", "pixabay",
    "wenn.com",
];
/// News agencies named in a caption's credit (they send stories too: a name with one is no credit alone).
const PICTURE_AGENCIES: &[&str] = &["reuters", "afp", "dpa", "keystone", "epa", "ap photo"];
/// A caption holding a credit is no longer than this.
pub const CAPTION_MAX_CHARS: usize = 400;

/// Class/id words that say a block has, or lacks, a caption: it is no caption itself.
const NOT_CAPTION: &[&str] = &["no_caption", "no-caption", "nocaption", "has-caption", "has_caption", "with-caption", "with_caption"];

/// Do the class/id words mark a picture's caption?
pub fn is_marked_caption(match_string: &str) -> bool {
    let s = lower(match_string);
    s.split_whitespace().any(|w| CAPTION_MARKS.iter().any(|m| w.contains(m)) && !NOT_CAPTION.iter().any(|m| w.contains(m)))
}

/// Do the class/id (or itemprop) words mark the credit of a caption?
pub fn is_marked_caption_credit(match_string: &str) -> bool {
    let s = lower(match_string);
    CAPTION_CREDIT_MARKS.iter().any(|w| s.contains(w))
}

/// Does a caption's text credit the picture ("… Foto: Andina", "… | © MDV Sports", "(mlharing /
/// iStock.com)", "/ Shutterstock")?
pub fn caption_holds_credit(text: &str) -> bool {
    if text.contains('©') {
        return true;
    }
    let t = fold(text);
    // A word opening at the text's start or after a space or bracket; an opening ("Foto:") only
    // after the caption's text: one opening it is a label ("Foto: Leitungen unter der Straße").
    let at_word = |w: &str| {
        t.match_indices(w).any(|(i, _)| {
            if i == 0 && w.ends_with([':', ' ']) {
                return false;
            }
            let before = t[..i].chars().next_back();
            let after = t[i + w.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && (w.ends_with([':', ' ']) || after.is_none_or(|c| !c.is_alphanumeric()))
        })
    };
    at_word("(c)")
        || CREDIT_OPENINGS.iter().filter(|o| o.ends_with(':') || o.contains(' ')).any(|o| at_word(o))
        || CAPTION_CREDIT_OPENINGS.iter().chain(CAPTION_LICENCES).any(|o| at_word(o))
        || PICTURE_LIBRARIES.iter().chain(PICTURE_AGENCIES).any(|s| at_word(s))
}

/// Does the text name a picture library, as whole words ("… / Getty Images")?
fn names_picture_library(text: &str) -> bool {
    let t = fold(text);
    PICTURE_LIBRARIES.iter().any(|w| holds_phrase(&t, w))
}

/// Does the URL point at a video player whose embed is kept ("https://www.youtube.com/embed/…")?
pub fn is_video_url(s: &str) -> bool {
    // Asked for every attribute of every embed: no allocation unless the value has capitals.
    let lower;
    let s = if s.bytes().any(|b| b.is_ascii_uppercase()) {
        lower = s.to_ascii_lowercase();
        lower.as_str()
    } else {
        s
    };
    VIDEO_HOSTS.iter().any(|h| s.match_indices(h).any(|(i, _)| s[..i].ends_with("//") || s[..i].ends_with('.')))
}

impl Folded<'_> {
    /// [`is_picture_credit`].
    pub fn is_picture_credit(&self) -> bool {
        // Credits are short: longer texts are judged without folding them.
        if self.raw.len() > CREDIT_MAX_CHARS * 2 {
            return false;
        }
        let t = self.folded();
        t.chars().count() <= CREDIT_MAX_CHARS && CREDIT_OPENINGS.iter().any(|o| t.starts_with(o))
    }
}

/// Is the text only the control of a caption, photo viewer or video ("toggle caption", "Enlarge this image")?
pub fn is_media_control(text: &str) -> bool {
    if text.len() > 40 {
        return false;
    }
    let t = fold(text);
    MEDIA_CONTROLS.contains(&t.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// Is the text only the count of a photo gallery ("2 / 12", "Image 3 of 12", « Photo 2 sur 8 »)?
pub fn is_gallery_counter(text: &str) -> bool {
    if text.len() > 40 {
        return false;
    }
    let t = fold(&text.replace('/', " / "));
    let mut words: Vec<&str> = t.split_whitespace().collect();
    if words.first().is_some_and(|w| GALLERY_COUNTER_LABELS.contains(w)) {
        words.remove(0);
    }
    let number = |w: &str| (w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse::<u32>().ok()).flatten();
    match words[..] {
        [a, link, b] if GALLERY_COUNTER_LINKS.contains(&link) => {
            matches!((number(a), number(b)), (Some(a), Some(b)) if a >= 1 && a <= b && b >= 2)
        }
        _ => false,
    }
}

/// A credit that only names who made the picture ("Foto: unsplash/Bill Mead", "© Jane Doe/Reuters"),
/// not a caption opening like one ("Foto: Demonstranten vor dem Reichstag").
pub fn is_bare_credit(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '|' | '-' | '(')).trim_end();
    let t = t.strip_suffix(')').unwrap_or(t);
    if t.is_empty() || t.len() > CREDIT_MAX_CHARS * 2 || t.chars().count() > CREDIT_MAX_CHARS {
        return false;
    }
    let rest = if let Some(r) = t.strip_prefix('©') {
        r
    } else if t.contains('/') && names_picture_library(t) {
        // Names ending with a picture library, without an opening ("Judy Eddy/WENN.com").
        t
    } else if Folded::new(t).is_picture_credit() {
        // The names follow the colon, or the opening's words ("Photo credit Jane Doe").
        match t.split_once(':') {
            Some((_, r)) => r,
            None => {
                let folded = fold(t);
                let opening = CREDIT_OPENINGS.iter().find(|o| folded.starts_with(*o)).map_or(0, |o| o.split(' ').count());
                return credit_names(&t.split_whitespace().skip(opening).collect::<Vec<_>>());
            }
        }
    } else {
        return false;
    };
    credit_names(&rest.split_whitespace().collect::<Vec<_>>())
}

/// Class/id words of an element holding a picture's credit.
const CREDIT_MARKS: &[&str] = &["credit", "copyright", "photographer", "fotograf"];

/// An element marked as a credit whose text only names who made the picture ("DCV / Oppitz").
pub fn is_marked_credit(match_string: &str, text: &str) -> bool {
    let s = lower(match_string);
    CREDIT_MARKS.iter().any(|w| s.contains(w))
        && text.len() <= CREDIT_MAX_CHARS * 2
        && text.chars().count() <= CREDIT_MAX_CHARS
        && (is_bare_credit(text) || credit_names(&text.trim().trim_start_matches('©').split_whitespace().collect::<Vec<_>>()))
}

/// Some words, each a name, an agency, a web address or a word joining them.
fn credit_names(words: &[&str]) -> bool {
    // A label waiting for its names ("Geschrieben von") names no one.
    !words.last().is_none_or(|w| CREDIT_NAME_LINKS.contains(&w.to_lowercase().as_str()))
        && words.len() <= BYLINE_LINE_MAX_WORDS
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')' | '.'));
            let lower = w.to_lowercase();
            w.is_empty()
                || w.starts_with(char::is_uppercase)
                || w.contains('/')
                || (w.contains('.') && !w.ends_with('.'))
                || CREDIT_NAME_LINKS.contains(&lower.as_str())
                || CREDIT_AGENCIES.contains(&lower.as_str())
        })
}

/// A picture's credit standing alone ("Photo: Jane Doe/Reuters", "Foto: dpa").
#[cfg(test)]
pub fn is_picture_credit(text: &str) -> bool {
    Folded::new(text).is_picture_credit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_galleries_and_credits() {
        assert!(is_video_url("https://www.youtube.com/embed/x"));
        assert!(!is_video_url("https://evil.example/youtube.com"));
        assert!(is_media_control("toggle caption") && is_media_control(" Enlarge this image "));
        assert!(is_media_control("Agrandir l’image") && !is_media_control("Caption contest winners"));
        assert!(is_media_control("Scroll down for video") && !is_media_control("Scroll down the page"));
        assert!(is_gallery_counter("2 / 12") && is_gallery_counter("Image 3 of 12") && is_gallery_counter("Photo 2 sur 8"));
        assert!(is_gallery_counter("1/4") && !is_gallery_counter("5 / 4") && !is_gallery_counter("0 of 3"));
        assert!(!is_gallery_counter("2 of 3 voters") && !is_gallery_counter("24/7") && !is_gallery_counter("1,000 / 2,000"));
        assert!(is_picture_credit("Foto: Thomas Frey / dpa") && is_picture_credit("Photo: Luis Peña for Roamer"));
        assert!(!is_picture_credit("Photographers were kept behind a fence for most of the day, police said."));
        assert!(is_bare_credit("Foto: unsplash/Bill Mead") && is_bare_credit(" © Bundesregierung/Steffen Kugler"));
        assert!(is_bare_credit(". Imagen: Télam") && is_bare_credit("(Photo: Luis Peña for Roamer)") && is_bare_credit("Foto: dpa"));
        assert!(!is_bare_credit("Foto: Demonstranten vor dem Reichstag") && !is_bare_credit("Photo: the harbour at dawn"));
        assert!(is_marked_credit("image-credits", "DCV / Oppitz") && !is_marked_credit("caption", "DCV / Oppitz"));
        assert!(!is_marked_credit("credits", "Thanks to everyone who helped with this story"));
        assert!(!is_marked_credit("author-credits", "Geschrieben von") && !is_bare_credit("Photo: Jane Doe for"));
        assert!(caption_holds_credit("Son tres los periodos de vacaciones. Foto: Andina"));
        assert!(caption_holds_credit("Das Hermelin im Winter. (mlharing / iStock.com)") && caption_holds_credit("Tunis | © AFP"));
        assert!(caption_holds_credit("The island of Redonda. Photograph by Ed Marshall"));
        assert!(caption_holds_credit("Geflecht der Firmen. Zum Vergrößern klicken. CC-BY-SA 2.0"));
        assert!(!caption_holds_credit("Foto: Leitungen unter der Speicherstraße") && caption_holds_credit("(c) Jane Doe"));
        assert!(!caption_holds_credit("Ein Demonstrant vor dem Reichstag") && !caption_holds_credit("The adapter photo frame"));
        assert!(!caption_holds_credit("Ihre Adpa-Karte") && is_marked_caption("wp-caption-text") && !is_marked_caption("item no_caption") && is_marked_caption_credit("figure__copyright"));
        assert!(is_bare_credit("Thomas Jackson/Digital Vision/Getty Images") && is_bare_credit("Judy Eddy/WENN.com"));
        assert!(is_bare_credit("Photograph by Ed Marshall, Redonda Restoration Programme"));
        assert!(!is_bare_credit("Getty Images/the agency said") && !is_bare_credit("Photo by the harbour at dawn"));
        assert!(!is_bare_credit("Jane Doe/Reuters") && !is_bare_credit("© 2026 Example Media. All rights reserved to the"));
    }
}
