//! A rule chunker over Penn tags: flat, non-overlapping noun, verb and prepositional phrases, so
//! the event coder can take a subject from the NP before a VP and an object or agent from the NP
//! or PP after it.
//!
//! Grammar, tried in this order at each token (longest match, then the next token):
//!
//! ```text
//! NP  = PRP
//!     | DET? MODS NOUNS (POS MODS NOUNS)*      possessors stay inside: "the army 's top commander"
//!     | DET? MODS                              when MODS end in a number ("killing [two]") or a
//!                                              determiner leads ("[the wounded]", "[the shelling]")
//! DET = PDT? (DT | PRP$ | WP$)
//! MODS = (CD | $ | JJ* | RB* before JJ or CD | VBN | VBG)*
//!        VBN and VBG only after something else of the NP ("the [wounded] soldiers"), so that
//!        "killing two fighters" stays a verb and a noun phrase
//! NOUNS = (NN | NNS | NNP | NNPS) (NN* | CD)*   e.g. "Resolution 2254"
//! PP  = (IN | TO) NP                           the NP is the chunk's tokens from start + 1;
//!                                              not after "that", "if", "because" and the other
//!                                              clause openers of `SUBORDINATORS`
//! VP  = TO? (MD | VB* | RB*)* ending at its last verb or modal, then RP?
//!        auxiliaries and adverbs stay with the verb: "was killed", "has been detained",
//!        "will meet", "were reportedly killed", "did n't attack"
//! ```
//!
//! Coordination is not chunked: "Iraq and Turkey" is two NPs around a CC, which the coder joins.

use crate::{Tag, Token};

/// The kind of a phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChunkKind {
    Np,
    Vp,
    Pp,
}

/// A phrase as a range of token indices (`end` exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Chunk {
    pub kind: ChunkKind,
    pub start: usize,
    pub end: usize,
}

/// Words tagged IN that open a clause, never a prepositional phrase: the noun phrase after them
/// is the clause's subject ("said *that* [the government] would meet").
const SUBORDINATORS: &[&str] = &[
    "that", "whether", "if", "because", "although", "though", "while", "unless", "whereas",
];

/// The phrases of a tagged sentence, in order, not overlapping; tokens in none (conjunctions,
/// punctuation, a lone IN) are left out.
pub fn chunks(tokens: &[Token]) -> Vec<Chunk> {
    let tags: Vec<Tag> = tokens.iter().map(|t| t.tag).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let pp = || {
            let prep = matches!(tags[i], Tag::IN | Tag::TO)
                && !SUBORDINATORS
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(tokens[i].text));
            prep.then(|| np_at(&tags, i + 1)).flatten()
        };
        let found = np_at(&tags, i)
            .map(|end| (ChunkKind::Np, end))
            .or_else(|| pp().map(|end| (ChunkKind::Pp, end)))
            .or_else(|| vp_at(&tags, i).map(|end| (ChunkKind::Vp, end)));
        match found {
            Some((kind, end)) => {
                out.push(Chunk {
                    kind,
                    start: i,
                    end,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

fn np_at(tags: &[Tag], i: usize) -> Option<usize> {
    let tag = |k: usize| tags.get(k).copied();
    match tag(i)? {
        Tag::PRP => return Some(i + 1),
        Tag::IN | Tag::TO | Tag::CC => return None,
        _ => {}
    }
    let mut j = i;
    if tag(j) == Some(Tag::PDT) {
        j += 1;
    }
    let mut determined = false;
    if matches!(tag(j), Some(Tag::DT | Tag::PRPS | Tag::WPS)) {
        j += 1;
        determined = true;
    }
    let mut end = None;
    loop {
        let mods_start = j;
        let mut last_cd = None;
        while let Some(t) = tag(j) {
            let next = tag(j + 1);
            let takes = match t {
                Tag::CD | Tag::Dollar => {
                    last_cd = Some(j + 1);
                    true
                }
                t if t.is_adj() => true,
                t if t.is_adverb() => next.is_some_and(|n| n.is_adj() || n == Tag::CD),
                Tag::VBN | Tag::VBG => determined || j > i,
                _ => false,
            };
            if !takes {
                break;
            }
            j += 1;
        }
        let nouns_start = j;
        while let Some(t) = tag(j) {
            if t.is_noun() || (t == Tag::CD && j > nouns_start) {
                j += 1;
            } else {
                break;
            }
        }
        if j > nouns_start {
            end = Some(j);
        } else {
            // No noun: a number heads the phrase, or a determiner a nominal ("the wounded").
            return match last_cd {
                Some(cd) => Some(cd),
                _ if determined && j > mods_start => Some(j),
                _ => end,
            };
        }
        if tag(j) == Some(Tag::POS) {
            j += 1;
            end = Some(j);
            determined = true;
            continue;
        }
        return end;
    }
}

fn vp_at(tags: &[Tag], i: usize) -> Option<usize> {
    let mut j = i;
    if tags.get(j) == Some(&Tag::TO) {
        j += 1;
    }
    let mut end = None;
    while let Some(&t) = tags.get(j) {
        if t == Tag::MD || t.is_verb() {
            j += 1;
            end = Some(j);
        } else if t.is_adverb() {
            j += 1;
        } else {
            break;
        }
    }
    let end = end?;
    Some(if tags.get(end) == Some(&Tag::RP) {
        end + 1
    } else {
        end
    })
}

/// Forms of "be" and "get", the auxiliaries of the passive.
const PASSIVE_AUX: &[&str] = &[
    "be",
    "am",
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "'re",
    "'m",
    "\u{2019}re",
    "\u{2019}m",
    "get",
    "gets",
    "got",
    "gotten",
    "getting",
];

/// Whether a verb phrase is passive: its last verb is a past participle (VBN) and a form of "be"
/// or "get" comes before it in the phrase ("was killed", "has been detained", "got arrested").
pub fn is_passive(tokens: &[Token], vp: &Chunk) -> bool {
    if vp.kind != ChunkKind::Vp {
        return false;
    }
    let Some(phrase) = tokens.get(vp.start..vp.end) else {
        return false;
    };
    let Some(main) = phrase.iter().rposition(|t| t.tag.is_verb()) else {
        return false;
    };
    phrase[main].tag == Tag::VBN
        && phrase[..main]
            .iter()
            .any(|t| t.tag.is_verb() && PASSIVE_AUX.iter().any(|a| a.eq_ignore_ascii_case(t.text)))
}
