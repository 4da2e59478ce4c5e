//! Drafts become mentions: those nobody took part in dropped, one per (sentence, happening), each
//! actor read as of the mention's date, an undated one bounded by publication, and a confidence.

use crate::actors::Who;
use crate::confidence::confidence;
use crate::{Draft, Extractor};
use dateline_core::Article;
use dateline_core::event::{ActorRef, EventMention, EventType, Evidence, Side};
use dateline_core::time::TimeValue;

impl Extractor {
    /// `drafts` of `body` (the article's body from byte `offset`) as mentions; evidence offsets
    /// stay relative to `body`, ids count from the whole body.
    pub(crate) fn finish(
        &self,
        article: &Article,
        body: &str,
        offset: usize,
        drafts: Vec<Draft>,
    ) -> Vec<EventMention> {
        let mut out: Vec<EventMention> = Vec::new();
        let mut per_sentence: std::collections::HashMap<usize, usize> = Default::default();
        let country = |who: &Who| self.actors.country_of(who).map(str::to_owned);
        for d in merge_same_sentence(drafts, &country) {
            let n = per_sentence.entry(d.sentence).or_insert(0);
            *n += 1;
            out.push(self.mention(article, body, offset, d, *n));
        }
        out
    }

    /// A mention with no target takes whom it struck as printed, else for an attack by someone
    /// named its place's state.
    fn fill_target(&self, d: &Draft, here: Option<&str>, actors: &mut Vec<ActorRef>) {
        // Whom it struck as printed, when nothing names a target: of the country where it
        // happened, as people named by what they are.
        if let Some((_, _, name)) = d.struck.as_ref()
            && !actors.iter().any(|a| a.side == Side::Target)
        {
            actors.push(target(name, here, Some(name)));
        }
        // An attack by someone named that names nobody it struck struck the place: the field's
        // country dictionaries list a country's towns as the country ("Russian jets shelled
        // villages near Idlib" is coded with a Syrian target). Where nobody is named doing it
        // ("ISIS was defeated in Iraq"), the place says nothing of who suffered.
        if let Some(place) = d.place.as_ref()
            && let Some(country) = place.country.as_deref()
            && d.event_type == EventType::Assault
            && !d.anaphoric
            && !actors.iter().any(|a| a.side == Side::Target)
            && actors
                .iter()
                .any(|a| a.side == Side::Source && a.name != UNIDENTIFIED)
        {
            actors.push(target(&place.name, Some(country), None));
        }
    }

    /// The `n`th mention of its sentence.
    fn mention(
        &self,
        article: &Article,
        body: &str,
        offset: usize,
        d: Draft,
        n: usize,
    ) -> EventMention {
        let (s, e) = d.span;
        let mut actors: Vec<ActorRef> = Vec::new();
        let day = d
            .date
            .as_ref()
            .and_then(|v| v.bounds())
            .map(|(a, _)| a)
            .or(article.anchor_date());
        let mut located = Vec::new();
        for (who, side, a_s, a_e) in self.without_states_governments(&d.actors) {
            let r = self.actor_ref(who, *side, body.get(*a_s..*a_e), day);
            if !actors.iter().any(|x| x.name == r.name) {
                located.push(r.country.is_none() && self.located_sector(who).is_some());
                actors.push(r);
            }
        }
        let confidence = confidence(&d, &actors);
        // People named by what they are ("teachers", "protesters") with no country are of the
        // country where they act ("Teachers protested in Basra"), as the field codes them. Where
        // they are says no more of who they are: the confidence is the one reckoned without it.
        let here = d.place.as_ref().and_then(|p| p.country.clone());
        let here = here.as_deref();
        for (r, _) in actors.iter_mut().zip(located).filter(|(_, l)| *l) {
            r.country = here.map(str::to_owned);
        }
        if let Some(country) = here
            && located_happening(&d)
            && !actors
                .iter()
                .any(|a| matches!(a.side, Side::Source | Side::Participant))
        {
            actors.push(self.unidentified(country));
        }
        self.fill_target(&d, here, &mut actors);
        let date = match d.date {
            Some(v) => v,
            // No time in the sentence and none to continue: all that is known is that it
            // happened before the article reported it.
            None => TimeValue {
                basis: article
                    .anchor_date()
                    .map(|p| format!("on or before publication ({p})")),
                ..TimeValue::default()
            },
        };
        EventMention {
            id: format!("{}:{}:{}", article.id, offset + s, n),
            capture: article.capture.clone(),
            article: article.id.clone(),
            outlet: article.outlet.clone(),
            event_type: d.event_type,
            mode: Some(d.mode).filter(|m| !m.is_empty()),
            date,
            place: d.place,
            actors,
            counts: d.counts,
            evidence: Evidence {
                sentence: body[s..e].to_owned(),
                start: s,
                end: e,
            },
            claim: None,
            confidence,
        }
    }

    /// `actors` but a government named beside its own state on the same side: "Iraq … at the
    /// government's request" names one actor, the state.
    fn without_states_governments<'d>(
        &self,
        actors: &'d [crate::SidedActor],
    ) -> impl Iterator<Item = &'d crate::SidedActor> {
        let states: Vec<(Side, &str)> = (actors.iter())
            .filter_map(|(who, side, ..)| match who {
                Who::Known(a) if self.actors.is_country(*a) => self.actors.actors[*a]
                    .country
                    .as_deref()
                    .map(|c| (*side, c)),
                _ => None,
            })
            .collect();
        actors.iter().filter(move |(who, side, ..)| match who {
            Who::Unknown {
                role: None,
                country: Some(c),
                sector: Some(s),
                ..
            } => Some(s) != self.government_sector.as_ref() || !states.contains(&(*side, c)),
            Who::Known(_) | Who::Unknown { .. } => true,
        })
    }

    /// PLOVER manual, sector UNK: "Generic unidentified actors (e.g. actor for 'two civilians
    /// were killed by a bomb')". An attack nobody is named doing has a doer all the same, of
    /// the country where it happened as far as anyone can tell ("A roadside bombing near
    /// Samarra killed one U.S. soldier" is coded with an Iraqi source in PLOVER's own records).
    /// It names nobody: it has no text, and takes no part in the confidence. A name the
    /// sentence gives beside the harm with no side ("in clashes between X and Y") may be the
    /// doer: then there is none to add.
    fn unidentified(&self, country: &str) -> ActorRef {
        ActorRef {
            name: UNIDENTIFIED.to_owned(),
            role: None,
            organisation: None,
            country: Some(country.to_owned()),
            sector: self.unidentified_sector.clone(),
            side: Side::Source,
            text: None,
        }
    }

    /// The mention's view of an actor; an actor whose code changed over time (an office holder)
    /// is read as of `day`.
    fn actor_ref(
        &self,
        who: &Who,
        side: Side,
        text: Option<&str>,
        day: Option<jiff::civil::Date>,
    ) -> ActorRef {
        match who {
            Who::Known(a) => {
                let x = &self.actors.actors[*a];
                let (country, sector) = self.actors.code_on(*a, day);
                ActorRef {
                    name: x.name.clone(),
                    role: x.role.clone(),
                    organisation: x.organisation.clone(),
                    country,
                    sector,
                    side,
                    text: text.map(str::to_owned),
                }
            }
            Who::Unknown {
                name,
                role,
                country,
                sector,
            } => ActorRef {
                name: name.clone(),
                role: role.clone(),
                organisation: None,
                country: country.clone(),
                sector: sector.clone(),
                side,
                text: text.map(str::to_owned),
            },
        }
    }
}

/// A target no dictionary names: a party as printed, or a place standing for its state.
fn target(name: &str, country: Option<&str>, text: Option<&str>) -> ActorRef {
    ActorRef {
        name: name.to_owned(),
        role: None,
        organisation: None,
        country: country.map(str::to_owned),
        sector: None,
        side: Side::Target,
        text: text.map(str::to_owned),
    }
}

/// The name of the doer of an attack nobody is named doing (see [`Extractor::unidentified`]).
pub const UNIDENTIFIED: &str = "Unidentified actor";
/// Its sector code, PLOVER's (`data/sectors.toml`).
pub(crate) const UNIDENTIFIED_SECTOR: &str = "UNK";

/// CAMEO's sector of a state's government.
pub(crate) const GOVERNMENT_SECTOR: &str = "GOV";

/// An attack or a protest the sentence places ("drones struck an oil field in Erbil", "protests
/// broke out in Tehran"): news of violence and of crowds often names nobody, and the place and
/// date are enough to merge its reports.
fn located_happening(d: &Draft) -> bool {
    matches!(d.event_type, EventType::Assault | EventType::Protest)
        && d.place.is_some()
        && !d.anaphoric
}

/// Both name who did it, each of a state, of no state in common: two happenings of one kind
/// ("Israeli strikes killed six, as Hezbollah fired rockets into Israel"), not one told twice
/// ("Turkish jets struck …, the Turkish army said" may name one doer twice, as state and army).
fn other_doers(a: &Draft, b: &Draft, country: &dyn Fn(&Who) -> Option<String>) -> bool {
    let sources = |x: &Draft| {
        (x.actors.iter())
            .filter(|s| s.1 == Side::Source)
            .map(|s| (s.0.clone(), country(&s.0)))
            .collect::<Vec<_>>()
    };
    let (sa, sb) = (sources(a), sources(b));
    // A doer of no known state may be the other's, named another way.
    let stated = |x: &[(Who, Option<String>)]| !x.is_empty() && x.iter().all(|s| s.1.is_some());
    let shared = sa
        .iter()
        .any(|(w, c)| sb.iter().any(|(v, d)| w == v || c == d));
    stated(&sa) && stated(&sb) && !shared
}

/// The drafts that make mentions: nobody acting or suffering, or a reference back with nothing
/// to refer to, makes none; two of one happening in one sentence make one.
fn merge_same_sentence(drafts: Vec<Draft>, country: &dyn Fn(&Who) -> Option<String>) -> Vec<Draft> {
    let mut kept: Vec<Draft> = Vec::new();
    for d in drafts {
        // Nobody acting or suffering: nothing to match or merge — unless people were killed,
        // injured or arrested, which is a happening whoever did it.
        if d.actors.is_empty() && d.counts.is_empty() && !located_happening(&d) {
            continue;
        }
        // A reference back with no antecedent and no date is a lead the copy lost ("were
        // injured in the clashes" after an undated storming tells more of that one).
        if d.anaphoric && !d.resolved && d.date.is_none() {
            continue;
        }
        // One mention per (sentence, happening).
        let value = |x: &Draft| x.date.as_ref().and_then(|v| v.value.clone());
        // Drafts come in sentence order: only the tail of `kept` can share the sentence.
        let mut d = d;
        // Two doers' happenings of one kind in the sentence: each keeps its own clause's figures.
        for k in kept
            .iter_mut()
            .rev()
            .take_while(|k| k.sentence == d.sentence)
        {
            if k.event_type == d.event_type && other_doers(k, &d, country) {
                k.counts = k.clause_counts.clone();
                d.counts = d.clause_counts.clone();
            }
        }
        if let Some(k) = kept
            .iter_mut()
            .rev()
            .take_while(|k| k.sentence == d.sentence)
            .find(|k| {
                k.sentence == d.sentence
                    && k.event_type == d.event_type
                    && (value(k) == value(&d) || value(k).is_none() || value(&d).is_none())
                    && !other_doers(k, &d, country)
            })
        {
            if k.date.as_ref().and_then(|v| v.value.as_ref()).is_none() {
                k.date = d.date.clone();
            }
            if k.place.is_none() {
                k.place = d.place.clone();
            }
            for a in d.actors {
                if !k.actors.iter().any(|x| x.0 == a.0) {
                    k.actors.push(a);
                }
            }
            continue;
        }
        kept.push(d);
    }
    kept
}
