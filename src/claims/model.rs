//! The check-worthiness model: logistic regression over [`features`](super::features), stored
//! as quantized weights (`weights.bin`, written by `examples/train_claims.rs`), with Platt
//! calibration so that a score is a probability.
//!
//! File format (little endian): magic `ALCW`, version u32 (2), bucket count u32, then f32s:
//! weight scale, bias, calibration slope `a`, calibration offset `b`, decision threshold; then one
//! i8 weight per bucket. A sentence's margin is `m = bias + scale·Σ wᵢ·xᵢ`, its score
//! `sigmoid(a·m + b)`: the probability that it is check-worthy, calibrated on predictions for
//! debates the model had not seen (grouped cross-validation on train). The decision threshold is
//! the probability above which a sentence counts as check-worthy (F1-best in that
//! cross-validation).

use std::sync::OnceLock;

const MAGIC: &[u8; 4] = b"ALCW";
const VERSION: u32 = 2;
const HEADER: usize = 32;

/// Quantized logistic-regression weights with their calibration.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub scale: f32,
    pub bias: f32,
    /// Platt calibration: probability = sigmoid(slope · margin + offset).
    pub slope: f32,
    pub offset: f32,
    /// Calibrated probability from which a sentence is called check-worthy.
    pub decision: f32,
    pub weights: Vec<i8>,
}

impl Model {
    /// Quantizes float weights to i8 with one scale (max |w| ↦ 127); no calibration yet.
    pub fn quantize(weights: &[f32], bias: f32) -> Model {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        let weights = weights.iter().map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8).collect();
        Model { scale, bias, slope: 1.0, offset: 0.0, decision: 0.5, weights }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + self.weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(self.weights.len() as u32).to_le_bytes());
        for v in [self.scale, self.bias, self.slope, self.offset, self.decision] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend(self.weights.iter().map(|&w| w as u8));
        out
    }

    /// Reads a weights file; `None` when it is not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let word = |i: usize| -> Option<[u8; 4]> { bytes.get(i..i + 4)?.try_into().ok() };
        if bytes.get(..4)? != MAGIC || u32::from_le_bytes(word(4)?) != VERSION {
            return None;
        }
        let n = u32::from_le_bytes(word(8)?) as usize;
        let [scale, bias, slope, offset, decision] = [12, 16, 20, 24, 28].map(|i| word(i).map(f32::from_le_bytes));
        let weights: Vec<i8> = bytes.get(HEADER..)?.iter().map(|&b| b as i8).collect();
        if weights.len() != n || n == 0 {
            return None;
        }
        Some(Model { scale: scale?, bias: bias?, slope: slope?, offset: offset?, decision: decision?, weights })
    }

    /// The raw decision value (log-odds before calibration).
    pub fn margin(&self, features: &[(u32, f32)]) -> f32 {
        self.bias + features.iter().map(|&(b, v)| self.weight(b) * v).sum::<f32>()
    }

    /// The weight of one bucket.
    pub fn weight(&self, bucket: u32) -> f32 {
        let n = self.weights.len();
        self.weights.get(bucket as usize % n).map_or(0.0, |&w| self.scale * f32::from(w))
    }

    /// Calibrated probability that the sentence is check-worthy.
    pub fn score(&self, features: &[(u32, f32)]) -> f32 {
        self.calibrate(self.margin(features))
    }

    /// A margin as a calibrated probability.
    pub fn calibrate(&self, margin: f32) -> f32 {
        sigmoid(self.slope * margin + self.offset)
    }
}

/// In f64, rounded to f32: `exp` differs in the last bit between the native libm and wasm's, and
/// the reader (wasm) and the CLI must give the same scores.
pub fn sigmoid(z: f32) -> f32 {
    if z.is_nan() { 0.5 } else { (1.0 / (1.0 + (-f64::from(z)).exp())) as f32 }
}

static WEIGHTS: &[u8] = include_bytes!("weights.bin");

/// The compiled-in model (`None` only if the weights file were damaged).
pub fn builtin() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(WEIGHTS)).as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_rejects_garbage() {
        let mut m = Model::quantize(&[0.5, -1.0, 0.0, 0.25], 0.1);
        m.slope = 0.8;
        m.decision = 0.4;
        let back = Model::from_bytes(&m.to_bytes()).expect("valid file");
        assert_eq!(back, m);
        assert_eq!(back.weights, vec![64, -127, 0, 32]);
        assert!(Model::from_bytes(b"ALCW").is_none());
        assert!(Model::from_bytes(&m.to_bytes()[..34]).is_none());
        assert!((back.score(&[(1, 1.0)]) - sigmoid(0.8 * (0.1 - 1.0))).abs() < 1e-6);
        assert!(Model::from_bytes(b"").is_none());
    }

    #[test]
    fn builtin_model_loads() {
        let m = builtin().expect("weights.bin is a model");
        assert_eq!(m.weights.len(), super::super::features::BUCKETS);
    }
}
