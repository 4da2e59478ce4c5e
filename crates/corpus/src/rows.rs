//! The rows the rebuild's passes read from the corpus and write back: articles as linking and
//! the stories pass read them, mentions as merging reads them, the statements and event
//! summaries the conflict passes compare, and the stories written. Names, words, places and
//! texts are numbers here (interned by one rebuild); a store keeps these rows as they are, and
//! needs to know nothing of what a number stands for.

use crate::minhash::Fingerprint;
use dateline_core::TimeValue;
use dateline_core::event::{ActorRef, Counts, EventMention, EventType, Place, Side};
use dateline_core::time::days_overlap;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What story clustering needs to know about one article (no body: the fingerprint stands for it).
#[derive(Debug, Clone)]
pub struct ArticleDigest {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub published: TimeValue,
    /// When the page was seen: stands in for the publication date when comparing dates of rewrites.
    pub captured: TimeValue,
    pub words: u32,
    pub fingerprint: Fingerprint,
}

/// A date range (first and last day), or none.
pub type When = Option<(Date, Date)>;

/// What linking reads of an article besides its signature: a few integers, kept by the corpus
/// (see `CompactStore::keep_keys`) and read back one article at a time. An
/// article's index is its position in id order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArticleKey {
    pub words: u32,
    pub body_hash: u64,
    pub shingles: u32,
    /// See [`ArticleKey::when_of`].
    pub when: When,
}

impl ArticleKey {
    pub fn of(a: &ArticleDigest) -> ArticleKey {
        ArticleKey {
            words: a.words,
            body_hash: a.fingerprint.body_hash,
            shingles: a.fingerprint.shingles,
            when: ArticleKey::when_of(&a.published, &a.captured),
        }
    }

    /// When an article appeared, for comparing rewrites: the publication date's bounds, else
    /// the capture date's (a page is published on or before it is seen).
    pub fn when_of(published: &TimeValue, captured: &TimeValue) -> When {
        published.bounds().or_else(|| captured.bounds())
    }
}

/// Which of linking's groupings `LinkStore::put_roots` is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// Exact copies, near-duplicates and truncated copies.
    CopyGroup,
    /// Copy groups joined by rewrites.
    Story,
}

/// One article of a story, as `StoryStore::next_story` gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryRow {
    pub index: u32,
    /// Its copy group: the smallest index among the articles MinHash linked it with.
    pub group: u32,
    /// Its story: the smallest index among its members.
    pub root: u32,
    pub words: u32,
}

/// How a member relates to the story: copies to the longest text of their copy group, the
/// groups' longest texts to the story's fullest one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The fullest text itself.
    Fullest,
    /// Same words (typography aside).
    Exact,
    /// Its text is contained in the fullest one (a copy missing its lead or its end).
    Truncated,
    /// Mostly the same words (estimated Jaccard ≥ .5).
    NearDuplicate,
    /// Different words, same reported happenings (linked through coded events): another
    /// outlet's version, or the original that a longer rewrite expanded.
    Rewrite,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Fullest => "fullest",
            Relation::Exact => "exact",
            Relation::Truncated => "truncated",
            Relation::NearDuplicate => "near_duplicate",
            Relation::Rewrite => "rewrite",
        }
    }
}

/// A field an article lacked, taken from a copy of it in the same story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inferred<T> {
    pub value: T,
    /// The article it was copied from.
    pub from: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryMember {
    pub article: String,
    pub relation: Relation,
    /// The longest text of its copy group, when it is a copy of another member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
    /// Estimated Jaccard similarity with the fullest text.
    pub similarity: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred_outlet: Option<Inferred<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred_published: Option<Inferred<TimeValue>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// `s` + hash of the smallest member id: independent of ingest order and batch boundaries.
    pub id: String,
    pub title: String,
    /// The member with the longest body.
    pub fullest: String,
    /// The earliest publication date among members (inferred dates included), and whose it is.
    pub earliest: Option<Inferred<TimeValue>>,
    /// Distinct outlets of the members (inferred outlets included), sorted.
    pub outlets: Vec<String>,
    /// Sorted by relation, then article id. Empty when a story is written during a rebuild: its
    /// members are written one by one (see `StoryStore::put_member`).
    pub members: Vec<StoryMember>,
}

/// What the first pass reads of a mention: the fields of [`EventMention`] that make its
/// [`Coded`] row and its statements. A store that keeps mentions as JSON decodes this instead of
/// the whole mention: the other fields are parsed past, never built, and the first pass reads
/// every mention of the corpus (decoding them whole was most of its time).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct MentionFacts {
    #[serde(rename = "type")]
    pub event_type: EventType,
    pub date: TimeValue,
    pub place: Option<Place>,
    pub actors: Vec<ActorName>,
    pub evidence: EvidenceSentence,
    #[serde(default)]
    pub claim: Option<String>,
}

/// What [`MentionFacts`] keeps of an actor.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ActorName {
    pub name: String,
    pub organisation: Option<String>,
    pub side: Side,
}

/// What [`MentionFacts`] keeps of the evidence.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct EvidenceSentence {
    pub sentence: String,
}

impl From<&EventMention> for MentionFacts {
    fn from(m: &EventMention) -> MentionFacts {
        MentionFacts {
            event_type: m.event_type,
            date: m.date.clone(),
            place: m.place.clone(),
            actors: (m.actors.iter())
                .map(|a| ActorName {
                    name: a.name.clone(),
                    organisation: a.organisation.clone(),
                    side: a.side,
                })
                .collect(),
            evidence: EvidenceSentence {
                sentence: m.evidence.sentence.clone(),
            },
            claim: m.claim.clone(),
        }
    }
}

/// A mention as the event it joined takes it (and as a conflict cites it): [`EventMention`]
/// without its capture, article, type, evidence and claim. Merging reads every member of every
/// event back, and the evidence sentence is most of a mention's text; a store keeping mentions
/// as JSON decodes only these fields.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Member {
    pub id: String,
    pub outlet: Option<String>,
    pub mode: Option<String>,
    pub date: TimeValue,
    pub place: Option<Place>,
    pub actors: Vec<ActorRef>,
    pub counts: Counts,
    /// As [`EventMention::confidence`] reads it: certain when a row stored before confidence
    /// existed lacks it.
    #[serde(default = "dateline_core::event::full_confidence")]
    pub confidence: f32,
}

impl From<&EventMention> for Member {
    fn from(m: &EventMention) -> Member {
        Member {
            id: m.id.clone(),
            outlet: m.outlet.clone(),
            mode: m.mode.clone(),
            date: m.date.clone(),
            place: m.place.clone(),
            actors: m.actors.clone(),
            counts: m.counts.clone(),
            confidence: m.confidence,
        }
    }
}

/// An actor of a [`Coded`] mention: an interned name and whether it is on the source side, in
/// one number that sorts by name first, so a row's actors are ordered by name and a store keeps
/// them as plain numbers ([`CodedActor::packed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CodedActor(u32);

impl CodedActor {
    pub fn new(name: u32, is_source: bool) -> CodedActor {
        CodedActor(name << 1 | u32::from(is_source))
    }

    pub fn name(self) -> u32 {
        self.0 >> 1
    }

    pub fn is_source(self) -> bool {
        self.0 & 1 == 1
    }

    /// The number a store keeps, read back by [`CodedActor::from_packed`].
    pub fn packed(self) -> u32 {
        self.0
    }

    pub fn from_packed(packed: u32) -> CodedActor {
        CodedActor(packed)
    }
}

/// A mention as merging and linking read it: integers only. The rebuild keeps these in the
/// store's scratch table, not in memory, and reads them back by type, by article, and in merge
/// order.
#[derive(Debug, Clone, PartialEq)]
pub struct Coded {
    pub article: u32,
    /// How to fetch the mention itself.
    pub handle: u64,
    pub kind: EventType,
    /// Date precision rank (finest first); 99 when the date has no bounds.
    pub rank: u8,
    pub bounds: Option<(Date, Date)>,
    /// An interned place.
    pub place: Option<u32>,
    /// Ascending (a name may repeat with the other side).
    pub actors: Vec<CodedActor>,
}

impl Coded {
    /// Distinct actor names, ascending.
    pub fn names(&self) -> impl Iterator<Item = u32> + '_ {
        let mut last = None;
        self.actors.iter().filter_map(move |a| {
            let name = a.name();
            let new = last != Some(name);
            last = Some(name);
            new.then_some(name)
        })
    }

    /// Names on the source side, ascending.
    pub fn source_names(&self) -> impl Iterator<Item = u32> + '_ {
        (self.actors.iter())
            .filter(|a| a.is_source())
            .map(|a| a.name())
    }

    fn has_name(&self, name: u32) -> bool {
        let at = self.actors.partition_point(|a| a.name() < name);
        self.actors.get(at).is_some_and(|a| a.name() == name)
    }

    /// True when the two can report the same happening: same type, a shared actor, dates that
    /// overlap (or both undated).
    pub fn same_happening(&self, other: &Coded) -> bool {
        self.kind == other.kind
            && self.names().any(|x| other.has_name(x))
            && match (self.bounds, other.bounds) {
                (Some(a), Some(b)) => days_overlap(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

/// A statement inside a mention that can disagree with another source's: a claimed date ("will
/// end in September 2026") or a claim with a polarity ("no longer a threat"), with what the
/// conflict passes read of its mention. The rebuild keeps them in the corpus, like [`Coded`] rows,
/// and reads them back by key word and by connected group.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Its number, in the order kept (dense from 0 across both kinds).
    pub id: u32,
    pub article: u32,
    pub handle: u64,
    /// The event its mention joined (a number in merge order), once merged.
    pub event: Option<u32>,
    /// Its mention's distinct actor names, ascending.
    pub names: Box<[u32]>,
    /// Topic words (interned), sorted.
    pub key: Box<[u32]>,
    /// The claimed time, for claimed dates; `None` for claims.
    pub time: Option<Claimed>,
    pub negative: bool,
    /// The claim as printed (trimmed, lower case; an interned text), for claims.
    pub claim: Option<u32>,
}

/// The two kinds of [`Statement`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum StatementKind {
    /// A claimed date: [`Statement::time`] is set.
    Date,
    /// A claim with a polarity: [`Statement::claim`] is set.
    Claim,
}

impl Statement {
    pub fn kind(&self) -> StatementKind {
        if self.time.is_some() {
            StatementKind::Date
        } else {
            StatementKind::Claim
        }
    }
}

/// What the conflict check reads of a claimed time (interned texts: the same dates recur in
/// thousands of sentences).
#[derive(Debug, Clone, PartialEq)]
pub struct Claimed {
    /// The resolved value, else the label: equal keys are one value.
    pub key: u32,
    /// As shown in a conflict: value and the words printed.
    pub label: u32,
    pub bounds: (Date, Date),
}

/// What the story-date conflict pass reads of a written event. The rebuild keeps these in the
/// corpus, read back by event number and by story, not in memory.
#[derive(Debug, Clone, PartialEq)]
pub struct EventSummary {
    /// Its number, in the order merging opened it.
    pub number: u32,
    pub id: String,
    pub kind: EventType,
    pub bounds: Option<(Date, Date)>,
    /// Interned names on the source side and on the target side, ascending.
    pub sources: Box<[u32]>,
    pub targets: Box<[u32]>,
    /// Story numbers of its mentions, ascending.
    pub stories: Box<[u32]>,
}
