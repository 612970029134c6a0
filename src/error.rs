//! The one error type of the crate.

use std::fmt;

/// Largest input accepted by [`crate::analyze`], in bytes (8 MiB). Real article pages are far
/// smaller (the largest in our corpus is under 2 MiB); past this the work would not stay bounded.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// Why an analysis could not be made. Each message is written for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input is larger than [`MAX_INPUT_BYTES`].
    TooLarge { bytes: usize, limit: usize },
    /// The input is not text (NUL bytes or mostly control characters): likely a binary file.
    NotText,
    /// The input holds no HTML or text at all.
    Empty,
    /// The page URL given by the caller could not be parsed.
    InvalidUrl(String),
    /// An option had a value that cannot be used (name, why).
    InvalidOption(String, String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooLarge { bytes, limit } => write!(
                f,
                "the page is too large to analyse ({:.1} MiB; the limit is {:.0} MiB)",
                *bytes as f64 / 1048576.0,
                *limit as f64 / 1048576.0
            ),
            Error::NotText => f.write_str("the input is not an HTML page or text (it looks like binary data)"),
            Error::Empty => f.write_str("the page is empty"),
            Error::InvalidUrl(u) => write!(f, "the page URL is not valid: {u}"),
            Error::InvalidOption(name, why) => write!(f, "option {name}: {why}"),
        }
    }
}

impl std::error::Error for Error {}
