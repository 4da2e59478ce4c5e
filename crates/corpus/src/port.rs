//! Where the rebuild reads the corpus and writes what it derives: one trait per pass, each
//! naming the access paths its pass uses, and [`Corpus`], all of them, which a store implements
//! (over SQLite in `dateline-store`; in memory in `memory.rs`, the reference the tests hold
//! the store to). A store keeps the rows of [`crate::rows`] as they are and reads them back in
//! the order a pass asks for, so the rebuild holds none of them whole.

use crate::minhash::Fingerprint;
use crate::rows::{
    ArticleDigest, ArticleKey, Coded, EventSummary, Grouping, Member, MentionFacts, Statement,
    StatementKind, Story, StoryMember, StoryRow, When,
};
use dateline_core::event::{Event, EventType};

/// What every pass's store shares: how its reads and writes fail.
pub trait Storage {
    type Error;
}

/// How [`CompactStore::keep_coded`] reduces a mention: `(article index, handle, what it reads of
/// the mention, statements)` gives its row, and appends its statements.
pub type CodeMention<'a> = dyn FnMut(usize, u64, &MentionFacts, &mut Vec<Statement>) -> Coded + 'a;

/// The first pass: the corpus reduced to rows the later passes read back.
pub trait CompactStore: Storage {
    /// Numbers the articles in id order (an article's index is its position) and keeps each
    /// one's [`ArticleKey`] for the rest of the rebuild (the store in a scratch table, not in
    /// memory). Returns how many there are. Called first.
    fn keep_keys(&mut self) -> Result<usize, Self::Error>;
    /// Reads every mention once, in id order, and keeps `code(article index, handle, mention,
    /// statements)` of each for the rest of the rebuild, with the statements `code` appended to
    /// the (empty) buffer it is given (the store keeps both in scratch tables, not in memory).
    /// The handle is what [`MentionStore::member`] takes. Called after
    /// [`CompactStore::keep_keys`], which numbers the articles (and, in the store, creates the
    /// scratch tables).
    fn keep_coded(&mut self, code: &mut CodeMention<'_>) -> Result<(), Self::Error>;
}

/// Linking: which articles are copies of one another, and which copy groups are one story.
pub trait LinkStore: Storage {
    /// The key of article `index`.
    fn key(&mut self, index: usize) -> Result<ArticleKey, Self::Error>;
    /// Calls `visit(index, body hash)` for every article, by body hash, then index.
    fn scan_by_body_hash(&mut self, visit: &mut dyn FnMut(usize, u64)) -> Result<(), Self::Error>;
    /// Calls `visit(index, signature)` for every article: signatures are read in full passes,
    /// never held all at once.
    fn scan_signatures(&mut self, visit: &mut dyn FnMut(usize, &[u32])) -> Result<(), Self::Error>;
    /// The fingerprint of article `index`, to confirm a candidate pair.
    fn fingerprint(&mut self, index: usize) -> Result<Fingerprint, Self::Error>;
    /// Calls `visit(row, its article's key's `when`)` for every kept row of type `kind`, by
    /// article, then in the order kept.
    fn scan_coded(
        &mut self,
        kind: EventType,
        visit: &mut dyn FnMut(&Coded, When),
    ) -> Result<(), Self::Error>;
    /// Appends the kept rows of article `index` to `out`, in the order kept.
    fn coded_of(&mut self, index: usize, out: &mut Vec<Coded>) -> Result<(), Self::Error>;
    /// Keeps each article's root under `grouping`, given in index order.
    fn put_roots(
        &mut self,
        grouping: Grouping,
        roots: &mut dyn Iterator<Item = u32>,
    ) -> Result<(), Self::Error>;
}

/// The stories pass: each story built from its members and written, one at a time.
pub trait StoryStore: Storage {
    /// Replaces `out` with the members of the story whose root is the smallest above `after`
    /// (any root when `None`), in index order; leaves it empty when there is none.
    fn next_story(
        &mut self,
        after: Option<u32>,
        out: &mut Vec<StoryRow>,
    ) -> Result<(), Self::Error>;
    /// The full digest of article `index`.
    fn digest(&mut self, index: usize) -> Result<ArticleDigest, Self::Error>;
    /// Writes one member of the story `story` (members come before their story).
    fn put_member(&mut self, story: &str, member: &StoryMember) -> Result<(), Self::Error>;
    /// Writes a story without its members (`story.members` is empty); `members` is their count.
    fn put_story(&mut self, story: &Story, members: usize) -> Result<(), Self::Error>;
}

/// Mentions read back whole, by merging and by the conflict passes, one at a time.
pub trait MentionStore: Storage {
    /// What an event takes of the mention kept with this handle.
    fn member(&mut self, handle: u64) -> Result<Member, Self::Error>;
}

/// Merging: the mentions of one happening made one event.
pub trait MergeStore: MentionStore {
    /// Calls `visit` for every kept row of type `kind` in merge order: precision rank, then start
    /// date (undated first), then the order kept. `visit` returns the event the row joined, which
    /// the corpus records for [`MergeStore::members_of`].
    fn scan_merge_order(
        &mut self,
        kind: EventType,
        visit: &mut dyn FnMut(&Coded) -> u32,
    ) -> Result<(), Self::Error>;
    /// Appends `(handle, article index)` of the rows that joined `event`, in joining order.
    fn members_of(&mut self, event: u32, out: &mut Vec<(u64, u32)>) -> Result<(), Self::Error>;
    /// Writes a new event and its mention links.
    fn put_event(&mut self, event: &Event) -> Result<(), Self::Error>;
    /// Keeps the summary of a written event.
    fn put_summary(&mut self, summary: &EventSummary) -> Result<(), Self::Error>;
}

/// The conflict passes: statements compared across events, and dates within a story.
pub trait ConflictStore: MentionStore {
    /// Calls `visit(word, statement)` for every kept statement of kind `kind` and every word of
    /// its key, by word, then by statement id.
    fn scan_statements(
        &mut self,
        kind: StatementKind,
        visit: &mut dyn FnMut(u32, &Statement),
    ) -> Result<(), Self::Error>;
    /// Keeps each statement's root (the smallest id of its connected group), given in id order.
    /// Called once, after merging: from then on the corpus is read by statement group, by story
    /// and by event, not in merge order.
    fn put_statement_roots(
        &mut self,
        roots: &mut dyn Iterator<Item = u32>,
    ) -> Result<(), Self::Error>;
    /// Replaces `out` with the statements of kind `kind` whose root is the smallest above `after`
    /// (any root when `None`), by id, each with [`Statement::event`] set to the event its mention
    /// joined; leaves it empty when there is none. Call after merging.
    fn next_statement_group(
        &mut self,
        kind: StatementKind,
        after: Option<u32>,
        out: &mut Vec<Statement>,
    ) -> Result<(), Self::Error>;
    /// The smallest story number above `after` (any when `None`) that has events, with the
    /// summaries of its events in `out`, by number; `out` is left empty when the story has more
    /// than `cap` events. `None` when there is no such story.
    fn next_story_events(
        &mut self,
        after: Option<u32>,
        cap: usize,
        out: &mut Vec<EventSummary>,
    ) -> Result<Option<u32>, Self::Error>;
    /// Whether events `a` and `b` have mentions in one article.
    fn share_article(&mut self, a: u32, b: u32) -> Result<bool, Self::Error>;
    /// The id of event number `number`, if it was written.
    fn event_id(&mut self, number: u32) -> Result<Option<String>, Self::Error>;
    fn event(&mut self, id: &str) -> Result<Option<Event>, Self::Error>;
    /// Rewrites an event already written (its conflicts changed; its mentions did not).
    fn update_event(&mut self, event: &Event) -> Result<(), Self::Error>;
}

/// A corpus to rebuild: read in passes, written back story by story and event by event.
pub trait Corpus: CompactStore + LinkStore + StoryStore + MergeStore + ConflictStore {}

impl<C: CompactStore + LinkStore + StoryStore + MergeStore + ConflictStore> Corpus for C {}
