//! The shared vocabulary of dateline.
//!
//! Everything that crosses a crate boundary lives here: what a capture is ([`Capture`]), how its bytes
//! become text ([`decode`]), the block structure adapters read ([`Page`]), what they produce
//! ([`ArticleDraft`] → [`Article`]), the coded events ([`event`]), the adapter registry ([`adapter`])
//! and the one temporal resolver every date goes through ([`time`]).
//!
//! This crate depends on nothing else of ours, so an adapter author needs only this crate.

pub mod adapter;
pub mod article;
pub mod capture;
pub mod decode;
pub mod event;
pub mod extract;
pub mod html;
pub mod page;
pub mod text;
pub mod time;

pub use adapter::{Adapter, AdapterRegistration, Detection, ParseContext, registry};
pub use article::{AdapterRef, Article, ArticleDraft};
pub use capture::{Capture, CaptureError, Media, Sidecar};
pub use extract::{ExtractError, Extraction, extract};
pub use page::{Block, BlockKind, Element, HintWords, Page, PageMeta};
pub use time::{DateOrder, Precision, TimeValue};

/// Re-exported so that [`register_adapter!`] works in adapter crates that do not name `inventory`.
pub use inventory;

/// Registers an adapter with the global registry.
///
/// ```
/// use dateline_core::{Adapter, ArticleDraft, Detection, Page, ParseContext};
/// use dateline_core::adapter::AdapterError;
///
/// pub struct Wire;
/// impl Adapter for Wire {
///     fn id(&self) -> &'static str { "wire" }
///     fn version(&self) -> &'static str { "1" }
///     fn hosts(&self) -> &'static [&'static str] { &["wire.example"] }
///     fn detect(&self, page: &Page) -> Detection {
///         if page.contains_line("Wire Service") { Detection::new(80, "masthead") } else { Detection::no() }
///     }
///     fn parse(&self, page: &Page, _: &ParseContext<'_>) -> Result<Vec<ArticleDraft>, AdapterError> {
///         Ok(vec![ArticleDraft { body: page.texts().map(str::to_owned).collect(), ..Default::default() }])
///     }
/// }
/// dateline_core::register_adapter!(Wire);
///
/// assert!(dateline_core::registry().iter().any(|a| a.id() == "wire"));
/// ```
///
/// The registration survives only if the final binary links the adapter crate; see
/// `crates/adapters` for the generated list that makes sure it does.
#[macro_export]
macro_rules! register_adapter {
    ($adapter:expr) => {
        $crate::inventory::submit! {
            $crate::AdapterRegistration(&$adapter)
        }
    };
}
