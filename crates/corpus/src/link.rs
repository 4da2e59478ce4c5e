//! Linking: which articles are one story.
//!
//! Two passes, as the EU JRC's event linking does it: MinHash catches copies (Jaccard ≥ .5 or a
//! body contained in another), but a rewrite of the same report shares few shingles (≈ .23 in a
//! probe), so a second pass links articles whose coded events mostly match (same type, a shared
//! actor, compatible dates) and that were published within a week of each other.

use crate::minhash::{
    BANDS, Fingerprint, NEAR_DUPLICATE, TRUNCATED, band_entries, bucket_pairs, buckets,
};
use crate::port::LinkStore;
use crate::rows::{Coded, Grouping, When};
use crate::unionfind::UnionFind;
use dateline_core::event::EventType;
use dateline_core::time::days_overlap;
use jiff::civil::Date;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// Rewrites must be published within this many days of each other (when both dates are known).
const REWRITE_WINDOW_DAYS: i64 = 7;
/// (type, actor) buckets larger than this are too common to say anything about rewrites.
const EVENT_BUCKET_CAP: usize = 200;

/// How much the linking passes may hold at once. A larger corpus takes more passes over the
/// signatures and more batches of candidates, not more memory; the result does not depend on it.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// (band, key, article) entries one LSH pass may hold, 16 bytes each.
    pub pass_entries: usize,
    /// Candidate pairs collected before they are checked and dropped (8 bytes each).
    pub pair_batch: usize,
    /// Articles whose coded mentions the rewrite check keeps between pairs (a few hundred bytes
    /// each); at least two, the articles of one pair.
    pub held_articles: usize,
}

impl Default for Budget {
    /// About 8 MiB of LSH entries, 2 to 4 MiB of candidate pairs, and a few MiB of articles
    /// held for the rewrite check.
    fn default() -> Self {
        Budget {
            pass_entries: 1 << 19,
            pair_batch: 1 << 18,
            held_articles: 1 << 13,
        }
    }
}

/// Unites the articles of each story: exact copies, MinHash near-duplicates and truncated copies,
/// then rewrites, over the `n` articles whose keys the corpus keeps. Tells the corpus each
/// article's copy group (its root after the MinHash links alone) and its story (its root after
/// all links). What it holds is the union-find (four bytes an article), a bit per article, and
/// the [`Budget`].
pub(crate) fn link<C: LinkStore>(n: usize, c: &mut C, budget: Budget) -> Result<(), C::Error> {
    let mut uf = UnionFind::new(n);
    let is_rep = unite_exact_copies(c, n, &mut uf)?;
    unite_near_duplicates(c, &is_rep, &mut uf, budget)?;
    drop(is_rep);
    // Copy groups (MinHash links only) decide relations and inheritance inside a story.
    c.put_roots(Grouping::CopyGroup, &mut (0..n).map(|i| uf.find(i) as u32))?;
    link_rewrites(c, &mut uf, budget)?;
    c.put_roots(Grouping::Story, &mut (0..n).map(|i| uf.find(i) as u32))
}

/// Unites articles with equal body hashes, first, so LSH sees one representative per text.
/// Returns which articles represent their text.
fn unite_exact_copies<C: LinkStore>(
    c: &mut C,
    n: usize,
    uf: &mut UnionFind,
) -> Result<Bits, C::Error> {
    let mut is_rep = Bits::new(n);
    let mut last: Option<(u64, usize)> = None;
    c.scan_by_body_hash(&mut |i, hash| match last {
        Some((h, first)) if h == hash => uf.union(first, i),
        _ => {
            is_rep.set(i);
            last = Some((hash, i));
        }
    })?;
    Ok(is_rep)
}

/// Unites the representatives that are near-duplicates or truncated copies, found by LSH in as
/// many passes over the signatures as the budget's entries need.
fn unite_near_duplicates<C: LinkStore>(
    c: &mut C,
    is_rep: &Bits,
    uf: &mut UnionFind,
    budget: Budget,
) -> Result<(), C::Error> {
    let reps = is_rep.count();
    let per_pass = (budget.pass_entries / reps.max(1)).clamp(1, BANDS);
    let mut first_band = 0;
    while first_band < BANDS {
        let bands = first_band..(first_band + per_pass).min(BANDS);
        first_band = bands.end;
        let mut entries = Vec::with_capacity(reps * bands.len());
        c.scan_signatures(&mut |i, sig| {
            if is_rep.get(i) {
                band_entries(sig, i, bands.clone(), &mut entries);
            }
        })?;
        let mut pairs = Vec::new();
        let mut first: Option<(usize, Fingerprint)> = None;
        for members in buckets(&mut entries) {
            bucket_pairs(&members, &mut pairs);
            if pairs.len() >= budget.pair_batch {
                near_duplicates(c, &mut pairs, &mut first, uf)?;
            }
        }
        near_duplicates(c, &mut pairs, &mut first, uf)?;
    }
    Ok(())
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
/// `first` keeps the fingerprint of the last pairs' first article, which sorted pairs repeat.
fn near_duplicates<C: LinkStore>(
    c: &mut C,
    pairs: &mut Vec<(u32, u32)>,
    first: &mut Option<(usize, Fingerprint)>,
    uf: &mut UnionFind,
) -> Result<(), C::Error> {
    unite_linked(pairs, uf, |a, b| {
        let fa = match first {
            Some((i, fa)) if *i == a => fa,
            _ => &first.insert((a, c.fingerprint(a)?)).1,
        };
        let fb = c.fingerprint(b)?;
        let (small, large) = if fa.shingles <= fb.shingles {
            (fa, &fb)
        } else {
            (&fb, fa)
        };
        Ok(fa.jaccard(&fb) >= NEAR_DUPLICATE || small.contained_in(large) >= TRUNCATED)
    })
}

/// Unites articles whose coded events mostly match: at least two mentions of each match the
/// other's, and matched mentions are at least half of each article's. Pairs already in one group
/// (copies) are not compared. Mentions are read from the corpus's coded rows, one event type at
/// a time to find candidates and one article at a time to check them.
fn link_rewrites<C: LinkStore>(
    c: &mut C,
    uf: &mut UnionFind,
    budget: Budget,
) -> Result<(), C::Error> {
    // Candidates are checked in batches, so their number (quadratic in the bucket sizes) never
    // has to fit in memory; a pair already in one story is skipped.
    let mut batch: Vec<(u32, u32)> = Vec::new();
    let mut read = Recent::holding(budget.held_articles);
    // One type at a time: buckets never mix types, and only one type's buckets are in memory.
    for kind in EventType::ALL {
        let buckets = rewrite_buckets(c, kind)?;
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
            if batch.len() >= budget.pair_batch {
                check_rewrites(c, uf, &mut batch, &mut read)?;
            }
        }
    }
    check_rewrites(c, uf, &mut batch, &mut read)
}

/// Articles (ascending) by (actor, week of publication).
type RewriteBuckets = HashMap<(u32, Option<i32>), Vec<u32>>;

/// The articles with a mention of type `kind`, bucketed by (actor, week of publication); an
/// article also joins the next week's buckets, so any two published within seven days share one.
fn rewrite_buckets<C: LinkStore>(c: &mut C, kind: EventType) -> Result<RewriteBuckets, C::Error> {
    let mut buckets = RewriteBuckets::new();
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
    Ok(buckets)
}

/// Unites the pairs of `batch` that are rewrites of each other, and empties it. The articles of
/// one bucket are paired with each other, so the same articles come back pair after pair:
/// `read` keeps what was last read of them.
fn check_rewrites<C: LinkStore>(
    c: &mut C,
    uf: &mut UnionFind,
    batch: &mut Vec<(u32, u32)>,
    read: &mut Recent,
) -> Result<(), C::Error> {
    unite_linked(batch, uf, |a, b| {
        read.make_room();
        if !published_close(read.when(c, a)?, read.when(c, b)?) {
            return Ok(false);
        }
        read.coded(c, a)?;
        read.coded(c, b)?;
        // Both are held: `make_room` left room for the pair.
        let coded = |i: usize| {
            read.articles[&(i as u32)]
                .coded
                .as_deref()
                .unwrap_or_default()
        };
        Ok(events_match(coded(a), coded(b)))
    })
}

/// What was last read of the articles being paired: publication bounds, and coded mentions once
/// a pair needs them. Sorted pairs of a batch of buckets revisit the same few thousand articles,
/// which SQLite would otherwise read and decode again for every pair. Holds at most `limit`
/// articles: before a pair would pass that, it starts again empty.
struct Recent {
    articles: HashMap<u32, Read>,
    limit: usize,
}

/// What was read of one article: its publication bounds, and its coded mentions once needed.
struct Read {
    when: When,
    coded: Option<Vec<Coded>>,
}

impl Recent {
    fn holding(limit: usize) -> Recent {
        Recent {
            articles: HashMap::new(),
            limit: limit.max(2),
        }
    }

    /// Room for the two articles of a pair.
    fn make_room(&mut self) {
        if self.articles.len() + 2 > self.limit {
            self.articles.clear();
        }
    }

    fn entry<C: LinkStore>(&mut self, c: &mut C, index: usize) -> Result<&mut Read, C::Error> {
        Ok(match self.articles.entry(index as u32) {
            Entry::Occupied(held) => held.into_mut(),
            Entry::Vacant(new) => new.insert(Read {
                when: c.key(index)?.when,
                coded: None,
            }),
        })
    }

    fn when<C: LinkStore>(&mut self, c: &mut C, index: usize) -> Result<When, C::Error> {
        Ok(self.entry(c, index)?.when)
    }

    /// Reads the coded mentions of article `index` if they are not held yet.
    fn coded<C: LinkStore>(&mut self, c: &mut C, index: usize) -> Result<(), C::Error> {
        let read = self.entry(c, index)?;
        if read.coded.is_none() {
            let mut coded = Vec::new();
            c.coded_of(index, &mut coded)?;
            read.coded = Some(coded);
        }
        Ok(())
    }
}

fn day_number(when: When) -> Option<i32> {
    let (d, _) = when?;
    let epoch = jiff::civil::date(1970, 1, 1);
    Some((d - epoch).get_days())
}

/// Whether the two were published within the rewrite window of each other; true when either
/// date is unknown.
fn published_close(a: When, b: When) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => i64::from(days_apart(a, b)) <= REWRITE_WINDOW_DAYS,
        _ => true,
    }
}

/// Days from the end of the earlier range to the start of the later; 0 when they overlap.
fn days_apart(a: (Date, Date), b: (Date, Date)) -> i32 {
    if days_overlap(a, b) {
        0
    } else if a.1 < b.0 {
        (b.0 - a.1).get_days()
    } else {
        (a.0 - b.1).get_days()
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
