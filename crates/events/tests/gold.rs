//! Acceptance against the hand annotation: the five sample captures run through the real pipeline
//! (`dateline_core::extract` with the linked site adapters), their event mentions compared with the
//! gold events of `samples/gold/seeds.json`, counted per (event, capture) pair.
//!
//! Matching rule (a mention "matches" a gold event reported in the same capture when all hold):
//! - type: the mention's type is the gold `plover_type` or one of its `alternative_types`;
//! - date: the day bounds overlap (gold bounds are the union of its value and its `range`), or the
//!   gold value is null and the mention's date is unresolved too;
//! - actor: at least one mention actor is the actor a gold actor name (or one of its spellings in the
//!   text) resolves to through the lexicon, or belongs to it / contains it (US military ⊂ United
//!   States) — the lexicon's `parent` links.
//!
//! Mentions are counted as a user sees them: those at or above
//! `dateline_events::DEFAULT_MIN_CONFIDENCE` (the ones `dateline events` shows).
//!
//! Recall = matched (event, capture) pairs / all pairs. Precision = mentions matching some gold
//! event of their capture / all mentions. Type accuracy is measured on mentions whose evidence
//! sentence is a gold evidence sentence of an event sharing an actor: the share whose type fits.
//! Fatalities: for every gold event with killed/injured figures, each capture that reports it must
//! give the figure on a matching mention and no matching mention may give another.

use dateline_core::Capture;
use dateline_core::event::EventMention;
use dateline_events::Extractor;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[path = "support/gold_match.rs"]
mod gold_match;
use gold_match::{date_ok, evidence_of, gold_actors, norm, same_sentence, types};

fn actor_ok(x: &Extractor, gold: &[String], m: &EventMention) -> bool {
    gold_match::actor_ok(x, gold, &m.actors)
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn short(s: &str, n: usize) -> String {
    let s = norm(s);
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

#[test]
fn gold_events_recall_precision_types_and_counts() {
    let _ = dateline_adapters::linked();
    let x = Extractor::load_default().expect("bundled lexicon loads");
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("samples/gold/seeds.json")).expect("gold readable"),
    )
    .expect("gold parses");
    let events = gold["events"].as_array().expect("gold events");

    // Mentions per capture, through the real pipeline.
    let mut below = 0usize;
    let mut by_capture: BTreeMap<String, Vec<EventMention>> = BTreeMap::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("samples/seeds"))
        .expect("seeds folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_owned();
        let capture = Capture::load(path).expect("capture loads");
        let mentions = match dateline_core::extract(&capture) {
            Ok(ex) => {
                let mut all = Vec::new();
                for a in &ex.articles {
                    for m in x.mentions(a) {
                        assert_eq!(
                            a.body.get(m.evidence.start..m.evidence.end),
                            Some(m.evidence.sentence.as_str())
                        );
                        assert!((0.0..=1.0).contains(&m.confidence), "{m:?}");
                        if m.confidence >= dateline_events::DEFAULT_MIN_CONFIDENCE {
                            all.push(m);
                        } else {
                            below += 1;
                        }
                    }
                }
                all
            }
            Err(err) => {
                println!("!! {name}: {err}");
                Vec::new()
            }
        };
        by_capture.insert(name, mentions);
    }

    let gold_actor_sets: Vec<Vec<String>> = events.iter().map(|e| gold_actors(&x, e)).collect();
    let matches = |e_idx: usize, m: &EventMention| {
        let e = &events[e_idx];
        types(e).iter().any(|t| t == m.event_type.as_str())
            && date_ok(&e["date"], &m.date)
            && actor_ok(&x, &gold_actor_sets[e_idx], m)
    };

    // Recall over (event, capture) pairs, with the table a reader needs to see what is missed.
    println!(
        "\n{:<4} {:<10} {:<4} {:<9} {:<10} {:<5} best mention",
        "ev", "salience", "cap", "type", "gold date", "hit"
    );
    let (mut pairs, mut hit_pairs) = (0usize, 0usize);
    let mut fatality_errors: Vec<String> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let mut files_seen: Vec<&str> = Vec::new();
        for r in e["reported_in"].as_array().into_iter().flatten() {
            let Some(file) = r["file"].as_str() else {
                continue;
            };
            if files_seen.contains(&file) {
                continue;
            }
            files_seen.push(file);
            pairs += 1;
            let mentions = by_capture.get(file).map(Vec::as_slice).unwrap_or(&[]);
            let matched: Vec<&EventMention> = mentions.iter().filter(|m| matches(i, m)).collect();
            let evidence = evidence_of(e, file);
            let near: Option<&EventMention> = matched.first().copied().or_else(|| {
                mentions.iter().find(|m| {
                    evidence
                        .iter()
                        .any(|ev| same_sentence(ev, &m.evidence.sentence))
                })
            });
            if !matched.is_empty() {
                hit_pairs += 1;
            }
            let desc = near.map_or("-".to_owned(), |m| {
                format!(
                    "{} {} [{}] {}",
                    m.event_type,
                    m.date.value.as_deref().unwrap_or("null"),
                    m.actors
                        .iter()
                        .map(|a| a.name.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    short(&m.evidence.sentence, 70)
                )
            });
            println!(
                "{:<4} {:<10} {:<4} {:<9} {:<10} {:<5} {}",
                e["id"].as_str().unwrap_or(""),
                e["salience"].as_str().unwrap_or(""),
                &file[..3],
                e["plover_type"].as_str().unwrap_or(""),
                e["date"]["value"].as_str().unwrap_or("null"),
                if matched.is_empty() { "MISS" } else { "ok" },
                desc
            );
            // Fatality figures.
            for (field, key) in [("killed", "killed"), ("injured", "injured")] {
                let Some(want) = e["fatalities"][key].as_u64() else {
                    continue;
                };
                let got: Vec<u64> = matched
                    .iter()
                    .filter_map(|m| match field {
                        "killed" => m.counts.killed,
                        _ => m.counts.injured,
                    })
                    .map(u64::from)
                    .collect();
                if !got.contains(&want) || got.iter().any(|g| *g != want) {
                    fatality_errors.push(format!(
                        "{} in {file}: {field} want {want}, got {got:?}",
                        e["id"]
                    ));
                }
            }
        }
    }

    // Precision over mentions, and type accuracy over mentions on a gold evidence sentence.
    let (mut total, mut right, mut located, mut typed) = (0usize, 0usize, 0usize, 0usize);
    println!("\nmentions that match no gold event of their capture:");
    for (file, mentions) in &by_capture {
        let reported: Vec<usize> = events
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e["reported_in"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|r| r["file"].as_str() == Some(file.as_str()))
            })
            .map(|(i, _)| i)
            .collect();
        for m in mentions {
            total += 1;
            if reported.iter().any(|&i| matches(i, m)) {
                right += 1;
            } else {
                println!(
                    "  FP {} {:.2} {} {} [{}] {}",
                    &file[..3],
                    m.confidence,
                    m.event_type,
                    m.date.value.as_deref().unwrap_or("null"),
                    m.actors
                        .iter()
                        .map(|a| a.name.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    short(&m.evidence.sentence, 90)
                );
            }
            let on_evidence: Vec<usize> = reported
                .iter()
                .copied()
                .filter(|&i| {
                    evidence_of(&events[i], file)
                        .iter()
                        .any(|ev| same_sentence(ev, &m.evidence.sentence))
                        && actor_ok(&x, &gold_actor_sets[i], m)
                })
                .collect();
            if !on_evidence.is_empty() {
                located += 1;
                if on_evidence
                    .iter()
                    .any(|&i| types(&events[i]).iter().any(|t| t == m.event_type.as_str()))
                {
                    typed += 1;
                }
            }
        }
    }
    println!(
        "\n{below} mentions below confidence {} left out",
        dateline_events::DEFAULT_MIN_CONFIDENCE
    );
    let recall = hit_pairs as f64 / pairs.max(1) as f64;
    let precision = right as f64 / total.max(1) as f64;
    let type_acc = typed as f64 / located.max(1) as f64;
    println!(
        "\nrecall {hit_pairs}/{pairs} = {recall:.3}; precision {right}/{total} = {precision:.3}; \
         type accuracy {typed}/{located} = {type_acc:.3}; fatality errors {}",
        fatality_errors.len()
    );
    for f in &fatality_errors {
        println!("  {f}");
    }
    assert!(recall >= 0.80, "recall {recall:.3} < 0.80");
    assert!(precision >= 0.80, "precision {precision:.3} < 0.80");
    assert!(type_acc >= 0.85, "type accuracy {type_acc:.3} < 0.85");
    assert!(
        fatality_errors.is_empty(),
        "fatality figures wrong: {fatality_errors:?}"
    );
}
