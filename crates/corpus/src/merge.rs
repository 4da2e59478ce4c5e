//! Events across articles: mentions of one happening merged, disagreements kept as [`Conflict`]s.
//!
//! Mentions are taken finest date first, and each joins the best open event it is compatible with
//! (same type, a shared canonical actor, overlapping dates, compatible places), else opens one. The
//! order depends only on the mentions, so the result is the same whatever the ingest batches were.
//! A mention without a usable date joins only an event reported in the same story: without a date,
//! "same type, same actor" is too weak to say two reports are one happening.
//!
//! Grouping reads one event type at a time (an event never mixes types) as [`Coded`] rows in merge
//! order from the corpus, which records each row's event; each event is then built from its own
//! mentions, fetched one by one, and written out at once. Memory holds the open events of one
//! type and one event's member list: never the mentions themselves. The statements (claimed
//! dates, claims) and event summaries that the conflict passes compare stay in the corpus; those
//! passes hold one word's bucket of statements, one connected group, or one story's events, and
//! four bytes of union-find per statement.

use crate::compact::{Claimed, Coded, EventSummary, Item, NONE, Shared, Statement, time_label};
use crate::rebuild::{Corpus, Memory};
use crate::story::Signatures;
use crate::text::{overlap, stable_id};
use crate::unionfind::UnionFind;
use dateline_core::TimeValue;
use dateline_core::event::{
    ActorRef, Conflict, ConflictValue, Counts, Event, EventMention, EventType, Place,
    PlacePrecision, Side,
};
use jiff::civil::Date;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Where merging reads mentions back and writes events.
pub trait MentionStore {
    type Error;
    /// The mention pushed into the table with this handle.
    fn mention(&mut self, handle: u64) -> Result<EventMention, Self::Error>;
    /// Writes a new event and its mention links.
    fn put_event(&mut self, event: &Event) -> Result<(), Self::Error>;
    /// Rewrites an event already written (its conflicts changed; its mentions did not).
    fn update_event(&mut self, event: &Event) -> Result<(), Self::Error>;
    fn event(&mut self, id: &str) -> Result<Option<Event>, Self::Error>;
}

/// What merging wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Merged {
    pub events: usize,
    pub conflicts: usize,
}

/// Where each article sits, as clustering found it: its story and its outlet (inferred included).
#[derive(Debug, Default, Clone)]
pub struct Context {
    pub story_of: HashMap<String, String>,
    pub outlet_of: HashMap<String, String>,
}

/// Merges every mention into events, sorted by id: the whole of merging in memory, for callers
/// that hold their mentions already.
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
    let mut shared = Shared::default();
    let mut filled = Vec::with_capacity(mentions.len());
    for &i in &order {
        let mut m = mentions[i].clone();
        if m.outlet.is_none() {
            m.outlet = ctx.outlet_of.get(&m.article).cloned();
        }
        let next = articles.len() as u32;
        let article = *articles.entry(mentions[i].article.as_str()).or_insert(next);
        if article == next {
            let story = rank.get(story_name(&m).as_str()).copied();
            shared.story_of.push(story.unwrap_or(NONE));
        }
        filled.push((article as usize, m));
    }
    let mut store = Memory::new(Vec::new(), filled.iter().map(|(a, m)| (*a, m)).collect());
    let Ok(statements) = keep(&mut store, &mut shared);
    let Ok(_) = merge_all(&mut store, &shared, statements);
    store.events.into_values().collect()
}

/// Reads every mention once: keeps its [`Coded`] row and its statements in the corpus. Returns
/// how many statements were kept.
pub(crate) fn keep<C: Corpus>(
    c: &mut C,
    shared: &mut Shared,
) -> Result<u32, <C as Signatures>::Error> {
    let mut kept = 0u32;
    c.keep_coded(&mut |article, handle, m, items| {
        let coded = Coded::of(shared, article as u32, handle, m);
        shared.statements(&coded, m, kept, items);
        kept += items.len() as u32;
        coded
    })?;
    Ok(kept)
}

/// Merges the kept mentions (stories and outlets in `shared`) into events, one event type at a
/// time, writes them, then adds the conflicts found across events among the `statements` kept.
pub(crate) fn merge_all<C: Corpus>(
    c: &mut C,
    shared: &Shared,
    statements: u32,
) -> Result<Merged, <C as Signatures>::Error> {
    let mut out = Merged::default();
    let mut members = Vec::new();
    let mut next = 0;
    for kind in EventType::ALL {
        let base = next;
        next += group(c, kind, shared, base)?;
        for number in base..next {
            members.clear();
            c.members_of(number, &mut members)?;
            if members.is_empty() {
                continue;
            }
            let mut builder = Builder::new(kind);
            for &(handle, article) in &members {
                builder.add(&fetch(shared, c, handle, article)?);
            }
            let mut event = builder.finish();
            sort_conflicts(&mut event.conflicts);
            c.put_event(&event)?;
            out.events += 1;
            out.conflicts += event.conflicts.len();
            c.put_summary(&summary(number, event, &members, shared))?;
        }
    }
    out.conflicts += cross_conflicts(shared, c, statements)?;
    Ok(out)
}

/// What the story-date conflict pass needs of event `number`, built from `members`.
fn summary(number: u32, event: Event, members: &[(u64, u32)], shared: &Shared) -> EventSummary {
    let side = |s: Side| -> Box<[u32]> {
        let mut names: Vec<u32> = (event.actors.iter())
            .filter(|a| a.side == s)
            .filter_map(|a| shared.names.get(&a.name))
            .collect();
        names.sort_unstable();
        names.dedup();
        names.into()
    };
    let mut stories: Vec<u32> = members.iter().map(|&(_, a)| shared.story(a)).collect();
    stories.sort_unstable();
    stories.dedup();
    EventSummary {
        number,
        sources: side(Side::Source),
        targets: side(Side::Target),
        bounds: event.date.bounds(),
        kind: event.event_type,
        stories: stories.into(),
        id: event.id,
    }
}

fn sort_conflicts(conflicts: &mut [Conflict]) {
    conflicts.sort_by(|a, b| (&a.field, &a.values[0].value).cmp(&(&b.field, &b.values[0].value)));
}

/// The mention with this handle (of article `article`) as stored, with its (possibly inferred)
/// outlet.
fn fetch<S: MentionStore>(
    shared: &Shared,
    store: &mut S,
    handle: u64,
    article: u32,
) -> Result<EventMention, S::Error> {
    let mut m = store.mention(handle)?;
    if m.outlet.is_none()
        && let Some(o) = shared.outlet(article)
    {
        m.outlet = Some(o.to_owned());
    }
    Ok(m)
}

struct Open {
    event_type: EventType,
    bounds: Option<(Date, Date)>,
    actors: BTreeSet<u32>,
    /// Names seen on the source side: two reports of one happening agree on who did it.
    sources: BTreeSet<u32>,
    /// Distinct places (by name).
    places: Vec<u32>,
    stories: BTreeSet<u32>,
}

/// Groups the mentions of type `kind` into events numbered from `base` in the order opened,
/// reading them in merge order from the corpus, which records each one's event. Holds the open
/// events only, never the mentions. Returns how many events were opened.
fn group<C: Corpus>(
    c: &mut C,
    kind: EventType,
    shared: &Shared,
    base: u32,
) -> Result<u32, <C as Signatures>::Error> {
    let mut open: Vec<Open> = Vec::new();
    // Candidates only: events sharing type and an actor, and either a year (dated) or the story
    // (any). `compatible` decides; the index only keeps the search from scanning every event.
    let mut by_year: HashMap<(EventType, u32, i16), Vec<usize>> = HashMap::new();
    let mut by_story: HashMap<(EventType, u32, u32), Vec<usize>> = HashMap::new();
    c.scan_merge_order(kind, &mut |m: &Coded| {
        let story = shared.story(m.article);
        let bounds = m.bounds;
        let mut candidates: Vec<usize> = Vec::new();
        for (name, _) in m.actors() {
            if let Some(es) = by_story.get(&(kind, name, story)) {
                candidates.extend(es);
            }
            for y in years(bounds) {
                if let Some(es) = by_year.get(&(kind, name, y)) {
                    candidates.extend(es);
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let best = candidates
            .into_iter()
            .filter(|&e| compatible(m, story, &open[e], shared))
            .max_by_key(|&e| {
                let in_common = m
                    .actors()
                    .filter(|(name, _)| open[e].actors.contains(name))
                    .count();
                (in_common, std::cmp::Reverse(e))
            });
        let e = match best {
            Some(e) => e,
            None => {
                open.push(Open {
                    event_type: m.kind,
                    bounds,
                    actors: BTreeSet::new(),
                    sources: BTreeSet::new(),
                    places: Vec::new(),
                    stories: BTreeSet::new(),
                });
                open.len() - 1
            }
        };
        let ev = &mut open[e];
        ev.bounds = match (ev.bounds, bounds) {
            (Some((a1, b1)), Some((a2, b2))) => Some((a1.max(a2), b1.min(b2))),
            (None, b) | (b, None) => b,
        };
        let new_story = ev.stories.insert(story);
        // Distinct places only: compatibility is checked against each.
        if let Some(p) = shared.place(m.place)
            && !ev
                .places
                .iter()
                .any(|&q| shared.place(q).is_some_and(|q| q.name == p.name))
        {
            ev.places.push(m.place);
        }
        let mut new_actors = Vec::new();
        for (name, source) in m.actors() {
            if source {
                ev.sources.insert(name);
            }
            if ev.actors.insert(name) {
                new_actors.push(name);
            }
        }
        // Index the event under every (actor, story) and (actor, year) pair it now has; only
        // the pairs this mention added are new.
        let ty = ev.event_type;
        let ev_years: Vec<i16> = years(ev.bounds).collect();
        if new_story {
            for &name in &ev.actors {
                if !new_actors.contains(&name) {
                    by_story.entry((ty, name, story)).or_default().push(e);
                }
            }
        }
        for &name in &new_actors {
            for &s in &ev.stories {
                by_story.entry((ty, name, s)).or_default().push(e);
            }
            for &y in &ev_years {
                by_year.entry((ty, name, y)).or_default().push(e);
            }
        }
        base + e as u32
    })?;
    Ok(open.len() as u32)
}

/// Years a date's bounds touch (at most a few: a vaguer date is indexed by its first years only,
/// which still finds the events of those years).
fn years(bounds: Option<(Date, Date)>) -> impl Iterator<Item = i16> {
    let (a, b) = bounds.map_or((1, 0), |(a, b)| (a.year(), b.year()));
    (a..=b.min(a.saturating_add(4))).filter(move |_| bounds.is_some())
}

/// Whether mention `m` (of story `story`) can join `e`.
fn compatible(m: &Coded, story: u32, e: &Open, shared: &Shared) -> bool {
    if m.kind != e.event_type {
        return false;
    }
    // When both name who acted, they must share one: the same target with different agents
    // (Estonia withdrawing, Iraq announcing the coalition's end) is two happenings.
    let mut m_sources = m.actors().filter(|&(_, source)| source).peekable();
    if m_sources.peek().is_some()
        && !e.sources.is_empty()
        && !m_sources.any(|(name, _)| e.sources.contains(&name))
    {
        return false;
    }
    let dates_ok = match (m.bounds, e.bounds) {
        (Some((a1, b1)), Some((a2, b2))) => a1 <= b2 && a2 <= b1,
        _ => e.stories.contains(&story),
    };
    dates_ok
        && shared.place(m.place).is_none_or(|p| {
            e.places
                .iter()
                .filter_map(|&q| shared.place(q))
                .all(|q| places_compatible(p, q))
        })
}

/// Same place, or one is a whole country (or region) that holds the other.
pub fn places_compatible(a: &Place, b: &Place) -> bool {
    if a.name.eq_ignore_ascii_case(&b.name) {
        return true;
    }
    let coarse = |p: &Place| p.precision != PlacePrecision::City;
    let contains = |big: &Place, small: &Place| match big.precision {
        PlacePrecision::Country => big.country.is_some() && big.country == small.country,
        PlacePrecision::Region => small
            .admin1
            .as_deref()
            .is_some_and(|r| r.eq_ignore_ascii_case(&big.name)),
        PlacePrecision::City => false,
    };
    (coarse(a) && contains(a, b)) || (coarse(b) && contains(b, a))
}

/// The value counted most often; ties go to the smallest value, for determinism.
fn most_common<T: Ord>(counts: impl IntoIterator<Item = (T, usize)>) -> Option<T> {
    let mut best: Option<(T, usize)> = None;
    for (v, n) in counts {
        // Values come in ascending order, so only a strictly higher count replaces the best.
        if best.as_ref().is_none_or(|(_, b)| n > *b) {
            best = Some((v, n));
        }
    }
    best.map(|(v, _)| v)
}

/// An event being built from its mentions, fed one at a time in the order they joined (outlets
/// filled in): an event reported ten thousand times needs its ids, not ten thousand mentions.
struct Builder {
    event_type: EventType,
    ids: Vec<String>,
    /// The first mention's date: members joined finest date first, so it is the most precise.
    date: Option<TimeValue>,
    modes: BTreeMap<String, usize>,
    /// Mentions per (place precision, name), and the first place seen under each name.
    places: BTreeMap<(u8, String), usize>,
    first_place: HashMap<String, Place>,
    actors: Vec<ActorRef>,
    sources: BTreeSet<String>,
    /// Killed, injured, arrested: per value, the mentions and outlets giving it.
    counts: [BTreeMap<u32, Reported>; 3],
    /// The first qualifier ("at least") among the mentions giving each field's lowest value.
    qualifiers: [BTreeMap<u32, String>; 3],
    /// The best confidence among the mentions.
    confidence: f32,
}

#[derive(Default)]
struct Reported {
    ids: Vec<String>,
    outlets: BTreeSet<String>,
}

impl Reported {
    fn add(&mut self, m: &EventMention) {
        self.ids.push(m.id.clone());
        self.outlets.extend(m.outlet.clone());
    }

    fn value(mut self, value: String) -> ConflictValue {
        self.ids.sort();
        self.ids.dedup();
        ConflictValue {
            value,
            mentions: self.ids,
            outlets: self.outlets.into_iter().collect(),
        }
    }
}

impl Builder {
    fn new(event_type: EventType) -> Self {
        Builder {
            event_type,
            ids: Vec::new(),
            date: None,
            modes: BTreeMap::new(),
            places: BTreeMap::new(),
            first_place: HashMap::new(),
            actors: Vec::new(),
            sources: BTreeSet::new(),
            counts: Default::default(),
            qualifiers: Default::default(),
            confidence: 0.0,
        }
    }

    fn add(&mut self, m: &EventMention) {
        self.ids.push(m.id.clone());
        if self.date.is_none() {
            self.date = Some(m.date.clone());
        }
        if let Some(mode) = &m.mode {
            *self.modes.entry(mode.clone()).or_default() += 1;
        }
        if let Some(p) = &m.place {
            *self
                .places
                .entry((p.precision as u8, p.name.clone()))
                .or_default() += 1;
            self.first_place
                .entry(p.name.clone())
                .or_insert_with(|| p.clone());
        }
        for a in &m.actors {
            match self.actors.iter_mut().find(|x| x.name == a.name) {
                Some(x) => {
                    x.role = x.role.take().or_else(|| a.role.clone());
                    x.organisation = x.organisation.take().or_else(|| a.organisation.clone());
                    x.country = x.country.take().or_else(|| a.country.clone());
                    x.sector = x.sector.take().or_else(|| a.sector.clone());
                }
                None => self.actors.push(ActorRef {
                    text: None,
                    ..a.clone()
                }),
            }
        }
        self.sources.extend(m.outlet.clone());
        self.confidence = self.confidence.max(m.confidence);
        let values = [m.counts.killed, m.counts.injured, m.counts.arrested];
        for (k, v) in values.into_iter().enumerate() {
            let Some(v) = v else { continue };
            self.counts[k].entry(v).or_default().add(m);
            if let Some(q) = &m.counts.qualifier {
                self.qualifiers[k].entry(v).or_insert_with(|| q.clone());
            }
        }
    }

    fn finish(self) -> Event {
        let mut ids = self.ids;
        ids.sort();
        let mode = most_common(self.modes);
        // The most reported name among the finest places, as first seen.
        let finest = self.places.keys().map(|(p, _)| *p).min();
        let names = self
            .places
            .into_iter()
            .filter(|((p, _), _)| Some(*p) == finest)
            .map(|((_, name), n)| (name, n));
        let mut first_place = self.first_place;
        let place = most_common(names).and_then(|n| first_place.remove(&n));
        let mut actors = self.actors;
        actors.sort_by(|a, b| (a.side, &a.name).cmp(&(b.side, &b.name)));

        let mut conflicts = Vec::new();
        let mut counts = Counts::default();
        let fields = ["killed", "injured", "arrested"];
        for ((field, values), mut qualifiers) in
            fields.into_iter().zip(self.counts).zip(self.qualifiers)
        {
            // The most conservative figure stands for the event (ACLED's rule); the others are
            // kept.
            let Some(&low) = values.keys().next() else {
                continue;
            };
            match field {
                "killed" => counts.killed = Some(low),
                "injured" => counts.injured = Some(low),
                _ => counts.arrested = Some(low),
            }
            if counts.qualifier.is_none() {
                counts.qualifier = qualifiers.remove(&low);
            }
            if values.len() > 1 {
                conflicts.push(Conflict {
                    field: field.to_owned(),
                    values: values
                        .into_iter()
                        .map(|(v, r)| r.value(v.to_string()))
                        .collect(),
                });
            }
        }

        // Each further outlet that reports the happening on its own makes it likelier real.
        let outlets = self.sources.len().max(1) as f32;
        let confidence = (self.confidence + 0.1 * (outlets - 1.0)).min(1.0);
        Event {
            confidence,
            id: stable_id("e", ids.first().map_or("", String::as_str)),
            event_type: self.event_type,
            mode,
            date: self.date.unwrap_or_default(),
            place,
            actors,
            counts,
            mentions: ids,
            sources: self.sources.into_iter().collect(),
            conflicts,
        }
    }
}

/// Buckets of items sharing a key word larger than this are skipped: a word that common
/// (`iraq` in an Iraq corpus) says nothing about two claims being about one thing.
const WORD_BUCKET_CAP: usize = 300;

/// Conflicts between the events' statements: claimed dates that cannot meet, claims of opposite
/// polarity, each among the statements linked (directly or through others) to one another; then
/// dates that disagree within one story.
fn cross_conflicts<C: Corpus>(
    shared: &Shared,
    c: &mut C,
    statements: u32,
) -> Result<usize, <C as Signatures>::Error> {
    let article = |it: &Item| it.article;
    let story = |it: &Item| shared.story(it.article);
    let shares = |a: &Item, b: &Item| a.names.iter().any(|x| b.names.binary_search(x).is_ok());
    // Claimed dates: same subject, different articles, a shared actor or the same story.
    let dates_linked = |a: &Item, b: &Item| {
        let (j, common) = overlap(&a.key, &b.key);
        article(a) != article(b)
            && common >= 3
            && j >= 0.4
            && (shares(a, b) || story(a) == story(b))
    };
    // Claims: same subject, opposite polarity, in one article or story or about a shared actor.
    let claims_linked = |a: &Item, b: &Item| {
        let (j, common) = overlap(&a.key, &b.key);
        common >= 1
            && j >= 0.5
            && (article(a) == article(b) || story(a) == story(b) || shares(a, b))
    };
    let mut uf = UnionFind::new(statements as usize);
    connect(c, Statement::Date, &mut uf, dates_linked)?;
    connect(c, Statement::Claim, &mut uf, claims_linked)?;
    c.put_statement_roots(&mut (0..statements as usize).map(|i| uf.find(i) as u32))?;
    drop(uf);

    let dates = patch_groups(c, Statement::Date, |c, group| {
        let mut values: BTreeMap<&str, (&Claimed, Vec<&Item>)> = BTreeMap::new();
        for it in group {
            let Some(time) = &it.time else { continue };
            // One value per resolved date: "in September 2026" and "by September 2026" agree.
            values
                .entry(shared.texts.name(time.key))
                .or_insert_with(|| (time, Vec::new()))
                .1
                .push(it);
        }
        let times: Vec<&Claimed> = values.values().map(|(t, _)| *t).collect();
        let meet = |a: &Claimed, b: &Claimed| a.bounds.0 <= b.bounds.1 && b.bounds.0 <= a.bounds.1;
        let disagree = times
            .iter()
            .enumerate()
            .any(|(i, a)| times[i + 1..].iter().any(|b| !meet(a, b)));
        if !disagree {
            return Ok(None);
        }
        let mut vs = Vec::new();
        for (time, ms) in values.into_values() {
            let label = shared.texts.name(time.label).to_owned();
            vs.push(value_of(shared, c, label, &ms)?);
        }
        Ok(Some(Conflict {
            field: "date".into(),
            values: vs,
        }))
    })?;

    let claims = patch_groups(c, Statement::Claim, |c, group| {
        let has = |neg: bool| group.iter().any(|it| it.negative == neg);
        if !(has(true) && has(false)) {
            return Ok(None);
        }
        let mut values: BTreeMap<&str, Vec<&Item>> = BTreeMap::new();
        for it in group {
            values
                .entry(it.claim.map_or("", |c| shared.texts.name(c)))
                .or_default()
                .push(it);
        }
        let mut vs = Vec::new();
        for (v, ms) in values {
            vs.push(value_of(shared, c, v.to_owned(), &ms)?);
        }
        Ok(Some(Conflict {
            field: "claim".into(),
            values: vs,
        }))
    })?;

    Ok(dates + claims + story_date_conflicts(c)?)
}

/// Reads the connected groups (two or more) of `kind`'s statements one at a time, and adds the
/// conflict `conflict_in` finds in a group, if any, to the events of its statements. Returns how
/// many events took one.
fn patch_groups<C: Corpus>(
    c: &mut C,
    kind: Statement,
    mut conflict_in: impl FnMut(&mut C, &[Item]) -> Result<Option<Conflict>, <C as Signatures>::Error>,
) -> Result<usize, <C as Signatures>::Error> {
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

/// One side of a conflict: the value and the mentions (with their outlets) that give it.
fn value_of<S: MentionStore>(
    shared: &Shared,
    store: &mut S,
    value: String,
    items: &[&Item],
) -> Result<ConflictValue, S::Error> {
    let mut reported = Reported::default();
    for it in items {
        reported.add(&fetch(shared, store, it.handle, it.article)?);
    }
    Ok(reported.value(value))
}

/// The events a group of items' mentions belong to, ascending.
fn events_of(group: &[Item]) -> Vec<u32> {
    let mut evs: Vec<u32> = group
        .iter()
        .map(|it| it.event)
        .filter(|&e| e != NONE)
        .collect();
    evs.sort_unstable();
    evs.dedup();
    evs
}

/// Adds `conflict` to each event that lacks it (kept sorted by field and first value; equal keys
/// in the order found) and rewrites it. Returns how many events took it.
fn patch<C: Corpus>(
    store: &mut C,
    evs: &[u32],
    conflict: &Conflict,
) -> Result<usize, <C as Signatures>::Error> {
    let mut added = 0;
    for &e in evs {
        let Some(id) = store.event_id(e)? else {
            continue;
        };
        let Some(mut event) = store.event(&id)? else {
            continue;
        };
        if event.conflicts.contains(conflict) {
            continue;
        }
        event.conflicts.push(conflict.clone());
        sort_conflicts(&mut event.conflicts);
        store.update_event(&event)?;
        added += 1;
    }
    Ok(added)
}

/// Unites the statements of kind `kind` that are `linked`, comparing only those that share a key
/// word, one word's bucket at a time, so the cost stays near-linear and memory holds one bucket.
fn connect<C: Corpus>(
    c: &mut C,
    kind: Statement,
    uf: &mut UnionFind,
    linked: impl Fn(&Item, &Item) -> bool,
) -> Result<(), <C as Signatures>::Error> {
    let mut bucket: Vec<Item> = Vec::new();
    // The current word and how many statements carry it (a bucket over the cap is not kept).
    let mut word = NONE;
    let mut size = 0;
    let mut close = |bucket: &mut Vec<Item>, size: usize| {
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
    c.scan_statements(kind, &mut |w, it| {
        if w != word {
            close(&mut bucket, size);
            word = w;
            size = 0;
        }
        size += 1;
        if size <= WORD_BUCKET_CAP {
            bucket.push(it.clone());
        }
    })?;
    close(&mut bucket, size);
    Ok(())
}

/// Stories with more events than this are not searched for date conflicts (quadratic in them).
const STORY_EVENTS_CAP: usize = 200;

/// Two events of one story with the same type, source and target but dates that cannot meet, where
/// no article reports both: the story's sources disagree on when it happened. Reads one story's
/// event summaries at a time.
fn story_date_conflicts<C: Corpus>(c: &mut C) -> Result<usize, <C as Signatures>::Error> {
    let mut added = 0;
    let mut seen = BTreeSet::new();
    let mut evs = Vec::new();
    let mut after = None;
    while let Some(story) = c.next_story_events(after, STORY_EVENTS_CAP, &mut evs)? {
        after = Some(story);
        for (x, ea) in evs.iter().enumerate() {
            for eb in &evs[x + 1..] {
                let meet = |sa: &[u32], sb: &[u32]| sa.iter().any(|n| sb.binary_search(n).is_ok());
                let disjoint = matches!((ea.bounds, eb.bounds),
                    (Some((a1, b1)), Some((a2, b2))) if b1 < a2 || b2 < a1);
                let pair = (ea.number, eb.number);
                if ea.kind != eb.kind
                    || !meet(&ea.sources, &eb.sources)
                    || !meet(&ea.targets, &eb.targets)
                    || !disjoint
                    || seen.contains(&pair)
                    || c.share_article(ea.number, eb.number)?
                {
                    continue;
                }
                seen.insert(pair);
                // The values are the events themselves: their date, mentions and outlets.
                let mut values = Vec::new();
                for id in [&ea.id, &eb.id] {
                    if let Some(e) = c.event(id)? {
                        values.push(ConflictValue {
                            value: time_label(&e.date),
                            mentions: e.mentions,
                            outlets: e.sources,
                        });
                    }
                }
                values.sort_by(|p, q| p.value.cmp(&q.value));
                let conflict = Conflict {
                    field: "date".into(),
                    values,
                };
                added += patch(c, &[ea.number, eb.number], &conflict)?;
            }
        }
    }
    Ok(added)
}
