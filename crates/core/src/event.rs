//! Coded events: who did what to whom, when, where, how many — with the evidence kept.
//!
//! An [`EventMention`] is one sentence of one article reporting one happening. An [`Event`] is the
//! happening itself, merged from every mention across outlets, with disagreements kept as [`Conflict`]s.
//! Types follow PLOVER (the successor of CAMEO used by POLECAT).

use crate::time::TimeValue;
use serde::{Deserialize, Serialize};

/// The 16 PLOVER event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

/// PLOVER's four quad categories (CAMEO's quad classes, regrouped by the PLOVER manual).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuadClass {
    VerbalCooperation,
    MaterialCooperation,
    VerbalConflict,
    MaterialConflict,
}

impl EventType {
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    /// The type's quad category in the PLOVER manual (each type's "Quad category" section):
    /// verbal or material, cooperation or conflict.
    pub fn quad_class(self) -> QuadClass {
        match self {
            EventType::Agree | EventType::Consult | EventType::Support | EventType::Concede => {
                QuadClass::VerbalCooperation
            }
            EventType::Cooperate | EventType::Aid | EventType::Retreat => {
                QuadClass::MaterialCooperation
            }
            EventType::Request | EventType::Accuse | EventType::Reject | EventType::Threaten => {
                QuadClass::VerbalConflict
            }
            EventType::Protest
            | EventType::Sanction
            | EventType::Mobilize
            | EventType::Coerce
            | EventType::Assault => QuadClass::MaterialConflict,
        }
    }

    /// Something done, which saying alone cannot do (a material quad class).
    pub fn is_material(self) -> bool {
        matches!(
            self.quad_class(),
            QuadClass::MaterialCooperation | QuadClass::MaterialConflict
        )
    }

    /// Cooperation, verbal or material: refusing it is a rejection.
    pub fn is_cooperation(self) -> bool {
        matches!(
            self.quad_class(),
            QuadClass::VerbalCooperation | QuadClass::MaterialCooperation
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }
}

impl std::str::FromStr for EventType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        EventType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown PLOVER type {s:?}"))
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The actor's part in the happening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Source,
    Target,
    Participant,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRef {
    /// Canonical name from the lexicon, or the name as found for people the lexicon lacks.
    pub name: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// What part of its country the actor is: `government`, `military`, `police`, `rebels`,
    /// `opposition`, `civilians`… (the Phoenix/CAMEO sector codes, in words).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    pub side: Side,
    /// The spelling in the sentence (`Al-Sudani`, `the premier`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlacePrecision {
    City,
    Region,
    Country,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Gazetteer name (`Erbil`, `Sinjar`).
    pub name: String,
    pub admin1: Option<String>,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub precision: PlacePrecision,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub arrested: Option<u32>,
    /// `at least`, `some`, `nearly`, `about`, … as printed; `None` for an exact figure.
    pub qualifier: Option<String>,
}

impl Counts {
    pub fn is_empty(&self) -> bool {
        self.killed.is_none() && self.injured.is_none() && self.arrested.is_none()
    }
}

/// The sentence that supports a mention: `body[start..end] == sentence`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub sentence: String,
    pub start: usize,
    pub end: usize,
}

/// One article's report of one happening.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMention {
    pub id: String,
    pub capture: String,
    pub article: String,
    pub outlet: Option<String>,
    #[serde(rename = "type")]
    pub event_type: EventType,
    pub mode: Option<String>,
    pub date: TimeValue,
    pub place: Option<Place>,
    pub actors: Vec<ActorRef>,
    pub counts: Counts,
    pub evidence: Evidence,
    /// A claim the sentence makes (e.g. "no longer a threat"), kept so contradictions can be flagged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    /// How sure the coder is that this sentence reports this happening, 0–1: from how specific
    /// the phrase that coded it is, how its actors were resolved and where its date came from.
    #[serde(default = "full_confidence")]
    pub confidence: f32,
}

/// Rows stored before confidence existed were coded and kept: read them as certain. Public so a
/// store's partial view of a mention (`dateline_corpus::rows::Member`) reads them the same.
pub fn full_confidence() -> f32 {
    1.0
}

/// Two sources disagree about one field of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// `date`, `killed`, `injured`, `claim`, …
    pub field: String,
    /// Each distinct value with the mentions that give it.
    pub values: Vec<ConflictValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictValue {
    pub value: String,
    pub mentions: Vec<String>,
    pub outlets: Vec<String>,
}

/// One happening, merged across articles and outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub event_type: EventType,
    pub mode: Option<String>,
    pub date: TimeValue,
    pub place: Option<Place>,
    pub actors: Vec<ActorRef>,
    pub counts: Counts,
    /// Ids of every mention merged here.
    pub mentions: Vec<String>,
    /// Distinct outlets reporting it.
    pub sources: Vec<String>,
    pub conflicts: Vec<Conflict>,
    /// The best of its mentions' confidences, raised when several outlets report it.
    #[serde(default = "full_confidence")]
    pub confidence: f32,
}
