//! Stories and events on hand-made articles and mentions modelled on the sample corpus (the
//! Iraqi News report of 21 July 2025, its Daily8 copy without the lead, the Baghdad Telegraph
//! rewrite, and the Rudaw report of April 2025 that dates the end of the mission differently).

// A scenario (its mentions, then what must hold of them) reads best top to bottom in one test.
#![allow(clippy::too_many_lines)]

use dateline_core::event::*;
use dateline_core::time::{Tense, resolve_mention, resolve_published};
use dateline_core::{DateOrder, TimeValue};
use dateline_corpus::{ArticleDigest, Context, Fingerprint, Relation, merge, stories};

const LEAD: &str = "Iraqi Prime Minister Mohamed Shia Al-Sudani emphasized the importance of maintaining stability and addressing the root causes of conflicts during a meeting on Monday with Michael Kurilla, the commander of US Central Command.";
const REST: &str = "The meeting was attended by Steven Fagin, Charge d'Affaires at the US Embassy in Baghdad; Kevin Lambert, the new commander of the US-led global coalition against ISIS; and Kevin Leahy, commander of the Combined Joint Task Force in Iraq, according to the Prime Minister's Office. In an interview with the BBC earlier in July, Al-Sudani said that the international coalition's mission in Iraq will end in September 2026. The Iraqi government held two rounds of discussions with the United States in Baghdad and Washington, and a third round is scheduled to be held to determine the structure of the security cooperation.";
const REWRITE: &str = "On Monday, Iraqi Prime Minister Mohamed Shia Al-Sudani held a high-level meeting with key American military officials. General Michael Kurilla, commander of US Central Command, led the US delegation. Earlier in July, the Prime Minister told the BBC that coalition operations in Iraq would officially end by September 2026. He explained that the Iraqi government had already completed two rounds of talks with the United States.";
const RUDAW: &str = "Iraqi Prime Minister Mohammed Shia al-Sudani on Thursday received Major General Kevin Leahy, commander of the US-led coalition. In September 2024, Baghdad and Washington jointly announced an agreement to end the mission of the coalition in Iraq by September 2025.";

fn day(s: &str) -> TimeValue {
    resolve_published(s, None, DateOrder::DayFirst)
}

fn digest(id: &str, outlet: Option<&str>, published: Option<&str>, body: &str) -> ArticleDigest {
    ArticleDigest {
        id: id.into(),
        title: format!("title of {id}"),
        outlet: outlet.map(Into::into),
        published: published.map(day).unwrap_or_default(),
        captured: day("2025-07-26"),
        words: body.split_whitespace().count() as u32,
        fingerprint: Fingerprint::of(body),
    }
}

fn actor(name: &str, side: Side) -> ActorRef {
    ActorRef {
        name: name.into(),
        role: None,
        organisation: None,
        country: None,
        sector: None,
        side,
        text: None,
    }
}

struct M<'a> {
    id: &'a str,
    article: &'a str,
    outlet: Option<&'a str>,
    t: EventType,
    date: TimeValue,
    actors: Vec<ActorRef>,
    sentence: &'a str,
    claim: Option<&'a str>,
    killed: Option<u32>,
}

impl M<'_> {
    fn build(self) -> EventMention {
        EventMention {
            id: self.id.into(),
            capture: format!("{}.txt", self.article),
            article: self.article.into(),
            outlet: self.outlet.map(Into::into),
            event_type: self.t,
            mode: None,
            date: self.date,
            place: None,
            actors: self.actors,
            counts: Counts {
                killed: self.killed,
                ..Default::default()
            },
            evidence: Evidence {
                sentence: self.sentence.into(),
                start: 0,
                end: self.sentence.len(),
            },
            claim: self.claim.map(Into::into),
            confidence: 1.0,
        }
    }
}

fn on(raw: &str, anchor: &str) -> TimeValue {
    resolve_mention(raw, anchor.parse().ok(), Tense::Past)
}

/// Mentions of the meeting, the BBC statement and the talks in one article.
fn report(prefix: &str, article: &str, outlet: Option<&str>, anchor: &str) -> Vec<EventMention> {
    let sudani = || actor("Mohammed Shia al-Sudani", Side::Source);
    vec![
        M {
            id: &format!("{prefix}-meeting"),
            article,
            outlet,
            t: EventType::Consult,
            date: on("on Monday", anchor),
            actors: vec![sudani(), actor("Michael Kurilla", Side::Target)],
            sentence: LEAD,
            claim: None,
            killed: None,
        }
        .build(),
        M {
            id: &format!("{prefix}-bbc"),
            article,
            outlet,
            t: EventType::Agree,
            date: on("earlier in July", anchor),
            actors: vec![sudani(), actor("Global Coalition", Side::Target)],
            sentence: "In an interview with the BBC earlier in July, Al-Sudani said that the international coalition's mission in Iraq will end in September 2026.",
            claim: None,
            killed: None,
        }
        .build(),
        M {
            id: &format!("{prefix}-talks"),
            article,
            outlet,
            t: EventType::Consult,
            date: TimeValue::default(),
            actors: vec![actor("Government of Iraq", Side::Source), actor("United States", Side::Target)],
            sentence: "The Iraqi government held two rounds of discussions with the United States.",
            claim: None,
            killed: None,
        }
        .build(),
    ]
}

fn corpus() -> (Vec<ArticleDigest>, Vec<EventMention>) {
    let full = format!("{LEAD}\n\n{REST}");
    let articles = vec![
        digest("a-full", Some("Iraqi News"), Some("2025-07-21"), &full),
        digest("a-cut", None, None, REST),
        digest("a-rewrite", Some("Baghdad Telegraph"), None, REWRITE),
        digest("a-rudaw", Some("Rudaw"), Some("2025-04-24"), RUDAW),
    ];
    let mut mentions = report("full", "a-full", Some("Iraqi News"), "2025-07-21");
    mentions.extend(
        report("cut", "a-cut", None, "2025-07-25")
            .into_iter()
            .skip(1),
    );
    mentions.extend(report(
        "rw",
        "a-rewrite",
        Some("Baghdad Telegraph"),
        "2025-07-26",
    ));
    mentions.push(
        M {
            id: "rudaw-agreement",
            article: "a-rudaw",
            outlet: Some("Rudaw"),
            t: EventType::Agree,
            date: on("In September 2024", "2025-04-24"),
            actors: vec![
                actor("Government of Iraq", Side::Source),
                actor("Global Coalition", Side::Target),
            ],
            sentence: "In September 2024, Baghdad and Washington jointly announced an agreement to end the mission of the coalition in Iraq by September 2025.",
            claim: None,
            killed: None,
        }
        .build(),
    );
    (articles, mentions)
}

#[test]
fn copies_and_rewrites_make_one_story_and_the_copy_inherits_outlet_and_date() {
    let (articles, mentions) = corpus();
    let stories = stories(&articles, &mentions);
    assert_eq!(stories.len(), 2, "{stories:#?}");
    let s = stories
        .iter()
        .find(|s| s.members.len() == 3)
        .expect("the July story");
    assert_eq!(s.fullest, "a-full");
    let rel = |id: &str| {
        s.members
            .iter()
            .find(|m| m.article == id)
            .map(|m| m.relation)
    };
    assert_eq!(rel("a-full"), Some(Relation::Fullest));
    assert_eq!(rel("a-cut"), Some(Relation::Truncated));
    assert_eq!(rel("a-rewrite"), Some(Relation::Rewrite));
    let cut = s
        .members
        .iter()
        .find(|m| m.article == "a-cut")
        .expect("member");
    let outlet = cut.inferred_outlet.as_ref().expect("outlet inferred");
    assert_eq!(
        (outlet.value.as_str(), outlet.from.as_str()),
        ("Iraqi News", "a-full")
    );
    let published = cut.inferred_published.as_ref().expect("date inferred");
    assert_eq!(published.value.value.as_deref(), Some("2025-07-21"));
    // A rewrite is another outlet's text: it inherits nothing.
    let rw = s
        .members
        .iter()
        .find(|m| m.article == "a-rewrite")
        .expect("member");
    assert!(rw.inferred_outlet.is_none() && rw.inferred_published.is_none());
    assert_eq!(s.outlets, vec!["Baghdad Telegraph", "Iraqi News"]);
    assert_eq!(
        s.earliest.as_ref().and_then(|e| e.value.value.as_deref()),
        Some("2025-07-21")
    );
}

#[test]
fn a_copy_inherits_from_its_original_even_when_a_rewrite_is_the_longest_text() {
    let (mut articles, mentions) = corpus();
    let editorial = "The meeting comes as Iraq prepares for a new phase of security ties with the coalition's member countries, analysts said, and as regional tensions rise. ";
    let longer = format!("{REWRITE} {}", editorial.repeat(5));
    articles[2] = digest("a-rewrite", Some("Baghdad Telegraph"), None, &longer);
    let stories = stories(&articles, &mentions);
    let s = stories
        .iter()
        .find(|s| s.members.len() == 3)
        .expect("the July story");
    assert_eq!(s.fullest, "a-rewrite");
    let m = |id: &str| s.members.iter().find(|m| m.article == id).expect("member");
    assert_eq!(m("a-full").relation, Relation::Rewrite);
    assert_eq!(m("a-cut").relation, Relation::Truncated);
    assert_eq!(m("a-cut").copy_of.as_deref(), Some("a-full"));
    let outlet = m("a-cut").inferred_outlet.as_ref().expect("inherited");
    assert_eq!(
        outlet.value, "Iraqi News",
        "from its own original, never from the rewrite"
    );
}

#[test]
fn without_events_a_rewrite_stays_apart_but_the_truncated_copy_does_not() {
    let (articles, _) = corpus();
    let stories = stories(&articles, &[]);
    assert_eq!(stories.len(), 3);
    assert!(
        stories
            .iter()
            .any(|s| s.members.len() == 2 && s.fullest == "a-full")
    );
}

#[test]
fn stories_do_not_depend_on_input_order() {
    let (mut articles, mut mentions) = corpus();
    let a = stories(&articles, &mentions);
    articles.reverse();
    mentions.reverse();
    assert_eq!(a, stories(&articles, &mentions));
}

fn context(articles: &[ArticleDigest], mentions: &[EventMention]) -> Context {
    let mut ctx = Context::default();
    for s in stories(articles, mentions) {
        for m in &s.members {
            ctx.story_of.insert(m.article.clone(), s.id.clone());
            let a = articles
                .iter()
                .find(|a| a.id == m.article)
                .expect("article");
            if let Some(o) = a
                .outlet
                .clone()
                .or(m.inferred_outlet.as_ref().map(|i| i.value.clone()))
            {
                ctx.outlet_of.insert(m.article.clone(), o);
            }
        }
    }
    ctx
}

#[test]
fn mentions_of_one_happening_merge_across_outlets() {
    let (articles, mentions) = corpus();
    let events = merge(&mentions, &context(&articles, &mentions));
    let meeting = events
        .iter()
        .find(|e| e.mentions.contains(&"full-meeting".to_string()))
        .expect("meeting event");
    assert_eq!(meeting.mentions, vec!["full-meeting", "rw-meeting"]);
    assert_eq!(meeting.sources, vec!["Baghdad Telegraph", "Iraqi News"]);
    assert_eq!(meeting.date.value.as_deref(), Some("2025-07-21"));
    // The undated talks merge because the three reports are one story; the copy's mention counts
    // for the outlet it inherited.
    let talks = events
        .iter()
        .find(|e| e.mentions.contains(&"full-talks".to_string()))
        .expect("talks");
    assert_eq!(talks.mentions, vec!["cut-talks", "full-talks", "rw-talks"]);
    assert_eq!(talks.sources, vec!["Baghdad Telegraph", "Iraqi News"]);
    // Every mention is in exactly one event.
    let total: usize = events.iter().map(|e| e.mentions.len()).sum();
    assert_eq!(total, mentions.len());
}

/// A mention left undated by the coder did not continue the dated happening of its article (it
/// would have taken its date): it joins undated mentions of its story, never a dated event,
/// though it names the same actors.
#[test]
fn an_undated_mention_does_not_join_a_dated_event_of_its_story() {
    let (articles, mut mentions) = corpus();
    for m in mentions.iter_mut().filter(|m| m.id.ends_with("-talks")) {
        m.actors
            .push(actor("Mohammed Shia al-Sudani", Side::Source));
    }
    let events = merge(&mentions, &context(&articles, &mentions));
    let talks = events
        .iter()
        .find(|e| e.mentions.contains(&"full-talks".to_string()))
        .expect("talks");
    assert_eq!(talks.mentions, vec!["cut-talks", "full-talks", "rw-talks"]);
    assert_eq!(talks.date.value, None);
}

#[test]
fn a_different_end_date_for_the_mission_is_flagged_on_both_events() {
    let (articles, mentions) = corpus();
    let events = merge(&mentions, &context(&articles, &mentions));
    let bbc = events
        .iter()
        .find(|e| e.mentions.contains(&"full-bbc".to_string()))
        .expect("bbc");
    let rudaw = events
        .iter()
        .find(|e| e.mentions.contains(&"rudaw-agreement".to_string()))
        .expect("rudaw");
    assert_ne!(
        bbc.id, rudaw.id,
        "the statement and the agreement are different happenings"
    );
    for e in [bbc, rudaw] {
        let c = e
            .conflicts
            .iter()
            .find(|c| c.field == "date")
            .expect("date conflict");
        let values: Vec<&str> = c.values.iter().map(|v| v.value.as_str()).collect();
        assert!(
            values.iter().any(|v| v.starts_with("2026-09")),
            "{values:?}"
        );
        assert!(
            values.iter().any(|v| v.starts_with("2025-09")),
            "{values:?}"
        );
        let rudaw_side = c
            .values
            .iter()
            .find(|v| v.value.starts_with("2025-09"))
            .expect("value");
        assert_eq!(rudaw_side.outlets, vec!["Rudaw"]);
    }
    // The meeting has no conflict.
    let meeting = events
        .iter()
        .find(|e| e.mentions.contains(&"full-meeting".to_string()));
    assert!(meeting.is_some_and(|e| e.conflicts.is_empty()));
}

#[test]
fn casualty_counts_and_contradicting_claims_are_flagged() {
    let raid = |id: &'static str, outlet: &'static str, killed: u32| {
        M {
            id,
            article: id,
            outlet: Some(outlet),
            t: EventType::Assault,
            date: day("2024-08-31"),
            actors: vec![
                actor("US military", Side::Source),
                actor("Islamic State", Side::Target),
            ],
            sentence: "A joint raid in western Iraq killed ISIS members.",
            claim: None,
            killed: Some(killed),
        }
        .build()
    };
    let threat = |id: &'static str, claim: &'static str, t: EventType| {
        M {
            id,
            article: "a-rudaw-2024",
            outlet: Some("Rudaw"),
            t,
            date: day("2024-09-01"),
            actors: vec![actor(
                if t == EventType::Consult {
                    "Mohammed Shia al-Sudani"
                } else {
                    "CENTCOM"
                },
                Side::Source,
            )],
            sentence: "",
            claim: Some(claim),
            killed: None,
        }
        .build()
    };
    let mentions = vec![
        raid("m1", "Rudaw", 15),
        raid("m2", "AP", 14),
        threat("m3", "no longer a threat", EventType::Consult),
        threat("m4", "remains a threat", EventType::Threaten),
    ];
    let events = merge(&mentions, &Context::default());
    let raid = events
        .iter()
        .find(|e| e.event_type == EventType::Assault)
        .expect("raid");
    assert_eq!(raid.mentions.len(), 2);
    assert_eq!(
        raid.counts.killed,
        Some(14),
        "the conservative figure stands"
    );
    let c = raid
        .conflicts
        .iter()
        .find(|c| c.field == "killed")
        .expect("killed conflict");
    assert_eq!(
        c.values
            .iter()
            .map(|v| v.value.as_str())
            .collect::<Vec<_>>(),
        vec!["14", "15"]
    );
    assert_eq!(c.values[1].outlets, vec!["Rudaw"]);
    for t in [EventType::Consult, EventType::Threaten] {
        let e = events
            .iter()
            .find(|e| e.event_type == t)
            .expect("claim event");
        let c = e
            .conflicts
            .iter()
            .find(|c| c.field == "claim")
            .expect("claim conflict");
        let values: Vec<&str> = c.values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, vec!["no longer a threat", "remains a threat"]);
    }
}

#[test]
fn different_days_and_incompatible_places_stay_apart() {
    let mk = |id: &'static str, date: &str, place: &str| {
        let mut m = M {
            id,
            article: id,
            outlet: Some("X"),
            t: EventType::Assault,
            date: day(date),
            actors: vec![actor("Islamic State", Side::Source)],
            sentence: "",
            claim: None,
            killed: None,
        }
        .build();
        m.place = Some(Place {
            name: place.into(),
            admin1: None,
            country: Some("IRQ".into()),
            lat: None,
            lon: None,
            precision: if place == "Iraq" {
                PlacePrecision::Country
            } else {
                PlacePrecision::City
            },
        });
        m
    };
    let mentions = vec![
        mk("a", "2025-07-24", "Mosul"),
        mk("b", "2025-07-25", "Mosul"),
        mk("c", "2025-07-24", "Kirkuk"),
        mk("d", "2025-07-24", "Iraq"),
    ];
    let events = merge(&mentions, &Context::default());
    let groups: Vec<Vec<String>> = events.iter().map(|e| e.mentions.clone()).collect();
    assert_eq!(events.len(), 3, "{groups:?}");
    assert!(
        groups.contains(&vec!["a".to_string(), "d".to_string()]),
        "{groups:?}"
    );
}

#[test]
fn the_same_target_with_different_agents_is_two_happenings() {
    let retreat = |id: &'static str, who: &'static str, date: &str| {
        M {
            id,
            article: id,
            outlet: Some("Iraqi News"),
            t: EventType::Retreat,
            date: on(date, "2025-07-21"),
            actors: vec![
                actor(who, Side::Source),
                actor("Global Coalition", Side::Target),
            ],
            sentence: "",
            claim: None,
            killed: None,
        }
        .build()
    };
    let mentions = vec![
        retreat("estonia", "Hanno Pevkur", "on Thursday"),
        retreat("bbc", "Mohammed Shia al-Sudani", "earlier in July"),
        retreat("estonia-again", "Hanno Pevkur", "in July"),
    ];
    let events = merge(&mentions, &Context::default());
    let groups: Vec<Vec<String>> = events.iter().map(|e| e.mentions.clone()).collect();
    assert_eq!(groups.len(), 2, "{groups:?}");
    assert!(groups.contains(&vec!["estonia".to_string(), "estonia-again".to_string()]));
}

#[test]
fn stories_and_events_do_not_depend_on_the_memory_budget() {
    use dateline_corpus::Budget;
    use dateline_corpus::memory::{in_memory, in_memory_within};
    let (mut articles, mut mentions) = corpus();
    // Copies cut at different points, so LSH passes and candidate batches split real work.
    let full = format!("{LEAD}\n\n{REST}");
    for k in 0..20 {
        let id = format!("a-copy-{k:02}");
        let cut = &full[..full.len() - 8 * k];
        articles.push(digest(&id, None, None, cut));
        mentions.extend(report(&format!("copy{k:02}"), &id, None, "2025-07-25"));
    }
    let roomy = in_memory(&articles, &mentions);
    let tight = in_memory_within(
        &articles,
        &mentions,
        Budget {
            pass_entries: 1,
            pair_batch: 1,
            held_articles: 2,
        },
    );
    assert_eq!(roomy, tight);
    assert!(
        roomy.0.iter().any(|s| s.members.len() > 20),
        "the copies join the story of their original: {:?}",
        roomy.0.iter().map(|s| s.members.len()).collect::<Vec<_>>()
    );
    assert!(roomy.1.iter().any(|e| e.mentions.len() > 20));
}

/// Six reports of one week, all naming the Iraqi government, so every pair of them is a rewrite
/// candidate; only the two reports of each day tell the same happenings. However few articles
/// the rewrite check may hold between pairs, exactly those three pairs are stories.
#[test]
fn rewrites_pair_up_however_few_articles_the_check_holds() {
    use dateline_corpus::Budget;
    use dateline_corpus::memory::{in_memory, in_memory_within};
    let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"];
    let mut articles = Vec::new();
    let mut mentions = Vec::new();
    for (k, word) in words.iter().enumerate() {
        let id = format!("r{k}");
        // No two bodies share a shingle: only their events can link them.
        let body: String = (0..60).map(|i| format!("{word}{i} ")).collect();
        let published = format!("2025-07-0{}", k / 2 + 1);
        articles.push(digest(&id, None, Some(&published), &body));
        for (n, (t, other)) in [
            (EventType::Consult, format!("Envoy {}", k / 2)),
            (EventType::Assault, format!("Cell {}", k / 2)),
        ]
        .into_iter()
        .enumerate()
        {
            mentions.push(
                M {
                    id: &format!("{id}-{n}"),
                    article: &id,
                    outlet: None,
                    t,
                    date: day(&published),
                    actors: vec![
                        actor("Government of Iraq", Side::Source),
                        actor(&other, Side::Target),
                    ],
                    sentence: "The Iraqi government acted.",
                    claim: None,
                    killed: None,
                }
                .build(),
            );
        }
    }
    let pairs = |stories: &[dateline_corpus::Story]| -> Vec<Vec<String>> {
        let mut groups: Vec<Vec<String>> = stories
            .iter()
            .map(|s| {
                let mut m: Vec<String> = s.members.iter().map(|m| m.article.clone()).collect();
                m.sort();
                m
            })
            .collect();
        groups.sort();
        groups
    };
    let expected = vec![
        vec!["r0".to_string(), "r1".to_string()],
        vec!["r2".to_string(), "r3".to_string()],
        vec!["r4".to_string(), "r5".to_string()],
    ];
    let roomy = in_memory(&articles, &mentions);
    assert_eq!(pairs(&roomy.0), expected);
    for held_articles in [2, 3, 5] {
        let tight = in_memory_within(
            &articles,
            &mentions,
            Budget {
                held_articles,
                ..Budget::default()
            },
        );
        assert_eq!(
            pairs(&tight.0),
            expected,
            "holding {held_articles} articles"
        );
        assert_eq!(roomy, tight, "holding {held_articles} articles");
    }
}
