//! `dateline report`: the HTML timeline, rendered by headless Chromium.
//!
//! The store is filled with hand-made articles and mentions (modelled on the sample corpus: one
//! meeting reported by two outlets, two reports that date the end of the coalition mission
//! differently, a raid with two casualty figures), so the test does not depend on the event coder.
//! Chromium comes from Debian (`.ci/install-chromium`); without it the test fails under CI and is
//! skipped loudly elsewhere.

// The hand-made store and the checks of the page read best top to bottom, as the page shows them.
#![allow(clippy::too_many_lines)]

mod support;

use dateline_core::event::*;
use dateline_core::time::{Tense, resolve_mention, resolve_published};
use dateline_core::{AdapterRef, Article, DateOrder, TimeValue};
use dateline_store::{EncodedMention, NewCapture, Store};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::root;

fn article(id: &str, outlet: &str, published: &str, title: &str, body: &str) -> Article {
    Article {
        id: id.into(),
        capture: format!("{id}.txt"),
        via: None,
        outlet: Some(outlet.into()),
        url: None,
        title: title.into(),
        author: None,
        section: None,
        published: resolve_published(published, None, DateOrder::DayFirst),
        captured: TimeValue::default(),
        dateline: None,
        caption: None,
        body: body.into(),
        truncated: false,
        adapter: AdapterRef {
            name: "test".into(),
            version: "1".into(),
        },
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

#[allow(clippy::too_many_arguments)]
fn mention(
    id: &str,
    a: &Article,
    t: EventType,
    date: TimeValue,
    actors: Vec<ActorRef>,
    place: Option<&str>,
    killed: Option<u32>,
    sentence: &str,
) -> EventMention {
    let start = a.body.find(sentence).unwrap_or(0);
    EventMention {
        id: id.into(),
        capture: a.capture.clone(),
        article: a.id.clone(),
        outlet: a.outlet.clone(),
        event_type: t,
        mode: None,
        date,
        place: place.map(|p| Place {
            name: p.into(),
            admin1: None,
            country: Some("IRQ".into()),
            lat: None,
            lon: None,
            precision: PlacePrecision::City,
        }),
        actors,
        counts: Counts {
            killed,
            ..Default::default()
        },
        evidence: Evidence {
            sentence: sentence.into(),
            start,
            end: start + sentence.len(),
        },
        claim: None,
        confidence: 1.0,
    }
}

fn capture(a: Article, mentions: Vec<EventMention>) -> NewCapture {
    NewCapture {
        sha256: format!("sha-{}", a.id),
        name: a.capture.clone(),
        path: a.capture.clone(),
        file: a.capture.clone(),
        url: None,
        captured_at: None,
        outlet_hint: None,
        media: "text".into(),
        encoding: "UTF-8".into(),
        adapter: "test".into(),
        reason: "test".into(),
        fingerprints: vec![dateline_corpus::Fingerprint::of(&a.body)],
        articles: vec![a],
        mentions: mentions
            .iter()
            .map(|m| EncodedMention::of(m).expect("a mention encodes"))
            .collect(),
    }
}

const MEETING_IN: &str = "Iraqi Prime Minister Al-Sudani met Michael Kurilla, the commander of US Central Command, on Monday in Baghdad.";
const BBC: &str = "In an interview with the BBC earlier in July, Al-Sudani said that the international coalition's mission in Iraq will end in September 2026.";
const MEETING_BT: &str =
    "On Monday, Al-Sudani held a high-level meeting with General Michael Kurilla in Baghdad.";
const RUDAW: &str = "In September 2024, Baghdad and Washington jointly announced an agreement to end the mission of the coalition in Iraq by September 2025.";
const RAID_A: &str = "A joint raid in western Iraq killed at least 15 suspected ISIS members.";
const RAID_B: &str = "The raid in western Iraq killed 14 ISIS fighters, officials said.";

fn build_store(db: &Path) -> Store {
    let on = |raw: &str, anchor: &str| resolve_mention(raw, anchor.parse().ok(), Tense::Past);
    let sudani = || actor("Mohammed Shia al-Sudani", Side::Source);
    let iraqi = article(
        "a1",
        "Iraqi News",
        "2025-07-21",
        "Baghdad, US Central Command review security cooperation",
        &format!("{MEETING_IN}\n\n{BBC}"),
    );
    let bt = article(
        "a2",
        "Baghdad Telegraph",
        "2025-07-26",
        "Iraq-US Security Cooperation Moves Toward Bilateral Phase",
        MEETING_BT,
    );
    let rudaw = article(
        "a3",
        "Rudaw",
        "2025-04-24",
        "Sudani receives coalition commander",
        RUDAW,
    );
    let ap = article("a4", "AP", "2024-08-31", "Raid kills ISIS members", RAID_A);
    let centcom = article(
        "a5",
        "Rudaw",
        "2024-09-01",
        "ISIS no longer a threat",
        RAID_B,
    );
    let caps = vec![
        capture(
            iraqi.clone(),
            vec![
                mention(
                    "m1",
                    &iraqi,
                    EventType::Consult,
                    on("on Monday", "2025-07-21"),
                    vec![sudani(), actor("Michael Kurilla", Side::Target)],
                    Some("Baghdad"),
                    None,
                    MEETING_IN,
                ),
                mention(
                    "m2",
                    &iraqi,
                    EventType::Agree,
                    on("earlier in July", "2025-07-21"),
                    vec![sudani(), actor("Global Coalition", Side::Target)],
                    None,
                    None,
                    BBC,
                ),
            ],
        ),
        capture(
            bt.clone(),
            vec![mention(
                "m3",
                &bt,
                EventType::Consult,
                on("On Monday", "2025-07-26"),
                vec![sudani(), actor("Michael Kurilla", Side::Target)],
                Some("Baghdad"),
                None,
                MEETING_BT,
            )],
        ),
        capture(
            rudaw.clone(),
            vec![mention(
                "m4",
                &rudaw,
                EventType::Agree,
                on("In September 2024", "2025-04-24"),
                vec![
                    actor("Government of Iraq", Side::Source),
                    actor("Global Coalition", Side::Target),
                ],
                None,
                None,
                RUDAW,
            )],
        ),
        capture(
            ap.clone(),
            vec![mention(
                "m5",
                &ap,
                EventType::Assault,
                resolve_published("2024-08-31", None, DateOrder::DayFirst),
                vec![
                    actor("US military", Side::Source),
                    actor("Islamic State", Side::Target),
                ],
                None,
                Some(15),
                RAID_A,
            )],
        ),
        capture(
            centcom.clone(),
            vec![mention(
                "m6",
                &centcom,
                EventType::Assault,
                resolve_published("2024-08-31", None, DateOrder::DayFirst),
                vec![
                    actor("US military", Side::Source),
                    actor("Islamic State", Side::Target),
                ],
                None,
                Some(14),
                RAID_B,
            )],
        ),
    ];
    let mut store = Store::open(db).expect("open store");
    store.ingest_batch(&caps, &[]).expect("ingest");
    store.rebuild().expect("rebuild");
    store
}

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("DATELINE_CHROMIUM") {
        return Some(p.into());
    }
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

fn headless(bin: &Path, profile: &Path, extra: &[&str], url: &str) -> std::process::Output {
    Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("run chromium")
}

#[test]
fn the_report_draws_every_event_and_opens_its_evidence_in_chromium() {
    let dir = support::scratch("report");
    let db = dir.join("r.db");
    let store = build_store(&db);
    let events = store.events().expect("events");
    drop(store);
    // Meeting (2 outlets), BBC statement, Rudaw agreement, raid (2 figures).
    assert_eq!(events.len(), 4, "{events:#?}");
    let meeting = events
        .iter()
        .find(|e| e.event_type == EventType::Consult)
        .expect("meeting");
    assert_eq!(meeting.sources, vec!["Baghdad Telegraph", "Iraqi News"]);
    let raid = events
        .iter()
        .find(|e| e.event_type == EventType::Assault)
        .expect("raid");
    assert!(raid.conflicts.iter().any(|c| c.field == "killed"));

    let html = dir.join("timeline.html");
    write_report(&db, &html, &dir);
    let page = std::fs::read_to_string(&html).expect("report written");
    // Self-contained: nothing to fetch (the SVG namespace is a name, not a request).
    for needle in [
        "src=",
        "href=",
        "@import",
        "url(",
        "<link",
        "fetch(",
        "XMLHttpRequest",
    ] {
        assert!(
            !page.contains(needle),
            "the report must not load anything ({needle})"
        );
    }
    let again = dir.join("again.html");
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["report", "--db"])
        .arg(&db)
        .arg("-o")
        .arg(&again)
        .output()
        .expect("run dateline report");
    assert_eq!(
        std::fs::read(&again).ok(),
        Some(page.clone().into_bytes()),
        "deterministic output"
    );

    let Some(bin) = chromium() else {
        if std::env::var_os("CI").is_some() {
            panic!("chromium is required under CI: run .ci/install-chromium");
        }
        eprintln!(
            "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
        );
        eprintln!("SKIPPED: no chromium found; the HTML report was NOT rendered.");
        eprintln!("Install it with .ci/install-chromium (Debian package `chromium`).");
        eprintln!(
            "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
        );
        return;
    };
    let profile = dir.join("profile");
    let bbc = events
        .iter()
        .find(|e| e.event_type == EventType::Agree && e.date.value.as_deref() == Some("2025-07"))
        .expect("the BBC statement");
    let url = format!("file://{}#event={}", html.display(), bbc.id);
    let dom = headless(&bin, &profile, &["--dump-dom"], &url);
    let dom_text = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.status.success() && dom_text.contains("<svg"),
        "chromium failed: {}",
        String::from_utf8_lossy(&dom.stderr)
    );
    for e in &events {
        assert!(
            dom_text.contains(&format!("data-event=\"{}\"", e.id)),
            "event {} drawn",
            e.id
        );
    }
    assert!(
        dom_text.contains("4 events drawn, 0 undated"),
        "status line"
    );
    // Both ends of the mission-date disagreement are flagged, and the raid's two figures.
    assert!(dom_text.contains("3 with conflicts"), "conflict badge");
    assert!(dom_text.contains("sources disagree on date"));
    assert!(dom_text.contains("sources disagree on killed"));
    // The selected event's evidence and outlet are shown.
    assert!(
        dom_text.contains("will end in September 2026"),
        "evidence sentence shown"
    );
    assert!(
        dom_text.contains("Iraqi News — Baghdad, US Central Command review security cooperation")
    );

    let shot = root().join("target/report-timeline.png");
    let _ = std::fs::remove_file(&shot);
    let png = headless(
        &bin,
        &profile,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1400,900",
        ],
        &url,
    );
    assert!(
        png.status.success(),
        "{}",
        String::from_utf8_lossy(&png.stderr)
    );
    let bytes = std::fs::read(&shot).expect("screenshot written");
    assert!(
        bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000,
        "a real picture"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// An event reported many times embeds a bounded number of evidence sentences and says how many
/// there are, so a large corpus still gives a page that opens.
#[test]
fn an_event_reported_many_times_shows_a_bounded_sample_of_its_evidence() {
    let dir = support::scratch("report-many");
    let db = dir.join("r.db");
    let mut store = Store::open(&db).expect("open");
    let on = |raw: &str| resolve_mention(raw, "2025-07-21".parse().ok(), Tense::Past);
    let captures: Vec<NewCapture> = (0..30)
        .map(|i| {
            let a = article(
                &format!("m{i:02}"),
                &format!("Outlet {i}"),
                "2025-07-21",
                &format!("Report {i}"),
                &format!("{MEETING_IN} Report number {i} of many, in its own words."),
            );
            let m = mention(
                &format!("m{i:02}:0:1"),
                &a,
                EventType::Consult,
                on("on Monday"),
                vec![
                    actor("Mohammed Shia al-Sudani", Side::Source),
                    actor("Michael Kurilla", Side::Target),
                ],
                Some("Baghdad"),
                None,
                MEETING_IN,
            );
            capture(a, vec![m])
        })
        .collect();
    store.ingest_batch(&captures, &[]).expect("ingest");
    store.rebuild().expect("rebuild");
    let events = store.events().expect("events");
    assert_eq!(events.len(), 1, "thirty reports of one meeting");
    assert_eq!(events[0].mentions.len(), 30);
    drop(store);

    let html = dir.join("timeline.html");
    write_report(&db, &html, &dir);
    let page = std::fs::read_to_string(&html).expect("report written");
    let data = page
        .split("<script id=\"data\" type=\"application/json\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("embedded data");
    let data: serde_json::Value = serde_json::from_str(data).expect("data is JSON");
    let event = &data["events"][0];
    assert_eq!(event["mention_count"], 30);
    let shown = event["mentions"].as_array().expect("mentions");
    assert_eq!(shown.len(), 20);
    // The first by id, each with its own outlet.
    assert_eq!(shown[0]["outlet"], "Outlet 0");
    assert_eq!(shown[19]["id"], "m19:0:1");
}

/// `dateline report --db DB -o HTML`, run in `dir`.
fn write_report(db: &Path, html: &Path, dir: &Path) {
    support::dateline(
        &[
            OsStr::new("report"),
            OsStr::new("--db"),
            db.as_os_str(),
            OsStr::new("-o"),
            html.as_os_str(),
        ],
        dir,
    );
}
