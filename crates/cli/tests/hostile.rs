//! Hostile and unlucky input at the command line: files that are not files, symlink loops, pages
//! that are damaged but readable, escape sequences in a page, a typo in a path, a closed pipe.
//! Every input is accounted for, nothing blocks, and a page cannot drive the terminal.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs `dateline args` in `dir`, output to files, and kills it if it has not ended after a
/// generous while: a FIFO read by mistake blocks forever, and the test must end to say so.
fn run_bounded(args: &[&str], dir: &Path) -> Output {
    let out_path = dir.join("stdout.log");
    let err_path = dir.join("stderr.log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).expect("stdout file"))
        .stderr(std::fs::File::create(&err_path).expect("stderr file"))
        .spawn()
        .expect("run dateline");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "dateline {args:?} did not end: {}",
                std::fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let output = Output {
        status,
        stdout: std::fs::read(&out_path).expect("stdout"),
        stderr: std::fs::read(&err_path).expect("stderr"),
    };
    let _ = std::fs::remove_file(out_path);
    let _ = std::fs::remove_file(err_path);
    output
}

const PAGE: &str = "<!doctype html><html><head><title>Basra bridge opens</title></head><body>\
<h1>Basra bridge opens</h1><p>The ministry said on Monday that the new bridge over the Shatt \
al-Arab would open to traffic next week, after four years of work.</p>\
<p>Engineers inspected the structure on Sunday and found it sound.</p></body></html>";

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo")
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

fn rejection<'a>(stderr: &'a str, file: &str) -> &'a str {
    stderr
        .lines()
        .find(|l| l.starts_with("rejected") && l.contains(file))
        .unwrap_or_else(|| panic!("no rejection line for {file}:\n{stderr}"))
}

#[cfg(unix)]
#[test]
fn fifos_devices_and_symlink_loops_are_rejected_or_visited_once() {
    let dir = support::scratch("hostile-special");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(corpus.join("sub")).expect("mkdir");
    std::fs::write(corpus.join("sub/page.html"), PAGE).expect("write");
    std::os::unix::fs::symlink("/dev/zero", corpus.join("zero.txt")).expect("symlink");
    mkfifo(&corpus.join("pipe.txt"));
    // A page whose sidecar is a FIFO, and a FIFO behind a symlink.
    std::fs::write(corpus.join("side.html"), PAGE.replace("Basra", "Mosul")).expect("write");
    mkfifo(&corpus.join("side.toml"));
    std::os::unix::fs::symlink("pipe.txt", corpus.join("linked.html")).expect("symlink");
    // A loop back to the top, and a second route to `sub`.
    std::os::unix::fs::symlink(".", corpus.join("self")).expect("symlink");
    std::os::unix::fs::symlink("sub", corpus.join("again")).expect("symlink");

    let out = run_bounded(&["extract", "corpus"], &dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for (file, reason) in [
        ("zero.txt", "not a regular file (a device)"),
        ("pipe.txt", "not a regular file (a FIFO)"),
        ("linked.html", "not a regular file (a FIFO)"),
        (
            "side.html",
            "side.toml: bad sidecar: not a regular file (a FIFO)",
        ),
    ] {
        let line = rejection(&stderr, file);
        assert!(line.contains(reason), "{file}: {line}");
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.lines().count(),
        1,
        "sub/page.html is read once, whatever the routes to it: {stdout}"
    );
    assert!(
        stderr.contains("read 5 files (2 other files skipped): 1 articles"),
        "every input is accounted for, the two extra routes as skipped: {stderr}"
    );
    assert!(stderr.contains("4 rejected"), "{stderr}");
}

#[test]
fn damaged_but_readable_pages_are_read_and_the_damage_is_reported() {
    let dir = support::scratch("hostile-damaged");
    let mut nul = PAGE.as_bytes().to_vec();
    let at = PAGE.find("the new bridge").expect("in page");
    nul.insert(at, 0);
    std::fs::write(dir.join("nul.html"), nul).expect("write");
    let utf16: Vec<u8> = PAGE
        .replace("Basra", "Kirkuk")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(dir.join("utf16.html"), utf16).expect("write");
    let mut cut =
        "Baghdad’s bridge opens\n\nThe ministry said on Monday that the bridge would open…"
            .as_bytes()
            .to_vec();
    let offset = cut.len();
    cut.push(0xC0);
    std::fs::write(dir.join("cut.txt"), cut).expect("write");

    let out = run_bounded(&["extract", "--strict", "."], &dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "nothing rejected: {stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let articles: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(articles.len(), 3, "{stdout}");
    let text = stdout.to_string();
    assert!(text.contains("the new bridge"), "{text}");
    assert!(
        text.contains("Kirkuk bridge opens"),
        "UTF-16 is decoded: {text}"
    );
    assert!(
        text.contains("Baghdad’s bridge opens"),
        "still UTF-8: {text}"
    );
    let warning = stderr
        .lines()
        .find(|l| l.starts_with("warning") && l.contains("cut.txt"))
        .unwrap_or_else(|| panic!("no warning for cut.txt: {stderr}"));
    assert!(
        warning.contains(&format!("byte offset {offset}")),
        "{warning}"
    );
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("warning") && l.contains("nul.html") && l.contains("NUL")),
        "{stderr}"
    );
}

#[test]
fn a_sidecar_with_an_unknown_charset_or_a_bad_url_is_refused() {
    let dir = support::scratch("hostile-sidecar");
    for (name, sidecar) in [
        ("charset", "charset = \"nonsense\"\n"),
        ("url", "url = \"not a url\"\n"),
    ] {
        std::fs::write(dir.join(format!("{name}.html")), PAGE).expect("write");
        std::fs::write(dir.join(format!("{name}.toml")), sidecar).expect("write");
    }
    let out = run_bounded(&["extract", "."], &dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(rejection(&stderr, "charset.html").contains("charset \"nonsense\""));
    assert!(rejection(&stderr, "url.html").contains("url \"not a url\""));
}

#[test]
fn ingest_of_a_path_that_does_not_exist_fails_and_creates_nothing() {
    let dir = support::scratch("hostile-typo");
    let out = run_bounded(&["ingest", "--db", "x.db", "/typo-dateline-nowhere"], &dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("no such file or folder: /typo-dateline-nowhere"),
        "{stderr}"
    );
    assert!(!dir.join("x.db").exists(), "no database for a typo");
}

#[test]
fn an_empty_text_filter_is_refused_alike_for_every_option() {
    let dir = support::scratch("hostile-empty-filter");
    for option in ["--actor", "--place", "--outlet"] {
        let out = run_bounded(&["events", "--db", "none.db", option, ""], &dir);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{option}: {stderr}");
        assert!(stderr.contains("an empty filter"), "{option}: {stderr}");
    }
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let dir = support::scratch("hostile-pipe");
    for i in 0..20 {
        std::fs::write(dir.join(format!("p{i:02}.html")), PAGE).expect("write");
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["extract", "."])
        .current_dir(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dateline");
    // The reader leaves before reading anything, as `| head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        !stderr.to_lowercase().contains("broken pipe"),
        "no broken-pipe message: {stderr}"
    );
}

fn event_page() -> String {
    "<!doctype html><html><head><title>Basra \u{1b}]0;pwned\u{7} attack\nsecond line</title></head>\
     <body><h1>Basra \u{1b}]0;pwned\u{7} attack\nsecond line</h1>\
     <p>Iraqi forces killed five militants in an attack in Basra on Monday, \u{1b}[2J the interior \
     ministry said.</p><p>The militants had attacked a checkpoint north of the city on Sunday.</p>\
     </body></html>"
        .to_owned()
}

#[test]
fn table_output_escapes_control_characters_from_a_page() {
    let dir = support::scratch("hostile-escapes");
    let corpus: PathBuf = dir.join("corpus");
    std::fs::create_dir_all(&corpus).expect("mkdir");
    std::fs::write(corpus.join("esc.html"), event_page()).expect("write");
    support::dateline(&["ingest", "--db", "x.db", "corpus"], &dir);
    let clean = |out: &Output| {
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !text.contains(['\u{1b}', '\u{7}']),
            "raw control characters: {text:?}"
        );
        text
    };
    let table = clean(&run_bounded(
        &["articles", "--db", "x.db", "--format", "table"],
        &dir,
    ));
    assert!(table.contains("\\u{1b}]0;pwned\\u{7}"), "{table}");
    assert_eq!(table.lines().count(), 3, "header, one row, count: {table}");

    let jsonl = run_bounded(&["articles", "--db", "x.db", "--format", "jsonl"], &dir);
    let line: serde_json::Value = serde_json::from_slice(&jsonl.stdout).expect("one JSON object");
    assert!(
        line["title"].as_str().is_some_and(|t| t.contains('\u{1b}')),
        "JSON keeps the text as it is: {line}"
    );

    let events = run_bounded(
        &[
            "events",
            "--db",
            "x.db",
            "--min-confidence",
            "0",
            "--format",
            "jsonl",
        ],
        &dir,
    );
    let first = String::from_utf8_lossy(&events.stdout)
        .lines()
        .next()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"));
    let id = first
        .as_ref()
        .and_then(|e| e["id"].as_str())
        .unwrap_or_else(|| panic!("an event: {}", String::from_utf8_lossy(&events.stderr)))
        .to_owned();
    let show = clean(&run_bounded(&["show", "--db", "x.db", &id], &dir));
    assert!(show.contains("\\u{1b}"), "{show}");
    clean(&run_bounded(
        &[
            "events",
            "--db",
            "x.db",
            "--min-confidence",
            "0",
            "--format",
            "table",
        ],
        &dir,
    ));
    clean(&run_bounded(
        &["timeline", "--db", "x.db", "--min-confidence", "0"],
        &dir,
    ));
    clean(&run_bounded(
        &["stories", "--db", "x.db", "--format", "table"],
        &dir,
    ));
}
