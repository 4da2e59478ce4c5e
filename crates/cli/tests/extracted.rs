//! `dateline ingest` of articles and mentions extracted elsewhere (`dateline extract`, `extract
//! --events`, the Spark job's partitions): stored without extracting again, the same events as an
//! ingest of the captures themselves.

mod support;

use std::io::Write;
use std::path::Path;
use support::{dateline, root, scratch};

fn events(db: &str, dir: &Path) -> String {
    let out = dateline(
        &[
            "events",
            "--db",
            db,
            "--format",
            "jsonl",
            "--min-confidence",
            "0",
        ],
        dir,
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn extracted_json_lines_give_the_events_of_the_captures() {
    let dir = scratch("extracted");
    let samples = root().join("samples/seeds");
    let articles = dateline(&[Path::new("extract"), &samples], &dir).stdout;
    let mentions = dateline(
        &[Path::new("extract"), Path::new("--events"), &samples],
        &dir,
    )
    .stdout;
    // As the Spark job writes them: partitions, one gzipped, with Hadoop's marker files beside.
    let out = dir.join("out");
    std::fs::create_dir_all(out.join("articles")).expect("dir");
    std::fs::create_dir_all(out.join("mentions")).expect("dir");
    std::fs::write(out.join("articles/part-00000"), &articles).expect("write");
    std::fs::write(out.join("articles/_SUCCESS"), "").expect("write");
    std::fs::write(out.join("articles/.part-00000.crc"), "crc").expect("write");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&mentions).expect("gzip");
    std::fs::write(
        out.join("mentions/part-00000.gz"),
        gz.finish().expect("gzip"),
    )
    .expect("write");

    dateline(
        &[
            Path::new("ingest"),
            Path::new("--db"),
            Path::new("direct.db"),
            &samples,
        ],
        &dir,
    );
    let first = dateline(&["ingest", "--db", "json.db", "out"], &dir);
    let stderr = String::from_utf8_lossy(&first.stderr);
    let n_articles = String::from_utf8_lossy(&articles).lines().count();
    let n_mentions = String::from_utf8_lossy(&mentions).lines().count();
    assert!(
        stderr.contains(&format!(
            "read 2 files of extracted JSON Lines: 5 new captures, 0 already known, {n_articles} articles, {n_mentions} event mentions, 0 rejected"
        )),
        "{stderr}"
    );
    assert_eq!(events("json.db", &dir), events("direct.db", &dir));

    let again = dateline(&["ingest", "--db", "json.db", "out"], &dir);
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("0 new captures, 5 already known, 0 articles, 0 event mentions"),
        "a rerun adds nothing: {stderr}"
    );
}

#[test]
fn bad_lines_are_rejected_with_file_and_line_and_extract_refuses_extracted_files() {
    let dir = scratch("extracted-bad");
    let samples = root().join("samples/seeds/003_7244e11d86438f72.txt");
    let mut text = dateline(&[Path::new("extract"), &samples], &dir).stdout;
    text.extend_from_slice(b"{\"not\": \"an article\"}\nnot json at all\n");
    std::fs::write(dir.join("x.jsonl"), &text).expect("write");
    let out = dateline(&["ingest", "--db", "x.db", "x.jsonl"], &dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("rejected x.jsonl:2: neither an article")
            && stderr.contains("rejected x.jsonl:3: not JSON")
            && stderr.contains("1 new captures"),
        "{stderr}"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["extract", "x.jsonl"])
        .current_dir(&dir)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("`dateline ingest` stores them"), "{stderr}");
}
