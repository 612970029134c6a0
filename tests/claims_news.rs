//! Key claims of short news texts (tests/claims/news.tsv): the claims a reader expects are on
//! top; page furniture, questions and headline fragments are not claims.

use article_lens::Lang;
use article_lens::claims::{ClaimContext, key_claims};
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
