//! Who is named in an article: lexicon aliases, titles, short forms that refer back, and people
//! the lexicon lacks but the text introduces by title ("Kenyan Foreign Minister Jane Wanjiru").
//!
//! Every spelling of one actor resolves to one canonical entry: matching runs on folded text (see
//! [`crate::fold`]) so case, accents, dashes and apostrophes do not matter, and a short form (a
//! surname, "the premier", "the force") only resolves once the article has named its actor.

use crate::LexiconError;
use crate::fold::{self, Folded};
use crate::lexicon::{ActorEntry, ActorsFile, NamesFile, PlaceWords};
use crate::phrases::{FastMap, FastSet, PhraseIndex};
use jiff::civil::Date;
use regex::Regex;
use std::collections::BTreeMap;

/// One lexicon actor.
#[derive(Debug, Clone)]
pub struct Actor {
    pub name: String,
    pub kind: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub country: Option<String>,
    pub parent: Option<usize>,
    pub sector: Option<String>,
    valid: (Option<Date>, Option<Date>),
    /// Country and sector by period, for actors whose part changed over time.
    codes: Vec<Period>,
}

/// An actor's country and sector from `from` to `to` (inclusive, open where `None`).
#[derive(Debug, Clone)]
struct Period {
    from: Option<Date>,
    to: Option<Date>,
    country: Option<String>,
    sector: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AliasKind {
    Plain,
    /// A place name standing for its government ("Baghdad said").
    Metonym,
    /// A title that names its holder while the holder is in office.
    Title,
    /// A short form that names an actor already named in the article.
    Context,
}

#[derive(Debug, Clone, Copy)]
struct AliasInfo {
    actor: usize,
    kind: AliasKind,
    /// Written in capitals in the lexicon ("IS", "US"): must be in capitals in the text too.
    acronym: bool,
    /// Written with a capital in the lexicon, as a name is ("Poles", "Chad", "Turkey"): printed
    /// without one it is a common word ("the poles", "roast turkey").
    capital: bool,
    /// A nationality word of `[nationalities]` ("Moroccan", "Nigerians"): it names the country's
    /// people or qualifies an agent, never a place, whatever precedes it.
    demonym: bool,
}

/// Who a span of the body names.
#[derive(Debug, Clone, PartialEq)]
pub enum Who {
    Known(usize),
    /// A person introduced by title whom the lexicon lacks.
    Unknown {
        name: String,
        role: Option<String>,
        country: Option<String>,
        sector: Option<String>,
    },
}

impl Who {
    /// A generic agent with no country ("troops", "gunmen"): somebody, but nobody named.
    pub fn is_generic(&self) -> bool {
        matches!(
            self,
            Who::Unknown {
                role: None,
                country: None,
                sector: Some(_),
                ..
            }
        )
    }
}

/// A name found in the body: `body[start..end]` is the text as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorHit {
    pub start: usize,
    pub end: usize,
    pub who: Who,
}

pub struct ActorIndex {
    pub actors: Vec<Actor>,
    by_name: FastMap<String, usize>,
    phrases: PhraseIndex,
    infos: Vec<Vec<AliasInfo>>,
    title_before_name: Regex,
    title_of_org_name: Regex,
    name_then_title: Regex,
    nationalities: Vec<(String, String)>,
    /// Words after which a place name is a place, not a government (`data/names.toml`).
    place_words: PlaceWords,
    /// Capitalised words that cannot be part of a person's name found by a title pattern.
    not_names: Vec<String>,
    honorifics: Vec<String>,
    /// Words before a body's one-word common name that make it another body (`data/names.toml`).
    common_name_modifiers: Vec<String>,
    /// Per actor kind, the nouns a definite subject refers back to it with (`[bodies.references]`).
    references: std::collections::BTreeMap<String, Vec<String>>,
    /// Participles that make a name glued to them by a hyphen describe the noun after it.
    hyphen_attributes: Vec<String>,
    /// Titles whose holder serves the country named after them (`[people] remit_titles`).
    remit_titles: Vec<String>,
    /// The words of the titles that introduce a person (`[titles] person`), lower case.
    title_words: FastSet<String>,
    /// The titles that introduce a person (`[titles] person`), folded.
    person_titles: Vec<String>,
    /// The head nouns of those titles ("minister" of "Minister of Defense", "adviser" of
    /// "National Security Adviser") and the honorifics ("emir", "king"), lower case: "the
    /// emir" refers back to a person introduced so.
    title_heads: FastSet<String>,
}

/// The head noun of a title: its last word, or the word before "of", "for" or "to" ("Minister of
/// Defense", "Chief of Staff"). None for an abbreviation ("Gen.").
fn title_head(title: &str) -> Option<&str> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let head = match words.iter().position(|w| matches!(*w, "of" | "for" | "to")) {
        Some(i) => words.get(i.checked_sub(1)?)?,
        None => words.last()?,
    };
    (!head.ends_with('.') && head.chars().all(char::is_alphabetic)).then_some(*head)
}

fn parse_day(s: &str, end: bool) -> Option<Date> {
    let parts: Vec<&str> = s.split('-').collect();
    let y: i16 = parts.first()?.parse().ok()?;
    let m: i8 = match parts.get(1) {
        Some(m) => m.parse().ok()?,
        None if end => 12,
        None => 1,
    };
    match parts.get(2) {
        Some(d) => Date::new(y, m, d.parse().ok()?).ok(),
        None => {
            let first = Date::new(y, m, 1).ok()?;
            Some(if end { first.last_of_month() } else { first })
        }
    }
}

fn is_acronym(alias: &str) -> bool {
    let mut letters = 0;
    for c in alias.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if letters > 6 || !c.is_uppercase() {
            return false;
        }
    }
    letters > 0
}

fn invalid(reason: String) -> LexiconError {
    LexiconError::Invalid {
        file: "actors.toml".into(),
        reason,
    }
}

/// Each actor's index by canonical name; a name listed twice is an error.
fn index_by_name(file: &ActorsFile) -> Result<FastMap<String, usize>, LexiconError> {
    let mut by_name = FastMap::default();
    for (i, a) in file.actor.iter().enumerate() {
        if by_name.insert(a.name.clone(), i).is_some() {
            return Err(invalid(format!("actor {:?} is listed twice", a.name)));
        }
    }
    Ok(by_name)
}

/// A date of the entry `name`, read as the first day (`end`: the last) of what `s` names; `field`
/// names the entry's field in the error.
fn entry_day(
    name: &str,
    s: Option<&String>,
    end: bool,
    field: &str,
) -> Result<Option<Date>, LexiconError> {
    s.map(|s| parse_day(s, end).ok_or_else(|| invalid(format!("{name}: bad {field} {s:?}"))))
        .transpose()
}

/// The lexicon entry with its parent resolved and its dates parsed.
fn actor(a: &ActorEntry, by_name: &FastMap<String, usize>) -> Result<Actor, LexiconError> {
    let parent = a
        .parent
        .as_ref()
        .map(|p| {
            by_name
                .get(p)
                .copied()
                .ok_or_else(|| invalid(format!("{}: unknown parent {p:?}", a.name)))
        })
        .transpose()?;
    let from = entry_day(&a.name, a.valid_from.as_ref(), false, "valid_from")?;
    let to = entry_day(&a.name, a.valid_to.as_ref(), true, "valid_to")?;
    let mut codes = Vec::with_capacity(a.codes.len());
    for c in &a.codes {
        codes.push(Period {
            from: entry_day(&a.name, c.from.as_ref(), false, "code date")?,
            to: entry_day(&a.name, c.to.as_ref(), true, "code date")?,
            country: c.country.clone(),
            sector: c.sector.clone(),
        });
    }
    Ok(Actor {
        name: a.name.clone(),
        kind: a.kind.clone(),
        role: a.role.clone(),
        organisation: a.organisation.clone(),
        country: a.country.clone(),
        parent,
        sector: a.sector.clone(),
        valid: (from, to),
        codes,
    })
}

impl AliasInfo {
    /// A reading of `spelling` as the lexicon writes it.
    fn new(actor: usize, kind: AliasKind, spelling: &str) -> AliasInfo {
        AliasInfo {
            actor,
            kind,
            acronym: is_acronym(spelling),
            capital: spelling.chars().any(char::is_uppercase),
            demonym: false,
        }
    }

    /// Whether `printed` is written as this spelling must be: an acronym in capitals, a name
    /// with a capital.
    fn fits(&self, printed: &str) -> bool {
        (!self.acronym || acronym_in_text(printed))
            && (!self.capital || printed.chars().any(char::is_uppercase))
    }
}

/// Every folded spelling of the lexicon with what it may name: spelling `i` is the phrase
/// index's key `i`, `infos[i]` its readings.
#[derive(Default)]
struct AliasTable {
    keys: Vec<String>,
    infos: Vec<Vec<AliasInfo>>,
    slot: FastMap<String, usize>,
}

impl AliasTable {
    fn add(&mut self, alias: &str, info: AliasInfo) {
        let key = fold::fold_key(alias);
        if key.is_empty() {
            return;
        }
        let id = match self.slot.get(&key) {
            Some(&id) => id,
            None => {
                self.slot.insert(key.clone(), self.keys.len());
                self.keys.push(key);
                self.infos.push(Vec::new());
                self.infos.len() - 1
            }
        };
        let list = &mut self.infos[id];
        match list
            .iter_mut()
            .find(|i| i.actor == info.actor && i.kind == info.kind)
        {
            Some(known) => {
                known.demonym |= info.demonym;
                known.capital &= info.capital;
            }
            None => list.push(info),
        }
    }

    /// The name, aliases, metonyms, titles and short forms (a person's surname among them) of
    /// actor `i`.
    fn add_actor(&mut self, i: usize, a: &ActorEntry) {
        let plain = |s: &String| AliasInfo::new(i, AliasKind::Plain, s);
        // A country's name is a place name like its other spellings: the state only where it is
        // not a place ("in Japan" is where).
        if a.kind == "country" {
            self.add(&a.name, AliasInfo::new(i, AliasKind::Metonym, &a.name));
        } else {
            self.add(&a.name, plain(&a.name));
        }
        for s in &a.aliases {
            self.add(s, plain(s));
        }
        for s in &a.metonym_aliases {
            self.add(s, AliasInfo::new(i, AliasKind::Metonym, s));
        }
        // A title names its holder in any case ("the prime minister", "Prime Minister").
        for s in &a.titles {
            self.add(s, AliasInfo::new(i, AliasKind::Title, &s.to_lowercase()));
        }
        for s in a.context_aliases.iter().cloned().chain(surname(a)) {
            self.add(&s, AliasInfo::new(i, AliasKind::Context, &s));
        }
    }

    /// Nationality words ("Moroccan", "Nigerians") name their country's state: a people or an
    /// agent of it, never the place. Abbreviations ("US", "U.S.") are names of the country too
    /// and keep the metonym rules.
    fn add_nationalities(&mut self, file: &ActorsFile) {
        // Each country code's first country entry.
        let mut country: FastMap<&str, usize> = FastMap::default();
        for (i, a) in file.actor.iter().enumerate() {
            if let Some(iso) = a.country.as_deref()
                && (a.kind == "country" || a.kind == "government" && a.parent.is_none())
            {
                country.entry(iso).or_insert(i);
            }
        }
        for (word, iso) in &file.nationalities {
            if !word.chars().any(char::is_lowercase) {
                continue;
            }
            let Some(&i) = country.get(iso.as_str()) else {
                continue;
            };
            self.add(
                word,
                AliasInfo {
                    demonym: true,
                    ..AliasInfo::new(i, AliasKind::Metonym, word)
                },
            );
        }
    }
}

/// How much of a title's remit after a name is read ("head of the security committee in the
/// Salahuddin provincial council"): a line of print. (A counted repetition in the pattern made it
/// large enough for the regex engine to give up its DFA.)
const REMIT_BYTES: usize = 80;

/// The two patterns that find people the lexicon lacks: a title before a name ("Iraqi Foreign
/// Minister X"), and a title of a body before a comma and a name ("the spokesperson for the
/// coalition, X").
fn title_patterns(file: &ActorsFile) -> Result<(Regex, Regex, Regex), LexiconError> {
    let titles: Vec<String> = {
        let mut t = file.titles.person.clone();
        t.sort_by_key(|s| std::cmp::Reverse(s.len()));
        t.iter().map(|s| regex::escape(s)).collect()
    };
    let nat: Vec<String> = {
        let mut n: Vec<&String> = file.nationalities.keys().collect();
        n.sort_by_key(|s| std::cmp::Reverse(s.len()));
        n.iter().map(|s| regex::escape(s)).collect()
    };
    let name = r"((?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:(?:al|Al|el|El|bin|Abu|abu)[- ])?[A-Z][a-zA-Z'’]+(?:-[A-Z][a-z]+)?){1,3})";
    let title_before_name = Regex::new(&format!(
        r"(?:(?-u:\b)({nat})\s+((?:[A-Z][a-z]+\s+){{0,2}}))?(?-u:\b)({titles}),?\s+{name}",
        nat = nat.join("|"),
        titles = titles.join("|"),
    ))
    .map_err(|e| invalid(e.to_string()))?;
    let title_of_org_name = Regex::new(&format!(
        r"(?-u:\b)({titles})\s+(?:of|for|to|at)\s+(?:the\s+)?([A-Z][A-Za-z0-9_.-]*(?:\s+(?:of\s+|for\s+|the\s+)?[A-Z][A-Za-z0-9_.-]*){{0,5}}(?:\s+\([A-Z-]+\))?),\s+{name}",
        titles = titles.join("|"),
    ))
    .map_err(|e| invalid(e.to_string()))?;
    // "Khalid al-Samarrai, head of the security committee in …,": a name set before the title
    // its apposition gives. The name opens the sentence or follows a comma or a conjunction, so
    // a capitalised phrase inside a clause ("Nineveh Operations Command, the spokesman …") is
    // not read as one.
    // The name's words on one line: a paragraph's first word is no part of the next one's name.
    let line_name = name.replace(r"\s+", r"[ \t]+");
    let name_then_title = Regex::new(&format!(
        r"(?:^|[.,;:][ \t]+|\n|(?-u:\b)(?:and|but|while)[ \t]+){line_name},\s+(?:the\s+|a\s+|an\s+)?(?:[A-Za-z'’-]+\s+){{0,3}}?({titles})\s+(?:of|for|at|in|to)\s+([^,;.\n]+)",
        titles = titles.join("|"),
    ))
    .map_err(|e| invalid(e.to_string()))?;
    Ok((title_before_name, title_of_org_name, name_then_title))
}

impl ActorIndex {
    /// `names` holds the words that tell a place name from a government acting and a person's
    /// name from the words around it.
    pub fn build(file: &ActorsFile, names: &NamesFile) -> Result<ActorIndex, LexiconError> {
        let by_name = index_by_name(file)?;
        let actors = file
            .actor
            .iter()
            .map(|a| actor(a, &by_name))
            .collect::<Result<Vec<_>, _>>()?;
        let mut aliases = AliasTable::default();
        for (i, a) in file.actor.iter().enumerate() {
            aliases.add_actor(i, a);
        }
        aliases.add_nationalities(file);
        let phrases = PhraseIndex::build(&aliases.keys);
        let (title_before_name, title_of_org_name, name_then_title) = title_patterns(file)?;
        Ok(ActorIndex {
            actors,
            by_name,
            phrases,
            infos: aliases.infos,
            title_before_name,
            title_of_org_name,
            name_then_title,
            nationalities: file
                .nationalities
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            place_words: names.places.clone(),
            not_names: names.people.not_names.clone(),
            honorifics: names.people.honorifics.clone(),
            common_name_modifiers: names.bodies.common_name_modifiers.clone(),
            hyphen_attributes: names.bodies.hyphen_attributes.clone(),
            references: names.bodies.references.clone(),
            remit_titles: names.people.remit_titles.clone(),
            title_words: file
                .titles
                .person
                .iter()
                .flat_map(|t| t.split_whitespace())
                .map(str::to_lowercase)
                .collect(),
            person_titles: (file.titles.person.iter())
                .map(|t| fold::fold(t).text.trim_end_matches('.').to_owned())
                .collect(),
            title_heads: (file.titles.person.iter())
                .filter_map(|t| title_head(t))
                .chain(
                    names
                        .people
                        .honorifics
                        .iter()
                        .map(|h| h.trim_end_matches('.')),
                )
                .map(str::to_lowercase)
                .collect(),
        })
    }

    /// Whether `word` (lower case) heads a person's title or is an honorific ("minister",
    /// "emir").
    /// Whether "the `noun`" can refer back to `who`: a body of a kind the noun names, or one
    /// whose name holds the noun ("the service" for the Counter-Terrorism Service).
    pub fn referred_to_as(&self, who: &Who, printed: &str, noun: &str) -> bool {
        let Who::Known(a) = who else {
            return false;
        };
        let actor = &self.actors[*a];
        if matches!(
            actor.kind.as_str(),
            "person" | "listed" | "country" | "population"
        ) {
            return false;
        }
        let in_name = |name: &str| {
            name.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(noun))
        };
        // A force no state commands ("the SDF") is an armed group as well as a force.
        let stateless_force = actor.kind == "military"
            && !(self.ancestors(*a).skip(1))
                .any(|p| matches!(self.actors[p].kind.as_str(), "government" | "country"));
        let named = |kind: &str| (self.references.get(kind)).is_some_and(|n| listed(n, noun));
        in_name(printed)
            || in_name(&actor.name)
            || named(actor.kind.as_str())
            || (stateless_force && named("group"))
    }

    pub fn is_title_head(&self, word: &str) -> bool {
        self.title_heads.contains(word)
    }

    /// A body the dictionary files under one country, printed as another's ("Iraq's National
    /// Security Council", "the Turkish National Security Council"): Phoenix lists such bodies
    /// under the country its sources wrote most about, and the owner printed says whose this one
    /// is. The owner and the body become one actor of the owner's country, with the body's
    /// sector; printed as its own country's, the body stands alone. `hits` sorted by start.
    pub fn owned_bodies(&self, text: &str, hits: Vec<ActorHit>) -> Vec<ActorHit> {
        let mut out: Vec<ActorHit> = Vec::with_capacity(hits.len());
        for h in hits {
            let body = match h.who {
                Who::Known(a) if !self.is_country(a) => self.actors[a]
                    .country
                    .as_ref()
                    .map(|c| (c, self.actors[a].sector.clone())),
                _ => None,
            };
            let owner = out.last().and_then(|p| match p.who {
                Who::Known(o)
                    if self.is_country(o) && text.get(p.end..h.start).is_some_and(owner_gap) =>
                {
                    self.actors[o].country.clone().map(|c| (p.start, c))
                }
                _ => None,
            });
            match (body, owner) {
                // "Lebanon's Hezbollah", "Iraq's parliament": the country says whose the body
                // is; the body alone acts.
                (Some((own, _)), Some((_, owner))) if *own == owner => {
                    out.pop();
                    out.push(h);
                }
                (Some((_, sector)), Some((start, owner))) => {
                    out.pop();
                    out.push(ActorHit {
                        start,
                        end: h.end,
                        who: Who::Unknown {
                            name: text[start..h.end].to_owned(),
                            role: None,
                            country: Some(owner),
                            sector,
                        },
                    });
                }
                _ => out.push(h),
            }
        }
        out
    }

    /// `hits` (sorted by start) without the names inside a person's title: a country or an office
    /// printed before the title words and the name ("US Secretary of State X", "Turkish Foreign
    /// Minister Y", "Iraq's Prime Minister Z") describes the person, as the field codes the whole
    /// noun phrase as one actor. A person found by title takes the country the title names.
    pub fn fold_titles(&self, text: &str, hits: Vec<ActorHit>) -> Vec<ActorHit> {
        let mut inside = vec![false; hits.len()];
        // The country of the name nearest each person's title, by the person's index.
        let mut country_of: Vec<Option<String>> = vec![None; hits.len()];
        for p in 0..hits.len() {
            if !self.is_person(&hits[p].who) {
                continue;
            }
            // The title found with a person the lexicon lacks is a title too ("Turkish Energy
            // Minister X": "Energy Minister" may not be among the title words).
            let own_title = match &hits[p].who {
                Who::Unknown { role: Some(r), .. } => r.to_lowercase(),
                _ => String::new(),
            };
            let in_own_title = |gap: &str| {
                let words: Vec<String> = gap.split_whitespace().map(str::to_lowercase).collect();
                !words.is_empty()
                    && own_title.ends_with(&words.join(" "))
                    && !gap.contains([',', ';', '(', ')', '.', ':'])
            };
            let mut at = hits[p].start;
            let mut q = p;
            while q > 0 {
                let h = &hits[q - 1];
                // Hits that overlap (a name found inside a longer one) have no gap between them.
                let Some(gap) = text.get(h.end..at) else {
                    break;
                };
                if self.is_person(&h.who) || !(self.title_gap(gap) || in_own_title(gap)) {
                    break;
                }
                inside[q - 1] = true;
                if let Who::Known(a) = h.who
                    && let Some(c) = &self.actors[a].country
                {
                    country_of[p].get_or_insert_with(|| c.clone());
                }
                at = h.start;
                q -= 1;
            }
        }
        // "Iraqi Prime Minister Mohamed Shia Al-Abadi": a title printed right before another
        // person's name is that person's, not the name of whoever held it on the article's date
        // (or of its latest holder, when the article has no date).
        for p in 1..hits.len() {
            let (title, name) = (&hits[p - 1], &hits[p]);
            if let Who::Known(a) = title.who
                && title.who != name.who
                && self.is_person(&name.who)
                && text
                    .get(title.end..name.start)
                    .is_some_and(|g| g.trim().is_empty())
                && !shares_a_word(&text[title.start..title.end], &self.actors[a].name)
            {
                inside[p - 1] = true;
            }
        }
        let apposition_country = self.appositions(text, &hits, &mut inside);
        let mut out: Vec<ActorHit> = Vec::with_capacity(hits.len());
        let each = (hits.into_iter().zip(inside).zip(country_of)).zip(apposition_country);
        for (((mut h, inside), title_country), apposition) in each {
            if inside {
                continue;
            }
            if let Who::Unknown { country, .. } = &mut h.who
                && country.is_none()
            {
                *country = title_country.or(apposition);
            }
            out.push(h);
        }
        out
    }

    /// A title set off after a person's name is that person's: its holder on the article's
    /// date is someone else ("Michael Austin, commander of US Central Command,"). Marks such
    /// holders in `inside`; returns, by person, the country the apposition names.
    fn appositions(
        &self,
        text: &str,
        hits: &[ActorHit],
        inside: &mut [bool],
    ) -> Vec<Option<String>> {
        let mut apposition_country: Vec<Option<String>> = vec![None; hits.len()];
        for p in 0..hits.len() {
            if let Some((start, end)) = self.titled_apposition(text, &hits[p]) {
                for q in p + 1..hits.len() {
                    let b = &hits[q];
                    if b.start >= end {
                        break;
                    }
                    if b.start < start || b.end > end {
                        continue;
                    }
                    if let Who::Known(a) = b.who {
                        if apposition_country[p].is_none() {
                            apposition_country[p] = self.actors[a].country.clone();
                        }
                        if self.is_person(&b.who) && b.who != hits[p].who {
                            inside[q] = true;
                        }
                    }
                }
            }
        }
        apposition_country
    }

    /// The bounds of a title set off by commas after a person's name ("X, commander of US
    /// Central Command,", "X, a spokesman for the Iraqi army,"): at most eight words, one of them
    /// a title word.
    fn titled_apposition(&self, text: &str, h: &ActorHit) -> Option<(usize, usize)> {
        if !self.is_person(&h.who) {
            return None;
        }
        // Eight words fit in this many bytes: a long paragraph is not searched for a comma.
        const REACH: usize = 120;
        let rest = text[h.end..].strip_prefix(", ")?;
        let rest = &rest[..rest.floor_char_boundary(REACH)];
        let len = rest.find([',', '.', ';', '(', ')', '"', '“', '”'])?;
        let apposition = &rest[..len];
        let titled =
            (apposition.split_whitespace()).any(|w| self.title_words.contains(&w.to_lowercase()));
        (titled && apposition.split_whitespace().count() <= 8).then(|| (h.end + 2, h.end + 2 + len))
    }

    /// The country an actor is of, if any.
    pub(crate) fn country_of<'w>(&'w self, who: &'w Who) -> Option<&'w str> {
        match who {
            Who::Known(i) => self.actors[*i].country.as_deref(),
            Who::Unknown { country, .. } => country.as_deref(),
        }
    }

    /// A person: one the lexicon lists as such, or one found by a title.
    fn is_person(&self, who: &Who) -> bool {
        match who {
            // Phoenix's country files list office holders with the dates of each post: people.
            Who::Known(a) => {
                let x = &self.actors[*a];
                x.kind == "person" || x.kind == "listed" && !x.codes.is_empty()
            }
            Who::Unknown { role, .. } => role.is_some(),
        }
    }

    /// True when `gap`, printed between a name and the next, holds only a title's words (and a
    /// possessive): the two names are one noun phrase.
    fn title_gap(&self, gap: &str) -> bool {
        let gap = ["'s ", "’s "]
            .iter()
            .find_map(|p| gap.strip_prefix(p))
            .unwrap_or(gap);
        !gap.contains([',', ';', '(', ')', '.', ':', '"', '“', '”'])
            && gap
                .split_whitespace()
                .all(|w| self.title_words.contains(&w.to_lowercase()))
    }

    /// True for a state as a whole (a country entry, or a government with no parent body): a
    /// name that gives an agent after it its country ("Iraqi police").
    pub fn is_country(&self, a: usize) -> bool {
        let x = &self.actors[a];
        x.country.is_some() && (x.kind == "country" || x.kind == "government" && x.parent.is_none())
    }

    /// True when `name`, printed at `start` of `text`, is a body's one-word common name
    /// ("coalition", `common`: in lower case in the lexicon) after a capitalised word inside the
    /// sentence ("the State of Law coalition", "the WeWorkers Coalition") or a listed modifier
    /// ("an opposition coalition"): it names another body. A capital of its own does not make
    /// it this body's: it only shows the word is the last of another's name.
    fn another_bodys_common_name(
        &self,
        text: &str,
        start: usize,
        name: &str,
        common: bool,
    ) -> bool {
        if name.contains(char::is_whitespace) || !(common || name.starts_with(char::is_lowercase)) {
            return false;
        }
        let Some((prev, opens_sentence)) = word_before(text, start) else {
            return false;
        };
        let prev = prev.trim_matches(|c: char| !c.is_alphanumeric());
        if prev.is_empty() {
            return false;
        }
        let proper = prev.starts_with(char::is_uppercase) && prev != "The" && !opens_sentence;
        proper || listed(&self.common_name_modifiers, &prev.to_lowercase())
    }

    /// An organisation, group or government (not a person, not a place standing for a state).
    pub(crate) fn is_body(&self, a: usize) -> bool {
        matches!(
            self.actors[a].kind.as_str(),
            "organisation" | "group" | "government" | "military" | "media"
        )
    }

    pub fn get(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    /// True when `a` is `b` or belongs to it (or the other way round), following `parent` links.
    pub fn related(&self, a: usize, b: usize) -> bool {
        self.ancestors(a).any(|x| x == b) || self.ancestors(b).any(|x| x == a)
    }

    fn ancestors(&self, a: usize) -> impl Iterator<Item = usize> + '_ {
        let mut cur = Some(a);
        let mut steps = 0;
        std::iter::from_fn(move || {
            let c = cur?;
            steps += 1;
            cur = if steps > 8 {
                None
            } else {
                self.actors.get(c).and_then(|x| x.parent)
            };
            Some(c)
        })
    }

    /// The actor's country and sector as of `day`: the dated code covering it, else an undated
    /// one, else the actor's own fields.
    pub fn code_on(&self, actor: usize, day: Option<Date>) -> (Option<String>, Option<String>) {
        let a = &self.actors[actor];
        // A country's name is that country whatever union it belonged to then ("Serbia" in
        // 2000 is Serbia, not Serbia and Montenegro): dated codes are for people and bodies.
        if a.kind == "country" {
            return (a.country.clone(), a.sector.clone());
        }
        let covering = |c: &&Period| {
            let Some(d) = day else { return false };
            (c.from.is_some() || c.to.is_some())
                && c.from.is_none_or(|f| f <= d)
                && c.to.is_none_or(|t| d <= t)
        };
        let code = a
            .codes
            .iter()
            .find(covering)
            .or_else(|| a.codes.iter().find(|c| c.from.is_none() && c.to.is_none()));
        let (country, sector) = match code {
            Some(p) => (
                p.country.clone().or_else(|| a.country.clone()),
                p.sector.clone(),
            ),
            None => (a.country.clone(), a.sector.clone()),
        };
        // A body the dictionary places only in a region ("Palestinian Islamic Jihad", coded for
        // the Middle East) is of the country its name begins with.
        let country = country.or_else(|| {
            let first = a.name.split_whitespace().next()?;
            (a.kind != "person")
                .then(|| self.nationality(first))
                .flatten()
        });
        (country, sector)
    }

    fn valid_on(&self, actor: usize, day: Option<Date>) -> bool {
        let Some(day) = day else { return true };
        let (from, to) = self.actors[actor].valid;
        from.is_none_or(|f| f <= day) && to.is_none_or(|t| day <= t)
    }
    /// Every actor named in `text` (an article body), in order, resolved in the article's context.
    /// `day` is the article's anchor date, used to pick the holder of a title.
    pub fn find(&self, text: &str, folded: &Folded, day: Option<Date>) -> Vec<ActorHit> {
        // Candidates: (folded start, end, pattern id).
        let mut cands: Vec<(usize, usize, usize)> = self.phrases.find_all(&folded.text);
        // Longest first, then leftmost, then in lexicon order (the hand-written file first): a
        // metonym is read left to right, so "in Amman and Paris" can see its first
        // conjunct.
        cands.sort_by_key(|&(s, e, pid)| (std::cmp::Reverse(e - s), s, pid));
        let mut search = NameSearch {
            index: self,
            text,
            folded,
            day,
            taken: BTreeMap::new(),
            hits: Vec::new(),
            places_as_place: Vec::new(),
            named_elsewhere: Default::default(),
        };
        // Everything but short forms first: a short form names an actor named before it.
        for &(s, e, pid) in &cands {
            search.full_name(s, e, pid);
        }
        let mut named = search.named(&cands);
        search.short_forms(&cands, &mut named);
        search.into_hits()
    }

    /// The holder of a title: the one valid on the article date; among several, one the article
    /// names, else the latest to take office.
    fn pick_holder<'a>(&self, holders: &'a [usize], hits: &[FoldedHit]) -> Option<&'a usize> {
        if holders.len() <= 1 {
            return holders.first();
        }
        holders
            .iter()
            .find(|a| hits.iter().any(|h| h.actor == **a))
            .or_else(|| holders.iter().max_by_key(|a| self.actors[**a].valid.0))
    }

    /// The word printed at `start..end` has a capitalised word of a name straight before it
    /// (not opening the sentence, nor a title or an honorific) or after it (nor a regnal
    /// number: "Abdullah II").
    fn inside_another_name(&self, text: &str, start: usize, end: usize) -> bool {
        let name_word = |w: &str| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                && !listed(&self.not_names, w)
                && !listed(&self.honorifics, w)
                && !self.title_words.contains(&w.to_lowercase())
        };
        // A name word may carry the Arabic article: "al-Qard", "al-Samarrai".
        let name_word = |w: &str| {
            let bare = ARABIC_ARTICLES.iter().find_map(|a| w.strip_prefix(a));
            name_word(w) || bare.is_some_and(|b| b.starts_with(char::is_uppercase))
        };
        // The article joined to the word ("al-Hassan") leaves the name word before it
        // ("al-Qard al-Hassan"), not a title ("Prime Minister al-Hassan").
        let article = ARABIC_ARTICLES.iter().find(|a| text[..start].ends_with(*a));
        let from = article.map_or(start, |a| start - a.len());
        let before = word_before(text, from).is_some_and(|(prev, opens_sentence)| {
            !opens_sentence && prev != "The" && name_word(prev)
        });
        let after = (text[end..].strip_prefix(' '))
            .map(|r| {
                r.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'))
                    .next()
                    .unwrap_or("")
            })
            .is_some_and(|w| name_word(w) && !w.chars().all(|c| matches!(c, 'I' | 'V' | 'X')));
        before || after
    }

    /// The word printed after byte `end` is a noun of `topic_heads`.
    fn topic_after(&self, text: &str, end: usize) -> bool {
        let rest = &text[end..];
        let Some(rest) = rest.strip_prefix(' ') else {
            return false;
        };
        let word = rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        listed(&self.place_words.topic_heads, word)
    }

    fn locative_before(&self, f: &str, s: usize, places: &[(usize, usize)]) -> bool {
        let before = f[..s].trim_end();
        let mut words = before.rsplit(' ');
        let Some(prev) = words.next() else {
            return false;
        };
        let prev = prev.trim_matches(|c: char| !c.is_alphanumeric());
        let lists = &self.place_words;
        // "in the Erbil and Sulaimani provinces", "near the Duhok border": the article stands
        // between the locative and the place.
        let before_article = (prev == "the")
            .then(|| words.next())
            .flatten()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
        if before_article.is_some_and(|w| listed(&lists.metonym_locatives, w)) {
            return true;
        }
        if listed(&lists.metonym_locatives, prev) || listed(&lists.place_modifiers, prev) {
            return true;
        }
        // "in Amman and Paris": a conjunct of a place is a place.
        if prev == "and" || prev == "or" {
            let conj_start = before.len() - prev.len();
            let before_conj = f[..conj_start].trim_end();
            return places
                .iter()
                .any(|&(_, pe)| pe == before_conj.len() || pe + 1 == before_conj.len());
        }
        false
    }

    /// People the lexicon lacks, introduced by a title: "Iraqi Foreign Minister X",
    /// "the spokesperson for the coalition, X". Names overlapping a known actor are skipped,
    /// but for place words inside the name ("spokesman Nasser Kanaani": Lake Nasser is one of
    /// Egypt's names): after a title, capitalised words name a person. A body printed before
    /// the title gives the person its country ("Pentagon spokesman X").
    fn unknown_people(&self, text: &str, known: &mut Vec<ActorHit>) -> Vec<ActorHit> {
        let mut out: Vec<ActorHit> = Vec::new();
        // Known hits a name displaces, by index: removed at the end, so that a page of many
        // titled names stays linear (`known` is sorted by start).
        let mut displaced: Vec<usize> = Vec::new();
        let mut push = |displaced: &mut Vec<usize>,
                        (start, end): (usize, usize),
                        name: &str,
                        role: String,
                        country: Option<String>| {
            let inside: Vec<usize> = (hits_near(known, start)..known.len())
                .take_while(|&i| known[i].start < end)
                .filter(|&i| start < known[i].end)
                .collect();
            let place_words = inside.iter().all(|&i| {
                let h = &known[i];
                start <= h.start
                    && h.end <= end
                    && (h.start, h.end) != (start, end)
                    && matches!(h.who, Who::Known(a) if self.is_country(a))
            });
            if !place_words || out.iter().rev().any(|h| start < h.end && h.start < end) {
                return;
            }
            let tokens: Vec<&str> = name.split_whitespace().collect();
            if tokens.len() < 2 || tokens.iter().any(|t| listed(&self.not_names, t)) {
                return;
            }
            displaced.extend(inside);
            out.push(ActorHit {
                start,
                end,
                who: Who::Unknown {
                    name: name.to_owned(),
                    role: Some(role),
                    country,
                    sector: None,
                },
            });
        };
        // "Turkish Energy Minister X": a nationality, a portfolio of one or two capitalised
        // words, the title, the name.
        for c in self.title_before_name.captures_iter(text) {
            let (Some(title), Some(name)) = (c.get(3), c.get(4)) else {
                continue;
            };
            let country = match c.get(1) {
                Some(n) => self.nationality(n.as_str()),
                None => self.body_country_before(text, known, title.start()),
            };
            let portfolio = c.get(2).map_or("", |p| p.as_str());
            let role = match c.get(1) {
                Some(n) => format!("{} {portfolio}{}", n.as_str(), title.as_str()),
                None => title.as_str().to_owned(),
            };
            let span = (name.start(), name.end());
            push(&mut displaced, span, name.as_str(), role, country);
        }
        for c in self.title_of_org_name.captures_iter(text) {
            let (Some(title), Some(org), Some(name)) = (c.get(1), c.get(2), c.get(3)) else {
                continue;
            };
            let role = format!("{} of {}", title.as_str(), org.as_str());
            let span = (name.start(), name.end());
            push(&mut displaced, span, name.as_str(), role, None);
        }
        for c in self.name_then_title.captures_iter(text) {
            let (Some(name), Some(title), Some(remit)) = (c.get(1), c.get(2), c.get(3)) else {
                continue;
            };
            // The remit up to the apposition's end, at most a line of print.
            let remit_end = text.floor_char_boundary(remit.end().min(remit.start() + REMIT_BYTES));
            let role = format!("{} of {}", title.as_str(), &text[remit.start()..remit_end]);
            let country = self.country_within(known, remit.start(), remit_end);
            let span = (name.start(), name.end());
            push(&mut displaced, span, name.as_str(), role, country);
        }
        if !displaced.is_empty() {
            displaced.sort_unstable();
            let mut i = 0;
            known.retain(|_| {
                i += 1;
                displaced.binary_search(&(i - 1)).is_err()
            });
        }
        out
    }

    /// The country of a body named right before byte `at` ("Pentagon spokesman"), if any.
    fn body_country_before(&self, text: &str, known: &[ActorHit], at: usize) -> Option<String> {
        let last = known.partition_point(|h| h.start < at);
        let h =
            known[..last].iter().rev().take(4).find(|h| {
                h.end < at && text.get(h.end..at).is_some_and(|gap| gap.trim().is_empty())
            })?;
        match h.who {
            Who::Known(a) if self.is_body(a) || self.is_country(a) => {
                self.actors[a].country.clone()
            }
            _ => None,
        }
    }

    /// The country of the first state or body named within `start..end` (a title's remit:
    /// "head of the security committee in the Salahuddin provincial council").
    fn country_within(&self, known: &[ActorHit], start: usize, end: usize) -> Option<String> {
        let first = known.partition_point(|h| h.start < start);
        known[first..]
            .iter()
            .take_while(|h| h.end <= end)
            .find_map(|h| match h.who {
                Who::Known(a) if self.is_body(a) || self.is_country(a) => {
                    self.actors[a].country.clone()
                }
                _ => None,
            })
    }

    /// Whether the name ending at `end` of `text` is glued to a participle that makes it describe
    /// the noun after it ("Iran-backed", "US-led"; `hyphen_attributes` in data/names.toml).
    fn describes_by_hyphen(&self, text: &str, end: usize) -> bool {
        let rest = &text[end..];
        let Some(rest) = rest
            .strip_prefix('-')
            .or_else(|| rest.strip_prefix('\u{2010}'))
            .or_else(|| rest.strip_prefix('\u{2011}'))
        else {
            return false;
        };
        let word: String = rest
            .chars()
            .take_while(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        listed(&self.hyphen_attributes, &word)
    }

    /// "ethnic Albanians", "ethnic Kurds": a people, not the state its name shares, of no country
    /// until a place gives it one ("demonstrated in Serbia").
    fn ethnic_group(&self, text: &str, h: ActorHit) -> ActorHit {
        let before = text[..h.start].trim_end();
        let is_country = matches!(h.who, Who::Known(a) if self.is_country(a));
        // "ethnic" as a word of its own, not the end of "multiethnic".
        let start = before
            .char_indices()
            .rev()
            .nth(5)
            .map(|(i, _)| i)
            .filter(|&i| before[i..].eq_ignore_ascii_case("ethnic"))
            .filter(|&i| i == 0 || before[..i].ends_with(|c: char| !c.is_alphanumeric()));
        let Some(start) = start.filter(|_| is_country) else {
            return h;
        };
        ActorHit {
            start,
            end: h.end,
            who: Who::Unknown {
                name: text[start..h.end].to_owned(),
                role: None,
                country: None,
                sector: Some("civilians".into()),
            },
        }
    }

    /// Whether country `h` is the remit of the title before it ("the UN envoy for Iraq", "the
    /// US ambassador to Baghdad"): `[people] remit_titles` of data/names.toml.
    fn is_remit(&self, text: &str, h: &ActorHit) -> bool {
        if !matches!(h.who, Who::Known(a) if self.is_country(a)) {
            return false;
        }
        let before = text[..h.start].trim_end();
        let before = before.strip_suffix(" the").unwrap_or(before).trim_end();
        let Some(title_end) = ["to", "for", "in"].iter().find_map(|p| {
            before
                .strip_suffix(p)
                .filter(|b| b.ends_with(' '))
                .map(str::trim_end)
        }) else {
            return false;
        };
        let lower = title_end.to_lowercase();
        let Some(title) = self.remit_titles.iter().find(|t| {
            lower
                .strip_suffix(t.as_str())
                .is_some_and(|rest| rest.ends_with(' '))
        }) else {
            return false;
        };
        // A title of somebody's ("the UN special envoy", "the US ambassador"), not a bare "an
        // envoy" sent somewhere: a capitalised word within two words before it. (`get`: a case
        // change can make the folded title's length differ from the printed one's.)
        let Some(holder) = title_end.get(..title_end.len().saturating_sub(title.len())) else {
            return false;
        };
        holder
            .split_whitespace()
            .rev()
            .take(2)
            .any(|w| w.starts_with(char::is_uppercase))
    }

    /// Whether `word` is a nationality word of `[nationalities]` ("Jordanians", "Iraqi").
    pub fn is_nationality(&self, word: &str) -> bool {
        self.nationality(word).is_some()
    }

    fn nationality(&self, adjective: &str) -> Option<String> {
        self.nationalities
            .iter()
            .find(|(k, _)| k == adjective)
            .map(|(_, v)| v.clone())
    }

    /// Resolves a free-standing name ("US-led global coalition against ISIS (CJTF-OIR)",
    /// "Islamic State") to the canonical actor its longest alias names.
    pub fn resolve_name(&self, name: &str, day: Option<Date>) -> Option<usize> {
        let folded = fold::fold(name);
        let hits = self.find(name, &folded, day);
        hits.iter()
            .filter_map(|h| match h.who {
                Who::Known(a) => Some((h.end - h.start, h.start, a)),
                Who::Unknown { .. } => None,
            })
            .max_by_key(|&(len, start, _)| (len, std::cmp::Reverse(start)))
            .map(|(_, _, a)| a)
    }
}

/// Whether `gap` joins a state to a body it owns: a possessive or a blank, then at most two
/// capitalised words of the body's full name ("Iran's Supreme National Security Council").
fn owner_gap(gap: &str) -> bool {
    let Some(rest) = ["'s ", "’s ", " "].iter().find_map(|p| gap.strip_prefix(p)) else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    (rest.is_empty() || rest.ends_with(' '))
        && words.len() <= 2
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic))
}

/// Whether `word` is one of `list`.
fn listed(list: &[String], word: &str) -> bool {
    list.iter().any(|w| w == word)
}

/// A span of folded text given to an actor.
#[derive(Debug, Clone, Copy)]
struct FoldedHit {
    start: usize,
    end: usize,
    actor: usize,
}

/// What a spelling found in the text names there.
enum Reading {
    Actor(usize),
    /// A place name after a locative: the place, not its government.
    Place,
    Nothing,
}

/// One [`ActorIndex::find`] over an article: the spans already given to names and the places
/// read as places so far.
struct NameSearch<'a> {
    index: &'a ActorIndex,
    text: &'a str,
    folded: &'a Folded,
    day: Option<Date>,
    /// Spans already given to a name, by start: they never overlap, so the one starting last
    /// before an end is the only one that can overlap a span ending there.
    taken: BTreeMap<usize, usize>,
    hits: Vec<FoldedHit>,
    places_as_place: Vec<(usize, usize)>,
    /// [`NameSearch::named_otherwise`] by (word, person): each is a scan of the whole text, and a
    /// text may title the same surname thousands of times.
    named_elsewhere: std::cell::RefCell<FastMap<(String, usize), bool>>,
}

impl NameSearch<'_> {
    fn overlaps(&self, s: usize, e: usize) -> bool {
        self.taken
            .range(..e)
            .next_back()
            .is_some_and(|(_, &b)| s < b)
    }

    fn take(&mut self, start: usize, end: usize, actor: usize) {
        self.taken.insert(start, end);
        self.hits.push(FoldedHit { start, end, actor });
    }

    /// The text as printed for the folded span `s..e`, with its start and end in the text.
    fn printed(&self, s: usize, e: usize) -> (&str, usize, usize) {
        let (os, oe) = self.folded.original_span(s, e);
        (&self.text[os..oe], os, oe)
    }

    /// A name, alias, metonym or title at `s..e` unless a longer name holds it.
    fn full_name(&mut self, s: usize, e: usize, pid: usize) {
        if self.overlaps(s, e) {
            return;
        }
        match self.reading(s, e, pid) {
            Reading::Actor(a) => self.take(s, e, a),
            Reading::Place => self.places_as_place.push((s, e)),
            Reading::Nothing => {}
        }
    }

    /// The first of the spelling's readings that fits where it is printed.
    fn reading(&self, s: usize, e: usize, pid: usize) -> Reading {
        let index = self.index;
        let (original, os, oe) = self.printed(s, e);
        let title_holders: Vec<usize> = index.infos[pid]
            .iter()
            .filter(|i| i.kind == AliasKind::Title && index.valid_on(i.actor, self.day))
            .map(|i| i.actor)
            .collect();
        let mut is_place = false;
        for info in &index.infos[pid] {
            if !info.fits(original) {
                continue;
            }
            match info.kind {
                // "the Kurdistan Region Security Council" is not the UN's: a body's name
                // extended on its left by capitalised words names another body.
                AliasKind::Plain
                    if index.is_body(info.actor)
                        && (extended_name(self.text, os, original)
                            || index.another_bodys_common_name(
                                self.text,
                                os,
                                original,
                                !info.capital,
                            )) => {}
                // "Mohammed Abdullah", "Abdullah Ocalan", "Khor Abdullah": a person's one-word
                // name inside a longer one names someone (or somewhere) else.
                AliasKind::Plain
                    if !original.contains(' ')
                        && index.is_person(&Who::Known(info.actor))
                        && index.inside_another_name(self.text, os, oe) => {}
                AliasKind::Plain => return Reading::Actor(info.actor),
                // "Sajjad al-Iraqi", "Abu Ayyub al-Masri": a nationality word joined to the
                // Arabic article is a nisba, part of a person's name.
                AliasKind::Metonym if nisba_at(self.text, os) => {}
                // "the Syria crisis", "the Syrian conflict": the topic talked about.
                AliasKind::Metonym if index.topic_after(self.text, oe) => {}
                AliasKind::Metonym => {
                    // "a group of Moroccan diplomats", "thousands of Nigerians": a nationality
                    // word not followed by a name ("Iraqi Kurdistan") is an agent after a
                    // locative too.
                    let agent = info.demonym && !capitalised_after(self.text, oe);
                    if !agent && index.locative_before(&self.folded.text, s, &self.places_as_place)
                    {
                        is_place = true;
                    } else {
                        return Reading::Actor(info.actor);
                    }
                }
                AliasKind::Title => {
                    if let Some(&a) = index.pick_holder(&title_holders, &self.hits) {
                        return Reading::Actor(a);
                    }
                }
                AliasKind::Context => {}
            }
        }
        if is_place {
            Reading::Place
        } else {
            Reading::Nothing
        }
    }

    /// Where each actor has been named, as (folded end, actor): the names found, and the actors
    /// named inside a longer name ("the coalition against the Islamic State"), which count as
    /// named for the short forms that follow ("the extremist group").
    fn named(&self, cands: &[(usize, usize, usize)]) -> Vec<(usize, usize)> {
        let mut named: Vec<(usize, usize)> = self.hits.iter().map(|h| (h.end, h.actor)).collect();
        for &(s, e, pid) in cands {
            if self
                .taken
                .range(..=s)
                .next_back()
                .is_some_and(|(_, &b)| e <= b)
            {
                for info in &self.index.infos[pid] {
                    if info.kind == AliasKind::Plain && info.fits(self.printed(s, e).0) {
                        named.push((e, info.actor));
                    }
                }
            }
        }
        named
    }

    /// Short forms, left to right, each resolved to an actor named before it.
    fn short_forms(&mut self, cands: &[(usize, usize, usize)], named: &mut Vec<(usize, usize)>) {
        let mut ctx: Vec<(usize, usize, usize)> = cands
            .iter()
            .copied()
            .filter(|&(_, _, pid)| {
                self.index.infos[pid]
                    .iter()
                    .any(|i| i.kind == AliasKind::Context)
            })
            .collect();
        ctx.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e - s)));
        for (s, e, pid) in ctx {
            if self.overlaps(s, e) {
                self.second_reference(s, e, pid, named);
                continue;
            }
            if let Some(a) =
                (self.antecedent(s, e, pid, named)).or_else(|| self.titled_surname(s, e, pid))
            {
                self.take(s, e, a);
                named.push((e, a));
            }
        }
    }

    /// A one-word name of the lexicon's that is the surname of a person the article has named
    /// in full names that person: news style refers to people by surname after the first
    /// mention ("Foreign Minister Fuad Hussein … Hussein said"), so the dictionary's bearer of
    /// the bare word (a king dead since 1999) is not meant.
    fn second_reference(
        &mut self,
        s: usize,
        e: usize,
        pid: usize,
        named: &mut Vec<(usize, usize)>,
    ) {
        // Only a name taken at exactly this span can be one (a lookup, before the scan).
        if self.taken.get(&s) != Some(&e) {
            return;
        }
        let Some(hit) = self.hits.iter().rposition(|h| h.start == s && h.end == e) else {
            return;
        };
        let bare = self.hits[hit].actor;
        if !self.index.is_person(&Who::Known(bare)) {
            return;
        }
        if let Some(a) = self.antecedent(s, e, pid, named)
            && a != bare
            && self.index.is_person(&Who::Known(a))
        {
            self.hits[hit].actor = a;
            named.push((e, a));
        }
    }

    /// The actor a short form at `s..e` names: of the actors it may name, the one named last
    /// before it.
    fn antecedent(
        &self,
        s: usize,
        e: usize,
        pid: usize,
        named: &[(usize, usize)],
    ) -> Option<usize> {
        let (original, _, _) = self.printed(s, e);
        let mut best: Option<(usize, usize)> = None; // (last mention position, actor)
        for info in &self.index.infos[pid] {
            if info.kind != AliasKind::Context || !info.fits(original) {
                continue;
            }
            let last = named
                .iter()
                .filter(|h| h.1 == info.actor && h.0 <= s)
                .map(|h| h.0)
                .max();
            if let Some(pos) = last
                && best.is_none_or(|(p, _)| pos > p)
            {
                best = Some((pos, info.actor));
            }
        }
        best.map(|(_, a)| a)
    }

    /// "President Mugabe", "Gen. Votel": a surname right after a title names the one person of
    /// the lexicon who bears it, named before in the article or not. A surname several people
    /// of the lexicon bear ("Minister Hussein") names nobody this way, nor a word a capitalised
    /// one follows (a first name).
    fn titled_surname(&self, s: usize, e: usize, pid: usize) -> Option<usize> {
        let before = self.folded.text[..s].trim_end().trim_end_matches('.');
        let titled = self.index.person_titles.iter().any(|t| {
            before
                .strip_suffix(t.as_str())
                .is_some_and(|rest| !t.is_empty() && !rest.ends_with(|c: char| c.is_alphanumeric()))
        });
        if !titled {
            return None;
        }
        let (original, _, oe) = self.printed(s, e);
        // "official Timothy Morrison": a first name, the person one the lexicon may lack. So is
        // a surname the article prints elsewhere at the head of a longer name ("President Yoon
        // Suk Yeol … President Yoon"): the person it names there, not the lexicon's.
        if capitalised_after(self.text, oe) {
            return None;
        }
        let mut people = (self.index.infos[pid].iter())
            .filter(|i| i.kind == AliasKind::Context && i.fits(original))
            .filter(|i| self.index.is_person(&Who::Known(i.actor)))
            .map(|i| i.actor);
        let first = people.next()?;
        (people.all(|a| a == first) && !self.named_otherwise(original, first)).then_some(first)
    }

    /// Whether the article prints `word` elsewhere inside a longer name that is not `person`'s
    /// ("Yoon Suk Yeol", "Timothy Morrison"): a title before the bare word then names that one,
    /// whom the lexicon may lack, not the lexicon's only bearer of the word.
    fn named_otherwise(&self, word: &str, person: usize) -> bool {
        let key = (word.to_owned(), person);
        if let Some(&known) = self.named_elsewhere.borrow().get(&key) {
            return known;
        }
        let found = self.scan_named_otherwise(word, person);
        self.named_elsewhere.borrow_mut().insert(key, found);
        found
    }

    fn scan_named_otherwise(&self, word: &str, person: usize) -> bool {
        let own: Vec<String> = self.index.actors[person]
            .name
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .collect();
        let foreign = |w: &str| {
            w.starts_with(char::is_uppercase)
                && !dateline_core::time::is_calendar_name(w)
                && !own.contains(&w.to_lowercase())
        };
        let text = self.text;
        text.match_indices(word).any(|(at, w)| {
            let end = at + w.len();
            if text[..at].ends_with(char::is_alphanumeric)
                || text[end..].starts_with(char::is_alphanumeric)
            {
                return false;
            }
            let next = text[end..]
                .strip_prefix([' ', '\u{a0}'])
                .and_then(|r| r.split(|c: char| !c.is_alphanumeric()).next())
                .unwrap_or("");
            let prev = text[..at]
                .strip_suffix([' ', '\u{a0}'])
                .and_then(|r| r.rsplit(|c: char| !c.is_alphanumeric()).next())
                .unwrap_or("");
            // A capitalised word before the bare word is a first name unless it ends a title
            // ("President Mugabe").
            let prev_is_name = foreign(prev)
                && !self.index.person_titles.iter().any(|t| {
                    t.split_whitespace()
                        .last()
                        .is_some_and(|l| l.trim_end_matches('.').eq_ignore_ascii_case(prev))
                });
            foreign(next) || prev_is_name
        })
    }

    /// The names found, in the text's offsets, with the people the lexicon lacks.
    fn into_hits(mut self) -> Vec<ActorHit> {
        self.hits.sort_by_key(|h| (h.start, h.end));
        let mut out: Vec<ActorHit> = self
            .hits
            .iter()
            .map(|h| {
                let (os, oe) = self.folded.original_span(h.start, h.end);
                ActorHit {
                    start: os,
                    end: closing_bracket(self.text, os, oe),
                    who: Who::Known(h.actor),
                }
            })
            .filter(|h| !self.index.describes_by_hyphen(self.text, h.end))
            .filter(|h| !self.index.is_remit(self.text, h))
            .map(|h| self.index.ethnic_group(self.text, h))
            .collect();
        let people = self.index.unknown_people(self.text, &mut out);
        let surnames = unknown_surnames(self.text, &people, &out);
        out.extend(people);
        out.extend(surnames);
        out.sort_by_key(|h| (h.start, h.end));
        out
    }
}

/// The Arabic article as it is joined to a surname ("al-Abbasi", "el-Sisi").
const ARABIC_ARTICLES: [&str; 4] = ["al-", "Al-", "el-", "El-"];

/// The surnames of people the lexicon lacks, named in full before ("General Kevin Bennett …
/// General Bennett"): the last word of the name, printed alone after it, names that person when
/// no other of them bears it and no other name holds the word there.
fn unknown_surnames(text: &str, people: &[ActorHit], known: &[ActorHit]) -> Vec<ActorHit> {
    fn surname(h: &ActorHit) -> Option<&str> {
        match &h.who {
            Who::Unknown { name, .. } => name.rsplit(' ').next().filter(|w| {
                let head = ARABIC_ARTICLES
                    .iter()
                    .find_map(|a| w.strip_prefix(a))
                    .unwrap_or(w);
                head.len() >= 3 && head.starts_with(char::is_uppercase) && name.contains(' ')
            }),
            Who::Known(_) => None,
        }
    }
    // Each surname once, from the end of its bearer's first full name (people come in order).
    let mut bearers: FastMap<&str, Option<&ActorHit>> = FastMap::default();
    for p in people {
        let Some(word) = surname(p) else { continue };
        // An Arabic surname's article is often dropped after the first mention ("Thabit
        // al-Abbasi … Abbasi said").
        let bare = ARABIC_ARTICLES
            .iter()
            .find_map(|a| word.strip_prefix(a))
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4);
        for word in std::iter::once(word).chain(bare) {
            bearers
                .entry(word)
                .and_modify(|b| {
                    // A surname two of them bear names neither.
                    if b.is_some_and(|q| q.who != p.who) {
                        *b = None;
                    }
                })
                .or_insert(Some(p));
        }
    }
    let mut firsts: Vec<(&str, &ActorHit)> = (bearers.into_iter())
        .filter_map(|(w, p)| Some((w, p?)))
        .collect();
    firsts.sort_by_key(|(_, p)| p.start);
    // The names already found, by start, for a binary search per occurrence.
    let mut spans: Vec<(usize, usize)> = (known.iter().chain(people))
        .map(|h| (h.start, h.end))
        .collect();
    spans.sort_unstable();
    let longest = spans.iter().map(|(s, e)| e - s).max().unwrap_or(0);
    let taken = |start: usize, end: usize| {
        let from = spans.partition_point(|&(s, _)| s + longest < start);
        spans[from..]
            .iter()
            .take_while(|&&(s, _)| s < end)
            .any(|&(s, e)| start < e && s < end)
    };
    let mut out: Vec<ActorHit> = Vec::new();
    for (word, p) in firsts {
        for (at, w) in text[p.end..].match_indices(word) {
            let (start, end) = (p.end + at, p.end + at + w.len());
            let bounded = !text[..start].ends_with(|c: char| c.is_alphanumeric() || c == '-')
                && !text[end..].starts_with(char::is_alphanumeric);
            if bounded && !taken(start, end) && !capitalised_after(text, end) {
                out.push(ActorHit {
                    start,
                    end,
                    who: p.who.clone(),
                });
            }
        }
    }
    out
}

/// A name printed with its acronym in brackets ("Kurdistan Democratic Party (KDP)") ends after
/// the bracket, which folding dropped from the match.
fn closing_bracket(text: &str, start: usize, end: usize) -> usize {
    let span = &text[start..end];
    if span.matches('(').count() > span.matches(')').count() && text[end..].starts_with(')') {
        end + 1
    } else {
        end
    }
}

/// True when the next word after byte `end` of `text` starts with a capital letter.
/// Whether two names share a word (case aside): a person's title shares none with their name.
fn shares_a_word(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .map(str::to_lowercase)
            .collect()
    };
    let b = words(b);
    words(a).iter().any(|w| b.contains(w))
}

fn capitalised_after(text: &str, end: usize) -> bool {
    text[end..]
        .trim_start_matches([' ', '\u{a0}'])
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// True when the name at `start` (printed `name`, two words or more, capitalised) follows a
/// capitalised word inside the sentence: it is the tail of a longer proper name.
fn extended_name(text: &str, start: usize, name: &str) -> bool {
    if name.split_whitespace().count() < 2 || !name.starts_with(char::is_uppercase) {
        return false;
    }
    let Some((prev, opens_sentence)) = word_before(text, start) else {
        return false;
    };
    // A capitalised word that does not open the sentence, and is not "The"; a compound whose
    // last part is lower case is a modifier ("the Iran-backed Kataib Hezbollah", "US-led").
    let last_part = prev.rsplit('-').next().unwrap_or(prev);
    prev.chars().next().is_some_and(char::is_uppercase)
        && last_part.chars().next().is_some_and(char::is_uppercase)
        && prev.chars().all(|c| c.is_alphanumeric() || c == '-')
        && prev != "The"
        && !opens_sentence
}

/// The word printed before byte `start` of `text` (punctuation and all) and whether it opens its
/// The first of `hits` (sorted by start) that may overlap a name starting at byte `start`: a
/// name is shorter than this many bytes.
fn hits_near(hits: &[ActorHit], start: usize) -> usize {
    const LONGEST_NAME: usize = 256;
    hits.partition_point(|h| h.start + LONGEST_NAME < start)
}

/// sentence; `None` when no space stands between them.
fn word_before(text: &str, start: usize) -> Option<(&str, bool)> {
    let before = text[..start].trim_end_matches([' ', '\u{a0}']);
    if before.len() == start {
        return None;
    }
    let prev = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let opens_sentence = before[..before.len() - prev.len()]
        .trim_end()
        .chars()
        .last()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | '"' | '“'));
    Some((prev, opens_sentence))
}

/// Short forms an article introduces in brackets after a name ("the elite Counter-Terrorism
/// Service (CTS)", "the Sinjar Resistance Units (YBS)"): news copy names the body by them from
/// then on ("The CTS joined the fight"), though no dictionary lists them. Each later use of the
/// short form, standing alone, names what the name before its bracket named. `hits` are sorted
/// by start, and so is what comes back.
pub(crate) fn introduced_short_forms(text: &str, mut hits: Vec<ActorHit>) -> Vec<ActorHit> {
    let mut introduced: Vec<(&str, usize, Who)> = Vec::new();
    for h in &hits {
        let Some(rest) = text.get(h.end..).and_then(|r| r.strip_prefix(" (")) else {
            continue;
        };
        let Some((short, _)) = rest.split_once(')') else {
            continue;
        };
        let capitals = short.chars().filter(char::is_ascii_uppercase).count();
        if (2..=6).contains(&capitals)
            && short
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && initials_of(&text[h.start..h.end], short)
            && !introduced.iter().any(|(s, ..)| *s == short)
        {
            // Where the bracket closes: uses after it count.
            introduced.push((short, h.end + 2 + short.len() + 1, h.who.clone()));
        }
    }
    if introduced.is_empty() {
        return hits;
    }
    // A hit overlapping a use starts at most this far before it: the overlap test reads only
    // those, so a long body of many uses stays n·log n.
    let longest = hits.iter().map(|h| h.end - h.start).max().unwrap_or(0);
    let mut added = Vec::new();
    for (short, from, who) in introduced {
        let mut at = from;
        while let Some(i) = text.get(at..).and_then(|r| r.find(short)) {
            let (s, e) = (at + i, at + i + short.len());
            at = e;
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
            if word(text[..s].chars().next_back()) || word(text[e..].chars().next()) {
                continue;
            }
            let lo = hits.partition_point(|h| h.start + longest < s);
            let hi = hits.partition_point(|h| h.start < e);
            if !hits[lo..hi.max(lo)].iter().any(|h| s < h.end) {
                added.push(ActorHit {
                    start: s,
                    end: e,
                    who: who.clone(),
                });
            }
        }
    }
    hits.extend(added);
    hits.sort_by_key(|h| (h.start, h.end));
    hits
}

/// Whether `short` is made of the initials of `name`'s capitalised words, in order, the first
/// one's first ("Counter-Terrorism Service": CTS): a short form of that name, not a bracket that
/// happens to follow it ("BAGHDAD (AP)").
fn initials_of(name: &str, short: &str) -> bool {
    let initials: Vec<char> = (name.split([' ', '-']))
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_uppercase)
        .collect();
    let mut wanted = short.chars().filter(char::is_ascii_uppercase);
    let Some(first) = wanted.next() else {
        return false;
    };
    if initials.first() != Some(&first) {
        return false;
    }
    let mut rest = initials[1..].iter();
    wanted.all(|c| rest.any(|&i| i == c))
}

fn acronym_in_text(original: &str) -> bool {
    original
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase())
}

/// A person's surname as a short form ("Leahy", "Pevkur"), when it is a usable word. The
/// field's office holders ("listed" with the dates of their posts) are people too, named as
/// people are: first and last name or more, never one word.
fn surname(a: &ActorEntry) -> Option<String> {
    let words = a.name.split_whitespace().count();
    let field_person = a.kind == "listed" && !a.codes.is_empty() && (2..=4).contains(&words);
    if a.kind != "person" && !field_person {
        return None;
    }
    let last = a.name.split_whitespace().last()?;
    let last = ARABIC_ARTICLES
        .iter()
        .find_map(|a| last.strip_prefix(a))
        .unwrap_or(last);
    (last.chars().filter(|c| c.is_alphabetic()).count() >= 4).then(|| last.to_owned())
}

/// Whether the word printed at `start` follows the Arabic article joined by a hyphen ("al-",
/// "el-"), as a nisba does in a person's name ("Sajjad al-Iraqi").
fn nisba_at(text: &str, start: usize) -> bool {
    // Only the bytes before the word are read: this runs for every nationality word.
    let Some(head) = start.checked_sub(3).and_then(|h| text.get(h..start)) else {
        return false;
    };
    (head.eq_ignore_ascii_case("al-") || head.eq_ignore_ascii_case("el-"))
        && !text[..start - 3].ends_with(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::{extended_name, initials_of};

    #[test]
    fn a_short_form_is_made_of_the_name_s_initials() {
        assert!(initials_of("Counter-Terrorism Service", "CTS"));
        assert!(initials_of("Popular Mobilization Forces", "PMF"));
        assert!(initials_of("Ministry of the Interior", "MI"));
        // A bracket after a dateline, or letters the name does not begin with.
        assert!(!initials_of("BAGHDAD", "AP"));
        assert!(!initials_of("Counter-Terrorism Service", "TCS"));
        assert!(!initials_of("Sinjar Resistance Units", "YBS"));
    }

    #[test]
    fn a_body_name_after_capitalised_words_is_part_of_another_name() {
        let t = "Officials of the Kurdistan Region Security Council said so.";
        let at = t.find("Security").expect("name");
        assert!(extended_name(t, at, "Security Council"));
        let t = "The Security Council met. Security Council members left.";
        assert!(!extended_name(
            t,
            t.find("Security").expect("name"),
            "Security Council"
        ));
        assert!(!extended_name(
            t,
            t.rfind("Security").expect("name"),
            "Security Council"
        ));
        let t = "the UN Security Council";
        assert!(!extended_name(
            t,
            t.find("UN").expect("name"),
            "UN Security Council"
        ));
    }

    #[test]
    fn a_compound_modifier_before_a_body_name_is_no_part_of_it() {
        for t in [
            "a facility of the Iran-aligned Kataib Hezbollah militia",
            "strikes on the Iran-backed Kataib Hezbollah",
        ] {
            let at = t.find("Kataib").expect("name");
            assert!(!extended_name(t, at, "Kataib Hezbollah"), "{t}");
        }
        // A compound of names still extends one.
        let t = "leaders of the Syrian-Kurdish Democratic Union Party";
        let at = t.find("Democratic").expect("name");
        assert!(extended_name(t, at, "Democratic Union Party"));
    }
}
