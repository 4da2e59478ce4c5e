//! `dateline inspect`: what an adapter author sees of one capture, checked on a site fixture (chosen
//! by its URL, then by its layout alone) and on pages no site adapter claims.

mod support;

use serde_json::Value;
use std::path::Path;
use support::{dateline, root, scratch};

/// The ids `dateline adapters` lists: inspect must score every one of them.
fn registered(dir: &Path) -> Vec<String> {
    let out = dateline(&["adapters"], dir);
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect()
}

fn inspect_json(file: &Path, dir: &Path) -> Value {
    let out = dateline(
        &[
            "inspect".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            file.as_os_str(),
        ],
        dir,
    );
    serde_json::from_slice(&out.stdout).expect("inspect --format json prints one JSON object")
}

fn inspect_text(file: &Path, dir: &Path) -> String {
    let out = dateline(&["inspect".as_ref(), file.as_os_str()], dir);
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Every registered adapter appears once, with a layout score.
fn check_scores(report: &Value, ids: &[String]) {
    let listed: Vec<&str> = report["adapters"]
        .as_array()
        .expect("adapters")
        .iter()
        .map(|a| {
            assert!(a["layout"]["score"].is_u64(), "no score: {a}");
            a["id"].as_str().expect("id")
        })
        .collect();
    assert_eq!(listed, ids, "every registered adapter, in registry order");
}

fn check_blocks(report: &Value) -> &Vec<Value> {
    let blocks = report["blocks"].as_array().expect("blocks");
    assert!(!blocks.is_empty(), "no blocks listed");
    for (i, b) in blocks.iter().enumerate() {
        assert_eq!(b["index"], i, "blocks in page order");
        assert!(b["kind"].is_string() || b["kind"].is_object(), "kind: {b}");
        assert!(b["text"].is_string(), "text: {b}");
    }
    blocks
}

#[test]
fn site_fixture_by_url_and_by_layout() {
    let dir = scratch("inspect-site");
    let ids = registered(&dir);
    assert!(ids.contains(&"rudaw".to_owned()) && ids.contains(&"generic".to_owned()));
    let fixture = root().join("adapters/rudaw/fixtures/kirkuk-isis-attack-byline.txt");

    // With its sidecar: the URL host decides, and the layout alone would too.
    let report = inspect_json(&fixture, &dir);
    assert_eq!(report["read"]["encoding"], "UTF-8");
    assert!(report["read"]["encoding_source"].is_string());
    assert_eq!(report["read"]["host"], "rudaw.net");
    assert!(report["read"]["bytes"].as_u64().unwrap() > 0);
    assert_eq!(report["chosen"]["id"], "rudaw");
    assert_eq!(report["chosen"]["rule"], "host");
    assert_eq!(report["without_url"]["id"], "rudaw");
    assert_eq!(report["without_url"]["rule"], "best_score");
    check_scores(&report, &ids);
    let rudaw = report["adapters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "rudaw")
        .unwrap();
    assert!(rudaw["layout"]["score"].as_u64().unwrap() >= 50);
    assert!(!rudaw["layout"]["reason"].as_str().unwrap().is_empty());
    let blocks = check_blocks(&report);
    assert!(blocks.iter().all(|b| b["kind"] == "line"), "a text capture");
    let articles = report["articles"].as_array().expect("articles");
    assert!(!articles.is_empty() && report["error"].is_null());
    let lead = &articles[0];
    assert!(!lead["title"].as_str().unwrap().is_empty());
    assert_eq!(lead["outlet"], "Rudaw");
    assert!(lead["published_raw"].is_string() && lead["published"].is_string());
    assert!(lead["dateline"].is_string());
    assert!(lead["paragraphs"].as_u64().unwrap() > 1);

    // The same page without its sidecar: the layout decides.
    let copy = dir.join("page.txt");
    std::fs::copy(&fixture, &copy).unwrap();
    let report = inspect_json(&copy, &dir);
    assert!(report["read"]["url"].is_null() && report["without_url"].is_null());
    assert_eq!(report["chosen"]["id"], "rudaw");
    assert_eq!(report["chosen"]["rule"], "best_score");
    check_scores(&report, &ids);

    // The text form says the same for a reader.
    let text = inspect_text(&fixture, &dir);
    assert!(text.contains("chosen: rudaw (the URL host"), "{text}");
    for id in &ids {
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with(id.as_str()) && l.contains("layout")),
            "{id} has no score line:\n{text}"
        );
    }
    assert!(
        text.contains("\nblocks (") && text.contains("\narticles ("),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn generic_pages_fall_back_and_show_their_markup() {
    let dir = scratch("inspect-generic");
    let ids = registered(&dir);
    let page = root().join("adapters/generic/fixtures/levant-monitor-deir-ez-zor.html");
    let report = inspect_json(&page, &dir);
    assert_eq!(report["chosen"]["id"], "generic");
    assert_eq!(report["chosen"]["rule"], "fallback");
    check_scores(&report, &ids);
    let blocks = check_blocks(&report);
    assert!(blocks.iter().any(|b| b["tag"] == "h1"), "HTML tags shown");
    assert!(
        blocks.iter().any(|b| b["chrome"] == true),
        "the nav is chrome"
    );
    let articles = report["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 1, "{articles:?}");
    assert!(articles[0]["paragraphs"].as_u64().unwrap() > 0);

    // A page's control characters are escaped in the text form and kept in JSON; long blocks are
    // cut.
    let long = "word ".repeat(60);
    let odd = dir.join("odd.txt");
    std::fs::write(
        &odd,
        format!("A headline\n\nSome \u{1b}[31mred\u{1b}[0m text in a story body.\n\n{long}\n"),
    )
    .unwrap();
    let text = inspect_text(&odd, &dir);
    assert!(!text.contains('\u{1b}'), "raw escape printed:\n{text}");
    assert!(text.contains("\\u{1b}[31mred"), "{text}");
    assert!(text.contains("chosen: generic"), "{text}");
    assert!(text.lines().all(|l| l.chars().count() < 140), "{text}");
    let report = inspect_json(&odd, &dir);
    assert!(
        report["blocks"][1]["text"]
            .as_str()
            .unwrap()
            .contains('\u{1b}')
    );
    let _ = std::fs::remove_dir_all(&dir);
}
