//! Extracts every `<dir>/<id>/source.html` once, for profilers (callgrind, perf):
//! `cargo build --release --example extract_corpus && valgrind --tool=callgrind target/release/examples/extract_corpus ../shared/corpus/readability`
//! With `--peer`, runs dom_smoothie (the benchmark's peer) instead.
fn main() {
    let peer = std::env::args().any(|a| a == "--peer");
    let dir = std::env::args().skip(1).find(|a| a != "--peer").unwrap_or_else(|| "../shared/corpus/readability".into());
    let mut pages: Vec<_> = std::fs::read_dir(&dir).expect("corpus folder").flatten().map(|e| e.path()).collect();
    pages.sort();
    let mut chars = 0;
    for page in pages {
        let Ok(bytes) = std::fs::read(page.join("source.html")) else { continue };
        let html = String::from_utf8_lossy(&bytes);
        let url = "http://fakehost/test/page.html";
        chars += if peer {
            dom_smoothie::Readability::new(html.as_ref(), Some(url), None)
                .and_then(|mut r| r.parse())
                .map_or(0, |a| a.text_content.len())
        } else {
            article_lens::extract_article(&html, Some(url)).map_or(0, |a| a.article.text.len())
        };
    }
    println!("{chars} bytes of article text");
}
