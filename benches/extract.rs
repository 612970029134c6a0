//! Extraction speed over the real pages of `../shared/corpus/readability`, with dom_smoothie (a
//! Rust port of Readability.js) run side by side on the same pages.
//!
//! `cargo bench --bench extract` prints criterion's figures for the whole corpus, then a table of
//! per-page median and p95 milliseconds for each extractor, their ratios to dom_smoothie's, and
//! the spread of the page-by-page ratio.
//! Set `ARTICLE_LENS_CORPUS` to another folder of `<id>/source.html` pages to use other pages
//! (by default `../shared` or, from a worktree, `../../shared`).

use criterion::Criterion;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const URL: &str = "http://fakehost/test/page.html";

fn corpus() -> Vec<(String, String)> {
    // The shared folder sits beside the main checkout, two levels up from a worktree.
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("ARTICLE_LENS_CORPUS").map(PathBuf::from).unwrap_or_else(|| {
        ["../shared", "../../shared"]
            .iter()
            .map(|s| manifest.join(s).join("corpus/readability"))
            .find(|d| d.is_dir())
            .unwrap_or_else(|| manifest.join("../shared/corpus/readability"))
    });
    let mut pages: Vec<(String, String)> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| {
                    let html = std::fs::read(e.path().join("source.html")).ok()?;
                    Some((e.file_name().to_string_lossy().into_owned(), String::from_utf8_lossy(&html).into_owned()))
                })
                .collect()
        })
        .unwrap_or_default();
    pages.sort();
    pages
}

fn ours(html: &str) -> usize {
    article_lens::extract_article(html, Some(URL)).map_or(0, |a| a.article.text.len())
}

fn ours_full(html: &str) -> usize {
    article_lens::analyze(html, Some(URL), &article_lens::Options::default()).map_or(0, |a| a.article.text.len())
}

fn dom_smoothie(html: &str) -> usize {
    dom_smoothie::Readability::new(html, Some(URL), None)
        .and_then(|mut r| r.parse())
        .map_or(0, |a| a.text_content.len())
}

/// Median time of `runs` calls, in milliseconds.
fn median_ms(runs: usize, f: impl Fn() -> usize) -> f64 {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2].as_secs_f64() * 1000.0
}

fn summary(name: &str, mut ms: Vec<f64>) -> (&str, f64, f64, f64) {
    ms.sort_by(f64::total_cmp);
    (name, percentile(&ms, 0.5), percentile(&ms, 0.95), ms.iter().sum::<f64>())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// The stages after extraction, on each page's extracted text: figures and dates, then key claims.
fn stage_times(pages: &[(String, String)]) -> [Vec<f64>; 2] {
    let (mut entities_ms, mut claims_ms) = (Vec::new(), Vec::new());
    for (_, html) in pages {
        let Ok(a) = article_lens::extract_article(html, Some(URL)) else { continue };
        let (text, title) = (&a.article.text, &a.article.title);
        let lang = article_lens::Lang::resolve(a.article.lang.as_deref(), text);
        let reference = a.article.published.as_deref().and_then(article_lens::parse_iso_datetime);
        entities_ms.push(median_ms(5, || article_lens::entities::find(text, lang, reference).0.len()));
        let (figures, dates) = article_lens::entities::find(text, lang, reference);
        let ctx = article_lens::claims::ClaimContext { text, title, lang, figures: &figures, dates: &dates };
        claims_ms.push(median_ms(5, || article_lens::claims::key_claims(&ctx, article_lens::DEFAULT_MAX_CLAIMS).len()));
    }
    [entities_ms, claims_ms]
}

/// Runs per page for the table. The extractors take turns on each page, in a rotating order, so
/// a slower spell of a shared machine weighs on all of them alike.
const RUNS: usize = 7;

fn per_page_table(pages: &[(String, String)]) {
    type Extractor = fn(&str) -> usize;
    let extractors: [(&str, Extractor); 3] =
        [("article-lens extract", ours), ("article-lens analyze", ours_full), ("dom_smoothie", dom_smoothie)];
    let mut per_page: [Vec<f64>; 3] = Default::default();
    for (_, html) in pages {
        let mut times: [Vec<f64>; 3] = Default::default();
        for run in 0..RUNS {
            for k in 0..extractors.len() {
                let e = (k + run) % extractors.len();
                let t = Instant::now();
                black_box(extractors[e].1(html));
                times[e].push(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
        for (e, t) in times.iter_mut().enumerate() {
            t.sort_by(f64::total_cmp);
            per_page[e].push(t[RUNS / 2]);
        }
    }
    let mut ratios: Vec<f64> = per_page[0].iter().zip(&per_page[2]).map(|(o, p)| o / p).collect();
    ratios.sort_by(f64::total_cmp);
    let mut rows: Vec<_> = extractors.iter().zip(per_page).map(|((name, _), ms)| summary(name, ms)).collect();
    let peer = rows[2];
    let [entities_ms, claims_ms] = stage_times(pages);
    rows.push(summary("  figures+dates only", entities_ms));
    rows.push(summary("  key claims only", claims_ms));
    println!("\nper page over {} pages (median of {RUNS} interleaved runs each), native:", pages.len());
    println!(
        "{:<22} {:>10} {:>10} {:>10} {:>9} {:>9}",
        "extractor", "median ms", "p95 ms", "total ms", "median", "p95"
    );
    for (name, med, p95, total) in &rows {
        println!("{name:<22} {med:>10.3} {p95:>10.3} {total:>10.1} {:>8.2}x {:>8.2}x", med / peer.1, p95 / peer.2);
    }
    println!(
        "article-lens extract / dom_smoothie page by page: median {:.2}x, p95 {:.2}x",
        percentile(&ratios, 0.5),
        percentile(&ratios, 0.95)
    );
}

fn main() {
    let pages = corpus();
    if pages.is_empty() {
        eprintln!("no pages found (set ARTICLE_LENS_CORPUS or provide ../shared/corpus/readability)");
        return;
    }
    let mut c = Criterion::default().sample_size(10).warm_up_time(Duration::from_secs(1)).configure_from_args();
    let mut group = c.benchmark_group("readability-corpus");
    group.bench_function("article-lens extract", |b| b.iter(|| pages.iter().map(|(_, h)| ours(h)).sum::<usize>()));
    group.bench_function("article-lens analyze", |b| b.iter(|| pages.iter().map(|(_, h)| ours_full(h)).sum::<usize>()));
    group.bench_function("dom_smoothie", |b| b.iter(|| pages.iter().map(|(_, h)| dom_smoothie(h)).sum::<usize>()));
    group.finish();
    c.final_summary();
    per_page_table(&pages);
}
