//! Bad input gets a clear reason naming the file, never a panic, and nothing is lost: every file
//! given is counted as articles or as a rejection.

mod support;

use std::path::Path;
use std::process::{Command, Output};

/// Runs `dateline args` in `dir`, whatever its exit status: these tests expect failures.
fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run dateline")
}

#[test]
fn bad_files_are_rejected_with_reasons_and_counted() {
    let dir = support::scratch("rejections-bad");
    std::fs::write(dir.join("empty.txt"), b"").expect("write");
    std::fs::write(dir.join("blank.txt"), b"\n \r\n").expect("write");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..4096u32).map(|i| (i * 7919 % 251) as u8));
    std::fs::write(dir.join("photo.html"), &png).expect("write");
    // 50 MB, written sparsely so the test stays fast.
    let big = std::fs::File::create(dir.join("huge.txt")).expect("create");
    big.set_len(50 * 1024 * 1024).expect("grow");
    std::fs::write(
        dir.join("bad-sidecar.txt"),
        "Title\n\nA body line that is long enough to count.\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("bad-sidecar.toml"),
        "captured_at = \"last tuesday\"\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("good.txt"),
        "A headline\n\nA first paragraph with enough words to be a body paragraph here.\n",
    )
    .expect("write");
    std::fs::write(dir.join("notes.md"), "not a capture").expect("write");

    let out = run(&["extract", "."], &dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "rejections alone do not fail without --strict: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    for (file, reason) in [
        ("empty.txt", "empty file"),
        ("blank.txt", "empty file"),
        ("photo.html", "binary data"),
        ("huge.txt", "50.0 MiB is over the 32.0 MiB limit"),
        ("bad-sidecar.txt", "captured_at"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.starts_with("rejected") && l.contains(file));
        let line = line.unwrap_or_else(|| panic!("no rejection line for {file}:\n{stderr}"));
        assert!(line.contains(reason), "{file}: {line}");
    }
    assert!(
        stderr.contains("read 6 files (1 other files skipped): 1 articles (generic 1), 5 rejected"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.lines().count(),
        1,
        "only good.txt yields an article: {stdout}"
    );

    let strict = run(&["extract", "--strict", "."], &dir);
    assert_eq!(
        strict.status.code(),
        Some(1),
        "--strict fails when something was rejected"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn named_files_that_are_missing_or_not_captures_are_rejected() {
    let dir = support::scratch("rejections-named");
    std::fs::write(dir.join("report.pdf"), b"%PDF-1.4").expect("write");
    let out = run(&["extract", "report.pdf", "missing.txt"], &dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("rejected report.pdf: not a capture"),
        "{stderr}"
    );
    assert!(
        stderr.contains("rejected missing.txt: no such file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("read 2 files: 0 articles, 2 rejected"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
