//! Issue-level acceptance for the corpus: after `dateline ingest samples/seeds`, the merged events
//! that `dateline events --format jsonl` prints, counted per (event, capture) pair, against the gold
//! events of `samples/gold/seeds.json` — the same matching rule as the mention-level test in
//! `crates/events/tests/gold.rs` (type or an alternative type, overlapping dates, a shared actor).
//!
//! A merged event yields one pair per capture among its mentions. A pair is right when it matches a
//! gold event reported in that capture; a gold pair is found when some right pair matches it.
//! Pairs do not see a happening split in two; the event-level figures do: each merged event may
//! claim one gold event it matches, so a second event for the same happening counts as wrong.

// The acceptance check, ingest to per-pair scores, reads best as one sequence top to bottom.
#![allow(clippy::too_many_lines)]

#[path = "../../events/tests/support/gold_match.rs"]
mod gold_match;
mod support;

use dateline_core::event::Event;
use dateline_events::Extractor;
use gold_match::{actor_ok, date_ok, gold_actors, types};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use support::root;

/// What `dateline args` prints, run in `dir`.
fn stdout_of(args: &[&str], dir: &Path) -> String {
    String::from_utf8_lossy(&support::dateline(args, dir).stdout).into_owned()
}

/// A gold event with what matching needs: its types, canonical actors and the captures reporting it.
struct GoldEvent<'a> {
    event: &'a Value,
    types: Vec<String>,
    actors: Vec<String>,
    files: BTreeSet<String>,
}

#[test]
fn merged_events_match_the_gold() {
    let dir = support::scratch("merged-gold");
    let seeds = root().join("samples/seeds");
    stdout_of(&["ingest", seeds.to_str().expect("utf-8 path")], &dir);
    let capture_of: BTreeMap<String, String> = stdout_of(&["articles", "--format", "jsonl"], &dir)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|a| {
            Some((
                a["id"].as_str()?.to_owned(),
                a["capture"].as_str()?.to_owned(),
            ))
        })
        .collect();
    let events: Vec<Event> = stdout_of(&["events", "--format", "jsonl"], &dir)
        .lines()
        .map(|l| serde_json::from_str(l).expect("an event per line"))
        .collect();
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("samples/gold/seeds.json")).expect("gold"),
    )
    .expect("gold json");
    let x = Extractor::load_default().expect("lexicon");
    let gold_events: Vec<GoldEvent> = gold["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| {
            let files = e["reported_in"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|r| r["file"].as_str().map(str::to_owned))
                .collect();
            GoldEvent {
                event: e,
                types: types(e),
                actors: gold_actors(&x, e),
                files,
            }
        })
        .collect();

    let captures_of = |event: &Event| -> BTreeSet<&str> {
        (event.mentions.iter())
            .filter_map(|m| capture_of.get(m.split(':').next().unwrap_or_default()))
            .map(String::as_str)
            .collect()
    };
    // Gold event `g` matches `event` in `capture`.
    let same = |g: &GoldEvent, event: &Event, capture: &str| {
        g.files.contains(capture)
            && g.types.iter().any(|t| t == event.event_type.as_str())
            && date_ok(&g.event["date"], &event.date)
            && actor_ok(&x, &g.actors, &event.actors)
    };
    let mut right = 0;
    let mut pairs = 0;
    let mut found: BTreeSet<(String, String)> = BTreeSet::new();
    let mut wrong = Vec::new();
    for event in &events {
        let captures = captures_of(event);
        for capture in captures {
            pairs += 1;
            let matches: Vec<String> = gold_events
                .iter()
                .filter(|g| same(g, event, capture))
                .filter_map(|g| g.event["id"].as_str().map(str::to_owned))
                .collect();
            if matches.is_empty() {
                wrong.push(format!(
                    "{capture} {} {:?}",
                    event.event_type, event.date.value
                ));
            } else {
                right += 1;
            }
            for id in matches {
                found.insert((id, capture.to_owned()));
            }
        }
    }
    // Event level, one to one: a merged event is right when it is the first to claim a gold event
    // it matches in one of its captures; a second merged event for the same happening is a split.
    let mut claimed: BTreeSet<&str> = BTreeSet::new();
    let mut events_right = 0;
    let mut splits = Vec::new();
    for event in &events {
        let captures = captures_of(event);
        let matching: Vec<&str> = gold_events
            .iter()
            .filter(|g| captures.iter().any(|c| same(g, event, c)))
            .filter_map(|g| g.event["id"].as_str())
            .collect();
        if let Some(id) = matching.iter().find(|id| !claimed.contains(*id)) {
            claimed.insert(id);
            events_right += 1;
        } else if let Some(id) = matching.first() {
            splits.push(format!(
                "{id}: {} {:?} {:?}",
                event.event_type, event.date.value, event.mentions
            ));
        }
    }
    eprintln!(
        "events one to one: precision {events_right}/{} ; recall {}/{}",
        events.len(),
        claimed.len(),
        gold_events.len(),
    );
    for s in &splits {
        eprintln!("  split: {s}");
    }
    for g in gold_events.iter().filter(|g| {
        g.event["id"]
            .as_str()
            .is_some_and(|id| !claimed.contains(id))
    }) {
        eprintln!(
            "  missed: {} {:?} {} {:?}",
            g.event["id"], g.types, g.event["date"], g.files
        );
    }
    let gold_pairs: usize = gold_events.iter().map(|g| g.files.len()).sum();
    let precision = right as f64 / pairs.max(1) as f64;
    let recall = found.len() as f64 / gold_pairs.max(1) as f64;
    eprintln!(
        "merged events: {} events; precision {right}/{pairs} = {precision:.3}; recall {}/{gold_pairs} = {recall:.3}",
        events.len(),
        found.len()
    );
    for w in &wrong {
        eprintln!("  no gold event: {w}");
    }
    let _ = std::fs::remove_dir_all(&dir);
    let event_precision = events_right as f64 / events.len().max(1) as f64;
    let event_recall = claimed.len() as f64 / gold_events.len().max(1) as f64;
    assert!(
        event_precision >= 0.75,
        "event precision {event_precision:.3}"
    );
    assert!(event_recall >= 0.70, "event recall {event_recall:.3}");
    assert!(precision >= 0.80, "precision {precision:.3}");
    assert!(recall >= 0.80, "recall {recall:.3}");
}
