//! How sure a mention is (0–1): what its coding phrase is worth, raised by a named source, a
//! target and a date of its own, lowered when nobody is named as acting or nothing dates it.

use crate::triggers::Trigger;
use crate::{Draft, STRONG_PATTERN_PRIORITY, VERB_PATTERN_PRIORITY};
use dateline_core::event::{ActorRef, Side};

/// Mentions below this confidence are left out of `events`, `timeline` and `report` (but printed
/// by `extract --events`). Chosen on the dev sets for precision: see `cargo xtask eval-events`.
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.7;

/// What a mention with no date at all loses.
const UNDATED: f32 = 0.1;

/// What a clause loses when the dictionary and the hand triggers read it differently.
pub(crate) const DISPUTED: f32 = 0.15;

/// What a clause loses when a modal of possibility comes before its verb ("could attack"):
/// PLOVER's hypothetical mode, kept below the default cut.
pub(crate) const POSSIBLE: f32 = 0.25;

/// What the coding phrase alone is worth: a CAMEO verb with a matching phrase pattern is the
/// field's most specific knowledge; a hand-written trigger comes next; a verb read only by its
/// dictionary block, or a noun inside another clause, least.
pub(crate) fn phrase_confidence(t: &Trigger, priority: u32, standalone: bool) -> f32 {
    match (t.from_verb, priority >= VERB_PATTERN_PRIORITY, standalone) {
        (true, true, _) => 0.7,
        // A hand trigger ranked above the dictionary's longest patterns is as specific.
        (false, _, false) if priority >= STRONG_PATTERN_PRIORITY => 0.7,
        (true, false, _) => 0.5,
        (false, _, false) => 0.6,
        (false, _, true) => 0.45,
    }
}

/// The mention's confidence: its phrase, raised by a resolved source and target and a date of
/// its own, lowered when nobody is named as acting.
pub(crate) fn confidence(d: &Draft, actors: &[ActorRef]) -> f32 {
    let mut c = d.phrase;
    // A named source (a person, a body, a state) says who acted; a generic agent ("gunmen",
    // "troops") with no country says little more than the verb.
    let named = |a: &&ActorRef| {
        a.side == Side::Source && (a.role.is_some() || a.sector.is_none() || a.country.is_some())
    };
    let source = actors
        .iter()
        .find(named)
        .or_else(|| actors.iter().find(|a| a.side == Side::Source));
    // A source the dictionaries name says who acted as surely as a state does, country or not
    // (Amnesty International, the IAEA, Islamic State).
    let known_source = (d.actors.iter()).any(|(who, side, ..)| {
        *side == Side::Source && matches!(who, crate::actors::Who::Known(_))
    });
    c += match source {
        Some(_) if known_source => 0.15,
        Some(a) if a.country.is_some() || a.organisation.is_some() => 0.15,
        Some(a) if a.sector.is_some() && a.role.is_none() => 0.0,
        Some(_) => 0.1,
        // A material happening with its toll counted ("three soldiers were killed") is reported
        // as done, whoever did it: news often does not know the doer (a roadside bomb), and the
        // field codes such happenings with no source.
        None if !d.counts.is_empty() && d.event_type.is_material() => 0.0,
        // So is one told of whom it struck ("ISIS was defeated in Mosul", "two bases were
        // shelled"): the passive names the sufferer and leaves the doer out.
        None if d.event_type.is_material() && actors.iter().any(|a| a.side == Side::Target) => 0.0,
        None => -0.1,
    };
    if actors.iter().any(|a| a.side == Side::Target) {
        c += 0.05;
    }
    // A report of a happening dates it; a sentence with no time of its own and nothing to
    // continue is more often background or a claim — unless told in the present perfect,
    // as news tells what just happened ("has refused", "have been killed").
    if d.own_date {
        c += 0.05;
    } else if !d.recent && d.date.as_ref().is_none_or(|v| v.value.is_none()) {
        c -= UNDATED;
    }
    if d.anaphoric {
        c -= 0.05;
    }
    // A toll counted ("12 people were killed and 30 injured") reports a happening, not a claim
    // or background, whoever carried it out.
    if !d.counts.is_empty() {
        c += 0.15;
    }
    // Two decimals: finer steps mean nothing and would show as float noise.
    (c.clamp(0.05, 0.99) * 100.0).round() / 100.0
}
