//! Key claims of short news texts (tests/claims/news.tsv): the claims a reader expects are on
//! top; page furniture, questions, headline fragments, datelines, photo captions and embedded
//! posts are not claims. And the reasons shown for news pages analysed whole: no figure read
//! in a name, a time or a duration, no comparison or cause read in a word of another sense, no
//! date that says no time ("now", "for years").

use article_lens::claims::{ClaimContext, key_claims};
use article_lens::{Lang, Options, analyze};
use std::collections::BTreeMap;

#[derive(Default)]
struct Case {
    lang: Option<Lang>,
    title: String,
    paras: Vec<String>,
    top: Vec<String>,
    absent: Vec<String>,
}

fn cases() -> BTreeMap<String, Case> {
    let data = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/claims/news.tsv")).expect("fixture");
    let mut cases: BTreeMap<String, Case> = BTreeMap::new();
    for line in data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.splitn(3, '\t').collect();
        assert_eq!(cols.len(), 3, "case, field, value: {line}");
        let case = cases.entry(cols[0].to_string()).or_default();
        let value = cols[2].to_string();
        match cols[1] {
            "lang" => case.lang = Lang::from_tag(&value),
            "title" => case.title = value,
            "para" => case.paras.push(value),
            "top" => case.top.push(value),
            "absent" => case.absent.push(value),
            other => panic!("unknown field {other}"),
        }
    }
    cases
}

#[test]
fn news_claims_put_figures_first_and_leave_furniture_out() {
    let cases = cases();
    assert!(cases.len() >= 3);
    for (name, case) in cases {
        let text = case.paras.join("\n\n");
        let lang = case.lang.expect("lang");
        let ctx = ClaimContext { text: &text, title: &case.title, lang, figures: &[], dates: &[] };
        let claims = key_claims(&ctx, 8);
        for (i, c) in claims.iter().enumerate() {
            println!("{name} {i}. [{:.2}] {} {:?}", c.score, c.text, c.reasons);
        }
        for t in &case.top {
            assert!(claims.iter().take(3).any(|c| c.text.contains(t.as_str())), "{name}: not in the top 3: {t}");
        }
        for t in &case.absent {
            assert!(!claims.iter().any(|c| c.text.contains(t.as_str())), "{name}: listed as a claim: {t}");
        }
        for c in &claims {
            assert!((0.0..=1.0).contains(&c.score));
            assert_eq!(&text[c.span.start..c.span.end], c.text);
        }
    }
}

/// Reasons of the claims of a page analysed whole (figures and dates from their own finders).
fn reasons_of(html: &str) -> Vec<(String, Vec<String>)> {
    let analysis = analyze(html, None, &Options::default().force(true).max_claims(20)).expect("analysis");
    analysis.claims.into_iter().map(|c| (c.text, c.reasons)).collect()
}

fn page(lang: &str, title: &str, paras: &[&str]) -> String {
    let body: String = paras.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><title>{title}</title></head><body><article><h1>{title}</h1>\n\
         {body}</article></body></html>"
    )
}

#[test]
fn reasons_name_only_real_figures_comparisons_and_causes() {
    let html = page(
        "en",
        "Clinic reopens its Covid-19 ward",
        &[
            "The county clinic reopened its Covid-19 ward on Monday with at least 40 beds, the health board said.",
            "Nurses have worked double shifts since the flu season began in November, the union said in a statement.",
            "The ward will open to visitors at 9 a.m. each day after a 72-hour closure for cleaning, officials said.",
            "Board chair Lena Fox said the clinic had hired 25 nurses, more than in any year before, to staff it.",
            "The clinic has been short of staff for years and is now recruiting abroad, the board wrote in its report of March 2024.",
        ],
    );
    let claims = reasons_of(&html);
    for (text, reasons) in &claims {
        println!("{text} {reasons:?}");
    }
    let all: Vec<&String> = claims.iter().flat_map(|(_, r)| r).collect();
    for wrong in ["has figure: 19", "has figure: 9", "has figure: 72", "comparison: least", "causal: since"] {
        assert!(!all.iter().any(|r| r.as_str() == wrong), "wrong reason shown: {wrong}");
    }
    assert!(all.iter().any(|r| r.starts_with("has figure: 25")), "the real figure stays: {all:?}");
    // "now" and "for years" say no time to check against; "March 2024" does.
    let recruiting = claims.iter().find(|(t, _)| t.contains("recruiting abroad")).expect("claim");
    assert!(!recruiting.1.iter().any(|r| r.contains("years") || r.contains("now")), "{:?}", recruiting.1);
    assert!(recruiting.1.iter().any(|r| r == "has date: March 2024"), "{:?}", recruiting.1);

    let html = page(
        "fr",
        "Le Premier ministre en visite à l'usine",
        &[
            "Le Premier ministre a visité lundi l'usine de batteries de Valcourt, qui emploie 800 salariés.",
            "Il a promis au moins 20 millions d'euros pour l'agrandir, selon la préfecture.",
            "De plus, la région versera une aide aux apprentis dès la rentrée, a précisé son président.",
            "La visite s'est achevée à 14 h 30 par une rencontre avec les syndicats de l'usine.",
        ],
    );
    let claims = reasons_of(&html);
    for (text, reasons) in &claims {
        println!("{text} {reasons:?}");
    }
    let all: Vec<&String> = claims.iter().flat_map(|(_, r)| r).collect();
    for wrong in ["comparison: premier", "comparison: moins", "comparison: plus", "has figure: 14", "has figure: 30"] {
        assert!(!all.iter().any(|r| r.as_str() == wrong), "wrong reason shown: {wrong}");
    }
}

/// A sentence that begins inside a quote opened in the sentence before ranks below whole
/// statements with the same anchors.
#[test]
fn quote_fragments_rank_below_whole_statements() {
    let text = "Mayor Ana Ruiz defended her budget before the vote on Monday. \"We will not cut the library. \
                It keeps its 60 weekly opening hours as long as I am here,\" she told councillors.\n\n\
                \"Our reading rooms will close on Sundays from March, which cuts 8 hours a week,\" chief librarian \
                Omar Reyes said on Tuesday.";
    let ctx = ClaimContext { text, title: "Budget vote", lang: Lang::En, figures: &[], dates: &[] };
    let claims = key_claims(&ctx, 8);
    let rank = |s: &str| claims.iter().position(|c| c.text.starts_with(s));
    let fragment = rank("It keeps its 60");
    for c in &claims {
        println!("{} {:?}", c.text, c.reasons);
    }
    let whole = rank("\"Our reading rooms").expect("the whole quote is a claim");
    assert!(fragment.is_none_or(|f| f > whole), "{claims:?}");
}
