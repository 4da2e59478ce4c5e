//! Mentions reduced to a few integers each ([`Coded`] rows), so a rebuild over a million of them
//! keeps them in a scratch table and reads them back in the order it needs, instead of holding
//! gigabytes of JSON. Names, places, stories and outlets are numbers ([`Shared`]); sentences stay
//! in the store and are fetched again only for the events and conflicts that need them.

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

    /// The number of `s`, if it has one.
    pub fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
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
/// end in September 2026") or a claim with a polarity ("no longer a threat"), with what the
/// conflict passes read of its mention. The rebuild keeps them in the corpus, like [`Coded`] rows,
/// and reads them back by key word and by connected group.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Its number, in the order kept (dense from 0 across both kinds).
    pub id: u32,
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

/// What the story-date conflict pass reads of a written event. The rebuild keeps these in the
/// corpus, read back by event number and by story, not in memory.
#[derive(Debug, Clone, PartialEq)]
pub struct EventSummary {
    /// Its number, in the order merging opened it.
    pub number: u32,
    pub id: String,
    pub kind: EventType,
    pub bounds: Option<(Date, Date)>,
    /// Names (in [`Shared`]'s numbering) on the source side and on the target side, ascending.
    pub sources: Box<[u32]>,
    pub targets: Box<[u32]>,
    /// Story numbers of its mentions, ascending.
    pub stories: Box<[u32]>,
}

/// The two kinds of [`Item`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statement {
    /// A claimed date: [`Item::time`] is set.
    Date,
    /// A claim with a polarity: [`Item::claim`] is set.
    Claim,
}

impl Item {
    pub fn kind(&self) -> Statement {
        if self.time.is_some() {
            Statement::Date
        } else {
            Statement::Claim
        }
    }
}

/// What the conflict check reads of a claimed time (strings in [`Shared::texts`]: the same dates
/// recur in thousands of sentences).
#[derive(Debug, Clone, PartialEq)]
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

/// What one rebuild interns (names, words, texts, outlets, places) and where each article sits
/// once stories are known.
#[derive(Default)]
pub struct Shared {
    pub(crate) names: Interner,
    words: Interner,
    places: Vec<Place>,
    place_ids: HashMap<String, u32>,
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

    /// The number of a place (equal name, region, country and precision: equal number).
    fn place_id(&mut self, p: &Place) -> u32 {
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

    pub(crate) fn place(&self, id: u32) -> Option<&Place> {
        self.places.get(id as usize)
    }

    /// Appends the conflict statements of mention `m` (coded as `coded`) to `out`, numbered
    /// from `next`: the dates its sentence claims for something (with the topic words before
    /// them), then its claim, if any.
    pub(crate) fn statements(
        &mut self,
        coded: &Coded,
        m: &EventMention,
        next: u32,
        out: &mut Vec<Item>,
    ) {
        let item = |id: u32, key: Box<[u32]>| Item {
            id,
            article: coded.article,
            handle: coded.handle,
            event: NONE,
            names: coded.names().collect(),
            key,
            time: None,
            negative: false,
            claim: None,
        };
        let first = out.len();
        let id = |out: &Vec<Item>| next + (out.len() - first) as u32;
        for (key, tv) in claimed_times(m) {
            if let Some(time) = Claimed::of(self, &tv) {
                out.push(Item {
                    time: Some(time),
                    ..item(id(out), self.intern(&key))
                });
            }
        }
        if let Some(c) = m.claim.as_deref() {
            let key = content_words(c);
            if !key.is_empty() {
                out.push(Item {
                    negative: is_negative(c),
                    claim: Some(self.texts.id(&c.trim().to_lowercase())),
                    ..item(id(out), self.intern(&key))
                });
            }
        }
    }
}

/// A mention as merging and linking read it: integers only. The rebuild keeps these in the
/// store's scratch table, not in memory, and reads them back by type, by article, and in merge
/// order.
#[derive(Debug, Clone, PartialEq)]
pub struct Coded {
    pub article: u32,
    /// How to fetch the mention itself.
    pub handle: u64,
    pub kind: EventType,
    /// Date precision rank (finest first); 99 when the date has no bounds.
    pub rank: u8,
    pub bounds: Option<(Date, Date)>,
    /// A [`Shared`] place number, or [`NONE`].
    pub place: u32,
    /// `name << 1 | is_source`, ascending (a name may repeat with the other side).
    pub actors: Vec<u32>,
}

impl Coded {
    pub fn of(shared: &mut Shared, article: u32, handle: u64, m: &EventMention) -> Coded {
        let bounds = m.date.bounds();
        let mut actors: Vec<u32> = m
            .actors
            .iter()
            .map(|a| shared.names.id(&a.name) << 1 | u32::from(a.side == Side::Source))
            .collect();
        actors.sort_unstable();
        Coded {
            article,
            handle,
            kind: m.event_type,
            rank: bounds.and(m.date.precision).map_or(99, |p| p as u8),
            bounds,
            place: m.place.as_ref().map_or(NONE, |p| shared.place_id(p)),
            actors,
        }
    }

    /// Actors as `(name, is_source)`, by name.
    pub(crate) fn actors(&self) -> impl Iterator<Item = (u32, bool)> + '_ {
        self.actors.iter().map(|&x| (x >> 1, x & 1 == 1))
    }

    /// Distinct actor names, ascending.
    pub(crate) fn names(&self) -> impl Iterator<Item = u32> + '_ {
        let mut last = NONE;
        self.actors().filter_map(move |(n, _)| {
            let new = n != last;
            last = n;
            new.then_some(n)
        })
    }

    fn has_name(&self, name: u32) -> bool {
        let at = self.actors.partition_point(|&x| x < name << 1);
        self.actors.get(at).is_some_and(|&x| x >> 1 == name)
    }

    /// True when the two can report the same happening: same type, a shared actor, dates that
    /// overlap (or both undated).
    pub(crate) fn same_happening(&self, other: &Coded) -> bool {
        self.kind == other.kind
            && self.names().any(|x| other.has_name(x))
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
