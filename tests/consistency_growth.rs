//! The consistency rules stay linear on a page of many figures: one paragraph of sentences
//! that each give a sum of money (all comparable: the same unit, the same words around them)
//! costs 8× the CPU time at 8× the sentences, not 64× (each figure is compared with a bounded
//! number of others; a sentence's figures and dates are found by binary search).

mod common;

use article_lens::{Lang, consistency, entities};

/// `n` sentences about the same fund, each with its own amount.
fn paragraph(n: usize) -> String {
    (0..n)
        .map(|i| format!("The harbour fund paid ${} million to the port authority. ", 10 + (i * 7919) % 5000))
        .collect()
}

#[test]
fn many_comparable_figures_are_linear() {
    // Past the comparison bound at 1× already (150 figures of one unit), so 8× shows the bound.
    let inputs: Vec<(String, Vec<_>, Vec<_>)> = [150, 1200]
        .into_iter()
        .map(|n| {
            let text = paragraph(n);
            let (figures, dates) = entities::find(&text, Lang::En, None);
            assert_eq!(figures.len(), n, "one figure per sentence");
            (text, figures, dates)
        })
        .collect();
    common::assert_linear("consistency over many comparable figures", |k| {
        let (text, figures, dates) = &inputs[usize::from(k == 8)];
        std::hint::black_box(consistency::find(text, Lang::En, figures, dates, None));
    });
}
