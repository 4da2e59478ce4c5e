//! What happened, read with the CAMEO verb dictionary (`data/lexicon/verbs.toml`, generated from
//! PETRARCH2's `CAMEO.2.0.txt`): a verb of the dictionary, then the most specific of its block's
//! phrase patterns that the clause around it satisfies, else the block's default code; the code
//! becomes a PLOVER type and mode through CAMEO2PLOVER.
//!
//! PETRARCH matches patterns against a constituency parse. Here the clause is a flat word list:
//! a pattern's words before the verb (`pre`) must occur in order in the words before it, its words
//! after the verb (`post`) in order in the words after it, both within a window. The slots `$`
//! (source) and `+` (target) and the grouping marks only say where actors sit in the parse; they
//! match nothing. That loses PETRARCH's noun-phrase checks but keeps what the field wrote down:
//! which verb phrases mean which kind of event, and which mean none ("killed in a car crash").

use crate::LexiconError;
use crate::phrases::FastMap;
use dateline_core::event::EventType;
use dateline_lexicon::{Pattern as PatternEntry, VerbBlock, VerbsFile};
use std::collections::HashMap;

/// How far a pattern's words may sit from the verb, in words.
const PRE_WINDOW: usize = 6;
const POST_WINDOW: usize = 10;
/// At most this many words may stand between two consecutive words of a pattern (or between the
/// verb and the pattern's next word): an object's determiner and adjectives, not a new clause.
const MAX_GAP: usize = 3;

/// A PLOVER reading of a CAMEO code.
#[derive(Debug, Clone, PartialEq)]
pub struct Coded {
    pub event_type: EventType,
    pub mode: Option<String>,
    pub cameo: String,
}

impl Coded {
    /// One of TABARI's `:B` codes: only the reverse happening, from the phrase's other party to
    /// its subject ("faced criticism", [:111]).
    pub fn is_reverse(&self) -> bool {
        self.cameo.starts_with(':')
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// One word or a phrase of consecutive words.
    Words(Vec<String>),
    /// Any phrase of a synonym set.
    Syn(usize),
}

/// A pattern token with how it is tied to the one before it and whether it is the preposition
/// that opens a prepositional group.
type Slot = (Tok, Tie, bool);

/// How a pattern token is tied to the token before it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tie {
    /// Other words may stand between (up to [`MAX_GAP`]).
    Loose,
    /// The same prepositional group `( from &treaty )`: only that noun phrase's own words may
    /// stand between ("from the 1994 treaty").
    Phrase,
    /// The same compound `{ peace offensive }`: the words are printed together. A compound is a
    /// fixed name for a thing; "the \"Peace Spring\" offensive" is no peace offensive.
    Compound,
}

#[derive(Debug, Clone)]
struct Pattern {
    /// `None`: the phrase means no event (a CAMEO `[---]` or a code PLOVER does not code).
    coded: Option<Coded>,
    /// CAMEO codes the phrase, PLOVER drops the code (see [`VerbHit::dropped`]).
    dropped: bool,
    /// Tokens with whether each is tied to the one before it and whether it is the preposition
    /// that opens a prepositional group (see [`slots`]). Those before the verb are stored in
    /// reading order, from the verb outwards: the last token first, each tied to the one read
    /// before it when that one was tied to it in the pattern.
    pre: Vec<Slot>,
    post: Vec<Slot>,
    /// Words the pattern asks for besides the verb: the more, the more specific.
    literal: usize,
    /// A multi-word verb the pattern is written for ("kidnapped and killed"), else `None`.
    verb: Option<Vec<String>>,
    /// Hashes of the first word of each of its literal tokens: a pattern none of whose words
    /// is near the verb is skipped before it is matched ("said" alone has 148 patterns).
    needs: Vec<u64>,
    /// `needs` as a [`Near`] mask, for a rejection without a search.
    needs_mask: u128,
    /// The synonym sets it names, as a mask of [`synonym_bit`]: most patterns of a common verb
    /// name a set none of whose phrases is near, which the mask tells before a search that
    /// would look the set up at every word.
    synonyms_mask: u64,
    /// Its only words are a preposition opening a group ("come ( to )", "march ( against )"):
    /// in PETRARCH's parse the group's object is where the target sits, so the preposition
    /// counts only before a name ("came to Baghdad", not "came to an end").
    bare_group: bool,
    /// The verb of its block (index into the block's verbs) it alone may follow, for a pattern
    /// whose words are all function words (prepositions, particles, determiners): such a phrase
    /// is a phrasal verb of the verb it was written for ("head to" AGREE), which its synonyms do
    /// not share ("managed to improve", "bidding on"). A pattern naming something (an object, a
    /// synonym set) reads for every verb of the block, as in PETRARCH2.
    own_verb: Option<u16>,
    /// The verb of its block (index) its dictionary comment names, if it names one.
    written_for: Option<u16>,
}

/// The words near a verb as hashes and as a 128-bit mask of those hashes: most patterns ask for
/// a word that is not there, which the mask tells in one AND. Also the synonym sets a phrase of
/// which may start or end at one of them.
struct Near {
    hashes: Vec<u64>,
    mask: u128,
    synonyms: u64,
}

/// A synonym set's bit in a mask of sets; sets past 64 share bits, which only makes the mask
/// reject less.
fn synonym_bit(id: usize) -> u64 {
    1 << (id % 64)
}

/// The hash's top seven bits pick the mask bit: a multiplicative hash mixes its high bits best.
fn mask_bit(h: u64) -> u128 {
    1u128 << (h >> 57)
}

impl Near {
    /// `words`: those a literal word of a pattern is looked for in; `reach`: every word a
    /// synonym phrase may be looked for at; `edges`: for a word, the sets of which a phrase
    /// starts or ends with it (see [`CameoIndex::synonym_edges`]).
    fn new(words: &[&str], reach: &[&str], edges: &FastMap<String, u64>) -> Near {
        let hashes: Vec<u64> = (words.iter())
            .flat_map(|w| [word_hash(w), word_hash(w.strip_suffix('s').unwrap_or(w))])
            .collect();
        let mask = hashes.iter().fold(0, |m, &h| m | mask_bit(h));
        let sets = |w: &str| edges.get(w).copied().unwrap_or(0);
        let synonyms = (reach.iter())
            .map(|w| sets(w) | w.strip_suffix('s').map_or(0, sets))
            .fold(0, |m, s| m | s);
        Near {
            hashes,
            mask,
            synonyms,
        }
    }

    fn has_all(&self, p: &Pattern) -> bool {
        p.needs_mask & !self.mask == 0
            && p.synonyms_mask & !self.synonyms == 0
            && p.needs.iter().all(|h| self.hashes.contains(h))
    }
}

/// A word's hash for the quick check of [`Pattern::needs`]: the tagger's.
fn word_hash(w: &str) -> u64 {
    dateline_tagger::word_hash(w.as_bytes())
}

#[derive(Debug, Clone)]
struct Block {
    /// What each verb of the block (by index) means when no pattern around it says more. The
    /// block's own code, kept only when the dictionary says the verb mostly means it: when at
    /// least half of its patterns give the same PLOVER type. A verb whose patterns scatter over
    /// many types ("take", "hold", "call") means nothing certain without one of them — but a
    /// synonym with no coded pattern of its own keeps the block's code: "telephoned" is a phone
    /// call though "call" scatters.
    defaults: Vec<Option<Coded>>,
    patterns: Vec<Pattern>,
}

/// Share of a block's coded patterns one type must hold to stand for the verb when the block's
/// own default is not its most frequent type.
const MAJORITY: f32 = 0.5;

/// What a verb of the block means when no pattern around it says more, read from the block's
/// own patterns: its default code when that is the type its patterns give most often (or it
/// has fewer than three), else the type more than half of them give (CAMEO files "agree" under
/// endorse [050] but codes most of its phrases as agreements), else its default code when no
/// type leads it by more than one phrase (a tie within counting noise), else nothing.
fn usual_reading(default: Option<Coded>, patterns: &[Pattern]) -> Option<Coded> {
    let count = type_counts(patterns);
    let coded: usize = count.iter().map(|e| e.1).sum();
    let top = count.iter().max_by_key(|e| e.1);
    if coded < 3 {
        return default;
    }
    match (default, top) {
        (Some(d), Some(t)) if t.0 == d.event_type => Some(d),
        (_, Some(t)) if t.1 as f32 >= MAJORITY * coded as f32 => Some(Coded {
            event_type: t.0,
            mode: t.2.mode.clone(),
            cameo: t.2.cameo.clone(),
        }),
        (d, Some(t)) => d.filter(|d| {
            count
                .iter()
                .find(|e| e.0 == d.event_type)
                .is_some_and(|e| e.1 + 1 >= t.1)
        }),
        (d, None) => d,
    }
}

/// Each PLOVER type the coded patterns give, with how many give it and the first that does.
/// A reverse code (`:B`, "heard an appeal": the other party appeals) tells what the verb's
/// object does, not what its subject does, and is not counted.
fn type_counts(patterns: &[Pattern]) -> Vec<(EventType, usize, &Coded)> {
    let mut count: Vec<(EventType, usize, &Coded)> = Vec::new();
    for c in (patterns.iter().filter_map(|p| p.coded.as_ref())).filter(|c| !c.is_reverse()) {
        match count.iter_mut().find(|(t, _, _)| *t == c.event_type) {
            Some(e) => e.1 += 1,
            None => count.push((c.event_type, 1, c)),
        }
    }
    count
}

/// Coded patterns and share of them one type must hold to stand for a verb whose block the
/// dictionary heads with no code ("---").
const NEAR_UNANIMOUS: (usize, f32) = (4, 0.75);

/// What a verb of a block headed "---" means alone: the dictionary says nothing ("rose",
/// "asked", "returned" are events only in one of their phrases), unless three quarters of at
/// least four of its phrases give one type ("refuse", "reject": REJECT whatever is refused).
/// Measured on the 10k bench, the blocks this silences ("ask", "return", "reach", "appear",
/// "rise") made 5% of all mentions.
fn near_unanimous_reading(patterns: &[Pattern]) -> Option<Coded> {
    let (least, share) = NEAR_UNANIMOUS;
    let count = type_counts(patterns);
    let coded: usize = count.iter().map(|e| e.1).sum();
    let &(top, n, _) = count.iter().max_by_key(|e| e.1)?;
    // The reading is the type's last phrase's (code and mode).
    let last = (patterns.iter().rev())
        .filter_map(|p| p.coded.as_ref())
        .find(|c| c.event_type == top)?;
    (coded >= least && n as f32 >= share * coded as f32).then(|| last.clone())
}

/// In the passive ("an agreement was reached", "sanctions were imposed on X") the object a
/// pattern reads after its verb is the subject before it (PETRARCH reads the parse tree's deep
/// object): the words a pattern's object is looked for in, the subject then what follows the verb
/// `first..last` of `words`, with each one's position in `words`. A passive here: the verb (not
/// an -ing form) right after a form of "be".
fn passive_reading<'w>(
    words: &[&'w str],
    first: usize,
    last: usize,
) -> Option<(Vec<&'w str>, impl Fn(usize) -> usize)> {
    let aux = first.checked_sub(1)?;
    if !crate::grammar::is_be(words[aux]) || words[first].ends_with("ing") {
        return None;
    }
    let lo = aux.saturating_sub(PRE_WINDOW);
    let hi = (last + POST_WINDOW).min(words.len());
    let subject = aux - lo;
    let read = words[lo..aux]
        .iter()
        .chain(&words[last..hi])
        .copied()
        .collect();
    Some((read, move |i: usize| {
        if i < subject {
            lo + i
        } else {
            last + i - subject
        }
    }))
}

/// A verb of the dictionary found in a clause, with what its context says it means.
#[derive(Debug, Clone, PartialEq)]
pub struct VerbHit {
    /// Word indices of the verb form in the clause's word list (`end` exclusive).
    pub first: usize,
    pub last: usize,
    /// `None`: the verb is in the dictionary but this phrase means no PLOVER event.
    pub coded: Option<Coded>,
    /// How many words besides the verb the matched pattern asked for (0 for a block default).
    pub specificity: usize,
    /// `coded` is `None` because PLOVER drops what CAMEO codes here (a statement or an appeal,
    /// "condemn terrorist attack" [018]), not because CAMEO says it is no event (`[---]`).
    pub dropped: bool,
}

pub struct CameoIndex {
    blocks: Vec<Block>,
    /// First word of a verb form → (block, the verb of the block, the form's words), longest
    /// forms first.
    forms: FastMap<String, Vec<(usize, u16, Vec<String>)>>,
    synonyms: Vec<SynonymSet>,
    /// First or last word of a synonym phrase → the sets with such a phrase, as a mask of
    /// [`synonym_bit`]: a set matches only where one of them stands.
    synonym_edges: FastMap<String, u64>,
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_owned).collect()
}

fn coded(
    cameo: &Option<String>,
    plover: &Option<String>,
    mode: &Option<String>,
) -> Result<Option<Coded>, String> {
    let (Some(cameo), Some(plover)) = (cameo, plover) else {
        return Ok(None);
    };
    let event_type: EventType = plover.parse()?;
    Ok(Some(Coded {
        event_type,
        mode: mode.clone().filter(|m| !m.trim().is_empty()),
        cameo: cameo.clone(),
    }))
}

/// The phrases of one synonym set, as words, indexed by their first and their last word: a set
/// holds up to two hundred phrases ("&weapon") and a pattern tries it at every word it reads.
#[derive(Debug, Clone, Default)]
struct SynonymSet {
    phrases: Vec<Vec<String>>,
    by_first: FastMap<String, Vec<usize>>,
    by_last: FastMap<String, Vec<usize>>,
}

impl SynonymSet {
    fn new(phrases: Vec<Vec<String>>) -> SynonymSet {
        let mut set = SynonymSet::default();
        for (k, p) in phrases.iter().enumerate() {
            if let (Some(first), Some(last)) = (p.first(), p.last()) {
                set.by_first.entry(first.clone()).or_default().push(k);
                set.by_last.entry(last.clone()).or_default().push(k);
            }
        }
        set.phrases = phrases;
        set
    }

    /// The first phrase in the set's order that may start at `word` (that may end there,
    /// `reversed`) and that `matches` (giving where it ends): a phrase whose word there is
    /// `word` or `word` without a plural "s". A phrase has one first and one last word, so it
    /// is in one of the two lists, and the first of the two lists' first matches is the set's.
    fn first_match(
        &self,
        word: &str,
        reversed: bool,
        matches: impl Fn(&[String]) -> Option<usize>,
    ) -> Option<usize> {
        let index = if reversed {
            &self.by_last
        } else {
            &self.by_first
        };
        let first = |key: &str| {
            (index.get(key).into_iter().flatten())
                .find_map(|&k| Some((k, matches(&self.phrases[k])?)))
        };
        let as_written = first(word);
        let singular = word.strip_suffix('s').and_then(first);
        match (as_written, singular) {
            (Some(a), Some(b)) => Some(a.min(b).1),
            (a, b) => a.or(b).map(|(_, end)| end),
        }
    }
}

/// Each word a synonym phrase starts or ends with, and the sets of such phrases as a mask of
/// [`synonym_bit`].
fn synonym_edges(synonyms: &[SynonymSet]) -> FastMap<String, u64> {
    let mut edges: FastMap<String, u64> = FastMap::default();
    for (id, set) in synonyms.iter().enumerate() {
        for w in set.by_first.keys().chain(set.by_last.keys()) {
            *edges.entry(w.clone()).or_default() |= synonym_bit(id);
        }
    }
    edges
}

/// Synonym sets by their lower-case name, and each set's phrases as words.
fn synonym_sets(file: &VerbsFile) -> (HashMap<String, usize>, Vec<SynonymSet>) {
    let mut syn_id: HashMap<String, usize> = HashMap::new();
    let mut synonyms = Vec::new();
    for (name, phrases) in &file.synonyms {
        syn_id.insert(name.to_lowercase(), synonyms.len());
        let phrases = phrases.iter().map(|p| words(&p.to_lowercase())).collect();
        synonyms.push(SynonymSet::new(phrases));
    }
    (syn_id, synonyms)
}

/// A pattern's tokens as slots, with how many words they ask for. Each token carries whether it
/// continues a group: the words of a prepositional phrase `( from &treaty )` or a compound
/// `{ arms shipment }` belong to one noun phrase, so nothing but that phrase's own words may
/// stand between them.
fn slots(toks: &[String], syn_id: &HashMap<String, usize>) -> Result<(Vec<Slot>, usize), String> {
    let mut out = Vec::new();
    let mut literal = 0;
    // The groups open around the token: `true` for a prepositional one.
    let mut groups: Vec<bool> = Vec::new();
    let mut opened = false;
    for t in toks {
        let t = t.trim();
        let tight = match groups.last() {
            _ if opened => Tie::Loose,
            None => Tie::Loose,
            Some(true) => Tie::Phrase,
            Some(false) => Tie::Compound,
        };
        if t == "(" || t == "{" {
            groups.push(t == "(");
            opened = true;
            continue;
        }
        let head = opened && groups.last() == Some(&true);
        if t == ")" || t == "}" {
            groups.pop();
            continue;
        }
        if let Some(name) = t.strip_prefix('&') {
            let id = syn_id
                .get(&name.to_lowercase())
                .ok_or_else(|| format!("unknown synonym set &{name}"))?;
            out.push((Tok::Syn(*id), tight, head));
            literal += 1;
            opened = false;
        } else if t.chars().any(|c| c.is_alphanumeric()) {
            let w = words(&t.to_lowercase());
            literal += w.len();
            out.push((Tok::Words(w), tight, head));
            opened = false;
        }
        // `$`, `+`, `^`, `%`: positions in the parse, nothing to match.
    }
    Ok((out, literal))
}

/// A dictionary pattern made ready to match; `None` for a code PLOVER does not carry (CAMEO's
/// appeals, 02x, inside the block of "demand"), which says only that CAMEO split hairs here: the
/// verb keeps its own reading. An explicit `[---]` (no `cameo`) still means no event, and so does
/// a public statement (CAMEO 01x, which PLOVER does not code): "claimed the attack" (015) is no
/// accusation, whatever its block, "allege", reads.
fn pattern(
    p: &PatternEntry,
    syn_id: &HashMap<String, usize>,
    verbs: &[Vec<&str>],
    function_word: &dyn Fn(&str) -> bool,
) -> Result<Option<Pattern>, String> {
    let statement = p.cameo.as_deref().is_some_and(|c| c.starts_with("01"));
    if p.cameo.is_some() && p.plover.is_none() && !statement {
        return Ok(None);
    }
    let c = coded(&p.cameo, &p.plover, &p.mode)?;
    let dropped = p.cameo.is_some() && p.plover.is_none();
    let (pre, l1) = slots(&p.pre, syn_id)?;
    let (post, l2) = slots(&p.post, syn_id)?;
    // A pattern with no words around the verb is the verb's own code, different from its
    // block's ("strangle" [180] in a block of other verbs): it applies to that form only.
    let own = p.verb.to_lowercase();
    let verb_words = words(&own);
    let verb = (pre.is_empty() && post.is_empty()).then_some(verb_words);
    let needs: Vec<u64> = pre
        .iter()
        .chain(&post)
        .filter_map(|(t, _, _)| match t {
            Tok::Words(w) => w.first().map(|w| word_hash(w)),
            Tok::Syn(_) => None,
        })
        .collect();
    // Words before the verb are read backwards from it, so the gap rule holds from the verb
    // outwards on both sides. Read backwards, a token is tied to the next one when that one was
    // tied to it.
    let n = pre.len();
    let pre: Vec<Slot> = (0..n)
        .map(|i| {
            let k = n - 1 - i;
            let tie = if k + 1 < n { pre[k + 1].1 } else { Tie::Loose };
            (pre[k].0.clone(), tie, false)
        })
        .collect();
    let bare_group =
        pre.is_empty() && matches!(&post[..], [(Tok::Words(w), _, true)] if w.len() == 1);
    let functional = !(pre.is_empty() && post.is_empty())
        && pre.iter().chain(&post).all(|(t, _, _)| match t {
            Tok::Words(w) => w.iter().all(|w| function_word(w)),
            Tok::Syn(_) => false,
        });
    // `*` (written for any verb of the block) is no form: no verb owns the pattern.
    let written_for = verbs
        .iter()
        .position(|forms| forms.contains(&own.as_str()))
        .and_then(|i| u16::try_from(i).ok());
    let own_verb = written_for.filter(|_| functional);
    Ok(Some(Pattern {
        bare_group,
        needs_mask: needs.iter().fold(0, |m, &h| m | mask_bit(h)),
        needs,
        synonyms_mask: (pre.iter().chain(&post))
            .filter_map(|(t, _, _)| match t {
                Tok::Syn(id) => Some(synonym_bit(*id)),
                Tok::Words(_) => None,
            })
            .fold(0, |m, b| m | b),
        coded: c,
        dropped,
        literal: l1 + l2 + verb.as_ref().map_or(0, |v| v.len() - 1),
        pre,
        post,
        verb,
        own_verb,
        written_for,
    }))
}

/// A verb block with its patterns and each of its verbs' usual reading.
fn block(
    b: &VerbBlock,
    syn_id: &HashMap<String, usize>,
    function_word: &dyn Fn(&str) -> bool,
) -> Result<Block, String> {
    let default = coded(&b.cameo, &b.plover, &b.mode)?;
    let verbs: Vec<Vec<&str>> = b.verbs().map(Iterator::collect).collect();
    let mut patterns = Vec::with_capacity(b.pattern.len());
    for p in &b.pattern {
        if let Some(p) = pattern(p, syn_id, &verbs, function_word)? {
            patterns.push(p);
        }
    }
    let usual = match b.cameo {
        Some(_) => usual_reading(default.clone(), &patterns),
        None => near_unanimous_reading(&patterns),
    };
    let mut own_coded = vec![false; verbs.len()];
    for p in patterns.iter().filter(|p| p.coded.is_some()) {
        if let Some(w) = p.written_for {
            own_coded[usize::from(w)] = true;
        }
    }
    let defaults = (own_coded.into_iter())
        .map(|own| match b.cameo {
            Some(_) if !own => default.clone(),
            _ => usual.clone(),
        })
        .collect();
    // The most specific pattern that matches wins, the first written among equals: in this
    // order the first that matches is the one.
    patterns.sort_by_key(|p| std::cmp::Reverse(p.literal));
    Ok(Block { defaults, patterns })
}

/// What the tagger says of each word of a clause, as [`CameoIndex::find`] asks it.
pub struct WordFacts<'a> {
    /// Word `i` can head the clause's verb phrase.
    pub is_verb: &'a dyn Fn(usize) -> bool,
    /// Word `i` sits inside a noun phrase (determiner, number, adjective, noun, "of"): such
    /// words do not count as a gap between a pattern's words, so "provide almost 400 tonnes of
    /// medical aid" still reads as "provide … aid".
    pub in_phrase: &'a dyn Fn(usize) -> bool,
    /// Word `i` is a verb's base form.
    pub base_verb: &'a dyn Fn(usize) -> bool,
    /// A verb's object ends before word `i` (see [`CameoIndex::find`]).
    pub closes_phrase: &'a dyn Fn(usize) -> bool,
    /// Word `i` is printed as a name: a pattern that is only a preposition opening a group reads
    /// only before one.
    pub name: &'a dyn Fn(usize) -> bool,
    /// Words `s..e` are whole printed words, neither end inside a hyphenated compound: folding
    /// splits "cross-border offensive" into words, but its "border" is no border a pattern
    /// names ("reopen the border").
    pub whole: &'a dyn Fn(usize, usize) -> bool,
}

/// What [`CameoIndex::in_order`] asks of the words it reads, in their own numbering (backwards
/// from the verb before it).
#[derive(Clone, Copy)]
struct Reach<'a> {
    /// Word `i` sits inside a noun phrase: it does not count as a gap between a pattern's words.
    in_phrase: &'a dyn Fn(usize) -> bool,
    /// Word `i` is a verb's base form, so a preposition before it is the "to" of an infinitive
    /// ("praised efforts to improve"), not the head of a prepositional group.
    base_verb: &'a dyn Fn(usize) -> bool,
    /// Words `i..e` are whole printed words (see [`CameoIndex::find`]); the words of one
    /// compound `{ … }` are judged together.
    whole: &'a dyn Fn(usize, usize) -> bool,
}

/// Whether a name stands among the noun-phrase words from `from` on (of `n` words read, word
/// `i` read being the clause's word `at(i)`), within the reach of a pattern's gap: "to the
/// United States", "against Israel".
fn names_follow(from: usize, n: usize, at: &dyn Fn(usize) -> usize, facts: &WordFacts) -> bool {
    for i in from..n.min(from + MAX_GAP + 1) {
        if (facts.name)(at(i)) {
            return true;
        }
        if !(facts.in_phrase)(at(i)) {
            return false;
        }
    }
    false
}

impl CameoIndex {
    /// `function_word(w)`: `w` is a preposition, particle or determiner (the tagger's lexicon
    /// says which), for the patterns that belong to one verb (see [`Pattern::own_verb`]).
    pub fn build(
        file: &VerbsFile,
        function_word: &dyn Fn(&str) -> bool,
    ) -> Result<CameoIndex, LexiconError> {
        let (syn_id, synonyms) = synonym_sets(file);
        let mut blocks = Vec::with_capacity(file.verb.len());
        let mut forms: FastMap<String, Vec<(usize, u16, Vec<String>)>> = FastMap::default();
        for (bi, b) in file.verb.iter().enumerate() {
            let invalid = |reason: String| LexiconError::Invalid {
                file: "lexicon/verbs.toml".into(),
                reason: format!("verb {}: {reason}", b.head),
            };
            blocks.push(block(b, &syn_id, function_word).map_err(invalid)?);
            for (vi, verb) in b.verbs().enumerate() {
                let vi = u16::try_from(vi).map_err(|_| invalid("more than 65,535 verbs".into()))?;
                for f in verb {
                    let w = words(&f.to_lowercase());
                    if let Some(first) = w.first() {
                        forms.entry(first.clone()).or_default().push((bi, vi, w));
                    }
                }
            }
        }
        for list in forms.values_mut() {
            list.sort_by_key(|(b, _, w)| (std::cmp::Reverse(w.len()), *b));
        }
        Ok(CameoIndex {
            blocks,
            forms,
            synonym_edges: synonym_edges(&synonyms),
            synonyms,
        })
    }

    /// Every PLOVER reading the dictionary can give, defaults and patterns alike.
    pub fn readings(&self) -> impl Iterator<Item = &Coded> {
        self.blocks.iter().flat_map(|b| {
            b.defaults
                .iter()
                .flatten()
                .chain(b.patterns.iter().filter_map(|p| p.coded.as_ref()))
        })
    }

    /// Number of verb blocks and patterns loaded.
    pub fn sizes(&self) -> (usize, usize) {
        (
            self.blocks.len(),
            self.blocks.iter().map(|b| b.patterns.len()).sum(),
        )
    }

    /// Every dictionary verb among `words` (a clause, folded, one entry per word) that
    /// `facts.is_verb` holds of, with its reading. Multi-word forms win over their first word.
    pub fn find(&self, words: &[&str], facts: &WordFacts) -> Vec<VerbHit> {
        let mut out: Vec<VerbHit> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let Some(cands) = self.forms.get(words[i]) else {
                i += 1;
                continue;
            };
            let found = cands.iter().find(|(_, _, f)| {
                f.iter()
                    .enumerate()
                    .all(|(k, w)| words.get(i + k) == Some(&w.as_str()))
            });
            let Some((block, verb, form)) = found else {
                i += 1;
                continue;
            };
            let last = i + form.len();
            if !(i..last).any(facts.is_verb) {
                i += 1;
                continue;
            }
            // The verb phrase ends where a verb phrase coordinated with it opens: "stormed a house
            // and detained three suspects" has no object "suspects" (PETRARCH reads the parse
            // tree, where it sits in the second phrase).
            // Only the words `read` looks at after the verb: a long sentence stays linear.
            let reach = (last + POST_WINDOW).min(words.len());
            let end = (last..reach)
                .find(|&k| (facts.closes_phrase)(k))
                .unwrap_or(reach);
            out.push(self.read((*block, *verb), &words[..end], i, last, facts));
            i = last;
        }
        out
    }

    /// The most specific pattern of `block` that the words around `first..last` (a form of the
    /// block's verb `verb`) satisfy.
    fn read(
        &self,
        (block, verb): (usize, u16),
        words: &[&str],
        first: usize,
        last: usize,
        facts: &WordFacts<'_>,
    ) -> VerbHit {
        let (in_phrase, base_verb) = (facts.in_phrase, facts.base_verb);
        let b = &self.blocks[block];
        let lo = first.saturating_sub(PRE_WINDOW);
        let hi = (last + POST_WINDOW).min(words.len());
        // A reading in the passive looks one word further back, past its auxiliary.
        let reach = &words[first.saturating_sub(PRE_WINDOW + 1)..hi];
        let near = Near::new(&words[lo..hi], reach, &self.synonym_edges);
        let before: Vec<&str> = words[lo..first].iter().rev().copied().collect();
        let passive = passive_reading(words, first, last);
        // Read backwards from the verb, local word `i` is the clause's `first - 1 - i`.
        let pre = Reach {
            in_phrase: &|i| in_phrase(first - 1 - i),
            base_verb: &|_| false,
            whole: &|i, e| (facts.whole)(first - e, first - i),
        };
        let post = Reach {
            in_phrase: &|i| in_phrase(last + i),
            base_verb: &|i| base_verb(last + i),
            whole: &|i, e| (facts.whole)(last + i, last + e),
        };
        // Where the words after the verb that `p` needs end (0 for a pattern of the verb and
        // the words before it, or one read in the passive), or `None` when `p` does not match.
        let matched = |p: &Pattern| -> Option<usize> {
            if !near.has_all(p) || p.own_verb.is_some_and(|v| v != verb) {
                return None;
            }
            if let Some(v) = &p.verb {
                let own = last - first == v.len()
                    && v.iter().zip(&words[first..last]).all(|(a, b)| a == b);
                return own.then_some(0);
            }
            // Where a bare group's preposition ends, it must lead to a name.
            let leads_to_name = |end: usize, at: &dyn Fn(usize) -> usize, n: usize| {
                !p.bare_group || names_follow(end, n, at, facts)
            };
            let active = (self.in_order(&p.pre, &before, true, &pre))
                .and_then(|_| self.in_order(&p.post, &words[last..hi], false, &post))
                .filter(|&end| leads_to_name(end, &|i| last + i, hi - last));
            let passive_read = || {
                let (read, at) = passive.as_ref()?;
                if !p.pre.is_empty() || p.post.is_empty() {
                    return None;
                }
                let reach = Reach {
                    in_phrase: &|i| in_phrase(at(i)),
                    base_verb: &|_| false,
                    whole: &|_, _| true,
                };
                (self.in_order(&p.post, read, false, &reach))
                    .filter(|&end| leads_to_name(end, at, read.len()))
                    // A reading in the passive is kept as the dictionary orders it.
                    .map(|_| 0)
            };
            active.or_else(passive_read)
        };
        // The first match in the dictionary's order of the most specific patterns, unless one
        // as specific ends nearer the verb: "fighting corruption in the ports" is fought
        // corruption (its object), not an attack on a port.
        let mut best: Option<(&Pattern, usize)> = None;
        for p in &b.patterns {
            match best {
                // Past the most specific tier, or nothing can end nearer.
                Some((q, end)) if p.literal < q.literal || end == 0 => break,
                // Only words after the verb can end nearer.
                Some(_) if p.post.is_empty() => continue,
                _ => {}
            }
            if let Some(end) = matched(p)
                && best.is_none_or(|(_, e)| end < e)
            {
                best = Some((p, end));
            }
        }
        let best = best.map(|(p, _)| p);
        match best {
            Some(p) => VerbHit {
                first,
                last,
                coded: p.coded.clone(),
                specificity: p.literal,
                dropped: p.dropped,
            },
            None => VerbHit {
                first,
                last,
                coded: b.defaults.get(usize::from(verb)).cloned().flatten(),
                specificity: 0,
                dropped: false,
            },
        }
    }

    /// Where the last token ends when every token occurs in `words`, in order, each within
    /// [`MAX_GAP`] words of the previous one. `reversed`: `words` run backwards from the verb,
    /// and so do phrase tokens.
    /// What `reach` tells of the words read (see [`Reach`]).
    fn in_order(
        &self,
        toks: &[Slot],
        words: &[&str],
        reversed: bool,
        reach: &Reach,
    ) -> Option<usize> {
        let Reach {
            in_phrase,
            base_verb,
            whole,
        } = *reach;
        let mut at = 0;
        let mut after_to = false;
        // Where the compound being matched began.
        let mut compound_start = 0;
        for (k, (t, tight, head)) in toks.iter().enumerate() {
            let compound_goes_on = toks.get(k + 1).is_some_and(|n| n.1 == Tie::Compound);
            let max_gap = if *tight == Tie::Loose { MAX_GAP } else { 0 };
            let mut gap = 0;
            let mut found = None;
            // An infinitive after other words opens a purpose ("gathered in Lagos to protest",
            // "will continue until 2026 to support operations"): neither it nor what follows is
            // the verb's object, unless the pattern's own "to" leads to it; right after the
            // verb it is its complement ("declined to join").
            let infinitive = |i: usize| !after_to && base_verb(i) && i > 1 && words[i - 1] == "to";
            for i in at..words.len() {
                if infinitive(i) {
                    break;
                }
                // A preposition opens its group only before the group's words: not before a
                // base verb (the "to" of an infinitive, "praised efforts to improve"), nor as the
                // last word read, with nothing after it to tell which.
                if let Some(next) = self.match_at(t, words, i, reversed)
                    && !(*head && (next >= words.len() || base_verb(next)))
                    && {
                        let start = if *tight == Tie::Compound {
                            compound_start
                        } else {
                            i
                        };
                        compound_goes_on || whole(start, next)
                    }
                {
                    if *tight != Tie::Compound {
                        compound_start = i;
                    }
                    found = Some(next);
                    break;
                }
                // "called for the lifting of Western sanctions": past "of" the pattern's noun
                // belongs to a group nested in another noun's, not to the verb's own.
                if !reversed && i > at && words[i] == "of" && words[at..i].contains(&"the") {
                    break;
                }
                if *tight == Tie::Compound || !in_phrase(i) {
                    gap += 1;
                    if gap > max_gap {
                        break;
                    }
                }
            }
            let next = found?;
            after_to = matches!(t, Tok::Words(w) if w.last().is_some_and(|w| w == "to"));
            at = next;
        }
        Some(at)
    }

    /// End index when `t` matches at `words[i..]`.
    fn match_at(&self, t: &Tok, words: &[&str], i: usize, reversed: bool) -> Option<usize> {
        let phrase_at = |p: &[String]| {
            let n = p.len();
            (n > 0
                && p.iter().enumerate().all(|(k, w)| {
                    let k = if reversed { n - 1 - k } else { k };
                    words
                        .get(i + k)
                        .is_some_and(|x| *x == w || x.strip_suffix('s') == Some(w.as_str()))
                }))
            .then_some(i + n)
        };
        match t {
            Tok::Words(p) => phrase_at(p),
            Tok::Syn(id) => {
                let set = &self.synonyms[*id];
                let word = words.get(i)?;
                set.first_match(word, reversed, phrase_at)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A block in the dictionary's own shape: "strike" hits (190) by default, "strike a deal"
    /// agrees (057 → AGREE), "strike ( at { military base } )" is specific, and "struck by
    /// lightning" means no event.
    fn index() -> CameoIndex {
        index_of(
            r#"
            [synonyms]
            pact = ["deal", "accord"]

            [[verb]]
            head = "strike"
            cameo = "190"
            plover = "ASSAULT"
            forms = ["strike", "strikes", "struck", "striking"]
            pattern = [
              { cameo = "057", plover = "AGREE", verb = "strike", post = ["&pact"] },
              { cameo = "195", plover = "ASSAULT", mode = "aerial", verb = "strike", post = ["(", "at", "{", "military", "base", "}", ")"] },
              { verb = "struck", post = ["(", "by", "lightning", ")"] },
            ]
            "#,
        )
    }

    /// The index of a dictionary written in the test, in `verbs.toml`'s table form.
    fn index_of(verbs: &str) -> CameoIndex {
        let file: VerbsFile = toml::from_str(verbs).expect("verbs");
        let function_word = |w: &str| ["to", "on", "for", "the"].contains(&w);
        CameoIndex::build(&file, &function_word).expect("index")
    }

    /// The specificity and type of the first verb `x` reads in `s`.
    fn first_reading(x: &CameoIndex, s: &str) -> (usize, Option<EventType>) {
        let hits = read(x, s);
        let h = hits.first().expect("the verb");
        (h.specificity, h.coded.as_ref().map(|c| c.event_type))
    }

    fn read(x: &CameoIndex, s: &str) -> Vec<VerbHit> {
        // Nouns and adjectives inside the object phrase ("a large military base"), and names
        // the lexicon would know.
        read_with(
            x,
            s,
            &["a", "the", "large", "new", "us"],
            &[],
            &["baghdad", "iraq", "turkey"],
        )
    }

    /// What `x` reads in `s` where every word may be a verb, the words of `np` stand inside a
    /// noun phrase, those of `base` are base verbs and those of `names` are names.
    fn read_with(
        x: &CameoIndex,
        s: &str,
        np: &[&str],
        base: &[&str],
        names: &[&str],
    ) -> Vec<VerbHit> {
        let words: Vec<&str> = s.split_whitespace().collect();
        let facts = WordFacts {
            is_verb: &|_| true,
            in_phrase: &|i| np.contains(&words[i]),
            base_verb: &|i| base.contains(&words[i]),
            closes_phrase: &|_| false,
            name: &|i| names.contains(&words[i]),
            whole: &|_, _| true,
        };
        x.find(&words, &facts)
    }

    /// A synonym set's phrases match before the verb (read backwards from it, last word first)
    /// as after it, plural or not; of two patterns as specific, the one written first reads.
    #[test]
    fn synonym_phrases_match_on_both_sides_and_the_first_of_equals_wins() {
        let x = index_of(
            r#"
            [synonyms]
            force = ["security force", "army", "police"]
            town = ["village", "border town"]

            [[verb]]
            head = "storm"
            cameo = "190"
            plover = "ASSAULT"
            forms = ["stormed"]
            pattern = [
              { cameo = "173", plover = "COERCE", mode = "arrest", pre = ["&force"], verb = "stormed" },
              { cameo = "181", plover = "ASSAULT", mode = "abduct", post = ["&town"], verb = "stormed" },
            ]
            "#,
        );
        let mode = |s: &str| {
            let h = read(&x, s);
            h[0].coded.as_ref().and_then(|c| c.mode.clone())
        };
        assert_eq!(
            mode("iraqi security forces stormed a house").as_deref(),
            Some("arrest")
        );
        assert_eq!(
            mode("gunmen stormed a border town").as_deref(),
            Some("abduct")
        );
        assert_eq!(
            mode("gunmen stormed the villages").as_deref(),
            Some("abduct")
        );
        // Both patterns hold: the first written reads.
        assert_eq!(
            mode("the police stormed a village").as_deref(),
            Some("arrest")
        );
        // "force" alone is not "security force".
        assert_eq!(read(&x, "the force stormed a house")[0].specificity, 0);
    }

    /// In the passive the object is looked for in the subject, which reaches one word further
    /// back than the words before the verb do: the quick rejection of patterns by the synonym
    /// sets near the verb must see that word too.
    #[test]
    fn a_passive_subject_s_first_word_may_be_a_synonym_phrase() {
        let x = index_of(
            r#"
            [synonyms]
            captive = ["captive", "hostage"]

            [[verb]]
            head = "release"
            cameo = "084"
            plover = "RETREAT"
            forms = ["released"]
            pattern = [
              { cameo = "0841", plover = "RETREAT", mode = "release", verb = "released", post = ["&captive"] },
            ]
            "#,
        );
        let h = read(&x, "a captive there for many months has been released");
        assert_eq!(h[0].specificity, 1);
    }

    #[test]
    fn the_most_specific_pattern_near_the_verb_reads_it() {
        let x = index();
        let h = read(&x, "iraq and turkey struck a deal on water");
        assert_eq!(
            h[0].coded.as_ref().map(|c| c.event_type),
            Some(EventType::Agree)
        );
        let h = read(&x, "drones struck at a large military base");
        assert_eq!(h[0].specificity, 3);
        assert_eq!(
            h[0].coded.as_ref().and_then(|c| c.mode.as_deref()),
            Some("aerial")
        );
        let h = read(&x, "drones struck targets near the border");
        assert_eq!(
            h[0].coded.as_ref().map(|c| c.event_type),
            Some(EventType::Assault)
        );
        assert_eq!(h[0].specificity, 0);
    }

    #[test]
    fn a_no_event_phrase_codes_nothing() {
        let h = read(&index(), "the tower was struck by lightning");
        assert_eq!(h[0].coded, None);
        assert!(h[0].specificity > 0);
    }

    #[test]
    fn a_group_s_words_stand_together_and_far_words_do_not_count() {
        let x = index();
        // "at" and "military base" are split by a clause: not the pattern.
        let h = read(&x, "drones struck at dawn and then hit a military base");
        assert_eq!(h[0].specificity, 0);
        // The object's own words do not count as a gap.
        let h = read(&x, "they struck a new us deal");
        assert_eq!(
            h[0].coded.as_ref().map(|c| c.event_type),
            Some(EventType::Agree)
        );
    }

    #[test]
    fn a_compound_s_words_are_printed_together() {
        let x = index();
        // "large" stands inside the object's noun phrase, so it may part "at" from the
        // compound; it may not part the compound's own words.
        let h = read(&x, "drones struck at a military large base");
        assert_eq!(h[0].specificity, 0);
        let h = read(&x, "drones struck at a large military base");
        assert_eq!(h[0].specificity, 3);
    }

    #[test]
    fn a_to_before_a_base_verb_opens_no_prepositional_group() {
        let x = index_of(
            r#"
            [[verb]]
            head = "welcome"
            cameo = "051"
            plover = "SUPPORT"
            forms = ["welcomed"]
            pattern = [
              { cameo = "043", plover = "CONSULT", mode = "visit", verb = "welcomed", post = ["(", "to", ")"] },
            ]
            "#,
        );
        let specificity =
            |s: &str| read_with(&x, s, &[], &["improve"], &["baghdad"])[0].specificity;
        // "to improve" is an infinitive: the verb keeps its own reading.
        assert_eq!(specificity("they welcomed efforts to improve ties"), 0);
        assert_eq!(specificity("they welcomed him to baghdad"), 1);
        // A "to" that is the last word read has nothing after it to tell a group from an
        // infinitive whose verb lies beyond the window.
        assert_eq!(specificity("they welcomed him to"), 0);
    }

    /// A group that is only its preposition ("come ( to )") stands for its object, where
    /// PETRARCH finds the target: it reads only before someone or somewhere the sentence names,
    /// past the object's determiners and modifiers ("came to the Iraqi capital"), and not
    /// before a common noun ("came to an end", "came to the project").
    #[test]
    fn a_bare_prepositional_group_must_lead_to_a_name() {
        let x = index_of(
            r#"
            [[verb]]
            head = "arrive"
            cameo = "040"
            plover = "CONSULT"
            forms = ["came", "coming"]
            pattern = [
              { verb = "came" },
              { verb = "coming" },
              { cameo = "040", plover = "CONSULT", verb = "came", post = ["(", "to", ")"] },
            ]
            "#,
        );
        let np = ["the", "an", "iraqi", "capital", "end", "project"];
        let specificity =
            |s: &str| read_with(&x, s, &np, &[], &["baghdad", "iraqi"])[0].specificity;
        assert_eq!(specificity("the minister came to baghdad"), 1);
        assert_eq!(specificity("the minister came to the iraqi capital"), 1);
        assert_eq!(specificity("the war came to an end"), 0);
        assert_eq!(specificity("the singers came to the project"), 0);
    }

    /// A block's code stands for a synonym with no coded pattern of its own, though the verb
    /// whose patterns scatter over many types means nothing alone: "telephoned" is a phone call,
    /// "called" says nothing without its phrase.
    #[test]
    fn a_synonym_without_patterns_keeps_the_block_s_code() {
        let x = index_of(
            r#"
            [[verb]]
            head = "call"
            cameo = "041"
            plover = "CONSULT"
            mode = "phone"
            forms = ["call|called|calls", "telephone|telephoned|telephones"]
            pattern = [
              { cameo = "100", plover = "REQUEST", verb = "call", post = ["(", "for", ")"] },
              { cameo = "030", plover = "AGREE", verb = "call", post = ["truce"] },
              { cameo = "111", plover = "ACCUSE", verb = "call", post = ["liar"] },
              { cameo = "173", plover = "COERCE", verb = "call", post = ["arrest"] },
              { verb = "telephone", post = ["company"] },
            ]
            "#,
        );
        let reading = |s: &str| read(&x, s)[0].coded.as_ref().map(|c| c.event_type);
        assert_eq!(
            reading("the minister telephoned his counterpart"),
            Some(EventType::Consult)
        );
        assert_eq!(reading("the minister called his counterpart"), None);
        assert_eq!(
            reading("the minister called a truce"),
            Some(EventType::Agree)
        );
    }

    /// A pattern of function words alone is the phrasal verb of the verb it was written for:
    /// "head to" does not make "managed to" an agreement nor "lead to" one. A pattern naming an
    /// object reads for every verb of the block.
    #[test]
    fn a_pattern_of_function_words_belongs_to_its_own_verb() {
        let x = index_of(
            r#"
            [[verb]]
            head = "oversee"
            cameo = "060"
            plover = "COOPERATE"
            forms = ["head|headed|heads", "manage|managed|manages", "lead|leads|led"]
            pattern = [
              { cameo = "030", plover = "AGREE", verb = "head", post = ["to"] },
              { cameo = "036", plover = "AGREE", verb = "lead", post = ["delegation"] },
            ]
            "#,
        );
        let reading = |s: &str| first_reading(&x, s);
        assert_eq!(
            reading("the minister headed to the talks"),
            (1, Some(EventType::Agree))
        );
        assert_eq!(
            reading("the minister heads to the talks"),
            (1, Some(EventType::Agree))
        );
        assert_eq!(
            reading("beijing managed to improve"),
            (0, Some(EventType::Cooperate))
        );
        assert_eq!(
            reading("the raid led to arrests"),
            (0, Some(EventType::Cooperate))
        );
        // An object is shared by the block: "managed a delegation" as "led a delegation".
        assert_eq!(
            reading("he managed a delegation"),
            (1, Some(EventType::Agree))
        );
        assert_eq!(reading("he led a delegation"), (1, Some(EventType::Agree)));
    }

    /// A pattern the dictionary wrote for no verb of its block (`*`, CONFER's `* (WITH)`) is
    /// every verb's: "spoke with" as "conferred with", though it is of function words alone.
    #[test]
    fn a_pattern_written_for_no_verb_is_the_block_s() {
        let x = index_of(
            r#"
            [[verb]]
            head = "confer"
            cameo = "010"
            forms = ["confer|conferred|confers", "speak|spoke|speaks", "talk|talked|talks"]
            pattern = [
              { cameo = "046", plover = "CONSULT", verb = "*", post = ["(", "with", ")"] },
              { cameo = "041", plover = "CONSULT", mode = "phone", verb = "talk", post = ["(", "over", ")"] },
            ]
            "#,
        );
        let reading = |s: &str| first_reading(&x, s);
        // A bare group leads to a name (`read` knows "baghdad", "iraq" and "turkey").
        for s in [
            "the minister spoke with iraq",
            "he talked with turkey",
            "he conferred with baghdad",
        ] {
            assert_eq!(reading(s), (1, Some(EventType::Consult)), "{s}");
        }
        // A pattern written for one verb stays that verb's.
        assert_eq!(reading("he spoke over the noise"), (0, None));
    }

    /// An infinitive right after the verb is its complement, read as the pattern's object
    /// ("declined to join" is "decline join"); after other words it opens a purpose, which holds
    /// no object of the verb ("gathered in Lagos to protest" is no "join protest", "gathered
    /// there to protest law" no "gather law").
    #[test]
    fn an_infinitive_is_the_verb_s_object_only_right_after_it() {
        let x = index_of(
            r#"
            [[verb]]
            head = "join"
            cameo = "040"
            plover = "CONSULT"
            forms = ["joined", "gathered", "declined"]
            pattern = [
              { cameo = "110", plover = "ACCUSE", verb = "gathered", post = ["protest"] },
              { cameo = "121", plover = "REJECT", verb = "declined", post = ["join"] },
              { cameo = "111", plover = "ACCUSE", verb = "gathered", post = ["law"] },
            ]
            "#,
        );
        let specificity = |s: &str| read_with(&x, s, &[], &["protest", "join"], &[])[0].specificity;
        assert_eq!(specificity("they gathered in lagos to protest the law"), 0);
        assert_eq!(specificity("they declined to join the talks"), 1);
        assert_eq!(specificity("they gathered for a protest"), 1);
        assert_eq!(specificity("they gathered there to protest law"), 0);
        assert_eq!(specificity("they gathered there for law"), 1);
    }

    #[test]
    fn a_verb_s_usual_reading_comes_from_its_patterns() {
        let coded = |t| Coded {
            event_type: t,
            mode: None,
            cameo: "x".into(),
        };
        let p = |t| Pattern {
            coded: Some(coded(t)),
            dropped: false,
            pre: Vec::new(),
            post: Vec::new(),
            literal: 1,
            verb: None,
            needs: Vec::new(),
            needs_mask: 0,
            synonyms_mask: 0,
            bare_group: false,
            own_verb: None,
            written_for: None,
        };
        let patterns = [
            p(EventType::Agree),
            p(EventType::Agree),
            p(EventType::Support),
        ];
        // CAMEO files the verb under SUPPORT, its phrases mostly under AGREE.
        let r = usual_reading(Some(coded(EventType::Support)), &patterns);
        assert_eq!(r.map(|c| c.event_type), Some(EventType::Agree));
        let scattered = [
            p(EventType::Agree),
            p(EventType::Accuse),
            p(EventType::Coerce),
        ];
        assert_eq!(
            usual_reading(Some(coded(EventType::Support)), &scattered),
            None
        );
        // The block's own code stands when no type leads it by more than one phrase (CAMEO's
        // "acclaim" block: 12 phrases of support, 13 of disapproval in "hailed the killing").
        let near_tie = [
            p(EventType::Accuse),
            p(EventType::Accuse),
            p(EventType::Accuse),
            p(EventType::Support),
            p(EventType::Support),
            p(EventType::Agree),
            p(EventType::Consult),
        ];
        assert_eq!(
            usual_reading(Some(coded(EventType::Support)), &near_tie).map(|c| c.event_type),
            Some(EventType::Support)
        );
        // A reverse code tells what the object does ("heard an appeal", [:020]): CAMEO's "hear"
        // block (consult, [040]) with two phrases of investigation and one reverse appeal keeps
        // its own code, as a block of two coded phrases does.
        let mut reverse = p(EventType::Request);
        if let Some(c) = reverse.coded.as_mut() {
            c.cameo = ":020".into();
        }
        let hear = [p(EventType::Accuse), p(EventType::Accuse), reverse];
        assert_eq!(
            usual_reading(Some(coded(EventType::Consult)), &hear).map(|c| c.event_type),
            Some(EventType::Consult)
        );
        // A block headed "---" ("rise": lift sanctions, lift a curfew, lift a ban) means
        // nothing alone, unless three quarters of at least four of its phrases agree.
        let mostly = [
            p(EventType::Retreat),
            p(EventType::Retreat),
            p(EventType::Agree),
            p(EventType::Concede),
        ];
        assert_eq!(near_unanimous_reading(&mostly), None);
        assert_eq!(near_unanimous_reading(&patterns), None, "too few phrases");
        let refuse = [
            p(EventType::Reject),
            p(EventType::Reject),
            p(EventType::Reject),
            p(EventType::Accuse),
        ];
        let r = near_unanimous_reading(&refuse);
        assert_eq!(r.map(|c| c.event_type), Some(EventType::Reject));
    }
}
