//! The WebAssembly boundary: options in, the [`Analysis`] out (spans in UTF-16 code units),
//! errors as JS `Error`s. Nothing here may panic: inputs are checked, serialization errors are
//! returned.

use crate::{Analysis, Options};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// Options as JavaScript passes them (all optional, camelCase).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
struct JsOptions {
    url: Option<String>,
    reference_date: Option<String>,
    force: Option<bool>,
    max_claims: Option<u32>,
    highlight: Option<bool>,
}

/// Analyses a page: `analyze(html, {url, referenceDate, force, maxClaims, highlight})`.
#[wasm_bindgen]
pub fn analyze(html: &str, options: JsValue) -> Result<JsValue, JsError> {
    let js: JsOptions = if options.is_undefined() || options.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?
    };
    let defaults = Options::default();
    let opts = Options {
        reference_date: js.reference_date,
        force: js.force.unwrap_or(defaults.force),
        max_claims: js.max_claims.map_or(defaults.max_claims, |n| n as usize),
        highlight: js.highlight.unwrap_or(defaults.highlight),
    };
    let mut analysis = crate::analyze(html, js.url.as_deref(), &opts).map_err(|e| JsError::new(&e.to_string()))?;
    to_utf16_spans(&mut analysis);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    analysis.serialize(&serializer).map_err(|e| JsError::new(&format!("could not return the analysis: {e}")))
}

/// The crate version, for the UI's "about" line.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Rewrites code point spans as UTF-16 code unit spans (what JavaScript strings index by).
fn to_utf16_spans(a: &mut Analysis) {
    let text = std::mem::take(&mut a.article.text);
    let mut offsets = a.span_offsets_mut();
    offsets.sort_by_key(|o| **o);
    let (mut chars, mut units) = (0usize, 0usize);
    let mut it = text.chars();
    for o in offsets {
        while chars < *o {
            match it.next() {
                Some(c) => {
                    chars += 1;
                    units += c.len_utf16();
                }
                None => break,
            }
        }
        *o = units;
    }
    a.article.text = text;
}
