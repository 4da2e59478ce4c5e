//! How a coded event is matched with a gold event of `samples/gold/seeds.json`; shared by the
//! mention-level test here and the merged-event test of the CLI (`crates/cli/tests/merged_gold.rs`).
#![allow(dead_code)]

use dateline_core::TimeValue;
use dateline_core::event::ActorRef;
use dateline_events::Extractor;
use jiff::civil::Date;
use serde_json::Value;

pub fn bound(s: &str, end: bool) -> Option<Date> {
    let parts: Vec<&str> = s.split('-').collect();
    let y: i16 = parts.first()?.parse().ok()?;
    let m: Option<i8> = parts.get(1).and_then(|m| m.parse().ok());
    let d: Option<i8> = parts.get(2).and_then(|d| d.get(..2)?.parse().ok());
    match (m, d) {
        (Some(m), Some(d)) => Date::new(y, m, d).ok(),
        (Some(m), None) => {
            let first = Date::new(y, m, 1).ok()?;
            Some(if end { first.last_of_month() } else { first })
        }
        _ => Date::new(y, if end { 12 } else { 1 }, if end { 31 } else { 1 }).ok(),
    }
}

/// Day bounds of a gold date: union of its value and its range; `None` when the value is null.
pub fn gold_bounds(date: &Value) -> Option<(Date, Date)> {
    let value = date.get("value")?.as_str()?;
    let (mut a, mut b) = (bound(value, false)?, bound(value, true)?);
    if let Some(r) = date.get("range").and_then(Value::as_array) {
        if let Some(s) = r
            .first()
            .and_then(Value::as_str)
            .and_then(|s| bound(s, false))
        {
            a = a.min(s);
        }
        if let Some(e) = r
            .get(1)
            .and_then(Value::as_str)
            .and_then(|s| bound(s, true))
        {
            b = b.max(e);
        }
    }
    Some((a, b))
}

pub fn date_ok(gold: &Value, m: &TimeValue) -> bool {
    match gold_bounds(gold) {
        None => m.value.is_none(),
        Some((a, b)) => m.bounds().is_some_and(|(x, y)| x <= b && a <= y),
    }
}

pub fn types(e: &Value) -> Vec<String> {
    let mut t = vec![e["plover_type"].as_str().unwrap_or("").to_owned()];
    if let Some(alt) = e["alternative_types"]["types"].as_array() {
        t.extend(alt.iter().filter_map(Value::as_str).map(str::to_owned));
    }
    t
}

/// Canonical actors a gold event names, through the lexicon.
pub fn gold_actors(x: &Extractor, e: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for a in e["actors"].as_array().into_iter().flatten() {
        let mut names: Vec<&str> = vec![a["name"].as_str().unwrap_or("")];
        names.extend(
            a["aliases_in_text"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str),
        );
        for n in names {
            if let Some(c) = x.resolve_actor(n, None)
                && !out.iter().any(|o| o == c)
            {
                out.push(c.to_owned());
            }
        }
    }
    out
}

pub fn actor_ok(x: &Extractor, gold: &[String], actors: &[ActorRef]) -> bool {
    actors
        .iter()
        .any(|a| gold.iter().any(|g| x.actors_related(&a.name, g)))
}

/// Whitespace runs to one space, curly apostrophes straight: how evidence sentences compare.
pub fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['’', '‘'], "'")
}

/// Gold evidence sentences of an event in one capture, normalised.
pub fn evidence_of(e: &Value, file: &str) -> Vec<String> {
    let mut out = Vec::new();
    for r in e["reported_in"].as_array().into_iter().flatten() {
        if r["file"].as_str() != Some(file) {
            continue;
        }
        if let Some(s) = r["evidence"].as_str() {
            out.push(norm(s));
        }
        for s in r["more_evidence"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            out.push(norm(s));
        }
    }
    out
}

/// One sentence contains the other, once normalised.
pub fn same_sentence(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    a.contains(&b) || b.contains(&a)
}
