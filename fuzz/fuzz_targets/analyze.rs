//! Any bytes as a page: `analyze` returns a result or a clear error, never panics, and every
//! span lies inside the article text. The bytes are decoded as the CLI decodes them.
#![no_main]

use article_lens::{Options, analyze};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, page)) = data.split_first() else { return };
    let (html, _) = article_lens::decode::decode_page(page);
    let options = Options::new().force(flags & 1 != 0).highlight(flags & 2 != 0).max_claims(usize::from(flags >> 4));
    let url = (flags & 4 != 0).then_some("https://example.com/news/2025/01/29/story.html");
    let Ok(analysis) = analyze(&html, url, &options) else { return };
    let chars = analysis.article.text.chars().count();
    let spans = analysis.claims.iter().map(|c| &c.span);
    let spans = spans.chain(analysis.figures.iter().map(|f| &f.span)).chain(analysis.dates.iter().map(|d| &d.span));
    for span in spans {
        assert!(span.start <= span.end && span.end <= chars, "span {span:?} outside {chars} chars");
    }
});
