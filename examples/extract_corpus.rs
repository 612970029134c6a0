//! Extracts every `<dir>/<id>/source.html` once, for profilers (callgrind, perf):
//! `cargo build --release --example extract_corpus && valgrind --tool=callgrind target/release/examples/extract_corpus ../shared/corpus/readability`
//! With `--peer`, runs dom_smoothie (the benchmark's peer) instead; with `--analyze`, the whole
//! `analyze()` (forced, as the reader's *Show anyway*), several folders allowed.
fn main() {
    let peer = std::env::args().any(|a| a == "--peer");
    let analyze = std::env::args().any(|a| a == "--analyze");
    let mut dirs: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    if dirs.is_empty() {
        dirs.push("../shared/corpus/readability".into());
    }
    let mut pages: Vec<_> =
        dirs.iter().flat_map(|d| std::fs::read_dir(d).expect("corpus folder").flatten().map(|e| e.path())).collect();
    pages.sort();
    let mut chars = 0;
    let options = article_lens::Options::new().force(true).reference_date("2025-01-01");
    for page in pages {
        let Ok(bytes) = std::fs::read(page.join("source.html")) else { continue };
        let html = String::from_utf8_lossy(&bytes);
        let url = "http://fakehost/test/page.html";
        chars += if peer {
            dom_smoothie::Readability::new(html.as_ref(), Some(url), None)
                .and_then(|mut r| r.parse())
                .map_or(0, |a| a.text_content.len())
        } else if analyze {
            article_lens::analyze(&html, Some(url), &options).map_or(0, |a| a.article.text.len() + a.claims.len())
        } else {
            article_lens::extract_article(&html, Some(url)).map_or(0, |a| a.article.text.len())
        };
    }
    println!("{chars} bytes of article text");
}
