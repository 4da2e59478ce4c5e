//! What adapters produce ([`ArticleDraft`]) and what the rest of dateline consumes ([`Article`]).

use crate::text::Dateline;
use crate::time::{DateOrder, TimeValue};
use serde::{Deserialize, Serialize};

/// One story as an adapter found it on the page: raw strings, nothing resolved yet.
/// Adapters fill what the layout shows and leave the rest `None`; they never invent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleDraft {
    /// Who wrote the story (`Iraqi News`, `Rudaw`), when the page says.
    pub outlet: Option<String>,
    /// The headline; empty when the capture has none (never replaced by a caption or a sentence).
    pub title: String,
    pub author: Option<String>,
    pub section: Option<String>,
    /// The date as printed ("12 hours ago", "01-09-2024"), resolved by core against the capture time.
    pub published: Option<String>,
    /// Where the published date came from when it is not the page's date line (e.g. "photo caption").
    pub published_basis: Option<String>,
    /// How this site prints numeric dates.
    pub date_order: DateOrder,
    pub dateline: Option<Dateline>,
    pub caption: Option<String>,
    /// Paragraphs of the body, in order; the dateline stays in the first one as printed.
    pub body: Vec<String>,
    /// True when the page shows only part of the story (a teaser, a copy that lacks its lead).
    pub truncated: bool,
    /// The story's own URL when the page links it.
    pub url: Option<String>,
    /// The date the page shows as "today" (a site's date bar): the capture day, not publication.
    pub page_date: Option<String>,
}

/// Which adapter produced an article, so a change of rules can be traced in the output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdapterRef {
    pub name: String,
    pub version: String,
}

/// A story from one capture, normalised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: hash of the capture's bytes and the article's position on the page.
    pub id: String,
    /// File name of the capture.
    pub capture: String,
    /// The site the page came from (`daily8`, `rudaw`, or the URL's host for unknown sites).
    pub via: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub title: String,
    pub author: Option<String>,
    pub section: Option<String>,
    pub published: TimeValue,
    /// When the page was seen: the sidecar's `captured_at`, else the page's own date bar. The anchor of
    /// last resort for in-body dates when the story has no publication date.
    pub captured: TimeValue,
    /// Dateline place as printed (`ERBIL, Kurdistan Region`).
    pub dateline: Option<String>,
    pub caption: Option<String>,
    /// Paragraphs joined by a blank line. Evidence spans are byte offsets into this string.
    pub body: String,
    pub truncated: bool,
    pub adapter: AdapterRef,
}

impl Article {
    /// Paragraphs of the body.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.split("\n\n")
    }

    /// The day in-body dates are read against: publication when known to the day, else the capture.
    pub fn anchor_date(&self) -> Option<jiff::civil::Date> {
        let day_or_finer = |t: &TimeValue| {
            t.precision
                .is_some_and(|p| p <= crate::time::Precision::Day)
                .then(|| t.start_date())
                .flatten()
        };
        day_or_finer(&self.published).or_else(|| day_or_finer(&self.captured))
    }

    /// Number of whitespace-separated words of the body.
    pub fn word_count(&self) -> usize {
        self.body.split_whitespace().count()
    }
}
