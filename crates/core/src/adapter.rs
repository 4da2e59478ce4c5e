//! The plug-in point: one [`Adapter`] per site layout, registered through `inventory`.
//!
//! Choosing an adapter for a page: an adapter whose [`Adapter::hosts`] match the capture's URL wins
//! outright; otherwise every adapter scores the page's layout ([`Adapter::detect`]), weighed by what
//! the page's metadata and URL say about whose page it is ([`layout_claim`]), and the best score at
//! or above [`MIN_SCORE`] wins; otherwise the fallback adapter (the generic extractor) reads it.

use crate::article::ArticleDraft;
use crate::capture::Capture;
use crate::page::Page;
use crate::text::letters_key;

/// Layout scores below this are not trusted to claim a page.
pub const MIN_SCORE: u8 = 50;

/// How sure an adapter is that a page has its layout, with the evidence it saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    /// 0 = not this layout, 100 = certain.
    pub score: u8,
    /// What the adapter recognised, for `dateline inspect` and error messages.
    pub reason: String,
}

impl Detection {
    /// Layout evidence as `(holds, points, what)`: the points of the signals that hold, capped at
    /// 100, with their names as the reason. No signal, no claim.
    pub fn from_signals(signals: &[(bool, u32, &str)]) -> Self {
        Detection::from_signals_against(signals, &[])
    }

    /// As [`Detection::from_signals`], less the points of the `against` signals that hold: furniture
    /// a site never prints on its own pages (another site's widgets standing alone) weighs against
    /// a claim. A score at or below 0 is no claim; the reason names what held, for and against.
    pub fn from_signals_against(
        signals: &[(bool, u32, &str)],
        against: &[(bool, u32, &str)],
    ) -> Self {
        let points = |list: &[(bool, u32, &str)]| -> i64 {
            list.iter().filter(|s| s.0).map(|s| i64::from(s.1)).sum()
        };
        let score = points(signals) - points(against);
        if score <= 0 {
            return Detection::no();
        }
        let seen: Vec<&str> = signals
            .iter()
            .chain(against)
            .filter(|s| s.0)
            .map(|s| s.2)
            .collect();
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
    /// The names the site gives itself in its metadata (`og:site_name`, JSON-LD publisher):
    /// `Baghdad Telegraph`. With [`Adapter::hosts`], what lets a page's own declaration say whose it is.
    fn names(&self) -> &'static [&'static str] {
        &[]
    }
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

/// True when `host` is one of `hosts` or a subdomain of one.
fn on_hosts(host: &str, hosts: &[&str]) -> bool {
    hosts
        .iter()
        .any(|h| host == *h || host.ends_with(&format!(".{h}")))
}

/// Whose page the page's own metadata says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Declared {
    /// The canonical link or `og:url` is on one of the adapter's hosts, or `og:site_name` or the
    /// JSON-LD publisher is one of its names.
    Ours,
    /// The metadata names a site, and it is not the adapter's.
    Other,
    /// The page names no site (every text capture).
    Unnamed,
}

/// What `page` declares about whose page it is, for an adapter with these hosts and names.
pub fn declared_site(page: &Page, hosts: &[&str], names: &[&str]) -> Declared {
    let meta = &page.meta;
    let links: Vec<String> = [&meta.canonical_url, &meta.og_url]
        .into_iter()
        .flatten()
        .filter_map(|u| crate::capture::host_of(u))
        .collect();
    let labels: Vec<String> = [&meta.site_name, &meta.publisher]
        .into_iter()
        .flatten()
        .map(|n| letters_key(n))
        .filter(|k| !k.is_empty())
        .collect();
    let own_host = |h: &str| on_hosts(h, hosts);
    let own_name = |k: &String| names.iter().chain(hosts).any(|n| letters_key(n) == *k);
    if links.iter().any(|h| own_host(h)) || labels.iter().any(own_name) {
        Declared::Ours
    } else if links.is_empty() && labels.is_empty() {
        Declared::Unnamed
    } else {
        Declared::Other
    }
}

/// An adapter's claim on a page whose URL host (if any) none of the adapters owns.
///
/// A layout is evidence only where nothing better is known: sites share themes, widgets and copied
/// stories, and a site adapter stamps its outlet on everything it reads. So the layout decides alone
/// only for a capture without a URL whose metadata names no site. A page that declares itself
/// another site's is never claimed, and neither is a page from another site's URL unless its own
/// metadata names this adapter's site (a copy saved through a mirror or an archive).
pub fn layout_claim(adapter: &dyn Adapter, page: &Page, host: Option<&str>) -> Detection {
    match declared_site(page, adapter.hosts(), adapter.names()) {
        Declared::Other => Detection::new(0, "the page's metadata names another site"),
        Declared::Ours => {
            let d = adapter.detect(page);
            let reason = if d.reason.is_empty() {
                "the page's metadata names the site".to_owned()
            } else {
                format!("the page's metadata names the site; {}", d.reason)
            };
            Detection::new(d.score.max(MIN_SCORE), reason)
        }
        Declared::Unnamed => match host {
            Some(host) => Detection::new(
                0,
                format!(
                    "URL host {host} is another site's and the page's metadata does not name this one"
                ),
            ),
            None => adapter.detect(page),
        },
    }
}

/// Picks the adapter for `page`, preferring the URL's host.
pub fn select(page: &Page, host: Option<&str>) -> Option<(&'static dyn Adapter, Detection)> {
    let all = registry();
    if let Some(host) = host {
        for a in all {
            if on_hosts(host, a.hosts()) {
                return Some((*a, Detection::new(100, format!("URL host {host}"))));
            }
        }
    }
    let best = all
        .iter()
        .filter(|a| !a.is_fallback())
        .map(|a| (*a, layout_claim(*a, page, host)))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A site whose layout is one masthead line; not registered, so the registry stays as it is.
    struct Tigris;
    impl Adapter for Tigris {
        fn id(&self) -> &'static str {
            "tigris"
        }
        fn version(&self) -> &'static str {
            "1"
        }
        fn hosts(&self) -> &'static [&'static str] {
            &["tigrisdaily.example"]
        }
        fn names(&self) -> &'static [&'static str] {
            &["Tigris Daily"]
        }
        fn detect(&self, page: &Page) -> Detection {
            Detection::from_signals(&[(page.contains_line("Tigris Daily"), 80, "masthead")])
        }
        fn parse(&self, _: &Page, _: &ParseContext<'_>) -> Result<Vec<ArticleDraft>, AdapterError> {
            Ok(Vec::new())
        }
    }

    fn page(site_name: Option<&str>, canonical: Option<&str>) -> Page {
        let mut p = Page::from_text("Tigris Daily\nKIRKUK – Forces raided a hideout.\n");
        p.meta.site_name = site_name.map(str::to_owned);
        p.meta.canonical_url = canonical.map(str::to_owned);
        p
    }

    #[test]
    fn signals_against_a_claim_subtract() {
        let for_ = [(true, 60, "masthead"), (false, 40, "listing bar")];
        assert_eq!(Detection::from_signals(&for_).score, 60);
        let d = Detection::from_signals_against(&for_, &[(true, 35, "another site's widget")]);
        assert_eq!(d.score, 25);
        assert_eq!(d.reason, "masthead, another site's widget");
        let none = Detection::from_signals_against(&for_, &[(true, 70, "two widgets")]);
        assert_eq!(none, Detection::no());
        let capped = Detection::from_signals(&[(true, 60, "a"), (true, 60, "b")]);
        assert_eq!(capped.score, 100);
    }

    #[test]
    fn layout_alone_claims_only_without_a_url() {
        let p = page(None, None);
        assert_eq!(layout_claim(&Tigris, &p, None).score, 80);
        let d = layout_claim(&Tigris, &p, Some("blog.example"));
        assert_eq!(d.score, 0, "{}", d.reason);
    }

    #[test]
    fn another_sites_url_needs_the_pages_own_metadata() {
        let by_name = page(Some("Tigris Daily"), None);
        assert!(layout_claim(&Tigris, &by_name, Some("archive.example")).score >= MIN_SCORE);
        let by_link = page(None, Some("https://www.tigrisdaily.example/2025/raid"));
        assert!(layout_claim(&Tigris, &by_link, Some("archive.example")).score >= MIN_SCORE);
        assert_eq!(
            declared_site(&by_link, &["tigrisdaily.example"], &[]),
            Declared::Ours
        );
    }

    #[test]
    fn a_page_that_names_another_site_is_never_claimed() {
        let other = page(Some("Lyrics Corner"), Some("https://lyrics.example/song"));
        assert_eq!(layout_claim(&Tigris, &other, None).score, 0);
        assert_eq!(
            declared_site(&other, Tigris.hosts(), Tigris.names()),
            Declared::Other
        );
        assert_eq!(
            declared_site(&page(None, None), Tigris.hosts(), Tigris.names()),
            Declared::Unnamed
        );
    }
}
