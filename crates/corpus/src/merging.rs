//! Merging: the mentions of one happening made one event, every mention and outlet kept.
//!
//! Mentions are taken finest date first, and each joins the best open event it is compatible with
//! (same type, a shared canonical actor, overlapping dates, compatible places), else opens one. The
//! order depends only on the mentions, so the result is the same whatever the ingest batches were.
//! A mention without a usable date joins only an event reported in the same story: without a date,
//! "same type, same actor" is too weak to say two reports are one happening.
//!
//! Events are assigned one event type at a time (an event never mixes types) from [`Coded`] rows
//! read in merge order from the corpus, which records each row's event; each event is then built
//! from its own mentions, fetched one by one, and written out at once, with the casualty counts
//! its mentions disagree on as conflicts. Memory holds the open events of one type and one
//! event's member list: never the mentions themselves.

use crate::intern::{ByArticle, Interned};
use crate::port::MergeStore;
use crate::reported::{Reported, fetch, sort_conflicts};
use crate::rows::{Coded, EventSummary, Member};
use dateline_core::TimeValue;
use dateline_core::event::{
    ActorRef, Conflict, Counts, Event, EventType, Place, PlacePrecision, Side,
};
use dateline_core::extract::stable_id;
use dateline_core::time::days_overlap;
use jiff::civil::Date;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What merging wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Merged {
    pub(crate) events: usize,
    pub(crate) conflicts: usize,
}

/// Merges the kept mentions (stories and outlets in `by_article`) into events, one event type at
/// a time, numbered in the order opened, and writes each event and its summary.
pub(crate) fn merge_events<C: MergeStore>(
    c: &mut C,
    interned: &Interned,
    by_article: &ByArticle,
) -> Result<Merged, C::Error> {
    let mut out = Merged::default();
    let mut members = Vec::new();
    let mut next = 0;
    for kind in EventType::ALL {
        let base = next;
        next += assign_events(c, kind, interned, by_article, base)?;
        for number in base..next {
            members.clear();
            c.members_of(number, &mut members)?;
            if members.is_empty() {
                continue;
            }
            let mut builder = EventBuilder::new(kind);
            for &(handle, article) in &members {
                builder.add(&fetch(c, by_article, &interned.outlets, handle, article)?);
            }
            let mut event = builder.finish();
            sort_conflicts(&mut event.conflicts);
            c.put_event(&event)?;
            out.events += 1;
            out.conflicts += event.conflicts.len();
            c.put_summary(&summary(number, event, &members, interned, by_article))?;
        }
    }
    Ok(out)
}

/// What the story-date conflict pass needs of event `number`, built from `members`.
fn summary(
    number: u32,
    event: Event,
    members: &[(u64, u32)],
    interned: &Interned,
    by_article: &ByArticle,
) -> EventSummary {
    let side = |s: Side| -> Box<[u32]> {
        let mut names: Vec<u32> = (event.actors.iter())
            .filter(|a| a.side == s)
            .filter_map(|a| interned.names.get(&a.name))
            .collect();
        names.sort_unstable();
        names.dedup();
        names.into()
    };
    let mut stories: Vec<u32> = (members.iter())
        .filter_map(|&(_, a)| by_article.story(a))
        .collect();
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

/// Assigns each mention of type `kind` an event, numbered from `base` in the order opened,
/// reading them in merge order from the corpus, which records each one's event. Holds the open
/// events only, never the mentions. Returns how many events were opened.
fn assign_events<C: MergeStore>(
    c: &mut C,
    kind: EventType,
    interned: &Interned,
    by_article: &ByArticle,
    base: u32,
) -> Result<u32, C::Error> {
    let mut open = OpenEvents::default();
    c.scan_merge_order(kind, &mut |m: &Coded| {
        let story = by_article.story(m.article);
        let e = match open.best_for(m, story, interned) {
            Some(e) => e,
            None => open.open(m),
        };
        open.join(e, m, story, interned);
        base + e as u32
    })?;
    Ok(open.events.len() as u32)
}

/// An event of one type still taking mentions, as far as deciding who joins it needs.
struct OpenEvent {
    event_type: EventType,
    bounds: Option<(Date, Date)>,
    actors: BTreeSet<u32>,
    /// Names seen on the source side: two reports of one happening agree on who did it.
    sources: BTreeSet<u32>,
    /// Distinct places (by name), interned.
    places: Vec<u32>,
    stories: BTreeSet<Option<u32>>,
}

/// What a mention added to the event it joined.
struct Added {
    story: bool,
    actors: Vec<u32>,
}

impl OpenEvent {
    /// Whether mention `m` (of story `story`) can join.
    fn admits(&self, m: &Coded, story: Option<u32>, interned: &Interned) -> bool {
        if m.kind != self.event_type {
            return false;
        }
        // When both name who acted, they must share one: the same target with different agents
        // (one state withdrawing, another announcing the withdrawal) is two happenings.
        let mut m_sources = m.source_names().peekable();
        if m_sources.peek().is_some()
            && !self.sources.is_empty()
            && !m_sources.any(|name| self.sources.contains(&name))
        {
            return false;
        }
        let dates_ok = match (m.bounds, self.bounds) {
            (Some(a), Some(b)) => days_overlap(a, b),
            (None, None) => self.stories.contains(&story),
            // A mention the coder left undated did not continue a dated happening of its
            // article (it would have taken its date): it is another one.
            (None, Some(_)) | (Some(_), None) => false,
        };
        dates_ok
            && m.place.and_then(|p| interned.place(p)).is_none_or(|p| {
                (self.places.iter())
                    .filter_map(|&q| interned.place(q))
                    .all(|q| places_compatible(p, q))
            })
    }

    /// Takes mention `m` (of story `story`): its dates narrow the event's, its story, place and
    /// actors join.
    fn take(&mut self, m: &Coded, story: Option<u32>, interned: &Interned) -> Added {
        self.bounds = match (self.bounds, m.bounds) {
            (Some((a1, b1)), Some((a2, b2))) => Some((a1.max(a2), b1.min(b2))),
            (None, b) | (b, None) => b,
        };
        let new_story = self.stories.insert(story);
        // Distinct places only: compatibility is checked against each.
        if let Some(id) = m.place
            && let Some(p) = interned.place(id)
            && !(self.places.iter()).any(|&q| interned.place(q).is_some_and(|q| q.name == p.name))
        {
            self.places.push(id);
        }
        let mut new_actors = Vec::new();
        for a in &m.actors {
            if a.is_source() {
                self.sources.insert(a.name());
            }
            if self.actors.insert(a.name()) {
                new_actors.push(a.name());
            }
        }
        Added {
            story: new_story,
            actors: new_actors,
        }
    }
}

/// The open events of one type, with indexes that find an event's candidates for a mention.
#[derive(Default)]
struct OpenEvents {
    events: Vec<OpenEvent>,
    // Candidates only: events sharing an actor, and either a year (dated) or the story (any).
    // `OpenEvent::admits` decides; the indexes only keep the search from scanning every event.
    by_year: HashMap<(u32, i16), Vec<usize>>,
    by_story: HashMap<(u32, Option<u32>), Vec<usize>>,
    /// The last mention each event was a candidate for (numbered by `asked`): an event listed
    /// under several of a mention's keys is weighed once, without sorting a common actor's
    /// thousands of candidates.
    asked_for: Vec<u32>,
    asked: u32,
}

impl OpenEvents {
    /// The open event mention `m` (of story `story`) joins: of those that admit it, the one
    /// sharing the most actors, the earliest opened on a tie.
    fn best_for(&mut self, m: &Coded, story: Option<u32>, interned: &Interned) -> Option<usize> {
        self.asked = self.asked.wrapping_add(1);
        if self.asked == 0 {
            self.asked_for.fill(0);
            self.asked = 1;
        }
        self.asked_for.resize(self.events.len(), 0);
        let (asked, asked_for) = (self.asked, &mut self.asked_for);
        let mut candidates: Vec<usize> = Vec::new();
        let mut take = |es: &Vec<usize>| {
            for &e in es {
                if asked_for[e] != asked {
                    asked_for[e] = asked;
                    candidates.push(e);
                }
            }
        };
        for a in &m.actors {
            if let Some(es) = self.by_story.get(&(a.name(), story)) {
                take(es);
            }
            for y in years(m.bounds) {
                if let Some(es) = self.by_year.get(&(a.name(), y)) {
                    take(es);
                }
            }
        }
        (candidates.into_iter())
            .filter(|&e| self.events[e].admits(m, story, interned))
            .max_by_key(|&e| {
                let actors = &self.events[e].actors;
                let in_common = m
                    .actors
                    .iter()
                    .filter(|a| actors.contains(&a.name()))
                    .count();
                (in_common, std::cmp::Reverse(e))
            })
    }

    /// Opens an event for mention `m`; returns its position.
    fn open(&mut self, m: &Coded) -> usize {
        self.events.push(OpenEvent {
            event_type: m.kind,
            bounds: m.bounds,
            actors: BTreeSet::new(),
            sources: BTreeSet::new(),
            places: Vec::new(),
            stories: BTreeSet::new(),
        });
        self.events.len() - 1
    }

    /// Event `e` takes mention `m`, and is indexed under every (actor, story) and (actor, year)
    /// pair it now has; only the pairs this mention added are new.
    fn join(&mut self, e: usize, m: &Coded, story: Option<u32>, interned: &Interned) {
        let added = self.events[e].take(m, story, interned);
        let ev = &self.events[e];
        let ev_years: Vec<i16> = years(ev.bounds).collect();
        if added.story {
            for &name in &ev.actors {
                if !added.actors.contains(&name) {
                    self.by_story.entry((name, story)).or_default().push(e);
                }
            }
        }
        for &name in &added.actors {
            for &s in &ev.stories {
                self.by_story.entry((name, s)).or_default().push(e);
            }
            for &y in &ev_years {
                self.by_year.entry((name, y)).or_default().push(e);
            }
        }
    }
}

/// Years a date's bounds touch (at most a few: a vaguer date is indexed by its first years only,
/// which still finds the events of those years).
fn years(bounds: Option<(Date, Date)>) -> impl Iterator<Item = i16> {
    let (a, b) = bounds.map_or((1, 0), |(a, b)| (a.year(), b.year()));
    (a..=b.min(a.saturating_add(4))).filter(move |_| bounds.is_some())
}

/// Same place, or one is a whole country (or region) that holds the other.
fn places_compatible(a: &Place, b: &Place) -> bool {
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

/// The casualty figures a mention may give, in the order an event's conflicts list them.
#[derive(Debug, Clone, Copy)]
enum CountField {
    Killed,
    Injured,
    Arrested,
}

impl CountField {
    const ALL: [CountField; 3] = [
        CountField::Killed,
        CountField::Injured,
        CountField::Arrested,
    ];

    /// The field's name in a conflict.
    fn name(self) -> &'static str {
        match self {
            CountField::Killed => "killed",
            CountField::Injured => "injured",
            CountField::Arrested => "arrested",
        }
    }

    fn of(self, counts: &Counts) -> Option<u32> {
        match self {
            CountField::Killed => counts.killed,
            CountField::Injured => counts.injured,
            CountField::Arrested => counts.arrested,
        }
    }

    fn set(self, counts: &mut Counts, value: u32) {
        let field = match self {
            CountField::Killed => &mut counts.killed,
            CountField::Injured => &mut counts.injured,
            CountField::Arrested => &mut counts.arrested,
        };
        *field = Some(value);
    }
}

/// One count field as an event's mentions give it: per value, the mentions and outlets giving
/// it, and the first qualifier ("at least") given with each value.
#[derive(Default)]
struct CountValues {
    values: BTreeMap<u32, Reported>,
    qualifiers: BTreeMap<u32, String>,
}

/// An event being built from its mentions, fed one at a time in the order they joined (outlets
/// filled in): an event reported ten thousand times needs its ids, not ten thousand mentions.
struct EventBuilder {
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
    /// In the order of [`CountField::ALL`].
    counts: [CountValues; 3],
    /// The best confidence among the mentions.
    confidence: f32,
}

impl EventBuilder {
    fn new(event_type: EventType) -> Self {
        EventBuilder {
            event_type,
            ids: Vec::new(),
            date: None,
            modes: BTreeMap::new(),
            places: BTreeMap::new(),
            first_place: HashMap::new(),
            actors: Vec::new(),
            sources: BTreeSet::new(),
            counts: Default::default(),
            confidence: 0.0,
        }
    }

    fn add(&mut self, m: &Member) {
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
        self.add_actors(&m.actors);
        self.sources.extend(m.outlet.clone());
        self.confidence = self.confidence.max(m.confidence);
        for (field, values) in CountField::ALL.into_iter().zip(&mut self.counts) {
            let Some(v) = field.of(&m.counts) else {
                continue;
            };
            values.values.entry(v).or_default().add(m);
            if let Some(q) = &m.counts.qualifier {
                values.qualifiers.entry(v).or_insert_with(|| q.clone());
            }
        }
    }

    /// Actors by name: a name seen again fills the fields it lacked.
    fn add_actors(&mut self, actors: &[ActorRef]) {
        for a in actors {
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
    }

    fn finish(self) -> Event {
        let mut ids = self.ids;
        ids.sort();
        let mode = most_common(self.modes);
        let place = most_reported_place(self.places, self.first_place);
        let mut actors = self.actors;
        actors.sort_by(|a, b| (a.side, &a.name).cmp(&(b.side, &b.name)));
        let (counts, conflicts) = counts_and_conflicts(self.counts);
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

/// The most reported name among the finest places, as first seen.
fn most_reported_place(
    places: BTreeMap<(u8, String), usize>,
    mut first_place: HashMap<String, Place>,
) -> Option<Place> {
    let finest = places.keys().map(|(p, _)| *p).min();
    let names = (places.into_iter())
        .filter(|((p, _), _)| Some(*p) == finest)
        .map(|((_, name), n)| (name, n));
    most_common(names).and_then(|n| first_place.remove(&n))
}

/// The event's counts, and a conflict for each field its mentions disagree on. The most
/// conservative figure stands for the event (ACLED's rule); the others are kept.
fn counts_and_conflicts(fields: [CountValues; 3]) -> (Counts, Vec<Conflict>) {
    let mut counts = Counts::default();
    let mut conflicts = Vec::new();
    for (field, mut given) in CountField::ALL.into_iter().zip(fields) {
        let Some(&low) = given.values.keys().next() else {
            continue;
        };
        field.set(&mut counts, low);
        if counts.qualifier.is_none() {
            counts.qualifier = given.qualifiers.remove(&low);
        }
        if given.values.len() > 1 {
            conflicts.push(Conflict {
                field: field.name().to_owned(),
                values: (given.values.into_iter())
                    .map(|(v, r)| r.value(v.to_string()))
                    .collect(),
            });
        }
    }
    (counts, conflicts)
}
