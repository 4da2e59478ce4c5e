//! The store on its own: schema versioning, idempotent batches, derived tables independent of
//! batch boundaries.

use dateline_core::event::EventMention;
use dateline_core::{AdapterRef, Article, TimeValue};
use dateline_store::{EncodedMention, NewCapture, Store, StoreError};

fn capture(i: usize, body: &str) -> NewCapture {
    let article = Article {
        id: format!("a{i}"),
        capture: format!("c{i}.txt"),
        via: None,
        outlet: i.is_multiple_of(2).then(|| "Iraqi News".to_owned()),
        url: None,
        title: format!("title {i}"),
        author: None,
        section: None,
        published: TimeValue::default(),
        captured: TimeValue::default(),
        dateline: None,
        caption: None,
        body: body.to_owned(),
        truncated: false,
        adapter: AdapterRef {
            name: "test".into(),
            version: "1".into(),
        },
    };
    NewCapture {
        sha256: format!("sha{i}"),
        name: format!("c{i}.txt"),
        path: format!("c{i}.txt"),
        file: format!("/corpus/c{i}.txt"),
        url: None,
        captured_at: None,
        outlet_hint: None,
        media: "text".into(),
        encoding: "UTF-8".into(),
        adapter: "test".into(),
        reason: "test".into(),
        fingerprints: vec![dateline_corpus::Fingerprint::of(body)],
        articles: vec![article],
        mentions: Vec::new(),
    }
}

const BODY: &str = "The meeting was attended by Steven Fagin, Charge d'Affaires at the US Embassy in Baghdad, and Kevin Lambert, the new commander of the US-led global coalition against ISIS, according to the Prime Minister's Office.";

fn corpus() -> Vec<NewCapture> {
    (0..12)
        .map(|i| {
            let body = match i % 3 {
                0 => BODY.to_owned(),
                1 => BODY.replace(
                    "according to the Prime Minister's Office",
                    "the office said",
                ),
                _ => format!("Unrelated story number {i} about water shortages in the south."),
            };
            capture(i, &body)
        })
        .collect()
}

#[test]
fn batches_are_idempotent_and_derived_tables_ignore_batch_boundaries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let caps = corpus();

    let mut one = Store::open(&dir.path().join("one.db")).expect("open");
    let r = one.ingest_batch(&caps, &[]).expect("ingest");
    assert_eq!((r.new_captures, r.known_captures, r.articles), (12, 0, 12));
    assert!(one.is_stale().expect("stale"));
    one.rebuild_if_stale().expect("rebuild");
    assert!(!one.is_stale().expect("fresh"));
    let counts = one.counts().expect("counts");
    let again = one.ingest_batch(&caps, &[]).expect("again");
    assert_eq!((again.new_captures, again.known_captures), (0, 12));
    assert!(!one.is_stale().expect("nothing new, nothing stale"));
    assert_eq!(one.counts().expect("counts"), counts);

    let mut many = Store::open(&dir.path().join("many.db")).expect("open");
    for chunk in caps.rchunks(5) {
        many.ingest_batch(chunk, &[]).expect("ingest");
    }
    many.rebuild().expect("rebuild");
    assert_eq!(
        many.digest().expect("digest"),
        one.digest().expect("digest")
    );

    // Copies and the near copy form one story; the copy without outlet inherits it.
    let stories = one.stories().expect("stories");
    let big = stories
        .iter()
        .find(|s| s.members.len() == 8)
        .expect("story of 8 members");
    assert_eq!(big.outlets, vec!["Iraqi News"]);
    let inherited = one
        .articles()
        .expect("articles")
        .into_iter()
        .filter(|a| a.article.outlet.is_none() && a.outlet() == Some("Iraqi News"))
        .count();
    // Odd positions lack the outlet: 3 and 9 are exact copies, 1 and 7 shorter copies whose
    // shingles are (by the 0.8 containment rule) inside the fullest text.
    assert_eq!(inherited, 4);
}

#[test]
fn schema_is_versioned_and_a_newer_database_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("v.db");
    drop(Store::open(&path).expect("create"));
    drop(Store::open(&path).expect("reopen runs no migration twice"));
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let v: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version");
    assert_eq!(v, 2, "every migration ran, once");
    conn.pragma_update(None, "user_version", 99).expect("bump");
    drop(conn);
    match Store::open(&path) {
        Err(StoreError::TooNew { found: 99, .. }) => {}
        Err(other) => panic!("wrong error: {other}"),
        Ok(_) => panic!("a database from a newer dateline must be refused"),
    }
}

/// A mention of article `i`: a meeting on `day`, reported with `killed` dead (to give counts to
/// merge and to disagree on).
fn mention(
    i: usize,
    k: usize,
    day: &str,
    killed: Option<u32>,
) -> dateline_core::event::EventMention {
    let json = serde_json::json!({
        "id": format!("a{i}:{k}"),
        "capture": format!("c{i}.txt"),
        "article": format!("a{i}"),
        "outlet": null,
        "type": "CONSULT",
        "mode": "meet",
        "date": {"raw": "on Monday", "value": day, "precision": "day", "range": [day, day]},
        "place": {"name": "Baghdad", "admin1": "Baghdad", "country": "IRQ", "lat": null, "lon": null, "precision": "city"},
        "actors": [
            {"name": "Mohammed Shia al-Sudani", "role": null, "organisation": null, "country": "IRQ", "side": "source", "text": "Al-Sudani"},
            {"name": "Michael Kurilla", "role": null, "organisation": null, "country": "USA", "side": "target", "text": "Kurilla"}
        ],
        "counts": {"killed": killed, "injured": null, "arrested": null, "qualifier": null},
        "evidence": {"sentence": "Al-Sudani met Kurilla on Monday; the mission will end in September 2026.", "start": 0, "end": 10}
    });
    serde_json::from_value(json).expect("a mention")
}

fn encoded(mentions: &[EventMention]) -> Vec<EncodedMention> {
    mentions
        .iter()
        .map(|m| EncodedMention::of(m).expect("a mention encodes"))
        .collect()
}

/// The rebuild streams the store through `Corpus`; the same corpus held in memory must give the
/// same stories and events, every kind of conflict included.
#[test]
fn the_rebuild_over_sqlite_equals_the_rebuild_in_memory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut caps = corpus();
    let mut mentions = Vec::new();
    for (i, c) in caps.iter_mut().enumerate() {
        let day = if i % 4 == 0 {
            "2025-07-21"
        } else {
            "2025-07-22"
        };
        // Death tolls of 3, 4 and 5; the mission's end in 2026 or in 2025; the threat gone or
        // not. Articles 6 to 11 report only a meeting on the 23rd, which the first six do not
        // report: one story, two dates for one meeting.
        let mut first = mention(i, 0, "2025-07-21", Some(3 + (i % 3) as u32));
        if i % 2 == 1 {
            first.evidence.sentence = first.evidence.sentence.replace("2026", "2025");
        }
        let mut second = mention(i, 1, day, None);
        second.claim = Some(
            if i % 3 == 0 {
                "no longer a threat"
            } else {
                "remains a threat"
            }
            .to_owned(),
        );
        let of_capture = if i < 6 {
            vec![first, second]
        } else {
            vec![mention(i, 2, "2025-07-23", None)]
        };
        c.mentions = encoded(&of_capture);
        mentions.extend(of_capture);
    }
    let mut store = Store::open(&dir.path().join("s.db")).expect("open");
    store.ingest_batch(&caps, &[]).expect("ingest");
    store.rebuild().expect("rebuild");

    let digests: Vec<dateline_corpus::ArticleDigest> = caps
        .iter()
        .flat_map(|c| c.articles.iter().zip(&c.fingerprints))
        .map(|(a, fp)| dateline_corpus::ArticleDigest {
            id: a.id.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            published: a.published.clone(),
            captured: a.captured.clone(),
            words: a.word_count() as u32,
            fingerprint: fp.clone(),
        })
        .collect();
    let (stories, events) = dateline_corpus::memory::in_memory(&digests, &mentions);

    assert_eq!(store.stories().expect("stories"), stories);
    assert_eq!(store.events().expect("events").len(), events.len());
    let mut stored = store.events().expect("events");
    stored.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(stored, events);
    let flagged = |field: &str, value: &str| {
        events.iter().any(|e| {
            (e.conflicts.iter())
                .any(|c| c.field == field && c.values.iter().any(|v| v.value.starts_with(value)))
        })
    };
    assert!(
        flagged("killed", "5"),
        "the differing death tolls: {events:#?}"
    );
    assert!(flagged("date", "2025-09"), "the mission's end: {events:#?}");
    assert!(
        flagged("date", "2025-07-23"),
        "the meeting's day: {events:#?}"
    );
    assert!(
        flagged("claim", "no longer a threat"),
        "the threat: {events:#?}"
    );
}

/// A new version of a file (its page or its sidecar changed, so its identity did) replaces the
/// rows of the old one; the old version is not kept beside it, and the same version is known.
#[test]
fn a_new_version_of_a_file_replaces_its_rows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("v.db")).expect("open");
    let mut first = capture(1, BODY);
    first.mentions = encoded(&[mention(1, 0, "2025-07-21", None)]);
    let r = store.ingest_batch(&[first.clone()], &[]).expect("first");
    assert_eq!((r.new_captures, r.replaced, r.mentions), (1, 0, 1));
    store.rebuild().expect("rebuild");

    // Same file, another identity: the page read with a sidecar added later.
    let mut second = capture(2, "The bridge over the Shatt al-Arab opens next week.");
    second.file.clone_from(&first.file);
    let r = store.ingest_batch(&[second.clone()], &[]).expect("second");
    assert_eq!((r.new_captures, r.replaced, r.known_captures), (1, 1, 0));
    assert!(
        store.is_stale().expect("stale"),
        "derived rows must be redone"
    );
    let counts = store.counts().expect("counts");
    let count = |t: &str| counts.iter().find(|(n, _)| *n == t).map_or(0, |c| c.1);
    assert_eq!(
        (
            count("captures"),
            count("articles"),
            count("event_mentions")
        ),
        (1, 1, 0),
        "the old version's capture, article and mention are gone"
    );
    assert!(store.article("a1").expect("read").is_none());
    assert!(store.article("a2").expect("read").is_some());

    let again = store.ingest_batch(&[second], &[]).expect("again");
    assert_eq!((again.new_captures, again.known_captures), (0, 1));
    // Another file with the first version's identity is a capture of its own.
    let mut copy = first;
    copy.file = "/elsewhere/c1.txt".into();
    let r = store.ingest_batch(&[copy], &[]).expect("copy");
    assert_eq!((r.new_captures, r.replaced), (1, 0));
    store.rebuild().expect("rebuild");
    assert_eq!(store.articles().expect("articles").len(), 2);
}

/// Two processes creating one database at once: each waits for the other's lock instead of
/// failing with "database is locked", and the schema is created once ("table already exists"
/// never happens). Threads with connections of their own take the same file locks as processes.
#[test]
fn concurrent_creation_of_one_database_succeeds() {
    let dir = tempfile::tempdir().expect("tempdir");
    for round in 0..20 {
        let path = dir.path().join(format!("new{round}.db"));
        let openers: Vec<_> = (0..3)
            .map(|i| {
                let path = path.clone();
                std::thread::spawn(move || {
                    let mut store = Store::open(&path).map_err(|e| e.to_string())?;
                    store
                        .ingest_batch(&[capture(round * 10 + i, BODY)], &[])
                        .map_err(|e| e.to_string())?;
                    store.rebuild().map_err(|e| e.to_string())?;
                    Ok::<_, String>(())
                })
            })
            .collect();
        for o in openers {
            let result = o.join().expect("no panic");
            assert!(result.is_ok(), "round {round}: {result:?}");
        }
        let store = Store::open_read_only(&path).expect("read");
        assert_eq!(store.articles().expect("articles").len(), 3);
        assert!(!store.is_stale().expect("stale"));
    }
}
