//! `dateline ingest` and the queries on the store: idempotence, atomic batches, recovery after a
//! kill, and what the store says about the sample corpus.

mod support;

use dateline_store::Store;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};
use support::{dateline, root};

fn counts(db: &Path) -> Vec<(&'static str, u64)> {
    Store::open_read_only(db)
        .expect("open")
        .counts()
        .expect("counts")
}

fn digest(db: &Path) -> String {
    Store::open_read_only(db)
        .expect("open")
        .digest()
        .expect("digest")
}

fn jsonl(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn ingesting_the_samples_twice_changes_nothing() {
    let dir = support::scratch("ingest-twice");
    let seeds = root().join("samples/seeds");
    let seeds = seeds.to_str().expect("utf-8 path");
    let first = dateline(&["ingest", seeds], &dir);
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert!(
        stderr.contains("read 5 files: 5 new captures, 0 already known"),
        "{stderr}"
    );
    let db = dir.join("dateline.db");
    assert!(
        db.exists(),
        "the default database is dateline.db in the working folder"
    );
    let before = counts(&db);
    let digest_before = digest(&db);
    assert_eq!(
        before.iter().find(|(t, _)| *t == "captures").map(|c| c.1),
        Some(5)
    );

    let second = dateline(&["ingest", seeds], &dir);
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(
        stderr.contains("0 new captures, 5 already known, 0 articles"),
        "{stderr}"
    );
    assert_eq!(counts(&db), before, "row counts per table");
    assert_eq!(digest(&db), digest_before, "contents");
}

/// Copies of one page in consecutive batches: a batch is extracted while the one before it is
/// written, and still counts the first copy as stored. The same samples in one batch and in
/// batches of one give the same database.
#[test]
fn copies_in_consecutive_batches_are_stored_once_whatever_the_batch_size() {
    let dir = support::scratch("ingest-batches");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).expect("dir");
    let seeds = root().join("samples/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&seeds)
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for p in &files {
        std::fs::copy(p, corpus.join(p.file_name().expect("name"))).expect("copy");
    }
    let pages: Vec<_> = (files.iter())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
        .collect();
    // Page and sidecar under a name sorted right after the original's: the copy lands in the
    // next batch of one.
    let first = pages.first().expect("a sample capture");
    let stem = first.file_stem().and_then(|s| s.to_str()).expect("stem");
    for p in files.iter().filter(|p| p.file_stem() == first.file_stem()) {
        let ext = p.extension().and_then(|e| e.to_str()).expect("extension");
        std::fs::copy(p, corpus.join(format!("{stem}0.{ext}"))).expect("copy");
    }
    let n = pages.len();
    for (db, batch) in [("one.db", "1"), ("all.db", "256")] {
        let out = dateline(
            &["ingest", "--db", db, "--batch-size", batch, "corpus"],
            &dir,
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!(
                "read {} files: {n} new captures, 1 already known",
                n + 1
            )),
            "batches of {batch}: {stderr}"
        );
    }
    assert_eq!(digest(&dir.join("one.db")), digest(&dir.join("all.db")));
}

#[test]
fn rejections_are_reported_and_stored_once() {
    let dir = support::scratch("ingest-rejections");
    std::fs::write(dir.join("empty.txt"), b"").expect("write");
    std::fs::write(dir.join("notes.pdf"), b"%PDF").expect("write");
    for _ in 0..2 {
        let out = dateline(&["ingest", "--db", "x.db", "empty.txt", "notes.pdf"], &dir);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("rejected empty.txt: empty file"),
            "{stderr}"
        );
        assert!(
            stderr.contains("rejected notes.pdf: not a capture"),
            "{stderr}"
        );
        assert!(stderr.contains("2 rejected"), "{stderr}");
    }
    let store = Store::open_read_only(&dir.join("x.db")).expect("open");
    let rejections = store.rejections().expect("rejections");
    assert_eq!(rejections.len(), 2, "{rejections:?}");
    let strict = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["ingest", "--strict", "--db", "x.db", "empty.txt"])
        .current_dir(&dir)
        .output()
        .expect("run");
    assert_eq!(
        strict.status.code(),
        Some(1),
        "--strict fails on rejections"
    );
}

/// The Daily8 copy in 000 lacks the lead sentence and prints no outlet or date; the gold says it
/// is the Iraqi News article that 002 carries in full, published 21 July 2025.
#[test]
fn the_truncated_daily8_copy_joins_the_iraqi_news_story_and_inherits_its_outlet() {
    let dir = support::scratch("ingest-samples");
    let seeds = root().join("samples/seeds");
    dateline(&["ingest", seeds.to_str().expect("utf-8")], &dir);
    let articles = jsonl(&dateline(&["articles", "--format", "jsonl"], &dir));
    assert_eq!(articles.len(), 12);
    let title = "Baghdad, US Central Command review security cooperation";
    let copies: Vec<&Value> = articles.iter().filter(|a| a["title"] == title).collect();
    assert_eq!(copies.len(), 2, "one in 000, one in 002");
    let (cut, full) = if copies[0]["capture"]
        .as_str()
        .is_some_and(|c| c.starts_with("000"))
    {
        (copies[0], copies[1])
    } else {
        (copies[1], copies[0])
    };
    assert_eq!(cut["story"], full["story"]);
    assert_eq!(cut["relation"], "truncated");
    assert_eq!(cut["copy_of"], full["id"]);
    // 002's text is the fullest of its copies; the Baghdad Telegraph rewrite (001) may be longer.
    assert!(
        full["relation"] == "fullest" || full["relation"] == "rewrite",
        "{}",
        full["relation"]
    );
    assert_eq!(cut["inferred_outlet"]["value"], "Iraqi News");
    assert_eq!(cut["inferred_outlet"]["from"], full["id"]);
    let day = cut["inferred_published"]["value"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(day.starts_with("2025-07-21"), "inferred date {day}");

    // Filters: by outlet the inferred outlet counts; CSV has a header and one line per story.
    let iraqi = jsonl(&dateline(
        &["articles", "--outlet", "iraqi news", "--format", "jsonl"],
        &dir,
    ));
    assert!(iraqi.iter().any(|a| a["id"] == cut["id"]));
    assert!(
        iraqi
            .iter()
            .all(|a| a["outlet"] == "Iraqi News" || a["id"] == cut["id"])
    );
    let old = jsonl(&dateline(
        &["articles", "--until", "2024", "--format", "jsonl"],
        &dir,
    ));
    let titles: Vec<&str> = old.iter().filter_map(|a| a["title"].as_str()).collect();
    assert_eq!(
        titles,
        vec!["ISIS no longer a threat: Iraqi PM tells coalition commander"]
    );
    let csv = String::from_utf8_lossy(&dateline(&["stories", "--format", "csv"], &dir).stdout)
        .into_owned();
    assert!(
        csv.starts_with("id,earliest,members,outlets,title\n"),
        "{csv}"
    );
    let stories = jsonl(&dateline(&["stories"], &dir));
    assert_eq!(csv.lines().count(), stories.len() + 1);
    let story = stories
        .iter()
        .find(|s| s["id"] == cut["story"])
        .expect("the copies' story is listed");
    let members = story["members"].to_string();
    assert!(
        members.contains(cut["id"].as_str().unwrap_or("?"))
            && members.contains(full["id"].as_str().unwrap_or("?"))
    );
    assert!(story["outlets"].to_string().contains("Iraqi News"));
}

/// The content filters of `articles` and `stories` read each article's own mentions: an article
/// is listed by `--type ASSAULT` exactly when one of its mentions went into an ASSAULT event, and a
/// story when one of its members is.
#[test]
fn articles_and_stories_filter_on_the_mentions_they_carry() {
    let dir = support::scratch("ingest-filters");
    let seeds = root().join("samples/seeds");
    dateline(&["ingest", seeds.to_str().expect("utf-8")], &dir);
    let ids = |rows: &[Value], key: &str| -> BTreeSet<String> {
        rows.iter()
            .filter_map(|r| r[key].as_str().map(str::to_owned))
            .collect()
    };
    let events = jsonl(&dateline(
        &["events", "--type", "ASSAULT", "--format", "jsonl"],
        &dir,
    ));
    // A mention id is `article:offset:n`.
    let expected: BTreeSet<String> = events
        .iter()
        .flat_map(|e| e["mentions"].as_array().cloned().unwrap_or_default())
        .filter_map(|m| Some(m.as_str()?.split(':').next()?.to_owned()))
        .collect();
    assert!(!expected.is_empty(), "the samples report ISIS raids");
    let articles = jsonl(&dateline(
        &["articles", "--type", "ASSAULT", "--format", "jsonl"],
        &dir,
    ));
    assert_eq!(ids(&articles, "id"), expected);

    let all = jsonl(&dateline(&["articles", "--format", "jsonl"], &dir));
    assert!(all.len() > articles.len(), "the filter drops something");
    let story_of: BTreeSet<String> = all
        .iter()
        .filter(|a| a["id"].as_str().is_some_and(|id| expected.contains(id)))
        .filter_map(|a| a["story"].as_str().map(str::to_owned))
        .collect();
    let stories = jsonl(&dateline(
        &["stories", "--type", "ASSAULT", "--format", "jsonl"],
        &dir,
    ));
    assert_eq!(ids(&stories, "id"), story_of);
}

/// Acceptance on the samples, against the gold's events and conflicts: the 21 July meeting is one
/// event from several outlets, the rewrite joins the story it rewrites, the end dates conflict.
#[test]
fn samples_end_to_end_events_stories_and_conflicts() {
    let dir = support::scratch("ingest-e2e");
    let seeds = root().join("samples/seeds");
    dateline(&["ingest", seeds.to_str().expect("utf-8")], &dir);
    let events = jsonl(&dateline(&["events", "--format", "jsonl"], &dir));
    assert!(
        !events.is_empty(),
        "no events coded: the event extractor returns nothing yet"
    );
    let articles = jsonl(&dateline(&["articles", "--format", "jsonl"], &dir));
    let mentions_in = |e: &Value, prefix: &str| {
        let out = dateline(&["show", e["id"].as_str().unwrap_or_default()], &dir);
        String::from_utf8_lossy(&out.stdout)
            .matches(&format!("[{prefix}"))
            .count()
    };

    // Gold E1: the 21 July 2025 meeting, reported by 000 (copy), 001 (rewrite) and 002.
    let e1 = events
        .iter()
        .find(|e| {
            e["type"] == "CONSULT"
                && e["date"]["value"]
                    .as_str()
                    .is_some_and(|d| d.starts_with("2025-07-21"))
                && e["actors"].to_string().contains("Sudani")
        })
        .expect("gold E1: CONSULT on 2025-07-21 with al-Sudani");
    for capture in ["001", "002"] {
        assert!(mentions_in(e1, capture) >= 1, "E1 mentioned in {capture}");
    }
    let sources: Vec<&str> = e1["sources"]
        .as_array()
        .map(|s| s.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert!(
        sources.contains(&"Iraqi News") && sources.len() >= 2,
        "{sources:?}"
    );

    // The rewrite in 001 is in the story of the Iraqi News report (gold duplicates_of: rewrite).
    let story_of = |prefix: &str, title_part: &str| {
        articles
            .iter()
            .find(|a| {
                a["capture"].as_str().is_some_and(|c| c.starts_with(prefix))
                    && a["title"].as_str().is_some_and(|t| t.contains(title_part))
            })
            .map(|a| a["story"].clone())
    };
    assert_eq!(
        story_of("001", "Bilateral Phase"),
        story_of("002", "Central Command"),
        "001 rewrites 002's report"
    );

    // Gold conflict: the mission ends September 2026 (000/001/002) vs September 2025 (003).
    let dated = events.iter().filter(|e| {
        e["conflicts"].as_array().is_some_and(|cs| {
            cs.iter().any(|c| {
                c["field"] == "date"
                    && c["values"].to_string().contains("2026-09")
                    && c["values"].to_string().contains("2025-09")
            })
        })
    });
    assert!(
        dated.count() >= 2,
        "E2 and E16 both flag the end-date conflict"
    );

    // Gold conflict: "no longer a threat" (al-Sudani) vs "remains a threat" (CENTCOM), in 004.
    let threat = events.iter().find_map(|e| {
        e["conflicts"]
            .as_array()?
            .iter()
            .find(|c| c["field"] == "claim")
            .map(|c| c["values"].to_string())
    });
    let threat = threat.expect("the threat claims contradict");
    assert!(
        threat.contains("isis is no longer a threat") && threat.contains("isis is a threat"),
        "{threat}"
    );
}

/// Mostly words that code no event (the coder is slow in a debug build), and a few that do.
const WORDS: &[&str] = &[
    "water",
    "shortage",
    "harvest",
    "river",
    "bridge",
    "school",
    "teachers",
    "hospital",
    "season",
    "prices",
    "market",
    "farmers",
    "oil",
    "exports",
    "budget",
    "roads",
    "projects",
    "weather",
    "rain",
    "summer",
    "bread",
    "wheat",
    "traffic",
    "buses",
    "museum",
    "students",
    "football",
    "officials",
    "delegation",
    "met",
    "visited",
    "governor",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

/// `n` small plain-text captures (a title and two or three one-sentence paragraphs); every tenth
/// repeats its predecessor without the first paragraph (a truncated copy), so stories have more
/// than one member.
fn generate(dir: &Path, n: usize) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut previous: Vec<String> = Vec::new();
    for i in 0..n {
        let paragraphs: Vec<String> = if i % 10 == 9 && previous.len() > 2 {
            previous[1..].to_vec()
        } else {
            (0..2 + rng.next() % 2)
                .map(|_| {
                    let words: Vec<&str> =
                        (0..8 + rng.next() % 6).map(|_| rng.pick(WORDS)).collect();
                    format!("The {} {}.", words.join(" "), rng.next() % 1000)
                })
                .collect()
        };
        let title = format!(
            "Report {i}: {} {} {}",
            rng.pick(WORDS),
            rng.pick(WORDS),
            rng.pick(WORDS)
        );
        let text = format!("{title}\n\n{}\n", paragraphs.join("\n\n"));
        let sub = dir.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&sub).expect("dir");
        std::fs::write(sub.join(format!("c{i:05}.txt")), text).expect("write");
        previous = paragraphs;
    }
}

#[test]
fn a_killed_ingest_loses_nothing_committed_and_a_rerun_completes_it() {
    const N: usize = 10_000;
    const BATCH: usize = 100;
    let dir = support::scratch("ingest-kill");
    let corpus = dir.join("corpus");
    generate(&corpus, N);

    // Reference: one uninterrupted run, with batches of another size.
    dateline(
        &[
            "ingest",
            "--db",
            "whole.db",
            "--batch-size",
            "1000",
            "corpus",
        ],
        &dir,
    );
    let whole = counts(&dir.join("whole.db"));
    assert_eq!(whole[0], ("captures", N as u64));

    let db = dir.join("killed.db");
    let at_kill = support::killed_ingest(&dir, "killed.db", BATCH as u64, "corpus");
    assert!(at_kill < N as u64, "killed part-way ({at_kill} of {N})");
    assert_eq!(
        at_kill % BATCH as u64,
        0,
        "only whole batches are committed ({at_kill})"
    );
    let store = Store::open_read_only(&db).expect("open after kill");
    assert!(
        store.stories().expect("stories").is_empty(),
        "no derived rows before the end of a run"
    );
    drop(store);
    let events = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["events", "--db", "killed.db"])
        .current_dir(&dir)
        .output()
        .expect("run dateline events");
    let err = String::from_utf8_lossy(&events.stderr);
    assert!(
        !events.status.success() && err.contains("Rerun `dateline ingest"),
        "queries refuse the stale database: {err}"
    );

    let rerun = dateline(&["ingest", "--db", "killed.db", "corpus"], &dir);
    let stderr = String::from_utf8_lossy(&rerun.stderr);
    assert!(
        stderr.contains(&format!(
            "{} new captures, {at_kill} already known",
            N as u64 - at_kill
        )),
        "{stderr}"
    );
    assert_eq!(counts(&db), whole, "row counts after the rerun");
    assert_eq!(
        digest(&db),
        digest(&dir.join("whole.db")),
        "same rows as the uninterrupted run"
    );
    let stories = whole
        .iter()
        .find(|(t, _)| *t == "stories")
        .map_or(0, |c| c.1);
    assert!(
        stories < N as u64,
        "truncated copies joined their originals ({stories} stories)"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
