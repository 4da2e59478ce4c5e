//! The lexicon generated from the event-data field's open dictionaries: PETRARCH2's CAMEO verb
//! patterns read as PLOVER through CAMEO2PLOVER, and the Phoenix actor, agent and discard lists.
//!
//! The files under `data/lexicon/` are written by `cargo xtask lexicon` from `data/sources/`;
//! their header comments describe the token syntax. They are compiled into the binary so that
//! coding never depends on where it runs, and the types below are the contract the event coder
//! is written against.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

/// The four generated files, as `(name, embedded text)`.
const BUNDLED: [(&str, &str); 4] = [
    (
        "verbs.toml",
        include_str!("../../../data/lexicon/verbs.toml"),
    ),
    (
        "actors.toml",
        include_str!("../../../data/lexicon/actors.toml"),
    ),
    (
        "agents.toml",
        include_str!("../../../data/lexicon/agents.toml"),
    ),
    (
        "discards.toml",
        include_str!("../../../data/lexicon/discards.toml"),
    ),
];

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{file}: {source}")]
    Toml {
        file: String,
        #[source]
        source: toml::de::Error,
    },
    #[error("{file}: {source}")]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// `data/lexicon/verbs.toml`: PETRARCH2's verb blocks.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct VerbsFile {
    /// Synonym sets named by `&name` tokens, plurals already listed.
    #[serde(default)]
    pub synonyms: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub verb: Vec<VerbBlock>,
}

/// Verbs that share their patterns, and what the verbs mean when no pattern matches.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct VerbBlock {
    pub head: String,
    /// `None`: the bare verb codes no event (`[---]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// `None` when the default code is not a PLOVER event (CAMEO 01, 02) or there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// One string per verb of the block, its forms separated by `|` ("head|headed|heading|heads"),
    /// already inflected, so matching needs no English morphology. Kept by verb because a
    /// pattern of prepositions alone belongs to its own verb (see [`VerbBlock::verbs`]).
    #[serde(default)]
    pub forms: Vec<String>,
    /// `verbs.toml` writes each pattern as one string (see [`Pattern`]); a table is accepted too.
    #[serde(default, deserialize_with = "compact_or_tables")]
    pub pattern: Vec<Pattern>,
}

impl VerbBlock {
    /// Each verb of the block with its forms, in the order of `forms`.
    pub fn verbs(&self) -> impl Iterator<Item = std::str::Split<'_, char>> {
        self.forms.iter().map(|v| v.split('|'))
    }
}

/// A phrase around the verb that overrides the block's default code.
///
/// `verbs.toml` writes it as one string, `PRE|VERB|POST|CAMEO PLOVER MODE CONTEXT`: the `pre`
/// and `post` tokens separated by single spaces, `_` joining the words of a multi-word token
/// (except in `&name`, where it is part of the name), then the four codes with `-` where absent
/// (CONTEXT, last, may hold blanks). Inline tables made the file slow to load.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    /// `None`: the phrase matches and means no event ("killed in a car crash"). May be TABARI's
    /// paired `A:B` (A from source to target, B the reverse event).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    pub verb: String,
    #[serde(default)]
    pub pre: Vec<String>,
    #[serde(default)]
    pub post: Vec<String>,
}

/// `data/lexicon/actors.toml`: the three Phoenix actor dictionaries.
///
/// The file holds one array per Phoenix file (`countries`, `international`, `milnonstate`,
/// each actor's `source`), each actor one string `ALIAS;ALIAS…|CODE;CODE…`, or
/// `NAME|ALIAS;…|CODE;…` when the name is not the first alias with each word capitalised;
/// each code is written as [`Code`] describes. As inline tables the file took ~90 ms to load,
/// most of the coder's budget. `actor = [{ … }]` tables, as `Serialize` writes them, are
/// accepted too.
#[derive(Debug, Clone, Serialize)]
pub struct ActorsFile {
    pub actor: Vec<Actor>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub name: String,
    /// Which Phoenix file: `countries`, `international` or `milnonstate`.
    pub source: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Several because office holders change role over time.
    #[serde(default)]
    pub codes: Vec<Code>,
}

/// `actors.toml` writes each code as one string, `CODE COUNTRY SECTOR FROM TO` with `-` where
/// absent: a table per code made the file twice as large and the load too slow for the coder's
/// budget. A table is accepted too.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, try_from = "CodeRepr")]
pub struct Code {
    pub code: String,
    /// ISO 3166-1 alpha-3, so actors join with places and other data without CAMEO's own codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// Inclusive bounds, YYYY-MM-DD; none means the code applies whenever no dated one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum CodeRepr {
    Compact(String),
    Table {
        code: String,
        #[serde(default)]
        country: Option<String>,
        #[serde(default)]
        sector: Option<String>,
        #[serde(default)]
        from: Option<String>,
        #[serde(default)]
        to: Option<String>,
    },
}

impl TryFrom<CodeRepr> for Code {
    type Error = String;

    fn try_from(repr: CodeRepr) -> Result<Self, String> {
        match repr {
            CodeRepr::Table {
                code,
                country,
                sector,
                from,
                to,
            } => Ok(Code {
                code,
                country,
                sector,
                from,
                to,
            }),
            CodeRepr::Compact(s) => Code::from_compact(&s),
        }
    }
}

/// `-` for an absent field of a compact entry.
fn present(f: &str) -> Option<String> {
    (f != "-").then(|| f.to_string())
}

/// Exactly `N` fields of `s` separated by `sep`, or `None`.
fn fields<const N: usize>(s: &str, sep: char) -> Option<[&str; N]> {
    let mut parts = s.split(sep);
    let mut out = [""; N];
    for slot in &mut out {
        *slot = parts.next()?;
    }
    parts.next().is_none().then_some(out)
}

/// How many times the ASCII `byte` occurs in `s`.
fn count(s: &str, byte: u8) -> usize {
    s.bytes().filter(|&b| b == byte).count()
}

impl Code {
    fn from_compact(s: &str) -> Result<Code, String> {
        match fields::<5>(s, ' ') {
            Some([code, country, sector, from, to])
                if code != "-"
                    && [code, country, sector, from, to]
                        .iter()
                        .all(|f| !f.is_empty()) =>
            {
                Ok(Code {
                    code: code.to_string(),
                    country: present(country),
                    sector: present(sector),
                    from: present(from),
                    to: present(to),
                })
            }
            _ => Err(format!("`{s}` is not `CODE COUNTRY SECTOR FROM TO`")),
        }
    }
}

/// An actor's name when `actors.toml` gives none: its first alias with each word's first letter
/// (after a space or `-`) upper case, as `cargo xtask lexicon` names actors; a regnal number
/// after the first word is upper case whole ("Abdullah II", not "Abdullah Ii").
pub fn display_name(alias: &str) -> String {
    const REGNAL: [&str; 6] = ["ii", "iii", "iv", "vi", "vii", "viii"];
    let mut out = String::with_capacity(alias.len());
    for (i, word) in alias.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if i > 0 && REGNAL.contains(&word) {
            out.push_str(&word.to_uppercase());
            continue;
        }
        let mut start = true;
        for c in word.chars() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            start = c == '-';
        }
    }
    out
}

impl Actor {
    fn from_compact(source: &str, s: &str) -> Result<Actor, String> {
        let mut parts = s.split('|');
        let (name, aliases, codes) = match [(); 4].map(|_| parts.next()) {
            [Some(aliases), Some(codes), None, _] => (None, aliases, codes),
            [Some(name), Some(aliases), Some(codes), None] => (Some(name), aliases, codes),
            _ => return Err("not `ALIAS;…|CODE;…` or `NAME|ALIAS;…|CODE;…`".into()),
        };
        // Exact capacities: collecting through `Result` starts at four, and the spare `Code`s
        // of 27,000 actors cost megabytes (and their page faults) at every load.
        let mut list = Vec::with_capacity(count(aliases, b';') + 1);
        for alias in aliases.split(';') {
            if alias.is_empty() {
                return Err("an empty alias".into());
            }
            list.push(alias.to_string());
        }
        let aliases = list;
        let name = match name {
            Some("") => return Err("an empty name".into()),
            Some(name) => name.to_string(),
            None => display_name(&aliases[0]),
        };
        let codes = if codes.is_empty() {
            Vec::new()
        } else {
            let mut list = Vec::with_capacity(count(codes, b';') + 1);
            for code in codes.split(';') {
                list.push(Code::from_compact(code)?);
            }
            list
        };
        Ok(Actor {
            name,
            source: source.to_string(),
            aliases,
            codes,
        })
    }
}

/// The keys of `actors.toml`: the Phoenix files, in the order their actors are listed, and
/// `actor` for tables.
const ACTOR_SOURCES: &[&str] = &["countries", "international", "milnonstate", "actor"];

impl<'de> Deserialize<'de> for ActorsFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ActorsVisitor)
    }
}

struct ActorsVisitor;

impl<'de> Visitor<'de> for ActorsVisitor {
    type Value = ActorsFile;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("arrays of actors named `countries`, `international` and `milnonstate`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ActorsFile, A::Error> {
        let mut actor = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            match ACTOR_SOURCES.iter().find(|s| **s == key) {
                Some(&"actor") => actor.extend(map.next_value::<Vec<Actor>>()?),
                Some(&source) => map.next_value_seed(CompactActors {
                    source,
                    out: &mut actor,
                })?,
                None => return Err(de::Error::unknown_field(&key, ACTOR_SOURCES)),
            }
        }
        Ok(ActorsFile { actor })
    }
}

/// One source's array of compact actors, appended to `out`.
struct CompactActors<'a> {
    source: &'static str,
    out: &'a mut Vec<Actor>,
}

impl<'de> DeserializeSeed<'de> for CompactActors<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for CompactActors<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "an array of `{}` actors", self.source)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.out.reserve(seq.size_hint().unwrap_or(0));
        while let Some(actor) = seq.next_element_seed(CompactActor(self.source))? {
            self.out.push(actor);
        }
        Ok(())
    }
}

struct CompactActor(&'static str);

impl<'de> DeserializeSeed<'de> for CompactActor {
    type Value = Actor;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Actor, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for CompactActor {
    type Value = Actor;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an actor `ALIAS;…|CODE;…`")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Actor, E> {
        Actor::from_compact(self.0, s).map_err(|e| E::custom(format!("actor `{s}`: {e}")))
    }
}

/// An entry a file writes as one string, or as a table (what `Serialize` writes).
trait Compact: Sized {
    const WHAT: &'static str;
    fn from_compact(s: &str) -> Result<Self, String>;
}

fn compact_or_tables<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Compact + Deserialize<'de>,
{
    deserializer.deserialize_seq(EntriesVisitor(PhantomData))
}

struct EntriesVisitor<T>(PhantomData<T>);

impl<'de, T: Compact + Deserialize<'de>> Visitor<'de> for EntriesVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "an array of {}s", T::WHAT)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(Entry(x)) = seq.next_element::<Entry<T>>()? {
            out.push(x);
        }
        Ok(out)
    }
}

struct Entry<T>(T);

impl<'de, T: Compact + Deserialize<'de>> Deserialize<'de> for Entry<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EntryVisitor(PhantomData))
    }
}

struct EntryVisitor<T>(PhantomData<T>);

impl<'de, T: Compact + Deserialize<'de>> Visitor<'de> for EntryVisitor<T> {
    type Value = Entry<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a {} as a string or a table", T::WHAT)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Entry<T>, E> {
        T::from_compact(s)
            .map(Entry)
            .map_err(|e| E::custom(format!("{} `{s}`: {e}", T::WHAT)))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Entry<T>, A::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Entry)
    }
}

/// Tokens of one side of a compact pattern.
fn tokens(side: &str) -> Result<Vec<String>, String> {
    if side.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::with_capacity(count(side, b' ') + 1);
    for t in side.split(' ') {
        out.push(match t {
            "" => return Err("an empty token (two blanks in a row)".into()),
            t if t.starts_with('&') => t.to_string(),
            t => t.replace('_', " "),
        });
    }
    Ok(out)
}

impl Compact for Pattern {
    const WHAT: &'static str = "pattern";

    fn from_compact(s: &str) -> Result<Pattern, String> {
        let Some([pre, verb, post, codes]) = fields::<4>(s, '|') else {
            return Err("not `PRE|VERB|POST|CAMEO PLOVER MODE CONTEXT`".into());
        };
        if verb.is_empty() {
            return Err("no verb".into());
        }
        // CONTEXT, last, may hold blanks ("military; legal").
        let mut codes4 = codes.splitn(4, ' ');
        let mut next = || codes4.next().filter(|f| !f.is_empty());
        let (Some(cameo), Some(plover), Some(mode), Some(context)) =
            (next(), next(), next(), next())
        else {
            return Err(format!("`{codes}` is not `CAMEO PLOVER MODE CONTEXT`"));
        };
        Ok(Pattern {
            cameo: present(cameo),
            plover: present(plover),
            mode: present(mode),
            context: present(context),
            verb: verb.to_string(),
            pre: tokens(pre)?,
            post: tokens(post)?,
        })
    }
}

/// `data/lexicon/agents.toml`: generic words that give an actor its sector.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AgentsFile {
    /// The file writes each agent as one string, `PHRASE|CODE` (see [`Agent`]); a table is
    /// accepted too.
    #[serde(default, deserialize_with = "compact_or_tables")]
    pub agent: Vec<Agent>,
}

/// Written `PHRASE|CODE` in `agents.toml`: the sector is the first three letters of the code.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Agent {
    pub phrase: String,
    pub sector: String,
    /// Raw, because the side of the `~` says whether it goes before or after the actor's code.
    pub code: String,
}

impl Compact for Agent {
    const WHAT: &'static str = "agent";

    fn from_compact(s: &str) -> Result<Agent, String> {
        let Some([phrase, code]) = fields::<2>(s, '|') else {
            return Err("not `PHRASE|CODE`".into());
        };
        if phrase.is_empty() {
            return Err("no phrase".into());
        }
        let sector = code
            .trim_matches('~')
            .get(..3)
            .filter(|s| s.bytes().all(|b| b.is_ascii_uppercase()))
            .ok_or_else(|| format!("`{code}` is not an agent code like `~COP` or `NGO~`"))?;
        Ok(Agent {
            phrase: phrase.to_string(),
            sector: sector.to_string(),
            code: code.to_string(),
        })
    }
}

/// `data/lexicon/discards.toml`: phrases that mark a text as out of scope (sports, films…).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DiscardsFile {
    #[serde(default)]
    pub phrase: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    pub verbs: VerbsFile,
    pub actors: ActorsFile,
    pub agents: AgentsFile,
    pub discards: DiscardsFile,
}

fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, LexiconError> {
    toml::from_str(text).map_err(|source| LexiconError::Toml {
        file: file.to_string(),
        source,
    })
}

impl Lexicon {
    /// The lexicon compiled into this build.
    pub fn bundled() -> Result<Lexicon, LexiconError> {
        let [verbs, actors, agents, discards] = BUNDLED;
        Ok(Lexicon {
            verbs: parse(verbs.0, verbs.1)?,
            actors: parse(actors.0, actors.1)?,
            agents: parse(agents.0, agents.1)?,
            discards: parse(discards.0, discards.1)?,
        })
    }

    /// A lexicon from a directory laid out like `data/lexicon/`, to try edits without a rebuild.
    pub fn from_dir(dir: &Path) -> Result<Lexicon, LexiconError> {
        let read = |name: &str| -> Result<(String, String), LexiconError> {
            let path = dir.join(name);
            let text = std::fs::read_to_string(&path).map_err(|source| LexiconError::Io {
                file: path.clone(),
                source,
            })?;
            Ok((path.display().to_string(), text))
        };
        let (f, t) = read("verbs.toml")?;
        let verbs = parse(&f, &t)?;
        let (f, t) = read("actors.toml")?;
        let actors = parse(&f, &t)?;
        let (f, t) = read("agents.toml")?;
        let agents = parse(&f, &t)?;
        let (f, t) = read("discards.toml")?;
        let discards = parse(&f, &t)?;
        Ok(Lexicon {
            verbs,
            actors,
            agents,
            discards,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        match Lexicon::bundled() {
            Ok(l) => l,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn bundled_lexicon_holds_the_kill_block_maliki_and_police() {
        let lex = lexicon();
        let kill = lex.verbs.verb.iter().find(|b| b.head == "kill");
        let kill = kill.unwrap_or_else(|| panic!("no KILL block"));
        assert_eq!(kill.plover.as_deref(), Some("ASSAULT"));
        let kill_forms: Vec<&str> = kill.verbs().flatten().collect();
        assert!(kill_forms.contains(&"killed"));
        assert!(kill_forms.contains(&"killing"));

        let maliki = lex
            .actors
            .actor
            .iter()
            .find(|a| a.aliases.iter().any(|x| x == "nouri al maliki"))
            .unwrap_or_else(|| panic!("no Maliki"));
        assert!(maliki.codes.iter().any(|c| c.code == "IRQGOV"
            && c.from.as_deref() == Some("2006-05-20")
            && c.to.as_deref() == Some("2014-09-08")));

        let police = lex.agents.agent.iter().find(|a| a.phrase == "police");
        assert_eq!(police.map(|a| a.sector.as_str()), Some("COP"));
    }

    fn refusal<T: serde::de::DeserializeOwned>(text: &str) -> String {
        match toml::from_str::<T>(text) {
            Ok(_) => panic!("accepted:\n{text}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn malformed_compact_entries_are_refused_naming_the_entry() {
        let good = "  \"nouri al maliki|IRQGOV IRQ GOV 2006-05-20 2014-09-08\",\n";
        for bad in [
            "nouri al maliki|IRQGOV IRQ GOV 2006-05-20",
            "nouri al maliki",
            "a|b|c|IRQGOV IRQ GOV - -",
            "nouri al maliki;;maliki|IRQGOV IRQ GOV - -",
            "|maliki|IRQGOV IRQ GOV - -",
            "maliki|IRQGOV IRQ GOV - -;",
            "maliki|- IRQ GOV - -",
        ] {
            let msg = refusal::<ActorsFile>(&format!("countries = [\n{good}  \"{bad}\",\n]\n"));
            assert!(msg.contains(&format!("actor `{bad}`")), "{msg}");
            assert!(msg.contains("line 3"), "{msg}");
        }
        let msg = refusal::<ActorsFile>("nations = [\"maliki|IRQGOV IRQ GOV - -\"]\n");
        assert!(msg.contains("nations"), "{msg}");

        for bad in [
            "|kill|( in accident )",
            "||( in accident )|190 ASSAULT - -",
            "{ &car  crash }|kill||- - - -",
            "|kill||190 ASSAULT -",
        ] {
            let text = format!("[[verb]]\nhead = \"kill\"\npattern = [\n  \"{bad}\",\n]\n");
            let msg = refusal::<VerbsFile>(&text);
            assert!(msg.contains(&format!("pattern `{bad}`")), "{msg}");
            assert!(msg.contains("line 4"), "{msg}");
        }
        for bad in ["police", "police|~C", "police|~COP|x"] {
            let msg = refusal::<AgentsFile>(&format!("agent = [\"{bad}\"]\n"));
            assert!(msg.contains(&format!("agent `{bad}`")), "{msg}");
        }
    }

    #[test]
    fn compact_entries_read_as_their_tables() {
        let text = "countries = [\"nuri al maliki;nouri al-maliki|IRQGOV IRQ GOV 2006-05-20 -;IRQELI IRQ ELI - -\"]\n\
                    milnonstate = [\"Hamas|hamas;harakat al-muqawama|\"]\n";
        let actors: ActorsFile = toml::from_str(text).unwrap_or_else(|e| panic!("{e}"));
        let [maliki, hamas] = &actors.actor[..] else {
            panic!("{actors:?}")
        };
        assert_eq!(maliki.name, "Nuri Al Maliki");
        assert_eq!(maliki.source, "countries");
        assert_eq!(maliki.aliases, ["nuri al maliki", "nouri al-maliki"]);
        let c = &maliki.codes[0];
        assert_eq!(
            (c.code.as_str(), c.country.as_deref(), c.sector.as_deref()),
            ("IRQGOV", Some("IRQ"), Some("GOV"))
        );
        assert_eq!(
            (c.from.as_deref(), c.to.as_deref()),
            (Some("2006-05-20"), None)
        );
        assert_eq!(maliki.codes[1].from, None);
        assert_eq!(
            (hamas.name.as_str(), hamas.source.as_str()),
            ("Hamas", "milnonstate")
        );
        assert!(hamas.codes.is_empty());
        assert_eq!(display_name("al-qaeda in iraq"), "Al-Qaeda In Iraq");
        assert_eq!(display_name("abdullah ii"), "Abdullah II");
        assert_eq!(display_name("xi jinping"), "Xi Jinping");

        let text = "[[verb]]\nhead = \"attack\"\npattern = [\"{ &car crash } air_strike|kill|( on &fight_of_words )|- - - military; legal\"]\n";
        let verbs: VerbsFile = toml::from_str(text).unwrap_or_else(|e| panic!("{e}"));
        let p = &verbs.verb[0].pattern[0];
        assert_eq!(p.pre, ["{", "&car", "crash", "}", "air strike"]);
        assert_eq!(p.verb, "kill");
        assert_eq!(p.post, ["(", "on", "&fight_of_words", ")"]);
        assert_eq!((p.cameo.as_deref(), p.plover.as_deref()), (None, None));
        assert_eq!(p.context.as_deref(), Some("military; legal"));

        let agents: AgentsFile =
            toml::from_str("agent = [\"ngo worker|NGO~\"]\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(agents.agent[0].sector, "NGO");
        assert_eq!(agents.agent[0].code, "NGO~");
    }

    #[test]
    fn tables_as_serialize_writes_them_are_read_back() {
        let lex = lexicon();
        let small = Lexicon {
            verbs: VerbsFile {
                synonyms: BTreeMap::new(),
                verb: lex
                    .verbs
                    .verb
                    .iter()
                    .filter(|b| b.head == "kill")
                    .cloned()
                    .collect(),
            },
            actors: ActorsFile {
                actor: lex.actors.actor[..50].to_vec(),
            },
            agents: AgentsFile {
                agent: lex.agents.agent[..50].to_vec(),
            },
            discards: lex.discards.clone(),
        };
        let text = toml::to_string(&small).unwrap_or_else(|e| panic!("{e}"));
        let back: Lexicon = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(format!("{back:?}"), format!("{small:?}"));
    }

    #[test]
    fn from_dir_names_the_missing_file() {
        let err = Lexicon::from_dir(Path::new("/nonexistent-lexicon-dir"));
        let msg = err
            .map(|_| ())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(msg.contains("verbs.toml"), "{msg}");
    }
}
