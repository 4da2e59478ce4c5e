//! The article-extraction benchmark's score, reimplemented from `benchmarks/article-extraction/README.md`,
//! and the loading of its pages; the event-coding score on `benchmarks/plover`.
//!
//! Kept in a library so the metric is unit-tested against the README's own definitions and sanity
//! checks before any figure it prints is believed, and so a regression test computes the very figures
//! the binaries print.

pub mod bench;
pub mod devset;
pub mod events;
pub mod metric;
pub mod readability;
