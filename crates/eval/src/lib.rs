//! The article-extraction benchmark's score, reimplemented from `benchmarks/article-extraction/README.md`,
//! and the loading of its pages.
//!
//! Kept in a library so the metric is unit-tested against the README's own definitions and sanity
//! checks before any figure it prints is believed.

pub mod bench;
pub mod metric;
