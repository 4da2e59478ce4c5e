//! The knowledge the extractor runs on, as it is written in `data/*.toml`.
//!
//! Kept as plain serde structs so the files stay the single source of truth: the matchers in
//! [`crate::actors`], [`crate::places`] and [`crate::triggers`] are built from these at load time.

use crate::LexiconError;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

pub const DEFAULT_ACTORS: &str = include_str!("../../../data/actors.toml");
pub const DEFAULT_EVENTS: &str = include_str!("../../../data/events.toml");
pub const DEFAULT_PLACES: &str = include_str!("../../../data/places.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorsFile {
    #[serde(default)]
    pub actor: Vec<ActorEntry>,
    #[serde(default)]
    pub nationalities: BTreeMap<String, String>,
    #[serde(default)]
    pub titles: Titles,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Titles {
    #[serde(default)]
    pub person: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
    pub name: String,
    pub kind: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub country: Option<String>,
    pub parent: Option<String>,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub metonym_aliases: Vec<String>,
    #[serde(default)]
    pub titles: Vec<String>,
    #[serde(default)]
    pub context_aliases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventsFile {
    pub grammar: Grammar,
    #[serde(default)]
    pub trigger: Vec<TriggerEntry>,
    #[serde(default)]
    pub claim: Vec<ClaimEntry>,
}

/// A predicate that makes a sentence a claim: `pattern` is matched on the folded sentence right
/// after the claim's subject; `says` is the canonical predicate written into the claim.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimEntry {
    pub pattern: String,
    pub says: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grammar {
    pub intent_verbs: Vec<String>,
    pub negations: Vec<String>,
    pub future_markers: Vec<String>,
    pub continuation_subjects: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerEntry {
    #[serde(rename = "type")]
    pub event_type: String,
    pub mode: String,
    pub priority: u32,
    #[serde(default)]
    pub anaphoric: bool,
    #[serde(default)]
    pub standalone: bool,
    #[serde(default)]
    pub passive: bool,
    #[serde(default)]
    pub needs_actor_after: bool,
    #[serde(default)]
    pub definite_only: bool,
    pub patterns: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacesFile {
    #[serde(default)]
    pub place: Vec<PlaceEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceEntry {
    pub name: String,
    pub kind: String,
    pub country: String,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: Option<u64>,
    pub geonameid: Option<u64>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// The three lexicon files, parsed.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub actors: ActorsFile,
    pub events: EventsFile,
    pub places: PlacesFile,
}

fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, LexiconError> {
    toml::from_str(text).map_err(|e| LexiconError::Invalid {
        file: file.to_owned(),
        reason: e.to_string(),
    })
}

impl Lexicon {
    pub fn from_strs(actors: &str, events: &str, places: &str) -> Result<Lexicon, LexiconError> {
        Ok(Lexicon {
            actors: parse("actors.toml", actors)?,
            events: parse("events.toml", events)?,
            places: parse("places.toml", places)?,
        })
    }

    /// The lexicon compiled into the binary.
    pub fn bundled() -> Result<Lexicon, LexiconError> {
        Lexicon::from_strs(DEFAULT_ACTORS, DEFAULT_EVENTS, DEFAULT_PLACES)
    }

    /// Reads `actors.toml`, `events.toml` and `places.toml` from `dir` (a copy of `data/`).
    pub fn from_dir(dir: &Path) -> Result<Lexicon, LexiconError> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read_to_string(&path).map_err(|e| LexiconError::Invalid {
                file: path.display().to_string(),
                reason: e.to_string(),
            })
        };
        Lexicon::from_strs(
            &read("actors.toml")?,
            &read("events.toml")?,
            &read("places.toml")?,
        )
    }
}
