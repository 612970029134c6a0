//! The result of an analysis: one schema, serialized as is by the CLI and the wasm boundary.
//!
//! Spans are `[start, end)` offsets into [`Article::text`] counted in Unicode code points
//! (the wasm boundary converts them to UTF-16 code units for JavaScript).

use serde::{Deserialize, Serialize};

/// Everything Article Lens knows about one page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The extracted article and its metadata.
    pub article: Article,
    /// Whether the page looks like an article, and why.
    pub verdict: Verdict,
    /// The key claims, best first.
    pub claims: Vec<Claim>,
    /// Money, percentages, counts, quantities and ranges, in text order.
    pub figures: Vec<Figure>,
    /// Absolute and relative dates, times, periods and durations, in text order.
    pub dates: Vec<DateMention>,
    /// Places where the article disagrees with itself, in text order (empty when none).
    #[serde(default)]
    pub consistency: Vec<Finding>,
    /// Time per stage, in order, when [`crate::Options::timings`] asks for it (a debug aid;
    /// absent otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timings: Vec<StageTime>,
}

/// One stage of an analysis and the milliseconds it took.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StageTime {
    pub stage: String,
    pub ms: f64,
}

impl Analysis {
    /// Every span offset of the claims, figures and dates, for unit conversions.
    pub(crate) fn span_offsets_mut(&mut self) -> Vec<&mut usize> {
        let claims = self.claims.iter_mut().map(|c| &mut c.span);
        let figures = self.figures.iter_mut().map(|f| &mut f.span);
        let dates = self.dates.iter_mut().map(|d| &mut d.span);
        let findings = self.consistency.iter_mut().flat_map(|f| f.spans.iter_mut());
        claims.chain(figures).chain(dates).chain(findings).flat_map(|s| [&mut s.start, &mut s.end]).collect()
    }
}

/// The reading view of a page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Page URL as given by the caller (after parsing), if any.
    pub url: Option<String>,
    /// Headline, without the site-name suffix.
    pub title: String,
    /// Author line, e.g. "By Jane Doe".
    pub byline: Option<String>,
    /// Name of the publication or site.
    pub site_name: Option<String>,
    /// Publication time, ISO 8601 (with offset when the page gives one).
    pub published: Option<String>,
    /// Last modification time, ISO 8601.
    pub modified: Option<String>,
    /// BCP 47 language tag, e.g. "en" or "fr-FR".
    pub lang: Option<String>,
    /// Text direction: "ltr" or "rtl", when the page says.
    pub dir: Option<String>,
    /// Absolute URL of the lead image.
    pub lead_image: Option<String>,
    /// A one- or two-sentence summary (meta description or first paragraph).
    pub excerpt: Option<String>,
    /// Sanitized article HTML. Highlights are `<mark data-kind=… data-value=…>` elements.
    pub content_html: String,
    /// Plain text of the article: blocks separated by a blank line. Spans index into it.
    pub text: String,
    /// Number of words in `text`.
    pub word_count: usize,
    /// Estimated reading time in minutes (at least 1 for a non-empty text).
    pub reading_minutes: u32,
}

/// "Is this an article?", with a reason a person can read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub is_article: bool,
    /// E.g. "412 words of article text in 9 paragraphs" or "only 35 words of running text".
    pub reason: String,
    /// Set when the article's structure was not found and the text is a fallback; says what was
    /// taken instead (e.g. "the largest block of text on the page").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback: Option<String>,
}

/// `[start, end)` in Unicode code points (UTF-16 code units once across the wasm boundary).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A check-worthy statement of the article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub span: Span,
    /// The sentence as it stands in the text.
    pub text: String,
    /// Check-worthiness: the calibrated probability that a fact-checker would check it.
    pub score: f32,
    pub kind: ClaimKind,
    /// Who makes the claim, when attributed (a quote or reported speech).
    pub speaker: Option<String>,
    /// Why it was picked, e.g. "has figure: $65 billion", "attributed to Mark Zuckerberg", "plan".
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Statistic,
    Quote,
    Prediction,
    Comparison,
    Causal,
    #[default]
    Other,
}

/// A number in the text, understood.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub span: Span,
    /// The words as they stand in the text, e.g. "between $60 and $65 billion".
    pub text: String,
    pub kind: FigureKind,
    /// The single value, when it is one (65e9 for "up to $65 billion").
    pub value: Option<f64>,
    /// Lower bound of a range ("between $60 and $65 billion" → 60e9).
    pub min: Option<f64>,
    /// Upper bound of a range, or the bound of "up to …".
    pub max: Option<f64>,
    /// ISO 4217 code for money ("USD"), "%" for percentages, "pp" for percentage points,
    /// a unit symbol ("km", "GW") or the counted noun ("daily active users").
    pub unit: Option<String>,
    /// "up_to", "about", "more_than", "at_least", "less_than", "nearly"…, as said in the text.
    pub modifier: Option<String>,
    /// True for magnitudes like "hundreds of billions" (value is the order of magnitude).
    pub approximate: bool,
    /// What a rate is per: "litre" for "$1.90 a litre", "m²" for "14 euros le mètre carré".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    /// A short normalized rendering, e.g. "60e9–65e9 USD" or "49 %".
    pub normalized: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    Money,
    Percent,
    /// A count of something ("3.35 billion daily active users", "500 employés").
    Count,
    /// A measurement with a unit ("12 km", "2.4 GW").
    Quantity,
    /// A bare number.
    #[default]
    Number,
}

/// A date, time, period, interval or duration in the text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub span: Span,
    pub text: String,
    pub kind: DateKind,
    /// Normalized value: ISO 8601 date/time ("2025-02-18", "2025-02-18T17:22", "T17:22"),
    /// a TIMEX-like string for partial dates and periods ("2025-02", "2024-Q4", "XXXX-03-01"),
    /// an interval "start/end" (end exclusive) or a duration ("P3Y").
    pub value: String,
    /// First day (or instant) covered, ISO 8601, when known.
    pub start: Option<String>,
    /// First day (or instant) after the covered period, ISO 8601, when known.
    pub end: Option<String>,
    pub granularity: Granularity,
    /// True when resolved against the reference date ("yesterday", "this year").
    pub relative: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    #[default]
    Date,
    Time,
    DateTime,
    /// A quarter, half, season, fiscal year, "this year".
    Period,
    /// "from 2020 to 2023", "du 3 au 5 mars".
    Interval,
    /// "over the past decade", "pendant trois ans".
    Duration,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    Instant,
    Minute,
    Hour,
    #[default]
    Day,
    Week,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

/// Two or more places of the article that do not agree, put to the reader as a question.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// The spans that disagree, in text order: the figures or dates themselves.
    pub spans: Vec<Span>,
    /// The question, in the article's language, e.g. "Is it $60 billion or $65 billion? …".
    pub message: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// The same quantity given with two values that cannot both hold.
    #[default]
    ConflictingValues,
    /// A speaker quoted with a value the text gives otherwise elsewhere.
    SpeakerFigure,
    /// A total that its listed parts do not add up to.
    TotalMismatch,
    /// Shares of one whole that add up to more than 100 %.
    #[serde(rename = "percent_over_100")]
    PercentOver100,
    /// A weekday that does not fit the date it is written with.
    WeekdayMismatch,
    /// The same event given two different days.
    DateConflict,
}
