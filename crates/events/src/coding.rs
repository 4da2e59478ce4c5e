//! One sentence coded into drafts: its triggers (hand patterns and dictionary verbs), clause by
//! clause the strongest of them (with the standalone nominal happenings beside it), and for each
//! happening its sides, its reading (a demand, a threat, an intention), its date and its place.

use crate::actors::{ActorHit, Who};
use crate::attribution::Attribution;
use crate::confidence::{DISPUTED, POSSIBLE, phrase_confidence};
use crate::grammar::{
    Pronoun, first_person_subject, participle_at, passive_before, pronoun_subject,
};
use crate::places::PlaceHit;
use crate::triggers::{self, Trigger, TriggerHit};
use crate::verbs::Inner;
use crate::{Draft, Extractor, SidedActor, VERB_PATTERN_PRIORITY, counts, fold};
use dateline_core::event::{Counts, EventType, Place, QuadClass, Side};
use dateline_core::time::{self, Tense, TimeValue};
use dateline_tagger::Tag;
use jiff::civil::Date;
use memchr::memmem;
use std::cell::OnceCell;
use std::sync::LazyLock;

/// What opens the rest of a report after its verb, and the clause of a harm's occasion: sought
/// near every happening, so each searcher is built once (as `TriggerIndex`'s " that " is), not
/// per search.
static SAYING: LazyLock<[memmem::Finder<'static>; 2]> = LazyLock::new(|| {
    [
        memmem::Finder::new(", saying "),
        memmem::Finder::new(", adding "),
    ]
});
static WHEN: LazyLock<memmem::FinderRev<'static>> =
    LazyLock::new(|| memmem::FinderRev::new(" when "));

/// The sector word of police (`COP` in `data/sectors.toml`).
const POLICE: &str = "police";

/// How many names back a pronoun looks for its antecedent.
const PRONOUN_REACH: usize = 6;
/// Bytes after a verb read for a participle of saying (", saying …") that ends its participants.
const SAID_REACH: usize = 400;

/// What every sentence of one article is coded against.
pub(crate) struct ArticleText<'a> {
    pub body: &'a str,
    pub anchor: Option<Date>,
    /// The body's actors and places past the dateline, sorted by start.
    pub actor_hits: &'a [ActorHit],
    pub place_hits: &'a [PlaceHit],
    /// Where the dateline ends ("BAGHDAD, Jan 22 (Reuters) -"): its day is the filing's, not a
    /// happening's.
    pub dateline_end: usize,
}

/// One sentence while it is coded: its folded text, triggers, times and actors, which all its
/// clauses share.
pub(crate) struct SentenceCoder<'a> {
    x: &'a Extractor,
    article: &'a ArticleText<'a>,
    /// The sentence's index and its bounds in the body.
    index: usize,
    span: (usize, usize),
    folded: fold::Folded,
    hits: Vec<TriggerHit>,
    /// Where coordinated verb phrases of one subject open, folded offsets: clause bounds too.
    coordinations: crate::verbs::Coordination,
    /// The sentence's clauses, folded offsets (see `clause_bounds`): read once, by every
    /// clause's coding and by every happening's date.
    clauses: Vec<(usize, usize)>,
    times: Vec<time::Found>,
    /// Index of the sentence's first actor in the article's.
    first: usize,
    /// The sentence's actors, less those only spoken to or quoted ("told Rudaw").
    actors: Vec<&'a ActorHit>,
    /// Folded spans that only attribute ("…, the ministry said", "according to X").
    attributed: Vec<(usize, usize)>,
    /// Folded spans that tell why a source is not named ("who asked not to be named").
    anonymous: Vec<(usize, usize)>,
    /// Folded spans of the words of saying, read once for attribution and reported speech.
    speech_words: Vec<(usize, usize)>,
    /// Folded offsets of verbs of saying printed as names ("mayor of Said Sadiq").
    said_names: Vec<usize>,
    /// Read at the first violent or coercive happening that asks (`SentenceCoder::figures`).
    figures: OnceCell<SentenceFigures>,
}

/// A sentence's casualty and arrest figures, for its violent and coercive happenings.
struct SentenceFigures {
    figures: counts::Figures,
    /// Every figure of the sentence.
    all: Counts,
    /// Where each violent or coercive trigger starts in the sentence and the clause owning its
    /// figures, in sentence order.
    starts: Vec<(usize, usize)>,
    /// The figures each clause owns, by clause index (see `SentenceCoder::clause_counts`): read
    /// only when several clauses own some.
    by_clause: OnceCell<Vec<Counts>>,
    /// The clause whose figures a trigger in clause `i` takes.
    owning: Vec<usize>,
    /// The clauses owning the violent and coercive triggers.
    owners: Owners,
}

impl SentenceFigures {
    /// The figures each of `clauses` clauses owns: each figure's owner is the clause owning the
    /// last violent or coercive trigger before the figure's end, or the first.
    fn by_clause(&self, clauses: usize) -> &[Counts] {
        self.by_clause.get_or_init(|| {
            let owner = |at: usize| {
                let before = self.starts.partition_point(|&(s, _)| s < at);
                (self.starts.get(before.saturating_sub(1))).map(|&(_, c)| c)
            };
            self.figures.counts_by(owner, clauses)
        })
    }
}

enum Owners {
    None,
    One(usize),
    Many,
}

/// A clause of the sentence and what its happenings share.
struct Clause<'a> {
    index: usize,
    /// Bounds in the folded sentence and in the body.
    folded: (usize, usize),
    body: (usize, usize),
    /// Its triggers, less the words of a name and the triggers lacking the actor they need.
    hits: Vec<TriggerHit>,
    /// Its own happening: its strongest trigger that is not a standalone noun.
    best: TriggerHit,
    /// The dictionary's verb and a hand trigger read it as different kinds of happening: one
    /// of them is wrong, and nothing says which.
    disputed: bool,
    /// It opens with a subject that continues the previous sentence ("They", "The two sides").
    continuation: bool,
    /// A phrase a preposition fronts ("After the blast in X,"): it has no participants but its
    /// own, never the main clause's.
    fronted: bool,
    /// A verb phrase coordinated with the one before ("… and summoned its ambassador"): its
    /// subject is that one's, shared as the previous clause's participants, never the whole
    /// sentence's actors.
    coordinated: bool,
    /// A clause opening inside the sentence with no opener of the lexicon's (see
    /// `Extractor::inner_clauses`): a participle shares the main clause's subject, an adverbial
    /// clause has participants of its own only.
    inner: Option<Inner>,
    /// The sentence's actors inside it.
    actors: Vec<&'a ActorHit>,
    /// The types of its definite happening nouns ("during the assault"): a happening of one of
    /// them is told again, not anew.
    anaphoric: Vec<EventType>,
}

/// One happening of a clause being coded.
struct Happening<'t> {
    hit: TriggerHit,
    trigger: &'t Trigger,
    /// Bounds of the trigger in the body.
    body: (usize, usize),
    /// A nominal happening coded beside the clause's own.
    standalone: bool,
    /// Its verb is passive, or one of CAMEO's reverse readings: its subject suffers it.
    passive: bool,
    /// Where the antecedent of its relative pronoun begins, in the body ("crashes of its jet
    /// that killed"), when the verb heads a subject relative clause.
    relative: Option<usize>,
}

/// Who speaks in "X said Y must withdraw": X demands, of Y.
struct Speech {
    demanded: bool,
    /// A spoken act reported ("said Y would pay a heavy price"): the speakers do it to those
    /// named in what is said.
    spoken: bool,
    speakers: Vec<SidedActor>,
    /// The happening is a noun opening what is said: nobody before the verb of saying acts.
    reported_nominal: bool,
}

impl<'a> SentenceCoder<'a> {
    /// `None` when the sentence holds no trigger at all.
    pub fn new(
        x: &'a Extractor,
        article: &'a ArticleText<'a>,
        index: usize,
        (ss, se): (usize, usize),
    ) -> Option<SentenceCoder<'a>> {
        let sentence = &article.body[ss..se];
        let folded = fold::fold(sentence);
        let mut hits = x.triggers.find(&folded.text);
        // Read once: the hidden triggers and the happenings' dates both need them.
        let times = time::scan(sentence);
        x.triggers_across_times(sentence, &times, &folded, &mut hits);
        // The sentence's actors and places, in its own offsets: a dictionary pattern's bare
        // prepositional group must lead to one (see `cameo::Pattern::bare_group`).
        // Actor hits are sorted by start: the sentence's are one slice of them.
        let first = article.actor_hits.partition_point(|a| a.start < ss);
        let within = |s: usize, e: usize| (s >= ss && e <= se).then(|| (s - ss, e - ss));
        let entities: Vec<(usize, usize)> = (article.actor_hits[first..].iter())
            .take_while(|a| a.start < se)
            .filter_map(|a| within(a.start, a.end))
            .chain(
                (article.place_hits.iter())
                    .skip(article.place_hits.partition_point(|p| p.start < ss))
                    .take_while(|p| p.start < se)
                    .filter_map(|p| within(p.start, p.end)),
            )
            .collect();
        // A host with no guest ("welcomed the agreement") leaves the verb to the dictionary.
        hits.retain(|h| {
            !x.triggers.triggers[h.trigger].needs_actor_after || {
                let (_, te) = folded.original_span(h.start, h.end);
                let names = article.actor_hits[first..]
                    .iter()
                    .take_while(|a| a.start < se);
                has_object(article.body, ss + te, names)
            }
        });
        let coordinations = x.add_verb_hits(sentence, &folded, &entities, &mut hits);
        x.occupations(article, ss, &folded, &mut hits);
        if hits.is_empty() {
            return None;
        }
        let mut coder = SentenceCoder {
            x,
            article,
            index,
            span: (ss, se),
            folded,
            hits,
            coordinations,
            clauses: Vec::new(),
            times: times
                .into_iter()
                .filter(|t| ss + t.start >= article.dateline_end)
                .collect(),
            first,
            actors: Vec::new(),
            attributed: Vec::new(),
            anonymous: Vec::new(),
            speech_words: Vec::new(),
            said_names: Vec::new(),
            figures: OnceCell::new(),
        };
        coder.clauses = coder.clause_bounds();
        coder.speech_words = x.attribution.speech_words(&coder.folded.text);
        coder.said_names =
            Attribution::printed_as_names(sentence, &coder.folded, &coder.speech_words);
        coder.attributed =
            (x.attribution).spans(&coder.folded.text, &coder.speech_words, &coder.said_names);
        coder.anonymous = x.attribution.anonymity_spans(&coder.folded.text);
        coder.actors = coder.taking_part();
        Some(coder)
    }

    /// Whether a clause preposition stands between the last comma and folded offset `at`
    /// ("the operation comes only days after the prime minister met …"): that happening is told
    /// from the time of another, not on the day the story tells.
    fn told_from_another(&self, at: usize) -> bool {
        let before = self.f().get(..at).unwrap_or("");
        let phrase = before.rsplit(',').next().unwrap_or(before);
        phrase
            .split_whitespace()
            .any(|w| self.x.clause_prepositions.iter().any(|p| p == w))
    }

    fn f(&self) -> &str {
        &self.folded.text
    }

    fn sentence(&self) -> &'a str {
        &self.article.body[self.span.0..self.span.1]
    }

    /// Body bounds of the folded span `a..b`.
    fn to_body(&self, a: usize, b: usize) -> (usize, usize) {
        let (x, y) = self.folded.original_span(a, b);
        (self.span.0 + x, self.span.0 + y)
    }

    fn trigger(&self, h: &TriggerHit) -> &'a Trigger {
        &self.x.triggers.triggers[h.trigger]
    }

    /// The sentence's actors but whom a statement was made to, or who vouches for it: they take
    /// no part in the happening.
    fn taking_part(&self) -> Vec<&'a ActorHit> {
        let attributed: Vec<(usize, usize)> = self
            .attributed
            .iter()
            .map(|&(a, b)| self.to_body(a, b))
            .collect();
        self.names_in_sentence()
            .filter(|a| !attributed.iter().any(|&(s, e)| s <= a.start && a.end <= e))
            .collect()
    }

    /// Every actor name found in the sentence, those only quoted or spoken to included.
    fn names_in_sentence(&self) -> impl Iterator<Item = &'a ActorHit> {
        let (ss, se) = self.span;
        let actor_hits = self.article.actor_hits;
        let last = actor_hits.partition_point(|a| a.start < se);
        actor_hits[self.first..last]
            .iter()
            .filter(move |a| a.start >= ss && a.end <= se)
    }

    /// The sentence's clauses: the lexicon's clause openers, then coordinated verb phrases and
    /// inner clauses.
    fn clause_bounds(&self) -> Vec<(usize, usize)> {
        let mut bounds = self.x.triggers.clauses(self.f());
        // "Following the meeting, Fuad Hussein, Iraq's foreign minister, and Safadi signed …":
        // an "and" before the sentence's first verb joins the subject's names, not two clauses.
        // The first clause is never joined: a fronted phrase keeps its own, and without one,
        // joining it made topic lists subjects ("The coalition's role, training Iraqi forces,
        // and intelligence collaboration were highlighted").
        if let Some(verb) = self.coordinations.first_verb {
            let f = self.f();
            let mut i = 2;
            while i < bounds.len() {
                let (s, e) = bounds[i];
                let joins = s < verb
                    && e > verb
                    && (f[s..].starts_with(", and ") || f[s..].starts_with(" and "));
                if joins {
                    bounds[i - 1].1 = e;
                    bounds.remove(i);
                } else {
                    i += 1;
                }
            }
        }
        let inner = self.coordinations.inner.iter().map(|&(c, _)| c);
        for c in self.coordinations.opens.iter().copied().chain(inner) {
            if let Some(i) = bounds.iter().position(|&(s, e)| s < c && c < e) {
                let (s, e) = bounds[i];
                bounds[i] = (s, c);
                bounds.insert(i + 1, (c, e));
            }
        }
        bounds
    }

    /// Codes every clause, appending its drafts to `out`.
    pub fn code(&self, out: &mut Vec<Draft>) {
        // A clause with no subject of its own shares the previous clause's participants.
        let mut previous_clause: Vec<SidedActor> = Vec::new();
        // The kind and the participants of the last clause but a participle's: a participle
        // after it does what its subject does, and when of the same kind tells more of the same
        // happening (", killing nine tourists").
        // Kept only in a sentence with a participle clause, the rare case.
        let participles = (self.coordinations.inner.iter()).any(|&(_, k)| k == Inner::Participle);
        let mut last_type = None;
        let mut last: Vec<SidedActor> = Vec::new();
        // Where the drafts of the last clause but a participle's begin in `out`.
        let mut last_drafts = out.len();
        for (index, &bounds) in self.clauses.iter().enumerate() {
            let Some(clause) = self.clause(index, bounds) else {
                // A clause that codes nothing still names the subject of the verb phrases
                // coordinated with it ("Turkey maintains bases in X and has vowed to …").
                if let Some(subject) = self.subject_of(bounds) {
                    if participles {
                        last.clone_from(&subject);
                    }
                    previous_clause = subject;
                } else if participles {
                    // "…," Kadhimi said, urging all sides to …": who a participle after it
                    // tells of.
                    last = self.named_in(bounds);
                }
                last_type = None;
                continue;
            };
            let best_type = self.trigger(&clause.best).event_type;
            let participle = clause.inner == Some(Inner::Participle);
            if participle && last_type == Some(best_type) {
                self.lend_objects(&clause, &mut out[last_drafts..]);
                continue;
            }
            if !participle {
                last_type = Some(best_type);
                last_drafts = out.len();
            }
            // An inner clause's participants are not the subject a later coordinated verb
            // phrase shares.
            let mut own = Vec::new();
            let previous = match clause.inner {
                None => &mut previous_clause,
                Some(Inner::Participle) => {
                    match self
                        .speaker_of_main_verb()
                        .filter(|_| !best_type.is_material())
                    {
                        Some(speaker) => own = speaker,
                        None => own.clone_from(&last),
                    }
                    &mut own
                }
                Some(Inner::Adverbial { .. }) => &mut own,
            };
            for hit in self.chosen(&clause) {
                let trigger = self.trigger(&hit);
                let happening = Happening {
                    hit,
                    trigger,
                    body: self.to_body(hit.start, hit.end),
                    standalone: hit != clause.best,
                    passive: self.passive(&hit, trigger),
                    relative: crate::grammar::relative_antecedent(self.f(), hit.start)
                        .map(|from| self.to_body(from, from).0),
                };
                self.code_happening(&clause, &happening, previous, out);
            }
            if participles && !participle {
                last.clone_from(previous);
            }
        }
    }

    /// A participle telling more of the same happening names whom it struck (", killing two
    /// PKK fighters"): its objects are the targets of that happening's drafts that name none
    /// ("struck a military vehicle, killing three members of the SDF").
    fn lend_objects(&self, participle: &Clause<'_>, drafts: &mut [Draft]) {
        let (_, verb_end) = self.to_body(participle.best.start, participle.best.end);
        let objects: Vec<SidedActor> = (participle.actors.iter())
            .filter(|a| a.start >= verb_end)
            .map(|a| (a.who.clone(), Side::Target, a.start, a.end))
            .collect();
        if objects.is_empty() {
            return;
        }
        let kind = self.trigger(&participle.best).event_type;
        for d in drafts.iter_mut().filter(|d| d.event_type == kind) {
            if !(d.actors.iter()).any(|a| a.1 == Side::Target && !a.0.is_generic()) {
                d.actors.extend(objects.iter().cloned());
            }
        }
    }

    /// The sources of clause `cs..ce` when it holds the sentence's first finite verb: the actors
    /// before that verb.
    fn subject_of(&self, (cs, ce): (usize, usize)) -> Option<Vec<SidedActor>> {
        let verb = self
            .coordinations
            .first_verb
            .filter(|&v| cs <= v && v < ce)?;
        Some(self.named_in((cs, verb)))
    }

    /// Who speaks when the sentence's main verb is one of saying ("X said on Saturday that 16
    /// people were killed, calling the strikes a violation"): a participle after the comma that
    /// tells a verbal act (an accusation, a demand) is said by the subject of the main verb, not
    /// done by the subject of what was reported.
    fn speaker_of_main_verb(&self) -> Option<Vec<SidedActor>> {
        let verb = self.coordinations.first_verb?;
        if !self.speech_words.iter().any(|&(s, _)| s == verb) {
            return None;
        }
        let &bounds = (self.clauses.iter()).find(|&&(s, e)| s <= verb && verb < e)?;
        self.subject_of(bounds).filter(|s| !s.is_empty())
    }

    /// The actors of clause `cs..ce`, as sources.
    fn named_in(&self, (cs, ce): (usize, usize)) -> Vec<SidedActor> {
        let (cbs, cbe) = self.to_body(cs, ce);
        (self.actors.iter())
            .filter(|a| a.start >= cbs && a.end <= cbe)
            .map(|a| (a.who.clone(), Side::Source, a.start, a.end))
            .collect()
    }

    /// The clause at folded `cs..ce`, `None` when no trigger of it counts.
    fn clause(&self, index: usize, (cs, ce): (usize, usize)) -> Option<Clause<'a>> {
        let hits = self.clause_hits(cs, ce);
        // The clause's own happening is its strongest non-standalone trigger; standalone
        // nominal happenings ("over US strikes on X") are coded beside it.
        // Of equal triggers, the finite verb is the clause's own ("drones launched by X struck …").
        let rank = |h: &&TriggerHit| (h.priority, h.finite, std::cmp::Reverse(h.start));
        let (cbs, cbe) = self.to_body(cs, ce);
        // What a demand asks for ("called on both sides to agree to a ceasefire") is not the
        // clause's happening, however strong its trigger: the demand is.
        let asked = (hits.iter())
            .filter(|h| {
                let t = self.trigger(h);
                t.event_type == EventType::Request && !t.standalone
            })
            .filter_map(|h| self.infinitive_after(self.to_body(h.start, h.end).1, cbe))
            .min();
        // A noun in an "of" phrase of the subject names what the subject is, not what it does,
        // when a finite verb of the clause follows ("Leaders of the sit-in welcomed …",
        // "Relatives of the bombing victims demanded …").
        let first_finite = (hits.iter()).filter(|h| h.finite).map(|h| h.start).min();
        let tagger = &self.x.tagger;
        let describes_subject = |h: &TriggerHit| {
            let subject = &self.f()[cs..h.start];
            !h.finite
                && first_finite.is_some_and(|v| h.start < v)
                && subject.split_whitespace().any(|w| w == "of")
                // Before the subject's verb: no verb stands between ("handed control of …").
                && !subject.split_whitespace().any(|w| {
                    tagger
                        .lexicon_tag(w)
                        .is_some_and(|t| matches!(t, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::VBN))
                })
        };
        let own = |h: &&TriggerHit| {
            asked.is_none_or(|to| self.to_body(h.start, h.end).0 <= to) && !describes_subject(h)
        };
        let best = (hits.iter().filter(own))
            .filter(|h| !self.trigger(h).standalone)
            .max_by_key(rank)
            .or_else(|| hits.iter().filter(own).max_by_key(rank))
            .or_else(|| hits.iter().max_by_key(rank))
            .copied()?;
        let best_trigger = self.trigger(&best);
        let disputed = hits.iter().any(|o| {
            let ot = self.trigger(o);
            ot.from_verb != best_trigger.from_verb
                && !ot.standalone
                && ot.event_type != best_trigger.event_type
        });
        // Read once a clause, not once a happening of it.
        let mut anaphoric: Vec<EventType> = (hits.iter())
            .filter(|o| self.trigger(o).anaphoric && triggers::definite_before(self.f(), o.start))
            .map(|o| self.trigger(o).event_type)
            .collect();
        anaphoric.sort_unstable();
        anaphoric.dedup();
        Some(Clause {
            index,
            folded: (cs, ce),
            anaphoric,
            body: (cbs, cbe),
            best,
            disputed,
            continuation: self.x.triggers.continuation_subject(&self.f()[cs..ce]),
            fronted: cs == 0 && self.x.triggers.fronted_end(self.f()) == Some(ce),
            coordinated: self.coordinations.opens.contains(&cs),
            inner: (self.coordinations.inner.iter())
                .find(|&&(c, _)| c == cs)
                .map(|&(_, kind)| kind),
            actors: self
                .actors
                .iter()
                .copied()
                .filter(|a| a.start >= cbs && a.end <= cbe)
                .collect(),
            hits,
        })
    }

    /// The triggers inside folded `cs..ce` that can code a happening.
    fn clause_hits(&self, cs: usize, ce: usize) -> Vec<TriggerHit> {
        self.hits
            .iter()
            .copied()
            .filter(|h| h.start >= cs && h.end <= ce)
            // The verb of saying of ", SANA reported," reports; it happens nowhere.
            .filter(|h| {
                !self
                    .attributed
                    .iter()
                    .any(|&(a, b)| a <= h.start && h.end <= b)
                    || Attribution::speech_at(&self.speech_words, h.start).is_none()
            })
            // "who asked not to be named", "not authorised to brief reporters": why a source
            // is not named, reporting furniture.
            .filter(|h| !(self.anonymous.iter()).any(|&(a, b)| a <= h.start && h.end <= b))
            .filter(|h| {
                // A word inside a name is not a happening ("Office of Rescuing Abducted
                // Yazidis"), the name of one quoted or spoken to included ("according to the
                // Joint Operations Command").
                let (tbs, tbe) = self.to_body(h.start, h.end);
                !self
                    .names_in_sentence()
                    .any(|a| a.start <= tbs && tbe <= a.end)
            })
            // Nor is a noun describing someone's role ("the deputy commander of joint
            // operations").
            .filter(|h| h.finite || !self.x.role_of.is_match(&self.f()[..h.start]))
            .filter(|h| {
                if !self.trigger(h).needs_actor_after {
                    return true;
                }
                let (_, te) = self.to_body(h.start, h.end);
                has_object(self.article.body, te, self.actors.iter().copied())
            })
            .collect()
    }

    /// The clause's own happening, then each standalone nominal happening of another type.
    fn chosen(&self, clause: &Clause) -> Vec<TriggerHit> {
        let best_type = self.trigger(&clause.best).event_type;
        let mut chosen = vec![clause.best];
        // What a demand asks for is not done ("appealed to all parties to stop attacks on
        // civilians"): no happening named after its infinitive is coded.
        let asked = (best_type == EventType::Request)
            .then(|| {
                let (_, te) = self.to_body(clause.best.start, clause.best.end);
                self.infinitive_after(te, clause.body.1)
            })
            .flatten();
        // Where the first condition after the clause's happening ends (folded offsets), read once
        // for all the verbs after it.
        let condition_end = {
            let last = (clause.hits.iter()).map(|h| h.start).max().unwrap_or(0);
            let text = self.f().get(clause.best.end..last.max(clause.best.end));
            text.and_then(|t| (self.x.grammar_words).first_condition_end(t, true))
                .map(|e| clause.best.end + e)
        };
        for h in &clause.hits {
            if asked.is_some_and(|to| self.to_body(h.start, h.end).0 > to) {
                continue;
            }
            let t = self.trigger(h);
            // A hand trigger on a past verb of its own after the clause's happening ("handing
            // him a protest note that demanded Ankara …", "a battle that killed six"): a
            // happening of its own, unless a condition opens it ("unless Baghdad accepted").
            let own_verb = h.finite
                && h.past
                && !t.from_verb
                && h.start > clause.best.end
                && condition_end.is_none_or(|e| e > h.start);
            // "condemned the attack": a definite nominal is the object of the clause's own
            // happening, already reported, not a new one.
            if (t.standalone || own_verb)
                && !triggers::definite_before(self.f(), h.start)
                // "condemned what it called a terrorist attack": what the attack is called.
                && !triggers::described_before(self.f(), h.start)
                && !self.planned(h.start)
                && t.event_type != best_type
                && !chosen
                    .iter()
                    .any(|c| self.trigger(c).event_type == t.event_type)
            {
                chosen.push(*h);
            }
        }
        chosen
    }

    /// The subject's own people are no target of its doing: "Iraq recalled its ambassador from
    /// Tehran", "Turkey withdrew their troops" (a target after "its" or "their" of a source's
    /// country); nor is a source's own state printed as the owner of what follows ("Iran's
    /// foreign minister warned Berlin that Tehran's response would be …": the speaker's side).
    fn drop_own_targets(&self, actors: &mut Vec<SidedActor>) {
        let country = |who: &Who| self.x.actors.country_of(who).map(str::to_owned);
        let sources: Vec<String> = (actors.iter())
            .filter(|a| a.1 == Side::Source)
            .filter_map(|a| country(&a.0))
            .collect();
        let body = self.article.body;
        actors.retain(|(who, side, start, end)| {
            let owned = crate::grammar::last_word(&body[..*start])
                .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "its" | "their"));
            let possessive =
                (body.get(*end..)).is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"));
            let own_state =
                possessive && matches!(who, Who::Known(i) if self.x.actors.is_country(*i));
            !(*side == Side::Target
                && (owned || own_state)
                && country(who).is_some_and(|c| sources.contains(&c)))
        });
    }

    /// Body offset of the "to" of an infinitive within a few words after the happening's
    /// trigger, in its clause ("called on the government | to hold …"); not "to" before a noun
    /// phrase or a name ("appealed to the UN", "to Baghdad").
    fn infinitive_after(&self, trigger_end: usize, clause_end: usize) -> Option<usize> {
        let body = self.article.body;
        let rest = body.get(trigger_end..clause_end)?;
        let mut at = 0;
        for (i, w) in rest.split(' ').enumerate() {
            if i > 8 {
                return None;
            }
            // A demand quoted from its "to" on ('urged all parties "to cease fire"').
            let quote = w.len() - w.trim_start_matches(QUOTES).len();
            if &w[quote..] == "to" {
                let next = rest
                    .get(at + w.len() + 1..)
                    .unwrap_or("")
                    .split(' ')
                    .next()
                    .unwrap_or("")
                    .trim_start_matches(QUOTES);
                let opens_noun_phrase = next.starts_with(char::is_uppercase)
                    || crate::grammar::is_possessive(next)
                    || matches!(
                        next,
                        "the" | "a" | "an" | "this" | "that" | "these" | "those"
                    );
                return (!opens_noun_phrase && next.starts_with(char::is_lowercase))
                    .then_some(trigger_end + at);
            }
            at += w.len() + 1;
        }
        None
    }

    /// "urged Islamic countries to cut ties with Israel": who is asked stands before the
    /// infinitive; what follows is what they are asked to do, and whom it concerns. Where that
    /// starts, for a request.
    fn what_is_asked(
        &self,
        event_type: EventType,
        clause: &Clause<'a>,
        h: &Happening,
        actors: &mut Vec<SidedActor>,
    ) -> Option<usize> {
        if event_type != EventType::Request {
            return None;
        }
        let to = self.infinitive_after(h.body.1, clause.body.1)?;
        actors.retain(|a| a.1 != Side::Target || a.2 < to);
        Some(to)
    }

    /// Whom a verb of asking asks is somebody, named or not: "ordered his supporters to
    /// withdraw", "urged all parties to refrain", "called on tribesmen to resist" (`to` is where
    /// what is asked starts) — but only beside a named asker, found by now: alone, such a party
    /// makes no happening worth telling.
    fn whom_asked(&self, h: &Happening, to: usize, actors: &mut Vec<SidedActor>) {
        if actors.iter().any(|a| a.1 == Side::Target) || !actors.iter().any(|a| a.1 == Side::Source)
        {
            return;
        }
        if let Some((start, end, name)) = self.asked_party(h.body.1, to) {
            let who = Who::Unknown {
                name,
                role: None,
                country: None,
                sector: None,
            };
            actors.push((who, Side::Target, start, end));
        }
    }

    /// The words between a verb of asking and the "to" of what is asked ("ordered *his
    /// supporters* to withdraw", "called on *all states* to cooperate"), in body offsets, when
    /// they are a short noun phrase no dictionary names: a few words, no punctuation, no time,
    /// no pronoun (resolved elsewhere), ending in a noun.
    fn asked_party(&self, verb_end: usize, to: usize) -> Option<(usize, usize, String)> {
        let gap = self.article.body.get(verb_end..to)?;
        let lead = gap.len() - gap.trim_start().len();
        let mut words: Vec<&str> = gap.split_whitespace().collect();
        let mut skipped = lead;
        while let Some(w) = words.first().filter(|w| matches!(**w, "on" | "upon")) {
            skipped += w.len() + 1;
            words.remove(0);
        }
        let last = *words.last()?;
        let tagger = &self.x.tagger;
        let plain = |w: &str| {
            w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        };
        let pronoun = |w: &str| tagger.lexicon_tag(&w.to_lowercase()) == Some(Tag::PRP);
        if words.len() > ASKED_PARTY_WORDS
            || !words.iter().all(|w| plain(w))
            || words.iter().any(|w| pronoun(w))
            || !time::scan(gap).is_empty()
            || !tagger
                .lexicon_tag(&last.to_lowercase())
                .is_none_or(|t| t.is_noun())
        {
            return None;
        }
        let start = verb_end + skipped;
        let end = start + gap[skipped..].trim_end().len();
        Some((start, end, self.article.body.get(start..end)?.to_owned()))
    }

    /// Whom a harm done by someone named struck, as printed, when no dictionary names it: the
    /// verb's object ("detained *several people*", "freed *43 men*", "targeted *the area*"), or
    /// in the passive its subject ("*Four men from the convoy* were detained by …"). Only for
    /// the happenings whose object suffers them (force, coercion, release); a pronoun or a
    /// happening ("denounced *the attack*") is no party. Kept apart from the participants: the
    /// mention takes it when no rule found a target (a participle's victims, the place's state).
    fn whom_it_struck(
        &self,
        clause: &Clause<'a>,
        h: &Happening,
        event_type: EventType,
        mode: &str,
        actors: &[SidedActor],
    ) -> Option<(usize, usize, String)> {
        // A verb's object: a noun's neighbour is no object ("air strikes rage on"), nor is
        // what is seized ("seized weapons") anyone struck.
        if h.standalone
            || !h.passive && !h.hit.finite
            || mode.contains("seize")
            || !matches!(
                event_type,
                EventType::Assault | EventType::Coerce | EventType::Retreat
            )
            || actors.iter().any(|a| a.1 == Side::Target)
            || !h.passive && !actors.iter().any(|a| a.1 == Side::Source)
        {
            return None;
        }
        let body = self.article.body;
        if h.passive {
            // The subject ends at the passive's auxiliary ("were", "had been").
            let before = body.get(clause.body.0..h.body.0).unwrap_or("").trim_end();
            PASSIVE_AUXILIARIES
                .iter()
                .find_map(|aux| before.strip_suffix(aux).filter(|r| r.ends_with(' ')))
                .and_then(|subject| {
                    let end = clause.body.0 + subject.trim_end().len();
                    self.printed_party(clause.body.0, end, true)
                })
        } else {
            self.printed_party(h.body.1, clause.body.1, false)
        }
    }

    /// The noun phrase starting at body offset `from` (all of `from..to` when `whole`, which
    /// may hold prepositions), up to the first punctuation, preposition but "of", conjunction or
    /// verb: a few plain words, no pronoun, no time, no happening named, ending in a noun.
    fn printed_party(&self, from: usize, to: usize, whole: bool) -> Option<(usize, usize, String)> {
        let body = self.article.body;
        let text = body.get(from..to)?;
        let tagger = &self.x.tagger;
        let start = from + (text.len() - text.trim_start().len());
        let (mut end, mut words, mut last) = (start, 0, "");
        let mut at = start;
        for w in body.get(start..to)?.split_inclusive(' ') {
            let (word_at, trimmed) = (at, w.trim_end());
            at += w.len();
            let bare = trimmed.trim_end_matches(|c: char| !c.is_alphanumeric());
            let tag = tagger.lexicon_tag(&bare.to_lowercase());
            // A whole subject may hold a preposition ("four men from the convoy"), and ends in
            // its noun whatever the word's usual tag ("five suspects were arrested").
            let preposition = bare == "of" || whole && tag == Some(Tag::IN);
            let head = whole && at >= to;
            let tag = tag.filter(|_| !head);
            let stop = bare.is_empty()
                || !bare
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
                || !preposition
                    && tag.is_some_and(|t| {
                        matches!(
                            t,
                            Tag::IN
                                | Tag::TO
                                | Tag::CC
                                | Tag::MD
                                | Tag::WDT
                                | Tag::WP
                                | Tag::PRP
                                | Tag::VBD
                                | Tag::VBZ
                                | Tag::VBP
                                | Tag::VB
                                | Tag::RB
                        )
                    });
            if stop {
                // Objects coordinated ("light and medium weapons") are no one party.
                if whole || tag == Some(Tag::CC) {
                    return None;
                }
                break;
            }
            (end, words, last) = (word_at + bare.len(), words + 1, bare);
            // Punctuation after the word ends the phrase.
            if bare.len() < trimmed.len() {
                if whole && at < to {
                    return None;
                }
                break;
            }
        }
        let phrase = body.get(start..end)?;
        let names_a_happening = !self.x.triggers.find(&fold::fold(phrase).text).is_empty();
        if words == 0
            || words > PRINTED_PARTY_WORDS
            || tagger.lexicon_tag(&last.to_lowercase()) == Some(Tag::IN)
            || !whole
                && !tagger
                    .lexicon_tag(&last.to_lowercase())
                    .is_none_or(|t| t.is_noun())
            || !time::scan(phrase).is_empty()
            || names_a_happening
        {
            return None;
        }
        Some((start, end, phrase.to_owned()))
    }

    /// Whether the clause names a natural hazard (`[grammar] natural_hazards`).
    fn names_a_hazard(&self, clause: &Clause<'a>) -> bool {
        let text = &self.f()[clause.folded.0..clause.folded.1];
        let hazards = &self.x.triggers.grammar.natural_hazards;
        hazards.iter().any(|w| {
            text.match_indices(w.as_str()).any(|(i, _)| {
                let before = text[..i].chars().next_back();
                let after = text[i + w.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
    }

    /// A nominal happening that is the object of a plan ("accused of planning attacks on oil
    /// fields", "suspected of plotting a bombing"): not (yet) a happening. A plan word of
    /// `[grammar] plan_words` within the three words before it.
    fn planned(&self, start: usize) -> bool {
        let plans = &self.x.triggers.grammar.plan_words;
        self.f()[..start]
            .split_whitespace()
            .rev()
            .take(3)
            .any(|w| plans.iter().any(|p| p == w))
    }

    /// One happening: its sides, its reading, then a draft per date it is told with.
    fn code_happening(
        &self,
        clause: &Clause<'a>,
        h: &Happening,
        previous_clause: &mut Vec<SidedActor>,
        out: &mut Vec<Draft>,
    ) {
        if !h.standalone && crate::grammar::generic_you(&self.f()[clause.folded.0..h.hit.start]) {
            return;
        }
        let mut pool = self.actor_pool(clause, h);
        let speech = self.speech(h, &mut pool);
        let reported_nominal = speech.reported_nominal;
        let mut actors = self.sides(clause, h, &pool);
        self.drop_own_targets(&mut actors);
        let possible = self.possible(clause, h);
        let (event_type, mode) = self.reading(clause, h, speech, possible, &mut actors);
        let (event_type, mode) = self.by_participants(h, event_type, mode, &actors);
        let asked_to = self.what_is_asked(event_type, clause, h, &mut actors);
        // A harm with no doer named, in a clause that names a natural hazard, is the hazard's.
        if event_type == EventType::Assault
            && !actors.iter().any(|a| a.1 == Side::Source)
            && self.names_a_hazard(clause)
        {
            return;
        }
        if !reported_nominal {
            share_previous_clause(clause, h, previous_clause, &mut actors);
        }
        // "He was arrested": the subject a pronoun stands for suffers a passive verb.
        let subject_side = if h.passive {
            Side::Target
        } else {
            Side::Source
        };
        if !h.standalone
            && !reported_nominal
            && !actors.iter().any(|a| a.1 == subject_side)
            && let Some(a) = self
                .pronoun_antecedent(clause, h)
                .or_else(|| self.quoted_speaker(clause, h))
                .or_else(|| self.titled_antecedent(clause, h))
                .or_else(|| self.described_antecedent(clause, h))
        {
            // The speaker of a quotation was read as one of its participants.
            actors.retain(|x| (x.2, x.3) != (a.start, a.end));
            actors.insert(0, (a.who.clone(), subject_side, a.start, a.end));
        }
        if let Some(to) = asked_to {
            self.whom_asked(h, to, &mut actors);
        }
        // PROTEST: "All civilian demonstrations and other collective actions carried out as
        // protests", mode `riot`: "The participants intend to cause physical injury and/or
        // property damage". A crowd storming an embassy or setting a building on fire riots;
        // read once its doers are known, those of a verb phrase it shares with the one before
        // ("protesters stormed the consulate and set it ablaze") included.
        let (event_type, mode) =
            if event_type == EventType::Assault && !h.passive && self.crowd(clause, h, &actors) {
                (EventType::Protest, "riot".to_owned())
            } else {
                (event_type, mode)
            };
        let struck = self.whom_it_struck(clause, h, event_type, &mode, &actors);
        if h.hit == clause.best {
            *previous_clause = actors.clone();
        }
        let counts = self.counts(h);
        let draft = Draft {
            // A harm that may come on a condition is a threat made, not a possibility.
            phrase: self.phrase(clause, h, possible && event_type != EventType::Threaten),
            own_date: false,
            recent: h.hit.finite && crate::grammar::present_perfect_at(self.f(), h.hit.start),
            narrated: h.hit.past && !self.told_from_another(h.hit.start),
            sentence: self.index,
            span: self.span,
            event_type,
            mode,
            anaphoric: self.anaphoric(clause, h),
            resolved: false,
            continuation: clause.continuation,
            standalone: h.standalone,
            actors,
            date: None,
            place: None,
            clause_counts: self.clause_counts(h, &counts),
            counts,
            struck,
        };
        self.date_and_place(clause, h, draft, out);
    }

    /// The PLOVER manual's readings that turn on who takes part.
    fn by_participants(
        &self,
        h: &Happening,
        event_type: EventType,
        mode: String,
        actors: &[SidedActor],
    ) -> (EventType, String) {
        if event_type == EventType::Mobilize && self.joint(actors) {
            // MOBILIZE: "Joint military operations are coded as COOPERATE but single-country
            // exercises should be coded as MOBILIZE."
            (EventType::Cooperate, "military cooperation".to_owned())
        } else if event_type == EventType::Assault && mode == "raid" && self.policing(actors) && {
            let c = self.counts(h);
            c.killed.is_none_or(|n| n == 0) && c.injured.is_none_or(|n| n == 0)
        } {
            // COERCE `seize`: "Execute search, confiscate property, raid". A raid by police
            // that harms nobody is a search, not an attack, however many it arrests.
            (EventType::Coerce, "seize".to_owned())
        } else if event_type == EventType::Protest && self.diplomatic(actors) {
            // PROTEST: "Diplomatic protests ... are coded as ACCUSE 'disapprove'. PROTEST
            // presumes significant physical/material activity."
            (EventType::Accuse, "disapprove".to_owned())
        } else {
            (event_type, mode)
        }
    }

    /// Who does it is a crowd: every named doer is printed with a crowd's noun ("Hundreds of
    /// protesters", "demonstrators in Najaf") or is whom the crowd follows ("Sadr supporters",
    /// "supporters of the cleric Moqtada al-Sadr", "his followers"), or no doer is named and the
    /// clause's subject is a crowd ("Angry crowds set fire to …").
    fn crowd(&self, clause: &Clause<'a>, h: &Happening, actors: &[SidedActor]) -> bool {
        let is_crowd = |w: &str| self.x.crowd_nouns.iter().any(|c| c == w);
        let crowd_words = |text: &str| fold::fold_text(text).split_whitespace().any(is_crowd);
        let sources: Vec<&SidedActor> = actors.iter().filter(|a| a.1 == Side::Source).collect();
        if sources.is_empty() {
            let subject = self.f().get(clause.folded.0..h.hit.start).unwrap_or("");
            return crowd_words(subject);
        }
        let body = self.article.body;
        sources.iter().all(|(_, _, start, end)| {
            let printed = body.get(*start..*end).unwrap_or("");
            // A word after the name, six before it: only those are read.
            let near_end = body.floor_char_boundary((*end + CROWD_REACH).min(body.len()));
            let near_start = body.floor_char_boundary(start.saturating_sub(CROWD_REACH));
            let after = fold::fold_text(body.get(*end..near_end).unwrap_or(""));
            let before = fold::fold_text(body.get(near_start..*start).unwrap_or(""));
            // The words between a crowd's noun and its owner: "supporters of the Shiite cleric".
            let owner_after_of = before
                .split_whitespace()
                .rev()
                .take(6)
                .collect::<Vec<_>>()
                .windows(2)
                .any(|w| w[0] == "of" && is_crowd(w[1]));
            crowd_words(printed)
                || after.split_whitespace().next().is_some_and(is_crowd)
                || owner_after_of
        })
    }

    /// Every source is a state's government ("the Iraqi foreign ministry", "Ankara"), not its
    /// people ("Jordanians", which the lexicon reads as the state): what it protests it protests
    /// in words.
    fn diplomatic(&self, actors: &[SidedActor]) -> bool {
        let mut sources = actors.iter().filter(|a| a.1 == Side::Source).peekable();
        sources.peek().is_some()
            && sources.all(|(who, _, start, end)| {
                let printed = self.article.body.get(*start..*end).unwrap_or("");
                let government = match who {
                    Who::Known(i) => {
                        let x = &self.x.actors.actors[*i];
                        x.kind == "government" || x.sector.as_deref() == Some("government")
                    }
                    Who::Unknown { sector, .. } => sector.as_deref() == Some("government"),
                };
                government && !self.x.actors.is_nationality(printed.trim())
            })
    }

    /// Every source is police ("Police raided the bureau", "Iraqi police").
    fn policing(&self, actors: &[SidedActor]) -> bool {
        let mut sources = actors.iter().filter(|a| a.1 == Side::Source).peekable();
        sources.peek().is_some()
            && sources.all(|(who, ..)| {
                let sector = match who {
                    Who::Known(i) => self.x.actors.code_on(*i, self.article.anchor).1,
                    Who::Unknown { sector, .. } => sector.clone(),
                };
                sector.as_deref() == Some(POLICE)
            })
    }

    /// The sources are of two countries or more ("French and Egyptian warships").
    fn joint(&self, actors: &[SidedActor]) -> bool {
        let mut countries = (actors.iter())
            .filter(|a| a.1 == Side::Source)
            .filter_map(|a| self.x.actors.country_of(&a.0));
        countries
            .next()
            .is_some_and(|first| countries.any(|c| c != first))
    }

    /// The actors the happening may take its sides from.
    fn actor_pool(&self, clause: &Clause<'a>, h: &Happening) -> Vec<&'a ActorHit> {
        let (tbs, tbe) = h.body;
        if h.standalone {
            // A nominal happening keeps to its own phrase: "US strikes on X".
            let body = self.article.body;
            clause
                .actors
                .iter()
                .copied()
                .filter(|a| {
                    let adjacent = a.end <= tbs && {
                        let gap = &body[a.end..tbs];
                        !gap.contains(',') && gap.split_whitespace().count() <= 1
                    };
                    adjacent || a.start >= tbe
                })
                .collect()
        } else if let Some(from) = h.relative {
            // "crashes of its jet that killed 346 people": the doer is the relative pronoun's
            // antecedent, whatever it names, and the participants after the verb are its own.
            (self.actors.iter())
                .copied()
                .filter(|a| {
                    a.start >= from && a.end <= tbs || a.start >= tbe && a.end <= clause.body.1
                })
                .collect()
        } else if clause.actors.is_empty()
            && !clause.fronted
            && !clause.coordinated
            && clause.inner.is_none()
            // "He vowed to keep trying, but the BBC's editor said …": a pronoun subject stands
            // for a name before the sentence, not for one in the clauses after it.
            && pronoun_subject(&self.f()[clause.folded.0..h.hit.start]).is_none()
        {
            self.before_what_is_said(h, self.without_interruption(h, self.actors.clone()))
        } else {
            self.before_what_is_said(h, self.without_interruption(h, clause.actors.clone()))
        }
    }

    /// "Human Rights Watch criticised the trial, saying the defendants had no lawyers": the names
    /// after a participle of saying are what is said, not the verb's participants.
    fn before_what_is_said(&self, h: &Happening, mut pool: Vec<&'a ActorHit>) -> Vec<&'a ActorHit> {
        let f = self.f();
        // Within the participants' reach of the verb: a long sentence stays linear.
        let after = &f[h.hit.end..f.floor_char_boundary(h.hit.end + SAID_REACH)];
        let Some(at) = (SAYING.iter())
            .filter_map(|p| p.find(after.as_bytes()))
            .min()
        else {
            return pool;
        };
        let (cut, _) = self.to_body(h.hit.end + at, h.hit.end + at);
        pool.retain(|a| a.start < cut);
        pool
    }

    /// "Turkey, which views the YPG as an extension of the PKK, has threatened …": the names
    /// inside a clause interrupting the verb's subject describe it and take no part in the verb.
    fn without_interruption(
        &self,
        h: &Happening,
        mut pool: Vec<&'a ActorHit>,
    ) -> Vec<&'a ActorHit> {
        let Some(((ss, se), ie)) = crate::grammar::interrupted_subject(
            self.f(),
            h.hit.start,
            &self.x.triggers.grammar.participation_participles,
        ) else {
            return pool;
        };
        let (sbs, sbe) = self.to_body(ss, se);
        let (_, ibe) = self.to_body(ie, ie);
        let subject: Vec<&'a ActorHit> = (self.actors.iter())
            .copied()
            .filter(|a| a.start >= sbs && a.end <= sbe)
            .collect();
        if subject.is_empty() {
            return pool;
        }
        // The clause may open inside the interruption: its subject is still the one before.
        // The subject and the interruption follow each other: both leave, the subject comes
        // back first.
        pool.retain(|a| !(a.start >= sbs && a.end <= ibe));
        subject.into_iter().chain(pool).collect()
    }

    /// "X said Y attacked Z": X speaks, Y acts, and X leaves the pool. "X said it would
    /// withdraw" or "X said its troops would withdraw" (nobody named in between): X acts. "X
    /// said Y must withdraw": X demands, of Y (CAMEO's reading of an obligation reported).
    fn speech(&self, h: &Happening, pool: &mut Vec<&'a ActorHit>) -> Speech {
        let f = self.f();
        // A reading that opens on the verb of saying ("said Y must agree to", one CAMEO pattern)
        // has its happening's verb further on, in what is said.
        let (said, demanded) =
            match Attribution::speech_before(&self.speech_words, h.hit.start, &self.said_names) {
                Some(s) => (Some(s), self.x.grammar_words.obliged(&f[s..h.hit.start])),
                None => {
                    let s = Attribution::speech_at(&self.speech_words, h.hit.start);
                    let obliged =
                        s.is_some_and(|s| self.x.grammar_words.obliged_in_complement(&f[s..]));
                    (s, obliged)
                }
            };
        // "demanded that Y withdraw": the demand, of Y.
        let (said, demanded) = match self.x.attribution.mandate_before(f, h.hit.start) {
            Some(m) if said.is_none_or(|s| s < m) => (Some(m), true),
            _ => (said, demanded),
        };
        // "X said attacks on bases harm Iraq": a material happening named as the subject of what
        // is said has no agent in the sentence; the speaker talks about it.
        // (Not after "announced", "claimed": "Italy announced a suspension of air links" is
        // Italy's.)
        let said = said.map(|s| (s, self.to_body(s, s).0));
        let reported_nominal = said.is_some_and(|(s, said)| {
            let verb = f[..s].rsplit(' ').next().unwrap_or_default();
            // Printed in lower case: "the United States speeded up the withdrawal" says nothing.
            let printed = self.article.body[..said].rsplit(' ').next();
            !h.hit.finite
                && printed.is_some_and(|w| w.starts_with(char::is_lowercase))
                && h.trigger.event_type.is_material()
                && self.x.triggers.grammar.reports(verb)
                && crate::grammar::opens_noun_phrase(&f[s..h.hit.start])
        });
        let demanded = !h.standalone && demanded;
        let spoken = !h.standalone && !demanded && said.is_some() && h.trigger.spoken;
        let mut speakers: Vec<SidedActor> = Vec::new();
        if let Some((_, said)) = said {
            // A demand is the speaker's, whoever it is made of; any other happening reported
            // is its subject's when somebody is named before its verb (never so for a reading
            // that opens on the verb of saying: "X announced an agreement" is X's).
            // Anyone named is a subject of its own ("police said gunmen killed three"), unless
            // a possessive makes it the speaker's ("X said its troops would withdraw").
            let body = self.article.body;
            let own = |a: &ActorHit| {
                crate::grammar::last_word(&body[..a.start])
                    .is_some_and(|w| crate::grammar::is_possessive(&w.to_ascii_lowercase()))
            };
            let named_subject = pool
                .iter()
                .any(|a| a.start >= said && a.end <= h.body.0 && !own(a))
                || body
                    .get(said..h.body.0)
                    .is_some_and(crate::grammar::names_a_subject);
            if demanded || spoken {
                speakers = pool
                    .iter()
                    .filter(|a| a.end <= said)
                    .map(|a| (a.who.clone(), Side::Source, a.start, a.end))
                    .collect();
            }
            // Nor does the speaker suffer what it reports in the passive ("a police source
            // told Shafaq News that two men had been detained"), unless it says so of its own
            // ("said 52 of its members were injured"); a pronoun after the saying may still
            // stand for it ("said it had been targeted").
            let of_its_own = || {
                body.get(said..h.body.0).is_some_and(|gap| {
                    gap.split(|c: char| !c.is_alphanumeric())
                        .any(|w| matches!(w, "its" | "their" | "our"))
                })
            };
            let passive_of_others = h.passive && !of_its_own();
            if demanded || spoken || named_subject || reported_nominal || passive_of_others {
                pool.retain(|a| a.start >= said);
            }
        }
        Speech {
            demanded,
            spoken,
            speakers,
            reported_nominal,
        }
    }

    /// Whether `hit`'s verb is passive: its subject suffers it.
    fn passive(&self, hit: &TriggerHit, trigger: &Trigger) -> bool {
        let f = self.f();
        // A participle heading no clause of its own and followed by its doer is a passive too
        // ("trucks banned by Israeli authorities", "forces, backed by the coalition, …").
        let by_follows =
            || !hit.finite && participle_at(f, hit.start) && f[hit.end..].starts_with(" by ");
        // A trigger written with its auxiliary ("was defeated") is passive by its own words.
        let with_auxiliary = || {
            let words: Vec<&str> = f[hit.start..hit.end].split_whitespace().collect();
            words.len() > 1
                && crate::grammar::is_passive_auxiliary(words[0])
                && words.last().is_some_and(|w| participle_at(w, 0))
        };
        // "was disappointed by the vote": an adjective of feeling, whose subject feels it.
        let stative = || {
            let head = f[hit.start..hit.end].rsplit(' ').next().unwrap_or("");
            (self.x.triggers.grammar.stative_participles.iter()).any(|w| w == head)
        };
        !stative()
            && (trigger.passive || passive_before(f, hit.start) || by_follows() || with_auxiliary())
    }

    /// The pool's sides by word order and voice.
    fn sides(&self, clause: &Clause, h: &Happening, pool: &[&ActorHit]) -> Vec<SidedActor> {
        let f = self.f();
        let passive = h.passive;
        // Sides turn on the clause's happening of the same kind when the trigger is a
        // participle after it ("jets struck PKK positions, killing three": PKK is hit, not
        // hitting), a verb or the noun a support verb carries ("carried out airstrikes on army
        // positions, killing …").
        let (pivot_s, pivot_e, passive) = match clause.hits.iter().find(|o| {
            o.start < h.hit.start
                && !h.hit.finite
                && self.trigger(o).event_type == h.trigger.event_type
        }) {
            Some(o) => {
                let (s, e) = self.to_body(o.start, o.end);
                (s, e, passive_before(f, o.start))
            }
            None => (h.body.0, h.body.1, passive),
        };
        let mut sides = assign_sides(
            self.article.body,
            pool,
            (pivot_s, pivot_e),
            passive,
            h.trigger.from_verb && h.trigger.passive,
            &self.x.triggers.grammar,
        );
        if !h.hit.finite && !passive {
            doer_of_a_participle(self.article.body, h.body.1, &mut sides);
        }
        if passive && !sides.iter().any(|a| a.1 == Side::Source) {
            self.doer_of_when_clause(h, &mut sides);
        }
        if passive && !sides.iter().any(|a| a.1 == Side::Source) {
            self.doer_of_nominal(clause, h, &mut sides);
        }
        sides
    }

    /// "Three PKK militants were killed in a Turkish drone strike", "were injured in an ISIS
    /// attack": a harm suffered in a happening of the same kind, named by a noun right after
    /// the verb (`[grammar] passive_nominal_openers`, then at most a few words), was done by the
    /// names that qualify that noun.
    fn doer_of_nominal(&self, clause: &Clause, h: &Happening, sides: &mut [SidedActor]) {
        const MAX_WORDS: usize = 4;
        let f = self.f();
        let openers = &self.x.triggers.grammar.passive_nominal_openers;
        let Some(o) = clause.hits.iter().find(|o| {
            o.start > h.hit.end
                && !o.finite
                && self.trigger(o).event_type == h.trigger.event_type
                && {
                    let gap = &f[h.hit.end..o.start];
                    openers.iter().any(|p| gap.starts_with(p.as_str()))
                        && !gap.contains([',', ';'])
                        && gap.split_whitespace().count() <= MAX_WORDS
                }
        }) else {
            return;
        };
        let (from, _) = self.to_body(h.hit.end, h.hit.end);
        let (_, to) = self.to_body(o.start, o.end);
        for a in sides.iter_mut().filter(|a| a.2 >= from && a.3 <= to) {
            a.1 = Side::Source;
        }
    }

    /// "Four soldiers were killed when ISIS militants attacked an army post": a harm suffered
    /// with no doer named is the happening of the "when" clause after it, of the same kind,
    /// whose subject did it, to those it names after its verb. The "when" clause may be cut off as a clause of its own (its
    /// subject and verb make it one): its verb is read among the sentence's hits.
    fn doer_of_when_clause(&self, h: &Happening, sides: &mut [SidedActor]) {
        // The "when" clause follows the harm within this many bytes ("were killed on June 7
        // when …"): a long sentence of many harms stays linear.
        const REACH: usize = 160;
        let f = self.f();
        let from = self.hits.partition_point(|o| o.start <= h.hit.end);
        let near = self.hits[from..]
            .iter()
            .take_while(|o| o.start < h.hit.end + REACH);
        let Some((o, when)) = near.into_iter().find_map(|o| {
            let when = (o.finite && self.trigger(o).event_type == h.trigger.event_type)
                .then(|| WHEN.rfind(&f.as_bytes()[h.hit.end..o.start]))??;
            Some((o, h.hit.end + when))
        }) else {
            return;
        };
        let (from, _) = self.to_body(when, when);
        let (verb, verb_end) = self.to_body(o.start, o.end);
        for a in sides.iter_mut() {
            if a.2 >= from && a.3 <= verb {
                a.1 = Side::Source;
            } else if a.2 >= verb_end && a.1 == Side::Participant {
                // What the "when" clause's verb struck was struck: "… opened fire on an army
                // checkpoint".
                a.1 = Side::Target;
            }
        }
    }

    /// What the happening is coded as: a demand (the one obliged becomes the target, the
    /// speakers the source), a threat, an announced intention, else the trigger's own reading.
    fn reading(
        &self,
        clause: &Clause,
        h: &Happening,
        speech: Speech,
        possible: bool,
        actors: &mut Vec<SidedActor>,
    ) -> (EventType, String) {
        let f = self.f();
        let (cs, ce) = clause.folded;
        let t = h.trigger;
        // A threat is a harm promised on a condition: "will withdraw … unless", "would
        // boycott … unless" (CAMEO 13, PLOVER THREATEN).
        let threatened = !h.standalone
            && (possible || self.x.triggers.future_between(f, cs, h.hit.start))
            && (self.x.grammar_words).conditional(
                &f[h.hit.end..ce],
                t.event_type.quad_class() == QuadClass::MaterialConflict,
            );
        // "will meet", "is ready to send": the announced intention of a cooperative
        // happening (CAMEO 03), not the happening. Only a doer intends: the subject of "will be
        // released", "will appear before a court" [:173] suffers what is announced.
        let intention = if !h.standalone && !speech.demanded && !threatened && !h.passive {
            self.x
                .intent
                .iter()
                .find(|(_, _, types, modes)| {
                    types.contains(&t.event_type) && (modes.is_empty() || modes.contains(&t.mode))
                })
                .filter(|_| self.x.grammar_words.intended(&f[cs..h.hit.start]))
        } else {
            None
        };
        if speech.demanded || speech.spoken {
            for a in actors.iter_mut() {
                if a.1 == Side::Source {
                    a.1 = Side::Target;
                }
            }
            actors.splice(0..0, speech.speakers);
        }
        if speech.demanded {
            (EventType::Request, "demand".to_owned())
        } else if speech.spoken {
            (t.event_type, t.mode.clone())
        } else if threatened {
            (EventType::Threaten, "conditional".to_owned())
        } else if let Some((as_type, mode, ..)) = intention {
            (*as_type, mode.clone())
        } else {
            (t.event_type, t.mode.clone())
        }
    }

    /// The last `reach` names before the sentence, nearest first: where a pronoun or a title
    /// finds whom it stands for.
    fn named_before(&self, reach: usize) -> impl Iterator<Item = &'a ActorHit> {
        let start = self.span.0;
        self.article.actor_hits[..self.first]
            .iter()
            .rev()
            .filter(move |a| a.end <= start)
            .take(reach)
    }

    /// "He said …", "It added …": a pronoun subject with nobody named before the verb is the
    /// nearest person (he, she) or body (it) named before the sentence.
    fn pronoun_antecedent(&self, clause: &Clause, h: &Happening) -> Option<&'a ActorHit> {
        let kind = pronoun_subject(&self.f()[clause.folded.0..h.hit.start])?;
        self.antecedent(kind)
    }

    /// The nearest name before the sentence that a pronoun of `kind` can stand for.
    fn antecedent(&self, kind: Pronoun) -> Option<&'a ActorHit> {
        self.named_before(PRONOUN_REACH)
            .find(|a| self.x.pronoun_fits(kind, &a.who))
    }

    /// "The emir later met …": a definite subject headed by a title refers back to the nearest
    /// person named before the sentence with that title printed right before or in the name
    /// ("Kuwait's Emir Sheikh Sabah …", "King Abdullah II") or held as the dictionary's role.
    fn titled_antecedent(&self, clause: &Clause, h: &Happening) -> Option<&'a ActorHit> {
        let before_verb = &self.f()[clause.folded.0..h.hit.start];
        let head = crate::grammar::definite_subject_head(before_verb)?;
        if !self.x.actors.is_title_head(head) {
            return None;
        }
        let body = self.article.body;
        let titled = |a: &ActorHit| {
            // The title before the name, or in the span read as the name ("King Abdullah II").
            let from = body.floor_char_boundary(a.start.saturating_sub(TITLE_BEFORE_NAME));
            let printed = body.get(from..a.end).unwrap_or("").to_lowercase();
            let role = match &a.who {
                Who::Known(i) => self.x.actors.actors[*i].role.clone(),
                Who::Unknown { role, .. } => role.clone(),
            };
            let has = |text: &str| {
                text.split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case(head))
            };
            has(&printed) || role.is_some_and(|r| has(&r))
        };
        self.named_before(TITLE_REACH)
            .find(|a| self.x.pronoun_fits(Pronoun::Person, &a.who) && titled(a))
    }

    /// "The party called on Baghdad …", "The group accused Turkey …": a definite subject headed
    /// by a common noun refers back to the nearest body named before the sentence that the noun
    /// can name (see [`ActorIndex::referred_to_as`]).
    fn described_antecedent(&self, clause: &Clause, h: &Happening) -> Option<&'a ActorHit> {
        let before_verb = &self.f()[clause.folded.0..h.hit.start];
        let head = crate::grammar::definite_subject_head(before_verb)?;
        let body = self.article.body;
        self.named_before(PRONOUN_REACH).find(|a| {
            let printed = body.get(a.start..a.end).unwrap_or("");
            self.x.actors.referred_to_as(&a.who, printed, head)
        })
    }

    /// '"We condemn this attack," Foreign Minister X said': "I" or "we" opening a clause inside a
    /// quotation is whoever the sentence says spoke it: the name between the closing quote and
    /// the verb of saying (', X said', ', said X'), or before the verb that opens the quotation
    /// ('X said: "We …"'), a few words from it, or the person a pronoun there stands for.
    fn quoted_speaker(&self, clause: &Clause, h: &Happening) -> Option<&'a ActorHit> {
        let f = self.f();
        if !first_person_subject(&f[clause.folded.0..h.hit.start])
            || !crate::grammar::inside_quotes(f, h.hit.start)
        {
            return None;
        }
        let words = |a: usize, b: usize| {
            f.get(a..b)
                .map_or(usize::MAX, |s| s.split_whitespace().count())
        };
        // Quote marks may be curly, three bytes each: offsets past one step over the whole mark.
        let past = |at: usize| f.ceil_char_boundary(at + 1);
        let open = f[..h.hit.start].rfind(['"', '\u{201c}'])?;
        let close = past(open) + f[past(open)..].find(['"', '\u{201d}'])?;
        let close_end = past(close);
        // The speaker's name lies in `from..to` (folded).
        let (from, to) = if let Some(&(ss, se)) = self.speech_words.iter().find(|w| w.0 > close) {
            if words(close_end, ss) > SPEAKER_WORDS {
                return None;
            }
            // ', said the minister': the name after the verb.
            let after = words(close_end, ss) == 0;
            if after {
                (se, (se + SPEAKER_BYTES).min(f.len()))
            } else {
                (close, ss)
            }
        } else {
            let &(ss, se) = self.speech_words.iter().rev().find(|w| w.1 <= open)?;
            if words(se, open) > 1 {
                return None;
            }
            (ss.saturating_sub(SPEAKER_BYTES), ss)
        };
        let (bs, be) = self.to_body(f.floor_char_boundary(from), f.floor_char_boundary(to));
        let mut names = self
            .names_in_sentence()
            .filter(|a| bs <= a.start && a.end <= be);
        // Before the verb, the name nearest it; after it, the first.
        let named = if to <= open {
            names.last()
        } else {
            names.next()
        };
        // '"I call on everyone …," he said': the speaker is the person the pronoun stands for.
        named.or_else(|| {
            let speaker = f.get(f.floor_char_boundary(from)..f.floor_char_boundary(to))?;
            let pronoun = speaker
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "he" || w == "she");
            pronoun.then(|| self.antecedent(Pronoun::Person)).flatten()
        })
    }

    /// What the coding phrase is worth; a weak dictionary reading loses more when a hand
    /// trigger reads the clause otherwise, and any reading when a modal says it only may happen
    /// (`possible`).
    fn phrase(&self, clause: &Clause, h: &Happening, possible: bool) -> f32 {
        let t = h.trigger;
        phrase_confidence(t, h.hit.priority, h.standalone)
            - if clause.disputed
                && !h.standalone
                && t.from_verb
                && h.hit.priority < VERB_PATTERN_PRIORITY
            {
                DISPUTED
            } else {
                0.0
            }
            - if possible { POSSIBLE } else { 0.0 }
    }

    /// A modal of possibility stands right before the happening's verb ("could attack").
    fn possible(&self, clause: &Clause, h: &Happening) -> bool {
        !h.standalone
            && (self.x.grammar_words)
                .possible(self.article.body.get(clause.body.0..h.body.0).unwrap_or(""))
    }

    /// "wounded during the assault": a definite happening noun of the same type in the clause makes
    /// the whole mention a reference back.
    fn anaphoric(&self, clause: &Clause, h: &Happening) -> bool {
        clause.anaphoric.contains(&h.trigger.event_type)
    }

    /// The people killed, injured or held, for a happening that does that.
    /// The casualty and arrest figures of the sentence, for a violent or coercive happening.
    fn counts(&self, h: &Happening) -> Counts {
        if matches!(h.trigger.event_type, EventType::Assault | EventType::Coerce) {
            self.figures().all.clone()
        } else {
            Counts::default()
        }
    }

    /// The figures of [`Self::counts`] (`all`) that belong to `h`'s clause: each figure belongs
    /// to the clause of the last violent or coercive trigger before its end, or of the first when
    /// none stands before it ("Israeli strikes killed six, as Hezbollah fired rockets": the six
    /// are the strikes'). All of them when one clause holds every such trigger.
    fn clause_counts(&self, h: &Happening, all: &Counts) -> Counts {
        if !self.material(&h.hit) {
            return Counts::default();
        }
        let figures = self.figures();
        let own = figures.owning[self.clause_of(h.hit.start)];
        match figures.owners {
            Owners::None => all.clone(),
            Owners::One(c) if c == own => all.clone(),
            _ => figures.by_clause(self.clauses.len() + 1)[own].clone(),
        }
    }

    fn material(&self, t: &TriggerHit) -> bool {
        matches!(
            self.trigger(t).event_type,
            EventType::Assault | EventType::Coerce
        )
    }

    /// The index of the clause holding folded offset `folded`.
    fn clause_of(&self, folded: usize) -> usize {
        self.clauses.partition_point(|c| c.1 <= folded)
    }

    /// The sentence's figures and the clauses that own them, read at the first happening that
    /// asks: once a sentence, not once a happening (a sentence of thousands of happenings).
    fn figures(&self) -> &SentenceFigures {
        self.figures.get_or_init(|| {
            let clauses = self.clauses.len() + 1;
            // A participle clause (", killing six") tells more of the clause before it.
            let mut participles: Vec<usize> = (self.coordinations.inner.iter())
                .filter(|&&(_, k)| k == Inner::Participle)
                .map(|&(at, _)| at)
                .collect();
            participles.sort_unstable();
            let participle = |clause: usize| {
                (self.clauses.get(clause)).is_some_and(|c| participles.binary_search(&c.0).is_ok())
            };
            let material: Vec<&TriggerHit> =
                self.hits.iter().filter(|t| self.material(t)).collect();
            // In sentence order, as clause indices never fall along it.
            let main: Vec<usize> = (material.iter())
                .map(|t| self.clause_of(t.start))
                .filter(|&c| !participle(c))
                .collect();
            // The clause a trigger's figures belong to: a participle's is the clause it
            // follows, when that clause tells a violent or coercive happening.
            let owning: Vec<usize> = (0..clauses)
                .map(|c| {
                    if participle(c) {
                        let before = main.partition_point(|&m| m < c);
                        before.checked_sub(1).map_or(c, |i| main[i])
                    } else {
                        c
                    }
                })
                .collect();
            // (where the trigger starts in the sentence, its owning clause), in sentence order.
            let starts: Vec<(usize, usize)> = (material.iter())
                .map(|t| {
                    let clause = owning[self.clause_of(t.start)];
                    (self.folded.original_span(t.start, t.end).0, clause)
                })
                .collect();
            let owners = match starts.first() {
                None => Owners::None,
                Some(&(_, c)) if starts.iter().all(|&(_, o)| o == c) => Owners::One(c),
                Some(_) => Owners::Many,
            };
            let figures = counts::Figures::of(self.sentence());
            SentenceFigures {
                all: figures.counts_where(|_| true),
                figures,
                starts,
                by_clause: OnceCell::new(),
                owning,
                owners,
            }
        })
    }

    /// Gives `draft` its date and place and appends it; times after the trigger joined by "and"
    /// ("pushed out of Mosul by 2016 and out of Raqqa by 2018") are one happening each.
    fn date_and_place(&self, clause: &Clause, h: &Happening, draft: Draft, out: &mut Vec<Draft>) {
        let (ss, se) = self.span;
        let (tbs, tbe) = h.body;
        let (cbs, cbe) = clause.body;
        let coordinated = self.coordinated_times(tbe - ss, cbe - ss);
        if coordinated.len() >= 2 {
            let mut from = tbe;
            for ft in coordinated {
                let mut d = draft.clone();
                d.date = Some(time::resolve_mention(
                    &ft.text,
                    self.article.anchor,
                    Tense::Past,
                ));
                d.own_date = true;
                d.place = self.place_in(from, ss + ft.start, from);
                from = ss + ft.end;
                out.push(d);
            }
            return;
        }
        let mut d = draft;
        // "after the rivals cut ties": the main clause's time is not the clause's own.
        let own_time = clause.inner == Some(Inner::Adverbial { own_time: true });
        d.date = self.date((tbs - ss, tbe - ss), (cbs - ss, cbe - ss), own_time);
        d.own_date = d.date.is_some();
        d.place = self
            .place_in(cbs, cbe, tbs)
            .or_else(|| self.place_in(ss, se, tbs))
            .or_else(|| self.struck_place(clause, h));
        out.push(d);
    }

    /// The place an attack's verb takes as its object ("targeted the Ain al-Asad air base",
    /// "shelled Kobani"): where the attack happened. A town or a site, not a region or a
    /// country, which name the target's side. The verb may be the clause's while the
    /// happening is its noun ("A drone attack targeted …").
    fn struck_place(&self, clause: &Clause, h: &Happening) -> Option<Place> {
        if h.trigger.event_type != EventType::Assault {
            return None;
        }
        let f = self.f();
        let body = self.article.body;
        let place_hits = self.article.place_hits;
        clause.hits.iter().find_map(|v| {
            if !v.finite
                || self.trigger(v).event_type != EventType::Assault
                || passive_before(f, v.start)
            {
                return None;
            }
            let (_, tbe) = self.to_body(v.start, v.end);
            let p = place_hits.get(place_hits.partition_point(|p| p.start < tbe))?;
            let gap = body.get(tbe..p.start)?;
            let place = self.x.places.place(p.place);
            (gap.split_whitespace().all(|w| self.x.before_place(w))
                && place.precision == dateline_core::event::PlacePrecision::City)
                .then(|| place.clone())
        })
    }

    /// Past time expressions after the trigger (sentence offset `trigger_end`) in the clause,
    /// each separated from the next by "and".
    fn coordinated_times(&self, trigger_end: usize, clause_end: usize) -> Vec<time::Found> {
        let after: Vec<&time::Found> = self
            .times
            .iter()
            .filter(|t| t.start >= trigger_end && t.end <= clause_end)
            .collect();
        if after.len() < 2 {
            return Vec::new();
        }
        let lower = self.sentence().to_lowercase();
        for pair in after.windows(2) {
            let between = lower.get(pair[0].end..pair[1].start).unwrap_or("");
            if !between.contains(" and ") || between.len() > 40 {
                return Vec::new();
            }
        }
        if after
            .iter()
            .any(|t| self.x.triggers.future_between(&lower, 0, t.start))
        {
            return Vec::new();
        }
        after.into_iter().cloned().collect()
    }

    /// The time of the happening: the past expression nearest the trigger in its clause, else in
    /// the sentence (unless `own_only`); a future one only when there is no other ("will end in
    /// March 2027" dates the statement when the sentence also says "earlier in July"). Bounds
    /// are sentence offsets.
    fn date(
        &self,
        (ts, te): (usize, usize),
        (cs, ce): (usize, usize),
        own_only: bool,
    ) -> Option<TimeValue> {
        let times = &self.times;
        if times.is_empty() {
            return None;
        }
        let lower = self.sentence().to_lowercase();
        let dist = |t: &time::Found| {
            if t.end <= ts {
                ts - t.end
            } else {
                t.start.saturating_sub(te)
            }
        };
        let future = |t: &time::Found| {
            let clause_start = if t.start >= cs { cs } else { 0 };
            self.x
                .triggers
                .future_between(&lower, clause_start, t.start)
        };
        let in_clause = |t: &&time::Found| t.start >= cs && t.end <= ce;
        // "denied involvement in the attack on the gas field, which halted production on
        // Thursday": a time inside another clause's relative clause dates that clause's
        // happening, not this one.
        let relatives = self.relative_clauses((cs, ce));
        let elsewhere =
            |t: &&time::Found| relatives.iter().any(|&(a, b)| a <= t.start && t.end <= b);
        // "his first visit to Baghdad since 2011": the time of the last such happening, not of
        // this one.
        let last_such = |t: &time::Found| {
            t.text
                .get(..6)
                .is_some_and(|w| w.eq_ignore_ascii_case("since "))
                && (lower[..t.start].split_whitespace().rev())
                    .take(FIRST_SINCE_REACH)
                    .any(|w| w == "first")
        };
        let anchor = self.article.anchor;
        let pick = times
            .iter()
            .filter(in_clause)
            .filter(|t| !future(t) && !last_such(t))
            .min_by_key(|t| dist(t))
            .or_else(|| {
                (times.iter())
                    .filter(|_| !own_only)
                    .filter(|t| !future(t) && !elsewhere(t) && !last_such(t))
                    .min_by_key(|t| dist(t))
            });
        // "… on July 13, two days after gunmen abducted …": a clause told from the time before
        // it, counted from that time, with what hangs on it (", in which 15 were killed").
        // Not where a comma resumes the main clause: "On Monday, two days after the attack,
        // police arrested …" dates the arrests by Monday.
        let told = crate::inherit::clause_told_from_time(self.sentence(), 0, ts)
            .filter(|&(phrase, ..)| !resumes_main_clause(&self.sentence()[phrase..ts]))
            .and_then(|(phrase, words, amount, unit)| {
                let from = (times.iter())
                    .filter(|t| t.end <= phrase && !future(t))
                    .max_by_key(|t| t.end)?;
                Some((from, words, amount, unit))
            })
            .filter(|(from, ..)| pick.is_none_or(|t| t.end <= from.end));
        if let Some((from, words, amount, unit)) = told {
            let at = time::resolve_mention(&from.text, anchor, Tense::Past);
            let raw = format!("{}, {words}", from.text);
            return Some(time::shifted(&raw, &at, amount, unit).unwrap_or(at));
        }
        // "The handover came six days after the coalition withdrew …": the happening after the
        // phrase is dated from the one its subject names, told before (see `inherit`), not by a
        // time in another clause.
        if pick.is_some_and(|t| !in_clause(&t))
            && crate::inherit::told_after_the_subject(self.sentence())
                .is_some_and(|(phrase, ..)| phrase < ts)
        {
            return None;
        }
        if let Some(t) = pick {
            return Some(time::resolve_mention(&t.text, anchor, Tense::Past));
        }
        let t = times.iter().filter(in_clause).min_by_key(|t| dist(t))?;
        Some(time::resolve_mention(&t.text, anchor, Tense::Future))
    }

    /// The sentence's relative clauses (", which …", ", who …", and of place, ", where …"), in
    /// sentence offsets, but the one that holds `clause` (sentence offsets).
    fn relative_clauses(&self, (cs, ce): (usize, usize)) -> Vec<(usize, usize)> {
        let f = self.f();
        let ss = self.span.0;
        (self.clauses.iter())
            .copied()
            .filter(|&(s, _)| {
                let opener = f[s..].trim_start_matches([',', ' ']).split(' ').next();
                opener
                    .is_some_and(|w| crate::grammar::RELATIVE_PRONOUNS.contains(&w) || w == "where")
            })
            .map(|(s, e)| {
                let (a, b) = self.to_body(s, e);
                (a - ss, b - ss)
            })
            .filter(|&(a, b)| !(a <= cs && ce <= b))
            .collect()
    }

    /// A gazetteer place in body `from..to` after a locative preposition (`[places]
    /// event_locatives` of `data/names.toml`), the one nearest after the trigger first. A
    /// "the" and words of `place_modifiers` may stand between ("in the Kurdistan Region", "in
    /// western Anbar", "in the northern Nineveh province").
    fn place_in(&self, from: usize, to: usize, trigger: usize) -> Option<Place> {
        let body = self.article.body;
        let place_hits = self.article.place_hits;
        let locative = |w: &str| self.x.event_locatives.iter().any(|l| l == w);
        // Place hits are sorted by start: the span's are one slice of them.
        let lo = place_hits.partition_point(|p| p.start < from);
        let hi = place_hits.partition_point(|p| p.start < to);
        let candidates: Vec<&PlaceHit> = place_hits[lo..hi]
            .iter()
            .filter(|p| p.start >= from && p.end <= to)
            // "blamed the strikes on Iran-aligned factions": a name joined by a hyphen to the
            // word after it qualifies that word, it says where nothing happened.
            .filter(|p| !compound_modifier_at(&body[p.end..]))
            .filter(|p| {
                let mut words = body[..p.start]
                    .rsplit(|c: char| c.is_whitespace())
                    .filter(|w| !w.is_empty())
                    .take(4);
                words
                    .find(|w| !self.x.before_place(w))
                    .is_some_and(|w| locative(&w.to_lowercase()))
            })
            .collect();
        candidates
            .iter()
            .find(|p| p.start >= trigger)
            .or_else(|| candidates.first())
            .map(|p| self.x.places.place(p.place).clone())
    }
}

impl Extractor {
    /// Triggers a time phrase inside a clause hides from its patterns ("Iran vowed on Tuesday
    /// to retaliate", "announced on Monday an agreement", "vowed the next day to track down"):
    /// the sentence is read again without
    /// the phrases that stand between two words, and what that finds is added to `hits` (in
    /// `folded`'s offsets).
    fn triggers_across_times(
        &self,
        sentence: &str,
        times: &[time::Found],
        folded: &fold::Folded,
        hits: &mut Vec<TriggerHit>,
    ) {
        let between_words = |start: usize, end: usize| {
            let before = sentence[..start].strip_suffix(' ');
            let after = sentence[end..].strip_prefix(' ');
            before.is_some_and(|b| b.ends_with(char::is_alphabetic))
                && after.is_some_and(|a| a.starts_with(char::is_alphabetic))
        };
        let told = crate::inherit::told_from_before_spans(sentence);
        let mut inner: Vec<(usize, usize)> = times
            .iter()
            .map(|t| (t.start, t.end))
            .chain(
                told.into_iter()
                    .filter(|&(s, e)| times.iter().all(|t| e <= t.start || t.end <= s)),
            )
            .filter(|&(start, end)| between_words(start, end))
            .collect();
        inner.sort_unstable();
        if inner.is_empty() {
            return;
        }
        let gapped = fold::fold_skipping(sentence, &inner);
        for h in self.triggers.find(&gapped.text) {
            let (os, oe) = gapped.original_span(h.start, h.end);
            // Only a trigger whose words the phrase parted: one beside it was read, or left
            // out for its context, already.
            if !inner.iter().any(|&(a, b)| os < a && b < oe) {
                continue;
            }
            let (start, end) = (folded.folded_offset(os), folded.folded_offset(oe));
            let h = TriggerHit { start, end, ..h };
            // As `find` does, of overlapping hits the higher priority one stays.
            match hits.iter_mut().find(|k| k.start < end && start < k.end) {
                Some(k) if h.priority > k.priority => *k = h,
                Some(_) => {}
                None => {
                    let at = hits.partition_point(|k| k.start <= start);
                    hits.insert(at, h);
                }
            }
        }
    }

    /// A town seized is occupied: a seizing verb (`[grammar] seizure_verbs`) read as coercion
    /// whose object is a town or a site of the gazetteer ("rebels seized Damascus", "captured
    /// Jurf al-Sakhar from the Islamic State group") takes CAMEO's reading of occupied territory
    /// (192; ASSAULT, see `data/sources/plover/manual-corrections.txt`). Seized weapons, captured
    /// men, a region or a country named as a side stay what the verb reads.
    fn occupations(
        &self,
        article: &ArticleText<'_>,
        ss: usize,
        folded: &fold::Folded,
        hits: &mut [TriggerHit],
    ) {
        let Some(&occupy) = (self.verb_triggers).get(&(EventType::Assault, String::new(), false))
        else {
            return;
        };
        let seizures = &self.triggers.grammar.seizure_verbs;
        let places = article.place_hits;
        for h in hits.iter_mut() {
            let word = &folded.text[h.start..h.end];
            if self.triggers.triggers[h.trigger].event_type != EventType::Coerce
                || !seizures.iter().any(|w| w == word)
            {
                continue;
            }
            let end = ss + folded.original_span(h.start, h.end).1;
            // The next place, or the next actor if it comes first and is a town by name: a
            // capital stands for its government ("Damascus said") but is seized as a town.
            let place = (places.get(places.partition_point(|p| p.start < end)))
                .map(|p| (p.start, self.places.place(p.place)));
            let actors = article.actor_hits;
            let actor = (actors.get(actors.partition_point(|a| a.start < end)))
                .filter(|a| place.is_none_or(|(start, _)| a.start < start))
                .and_then(|a| {
                    let name = article.body.get(a.start..a.end)?;
                    let p = self.places.resolve_name(name)?;
                    p.name.eq_ignore_ascii_case(name).then_some((a.start, p))
                });
            let Some((start, p)) = actor.or(place) else {
                continue;
            };
            let town = p.precision == dateline_core::event::PlacePrecision::City;
            let object = (article.body.get(end..start))
                .is_some_and(|gap| gap.split_whitespace().all(|w| self.before_place(w)));
            if town && object {
                h.trigger = occupy;
            }
        }
    }

    /// A word that may stand between a locative or an attack's verb and a place: "the", a word
    /// of `place_modifiers`, or a compound adjective ending in lower case ("in government-held
    /// Aleppo", "in war-torn Syria"), as printed: in lower case ("in western Anbar"; "in the
    /// South China Sea" names no place in China).
    fn before_place(&self, w: &str) -> bool {
        let compound_adjective = || {
            w.rsplit_once('-').is_some_and(|(head, last)| {
                !head.is_empty() && !last.is_empty() && last.chars().all(|c| c.is_ascii_lowercase())
            })
        };
        w == "the" || self.place_modifiers.iter().any(|m| m == w) || compound_adjective()
    }

    /// Whether a named actor can be what `kind` of pronoun stands for.
    fn pronoun_fits(&self, kind: Pronoun, who: &Who) -> bool {
        match who {
            Who::Known(a) => {
                let person = matches!(self.actors.actors[*a].kind.as_str(), "person" | "listed");
                match kind {
                    Pronoun::Person => person,
                    Pronoun::Body => !person && !self.actors.is_country(*a),
                }
            }
            Who::Unknown { role, .. } => (kind == Pronoun::Person) == role.is_some(),
        }
    }
}

/// Bytes around a doer's name read for the crowd it leads ("supporters of the Shiite cleric").
const CROWD_REACH: usize = 80;

/// Bytes after a passive verb within which "by" names its doer: past the adjuncts of place and
/// time a report puts between ("was shot dead outside his home in Baghdad's Zayouna district on
/// July 6, 2020, by gunmen").
const BY_REACH: usize = 100;

/// Words after an actor within which a verb of suffering makes it the one hit.
const VICTIM_REACH: usize = 3;

/// How far past the "and" of "between X and Y" the second side may be named.
const BETWEEN_REACH: usize = 80;

/// "between X and Y" right after a trigger, or after its verb ("clashes erupted between"):
/// where X starts and where its "and" is, in `body`. Not after another noun ("the meeting
/// addressed cooperation between Iraq and …": the cooperation is between them).
fn between_sides(body: &str, trig_end: usize) -> Option<(usize, usize)> {
    // Read a short stretch only: this runs for every trigger of a body of any length.
    let end = body.floor_char_boundary((trig_end + BETWEEN_REACH * 3).min(body.len()));
    let rest = body.get(trig_end..end)?;
    let at = rest.find(" between ")?;
    let gap: Vec<&str> = rest[..at].split_whitespace().collect();
    let verb_only = match gap[..] {
        [] => true,
        [w] => w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase()),
        _ => false,
    };
    if !verb_only {
        return None;
    }
    let from = at + " between ".len();
    let and = rest[from..].find(" and ")?;
    // A list ("between Jordan, Egypt and Qatar") or a far "and" joins no pair of sides.
    if rest[from..from + and].contains([',', ';', '.']) || and > BETWEEN_REACH {
        return None;
    }
    Some((trig_end + from, trig_end + from + and))
}

/// Source before the trigger, target after — or, in the passive, source from "by X" after it. A
/// source followed by a verb of suffering is hit instead.
fn assign_sides(
    body: &str,
    pool: &[&ActorHit],
    (trig_start, trig_end): (usize, usize),
    passive: bool,
    reverse: bool,
    grammar: &crate::lexicon::Grammar,
) -> Vec<SidedActor> {
    let agents = &grammar.passive_agents;
    // "two US soldiers suffered injuries when rockets struck": the subject of a verb of
    // suffering (`[grammar] victim_verbs`) is hit, also when the rest of its noun phrase stands
    // between ("two US service members suffered").
    let suffers = |a: &ActorHit| {
        (body[a.end..].split_whitespace())
            .take(VICTIM_REACH)
            .take_while(|w| !w.ends_with([',', ';', '.']))
            .any(|w| grammar.victim_verbs.iter().any(|v| v == w))
    };
    let mut out = Vec::new();
    // In the passive the doer follows "by", or is the side fought ("were killed in clashes with
    // X", `[grammar] passive_agents`), within a few words of the verb.
    // What follows the trigger, as far as a doer may be read (the searches below keep only
    // finds within [`BY_REACH`]): the whole rest of a long body would be read per trigger.
    let near_end = body.floor_char_boundary((trig_end + 2 * BY_REACH).min(body.len()));
    let by_at = if passive {
        body.get(trig_end..near_end).and_then(|rest| {
            // A reverse reading's doer follows "from" too ("faced criticism from the EU").
            let by = (rest.find(" by ").into_iter())
                .chain(reverse.then(|| rest.find(" from ")).flatten())
                .min()
                .filter(|&i| i < BY_REACH)
                // Not the "by" of a relative clause between ("released through Big Machine,
                // which was bought by …").
                .filter(|&i| {
                    !rest[..i]
                        .split(' ')
                        .any(|w| crate::grammar::RELATIVE_PRONOUNS.contains(&w))
                        && !rest[..i].contains(';')
                });
            let fought = (agents.iter())
                .filter_map(|p| {
                    rest.find(p.as_str())
                        .filter(|&i| i < 40)
                        .map(|i| i + p.len() - 1)
                })
                .min();
            by.into_iter().chain(fought).min().map(|i| trig_end + i)
        })
    } else {
        None
    };
    // "clashes erupted between SDF fighters and Turkish-backed factions", "talks between
    // Baghdad and Erbil": the two sides the trigger joins, the first named as its source.
    let between = (!passive).then(|| between_sides(body, trig_end)).flatten();
    for a in pool {
        let side = if let Some((from, and)) = between
            && a.start >= from
            && a.start < and + BETWEEN_REACH
        {
            if a.start < and {
                Side::Source
            } else {
                Side::Target
            }
        } else if a.end <= trig_start {
            if passive { Side::Target } else { Side::Source }
        } else if passive {
            match by_at {
                Some(b) if a.start > b && a.start < b + 60 => Side::Source,
                _ => Side::Participant,
            }
        } else {
            Side::Target
        };
        let side = if side == Side::Source && suffers(a) {
            Side::Target
        } else {
            side
        };
        out.push((a.who.clone(), side, a.start, a.end));
    }
    out
}

/// "An explosive device planted by the militants …", "a convoy, dispatched by the Red
/// Crescent,": the doer a participle right after a happening's noun names (within a few words of
/// the noun ending at body offset `noun_end`) did it. So does a "by" right after the noun
/// ("rocket attacks by Iran-backed factions"), the doer's own hyphenated modifiers between.
fn doer_of_a_participle(body: &str, noun_end: usize, sides: &mut [SidedActor]) {
    // The participle and its "by" follow the noun within this many bytes.
    const REACH: usize = 40;
    let end = body.floor_char_boundary((noun_end + REACH).min(body.len()));
    let Some(by) = body[noun_end..end].find(" by ") else {
        return;
    };
    let participle =
        body[noun_end..noun_end + by].trim_matches(|c: char| c == ',' || c.is_whitespace());
    let one_word = !participle.contains(' ');
    if !(participle.is_empty() || one_word && participle.ends_with("ed")) {
        return;
    }
    let from = noun_end + by + " by ".len();
    // The doer is the name the "by" opens: the first actor after it, nothing but an article
    // and hyphenated modifiers ("Iran-backed", "US-led") between.
    let opens = |gap: &str| {
        gap.split_whitespace().enumerate().all(|(i, w)| {
            i == 0 && matches!(w, "the" | "a" | "an")
                || w.contains('-') && w.ends_with("ed") && !w.starts_with('-')
        })
    };
    if let Some(a) = (sides.iter_mut())
        .filter(|a| a.2 >= from)
        .min_by_key(|a| a.2)
        .filter(|a| opens(&body[from..a.2]))
    {
        a.1 = Side::Source;
    }
}

/// Whether `after` (the text right after a name) joins the name to a lower-case word with a
/// hyphen, as in "Iran-aligned", "US-led", "Turkish-backed".
fn compound_modifier_at(after: &str) -> bool {
    let mut chars = after.chars();
    matches!(chars.next(), Some('-' | '‑' | '‐')) && chars.next().is_some_and(char::is_lowercase)
}

/// Whether an actor of `names` is the object of the verb ending at body offset `verb_end`: it
/// follows within a few words, and heads the noun phrase there ("hosted the Saudi foreign
/// minister", not "hosted talks between Baghdad and Erbil"), or the doer of a passive ("hosted by
/// China's top diplomat"). A time between them is an adjunct of the verb ("received on Wednesday
/// the new commander").
fn has_object<'h>(body: &str, verb_end: usize, names: impl Iterator<Item = &'h ActorHit>) -> bool {
    names
        .filter(|a| a.start >= verb_end && a.start <= verb_end + 40)
        .any(|a| {
            let gap = &body[verb_end..a.start];
            let mut untimed = String::with_capacity(gap.len());
            let mut at = 0;
            for t in time::scan(gap) {
                untimed.push_str(&gap[at..t.start]);
                untimed.push(' ');
                at = t.end;
            }
            untimed.push_str(&gap[at..]);
            // In the passive the host follows "by" ("talks hosted by China's top diplomat").
            let untimed = untimed.trim_start_matches(|c: char| !c.is_alphanumeric());
            let untimed = untimed.strip_prefix("by ").unwrap_or(untimed);
            // A clause's punctuation past the object's first word ends the object: "welcomed
            // the news, saying Moscow had …" welcomes no one.
            !untimed.contains([',', ';', ':', '"', '\u{201c}', '(', '\n'])
                && crate::grammar::heads_the_object(untimed, &body[a.end..])
        })
}

/// How many words may stand between a quotation and the verb of saying after it: the speaker's
/// name and title (', Iraqi Foreign Minister Fuad Hussein said').
const SPEAKER_WORDS: usize = 8;

/// How far from the verb of saying the speaker's name is looked for, in bytes.
const SPEAKER_BYTES: usize = 80;

/// Opening quotation marks a quoted demand may start with.
const QUOTES: [char; 3] = ['"', '“', '‘'];

/// Names back within which a title refers ("the emir"): farther than a pronoun, as the title
/// says whom it means.
const TITLE_REACH: usize = 40;

/// Bytes before a name within which its title is printed ("Kuwait's Emir Sheikh …").
const TITLE_BEFORE_NAME: usize = 24;

/// How far before "since" the "first" of "the first visit to Baghdad since 2011" may stand.
const FIRST_SINCE_REACH: usize = 8;

/// The most words a party asked may have ("the remaining members of the cell" has six).
const ASKED_PARTY_WORDS: usize = 6;

/// The most words a party printed as is may have ("the remaining members of the cell").
const PRINTED_PARTY_WORDS: usize = 8;

/// What stands between a passive's subject and its participle.
const PASSIVE_AUXILIARIES: [&str; 7] = [
    "had been",
    "have been",
    "has been",
    "were",
    "was",
    "are",
    "is",
];

/// Whether the first comma or semicolon in `text` goes back to a main clause: one not followed
/// by a relative clause (", in which …", ", who …") or a participle (", killing 15 …"), which
/// hang on what came before it, with whatever commas they hold.
fn resumes_main_clause(text: &str) -> bool {
    text.split([',', ';']).nth(1).is_some_and(|after| {
        let mut words = after.split_whitespace().map(str::to_ascii_lowercase);
        let first = words.next().unwrap_or_default();
        let second = words.next().unwrap_or_default();
        let relative = |w: &str| crate::grammar::RELATIVE_PRONOUNS.contains(&w) || w == "where";
        !(relative(&first) || relative(&second) || first.ends_with("ing"))
    })
}

/// A coordinated clause without its own subject shares the previous clause's
/// participants ("X held talks with Y, and a third round is scheduled").
/// In the previous clause's order, each actor once: its source stays the source when a
/// target there names the same actor ("Baghdad accused Ankara of violating Iraqi …").
fn share_previous_clause(
    clause: &Clause<'_>,
    h: &Happening,
    previous_clause: &[SidedActor],
    actors: &mut Vec<SidedActor>,
) {
    if clause.index > 0
        && !clause.actors.iter().any(|a| a.end <= h.body.0)
        && h.relative.is_none()
        && !matches!(clause.inner, Some(Inner::Adverbial { .. }))
    {
        let mut shared: Vec<SidedActor> = Vec::new();
        // A coordinated verb phrase shares the subject only: its object is its own
        // ("congratulated Halbousi and called on parliament to …"). A participle names its
        // object, or does it to the main clause's ("cut ties with X, accusing the kingdom").
        let own_target = actors.iter().any(|a| a.1 == Side::Target);
        let shares = |a: &SidedActor| match clause.inner {
            Some(Inner::Participle) => a.1 == Side::Source || !own_target,
            _ => !clause.coordinated || a.1 == Side::Source,
        };
        for a in previous_clause.iter().filter(|a| shares(a)) {
            if !actors.iter().chain(&shared).any(|x| x.0 == a.0) {
                shared.push(a.clone());
            }
        }
        actors.splice(0..0, shared);
    }
}
