//! Events across articles: mentions of one happening merged, disagreements kept as [`Conflict`]s.
//!
//! Mentions are taken finest date first, and each joins the best open event it is compatible with
//! (same type, a shared canonical actor, overlapping dates, compatible places), else opens one. The
//! order depends only on the mentions, so the result is the same whatever the ingest batches were.
//! A mention without a usable date joins only an event reported in the same story: without a date,
//! "same type, same actor" is too weak to say two reports are one happening.

use crate::text::{content_words, is_negative, overlap, stable_id};
use crate::unionfind::UnionFind;
use dateline_core::TimeValue;
use dateline_core::event::{
    ActorRef, Conflict, ConflictValue, Counts, Event, EventMention, EventType, Place,
    PlacePrecision, Side,
};
use dateline_core::time::{Tense, resolve_mention, scan};
use jiff::civil::Date;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Where each article sits, as clustering found it: its story and its outlet (inferred included).
#[derive(Debug, Default, Clone)]
pub struct Context {
    pub story_of: HashMap<String, String>,
    pub outlet_of: HashMap<String, String>,
}

impl Context {
    fn story<'a>(&'a self, m: &'a EventMention) -> &'a str {
        self.story_of
            .get(&m.article)
            .map_or(m.article.as_str(), String::as_str)
    }

    fn outlet(&self, m: &EventMention) -> Option<String> {
        m.outlet
            .clone()
            .or_else(|| self.outlet_of.get(&m.article).cloned())
    }
}

struct Open<'a> {
    event_type: EventType,
    members: Vec<usize>,
    bounds: Option<(Date, Date)>,
    actors: BTreeSet<&'a str>,
    /// Names seen on the source side: two reports of one happening agree on who did it.
    sources: BTreeSet<&'a str>,
    places: Vec<&'a Place>,
    stories: BTreeSet<&'a str>,
}

/// Merges every mention into events, sorted by id.
pub fn merge(mentions: &[EventMention], ctx: &Context) -> Vec<Event> {
    // Dates parsed once: (precision rank, bounds) per mention.
    let dates: Vec<(u8, Option<(Date, Date)>)> = mentions
        .iter()
        .map(|m| {
            let b = m.date.bounds();
            (b.and(m.date.precision).map_or(99, |p| p as u8), b)
        })
        .collect();
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| (dates[i].0, dates[i].1.map(|(s, _)| s), &mentions[i].id);
        key(a).cmp(&key(b))
    });

    let mut open: Vec<Open> = Vec::new();
    // Candidates only: events sharing type and an actor, and either a year (dated) or the story
    // (any). `compatible` decides; the index only keeps the search from scanning every event.
    let mut by_year: HashMap<(EventType, &str, i16), Vec<usize>> = HashMap::new();
    let mut by_story: HashMap<(EventType, &str, &str), Vec<usize>> = HashMap::new();
    for &mi in &order {
        let m = &mentions[mi];
        let story = ctx.story(m);
        let bounds = dates[mi].1;
        let mut candidates: Vec<usize> = Vec::new();
        for a in &m.actors {
            let name = a.name.as_str();
            if let Some(es) = by_story.get(&(m.event_type, name, story)) {
                candidates.extend(es);
            }
            for y in years(bounds) {
                if let Some(es) = by_year.get(&(m.event_type, name, y)) {
                    candidates.extend(es);
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let best = candidates
            .into_iter()
            .filter(|&e| compatible(m, story, bounds, &open[e]))
            .max_by_key(|&e| {
                let shared = m
                    .actors
                    .iter()
                    .filter(|a| open[e].actors.contains(a.name.as_str()))
                    .count();
                (shared, std::cmp::Reverse(e))
            });
        let e = match best {
            Some(e) => e,
            None => {
                open.push(Open {
                    event_type: m.event_type,
                    members: Vec::new(),
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
        ev.members.push(mi);
        ev.bounds = match (ev.bounds, bounds) {
            (Some((a1, b1)), Some((a2, b2))) => Some((a1.max(a2), b1.min(b2))),
            (None, b) | (b, None) => b,
        };
        let new_story = ev.stories.insert(story);
        // Distinct places only: compatibility is checked against each.
        if let Some(p) = &m.place
            && !ev.places.iter().any(|q| q.name == p.name)
        {
            ev.places.push(p);
        }
        let mut new_actors = Vec::new();
        for a in &m.actors {
            if a.side == Side::Source {
                ev.sources.insert(a.name.as_str());
            }
            if ev.actors.insert(a.name.as_str()) {
                new_actors.push(a.name.as_str());
            }
        }
        // Index the event under every (actor, story) and (actor, year) pair it now has; only
        // the pairs this mention added are new.
        let t = ev.event_type;
        let ev_years: Vec<i16> = years(ev.bounds).collect();
        if new_story {
            for &name in &ev.actors {
                if !new_actors.contains(&name) {
                    by_story.entry((t, name, story)).or_default().push(e);
                }
            }
        }
        for &name in &new_actors {
            for &s in &ev.stories {
                by_story.entry((t, name, s)).or_default().push(e);
            }
            for &y in &ev_years {
                by_year.entry((t, name, y)).or_default().push(e);
            }
        }
    }

    let mut events: Vec<Event> = open.iter().map(|o| build(mentions, ctx, o)).collect();
    let event_of: HashMap<&str, usize> = events
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.as_str(), i)))
        .collect();
    let extra = cross_conflicts(mentions, ctx, &events, &event_of);
    for (i, conflict) in extra {
        if !events[i].conflicts.contains(&conflict) {
            events[i].conflicts.push(conflict);
        }
    }
    for e in &mut events {
        e.conflicts
            .sort_by(|a, b| (&a.field, &a.values[0].value).cmp(&(&b.field, &b.values[0].value)));
    }
    events.sort_by(|a, b| a.id.cmp(&b.id));
    events
}

/// Years a date's bounds touch (at most a few: a vaguer date is indexed by its first years only,
/// which still finds the events of those years).
fn years(bounds: Option<(Date, Date)>) -> impl Iterator<Item = i16> {
    let (a, b) = bounds.map_or((1, 0), |(a, b)| (a.year(), b.year()));
    (a..=b.min(a.saturating_add(4))).filter(move |_| bounds.is_some())
}

fn compatible(m: &EventMention, story: &str, bounds: Option<(Date, Date)>, e: &Open) -> bool {
    if m.event_type != e.event_type {
        return false;
    }
    // When both name who acted, they must share one: the same target with different agents
    // (Estonia withdrawing, Iraq announcing the coalition's end) is two happenings.
    let mut m_sources = m
        .actors
        .iter()
        .filter(|a| a.side == Side::Source)
        .peekable();
    if m_sources.peek().is_some()
        && !e.sources.is_empty()
        && !m_sources.any(|a| e.sources.contains(a.name.as_str()))
    {
        return false;
    }
    let dates_ok = match (bounds, e.bounds) {
        (Some((a1, b1)), Some((a2, b2))) => a1 <= b2 && a2 <= b1,
        _ => e.stories.contains(story),
    };
    dates_ok
        && m.place
            .as_ref()
            .is_none_or(|p| e.places.iter().all(|q| places_compatible(p, q)))
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

fn most_common<T: Ord + Clone>(items: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for i in items {
        *counts.entry(i).or_default() += 1;
    }
    // Highest count; ties go to the smallest value (BTreeMap order), for determinism.
    let max = counts.values().copied().max()?;
    counts.into_iter().find(|(_, c)| *c == max).map(|(v, _)| v)
}

fn build(mentions: &[EventMention], ctx: &Context, o: &Open) -> Event {
    let ms: Vec<&EventMention> = o.members.iter().map(|&i| &mentions[i]).collect();
    let mut ids: Vec<String> = ms.iter().map(|m| m.id.clone()).collect();
    ids.sort();
    // Members joined finest date first, so the first one carries the most precise date.
    let date: TimeValue = ms[0].date.clone();
    let mode = most_common(ms.iter().filter_map(|m| m.mode.clone()));
    let place = {
        let finest = ms
            .iter()
            .filter_map(|m| m.place.as_ref())
            .map(|p| p.precision as u8)
            .min();
        let name = most_common(
            ms.iter()
                .filter_map(|m| m.place.as_ref())
                .filter(|p| Some(p.precision as u8) == finest)
                .map(|p| p.name.clone()),
        );
        name.and_then(|n| {
            ms.iter()
                .filter_map(|m| m.place.clone())
                .find(|p| p.name == n)
        })
    };
    let mut actors: Vec<ActorRef> = Vec::new();
    for m in &ms {
        for a in &m.actors {
            match actors.iter_mut().find(|x| x.name == a.name) {
                Some(x) => {
                    x.role = x.role.take().or_else(|| a.role.clone());
                    x.organisation = x.organisation.take().or_else(|| a.organisation.clone());
                    x.country = x.country.take().or_else(|| a.country.clone());
                }
                None => actors.push(ActorRef {
                    text: None,
                    ..a.clone()
                }),
            }
        }
    }
    actors.sort_by(|a, b| (a.side, &a.name).cmp(&(b.side, &b.name)));
    let mut sources: Vec<String> = ms.iter().filter_map(|m| ctx.outlet(m)).collect();
    sources.sort();
    sources.dedup();

    let mut conflicts = Vec::new();
    let mut counts = Counts::default();
    type Field = (&'static str, fn(&Counts) -> Option<u32>);
    let fields: [Field; 3] = [
        ("killed", |c| c.killed),
        ("injured", |c| c.injured),
        ("arrested", |c| c.arrested),
    ];
    for (field, get) in fields {
        let mut values: BTreeMap<u32, Vec<&EventMention>> = BTreeMap::new();
        for m in &ms {
            if let Some(v) = get(&m.counts) {
                values.entry(v).or_default().push(m);
            }
        }
        // The most conservative figure stands for the event (ACLED's rule); the others are kept.
        let Some((&low, low_ms)) = values.iter().next() else {
            continue;
        };
        match field {
            "killed" => counts.killed = Some(low),
            "injured" => counts.injured = Some(low),
            _ => counts.arrested = Some(low),
        }
        if counts.qualifier.is_none() {
            counts.qualifier = low_ms.iter().find_map(|m| m.counts.qualifier.clone());
        }
        if values.len() > 1 {
            conflicts.push(Conflict {
                field: field.to_owned(),
                values: values
                    .iter()
                    .map(|(v, ms)| conflict_value(v.to_string(), ms, ctx))
                    .collect(),
            });
        }
    }

    Event {
        id: stable_id("e", &ids[0]),
        event_type: o.event_type,
        mode,
        date,
        place,
        actors,
        counts,
        mentions: ids,
        sources,
        conflicts,
    }
}

fn conflict_value(value: String, ms: &[&EventMention], ctx: &Context) -> ConflictValue {
    let mut mentions: Vec<String> = ms.iter().map(|m| m.id.clone()).collect();
    mentions.sort();
    mentions.dedup();
    let mut outlets: Vec<String> = ms.iter().filter_map(|m| ctx.outlet(m)).collect();
    outlets.sort();
    outlets.dedup();
    ConflictValue {
        value,
        mentions,
        outlets,
    }
}

/// A statement inside a mention that can disagree with another source's: a claimed date ("will
/// end in September 2026") or a claim with a polarity ("no longer a threat").
struct Item<'a> {
    mention: &'a EventMention,
    key: Vec<String>,
    /// The claimed time, for date items; `None` for claims.
    time: Option<TimeValue>,
    negative: bool,
}

/// Buckets of items sharing a key word larger than this are skipped: a word that common
/// (`iraq` in an Iraq corpus) says nothing about two claims being about one thing.
const WORD_BUCKET_CAP: usize = 300;
/// Words before a claimed date that name what the date is about.
const KEY_WINDOW: usize = 8;

fn cross_conflicts(
    mentions: &[EventMention],
    ctx: &Context,
    events: &[Event],
    event_of: &HashMap<&str, usize>,
) -> Vec<(usize, Conflict)> {
    let mut dates = Vec::new();
    let mut claims = Vec::new();
    for m in mentions {
        dates.extend(claimed_times(m));
        if let Some(c) = m.claim.as_deref() {
            let key = content_words(c);
            if !key.is_empty() {
                claims.push(Item {
                    mention: m,
                    key,
                    time: None,
                    negative: is_negative(c),
                });
            }
        }
    }
    let mut out = Vec::new();

    // Claimed dates: same subject, different articles, a shared actor or the same story.
    let linked = |a: &Item, b: &Item| {
        let (j, common) = overlap(&a.key, &b.key);
        a.mention.article != b.mention.article
            && common >= 3
            && j >= 0.4
            && (shares_actor(a.mention, b.mention) || ctx.story(a.mention) == ctx.story(b.mention))
    };
    for group in components(&dates, linked) {
        let mut values: BTreeMap<String, (TimeValue, Vec<&EventMention>)> = BTreeMap::new();
        for &i in &group {
            let it = &dates[i];
            let tv = it.time.clone().unwrap_or_default();
            // One value per resolved date: "in September 2026" and "by September 2026" agree.
            let key = tv.value.clone().unwrap_or_else(|| time_label(&tv));
            values
                .entry(key)
                .or_insert_with(|| (tv, Vec::new()))
                .1
                .push(it.mention);
        }
        let tvs: Vec<&TimeValue> = values.values().map(|(t, _)| t).collect();
        let disagree = tvs
            .iter()
            .enumerate()
            .any(|(i, a)| tvs[i + 1..].iter().any(|b| !a.overlaps(b)));
        if disagree {
            let conflict = Conflict {
                field: "date".into(),
                values: values
                    .into_values()
                    .map(|(tv, ms)| conflict_value(time_label(&tv), &ms, ctx))
                    .collect(),
            };
            attach(&mut out, &group, &dates, event_of, &conflict);
        }
    }

    // Claims: same subject, opposite polarity, in one article or story or about a shared actor.
    let linked = |a: &Item, b: &Item| {
        let (j, common) = overlap(&a.key, &b.key);
        common >= 1
            && j >= 0.5
            && (a.mention.article == b.mention.article
                || ctx.story(a.mention) == ctx.story(b.mention)
                || shares_actor(a.mention, b.mention))
    };
    for group in components(&claims, linked) {
        let has = |neg: bool| group.iter().any(|&i| claims[i].negative == neg);
        if !(has(true) && has(false)) {
            continue;
        }
        let mut values: BTreeMap<String, Vec<&EventMention>> = BTreeMap::new();
        for &i in &group {
            let c = claims[i].mention.claim.as_deref().unwrap_or_default();
            values
                .entry(c.trim().to_lowercase())
                .or_default()
                .push(claims[i].mention);
        }
        let conflict = Conflict {
            field: "claim".into(),
            values: values
                .into_iter()
                .map(|(v, ms)| conflict_value(v, &ms, ctx))
                .collect(),
        };
        attach(&mut out, &group, &claims, event_of, &conflict);
    }

    out.extend(story_date_conflicts(mentions, ctx, events, event_of));
    out
}

fn attach(
    out: &mut Vec<(usize, Conflict)>,
    group: &[usize],
    items: &[Item],
    event_of: &HashMap<&str, usize>,
    conflict: &Conflict,
) {
    let mut evs: Vec<usize> = group
        .iter()
        .filter_map(|&i| event_of.get(items[i].mention.id.as_str()).copied())
        .collect();
    evs.sort_unstable();
    evs.dedup();
    out.extend(evs.into_iter().map(|e| (e, conflict.clone())));
}

fn shares_actor(a: &EventMention, b: &EventMention) -> bool {
    a.actors
        .iter()
        .any(|x| b.actors.iter().any(|y| x.name == y.name))
}

fn time_label(t: &TimeValue) -> String {
    match (&t.value, &t.raw) {
        (Some(v), Some(r)) => format!("{v} (\u{201c}{}\u{201d})", r.trim()),
        (Some(v), None) => v.clone(),
        (None, Some(r)) => r.clone(),
        (None, None) => "unknown".into(),
    }
}

/// Dates a mention's sentence (or claim) states besides the happening's own date: "the mission
/// will end in September 2026" in a sentence about an interview earlier in July.
fn claimed_times(m: &EventMention) -> Vec<Item<'_>> {
    let text = m.claim.as_deref().unwrap_or(&m.evidence.sentence);
    let own_raw = m.date.raw.as_deref().map(|r| r.trim().to_lowercase());
    scan(text)
        .into_iter()
        .filter(|f| own_raw.as_deref() != Some(f.text.trim().to_lowercase().as_str()))
        .filter_map(|f| {
            let tv = resolve_mention(&f.text, None, Tense::Future);
            tv.bounds()?;
            if tv.value.is_some() && tv.value == m.date.value {
                return None;
            }
            let before = text.get(..f.start)?;
            let tokens: Vec<&str> = before.split_whitespace().collect();
            let window = tokens[tokens.len().saturating_sub(KEY_WINDOW)..].join(" ");
            let key = content_words(&window);
            (key.len() >= 2).then_some(Item {
                mention: m,
                key,
                time: Some(tv),
                negative: false,
            })
        })
        .collect()
}

/// Connected groups (of two or more) of items under `linked`, compared only within shared-word
/// buckets so the cost stays near-linear.
fn components(items: &[Item], linked: impl Fn(&Item, &Item) -> bool) -> Vec<Vec<usize>> {
    let mut buckets: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        for w in &it.key {
            buckets.entry(w.as_str()).or_default().push(i);
        }
    }
    let mut uf = UnionFind::new(items.len());
    let mut keys: Vec<&&str> = buckets.keys().collect();
    keys.sort();
    for k in keys {
        let members = &buckets[*k];
        if members.len() > WORD_BUCKET_CAP {
            continue;
        }
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                if uf.find(a) != uf.find(b) && linked(&items[a], &items[b]) {
                    uf.union(a, b);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..items.len() {
        groups.entry(uf.find(i)).or_default().push(i);
    }
    groups.into_values().filter(|g| g.len() > 1).collect()
}

/// Two events of one story with the same type, source and target but dates that cannot meet, where
/// no article reports both: the story's sources disagree on when it happened.
fn story_date_conflicts(
    mentions: &[EventMention],
    ctx: &Context,
    events: &[Event],
    event_of: &HashMap<&str, usize>,
) -> Vec<(usize, Conflict)> {
    let mut by_story: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    let mut articles_of: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); events.len()];
    for m in mentions {
        if let Some(&e) = event_of.get(m.id.as_str()) {
            by_story.entry(ctx.story(m)).or_default().insert(e);
            articles_of[e].insert(m.article.as_str());
        }
    }
    let by_id: HashMap<&str, &EventMention> = mentions.iter().map(|m| (m.id.as_str(), m)).collect();
    let side = |e: &Event, s: Side| -> BTreeSet<String> {
        e.actors
            .iter()
            .filter(|a| a.side == s)
            .map(|a| a.name.clone())
            .collect()
    };
    let bounds: Vec<Option<(Date, Date)>> = events.iter().map(|e| e.date.bounds()).collect();
    let roles: Vec<[BTreeSet<String>; 2]> = events
        .iter()
        .map(|e| [side(e, Side::Source), side(e, Side::Target)])
        .collect();
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for evs in by_story.values() {
        let evs: Vec<usize> = evs.iter().copied().collect();
        if evs.len() > 200 {
            continue;
        }
        for (x, &a) in evs.iter().enumerate() {
            for &b in &evs[x + 1..] {
                let (ea, eb) = (&events[a], &events[b]);
                let same_roles = |k: usize| {
                    let (sa, sb) = (&roles[a][k], &roles[b][k]);
                    !sa.is_empty() && sa.intersection(sb).next().is_some()
                };
                if ea.event_type != eb.event_type
                    || !same_roles(0)
                    || !same_roles(1)
                    || !matches!((bounds[a], bounds[b]), (Some((a1, b1)), Some((a2, b2))) if b1 < a2 || b2 < a1)
                    || articles_of[a]
                        .intersection(&articles_of[b])
                        .next()
                        .is_some()
                    || !seen.insert((a, b))
                {
                    continue;
                }
                let value = |e: &Event| {
                    let ms: Vec<&EventMention> = e
                        .mentions
                        .iter()
                        .filter_map(|id| by_id.get(id.as_str()).copied())
                        .collect();
                    conflict_value(time_label(&e.date), &ms, ctx)
                };
                let mut values = vec![value(ea), value(eb)];
                values.sort_by(|p, q| p.value.cmp(&q.value));
                let conflict = Conflict {
                    field: "date".into(),
                    values,
                };
                out.push((a, conflict.clone()));
                out.push((b, conflict));
            }
        }
    }
    out
}
