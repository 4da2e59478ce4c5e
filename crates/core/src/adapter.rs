//! The plug-in point: one [`Adapter`] per site layout, registered through `inventory`.
//!
//! Choosing an adapter for a page: an adapter whose [`Adapter::hosts`] match the capture's URL wins
//! outright; otherwise every adapter scores the page's layout ([`Adapter::detect`]) and the best score
//! at or above [`MIN_SCORE`] wins; otherwise the fallback adapter (the generic extractor) reads it.

use crate::article::ArticleDraft;
use crate::capture::Capture;
use crate::page::Page;

/// Layout scores below this are not trusted to claim a page.
pub const MIN_SCORE: u8 = 50;

/// How sure an adapter is that a page has its layout, with the evidence it saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    /// 0 = not this layout, 100 = certain.
    pub score: u8,
    /// What the adapter recognised, for `dateline adapters --explain` and error messages.
    pub reason: String,
}

impl Detection {
    /// Layout evidence as `(holds, points, what)`: the points of the signals that hold, capped at
    /// 100, with their names as the reason. No signal, no claim.
    pub fn from_signals(signals: &[(bool, u32, &str)]) -> Self {
        let score: u32 = signals.iter().filter(|s| s.0).map(|s| s.1).sum();
        if score == 0 {
            return Detection::no();
        }
        let seen: Vec<&str> = signals.iter().filter(|s| s.0).map(|s| s.2).collect();
        Detection::new(score.min(100) as u8, seen.join(", "))
    }

    pub fn no() -> Self {
        Detection {
            score: 0,
            reason: String::new(),
        }
    }

    pub fn new(score: u8, reason: impl Into<String>) -> Self {
        Detection {
            score: score.min(100),
            reason: reason.into(),
        }
    }
}

/// What an adapter may know about the page besides its blocks.
pub struct ParseContext<'a> {
    pub capture: &'a Capture,
}

#[derive(Debug, thiserror::Error)]
pub enum AdapterError {
    /// The page does not have the layout the adapter expects (e.g. no body where one must be).
    #[error("{0}")]
    Layout(String),
}

/// One site's layout rules.
pub trait Adapter: Sync + Send {
    /// Short, unique, stable name; the adapter crate's folder name (`daily8`, `baghdad-telegraph`).
    fn id(&self) -> &'static str;
    /// Bumped when the rules change output, so stored articles can be traced to the rules that made them.
    fn version(&self) -> &'static str;
    /// URL hosts this adapter owns (`rudaw.net`); subdomains match too.
    fn hosts(&self) -> &'static [&'static str];
    /// Scores the page from its layout alone (no URL).
    fn detect(&self, page: &Page) -> Detection;
    /// Splits the page into stories.
    fn parse(&self, page: &Page, ctx: &ParseContext<'_>)
    -> Result<Vec<ArticleDraft>, AdapterError>;
    /// The `via` of its articles: the site's id, or for the generic adapter the URL's host.
    fn via(&self, capture: &Capture) -> Option<String> {
        let _ = capture;
        Some(self.id().to_owned())
    }
    /// True for the one adapter that reads pages nobody else claims.
    fn is_fallback(&self) -> bool {
        false
    }
}

/// An entry in the global registry. Made by [`crate::register_adapter!`].
pub struct AdapterRegistration(pub &'static dyn Adapter);

inventory::collect!(AdapterRegistration);

/// Every registered adapter, sorted by id so that ties and listings are deterministic. Collected
/// once: [`select`] runs for every capture.
pub fn registry() -> &'static [&'static dyn Adapter] {
    static REGISTRY: std::sync::LazyLock<Vec<&'static dyn Adapter>> =
        std::sync::LazyLock::new(|| {
            let mut all: Vec<&'static dyn Adapter> = inventory::iter::<AdapterRegistration>
                .into_iter()
                .map(|r| r.0)
                .collect();
            all.sort_by_key(|a| a.id());
            all
        });
    &REGISTRY
}

/// Looks an adapter up by id.
pub fn by_id(id: &str) -> Option<&'static dyn Adapter> {
    registry().iter().copied().find(|a| a.id() == id)
}

/// Picks the adapter for `page`, preferring the URL's host.
pub fn select(page: &Page, host: Option<&str>) -> Option<(&'static dyn Adapter, Detection)> {
    let all = registry();
    if let Some(host) = host {
        for a in all {
            if a.hosts()
                .iter()
                .any(|h| host == *h || host.ends_with(&format!(".{h}")))
            {
                return Some((*a, Detection::new(100, format!("URL host {host}"))));
            }
        }
    }
    let best = all
        .iter()
        .filter(|a| !a.is_fallback())
        .map(|a| (*a, a.detect(page)))
        .filter(|(_, d)| d.score >= MIN_SCORE)
        // Highest score; on a tie the first id in order, so the choice never depends on link order.
        .max_by(|(a1, d1), (a2, d2)| d1.score.cmp(&d2.score).then_with(|| a2.id().cmp(a1.id())));
    best.or_else(|| {
        all.iter().find(|a| a.is_fallback()).map(|a| {
            (
                *a,
                Detection::new(0, "no site layout recognised; generic extraction"),
            )
        })
    })
}
