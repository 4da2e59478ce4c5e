//! Readability's test pages (`benchmarks/readability-test-pages`): a second, differently built set
//! for the generic extractor, scored on the body (the same token metric as the article-extraction
//! benchmark, against the text of `expected.html`) and on page metadata (title, byline,
//! publication day) where the page states them.

use crate::metric::{self, DocScore};
use anyhow::{Context, Result};
use dateline_core::{Article, Capture, Media, Sidecar};
use std::io::Read;
use std::path::Path;

pub struct ReadabilityPage {
    /// The upstream folder name (`nytimes-1`, `001`, …).
    pub name: String,
    pub html: Vec<u8>,
    /// The text of `expected.html`, one block a line.
    pub gold: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    /// `YYYY-MM-DD` of `publishedTime`.
    pub published_day: Option<String>,
}

/// Right answers out of pages that state the field, and a line for each page that got it wrong.
#[derive(Default)]
pub struct MetadataTally {
    pub titles: (usize, usize),
    /// Titles right as a headline (without the site's name), out of `titles.1`.
    pub headlines: usize,
    pub bylines: (usize, usize),
    pub days: (usize, usize),
    pub misses: Vec<String>,
}

impl MetadataTally {
    fn count(&mut self, p: &ReadabilityPage, article: Option<&Article>) {
        if let Some(t) = &p.title {
            self.titles.1 += 1;
            let got = article.map_or("", |a| a.title.as_str());
            if title_right(t, got) {
                self.titles.0 += 1;
            }
            if headline_right(t, got) {
                self.headlines += 1;
            } else {
                self.misses
                    .push(format!("{:22} title   want {t:?}, got {got:?}", p.name));
            }
        }
        if let Some(b) = &p.byline {
            self.bylines.1 += 1;
            let got = article.and_then(|a| a.author.clone()).unwrap_or_default();
            if byline_right(b, &got) {
                self.bylines.0 += 1;
            } else {
                self.misses
                    .push(format!("{:22} byline  want {b:?}, got {got:?}", p.name));
            }
        }
        if let Some(d) = &p.published_day {
            self.days.1 += 1;
            let got = article
                .and_then(|a| a.published.value.clone())
                .unwrap_or_default();
            if got.get(..10) == Some(d.as_str()) {
                self.days.0 += 1;
            } else {
                self.misses
                    .push(format!("{:22} day     want {d}, got {got:?}", p.name));
            }
        }
    }
}

/// Every page through the whole pipeline (what `dateline extract` gives for it): the body's score
/// and the metadata tally.
pub fn score_pipeline(pages: &[ReadabilityPage]) -> (Vec<DocScore>, MetadataTally) {
    let mut tally = MetadataTally::default();
    let mut scores = Vec::new();
    for p in pages {
        let name = format!("{}.html", p.name);
        let article =
            Capture::from_bytes(Path::new(&name), &p.html, Media::Html, Sidecar::default())
                .ok()
                .and_then(|c| dateline_core::extract(&c).ok())
                .and_then(|x| x.articles.into_iter().next());
        let body = article.as_ref().map(|a| a.body.clone()).unwrap_or_default();
        scores.push(metric::score(&p.gold, &body));
        tally.count(p, article.as_ref());
    }
    (scores, tally)
}

fn gunzip(path: &Path) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut out)
        .with_context(|| format!("gunzipping {}", path.display()))?;
    Ok(out)
}

/// Every page, sorted by name.
pub fn load(dir: &Path) -> Result<Vec<ReadabilityPage>> {
    let pages_dir = dir.join("pages");
    let mut names: Vec<String> = std::fs::read_dir(&pages_dir)
        .with_context(|| format!("listing {}", pages_dir.display()))?
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let d = pages_dir.join(&name);
        let html = gunzip(&d.join("source.html.gz"))?;
        let expected = String::from_utf8_lossy(&gunzip(&d.join("expected.html.gz"))?).into_owned();
        let meta: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(d.join("expected-metadata.json"))
                .with_context(|| format!("reading {name}/expected-metadata.json"))?,
        )
        .with_context(|| format!("parsing {name}/expected-metadata.json"))?;
        let text = |k: &str| {
            meta.get(k)
                .and_then(|v| v.as_str())
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        out.push(ReadabilityPage {
            gold: block_text(&expected),
            title: text("title"),
            byline: text("byline"),
            published_day: text("publishedTime").and_then(|t| t.get(..10).map(str::to_owned)),
            name,
            html,
        });
    }
    Ok(out)
}

/// The text of an HTML fragment, a line per text node (the metric reads tokens; lines only keep
/// words of different blocks apart).
fn block_text(html: &str) -> String {
    let doc = scraper::Html::parse_fragment(html);
    let mut out = String::new();
    for node in doc.tree.root().descendants() {
        if let Some(t) = node.value().as_text() {
            let t = t.trim();
            if !t.is_empty() {
                out.push_str(t);
                out.push('\n');
            }
        }
    }
    out
}

/// Lower case, words only: "“Hello,” World!" and "hello world" agree.
pub fn norm(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A title is right when its words are the expected title's.
pub fn title_right(expected: &str, got: &str) -> bool {
    norm(expected) == norm(got)
}

/// As [`title_right`], and also when the expected title is the headline with the site's name
/// before or after a separator (`How to Build a Terrarium | eHow`, `Mozilla - Wikipedia`) and the
/// extraction gave the headline part: the site's name is not the article's title.
pub fn headline_right(expected: &str, got: &str) -> bool {
    if title_right(expected, got) {
        return true;
    }
    const SEPARATORS: [&str; 9] = [" | ", " - ", " – ", " — ", " :: ", " · ", " _", " » ", " ["];
    let got = norm(got);
    if got.is_empty() {
        return false;
    }
    // The site's name may come with a section ("Title - Author - Medium", "Title _Section _Site").
    got.split(' ').count() >= 2
        && SEPARATORS.iter().any(|sep| {
            let parts: Vec<&str> = expected.split(sep).collect();
            (1..parts.len())
                .any(|k| norm(&parts[..k].join(sep)) == got || norm(&parts[k..].join(sep)) == got)
        })
}

/// A byline is right when one names the other ("By Jane Doe" and "Jane Doe"; "Jane Doe, Staff
/// Writer" and "Jane Doe"): expected bylines carry prefixes and roles that are not the name.
pub fn byline_right(expected: &str, got: &str) -> bool {
    // "Stella Kim, Jennifer Jett" and "Stella Kim and Jennifer Jett" name the same people.
    let strip = |s: &str| {
        let n = norm(s);
        let n = n.strip_prefix("by ").map(str::to_owned).unwrap_or(n);
        n.split(' ')
            .filter(|w| *w != "and")
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (e, g) = (strip(expected), strip(got));
    !g.is_empty() && (e == g || e.contains(&g) || g.contains(&e))
}
