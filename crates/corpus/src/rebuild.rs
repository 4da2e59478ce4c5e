//! Stories and events recomputed from a whole corpus in bounded memory: the passes in order.
//!
//! The corpus stays where it is (the store's tables); the passes read it through the traits of
//! [`crate::port`]: articles as keys and mentions as coded rows, both kept by the store (read
//! back one at a time, by type, by article, and in merge order), signatures in passes, and full
//! articles and mentions one copy group or one event at a time. Per article the rebuild holds
//! four bytes of union-find while linking and eight (story and outlet numbers) while merging;
//! besides that, a story id per story (to number stories in id order), four bytes of union-find
//! per conflict statement, the open events of one event type, the fixed [`Budget`] of the
//! linking passes, and one story's member rows or one event's row: never a body, a sentence, a
//! mention table, the statements, or the event summaries.

use crate::compact::keep_rows;
use crate::conflicts::flag_conflicts;
use crate::intern::{ByArticle, Interned};
use crate::link::{Budget, link};
use crate::merging::{Merged, merge_events};
use crate::port::{ConflictStore, Corpus, MergeStore};
use crate::stories::write_stories;

/// What a rebuild wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Derived {
    pub stories: usize,
    pub events: usize,
    pub conflicts: usize,
}

/// Clusters the corpus into stories, merges its mentions into events, and writes both. The
/// result depends only on the corpus, not on the order it was stored in.
pub fn rebuild<C: Corpus>(c: &mut C) -> Result<Derived, C::Error> {
    rebuild_within(c, Budget::default())
}

/// [`rebuild`] with the linking passes held to `budget`.
pub fn rebuild_within<C: Corpus>(c: &mut C, budget: Budget) -> Result<Derived, C::Error> {
    let mut interned = Interned::default();
    let kept = keep_rows(c, &mut interned)?;
    link(kept.articles, c, budget)?;
    let (stories, by_article) = write_stories(c, kept.articles, &mut interned.outlets)?;
    let merged = events_and_conflicts(c, &interned, &by_article, kept.statements)?;
    Ok(Derived {
        stories,
        events: merged.events,
        conflicts: merged.conflicts,
    })
}

/// Merges the kept mentions into events and writes them, then flags the conflicts across them.
/// The conflicts counted are those of the events as written plus those added after.
pub(crate) fn events_and_conflicts<C: MergeStore + ConflictStore>(
    c: &mut C,
    interned: &Interned,
    by_article: &ByArticle,
    statements: u32,
) -> Result<Merged, C::Error> {
    let mut merged = merge_events(c, interned, by_article)?;
    merged.conflicts += flag_conflicts(c, interned, by_article, statements)?;
    Ok(merged)
}
