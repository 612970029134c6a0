//! Bytes of a saved page to text, as a browser decodes them (native callers only: the extension
//! hands the wasm boundary text the browser already decoded).
//!
//! Order: a byte-order mark; else the page's own declaration (`<meta charset>` or an `http-equiv`
//! Content-Type in the head); else a sniff: UTF-8 when the bytes are valid UTF-8, windows-1252
//! otherwise (the web's default for undeclared legacy pages). A declared legacy charset yields to
//! UTF-8 when the bytes hold valid multi-byte UTF-8: a server's header, which we do not see, beats
//! the markup in a browser, and legacy text is practically never valid UTF-8 by chance.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page the declaration is looked for. The spec's prescan stops at 1,024 bytes,
/// but browsers honour a later `<meta>` in the head (Firefox reloads, Chromium scans the head),
/// and saved pages often carry a long head before it.
const PRESCAN_LIMIT: usize = 32 * 1024;

/// The page's text and the name of the encoding it was read in.
pub fn decode_page(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), encoding.name());
    }
    let valid_utf8 = Encoding::utf8_valid_up_to(bytes) == bytes.len();
    let encoding = match declared_encoding(&bytes[..bytes.len().min(PRESCAN_LIMIT)]) {
        Some(declared) if declared != UTF_8 && valid_utf8 && !bytes.is_ascii() => UTF_8,
        Some(declared) => declared,
        None if valid_utf8 => UTF_8,
        None => WINDOWS_1252,
    };
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), encoding.name())
}

/// The encoding a `<meta>` in the head declares (the HTML spec's prescan, over `head`): comments
/// and the bodies of `<script>`/`<style>` are skipped; the scan stops at `<body`.
fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &head[at..]).map(|i| at + i) {
        let rest = &head[lt..];
        if rest.starts_with(b"<!--") {
            at = find(rest, b"-->").map_or(head.len(), |i| lt + i + 3);
            continue;
        }
        let name_len = rest[1..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 || !rest[1].is_ascii_alphabetic() {
            // `</x`, `<!x`, `<?x`: skipped to their `>`; a lone `<` in text is passed.
            at = match rest.get(1) {
                Some(b'/' | b'!' | b'?') => memchr::memchr(b'>', rest).map_or(head.len(), |i| lt + i + 1),
                _ => lt + 1,
            };
            continue;
        }
        let name = &rest[1..1 + name_len];
        let (attributes, end) = tag_attributes(&rest[1 + name_len..]);
        at = lt + 1 + name_len + end;
        if name.eq_ignore_ascii_case(b"meta") {
            if let Some(encoding) = meta_encoding(&attributes) {
                return Some(encoding);
            }
        } else if name.eq_ignore_ascii_case(b"body") {
            return None;
        } else if name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style") {
            let close: &[u8] = if name.eq_ignore_ascii_case(b"script") { b"</script" } else { b"</style" };
            at = find_ignore_case(&head[at..], close).map_or(head.len(), |i| at + i);
        }
    }
    None
}

/// The encoding named by one `<meta>`'s attributes: `charset`, or `http-equiv="content-type"`
/// with a `charset=` in `content`. UTF-16 labels mean UTF-8 here, as in the spec (a page that
/// reached this scan as ASCII-compatible bytes is not UTF-16), and `x-user-defined` windows-1252.
fn meta_encoding(attributes: &[(Vec<u8>, Vec<u8>)]) -> Option<&'static Encoding> {
    let get = |key: &[u8]| attributes.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v.as_slice());
    let label = match get(b"charset") {
        Some(label) => label,
        None if get(b"http-equiv").is_some_and(|v| v.trim_ascii().eq_ignore_ascii_case(b"content-type")) => {
            charset_in_content(get(b"content")?)?
        }
        None => return None,
    };
    let encoding = Encoding::for_label_no_replacement(label.trim_ascii())?;
    Some(match encoding.name() {
        "UTF-16LE" | "UTF-16BE" => UTF_8,
        "x-user-defined" => WINDOWS_1252,
        _ => encoding,
    })
}

/// The value after `charset=` in a Content-Type, quotes removed.
fn charset_in_content(content: &[u8]) -> Option<&[u8]> {
    let at = find_ignore_case(content, b"charset")? + b"charset".len();
    let rest = content[at..].trim_ascii_start().strip_prefix(b"=")?.trim_ascii_start();
    let (quote, rest) = match rest.first() {
        Some(&q @ (b'"' | b'\'')) => (Some(q), &rest[1..]),
        _ => (None, rest),
    };
    let end = rest
        .iter()
        .position(|&b| match quote {
            Some(q) => b == q,
            None => b == b';' || b.is_ascii_whitespace(),
        })
        .unwrap_or(rest.len());
    Some(&rest[..end]).filter(|v| !v.is_empty())
}

/// A tag's attributes: lowercased names and raw values.
type Attributes = Vec<(Vec<u8>, Vec<u8>)>;

/// The attributes of a tag from just after its name, and where the tag ends (past its `>`).
fn tag_attributes(s: &[u8]) -> (Attributes, usize) {
    let mut attributes = Vec::new();
    let mut i = 0;
    loop {
        while i < s.len() && (s[i].is_ascii_whitespace() || s[i] == b'/') {
            i += 1;
        }
        if i >= s.len() {
            return (attributes, i);
        }
        if s[i] == b'>' {
            return (attributes, i + 1);
        }
        let start = i;
        while i < s.len() && !s[i].is_ascii_whitespace() && !matches!(s[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let key = s[start..i].to_ascii_lowercase();
        while i < s.len() && s[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = Vec::new();
        if i < s.len() && s[i] == b'=' {
            i += 1;
            while i < s.len() && s[i].is_ascii_whitespace() {
                i += 1;
            }
            match s.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = memchr::memchr(q, &s[i + 1..]).map_or(s.len(), |e| i + 1 + e);
                    value = s[i + 1..end].to_vec();
                    i = (end + 1).min(s.len());
                }
                _ => {
                    let start = i;
                    while i < s.len() && !s[i].is_ascii_whitespace() && s[i] != b'>' {
                        i += 1;
                    }
                    value = s[start..i].to_vec();
                }
            }
        }
        if !key.is_empty() {
            attributes.push((key, value));
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8]) -> (String, &'static str) {
        decode_page(bytes)
    }

    #[test]
    fn byte_order_marks_win() {
        let mut utf16le = vec![0xFF, 0xFE];
        utf16le.extend("<p>Zoë</p>".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decoded(&utf16le), ("<p>Zoë</p>".to_string(), "UTF-16LE"));
        let mut utf16be = vec![0xFE, 0xFF];
        utf16be.extend("<p>Zoë</p>".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decoded(&utf16be), ("<p>Zoë</p>".to_string(), "UTF-16BE"));
        let utf8 = b"\xEF\xBB\xBF<meta charset=latin1><p>Zo\xC3\xAB</p>";
        assert_eq!(decoded(utf8).0, "<meta charset=latin1><p>Zoë</p>");
    }

    #[test]
    fn meta_declarations() {
        let page = b"<html><head><meta charset=\"ISO-8859-2\"><title>\xB1</title>";
        assert_eq!(decoded(page), ("<html><head><meta charset=\"ISO-8859-2\"><title>ą</title>".into(), "ISO-8859-2"));
        let page = b"<meta content='text/html; charset=windows-1250' http-equiv='Content-Type'><p>\x9Cl";
        assert_eq!(decoded(page).1, "windows-1250");
        let page = b"<META HTTP-EQUIV=content-type CONTENT=\"text/html;charset=koi8-r\"><p>\xC1";
        assert_eq!(decoded(page).1, "KOI8-R");
        // A Content-Type without http-equiv, or a charset on another tag, declares nothing.
        let page = b"<meta content='text/html; charset=koi8-r'><script charset=koi8-r></script><p>\xE9";
        assert_eq!(decoded(page).1, "windows-1252");
        // Commented out, inside a script, or after <body>: not a declaration.
        let page =
            b"<!-- <meta charset=koi8-r> --><script>'<meta charset=koi8-r>'</script><body><meta charset=koi8-r>\xE9";
        assert_eq!(decoded(page).1, "windows-1252");
        // UTF-16 named in ASCII markup means UTF-8; unknown labels are ignored.
        assert_eq!(decoded(b"<meta charset=utf-16><p>\xC3\xA9\xFF").1, "UTF-8");
        assert_eq!(decoded(b"<meta charset=klingon><p>\xE9").1, "windows-1252");
    }

    #[test]
    fn sniffs_without_a_declaration() {
        assert_eq!(decoded("<p>Tübingen</p>".as_bytes()), ("<p>Tübingen</p>".into(), "UTF-8"));
        assert_eq!(decoded(b"<p>T\xFCbingen \x80 5</p>"), ("<p>Tübingen € 5</p>".into(), "windows-1252"));
        // Valid multi-byte UTF-8 under a legacy declaration is UTF-8 (the server said so).
        assert_eq!(decoded("<meta charset=iso-8859-1><p>Tübingen".as_bytes()).1, "UTF-8");
        // A declared UTF-8 page with a stray byte stays UTF-8, the byte replaced.
        assert_eq!(decoded(b"<meta charset=utf-8><p>caf\xC3\xA9 \xE9").0, "<meta charset=utf-8><p>café \u{FFFD}");
    }

    #[test]
    fn odd_bytes_never_panic() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for len in 0..400 {
            let bytes: Vec<u8> = (0..len)
                .map(|i| {
                    let r = crate::next_random(&mut seed) as u8;
                    if i % 7 == 0 { b"<meta charset='=\">"[r as usize % 18] } else { r }
                })
                .collect();
            let _ = decode_page(&bytes);
        }
        for cut in 0..40 {
            let _ = decode_page(&b"<meta http-equiv=content-type content=\"text/html; charset=koi8-r\">"[..cut]);
        }
    }
}
