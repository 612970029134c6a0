//! Any text through the figure, date and claim finders, in both languages: no panic, and
//! every span is a non-empty slice of the text on character boundaries.
#![no_main]

use article_lens::Lang;
use article_lens::claims::{ClaimContext, key_claims};
use article_lens::entities::find;
use article_lens::parse_iso_datetime;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let reference = parse_iso_datetime("2025-02-18T17:22:00");
    for lang in [Lang::En, Lang::Fr] {
        let (figures, dates) = find(text, lang, reference);
        for span in figures.iter().map(|f| &f.span).chain(dates.iter().map(|d| &d.span)) {
            assert!(span.start < span.end && text.get(span.start..span.end).is_some(), "bad span {span:?}");
        }
        let ctx = ClaimContext { text, title: "", lang, figures: &figures, dates: &dates };
        for claim in key_claims(&ctx, 7) {
            assert!(text.get(claim.span.start..claim.span.end).is_some(), "bad claim span {:?}", claim.span);
        }
    }
});
