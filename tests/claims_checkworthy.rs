//! Check-worthiness on hand-written sentences in English and French (French has no training
//! data: the cue features carry it).

use article_lens::Lang;
use article_lens::claims::{check_worthiness, decision_threshold};

#[test]
fn decision_threshold_separates_claims_from_talk_in_both_languages() {
    let data =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/claims/checkworthy.tsv")).expect("fixture");
    let mut right = [0usize; 2];
    let mut total = [0usize; 2];
    for line in data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let lang = Lang::from_tag(cols[0]).expect("lang");
        let positive = cols[1] == "1";
        let score = check_worthiness(cols[2], lang);
        assert!((0.0..=1.0).contains(&score));
        let ok = (score >= decision_threshold()) == positive;
        if !ok {
            println!("MISS [{}] {score:.2} {}", cols[0], cols[2]);
        }
        let l = usize::from(lang == Lang::Fr);
        total[l] += 1;
        right[l] += usize::from(ok);
    }
    println!("accuracy at the decision threshold: en {}/{}, fr {}/{}", right[0], total[0], right[1], total[1]);
    assert!(right[0] * 10 >= total[0] * 9, "English accuracy too low");
    assert!(right[1] * 10 >= total[1] * 8, "French accuracy too low");
}
