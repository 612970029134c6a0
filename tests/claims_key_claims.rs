//! key_claims on a French article: headings and questions skipped, a repeated statement merged,
//! pronouns resolved, and figures given by the figures module used in the reasons.

use article_lens::claims::{ClaimContext, key_claims};
use article_lens::{ClaimKind, Figure, FigureKind, Lang, Span};

const TEXT: &str = "Le gouvernement relève sa prévision de croissance\n\n\
Le ministre de l'Économie, Bruno Le Maire, a présenté mardi le nouveau budget de l'État.\n\n\
La croissance atteindra 1,4 % en 2025, contre 1,1 % prévu en septembre, selon le ministère.\n\n\
« Nous n'augmenterons pas les impôts des ménages », a-t-il déclaré devant les députés.\n\n\
Le texte sera examiné à l'Assemblée nationale à partir du 14 octobre.\n\n\
Le temps était doux à Paris ce jour-là et les terrasses étaient pleines.\n\n\
Pourquoi le gouvernement change-t-il sa prévision ?\n\n\
Selon le ministère, la croissance atteindra 1,4 % en 2025, au lieu de 1,1 % prévu en septembre.";

fn ctx<'a>(figures: &'a [Figure]) -> ClaimContext<'a> {
    ClaimContext {
        text: TEXT,
        title: "Le gouvernement relève sa prévision de croissance",
        lang: Lang::Fr,
        figures,
        dates: &[],
    }
}

#[test]
fn french_article() {
    let claims = key_claims(&ctx(&[]), 7);
    for c in &claims {
        println!("[{:?} {:.2}] {} — {:?} {:?}", c.kind, c.score, c.text, c.speaker, c.reasons);
        assert_eq!(&TEXT[c.span.start..c.span.end], c.text);
        assert!(!c.text.ends_with('?'), "question picked: {}", c.text);
        assert_ne!(c.text, "Le gouvernement relève sa prévision de croissance");
    }
    let growth: Vec<_> = claims.iter().filter(|c| c.text.contains("1,4 %")).collect();
    assert_eq!(growth.len(), 1, "the repeated growth figure is one claim");
    assert!(growth[0].text.starts_with("La croissance"), "the earlier statement is kept");
    assert_eq!(growth[0].kind, ClaimKind::Statistic);
    let quote = claims.iter().find(|c| c.text.contains("impôts")).expect("the quote is a key claim");
    assert_eq!(quote.speaker.as_deref(), Some("Bruno Le Maire"));
    assert_eq!(quote.kind, ClaimKind::Quote);
    assert!(claims.iter().position(|c| c.text.starts_with("Le temps")).is_none_or(|i| i >= 4), "small talk ranks low");
}

#[test]
fn uses_the_figures_it_is_given() {
    let sentence = "La croissance atteindra 1,4 % en 2025";
    let start = TEXT.find(sentence).expect("in text") + "La croissance atteindra ".len();
    let figure = Figure {
        span: Span { start, end: start + "1,4 %".len() },
        text: "1,4 %".into(),
        kind: FigureKind::Percent,
        value: Some(1.4),
        unit: Some("%".into()),
        normalized: "1.4 %".into(),
        ..Default::default()
    };
    let claims = key_claims(&ctx(std::slice::from_ref(&figure)), 7);
    let growth = claims.iter().find(|c| c.text.contains("1,4 %")).expect("growth claim");
    assert_eq!(growth.reasons.first().map(String::as_str), Some("has figure: 1,4 %"));
}
