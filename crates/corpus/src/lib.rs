//! Across articles: which articles are one story, and which mentions are one happening.
//!
//! - [`minhash`]: fingerprints of bodies (MinHash over word shingles) and LSH candidate search, so
//!   finding near-duplicates costs time in proportion to the corpus, not its square;
//! - [`story`]: exact copies, truncated copies and rewrites grouped into [`Story`]s, with fields a
//!   copy lacks inherited from the copy that has them (and marked as inferred);
//! - [`merge`]: mentions merged into [`Event`](dateline_core::event::Event)s with every mention and
//!   outlet kept, and disagreements (dates, counts, claims) flagged as conflicts.
//!
//! - [`rebuild`]: both over a whole corpus read through the [`Corpus`] trait, its working rows
//!   kept by the corpus (the store's scratch tables), so memory holds fixed budgets and a few
//!   bytes per article, not the corpus (see its module docs).
//!
//! Everything here is a pure function of its inputs: the store calls it after each ingest and the
//! result does not depend on how the captures were batched.

pub mod compact;
pub mod merge;
pub mod minhash;
pub mod rebuild;
pub mod story;
pub mod text;
mod unionfind;

pub use compact::Coded;
pub use merge::{Context, MentionStore, merge};
pub use minhash::Fingerprint;
pub use rebuild::{Corpus, Derived, rebuild};
pub use story::{
    ArticleDigest, ArticleKey, Budget, Grouping, Inferred, Relation, Signatures, Story,
    StoryMember, StoryRow, stories,
};
