//! Article bodies → coded event mentions (PLOVER), driven by the lexicon in `data/`.
//!
//! The pipeline for one article:
//! 1. fold the body and find every actor (lexicon aliases, titles, short forms resolved against
//!    names already seen in the article, people introduced by title) and every gazetteer place;
//! 2. split sentences, split each into clauses, and find trigger patterns; each clause yields its
//!    strongest trigger (plus standalone nominal happenings of another type);
//! 3. give each mention its actors (source before the trigger, target after; reversed for passives),
//!    its date (the nearest past time expression, read forward when the clause is future), its place
//!    (a gazetteer place after a locative preposition, never the dateline) and its casualty counts;
//! 4. let mentions that refer back ("the meeting", "They discussed …") or continue the previous
//!    sentence inherit what they lack (date, place, actors), then drop mentions with no actor: a
//!    happening nobody did or suffered cannot be matched or merged.

pub mod actors;
mod agents;
mod attribution;
pub mod cameo;
mod claims;
pub mod counts;
mod discards;
mod field;
pub mod fold;
pub mod lexicon;
mod modality;
pub mod phrases;
pub mod places;
pub mod sentences;
pub mod triggers;

use actors::{ActorHit, ActorIndex, Who};
use dateline_core::Article;
use dateline_core::event::{ActorRef, Counts, EventMention, EventType, Evidence, Place, Side};
use dateline_core::time::{self, Tense, TimeValue};
use lexicon::Lexicon;
use places::{PlaceHit, PlaceIndex};
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;
use triggers::{TriggerHit, TriggerIndex};

/// A verb of saying: the sentence reports a statement.
static REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:said|says|stated|told|added|statement)\b").expect("static regex")
});

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{file}: {reason}")]
    Invalid { file: String, reason: String },
}

/// Codes event mentions from article bodies.
pub struct Extractor {
    /// Modals of obligation and conditions, from `[grammar]`.
    grammar_words: modality::Modality,
    discards: discards::Discards,
    /// CAMEO quad class of each PLOVER type, from `[quad_class]` in `events.toml`.
    quad_classes: std::collections::HashMap<EventType, String>,
    /// Support verbs, from `[grammar] light_verbs`.
    light_verbs: Vec<String>,
    /// Words that open a subordinate clause, from `[grammar] subordinators`.
    subordinators: Vec<String>,
    /// `[intent]`: the type and mode an announced intention is coded as, and the happening types
    /// whose intention is coded so.
    intent: Vec<(EventType, String, Vec<EventType>)>,
    agents: agents::AgentIndex,
    tagger: dateline_tagger::Tagger,
    attribution: attribution::Attribution,
    claims: claims::ClaimIndex,
    cameo: cameo::CameoIndex,
    /// The trigger id of each PLOVER reading of a dictionary verb.
    verb_triggers: std::collections::HashMap<(EventType, String), usize>,
    actors: ActorIndex,
    places: PlaceIndex,
    triggers: TriggerIndex,
}

/// An actor span found in a body, for inspection and tests.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedActor {
    pub start: usize,
    pub end: usize,
    /// Canonical name (or the name as printed for people the lexicon lacks).
    pub name: String,
}

/// A mention while the article is being read, before inheritance fills its gaps.
#[derive(Debug, Clone)]
struct Draft {
    sentence: usize,
    span: (usize, usize),
    event_type: EventType,
    mode: String,
    /// Refers back to a happening already reported ("the meeting", "the joint operation").
    anaphoric: bool,
    /// Opens with a subject that continues the previous sentence ("They", "The two sides").
    continuation: bool,
    /// A nominal happening inside another clause ("anger over US strikes on X").
    standalone: bool,
    actors: Vec<(Who, Side, usize, usize)>,
    /// `None` when the sentence gives no time for it.
    date: Option<TimeValue>,
    place: Option<Place>,
    counts: Counts,
    /// How much the phrase that coded it says on its own (see [`phrase_confidence`]).
    phrase: f32,
    /// The date came from the sentence itself, not from a happening it continues.
    own_date: bool,
}

impl Extractor {
    /// The lexicon bundled with the binary (data/*.toml at build time).
    pub fn load_default() -> Result<Extractor, LexiconError> {
        Extractor::from_lexicon(&Lexicon::bundled()?)
    }

    /// A lexicon from a folder holding `actors.toml`, `events.toml` and `places.toml`.
    pub fn load_dir(dir: &Path) -> Result<Extractor, LexiconError> {
        Extractor::from_lexicon(&Lexicon::from_dir(dir)?)
    }

    pub fn from_lexicon(lexicon: &Lexicon) -> Result<Extractor, LexiconError> {
        // The actor index (some 100,000 spellings) takes as long as everything else together:
        // it is built on a second thread.
        std::thread::scope(|scope| {
            let actors = scope.spawn(|| {
                let places: phrases::FastSet<String> = lexicon
                    .places
                    .place
                    .iter()
                    .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
                    .map(|s| fold::fold_key(s))
                    .collect();
                ActorIndex::build(&crate::lexicon::ActorsFile {
                    actor: field::merge(
                        &lexicon.actors.actor,
                        &lexicon.field.actors,
                        &lexicon.sectors,
                        &places,
                    ),
                    ..lexicon.actors.clone()
                })
            });
            let rest = Extractor::build_rest(lexicon);
            let actors = actors.join().map_err(|_| LexiconError::Invalid {
                file: "actors.toml".into(),
                reason: "building the actor index failed".into(),
            })??;
            rest.map(|rest| rest(actors))
        })
    }

    /// Everything but the actor index, as a closure that takes it.
    #[allow(clippy::type_complexity)]
    fn build_rest(
        lexicon: &Lexicon,
    ) -> Result<Box<dyn FnOnce(ActorIndex) -> Extractor + '_>, LexiconError> {
        let cameo = cameo::CameoIndex::build(&lexicon.field.verbs)?;
        let mut triggers = TriggerIndex::build(&lexicon.events)?;
        let mut verb_triggers = std::collections::HashMap::new();
        for c in cameo.readings() {
            let mode = c.mode.clone().unwrap_or_default();
            let id = triggers.verb_trigger(c.event_type, &mode);
            verb_triggers.insert((c.event_type, mode), id);
        }
        let light_verbs = lexicon.events.grammar.light_verbs.clone();
        let subordinators = lexicon.events.grammar.subordinators.clone();
        let events_type = |t: &str| {
            t.parse::<EventType>()
                .map_err(|reason| LexiconError::Invalid {
                    file: "events.toml".into(),
                    reason,
                })
        };
        let mut intent = Vec::new();
        for i in &lexicon.events.intent {
            intent.push((
                events_type(&i.as_type)?,
                i.mode.clone(),
                i.types
                    .iter()
                    .map(|t| events_type(t))
                    .collect::<Result<Vec<_>, _>>()?,
            ));
        }
        let mut quad_classes = std::collections::HashMap::new();
        for (class, types) in &lexicon.events.quad_class {
            for t in types {
                let t: EventType = t.parse().map_err(|reason| LexiconError::Invalid {
                    file: "events.toml".into(),
                    reason,
                })?;
                quad_classes.insert(t, class.clone());
            }
        }
        let tagger = dateline_tagger::Tagger::bundled().map_err(|e| LexiconError::Invalid {
            file: "tagger/".into(),
            reason: e.to_string(),
        })?;
        let agents = agents::AgentIndex::build(
            &lexicon.field.agents,
            &lexicon.sectors,
            field::country_names(&lexicon.field.actors),
        )?;
        let attribution = attribution::Attribution::build(&lexicon.events.grammar)?;
        let claims = claims::ClaimIndex::build(&lexicon.events.claim)?;
        let places = PlaceIndex::build(&lexicon.places)?;
        let discards = discards::Discards::build(&lexicon.field.discards)?;
        let grammar_words = modality::Modality::new(&lexicon.events.grammar);
        Ok(Box::new(move |actors| Extractor {
            grammar_words,
            discards,
            quad_classes,
            light_verbs,
            subordinators,
            intent,
            tagger,
            agents,
            attribution,
            claims,
            cameo,
            verb_triggers,
            actors,
            places,
            triggers,
        }))
    }

    /// Number of actors and places loaded (for reports and load checks).
    pub fn sizes(&self) -> (usize, usize, usize) {
        (
            self.actors.actors.len(),
            self.places.len(),
            self.triggers.triggers.len(),
        )
    }

    /// Canonical name of the actor a free-standing name denotes, as of `day`.
    pub fn resolve_actor(&self, name: &str, day: Option<jiff::civil::Date>) -> Option<&str> {
        self.actors
            .resolve_name(name, day)
            .map(|a| self.actors.actors[a].name.as_str())
    }

    /// True when two canonical actor names are the same actor or one belongs to the other
    /// (US military ⊂ United States).
    pub fn actors_related(&self, a: &str, b: &str) -> bool {
        match (self.actors.get(a), self.actors.get(b)) {
            (Some(x), Some(y)) => self.actors.related(x, y),
            _ => a == b,
        }
    }

    /// The gazetteer place a free-standing name denotes.
    pub fn resolve_place(&self, name: &str) -> Option<&Place> {
        self.places.resolve_name(name)
    }

    /// Every actor named in the article's body, resolved in context.
    pub fn actors_in(&self, article: &Article) -> Vec<NamedActor> {
        let folded = fold::fold(&article.body);
        self.find_actors(&article.body, &folded, article.anchor_date())
            .into_iter()
            .map(|h| NamedActor {
                start: h.start,
                end: h.end,
                name: self.who_name(&h.who),
            })
            .collect()
    }

    /// Named actors, then the generic agents with the country a neighbouring name gives them.
    fn find_actors(
        &self,
        body: &str,
        folded: &fold::Folded,
        anchor: Option<jiff::civil::Date>,
    ) -> Vec<ActorHit> {
        let named = self.actors.find(body, folded, anchor);
        self.agents.attach(body, folded, &self.actors, named)
    }

    fn who_name(&self, who: &Who) -> String {
        match who {
            Who::Known(a) => self.actors.actors[*a].name.clone(),
            Who::Unknown { name, .. } => name.clone(),
        }
    }

    /// How the coder reads one sentence, for people tuning the lexicon: its words with their
    /// part of speech, the dictionary verbs with their readings, and the actors found.
    pub fn explain(&self, sentence: &str) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let tokens = self.tagger.tag(sentence);
        let tagged: Vec<String> = tokens
            .iter()
            .map(|t| format!("{}/{}", t.text, t.tag.as_str()))
            .collect();
        let _ = writeln!(out, "tags:   {}", tagged.join(" "));
        let fs = fold::fold(sentence);
        let f = fs.text.as_str();
        let spans = word_spans(f);
        let words: Vec<&str> = spans.iter().map(|&(s, e)| &f[s..e]).collect();
        for v in self.cameo.find(&words, |_| true, |_| false, |_| false) {
            let (os, oe) = fs.original_span(spans[v.first].0, spans[v.last - 1].1);
            let at = tokens.partition_point(|t| t.end <= os);
            let finite = at < tokens.len() && finite(&tokens, at);
            let _ = writeln!(
                out,
                "verb:   {:?} finite={finite} reading={} specificity={}",
                &sentence[os..oe],
                v.coded.as_ref().map_or("no event".to_owned(), |c| format!(
                    "{} {} (CAMEO {})",
                    c.event_type,
                    c.mode.as_deref().unwrap_or("-"),
                    c.cameo
                )),
                v.specificity
            );
        }
        for a in self.find_actors(sentence, &fs, None) {
            let _ = writeln!(
                out,
                "actor:  {:?} = {}",
                &sentence[a.start..a.end],
                self.who_name(&a.who)
            );
        }
        out
    }

    /// Every event mention in the article's body, in body order.
    pub fn mentions(&self, article: &Article) -> Vec<EventMention> {
        let body = article.body.as_str();
        let anchor = article.anchor_date();
        let folded = fold::fold(body);
        // Sports, entertainment, history: the field does not code such stories.
        if self.discards.story(&folded.text) {
            return Vec::new();
        }
        let dateline_end = dateline_end(article);
        // The dateline names where the story was filed, not who acted.
        let actor_hits: Vec<ActorHit> = self
            .find_actors(body, &folded, anchor)
            .into_iter()
            .filter(|a| a.start >= dateline_end)
            .collect();
        let place_hits: Vec<PlaceHit> = self
            .places
            .find(body, &folded)
            .into_iter()
            .filter(|p| p.start >= dateline_end)
            .filter(|p| {
                // Actor hits are sorted by start: only those starting before the place ends,
                // the last few of them, can overlap it.
                let before = actor_hits.partition_point(|a| a.start < p.end);
                !actor_hits[..before]
                    .iter()
                    .rev()
                    .take(OVERLAP_LOOKBACK)
                    .any(|a| p.start < a.end)
            })
            .collect();
        let sentences = sentences::split(body);
        let mut drafts: Vec<Draft> = Vec::new();
        for (si, &(ss, se)) in sentences.iter().enumerate() {
            self.code_sentence(
                body,
                si,
                (ss, se),
                anchor,
                &actor_hits,
                &place_hits,
                &mut drafts,
            );
        }
        self.inherit(&mut drafts, &sentences, body, anchor);
        let mut mentions = self.finish(article, drafts);
        self.claims.attach(body, &sentences, &mut mentions);
        mentions
    }

    #[allow(clippy::too_many_arguments)]
    fn code_sentence(
        &self,
        body: &str,
        si: usize,
        (ss, se): (usize, usize),
        anchor: Option<jiff::civil::Date>,
        actor_hits: &[ActorHit],
        place_hits: &[PlaceHit],
        out: &mut Vec<Draft>,
    ) {
        let sentence = &body[ss..se];
        let fs = fold::fold(sentence);
        let f = fs.text.as_str();
        let mut hits = self.triggers.find(f);
        self.add_verb_hits(sentence, &fs, &mut hits);
        if hits.is_empty() {
            return;
        }
        let to_body = |a: usize, b: usize| {
            let (x, y) = fs.original_span(a, b);
            (ss + x, ss + y)
        };
        let times = time::scan(sentence);
        // Whom a statement was made to, or who vouches for it, takes no part in the happening.
        let attributed: Vec<(usize, usize)> = self
            .attribution
            .spans(f)
            .into_iter()
            .map(|(a, b)| to_body(a, b))
            .collect();
        // Actor hits are sorted by start: the sentence's are one slice of them.
        let first = actor_hits.partition_point(|a| a.start < ss);
        let last = actor_hits.partition_point(|a| a.start < se);
        let sent_actors: Vec<&ActorHit> = actor_hits[first..last]
            .iter()
            .filter(|a| a.start >= ss && a.end <= se)
            .filter(|a| !attributed.iter().any(|&(s, e)| s <= a.start && a.end <= e))
            .collect();
        let mut previous_clause: Vec<(Who, Side, usize, usize)> = Vec::new();
        for (ci, (cs, ce)) in clauses(f).into_iter().enumerate() {
            let in_clause: Vec<TriggerHit> = hits
                .iter()
                .copied()
                .filter(|h| h.start >= cs && h.end <= ce)
                .filter(|h| {
                    // A word inside a name is not a happening ("Office of Rescuing Abducted
                    // Yazidis").
                    let (tbs, tbe) = to_body(h.start, h.end);
                    !sent_actors.iter().any(|a| a.start <= tbs && tbe <= a.end)
                })
                .filter(|h| {
                    let t = &self.triggers.triggers[h.trigger];
                    if !t.needs_actor_after {
                        return true;
                    }
                    let (_, te) = to_body(h.start, h.end);
                    sent_actors
                        .iter()
                        .any(|a| a.start >= te && a.start <= te + 40)
                })
                .collect();
            // The clause's own happening is its strongest non-standalone trigger; standalone
            // nominal happenings ("over US strikes on X") are coded beside it.
            let rank = |h: &&TriggerHit| (h.priority, std::cmp::Reverse(h.start));
            let Some(best) = in_clause
                .iter()
                .filter(|h| !self.triggers.triggers[h.trigger].standalone)
                .max_by_key(rank)
                .or_else(|| in_clause.iter().max_by_key(rank))
                .copied()
            else {
                continue;
            };
            let mut chosen = vec![best];
            let best_type = self.triggers.triggers[best.trigger].event_type;
            // The dictionary's verb and a hand trigger of the same clause read it as different
            // kinds of happening: one of them is wrong, and nothing says which.
            let disputed = {
                let from_verb = self.triggers.triggers[best.trigger].from_verb;
                in_clause.iter().any(|o| {
                    let ot = &self.triggers.triggers[o.trigger];
                    ot.from_verb != from_verb && !ot.standalone && ot.event_type != best_type
                })
            };
            for h in &in_clause {
                let t = &self.triggers.triggers[h.trigger];
                // "condemned the attack": a definite nominal is the object of the clause's own
                // happening, already reported, not a new one.
                if t.standalone
                    && !triggers::definite_before(f, h.start)
                    && t.event_type != best_type
                    && !chosen
                        .iter()
                        .any(|c| self.triggers.triggers[c.trigger].event_type == t.event_type)
                {
                    chosen.push(*h);
                }
            }
            let (cbs, cbe) = to_body(cs, ce);
            let continuation = self.triggers.continuation_subject(&f[cs..ce]);
            for h in chosen {
                let t = &self.triggers.triggers[h.trigger];
                let (tbs, tbe) = to_body(h.start, h.end);
                let clause_actors: Vec<&ActorHit> = sent_actors
                    .iter()
                    .copied()
                    .filter(|a| a.start >= cbs && a.end <= cbe)
                    .collect();
                let standalone = h != best;
                let pool: Vec<&ActorHit> = if standalone {
                    // A nominal happening keeps to its own phrase: "US strikes on X".
                    clause_actors
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
                } else if clause_actors.is_empty() {
                    sent_actors.clone()
                } else {
                    clause_actors.clone()
                };
                // "X said Y attacked Z": X speaks, Y acts. "X said it would withdraw" or "X said
                // its troops would withdraw" (nobody named in between): X acts. "X said Y must
                // withdraw": X demands, of Y (CAMEO's reading of an obligation reported).
                let mut pool = pool;
                let said = self
                    .attribution
                    .speech_before(f, h.start)
                    .map(|s| (s, to_body(s, s).0));
                let demanded = !standalone
                    && said.is_some_and(|(s, _)| self.grammar_words.obliged(&f[s..h.start]));
                let mut speakers: Vec<(Who, Side, usize, usize)> = Vec::new();
                if let Some((_, said)) = said
                    && pool
                        .iter()
                        .any(|a| a.start >= said && a.end <= tbs && !a.who.is_generic())
                {
                    if demanded {
                        speakers = pool
                            .iter()
                            .filter(|a| a.end <= said)
                            .map(|a| (a.who.clone(), Side::Source, a.start, a.end))
                            .collect();
                    }
                    pool.retain(|a| a.start >= said);
                }
                let pool = &pool;
                let passive = t.passive || passive_before(f, h.start);
                // Sides turn on the clause's finite verb of the same kind when the trigger is a
                // participle after it ("jets struck PKK positions, killing three"): PKK is hit,
                // not hitting.
                let (pivot_s, pivot_e, passive) = match in_clause.iter().find(|o| {
                    o.finite
                        && o.start < h.start
                        && !h.finite
                        && self.triggers.triggers[o.trigger].event_type == t.event_type
                }) {
                    Some(o) => {
                        let (s, e) = to_body(o.start, o.end);
                        (s, e, passive_before(f, o.start))
                    }
                    None => (tbs, tbe, passive),
                };
                let mut actors = assign_sides(body, pool, pivot_s, pivot_e, passive);
                // A threat is a harm promised on a condition: "will withdraw … unless", "would
                // boycott … unless" (CAMEO 13, PLOVER THREATEN).
                let threatened = !standalone
                    && self.triggers.future_between(f, cs, h.start)
                    && self.grammar_words.conditional(&f[h.end..ce]);
                // "will meet", "is ready to contribute": the announced intention of a cooperative
                // happening (CAMEO 03), not the happening.
                let intention = if !standalone && !demanded && !threatened {
                    self.intent
                        .iter()
                        .find(|(_, _, types)| types.contains(&t.event_type))
                        .filter(|_| self.grammar_words.intended(&f[cs..h.start]))
                } else {
                    None
                };
                let (event_type, mode) = if demanded {
                    // The one obliged is the target now; the speaker demands.
                    for a in actors.iter_mut() {
                        if a.1 == Side::Source {
                            a.1 = Side::Target;
                        }
                    }
                    actors.splice(0..0, speakers);
                    (EventType::Request, "demand".to_owned())
                } else if threatened {
                    (EventType::Threaten, "conditional".to_owned())
                } else if let Some((as_type, mode, _)) = intention {
                    (*as_type, mode.clone())
                } else {
                    (t.event_type, t.mode.clone())
                };
                // A coordinated clause without its own subject shares the previous clause's
                // participants ("X held talks with Y, and a third round is scheduled").
                if ci > 0 && !clause_actors.iter().any(|a| a.end <= tbs) {
                    for a in previous_clause.iter().rev() {
                        if !actors.iter().any(|x| x.0 == a.0) {
                            actors.insert(0, a.clone());
                        }
                    }
                }
                // "He said …", "It added …": a pronoun subject with nobody named before the verb
                // is the nearest person (he, she) or body (it) named before the sentence.
                if !standalone
                    && !actors.iter().any(|a| a.1 == Side::Source)
                    && let Some(kind) = pronoun_subject(&f[cs..h.start])
                    && let Some(a) = actor_hits[..first]
                        .iter()
                        .rev()
                        .filter(|a| a.end <= ss)
                        .take(PRONOUN_REACH)
                        .find(|a| self.pronoun_fits(kind, &a.who))
                {
                    actors.insert(0, (a.who.clone(), Side::Source, a.start, a.end));
                }
                if h == best {
                    previous_clause = actors.clone();
                }
                let counts = if matches!(t.event_type, EventType::Assault | EventType::Coerce) {
                    counts::counts(sentence)
                } else {
                    Counts::default()
                };
                // "killed during the raid": a definite happening noun of the same type in the
                // clause makes the whole mention a reference back.
                let anaphoric = in_clause.iter().any(|o| {
                    let ot = &self.triggers.triggers[o.trigger];
                    ot.event_type == t.event_type
                        && ot.anaphoric
                        && triggers::definite_before(f, o.start)
                });
                let base = Draft {
                    phrase: phrase_confidence(t, h.priority, standalone)
                        - if disputed
                            && !standalone
                            && t.from_verb
                            && h.priority < VERB_PATTERN_PRIORITY
                        {
                            DISPUTED
                        } else {
                            0.0
                        },
                    own_date: false,
                    sentence: si,
                    span: (ss, se),
                    event_type,
                    mode,
                    anaphoric,
                    continuation,
                    standalone,
                    actors,
                    date: None,
                    place: None,
                    counts,
                };
                // Times in the clause after the trigger joined by "and" ("defeated in Iraq by
                // 2017 and in Syria by 2019") are one happening each.
                let coordinated = self.coordinated_times(sentence, &times, tbe - ss, cbe - ss);
                if coordinated.len() >= 2 {
                    let mut from = tbe;
                    for ft in coordinated {
                        let mut d = base.clone();
                        d.date = Some(time::resolve_mention(&ft.text, anchor, Tense::Past));
                        d.own_date = true;
                        d.place = self.pick_place(body, place_hits, from, ss + ft.start, from);
                        from = ss + ft.end;
                        out.push(d);
                    }
                    continue;
                }
                let mut d = base;
                d.date = self.pick_date(
                    sentence,
                    &times,
                    (tbs - ss, tbe - ss),
                    (cbs - ss, cbe - ss),
                    anchor,
                );
                d.own_date = d.date.is_some();
                d.place = self
                    .pick_place(body, place_hits, cbs, cbe, tbs)
                    .or_else(|| self.pick_place(body, place_hits, ss, se, tbs));
                out.push(d);
            }
        }
    }

    /// Adds the happenings the CAMEO verb dictionary reads in the folded sentence `f`. A verb
    /// phrase the dictionary marks as no event ("killed in a car crash") removes a hand trigger
    /// on the same words; a specific pattern ("lifted * sanctions") outranks every hand trigger,
    /// a verb read by its block default only the weakest.
    fn add_verb_hits(&self, sentence: &str, fs: &fold::Folded, hits: &mut Vec<TriggerHit>) {
        let f = fs.text.as_str();
        let spans = word_spans(f);
        let words: Vec<&str> = spans.iter().map(|&(s, e)| &f[s..e]).collect();
        // Tagged only when a dictionary verb form is there to check.
        let tokens = std::cell::OnceCell::new();
        let tag_at = |start: usize| {
            let tokens = tokens.get_or_init(|| self.tagger.tag(sentence));
            let (os, _) = fs.original_span(start, start + 1);
            let at = tokens.partition_point(|t: &dateline_tagger::Token| t.end <= os);
            tokens.get(at).filter(|t| t.start <= os).map(|t| t.tag)
        };
        let is_verb = |i: usize| {
            let tokens = tokens.get_or_init(|| self.tagger.tag(sentence));
            let (os, _) = fs.original_span(spans[i].0, spans[i].1);
            let at = tokens.partition_point(|t: &dateline_tagger::Token| t.end <= os);
            match tokens.get(at) {
                Some(t) if t.start <= os => finite(tokens, at),
                _ => looks_verbal(&words, i),
            }
        };
        let in_phrase = |i: usize| {
            use dateline_tagger::Tag;
            words[i] == "of"
                || tag_at(spans[i].0).is_some_and(|t| {
                    t.is_noun()
                        || t.is_adj()
                        || matches!(t, Tag::DT | Tag::CD | Tag::PRPS | Tag::POS | Tag::PDT)
                })
        };
        let base_verb = |i: usize| tag_at(spans[i].0) == Some(dateline_tagger::Tag::VB);
        for v in self.cameo.find(&words, is_verb, in_phrase, base_verb) {
            let (start, end) = (spans[v.first].0, spans[v.last - 1].1);
            let overlaps = |h: &TriggerHit| h.start < end && start < h.end;
            let Some(c) = v.coded else {
                if v.specificity > 0 {
                    hits.retain(|h| !overlaps(h));
                }
                continue;
            };
            if self.triggers.blocked(f, start) {
                continue;
            }
            let mode = c.mode.unwrap_or_default();
            let Some(&trigger) = self.verb_triggers.get(&(c.event_type, mode)) else {
                continue;
            };
            let priority = if v.specificity >= STRONG_PATTERN {
                STRONG_PATTERN_PRIORITY
            } else if v.specificity > 0 {
                VERB_PATTERN_PRIORITY
            } else {
                VERB_DEFAULT_PRIORITY
            };
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
            });
        }
        // A hand trigger on a noun after a finite verb trigger of its clause is that verb's object
        // ("demanded a truce", "rejected the proposal for a ceasefire", "called for
        // sanctions"): the clause reports the demand, the rejection, the call.
        let clauses = clauses(f);
        // Clauses are contiguous and in order: the last one starting at or before `at`.
        let clause_of = |at: usize| clauses.partition_point(|&(s, _)| s <= at).checked_sub(1);
        let light = |h: &TriggerHit| {
            let w = &f[h.start..h.end];
            self.light_verbs.iter().any(|l| l == w)
        };
        // Starts of the finite verbs that govern an object (support verbs excepted) and of the
        // hand triggers on nouns, sorted: each check below is a binary search.
        let mut verbs: Vec<usize> = hits
            .iter()
            .filter(|h| {
                use dateline_tagger::Tag;
                self.triggers.triggers[h.trigger].from_verb
                    || tag_at(h.start).is_some_and(|t| matches!(t, Tag::VBD | Tag::VBZ | Tag::VBP))
            })
            .filter(|h| !light(h))
            .map(|h| h.start)
            .collect();
        verbs.sort_unstable();
        let mut nouns: Vec<usize> = hits
            .iter()
            .filter(|h| !self.triggers.triggers[h.trigger].from_verb)
            .filter(|h| tag_at(h.start).is_some_and(|t| t.is_noun()))
            .map(|h| h.start)
            .collect();
        nouns.sort_unstable();
        let same_clause = |a: usize, b: usize| clause_of(a) == clause_of(b);
        // Which hand triggers stand on a finite verb: the clause's sides turn on it.
        {
            let tokens = tokens.get_or_init(|| self.tagger.tag(sentence));
            for h in hits.iter_mut().filter(|h| !h.finite) {
                let (os, _) = fs.original_span(h.start, h.start + 1);
                let at = tokens.partition_point(|t: &dateline_tagger::Token| t.end <= os);
                h.finite = at < tokens.len() && tokens[at].start <= os && finite(tokens, at);
            }
        }
        for h in hits.iter_mut() {
            if self.triggers.triggers[h.trigger].from_verb {
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
            }
        }
        // A relative clause ("a helicopter that was captured", "guerrillas who overran it") or an
        // adverbial one ("when Amin expelled them", "if he gave them a veto") tells background
        // to the clause it hangs on: its happenings rank below every happening of that clause.
        let tokens = tokens.get_or_init(|| self.tagger.tag(sentence));
        let subordinate = self.subordinate_spans(tokens, sentence.len());
        if !subordinate.is_empty() {
            for h in hits.iter_mut() {
                let (os, _) = fs.original_span(h.start, h.start + 1);
                if subordinate.iter().any(|&(a, b)| a <= os && os < b) {
                    h.priority = h.priority.min(SUBORDINATE_PRIORITY);
                }
            }
        }
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    }

    /// Byte spans of the sentence's subordinate clauses: from a relative pronoun ("which", "who",
    /// "that" after a noun) or a subordinator of `[grammar] subordinators` to the next comma,
    /// semicolon or colon.
    fn subordinate_spans(
        &self,
        tokens: &[dateline_tagger::Token],
        len: usize,
    ) -> Vec<(usize, usize)> {
        use dateline_tagger::Tag;
        let mut out = Vec::new();
        for (k, t) in tokens.iter().enumerate() {
            let relative = matches!(t.tag, Tag::WDT | Tag::WP | Tag::WPS)
                && (!t.text.eq_ignore_ascii_case("that") || k > 0 && tokens[k - 1].tag.is_noun());
            let opens = relative
                || self
                    .subordinators
                    .iter()
                    .any(|w| t.text.eq_ignore_ascii_case(w));
            if !opens {
                continue;
            }
            let end = tokens[k + 1..]
                .iter()
                .find(|t| matches!(t.text.as_str(), "," | ";" | ":"))
                .map_or(len, |t| t.start);
            out.push((t.start, end));
        }
        out
    }

    /// Past time expressions after the trigger, each separated from the next by "and".
    fn coordinated_times(
        &self,
        sentence: &str,
        times: &[time::Found],
        trigger_end: usize,
        clause_end: usize,
    ) -> Vec<time::Found> {
        let after: Vec<&time::Found> = times
            .iter()
            .filter(|t| t.start >= trigger_end && t.end <= clause_end)
            .collect();
        if after.len() < 2 {
            return Vec::new();
        }
        let lower = sentence.to_lowercase();
        for pair in after.windows(2) {
            let between = lower.get(pair[0].end..pair[1].start).unwrap_or("");
            if !between.contains(" and ") || between.len() > 40 {
                return Vec::new();
            }
        }
        if after.iter().any(|t| self.future_before(&lower, 0, t.start)) {
            return Vec::new();
        }
        after.into_iter().cloned().collect()
    }

    fn future_before(&self, lower: &str, from: usize, to: usize) -> bool {
        self.triggers.future_between(lower, from, to)
    }

    /// The time of the happening: the past expression nearest the trigger in its clause, else in
    /// the sentence; a future one only when there is no other ("will end in September 2026"
    /// dates the statement when the sentence also says "earlier in July").
    fn pick_date(
        &self,
        sentence: &str,
        times: &[time::Found],
        (ts, te): (usize, usize),
        (cs, ce): (usize, usize),
        anchor: Option<jiff::civil::Date>,
    ) -> Option<TimeValue> {
        if times.is_empty() {
            return None;
        }
        let lower = sentence.to_lowercase();
        let dist = |t: &time::Found| {
            if t.end <= ts {
                ts - t.end
            } else {
                t.start.saturating_sub(te)
            }
        };
        let future = |t: &time::Found| {
            let clause_start = if t.start >= cs { cs } else { 0 };
            self.future_before(&lower, clause_start, t.start)
        };
        let in_clause = |t: &&time::Found| t.start >= cs && t.end <= ce;
        let pick = times
            .iter()
            .filter(in_clause)
            .filter(|t| !future(t))
            .min_by_key(|t| dist(t))
            .or_else(|| times.iter().filter(|t| !future(t)).min_by_key(|t| dist(t)));
        if let Some(t) = pick {
            return Some(time::resolve_mention(&t.text, anchor, Tense::Past));
        }
        let t = times.iter().filter(in_clause).min_by_key(|t| dist(t))?;
        Some(time::resolve_mention(&t.text, anchor, Tense::Future))
    }

    /// A gazetteer place in `from..to` after a locative preposition, the one nearest after the
    /// trigger first.
    fn pick_place(
        &self,
        body: &str,
        place_hits: &[PlaceHit],
        from: usize,
        to: usize,
        trigger: usize,
    ) -> Option<Place> {
        const LOCATIVE: &[&str] = &[
            "in",
            "at",
            "near",
            "outside",
            "inside",
            "across",
            "around",
            "throughout",
            "of",
            "from",
            "to",
            "into",
            "towards",
            "toward",
            "on",
            "over",
        ];
        // Place hits are sorted by start: the span's are one slice of them.
        let lo = place_hits.partition_point(|p| p.start < from);
        let hi = place_hits.partition_point(|p| p.start < to);
        let candidates: Vec<&PlaceHit> = place_hits[lo..hi]
            .iter()
            .filter(|p| p.start >= from && p.end <= to)
            .filter(|p| {
                let before = body[..p.start].trim_end();
                let word = before
                    .rsplit(|c: char| c.is_whitespace())
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                LOCATIVE.contains(&word.as_str())
                    || word == "the" && {
                        let b2 = before[..before.len() - 3].trim_end();
                        let w2 = b2.rsplit(' ').next().unwrap_or("").to_lowercase();
                        LOCATIVE.contains(&w2.as_str())
                    }
            })
            .collect();
        candidates
            .iter()
            .find(|p| p.start >= trigger)
            .or_else(|| candidates.first())
            .map(|p| self.places.place(p.place).clone())
    }

    /// Fills gaps from the happening a mention refers back to or continues.
    fn inherit(
        &self,
        drafts: &mut [Draft],
        sentences: &[(usize, usize)],
        body: &str,
        anchor: Option<jiff::civil::Date>,
    ) {
        // Whether each sentence reports speech, read once: the passes below ask for every pair.
        let speech: Vec<bool> = sentences
            .iter()
            .map(|&(s, e)| REPORTING.is_match(&body[s..e]))
            .collect();
        let reports = |d: &Draft| speech.get(d.sentence).copied().unwrap_or(false);
        for i in 0..drafts.len() {
            let (before, rest) = drafts.split_at_mut(i);
            let d = &mut rest[0];
            // The happening referred back to: same type for "the meeting", any type within the
            // last two sentences for "They discussed".
            let antecedent = if d.anaphoric {
                before
                    .iter()
                    .rev()
                    .find(|p| p.event_type == d.event_type && p.sentence < d.sentence)
            } else if d.continuation {
                before
                    .iter()
                    .rev()
                    .find(|p| p.sentence < d.sentence && d.sentence - p.sentence <= 2)
            } else {
                None
            };
            if let Some(a) = antecedent {
                if d.date.is_none() {
                    d.date = a.date.clone();
                }
                if d.place.is_none() {
                    d.place = a.place.clone();
                }
                // Same happening: its participants are this mention's too.
                for x in &a.actors {
                    if !d.actors.iter().any(|y| y.0 == x.0) {
                        d.actors.push(x.clone());
                    }
                }
            }
            // An actorless happening right after one of the same kind continues its participants
            // ("She was 10 at the time of her abduction"; "A third round is expected soon" after
            // "two rounds of talks with the US").
            if d.actors.is_empty()
                && let Some(p) = before.iter().rev().find(|p| {
                    p.sentence + 1 == d.sentence
                        && !p.actors.is_empty()
                        && (p.event_type == d.event_type || d.mode == "intent to meet")
                })
            {
                d.actors = p.actors.clone();
            }
            // A definite reference with no antecedent in the body and no date of its own (the
            // lead is missing): date it from the sentence just before, if that one has a time.
            if d.anaphoric && antecedent.is_none() && d.date.is_none() && d.sentence > 0 {
                let (ps, pe) = sentences[d.sentence - 1];
                let prev = &body[ps..pe];
                d.date = time::scan(prev)
                    .first()
                    .map(|t| time::resolve_mention(&t.text, anchor, Tense::Past))
                    .filter(|v| v.value.is_some());
            }
        }
        let snapshot: Vec<Draft> = drafts.to_vec();
        // Paragraph of each sentence: a blank line or a line break between them starts a new one.
        let mut paragraphs = Vec::with_capacity(sentences.len());
        let mut p = 0usize;
        for (i, &(s, _)) in sentences.iter().enumerate() {
            if i > 0 && body[sentences[i - 1].1..s].contains('\n') {
                p += 1;
            }
            paragraphs.push(p);
        }
        let paragraph = |s: usize| paragraphs.get(s).copied().unwrap_or(0);
        for d in drafts.iter_mut() {
            if d.date.is_some() || d.anaphoric || d.standalone {
                continue;
            }
            // Same happening told twice nearby: the date of a dated mention of the same type
            // with the same source, within two sentences. Drafts are in sentence order, so the
            // candidates are one window of them.
            let lo = snapshot.partition_point(|p| p.sentence + 2 < d.sentence);
            let hi = snapshot.partition_point(|p| p.sentence <= d.sentence + 2);
            let mut near: Vec<&Draft> = snapshot[lo..hi]
                .iter()
                .filter(|p| p.sentence != d.sentence && p.sentence.abs_diff(d.sentence) <= 2)
                .filter(|p| p.event_type == d.event_type)
                .filter(|p| p.date.as_ref().is_some_and(|v| v.value.is_some()))
                .filter(|p| self.share_source(&p.actors, &d.actors))
                .collect();
            near.sort_by_key(|p| (p.sentence.abs_diff(d.sentence), p.sentence > d.sentence));
            if let Some(p) = near.first() {
                d.date = p.date.clone();
                continue;
            }
            // What a speaker says in an article is, unless dated otherwise, the statement already
            // dated ("the YPJ said in a statement on Thursday" … "The force said …").
            if reports(d)
                && let Some(p) = snapshot.iter().rev().find(|p| {
                    p.sentence < d.sentence
                        && reports(p)
                        && p.date.as_ref().is_some_and(|v| v.value.is_some())
                        && self.share_source(&p.actors, &d.actors)
                })
            {
                d.date = p.date.clone();
                continue;
            }
            // A sentence that goes on about a happening of the same kind (the same CAMEO quad
            // class: material conflict, verbal cooperation…) by the same source, in the same
            // paragraph, continues it: "Turkish jets struck … on Monday. They also shelled …"
            // The nearest such dated mention before it gives the date. (Any shared actor, or the
            // next paragraph too, dated background sentences wrongly on the samples.)
            let para = paragraph(d.sentence);
            let start = snapshot.partition_point(|p| p.sentence < d.sentence);
            if let Some(p) = snapshot[..start]
                .iter()
                .rev()
                .take_while(|p| paragraph(p.sentence) == para)
                .find(|p| {
                    p.sentence < d.sentence
                        && para == paragraph(p.sentence)
                        && self.quad_class(p.event_type) == self.quad_class(d.event_type)
                        && p.date.as_ref().is_some_and(|v| v.value.is_some())
                        && self.share_source(&p.actors, &d.actors)
                })
            {
                d.date = p.date.clone();
            }
        }
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

    /// The CAMEO quad class of a type (`[quad_class]` in `data/events.toml`).
    fn quad_class(&self, t: EventType) -> Option<&str> {
        self.quad_classes.get(&t).map(String::as_str)
    }

    fn share_source(
        &self,
        a: &[(Who, Side, usize, usize)],
        b: &[(Who, Side, usize, usize)],
    ) -> bool {
        let sources = |v: &[(Who, Side, usize, usize)]| -> Vec<Who> {
            v.iter()
                .filter(|x| x.1 == Side::Source)
                .map(|x| x.0.clone())
                .collect()
        };
        let (sa, sb) = (sources(a), sources(b));
        sa.iter().any(|x| sb.contains(x))
    }

    fn finish(&self, article: &Article, drafts: Vec<Draft>) -> Vec<EventMention> {
        let body = article.body.as_str();
        let mut out: Vec<EventMention> = Vec::new();
        let mut kept: Vec<Draft> = Vec::new();
        for d in drafts {
            // Nobody acting or suffering: nothing to match or merge — unless people were killed,
            // injured or arrested, which is a happening whoever did it.
            if d.actors.is_empty() && d.counts.is_empty() {
                continue;
            }
            // A reference back with no antecedent and no date is a lead the copy lost.
            if d.anaphoric && d.date.is_none() {
                continue;
            }
            // One mention per (sentence, happening).
            let value = |x: &Draft| x.date.as_ref().and_then(|v| v.value.clone());
            // Drafts come in sentence order: only the tail of `kept` can share the sentence.
            if let Some(k) = kept
                .iter_mut()
                .rev()
                .take_while(|k| k.sentence == d.sentence)
                .find(|k| {
                    k.sentence == d.sentence
                        && k.event_type == d.event_type
                        && (value(k) == value(&d) || value(k).is_none() || value(&d).is_none())
                })
            {
                if k.date.as_ref().and_then(|v| v.value.as_ref()).is_none() {
                    k.date = d.date.clone();
                }
                if k.place.is_none() {
                    k.place = d.place.clone();
                }
                for a in d.actors {
                    if !k.actors.iter().any(|x| x.0 == a.0) {
                        k.actors.push(a);
                    }
                }
                continue;
            }
            kept.push(d);
        }
        let mut per_sentence: std::collections::HashMap<usize, usize> = Default::default();
        for d in kept {
            let n = per_sentence.entry(d.sentence).or_insert(0);
            *n += 1;
            let (s, e) = d.span;
            let mut actors: Vec<ActorRef> = Vec::new();
            let day = d
                .date
                .as_ref()
                .and_then(|v| v.bounds())
                .map(|(a, _)| a)
                .or(article.anchor_date());
            for (who, side, a_s, a_e) in &d.actors {
                let r = self.actor_ref(who, *side, body.get(*a_s..*a_e), day);
                if !actors.iter().any(|x| x.name == r.name) {
                    actors.push(r);
                }
            }
            let confidence = confidence(&d, &actors);
            let date = match d.date {
                Some(v) => v,
                // No time in the sentence and none to continue: all that is known is that it
                // happened before the article reported it.
                None => TimeValue {
                    basis: article
                        .anchor_date()
                        .map(|p| format!("on or before publication ({p})")),
                    ..TimeValue::default()
                },
            };
            out.push(EventMention {
                id: format!("{}:{}:{}", article.id, s, n),
                capture: article.capture.clone(),
                article: article.id.clone(),
                outlet: article.outlet.clone(),
                event_type: d.event_type,
                mode: Some(d.mode).filter(|m| !m.is_empty()),
                date,
                place: d.place,
                actors,
                counts: d.counts,
                evidence: Evidence {
                    sentence: body[s..e].to_owned(),
                    start: s,
                    end: e,
                },
                claim: None,
                confidence,
            });
        }
        out
    }

    /// The mention's view of an actor; an actor whose code changed over time (an office holder)
    /// is read as of `day`.
    fn actor_ref(
        &self,
        who: &Who,
        side: Side,
        text: Option<&str>,
        day: Option<jiff::civil::Date>,
    ) -> ActorRef {
        match who {
            Who::Known(a) => {
                let x = &self.actors.actors[*a];
                let (country, sector) = self.actors.code_on(*a, day);
                ActorRef {
                    name: x.name.clone(),
                    role: x.role.clone(),
                    organisation: x.organisation.clone(),
                    country,
                    sector,
                    side,
                    text: text.map(str::to_owned),
                }
            }
            Who::Unknown {
                name,
                role,
                country,
                sector,
            } => ActorRef {
                name: name.clone(),
                role: role.clone(),
                organisation: None,
                country: country.clone(),
                sector: sector.clone(),
                side,
                text: text.map(str::to_owned),
            },
        }
    }
}

/// Mentions below this confidence are left out of `events`, `timeline` and `report` (but printed
/// by `extract --events`). Chosen on the dev sets for precision: see `cargo xtask eval-events`.
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.7;

/// What a mention with no date at all loses.
const UNDATED: f32 = 0.1;

/// What a clause loses when the dictionary and the hand triggers read it differently.
const DISPUTED: f32 = 0.15;

/// What the coding phrase alone is worth: a CAMEO verb with a matching phrase pattern is the
/// field's most specific knowledge; a hand-written trigger comes next; a verb read only by its
/// dictionary block, or a noun inside another clause, least.
fn phrase_confidence(t: &triggers::Trigger, priority: u32, standalone: bool) -> f32 {
    match (t.from_verb, priority >= VERB_PATTERN_PRIORITY, standalone) {
        (true, true, _) => 0.7,
        (true, false, _) => 0.5,
        (false, _, false) => 0.6,
        (false, _, true) => 0.45,
    }
}

/// The mention's confidence: its phrase, raised by a resolved source and target and a date of
/// its own, lowered when nobody is named as acting.
fn confidence(d: &Draft, actors: &[ActorRef]) -> f32 {
    let mut c = d.phrase;
    // A named source (a person, a body, a state) says who acted; a generic agent ("gunmen",
    // "troops") with no country says little more than the verb.
    let named = |a: &&ActorRef| {
        a.side == Side::Source && (a.role.is_some() || a.sector.is_none() || a.country.is_some())
    };
    let source = actors
        .iter()
        .find(named)
        .or_else(|| actors.iter().find(|a| a.side == Side::Source));
    c += match source {
        Some(a) if a.country.is_some() || a.organisation.is_some() => 0.15,
        Some(a) if a.sector.is_some() && a.role.is_none() => 0.0,
        Some(_) => 0.1,
        None => -0.1,
    };
    if actors.iter().any(|a| a.side == Side::Target) {
        c += 0.05;
    }
    // A report of a happening dates it; a sentence with no time of its own and nothing to
    // continue is more often background or a claim.
    if d.own_date {
        c += 0.05;
    } else if d.date.as_ref().is_none_or(|v| v.value.is_none()) {
        c -= UNDATED;
    }
    if d.anaphoric {
        c -= 0.05;
    }
    // Two decimals: finer steps mean nothing and would show as float noise.
    (c.clamp(0.05, 0.99) * 100.0).round() / 100.0
}

/// Names that may overlap one place: a handful at most (a name inside a longer name).
const OVERLAP_LOOKBACK: usize = 8;

/// How many names back a pronoun looks for its antecedent.
const PRONOUN_REACH: usize = 6;

/// What a subject pronoun can stand for.
#[derive(Clone, Copy, PartialEq)]
enum Pronoun {
    Person,
    Body,
}

/// The pronoun that opens a clause's subject ("he", "she", "it"), when nothing else stands
/// before the verb but adverbs and auxiliaries.
fn pronoun_subject(before_verb: &str) -> Option<Pronoun> {
    let words: Vec<&str> = before_verb
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let first = *words.first()?;
    let kind = match first {
        "he" | "she" => Pronoun::Person,
        "it" => Pronoun::Body,
        _ => return None,
    };
    // "He also said", "it has been": a short run of auxiliaries and adverbs only.
    (words.len() <= 4).then_some(kind)
}

// How dictionary verbs and hand triggers (priorities 69–95 in `events.toml`) rank in a clause.
// Measured on both dev sets (`cargo xtask eval-events`): CAMEO readings above every hand trigger
// raised the PLOVER figures and cost the samples a third of their precision; hand triggers above
// every reading did the reverse. Two or more pattern words are the field's most specific
// knowledge; one word (often just a preposition) is not.

/// A CAMEO verb matched by a pattern of fewer than [`STRONG_PATTERN`] words: below the hand
/// triggers.
const VERB_PATTERN_PRIORITY: u32 = 66;
/// Pattern words (besides the verb) that make a reading outrank every hand trigger.
const STRONG_PATTERN: usize = 2;
/// A CAMEO verb matched by a pattern of [`STRONG_PATTERN`] words or more: above every hand trigger.
const STRONG_PATTERN_PRIORITY: u32 = 96;
/// A hand trigger on a noun that is the object of a finite verb: below every verb reading.
const OBJECT_NOUN_PRIORITY: u32 = 55;
/// A CAMEO verb read by its block's usual reading: below the hand triggers' nouns and verbs.
const VERB_DEFAULT_PRIORITY: u32 = 60;
/// Any trigger inside a subordinate clause: below every trigger of the clause it hangs on.
const SUBORDINATE_PRIORITY: u32 = 50;

/// Byte spans of the words of folded text: runs of letters, digits and inner apostrophes.
fn word_spans(f: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in f.char_indices() {
        let inner = c.is_alphanumeric() || c == '\'' && start.is_some();
        match (inner, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, f.len()));
    }
    out
}

/// Whether token `i` heads a clause's own verb phrase, as PETRARCH codes only the verb phrase of
/// a clause: a finite verb ("struck", "signs"), a base form after a modal or "to" ("will meet",
/// "decided to withdraw"), a participle after "be" or "have" ("was killed", "has signed",
/// "are fighting"). Gerunds and participles standing alone modify something else ("boosting
/// the capabilities", "forces backed by Iran").
fn finite(tokens: &[dateline_tagger::Token], i: usize) -> bool {
    use dateline_tagger::Tag;
    let aux = |want: &dyn Fn(&str, Tag) -> bool| {
        tokens[..i]
            .iter()
            .rev()
            .take(4)
            .take_while(|t| {
                t.tag.is_verb() || matches!(t.tag, Tag::RB | Tag::MD | Tag::TO) || t.text == "not"
            })
            .any(|t| want(&t.text.to_ascii_lowercase(), t.tag))
    };
    let be = |w: &str| {
        matches!(
            w,
            "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am" | "'s" | "'re"
        )
    };
    let have = |w: &str| matches!(w, "has" | "have" | "had" | "having" | "'ve");
    // After a determiner, a possessive or an adjective the word heads a noun phrase whatever the
    // tagger said ("US retaliatory strikes", "the group's attacks").
    if i > 0
        && matches!(
            tokens[i - 1].tag,
            Tag::DT | Tag::PRPS | Tag::POS | Tag::JJ | Tag::JJR | Tag::JJS | Tag::CD
        )
    {
        return false;
    }
    match tokens[i].tag {
        Tag::VBD | Tag::VBZ | Tag::VBP => true,
        // After "to" the verb completes another ("agreed to set up"): that one is coded.
        Tag::VB => aux(&|w, t| t == Tag::MD || matches!(w, "do" | "does" | "did")),
        Tag::VBN => aux(&|w, _| be(w) || have(w) || w == "got" || w == "get"),
        Tag::VBG => aux(&|w, _| be(w)),
        _ => false,
    }
}

/// Whether word `i` can be a verb here: not after a determiner, possessive or preposition that
/// makes it a noun ("the attack", "its visit", "of killing").
fn looks_verbal(words: &[&str], i: usize) -> bool {
    const NOMINAL: &[&str] = &[
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
        "my", "your", "of", "any", "no", "every", "each", "such", "another", "s", "for", "new",
        "recent", "latest", "first", "last", "further",
    ];
    i == 0 || !NOMINAL.contains(&words[i - 1])
}

/// Byte offset where the dateline prefix ends in the body (0 when there is none): the place a
/// story is filed from is not where its events happened.
fn dateline_end(article: &Article) -> usize {
    let Some(place) = article.dateline.as_deref() else {
        return 0;
    };
    let body = &article.body;
    let head_end = body
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= 120)
        .unwrap_or(body.len());
    let head = &body[..head_end];
    match head.find(place) {
        Some(i) => {
            let after = i + place.len();
            // Up to and including the dash that closes the dateline ("Baghdad ( –"), if it
            // follows at once; "Shafaq News - Damascus Syrian forces" has none after the place.
            head[after..]
                .char_indices()
                .take(6)
                .find(|(_, c)| matches!(c, '-' | '–' | '—'))
                .map_or(after, |(d, c)| after + d + c.len_utf8())
        }
        None => 0,
    }
}

/// Clause bounds in a folded sentence: semicolons, and commas before a coordinator or a
/// subordinator that opens a new happening (", and", ", following", ", when").
fn clauses(f: &str) -> Vec<(usize, usize)> {
    const OPENERS: &[&str] = &[
        ", and ",
        ", but ",
        ", while ",
        ", following ",
        ", after ",
        ", when ",
        ", as ",
        "; ",
        ", whereas ",
        ", before ",
        // A relative clause tells another happening ("Sharon, who has vowed …"). (", where"
        // also opens one, but its subject is often the main clause's: "soldiers are stationed
        // in Iraq, where they have trained Iraqi forces".)
        ", which ",
        ", who ",
    ];
    let mut cuts: Vec<usize> = Vec::new();
    for o in OPENERS {
        let mut from = 0;
        while let Some(i) = f[from..].find(o) {
            cuts.push(from + i);
            from += i + o.len();
        }
    }
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = 0;
    for c in cuts {
        if c > start {
            out.push((start, c));
            start = c;
        }
    }
    out.push((start, f.len()));
    out
}

/// "was rescued", "were killed", "has been detained": the subject undergoes the happening (but
/// "has been contributing" is progressive).
fn passive_before(f: &str, start: usize) -> bool {
    let verb = f[start..].split_whitespace().next().unwrap_or("");
    let participle = verb.ends_with("ed")
        || verb.ends_with("en")
        || verb.ends_with("wn")
        || matches!(
            verb,
            "held" | "hit" | "shot" | "struck" | "led" | "seen" | "met" | "fought"
        );
    if !participle {
        return false;
    }
    // "is opposed to", "are committed to", "was concerned about": a state of the subject, which
    // stays the one that acts (the preposition, not an agent, follows).
    let next = f[start..].split_whitespace().nth(1).unwrap_or("");
    if matches!(next, "to" | "about" | "with" | "that") {
        return false;
    }
    let words: Vec<&str> = f[..start].split_whitespace().rev().take(2).collect();
    let aux = |w: &str| matches!(w, "was" | "were" | "been" | "being" | "is" | "are");
    match words.as_slice() {
        [w, ..] if aux(w) => true,
        [adv, w, ..] if aux(w) && adv.ends_with("ly") => true,
        _ => false,
    }
}

/// Source before the trigger, target after — or, in the passive, source from "by X" after it.
fn assign_sides(
    body: &str,
    pool: &[&ActorHit],
    trig_start: usize,
    trig_end: usize,
    passive: bool,
) -> Vec<(Who, Side, usize, usize)> {
    let mut out = Vec::new();
    let by_at = if passive {
        body.get(trig_end..)
            .and_then(|rest| rest.find(" by ").filter(|&i| i < 40))
            .map(|i| trig_end + i)
    } else {
        None
    };
    for a in pool {
        let side = if a.end <= trig_start {
            if passive { Side::Target } else { Side::Source }
        } else if passive {
            match by_at {
                Some(b) if a.start > b && a.start < b + 60 => Side::Source,
                _ => Side::Participant,
            }
        } else {
            Side::Target
        };
        out.push((a.who.clone(), side, a.start, a.end));
    }
    out
}
