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
    /// Sector in words (`government`, `military`, `rebels`…) when it does not change over time.
    pub sector: Option<String>,
    /// Where the entry's facts (an office and its dates) are on record.
    pub source: Option<String>,
    /// Country and sector by period, for actors whose part changed (an office holder who left
    /// office): the one valid on the event's date applies.
    #[serde(default)]
    pub codes: Vec<DatedCode>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedCode {
    pub country: Option<String>,
    pub sector: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventsFile {
    pub grammar: Grammar,
    #[serde(default)]
    pub trigger: Vec<TriggerEntry>,
    #[serde(default)]
    pub claim: Vec<ClaimEntry>,
    /// What an announced intention to do a happening is coded as.
    #[serde(default)]
    pub intent: Vec<Intent>,
}

/// CAMEO 03 ("Express intent to cooperate"): a cooperative happening announced with a modal of
/// intent ("will meet", "is ready to send") is coded as the intention, `as_type`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intent {
    /// The type an intention is coded as (`AGREE`).
    #[serde(rename = "as")]
    pub as_type: String,
    pub mode: String,
    /// The happening types whose announced intention is coded so.
    #[serde(default)]
    pub types: Vec<String>,
    /// Only happenings of these modes (every mode when empty).
    #[serde(default)]
    pub modes: Vec<String>,
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
    /// Verbs whose "that" clause tells what did not happen ("denied reports that …").
    #[serde(default)]
    pub denial_verbs: Vec<String>,
    /// What a verb of denial denies one's part in a happening with ("denied involvement in the
    /// attack", "denied any role in the bombing", CAMEO 016): that happening is not coded.
    #[serde(default)]
    pub denied_parts: Vec<String>,
    pub future_markers: Vec<String>,
    pub continuation_subjects: Vec<String>,
    /// Verbs that report speech: who says is the speaker, not the source of what is said.
    pub speech_verbs: Vec<String>,
    /// Verbs that report what others did ("said", "reported"): read by the dictionary as a
    /// material happening ("reported attacks"), they report it and do not do it.
    #[serde(default)]
    pub report_verbs: Vec<String>,
    /// Verbs of demand whose "that" clause states what is demanded ("demanded that Turkey
    /// withdraw"): the demand is coded, of the one obliged.
    pub mandative_verbs: Vec<String>,
    /// Phrases that introduce whom a statement was made to or who vouches for it ("told",
    /// "according to"): the noun phrase after them is never an actor of the happening.
    pub attribution_openers: Vec<String>,
    /// Phrases of a source's anonymity ("who asked not to be named", "on condition of
    /// anonymity", "not authorised to speak"): reporting furniture, up to the next comma no
    /// happening.
    #[serde(default)]
    pub anonymity_phrases: Vec<String>,
    /// Words of planning ("planning", "plotting"): a happening noun they take as object is an
    /// intention, not a happening ("accused of planning attacks").
    #[serde(default)]
    pub plan_words: Vec<String>,
    /// Natural hazards (EM-DAT's classification of disasters): a harm they do ("the earthquake
    /// has killed 35,000 people", "were killed in the floods") is nobody's doing.
    #[serde(default)]
    pub natural_hazards: Vec<String>,
    /// Adverbs of frequency ("repeatedly", "regularly"): the sentence tells of happenings
    /// repeated, which take no neighbouring happening's date.
    #[serde(default)]
    pub iterative_adverbs: Vec<String>,
    /// How a sentence opens the telling of another happening ("In a separate incident",
    /// "Elsewhere"), lower case: it continues none before it.
    #[serde(default)]
    pub separate_openers: Vec<String>,
    /// Adverbs that tell the next step of a happening already told ("Ground forces then swept
    /// the valley"), lower case; not after `time_prepositions` ("since then", "by then").
    #[serde(default)]
    pub sequence_adverbs: Vec<String>,
    /// Words before a sequence adverb that make it a time ("until then"), lower case.
    #[serde(default)]
    pub time_prepositions: Vec<String>,
    /// Participles that join their agent to the subject's doing ("Syrian forces, backed by the
    /// coalition, raided …"): a clause they open between a subject and its verb names
    /// participants, where any other ("designated a terrorist group by Turkey") only describes.
    #[serde(default)]
    pub participation_participles: Vec<String>,
    /// What opens the phrase naming the happening a passive harm was suffered in ("were killed
    /// in a Turkish drone strike"): the names qualifying its noun did it.
    #[serde(default)]
    pub passive_nominal_openers: Vec<String>,
    /// Verbs whose event-noun object says what happened ("held talks", "launched an attack").
    pub light_verbs: Vec<String>,
    /// Aspectual verbs whose gerund heads their verb phrase ("would keep cooperating", "continued
    /// shelling").
    #[serde(default)]
    pub aspectual_verbs: Vec<String>,
    /// Participles of feeling that are adjectives after "be" ("was disappointed by the vote"):
    /// their subject feels, and tells, what the trigger reports; it suffers nothing.
    #[serde(default)]
    pub stative_participles: Vec<String>,
    /// Verbs of seizing ("captured", "seized"): with a town as their object, an occupation.
    #[serde(default)]
    pub seizure_verbs: Vec<String>,
    /// Verbs of command ("ordered", "directed"): with a happening's noun as object, they tell
    /// that happening.
    #[serde(default)]
    pub command_verbs: Vec<String>,
    /// CAMEO codes a dictionary verb gives only with one of its patterns, never as its block's
    /// reading alone: "040", the unspecified consultation CAMEO files "go", "arrive", "gather",
    /// "face", "hear" and "consider" under.
    #[serde(default)]
    pub pattern_only_codes: Vec<String>,
    /// Nouns of records made public ("video", "transcript", "report"): released or handed
    /// over, they are no material cooperation.
    #[serde(default)]
    pub record_nouns: Vec<String>,
    /// Modals of obligation: "X said Y must …" is X's demand.
    pub obligation_modals: Vec<String>,
    /// Words that set a condition on a promised action: "will … unless" is a threat.
    pub conditionals: Vec<String>,
    /// Words that make a harm promised or foreseen conditional: "will impose sanctions if …",
    /// "may halt mediation if …" is a threat (a promised agreement "if …" is none).
    #[serde(default)]
    pub harm_conditionals: Vec<String>,
    /// Modals of intent right before a verb: "will meet", "is ready to send".
    #[serde(default)]
    pub intent_modals: Vec<String>,
    /// Modals of possibility right before a verb: "could attack", "is likely to deploy".
    #[serde(default)]
    pub possibility_modals: Vec<String>,
    /// Words that open a subordinate clause ("because", "if", "when"): what it tells is background
    /// to the clause it hangs on.
    #[serde(default)]
    pub subordinators: Vec<String>,
    /// Words that are prepositions before a noun phrase and subordinators before a clause
    /// ("after the talks" / "after the rivals cut ties"): a subordinator when a finite verb follows.
    #[serde(default)]
    pub clause_prepositions: Vec<String>,
    /// Nouns of a crowd ("protesters", "supporters", "mob"): violence a crowd does is PROTEST
    /// `riot` in the PLOVER manual.
    #[serde(default)]
    pub crowd_nouns: Vec<String>,
    /// Words that open, with no comma before them, a clause with a subject and a verb of its own
    /// telling its own happening ("signed an agreement as the king received the president").
    #[serde(default)]
    pub inner_subordinators: Vec<String>,
    /// What opens a new clause inside a sentence (", and ", "; "), spaces included.
    pub clause_openers: Vec<String>,
    /// Verbs whose object does what the infinitive after it says ("prompting Baghdad to summon
    /// the ambassador"): that infinitive tells a happening, not a purpose.
    #[serde(default)]
    pub causatives: Vec<String>,
    /// Prepositions that open a sentence with a phrase of its own up to the first comma ("After
    /// the blast, police …"), spaces included.
    #[serde(default)]
    pub fronted_openers: Vec<String>,
    /// What introduces the doer of a passive besides "by": the side fought (" in clashes with ").
    #[serde(default)]
    pub passive_agents: Vec<String>,
    /// Verbs whose subject is hurt, not hurting ("two soldiers suffered injuries when …").
    #[serde(default)]
    pub victim_verbs: Vec<String>,
}

impl Grammar {
    /// Whether `verb` (folded) only reports what others did (`report_verbs`).
    pub fn reports(&self, verb: &str) -> bool {
        self.report_verbs.iter().any(|r| r == verb)
    }
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
    /// Said, not done: in reported speech the speaker is its source and those named in what is
    /// said its targets ("X said Y would pay a heavy price" is X's threat to Y).
    #[serde(default)]
    pub spoken: bool,
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
    /// Its country's capital: its name stands for the government too ("Cairo said").
    #[serde(default)]
    pub capital: bool,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// The hand-written lexicon files and the one generated from the field's dictionaries, parsed.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub actors: ActorsFile,
    pub events: EventsFile,
    pub places: PlacesFile,
    /// CAMEO verb patterns and Phoenix actors, agents and discards (`data/lexicon/`).
    pub field: dateline_lexicon::Lexicon,
    /// Sector codes of the field's dictionaries in words (`data/sectors.toml`).
    pub sectors: SectorsFile,
    /// Words around a name that tell what it names (`data/names.toml`).
    pub names: NamesFile,
}

pub const DEFAULT_SECTORS: &str = include_str!("../../../data/sectors.toml");
pub const DEFAULT_NAMES: &str = include_str!("../../../data/names.toml");

/// CAMEO's three-letter sector codes (`GOV`, `COP`, `REB`) and the words dateline shows for them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectorsFile {
    pub sector: BTreeMap<String, String>,
    #[serde(default)]
    pub acting: Vec<String>,
    /// Head nouns whose agents act on their own whatever their sector ("authorities").
    #[serde(default)]
    pub acting_heads: Vec<String>,
    /// Sectors that bear arms, whose agents a place does not give a country.
    #[serde(default)]
    pub armed: Vec<String>,
    /// Sectors of a state's institutions at home (police, courts): with no country named, their
    /// agents are of the country where they act.
    #[serde(default)]
    pub domestic: Vec<String>,
    /// Words that make any agent whose phrase holds them the home government's side
    /// ("government forces"): of the country where it acts, like a domestic one.
    #[serde(default)]
    pub home_side: Vec<String>,
    /// Nouns of a state's governing bodies: the definite singular body ("the government", "the
    /// federal government") is one the story has in mind.
    #[serde(default)]
    pub definite: Vec<String>,
    /// Nouns of activity an agent word before them only describes ("military operations").
    #[serde(default)]
    pub activities: Vec<String>,
    /// Agent words that also name a building ("Sednaya prison", "Baghdad court").
    #[serde(default)]
    pub facilities: Vec<String>,
}

/// `data/names.toml`: the words that tell a place from the government it stands for, and a
/// person's name from the words around it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamesFile {
    pub places: PlaceWords,
    pub bodies: BodyWords,
    pub people: PeopleWords,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyWords {
    /// Words before a body's one-word common name that make it another body of that kind.
    pub common_name_modifiers: Vec<String>,
    /// Participles a name is glued to by a hyphen when it describes the noun after it.
    pub hyphen_attributes: Vec<String>,
    /// Per actor kind, the common nouns a definite subject refers back to such a body with.
    #[serde(default)]
    pub references: std::collections::BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceWords {
    /// After one of these a gazetteer place is where the happening was.
    pub event_locatives: Vec<String>,
    /// After one of these a place name is the place, not its government acting.
    pub metonym_locatives: Vec<String>,
    /// Words that make the place name after them part of a place or of an attribute.
    pub place_modifiers: Vec<String>,
    /// Nouns a place name before them modifies as a topic ("the Syria crisis"): no actor.
    pub topic_heads: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeopleWords {
    /// Capitalised words never part of a person's name found after a title.
    pub not_names: Vec<String>,
    /// Honorifics before a name that are not titles of office ("King", "Sheikh").
    pub honorifics: Vec<String>,
    /// Nouns heading a description of someone's role: what follows "of" names the role.
    pub role_heads: Vec<String>,
    /// Titles whose holder serves a country named after "to", "for" or "in": its remit.
    pub remit_titles: Vec<String>,
}

fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, LexiconError> {
    toml::from_str(text).map_err(|e| LexiconError::Invalid {
        file: file.to_owned(),
        reason: e.to_string(),
    })
}

impl Lexicon {
    /// The hand-written files from text, with the bundled field dictionaries.
    pub fn from_strs(actors: &str, events: &str, places: &str) -> Result<Lexicon, LexiconError> {
        let field = dateline_lexicon::Lexicon::bundled().map_err(|e| LexiconError::Invalid {
            file: "lexicon/".into(),
            reason: e.to_string(),
        })?;
        Ok(Lexicon {
            actors: parse("actors.toml", actors)?,
            events: parse("events.toml", events)?,
            places: parse("places.toml", places)?,
            field,
            sectors: parse("sectors.toml", DEFAULT_SECTORS)?,
            names: parse("names.toml", DEFAULT_NAMES)?,
        })
    }

    /// The lexicon compiled into the binary.
    pub fn bundled() -> Result<Lexicon, LexiconError> {
        Lexicon::from_strs(DEFAULT_ACTORS, DEFAULT_EVENTS, DEFAULT_PLACES)
    }

    /// Reads `actors.toml`, `events.toml` and `places.toml` from `dir` (a copy of `data/`); the
    /// sectors and the words around names are the bundled ones.
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
