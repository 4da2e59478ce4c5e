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
//!    happening nobody did or suffered cannot be matched or merged (unless it counts casualties
//!    or is an attack the sentence places).

pub mod actors;
mod agents;
mod attribution;
pub mod cameo;
mod claims;
mod coding;
mod confidence;
pub mod counts;
mod discards;
mod field;
pub mod fold;
mod grammar;
mod inherit;
pub mod lexicon;
mod mention;
mod modality;
pub mod phrases;
pub mod places;
pub mod sentences;
pub mod triggers;
mod verbs;

use actors::{ActorHit, ActorIndex, Who};
use coding::{ArticleText, SentenceCoder};
pub use confidence::DEFAULT_MIN_CONFIDENCE;
use dateline_core::Article;
use dateline_core::event::{Counts, EventMention, EventType, Place, Side};
use dateline_core::time::TimeValue;
use grammar::{finite, word_spans};
use lexicon::{EventsFile, Lexicon};
pub use mention::UNIDENTIFIED;
use places::{PlaceHit, PlaceIndex};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::Path;
use triggers::TriggerIndex;

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
    /// Support verbs, from `[grammar] light_verbs`.
    light_verbs: Vec<String>,
    /// CAMEO codes a verb gives only through a pattern, from `[grammar] pattern_only_codes`.
    pattern_only_codes: Vec<String>,
    /// Nouns of records made public, from `[grammar] record_nouns`.
    record_nouns: phrases::FastSet<String>,
    /// The end of a role's description ("commander of joint "), from `[people] role_heads`.
    role_of: regex::Regex,
    /// Words that open a subordinate clause, from `[grammar] subordinators`.
    subordinators: Vec<String>,
    /// Prepositions that open a clause when a finite verb follows, from `[grammar]
    /// clause_prepositions`.
    clause_prepositions: Vec<String>,
    /// Nouns of a crowd, from `[grammar] crowd_nouns`.
    crowd_nouns: Vec<String>,
    /// The `[grammar]` lists the clause reading asks about for every token, as one map.
    word_classes: verbs::WordClasses,
    /// `[[intent]]` of `events.toml`.
    intent: Vec<Intent>,
    agents: agents::AgentIndex,
    tagger: dateline_tagger::Tagger,
    attribution: attribution::Attribution,
    claims: claims::ClaimIndex,
    cameo: cameo::CameoIndex,
    /// The trigger id of each PLOVER reading of a dictionary verb.
    verb_triggers: HashMap<(EventType, String, bool), usize>,
    actors: ActorIndex,
    places: PlaceIndex,
    /// Words after which a gazetteer place is where the happening was, from `data/names.toml`.
    event_locatives: Vec<String>,
    /// Words that make a place name after them part of a place ("in western Anbar").
    place_modifiers: Vec<String>,
    /// The words of the armed sectors (`armed` in `data/sectors.toml`).
    armed_sectors: Vec<String>,
    /// The words of the domestic sectors (`domestic` in `data/sectors.toml`).
    domestic_sectors: Vec<String>,
    /// Words of an agent's phrase that make it the home government's side (`home_side` in
    /// `data/sectors.toml`).
    home_side: Vec<String>,
    /// The word of the sector of an unidentified doer (see `Extractor::unidentified`).
    unidentified_sector: Option<String>,
    /// The word of a state's government sector (`GOV`).
    government_sector: Option<String>,
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

/// An actor of a happening: who, on which side, and the body span that names them.
type SidedActor = (Who, Side, usize, usize);

/// The type and mode an announced intention is coded as, and the happening types (and modes,
/// when given) whose intention is coded so (`[[intent]]` of `events.toml`).
type Intent = (EventType, String, Vec<EventType>, Vec<String>);

/// A mention while the article is being read, before inheritance fills its gaps.
#[derive(Debug, Clone)]
struct Draft {
    sentence: usize,
    span: (usize, usize),
    event_type: EventType,
    mode: String,
    /// Refers back to a happening already reported ("the meeting", "the joint operation").
    anaphoric: bool,
    /// The reference back found the happening it names earlier in the article.
    resolved: bool,
    /// Opens with a subject that continues the previous sentence ("They", "The two sides").
    continuation: bool,
    /// A nominal happening inside another clause ("anger over US strikes on X").
    standalone: bool,
    actors: Vec<SidedActor>,
    /// `None` when the sentence gives no time for it.
    date: Option<TimeValue>,
    place: Option<Place>,
    counts: Counts,
    /// The figures of its own clause only: its counts when another doer's happening of the
    /// same kind shares the sentence.
    clause_counts: Counts,
    /// How much the phrase that coded it says on its own (see [`confidence::phrase_confidence`]).
    phrase: f32,
    /// The date came from the sentence itself, not from a happening it continues.
    own_date: bool,
    /// Told in the present perfect ("has refused"): the news itself, though the sentence
    /// gives no time.
    recent: bool,
    /// Its verb narrates in the past ("struck", "was killed", "had asked").
    narrated: bool,
    /// Whom it struck as printed ("several people", "a village"), when no dictionary names
    /// them: its target when nothing else is (see `SentenceCoder::whom_it_struck`).
    struck: Option<(usize, usize, String)>,
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
                // Towns and regions: a country's own names stay the state's (metonyms, a place
                // only after a locative), its capital too ("Cairo said").
                let places: phrases::FastSet<String> = lexicon
                    .places
                    .place
                    .iter()
                    .filter(|p| p.kind != "country" && !p.capital)
                    .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
                    .map(|s| fold::fold_key(s))
                    .collect();
                ActorIndex::build(
                    &crate::lexicon::ActorsFile {
                        actor: field::merge(
                            &lexicon.actors.actor,
                            &lexicon.field.actors,
                            &lexicon.sectors,
                            &places,
                        ),
                        ..lexicon.actors.clone()
                    },
                    &lexicon.names,
                )
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
        let tagger = dateline_tagger::Tagger::bundled().map_err(|e| LexiconError::Invalid {
            file: "tagger/".into(),
            reason: e.to_string(),
        })?;
        let function_word = |w: &str| {
            tagger
                .lexicon_tag(w)
                .is_some_and(dateline_tagger::Tag::is_function_word)
        };
        let cameo = cameo::CameoIndex::build(&lexicon.field.verbs, &function_word)?;
        let mut triggers = TriggerIndex::build(&lexicon.events)?;
        let verb_triggers = verb_triggers(&cameo, &mut triggers);
        let pattern_only_codes = lexicon.events.grammar.pattern_only_codes.clone();
        let record_nouns = lexicon
            .events
            .grammar
            .record_nouns
            .iter()
            .cloned()
            .collect();
        let subordinators = lexicon.events.grammar.subordinators.clone();
        let clause_prepositions = lexicon.events.grammar.clause_prepositions.clone();
        let intent = intents(&lexicon.events)?;
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
        let event_locatives = lexicon.names.places.event_locatives.clone();
        let place_modifiers = lexicon.names.places.place_modifiers.clone();
        // Sector codes as the words agents carry.
        let sector_words = |codes: &[String]| -> Vec<String> {
            (codes.iter())
                .filter_map(|code| lexicon.sectors.sector.get(code).cloned())
                .collect()
        };
        let armed_sectors = sector_words(&lexicon.sectors.armed);
        let domestic_sectors = sector_words(&lexicon.sectors.domestic);
        let home_side = lexicon.sectors.home_side.clone();
        let unidentified_sector = (lexicon.sectors.sector)
            .get(mention::UNIDENTIFIED_SECTOR)
            .cloned();
        let government_sector = (lexicon.sectors.sector)
            .get(mention::GOVERNMENT_SECTOR)
            .cloned();
        let role_of = role_of(&lexicon.names.people.role_heads)?;
        Ok(Box::new(move |actors| Extractor {
            grammar_words,
            role_of,
            discards,
            light_verbs: lexicon.events.grammar.light_verbs.clone(),
            pattern_only_codes,
            record_nouns,
            subordinators,
            clause_prepositions,
            crowd_nouns: lexicon.events.grammar.crowd_nouns.clone(),
            word_classes: verbs::WordClasses::build(&lexicon.events.grammar),
            intent,
            tagger,
            agents,
            attribution,
            claims,
            cameo,
            verb_triggers,
            actors,
            places,
            event_locatives,
            place_modifiers,
            armed_sectors,
            domestic_sectors,
            home_side,
            unidentified_sector,
            government_sector,
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
        let hits = self
            .agents
            .attach(body, folded, &self.actors, &self.tagger, named);
        let hits = self.actors.owned_bodies(body, hits);
        let hits = self.actors.fold_titles(body, hits);
        actors::introduced_short_forms(body, hits)
    }

    fn who_name(&self, who: &Who) -> String {
        match who {
            Who::Known(a) => self.actors.actors[*a].name.clone(),
            Who::Unknown { name, .. } => name.clone(),
        }
    }

    /// How the coder reads one sentence, for people tuning the lexicon: its words with their
    /// part of speech, the dictionary verbs with their readings, the actors found, and what it
    /// codes for the sentence on its own (type, mode, confidence, sides).
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
        self.explain_verbs(&mut out, sentence, &fs, &tokens);
        // What the coder ranks: every trigger after the dictionary's readings, demotions done.
        let mut hits = self.triggers.find(f);
        let actors = self.find_actors(sentence, &fs, None);
        let entities: Vec<(usize, usize)> = actors.iter().map(|a| (a.start, a.end)).collect();
        let _ = self.add_verb_hits(sentence, &fs, &entities, &mut hits);
        for h in &hits {
            let t = &self.triggers.triggers[h.trigger];
            let (os, oe) = fs.original_span(h.start, h.end);
            let _ = writeln!(
                out,
                "hit:    {:?} {} {} priority={} finite={}",
                &sentence[os..oe],
                t.event_type,
                t.mode,
                h.priority,
                h.finite
            );
        }
        for a in actors {
            let _ = writeln!(
                out,
                "actor:  {:?} = {}",
                &sentence[a.start..a.end],
                self.who_name(&a.who)
            );
        }
        for m in self.mentions(&alone(sentence)) {
            let sides: Vec<String> = m
                .actors
                .iter()
                .map(|a| format!("{} ({:?})", a.name, a.side))
                .collect();
            let _ = writeln!(
                out,
                "coded:  {} {} {:.2} [{}]",
                m.event_type,
                m.mode.as_deref().unwrap_or("-"),
                m.confidence,
                sides.join(", ")
            );
        }
        out
    }

    /// `explain`'s "verb:" lines: every dictionary verb of the sentence with its reading, read
    /// with every word counting as a possible verb.
    fn explain_verbs(
        &self,
        out: &mut String,
        sentence: &str,
        fs: &fold::Folded,
        tokens: &[dateline_tagger::Token],
    ) {
        use std::fmt::Write;
        let f = fs.text.as_str();
        let spans = word_spans(f);
        let words: Vec<&str> = spans.iter().map(|&(s, e)| &f[s..e]).collect();
        // Names as printed: a bare prepositional group reads before a capitalised word.
        let capitalised = |i: usize| {
            let (os, _) = fs.original_span(spans[i].0, spans[i].1);
            sentence[os..].starts_with(char::is_uppercase)
        };
        let facts = cameo::WordFacts {
            is_verb: &|_| true,
            in_phrase: &|_| false,
            base_verb: &|_| false,
            closes_phrase: &|_| false,
            name: &capitalised,
            whole: &|_, _| true,
        };
        let found = (self.cameo).find(&words, &facts);
        for v in found {
            let (os, oe) = fs.original_span(spans[v.first].0, spans[v.last - 1].1);
            let at = tokens.partition_point(|t| t.end <= os);
            let finite = at < tokens.len() && finite(tokens, at);
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
    }

    /// Every event mention in the article's body, in body order.
    pub fn mentions(&self, article: &Article) -> Vec<EventMention> {
        let mut out = Vec::new();
        self.each_mention(article, &mut |m| out.push(m));
        out
    }

    /// The mentions of many articles, handed out article by article in their order: articles of
    /// ordinary length are coded side by side, and a long one (past [`WINDOW_BYTES`]) by
    /// [`Extractor::each_mention`], so memory holds short articles' mentions only.
    pub fn each_mention_of<'a>(
        &self,
        articles: &[&'a Article],
        sink: &mut dyn FnMut(&'a Article, EventMention),
    ) {
        let short: Vec<Option<Vec<EventMention>>> = articles
            .par_iter()
            .map(|a| (a.body.len() <= WINDOW_BYTES).then(|| self.mentions(a)))
            .collect();
        for (&article, coded) in articles.iter().zip(short) {
            match coded {
                Some(mentions) => mentions.into_iter().for_each(|m| sink(article, m)),
                None => self.each_mention(article, &mut |m| sink(article, m)),
            }
        }
    }

    /// [`Extractor::mentions`], handed out as they are coded: a body longer than
    /// [`WINDOW_BYTES`] is coded a window of whole paragraphs at a time, so memory holds one
    /// window's mentions (a few KB each) instead of every mention of an unboundedly long text.
    pub fn each_mention(&self, article: &Article, sink: &mut dyn FnMut(EventMention)) {
        let body = article.body.as_str();
        let dateline_end = dateline_end(article);
        let windows = windows(body, WINDOW_BYTES);
        if let [(start, end)] = windows[..] {
            let folded = fold::fold(body);
            // Sports, entertainment, history: the field does not code such stories.
            if !self.discards.story(&folded.text) {
                self.window_mentions(article, start..end, folded, dateline_end)
                    .into_iter()
                    .for_each(sink);
            }
            return;
        }
        if self.discards.story(&fold::fold_text(body)) {
            return;
        }
        // Windows are independent, so a long body's are coded side by side, a few at a time:
        // memory holds as many windows' mentions as there are threads, and the order is the
        // body's.
        let side_by_side = rayon::current_num_threads().max(1);
        for group in windows.chunks(side_by_side) {
            let coded: Vec<Vec<EventMention>> = group
                .par_iter()
                .map(|&(start, end)| {
                    let folded = fold::fold(&body[start..end]);
                    self.window_mentions(article, start..end, folded, dateline_end)
                })
                .collect();
            coded.into_iter().flatten().for_each(&mut *sink);
        }
    }

    /// The mentions of `article.body[window]` (folded as `folded`), offsets and ids in the whole
    /// body's terms.
    fn window_mentions(
        &self,
        article: &Article,
        window: std::ops::Range<usize>,
        folded: fold::Folded,
        dateline_end: usize,
    ) -> Vec<EventMention> {
        let offset = window.start;
        let body = &article.body[window];
        let anchor = article.anchor_date();
        // The dateline names where the story was filed, not who acted.
        let dateline_end = dateline_end.saturating_sub(offset);
        let mut actor_hits: Vec<ActorHit> = self
            .find_actors(body, &folded, anchor)
            .into_iter()
            .filter(|a| a.start >= dateline_end)
            .collect();
        let place_hits = self.places_outside_names(body, &folded, dateline_end, &actor_hits);
        self.locate_people(body, &mut actor_hits, &place_hits);
        refer_back_agents(body, &mut actor_hits, |a| self.is_home_side(body, a));
        self.home_institutions(body, article, &mut actor_hits, &place_hits);
        let sentences = sentences::split(body);
        let text = ArticleText {
            body,
            anchor,
            actor_hits: &actor_hits,
            place_hits: &place_hits,
            dateline_end,
        };
        let mut drafts: Vec<Draft> = Vec::new();
        for (si, &span) in sentences.iter().enumerate() {
            if is_label_or_table_row(&body[span.0..span.1]) {
                continue;
            }
            if let Some(coder) = SentenceCoder::new(self, &text, si, span) {
                coder.code(&mut drafts);
            }
        }
        self.inherit(&mut drafts, &sentences, body, anchor);
        let mut mentions = self.finish(article, body, offset, drafts);
        self.claims.attach(body, &sentences, &mut mentions);
        for m in &mut mentions {
            m.evidence.start += offset;
            m.evidence.end += offset;
        }
        mentions
    }

    /// A person after a place and a title takes the place's country: "Basra Governor X",
    /// "Nineveh police chief X", "X, mayor of Said Sadiq,".
    fn titled_by_place(&self, body: &str, a: &ActorHit, place_hits: &[PlaceHit]) -> Option<Who> {
        let Who::Unknown {
            name,
            country: None,
            role: Some(role),
            sector,
        } = &a.who
        else {
            return None;
        };
        let before = body[..a.start]
            .trim_end_matches([' ', ','])
            .strip_suffix(role.as_str())
            .map(str::len);
        let place_before = before.and_then(|title_start| {
            (place_hits.iter())
                .find(|p| p.end + 1 == title_start && body[p.end..title_start] == *" ")
        });
        // "X, head of the security committee in the Salahuddin provincial council,": the place
        // the apposition after the name names first, before any other name ("commander of the
        // US-led coalition in Iraq" serves the coalition, not Iraq).
        let apposition = || {
            let rest = body[a.end..].strip_prefix(',')?;
            let end = a.end + 1 + rest.find([',', ';', '.', '\n']).unwrap_or(rest.len());
            (place_hits.iter())
                .find(|p| a.end < p.start && p.end <= end)
                .filter(|p| {
                    !body[a.end + 1..p.start]
                        .split_whitespace()
                        .any(|w| w.starts_with(char::is_uppercase))
                })
        };
        let country = place_before
            .or_else(apposition)
            .and_then(|p| self.places.place(p.place).country.clone())?;
        Some(Who::Unknown {
            name: name.clone(),
            role: Some(role.clone()),
            country: Some(country),
            sector: sector.clone(),
        })
    }

    /// An actor a place gives its country — an unarmed agent with no country, or a population
    /// the lexicon lists with none ("Protesters") — with the sector it keeps; `None` for others.
    fn located_sector(&self, who: &Who) -> Option<Option<String>> {
        match who {
            Who::Unknown {
                country: None,
                role: None,
                sector: Some(sector),
                ..
            } if !self.armed_sectors.contains(sector) => Some(Some(sector.clone())),
            Who::Known(i) => {
                let x = &self.actors.actors[*i];
                (x.kind == "population" && x.country.is_none()).then_some(None)
            }
            _ => None,
        }
    }

    /// People named by what they are and where they are ("demonstrators in Baghdad", "teachers
    /// from Erbil") are of that place's country, as the field codes them. Armed agents are left
    /// alone: troops in a country are often another's. A place written before an agent as its
    /// modifier ("Kirkuk police", "a Karbala court") names the place's own body, armed or not.
    fn locate_people(&self, body: &str, actor_hits: &mut [ActorHit], place_hits: &[PlaceHit]) {
        for a in actor_hits.iter_mut() {
            if let Some(who) = self.titled_by_place(body, a, place_hits) {
                a.who = who;
                continue;
            }
            if let Who::Unknown {
                name,
                country: None,
                role: None,
                sector: Some(sector),
            } = &a.who
            {
                let at = place_hits.partition_point(|p| p.end <= a.start);
                let modifier = at
                    .checked_sub(1)
                    .map(|i| &place_hits[i])
                    .filter(|p| body[p.end..a.start] == *" ");
                if let Some(p) = modifier
                    && let Some(country) = self.places.place(p.place).country.clone()
                {
                    a.who = Who::Unknown {
                        name: format!("{} {name}", &body[p.start..p.end]),
                        role: None,
                        country: Some(country),
                        sector: Some(sector.clone()),
                    };
                    a.start = p.start;
                    continue;
                }
            }
            let Some(sector) = self.located_sector(&a.who) else {
                continue;
            };
            let at = place_hits.partition_point(|p| p.start < a.end);
            let Some(p) = place_hits.get(at) else {
                continue;
            };
            let gap = &body[a.end..p.start];
            if !matches!(gap, " in " | " from ") {
                continue;
            }
            let Some(country) = self.places.place(p.place).country.clone() else {
                continue;
            };
            a.who = Who::Unknown {
                name: self.who_name(&a.who),
                role: None,
                country: Some(country),
                sector,
            };
        }
    }

    /// Whether the agent's own words name the home government's side ("Government forces"): a
    /// word of `home_side` qualifying its head noun. ("The government" itself is a definite
    /// governing body, which takes the same body named before.)
    fn is_home_side(&self, body: &str, a: &ActorHit) -> bool {
        let mut words = body[a.start..a.end]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        words.next_back();
        words.any(|w| self.home_side.iter().any(|h| h.eq_ignore_ascii_case(w)))
    }

    /// Police and courts named with no country act at home: they are of the country of a place
    /// their sentence names (the nearest), else of the story's dateline.
    fn home_institutions(
        &self,
        body: &str,
        article: &Article,
        actor_hits: &mut [ActorHit],
        place_hits: &[PlaceHit],
    ) {
        let filed_in = (article.dateline.as_deref())
            .and_then(|d| self.places.resolve_name(d))
            .and_then(|p| p.country.clone());
        for a in actor_hits.iter_mut() {
            let Who::Unknown {
                name,
                role: None,
                country: None,
                sector: Some(sector),
            } = &a.who
            else {
                continue;
            };
            if !self.domestic_sectors.contains(sector) && !self.is_home_side(body, a) {
                continue;
            }
            let same_sentence = |from: usize, to: usize| {
                let gap = &body[from.min(to)..from.max(to)];
                !gap.contains(". ") && !gap.contains('\n')
            };
            let at = place_hits.partition_point(|p| p.end <= a.start);
            let before = at.checked_sub(1).map(|i| &place_hits[i]);
            let after = place_hits.get(at).filter(|p| p.start >= a.end);
            let near = [
                before.filter(|p| same_sentence(p.end, a.start)),
                after.filter(|p| same_sentence(a.end, p.start)),
            ]
            .into_iter()
            .flatten()
            .min_by_key(|p| p.start.abs_diff(a.start));
            let country = near
                .and_then(|p| self.places.place(p.place).country.clone())
                .or_else(|| filed_in.clone());
            if let Some(country) = country {
                a.who = Who::Unknown {
                    name: name.clone(),
                    role: None,
                    country: Some(country),
                    sector: Some(sector.clone()),
                };
            }
        }
    }

    /// The gazetteer places of the body past the dateline that are not part of an actor's name.
    fn places_outside_names(
        &self,
        body: &str,
        folded: &fold::Folded,
        dateline_end: usize,
        actor_hits: &[ActorHit],
    ) -> Vec<PlaceHit> {
        self.places
            .find(body, folded)
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
            .collect()
    }
}

/// A bare agent ("Troops arrested eight suspects", "Police detained two men") shortly after a
/// state's agent of the same sector ("Jordanian troops", "Turkish police") is that agent again:
/// news copy names the country once and then drops it. The nearest one before it is meant, at
/// most [`REFER_BACK_REACH`] bytes back (a page's other stories name other armies). An agent
/// its own phrase places ("the commander of the coalition", "units from the Syrian ministry")
/// is not referred back, nor is one of the home government's side (`home_side`: "Government
/// forces" after "Israeli forces" are the country's own).
fn refer_back_agents(body: &str, hits: &mut [ActorHit], home_side: impl Fn(&ActorHit) -> bool) {
    let mut last: HashMap<String, (usize, Who)> = HashMap::new();
    for h in hits.iter_mut() {
        let Who::Unknown {
            role: None,
            country,
            sector: Some(sector),
            ..
        } = &h.who
        else {
            continue;
        };
        if country.is_some() {
            last.insert(sector.clone(), (h.end, h.who.clone()));
            continue;
        }
        let rest = &body[h.end..];
        if rest.starts_with(" of ") || rest.starts_with(" from ") || home_side(h) {
            continue;
        }
        if let Some((end, who)) = last.get(sector)
            && h.start.saturating_sub(*end) <= REFER_BACK_REACH
        {
            h.who = who.clone();
        }
    }
}

/// How far back a bare agent looks for the state's agent it repeats: a few paragraphs.
const REFER_BACK_REACH: usize = 1_000;

/// Names that may overlap one place: a handful at most (a name inside a longer name).
const OVERLAP_LOOKBACK: usize = 8;

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
pub(crate) const STRONG_PATTERN_PRIORITY: u32 = 96;
/// A hand trigger on a noun that is the object of a finite verb: below every verb reading.
const OBJECT_NOUN_PRIORITY: u32 = 55;
/// A CAMEO verb read by its block's usual reading: below the hand triggers' nouns and verbs.
const VERB_DEFAULT_PRIORITY: u32 = 60;
/// Any trigger inside a subordinate clause: below every trigger of the clause it hangs on.
const SUBORDINATE_PRIORITY: u32 = 50;

/// A trigger for each PLOVER reading of a dictionary verb, by type and mode.
fn verb_triggers(
    cameo: &cameo::CameoIndex,
    triggers: &mut TriggerIndex,
) -> HashMap<(EventType, String, bool), usize> {
    let mut verb_triggers = HashMap::new();
    for c in cameo.readings() {
        let mode = c.mode.clone().unwrap_or_default();
        let id = triggers.verb_trigger(c.event_type, &mode, c.is_reverse());
        verb_triggers.insert((c.event_type, mode, c.is_reverse()), id);
    }
    verb_triggers
}

fn event_type(t: &str) -> Result<EventType, LexiconError> {
    t.parse::<EventType>()
        .map_err(|reason| LexiconError::Invalid {
            file: "events.toml".into(),
            reason,
        })
}

/// `[[intent]]` of `events.toml`, its types parsed.
fn intents(events: &EventsFile) -> Result<Vec<Intent>, LexiconError> {
    let mut intent = Vec::new();
    for i in &events.intent {
        intent.push((
            event_type(&i.as_type)?,
            i.mode.clone(),
            i.types
                .iter()
                .map(|t| event_type(t))
                .collect::<Result<Vec<_>, _>>()?,
            i.modes.clone(),
        ));
    }
    Ok(intent)
}

/// Byte offset where the dateline prefix ends in the body (0 when there is none): the place a
/// story is filed from is not where its events happened.
/// Matches the end of folded text that ends inside a role's description: a role noun, "of" or
/// "for", and up to two more words ("commander of joint ", "head of the ").
fn role_of(heads: &[String]) -> Result<regex::Regex, LexiconError> {
    let heads: Vec<String> = heads.iter().map(|h| regex::escape(h)).collect();
    regex::Regex::new(&format!(
        r"(?:^|\s)(?:{})\s+(?:of|for)\s+(?:the\s+)?(?:[\w'-]+\s+){{0,2}}$",
        heads.join("|")
    ))
    .map_err(|e| LexiconError::Invalid {
        file: "names.toml".into(),
        reason: format!("role_heads: {e}"),
    })
}

/// A sentence as the whole body of an article with no metadata, for [`Extractor::explain`].
fn alone(sentence: &str) -> Article {
    Article {
        id: "explain".into(),
        capture: "explain".into(),
        via: None,
        outlet: None,
        url: None,
        title: String::new(),
        author: None,
        section: None,
        published: Default::default(),
        captured: Default::default(),
        dateline: None,
        caption: None,
        body: sentence.to_owned(),
        truncated: false,
        adapter: dateline_core::AdapterRef {
            name: "explain".into(),
            version: "0".into(),
        },
    }
}

/// A line that introduces what follows ("Recorded attacks, by month:") or a row of a table (cells
/// joined by " | ", as extraction prints them) names its subject but reports no happening.
fn is_label_or_table_row(sentence: &str) -> bool {
    let t = sentence.trim_end();
    t.ends_with(':') || t.contains(" | ")
}

/// Bodies up to this size (every real article) are coded whole; a longer text is coded in
/// windows of whole paragraphs about this size. A window does not see the names and dates of
/// the windows before it, which only a text far longer than any news story would miss.
pub const WINDOW_BYTES: usize = 256 * 1024;

/// `body` cut into spans of at most about `size` bytes, each ending after a paragraph break
/// (else a line break, else a space, else a character boundary), covering the body in order.
fn windows(body: &str, size: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while body.len() - start > size {
        let mut limit = start + size;
        while !body.is_char_boundary(limit) {
            limit -= 1;
        }
        let head = &body[start..limit];
        let cut = ["\n\n", "\n", " "]
            .iter()
            .find_map(|sep| head.rfind(sep).map(|i| i + sep.len()))
            .filter(|&i| i > 0)
            .unwrap_or(head.len().max(1));
        let mut end = start + cut;
        while !body.is_char_boundary(end) {
            end += 1;
        }
        out.push((start, end));
        start = end;
    }
    out.push((start, body.len()));
    out
}

fn dateline_end(article: &Article) -> usize {
    let body = &article.body;
    // The prefix as the adapters read it, outlet and all ("DAMASCUS (Reuters) -", "(CNN)"):
    // neither the place nor the outlet acts in the first sentence.
    let first = body.split('\n').next().unwrap_or(body);
    if let Some(prefix) = dateline_core::text::read_prefix(first)
        && (prefix.place.is_some() || prefix.outlet.is_some())
        && body.starts_with(&prefix.raw)
    {
        return prefix.raw.len();
    }
    let Some(place) = article.dateline.as_deref() else {
        return 0;
    };
    let head_end = body
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= 120)
        .unwrap_or(body.len());
    let head = &body[..head_end];
    // Only a prefix: words in lower case before the place make it part of the first sentence
    // ("Muqtada al-Sadr on Tuesday ordered his supporters to withdraw from Baghdad's Green
    // Zone", the dateline read off a line of its own), whose actors all stand.
    let prefix = |i: usize| {
        !head[..i]
            .split_whitespace()
            .any(|w| w.starts_with(char::is_lowercase))
    };
    match head.find(place).filter(|&i| prefix(i)) {
        Some(i) => {
            let after = i + place.len();
            // Up to and including the dash that closes the dateline ("Baghdad ( –"), if it
            // follows at once; "Sky Report - Aleppo Local forces" has none after the place.
            head[after..]
                .char_indices()
                .take(6)
                .find(|(_, c)| matches!(c, '-' | '–' | '—'))
                .map_or(after, |(d, c)| after + d + c.len_utf8())
        }
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::windows;

    fn check(body: &str, size: usize) -> Vec<&str> {
        let spans = windows(body, size);
        let mut at = 0;
        for &(s, e) in &spans {
            assert_eq!(s, at, "windows cover the body in order");
            assert!(s < e || body.is_empty());
            at = e;
        }
        assert_eq!(at, body.len());
        spans.iter().map(|&(s, e)| &body[s..e]).collect()
    }

    #[test]
    fn a_short_body_is_one_window() {
        assert_eq!(check("One.\n\nTwo.", 100), ["One.\n\nTwo."]);
        assert_eq!(check("", 100), [""]);
    }

    #[test]
    fn windows_end_after_a_paragraph_break_else_a_line_else_a_space() {
        assert_eq!(
            check("aaa bbb\n\nccc\nddd", 12),
            ["aaa bbb\n\n", "ccc\nddd"]
        );
        assert_eq!(check("aaa\nbbb ccc ddd", 10), ["aaa\n", "bbb ccc ", "ddd"]);
        assert_eq!(check("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn windows_never_cut_a_character() {
        let parts = check("ééééé", 3);
        assert_eq!(parts.concat(), "ééééé");
        assert!(parts.len() > 1);
    }
}
