//! The conflict passes, after merging: disagreements across events kept, never resolved.
//!
//! Statements (claimed dates, claims) are linked to the statements they may disagree with, one
//! key word's bucket at a time, and each connected group is read back once: claimed dates that
//! cannot meet, and claims of opposite polarity, become a conflict on every event of the group.
//! Then the events of one story with the same type, source and target but dates that cannot meet
//! are flagged. The statements and event summaries stay in the corpus; memory holds one word's
//! bucket of statements, one connected group, or one story's events, and four bytes of
//! union-find per statement.

use crate::intern::{ByArticle, Interned};
use crate::port::ConflictStore;
use crate::reported::{Reported, fetch, sort_conflicts};
use crate::rows::{Claimed, EventSummary, Statement, StatementKind};
use crate::text::{overlap, time_label};
use crate::unionfind::UnionFind;
use dateline_core::event::{Conflict, ConflictValue};
use dateline_core::time::days_overlap;
use std::collections::{BTreeMap, BTreeSet};

/// Buckets of statements sharing a key word larger than this are skipped: a word that common
/// (`iraq` in an Iraq corpus) says nothing about two claims being about one thing.
const WORD_BUCKET_CAP: usize = 300;

/// Stories with more events than this are not searched for date conflicts (quadratic in them).
const STORY_EVENTS_CAP: usize = 200;

/// What the conflict passes read besides the corpus: the rebuild's interned texts and outlets,
/// and each article's story and outlet.
struct Known<'a> {
    interned: &'a Interned,
    by_article: &'a ByArticle,
}

/// Flags the conflicts between the events' statements (the `statements` kept, numbered from 0),
/// then the dates that disagree within one story, on the events already written. Returns how
/// many conflicts were added to events.
pub(crate) fn flag_conflicts<C: ConflictStore>(
    c: &mut C,
    interned: &Interned,
    by_article: &ByArticle,
    statements: u32,
) -> Result<usize, C::Error> {
    let known = Known {
        interned,
        by_article,
    };
    link_statements(c, &known, statements)?;
    let dates = patch_groups(c, StatementKind::Date, |c, group| {
        date_conflict(c, &known, group)
    })?;
    let claims = patch_groups(c, StatementKind::Claim, |c, group| {
        claim_conflict(c, &known, group)
    })?;
    Ok(dates + claims + story_date_conflicts(c)?)
}

/// Connects the statements that may disagree, and keeps each one's group root in the corpus.
/// Claimed dates: same subject, different articles, a shared actor or the same story. Claims:
/// same subject, in one article or story or about a shared actor (polarity is checked per
/// group).
fn link_statements<C: ConflictStore>(
    c: &mut C,
    known: &Known<'_>,
    statements: u32,
) -> Result<(), C::Error> {
    let article = |s: &Statement| s.article;
    let story = |s: &Statement| known.by_article.story(s.article);
    let shares =
        |a: &Statement, b: &Statement| (a.names.iter()).any(|x| b.names.binary_search(x).is_ok());
    let dates_linked = |a: &Statement, b: &Statement| {
        let (j, common) = overlap(&a.key, &b.key);
        article(a) != article(b)
            && common >= 3
            && j >= 0.4
            && (shares(a, b) || story(a) == story(b))
    };
    let claims_linked = |a: &Statement, b: &Statement| {
        let (j, common) = overlap(&a.key, &b.key);
        common >= 1
            && j >= 0.5
            && (article(a) == article(b) || story(a) == story(b) || shares(a, b))
    };
    let mut uf = UnionFind::new(statements as usize);
    connect(c, StatementKind::Date, &mut uf, dates_linked)?;
    connect(c, StatementKind::Claim, &mut uf, claims_linked)?;
    c.put_statement_roots(&mut (0..statements as usize).map(|i| uf.find(i) as u32))
}

/// Unites the statements of kind `kind` that are `linked`, comparing only those that share a key
/// word, one word's bucket at a time, so the cost stays near-linear and memory holds one bucket.
fn connect<C: ConflictStore>(
    c: &mut C,
    kind: StatementKind,
    uf: &mut UnionFind,
    linked: impl Fn(&Statement, &Statement) -> bool,
) -> Result<(), C::Error> {
    let mut bucket: Vec<Statement> = Vec::new();
    // The current word and how many statements carry it (a bucket over the cap is not kept).
    let mut word = None;
    let mut size = 0;
    let mut close = |bucket: &mut Vec<Statement>, size: usize| {
        if size <= WORD_BUCKET_CAP {
            for (x, a) in bucket.iter().enumerate() {
                for b in &bucket[x + 1..] {
                    let (ia, ib) = (a.id as usize, b.id as usize);
                    if uf.find(ia) != uf.find(ib) && linked(a, b) {
                        uf.union(ia, ib);
                    }
                }
            }
        }
        bucket.clear();
    };
    c.scan_statements(kind, &mut |w, s| {
        if word != Some(w) {
            close(&mut bucket, size);
            word = Some(w);
            size = 0;
        }
        size += 1;
        if size <= WORD_BUCKET_CAP {
            bucket.push(s.clone());
        }
    })?;
    close(&mut bucket, size);
    Ok(())
}

/// Reads the connected groups (two or more) of `kind`'s statements one at a time, and adds the
/// conflict `conflict_in` finds in a group, if any, to the events of its statements. Returns how
/// many events took one.
fn patch_groups<C: ConflictStore>(
    c: &mut C,
    kind: StatementKind,
    mut conflict_in: impl FnMut(&mut C, &[Statement]) -> Result<Option<Conflict>, C::Error>,
) -> Result<usize, C::Error> {
    let mut added = 0;
    let mut group = Vec::new();
    let mut after = None;
    loop {
        c.next_statement_group(kind, after, &mut group)?;
        let Some(first) = group.first() else { break };
        after = Some(first.id);
        if group.len() < 2 {
            continue;
        }
        if let Some(conflict) = conflict_in(c, &group)? {
            added += patch(c, &events_of(&group), &conflict)?;
        }
    }
    Ok(added)
}

/// The dates a group of claimed dates gives, when two of them cannot meet: one value per
/// resolved date ("in September" and "by September" agree), by value.
fn date_conflict<C: ConflictStore>(
    c: &mut C,
    known: &Known<'_>,
    group: &[Statement],
) -> Result<Option<Conflict>, C::Error> {
    let texts = &known.interned.texts;
    let mut values: BTreeMap<&str, (&Claimed, Vec<&Statement>)> = BTreeMap::new();
    for s in group {
        let Some(time) = &s.time else { continue };
        values
            .entry(texts.name(time.key))
            .or_insert_with(|| (time, Vec::new()))
            .1
            .push(s);
    }
    let times: Vec<&Claimed> = values.values().map(|(t, _)| *t).collect();
    let disagree = (times.iter().enumerate()).any(|(i, a)| {
        times[i + 1..]
            .iter()
            .any(|b| !days_overlap(a.bounds, b.bounds))
    });
    if !disagree {
        return Ok(None);
    }
    let mut vs = Vec::new();
    for (time, statements) in values.into_values() {
        let label = texts.name(time.label).to_owned();
        vs.push(value_of(c, known, label, &statements)?);
    }
    Ok(Some(Conflict {
        field: "date".into(),
        values: vs,
    }))
}

/// The claims of a group, by claim, when it holds both a negative and a positive one.
fn claim_conflict<C: ConflictStore>(
    c: &mut C,
    known: &Known<'_>,
    group: &[Statement],
) -> Result<Option<Conflict>, C::Error> {
    let has = |neg: bool| group.iter().any(|s| s.negative == neg);
    if !(has(true) && has(false)) {
        return Ok(None);
    }
    let texts = &known.interned.texts;
    let mut values: BTreeMap<&str, Vec<&Statement>> = BTreeMap::new();
    for s in group {
        values
            .entry(s.claim.map_or("", |c| texts.name(c)))
            .or_default()
            .push(s);
    }
    let mut vs = Vec::new();
    for (v, statements) in values {
        vs.push(value_of(c, known, v.to_owned(), &statements)?);
    }
    Ok(Some(Conflict {
        field: "claim".into(),
        values: vs,
    }))
}

/// One side of a conflict: the value and the mentions (with their outlets) that give it.
fn value_of<C: ConflictStore>(
    c: &mut C,
    known: &Known<'_>,
    value: String,
    statements: &[&Statement],
) -> Result<ConflictValue, C::Error> {
    let mut reported = Reported::default();
    for s in statements {
        let outlets = &known.interned.outlets;
        reported.add(&fetch(c, known.by_article, outlets, s.handle, s.article)?);
    }
    Ok(reported.value(value))
}

/// The events a group of statements' mentions belong to, ascending.
fn events_of(group: &[Statement]) -> Vec<u32> {
    let mut evs: Vec<u32> = group.iter().filter_map(|s| s.event).collect();
    evs.sort_unstable();
    evs.dedup();
    evs
}

/// Adds `conflict` to each event that lacks it (kept sorted by field and first value; equal keys
/// in the order found) and rewrites it. Returns how many events took it.
fn patch<C: ConflictStore>(c: &mut C, evs: &[u32], conflict: &Conflict) -> Result<usize, C::Error> {
    let mut added = 0;
    for &e in evs {
        let Some(id) = c.event_id(e)? else {
            continue;
        };
        let Some(mut event) = c.event(&id)? else {
            continue;
        };
        if event.conflicts.contains(conflict) {
            continue;
        }
        event.conflicts.push(conflict.clone());
        sort_conflicts(&mut event.conflicts);
        c.update_event(&event)?;
        added += 1;
    }
    Ok(added)
}

/// Two events of one story with the same type, source and target but dates that cannot meet, where
/// no article reports both: the story's sources disagree on when it happened. Reads one story's
/// event summaries at a time.
fn story_date_conflicts<C: ConflictStore>(c: &mut C) -> Result<usize, C::Error> {
    let mut added = 0;
    let mut seen = BTreeSet::new();
    let mut evs = Vec::new();
    let mut after = None;
    while let Some(story) = c.next_story_events(after, STORY_EVENTS_CAP, &mut evs)? {
        after = Some(story);
        for (x, ea) in evs.iter().enumerate() {
            for eb in &evs[x + 1..] {
                let pair = (ea.number, eb.number);
                if !dates_disagree(ea, eb)
                    || seen.contains(&pair)
                    || c.share_article(ea.number, eb.number)?
                {
                    continue;
                }
                seen.insert(pair);
                let conflict = dates_of_events(c, ea, eb)?;
                added += patch(c, &[ea.number, eb.number], &conflict)?;
            }
        }
    }
    Ok(added)
}

/// Same type, a shared source and a shared target, and dates that cannot meet.
fn dates_disagree(a: &EventSummary, b: &EventSummary) -> bool {
    let meet = |sa: &[u32], sb: &[u32]| sa.iter().any(|n| sb.binary_search(n).is_ok());
    let disjoint = matches!((a.bounds, b.bounds), (Some(x), Some(y)) if !days_overlap(x, y));
    a.kind == b.kind && meet(&a.sources, &b.sources) && meet(&a.targets, &b.targets) && disjoint
}

/// A date conflict whose values are the two events themselves: their date, mentions and outlets.
fn dates_of_events<C: ConflictStore>(
    c: &mut C,
    a: &EventSummary,
    b: &EventSummary,
) -> Result<Conflict, C::Error> {
    let mut values = Vec::new();
    for id in [&a.id, &b.id] {
        if let Some(e) = c.event(id)? {
            values.push(ConflictValue {
                value: time_label(&e.date),
                mentions: e.mentions,
                outlets: e.sources,
            });
        }
    }
    values.sort_by(|p, q| p.value.cmp(&q.value));
    Ok(Conflict {
        field: "date".into(),
        values,
    })
}
