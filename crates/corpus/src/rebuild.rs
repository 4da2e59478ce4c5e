//! Stories and events recomputed from a whole corpus in bounded memory.
//!
//! The corpus stays where it is (the store's tables); this module reads it through [`Corpus`]:
//! articles as [`ArticleKey`]s and mentions as [`Coded`] rows, both kept in the store (read back
//! one at a time, by type, by article, and in merge order), signatures in passes, and full
//! articles and mentions one copy group or one event at a time. Per article it holds four bytes
//! of union-find while linking and eight (story and outlet numbers) while merging; besides that,
//! a story id per story (to number stories in id order), four bytes of union-find per conflict
//! statement, the open events of one event type, the fixed [`Budget`] of the linking passes, and
//! one story's member rows or one event's row: never a body, a sentence, a mention table, the
//! statements, or the event summaries.

use crate::compact::{Coded, EventSummary, Item, NONE, Shared, Statement};
use crate::merge::{MentionStore, keep, merge_all};
use crate::minhash::Fingerprint;
use crate::story::{
    ArticleDigest, ArticleKey, Budget, Grouping, Signatures, Story, StoryMember, StoryRow,
    build_story, link,
};
use dateline_core::event::{Event, EventMention, EventType};
use std::collections::{BTreeMap, HashMap};

/// How [`Corpus::keep_coded`] codes a mention: `(article index, handle, mention, statements)`
/// gives its row, and appends its statements.
pub type CodeMention<'a> = dyn FnMut(usize, u64, &EventMention, &mut Vec<Item>) -> Coded + 'a;

pub use crate::story::When;

/// A corpus to cluster: read in passes, written back story by story and event by event.
pub trait Corpus: Signatures + MentionStore<Error = <Self as Signatures>::Error> {
    /// Numbers the articles in id order (an article's index is its position) and keeps each
    /// one's [`ArticleKey`] for the rest of the rebuild (the store in a scratch table, not in
    /// memory). Returns how many there are.
    fn keep_keys(&mut self) -> Result<usize, <Self as Signatures>::Error>;
    /// The key of article `index`.
    fn key(&mut self, index: usize) -> Result<ArticleKey, <Self as Signatures>::Error>;
    /// Calls `visit(index, body hash)` for every article, by body hash, then index.
    fn scan_by_body_hash(
        &mut self,
        visit: &mut dyn FnMut(usize, u64),
    ) -> Result<(), <Self as Signatures>::Error>;
    /// Keeps each article's root under `grouping`, given in index order.
    fn put_roots(
        &mut self,
        grouping: Grouping,
        roots: &mut dyn Iterator<Item = u32>,
    ) -> Result<(), <Self as Signatures>::Error>;
    /// Replaces `out` with the members of the story whose root is the smallest above `after`
    /// (any root when `None`), in index order; leaves it empty when there is none.
    fn next_story(
        &mut self,
        after: Option<u32>,
        out: &mut Vec<StoryRow>,
    ) -> Result<(), <Self as Signatures>::Error>;
    /// The full digest of article `index`.
    fn digest(&mut self, index: usize) -> Result<ArticleDigest, <Self as Signatures>::Error>;
    /// Reads every mention once, in id order, and keeps `code(article index, handle, mention,
    /// statements)` of each for the rest of the rebuild, with the statements `code` appended to
    /// the (empty) buffer it is given (the store keeps both in scratch tables, not in memory).
    /// The handle is what [`MentionStore::mention`] takes. Called after [`Corpus::keep_keys`],
    /// which numbers the articles (and, in the store, creates the scratch tables).
    fn keep_coded(&mut self, code: &mut CodeMention<'_>)
    -> Result<(), <Self as Signatures>::Error>;
    /// Calls `visit(word, item)` for every kept statement of kind `kind` and every word of its
    /// key, by word, then by item id.
    fn scan_statements(
        &mut self,
        kind: Statement,
        visit: &mut dyn FnMut(u32, &Item),
    ) -> Result<(), <Self as Signatures>::Error>;
    /// Keeps each statement's root (the smallest id of its connected group), given in id order.
    /// Called once, after merging: from then on the corpus is read by statement group, by story
    /// and by event, not in merge order.
    fn put_statement_roots(
        &mut self,
        roots: &mut dyn Iterator<Item = u32>,
    ) -> Result<(), <Self as Signatures>::Error>;
    /// Replaces `out` with the statements of kind `kind` whose root is the smallest above `after`
    /// (any root when `None`), by id, each with [`Item::event`] set to the event its mention
    /// joined; leaves it empty when there is none. Call after merging.
    fn next_statement_group(
        &mut self,
        kind: Statement,
        after: Option<u32>,
        out: &mut Vec<Item>,
    ) -> Result<(), <Self as Signatures>::Error>;
    /// Calls `visit` for every kept row of type `kind` in merge order: precision rank, then start
    /// date (undated first), then the order kept. `visit` returns the event the row joined, which
    /// the corpus records for [`Corpus::members_of`].
    fn scan_merge_order(
        &mut self,
        kind: EventType,
        visit: &mut dyn FnMut(&Coded) -> u32,
    ) -> Result<(), <Self as Signatures>::Error>;
    /// Appends `(handle, article index)` of the rows that joined `event`, in joining order.
    fn members_of(
        &mut self,
        event: u32,
        out: &mut Vec<(u64, u32)>,
    ) -> Result<(), <Self as Signatures>::Error>;
    /// Calls `visit(row, its article's key's `when`)` for every kept row of type `kind`, by
    /// article, then in the order kept.
    fn scan_coded(
        &mut self,
        kind: EventType,
        visit: &mut dyn FnMut(&Coded, When),
    ) -> Result<(), <Self as Signatures>::Error>;
    /// Appends the kept rows of article `index` to `out`, in the order kept.
    fn coded_of(
        &mut self,
        index: usize,
        out: &mut Vec<Coded>,
    ) -> Result<(), <Self as Signatures>::Error>;
    /// Keeps the summary of a written event.
    fn put_summary(&mut self, summary: &EventSummary) -> Result<(), <Self as Signatures>::Error>;
    /// The id of event number `number`, if it was written.
    fn event_id(&mut self, number: u32) -> Result<Option<String>, <Self as Signatures>::Error>;
    /// The smallest story number above `after` (any when `None`) that has events, with the
    /// summaries of its events in `out`, by number; `out` is left empty when the story has more
    /// than `cap` events. `None` when there is no such story.
    fn next_story_events(
        &mut self,
        after: Option<u32>,
        cap: usize,
        out: &mut Vec<EventSummary>,
    ) -> Result<Option<u32>, <Self as Signatures>::Error>;
    /// Whether events `a` and `b` have mentions in one article.
    fn share_article(&mut self, a: u32, b: u32) -> Result<bool, <Self as Signatures>::Error>;
    /// Writes a story without its members (`story.members` is empty); `members` is their count.
    fn put_story(
        &mut self,
        story: &Story,
        members: usize,
    ) -> Result<(), <Self as Signatures>::Error>;
    /// Writes one member of the story `story` (members come before their story).
    fn put_member(
        &mut self,
        story: &str,
        member: &StoryMember,
    ) -> Result<(), <Self as Signatures>::Error>;
}

/// What a rebuild wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Derived {
    pub stories: usize,
    pub events: usize,
    pub conflicts: usize,
}

/// Clusters the corpus into stories, merges its mentions into events, and writes both. The
/// result depends only on the corpus, not on the order it was stored in.
pub fn rebuild<C: Corpus>(c: &mut C) -> Result<Derived, <C as Signatures>::Error> {
    rebuild_within(c, Budget::default())
}

/// [`rebuild`] with the linking passes held to `budget`.
pub fn rebuild_within<C: Corpus>(
    c: &mut C,
    budget: Budget,
) -> Result<Derived, <C as Signatures>::Error> {
    let n = c.keep_keys()?;
    let mut shared = Shared::default();
    let statements = keep(c, &mut shared)?;
    link(n, c, budget)?;

    // Stories, one at a time, each from its member rows.
    let mut outlet_of = vec![NONE; n];
    let mut story_of = vec![0u32; n];
    let mut ids: Vec<(String, u32)> = Vec::new();
    let mut members = Vec::new();
    let mut after = None;
    loop {
        c.next_story(after, &mut members)?;
        let Some(first) = members.first() else { break };
        after = Some(first.root);
        let number = ids.len() as u32;
        let outlets = &mut shared.outlets;
        let story = build_story(&members, c, &mut |i, o| outlet_of[i] = outlets.id(o))?;
        c.put_story(&story, members.len())?;
        for r in &members {
            story_of[r.index as usize] = number;
        }
        ids.push((story.id, number));
    }
    drop(members);
    // Story numbers in story id order, so every ordering by story is an ordering by its id.
    ids.sort_unstable();
    let mut rank = vec![0u32; ids.len()];
    for (r, (_, n)) in ids.iter().enumerate() {
        rank[*n as usize] = r as u32;
    }
    let stories = ids.len();
    drop(ids);
    for s in &mut story_of {
        *s = rank[*s as usize];
    }
    shared.story_of = story_of;
    shared.outlet_of = outlet_of;
    let merged = merge_all(c, &shared, statements)?;
    Ok(Derived {
        stories,
        events: merged.events,
        conflicts: merged.conflicts,
    })
}

/// The whole rebuild over articles and mentions held in memory: stories and events, by id.
pub fn in_memory(
    articles: &[ArticleDigest],
    mentions: &[EventMention],
) -> (Vec<Story>, Vec<Event>) {
    in_memory_within(articles, mentions, Budget::default())
}

/// [`in_memory`] with the linking passes held to `budget`.
pub fn in_memory_within(
    articles: &[ArticleDigest],
    mentions: &[EventMention],
    budget: Budget,
) -> (Vec<Story>, Vec<Event>) {
    let mut arts: Vec<&ArticleDigest> = articles.iter().collect();
    arts.sort_by(|a, b| a.id.cmp(&b.id));
    let index: HashMap<&str, usize> = arts
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut ms: Vec<(usize, &EventMention)> = mentions
        .iter()
        .filter_map(|m| Some((*index.get(m.article.as_str())?, m)))
        .collect();
    ms.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    let mut memory = Memory::new(arts, ms);
    let Ok(_) = rebuild_within(&mut memory, budget);
    let mut members = memory.members;
    let stories = memory
        .stories
        .into_values()
        .map(|mut s| {
            s.members = members.remove(&s.id).unwrap_or_default();
            s.members
                .sort_by(|a, b| (a.relation, &a.article).cmp(&(b.relation, &b.article)));
            s
        })
        .collect();
    (stories, memory.events.into_values().collect())
}

/// A corpus held in memory (articles in id order; mentions in id order, with their article's
/// index), for tests and for callers that hold their data already.
pub(crate) struct Memory<'a> {
    articles: Vec<&'a ArticleDigest>,
    mentions: Vec<(usize, &'a EventMention)>,
    stories: BTreeMap<String, Story>,
    members: HashMap<String, Vec<StoryMember>>,
    pub(crate) events: BTreeMap<String, Event>,
    /// Kept coded rows, in the order kept.
    coded: Vec<Coded>,
    /// Their positions by article (stable), made when first read by article.
    by_article: Vec<u32>,
    /// Per event number, its members' `(handle, article)` in joining order.
    joined: Vec<Vec<(u64, u32)>>,
    /// Per article: its copy group's root and its story's root.
    roots: [Vec<u32>; 2],
    /// `(story root, article)`, sorted.
    story_order: Vec<(u32, u32)>,
    /// Kept statements, by id.
    statements: Vec<Item>,
    /// `(kind, root, id)` of the statements, sorted, and each mention's event (set once merging
    /// is done).
    statement_order: Vec<(u8, u32, u32)>,
    event_of: HashMap<u64, u32>,
    /// Event summaries by number, and the numbers by story.
    summaries: BTreeMap<u32, EventSummary>,
    by_story: BTreeMap<u32, Vec<u32>>,
}

impl Memory<'_> {
    /// Orders the kept rows by article (stably), once.
    fn index_by_article(&mut self) {
        if self.by_article.len() != self.coded.len() {
            let coded = &self.coded;
            self.by_article = (0..coded.len() as u32).collect();
            self.by_article.sort_by_key(|&i| coded[i as usize].article);
        }
    }
}

impl<'a> Memory<'a> {
    pub(crate) fn new(
        articles: Vec<&'a ArticleDigest>,
        mentions: Vec<(usize, &'a EventMention)>,
    ) -> Self {
        Memory {
            articles,
            mentions,
            stories: BTreeMap::new(),
            members: HashMap::new(),
            events: BTreeMap::new(),
            coded: Vec::new(),
            by_article: Vec::new(),
            joined: Vec::new(),
            roots: Default::default(),
            story_order: Vec::new(),
            statements: Vec::new(),
            statement_order: Vec::new(),
            event_of: HashMap::new(),
            summaries: BTreeMap::new(),
            by_story: BTreeMap::new(),
        }
    }
}

impl Signatures for Memory<'_> {
    type Error = std::convert::Infallible;
    fn scan(&mut self, visit: &mut dyn FnMut(usize, &[u32])) -> Result<(), Self::Error> {
        for (i, a) in self.articles.iter().enumerate() {
            visit(i, &a.fingerprint.signature);
        }
        Ok(())
    }
    fn fingerprint(&mut self, index: usize) -> Result<Fingerprint, Self::Error> {
        Ok(self.articles[index].fingerprint.clone())
    }
}

impl MentionStore for Memory<'_> {
    type Error = std::convert::Infallible;
    fn mention(&mut self, handle: u64) -> Result<EventMention, Self::Error> {
        Ok(self.mentions[handle as usize].1.clone())
    }
    fn put_event(&mut self, event: &Event) -> Result<(), Self::Error> {
        self.events.insert(event.id.clone(), event.clone());
        Ok(())
    }
    fn update_event(&mut self, event: &Event) -> Result<(), Self::Error> {
        self.put_event(event)
    }
    fn event(&mut self, id: &str) -> Result<Option<Event>, Self::Error> {
        Ok(self.events.get(id).cloned())
    }
}

impl Corpus for Memory<'_> {
    fn keep_keys(&mut self) -> Result<usize, std::convert::Infallible> {
        Ok(self.articles.len())
    }

    fn key(&mut self, index: usize) -> Result<ArticleKey, std::convert::Infallible> {
        Ok(ArticleKey::of(self.articles[index]))
    }

    fn scan_by_body_hash(
        &mut self,
        visit: &mut dyn FnMut(usize, u64),
    ) -> Result<(), std::convert::Infallible> {
        let mut order: Vec<(u64, usize)> = (self.articles.iter().enumerate())
            .map(|(i, a)| (a.fingerprint.body_hash, i))
            .collect();
        order.sort_unstable();
        for (hash, i) in order {
            visit(i, hash);
        }
        Ok(())
    }

    fn put_roots(
        &mut self,
        grouping: Grouping,
        roots: &mut dyn Iterator<Item = u32>,
    ) -> Result<(), std::convert::Infallible> {
        let roots: Vec<u32> = roots.collect();
        if grouping == Grouping::Story {
            self.story_order = (roots.iter().enumerate())
                .map(|(i, &r)| (r, i as u32))
                .collect();
            self.story_order.sort_unstable();
        }
        self.roots[grouping as usize] = roots;
        Ok(())
    }

    fn next_story(
        &mut self,
        after: Option<u32>,
        out: &mut Vec<StoryRow>,
    ) -> Result<(), std::convert::Infallible> {
        out.clear();
        let order = &self.story_order;
        let from = after.map_or(0, |a| order.partition_point(|&(r, _)| r <= a));
        let Some(&(root, _)) = order.get(from) else {
            return Ok(());
        };
        for &(_, i) in order[from..].iter().take_while(|&&(r, _)| r == root) {
            out.push(StoryRow {
                index: i,
                group: self.roots[Grouping::CopyGroup as usize][i as usize],
                root,
                words: self.articles[i as usize].words,
            });
        }
        Ok(())
    }

    fn digest(&mut self, index: usize) -> Result<ArticleDigest, std::convert::Infallible> {
        Ok(self.articles[index].clone())
    }
    fn keep_coded(&mut self, code: &mut CodeMention<'_>) -> Result<(), std::convert::Infallible> {
        let mut items = Vec::new();
        self.statements.clear();
        self.coded = (self.mentions.iter().enumerate())
            .map(|(handle, (a, m))| {
                items.clear();
                let coded = code(*a, handle as u64, m, &mut items);
                self.statements.append(&mut items);
                coded
            })
            .collect();
        self.by_article.clear();
        self.joined.clear();
        Ok(())
    }

    fn scan_statements(
        &mut self,
        kind: Statement,
        visit: &mut dyn FnMut(u32, &Item),
    ) -> Result<(), std::convert::Infallible> {
        let items = &self.statements;
        let mut order: Vec<(u32, usize)> = (items.iter().enumerate())
            .filter(|(_, it)| it.kind() == kind)
            .flat_map(|(i, it)| it.key.iter().map(move |&w| (w, i)))
            .collect();
        order.sort_unstable();
        for (word, i) in order {
            visit(word, &items[i]);
        }
        Ok(())
    }

    fn put_statement_roots(
        &mut self,
        roots: &mut dyn Iterator<Item = u32>,
    ) -> Result<(), std::convert::Infallible> {
        self.statement_order = (roots.zip(&self.statements))
            .map(|(root, it)| (it.kind() as u8, root, it.id))
            .collect();
        self.statement_order.sort_unstable();
        self.event_of = (self.joined.iter().enumerate())
            .flat_map(|(e, ms)| ms.iter().map(move |&(h, _)| (h, e as u32)))
            .collect();
        Ok(())
    }

    fn next_statement_group(
        &mut self,
        kind: Statement,
        after: Option<u32>,
        out: &mut Vec<Item>,
    ) -> Result<(), std::convert::Infallible> {
        out.clear();
        let order = &self.statement_order;
        let k = kind as u8;
        let from = order.partition_point(|&(x, r, _)| (x, Some(r)) <= (k, after));
        let Some(&(x, root, _)) = order.get(from) else {
            return Ok(());
        };
        if x != k {
            return Ok(());
        }
        for &(_, _, id) in order[from..]
            .iter()
            .take_while(|&&(x, r, _)| (x, r) == (k, root))
        {
            let it = &self.statements[id as usize];
            out.push(Item {
                event: self.event_of.get(&it.handle).copied().unwrap_or(NONE),
                ..it.clone()
            });
        }
        Ok(())
    }

    fn scan_coded(
        &mut self,
        kind: EventType,
        visit: &mut dyn FnMut(&Coded, When),
    ) -> Result<(), std::convert::Infallible> {
        self.index_by_article();
        for &i in &self.by_article {
            let c = &self.coded[i as usize];
            if c.kind == kind {
                visit(c, ArticleKey::of(self.articles[c.article as usize]).when);
            }
        }
        Ok(())
    }

    fn coded_of(
        &mut self,
        index: usize,
        out: &mut Vec<Coded>,
    ) -> Result<(), std::convert::Infallible> {
        self.index_by_article();
        let rows = &self.coded;
        let order = &self.by_article;
        let from = order.partition_point(|&i| (rows[i as usize].article as usize) < index);
        let to = order.partition_point(|&i| rows[i as usize].article as usize <= index);
        out.extend(order[from..to].iter().map(|&i| rows[i as usize].clone()));
        Ok(())
    }

    fn scan_merge_order(
        &mut self,
        kind: EventType,
        visit: &mut dyn FnMut(&Coded) -> u32,
    ) -> Result<(), std::convert::Infallible> {
        let rows = &self.coded;
        let mut order: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].kind == kind).collect();
        order.sort_by_key(|&i| (rows[i].rank, rows[i].bounds.map(|(s, _)| s)));
        for i in order {
            let e = visit(&rows[i]) as usize;
            if self.joined.len() <= e {
                self.joined.resize_with(e + 1, Vec::new);
            }
            self.joined[e].push((rows[i].handle, rows[i].article));
        }
        Ok(())
    }

    fn members_of(
        &mut self,
        event: u32,
        out: &mut Vec<(u64, u32)>,
    ) -> Result<(), std::convert::Infallible> {
        out.extend(self.joined.get(event as usize).into_iter().flatten());
        Ok(())
    }

    fn put_summary(&mut self, summary: &EventSummary) -> Result<(), std::convert::Infallible> {
        for &story in &summary.stories {
            self.by_story.entry(story).or_default().push(summary.number);
        }
        self.summaries.insert(summary.number, summary.clone());
        Ok(())
    }

    fn event_id(&mut self, number: u32) -> Result<Option<String>, std::convert::Infallible> {
        Ok(self.summaries.get(&number).map(|s| s.id.clone()))
    }

    fn next_story_events(
        &mut self,
        after: Option<u32>,
        cap: usize,
        out: &mut Vec<EventSummary>,
    ) -> Result<Option<u32>, std::convert::Infallible> {
        use std::ops::Bound::{Excluded, Unbounded};
        out.clear();
        let from = after.map_or(Unbounded, Excluded);
        let Some((&story, numbers)) = self.by_story.range((from, Unbounded)).next() else {
            return Ok(None);
        };
        if numbers.len() <= cap {
            let mut numbers = numbers.clone();
            numbers.sort_unstable();
            out.extend(
                numbers
                    .iter()
                    .filter_map(|n| self.summaries.get(n))
                    .cloned(),
            );
        }
        Ok(Some(story))
    }

    fn share_article(&mut self, a: u32, b: u32) -> Result<bool, std::convert::Infallible> {
        let articles = |e: u32| -> Vec<u32> {
            let joined = self.joined.get(e as usize).into_iter().flatten();
            joined.map(|&(_, article)| article).collect()
        };
        let (xs, ys) = (articles(a), articles(b));
        Ok(xs.iter().any(|x| ys.contains(x)))
    }

    fn put_story(&mut self, story: &Story, _: usize) -> Result<(), std::convert::Infallible> {
        self.stories.insert(story.id.clone(), story.clone());
        Ok(())
    }
    fn put_member(
        &mut self,
        story: &str,
        member: &StoryMember,
    ) -> Result<(), std::convert::Infallible> {
        self.members
            .entry(story.to_owned())
            .or_default()
            .push(member.clone());
        Ok(())
    }
}
