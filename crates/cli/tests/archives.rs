//! Web archives: the sample captures and every adapter fixture written into WARC and WACZ files
//! by warcio (the Webrecorder library archiving tools use), with URL and time in the record
//! headers and no sidecars, read by `dateline extract` and `dateline ingest`. An archive must
//! give, field for field, the articles of the same pages in a folder with sidecars.

mod support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::{dateline, root, scratch};

/// The Python with warcio that `cargo xtask test` prepares (target/test-venv).
fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("DATELINE_TEST_PYTHON") {
        return p.into();
    }
    let venv = root().join("target/test-venv/bin/python");
    assert!(
        venv.exists(),
        "this test writes WARC files with warcio, in the Python environment that `cargo xtask test` \
         creates (target/test-venv); run `cargo xtask test`"
    );
    venv
}

fn jsonl(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

/// Every capture of the samples and the adapter fixtures, by the folder it is in.
fn captures() -> Vec<(String, PathBuf)> {
    let mut folders = vec![("samples".to_owned(), root().join("samples/seeds"))];
    let mut adapters: Vec<PathBuf> = std::fs::read_dir(root().join("adapters"))
        .expect("adapters/")
        .flatten()
        .map(|e| e.path().join("fixtures"))
        .filter(|p| p.is_dir())
        .collect();
    adapters.sort();
    for dir in adapters {
        let name = dir.parent().and_then(Path::file_name).unwrap();
        folders.push((name.to_string_lossy().into_owned(), dir));
    }
    let mut out = Vec::new();
    for (group, dir) in folders {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("fixture folder")
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.extension()
                    .is_some_and(|e| e == "txt" || e == "html" || e == "htm")
            })
            .collect();
        files.sort();
        out.extend(files.into_iter().map(|f| (group.clone(), f)));
    }
    // The order `dateline extract folder` walks the copies in.
    out.sort_by(|a, b| (&a.0, a.1.file_name()).cmp(&(&b.0, b.1.file_name())));
    out
}

/// Adapter name → its first host, from `dateline adapters`.
fn hosts(dir: &Path) -> Vec<(String, String)> {
    let out = dateline(&["adapters"], dir);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            let host = cols.get(2)?;
            (!host.starts_with('(')).then(|| (cols[0].to_owned(), (*host).to_owned()))
        })
        .collect()
}

/// The url and time an archive records for a capture: its sidecar's, else (an archive always has
/// them) the page's own site's address and a fixed time.
fn origin(file: &Path, dir: &Path, hosts: &[(String, String)]) -> (String, String) {
    let sidecar: toml::Table = std::fs::read_to_string(file.with_extension("toml"))
        .ok()
        .map(|t| t.parse().expect("sidecar"))
        .unwrap_or_default();
    let get = |k: &str| sidecar.get(k).and_then(|v| v.as_str()).map(str::to_owned);
    let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
    let url = get("url").unwrap_or_else(|| {
        let out = dateline(&[Path::new("extract"), file], dir);
        let adapter = jsonl(&out.stdout)
            .first()
            .and_then(|a| a["adapter"]["name"].as_str().map(str::to_owned))
            .unwrap_or_default();
        match hosts.iter().find(|(a, _)| *a == adapter) {
            Some((_, host)) => format!("https://www.{host}/{stem}"),
            None => format!("https://captures.example/{stem}"),
        }
    });
    let at = get("captured_at").unwrap_or_else(|| "2025-09-01T12:00:00Z".into());
    (url, at)
}

struct Setup {
    dir: support::Scratch,
    /// Articles of the folder with sidecars, in walk order.
    folder: Vec<Value>,
    captures: usize,
    /// Captures that differ in page bytes, url or time (some fixtures are copies of samples).
    distinct: usize,
}

fn setup(name: &str) -> Setup {
    let dir = scratch(name);
    let hosts = hosts(&dir);
    let mut manifest = Vec::new();
    let all = captures();
    let mut seen = std::collections::HashSet::new();
    for (group, file) in &all {
        let (url, at) = origin(file, &dir, &hosts);
        seen.insert((
            std::fs::read(file).expect("capture"),
            url.clone(),
            at.clone(),
        ));
        let target = dir.join("folder").join(group);
        std::fs::create_dir_all(&target).expect("folder");
        let copy = target.join(file.file_name().unwrap());
        std::fs::copy(file, &copy).expect("copy capture");
        std::fs::write(
            copy.with_extension("toml"),
            format!("url = {url:?}\ncaptured_at = {at:?}\n"),
        )
        .expect("sidecar");
        let html = file.extension().is_some_and(|e| e != "txt");
        manifest.push(serde_json::json!({
            "file": copy,
            "url": url,
            "captured_at": at,
            "content_type": if html { "text/html" } else { "text/plain" },
        }));
    }
    std::fs::write(
        dir.join("manifest.json"),
        serde_json::to_string(&manifest).unwrap(),
    )
    .expect("manifest");
    let script = root().join("crates/cli/tests/support/write_archives.py");
    let out = Command::new(python())
        .arg(&script)
        .arg(dir.join("manifest.json"))
        .arg(dir.join("archives"))
        .output()
        .expect("run python");
    assert!(
        out.status.success(),
        "write_archives.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let folder = jsonl(&dateline(&["extract", "folder"], &dir).stdout);
    assert!(folder.len() >= all.len(), "every capture gives articles");
    Setup {
        dir,
        folder,
        captures: all.len(),
        distinct: seen.len(),
    }
}

fn without_capture(mut a: Value) -> Value {
    a.as_object_mut().expect("article object").remove("capture");
    a
}

#[test]
fn every_archive_form_gives_the_articles_of_the_folder_with_sidecars() {
    let s = setup("archives-extract");
    let n = s.captures;
    for archive in [
        "captures.warc.gz",
        "captures.warc",
        "encoded.warc.gz",
        "captures.wacz",
    ] {
        let out = dateline(&["extract", &format!("archives/{archive}")], &s.dir);
        let articles = jsonl(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            articles.len(),
            s.folder.len(),
            "{archive}: articles\n{stderr}"
        );
        for (got, want) in articles.iter().zip(&s.folder) {
            let name = got["capture"].as_str().unwrap_or_default();
            let prefix = if archive.ends_with(".wacz") {
                "captures.wacz#data.warc.gz#"
            } else {
                archive
            };
            assert!(
                name.starts_with(prefix)
                    && name[prefix.len()..]
                        .trim_start_matches('#')
                        .chars()
                        .all(|c| c.is_ascii_digit()),
                "{archive}: capture named ARCHIVE#OFFSET, got {name}"
            );
            assert_eq!(
                without_capture(got.clone()),
                without_capture(want.clone()),
                "{archive}: {name} differs from {}",
                want["capture"]
            );
        }
        assert!(
            stderr.contains(&format!(
                "read {n} files ({} archive records skipped: {n} request records, 1 image/png payloads, 1 warcinfo records)",
                n + 2
            )),
            "{archive}: every record accounted for: {stderr}"
        );
        assert!(stderr.contains(", 0 rejected"), "{archive}: {stderr}");
    }
}

#[test]
fn an_archive_ingested_twice_or_in_two_forms_is_stored_once() {
    let s = setup("archives-ingest");
    let n = s.captures;
    let first = dateline(
        &["ingest", "--db", "a.db", "archives/captures.warc.gz"],
        &s.dir,
    );
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert!(
        stderr.contains(&format!(
            "{} new captures, {} already known",
            s.distinct,
            n - s.distinct
        )),
        "copies of one page at one URL and time are one capture: {stderr}"
    );
    for again in ["archives/captures.warc.gz", "archives/captures.wacz"] {
        let out = dateline(&["ingest", "--db", "a.db", again], &s.dir);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("0 new captures, {n} already known")),
            "{again}: the same pages at the same URL and time are the same captures: {stderr}"
        );
    }
    // The same events as the folder's.
    dateline(&["ingest", "--db", "f.db", "folder"], &s.dir);
    let events = |db: &str| {
        let out = dateline(&["events", "--db", db, "--format", "jsonl"], &s.dir);
        let mut v: Vec<Value> = jsonl(&out.stdout)
            .into_iter()
            .map(|mut e| {
                // Mentions name their capture; the rest must agree.
                if let Some(ms) = e.get_mut("mentions").and_then(Value::as_array_mut) {
                    for m in ms {
                        if let Some(o) = m.as_object_mut() {
                            o.remove("capture");
                            o.remove("article");
                        }
                    }
                }
                e
            })
            .collect();
        v.sort_by_key(|e| e.to_string());
        v
    };
    assert_eq!(events("a.db"), events("f.db"));
}

/// A WARC of `n` small text pages, one gzip member per record, written here (warcio would take
/// longer than the test): a title and two sentences that differ per page.
fn large_warc(path: &Path, n: usize) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create warc"));
    for i in 0..n {
        let body = format!(
            "Report {i} from the north\n\nThe governor of province {} met the delegation {} on Monday.\n\nTalks on item {} went on.\n",
            i % 97,
            i * 7 % 1009,
            i * 13 % 10007
        );
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        let record = format!(
            "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/{i}\r\nWARC-Date: 2025-07-{:02}T09:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{i:012}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            1 + i % 28,
            http.len()
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(record.as_bytes()).expect("gzip");
        out.write_all(&gz.finish().expect("gzip"))
            .expect("write warc");
    }
    out.flush().expect("flush");
}

fn store_digest(db: &Path) -> (Vec<(&'static str, u64)>, String) {
    let s = dateline_store::Store::open_read_only(db).expect("open");
    (s.counts().expect("counts"), s.digest().expect("digest"))
}

#[test]
fn a_killed_ingest_of_a_large_warc_finishes_on_rerun_with_the_rows_of_a_clean_run() {
    const N: usize = 6_000;
    const BATCH: u64 = 100;
    let dir = scratch("archives-kill");
    large_warc(&dir.join("day.warc.gz"), N);
    dateline(&["ingest", "--db", "clean.db", "day.warc.gz"], &dir);

    let db = dir.join("killed.db");
    let at_kill = support::killed_ingest(&dir, "killed.db", BATCH, "day.warc.gz");
    assert!(at_kill < N as u64, "killed part-way ({at_kill} of {N})");

    let rerun = dateline(&["ingest", "--db", "killed.db", "day.warc.gz"], &dir);
    let stderr = String::from_utf8_lossy(&rerun.stderr);
    assert!(
        stderr.contains(&format!(
            "{} new captures, {at_kill} already known",
            N as u64 - at_kill
        )),
        "{stderr}"
    );
    assert_eq!(
        store_digest(&db),
        store_digest(&dir.join("clean.db")),
        "the rerun ends with the rows of the clean run"
    );
}
