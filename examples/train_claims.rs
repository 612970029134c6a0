//! Trains the check-worthiness model on the CT24 train split and writes `src/claims/weights.bin`.
//!
//!     cargo run --release --example train_claims [CORPUS_DIR] [OUT_FILE]
//!
//! CORPUS_DIR defaults to `../shared/corpus/claims`. Only the train split is read. Logistic
//! regression (SGD with AdaGrad steps, L2), hyper-parameters chosen by 5-fold cross-validation
//! on train (average precision; folds are contiguous sentence-id ranges, i.e. unseen debates);
//! the decision shift is the mean F1-best threshold of the folds, so that score 0.5 is the tuned
//! threshold. Deterministic: fixed seed, fixed order. The dev split is never read.

use article_lens::Lang;
use article_lens::claims::features::{BUCKETS, features};
use article_lens::claims::model::{Model, sigmoid};

const SEED: u64 = 0x5eed_c1a1;
const FOLDS: usize = 5;

struct Example {
    x: Vec<(u32, f32)>,
    y: bool,
    /// Sentence id: neighbouring ids come from the same debate.
    id: u64,
}

/// Rows of a tab-separated file with Python-csv quoting (a field starting with `"` runs to the
/// closing quote; `""` is a quote).
fn parse_tsv(data: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let mut chars = data.chars().peekable();
    let (mut quoted, mut at_start) = (false, true);
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '\t' => {
                row.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_start = true;
            }
            _ => {
                field.push(c);
                at_start = false;
            }
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn load(path: &std::path::Path) -> Vec<Example> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let rows = parse_tsv(&data);
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    let (id, text, label) = (col("Sentence_id"), col("Text"), col("class_label"));
    rows[1..]
        .iter()
        .filter_map(|r| {
            let y = match r.get(label)?.trim() {
                "Yes" => true,
                "No" => false,
                _ => return None,
            };
            let id = r.get(id)?.trim().parse().unwrap_or(0);
            Some(Example { x: features(r.get(text)?, Lang::En), y, id })
        })
        .collect()
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Params {
    l2: f32,
    epochs: usize,
    rate: f32,
}

/// Trains on `data[idx]`; returns weights and bias.
fn train(data: &[Example], idx: &[usize], p: Params, seed: u64) -> (Vec<f32>, f32) {
    let mut w = vec![0f32; BUCKETS];
    let mut g2 = vec![1e-6f32; BUCKETS];
    let (mut b, mut gb2) = (0f32, 1e-6f32);
    let mut order = idx.to_vec();
    let mut rng = Rng(seed);
    for _ in 0..p.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let ex = &data[i];
            let z: f32 = b + ex.x.iter().map(|&(k, v)| w[k as usize] * v).sum::<f32>();
            let err = sigmoid(z) - if ex.y { 1.0 } else { 0.0 };
            for &(k, v) in &ex.x {
                let k = k as usize;
                // L2 spread over the examples, applied where the feature occurs.
                let g = err * v + p.l2 * 1e-3 * w[k];
                g2[k] += g * g;
                w[k] -= p.rate * g / g2[k].sqrt();
            }
            gb2 += err * err;
            b -= p.rate * err / gb2.sqrt();
        }
    }
    (w, b)
}

fn margin(w: &[f32], b: f32, x: &[(u32, f32)]) -> f32 {
    b + x.iter().map(|&(k, v)| w[k as usize] * v).sum::<f32>()
}

fn average_precision(scored: &mut [(f32, bool)]) -> f32 {
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let pos = scored.iter().filter(|s| s.1).count().max(1) as f32;
    let (mut tp, mut ap) = (0f32, 0f32);
    for (i, s) in scored.iter().enumerate() {
        if s.1 {
            tp += 1.0;
            ap += tp / (i as f32 + 1.0);
        }
    }
    ap / pos
}

/// (threshold, F1) maximizing F1 over the margins.
fn best_threshold(scored: &mut [(f32, bool)]) -> (f32, f32) {
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let pos = scored.iter().filter(|s| s.1).count() as f32;
    let (mut tp, mut best) = (0f32, (0f32, 0f32));
    for (i, s) in scored.iter().enumerate() {
        if s.1 {
            tp += 1.0;
        }
        let f1 = 2.0 * tp / (i as f32 + 1.0 + pos);
        let next_differs = scored.get(i + 1).is_none_or(|n| n.0 < s.0);
        if next_differs && f1 > best.1 {
            let below = scored.get(i + 1).map_or(s.0 - 1.0, |n| n.0);
            best = ((s.0 + below) / 2.0, f1);
        }
    }
    best
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Default: the shared corpus next to the repository (also found from a worktree under /work/wt).
    let dir = match args.first() {
        Some(d) => std::path::PathBuf::from(d),
        None => ["../shared/corpus/claims", "../../shared/corpus/claims"]
            .iter()
            .map(std::path::PathBuf::from)
            .find(|p| p.is_dir())
            .unwrap_or_else(|| "../shared/corpus/claims".into()),
    };
    let out = args.get(1).map_or("src/claims/weights.bin", String::as_str);
    let data = load(&dir.join("CT24_checkworthy_english_train.tsv"));
    let pos = data.iter().filter(|e| e.y).count();
    eprintln!("train: {} sentences, {} check-worthy", data.len(), pos);

    // Folds are contiguous id ranges (whole debates), so that cross-validation measures
    // generalization to unseen debates rather than to unseen sentences of seen ones.
    let mut all: Vec<usize> = (0..data.len()).collect();
    all.sort_by_key(|&i| data[i].id);
    let fold_size = all.len().div_ceil(FOLDS);
    let fold_of = |j: usize| j / fold_size;
    let grid: Vec<Params> = [0.1f32, 1.0, 5.0]
        .iter()
        .flat_map(|&l2| [12usize, 20].map(|epochs| Params { l2, epochs, rate: 0.05 }))
        .collect();
    let mut best: Option<(f32, Params, f32)> = None;
    for p in grid {
        let (mut aps, mut thresholds, mut f1s) = (0f32, 0f32, 0f32);
        for fold in 0..FOLDS {
            let train_idx: Vec<usize> =
                all.iter().enumerate().filter(|(j, _)| fold_of(*j) != fold).map(|(_, &i)| i).collect();
            let (w, b) = train(&data, &train_idx, p, SEED + fold as u64);
            let mut scored: Vec<(f32, bool)> = all
                .iter()
                .enumerate()
                .filter(|(j, _)| fold_of(*j) == fold)
                .map(|(_, &i)| (margin(&w, b, &data[i].x), data[i].y))
                .collect();
            aps += average_precision(&mut scored);
            let (t, f1) = best_threshold(&mut scored);
            thresholds += t;
            f1s += f1;
        }
        let (ap, t, f1) = (aps / FOLDS as f32, thresholds / FOLDS as f32, f1s / FOLDS as f32);
        eprintln!("{p:?}: cv AP {ap:.4}  F1@best {f1:.4}  threshold {t:.3}");
        if best.is_none_or(|(b, _, _)| ap > b) {
            best = Some((ap, p, t));
        }
    }
    let Some((ap, p, shift)) = best else { return };
    eprintln!("chosen {p:?} (cv AP {ap:.4}), shift {shift:.3}; training on all of train");
    let (w, b) = train(&data, &all, p, SEED);
    let model = Model::quantize(&w, b, shift);
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).unwrap_or_else(|e| panic!("{out}: {e}"));
    let mut scored: Vec<(f32, bool)> = data.iter().map(|e| (model.margin(&e.x), e.y)).collect();
    eprintln!("wrote {out}: {} bytes; train AP (quantized) {:.4}", bytes.len(), average_precision(&mut scored));
}
