//! The CAMEO verb dictionary's readings of a sentence, ranked against the hand triggers: a verb
//! phrase the dictionary marks as no event ("killed in a car crash") removes a hand trigger on the
//! same words; a specific pattern ("lifted * sanctions") outranks every hand trigger, a verb read
//! by its block default only the weakest. Then the grammar lowers what is not the clause's own
//! happening: a noun that is a verb's object, a support verb's own reading, a subordinate clause.

use crate::cameo::Coded;
use crate::grammar::{finite, is_be, is_have, looks_verbal, word_spans};
use crate::triggers::TriggerHit;
use crate::{
    Extractor, OBJECT_NOUN_PRIORITY, STRONG_PATTERN, STRONG_PATTERN_PRIORITY, SUBORDINATE_PRIORITY,
    VERB_DEFAULT_PRIORITY, VERB_PATTERN_PRIORITY, fold,
};
use dateline_core::event::{EventType, QuadClass};
use dateline_tagger::{Tag, Token};

/// How many words a verb's object may take to reach its head noun ("the two new videos").
const OBJECT_REACH: usize = 5;

/// Membership of a token in the `[grammar]` lists the clause reading asks about for every
/// token, read case-insensitively: one lookup per token instead of a scan of each list.
pub(crate) mod class {
    pub const SUBORDINATOR: u8 = 1;
    pub const INNER_SUBORDINATOR: u8 = 2;
    /// The first inner subordinator spelt so is also a clause preposition, as spelt in the lists.
    pub const INNER_OWN_TIME: u8 = 4;
    pub const CLAUSE_PREPOSITION: u8 = 8;
    pub const ASPECTUAL: u8 = 16;
    pub const SPEECH: u8 = 32;
}

/// The lists of [`class`], keyed by their words in ASCII lower case.
pub(crate) struct WordClasses {
    by_word: crate::phrases::FastMap<Box<[u8]>, u8>,
    /// By length, up to the longest word's, the bytes the lists' words of that length open with
    /// (a bit each): most tokens are in no list, and most of those are told so without hashing.
    openings: Vec<[u64; 4]>,
}

impl WordClasses {
    pub fn build(g: &crate::lexicon::Grammar) -> WordClasses {
        WordClasses::of_lists(
            &g.subordinators,
            &g.inner_subordinators,
            &g.clause_prepositions,
            &g.aspectual_verbs,
            &g.speech_verbs,
        )
    }

    fn of_lists(
        subordinators: &[String],
        inner_subordinators: &[String],
        clause_prepositions: &[String],
        aspectual_verbs: &[String],
        speech_verbs: &[String],
    ) -> WordClasses {
        let mut by_word: crate::phrases::FastMap<Box<[u8]>, u8> = Default::default();
        let mut add = |words: &[String], bit: u8| {
            for w in words {
                *by_word
                    .entry(w.as_bytes().to_ascii_lowercase().into_boxed_slice())
                    .or_default() |= bit;
            }
        };
        add(subordinators, class::SUBORDINATOR);
        add(inner_subordinators, class::INNER_SUBORDINATOR);
        add(clause_prepositions, class::CLAUSE_PREPOSITION);
        add(aspectual_verbs, class::ASPECTUAL);
        add(speech_verbs, class::SPEECH);
        // A token matches the first inner subordinator equal to it but for case; whether that
        // one is a clause preposition is asked exactly as spelt.
        let mut seen: crate::phrases::FastSet<Vec<u8>> = Default::default();
        for w in inner_subordinators {
            let key = w.as_bytes().to_ascii_lowercase();
            if seen.insert(key.clone())
                && clause_prepositions.contains(w)
                && let Some(bits) = by_word.get_mut(key.as_slice())
            {
                *bits |= class::INNER_OWN_TIME;
            }
        }
        let longest = by_word.keys().map(|k| k.len()).max().unwrap_or(0);
        let mut openings = vec![[0u64; 4]; longest + 1];
        for k in by_word.keys() {
            if let Some(&b) = k.first() {
                openings[k.len()][usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        WordClasses { by_word, openings }
    }

    /// The [`class`] bits of `word`.
    pub fn of(&self, word: &str) -> u8 {
        const SHORT: usize = 24;
        let w = word.as_bytes();
        let Some(&first) = w.first() else {
            return 0;
        };
        let b = first.to_ascii_lowercase();
        let opens = |bits: &[u64; 4]| bits[usize::from(b >> 6)] & (1 << (b & 63)) != 0;
        if !self.openings.get(w.len()).is_some_and(opens) {
            return 0;
        }
        if w.len() > SHORT {
            return self.lookup(&w.to_ascii_lowercase());
        }
        let mut buf = [0u8; SHORT];
        let key = &mut buf[..w.len()];
        key.copy_from_slice(w);
        key.make_ascii_lowercase();
        self.lookup(key)
    }

    fn lookup(&self, key: &[u8]) -> u8 {
        self.by_word.get(key).copied().unwrap_or(0)
    }
}

/// A sentence as the dictionary reads it: its folded words and its tagged tokens.
struct TaggedSentence<'s> {
    sentence: &'s str,
    folded: &'s fold::Folded,
    /// Byte spans of the folded words, and the words.
    spans: Vec<(usize, usize)>,
    words: Vec<&'s str>,
    tokens: Vec<Token<'s>>,
    /// The token of each word (`None`: the tagger gave it none): the dictionary asks about the
    /// words around a verb once per pattern, so each is looked up once.
    word_tokens: Vec<Option<usize>>,
    /// Spans of the sentence (original offsets) that the lexicon reads as actors or places.
    entities: &'s [(usize, usize)],
    /// Where verb forms without a tense of their own take one from a verb before them (original
    /// offsets, sorted; see [`Extractor::lend_tense`]).
    tense_lent: Vec<usize>,
    /// Each token's [`class`] bits.
    classes: Vec<u8>,
}

impl<'s> TaggedSentence<'s> {
    fn new(
        tagger: &dateline_tagger::Tagger,
        word_classes: &WordClasses,
        sentence: &'s str,
        folded: &'s fold::Folded,
        entities: &'s [(usize, usize)],
    ) -> TaggedSentence<'s> {
        let f = folded.text.as_str();
        let spans = word_spans(f);
        let words = spans.iter().map(|&(s, e)| &f[s..e]).collect();
        let tokens = tagger.tag(sentence);
        let classes = tokens.iter().map(|t| word_classes.of(t.text)).collect();
        let mut s = TaggedSentence {
            sentence,
            folded,
            spans,
            words,
            tokens,
            word_tokens: Vec::new(),
            entities,
            tense_lent: Vec::new(),
            classes,
        };
        s.word_tokens = (s.spans.iter())
            .map(|&(start, _)| s.token_at(start))
            .collect();
        s
    }

    /// The token that holds folded offset `start`.
    fn token_at(&self, start: usize) -> Option<usize> {
        let (os, _) = self.folded.original_span(start, start + 1);
        let at = self.tokens.partition_point(|t| t.end <= os);
        self.tokens
            .get(at)
            .is_some_and(|t| t.start <= os)
            .then_some(at)
    }

    /// The tag of word `i`'s token.
    fn word_tag(&self, i: usize) -> Option<Tag> {
        self.word_tokens[i].map(|at| self.tokens[at].tag)
    }

    fn tag_at(&self, start: usize) -> Option<Tag> {
        self.token_at(start).map(|at| self.tokens[at].tag)
    }

    /// Whether folded offset `start` stands on a verb narrating in the past.
    fn past_at(&self, start: usize) -> bool {
        self.token_at(start)
            .is_some_and(|at| crate::grammar::told_in_past(&self.tokens, at))
    }

    /// Whether folded offset `start` stands on a finite verb.
    fn finite_at(&self, start: usize) -> bool {
        self.token_at(start).is_some_and(|at| self.finite_token(at))
    }

    /// Whether token `at` is a finite verb, or takes its tense from one.
    fn finite_token(&self, at: usize) -> bool {
        finite(&self.tokens, at)
            || (self.tense_lent)
                .binary_search(&self.tokens[at].start)
                .is_ok()
    }

    /// Whether word `i` can head the clause's verb phrase; a word the tagger did not give a
    /// token is judged by the word before it.
    fn is_verb(&self, i: usize) -> bool {
        match self.word_tokens[i] {
            Some(at) => self.finite_token(at),
            None => looks_verbal(&self.words, i),
        }
    }

    /// The head noun of the noun phrase opening at word `i` ("a new *video*", "the body camera
    /// *footage*": the last of its nouns), when one does within a few words.
    fn object_head(&self, i: usize) -> Option<&'s str> {
        let end = self.words.len().min(i + OBJECT_REACH);
        let noun = |k: &usize| self.word_tag(*k).is_some_and(Tag::is_noun);
        let first = (i..end).find(|&k| {
            !self.word_tag(k).is_some_and(|t| {
                t.is_adj() || matches!(t, Tag::DT | Tag::CD | Tag::PRPS | Tag::PDT | Tag::POS)
            })
        })?;
        (first..end).take_while(noun).last().map(|k| self.words[k])
    }

    /// Whether words `from..to` are whole printed words: the first opens its token and the last
    /// ends it, so no end falls inside a hyphenated compound ("cross-border", "Iran-backed").
    fn whole_words(&self, from: usize, to: usize) -> bool {
        let same_token = |a: usize, b: usize| {
            let (x, y) = (self.word_tokens[a], self.word_tokens[b]);
            x.is_some() && x == y
        };
        to > from
            && !(from > 0 && same_token(from - 1, from))
            && !(to < self.words.len() && same_token(to - 1, to))
    }

    /// Whether word `i` sits inside a noun phrase (see [`crate::cameo::CameoIndex::find`]).
    fn in_phrase(&self, i: usize) -> bool {
        self.words[i] == "of" || self.word_tag(i).is_some_and(noun_phrase_tag)
    }

    /// A one-word participle between an article, a possessive or a number and its noun
    /// describes the noun ("the agreed schedule", "its proposed deal", "released seven detained
    /// tribesmen"), and so does one between a verb and its object's noun ("struck suspected PKK
    /// members", "killed wanted militants": a verb has one object, not a second verb; not after
    /// an auxiliary, "had been detained", "has agreed"): nothing happens in the clause.
    fn attributive_participle(&self, h: &TriggerHit) -> bool {
        let f = self.folded.text.as_str();
        let Some(k) = self.token_at(h.start) else {
            return false;
        };
        let word = &f[h.start..h.end];
        let before_object = |p: &Token| {
            p.tag.is_verb() && {
                let w = p.text.to_ascii_lowercase();
                !(is_be(&w) || is_have(&w) || matches!(w.as_str(), "get" | "got" | "gets"))
            }
        };
        !word.contains(' ')
            && (word.ends_with("ed") || word.ends_with("en"))
            && matches!(self.tokens[k].tag, Tag::VBN | Tag::VBD | Tag::JJ)
            && k.checked_sub(1).is_some_and(|p| {
                let p = &self.tokens[p];
                matches!(p.tag, Tag::DT | Tag::PRPS | Tag::POS | Tag::CD) || before_object(p)
            })
            && self.tokens.get(k + 1).is_some_and(|n| n.tag.is_noun())
    }

    /// A capitalised word between two capitalised words, inside a sentence written in sentence
    /// case, is part of a name ("the Iraqi Protest Movement Coordination Committee", "the Rapid
    /// Support Forces", "the Volatiles Investigating Polar Exploration Rover"): no happening. A
    /// headline, where verbs are capitalised too, has no lower-case word of content.
    fn inside_name(&self, h: &TriggerHit) -> bool {
        let capitalised = |t: &Token| t.text.starts_with(|c: char| c.is_uppercase());
        let (Some(first), Some(last)) = (self.token_at(h.start), self.token_at(h.end - 1)) else {
            return false;
        };
        let name_word = |k: usize| self.tokens.get(k).is_some_and(capitalised);
        if first == 0
            || !(first..=last).all(name_word)
            || !name_word(first - 1)
            || !name_word(last + 1)
        {
            return false;
        }
        // A headline capitalises every word but the short function words ("in", "of", "and").
        (self.tokens.iter()).any(|t| {
            t.text.starts_with(char::is_lowercase) && !t.tag.is_function_word() && t.tag != Tag::CC
        })
    }

    /// Whether word `i` names someone or somewhere: it is part of an actor or a place the
    /// lexicon found ("the president", "police"), tagged a proper noun, or capitalised inside
    /// the sentence (the tagger reads "US" as "us").
    fn is_name(&self, i: usize) -> bool {
        let (os, oe) = self.folded.original_span(self.spans[i].0, self.spans[i].1);
        if self.entities.iter().any(|&(s, e)| s < oe && os < e) {
            return true;
        }
        match self.word_tokens[i] {
            Some(at) => {
                let t = &self.tokens[at];
                matches!(t.tag, Tag::NNP | Tag::NNPS)
                    || (at > 0 && t.text.starts_with(|c: char| c.is_uppercase()))
            }
            None => false,
        }
    }

    fn base_verb(&self, i: usize) -> bool {
        self.word_tag(i) == Some(Tag::VB)
    }
}

/// What a threat threatens ("threatened to kill the hostages", "vowed to attack Baghdad") is
/// its content, not a happening of the clause: the threat is (CAMEO 13, PLOVER THREATEN), so the
/// infinitive right after it ranks below every verb of the clause.
fn demote_threatened(
    s: &TaggedSentence,
    triggers: &[crate::triggers::Trigger],
    hits: &mut [TriggerHit],
) {
    let f = s.folded.text.as_str();
    let threats: Vec<usize> = (hits.iter())
        .filter(|h| triggers[h.trigger].event_type == EventType::Threaten)
        .map(|h| h.end)
        .collect();
    if threats.is_empty() {
        return;
    }
    for h in hits.iter_mut() {
        let before = f[..h.start].trim_end();
        // The threat's words may hold the "to" ("vowed to") or not ("threatened").
        let threatened = threats.contains(&before.len())
            || (before.strip_suffix(" to")).is_some_and(|b| threats.contains(&b.trim_end().len()));
        if threatened && triggers[h.trigger].event_type != EventType::Threaten {
            h.priority = h.priority.min(OBJECT_NOUN_PRIORITY);
        }
    }
}

/// A dictionary reading's rank among the hand triggers, by how many pattern words it matched.
fn verb_priority(specificity: usize) -> u32 {
    if specificity >= STRONG_PATTERN {
        STRONG_PATTERN_PRIORITY
    } else if specificity > 0 {
        VERB_PATTERN_PRIORITY
    } else {
        VERB_DEFAULT_PRIORITY
    }
}

impl Extractor {
    /// Whether `word` (folded) is a support verb (`[grammar] light_verbs`).
    fn is_light_verb(&self, word: &str) -> bool {
        self.light_verbs.iter().any(|l| l == word)
    }

    /// Adds the happenings the CAMEO verb dictionary reads in the folded sentence `fs`, ranks
    /// them against the hand triggers in `hits`, and marks which hits stand on a finite verb.
    /// Returns where coordinated verb phrases open (see [`coordinated_verbs`]).
    pub(crate) fn add_verb_hits(
        &self,
        sentence: &str,
        fs: &fold::Folded,
        entities: &[(usize, usize)],
        hits: &mut Vec<TriggerHit>,
    ) -> Coordination {
        let mut s = TaggedSentence::new(&self.tagger, &self.word_classes, sentence, fs, entities);
        let (first_verb, opens, participles) = coordinated_verbs(&s.tokens);
        s.tense_lent = lend_tense(&s.tokens, &s.classes, first_verb, participles);
        let coordination = Coordination {
            first_verb: first_verb.map(|o| fs.folded_offset(o)),
            opens: opens.into_iter().map(|o| fs.folded_offset(o)).collect(),
            inner: Vec::new(),
        };
        self.add_dictionary_readings(&s, &coordination.opens, hits);
        hits.retain(|h| {
            let (os, oe) = fs.original_span(h.start, h.end);
            !in_compound_modifier(sentence, os, oe)
                && !s.attributive_participle(h)
                && !s.inside_name(h)
        });
        // Which hand triggers stand on a finite verb: the clause's sides turn on it.
        for h in hits.iter_mut() {
            if !h.finite {
                h.finite = s.finite_at(h.start);
            }
            h.past = h.finite && s.past_at(h.start);
        }
        self.demote_objects(&s, hits);
        // Where each token's clause stops, read by the subordinate clauses and the inner ones.
        let stop = clause_stops(&s.tokens, s.sentence.len());
        self.demote_subordinate(&s, &stop, hits);
        demote_threatened(&s, &self.triggers.triggers, hits);
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let inner = self.inner_clauses(&s, &stop, first_verb, hits);
        Coordination {
            inner: inner
                .into_iter()
                .map(|(o, kind)| (fs.folded_offset(o), kind))
                .collect(),
            ..coordination
        }
    }

    /// Clauses that open inside a sentence where no opener of the lexicon cuts it, each telling
    /// a happening of its own beside the main clause's (sentence offsets, with their kind): a
    /// participle after a comma ("severed relations with Morocco, accusing the kingdom of …"),
    /// and a word of `[grammar] inner_subordinators` before a subject and a verb with a tense
    /// ("signed an agreement as the king received the president", "marched before police
    /// dispersed them"; after a comma too, where the lexicon's openers cut already). Only where
    /// a finite verb and a trigger of `hits` stand before it, and one stands in it: a sentence
    /// with one happening stays one clause ("soldiers sustained wounds when militants struck
    /// their outpost" is the strike's). `hits` are sorted by start; `stop` is `clause_stops`.
    fn inner_clauses(
        &self,
        s: &TaggedSentence,
        stop: &[usize],
        first_verb: Option<usize>,
        hits: &[TriggerHit],
    ) -> Vec<(usize, Inner)> {
        let (Some(first_verb), Some(first_hit)) = (first_verb, hits.first()) else {
            return Vec::new();
        };
        let tokens = &s.tokens;
        // A trigger on the participle itself, or on a verb with a tense in the clause: the
        // hits starting in the span are one slice of them, so a long sentence stays linear.
        let verb_hit_in = |from: usize, to: usize, finite: bool| {
            let (from, to) = (s.folded.folded_offset(from), s.folded.folded_offset(to));
            let lo = hits.partition_point(|h| h.start < from);
            let hi = hits.partition_point(|h| h.start < to);
            (hits[lo..hi.max(lo)].iter()).any(|h| h.finite || !finite)
        };
        let hit_before = |at: usize| first_hit.start < s.folded.folded_offset(at);
        let mut out = Vec::new();
        for (k, t) in tokens.iter().enumerate().skip(1) {
            if t.start <= first_verb || !hit_before(t.start) {
                continue;
            }
            let participle = t.text == ","
                && tokens.get(k + 1).is_some_and(|p| {
                    p.tag == Tag::VBG
                        && s.classes[k + 1] & class::SPEECH == 0
                        && verb_hit_in(p.start, p.end, false)
                });
            if participle {
                out.push((t.start, Inner::Participle));
                continue;
            }
            if s.classes[k] & class::INNER_SUBORDINATOR != 0
                && subject_then_verb(tokens, k)
                && verb_hit_in(t.end, stop[k + 1], true)
            {
                let own_time = s.classes[k] & class::INNER_OWN_TIME != 0;
                // After a comma the lexicon's opener already cuts there (", as the cabinet
                // met"): the clause is the same, with a subject of its own.
                let at = if tokens[k - 1].text == "," {
                    tokens[k - 1].start
                } else {
                    t.start
                };
                out.push((at, Inner::Adverbial { own_time }));
            }
        }
        out
    }

    /// Each dictionary verb's reading, in place of the weaker hits on its words. A verb's
    /// pattern reads no further than the next coordinated verb phrase (`opens`, folded offsets).
    fn add_dictionary_readings(
        &self,
        s: &TaggedSentence,
        opens: &[usize],
        hits: &mut Vec<TriggerHit>,
    ) {
        let f = s.folded.text.as_str();
        let facts = crate::cameo::WordFacts {
            // A base form after a modal of intent ending in "to" heads the clause's verb
            // phrase as after "will" ("is ready to send troops").
            is_verb: &|i| {
                s.is_verb(i) || (s.base_verb(i) && self.triggers.announced_at(f, s.spans[i].0))
            },
            in_phrase: &|i| s.in_phrase(i),
            base_verb: &|i| s.base_verb(i),
            // A pattern's object ends where another clause opens: a coordinated verb phrase, a
            // subordinate clause ("released the footage when officers …" has no object
            // "officers"), or another verb in a tense of its own ("comes weeks after Baghdad
            // lifted a ban on flights to Sulaimani" is no coming to Sulaimani; the dictionary's
            // patterns of what is said read on past a modal: "announced it will return").
            closes_phrase: &|i| {
                opens.contains(&s.spans[i].0)
                    || self.subordinators.iter().any(|w| w == s.words[i])
                    || matches!(s.word_tag(i), Some(Tag::VBD | Tag::VBZ | Tag::VBP))
                        && s.is_verb(i)
                        // "equipment seized last year": a reduced relative stays in the phrase.
                        && !s.word_tokens[i].is_some_and(|k| self.reduced_relative(&s.tokens, k))
            },
            name: &|i| s.is_name(i),
            whole: &|from, to| s.whole_words(from, to),
        };
        let found = self.cameo.find(&s.words, &facts);
        for v in found {
            let (start, end) = (s.spans[v.first].0, s.spans[v.last - 1].1);
            let overlaps = |h: &TriggerHit| h.start < end && start < h.end;
            // "said attacks on bases harm Iraq": a verb that reports is no material happening.
            let reports = || (self.triggers.grammar).reports(&s.words[v.first..v.last].join(" "));
            let Some(c) = v
                .coded
                .filter(|c| !(c.event_type.is_material() && reports()))
                .filter(|_| !self.triggers.marks_future(f, start, end))
                // A support verb means little without the pattern that gives it its object:
                // "took office" is no seizure, "gave a speech" no aid.
                .filter(|_| v.specificity > 0 || !self.is_light_verb(&f[start..end]))
                // "went", "gathered", "faces": CAMEO files verbs of movement and perception under
                // an unspecified consultation, which only a pattern makes one.
                .filter(|c| v.specificity > 0 || !self.pattern_only_codes.contains(&c.cameo))
                // "released a video", "gave details": records made public are no material
                // cooperation, which the verb's usual reading would make of them.
                .filter(|c| {
                    v.specificity > 0
                        || c.event_type.quad_class() != QuadClass::MaterialCooperation
                        || !s
                            .object_head(v.last)
                            .is_some_and(|w| self.record_nouns.contains(w))
                })
            else {
                // CAMEO's "no event" ([---]: "fight corruption") vetoes the hand triggers on its
                // words; a code PLOVER drops does not: "condemned the terrorist attack" is CAMEO's
                // empathetic comment [018], the PLOVER manual's ACCUSE ("condemn, decry a policy
                // or an action").
                if v.specificity > 0 && !v.dropped {
                    hits.retain(|h| !overlaps(h));
                }
                continue;
            };
            // "will not accept more refugees", "did not agree to extend": cooperation refused is
            // a rejection (CAMEO 12, PLOVER REJECT).
            let refused = c.event_type.is_cooperation() && self.triggers.negated(f, start);
            let c = if refused {
                Coded {
                    event_type: EventType::Reject,
                    mode: None,
                    cameo: "12".to_owned(),
                }
            } else if self.triggers.blocked(f, start) {
                continue;
            } else {
                c
            };
            let reverse = c.is_reverse();
            let mode = c.mode.unwrap_or_default();
            let Some(&trigger) = self.verb_triggers.get(&(c.event_type, mode, reverse)) else {
                continue;
            };
            let priority = verb_priority(v.specificity);
            if hits.iter().any(|h| overlaps(h) && h.priority >= priority) {
                continue;
            }
            hits.retain(|h| !overlaps(h));
            hits.push(TriggerHit {
                start,
                end,
                trigger,
                priority,
                finite: true,
                past: false,
            });
        }
    }

    /// A hand trigger on a noun after a finite verb trigger of its clause is that verb's object
    /// ("demanded a truce", "rejected the proposal for a ceasefire", "called for sanctions"):
    /// the clause reports the demand, the rejection, the call. A support verb followed by such a
    /// noun ("held talks") yields to the noun.
    fn demote_objects(&self, s: &TaggedSentence, hits: &mut [TriggerHit]) {
        let f = s.folded.text.as_str();
        let clauses = self.triggers.clauses(f);
        // Clauses are contiguous and in order: the last one starting at or before `at`.
        let clause_of = |at: usize| clauses.partition_point(|&(s, _)| s <= at).checked_sub(1);
        let same_clause = |a: usize, b: usize| clause_of(a) == clause_of(b);
        let light = |h: &TriggerHit| self.is_light_verb(&f[h.start..h.end]);
        let from_verb = |h: &TriggerHit| self.triggers.triggers[h.trigger].from_verb;
        // A gerund after "of" or "for" is an object too: "accused the army of torturing
        // detainees", "blamed the SDF for shelling villages" report the accusation.
        let gerund_object = |at: usize| {
            s.tag_at(at) == Some(Tag::VBG)
                && f[..at]
                    .trim_end()
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w == "of" || w == "for")
        };
        // A trigger of several words is a noun phrase when it opens with a modifier and ends
        // on a noun ("joint operation"), not a verb phrase ("called off the strike").
        let noun_phrase = |h: &TriggerHit| {
            let head = h.start + f[h.start..h.end].rfind(' ').map_or(0, |i| i + 1);
            s.tag_at(h.start).is_some_and(|t| t.is_noun() || t.is_adj())
                && s.tag_at(head).is_some_and(|t| t.is_noun())
        };
        // A gerund after a determiner or a number, or before "of", is a noun ("the 2014 killing
        // of Yazidis", "the shelling of villages"), also past adjectives in scare quotes ("the
        // \"cowardly\" killing"), where the tagger's context rules see only the quote mark.
        let nominal_gerund = |at: usize| {
            s.token_at(at).is_some_and(|k| {
                let quoted_modifier =
                    |t: &Token| matches!(t.tag, Tag::OpenQuote | Tag::CloseQuote) || t.tag.is_adj();
                let before = s.tokens[..k].iter().rev().find(|t| !quoted_modifier(t));
                s.tokens[k].tag == Tag::VBG
                    && (s.tokens.get(k + 1).is_some_and(|t| t.text == "of")
                        || before.is_some_and(|t| {
                            matches!(t.tag, Tag::DT | Tag::CD | Tag::PRPS | Tag::POS)
                        }))
            })
        };
        let mut nouns: Vec<usize> = hits
            .iter()
            .filter(|h| !from_verb(h))
            .filter(|h| {
                s.tag_at(h.start).is_some_and(|t| t.is_noun())
                    || noun_phrase(h)
                    || gerund_object(h.start)
                    || nominal_gerund(h.start)
            })
            .map(|h| h.start)
            .collect();
        nouns.sort_unstable();
        self.commands_take_their_object(s, &nouns, hits);
        // Starts of the finite verbs that govern an object (support verbs excepted) and of the
        // hand triggers on nouns, sorted: each check below is a binary search.
        let mut verbs: Vec<usize> = hits
            .iter()
            .filter(|h| from_verb(h) || h.finite)
            .filter(|h| !light(h))
            .map(|h| h.start)
            .collect();
        verbs.sort_unstable();
        let trigger_starts: Vec<usize> = hits.iter().map(|h| h.start).collect();
        for h in hits.iter_mut() {
            if from_verb(h) {
                // "held talks": the talks.
                let next_noun = nouns.get(nouns.partition_point(|&n| n <= h.start));
                if light(h) && next_noun.is_some_and(|&n| same_clause(n, h.start)) {
                    h.priority = h.priority.min(OBJECT_NOUN_PRIORITY - 1);
                }
            } else if nouns.binary_search(&h.start).is_ok()
                && verbs
                    .partition_point(|&v| v < h.start)
                    .checked_sub(1)
                    .is_some_and(|i| same_clause(verbs[i], h.start))
            {
                h.priority = h.priority.min(OBJECT_NOUN_PRIORITY);
            } else if nouns.binary_search(&h.start).is_ok()
                && verbs
                    .get(verbs.partition_point(|&v| v <= h.start))
                    .is_some_and(|&v| same_clause(v, h.start) && self.passive_of(s, h.end, v))
            {
                // "The bombing was condemned by the UN": the subject of a passive verb is
                // its object.
                h.priority = h.priority.min(OBJECT_NOUN_PRIORITY);
            } else if nouns.binary_search(&h.start).is_ok()
                && participle_object(s, &trigger_starts, h.start)
            {
                h.priority = h.priority.min(OBJECT_NOUN_PRIORITY);
            }
        }
    }

    /// A verb of command read as a bare demand whose object is a happening's noun (a start in
    /// `nouns`, sorted), with only determiners and modifiers between, tells that happening:
    /// "ordered the formation of a committee to investigate", "ordered a curfew" (CAMEO's ORDER
    /// patterns code what is ordered). The verb takes the noun's reading, which then stays its
    /// object. Ordering people to act stays a demand ("ordered the army to withdraw").
    fn commands_take_their_object(
        &self,
        s: &TaggedSentence,
        nouns: &[usize],
        hits: &mut [TriggerHit],
    ) {
        let f = s.folded.text.as_str();
        let ordered_noun = |h: &TriggerHit| {
            let commands = &self.triggers.grammar.command_verbs;
            let &n = nouns.get(nouns.partition_point(|&n| n <= h.start))?;
            let mut at = h.end;
            let object = f[h.end..n].split(' ').all(|w| {
                let here = at;
                at += w.len() + 1;
                w.is_empty()
                    || (s.tag_at(here))
                        .is_some_and(|t| matches!(t, Tag::DT | Tag::JJ | Tag::PRPS | Tag::CD))
            });
            let demand = self.triggers.triggers[h.trigger].event_type == EventType::Request;
            (demand && object && commands.iter().any(|w| *w == f[h.start..h.end])).then_some(n)
        };
        // The triggers by start, searched by halves: a long sentence of many commands stays
        // n log n.
        let mut by_start: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.trigger)).collect();
        by_start.sort_unstable();
        let readings: Vec<Option<usize>> = (hits.iter())
            .map(|h| {
                let n = ordered_noun(h)?;
                let i = by_start.partition_point(|&(start, _)| start < n);
                by_start
                    .get(i)
                    .filter(|&&(start, _)| start == n)
                    .map(|&(_, t)| t)
            })
            .collect();
        for (h, reading) in hits.iter_mut().zip(readings) {
            if let Some(trigger) = reading {
                h.trigger = trigger;
            }
        }
    }

    /// Whether the verb at folded `verb` is the passive predicate of the noun ending at
    /// `noun_end`: only a short phrase qualifying the noun, forms of "be" and adverbs stand
    /// between them, the verb is a past participle, and not a support verb ("The raid was
    /// carried out": its subject is the happening).
    fn passive_of(&self, s: &TaggedSentence, noun_end: usize, verb: usize) -> bool {
        let f = s.folded.text.as_str();
        let be = |w: &str| {
            matches!(
                w,
                "was" | "were" | "is" | "are" | "been" | "be" | "being" | "has" | "have" | "had"
            )
        };
        // A short prepositional phrase may qualify the noun first ("The curfew in Baghdad was
        // lifted", "the ban on flights was lifted"): words up to the auxiliary, no verb or
        // clause punctuation among them.
        let mut words = f[noun_end..verb].split_whitespace().peekable();
        if words
            .peek()
            .is_some_and(|w| QUALIFYING_PREPOSITIONS.contains(w))
        {
            let mut at = noun_end;
            for _ in 0..=PASSIVE_QUALIFIER_WORDS {
                let Some(&w) = words.peek() else { break };
                if be(w) {
                    break;
                }
                let start = at + f[at..].find(w).unwrap_or(0);
                at = start + w.len();
                if w.ends_with([',', ';', ':']) || s.tag_at(start).is_some_and(|t| t.is_verb()) {
                    return false;
                }
                words.next();
            }
        }
        let gap: Vec<&str> = words.collect();
        let support = f[verb..]
            .split(' ')
            .next()
            .is_some_and(|w| self.is_light_verb(w));
        gap.iter().any(|w| be(w))
            && gap.iter().all(|w| be(w) || w.ends_with("ly"))
            && s.tag_at(verb) == Some(Tag::VBN)
            && !support
    }

    /// A relative clause ("a helicopter that was captured", "fighters who overran the post") or an
    /// adverbial one ("when the governor resigned", "if the talks fail") tells background to
    /// the clause it hangs on: its happenings rank below every happening of that clause.
    fn demote_subordinate(&self, s: &TaggedSentence, stop: &[usize], hits: &mut [TriggerHit]) {
        let subordinate = self.subordinate_spans(&s.tokens, &s.classes, stop);
        if subordinate.is_empty() {
            return;
        }
        // Per hit: inside some subordinate clause, and inside one that is background whatever
        // the main clause tells.
        let placed: Vec<(bool, bool)> = (hits.iter())
            .map(|h| {
                let os = s.folded.original_span(h.start, h.start + 1).0;
                (subordinate.iter())
                    .filter(|&&(a, b, _)| a <= os && os < b)
                    .fold((false, false), |(_, always), &(_, _, prepositional)| {
                        (true, always || !prepositional)
                    })
            })
            .collect();
        // A clause a preposition opens is background only beside a verb of the sentence's own
        // ("agreed to restore ties seven years after they cut them"); where the main clause
        // tells no happening, it is the news ("the raid comes days after the premier met US
        // officials").
        let main_verb = (hits.iter().zip(&placed)).any(|(h, &(inside, _))| h.finite && !inside);
        for (h, (inside, always)) in hits.iter_mut().zip(placed) {
            if always || inside && main_verb {
                h.priority = h.priority.min(SUBORDINATE_PRIORITY);
            }
        }
    }

    /// Byte spans of the sentence's subordinate clauses: from a relative pronoun ("which", "who",
    /// "that" after a noun), a subject pronoun right after a noun, a reduced relative, or a
    /// subordinator of `[grammar] subordinators` to the next comma, semicolon or colon.
    /// The flag marks a clause a preposition of `[grammar] clause_prepositions` opens.
    /// `classes`: each token's [`class`] bits.
    fn subordinate_spans(
        &self,
        tokens: &[Token],
        classes: &[u8],
        stop: &[usize],
    ) -> Vec<(usize, usize, bool)> {
        let mut out = Vec::new();
        for (k, t) in tokens.iter().enumerate() {
            // After a noun, or a gerund used as one ("weeks of fighting that killed …").
            let after_noun = k > 0
                && (tokens[k - 1].tag.is_noun()
                    || tokens[k - 1].tag == Tag::VBG
                        && k > 1
                        && matches!(
                            tokens[k - 2].tag,
                            Tag::IN | Tag::DT | Tag::JJ | Tag::PRPS | Tag::POS | Tag::CD
                        ));
            // "fighting that killed thousands": "that" between a noun and a verb with a tense
            // is the verb's subject, a relative pronoun whatever the tagger says; a complement
            // clause has a subject of its own ("claims that troops killed").
            let subject_relative = t.text.eq_ignore_ascii_case("that")
                && after_noun
                && tokens
                    .get(k + 1)
                    .is_some_and(|v| matches!(v.tag, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD));
            let relative = subject_relative
                || relative_pronoun(t) && (!t.text.eq_ignore_ascii_case("that") || after_noun);
            // A relative clause without its pronoun: a common noun after an article or a
            // possessive, then a subject pronoun and its verb ("an airline it accused of …",
            // "the weapons they seized"); not "said Monday it would …".
            let bare_relative = t.tag == Tag::PRP
                && k > 0
                && matches!(tokens[k - 1].tag, Tag::NN | Tag::NNS)
                && has_article(&tokens[..k - 1])
                && tokens
                    .get(k + 1)
                    .is_some_and(|v| matches!(v.tag, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD));
            let prepositional = classes[k] & class::CLAUSE_PREPOSITION != 0
                && self.opens_clause_as_preposition(tokens, k, stop[k + 1]);
            let opens = relative
                || bare_relative
                || prepositional
                || self.reduced_relative(tokens, k)
                || classes[k] & class::SUBORDINATOR != 0;
            if !opens {
                continue;
            }
            // A participle clause after the comma tells more of the same happening ("after
            // shells struck a resort, killing nine tourists").
            let mut end = stop[k + 1];
            let mut j = k + 1;
            while let Some(c) = (tokens[j..].iter())
                .position(|t| t.start >= end)
                .map(|p| j + p)
                && tokens[c].text == ","
                && tokens.get(c + 1).is_some_and(|t| t.tag == Tag::VBG)
            {
                end = stop[c + 1];
                j = c + 1;
            }
            // A participle with its doer ("a delegation led by the ambassador held talks")
            // describes the noun up to the verb the noun is the subject of.
            if with_doer(tokens, k)
                && let Some(v) = (tokens[k + 2..].iter())
                    .take_while(|v| v.start < end)
                    .find(|v| matches!(v.tag, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD))
            {
                end = v.start;
            }
            out.push((t.start, end, prepositional));
        }
        out
    }

    /// Whether word `k`, a preposition of `[grammar] clause_prepositions`, opens a clause: a
    /// noun phrase follows it, then a verb with a tense of its own before the clause stops at
    /// `stop` ("after the rivals cut ties"; not "after the talks", "after killing", "as many
    /// as", "after a blast that killed six").
    fn opens_clause_as_preposition(&self, tokens: &[Token], k: usize, stop: usize) -> bool {
        let word = &tokens[k].text;
        let rest = &tokens[k + 1..];
        let opens_noun_phrase = rest.first().is_some_and(|t| {
            t.tag.is_noun() || matches!(t.tag, Tag::DT | Tag::PRP | Tag::PRPS | Tag::CD | Tag::JJ)
        });
        // "as many as", "as much as": a comparison.
        let comparison = rest
            .get(1)
            .is_some_and(|t| t.text.eq_ignore_ascii_case(word));
        opens_noun_phrase
            && !comparison
            && (rest.iter().enumerate())
                .take_while(|(_, t)| t.start < stop)
                // "after an explosion that killed six": the verb is the noun's relative clause.
                .take_while(|(_, t)| !relative_pronoun(t) && !t.text.eq_ignore_ascii_case("that"))
                .find(|(_, t)| t.tag.is_verb() || t.tag == Tag::MD)
                .is_some_and(|(i, t)| {
                    matches!(t.tag, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD)
                        // "after an air strike on a building killed seven": the first verb a
                        // past form the tagger took for a participle, an object after it, is the
                        // noun's own.
                        || t.tag == Tag::VBN && rest.get(i + 1).is_some_and(|o| {
                            matches!(o.tag, Tag::DT | Tag::CD | Tag::PRPS) || o.tag.is_noun()
                        })
                })
    }

    /// Whether the noun phrase ending before word `k` is the object of a preposition (not of a
    /// subordinator: after "after" or "as" the noun is a subject).
    fn governed_by_preposition(&self, tokens: &[Token], k: usize) -> bool {
        (tokens[..k].iter())
            .rposition(|t| !noun_phrase_tag(t.tag))
            .is_some_and(|j| {
                let w = tokens[j].text.to_ascii_lowercase();
                matches!(tokens[j].tag, Tag::IN | Tag::TO)
                    && !["that", "after", "before", "as"].contains(&w.as_str())
                    && !self.subordinators.contains(&w)
            })
    }

    /// A past form straight after a noun that is the object of the clause's verb, not a subject,
    /// with no object of its own: a relative clause without "which was" ("returned the trucks
    /// seized in March", "arrested men suspected of smuggling"). After a verb of saying the noun
    /// is the subject of what is said ("said gunmen killed three"), and the past form is that
    /// clause's verb.
    fn reduced_relative(&self, tokens: &[Token], k: usize) -> bool {
        if !matches!(tokens[k].tag, Tag::VBD | Tag::VBN | Tag::VBG)
            || k == 0
            || !tokens[k - 1].tag.is_noun()
        {
            return false;
        }
        // "in a row over comments by a minister criticising the intervention": a present
        // participle after a noun a preposition governs describes that noun, object or not.
        if tokens[k].tag == Tag::VBG {
            return self.governed_by_preposition(tokens, k);
        }
        // With an object after it the past form is a verb of its own clause ("and militants
        // killed three soldiers").
        let object = tokens.get(k + 1).is_some_and(|t| {
            t.tag.is_noun() || matches!(t.tag, Tag::DT | Tag::CD | Tag::PRP | Tag::PRPS)
        });
        if object {
            return false;
        }
        // "in exchange for 183 Palestinian prisoners freed by Israel": a noun a preposition
        // governs is no subject either. A participle only: after a subordinator the noun is a
        // subject ("after the gunmen fled").
        if tokens[k].tag == Tag::VBN && self.governed_by_preposition(tokens, k) {
            return true;
        }
        // A participle with its doer after it describes the noun, even after a verb of saying
        // ("told a summit hosted by the president").
        if with_doer(tokens, k) {
            return true;
        }
        let governing = tokens[..k - 1]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, t)| {
                !matches!(t.text, "," | ";" | ":" | "that") && !relative_pronoun(t)
            })
            .find(|&(j, _)| finite(tokens, j));
        governing.is_some_and(|(_, v)| {
            let w = v.text.to_ascii_lowercase();
            !self.triggers.grammar.speech_verbs.contains(&w) && !is_be(&w) && !is_have(&w)
        })
    }
}

/// Prepositions of a phrase qualifying a noun before its passive verb ("the curfew in Baghdad was
/// lifted").
const QUALIFYING_PREPOSITIONS: [&str; 8] =
    ["in", "on", "at", "of", "over", "against", "near", "across"];

/// The most words such a phrase may have, its preposition included.
const PASSIVE_QUALIFIER_WORDS: usize = 5;

/// The verb phrases sharing the sentence's first subject, and the clauses opening inside it,
/// folded offsets.
pub(crate) struct Coordination {
    /// The sentence's first finite verb: the shared subject stands before it.
    pub first_verb: Option<usize>,
    /// Where each further verb phrase opens (its "and").
    pub opens: Vec<usize>,
    /// Where each inner clause opens (see `Extractor::inner_clauses`), in order.
    pub inner: Vec<(usize, Inner)>,
}

/// A clause inside a sentence that tells a happening of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Inner {
    /// ", accusing the kingdom of …": the main clause's subject does it, at its time.
    Participle,
    /// "as the king received the president": a subject and a time of its own; `own_time` when
    /// its word places it before or after the main clause's ("after", "before"), so the main
    /// clause's time is not its.
    Adverbial { own_time: bool },
}

/// Where each token's clause stops (sentence offsets): at the next comma, semicolon or colon, or
/// coordinated clause. One backward sweep, so a long sentence of many openers stays linear.
fn clause_stops(tokens: &[Token], len: usize) -> Vec<usize> {
    let mut stop = vec![len; tokens.len() + 1];
    for k in (0..tokens.len()).rev() {
        stop[k] = if matches!(tokens[k].text, "," | ";" | ":") || coordinated_clause_at(tokens, k) {
            tokens[k].start
        } else {
            stop[k + 1]
        };
    }
    stop
}

/// The sentence's first finite verb, and where a second verb phrase of the same subject opens:
/// "and" or "but" before a finite verb, after the sentence's first finite verb ("Baghdad accused
/// Ankara of … and summoned its ambassador", "police arrested two men and seized weapons", "said
/// it would cooperate … but denied that …"). Each tells a happening of its own, with the subject
/// they share. Byte offsets in the sentence. A past form after the conjunction counts as finite
/// when the first verb is a past form of a verb with a meaning of its own, whichever of the two
/// the tagger read as a participle ("police fired … and detained"); after an auxiliary it shares that auxiliary ("has been arrested and charged"
/// is one verb group). Last, where such participles start: they are finite as the first verb is.
fn coordinated_verbs(tokens: &[Token]) -> (Option<usize>, Vec<usize>, Vec<usize>) {
    let mut participles = Vec::new();
    let auxiliary = |t: &Token| {
        let w = t.text.to_ascii_lowercase();
        is_be(&w) || is_have(&w)
    };
    let mut first: Option<&Token> = None;
    // The first verb outside a relative clause set off by commas ("the UAE, whose companies
    // lead the consortium, denounced the attack and called for …"): a participle after "and"
    // may be coordinated with it too.
    let mut main: Option<&Token> = None;
    let mut aside = false;
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if t.text == "," {
            aside = tokens.get(k + 1).is_some_and(relative_pronoun);
        }
        let past = |v: &&Token| matches!(v.tag, Tag::VBD | Tag::VBN) && !auxiliary(v);
        if let (true, true, Some(next)) = (
            first.is_some(),
            t.tag == Tag::CC,
            after_aside(tokens, k + 1),
        ) && (t.text.eq_ignore_ascii_case("and") || t.text.eq_ignore_ascii_case("but"))
            && (matches!(next.tag, Tag::VBD | Tag::VBZ | Tag::VBP)
                || next.tag == Tag::VBN && (first.iter().chain(&main)).any(past))
        {
            out.push(t.start);
            if next.tag == Tag::VBN {
                participles.push(next.start);
            }
        }
        // A past form the tagger read as a participle may still be the clause's verb ("Kuwait
        // and Bahrain condemned the attacks and voiced …").
        let tensed = matches!(t.tag, Tag::VBD | Tag::VBZ | Tag::VBP)
            || t.tag == Tag::VBN && finite(tokens, k);
        if first.is_none() && tensed {
            first = Some(t);
        }
        if main.is_none() && tensed && !aside {
            main = Some(t);
        }
    }
    // A list of verb phrases ("stopped a convoy, beat two drivers and seized the cargo"): a
    // comma before a verb in a tense opens a phrase too, where an "and" before a verb closes the
    // list after it.
    if let (Some(first), Some(&last)) = (first, out.last()) {
        let listed: Vec<usize> = (tokens.iter().enumerate())
            .filter(|&(k, t)| {
                t.text == ","
                    && t.start > first.start
                    && t.start < last
                    && tokens.get(k + 1).is_some_and(|v| {
                        matches!(v.tag, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::VB)
                            && finite(tokens, k + 1)
                    })
            })
            .map(|(_, t)| t.start)
            .collect();
        if !listed.is_empty() {
            out.extend(listed);
            out.sort_unstable();
        }
    }
    (first.map(|t| t.start), out, participles)
}

/// Token `k`, or the token after a short aside set off by commas that starts there ("and, four
/// days later, halted"): an aside with no verb of its own.
fn after_aside<'a>(tokens: &'a [Token<'a>], k: usize) -> Option<&'a Token<'a>> {
    let t = tokens.get(k)?;
    if t.text != "," {
        return Some(t);
    }
    let aside = tokens.get(k + 1..)?;
    let close = (aside.iter().take(ASIDE_WORDS + 1)).position(|t| t.text == ",")?;
    let verb = aside[..close]
        .iter()
        .any(|t| t.tag.is_verb() || t.tag == Tag::MD);
    (close > 0 && !verb).then(|| aside.get(close + 1)).flatten()
}

/// The most words an aside between commas may have ("four days later", "on Tuesday night").
const ASIDE_WORDS: usize = 5;

/// True when the participle at `start..end` of `sentence` is the second half of a hyphenated
/// modifier ("long-promised railway", "Iran-backed militia", "government-imposed curfew"): it
/// describes the noun after it; nothing happens in the clause. A prefixed verb that is not a
/// participle ("counter-attack", "re-arrest") is a happening.
fn in_compound_modifier(sentence: &str, start: usize, end: usize) -> bool {
    let glued = sentence
        .get(..start)
        .and_then(|b| b.strip_suffix(['-', '‐', '‑']))
        .and_then(|b| b.chars().next_back())
        .is_some_and(char::is_alphanumeric);
    let word = sentence.get(start..end).unwrap_or("");
    let word = word
        .split_whitespace()
        .next()
        .unwrap_or(word)
        .to_lowercase();
    glued && (word.ends_with("ed") || word.ends_with("en") || word.ends_with("ing"))
}

/// True when the noun phrase ending at the end of `before` opens with an article, a possessive
/// or a number ("an Iraqi airline", "the group's weapons", "two companies"), looking back over
/// its modifiers.
fn has_article(before: &[Token]) -> bool {
    let mut first = None;
    for t in before.iter().rev() {
        match t.tag {
            Tag::PRPS | Tag::POS => return true,
            Tag::DT => {
                let w = t.text.to_ascii_lowercase();
                return matches!(w.as_str(), "a" | "an" | "the");
            }
            tag if tag.is_noun() || tag.is_adj() || tag == Tag::CD => first = Some(tag),
            _ => break,
        }
    }
    first == Some(Tag::CD)
}

/// Where verb forms the tagger gave no tense take one from the verb before them (sorted
/// token starts): a participle opening a coordinated verb phrase (`participles`, from
/// [`coordinated_verbs`]: "spoke with Kadhimi and offered help"), unless a subordinator past
/// the first verb opens a clause it may belong to ("will withdraw unless the president
/// arranged a ceasefire and held elections"), and the gerund after an aspectual verb with a
/// tense (`[grammar] aspectual_verbs`: "would keep cooperating", "continued shelling").
/// `classes`: each token's [`class`] bits.
fn lend_tense(
    tokens: &[Token],
    classes: &[u8],
    first_verb: Option<usize>,
    mut participles: Vec<usize>,
) -> Vec<usize> {
    let is = |k: usize, bit: u8| classes.get(k).is_some_and(|c| c & bit != 0);
    if let Some(first) = first_verb {
        let subordinator = |(k, t): (usize, &Token)| t.start > first && is(k, class::SUBORDINATOR);
        participles.retain(|&p| {
            !(tokens.iter().enumerate())
                .take_while(|(_, t)| t.start < p)
                .any(subordinator)
        });
    }
    for (k, t) in tokens.iter().enumerate().skip(1) {
        if t.tag == Tag::VBG && is(k - 1, class::ASPECTUAL) && finite(tokens, k - 1) {
            participles.push(t.start);
        }
    }
    participles.sort_unstable();
    participles
}

/// Whether a word of tag `t` can stand inside a noun phrase: a noun, an adjective, a determiner,
/// a number, a possessive.
/// Whether token `k` is a conjunction opening a clause of its own: a subject and a verb in a
/// tense of its own ("hostages held in Gaza | and Israel released 39 prisoners"), where a
/// subordinate clause before it ends.
fn coordinated_clause_at(tokens: &[Token], k: usize) -> bool {
    // Every token of every sentence is asked: no allocation.
    let w = tokens[k].text;
    if !["and", "but", "while"]
        .iter()
        .any(|c| w.eq_ignore_ascii_case(c))
    {
        return false;
    }
    let rest = &tokens[k + 1..];
    let subject = rest
        .iter()
        .take(5)
        .take_while(|t| noun_phrase_tag(t.tag) || t.tag == Tag::PRP)
        .count();
    subject > 0
        && rest
            .get(subject)
            .is_some_and(|v| matches!(v.tag, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD))
}

/// Whether a subject (a noun phrase, "of" phrases in it, or a pronoun) follows word `k` straight
/// on, then a verb with a tense: "as the king received", "after supporters of the cleric
/// stormed"; not "before dawn on Monday has killed", whose verb is the main clause's after a
/// phrase of time.
fn subject_then_verb(tokens: &[Token], k: usize) -> bool {
    let rest = &tokens[k + 1..];
    let subject = (rest.iter().enumerate())
        .take_while(|&(i, t)| {
            noun_phrase_tag(t.tag) || t.tag == Tag::PRP || i > 0 && t.text == "of"
        })
        .count();
    subject > 0
        && (rest.get(subject))
            .is_some_and(|v| matches!(v.tag, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD))
}

fn noun_phrase_tag(t: Tag) -> bool {
    t.is_noun() || t.is_adj() || matches!(t, Tag::DT | Tag::CD | Tag::PRPS | Tag::POS | Tag::PDT)
}

/// Whether token `k` is a past participle with its doer after it ("hosted by", "led by").
fn with_doer(tokens: &[Token], k: usize) -> bool {
    tokens[k].tag == Tag::VBN
        && (tokens.get(k + 1)).is_some_and(|t| t.text.eq_ignore_ascii_case("by"))
}

/// Whether the noun at folded `at` stands in a participle clause after a comma whose participle
/// codes nothing (", ending weeks of fighting", ", sparking protests"): what the main clause's
/// happening did, told as background to it. `triggers`: where the sentence's triggers start.
fn participle_object(s: &TaggedSentence, triggers: &[usize], at: usize) -> bool {
    let Some(k) = s.token_at(at) else {
        return false;
    };
    let Some(comma) = s.tokens[..k].iter().rposition(|t| t.text == ",") else {
        return false;
    };
    comma + 1 < k
        && s.tokens[comma + 1].tag == Tag::VBG
        && !(s.tokens[comma + 2..k].iter()).any(|t| t.tag.is_verb() || t.tag == Tag::MD)
        && !triggers.iter().any(|&t| s.token_at(t) == Some(comma + 1))
}

/// A relative pronoun: tagged so, or "which", "whom", "whose" whatever the tagger says (its rules,
/// learnt for "in that case", make "which" after a preposition a determiner: "clashes in which
/// hundreds were killed").
fn relative_pronoun(t: &Token) -> bool {
    matches!(t.tag, Tag::WDT | Tag::WP | Tag::WPS)
        || ["which", "whom", "whose"]
            .iter()
            .any(|w| t.text.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::{WordClasses, class};

    #[test]
    fn word_classes_ignore_ascii_case_and_take_the_first_inner_subordinator() {
        let words = |s: &[&str]| s.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        let c = WordClasses::of_lists(
            &words(&["because", "when"]),
            &words(&["After", "after", "as"]),
            &words(&["after", "once"]),
            &words(&["keep"]),
            &words(&["said"]),
        );
        assert_eq!(c.of("Because"), class::SUBORDINATOR);
        assert_eq!(c.of("KEEP"), class::ASPECTUAL);
        assert_eq!(c.of("said"), class::SPEECH);
        assert_eq!(c.of("once"), class::CLAUSE_PREPOSITION);
        // "After" is matched first, and is no clause preposition as spelt.
        assert_eq!(
            c.of("after"),
            class::INNER_SUBORDINATOR | class::CLAUSE_PREPOSITION
        );
        assert_eq!(c.of("as"), class::INNER_SUBORDINATOR);
        for w in ["", ",", "becausee", "saïd", "asa"] {
            assert_eq!(c.of(w), 0, "{w}");
        }
    }
}
