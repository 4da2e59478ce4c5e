//! The Phoenix actor dictionaries (`data/lexicon/actors.toml`) read as lexicon actors, behind the
//! hand-written `data/actors.toml`.
//!
//! The hand file comes first and wins: it holds the region's actors and the office holders since
//! the dictionaries were written (2016). A Phoenix entry whose name the hand file already knows
//! lends it only the spellings it lacks. Country entries (a bare country code) list the country's
//! names, adjectives and cities: all of them stand for the state only where they are not a place
//! ("Iraq said", not "in Iraq"), as metonyms. People and groups keep their dated codes, so an
//! office holder is read as of the event.

use crate::fold;
use crate::lexicon::{ActorEntry, DatedCode, SectorsFile};
use crate::phrases::{FastMap, FastSet};
use dateline_lexicon::{Actor as FieldActor, ActorsFile as FieldActors, Code, display_name};
use std::collections::{BTreeMap, HashMap};

/// The sector word of a code's three-letter role, when the codebook has one.
fn sector(sectors: &SectorsFile, code: &Code) -> Option<String> {
    code.sector
        .as_deref()
        .and_then(|s| sectors.sector.get(s))
        .cloned()
}

/// The country most of an entry's codes name (the first on a tie).
fn main_country(codes: &[Code]) -> Option<String> {
    let mut n: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (i, c) in codes.iter().enumerate() {
        if let Some(k) = c.country.as_deref() {
            let e = n.entry(k).or_insert((0, i));
            e.0 += 1;
        }
    }
    n.into_iter()
        .max_by_key(|(_, (count, first))| (*count, std::cmp::Reverse(*first)))
        .map(|(k, _)| k.to_owned())
}

/// The key two spellings are compared on: folded, without a leading "the" ("The United
/// Nations" is the hand file's "United Nations").
fn compared(s: &str) -> String {
    let k = fold::fold_key(s);
    match k.strip_prefix("the ") {
        Some(rest) => rest.to_owned(),
        None => k,
    }
}

/// Each country's name by ISO code, from the dictionaries' country entries.
pub fn country_names(field: &FieldActors) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for f in &field.actor {
        if f.source != "countries" {
            continue;
        }
        for c in &f.codes {
            if let (Some(k), None) = (&c.country, &c.sector)
                && c.code.len() == 3
            {
                out.entry(k.clone()).or_insert_with(|| f.name.clone());
            }
        }
    }
    out
}

/// The spellings the merged list already gives an actor (compared folded, see [`compared`]) and
/// the canonical names it already holds.
struct Known {
    by_key: FastMap<String, usize>,
    /// The hand file's own spellings: an entry sharing one is that actor. Spellings lent to it
    /// do not count, or one shared alias would chain two actors into one (Phoenix lists "al-Qaeda
    /// in Iraq" under both the Islamic State and al-Qaeda, which then became the Islamic State).
    hand_by_key: FastMap<String, usize>,
    names: FastSet<String>,
}

impl Known {
    fn of_hand(hand: &[ActorEntry]) -> Known {
        let mut by_key: FastMap<String, usize> = FastMap::default();
        let mut names: FastSet<String> = FastSet::default();
        for (i, a) in hand.iter().enumerate() {
            names.insert(a.name.clone());
            for s in std::iter::once(&a.name)
                .chain(&a.aliases)
                .chain(&a.metonym_aliases)
            {
                by_key.entry(compared(s)).or_insert(i);
            }
        }
        Known {
            hand_by_key: by_key.clone(),
            by_key,
            names,
        }
    }

    /// The actor a Phoenix entry's spellings already name: its first spelling anyone's, any
    /// spelling the hand file gives.
    fn actor_of(&self, keys: &[String]) -> Option<usize> {
        let first = keys.first()?;
        self.by_key
            .get(first)
            .or_else(|| keys.iter().find_map(|k| self.hand_by_key.get(k)))
            .copied()
    }

    /// The entry's name, or with its first code when another actor has it; `None` when both are
    /// taken.
    fn unique_name(&mut self, f: &FieldActor) -> Option<String> {
        let name = f.name.clone();
        if self.names.insert(name.clone()) {
            return Some(name);
        }
        let name = format!("{} ({})", f.name, f.codes.first().map_or("", |c| &c.code));
        self.names.insert(name.clone()).then_some(name)
    }
}

/// A country entry of the dictionaries: a bare country code.
fn is_country_entry(f: &FieldActor) -> bool {
    f.source == "countries"
        && f.codes
            .iter()
            .any(|c| c.code.len() == 3 && c.sector.is_none())
}

/// `hand` followed by the Phoenix actors it does not already hold.
/// `places` are the gazetteer's folded names: a city the dictionaries list under its country
/// ("Mosul", "Hasakah") is a place in a sentence, which the gazetteer finds, not the state.
pub fn merge(
    hand: &[ActorEntry],
    field: &FieldActors,
    sectors: &SectorsFile,
    places: &FastSet<String>,
) -> Vec<ActorEntry> {
    let mut out: Vec<ActorEntry> = hand.to_vec();
    let mut known = Known::of_hand(hand);
    for f in &field.actor {
        let keys: Vec<String> = std::iter::once(&f.name)
            .chain(&f.aliases)
            .map(|s| compared(s))
            .filter(|k| !k.is_empty())
            .collect();
        let Some(first) = keys.first() else { continue };
        let is_country = is_country_entry(f);
        // A name the lexicon already knows ("United States of America" beside the hand entry's
        // "United States"): the same actor, lend it the spellings it lacks.
        // Not one of another country, though a spelling be shared (the hand file's "SANA",
        // Syria's news agency, is the Phoenix Yemen entry's "Sana", its capital).
        let other_country = |i: usize| {
            (hand.get(i).and_then(|h| h.country.as_deref()))
                .zip(main_country(&f.codes))
                .is_some_and(|(a, b)| a != b)
        };
        if let Some(i) = known.actor_of(&keys).filter(|&i| !other_country(i)) {
            if i < hand.len() {
                lend_spellings(&mut out[i], i, f, is_country, places, &mut known.by_key);
            }
            continue;
        }
        let Some(name) = known.unique_name(f) else {
            continue;
        };
        // Later entries are matched against the hand file by any spelling, against each other
        // by their first: only that one is remembered.
        known.by_key.entry(first.clone()).or_insert(out.len());
        out.push(field_entry(f, name, is_country, sectors, places));
    }
    out
}

/// Gives hand entry `i` the spellings of `f` that no actor has yet.
fn lend_spellings(
    entry: &mut ActorEntry,
    i: usize,
    f: &FieldActor,
    is_country: bool,
    places: &FastSet<String>,
    by_key: &mut FastMap<String, usize>,
) {
    let extra: Vec<String> = f
        .aliases
        .iter()
        .filter(|s| !by_key.contains_key(&compared(s)))
        .filter(|s| !(is_country && places.contains(&fold::fold_key(s))))
        .cloned()
        .collect();
    // Written as the names they are (stored in lower case), so that the coder requires their
    // capital where they are printed ("the poles" is no people): see `AliasInfo::capital`.
    let extra: Vec<String> = extra.iter().map(|s| display_name(s)).collect();
    for s in &extra {
        by_key.insert(compared(s), i);
    }
    if is_country {
        entry.metonym_aliases.extend(extra);
    } else {
        entry.aliases.extend(extra);
    }
}

/// A Phoenix entry as a lexicon actor named `name`. A country's names are all metonyms; people
/// and groups keep their dated codes.
fn field_entry(
    f: &FieldActor,
    name: String,
    is_country: bool,
    sectors: &SectorsFile,
    places: &FastSet<String>,
) -> ActorEntry {
    let dated = f.codes.iter().any(|c| c.from.is_some() || c.to.is_some());
    let codes: Vec<DatedCode> = if dated {
        f.codes
            .iter()
            .map(|c| DatedCode {
                country: c.country.clone(),
                sector: sector(sectors, c),
                from: c.from.clone(),
                to: c.to.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let aliases: Vec<String> = f
        .aliases
        .iter()
        .filter(|s| **s != f.name)
        .filter(|s| !(is_country && places.contains(&fold::fold_key(s))))
        // As names, with their capitals (see `lend_spellings`).
        .map(|s| display_name(s))
        .collect();
    let (aliases, metonym_aliases) = if is_country {
        let mut m = vec![f.name.clone()];
        m.extend(aliases);
        (Vec::new(), m)
    } else {
        (aliases, Vec::new())
    };
    ActorEntry {
        name,
        kind: if is_country {
            "country".into()
        } else {
            match f.source.as_str() {
                "international" => "organisation".into(),
                "milnonstate" => "group".into(),
                _ => "listed".into(),
            }
        },
        role: None,
        organisation: None,
        country: main_country(&f.codes),
        parent: None,
        valid_from: None,
        valid_to: None,
        aliases,
        metonym_aliases,
        titles: Vec::new(),
        context_aliases: Vec::new(),
        source: None,
        sector: if dated {
            None
        } else {
            f.codes.first().and_then(|c| sector(sectors, c))
        },
        codes,
    }
}
