//! Capture → articles: build the page, choose the adapter, normalise its drafts.

use crate::adapter::{self, AdapterError, ParseContext};
use crate::article::{AdapterRef, Article, ArticleDraft};
use crate::capture::{Capture, Media};
use crate::page::Page;
use crate::text::{
    clean_inline, is_stamp_line, outlet_of_host, read_prefix, split_dateline,
    without_leading_stamp, without_stamp,
};
use crate::time::{Tense, TimeValue, resolve_mention, resolve_published};
use jiff::tz::TimeZone;
use sha2::{Digest, Sha256};

/// The articles of one capture and how they were found.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub adapter: &'static str,
    /// Why that adapter was chosen.
    pub reason: String,
    pub articles: Vec<Article>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("{capture}: no adapter is registered (is the adapter list linked?)")]
    NoAdapter { capture: String },
    #[error("{capture}: adapter {adapter}: {source}")]
    Adapter {
        capture: String,
        adapter: &'static str,
        source: AdapterError,
    },
    #[error("{capture}: adapter {adapter} found no article on the page")]
    NoArticles {
        capture: String,
        adapter: &'static str,
    },
}

/// Turns a capture's text into a [`Page`].
pub fn page_of(capture: &Capture) -> Page {
    match capture.media {
        Media::Text => Page::from_text(&capture.text),
        Media::Html => crate::html::parse(&capture.text),
    }
}

/// Runs the whole per-capture pipeline.
pub fn extract(capture: &Capture) -> Result<Extraction, ExtractError> {
    let page = page_of(capture);
    extract_page(capture, &page)
}

/// [`extract`] for a page already built (lets callers reuse or inspect it).
pub fn extract_page(capture: &Capture, page: &Page) -> Result<Extraction, ExtractError> {
    let host = capture.host();
    let (adapter, detection) =
        adapter::select(page, host.as_deref()).ok_or_else(|| ExtractError::NoAdapter {
            capture: capture.name.clone(),
        })?;
    let drafts = adapter
        .parse(page, &ParseContext { capture })
        .map_err(|source| ExtractError::Adapter {
            capture: capture.name.clone(),
            adapter: adapter.id(),
            source,
        })?;
    let drafts: Vec<ArticleDraft> = drafts
        .into_iter()
        .filter(|d| d.body.iter().any(|p| !p.trim().is_empty()))
        .collect();
    if drafts.is_empty() {
        return Err(ExtractError::NoArticles {
            capture: capture.name.clone(),
            adapter: adapter.id(),
        });
    }
    let adapter_ref = AdapterRef {
        name: adapter.id().to_owned(),
        version: adapter.version().to_owned(),
    };
    let via = adapter.via(capture);
    // The generic adapter reads a page as one story, so the page's address (from the sidecar) is
    // the story's when the page names none. A site adapter knows which of its stories the address
    // belongs to, and leaves the others without one.
    let page_url = adapter.is_fallback().then(|| capture.url.clone()).flatten();
    let articles = drafts
        .into_iter()
        .enumerate()
        .map(|(i, mut d)| {
            if d.url.as_deref().is_none_or(|u| u.trim().is_empty()) {
                d.url.clone_from(&page_url);
            }
            normalise(capture, i, d, via.clone(), adapter_ref.clone())
        })
        .collect();
    Ok(Extraction {
        adapter: adapter.id(),
        reason: detection.reason,
        articles,
    })
}

fn normalise(
    capture: &Capture,
    index: usize,
    d: ArticleDraft,
    via: Option<String>,
    adapter: AdapterRef,
) -> Article {
    let opt = |s: Option<String>| s.map(|s| clean_inline(&s)).filter(|s| !s.is_empty());
    let mut published = match d
        .published
        .as_deref()
        .map(clean_inline)
        .filter(|s| !s.is_empty())
    {
        Some(raw) => resolve_published(&raw, capture.captured_at, d.date_order),
        None => Default::default(),
    };
    if published.raw.is_some() {
        published.basis = d.published_basis.clone();
    }
    let captured = match (capture.captured_at, d.page_date.as_deref()) {
        (Some(ts), _) => resolve_published(&ts.to_string(), None, d.date_order),
        (None, Some(raw)) => resolve_published(&clean_inline(raw), None, d.date_order),
        (None, None) => Default::default(),
    };
    let mut paragraphs: Vec<String> = d
        .body
        .iter()
        .map(|p| clean_inline(p))
        .filter(|p| !p.is_empty())
        .collect();
    let mut dateline = d.dateline;
    // An update stamp above the story (a line of its own, or run into the dateline's paragraph)
    // is page furniture; the story opens at its dateline.
    if paragraphs.len() > 1 && is_stamp_line(&paragraphs[0]) {
        paragraphs.remove(0);
        dateline = dateline.or_else(|| split_dateline(&paragraphs[0]));
    }
    if let Some(first) = paragraphs.first_mut()
        && let Some(kept) = without_leading_stamp(first).map(str::to_owned)
    {
        dateline = dateline.or_else(|| split_dateline(&kept));
        *first = kept;
    }
    // The opening prefix is read here, for every adapter alike: an outlet it names (`Shafaq News/ `,
    // `Kirkuk (Kurdistan24) –`) stands for a story whose page does not say who wrote it, and an
    // update stamp printed after it is page furniture, not the story's first words.
    let prefix = paragraphs.first().and_then(|p| read_prefix(p));
    // A wire dateline's day of filing (`BAGHDAD, Dec 5 -`) dates a story whose page prints no
    // date: the last such day on or before the capture.
    if published.raw.is_none()
        && let Some(filed) = prefix.as_ref().and_then(|p| p.filed.as_deref())
        && let Some(day) = capture
            .captured_at
            .map(|t| t.to_zoned(TimeZone::UTC).date())
    {
        published = resolve_mention(filed, Some(day), Tense::Past);
        if published.value.is_some() {
            published.basis = Some("dateline's day of filing".to_owned());
        } else {
            published = TimeValue::default();
        }
    }
    if let Some(first) = paragraphs.first_mut()
        && let Some(kept) = without_stamp(first)
    {
        *first = kept;
    }
    let body = paragraphs.join("\n\n");
    Article {
        id: article_id(&capture.sha256, index),
        capture: capture.name.clone(),
        via,
        outlet: opt(d.outlet)
            .or_else(|| prefix.and_then(|p| p.outlet))
            .or_else(|| capture.outlet_hint.clone())
            .or_else(|| capture.host().as_deref().and_then(outlet_of_host)),
        url: opt(d.url),
        title: clean_inline(&d.title),
        author: opt(d.author),
        section: opt(d.section),
        published,
        captured,
        dateline: dateline.map(|dl| dl.place),
        caption: opt(d.caption),
        body,
        truncated: d.truncated,
        adapter,
    }
}

/// `a` + 16 hex digits of SHA-256(capture hash, position): stable across runs and machines.
pub fn article_id(capture_sha256: &str, index: usize) -> String {
    stable_id("a", &format!("{capture_sha256}:{index}"))
}

/// `prefix` + the first 16 hex digits of SHA-256(`seed`): the one form of every id dateline
/// makes (articles, stories, events), so an id says what it names and never depends on the run.
pub fn stable_id(prefix: &str, seed: &str) -> String {
    let digest = Sha256::digest(seed.as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("{prefix}{hex}")
}
