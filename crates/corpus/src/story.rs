//! Stories: every article grouped with its copies, truncated copies and rewrites.
//!
//! Two passes, as the EU JRC's event linking does it: MinHash catches copies (Jaccard ≥ .5 or a
//! body contained in another), but a rewrite of the same report shares few shingles (≈ .23 in a
//! probe), so a second pass links articles whose coded events mostly match (same type, a shared
//! actor, compatible dates) and that were published within a week of each other.

use crate::minhash::{Fingerprint, candidate_pairs};
use crate::text::stable_id;
use crate::unionfind::UnionFind;
use dateline_core::TimeValue;
use dateline_core::event::EventMention;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

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
    /// Sorted by relation, then article id.
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
pub fn stories(articles: &[ArticleDigest], mentions: &[EventMention]) -> Vec<Story> {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| articles[a].id.cmp(&articles[b].id));
    let articles: Vec<&ArticleDigest> = order.iter().map(|&i| &articles[i]).collect();
    let index: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut uf = UnionFind::new(articles.len());

    // Exact copies first, so LSH sees one representative per text.
    let mut by_hash: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        by_hash.entry(a.fingerprint.body_hash).or_default().push(i);
    }
    let mut reps = Vec::with_capacity(by_hash.len());
    for group in by_hash.values() {
        for &i in &group[1..] {
            uf.union(group[0], i);
        }
        reps.push(group[0]);
    }
    reps.sort_unstable();
    let prints: Vec<&Fingerprint> = reps.iter().map(|&i| &articles[i].fingerprint).collect();
    for (x, y) in candidate_pairs(&prints) {
        let (a, b) = (
            &articles[reps[x]].fingerprint,
            &articles[reps[y]].fingerprint,
        );
        let (small, large) = if a.shingles <= b.shingles {
            (a, b)
        } else {
            (b, a)
        };
        if a.jaccard(b) >= NEAR_DUPLICATE || small.contained_in(large) >= TRUNCATED {
            uf.union(reps[x], reps[y]);
        }
    }

    // Copy groups (MinHash links only) decide relations and inheritance inside a story.
    let mut copies = UnionFind::new(articles.len());
    for i in 0..articles.len() {
        copies.union(i, uf.find(i));
    }
    let group_of: Vec<usize> = (0..articles.len()).map(|i| copies.find(i)).collect();

    link_rewrites(&articles, &index, mentions, &mut uf);

    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..articles.len() {
        groups.entry(uf.find(i)).or_default().push(i);
    }
    let mut out: Vec<Story> = groups
        .into_values()
        .map(|members| build_story(&articles, &members, &group_of))
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

fn build_story(articles: &[&ArticleDigest], members: &[usize], group_of: &[usize]) -> Story {
    // Longest body; ties go to the smaller id (members are in id order).
    let longest = |xs: &mut dyn Iterator<Item = usize>| {
        xs.max_by(|&a, &b| articles[a].words.cmp(&articles[b].words).then(b.cmp(&a)))
    };
    let fullest = longest(&mut members.iter().copied()).unwrap_or(members[0]);
    let full = &articles[fullest].fingerprint;
    // Each copy group's head is its longest text; copies relate to their head, heads to the
    // story's fullest text.
    let mut heads: BTreeMap<usize, usize> = BTreeMap::new();
    for &i in members {
        let g = group_of[i];
        let better = heads
            .get(&g)
            .is_none_or(|&h| longest(&mut [h, i].into_iter()) == Some(i));
        if better {
            heads.insert(g, i);
        }
    }
    let mut list: Vec<(usize, StoryMember)> = members
        .iter()
        .map(|&i| {
            let a = &articles[i];
            let fp = &a.fingerprint;
            let head = heads.get(&group_of[i]).copied().unwrap_or(i);
            let similarity = fp.jaccard(full);
            let relation = if i == fullest {
                Relation::Fullest
            } else if i == head {
                Relation::Rewrite
            } else {
                let h = &articles[head].fingerprint;
                if fp.body_hash == h.body_hash {
                    Relation::Exact
                } else if fp.contained_in(h) >= TRUNCATED {
                    Relation::Truncated
                } else {
                    Relation::NearDuplicate
                }
            };
            let member = StoryMember {
                article: a.id.clone(),
                relation,
                copy_of: (i != head).then(|| articles[head].id.clone()),
                similarity: (similarity * 1000.0).round() / 1000.0,
                inferred_outlet: None,
                inferred_published: None,
            };
            (i, member)
        })
        .collect();

    // Inheritance: only inside a copy group (exact or truncated copies), head first. One donor
    // per group and field, found in one pass, so large groups of copies stay linear.
    let donor_ok = |r: Relation| matches!(r, Relation::Exact | Relation::Truncated);
    let mut candidates: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, m) in &list {
        let g = group_of[*i];
        if heads.get(&g) == Some(i) || donor_ok(m.relation) {
            candidates.entry(g).or_default().push(*i);
        }
    }
    let mut donors: HashMap<usize, (Option<usize>, Option<usize>)> = HashMap::new();
    for (g, mut ds) in candidates {
        let head = heads.get(&g).copied();
        ds.sort_by_key(|&d| (Some(d) != head, d));
        let outlet = ds.iter().copied().find(|&d| articles[d].outlet.is_some());
        let published = ds
            .iter()
            .copied()
            .find(|&d| articles[d].published.value.is_some());
        donors.insert(g, (outlet, published));
    }
    for (i, m) in list.iter_mut() {
        let g = group_of[*i];
        if !(heads.get(&g) == Some(i) || donor_ok(m.relation)) {
            continue;
        }
        let (outlet, published) = donors.get(&g).copied().unwrap_or_default();
        let me = articles[*i];
        if me.outlet.is_none() {
            m.inferred_outlet = outlet.and_then(|d| {
                Some(Inferred {
                    value: articles[d].outlet.clone()?,
                    from: articles[d].id.clone(),
                })
            });
        }
        if me.published.value.is_none() {
            m.inferred_published = published.map(|d| Inferred {
                value: articles[d].published.clone(),
                from: articles[d].id.clone(),
            });
        }
    }

    let mut outlets: Vec<String> = list
        .iter()
        .filter_map(|(i, m)| {
            articles[*i]
                .outlet
                .clone()
                .or_else(|| m.inferred_outlet.as_ref().map(|o| o.value.clone()))
        })
        .collect();
    outlets.sort();
    outlets.dedup();

    let earliest = list
        .iter()
        .filter_map(|(i, m)| {
            let a = articles[*i];
            let (tv, from) = if a.published.value.is_some() {
                (a.published.clone(), a.id.clone())
            } else {
                let inf = m.inferred_published.as_ref()?;
                (inf.value.clone(), a.id.clone())
            };
            let start = tv.start_date()?;
            Some((start, from, tv))
        })
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)))
        .map(|(_, from, value)| Inferred { value, from });

    list.sort_by(|a, b| (a.1.relation, &a.1.article).cmp(&(b.1.relation, &b.1.article)));
    Story {
        id: stable_id("s", &articles[members[0]].id),
        title: articles[fullest].title.clone(),
        fullest: articles[fullest].id.clone(),
        earliest,
        outlets,
        members: list.into_iter().map(|(_, m)| m).collect(),
    }
}

/// What the rewrite pass compares of a mention: its type, its actors (interned) and its date.
struct Coded {
    event_type: dateline_core::event::EventType,
    actors: Vec<u32>,
    bounds: Option<(jiff::civil::Date, jiff::civil::Date)>,
}

/// True when the two mentions can report the same happening: same type, a shared actor, dates
/// that overlap (or both undated).
fn same_happening(a: &Coded, b: &Coded) -> bool {
    a.event_type == b.event_type
        && a.actors.iter().any(|x| b.actors.binary_search(x).is_ok())
        && match (a.bounds, b.bounds) {
            (Some((a1, b1)), Some((a2, b2))) => a1 <= b2 && a2 <= b1,
            (None, None) => true,
            _ => false,
        }
}

/// Unites articles whose coded events mostly match: at least two mentions of each match the
/// other's, and matched mentions are at least half of each article's. Pairs already in one group
/// (copies) are not compared.
fn link_rewrites(
    articles: &[&ArticleDigest],
    index: &HashMap<&str, usize>,
    mentions: &[EventMention],
    uf: &mut UnionFind,
) {
    let mut names: HashMap<&str, u32> = HashMap::new();
    let mut by_article: BTreeMap<usize, Vec<Coded>> = BTreeMap::new();
    // Bucketed by (type, actor, week of publication); an article also joins the next week's
    // buckets, so any two published within seven days share one.
    type Key = (dateline_core::event::EventType, u32, Option<i32>);
    let mut buckets: HashMap<Key, Vec<usize>> = HashMap::new();
    for m in mentions {
        let Some(&i) = index.get(m.article.as_str()) else {
            continue;
        };
        let mut actors: Vec<u32> = m
            .actors
            .iter()
            .map(|a| {
                let next = names.len() as u32;
                *names.entry(a.name.as_str()).or_insert(next)
            })
            .collect();
        actors.sort_unstable();
        actors.dedup();
        let weeks: Vec<Option<i32>> = match day_number(articles[i]) {
            Some(d) => vec![Some(d.div_euclid(7)), Some(d.div_euclid(7) + 1)],
            None => vec![None],
        };
        for &a in &actors {
            for w in &weeks {
                let bucket = buckets.entry((m.event_type, a, *w)).or_default();
                if bucket.last() != Some(&i) {
                    bucket.push(i);
                }
            }
        }
        by_article.entry(i).or_default().push(Coded {
            event_type: m.event_type,
            actors,
            bounds: m.date.bounds(),
        });
    }
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for members in buckets.values() {
        if members.len() < 2 || members.len() > EVENT_BUCKET_CAP {
            continue;
        }
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                candidates.push((a.min(b), a.max(b)));
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    for (a, b) in candidates {
        if uf.find(a) != uf.find(b)
            && published_close(when(articles[a]), when(articles[b]))
            && events_match(&by_article[&a], &by_article[&b])
        {
            uf.union(a, b);
        }
    }
}

/// The publication date, else the capture date: a page is published on or before it is seen.
fn when(a: &ArticleDigest) -> &TimeValue {
    if a.published.bounds().is_some() {
        &a.published
    } else {
        &a.captured
    }
}

fn day_number(a: &ArticleDigest) -> Option<i32> {
    let d = when(a).start_date()?;
    let epoch = jiff::civil::date(1970, 1, 1);
    Some((d - epoch).get_days())
}

fn published_close(a: &TimeValue, b: &TimeValue) -> bool {
    match (a.bounds(), b.bounds()) {
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
    let matched_a = a
        .iter()
        .filter(|m| b.iter().any(|n| same_happening(m, n)))
        .count();
    let matched_b = b
        .iter()
        .filter(|m| a.iter().any(|n| same_happening(m, n)))
        .count();
    matched_a >= 2 && matched_b >= 2 && matched_a * 2 >= a.len() && matched_b * 2 >= b.len()
}
