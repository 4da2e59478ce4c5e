//! Short articles written for this test in the seed outlets' styles (Rudaw, Iraqi News, Shafaq
//! News, Middle East Eye, Baghdad Telegraph) about other real happenings: arrests, a rocket attack,
//! a withdrawal, an agreement, a protest, visits, sanctions, a rejection, a drone strike. They check
//! that the patterns generalise beyond the seed sentences.
//!
//! Each `tests/articles/*.toml` gives the body, the publication day and the expected events: type
//! (any of a list), date (YYYY, YYYY-MM or YYYY-MM-DD; empty = unresolved), one actor that must be
//! among the mention's actors (empty = none required) and casualty figures. Every expected event
//! must be found; mentions that match no expected event are listed and must stay under 20%.

mod common;

use dateline_core::event::EventMention;
use dateline_events::Extractor;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Case {
    published: String,
    dateline: Option<String>,
    body: String,
    #[serde(default)]
    expect: Vec<Expect>,
}

#[derive(Deserialize)]
struct Expect {
    #[serde(rename = "type")]
    types: Vec<String>,
    date: String,
    actor: String,
    killed: Option<u32>,
    injured: Option<u32>,
    arrested: Option<u32>,
}

fn fits(x: &Extractor, e: &Expect, m: &EventMention) -> bool {
    let type_ok = e.types.iter().any(|t| t == m.event_type.as_str());
    let date_ok = if e.date.is_empty() {
        m.date.value.is_none()
    } else {
        let want = dateline_core::time::resolve_mention(&e.date, None, Default::default());
        want.overlaps(&m.date)
    };
    let actor_ok =
        e.actor.is_empty() || m.actors.iter().any(|a| x.actors_related(&a.name, &e.actor));
    let counts_ok = e.killed.is_none_or(|k| m.counts.killed == Some(k))
        && e.injured.is_none_or(|k| m.counts.injured == Some(k))
        && e.arrested.is_none_or(|k| m.counts.arrested == Some(k));
    type_ok && date_ok && actor_ok && counts_ok
}

#[test]
fn own_articles_generalise() {
    let x = Extractor::load_default().expect("bundled lexicon loads");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("articles folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "at least ten articles");
    let (mut expected, mut found, mut total, mut unexpected) = (0, 0, 0, 0);
    let mut missing: Vec<String> = Vec::new();
    for path in &paths {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_owned();
        let case: Case = toml::from_str(&std::fs::read_to_string(path).expect("readable"))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let body = case.body.trim();
        let article = common::article(&name, body, Some(&case.published), case.dateline.as_deref());
        let mentions = x.mentions(&article);
        println!("\n{name}");
        for m in &mentions {
            let ok = case.expect.iter().any(|e| fits(&x, e, m));
            total += 1;
            if !ok {
                unexpected += 1;
            }
            println!(
                "  {} {:<9} {:<10} {:?} [{}] {}",
                if ok { " " } else { "?" },
                m.event_type,
                m.date.value.as_deref().unwrap_or("null"),
                m.counts,
                m.actors
                    .iter()
                    .map(|a| a.name.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
                m.evidence.sentence.chars().take(60).collect::<String>()
            );
            assert_eq!(
                &article.body[m.evidence.start..m.evidence.end],
                m.evidence.sentence
            );
        }
        for e in &case.expect {
            expected += 1;
            if mentions.iter().any(|m| fits(&x, e, m)) {
                found += 1;
            } else {
                missing.push(format!("{name}: {:?} {} {}", e.types, e.date, e.actor));
            }
        }
    }
    println!(
        "\nexpected events found {found}/{expected}; unexpected mentions {unexpected}/{total}"
    );
    assert!(
        missing.is_empty(),
        "expected events not found: {missing:#?}"
    );
    assert!(
        unexpected * 5 <= total,
        "too many mentions match no expected event: {unexpected}/{total}"
    );
}
