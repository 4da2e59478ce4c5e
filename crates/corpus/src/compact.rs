//! Mentions reduced to a few integers each, so a rebuild over a million of them needs tens of
//! MiB, not the gigabytes their JSON takes. Names, places, stories and outlets are numbers; the
//! sentences stay in the store and are fetched again only for the events and conflicts that
//! need them.

use crate::text::{content_words, is_negative};
use dateline_core::TimeValue;
use dateline_core::event::{EventMention, EventType, Place, Side};
use dateline_core::time::{Tense, resolve_mention, scan};
use jiff::civil::Date;
use std::collections::HashMap;

/// Strings to dense numbers (and back): equal strings, equal numbers.
#[derive(Debug, Default)]
pub struct Interner {
    ids: HashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Interner {
    pub fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(s.into());
        self.ids.insert(s.into(), id);
        id
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", |s| s)
    }
}

/// "No value" in the `u32` columns.
pub const NONE: u32 = u32::MAX;

/// Words before a claimed date that name what the date is about.
const KEY_WINDOW: usize = 8;

/// A statement inside a mention that can disagree with another source's: a claimed date ("will
/// end in September 2026") or a claim with a polarity ("no longer a threat"). It carries what the
/// conflict passes read of its mention, so it outlives the table of its event type.
pub struct Item {
    /// Its mention's row in the table it was read into.
    pub mention: u32,
    pub article: u32,
    pub handle: u64,
    /// The event its mention joined (a number in merge order), once merged.
    pub event: u32,
    /// Its mention's distinct actor names, ascending.
    pub names: Box<[u32]>,
    /// Topic words (interned), sorted.
    pub key: Box<[u32]>,
    /// The claimed time, for date items; `None` for claims.
    pub time: Option<Claimed>,
    pub negative: bool,
    /// The claim as printed (trimmed, lower case; in [`Shared::texts`]), for claims.
    pub claim: Option<u32>,
}

/// What the conflict check reads of a claimed time (strings in [`Shared::texts`]: the same dates
/// recur in thousands of sentences).
pub struct Claimed {
    /// The resolved value, else the label: equal keys are one value.
    pub key: u32,
    /// As shown in a conflict: value and the words printed.
    pub label: u32,
    pub bounds: (Date, Date),
}

impl Claimed {
    fn of(shared: &mut Shared, tv: &TimeValue) -> Option<Claimed> {
        let bounds = tv.bounds()?;
        let label = time_label(tv);
        Some(Claimed {
            key: shared.texts.id(tv.value.as_deref().unwrap_or(&label)),
            label: shared.texts.id(&label),
            bounds,
        })
    }
}

/// A time as shown in a conflict: its value and the words printed.
pub fn time_label(t: &TimeValue) -> String {
    match (&t.value, &t.raw) {
        (Some(v), Some(r)) => format!("{v} (\u{201c}{}\u{201d})", r.trim()),
        (Some(v), None) => v.clone(),
        (None, Some(r)) => r.clone(),
        (None, None) => "unknown".into(),
    }
}

/// What the tables of one rebuild share: interned names and words, so that items read with
/// different event types compare, and where each article sits once stories are known.
#[derive(Default)]
pub struct Shared {
    pub(crate) names: Interner,
    words: Interner,
    /// Claimed dates' keys and labels, and claims.
    pub(crate) texts: Interner,
    pub(crate) outlets: Interner,
    /// Per article: its story number, in the order of story ids (set once stories are known).
    pub(crate) story_of: Vec<u32>,
    /// Per article: its outlet, printed or inferred from a copy (set once stories are known).
    pub(crate) outlet_of: Vec<u32>,
}

impl Shared {
    /// Article `article`'s story number.
    pub(crate) fn story(&self, article: u32) -> u32 {
        self.story_of.get(article as usize).copied().unwrap_or(NONE)
    }

    /// Article `article`'s outlet, printed or inferred.
    pub(crate) fn outlet(&self, article: u32) -> Option<&str> {
        let o = *self.outlet_of.get(article as usize)?;
        (o != NONE).then(|| self.outlets.name(o))
    }

    fn intern(&mut self, words: &[String]) -> Box<[u32]> {
        let mut ids: Vec<u32> = words.iter().map(|w| self.words.id(w)).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into()
    }
}

/// A mention as the rewrite pass of linking reads it: article, type, date, actor names (interned
/// in the rebuild's [`Shared`]). The rebuild keeps these in the store, not in memory, and reads
/// them back by type and by article.
#[derive(Debug, Clone, PartialEq)]
pub struct Coded {
    pub article: u32,
    pub kind: EventType,
    pub bounds: Option<(Date, Date)>,
    /// Distinct, ascending.
    pub names: Vec<u32>,
}

impl Coded {
    pub fn of(shared: &mut Shared, article: u32, m: &EventMention) -> Coded {
        let mut names: Vec<u32> = m.actors.iter().map(|a| shared.names.id(&a.name)).collect();
        names.sort_unstable();
        names.dedup();
        Coded {
            article,
            kind: m.event_type,
            bounds: m.date.bounds(),
            names,
        }
    }

    /// True when the two can report the same happening: same type, a shared actor, dates that
    /// overlap (or both undated).
    pub(crate) fn same_happening(&self, other: &Coded) -> bool {
        self.kind == other.kind
            && self
                .names
                .iter()
                .any(|x| other.names.binary_search(x).is_ok())
            && match (self.bounds, other.bounds) {
                (Some((a1, b1)), Some((a2, b2))) => a1 <= b2 && a2 <= b1,
                (None, None) => true,
                _ => false,
            }
    }
}

/// A date as an integer that sorts like it (`yyyymmdd`), for storing a [`Coded`] row.
pub fn date_number(d: Date) -> i32 {
    i32::from(d.year()) * 10_000 + i32::from(d.month()) * 100 + i32::from(d.day())
}

/// The date of a [`date_number`]; `None` for a number no date gives.
pub fn date_from_number(n: i32) -> Option<Date> {
    let year = i16::try_from(n.div_euclid(10_000)).ok()?;
    let month = i8::try_from(n.rem_euclid(10_000) / 100).ok()?;
    let day = i8::try_from(n.rem_euclid(100)).ok()?;
    Date::new(year, month, day).ok()
}

/// Mentions column by column, in the order they were pushed (id order). Merging reads one event
/// type at a time into a table, since events never mix types.
#[derive(Default)]
pub struct MentionTable {
    places: Vec<Place>,
    place_ids: HashMap<String, u32>,
    pub(crate) kind: Vec<EventType>,
    pub(crate) article: Vec<u32>,
    /// Date precision rank (finest first); 99 when the date has no bounds.
    pub(crate) rank: Vec<u8>,
    pub(crate) bounds: Vec<Option<(Date, Date)>>,
    pub(crate) place: Vec<u32>,
    /// Offsets into `actors`: mention `i` has `actors[actor_at[i]..actor_at[i + 1]]`.
    actor_at: Vec<u32>,
    /// `name << 1 | is_source`, sorted per mention.
    actors: Vec<u32>,
    pub(crate) handle: Vec<u64>,
    pub(crate) dates: Vec<Item>,
    pub(crate) claims: Vec<Item>,
}

impl MentionTable {
    pub fn new() -> Self {
        MentionTable {
            actor_at: vec![0],
            ..MentionTable::default()
        }
    }

    pub fn len(&self) -> usize {
        self.kind.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kind.is_empty()
    }

    /// Adds a mention of article number `article`; `handle` is how the caller fetches it again.
    pub fn push(&mut self, shared: &mut Shared, article: u32, handle: u64, m: &EventMention) {
        let index = self.len() as u32;
        let b = m.date.bounds();
        self.kind.push(m.event_type);
        self.article.push(article);
        self.rank
            .push(b.and(m.date.precision).map_or(99, |p| p as u8));
        self.bounds.push(b);
        let start = self.actors.len();
        for a in &m.actors {
            let id = shared.names.id(&a.name);
            self.actors
                .push(id << 1 | u32::from(a.side == Side::Source));
        }
        self.actors[start..].sort_unstable();
        self.actor_at.push(self.actors.len() as u32);
        let place = match &m.place {
            Some(p) => {
                let key = format!(
                    "{}\u{0}{:?}\u{0}{:?}\u{0}{:?}",
                    p.name, p.admin1, p.country, p.precision
                );
                let next = self.places.len() as u32;
                let id = *self.place_ids.entry(key).or_insert(next);
                if id == next {
                    self.places.push(p.clone());
                }
                id
            }
            None => NONE,
        };
        self.place.push(place);
        self.handle.push(handle);
        let item = |key: Box<[u32]>| Item {
            mention: index,
            article,
            handle,
            event: NONE,
            names: self.names_of(index as usize).collect(),
            key,
            time: None,
            negative: false,
            claim: None,
        };
        let mut dates = Vec::new();
        for (key, tv) in claimed_times(m) {
            if let Some(time) = Claimed::of(shared, &tv) {
                dates.push(Item {
                    time: Some(time),
                    ..item(shared.intern(&key))
                });
            }
        }
        let mut claims = Vec::new();
        if let Some(c) = m.claim.as_deref() {
            let key = content_words(c);
            if !key.is_empty() {
                claims.push(Item {
                    negative: is_negative(c),
                    claim: Some(shared.texts.id(&c.trim().to_lowercase())),
                    ..item(shared.intern(&key))
                });
            }
        }
        self.dates.extend(dates);
        self.claims.extend(claims);
    }

    /// Frees the slack of growing: the table is complete.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.kind.shrink_to_fit();
        self.article.shrink_to_fit();
        self.rank.shrink_to_fit();
        self.bounds.shrink_to_fit();
        self.place.shrink_to_fit();
        self.actor_at.shrink_to_fit();
        self.actors.shrink_to_fit();
        self.handle.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.claims.shrink_to_fit();
    }

    /// Mention `i`'s actors as `(name, is_source)`, sorted by name; a name may repeat with
    /// another side.
    pub(crate) fn actors(&self, i: usize) -> impl Iterator<Item = (u32, bool)> + '_ {
        let (a, b) = (self.actor_at[i] as usize, self.actor_at[i + 1] as usize);
        self.actors[a..b].iter().map(|&x| (x >> 1, x & 1 == 1))
    }

    /// Mention `i`'s distinct actor names, ascending.
    pub(crate) fn names_of(&self, i: usize) -> impl Iterator<Item = u32> + '_ {
        let mut last = NONE;
        self.actors(i).filter_map(move |(n, _)| {
            let new = n != last;
            last = n;
            new.then_some(n)
        })
    }

    pub(crate) fn place(&self, i: usize) -> Option<&Place> {
        self.places.get(self.place[i] as usize)
    }

    pub(crate) fn place_by_id(&self, id: u32) -> Option<&Place> {
        self.places.get(id as usize)
    }
}

/// Dates a mention's sentence (or claim) states besides the happening's own date ("the mission
/// will end in September 2026" in a sentence about an interview earlier in July), each with the
/// topic words before it.
fn claimed_times(m: &EventMention) -> Vec<(Vec<String>, TimeValue)> {
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
            (key.len() >= 2).then_some((key, tv))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_numbers_sort_like_dates_and_read_back() {
        let dates = [
            jiff::civil::date(-3, 12, 31),
            jiff::civil::date(1999, 1, 1),
            jiff::civil::date(2025, 7, 21),
            jiff::civil::date(2025, 12, 31),
            jiff::civil::date(2026, 1, 1),
        ];
        for w in dates.windows(2) {
            assert!(date_number(w[0]) < date_number(w[1]), "{w:?}");
        }
        for d in dates {
            assert_eq!(date_from_number(date_number(d)), Some(d));
        }
        assert_eq!(date_number(dates[2]), 20_250_721);
        assert_eq!(date_from_number(20_251_341), None, "no 13th month");
    }
}
