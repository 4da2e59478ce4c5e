//! Generic agents ("police", "troops", "officials", "protesters") from Phoenix's agent dictionary
//! (`data/lexicon/agents.toml`), and the country a neighbouring name gives them.
//!
//! The field codes "Iraqi police" as Iraq + police (IRQCOP) and "Turkish troops" as Turkey +
//! military: a country word right before an agent (or "of Iraq" right after it) gives the agent
//! its country; the agent gives the country word its sector. An agent with no country nearby is
//! still somebody acting ("Gunmen opened fire"), with its sector alone.

use crate::LexiconError;
use crate::actors::{ActorHit, ActorIndex, Who};
use crate::fold::{Folded, fold_key, whole_word_matches};
use crate::lexicon::SectorsFile;
use aho_corasick::{AhoCorasick, MatchKind};
use dateline_lexicon::AgentsFile;
use std::collections::HashMap;

/// Words that may stand between a country word and its agent ("Iraqi security forces", "Turkish
/// senior officials").
const MAX_GAP_WORDS: usize = 2;

/// Prepositions an agent phrase of the dictionary may end with (folded, with their space).
const PREPOSITIONS: [&str; 7] = [" in", " to", " of", " for", " from", " at", " on"];

/// A lower-case word in "-ed" between a country and an agent is the clause's verb ("Jordan
/// deployed army units"), not a modifier of the agent: "armed forces" is an agent phrase of its
/// own.
fn past_form(word: &str) -> bool {
    word.starts_with(|c: char| c.is_lowercase()) && word.ends_with("ed")
}

/// Words that part a country word from an agent after it: prepositions, conjunctions and verbs
/// ("accused Stockholm of harbouring militants", "Turkey and Kurdish fighters", "Turkey said its
/// troops"). Modifiers do not: "Iraqi senior officials".
const PARTING_WORDS: &[&str] = &[
    "of", "for", "to", "in", "on", "at", "by", "with", "from", "against", "and", "or", "but",
    "than", "as", "said", "says", "told", "is", "are", "was", "were", "has", "have", "had", "will",
    "would", "sent", "sends",
];

/// How far back a possessive before an agent ("its troops") looks for the state it stands for.
const POSSESSOR_REACH: usize = 250;

/// The country `h` names when it names a state.
fn state_country(actors: &ActorIndex, h: &ActorHit) -> Option<String> {
    match &h.who {
        Who::Known(a) if actors.is_country(*a) => actors.actors[*a].country.clone(),
        _ => None,
    }
}

/// Whom "its" or "their" right before the agent at `start` stands for (its modifiers between:
/// "Turkey said its ground troops …", "Hezbollah said its fighters fired …"): the last state or
/// body named before it in the sentence, at most [`POSSESSOR_REACH`] bytes back (`before`: the
/// names before the agent, sorted by start). A state gives the agent its country; a body (a
/// party, an armed group) is the agent itself.
enum Possessor {
    State(String),
    Body(usize),
}

fn possessor(
    text: &str,
    start: usize,
    before: &[ActorHit],
    actors: &ActorIndex,
) -> Option<Possessor> {
    let possessive = text[..start]
        .rsplit(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .take(MAX_GAP_WORDS + 1)
        .take_while(|w| (w.chars()).all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
        .any(|w| {
            matches!(
                w.to_lowercase().replace('’', "'").as_str(),
                "its" | "their" | "country's" | "kingdom's" | "nation's"
            )
        });
    if !possessive {
        return None;
    }
    let from = text.floor_char_boundary(start.saturating_sub(POSSESSOR_REACH));
    let sentence = text[from..start]
        .rfind(['.', '!', '?', '\n'])
        .map_or(from, |i| from + i + 1);
    before
        .iter()
        .rev()
        .take_while(|h| h.start >= sentence)
        .find_map(|h| match &h.who {
            Who::Known(a) if actors.is_country(*a) => {
                actors.actors[*a].country.clone().map(Possessor::State)
            }
            Who::Known(a) if actors.is_body(*a) => Some(Possessor::Body(*a)),
            // A state's agent named before ("Iranian state television said the country's navy")
            // names the state.
            Who::Unknown {
                country: Some(c),
                role: None,
                ..
            } => Some(Possessor::State(c.clone())),
            _ => None,
        })
}

/// Whether `word` between a country word and an agent parts them: one of [`PARTING_WORDS`], a
/// possessive, a past form (an irregular one as the tagger's lexicon reads it: "Turkish jets
/// struck villages") or an -ing form.
fn parts_country_and_agent(word: &str, tagger: &dateline_tagger::Tagger) -> bool {
    past_form(word)
        || tagger.lexicon_tag(word) == Some(dateline_tagger::Tag::VBD)
        || (word.len() > 4 && word.ends_with("ing"))
        || PARTING_WORDS.contains(&word)
        || crate::grammar::is_possessive(word)
}

/// An agent pattern's sector (`data/sectors.toml`).
#[derive(Clone)]
struct AgentSector {
    /// The sector in words.
    word: String,
    /// The agent acts with no country named (`acting`).
    acting: bool,
    /// The agent is armed (`armed`): "troops in Syria" are often another state's.
    armed: bool,
    /// The agent acts when it is a definite singular body (`definite`): "the government".
    definite: bool,
}

pub struct AgentIndex {
    matcher: AhoCorasick,
    /// Per pattern: its sector.
    sectors: Vec<AgentSector>,
    /// ISO code → the country's name, for naming "Iraq police".
    countries: HashMap<String, String>,
    /// Nouns of activity an agent word before them only describes (`activities` of
    /// `data/sectors.toml`).
    activities: Vec<String>,
    /// Agent words that also name a building (`facilities` of `data/sectors.toml`).
    facilities: Vec<String>,
}

impl AgentIndex {
    pub fn build(
        file: &AgentsFile,
        sectors: &SectorsFile,
        countries: HashMap<String, String>,
    ) -> Result<AgentIndex, LexiconError> {
        let mut keys = Vec::new();
        let mut words = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for a in &file.agent {
            let Some(word) = sectors.sector.get(&a.sector) else {
                continue;
            };
            // Phoenix writes some agents with the preposition that joined them to a country in
            // PETRARCH's parse ("embassy in", "ambassador to"): the agent is the noun; the place
            // after the preposition is read as a place.
            let key = fold_key(&a.phrase);
            let key = PREPOSITIONS
                .iter()
                .find_map(|p| key.strip_suffix(p))
                .map_or(key.clone(), str::to_owned);
            if key.len() < 3 || !seen.insert(key.clone()) {
                continue;
            }
            // The head noun: the last word, or the one before "of" ("ministry of interior").
            let head = key.split(" of ").next().and_then(|h| h.rsplit(' ').next());
            let definite = head.is_some_and(|h| sectors.definite.iter().any(|d| d == h));
            let acting_head = head.is_some_and(|h| sectors.acting_heads.iter().any(|w| w == h));
            keys.push(key);
            words.push(AgentSector {
                word: word.clone(),
                acting: sectors.acting.contains(&a.sector) || acting_head,
                armed: sectors.armed.contains(&a.sector),
                definite,
            });
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&keys)
            .map_err(|e| LexiconError::Invalid {
                file: "lexicon/agents.toml".into(),
                reason: e.to_string(),
            })?;
        Ok(AgentIndex {
            matcher,
            sectors: words,
            countries,
            activities: sectors.activities.clone(),
            facilities: sectors.facilities.clone(),
        })
    }

    /// `hits` with every agent of `text` added: joined to the country word before it when there
    /// is one, standing alone otherwise. Agents inside a known name are left to that name.
    pub fn attach(
        &self,
        text: &str,
        folded: &Folded,
        actors: &ActorIndex,
        tagger: &dateline_tagger::Tagger,
        mut hits: Vec<ActorHit>,
    ) -> Vec<ActorHit> {
        let f = folded.text.as_str();
        // `hits` come sorted by start; agents standing alone are collected apart so the order
        // holds for the lookups below.
        hits.sort_by_key(|h| (h.start, h.end));
        let mut alone: Vec<ActorHit> = Vec::new();
        let few_words = |gap: &str, max: usize| gap.split_whitespace().take(max + 1).count() <= max;
        for m in whole_word_matches(&self.matcher, f) {
            let (s, e) = folded.original_span(m.start(), m.end());
            // The first name starting at or after the agent's end, and the last starting before
            // its start.
            let next = hits.partition_point(|h| h.start < e);
            let prev = hits.partition_point(|h| h.start < s);
            if hits[prev..next].iter().any(|h| h.start < e)
                || hits[..prev].iter().rev().take(4).any(|h| h.end > s)
            {
                continue;
            }
            let agent = &self.sectors[m.pattern().as_usize()];
            let sector = agent.word.clone();
            // A title before a name ("Commander … Kevin Leahy", "resident Samir Abu Hana"): at
            // most one word between, itself part of the name. Not one of two parties ("between
            // police and protesters") nor a body and its place ("a court in Baghdad").
            if hits.get(next).is_some_and(|h| {
                let gap = text[e..h.start].trim_matches(|c: char| c.is_whitespace() || c == ',');
                few_words(gap, 1)
                    && (gap.is_empty() || gap.starts_with(char::is_uppercase))
                    && text[h.start..].starts_with(char::is_uppercase)
            }) {
                continue;
            }
            // A country word just before: "Iraqi police", "Turkish security forces".
            let before = (prev.checked_sub(1))
                .filter(|&i| hits[i].end <= s && modifies(text, &hits[i], s, tagger));
            let country_of = |h: &ActorHit| state_country(actors, h);
            if let Some(i) = before
                && let Some(code) = country_of(&hits[i])
            {
                hits[i] = self.state_agent(hits[i].start, e, code, sector);
                continue;
            }
            // "Turkey said on Monday that its troops …": the state a possessive stands for.
            if !self.describes(f, m.end())
                && let Some(owner) = possessor(text, s, &hits[..prev], actors)
            {
                alone.push(self.owned_agent(s, e, owner, sector));
                continue;
            }
            // "the defence ministry in Damascus", "officials from Mexico", "prosecutors in
            // Sweden": a body or people placed in (or from) a state's capital or the state are
            // that state's. (Armed agents are not: "troops in Syria" are often another's.)
            // (The state after "in" is no actor hit: the index reads it as a place.)
            if !agent.armed
                && let Some((end, code)) = state_placed_after(text, e, actors)
            {
                alone.push(self.state_agent(s, end, code, sector));
                continue;
            }
            let facility = self.facilities.iter().any(|w| *w == f[m.start()..m.end()]);
            let acting = agent.acting
                || agent.definite
                    && (definite_singular(text, s) || bare_singular(text, s, tagger))
                    && !noun_after(f, m.end(), tagger);
            if !acting
                || placed(text, s, facility)
                || inside_a_name(text, s, e)
                || self.describes(f, m.end())
            {
                continue;
            }
            alone.push(ActorHit {
                start: s,
                end: e,
                who: Who::Unknown {
                    name: f[m.start()..m.end()].to_owned(),
                    role: None,
                    country: None,
                    sector: Some(sector),
                },
            });
        }
        hits.extend(alone);
        hits.sort_by_key(|h| (h.start, h.end));
        hits
    }

    /// The agent printed from `start` to `end` after a possessive: the state's agent, or the
    /// body itself.
    fn owned_agent(&self, start: usize, end: usize, owner: Possessor, sector: String) -> ActorHit {
        match owner {
            Possessor::State(code) => self.state_agent(start, end, code, sector),
            Possessor::Body(a) => ActorHit {
                start,
                end,
                who: Who::Known(a),
            },
        }
    }

    /// A state's agent ("Iraq police") printed from `start` to `end`.
    fn state_agent(&self, start: usize, end: usize, code: String, sector: String) -> ActorHit {
        let name = self.countries.get(&code).cloned().unwrap_or(code.clone());
        ActorHit {
            start,
            end,
            who: Who::Unknown {
                name: format!("{name} {sector}"),
                role: None,
                country: Some(code),
                sector: Some(sector),
            },
        }
    }

    /// "its military operations": the agent word (ending at folded offset `end`) describes the
    /// activity named right after it.
    fn describes(&self, folded: &str, end: usize) -> bool {
        let next = folded[end..].split_whitespace().next().unwrap_or_default();
        self.activities.iter().any(|a| a == next)
    }
}

/// Most words a state's name or capital takes ("Ankara", "United Arab Emirates").
const STATE_NAME_WORDS: usize = 3;

/// "… in Ankara", "… from Iraq": where the state (its name or its capital, read as the state)
/// printed right after " in " or " from " at `end` of `text` ends, and its country. ("in the Erbil and
/// Sulaimani provinces" names places, not a state.)
fn state_placed_after(text: &str, end: usize, actors: &ActorIndex) -> Option<(usize, String)> {
    let rest = text.get(end..)?;
    let rest = (rest.strip_prefix(" in ")).or_else(|| rest.strip_prefix(" from "))?;
    let at = text.len() - rest.len();
    // The capitalised words after "in" (to the first punctuation), longest first.
    let mut ends = Vec::new();
    let mut pos = 0;
    for word in rest.split(' ').take(STATE_NAME_WORDS) {
        let name = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !name.starts_with(char::is_uppercase) {
            break;
        }
        ends.push(pos + name.len());
        if name.len() < word.len() {
            break;
        }
        pos += word.len() + 1;
    }
    ends.into_iter().rev().find_map(|n| {
        let a = actors.resolve_name(&rest[..n], None)?;
        let country = actors.actors[a].country.clone()?;
        actors.is_country(a).then_some((at + n, country))
    })
}

/// "six years in prison", "released from Sednaya prison": an agent right after "in" (or a
/// facility after "from", "at" or "to" and its name) is where something happens, not who takes
/// part. A comma between ("in Kirkuk, police arrested …") ends the phrase: the agent acts.
fn placed(text: &str, start: usize, facility: bool) -> bool {
    let mut words = text[..start].split_whitespace().rev().peekable();
    let mut named = 0;
    while let Some(w) = words.peek() {
        if w.ends_with([',', ';', ':', '.', ')', '"', '”']) {
            return false;
        }
        if named == 3 || !w.starts_with(char::is_uppercase) {
            break;
        }
        words.next();
        named += 1;
    }
    let mut word = words.next();
    if named == 0
        && matches!(
            word,
            Some("the" | "a" | "an" | "its" | "their" | "his" | "her")
        )
    {
        word = words.next();
    }
    match word {
        Some("in" | "inside" | "within") => named == 0 || facility,
        Some("from" | "at" | "to") => named > 0 && facility,
        _ => false,
    }
}

/// Whether the name `h` modifies the agent printed from `start` of `text` ("Iraqi police",
/// "Turkish senior officials"): a few words between, no punctuation (it ends the noun phrase:
/// "CAIRO — Gunmen opened fire" is no Egyptian gunmen), no word that parts them.
fn modifies(text: &str, h: &ActorHit, start: usize, tagger: &dateline_tagger::Tagger) -> bool {
    let gap = &text[h.end..start];
    // A short form in brackets is its name's: "the Kurdistan Regional Government's (KRG)
    // Ministry of Interior".
    let gap = (gap.strip_prefix(')'))
        .filter(|_| text[..h.start].ends_with('('))
        .unwrap_or(gap);
    !gap.contains([',', ';', ':', '.', '(', ')', '—', '–', '"', '“', '”'])
        && !gap.contains(" - ")
        && gap.split_whitespace().take(MAX_GAP_WORDS + 1).count() <= MAX_GAP_WORDS
        && !gap
            .split_whitespace()
            .any(|w| parts_country_and_agent(w, tagger))
}

/// Whether a noun follows the agent ending at folded offset `end`: the agent word then modifies
/// it ("the administration building", "the government headquarters") and names no body.
fn noun_after(folded: &str, end: usize, tagger: &dateline_tagger::Tagger) -> bool {
    let next = folded[end..].split(' ').nth(1).unwrap_or_default();
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    folded[end..].starts_with(' ')
        && matches!(
            tagger.lexicon_tag(next),
            // "building" is a noun there, though the lexicon knows it first as a verb.
            Some(dateline_tagger::Tag::NN | dateline_tagger::Tag::NNS | dateline_tagger::Tag::VBG)
        )
}

/// Most lower-case modifiers between "the" and a definite body ("the federal government").
const DEFINITE_MODIFIERS: usize = 2;

/// "the government", "The federal government", "the interim cabinet", "Ministry of Interior":
/// the agent printed from `start` is one body, named as a proper name or with the definite
/// article and at most [`DEFINITE_MODIFIERS`] lower-case words before it.
fn definite_singular(text: &str, start: usize) -> bool {
    // A body's proper name is definite with no article: "… and Ministry of Interior".
    if text[start..].starts_with(char::is_uppercase) {
        return true;
    }
    let before = text[..start].split_whitespace().rev();
    for (i, w) in before.take(DEFINITE_MODIFIERS + 1).enumerate() {
        if w == "the" || w == "The" {
            return true;
        }
        let modifier = w.chars().all(|c| c.is_lowercase() || c == '-');
        if i == DEFINITE_MODIFIERS || !modifier {
            return false;
        }
    }
    false
}

/// "urged parliament to reconsider", "stormed parliament": a governing body named with no
/// article or modifier at all, as the object right after a verb, is the one of the country, as
/// with "the". ("Kurdish parliament", "a parliament", "parliament speaker" are not; nor is one
/// after a preposition, which the clause's subject may be read past: "I will present to
/// parliament my request".)
fn bare_singular(text: &str, start: usize, tagger: &dateline_tagger::Tagger) -> bool {
    let Some(prev) = text[..start].split_whitespace().next_back() else {
        return false;
    };
    let verb = prev.chars().all(|c| c.is_lowercase())
        && tagger.lemma(prev).is_some()
        && matches!(
            tagger.lexicon_tag(prev),
            Some(dateline_tagger::Tag::VBD | dateline_tagger::Tag::VBN | dateline_tagger::Tag::VB)
        );
    text[start..].starts_with(char::is_lowercase) && verb
}

/// "the Central Criminal Court": a capitalised agent word between capitalised words is part of a
/// name the lexicon lacks, not an agent of its own.
fn inside_a_name(text: &str, start: usize, end: usize) -> bool {
    let capitalised = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
    let before = text[..start].split_whitespace().next_back();
    let after = text[end..].split_whitespace().next();
    capitalised(Some(&text[start..end])) && capitalised(before) && capitalised(after)
}
