//! `article-lens worksheet`: the fact-check worksheet in Markdown and JSON, through the CLI.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_article-lens");
const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed/meta-deepseek.html");
const URL: &str = "https://news.example/meta-ai?ref=home#top";

fn run(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("article-lens runs");
    if let Some(input) = stdin {
        child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write");
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().expect("output");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A short page with a planted inconsistency: one spend given two values.
fn planted_page(lang: &str) -> String {
    let body = if lang == "fr" {
        "<p>La rénovation de la piscine municipale coûtera 12 millions d'euros, a annoncé la mairie lundi. \
         Le chantier doit commencer en septembre et durer quatorze mois, pendant lesquels les nageurs iront \
         dans la commune voisine.</p>\
         <p>Selon le maire, la rénovation de la piscine municipale coûtera 14 millions d'euros, financés \
         pour moitié par la région, et les tarifs ne changeront pas à la réouverture.</p>"
    } else {
        "<p>Harbor Freight Lines will spend $40 million on its new port terminal this year, the company said \
         in a statement, as traffic through the harbour keeps growing.</p>\
         <p>The firm, which employs about 900 dockers, expects the work to last two years.</p>\
         <p>Harbor Freight Lines will spend $45 million on its new port terminal this year, most of it on \
         cranes and a rail spur to the main line.</p>"
    };
    format!(
        "<html lang=\"{lang}\"><head><title>Port terminal</title>\
         <meta property=\"article:published_time\" content=\"2025-03-02\"></head>\
         <body><article><h1>Port terminal</h1>{body}</article></body></html>"
    )
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() + 1 {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("hex");
            out.push(u8::from_str_radix(hex, 16).expect("hex digit"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn json_worksheet_of_the_founding_example() {
    let (code, out, err) = run(&["worksheet", SEED, "--url", URL, "--format", "json"], None);
    assert_eq!(code, 0, "{err}");
    let w: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(w["schema_version"], 1);
    assert!(w["generator"].as_str().unwrap().starts_with("article-lens "));
    assert!(w["article"]["title"].as_str().unwrap().contains("Meta"));
    assert_eq!(w["article"]["url"], "https://news.example/meta-ai?ref=home#top");
    assert_eq!(w["consistency"], serde_json::json!([]), "no finding, and the list is there");
    let claims = w["claims"].as_array().expect("claims");
    assert!(!claims.is_empty());
    let plan = claims.iter().find(|c| c["text"].as_str().unwrap().contains("up to $65 billion")).expect("plan");
    assert_eq!(plan["figures"][0]["text"], "up to $65 billion");
    assert!(plan["reasons"].as_array().unwrap().iter().any(|r| r.as_str().unwrap().starts_with("has figure")));
    let quote = claims.iter().find(|c| c["text"].as_str().unwrap().contains("Heavily investing")).expect("quote");
    assert_eq!(quote["speaker"], "Mark Zuckerberg");
    let dated = claims.iter().find(|c| c["text"].as_str().unwrap().starts_with("On January 29, 2025")).expect("date");
    assert_eq!(dated["dates"][0]["value"], "2025-01-29");
    for c in claims {
        let link = c["link"].as_str().expect("a link for each claim");
        let directive = link.strip_prefix("https://news.example/meta-ai?ref=home#:~:text=").expect(link);
        // The directive decodes back to the sentence (whole, or its first and last words).
        let parts: Vec<String> = directive.split(',').map(percent_decode).collect();
        let text = c["text"].as_str().unwrap();
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.starts_with(&parts[0]), "{link}");
        assert!(flat.ends_with(parts.last().unwrap()), "{link}");
        assert!(!directive.contains(['-', '&', ' ']), "reserved characters are encoded: {link}");
    }
}

#[test]
fn json_worksheet_lists_the_findings_with_links() {
    let (code, out, err) = run(
        &["worksheet", "-", "--force", "--url", "https://port.example/t", "--format", "json"],
        Some(&planted_page("en")),
    );
    assert_eq!(code, 0, "{err}");
    let w: Value = serde_json::from_str(&out).expect("json");
    let findings = w["consistency"].as_array().expect("consistency");
    assert_eq!(findings.len(), 1, "{out}");
    let f = &findings[0];
    // "the company said" gives the first figure a speaker.
    assert_eq!(f["kind"], "speaker_figure");
    let texts: Vec<&str> = f["spans"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["$40 million", "$45 million"]);
    let message = f["message"].as_str().unwrap();
    assert!(
        message.starts_with("Did the company say $40 million when the text elsewhere gives $45 million?"),
        "{message}"
    );
    let links = f["links"].as_array().unwrap();
    assert_eq!(links.len(), 2);
    assert!(links[0].as_str().unwrap().starts_with("https://port.example/t#:~:text=Harbor%20Freight%20Lines%20will,"));
}

#[test]
fn markdown_worksheet_in_the_article_language() {
    let (code, out, err) = run(&["worksheet", SEED, "--url", URL], None);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("# Fact-check worksheet: Meta"), "{out}");
    for part in
        ["## Claims to check", "**Speaker:** Mark Zuckerberg", "## The article against itself", "No place where"]
    {
        assert!(out.contains(part), "missing {part}:\n{out}");
    }
    assert!(out.contains("(<https://news.example/meta-ai?ref=home#:~:text="), "{out}");

    let (code, out, err) = run(&["worksheet", "-", "--force", "--format", "markdown"], Some(&planted_page("fr")));
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("# Fiche de vérification\u{a0}: Port terminal"), "{out}");
    assert!(out.contains("## L'article face à lui-même"), "{out}");
    assert!(out.contains("1. 12 millions d'euros ou 14 millions d'euros ?"), "{out}");
    assert!(!out.contains("#:~:text="), "no link without a URL");
}

#[test]
fn worksheet_usage_errors() {
    let (code, _, err) = run(&["worksheet", SEED, "--format", "pdf"], None);
    assert_eq!(code, 2);
    assert!(err.contains("markdown or json"), "{err}");
    let (code, _, _) = run(&["worksheet", "/nonexistent/page.html"], None);
    assert_eq!(code, 3);
}
