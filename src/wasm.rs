//! The WebAssembly boundary: options in, the [`Analysis`] out (spans in UTF-16 code units),
//! errors as JS `Error`s. Nothing here may panic: inputs are checked, serialization errors are
//! returned.

use crate::{Analysis, Error, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The option keys JavaScript may pass, as it spells them.
const OPTION_KEYS: [&str; 6] = ["url", "referenceDate", "force", "maxClaims", "highlight", "timings"];
const OPTIONS_SHAPE: &str = "{url, referenceDate, force, maxClaims, highlight, timings}";

#[wasm_bindgen]
extern "C" {
    /// The host's `performance.now()` (a window or a worker), for [`crate::timing`].
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

pub(crate) fn now_ms() -> f64 {
    performance_now()
}

/// Analyses a page: `analyze(html, {url, referenceDate, force, maxClaims, highlight, timings})`
/// (`timings: true` adds the time of each stage, a debug aid).
#[wasm_bindgen]
pub fn analyze(html: &str, options: JsValue) -> Result<JsValue, JsError> {
    let (url, opts) = parse_options(options)?;
    let analysis = crate::analyze(html, url.as_deref(), &opts).map_err(|e| JsError::new(&js_message(&e)))?;
    to_js(analysis)
}

/// `analyze` in two steps, for a reader that shows the text first:
/// `const job = new Extraction(html, options)` extracts the article (errors as `analyze` gives
/// them), `job.readingView()` returns it without claims, figures or dates, and `job.annotate()`
/// returns the whole analysis, once; then `job.free()`.
#[wasm_bindgen]
pub struct Extraction {
    extracted: Option<crate::Extracted>,
}

#[wasm_bindgen]
impl Extraction {
    #[wasm_bindgen(constructor)]
    pub fn new(html: &str, options: JsValue) -> Result<Extraction, JsError> {
        let (url, opts) = parse_options(options)?;
        let extracted =
            crate::Extracted::new(html, url.as_deref(), &opts).map_err(|e| JsError::new(&js_message(&e)))?;
        Ok(Extraction { extracted: Some(extracted) })
    }

    #[wasm_bindgen(js_name = readingView)]
    pub fn reading_view(&self) -> Result<JsValue, JsError> {
        match &self.extracted {
            Some(extracted) => to_js(extracted.reading_view()),
            None => Err(JsError::new("the analysis is already done: readingView() comes before annotate()")),
        }
    }

    pub fn annotate(&mut self) -> Result<JsValue, JsError> {
        match self.extracted.take() {
            Some(extracted) => to_js(extracted.annotate()),
            None => Err(JsError::new("the analysis is already done: annotate() returns it once")),
        }
    }
}

/// The analysis as a plain JS object, spans in UTF-16 code units.
fn to_js(mut analysis: Analysis) -> Result<JsValue, JsError> {
    to_utf16_spans(&mut analysis);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    analysis.serialize(&serializer).map_err(|e| JsError::new(&format!("could not return the analysis: {e}")))
}

/// The fact-check worksheet of a page: `worksheet(html, {url, referenceDate, force, maxClaims},
/// "markdown" | "json")`, as a string (spans in it are code points, see [`crate::worksheet`]).
#[wasm_bindgen]
pub fn worksheet(html: &str, options: JsValue, format: &str) -> Result<String, JsError> {
    let format: crate::worksheet::Format = format.parse().map_err(|e: String| JsError::new(&e))?;
    let (url, opts) = parse_options(options)?;
    let opts = Options { highlight: false, ..opts };
    let analysis = crate::analyze(html, url.as_deref(), &opts).map_err(|e| JsError::new(&js_message(&e)))?;
    crate::worksheet::render(&analysis, format).map_err(|e| JsError::new(&js_message(&e)))
}

/// The crate version, for the UI's "about" line.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Reads the options object JavaScript passed (`undefined` and `null` mean the defaults, and so
/// does a key whose value is `undefined` or `null`): the page URL and the analysis [`Options`].
/// Unknown keys and ill-typed values are errors that name the key.
pub fn parse_options(options: JsValue) -> Result<(Option<String>, Options), JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok((None, Options::default()));
    }
    if !options.is_object() || options.is_function() || js_sys::Array::is_array(&options) {
        return Err(JsError::new(&format!("invalid options: expected an object like {OPTIONS_SHAPE}")));
    }
    let object: &js_sys::Object = options.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_KEYS.contains(&key.as_str()) {
            return Err(JsError::new(&format!("invalid options: unknown key \"{key}\" (expected {OPTIONS_SHAPE})")));
        }
    }
    let defaults = Options::default();
    let opts = Options {
        reference_date: string_option(&options, "referenceDate")?,
        force: bool_option(&options, "force")?.unwrap_or(defaults.force),
        max_claims: count_option(&options, "maxClaims")?.unwrap_or(defaults.max_claims),
        highlight: bool_option(&options, "highlight")?.unwrap_or(defaults.highlight),
        timings: bool_option(&options, "timings")?.unwrap_or(defaults.timings),
    };
    Ok((string_option(&options, "url")?, opts))
}

/// The value of `key`, `None` when it is absent, `undefined` or `null`.
fn option_value(options: &JsValue, key: &str) -> Result<Option<JsValue>, JsError> {
    let value = js_sys::Reflect::get(options, &JsValue::from_str(key))
        .map_err(|_| JsError::new(&format!("invalid options: {key} could not be read")))?;
    Ok(if value.is_undefined() || value.is_null() { None } else { Some(value) })
}

fn bad_value(key: &str, expected: &str, value: &JsValue) -> JsError {
    let shown = js_sys::JSON::stringify(value).ok().and_then(|s| s.as_string()).unwrap_or_else(|| format!("{value:?}"));
    let shown: String = shown.chars().take(40).collect();
    JsError::new(&format!("invalid options: {key} must be {expected}, not {shown}"))
}

fn string_option(options: &JsValue, key: &str) -> Result<Option<String>, JsError> {
    match option_value(options, key)? {
        None => Ok(None),
        Some(v) => v.as_string().map(Some).ok_or_else(|| bad_value(key, "a string", &v)),
    }
}

fn bool_option(options: &JsValue, key: &str) -> Result<Option<bool>, JsError> {
    match option_value(options, key)? {
        None => Ok(None),
        Some(v) => v.as_bool().map(Some).ok_or_else(|| bad_value(key, "true or false", &v)),
    }
}

/// A whole number from 0 to 2^32 − 1.
fn count_option(options: &JsValue, key: &str) -> Result<Option<usize>, JsError> {
    match option_value(options, key)? {
        None => Ok(None),
        Some(v) => match v.as_f64() {
            Some(n) if n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&n) => Ok(Some(n as usize)),
            _ => Err(bad_value(key, "a whole number from 0 to 4294967295", &v)),
        },
    }
}

/// The error's message, with option names spelled as JavaScript passes them.
fn js_message(e: &Error) -> String {
    match e {
        Error::InvalidOption(name, why) => Error::InvalidOption(camel_case(name), why.clone()).to_string(),
        other => other.to_string(),
    }
}

fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Rewrites code point spans as UTF-16 code unit spans (what JavaScript strings index by).
/// Offsets past the end of the text become the text's length in UTF-16 code units.
pub fn to_utf16_spans(a: &mut Analysis) {
    let text = std::mem::take(&mut a.article.text);
    let mut offsets = a.span_offsets_mut();
    crate::sort::sort_by_key(&mut offsets, |o| **o);
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
