//! Across articles: which articles are one story, and which mentions are one happening.
//!
//! The crate is in layers, each using only those below it:
//!
//! - utilities: [`text`] (words, topic words, ids), [`minhash`] (fingerprints of bodies and LSH
//!   candidate search, so finding near-duplicates costs time in proportion to the corpus, not
//!   its square) and a union-find;
//! - [`rows`], what the passes read and write (the only types a store needs besides the ports),
//!   and [`intern`], the numbers that stand for names, words and places in them;
//! - [`port`]: one storage trait per pass, and [`Corpus`], all of them;
//! - the passes, each over its port: the corpus reduced to rows, linking (exact copies,
//!   truncated copies and rewrites into stories), the stories written (with fields a copy lacks
//!   inherited from the copy that has them, marked as inferred), merging mentions into
//!   [`Event`](dateline_core::event::Event)s with every mention and outlet kept, and the
//!   conflict passes (disagreeing dates, counts and claims flagged, never resolved);
//! - [`rebuild`], which runs the passes in order over a corpus that keeps the working rows (the
//!   store's scratch tables), so memory holds fixed budgets and a few bytes per article, not the
//!   corpus; and [`memory`], the same over data held in memory.
//!
//! Everything here is a pure function of its inputs: the store calls it after each ingest and the
//! result does not depend on how the captures were batched.

mod compact;
mod conflicts;
pub mod intern;
mod link;
pub mod memory;
mod merging;
pub mod minhash;
pub mod port;
pub mod rebuild;
mod reported;
pub mod rows;
mod stories;
pub mod text;
mod unionfind;

pub use link::Budget;
pub use memory::{Context, merge, stories};
pub use minhash::Fingerprint;
pub use port::Corpus;
pub use rebuild::{Derived, rebuild};
pub use rows::{
    ArticleDigest, ArticleKey, Coded, Grouping, Inferred, Relation, Story, StoryMember, StoryRow,
};
