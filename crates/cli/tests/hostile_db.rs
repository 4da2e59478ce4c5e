//! Hostile and unlucky use of the database: a sidecar added or fixed after an ingest, queries
//! after an interrupted ingest, two ingests creating one database at once, a database where
//! nothing may be written.

mod support;

use dateline_store::{NewCapture, Store};
use std::path::Path;
use std::process::{Command, Output};

const PAGE: &str = "Bridge over the Shatt al-Arab opens\n\nThe ministry said on Monday that the \
new bridge in Basra would open to traffic next week, after four years of work.\n\nEngineers \
inspected the structure on Sunday and found it sound.\n";

fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run dateline")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn articles(db: &Path) -> Vec<serde_json::Value> {
    let store = Store::open_read_only(db).expect("open");
    store
        .articles()
        .expect("articles")
        .into_iter()
        .map(|a| serde_json::to_value(&a.article).expect("json"))
        .collect()
}

fn count(db: &Path, table: &str) -> u64 {
    let store = Store::open_read_only(db).expect("open");
    let counts = store.counts().expect("counts");
    counts.iter().find(|(t, _)| *t == table).map_or(0, |c| c.1)
}

#[test]
fn a_sidecar_added_or_fixed_after_ingest_makes_a_new_version_that_replaces_the_old() {
    let dir = support::scratch("db-sidecar");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).expect("mkdir");
    std::fs::write(corpus.join("x.txt"), PAGE).expect("write");
    let db = dir.join("x.db");
    support::dateline(&["ingest", "--db", "x.db", "corpus"], &dir);
    let before = articles(&db);
    assert_eq!(before.len(), 1);
    assert!(before[0]["url"].is_null() && before[0]["captured"]["value"].is_null());

    // The sidecar arrives later: the page is read again with it, and its rows replaced.
    let sidecar = |day: &str| {
        format!("url = \"https://example.org/basra-bridge\"\ncaptured_at = \"{day}T08:00:00Z\"\n")
    };
    std::fs::write(corpus.join("x.toml"), sidecar("2025-07-22")).expect("write");
    let out = support::dateline(&["ingest", "--db", "x.db", "corpus"], &dir);
    assert!(
        stderr(&out).contains(
            "1 new captures (1 replacing an earlier version of their file), 0 already known"
        ),
        "{}",
        stderr(&out)
    );
    let after = articles(&db);
    assert_eq!(after.len(), 1, "replaced, not added beside: {after:?}");
    assert_ne!(after[0]["id"], before[0]["id"]);
    assert_eq!(after[0]["url"], "https://example.org/basra-bridge");
    assert_eq!(after[0]["captured"]["value"], "2025-07-22T08:00Z");
    assert_eq!(count(&db, "captures"), 1);

    // The same page and sidecar: already known.
    let out = support::dateline(&["ingest", "--db", "x.db", "corpus"], &dir);
    assert!(
        stderr(&out).contains("0 new captures, 1 already known"),
        "{}",
        stderr(&out)
    );

    // A fixed sidecar, and the same page beside it with another sidecar: two captures, each
    // read with its own sidecar.
    std::fs::write(corpus.join("x.toml"), sidecar("2025-07-23")).expect("write");
    std::fs::write(corpus.join("y.txt"), PAGE).expect("write");
    std::fs::write(corpus.join("y.toml"), sidecar("2025-07-24")).expect("write");
    support::dateline(&["ingest", "--db", "x.db", "corpus"], &dir);
    let both = articles(&db);
    let days: Vec<&str> = both
        .iter()
        .filter_map(|a| a["captured"]["value"].as_str())
        .collect();
    assert_eq!(days, ["2025-07-23T08:00Z", "2025-07-24T08:00Z"], "{both:?}");
    assert_eq!(count(&db, "captures"), 2);

    // What the replacements left is what one ingest of the final files gives.
    support::dateline(&["ingest", "--db", "fresh.db", "corpus"], &dir);
    let digest = |p: &Path| {
        Store::open_read_only(p)
            .and_then(|s| s.digest())
            .expect("digest")
    };
    assert_eq!(digest(&db), digest(&dir.join("fresh.db")));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_sidecar_url_is_kept_for_pages_the_generic_adapter_reads() {
    let dir = support::scratch("db-url");
    std::fs::write(dir.join("t.txt"), PAGE).expect("write");
    std::fs::write(
        dir.join("h.html"),
        "<html><head><title>Bridge opens</title></head><body><h1>Bridge opens</h1><p>The \
         ministry said on Monday that the new bridge in Basra would open next week.</p></body></html>",
    )
    .expect("write");
    for name in ["t", "h"] {
        std::fs::write(
            dir.join(format!("{name}.toml")),
            format!("url = \"https://example.org/{name}\"\n"),
        )
        .expect("write");
    }
    let out = support::dateline(&["extract", "."], &dir);
    let urls: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
        .inspect(|a| assert_eq!(a["adapter"]["name"], "generic", "{a}"))
        .map(|a| a["url"].clone())
        .collect();
    assert_eq!(urls, ["https://example.org/h", "https://example.org/t"]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// What an ingest killed after a committed batch leaves: the batch stored, the derived rows not
/// redone (`crates/cli/tests/ingest.rs` kills a real one; this builds the state directly).
fn interrupted(dir: &Path, db: &Path) {
    let path = dir.join("corpus/late.txt");
    std::fs::write(&path, PAGE.replace("Basra", "Mosul")).expect("write");
    let capture = dateline_core::Capture::load(&path).expect("load");
    // Names the adapter crates, so their registrations are linked into this test.
    assert!(!dateline_adapters::linked().is_empty());
    let x = dateline_core::extract(&capture).expect("extract");
    let new = NewCapture::new(&capture, x.adapter, &x.reason, x.articles, Vec::new());
    let mut store = Store::open(db).expect("open");
    store.ingest_batch(&[new], &[]).expect("batch");
}

#[test]
fn queries_refuse_a_database_left_stale_by_an_interrupted_ingest() {
    let dir = support::scratch("db-stale");
    std::fs::create_dir_all(dir.join("corpus")).expect("mkdir");
    std::fs::write(dir.join("corpus/x.txt"), PAGE).expect("write");
    support::dateline(&["ingest", "--db", "x.db", "corpus"], &dir);
    interrupted(&dir, &dir.join("x.db"));
    for cmd in [
        vec!["articles", "--db", "x.db"],
        vec!["stories", "--db", "x.db"],
        vec!["events", "--db", "x.db"],
        vec!["timeline", "--db", "x.db"],
        vec!["report", "--db", "x.db", "-o", "t.html"],
        vec!["show", "--db", "x.db", "e0000000000000000"],
    ] {
        let out = run(&cmd, &dir);
        let err = stderr(&out);
        assert!(!out.status.success(), "{cmd:?} must fail: {err}");
        assert!(
            err.contains("out of date") && err.contains("Rerun `dateline ingest --db x.db"),
            "{cmd:?}: {err}"
        );
        assert!(out.stdout.is_empty(), "{cmd:?} printed rows");
    }
    assert!(
        !dir.join("t.html").exists(),
        "no report from a stale database"
    );
    // The rerun finishes the interrupted ingest, and the queries answer again.
    support::dateline(&["ingest", "--db", "x.db", "corpus"], &dir);
    let out = support::dateline(&["articles", "--db", "x.db", "--format", "jsonl"], &dir);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn two_ingests_creating_one_database_at_once_both_succeed() {
    let dir = support::scratch("db-concurrent");
    for (folder, city) in [("a", "Basra"), ("b", "Mosul")] {
        std::fs::create_dir_all(dir.join(folder)).expect("mkdir");
        for i in 0..3 {
            let page = PAGE.replace("Basra", &format!("{city} {i}"));
            std::fs::write(dir.join(format!("{folder}/{i}.txt")), page).expect("write");
        }
    }
    for round in 0..5 {
        let db = format!("new{round}.db");
        let spawn = |folder: &str| {
            Command::new(env!("CARGO_BIN_EXE_dateline"))
                .args(["ingest", "--db", &db, folder])
                .current_dir(&dir)
                .output()
        };
        let (a, b) = std::thread::scope(|s| {
            let a = s.spawn(|| spawn("a"));
            let b = s.spawn(|| spawn("b"));
            (a.join(), b.join())
        });
        for out in [a, b] {
            let out = out.expect("no panic").expect("run dateline");
            assert!(out.status.success(), "round {round}: {}", stderr(&out));
        }
        assert_eq!(count(&dir.join(&db), "captures"), 6, "round {round}");
        let out = support::dateline(&["articles", "--db", &db, "--format", "jsonl"], &dir);
        assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 6);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A database in a folder and file nobody may write to. Permissions stop writes only for a user
/// other than root: as root, the queries run as `nobody` through `setpriv` when it is there (the
/// honest check); without it, they run as root and this shows only that queries succeed on a
/// read-only file in a read-only folder, while `Store`'s own test holds the read-only flag.
#[cfg(unix)]
#[test]
fn a_database_where_nothing_may_be_written_can_be_queried() {
    use std::os::unix::fs::PermissionsExt;
    let dir = support::scratch("db-read-only");
    std::fs::create_dir_all(dir.join("corpus")).expect("mkdir");
    std::fs::write(dir.join("corpus/x.txt"), PAGE).expect("write");
    let ro = dir.join("ro");
    std::fs::create_dir_all(&ro).expect("mkdir");
    support::dateline(&["ingest", "--db", "ro/x.db", "corpus"], &dir);
    let out_dir = dir.join("out");
    std::fs::create_dir_all(&out_dir).expect("mkdir");
    let mode = |p: &Path, m: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).expect("chmod");
    };
    mode(&out_dir, 0o777);
    mode(&ro.join("x.db"), 0o444);
    mode(&ro, 0o555);
    let listing = || std::fs::read_dir(&ro).expect("ls").count();
    let files = listing();
    let root = std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
        .unwrap_or(false);
    let setpriv = Path::new("/usr/bin/setpriv").exists();
    let run_as = |args: &[&str]| {
        let mut cmd = if root && setpriv {
            let mut c = Command::new("/usr/bin/setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(env!("CARGO_BIN_EXE_dateline"));
            c
        } else {
            Command::new(env!("CARGO_BIN_EXE_dateline"))
        };
        cmd.args(args).current_dir(&dir).output().expect("run")
    };
    if root && !setpriv {
        eprintln!("running as root without setpriv: permissions cannot be enforced here");
    }
    for cmd in [
        vec!["articles", "--db", "ro/x.db", "--format", "jsonl"],
        vec!["events", "--db", "ro/x.db", "--min-confidence", "0"],
        vec!["stories", "--db", "ro/x.db", "--format", "jsonl"],
        vec!["timeline", "--db", "ro/x.db", "--min-confidence", "0"],
        vec!["report", "--db", "ro/x.db", "-o", "out/t.html"],
    ] {
        let out = run_as(&cmd);
        assert!(out.status.success(), "{cmd:?}: {}", stderr(&out));
    }
    let out = run_as(&["articles", "--db", "ro/x.db", "--format", "jsonl"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    assert!(out_dir.join("t.html").exists());
    assert_eq!(listing(), files, "nothing created beside the database");
    mode(&ro, 0o755);
    let _ = std::fs::remove_dir_all(&dir);
}
