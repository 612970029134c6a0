//! Key claims: check-worthy sentences, their kind and who makes them.

use crate::lang::Lang;
use crate::model::{Claim, DateMention, Figure};

pub mod attribution;
pub mod features;
pub mod lang;
pub mod model;
pub mod sentences;

/// What the claim finder sees of an article. Spans of `figures` and `dates` are byte offsets
/// into `text`.
pub struct ClaimContext<'a> {
    pub text: &'a str,
    pub title: &'a str,
    pub lang: Lang,
    pub figures: &'a [Figure],
    pub dates: &'a [DateMention],
}

/// The article's key claims, best first, at most `max`. Spans are byte offsets into `ctx.text`.
pub fn key_claims(ctx: &ClaimContext<'_>, max: usize) -> Vec<Claim> {
    let _ = (ctx, max);
    Vec::new()
}

/// Check-worthiness of one sentence, in [0, 1].
pub fn check_worthiness(sentence: &str, lang: Lang) -> f32 {
    let features = features::features(sentence, lang);
    match model::builtin() {
        Some(m) => m.score(&features),
        None => 0.0,
    }
}
