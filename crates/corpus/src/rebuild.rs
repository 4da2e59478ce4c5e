//! Stories and events recomputed from a whole corpus in bounded memory.
//!
//! The corpus stays where it is (the store's tables); this module reads it through [`Corpus`]:
//! articles as [`ArticleKey`]s, mentions as [`Coded`] rows kept in the store (read back by type,
//! by article, and in merge order), signatures in passes, and full articles and mentions one copy
//! group or one event at a time. What it holds is a few dozen bytes per article, the open events
//! of one event type, the conflict statements, the fixed [`Budget`] of the linking passes, and one
//! copy group of a story: never a body, a sentence, a mention table, or a whole story or event.

use crate::compact::{Coded, NONE, Shared};
use crate::merge::{MentionStore, keep, merge_all};
use crate::story::{
    ArticleDigest, ArticleKey, Budget, Signatures, Story, StoryMember, build_story, link,
};
use dateline_core::event::{Event, EventMention, EventType};
use std::collections::{BTreeMap, HashMap};

/// A corpus to cluster: read in passes, written back story by story and event by event.
pub trait Corpus: Signatures + MentionStore<Error = <Self as Signatures>::Error> {
    /// Calls `visit` for every article in id order; an article's index is its position.
    fn scan_articles(
        &mut self,
        visit: &mut dyn FnMut(ArticleKey),
    ) -> Result<(), <Self as Signatures>::Error>;
    /// The full digest of article `index`.
    fn digest(&mut self, index: usize) -> Result<ArticleDigest, <Self as Signatures>::Error>;
    /// Reads every mention once, in id order, and keeps `code(article index, handle, mention)`
    /// of each for the rest of the rebuild (the store keeps them in a scratch table, not in
    /// memory). The handle is what [`MentionStore::mention`] takes.
    fn keep_coded(
        &mut self,
        code: &mut dyn FnMut(usize, u64, &EventMention) -> Coded,
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
    /// Calls `visit` for every kept row of type `kind`, by article, then in the order kept.
    fn scan_coded(
        &mut self,
        kind: EventType,
        visit: &mut dyn FnMut(&Coded),
    ) -> Result<(), <Self as Signatures>::Error>;
    /// Appends the kept rows of article `index` to `out`, in the order kept.
    fn coded_of(
        &mut self,
        index: usize,
        out: &mut Vec<Coded>,
    ) -> Result<(), <Self as Signatures>::Error>;
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
    let mut keys = Vec::new();
    c.scan_articles(&mut |k| keys.push(k))?;
    let mut shared = Shared::default();
    let statements = keep(c, &mut shared)?;
    let (mut uf, group_of) = link(&keys, c, budget)?;

    // Stories, one at a time: (root, article) sorted gives each story's members in id order.
    let mut runs: Vec<(u32, u32)> = (0..keys.len())
        .map(|i| (uf.find(i) as u32, i as u32))
        .collect();
    drop(uf);
    runs.sort_unstable();
    let mut outlet_of = vec![NONE; keys.len()];
    let mut story_of = vec![0u32; keys.len()];
    let mut ids: Vec<(String, u32)> = Vec::new();
    for (n, run) in runs.chunk_by(|a, b| a.0 == b.0).enumerate() {
        let members: Vec<usize> = run.iter().map(|&(_, i)| i as usize).collect();
        let outlets = &mut shared.outlets;
        let story = build_story(&members, &keys, &group_of, c, &mut |i, o| {
            outlet_of[i] = outlets.id(o)
        })?;
        c.put_story(&story, members.len())?;
        for &i in &members {
            story_of[i] = n as u32;
        }
        ids.push((story.id, n as u32));
    }
    drop(runs);
    // Story numbers in story id order, so every ordering by story is an ordering by its id.
    ids.sort_unstable();
    let mut rank = vec![0u32; ids.len()];
    for (r, (_, n)) in ids.iter().enumerate() {
        rank[*n as usize] = r as u32;
    }
    let stories = ids.len();
    drop(ids);
    shared.story_of = story_of.iter().map(|&s| rank[s as usize]).collect();
    shared.outlet_of = outlet_of;
    drop(story_of);
    drop(keys);
    drop(group_of);
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
    fn signature(&mut self, index: usize) -> Result<Vec<u32>, Self::Error> {
        Ok(self.articles[index].fingerprint.signature.clone())
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
    fn scan_articles(
        &mut self,
        visit: &mut dyn FnMut(ArticleKey),
    ) -> Result<(), std::convert::Infallible> {
        for a in &self.articles {
            visit(ArticleKey::of(a));
        }
        Ok(())
    }
    fn digest(&mut self, index: usize) -> Result<ArticleDigest, std::convert::Infallible> {
        Ok(self.articles[index].clone())
    }
    fn keep_coded(
        &mut self,
        code: &mut dyn FnMut(usize, u64, &EventMention) -> Coded,
    ) -> Result<(), std::convert::Infallible> {
        self.coded = (self.mentions.iter().enumerate())
            .map(|(handle, (a, m))| code(*a, handle as u64, m))
            .collect();
        self.by_article.clear();
        self.joined.clear();
        Ok(())
    }

    fn scan_coded(
        &mut self,
        kind: EventType,
        visit: &mut dyn FnMut(&Coded),
    ) -> Result<(), std::convert::Infallible> {
        self.index_by_article();
        for &i in &self.by_article {
            let c = &self.coded[i as usize];
            if c.kind == kind {
                visit(c);
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
