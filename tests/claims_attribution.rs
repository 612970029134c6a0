//! Speaker accuracy on a hand-written attribution set (English and French): quotes, reported
//! speech, inversions, "according to"/"selon", pronouns resolved to an earlier name, and the
//! frames of `attribution_frames.tsv`.

use article_lens::Lang;
use article_lens::claims::attribution::speakers;

/// Share of cases whose last sentence gets exactly the expected speaker (or none): all of them,
/// so a rule that breaks a case, or a case added that fails, is seen.
const MIN_ACCURACY: f64 = 1.0;

#[test]
fn speaker_accuracy() {
    assert!(accuracy("attribution.tsv", 60) >= MIN_ACCURACY);
}

/// Cases written after the rules were settled: the honest figure, held to a lower bar.
#[test]
fn speaker_accuracy_on_fresh_cases() {
    assert!(accuracy("attribution_fresh.tsv", 30) >= 0.75);
}

/// One row per rule of the attribution frames (unnamed sources, inversions, possessors,
/// quotes over several sentences, pronouns by gender and number, reports that are not made).
#[test]
fn speaker_frames() {
    assert!(accuracy("attribution_frames.tsv", 45) >= MIN_ACCURACY);
}

/// Cases of regional French news and English newswire written before the last round of rules
/// changed, scored as the speaker scorer scores them: the speaker's accuracy where there is one
/// (the bar a little under the figure measured), and false speakers on narration.
#[test]
fn speaker_accuracy_on_fresh_news() {
    let (accuracy, false_speakers) = scored("attribution_fresh2.tsv", 100);
    assert!(accuracy >= FRESH_NEWS_FLOOR, "accuracy {accuracy:.3}");
    assert!(false_speakers <= 0.1, "false speakers {false_speakers:.3}");
}

const FRESH_NEWS_FLOOR: f64 = 0.95;

/// A third set written the same way before the rules of its round (speakers6) changed: at first
/// sight French 50/59 and English 27/29 with no false speaker; the bar a little under today's.
#[test]
fn speaker_accuracy_on_fresh_news_3() {
    let (accuracy, false_speakers) = scored("attribution_fresh3.tsv", 100);
    assert!(accuracy >= 0.95, "accuracy {accuracy:.3}");
    assert!(false_speakers <= 0.05, "false speakers {false_speakers:.3}");
}

/// French only, written after the first rules of the same round and never tuned on: at first
/// sight 26/28, no false speaker.
#[test]
fn speaker_accuracy_on_fresh_news_4() {
    let (accuracy, false_speakers) = scored("attribution_fresh4.tsv", 40);
    assert!(accuracy >= 0.9, "accuracy {accuracy:.3}");
    assert!(false_speakers <= 0.1, "false speakers {false_speakers:.3}");
}

/// The scorer's matching: equal, or one contains the other as whole words (case-insensitive;
/// a shown speaker of under 4 characters, or an expected one under 3, contains nothing).
fn same_speaker(shown: &str, expected: &str) -> bool {
    let norm = |s: &str| s.to_lowercase().replace(['‘', '’'], "'").split_whitespace().collect::<Vec<_>>().join(" ");
    let within = |a: &str, b: &str| {
        b.match_indices(a).any(|(i, _)| {
            let before = b[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric() && c != '_');
            let after = b[i + a.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric() && c != '_');
            before && after
        })
    };
    let o = norm(shown);
    !o.is_empty()
        && expected
            .split('|')
            .map(norm)
            .any(|g| o == g || (g.chars().count() >= 3 && within(&g, &o)) || (o.chars().count() >= 4 && within(&o, &g)))
}

/// (accuracy on the rows with a speaker, share of narration rows given one) of `file`, whose
/// rows judge their last sentence or the one at the index of a fourth column.
fn scored(file: &str, min_cases: usize) -> (f64, f64) {
    let path = format!("{}/tests/claims/{file}", env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read_to_string(path).expect("fixture");
    // Per language: (with a speaker, right, narration, given one).
    let mut tally = [[0usize; 4]; 2];
    for line in data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() == 3 || cols.len() == 4, "bad line: {line}");
        let lang = Lang::from_tag(cols[0]).expect("lang");
        let text = cols[1].replace("\\n", "\n");
        let mut all = speakers(&text, lang);
        let judged = match cols.get(3) {
            Some(i) => i.parse::<usize>().ok().filter(|&i| i < all.len()).map(|i| all.swap_remove(i)),
            None => all.pop(),
        };
        let got = judged.and_then(|(_, s)| s);
        let t = &mut tally[usize::from(lang == Lang::Fr)];
        let ok = if cols[2] == "-" {
            t[2] += 1;
            t[3] += usize::from(got.is_some());
            got.is_none()
        } else {
            t[0] += 1;
            let right = got.as_deref().is_some_and(|g| same_speaker(g, cols[2]));
            t[1] += usize::from(right);
            right
        };
        if !ok {
            println!("MISS [{}] {} → got {:?}, expected {:?}", cols[0], cols[1], got, cols[2]);
        }
    }
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    for (lang, t) in ["en", "fr"].iter().zip(&tally) {
        println!(
            "{file} {lang}: speaker accuracy {}/{} = {:.3}, false speakers {}/{} = {:.3}",
            t[1],
            t[0],
            ratio(t[1], t[0]),
            t[3],
            t[2],
            ratio(t[3], t[2])
        );
    }
    let sum = |i: usize| tally[0][i] + tally[1][i];
    assert!(sum(0) + sum(2) >= min_cases);
    (ratio(sum(1), sum(0)), ratio(sum(3), sum(2)))
}

fn accuracy(file: &str, min_cases: usize) -> f64 {
    let path = format!("{}/tests/claims/{file}", env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read_to_string(path).expect("fixture");
    let (mut total, mut right) = (0usize, 0usize);
    let mut per_lang = [(0usize, 0usize); 2];
    for line in data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "bad line: {line}");
        let lang = Lang::from_tag(cols[0]).expect("lang");
        let text = cols[1].replace("\\n", "\n");
        let expected = (cols[2] != "-").then_some(cols[2]);
        let got = speakers(&text, lang).pop().and_then(|(_, s)| s);
        let ok = got.as_deref() == expected;
        if !ok {
            println!("MISS [{}] {} → got {:?}, expected {:?}", cols[0], cols[1], got, expected);
        }
        total += 1;
        right += usize::from(ok);
        let l = &mut per_lang[usize::from(lang == Lang::Fr)];
        l.0 += 1;
        l.1 += usize::from(ok);
    }
    let accuracy = right as f64 / total as f64;
    println!(
        "{file}: speaker accuracy {right}/{total} = {accuracy:.3} (en {}/{}, fr {}/{})",
        per_lang[0].1, per_lang[0].0, per_lang[1].1, per_lang[1].0
    );
    assert!(total >= min_cases);
    accuracy
}

/// The probe of round speakers7 (French regional news and English wire copy), labelled before
/// any rule of the round changed: at first sight French 51/56 and English 30/34, no false
/// speaker; the bar a little under today's.
#[test]
fn speaker_accuracy_on_fresh_news_5() {
    let (accuracy, false_speakers) = scored("attribution_fresh5.tsv", 110);
    assert!(accuracy >= 0.93, "accuracy {accuracy:.3}");
    assert!(false_speakers <= 0.05, "false speakers {false_speakers:.3}");
}

/// The families round speakers7 changed, written after its rules were settled and run once: at
/// first sight French 5/6 with one false speaker ("Pour les habitants, le stationnement reste
/// interdit": whom a rule is for, read as their view), English 8/8.
#[test]
fn speaker_accuracy_on_fresh_news_6() {
    let (accuracy, false_speakers) = scored("attribution_fresh6.tsv", 20);
    assert!(accuracy >= 0.9, "accuracy {accuracy:.3}");
    assert!(false_speakers <= 0.2, "false speakers {false_speakers:.3}");
}
