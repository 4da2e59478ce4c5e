//! Event coding scored on the PLOVER gold standard records (`benchmarks/plover`).
//!
//! Each record is one or two news sentences coded by the PLOVER authors. The sentence goes through
//! the whole pipeline as a capture of its own (capture → the linked adapters → `Extractor::mentions`),
//! so a figure here moves with a change anywhere on the way, not only in the lexicon.
//!
//! Kept in the library, apart from the binary's speed measurements, so that the regression test
//! (`tests/plover_dev.rs`) computes exactly the figures `cargo xtask eval-events` prints, and stays
//! fast in a debug build.

use dateline_core::event::{EventMention, EventType, Side};
use dateline_core::{Capture, Media, Sidecar};
use dateline_events::Extractor;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The development half of the records, relative to the workspace root.
pub const PLOVER_DEV: &str = "benchmarks/plover/gold-standard-records-dev.json";

/// PLOVER's international non-state "country" codes (manual, section "Country names"): a gold actor
/// with one of these has no country to find.
pub const NON_STATE: [&str; 7] = ["IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"];

/// Codes in the records that are CAMEO's spelling, not ISO 3166-1 alpha-3 (what `ActorRef::country`
/// holds). Every other country code in the records is already ISO.
pub const CAMEO_TO_ISO: [(&str, &str); 3] = [("ITL", "ITA"), ("JAP", "JPN"), ("VTN", "VNM")];

#[derive(Debug, thiserror::Error)]
pub enum EventsEvalError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not JSON: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{path}: {reason}")]
    Format { path: PathBuf, reason: String },
}

/// One gold actor: the words of the sentence and their CAMEO-style code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldActor {
    pub text: String,
    pub code: String,
}

/// One gold standard record, with what the metric needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    /// `YYYY-MM-DD`: the capture is dated noon UTC that day, so relative dates resolve.
    pub date: String,
    pub text: String,
    /// The type as the record names it (PLOVER 0.5b1).
    pub event: String,
    /// The same type in PLOVER 2021 names, as dateline codes it; `None` for a name neither knows.
    pub gold: Option<EventType>,
    pub source: Vec<GoldActor>,
    pub target: Vec<GoldActor>,
}

impl Record {
    /// ISO codes of the gold source's countries, non-state codes left out.
    pub fn source_countries(&self) -> Vec<String> {
        countries(&self.source)
    }
}

/// The PLOVER 2021 type for a 0.5b1 name (the names the records use).
pub fn plover_2021(name: &str) -> Option<EventType> {
    match name {
        "DEMAND" => Some(EventType::Request),
        "DISAPPROVE" | "INVESTIGATE" => Some(EventType::Accuse),
        "FIGHT" => Some(EventType::Assault),
        other => other.parse().ok(),
    }
}

/// ISO 3166-1 alpha-3 codes of the actors that are countries, sorted and deduplicated.
pub fn countries(actors: &[GoldActor]) -> Vec<String> {
    let mut out: Vec<String> = actors.iter().filter_map(|a| iso_country(&a.code)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The ISO code for a record's country code; `None` for non-state codes and anything that is not three
/// capital letters.
fn iso_country(code: &str) -> Option<String> {
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) || NON_STATE.contains(&code)
    {
        return None;
    }
    let iso = CAMEO_TO_ISO
        .iter()
        .find(|(cameo, _)| *cameo == code)
        .map_or(code, |(_, iso)| iso);
    Some(iso.to_owned())
}

/// Every record of a gold standard file, in file order.
pub fn load_records(path: &Path) -> Result<Vec<Record>, EventsEvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EventsEvalError::Io {
        path: path.into(),
        source,
    })?;
    let json: Value = serde_json::from_str(&text).map_err(|source| EventsEvalError::Json {
        path: path.into(),
        source,
    })?;
    let format = |reason: String| EventsEvalError::Format {
        path: path.into(),
        reason,
    };
    let records = json["records"]
        .as_array()
        .ok_or_else(|| format("no `records` list".into()))?;
    let mut out = Vec::with_capacity(records.len());
    for (i, r) in records.iter().enumerate() {
        let field = |name: &str| {
            r[name]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| format(format!("record {i}: no string `{name}`")))
        };
        let event = field("event")?;
        out.push(Record {
            id: field("id")?,
            date: field("date")?,
            text: field("text")?,
            gold: plover_2021(&event),
            event,
            source: actors(&r["source"]),
            target: actors(&r["target"]),
        });
    }
    Ok(out)
}

/// A record's actor list; missing, `null` and `""` (all found in the records) mean none.
fn actors(v: &Value) -> Vec<GoldActor> {
    v.as_array()
        .into_iter()
        .flatten()
        .map(|a| GoldActor {
            text: a["actorText"].as_str().unwrap_or_default().to_owned(),
            code: a["code"].as_str().unwrap_or_default().to_owned(),
        })
        .collect()
}

/// The record as a text capture: a headline line, a blank line, the sentence. The capture's name is
/// the record id.
pub fn capture(record: &Record) -> Result<Capture, dateline_core::CaptureError> {
    let text = format!("Report\n\n{}\n", record.text);
    let sidecar = Sidecar {
        captured_at: Some(format!("{}T12:00:00Z", record.date)),
        ..Default::default()
    };
    Capture::from_bytes(Path::new(&record.id), text.as_bytes(), Media::Text, sidecar)
}

/// What the pipeline made of one record.
#[derive(Debug, Clone)]
pub struct Coded<'a> {
    pub record: &'a Record,
    pub mentions: Vec<EventMention>,
    /// Why the capture or its extraction failed: the record then counts as not coded.
    pub error: Option<String>,
}

/// Runs every record through capture → extraction (the adapters linked into the calling binary) →
/// `Extractor::mentions`.
pub fn code_records<'a>(x: &Extractor, records: &'a [Record]) -> Vec<Coded<'a>> {
    records
        .iter()
        .map(|record| {
            let extracted = capture(record)
                .map_err(|e| e.to_string())
                .and_then(|c| dateline_core::extract(&c).map_err(|e| e.to_string()));
            match extracted {
                Ok(ex) => Coded {
                    record,
                    mentions: ex.articles.iter().flat_map(|a| x.mentions(a)).collect(),
                    error: None,
                },
                Err(e) => Coded {
                    record,
                    mentions: Vec::new(),
                    error: Some(e),
                },
            }
        })
        .collect()
}

/// One record's result, over the mentions a filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// At least one mention.
    pub coded: bool,
    pub type_found: bool,
    pub mentions: usize,
    pub mentions_of_type: usize,
    /// `None` when the gold source names no country.
    pub source_country_found: Option<bool>,
}

impl Outcome {
    /// The record is worth a look: its type or its source country was not found.
    pub fn misses(&self) -> bool {
        !self.type_found || self.source_country_found == Some(false)
    }
}

pub fn outcome(coded: &Coded<'_>, keep: &dyn Fn(&EventMention) -> bool) -> Outcome {
    let kept: Vec<&EventMention> = coded.mentions.iter().filter(|m| keep(m)).collect();
    let gold = coded.record.gold;
    let of_type = kept.iter().filter(|m| Some(m.event_type) == gold).count();
    let countries = coded.record.source_countries();
    let source_country_found = (!countries.is_empty()).then(|| {
        kept.iter().any(|m| {
            m.actors.iter().any(|a| {
                a.side == Side::Source
                    && a.country
                        .as_deref()
                        .is_some_and(|c| countries.iter().any(|g| g == c))
            })
        })
    });
    Outcome {
        coded: !kept.is_empty(),
        type_found: of_type > 0,
        mentions: kept.len(),
        mentions_of_type: of_type,
        source_country_found,
    }
}

/// Counts for one gold type (the record's 0.5b1 name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypeRow {
    pub records: usize,
    pub coded: usize,
    pub type_found: usize,
}

/// The PLOVER dev figures. Shares are over records, except `type_precision` (over mentions).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PloverScore {
    pub records: usize,
    pub coded: usize,
    pub type_found: usize,
    pub mentions: usize,
    pub mentions_of_type: usize,
    /// Records whose gold source names at least one country.
    pub with_source_country: usize,
    pub source_country_found: usize,
    pub by_type: BTreeMap<String, TypeRow>,
}

fn share(n: usize, of: usize) -> f64 {
    if of == 0 { 0.0 } else { n as f64 / of as f64 }
}

/// One line: `coded a/b = x; type found …; type precision …; source country …`.
impl std::fmt::Display for PloverScore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "coded {}/{} = {:.3}   type found {}/{} = {:.3}   type precision {}/{} = {:.3}   \
             source country {}/{} = {:.3}",
            self.coded,
            self.records,
            self.coded_share(),
            self.type_found,
            self.records,
            self.type_found_share(),
            self.mentions_of_type,
            self.mentions,
            self.type_precision(),
            self.source_country_found,
            self.with_source_country,
            self.source_country_share()
        )
    }
}

impl PloverScore {
    /// Share of records with at least one mention.
    pub fn coded_share(&self) -> f64 {
        share(self.coded, self.records)
    }
    /// Share of records where some mention has the gold type.
    pub fn type_found_share(&self) -> f64 {
        share(self.type_found, self.records)
    }
    /// Mentions of their record's gold type over all mentions.
    pub fn type_precision(&self) -> f64 {
        share(self.mentions_of_type, self.mentions)
    }
    /// Among records whose gold source has a country, the share where a source actor of some mention
    /// has one of those countries.
    pub fn source_country_share(&self) -> f64 {
        share(self.source_country_found, self.with_source_country)
    }
}

/// Scores the coded records over the mentions `keep` accepts (all of them, or the confident ones).
pub fn score(coded: &[Coded<'_>], keep: &dyn Fn(&EventMention) -> bool) -> PloverScore {
    let mut s = PloverScore::default();
    for c in coded {
        let o = outcome(c, keep);
        s.records += 1;
        s.coded += usize::from(o.coded);
        s.type_found += usize::from(o.type_found);
        s.mentions += o.mentions;
        s.mentions_of_type += o.mentions_of_type;
        if let Some(found) = o.source_country_found {
            s.with_source_country += 1;
            s.source_country_found += usize::from(found);
        }
        let row = s.by_type.entry(c.record.event.clone()).or_default();
        row.records += 1;
        row.coded += usize::from(o.coded);
        row.type_found += usize::from(o.type_found);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(code: &str) -> GoldActor {
        GoldActor {
            text: String::new(),
            code: code.into(),
        }
    }

    #[test]
    fn old_names_map_to_plover_2021() {
        assert_eq!(plover_2021("DEMAND"), Some(EventType::Request));
        assert_eq!(plover_2021("DISAPPROVE"), Some(EventType::Accuse));
        assert_eq!(plover_2021("INVESTIGATE"), Some(EventType::Accuse));
        assert_eq!(plover_2021("FIGHT"), Some(EventType::Assault));
        assert_eq!(plover_2021("AGREE"), Some(EventType::Agree));
        assert_eq!(plover_2021("NOPE"), None);
    }

    #[test]
    fn countries_drop_non_state_codes_and_use_iso() {
        let a = [
            actor("IGO"),
            actor("JAP"),
            actor("ROU"),
            actor("ROU"),
            actor(""),
            actor("IMG"),
        ];
        assert_eq!(countries(&a), ["JPN", "ROU"]);
    }
}
