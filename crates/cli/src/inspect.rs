//! `dateline inspect FILE`: one capture as an adapter author needs to see it while writing rules.
//!
//! Everything shown comes from the functions the pipeline itself runs (`Capture::load`,
//! `extract::page_of`, `adapter::layout_claim`, `adapter::select`, `extract::extract_page`), so
//! what this prints is what `dateline extract` does with the file, never a second opinion.

use crate::query::terminal;
use anyhow::{Context, Result};
use dateline_core::Capture;
use dateline_core::HintWords;
use dateline_core::adapter::{self, Adapter, Detection, MIN_SCORE};
use dateline_core::capture::Media;
use dateline_core::decode::EncodingSource;
use dateline_core::extract::{extract_page, page_of};
use dateline_core::page::{Block, BlockKind, Page};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// How much of a block's text a line shows: enough to recognise it, short enough for one line.
const TEXT_SHOWN: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Sections for a reader.
    Text,
    /// One JSON object, for tools.
    Json,
}

#[derive(Serialize)]
struct Report {
    file: String,
    read: Read,
    adapters: Vec<Scored>,
    chosen: Chosen,
    /// What `select` picks from the layout alone, when the sidecar gave a URL.
    without_url: Option<Chosen>,
    blocks: Vec<BlockLine>,
    articles: Vec<ArticleLine>,
    /// Why the chosen adapter gave no article: a failing parse is when an author most needs to
    /// see the blocks, so it is reported rather than raised.
    error: Option<String>,
}

/// A [`Detection`] as printed (core's type is not serialisable).
#[derive(Serialize, PartialEq)]
struct Score {
    score: u8,
    reason: String,
}

impl From<Detection> for Score {
    fn from(d: Detection) -> Self {
        Score {
            score: d.score,
            reason: d.reason,
        }
    }
}

/// How the bytes became text and what the sidecar said.
#[derive(Serialize)]
struct Read {
    media: Media,
    bytes: u64,
    encoding: &'static str,
    encoding_source: EncodingSource,
    url: Option<String>,
    host: Option<String>,
    captured_at: Option<String>,
    outlet: Option<String>,
    warnings: Vec<String>,
}

/// One adapter's view of the page.
#[derive(Serialize)]
struct Scored {
    id: &'static str,
    version: &'static str,
    hosts: &'static [&'static str],
    fallback: bool,
    /// `detect` alone: the layout with no URL, which every fixture must pass on its own.
    layout: Score,
    /// What `select` weighs when no adapter owns the URL host: the layout as qualified by the
    /// page's metadata and URL. `None` for the fallback, which `select` never scores, and when
    /// the URL host decided, since then nothing is weighed.
    claim: Option<Score>,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum Rule {
    /// The sidecar URL's host is one the adapter owns.
    Host,
    /// No host matched; the adapter's claim was the best at or above `MIN_SCORE`.
    BestScore,
    /// Nothing claimed the page.
    Fallback,
}

#[derive(Serialize)]
struct Chosen {
    id: &'static str,
    rule: Rule,
    score: u8,
    reason: String,
}

#[derive(Serialize)]
struct BlockLine {
    index: usize,
    kind: BlockKind,
    tag: Option<String>,
    blank_before: u32,
    /// Structural page furniture (`<nav>`, a page-level header or footer), before any site's own
    /// furniture words: what `Page::in_chrome` says with no words.
    chrome: bool,
    hints: Vec<String>,
    link_density: f32,
    text: String,
}

#[derive(Serialize)]
struct ArticleLine {
    title: String,
    outlet: Option<String>,
    published_raw: Option<String>,
    published: Option<String>,
    dateline: Option<String>,
    paragraphs: usize,
    truncated: bool,
}

pub fn run(path: &Path, format: Format) -> Result<()> {
    let report = inspect(path)?;
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        Format::Text => write_text(&mut out, &report)?,
    }
    out.flush()?;
    Ok(())
}

fn inspect(path: &Path) -> Result<Report> {
    let capture = Capture::load(path).with_context(|| format!("reading {}", path.display()))?;
    let bytes = std::fs::metadata(path)
        .with_context(|| format!("reading the size of {}", path.display()))?
        .len();
    let page = page_of(&capture);
    let host = capture.host();
    let chosen = choose(&page, host.as_deref())?;
    // The layout alone decides for a capture without a sidecar, and every fixture must pass that
    // way too, so an author sees it even when the URL settles this capture.
    let without_url = match host {
        Some(_) => Some(choose(&page, None)?),
        None => None,
    };
    // Claims are weighed only when no adapter owns the URL host.
    let weighed = !matches!(chosen.rule, Rule::Host);
    let adapters = dateline_adapters::linked()
        .into_iter()
        .map(|a| Scored {
            id: a.id(),
            version: a.version(),
            hosts: a.hosts(),
            fallback: a.is_fallback(),
            layout: a.detect(&page).into(),
            claim: (weighed && !a.is_fallback())
                .then(|| adapter::layout_claim(a, &page, host.as_deref()).into()),
        })
        .collect();
    let (articles, error) = match extract_page(&capture, &page) {
        Ok(x) => (
            x.articles
                .iter()
                .map(|a| ArticleLine {
                    title: a.title.clone(),
                    outlet: a.outlet.clone(),
                    published_raw: a.published.raw.clone(),
                    published: a.published.value.clone(),
                    dateline: a.dateline.clone(),
                    paragraphs: a.paragraphs().count(),
                    truncated: a.truncated,
                })
                .collect(),
            None,
        ),
        Err(e) => (Vec::new(), Some(e.to_string())),
    };
    let blocks = page
        .blocks
        .iter()
        .enumerate()
        .map(|(index, b)| block_line(&page, index, b))
        .collect();
    Ok(Report {
        file: capture.name.clone(),
        read: Read {
            media: capture.media,
            bytes,
            encoding: capture.encoding,
            encoding_source: capture.encoding_source,
            url: capture.url.clone(),
            host,
            captured_at: capture.captured_at.map(|t| t.to_string()),
            outlet: capture.outlet_hint.clone(),
            warnings: capture.warnings.clone(),
        },
        adapters,
        chosen,
        without_url,
        blocks,
        articles,
        error,
    })
}

/// The adapter `select` picks for `page`, and by which rule.
fn choose(page: &Page, host: Option<&str>) -> Result<Chosen> {
    let (chosen, detection) = adapter::select(page, host)
        .context("no adapter is registered (is the adapter list linked?)")?;
    Ok(Chosen {
        id: chosen.id(),
        rule: rule(chosen, &detection, page, host),
        score: detection.score,
        reason: detection.reason,
    })
}

/// Which of `select`'s three rules picked the adapter. Told apart by what `select` returned
/// rather than by matching hosts again: a layout win returns exactly the adapter's
/// `layout_claim`, and a host win returns something else.
fn rule(chosen: &dyn Adapter, detection: &Detection, page: &Page, host: Option<&str>) -> Rule {
    if chosen.is_fallback() {
        Rule::Fallback
    } else if host.is_some() && adapter::layout_claim(chosen, page, host) != *detection {
        Rule::Host
    } else {
        Rule::BestScore
    }
}

fn block_line(page: &Page, index: usize, b: &Block) -> BlockLine {
    BlockLine {
        index,
        kind: b.kind,
        tag: b.tag.clone(),
        blank_before: b.blank_before,
        chrome: page.in_chrome(b, &HintWords::none()),
        hints: b.hints.clone(),
        link_density: b.link_density,
        text: b.text.clone(),
    }
}

fn kind_name(kind: BlockKind) -> String {
    match kind {
        BlockKind::Line => "line".into(),
        BlockKind::Heading(level) => format!("h{level}"),
        BlockKind::Paragraph => "paragraph".into(),
        BlockKind::ListItem => "list-item".into(),
        BlockKind::Quote => "quote".into(),
        BlockKind::Caption => "caption".into(),
        BlockKind::Other => "other".into(),
    }
}

fn or_dash(s: Option<&str>) -> String {
    s.map_or_else(|| "-".to_owned(), terminal)
}

/// `s` shortened to `max` characters, the cut marked, with control characters made harmless.
fn cut(s: &str, max: usize) -> String {
    let s = terminal(s);
    if s.chars().count() <= max {
        s
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

fn write_chosen(out: &mut impl Write, label: &str, c: &Chosen) -> Result<()> {
    let why = match c.rule {
        Rule::Host => "the URL host is the adapter's",
        Rule::BestScore => "the best claim at or above the minimum",
        Rule::Fallback => "nothing claimed the page, generic fallback",
    };
    writeln!(
        out,
        "{label}: {} ({why}; score {}: {})",
        c.id,
        c.score,
        terminal(&c.reason)
    )?;
    Ok(())
}

/// The name a value has in the JSON output (`valid_utf8`), so both formats use one vocabulary.
fn json_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn write_text(out: &mut impl Write, r: &Report) -> Result<()> {
    write_read(out, r)?;
    write_adapters(out, r)?;
    write_blocks(out, r)?;
    write_articles(out, r)
}

/// The file, how its bytes became text, and what its sidecar said.
fn write_read(out: &mut impl Write, r: &Report) -> Result<()> {
    let read = &r.read;
    writeln!(out, "{}", terminal(&r.file))?;
    writeln!(
        out,
        "  read      {}, {} bytes, {} (from {})",
        json_name(&read.media),
        read.bytes,
        read.encoding,
        json_name(&read.encoding_source)
    )?;
    writeln!(out, "  url       {}", or_dash(read.url.as_deref()))?;
    writeln!(out, "  captured  {}", or_dash(read.captured_at.as_deref()))?;
    if let Some(outlet) = &read.outlet {
        writeln!(out, "  outlet    {}", terminal(outlet))?;
    }
    for w in &read.warnings {
        writeln!(out, "  warning   {}", terminal(w))?;
    }
    Ok(())
}

/// Every adapter's score, and the one chosen with and without the URL.
fn write_adapters(out: &mut impl Write, r: &Report) -> Result<()> {
    let weighed = r.adapters.iter().any(|a| a.claim.is_some());
    writeln!(
        out,
        "\nadapters (layout = detect alone; claim = what select weighs; {MIN_SCORE}+ claims the page)"
    )?;
    for a in &r.adapters {
        writeln!(
            out,
            "  {:<20} layout {:>3}  {}",
            a.id,
            a.layout.score,
            or_dash(Some(a.layout.reason.as_str()).filter(|s| !s.is_empty()))
        )?;
        let claim = match &a.claim {
            Some(c) if c == &a.layout => "same".to_owned(),
            Some(c) => format!("{:>3}  {}", c.score, terminal(&c.reason)),
            None if a.fallback => "fallback, never scored".to_owned(),
            None => continue,
        };
        writeln!(out, "  {:<20} claim  {claim}", "")?;
    }
    if !weighed {
        writeln!(out, "  (claims not weighed: the URL host decided)")?;
    }
    write_chosen(out, "chosen", &r.chosen)?;
    if let Some(c) = &r.without_url {
        write_chosen(out, "without the URL", c)?;
    }
    Ok(())
}

/// The page's blocks, one a line, as the adapters' rules read them.
fn write_blocks(out: &mut impl Write, r: &Report) -> Result<()> {
    writeln!(
        out,
        "\nblocks ({}; +N = blank lines before, # = page chrome)",
        r.blocks.len()
    )?;
    for b in &r.blocks {
        let kind = match &b.tag {
            Some(tag) if kind_name(b.kind) != *tag => format!("{} <{tag}>", kind_name(b.kind)),
            _ => kind_name(b.kind),
        };
        let blank = if b.blank_before > 0 {
            format!("+{}", b.blank_before)
        } else {
            String::new()
        };
        let chrome = if b.chrome { "#" } else { " " };
        writeln!(
            out,
            "  {:>4} {blank:>3} {kind:<18} {chrome} {}",
            b.index,
            cut(&b.text, TEXT_SHOWN)
        )?;
    }
    Ok(())
}

/// The articles the chosen adapter gave, or why it gave none.
fn write_articles(out: &mut impl Write, r: &Report) -> Result<()> {
    match &r.error {
        None => {
            writeln!(out, "\narticles ({}) by {}", r.articles.len(), r.chosen.id)?;
            for (i, a) in r.articles.iter().enumerate() {
                writeln!(out, "  [{i}] {}", cut(&a.title, TEXT_SHOWN))?;
                writeln!(out, "      outlet     {}", or_dash(a.outlet.as_deref()))?;
                writeln!(
                    out,
                    "      published  {} -> {}",
                    or_dash(a.published_raw.as_deref()),
                    or_dash(a.published.as_deref())
                )?;
                writeln!(out, "      dateline   {}", or_dash(a.dateline.as_deref()))?;
                let truncated = if a.truncated { " (truncated)" } else { "" };
                let plural = if a.paragraphs == 1 { "" } else { "s" };
                writeln!(
                    out,
                    "      body       {} paragraph{plural}{truncated}",
                    a.paragraphs
                )?;
            }
        }
        Some(e) => writeln!(out, "\narticles: none ({})", terminal(e))?,
    }
    Ok(())
}
