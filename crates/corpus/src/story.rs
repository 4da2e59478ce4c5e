//! Stories: every article grouped with its copies, truncated copies and rewrites.
//!
//! Two passes, as the EU JRC's event linking does it: MinHash catches copies (Jaccard ≥ .5 or a
//! body contained in another), but a rewrite of the same report shares few shingles (≈ .23 in a
//! probe), so a second pass links articles whose coded events mostly match (same type, a shared
//! actor, compatible dates) and that were published within a week of each other.

use crate::compact::Coded;
use crate::minhash::{BANDS, Fingerprint, band_entries, bucket_pairs, buckets};
use crate::rebuild::Corpus;
use crate::text::stable_id;
use crate::unionfind::UnionFind;
use dateline_core::TimeValue;
use dateline_core::event::{EventMention, EventType};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// What story clustering needs to know about one article (no body: the fingerprint stands for it).
#[derive(Debug, Clone)]
pub struct ArticleDigest {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub published: TimeValue,
    /// When the page was seen: stands in for the publication date when comparing dates of rewrites.
    pub captured: TimeValue,
    pub words: u32,
    pub fingerprint: Fingerprint,
}

/// How a member relates to the story: copies to the longest text of their copy group, the
/// groups' longest texts to the story's fullest one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The fullest text itself.
    Fullest,
    /// Same words (typography aside).
    Exact,
    /// Its text is contained in the fullest one (a copy missing its lead or its end).
    Truncated,
    /// Mostly the same words (estimated Jaccard ≥ .5).
    NearDuplicate,
    /// Different words, same reported happenings (linked through coded events): another
    /// outlet's version, or the original that a longer rewrite expanded.
    Rewrite,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Fullest => "fullest",
            Relation::Exact => "exact",
            Relation::Truncated => "truncated",
            Relation::NearDuplicate => "near_duplicate",
            Relation::Rewrite => "rewrite",
        }
    }
}

/// A field an article lacked, taken from a copy of it in the same story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inferred<T> {
    pub value: T,
    /// The article it was copied from.
    pub from: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryMember {
    pub article: String,
    pub relation: Relation,
    /// The longest text of its copy group, when it is a copy of another member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
    /// Estimated Jaccard similarity with the fullest text.
    pub similarity: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred_outlet: Option<Inferred<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred_published: Option<Inferred<TimeValue>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// `s` + hash of the smallest member id: independent of ingest order and batch boundaries.
    pub id: String,
    pub title: String,
    /// The member with the longest body.
    pub fullest: String,
    /// The earliest publication date among members (inferred dates included), and whose it is.
    pub earliest: Option<Inferred<TimeValue>>,
    /// Distinct outlets of the members (inferred outlets included), sorted.
    pub outlets: Vec<String>,
    /// Sorted by relation, then article id. Empty when a story is written during a rebuild: its
    /// members are written one by one (see [`crate::Corpus::put_member`]).
    pub members: Vec<StoryMember>,
}

/// Estimated Jaccard at or above which two articles are near-duplicates.
pub const NEAR_DUPLICATE: f64 = 0.5;
/// Estimated containment at or above which the shorter article is a truncated copy.
pub const TRUNCATED: f64 = 0.8;
/// Rewrites must be published within this many days of each other (when both dates are known).
const REWRITE_WINDOW_DAYS: i64 = 7;
/// (type, actor) buckets larger than this are too common to say anything about rewrites.
const EVENT_BUCKET_CAP: usize = 200;

/// Groups articles into stories. Deterministic: the result depends only on the set of inputs.
/// The whole of [`crate::rebuild`] in memory, for callers that hold their articles already.
pub fn stories(articles: &[ArticleDigest], mentions: &[EventMention]) -> Vec<Story> {
    crate::rebuild::in_memory(articles, mentions).0
}

/// What linking reads of an article besides its signature: a few integers, kept by the corpus
/// (see [`Corpus::keep_keys`]) and read back one article at a time. An article's index is its
/// position in id order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArticleKey {
    pub words: u32,
    pub body_hash: u64,
    pub shingles: u32,
    /// See [`ArticleKey::when_of`].
    pub when: When,
}

/// A date range (first and last day), or none.
pub type When = Option<(Date, Date)>;

impl ArticleKey {
    pub fn of(a: &ArticleDigest) -> ArticleKey {
        ArticleKey {
            words: a.words,
            body_hash: a.fingerprint.body_hash,
            shingles: a.fingerprint.shingles,
            when: ArticleKey::when_of(&a.published, &a.captured),
        }
    }

    /// When an article appeared, for comparing rewrites: the publication date's bounds, else
    /// the capture date's (a page is published on or before it is seen).
    pub fn when_of(published: &TimeValue, captured: &TimeValue) -> When {
        published.bounds().or_else(|| captured.bounds())
    }
}

/// Where linking reads MinHash signatures: in full passes, and one fingerprint at a time to
/// confirm a candidate pair, so they never have to be in memory all at once.
pub trait Signatures {
    type Error;
    /// Calls `visit(index, signature)` for every article.
    fn scan(&mut self, visit: &mut dyn FnMut(usize, &[u32])) -> Result<(), Self::Error>;
    fn fingerprint(&mut self, index: usize) -> Result<Fingerprint, Self::Error>;
}

/// One article of a story, as [`Corpus::next_story`] gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryRow {
    pub index: u32,
    /// Its copy group: the smallest index among the articles MinHash linked it with.
    pub group: u32,
    /// Its story: the smallest index among its members.
    pub root: u32,
    pub words: u32,
}

/// How much the linking passes may hold at once. A larger corpus takes more passes over the
/// signatures and more batches of candidates, not more memory; the result does not depend on it.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// (band, key, article) entries one LSH pass may hold, 16 bytes each.
    pub pass_entries: usize,
    /// Candidate pairs collected before they are checked and dropped (8 bytes each).
    pub pair_batch: usize,
}

impl Default for Budget {
    /// About 8 MiB of LSH entries and 2 to 4 MiB of candidate pairs.
    fn default() -> Self {
        Budget {
            pass_entries: 1 << 19,
            pair_batch: 1 << 18,
        }
    }
}

/// Unites the articles of each story: exact copies, MinHash near-duplicates and truncated copies,
/// then rewrites, over the `n` articles whose keys the corpus keeps. Tells the corpus each
/// article's copy group (its root after the MinHash links alone) and its story (its root after
/// all links). What it holds is the union-find (four bytes an article), a bit per article, and
/// the [`Budget`].
pub(crate) fn link<C: Corpus>(
    n: usize,
    c: &mut C,
    budget: Budget,
) -> Result<(), <C as Signatures>::Error> {
    let mut uf = UnionFind::new(n);

    // Exact copies first, so LSH sees one representative per text.
    let mut is_rep = Bits::new(n);
    let mut last: Option<(u64, usize)> = None;
    c.scan_by_body_hash(&mut |i, hash| match last {
        Some((h, first)) if h == hash => uf.union(first, i),
        _ => {
            is_rep.set(i);
            last = Some((hash, i));
        }
    })?;

    let reps = is_rep.count();
    let per_pass = (budget.pass_entries / reps.max(1)).clamp(1, BANDS);
    let mut first_band = 0;
    while first_band < BANDS {
        let bands = first_band..(first_band + per_pass).min(BANDS);
        first_band = bands.end;
        let mut entries = Vec::with_capacity(reps * bands.len());
        c.scan(&mut |i, sig| {
            if is_rep.get(i) {
                band_entries(sig, i, bands.clone(), &mut entries);
            }
        })?;
        let mut pairs = Vec::new();
        let mut left: Option<(usize, Fingerprint)> = None;
        for members in buckets(&mut entries) {
            bucket_pairs(&members, &mut pairs);
            if pairs.len() >= budget.pair_batch {
                near_duplicates(c, &mut pairs, &mut left, &mut uf)?;
            }
        }
        near_duplicates(c, &mut pairs, &mut left, &mut uf)?;
    }
    drop(is_rep);

    // Copy groups (MinHash links only) decide relations and inheritance inside a story.
    c.put_roots(Grouping::CopyGroup, &mut (0..n).map(|i| uf.find(i) as u32))?;
    link_rewrites(c, &mut uf, budget.pair_batch)?;
    c.put_roots(Grouping::Story, &mut (0..n).map(|i| uf.find(i) as u32))
}

/// Which of linking's groupings [`Corpus::put_roots`] is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// Exact copies, near-duplicates and truncated copies.
    CopyGroup,
    /// Copy groups joined by rewrites.
    Story,
}

/// A bit per article.
struct Bits(Vec<u64>);

impl Bits {
    fn new(n: usize) -> Self {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn set(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }
    fn get(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
    }
    fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }
}

/// Unites each pair of `pairs` that `linked` accepts, and empties it. Pairs are taken sorted and
/// once each, and a pair already in one set is not checked: the result depends only on which
/// pairs qualify, and sorted pairs let `linked` keep what it read of the first article.
fn unite_linked<E>(
    pairs: &mut Vec<(u32, u32)>,
    uf: &mut UnionFind,
    mut linked: impl FnMut(usize, usize) -> Result<bool, E>,
) -> Result<(), E> {
    pairs.sort_unstable();
    pairs.dedup();
    for &(a, b) in pairs.iter() {
        let (a, b) = (a as usize, b as usize);
        if uf.find(a) != uf.find(b) && linked(a, b)? {
            uf.union(a, b);
        }
    }
    pairs.clear();
    Ok(())
}

/// Unites the candidate pairs that are near-duplicates or truncated copies, and empties `pairs`.
/// `left` keeps the last first article's fingerprint.
fn near_duplicates<S: Signatures>(
    signatures: &mut S,
    pairs: &mut Vec<(u32, u32)>,
    left: &mut Option<(usize, Fingerprint)>,
    uf: &mut UnionFind,
) -> Result<(), S::Error> {
    unite_linked(pairs, uf, |a, b| {
        let fa = match left {
            Some((i, fa)) if *i == a => fa,
            _ => &left.insert((a, signatures.fingerprint(a)?)).1,
        };
        let fb = signatures.fingerprint(b)?;
        let (small, large) = if fa.shingles <= fb.shingles {
            (fa, &fb)
        } else {
            (&fb, fa)
        };
        Ok(fa.jaccard(&fb) >= NEAR_DUPLICATE || small.contained_in(large) >= TRUNCATED)
    })
}

/// Builds one story from its members (ascending by index), reading each member's digest from the
/// corpus and writing each finished member to it, one copy group at a time: a story of any size
/// is never in memory whole. The returned story has no members. `outlet` is told each member's
/// outlet (printed or inherited).
pub(crate) fn build_story<C: Corpus>(
    members: &[StoryRow],
    c: &mut C,
    outlet: &mut dyn FnMut(usize, &str),
) -> Result<Story, <C as Signatures>::Error> {
    // Longest body; ties go to the smaller index.
    let longer = |a: &StoryRow, b: &StoryRow| {
        (a.words, std::cmp::Reverse(a.index)) > (b.words, std::cmp::Reverse(b.index))
    };
    let fullest = members
        .iter()
        .reduce(|best, r| if longer(r, best) { r } else { best })
        .map_or(0, |r| r.index as usize);
    // Each copy group's head is its longest text; copies relate to their head, heads to the
    // story's fullest text.
    let mut heads: HashMap<u32, &StoryRow> = HashMap::new();
    for r in members {
        let head = heads.entry(r.group).or_insert(r);
        if longer(r, head) {
            *head = r;
        }
    }
    let full = c.digest(fullest)?;
    let id = match members.first() {
        Some(first) if first.index as usize != fullest => {
            stable_id("s", &c.digest(first.index as usize)?.id)
        }
        _ => stable_id("s", &full.id),
    };
    // Members group by group, each head first.
    let mut order: Vec<(u32, bool, usize)> = members
        .iter()
        .map(|r| {
            let head = heads.get(&r.group).map(|h| h.index);
            (r.group, head != Some(r.index), r.index as usize)
        })
        .collect();
    order.sort_unstable();

    let donor_ok = |r: Relation| matches!(r, Relation::Exact | Relation::Truncated);
    let mut outlets: BTreeSet<String> = BTreeSet::new();
    // (start, member id, date): the earliest publication, own or inherited.
    let mut earliest: Option<(Date, String, TimeValue)> = None;
    for group in order.chunk_by(|a, b| a.0 == b.0) {
        let head_index = group[0].2;
        let head = c.digest(head_index)?;
        let relation_of = |i: usize, a: &ArticleDigest| {
            let fp = &a.fingerprint;
            if i == fullest {
                Relation::Fullest
            } else if i == head_index {
                Relation::Rewrite
            } else if fp.body_hash == head.fingerprint.body_hash {
                Relation::Exact
            } else if fp.contained_in(&head.fingerprint) >= TRUNCATED {
                Relation::Truncated
            } else {
                Relation::NearDuplicate
            }
        };
        // Only the head and its exact or truncated copies give and take missing fields.
        let inherits = |i: usize, r: Relation| i == head_index || donor_ok(r);

        // First pass: one donor per field, the head, else the first copy (by index) that has it.
        let mut donor_outlet: Option<Inferred<String>> = None;
        let mut donor_published: Option<Inferred<TimeValue>> = None;
        for &(_, _, i) in group {
            if donor_outlet.is_some() && donor_published.is_some() {
                break;
            }
            let a = member_digest(i, head_index, &head, c)?;
            let a = a.as_ref();
            if !inherits(i, relation_of(i, a)) {
                continue;
            }
            if donor_outlet.is_none()
                && let Some(o) = &a.outlet
            {
                donor_outlet = Some(Inferred {
                    value: o.clone(),
                    from: a.id.clone(),
                });
            }
            if donor_published.is_none() && a.published.value.is_some() {
                donor_published = Some(Inferred {
                    value: a.published.clone(),
                    from: a.id.clone(),
                });
            }
        }

        // Second pass: each member, finished and written at once.
        for &(_, _, i) in group {
            let a = member_digest(i, head_index, &head, c)?;
            let a = a.as_ref();
            let relation = relation_of(i, a);
            let heir = inherits(i, relation);
            let inferred_outlet = match &a.outlet {
                Some(_) => None,
                None => donor_outlet.clone().filter(|_| heir),
            };
            let inferred_published = match a.published.value {
                Some(_) => None,
                None => donor_published.clone().filter(|_| heir),
            };
            let shown = a
                .outlet
                .as_deref()
                .or(inferred_outlet.as_ref().map(|o| o.value.as_str()));
            if let Some(o) = shown {
                outlet(i, o);
                outlets.insert(o.to_owned());
            }
            if a.published.value.is_some() {
                consider_earliest(&mut earliest, &a.published, &a.id);
            } else if let Some(p) = &inferred_published {
                consider_earliest(&mut earliest, &p.value, &a.id);
            }
            c.put_member(
                &id,
                &StoryMember {
                    article: a.id.clone(),
                    relation,
                    copy_of: (i != head_index).then(|| head.id.clone()),
                    similarity: (a.fingerprint.jaccard(&full.fingerprint) * 1000.0).round()
                        / 1000.0,
                    inferred_outlet,
                    inferred_published,
                },
            )?;
        }
    }
    Ok(Story {
        id,
        title: full.title,
        fullest: full.id,
        earliest: earliest.map(|(_, from, value)| Inferred { value, from }),
        outlets: outlets.into_iter().collect(),
        members: Vec::new(),
    })
}

/// Member `i`'s digest: the head's, already read, or fetched.
fn member_digest<'h, C: Corpus>(
    i: usize,
    head_index: usize,
    head: &'h ArticleDigest,
    c: &mut C,
) -> Result<std::borrow::Cow<'h, ArticleDigest>, <C as Signatures>::Error> {
    Ok(if i == head_index {
        std::borrow::Cow::Borrowed(head)
    } else {
        std::borrow::Cow::Owned(c.digest(i)?)
    })
}

/// Keeps the earliest (start date, then member id) of the dates seen.
fn consider_earliest(best: &mut Option<(Date, String, TimeValue)>, tv: &TimeValue, id: &str) {
    let Some(start) = tv.start_date() else {
        return;
    };
    let better = best
        .as_ref()
        .is_none_or(|(s, from, _)| (start, id) < (*s, from.as_str()));
    if better {
        *best = Some((start, id.to_owned(), tv.clone()));
    }
}

/// Unites articles whose coded events mostly match: at least two mentions of each match the
/// other's, and matched mentions are at least half of each article's. Pairs already in one group
/// (copies) are not compared. Mentions are read from the corpus's coded rows, one event type at
/// a time to find candidates and one article at a time to check them.
fn link_rewrites<C: Corpus>(
    c: &mut C,
    uf: &mut UnionFind,
    pair_batch: usize,
) -> Result<(), <C as Signatures>::Error> {
    // Candidates are checked in batches, so their number (quadratic in the bucket sizes) never
    // has to fit in memory; a pair already in one story is skipped.
    let mut batch: Vec<(u32, u32)> = Vec::new();
    let mut left = Left {
        index: u32::MAX,
        when: None,
        coded: None,
    };
    let mut right = Vec::new();
    // Bucketed by (type, actor, week of publication); an article also joins the next week's
    // buckets, so any two published within seven days share one. One type at a time: buckets
    // never mix types, and only one type's buckets are in memory.
    for kind in EventType::ALL {
        let mut buckets: HashMap<(u32, Option<i32>), Vec<u32>> = HashMap::new();
        c.scan_coded(kind, &mut |m, when| {
            let i = m.article;
            let week = day_number(when).map(|d| d.div_euclid(7));
            let both = [week, week.map(|w| w + 1)];
            let weeks = if week.is_some() {
                &both[..]
            } else {
                &both[..1]
            };
            for a in m.names() {
                for w in weeks {
                    let bucket = buckets.entry((a, *w)).or_default();
                    if bucket.last() != Some(&i) {
                        bucket.push(i);
                    }
                }
            }
        })?;
        let mut order: Vec<&(u32, Option<i32>)> = buckets.keys().collect();
        order.sort_unstable();
        for key in order {
            let members = &buckets[key];
            if members.len() < 2 || members.len() > EVENT_BUCKET_CAP {
                continue;
            }
            for (x, &a) in members.iter().enumerate() {
                for &b in &members[x + 1..] {
                    batch.push((a.min(b), a.max(b)));
                }
            }
            if batch.len() >= pair_batch {
                check_rewrites(c, uf, &mut batch, &mut left, &mut right)?;
            }
        }
    }
    check_rewrites(c, uf, &mut batch, &mut left, &mut right)
}

/// Unites the pairs of `batch` that are rewrites of each other, and empties it. `left` keeps the
/// last first article's publication bounds and coded mentions, since sorted pairs repeat it.
fn check_rewrites<C: Corpus>(
    c: &mut C,
    uf: &mut UnionFind,
    batch: &mut Vec<(u32, u32)>,
    left: &mut Left,
    right: &mut Vec<Coded>,
) -> Result<(), <C as Signatures>::Error> {
    unite_linked(batch, uf, |a, b| {
        if left.index != a as u32 {
            *left = Left {
                index: a as u32,
                when: c.key(a)?.when,
                coded: None,
            };
        }
        if !published_close(left.when, c.key(b)?.when) {
            return Ok(false);
        }
        let coded = match &mut left.coded {
            Some(coded) => coded,
            None => {
                let mut coded = Vec::new();
                c.coded_of(a, &mut coded)?;
                left.coded.insert(coded)
            }
        };
        right.clear();
        c.coded_of(b, right)?;
        Ok(events_match(coded, right))
    })
}

/// The first article of the pairs being checked: its publication bounds, and its coded mentions
/// once a pair needs them.
struct Left {
    index: u32,
    when: When,
    coded: Option<Vec<Coded>>,
}

fn day_number(when: When) -> Option<i32> {
    let (d, _) = when?;
    let epoch = jiff::civil::date(1970, 1, 1);
    Some((d - epoch).get_days())
}

fn published_close(a: When, b: When) -> bool {
    match (a, b) {
        (Some((a1, a2)), Some((b1, b2))) => {
            let gap = if a2 < b1 {
                (b1 - a2).get_days()
            } else if b2 < a1 {
                (a1 - b2).get_days()
            } else {
                0
            };
            i64::from(gap) <= REWRITE_WINDOW_DAYS
        }
        _ => true,
    }
}

fn events_match(a: &[Coded], b: &[Coded]) -> bool {
    let matched = |xs: &[Coded], ys: &[Coded]| {
        xs.iter()
            .filter(|m| ys.iter().any(|n| m.same_happening(n)))
            .count()
    };
    let (matched_a, matched_b) = (matched(a, b), matched(b, a));
    matched_a >= 2 && matched_b >= 2 && matched_a * 2 >= a.len() && matched_b * 2 >= b.len()
}
