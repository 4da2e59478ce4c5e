//! The rebuild over articles and mentions held in memory: for tests (the reference the SQLite
//! store is held to) and for callers that hold their data already. [`Memory`] implements every
//! port of [`crate::port`] over vectors and maps.

use crate::compact::keep_rows;
use crate::intern::{ByArticle, Interned};
use crate::link::Budget;
use crate::minhash::Fingerprint;
use crate::port::{
    CodeMention, CompactStore, ConflictStore, LinkStore, MentionStore, MergeStore, Storage,
    StoryStore,
};
use crate::rebuild::{events_and_conflicts, rebuild_within};
use crate::rows::{
    ArticleDigest, ArticleKey, Coded, EventSummary, Grouping, Member, MentionFacts, Statement,
    StatementKind, Story, StoryMember, StoryRow, When,
};
use dateline_core::event::{Event, EventMention, EventType};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::convert::Infallible;

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

/// Groups articles into stories. Deterministic: the result depends only on the set of inputs.
/// The whole of [`crate::rebuild`] in memory, for callers that hold their articles already.
pub fn stories(articles: &[ArticleDigest], mentions: &[EventMention]) -> Vec<Story> {
    in_memory(articles, mentions).0
}

/// Where each article sits, as clustering found it: its story and its outlet (inferred included).
#[derive(Debug, Default, Clone)]
pub struct Context {
    pub story_of: HashMap<String, String>,
    pub outlet_of: HashMap<String, String>,
}

/// Merges every mention into events, sorted by id: merging and the conflict passes in memory,
/// for callers that hold their mentions already and know their stories (`ctx`).
pub fn merge(mentions: &[EventMention], ctx: &Context) -> Vec<Event> {
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by(|&a, &b| mentions[a].id.cmp(&mentions[b].id));
    let story_name = |m: &EventMention| {
        ctx.story_of
            .get(&m.article)
            .map_or(m.article.clone(), Clone::clone)
    };
    let stories: BTreeSet<String> = mentions.iter().map(story_name).collect();
    let rank: HashMap<&str, u32> = stories
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i as u32))
        .collect();
    let mut articles: HashMap<&str, u32> = HashMap::new();
    let mut by_article = ByArticle::default();
    let mut filled = Vec::with_capacity(mentions.len());
    for &i in &order {
        let mut m = mentions[i].clone();
        if m.outlet.is_none() {
            m.outlet = ctx.outlet_of.get(&m.article).cloned();
        }
        let next = articles.len() as u32;
        let article = *articles.entry(mentions[i].article.as_str()).or_insert(next);
        if article == next {
            by_article.push(rank.get(story_name(&m).as_str()).copied());
        }
        filled.push((article as usize, m));
    }
    let mut memory = Memory::new(Vec::new(), filled.iter().map(|(a, m)| (*a, m)).collect());
    let mut interned = Interned::default();
    let Ok(kept) = keep_rows(&mut memory, &mut interned);
    let Ok(_) = events_and_conflicts(&mut memory, &interned, &by_article, kept.statements);
    memory.events.into_values().collect()
}

/// A corpus held in memory (articles in id order; mentions in id order, with their article's
/// index).
pub(crate) struct Memory<'a> {
    articles: Vec<&'a ArticleDigest>,
    mentions: Vec<(usize, &'a EventMention)>,
    stories: BTreeMap<String, Story>,
    members: HashMap<String, Vec<StoryMember>>,
    events: BTreeMap<String, Event>,
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
    statements: Vec<Statement>,
    /// `(kind, root, id)` of the statements, sorted, and each mention's event (set once merging
    /// is done).
    statement_order: Vec<(StatementKind, u32, u32)>,
    event_of: HashMap<u64, u32>,
    /// Event summaries by number, and the numbers by story.
    summaries: BTreeMap<u32, EventSummary>,
    by_story: BTreeMap<u32, Vec<u32>>,
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

    /// Orders the kept rows by article (stably), once.
    fn index_by_article(&mut self) {
        if self.by_article.len() != self.coded.len() {
            let coded = &self.coded;
            self.by_article = (0..coded.len() as u32).collect();
            self.by_article.sort_by_key(|&i| coded[i as usize].article);
        }
    }

    /// The articles with mentions in event `e`.
    fn articles_of(&self, e: u32) -> Vec<u32> {
        let joined = self.joined.get(e as usize).into_iter().flatten();
        joined.map(|&(_, article)| article).collect()
    }
}

impl Storage for Memory<'_> {
    type Error = Infallible;
}

impl CompactStore for Memory<'_> {
    fn keep_keys(&mut self) -> Result<usize, Infallible> {
        Ok(self.articles.len())
    }

    fn keep_coded(&mut self, code: &mut CodeMention<'_>) -> Result<(), Infallible> {
        let mut kept = Vec::new();
        self.statements.clear();
        self.coded = (self.mentions.iter().enumerate())
            .map(|(handle, (a, m))| {
                kept.clear();
                let coded = code(*a, handle as u64, &MentionFacts::from(*m), &mut kept);
                self.statements.append(&mut kept);
                coded
            })
            .collect();
        self.by_article.clear();
        self.joined.clear();
        Ok(())
    }
}

impl LinkStore for Memory<'_> {
    fn key(&mut self, index: usize) -> Result<ArticleKey, Infallible> {
        Ok(ArticleKey::of(self.articles[index]))
    }

    fn scan_by_body_hash(&mut self, visit: &mut dyn FnMut(usize, u64)) -> Result<(), Infallible> {
        let mut order: Vec<(u64, usize)> = (self.articles.iter().enumerate())
            .map(|(i, a)| (a.fingerprint.body_hash, i))
            .collect();
        order.sort_unstable();
        for (hash, i) in order {
            visit(i, hash);
        }
        Ok(())
    }

    fn scan_signatures(&mut self, visit: &mut dyn FnMut(usize, &[u32])) -> Result<(), Infallible> {
        for (i, a) in self.articles.iter().enumerate() {
            visit(i, &a.fingerprint.signature);
        }
        Ok(())
    }

    fn fingerprint(&mut self, index: usize) -> Result<Fingerprint, Infallible> {
        Ok(self.articles[index].fingerprint.clone())
    }

    fn scan_coded(
        &mut self,
        kind: EventType,
        visit: &mut dyn FnMut(&Coded, When),
    ) -> Result<(), Infallible> {
        self.index_by_article();
        for &i in &self.by_article {
            let c = &self.coded[i as usize];
            if c.kind == kind {
                visit(c, ArticleKey::of(self.articles[c.article as usize]).when);
            }
        }
        Ok(())
    }

    fn coded_of(&mut self, index: usize, out: &mut Vec<Coded>) -> Result<(), Infallible> {
        self.index_by_article();
        let rows = &self.coded;
        let order = &self.by_article;
        let from = order.partition_point(|&i| (rows[i as usize].article as usize) < index);
        let to = order.partition_point(|&i| rows[i as usize].article as usize <= index);
        out.extend(order[from..to].iter().map(|&i| rows[i as usize].clone()));
        Ok(())
    }

    fn put_roots(
        &mut self,
        grouping: Grouping,
        roots: &mut dyn Iterator<Item = u32>,
    ) -> Result<(), Infallible> {
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
}

impl StoryStore for Memory<'_> {
    fn next_story(
        &mut self,
        after: Option<u32>,
        out: &mut Vec<StoryRow>,
    ) -> Result<(), Infallible> {
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

    fn digest(&mut self, index: usize) -> Result<ArticleDigest, Infallible> {
        Ok(self.articles[index].clone())
    }

    fn put_member(&mut self, story: &str, member: &StoryMember) -> Result<(), Infallible> {
        self.members
            .entry(story.to_owned())
            .or_default()
            .push(member.clone());
        Ok(())
    }

    fn put_story(&mut self, story: &Story, _: usize) -> Result<(), Infallible> {
        self.stories.insert(story.id.clone(), story.clone());
        Ok(())
    }
}

impl MentionStore for Memory<'_> {
    fn member(&mut self, handle: u64) -> Result<Member, Infallible> {
        Ok(Member::from(self.mentions[handle as usize].1))
    }
}

impl MergeStore for Memory<'_> {
    fn scan_merge_order(
        &mut self,
        kind: EventType,
        visit: &mut dyn FnMut(&Coded) -> u32,
    ) -> Result<(), Infallible> {
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

    fn members_of(&mut self, event: u32, out: &mut Vec<(u64, u32)>) -> Result<(), Infallible> {
        out.extend(self.joined.get(event as usize).into_iter().flatten());
        Ok(())
    }

    fn put_event(&mut self, event: &Event) -> Result<(), Infallible> {
        self.events.insert(event.id.clone(), event.clone());
        Ok(())
    }

    fn put_summary(&mut self, summary: &EventSummary) -> Result<(), Infallible> {
        for &story in &summary.stories {
            self.by_story.entry(story).or_default().push(summary.number);
        }
        self.summaries.insert(summary.number, summary.clone());
        Ok(())
    }
}

impl ConflictStore for Memory<'_> {
    fn scan_statements(
        &mut self,
        kind: StatementKind,
        visit: &mut dyn FnMut(u32, &Statement),
    ) -> Result<(), Infallible> {
        let statements = &self.statements;
        let mut order: Vec<(u32, usize)> = (statements.iter().enumerate())
            .filter(|(_, s)| s.kind() == kind)
            .flat_map(|(i, s)| s.key.iter().map(move |&w| (w, i)))
            .collect();
        order.sort_unstable();
        for (word, i) in order {
            visit(word, &statements[i]);
        }
        Ok(())
    }

    fn put_statement_roots(
        &mut self,
        roots: &mut dyn Iterator<Item = u32>,
    ) -> Result<(), Infallible> {
        self.statement_order = (roots.zip(&self.statements))
            .map(|(root, s)| (s.kind(), root, s.id))
            .collect();
        self.statement_order.sort_unstable();
        self.event_of = (self.joined.iter().enumerate())
            .flat_map(|(e, ms)| ms.iter().map(move |&(h, _)| (h, e as u32)))
            .collect();
        Ok(())
    }

    fn next_statement_group(
        &mut self,
        kind: StatementKind,
        after: Option<u32>,
        out: &mut Vec<Statement>,
    ) -> Result<(), Infallible> {
        out.clear();
        let order = &self.statement_order;
        let from = order.partition_point(|&(k, r, _)| (k, Some(r)) <= (kind, after));
        let Some(&(k, root, _)) = order.get(from) else {
            return Ok(());
        };
        if k != kind {
            return Ok(());
        }
        for &(_, _, id) in order[from..]
            .iter()
            .take_while(|&&(k, r, _)| (k, r) == (kind, root))
        {
            let s = &self.statements[id as usize];
            out.push(Statement {
                event: self.event_of.get(&s.handle).copied(),
                ..s.clone()
            });
        }
        Ok(())
    }

    fn next_story_events(
        &mut self,
        after: Option<u32>,
        cap: usize,
        out: &mut Vec<EventSummary>,
    ) -> Result<Option<u32>, Infallible> {
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

    fn share_article(&mut self, a: u32, b: u32) -> Result<bool, Infallible> {
        let (xs, ys) = (self.articles_of(a), self.articles_of(b));
        Ok(xs.iter().any(|x| ys.contains(x)))
    }

    fn event_id(&mut self, number: u32) -> Result<Option<String>, Infallible> {
        Ok(self.summaries.get(&number).map(|s| s.id.clone()))
    }

    fn event(&mut self, id: &str) -> Result<Option<Event>, Infallible> {
        Ok(self.events.get(id).cloned())
    }

    fn update_event(&mut self, event: &Event) -> Result<(), Infallible> {
        self.put_event(event)
    }
}
