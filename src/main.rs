//! `article-lens`: the native command line over the same core as the extension.

use article_lens::{Analysis, DateMention, Figure, FigureKind, Lang, Options};
use lexopt::prelude::*;
use serde_json::{Value, json};
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;
use std::time::Instant;

const HELP: &str = "\
article-lens — the reading view, key claims, figures and dates of a web page

USAGE:
  article-lens analyze [FILE|-] [--url URL] [--format json|text] [--reference-date DATE]
                       [--force] [--max-claims N] [--no-highlight] [--timings]
      Analyse one page (HTML from FILE, or stdin when FILE is - or absent). --timings adds the
      time of each stage (\"timings\" in JSON; a table on stderr with --format text).
  article-lens worksheet [FILE|-] [--url URL] [--format markdown|json] [--reference-date DATE]
                         [--force] [--max-claims N]
      The fact-check worksheet of one page: metadata, key claims with their speakers, reasons,
      figures and dates, the places where the article disagrees with itself (consistency),
      and links back to each sentence (text fragments, when --url is given).
  article-lens extract --text [URL]     HTML on stdin; prints the article's plain text
  article-lens extract --json [URL]     HTML on stdin; prints the metadata as one JSON object
  article-lens entities --jsonl         stdin: {\"id\",\"text\",\"ref\",\"lang\"} per line;
                                        prints {\"spans\":[…]} per line (code point offsets)
  article-lens claims --jsonl           stdin: {\"id\",\"text\"} per line; prints {\"score\":…} per line
  article-lens --help | --version

EXIT CODES:
  0 success · 1 the page could not be analysed · 2 usage error · 3 input/output error
";

enum Failure {
    Usage(String),
    Analysis(String),
    Io(String),
}

impl From<lexopt::Error> for Failure {
    fn from(e: lexopt::Error) -> Self {
        Failure::Usage(e.to_string())
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e.to_string())
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(m)) => {
            eprintln!("article-lens: {m}\nTry 'article-lens --help'.");
            ExitCode::from(2)
        }
        Err(Failure::Analysis(m)) => {
            eprintln!("article-lens: {m}");
            ExitCode::from(1)
        }
        Err(Failure::Io(m)) if m.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(Failure::Io(m)) => {
            eprintln!("article-lens: {m}");
            ExitCode::from(3)
        }
    }
}

fn run() -> Result<(), Failure> {
    let mut parser = lexopt::Parser::from_env();
    let command = match parser.next()? {
        Some(Long("help")) | Some(Short('h')) | None => {
            print!("{HELP}");
            return Ok(());
        }
        Some(Long("version")) | Some(Short('V')) => {
            println!("article-lens {}", env!("CARGO_PKG_VERSION"));
            return Ok(());
        }
        Some(Value(cmd)) => cmd.string()?,
        Some(arg) => return Err(arg.unexpected().into()),
    };
    match command.as_str() {
        "analyze" | "analyse" => cmd_analyze(parser),
        "worksheet" => cmd_worksheet(parser),
        "extract" => cmd_extract(parser),
        "entities" => cmd_entities(parser),
        "claims" => cmd_claims(parser),
        other => Err(Failure::Usage(format!("unknown command '{other}'"))),
    }
}

fn read_stdin() -> Result<String, Failure> {
    let mut bytes = Vec::new();
    io::stdin().read_to_end(&mut bytes)?;
    Ok(article_lens::decode::decode_page(&bytes).0)
}

/// The arguments `analyze` and `worksheet` share: the page FILE, --url and --format.
struct PageArgs {
    file: Option<String>,
    url: Option<String>,
    format: String,
}

/// Parses the page arguments and the analysis options into `options` (`--no-highlight` and
/// `--timings` only when `analyze` is true); None after --help, which it prints.
fn page_args(
    mut parser: lexopt::Parser,
    options: &mut Options,
    format: &str,
    analyze: bool,
) -> Result<Option<PageArgs>, Failure> {
    let mut args = PageArgs { file: None, url: None, format: format.to_string() };
    while let Some(arg) = parser.next()? {
        match arg {
            Long("url") => args.url = Some(parser.value()?.string()?),
            Long("format") => args.format = parser.value()?.string()?,
            Long("reference-date") => options.reference_date = Some(parser.value()?.string()?),
            Long("force") => options.force = true,
            Long("no-highlight") if analyze => options.highlight = false,
            Long("timings") if analyze => options.timings = true,
            Long("max-claims") => options.max_claims = parser.value()?.parse()?,
            Long("help") | Short('h') => {
                print!("{HELP}");
                return Ok(None);
            }
            Value(v) if args.file.is_none() => args.file = Some(v.string()?),
            _ => return Err(arg.unexpected().into()),
        }
    }
    Ok(Some(args))
}

/// The analysis of the page the arguments name.
fn analyze_page(args: &PageArgs, options: &Options) -> Result<Analysis, Failure> {
    let html = read_page(args.file.as_deref())?;
    article_lens::analyze(&html, args.url.as_deref(), options).map_err(|e| Failure::Analysis(e.to_string()))
}

fn cmd_analyze(parser: lexopt::Parser) -> Result<(), Failure> {
    let mut options = Options::default();
    let Some(args) = page_args(parser, &mut options, "json", true)? else { return Ok(()) };
    let analysis = analyze_page(&args, &options)?;
    if args.format == "text" && !analysis.timings.is_empty() {
        let total: f64 = analysis.timings.iter().map(|s| s.ms).sum();
        let mut err = io::stderr().lock();
        for s in &analysis.timings {
            writeln!(err, "{:>9.3} ms  {:>5.1} %  {}", s.ms, 100.0 * s.ms / total.max(1e-9), s.stage)?;
        }
        writeln!(err, "{total:>9.3} ms  total")?;
    }
    let mut out = io::stdout().lock();
    match args.format.as_str() {
        "json" => {
            serde_json::to_writer_pretty(&mut out, &analysis).map_err(|e| Failure::Io(e.to_string()))?;
            writeln!(out)?;
        }
        "text" => write!(out, "{}", render_text(&analysis))?,
        other => return Err(Failure::Usage(format!("unknown format '{other}' (json or text)"))),
    }
    Ok(())
}

fn cmd_worksheet(parser: lexopt::Parser) -> Result<(), Failure> {
    let mut options = Options::default().highlight(false);
    let Some(args) = page_args(parser, &mut options, "markdown", false)? else { return Ok(()) };
    let format: article_lens::worksheet::Format = args.format.parse().map_err(Failure::Usage)?;
    let analysis = analyze_page(&args, &options)?;
    let sheet = article_lens::worksheet::render(&analysis, format).map_err(|e| Failure::Analysis(e.to_string()))?;
    io::stdout().lock().write_all(sheet.as_bytes())?;
    Ok(())
}

/// The page in FILE, or on standard input for none or "-", decoded as a browser decodes it.
fn read_page(file: Option<&str>) -> Result<String, Failure> {
    match file {
        None | Some("-") => read_stdin(),
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| Failure::Io(format!("{path}: {e}")))?;
            Ok(article_lens::decode::decode_page(&bytes).0)
        }
    }
}

fn render_text(a: &Analysis) -> String {
    let art = &a.article;
    let mut s = format!("{}\n", art.title);
    let meta: Vec<String> =
        [art.byline.clone(), art.site_name.clone(), art.published.clone()].into_iter().flatten().collect();
    if !meta.is_empty() {
        s += &format!("{}\n", meta.join(" · "));
    }
    s += &format!("{} words · {} min read\n", art.word_count, art.reading_minutes);
    if !a.verdict.is_article {
        s += &format!("Not an article: {}\n", a.verdict.reason);
    }
    s += &format!("\n{}\n", art.text);
    if !a.claims.is_empty() {
        s += "\nKey claims\n";
        for (i, c) in a.claims.iter().enumerate() {
            let who = c.speaker.as_deref().map(|p| format!(" — {p}")).unwrap_or_default();
            s += &format!("{}. {}{} [{}]\n", i + 1, c.text, who, c.reasons.join(" · "));
        }
    }
    if !a.figures.is_empty() {
        s += "\nFigures\n";
        for f in &a.figures {
            s += &format!("- {} → {}\n", f.text, f.normalized);
        }
    }
    if !a.dates.is_empty() {
        s += "\nDates\n";
        for d in &a.dates {
            s += &format!("- {} → {}\n", d.text, d.value);
        }
    }
    s
}

fn cmd_extract(mut parser: lexopt::Parser) -> Result<(), Failure> {
    let (mut mode, mut url) = (None, None::<String>);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("text") => mode = Some("text"),
            Long("json") => mode = Some("json"),
            Value(v) if url.is_none() => url = Some(v.string()?),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let mode = mode.ok_or_else(|| Failure::Usage("extract needs --text or --json".into()))?;
    let html = read_stdin()?;
    let started = Instant::now();
    let a = article_lens::extract_article(&html, url.as_deref()).map_err(|e| Failure::Analysis(e.to_string()))?;
    eprintln!("extract_ms={:.3}", started.elapsed().as_secs_f64() * 1000.0);
    let mut out = io::stdout().lock();
    if mode == "text" {
        writeln!(out, "{}", a.article.text)?;
    } else {
        let art = &a.article;
        let meta = json!({
            "title": art.title, "byline": art.byline, "excerpt": art.excerpt, "siteName": art.site_name,
            "publishedTime": art.published, "modifiedTime": art.modified, "lang": art.lang, "dir": art.dir,
            "leadImage": art.lead_image, "readerable": a.verdict.is_article, "reason": a.verdict.reason,
            "wordCount": art.word_count,
        });
        writeln!(out, "{meta}")?;
    }
    Ok(())
}

fn expect_jsonl(mut parser: lexopt::Parser, command: &str) -> Result<(), Failure> {
    let mut jsonl = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("jsonl") => jsonl = true,
            _ => return Err(arg.unexpected().into()),
        }
    }
    if jsonl { Ok(()) } else { Err(Failure::Usage(format!("{command} needs --jsonl"))) }
}

/// Runs `answer` on each JSON line of stdin and prints one JSON line per input line, in order.
/// A line that cannot be read or whose processing panics gets `fallback` and a note on stderr.
fn each_jsonl_line(fallback: Value, answer: impl Fn(&Value) -> Value) -> Result<(), Failure> {
    let stdin = io::stdin().lock();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for (n, line) in stdin.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let result = match serde_json::from_str::<Value>(&line) {
            Ok(input) => {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| answer(&input))).unwrap_or_else(|_| {
                    eprintln!("article-lens: line {}: internal error, answered empty", n + 1);
                    fallback.clone()
                })
            }
            Err(e) => {
                eprintln!("article-lens: line {}: not JSON ({e})", n + 1);
                fallback.clone()
            }
        };
        writeln!(out, "{result}")?;
    }
    out.flush()?;
    Ok(())
}

fn cmd_entities(parser: lexopt::Parser) -> Result<(), Failure> {
    expect_jsonl(parser, "entities")?;
    each_jsonl_line(json!({"spans": []}), |input| {
        let text = input["text"].as_str().unwrap_or("");
        let lang = input["lang"].as_str().and_then(Lang::from_tag).unwrap_or_else(|| Lang::resolve(None, text));
        let reference = input["ref"].as_str().and_then(article_lens::parse_iso_datetime);
        let started = Instant::now();
        let (figures, dates) = article_lens::entities::find(text, lang, reference);
        if std::env::var_os("ARTICLE_LENS_TIMING").is_some() {
            let secs = started.elapsed().as_secs_f64();
            eprintln!(
                "entities: {} bytes in {:.3} ms ({:.1} MB/s)",
                text.len(),
                secs * 1e3,
                text.len() as f64 / 1e6 / secs.max(1e-9)
            );
        }
        let offsets = CharOffsets::new(text, figures.iter().map(|f| f.span).chain(dates.iter().map(|d| d.span)));
        let mut spans: Vec<Value> = figures.iter().map(|f| figure_span(&offsets, f)).collect();
        spans.extend(dates.iter().map(|d| date_span(&offsets, d)));
        json!({ "spans": spans })
    })
}

/// Byte → code point offsets for a set of spans, computed in one pass over the text.
struct CharOffsets(std::collections::HashMap<usize, usize>);

impl CharOffsets {
    fn new(text: &str, spans: impl Iterator<Item = article_lens::Span>) -> Self {
        let mut bytes: Vec<usize> = spans.flat_map(|s| [s.start, s.end]).collect();
        bytes.sort_unstable();
        bytes.dedup();
        let mut map = std::collections::HashMap::with_capacity(bytes.len());
        let (mut chars, mut at) = (0usize, 0usize);
        for b in bytes {
            chars += text.get(at..b).map_or(0, |s| s.chars().count());
            at = at.max(b);
            map.insert(b, chars);
        }
        CharOffsets(map)
    }

    fn get(&self, byte: usize) -> usize {
        self.0.get(&byte).copied().unwrap_or(0)
    }
}

/// The scorer's model for a measured quantity, from its unit.
fn quantity_type(unit: Option<&str>) -> &'static str {
    match unit {
        Some("°C" | "°F" | "K" | "°" | "degree" | "degré") => "temperature",
        Some("year" | "month" | "week" | "day") => "age",
        Some(_) => "dimension", // "deg": an angle
        None => "quantity",
    }
}

fn figure_span(offsets: &CharOffsets, f: &Figure) -> Value {
    let mut kind = match f.kind {
        FigureKind::Money => "currency",
        FigureKind::Percent => "percent",
        FigureKind::Quantity => quantity_type(f.unit.as_deref()),
        FigureKind::Count | FigureKind::Number => "number",
    };
    // Comparisons of plain numbers ("more than 30000") are number ranges for the scorer.
    let open_bound =
        matches!(f.modifier.as_deref(), Some("more_than" | "less_than" | "at_least" | "at_most" | "up_to" | "equal"));
    if matches!(f.kind, FigureKind::Count | FigureKind::Number) && (open_bound || f.value.is_none()) {
        kind = "range";
    }
    let unit = match (f.kind, f.unit.as_deref()) {
        (FigureKind::Count | FigureKind::Number, _) | (_, None) => None,
        (_, Some("deg")) => Some("degree"),
        (_, Some(u)) => Some(u),
    };
    let value = match (f.value, f.min, f.max, unit) {
        (Some(v), _, _, None) if kind == "range" && f.modifier.as_deref() == Some("equal") => {
            json!({"min": v, "max": v})
        }
        (Some(v), _, _, Some(u)) => json!({"amount": v, "unit": u}),
        (Some(v), _, _, None) => json!(v),
        (None, Some(min), Some(max), Some(u)) => json!({"min": min, "max": max, "unit": u}),
        (None, Some(min), Some(max), None) => json!({"min": min, "max": max}),
        _ => json!(f.normalized),
    };
    json!({"start": offsets.get(f.span.start), "end": offsets.get(f.span.end), "kind": "figure", "type": kind, "value": value})
}

/// A whole calendar period (a month, week, quarter, half, decade, century) goes out as its
/// "start/end" days, the same period as its code, in the form both scorers compare; everything
/// else as its value.
fn date_span(offsets: &CharOffsets, d: &DateMention) -> Value {
    use article_lens::Granularity as G;
    let month = d.value.len() == 7 && d.value.as_bytes().get(4) == Some(&b'-');
    let coded =
        month || d.value.contains("-Q") || d.value.contains("-H") || d.value.contains("-W") || d.value.ends_with('X');
    // A part of a period ("the end of the week": start/end narrower than the period) keeps its code.
    let whole = |s: &str, e: &str| {
        let days = match (article_lens::parse_iso_datetime(s), article_lens::parse_iso_datetime(e)) {
            (Some(s), Some(e)) => (e - s).num_days(),
            _ => return false,
        };
        match d.granularity {
            G::Month => (28..=31).contains(&days),
            G::Week => days == 7,
            G::Quarter => (89..=92).contains(&days),
            G::Half => (181..=184).contains(&days),
            G::Decade => (3650..=3654).contains(&days),
            _ => days >= 36524,
        }
    };
    let value = match (&d.start, &d.end, d.granularity) {
        (Some(s), Some(e), G::Month | G::Week | G::Quarter | G::Half | G::Decade | G::Century)
            if coded && whole(s, e) =>
        {
            format!("{s}/{e}")
        }
        _ => d.value.clone(),
    };
    json!({"start": offsets.get(d.span.start), "end": offsets.get(d.span.end), "kind": "date", "value": value})
}

fn cmd_claims(parser: lexopt::Parser) -> Result<(), Failure> {
    expect_jsonl(parser, "claims")?;
    each_jsonl_line(json!({"score": 0.0}), |input| {
        let text = input["text"].as_str().unwrap_or("");
        let lang = input["lang"].as_str().and_then(Lang::from_tag).unwrap_or(Lang::En);
        json!({ "score": article_lens::claims::check_worthiness(text, lang) })
    })
}
